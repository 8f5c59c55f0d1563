/* exec_fp.h: A64 floating-point semantics, exact, in integer arithmetic only (docs/fp.md).
 *
 * IEEE 754 binary16/32/64 as Arm defines it (ARM ARM J1 shared/functions/float: FPUnpack,
 * FPProcessNaNs, FPRound, FPAdd, FPMul, FPDiv, FPSqrt, FPMulAdd, FPRoundInt, FPRoundIntN,
 * FPToFixed, FixedToFP, FPToFixedJS, FPConvert, FPCompare, FPMax/FPMin/FPMaxNum/FPMinNum,
 * FPRecipStepFused, FPRSqrtStepFused, FPRecipEstimate, FPRSqrtEstimate, FPRecpX), with FPCR's
 * RMode, FZ, FZ16, DN and AHP. No float or double anywhere, so every host and every OpenCL
 * device computes the same bits: this header compiles both as C11 and as OpenCL C 1.2 (in a
 * kernel the flag pointers are private: accumulate into a private copy of FPSR).
 *
 * Conventions of every public function:
 * - `n` is the width in bits, 16, 32 or 64 (the CPU engine passes a constant so each width folds
 *   to its own straight-line code); operands and results are bit patterns in the low `n` bits of
 *   a uint64_t (higher operand bits are ignored, result bits above `n` are zero).
 * - `fpcr` is the FPCR value; the exceptions the operation raises are ORed into `*fpsr` as the
 *   FPSR cumulative bits (IOC, DZC, OFC, UFC, IXC, IDC): pass the guest FPSR itself, or a zeroed
 *   local to see one operation's flags. Traps (FPCR.IOE...) are not modelled: Linux runs with
 *   them disabled, and the pseudocode then only sets the cumulative bits.
 *
 * Internally a finite nonzero value is (sign, exp, mant) with mant's bit 63 set and
 * value = mant * 2^(exp - 63): `exp` is the unbiased exponent of the leading one. Intermediate
 * results keep every bit they can and fold the rest into bit 0 (the "sticky" bit), which is
 * always below the rounding position, so rounding them once gives the exact IEEE result.
 */
#ifndef EXEC_FP_H
#define EXEC_FP_H

#include "a64_types.h"

#ifdef A64_OPENCL
#define EXEC_FP_CLZ64(v) ((int)clz((ulong)(v)))
#define EXEC_FP_UMULH(a, b) mul_hi((ulong)(a), (ulong)(b))
#else
#define EXEC_FP_CLZ64(v) __builtin_clzll(v)
#define EXEC_FP_UMULH(a, b) ((uint64_t)(((unsigned __int128)(a) * (b)) >> 64))
#endif

/* FPCR fields. */
#define EXEC_FP_FPCR_AHP (1u << 26)
#define EXEC_FP_FPCR_DN (1u << 25)
#define EXEC_FP_FPCR_FZ (1u << 24)
#define EXEC_FP_FPCR_RMODE_SHIFT 22
#define EXEC_FP_FPCR_FZ16 (1u << 19)

/* FPSR cumulative exception bits. */
#define EXEC_FP_IOC (1u << 0) /* invalid operation */
#define EXEC_FP_DZC (1u << 1) /* divide by zero */
#define EXEC_FP_OFC (1u << 2) /* overflow */
#define EXEC_FP_UFC (1u << 3) /* underflow */
#define EXEC_FP_IXC (1u << 4) /* inexact */
#define EXEC_FP_IDC (1u << 7) /* input denormal (flushed to zero) */

/* Rounding modes: the first four are FPCR.RMode's encoding. */
#define EXEC_FP_RN 0 /* to nearest, ties to even */
#define EXEC_FP_RP 1 /* towards +infinity */
#define EXEC_FP_RM 2 /* towards -infinity */
#define EXEC_FP_RZ 3 /* towards zero */
#define EXEC_FP_RA 4 /* to nearest, ties away from zero (FRINTA, FCVTA*) */
#define EXEC_FP_RO 5 /* to odd: truncate, then set the last bit if inexact (FCVTXN) */

/* NZCV results of exec_fp_compare, in the EMU_FLAG_* layout (bits 31:28). */
#define EXEC_FP_NZCV_EQ (0x6u << 28) /* Z C */
#define EXEC_FP_NZCV_LT (0x8u << 28) /* N */
#define EXEC_FP_NZCV_GT (0x2u << 28) /* C */
#define EXEC_FP_NZCV_UN (0x3u << 28) /* C V: unordered */

/* FPType. NUM is any finite nonzero value, normal or denormal. */
#define EXEC_FP_ZERO 0
#define EXEC_FP_NUM 1
#define EXEC_FP_INF 2
#define EXEC_FP_QNAN 3
#define EXEC_FP_SNAN 4

typedef struct {
    int type;
    int sign;
    int32_t exp;   /* NUM only: unbiased exponent of mant's bit 63 */
    uint64_t mant; /* NUM only: bit 63 set */
} exec_fp_unpacked;

/* ---- Format parameters and constants ---------------------------------------------------- */

static inline int exec_fp_fw(int n) /* fraction bits (F) */
{
    return n == 16 ? 10 : n == 32 ? 23 : 52;
}
static inline int exec_fp_ew(int n) /* exponent bits (E) */
{
    return n == 16 ? 5 : n == 32 ? 8 : 11;
}
static inline int32_t exec_fp_emin(int n) /* exponent of the smallest normal */
{
    return n == 16 ? -14 : n == 32 ? -126 : -1022;
}
static inline uint64_t exec_fp_mask(int n)
{
    return n == 64 ? ~A64_U64(0) : (A64_U64(1) << n) - 1;
}
static inline uint64_t exec_fp_sign_bits(int n, int sign)
{
    return (uint64_t)(sign & 1) << (n - 1);
}
static inline uint64_t exec_fp_zero(int n, int sign)
{
    return exec_fp_sign_bits(n, sign);
}
static inline uint64_t exec_fp_inf(int n, int sign)
{
    return exec_fp_sign_bits(n, sign) | (((A64_U64(1) << exec_fp_ew(n)) - 1) << exec_fp_fw(n));
}
static inline uint64_t exec_fp_max_normal(int n, int sign)
{
    return exec_fp_inf(n, sign) - 1;
}
/* FPDefaultNaN: positive, quiet, zero payload (0x7E00, 0x7FC00000, 0x7FF8000000000000). */
static inline uint64_t exec_fp_default_nan(int n)
{
    return exec_fp_inf(n, 0) | (A64_U64(1) << (exec_fp_fw(n) - 1));
}
/* 2.0 and 1.5 (FRECPS's and FRSQRTS's results for infinity times zero). */
static inline uint64_t exec_fp_two(int n, int sign)
{
    return exec_fp_sign_bits(n, sign) | (A64_U64(1) << (exec_fp_ew(n) - 1 + exec_fp_fw(n)));
}
static inline uint64_t exec_fp_one_point_five(int n, int sign)
{
    int f = exec_fp_fw(n);
    return exec_fp_sign_bits(n, sign) | (((A64_U64(1) << (exec_fp_ew(n) - 1)) - 1) << f) |
           (A64_U64(1) << (f - 1));
}

/* FPNeg and FPAbs: sign bit only, NaNs included, no exceptions. */
static inline uint64_t exec_fp_neg(int n, uint64_t a)
{
    return (a ^ exec_fp_sign_bits(n, 1)) & exec_fp_mask(n);
}
static inline uint64_t exec_fp_abs(int n, uint64_t a)
{
    return a & (exec_fp_mask(n) >> 1);
}

