/* execute.h: one instruction of a batch on the device (docs/design.md, Batch engine), with the CPU
 * engine's semantics from emu/exec/emu_alu.h.
 *
 * The arithmetic-logic core follows the prototype's tensor shape: one operand network feeds every
 * candidate (one adder that subtracts through an inverted operand, AND, OR, XOR), and masks on the
 * operation's class select the result. The rarer units (bitfields, multiply and divide, bit
 * counting, memory, branches, system registers) are cases of a switch on the operation id. */
#ifndef EXECUTE_H
#define EXECUTE_H

#include "emu_alu.h"
#include "emu_status.h"
#include "guest_mem.h"


/* How an instruction ended. */
#define EXEC_DONE 0
#define EXEC_FAULT 1  /* memory fault: nothing of it happened */
#define EXEC_UNDEF 2  /* undefined at execution (unknown system register): nothing happened */
#define EXEC_CODE 3   /* done, and it wrote to a page holding decoded code */

/* Classes of the arithmetic-logic core: the unit whose candidate is selected, and the operand
 * form that feeds it. */
#define ALU_NONE 0
#define ALU_ADD 1
#define ALU_SUB 2
#define ALU_AND 3
#define ALU_ORR 4
#define ALU_EOR 5
#define ALU_FORM_IMM 0x00
#define ALU_FORM_SHIFT 0x10
#define ALU_FORM_EXT 0x20
#define ALU_FORM_CARRY 0x30  /* ADC/SBC: rm plus the carry flag */
#define ALU_INVERT 0x40      /* BIC, ORN, EON: the second operand inverted */

static uint alu_class(uint op)
{
    switch (op) {
    case A64_OP_ADD_IMM: case A64_OP_ADDS_IMM: return ALU_ADD | ALU_FORM_IMM;
    case A64_OP_SUB_IMM: case A64_OP_SUBS_IMM: return ALU_SUB | ALU_FORM_IMM;
    case A64_OP_AND_IMM: case A64_OP_ANDS_IMM: return ALU_AND | ALU_FORM_IMM;
    case A64_OP_ORR_IMM: return ALU_ORR | ALU_FORM_IMM;
    case A64_OP_EOR_IMM: return ALU_EOR | ALU_FORM_IMM;
    case A64_OP_ADD_SHIFT: case A64_OP_ADDS_SHIFT: return ALU_ADD | ALU_FORM_SHIFT;
    case A64_OP_SUB_SHIFT: case A64_OP_SUBS_SHIFT: return ALU_SUB | ALU_FORM_SHIFT;
    case A64_OP_AND_SHIFT: case A64_OP_ANDS_SHIFT: return ALU_AND | ALU_FORM_SHIFT;
    case A64_OP_BIC_SHIFT: case A64_OP_BICS_SHIFT: return ALU_AND | ALU_FORM_SHIFT | ALU_INVERT;
    case A64_OP_ORR_SHIFT: return ALU_ORR | ALU_FORM_SHIFT;
    case A64_OP_ORN_SHIFT: return ALU_ORR | ALU_FORM_SHIFT | ALU_INVERT;
    case A64_OP_EOR_SHIFT: return ALU_EOR | ALU_FORM_SHIFT;
    case A64_OP_EON_SHIFT: return ALU_EOR | ALU_FORM_SHIFT | ALU_INVERT;
    case A64_OP_ADD_EXT: case A64_OP_ADDS_EXT: return ALU_ADD | ALU_FORM_EXT;
    case A64_OP_SUB_EXT: case A64_OP_SUBS_EXT: return ALU_SUB | ALU_FORM_EXT;
    case A64_OP_ADC: case A64_OP_ADCS: return ALU_ADD | ALU_FORM_CARRY;
    case A64_OP_SBC: case A64_OP_SBCS: return ALU_SUB | ALU_FORM_CARRY;
    default: return ALU_NONE;
    }
}

/* All ones when c holds, else zero: the select masks. */
static ulong exec_mask(int c)
{
    return 0ul - (ulong)(c != 0);
}

/* Operand values of one instruction, by GPU_SRC_* role. */
struct exec_in {
    ulong rn, rm, rd, ra;
    uint nzcv;
};

/* Where a stop came from, for the report. */
struct exec_stop {
    ulong addr;
    uint access;
};

