/* test_decode.c: a64_decode() on known words, field by field, one test per ARM ARM encoding
 * class (C4.1). Each word carries its assembly (from llvm-mc / llvm-objdump) in a comment; the
 * expected record lists only the fields that are not zero (plus per-encoding A64_F_* bits; the
 * op's A64_P_* bits and `word` are added by check()). PC-relative immediates are byte offsets
 * from the instruction itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "a64_decode.h"
#include "a64_names.h"

#define ZR A64_REG_ZR   /* ZR read */
#define ZW A64_REG_SINK /* ZR written */
#define SP A64_REG_SP

#define E(opname, ...) ((struct a64_insn){ .op = A64_OP_##opname, __VA_ARGS__ })

static void check(uint32_t word, struct a64_insn e)
{
    struct a64_insn d;

    /* start from garbage: every field must be written */
    for (size_t i = 0; i < sizeof d; i++)
        ((unsigned char *)&d)[i] = 0xa5;
    a64_decode(word, &d);
    e.word = word;
    e.flags |= a64_op_props(e.op);
    if (d.op != e.op)
        fail_msg("%08x: op %s, expected %s", word, a64_op_name(d.op), a64_op_name(e.op));
#define FIELD(f)                                                                          \
    if (d.f != e.f)                                                                       \
        fail_msg("%08x (%s): " #f " = %lld, expected %lld", word, a64_op_name(e.op),     \
                 (long long)d.f, (long long)e.f);
    FIELD(rd) FIELD(rn) FIELD(rm) FIELD(ra) FIELD(sf) FIELD(size) FIELD(shift) FIELD(amount)
    FIELD(cond) FIELD(nzcv) FIELD(immr) FIELD(imms) FIELD(rm2) FIELD(reserved) FIELD(flags) FIELD(word)
    FIELD(imm)
#undef FIELD
}

static void undef(uint32_t word)
{
    check(word, E(UNDEF, .rd = 0));
}

/* C4.1.86 Data processing -- immediate */
static void test_dp_immediate(void **state)
{
    (void)state;
    check(0x10000803, E(ADR, .rd = 3, .sf = 1, .imm = 256));                 /* adr x3, .+256 */
    check(0xb0ffffe5, E(ADRP, .rd = 5, .sf = 1, .imm = -0x3000));            /* adrp x5, .-0x3000 */
    check(0x910043ff, E(ADD_IMM, .rd = SP, .rn = SP, .sf = 1, .imm = 16));   /* add sp, sp, #16 */
    check(0x914007e0, E(ADD_IMM, .rd = 0, .rn = SP, .sf = 1, .imm = 4096));  /* add x0, sp, #1, lsl #12 */
    check(0xb10013ff, E(ADDS_IMM, .rd = ZW, .rn = SP, .sf = 1, .imm = 4));   /* cmn sp, #4 */
    check(0x71001c5f, E(SUBS_IMM, .rd = ZW, .rn = 2, .imm = 7));             /* cmp w2, #7 */
    check(0xd1400bff, E(SUB_IMM, .rd = SP, .rn = SP, .sf = 1, .imm = 0x2000)); /* sub sp, sp, #2, lsl #12 */
    /* logical immediates: rd may be SP (not for ANDS), rn is ZR */
    check(0x92401c3f, E(AND_IMM, .rd = SP, .rn = 1, .sf = 1, .imm = 0xff));  /* and sp, x1, #0xff */
    check(0x3204cfe3, E(ORR_IMM, .rd = 3, .rn = ZR, .imm = 0xf0f0f0f0));     /* orr w3, wzr, #0xf0f0f0f0 */
    check(0xd200f0a4, E(EOR_IMM, .rd = 4, .rn = 5, .sf = 1,                  /* eor x4, x5, #0x5555.. */
                        .imm = 0x5555555555555555));
    check(0x720100df, E(ANDS_IMM, .rd = ZW, .rn = 6, .imm = 0x80000000));    /* tst w6, #0x80000000 */
    check(0xb2400000, E(ORR_IMM, .rd = 0, .rn = 0, .sf = 1, .imm = 1));      /* orr x0, x0, #1 */
    check(0x9241f800, E(AND_IMM, .rd = 0, .rn = 0, .sf = 1,                  /* and x0, x0, #0x7fff.. (N=1 immr=1 imms=62) */
                        .imm = (int64_t)0xbfffffffffffffffull));
    undef(0x12400000); /* N=1 with sf=0 */
    undef(0x9240fc00); /* N=1, imms=111111: all-ones 64-bit element */
    undef(0x9200f800); /* N=0, imms=111110: no element size */
    undef(0x1200fc00); /* N=0, imms=111111 */
    undef(0x12007c00); /* imms=011111 with N=0, sf=0: all-ones 32-bit element */
    /* move wide */
    check(0xd2c24681, E(MOVZ, .rd = 1, .sf = 1, .imm = 0x123400000000));     /* mov x1, #0x1234 << 32 */
    check(0x12a00022, E(MOVN, .rd = 2, .imm = 0xfffeffff));                  /* movn w2, #1, lsl #16 */
    check(0x92800002, E(MOVN, .rd = 2, .sf = 1, .imm = -1));                 /* movn x2, #0 */
    check(0xf2f7dde3, E(MOVK, .rd = 3, .sf = 1, .amount = 48, .imm = 0xbeef)); /* movk x3, #0xbeef, lsl #48 */
    check(0x72a0001f, E(MOVK, .rd = ZW, .amount = 16, .imm = 0));            /* movk wzr, #0, lsl #16 */
    undef(0x52c00000); /* movz w0, hw=2 */
    undef(0x72e00000); /* movk w0, hw=3 */
    undef(0x32800000); /* opc=01 */
    /* bitfield, extract */
    check(0x93431c41, E(SBFM, .rd = 1, .rn = 2, .sf = 1, .immr = 3, .imms = 7)); /* sbfx x1, x2, #3, #5 */
    check(0x331f7be3, E(BFM, .rd = 3, .rn = ZR, .immr = 31, .imms = 30));   /* bfi w3, wzr, #1, #31 */
    check(0x33007c1f, E(BFM, .rd = ZW, .rn = 0, .immr = 0, .imms = 31));    /* bfxil wzr, w0, #0, #32 */
    check(0xd37ff89f, E(UBFM, .rd = ZW, .rn = 4, .sf = 1, .immr = 63, .imms = 62)); /* lsl xzr, x4, #1 */
    undef(0x13400000); /* sf=0, N=1 */
    undef(0x93000000); /* sf=1, N=0 */
    undef(0x13200000); /* sf=0, immr=32 */
    undef(0x13008000); /* sf=0, imms=32 */
    undef(0x73000000); /* opc=11 */
    check(0x93c3fc41, E(EXTR, .rd = 1, .rn = 2, .rm = 3, .sf = 1, .amount = 63)); /* extr x1, x2, x3, #63 */
    check(0x13831441, E(EXTR, .rd = 1, .rn = 2, .rm = 3, .amount = 5));     /* extr w1, w2, w3, #5 */
    undef(0x13838041); /* extr w: imms=32 */
    undef(0x93838041); /* sf=1, N=0 */
    undef(0x13a31441); /* o0=1 */
}

