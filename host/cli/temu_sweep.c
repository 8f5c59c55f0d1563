/* temu_sweep.c: `temu sweep`: IPS over a list of batch sizes (docs/design.md, Measuring). Each run
 * is a separate temu process; one warm-up run comes first so that compiled kernels are cached
 * before anything is timed. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "temu_commands.h"
#include "temu_options.h"
#include "temu_engine.h"
#include "temu_sweep.h"

static const char usage[] =
    "usage: temu sweep [options] [temu options] prog [guest args...]\n"
    "\n"
    "Runs prog once to warm up (not counted), then --repeat times for each batch size, each run a\n"
    "separate `temu --stats=json` process with the guest's stdout sent to /dev/null, and reports\n"
    "guest instructions per second (IPS: instructions over execution wall time, loading apart).\n"
    "\n"
    "options:\n"
    "  --batch=LIST      comma-separated batch sizes, each 1..16384 (default 1,8,64,512,4096)\n"
    "  --engine=E        cpu, gpu or resident: engine of every run (default for a batch\n"
    "                    sweep: gpu on any OpenCL device, PoCL included; else temu's own\n"
    "                    choice); the CPU engine has no batch size (a warning says so)\n"
    "  --repeat=R        runs per batch size, 1..1000 (default 3)\n"
    "  --csv             CSV: a header row, then one row per batch size\n"
    "  --json            one JSON array with one object per batch size\n"
    "  --plot=FILE.png   also draw median IPS against batch size (both log scale) with gnuplot\n"
    "  --lanes=LIST      comma-separated lane counts, each 1..1048576: every run gets --lanes=L\n"
    "                    (rows: every batch size with every lane count; without --batch, the\n"
    "                    engine's default batch); adds the columns lanes and median lane IPS\n"
    "  --help\n"
    "Other options before prog (--device=N, --max-insns=N, --fs-root=DIR, ...) go to every run;\n"
    "--stats, --dump-state and --list-devices are not allowed.\n"
    "\n"
    "output: a line naming program, engine, device and repeats, then per batch size: batch,\n"
    "median, min and max IPS, instructions, syncs, instructions per sync (\"-\" with no syncs),\n"
    "median wall_s. CSV and JSON have the same columns (no syncs: empty, null). With --lanes,\n"
    "IPS is all lanes' instructions over the run's wall time, lane IPS the median lane's, and\n"
    "instructions the lanes' sum; JSON always has lanes and lane_ips_median.\n"
    "\n"
    "exit status: 0; 1 when a run fails, when runs differ in exit status or instruction count,\n"
    "or when --plot finds no gnuplot; 2 usage error.\n";

struct sweep_opts {
    unsigned batches[TEMU_SWEEP_ROWS_MAX];
    int nbatch;
    int batch_given;
    unsigned lanes[TEMU_SWEEP_ROWS_MAX];
    int nlanes;                        /* 0: no --lanes */
    const char *engine;                /* NULL: temu's default */
    unsigned repeat;
    enum temu_sweep_format format;
    const char *plot;                  /* --plot=FILE.png; NULL: none */
    struct temu_subcmd_line line;
};

/* A comma-separated list of counts from 1 to max, at most TEMU_SWEEP_ROWS_MAX of them. */
static int parse_list(const char *list, unsigned max, unsigned *v, int *nv)
{
    char item[32];
    *nv = 0;
    for (const char *s = list;; s++) {
        size_t n = strcspn(s, ",");
        if (n >= sizeof item || *nv >= TEMU_SWEEP_ROWS_MAX)
            return -1;
        memcpy(item, s, n);
        item[n] = 0;
        if (temu_subcmd_count(item, max, &v[(*nv)++]))
            return -1;
        s += n;
        if (!*s)
            return 0;
    }
}

