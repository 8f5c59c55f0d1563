/* temu_lanes_report.c: the lanes' results table and what temu makes of it: DIR/lanes.tsv, the
 * error lines, the exit status and the median lane IPS. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "temu_dump.h"
#include "temu_exit.h"
#include "temu_lanes.h"

int temu_lanes_results_init(struct temu_lanes_results *r, unsigned n)
{
    memset(r, 0, sizeof *r);
    r->n = n;
    r->convergence = -1;
    r->lane = calloc(n, sizeof *r->lane);
    r->err = calloc(n, sizeof *r->err);
    if (!r->lane || !r->err) {
        temu_lanes_results_free(r);
        return -1;
    }
    for (unsigned l = 0; l < n; l++)
        r->lane[l].status = EMU_ERROR; /* until recorded: a lane never run is an error */
    return 0;
}

void temu_lanes_results_free(struct temu_lanes_results *r)
{
    if (r->err)
        for (unsigned l = 0; l < r->n; l++)
            free(r->err[l]);
    free(r->err);
    free(r->lane);
    r->err = NULL;
    r->lane = NULL;
}

static void set_err(struct temu_lanes_results *r, unsigned lane, const char *msg)
{
    free(r->err[lane]);
    r->err[lane] = strdup(msg); /* NULL when out of memory: the report says "error" then */
}

void temu_lanes_record(struct temu_lanes_results *r, unsigned lane, enum emu_status s,
                       struct emu_proc *p, uint64_t max_insns)
{
    struct temu_lane_result *x = &r->lane[lane];
    x->status = (uint8_t)s;
    x->exit_code = p->exit_code;
    x->instructions = p->stats.instructions;
    if (s == EMU_EXIT)
        return;
    char msg[EMU_ERR_LEN + 64];
    if (s == EMU_LIMIT) /* the line a single run prints */
        snprintf(msg, sizeof msg, "instruction limit of %" PRIu64 " reached at pc 0x%" PRIx64, max_insns,
                 p->st.pc);
    else
        snprintf(msg, sizeof msg, "%s", p->err[0] ? p->err : emu_proc_describe(p, s));
    set_err(r, lane, msg);
}

void temu_lanes_record_error(struct temu_lanes_results *r, unsigned lane, const char *err)
{
    r->lane[lane] = (struct temu_lane_result){.status = EMU_ERROR};
    set_err(r, lane, err);
}

/* DIR/lanes.tsv: one row per lane. Returns 0, or -1 after a message. */
static int write_tsv(const char *dir, const struct temu_lanes_results *r)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/lanes.tsv", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "temu: cannot write %s\n", path);
        return -1;
    }
    fputs("lane\texit_code\tinstructions\tstatus\n", f);
    for (unsigned l = 0; l < r->n; l++) {
        const char *name;
        int code = temu_exit_status((enum emu_status)r->lane[l].status, r->lane[l].exit_code, &name);
        fprintf(f, "%u\t%d\t%" PRIu64 "\t%s\n", l, code, r->lane[l].instructions, name);
    }
    if (fclose(f)) {
        fprintf(stderr, "temu: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

int temu_lanes_report(const struct temu_lanes_cfg *cfg, const struct temu_lanes_results *r)
{
    const char *name;
    int status = temu_exit_status((enum emu_status)r->lane[0].status, r->lane[0].exit_code, &name);
    unsigned failed = 0;
    fflush(stdout); /* lane 0's output, if it is temu's, comes before the error lines */
    for (unsigned l = 0; l < r->n; l++) {
        if (r->lane[l].status == EMU_EXIT)
            continue;
        if (failed++ < TEMU_LANES_ERR_LINES)
            fprintf(stderr, "temu: lane %u: %s\n", l, r->err[l] ? r->err[l] : "error");
    }
    if (failed > TEMU_LANES_ERR_LINES) {
        unsigned more = failed - TEMU_LANES_ERR_LINES;
        if (cfg->output_dir)
            fprintf(stderr, "temu: %u more lane%s stopped with errors (see %s/lanes.tsv)\n", more,
                    more == 1 ? "" : "s", cfg->output_dir);
        else
            fprintf(stderr, "temu: %u more lane%s stopped with errors\n", more, more == 1 ? "" : "s");
    }
    if (failed)
        status = TEMU_EXIT_ERROR;
    if (cfg->output_dir && write_tsv(cfg->output_dir, r))
        status = TEMU_EXIT_ERROR;
    return status;
}

static int cmp_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

double temu_lanes_median_ips(const struct temu_lanes_results *r, double wall_s)
{
    if (r->n == 0 || wall_s <= 0)
        return 0;
    uint64_t *v = malloc(r->n * sizeof *v);
    if (!v)
        return 0;
    for (unsigned l = 0; l < r->n; l++)
        v[l] = r->lane[l].instructions;
    qsort(v, r->n, sizeof *v, cmp_u64);
    double median = r->n % 2 ? (double)v[r->n / 2] : ((double)v[r->n / 2 - 1] + (double)v[r->n / 2]) / 2;
    free(v);
    return median / wall_s;
}

void temu_lanes_finish(const struct temu_lanes_cfg *cfg, struct temu_lanes_results *r, unsigned lane,
                       enum emu_status s, struct emu_proc *p, uint64_t max_insns)
{
    temu_lanes_record(r, lane, s, p, max_insns);
    if (cfg->state_dir && temu_dump_lane_state(cfg->state_dir, lane, &p->st))
        temu_lanes_record_error(r, lane, "cannot write its --dump-state file");
}