/* The arithmetic-logic core: every candidate from one operand network, selected by masks. */
static void exec_alu(const struct a64_insn *in, uint cls, struct exec_in v, ulong *out)
{
    int sf = in->sf;
    uint width = sf ? 64 : 32, form = cls & 0x30, unit = cls & 15;
    ulong b = (ulong)in->imm;
    b = form == ALU_FORM_SHIFT ? emu_alu_shift(v.rm, in->shift & 3, in->amount & (width - 1), sf) : b;
    b = form == ALU_FORM_EXT ? emu_alu_extend(v.rm, in->shift & 7, in->amount & 7, sf) : b;
    b = form == ALU_FORM_CARRY ? v.rm : b;
    b = (cls & ALU_INVERT) ? ~b : b;
    ulong cin = form == ALU_FORM_CARRY ? (v.nzcv >> 29) & 1 : (ulong)(unit == ALU_SUB);
    uint adder_flags;
    ulong sum = emu_alu_adc_flags(v.rn, unit == ALU_SUB ? ~b : b, cin, sf, &adder_flags);
    ulong r = (sum & exec_mask(unit == ALU_ADD || unit == ALU_SUB)) |
              ((v.rn & b) & exec_mask(unit == ALU_AND)) |
              ((v.rn | b) & exec_mask(unit == ALU_ORR)) |
              ((v.rn ^ b) & exec_mask(unit == ALU_EOR));
    r = emu_alu_w(r, sf);
    out[GPU_OUT_RD] = r;
    out[GPU_OUT_NZCV] = (unit == ALU_ADD || unit == ALU_SUB) ? adder_flags : emu_alu_nz(r, sf);
}

