/* test_loop.c: loop vectorization (emu_loop.h) on hand-assembled loops: the classifier (each class
 * recognised, each trap rejected with its reason), then the CPU engine with --loopvec against the
 * plain engine from the same start: registers, flags, pc, instruction count and data memory must
 * be identical, also with run-time refusals (overlap), a fault midway and limits inside a loop. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "emu_alu.h"
#include "emu_cpu.h"
#include "emu_loop.h"
#include "emu_proc.h"

#define MEM_SIZE (16ull << 20)
#define CODE 0x10000ull
#define DATA 0x20000ull  /* 64 KiB, RW; NOWHERE follows unmapped */
#define DATA_SIZE 0x10000ull
#define UDF 0x00000000u

/* b.ne / cbnz x0 / tbnz x0,#3 from the last of n instructions back to the first. */
static uint32_t bne(uint32_t n) { return 0x54000001u | ((-(n - 1)) & 0x7ffffu) << 5; }
static uint32_t cbnz_x0(uint32_t n) { return 0xb5000000u | ((-(n - 1)) & 0x7ffffu) << 5; }
static uint32_t bcond(uint32_t n, unsigned cond) { return 0x54000000u | ((-(n - 1)) & 0x7ffffu) << 5 | cond; }
static uint32_t tbnz_x0_3(uint32_t n) { return 0x37180000u | ((-(n - 1)) & 0x3fffu) << 5; }

#define SUBS_X0 0xf1000400u  /* subs x0, x0, #1 */
#define ADD_X1_3 0x91000c21u /* add x1, x1, #3 */
#define LDR_W2_X1_POST 0xb8404422u /* ldr w2, [x1], #4 */
#define ADD_W2_1 0x11000442u /* add w2, w2, #1 */
#define STR_W2_X3_POST 0xb8004462u /* str w2, [x3], #4 */
#define ADD_W4_W2_W4 0x0b040044u /* add w4, w2, w4 */
#define CMP_W2_W4 0x6b04005fu /* cmp w2, w4 */
#define CSEL_W4_HI 0x1a848044u /* csel w4, w2, w4, hi */
#define LDR_W2_X1_M4 0xb85fc022u /* ldr w2, [x1, #-4] */
#define LDR_W3_X1 0xb9400023u /* ldr w3, [x1] */
#define STR_W5_X3_X7_LSL2 0xb8277865u /* str w5, [x3, x7, lsl #2] */
#define LDR_W3_X1_4 0xb9400423u /* ldr w3, [x1, #4] */
#define ADD_W2_W3_5 0x11001462u /* add w2, w3, #5 */
#define ADD_W2_W2_W3 0x0b030042u /* add w2, w2, w3 */
#define STR_W2_X1_POST 0xb8004422u /* str w2, [x1], #4 */
#define ADD_X1_X1_X1 0x8b010021u /* add x1, x1, x1 */
#define MRS_X5_TPIDR 0xd53bd045u /* mrs x5, tpidr_el0 */
#define STR_W4_X3_POST 0xb8004464u /* str w4, [x3], #4 */
#define SUB_X0 0xd1000400u /* sub x0, x0, #1 */
#define CMP_W4_W2 0x6b02009fu /* cmp w4, w2 */
#define CSEL_W4_GE 0x1a82a084u /* csel w4, w4, w2, ge */
#define CSEL_W4_LO 0x1a823084u /* csel w4, w4, w2, lo */
#define CSEL_W4_NE 0x1a821084u /* csel w4, w4, w2, ne */
#define CSEL_W4_EQ 0x1a840044u /* csel w4, w2, w4, eq */
#define CSEL_W4_GT 0x1a84c044u /* csel w4, w2, w4, gt */
#define CSEL_W4_LT 0x1a82b084u /* csel w4, w4, w2, lt */
#define CSEL_X4_LE 0x9a82d084u /* csel x4, x4, x2, le */
#define CSEL_X4_EQ 0x9a840044u /* csel x4, x2, x4, eq */
#define CSEL_X4_NE 0x9a841044u /* csel x4, x2, x4, ne */
#define CMP_X4_X2 0xeb02009fu /* cmp x4, x2 */
#define CMP_X2_X4 0xeb04005fu /* cmp x2, x4 */
#define CSEL_X4_LT 0x9a84b044u /* csel x4, x2, x4, lt */
#define CSEL_X4_LS 0x9a849044u /* csel x4, x2, x4, ls */
#define CSEL_X4_HS 0x9a822084u /* csel x4, x4, x2, hs */
#define LDR_X2_X1_POST 0xf8408422u /* ldr x2, [x1], #8 */
#define STR_X0_X3_POST 0xf8008460u /* str x0, [x3], #8 */
#define LDR_W2_X1_PRE 0xb8404c22u /* ldr w2, [x1, #4]! */
#define ADD_X5_X1_X2 0x8b020025u /* add x5, x1, x2 */
#define STR_X5_X3_POST 0xf8008465u /* str x5, [x3], #8 */
#define ADD_W2_W2_W0 0x0b000042u /* add w2, w2, w0 */
#define ADD_X6_X2_X7 0x8b070046u /* add x6, x2, x7 */
#define STR_X6_X3_POST 0xf8008466u /* str x6, [x3], #8 */
#define ADD_W7_1 0x110004e7u /* add w7, w7, #1 */
#define LDR_W2_UXTW 0xb8675822u /* ldr w2, [x1, w7, uxtw #2] */
#define STR_W2_X3_UXTW 0xb8275862u /* str w2, [x3, w7, uxtw #2] */
#define LDR_X2_SXTW 0xf867d822u /* ldr x2, [x1, w7, sxtw #3] */
#define EOR_X4_X2_X4 0xca040044u /* eor x4, x2, x4 */
#define SUB_W7_1 0x510004e7u /* sub w7, w7, #1 */
#define ADD_W8_W7_1 0x110004e8u /* add w8, w7, #1 */
#define LDR_W5_W8_UXTW 0xb8685825u /* ldr w5, [x1, w8, uxtw #2] */
#define ADD_W6_W5_W6 0x0b0600a6u /* add w6, w5, w6 */
#define ADD_W7_2 0x110008e7u /* add w7, w7, #2 */
#define MOV_W8_W7 0x2a0703e8u /* mov w8, w7 */
#define LSL_X8_X8_2 0xd37ef508u /* lsl x8, x8, #2 */
#define LSL_X8_X7_2 0xd37ef4e8u /* lsl x8, x7, #2 */
#define ADD_X7_1 0x910004e7u /* add x7, x7, #1 */
#define ADD_W8_W7_65 0x110104e8u /* add w8, w7, #65 */
#define STRB_W2_X1_X3 0x38236822u /* strb w2, [x1, x3] */
#define STRB_W3_X1_X3 0x38236823u /* strb w3, [x1, x3] */
#define ADD_X9_X1_0 0x91000029u /* add x9, x1, #0 */
#define LDR_X2_X9_POST 0xf8408522u /* ldr x2, [x9], #8 */
#define ADD_X5_X9_X2 0x8b020125u /* add x5, x9, x2 */
#define ADD_X1_8 0x91002021u /* add x1, x1, #8 */
#define ADD_X3_X3_X4 0x8b040063u /* add x3, x3, x4 */
#define CMP_X3_X0 0xeb00007fu /* cmp x3, x0 */
#define STR_W2_X1_X3 0xb8236822u /* str w2, [x1, x3] */
#define SUB_X3_X4_LSL1 0xcb040463u /* sub x3, x3, x4, lsl #1 */
#define CMP_X3_X5 0xeb05007fu /* cmp x3, x5 */
#define ADD_W3_W3_W4 0x0b040063u /* add w3, w3, w4 */
#define STRB_W2_X1_W3_UXTW 0x38234822u /* strb w2, [x1, w3, uxtw] */
#define CMP_W3_W0 0x6b00007fu /* cmp w3, w0 */
#define STR_W5_X3_W8_UXTW 0xb8285865u /* str w5, [x3, w8, uxtw #2] */
#define LDR_W2_X1_X8 0xb8686822u /* ldr w2, [x1, x8] */
#define STR_W2_X3_X8 0xb8286862u /* str w2, [x3, x8] */
#define LDR_W2_SXTW 0xb867d822u /* ldr w2, [x1, w7, sxtw #2] */
#define STR_W2_SXTW 0xb827d822u /* str w2, [x1, w7, sxtw #2] */
/* clang -O2's shapes: address temporaries, a body unrolled by two with pairs */
#define ADD_X4_X1_X7 0x8b070024u /* add x4, x1, x7 */
#define ADD_X5_X2_X7 0x8b070045u /* add x5, x2, x7 */
#define ADD_X6_X3_X7 0x8b070066u /* add x6, x3, x7 */
#define ADD_X7_8 0x910020e7u /* add x7, x7, #8 */
#define CMP_X7_X0 0xeb0000ffu /* cmp x7, x0 */
#define LDP_W8_W9_X4 0x29402488u /* ldp w8, w9, [x4] */
#define LDP_W10_W11_X5 0x29402caau /* ldp w10, w11, [x5] */
#define ADD_W8_W8_LSL1 0x0b080508u /* add w8, w8, w8, lsl #1 */
#define ADD_W9_W9_LSL1 0x0b090529u /* add w9, w9, w9, lsl #1 */
#define ADD_W8_W8_W10 0x0b0a0108u /* add w8, w8, w10 */
#define ADD_W9_W9_W11 0x0b0b0129u /* add w9, w9, w11 */
#define STP_W8_W9_X6 0x290024c8u /* stp w8, w9, [x6] */
#define LSL_X9_X7_1 0xd37ff8e9u /* lsl x9, x7, #1 */
#define ORR_X10_X9_1 0xb240012au /* orr x10, x9, #1 */
#define LDR_W2_X1_X10_LSL2 0xb86a7822u /* ldr w2, [x1, x10, lsl #2] */
#define MOV_X10_12 0xd280018au /* mov x10, #12 */
#define MADD_X11_X7_X10_X1 0x9b0a04ebu /* madd x11, x7, x10, x1 */
#define LDR_W5_X11 0xb9400165u /* ldr w5, [x11] */
#define ADD_W2_W2_W5 0x0b050042u /* add w2, w2, w5 */
#define STR_W2_X3_X7_LSL2 0xb8277862u /* str w2, [x3, x7, lsl #2] */
#define LDR_W2_X1_X7_LSL2 0xb8677822u /* ldr w2, [x1, x7, lsl #2] */
#define ADD_W2_5 0x11001442u /* add w2, w2, #5 */
#define ADD_W9_W7_1 0x110004e9u /* add w9, w7, #1 */
#define CMP_W9_W0 0x6b00013fu /* cmp w9, w0 */
#define ADD_W4_W4_W2 0x0b020084u /* add w4, w4, w2 */
/* counters moved through temporaries (clang: `sub x13, x8, #1; ...; mov x8, x13`) */
#define LSL_X2_X7_2 0xd37ef4e2u /* lsl x2, x7, #2 */
#define SUB_X4_X7_1 0xd10004e4u /* sub x4, x7, #1 */
#define ADD_X5_X7_1 0x910004e5u /* add x5, x7, #1 */
#define MOV_W6_1 0x52800026u /* mov w6, #1 */
#define MOV_X7_X4 0xaa0403e7u /* mov x7, x4 */
#define CMP_X5_1 0xf10004bfu /* cmp x5, #1 */
#define LDR_W0_X1_X2 0xb8626820u /* ldr w0, [x1, x2] */
#define BFI_W6_W0_2_30 0x331e7406u /* bfi w6, w0, #2, #30 */
#define STR_W6_X3_X2 0xb8226866u /* str w6, [x3, x2] */
#define ADD_X4_X7_X6 0x8b0600e4u /* add x4, x7, x6 */
#define CMP_X4_X5 0xeb05009fu /* cmp x4, x5 */
#define ADD_W0_1 0x11000400u /* add w0, w0, #1 */
#define STR_W0_X3_X2 0xb8226860u /* str w0, [x3, x2] */
/* reductions folded by what their update computes (the exec form) */
#define MADD_W4_W2_W5_W4 0x1b051044u /* madd w4, w2, w5, w4 */
#define MUL_W4_W2_W4 0x1b047c44u /* mul w4, w2, w4 */
#define CINC_W4_HI 0x1a849484u /* cinc w4, w4, hi */
#define SUB_X4_X4_X2 0xcb020084u /* sub x4, x4, x2 */
#define ADD_W4_W2_LSL1 0x0b020484u /* add w4, w4, w2, lsl #1 */
#define ORR_W2_1 0x32000042u /* orr w2, w2, #1 */
/* if-converted bodies */
#define LDR_W5_X6_X7_LSL2 0xb86778c5u /* ldr w5, [x6, x7, lsl #2] */
#define CMP_W2_W5 0x6b05005fu /* cmp w2, w5 */
#define CSEL_W2_W2_W5_HI 0x1a858042u /* csel w2, w2, w5, hi */
#define CMP_W2_100 0x7101905fu /* cmp w2, #100 */
#define CSEL_W5_W2_WZR_HI 0x1a9f8045u /* csel w5, w2, wzr, hi */
#define CCMP_W5_7 0x7a4788a2u /* ccmp w5, #7, #2, hi */
#define CSET_W6_LO 0x1a9f27e6u /* cset w6, lo */
#define ADD_W2_W2_W6 0x0b060042u /* add w2, w2, w6 */
#define ADD_W4_W4_W5 0x0b050084u /* add w4, w4, w5 */

