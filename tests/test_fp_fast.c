/* test_fp_fast.c: the CPU engine's host-FP fast path (emu/cpu/cpu_fp_fast.c) against the exact
 * semantics (emu/exec/exec_fp.h, itself held against Unicorn by test_fp): whenever the fast path
 * takes an operation, its result bits and FPSR flags must be exec_fp.h's, under any FPCR. Three
 * cases: the two-operand operations and FCMP, the fused FMADD/FMSUB/FNMADD/FNMSUB, and the vector
 * forms (FADD FSUB FMUL FDIV FMLA FMLS on 2S, 4S, 2D), whose flags are the OR over elements.
 *
 * Operands are biased to where host and Arm could part: exact and inexact results, sums and fused
 * sums that cancel (exactly, or to a few ulps), products and quotients at the edges of overflow
 * and underflow and just below the smallest normal, subnormals, signed zeros, infinities and
 * NaNs, in single and double. Each case also fails if the fast path declines a plain operation
 * (round to nearest, normal operands of middling exponents), so it cannot pass by declining
 * everything. TEMU_FP_TRIALS sets the number of trials, TEMU_SEED replays a run. */
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
    switch (rnd() % 12) {
    case 0: return sign | (rnd() % 4 == 0 ? emax << f | (rnd() % 2 ? frac : 0) : 0); /* zero, inf, NaN */
    case 1: return sign | (frac ? frac : 1);                                           /* subnormal */
    case 2: frac &= ~((UINT64_C(1) << (f - 4)) - 1); /* four significant fraction bits */
        /* fall through */
    case 3: e = bias + rnd() % 8 - 4; break;                                           /* near 1 */
    case 4: e = 1 + rnd() % 4; break;                                                  /* near the smallest normal */
    case 5: e = emax - 1 - rnd() % 4; break;                                           /* near overflow */
    case 6: /* beside 1: 1 + k ulps or 1 - k ulps, so products land a few ulps from a power of two */
        if (rnd() % 2)
            return sign | bias << f | rnd() % 4;
        return sign | (bias - 1) << f | (((UINT64_C(1) << f) - 1) - rnd() % 4);
    case 7: return sign | (1 + rnd() % 2) << f | rnd() % 4;                            /* the smallest normals */
    default: e = 1 + rnd() % (emax - 1); break;
    }
    return sign | e << f | frac;
}

/* A plain operand: normal, exponent within an eighth of the range of 1's, so that no sum, product,
 * quotient or fused result of such operands overflows or comes near the subnormals. */
static int middle(int n, uint64_t x)
{
    int f = n == 64 ? 52 : 23;
    int64_t emax = n == 64 ? 0x7ff : 0xff, e = (int64_t)(x >> f) & emax;
    return e != 0 && (e - emax / 2 < emax / 8 && emax / 2 - e < emax / 8);
}

static uint64_t seed_of_run(void)
{
    const char *seed_env = getenv("TEMU_SEED");
    return seed_env ? strtoull(seed_env, NULL, 0) : (uint64_t)time(NULL);
}

static long trials_of_run(long dflt)
{
    const char *trials_env = getenv("TEMU_FP_TRIALS");
    return trials_env ? strtol(trials_env, NULL, 0) : dflt;
}

/* A random FPCR: half the time 0, else RMode, FZ, DN, AHP, FZ16 at random. */
static uint32_t random_fpcr(void)
{
    return rnd() % 2 ? 0 : (uint32_t)(rnd() & 0x07c80000u);
}

static const char *const kind_names[] = {"add", "sub", "mul", "div", "sqrt", "mla", "mls"};

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

/* One two-operand case: if the fast path takes it, it must be exact. Returns whether taken; counts
 * inexact results into *inexact. */
static int check_op(uint64_t seed, uint32_t kind, int n, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t fpsr,
                    long *inexact)
{
    uint32_t fast_fpsr = fpsr, exact_fpsr = fpsr;
    uint64_t r = 0, want = exact(kind, n, a, b, fpcr, &exact_fpsr);
    if (!cpu_fp_fast(kind, n, a, b, fpcr, &r, &fast_fpsr))
        return 0;
    *inexact += (exact_fpsr & EXEC_FP_IXC) != 0;
    if (r != want || fast_fpsr != exact_fpsr) {
        print_error("seed %" PRIu64 ": %s%d(%#" PRIx64 ", %#" PRIx64 ") fpcr %#x: fast %#" PRIx64
                    " fpsr %#x, exact %#" PRIx64 " fpsr %#x\n", seed, kind_names[kind], n, a, b, fpcr, r, fast_fpsr,
                    want, exact_fpsr);
        fail();
    }
    return 1;
}

