/* atomics: the LSE atomics and the RCpc loads, through the compiler's __atomic builtins built with
 * -march=armv8.1-a+rcpc (per-program flags in CMakeLists.txt): counters of every size (LDADD,
 * STADD), masks (LDCLR, LDSET, LDEOR), exchanges (SWP), maxima and minima both signed and unsigned
 * (LD{S,U}{MAX,MIN}, clang's __atomic_fetch_max/min), compare-and-swap loops (CAS of every size),
 * a 128-bit compare-and-swap (CASP), a test-and-set spinlock (SWPA, STLR), and in inline asm
 * what clang 14 does not choose (STADD-style forms, LDAPR: its acquire loads are LDAR), with
 * every memory order so that most A/L forms appear. Single-threaded, so each result
 * is also computed plainly and compared.
 * ~275 instructions per round.
 * Test: 4,000 rounds (~1.1M instructions). Bench: 400,000 (~109M).
 * Small (argument "small", for the GPU engine tests): 60 rounds (~24K).
 */
#include "rt.h"

typedef unsigned __int128 u128;

static u64 c64;
static u32 c32;
static unsigned short c16;
static unsigned char c8;
static u64 mask64;
static u32 mask32;
static i64 smax64, smin64;
static int smax32, smin32;
static signed char smax8;
static short smin16;
static u64 umax64;
static u32 umin32;
static unsigned short umax16;
static unsigned char umin8;
static u128 wide;
static int lock;
static u64 guarded;
static u64 st64;

static void spin_lock(int *l)
{
    while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
        ;
}

static void spin_unlock(int *l)
{
    __atomic_store_n(l, 0, __ATOMIC_RELEASE);
}

/* x = x * 3 + add by a compare-and-swap loop, at every size. */
#define CAS_LOOP(T, p, add, order)                                                               \
    do {                                                                                         \
        T old_ = __atomic_load_n(p, __ATOMIC_ACQUIRE), new_;                                     \
        do                                                                                       \
            new_ = (T)(old_ * 3u + (add));                                                       \
        while (!__atomic_compare_exchange_n(p, &old_, new_, 0, order, __ATOMIC_RELAXED));       \
    } while (0)