static inline int exec_fp_rmode(uint32_t fpcr)
{
    return (int)((fpcr >> EXEC_FP_FPCR_RMODE_SHIFT) & 3);
}
/* Whether denormal inputs and outputs of width n are flushed to zero (FZ, or FZ16 for half). */
static inline int exec_fp_flush(int n, uint32_t fpcr)
{
    return (fpcr & (n == 16 ? EXEC_FP_FPCR_FZ16 : EXEC_FP_FPCR_FZ)) != 0;
}

/* ---- Unpacking and NaNs ----------------------------------------------------------------- */

/* FPUnpackBase. `flush`: denormals read as zero; `idc`: flushing one raises IDC (Arm raises it
 * for FZ but not for FZ16); `ahp`: half precision has no infinities or NaNs (exponent 31 is
 * just the largest binade). */
static inline exec_fp_unpacked exec_fp_unpack_base(int n, uint64_t x, int flush, int idc, int ahp,
                                                   uint32_t *fpsr)
{
    int f = exec_fp_fw(n), e = exec_fp_ew(n);
    uint32_t bexp = (uint32_t)((x >> f) & ((A64_U64(1) << e) - 1));
    uint64_t frac = x & ((A64_U64(1) << f) - 1);
    exec_fp_unpacked u;
    u.sign = (int)((x >> (n - 1)) & 1);
    u.exp = 0;
    u.mant = 0;
    if (bexp == 0) {
        if (frac == 0 || flush) {
            u.type = EXEC_FP_ZERO;
            if (frac != 0 && idc)
                *fpsr |= EXEC_FP_IDC;
            return u;
        }
        /* Denormal: frac * 2^(emin - f), normalised. */
        int lz = EXEC_FP_CLZ64(frac);
        u.type = EXEC_FP_NUM;
        u.mant = frac << lz;
        u.exp = exec_fp_emin(n) - f + 63 - lz;
    } else if (bexp == (1u << e) - 1 && !ahp) {
        u.type = frac == 0 ? EXEC_FP_INF
                 : ((frac >> (f - 1)) & 1) ? EXEC_FP_QNAN : EXEC_FP_SNAN;
    } else {
        u.type = EXEC_FP_NUM;
        u.mant = (A64_U64(1) << 63) | (frac << (63 - f));
        u.exp = (int32_t)bexp - ((1 << (e - 1)) - 1);
    }
    return u;
}

/* FPUnpack, for arithmetic: AHP ignored, FZ/FZ16 honoured. */
static inline exec_fp_unpacked exec_fp_unpack(int n, uint64_t x, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_unpack_base(n, x, exec_fp_flush(n, fpcr), n != 16, 0, fpsr);
}

/* FPUnpackCV, for conversions: half precision honours AHP and is never flushed (FZ16 ignored). */
static inline exec_fp_unpacked exec_fp_unpack_cv(int n, uint64_t x, uint32_t fpcr, uint32_t *fpsr)
{
    if (n == 16)
        return exec_fp_unpack_base(n, x, 0, 0, (fpcr & EXEC_FP_FPCR_AHP) != 0, fpsr);
    return exec_fp_unpack_base(n, x, (fpcr & EXEC_FP_FPCR_FZ) != 0, 1, 0, fpsr);
}

static inline int exec_fp_is_nan(int type)
{
    return type == EXEC_FP_QNAN || type == EXEC_FP_SNAN;
}

/* FPProcessNaN: a signalling NaN is quietened and raises IOC; DN replaces any NaN by the
 * default NaN. */
static inline uint64_t exec_fp_process_nan(int n, int type, uint64_t x, uint32_t fpcr,
                                           uint32_t *fpsr)
{
    if (type == EXEC_FP_SNAN) {
        x |= A64_U64(1) << (exec_fp_fw(n) - 1);
        *fpsr |= EXEC_FP_IOC;
    }
    return (fpcr & EXEC_FP_FPCR_DN) ? exec_fp_default_nan(n) : x;
}

/* FPProcessNaNs: signalling NaNs before quiet ones, then the first operand before the second.
 * *done says whether a NaN was found (the result is then that NaN). */
static inline uint64_t exec_fp_process_nans(int n, int t1, int t2, uint64_t a, uint64_t b,
                                            uint32_t fpcr, uint32_t *fpsr, int *done)
{
    *done = 1;
    if (t1 == EXEC_FP_SNAN)
        return exec_fp_process_nan(n, t1, a, fpcr, fpsr);
    if (t2 == EXEC_FP_SNAN)
        return exec_fp_process_nan(n, t2, b, fpcr, fpsr);
    if (t1 == EXEC_FP_QNAN)
        return exec_fp_process_nan(n, t1, a, fpcr, fpsr);
    if (t2 == EXEC_FP_QNAN)
        return exec_fp_process_nan(n, t2, b, fpcr, fpsr);
    *done = 0;
    return 0;
}

/* FPProcessNaNs3: the same over three operands, in the order given. */
static inline uint64_t exec_fp_process_nans3(int n, int t1, int t2, int t3, uint64_t a, uint64_t b,
                                             uint64_t c, uint32_t fpcr, uint32_t *fpsr, int *done)
{
    *done = 1;
    if (t1 == EXEC_FP_SNAN)
        return exec_fp_process_nan(n, t1, a, fpcr, fpsr);
    if (t2 == EXEC_FP_SNAN)
        return exec_fp_process_nan(n, t2, b, fpcr, fpsr);
    if (t3 == EXEC_FP_SNAN)
        return exec_fp_process_nan(n, t3, c, fpcr, fpsr);
    if (t1 == EXEC_FP_QNAN)
        return exec_fp_process_nan(n, t1, a, fpcr, fpsr);
    if (t2 == EXEC_FP_QNAN)
        return exec_fp_process_nan(n, t2, b, fpcr, fpsr);
    if (t3 == EXEC_FP_QNAN)
        return exec_fp_process_nan(n, t3, c, fpcr, fpsr);
    *done = 0;
    return 0;
}

/* ---- Rounding --------------------------------------------------------------------------- */

/* The integer part and the discarded fraction of mant / 2^shift, shift >= 1: `rbit` is the
 * first discarded bit, `rest` whether any later one is set (so the fraction is > 1/2 iff
 * rbit && rest, == 1/2 iff rbit && !rest, nonzero iff rbit || rest). */
typedef struct {
    uint64_t i;
    int rbit, rest;
} exec_fp_split;

static inline exec_fp_split exec_fp_split_at(uint64_t mant, int32_t shift)
{
    exec_fp_split s;
    if (shift < 64) {
        uint64_t rem = mant << (64 - shift);
        s.i = mant >> shift;
        s.rbit = (int)(rem >> 63);
        s.rest = (rem << 1) != 0;
    } else if (shift == 64) {
        s.i = 0;
        s.rbit = (int)(mant >> 63);
        s.rest = (mant << 1) != 0;
    } else {
        s.i = 0;
        s.rbit = 0;
        s.rest = mant != 0;
    }
    return s;
}

/* Whether rounding a magnitude with this discarded fraction goes up one unit (the pseudocode's
 * round_up, restated on magnitudes: towards -infinity rounds a negative magnitude up). */