/* C4.1.87 Branches, exception generating and system instructions */
static void test_branch_system(void **state)
{
    (void)state;
    check(0x17fffffe, E(B, .imm = -8));                                      /* b .-8 */
    check(0x95ffffff, E(BL, .imm = 0x7fffffc));                              /* bl .+0x7fffffc */
    check(0x16000000, E(B, .imm = -0x8000000));                              /* b .-0x8000000 */
    check(0x54ffffe1, E(B_COND, .cond = A64_COND_NE, .imm = -4));            /* b.ne .-4 */
    check(0x5400004f, E(B_COND, .cond = A64_COND_NV, .imm = 8));             /* b.nv .+8 */
    for (uint32_t c = 0; c < 16; c++)                                        /* b.<c> .+4 */
        check(0x54000020 | c, E(B_COND, .cond = (uint8_t)c, .imm = 4));
    undef(0x54000010); /* o0=1: BC.cond (v8.8) */
    check(0x34000083, E(CBZ, .rd = 3, .imm = 16));                           /* cbz w3, .+16 */
    check(0xb5ffff9f, E(CBNZ, .rd = ZR, .sf = 1, .imm = -16));               /* cbnz xzr, .-16 */
    check(0x36280043, E(TBZ, .rd = 3, .amount = 5, .imm = 8));               /* tbz w3, #5, .+8 */
    check(0xb7fc0007, E(TBNZ, .rd = 7, .sf = 1, .amount = 63, .imm = -0x8000)); /* tbnz x7, #63, .-0x8000 */
    check(0xd61f0220, E(BR, .rn = 17, .sf = 1));                             /* br x17 */
    check(0xd63f03e0, E(BLR, .rn = ZR, .sf = 1));                            /* blr xzr */
    check(0xd65f03c0, E(RET, .rn = 30, .sf = 1));                            /* ret */
    undef(0xd69f03e0); /* eret */
    undef(0xd61f0bff); /* braaz-like (pointer authentication) */
    check(0xd4001001, E(SVC, .imm = 0x80));                                  /* svc #0x80 */
    check(0xd41fffe1, E(SVC, .imm = 0xffff));                                /* svc #0xffff */
    undef(0xd4000002); /* hvc #0 */
    undef(0xd4000003); /* smc #0 */
    undef(0xd4200020); /* brk #1 */
    undef(0xd4400000); /* hlt #0 */
    undef(0xd4000021 | 0x2); /* svc with LL=11 */
    check(0xd503201f, E(NOP, .rd = 0));                                      /* nop */
    check(0xd503203f, E(NOP, .rd = 0));                                      /* yield */
    check(0xd503245f, E(NOP, .rd = 0));                                      /* hint #34 (bti c) */
    check(0xd503233f, E(NOP, .rd = 0));                                      /* hint #25 (paciasp) */
    check(0xd5033f5f, E(CLREX, .rd = 0));                                    /* clrex */
    check(0xd5033bbf, E(BARRIER, .rd = 0));                                  /* dmb ish */
    check(0xd5033f9f, E(BARRIER, .rd = 0));                                  /* dsb sy */
    check(0xd5033fdf, E(BARRIER, .rd = 0));                                  /* isb */
    undef(0xd50330ff); /* sb */
    check(0xd53bd040, E(MRS, .rd = 0, .sf = 1, .imm = A64_SYSREG_TPIDR_EL0)); /* mrs x0, tpidr_el0 */
    check(0xd51bd05f, E(MSR, .rd = ZR, .sf = 1, .imm = A64_SYSREG_TPIDR_EL0)); /* msr tpidr_el0, xzr */
    check(0xd53b4201, E(MRS, .rd = 1, .sf = 1, .imm = A64_SYSREG_NZCV));     /* mrs x1, nzcv */
    check(0xd53b421f, E(MRS, .rd = ZW, .sf = 1, .imm = A64_SYSREG_NZCV));    /* mrs xzr, nzcv */
    check(0xd51b4200, E(MSR, .rd = 0, .sf = 1, .imm = A64_SYSREG_NZCV));     /* msr nzcv, x0 */
    check(0xd51b4402, E(MSR, .rd = 2, .sf = 1, .imm = A64_SYSREG_FPCR));     /* msr fpcr, x2 */
    check(0xd53b4402, E(MRS, .rd = 2, .sf = 1, .imm = A64_SYSREG_FPCR));     /* mrs x2, fpcr */
    check(0xd53b4423, E(MRS, .rd = 3, .sf = 1, .imm = A64_SYSREG_FPSR));     /* mrs x3, fpsr */
    check(0xd51b4423, E(MSR, .rd = 3, .sf = 1, .imm = A64_SYSREG_FPSR));     /* msr fpsr, x3 */
    check(0xd53b0024, E(MRS, .rd = 4, .sf = 1, .imm = A64_SYSREG_CTR_EL0));  /* mrs x4, ctr_el0 */
    check(0xd53b00e5, E(MRS, .rd = 5, .sf = 1, .imm = A64_SYSREG_DCZID_EL0)); /* mrs x5, dczid_el0 */
    check(0xd5380006, E(MRS, .rd = 6, .sf = 1, .imm = A64_SYSREG_MIDR_EL1)); /* mrs x6, midr_el1 */
    check(0xd53be047, E(MRS, .rd = 7, .sf = 1, .imm = A64_SYSREG_CNTVCT_EL0)); /* mrs x7, cntvct_el0 */
    check(0xd53be008, E(MRS, .rd = 8, .sf = 1, .imm = A64_SYSREG_CNTFRQ_EL0)); /* mrs x8, cntfrq_el0 */
    undef(0xd51b0024); /* msr ctr_el0, x4: read-only */
    undef(0xd51be047); /* msr cntvct_el0, x7: read-only */
    undef(0xd5180006); /* msr midr_el1, x6: read-only */
    undef(0xd53be020); /* mrs x0, cntpct_el0: not emulated */
    undef(0xd50342df); /* msr daifset, #2 */
    undef(0xd50b7520); /* ic ivau, x0 (SYS) */
    undef(0xd50b7420); /* dc zva, x0 (SYS) */
}

