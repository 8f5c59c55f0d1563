/* test_cpu_insn.c: the CPU engine, one test per instruction class, in Unicorn's manner: the raw
 * word with its assembly, registers in, registers and NZCV out. Single instructions run with
 * max_insns = 1 (so every case also checks the exact budget); programs end at `udf #0`, which
 * stops the run with EMU_UNDEF at a known pc. Then the engine's own behaviour: svc, UNDEF, faults
 * with nothing written back, fetch faults, the budget in the middle of a block, self-modifying
 * code, tracing, and the countdown loop's speed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "a64_decode.h"
#include "emu_cpu.h"
#include "emu_hwcap.h"
#include "emu_proc.h"

#define MEM_SIZE (16ull << 20)
#define CODE 0x10000ull  /* 16 KiB, RWX */
#define DATA 0x20000ull  /* 64 KiB, RW */
#define NOWHERE 0x100000ull /* unmapped */
#define SENTINEL 0xdeadbeefcafef00dull
#define UDF 0x00000000u

struct fix {
    struct emu_proc p;
    struct emu_cpu *c;
};

static int setup(void **state)
{
    struct fix *f = calloc(1, sizeof *f);
    if (!f || emu_proc_init(&f->p, MEM_SIZE))
        return -1;
    f->c = emu_cpu_new();
    if (!f->c)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fix *f = *state;
    emu_cpu_free(f->c);
    emu_proc_free(&f->p);
    free(f);
    return 0;
}

/* Fresh code and data pages (remapping clears any decoded-code marks), `n` words at CODE, a zeroed
 * register file with sp in the data region, pc at CODE. */
static void load(struct fix *f, const uint32_t *w, size_t n)
{
    struct emu_proc *p = &f->p;
    assert_int_equal(emu_mem_map(&p->mem, CODE, 0x4000, EMU_PERM_RWX), 0);
    assert_int_equal(emu_mem_map(&p->mem, DATA, 0x10000, EMU_PERM_R | EMU_PERM_W), 0);
    assert_int_equal(emu_mem_poke(&p->mem, CODE, w, n * 4), 0);
    memset(&p->st, 0, sizeof p->st);
    p->st.x[31] = DATA + 0x100;
    p->st.pc = CODE;
    memset(&p->stats, 0, sizeof p->stats);
}

/* One instruction: x0 gets `x0`, x1..x3 the inputs, then exactly one instruction runs. */
struct reg_case {
    uint32_t word;
    const char *text;
    uint64_t x0, x1, x2, x3;
    uint32_t nzcv_in;
    uint64_t x0_out;
    uint32_t nzcv_out;
};

static void run_cases(void **state, const struct reg_case *cs, size_t n)
{
    struct fix *f = *state;
    for (size_t i = 0; i < n; i++) {
        const struct reg_case *k = &cs[i];
        uint32_t w[2] = {k->word, UDF};
        load(f, w, 2);
        f->p.st.x[0] = k->x0;
        f->p.st.x[1] = k->x1;
        f->p.st.x[2] = k->x2;
        f->p.st.x[3] = k->x3;
        f->p.st.nzcv = k->nzcv_in;
        enum emu_status s = emu_cpu_run(f->c, &f->p, 1);
        if (s != EMU_LIMIT || f->p.st.x[0] != k->x0_out || f->p.st.nzcv != k->nzcv_out ||
            f->p.st.pc != CODE + 4)
            fail_msg("%s (0x%08x): status %d x0 0x%llx (want 0x%llx) nzcv 0x%llx (want 0x%x)", k->text,
                     k->word, s, (unsigned long long)f->p.st.x[0], (unsigned long long)k->x0_out,
                     (unsigned long long)f->p.st.nzcv, k->nzcv_out);
        assert_int_equal(f->p.stats.instructions, 1);
        assert_int_equal(f->p.st.x[32], 0); /* ZR never written */
    }
}

#define RUN_CASES(cs) run_cases(state, cs, sizeof cs / sizeof cs[0])
#define NZ 0x60000000u
#define F_N 0x80000000u
#define F_Z 0x40000000u
#define F_C 0x20000000u
#define F_V 0x10000000u

static void test_addsub(void **state)
{
    static const struct reg_case cs[] = {
        {0xab020020, "adds x0, x1, x2", SENTINEL, 0x7fffffffffffffff, 1, 0, 0, 0x8000000000000000, F_N | F_V},
        {0xab020020, "adds x0, x1, x2", SENTINEL, ~0ull, 1, 0, 0, 0, F_Z | F_C},
        {0x2b020020, "adds w0, w1, w2", SENTINEL, ~0ull, 0x100000001, 0, 0, 0, F_Z | F_C},
        {0x2b020020, "adds w0, w1, w2", SENTINEL, 0x7fffffff, 1, 0, 0, 0x80000000, F_N | F_V},
        {0xeb020020, "subs x0, x1, x2", SENTINEL, 0, 1, 0, 0, ~0ull, F_N},
        {0xeb020020, "subs x0, x1, x2", SENTINEL, 5, 5, 0, 0, 0, F_Z | F_C},
        {0x6b020020, "subs w0, w1, w2", SENTINEL, 0x80000000, 1, 0, 0, 0x7fffffff, F_C | F_V},
        {0xeb020020, "subs x0, x1, x2", SENTINEL, 0x8000000000000000, 1, 0, 0, 0x7fffffffffffffff, F_C | F_V},
        {0xeb02003f, "cmp x1, x2", SENTINEL, 1, 2, 0, 0, SENTINEL, F_N},
        {0x2b02003f, "cmn w1, w2", SENTINEL, 0xffffffff, 1, 0, 0, SENTINEL, F_Z | F_C},
        {0xd1000420, "sub x0, x1, #1", SENTINEL, 0, 0, 0, 0xf0000000, ~0ull, 0xf0000000},
        {0x117ffc20, "add w0, w1, #4095, lsl #12", SENTINEL, 0xffffffff00000001, 0, 0, 0, 0xfff001, 0},
        {0xb1000420, "adds x0, x1, #1", SENTINEL, ~0ull, 0, 0, 0, 0, F_Z | F_C},
        {0x71000462, "subs w2, w3, #1 (x0 untouched)", SENTINEL, 0, 0, 0, 0, SENTINEL, F_N},
        {0x910043e0, "add x0, sp, #16", SENTINEL, 0, 0, 0, 0, DATA + 0x110, 0},
        {0x8b021020, "add x0, x1, x2, lsl #4", SENTINEL, 1, 0x1000000000000001, 0, 0, 0x11, 0},
        {0x4b821020, "sub w0, w1, w2, asr #4", SENTINEL, 0, 0x80000000, 0, 0, 0x08000000, 0},
        {0xcb0203e0, "neg x0, x2", SENTINEL, 0, 1, 0, 0, ~0ull, 0},
        {0x8b228820, "add x0, x1, w2, sxtb #2", SENTINEL, 100, 0xff, 0, 0, 96, 0},
        {0xcb2267e0, "sub x0, sp, x2, uxtx #1", SENTINEL, 0, 0x10, 0, 0, DATA + 0x100 - 0x20, 0},
        {0x2b222020, "adds w0, w1, w2, uxth", SENTINEL, 0xffff0001, 0x1ffff, 0, 0, 0, F_Z | F_C},
        {0xeb22c03f, "cmp x1, w2, sxtw", SENTINEL, 0, 0xffffffff, 0, F_Z, SENTINEL, 0},
    };
    RUN_CASES(cs);
}

