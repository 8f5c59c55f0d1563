/* exec_simd_vfp.h: the semantics of the Advanced SIMD floating-point operations (A64_OPS_VFP in
 * decode/a64_insn.h; docs/fp.md, Vector FP), once for every engine: exec_simd.h's simd_value
 * hands them here. C11 and OpenCL C.
 *
 * A vector FP operation is the scalar operation of exec_fp.h on each element, under the same
 * FPCR (AArch64 has no "standard FPSCR" for Advanced SIMD: RMode, FZ and DN apply as for scalars),
 * with the cumulative FPSR bits of every element ORed together, which is what the pseudocode's
 * element loop leaves in FPSR. Pairwise operations take adjacent elements of Vm:Vn (Vn low),
 * across-lanes ones the pairwise tree of the ARM ARM's Reduce() (the operand order decides which
 * NaN propagates), the scalar forms element 0 only with the rest of the register cleared.
 *
 * In the kernels the two functions below are kept out of line (noinline): every exec_fp_* call
 * then appears once in the program instead of once per operation and width, which keeps PoCL's
 * kernel compile time as it was; the CPU engine inlines as usual. */
#ifndef EXEC_SIMD_VFP_H
#define EXEC_SIMD_VFP_H

#include "exec_fp.h"

#ifdef A64_OPENCL
#define SIMD_VFP_FN static __attribute__((noinline))
#else
#define SIMD_VFP_FN static inline
#endif

#define SIMD_VFP_FIRST A64_OP_FADD_V   /* the first row of A64_OPS_VFP */
#define SIMD_VFP_LAST A64_OP_FMINNMP_S /* and its last */

/* FPCompare's NZCV (exec_fp_compare) as the mask of an FCM* or FAC* element. */
EXEC_INLINE uint64_t simd_vfp_mask(uint32_t nzcv, uint32_t want_eq, uint32_t want_gt, uint32_t want_lt, int n)
{
    int hit = (nzcv == EXEC_FP_NZCV_EQ && want_eq) || (nzcv == EXEC_FP_NZCV_GT && want_gt) ||
              (nzcv == EXEC_FP_NZCV_LT && want_lt);
    return hit ? exec_fp_mask(n) : 0;
}

/* One element of width n (16, 32 or 64) of operation op: a from Vn, b from Vm (or its indexed
 * element), d from Vd (the accumulator of FMLA/FMLS), fbits of the fixed-point conversions.
 * Exceptions are ORed into *fpsr. */
