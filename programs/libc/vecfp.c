/* vecfp.c: Advanced SIMD floating point as compilers emit it, float and double: saxpy, a 4x4
 * matrix product by element (FMLA by element), a dot product, reductions (FMAXNMV, FADDP), compares
 * and selects, rounding, conversions between integers and FP (SCVTF/FCVTZS vector and fixed
 * point), between precisions (FCVTL, FCVTN, FCVTXN), estimates refined by FRECPS/FRSQRTS, square
 * roots and divisions, then FPSR. Every result is printed as hex bits, so a single wrong bit
 * shows; the expected output was recorded under qemu-aarch64.
 *
 * The loops run over whole vectors (sizes are multiples of 4) and the reductions use intrinsics
 * (a strict-order float reduction is scalar code), so the program needs no scalar FP
 * arithmetic: the element-wise loops are clang's and gcc's -O2/-O3 vectorisation. Usage: vecfp [n]
 * (rounds, default 3). */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 64

static float xa[N], ya[N], za[N];
static double xd[N], yd[N], zd[N];
static uint32_t seed = 12345;

static uint32_t lcg(void)
{
    seed = seed * 1664525u + 1013904223u;
    return seed;
}

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

/* Inputs from integers (SCVTF vector, fixed point with 8 fraction bits), specials mixed in. */
__attribute__((noinline)) static void fill(int round)
{
    int32_t iv[N];
    int64_t lv[N];
    for (int i = 0; i < N; i++) {
        iv[i] = (int32_t)(lcg() % 20001u) - 10000;
        lv[i] = (int64_t)(int32_t)lcg() * (round + 1);
    }
    for (int i = 0; i < N; i += 4) {
        vst1q_f32(xa + i, vcvtq_n_f32_s32(vld1q_s32(iv + i), 8));
        vst1q_f32(ya + i, vcvtq_f32_s32(vld1q_s32(iv + (i ^ 4))));
    }
    for (int i = 0; i < N; i += 2) {
        vst1q_f64(xd + i, vcvtq_n_f64_s64(vld1q_s64(lv + i), 20));
        vst1q_f64(yd + i, vcvtq_f64_s64(vld1q_s64(lv + (i ^ 2))));
    }
    uint32_t inf = 0x7f800000u, qnan = 0x7fc01234u, den = 0x00000123u;
    memcpy(&xa[5], &inf, 4);
    memcpy(&xa[9], &qnan, 4);
    memcpy(&ya[13], &den, 4);
}

/* The factors come through memory: a scalar FP argument computed in the caller would be a
 * scalar FP instruction there. */
static float kf[4];
static double kd[2];

__attribute__((noinline)) static void saxpy(const float *ap, const float *x, float *y)
{
    float a = *ap;
    for (int i = 0; i < N; i++)
        y[i] = a * x[i] + y[i];
}

__attribute__((noinline)) static void daxpy(const double *ap, const double *x, double *y)
{
    double a = *ap;
    for (int i = 0; i < N; i++)
        y[i] = a * x[i] + y[i];
}

__attribute__((noinline)) static void vmix(const float *x, const float *y, float *z)
{
    for (int i = 0; i < N; i++) {
        float d = x[i] - y[i];
        z[i] = (d > 0 ? d : -d) / (y[i] * y[i] + 1.0f);
    }
}

__attribute__((noinline)) static void dmix(const double *x, const double *y, double *z)
{
    /* x < y ? x * 0.5 : y / 3 (gcc -O2 keeps this loop scalar: written as vectors) */
    for (int i = 0; i < N; i += 2) {
        float64x2_t a = vld1q_f64(x + i), b = vld1q_f64(y + i);
        vst1q_f64(z + i, vbslq_f64(vcltq_f64(a, b), vmulq_n_f64(a, 0.5), vdivq_f64(b, vdupq_n_f64(3.0))));
    }
}

/* C = A * B, 4x4 single, by element. */
__attribute__((noinline)) static void mat4(const float *a, const float *b, float *c)
{
    float32x4_t b0 = vld1q_f32(b), b1 = vld1q_f32(b + 4), b2 = vld1q_f32(b + 8), b3 = vld1q_f32(b + 12);
    for (int r = 0; r < 4; r++) {
        float32x4_t ar = vld1q_f32(a + 4 * r);
        float32x4_t acc = vmulq_laneq_f32(b0, ar, 0);
        acc = vfmaq_laneq_f32(acc, b1, ar, 1);
        acc = vfmaq_laneq_f32(acc, b2, ar, 2);
        acc = vfmsq_laneq_f32(acc, b3, ar, 3);
        vst1q_f32(c + 4 * r, acc);
    }
}

__attribute__((noinline)) static float32x4_t dot4(const float *x, const float *y)
{
    float32x4_t acc = vdupq_n_f32(0);
    for (int i = 0; i < N; i += 4)
        acc = vfmaq_f32(acc, vld1q_f32(x + i), vld1q_f32(y + i));
    return acc;
}

/* Out of line, so the whole vector is computed (a compiler may turn one lane's compare into a
 * scalar FCMP). */