static void test_adc_ccmp(void **state)
{
    static const struct reg_case cs[] = {
        {0x9a020020, "adc x0, x1, x2", SENTINEL, 1, 2, 0, F_C, 4, F_C},
        {0x3a020020, "adcs w0, w1, w2", SENTINEL, 0xffffffff, 0, 0, F_C, 0, F_Z | F_C},
        {0xda020020, "sbc x0, x1, x2", SENTINEL, 5, 3, 0, 0, 1, 0},
        {0xfa020020, "sbcs x0, x1, x2", SENTINEL, 0, 0, 0, 0, ~0ull, F_N},
        {0xfa020020, "sbcs x0, x1, x2", SENTINEL, 0, 0, 0, F_C, 0, F_Z | F_C},
        {0x5a0203e0, "ngc w0, w2", SENTINEL, 0, 0, 0, F_C, 0, F_C},
        {0xfa420024, "ccmp x1, x2, #4, eq (taken)", SENTINEL, 3, 3, 0, F_Z, SENTINEL, F_Z | F_C},
        {0xfa420024, "ccmp x1, x2, #4, eq (not taken)", SENTINEL, 3, 3, 0, 0, SENTINEL, F_Z},
        {0x3a431822, "ccmn w1, #3, #2, ne", SENTINEL, 0xfffffffd, 0, 0, 0, SENTINEL, F_Z | F_C},
        {0xfa5fa828, "ccmp x1, #31, #8, ge (not taken)", SENTINEL, 31, 0, 0, F_N | F_C, SENTINEL, F_N},
        {0xfa5fa828, "ccmp x1, #31, #8, ge (taken)", SENTINEL, 31, 0, 0, F_N | F_V, SENTINEL, F_Z | F_C},
    };
    RUN_CASES(cs);
}

static void test_logic(void **state)
{
    static const struct reg_case cs[] = {
        {0x92781c20, "and x0, x1, #0xff00", SENTINEL, 0x123456789abcdef0, 0, 0, 0, 0xde00, 0},
        {0x32010420, "orr w0, w1, #0x80000001", SENTINEL, 0xffffffff00000010, 0, 0, 0, 0x80000011, 0},
        {0xd200f020, "eor x0, x1, #0x5555555555555555", SENTINEL, ~0ull, 0, 0, 0, 0xaaaaaaaaaaaaaaaa, 0},
        {0x72010020, "ands w0, w1, #0x80000000", SENTINEL, 0x80000000, 0, 0, F_C | F_V, 0x80000000, F_N},
        {0x72010020, "ands w0, w1, #0x80000000", SENTINEL, 0x17fffffff, 0, 0, 0, 0, F_Z},
        {0xb2009fe0, "mov x0, #0x00ff00ff00ff00ff", SENTINEL, 0, 0, 0, 0, 0x00ff00ff00ff00ff, 0},
        {0x8a220020, "bic x0, x1, x2", SENTINEL, 0xff, 0x0f, 0, 0, 0xf0, 0},
        {0x2ae21020, "orn w0, w1, w2, ror #4", SENTINEL, 0, 0xf, 0, 0, 0x0fffffff, 0},
        {0xca62f020, "eon x0, x1, x2, lsr #60", SENTINEL, 0, 0xf000000000000000, 0, 0, 0xfffffffffffffff0, 0},
        {0xea220020, "bics x0, x1, x2", SENTINEL, 0xff, 0xff, 0, F_C | F_V, 0, F_Z},
        {0x2a2203e0, "mvn w0, w2", SENTINEL, 0, 0xffffffff00000000, 0, 0, 0xffffffff, 0},
    };
    RUN_CASES(cs);
}

static void test_movewide_pcrel(void **state)
{
    static const struct reg_case cs[] = {
        {0xd2c24680, "movz x0, #0x1234, lsl #32", SENTINEL, 0, 0, 0, 0, 0x0000123400000000, 0},
        {0x12800020, "movn w0, #1", SENTINEL, 0, 0, 0, 0, 0xfffffffe, 0},
        {0x92a00020, "movn x0, #1, lsl #16", SENTINEL, 0, 0, 0, 0, 0xfffffffffffeffff, 0},
        {0xf2f7dde0, "movk x0, #0xbeef, lsl #48", 0x1111222233334444, 0, 0, 0, 0, 0xbeef222233334444, 0},
        {0x72b7dde0, "movk w0, #0xbeef, lsl #16", 0x1111222233334444, 0, 0, 0, 0, 0xbeef4444, 0},
        {0x10000040, "adr x0, #8", SENTINEL, 0, 0, 0, 0, CODE + 8, 0},
        {0xb0000000, "adrp x0, #4096", SENTINEL, 0, 0, 0, 0, (CODE & ~0xfffull) + 4096, 0},
    };
    RUN_CASES(cs);
}

static void test_bitfield(void **state)
{
    static const struct reg_case cs[] = {
        {0xd37cec20, "lsl x0, x1, #4", SENTINEL, 0xf000000000000001, 0, 0, 0, 0x10, 0},
        {0x53047c20, "lsr w0, w1, #4", SENTINEL, 0xffffffff80000000, 0, 0, 0, 0x08000000, 0},
        {0x937cfc20, "asr x0, x1, #60", SENTINEL, 0x8000000000000000, 0, 0, 0, 0xfffffffffffffff8, 0},
        {0x13017c20, "asr w0, w1, #1", SENTINEL, 0x80000000, 0, 0, 0, 0xc0000000, 0},
        {0x93401c20, "sxtb x0, w1", SENTINEL, 0x80, 0, 0, 0, 0xffffffffffffff80, 0},
        {0x53003c20, "uxth w0, w1", SENTINEL, 0xffff12345678, 0, 0, 0, 0x5678, 0},
        {0x93407c20, "sxtw x0, w1", SENTINEL, 0x180000000, 0, 0, 0, 0xffffffff80000000, 0},
        {0xb3781c20, "bfi x0, x1, #8, #8", ~0ull, 0x12, 0, 0, 0, 0xffffffffffff12ff, 0},
        {0x33042c20, "bfxil w0, w1, #4, #8", ~0ull, 0xabc, 0, 0, 0, 0xffffffab, 0},
        {0x937c1c20, "sbfiz x0, x1, #4, #8", SENTINEL, 0x80, 0, 0, 0, 0xfffffffffffff800, 0},
        {0xd37cfc20, "lsr x0, x1, #60", SENTINEL, 0xf000000000000000, 0, 0, 0, 0xf, 0},
        {0x93c22020, "extr x0, x1, x2, #8", SENTINEL, 0x11, 0x2233445566778899, 0, 0, 0x1122334455667788, 0},
        {0x13812020, "ror w0, w1, #8", SENTINEL, 0x12345678, 0, 0, 0, 0x78123456, 0},
        {0x13041c20, "sbfx w0, w1, #4, #4", SENTINEL, 0x80, 0, 0, 0, 0xfffffff8, 0},
    };
    RUN_CASES(cs);
}

static void test_csel(void **state)
{
    static const struct reg_case cs[] = {
        {0x9a820020, "csel x0, x1, x2, eq", SENTINEL, 1, 2, 0, F_Z, 1, F_Z},
        {0x1a821420, "csinc w0, w1, w2, ne", SENTINEL, 1, 0xffffffff, 0, F_Z, 0, F_Z},
        {0xda82b020, "csinv x0, x1, x2, lt", SENTINEL, 7, 0, 0, F_N, 7, F_N},
        {0x5a828420, "csneg w0, w1, w2, hi", SENTINEL, 1, 5, 0, 0, 0xfffffffb, 0},
        {0x9a9f37e0, "cset x0, hs", SENTINEL, 0, 0, 0, F_C, 1, F_C},
    };
    RUN_CASES(cs);
}

