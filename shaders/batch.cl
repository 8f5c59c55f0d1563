/* batch.cl: the GPU batch engine's kernels (docs/design.md, Batch engine), on blocks that kernel
 * decode_block (decode_block.cl) put in the device decode cache.
 *
 *   execute_batch  one work-group per lane: the instructions of each dependency level run in
 *                  parallel, a barrier between levels; then the final slot values are scattered to
 *                  the lane's registers and a status record tells the host what happened.
 *   execute_resident  the same per block, in a loop that follows branches on the device through
 *                  the decode cache's index until a miss, a syscall, a stop or the budget. */
#include "dcache.h"
#include "execute.h"
#include "exec_simd_gm.h"

/* The value a reference names: a block-start slot or an earlier instruction's output. */
static ulong ref_value(uint ref, __local const ulong *regs, __global const ulong *outv)
{
    if (ref == GPU_REF_NONE)
        return 0;
    return (ref & GPU_REF_REG) ? regs[ref & 63] : outv[ref];
}

/* The last writer of `slot` among the block's first `end` instructions, as a reference. */
static uint last_writer(__global const struct gpu_sched *sched, uint first, uint end, uint slot)
{
    const uint reverse[GPU_OUTS] = {GPU_OUT_NZCV, GPU_OUT_RA, GPU_OUT_RD, GPU_OUT_WB};
    for (uint j = end; j-- > 0;) {
        struct gpu_sched sc = sched[first + j];
        for (uint k = 0; k < GPU_OUTS; k++)
            if (sc.dst[reverse[k]] == slot)
                return j * GPU_OUTS + reverse[k];
    }
    return GPU_REF_REG | slot;
}

#define NO_STOP 0xffffffffu

/* Local memory of one block's run, shared by its work-group. */
struct run_locals {
    ulong regs[GPU_NUM_SLOTS + 1]; /* the slots' values when the block began */
    ulong sys[SYS_COUNT];
    ulong next_pc;                 /* the branch's target */
    uint stop_at, stop_kind;       /* earliest stopping instruction, and why */
};

/* Run block `block_id` for lane state `st`, at most `limit` instructions, and report in
 * *out_status. Called by every work-item of the group; `st` must be current (a barrier before). */