__attribute__((noinline)) static void printu4(const char *what, uint32x4_t v)
{
    uint32_t t[4];
    vst1q_u32(t, v);
    printf("%s %08x %08x %08x %08x\n", what, t[0], t[1], t[2], t[3]);
}

__attribute__((noinline)) static void print4(const char *what, float32x4_t v)
{
    float t[4];
    vst1q_f32(t, v);
    printf("%s %08x %08x %08x %08x\n", what, fbits(t[0]), fbits(t[1]), fbits(t[2]), fbits(t[3]));
}

__attribute__((noinline)) static void print2(const char *what, float64x2_t v)
{
    double t[2];
    vst1q_f64(t, v);
    printf("%s %016llx %016llx\n", what, (unsigned long long)dbits(t[0]), (unsigned long long)dbits(t[1]));
}

static uint32_t hash32(const float *v, int n)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++)
        h = (h ^ fbits(v[i])) * 16777619u;
    return h;
}

static uint64_t hash64(const double *v, int n)
{
    uint64_t h = 14695981039346656037ull;
    for (int i = 0; i < n; i++)
        h = (h ^ dbits(v[i])) * 1099511628211ull;
    return h;
}

static uint64_t fpsr(void)
{
    uint64_t r;
    __asm__ volatile("mrs %0, fpsr" : "=r"(r));
    return r;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 3;
    for (int round = 0; round < rounds; round++) {
        fill(round);
        float32x4_t k = vcvtq_n_f32_s32(vdupq_n_s32(3 + round), 2); /* 0.75, 1.0, ... */
        vst1q_f32(kf, k);
        vst1q_f64(kd, vcvt_f64_f32(vget_low_f32(k)));
        saxpy(kf, xa, ya);
        daxpy(kd, xd, yd);
        vmix(xa, ya, za);
        dmix(xd, yd, zd);
        printf("round %d: saxpy %08x daxpy %016llx mix %08x %016llx\n", round, hash32(ya, N),
               (unsigned long long)hash64(yd, N), hash32(za, N), (unsigned long long)hash64(zd, N));
        mat4(za + 16, za + 32, za + 48);
        print4("mat4", vld1q_f32(za + 48));
        float32x4_t d = dot4(za, za + 16);
        print4("dot4", d);
        printf("faddp %08x fmaxnmv %08x fminv %08x fmaxv %08x\n", fbits(vaddvq_f32(d)), fbits(vmaxnmvq_f32(d)),
               fbits(vminvq_f32(vld1q_f32(xa + 4))), fbits(vmaxvq_f32(vld1q_f32(ya + 8))));
        float32x4_t x = vld1q_f32(xa + 8), y = vld1q_f32(ya + 8);
        print4("rnd", vrndnq_f32(x));
        print4("rndm", vrndmq_f32(vmulq_f32(x, y)));
        print4("rnda", vrndaq_f32(vsubq_f32(x, y)));
        printu4("fcvtzs", vreinterpretq_u32_s32(vcvtq_s32_f32(vmulq_n_f32(y, 1e5f))));
        printu4("fcvtnu", vcvtnq_u32_f32(x));
        printu4("fcvtzs#4", vreinterpretq_u32_s32(vcvtq_n_s32_f32(x, 4)));
        printu4("fcvtmu", vcvtmq_u32_f32(y));
        printu4("fcmge", vcgeq_f32(x, y));
        printu4("fcmgt0", vcgtzq_f32(x));
        printu4("facgt", vcagtq_f32(x, y));
        printu4("fcmeq", vceqq_f32(x, x));
        float32x4_t r = vrecpeq_f32(y);
        r = vmulq_f32(r, vrecpsq_f32(y, r));
        print4("recip", r);
        float32x4_t s = vrsqrteq_f32(vabsq_f32(x));
        s = vmulq_f32(s, vrsqrtsq_f32(vmulq_f32(vabsq_f32(x), s), s));
        print4("rsqrt", s);
        print4("sqrt", vsqrtq_f32(vabsq_f32(y)));
        print4("div", vdivq_f32(x, y));
        print4("abd", vabdq_f32(x, y));
        print4("minnm", vminnmq_f32(x, vnegq_f32(y)));
        float64x2_t wd = vcvt_high_f64_f32(vmulq_f32(x, y));
        print2("fcvtl2", wd);
        print2("fsqrt", vsqrtq_f64(vabsq_f64(vld1q_f64(yd + 2))));
        print2("fmulx", vmulxq_f64(vld1q_f64(xd + 4), vld1q_f64(zd + 4)));
        float32x2_t nd = vcvt_f32_f64(vld1q_f64(yd + 6));
        float32x2_t xn = vcvtx_f32_f64(vld1q_f64(yd + 6));
        print4("fcvtn,xn", vcombine_f32(nd, xn));
        float16x4_t h = vcvt_f16_f32(vmulq_n_f32(x, 1e-3f));
        print4("half", vcvt_f32_f16(h));
        printf("fpsr %08llx\n", (unsigned long long)fpsr());
    }
    return 0;
}