static void test_dp1_dp2(void **state)
{
    static const struct reg_case cs[] = {
        {0xdac00020, "rbit x0, x1", SENTINEL, 1, 0, 0, 0, 0x8000000000000000, 0},
        {0x5ac00020, "rbit w0, w1", SENTINEL, 0xff00000001, 0, 0, 0, 0x80000000, 0},
        {0x5ac00420, "rev16 w0, w1", SENTINEL, 0x11223344, 0, 0, 0, 0x22114433, 0},
        {0xdac00820, "rev32 x0, x1", SENTINEL, 0x1122334455667788, 0, 0, 0, 0x4433221188776655, 0},
        {0xdac00c20, "rev x0, x1", SENTINEL, 0x1122334455667788, 0, 0, 0, 0x8877665544332211, 0},
        {0x5ac00820, "rev w0, w1", SENTINEL, 0x1122334455667788, 0, 0, 0, 0x88776655, 0},
        {0xdac01020, "clz x0, x1", SENTINEL, 0, 0, 0, 0, 64, 0},
        {0x5ac01020, "clz w0, w1", SENTINEL, 0x100000001, 0, 0, 0, 31, 0},
        {0xdac01420, "cls x0, x1", SENTINEL, ~0ull, 0, 0, 0, 63, 0},
        {0x5ac01420, "cls w0, w1", SENTINEL, 0xffff, 0, 0, 0, 15, 0},
        {0x9ac20820, "udiv x0, x1, x2", SENTINEL, 100, 0, 0, 0, 0, 0},
        {0x9ac20c20, "sdiv x0, x1, x2", SENTINEL, 0x8000000000000000, ~0ull, 0, 0, 0x8000000000000000, 0},
        {0x1ac20c20, "sdiv w0, w1, w2", SENTINEL, 0xfffffff9, 2, 0, 0, 0xfffffffd, 0},
        {0x1ac20c20, "sdiv w0, w1, w2", SENTINEL, 0x80000000, 0xffffffff, 0, 0, 0x80000000, 0},
        {0x1ac20820, "udiv w0, w1, w2", SENTINEL, 0x100000064, 0x100000007, 0, 0, 14, 0},
        {0x9ac22020, "lsl x0, x1, x2", SENTINEL, 1, 65, 0, 0, 2, 0},
        {0x1ac22420, "lsr w0, w1, w2", SENTINEL, 0x80000000, 33, 0, 0, 0x40000000, 0},
        {0x1ac22820, "asr w0, w1, w2", SENTINEL, 0x80000000, 31, 0, 0, 0xffffffff, 0},
        {0x9ac22c20, "ror x0, x1, x2", SENTINEL, 1, 1, 0, 0, 0x8000000000000000, 0},
    };
    RUN_CASES(cs);
}

static void test_mul(void **state)
{
    static const struct reg_case cs[] = {
        {0x9b020c20, "madd x0, x1, x2, x3", SENTINEL, 3, 4, 5, 0, 17, 0},
        {0x1b028c20, "msub w0, w1, w2, w3", SENTINEL, 3, 4, 5, 0, 0xfffffff9, 0},
        {0x9b220c20, "smaddl x0, w1, w2, x3", SENTINEL, 0xffffffff, 2, 10, 0, 8, 0},
        {0x9ba28c20, "umsubl x0, w1, w2, x3", SENTINEL, 0xffffffff, 2, 0, 0, 0xfffffffe00000002, 0},
        {0x9b427c20, "smulh x0, x1, x2", SENTINEL, ~0ull, ~0ull, 0, 0, 0, 0},
        {0x9b427c20, "smulh x0, x1, x2", SENTINEL, 0x8000000000000000, 2, 0, 0, ~0ull, 0},
        {0x9bc27c20, "umulh x0, x1, x2", SENTINEL, ~0ull, ~0ull, 0, 0, 0xfffffffffffffffe, 0},
        {0x1b027c20, "mul w0, w1, w2", SENTINEL, 0x10000, 0x10000, 0, 0, 0, 0},
    };
    RUN_CASES(cs);
}

/* Run a program from CODE to its `udf`: the expected stop. */
static void run_to_udf(struct fix *f, uint64_t udf_pc)
{
    enum emu_status s = emu_cpu_run(f->c, &f->p, 0);
    if (s != EMU_UNDEF || f->p.st.pc != udf_pc)
        fail_msg("status %d pc 0x%llx (want UNDEF at 0x%llx): %s", s, (unsigned long long)f->p.st.pc,
                 (unsigned long long)udf_pc, f->p.err);
}

static void test_branches(void **state)
{
    struct fix *f = *state;
    static const uint32_t w[] = {
        0xd2800000, /* 0: mov x0, #0 */
        0x14000002, /* 4: b 0xc */
        0xd2800c60, /* 8: mov x0, #99 */
        0x94000003, /* c: bl 0x18 */
        0x91000400, /* 10: add x0, x0, #1 */
        0x14000004, /* 14: b 0x24 */
        0x91002800, /* 18: add x0, x0, #10 */
        0xd65f03c0, /* 1c: ret */
        0x00000000, /* 20: udf #0 */
        0xf1002c1f, /* 24: cmp x0, #11 */
        0x54000040, /* 28: b.eq 0x30 */
        0x00000000, /* 2c: udf #0 */
        0xb4000041, /* 30: cbz x1, 0x38 */
        0x00000000, /* 34: udf #0 */
        0x35000042, /* 38: cbnz w2, 0x40 */
        0x00000000, /* 3c: udf #0 */
        0xb6f80103, /* 40: tbz x3, #63, 0x60 */
        0xb7f80043, /* 44: tbnz x3, #63, 0x4c */
        0x00000000, /* 48: udf #0 */
        0x10000064, /* 4c: adr x4, #12 */
        0xd63f0080, /* 50: blr x4 */
        0x00000000, /* 54: udf #0 */
        0x91019000, /* 58: add x0, x0, #100 */
        0xd65f03c0, /* 5c: ret */
        0x00000000, /* 60: udf #0 */
    };
    load(f, w, sizeof w / 4);
    f->p.st.x[1] = 0;
    f->p.st.x[2] = 0x100000005; /* cbnz w2 sees 5 */
    f->p.st.x[3] = 0x8000000000000000;
    run_to_udf(f, CODE + 0x54);
    assert_int_equal(f->p.st.x[0], 111);
    assert_int_equal(f->p.st.x[30], CODE + 0x54);
    assert_int_equal(f->p.stats.instructions, 17);
    assert_true(strstr(f->p.err, "undefined") != NULL);

    /* cbnz w2 must ignore the upper half: with w2 == 0 it falls through to the udf at 0x3c. */
    load(f, w, sizeof w / 4);
    f->p.st.x[2] = 0x100000000;
    run_to_udf(f, CODE + 0x3c);
}

