/* temu_compare.h: what `temu compare` checks between two runs (temu_compare_check.c). */
#ifndef TEMU_COMPARE_H
#define TEMU_COMPARE_H

#include <stdio.h>

#include "temu_measure.h"

/* One finished run: its stats and the files it left. */
struct temu_compare_side {
    const char *label;        /* "cpu", "gpu", "cpu#2", "gpu run 3": names it in messages */
    const char *out_path;     /* the guest's stdout */
    const char *state_path;   /* its --dump-state file */
    const struct temu_measure *m;
};

/* Check b against the reference run a: exit code, how the run stopped, instruction count, stdout
 * bytes and final state. Writes one line to msg per difference (first differing byte or line,
 * with what each side had) and returns how many there were. */
int temu_compare_check(FILE *msg, const struct temu_compare_side *a,
                       const struct temu_compare_side *b);

#endif
