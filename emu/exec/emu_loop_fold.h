/* emu_loop_fold.h: one step of a loop reduction, acc = fold(acc, v), shared by the CPU engine's
 * lane executor and the GPU loop kernel (C11 and OpenCL C, like emu_alu.h), so both fold with one
 * definition.
 *
 * The folds are those emu_loop_analyse accepts: add, eor, orr, and, mul, and a compare of the
 * accumulator with v followed by a select between the two on an ordered condition (min or max,
 * signed or unsigned; EQ/NE keep the first or the last value). Every one is associative, so the
 * fold of a run of consecutive iterations can be computed apart and folded into the accumulator
 * afterwards with the same function, as long as runs are folded in iteration order. That is what
 * lets a device reduce iterations in parallel and still get the sequential result bit for bit.
 */
#ifndef EMU_LOOP_FOLD_H
#define EMU_LOOP_FOLD_H

#include "emu_alu.h"

#define EMU_LOOP_FOLD_ADD 0
#define EMU_LOOP_FOLD_EOR 1
#define EMU_LOOP_FOLD_ORR 2
#define EMU_LOOP_FOLD_AND 3
#define EMU_LOOP_FOLD_CSEL 4  /* cmp a, b; csel acc, n, m, cond */
#define EMU_LOOP_FOLD_MUL 5   /* acc * v (mul: a product reduction) */
#define EMU_LOOP_FOLD_SEQ 6   /* a V register: the accumulator's own FP/SIMD instructions, run
                                 in iteration order (emu_loop_vfold_iter); not associative, so
                                 never split into partials */

struct emu_loop_fold {
    uint8_t kind;   /* EMU_LOOP_FOLD_* */
    uint8_t sf;     /* width of the update */
    uint8_t cond;   /* CSEL: condition selecting n */
    uint8_t a_acc;  /* CSEL: the compare's first operand is the accumulator (else v) */
    uint8_t n_acc;  /* CSEL: the select's n operand is the accumulator (else v) */
    uint8_t exec;   /* v is what the accumulator's own instruction computes from the fold's
                       identity in place of the accumulator (madd, cinc, a shifted operand) */
    uint8_t pad[2];
};

/* A CSEL fold as the operation it computes, so an executor can run it as a plain min or max loop
 * instead of computing flags per element. Seen from the accumulator, the fold keeps acc when
 * a relation R(acc, v) holds at the width and takes v otherwise; R is the select's condition with
 * the compare's operands swapped when v came first, negated when the select's n operand is v.
 * Since equal values at the width are the same result after truncation, R = EQ always yields v,
 * NE always acc, and the strict and non-strict orders give the same min or max. */
#define EMU_LOOP_PICK_KEEP 0  /* acc */
#define EMU_LOOP_PICK_LAST 1  /* v */
#define EMU_LOOP_PICK_UMIN 2
#define EMU_LOOP_PICK_UMAX 3
#define EMU_LOOP_PICK_SMIN 4
#define EMU_LOOP_PICK_SMAX 5

static inline unsigned emu_loop_fold_pick(struct emu_loop_fold f)
{
    /* cond with its operands swapped: c(a, b) == swapped(c)(b, a); index by A64_COND_* */
    const uint8_t swapped[14] = {A64_COND_EQ, A64_COND_NE, A64_COND_LS, A64_COND_HI, A64_COND_MI,
                                 A64_COND_PL, A64_COND_VS, A64_COND_VC, A64_COND_CC, A64_COND_CS,
                                 A64_COND_LE, A64_COND_GT, A64_COND_LT, A64_COND_GE};
    unsigned r = f.a_acc ? f.cond : swapped[f.cond < 14 ? f.cond : 0];
    if (!f.n_acc)
        r ^= 1; /* A64 conditions come in pairs that negate each other */
    switch (r) {
    case A64_COND_EQ: return EMU_LOOP_PICK_LAST;
    case A64_COND_CS: case A64_COND_HI: return EMU_LOOP_PICK_UMAX;
    case A64_COND_CC: case A64_COND_LS: return EMU_LOOP_PICK_UMIN;
    case A64_COND_GE: case A64_COND_GT: return EMU_LOOP_PICK_SMAX;
    case A64_COND_LT: case A64_COND_LE: return EMU_LOOP_PICK_SMIN;
    default: return EMU_LOOP_PICK_KEEP; /* NE */
    }
}