static void test_loads_stores(void **state)
{
    struct fix *f = *state;
    static const uint32_t w[] = {
        0xf9000022, /* 0: str x2, [x1] */
        0xf9400023, /* 4: ldr x3, [x1] */
        0x39401c24, /* 8: ldrb w4, [x1, #7] */
        0x39801c25, /* c: ldrsb x5, [x1, #7] */
        0x79c00c26, /* 10: ldrsh w6, [x1, #6] */
        0xb9800427, /* 14: ldrsw x7, [x1, #4] */
        0xb8008c22, /* 18: str w2, [x1, #8]! */
        0xb85f8428, /* 1c: ldr w8, [x1], #-8 */
        0xd280004a, /* 20: mov x10, #2 */
        0x782a7822, /* 24: strh w2, [x1, x10, lsl #1] */
        0xb940042b, /* 28: ldr w11, [x1, #4] */
        0x786a582d, /* 2c: ldrh w13, [x1, w10, uxtw #1] */
        0x5800014e, /* 30: ldr x14, 0x58 */
        0xa9010c22, /* 34: stp x2, x3, [x1, #16] */
        0x2942402f, /* 38: ldp w15, w16, [x1, #16] */
        0x69424831, /* 3c: ldpsw x17, x18, [x1, #16] */
        0x29be0be2, /* 40: stp w2, w2, [sp, #-16]! */
        0xa8c153f3, /* 44: ldp x19, x20, [sp], #16 */
        0x38021022, /* 48: sturb w2, [x1, #33] */
        0x38421036, /* 4c: ldurb w22, [x1, #33] */
        0xf878d837, /* 50: ldr x23, [x1, w24, sxtw #3] */
        0x00000000, /* 54: udf #0 */
        0x89abcdef, /* 58: .quad 0x0123456789abcdef */
        0x01234567,
    };
    load(f, w, sizeof w / 4);
    uint64_t *x = f->p.st.x;
    x[1] = DATA;
    x[2] = 0x8877665544332211;
    x[24] = 0x100000003; /* sxtw: 3 */
    run_to_udf(f, CODE + 0x54);
    assert_int_equal(x[1], DATA);
    assert_int_equal(x[3], 0x8877665544332211);
    assert_int_equal(x[4], 0x88);
    assert_int_equal(x[5], 0xffffffffffffff88);
    assert_int_equal(x[6], 0xffff8877);
    assert_int_equal(x[7], 0xffffffff88776655);
    assert_int_equal(x[8], 0x44332211);
    assert_int_equal(x[11], 0x88772211);
    assert_int_equal(x[13], 0x2211);
    assert_int_equal(x[14], 0x0123456789abcdef);
    assert_int_equal(x[15], 0x44332211);
    assert_int_equal(x[16], 0x88776655);
    assert_int_equal(x[17], 0x44332211);
    assert_int_equal(x[18], 0xffffffff88776655);
    assert_int_equal(x[19], 0x4433221144332211);
    assert_int_equal(x[20], 0);
    assert_int_equal(x[31], DATA + 0x100);
    assert_int_equal(x[22], 0x11);
    assert_int_equal(x[23], 0x8877665544332211);
    uint64_t m;
    assert_int_equal(emu_mem_copy_out(&f->p.mem, DATA, &m, 8), 0);
    assert_int_equal(m, 0x8877221144332211);
}

static void test_exclusive(void **state)
{
    struct fix *f = *state;
    static const uint32_t w[] = {
        0xc85f7c23, /* 0: ldxr x3, [x1] */
        0x91000463, /* 4: add x3, x3, #1 */
        0xc8047c23, /* 8: stxr w4, x3, [x1] */
        0xc8057c23, /* c: stxr w5, x3, [x1] */
        0x885ffc26, /* 10: ldaxr w6, [x1] */
        0xd5033f5f, /* 14: clrex */
        0x8807fc26, /* 18: stlxr w7, w6, [x1] */
        0xc89ffc22, /* 1c: stlr x2, [x1] */
        0xc8dffc28, /* 20: ldar x8, [x1] */
        0xc87f2829, /* 24: ldxp x9, x10, [x1] */
        0xc82b242a, /* 28: stxp w11, x10, x9, [x1] */
        0xa940342c, /* 2c: ldp x12, x13, [x1] */
        0xf9800020, /* 30: prfm pldl1keep, [x1] */
        0xd5033bbf, /* 34: dmb ish */
        0xd503201f, /* 38: nop */
        0x00000000, /* 3c: udf #0 */
    };
    load(f, w, sizeof w / 4);
    uint64_t *x = f->p.st.x, init[2] = {41, 7};
    assert_int_equal(emu_mem_poke(&f->p.mem, DATA, init, 16), 0);
    x[1] = DATA;
    x[2] = 0x55;
    x[5] = x[7] = x[11] = SENTINEL;
    run_to_udf(f, CODE + 0x3c);
    assert_int_equal(x[3], 42);
    assert_int_equal(x[4], 0);
    assert_int_equal(x[5], 1);
    assert_int_equal(x[6], 42);
    assert_int_equal(x[7], 1);
    assert_int_equal(x[8], 0x55);
    assert_int_equal(x[9], 0x55);
    assert_int_equal(x[10], 7);
    assert_int_equal(x[11], 0);
    assert_int_equal(x[12], 7);
    assert_int_equal(x[13], 0x55);
    assert_int_equal(f->p.st.excl_valid, 0);
}

/* LSE atomics, LDAPR and LDAPUR/STLUR, one instruction each (words from llvm-mc), by hand: x1 points
 * at 16 bytes m0, m1; x2..x5 (and x30 = x2) are the inputs. These are also the check of what
 * test_lockstep leaves out (Unicorn 2.0.1 compares B/H/W elements of LD{S,U}{MAX,MIN} unextended). */
struct atomic_case {
    uint32_t word;
    const char *text;
    uint64_t m0, m1, x2, x3, x4, x5;
    uint64_t m0_out, m1_out, x2_out, x3_out;
};

