/* temu_sweep_report.c: the sweep's results as a text table, CSV or a JSON array. The three carry
 * the same columns; only the text table names the program, engine and device in a header line
 * (CSV has no place for them, JSON repeats them in each object so every object stands alone). */
#include <inttypes.h>

#include "temu_json.h"
#include "temu_sweep.h"

static void print_text(FILE *f, const struct temu_sweep_table *t)
{
    fprintf(f, "sweep of %s: engine %s, device %s, %u repeat%s per %s\n", t->prog,
            t->engine, t->device, t->repeat, t->repeat == 1 ? "" : "s",
            t->by_lanes ? "row" : "batch size");
    fprintf(f, "%7s ", "batch");
    if (t->by_lanes)
        fprintf(f, "%7s ", "lanes");
    fprintf(f, "%15s %15s %15s ", "median IPS", "min IPS", "max IPS");
    if (t->by_lanes)
        fprintf(f, "%15s ", "median lane IPS");
    fprintf(f, "%14s %10s %12s %13s\n", "instructions", "syncs", "insns/sync", "median wall_s");
    for (int k = 0; k < t->nrows; k++) {
        const struct temu_sweep_row *r = &t->rows[k];
        char per_sync[32] = "-";
        if (r->syncs)
            snprintf(per_sync, sizeof per_sync, "%.1f", (double)r->instructions / (double)r->syncs);
        fprintf(f, "%7u ", r->batch);
        if (t->by_lanes)
            fprintf(f, "%7u ", r->lanes);
        fprintf(f, "%15.0f %15.0f %15.0f ", r->ips.median, r->ips.min, r->ips.max);
        if (t->by_lanes)
            fprintf(f, "%15.0f ", r->lane_ips.median);
        fprintf(f, "%14" PRIu64 " %10" PRIu64 " %12s %13.6f\n", r->instructions, r->syncs, per_sync,
                r->wall_s.median);
    }
}

/* insns_per_sync is left empty when there were no syncs (the CPU engine). The lanes columns
 * come only with --lanes, so batch sweeps keep their columns. */
static void print_csv(FILE *f, const struct temu_sweep_table *t)
{
    fputs(t->by_lanes ? "batch,lanes,ips_median,ips_min,ips_max,lane_ips_median," : "batch,ips_median,ips_min,ips_max,", f);
    fputs("instructions,syncs,insns_per_sync,wall_s_median\n", f);
    for (int k = 0; k < t->nrows; k++) {
        const struct temu_sweep_row *r = &t->rows[k];
        fprintf(f, "%u,", r->batch);
        if (t->by_lanes)
            fprintf(f, "%u,", r->lanes);
        fprintf(f, "%.1f,%.1f,%.1f,", r->ips.median, r->ips.min, r->ips.max);
        if (t->by_lanes)
            fprintf(f, "%.1f,", r->lane_ips.median);
        fprintf(f, "%" PRIu64 ",%" PRIu64 ",", r->instructions, r->syncs);
        if (r->syncs)
            fprintf(f, "%.3f", (double)r->instructions / (double)r->syncs);
        fprintf(f, ",%.9f\n", r->wall_s.median);
    }
}

/* insns_per_sync is null when there were no syncs. */
static void print_json(FILE *f, const struct temu_sweep_table *t)
{
    fputs("[\n", f);
    for (int k = 0; k < t->nrows; k++) {
        const struct temu_sweep_row *r = &t->rows[k];
        fprintf(f, "  {\"batch\": %u, \"lanes\": %u, \"ips_median\": %.1f, \"ips_min\": %.1f, "
                   "\"ips_max\": %.1f, \"lane_ips_median\": %.1f, \"instructions\": %" PRIu64
                   ", \"syncs\": %" PRIu64 ", \"insns_per_sync\": ",
                r->batch, r->lanes, r->ips.median, r->ips.min, r->ips.max, r->lane_ips.median,
                r->instructions, r->syncs);
        if (r->syncs)
            fprintf(f, "%.3f", (double)r->instructions / (double)r->syncs);
        else
            fputs("null", f);
        fprintf(f, ", \"wall_s_median\": %.9f, \"repeat\": %u, \"program\": ", r->wall_s.median,
                t->repeat);
        temu_json_put_string(f, t->prog);
        fputs(", \"engine\": ", f);
        temu_json_put_string(f, t->engine);
        fputs(", \"device\": ", f);
        temu_json_put_string(f, t->device);
        fputs(k + 1 < t->nrows ? "},\n" : "}\n", f);
    }
    fputs("]\n", f);
}

void temu_sweep_print(FILE *f, enum temu_sweep_format format, const struct temu_sweep_table *t)
{
    switch (format) {
    case TEMU_SWEEP_TEXT: print_text(f, t); break;
    case TEMU_SWEEP_CSV: print_csv(f, t); break;
    case TEMU_SWEEP_JSON: print_json(f, t); break;
    }
}