static inline int exec_fp_round_up(exec_fp_split s, int sign, int rounding)
{
    int inexact = s.rbit | s.rest;
    switch (rounding) {
    case EXEC_FP_RN: return s.rbit && (s.rest || (int)(s.i & 1));
    case EXEC_FP_RP: return inexact && !sign;
    case EXEC_FP_RM: return inexact && sign;
    case EXEC_FP_RA: return s.rbit;
    default: return 0;
    }
}

/* FPRoundBase: round the nonzero value mant * 2^(exp - 63) (mant need not be normalised) to
 * width n. Tininess is detected before rounding, and underflow is raised only when tiny and
 * inexact; a flushed tiny result raises UFC but not IXC. With `ahp` (half precision only) there
 * is no infinity: overflow saturates to 0x7FFF/0xFFFF with IOC and no IXC. */
static inline uint64_t exec_fp_round_base(int n, int sign, int32_t exp, uint64_t mant, int rounding,
                                          int flush, int ahp, uint32_t *fpsr)
{
    int f = exec_fp_fw(n), e = exec_fp_ew(n);
    int32_t emin = exec_fp_emin(n);
    int lz = EXEC_FP_CLZ64(mant);
    mant <<= lz;
    exp -= lz;
    if (flush && exp < emin) {
        *fpsr |= EXEC_FP_UFC;
        return exec_fp_zero(n, sign);
    }
    int32_t biased = exp - emin + 1, shift = 63 - f;
    if (biased <= 0) { /* denormal: the pseudocode's biased_exp == 0, mantissa scaled down */
        shift += 1 - biased;
        biased = 0;
    }
    exec_fp_split s = exec_fp_split_at(mant, shift);
    int inexact = s.rbit | s.rest;
    if (biased == 0 && inexact)
        *fpsr |= EXEC_FP_UFC;
    if (rounding == EXEC_FP_RO && inexact) /* von Neumann rounding: the sticky bit shows */
        s.i |= 1;
    if (exec_fp_round_up(s, sign, rounding)) {
        s.i++;
        if (s.i == A64_U64(1) << f) /* denormal rounded up to the smallest normal */
            biased = 1;
        if (s.i == A64_U64(2) << f) { /* carried into the next binade */
            biased++;
            s.i >>= 1;
        }
    }
    if (ahp && n == 16) {
        if (biased >= (1 << e)) {
            *fpsr |= EXEC_FP_IOC;
            return exec_fp_sign_bits(n, sign) | 0x7fff;
        }
    } else if (biased >= (1 << e) - 1) {
        /* RN and the directed mode towards the result's sign overflow to infinity, the others
         * stop at the largest normal. */
        int to_inf = rounding == EXEC_FP_RN || rounding == EXEC_FP_RA ||
                     (rounding == EXEC_FP_RP && !sign) || (rounding == EXEC_FP_RM && sign);
        *fpsr |= EXEC_FP_OFC | EXEC_FP_IXC;
        return to_inf ? exec_fp_inf(n, sign) : exec_fp_max_normal(n, sign);
    }
    if (inexact)
        *fpsr |= EXEC_FP_IXC;
    return exec_fp_sign_bits(n, sign) | ((uint64_t)biased << f) | (s.i & ((A64_U64(1) << f) - 1));
}

/* FPRound: arithmetic results (FZ/FZ16 honoured, IEEE half). */
static inline uint64_t exec_fp_round(int n, int sign, int32_t exp, uint64_t mant, int rounding,
                                     uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_round_base(n, sign, exp, mant, rounding, exec_fp_flush(n, fpcr), 0, fpsr);
}

/* An exact zero result of a sum: -0 when rounding towards -infinity, else +0 (IEEE 754 6.3). */
static inline uint64_t exec_fp_exact_zero(int n, uint32_t fpcr)
{
    return exec_fp_zero(n, exec_fp_rmode(fpcr) == EXEC_FP_RM);
}

/* ---- 128-bit intermediates -------------------------------------------------------------- */

/* A 128-bit significand: value = (hi:lo) * 2^(exp - 127). */
typedef struct {
    int sign;
    int32_t exp;
    uint64_t hi, lo;
} exec_fp_wide;

static inline exec_fp_wide exec_fp_wide_of(exec_fp_unpacked u)
{
    exec_fp_wide w;
    w.sign = u.sign;
    w.exp = u.exp;
    w.hi = u.mant;
    w.lo = 0;
    return w;
}

/* The exact product of two NUM values (53x53 bits fit in 128). */
static inline exec_fp_wide exec_fp_wide_mul(exec_fp_unpacked a, exec_fp_unpacked b)
{
    exec_fp_wide w;
    w.sign = a.sign ^ b.sign;
    w.exp = a.exp + b.exp + 1; /* (2^63 * 2^63) * 2^(ea+eb-126) = 2^127 * 2^(ea+eb+1-127) */
    w.hi = EXEC_FP_UMULH(a.mant, b.mant);
    w.lo = a.mant * b.mant;
    return w;
}

/* Shift right by d, ORing whatever falls off into bit 0. */
static inline exec_fp_wide exec_fp_wide_shr_jam(exec_fp_wide w, int32_t d)
{
    if (d <= 0)
        return w;
    if (d < 64) {
        uint64_t lost = (w.lo << (64 - d)) != 0;
        w.lo = (w.lo >> d) | (w.hi << (64 - d)) | lost;
        w.hi >>= d;
    } else if (d < 128) {
        uint64_t lost = w.lo != 0 || (d > 64 && (w.hi << (128 - d)) != 0);
        w.lo = (d == 64 ? w.hi : w.hi >> (d - 64)) | lost;
        w.hi = 0;
    } else {
        w.lo = (w.hi | w.lo) != 0;
        w.hi = 0;
    }
    w.exp += d;
    return w;
}

/* Round a nonzero wide value: normalise it, fold the low word into the sticky bit. */
static inline uint64_t exec_fp_round_wide(int n, exec_fp_wide w, int rounding, uint32_t fpcr,
                                          uint32_t *fpsr)
{
    int lz = w.hi ? EXEC_FP_CLZ64(w.hi) : 64 + EXEC_FP_CLZ64(w.lo);
    uint64_t hi, lo;
    if (lz == 0) {
        hi = w.hi;
        lo = w.lo;
    } else if (lz < 64) {
        hi = (w.hi << lz) | (w.lo >> (64 - lz));
        lo = w.lo << lz;
    } else {
        hi = w.lo << (lz - 64);
        lo = 0;
    }
    return exec_fp_round(n, w.sign, w.exp - lz, hi | (lo != 0), rounding, fpcr, fpsr);
}

/* The exact sum of two nonzero wide values whose top bit is 126 or 127. Both are first shifted
 * down two bits (their low bits are zero, nothing is lost) so the sum cannot carry out. The
 * smaller is aligned with a sticky bit: that only loses bits when the exponents differ by more
 * than the 20 zero low bits, and then there is no cancellation to expose them. *zero is set
 * when the sum is exactly zero. */
static inline exec_fp_wide exec_fp_wide_add(exec_fp_wide a, exec_fp_wide b, int *zero)
{
    a = exec_fp_wide_shr_jam(a, 2);
    b = exec_fp_wide_shr_jam(b, 2);
    if (a.exp < b.exp) {
        exec_fp_wide t = a;
        a = b;
        b = t;
    }
    b = exec_fp_wide_shr_jam(b, a.exp - b.exp);
    exec_fp_wide r = a;
    if (a.sign == b.sign) {
        r.lo = a.lo + b.lo;
        r.hi = a.hi + b.hi + (r.lo < a.lo);
    } else if (a.hi > b.hi || (a.hi == b.hi && a.lo >= b.lo)) {
        r.lo = a.lo - b.lo;
        r.hi = a.hi - b.hi - (a.lo < b.lo);
    } else {
        r.sign = b.sign;
        r.lo = b.lo - a.lo;
        r.hi = b.hi - a.hi - (b.lo < a.lo);
    }
    *zero = (r.hi | r.lo) == 0;
    return r;
}

