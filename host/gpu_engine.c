/* gpu_engine.c: placeholder until the batch engine lands. */
#include "gpu_engine.h"

#include <stdio.h>

int gpu_engine_new(struct gpu_engine **out, const struct gpu_cl *cl, struct emu_proc *p,
                   unsigned batch, enum gpu_program_path path)
{
    (void)cl; (void)p; (void)batch; (void)path;
    *out = NULL;
    fprintf(stderr, "temu: the GPU engine is not built yet\n");
    return GPU_UNSUPPORTED;
}

enum emu_status gpu_engine_run(struct gpu_engine *e, struct emu_proc *p, uint64_t max_insns)
{
    (void)e; (void)p; (void)max_insns;
    return EMU_ERROR;
}

enum gpu_program_path gpu_engine_program_path(const struct gpu_engine *e)
{
    (void)e;
    return GPU_PROGRAM_SOURCE;
}

void gpu_engine_free(struct gpu_engine *e)
{
    (void)e;
}
