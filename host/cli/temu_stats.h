/* temu_stats.h: the --stats report. */
#ifndef TEMU_STATS_H
#define TEMU_STATS_H

#include "emu_stats.h"
#include "temu_options.h"

struct temu_run_info {
    const char *engine;  /* "cpu", "gpu", "resident" */
    const char *device;  /* host CPU model or OpenCL device name */
    unsigned batch;      /* GPU batch width; 0 on the CPU engine */
    unsigned lanes;
    double lane_ips;     /* lanes > 1: median over lanes of a lane's instructions / wall_s */
    double convergence;  /* GPU lanes: lane-steps taken together / all lane-steps; -1: none */
    double load_s;       /* loading and set-up, reported apart from execution */
    double wall_s;       /* wall time of execution only */
    const char *status;  /* "exit", "fault", "undef", ... */
    int exit_code;
};

/* The host's monotonic clock in seconds: what wall_s and load_s are measured with. */
double temu_now_s(void);

/* The host CPU's model name, for reports ("unknown" if it cannot be read). */
void temu_host_cpu_name(char *buf, size_t len);
void temu_stats_print(FILE *f, enum temu_stats_mode mode, const struct emu_stats *s,
                      const struct temu_run_info *r);

#endif
