/* cpu_translate.c: one decoded instruction (struct a64_insn) -> one micro-op (cpu_uops.h),
 * specialised where it saves work at run time: W and X handlers, MOVZ/MOVN/ADR/ADRP/`ORR xzr` as
 * "load constant", SUB #imm as ADD of the negated immediate, bitfield moves classified into extract
 * or insert with ready masks, shifted-register forms with a zero shift as plain register forms,
 * branch targets and literal addresses made absolute. FP/SIMD instructions: cpu_translate_simd.c. */
#include "cpu_uops.h"

#include "emu_alu.h"

/* Family bases: for W/X pairs, base + sf; for ALU4, base + 2 * shifted + sf. */
static unsigned cpu_wx(unsigned base, int sf)
{
    return base + (sf ? 1u : 0u);
}

/* Load kind (first micro-op of its CPU_LDM family) for an access of 1 << size bytes. */
static unsigned cpu_load_kind(const struct a64_insn *in)
{
    static const uint16_t uns[4] = {U_LDB_OFF, U_LDH_OFF, U_LDW_OFF, U_LDX_OFF};
    if (!(in->flags & A64_F_SIGNED))
        return uns[in->size & 3];
    switch (in->size) {
    case 0: return in->sf ? U_LDSBX_OFF : U_LDSBW_OFF;
    case 1: return in->sf ? U_LDSHX_OFF : U_LDSHW_OFF;
    case 2: return U_LDSW_OFF;
    default: return U_UNDEF;
    }
}

static unsigned cpu_mode(const struct a64_insn *in)
{
    if (in->flags & A64_F_WB_PRE)
        return CPU_AM_PRE;
    if (in->flags & A64_F_WB_POST)
        return CPU_AM_POST;
    return CPU_AM_OFF;
}

/* Translate one decoded instruction at `pc` into a micro-op; returns its enum cpu_uop_id.
 * Register slots come over unchanged in d/n/m/a; everything position-dependent (ADR, literal
 * addresses, branch targets) becomes absolute here. */