/* C4.1.88 Loads and stores */
static void test_loads_stores(void **state)
{
    (void)state;
    /* unsigned offset: imm is the scaled byte offset */
    check(0x397fffe1, E(LDR_IMM, .rd = 1, .rn = SP, .imm = 4095));           /* ldrb w1, [sp, #4095] */
    check(0x39800462, E(LDR_IMM, .rd = 2, .rn = 3, .sf = 1, .imm = 1,        /* ldrsb x2, [x3, #1] */
                        .flags = A64_F_SIGNED));
    check(0x39c00462, E(LDR_IMM, .rd = 2, .rn = 3, .imm = 1, .flags = A64_F_SIGNED)); /* ldrsb w2, [x3, #1] */
    check(0x794004a4, E(LDR_IMM, .rd = 4, .rn = 5, .size = 1, .imm = 2));    /* ldrh w4, [x5, #2] */
    check(0xb97ffd28, E(LDR_IMM, .rd = 8, .rn = 9, .size = 2, .imm = 16380)); /* ldr w8, [x9, #16380] */
    check(0xf97ffd6a, E(LDR_IMM, .rd = 10, .rn = 11, .sf = 1, .size = 3, .imm = 32760)); /* ldr x10, [x11, #32760] */
    check(0xb9800020, E(LDR_IMM, .rd = 0, .rn = 1, .sf = 1, .size = 2, .flags = A64_F_SIGNED)); /* ldrsw x0, [x1] */
    check(0xf940001f, E(LDR_IMM, .rd = ZW, .rn = 0, .sf = 1, .size = 3));    /* ldr xzr, [x0] */
    check(0x390007ff, E(STR_IMM, .rd = ZR, .rn = SP, .imm = 1));             /* strb wzr, [sp, #1] */
    undef(0x39c00000 | 0x80000000); /* ldrsw-like with opc=11 (size 10) */
    undef(0xf9c00000); /* size 11, opc 11 */
    /* pre/post-index and unscaled: imm is the byte offset */
    check(0x789feca4, E(LDR_IMM, .rd = 4, .rn = 5, .sf = 1, .size = 1, .imm = -2, /* ldrsh x4, [x5, #-2]! */
                        .flags = A64_F_SIGNED | A64_F_WB_PRE));
    check(0xb89004e6, E(LDR_IMM, .rd = 6, .rn = 7, .sf = 1, .size = 2, .imm = -256, /* ldrsw x6, [x7], #-256 */
                        .flags = A64_F_SIGNED | A64_F_WB_POST));
    check(0x781ffc41, E(STR_IMM, .rd = 1, .rn = 2, .size = 1, .imm = -1,    /* strh w1, [x2, #-1]! */
                        .flags = A64_F_WB_PRE));
    check(0xf80ff7e3, E(STR_IMM, .rd = 3, .rn = SP, .sf = 1, .size = 3, .imm = 255, /* str x3, [sp], #255 */
                        .flags = A64_F_WB_POST));
    check(0xb8100041, E(STR_IMM, .rd = 1, .rn = 2, .size = 2, .imm = -256)); /* stur w1, [x2, #-256] */
    check(0xf84ff041, E(LDR_IMM, .rd = 1, .rn = 2, .sf = 1, .size = 3, .imm = 255)); /* ldur x1, [x2, #255] */
    check(0xf81f0fff, E(STR_IMM, .rd = ZR, .rn = SP, .sf = 1, .size = 3, .imm = -16, /* str xzr, [sp, #-16]! */
                        .flags = A64_F_WB_PRE));
    /* writeback onto the transfer register: CONSTRAINED UNPREDICTABLE, decoded UNDEF */
    undef(0xf8408421); /* ldr x1, [x1], #8 */
    undef(0xf8008421); /* str x1, [x1], #8 */
    undef(0xf8408c21); /* ldr x1, [x1, #8]! */
    undef(0xf8800400); /* prfum-like with post-index */
    undef(0xf8400841); /* ldtr x1, [x2] (unprivileged: not supported) */
    /* register offset: shift = option, amount = size when S=1 */
    check(0xf863d841, E(LDR_REG, .rd = 1, .rn = 2, .rm = 3, .sf = 1, .size = 3, /* ldr x1, [x2, w3, sxtw #3] */
                        .shift = A64_EXT_SXTW, .amount = 3));
    check(0xb8636841, E(LDR_REG, .rd = 1, .rn = 2, .rm = 3, .size = 2,      /* ldr w1, [x2, x3] */
                        .shift = A64_EXT_UXTX));
    check(0x78e35841, E(LDR_REG, .rd = 1, .rn = 2, .rm = 3, .size = 1,      /* ldrsh w1, [x2, w3, uxtw #1] */
                        .shift = A64_EXT_UXTW, .amount = 1, .flags = A64_F_SIGNED));
    check(0x38237841, E(STR_REG, .rd = 1, .rn = 2, .rm = 3, .shift = A64_EXT_UXTX)); /* strb w1, [x2, x3, lsl #0] */
    check(0xf83febe1, E(STR_REG, .rd = 1, .rn = SP, .rm = ZR, .sf = 1, .size = 3, /* str x1, [sp, xzr, sxtx] */
                        .shift = A64_EXT_SXTX));
    undef(0xf8630841); /* option=000 (uxtb) */
    undef(0xf8639841); /* option=100 (sxtb) */
    /* literal: imm is the byte offset from the instruction */
    check(0x18000041, E(LDR_LIT, .rd = 1, .size = 2, .imm = 8));             /* ldr w1, .+8 */
    check(0x58ffffe2, E(LDR_LIT, .rd = 2, .sf = 1, .size = 3, .imm = -4));   /* ldr x2, .-4 */
    check(0x98000803, E(LDR_LIT, .rd = 3, .sf = 1, .size = 2, .imm = 0x100, /* ldrsw x3, .+0x100 */
                        .flags = A64_F_SIGNED));
    check(0xd8000200, E(PRFM, .rd = 0, .imm = 0x40));                        /* prfm pldl1keep, .+0x40 */
    check(0x1c000000, E(LDR_V_LIT, .rd = 0, .size = 2, .imm = 0)); /* ldr s0, . (FP/SIMD) */
    /* prefetch: rd is the raw prfop */
    check(0xf9800433, E(PRFM, .rd = 0x13, .rn = 1, .imm = 8));               /* prfm pstl2strm, [x1, #8] */
    check(0xf89ff024, E(PRFM, .rd = 4, .rn = 1, .imm = -1));                 /* prfum pldl3keep, [x1, #-1] */
    check(0xf8a27821, E(PRFM, .rd = 1, .rn = 1, .rm = 2, .shift = A64_EXT_UXTX, .amount = 3)); /* prfm pldl1strm, [x1, x2, lsl #3] */
    /* pairs: ra = Rt2, imm = scaled byte offset */
    check(0x29600be1, E(LDP, .rd = 1, .ra = 2, .rn = SP, .size = 2, .imm = -256)); /* ldp w1, w2, [sp, #-256] */
    check(0xa9df8861, E(LDP, .rd = 1, .ra = 2, .rn = 3, .sf = 1, .size = 3, .imm = 504, /* ldp x1, x2, [x3, #504]! */
                        .flags = A64_F_WB_PRE));
    check(0xa9bf7bfd, E(STP, .rd = 29, .ra = 30, .rn = SP, .sf = 1, .size = 3, .imm = -16, /* stp x29, x30, [sp, #-16]! */
                        .flags = A64_F_WB_PRE));
    check(0x28817c1f, E(STP, .rd = ZR, .ra = ZR, .rn = 0, .size = 2, .imm = 8, /* stp wzr, wzr, [x0], #8 */
                        .flags = A64_F_WB_POST));
    check(0x697f0861, E(LDP, .rd = 1, .ra = 2, .rn = 3, .sf = 1, .size = 2, .imm = -8, /* ldpsw x1, x2, [x3, #-8] */
                        .flags = A64_F_SIGNED));
    check(0xa8410861, E(LDP, .rd = 1, .ra = 2, .rn = 3, .sf = 1, .size = 3, .imm = 16, /* ldnp x1, x2, [x3, #16] */
                        .flags = A64_F_NONTEMP));
    check(0x283f8861, E(STP, .rd = 1, .ra = 2, .rn = 3, .size = 2, .imm = -4, /* stnp w1, w2, [x3, #-4] */
                        .flags = A64_F_NONTEMP));
    check(0xa9407fe0, E(LDP, .rd = 0, .ra = ZW, .rn = SP, .sf = 1, .size = 3)); /* ldp x0, xzr, [sp] */
    undef(0xa9c00420); /* ldp x0, x1, [x1]! : writeback onto Rt2 */
    undef(0xa8810420); /* stp x0, x1, [x1], #16 */
    undef(0xa9400020); /* ldp x0, x0, [x1]: Rt == Rt2 */
    undef(0x68400000); /* ldnp with opc=01 */
    undef(0xe9400000); /* opc=11 */
    undef(0x68800000); /* stgp (MTE) */
    undef(0xad400000); /* ldp q0, q0, [x0]: Rt == Rt2, constrained unpredictable */
    check(0x3dc00020, E(LDR_V_IMM, .rd = 0, .rn = 1, .size = 4)); /* ldr q0, [x1] (FP/SIMD) */
    /* exclusives, acquire/release */
    check(0x885f7c41, E(LDXR, .rd = 1, .rn = 2, .size = 2));                 /* ldxr w1, [x2] */
    check(0x085fffe1, E(LDXR, .rd = 1, .rn = SP, .flags = A64_F_ACQUIRE));   /* ldaxrb w1, [sp] */
    check(0xc8037c41, E(STXR, .rd = 1, .rn = 2, .rm = 3, .sf = 1, .size = 3)); /* stxr w3, x1, [x2] */
    check(0x4803fc41, E(STXR, .rd = 1, .rn = 2, .rm = 3, .size = 1,          /* stlxrh w3, w1, [x2] */
                        .flags = A64_F_RELEASE));
    check(0xc81f7c41, E(STXR, .rd = 1, .rn = 2, .rm = ZW, .sf = 1, .size = 3)); /* stxr wzr, x1, [x2] */
    check(0xc87f0861, E(LDXP, .rd = 1, .ra = 2, .rn = 3, .sf = 1, .size = 3)); /* ldxp x1, x2, [x3] */
    check(0x887f8861, E(LDXP, .rd = 1, .ra = 2, .rn = 3, .size = 2,          /* ldaxp w1, w2, [x3] */
                        .flags = A64_F_ACQUIRE));
    check(0xc8240861, E(STXP, .rd = 1, .ra = 2, .rn = 3, .rm = 4, .sf = 1, .size = 3)); /* stxp w4, x1, x2, [x3] */
    check(0x88248be1, E(STXP, .rd = 1, .ra = 2, .rn = SP, .rm = 4, .size = 2, /* stlxp w4, w1, w2, [sp] */
                        .flags = A64_F_RELEASE));
    check(0xc8dffc41, E(LDAR, .rd = 1, .rn = 2, .sf = 1, .size = 3, .flags = A64_F_ACQUIRE)); /* ldar x1, [x2] */
    check(0x08dffc41, E(LDAR, .rd = 1, .rn = 2, .flags = A64_F_ACQUIRE));    /* ldarb w1, [x2] */
    check(0x489ffc41, E(STLR, .rd = 1, .rn = 2, .size = 1, .flags = A64_F_RELEASE)); /* stlrh w1, [x2] */
    check(0x889ffc5f, E(STLR, .rd = ZR, .rn = 2, .size = 2, .flags = A64_F_RELEASE)); /* stlr wzr, [x2] */
    /* LSE atomics: rd the register the old value goes to, rm the operand (words from llvm-mc) */
    const uint32_t AQ = A64_F_ACQUIRE, RL = A64_F_RELEASE;
    check(0xf8210062, E(LDADD, .rd = 2, .rn = 3, .rm = 1, .sf = 1, .size = 3));    /* ldadd x1, x2, [x3] */
    check(0xb8e103e2, E(LDADD, .rd = 2, .rn = SP, .rm = 1, .size = 2, .flags = AQ | RL)); /* ldaddal w1, w2, [sp] */
    check(0x38a410c5, E(LDCLR, .rd = 5, .rn = 6, .rm = 4, .flags = AQ));          /* ldclrab w4, w5, [x6] */
    check(0x78672128, E(LDEOR, .rd = 8, .rn = 9, .rm = 7, .size = 1, .flags = RL)); /* ldeorlh w7, w8, [x9] */
    check(0xf82a317f, E(LDSET, .rd = ZW, .rn = 11, .rm = 10, .sf = 1, .size = 3)); /* stset x10, [x11] */
    check(0xb83f419f, E(LDSMAX, .rd = ZW, .rn = 12, .rm = ZR, .size = 2));        /* stsmax wzr, [x12] */
    check(0xf8ad51ee, E(LDSMIN, .rd = 14, .rn = 15, .rm = 13, .sf = 1, .size = 3, .flags = AQ)); /* ldsmina */
    check(0xb8707251, E(LDUMIN, .rd = 17, .rn = 18, .rm = 16, .size = 2, .flags = RL)); /* lduminl w16, w17 */
    check(0x38f362b4, E(LDUMAX, .rd = 20, .rn = 21, .rm = 19, .flags = AQ | RL)); /* ldumaxalb w19, w20, [x21] */
    check(0xf8368317, E(SWP, .rd = 23, .rn = 24, .rm = 22, .sf = 1, .size = 3));  /* swp x22, x23, [x24] */
    check(0x78e18062, E(SWP, .rd = 2, .rn = 3, .rm = 1, .size = 1, .flags = AQ | RL)); /* swpalh w1, w2, [x3] */
    /* CAS: rd = Rs (compared, then loaded), rm = Rt (stored); CASP adds ra = Rs+1, rm2 = Rt+1 */
    check(0x88a17c62, E(CAS, .rd = 1, .rn = 3, .rm = 2, .size = 2));              /* cas w1, w2, [x3] */
    check(0xc8e4ffe5, E(CAS, .rd = 4, .rn = SP, .rm = 5, .sf = 1, .size = 3, .flags = AQ | RL)); /* casal */
    check(0x08ff7ce6, E(CAS, .rd = ZW, .rn = 7, .rm = 6, .flags = AQ));          /* casab wzr, w6, [x7] */
    check(0x48a8fd3f, E(CAS, .rd = 8, .rn = 9, .rm = ZR, .size = 1, .flags = RL)); /* caslh w8, wzr, [x9] */
    check(0x48207c82, E(CASP, .rd = 0, .ra = 1, .rn = 4, .rm = 2, .rm2 = 3, .sf = 1, .size = 3)); /* casp x0.. */
    check(0x087effe6, E(CASP, .rd = 30, .ra = ZW, .rn = SP, .rm = 6, .rm2 = 7, .size = 2, /* caspal w30, wzr, */
                        .flags = AQ | RL));                                      /* w6, w7, [sp] */
    check(0x48667c3e, E(CASP, .rd = 6, .ra = 7, .rn = 1, .rm = 30, .rm2 = ZR, .sf = 1, .size = 3, /* caspa x6, */
                        .flags = AQ));                                           /* x7, x30, xzr, [x1] */
    undef(0x48217c82); /* casp x1, x2, ...: odd Rs */
    undef(0x48207c83); /* casp with odd Rt */
    undef(0x88a17862); /* cas with Rt2 != 11111 */
    undef(0xf8219062); /* o3 = 1, opc = 001 (ST64B space) */
    /* RCpc: LDAPR is LDAR, LDAPUR and STLUR are LDUR and STUR, single-threaded */
    check(0xf8bfc041, E(LDAR, .rd = 1, .rn = 2, .sf = 1, .size = 3, .flags = AQ)); /* ldapr x1, [x2] */
    check(0x38bfc3e3, E(LDAR, .rd = 3, .rn = SP, .flags = AQ));                  /* ldaprb w3, [sp] */
    check(0x78bfc0a4, E(LDAR, .rd = 4, .rn = 5, .size = 1, .flags = AQ));        /* ldaprh w4, [x5] */
    undef(0xf8ffc041); /* ldapr with R = 1 */
    undef(0xf8bec041); /* ldapr with Rs != 11111 */
    check(0x995fd041, E(LDR_IMM, .rd = 1, .rn = 2, .size = 2, .imm = -3, .flags = AQ)); /* ldapur w1, [x2, #-3] */
    check(0x198ff083, E(LDR_IMM, .rd = 3, .rn = 4, .sf = 1, .imm = 255,          /* ldapursb x3, [x4, #255] */
                        .flags = AQ | A64_F_SIGNED));
    check(0x59c000c5, E(LDR_IMM, .rd = 5, .rn = 6, .size = 1, .flags = AQ | A64_F_SIGNED)); /* ldapursh w5, [x6] */
    check(0x999003e7, E(LDR_IMM, .rd = 7, .rn = SP, .sf = 1, .size = 2, .imm = -256, /* ldapursw x7, [sp, #-256] */
                        .flags = AQ | A64_F_SIGNED));
    check(0xd9001128, E(STR_IMM, .rd = 8, .rn = 9, .sf = 1, .size = 3, .imm = 1, .flags = RL)); /* stlur x8, [x9, #1] */
    check(0x1900015f, E(STR_IMM, .rd = ZR, .rn = 10, .flags = RL));              /* stlurb wzr, [x10] */
    undef(0xd9dfd041); /* ldapursw-like with size = 3 */
    undef(0xc8007c20); /* stxr w0, x0, [x1]: status == data */
    undef(0xc8017c20); /* stxr w1, x0, [x1]: status == base */
    undef(0xc8220c20 | 0x2); /* stxp w2, x0, x3... with status == Rt */
    undef(0xc87f0420 & ~0x400u); /* ldxp x0, x0, [x1] */
    undef(0x08df7c41); /* ldlarb (LORegions) */
}

