/* loops_clang: four textbook loops written without temu in mind (issue 13), as clang -O2
 * -mgeneral-regs-only compiles them: address temporaries (`add x12, x9, x8; ldp w14, w12, [x12]`),
 * bodies unrolled by two with pairs, a byte-index counter compared against an immediate
 * (`cmp x8, #64, lsl #12`). A map c[i] = 3*a[i] + b[i] over u32, a widening multiply
 * d[i] = (u64)a[i] * b[i], a sum and an xor reduction, over 65,536 elements each, plus the same
 * loops over a run-time length and a carried dependence at a distance (a[i+k] = f(a[i])).
 * Test: 2 rounds (~2.4M instructions). Bench: 40 rounds (~46M). Small: 1 round. */
#include "rt.h"

#define N 65536
static u32 a[N], b[N], c[N];
static u64 d[N];

__attribute__((noinline)) static void map3(void)
{
    for (int i = 0; i < N; i++)
        c[i] = 3 * a[i] + b[i];
}

__attribute__((noinline)) static void widen_mul(void)
{
    for (int i = 0; i < N; i++)
        d[i] = (u64)a[i] * b[i];
}

__attribute__((noinline)) static u32 sum(void)
{
    u32 s = 0;
    for (int i = 0; i < N; i++)
        s += c[i];
    return s;
}

__attribute__((noinline)) static u64 xor_all(void)
{
    u64 x = 0;
    for (int i = 0; i < N; i++)
        x ^= d[i];
    return x;
}

/* The same over a length known only at run time (an int counter, a register limit). */
__attribute__((noinline)) static void map3_n(u32 *restrict dst, const u32 *restrict x, const u32 *restrict y,
                                             int n)
{
    for (int i = 0; i < n; i++)
        dst[i] = 3 * x[i] + y[i];
}

__attribute__((noinline)) static u64 sum_n(const u64 *x, unsigned n)
{
    u64 s = 0;
    for (unsigned i = 0; i < n; i++)
        s += x[i];
    return s;
}

/* A dependence at distance k: vectorizable only when the trip stays within it (k >= trip). */
__attribute__((noinline)) static void shift_by(u32 *x, long k, long n)
{
    for (long i = 0; i < n; i++)
        x[i + k] = x[i] * 5 + 1;
}

int main(int argc, char **argv)
{
    long reps = rt_size(argc, argv, 1, 2, 40);
    u32 seed = 0x9e3779b9u;
    for (long i = 0; i < N; i++) {
        seed = seed * 1664525u + 1013904223u;
        a[i] = seed;
        b[i] = seed >> 9;
    }
    u64 h = 0;
    for (long r = 0; r < reps; r++) {
        a[r] += (u32)r;
        map3();
        widen_mul();
        h = h * 31 + sum();
        h = h * 31 + xor_all();
        map3_n(c, b, a, N - (int)r);
        h = h * 31 + sum_n(d, (unsigned)(N - 3 * r));
    }
    printf("loops: %016lx\n", h);
    shift_by(c, 8, 1000);     /* carried at distance 8: iterations 8 apart depend */
    shift_by(c + 4000, 2000, 1000); /* distance 2000 > trip 1000: independent */
    printf("shift: %08x %08x %08x\n", c[500], c[1007], c[6900]);
    return 0;
}