unsigned cpu_translate(const struct a64_insn *in, uint64_t pc, struct cpu_uop *u)
{
    const int sf = in->sf != 0;
    const unsigned width = sf ? 64 : 32;
    const uint64_t imm = (uint64_t)in->imm;
    u->d = in->rd;
    u->n = in->rn;
    u->m = in->rm;
    u->a = in->ra;
    u->imm = imm;
    switch (in->op) {
    case A64_OP_ADR: u->imm = pc + imm; return U_MOVI;
    case A64_OP_ADRP: u->imm = (pc & ~0xfffull) + imm; return U_MOVI;
    case A64_OP_ADD_IMM: return cpu_wx(U_ADDI_W, sf);
    case A64_OP_SUB_IMM: u->imm = 0 - imm; return cpu_wx(U_ADDI_W, sf);
    case A64_OP_ADDS_IMM: return cpu_wx(U_ADDSI_W, sf);
    case A64_OP_SUBS_IMM: return cpu_wx(U_SUBSI_W, sf);
    case A64_OP_AND_IMM: return cpu_wx(U_ANDI_W, sf);
    case A64_OP_ORR_IMM:
        if (in->rn == A64_REG_ZR) { /* MOV (bitmask immediate) */
            u->imm = emu_alu_w(imm, sf);
            return U_MOVI;
        }
        return cpu_wx(U_ORRI_W, sf);
    case A64_OP_EOR_IMM: return cpu_wx(U_EORI_W, sf);
    case A64_OP_ANDS_IMM: return cpu_wx(U_ANDSI_W, sf);
    case A64_OP_MOVZ:
    case A64_OP_MOVN: u->imm = emu_alu_w(imm, sf); return U_MOVI;
    case A64_OP_MOVK: {
        /* The 16 bits in place, by the one rule for MOVK's imm (emu_alu_movk): the handler then
         * only masks and ORs. */
        u->k0 = in->amount & 63;
        u->imm = emu_alu_movk(0, imm, in->amount, 1);
        return cpu_wx(U_MOVK_W, sf);
    }
    case A64_OP_SBFM:
    case A64_OP_UBFM:
    case A64_OP_BFM: {
        unsigned r = in->immr & (width - 1), s = in->imms & (width - 1);
        int extract = s >= r;
        if (in->op == A64_OP_UBFM) {
            u->k0 = (uint8_t)(extract ? r : width - r);
            u->imm = extract ? emu_alu_ones(s - r + 1) : emu_alu_ones(s + 1);
            return extract ? U_UBFX : U_UBFIZ;
        }
        if (in->op == A64_OP_SBFM) {
            u->k0 = (uint8_t)(63 - s);
            u->k1 = (uint8_t)(extract ? 63 - s + r : width - r);
            return cpu_wx(extract ? U_SBFX_W : U_SBFIZ_W, sf);
        }
        u->k0 = (uint8_t)(extract ? r : width - r);
        u->imm = extract ? emu_alu_ones(s - r + 1) : emu_alu_ones(s + 1) << (width - r);
        return cpu_wx(extract ? U_BFXIL_W : U_BFI_W, sf);
    }
    case A64_OP_EXTR: u->k0 = in->amount & (width - 1); return cpu_wx(U_EXTR_W, sf);
    case A64_OP_B: u->imm = pc + imm; return U_B;
    case A64_OP_BL: u->imm = pc + imm; return U_BL;
    case A64_OP_B_COND: u->imm = pc + imm; u->k0 = in->cond; return U_BCOND;
    case A64_OP_CBZ: u->imm = pc + imm; return cpu_wx(U_CBZ_W, sf);
    case A64_OP_CBNZ: u->imm = pc + imm; return cpu_wx(U_CBNZ_W, sf);
    case A64_OP_TBZ: u->imm = pc + imm; u->k0 = in->amount & 63; return U_TBZ;
    case A64_OP_TBNZ: u->imm = pc + imm; u->k0 = in->amount & 63; return U_TBNZ;
    case A64_OP_BR:
    case A64_OP_RET: return U_BR;
    case A64_OP_BLR: return U_BLR;
    case A64_OP_SVC: return U_SVC;
    case A64_OP_NOP:
    case A64_OP_BARRIER:
    case A64_OP_PRFM: return U_NOP;
    case A64_OP_CLREX: return U_CLREX;
    case A64_OP_MRS: return U_MRS;
    case A64_OP_MSR: return U_MSR;
    case A64_OP_LDR_IMM: return cpu_load_kind(in) + cpu_mode(in);
    case A64_OP_LDAR: u->imm = 0; return cpu_load_kind(in) + CPU_AM_OFF;
    case A64_OP_LDR_REG:
        u->k0 = in->shift & 7;
        u->k1 = in->amount & 7;
        return cpu_load_kind(in) + CPU_AM_REG;
    case A64_OP_LDR_LIT: u->imm = pc + imm; return cpu_load_kind(in) + CPU_AM_LIT;
    case A64_OP_STR_IMM: return U_STB_OFF + 4u * (in->size & 3) + cpu_mode(in);
    case A64_OP_STLR: u->imm = 0; return U_STB_OFF + 4u * (in->size & 3);
    case A64_OP_STR_REG:
        u->k0 = in->shift & 7;
        u->k1 = in->amount & 7;
        return U_STB_OFF + 4u * (in->size & 3) + CPU_AM_REG;
    case A64_OP_LDP:
        if (in->flags & A64_F_SIGNED)
            return U_LDPSW_OFF + cpu_mode(in);
        return (in->size == 3 ? U_LDPX_OFF : U_LDPW_OFF) + cpu_mode(in);
    case A64_OP_STP: return (in->size == 3 ? U_STPX_OFF : U_STPW_OFF) + cpu_mode(in);
    case A64_OP_LDXR: u->k0 = in->size & 3; return U_LDXR;
    case A64_OP_STXR: u->k0 = in->size & 3; return U_STXR;
    case A64_OP_LDXP: u->k0 = in->size & 3; return U_LDXP;
    case A64_OP_STXP: u->k0 = in->size & 3; return U_STXP;
    /* Atomics: k0 the size; LD<op> and SWP: k1 the kind of emu_alu_atomic. CAS: a the slot the
     * compare value is read from (ZR for the sink). CASP: a Rs+1 as written, k1 as read, k2 Rt+1. */
    case A64_OP_SWP: u->k0 = in->size & 3; u->k1 = EMU_ALU_SWP; return U_ATOMIC;
    case A64_OP_LDADD:
    case A64_OP_LDCLR:
    case A64_OP_LDEOR:
    case A64_OP_LDSET:
    case A64_OP_LDSMAX:
    case A64_OP_LDSMIN:
    case A64_OP_LDUMAX:
    case A64_OP_LDUMIN: u->k0 = in->size & 3; u->k1 = (uint8_t)(in->op - A64_OP_LDADD); return U_ATOMIC;
    case A64_OP_CAS:
        u->k0 = in->size & 3;
        u->a = in->rd == A64_REG_SINK ? A64_REG_ZR : in->rd;
        return U_CAS;
    case A64_OP_CASP:
        u->k0 = in->size & 3;
        u->k1 = in->ra == A64_REG_SINK ? A64_REG_ZR : in->ra;
        u->k2 = in->rm2;
        return U_CASP;
    case A64_OP_ORR_SHIFT:
        if (in->rn == A64_REG_ZR && in->amount == 0) /* MOV (register) */
            return cpu_wx(U_MOV_W, sf);
        /* fall through */
    case A64_OP_ADD_SHIFT:
    case A64_OP_ADDS_SHIFT:
    case A64_OP_SUB_SHIFT:
    case A64_OP_SUBS_SHIFT:
    case A64_OP_AND_SHIFT:
    case A64_OP_BIC_SHIFT:
    case A64_OP_ORN_SHIFT:
    case A64_OP_EOR_SHIFT:
    case A64_OP_EON_SHIFT:
    case A64_OP_ANDS_SHIFT:
    case A64_OP_BICS_SHIFT: {
        /* Each op's first handler (W, no shift); the X and shifted forms follow it. */
        static const uint16_t base[A64_OP_COUNT] = {
            [A64_OP_ADD_SHIFT] = U_ADD_RR_W, [A64_OP_ADDS_SHIFT] = U_ADDS_RR_W,
            [A64_OP_SUB_SHIFT] = U_SUB_RR_W, [A64_OP_SUBS_SHIFT] = U_SUBS_RR_W,
            [A64_OP_AND_SHIFT] = U_AND_RR_W, [A64_OP_BIC_SHIFT] = U_BIC_RR_W,
            [A64_OP_ORR_SHIFT] = U_ORR_RR_W, [A64_OP_ORN_SHIFT] = U_ORN_RR_W,
            [A64_OP_EOR_SHIFT] = U_EOR_RR_W, [A64_OP_EON_SHIFT] = U_EON_RR_W,
            [A64_OP_ANDS_SHIFT] = U_ANDS_RR_W, [A64_OP_BICS_SHIFT] = U_BICS_RR_W,
        };
        unsigned b = base[in->op];
        u->k0 = in->shift & 3;
        u->k1 = in->amount & (width - 1);
        return b + (u->k1 ? 2u : 0u) + (sf ? 1u : 0u);
    }
    case A64_OP_ADD_EXT:
    case A64_OP_ADDS_EXT:
    case A64_OP_SUB_EXT:
    case A64_OP_SUBS_EXT:
        u->k0 = in->shift & 7;
        u->k1 = in->amount & 7;
        switch (in->op) {
        case A64_OP_ADD_EXT: return cpu_wx(U_ADDX_W, sf);
        case A64_OP_ADDS_EXT: return cpu_wx(U_ADDSX_W, sf);
        case A64_OP_SUB_EXT: return cpu_wx(U_SUBX_W, sf);
        default: return cpu_wx(U_SUBSX_W, sf);
        }
    case A64_OP_ADC: return cpu_wx(U_ADC_W, sf);
    case A64_OP_ADCS: return cpu_wx(U_ADCS_W, sf);
    case A64_OP_SBC: return cpu_wx(U_SBC_W, sf);
    case A64_OP_SBCS: return cpu_wx(U_SBCS_W, sf);
    case A64_OP_CCMN_REG: u->k0 = in->cond; u->k1 = in->nzcv & 15; return cpu_wx(U_CCMNR_W, sf);
    case A64_OP_CCMN_IMM: u->k0 = in->cond; u->k1 = in->nzcv & 15; return cpu_wx(U_CCMNI_W, sf);
    case A64_OP_CCMP_REG: u->k0 = in->cond; u->k1 = in->nzcv & 15; return cpu_wx(U_CCMPR_W, sf);
    case A64_OP_CCMP_IMM: u->k0 = in->cond; u->k1 = in->nzcv & 15; return cpu_wx(U_CCMPI_W, sf);
    case A64_OP_CSEL: u->k0 = in->cond; return cpu_wx(U_CSEL_W, sf);
    case A64_OP_CSINC: u->k0 = in->cond; return cpu_wx(U_CSINC_W, sf);
    case A64_OP_CSINV: u->k0 = in->cond; return cpu_wx(U_CSINV_W, sf);
    case A64_OP_CSNEG: u->k0 = in->cond; return cpu_wx(U_CSNEG_W, sf);
    case A64_OP_RBIT: return cpu_wx(U_RBIT_W, sf);
    case A64_OP_REV16: return cpu_wx(U_REV16_W, sf);
    case A64_OP_REV32: return U_REV32;
    case A64_OP_REV: return cpu_wx(U_REV_W, sf);
    case A64_OP_CLZ: return cpu_wx(U_CLZ_W, sf);
    case A64_OP_CLS: return cpu_wx(U_CLS_W, sf);
    case A64_OP_UDIV: return cpu_wx(U_UDIV_W, sf);
    case A64_OP_SDIV: return cpu_wx(U_SDIV_W, sf);
    case A64_OP_LSLV: return cpu_wx(U_LSLV_W, sf);
    case A64_OP_LSRV: return cpu_wx(U_LSRV_W, sf);
    case A64_OP_ASRV: return cpu_wx(U_ASRV_W, sf);
    case A64_OP_RORV: return cpu_wx(U_RORV_W, sf);
    case A64_OP_MADD: return cpu_wx(U_MADD_W, sf);
    case A64_OP_MSUB: return cpu_wx(U_MSUB_W, sf);
    case A64_OP_SMADDL: return U_SMADDL;
    case A64_OP_SMSUBL: return U_SMSUBL;
    case A64_OP_UMADDL: return U_UMADDL;
    case A64_OP_UMSUBL: return U_UMSUBL;
    case A64_OP_SMULH: return U_SMULH;
    case A64_OP_UMULH: return U_UMULH;
    default:
        if (in->flags & A64_P_SIMD)
            return cpu_translate_simd(in, u);
        return U_UNDEF;
    }
}
