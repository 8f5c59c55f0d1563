/* exec_simd.h: the semantics of the FP/SIMD operations (docs/design.md, FP/SIMD), once, for every
 * engine. C11 and OpenCL C, no engine state and no memory access: the caller gathers the V
 * operands by role (simd_gather), the X operands by role (struct exec_in, as for exec_value), and
 * scatters the V results (simd_scatter) and the X result; for loads and stores it does the one
 * access of simd_mem_addr's length itself, with its own memory (the kernels: exec_simd_gm.h; the
 * CPU engine: emu/cpu/cpu_simd.c), so a fault leaves nothing written.
 *
 * The V register file is 64 ulongs, v0..v31 as {low, high} (emu_state.v). SIMD_VF is its address
 * space: __global in the kernels, nothing in C. */
#ifndef EXEC_SIMD_H
#define EXEC_SIMD_H

#include "exec_value.h"

#ifndef SIMD_VF
#define SIMD_VF __global
#endif

/* A 128-bit value. */
struct simd_v {
    uint64_t lo, hi;
};

/* V operands by role: n[] = V[rn..rn+3] (list of TBL), d[] = V[rd..rd+3] (stores, ST1 lists,
 * read-modify-write), m = V[rm], a = V[ra]. Outputs: d[] to V[rd..], a to V[ra]; x is the X
 * result (A64_P_W_RD), nzcv the flags (A64_P_SETS_FLAGS: FCMP, FCCMP), and fpsr the cumulative
 * FPSR bits the operation raised (IOC..IDC, QC), which the caller ORs into FPSR. The caller zeroes
 * an output before the call (simd_out_clear). */
struct simd_in {
    struct simd_v n[4], d[4], m, a;
};
struct simd_out {
    struct simd_v d[4], a;
    uint64_t x;
    uint32_t nzcv, fpsr;
};

/* Registers in the list that starts at rd (LD1/ST1) or rn (TBL/TBX): shift (1..4); else 1. */
EXEC_INLINE uint32_t simd_list_len(const struct a64_insn *in)
{
    int list = in->op == A64_OP_LD1_M || in->op == A64_OP_ST1_M || in->op == A64_OP_TBL_V || in->op == A64_OP_TBX_V ||
               in->op == A64_OP_LDN_M || in->op == A64_OP_STN_M || in->op == A64_OP_LDS_V || in->op == A64_OP_STS_V ||
               in->op == A64_OP_LDNR; /* structure loads/stores: exec_simd_int.h */
    return list && in->shift ? in->shift : 1u;
}

EXEC_INLINE struct simd_v simd_load_reg(const SIMD_VF uint64_t *vf, uint32_t r)
{
    struct simd_v v;
    v.lo = vf[2 * (r & 31)];
    v.hi = vf[2 * (r & 31) + 1];
    return v;
}

/* Gather the V operands of `in` from the register file. */
EXEC_INLINE void simd_gather(const struct a64_insn *in, const SIMD_VF uint64_t *vf, struct simd_in *s)
{
    uint32_t p = in->flags, k = simd_list_len(in);
    for (uint32_t i = 0; i < 4; i++) {
        s->n[i] = simd_load_reg(vf, in->rn + ((p & A64_P_V_RN) && i < k ? i : 0));
        s->d[i] = simd_load_reg(vf, in->rd + (i < k ? i : 0));
    }
    s->m = simd_load_reg(vf, in->rm);
    s->a = simd_load_reg(vf, in->ra);
}

/* Write the V results of `in` (only the registers its roles write). */
EXEC_INLINE void simd_scatter(const struct a64_insn *in, SIMD_VF uint64_t *vf, const struct simd_out *o)
{
    uint32_t p = in->flags, k = (p & A64_P_LOAD) ? simd_list_len(in) : 1u;
    if (p & A64_P_V_WD) {
        for (uint32_t i = 0; i < k; i++) {
            uint32_t r = (in->rd + i) & 31;
            vf[2 * r] = o->d[i].lo;
            vf[2 * r + 1] = o->d[i].hi;
        }
    }
    if (p & A64_P_V_WA) {
        vf[2 * (in->ra & 31)] = o->a.lo;
        vf[2 * (in->ra & 31) + 1] = o->a.hi;
    }
}

EXEC_INLINE void simd_out_clear(struct simd_out *o)
{
    for (uint32_t i = 0; i < 4; i++)
        o->d[i].lo = o->d[i].hi = 0;
    o->a.lo = o->a.hi = 0;
    o->x = 0;
    o->nzcv = o->fpsr = 0;
}