/* Results rounded up from below the smallest normal to it: Arm raises UFC there (FZ: flushes to
 * zero), which the host's result does not show, so the path must decline them. */
static void test_rounded_up_to_smallest_normal(void **state)
{
    (void)state;
    long inexact = 0;
    const uint64_t below_one64 = 0x3fefffffffffffffu, min64 = 0x0010000000000000u;
    const uint64_t below_one32 = 0x3f7fffffu, min32 = 0x00800000u;
    for (uint32_t fpcr = 0; fpcr <= 0x01000000u; fpcr += 0x01000000u) { /* FZ off and on */
        check_op(0, CPU_FP_MUL, 64, below_one64, min64, fpcr, 0, &inexact);
        check_op(0, CPU_FP_MUL, 32, below_one32, min32, fpcr, 0, &inexact);
        check_op(0, CPU_FP_DIV, 64, min64, 0x3ff0000000000001u, fpcr, 0, &inexact);
        check_op(0, CPU_FP_DIV, 32, min32, 0x3f800001u, fpcr, 0, &inexact);
        uint64_t r = 0;
        uint32_t fast_fpsr = 0, exact_fpsr = 0;
        uint64_t want = exec_fp_muladd(64, 0, below_one64, min64, fpcr, &exact_fpsr);
        if (cpu_fp_fast_muladd(64, 0, below_one64, min64, fpcr, &r, &fast_fpsr))
            assert_true(r == want && fast_fpsr == exact_fpsr);
    }
}

