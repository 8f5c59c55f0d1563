/* temu_main.c: `temu [options] prog [guest args]`: load, run on the chosen engine, report. */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "emu_cpu.h"
#include "emu_load.h"
#include "temu_options.h"
#include "temu_stats.h"
#include "temu_trace.h"
#ifdef TEMU_HAVE_GPU
#include "gpu_cl.h"
#endif

extern char **environ;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Map a stop to temu's exit status and its name in reports. */
static int exit_status(enum emu_status s, const struct emu_proc *p, const char **name)
{
    switch (s) {
    case EMU_EXIT: *name = "exit"; return p->exit_code & 0xff;
    case EMU_UNDEF: *name = "undef"; return TEMU_EXIT_SIGILL;
    case EMU_FAULT: *name = "fault"; return TEMU_EXIT_SIGSEGV;
    case EMU_SYSCALL_BAD: *name = "syscall"; return TEMU_EXIT_ERROR;
    case EMU_LIMIT: *name = "limit"; return TEMU_EXIT_ERROR;
    default: *name = "error"; return TEMU_EXIT_ERROR;
    }
}

int main(int argc, char **argv)
{
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

    static struct emu_proc proc; /* large (guest state, fd table): keep it off the stack */
    struct emu_proc *p = &proc;
    struct emu_cpu *cpu = NULL;
    struct temu_trace trace = {0};
    int status = TEMU_EXIT_ERROR;

    double t0 = now_s();
    if (emu_proc_init(p, 0)) {
        fprintf(stderr, "temu: %s\n", p->err);
        return TEMU_EXIT_ERROR;
    }
    p->fs_root = opt.fs_root;
    struct emu_load_opts lo = {.flat_base = opt.flat_base, .flat_size = opt.flat_size};
    if (emu_load(p, opt.prog, opt.guest_argv, environ, &lo)) {
        fprintf(stderr, "temu: %s\n", p->err);
        goto out;
    }
    cpu = emu_cpu_new();
    if (!cpu) {
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

    double t1 = now_s();
    enum emu_status s = emu_cpu_run(cpu, p, opt.max_insns);
    double t2 = now_s();

    const char *sname;
    status = exit_status(s, p, &sname);
    fflush(stdout);
    if (s == EMU_LIMIT)
        fprintf(stderr, "temu: instruction limit of %" PRIu64 " reached at pc 0x%" PRIx64 "\n",
                opt.max_insns, p->st.pc);
    else if (s != EMU_EXIT)
        fprintf(stderr, "temu: %s\n", p->err);

    if (opt.stats != TEMU_STATS_OFF) {
        char cpu_name[128];
        temu_host_cpu_name(cpu_name, sizeof cpu_name);
        struct temu_run_info info = {.engine = "cpu", .device = cpu_name, .batch = 0, .lanes = 1,
                                     .load_s = t1 - t0, .wall_s = t2 - t1, .status = sname,
                                     .exit_code = status};
        temu_stats_print(stderr, opt.stats, &p->stats, &info);
    }
out:
    if (opt.trace_path)
        temu_trace_close(&trace);
    if (cpu)
        emu_cpu_free(cpu);
    emu_proc_free(p);
    return status;
}
