/* cpu_fp_fast.c: the CPU engine's fast path for the common scalar FP operations (docs/fp.md,
 * "CPU fast path"): the host's IEEE arithmetic where it provably gives the bits and FPSR flags
 * that the exact semantics (exec_fp.h) give, and nothing otherwise.
 *
 * Why this is exact: under round-to-nearest-even a correctly rounded host operation on finite
 * operands returns the same value as Arm's FPAdd/FPMul/FPDiv/FPSqrt/FPMulAdd as long as no NaN,
 * infinity, overflow or tiny result is involved (the only places the two differ: NaN choice,
 * default NaN, FZ flushing, tininess, which Arm detects before rounding). So the fast path takes
 * only finite operands (zero or normal, so FZ changes nothing on the way in) and accepts a result
 * only when it is normal and its unrounded value was not tiny, or an exact zero, which also rules
 * out every FPSR flag but IXC (inexact); IXC it decides exactly in integers, from the
 * significands (a product is exact when its odd part fits the format; a quotient q = a/b when
 * q*b == a; a root r when r*r == a; a fused r = c + a*b when c + a*b - r == 0, see fma_exact),
 * or for sums from the rounding error, which TwoSum gets exactly in the host format. Anything
 * else returns 0 and the caller runs the exact semantics. The host must evaluate in the operands'
 * own format (FLT_EVAL_METHOD 0) under round to nearest (temu never changes the host's rounding
 * mode), must not fuse a*b+c where the code does not ask for it (this file is built with
 * -ffp-contract=off), and its fma()/fmaf() must be correctly rounded, as C's fma is specified
 * (glibc's: the FMA instruction where the CPU has one, else an exact software algorithm; the
 * test runs both). tests/test_fp_fast.c holds it against exec_fp.h. */
#include "cpu_fp_fast.h"

#include <float.h>
#include <string.h>

#include "exec_fp.h" /* the FPCR and FPSR fields and the NZCV results, named once */

#if FLT_EVAL_METHOD == 0 && defined(__SIZEOF_INT128__)
#define CPU_FP_FAST 1
#else
#define CPU_FP_FAST 0
#endif

typedef unsigned __int128 u128;

/* A format: fraction bits and the biased exponent of infinity. */
struct fmt {
    int f;
    uint32_t emax;
};

static const struct fmt f32 = {23, 0xff}, f64 = {52, 0x7ff};

static uint32_t exp_of(struct fmt t, uint64_t x)
{
    return (uint32_t)(x >> t.f) & t.emax;
}

static uint64_t frac_of(struct fmt t, uint64_t x)
{
    return x & ((UINT64_C(1) << t.f) - 1);
}

static int is_nan(struct fmt t, uint64_t x)
{
    return exp_of(t, x) == t.emax && frac_of(t, x) != 0;
}

static int subnormal(struct fmt t, uint64_t x)
{
    return exp_of(t, x) == 0 && frac_of(t, x) != 0;
}

/* Zero or normal (no NaN, infinity or subnormal). */
static int plain(struct fmt t, uint64_t x)
{
    return exp_of(t, x) != t.emax && !subnormal(t, x);
}

static int is_zero(struct fmt t, uint64_t x)
{
    return exp_of(t, x) == 0 && frac_of(t, x) == 0;
}

static int normal(struct fmt t, uint64_t x)
{
    uint32_t e = exp_of(t, x);
    return e != 0 && e != t.emax;
}

/* A normal x above the smallest normal in magnitude. A rounded product, quotient or fused result
 * must be one: rounding is monotonic and the smallest normal is representable, so a result above
 * it was above it unrounded, while a result equal to it may have been rounded up from a tiny
 * value, which Arm (tininess before rounding) flags UFC, or with FZ flushes to zero. Sums need no
 * such test: a sum of zero-or-normal operands below the smallest normal is exact (a subnormal),
 * so a rounded sum at the smallest normal was there unrounded. */
