/* exec_value.h: the register result of every A64 operation that only computes (docs/design.md,
 * One semantics): the ALU, moves, bitfields, conditional selects and compares, bit counting,
 * shifts, multiply and divide; and the widening of loaded values. C11 and OpenCL C.
 *
 * exec_value is a pure function of the operation, the width, the record's immediates and the
 * operands by role, with no engine state, so every executor computes with it: exec_insn
 * (execute.h) for the kernels, and the loop lane executor (emu_loop_run.c), which instantiates it
 * once per operation and width inside a loop over lanes. With `op` and `sf` constants there, the
 * switch below and the masks of the ALU network fold away and each loop is the straight-line code
 * of one operation, which the host compiler vectorizes. That is why it is always inlined. */
#ifndef EXEC_VALUE_H
#define EXEC_VALUE_H

#include "emu_alu.h"

#ifdef A64_OPENCL
#define EXEC_INLINE static inline
#else
#define EXEC_INLINE static inline __attribute__((always_inline))
#endif

/* Operand values of one instruction, by GPU_SRC_* role. */
struct exec_in {
    uint64_t rn, rm, rd, ra;
    uint32_t nzcv;
    uint64_t rm2; /* CASP's Rt+1 */
};

/* Column alu of A64_OPS for op: its class in exec_alu's network, A64_ALU_NO if none. */
EXEC_INLINE uint32_t exec_alu_class(uint32_t op)
{
    switch (op) {
#define EXEC_ALU_CLASS(name, alu, lane, props, what) case A64_OP_##name: return A64_ALU_##alu;
    A64_OPS(EXEC_ALU_CLASS)
#undef EXEC_ALU_CLASS
    default: return A64_ALU_NO;
    }
}

/* All ones when c holds, else zero: the select masks. */
EXEC_INLINE uint64_t exec_mask(int c)
{
    return A64_U64(0) - (uint64_t)(c != 0);
}

/* The arithmetic-logic core, after the prototype's tensor shape: one operand network feeds every
 * candidate (one adder that subtracts through an inverted operand, AND, OR, XOR), and masks on
 * the operation's class (column alu of A64_OPS) select the result. The flags are those of the
 * adder, or N and Z of a logical result; only the A64_P_SETS_FLAGS operations apply them. */
EXEC_INLINE uint64_t exec_alu(uint32_t cls, int sf, const struct a64_insn *in, struct exec_in v, uint32_t *nzcv)
{
    uint32_t width = sf ? 64 : 32, form = cls & A64_ALU_FORM, unit = cls & A64_ALU_UNIT;
    uint64_t b = (uint64_t)in->imm;
    b = form == A64_ALU_FORM_SHIFT ? emu_alu_shift(v.rm, in->shift & 3, in->amount & (width - 1), sf) : b;
    b = form == A64_ALU_FORM_EXT ? emu_alu_extend(v.rm, in->shift & 7, in->amount & 7, sf) : b;
    b = form == A64_ALU_FORM_CARRY ? v.rm : b;
    b = (cls & A64_ALU_INVERT) ? ~b : b;
    uint64_t cin = form == A64_ALU_FORM_CARRY ? (v.nzcv >> 29) & 1 : (uint64_t)(unit == A64_ALU_SUB);
    uint32_t adder_flags;
    uint64_t sum = emu_alu_adc_flags(v.rn, unit == A64_ALU_SUB ? ~b : b, cin, sf, &adder_flags);
    uint64_t r = (sum & exec_mask(unit == A64_ALU_ADD || unit == A64_ALU_SUB)) |
                 ((v.rn & b) & exec_mask(unit == A64_ALU_AND)) |
                 ((v.rn | b) & exec_mask(unit == A64_ALU_ORR)) |
                 ((v.rn ^ b) & exec_mask(unit == A64_ALU_EOR));
    r = emu_alu_w(r, sf);
    *nzcv = (unit == A64_ALU_ADD || unit == A64_ALU_SUB) ? adder_flags : emu_alu_nz(r, sf);
    return r;
}

/* Operation op (the record's, passed apart so a caller can make it a constant) at width sf on
 * operands v: the value of rd, and in *nzcv the flags it computes (0 when none). Operations
 * outside this file's set (branches, memory, system) give 0 and no flags. */
