/* exec_lane.h: one instruction on a register file of its own, in program order: operands gathered
 * by role (exec_roles.h), exec_insn (execute.h), outputs scattered. The lanes kernel (lanes.cl) and
 * the loop kernel (loopvec.cl) run instructions this way, and tests/test_exec_diff.c compiles it as
 * C to hold these semantics against the CPU engine's, operation by operation. */
#ifndef EXEC_LANE_H
#define EXEC_LANE_H

#include "exec_roles.h"
#include "execute.h"

/* The value of source role r: its slot's current value, 0 when the instruction has no such operand. */
static inline ulong lane_src(const ulong *r, const uchar *src, uint role)
{
    return src[role] == GPU_NO_SLOT ? 0 : r[src[role]];
}

/* The X operands of `in` by role, from the registers r (slots, GPU_NUM_SLOTS + 1 of them). */
static inline struct exec_in lane_operands(const struct a64_insn *in, const ulong *r)
{
    uchar src[GPU_SRCS];
    exec_srcs(in, src);
    struct exec_in v;
    v.rn = lane_src(r, src, GPU_SRC_RN);
    v.rm = lane_src(r, src, GPU_SRC_RM);
    v.rd = lane_src(r, src, GPU_SRC_RD);
    v.ra = lane_src(r, src, GPU_SRC_RA);
    v.nzcv = (uint)lane_src(r, src, GPU_SRC_NZCV);
    v.rm2 = lane_src(r, src, GPU_SRC_RM2);
    return v;
}

/* The outputs of `in` into r, in the order the CPU engine writes them (gpu_abi.h). */
static inline void lane_results(const struct a64_insn *in, ulong *r, const ulong *out)
{
    uchar dst[GPU_OUTS];
    exec_dsts(in, dst);
    const uint apply[GPU_OUTS] = {GPU_OUT_WB, GPU_OUT_RD, GPU_OUT_RA, GPU_OUT_NZCV};
    for (uint k = 0; k < GPU_OUTS; k++)
        if (dst[apply[k]] != GPU_NO_SLOT)
            r[dst[apply[k]]] = out[apply[k]];
    r[A64_REG_ZR] = 0;
}

/* Run one instruction at `at` on the registers r: operands by role, then, unless it faulted or
 * was undefined (nothing of it happened then), its outputs. A branch's target goes to *target. */
static inline uint lane_exec(const struct a64_insn *in, ulong at, ulong *r, struct guest_mem m, __local ulong *sys,
                             ulong cntvct, ulong *target, struct exec_stop *info)
{
    ulong out[GPU_OUTS] = {0, 0, 0, 0};
    uint res = exec_insn(in, at, lane_operands(in, r), out, target, m, sys, cntvct, info);
    if (res != EXEC_FAULT && res != EXEC_UNDEF)
        lane_results(in, r, out);
    return res;
}

#endif
