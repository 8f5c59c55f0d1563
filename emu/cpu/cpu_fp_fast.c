/* cpu_fp_fast.c: the CPU engine's fast path for the common scalar FP operations (docs/fp.md,
 * "CPU fast path"): the host's IEEE arithmetic where it provably gives the bits and FPSR flags
 * that the exact semantics (exec_fp.h) give, and nothing otherwise.
 *
 * Why this is exact: under round-to-nearest-even a correctly rounded host operation on finite
 * operands returns the same value as Arm's FPAdd/FPMul/FPDiv/FPSqrt as long as no NaN, infinity,
 * overflow or subnormal result is involved (the only places the two differ: NaN choice, default
 * NaN, FZ flushing, tininess). So the fast path takes only finite operands (zero or normal, so FZ
 * changes nothing on the way in) and accepts a result only when it is normal or an exact zero,
 * which also rules out every FPSR flag but IXC (inexact); IXC it decides exactly in integers, from
 * the significands (a product is exact when its odd part fits the format; a quotient q = a/b
 * when q*b == a; a root r when r*r == a), or for sums from the rounding error, which TwoSum gets
 * exactly in the host format. Anything else returns 0 and the caller runs the exact semantics.
 * The host must evaluate in the operands' own format (FLT_EVAL_METHOD 0) under round to nearest
 * (temu never changes the host's rounding mode), and must not fuse a*b+c: this file is built with
 * -ffp-contract=off. tests/test_fp_fast.c holds it against exec_fp.h. */
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

int cpu_fp_fast(uint32_t kind, int n, uint64_t a, uint64_t b, uint32_t fpcr, uint64_t *r, uint32_t *fpsr)
{
    if (!CPU_FP_FAST || exec_fp_rmode(fpcr) != EXEC_FP_RN || (n != 32 && n != 64))
        return 0;
    struct fmt t = n == 64 ? f64 : f32;
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
        if (!normal(t, v))
            return 0; /* overflow or underflow: flags the exact semantics decide */
        inexact = !product_exact(t, a, b);
        break;
    case CPU_FP_DIV:
        if (is_zero(t, b))
            return 0; /* division by zero */
        v = n == 64 ? d_bits(d_of(a) / d_of(b)) : s_bits(s_of(a) / s_of(b));
        if (is_zero(t, a))
            break;
        if (!normal(t, v))
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
