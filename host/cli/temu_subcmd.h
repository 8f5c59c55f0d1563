/* temu_subcmd.h: the command line that `temu sweep` and `temu compare` share: their own options
 * come first, any other option goes through to every child run, then the program and its args. */
#ifndef TEMU_SUBCMD_H
#define TEMU_SUBCMD_H

#define TEMU_SUBCMD_PASS_MAX 64

struct temu_subcmd_line {
    const char *cmd;                          /* "sweep" or "compare", for messages */
    const char *pass[TEMU_SUBCMD_PASS_MAX];   /* options handed to each child as they are */
    int npass;
    char **prog_argv;                         /* program path, then guest args; NULL-terminated */
};

/* Parse a decimal number from 1 to max. Returns 0, or -1 when s is not one. */
int temu_subcmd_count(const char *s, unsigned max, unsigned *out);

/* Print "temu CMD: what[: arg] (see temu CMD --help)" on stderr; returns TEMU_EXIT_USAGE. */
int temu_subcmd_usage_error(const char *cmd, const char *what, const char *arg);

/* Called for each argument the subcommand did not take as its own, from argv[i] on. Takes an
 * option into l->pass, or at the first non-option (or after "--") sets l->prog_argv and returns
 * 1. Returns 0 to go on, 1 when the program was found, or TEMU_EXIT_USAGE after a message (an
 * option the subcommand sets for its children itself, too many options). */
int temu_subcmd_take(struct temu_subcmd_line *l, int argc, char **argv, int i);

#endif