/* Element i of 1 << size bytes (size 0..3). */
EXEC_INLINE uint64_t simd_elem(struct simd_v v, uint32_t size, uint32_t i)
{
    uint32_t bits = 8u << size, at = i * bits;
    uint64_t w = at >= 64 ? v.hi : v.lo;
    return size == 3 ? w : (w >> (at & 63)) & emu_alu_ones(bits);
}

EXEC_INLINE struct simd_v simd_set(struct simd_v v, uint32_t size, uint32_t i, uint64_t x)
{
    uint32_t bits = 8u << size, at = i * bits;
    uint64_t m = size == 3 ? ~A64_U64(0) : emu_alu_ones(bits) << (at & 63);
    x = size == 3 ? x : (x << (at & 63)) & m;
    if (at >= 64)
        v.hi = (v.hi & ~m) | x;
    else
        v.lo = (v.lo & ~m) | x;
    return v;
}

EXEC_INLINE uint64_t simd_sext(uint64_t x, uint32_t size)
{
    uint32_t bits = 8u << size;
    if (bits >= 64)
        return x;
    uint64_t m = A64_U64(1) << (bits - 1);
    return ((x & emu_alu_ones(bits)) ^ m) - m;
}

/* Elements of a vector of this record: (sf ? 16 : 8) >> size. */
EXEC_INLINE uint32_t simd_count(const struct a64_insn *in)
{
    return (in->sf ? 16u : 8u) >> in->size;
}

EXEC_INLINE struct simd_v simd_make(uint64_t lo, uint64_t hi)
{
    struct simd_v v;
    v.lo = lo;
    v.hi = hi;
    return v;
}

/* Byte b (0..63) of a 64-byte buffer of 8 little-endian ulongs. */
EXEC_INLINE uint64_t simd_byte(const uint64_t *buf, uint32_t b)
{
    return (buf[(b >> 3) & 7] >> (8 * (b & 7))) & 0xff;
}

/* Element-wise binary operation `op` on elements a, b of `bits` bits. */
EXEC_INLINE uint64_t simd_binop(uint32_t op, uint64_t a, uint64_t b, uint32_t size)
{
    uint64_t ones = emu_alu_ones(8u << size);
    int64_t sa = (int64_t)simd_sext(a, size), sb = (int64_t)simd_sext(b, size);
    switch (op) {
    case A64_OP_ADD_V: return (a + b) & ones;
    case A64_OP_SUB_V: return (a - b) & ones;
    case A64_OP_CMEQ_V: return a == b ? ones : 0;
    case A64_OP_CMHS_V: return a >= b ? ones : 0;
    case A64_OP_CMHI_V: return a > b ? ones : 0;
    case A64_OP_CMGE_V: return sa >= sb ? ones : 0;
    case A64_OP_CMGT_V: return sa > sb ? ones : 0;
    case A64_OP_CMTST_V: return (a & b) ? ones : 0;
    case A64_OP_UMAX_V:
    case A64_OP_UMAXP_V: return a > b ? a : b;
    case A64_OP_UMIN_V:
    case A64_OP_UMINP_V: return a < b ? a : b;
    case A64_OP_ADDP_V: return (a + b) & ones;
    case A64_OP_SMAX_V: return sa > sb ? a : b;
    case A64_OP_SMIN_V: return sa < sb ? a : b;
    case A64_OP_CMEQZ_V: return a == 0 ? ones : 0;
    case A64_OP_CMGTZ_V: return sa > 0 ? ones : 0;
    case A64_OP_CMGEZ_V: return sa >= 0 ? ones : 0;
    case A64_OP_CMLEZ_V: return sa <= 0 ? ones : 0;
    case A64_OP_CMLTZ_V: return sa < 0 ? ones : 0;
    case A64_OP_USHR_V: return b >= (8u << size) ? 0 : a >> b;
    case A64_OP_SSHR_V: return (uint64_t)(sa >> (b >= (8u << size) ? (8u << size) - 1 : b)) & ones;
    case A64_OP_SHL_V: return (a << b) & ones;
    default: return 0;
    }
}

EXEC_INLINE uint64_t simd_popcount8(uint64_t x)
{
    uint64_t n = 0;
    for (uint32_t i = 0; i < 8; i++)
        n += (x >> i) & 1;
    return n;
}

