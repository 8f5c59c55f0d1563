/* execute.h: one instruction of a batch on the device (docs/design.md, Batch engine): the
 * computing operations through exec_value (exec_value.h), then the branches, system registers and
 * memory accesses, which touch state beyond the instruction's operands. */
#ifndef EXECUTE_H
#define EXECUTE_H

#include "exec_value.h"
#include "emu_status.h"
#include "guest_mem.h"

/* How an instruction ended. */
#define EXEC_DONE 0
#define EXEC_FAULT 1  /* memory fault: nothing of it happened */
#define EXEC_UNDEF 2  /* undefined at execution (unknown system register): nothing happened */
#define EXEC_CODE 3   /* done, and it wrote to a page holding decoded code */

/* exec_insn stays a function of its own on the device, as it was while one program held every
 * kernel: inlined into its one caller per program (run_block, lane_exec), it made PoCL build the
 * batch and loopvec programs 2-3 times slower (measured cold: 58 s and 84 s against 27 s). */
#ifdef A64_OPENCL
#define EXEC_NOINLINE static __attribute__((noinline))
#else
#define EXEC_NOINLINE static
#endif

/* Where a stop came from, for the report. */
struct exec_stop {
    ulong addr;
    uint access;
};

/* Element e (0 or 1) of a pair of 1 << size byte elements read as lo:hi. */
static ulong exec_elem(ulong lo, ulong hi, uint size, uint e)
{
    if (size == 3)
        return e ? hi : lo;
    uint bits = 8u << size;
    return (e ? lo >> bits : lo) & emu_alu_ones(bits);
}

/* Run one instruction at pc. Writes the outputs its schedule names into out[], a taken branch's
 * target into *next, system state into sys[]. Returns EXEC_*; *stop says what faulted. */
EXEC_NOINLINE uint exec_insn(const struct a64_insn *in, ulong pc, struct exec_in v, ulong *out, ulong *next,
                      struct guest_mem m, __local ulong *sys, ulong cntvct, struct exec_stop *stop)
{
    int sf = in->sf;
    ulong imm = (ulong)in->imm;
    if (!(in->flags & (A64_P_BRANCH | A64_P_SYS | A64_P_LOAD | A64_P_STORE))) {
        uint nzcv;
        out[GPU_OUT_RD] = exec_value(in->op, sf, in, pc, v, &nzcv);
        out[GPU_OUT_NZCV] = nzcv;
        return EXEC_DONE;
    }
    switch (in->op) {
    case A64_OP_B: *next = pc + imm; return EXEC_DONE;
    case A64_OP_BL: out[GPU_OUT_WB] = pc + 4; *next = pc + imm; return EXEC_DONE;
    case A64_OP_B_COND: *next = emu_alu_cond(in->cond, v.nzcv) ? pc + imm : pc + 4; return EXEC_DONE;
    case A64_OP_CBZ: *next = emu_alu_w(v.rd, sf) == 0 ? pc + imm : pc + 4; return EXEC_DONE;
    case A64_OP_CBNZ: *next = emu_alu_w(v.rd, sf) != 0 ? pc + imm : pc + 4; return EXEC_DONE;
    case A64_OP_TBZ: *next = ((v.rd >> (in->amount & 63)) & 1) == 0 ? pc + imm : pc + 4; return EXEC_DONE;
    case A64_OP_TBNZ: *next = ((v.rd >> (in->amount & 63)) & 1) ? pc + imm : pc + 4; return EXEC_DONE;
    case A64_OP_BR:
    case A64_OP_RET: *next = v.rn; return EXEC_DONE;
    case A64_OP_BLR: *next = v.rn; out[GPU_OUT_WB] = pc + 4; return EXEC_DONE;
    case A64_OP_SVC: return EXEC_DONE; /* served by the host once the block is done */
    case A64_OP_CLREX: sys[SYS_EXCL_VALID] = 0; return EXEC_DONE;
    case A64_OP_MRS: {
        ulong r;
        switch ((uint)imm) {
        case A64_SYSREG_NZCV: r = v.nzcv; break;
        case A64_SYSREG_FPCR: r = sys[SYS_FPCR]; break;
        case A64_SYSREG_FPSR: r = sys[SYS_FPSR]; break;
        case A64_SYSREG_TPIDR_EL0: r = sys[SYS_TPIDR]; break;
        case A64_SYSREG_CTR_EL0: r = EMU_SYSREG_CTR; break;
        case A64_SYSREG_DCZID_EL0: r = EMU_SYSREG_DCZID; break;
        case A64_SYSREG_MIDR_EL1: r = EMU_SYSREG_MIDR; break;
        case A64_SYSREG_CNTVCT_EL0: r = cntvct; break; /* the host's clock when the batch began */
        case A64_SYSREG_CNTFRQ_EL0: r = EMU_SYSREG_CNTFRQ; break;
        default: return EXEC_UNDEF;
        }
        out[GPU_OUT_RD] = r;
        return EXEC_DONE;
    }
    case A64_OP_MSR:
        out[GPU_OUT_NZCV] = v.nzcv;
        switch ((uint)imm) {
        case A64_SYSREG_NZCV: out[GPU_OUT_NZCV] = (uint)v.rd & 0xf0000000u; break;
        case A64_SYSREG_FPCR: sys[SYS_FPCR] = (uint)v.rd; break;
        case A64_SYSREG_FPSR: sys[SYS_FPSR] = (uint)v.rd; break;
        case A64_SYSREG_TPIDR_EL0: sys[SYS_TPIDR] = v.rd; break;
        default: return EXEC_UNDEF;
        }
        return EXEC_DONE;

    default: break;
    }

