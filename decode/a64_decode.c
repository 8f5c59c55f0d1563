/* a64_decode.c: the one A64 decoder (docs/design.md, One decoder), as data.
 *
 * `a64_patterns` below lists the supported encodings, one line per pattern: a word matches a line
 * when (word & mask) == value, and the first matching line wins. Each line names the operation, the
 * field layout that extracts its operands (enum a64_layout), and per-line bits: the public A64_F_*
 * bits of the encoding plus two private bits saying whether Rd and Rn name SP (not ZR) when 31.
 * Lines are grouped after the ARM ARM's encoding classes (DDI 0487, C4.1); the encodings left out
 * on purpose are kept as commented lines so what is missing stays visible. A word that matches no
 * line, or whose layout finds a reserved field value, decodes to A64_OP_UNDEF.
 *
 * The file is C11 and OpenCL C 1.2 at once: no libc, integer types from a64_types.h, the table in
 * the __constant address space under OpenCL and indexed directly (no pointers to it).
 */
#include "a64_decode.h"

/* Decoder-private per-line bits, kept apart from the public A64_F_* bits (masked off on output). */
#define D_RD_SP 0x40000000u /* Rd == 31 names SP (otherwise ZR) */
#define D_RN_SP 0x80000000u /* Rn == 31 names SP (otherwise ZR) */
#define D_PRIVATE (D_RD_SP | D_RN_SP)
#define D_LDST (D_RN_SP)    /* loads and stores: the base is SP, the transfer registers are ZR */

/* How a matched line's operands are extracted (one case each in a64_decode). */
enum a64_layout {
    L_NONE,        /* no operands: NOP, CLREX, barriers */
    L_PCREL,       /* ADR, ADRP: Rd, immhi:immlo */
    L_ADDSUB_IMM,  /* Rd, Rn, imm12, sh */
    L_LOGIC_IMM,   /* Rd, Rn, N:immr:imms bitmask */
    L_MOVE_WIDE,   /* Rd, hw, imm16 */
    L_BITFIELD,    /* Rd, Rn, N, immr, imms */
    L_EXTRACT,     /* Rd, Rn, Rm, N, imms */
    L_BRANCH_IMM,  /* imm26 */
    L_BRANCH_COND, /* imm19, cond */
    L_COMPARE_BR,  /* sf, imm19, Rt */
    L_TEST_BR,     /* b5, b40, imm14, Rt */
    L_BRANCH_REG,  /* Rn */
    L_EXCEPTION,   /* imm16 */
    L_SYSREG,      /* MRS/MSR: o0:op1:CRn:CRm:op2, Rt */
    L_LD_LIT,      /* imm19, Rt */
    L_LDST_PAIR,   /* opc, imm7, Rt2, Rn, Rt */
    L_LDST_IMM9,   /* size, opc, imm9, Rn, Rt (unscaled, pre- and post-index) */
    L_LDST_UIMM,   /* size, opc, imm12, Rn, Rt */
    L_LDST_REG,    /* size, opc, Rm, option, S, Rn, Rt */
    L_LDST_EXCL,   /* size, Rs, Rn, Rt (exclusive register, acquire/release register) */
    L_LDST_EXCLP,  /* sz, Rs, Rt2, Rn, Rt */
    L_ATOMIC,      /* size, A, R, Rs, Rn, Rt (SWP, LD<op>: A acquire, R release) */
    L_CAS,         /* size, L, Rs, o0, Rn, Rt (L acquire, o0 release) */
    L_CASP,        /* sz, L, Rs, o0, Rn, Rt (even Rs and Rt) */
    L_ADDSUB_SHIFT,/* Rd, Rn, Rm, shift, imm6 */
    L_ADDSUB_EXT,  /* Rd, Rn, Rm, option, imm3 */
    L_LOGIC_SHIFT, /* Rd, Rn, Rm, shift, imm6 */
    L_RRR,         /* Rd, Rn, Rm (ADC family, two-source ops) */
    L_CCMP_REG,    /* Rn, Rm, cond, nzcv */
    L_CCMP_IMM,    /* Rn, imm5, cond, nzcv */
    L_CSEL,        /* Rd, Rn, Rm, cond */
    L_RR,          /* Rd, Rn (one-source ops) */
    L_RRRR,        /* Rd, Rn, Rm, Ra (multiply-add) */
    L_RRR_LONG     /* Rd, Rn, Rm, Ra (sf forced to 1: long multiplies, SMULH, UMULH) */
};

struct a64_pattern {
    uint32_t mask;
    uint32_t value;
    uint16_t op;     /* enum a64_op */
    uint16_t layout; /* enum a64_layout */
    uint32_t bits;   /* A64_F_* | D_* */
};

#define P(mask, value, op, layout, bits) { mask, value, A64_OP_##op, layout, bits }

