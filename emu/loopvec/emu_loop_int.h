/* emu_loop_int.h: the analysis's internal pieces (emu_loop.c walks the body, emu_loop_val.c says
 * what each register holds as an affine value of the iteration, and where each access goes). */
#ifndef EMU_LOOP_INT_H
#define EMU_LOOP_INT_H

#include "emu_loop.h"

/* The values of every register slot at the head of an iteration: an invariant is X[r]; an affine
 * register X[r] + j * step (a 32-bit one zero-extended from its low half); the zero register 0;
 * anything else (temporaries, accumulators) not affine. */
void emu_loop_vals_head(const struct emu_loop *l, struct emu_loop_val *v);

/* The values after body instruction i, from v before it (updated in place). */
void emu_loop_vals_step(const struct emu_loop *l, uint32_t i, struct emu_loop_val *v);

/* The second operand of an ALU instruction with register values v: rm shifted or extended as
 * the instruction says, or its immediate. kind NONE when it is not affine. */
struct emu_loop_val emu_loop_val_op2(const struct a64_insn *in, const struct emu_loop_val *v);

/* The value's low 32 bits as a lin (exact modulo 2^32); 0 when v is not affine. */
int emu_loop_val_low32(const struct emu_loop_val *v, struct emu_loop_lin *out);

/* v as a lin (exact modulo 2^64): 0 when it is not affine or has an extended part. */
int emu_loop_val_lin(const struct emu_loop_val *v, struct emu_loop_lin *out);

/* Do a and b differ only by a constant (same terms, same steps, same extended part up to its
 * constant)? Then *d = b - a, exact when neither extended part wraps. */
int emu_loop_val_distance(const struct emu_loop_val *a, const struct emu_loop_val *b, int64_t *d);

/* Is carried register r, at the end of the body, its value at the head plus d, d made of a
 * constant and invariant registers (bit s of inv: s is never written)? Followed through any
 * operations emu_loop_vals_step knows (`sub x13, x8, #1; mov x8, x13`, as clang emits). 1 with
 * *d and the width of the result in *sf (0: the low half, zero-extended; d then modulo 2^32). */
int emu_loop_val_carried(const struct emu_loop *l, uint64_t inv, unsigned r, struct emu_loop_lin *d, int *sf);

/* The access made by body instruction i (a load or store other than PRFM), with register values
 * v before it: 1 with *m filled, 0 if its address is not affine. */
int emu_loop_mem_at(const struct emu_loop *l, const struct emu_loop_val *v, uint32_t i, struct emu_loop_mem *m);

/* May accesses i and j of l (mem[] indices) collide as `m` says (EMU_LOOP_M_*, from i's view)?
 * 0: no; 1: yes, there is no collision; 2: only when the iterations run in order of
 * instructions (an anti-dependence: the load's iteration is always the earlier one, and the load
 * comes before the store in the body). */
int emu_loop_collisions_allowed(const struct emu_loop *l, uint32_t i, uint32_t j, unsigned m);

#endif
