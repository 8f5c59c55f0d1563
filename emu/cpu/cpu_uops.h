/* cpu_uops.h: the CPU engine's micro-ops (docs/engines.md, CPU engine): the list of handlers, their
 * ids, the 24-byte micro-op and how a handler is stored in one (label address, or case number with
 * TEMU_DISPATCH_SWITCH). cpu_translate.c makes them, cpu_exec.c runs them. Internal to emu/cpu/. */
#ifndef CPU_UOPS_H
#define CPU_UOPS_H

#include <stdint.h>

#include "a64_insn.h"

/* Micro-ops. Families expand to W/X pairs (W first, so W + sf selects), to register/shifted
 * operand forms, and to the addressing modes of loads and stores. */
#define CPU_WX(X, n) X(n##_W) X(n##_X)
#define CPU_ALU4(X, n) X(n##_RR_W) X(n##_RR_X) X(n##_RS_W) X(n##_RS_X)
#define CPU_LDM(X, n) X(n##_OFF) X(n##_PRE) X(n##_POST) X(n##_REG) X(n##_LIT)
#define CPU_STM(X, n) X(n##_OFF) X(n##_PRE) X(n##_POST) X(n##_REG)
#define CPU_PAIRM(X, n) X(n##_OFF) X(n##_PRE) X(n##_POST)
/* FP/SIMD register loads and stores by element size S, D, Q (size 2..4, in that order). */
#define CPU_VSZ(X, M, n) M(X, n##S) M(X, n##D) M(X, n##Q)

#define CPU_UOPS(X) \
    X(LIMIT) X(FALL) X(UNDEF) X(SVC) X(NOP) X(CLREX) X(MRS) X(MSR) \
    X(MOVI) CPU_WX(X, MOV) CPU_WX(X, MOVK) \
    CPU_WX(X, ADDI) CPU_WX(X, ADDSI) CPU_WX(X, SUBSI) \
    CPU_WX(X, ANDI) CPU_WX(X, ORRI) CPU_WX(X, EORI) CPU_WX(X, ANDSI) \
    CPU_ALU4(X, ADD) CPU_ALU4(X, SUB) CPU_ALU4(X, ADDS) CPU_ALU4(X, SUBS) \
    CPU_ALU4(X, AND) CPU_ALU4(X, BIC) CPU_ALU4(X, ORR) CPU_ALU4(X, ORN) \
    CPU_ALU4(X, EOR) CPU_ALU4(X, EON) CPU_ALU4(X, ANDS) CPU_ALU4(X, BICS) \
    CPU_WX(X, ADDX) CPU_WX(X, SUBX) CPU_WX(X, ADDSX) CPU_WX(X, SUBSX) \
    CPU_WX(X, ADC) CPU_WX(X, ADCS) CPU_WX(X, SBC) CPU_WX(X, SBCS) \
    CPU_WX(X, CCMNR) CPU_WX(X, CCMNI) CPU_WX(X, CCMPR) CPU_WX(X, CCMPI) \
    CPU_WX(X, CSEL) CPU_WX(X, CSINC) CPU_WX(X, CSINV) CPU_WX(X, CSNEG) \
    CPU_WX(X, RBIT) CPU_WX(X, REV16) X(REV32) CPU_WX(X, REV) CPU_WX(X, CLZ) CPU_WX(X, CLS) \
    CPU_WX(X, UDIV) CPU_WX(X, SDIV) CPU_WX(X, LSLV) CPU_WX(X, LSRV) CPU_WX(X, ASRV) CPU_WX(X, RORV) \
    CPU_WX(X, MADD) CPU_WX(X, MSUB) X(SMADDL) X(SMSUBL) X(UMADDL) X(UMSUBL) X(SMULH) X(UMULH) \
    CPU_WX(X, EXTR) X(UBFX) X(UBFIZ) CPU_WX(X, SBFX) CPU_WX(X, SBFIZ) CPU_WX(X, BFXIL) CPU_WX(X, BFI) \
    X(B) X(BL) X(BCOND) CPU_WX(X, CBZ) CPU_WX(X, CBNZ) X(TBZ) X(TBNZ) X(BR) X(BLR) \
    CPU_LDM(X, LDB) CPU_LDM(X, LDH) CPU_LDM(X, LDW) CPU_LDM(X, LDX) \
    CPU_LDM(X, LDSBW) CPU_LDM(X, LDSBX) CPU_LDM(X, LDSHW) CPU_LDM(X, LDSHX) CPU_LDM(X, LDSW) \
    CPU_STM(X, STB) CPU_STM(X, STH) CPU_STM(X, STW) CPU_STM(X, STX) \
    CPU_PAIRM(X, LDPW) CPU_PAIRM(X, LDPX) CPU_PAIRM(X, LDPSW) CPU_PAIRM(X, STPW) CPU_PAIRM(X, STPX) \
    X(LDXR) X(STXR) X(LDXP) X(STXP) X(ATOMIC) X(CAS) X(CASP) X(LOOP) X(LOOPM) X(SIMD) \
    CPU_VSZ(X, CPU_STM, LDV) CPU_VSZ(X, CPU_STM, STV) CPU_VSZ(X, CPU_PAIRM, LDPV) CPU_VSZ(X, CPU_PAIRM, STPV) \
    X(VMASK) X(VFROMX) X(XFROMV) X(VDUPX) X(VINSX) X(VELEM) X(VADD) X(VSUB) \
    X(VMOVI) X(VNOT) X(VUSHR) X(VUSRA) X(VMUL) X(VXTN) X(VXTL) \
    X(VAND) X(VBIC) X(VORR) X(VORN) X(VEOR) X(VINSV) \
    X(FP2_S) X(FP2_D) X(FMA_S) X(FMA_D) X(FCMP_S) X(FCMP_D) X(VFP) X(VSCVTF) X(SCVTF) X(FCVTZS)

