/* emu_loop_fold.h: one step of a loop reduction, acc = fold(acc, v), shared by the CPU engine's
 * lane executor and the GPU loop kernel (C11 and OpenCL C, like emu_alu.h), so both fold with one
 * definition.
 *
 * The folds are those emu_loop_analyse accepts: add, eor, orr, and, and a compare of the
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

struct emu_loop_fold {
    uint8_t kind;   /* EMU_LOOP_FOLD_* */
    uint8_t sf;     /* width of the update */
    uint8_t cond;   /* CSEL: condition selecting n */
    uint8_t a_acc;  /* CSEL: the compare's first operand is the accumulator (else v) */
    uint8_t n_acc;  /* CSEL: the select's n operand is the accumulator (else v) */
    uint8_t pad[3];
};

static inline uint64_t emu_loop_fold_step(struct emu_loop_fold f, uint64_t acc, uint64_t v)
{
    int sf = f.sf;
    switch (f.kind) {
    case EMU_LOOP_FOLD_ADD: return emu_alu_w(acc + v, sf);
    case EMU_LOOP_FOLD_EOR: return emu_alu_w(acc ^ v, sf);
    case EMU_LOOP_FOLD_ORR: return emu_alu_w(acc | v, sf);
    case EMU_LOOP_FOLD_AND: return emu_alu_w(acc & v, sf);
    default: {
        uint32_t nzcv;
        emu_alu_adc_flags(f.a_acc ? acc : v, ~(f.a_acc ? v : acc), 1, sf, &nzcv);
        int n = emu_alu_cond(f.cond, nzcv);
        return emu_alu_w(n == (f.n_acc != 0) ? acc : v, sf);
    }
    }
}

#endif