/* ---- Arithmetic ------------------------------------------------------------------------- */

/* FPAdd, and FPSub with `negate_b` (the second operand's sign flips for the arithmetic but a
 * NaN it holds propagates unchanged). */
static inline uint64_t exec_fp_addsub(int n, uint64_t a, uint64_t b, int negate_b, uint32_t fpcr,
                                      uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    b &= exec_fp_mask(n);
    exec_fp_unpacked ua = exec_fp_unpack(n, a, fpcr, fpsr), ub = exec_fp_unpack(n, b, fpcr, fpsr);
    int done;
    uint64_t r = exec_fp_process_nans(n, ua.type, ub.type, a, b, fpcr, fpsr, &done);
    if (done)
        return r;
    ub.sign ^= negate_b;
    int inf_a = ua.type == EXEC_FP_INF, inf_b = ub.type == EXEC_FP_INF;
    if (inf_a && inf_b && ua.sign != ub.sign) {
        *fpsr |= EXEC_FP_IOC;
        return exec_fp_default_nan(n);
    }
    if (inf_a || inf_b)
        return exec_fp_inf(n, inf_a ? ua.sign : ub.sign);
    if (ua.type == EXEC_FP_ZERO && ub.type == EXEC_FP_ZERO)
        return ua.sign == ub.sign ? exec_fp_zero(n, ua.sign) : exec_fp_exact_zero(n, fpcr);
    int rm = exec_fp_rmode(fpcr);
    if (ua.type == EXEC_FP_ZERO)
        return exec_fp_round(n, ub.sign, ub.exp, ub.mant, rm, fpcr, fpsr);
    if (ub.type == EXEC_FP_ZERO)
        return exec_fp_round(n, ua.sign, ua.exp, ua.mant, rm, fpcr, fpsr);
    int zero;
    exec_fp_wide s = exec_fp_wide_add(exec_fp_wide_of(ua), exec_fp_wide_of(ub), &zero);
    return zero ? exec_fp_exact_zero(n, fpcr) : exec_fp_round_wide(n, s, rm, fpcr, fpsr);
}

static inline uint64_t exec_fp_add(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_addsub(n, a, b, 0, fpcr, fpsr);
}
static inline uint64_t exec_fp_sub(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_addsub(n, a, b, 1, fpcr, fpsr);
}

/* FPMul, and FPMulX with `mulx` (infinity times zero is 2.0 with the product's sign, no IOC). */
static inline uint64_t exec_fp_mul_base(int n, uint64_t a, uint64_t b, int mulx, uint32_t fpcr,
                                        uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    b &= exec_fp_mask(n);
    exec_fp_unpacked ua = exec_fp_unpack(n, a, fpcr, fpsr), ub = exec_fp_unpack(n, b, fpcr, fpsr);
    int done;
    uint64_t r = exec_fp_process_nans(n, ua.type, ub.type, a, b, fpcr, fpsr, &done);
    if (done)
        return r;
    int sign = ua.sign ^ ub.sign;
    int inf_a = ua.type == EXEC_FP_INF, inf_b = ub.type == EXEC_FP_INF;
    int zero_a = ua.type == EXEC_FP_ZERO, zero_b = ub.type == EXEC_FP_ZERO;
    if ((inf_a && zero_b) || (zero_a && inf_b)) {
        if (mulx)
            return exec_fp_two(n, sign);
        *fpsr |= EXEC_FP_IOC;
        return exec_fp_default_nan(n);
    }
    if (inf_a || inf_b)
        return exec_fp_inf(n, sign);
    if (zero_a || zero_b)
        return exec_fp_zero(n, sign);
    return exec_fp_round_wide(n, exec_fp_wide_mul(ua, ub), exec_fp_rmode(fpcr), fpcr, fpsr);
}

static inline uint64_t exec_fp_mul(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_mul_base(n, a, b, 0, fpcr, fpsr);
}
static inline uint64_t exec_fp_mulx(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_mul_base(n, a, b, 1, fpcr, fpsr);
}
/* FNMUL: the negated product; the negation applies to a NaN result too. */
static inline uint64_t exec_fp_nmul(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_neg(n, exec_fp_mul_base(n, a, b, 0, fpcr, fpsr));
}

/* FPDiv. */
static inline uint64_t exec_fp_div(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    b &= exec_fp_mask(n);
    exec_fp_unpacked ua = exec_fp_unpack(n, a, fpcr, fpsr), ub = exec_fp_unpack(n, b, fpcr, fpsr);
    int done;
    uint64_t r = exec_fp_process_nans(n, ua.type, ub.type, a, b, fpcr, fpsr, &done);
    if (done)
        return r;
    int sign = ua.sign ^ ub.sign;
    int inf_a = ua.type == EXEC_FP_INF, inf_b = ub.type == EXEC_FP_INF;
    int zero_a = ua.type == EXEC_FP_ZERO, zero_b = ub.type == EXEC_FP_ZERO;
    if ((inf_a && inf_b) || (zero_a && zero_b)) {
        *fpsr |= EXEC_FP_IOC;
        return exec_fp_default_nan(n);
    }
    if (inf_a || zero_b) {
        if (!inf_a)
            *fpsr |= EXEC_FP_DZC;
        return exec_fp_inf(n, sign);
    }
    if (zero_a || inf_b)
        return exec_fp_zero(n, sign);
#ifndef A64_OPENCL
    /* On the host, one 128/64-bit division: ma / 2 * 2^64 / mb is below 2^64, and its 62 or
     * more significant bits leave the sticky bit far below the rounding position. */
    unsigned __int128 num = (unsigned __int128)(ua.mant >> 1) << 64;
    uint64_t quo = (uint64_t)(num / ub.mant), sticky = (uint64_t)(num % ub.mant) != 0;
    return exec_fp_round(n, sign, ua.exp - ub.exp, quo | sticky, exec_fp_rmode(fpcr), fpcr, fpsr);
#else
    /* Restoring division, branch-free, halved so the running remainder (< 2 * divisor) fits in
     * 64 bits: F + 3 quotient bits (the first may be 0) cover the significand and the round
     * bit, the remainder is the sticky bit. */
    int steps = exec_fp_fw(n) + 3;
    uint64_t rem = ua.mant >> 1, d = ub.mant >> 1, q = 0;
    for (int i = 0; i < steps; i++) {
        uint64_t ge = rem >= d;
        rem -= d & (0 - ge);
        q = (q << 1) | ge;
        rem <<= 1;
    }
    /* q = floor(ma / mb * 2^(steps - 1)), so the quotient is q * 2^(ea - eb - steps + 1); q's
     * last bit may be the round bit, so the sticky bit goes below it. */
    return exec_fp_round(n, sign, ua.exp - ub.exp - steps + 62, (q << 2) | (rem != 0),
                         exec_fp_rmode(fpcr), fpcr, fpsr);
#endif
}