static void test_atomics(void **state)
{
    struct fix *f = *state;
    const uint64_t S = SENTINEL;
    static const struct atomic_case cs[] = {
        {0x38220023, "ldaddb w2, w3, [x1]", 0x11223344556677f0, 0, 0x100000020, S, 0, 0, 0x1122334455667710, 0, 0x100000020, 0xf0},
        {0x78224023, "ldsmaxh w2, w3, [x1]", 0x1122334455668001, 0, 0xffff0005, S, 0, 0, 0x1122334455660005, 0, 0xffff0005, 0x8001},
        {0xf8225023, "ldsmin x2, x3, [x1]", 5, 0, (uint64_t)-3, S, 0, 0, (uint64_t)-3, 0, (uint64_t)-3, 5},
        {0x38225023, "ldsminb w2, w3, [x1]", 0xaaaaaaaaaaaaaa7f, 0, 0x80, S, 0, 0, 0xaaaaaaaaaaaaaa80, 0, 0x80, 0x7f},
        {0xb8226023, "ldumax w2, w3, [x1]", 0x1122334480000000, 0, 0xffffffff7fffffff, S, 0, 0, 0x1122334480000000, 0, 0xffffffff7fffffff, 0x80000000},
        {0xb8e27023, "lduminal w2, w3, [x1]", 0x1122334480000000, 0, 0x7fffffff, S, 0, 0, 0x112233447fffffff, 0, 0x7fffffff, 0x80000000},
        {0x78226023, "ldumaxh w2, w3, [x1]", 0xf788, 0, 0xffff0010, S, 0, 0, 0xf788, 0, 0xffff0010, 0xf788},
        {0xf8221023, "ldclr x2, x3, [x1]", 0xff, 0, 0x0f, S, 0, 0, 0xf0, 0, 0x0f, 0xff},
        {0xf8622023, "ldeorl x2, x3, [x1]", 0xf0, 0, 0xff0f, S, 0, 0, 0xffff, 0, 0xff0f, 0xf0},
        {0xb8a23023, "ldseta w2, w3, [x1]", 0x1234567800000001, 0, 0xffffffff00000100, S, 0, 0, 0x1234567800000101, 0, 0xffffffff00000100, 1},
        {0x78e28023, "swpalh w2, w3, [x1]", 0x1111111111110001, 0, 0xabcd1234, S, 0, 0, 0x1111111111111234, 0, 0xabcd1234, 1},
        {0xf8228023, "swp x2, x3, [x1]", 7, 0, 9, S, 0, 0, 9, 0, 9, 7},
        {0xf822003f, "stadd x2, [x1]", 1, 0, 2, S, 0, 0, 3, 0, 2, S},
        {0x3822403f, "stsmaxb w2, [x1]", 0x80, 0, 0x7f, S, 0, 0, 0x7f, 0, 0x7f, S},
        {0xf8220022, "ldadd x2, x2, [x1]", 10, 0, 5, S, 0, 0, 15, 0, 10, S},
        {0xc8a27c23, "cas x2, x3, [x1] (equal)", 0x1235, 0, 0x1235, 0x777, 0, 0, 0x777, 0, 0x1235, 0x777},
        {0xc8e2fc23, "casal x2, x3, [x1] (differs)", 0x777, 0, 0, 5, 0, 0, 0x777, 0, 0x777, 5},
        {0x08a27c23, "casb w2, w3, [x1] (equal bytes)", 0x5577, 0, 0x177, 0x88, 0, 0, 0x5588, 0, 0x77, 0x88},
        {0x48a27c23, "cash w2, w3, [x1] (differs)", 0x1234, 0, 0x1235, 0, 0, 0, 0x1234, 0, 0x1234, 0},
        {0xc8ff7c23, "casa xzr, x3, [x1] (equal)", 0, 0, S, 0x99, 0, 0, 0x99, 0, S, 0x99},
        {0xc8ff7c23, "casa xzr, x3, [x1] (differs)", 1, 0, S, 0x99, 0, 0, 1, 0, S, 0x99},
        {0x48227c24, "casp x2, x3, x4, x5, [x1] (equal)", 1, 2, 1, 2, 0xa, 0xb, 0xa, 0xb, 1, 2},
        {0x48227c24, "casp x2, x3, x4, x5, [x1] (differs)", 1, 3, 1, 2, 0xa, 0xb, 1, 3, 1, 3},
        {0x0822fc24, "caspl w2, w3, w4, w5, [x1] (equal)", 0x0000000200000001, 9, 0x100000001, 2, 0xaaaa, 0xbbbb, 0x0000bbbb0000aaaa, 9, 1, 2},
        {0x483e7c24, "casp x30, xzr, x4, x5, [x1] (equal)", 7, 0, 7, S, 0xa, 0xb, 0xa, 0xb, 7, S},
        {0x483e7c24, "casp x30, xzr, x4, x5, [x1] (differs)", 7, 1, 7, S, 0xa, 0xb, 7, 1, 7, S},
        {0xf8bfc022, "ldapr x2, [x1]", 0x123, 0, S, S, 0, 0, 0x123, 0, 0x123, S},
        {0x38bfc022, "ldaprb w2, [x1]", 0x1ff, 0, S, S, 0, 0, 0x1ff, 0, 0xff, S},
        {0x599fe022, "ldapursh x2, [x1, #-2]", 0, 0, S, S, 0, 0, 0, 0, 0xffffffffffff8001, S},
        {0x59001023, "stlurh w3, [x1, #1]", 0, 0, S, 0xabcd, 0, 0, 0xabcd00, 0, S, 0xabcd},
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        const struct atomic_case *k = &cs[i];
        uint32_t w[2] = {k->word, UDF};
        uint64_t m[3] = {0x8001000000000000ull, k->m0, k->m1}, out[2];
        load(f, w, 2);
        assert_int_equal(emu_mem_poke(&f->p.mem, DATA + 0xf8, m, sizeof m), 0);
        uint64_t *x = f->p.st.x;
        x[1] = DATA + 0x100;
        x[2] = x[30] = k->x2;
        x[3] = k->x3;
        x[4] = k->x4;
        x[5] = k->x5;
        enum emu_status s = emu_cpu_run(f->c, &f->p, 1);
        assert_int_equal(emu_mem_peek(&f->p.mem, DATA + 0x100, out, sizeof out), 0);
        uint64_t x2 = k->word == 0x483e7c24 ? x[30] : x[2]; /* the casp x30 pair */
        if (s != EMU_LIMIT || out[0] != k->m0_out || out[1] != k->m1_out || x2 != k->x2_out ||
            (k->word != 0x483e7c24 && x[3] != k->x3_out) || x[1] != DATA + 0x100 || x[4] != k->x4 ||
            x[5] != k->x5 || x[32] != 0)
            fail_msg("%s (0x%08x): status %d, memory 0x%llx 0x%llx (want 0x%llx 0x%llx), x2 0x%llx (want 0x%llx), "
                     "x3 0x%llx (want 0x%llx)", k->text, k->word, s, (unsigned long long)out[0],
                     (unsigned long long)out[1], (unsigned long long)k->m0_out, (unsigned long long)k->m1_out,
                     (unsigned long long)x2, (unsigned long long)k->x2_out, (unsigned long long)x[3],
                     (unsigned long long)k->x3_out);
    }

    /* Faults: unmapped, read-only (a CAS that would fail too: it needs write permission all the
     * same), and a pair whose second half is unmapped: nothing written, registers unchanged, pc
     * at the atomic. */
    static const struct {
        uint32_t word;
        uint64_t base;
        int ro;
    } faults[] = {
        {0xf8220023, NOWHERE, 0},                 /* ldadd x2, x3, [x1] */
        {0xf822003f, DATA + 0x100, 1},            /* stadd x2, [x1] */
        {0xc8a27c23, DATA + 0x100, 1},            /* cas x2, x3, [x1]: equal */
        {0xc8e2fc23, DATA + 0x108, 1},            /* casal x2, x3, [x1]: differs */
        {0x48227c24, DATA + 0x10000 - 8, 0},      /* casp x2, x3, x4, x5, [x1]: crosses into unmapped */
    };
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        uint32_t w[2] = {faults[i].word, UDF};
        uint64_t fill[2] = {5, 6}, out[2];
        load(f, w, 2);
        assert_int_equal(emu_mem_poke(&f->p.mem, DATA + 0x100, fill, 16), 0);
        assert_int_equal(emu_mem_poke(&f->p.mem, DATA + 0x10000 - 8, fill, 8), 0);
        if (faults[i].ro)
            assert_int_equal(emu_mem_protect(&f->p.mem, DATA, 0x1000, EMU_PERM_R), 0);
        uint64_t *x = f->p.st.x;
        x[1] = faults[i].base;
        x[2] = 5;
        x[3] = SENTINEL;
        x[4] = x[5] = 9;
        assert_int_equal(emu_cpu_run(f->c, &f->p, 0), EMU_FAULT);
        assert_int_equal(f->p.st.pc, CODE);
        assert_int_equal(f->p.mem.fault_addr, faults[i].base);
        assert_int_equal(x[2], 5);
        assert_int_equal(x[3], SENTINEL);
        assert_int_equal(emu_mem_peek(&f->p.mem, DATA + 0x100, out, 16), 0);
        assert_int_equal(out[0], 5);
        assert_int_equal(out[1], 6);
        assert_int_equal(emu_mem_peek(&f->p.mem, DATA + 0x10000 - 8, out, 8), 0);
        assert_int_equal(out[0], 5);
        assert_int_equal(f->p.stats.instructions, 0);
    }

    /* An atomic into decoded code is a store like any other: the next instruction it changed runs
     * as changed. stadd w2, [x1] adds 1 to the imm12 of `add x0, x0, #1`. */
    static const uint32_t smc[] = {
        0xb822003f, /* 0: stadd w2, [x1] */
        0xd503201f, /* 4: nop */
        0x91000400, /* 8: add x0, x0, #1 */
        0x00000000, /* c: udf #0 */
    };
    load(f, smc, 4);
    f->p.st.x[1] = CODE + 8;
    f->p.st.x[2] = 1u << 10;
    run_to_udf(f, CODE + 0xc);
    assert_int_equal(f->p.st.x[0], 2);
}

