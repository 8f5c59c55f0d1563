/* test_fp_fast.c: the CPU engine's host-FP fast path (emu/cpu/cpu_fp_fast.c) against the exact
 * semantics (emu/exec/exec_fp.h, itself held against Unicorn by test_fp): whenever the fast path
 * takes an operation, its result bits and FPSR flags must be exec_fp.h's, under any FPCR.
 *
 * Operands are biased to where host and Arm could part: exact and inexact results, sums that
 * cancel, products and quotients at the edges of overflow and underflow, subnormals, zeros,
 * infinities and NaNs, in single and double. The test also fails if the fast path takes too
 * few of the plain cases, so it cannot pass by declining everything.
 * TEMU_FP_TRIALS sets the number of trials, TEMU_SEED replays a run. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_rand.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cpu_fp_fast.h"
#include "exec_fp.h"

static uint64_t rng;

static uint64_t rnd(void)
{
    return test_rand_next(&rng);
}

/* A value of n bits: mostly normal numbers with short or full significands (so products and
 * quotients are sometimes exact) and exponents anywhere or near the ends, sometimes a special. */
static uint64_t operand(int n)
{
    int f = n == 64 ? 52 : 23;
    uint64_t emax = n == 64 ? 0x7ff : 0xff, bias = emax >> 1, sign = (rnd() & 1) << (n - 1);
    uint64_t frac = rnd() & ((UINT64_C(1) << f) - 1), e;
    switch (rnd() % 10) {
    case 0: return sign | (rnd() % 4 == 0 ? emax << f | (rnd() % 2 ? frac : 0) : 0); /* zero, inf, NaN */
    case 1: return sign | (frac ? frac : 1);                                           /* subnormal */
    case 2: frac &= ~((UINT64_C(1) << (f - 4)) - 1); /* four significant fraction bits */
        /* fall through */
    case 3: e = bias + rnd() % 8 - 4; break;                                           /* near 1 */
    case 4: e = 1 + rnd() % 4; break;                                                  /* near the smallest normal */
    case 5: e = emax - 1 - rnd() % 4; break;                                           /* near overflow */
    default: e = 1 + rnd() % (emax - 1); break;
    }
    return sign | e << f | frac;
}

static const char *const kind_names[] = {"add", "sub", "mul", "div", "sqrt"};

static uint64_t exact(uint32_t kind, int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t *fpsr)
{
    switch (kind) {
    case CPU_FP_ADD: return exec_fp_add(n, a, b, fpcr, fpsr);
    case CPU_FP_SUB: return exec_fp_sub(n, a, b, fpcr, fpsr);
    case CPU_FP_MUL: return exec_fp_mul(n, a, b, fpcr, fpsr);
    case CPU_FP_DIV: return exec_fp_div(n, a, b, fpcr, fpsr);
    default: return exec_fp_sqrt(n, a, fpcr, fpsr);
    }
}

static void test_fast_path_is_exact(void **state)
{
    (void)state;
    const char *seed_env = getenv("TEMU_SEED"), *trials_env = getenv("TEMU_FP_TRIALS");
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 0) : (uint64_t)time(NULL);
    long trials = trials_env ? strtol(trials_env, NULL, 0) : 2000000;
    rng = seed;
    long taken = 0, plain = 0, inexact = 0, compares = 0;
    for (long i = 0; i < trials; i++) {
        int n = rnd() % 2 ? 64 : 32;
        uint32_t kind = (uint32_t)(rnd() % 5);
        uint32_t fpcr = rnd() % 2 ? 0 : (uint32_t)(rnd() & 0x07c80000u); /* RMode, FZ, DN, AHP, FZ16 */
        uint64_t a = operand(n), b = operand(n);
        if (kind == CPU_FP_ADD && rnd() % 4 == 0)
            b = a ^ (UINT64_C(1) << (n - 1)) ^ (rnd() % 8); /* near cancellation */
        uint32_t fast_fpsr = 0x10u * (uint32_t)(rnd() % 2), exact_fpsr = fast_fpsr; /* IXC already set or not */
        uint64_t r = 0, want = exact(kind, n, a, b, fpcr, &exact_fpsr);
        plain += fpcr == 0;
        if (cpu_fp_fast(kind, n, a, b, fpcr, &r, &fast_fpsr)) {
            taken++;
            inexact += (exact_fpsr & EXEC_FP_IXC) != 0;
            if (r != want || fast_fpsr != exact_fpsr) {
                print_error("seed %" PRIu64 ": %s%d(%#" PRIx64 ", %#" PRIx64 ") fpcr %#x: fast %#" PRIx64
                            " fpsr %#x, exact %#" PRIx64 " fpsr %#x\n", seed, kind_names[kind], n, a, b, fpcr, r,
                            fast_fpsr, want, exact_fpsr);
                fail();
            }
        }
        uint32_t nzcv = 0, cmp_fpsr = 0, want_nzcv = exec_fp_compare(n, a, b, rnd() % 2, fpcr, &cmp_fpsr);
        if (cpu_fp_fast_compare(n, a, b, &nzcv)) {
            compares++;
            if (nzcv != want_nzcv || cmp_fpsr != 0) {
                print_error("seed %" PRIu64 ": fcmp%d(%#" PRIx64 ", %#" PRIx64 "): fast %#x, exact %#x fpsr %#x\n",
                            seed, n, a, b, nzcv, want_nzcv, cmp_fpsr);
                fail();
            }
        }
    }
    print_message("fp fast path: seed %" PRIu64 ", %ld of %ld operations taken (%ld inexact), %ld compares\n", seed,
                  taken, trials, inexact, compares);
    /* Under FPCR 0 most operand pairs are plain: the path must take a good share of them, and
     * meet inexact and exact results both. */
    assert_true(taken > plain / 4);
    assert_true(inexact > taken / 8 && inexact < taken - taken / 16);
    assert_true(compares > trials / 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_path_is_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