static uint64_t same_as_sequential(const uint32_t *w, size_t n, const uint64_t *x, uint64_t max_insns);
static uint64_t same_as_sequential_fp(const uint32_t *w, size_t n, const uint64_t *x, const uint64_t *v,
                                      uint64_t fpcr, uint64_t max_insns);

/* FP/SIMD (llvm-mc encodings) */
#define LDR_D2_X1_POST 0xfc408422u /* ldr d2, [x1], #8 */
#define LDR_S2_X1_POST 0xbc404422u /* ldr s2, [x1], #4 */
#define LDR_D5_X6_X7_LSL3 0xfc6778c5u /* ldr d5, [x6, x7, lsl #3] */
#define LDR_Q2_X1_POST 0x3cc10422u /* ldr q2, [x1], #16 */
#define LDP_D2_D5_X1_POST 0x6cc11422u /* ldp d2, d5, [x1], #16 */
#define STR_D2_X3_POST 0xfc008462u /* str d2, [x3], #8 */
#define STR_Q2_X3_POST 0x3c810462u /* str q2, [x3], #16 */
#define STP_D2_D5_X3_POST 0x6c811462u /* stp d2, d5, [x3], #16 */
#define LD1_V2_4S_X1_POST 0x4cdf7822u /* ld1 {v2.4s}, [x1], #16 */
#define FADD_D4_D4_D2 0x1e622884u /* fadd d4, d4, d2 */
#define FADD_S4_S4_S2 0x1e222884u /* fadd s4, s4, s2 */
#define FADD_D2_D2_D3 0x1e632842u /* fadd d2, d2, d3 */
#define FMUL_D2_D2_D3 0x1e630842u /* fmul d2, d2, d3 */
#define FMUL_D2_D2_D4 0x1e640842u /* fmul d2, d2, d4 */
#define FMADD_D2_D2_D3_D5 0x1f431442u /* fmadd d2, d2, d3, d5 */
#define FSQRT_D2_D2 0x1e61c042u /* fsqrt d2, d2 */
#define FCMP_D2_D4 0x1e642040u /* fcmp d2, d4 */
#define FCSEL_D4_GT 0x1e64cc44u /* fcsel d4, d2, d4, gt */
#define FCMPE_S2_S4 0x1e242050u /* fcmpe s2, s4 */
#define FCSEL_S4_MI 0x1e244c44u /* fcsel s4, s2, s4, mi */
#define FCMPE_D2_D3 0x1e632050u /* fcmpe d2, d3 */
#define FMAXNM_D4_D4_D2 0x1e626884u /* fmaxnm d4, d4, d2 */
#define FCVTZS_W5_D2 0x1e780045u /* fcvtzs w5, d2 */
#define SCVTF_D2_X7 0x9e6200e2u /* scvtf d2, x7 */
#define FADD_V2_4S 0x4e23d442u /* fadd v2.4s, v2.4s, v3.4s */
#define FMLA_V4_2D 0x4e63cc44u /* fmla v4.2d, v2.2d, v3.2d */
#define FMOV_D3_D2 0x1e604043u /* fmov d3, d2 */
#define FMOV_D2_D3 0x1e604062u /* fmov d2, d3 */
#define FMUL_D4_D4_D3 0x1e630884u /* fmul d4, d4, d3 */
#define ADD_V5_4S 0x4ea684a5u /* add v5.4s, v5.4s, v6.4s */
#define FMOV_D6_D2 0x1e604046u /* fmov d6, d2 */
#define ADD_V5_2S_SWAP 0x0ea584c5u /* add v5.2s, v6.2s, v5.2s */
#define SUB_V5_2D 0x6ee684a5u /* sub v5.2d, v5.2d, v6.2d */
#define ADD_D5_D5_D6 0x5ee684a5u /* add d5, d5, d6 */
#define STR_Q5_X3_POST 0x3c810465u /* str q5, [x3], #16 */
#define SCVTF_V2_4S_V5 0x4e21d8a2u /* scvtf v2.4s, v5.4s */
#define FADD_V4_4S_V2 0x4e22d484u /* fadd v4.4s, v4.4s, v2.4s */
#define FADD_D4_D4_D5 0x1e652884u /* fadd d4, d4, d5 */
#define STR_D4_X3_POST 0xfc008464u /* str d4, [x3], #8 */
#define STR_W5_X3_POST 0xb8004465u /* str w5, [x3], #4 */
#define ADD_X7_1_FP 0x910004e7u /* add x7, x7, #1 */
#define CMP_X7_X0_FP 0xeb0000ffu /* cmp x7, x0 */