/* FP/SIMD stores into decoded code (their own micro-ops, cpu_translate_simd.c) leave the block
 * like integer stores: the instruction they changed runs as changed, and a post-index store's
 * base is written back. Each writes `add x0, x0, #2` over `add x0, x0, #1` (and zero, udf #0,
 * over the udf after it). */
static void test_simd_smc(void **state)
{
    struct fix *f = *state;
    static const uint32_t stores[] = {
        0xbd000020, /* str s0, [x1] */
        0x2d000420, /* stp s0, s1, [x1] */
        0xfc008420, /* str d0, [x1], #8 */
    };
    for (size_t i = 0; i < sizeof stores / sizeof stores[0]; i++) {
        uint32_t w[] = {
            stores[i],  /* 0 */
            0xd503201f, /* 4: nop */
            0x91000400, /* 8: add x0, x0, #1 */
            0x00000000, /* c: udf #0 */
        };
        load(f, w, 4);
        f->p.st.x[1] = CODE + 8;
        f->p.st.v[0] = 0x91000800; /* add x0, x0, #2; the upper word 0 is udf #0 */
        f->p.st.v[2] = 0;
        run_to_udf(f, CODE + 0xc);
        assert_int_equal(f->p.st.x[0], 2);
        assert_int_equal(f->p.st.x[1], i == 2 ? CODE + 0x10 : CODE + 8);
    }
}

static void test_sysregs(void **state)
{
    struct fix *f = *state;
    static const uint32_t w[] = {
        0xd51b4201, /* 0: msr NZCV, x1 */
        0xd53b4202, /* 4: mrs x2, NZCV */
        0xd51bd043, /* 8: msr TPIDR_EL0, x3 */
        0xd53bd044, /* c: mrs x4, TPIDR_EL0 */
        0xd53b0025, /* 10: mrs x5, CTR_EL0 */
        0xd53b00e6, /* 14: mrs x6, DCZID_EL0 */
        0xd53be007, /* 18: mrs x7, CNTFRQ_EL0 */
        0xd53be048, /* 1c: mrs x8, CNTVCT_EL0 */
        0xd53be049, /* 20: mrs x9, CNTVCT_EL0 */
        0xd538000a, /* 24: mrs x10, MIDR_EL1 */
        0xd51b440b, /* 28: msr FPCR, x11 */
        0xd53b440c, /* 2c: mrs x12, FPCR */
        0xd51b442d, /* 30: msr FPSR, x13 */
        0xd53b442e, /* 34: mrs x14, FPSR */
        0x00000000, /* 38: udf #0 */
    };
    load(f, w, sizeof w / 4);
    uint64_t *x = f->p.st.x;
    x[1] = 0xa0000000;
    x[3] = 0x1234;
    x[11] = 0x03c00000;
    x[13] = 0x9f;
    run_to_udf(f, CODE + 0x38);
    assert_int_equal(x[2], 0xa0000000);
    assert_int_equal(f->p.st.nzcv, 0xa0000000);
    assert_int_equal(x[4], 0x1234);
    assert_int_equal(f->p.st.tpidr, 0x1234);
    assert_int_equal(x[5], 0x8444c004);
    assert_true(x[6] & 0x10); /* DZP: DC ZVA prohibited */
    assert_int_equal(x[7], 1000000000);
    assert_true(x[8] != 0 && x[9] >= x[8]);
    assert_int_equal(x[10], 0x410fd034);
    assert_int_equal(x[12], 0x03c00000);
    assert_int_equal(x[14], 0x9f);
}

static void test_svc(void **state)
{
    struct fix *f = *state;
    static const uint32_t w_exit[] = {
        0xd2800ba8, /* 0: mov x8, #93 */
        0xd28000e0, /* 4: mov x0, #7 */
        0xd4000001, /* 8: svc #0 */
        0x00000000, /* c: udf #0 */
    };
    load(f, w_exit, 4);
    assert_int_equal(emu_cpu_run(f->c, &f->p, 0), EMU_EXIT);
    assert_int_equal(f->p.exit_code, 7);
    assert_int_equal(f->p.stats.syscalls, 1);
    assert_int_equal(f->p.stats.instructions, 3);

    static const uint32_t w_bad[] = {
        0xd281f408, /* 0: mov x8, #4000 */
        0xd4000001, /* 4: svc #0 */
        0x00000000, /* 8: udf #0 */
    };
    load(f, w_bad, 3);
    f->p.strict_syscalls = 1; /* --strict-syscalls: the stop, with the svc not retired */
    assert_int_equal(emu_cpu_run(f->c, &f->p, 0), EMU_SYSCALL_BAD);
    assert_int_equal(f->p.st.pc, CODE + 4);
    assert_int_equal(f->p.stats.instructions, 1);
    assert_true(f->p.err[0] != 0);
    /* By default the guest gets -ENOSYS and runs on to the udf. */
    load(f, w_bad, 3);
    f->p.strict_syscalls = 0;
    assert_int_equal(emu_cpu_run(f->c, &f->p, 0), EMU_UNDEF);
    assert_int_equal(f->p.st.x[0], (uint64_t)-38);
    assert_int_equal(f->p.st.pc, CODE + 8);
}

/* A faulting load or store changes nothing: no base writeback, flags and earlier results kept. */
static void test_fault_rewinds(void **state)
{
    struct fix *f = *state;
    static const uint32_t w[] = {
        0xf100141f, /* 0: cmp x0, #5 */
        0x91000400, /* 4: add x0, x0, #1 */
        0xf8408c41, /* 8: ldr x1, [x2, #8]! */
        0x00000000, /* c: udf #0 */
    };
    load(f, w, 4);
    f->p.st.x[2] = NOWHERE;
    f->p.st.x[1] = SENTINEL;
    assert_int_equal(emu_cpu_run(f->c, &f->p, 0), EMU_FAULT);
    assert_int_equal(f->p.st.pc, CODE + 8);
    assert_int_equal(f->p.st.x[0], 1);
    assert_int_equal(f->p.st.x[1], SENTINEL);
    assert_int_equal(f->p.st.x[2], NOWHERE);
    assert_int_equal(f->p.st.nzcv, F_N);
    assert_int_equal(f->p.mem.fault_addr, NOWHERE + 8);
    assert_int_equal(f->p.stats.instructions, 2);
    assert_true(strstr(f->p.err, "fault") != NULL);

    static const uint32_t ws[] = {
        0xf8008440, /* 0: str x0, [x2], #8 */
        0x00000000, /* 4: udf #0 */
    };
    load(f, ws, 2);
    f->p.st.x[2] = CODE - 8; /* unmapped below the code */
    assert_int_equal(emu_mem_protect(&f->p.mem, DATA, 0x1000, EMU_PERM_R), 0);
    f->p.st.x[2] = DATA; /* read-only now */
    assert_int_equal(emu_cpu_run(f->c, &f->p, 0), EMU_FAULT);
    assert_int_equal(f->p.st.pc, CODE);
    assert_int_equal(f->p.st.x[2], DATA);
    assert_int_equal(f->p.stats.instructions, 0);
}