/* Returns -1 to go on with *o filled, or the exit status (0 after --help). */
static int parse_args(int argc, char **argv, struct sweep_opts *o)
{
    static const unsigned default_batches[] = {1, 8, 64, 512, 4096};
    memset(o, 0, sizeof *o);
    memcpy(o->batches, default_batches, sizeof default_batches);
    o->nbatch = sizeof default_batches / sizeof default_batches[0];
    o->repeat = 3;
    o->line.cmd = "sweep";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if ((v = temu_option_value(a, "--batch"))) {
            if (parse_list(v, TEMU_BATCH_MAX, o->batches, &o->nbatch))
                return temu_subcmd_usage_error("sweep", "--batch needs a comma-separated list of "
                                               "sizes from 1 to 16384 (at most 64)", v);
            o->batch_given = 1;
        } else if ((v = temu_option_value(a, "--lanes"))) {
            if (parse_list(v, TEMU_LANES_MAX, o->lanes, &o->nlanes))
                return temu_subcmd_usage_error("sweep", "--lanes needs a comma-separated list of "
                                               "counts from 1 to 1048576 (at most 64)", v);
        } else if ((v = temu_option_value(a, "--engine"))) {
            if (strcmp(v, "cpu") && strcmp(v, "gpu") && strcmp(v, "resident"))
                return temu_subcmd_usage_error("sweep", "--engine must be cpu, gpu or resident", v);
            o->engine = v;
        } else if ((v = temu_option_value(a, "--repeat"))) {
            if (temu_subcmd_count(v, TEMU_MEASURE_REPEAT_MAX, &o->repeat))
                return temu_subcmd_usage_error("sweep", "--repeat needs a number from 1 to 1000", v);
        } else if (!strcmp(a, "--csv")) {
            o->format = TEMU_SWEEP_CSV;
        } else if (!strcmp(a, "--json")) {
            o->format = TEMU_SWEEP_JSON;
        } else if ((v = temu_option_value(a, "--plot"))) {
            if (!*v)
                return temu_subcmd_usage_error("sweep", "--plot needs a file name", NULL);
            o->plot = v;
        } else {
            int rc = temu_subcmd_take(&o->line, argc, argv, i);
            if (rc == 1 && o->nlanes && !o->batch_given) {
                o->batches[0] = 0; /* lanes alone: the engine's default batch, not a batch sweep */
                o->nbatch = 1;
            }
            if (rc == 1 && o->nbatch * (o->nlanes ? o->nlanes : 1) > TEMU_SWEEP_ROWS_MAX)
                return temu_subcmd_usage_error("sweep", "--batch and --lanes make more than 64 rows", NULL);
            if (rc == 1 && o->plot && o->nlanes > 1 && o->nbatch > 1)
                return temu_subcmd_usage_error("sweep", "--plot draws one list: --batch or --lanes, "
                                               "not both", NULL);
            if (rc == 1)
                return -1;
            if (rc)
                return rc;
        }
    }
    return temu_subcmd_usage_error("sweep", "no program given", NULL);
}

/* One run at one batch size and lane count (0: not given). Returns 0 with *m filled, or the exit
 * status after a one-line message: a run that printed no stats, or whose guest did not exit
 * normally, is a failure. */
static int run_once(const struct sweep_opts *o, const char *self, unsigned batch, unsigned lanes,
                    const char *err_path, struct temu_measure *m)
{
    struct temu_argv a;
    char why[512];
    temu_measure_argv(&a, self, &o->line, o->engine, batch, lanes, NULL);
    int rc = temu_measure_run(&a, "/dev/null", err_path, m, why, sizeof why);
    if (!rc && strcmp(m->status, "exit"))
        rc = TEMU_EXIT_ERROR; /* why holds the child's first stderr line */
    if (rc == TEMU_EXIT_USAGE)
        fprintf(stderr, "temu sweep: %s\n", why); /* a passed-through option, not the batch */
    else if (rc && lanes)
        fprintf(stderr, "temu sweep: batch %u, lanes %u: %s\n", batch, lanes, why);
    else if (rc)
        fprintf(stderr, "temu sweep: batch %u: %s\n", batch, why);
    return rc;
}

/* Every run must agree with the first on what the guest did; a difference means the engine is
 * not deterministic, and its figures would not be comparable across batch sizes. */
static int check_same(const struct temu_measure *first, const struct temu_measure *m,
                      unsigned batch, unsigned run)
{
    if (m->exit_code == first->exit_code && m->instructions == first->instructions)
        return 0;
    fprintf(stderr,
            "temu sweep: batch %u, run %u: exit status %d after %" PRIu64 " instructions, but the "
            "first run had %d after %" PRIu64 " (runs must agree)\n",
            batch, run, m->exit_code, m->instructions, first->exit_code, first->instructions);
    return TEMU_EXIT_ERROR;
}