static int above_tiny(struct fmt t, uint64_t x)
{
    return normal(t, x) && (exp_of(t, x) > 1 || frac_of(t, x) != 0);
}

/* The significand with its leading one (normal x). */
static uint64_t sig(struct fmt t, uint64_t x)
{
    return frac_of(t, x) | UINT64_C(1) << t.f;
}

static int u128_ctz(u128 v)
{
    uint64_t lo = (uint64_t)v;
    return lo ? __builtin_ctzll(lo) : 64 + __builtin_ctzll((uint64_t)(v >> 64));
}

static int u128_bits(u128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);
    return hi ? 128 - __builtin_clzll(hi) : 64 - __builtin_clzll((uint64_t)v);
}

/* Whether x * y (normal) is exactly representable: its odd part fits in f + 1 bits. */
static int product_exact(struct fmt t, uint64_t x, uint64_t y)
{
    u128 p = (u128)sig(t, x) * sig(t, y);
    return u128_bits(p) - u128_ctz(p) <= t.f + 1;
}

/* Whether x * y == z exactly (all normal): sig(x) sig(y) 2^(ex+ey) == sig(z) 2^(ez+bias+f). */
static int product_equals(struct fmt t, uint64_t x, uint64_t y, uint64_t z)
{
    int bias = (int)(t.emax >> 1);
    int s = (int)exp_of(t, z) - (int)exp_of(t, x) - (int)exp_of(t, y) + bias + t.f;
    if (s < 0 || s > 127 - (t.f + 1))
        return 0; /* the sides differ in magnitude by more than their widths allow */
    return (u128)sig(t, x) * sig(t, y) == (u128)sig(t, z) << s;
}

/* The sign of an n-bit x: the bits above the exponent. */
static int neg_of(struct fmt t, uint64_t x)
{
    return (x >> t.f) > t.emax;
}

/* The exponent of a normal x's last significand bit: x = +-sig(x) * 2^lsb_exp(x). */
static int lsb_exp(struct fmt t, uint64_t x)
{
    return (int)exp_of(t, x) - (int)(t.emax >> 1) - t.f;
}

/* A term of an exact sum: (-1)^neg * m * 2^e, m odd. */
struct term {
    u128 m;
    int e, neg;
};

static struct term term_of(u128 m, int e, int neg)
{
    int z = u128_ctz(m); /* m != 0 */
    struct term x = {m >> z, e + z, neg};
    return x;
}

/* Where a zero sum's terms must lie above their lowest bit: W + 1 = 107, W = 106 the widest
 * significand, a 53 x 53-bit product (single: 48; the bound holds for it too). */
#define SUM_SPAN 107

/* Whether k (2 or 3) terms sum to exactly zero. Let mn be the least exponent of their last bits,
 * all odd. Each term whose last bit is at mn adds 1 to bit mn of the sum, the others 0, so a zero
 * sum has exactly two terms there (one or three would leave the bit odd). Those two are below
 * 2^(mn + W) in magnitude, so the third, minus their sum, is below 2^(mn + W + 1): in a zero sum
 * every term fits in SUM_SPAN bits above mn, and a term that does not makes it nonzero. Otherwise
 * each term shifted down to mn is below 2^SUM_SPAN and their signed sum, modulo 2^128, is zero
 * exactly when the true sum (below 3 * 2^SUM_SPAN < 2^127 in magnitude) is. */
static int sum_is_zero(const struct term *x, int k)
{
    int mn = x[0].e;
    for (int i = 1; i < k; i++)
        mn = x[i].e < mn ? x[i].e : mn;
    u128 s = 0;
    for (int i = 0; i < k; i++) {
        int sh = x[i].e - mn;
        if (u128_bits(x[i].m) + sh > SUM_SPAN)
            return 0;
        s += x[i].neg ? -(x[i].m << sh) : x[i].m << sh;
    }
    return s == 0;
}

