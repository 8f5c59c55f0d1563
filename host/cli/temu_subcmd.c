/* temu_subcmd.c: options are passed through unchecked, so that temu's own parser, run in the
 * child, stays the one place that knows them; only those that would break the measurement are
 * refused here. */
#include "temu_subcmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "temu_options.h"

int temu_subcmd_count(const char *s, unsigned max, unsigned *out)
{
    if (*s < '0' || *s > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v == 0 || v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

int temu_subcmd_usage_error(const char *cmd, const char *what, const char *arg)
{
    fprintf(stderr, "temu %s: %s%s%s (see temu %s --help)\n", cmd, what, arg ? ": " : "",
            arg ? arg : "", cmd);
    return TEMU_EXIT_USAGE;
}

/* Options the subcommands set on their children, or that make a child do no run at all. */
static int is_reserved(const char *arg)
{
    static const char *const reserved[] = {"--stats", "--dump-state", "--engine", "--list-devices",
                                           "--version", "--help"};
    for (size_t k = 0; k < sizeof reserved / sizeof reserved[0]; k++)
        if (temu_option_value(arg, reserved[k]))
            return 1;
    return !strcmp(arg, "-h");
}

int temu_subcmd_take(struct temu_subcmd_line *l, int argc, char **argv, int i)
{
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
        if (i + 1 >= argc)
            return temu_subcmd_usage_error(l->cmd, "no program given", NULL);
        l->prog_argv = argv + i + 1;
        return 1;
    }
    if (a[0] != '-' || !a[1]) {
        l->prog_argv = argv + i;
        return 1;
    }
    if (is_reserved(a))
        return temu_subcmd_usage_error(l->cmd, "option not allowed here (the subcommand sets it)", a);
    if (l->npass >= TEMU_SUBCMD_PASS_MAX)
        return temu_subcmd_usage_error(l->cmd, "too many options", a);
    l->pass[l->npass++] = a;
    return 0;
}