/* A loaded element of 1 << size bytes, widened as the instruction says (A64_F_SIGNED, sf). */
static ulong exec_widen(ulong v, uint size, uint flags, int sf)
{
    if (!(flags & A64_F_SIGNED) || size >= 3)
        return v;
    v = emu_alu_sext(v, (8u << size) - 1);
    return (sf || size == 2) ? v : (uint)v; /* LDRSW always fills the X register */
}

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
static uint exec_insn(const struct a64_insn *in, ulong pc, struct exec_in v, ulong *out, ulong *next,
                      struct guest_mem m, __local ulong *sys, ulong cntvct, struct exec_stop *stop)
{
    int sf = in->sf;
    uint width = sf ? 64 : 32;
    ulong imm = (ulong)in->imm;
    uint cls = alu_class(in->op);
    if (cls != ALU_NONE) {
        exec_alu(in, cls, v, out);
        return EXEC_DONE;
    }
    switch (in->op) {
    case A64_OP_ADR: out[GPU_OUT_RD] = pc + imm; return EXEC_DONE;
    case A64_OP_ADRP: out[GPU_OUT_RD] = (pc & ~0xffful) + imm; return EXEC_DONE;
    case A64_OP_MOVZ:
    case A64_OP_MOVN: out[GPU_OUT_RD] = emu_alu_w(imm, sf); return EXEC_DONE;
    case A64_OP_MOVK: {
        /* As the CPU engine: imm16 may come shifted or not (a shifted non-zero value exceeds 16 bits). */
        uint sh = in->amount & 63;
        ulong k = imm > 0xffff ? (imm >> in->amount) & 0xffff : imm;
        out[GPU_OUT_RD] = emu_alu_w((v.rd & ~(0xfffful << sh)) | (k << sh), sf);
        return EXEC_DONE;
    }
    case A64_OP_SBFM: out[GPU_OUT_RD] = emu_alu_sbfm(v.rn, in->immr & (width - 1), in->imms & (width - 1), sf); return EXEC_DONE;
    case A64_OP_UBFM: out[GPU_OUT_RD] = emu_alu_ubfm(v.rn, in->immr & (width - 1), in->imms & (width - 1), sf); return EXEC_DONE;
    case A64_OP_BFM: out[GPU_OUT_RD] = emu_alu_bfm(v.rd, v.rn, in->immr & (width - 1), in->imms & (width - 1), sf); return EXEC_DONE;
    case A64_OP_EXTR: out[GPU_OUT_RD] = emu_alu_extr(v.rn, v.rm, in->amount & (width - 1), sf); return EXEC_DONE;

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
    case A64_OP_SVC: /* served by the host once the block is done */
    case A64_OP_UNDEF: /* reported once the block is done */
    case A64_OP_NOP:
    case A64_OP_BARRIER:
    case A64_OP_PRFM: return EXEC_DONE;
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

    case A64_OP_CCMN_REG:
    case A64_OP_CCMN_IMM:
    case A64_OP_CCMP_REG:
    case A64_OP_CCMP_IMM: {
        int is_reg = in->op == A64_OP_CCMN_REG || in->op == A64_OP_CCMP_REG;
        int is_sub = in->op == A64_OP_CCMP_REG || in->op == A64_OP_CCMP_IMM;
        ulong b = is_reg ? v.rm : imm;
        uint f = (uint)(in->nzcv & 15) << 28;
        if (emu_alu_cond(in->cond, v.nzcv))
            emu_alu_adc_flags(v.rn, is_sub ? ~b : b, (ulong)is_sub, sf, &f);
        out[GPU_OUT_NZCV] = f;
        return EXEC_DONE;
    }
    case A64_OP_CSEL:
    case A64_OP_CSINC:
    case A64_OP_CSINV:
    case A64_OP_CSNEG: {
        ulong alt = in->op == A64_OP_CSEL ? v.rm : in->op == A64_OP_CSINC ? v.rm + 1 :
                    in->op == A64_OP_CSINV ? ~v.rm : 0 - v.rm;
        out[GPU_OUT_RD] = emu_alu_w(emu_alu_cond(in->cond, v.nzcv) ? v.rn : alt, sf);
        return EXEC_DONE;
    }
    case A64_OP_RBIT: out[GPU_OUT_RD] = emu_alu_rbit(v.rn, sf); return EXEC_DONE;
    case A64_OP_REV16: out[GPU_OUT_RD] = emu_alu_rev16(v.rn, sf); return EXEC_DONE;
    case A64_OP_REV32: out[GPU_OUT_RD] = emu_alu_rev32(v.rn); return EXEC_DONE;
    case A64_OP_REV: out[GPU_OUT_RD] = emu_alu_rev(v.rn, sf); return EXEC_DONE;
    case A64_OP_CLZ: out[GPU_OUT_RD] = emu_alu_clz(v.rn, sf); return EXEC_DONE;
    case A64_OP_CLS: out[GPU_OUT_RD] = emu_alu_cls(v.rn, sf); return EXEC_DONE;
    case A64_OP_UDIV: out[GPU_OUT_RD] = emu_alu_udiv(v.rn, v.rm, sf); return EXEC_DONE;
    case A64_OP_SDIV: out[GPU_OUT_RD] = emu_alu_sdiv(v.rn, v.rm, sf); return EXEC_DONE;
    case A64_OP_LSLV: out[GPU_OUT_RD] = emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_LSL, sf); return EXEC_DONE;
    case A64_OP_LSRV: out[GPU_OUT_RD] = emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_LSR, sf); return EXEC_DONE;
    case A64_OP_ASRV: out[GPU_OUT_RD] = emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_ASR, sf); return EXEC_DONE;
    case A64_OP_RORV: out[GPU_OUT_RD] = emu_alu_shiftv(v.rn, v.rm, A64_SHIFT_ROR, sf); return EXEC_DONE;
    case A64_OP_MADD: out[GPU_OUT_RD] = emu_alu_w(v.ra + v.rn * v.rm, sf); return EXEC_DONE;
    case A64_OP_MSUB: out[GPU_OUT_RD] = emu_alu_w(v.ra - v.rn * v.rm, sf); return EXEC_DONE;
    case A64_OP_SMADDL:
        out[GPU_OUT_RD] = v.ra + (ulong)((long)(int)(uint)v.rn * (long)(int)(uint)v.rm);
        return EXEC_DONE;
    case A64_OP_SMSUBL:
        out[GPU_OUT_RD] = v.ra - (ulong)((long)(int)(uint)v.rn * (long)(int)(uint)v.rm);
        return EXEC_DONE;
    case A64_OP_UMADDL: out[GPU_OUT_RD] = v.ra + (ulong)(uint)v.rn * (uint)v.rm; return EXEC_DONE;
    case A64_OP_UMSUBL: out[GPU_OUT_RD] = v.ra - (ulong)(uint)v.rn * (uint)v.rm; return EXEC_DONE;
    case A64_OP_SMULH: out[GPU_OUT_RD] = emu_alu_smulh(v.rn, v.rm); return EXEC_DONE;
    case A64_OP_UMULH: out[GPU_OUT_RD] = emu_alu_umulh(v.rn, v.rm); return EXEC_DONE;
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
    default: a = v.rn; break; /* LDAR, STLR and the exclusives: [rn] */
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