static void test_fetch_fault(void **state)
{
    struct fix *f = *state;
    static const uint32_t w[] = {
        0x91000400, /* 0: add x0, x0, #1 */
        0x14000400, /* 4: b #4096 (into the RWX code area, then mapped non-executable) */
    };
    load(f, w, 2);
    assert_int_equal(emu_mem_protect(&f->p.mem, CODE + 0x1000, 0x1000, EMU_PERM_R | EMU_PERM_W), 0);
    assert_int_equal(emu_cpu_run(f->c, &f->p, 0), EMU_FAULT);
    assert_int_equal(f->p.st.pc, CODE + 0x1004);
    assert_int_equal(f->p.mem.fault_addr, CODE + 0x1004);
    assert_int_equal(f->p.st.x[0], 1);
    assert_int_equal(f->p.stats.instructions, 2);
}

/* max_insns stops after exactly that many instructions, also in the middle of a block and of a
 * chained loop; the run resumes where it stopped. */
static void test_budget(void **state)
{
    struct fix *f = *state;
    uint32_t w[11];
    for (int i = 0; i < 10; i++)
        w[i] = 0x91000400; /* add x0, x0, #1 */
    w[10] = UDF;
    load(f, w, 11);
    assert_int_equal(emu_cpu_run(f->c, &f->p, 3), EMU_LIMIT);
    assert_int_equal(f->p.st.pc, CODE + 12);
    assert_int_equal(f->p.st.x[0], 3);
    assert_int_equal(emu_cpu_run(f->c, &f->p, 7), EMU_LIMIT);
    assert_int_equal(f->p.st.pc, CODE + 40);
    run_to_udf(f, CODE + 40);
    assert_int_equal(f->p.st.x[0], 10);
    assert_int_equal(f->p.stats.instructions, 10);

    static const uint32_t loop[] = {
        0xd1000400, /* 0: sub x0, x0, #1 */
        0xb5ffffe0, /* 4: cbnz x0, 0 */
        0x00000000, /* 8: udf #0 */
    };
    load(f, loop, 3);
    f->p.st.x[0] = 1000;
    assert_int_equal(emu_cpu_run(f->c, &f->p, 1001), EMU_LIMIT);
    assert_int_equal(f->p.st.x[0], 499);
    assert_int_equal(f->p.st.pc, CODE + 4);
    assert_int_equal(f->p.stats.instructions, 1001);
    run_to_udf(f, CODE + 8);
    assert_int_equal(f->p.st.x[0], 0);
    assert_int_equal(f->p.stats.instructions, 2000);
    assert_true(f->p.stats.blocks_decoded <= 3);
}

/* A store into the running block replaces the very next instruction; a store into code run
 * earlier replaces it for the next time. */
static void test_self_modifying_code(void **state)
{
    struct fix *f = *state;
    static const uint32_t w[] = {
        0x10000061, /* 0: adr x1, #12 */
        0xb9400062, /* 4: ldr w2, [x3] */
        0xb9000022, /* 8: str w2, [x1] */
        0xd2800020, /* c: mov x0, #1 (overwritten with mov x0, #42) */
        0x00000000, /* 10: udf #0 */
    };
    load(f, w, 5);
    uint32_t repl = 0xd2800540; /* mov x0, #42 */
    assert_int_equal(emu_mem_poke(&f->p.mem, DATA, &repl, 4), 0);
    f->p.st.x[3] = DATA;
    run_to_udf(f, CODE + 0x10);
    assert_int_equal(f->p.st.x[0], 42);
    assert_true(f->p.stats.invalidations >= 1);

    /* Second run of the patched code: the old block must not come back. */
    f->p.st.pc = CODE + 0xc;
    f->p.st.x[0] = 0;
    run_to_udf(f, CODE + 0x10);
    assert_int_equal(f->p.st.x[0], 42);

    /* Patch code that is cached but not running: A at CODE+0x100, B at CODE stores into A. */
    static const uint32_t a[] = {
        0xd2800020, /* mov x0, #1 */
        0x00000000, /* udf #0 */
    };
    static const uint32_t b[] = {
        0xb9000022, /* str w2, [x1] */
        0x00000000, /* udf #0 */
    };
    load(f, b, 2);
    assert_int_equal(emu_mem_poke(&f->p.mem, CODE + 0x1000, a, 8), 0);
    f->p.st.pc = CODE + 0x1000;
    run_to_udf(f, CODE + 0x1004);
    assert_int_equal(f->p.st.x[0], 1);
    f->p.st.pc = CODE;
    f->p.st.x[1] = CODE + 0x1000;
    f->p.st.x[2] = 0xd2800040; /* mov x0, #2 */
    run_to_udf(f, CODE + 4);
    f->p.st.pc = CODE + 0x1000;
    run_to_udf(f, CODE + 0x1004);
    assert_int_equal(f->p.st.x[0], 2);
}

struct trace_log {
    int n;
    uint64_t pc[16];
    uint64_t x0_before[16];
};

static void trace_cb(void *ctx, const struct emu_proc *p, uint64_t pc, uint32_t word,
                     const struct emu_state *before)
{
    struct trace_log *t = ctx;
    (void)p;
    (void)word;
    if (t->n < 16) {
        t->pc[t->n] = pc;
        t->x0_before[t->n] = before->x[0];
    }
    t->n++;
}

static void test_trace(void **state)
{
    struct fix *f = *state;
    static const uint32_t loop[] = {
        0xd1000400, /* 0: sub x0, x0, #1 */
        0xb5ffffe0, /* 4: cbnz x0, 0 */
        0x00000000, /* 8: udf #0 */
    };
    load(f, loop, 3);
    f->p.st.x[0] = 3;
    struct trace_log t = {0};
    emu_cpu_set_trace(f->c, trace_cb, &t);
    run_to_udf(f, CODE + 8);
    emu_cpu_set_trace(f->c, NULL, NULL);
    assert_int_equal(t.n, 6);
    assert_int_equal(f->p.stats.instructions, 6);
    assert_int_equal(t.pc[0], CODE);
    assert_int_equal(t.pc[1], CODE + 4);
    assert_int_equal(t.pc[2], CODE);
    assert_int_equal(t.x0_before[0], 3);
    assert_int_equal(t.x0_before[2], 2);
}

/* The countdown loop: correctness, chaining (few lookups), and the speed, printed. Set
 * TEMU_COUNTDOWN to change the iteration count. */
static void test_countdown_speed(void **state)
{
    struct fix *f = *state;
    static const uint32_t loop[] = {
        0xd1000400, /* 0: sub x0, x0, #1 */
        0xb5ffffe0, /* 4: cbnz x0, 0 */
        0x00000000, /* 8: udf #0 */
    };
    const char *env = getenv("TEMU_COUNTDOWN");
    uint64_t n = env ? strtoull(env, NULL, 0) : 20000000;
    load(f, loop, 3);
    f->p.st.x[0] = n;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    run_to_udf(f, CODE + 8);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    assert_int_equal(f->p.stats.instructions, 2 * n);
    assert_true(f->p.stats.blocks_decoded <= 3);
    printf("countdown: %llu guest instructions in %.3f s = %.0f M/s\n", (unsigned long long)(2 * n), s,
           2e-6 * (double)n / s);
}

/* AT_HWCAP sets a bit only for a feature temu implements (emu_hwcap.h): each witness of such a
 * feature decodes and runs as one instruction, with x1 and x2 pointing at data. The bits that
 * are set are exactly the implemented features' bits, and no two features share a bit. */
/* Scalar FP corners, by hand (test_lockstep holds the rest against Unicorn): d1 = x1 and d2 = x2
 * (FMOV), then the operation, then FMOV x0, d0 where the operation writes d0 (v0 starts all ones,
 * so its upper bits must come back zero); x0, NZCV and FPSR as the ARM ARM gives them. */
