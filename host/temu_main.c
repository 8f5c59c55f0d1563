/* temu_main.c: `temu [options] prog [guest args]`: load, run on the chosen engine, report. */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>
#include <unistd.h>

#include "emu_cpu.h"
#include "emu_load.h"
#include "temu_commands.h"
#include "temu_dump.h"
#include "temu_exit.h"
#include "temu_lanes.h"
#include "temu_options.h"
#include "temu_stats.h"
#include "temu_trace.h"
#ifdef TEMU_HAVE_GPU
#include "gpu_cl.h"
#include "gpu_engine.h"
#endif

extern char **environ;

/* The path of this executable, for the subcommands' child runs. */
static const char *self_path(const char *argv0)
{
    static char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return argv0;
    buf[n] = 0;
    return buf;
}

/* Which engine runs: the one asked for, or gpu when an OpenCL GPU exists, else cpu. */
static enum temu_engine pick_engine(enum temu_engine asked)
{
    if (asked != TEMU_ENGINE_AUTO)
        return asked;
#ifdef TEMU_HAVE_GPU
    if (gpu_cl_have_gpu())
        return TEMU_ENGINE_GPU;
#endif
    return TEMU_ENGINE_CPU;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "sweep"))
        return temu_sweep_main(argc - 1, argv + 1, self_path(argv[0]));
    if (argc > 1 && !strcmp(argv[1], "compare"))
        return temu_compare_main(argc - 1, argv + 1, self_path(argv[0]));
    if (argc > 1 && !strcmp(argv[1], "loops"))
        return temu_loops_main(argc - 1, argv + 1);

    struct temu_options opt;
    int rc = temu_options_parse(argc, argv, &opt);
    if (rc >= 0)
        return rc;
    if (opt.list_devices) {
#ifdef TEMU_HAVE_GPU
        return gpu_cl_list_devices_for(stdout, opt.device) ? TEMU_EXIT_ERROR : 0;
#else
        fprintf(stderr, "temu: this build has no OpenCL support (OpenCL was not found at build time)\n");
        return TEMU_EXIT_ERROR;
#endif
    }

    /* A guest writing to a closed pipe must get EPIPE from write, not kill temu. */
    signal(SIGPIPE, SIG_IGN);
    if (opt.lanes > 1 || opt.lane_output)
        return temu_lanes_main(&opt, pick_engine(opt.engine), environ);

    static struct emu_proc proc; /* large (guest state, fd table): keep it off the stack */
    struct emu_proc *p = &proc;
    struct emu_cpu *cpu = NULL;
#ifdef TEMU_HAVE_GPU
    struct gpu_cl cl = {0};
    struct gpu_engine *gpu = NULL;
#endif
    struct temu_trace trace = {0};
    int status = TEMU_EXIT_ERROR;

    /* --lane-mem with one lane: that window, checked as a lane's would be. */
    uint64_t window;
    struct emu_load_opts lo = {.flat_base = opt.flat_base, .flat_size = opt.flat_size};
    if (opt.lane_mem) {
        uint8_t *img;
        uint64_t size;
        char err[EMU_ERR_LEN];
        if (emu_load_read(opt.prog, &img, &size, err, sizeof err)) {
            fprintf(stderr, "temu: %s\n", err);
            return TEMU_EXIT_ERROR;
        }
        rc = temu_lanes_window(opt.prog, img, size, &lo, opt.lane_mem, 1, &window);
        free(img);
        if (rc)
            return rc;
    } else {
        window = 0;
    }
    double t0 = temu_now_s();
    if (emu_proc_init(p, window)) {
        fprintf(stderr, "temu: %s\n", p->err);
        return TEMU_EXIT_ERROR;
    }
    p->fs_root = opt.fs_root;
    p->strict_syscalls = opt.strict_syscalls;
    if (emu_load(p, opt.prog, opt.guest_argv, environ, &lo)) {
        fprintf(stderr, "temu: %s\n", p->err);
        goto out;
    }
    enum temu_engine engine = pick_engine(opt.engine);
#ifdef TEMU_HAVE_GPU
    if (engine == TEMU_ENGINE_GPU || engine == TEMU_ENGINE_RESIDENT) {
        if (opt.trace_path) {
            fprintf(stderr, "temu: --trace needs --engine=cpu\n");
            status = TEMU_EXIT_USAGE;
            goto out;
        }
        if (gpu_cl_open(&cl, opt.device) != GPU_OK ||
            gpu_engine_new(&gpu, &cl, p, opt.batch, engine == TEMU_ENGINE_RESIDENT ? opt.budget : 0,
                           opt.loopvec, GPU_PROGRAM_AUTO) != GPU_OK)
            goto out;
    }
#else
    if (engine != TEMU_ENGINE_CPU) {
        fprintf(stderr, "temu: this build has no GPU engine (OpenCL was not found at build time)\n");
        goto out;
    }
#endif
    cpu = engine == TEMU_ENGINE_CPU ? emu_cpu_new() : NULL;
    if (engine == TEMU_ENGINE_CPU && (!cpu || (opt.loopvec && emu_cpu_set_loops(cpu, EMU_CPU_LOOPS_VEC)))) {
        fprintf(stderr, "temu: out of host memory creating the CPU engine\n");
        goto out;
    }
    if (opt.trace_path) {
        if (temu_trace_open(&trace, opt.trace_path)) {
            fprintf(stderr, "temu: cannot open trace file %s\n", opt.trace_path);
            goto out;
        }
        emu_cpu_set_trace(cpu, temu_trace_insn, &trace);
    }

    double t1 = temu_now_s();
    enum emu_status s;
#ifdef TEMU_HAVE_GPU
    if (gpu)
        s = gpu_engine_run(gpu, p, opt.max_insns);
    else
#endif
        s = emu_cpu_run(cpu, p, opt.max_insns);
    double t2 = temu_now_s();

    const char *sname;
    status = temu_exit_status(s, p->exit_code, &sname);
    fflush(stdout);
    if (s == EMU_LIMIT)
        fprintf(stderr, "temu: instruction limit of %" PRIu64 " reached at pc 0x%" PRIx64 "\n",
                opt.max_insns, p->st.pc);
    else if (s != EMU_EXIT)
        fprintf(stderr, "temu: %s\n", p->err);

    if (opt.dump_state && temu_dump_state(opt.dump_state, &p->st)) {
        fprintf(stderr, "temu: cannot write %s\n", opt.dump_state);
        status = TEMU_EXIT_ERROR;
    }
    if (opt.stats != TEMU_STATS_OFF) {
        char cpu_name[128];
        const char *device = cpu_name, *engine_name = "cpu";
        unsigned batch = 0;
        temu_host_cpu_name(cpu_name, sizeof cpu_name);
#ifdef TEMU_HAVE_GPU
        if (gpu) {
            device = cl.name;
            engine_name = engine == TEMU_ENGINE_RESIDENT ? "resident" : "gpu";
            batch = opt.batch;
        }
#endif
        struct temu_run_info info = {.engine = engine_name, .device = device, .batch = batch, .lanes = 1,
                                     .convergence = -1,
                                     .load_s = t1 - t0, .wall_s = t2 - t1, .status = sname,
                                     .exit_code = status};
        temu_stats_print(stderr, opt.stats, &p->stats, &info);
    }
out:
    if (opt.trace_path)
        temu_trace_close(&trace);
    if (cpu)
        emu_cpu_free(cpu);
#ifdef TEMU_HAVE_GPU
    gpu_engine_free(gpu);
    gpu_cl_close(&cl);
#endif
    emu_proc_free(p);
    return status;
}
