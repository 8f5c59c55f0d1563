/* cpu_fp_fast.h: the CPU engine's host-arithmetic fast path for scalar FP (cpu_fp_fast.c). Each
 * function computes only what it can prove equal to the exact semantics (emu/exec/exec_fp.h),
 * bits and FPSR flags, and returns 1; otherwise it returns 0, writes nothing, and the caller
 * runs the exact semantics. */
#ifndef CPU_FP_FAST_H
#define CPU_FP_FAST_H

#include <stdint.h>

enum cpu_fp_kind { CPU_FP_ADD, CPU_FP_SUB, CPU_FP_MUL, CPU_FP_DIV, CPU_FP_SQRT };

/* kind on the n-bit (32 or 64) values a and b (b unused by SQRT) under FPCR value fpcr: the
 * result into *r, IXC ORed into *fpsr when inexact. */
int cpu_fp_fast(uint32_t kind, int n, uint64_t a, uint64_t b, uint32_t fpcr, uint64_t *r, uint32_t *fpsr);

/* FCMP/FCMPE of two n-bit values that are neither NaN nor subnormal: NZCV into *nzcv (no flag
 * can be raised then). */
int cpu_fp_fast_compare(int n, uint64_t a, uint64_t b, uint32_t *nzcv);

struct a64_insn;

/* The fast path for decoded instruction `in` on the V register file v (emu_state.v's layout):
 * scalar FADD/FSUB/FMUL/FDIV/FSQRT and FCMP/FCMPE (also against zero) in single and double.
 * 1 when it ran it (the result in v, IXC ORed into *fpsr, a compare's flags in *nzcv); 0 when the
 * caller must run the exact semantics. The CPU engine (cpu_simd.c) and the loop lane executor
 * (emu_loop_run.c) use it. */
int cpu_fp_fast_insn(const struct a64_insn *in, uint64_t *v, uint32_t fpcr, uint32_t *fpsr, uint32_t *nzcv);

#endif
