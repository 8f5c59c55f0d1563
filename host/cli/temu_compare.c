/* temu_compare.c: `temu compare`: the same program on every engine, each run a separate
 * `temu --stats=json --dump-state=FILE` process with its stdout captured; every run must match
 * the first one exactly (stdout bytes, exit code, final state, instruction count), and the table
 * puts the engines' IPS side by side. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "temu_commands.h"
#include "temu_compare.h"
#include "temu_env.h"
#include "temu_options.h"
#include "temu_scratch.h"

static const char usage[] =
    "usage: temu compare [options] [temu options] prog [guest args...]\n"
    "\n"
    "Runs prog on each engine (--repeat times each), every run a separate temu process with the\n"
    "guest's stdout captured (not shown), and checks that all runs agree with the first: the same\n"
    "stdout bytes, exit code, instruction count and final registers (--dump-state). Prints one row\n"
    "per engine: engine, batch, instructions, syncs, exit code, median IPS, device; then the\n"
    "ratio of each engine's IPS to the cpu engine's.\n"
    "\n"
    "options:\n"
    "  --engines=LIST  comma-separated engines from cpu, gpu, resident; one may come twice\n"
    "                  (default: cpu, then gpu and resident when `temu --list-devices` finds\n"
    "                  an OpenCL device)\n"
    "  --batch=N       the GPU engine's batch size, 1..16384 (default: temu's, 1024)\n"
    "  --repeat=R      runs per engine, 1..1000 (default 1); the table shows the median IPS\n"
    "  --help\n"
    "Other options before prog (--device=N, --max-insns=N, --fs-root=DIR, ...) go to every run;\n"
    "--engine, --stats, --dump-state and --list-devices are not allowed.\n"
    "\n"
    "exit status: 0 when every run agrees; 1 when any differs (each difference named in one line\n"
    "on stderr), when a run fails to start or prints no stats, or when gpu was asked for and no\n"
    "OpenCL device was found; 2 usage error.\n";

#define ENGINES_MAX 4

struct compare_opts {
    const char *engines[ENGINES_MAX];
    int nengines;                     /* 0: the default list */
    unsigned batch;                   /* 0: temu's default */
    unsigned repeat;
    struct temu_subcmd_line line;
    int test_skew;                    /* TEMU_COMPARE_TEST_SKEW=1 (test_skew below) */
};

/* What the table shows for one entry of the engine list. */
struct engine_result {
    char label[16];                   /* "gpu", or "cpu#2" when the list names cpu twice */
    struct temu_measure first;        /* the entry's first run */
    double ips[TEMU_MEASURE_REPEAT_MAX];
};

static int parse_engines(const char *list, struct compare_opts *o)
{
    o->nengines = 0;
    for (const char *s = list;; s++) {
        size_t n = strcspn(s, ",");
        if (o->nengines >= ENGINES_MAX)
            return -1;
        if (n == 3 && !strncmp(s, "cpu", 3))
            o->engines[o->nengines++] = "cpu";
        else if (n == 3 && !strncmp(s, "gpu", 3))
            o->engines[o->nengines++] = "gpu";
        else if (n == 8 && !strncmp(s, "resident", 8))
            o->engines[o->nengines++] = "resident";
        else
            return -1;
        s += n;
        if (!*s)
            return 0;
    }
}

/* Returns -1 to go on with *o filled, or the exit status (0 after --help). */
static int parse_args(int argc, char **argv, struct compare_opts *o)
{
    memset(o, 0, sizeof *o);
    o->repeat = 1;
    o->line.cmd = "compare";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if ((v = temu_option_value(a, "--engines"))) {
            if (parse_engines(v, o))
                return temu_subcmd_usage_error("compare", "--engines needs a comma-separated list "
                                               "of cpu, gpu and resident (at most 4)", v);
        } else if ((v = temu_option_value(a, "--batch"))) {
            if (temu_subcmd_count(v, TEMU_BATCH_MAX, &o->batch))
                return temu_subcmd_usage_error("compare", "--batch needs a number from 1 to 16384", v);
        } else if ((v = temu_option_value(a, "--repeat"))) {
            if (temu_subcmd_count(v, TEMU_MEASURE_REPEAT_MAX, &o->repeat))
                return temu_subcmd_usage_error("compare", "--repeat needs a number from 1 to 1000", v);
        } else {
            int rc = temu_subcmd_take(&o->line, argc, argv, i);
            if (rc == 1)
                return -1;
            if (rc)
                return rc;
        }
    }
    return temu_subcmd_usage_error("compare", "no program given", NULL);
}

