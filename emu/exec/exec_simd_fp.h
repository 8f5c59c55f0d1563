/* exec_simd_fp.h: the semantics of the scalar floating-point operations (A64_OPS_FP, decoded by
 * decode/a64_decode_fp.inc), once for every engine: exec_simd.h's simd_value hands them here.
 * The arithmetic is emu/exec/exec_fp.h (integer only, exact, FPCR and FPSR as the ARM ARM says),
 * so the CPU engine and the kernels get the same bits. C11 and OpenCL C; included by
 * exec_simd.h after struct simd_in/simd_out. */
#ifndef EXEC_SIMD_FP_H
#define EXEC_SIMD_FP_H

#include "exec_fp.h"

/* Kept out of line in the kernels: inlined into the FP/SIMD call sites of the batch and lanes
 * kernels, the soft-float makes PoCL's build of the kernels half again as long (measured on the
 * busy 2-core host, hello.fp on the gpu engine, both caches off: load 127 s inlined, 86 s out of
 * line, 86 s without any scalar FP); one call per instruction costs nothing next to the
 * soft-float itself. */
#ifdef A64_OPENCL
#define SIMD_FP_FN static __attribute__((noinline))
#else
#define SIMD_FP_FN static inline
#endif

/* The rounding of FCVT{N,P,M,Z,A}{S,U} and whether the result is unsigned. */
static inline int simd_fp_cvt_rounding(uint32_t op, int *is_unsigned)
{
    *is_unsigned = op == A64_OP_FCVTNU_S || op == A64_OP_FCVTPU_S || op == A64_OP_FCVTMU_S ||
                   op == A64_OP_FCVTZU_S || op == A64_OP_FCVTAU_S;
    switch (op) {
    case A64_OP_FCVTNS_S: case A64_OP_FCVTNU_S: return EXEC_FP_RN;
    case A64_OP_FCVTPS_S: case A64_OP_FCVTPU_S: return EXEC_FP_RP;
    case A64_OP_FCVTMS_S: case A64_OP_FCVTMU_S: return EXEC_FP_RM;
    case A64_OP_FCVTAS_S: case A64_OP_FCVTAU_S: return EXEC_FP_RA;
    default: return EXEC_FP_RZ;
    }
}

/* One scalar FP operation of `in` under FPCR value fpcr: V result into o->d[0] as a scalar (the
 * rest of the register zero, ARM ARM "V[d] = result" of a scalar width), X result into o->x,
 * flags into o->nzcv, raised FPSR bits into o->fpsr. Returns 0, or 1 for an operation that is
 * not a scalar FP one. */
