/* temu_stats.c: prints the counters of emu_stats.h (every counter, from the X-macro list) with
 * the run's wall time and IPS, as text or as one JSON object on a single line. */
#include "temu_stats.h"

#include <inttypes.h>
#include <string.h>
#include <time.h>

#include "temu_json.h"

double temu_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void temu_host_cpu_name(char *buf, size_t len)
{
    snprintf(buf, len, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (!strncmp(line, "model name", 10) && colon) {
            colon += 1 + (colon[1] == ' ');
            colon[strcspn(colon, "\n")] = 0;
            snprintf(buf, len, "%s", colon);
            break;
        }
    }
    fclose(f);
}

void temu_stats_print(FILE *f, enum temu_stats_mode mode, const struct emu_stats *s,
                      const struct temu_run_info *r)
{
    double ips = r->wall_s > 0 ? (double)s->instructions / r->wall_s : 0;
    double syncs_per_block = s->blocks ? (double)s->syncs / (double)s->blocks : 0;
    double lane_ips = r->lanes > 1 ? r->lane_ips : ips; /* one lane: the median is the whole */
    if (mode == TEMU_STATS_JSON) {
        fputc('{', f);
#define EMU_STATS_JSON(name, what) fprintf(f, "\"" #name "\": %" PRIu64 ", ", s->name);
        EMU_STATS(EMU_STATS_JSON)
#undef EMU_STATS_JSON
        fprintf(f, "\"syncs_per_block\": %.6f, \"wall_s\": %.9f, \"load_s\": %.9f, \"ips\": %.1f, "
                "\"lane_ips\": %.1f, \"convergence\": %.6f, \"engine\": ", syncs_per_block, r->wall_s,
                r->load_s, ips, lane_ips, r->convergence);
        temu_json_put_string(f, r->engine);
        fputs(", \"device\": ", f);
        temu_json_put_string(f, r->device);
        fprintf(f, ", \"batch\": %u, \"lanes\": %u, \"status\": ", r->batch, r->lanes);
        temu_json_put_string(f, r->status);
        fprintf(f, ", \"exit_code\": %d}\n", r->exit_code);
        return;
    }
    fprintf(f, "temu: engine %s on %s, batch %u, lanes %u\n", r->engine, r->device, r->batch,
            r->lanes);
    /* One column for the names, as wide as the longest (loop_instructions), so the values line up. */
#define EMU_STATS_TEXT(name, what) fprintf(f, "temu: %-17s %15" PRIu64 "  %s\n", #name, s->name, what);
    EMU_STATS(EMU_STATS_TEXT)
#undef EMU_STATS_TEXT
    fprintf(f, "temu: %-17s %15.6f  host-device synchronisations per block executed\n",
            "syncs_per_block", syncs_per_block);
    fprintf(f, "temu: %-17s %15.6f  seconds of execution (load %.6f s apart)\n", "wall_s", r->wall_s,
            r->load_s);
    fprintf(f, "temu: %-17s %15.0f  guest instructions per second\n", "ips", ips);
    fprintf(f, "temu: %-17s %15.0f  median over lanes of a lane's instructions per second of wall_s\n",
            "lane_ips", lane_ips);
    fprintf(f, "temu: %-17s %15.6f  lane-steps taken together with another lane (-1: not measured)\n",
            "convergence", r->convergence);
}
