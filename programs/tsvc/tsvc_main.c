/* tsvc_main.c: the loop corpus's driver (see tsvc.h).
 *
 *   tsvc_int.clang.elf [KERNEL|all|list] [test|small|bench]
 *
 * KERNEL runs that kernel alone, `all` (the default) every kernel in table order, `list` prints
 * "NAME CATEGORY" per kernel. Sizes: test (default) n = 2999, 37 x 37 for the 2D kernels, 2
 * repetitions; small n = 131, 11 x 11, 1 repetition (the GPU engines); bench n = 32000, 256 x 256,
 * the kernel's own repetition count (about 0.05-0.3 s each on temu's CPU engine). Before each
 * kernel every array is set up from the same seed, so a kernel's line is the same alone and in
 * `all`. Exit 0, or 2 for an unknown kernel or size.
 *
 * Always compiled with -mgeneral-regs-only: only the kernels decide whether a binary uses FP. */
#include "tsvc.h"

long tsvc_one = 1, tsvc_two = 2, tsvc_three = 3;

u64 tsvc_mix(u64 h, u64 v)
{
    h ^= v;
    h *= 0x100000001b3ul;
    return h ^ (h >> 29);
}

/* Sum of p[i] * (2i + 1): an odd weight is invertible modulo 2^64, so a change in any one element
 * changes the sum, and a swapped pair shows too. */
#define HASH_FN(name, type)                                                                        \
    u64 name(u64 h, const type *p, long n)                                                         \
    {                                                                                              \
        u64 s = 0;                                                                                 \
        for (long i = 0; i < n; i++)                                                               \
            s += p[i] * (2 * (u64)i + 1);                                                          \
        return tsvc_mix(h, s);                                                                     \
    }
HASH_FN(tsvc_hash_u8, u8)
HASH_FN(tsvc_hash_u16, u16)
HASH_FN(tsvc_hash_u32, u32)
HASH_FN(tsvc_hash_u64, u64)

static void run(const struct tsvc_kernel *k, long n, long n2, int reps)
{
    tsvc_init(n, n2);
    u64 r = 0;
    for (int i = 0; i < reps; i++)
        r = tsvc_mix(r, k->fn(k->dim2 ? n2 : n));
    printf("%s %016lx\n", k->name, tsvc_mix(tsvc_hash(n, n2), r));
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "all";
    const char *size = argc > 2 ? argv[2] : "test";
    long n, n2;
    int reps; /* 0: the kernel's bench count */
    if (strcmp(size, "test") == 0)
        n = 2999, n2 = 37, reps = 2;
    else if (strcmp(size, "small") == 0)
        n = 131, n2 = 11, reps = 1;
    else if (strcmp(size, "bench") == 0)
        n = LEN, n2 = LEN2, reps = 0;
    else {
        printf("unknown size %s (test, small or bench)\n", size);
        return 2;
    }
    int all = strcmp(which, "all") == 0, list = strcmp(which, "list") == 0, found = 0;
    for (int i = 0; i < tsvc_count; i++) {
        const struct tsvc_kernel *k = &tsvc_kernels[i];
        if (list)
            printf("%s %s\n", k->name, k->category);
        else if (all || strcmp(which, k->name) == 0) {
            run(k, n, n2, reps ? reps : k->reps);
            found = 1;
        }
    }
    if (!list && !found) {
        printf("unknown kernel %s (`list` names them)\n", which);
        return 2;
    }
    return 0;
}