static void test_fast_path_is_exact(void **state)
{
    (void)state;
    uint64_t seed = seed_of_run();
    long trials = trials_of_run(2000000);
    rng = seed;
    long taken = 0, plain = 0, inexact = 0, compares = 0, middles = 0, middles_taken = 0;
    for (long i = 0; i < trials; i++) {
        int n = rnd() % 2 ? 64 : 32;
        uint32_t kind = (uint32_t)(rnd() % 5), fpcr = random_fpcr();
        uint64_t a = operand(n), b = operand(n);
        if (kind == CPU_FP_ADD && rnd() % 4 == 0)
            b = a ^ (UINT64_C(1) << (n - 1)) ^ (rnd() % 8); /* near cancellation */
        uint32_t fpsr = 0x10u * (uint32_t)(rnd() % 2); /* IXC already set or not */
        int t = check_op(seed, kind, n, a, b, fpcr, fpsr, &inexact);
        taken += t;
        plain += fpcr == 0;
        /* plain: round to nearest, middling operands (and no square root of a negative) */
        if (exec_fp_rmode(fpcr) == EXEC_FP_RN && middle(n, a) && middle(n, b) &&
            !(kind == CPU_FP_SQRT && a >> (n - 1))) {
            middles++;
            middles_taken += t;
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
    print_message("fp fast path: seed %" PRIu64 ", %ld of %ld operations taken (%ld inexact), %ld compares, "
                  "%ld of %ld plain\n", seed, taken, trials, inexact, compares, middles_taken, middles);
    /* Under FPCR 0 most operand pairs are plain: the path must take a good share of them, every
     * plain one, and meet inexact and exact results both. */
    assert_true(taken > plain / 4);
    assert_int_equal(middles_taken, middles);
    assert_true(inexact > taken / 8 && inexact < taken - taken / 16);
    assert_true(compares > trials / 4);
}

/* The fused forms as A64 has them: which operands FPNeg flips before FPMulAdd (as cpu_simd.c's
 * table of them), and exec_fp.h's own function for each. */
typedef uint64_t (*fused_fn)(int, uint64_t, uint64_t, uint64_t, uint32_t, uint32_t *);
static const struct {
    const char *name;
    int neg_n, neg_a;
    fused_fn exact;
} fused[] = {
    {"fmadd", 0, 0, exec_fp_fmadd},
    {"fmsub", 1, 0, exec_fp_fmsub},
    {"fnmadd", 1, 1, exec_fp_fnmadd},
    {"fnmsub", 0, 1, exec_fp_fnmsub},
};

/* An addend for rn * rm: any operand, a zero, or minus the product rounded (exec_fp.h, round to
 * nearest) and moved a few ulps, so the fused sum cancels to zero, to a few ulps, or to its
 * rounding error; sometimes with a short significand, so that the sum is exact. */
static uint64_t addend(int n, uint64_t rn, uint64_t rm)
{
    uint32_t ignored = 0;
    uint64_t sign = UINT64_C(1) << (n - 1), p = exec_fp_mul(n, rn, rm, 0, &ignored);
    switch (rnd() % 6) {
    case 0: return rnd() % 2 ? sign : 0;
    case 1: return p ^ sign;
    case 2: return (p ^ sign) + rnd() % 5 - 2;
    case 3: return (p ^ sign) & ~((UINT64_C(1) << (n == 64 ? 40 : 12)) - 1); /* short */
    default: return operand(n);
    }
}

static void test_fused_is_exact(void **state)
{
    (void)state;
    uint64_t seed = seed_of_run();
    long trials = trials_of_run(2000000);
    rng = seed ^ 0x5eed;
    long taken = 0, inexact = 0, zeros = 0, middles = 0, middles_taken = 0;
    for (long i = 0; i < trials; i++) {
        int n = rnd() % 2 ? 64 : 32, form = (int)(rnd() % 4);
        uint64_t sign = UINT64_C(1) << (n - 1), mask = n == 64 ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1;
        uint32_t fpcr = random_fpcr();
        uint64_t rn = operand(n), rm = rnd() % 16 ? operand(n) : rnd() % 2 ? sign : 0, ra = addend(n, rn, rm) & mask;
        uint32_t fast_fpsr = 0x10u * (uint32_t)(rnd() % 2), exact_fpsr = fast_fpsr;
        uint64_t want = fused[form].exact(n, rn, rm, ra, fpcr, &exact_fpsr), r = 0;
        int t = cpu_fp_fast_muladd(n, ra ^ (fused[form].neg_a ? sign : 0), rn ^ (fused[form].neg_n ? sign : 0), rm,
                                   fpcr, &r, &fast_fpsr);
        if (t) {
            taken++;
            inexact += (exact_fpsr & EXEC_FP_IXC) != 0;
            zeros += (want & ~sign) == 0;
            if (r != want || fast_fpsr != exact_fpsr) {
                print_error("seed %" PRIu64 ": %s%d(%#" PRIx64 ", %#" PRIx64 ", %#" PRIx64 ") fpcr %#x: fast %#" PRIx64
                            " fpsr %#x, exact %#" PRIx64 " fpsr %#x\n", seed, fused[form].name, n, rn, rm, ra, fpcr,
                            r, fast_fpsr, want, exact_fpsr);
                fail();
            }
        }
        if (exec_fp_rmode(fpcr) == EXEC_FP_RN && middle(n, rn) && middle(n, rm) && middle(n, ra)) {
            middles++;
            middles_taken += t;
        }
    }
    print_message("fp fast path, fused: seed %" PRIu64 ", %ld of %ld taken (%ld inexact, %ld zero), %ld of %ld "
                  "plain\n", seed, taken, trials, inexact, zeros, middles_taken, middles);
    assert_int_equal(middles_taken, middles);
    assert_true(middles > trials / 50);
    assert_true(inexact > taken / 8 && inexact < taken - taken / 16);
    assert_true(zeros > taken / 100);
}

/* One element of a vector kind, exactly: MLS negates the Vn element (FPNeg) before FPMulAdd. */
static uint64_t exact_elem(uint32_t kind, int n, uint64_t a, uint64_t b, uint64_t d, uint32_t fpcr, uint32_t *fpsr)
{
    switch (kind) {
    case CPU_FP_MLA: return exec_fp_muladd(n, d, a, b, fpcr, fpsr);
    case CPU_FP_MLS: return exec_fp_muladd(n, d, exec_fp_neg(n, a), b, fpcr, fpsr);
    default: return exact(kind, n, a, b, fpcr, fpsr);
    }
}

static const uint32_t vector_kinds[] = {CPU_FP_ADD, CPU_FP_SUB, CPU_FP_MUL, CPU_FP_DIV, CPU_FP_MLA, CPU_FP_MLS,
                                        CPU_FP_SQRT};

/* The vector forms: taken only when every element is, then every element exact and the flags the
 * OR over elements; declined, nothing written. Elements are plain, with now and then one from the
 * whole edge-biased range, so that one element declining must stop the rest. */
static void test_vector_is_exact(void **state)
{
    (void)state;
    uint64_t seed = seed_of_run();
    long trials = trials_of_run(2000000) / 4;
    rng = seed ^ 0xfec;
    long taken = 0, middles = 0, middles_taken = 0, mixed = 0;
    for (long i = 0; i < trials; i++) {
        int n = rnd() % 2 ? 64 : 32, count = n == 64 ? 2 : rnd() % 2 ? 4 : 2;
        uint32_t kind = vector_kinds[rnd() % (sizeof vector_kinds / sizeof vector_kinds[0])], fpcr = random_fpcr();
        uint64_t a[4], b[4], d[4], r[4] = {1, 2, 3, 4}, want[4];
        int all_middle = 1;
        for (int k = 0; k < count; k++) {
            int edge = rnd() % 8 == 0;
            do {
                a[k] = operand(n);
                b[k] = operand(n);
            } while (!edge && !(middle(n, a[k]) && middle(n, b[k])));
            if (kind == CPU_FP_SQRT && rnd() % 8)
                a[k] &= ~(UINT64_C(1) << (n - 1)); /* mostly roots of positive numbers */
            d[k] = kind >= CPU_FP_MLA ? addend(n, a[k] ^ (kind == CPU_FP_MLS ? UINT64_C(1) << (n - 1) : 0), b[k])
                                      : 0;
            d[k] &= n == 64 ? ~UINT64_C(0) : 0xffffffffu;
            all_middle &= middle(n, a[k]) && middle(n, b[k]) && (kind < CPU_FP_MLA || middle(n, d[k])) &&
                          (kind != CPU_FP_SQRT || !(a[k] >> (n - 1) & 1)); /* a negative root is invalid */
        }
        uint32_t start = 0x10u * (uint32_t)(rnd() % 2), fast_fpsr = start, exact_fpsr = start;
        for (int k = 0; k < count; k++)
            want[k] = exact_elem(kind, n, a[k], b[k], d[k], fpcr, &exact_fpsr);
        int t = cpu_fp_fast_vector(kind, n, count, a, b, d, fpcr, r, &fast_fpsr);
        if (t) {
            taken++;
            mixed += exact_fpsr != start && (exact_fpsr & EXEC_FP_IXC) && count > 1;
            for (int k = 0; k < count; k++)
                if (r[k] != want[k] || fast_fpsr != exact_fpsr) {
                    print_error("seed %" PRIu64 ": vector %s%d element %d of %d (%#" PRIx64 ", %#" PRIx64
                                ", %#" PRIx64 ") fpcr %#x: fast %#" PRIx64 " fpsr %#x, exact %#" PRIx64 " fpsr %#x\n",
                                seed, kind_names[kind], n, k, count, a[k], b[k], d[k], fpcr, r[k], fast_fpsr, want[k],
                                exact_fpsr);
                    fail();
                }
        } else {
            assert_true(r[0] == 1 && r[1] == 2 && r[2] == 3 && r[3] == 4 && fast_fpsr == start);
        }
        if (exec_fp_rmode(fpcr) == EXEC_FP_RN && all_middle) {
            middles++;
            middles_taken += t;
        }
    }
    print_message("fp fast path, vector: seed %" PRIu64 ", %ld of %ld taken, %ld of %ld plain\n", seed, taken,
                  trials, middles_taken, middles);
    assert_int_equal(middles_taken, middles);
    assert_true(middles > trials / 4);
    assert_true(mixed > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rounded_up_to_smallest_normal),
        cmocka_unit_test(test_fast_path_is_exact),
        cmocka_unit_test(test_fused_is_exact),
        cmocka_unit_test(test_vector_is_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