/* Whether c + a * b == v exactly: a, b and c normal, v zero or the correctly rounded sum, normal.
 * Mostly decided by the sum's last set bit: when the product's last bit and c's are at different
 * exponents, the lower of the two is the sum's (the other term has nothing there or below), and a
 * normal v is exact when that bit is not below v's last one: then the sum and v are both
 * multiples of v's ulp 2^ev, and they differ by at most half an ulp (2^(ev-1) or less), so by
 * nothing. A zero v is then never exact (the sum has a bit set). Last bits at the same exponent
 * (which a cancelling sum has) take the full test: the terms a * b, c and -v, each exact in
 * integers, must sum to zero. */
static int fma_exact_sum(struct fmt t, uint64_t a, uint64_t b, uint64_t c, uint64_t v, u128 p);

static inline __attribute__((always_inline)) int fma_exact(struct fmt t, uint64_t a, uint64_t b, uint64_t c,
                                                           uint64_t v)
{
    u128 p = (u128)sig(t, a) * sig(t, b);
    int lp = lsb_exp(t, a) + lsb_exp(t, b) + u128_ctz(p), lc = lsb_exp(t, c) + __builtin_ctzll(sig(t, c));
    if (lp != lc)
        return !is_zero(t, v) && (lp < lc ? lp : lc) >= lsb_exp(t, v);
    return fma_exact_sum(t, a, b, c, v, p);
}

/* fma_exact's full test, p the product of the significands. */
static int fma_exact_sum(struct fmt t, uint64_t a, uint64_t b, uint64_t c, uint64_t v, u128 p)
{
    struct term x[3] = {
        term_of(p, lsb_exp(t, a) + lsb_exp(t, b), neg_of(t, a) ^ neg_of(t, b)),
        term_of(sig(t, c), lsb_exp(t, c), neg_of(t, c)),
    };
    if (is_zero(t, v))
        return sum_is_zero(x, 2);
    x[2] = term_of(sig(t, v), lsb_exp(t, v), !neg_of(t, v));
    return sum_is_zero(x, 3);
}

static double d_of(uint64_t x)
{
    double d;
    memcpy(&d, &x, sizeof d);
    return d;
}

static uint64_t d_bits(double d)
{
    uint64_t x;
    memcpy(&x, &d, sizeof x);
    return x;
}

static float s_of(uint64_t x)
{
    uint32_t w = (uint32_t)x;
    float f;
    memcpy(&f, &w, sizeof f);
    return f;
}

static uint64_t s_bits(float f)
{
    uint32_t w;
    memcpy(&w, &f, sizeof w);
    return w;
}

/* a + b in the host format, the result's bits, and whether it was inexact (TwoSum: the rounding
 * error of a finite sum is exactly representable, and these steps compute it). */
#define SUM(T, OF, BITS)                                                   \
    do {                                                                   \
        T x = OF(a), y = OF(b), s = x + y, yy = s - x;                     \
        T err = (x - (s - yy)) + (y - yy);                                 \
        v = BITS(s);                                                       \
        inexact = err != 0;                                                \
    } while (0)