struct fp_case {
    uint32_t word, to_x0;
    const char *text;
    uint64_t x1, x2;
    uint32_t fpcr, nzcv_in;
    uint64_t x0_out;
    uint32_t nzcv_out, fpsr_out;
};

static void test_scalar_fp(void **state)
{
    struct fix *f = *state;
    const uint32_t fmov_x0_d0 = 0x9e660000, fmov_w0_s0 = 0x1e260000;
    const uint64_t one = 0x3ff0000000000000, snan = 0x7ff0000000000001, qnan = 0x7ff8000000000000;
    const struct fp_case cs[] = {
        {0x9e620020, fmov_x0_d0, "scvtf d0, x1: 2^53 + 1 ties to even", (1ull << 53) + 1, 0, 0, 0,
         0x4340000000000000, 0, 0x10},
        {0x9e620020, fmov_x0_d0, "scvtf d0, x1: 2^53 + 1 towards +inf", (1ull << 53) + 1, 0, 1u << 22, 0,
         0x4340000000000001, 0, 0x10},
        {0x1e621820, fmov_x0_d0, "fdiv d0, d1, d2: 1 / 0", one, 0, 0, 0, 0x7ff0000000000000, 0, 0x02},
        {0x1e612020, 0, "fcmp d1, d1: quiet NaN", qnan, 0, 0, F_N, SENTINEL, F_C | F_V, 0},
        {0x1e612030, 0, "fcmpe d1, d1: quiet NaN signals", qnan, 0, 0, F_N, SENTINEL, F_C | F_V, 0x01},
        {0x1e780020, 0, "fcvtzs w0, d1: -1e10 saturates", 0xc202a05f20000000, 0, 0, 0, 0x80000000, 0, 0x01},
        {0x1e624020, fmov_w0_s0, "fcvt s0, d1: smallest denormal underflows", 1, 0, 0, 0, 0, 0, 0x18},
        {0x1e624020, fmov_w0_s0, "fcvt s0, d1: smallest denormal flushed (FZ)", 1, 0, 1u << 24, 0, 0, 0, 0x80},
        {0x1e7e0020, 0, "fjcvtzs w0, d1: 3.0 exact", 0x4008000000000000, 0, 0, F_N | F_C | F_V, 3, F_Z, 0},
        {0x1e621425, 0, "fccmp d1, d2, #5, ne: not taken, sNaN quiet", snan, one, 0, F_Z, SENTINEL, F_Z | F_V, 0},
        {0x1e621425, 0, "fccmp d1, d2, #5, ne: taken, sNaN signals", snan, one, 0, 0, SENTINEL, F_C | F_V, 0x01},
        {0x1e62bc20, fmov_x0_d0, "fcsel d0, d1, d2, lt", one, 2, 0, F_N, one, F_N, 0},
        {0x1e222820, fmov_x0_d0, "fadd s0, s1, s2: the upper bits cleared", 0xdeadbeef3f800000, 0x40000000, 0, 0,
         0x40400000, 0, 0},
        {0x1f620420, fmov_x0_d0, "fnmadd d0, d1, d2, d1: sNaN addend, default NaN (DN)", snan, one, 1u << 25, 0,
         qnan, 0, 0x01},
        {0x9e59e020, 0, "fcvtzu x0, d1, #8: 1.5 in 24.8 fixed point", 0x3ff8000000000000, 0, 0, 0, 0x180, 0, 0},
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        const struct fp_case *k = &cs[i];
        uint32_t w[6] = {0x9e670021 /* fmov d1, x1 */, 0x9e670042 /* fmov d2, x2 */, k->word, k->to_x0, UDF, UDF};
        unsigned n = k->to_x0 ? 4 : 3;
        load(f, w, 6);
        f->p.st.x[0] = SENTINEL;
        f->p.st.x[1] = k->x1;
        f->p.st.x[2] = k->x2;
        f->p.st.v[0] = f->p.st.v[1] = ~0ull;
        f->p.st.fpcr = k->fpcr;
        f->p.st.nzcv = k->nzcv_in;
        enum emu_status s = emu_cpu_run(f->c, &f->p, n);
        if (s != EMU_LIMIT || f->p.st.x[0] != k->x0_out || f->p.st.nzcv != k->nzcv_out ||
            f->p.st.fpsr != k->fpsr_out || (k->to_x0 && f->p.st.v[1] != 0))
            fail_msg("%s (0x%08x): status %d (%s) x0 0x%llx (want 0x%llx) nzcv 0x%llx (want 0x%x) fpsr 0x%llx "
                     "(want 0x%x) v0.hi 0x%llx", k->text, k->word, s, f->p.err, (unsigned long long)f->p.st.x[0],
                     (unsigned long long)k->x0_out, (unsigned long long)f->p.st.nzcv, k->nzcv_out,
                     (unsigned long long)f->p.st.fpsr, k->fpsr_out, (unsigned long long)f->p.st.v[1]);
    }
}

static void test_hwcap_witnesses(void **state)
{
    struct fix *f = *state;
    unsigned n;
    const struct emu_hwcap_feature *ft = emu_hwcap_features(&n);
    uint64_t bits = 0, seen = 0;
    for (unsigned i = 0; i < n; i++) {
        assert_true(ft[i].bit < 64 && !(seen & (1ull << ft[i].bit)));
        seen |= 1ull << ft[i].bit;
        assert_true(ft[i].witness[0] != 0);
        if (!ft[i].implemented)
            continue;
        bits |= 1ull << ft[i].bit;
        for (unsigned k = 0; k < EMU_HWCAP_WITNESSES && ft[i].witness[k]; k++) {
            uint32_t w[2] = {ft[i].witness[k], UDF};
            struct a64_insn in;
            a64_decode(ft[i].witness[k], &in);
            if (in.op == A64_OP_UNDEF)
                fail_msg("hwcap %s: witness 0x%08x does not decode", ft[i].name, ft[i].witness[k]);
            load(f, w, 2);
            f->p.st.x[1] = DATA + 0x200;
            f->p.st.x[2] = DATA + 0x400;
            enum emu_status s = emu_cpu_run(f->c, &f->p, 1);
            if (s != EMU_LIMIT || f->p.st.pc != CODE + 4)
                fail_msg("hwcap %s: witness 0x%08x stops with status %d: %s", ft[i].name,
                         ft[i].witness[k], s, f->p.err);
        }
    }
    assert_int_equal(emu_hwcap(), bits);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_addsub),
        cmocka_unit_test(test_adc_ccmp),
        cmocka_unit_test(test_logic),
        cmocka_unit_test(test_movewide_pcrel),
        cmocka_unit_test(test_bitfield),
        cmocka_unit_test(test_csel),
        cmocka_unit_test(test_dp1_dp2),
        cmocka_unit_test(test_mul),
        cmocka_unit_test(test_branches),
        cmocka_unit_test(test_loads_stores),
        cmocka_unit_test(test_exclusive),
        cmocka_unit_test(test_atomics),
        cmocka_unit_test(test_sysregs),
        cmocka_unit_test(test_svc),
        cmocka_unit_test(test_simd_smc),
        cmocka_unit_test(test_fault_rewinds),
        cmocka_unit_test(test_fetch_fault),
        cmocka_unit_test(test_budget),
        cmocka_unit_test(test_self_modifying_code),
        cmocka_unit_test(test_trace),
        cmocka_unit_test(test_countdown_speed),
        cmocka_unit_test(test_scalar_fp),
        cmocka_unit_test(test_hwcap_witnesses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