/* C4.1.89 Data processing -- register */
static void test_dp_register(void **state)
{
    (void)state;
    check(0x8b030c41, E(ADD_SHIFT, .rd = 1, .rn = 2, .rm = 3, .sf = 1, .amount = 3)); /* add x1, x2, x3, lsl #3 */
    check(0x2b837c41, E(ADDS_SHIFT, .rd = 1, .rn = 2, .rm = 3,               /* adds w1, w2, w3, asr #31 */
                        .shift = A64_SHIFT_ASR, .amount = 31));
    check(0xcb43ffe1, E(SUB_SHIFT, .rd = 1, .rn = ZR, .rm = 3, .sf = 1,      /* neg x1, x3, lsr #63 */
                        .shift = A64_SHIFT_LSR, .amount = 63));
    check(0xeb03005f, E(SUBS_SHIFT, .rd = ZW, .rn = 2, .rm = 3, .sf = 1));  /* cmp x2, x3 */
    check(0x8b1f03ff, E(ADD_SHIFT, .rd = ZW, .rn = ZR, .rm = ZR, .sf = 1)); /* add xzr, xzr, xzr */
    undef(0x8bc30c41); /* add with ror */
    undef(0x0b038041); /* add w, lsl #32 */
    check(0x8b23485f, E(ADD_EXT, .rd = SP, .rn = 2, .rm = 3, .sf = 1,        /* add sp, x2, w3, uxtw #2 */
                        .shift = A64_EXT_UXTW, .amount = 2));
    check(0xab23f3ff, E(ADDS_EXT, .rd = ZW, .rn = SP, .rm = 3, .sf = 1,      /* cmn sp, x3, sxtx #4 */
                        .shift = A64_EXT_SXTX, .amount = 4));
    check(0x4b2303ff, E(SUB_EXT, .rd = SP, .rn = SP, .rm = 3));              /* sub wsp, wsp, w3, uxtb */
    check(0xeb23a7e1, E(SUBS_EXT, .rd = 1, .rn = SP, .rm = 3, .sf = 1,       /* subs x1, sp, w3, sxth #1 */
                        .shift = A64_EXT_SXTH, .amount = 1));
    check(0x8b3f63e0, E(ADD_EXT, .rd = 0, .rn = SP, .rm = ZR, .sf = 1,       /* add x0, sp, xzr */
                        .shift = A64_EXT_UXTX));
    undef(0x8b23545f); /* extend amount 5 */
    undef(0x8b63485f); /* opt=01 */
    check(0x8ac31c41, E(AND_SHIFT, .rd = 1, .rn = 2, .rm = 3, .sf = 1,       /* and x1, x2, x3, ror #7 */
                        .shift = A64_SHIFT_ROR, .amount = 7));
    check(0x0a230041, E(BIC_SHIFT, .rd = 1, .rn = 2, .rm = 3));              /* bic w1, w2, w3 */
    check(0xaa0303e1, E(ORR_SHIFT, .rd = 1, .rn = ZR, .rm = 3, .sf = 1));    /* mov x1, x3 */
    check(0x2a2313e1, E(ORN_SHIFT, .rd = 1, .rn = ZR, .rm = 3, .amount = 4)); /* mvn w1, w3, lsl #4 */
    check(0xca830841, E(EOR_SHIFT, .rd = 1, .rn = 2, .rm = 3, .sf = 1,       /* eor x1, x2, x3, asr #2 */
                        .shift = A64_SHIFT_ASR, .amount = 2));
    check(0xca230041, E(EON_SHIFT, .rd = 1, .rn = 2, .rm = 3, .sf = 1));     /* eon x1, x2, x3 */
    check(0xea03005f, E(ANDS_SHIFT, .rd = ZW, .rn = 2, .rm = 3, .sf = 1));   /* tst x2, x3 */
    check(0x6a637c41, E(BICS_SHIFT, .rd = 1, .rn = 2, .rm = 3,               /* bics w1, w2, w3, lsr #31 */
                        .shift = A64_SHIFT_LSR, .amount = 31));
    undef(0x0a038041); /* and w, lsl #32 */
    check(0x9a030041, E(ADC, .rd = 1, .rn = 2, .rm = 3, .sf = 1));           /* adc x1, x2, x3 */
    check(0x3a030041, E(ADCS, .rd = 1, .rn = 2, .rm = 3));                   /* adcs w1, w2, w3 */
    check(0xda0303e1, E(SBC, .rd = 1, .rn = ZR, .rm = 3, .sf = 1));          /* ngc x1, x3 */
    check(0x7a030041, E(SBCS, .rd = 1, .rn = 2, .rm = 3));                   /* sbcs w1, w2, w3 */
    undef(0x9a030441); /* adc with bits 15..10 != 0 */
    check(0xba420025, E(CCMN_REG, .rn = 1, .rm = 2, .sf = 1, .nzcv = 5,      /* ccmn x1, x2, #5, eq */
                        .cond = A64_COND_EQ));
    check(0x7a5fb82f, E(CCMP_IMM, .rn = 1, .nzcv = 15, .cond = A64_COND_LT, .imm = 31)); /* ccmp w1, #31, #15, lt */
    check(0xfa42e020, E(CCMP_REG, .rn = 1, .rm = 2, .sf = 1, .cond = A64_COND_AL)); /* ccmp x1, x2, #0, al */
    check(0xba5f0be0, E(CCMN_IMM, .rn = ZR, .sf = 1, .imm = 31));            /* ccmn xzr, #31, #0, eq */
    undef(0x3a420025 & ~0x20000000u); /* S=0 */
    undef(0xba420035); /* o3=1 */
    check(0x9a831041, E(CSEL, .rd = 1, .rn = 2, .rm = 3, .sf = 1, .cond = A64_COND_NE)); /* csel x1, x2, x3, ne */
    check(0x1a9f07e1, E(CSINC, .rd = 1, .rn = ZR, .rm = ZR, .cond = A64_COND_EQ)); /* cset w1, ne */
    check(0xda83a041, E(CSINV, .rd = 1, .rn = 2, .rm = 3, .sf = 1, .cond = A64_COND_GE)); /* csinv x1, x2, x3, ge */
    check(0x5a834441, E(CSNEG, .rd = 1, .rn = 2, .rm = 3, .cond = A64_COND_MI)); /* csneg w1, w2, w3, mi */
    undef(0x9a831841); /* op2=10 */
    check(0xdac00041, E(RBIT, .rd = 1, .rn = 2, .sf = 1));                   /* rbit x1, x2 */
    check(0x5ac00441, E(REV16, .rd = 1, .rn = 2));                           /* rev16 w1, w2 */
    check(0xdac00841, E(REV32, .rd = 1, .rn = 2, .sf = 1));                  /* rev32 x1, x2 */
    check(0x5ac00841, E(REV, .rd = 1, .rn = 2));                             /* rev w1, w2 */
    check(0xdac00c41, E(REV, .rd = 1, .rn = 2, .sf = 1));                    /* rev x1, x2 */
    check(0xdac01041, E(CLZ, .rd = 1, .rn = 2, .sf = 1));                    /* clz x1, x2 */
    check(0x5ac01441, E(CLS, .rd = 1, .rn = 2));                             /* cls w1, w2 */
    undef(0x5ac00c41); /* opcode 000011 with sf=0 */
    undef(0xdac10041); /* pacia (pointer authentication) */
    check(0x1ac30841, E(UDIV, .rd = 1, .rn = 2, .rm = 3));                   /* udiv w1, w2, w3 */
    check(0x9ac30c41, E(SDIV, .rd = 1, .rn = 2, .rm = 3, .sf = 1));          /* sdiv x1, x2, x3 */
    check(0x9ac32041, E(LSLV, .rd = 1, .rn = 2, .rm = 3, .sf = 1));          /* lsl x1, x2, x3 */
    check(0x1ac32441, E(LSRV, .rd = 1, .rn = 2, .rm = 3));                   /* lsr w1, w2, w3 */
    check(0x9ac32841, E(ASRV, .rd = 1, .rn = 2, .rm = 3, .sf = 1));          /* asr x1, x2, x3 */
    check(0x1ac32c41, E(RORV, .rd = 1, .rn = 2, .rm = 3));                   /* ror w1, w2, w3 */
    undef(0x1ac34041); /* crc32b w1, w2, w3 */
    check(0x9b031041, E(MADD, .rd = 1, .rn = 2, .rm = 3, .ra = 4, .sf = 1)); /* madd x1, x2, x3, x4 */
    check(0x1b03fc41, E(MSUB, .rd = 1, .rn = 2, .rm = 3, .ra = ZR));         /* mneg w1, w2, w3 */
    check(0x9b231041, E(SMADDL, .rd = 1, .rn = 2, .rm = 3, .ra = 4, .sf = 1)); /* smaddl x1, w2, w3, x4 */
    check(0x9b239041, E(SMSUBL, .rd = 1, .rn = 2, .rm = 3, .ra = 4, .sf = 1)); /* smsubl x1, w2, w3, x4 */
    check(0x9ba37c41, E(UMADDL, .rd = 1, .rn = 2, .rm = 3, .ra = ZR, .sf = 1)); /* umull x1, w2, w3 */
    check(0x9ba39041, E(UMSUBL, .rd = 1, .rn = 2, .rm = 3, .ra = 4, .sf = 1)); /* umsubl x1, w2, w3, x4 */
    check(0x9b437c41, E(SMULH, .rd = 1, .rn = 2, .rm = 3, .sf = 1));         /* smulh x1, x2, x3 */
    check(0x9bc37c41, E(UMULH, .rd = 1, .rn = 2, .rm = 3, .sf = 1));         /* umulh x1, x2, x3 */
    undef(0x1b231041); /* smaddl with sf=0 */
    undef(0x9b601041); /* op31=011 */
}