/* The GPU engine can run when `self --list-devices` (with any --device=N given) exits 0; it
 * exits 1 without an OpenCL device or without OpenCL support. Otherwise why says what it said. */
static int gpu_available(const char *self, const struct compare_opts *o,
                         const struct temu_scratch *sc, char *why, size_t len)
{
    struct temu_argv a;
    temu_argv_init(&a);
    temu_argv_add(&a, self);
    temu_argv_add(&a, "--list-devices");
    for (int k = 0; k < o->line.npass; k++)
        if (temu_option_value(o->line.pass[k], "--device"))
            temu_argv_add(&a, o->line.pass[k]);
    char out[512], err[512];
    int rc = temu_child_run(&a, temu_scratch_path(sc, "devices.out", out, sizeof out),
                            temu_scratch_path(sc, "devices.err", err, sizeof err));
    if (rc == 0)
        return 1;
    if (rc < 0)
        snprintf(why, len, "cannot run %s --list-devices", self);
    else if (temu_child_first_line(err, why, len))
        snprintf(why, len, "temu --list-devices exited with status %d", rc);
    else if (!strncmp(why, "temu: ", 6))
        memmove(why, why + 6, strlen(why + 6) + 1);
    return 0;
}

/* Settle the engine list: the one asked for (where gpu must be available), or cpu then gpu
 * when available. Returns 0, or TEMU_EXIT_ERROR after a one-line message. */
static int pick_engines(const char *self, struct compare_opts *o, const struct temu_scratch *sc)
{
    int want_gpu = o->nengines == 0;
    for (int k = 0; k < o->nengines; k++)
        want_gpu |= strcmp(o->engines[k], "cpu") != 0; /* gpu and resident need a device */
    char why[512];
    int have_gpu = want_gpu && gpu_available(self, o, sc, why, sizeof why);
    if (o->nengines == 0) {
        o->engines[o->nengines++] = "cpu";
        if (have_gpu) {
            o->engines[o->nengines++] = "gpu";
            o->engines[o->nengines++] = "resident";
        } else
            printf("gpu: not available (%s); running the cpu engine only\n", why);
        return 0;
    }
    if (want_gpu && !have_gpu) {
        fprintf(stderr, "temu compare: gpu was asked for but is not available: %s\n", why);
        return TEMU_EXIT_ERROR;
    }
    return 0;
}

/* TEST HOOK (tests/commands.sh): with TEMU_COMPARE_TEST_SKEW=1 in the environment (temu_env.c),
 * the second run's captured stdout gets one byte changed (or one added, if it is empty) before the
 * comparison, because a real mismatch cannot be produced with the CPU engine alone. */
static void test_skew(const char *out_path)
{
    FILE *f = fopen(out_path, "r+b");
    if (!f)
        return;
    int c = getc(f);
    fseek(f, 0, SEEK_SET);
    putc(c == EOF ? 'x' : c ^ 1, f);
    fclose(f);
}

static void print_table(const struct compare_opts *o, const struct engine_result *res)
{
    printf("%-8s %6s %14s %10s %5s %15s  %s\n", "engine", "batch", "instructions", "syncs", "exit",
           "median IPS", "device");
    double ips[ENGINES_MAX];
    int cpu_at = -1; /* the first cpu entry: the base of the ratios */
    for (int e = 0; e < o->nengines; e++) {
        const struct temu_measure *m = &res[e].first;
        ips[e] = temu_spread_of(res[e].ips, (int)o->repeat).median;
        printf("%-8s %6u %14" PRIu64 " %10" PRIu64 " %5d %15.0f  %s\n", res[e].label, m->batch,
               m->instructions, m->syncs, m->exit_code, ips[e], m->device);
        if (!strcmp(o->engines[e], "cpu") && cpu_at < 0)
            cpu_at = e;
    }
    for (int e = 0; e < o->nengines && cpu_at >= 0 && ips[cpu_at] > 0; e++)
        if (strcmp(o->engines[e], "cpu"))
            printf("%s/cpu IPS ratio: %.4g\n", res[e].label, ips[e] / ips[cpu_at]);
}

/* Name each entry of the list; an engine named twice gets its position, so messages can tell
 * the entries apart. */
