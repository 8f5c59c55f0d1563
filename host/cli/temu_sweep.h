/* temu_sweep.h: the results of `temu sweep`, one row per batch size (and lane count), shared by the code that
 * measures them (temu_sweep.c), prints them (temu_sweep_report.c) and plots them
 * (temu_sweep_plot.c). */
#ifndef TEMU_SWEEP_H
#define TEMU_SWEEP_H

#include <stdint.h>
#include <stdio.h>

#include "temu_measure.h"
#include "temu_scratch.h"

#define TEMU_SWEEP_ROWS_MAX 64

enum temu_sweep_format { TEMU_SWEEP_TEXT, TEMU_SWEEP_CSV, TEMU_SWEEP_JSON };

struct temu_sweep_row {
    unsigned batch;              /* --batch given to the runs; 0: the engine's default */
    unsigned lanes;              /* --lanes given to the runs (1 without --lanes) */
    struct temu_spread ips;      /* guest instructions per second of execution, over the repeats
                                    (all lanes together) */
    struct temu_spread lane_ips; /* the median lane's IPS (temu_stats.h), over the repeats */
    struct temu_spread wall_s;   /* execution wall time, over the repeats */
    uint64_t instructions;       /* the same in every run of the row (checked); all lanes' sum */
    uint64_t syncs;              /* host-device syncs of the row's first run; 0 on the CPU engine */
};

struct temu_sweep_table {
    const char *prog;            /* as given on the command line */
    char engine[16];             /* from the runs' stats */
    char device[128];
    unsigned repeat;
    int by_lanes;                /* --lanes was given: lanes and lane IPS columns, plot by lanes */
    int nrows;
    struct temu_sweep_row rows[TEMU_SWEEP_ROWS_MAX];
};

void temu_sweep_print(FILE *f, enum temu_sweep_format format, const struct temu_sweep_table *t);

/* Draw median IPS (with min..max bars) against batch size (lane count when by_lanes) into png_path with gnuplot, its script
 * and data kept in sc. Returns 0, or TEMU_EXIT_ERROR after a one-line message. */
int temu_sweep_plot(const struct temu_sweep_table *t, const char *png_path,
                    const struct temu_scratch *sc);

#endif
