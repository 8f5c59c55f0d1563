/* emu_loop_addr.c: memory addresses of a loop body as affine functions of the iteration.
 *
 * A base must be a 64-bit value that moves by a constant per iteration: an invariant, a 64-bit
 * affine register, or a temporary that adds a constant to one. An index may also be 32 bits
 * wide, as compilers emit for `unsigned` and `int` indices: a 32-bit affine register, or a
 * temporary built from one by 32-bit adds, moves, `uxtw`, `ubfiz` and `lsl`, used either through
 * a register-offset access with UXTW/SXTW or already zero-extended and shifted. Such an index is
 * affine only while it does not wrap over the iterations run; emu_loop_plan checks that at run
 * time, together with the zero upper half of 32-bit affine registers at the head that the W form
 * of such a register assumes.
 */
#include "emu_loop_int.h"

/* The form of register reg at this point of the walk. */
static struct emu_loop_form form_of(const struct emu_loop *l, const int64_t *off,
                                    const struct emu_loop_form *tf, unsigned reg)
{
    struct emu_loop_form f = {.kind = EMU_LOOP_FORM_X, .s = {.reg = (uint8_t)reg, .off = 0}};
    if (reg >= A64_REG_ZR) {
        f.s.reg = A64_REG_ZR;
        return f;
    }
    switch (l->role[reg]) {
    case EMU_LOOP_R_INV: return f;
    case EMU_LOOP_R_AFFINE:
        f.s.off = off[reg];
        if (!l->sf[reg])
            f.kind = EMU_LOOP_FORM_W;
        return f;
    case EMU_LOOP_R_TEMP: return tf[reg];
    default: return (struct emu_loop_form){.kind = EMU_LOOP_FORM_NONE};
    }
}

/* The low 32 bits of f as a W form with shift 0, or none. */
static struct emu_loop_form low_word(struct emu_loop_form f)
{
    if (f.kind == EMU_LOOP_FORM_X || (f.kind == EMU_LOOP_FORM_W && f.sh == 0))
        f.kind = EMU_LOOP_FORM_W;
    else
        f.kind = EMU_LOOP_FORM_NONE;
    f.sh = 0;
    return f;
}

void emu_loop_form_write(const struct emu_loop *l, const int64_t *off, struct emu_loop_form *tf,
                         const struct a64_insn *in)
{
    struct emu_loop_form f = {.kind = EMU_LOOP_FORM_NONE};
    int64_t d = in->imm;
    switch (in->op) {
    case A64_OP_SUB_IMM:
    case A64_OP_SUBS_IMM:
        d = (int64_t)(0 - (uint64_t)in->imm);
        /* fall through */
    case A64_OP_ADD_IMM:
    case A64_OP_ADDS_IMM:
        f = form_of(l, off, tf, in->rn);
        if (!in->sf)
            f = low_word(f);
        else if (f.kind != EMU_LOOP_FORM_X)
            f.kind = EMU_LOOP_FORM_NONE;
        f.s.off = (int64_t)((uint64_t)f.s.off + (uint64_t)d);
        break;
    case A64_OP_ORR_SHIFT: /* mov */
        if (in->rn == A64_REG_ZR && in->amount == 0) {
            f = form_of(l, off, tf, in->rm);
            if (!in->sf)
                f = low_word(f);
        }
        break;
    case A64_OP_UBFM:
        if (!in->sf)
            break;
        f = form_of(l, off, tf, in->rn);
        if (in->imms == 31 && (in->immr == 0 || in->immr >= 32)) { /* uxtw, ubfiz #lsb, #32 */
            f = low_word(f);
            f.sh = (uint8_t)(in->immr ? 64 - in->immr : 0);
        } else if (in->imms + 1 == in->immr && f.kind == EMU_LOOP_FORM_W &&
                   f.sh + 64 - in->immr <= 32) { /* lsl #s that keeps every bit of a W form */
            f.sh = (uint8_t)(f.sh + 64 - in->immr);
        } else {
            f.kind = EMU_LOOP_FORM_NONE;
        }
        break;
    default: break;
    }
    /* Everything else a temporary gets is unknown, but for a base writeback: + imm. */
    struct emu_loop_form none = {.kind = EMU_LOOP_FORM_NONE};
    if ((in->flags & (A64_F_WB_PRE | A64_F_WB_POST)) && in->rn < A64_REG_ZR && l->role[in->rn] == EMU_LOOP_R_TEMP) {
        struct emu_loop_form *b = &tf[in->rn];
        if (b->kind == EMU_LOOP_FORM_X)
            b->s.off = (int64_t)((uint64_t)b->s.off + (uint64_t)in->imm);
        else
            *b = none;
    }
    if ((in->flags & A64_P_W_RD) && in->rd < A64_REG_ZR && l->role[in->rd] == EMU_LOOP_R_TEMP)
        tf[in->rd] = f;
    if ((in->flags & A64_P_W_RA) && in->ra < A64_REG_ZR && l->role[in->ra] == EMU_LOOP_R_TEMP)
        tf[in->ra] = none;
    if ((in->flags & A64_P_W_RM) && in->rm < A64_REG_ZR && l->role[in->rm] == EMU_LOOP_R_TEMP)
        tf[in->rm] = none;
    if ((in->flags & A64_P_W_LR) && l->role[30] == EMU_LOOP_R_TEMP)
        tf[30] = none;
}

