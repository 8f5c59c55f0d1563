/* loops: one hot loop per class of `temu --loopvec` (affine counters, element-wise maps, add/xor/
 * or/and/min/max reductions, as clang emits them at -O2, over 64-bit and 32-bit indices) plus the
 * traps that must not be vectorized: a prefix sum carried through memory, overlapping source and
 * destination, loops that run zero times or once. A loop that faults midway is loop_fault.c.
 * Test: n = 4096, 2 rounds (~1.3M instructions). Bench: n = 65536, 160 rounds (~730M).
 * Small: n = 64, 1 round. */
#include "rt.h"

#define N_MAX 65536
static u32 a[N_MAX], b[N_MAX], c[N_MAX];
static u64 q[N_MAX];
static u8 bytes[N_MAX];

/* Keep a value in a register across iterations without emitting code: stops the compiler from
 * folding an affine loop into its closed form itself. */
#define OPAQUE(v) __asm__ volatile("" : "+r"(v))

__attribute__((noinline)) static u64 affine(u64 n)
{
    u64 x = 1, y = 7;
    for (u64 i = 0; i < n; i++) {
        x += 3;
        y -= 5;
        OPAQUE(x);
        OPAQUE(y);
    }
    return x ^ y;
}

__attribute__((noinline)) static u32 affine_down(u32 n)
{
    u32 x = 0;
    do {
        x += 11;
        OPAQUE(x);
    } while (--n);
    return x;
}

__attribute__((noinline)) static void scale(u32 *restrict d, const u32 *restrict s, long n, u32 k)
{
    for (long i = 0; i < n; i++)
        d[i] = s[i] * 3 + k;
}

__attribute__((noinline)) static void mix(u32 *d, const u32 *x, const u32 *y, long n)
{
    for (long i = 0; i < n; i++)
        d[i] = (x[i] ^ y[i]) + (x[i] >> 3);
}

__attribute__((noinline)) static void widen(u64 *d, const u8 *s, long n)
{
    for (long i = 0; i < n; i++)
        d[i] = (u64)s[i] << 7 | 1;
}

__attribute__((noinline)) static u32 sum32(const u32 *x, long n)
{
    u32 s = 0;
    for (long i = 0; i < n; i++)
        s += x[i];
    return s;
}

__attribute__((noinline)) static u64 xor64(const u64 *x, long n)
{
    u64 s = 0;
    for (long i = 0; i < n; i++)
        s ^= x[i];
    return s;
}

__attribute__((noinline)) static u32 or32(const u32 *x, long n)
{
    u32 s = 0;
    for (long i = 0; i < n; i++)
        s |= x[i];
    return s;
}

__attribute__((noinline)) static u32 and32(const u32 *x, long n)
{
    u32 s = ~0u;
    for (long i = 0; i < n; i++)
        s &= x[i] | 0x10101;
    return s;
}

__attribute__((noinline)) static u32 max32(const u32 *x, long n)
{
    u32 m = 0;
    for (long i = 0; i < n; i++)
        m = x[i] > m ? x[i] : m;
    return m;
}

__attribute__((noinline)) static i32 min32s(const u32 *x, long n)
{
    i32 m = 0x7fffffff;
    for (long i = 0; i < n; i++)
        m = (i32)x[i] < m ? (i32)x[i] : m;
    return m;
}

/* 32-bit indices, as clang compiles `unsigned` loops: register offsets with UXTW (and, unrolled,
 * a second index `add w8, w1, #1`), or the index zero-extended and scaled by hand (`mov w8, w2;
 * lsl x8, x8, #2`). */
__attribute__((noinline)) static u32 sum_range(const u32 *x, u32 lo, u32 hi)
{
    u32 s = 0;
    for (u32 i = lo; i != hi; i++)
        s += x[i];
    return s;
}

__attribute__((noinline)) static void map_range(u32 *d, const u32 *s, u32 lo, u32 hi, u32 k)
{
    for (u32 i = lo; i != hi; i++)
        d[i] = (s[i] ^ k) + i;
}

/* Traps that must run sequentially. A prefix sum through memory (volatile, so the compiler
 * cannot carry x[i - 1] in a register): each iteration loads what the previous one stored. */
__attribute__((noinline)) static void prefix(u32 *x, long n)
{
    volatile u32 *v = x;
    for (long i = 1; i < n; i++)
        v[i] = v[i] + v[i - 1];
}

/* Overlapping source and destination, hidden from the compiler: refused at run time. */
__attribute__((noinline)) static void shift_up(u32 *d, const u32 *s, long n)
{
    OPAQUE(d);
    OPAQUE(s);
    for (long i = 0; i < n; i++)
        d[i] = s[i] * 5 + 1;
}

int main(int argc, char **argv)
{
    long n = rt_size(argc, argv, 64, 4096, N_MAX);
    long reps = rt_size(argc, argv, 1, 2, 160);
    u32 seed = 0x12345678u;
    for (long i = 0; i < N_MAX; i++) {
        seed = seed * 1103515245u + 12345u;
        a[i] = seed;
        b[i] = seed >> 7;
        bytes[i] = (u8)(seed >> 13);
    }
    u64 h = 0;
    for (long r = 0; r < reps; r++) {
        h = h * 31 + affine((u64)n * 4 + (u64)r);
        h = h * 31 + affine_down((u32)n + (u32)r);
        scale(c, a, n, (u32)r);
        h = h * 31 + sum32(c, n);
        mix(c, a, b, n);
        h = h * 31 + xor64((const u64 *)c, n / 2);
        widen(q, bytes, n);
        h = h * 31 + xor64(q, n);
        h = h * 31 + or32(b, n) + and32(a, n);
        h = h * 31 + max32(a, n) + (u32)min32s(b, n);
        map_range(c, b, (u32)r & 7, (u32)n, (u32)r);
        h = h * 31 + sum_range(c, (u32)r % 3, (u32)n - (u32)r % 5);
    }
    printf("classes: %016lx\n", h);
    prefix(c, n);
    printf("prefix: %08x %08x\n", c[n / 2], c[n - 1]);
    shift_up(c + 1, c, n - 1);
    printf("overlap: %08x %08x\n", c[n / 2], c[n - 1]);
    printf("zero trip: %08x %lx, one trip: %08x\n", sum32(a, 0), affine(0), affine_down(1));
    return 0;
}