int main(int argc, char **argv)
{
    u64 rounds = rt_size(argc, argv, 60, 4000, 400000);
    u64 x = 0x9E3779B97F4A7C15ul, bad = 0, acc = 0;
    u64 p64 = 0, pm64 = 0, pw = 0, pst64 = 0;
    u32 p32 = 0, pm32 = 0;
    unsigned short p16 = 0;
    unsigned char p8 = 0;
    i64 psmax64 = 0, psmin64 = 0;
    int psmax32 = 0, psmin32 = 0;
    signed char psmax8 = 0;
    short psmin16 = 0;
    u64 pumax64 = 0;
    u32 pumin32 = ~0u;
    unsigned short pumax16 = 0;
    unsigned char pumin8 = 0xff;
    u128 pwide = 0;
    umin32 = ~0u;
    umin8 = 0xff;

    for (u64 r = 0; r < rounds; r++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        /* counters: fetch-add returns the old value (LDADD), a discarded one is STADD */
        acc += __atomic_fetch_add(&c64, x, __ATOMIC_RELAXED) ^ p64;
        p64 += x;
        __atomic_fetch_add(&c32, (u32)x, __ATOMIC_RELEASE);
        p32 += (u32)x;
        acc += __atomic_fetch_sub(&c16, (unsigned short)(x >> 16), __ATOMIC_ACQUIRE) ^ p16;
        p16 = (unsigned short)(p16 - (unsigned short)(x >> 16));
        acc += __atomic_add_fetch(&c8, (unsigned char)(x >> 24), __ATOMIC_SEQ_CST);
        p8 = (unsigned char)(p8 + (unsigned char)(x >> 24));
        bad += c8 != p8;
        /* masks */
        acc += __atomic_fetch_or(&mask64, x & 0x0101010101010101ul << (r & 7), __ATOMIC_ACQ_REL);
        pm64 |= x & 0x0101010101010101ul << (r & 7);
        __atomic_fetch_and(&mask64, ~(x & 0x8000000080000000ul), __ATOMIC_RELAXED);
        pm64 &= ~(x & 0x8000000080000000ul);
        acc += __atomic_fetch_xor(&mask32, (u32)(x >> 32), __ATOMIC_SEQ_CST);
        pm32 ^= (u32)(x >> 32);
        /* exchanges */
        acc += __atomic_exchange_n(&pw, x, __ATOMIC_ACQ_REL);
        /* maxima and minima, signed and unsigned, of sign-mixed values */
        i64 s = (i64)x >> (r & 15);
        __atomic_fetch_max(&smax64, s, __ATOMIC_RELAXED);
        psmax64 = s > psmax64 ? s : psmax64;
        acc += (u64)__atomic_fetch_min(&smin64, s, __ATOMIC_ACQUIRE);
        psmin64 = s < psmin64 ? s : psmin64;
        __atomic_fetch_max(&smax32, (int)s, __ATOMIC_RELEASE);
        psmax32 = (int)s > psmax32 ? (int)s : psmax32;
        acc += (u64)__atomic_fetch_min(&smin32, (int)(s >> 3), __ATOMIC_SEQ_CST);
        psmin32 = (int)(s >> 3) < psmin32 ? (int)(s >> 3) : psmin32;
        __atomic_fetch_max(&smax8, (signed char)(x >> 40), __ATOMIC_ACQ_REL);
        psmax8 = (signed char)(x >> 40) > psmax8 ? (signed char)(x >> 40) : psmax8;
        __atomic_fetch_min(&smin16, (short)(x >> 8), __ATOMIC_RELAXED);
        psmin16 = (short)(x >> 8) < psmin16 ? (short)(x >> 8) : psmin16;
        __atomic_fetch_max(&umax64, x >> (r & 3), __ATOMIC_RELAXED);
        pumax64 = (x >> (r & 3)) > pumax64 ? x >> (r & 3) : pumax64;
        acc += __atomic_fetch_min(&umin32, (u32)(x >> 5) | 0x1000, __ATOMIC_ACQUIRE);
        pumin32 = ((u32)(x >> 5) | 0x1000) < pumin32 ? (u32)(x >> 5) | 0x1000 : pumin32;
        __atomic_fetch_max(&umax16, (unsigned short)(x >> 48), __ATOMIC_RELEASE);
        pumax16 = (unsigned short)(x >> 48) > pumax16 ? (unsigned short)(x >> 48) : pumax16;
        __atomic_fetch_min(&umin8, (unsigned char)(x >> 56) | 1, __ATOMIC_SEQ_CST);
        pumin8 = ((unsigned char)(x >> 56) | 1) < pumin8 ? (unsigned char)(x >> 56) | 1 : pumin8;
        /* compare-and-swap loops (CAS) and a failing CAS that loads the current value */
        CAS_LOOP(u64, &c64, r, __ATOMIC_SEQ_CST);
        p64 = p64 * 3u + r;
        CAS_LOOP(u32, &c32, r, __ATOMIC_RELEASE);
        p32 = p32 * 3u + (u32)r;
        CAS_LOOP(unsigned short, &c16, r, __ATOMIC_ACQUIRE);
        p16 = (unsigned short)(p16 * 3u + r);
        CAS_LOOP(unsigned char, &c8, r, __ATOMIC_RELAXED);
        p8 = (unsigned char)(p8 * 3u + r);
        u64 expect = ~p64;
        bad += __atomic_compare_exchange_n(&c64, &expect, 0, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
        bad += expect != p64;
        /* 128 bits (CASP) */
        u128 wold = __atomic_load_n(&wide, __ATOMIC_RELAXED), wnew;
        do
            wnew = wold * 5u + ((u128)x << 64 | r);
        while (!__atomic_compare_exchange_n(&wide, &wold, wnew, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
        pwide = pwide * 5u + ((u128)x << 64 | r);
        /* what the compiler does not choose here: ST<op> forms and the RCpc loads */
        __asm__ volatile("staddl %1, [%0]" : : "r"(&st64), "r"(x) : "memory");
        pst64 += x;
        __asm__ volatile("stclrh %w1, [%0]" : : "r"(&c16), "r"((u32)x) : "memory");
        p16 &= (unsigned short)~x;
        u64 v64;
        u32 v8;
        __asm__ volatile("ldapr %0, [%1]" : "=r"(v64) : "r"(&c64) : "memory");
        __asm__ volatile("ldaprb %w0, [%1]" : "=r"(v8) : "r"(&c8) : "memory");
        bad += v64 != p64 || v8 != p8;
        /* a spinlock around plain data */
        spin_lock(&lock);
        guarded += r;
        spin_unlock(&lock);
        acc = acc * 31u + __atomic_load_n(&guarded, __ATOMIC_ACQUIRE);
    }
    bad += c64 != p64;
    bad += c32 != p32;
    bad += c16 != p16;
    bad += c8 != p8;
    bad += mask64 != pm64;
    bad += mask32 != pm32;
    bad += pw != x;
    bad += smax64 != psmax64 || smin64 != psmin64 || smax32 != psmax32 || smin32 != psmin32;
    bad += smax8 != psmax8 || smin16 != psmin16;
    bad += umax64 != pumax64 || umin32 != pumin32 || umax16 != pumax16 || umin8 != pumin8;
    bad += wide != pwide;
    bad += st64 != pst64;
    bad += lock != 0 || guarded != rounds * (rounds - 1) / 2;
    printf("rounds=%lu acc=%016lx c64=%016lx c32=%08x c16=%04x c8=%02x\n", rounds, acc, c64, c32, c16, c8);
    printf("masks=%016lx %08x max=%ld %d %d min=%ld %d %d\n", mask64, mask32, smax64, smax32, smax8, smin64,
           smin32, smin16);
    printf("umax=%016lx %04x umin=%08x %02x wide=%016lx%016lx\n", umax64, umax16, umin32, umin8,
           (u64)(wide >> 64), (u64)wide);
    printf("st64=%016lx guarded=%lu\n", st64, guarded);
    printf("mismatches=%lu\n", bad);
    return bad ? 1 : 0;
}
