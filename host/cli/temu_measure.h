/* temu_measure.h: one measured run of temu as a child (`self ... --stats=json ...`), read back
 * from the JSON object on its stderr's last line, and the spread of repeated figures. */
#ifndef TEMU_MEASURE_H
#define TEMU_MEASURE_H

#include <stddef.h>
#include <stdint.h>

#include "temu_child.h"
#include "temu_subcmd.h"

/* What the child reported (the keys of temu_stats.c). */
struct temu_measure {
    uint64_t instructions;
    uint64_t syncs;
    double wall_s;       /* execution only */
    double ips;          /* instructions / wall_s (all lanes together) */
    double lane_ips;     /* median lane's instructions / wall_s (= ips for one lane) */
    unsigned lanes;
    unsigned batch;      /* 0 on the CPU engine */
    int exit_code;       /* temu's exit status for the run */
    char engine[16];
    char device[128];
    char status[16];     /* "exit", "fault", "undef", "limit", ... */
};

/* Build the child's argv: self [--engine=E] [--batch=B] [--lanes=L] --stats=json [--dump-state=D]
 * <passed-through options> -- prog [guest args]. engine NULL, batch 0, lanes 0 or dump NULL:
 * left out. */
void temu_measure_argv(struct temu_argv *a, const char *self, const struct temu_subcmd_line *l,
                       const char *engine, unsigned batch, unsigned lanes, const char *dump);

/* Run it with stdout to out_path and stderr to err_path, and fill *m. Returns 0; or, when the
 * child printed no stats, the status the subcommand should exit with (TEMU_EXIT_USAGE when the
 * child found a usage error, else TEMU_EXIT_ERROR). Either way why gets the child's first stderr
 * line, which names the cause when the guest did not exit normally (or when it could not be
 * started, why not). */
int temu_measure_run(const struct temu_argv *a, const char *out_path, const char *err_path,
                     struct temu_measure *m, char *why, size_t why_len);

#define TEMU_MEASURE_REPEAT_MAX 1000   /* most repeats of one figure (--repeat) */

struct temu_spread {
    double median, min, max;
};

/* Median (mean of the middle two for an even count), min and max of v[0..n-1],
 * 1 <= n <= TEMU_MEASURE_REPEAT_MAX. */
struct temu_spread temu_spread_of(const double *v, int n);

#endif