/* cpu_fp_fast in format t of width n, inlined once per format so that its constants fold. */
static inline __attribute__((always_inline)) int fast(struct fmt t, int n, uint32_t kind, uint64_t a, uint64_t b,
                                                      uint64_t *r, uint32_t *fpsr)
{
    int inexact = 0;
    uint64_t v; /* the result, written to *r only when taken */
    if (!plain(t, a) || (kind != CPU_FP_SQRT && !plain(t, b)))
        return 0;
    switch (kind) {
    case CPU_FP_SUB:
        b ^= UINT64_C(1) << (n - 1);
        /* fall through */
    case CPU_FP_ADD:
        if (n == 64)
            SUM(double, d_of, d_bits);
        else
            SUM(float, s_of, s_bits);
        /* a zero sum of such operands is exact; a nonzero one must be normal */
        if (!is_zero(t, v) && !normal(t, v))
            return 0;
        break;
    case CPU_FP_MUL:
        v = n == 64 ? d_bits(d_of(a) * d_of(b)) : s_bits(s_of(a) * s_of(b));
        if (is_zero(t, a) || is_zero(t, b))
            break; /* an exact signed zero */
        if (!above_tiny(t, v))
            return 0; /* overflow or underflow: flags the exact semantics decide */
        inexact = !product_exact(t, a, b);
        break;
    case CPU_FP_DIV:
        if (is_zero(t, b))
            return 0; /* division by zero */
        v = n == 64 ? d_bits(d_of(a) / d_of(b)) : s_bits(s_of(a) / s_of(b));
        if (is_zero(t, a))
            break;
        if (!above_tiny(t, v))
            return 0;
        inexact = !product_equals(t, v, b, a);
        break;
    case CPU_FP_SQRT:
        if (is_zero(t, a)) {
            v = a; /* sqrt(+-0) = +-0 */
            break;
        }
        if (a >> (n - 1))
            return 0; /* negative: invalid */
        v = n == 64 ? d_bits(__builtin_sqrt(d_of(a))) : s_bits(__builtin_sqrtf(s_of(a)));
        inexact = !product_equals(t, v, v, a);
        break;
    default:
        return 0;
    }
    *r = v;
    if (inexact)
        *fpsr |= EXEC_FP_IXC;
    return 1;
}

int cpu_fp_fast(uint32_t kind, int n, uint64_t a, uint64_t b, uint32_t fpcr, uint64_t *r, uint32_t *fpsr)
{
    if (!CPU_FP_FAST || exec_fp_rmode(fpcr) != EXEC_FP_RN)
        return 0;
    if (n == 64)
        return fast(f64, 64, kind, a, b, r, fpsr);
    return n == 32 && fast(f32, 32, kind, a, b, r, fpsr);
}

/* c + a * b rounded once, in the host format. */
static uint64_t host_fma(int n, uint64_t a, uint64_t b, uint64_t c)
{
    return n == 64 ? d_bits(__builtin_fma(d_of(a), d_of(b), d_of(c))) : s_bits(__builtin_fmaf(s_of(a), s_of(b), s_of(c)));
}

/* cpu_fp_fast_muladd in format t of width n, inlined once per format so that the format's
 * constants fold (a third fewer host instructions than one body for both). */
static inline __attribute__((always_inline)) int muladd(struct fmt t, int n, uint64_t c, uint64_t a, uint64_t b,
                                                        uint64_t *r, uint32_t *fpsr)
{
    if (!plain(t, a) || !plain(t, b) || !plain(t, c))
        return 0;
    uint64_t v;
    int inexact = 0;
    if (is_zero(t, a) || is_zero(t, b)) {
        /* An exact zero product (FPMulAdd's zero_p): c itself, or for a zero c the exact zero sum
         * of two zeros, their sign when they agree and +0 (round to nearest) when not. */
        uint64_t p = (a ^ b) & UINT64_C(1) << (n - 1);
        v = !is_zero(t, c) || c == p ? c : 0;
    } else {
        v = host_fma(n, a, b, c);
        if (is_zero(t, c)) {
            /* a zero c adds nothing: the rounded product, taken and exact as FMUL's */
            if (!above_tiny(t, v))
                return 0;
            inexact = !product_exact(t, a, b);
        } else {
            inexact = !fma_exact(t, a, b, c, v);
            if (is_zero(t, v)) {
                if (inexact)
                    return 0; /* a tiny sum rounded to zero: underflow */
                v = 0;        /* an exact cancellation: +0 under round to nearest, as FPMulAdd's */
            } else if (!above_tiny(t, v)) {
                return 0; /* overflow or a tiny result */
            }
        }
    }
    *r = v;
    if (inexact)
        *fpsr |= EXEC_FP_IXC;
    return 1;
}

