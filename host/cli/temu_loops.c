/* temu_loops.c: `temu loops`: run a program on the CPU engine with loop profiling on and list
 * its hot loops: address range, trip counts, class, and why a loop was rejected (emu_loop.h's
 * reasons, static and run time; a loop over several blocks, never vectorized, says whether it
 * holds a call). Runs in this process; the guest's stdout is
 * discarded unless --show-output, so the table is all that stdout holds. */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu_cpu.h"
#include "emu_load.h"
#include "emu_loop.h"
#include "temu_commands.h"
#include "temu_json.h"
#include "temu_options.h"
#include "temu_subcmd.h"

extern char **environ;

static const char usage[] =
    "usage: temu loops [options] prog [guest args...]\n"
    "\n"
    "Runs prog on the CPU engine (to its exit, or --max-insns) and lists every hot loop, executed\n"
    "at least --hot times: a basic block closed by a conditional branch back to its own start,\n"
    "or a range of blocks closed by a branch back to below its block (never vectorized: the reason\n"
    "says \"call inside\" when it holds a BL or BLR). A multi-block loop counts the passes that\n"
    "reach its closing branch; an entry ends when that branch falls through.\n"
    "For each: address range, body length, entries, iterations, trip counts seen, the class\n"
    "(affine, elementwise, reduction: what --loopvec runs vectorized) or the reason it is not\n"
    "vectorized, and with --loopvec how often the vector path ran or was refused at run time.\n"
    "\n"
    "options:\n"
    "  --json          one JSON object instead of the table\n"
    "  --hot=N         list loops with at least N iterations (default 64; 1: every loop)\n"
    "  --loopvec       also run the vector path while profiling\n"
    "  --max-insns=N   stop after N guest instructions\n"
    "  --fs-root=DIR   confine the guest's file access to DIR\n"
    "  --show-output   let the guest write to stderr instead of discarding its stdout\n"
    "  --help\n"
    "\n"
    "exit status: 0 when the program ran (whatever its own exit code); 1 when it could not be\n"
    "loaded; 2 usage error.\n";

struct loops_opts {
    int json, loopvec, show;
    unsigned hot;
    uint64_t max_insns;
    const char *fs_root;
    char **prog_argv;
};

static int parse_args(int argc, char **argv, struct loops_opts *o)
{
    memset(o, 0, sizeof *o);
    o->hot = 64;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            o->json = 1;
        } else if (!strcmp(a, "--loopvec")) {
            o->loopvec = 1;
        } else if (!strcmp(a, "--show-output")) {
            o->show = 1;
        } else if ((v = temu_option_value(a, "--hot"))) {
            if (temu_subcmd_count(v, 1000000000u, &o->hot))
                return temu_subcmd_usage_error("loops", "--hot needs a number from 1 to 1000000000", v);
        } else if ((v = temu_option_value(a, "--max-insns"))) {
            char *end;
            o->max_insns = strtoull(v, &end, 0);
            if (!*v || *end || o->max_insns == 0)
                return temu_subcmd_usage_error("loops", "--max-insns needs a positive number", v);
        } else if ((v = temu_option_value(a, "--fs-root"))) {
            if (!temu_fs_root_ok(v))
                return temu_subcmd_usage_error("loops", "--fs-root needs an existing directory", v);
            o->fs_root = v;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else {
            return temu_subcmd_usage_error("loops", "unknown option", a);
        }
    }
    if (i >= argc)
        return temu_subcmd_usage_error("loops", "no program given", NULL);
    o->prog_argv = argv + i;
    return -1;
}

static int by_iterations(const void *a, const void *b)
{
    const struct emu_loop_record *x = *(const struct emu_loop_record *const *)a;
    const struct emu_loop_record *y = *(const struct emu_loop_record *const *)b;
    if (x->iterations != y->iterations)
        return x->iterations < y->iterations ? 1 : -1;
    return x->info.pc < y->info.pc ? -1 : x->info.pc > y->info.pc;
}

static const char *status_name(enum emu_status s)
{
    switch (s) {
    case EMU_EXIT: return "exit";
    case EMU_UNDEF: return "undef";
    case EMU_FAULT: return "fault";
    case EMU_LIMIT: return "limit";
    case EMU_SYSCALL_BAD: return "syscall";
    default: return "error";
    }
}

/* The verdict in words: the class, or the reason with the instruction it concerns. */
static void verdict(const struct emu_loop_record *r, char *buf, size_t len)
{
    const struct emu_loop *l = &r->info;
    if (!r->analysed)
        snprintf(buf, len, "not analysed (never branched back)");
    else if (l->cls != EMU_LOOP_NONE)
        snprintf(buf, len, "vectorizable%s%s",
                 l->nmem > 1 ? "; accesses checked for overlap at run time" : "",
                 l->bind_insns ? "; steps by a register, checked per entry" : "");
    else if (l->bad_insn != 0xff)
        snprintf(buf, len, "%s (at 0x%" PRIx64 ")", emu_loop_reason_text(l->reason),
                 l->pc + 4 * (uint64_t)l->bad_insn);
    else
        snprintf(buf, len, "%s", emu_loop_reason_text(l->reason));
}