/* FPSqrt. */
static inline uint64_t exec_fp_sqrt(int n, uint64_t a, uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    exec_fp_unpacked u = exec_fp_unpack(n, a, fpcr, fpsr);
    if (exec_fp_is_nan(u.type))
        return exec_fp_process_nan(n, u.type, a, fpcr, fpsr);
    if (u.type == EXEC_FP_ZERO)
        return exec_fp_zero(n, u.sign);
    if (u.type == EXEC_FP_INF && !u.sign)
        return a;
    if (u.sign) {
        *fpsr |= EXEC_FP_IOC;
        return exec_fp_default_nan(n);
    }
    /* value = m * 2^x with m the F + 1 significand bits, made x even. The radicand m * 2^t,
     * t even, has about 2F + 6 bits, so its integer root has the F + 1 significand bits, a
     * round bit and a spare; the remainder is the sticky bit. */
    int f = exec_fp_fw(n), t = (f + 5) & ~1;
    uint64_t m = u.mant >> (63 - f);
    int32_t x = u.exp - f;
    if (x & 1) {
        m <<= 1;
        x -= 1;
    }
    uint64_t hi = m >> (64 - t), lo = m << t, rem = 0, root = 0;
    for (int k = (f + t + 3) / 2 - 1; k >= 0; k--) { /* two radicand bits a step, from the top */
        uint64_t pair = (k >= 32 ? hi >> (2 * k - 64) : lo >> (2 * k)) & 3;
        uint64_t trial = (root << 2) | 1;
        rem = (rem << 2) | pair;
        uint64_t ge = rem >= trial;
        rem -= trial & (0 - ge);
        root = (root << 1) | ge;
    }
    /* The sticky bit goes below the root's bits (value = root * 2^((x - t) / 2)). */
    return exec_fp_round(n, 0, 61 + (x - t) / 2, (root << 2) | (rem != 0), exec_fp_rmode(fpcr),
                         fpcr, fpsr);
}

/* FPMulAdd: addend + op1 * op2 with a single rounding. NaNs are chosen over addend, op1, op2
 * in that order, except that a quiet-NaN addend with infinity times zero gives the default
 * NaN and IOC. */
static inline uint64_t exec_fp_muladd(int n, uint64_t addend, uint64_t op1, uint64_t op2,
                                      uint32_t fpcr, uint32_t *fpsr)
{
    addend &= exec_fp_mask(n);
    op1 &= exec_fp_mask(n);
    op2 &= exec_fp_mask(n);
    exec_fp_unpacked ua = exec_fp_unpack(n, addend, fpcr, fpsr);
    exec_fp_unpacked u1 = exec_fp_unpack(n, op1, fpcr, fpsr);
    exec_fp_unpacked u2 = exec_fp_unpack(n, op2, fpcr, fpsr);
    int inf1 = u1.type == EXEC_FP_INF, inf2 = u2.type == EXEC_FP_INF;
    int zero1 = u1.type == EXEC_FP_ZERO, zero2 = u2.type == EXEC_FP_ZERO;
    int inf_times_zero = (inf1 && zero2) || (zero1 && inf2);
    int done;
    uint64_t r = exec_fp_process_nans3(n, ua.type, u1.type, u2.type, addend, op1, op2, fpcr, fpsr,
                                       &done);
    if (ua.type == EXEC_FP_QNAN && inf_times_zero) {
        *fpsr |= EXEC_FP_IOC;
        return exec_fp_default_nan(n);
    }
    if (done)
        return r;
    int sign_p = u1.sign ^ u2.sign, inf_p = inf1 || inf2, zero_p = zero1 || zero2;
    int inf_a = ua.type == EXEC_FP_INF, zero_a = ua.type == EXEC_FP_ZERO;
    if (inf_times_zero || (inf_a && inf_p && ua.sign != sign_p)) {
        *fpsr |= EXEC_FP_IOC;
        return exec_fp_default_nan(n);
    }
    if (inf_a || inf_p)
        return exec_fp_inf(n, inf_a ? ua.sign : sign_p);
    if (zero_a && zero_p)
        return ua.sign == sign_p ? exec_fp_zero(n, ua.sign) : exec_fp_exact_zero(n, fpcr);
    int rm = exec_fp_rmode(fpcr);
    if (zero_p)
        return exec_fp_round(n, ua.sign, ua.exp, ua.mant, rm, fpcr, fpsr);
    exec_fp_wide p = exec_fp_wide_mul(u1, u2);
    if (zero_a)
        return exec_fp_round_wide(n, p, rm, fpcr, fpsr);
    int zero;
    exec_fp_wide s = exec_fp_wide_add(exec_fp_wide_of(ua), p, &zero);
    return zero ? exec_fp_exact_zero(n, fpcr) : exec_fp_round_wide(n, s, rm, fpcr, fpsr);
}

/* The A64 fused forms, operands in instruction order (Rn, Rm, Ra). The negations are FPNeg of
 * the operands before FPMulAdd, so they flip the sign of a NaN they carry. */
static inline uint64_t exec_fp_fmadd(int n, uint64_t rn, uint64_t rm, uint64_t ra, uint32_t fpcr,
                                     uint32_t *fpsr) /* ra + rn * rm */
{
    return exec_fp_muladd(n, ra, rn, rm, fpcr, fpsr);
}
static inline uint64_t exec_fp_fmsub(int n, uint64_t rn, uint64_t rm, uint64_t ra, uint32_t fpcr,
                                     uint32_t *fpsr) /* ra - rn * rm */
{
    return exec_fp_muladd(n, ra, exec_fp_neg(n, rn), rm, fpcr, fpsr);
}
static inline uint64_t exec_fp_fnmadd(int n, uint64_t rn, uint64_t rm, uint64_t ra, uint32_t fpcr,
                                      uint32_t *fpsr) /* -ra - rn * rm */
{
    return exec_fp_muladd(n, exec_fp_neg(n, ra), exec_fp_neg(n, rn), rm, fpcr, fpsr);
}
static inline uint64_t exec_fp_fnmsub(int n, uint64_t rn, uint64_t rm, uint64_t ra, uint32_t fpcr,
                                      uint32_t *fpsr) /* -ra + rn * rm */
{
    return exec_fp_muladd(n, exec_fp_neg(n, ra), rn, rm, fpcr, fpsr);
}

/* FPRecipStepFused (FRECPS: 2 - a * b) and FPRSqrtStepFused (FRSQRTS: (3 - a * b) / 2), one
 * rounding each; infinity times zero gives 2.0 or 1.5 without IOC. */
static inline uint64_t exec_fp_step_fused(int n, uint64_t a, uint64_t b, int rsqrt, uint32_t fpcr,
                                          uint32_t *fpsr)
{
    a = exec_fp_neg(n, a);
    b &= exec_fp_mask(n);
    exec_fp_unpacked u1 = exec_fp_unpack(n, a, fpcr, fpsr), u2 = exec_fp_unpack(n, b, fpcr, fpsr);
    int done;
    uint64_t r = exec_fp_process_nans(n, u1.type, u2.type, a, b, fpcr, fpsr, &done);
    if (done)
        return r;
    int inf1 = u1.type == EXEC_FP_INF, inf2 = u2.type == EXEC_FP_INF;
    int zero1 = u1.type == EXEC_FP_ZERO, zero2 = u2.type == EXEC_FP_ZERO;
    if ((inf1 && zero2) || (zero1 && inf2) || zero1 || zero2) /* the constant alone, exact */
        return rsqrt ? exec_fp_one_point_five(n, 0) : exec_fp_two(n, 0);
    if (inf1 || inf2)
        return exec_fp_inf(n, u1.sign ^ u2.sign);
    exec_fp_wide c; /* 2.0 or 3.0 */
    c.sign = 0;
    c.exp = 1;
    c.hi = rsqrt ? A64_U64(3) << 62 : A64_U64(1) << 63;
    c.lo = 0;
    int zero;
    exec_fp_wide s = exec_fp_wide_add(c, exec_fp_wide_mul(u1, u2), &zero);
    if (zero)
        return exec_fp_exact_zero(n, fpcr);
    s.exp -= rsqrt; /* the halving is exact */
    return exec_fp_round_wide(n, s, exec_fp_rmode(fpcr), fpcr, fpsr);
}