#include "exec_simd_fp.h"  /* scalar floating point: simd_fp_value */
#include "exec_simd_vfp.h" /* Advanced SIMD floating point: simd_vfp_value */
#include "exec_simd_int.h" /* the rest of Advanced SIMD integer: simd_int_value */

/* The operations that only compute, under FPCR value fpcr: results into *o (cleared by the
 * caller). Returns 0, or 1 for an operation it does not know (never silently skipped). */
EXEC_INLINE uint32_t simd_value(const struct a64_insn *in, struct exec_in xv, const struct simd_in *s, uint32_t fpcr,
                                struct simd_out *o)
{
    uint32_t size = in->size & 3, n = simd_count(in), nh = n / 2;
    struct simd_v vn = s->n[0], vm = s->m, vd = s->d[0], r = simd_make(0, 0);
    uint64_t imm = (uint64_t)in->imm, q = in->sf ? ~A64_U64(0) : 0;
    uint32_t op = in->op;
    if (op >= SIMD_VFP_FIRST && op <= SIMD_VFP_LAST)
        return simd_vfp_value(in, s, fpcr, o);
    switch (op) {
    case A64_OP_FMOV_V:
        r.lo = vn.lo & emu_alu_ones(8u << in->size);
        break;
    case A64_OP_FMOV_TOV:
        r.lo = xv.rn & emu_alu_ones(8u << in->size);
        break;
    case A64_OP_FMOV_TOV1:
        r = simd_make(vd.lo, xv.rn);
        break;
    case A64_OP_FMOV_FROMV:
        o->x = simd_elem(vn, size, in->immr);
        return 0;
    case A64_OP_SMOV:
        o->x = emu_alu_w(simd_sext(simd_elem(vn, size, in->immr), size), in->sf);
        return 0;
    case A64_OP_MOVI_V: r = simd_make(imm, imm & q); break;
    case A64_OP_ORR_VI: r = simd_make(vd.lo | imm, (vd.hi | imm) & q); break;
    case A64_OP_BIC_VI: r = simd_make(vd.lo & ~imm, (vd.hi & ~imm) & q); break;
    case A64_OP_DUP_GEN:
    case A64_OP_DUP_ELEM: {
        uint64_t e = op == A64_OP_DUP_GEN ? xv.rn : simd_elem(vn, size, in->imms);
        for (uint32_t i = 0; i < n; i++)
            r = simd_set(r, size, i, e);
        break;
    }
    case A64_OP_INS_GEN: r = simd_set(vd, size, in->immr, xv.rn); break;
    case A64_OP_INS_ELEM: r = simd_set(vd, size, in->immr, simd_elem(vn, size, in->imms)); break;
    case A64_OP_AND_V: r = simd_make(vn.lo & vm.lo, vn.hi & vm.hi); break;
    case A64_OP_BIC_V: r = simd_make(vn.lo & ~vm.lo, vn.hi & ~vm.hi); break;
    case A64_OP_ORR_V: r = simd_make(vn.lo | vm.lo, vn.hi | vm.hi); break;
    case A64_OP_ORN_V: r = simd_make(vn.lo | ~vm.lo, vn.hi | ~vm.hi); break;
    case A64_OP_EOR_V: r = simd_make(vn.lo ^ vm.lo, vn.hi ^ vm.hi); break;
    case A64_OP_NOT_V: r = simd_make(~vn.lo, ~vn.hi); break;
    case A64_OP_BSL_V: r = simd_make((vd.lo & vn.lo) | (~vd.lo & vm.lo), (vd.hi & vn.hi) | (~vd.hi & vm.hi)); break;
    case A64_OP_BIT_V: r = simd_make((vm.lo & vn.lo) | (~vm.lo & vd.lo), (vm.hi & vn.hi) | (~vm.hi & vd.hi)); break;
    case A64_OP_BIF_V: r = simd_make((~vm.lo & vn.lo) | (vm.lo & vd.lo), (~vm.hi & vn.hi) | (vm.hi & vd.hi)); break;
    case A64_OP_ADD_V: case A64_OP_SUB_V: case A64_OP_CMEQ_V: case A64_OP_CMHS_V: case A64_OP_CMHI_V:
    case A64_OP_CMGE_V: case A64_OP_CMGT_V: case A64_OP_CMTST_V: case A64_OP_UMAX_V: case A64_OP_UMIN_V:
    case A64_OP_SMAX_V: case A64_OP_SMIN_V:
        for (uint32_t i = 0; i < n; i++)
            r = simd_set(r, size, i, simd_binop(op, simd_elem(vn, size, i), simd_elem(vm, size, i), size));
        break;
    case A64_OP_CMEQZ_V: case A64_OP_CMGTZ_V: case A64_OP_CMGEZ_V: case A64_OP_CMLEZ_V: case A64_OP_CMLTZ_V:
        for (uint32_t i = 0; i < n; i++)
            r = simd_set(r, size, i, simd_binop(op, simd_elem(vn, size, i), 0, size));
        break;
    case A64_OP_USHR_V: case A64_OP_SSHR_V: case A64_OP_SHL_V:
        for (uint32_t i = 0; i < n; i++)
            r = simd_set(r, size, i, simd_binop(op, simd_elem(vn, size, i), in->amount, size));
        break;
    case A64_OP_ADDP_V: case A64_OP_UMAXP_V: case A64_OP_UMINP_V:
        for (uint32_t i = 0; i < n; i++) {
            struct simd_v src = i < nh ? vn : vm;
            uint32_t j = 2 * (i % nh);
            r = simd_set(r, size, i, simd_binop(op, simd_elem(src, size, j), simd_elem(src, size, j + 1), size));
        }
        break;
    case A64_OP_CNT_V:
        for (uint32_t i = 0; i < n; i++)
            r = simd_set(r, 0, i, simd_popcount8(simd_elem(vn, 0, i)));
        break;
    case A64_OP_REV64_V: case A64_OP_REV32_V: case A64_OP_REV16_V: {
        uint32_t group = (op == A64_OP_REV64_V ? 8u : op == A64_OP_REV32_V ? 4u : 2u) >> size; /* elements */
        for (uint32_t i = 0; i < n; i++)
            r = simd_set(r, size, i, simd_elem(vn, size, (i / group) * group + (group - 1 - i % group)));
        break;
    }
    case A64_OP_XTN_V: case A64_OP_SHRN_V: {
        /* narrow the 64 bits of vn's 2*size elements into nh of the result: sf = the upper nh */
        uint32_t k = 8u >> size, base = in->sf ? k : 0;
        r = in->sf ? simd_make(vd.lo, 0) : simd_make(0, 0);
        for (uint32_t i = 0; i < k; i++) {
            uint64_t e = simd_elem(vn, size + 1, i);
            r = simd_set(r, size, base + i, op == A64_OP_SHRN_V ? e >> in->amount : e);
        }
        break;
    }
    case A64_OP_ADDV_V: case A64_OP_UMAXV_V: case A64_OP_UMINV_V: case A64_OP_SMAXV_V: case A64_OP_SMINV_V: {
        uint64_t acc = simd_elem(vn, size, 0);
        uint32_t pick = op == A64_OP_UMAXV_V ? A64_OP_UMAX_V : op == A64_OP_UMINV_V ? A64_OP_UMIN_V
                      : op == A64_OP_SMAXV_V ? A64_OP_SMAX_V : op == A64_OP_SMINV_V ? A64_OP_SMIN_V : A64_OP_ADD_V;
        for (uint32_t i = 1; i < n; i++)
            acc = simd_binop(pick, acc, simd_elem(vn, size, i), size);
        r.lo = acc & emu_alu_ones(8u << size);
        break;
    }
    case A64_OP_EXT_V:
        for (uint32_t i = 0; i < n; i++) {
            uint32_t b = i + in->amount;
            r = simd_set(r, 0, i, b < n ? simd_elem(vn, 0, b) : simd_elem(vm, 0, b - n));
        }
        break;
    case A64_OP_ZIP1_V: case A64_OP_ZIP2_V: {
        uint32_t base = op == A64_OP_ZIP2_V ? nh : 0;
        for (uint32_t i = 0; i < nh; i++) {
            r = simd_set(r, size, 2 * i, simd_elem(vn, size, base + i));
            r = simd_set(r, size, 2 * i + 1, simd_elem(vm, size, base + i));
        }
        break;
    }
    case A64_OP_UZP1_V: case A64_OP_UZP2_V: {
        uint32_t odd = op == A64_OP_UZP2_V;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t j = 2 * i + odd;
            r = simd_set(r, size, i, j < n ? simd_elem(vn, size, j) : simd_elem(vm, size, j - n));
        }
        break;
    }
    case A64_OP_TRN1_V: case A64_OP_TRN2_V: {
        uint32_t odd = op == A64_OP_TRN2_V;
        for (uint32_t i = 0; i < nh; i++) {
            r = simd_set(r, size, 2 * i, simd_elem(vn, size, 2 * i + odd));
            r = simd_set(r, size, 2 * i + 1, simd_elem(vm, size, 2 * i + odd));
        }
        break;
    }
    case A64_OP_ADDP_S: r.lo = vn.lo + vn.hi; break;
    case A64_OP_USRA_V: case A64_OP_SSRA_V:
        for (uint32_t i = 0; i < n; i++) {
            uint64_t sh = simd_binop(op == A64_OP_USRA_V ? A64_OP_USHR_V : A64_OP_SSHR_V, simd_elem(vn, size, i),
                                     in->amount, size);
            r = simd_set(r, size, i, (simd_elem(vd, size, i) + sh) & emu_alu_ones(8u << size));
        }
        break;
    case A64_OP_MUL_V: case A64_OP_MLA_V: case A64_OP_MLS_V:
        for (uint32_t i = 0; i < n; i++) {
            uint64_t p = simd_elem(vn, size, i) * simd_elem(vm, size, i), acc = simd_elem(vd, size, i);
            p = op == A64_OP_MLA_V ? acc + p : op == A64_OP_MLS_V ? acc - p : p;
            r = simd_set(r, size, i, p & emu_alu_ones(8u << size));
        }
        break;
    case A64_OP_UADDL_V: case A64_OP_SADDL_V: case A64_OP_UADDW_V: case A64_OP_SADDW_V:
    case A64_OP_UMULL_V: case A64_OP_SMULL_V: case A64_OP_USHLL_V: case A64_OP_SSHLL_V: {
        /* the narrow elements of the lower (sf: upper) halves, widened to 2 * size */
        uint32_t k = 8u >> size, base = in->sf ? k : 0, sgn = op == A64_OP_SADDL_V || op == A64_OP_SADDW_V ||
                                                              op == A64_OP_SMULL_V || op == A64_OP_SSHLL_V;
        for (uint32_t i = 0; i < k; i++) {
            uint64_t b = simd_elem(op == A64_OP_USHLL_V || op == A64_OP_SSHLL_V ? vn : vm, size, base + i), e;
            b = sgn ? simd_sext(b, size) : b;
            uint64_t a = simd_elem(vn, size, base + i);
            a = sgn ? simd_sext(a, size) : a;
            switch (op) {
            case A64_OP_UADDW_V: case A64_OP_SADDW_V: e = simd_elem(vn, size + 1, i) + b; break;
            case A64_OP_UMULL_V: case A64_OP_SMULL_V: e = a * b; break;
            case A64_OP_USHLL_V: case A64_OP_SSHLL_V: e = b << in->amount; break;
            default: e = a + b; break;
            }
            r = simd_set(r, size + 1, i, e & emu_alu_ones(16u << size));
        }
        o->d[0] = r;
        return 0;
    }
    case A64_OP_UADDLV_V: case A64_OP_SADDLV_V: {
        uint64_t acc = 0;
        for (uint32_t i = 0; i < n; i++) {
            uint64_t e = simd_elem(vn, size, i);
            acc += op == A64_OP_SADDLV_V ? simd_sext(e, size) : e;
        }
        r.lo = acc & emu_alu_ones(16u << size);
        break;
    }
    case A64_OP_TBL_V: case A64_OP_TBX_V: {
        uint32_t len = simd_list_len(in);
        for (uint32_t i = 0; i < n; i++) {
            uint64_t idx = simd_elem(vm, 0, i), e;
            if (idx < 16u * len)
                e = simd_elem(s->n[idx >> 4], 0, (uint32_t)idx & 15);
            else
                e = op == A64_OP_TBX_V ? simd_elem(vd, 0, i) : 0;
            r = simd_set(r, 0, i, e);
        }
        break;
    }
    default: /* the other tables: scalar FP (exec_simd_fp.h), the rest of AdvSIMD integer */
        return simd_fp_value(in, xv, s, fpcr, o) && simd_int_value(in, s, o);
    }
    if (!in->sf && op != A64_OP_FMOV_TOV1 && op != A64_OP_INS_GEN && op != A64_OP_INS_ELEM &&
        op != A64_OP_XTN_V && op != A64_OP_SHRN_V)
        r.hi = 0; /* 64-bit vectors and scalars clear the upper nh */
    o->d[0] = r;
    return 0;
}