SIMD_VFP_FN uint64_t simd_vfp_elem(uint32_t op, int n, uint64_t a, uint64_t b, uint64_t d, int fbits, uint32_t fpcr,
                                   uint32_t *fpsr)
{
    int rm = exec_fp_rmode(fpcr);
    switch (op) {
    case A64_OP_FADD_V: case A64_OP_FADDP_V: case A64_OP_FADDP_S: return exec_fp_add(n, a, b, fpcr, fpsr);
    case A64_OP_FSUB_V: return exec_fp_sub(n, a, b, fpcr, fpsr);
    case A64_OP_FMUL_V: case A64_OP_FMUL_VE: return exec_fp_mul(n, a, b, fpcr, fpsr);
    case A64_OP_FDIV_V: return exec_fp_div(n, a, b, fpcr, fpsr);
    case A64_OP_FMULX_V: case A64_OP_FMULX_VE: return exec_fp_mulx(n, a, b, fpcr, fpsr);
    /* FMLS negates the Vn element with FPNeg before FPMulAdd (NaNs flip sign too) */
    case A64_OP_FMLA_V: case A64_OP_FMLA_VE: return exec_fp_muladd(n, d, a, b, fpcr, fpsr);
    case A64_OP_FMLS_V: case A64_OP_FMLS_VE: return exec_fp_muladd(n, d, exec_fp_neg(n, a), b, fpcr, fpsr);
    case A64_OP_FMAX_V: case A64_OP_FMAXP_V: case A64_OP_FMAXP_S: case A64_OP_FMAXV_V: return exec_fp_max(n, a, b, fpcr, fpsr);
    case A64_OP_FMIN_V: case A64_OP_FMINP_V: case A64_OP_FMINP_S: case A64_OP_FMINV_V: return exec_fp_min(n, a, b, fpcr, fpsr);
    case A64_OP_FMAXNM_V: case A64_OP_FMAXNMP_V: case A64_OP_FMAXNMP_S: case A64_OP_FMAXNMV_V: return exec_fp_maxnm(n, a, b, fpcr, fpsr);
    case A64_OP_FMINNM_V: case A64_OP_FMINNMP_V: case A64_OP_FMINNMP_S: case A64_OP_FMINNMV_V: return exec_fp_minnm(n, a, b, fpcr, fpsr);
    case A64_OP_FABD_V: return exec_fp_abs(n, exec_fp_sub(n, a, b, fpcr, fpsr));
    case A64_OP_FRECPS_V: return exec_fp_recps(n, a, b, fpcr, fpsr);
    case A64_OP_FRSQRTS_V: return exec_fp_rsqrts(n, a, b, fpcr, fpsr);
    /* compares: EQ is FPCompareEQ (IOC for signalling NaNs only), the others FPCompareGE/GT
     * (IOC for any NaN); against zero, LE and LT are GE and GT with the operands swapped */
    case A64_OP_FCMEQ_V: return simd_vfp_mask(exec_fp_compare(n, a, b, 0, fpcr, fpsr), 1, 0, 0, n);
    case A64_OP_FCMGE_V: return simd_vfp_mask(exec_fp_compare(n, a, b, 1, fpcr, fpsr), 1, 1, 0, n);
    case A64_OP_FCMGT_V: return simd_vfp_mask(exec_fp_compare(n, a, b, 1, fpcr, fpsr), 0, 1, 0, n);
    case A64_OP_FACGE_V:
        return simd_vfp_mask(exec_fp_compare(n, exec_fp_abs(n, a), exec_fp_abs(n, b), 1, fpcr, fpsr), 1, 1, 0, n);
    case A64_OP_FACGT_V:
        return simd_vfp_mask(exec_fp_compare(n, exec_fp_abs(n, a), exec_fp_abs(n, b), 1, fpcr, fpsr), 0, 1, 0, n);
    case A64_OP_FCMEQZ_V: return simd_vfp_mask(exec_fp_compare(n, a, 0, 0, fpcr, fpsr), 1, 0, 0, n);
    case A64_OP_FCMGEZ_V: return simd_vfp_mask(exec_fp_compare(n, a, 0, 1, fpcr, fpsr), 1, 1, 0, n);
    case A64_OP_FCMGTZ_V: return simd_vfp_mask(exec_fp_compare(n, a, 0, 1, fpcr, fpsr), 0, 1, 0, n);
    case A64_OP_FCMLEZ_V: return simd_vfp_mask(exec_fp_compare(n, a, 0, 1, fpcr, fpsr), 1, 0, 1, n);
    case A64_OP_FCMLTZ_V: return simd_vfp_mask(exec_fp_compare(n, a, 0, 1, fpcr, fpsr), 0, 0, 1, n);
    case A64_OP_FABS_V: return exec_fp_abs(n, a);
    case A64_OP_FNEG_V: return exec_fp_neg(n, a);
    case A64_OP_FSQRT_V: return exec_fp_sqrt(n, a, fpcr, fpsr);
    case A64_OP_FRINTN_V: return exec_fp_round_int(n, a, EXEC_FP_RN, 0, fpcr, fpsr);
    case A64_OP_FRINTP_V: return exec_fp_round_int(n, a, EXEC_FP_RP, 0, fpcr, fpsr);
    case A64_OP_FRINTM_V: return exec_fp_round_int(n, a, EXEC_FP_RM, 0, fpcr, fpsr);
    case A64_OP_FRINTZ_V: return exec_fp_round_int(n, a, EXEC_FP_RZ, 0, fpcr, fpsr);
    case A64_OP_FRINTA_V: return exec_fp_round_int(n, a, EXEC_FP_RA, 0, fpcr, fpsr);
    case A64_OP_FRINTX_V: return exec_fp_round_int(n, a, rm, 1, fpcr, fpsr);
    case A64_OP_FRINTI_V: return exec_fp_round_int(n, a, rm, 0, fpcr, fpsr);
    /* FPToFixed to an integer of the element's width */
    case A64_OP_FCVTNS_V: return exec_fp_to_fixed(n, a, 0, 0, n, EXEC_FP_RN, fpcr, fpsr);
    case A64_OP_FCVTNU_V: return exec_fp_to_fixed(n, a, 0, 1, n, EXEC_FP_RN, fpcr, fpsr);
    case A64_OP_FCVTPS_V: return exec_fp_to_fixed(n, a, 0, 0, n, EXEC_FP_RP, fpcr, fpsr);
    case A64_OP_FCVTPU_V: return exec_fp_to_fixed(n, a, 0, 1, n, EXEC_FP_RP, fpcr, fpsr);
    case A64_OP_FCVTMS_V: return exec_fp_to_fixed(n, a, 0, 0, n, EXEC_FP_RM, fpcr, fpsr);
    case A64_OP_FCVTMU_V: return exec_fp_to_fixed(n, a, 0, 1, n, EXEC_FP_RM, fpcr, fpsr);
    case A64_OP_FCVTZS_V: return exec_fp_to_fixed(n, a, fbits, 0, n, EXEC_FP_RZ, fpcr, fpsr);
    case A64_OP_FCVTZU_V: return exec_fp_to_fixed(n, a, fbits, 1, n, EXEC_FP_RZ, fpcr, fpsr);
    case A64_OP_FCVTAS_V: return exec_fp_to_fixed(n, a, 0, 0, n, EXEC_FP_RA, fpcr, fpsr);
    case A64_OP_FCVTAU_V: return exec_fp_to_fixed(n, a, 0, 1, n, EXEC_FP_RA, fpcr, fpsr);
    case A64_OP_SCVTF_V: return exec_fp_from_fixed(n, a, fbits, 0, n, fpcr, fpsr);
    case A64_OP_UCVTF_V: return exec_fp_from_fixed(n, a, fbits, 1, n, fpcr, fpsr);
    case A64_OP_FRECPE_V: return exec_fp_recpe(n, a, fpcr, fpsr);
    case A64_OP_FRSQRTE_V: return exec_fp_rsqrte(n, a, fpcr, fpsr);
    case A64_OP_FRECPX_S: return exec_fp_recpx(n, a, fpcr, fpsr);
    /* UnsignedRecipEstimate, UnsignedRSqrtEstimate: the FP estimates' tables on the top 9 bits */
    case A64_OP_URECPE_V:
        return (a & 0x80000000u) ? (uint64_t)(exec_fp_recip_estimate((uint32_t)(a >> 23) & 0x1ff) & 0x1ff) << 23
                                 : 0xffffffffu;
    case A64_OP_URSQRTE_V:
        return (a & 0xc0000000u) ? (uint64_t)(exec_fp_rsqrt_estimate((uint32_t)(a >> 23) & 0x1ff) & 0x1ff) << 23
                                 : 0xffffffffu;
    /* FPConvert between the element widths (FCVTL, FCVTN; n is the destination's) */
    case A64_OP_FCVTL_V: return exec_fp_convert(n, n / 2, a, fpcr, fpsr);
    case A64_OP_FCVTN_V: return exec_fp_convert(n, 2 * n, a, fpcr, fpsr);
    case A64_OP_FCVTXN_V: return exec_fp_convert_r(32, 64, a, EXEC_FP_RO, fpcr, fpsr);
    default: return 0;
    }
}

