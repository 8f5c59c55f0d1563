/* exec_roles.h: the register slots an instruction reads and writes, by role (GPU_SRC_*, GPU_OUT_*,
 * gpu_abi.h), from the record's register-role bits alone: the operands exec_insn (execute.h) takes
 * and the outputs it gives, for the schedule of a block (shaders/schedule.h) and for a register
 * file run in program order (exec_lane.h). C11 and OpenCL C. */
#ifndef EXEC_ROLES_H
#define EXEC_ROLES_H

#include "a64_insn.h"
#include "gpu_abi.h"

/* The slot each output role of `in` writes (GPU_NO_SLOT: none), in GPU_OUT_* order. */
static inline void exec_dsts(const struct a64_insn *in, uchar *dst)
{
    uint p = in->flags;
    dst[GPU_OUT_WB] = (p & (A64_F_WB_PRE | A64_F_WB_POST)) ? in->rn : (p & A64_P_W_LR) ? 30 : GPU_NO_SLOT;
    dst[GPU_OUT_RD] = (p & A64_P_W_RD) ? in->rd : GPU_NO_SLOT;
    dst[GPU_OUT_RA] = (p & A64_P_W_RA) ? in->ra : (p & A64_P_W_RM) ? in->rm : GPU_NO_SLOT;
    dst[GPU_OUT_NZCV] = ((p & A64_P_SETS_FLAGS) || in->op == A64_OP_MSR) ? GPU_SLOT_NZCV : GPU_NO_SLOT;
}

/* A register read: the sink reads as zero (CAS compares a ZR Rs, a64_insn.h). */
static inline uchar exec_read_slot(uchar s)
{
    return s == A64_REG_SINK ? A64_REG_ZR : s;
}

/* The slot each source role of `in` reads (GPU_NO_SLOT: none), in GPU_SRC_* order. */
static inline void exec_srcs(const struct a64_insn *in, uchar *src)
{
    uint p = in->flags;
    src[GPU_SRC_RN] = (p & A64_P_R_RN) ? in->rn : GPU_NO_SLOT;
    src[GPU_SRC_RM] = (p & A64_P_R_RM) ? in->rm : GPU_NO_SLOT;
    src[GPU_SRC_RD] = (p & A64_P_R_RD) ? exec_read_slot(in->rd) : GPU_NO_SLOT;
    src[GPU_SRC_RA] = (p & A64_P_R_RA) ? exec_read_slot(in->ra) : GPU_NO_SLOT;
    src[GPU_SRC_RM2] = (p & A64_P_R_RM2) ? in->rm2 : GPU_NO_SLOT;
    int flags_in = (p & A64_P_READS_FLAGS) || in->op == A64_OP_MRS || in->op == A64_OP_MSR;
    src[GPU_SRC_NZCV] = flags_in ? GPU_SLOT_NZCV : GPU_NO_SLOT;
}

#endif