    /* Loads and stores: the address, the access, then the base writeback (never on a fault). */
    uint n = 1u << in->size, post = (in->flags & A64_F_WB_POST) != 0;
    ulong a, lo = 0, hi = 0;
    switch (in->op) {
    case A64_OP_LDR_LIT: a = pc + imm; break;
    case A64_OP_LDR_REG:
    case A64_OP_STR_REG: a = v.rn + emu_alu_extend(v.rm, in->shift & 7, in->amount & 7, 1); break;
    case A64_OP_LDR_IMM:
    case A64_OP_STR_IMM:
    case A64_OP_LDP:
    case A64_OP_STP: a = post ? v.rn : v.rn + imm; break;
    default: a = v.rn; break; /* LDAR, STLR, the exclusives and the atomics: [rn] */
    }
    out[GPU_OUT_WB] = post ? a + imm : a;
    stop->addr = a;
    int w;
    switch (in->op) {
    case A64_OP_LDR_IMM:
    case A64_OP_LDR_REG:
    case A64_OP_LDR_LIT:
    case A64_OP_LDAR:
    case A64_OP_LDXR:
        if ((in->flags & A64_F_SIGNED) && in->size == 3)
            return EXEC_UNDEF;
        if (gm_read(m, a, n, &lo, &hi)) {
            stop->access = GPU_PERM_R;
            return EXEC_FAULT;
        }
        out[GPU_OUT_RD] = exec_widen(lo, in->size, in->flags, sf);
        if (in->op == A64_OP_LDXR) {
            sys[SYS_EXCL_ADDR] = a;
            sys[SYS_EXCL_VALID] = 1;
        }
        return EXEC_DONE;
    case A64_OP_LDP:
    case A64_OP_LDXP:
        if (gm_read(m, a, 2 * n, &lo, &hi)) {
            stop->access = GPU_PERM_R;
            return EXEC_FAULT;
        }
        out[GPU_OUT_RD] = exec_widen(exec_elem(lo, hi, in->size, 0), in->size, in->flags, 1);
        out[GPU_OUT_RA] = exec_widen(exec_elem(lo, hi, in->size, 1), in->size, in->flags, 1);
        if (in->op == A64_OP_LDXP) {
            sys[SYS_EXCL_ADDR] = a;
            sys[SYS_EXCL_VALID] = 1;
        }
        return EXEC_DONE;
    case A64_OP_STXR:
    case A64_OP_STXP: {
        int pair = in->op == A64_OP_STXP;
        int armed = sys[SYS_EXCL_VALID] && sys[SYS_EXCL_ADDR] == a;
        out[GPU_OUT_RA] = armed ? 0 : 1;
        w = 0;
        if (armed) {
            if (pair && n == 8) { lo = v.rd; hi = v.ra; }
            else if (pair) { lo = (v.rd & emu_alu_ones(8 * n)) | (v.ra << (8 * n)); }
            else { lo = v.rd; }
            w = gm_write(m, a, pair ? 2 * n : n, lo, hi);
            if (w < 0) {
                stop->access = GPU_PERM_W;
                return EXEC_FAULT;
            }
        }
        sys[SYS_EXCL_VALID] = 0;
        return w ? EXEC_CODE : EXEC_DONE;
    }
    case A64_OP_CAS:
    case A64_OP_CASP:
    case A64_OP_SWP:
    case A64_OP_LDADD:
    case A64_OP_LDCLR:
    case A64_OP_LDEOR:
    case A64_OP_LDSET:
    case A64_OP_LDSMAX:
    case A64_OP_LDSMIN:
    case A64_OP_LDUMAX:
    case A64_OP_LDUMIN: {
        /* Atomics: one read-modify-write that needs read and write permission on every byte
         * whether it stores or not (a CAS that fails too), so a fault leaves nothing done; no
         * alignment check, like every access of temu's. rd gets the old value. */
        int pair = in->op == A64_OP_CASP;
        uint bytes = pair ? 2 * n : n;
        long o0, o1;
        if (gm_read(m, a, bytes, &lo, &hi)) {
            stop->access = GPU_PERM_R;
            return EXEC_FAULT;
        }
        if (gm_span(m, a, bytes, GPU_PERM_W, &o0, &o1)) {
            stop->access = GPU_PERM_W;
            return EXEC_FAULT;
        }
        ulong mask = emu_alu_ones(8 * n), old0 = exec_elem(lo, hi, in->size, 0), old1 = 0, nlo, nhi = 0;
        int store = 1;
        if (in->op == A64_OP_CAS) {
            store = old0 == (v.rd & mask);
            nlo = v.rm;
        } else if (pair) {
            old1 = exec_elem(lo, hi, in->size, 1);
            store = old0 == (v.rd & mask) && old1 == (v.ra & mask);
            if (n == 8) { nlo = v.rm; nhi = v.rm2; }
            else { nlo = (v.rm & mask) | (v.rm2 << 32); }
        } else {
            uint kind = in->op == A64_OP_SWP ? EMU_ALU_SWP : (uint)(in->op - A64_OP_LDADD);
            nlo = emu_alu_atomic(kind, in->size, old0, v.rm);
        }
        w = store ? gm_write(m, a, bytes, nlo, nhi) : 0;
        out[GPU_OUT_RD] = old0;
        out[GPU_OUT_RA] = old1;
        return w ? EXEC_CODE : EXEC_DONE;
    }
    case A64_OP_STP:
        if (n == 8) { lo = v.rd; hi = v.ra; }
        else { lo = (v.rd & emu_alu_ones(8 * n)) | (v.ra << (8 * n)); }
        w = gm_write(m, a, 2 * n, lo, hi);
        break;
    case A64_OP_STR_IMM:
    case A64_OP_STR_REG:
    case A64_OP_STLR:
        w = gm_write(m, a, n, v.rd, 0);
        break;
    default:
        return EXEC_UNDEF; /* an operation this engine does not know: never silently skipped */
    }
    if (w < 0) {
        stop->access = GPU_PERM_W;
        return EXEC_FAULT;
    }
    return w ? EXEC_CODE : EXEC_DONE;
}

#endif
