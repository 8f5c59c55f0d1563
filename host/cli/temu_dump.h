/* temu_dump.h: --dump-state, the final registers every engine must agree on. */
#ifndef TEMU_DUMP_H
#define TEMU_DUMP_H

#include "emu_state.h"

/* Write st to `path` ("-": stderr), one "name 0xvalue" line per register, sp, pc, flags and
 * TPIDR_EL0. 0, or -1 when the file cannot be written. */
int temu_dump_state(const char *path, const struct emu_state *st);

/* The same for lane `lane` of a lane run, to DIR/lane.state. */
int temu_dump_lane_state(const char *dir, unsigned lane, const struct emu_state *st);

#endif
