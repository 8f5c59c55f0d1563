/* tsvc_fp.c: the floating-point kernels of the loop corpus (double and float maps, reductions, a
 * recurrence, conditionals), in the style of TSVC like tsvc_int.c. Built without
 * -mgeneral-regs-only and with -ffp-contract=off for both compilers, so clang and gcc compute
 * the same roundings (no fused multiply-adds) and print the same checksums. Values stay in [0, 4)
 * mostly, so nothing overflows at any size; an FP sum runs in source order (no reassociation: the
 * compilers vectorize it only with -ffast-math). */
#include "tsvc.h"

static double xa[LEN + PAD], xb[LEN + PAD], xc[LEN + PAD], xd[LEN + PAD];
static float fa[LEN + PAD], fb[LEN + PAD], fc[LEN + PAD], fd[LEN + PAD];
static int ja[LEN + PAD];
static float faa[LEN2][LEN2], fbb[LEN2][LEN2];

/* ---- control loops ---- */

KERNEL vadd_f64(long n)
{
    for (long i = 0; i < n; i++)
        xa[i] = xb[i] + xc[i];
    return 0;
}

KERNEL saxpy_f32(long n)
{
    float alpha = fc[0];
    for (long i = 0; i < n; i++)
        fa[i] += alpha * fb[i];
    return 0;
}

KERNEL vtv_f32(long n)
{
    for (long i = 0; i < n; i++)
        fa[i] = fb[i] * fc[i] - fd[i];
    return 0;
}

KERNEL div_f64(long n)
{
    for (long i = 0; i < n; i++)
        xa[i] = xb[i] / (xc[i] + 1.0);
    return 0;
}

KERNEL cvt_i32_f64(long n)
{
    for (long i = 0; i < n; i++)
        xa[i] = ja[i] * 0.5 + xb[i];
    return 0;
}

KERNEL cvt_f32_i32(long n)
{
    for (long i = 0; i < n; i++)
        ja[i] = (int)(fb[i] * 1000.0f);
    return 0;
}

KERNEL widen_f32_f64(long n)
{
    for (long i = 0; i < n; i++)
        xa[i] = (double)fb[i] * xc[i];
    return 0;
}

/* ---- control flow ---- */

KERNEL abs_f32(long n)
{
    for (long i = 0; i < n; i++) {
        float v = fb[i] - fc[i];
        fa[i] = v < 0 ? -v : v;
    }
    return 0;
}

KERNEL s271_cond_f64(long n)
{
    for (long i = 0; i < n; i++)
        if (xb[i] > 0.5)
            xa[i] += xb[i] * xc[i];
    return 0;
}

/* ---- linear dependence ---- */

KERNEL s000_fwd_f32(long n)
{
    for (long i = 0; i < n - 1; i++)
        fa[i] = fa[i + 1] * 0.5f + fb[i];
    return 0;
}

/* ---- reductions ---- */

KERNEL sum_f64(long n)
{
    double s = 0;
    for (long i = 0; i < n; i++)
        s += xa[i];
    union { double d; u64 u; } r = { s };
    return r.u;
}

KERNEL sum_f32(long n)
{
    float s = 0;
    for (long i = 0; i < n; i++)
        s += fa[i];
    union { float f; u32 u; } r = { s };
    return r.u;
}

KERNEL dot_f64(long n)
{
    double s = 0;
    for (long i = 0; i < n; i++)
        s += xa[i] * xb[i];
    union { double d; u64 u; } r = { s };
    return r.u;
}

KERNEL max_f64(long n)
{
    double m = xa[0];
    for (long i = 1; i < n; i++)
        if (xa[i] > m)
            m = xa[i];
    union { double d; u64 u; } r = { m };
    return r.u;
}

KERNEL s315_argmin_f32(long n)
{
    float m = fa[0];
    long index = 0;
    for (long i = 1; i < n; i++)
        if (fa[i] < m) {
            m = fa[i];
            index = i;
        }
    return (u64)index;
}

KERNEL cond_sum_f32(long n)
{
    float s = 0;
    for (long i = 0; i < n; i++)
        if (fa[i] > 0.25f)
            s += fa[i];
    union { float f; u32 u; } r = { s };
    return r.u;
}

