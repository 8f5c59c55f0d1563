/* fploops: floating-point loops as clang -O2 compiles them with its own vectorizer on (issue 13),
 * for --loopvec on every engine: an ordered FP sum and a dot product (clang interleaves them into
 * chains of fadds on one register, never reassociating), axpy and a scaled copy (vector loads,
 * fmul/fmla on 2D/4S), a ramp from the index (a vector induction converted to FP), a sum of
 * converted integers, a clamp by fmaxnm/fminnm, a float max and a square-root map. Results are
 * printed as bits (one wrong rounding shows) with the xor of every array's bits.
 * Test: n = 4099 (760K instructions). Bench: n = 100003, 32 rounds (101M). Small: n = 131 (27K). */
#include "rt.h"

#define MAX_N 100003
static double xa[MAX_N], ya[MAX_N], za[MAX_N];
static float fa[MAX_N], fb[MAX_N];
static int ia[MAX_N];

static u64 bits(double d)
{
    u64 u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static u32 fbits(float f)
{
    u32 u;
    memcpy(&u, &f, sizeof u);
    return u;
}

__attribute__((noinline)) static double dot(const double *a, const double *b, long n)
{
    double s = 0;
    for (long i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

__attribute__((noinline)) static float sumf(const float *a, int n)
{
    float s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

__attribute__((noinline)) static void axpy(double *restrict y, const double *restrict x, double a, long n)
{
    for (long i = 0; i < n; i++)
        y[i] += a * x[i];
}

__attribute__((noinline)) static void scale(float *restrict d, const float *restrict s, float k, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = s[i] * k - 1.0f;
}

__attribute__((noinline)) static void ramp(double *d, long n)
{
    for (long i = 0; i < n; i++)
        d[i] = (double)i * 0.5 + 0.25;
}

__attribute__((noinline)) static double sum_ints(const int *a, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += (double)a[i];
    return s;
}

__attribute__((noinline)) static void clamp(float *d, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = __builtin_fminf(__builtin_fmaxf(d[i], -0.75f), 0.75f);
}

__attribute__((noinline)) static float maxf(const float *a, int n)
{
    float m = a[0];
    for (int i = 1; i < n; i++)
        m = a[i] > m ? a[i] : m;
    return m;
}

__attribute__((noinline)) static void roots(double *restrict d, const double *restrict s, long n)
{
    for (long i = 0; i < n; i++)
        d[i] = __builtin_sqrt(s[i] * s[i] + 1.0);
}

static u64 xor_bits(const double *a, long n)
{
    u64 x = 0;
    for (long i = 0; i < n; i++)
        x ^= bits(a[i]) * (u64)(i + 1);
    return x;
}

static u64 xor_fbits(const float *a, long n)
{
    u64 x = 0;
    for (long i = 0; i < n; i++)
        x ^= (u64)fbits(a[i]) * (u64)(i + 1);
    return x;
}

int main(int argc, char **argv)
{
    long n = rt_size(argc, argv, 131, 4099, MAX_N);
    int rounds = rt_size(argc, argv, 1, 1, 32);
    u64 seed = 0x9e3779b97f4a7c15ull;
    for (long i = 0; i < n; i++) { /* values of every magnitude and sign, inexact sums */
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        xa[i] = (double)(i64)(seed >> 11) / 9007199254740992.0 * (double)(1 + (i % 7) * 1000);
        ya[i] = (double)(i64)(seed >> 20) / 3.0e9 - 0.5;
        fa[i] = (float)((double)(u32)(seed >> 32) / 4294967296.0 - 0.5) * 3.0f;
        ia[i] = (int)(seed >> 40) - (1 << 23);
    }
    double d = 0, s = 0;
    float f = 0, m = 0;
    for (int r = 0; r < rounds; r++) {
        d = dot(xa, ya, n);
        f = sumf(fa, (int)n);
        axpy(ya, xa, 0.125, n);
        scale(fb, fa, 1.5f, (int)n);
        ramp(za, n);
        s = sum_ints(ia, (int)n);
        clamp(fb, (int)n);
        m = maxf(fa, (int)n);
        roots(za, ya, n);
    }
    printf("dot %lx sumf %x sum_ints %lx maxf %x\n", bits(d), fbits(f), bits(s), fbits(m));
    printf("y %lx z %lx fb %lx\n", xor_bits(ya, n), xor_bits(za, n), xor_fbits(fb, n));
    return 0;
}
