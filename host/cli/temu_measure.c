/* temu_measure.c: a measured run is a whole process, so its IPS includes nothing of the parent
 * and its guest output can be kept or dropped; the figures come from the child's own
 * --stats=json, the same numbers a user sees. */
#include "temu_measure.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "temu_json.h"
#include "temu_options.h"

void temu_measure_argv(struct temu_argv *a, const char *self, const struct temu_subcmd_line *l,
                       const char *engine, unsigned batch, unsigned lanes, const char *dump)
{
    temu_argv_init(a);
    temu_argv_add(a, self);
    if (engine)
        temu_argv_addf(a, "--engine=%s", engine);
    if (batch)
        temu_argv_addf(a, "--batch=%u", batch);
    if (lanes)
        temu_argv_addf(a, "--lanes=%u", lanes);
    temu_argv_add(a, "--stats=json");
    if (dump)
        temu_argv_addf(a, "--dump-state=%s", dump);
    for (int k = 0; k < l->npass; k++)
        temu_argv_add(a, l->pass[k]);
    temu_argv_add(a, "--");
    for (char **p = l->prog_argv; *p; p++)
        temu_argv_add(a, *p);
}

/* Fill *m from one JSON object; -1 when a key is missing. */
static int parse_stats(const char *obj, struct temu_measure *m)
{
    double batch, exit_code;
    if (temu_json_u64(obj, "instructions", &m->instructions) ||
        temu_json_u64(obj, "syncs", &m->syncs) || temu_json_number(obj, "wall_s", &m->wall_s) ||
        temu_json_number(obj, "ips", &m->ips) || temu_json_number(obj, "batch", &batch) ||
        temu_json_number(obj, "exit_code", &exit_code) ||
        temu_json_string(obj, "engine", m->engine, sizeof m->engine) ||
        temu_json_string(obj, "device", m->device, sizeof m->device) ||
        temu_json_string(obj, "status", m->status, sizeof m->status))
        return -1;
    m->batch = (unsigned)batch;
    /* Optional: older children (and one-lane runs before lanes existed) did not print them. */
    double lanes;
    m->lanes = temu_json_number(obj, "lanes", &lanes) ? 1 : (unsigned)lanes;
    if (temu_json_number(obj, "lane_ips", &m->lane_ips))
        m->lane_ips = m->ips;
    m->exit_code = (int)exit_code;
    return 0;
}

/* The stats object is on the last line, but a guest that wrote to stderr without a final newline
 * leaves its text in front of it: try each '{' from the left until one parses. */
static int find_stats(const char *line, struct temu_measure *m)
{
    for (const char *p = strchr(line, '{'); p; p = strchr(p + 1, '{'))
        if (!parse_stats(p, m))
            return 0;
    return -1;
}

/* Whether the first stderr line (as cut to fit why) is the stats line itself: nothing else was
 * printed. */
static int line_is(const char *why, const char *stats_line)
{
    return !strncmp(why, stats_line, strlen(why));
}

int temu_measure_run(const struct temu_argv *a, const char *out_path, const char *err_path,
                     struct temu_measure *m, char *why, size_t why_len)
{
    memset(m, 0, sizeof *m);
    int rc = temu_child_run(a, out_path, err_path);
    if (rc < 0) {
        snprintf(why, why_len, "cannot run %s: %s", a->v[0], strerror(errno));
        return TEMU_EXIT_ERROR;
    }
    char line[4096];
    int have_stats = !temu_child_last_line(err_path, line, sizeof line) && !find_stats(line, m);
    if (temu_child_first_line(err_path, why, why_len) || (have_stats && line_is(why, line)))
        snprintf(why, why_len, "the run ended with status %d (%s)", rc,
                 have_stats ? m->status : "no stats printed");
    /* "temu sweep: temu: ..." would name temu twice. */
    if (!strncmp(why, "temu: ", 6))
        memmove(why, why + 6, strlen(why + 6) + 1);
    if (have_stats)
        return 0;
    return rc == TEMU_EXIT_USAGE ? TEMU_EXIT_USAGE : TEMU_EXIT_ERROR;
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

struct temu_spread temu_spread_of(const double *v, int n)
{
    double s[TEMU_MEASURE_REPEAT_MAX];
    if (n > TEMU_MEASURE_REPEAT_MAX)
        n = TEMU_MEASURE_REPEAT_MAX;
    memcpy(s, v, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    return (struct temu_spread){
        .median = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2, .min = s[0], .max = s[n - 1]};
}
