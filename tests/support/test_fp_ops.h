/* test_fp_ops.h: every exec_fp.h operation behind one dispatcher, for test_fp_opencl.c, which
 * runs it both on the host and in an OpenCL kernel (this header compiles as both). */
#ifndef TEST_FP_OPS_H
#define TEST_FP_OPS_H

#include "exec_fp.h"

#define TEST_FP_NOPS 31

/* Operation `op` at width n on a, b, c; `imm` carries what the operation needs besides
 * (rounding, exactness, target width, fbits/unsigned/ibits). Flags are ORed into *fl. */
static inline uint64_t test_fp_op(int op, int n, uint64_t a, uint64_t b, uint64_t c, uint32_t imm,
                                  uint32_t fpcr, uint32_t *fl)
{
    int z, rounding = (int)(imm % 5);
    int fbits = (int)((imm >> 3) & 63), is_unsigned = (int)((imm >> 9) & 1);
    int ibits = (imm >> 10) & 1 ? 64 : 32;
    switch (op) {
    case 0: return exec_fp_add(n, a, b, fpcr, fl);
    case 1: return exec_fp_sub(n, a, b, fpcr, fl);
    case 2: return exec_fp_mul(n, a, b, fpcr, fl);
    case 3: return exec_fp_div(n, a, b, fpcr, fl);
    case 4: return exec_fp_mulx(n, a, b, fpcr, fl);
    case 5: return exec_fp_nmul(n, a, b, fpcr, fl);
    case 6: return exec_fp_sqrt(n, a, fpcr, fl);
    case 7: return exec_fp_fmadd(n, a, b, c, fpcr, fl);
    case 8: return exec_fp_fmsub(n, a, b, c, fpcr, fl);
    case 9: return exec_fp_fnmadd(n, a, b, c, fpcr, fl);
    case 10: return exec_fp_fnmsub(n, a, b, c, fpcr, fl);
    case 11: return exec_fp_recps(n, a, b, fpcr, fl);
    case 12: return exec_fp_rsqrts(n, a, b, fpcr, fl);
    case 13: return exec_fp_compare(n, a, b, (int)(imm & 1), fpcr, fl);
    case 14: return exec_fp_max(n, a, b, fpcr, fl);
    case 15: return exec_fp_min(n, a, b, fpcr, fl);
    case 16: return exec_fp_maxnm(n, a, b, fpcr, fl);
    case 17: return exec_fp_minnm(n, a, b, fpcr, fl);
    case 18: return exec_fp_round_int(n, a, rounding, (int)((imm >> 3) & 1), fpcr, fl);
    case 19: return exec_fp_convert(16 << (imm % 3), n, a, fpcr, fl);
    case 20: return exec_fp_to_fixed(n, a, fbits % (ibits + 1), is_unsigned, ibits, rounding, fpcr,
                                     fl);
    case 21: return exec_fp_from_fixed(n, a, fbits % (ibits + 1), is_unsigned, ibits, fpcr, fl);
    case 22: return exec_fp_jcvtzs(a, fpcr, fl, &z) | (uint64_t)z << 32;
    case 23: return exec_fp_neg(n, a) ^ exec_fp_abs(n, b);
    case 24: return exec_fp_muladd(n, a, b, c, fpcr, fl);
    case 25: return exec_fp_recpe(n, a, fpcr, fl);
    case 26: return exec_fp_rsqrte(n, a, fpcr, fl);
    case 27: return exec_fp_recpx(n, a, fpcr, fl);
    case 29: return exec_fp_convert_r(16 << (imm % 3), n, a, (int)(imm % 6), fpcr, fl);
    case 28: return exec_fp_round_int_n(n == 16 ? 32 : n, a, rounding, imm & 8 ? 64 : 32, fpcr, fl);
    default: return exec_fp_round(n, (int)(a & 1), (int32_t)(b & 0xfff) - 2048, c | 1, rounding,
                                  fpcr, fl);
    }
}

#endif