/* ---- recurrences ---- */

KERNEL s321_f64(long n)
{
    for (long i = 1; i < n; i++)
        xa[i] += xa[i - 1] * xb[i] * 0.25;
    return 0;
}

/* ---- loop restructuring ---- */

KERNEL matvec_f32(long n)
{
    for (long j = 0; j < n; j++)
        for (long i = 0; i < n; i++)
            fa[i] += faa[j][i] * fbb[j][i];
    return 0;
}

/* [0, 1) from tsvc_gen */
static float unit_f32(u64 salt, long i)
{
    return (float)(tsvc_gen(salt, i) >> 40) * (1.0f / 16777216.0f);
}

static double unit_f64(u64 salt, long i)
{
    return (double)(tsvc_gen(salt, i) >> 11) * (1.0 / 9007199254740992.0);
}

void tsvc_init(long n, long n2)
{
    for (long i = 0; i < n + PAD; i++) {
        xa[i] = unit_f64(1, i), xb[i] = unit_f64(2, i), xc[i] = unit_f64(3, i);
        xd[i] = unit_f64(4, i);
    }
    for (long i = 0; i < n + PAD; i++) {
        fa[i] = unit_f32(5, i), fb[i] = unit_f32(6, i) - 0.5f, fc[i] = unit_f32(7, i);
        fd[i] = unit_f32(8, i), ja[i] = (int)tsvc_range(9, i, -1000, 1000);
    }
    for (long i = 0; i < n2; i++)
        for (long j = 0; j < n2; j++)
            faa[i][j] = unit_f32(10, i * LEN2 + j), fbb[i][j] = unit_f32(11, i * LEN2 + j);
}

/* The FP arrays are checksummed by their bits, the integer way (tsvc_main.c). */
static u64 hash_f64(u64 h, const double *p, long n)
{
    u64 s = 0;
    for (long i = 0; i < n; i++) {
        union { double d; u64 u; } v = { p[i] };
        s += v.u * (2 * (u64)i + 1);
    }
    return tsvc_mix(h, s);
}

static u64 hash_f32(u64 h, const float *p, long n)
{
    u64 s = 0;
    for (long i = 0; i < n; i++) {
        union { float f; u32 u; } v = { p[i] };
        s += v.u * (2 * (u64)i + 1);
    }
    return tsvc_mix(h, s);
}

u64 tsvc_hash(long n, long n2)
{
    long m = n + PAD;
    u64 h = 0;
    h = hash_f64(h, xa, m), h = hash_f64(h, xb, m), h = hash_f64(h, xc, m), h = hash_f64(h, xd, m);
    h = hash_f32(h, fa, m), h = hash_f32(h, fb, m), h = hash_f32(h, fc, m), h = hash_f32(h, fd, m);
    h = tsvc_hash_u32(h, (const u32 *)ja, m);
    for (long i = 0; i < n2; i++)
        h = hash_f32(h, faa[i], n2), h = hash_f32(h, fbb[i], n2);
    return h;
}

#define K(fn, cat, reps) { #fn, cat, fn, 0, reps }
#define K2(fn, cat, reps) { #fn, cat, fn, 1, reps }

const struct tsvc_kernel tsvc_kernels[] = {
    K(vadd_f64, "control_loops", 300),
    K(saxpy_f32, "control_loops", 300),
    K(vtv_f32, "control_loops", 300),
    K(div_f64, "control_loops", 300),
    K(cvt_i32_f64, "control_loops", 300),
    K(cvt_f32_i32, "control_loops", 300),
    K(widen_f32_f64, "control_loops", 300),
    K(abs_f32, "control_flow", 300),
    K(s271_cond_f64, "control_flow", 300),
    K(s000_fwd_f32, "linear_dependence", 300),
    K(sum_f64, "reductions", 300),
    K(sum_f32, "reductions", 300),
    K(dot_f64, "reductions", 300),
    K(max_f64, "reductions", 300),
    K(s315_argmin_f32, "reductions", 300),
    K(cond_sum_f32, "reductions", 300),
    K(s321_f64, "recurrences", 300),
    K2(matvec_f32, "loop_restructuring", 110),
};
const int tsvc_count = sizeof tsvc_kernels / sizeof tsvc_kernels[0];