static void analyse(const uint32_t *w, uint32_t n, struct emu_loop *l)
{
    emu_loop_analyse(w, n, CODE, l);
}

static void test_classes(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t affine[] = {ADD_X1_3, SUBS_X0, bne(3)};
    analyse(affine, 3, l);
    assert_int_equal(l->cls, EMU_LOOP_AFFINE);
    assert_int_equal(l->step[1], 3);
    assert_int_equal(l->step[0], -1);
    const uint32_t affine_cb[] = {ADD_X1_3, SUB_X0, cbnz_x0(3)};
    analyse(affine_cb, 3, l);
    assert_int_equal(l->cls, EMU_LOOP_AFFINE);
    const uint32_t map[] = {LDR_W2_X1_POST, ADD_W2_1, STR_W2_X3_POST, SUBS_X0, bne(5)};
    analyse(map, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->nmem, 2);
    const uint32_t sum[] = {LDR_W2_X1_POST, ADD_W4_W2_W4, SUBS_X0, bne(4)};
    analyse(sum, 4, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->nacc, 1);
    const uint32_t max[] = {LDR_W2_X1_POST, CMP_W2_W4, CSEL_W4_HI, SUBS_X0, bne(5)};
    analyse(max, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    free(l);
}

/* What the lane executor may leave out: the counter's update when only the exit test reads it;
 * nothing when the counter is stored or computed with. */
static void test_lane_plan(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t map[] = {LDR_W2_X1_POST, ADD_W2_1, STR_W2_X3_POST, SUBS_X0, bne(5)};
    analyse(map, 5, l);
    assert_int_equal(l->lane_rows, 0);
    assert_int_equal(l->lane_skip, 1u << 3);
    const uint32_t store_counter[] = {STR_X0_X3_POST, SUBS_X0, bne(3)};
    analyse(store_counter, 3, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->lane_rows, 1u << 0);
    assert_int_equal(l->lane_skip, 0);
    const uint32_t base_read[] = {LDR_W2_X1_PRE, ADD_X5_X1_X2, STR_X5_X3_POST, SUBS_X0, bne(5)};
    analyse(base_read, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->lane_rows, 1u << 1);
    assert_int_equal(l->lane_skip, 1u << 3);
    const uint32_t max[] = {LDR_W2_X1_POST, CMP_W2_W4, CSEL_W4_HI, SUBS_X0, bne(5)};
    analyse(max, 5, l);
    assert_int_equal(l->lane_skip, 1u << 1 | 1u << 3); /* the fold's compare sets flags only */
    free(l);
}

/* A compare-and-select fold as the architecture defines it: CMP a, b (SUBS to the sink), then
 * CSEL acc, n, m, cond at the fold's width. */
static uint64_t csel_fold(struct emu_loop_fold f, uint64_t acc, uint64_t v)
{
    uint32_t nzcv;
    emu_alu_adc_flags(f.a_acc ? acc : v, ~(f.a_acc ? v : acc), 1, f.sf, &nzcv);
    uint64_t n = f.n_acc ? acc : v, m = f.n_acc ? v : acc;
    return emu_alu_w(emu_alu_cond(f.cond, nzcv) ? n : m, f.sf);
}

/* The min/max form of every compare-and-select fold (emu_loop_fold_pick, and emu_loop_fold_step
 * that uses it) is the flags form, bit for bit: every ordered condition, both operand orders of
 * the compare and the select, both widths, values at the signed and unsigned edges and with stray
 * high bits under a W compare. */
static void test_fold_pick(void **state)
{
    (void)state;
    static const uint64_t v[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
                                 0x1ffffffffull, 0xdead00000007ull, 0x7fffffffffffffffull,
                                 0x8000000000000000ull, 0xffffffff80000000ull, ~0ull, 5};
    const size_t nv = sizeof v / sizeof v[0];
    unsigned checked = 0;
    for (unsigned cond = A64_COND_EQ; cond < A64_COND_AL; cond++) {
        if (cond >= A64_COND_MI && cond <= A64_COND_VC)
            continue;
        for (unsigned bits = 0; bits < 8; bits++) {
            struct emu_loop_fold f = {.kind = EMU_LOOP_FOLD_CSEL, .sf = bits & 1, .cond = (uint8_t)cond,
                                      .a_acc = (bits >> 1) & 1, .n_acc = (bits >> 2) & 1};
            unsigned pick = emu_loop_fold_pick(f);
            for (size_t x = 0; x < nv; x++)
                for (size_t y = 0; y < nv; y++, checked++)
                    if (emu_loop_pick_step(pick, f.sf, v[x], v[y]) != csel_fold(f, v[x], v[y]) ||
                        emu_loop_fold_step(f, v[x], v[y]) != csel_fold(f, v[x], v[y]))
                        fail_msg("cond %u sf %u a_acc %u n_acc %u: acc %#llx v %#llx", cond, f.sf, f.a_acc,
                                 f.n_acc, (unsigned long long)v[x], (unsigned long long)v[y]);
        }
    }
    assert_int_equal(checked, 10 * 8 * nv * nv);
}

static void expect_reason(const uint32_t *w, uint32_t n, enum emu_loop_reason r)
{
    struct emu_loop *l = malloc(sizeof *l);
    analyse(w, n, l);
    assert_int_equal(l->cls, EMU_LOOP_NONE);
    assert_string_equal(emu_loop_reason_name(l->reason), emu_loop_reason_name(r));
    free(l);
}

static void test_traps(void **state)
{
    (void)state;
    const uint32_t prefix[] = {LDR_W2_X1_M4, LDR_W3_X1, ADD_W2_W2_W3, STR_W2_X1_POST, SUBS_X0, bne(6)};
    expect_reason(prefix, 6, EMU_LOOP_MEM_CARRIED);
    const uint32_t doubling[] = {ADD_X1_X1_X1, SUBS_X0, bne(3)};
    expect_reason(doubling, 3, EMU_LOOP_REG_CARRIED);
    const uint32_t acc_stored[] = {LDR_W2_X1_POST, ADD_W4_W2_W4, STR_W4_X3_POST, SUBS_X0, bne(5)};
    expect_reason(acc_stored, 5, EMU_LOOP_ACC_READ);
    const uint32_t tb[] = {ADD_X1_3, SUB_X0, tbnz_x0_3(3)};
    expect_reason(tb, 3, EMU_LOOP_EXIT_TEST);
    const uint32_t sys[] = {MRS_X5_TPIDR, SUBS_X0, bne(3)};
    expect_reason(sys, 3, EMU_LOOP_SYSTEM);
    /* LSE atomics are refused: ldadd x2, x4, [x1] and swp x2, x4, [x1] by column lane NO; cas x2,
     * x4, [x1] already because it loads the compare register it reads (carried). */
    static const uint32_t atomic_words[] = {0xf8220024u, 0xf8228024u, 0xc8a27c24u};
    for (unsigned i = 0; i < 3; i++) {
        const uint32_t atomic[] = {atomic_words[i], ADD_X1_8, SUBS_X0, bne(4)};
        expect_reason(atomic, 4, i < 2 ? EMU_LOOP_UNSUPPORTED : EMU_LOOP_REG_CARRIED);
    }
}

/* Loops over 32-bit indices as clang emits them: register offsets with UXTW/SXTW, an unrolled
 * copy of the index (`add w8, w7, #1`), an index zero-extended and shifted by hand (`mov w8, w7;
 * lsl x8, x8, #2`). Each becomes an affine address with the extension recorded; a wrap of the
 * index inside the iterations asked for makes the access range fail. */
static void test_index_forms(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t map[] = {LDR_W2_UXTW, ADD_W2_1, STR_W2_X3_UXTW, ADD_W7_1, SUBS_X0, bne(6)};
    analyse(map, 6, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->nmem, 2);
    assert_int_equal(l->mem[0].addr.ext, EMU_LOOP_EXT_UXTW);
    assert_int_equal(l->mem[0].addr.emul, 4);
    assert_int_equal(l->mem[0].addr.inner.n, 1);
    assert_int_equal(l->mem[0].addr.inner.reg[0], 7);
    uint64_t x[A64_NUM_REGS] = {0};
    x[1] = DATA;
    uint64_t lo, hi;
    assert_true(emu_loop_access_range(l, &l->mem[0], x, 100, MEM_SIZE, &lo, &hi));
    assert_int_equal(lo, DATA);
    assert_int_equal(hi, DATA + 400);
    x[7] = 0xfffffff0u; /* wraps to 0 after 16 iterations */
    x[1] = DATA - (0xfffffff0ull << 2);
    assert_true(emu_loop_access_range(l, &l->mem[0], x, 16, MEM_SIZE, &lo, &hi));
    assert_int_equal(lo, DATA);
    assert_false(emu_loop_access_range(l, &l->mem[0], x, 17, MEM_SIZE, &lo, &hi));

    const uint32_t sum_down[] = {LDR_X2_SXTW, EOR_X4_X2_X4, SUB_W7_1, SUBS_X0, bne(5)};
    analyse(sum_down, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->mem[0].addr.ext, EMU_LOOP_EXT_SXTW);
    assert_int_equal(l->mem[0].addr.emul, 8);
    assert_int_equal(emu_loop_val_stride(&l->mem[0].addr), -8);

    const uint32_t unrolled[] = {ADD_W8_W7_1, LDR_W2_UXTW, LDR_W5_W8_UXTW, ADD_W4_W2_W4, ADD_W6_W5_W6,
                                 ADD_W7_2, SUBS_X0, bne(8)};
    analyse(unrolled, 8, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->mem[1].addr.inner.reg[0], 7);
    assert_int_equal(l->mem[1].addr.inner.c, 1);
    assert_int_equal(l->mem[1].addr.ext, EMU_LOOP_EXT_UXTW);

    const uint32_t by_hand[] = {MOV_W8_W7, LSL_X8_X8_2, LDR_W2_X1_X8, ADD_W2_1, STR_W2_X3_X8, ADD_W7_1,
                                SUBS_X0, bne(8)};
    analyse(by_hand, 8, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->mem[0].addr.ext, EMU_LOOP_EXT_UXTW);
    assert_int_equal(l->mem[0].addr.emul, 4);
    assert_int_equal(l->mem[0].addr.inner.reg[0], 7);

    /* the same 32-bit index into the same array: in place, independent */
    const uint32_t in_place[] = {LDR_W2_SXTW, ADD_W2_1, STR_W2_SXTW, ADD_W7_1, SUBS_X0, bne(6)};
    analyse(in_place, 6, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);

    /* Two offsets of one 32-bit index into one array: taken when the addresses of the iterations
     * to run do not collide, refused when the index wraps within them or comes in with high bits. */
    const uint32_t straddle[] = {ADD_W8_W7_65, STR_W2_X3_UXTW, STR_W5_X3_W8_UXTW, ADD_W7_2, SUBS_X0, bne(6)};
    analyse(straddle, 6, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    struct emu_proc *p = calloc(1, sizeof *p);
    assert_int_equal(emu_proc_init(p, MEM_SIZE), 0);
    assert_int_equal(emu_mem_map(&p->mem, DATA, DATA_SIZE, EMU_PERM_R | EMU_PERM_W), 0);
    enum emu_loop_reason why;
    int ordered;
    p->st.x[0] = 10;
    p->st.x[3] = DATA + 0x100;
    p->st.x[7] = 40;
    assert_int_equal(emu_loop_plan(l, &p->st, &p->mem, NULL, 1000, &why, &ordered), 9);
    p->st.x[3] = DATA - (0xfffffff0ull << 2);
    p->st.x[7] = 0xfffffff0u; /* reaches 2^32 in iteration 8 */
    assert_int_equal(emu_loop_plan(l, &p->st, &p->mem, NULL, 1000, &why, &ordered), 0);
    assert_int_equal(why, EMU_LOOP_RT_INDEX);
    p->st.x[3] = DATA + 0x100;
    p->st.x[7] = 0x100000028ull; /* a 32-bit register that is not zero-extended */
    assert_int_equal(emu_loop_plan(l, &p->st, &p->mem, NULL, 1000, &why, &ordered), 0);
    assert_int_equal(why, EMU_LOOP_RT_INDEX);
    emu_proc_free(p);
    free(p);

    /* a 64-bit index scaled by hand: 4 * x7 */
    const uint32_t x_scaled[] = {LSL_X8_X7_2, LDR_W2_X1_X8, ADD_X7_1, SUBS_X0, bne(5)};
    analyse(x_scaled, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->mem[0].addr.ext, EMU_LOOP_EXT_X);
    assert_int_equal(emu_loop_val_stride(&l->mem[0].addr), 4);
    /* the same lsl of a 32-bit counter (its value is zero-extended) */
    const uint32_t w_scaled[] = {LSL_X8_X7_2, LDR_W2_X1_X8, ADD_W7_1, SUBS_X0, bne(5)};
    analyse(w_scaled, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->mem[0].addr.ext, EMU_LOOP_EXT_UXTW);
    free(l);
}

/* Loops as clang and gcc emit them at -O2, not written for temu: address temporaries and a body
 * unrolled by two with pairs (clang's `c[i] = 3 * a[i] + b[i]`), an index doubled and or-ed with
 * 1 (orr as add: the bit is known clear), an address by madd with a constant, an exit test on a
 * 32-bit temporary. Classified, then run exactly as sequential execution. */
static void test_affine_shapes(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t map3[] = {ADD_X4_X1_X7, ADD_X5_X2_X7, ADD_X6_X3_X7, ADD_X7_8, CMP_X7_X0, LDP_W8_W9_X4,
                             LDP_W10_W11_X5, ADD_W8_W8_LSL1, ADD_W9_W9_LSL1, ADD_W8_W8_W10, ADD_W9_W9_W11,
                             STP_W8_W9_X6, bne(13), UDF};
    analyse(map3, 13, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->nmem, 3);
    for (unsigned i = 0; i < 3; i++) {
        assert_int_equal(emu_loop_val_stride(&l->mem[i].addr), 8);
        assert_int_equal(l->mem[i].bytes, 8);
    }
    uint64_t x[8] = {8 * 1000, DATA, DATA + 0x2000, DATA + 0x4000, 0, 0, 0, 0};
    assert_true(same_as_sequential(map3, 14, x, 0) > 900);
    x[3] = DATA + 4; /* the destination overlaps the next iteration's source */
    assert_int_equal(same_as_sequential(map3, 14, x, 0), 0);
    x[3] = DATA; /* in place through two registers: each iteration its own elements */
    assert_true(same_as_sequential(map3, 14, x, 0) > 900);

    const uint32_t orr_madd[] = {LSL_X9_X7_1, ORR_X10_X9_1, LDR_W2_X1_X10_LSL2, MOV_X10_12, MADD_X11_X7_X10_X1,
                                 LDR_W5_X11, ADD_W2_W2_W5, STR_W2_X3_X7_LSL2, ADD_X7_1, CMP_X7_X0, bne(11), UDF};
    analyse(orr_madd, 11, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(emu_loop_val_stride(&l->mem[0].addr), 8);
    assert_int_equal(l->mem[0].addr.lin.c, 4);
    assert_int_equal(emu_loop_val_stride(&l->mem[1].addr), 12);
    uint64_t xo[8] = {1000, DATA, 0, DATA + 0x8000, 0, 0, 0, 0};
    assert_true(same_as_sequential(orr_madd, 12, xo, 0) > 900);

    const uint32_t w_exit[] = {LDR_W2_X1_X7_LSL2, ADD_W4_W4_W2, ADD_W9_W7_1, ADD_X7_1, CMP_W9_W0, bne(6), UDF};
    analyse(w_exit, 6, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->exit.sf, 0);
    assert_int_equal(l->exit.v.k, 1);
    uint64_t xw[8] = {0x100000000ull + 1000, DATA, 0, 0, 3, 0, 0, 5}; /* w0 = 1000 */
    assert_true(same_as_sequential(w_exit, 7, xw, 0) > 900);
    free(l);
}

/* Reductions whose update is not `op acc, acc, v`: a dot product (madd), a product of odd numbers
 * (mul), a count (cmp + cinc), a difference (sub), a sum of shifted values. Each iteration's value
 * is its update run with the accumulator at the fold's identity; folded in order, exactly. */
static void test_exec_folds(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    uint64_t x[8] = {1000, DATA, 0, 0, 0x12345, 0, DATA + 0x2000, 0};
    const uint32_t dot[] = {LDR_W2_X1_X7_LSL2, LDR_W5_X6_X7_LSL2, MADD_W4_W2_W5_W4, ADD_X7_1, CMP_X7_X0, bne(6), UDF};
    const uint32_t prod[] = {LDR_W2_X1_X7_LSL2, ORR_W2_1, MUL_W4_W2_W4, ADD_X7_1, CMP_X7_X0, bne(6), UDF};
    const uint32_t count[] = {LDR_W2_X1_X7_LSL2, LDR_W5_X6_X7_LSL2, CMP_W2_W5, CINC_W4_HI, ADD_X7_1, CMP_X7_X0,
                              bne(7), UDF};
    const uint32_t diff[] = {LDR_W2_X1_X7_LSL2, SUB_X4_X4_X2, ADD_X7_1, CMP_X7_X0, bne(5), UDF};
    const uint32_t shifted[] = {LDR_W2_X1_X7_LSL2, ADD_W4_W2_LSL1, ADD_X7_1, CMP_X7_X0, bne(5), UDF};
    const struct { const uint32_t *w; uint32_t n; unsigned kind; } cases[] = {
        {dot, 6, EMU_LOOP_FOLD_ADD}, {prod, 6, EMU_LOOP_FOLD_MUL}, {count, 7, EMU_LOOP_FOLD_ADD},
        {diff, 5, EMU_LOOP_FOLD_ADD}, {shifted, 5, EMU_LOOP_FOLD_ADD},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        analyse(cases[i].w, cases[i].n, l);
        assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
        struct emu_loop_fold f = emu_loop_fold_of(l, &l->acc[0]);
        assert_int_equal(f.kind, cases[i].kind);
        assert_true(f.exec);
        assert_true(same_as_sequential(cases[i].w, cases[i].n + 1, x, 0) > 900);
    }
    free(l);
}

/* A counter moved through a temporary: clang's count-down loop (`sub x4, x7, #1; ...; mov x7, x4`,
 * the exit test on another temporary, b.hi) and a step by an invariant register through a
 * temporary (`add x4, x7, x6; mov x7, x4`), bound per entry. */
static void test_carried_temps(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l), *b = malloc(sizeof *b);
    const uint32_t down[] = {LSL_X2_X7_2, SUB_X4_X7_1, ADD_X5_X7_1, MOV_W6_1, MOV_X7_X4, CMP_X5_1, LDR_W0_X1_X2,
                             BFI_W6_W0_2_30, STR_W6_X3_X2, bcond(10, A64_COND_HI), UDF};
    analyse(down, 10, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->role[7], EMU_LOOP_R_AFFINE);
    assert_int_equal(l->step[7], -1);
    assert_int_equal(emu_loop_val_stride(&l->mem[0].addr), -4);
    uint64_t x[8] = {0, DATA, 0, DATA + 0x8000, 0, 0, 0, 1999};
    assert_true(same_as_sequential(down, 11, x, 0) > 1900);
    const uint32_t by_reg[] = {LSL_X2_X7_2, ADD_X4_X7_X6, MOV_X7_X4, CMP_X4_X5, LDR_W0_X1_X2, ADD_W0_1,
                               STR_W0_X3_X2, bcond(8, A64_COND_LT), UDF};
    analyse(by_reg, 8, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_true(l->bind_insns != 0);
    uint64_t xr[A64_NUM_REGS] = {0, DATA, 0, DATA + 0x8000, 0, 3000, 3, 0}; /* emu_loop_bind reads them all */
    enum emu_loop_reason why;
    assert_true(emu_loop_bind(l, xr, b, &why));
    assert_int_equal(b->step[7], 3);
    assert_int_equal(emu_loop_val_stride(&b->mem[0].addr), 12);
    assert_true(same_as_sequential(by_reg, 9, xr, 0) > 900);
    free(l);
    free(b);
}

/* If-converted bodies: a select per element (c[i] = max(a[i], b[i]) by cmp + csel), a conditional
 * sum (s += a[i] > 100 ? a[i] : 0) and a compare chained by ccmp into a cset: the lane executor
 * keeps each iteration's flags, so they run exactly as sequential execution. */
static void test_if_converted(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t max_map[] = {LDR_W2_X1_X7_LSL2, LDR_W5_X6_X7_LSL2, CMP_W2_W5, CSEL_W2_W2_W5_HI,
                                STR_W2_X3_X7_LSL2, ADD_X7_1, CMP_X7_X0, bne(8), UDF};
    analyse(max_map, 8, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_false(l->lane_skip & (1u << 2)); /* the compare a csel reads runs */
    uint64_t x[8] = {1000, DATA, 0, DATA + 0x4000, 0, 0, DATA + 0x2000, 0};
    assert_true(same_as_sequential(max_map, 9, x, 0) > 900);
    const uint32_t cond_sum[] = {LDR_W2_X1_X7_LSL2, CMP_W2_100, CSEL_W5_W2_WZR_HI, ADD_W4_W4_W5, ADD_X7_1,
                                 CMP_X7_X0, bne(7), UDF};
    analyse(cond_sum, 7, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_true(same_as_sequential(cond_sum, 8, x, 0) > 900);
    const uint32_t chained[] = {LDR_W2_X1_X7_LSL2, CMP_W2_100, CSEL_W5_W2_WZR_HI, CCMP_W5_7, CSET_W6_LO,
                                ADD_W2_W2_W6, STR_W2_X3_X7_LSL2, ADD_X7_1, CMP_X7_X0, bne(10), UDF};
    analyse(chained, 10, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_true(same_as_sequential(chained, 11, x, 0) > 900);
    free(l);
}

/* A dependence at a distance (a[i + d] = a[i] + 5, through two base registers): decided at run
 * time on the addresses of the iterations to run. Taken when d is 0 (in place) or at least the
 * iterations vectorized (999 of the 1000: the last one is the engine's), and when d < 0: an
 * anti-dependence (iteration i reads a[i] before iteration i - d, a later one, stores it), which
 * the executors keep by running in order of instructions; refused when 0 < d < 999 (a true
 * dependence). With the store before the load in the body, an anti-dependence is refused too:
 * b[i] stored to a[i + d] before a[i] is read into a sum. Statically, at constant distances: a
 * forward read (a[i] = a[i + 1] + 5 through one base) is taken, a[i + 1] = a[i] + 5 refused. */
static void test_distance(void **state)
{
    (void)state;
    const uint32_t shift[] = {LDR_W2_X1_X7_LSL2, ADD_W2_5, STR_W2_X3_X7_LSL2, ADD_X7_1, CMP_X7_X0, bne(6), UDF};
    static const int64_t d[] = {8, 1, 500, 990};
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
        uint64_t x[8] = {1000, DATA + 0x4000, 0, DATA + 0x4000 + 4 * (uint64_t)d[i], 0, 0, 0, 0};
        assert_int_equal(same_as_sequential(shift, 7, x, 0), 0);
    }
    static const int64_t ok[] = {0, 999, -999, 3000, -8, -1, -500, -255, -256, -257};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        uint64_t x[8] = {1000, DATA + 0x4000, 0, DATA + 0x4000 + 4 * (uint64_t)ok[i], 0, 0, 0, 0};
        assert_true(same_as_sequential(shift, 7, x, 0) > 900);
    }
    const uint32_t store_first[] = {LDR_W5_X6_X7_LSL2, STR_W5_X3_X7_LSL2, LDR_W2_X1_X7_LSL2, ADD_W4_W2_W4, ADD_X7_1,
                                    CMP_X7_X0, bne(7), UDF};
    uint64_t xs[8] = {1000, DATA + 0x4000, 0, DATA + 0x4000 - 32, 0, 0, DATA + 0x8000, 0};
    assert_int_equal(same_as_sequential(store_first, 8, xs, 0), 0);
    xs[3] = DATA + 0x4000 + 32; /* the other way round, a true dependence */
    assert_int_equal(same_as_sequential(store_first, 8, xs, 0), 0);
    xs[3] = DATA + 0x4000; /* in place: same iteration only */
    assert_true(same_as_sequential(store_first, 8, xs, 0) > 900);
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t fwd[] = {LDR_W3_X1_4, ADD_W2_W3_5, STR_W2_X1_POST, SUBS_X0, bne(5), UDF};
    analyse(fwd, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    uint64_t xf[8] = {1000, DATA, 0, 0, 0, 0, 0, 0};
    assert_true(same_as_sequential(fwd, 6, xf, 0) > 900);
    const uint32_t back[] = {LDR_W2_X1_M4, ADD_W2_5, STR_W2_X1_POST, SUBS_X0, bne(5)};
    expect_reason(back, 5, EMU_LOOP_MEM_CARRIED);
    free(l);
}

/* Run the same code from the same state with and without --loopvec; compare everything. */
struct run {
    struct emu_proc p;
    enum emu_status s;
    uint8_t data[DATA_SIZE];
};

static void run_one(struct run *r, const uint32_t *w, size_t n, const uint64_t *x, const uint64_t *v,
                    uint64_t fpcr, uint64_t max_insns, enum emu_cpu_loops mode)
{
    struct emu_proc *p = &r->p;
    assert_int_equal(emu_proc_init(p, MEM_SIZE), 0);
    assert_int_equal(emu_mem_map(&p->mem, CODE, 0x4000, EMU_PERM_RWX), 0);
    assert_int_equal(emu_mem_map(&p->mem, DATA, DATA_SIZE, EMU_PERM_R | EMU_PERM_W), 0);
    assert_int_equal(emu_mem_poke(&p->mem, CODE, w, n * 4), 0);
    for (uint64_t i = 0; i < DATA_SIZE / 4; i++) {
        uint32_t v = (uint32_t)(i * 2654435761u);
        emu_mem_poke(&p->mem, DATA + 4 * i, &v, 4);
    }
    memcpy(p->st.x, x, 8 * 8);
    if (v)
        memcpy(p->st.v, v, sizeof p->st.v);
    p->st.fpcr = fpcr;
    p->st.pc = CODE;
    struct emu_cpu *c = emu_cpu_new();
    assert_non_null(c);
    assert_int_equal(emu_cpu_set_loops(c, mode), 0);
    r->s = emu_cpu_run(c, p, max_insns);
    emu_mem_peek(&p->mem, DATA, r->data, DATA_SIZE);
    emu_cpu_free(c);
}

/* Returns the vector path's iterations. v: the V registers at the start (NULL: zero). */
static uint64_t same_as_sequential_fp(const uint32_t *w, size_t n, const uint64_t *x, const uint64_t *v,
                                      uint64_t fpcr, uint64_t max_insns)
{
    struct run *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    run_one(a, w, n, x, v, fpcr, max_insns, EMU_CPU_LOOPS_OFF);
    run_one(b, w, n, x, v, fpcr, max_insns, EMU_CPU_LOOPS_VEC);
    assert_int_equal(a->s, b->s);
    assert_memory_equal(a->p.st.x, b->p.st.x, sizeof a->p.st.x);
    assert_memory_equal(a->p.st.v, b->p.st.v, sizeof a->p.st.v);
    assert_int_equal(a->p.st.fpsr, b->p.st.fpsr);
    assert_int_equal(a->p.st.pc, b->p.st.pc);
    assert_int_equal(a->p.st.nzcv, b->p.st.nzcv);
    assert_int_equal(a->p.stats.instructions, b->p.stats.instructions);
    assert_memory_equal(a->data, b->data, DATA_SIZE);
    uint64_t it = b->p.stats.loop_iterations;
    emu_proc_free(&a->p);
    emu_proc_free(&b->p);
    free(a);
    free(b);
    return it;
}

static uint64_t same_as_sequential(const uint32_t *w, size_t n, const uint64_t *x, uint64_t max_insns)
{
    return same_as_sequential_fp(w, n, x, NULL, 0, max_insns);
}

/* FP loops (docs/loopvec.md, FP and SIMD): V registers as invariants, temporaries and
 * accumulators; maps, sums, an FP max by fcmp + fcsel, fmaxnm, a vector fmla, Q and pair
 * accesses, conversions to and from X, under every rounding mode with FZ and DN, on data whose
 * random bits hold NaNs, infinities and subnormals. V registers, FPSR, NZCV, X and memory must
 * come out as sequential execution leaves them. */
static void test_fp_loops(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t map[] = {LDR_D2_X1_POST, FADD_D2_D2_D3, STR_D2_X3_POST, SUBS_X0, bne(5), UDF};
    analyse(map, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->vrole[2], EMU_LOOP_R_TEMP);
    assert_int_equal(l->vrole[3], EMU_LOOP_R_INV);
    assert_true(l->vinv_read & (1u << 3));
    const uint32_t sum[] = {LDR_D2_X1_POST, FADD_D4_D4_D2, SUBS_X0, bne(4), UDF};
    analyse(sum, 4, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->nacc, 1);
    assert_true(l->acc[0].v);
    assert_int_equal(l->acc[0].reg, 4);
    assert_int_equal(emu_loop_fold_of(l, &l->acc[0]).kind, EMU_LOOP_FOLD_SEQ);
    assert_int_equal(l->acc[0].nvslot, 1);
    assert_int_equal(l->acc[0].vslot[0], 2);
    const uint32_t sum_s[] = {LDR_S2_X1_POST, FADD_S4_S4_S2, SUBS_X0, bne(4), UDF};
    const uint32_t max[] = {LDR_D2_X1_POST, FCMP_D2_D4, FCSEL_D4_GT, SUBS_X0, bne(5), UDF};
    analyse(max, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->acc[0].cmp, 1);
    const uint32_t min_s[] = {LDR_S2_X1_POST, FCMPE_S2_S4, FCSEL_S4_MI, SUBS_X0, bne(5), UDF};
    const uint32_t maxnm[] = {LDR_D2_X1_POST, FMAXNM_D4_D4_D2, SUBS_X0, bne(4), UDF};
    const uint32_t fmla[] = {LDR_Q2_X1_POST, FMLA_V4_2D, SUBS_X0, bne(4), UDF};
    analyse(fmla, 4, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->acc[0].nvslot, 2); /* v2 and v3 */
    const uint32_t qmap[] = {LDR_Q2_X1_POST, FADD_V2_4S, STR_Q2_X3_POST, SUBS_X0, bne(5), UDF};
    const uint32_t pairs[] = {LDP_D2_D5_X1_POST, FMADD_D2_D2_D3_D5, FSQRT_D2_D2, STP_D2_D5_X3_POST, SUBS_X0,
                              bne(6), UDF};
    const uint32_t convert[] = {SCVTF_D2_X7, FMUL_D2_D2_D3, FCVTZS_W5_D2, STR_W5_X3_POST, STR_D2_X3_POST,
                                LDR_D5_X6_X7_LSL3, ADD_X7_1_FP, CMP_X7_X0_FP, bne(9), UDF};
    /* clang's interleaved sum: two updates of d4, d2 reloaded between them (each update's operand
     * is captured where it reads it); a chain of different operations, acc = (acc + a) * 1.5 + b */
    const uint32_t sum2[] = {LDR_D2_X1_POST, FADD_D4_D4_D2, LDR_D2_X1_POST, FADD_D4_D4_D2, SUBS_X0, bne(6), UDF};
    analyse(sum2, 6, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->acc[0].nupd, 2);
    const uint32_t chain[] = {LDP_D2_D5_X1_POST, FADD_D4_D4_D2, FMUL_D4_D4_D3, FADD_D4_D4_D5, SUBS_X0, bne(6), UDF};
    analyse(chain, 6, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    assert_int_equal(l->acc[0].nupd, 3);
    assert_int_equal(l->nvcap, 3 * 3); /* d2, d3, d5 at each of three updates */
    /* flags only the exit test reads, but FCMPE against a NaN raises IOC in every iteration */
    const uint32_t dead_cmp[] = {LDR_D2_X1_POST, FCMPE_D2_D3, SUBS_X0, bne(4), UDF};
    analyse(dead_cmp, 4, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    const uint32_t *all[] = {map, sum, sum_s, max, min_s, maxnm, fmla, qmap, pairs, convert, dead_cmp, sum2, chain};
    const size_t len[] = {6, 5, 5, 6, 6, 5, 5, 6, 7, 10, 5, 7, 7};
    static const uint64_t fpcrs[] = {0, 0x00400000, 0x00800000, 0x00c00000, 0x01000000, 0x02000000, 0x03c00000};
    uint64_t v[64] = {0};
    v[6] = 0x3ff8000000000000ull;  /* d3 = 1.5 */
    v[8] = 0x4059000000000000ull;  /* d4 = 100 */
    uint64_t x[8] = {1000, DATA, 0, DATA + 0x8000, 0, 0, DATA + 0x2000, 3};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        for (size_t f = 0; f < sizeof fpcrs / sizeof fpcrs[0]; f++) {
            uint64_t xi[8];
            memcpy(xi, x, sizeof xi);
            if (all[i] == convert)
                xi[0] = 1003; /* x7 counts from 3 to x0 */
            assert_true(same_as_sequential_fp(all[i], len[i], xi, v, fpcrs[f], 0) > 900);
        }
    v[6] = 0x7ff4000000000000ull; /* d3 a signalling NaN: IOC from every compare */
    assert_true(same_as_sequential_fp(dead_cmp, 5, x, v, 0, 0) > 900);
    assert_true(same_as_sequential_fp(map, 6, x, v, 0x02000000, 0) > 900);
    /* limits inside: the vector path leaves whole iterations to the engine */
    assert_true(same_as_sequential_fp(sum, 5, x, v, 0, 2001) > 0);
    free(l);
}

/* Vector inductions (clang's `add v5.4s, v5.4s, v6.4s` with v6 invariant, the lanes' indices as
 * values): affine V registers, each lane's value in closed form, element-wise modulo the element
 * width (wrapping from high starting values), the high half cleared by the 64-bit forms; stored,
 * converted and summed as FP in order. */
static void test_vector_inductions(void **state)
{
    (void)state;
    struct emu_loop *l = malloc(sizeof *l);
    const uint32_t store4s[] = {STR_Q5_X3_POST, ADD_V5_4S, SUBS_X0, bne(4), UDF};
    analyse(store4s, 4, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->vrole[5], EMU_LOOP_R_AFFINE);
    const uint32_t sum[] = {ADD_V5_4S, SCVTF_V2_4S_V5, FADD_V4_4S_V2, SUBS_X0, bne(5), UDF};
    analyse(sum, 5, l);
    assert_int_equal(l->cls, EMU_LOOP_REDUCTION);
    const uint32_t swap2s[] = {STR_Q5_X3_POST, ADD_V5_2S_SWAP, SUBS_X0, bne(4), UDF}; /* read before the add */
    const uint32_t sub2d[] = {STR_Q5_X3_POST, SUB_V5_2D, SUBS_X0, bne(4), UDF};
    const uint32_t scalar[] = {STR_Q5_X3_POST, ADD_D5_D5_D6, SUBS_X0, bne(4), UDF};
    const uint32_t *all[] = {store4s, sum, swap2s, sub2d, scalar};
    const size_t len[] = {5, 6, 5, 5, 5};
    assert_int_equal(l->vrole[5], EMU_LOOP_R_AFFINE);
    uint64_t v[64] = {0};
    v[10] = 0xfffffff0fffffff8ull; /* v5: near the top of each element, so they wrap */
    v[11] = 0x7ffffffe00000003ull;
    v[12] = 0x0000000300000001ull; /* v6: the steps */
    v[13] = 0x0000000700000005ull;
    uint64_t x[8] = {1000, DATA, 0, DATA + 0x4000, 0, 0, 0, 0};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        assert_true(same_as_sequential_fp(all[i], len[i], x, v, 0, 0) > 900);
    /* a step written in the body makes no induction: v5 is then an accumulator, read by the store */
    const uint32_t not_inv[] = {ADD_V5_4S, FMOV_D6_D2, STR_Q5_X3_POST, SUBS_X0, bne(5)};
    expect_reason(not_inv, 5, EMU_LOOP_ACC_READ);
    free(l);
}

/* FP loops the vector path refuses, each for its reason: a recurrence through two instructions,
 * an accumulator stored, a structure load, the compare's operand changed before the select. */
static void test_fp_refusals(void **state)
{
    (void)state;
    const uint32_t recur[] = {LDR_D2_X1_POST, FMUL_D2_D2_D4, FADD_D4_D4_D2, FMOV_D3_D2, FADD_D4_D4_D2, SUBS_X0,
                              bne(7)};
    expect_reason(recur, 7, EMU_LOOP_ACC_READ); /* two updates fold, but the fmul reads d4 between */
    const uint32_t stored[] = {LDR_D2_X1_POST, FADD_D4_D4_D2, STR_D4_X3_POST, SUBS_X0, bne(4)};
    expect_reason(stored, 5, EMU_LOOP_ACC_READ);
    const uint32_t ld1[] = {LD1_V2_4S_X1_POST, FADD_V2_4S, STR_Q2_X3_POST, SUBS_X0, bne(5)};
    expect_reason(ld1, 5, EMU_LOOP_FP_SIMD);
    const uint32_t moved[] = {LDR_D2_X1_POST, FCMP_D2_D4, FMOV_D2_D3, FCSEL_D4_GT, SUBS_X0, bne(6)};
    expect_reason(moved, 6, EMU_LOOP_REG_CARRIED);
    /* run all the same: sequential execution, identical results */
    uint64_t x[8] = {1000, DATA, 0, DATA + 0x8000, 0, 0, 0, 0};
    const uint32_t stored_run[] = {LDR_D2_X1_POST, FADD_D4_D4_D2, STR_D4_X3_POST, SUBS_X0, bne(4), UDF};
    assert_int_equal(same_as_sequential_fp(stored_run, 6, x, NULL, 0, 0), 0);
}

static void test_exact(void **state)
{
    (void)state;
    const uint32_t affine[] = {ADD_X1_3, SUBS_X0, bne(3), UDF};
    const uint32_t map[] = {LDR_W2_X1_POST, ADD_W2_1, STR_W2_X3_POST, SUBS_X0, bne(5), UDF};
    const uint32_t sum[] = {LDR_W2_X1_POST, ADD_W4_W2_W4, SUBS_X0, bne(4), UDF};
    const uint32_t max[] = {LDR_W2_X1_POST, CMP_W2_W4, CSEL_W4_HI, SUBS_X0, bne(5), UDF};
    uint64_t x[8] = {1000, DATA, 0, DATA + 0x8000, 7, 0, 0, 0};
    assert_true(same_as_sequential(affine, 4, x, 0) > 900);
    assert_true(same_as_sequential(map, 6, x, 0) > 900);
    assert_true(same_as_sequential(sum, 5, x, 0) > 900);
    assert_true(same_as_sequential(max, 6, x, 0) > 900);
    /* Wrap-around: the counter starts at 0 and counts down through 2^64 - 1 (b.ne): 2^64 trips,
     * cut by the limit; and a do-while that runs once. */
    uint64_t wrap[8] = {0, 5, 0, 0, 0, 0, 0, 0};
    assert_true(same_as_sequential(affine, 4, wrap, 3000001) > 0);
    uint64_t once[8] = {1, 5, 0, 0, 0, 0, 0, 0};
    assert_int_equal(same_as_sequential(affine, 4, once, 0), 0);
}

/* The lane executor's shortcuts against sequential execution: every min/max fold at both widths
 * (umin, umax, smin, smax, keep, last; the accumulator starts with stray high bits and some W
 * compares read X-loaded values), a counter stored as a value, a pre-indexed base read after its
 * writeback, a counter read by arithmetic. */
static void test_exact_lanes(void **state)
{
    (void)state;
    static const uint32_t folds[][3] = {
        {LDR_W2_X1_POST, CMP_W4_W2, CSEL_W4_GE}, {LDR_W2_X1_POST, CMP_W4_W2, CSEL_W4_LO},
        {LDR_W2_X1_POST, CMP_W2_W4, CSEL_W4_NE}, {LDR_W2_X1_POST, CMP_W2_W4, CSEL_W4_EQ},
        {LDR_X2_X1_POST, CMP_X4_X2, CSEL_X4_LT}, {LDR_X2_X1_POST, CMP_X2_X4, CSEL_X4_LS},
        {LDR_X2_X1_POST, CMP_W2_W4, CSEL_W4_GT}, {LDR_X2_X1_POST, CMP_X4_X2, CSEL_X4_HS},
        {LDR_W2_X1_POST, CMP_W4_W2, CSEL_W4_LT}, {LDR_X2_X1_POST, CMP_W4_W2, CSEL_W4_LT},
        {LDR_X2_X1_POST, CMP_X4_X2, CSEL_X4_LE}, {LDR_X2_X1_POST, CMP_X4_X2, CSEL_X4_EQ},
        {LDR_X2_X1_POST, CMP_X4_X2, CSEL_X4_NE}, {LDR_X2_X1_POST, CMP_W2_W4, CSEL_W4_HI},
    };
    uint64_t x[8] = {1000, DATA, 0, DATA + 0x8000, 0xdead00000007ull, 0, 0, 0};
    for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++) {
        const uint32_t w[] = {folds[i][0], folds[i][1], folds[i][2], SUBS_X0, bne(5), UDF};
        struct emu_loop l;
        analyse(w, 5, &l);
        assert_int_equal(l.cls, EMU_LOOP_REDUCTION);
        assert_true(same_as_sequential(w, 6, x, 0) > 900);
    }
    const uint32_t store_counter[] = {STR_X0_X3_POST, SUBS_X0, bne(3), UDF};
    assert_true(same_as_sequential(store_counter, 4, x, 0) > 900);
    const uint32_t base_read[] = {LDR_W2_X1_PRE, ADD_X5_X1_X2, STR_X5_X3_POST, SUBS_X0, bne(5), UDF};
    assert_true(same_as_sequential(base_read, 6, x, 0) > 900);
    /* a temporary base register read after its writeback */
    const uint32_t temp_base[] = {ADD_X9_X1_0, LDR_X2_X9_POST, ADD_X5_X9_X2, STR_X5_X3_POST, ADD_X1_8, SUBS_X0,
                                  bne(7), UDF};
    assert_true(same_as_sequential(temp_base, 8, x, 0) > 900);
    const uint32_t counter_add[] = {LDR_W2_X1_POST, ADD_W2_W2_W0, STR_W2_X3_POST, SUBS_X0, bne(5), UDF};
    assert_true(same_as_sequential(counter_add, 6, x, 0) > 900);
    /* a W counter read as 64 bits before its update: in iteration 0 it still has the high bits
     * it came in with, in every later one the W update has cleared them */
    const uint32_t w_read_x[] = {LDR_W2_X1_POST, ADD_X6_X2_X7, STR_X6_X3_POST, ADD_W7_1, SUBS_X0, bne(6), UDF};
    uint64_t xw[8] = {1000, DATA, 0, DATA + 0x8000, 0, 0, 0, 0xdead00000005ull};
    assert_true(same_as_sequential(w_read_x, 7, xw, 0) > 900);
}

/* The 32-bit index loops against sequential execution, and a 32-bit index that wraps midway
 * (UXTW and SXTW): refused at run time, so the fault comes at the same iteration. */
static void test_exact_index(void **state)
{
    (void)state;
    const uint32_t map[] = {LDR_W2_UXTW, ADD_W2_1, STR_W2_X3_UXTW, ADD_W7_1, SUBS_X0, bne(6), UDF};
    const uint32_t sum_down[] = {LDR_X2_SXTW, EOR_X4_X2_X4, SUB_W7_1, SUBS_X0, bne(5), UDF};
    const uint32_t unrolled[] = {ADD_W8_W7_1, LDR_W2_UXTW, LDR_W5_W8_UXTW, ADD_W4_W2_W4, ADD_W6_W5_W6,
                                 ADD_W7_2, SUBS_X0, bne(8), UDF};
    const uint32_t by_hand[] = {MOV_W8_W7, LSL_X8_X8_2, LDR_W2_X1_X8, ADD_W2_1, STR_W2_X3_X8, ADD_W7_1,
                                SUBS_X0, bne(8), UDF};
    const uint32_t in_place[] = {LDR_W2_SXTW, ADD_W2_1, STR_W2_SXTW, ADD_W7_1, SUBS_X0, bne(6), UDF};
    uint64_t x[8] = {1000, DATA, 0, DATA + 0x8000, 7, 0, 0, 5};
    assert_true(same_as_sequential(map, 7, x, 0) > 900);
    assert_true(same_as_sequential(unrolled, 9, x, 0) > 900);
    assert_true(same_as_sequential(by_hand, 9, x, 0) > 900);
    assert_true(same_as_sequential(in_place, 7, x, 0) > 900);
    uint64_t down[8] = {1000, DATA + 0x8000, 0, 0, 7, 0, 0, 5}; /* w7 runs from 5 to -994 */
    assert_true(same_as_sequential(sum_down, 6, down, 0) > 900);
    uint64_t uwrap[8] = {1000, DATA - (0xfffffff0ull << 2), 0, DATA + 0x8000 - (0xfffffff0ull << 2), 0, 0, 0,
                         0xfffffff0u};
    assert_int_equal(same_as_sequential(map, 7, uwrap, 0), 0);
    uint64_t swrap[8] = {1000, DATA - (0x7ffffff0ull << 2), 0, 0, 0, 0, 0, 0x7ffffff0u};
    assert_int_equal(same_as_sequential(in_place, 7, swrap, 0), 0);
    /* the same, stopped before the wrap: vectorized */
    assert_true(same_as_sequential(map, 7, uwrap, 6 * 15) > 0);
}

/* Steps by an invariant register (the sieve's `j += p`): classified with the step left open,
 * refused by emu_loop_plan until bound, bound per entry with the step as an immediate; a stride
 * that makes iterations overlap is refused at bind time. */
static void test_register_step(void **state)
{
    (void)state;
    const uint32_t sieve[] = {STRB_W2_X1_X3, ADD_X3_X3_X4, CMP_X3_X0, bcond(4, A64_COND_CC), UDF};
    struct emu_loop *l = malloc(sizeof *l), *b = malloc(sizeof *b);
    analyse(sieve, 4, l);
    assert_int_equal(l->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(l->bind_insns, 1u << 1);
    struct emu_state st;
    memset(&st, 0, sizeof st);
    st.x[0] = 1000;
    st.x[4] = 3;
    enum emu_loop_reason why;
    int ordered;
    assert_int_equal(emu_loop_plan(l, &st, NULL, NULL, 1000, &why, &ordered), 0);
    assert_int_equal(why, EMU_LOOP_RT_BIND);
    assert_true(emu_loop_bind(l, st.x, b, &why));
    assert_int_equal(b->cls, EMU_LOOP_ELEMENTWISE);
    assert_int_equal(b->bind_insns, 0);
    assert_int_equal(b->step[3], 3);
    st.x[4] = 0; /* every iteration stores to the same byte */
    assert_false(emu_loop_bind(l, st.x, b, &why));
    assert_int_equal(why, EMU_LOOP_MEM_CARRIED);
    free(l);
    free(b);

    uint64_t x[8] = {0x8000, DATA, 0x5a, 5, 3, 0, 0, 0};
    assert_true(same_as_sequential(sieve, 5, x, 0) > 9000);
    x[4] = 7;
    assert_true(same_as_sequential(sieve, 5, x, 0) > 4000);
    /* the stepped index is also the value stored: its row must be kept */
    const uint32_t self[] = {STRB_W3_X1_X3, ADD_X3_X3_X4, CMP_X3_X0, bcond(4, A64_COND_CC), UDF};
    uint64_t xs[8] = {3000, DATA + 0x100, 0, 4, 3, 0, 0, 0};
    assert_true(same_as_sequential(self, 5, xs, 0) > 900);
    /* steps so large that the analysis's distances within a stream would overflow: refused at
     * run time, so the second iteration faults as in sequential execution */
    uint64_t xh[8] = {~0ull, DATA, 0x5a, 5, 0xdaa66d2c7ddf743full, 0, 0, 0};
    assert_int_equal(same_as_sequential(sieve, 5, xh, 0), 0);
    xh[4] = 0x8000000000000000ull;
    assert_int_equal(same_as_sequential(sieve, 5, xh, 0), 0);
    const uint32_t down[] = {STR_W2_X1_X3, SUB_X3_X4_LSL1, CMP_X3_X5, bcond(4, A64_COND_HI), UDF};
    uint64_t xd[8] = {0, DATA, 0x5a5a5a5a, 0x8000, 4, 16, 0, 0};
    assert_true(same_as_sequential(down, 5, xd, 0) > 4000);
    const uint32_t w_step[] = {ADD_W3_W3_W4, STRB_W2_X1_W3_UXTW, CMP_W3_W0, bcond(4, A64_COND_CC), UDF};
    uint64_t xw[8] = {0xf000, DATA, 0x5a, 1, 5, 0, 0, 0};
    assert_true(same_as_sequential(w_step, 5, xw, 0) > 9000);
    /* 4-byte stores 2 bytes apart, and a zero step (run into a limit): sequential, same result */
    const uint32_t overlap[] = {STR_W2_X1_X3, ADD_X3_X3_X4, CMP_X3_X0, bcond(4, A64_COND_CC), UDF};
    uint64_t xo[8] = {0x8000, DATA, 0x5a5a5a5a, 5, 2, 0, 0, 0};
    assert_int_equal(same_as_sequential(overlap, 5, xo, 0), 0);
    xo[4] = 0;
    assert_int_equal(same_as_sequential(overlap, 5, xo, 5003), 0);
}

static void test_runtime_refusals(void **state)
{
    (void)state;
    const uint32_t map[] = {LDR_W2_X1_POST, ADD_W2_1, STR_W2_X3_POST, SUBS_X0, bne(5), UDF};
    /* destination one element above the source: every iteration reads what the last one wrote */
    uint64_t overlap[8] = {1000, DATA, 0, DATA + 4, 0, 0, 0, 0};
    assert_int_equal(same_as_sequential(map, 6, overlap, 0), 0);
    /* the source runs off the end of the data region midway: same fault, pc, memory */
    uint64_t fault[8] = {1000, DATA + DATA_SIZE - 400, 0, DATA, 0, 0, 0, 0};
    assert_int_equal(same_as_sequential(map, 6, fault, 0), 0);
    /* a store into the code page */
    uint64_t code[8] = {100, DATA, 0, CODE + 0x100, 0, 0, 0, 0};
    assert_int_equal(same_as_sequential(map, 6, code, 0), 0);
}

static void test_limits_inside(void **state)
{
    (void)state;
    const uint32_t map[] = {LDR_W2_X1_POST, ADD_W2_1, STR_W2_X3_POST, SUBS_X0, bne(5), UDF};
    const uint32_t sum[] = {LDR_W2_X1_POST, ADD_W4_W2_W4, SUBS_X0, bne(4), UDF};
    uint64_t x[8] = {3000, DATA, 0, DATA + 0x8000, 7, 0, 0, 0};
    static const uint64_t limits[] = {1, 5, 6, 7, 23, 1001, 4997, 9999, 14999, 15000, 15001};
    uint64_t vec = 0;
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        vec += same_as_sequential(map, 6, x, limits[i]);
        vec += same_as_sequential(sum, 5, x, limits[i]);
    }
    assert_true(vec > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_traps),
        cmocka_unit_test(test_lane_plan),
        cmocka_unit_test(test_fold_pick),
        cmocka_unit_test(test_exact),
        cmocka_unit_test(test_exact_lanes),
        cmocka_unit_test(test_index_forms),
        cmocka_unit_test(test_exact_index),
        cmocka_unit_test(test_affine_shapes),
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_if_converted),
        cmocka_unit_test(test_carried_temps),
        cmocka_unit_test(test_exec_folds),
        cmocka_unit_test(test_register_step),
        cmocka_unit_test(test_runtime_refusals),
        cmocka_unit_test(test_limits_inside),
        cmocka_unit_test(test_fp_loops),
        cmocka_unit_test(test_fp_refusals),
        cmocka_unit_test(test_vector_inductions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