/* The index of a register-offset access: its extension and the index shift it adds, or 0. */
static int index_at(const struct a64_insn *in, struct emu_loop_form f, struct emu_loop_mem *m)
{
    unsigned amount = in->amount & 7;
    if (in->shift == A64_EXT_UXTX || in->shift == A64_EXT_SXTX) { /* lsl: the whole register */
        if (f.kind == EMU_LOOP_FORM_NONE)
            return 0;
        m->ext = f.kind == EMU_LOOP_FORM_X ? EMU_LOOP_EXT_X : EMU_LOOP_EXT_UXTW;
        m->shift = (uint8_t)(f.sh + amount);
    } else if (in->shift == A64_EXT_UXTW || in->shift == A64_EXT_SXTW) { /* its low 32 bits */
        f = low_word(f);
        if (f.kind == EMU_LOOP_FORM_NONE)
            return 0;
        m->ext = in->shift == A64_EXT_UXTW ? EMU_LOOP_EXT_UXTW : EMU_LOOP_EXT_SXTW;
        m->shift = (uint8_t)amount;
    } else {
        return 0;
    }
    m->index = f.s;
    return 1;
}

int emu_loop_mem_at(const struct emu_loop *l, const int64_t *off, const struct emu_loop_form *tf,
                    uint32_t i, struct emu_loop_mem *m)
{
    const struct a64_insn *in = &l->ins[i];
    *m = (struct emu_loop_mem){.insn = (uint8_t)i, .store = (in->flags & A64_P_STORE) != 0};
    m->bytes = (uint8_t)((1u << (in->size & 3)) * (in->op == A64_OP_LDP || in->op == A64_OP_STP ? 2 : 1));
    m->index.reg = A64_REG_ZR;
    if (in->op == A64_OP_LDR_LIT) {
        m->base.reg = A64_REG_ZR;
        m->base.off = (int64_t)(l->pc + 4ull * i + (uint64_t)in->imm);
        return 1;
    }
    struct emu_loop_form b = form_of(l, off, tf, in->rn);
    if (b.kind != EMU_LOOP_FORM_X)
        return 0;
    m->base = b.s;
    if (in->op == A64_OP_LDR_REG || in->op == A64_OP_STR_REG)
        return index_at(in, form_of(l, off, tf, in->rm), m);
    if (!(in->flags & A64_F_WB_POST))
        m->base.off = (int64_t)((uint64_t)m->base.off + (uint64_t)in->imm);
    return 1;
}
