/* decode_block.cl: the fill of the device decode cache (docs/design.md, Batch engine), a program of
 * its own that every engine running from that cache builds (host/gpu/gpu_dcache.c): the batch and
 * resident engines and the lanes.
 *
 *   decode_block  one work-group: fetch up to `batch` words at pc from device guest memory, decode
 *                 them in parallel (the CPU engine's decoder source), cut the block at its first
 *                 terminator, then one work-item schedules it (schedule.h) into the decode cache. */
#include "a64_decode.c"
#include "guest_mem.h"
#include "schedule.h"

#define NO_WORD 0xffffu /* decode_block: the word could not be fetched (not a real op id) */

__kernel void decode_block(__global uint *pt, ulong npages, __global uchar *pool, __global uchar *code,
                           ulong pt_offset, ulong pc, uint batch, uint block_id,
                           __global struct gpu_block *blocks, __global struct a64_insn *scratch,
                           __global uint *alloc, uint capacity, __global struct a64_insn *insns,
                           __global struct gpu_sched *sched, __global uint *order, __global uint *lstart)
{
    struct guest_mem m = {pt + pt_offset, npages, pool, code};
    uint lid = get_local_id(0), lsz = get_local_size(0);
    for (uint i = lid; i < batch; i += lsz) {
        uint word;
        struct a64_insn rec;
        if (gm_fetch(m, pc + 4ul * i, &word)) {
            rec.op = NO_WORD;
        } else {
            a64_decode(word, &rec);
        }
        scratch[i] = rec;
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
    if (lid != 0)
        return;

    __global struct gpu_block *blk = &blocks[block_id];
    uint n = 0;
    while (n < batch && scratch[n].op != NO_WORD) {
        n++;
        if (scratch[n - 1].flags & A64_P_ENDS_BLOCK)
            break;
    }
    blk->pc = pc;
    blk->count = 0;
    blk->nlevels = 0;
    blk->first = 0;
    if (n == 0) {
        blk->flags = GPU_BLOCK_FETCH_FAULT;
        return;
    }
    uint first = atomic_add(alloc, n + 1);
    if (first > capacity || capacity - first < n + 1) {
        blk->flags = GPU_BLOCK_NO_ROOM;
        return;
    }
    for (uint i = 0; i < n; i++)
        insns[first + i] = scratch[i];
    blk->first = first;
    blk->count = n;
    blk->flags = 0;
    schedule_block(insns, sched, order, lstart, blk, first, n);
    /* Stores to these pages must now be reported, in every lane: the decoded copy would go stale. */
    for (ulong page = pc >> GPU_PAGE_BITS; page <= (pc + 4ul * n - 1) >> GPU_PAGE_BITS; page++)
        code[page] = 1;
}