static void print_json(const struct loops_opts *o, struct emu_loop_record **v, uint64_t n,
                       const struct emu_proc *p, enum emu_status s)
{
    printf("{\"program\": ");
    temu_json_put_string(stdout, o->prog_argv[0]);
    printf(", \"status\": \"%s\", \"instructions\": %" PRIu64 ", \"loops\": [", status_name(s),
           p->stats.instructions);
    const char *sep = "";
    for (uint64_t i = 0; i < n; i++) {
        const struct emu_loop_record *r = v[i];
        const struct emu_loop *l = &r->info;
        char why[256];
        verdict(r, why, sizeof why);
        printf("%s\n  {\"start\": \"0x%" PRIx64 "\", \"end\": \"0x%" PRIx64 "\", \"length\": %u, "
               "\"entries\": %" PRIu64 ", \"iterations\": %" PRIu64 ", \"trip_min\": %" PRIu64
               ", \"trip_max\": %" PRIu64 ", \"class\": \"%s\", \"reason\": \"%s\", \"why\": ",
               sep, l->pc, l->pc + 4 * (uint64_t)l->n, l->n, r->entries, r->iterations,
               r->entries ? r->trip_min : 0, r->trip_max, emu_loop_class_name(l->cls),
               emu_loop_reason_name(r->analysed ? l->reason : EMU_LOOP_OK));
        temu_json_put_string(stdout, why);
        printf(", \"vec_runs\": %" PRIu64 ", \"vec_iterations\": %" PRIu64 ", \"runtime_rejects\": {",
               r->vec_runs, r->vec_iters);
        const char *sep2 = "";
        for (int k = 0; k < EMU_LOOP_REASON_COUNT; k++)
            if (r->rt_rejects[k]) {
                printf("%s\"%s\": %" PRIu64, sep2, emu_loop_reason_name((enum emu_loop_reason)k), r->rt_rejects[k]);
                sep2 = ", ";
            }
        printf("}}");
        sep = ",";
    }
    printf("\n]}\n");
}

static void print_table(const struct loops_opts *o, struct emu_loop_record **v, uint64_t n,
                        const struct emu_proc *p, enum emu_status s)
{
    printf("temu loops: %s: %s after %" PRIu64 " instructions; %" PRIu64 " hot loop%s (>= %u iterations)\n",
           o->prog_argv[0], status_name(s), p->stats.instructions, n, n == 1 ? "" : "s", o->hot);
    if (!n)
        return;
    printf("%-23s %5s %9s %11s %21s  %-11s %s\n", "address range", "insns", "entries", "iterations",
           "trips min/avg/max", "class", "verdict");
    for (uint64_t i = 0; i < n; i++) {
        const struct emu_loop_record *r = v[i];
        const struct emu_loop *l = &r->info;
        char range[40], trips[48], why[256];
        snprintf(range, sizeof range, "0x%" PRIx64 "-0x%" PRIx64, l->pc, l->pc + 4 * (uint64_t)l->n);
        if (r->entries)
            snprintf(trips, sizeof trips, "%" PRIu64 "/%" PRIu64 "/%" PRIu64, r->trip_min,
                     (r->multi ? r->trip_sum : r->iterations) / r->entries, r->trip_max);
        else
            snprintf(trips, sizeof trips, "-");
        verdict(r, why, sizeof why);
        printf("%-23s %5u %9" PRIu64 " %11" PRIu64 " %21s  %-11s %s\n", range, l->n, r->entries,
               r->iterations, trips, emu_loop_class_name(l->cls), why);
        if (r->vec_runs)
            printf("%23s vector path: %" PRIu64 " runs, %" PRIu64 " iterations\n", "", r->vec_runs, r->vec_iters);
        for (int k = 0; k < EMU_LOOP_REASON_COUNT; k++)
            if (r->rt_rejects[k])
                printf("%23s refused %" PRIu64 " time%s: %s\n", "", r->rt_rejects[k],
                       r->rt_rejects[k] == 1 ? "" : "s", emu_loop_reason_text((enum emu_loop_reason)k));
    }
}

int temu_loops_main(int argc, char **argv)
{
    struct loops_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    static struct emu_proc proc;
    struct emu_proc *p = &proc;
    struct emu_cpu *cpu = NULL;
    int status = TEMU_EXIT_ERROR;
    if (emu_proc_init(p, 0)) {
        fprintf(stderr, "temu loops: %s\n", p->err);
        return TEMU_EXIT_ERROR;
    }
    p->fs_root = o.fs_root;
    /* The table owns stdout: the guest's stdout goes to /dev/null, or to stderr when asked. */
    p->fds[1] = o.show ? dup(2) : open("/dev/null", O_WRONLY);
    if (p->fds[1] < 0 || emu_load(p, o.prog_argv[0], o.prog_argv, environ, &(struct emu_load_opts){0})) {
        fprintf(stderr, "temu loops: %s\n", p->fds[1] < 0 ? "cannot open /dev/null" : p->err);
        goto out;
    }
    cpu = emu_cpu_new();
    if (!cpu || emu_cpu_set_loops(cpu, o.loopvec ? EMU_CPU_LOOPS_PROFILE_VEC : EMU_CPU_LOOPS_PROFILE)) {
        fprintf(stderr, "temu loops: out of host memory\n");
        goto out;
    }
    enum emu_status s = emu_cpu_run(cpu, p, o.max_insns);
    if (s != EMU_EXIT && s != EMU_LIMIT)
        fprintf(stderr, "temu loops: %s\n", p->err);
    struct emu_loop_record *const *all;
    uint64_t nall = emu_cpu_loops(cpu, &all), n = 0;
    struct emu_loop_record **hot = malloc((nall ? nall : 1) * sizeof *hot);
    if (!hot)
        goto out;
    for (uint64_t i = 0; i < nall; i++)
        if (all[i]->iterations >= o.hot)
            hot[n++] = all[i];
    qsort(hot, n, sizeof *hot, by_iterations);
    if (o.json)
        print_json(&o, hot, n, p, s);
    else
        print_table(&o, hot, n, p, s);
    free(hot);
    status = 0;
out:
    emu_cpu_free(cpu);
    emu_proc_free(p);
    return status;
}