static inline uint64_t exec_fp_recps(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_step_fused(n, a, b, 0, fpcr, fpsr);
}
static inline uint64_t exec_fp_rsqrts(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_step_fused(n, a, b, 1, fpcr, fpsr);
}

/* ---- Comparisons, minimum and maximum --------------------------------------------------- */

/* A signed key that orders non-NaN values: zeros (flushed denormals included) are 0 whatever
 * their sign, others are their sign and magnitude bits, infinity being the largest magnitude. */
static inline int64_t exec_fp_key(int n, uint64_t x, exec_fp_unpacked u)
{
    int64_t mag = u.type == EXEC_FP_ZERO ? 0 : (int64_t)(x & (exec_fp_mask(n) >> 1));
    return u.sign ? -mag : mag;
}

/* FPCompare (FCMP, and FCMPE with `signal_nans`): NZCV in bits 31:28. Unordered raises IOC
 * for a signalling NaN, or for any NaN when signal_nans. */
static inline uint32_t exec_fp_compare(int n, uint64_t a, uint64_t b, int signal_nans,
                                       uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    b &= exec_fp_mask(n);
    exec_fp_unpacked ua = exec_fp_unpack(n, a, fpcr, fpsr), ub = exec_fp_unpack(n, b, fpcr, fpsr);
    if (exec_fp_is_nan(ua.type) || exec_fp_is_nan(ub.type)) {
        if (ua.type == EXEC_FP_SNAN || ub.type == EXEC_FP_SNAN || signal_nans)
            *fpsr |= EXEC_FP_IOC;
        return EXEC_FP_NZCV_UN;
    }
    int64_t ka = exec_fp_key(n, a, ua), kb = exec_fp_key(n, b, ub);
    return ka == kb ? EXEC_FP_NZCV_EQ : ka < kb ? EXEC_FP_NZCV_LT : EXEC_FP_NZCV_GT;
}

/* FPMax and FPMin (`is_max` selects): NaNs propagate; of two zeros the max is +0 unless both
 * are -0, the min -0 unless both are +0; a flushed denormal is a zero. */
static inline uint64_t exec_fp_minmax(int n, uint64_t a, uint64_t b, int is_max, uint32_t fpcr,
                                      uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    b &= exec_fp_mask(n);
    exec_fp_unpacked ua = exec_fp_unpack(n, a, fpcr, fpsr), ub = exec_fp_unpack(n, b, fpcr, fpsr);
    int done;
    uint64_t r = exec_fp_process_nans(n, ua.type, ub.type, a, b, fpcr, fpsr, &done);
    if (done)
        return r;
    int64_t ka = exec_fp_key(n, a, ua), kb = exec_fp_key(n, b, ub);
    int pick_a = is_max ? ka > kb : ka < kb;
    exec_fp_unpacked u = pick_a ? ua : ub;
    if (u.type == EXEC_FP_ZERO)
        return exec_fp_zero(n, is_max ? (ua.sign & ub.sign) : (ua.sign | ub.sign));
    return pick_a ? a : b; /* infinities and numbers are returned as they are (exact) */
}

/* FPMaxNum and FPMinNum: a single quiet NaN loses against any other operand (it is replaced by
 * the infinity that does); signalling NaNs still propagate. */
static inline uint64_t exec_fp_minmaxnum(int n, uint64_t a, uint64_t b, int is_max, uint32_t fpcr,
                                         uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    b &= exec_fp_mask(n);
    exec_fp_unpacked ua = exec_fp_unpack(n, a, fpcr, fpsr), ub = exec_fp_unpack(n, b, fpcr, fpsr);
    int qa = ua.type == EXEC_FP_QNAN, qb = ub.type == EXEC_FP_QNAN;
    if (qa && !qb)
        a = exec_fp_inf(n, is_max);
    else if (!qa && qb)
        b = exec_fp_inf(n, is_max);
    return exec_fp_minmax(n, a, b, is_max, fpcr, fpsr);
}

static inline uint64_t exec_fp_max(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_minmax(n, a, b, 1, fpcr, fpsr);
}
static inline uint64_t exec_fp_min(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_minmax(n, a, b, 0, fpcr, fpsr);
}
static inline uint64_t exec_fp_maxnm(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_minmaxnum(n, a, b, 1, fpcr, fpsr);
}
static inline uint64_t exec_fp_minnm(int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_minmaxnum(n, a, b, 0, fpcr, fpsr);
}

/* ---- Rounding to integral and conversions ----------------------------------------------- */

/* FPRoundInt: FRINTN/P/M/Z/A pass their mode with exact = 0, FRINTI passes FPCR's mode with
 * exact = 0, FRINTX FPCR's mode with exact = 1 (only then does a fractional input raise IXC).
 * A result of zero keeps the input's sign. */
static inline uint64_t exec_fp_round_int(int n, uint64_t a, int rounding, int exact, uint32_t fpcr,
                                         uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    exec_fp_unpacked u = exec_fp_unpack(n, a, fpcr, fpsr);
    if (exec_fp_is_nan(u.type))
        return exec_fp_process_nan(n, u.type, a, fpcr, fpsr);
    if (u.type == EXEC_FP_ZERO)
        return exec_fp_zero(n, u.sign);
    if (u.type == EXEC_FP_INF || u.exp >= exec_fp_fw(n))
        return a; /* no fraction bits: already integral */
    exec_fp_split s = exec_fp_split_at(u.mant, 63 - u.exp);
    uint64_t i = s.i + (uint64_t)exec_fp_round_up(s, u.sign, rounding);
    if (exact && (s.rbit | s.rest))
        *fpsr |= EXEC_FP_IXC;
    if (i == 0)
        return exec_fp_zero(n, u.sign);
    return exec_fp_round(n, u.sign, 63, i, EXEC_FP_RZ, fpcr, fpsr); /* exact */
}

/* FPRoundIntN (FRINT32Z/X, FRINT64Z/X; single and double only): round to an integral value
 * that fits a signed intsize-bit integer. NaNs, infinities and values out of that range give
 * -2^(intsize-1) with IOC (and no IXC); otherwise a fractional input always raises IXC. */
static inline uint64_t exec_fp_round_int_n(int n, uint64_t a, int rounding, int intsize,
                                           uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    exec_fp_unpacked u = exec_fp_unpack(n, a, fpcr, fpsr);
    int32_t bias = (1 << (exec_fp_ew(n) - 1)) - 1;
    uint64_t most_negative =
        exec_fp_sign_bits(n, 1) | (uint64_t)(bias + intsize - 1) << exec_fp_fw(n);
    if (u.type == EXEC_FP_ZERO)
        return exec_fp_zero(n, u.sign);
    if (u.type != EXEC_FP_NUM || u.exp > 63) {
        *fpsr |= EXEC_FP_IOC;
        return most_negative;
    }
    exec_fp_split s = {u.mant, 0, 0};
    if (u.exp < 63)
        s = exec_fp_split_at(u.mant, 63 - u.exp);
    uint64_t i = s.i + (uint64_t)exec_fp_round_up(s, u.sign, rounding); /* i <= 2^63 */
    uint64_t limit = (A64_U64(1) << (intsize - 1)) - (uint64_t)(u.sign == 0);
    if (i > limit) {
        *fpsr |= EXEC_FP_IOC;
        return most_negative;
    }
    if (s.rbit | s.rest)
        *fpsr |= EXEC_FP_IXC;
    if (i == 0)
        return exec_fp_zero(n, u.sign);
    return exec_fp_round(n, u.sign, 63, i, EXEC_FP_RZ, fpcr, fpsr); /* exact */
}

