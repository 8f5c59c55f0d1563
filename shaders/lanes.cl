/* lanes.cl: kernel execute_lanes, many guests at once (docs/design.md, Lanes), on the blocks that
 * kernel decode_block (decode_block.cl) put in the device decode cache, found through its index.
 *
 * One work-item runs one lane: it finds the decoded block at its pc through the device index and
 * runs the block's records in program order on registers of its own, so no schedule, levels or
 * barriers are needed inside a block. Lanes at the same pc take the same path through the kernel,
 * which is what keeps a GPU's SIMD groups full: the work-items of a group step through blocks
 * together (one barrier per step), and each step also counts how many lanes shared their pc
 * (lane convergence). A lane stops on a miss, a syscall, a fault or undefined instruction, a store
 * into decoded code, its instruction limit or `max_blocks` blocks; it is then masked off while the
 * rest of its group goes on. */
#include "dcache.h"
#include "exec_lane.h"
#include "exec_simd_gm.h"

__kernel void execute_lanes(__global struct emu_state *states, __global uint *pt, ulong npages,
                            __global uchar *pool, __global const uchar *code,
                            __global const struct gpu_block *blocks,
                            __global const struct gpu_index_slot *index,
                            __global const struct a64_insn *insns, __global const uint *limits,
                            uint max_blocks, uint nlanes, __global struct gpu_status *status,
                            __global ulong *convergence, ulong cntvct, __local ulong *sys_all,
                            __local ulong *pcs)
{
    __local uint any[2]; /* some lane of the group still runs (by step parity: no reset races) */
    uint lane = get_global_id(0), lid = get_local_id(0), lsz = get_local_size(0);
    uint limit = lane < nlanes ? limits[lane] : 0;
    int live = limit != 0;
    __local ulong *sys = sys_all + lid * SYS_COUNT;
    __global struct emu_state *st = &states[lane < nlanes ? lane : 0];
    struct guest_mem m = {pt + (ulong)(lane < nlanes ? lane : 0) * npages, npages, pool, code};
    ulong r[GPU_NUM_SLOTS + 1];
    ulong pc = 0, fault_addr = 0, together = 0, steps = 0;
    uint kind = EMU_OK, flags = 0, access = 0, total = 0, nblocks = 0;
    if (live) {
        for (uint s = 0; s < GPU_NUM_SLOTS; s++)
            r[s] = s == GPU_SLOT_NZCV ? st->nzcv : s == A64_REG_ZR ? 0 : st->x[s];
        sys[SYS_TPIDR] = st->tpidr;
        sys[SYS_FPCR] = st->fpcr;
        sys[SYS_FPSR] = st->fpsr;
        sys[SYS_EXCL_ADDR] = st->excl_addr;
        sys[SYS_EXCL_VALID] = st->excl_valid;
        pc = st->pc;
    }
    int started = live;
    for (uint step = 0;; step++) {
        uint id = NO_BLOCK;
        if (live) {
            id = index_find(index, pc);
            if (id == NO_BLOCK) {
                flags = GPU_ST_MISS;
                live = 0;
            }
        }
        pcs[lid] = live ? pc : ~0ul;
        if (lid == 0)
            any[step & 1] = 0;
        barrier(CLK_LOCAL_MEM_FENCE);
        if (live) {
            uint same = 0;
            for (uint j = 0; j < lsz; j++)
                same += pcs[j] == pc;
            together += same > 1;
            steps++;
            any[step & 1] = 1;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        if (!any[step & 1])
            break;
        if (!live)
            continue;

        struct gpu_block blk = blocks[id];
        if (blk.flags) { /* nothing to run: the cache is full, or pc cannot be fetched */
            if (blk.flags & GPU_BLOCK_NO_ROOM) {
                flags = GPU_ST_NO_ROOM;
            } else {
                kind = EMU_FAULT;
                fault_addr = pc;
                access = GPU_PERM_X;
            }
            live = 0;
            continue;
        }
        uint n = min(blk.count, limit - total), i = 0;
        ulong next = blk.pc + 4ul * n;
        for (; i < n; i++) {
            struct a64_insn in = insns[blk.first + i];
            ulong at = blk.pc + 4ul * i;
            if (in.op == A64_OP_SVC || in.op == A64_OP_UNDEF) { /* the host's, at this pc */
                kind = in.op == A64_OP_SVC ? EMU_SVC : EMU_UNDEF;
                next = at;
                break;
            }
            ulong target = 0;
            struct exec_stop info = {0, 0};
            uint res = (in.flags & A64_P_SIMD) ? simd_lane_exec(&in, at, r, st->v, m, sys, &info)
                                               : lane_exec(&in, at, r, m, sys, cntvct, &target, &info);
            if (res == EXEC_FAULT || res == EXEC_UNDEF) { /* nothing of it happened */
                kind = res == EXEC_FAULT ? EMU_FAULT : EMU_UNDEF;
                fault_addr = info.addr;
                access = info.access;
                next = at;
                break;
            }
            if (in.flags & A64_P_BRANCH)
                next = target;
            if (res == EXEC_CODE) { /* done; the host flushes the decode cache before going on */
                flags = GPU_ST_CODE_WRITTEN;
                i++;
                next = at + 4;
                break;
            }
        }
        total += i;
        nblocks++;
        pc = next;
        if (kind != EMU_OK || flags || total >= limit || nblocks >= max_blocks)
            live = 0;
    }

    if (lane < nlanes) {
        __global ulong *c = convergence + 2ul * lane;
        c[0] += together;
        c[1] += steps;
    }
    if (!started)
        return;
    for (uint s = 0; s < GPU_NUM_SLOTS; s++) {
        if (s == GPU_SLOT_NZCV)
            st->nzcv = r[s];
        else if (s != A64_REG_ZR)
            st->x[s] = r[s];
    }
    st->tpidr = sys[SYS_TPIDR];
    st->fpcr = sys[SYS_FPCR];
    st->fpsr = sys[SYS_FPSR];
    st->excl_addr = sys[SYS_EXCL_ADDR];
    st->excl_valid = sys[SYS_EXCL_VALID];
    st->pc = pc;
    __global struct gpu_status *o = &status[lane];
    o->pc = pc;
    o->fault_addr = fault_addr;
    o->status = kind;
    o->retired = total;
    o->fault_access = access;
    o->flags = flags;
    o->blocks = nblocks;
}
