/* emu_state.h: the guest's architectural state, one flat struct with a fixed layout that C and
 * OpenCL C share (the GPU engine keeps an array of these in a device buffer). */
#ifndef EMU_STATE_H
#define EMU_STATE_H

#include "a64_insn.h"

/* NZCV bits as in the NZCV system register. */
#define EMU_FLAG_N (1u << 31)
#define EMU_FLAG_Z (1u << 30)
#define EMU_FLAG_C (1u << 29)
#define EMU_FLAG_V (1u << 28)

/* System register values every engine reports to the guest (docs/quirks.md). */
#define EMU_SYSREG_MIDR A64_U64(0x410fd034)    /* Cortex-A53 r0p4 */
#define EMU_SYSREG_CTR A64_U64(0x8444c004)     /* 64-byte I and D cache lines, PIPT I-cache */
#define EMU_SYSREG_DCZID A64_U64(0x14)         /* DZP=1: DC ZVA prohibited (BS=4, 64 bytes) */
#define EMU_SYSREG_CNTFRQ A64_U64(1000000000)  /* 1 GHz: CNTVCT_EL0 counts host nanoseconds */

struct emu_state {
    uint64_t x[A64_NUM_REGS]; /* x0..x30, [31] SP, [32] reads of ZR (always 0), [33] ZR write sink */
    uint64_t pc;
    uint64_t nzcv;            /* EMU_FLAG_* bits; all other bits zero */
    uint64_t tpidr;           /* TPIDR_EL0 */
    uint64_t fpcr;
    uint64_t fpsr;
    uint64_t excl_addr;       /* exclusive monitor: address of the last LDXR/LDXP */
    uint64_t excl_valid;      /* exclusive monitor: 1 while armed */
    uint64_t v[64];           /* v0..v31, each as {low, high} 64-bit halves */
};

A64_STATIC_ASSERT(sizeof(struct emu_state) == (34 + 7 + 64) * 8, emu_state_layout);

#endif
