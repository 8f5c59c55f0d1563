/* tsvc.h: the loop corpus's harness, shared by its integer source (tsvc_int.c) and its floating-
 * point source (tsvc_fp.c). Each source holds its own arrays and a table of kernels; tsvc_main.c
 * parses the command line, sets the arrays up, runs the chosen kernels and prints one line each,
 * "NAME CHECKSUM". See tsvc_main.c for the command line and docs/loopvec.md for the corpus. */
#ifndef TSVC_H
#define TSVC_H

#include "rt.h"

typedef unsigned short u16;
typedef short i16;

/* Array sizes: LEN elements for the 1D arrays (the bench size, TSVC's LEN_1D), plus PAD so a
 * kernel may read a few elements past n; LEN2 x LEN2 for the 2D arrays. */
#define LEN 32000
#define PAD 64
#define LEN2 256

/* A kernel is a function of its own that the compiler may not inline, clone or specialise (gcc
 * would otherwise make `.constprop` copies whose addresses no longer belong to the named symbol):
 * the bench finds each kernel's loops by its symbol's address range. */
#if defined(__clang__)
#define KERNEL static __attribute__((noinline)) u64
#else
#define KERNEL static __attribute__((noipa)) u64
#endif

struct tsvc_kernel {
    const char *name;
    const char *category;  /* the TSVC category, as in docs/loopvec.md */
    u64 (*fn)(long n);     /* returns its scalar result (a reduction, an index) or 0 */
    int dim2;              /* 1: n is the side of the LEN2 x LEN2 arrays, not a 1D length */
    int reps;              /* repetitions at the bench size (the test size runs 2) */
};

/* Defined by each source. */
extern const struct tsvc_kernel tsvc_kernels[];
extern const int tsvc_count;
void tsvc_init(long n, long n2);  /* every array of the source, the same each time */
u64 tsvc_hash(long n, long n2);   /* every array of the source, folded */

/* Symbolic values the compiler cannot see through (TSVC passes them as arguments): set by main,
 * from no input, so they are known at run time only. */
extern long tsvc_one, tsvc_two, tsvc_three;

/* Deterministic data: element i of the array salted `salt`, a function of (salt, i) alone (a
 * splitmix64 step), so every array is set up by a loop without a carried state. */
static inline u64 tsvc_gen(u64 salt, long i)
{
    u64 x = (salt << 32 ^ (u64)i) * 0x9e3779b97f4a7c15ul;
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ul;
    return x ^ x >> 29;
}

/* tsvc_gen scaled to [lo, hi] (hi - lo < 2^32) */
static inline i64 tsvc_range(u64 salt, long i, i64 lo, i64 hi)
{
    return lo + (i64)(((tsvc_gen(salt, i) >> 32) * (u64)(hi - lo + 1)) >> 32);
}

/* Checksums: h folded with the elements of p[0..n), each weighted by its position. */
u64 tsvc_mix(u64 h, u64 v);
u64 tsvc_hash_u8(u64 h, const u8 *p, long n);
u64 tsvc_hash_u16(u64 h, const u16 *p, long n);
u64 tsvc_hash_u32(u64 h, const u32 *p, long n);
u64 tsvc_hash_u64(u64 h, const u64 *p, long n);

#endif