/* One row: --repeat runs at one batch size and lane count. Lane counts change the instruction
 * total, so with --lanes each row's runs are checked against the row's own first run. */
static int run_row(const struct sweep_opts *o, const char *self, const char *err_path,
                   const struct temu_measure *first, struct temu_sweep_row *row)
{
    double ips[TEMU_MEASURE_REPEAT_MAX], lane_ips[TEMU_MEASURE_REPEAT_MAX], wall[TEMU_MEASURE_REPEAT_MAX];
    struct temu_measure m, row_first;
    unsigned lanes = o->nlanes ? row->lanes : 0;
    for (unsigned r = 0; r < o->repeat; r++) {
        int rc = run_once(o, self, row->batch, lanes, err_path, &m);
        if (!rc)
            rc = check_same(lanes ? (r ? &row_first : &m) : first, &m, row->batch, r + 1);
        if (rc)
            return rc;
        if (r == 0) {
            if (!row->batch)
                row->batch = m.batch; /* the engine's default, as the run reported it */
            row_first = m;
            row->instructions = m.instructions;
            row->syncs = m.syncs;
        }
        ips[r] = m.ips;
        lane_ips[r] = m.lane_ips;
        wall[r] = m.wall_s;
    }
    row->ips = temu_spread_of(ips, (int)o->repeat);
    row->lane_ips = temu_spread_of(lane_ips, (int)o->repeat);
    row->wall_s = temu_spread_of(wall, (int)o->repeat);
    return 0;
}

static int run_sweep(const struct sweep_opts *o, const char *self, const struct temu_scratch *sc,
                     struct temu_sweep_table *t)
{
    char err_path[512];
    temu_scratch_path(sc, "run.err", err_path, sizeof err_path);
    struct temu_measure first;
    int rc = run_once(o, self, o->batches[0], o->nlanes ? o->lanes[0] : 0, err_path, &first);
    if (rc)
        return rc;
    snprintf(t->engine, sizeof t->engine, "%s", first.engine);
    snprintf(t->device, sizeof t->device, "%s", first.device);
    for (int k = 0; k < o->nbatch; k++) {
        for (int j = 0; j < (o->nlanes ? o->nlanes : 1); j++) {
            struct temu_sweep_row *row = &t->rows[t->nrows++];
            row->batch = o->batches[k];
            row->lanes = o->nlanes ? o->lanes[j] : 1;
            if ((rc = run_row(o, self, err_path, &first, row)))
                return rc;
        }
    }
    return 0;
}

int temu_sweep_main(int argc, char **argv, const char *self)
{
    struct sweep_opts o;
    struct temu_sweep_table t;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    /* A batch size means something to the GPU engines only: a batch sweep runs one on whatever
     * OpenCL device exists (PoCL included) unless told otherwise, and says so after the table when
     * it cannot (a failed sweep keeps its one error line). */
    int batch_sweep = o.nbatch > 0 && o.batches[0] != 0;
    if (batch_sweep && !o.engine && temu_engine_have_opencl_device())
        o.engine = "gpu";
    /* Fail before minutes of runs, not after them. */
    if (o.plot && !temu_child_in_path("gnuplot")) {
        fprintf(stderr, "temu sweep: --plot needs gnuplot, which is not installed (gnuplot-nox)\n");
        return TEMU_EXIT_ERROR;
    }
    struct temu_scratch sc;
    if (temu_scratch_open(&sc, "sweep"))
        return TEMU_EXIT_ERROR;
    memset(&t, 0, sizeof t);
    t.prog = o.line.prog_argv[0];
    t.repeat = o.repeat;
    t.by_lanes = o.nlanes > 0;
    rc = run_sweep(&o, self, &sc, &t);
    if (!rc) {
        temu_sweep_print(stdout, o.format, &t);
        fflush(stdout);
        if (batch_sweep && !o.engine)
            fprintf(stderr, "temu sweep: warning: no OpenCL device, so every row runs on the cpu engine, "
                            "where the batch size does nothing\n");
        else if (batch_sweep && !strcmp(o.engine, "cpu"))
            fprintf(stderr, "temu sweep: warning: the cpu engine has no batch size, so every row runs "
                            "the same way (--engine=gpu or resident sweeps it)\n");

        if (o.plot)
            rc = temu_sweep_plot(&t, o.plot, &sc);
    }
    temu_scratch_close(&sc);
    return rc;
}
