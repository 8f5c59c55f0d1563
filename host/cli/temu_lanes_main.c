/* temu_lanes_main.c: `temu --lanes=L prog ...`: set the lanes up, run them on the chosen engine,
 * report each lane's result and the run's --stats. */
#include <stdlib.h>
#include <string.h>

#include "temu_engine.h"
#include "temu_exit.h"
#include "temu_lanes.h"
#include "temu_stats.h"

int temu_lanes_main(const struct temu_options *opt, const struct temu_engine_ops *engine, char **envp,
                    const struct temu_env *env)
{
    struct temu_lanes_cfg cfg;
    struct temu_lanes_results r;
    if (opt->loopvec && !engine->lanes_loopvec) {
        fprintf(stderr, "temu: --loopvec with --lanes needs --engine=cpu (the GPU lanes kernel runs "
                        "loops sequentially)\n");
        return TEMU_EXIT_USAGE;
    }
    int rc = temu_lanes_cfg_init(&cfg, opt, envp, env);
    if (rc) {
        temu_lanes_cfg_close(&cfg);
        return rc;
    }
    if (temu_lanes_results_init(&r, cfg.n)) {
        fprintf(stderr, "temu: out of host memory for the results of %u lanes\n", cfg.n);
        temu_lanes_cfg_close(&cfg);
        return TEMU_EXIT_ERROR;
    }
    char device[256];
    rc = engine->lanes(&cfg, opt, &r, device, sizeof device);
    if (!rc) {
        rc = temu_lanes_report(&cfg, &r);
        if (opt->stats != TEMU_STATS_OFF) {
            const char *sname;
            temu_exit_status((enum emu_status)r.lane[0].status, r.lane[0].exit_code, &sname);
            struct temu_run_info info = {
                .engine = engine->name, .device = device,
                .batch = engine->has_batch ? opt->batch : 0, .lanes = cfg.n,
                .lane_ips = temu_lanes_median_ips(&r, r.wall_s), .convergence = r.convergence,
                .load_s = r.load_s, .wall_s = r.wall_s, .status = sname, .exit_code = rc};
            temu_stats_print(stderr, opt->stats, &r.total, &info);
        }
    }
    temu_lanes_results_free(&r);
    temu_lanes_cfg_close(&cfg);
    return rc;
}