static void label_engines(const struct compare_opts *o, struct engine_result *res)
{
    for (int e = 0; e < o->nengines; e++) {
        int twice = 0;
        for (int k = 0; k < o->nengines; k++)
            twice |= k != e && !strcmp(o->engines[k], o->engines[e]);
        if (twice)
            snprintf(res[e].label, sizeof res[e].label, "%s#%d", o->engines[e], e + 1);
        else
            snprintf(res[e].label, sizeof res[e].label, "%s", o->engines[e]);
    }
}

/* Run every engine o->repeat times. The first run is the reference and keeps its files; each
 * later run is checked against it at once (its files are then reused), with the differences
 * written to msg. Returns 0 with *differences set, or an exit status after a one-line message. */
static int run_all(const char *self, const struct compare_opts *o, const struct temu_scratch *sc,
                   struct engine_result *res, FILE *msg, int *differences)
{
    char ref_out[512], ref_state[512], out[512], state[512], err[512];
    temu_scratch_path(sc, "ref.out", ref_out, sizeof ref_out);
    temu_scratch_path(sc, "ref.state", ref_state, sizeof ref_state);
    temu_scratch_path(sc, "run.out", out, sizeof out);
    temu_scratch_path(sc, "run.state", state, sizeof state);
    temu_scratch_path(sc, "run.err", err, sizeof err);
    struct temu_measure ref, m;
    char ref_label[32], label[32], why[512];
    *differences = 0;
    for (int e = 0, run = 0; e < o->nengines; e++) {
        for (unsigned r = 0; r < o->repeat; r++, run++) {
            if (o->repeat > 1)
                snprintf(label, sizeof label, "%s run %u", res[e].label, r + 1);
            else
                snprintf(label, sizeof label, "%s", res[e].label);
            struct temu_argv a;
            temu_measure_argv(&a, self, &o->line, o->engines[e], o->batch, 0,
                              run ? state : ref_state);
            int rc = temu_measure_run(&a, run ? out : ref_out, err, &m, why, sizeof why);
            if (rc == TEMU_EXIT_USAGE)
                fprintf(stderr, "temu compare: %s\n", why); /* a passed-through option */
            else if (rc)
                fprintf(stderr, "temu compare: %s: %s\n", label, why);
            if (rc)
                return rc;
            if (r == 0)
                res[e].first = m;
            res[e].ips[r] = m.ips;
            if (run == 0) {
                ref = m;
                snprintf(ref_label, sizeof ref_label, "%s", label);
                continue;
            }
            if (run == 1 && o->test_skew)
                test_skew(out);
            struct temu_compare_side a_side = {ref_label, ref_out, ref_state, &ref};
            struct temu_compare_side b_side = {label, out, state, &m};
            *differences += temu_compare_check(msg, &a_side, &b_side);
        }
    }
    return 0;
}

/* Each message line on stderr, named after the subcommand. */
static void print_differences(const char *text)
{
    while (*text) {
        size_t n = strcspn(text, "\n");
        fprintf(stderr, "temu compare: %.*s\n", (int)n, text);
        text += n + (text[n] == '\n');
    }
}

int temu_compare_main(int argc, char **argv, const char *self, const struct temu_env *env)
{
    struct compare_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    o.test_skew = env->compare_skew;
    struct temu_scratch sc;
    if (temu_scratch_open(&sc, "compare"))
        return TEMU_EXIT_ERROR;
    char *msg_text = NULL;
    size_t msg_len = 0;
    FILE *msg = NULL;
    struct engine_result *res = NULL;
    int differences = 0;
    rc = TEMU_EXIT_ERROR;
    if (pick_engines(self, &o, &sc))
        goto out;
    fflush(stdout); /* "gpu: not available" before any error line, should both go to one pipe */
    res = calloc(ENGINES_MAX, sizeof *res);
    msg = open_memstream(&msg_text, &msg_len);
    if (!res || !msg) {
        fprintf(stderr, "temu compare: out of memory\n");
        goto out;
    }
    label_engines(&o, res);
    rc = run_all(self, &o, &sc, res, msg, &differences);
    fclose(msg);
    msg = NULL;
    if (rc)
        goto out;
    print_table(&o, res);
    if (differences) {
        fflush(stdout);
        print_differences(msg_text);
        rc = TEMU_EXIT_ERROR;
    } else if ((unsigned)o.nengines * o.repeat > 1) {
        printf("all %u runs agree: stdout, exit code, instruction count and final state\n",
               (unsigned)o.nengines * o.repeat);
    } else {
        printf("one run only: nothing to compare it with\n");
    }
out:
    if (msg)
        fclose(msg);
    free(msg_text);
    free(res);
    temu_scratch_close(&sc);
    return rc;
}