EXEC_INLINE uint64_t exec_value(uint32_t op, int sf, const struct a64_insn *in, uint64_t pc, struct exec_in v,
                                uint32_t *nzcv)
{
    uint32_t width = sf ? 64 : 32, cls = exec_alu_class(op);
    uint64_t imm = (uint64_t)in->imm;
    uint32_t immr = in->immr & (width - 1), imms = in->imms & (width - 1);
    *nzcv = 0;
    if (cls != A64_ALU_NO)
        return exec_alu(cls, sf, in, v, nzcv);
    switch (op) {
    case A64_OP_ADR: return pc + imm;
    case A64_OP_ADRP: return (pc & ~A64_U64(0xfff)) + imm;
    case A64_OP_MOVZ:
    case A64_OP_MOVN: return emu_alu_w(imm, sf);
    case A64_OP_MOVK: return emu_alu_movk(v.rd, imm, in->amount, sf);
    case A64_OP_SBFM: return emu_alu_sbfm(v.rn, immr, imms, sf);
    case A64_OP_UBFM: return emu_alu_ubfm(v.rn, immr, imms, sf);
    case A64_OP_BFM: return emu_alu_bfm(v.rd, v.rn, immr, imms, sf);
    case A64_OP_EXTR: return emu_alu_extr(v.rn, v.rm, in->amount & (width - 1), sf);
    case A64_OP_CCMN_REG:
    case A64_OP_CCMN_IMM:
    case A64_OP_CCMP_REG:
    case A64_OP_CCMP_IMM: {
        int is_reg = op == A64_OP_CCMN_REG || op == A64_OP_CCMP_REG;
        int is_sub = op == A64_OP_CCMP_REG || op == A64_OP_CCMP_IMM;
        uint64_t b = is_reg ? v.rm : imm;
        *nzcv = (uint32_t)(in->nzcv & 15) << 28;
        if (emu_alu_cond(in->cond, v.nzcv))
            emu_alu_adc_flags(v.rn, is_sub ? ~b : b, (uint64_t)is_sub, sf, nzcv);
        return 0;
    }
    case A64_OP_CSEL:
    case A64_OP_CSINC:
    case A64_OP_CSINV:
    case A64_OP_CSNEG: {
        uint64_t alt = op == A64_OP_CSEL ? v.rm : op == A64_OP_CSINC ? v.rm + 1 :
                       op == A64_OP_CSINV ? ~v.rm : 0 - v.rm;
        return emu_alu_w(emu_alu_cond(in->cond, v.nzcv) ? v.rn : alt, sf);
    }
    case A64_OP_RBIT: return emu_alu_rbit(v.rn, sf);
    case A64_OP_REV16: return emu_alu_rev16(v.rn, sf);
    case A64_OP_REV32: return emu_alu_rev32(v.rn);
    case A64_OP_REV: return emu_alu_rev(v.rn, sf);
    case A64_OP_CLZ: return emu_alu_clz(v.rn, sf);
    case A64_OP_CLS: return emu_alu_cls(v.rn, sf);
    case A64_OP_UDIV: return emu_alu_udiv(v.rn, v.rm, sf);
    case A64_OP_SDIV: return emu_alu_sdiv(v.rn, v.rm, sf);
    case A64_OP_LSLV: return emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_LSL, sf);
    case A64_OP_LSRV: return emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_LSR, sf);
    case A64_OP_ASRV: return emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_ASR, sf);
    case A64_OP_RORV: return emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_ROR, sf);
    case A64_OP_MADD: return emu_alu_w(v.ra + v.rn * v.rm, sf);
    case A64_OP_MSUB: return emu_alu_w(v.ra - v.rn * v.rm, sf);
    case A64_OP_SMADDL: return v.ra + (uint64_t)((int64_t)(int32_t)(uint32_t)v.rn * (int64_t)(int32_t)(uint32_t)v.rm);
    case A64_OP_SMSUBL: return v.ra - (uint64_t)((int64_t)(int32_t)(uint32_t)v.rn * (int64_t)(int32_t)(uint32_t)v.rm);
    case A64_OP_UMADDL: return v.ra + (uint64_t)(uint32_t)v.rn * (uint32_t)v.rm;
    case A64_OP_UMSUBL: return v.ra - (uint64_t)(uint32_t)v.rn * (uint32_t)v.rm;
    case A64_OP_SMULH: return emu_alu_smulh(v.rn, v.rm);
    case A64_OP_UMULH: return emu_alu_umulh(v.rn, v.rm);
    default: return 0;
    }
}

/* A loaded element of 1 << size bytes, widened as the instruction says (A64_F_SIGNED, sf). */
EXEC_INLINE uint64_t exec_widen(uint64_t v, uint32_t size, uint32_t flags, int sf)
{
    if (!(flags & A64_F_SIGNED) || size >= 3)
        return v;
    v = emu_alu_sext(v, (8u << size) - 1);
    return (sf || size == 2) ? v : (uint32_t)v; /* LDRSW always fills the X register */
}

#endif