/* System register encodings, o0:op1:CRn:CRm:op2 as in bits 19..5 of MRS/MSR (op0 = 2 + o0). */
#define SYSREG(op0, op1, crn, crm, op2) \
    ((((op0) & 1u) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

struct a64_sysreg_enc {
    uint32_t enc;      /* SYSREG(...) */
    uint16_t id;       /* enum a64_sysreg */
    uint16_t writable; /* MSR allowed (EL0 view) */
};

/* The system registers we emulate at EL0 (ARM ARM D17). Any other one decodes to UNDEF. */
A64_CONST struct a64_sysreg_enc a64_sysregs[] = {
    { SYSREG(3, 3, 4, 2, 0),  A64_SYSREG_NZCV,       1 },
    { SYSREG(3, 3, 4, 4, 0),  A64_SYSREG_FPCR,       1 },
    { SYSREG(3, 3, 4, 4, 1),  A64_SYSREG_FPSR,       1 },
    { SYSREG(3, 3, 13, 0, 2), A64_SYSREG_TPIDR_EL0,  1 },
    { SYSREG(3, 3, 0, 0, 1),  A64_SYSREG_CTR_EL0,    0 },
    { SYSREG(3, 3, 0, 0, 7),  A64_SYSREG_DCZID_EL0,  0 },
    { SYSREG(3, 0, 0, 0, 0),  A64_SYSREG_MIDR_EL1,   0 },
    { SYSREG(3, 3, 14, 0, 2), A64_SYSREG_CNTVCT_EL0, 0 },
    { SYSREG(3, 3, 14, 0, 0), A64_SYSREG_CNTFRQ_EL0, 0 },
};
#define A64_NUM_SYSREGS 9

A64_CONST struct a64_pattern a64_patterns[] = {
/* ---- C4.1.86 Data processing -- immediate --------------------------------------------------
 *  31 30 29 28 27 26 25 24 23 22       ...                                       0
 *  op |     | 1  0  0 |  op0  |
 *  PC-rel.:   op immlo 1 0 0 0 0 immhi(19) Rd
 *  Add/sub:   sf op S 1 0 0 0 1 0 sh imm12 Rn Rd
 *  Logical:   sf opc  1 0 0 1 0 0 N immr imms Rn Rd
 *  Move wide: sf opc  1 0 0 1 0 1 hw imm16 Rd
 *  Bitfield:  sf opc  1 0 0 1 1 0 N immr imms Rn Rd
 *  Extract:   sf op21 1 0 0 1 1 1 N o0 Rm imms Rn Rd                                          */
    P(0x9f000000, 0x10000000, ADR,      L_PCREL,      0),
    P(0x9f000000, 0x90000000, ADRP,     L_PCREL,      0),
    P(0x7f800000, 0x11000000, ADD_IMM,  L_ADDSUB_IMM, D_RD_SP | D_RN_SP),
    P(0x7f800000, 0x31000000, ADDS_IMM, L_ADDSUB_IMM, D_RN_SP),
    P(0x7f800000, 0x51000000, SUB_IMM,  L_ADDSUB_IMM, D_RD_SP | D_RN_SP),
    P(0x7f800000, 0x71000000, SUBS_IMM, L_ADDSUB_IMM, D_RN_SP),
/*  P(0x7f800000, 0x11800000, ADDG,     ...): add/subtract with tags (MTE), not supported        */
/*  P(0x7f800000, 0x51800000, SUBG,     ...)                                                      */
    P(0x7f800000, 0x12000000, AND_IMM,  L_LOGIC_IMM,  D_RD_SP),
    P(0x7f800000, 0x32000000, ORR_IMM,  L_LOGIC_IMM,  D_RD_SP),
    P(0x7f800000, 0x52000000, EOR_IMM,  L_LOGIC_IMM,  D_RD_SP),
    P(0x7f800000, 0x72000000, ANDS_IMM, L_LOGIC_IMM,  0),
    P(0x7f800000, 0x12800000, MOVN,     L_MOVE_WIDE,  0),
/*                0x32800000           opc=01: unallocated                                        */
    P(0x7f800000, 0x52800000, MOVZ,     L_MOVE_WIDE,  0),
    P(0x7f800000, 0x72800000, MOVK,     L_MOVE_WIDE,  0),
    P(0x7f800000, 0x13000000, SBFM,     L_BITFIELD,   0),
    P(0x7f800000, 0x33000000, BFM,      L_BITFIELD,   0),
    P(0x7f800000, 0x53000000, UBFM,     L_BITFIELD,   0),
/*                0x73000000           opc=11: unallocated                                        */
    P(0x7fa00000, 0x13800000, EXTR,     L_EXTRACT,    0),

/* ---- C4.1.87 Branches, exception generating and system instructions ------------------------
 *  Uncond. imm:  op 0 0 1 0 1 imm26
 *  Cond. branch: 0 1 0 1 0 1 0 o1 imm19 o0 cond
 *  Compare:      sf 0 1 1 0 1 0 op imm19 Rt
 *  Test:         b5 0 1 1 0 1 1 op b40 imm14 Rt
 *  Exception:    1 1 0 1 0 1 0 0 opc(3) imm16 op2(3) LL(2)
 *  System:       1 1 0 1 0 1 0 1 0 0 L op0(2) op1(3) CRn CRm op2 Rt
 *  Uncond. reg:  1 1 0 1 0 1 1 opc(4) op2(5) op3(6) Rn op4(5)                                   */
    P(0xfc000000, 0x14000000, B,        L_BRANCH_IMM,  0),
    P(0xfc000000, 0x94000000, BL,       L_BRANCH_IMM,  0),
    P(0xff000010, 0x54000000, B_COND,   L_BRANCH_COND, 0),
/*  P(0xff000010, 0x54000010, BC_COND,  ...): v8.8 BC.cond, not supported                         */
    P(0x7f000000, 0x34000000, CBZ,      L_COMPARE_BR,  0),
    P(0x7f000000, 0x35000000, CBNZ,     L_COMPARE_BR,  0),
    P(0x7f000000, 0x36000000, TBZ,      L_TEST_BR,     0),
    P(0x7f000000, 0x37000000, TBNZ,     L_TEST_BR,     0),
    P(0xffe0001f, 0xd4000001, SVC,      L_EXCEPTION,   0),
/*  P(0xffe0001f, 0xd4000002, HVC, ...), P(0xffe0001f, 0xd4000003, SMC, ...),
 *  P(0xffe0001f, 0xd4200000, BRK, ...), P(0xffe0001f, 0xd4400000, HLT, ...),
 *  P(0xffe0001c, 0xd4a00000, DCPS1/2/3, ...): exception generating, UNDEF at EL0 here          */
    P(0xfffff01f, 0xd503201f, NOP,      L_NONE,        0), /* every hint: NOP, YIELD, BTI, ... */
    P(0xfffff0ff, 0xd503305f, CLREX,    L_NONE,        0),
    P(0xfffff0ff, 0xd503309f, BARRIER,  L_NONE,        0), /* DSB (SSBB, PSSBB) */
    P(0xfffff0ff, 0xd50330bf, BARRIER,  L_NONE,        0), /* DMB */
    P(0xfffff0ff, 0xd50330df, BARRIER,  L_NONE,        0), /* ISB */
/*  P(0xffffffff, 0xd50330ff, SB, ...): v8.5 speculation barrier
 *  P(0xfff8f01f, 0xd500401f, MSR_IMM, ...): PSTATE fields (SPSel, DAIF, UAO, PAN, SSBS, DIT, ...)
 *  P(0xfff80000, 0xd5080000, SYS, ...), P(0xfff80000, 0xd5280000, SYSL, ...): DC ZVA, IC IVAU, ...
 *  P(0xfff0f000, 0xd5001000, WFET/WFIT, ...): v8.7                                              */
    P(0xfff00000, 0xd5100000, MSR,      L_SYSREG,      0),
    P(0xfff00000, 0xd5300000, MRS,      L_SYSREG,      0),
    P(0xfffffc1f, 0xd61f0000, BR,       L_BRANCH_REG,  0),
    P(0xfffffc1f, 0xd63f0000, BLR,      L_BRANCH_REG,  0),
    P(0xfffffc1f, 0xd65f0000, RET,      L_BRANCH_REG,  0),
/*  P(0xffffffff, 0xd69f03e0, ERET, ...), P(0xffffffff, 0xd6bf03e0, DRPS, ...),
 *  P(0xfe9ff800, 0xd61f0800, BRAA/BLRAA/RETAA/..., ...): pointer authentication                 */

/* ---- C4.1.88 Loads and stores ----------------------------------------------------------------
 *  Exclusive reg.:  size 0 0 1 0 0 0 0 L 0 Rs o0 Rt2 Rn Rt
 *  Exclusive pair:  1 sz 0 0 1 0 0 0 0 L 1 Rs o0 Rt2 Rn Rt
 *  Ordered:         size 0 0 1 0 0 0 1 L 0 Rs o0 Rt2 Rn Rt
 *  Compare and swap: size 0 0 1 0 0 0 1 L 1 Rs o0 1 1 1 1 1 Rn Rt
 *  CAS pair:        0 sz 0 0 1 0 0 0 0 L 1 Rs o0 1 1 1 1 1 Rn Rt
 *  RCpc unscaled:   size 0 1 1 0 0 1 opc 0 imm9 0 0 Rn Rt
 *  Atomic memory:   size 1 1 1 V 0 0 A R 1 Rs o3 opc(3) 0 0 Rn Rt
 *  Literal:         opc 0 1 1 V 0 0 imm19 Rt
 *  Pair:            opc 1 0 1 V 0 idx(2) L imm7 Rt2 Rn Rt     idx: 00 LDNP/STNP 01 post 10 offset 11 pre
 *  Imm9:            size 1 1 1 V 0 0 opc 0 imm9 idx(2) Rn Rt  idx: 00 unscaled 01 post 10 LDTR.. 11 pre
 *  Register offset: size 1 1 1 V 0 0 opc 1 Rm option S 1 0 Rn Rt
 *  Unsigned imm.:   size 1 1 1 V 0 1 opc imm12 Rn Rt
 *  opc of single-register forms: 00 store, 01 load, 10 load signed to 64 bits, 11 to 32 bits.
 *  Every V=1 (FP/SIMD register) form is left out; see the commented lines in each group.
 *  Writeback forms whose base is a transfer register (Rn == Rt or Rt2, Rn != 31), exclusive
 *  stores whose status register is the data or base register, and LDP/LDXP with Rt == Rt2 are
 *  CONSTRAINED UNPREDICTABLE (ARM ARM C6.2 and K1.2); this decoder makes all of them UNDEF.     */
    P(0x3fe08000, 0x08000000, STXR,     L_LDST_EXCL,   D_LDST),
    P(0x3fe08000, 0x08008000, STXR,     L_LDST_EXCL,   D_LDST | A64_F_RELEASE), /* STLXR */
    P(0x3fe08000, 0x08400000, LDXR,     L_LDST_EXCL,   D_LDST),
    P(0x3fe08000, 0x08408000, LDXR,     L_LDST_EXCL,   D_LDST | A64_F_ACQUIRE), /* LDAXR */
    P(0xbfe08000, 0x88200000, STXP,     L_LDST_EXCLP,  D_LDST),
    P(0xbfe08000, 0x88208000, STXP,     L_LDST_EXCLP,  D_LDST | A64_F_RELEASE), /* STLXP */
    P(0xbfe08000, 0x88600000, LDXP,     L_LDST_EXCLP,  D_LDST),
    P(0xbfe08000, 0x88608000, LDXP,     L_LDST_EXCLP,  D_LDST | A64_F_ACQUIRE), /* LDAXP */
    P(0xbfa07c00, 0x08207c00, CASP,     L_CASP,        D_LDST),                 /* CASP{A,L,AL} W, X */
    P(0x3fa07c00, 0x08a07c00, CAS,      L_CAS,         D_LDST),                 /* CAS{A,L,AL}{B,H} */
    P(0x3fe08000, 0x08808000, STLR,     L_LDST_EXCL,   D_LDST | A64_F_RELEASE),
    P(0x3fe08000, 0x08c08000, LDAR,     L_LDST_EXCL,   D_LDST | A64_F_ACQUIRE),
/*  P(0x3fe08000, 0x08800000, STLLR, ...), P(0x3fe08000, 0x08c00000, LDLAR, ...): LORegions     */
    /* RCpc (FEAT_LRCPC2) unscaled: LDAPUR and STLUR are LDUR and STUR single-threaded */
    P(0x3fe00c00, 0x19000000, STR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_RELEASE), /* STLUR{B,H} */
    P(0x3fe00c00, 0x19400000, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_ACQUIRE), /* LDAPUR{B,H} */
    P(0xbfe00c00, 0x19800000, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_ACQUIRE | A64_F_SIGNED), /* to X */
    P(0xffe00c00, 0x99800000, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_ACQUIRE | A64_F_SIGNED), /* LDAPURSW */
    P(0xbfe00c00, 0x19c00000, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_ACQUIRE | A64_F_SIGNED), /* to W */
    P(0xff000000, 0x18000000, LDR_LIT,  L_LD_LIT,      0),                      /* LDR Wt */
    P(0xff000000, 0x58000000, LDR_LIT,  L_LD_LIT,      0),                      /* LDR Xt */
    P(0xff000000, 0x98000000, LDR_LIT,  L_LD_LIT,      A64_F_SIGNED),           /* LDRSW */
    P(0xff000000, 0xd8000000, PRFM,     L_LD_LIT,      0),
/*  P(0x3f000000, 0x1c000000, LDR_LIT_FP, ...): LDR St/Dt/Qt literal                           */
    P(0xffc00000, 0x28000000, STP,      L_LDST_PAIR,   D_LDST | A64_F_NONTEMP), /* STNP W */
    P(0xffc00000, 0x28400000, LDP,      L_LDST_PAIR,   D_LDST | A64_F_NONTEMP), /* LDNP W */
    P(0xffc00000, 0xa8000000, STP,      L_LDST_PAIR,   D_LDST | A64_F_NONTEMP), /* STNP X */
    P(0xffc00000, 0xa8400000, LDP,      L_LDST_PAIR,   D_LDST | A64_F_NONTEMP), /* LDNP X */
    P(0x7fc00000, 0x28800000, STP,      L_LDST_PAIR,   D_LDST | A64_F_WB_POST), /* W, X */
    P(0x7fc00000, 0x28c00000, LDP,      L_LDST_PAIR,   D_LDST | A64_F_WB_POST),
    P(0x7fc00000, 0x29000000, STP,      L_LDST_PAIR,   D_LDST),
    P(0x7fc00000, 0x29400000, LDP,      L_LDST_PAIR,   D_LDST),
    P(0x7fc00000, 0x29800000, STP,      L_LDST_PAIR,   D_LDST | A64_F_WB_PRE),
    P(0x7fc00000, 0x29c00000, LDP,      L_LDST_PAIR,   D_LDST | A64_F_WB_PRE),
    P(0xffc00000, 0x68c00000, LDP,      L_LDST_PAIR,   D_LDST | A64_F_SIGNED | A64_F_WB_POST), /* LDPSW */
    P(0xffc00000, 0x69400000, LDP,      L_LDST_PAIR,   D_LDST | A64_F_SIGNED),
    P(0xffc00000, 0x69c00000, LDP,      L_LDST_PAIR,   D_LDST | A64_F_SIGNED | A64_F_WB_PRE),
/*  P(0xfec00000, 0x68800000, STGP, ...): MTE; 0x68400000 (LDNP with opc=01): unallocated       */
/*  P(0x3fc00000, 0x2c000000..0x2dc00000, LDP/STP/LDNP/STNP S/D/Q, ...): FP/SIMD pairs          */
    /* Load/store register, unscaled immediate (LDUR, STUR, PRFUM) */
    P(0x3fe00c00, 0x38000000, STR_IMM,  L_LDST_IMM9,   D_LDST),
    P(0x3fe00c00, 0x38400000, LDR_IMM,  L_LDST_IMM9,   D_LDST),
    P(0xbfe00c00, 0x38800000, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_SIGNED),  /* B, H to X */
    P(0xffe00c00, 0xb8800000, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_SIGNED),  /* LDURSW */
    P(0xffe00c00, 0xf8800000, PRFM,     L_LDST_IMM9,   D_LDST),                 /* PRFUM */
    P(0xbfe00c00, 0x38c00000, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_SIGNED),  /* B, H to W */
    /* Load/store register, immediate post-indexed */
    P(0x3fe00c00, 0x38000400, STR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_POST),
    P(0x3fe00c00, 0x38400400, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_POST),
    P(0xbfe00c00, 0x38800400, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_POST | A64_F_SIGNED),
    P(0xffe00c00, 0xb8800400, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_POST | A64_F_SIGNED),
    P(0xbfe00c00, 0x38c00400, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_POST | A64_F_SIGNED),
    /* Load/store register, immediate pre-indexed */
    P(0x3fe00c00, 0x38000c00, STR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_PRE),
    P(0x3fe00c00, 0x38400c00, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_PRE),
    P(0xbfe00c00, 0x38800c00, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_PRE | A64_F_SIGNED),
    P(0xffe00c00, 0xb8800c00, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_PRE | A64_F_SIGNED),
    P(0xbfe00c00, 0x38c00c00, LDR_IMM,  L_LDST_IMM9,   D_LDST | A64_F_WB_PRE | A64_F_SIGNED),
    /* Atomic memory operations (FEAT_LSE; A acquire and R release come from the word), and
     * LDAPR{B,H} (FEAT_LRCPC: LDAR single-threaded) */
    P(0x3f20fc00, 0x38200000, LDADD,    L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38201000, LDCLR,    L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38202000, LDEOR,    L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38203000, LDSET,    L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38204000, LDSMAX,   L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38205000, LDSMIN,   L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38206000, LDUMAX,   L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38207000, LDUMIN,   L_ATOMIC,      D_LDST),
    P(0x3f20fc00, 0x38208000, SWP,      L_ATOMIC,      D_LDST),
    P(0x3ffffc00, 0x38bfc000, LDAR,     L_LDST_EXCL,   D_LDST | A64_F_ACQUIRE), /* LDAPR */
/*  o3 = 1 with opc 001..011, 101..111: LD64B, ST64B, RCW*, LDAPR with other A/R/Rs: unallocated
 *  here or not supported                                                                       */
/*  P(0x3f200c00, 0x38000800, LDTR/STTR and sign-extending forms, ...): unprivileged
 *  P(0x3f200000, 0x3c000000, LDUR/STUR/LDR/STR B/H/S/D/Q pre/post/unscaled, ...): FP/SIMD    */
    /* Load/store register, register offset */
    P(0x3fe00c00, 0x38200800, STR_REG,  L_LDST_REG,    D_LDST),
    P(0x3fe00c00, 0x38600800, LDR_REG,  L_LDST_REG,    D_LDST),
    P(0xbfe00c00, 0x38a00800, LDR_REG,  L_LDST_REG,    D_LDST | A64_F_SIGNED),
    P(0xffe00c00, 0xb8a00800, LDR_REG,  L_LDST_REG,    D_LDST | A64_F_SIGNED),
    P(0xffe00c00, 0xf8a00800, PRFM,     L_LDST_REG,    D_LDST),
    P(0xbfe00c00, 0x38e00800, LDR_REG,  L_LDST_REG,    D_LDST | A64_F_SIGNED),
/*  P(0x3f200c00, 0x3c200800, LDR/STR B/H/S/D/Q register offset, ...): FP/SIMD
 *  P(0x3f200c00, 0x38200000, LDADD/LDCLR/.../SWP/LDAPR, ...): LSE atomics (RCpc LDAPR)
 *  P(0xff200400, 0xf8200400, LDRAA/LDRAB, ...): pointer authentication                         */
    /* Load/store register, unsigned immediate */
    P(0x3fc00000, 0x39000000, STR_IMM,  L_LDST_UIMM,   D_LDST),
    P(0x3fc00000, 0x39400000, LDR_IMM,  L_LDST_UIMM,   D_LDST),
    P(0xbfc00000, 0x39800000, LDR_IMM,  L_LDST_UIMM,   D_LDST | A64_F_SIGNED),
    P(0xffc00000, 0xb9800000, LDR_IMM,  L_LDST_UIMM,   D_LDST | A64_F_SIGNED),
    P(0xffc00000, 0xf9800000, PRFM,     L_LDST_UIMM,   D_LDST),
    P(0xbfc00000, 0x39c00000, LDR_IMM,  L_LDST_UIMM,   D_LDST | A64_F_SIGNED),
/*  P(0x3f000000, 0x3d000000, LDR/STR B/H/S/D/Q unsigned offset, ...): FP/SIMD                */

/* ---- C4.1.89 Data processing -- register ---------------------------------------------------
 *  Logical (shifted):  sf opc 0 1 0 1 0 shift N Rm imm6 Rn Rd
 *  Add/sub (shifted):  sf op S 0 1 0 1 1 shift 0 Rm imm6 Rn Rd
 *  Add/sub (extended): sf op S 0 1 0 1 1 opt 1 Rm option imm3 Rn Rd
 *  Add/sub carry:      sf op S 1 1 0 1 0 0 0 0 Rm 0 0 0 0 0 0 Rn Rd
 *  Cond. compare:      sf op 1 1 1 0 1 0 0 1 0 Rm|imm5 cond i 0 Rn 0 nzcv
 *  Cond. select:       sf op 0 1 1 0 1 0 1 0 0 Rm cond op2 Rn Rd
 *  1 source:           sf 1 0 1 1 0 1 0 1 1 0 00000 opcode(6) Rn Rd
 *  2 source:           sf 0 0 1 1 0 1 0 1 1 0 Rm opcode(6) Rn Rd
 *  3 source:           sf op54 1 1 0 1 1 op31 Rm o0 Ra Rn Rd                                    */
    P(0x7f200000, 0x0a000000, AND_SHIFT,  L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x0a200000, BIC_SHIFT,  L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x2a000000, ORR_SHIFT,  L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x2a200000, ORN_SHIFT,  L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x4a000000, EOR_SHIFT,  L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x4a200000, EON_SHIFT,  L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x6a000000, ANDS_SHIFT, L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x6a200000, BICS_SHIFT, L_LOGIC_SHIFT,  0),
    P(0x7f200000, 0x0b000000, ADD_SHIFT,  L_ADDSUB_SHIFT, 0),
    P(0x7f200000, 0x2b000000, ADDS_SHIFT, L_ADDSUB_SHIFT, 0),
    P(0x7f200000, 0x4b000000, SUB_SHIFT,  L_ADDSUB_SHIFT, 0),
    P(0x7f200000, 0x6b000000, SUBS_SHIFT, L_ADDSUB_SHIFT, 0),
    P(0x7fe00000, 0x0b200000, ADD_EXT,    L_ADDSUB_EXT,   D_RD_SP | D_RN_SP),
    P(0x7fe00000, 0x2b200000, ADDS_EXT,   L_ADDSUB_EXT,   D_RN_SP),
    P(0x7fe00000, 0x4b200000, SUB_EXT,    L_ADDSUB_EXT,   D_RD_SP | D_RN_SP),
    P(0x7fe00000, 0x6b200000, SUBS_EXT,   L_ADDSUB_EXT,   D_RN_SP),
    P(0x7fe0fc00, 0x1a000000, ADC,        L_RRR,          0),
    P(0x7fe0fc00, 0x3a000000, ADCS,       L_RRR,          0),
    P(0x7fe0fc00, 0x5a000000, SBC,        L_RRR,          0),
    P(0x7fe0fc00, 0x7a000000, SBCS,       L_RRR,          0),
/*  P(0xffe07c10, 0xba000400, RMIF, ...), P(0x7ffffc1f, 0x3a00080d, SETF8/16, ...): v8.4 flags */
    P(0x7fe00c10, 0x3a400000, CCMN_REG,   L_CCMP_REG,     0),
    P(0x7fe00c10, 0x3a400800, CCMN_IMM,   L_CCMP_IMM,     0),
    P(0x7fe00c10, 0x7a400000, CCMP_REG,   L_CCMP_REG,     0),
    P(0x7fe00c10, 0x7a400800, CCMP_IMM,   L_CCMP_IMM,     0),
    P(0x7fe00c00, 0x1a800000, CSEL,       L_CSEL,         0),
    P(0x7fe00c00, 0x1a800400, CSINC,      L_CSEL,         0),
    P(0x7fe00c00, 0x5a800000, CSINV,      L_CSEL,         0),
    P(0x7fe00c00, 0x5a800400, CSNEG,      L_CSEL,         0),
    P(0x7ffffc00, 0x5ac00000, RBIT,       L_RR,           0),
    P(0x7ffffc00, 0x5ac00400, REV16,      L_RR,           0),
    P(0xfffffc00, 0xdac00800, REV32,      L_RR,           0),
    P(0xfffffc00, 0x5ac00800, REV,        L_RR,           0), /* REV Wd */
    P(0xfffffc00, 0xdac00c00, REV,        L_RR,           0), /* REV Xd */
    P(0x7ffffc00, 0x5ac01000, CLZ,        L_RR,           0),
    P(0x7ffffc00, 0x5ac01400, CLS,        L_RR,           0),
/*  P(0xffffc000, 0xdac10000, PACIA/PACIB/AUTIA/.../XPACI, ...): pointer authentication
 *  P(0x7ffff000, 0x5ac01800, CTZ/CNT/ABS, ...): v8.9 CSSC                                      */
    P(0x7fe0fc00, 0x1ac00800, UDIV,       L_RRR,          0),
    P(0x7fe0fc00, 0x1ac00c00, SDIV,       L_RRR,          0),
    P(0x7fe0fc00, 0x1ac02000, LSLV,       L_RRR,          0),
    P(0x7fe0fc00, 0x1ac02400, LSRV,       L_RRR,          0),
    P(0x7fe0fc00, 0x1ac02800, ASRV,       L_RRR,          0),
    P(0x7fe0fc00, 0x1ac02c00, RORV,       L_RRR,          0),
/*  P(0x7fe0f000, 0x1ac04000, CRC32B/H/W/X, CRC32CB/H/W/X, ...): CRC32 extension
 *  P(0xffe0fc00, 0x9ac03000, PACGA, ...), P(0xffe0f000, 0x9ac00000, SUBP/IRG/GMI, ...)         */
    P(0x7fe08000, 0x1b000000, MADD,       L_RRRR,         0),
    P(0x7fe08000, 0x1b008000, MSUB,       L_RRRR,         0),
    P(0xffe08000, 0x9b200000, SMADDL,     L_RRR_LONG,     0),
    P(0xffe08000, 0x9b208000, SMSUBL,     L_RRR_LONG,     0),
    P(0xffe08000, 0x9b400000, SMULH,      L_RRR_LONG,     0),
    P(0xffe08000, 0x9ba00000, UMADDL,     L_RRR_LONG,     0),
    P(0xffe08000, 0x9ba08000, UMSUBL,     L_RRR_LONG,     0),
    P(0xffe08000, 0x9bc00000, UMULH,      L_RRR_LONG,     0),

/* ---- Not supported at all: C4.1.90 Data processing -- scalar floating-point and SIMD,
 *      SVE and SME (op0 = 0x0x, bits 28..25 = 0x00 / x111), reserved and unallocated space.  */
};
#define A64_NUM_PATTERNS ((int)(sizeof(a64_patterns) / sizeof(a64_patterns[0])))

static uint32_t a64_bits(uint32_t word, int lo, int width)
{
    return (word >> lo) & ((1u << width) - 1u);
}

/* Sign-extend the low `width` bits of v, without relying on signed shifts. */
static int64_t a64_sext(uint64_t v, int width)
{
    uint64_t m = (uint64_t)1 << (width - 1);
    v &= (m << 1) - 1u;
    return (int64_t)((v ^ m) - m);
}

static uint64_t a64_ones(int n)
{
    return n >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1u;
}

/* DecodeBitMasks (ARM ARM J1, shared/functions/bitmasks) for logical immediates: the element size
 * is 2^len where len is the highest set bit of N:NOT(imms); the element holds imms+1 (within the
 * element) consecutive ones rotated right by immr, and is replicated to 64 bits. Returns 0 for the
 * reserved encodings: len < 1 (no element), all-ones element (S == levels), N=1 with sf=0. A valid
 * logical immediate is never 0 or all ones, so 0 can flag the error. */
static uint64_t a64_bitmask(uint32_t n, uint32_t immr, uint32_t imms, uint32_t sf)
{
    uint32_t combined = (n << 6) | (~imms & 0x3fu);
    int len = -1, esize, i;
    uint32_t levels, s, r;
    uint64_t elem, emask, mask;

    if (n && !sf)
        return 0;
    for (i = 6; i >= 0; i--) {
        if (combined & (1u << i)) {
            len = i;
            break;
        }
    }
    if (len < 1)
        return 0;
    levels = (1u << len) - 1u;
    s = imms & levels;
    r = immr & levels;
    if (s == levels)
        return 0;
    esize = 1 << len;
    emask = a64_ones(esize);
    elem = a64_ones((int)s + 1);
    if (r)
        elem = ((elem >> r) | (elem << (esize - (int)r))) & emask;
    mask = elem;
    for (i = esize; i < 64; i *= 2)
        mask |= mask << i;
    return sf ? mask : (mask & 0xffffffffu);
}

/* Register slot of a 5-bit register field (see a64_insn.h): 31 is SP where the encoding says so,
 * else ZR, which is the sink when the field is written. */
static uint8_t a64_slot(uint32_t r, uint32_t sp, uint32_t written)
{
    if (r != 31)
        return (uint8_t)r;
    if (sp)
        return A64_REG_SP;
    return written ? A64_REG_SINK : A64_REG_ZR;
}

#include "a64_decode_fp.inc"
#include "a64_decode_simd.inc"

/* Decode one word (see a64_decode.h). Finds the first matching table line, then extracts the
 * operands of its layout into `r`, turning reserved field values into UNDEF. Register fields are
 * raw 5-bit numbers until the end, where every register the operation reads or writes (by its
 * A64_P_* properties) is mapped to its slot; *out is written once, from `r`. */
void a64_decode(uint32_t word, struct a64_insn *out)
{
    struct a64_insn r = { 0 };
    uint32_t op = A64_OP_UNDEF, layout = L_NONE, bits = 0, props;
    uint32_t rd = a64_bits(word, 0, 5), rn = a64_bits(word, 5, 5), rm = a64_bits(word, 16, 5);
    uint32_t ra = a64_bits(word, 10, 5), sf = word >> 31, size = word >> 30;
    uint32_t t, u, wback, roles = 0;
    int undef = 0, i;
    uint64_t mask;

    for (i = 0; i < A64_NUM_PATTERNS; i++) {
        if ((word & a64_patterns[i].mask) == a64_patterns[i].value) {
            op = a64_patterns[i].op;
            layout = a64_patterns[i].layout;
            bits = a64_patterns[i].bits;
            break;
        }
    }
    if (op == A64_OP_UNDEF)
        a64_simd_match(word, &op, &layout, &bits);
    if (op == A64_OP_UNDEF)
        layout = L_NONE;
    wback = bits & (A64_F_WB_PRE | A64_F_WB_POST);

    switch (layout) {
    case L_NONE:
        break;
    case L_PCREL:
        r.rd = (uint8_t)rd;
        r.sf = 1;
        r.imm = a64_sext((a64_bits(word, 5, 19) << 2) | a64_bits(word, 29, 2), 21);
        if (op == A64_OP_ADRP)
            r.imm = (int64_t)((uint64_t)r.imm << 12);
        break;
    case L_ADDSUB_IMM:
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.sf = (uint8_t)sf;
        r.imm = (int64_t)a64_bits(word, 10, 12) << (a64_bits(word, 22, 1) * 12);
        break;
    case L_LOGIC_IMM:
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.sf = (uint8_t)sf;
        mask = a64_bitmask(a64_bits(word, 22, 1), a64_bits(word, 16, 6), a64_bits(word, 10, 6), sf);
        undef = mask == 0;
        r.imm = (int64_t)mask;
        break;
    case L_MOVE_WIDE:
        t = a64_bits(word, 21, 2) * 16; /* hw * 16 */
        undef = !sf && t >= 32;
        r.rd = (uint8_t)rd;
        r.sf = (uint8_t)sf;
        r.amount = (uint8_t)t;
        mask = (uint64_t)a64_bits(word, 5, 16);
        if (op == A64_OP_MOVZ) {
            r.imm = (int64_t)(mask << t);
        } else if (op == A64_OP_MOVN) {
            mask = ~(mask << t);
            r.imm = (int64_t)(sf ? mask : (mask & 0xffffffffu));
        } else {
            r.imm = (int64_t)mask;
        }
        if (op != A64_OP_MOVK)
            r.amount = 0;
        break;
    case L_BITFIELD:
        t = a64_bits(word, 16, 6); /* immr */
        u = a64_bits(word, 10, 6); /* imms */
        undef = a64_bits(word, 22, 1) != sf || (!sf && ((t | u) & 0x20u));
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.sf = (uint8_t)sf;
        r.immr = (uint8_t)t;
        r.imms = (uint8_t)u;
        break;
    case L_EXTRACT:
        u = a64_bits(word, 10, 6); /* imms = lsb */
        undef = a64_bits(word, 22, 1) != sf || (!sf && (u & 0x20u));
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.rm = (uint8_t)rm;
        r.sf = (uint8_t)sf;
        r.amount = (uint8_t)u;
        break;
    case L_BRANCH_IMM:
        r.imm = a64_sext((uint64_t)a64_bits(word, 0, 26) << 2, 28);
        break;
    case L_BRANCH_COND:
        r.cond = (uint8_t)a64_bits(word, 0, 4);
        r.imm = a64_sext((uint64_t)a64_bits(word, 5, 19) << 2, 21);
        break;
    case L_COMPARE_BR:
        r.rd = (uint8_t)rd;
        r.sf = (uint8_t)sf;
        r.imm = a64_sext((uint64_t)a64_bits(word, 5, 19) << 2, 21);
        break;
    case L_TEST_BR:
        r.rd = (uint8_t)rd;
        r.sf = (uint8_t)sf;
        r.amount = (uint8_t)((sf << 5) | a64_bits(word, 19, 5));
        r.imm = a64_sext((uint64_t)a64_bits(word, 5, 14) << 2, 16);
        break;
    case L_BRANCH_REG:
        r.rn = (uint8_t)rn;
        r.sf = 1;
        break;
    case L_EXCEPTION:
        r.imm = a64_bits(word, 5, 16);
        break;
    case L_SYSREG:
        t = a64_bits(word, 5, 15);
        undef = 1;
        for (i = 0; i < A64_NUM_SYSREGS; i++) {
            if (a64_sysregs[i].enc == t) {
                undef = op == A64_OP_MSR && !a64_sysregs[i].writable;
                r.imm = a64_sysregs[i].id;
                break;
            }
        }
        r.rd = (uint8_t)rd;
        r.sf = 1;
        break;
    case L_LD_LIT:
        r.rd = (uint8_t)rd;             /* PRFM: the raw prfop */
        r.imm = a64_sext((uint64_t)a64_bits(word, 5, 19) << 2, 21);
        if (op == A64_OP_LDR_LIT) {
            r.size = (uint8_t)(2 + (size & 1u)); /* opc 00: W, 01: X, 10: LDRSW */
            r.sf = (uint8_t)(size != 0);
        }
        break;
    case L_LDST_PAIR:
        /* opc 00: W, 01: LDPSW (word, sign-extended to X), 10: X. */
        t = (bits & A64_F_SIGNED) ? 2u : 2u + (sf);
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.ra = (uint8_t)ra;
        r.size = (uint8_t)t;
        r.sf = (uint8_t)(sf || (bits & A64_F_SIGNED));
        r.imm = (int64_t)((uint64_t)a64_sext(a64_bits(word, 15, 7), 7) << t);
        /* CONSTRAINED UNPREDICTABLE (C6.2 LDP/STP): LDP Rt == Rt2; writeback onto a transfer
         * register. Both made UNDEF. */
        if (op == A64_OP_LDP && rd == ra)
            undef = 1;
        if (wback && rn != 31 && (rn == rd || rn == ra))
            undef = 1;
        break;
    case L_LDST_IMM9:
    case L_LDST_UIMM:
    case L_LDST_REG:
        r.rd = (uint8_t)rd;             /* PRFM: the raw prfop */
        r.rn = (uint8_t)rn;
        if (op == A64_OP_PRFM) {
            /* PRFM reads nothing, but its address registers get slots all the same */
            roles = A64_P_R_RN | (layout == L_LDST_REG ? A64_P_R_RM : 0);
        } else {
            r.size = (uint8_t)size;
            /* signed loads: opc 10 extends to 64 bits, opc 11 to 32 */
            r.sf = (bits & A64_F_SIGNED) ? (uint8_t)!a64_bits(word, 22, 1) : (uint8_t)(size == 3);
        }
        if (layout == L_LDST_IMM9) {
            r.imm = a64_sext(a64_bits(word, 12, 9), 9);
            /* CONSTRAINED UNPREDICTABLE (C6.2 LDR/STR immediate): writeback onto Rt. Made UNDEF. */
            if (wback && rn != 31 && rn == rd)
                undef = 1;
        } else if (layout == L_LDST_UIMM) {
            r.imm = (int64_t)a64_bits(word, 10, 12) << size; /* PRFM: size is 3 */
        } else {
            t = a64_bits(word, 13, 3); /* option */
            undef = !(t & 2u);         /* only UXTW, LSL (UXTX), SXTW, SXTX */
            r.rm = (uint8_t)rm;
            r.shift = (uint8_t)t;
            r.amount = (uint8_t)(a64_bits(word, 12, 1) ? size : 0);
        }
        break;
    case L_LDST_EXCL:
        /* STXR: Rs status; LDXR, LDAR, STLR: Rs and Rt2 are should-be-one, ignored. */
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.size = (uint8_t)size;
        r.sf = (uint8_t)(size == 3);
        if (op == A64_OP_STXR) {
            r.rm = (uint8_t)rm;
            /* CONSTRAINED UNPREDICTABLE (C6.2 STXR): Rs == Rt, or Rs == Rn != 31. Made UNDEF. */
            undef = rm == rd || (rm == rn && rn != 31);
        }
        break;
    case L_LDST_EXCLP:
        t = 2u + a64_bits(word, 30, 1);
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.ra = (uint8_t)ra;
        r.size = (uint8_t)t;
        r.sf = (uint8_t)(t == 3);
        if (op == A64_OP_STXP) {
            r.rm = (uint8_t)rm;
            /* CONSTRAINED UNPREDICTABLE (C6.2 STXP): Rs == Rt or Rt2, or Rs == Rn != 31. */
            undef = rm == rd || rm == ra || (rm == rn && rn != 31);
        } else {
            undef = rd == ra; /* LDXP: Rt == Rt2 is CONSTRAINED UNPREDICTABLE */
        }
        break;
    case L_ATOMIC:
    case L_CAS:
        /* Old value to Rt (LD<op>, SWP) or Rs (CAS, also the compare value); operand Rs or Rt. */
        r.rd = (uint8_t)(layout == L_CAS ? rm : rd);
        r.rm = (uint8_t)(layout == L_CAS ? rd : rm);
        r.rn = (uint8_t)rn;
        r.size = (uint8_t)size;
        r.sf = (uint8_t)(size == 3);
        t = layout == L_CAS ? a64_bits(word, 22, 1) : a64_bits(word, 23, 1);
        u = layout == L_CAS ? a64_bits(word, 15, 1) : a64_bits(word, 22, 1);
        bits |= (t ? A64_F_ACQUIRE : 0) | (u ? A64_F_RELEASE : 0);
        break;
    case L_CASP:
        /* Rs, Rs+1 compared and loaded; Rt, Rt+1 stored; an odd Rs or Rt is UNDEFINED. A pair
         * that starts at x30 ends at ZR (read as zero, written to the sink). */
        t = 2u + a64_bits(word, 30, 1);
        undef = (rm & 1u) || (rd & 1u);
        r.rd = (uint8_t)rm;
        r.ra = (uint8_t)(rm + 1u);
        r.rm = (uint8_t)rd;
        r.rm2 = (uint8_t)(rd + 1u);
        r.rn = (uint8_t)rn;
        r.size = (uint8_t)t;
        r.sf = (uint8_t)(t == 3);
        bits |= (a64_bits(word, 22, 1) ? A64_F_ACQUIRE : 0) | (a64_bits(word, 15, 1) ? A64_F_RELEASE : 0);
        break;
    case L_ADDSUB_SHIFT:
        t = a64_bits(word, 22, 2);
        u = a64_bits(word, 10, 6);
        undef = t == A64_SHIFT_ROR || (!sf && (u & 0x20u));
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.rm = (uint8_t)rm;
        r.sf = (uint8_t)sf;
        r.shift = (uint8_t)t;
        r.amount = (uint8_t)u;
        break;
    case L_LOGIC_SHIFT:
        u = a64_bits(word, 10, 6);
        undef = !sf && (u & 0x20u);
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.rm = (uint8_t)rm;
        r.sf = (uint8_t)sf;
        r.shift = (uint8_t)a64_bits(word, 22, 2);
        r.amount = (uint8_t)u;
        break;
    case L_ADDSUB_EXT:
        u = a64_bits(word, 10, 3);
        undef = u > 4;
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.rm = (uint8_t)rm;
        r.sf = (uint8_t)sf;
        r.shift = (uint8_t)a64_bits(word, 13, 3);
        r.amount = (uint8_t)u;
        break;
    case L_RRR:
    case L_CSEL:
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.rm = (uint8_t)rm;
        r.sf = (uint8_t)sf;
        if (layout == L_CSEL)
            r.cond = (uint8_t)a64_bits(word, 12, 4);
        break;
    case L_CCMP_REG:
    case L_CCMP_IMM:
        r.rn = (uint8_t)rn;
        r.sf = (uint8_t)sf;
        r.cond = (uint8_t)a64_bits(word, 12, 4);
        r.nzcv = (uint8_t)a64_bits(word, 0, 4);
        if (layout == L_CCMP_REG)
            r.rm = (uint8_t)rm;
        else
            r.imm = rm; /* imm5 */
        break;
    case L_RR:
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.sf = (uint8_t)sf;
        break;
    case L_RRRR:
    case L_RRR_LONG:
        r.rd = (uint8_t)rd;
        r.rn = (uint8_t)rn;
        r.rm = (uint8_t)rm;
        r.sf = (uint8_t)(layout == L_RRR_LONG ? 1 : sf);
        if (op != A64_OP_SMULH && op != A64_OP_UMULH)
            r.ra = (uint8_t)ra; /* SMULH/UMULH: Ra is should-be-one, ignored */
        break;
    default: /* FP/SIMD (a64_decode_simd.c) */
        undef = a64_simd_fields(layout, &op, word, &r, &bits);
        break;
    }

    if (undef) {
        struct a64_insn u0 = { 0 };
        r = u0;
        op = A64_OP_UNDEF;
        bits = 0;
        roles = 0;
    }
    props = a64_op_props(op);
    roles |= props | (bits & A64_P_R_RM);
    if (roles & (A64_P_R_RD | A64_P_W_RD))
        r.rd = a64_slot(r.rd, bits & D_RD_SP, roles & A64_P_W_RD);
    if (roles & A64_P_R_RN)
        r.rn = a64_slot(r.rn, bits & D_RN_SP, 0);
    if (roles & (A64_P_R_RM | A64_P_W_RM))
        r.rm = a64_slot(r.rm, 0, roles & A64_P_W_RM);
    if (roles & (A64_P_R_RA | A64_P_W_RA))
        r.ra = a64_slot(r.ra, 0, roles & A64_P_W_RA);
    if (roles & A64_P_R_RM2)
        r.rm2 = a64_slot(r.rm2, 0, 0);
    r.op = (uint16_t)op;
    r.flags = props | (bits & ~D_PRIVATE);
    r.word = word;
    *out = r;
}