enum cpu_uop_id {
#define CPU_UOP_ENUM(n) U_##n,
    CPU_UOPS(CPU_UOP_ENUM)
#undef CPU_UOP_ENUM
    U_COUNT
};

/* Addressing modes, in the order CPU_LDM/CPU_STM/CPU_PAIRM expand them. */
enum { CPU_AM_OFF, CPU_AM_PRE, CPU_AM_POST, CPU_AM_REG, CPU_AM_LIT };

/* One micro-op: 24 bytes. Field use per handler is documented at cpu_translate. */
struct cpu_uop {
#ifdef TEMU_DISPATCH_SWITCH
    uint32_t op;        /* enum cpu_uop_id */
    uint32_t unused;
#else
    const void *h;      /* handler label address */
#endif
    uint8_t d, n, m, a; /* register slots: rd/rt, rn, rm (or status), ra (or rt2) */
    uint8_t k0, k1, k2, k3; /* small operands: shift type/amount, cond, nzcv, bit numbers */
    uint64_t imm;       /* immediate, mask, absolute branch target or address */
};

/* `labels` is the dispatch loop's table of handler addresses, indexed by enum cpu_uop_id (NULL with
 * TEMU_DISPATCH_SWITCH): only cpu_exec can take a label's address, so it hands the table to the
 * code that builds micro-ops. */
static inline void cpu_set_op(struct cpu_uop *u, unsigned id, const void *const *labels)
{
#ifdef TEMU_DISPATCH_SWITCH
    (void)labels;
    u->op = id;
#else
    u->h = labels[id];
#endif
}

static inline int cpu_is_op(const struct cpu_uop *u, unsigned id, const void *const *labels)
{
#ifdef TEMU_DISPATCH_SWITCH
    (void)labels;
    return u->op == id;
#else
    return u->h == labels[id];
#endif
}

/* cpu_translate.c: translate one decoded instruction at `pc` into *u (everything but the handler);
 * returns its enum cpu_uop_id. */
unsigned cpu_translate(const struct a64_insn *in, uint64_t pc, struct cpu_uop *u);
/* cpu_translate_simd.c: the same for an FP/SIMD instruction (A64_P_SIMD): a specialised micro-op
 * where one exists, else the generic SIMD (imm = the word). */
unsigned cpu_translate_simd(const struct a64_insn *in, struct cpu_uop *u);

/* cpu_simd.c: run the FP/SIMD instruction `word` at pc (micro-op SIMD, imm = the word) through the
 * shared semantics (emu/exec/exec_simd.h) on p's registers and memory; *nzcv is the engine's
 * live NZCV, read (FCCMP, FCSEL) and written (FCMP). */
enum cpu_simd_result { CPU_SIMD_DONE, CPU_SIMD_FAULT_R, CPU_SIMD_FAULT_W, CPU_SIMD_UNDEF, CPU_SIMD_CODE };
struct emu_cpu;
struct emu_proc;
enum cpu_simd_result cpu_simd(struct emu_cpu *c, struct emu_proc *p, uint32_t word, uint64_t pc, uint32_t *nzcv,
                              uint64_t *code_addr, uint64_t *code_len);

/* cpu_simd.c: the scalar FP micro-ops FP2, FMA and FCMP (cpu_translate_simd.c) on n-bit values
 * through the host-FP fast path; 1 when done, 0 when the generic micro-op must run the word (FCMP:
 * the new NZCV, or CPU_FCMP_SLOW). */
int cpu_simd_fp2(struct emu_proc *p, const struct cpu_uop *u, int n);
int cpu_simd_fma(struct emu_proc *p, const struct cpu_uop *u, int n);
/* Vector FP arithmetic (VFP: k0 kind, k1 size, k2 elements, k3 Vm's element or 0xff), SCVTF
 * vector (VSCVTF: k1 size, k2 elements) and scalar SCVTF, FCVTZS (k0 FP bits, k1 integer bits). */
int cpu_simd_vfp(struct emu_proc *p, const struct cpu_uop *u);
int cpu_simd_vscvtf(struct emu_proc *p, const struct cpu_uop *u);
int cpu_simd_scvtf(struct emu_proc *p, const struct cpu_uop *u);
int cpu_simd_fcvtzs(struct emu_proc *p, const struct cpu_uop *u);
#define CPU_FCMP_SLOW 1u /* cpu_simd_fcmp: declined (NZCV values have only bits 28..31) */
uint32_t cpu_simd_fcmp(struct emu_proc *p, const struct cpu_uop *u, int n);

#endif
