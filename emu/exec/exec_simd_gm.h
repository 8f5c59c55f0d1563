/* exec_simd_gm.h: one FP/SIMD instruction on the device (docs/design.md, FP/SIMD): the semantics
 * of exec_simd.h with the V register file of the lane's state and guest memory on the device
 * (guest_mem.h). The batch engine schedules FP/SIMD instructions as barriers (schedule.h), so each
 * runs alone in its level and may read and write the lane's V registers in place: it runs only
 * when no earlier instruction of the block stopped, and a later one that stops cannot undo it
 * (it happened before). The lanes kernel runs it in program order (simd_lane_exec). */
#ifndef EXEC_SIMD_GM_H
#define EXEC_SIMD_GM_H

#include "exec_lane.h"
#include "exec_simd.h"

/* Run FP/SIMD instruction `in` at pc: X operands by role in v, X outputs by role into out[],
 * V registers read and written in vf (in address space SIMD_VF: the lane state's in the batch and
 * lanes kernels, a work-item's own in the loop kernel), FPSR's raised bits ORed into *fpsr
 * (nothing written unless it completes). Returns EXEC_*. */
static inline uint exec_simd_run(const struct a64_insn *in, ulong pc, struct exec_in v, SIMD_VF ulong *vf, ulong *out,
                                 struct guest_mem m, uint fpcr, uint *fpsr, struct exec_stop *stop)
{
    struct simd_in s;
    struct simd_out o;
    simd_gather(in, vf, &s);
    simd_out_clear(&o);
    if (!(in->flags & (A64_P_LOAD | A64_P_STORE))) {
        if (simd_value(in, v, &s, fpcr, &o))
            return EXEC_UNDEF;
        out[GPU_OUT_RD] = o.x;
        out[GPU_OUT_NZCV] = o.nzcv;
        *fpsr |= o.fpsr;
        simd_scatter(in, vf, &o);
        return EXEC_DONE;
    }
    ulong a, wb, buf[8];
    uint len = simd_mem_addr(in, pc, v, &a, &wb);
    out[GPU_OUT_WB] = wb;
    stop->addr = a;
    if (in->flags & A64_P_LOAD) {
        if (gm_read(m, a, len < 16 ? len : 16, &buf[0], &buf[1])) {
            stop->access = GPU_PERM_R;
            return EXEC_FAULT;
        }
        for (uint k = 16; k < len; k += 16) {
            if (gm_read(m, a + k, len - k < 16 ? len - k : 16, &buf[k / 8], &buf[k / 8 + 1])) {
                stop->access = GPU_PERM_R;
                return EXEC_FAULT;
            }
        }
        simd_load(in, &s, buf, &o);
        simd_scatter(in, vf, &o);
        return EXEC_DONE;
    }
    long o0, o1;
    if (gm_span(m, a, len, GPU_PERM_W, &o0, &o1)) { /* the whole access first: all or nothing */
        stop->access = GPU_PERM_W;
        return EXEC_FAULT;
    }
    simd_store(in, &s, buf);
    int code = 0;
    for (uint k = 0; k < len; k += 16) {
        int w = gm_write(m, a + k, len - k < 16 ? len - k : 16, buf[k / 8], buf[k / 8 + 1]);
        if (w < 0) {
            stop->access = GPU_PERM_W;
            return EXEC_FAULT;
        }
        code |= w;
    }
    return code ? EXEC_CODE : EXEC_DONE;
}

/* exec_simd_run with FPCR read from and FPSR ORed into the lane's system registers sys. */
static inline uint exec_simd_insn(const struct a64_insn *in, ulong pc, struct exec_in v, SIMD_VF ulong *vf, ulong *out,
                                  struct guest_mem m, __local ulong *sys, struct exec_stop *stop)
{
    uint fpsr = 0;
    uint res = exec_simd_run(in, pc, v, vf, out, m, (uint)sys[SYS_FPCR], &fpsr, stop);
    sys[SYS_FPSR] |= fpsr;
    return res;
}

/* lane_exec (exec_lane.h) for an FP/SIMD instruction: X operands from the register file r by role,
 * V registers in vf, outputs scattered unless it faulted. */
static inline uint simd_lane_exec(const struct a64_insn *in, ulong at, ulong *r, SIMD_VF ulong *vf, struct guest_mem m,
                           __local ulong *sys, struct exec_stop *info)
{
    ulong out[GPU_OUTS] = {0, 0, 0, 0};
    uint res = exec_simd_insn(in, at, lane_operands(in, r), vf, out, m, sys, info);
    if (res != EXEC_FAULT && res != EXEC_UNDEF)
        lane_results(in, r, out);
    return res;
}

#endif
