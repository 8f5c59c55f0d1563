/* temu_lanes_gpu.c: lanes on the GPU engines (--engine=gpu|resident; built with OpenCL only).
 * Every lane is opened and loaded first, since the device runs them all at once; then gpu_lanes.h
 * takes over. */
#include <stdlib.h>
#include <string.h>

#include "gpu_cl.h"
#include "gpu_lanes.h"
#include "temu_gpu_cfg.h"
#include "temu_lanes.h"
#include "temu_stats.h"

/* All lanes' files are open at once here: check the fd limit before opening any. */
static int check_fds(const struct temu_lanes_cfg *cfg)
{
    if (!cfg->output_dir)
        return 0; /* the lanes share temu's fds and one /dev/null */
    uint64_t need = 2ull * cfg->n, room = temu_lanes_fd_room(need + 64);
    if (room >= need + 64)
        return 0;
    fprintf(stderr, "temu: --lane-output with %u lanes on a GPU engine needs %llu open files at once, but "
            "the limit (ulimit -n) leaves room for %llu: at most %llu lanes fit\n", cfg->n,
            (unsigned long long)need, (unsigned long long)room,
            (unsigned long long)(room > 64 ? (room - 64) / 2 : 0));
    return TEMU_EXIT_ERROR;
}

int temu_lanes_gpu_run(const struct temu_lanes_cfg *cfg, const struct temu_options *opt,
                       enum temu_engine engine, struct temu_lanes_results *r, char *device,
                       size_t device_len)
{
    if (check_fds(cfg))
        return TEMU_EXIT_ERROR;
    int rc = TEMU_EXIT_ERROR;
    struct gpu_cl cl = {0};
    struct gpu_lanes *gl = NULL;
    unsigned opened = 0;
    double t0 = temu_now_s();
    struct emu_proc **procs = calloc(cfg->n, sizeof *procs);
    enum emu_status *status = calloc(cfg->n, sizeof *status);
    if (!procs || !status) {
        fprintf(stderr, "temu: out of host memory for %u lanes\n", cfg->n);
        goto out;
    }
    for (; opened < cfg->n; opened++) {
        struct emu_proc *p = malloc(sizeof *p);
        if (!p) {
            fprintf(stderr, "temu: out of host memory at lane %u: at most %u lanes fit\n", opened, opened);
            goto out;
        }
        if (temu_lane_open(cfg, opened, p)) {
            fprintf(stderr, "temu: lane %u: %s\n", opened, p->err);
            free(p);
            goto out;
        }
        procs[opened] = p;
    }
    struct gpu_cl_cfg clcfg = temu_gpu_cfg(opt->device, cfg->env);
    if (gpu_cl_open(&cl, &clcfg) != GPU_OK ||
        gpu_lanes_new(&gl, &cl, procs, cfg->n, opt->batch,
                      engine == TEMU_ENGINE_RESIDENT ? GPU_MODE_RESIDENT : GPU_MODE_BATCH,
                      opt->budget) != GPU_OK)
        goto out;
    snprintf(device, device_len, "%s", cl.name);
    double t1 = temu_now_s();
    if (gpu_lanes_run(gl, procs, cfg->n, opt->max_insns, status, &r->total) != GPU_OK)
        goto out;
    r->wall_s = temu_now_s() - t1;
    r->load_s = t1 - t0;
    uint64_t together, steps;
    gpu_lanes_convergence(gl, &together, &steps);
    r->convergence = steps ? (double)together / (double)steps : 0;
    for (unsigned l = 0; l < cfg->n; l++)
        temu_lanes_finish(cfg, r, l, status[l], procs[l], opt->max_insns);
    rc = 0;
out:
    gpu_lanes_free(gl);
    gpu_cl_close(&cl);
    for (unsigned l = 0; l < opened; l++) {
        temu_lane_close(procs[l]);
        free(procs[l]);
    }
    free(procs);
    free(status);
    return rc;
}