static void run_block(__global struct emu_state *st, struct guest_mem m,
                      __global const struct gpu_block *blocks, uint block_id, uint limit,
                      __global const struct a64_insn *insns, __global const struct gpu_sched *sched,
                      __global const uint *order, __global const uint *lstart, __global ulong *outv,
                      __global struct gpu_status *out_status, ulong cntvct, __local struct run_locals *L)
{
    uint lid = get_local_id(0), lsz = get_local_size(0);
    struct gpu_block blk = blocks[block_id];

    for (uint s = lid; s < GPU_NUM_SLOTS; s += lsz)
        L->regs[s] = s == GPU_SLOT_NZCV ? st->nzcv : s == A64_REG_ZR ? 0 : st->x[s];
    if (lid == 0) {
        L->sys[SYS_TPIDR] = st->tpidr;
        L->sys[SYS_FPCR] = st->fpcr;
        L->sys[SYS_FPSR] = st->fpsr;
        L->sys[SYS_EXCL_ADDR] = st->excl_addr;
        L->sys[SYS_EXCL_VALID] = st->excl_valid;
        L->stop_at = NO_STOP;
        L->stop_kind = EXEC_DONE;
        L->next_pc = blk.pc + 4ul * blk.count;
    }
    if (blk.flags) { /* nothing to run: say why */
        if (lid == 0) {
            out_status->pc = blk.pc;
            out_status->fault_addr = blk.pc;
            out_status->status = (blk.flags & GPU_BLOCK_NO_ROOM) ? EMU_OK : EMU_FAULT;
            out_status->retired = 0;
            out_status->fault_access = GPU_PERM_X;
            out_status->flags = (blk.flags & GPU_BLOCK_NO_ROOM) ? GPU_ST_NO_ROOM : 0;
            out_status->blocks = 0;
        }
        return;
    }
    barrier(CLK_LOCAL_MEM_FENCE);

    uint n = min(blk.count, limit), first = blk.first;
    uint my_stop = NO_STOP, my_kind = EXEC_DONE; /* this item's earliest stop */
    struct exec_stop my_info = {0, 0};
    /* Every level runs, but once an instruction stops (fault, undefined, store into code), only
     * instructions before it still do: those must all take effect, and a later level may hold
     * some of them. L->stop_at only decreases, so any value an item reads is a safe bound. */
    for (uint level = 1; level <= blk.nlevels; level++) {
        uint end = lstart[first + level], bound = min(n, L->stop_at);
        for (uint p = lstart[first + level - 1] + lid; p < end; p += lsz) {
            uint i = order[first + p];
            if (i >= bound)
                continue;
            struct a64_insn in = insns[first + i];
            struct gpu_sched sc = sched[first + i];
            struct exec_in v;
            v.rn = ref_value(sc.src[GPU_SRC_RN], L->regs, outv);
            v.rm = ref_value(sc.src[GPU_SRC_RM], L->regs, outv);
            v.rd = ref_value(sc.src[GPU_SRC_RD], L->regs, outv);
            v.ra = ref_value(sc.src[GPU_SRC_RA], L->regs, outv);
            v.nzcv = (uint)ref_value(sc.src[GPU_SRC_NZCV], L->regs, outv);
            v.rm2 = ref_value(sc.src[GPU_SRC_RM2], L->regs, outv);
            ulong out[GPU_OUTS] = {0, 0, 0, 0}, next = 0;
            struct exec_stop info = {0, 0};
            uint r = (in.flags & A64_P_SIMD) ? exec_simd_insn(&in, blk.pc + 4ul * i, v, st->v, out, m, L->sys, &info)
                                             : exec_insn(&in, blk.pc + 4ul * i, v, out, &next, m, L->sys, cntvct, &info);
            for (uint k = 0; k < GPU_OUTS; k++)
                if (sc.dst[k] != GPU_NO_SLOT)
                    outv[i * GPU_OUTS + k] = out[k];
            if (in.flags & A64_P_BRANCH)
                L->next_pc = next; /* the one branch is the block's last instruction */
            if (r != EXEC_DONE) {
                atomic_min(&L->stop_at, i);
                if (i < my_stop) {
                    my_stop = i;
                    my_kind = r;
                    my_info = info;
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
    }

    /* Where execution ends: `done` instructions take effect, and what the host hears. */
    uint done = n, kind = EMU_OK, flags = 0;
    int whole = n == blk.count; /* every instruction counts: the schedule's final writers apply */
    ulong pc = n < blk.count ? blk.pc + 4ul * n : L->next_pc;
    uint stopped = L->stop_at;
    if (stopped != NO_STOP) {
        if (my_stop == stopped) { /* the owner of the earliest stop reports it */
            out_status->fault_addr = my_info.addr;
            out_status->fault_access = my_info.access;
            L->stop_kind = my_kind;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        whole = 0;
        if (L->stop_kind == EXEC_CODE) { /* it completed: continue after it, with the cache flushed */
            done = stopped + 1;
            pc = blk.pc + 4ul * done;
            flags = GPU_ST_CODE_WRITTEN;
        } else {
            done = stopped;
            pc = blk.pc + 4ul * stopped;
            kind = L->stop_kind == EXEC_FAULT ? EMU_FAULT : EMU_UNDEF;
        }
    } else if (n == blk.count) {
        uint last = insns[first + n - 1].op;
        if (last == A64_OP_SVC || last == A64_OP_UNDEF) { /* no outputs: the final writers stand */
            done = n - 1;
            pc = blk.pc + 4ul * done;
            kind = last == A64_OP_SVC ? EMU_SVC : EMU_UNDEF;
        }
    }

    /* Scatter: each slot takes the value of its last writer among the instructions that count. */
    for (uint s = lid; s < GPU_NUM_SLOTS; s += lsz) {
        uint ref = whole ? blk.final[s] : last_writer(sched, first, done, s);
        ulong val = ref_value(ref, L->regs, outv);
        if (s == GPU_SLOT_NZCV)
            st->nzcv = val;
        else if (s != A64_REG_ZR)
            st->x[s] = val;
    }
    if (lid == 0) {
        st->tpidr = L->sys[SYS_TPIDR];
        st->fpcr = L->sys[SYS_FPCR];
        st->fpsr = L->sys[SYS_FPSR];
        st->excl_addr = L->sys[SYS_EXCL_ADDR];
        st->excl_valid = L->sys[SYS_EXCL_VALID];
        st->pc = pc;
        out_status->pc = pc;
        out_status->status = kind;
        out_status->retired = done;
        out_status->flags = flags;
        out_status->blocks = 1;
        if (kind != EMU_FAULT) {
            out_status->fault_addr = 0;
            out_status->fault_access = 0;
        }
    }
}

__kernel void execute_batch(__global struct emu_state *states, __global uint *pt, ulong npages,
                            __global uchar *pool, __global const uchar *code,
                            __global const struct gpu_block *blocks,
                            uint block_id, uint limit, __global const struct a64_insn *insns,
                            __global const struct gpu_sched *sched, __global const uint *order,
                            __global const uint *lstart, __global ulong *outs, uint batch,
                            __global struct gpu_status *status, ulong cntvct)
{
    __local struct run_locals L;
    uint lane = get_group_id(0);
    struct guest_mem m = {pt, npages, pool, code};
    run_block(&states[lane], m, blocks, block_id, limit, insns, sched, order, lstart,
              outs + (ulong)lane * batch * GPU_OUTS, &status[lane], cntvct, &L);
}

__kernel void execute_resident(__global struct emu_state *states, __global uint *pt, ulong npages,
                               __global uchar *pool, __global const uchar *code,
                               __global const struct gpu_block *blocks,
                               __global const struct gpu_index_slot *index, uint budget,
                               __global const struct a64_insn *insns,
                               __global const struct gpu_sched *sched, __global const uint *order,
                               __global const uint *lstart, __global ulong *outs, uint batch,
                               __global struct gpu_status *status, ulong cntvct,
                               __global const uchar *loop_marks, uint loopvec, ulong skip)
{
    __local struct run_locals L;
    __local uint current, loop_n;
    __local ulong pass; /* the loop head to pass over (`skip`), until execution leaves that loop */
    uint lane = get_group_id(0), lid = get_local_id(0);
    __global struct emu_state *st = &states[lane];
    __global struct gpu_status *out_status = &status[lane];
    __global ulong *outv = outs + (ulong)lane * batch * GPU_OUTS;
    struct guest_mem m = {pt, npages, pool, code};
    uint total = 0, nblocks = 0, miss = 0;
    if (lid == 0) {
        pass = skip;
        loop_n = 0;
    }
    for (;;) {
        if (lid == 0)
            current = index_find(index, st->pc);
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
        uint id = current;
        if (id == NO_BLOCK) {
            miss = 1;
            break;
        }
        run_block(st, m, blocks, id, min(batch, budget - total), insns, sched, order, lstart, outv,
                  out_status, cntvct, &L);
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
        uint s = out_status->status, flags = out_status->flags, done = out_status->retired;
        total += done;
        nblocks += out_status->blocks;
        if (s != EMU_OK || flags || total >= budget)
            break;
        /* --loopvec: a block that just branched back to itself, once per entry into it (`skip`
         * is the loop the host just saw, until execution leaves it), unless the host knows it is
         * not vectorizable: the host takes it from the head of its second iteration. (loopvec
         * is the same for every item, so all of them meet the barrier or none.) */
        if (loopvec) {
            if (lid == 0) {
                ulong bpc = blocks[id].pc;
                if (bpc != pass)
                    pass = ~0ul;
                if (st->pc == bpc && pass != bpc && done == blocks[id].count &&
                    loop_marks[id] != GPU_LOOP_SEQUENTIAL)
                    loop_n = done;
            }
            barrier(CLK_LOCAL_MEM_FENCE);
            if (loop_n)
                break;
        }
    }
    barrier(CLK_GLOBAL_MEM_FENCE); /* every item has read the last block's status */
    if (lid == 0) {
        if (miss) {
            out_status->pc = st->pc;
            out_status->status = EMU_OK;
            out_status->flags = GPU_ST_MISS;
        }
        out_status->loop_skip = pass;
        if (loop_n) {
            out_status->flags = GPU_ST_LOOP;
            out_status->loop_n = loop_n;
        }
        out_status->retired = total;
        out_status->blocks = nblocks;
    }
}