/* Not supported: FP, SIMD, SVE and so on. */
/* FP/SIMD (decode/a64_decode_simd.inc): V register numbers stay raw, X fields get slots. */
static void test_simd(void **state)
{
    (void)state;
    check(0x3dc00820, E(LDR_V_IMM, .rd = 0, .rn = 1, .size = 4, .imm = 32));              /* ldr q0, [x1, #32] */
    check(0xfc1f0fe2, E(STR_V_IMM, .rd = 2, .rn = SP, .size = 3, .imm = -16, .flags = A64_F_WB_PRE)); /* str d2, [sp, #-16]! */
    check(0xbc404483, E(LDR_V_IMM, .rd = 3, .rn = 4, .size = 2, .imm = 4, .flags = A64_F_WB_POST)); /* ldr s3, [x4], #4 */
    check(0x3cdfd0c5, E(LDR_V_IMM, .rd = 5, .rn = 6, .size = 4, .imm = -3));              /* ldur q5, [x6, #-3] */
    check(0x3c696907, E(LDR_V_REG, .rd = 7, .rn = 8, .rm = 9, .size = 0, .shift = 3));    /* ldr b7, [x8, x9] */
    check(0x7c2cd96a, E(STR_V_REG, .rd = 10, .rn = 11, .rm = 12, .size = 1, .shift = 6, .amount = 1)); /* str h10, [x11, w12, sxtw #1] */
    check(0x3cef79cd, E(LDR_V_REG, .rd = 13, .rn = 14, .rm = 15, .size = 4, .shift = 3, .amount = 4)); /* ldr q13, [x14, x15, lsl #4] */
    check(0x5c000210, E(LDR_V_LIT, .rd = 16, .size = 3, .imm = 64));                      /* ldr d16, .+64 */
    check(0xad410440, E(LDP_V, .rd = 0, .rn = 2, .ra = 1, .size = 4, .imm = 32));         /* ldp q0, q1, [x2, #32] */
    check(0x2dbf13e3, E(STP_V, .rd = 3, .rn = SP, .ra = 4, .size = 2, .imm = -8, .flags = A64_F_WB_PRE)); /* stp s3, s4, [sp, #-8]! */
    check(0x6c4018e5, E(LDP_V, .rd = 5, .rn = 7, .ra = 6, .size = 3, .flags = A64_F_NONTEMP)); /* ldnp d5, d6, [x7] */
    check(0x4cdf7000, E(LD1_M, .rd = 0, .rn = 0, .sf = 1, .shift = 1, .flags = A64_F_WB_POST)); /* ld1 {v0.16b}, [x0], #16 */
    check(0x0c4020a1, E(LD1_M, .rd = 1, .rn = 5, .shift = 4));                            /* ld1 {v1.8b-v4.8b}, [x5] */
    check(0x4c836c5e, E(ST1_M, .rd = 30, .rn = 2, .rm = 3, .sf = 1, .size = 3, .shift = 3,
                        .flags = A64_F_WB_POST | A64_P_R_RM));                            /* st1 {v30.2d-v0.2d}, [x2], x3 */
    check(0x4d40c862, E(LD1R, .rd = 2, .rn = 3, .sf = 1, .size = 2));                     /* ld1r {v2.4s}, [x3] */
    /* A64_OPS_SIMD2 (a64_decode_simd2.inc) */
    check(0x0c404000, E(LDN_M, .rd = 0, .rn = 0, .shift = 3));                             /* ld3 {v0.8b-v2.8b}, [x0] */
    check(0x4d206000, E(STS_V, .rd = 0, .rn = 0, .size = 1, .shift = 4, .immr = 4));       /* st4 {v0.h-v3.h}[4], [x0] */
    check(0x4dffa400, E(LDS_V, .rd = 0, .rn = 0, .size = 3, .shift = 4, .immr = 1,
                        .flags = A64_F_WB_POST));                                         /* ld4 {v0.d-v3.d}[1], [x0], #32 */
    check(0x0d60c000, E(LDNR, .rd = 0, .rn = 0, .shift = 2));                              /* ld2r {v0.8b, v1.8b}, [x0] */
    check(0x5f600401, E(SSHR_V, .rd = 1, .rn = 0, .size = 3, .amount = 32));               /* sshr d1, d0, #32 */
    check(0x5e0c04a7, E(DUP_S, .rd = 7, .rn = 5, .size = 2, .imms = 1));                   /* mov s7, v5.s[1] */
    check(0x0e214022, E(ADDHN_V, .rd = 2, .rn = 1, .rm = 1));                              /* addhn v2.8b, v1.8h, v1.8h */
    check(0x5ea12c00, E(SQSUB_V, .rd = 0, .rn = 0, .rm = 1, .size = 2, .imms = 1));        /* sqsub s0, s0, s1 */
    check(0x6f8ba820, E(UMULL_E, .rd = 0, .rn = 1, .rm = 11, .sf = 1, .size = 2, .immr = 2)); /* umull2 v0.2d, v1.4s, v11.s[2] */
    check(0x0e68d0e6, E(SQDMULL_V, .rd = 6, .rn = 7, .rm = 8, .size = 1));                 /* sqdmull v6.4s, v7.4h, v8.4h */
    check(0x4ea29020, E(SQDMLAL_V, .rd = 0, .rn = 1, .rm = 2, .sf = 1, .size = 2));        /* sqdmlal2 v0.2d, v1.4s, v2.4s */
    check(0x5e65b083, E(SQDMLSL_V, .rd = 3, .rn = 4, .rm = 5, .size = 1, .imms = 1));      /* sqdmlsl s3, h4, h5 */
    check(0x5eabd149, E(SQDMULL_V, .rd = 9, .rn = 10, .rm = 11, .size = 2, .imms = 1));    /* sqdmull d9, s10, s11 */
    check(0x4f7f3820, E(SQDMLAL_E, .rd = 0, .rn = 1, .rm = 15, .sf = 1, .size = 1, .immr = 7)); /* sqdmlal2 v0.4s, v1.8h, v15.h[7] */
    check(0x5fbf7841, E(SQDMLSL_E, .rd = 1, .rn = 2, .rm = 31, .size = 2, .immr = 3, .imms = 1)); /* sqdmlsl d1, s2, v31.s[3] */
    check(0x5f66b0a4, E(SQDMULL_E, .rd = 4, .rn = 5, .rm = 6, .size = 1, .immr = 2, .imms = 1)); /* sqdmull s4, h5, v6.h[2] */
    undef(0x0e20d000);                                                                    /* sqdmull with size 0: reserved */
    undef(0x5ee0b000);                                                                    /* sqdmlsl, scalar size 3: reserved */
    check(0x1e604020, E(FMOV_V, .rd = 0, .rn = 1, .size = 3));                            /* fmov d0, d1 */
    check(0x1e270062, E(FMOV_TOV, .rd = 2, .rn = 3, .size = 2));                          /* fmov s2, w3 */
    check(0x9e6600a4, E(FMOV_FROMV, .rd = 4, .rn = 5, .sf = 1, .size = 3));               /* fmov x4, d5 */
    check(0x9eaf00e6, E(FMOV_TOV1, .rd = 6, .rn = 7, .sf = 1, .size = 3));                /* fmov v6.d[1], x7 */
    check(0x9eae0128, E(FMOV_FROMV, .rd = 8, .rn = 9, .sf = 1, .size = 3, .immr = 1));    /* fmov x8, v9.d[1] */
    check(0x9e6603e4, E(FMOV_FROMV, .rd = 4, .rn = 31, .sf = 1, .size = 3));              /* fmov x4, d31 */
    check(0x9e67001f, E(FMOV_TOV, .rd = 31, .rn = 0, .sf = 1, .size = 3));                /* fmov d31, x0 */
    check(0x9e6703ff, E(FMOV_TOV, .rd = 31, .rn = ZR, .sf = 1, .size = 3));               /* fmov d31, xzr */
    check(0x1e6e1001, E(MOVI_V, .rd = 1, .size = 3, .imm = 0x3ff0000000000000));         /* fmov d1, #1.0 */
    check(0x4f02e400, E(MOVI_V, .rd = 0, .sf = 1, .imm = 0x4040404040404040));           /* movi v0.16b, #0x40 */
    check(0x6f05e541, E(MOVI_V, .rd = 1, .sf = 1, .imm = (int64_t)0xff00ff00ff00ff00ull)); /* movi v1.2d, #0xff00ff00ff00ff00 */
    check(0x6f002642, E(MOVI_V, .rd = 2, .sf = 1, .imm = (int64_t)0xffffedffffffedffull)); /* mvni v2.4s, #0x12, lsl #8 */
    check(0x4f00b423, E(ORR_VI, .rd = 3, .sf = 1, .imm = 0x0100010001000100));           /* orr v3.8h, #0x1, lsl #8 */
    check(0x2f0717e4, E(BIC_VI, .rd = 4, .imm = 0x000000ff000000ff));                     /* bic v4.2s, #0xff */
    check(0x4f04f405, E(MOVI_V, .rd = 5, .sf = 1, .imm = (int64_t)0xc0000000c0000000ull)); /* fmov v5.4s, #-2.0 */
    check(0x4e010c20, E(DUP_GEN, .rd = 0, .rn = 1, .sf = 1, .size = 0));                  /* dup v0.16b, w1 */
    check(0x0e160462, E(DUP_ELEM, .rd = 2, .rn = 3, .size = 1, .imms = 5));               /* dup v2.4h, v3.h[5] */
    check(0x4e1c1ca4, E(INS_GEN, .rd = 4, .rn = 5, .sf = 1, .size = 2, .immr = 3));       /* mov v4.s[3], w5 */
    check(0x6e1f04e6, E(INS_ELEM, .rd = 6, .rn = 7, .sf = 1, .size = 0, .immr = 15));     /* mov v6.b[15], v7.b[0] */
    check(0x0e0f3d28, E(FMOV_FROMV, .rd = 8, .rn = 9, .size = 0, .immr = 7));             /* umov w8, v9.b[7] */
    check(0x4e183d6a, E(FMOV_FROMV, .rd = 10, .rn = 11, .sf = 1, .size = 3, .immr = 1));  /* mov x10, v11.d[1] */
    check(0x4e0a2dac, E(SMOV, .rd = 12, .rn = 13, .sf = 1, .size = 1, .immr = 2));        /* smov x12, v13.h[2] */
    check(0x6e228c20, E(CMEQ_V, .rd = 0, .rn = 1, .rm = 2, .sf = 1));                     /* cmeq v0.16b, v1.16b, v2.16b */
    check(0x0e209883, E(CMEQZ_V, .rd = 3, .rn = 4));                                      /* cmeq v3.8b, v4.8b, #0 */
    check(0x6ea73cc5, E(CMHS_V, .rd = 5, .rn = 6, .rm = 7, .sf = 1, .size = 2));          /* cmhs v5.4s, v6.4s, v7.4s */
    check(0x4e221c20, E(AND_V, .rd = 0, .rn = 1, .rm = 2, .sf = 1));                      /* and v0.16b, v1.16b, v2.16b */
    check(0x2e651c83, E(BSL_V, .rd = 3, .rn = 4, .rm = 5));                               /* bsl v3.8b, v4.8b, v5.8b */
    check(0x6e2058e6, E(NOT_V, .rd = 6, .rn = 7, .sf = 1));                               /* mvn v6.16b, v7.16b */
    check(0x4ee2bc20, E(ADDP_V, .rd = 0, .rn = 1, .rm = 2, .sf = 1, .size = 3));          /* addp v0.2d, v1.2d, v2.2d */
    check(0x6e25a483, E(UMAXP_V, .rd = 3, .rn = 4, .rm = 5, .sf = 1));                    /* umaxp v3.16b, v4.16b, v5.16b */
    check(0x6e31a8e6, E(UMINV_V, .rd = 6, .rn = 7, .sf = 1));                             /* uminv b6, v7.16b */
    check(0x4e71b928, E(ADDV_V, .rd = 8, .rn = 9, .sf = 1, .size = 1));                   /* addv h8, v9.8h */
    check(0x0f0c856a, E(SHRN_V, .rd = 10, .rn = 11, .amount = 4));                        /* shrn v10.8b, v11.8h, #4 */
    check(0x4f0c856a, E(SHRN_V, .rd = 10, .rn = 11, .sf = 1, .amount = 4));               /* shrn2 v10.16b, v11.8h, #4 */
    check(0x6e0e19ac, E(EXT_V, .rd = 12, .rn = 13, .rm = 14, .sf = 1, .amount = 3));      /* ext v12.16b, v13.16b, v14.16b, #3 */
    check(0x4ea00820, E(REV64_V, .rd = 0, .rn = 1, .sf = 1, .size = 2));                  /* rev64 v0.4s, v1.4s */
    check(0x0e205862, E(CNT_V, .rd = 2, .rn = 3));                                        /* cnt v2.8b, v3.8b */
    check(0x0e2128a4, E(XTN_V, .rd = 4, .rn = 5));                                        /* xtn v4.8b, v5.8h */
    check(0x6f4104e6, E(USHR_V, .rd = 6, .rn = 7, .sf = 1, .size = 3, .amount = 63));     /* ushr v6.2d, v7.2d, #63 */
    check(0x4f235528, E(SHL_V, .rd = 8, .rn = 9, .sf = 1, .size = 2, .amount = 3));       /* shl v8.4s, v9.4s, #3 */
    check(0x4e023820, E(ZIP1_V, .rd = 0, .rn = 1, .rm = 2, .sf = 1));                     /* zip1 v0.16b, v1.16b, v2.16b */
    check(0x4e455883, E(UZP2_V, .rd = 3, .rn = 4, .rm = 5, .sf = 1, .size = 1));          /* uzp2 v3.8h, v4.8h, v5.8h */
    check(0x4e8828e6, E(TRN1_V, .rd = 6, .rn = 7, .rm = 8, .sf = 1, .size = 2));          /* trn1 v6.4s, v7.4s, v8.4s */
    check(0x4e0c2149, E(TBL_V, .rd = 9, .rn = 10, .rm = 12, .sf = 1, .shift = 2));        /* tbl v9.16b, {v10.16b, v11.16b}, v12.16b */
    check(0x0e0e53ed, E(TBX_V, .rd = 13, .rn = 31, .rm = 14, .shift = 3));                /* tbx v13.8b, {v31.16b-v1.16b}, v14.8b */
    check(0x4e629c20, E(MUL_V, .rd = 0, .rn = 1, .rm = 2, .sf = 1, .size = 1));          /* mul v0.8h, v1.8h, v2.8h */
    check(0x4ea59483, E(MLA_V, .rd = 3, .rn = 4, .rm = 5, .sf = 1, .size = 2));          /* mla v3.4s, v4.4s, v5.4s */
    check(0x2e2894e6, E(MLS_V, .rd = 6, .rn = 7, .rm = 8));                              /* mls v6.8b, v7.8b, v8.8b */
    check(0x2e220020, E(UADDL_V, .rd = 0, .rn = 1, .rm = 2));                            /* uaddl v0.8h, v1.8b, v2.8b */
    check(0x6e651083, E(UADDW_V, .rd = 3, .rn = 4, .rm = 5, .sf = 1, .size = 1));        /* uaddw2 v3.4s, v4.4s, v5.8h */
    check(0x0ea8c0e6, E(SMULL_V, .rd = 6, .rn = 7, .rm = 8, .size = 2));                 /* smull v6.2d, v7.2s, v8.2s */
    check(0x6e64c015, E(UMULL_V, .rd = 21, .rn = 0, .rm = 4, .sf = 1, .size = 1));       /* umull2 v21.4s, v0.8h, v4.8h */
    check(0x2f08a420, E(USHLL_V, .rd = 0, .rn = 1));                                     /* uxtl v0.8h, v1.8b */
    check(0x4f25a462, E(SSHLL_V, .rd = 2, .rn = 3, .sf = 1, .size = 2, .amount = 5));    /* sshll2 v2.2d, v3.4s, #5 */
    check(0x6e3038a4, E(UADDLV_V, .rd = 4, .rn = 5, .sf = 1));                           /* uaddlv h4, v5.16b */
    check(0x4eb038e6, E(SADDLV_V, .rd = 6, .rn = 7, .sf = 1, .size = 2));                /* saddlv d6, v7.4s */
    check(0x5ef1b821, E(ADDP_S, .rd = 1, .rn = 1, .size = 3));                           /* addp d1, v1.2d */
    check(0x6f3d1402, E(USRA_V, .rd = 2, .rn = 0, .sf = 1, .size = 2, .amount = 3));     /* usra v2.4s, v0.4s, #3 */
    check(0x4ea06c40, E(SMIN_V, .rd = 0, .rn = 2, .rm = 0, .sf = 1, .size = 2));         /* smin v0.4s, v2.4s, v0.4s */
    check(0x4eb1a800, E(SMINV_V, .rd = 0, .rn = 0, .sf = 1, .size = 2));                 /* sminv s0, v0.4s */
    undef(0x0e0f3d28 | 0x40000000); /* umov x8, v9.b[7]: reserved */
    undef(0x0ee08420);              /* add v0.1d, v1.1d, v2.1d: reserved */
    undef(0x4c407000 | 0x8000);     /* ld2 {v0.16b, v1.16b}, [x0]: not yet */
}

