/* muldiv: 64- and 32-bit multiply (low and high halves), multiply-add/subtract, signed and unsigned
 * division and remainder, on xorshift operands; divisors are forced non-zero and INT64_MIN / -1
 * avoided (both undefined in C). ~48 instructions per round.
 * Test: 30,000 rounds (~1.4M instructions). Bench: 3,000,000 rounds (~145M).
 * Small (argument "small", for the GPU engine tests): 300 rounds.
 */
#include "rt.h"

static u64 xs = 0x9E3779B97F4A7C15ul;
static u64 next(void)
{
    xs ^= xs << 13, xs ^= xs >> 7, xs ^= xs << 17;
    return xs;
}

int main(int argc, char **argv)
{
    u64 rounds = rt_size(argc, argv, 300, 30000, 3000000);
    u64 acc = 0, hi = 0, q = 0;
    for (u64 r = 0; r < rounds; r++) {
        u64 a = next(), b = next();
        u64 d = (b >> (a & 63)) | 1;               /* non-zero, of varying size */
        i64 sa = (i64)a, sd = (i64)(d >> 1) - (i64)(b & 0xffff); /* either sign */
        if (sd == 0 || sd == -1)
            sd = 3;
        hi += (u64)(((unsigned __int128)a * b) >> 64);    /* umulh */
        hi ^= (u64)(((__int128)sa * (i64)b) >> 64);       /* smulh */
        acc += a * b + (a >> 3) * (b | 5);                /* mul, madd */
        acc -= (u64)((u32)a * (u32)b);                    /* 32-bit mul */
        q += a / d + a % d;                               /* udiv, msub */
        q ^= (u64)(sa / sd) + (u64)(sa % sd);             /* sdiv with negative operands */
        i32 d32 = (i32)((b >> 40) | 2);                   /* never -1: no INT32_MIN / -1 */
        if (b & 1)
            d32 = -d32;
        q += (u32)a / ((u32)b | 1) + (u64)((i32)a / d32);
        acc += (u64)((i64)(i32)a * (i64)(i32)b);          /* smull */
        acc ^= (u64)(u32)a * (u64)(u32)(b >> 32);         /* umull */
    }
    printf("rounds=%lu acc=%016lx hi=%016lx q=%016lx\n", rounds, acc, hi, q);
    /* A few fixed cases whose results C fully defines: truncation toward zero. */
    volatile i64 m7 = -7, p2 = 2;
    printf("-7/2=%ld -7%%2=%ld 7/-2=%ld\n", m7 / p2, m7 % p2, -m7 / -p2);
    return 0;
}
