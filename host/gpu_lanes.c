/* gpu_lanes.c: lanes on the GPU engines (see gpu_lanes.h). Work in progress: not built yet. */
#include "gpu_lanes.h"

#include <stdio.h>
#include <stdlib.h>

struct gpu_lanes {
    int unused;
};

int gpu_lanes_new(struct gpu_lanes **out, const struct gpu_cl *cl, struct emu_proc *const *procs,
                  unsigned n, unsigned batch, uint32_t budget)
{
    (void)cl, (void)procs, (void)n, (void)batch, (void)budget;
    *out = NULL;
    fprintf(stderr, "temu: lanes on the GPU engines are not built yet\n");
    return GPU_ERROR;
}

int gpu_lanes_run(struct gpu_lanes *e, struct emu_proc *const *procs, unsigned n, uint64_t max_insns,
                  enum emu_status *status, struct emu_stats *total)
{
    (void)e, (void)procs, (void)n, (void)max_insns, (void)status, (void)total;
    return GPU_ERROR;
}

void gpu_lanes_convergence(const struct gpu_lanes *e, uint64_t *together, uint64_t *steps)
{
    (void)e;
    *together = *steps = 0;
}

void gpu_lanes_free(struct gpu_lanes *e)
{
    free(e);
}