/* emu_loop_fold_step for a CSEL fold with pick p = emu_loop_fold_pick(f), without flags. */
static inline uint64_t emu_loop_pick_step(unsigned p, int sf, uint64_t acc, uint64_t v)
{
    uint64_t a = emu_alu_w(acc, sf), b = emu_alu_w(v, sf);
    int64_t sa = sf ? (int64_t)a : (int64_t)(int32_t)(uint32_t)a;
    int64_t sb = sf ? (int64_t)b : (int64_t)(int32_t)(uint32_t)b;
    switch (p) {
    case EMU_LOOP_PICK_KEEP: return a;
    case EMU_LOOP_PICK_LAST: return b;
    case EMU_LOOP_PICK_UMIN: return a < b ? a : b;
    case EMU_LOOP_PICK_UMAX: return a > b ? a : b;
    case EMU_LOOP_PICK_SMIN: return sa < sb ? a : b;
    default: return sa > sb ? a : b;
    }
}

/* One fold step. A CSEL fold is computed as its min, max or pick, which tests/test_loop.c checks
 * against the compare's flags and the select's condition for every form. */
static inline uint64_t emu_loop_fold_step(struct emu_loop_fold f, uint64_t acc, uint64_t v)
{
    int sf = f.sf;
    switch (f.kind) {
    case EMU_LOOP_FOLD_ADD: return emu_alu_w(acc + v, sf);
    case EMU_LOOP_FOLD_EOR: return emu_alu_w(acc ^ v, sf);
    case EMU_LOOP_FOLD_ORR: return emu_alu_w(acc | v, sf);
    case EMU_LOOP_FOLD_AND: return emu_alu_w(acc & v, sf);
    case EMU_LOOP_FOLD_MUL: return emu_alu_w(acc * v, sf);
    default: return emu_loop_pick_step(emu_loop_fold_pick(f), sf, acc, v);
    }
}

/* The value that leaves an accumulator unchanged under fold f (for the exec form: run the update
 * with the accumulator at this value and its result is what the iteration folds in). */
static inline uint64_t emu_loop_fold_identity(struct emu_loop_fold f)
{
    return f.kind == EMU_LOOP_FOLD_AND ? ~(uint64_t)0 : f.kind == EMU_LOOP_FOLD_MUL ? 1 : 0;
}

/* A vector induction (emu_loop.h, V affine registers): the V register that `add v, v, s` (sub:
 * `sub v, v, s`; elements of 8 << size bits, 128 bits when q, else 64 and the high half zero)
 * leaves after j iterations from v0 = {lo, hi}, s = {slo, shi} invariant: each element
 * v0 + j * s (sub: - j * s), modulo its width. j = 0 is v0 itself. */
static inline void emu_loop_vaffine(uint32_t size, uint32_t q, uint32_t sub, uint64_t lo, uint64_t hi, uint64_t slo,
                                    uint64_t shi, uint64_t j, uint64_t *rlo, uint64_t *rhi)
{
    *rlo = lo;
    *rhi = hi;
    if (j == 0)
        return;
    const uint32_t e = 8u << (size & 3);
    const uint64_t mask = e == 64 ? ~(uint64_t)0 : ((uint64_t)1 << e) - 1;
    for (uint32_t h = 0; h < 2; h++) {
        uint64_t v = h ? hi : lo, s = h ? shi : slo, r = 0;
        for (uint32_t i = 0; i < 64; i += e) {
            uint64_t x = v >> i & mask, d = (s >> i & mask) * j;
            r |= ((sub ? x - d : x + d) & mask) << i;
        }
        if (h)
            *rhi = q ? r : 0;
        else
            *rlo = r;
    }
}

#endif