/* FPConvertNaN: the sign and the payload's top bits carry over, the result is quiet. */
static inline uint64_t exec_fp_convert_nan(int to, int from, uint64_t a)
{
    int ff = exec_fp_fw(from), ft = exec_fp_fw(to);
    uint64_t payload = a & ((A64_U64(1) << (ff - 1)) - 1);
    payload = ft > ff ? payload << (ft - ff) : payload >> (ff - ft);
    return exec_fp_default_nan(to) | exec_fp_sign_bits(to, (int)(a >> (from - 1))) | payload;
}

/* FPConvert (FCVT between precisions, rounding by FPCR; FCVTXN passes EXEC_FP_RO to
 * exec_fp_convert_r). Half precision is AHP's format when
 * FPCR.AHP is set (no NaNs or infinities: those convert to zero or 0x7FFF with IOC) and is
 * never flushed (FZ16 does not apply to conversions; FZ does, to single and double). */
static inline uint64_t exec_fp_convert_r(int to, int from, uint64_t a, int rounding, uint32_t fpcr,
                                         uint32_t *fpsr)
{
    a &= exec_fp_mask(from);
    exec_fp_unpacked u = exec_fp_unpack_cv(from, a, fpcr, fpsr);
    int ahp = to == 16 && (fpcr & EXEC_FP_FPCR_AHP);
    if (exec_fp_is_nan(u.type)) {
        if (u.type == EXEC_FP_SNAN || ahp)
            *fpsr |= EXEC_FP_IOC;
        if (ahp)
            return exec_fp_zero(to, u.sign);
        if (fpcr & EXEC_FP_FPCR_DN)
            return exec_fp_default_nan(to);
        return exec_fp_convert_nan(to, from, a);
    }
    if (u.type == EXEC_FP_INF) {
        if (ahp) {
            *fpsr |= EXEC_FP_IOC;
            return exec_fp_sign_bits(to, u.sign) | 0x7fff;
        }
        return exec_fp_inf(to, u.sign);
    }
    if (u.type == EXEC_FP_ZERO)
        return exec_fp_zero(to, u.sign);
    int flush = to != 16 && (fpcr & EXEC_FP_FPCR_FZ);
    return exec_fp_round_base(to, u.sign, u.exp, u.mant, rounding, flush, ahp, fpsr);
}

static inline uint64_t exec_fp_convert(int to, int from, uint64_t a, uint32_t fpcr, uint32_t *fpsr)
{
    return exec_fp_convert_r(to, from, a, exec_fp_rmode(fpcr), fpcr, fpsr);
}

/* FPToFixed: the float a of width n times 2^fbits, rounded by `rounding`, as an ibits-wide
 * (32 or 64) signed or unsigned integer (zero-extended to 64 bits). Out of range values
 * saturate with IOC (and no IXC); a NaN gives 0 with IOC. FCVTZS/ZU with fbits is the
 * fixed-point form; FCVTNS/PS/MS/ZS/AS and their U forms pass fbits = 0. */
static inline uint64_t exec_fp_to_fixed(int n, uint64_t a, int fbits, int is_unsigned, int ibits,
                                        int rounding, uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    exec_fp_unpacked u = exec_fp_unpack(n, a, fpcr, fpsr);
    if (exec_fp_is_nan(u.type)) {
        *fpsr |= EXEC_FP_IOC;
        return 0;
    }
    if (u.type == EXEC_FP_ZERO)
        return 0;
    /* The magnitude's integer part and fraction; `over` when out of range. */
    int over = u.type == EXEC_FP_INF, inexact = 0;
    uint64_t i = 0;
    if (!over) {
        int32_t shift = 63 - (u.exp + fbits);
        if (shift < 0) {
            over = 1; /* 2^64 or more */
        } else if (shift == 0) {
            i = u.mant;
        } else {
            exec_fp_split s = exec_fp_split_at(u.mant, shift);
            inexact = s.rbit | s.rest;
            i = s.i;
            i += (uint64_t)exec_fp_round_up(s, u.sign, rounding); /* i < 2^63: no carry out */
        }
    }
    /* SatQ: the largest magnitude each sign may have. */
    uint64_t max_pos = is_unsigned ? exec_fp_mask(ibits) : exec_fp_mask(ibits) >> 1;
    uint64_t max_neg = is_unsigned ? 0 : max_pos + 1;
    if (over || i > (u.sign ? max_neg : max_pos)) {
        *fpsr |= EXEC_FP_IOC;
        return u.sign ? (0 - max_neg) & exec_fp_mask(ibits) : max_pos;
    }
    if (inexact)
        *fpsr |= EXEC_FP_IXC;
    return (u.sign ? 0 - i : i) & exec_fp_mask(ibits);
}

/* FixedToFP (SCVTF, UCVTF): the ibits-wide (32 or 64) integer v divided by 2^fbits, rounded
 * to width n by FPCR (FZ/FZ16 apply: a tiny fixed-point value can flush). Zero is +0. */
static inline uint64_t exec_fp_from_fixed(int n, uint64_t v, int fbits, int is_unsigned, int ibits,
                                          uint32_t fpcr, uint32_t *fpsr)
{
    v &= exec_fp_mask(ibits);
    int sign = !is_unsigned && ((v >> (ibits - 1)) & 1);
    if (sign)
        v = (0 - v) & exec_fp_mask(ibits); /* the magnitude; INT_MIN's is 2^(ibits-1) */
    if (v == 0)
        return exec_fp_zero(n, 0);
    return exec_fp_round(n, sign, 63 - fbits, v, exec_fp_rmode(fpcr), fpcr, fpsr);
}

/* FPToFixedJS (FJCVTZS, double only): JavaScript's ToInt32, the double truncated and taken
 * modulo 2^32. IOC when the truncated value is out of int32 range or a NaN, else IXC when
 * inexact; *z (Z of the NZCV the instruction sets, the rest cleared) says the conversion was
 * exact and in range, -0 and flushed denormals excepted. */
static inline uint64_t exec_fp_jcvtzs(uint64_t a, uint32_t fpcr, uint32_t *fpsr, int *z)
{
    exec_fp_unpacked u = exec_fp_unpack(64, a, fpcr, fpsr);
    *z = 1;
    if (exec_fp_is_nan(u.type) || u.type == EXEC_FP_INF) {
        *fpsr |= EXEC_FP_IOC;
        *z = 0;
        return 0;
    }
    if (u.type == EXEC_FP_ZERO) {
        *z = !u.sign && (a & ((A64_U64(1) << 52) - 1)) == 0;
        return 0;
    }
    /* The truncated magnitude: its low 32 bits, whether it is below 2^63 (then all of it),
     * and whether a fraction was dropped. */
    uint64_t i = 0;
    int inexact = 0, small = u.exp < 63;
    if (small) {
        exec_fp_split s = exec_fp_split_at(u.mant, 63 - u.exp);
        i = s.i;
        inexact = s.rbit | s.rest;
    } else if (u.exp - 63 < 64) {
        i = u.mant << (u.exp - 63);
    }
    uint64_t limit = u.sign ? A64_U64(0x80000000) : A64_U64(0x7fffffff);
    if (!small || i > limit) {
        *fpsr |= EXEC_FP_IOC;
        *z = 0;
    } else if (inexact) {
        *fpsr |= EXEC_FP_IXC;
        *z = 0;
    }
    return (u.sign ? 0 - i : i) & A64_U64(0xffffffff);
}

