/* schedule.h: dependency levels and register renaming for one decoded block (docs/design.md,
 * Batch engine), run once per block by one work-item of decode_block.
 *
 * Each instruction's operands are resolved to references (gpu_abi.h): the block-start value of a
 * slot, or an output of the earlier instruction that last wrote it. With writes renamed that way,
 * only true dependencies order registers and flags: level = 1 + the highest level among the
 * producers it reads. Memory is not renamed: a load follows the last store, a store follows the
 * last store and every load since (an atomic, both a load and a store, does both). A system
 * instruction (MRS/MSR, exclusives, CLREX, SVC) is a full barrier: it follows everything before it
 * and everything after it follows it; so is an FP/SIMD instruction (A64_P_SIMD), which reads and
 * writes the lane's V registers in place. */
#ifndef SCHEDULE_H
#define SCHEDULE_H

#include "exec_roles.h"

/* Schedule the n records at insns[first..] (already decoded) into sched[first..], order[first..]
 * and lstart[first..first+nlevels]; fill blk->final and blk->nlevels. */
static void schedule_block(__global const struct a64_insn *insns, __global struct gpu_sched *sched,
                           __global uint *order, __global uint *lstart, __global struct gpu_block *blk,
                           uint first, uint n)
{
    uint ref[GPU_NUM_SLOTS];   /* current producer of each slot */
    uint ready[GPU_NUM_SLOTS]; /* level at which that producer's value exists (0: block start) */
    for (uint s = 0; s < GPU_NUM_SLOTS; s++) {
        ref[s] = GPU_REF_REG | s;
        ready[s] = 0;
    }
    uint store_level = 0, load_level = 0, barrier_level = 0, max_level = 0;

    for (uint i = 0; i < n; i++) {
        struct a64_insn in = insns[first + i];
        uchar src[GPU_SRCS], dst[GPU_OUTS];
        exec_srcs(&in, src);
        exec_dsts(&in, dst);
        struct gpu_sched sc;
        uint level = barrier_level + 1;
        for (uint r = 0; r < GPU_SRCS; r++) {
            sc.src[r] = GPU_REF_NONE;
            if (src[r] == GPU_NO_SLOT)
                continue;
            sc.src[r] = ref[src[r]];
            level = max(level, ready[src[r]] + 1);
        }
        if (in.flags & A64_P_LOAD)
            level = max(level, store_level + 1);
        if (in.flags & A64_P_STORE)
            level = max(level, max(store_level, load_level) + 1);
        if (in.flags & (A64_P_SYS | A64_P_SIMD)) /* FP/SIMD: V registers in place (exec_simd_gm.h) */
            level = max(level, max_level + 1);
        /* Outputs in the order they are applied, so the last one to a slot wins. */
        const uint apply[GPU_OUTS] = {GPU_OUT_WB, GPU_OUT_RD, GPU_OUT_RA, GPU_OUT_NZCV};
        for (uint k = 0; k < GPU_OUTS; k++) {
            uint role = apply[k];
            sc.dst[role] = dst[role];
            if (dst[role] == GPU_NO_SLOT)
                continue;
            ref[dst[role]] = i * GPU_OUTS + role;
            ready[dst[role]] = level;
        }
        if (in.flags & A64_P_LOAD)
            load_level = max(load_level, level);
        if (in.flags & A64_P_STORE)
            store_level = level;
        if (in.flags & (A64_P_SYS | A64_P_SIMD))
            barrier_level = level;
        max_level = max(max_level, level);
        sc.level = level;
        sched[first + i] = sc;
    }

    /* Counting sort of the instructions by level: lstart[first + L - 1] is where level L begins. */
    for (uint l = 0; l <= max_level; l++)
        lstart[first + l] = 0;
    for (uint i = 0; i < n; i++)
        lstart[first + sched[first + i].level]++;
    uint pos = 0;
    for (uint l = 1; l <= max_level; l++) {
        uint c = lstart[first + l];
        lstart[first + l - 1] = pos;
        pos += c;
    }
    lstart[first + max_level] = pos;
    for (uint i = 0; i < n; i++) {
        uint l = sched[first + i].level;
        order[first + lstart[first + l - 1]++] = i;
    }
    /* The fill above advanced each level's start to the next level's: shift back by one level. */
    for (uint l = max_level; l > 0; l--)
        lstart[first + l] = lstart[first + l - 1];
    lstart[first] = 0;

    for (uint s = 0; s < GPU_NUM_SLOTS; s++)
        blk->final[s] = ref[s];
    blk->final[GPU_NUM_SLOTS] = 0;
    blk->nlevels = max_level;
}

#endif
