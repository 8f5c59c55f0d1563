/* emu_stats.h: execution counters, defined once and printed by --stats. */
#ifndef EMU_STATS_H
#define EMU_STATS_H

#include <stdint.h>

/* X(name, what it counts) */
#define EMU_STATS(X) \
    X(instructions,   "guest instructions retired") \
    X(blocks,         "basic blocks executed") \
    X(syncs,          "host-device synchronisations (0 on the CPU engine)") \
    X(blocks_decoded, "basic blocks decoded (decode-cache misses)") \
    X(syscalls,       "system calls served") \
    X(invalidations,  "decoded blocks dropped because guest code was written") \
    X(loops_vectorized, "loop runs taken by the vector path (--loopvec)") \
    X(loop_iterations, "loop iterations run by the vector path") \
    X(loop_instructions, "guest instructions those iterations retired (in instructions too)")

struct emu_stats {
#define EMU_STATS_FIELD(name, what) uint64_t name;
    EMU_STATS(EMU_STATS_FIELD)
#undef EMU_STATS_FIELD
};

#endif