/* Scalar FP (decode/a64_decode_fp.inc): size = the FP width (FCVT: the result's, shift the
 * source's), sf = X general register, amount = fbits; fields an operation does not use are zero. */
static void test_scalar_fp(void **state)
{
    (void)state;
    check(0x1e222820, E(FADD_S, .rd = 0, .rn = 1, .rm = 2, .size = 2));                   /* fadd s0, s1, s2 */
    check(0x1f420c20, E(FMADD_S, .rd = 0, .rn = 1, .rm = 2, .ra = 3, .size = 3));         /* fmadd d0, d1, d2, d3 */
    check(0x1ee2c020, E(FCVT_S, .rd = 0, .rn = 1, .size = 3, .shift = 1));                /* fcvt d0, h1 */
    check(0x1e23c020, E(FCVT_S, .rd = 0, .rn = 1, .size = 1, .shift = 2));                /* fcvt h0, s1 */
    check(0x1e212008, E(FCMPZ_S, .rn = 0, .size = 2));                                    /* fcmp s0, #0.0 (Rm 1 ignored) */
    check(0x1e612030, E(FCMPE_S, .rn = 1, .rm = 1, .size = 3));                           /* fcmpe d1, d1 */
    check(0x1e621425, E(FCCMP_S, .rn = 1, .rm = 2, .size = 3, .cond = 1, .nzcv = 5));     /* fccmp d1, d2, #5, ne */
    check(0x1e62bc20, E(FCSEL_S, .rd = 0, .rn = 1, .rm = 2, .size = 3, .cond = 11));      /* fcsel d0, d1, d2, lt */
    check(0x9e580000, E(FCVTZS_S, .rd = 0, .rn = 0, .sf = 1, .size = 3, .amount = 64));   /* fcvtzs x0, d0, #64 */
    check(0x1e78003f, E(FCVTZS_S, .rd = ZW, .rn = 1, .size = 3));                         /* fcvtzs wzr, d1 */
    check(0x9e6203e0, E(SCVTF_S, .rd = 0, .rn = ZR, .sf = 1, .size = 3));                 /* scvtf d0, xzr */
    check(0x1e02fc00, E(SCVTF_S, .rd = 0, .rn = 0, .size = 2, .amount = 1));              /* scvtf s0, w0, #1 */
    check(0x1e7e0020, E(FJCVTZS_S, .rd = 0, .rn = 1, .size = 3));                         /* fjcvtzs w0, d1 */
    check(0x1e674020, E(FRINTX_S, .rd = 0, .rn = 1, .size = 3));                          /* frintx d0, d1 */
    undef(0x1ea22820);              /* ftype 10: reserved */
    undef(0x1e634020);              /* bfcvt h0, s1: not implemented */
    undef(0x1e020000);              /* scvtf s0, w0, #64: fbits > 32 for W */
    undef(0x1e22c020 | 0x00400000); /* fcvt d0, d1: same precision */
    check(0x1e68c020, E(FRINT32X_S, .rd = 0, .rn = 1, .size = 3));                       /* frint32x d0, d1 */
    undef(0x1ee84020);              /* frint32z h0, h1: FEAT_FRINTTS has no half precision */
}