/* Loads and stores: the address (*addr) and the base writeback value (*wb); returns the access
 * length in bytes (at most 64). */
EXEC_INLINE uint32_t simd_mem_addr(const struct a64_insn *in, uint64_t pc, struct exec_in xv, uint64_t *addr,
                                   uint64_t *wb)
{
    uint64_t imm = (uint64_t)in->imm, a;
    uint32_t post = (in->flags & A64_F_WB_POST) != 0, len = 1u << in->size;
    switch (in->op) {
    case A64_OP_LDR_V_LIT: a = pc + imm; break;
    case A64_OP_LDR_V_REG:
    case A64_OP_STR_V_REG: a = xv.rn + emu_alu_extend(xv.rm, in->shift & 7, in->amount & 7, 1); break;
    case A64_OP_LD1_M:
    case A64_OP_ST1_M:
    case A64_OP_LD1R:
        a = xv.rn;
        len = in->op == A64_OP_LD1R ? 1u << in->size : (in->sf ? 16u : 8u) * simd_list_len(in);
        *addr = a;
        *wb = a + ((in->flags & A64_P_R_RM) ? xv.rm : (uint64_t)len);
        return len;
    case A64_OP_LDN_M:
    case A64_OP_STN_M:
    case A64_OP_LDS_V:
    case A64_OP_STS_V:
    case A64_OP_LDNR:
        len = simd_int_mem_len(in);
        *addr = xv.rn;
        *wb = xv.rn + ((in->flags & A64_P_R_RM) ? xv.rm : (uint64_t)len);
        return len;
    default: a = post ? xv.rn : xv.rn + imm; break;
    }
    if (in->op == A64_OP_LDP_V || in->op == A64_OP_STP_V)
        len *= 2;
    *addr = a;
    *wb = post ? a + imm : a;
    return len;
}