/* ---- Estimates ------------------------------------------------------------------------- */

/* RecipEstimate: a in [256, 512) is 0.5 <= x < 1 in 1/512 steps; the result in [256, 512) is
 * 1/x in [1, 2) in 1/256 steps, rounded to nearest. */
static inline uint32_t exec_fp_recip_estimate(uint32_t a)
{
    uint32_t b = (1u << 19) / (a * 2 + 1);
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in [128, 512) is 0.25 <= x < 1 in 1/512 steps; the result in [256, 512)
 * is 1/sqrt(x) in 1/256 steps: b is the largest integer with a * b^2 below 2^28 (after the
 * pseudocode's adjustment of a), found by bisection rather than its linear search. */
static inline uint32_t exec_fp_rsqrt_estimate(uint32_t a)
{
    uint64_t aa = a < 256 ? a * 2 + 1 : ((a >> 1) << 1) * 2 + 2;
    uint64_t lo = 512, hi = 1024; /* invariant: aa * lo^2 < 2^28 <= aa * hi^2 */
    while (hi - lo > 1) {
        uint64_t mid = (lo + hi) / 2;
        if (aa * mid * mid < (A64_U64(1) << 28))
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)((lo + 1) / 2);
}

/* The operand's fraction left-aligned in 52 bits, and its biased exponent. */
static inline uint64_t exec_fp_frac52(int n, uint64_t a)
{
    int f = exec_fp_fw(n);
    return (a & ((A64_U64(1) << f) - 1)) << (52 - f);
}
static inline int32_t exec_fp_bexp(int n, uint64_t a)
{
    return (int32_t)((a >> exec_fp_fw(n)) & ((A64_U64(1) << exec_fp_ew(n)) - 1));
}

/* FPRecipEstimate (FRECPE): 8 significant bits of 1/a. */
static inline uint64_t exec_fp_recpe(int n, uint64_t a, uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    exec_fp_unpacked u = exec_fp_unpack(n, a, fpcr, fpsr);
    int f = exec_fp_fw(n), bias = (1 << (exec_fp_ew(n) - 1)) - 1;
    if (exec_fp_is_nan(u.type))
        return exec_fp_process_nan(n, u.type, a, fpcr, fpsr);
    if (u.type == EXEC_FP_INF)
        return exec_fp_zero(n, u.sign);
    if (u.type == EXEC_FP_ZERO) {
        *fpsr |= EXEC_FP_DZC;
        return exec_fp_inf(n, u.sign);
    }
    if (u.exp < -bias - 1) { /* |a| < 2^(-bias-1): the reciprocal overflows */
        int rm = exec_fp_rmode(fpcr);
        int to_inf =
            rm == EXEC_FP_RN || (rm == EXEC_FP_RP && !u.sign) || (rm == EXEC_FP_RM && u.sign);
        *fpsr |= EXEC_FP_OFC | EXEC_FP_IXC;
        return to_inf ? exec_fp_inf(n, u.sign) : exec_fp_max_normal(n, u.sign);
    }
    if (exec_fp_flush(n, fpcr) && u.exp >= bias - 1) { /* the reciprocal is tiny: flushed */
        *fpsr |= EXEC_FP_UFC;
        return exec_fp_zero(n, u.sign);
    }
    uint64_t frac = exec_fp_frac52(n, a);
    int32_t exp = exec_fp_bexp(n, a);
    if (exp == 0) { /* a denormal here is at least 2^(-bias-2): one or two leading zeros */
        if (((frac >> 51) & 1) == 0) {
            exp = -1;
            frac <<= 2;
        } else {
            frac <<= 1;
        }
        frac &= (A64_U64(1) << 52) - 1;
    }
    uint32_t est = exec_fp_recip_estimate(256 | (uint32_t)(frac >> 44));
    int32_t rexp = 2 * bias - 1 - exp;
    frac = (uint64_t)(est & 0xff) << 44;
    if (rexp == 0) { /* a denormal result */
        frac = (A64_U64(1) << 51) | (frac >> 1);
    } else if (rexp == -1) {
        frac = (A64_U64(1) << 50) | (frac >> 2);
        rexp = 0;
    }
    return exec_fp_sign_bits(n, u.sign) | (uint64_t)rexp << f | frac >> (52 - f);
}

/* FPRSqrtEstimate (FRSQRTE): 8 significant bits of 1/sqrt(a). */
static inline uint64_t exec_fp_rsqrte(int n, uint64_t a, uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    exec_fp_unpacked u = exec_fp_unpack(n, a, fpcr, fpsr);
    int f = exec_fp_fw(n), bias = (1 << (exec_fp_ew(n) - 1)) - 1;
    if (exec_fp_is_nan(u.type))
        return exec_fp_process_nan(n, u.type, a, fpcr, fpsr);
    if (u.type == EXEC_FP_ZERO) {
        *fpsr |= EXEC_FP_DZC;
        return exec_fp_inf(n, u.sign);
    }
    if (u.sign) {
        *fpsr |= EXEC_FP_IOC;
        return exec_fp_default_nan(n);
    }
    if (u.type == EXEC_FP_INF)
        return exec_fp_zero(n, 0);
    uint64_t frac = exec_fp_frac52(n, a);
    int32_t exp = exec_fp_bexp(n, a);
    if (exp == 0) { /* normalise a denormal, keeping the exponent's parity meaningful */
        while (((frac >> 51) & 1) == 0) {
            frac <<= 1;
            exp--;
        }
        frac = (frac << 1) & ((A64_U64(1) << 52) - 1);
    }
    /* 0.25 <= scaled/512 < 1 with the exponent's parity unchanged. */
    uint32_t scaled = (exp & 1) == 0 ? 256 | (uint32_t)(frac >> 44) : 128 | (uint32_t)(frac >> 45);
    int32_t rexp = (3 * bias - 1 - exp) / 2; /* (44, 380, 3068 - exp) DIV 2, never negative */
    uint32_t est = exec_fp_rsqrt_estimate(scaled);
    return (uint64_t)rexp << f | ((uint64_t)(est & 0xff) << (f - 8));
}

/* FPRecpX (FRECPX): the exponent inverted, fraction cleared; zero and denormals give the
 * largest finite exponent. */
static inline uint64_t exec_fp_recpx(int n, uint64_t a, uint32_t fpcr, uint32_t *fpsr)
{
    a &= exec_fp_mask(n);
    exec_fp_unpacked u = exec_fp_unpack(n, a, fpcr, fpsr);
    int f = exec_fp_fw(n);
    uint64_t emax = (A64_U64(1) << exec_fp_ew(n)) - 1, exp = (uint64_t)exec_fp_bexp(n, a);
    if (exec_fp_is_nan(u.type))
        return exec_fp_process_nan(n, u.type, a, fpcr, fpsr);
    return exec_fp_sign_bits(n, u.sign) | (exp == 0 ? emax - 1 : ~exp & emax) << f;
}

#endif
