/* gpu_dcache.h: the device decode cache the GPU engines share (docs/design.md, Batch engine):
 * decoded blocks keyed by start pc, their records and schedules on the device, and the index
 * pc -> block id, kept on the host (which decides block ids) and mirrored on the device for the
 * kernels that follow branches there (the resident engine's and the lanes').
 *
 * A miss enqueues kernel decode_block, which fetches the words from a lane's guest memory on the
 * device; nothing waits for it: later launches in the same queue see the block. */
#ifndef GPU_DCACHE_H
#define GPU_DCACHE_H

#include "a64_insn.h"
#include "emu_stats.h"
#include "gpu_abi.h"
#include "gpu_cl.h"
#include "gpu_guestmem.h"
#include "gpu_program.h"

struct gpu_dcache {
    const struct gpu_cl *cl;
    struct gpu_guestmem *mem;     /* where blocks are fetched from */
    unsigned mem_bound;           /* of mem whose buffers decode_block's arguments name */
    unsigned batch;               /* words fetched per block at most */
    cl_program program;           /* decode_block.cl */
    cl_kernel decode;
    size_t decode_local;
    cl_mem blocks, scratch, alloc, insns, sched, order, lstart, index_buf;
    cl_mem loop_marks;            /* per block id: GPU_LOOP_* (--loopvec; the resident kernel reads it) */
    uint8_t *loop_marks_host;     /* what the host wrote there (the writes read it) */
    uint32_t capacity;            /* record positions */
    struct gpu_index_slot *index; /* GPU_INDEX_SLOTS */
    uint32_t nblocks;
};

/* Make the cache's buffers and its decode_block kernel (program decode_block.cl, built along
 * `path`, see gpu_program_build), for blocks of at most `batch` words read from `mem`. GPU_OK or
 * GPU_ERROR (line printed). */
int gpu_dcache_init(struct gpu_dcache *c, const struct gpu_cl *cl, enum gpu_program_path path,
                    struct gpu_guestmem *mem, unsigned batch);
void gpu_dcache_free(struct gpu_dcache *c);

/* Forget every block: a full cache, or code that changed (then counted in s->invalidations). */
int gpu_dcache_flush(struct gpu_dcache *c, struct emu_stats *s);

/* Tell the resident kernel what block `id` is as a loop (GPU_LOOP_*); forgotten on a flush. */
int gpu_dcache_set_loop_mark(struct gpu_dcache *c, cl_uint id, uint8_t mark);

/* The block id for pc, enqueueing decode_block (reading lane `lane`'s memory, counted in
 * s->blocks_decoded) on a miss. GPU_OK or GPU_ERROR. */
int gpu_dcache_lookup(struct gpu_dcache *c, uint64_t pc, unsigned lane, cl_uint *id, struct emu_stats *s);

#endif
