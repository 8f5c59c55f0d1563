/* temu_main.c: `temu [options] prog [guest args]`: load, run on the chosen engine, report. */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>
#include <unistd.h>

#include "emu_load.h"
#include "temu_commands.h"
#include "temu_dump.h"
#include "temu_engine.h"
#include "temu_env.h"
#include "temu_exit.h"
#include "temu_lanes.h"
#include "temu_options.h"
#include "temu_stats.h"
#include "temu_trace.h"

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

/* A request for help or the version (temu's or a subcommand's, before the guest program), which
 * a bad environment variable must not block. */
static int asks_help(int argc, char **argv)
{
    int i = 1;
    if (i < argc && (!strcmp(argv[i], "sweep") || !strcmp(argv[i], "compare") || !strcmp(argv[i], "loops")))
        i++;
    for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h") || !strcmp(argv[i], "--version"))
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    static struct temu_env env; /* every environment variable temu reads, read here once */
    int rc = temu_env_read(&env);
    if (rc && !asks_help(argc, argv))
        return rc;
    if (argc > 1 && !strcmp(argv[1], "sweep"))
        return temu_sweep_main(argc - 1, argv + 1, self_path(argv[0]));
    if (argc > 1 && !strcmp(argv[1], "compare"))
        return temu_compare_main(argc - 1, argv + 1, self_path(argv[0]), &env);
    if (argc > 1 && !strcmp(argv[1], "loops"))
        return temu_loops_main(argc - 1, argv + 1);

    struct temu_options opt;
    rc = temu_options_parse(argc, argv, &opt);
    if (rc >= 0)
        return rc;
    if (opt.device < 0)
        opt.device = env.device;
    if (opt.list_devices)
        return temu_engine_list_devices(stdout, opt.device, &env);

    /* A guest writing to a closed pipe must get EPIPE from write, not kill temu. */
    signal(SIGPIPE, SIG_IGN);
    const struct temu_engine_ops *ops = temu_engine_find(opt.engine);
    if (!ops)
        return TEMU_EXIT_ERROR;
    if (opt.lanes > 1 || opt.lane_output)
        return temu_lanes_main(&opt, ops, environ, &env);
    if (opt.trace_path && !ops->traces) {
        fprintf(stderr, "temu: --trace needs --engine=cpu\n");
        return TEMU_EXIT_USAGE;
    }

    static struct emu_proc proc; /* large (guest state, fd table): keep it off the stack */
    struct emu_proc *p = &proc;
    struct temu_open_engine engine = {.ops = ops};
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
    if (opt.trace_path && temu_trace_open(&trace, opt.trace_path)) {
        fprintf(stderr, "temu: cannot open trace file %s\n", opt.trace_path);
        goto out;
    }
    struct temu_engine_cfg cfg = {.batch = opt.batch, .budget = opt.budget, .loopvec = opt.loopvec,
                                  .device = opt.device, .trace = opt.trace_path ? temu_trace_insn : NULL,
                                  .trace_ctx = &trace, .env = &env};
    if ((rc = ops->open(&engine, &cfg, p))) {
        status = rc;
        goto out;
    }

    double t1 = temu_now_s();
    enum emu_status s = ops->run(&engine, p, opt.max_insns);
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
        struct temu_run_info info = {.engine = ops->name, .device = engine.device,
                                     .batch = ops->has_batch ? opt.batch : 0, .lanes = 1,
                                     .convergence = -1,
                                     .load_s = t1 - t0, .wall_s = t2 - t1, .status = sname,
                                     .exit_code = status};
        temu_stats_print(stderr, opt.stats, &p->stats, &info);
    }
out:
    ops->close(&engine);
    if (opt.trace_path)
        temu_trace_close(&trace);
    emu_proc_free(p);
    return status;
}