/* The vector FP operations of simd_value: results into *o (cleared by the caller), FPSR bits
 * into o->fpsr. Returns 0, or 1 for an operation that is not one of them. */
SIMD_VFP_FN uint32_t simd_vfp_value(const struct a64_insn *in, const struct simd_in *s, uint32_t fpcr,
                                    struct simd_out *o)
{
    uint32_t op = in->op, size = in->size & 3, scalar = in->shift & 1;
    uint32_t cnt = scalar ? 1u : simd_count(in), nh = cnt / 2, fpsr = 0;
    int n = 8 << size, fbits = in->amount;
    struct simd_v vn = s->n[0], vm = s->m, vd = s->d[0], r = simd_make(0, 0);
    if (op < SIMD_VFP_FIRST || op > SIMD_VFP_LAST)
        return 1;
    switch (op) {
    case A64_OP_FADDP_V: case A64_OP_FMAXP_V: case A64_OP_FMINP_V: case A64_OP_FMAXNMP_V: case A64_OP_FMINNMP_V:
    case A64_OP_FADDP_S: case A64_OP_FMAXP_S: case A64_OP_FMINP_S: case A64_OP_FMAXNMP_S: case A64_OP_FMINNMP_S:
        /* element i of the result from elements 2i, 2i+1 of Vm:Vn; the scalar form from Vn's 0, 1 */
        for (uint32_t i = 0; i < cnt; i++) {
            struct simd_v src = scalar || i < nh ? vn : vm;
            uint32_t j = scalar ? 0 : 2 * (i % nh);
            r = simd_set(r, size, i,
                         simd_vfp_elem(op, n, simd_elem(src, size, j), simd_elem(src, size, j + 1), 0, 0, fpcr, &fpsr));
        }
        break;
    case A64_OP_FMAXV_V: case A64_OP_FMINV_V: case A64_OP_FMAXNMV_V: case A64_OP_FMINNMV_V: {
        /* Reduce(): op(op(e0, e1), op(e2, e3)) over the four singles */
        uint64_t lo = simd_vfp_elem(op, n, simd_elem(vn, size, 0), simd_elem(vn, size, 1), 0, 0, fpcr, &fpsr);
        uint64_t hi = simd_vfp_elem(op, n, simd_elem(vn, size, 2), simd_elem(vn, size, 3), 0, 0, fpcr, &fpsr);
        r.lo = simd_vfp_elem(op, n, lo, hi, 0, 0, fpcr, &fpsr);
        break;
    }
    case A64_OP_FCVTL_V: {
        /* the elements of the lower (FCVTL2: upper) 64 bits, widened */
        uint32_t k = 8u >> size, base = in->sf ? k : 0;
        for (uint32_t i = 0; i < k; i++)
            r = simd_set(r, size + 1, i, simd_vfp_elem(op, 2 * n, simd_elem(vn, size, base + i), 0, 0, 0, fpcr, &fpsr));
        break;
    }
    case A64_OP_FCVTN_V: case A64_OP_FCVTXN_V: {
        /* narrowed into the lower 64 bits, the upper cleared (FCVTN2: into the upper, lower kept) */
        uint32_t k = scalar ? 1u : 8u >> size, base = in->sf ? k : 0;
        r = in->sf ? simd_make(vd.lo, 0) : simd_make(0, 0);
        for (uint32_t i = 0; i < k; i++)
            r = simd_set(r, size, base + i, simd_vfp_elem(op, n, simd_elem(vn, size + 1, i), 0, 0, 0, fpcr, &fpsr));
        break;
    }
    default: {
        /* element-wise; by element: Vm's element imms for every element */
        int by_elem = op == A64_OP_FMUL_VE || op == A64_OP_FMULX_VE || op == A64_OP_FMLA_VE || op == A64_OP_FMLS_VE;
        for (uint32_t i = 0; i < cnt; i++) {
            uint64_t b = simd_elem(vm, size, by_elem ? in->imms : i);
            r = simd_set(r, size, i,
                         simd_vfp_elem(op, n, simd_elem(vn, size, i), b, simd_elem(vd, size, i), fbits, fpcr, &fpsr));
        }
        break;
    }
    }
    o->d[0] = r;
    o->fpsr = fpsr;
    return 0;
}

#endif