/* Half-precision scalar FP (FEAT_FP16): the same lines with ftype 11, size 1; encodings from llvm-mc
 * (-mattr=+fullfp16). */
static void test_scalar_fp16(void **state)
{
    (void)state;
    check(0x1ee22820, E(FADD_S, .rd = 0, .rn = 1, .rm = 2, .size = 1));                   /* fadd h0, h1, h2 */
    check(0x1fc20c20, E(FMADD_S, .rd = 0, .rn = 1, .rm = 2, .ra = 3, .size = 1));         /* fmadd h0, h1, h2, h3 */
    check(0x1fe69ca4, E(FNMSUB_S, .rd = 4, .rn = 5, .rm = 6, .ra = 7, .size = 1));        /* fnmsub h4, h5, h6, h7 */
    check(0x1ee1c083, E(FSQRT_S, .rd = 3, .rn = 4, .size = 1));                           /* fsqrt h3, h4 */
    check(0x1ee64041, E(FRINTA_S, .rd = 1, .rn = 2, .size = 1));                          /* frinta h1, h2 */
    check(0x1ee02008, E(FCMPZ_S, .rn = 0, .size = 1));                                    /* fcmp h0, #0.0 */
    check(0x1ee22030, E(FCMPE_S, .rn = 1, .rm = 2, .size = 1));                           /* fcmpe h1, h2 */
    check(0x1ee21435, E(FCCMPE_S, .rn = 1, .rm = 2, .size = 1, .cond = 1, .nzcv = 5));    /* fccmpe h1, h2, #5, ne */
    check(0x1ee2bc20, E(FCSEL_S, .rd = 0, .rn = 1, .rm = 2, .size = 1, .cond = 11));      /* fcsel h0, h1, h2, lt */
    check(0x9ed80000, E(FCVTZS_S, .rd = 0, .rn = 0, .sf = 1, .size = 1, .amount = 64));   /* fcvtzs x0, h0, #64 */
    check(0x1ef90041, E(FCVTZU_S, .rd = 1, .rn = 2, .size = 1));                          /* fcvtzu w1, h2 */
    check(0x9ee40083, E(FCVTAS_S, .rd = 3, .rn = 4, .sf = 1, .size = 1));                 /* fcvtas x3, h4 */
    check(0x9ee203e0, E(SCVTF_S, .rd = 0, .rn = ZR, .sf = 1, .size = 1));                 /* scvtf h0, xzr */
    check(0x1ec3fc00, E(UCVTF_S, .rd = 0, .rn = 0, .size = 1, .amount = 1));              /* ucvtf h0, w0, #1 */
    check(0x1ee70020, E(FMOV_TOV, .rd = 0, .rn = 1, .size = 1));                          /* fmov h0, w1 */
    check(0x1ee60001, E(FMOV_FROMV, .rd = 1, .rn = 0, .size = 1));                        /* fmov w1, h0 */
    check(0x9ee70020, E(FMOV_TOV, .rd = 0, .rn = 1, .sf = 1, .size = 1));                 /* fmov h0, x1 */
    check(0x9ee60001, E(FMOV_FROMV, .rd = 1, .rn = 0, .sf = 1, .size = 1));               /* fmov x1, h0 */
    check(0x1ee04083, E(FMOV_V, .rd = 3, .rn = 4, .size = 1));                            /* fmov h3, h4 */
    check(0x1eee1001, E(MOVI_V, .rd = 1, .size = 1, .imm = 0x3c00));                      /* fmov h1, #1.0 */
    check(0x1ef81002, E(MOVI_V, .rd = 2, .size = 1, .imm = 0xb000));                      /* fmov h2, #-0.125 */
    check(0x1ee7f005, E(MOVI_V, .rd = 5, .size = 1, .imm = 0x4fc0));                      /* fmov h5, #31.0 */
    undef(0x1ed80000);              /* fcvtzs w0, h0, #64: fbits > 32 for W */
    undef(0x1efe0020);              /* fjcvtzs from h1: double only */
    undef(0x1ea04083);              /* fmov, ftype 10: reserved */
}

static void test_unsupported(void **state)
{
    (void)state;
    undef(0x00000000); /* udf #0 */
    undef(0x6e64d015); /* sqdmull2 v21.4s, v0.8h, v4.8h (not yet) */
    undef(0x4e421420); /* fadd v0.8h, v1.8h, v2.8h (half precision, FEAT_FP16) */
    undef(0x04a00000); /* SVE */
    undef(0xffffffff);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dp_immediate),
        cmocka_unit_test(test_branch_system),
        cmocka_unit_test(test_loads_stores),
        cmocka_unit_test(test_dp_register),
        cmocka_unit_test(test_simd),
        cmocka_unit_test(test_scalar_fp),
        cmocka_unit_test(test_scalar_fp16),
        cmocka_unit_test(test_unsupported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
