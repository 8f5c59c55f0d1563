/* emu_loop_int.h: the analysis's internal pieces (emu_loop.c walks the body, emu_loop_addr.c
 * works out what registers hold in address terms and the address of each access). */
#ifndef EMU_LOOP_INT_H
#define EMU_LOOP_INT_H

#include "emu_loop.h"

/* What a register holds at one point of the body, in iteration j, with v(j) = X[s.reg] at the
 * head + s.off + j * step(s.reg):
 *   EMU_LOOP_FORM_X: v(j) itself, all 64 bits;
 *   EMU_LOOP_FORM_W: the low 32 bits of v(j), zero-extended, shifted left by sh (an index built
 *                    by 32-bit operations, `mov w8, w2; lsl x8, x8, #2`). */
enum { EMU_LOOP_FORM_NONE, EMU_LOOP_FORM_X, EMU_LOOP_FORM_W };

struct emu_loop_form {
    uint8_t kind;             /* EMU_LOOP_FORM_* */
    uint8_t sh;
    struct emu_loop_sym s;
};

/* The forms of the temporaries: after instruction `in`, with off[] the steps the affine
 * registers have had before it in this iteration. */
void emu_loop_form_write(const struct emu_loop *l, const int64_t *off, struct emu_loop_form *tf,
                         const struct a64_insn *in);

/* The access made by body instruction i (a load or store other than PRFM) as an affine address:
 * 1 with *m filled (all but `local`), 0 if its address is not one. */
int emu_loop_mem_at(const struct emu_loop *l, const int64_t *off, const struct emu_loop_form *tf,
                    uint32_t i, struct emu_loop_mem *m);

#endif