int cpu_fp_fast_muladd(int n, uint64_t c, uint64_t a, uint64_t b, uint32_t fpcr, uint64_t *r, uint32_t *fpsr)
{
    if (!CPU_FP_FAST || exec_fp_rmode(fpcr) != EXEC_FP_RN)
        return 0;
    if (n == 64)
        return muladd(f64, 64, c, a, b, r, fpsr);
    return n == 32 && muladd(f32, 32, c, a, b, r, fpsr);
}

int cpu_fp_fast_vector(uint32_t kind, int n, int count, const uint64_t *a, const uint64_t *b, const uint64_t *d,
                       uint32_t fpcr, uint64_t *r, uint32_t *fpsr)
{
    uint64_t v[CPU_FP_LANES], sign = UINT64_C(1) << (n - 1);
    uint32_t fl = *fpsr;
    if (count > CPU_FP_LANES)
        return 0;
    for (int i = 0; i < count; i++) {
        int ok;
        switch (kind) {
        case CPU_FP_MLA: ok = cpu_fp_fast_muladd(n, d[i], a[i], b[i], fpcr, &v[i], &fl); break;
        case CPU_FP_MLS: ok = cpu_fp_fast_muladd(n, d[i], a[i] ^ sign, b[i], fpcr, &v[i], &fl); break;
        default: ok = cpu_fp_fast(kind, n, a[i], b[i], fpcr, &v[i], &fl); break;
        }
        if (!ok)
            return 0; /* the whole instruction goes to the exact semantics */
    }
    memcpy(r, v, (size_t)count * sizeof *r);
    *fpsr = fl;
    return 1;
}

int cpu_fp_fast_compare(int n, uint64_t a, uint64_t b, uint32_t *nzcv)
{
    if (!CPU_FP_FAST || (n != 32 && n != 64))
        return 0;
    struct fmt t = n == 64 ? f64 : f32;
    if (is_nan(t, a) || is_nan(t, b))
        return 0; /* unordered, and maybe IOC */
    if (subnormal(t, a) || subnormal(t, b))
        return 0; /* FZ would flush it and raise IDC */
    int lt = n == 64 ? d_of(a) < d_of(b) : s_of(a) < s_of(b);
    int eq = n == 64 ? d_of(a) == d_of(b) : s_of(a) == s_of(b);
    *nzcv = eq ? EXEC_FP_NZCV_EQ : lt ? EXEC_FP_NZCV_LT : EXEC_FP_NZCV_GT;
    return 1;
}

/* An integer the format holds exactly (magnitude at most 2^24, 2^53) converts without rounding,
 * so no FPCR field and no flag matters; zero gives +0 as FixedToFP does. */
int cpu_fp_fast_from_int(int n, int64_t v, uint64_t *r)
{
    uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    if (!CPU_FP_FAST || (n != 32 && n != 64) || mag > (UINT64_C(1) << (n == 64 ? 53 : 24)))
        return 0;
    *r = n == 64 ? d_bits((double)v) : s_bits((float)v);
    return 1;
}

/* Zero or normal, strictly inside the signed range: the host's truncation is FPToFixed's toward
 * zero, and the value is inexact exactly when the truncation changed it. The range's ends, NaNs,
 * infinities and subnormals (FZ: IDC) are the exact semantics' to decide. */
int cpu_fp_fast_to_int(int n, uint64_t a, int ibits, uint64_t *r, uint32_t *fpsr)
{
    if (!CPU_FP_FAST || (n != 32 && n != 64) || (ibits != 32 && ibits != 64))
        return 0;
    struct fmt t = n == 64 ? f64 : f32;
    if (!plain(t, a))
        return 0;
    double x = n == 64 ? d_of(a) : (double)s_of(a), lim = ibits == 64 ? 0x1p63 : 0x1p31;
    if (!(x > -lim && x < lim))
        return 0;
    int64_t i = (int64_t)x;
    if ((double)i != x)
        *fpsr |= EXEC_FP_IXC;
    *r = ibits == 64 ? (uint64_t)i : (uint64_t)i & 0xffffffffu;
    return 1;
}
