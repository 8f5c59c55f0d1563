/* temu_scratch.h: a private temporary directory for the subcommands' child output files
 * (captured stdout and stderr, dumped state, plot data), removed with everything in it. */
#ifndef TEMU_SCRATCH_H
#define TEMU_SCRATCH_H

#include <stddef.h>

struct temu_scratch {
    char dir[256];   /* "" until created */
};

/* Create the directory under $TMPDIR (or /tmp). Returns 0, or -1 with a message on stderr
 * prefixed by who. */
int temu_scratch_open(struct temu_scratch *s, const char *who);

/* Write dir/name into buf; returns buf. Names are short and made by temu, so they always fit. */
const char *temu_scratch_path(const struct temu_scratch *s, const char *name, char *buf, size_t len);

/* Remove the files in the directory, then the directory. Safe to call when it was never created. */
void temu_scratch_close(struct temu_scratch *s);

#endif
