/* bitops: bit manipulation the compiler maps to single A64 instructions or short idioms:
 * clz/cls, rbit, rev/rev16/rev32, rotates (ror), bitfield extract and insert (ubfx/sbfx/bfi),
 * population count (SWAR here; the .fp build may use the SIMD cnt), and logical immediates.
 * ~66 instructions per round.
 * Test: 20,000 rounds (~1.3M instructions). Bench: 2,500,000 (~165M).
 * Small (argument "small", for the GPU engine tests): 200 rounds.
 */
#include "rt.h"

static u64 rotr(u64 x, unsigned r) { return (x >> (r & 63)) | (x << ((64 - r) & 63)); }
static u32 rotr32(u32 x, unsigned r) { return (x >> (r & 31)) | (x << ((32 - r) & 31)); }

/* Bit reversal written out, checked against __builtin_bitreverse64 (rbit). */
static u64 reverse_bits(u64 x)
{
    x = ((x >> 1) & 0x5555555555555555ul) | ((x & 0x5555555555555555ul) << 1);
    x = ((x >> 2) & 0x3333333333333333ul) | ((x & 0x3333333333333333ul) << 2);
    x = ((x >> 4) & 0x0F0F0F0F0F0F0F0Ful) | ((x & 0x0F0F0F0F0F0F0F0Ful) << 4);
    return __builtin_bswap64(x);
}

/* Kernighan's loop, checked against __builtin_popcountll. clang recognizes the idiom and emits its
 * own popcount sequence (SWAR with -mgeneral-regs-only, SIMD cnt otherwise). */
static int popcount_loop(u64 x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

int main(int argc, char **argv)
{
    u64 rounds = rt_size(argc, argv, 200, 20000, 2500000);
    u64 x = 0x0123456789ABCDEFul, acc = 0, bad = 0;
    for (u64 r = 0; r < rounds; r++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        u64 y = x >> (r & 31); /* sparser values reach the clz edge cases */
        acc += (u64)(y ? __builtin_clzll(y) : 64);
        acc += (u64)(y ? __builtin_ctzll(y) : 64);
        acc += (u64)__builtin_clrsbll((i64)x);                 /* cls */
        acc ^= rotr(x, (unsigned)r) + rotr32((u32)x, (unsigned)(r >> 3));
        acc += __builtin_bswap32((u32)x) + __builtin_bswap16((unsigned short)x);
        acc ^= (x >> 17) & 0x1fff;                             /* ubfx */
        acc += (u64)(((i64)(x << 20)) >> 44);                  /* sbfx */
        acc = (acc & ~(0xfful << 24)) | ((x & 0xff) << 24);   /* bfi */
        acc ^= x & 0x00ff00ff00ff00fful;                       /* logical immediate */
        u64 rb = reverse_bits(x);
        bad += rb != __builtin_bitreverse64(x);
        int pc = popcount_loop(y);
        bad += pc != __builtin_popcountll(y);
        acc += (u64)pc * r;
    }
    printf("rounds=%lu acc=%016lx last=%016lx rbit(last)=%016lx\n", rounds, acc, x,
           reverse_bits(x));
    printf("clz(1)=%d ctz(1<<40)=%d cls(-1)=%d popcount(~0)=%d\n", __builtin_clzll(1ul),
           __builtin_ctzll(1ul << 40), __builtin_clrsbll(-1l), popcount_loop(~0ul));
    printf("mismatches=%lu\n", bad);
    return bad ? 1 : 0;
}