SIMD_FP_FN uint32_t simd_fp_value(const struct a64_insn *in, struct exec_in xv, const struct simd_in *s, uint32_t fpcr,
                                  struct simd_out *o)
{
    int n = 8 << (in->size & 3), ibits = in->sf ? 64 : 32, is_unsigned, z;
    uint64_t a = s->n[0].lo & exec_fp_mask(n), b = s->m.lo & exec_fp_mask(n), c = s->a.lo & exec_fp_mask(n), r;
    uint32_t fl = 0, op = in->op;
    switch (op) {
    case A64_OP_FABS_S: r = exec_fp_abs(n, a); break;
    case A64_OP_FNEG_S: r = exec_fp_neg(n, a); break;
    case A64_OP_FSQRT_S: r = exec_fp_sqrt(n, a, fpcr, &fl); break;
    case A64_OP_FCVT_S: {
        int from = 8 << (in->shift & 3);
        r = exec_fp_convert(n, from, s->n[0].lo & exec_fp_mask(from), fpcr, &fl);
        break;
    }
    case A64_OP_FRINTN_S: r = exec_fp_round_int(n, a, EXEC_FP_RN, 0, fpcr, &fl); break;
    case A64_OP_FRINTP_S: r = exec_fp_round_int(n, a, EXEC_FP_RP, 0, fpcr, &fl); break;
    case A64_OP_FRINTM_S: r = exec_fp_round_int(n, a, EXEC_FP_RM, 0, fpcr, &fl); break;
    case A64_OP_FRINTZ_S: r = exec_fp_round_int(n, a, EXEC_FP_RZ, 0, fpcr, &fl); break;
    case A64_OP_FRINTA_S: r = exec_fp_round_int(n, a, EXEC_FP_RA, 0, fpcr, &fl); break;
    case A64_OP_FRINTX_S: r = exec_fp_round_int(n, a, exec_fp_rmode(fpcr), 1, fpcr, &fl); break;
    case A64_OP_FRINTI_S: r = exec_fp_round_int(n, a, exec_fp_rmode(fpcr), 0, fpcr, &fl); break;
    case A64_OP_FRINT32Z_S: r = exec_fp_round_int_n(n, a, EXEC_FP_RZ, 32, fpcr, &fl); break;
    case A64_OP_FRINT32X_S: r = exec_fp_round_int_n(n, a, exec_fp_rmode(fpcr), 32, fpcr, &fl); break;
    case A64_OP_FRINT64Z_S: r = exec_fp_round_int_n(n, a, EXEC_FP_RZ, 64, fpcr, &fl); break;
    case A64_OP_FRINT64X_S: r = exec_fp_round_int_n(n, a, exec_fp_rmode(fpcr), 64, fpcr, &fl); break;
    case A64_OP_FMUL_S: r = exec_fp_mul(n, a, b, fpcr, &fl); break;
    case A64_OP_FDIV_S: r = exec_fp_div(n, a, b, fpcr, &fl); break;
    case A64_OP_FADD_S: r = exec_fp_add(n, a, b, fpcr, &fl); break;
    case A64_OP_FSUB_S: r = exec_fp_sub(n, a, b, fpcr, &fl); break;
    case A64_OP_FMAX_S: r = exec_fp_max(n, a, b, fpcr, &fl); break;
    case A64_OP_FMIN_S: r = exec_fp_min(n, a, b, fpcr, &fl); break;
    case A64_OP_FMAXNM_S: r = exec_fp_maxnm(n, a, b, fpcr, &fl); break;
    case A64_OP_FMINNM_S: r = exec_fp_minnm(n, a, b, fpcr, &fl); break;
    case A64_OP_FNMUL_S: r = exec_fp_nmul(n, a, b, fpcr, &fl); break;
    case A64_OP_FMADD_S: r = exec_fp_fmadd(n, a, b, c, fpcr, &fl); break;
    case A64_OP_FMSUB_S: r = exec_fp_fmsub(n, a, b, c, fpcr, &fl); break;
    case A64_OP_FNMADD_S: r = exec_fp_fnmadd(n, a, b, c, fpcr, &fl); break;
    case A64_OP_FNMSUB_S: r = exec_fp_fnmsub(n, a, b, c, fpcr, &fl); break;
    case A64_OP_FCMP_S: case A64_OP_FCMPE_S: case A64_OP_FCMPZ_S: case A64_OP_FCMPEZ_S:
        o->nzcv = exec_fp_compare(n, a, op == A64_OP_FCMPZ_S || op == A64_OP_FCMPEZ_S ? 0 : b,
                                  op == A64_OP_FCMPE_S || op == A64_OP_FCMPEZ_S, fpcr, &fl);
        o->fpsr = fl;
        return 0;
    case A64_OP_FCCMP_S: case A64_OP_FCCMPE_S:
        /* FPCompare only when the condition holds: otherwise no exception, not even for an sNaN */
        if (emu_alu_cond(in->cond, xv.nzcv))
            o->nzcv = exec_fp_compare(n, a, b, op == A64_OP_FCCMPE_S, fpcr, &fl);
        else
            o->nzcv = (uint32_t)(in->nzcv & 15) << 28;
        o->fpsr = fl;
        return 0;
    case A64_OP_FCSEL_S: r = emu_alu_cond(in->cond, xv.nzcv) ? a : b; break;
    case A64_OP_FCVTNS_S: case A64_OP_FCVTNU_S: case A64_OP_FCVTPS_S: case A64_OP_FCVTPU_S:
    case A64_OP_FCVTMS_S: case A64_OP_FCVTMU_S: case A64_OP_FCVTZS_S: case A64_OP_FCVTZU_S:
    case A64_OP_FCVTAS_S: case A64_OP_FCVTAU_S: {
        int rounding = simd_fp_cvt_rounding(op, &is_unsigned);
        o->x = exec_fp_to_fixed(n, a, in->amount, is_unsigned, ibits, rounding, fpcr, &fl);
        o->fpsr = fl;
        return 0;
    }
    case A64_OP_SCVTF_S: case A64_OP_UCVTF_S:
        r = exec_fp_from_fixed(n, xv.rn, in->amount, op == A64_OP_UCVTF_S, ibits, fpcr, &fl);
        break;
    case A64_OP_FJCVTZS_S:
        o->x = exec_fp_jcvtzs(a, fpcr, &fl, &z);
        o->nzcv = z ? 4u << 28 : 0; /* 0Z00: Z is bit 30 */
        o->fpsr = fl;
        return 0;
    default:
        return 1;
    }
    o->d[0] = simd_make(r & exec_fp_mask(n), 0);
    o->fpsr = fl;
    return 0;
}

#endif