/* A load's V results from the bytes read (buf: 8 little-endian ulongs) and its gathered
 * operands s (a single-structure load keeps the other elements). */
EXEC_INLINE void simd_load(const struct a64_insn *in, const struct simd_in *s, const uint64_t *buf, struct simd_out *o)
{
    uint32_t n = 1u << in->size;
    if (simd_int_list_op(in->op)) {
        simd_int_load(in, s, buf, o);
        return;
    }
    switch (in->op) {
    case A64_OP_LDP_V:
        o->d[0] = simd_make(n >= 8 ? buf[0] : buf[0] & emu_alu_ones(8 * n), n == 16 ? buf[1] : 0);
        o->a = n == 16 ? simd_make(buf[2], buf[3]) : n == 8 ? simd_make(buf[1], 0) : simd_make(buf[0] >> 32, 0);
        break;
    case A64_OP_LD1_M:
        for (uint32_t i = 0; i < 4; i++)
            o->d[i] = in->sf ? simd_make(buf[2 * i], buf[2 * i + 1]) : simd_make(buf[i], 0);
        break;
    case A64_OP_LD1R: {
        struct simd_v r = simd_make(0, 0);
        for (uint32_t i = 0; i < simd_count(in); i++)
            r = simd_set(r, in->size, i, buf[0]);
        o->d[0] = r;
        break;
    }
    default:
        o->d[0] = simd_make(n >= 8 ? buf[0] : buf[0] & emu_alu_ones(8 * n), n == 16 ? buf[1] : 0);
        break;
    }
}

