/* temu_engines.c: the registry of engines (temu_engine.h) and their ops tables: the CPU engine
 * always, the GPU batch and resident engines when OpenCL was found at build time. */
#include "temu_engine.h"

#include <stdlib.h>

#include "temu_exit.h"
#include "temu_stats.h"
#ifdef TEMU_HAVE_GPU
#include "gpu_cl.h"
#include "gpu_engine.h"
#include "temu_gpu_cfg.h"
#endif

static int cpu_open(struct temu_open_engine *e, const struct temu_engine_cfg *cfg, struct emu_proc *p)
{
    (void)p;
    struct emu_cpu *c = emu_cpu_new();
    e->impl = c;
    if (!c || (cfg->loopvec && emu_cpu_set_loops(c, EMU_CPU_LOOPS_VEC))) {
        fprintf(stderr, "temu: out of host memory creating the CPU engine\n");
        return TEMU_EXIT_ERROR;
    }
    if (cfg->trace)
        emu_cpu_set_trace(c, cfg->trace, cfg->trace_ctx);
    temu_host_cpu_name(e->device, sizeof e->device);
    return 0;
}

static enum emu_status cpu_run(struct temu_open_engine *e, struct emu_proc *p, uint64_t max_insns)
{
    return emu_cpu_run(e->impl, p, max_insns);
}

static void cpu_close(struct temu_open_engine *e)
{
    if (e->impl)
        emu_cpu_free(e->impl);
    e->impl = NULL;
}

static int cpu_lanes(const struct temu_lanes_cfg *cfg, const struct temu_options *opt,
                     struct temu_lanes_results *r, char *device, size_t device_len)
{
    temu_host_cpu_name(device, device_len);
    return temu_lanes_cpu_run(cfg, opt->max_insns, r);
}

static const struct temu_engine_ops cpu_engine = {
    .name = "cpu", .has_batch = 0, .lanes_loopvec = 1, .traces = 1, .open = cpu_open, .run = cpu_run, .close = cpu_close,
    .lanes = cpu_lanes,
};

#ifdef TEMU_HAVE_GPU
struct gpu_impl {
    struct gpu_cl cl;
    struct gpu_engine *gpu;
};

static int gpu_open_mode(struct temu_open_engine *e, const struct temu_engine_cfg *cfg, struct emu_proc *p,
                         enum gpu_mode mode)
{
    struct gpu_impl *g = calloc(1, sizeof *g);
    e->impl = g;
    if (!g) {
        fprintf(stderr, "temu: out of host memory creating the GPU engine\n");
        return TEMU_EXIT_ERROR;
    }
    struct gpu_cl_cfg clcfg = temu_gpu_cfg(cfg->device, cfg->env);
    if (gpu_cl_open(&g->cl, &clcfg) != GPU_OK ||
        gpu_engine_new(&g->gpu, &g->cl, p, cfg->batch, mode, cfg->budget, cfg->loopvec, GPU_PROGRAM_AUTO) != GPU_OK)
        return TEMU_EXIT_ERROR; /* the line is printed */
    snprintf(e->device, sizeof e->device, "%s", g->cl.name);
    return 0;
}

static int gpu_open(struct temu_open_engine *e, const struct temu_engine_cfg *cfg, struct emu_proc *p)
{
    return gpu_open_mode(e, cfg, p, GPU_MODE_BATCH);
}

static int resident_open(struct temu_open_engine *e, const struct temu_engine_cfg *cfg, struct emu_proc *p)
{
    return gpu_open_mode(e, cfg, p, GPU_MODE_RESIDENT);
}

static enum emu_status gpu_run(struct temu_open_engine *e, struct emu_proc *p, uint64_t max_insns)
{
    return gpu_engine_run(((struct gpu_impl *)e->impl)->gpu, p, max_insns);
}

static void gpu_close(struct temu_open_engine *e)
{
    struct gpu_impl *g = e->impl;
    if (g) {
        gpu_engine_free(g->gpu);
        gpu_cl_close(&g->cl);
        free(g);
    }
    e->impl = NULL;
}

static int gpu_lanes_batch(const struct temu_lanes_cfg *cfg, const struct temu_options *opt,
                           struct temu_lanes_results *r, char *device, size_t device_len)
{
    return temu_lanes_gpu_run(cfg, opt, TEMU_ENGINE_GPU, r, device, device_len);
}

static int gpu_lanes_resident(const struct temu_lanes_cfg *cfg, const struct temu_options *opt,
                              struct temu_lanes_results *r, char *device, size_t device_len)
{
    return temu_lanes_gpu_run(cfg, opt, TEMU_ENGINE_RESIDENT, r, device, device_len);
}

static const struct temu_engine_ops gpu_engine = {
    .name = "gpu", .has_batch = 1, .open = gpu_open, .run = gpu_run, .close = gpu_close,
    .lanes = gpu_lanes_batch,
};
static const struct temu_engine_ops resident_engine = {
    .name = "resident", .has_batch = 1, .open = resident_open, .run = gpu_run, .close = gpu_close,
    .lanes = gpu_lanes_resident,
};
#endif

const struct temu_engine_ops *temu_engine_find(enum temu_engine kind)
{
    switch (kind) {
    case TEMU_ENGINE_CPU:
        return &cpu_engine;
#ifdef TEMU_HAVE_GPU
    case TEMU_ENGINE_AUTO:
        return gpu_cl_have_gpu() ? &gpu_engine : &cpu_engine;
    case TEMU_ENGINE_GPU:
        return &gpu_engine;
    case TEMU_ENGINE_RESIDENT:
        return &resident_engine;
#else
    case TEMU_ENGINE_AUTO:
        return &cpu_engine;
    case TEMU_ENGINE_GPU:
    case TEMU_ENGINE_RESIDENT:
        break;
#endif
    }
    fprintf(stderr, "temu: this build has no GPU engine (OpenCL was not found at build time)\n");
    return NULL;
}

int temu_engine_have_opencl_device(void)
{
#ifdef TEMU_HAVE_GPU
    return gpu_cl_have_device();
#else
    return 0;
#endif
}

int temu_engine_list_devices(FILE *out, int requested, const struct temu_env *env)
{
#ifdef TEMU_HAVE_GPU
    struct gpu_cl_cfg clcfg = temu_gpu_cfg(requested, env);
    return gpu_cl_list_devices_for(out, &clcfg) ? TEMU_EXIT_ERROR : 0;
#else
    (void)out, (void)requested, (void)env;
    fprintf(stderr, "temu: this build has no OpenCL support (OpenCL was not found at build time)\n");
    return TEMU_EXIT_ERROR;
#endif
}
