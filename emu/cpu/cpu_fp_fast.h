/* cpu_fp_fast.h: the CPU engine's host-arithmetic fast path for scalar FP (cpu_fp_fast.c). Each
 * function computes only what it can prove equal to the exact semantics (emu/exec/exec_fp.h),
 * bits and FPSR flags, and returns 1; otherwise it returns 0, writes nothing, and the caller
 * runs the exact semantics. */
#ifndef CPU_FP_FAST_H
#define CPU_FP_FAST_H

#include <stdint.h>

/* MLA and MLS (d + a * b, d - a * b, one rounding) only through cpu_fp_fast_vector. */
enum cpu_fp_kind { CPU_FP_ADD, CPU_FP_SUB, CPU_FP_MUL, CPU_FP_DIV, CPU_FP_SQRT, CPU_FP_MLA, CPU_FP_MLS };

#define CPU_FP_LANES 4 /* the most elements of a vector (4S) */

/* kind on the n-bit (32 or 64) values a and b (b unused by SQRT) under FPCR value fpcr: the
 * result into *r, IXC ORed into *fpsr when inexact. */
int cpu_fp_fast(uint32_t kind, int n, uint64_t a, uint64_t b, uint32_t fpcr, uint64_t *r, uint32_t *fpsr);

/* FPMulAdd: c + a * b with one rounding, n-bit values, under FPCR value fpcr. The A64 forms negate
 * operands first, never the result, as FPNeg does before FPMulAdd (FMSUB: a; FNMADD: c and a;
 * FNMSUB: c; FMLS: a), so that signed zeros come out as Arm's: FNMADD of a * b = +0 and c = -0 is
 * -(-0) + -(+0) = +0, not -(+0 + -0) = -0. */
int cpu_fp_fast_muladd(int n, uint64_t c, uint64_t a, uint64_t b, uint32_t fpcr, uint64_t *r, uint32_t *fpsr);

/* A vector instruction's count (at most CPU_FP_LANES) n-bit elements of kind: ADD, SUB, MUL, DIV
 * of a[i] and b[i], MLA and MLS with the accumulator d[i] (unused by the others). Taken only if
 * every element is; then the results into r[], and *fpsr ORed with every element's flags. */
int cpu_fp_fast_vector(uint32_t kind, int n, int count, const uint64_t *a, const uint64_t *b, const uint64_t *d,
                       uint32_t fpcr, uint64_t *r, uint32_t *fpsr);

/* FCMP/FCMPE of two n-bit values that are neither NaN nor subnormal: NZCV into *nzcv (no flag
 * can be raised then). */
int cpu_fp_fast_compare(int n, uint64_t a, uint64_t b, uint32_t *nzcv);

/* SCVTF without fraction bits: the n-bit (32 or 64) float of integer v when that is exact (then no
 * flag either), into *r. */
int cpu_fp_fast_from_int(int n, int64_t v, uint64_t *r);

/* FCVTZS without fraction bits: n-bit a truncated to an ibits-wide (32 or 64) signed integer, into
 * *r (zero-extended), IXC ORed into *fpsr when inexact; for zero and normal a in range. */
int cpu_fp_fast_to_int(int n, uint64_t a, int ibits, uint64_t *r, uint32_t *fpsr);

struct a64_insn;

/* The fast path for decoded instruction `in` on the V register file v (emu_state.v's layout):
 * scalar FADD/FSUB/FMUL/FDIV/FSQRT, FMADD/FMSUB/FNMADD/FNMSUB and FCMP/FCMPE (also against
 * zero), vector FADD/FSUB/FMUL/FDIV/FSQRT/FMLA/FMLS and FMUL/FMLA/FMLS by element, single and
 * double.
 * 1 when it ran it (the result in v, IXC ORed into *fpsr, a compare's flags in *nzcv); 0 when the
 * caller must run the exact semantics. The CPU engine (cpu_simd.c) and the loop lane executor
 * (emu_loop_run.c) use it. */
int cpu_fp_fast_insn(const struct a64_insn *in, uint64_t *v, uint32_t fpcr, uint32_t *fpsr, uint32_t *nzcv);

#endif