/* A store's bytes (buf: 8 little-endian ulongs) from its V operands. */
EXEC_INLINE void simd_store(const struct a64_insn *in, const struct simd_in *s, uint64_t *buf)
{
    uint32_t n = 1u << in->size;
    for (uint32_t i = 0; i < 8; i++)
        buf[i] = 0;
    if (simd_int_list_op(in->op)) {
        simd_int_store(in, s, buf);
        return;
    }
    switch (in->op) {
    case A64_OP_STP_V:
        if (n == 16) {
            buf[0] = s->d[0].lo; buf[1] = s->d[0].hi; buf[2] = s->a.lo; buf[3] = s->a.hi;
        } else if (n == 8) {
            buf[0] = s->d[0].lo; buf[1] = s->a.lo;
        } else {
            buf[0] = (s->d[0].lo & 0xffffffffu) | (s->a.lo << 32);
        }
        break;
    case A64_OP_ST1_M:
        for (uint32_t i = 0; i < 4; i++) {
            if (in->sf) {
                buf[2 * i] = s->d[i].lo;
                buf[2 * i + 1] = s->d[i].hi;
            } else {
                buf[i] = s->d[i].lo;
            }
        }
        break;
    default:
        buf[0] = s->d[0].lo;
        buf[1] = s->d[0].hi;
        break;
    }
}

#endif
