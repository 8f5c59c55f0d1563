/* test_decode_capstone.c: a64_decode() against capstone 4.0.2 as the oracle.
 *
 * 1. For every supported encoding class, many words with the class's fixed bits and random other
 *    fields: whenever one side calls the word valid the other must agree (minus the deliberate
 *    differences listed in deliberately_undef and the capstone bugs in capstone_wrong), the
 *    operation must map to capstone's instruction id (aliases included), and registers,
 *    immediates, conditions, sizes and writeback are cross-checked against capstone's detail.
 * 3. The classes capstone 4.0.2 predates (LSE atomics, RCpc loads and stores, JSCVT, FRINTTS,
 *    scalar FP16): the same kind of random words against llvm-mc's disassembler, when there is one.
 * 2. At least 1,000,000 fully random words (seed from TEMU_SEED, else a fixed default, printed on
 *    failure): the same checks, so nothing capstone calls invalid is accepted by us and nothing in
 *    a supported class that capstone decodes is UNDEF here.
 * 4. The ARMv8.0 base Advanced SIMD set is whole, as AT_HWCAP's ASIMD says: a sweep of the FP/SIMD
 *    data-processing and structure load/store spaces finds no word capstone decodes and we do
 *    not, but the optional extensions (test_asimd_whole).
 */
#define _POSIX_C_SOURCE 200809L /* popen, getpid */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <capstone/capstone.h>

#include "a64_decode.h"
#include "a64_names.h"

#define TEST_PC 0x400000u /* address the words are disassembled at (4 KiB aligned + 0) */
#define DEFAULT_SEED 0x5eed1234u

static csh cs;
static cs_insn *csi;
static uint64_t seed;
static uint64_t rng_state;

static uint32_t rng32(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

/* ---- operation -> acceptable capstone ids (aliases included) ------------------------------- */

/* Capstone 4 names the flag-setting forms (ADDS, SUBS, ANDS, BICS, ADCS, SBCS) like the plain
 * ones and sets detail->arm64.update_flags; cross_check compares that bit. */
#define IDS(...) { __VA_ARGS__, 0 }
static const unsigned op_ids[A64_OP_COUNT][16] = {
    [A64_OP_ADR] = IDS(ARM64_INS_ADR),
    [A64_OP_ADRP] = IDS(ARM64_INS_ADRP),
    [A64_OP_ADD_IMM] = IDS(ARM64_INS_ADD, ARM64_INS_MOV),
    [A64_OP_ADDS_IMM] = IDS(ARM64_INS_ADD, ARM64_INS_CMN),
    [A64_OP_SUB_IMM] = IDS(ARM64_INS_SUB),
    [A64_OP_SUBS_IMM] = IDS(ARM64_INS_SUB, ARM64_INS_CMP),
    [A64_OP_AND_IMM] = IDS(ARM64_INS_AND),
    [A64_OP_ORR_IMM] = IDS(ARM64_INS_ORR, ARM64_INS_MOV),
    [A64_OP_EOR_IMM] = IDS(ARM64_INS_EOR),
    [A64_OP_ANDS_IMM] = IDS(ARM64_INS_AND, ARM64_INS_TST),
    [A64_OP_MOVZ] = IDS(ARM64_INS_MOVZ, ARM64_INS_MOV),
    [A64_OP_MOVN] = IDS(ARM64_INS_MOVN, ARM64_INS_MOV),
    [A64_OP_MOVK] = IDS(ARM64_INS_MOVK),
    [A64_OP_SBFM] = IDS(ARM64_INS_SBFM, ARM64_INS_ASR, ARM64_INS_SBFIZ, ARM64_INS_SBFX,
                        ARM64_INS_SXTB, ARM64_INS_SXTH, ARM64_INS_SXTW),
    [A64_OP_BFM] = IDS(ARM64_INS_BFM, ARM64_INS_BFI, ARM64_INS_BFXIL),
    [A64_OP_UBFM] = IDS(ARM64_INS_UBFM, ARM64_INS_LSL, ARM64_INS_LSR, ARM64_INS_UBFIZ,
                        ARM64_INS_UBFX, ARM64_INS_UXTB, ARM64_INS_UXTH),
    [A64_OP_EXTR] = IDS(ARM64_INS_EXTR, ARM64_INS_ROR),
    [A64_OP_B] = IDS(ARM64_INS_B),
    [A64_OP_BL] = IDS(ARM64_INS_BL),
    [A64_OP_B_COND] = IDS(ARM64_INS_B),
    [A64_OP_CBZ] = IDS(ARM64_INS_CBZ),
    [A64_OP_CBNZ] = IDS(ARM64_INS_CBNZ),
    [A64_OP_TBZ] = IDS(ARM64_INS_TBZ),
    [A64_OP_TBNZ] = IDS(ARM64_INS_TBNZ),
    [A64_OP_BR] = IDS(ARM64_INS_BR),
    [A64_OP_BLR] = IDS(ARM64_INS_BLR),
    [A64_OP_RET] = IDS(ARM64_INS_RET),
    [A64_OP_SVC] = IDS(ARM64_INS_SVC),
    [A64_OP_NOP] = IDS(ARM64_INS_NOP, ARM64_INS_HINT, ARM64_INS_YIELD, ARM64_INS_WFE,
                       ARM64_INS_WFI, ARM64_INS_SEV, ARM64_INS_SEVL),
    [A64_OP_CLREX] = IDS(ARM64_INS_CLREX),
    [A64_OP_BARRIER] = IDS(ARM64_INS_DMB, ARM64_INS_DSB, ARM64_INS_ISB),
    [A64_OP_MRS] = IDS(ARM64_INS_MRS),
    [A64_OP_MSR] = IDS(ARM64_INS_MSR),
    [A64_OP_LDR_IMM] = IDS(ARM64_INS_LDR, ARM64_INS_LDRB, ARM64_INS_LDRH, ARM64_INS_LDRSB,
                           ARM64_INS_LDRSH, ARM64_INS_LDRSW, ARM64_INS_LDUR, ARM64_INS_LDURB,
                           ARM64_INS_LDURH, ARM64_INS_LDURSB, ARM64_INS_LDURSH, ARM64_INS_LDURSW),
    [A64_OP_LDR_REG] = IDS(ARM64_INS_LDR, ARM64_INS_LDRB, ARM64_INS_LDRH, ARM64_INS_LDRSB,
                           ARM64_INS_LDRSH, ARM64_INS_LDRSW),
    [A64_OP_LDR_LIT] = IDS(ARM64_INS_LDR, ARM64_INS_LDRSW),
    [A64_OP_STR_IMM] = IDS(ARM64_INS_STR, ARM64_INS_STRB, ARM64_INS_STRH, ARM64_INS_STUR,
                           ARM64_INS_STURB, ARM64_INS_STURH),
    [A64_OP_STR_REG] = IDS(ARM64_INS_STR, ARM64_INS_STRB, ARM64_INS_STRH),
    [A64_OP_LDP] = IDS(ARM64_INS_LDP, ARM64_INS_LDPSW, ARM64_INS_LDNP),
    [A64_OP_STP] = IDS(ARM64_INS_STP, ARM64_INS_STNP),
    [A64_OP_LDXR] = IDS(ARM64_INS_LDXR, ARM64_INS_LDXRB, ARM64_INS_LDXRH, ARM64_INS_LDAXR,
                        ARM64_INS_LDAXRB, ARM64_INS_LDAXRH),
    [A64_OP_STXR] = IDS(ARM64_INS_STXR, ARM64_INS_STXRB, ARM64_INS_STXRH, ARM64_INS_STLXR,
                        ARM64_INS_STLXRB, ARM64_INS_STLXRH),
    [A64_OP_LDXP] = IDS(ARM64_INS_LDXP, ARM64_INS_LDAXP),
    [A64_OP_STXP] = IDS(ARM64_INS_STXP, ARM64_INS_STLXP),
    [A64_OP_LDAR] = IDS(ARM64_INS_LDAR, ARM64_INS_LDARB, ARM64_INS_LDARH),
    [A64_OP_STLR] = IDS(ARM64_INS_STLR, ARM64_INS_STLRB, ARM64_INS_STLRH),
    [A64_OP_PRFM] = IDS(ARM64_INS_PRFM, ARM64_INS_PRFUM),
    [A64_OP_ADD_SHIFT] = IDS(ARM64_INS_ADD),
    [A64_OP_ADDS_SHIFT] = IDS(ARM64_INS_ADD, ARM64_INS_CMN),
    [A64_OP_SUB_SHIFT] = IDS(ARM64_INS_SUB, ARM64_INS_NEG),
    [A64_OP_SUBS_SHIFT] = IDS(ARM64_INS_SUB, ARM64_INS_CMP, ARM64_INS_NEGS),
    [A64_OP_ADD_EXT] = IDS(ARM64_INS_ADD),
    [A64_OP_ADDS_EXT] = IDS(ARM64_INS_ADD, ARM64_INS_CMN),
    [A64_OP_SUB_EXT] = IDS(ARM64_INS_SUB),
    [A64_OP_SUBS_EXT] = IDS(ARM64_INS_SUB, ARM64_INS_CMP),
    [A64_OP_AND_SHIFT] = IDS(ARM64_INS_AND),
    [A64_OP_BIC_SHIFT] = IDS(ARM64_INS_BIC),
    [A64_OP_ORR_SHIFT] = IDS(ARM64_INS_ORR, ARM64_INS_MOV),
    [A64_OP_ORN_SHIFT] = IDS(ARM64_INS_ORN, ARM64_INS_MVN),
    [A64_OP_EOR_SHIFT] = IDS(ARM64_INS_EOR),
    [A64_OP_EON_SHIFT] = IDS(ARM64_INS_EON),
    [A64_OP_ANDS_SHIFT] = IDS(ARM64_INS_AND, ARM64_INS_TST),
    [A64_OP_BICS_SHIFT] = IDS(ARM64_INS_BIC),
    [A64_OP_ADC] = IDS(ARM64_INS_ADC),
    [A64_OP_ADCS] = IDS(ARM64_INS_ADC),
    [A64_OP_SBC] = IDS(ARM64_INS_SBC, ARM64_INS_NGC),
    [A64_OP_SBCS] = IDS(ARM64_INS_SBC, ARM64_INS_NGCS),
    [A64_OP_CCMN_REG] = IDS(ARM64_INS_CCMN),
    [A64_OP_CCMN_IMM] = IDS(ARM64_INS_CCMN),
    [A64_OP_CCMP_REG] = IDS(ARM64_INS_CCMP),
    [A64_OP_CCMP_IMM] = IDS(ARM64_INS_CCMP),
    [A64_OP_CSEL] = IDS(ARM64_INS_CSEL),
    [A64_OP_CSINC] = IDS(ARM64_INS_CSINC, ARM64_INS_CSET, ARM64_INS_CINC),
    [A64_OP_CSINV] = IDS(ARM64_INS_CSINV, ARM64_INS_CSETM, ARM64_INS_CINV),
    [A64_OP_CSNEG] = IDS(ARM64_INS_CSNEG, ARM64_INS_CNEG),
    [A64_OP_RBIT] = IDS(ARM64_INS_RBIT),
    [A64_OP_REV16] = IDS(ARM64_INS_REV16),
    [A64_OP_REV32] = IDS(ARM64_INS_REV32),
    [A64_OP_REV] = IDS(ARM64_INS_REV),
    [A64_OP_CLZ] = IDS(ARM64_INS_CLZ),
    [A64_OP_CLS] = IDS(ARM64_INS_CLS),
    [A64_OP_UDIV] = IDS(ARM64_INS_UDIV),
    [A64_OP_SDIV] = IDS(ARM64_INS_SDIV),
    [A64_OP_LSLV] = IDS(ARM64_INS_LSL),
    [A64_OP_LSRV] = IDS(ARM64_INS_LSR),
    [A64_OP_ASRV] = IDS(ARM64_INS_ASR),
    [A64_OP_RORV] = IDS(ARM64_INS_ROR),
    [A64_OP_MADD] = IDS(ARM64_INS_MADD, ARM64_INS_MUL),
    [A64_OP_MSUB] = IDS(ARM64_INS_MSUB, ARM64_INS_MNEG),
    [A64_OP_SMADDL] = IDS(ARM64_INS_SMADDL, ARM64_INS_SMULL),
    [A64_OP_SMSUBL] = IDS(ARM64_INS_SMSUBL, ARM64_INS_SMNEGL),
    [A64_OP_UMADDL] = IDS(ARM64_INS_UMADDL, ARM64_INS_UMULL),
    [A64_OP_UMSUBL] = IDS(ARM64_INS_UMSUBL, ARM64_INS_UMNEGL),
    [A64_OP_SMULH] = IDS(ARM64_INS_SMULH),
    [A64_OP_UMULH] = IDS(ARM64_INS_UMULH),
    /* FP/SIMD */
    [A64_OP_LDR_V_IMM] = IDS(ARM64_INS_LDR, ARM64_INS_LDUR),
    [A64_OP_LDR_V_REG] = IDS(ARM64_INS_LDR),
    [A64_OP_LDR_V_LIT] = IDS(ARM64_INS_LDR),
    [A64_OP_STR_V_IMM] = IDS(ARM64_INS_STR, ARM64_INS_STUR),
    [A64_OP_STR_V_REG] = IDS(ARM64_INS_STR),
    [A64_OP_LDP_V] = IDS(ARM64_INS_LDP, ARM64_INS_LDNP),
    [A64_OP_STP_V] = IDS(ARM64_INS_STP, ARM64_INS_STNP),
    [A64_OP_LD1_M] = IDS(ARM64_INS_LD1),
    [A64_OP_ST1_M] = IDS(ARM64_INS_ST1),
    [A64_OP_LD1R] = IDS(ARM64_INS_LD1R),
    [A64_OP_FMOV_V] = IDS(ARM64_INS_FMOV),
    [A64_OP_FMOV_TOV] = IDS(ARM64_INS_FMOV),
    [A64_OP_FMOV_TOV1] = IDS(ARM64_INS_FMOV),
    [A64_OP_FMOV_FROMV] = IDS(ARM64_INS_FMOV, ARM64_INS_UMOV, ARM64_INS_MOV),
    [A64_OP_SMOV] = IDS(ARM64_INS_SMOV),
    [A64_OP_MOVI_V] = IDS(ARM64_INS_MOVI, ARM64_INS_MVNI, ARM64_INS_FMOV),
    [A64_OP_ORR_VI] = IDS(ARM64_INS_ORR),
    [A64_OP_BIC_VI] = IDS(ARM64_INS_BIC),
    [A64_OP_DUP_GEN] = IDS(ARM64_INS_DUP),
    [A64_OP_DUP_ELEM] = IDS(ARM64_INS_DUP),
    [A64_OP_INS_GEN] = IDS(ARM64_INS_INS, ARM64_INS_MOV),
    [A64_OP_INS_ELEM] = IDS(ARM64_INS_INS, ARM64_INS_MOV),
    [A64_OP_AND_V] = IDS(ARM64_INS_AND),
    [A64_OP_BIC_V] = IDS(ARM64_INS_BIC),
    [A64_OP_ORR_V] = IDS(ARM64_INS_ORR, ARM64_INS_MOV),
    [A64_OP_ORN_V] = IDS(ARM64_INS_ORN),
    [A64_OP_EOR_V] = IDS(ARM64_INS_EOR),
    [A64_OP_BSL_V] = IDS(ARM64_INS_BSL),
    [A64_OP_BIT_V] = IDS(ARM64_INS_BIT),
    [A64_OP_BIF_V] = IDS(ARM64_INS_BIF),
    [A64_OP_ADD_V] = IDS(ARM64_INS_ADD),
    [A64_OP_SUB_V] = IDS(ARM64_INS_SUB),
    [A64_OP_CMEQ_V] = IDS(ARM64_INS_CMEQ),
    [A64_OP_CMHS_V] = IDS(ARM64_INS_CMHS),
    [A64_OP_CMHI_V] = IDS(ARM64_INS_CMHI),
    [A64_OP_CMGE_V] = IDS(ARM64_INS_CMGE),
    [A64_OP_CMGT_V] = IDS(ARM64_INS_CMGT),
    [A64_OP_CMTST_V] = IDS(ARM64_INS_CMTST),
    [A64_OP_UMAX_V] = IDS(ARM64_INS_UMAX),
    [A64_OP_UMIN_V] = IDS(ARM64_INS_UMIN),
    [A64_OP_ADDP_V] = IDS(ARM64_INS_ADDP),
    [A64_OP_UMAXP_V] = IDS(ARM64_INS_UMAXP),
    [A64_OP_UMINP_V] = IDS(ARM64_INS_UMINP),
    [A64_OP_CMEQZ_V] = IDS(ARM64_INS_CMEQ),
    [A64_OP_CMGTZ_V] = IDS(ARM64_INS_CMGT),
    [A64_OP_CMGEZ_V] = IDS(ARM64_INS_CMGE),
    [A64_OP_CMLEZ_V] = IDS(ARM64_INS_CMLE),
    [A64_OP_CMLTZ_V] = IDS(ARM64_INS_CMLT),
    [A64_OP_NOT_V] = IDS(ARM64_INS_NOT, ARM64_INS_MVN),
    [A64_OP_CNT_V] = IDS(ARM64_INS_CNT),
    [A64_OP_REV64_V] = IDS(ARM64_INS_REV64),
    [A64_OP_REV32_V] = IDS(ARM64_INS_REV32),
    [A64_OP_REV16_V] = IDS(ARM64_INS_REV16),
    [A64_OP_XTN_V] = IDS(ARM64_INS_XTN, ARM64_INS_XTN2),
    [A64_OP_ADDV_V] = IDS(ARM64_INS_ADDV),
    [A64_OP_UMAXV_V] = IDS(ARM64_INS_UMAXV),
    [A64_OP_UMINV_V] = IDS(ARM64_INS_UMINV),
    [A64_OP_USHR_V] = IDS(ARM64_INS_USHR),
    [A64_OP_SSHR_V] = IDS(ARM64_INS_SSHR),
    [A64_OP_SHL_V] = IDS(ARM64_INS_SHL),
    [A64_OP_SHRN_V] = IDS(ARM64_INS_SHRN, ARM64_INS_SHRN2),
    [A64_OP_EXT_V] = IDS(ARM64_INS_EXT),
    [A64_OP_ZIP1_V] = IDS(ARM64_INS_ZIP1),
    [A64_OP_ZIP2_V] = IDS(ARM64_INS_ZIP2),
    [A64_OP_UZP1_V] = IDS(ARM64_INS_UZP1),
    [A64_OP_UZP2_V] = IDS(ARM64_INS_UZP2),
    [A64_OP_TRN1_V] = IDS(ARM64_INS_TRN1),
    [A64_OP_TRN2_V] = IDS(ARM64_INS_TRN2),
    [A64_OP_TBL_V] = IDS(ARM64_INS_TBL),
    [A64_OP_TBX_V] = IDS(ARM64_INS_TBX),
    [A64_OP_SMAXV_V] = IDS(ARM64_INS_SMAXV),
    [A64_OP_SMINV_V] = IDS(ARM64_INS_SMINV),
    [A64_OP_SMAX_V] = IDS(ARM64_INS_SMAX),
    [A64_OP_SMIN_V] = IDS(ARM64_INS_SMIN),
    [A64_OP_ADDP_S] = IDS(ARM64_INS_ADDP),
    [A64_OP_USRA_V] = IDS(ARM64_INS_USRA),
    [A64_OP_SSRA_V] = IDS(ARM64_INS_SSRA),
    /* scalar FP (decode/a64_decode_fp.inc) */
    [A64_OP_FABS_S] = IDS(ARM64_INS_FABS),
    [A64_OP_FNEG_S] = IDS(ARM64_INS_FNEG),
    [A64_OP_FSQRT_S] = IDS(ARM64_INS_FSQRT),
    [A64_OP_FCVT_S] = IDS(ARM64_INS_FCVT),
    [A64_OP_FRINTN_S] = IDS(ARM64_INS_FRINTN),
    [A64_OP_FRINTP_S] = IDS(ARM64_INS_FRINTP),
    [A64_OP_FRINTM_S] = IDS(ARM64_INS_FRINTM),
    [A64_OP_FRINTZ_S] = IDS(ARM64_INS_FRINTZ),
    [A64_OP_FRINTA_S] = IDS(ARM64_INS_FRINTA),
    [A64_OP_FRINTX_S] = IDS(ARM64_INS_FRINTX),
    [A64_OP_FRINTI_S] = IDS(ARM64_INS_FRINTI),
    [A64_OP_FMUL_S] = IDS(ARM64_INS_FMUL),
    [A64_OP_FDIV_S] = IDS(ARM64_INS_FDIV),
    [A64_OP_FADD_S] = IDS(ARM64_INS_FADD),
    [A64_OP_FSUB_S] = IDS(ARM64_INS_FSUB),
    [A64_OP_FMAX_S] = IDS(ARM64_INS_FMAX),
    [A64_OP_FMIN_S] = IDS(ARM64_INS_FMIN),
    [A64_OP_FMAXNM_S] = IDS(ARM64_INS_FMAXNM),
    [A64_OP_FMINNM_S] = IDS(ARM64_INS_FMINNM),
    [A64_OP_FNMUL_S] = IDS(ARM64_INS_FNMUL),
    [A64_OP_FMADD_S] = IDS(ARM64_INS_FMADD),
    [A64_OP_FMSUB_S] = IDS(ARM64_INS_FMSUB),
    [A64_OP_FNMADD_S] = IDS(ARM64_INS_FNMADD),
    [A64_OP_FNMSUB_S] = IDS(ARM64_INS_FNMSUB),
    [A64_OP_FCMP_S] = IDS(ARM64_INS_FCMP),
    [A64_OP_FCMPZ_S] = IDS(ARM64_INS_FCMP),
    [A64_OP_FCMPE_S] = IDS(ARM64_INS_FCMPE),
    [A64_OP_FCMPEZ_S] = IDS(ARM64_INS_FCMPE),
    [A64_OP_FCCMP_S] = IDS(ARM64_INS_FCCMP),
    [A64_OP_FCCMPE_S] = IDS(ARM64_INS_FCCMPE),
    [A64_OP_FCSEL_S] = IDS(ARM64_INS_FCSEL),
    [A64_OP_FCVTNS_S] = IDS(ARM64_INS_FCVTNS),
    [A64_OP_FCVTNU_S] = IDS(ARM64_INS_FCVTNU),
    [A64_OP_FCVTPS_S] = IDS(ARM64_INS_FCVTPS),
    [A64_OP_FCVTPU_S] = IDS(ARM64_INS_FCVTPU),
    [A64_OP_FCVTMS_S] = IDS(ARM64_INS_FCVTMS),
    [A64_OP_FCVTMU_S] = IDS(ARM64_INS_FCVTMU),
    [A64_OP_FCVTZS_S] = IDS(ARM64_INS_FCVTZS),
    [A64_OP_FCVTZU_S] = IDS(ARM64_INS_FCVTZU),
    [A64_OP_FCVTAS_S] = IDS(ARM64_INS_FCVTAS),
    [A64_OP_FCVTAU_S] = IDS(ARM64_INS_FCVTAU),
    [A64_OP_SCVTF_S] = IDS(ARM64_INS_SCVTF),
    [A64_OP_UCVTF_S] = IDS(ARM64_INS_UCVTF),
    [A64_OP_MUL_V] = IDS(ARM64_INS_MUL),
    [A64_OP_MLA_V] = IDS(ARM64_INS_MLA),
    [A64_OP_MLS_V] = IDS(ARM64_INS_MLS),
    [A64_OP_UADDL_V] = IDS(ARM64_INS_UADDL, ARM64_INS_UADDL2),
    [A64_OP_SADDL_V] = IDS(ARM64_INS_SADDL, ARM64_INS_SADDL2),
    [A64_OP_UADDW_V] = IDS(ARM64_INS_UADDW, ARM64_INS_UADDW2),
    [A64_OP_SADDW_V] = IDS(ARM64_INS_SADDW, ARM64_INS_SADDW2),
    [A64_OP_UMULL_V] = IDS(ARM64_INS_UMULL, ARM64_INS_UMULL2),
    [A64_OP_SMULL_V] = IDS(ARM64_INS_SMULL, ARM64_INS_SMULL2),
    [A64_OP_USHLL_V] = IDS(ARM64_INS_USHLL, ARM64_INS_USHLL2),
    [A64_OP_SSHLL_V] = IDS(ARM64_INS_SSHLL, ARM64_INS_SSHLL2),
    [A64_OP_UADDLV_V] = IDS(ARM64_INS_UADDLV),
    [A64_OP_SADDLV_V] = IDS(ARM64_INS_SADDLV),
    /* Advanced SIMD floating point (A64_OPS_VFP) */
    [A64_OP_FADD_V] = IDS(ARM64_INS_FADD),
    [A64_OP_FSUB_V] = IDS(ARM64_INS_FSUB),
    [A64_OP_FMUL_V] = IDS(ARM64_INS_FMUL),
    [A64_OP_FDIV_V] = IDS(ARM64_INS_FDIV),
    [A64_OP_FMULX_V] = IDS(ARM64_INS_FMULX),
    [A64_OP_FMLA_V] = IDS(ARM64_INS_FMLA),
    [A64_OP_FMLS_V] = IDS(ARM64_INS_FMLS),
    [A64_OP_FMAX_V] = IDS(ARM64_INS_FMAX),
    [A64_OP_FMIN_V] = IDS(ARM64_INS_FMIN),
    [A64_OP_FMAXNM_V] = IDS(ARM64_INS_FMAXNM),
    [A64_OP_FMINNM_V] = IDS(ARM64_INS_FMINNM),
    [A64_OP_FABD_V] = IDS(ARM64_INS_FABD),
    [A64_OP_FADDP_V] = IDS(ARM64_INS_FADDP),
    [A64_OP_FMAXP_V] = IDS(ARM64_INS_FMAXP),
    [A64_OP_FMINP_V] = IDS(ARM64_INS_FMINP),
    [A64_OP_FMAXNMP_V] = IDS(ARM64_INS_FMAXNMP),
    [A64_OP_FMINNMP_V] = IDS(ARM64_INS_FMINNMP),
    [A64_OP_FCMEQ_V] = IDS(ARM64_INS_FCMEQ),
    [A64_OP_FCMGE_V] = IDS(ARM64_INS_FCMGE, ARM64_INS_FCMLE),
    [A64_OP_FCMGT_V] = IDS(ARM64_INS_FCMGT, ARM64_INS_FCMLT),
    [A64_OP_FACGE_V] = IDS(ARM64_INS_FACGE),
    [A64_OP_FACGT_V] = IDS(ARM64_INS_FACGT),
    [A64_OP_FRECPS_V] = IDS(ARM64_INS_FRECPS),
    [A64_OP_FRSQRTS_V] = IDS(ARM64_INS_FRSQRTS),
    [A64_OP_FMUL_VE] = IDS(ARM64_INS_FMUL),
    [A64_OP_FMULX_VE] = IDS(ARM64_INS_FMULX),
    [A64_OP_FMLA_VE] = IDS(ARM64_INS_FMLA),
    [A64_OP_FMLS_VE] = IDS(ARM64_INS_FMLS),
    [A64_OP_FABS_V] = IDS(ARM64_INS_FABS),
    [A64_OP_FNEG_V] = IDS(ARM64_INS_FNEG),
    [A64_OP_FSQRT_V] = IDS(ARM64_INS_FSQRT),
    [A64_OP_FRINTN_V] = IDS(ARM64_INS_FRINTN),
    [A64_OP_FRINTP_V] = IDS(ARM64_INS_FRINTP),
    [A64_OP_FRINTM_V] = IDS(ARM64_INS_FRINTM),
    [A64_OP_FRINTZ_V] = IDS(ARM64_INS_FRINTZ),
    [A64_OP_FRINTA_V] = IDS(ARM64_INS_FRINTA),
    [A64_OP_FRINTX_V] = IDS(ARM64_INS_FRINTX),
    [A64_OP_FRINTI_V] = IDS(ARM64_INS_FRINTI),
    [A64_OP_FCVTNS_V] = IDS(ARM64_INS_FCVTNS),
    [A64_OP_FCVTNU_V] = IDS(ARM64_INS_FCVTNU),
    [A64_OP_FCVTPS_V] = IDS(ARM64_INS_FCVTPS),
    [A64_OP_FCVTPU_V] = IDS(ARM64_INS_FCVTPU),
    [A64_OP_FCVTMS_V] = IDS(ARM64_INS_FCVTMS),
    [A64_OP_FCVTMU_V] = IDS(ARM64_INS_FCVTMU),
    [A64_OP_FCVTZS_V] = IDS(ARM64_INS_FCVTZS),
    [A64_OP_FCVTZU_V] = IDS(ARM64_INS_FCVTZU),
    [A64_OP_FCVTAS_V] = IDS(ARM64_INS_FCVTAS),
    [A64_OP_FCVTAU_V] = IDS(ARM64_INS_FCVTAU),
    [A64_OP_SCVTF_V] = IDS(ARM64_INS_SCVTF),
    [A64_OP_UCVTF_V] = IDS(ARM64_INS_UCVTF),
    [A64_OP_FCVTL_V] = IDS(ARM64_INS_FCVTL, ARM64_INS_FCVTL2),
    [A64_OP_FCVTN_V] = IDS(ARM64_INS_FCVTN, ARM64_INS_FCVTN2),
    [A64_OP_FCVTXN_V] = IDS(ARM64_INS_FCVTXN, ARM64_INS_FCVTXN2),
    [A64_OP_FCMEQZ_V] = IDS(ARM64_INS_FCMEQ),
    [A64_OP_FCMGEZ_V] = IDS(ARM64_INS_FCMGE),
    [A64_OP_FCMGTZ_V] = IDS(ARM64_INS_FCMGT),
    [A64_OP_FCMLEZ_V] = IDS(ARM64_INS_FCMLE),
    [A64_OP_FCMLTZ_V] = IDS(ARM64_INS_FCMLT),
    [A64_OP_FRECPE_V] = IDS(ARM64_INS_FRECPE),
    [A64_OP_FRSQRTE_V] = IDS(ARM64_INS_FRSQRTE),
    [A64_OP_FRECPX_S] = IDS(ARM64_INS_FRECPX),
    [A64_OP_URECPE_V] = IDS(ARM64_INS_URECPE),
    [A64_OP_URSQRTE_V] = IDS(ARM64_INS_URSQRTE),
    [A64_OP_FMAXV_V] = IDS(ARM64_INS_FMAXV),
    [A64_OP_FMINV_V] = IDS(ARM64_INS_FMINV),
    [A64_OP_FMAXNMV_V] = IDS(ARM64_INS_FMAXNMV),
    [A64_OP_FMINNMV_V] = IDS(ARM64_INS_FMINNMV),
    [A64_OP_FADDP_S] = IDS(ARM64_INS_FADDP),
    [A64_OP_FMAXP_S] = IDS(ARM64_INS_FMAXP),
    [A64_OP_FMINP_S] = IDS(ARM64_INS_FMINP),
    [A64_OP_FMAXNMP_S] = IDS(ARM64_INS_FMAXNMP),
    [A64_OP_FMINNMP_S] = IDS(ARM64_INS_FMINNMP),
    /* A64_OPS_SIMD2 */
    [A64_OP_LDN_M] = IDS(ARM64_INS_LD2, ARM64_INS_LD3, ARM64_INS_LD4),
    [A64_OP_STN_M] = IDS(ARM64_INS_ST2, ARM64_INS_ST3, ARM64_INS_ST4),
    [A64_OP_LDS_V] = IDS(ARM64_INS_LD1, ARM64_INS_LD2, ARM64_INS_LD3, ARM64_INS_LD4),
    [A64_OP_STS_V] = IDS(ARM64_INS_ST1, ARM64_INS_ST2, ARM64_INS_ST3, ARM64_INS_ST4),
    [A64_OP_LDNR] = IDS(ARM64_INS_LD2R, ARM64_INS_LD3R, ARM64_INS_LD4R),
    [A64_OP_SHADD_V] = IDS(ARM64_INS_SHADD),
    [A64_OP_UHADD_V] = IDS(ARM64_INS_UHADD),
    [A64_OP_SRHADD_V] = IDS(ARM64_INS_SRHADD),
    [A64_OP_URHADD_V] = IDS(ARM64_INS_URHADD),
    [A64_OP_SHSUB_V] = IDS(ARM64_INS_SHSUB),
    [A64_OP_UHSUB_V] = IDS(ARM64_INS_UHSUB),
    [A64_OP_SQADD_V] = IDS(ARM64_INS_SQADD),
    [A64_OP_UQADD_V] = IDS(ARM64_INS_UQADD),
    [A64_OP_SQSUB_V] = IDS(ARM64_INS_SQSUB),
    [A64_OP_UQSUB_V] = IDS(ARM64_INS_UQSUB),
    [A64_OP_SSHL_V] = IDS(ARM64_INS_SSHL),
    [A64_OP_USHL_V] = IDS(ARM64_INS_USHL),
    [A64_OP_SRSHL_V] = IDS(ARM64_INS_SRSHL),
    [A64_OP_URSHL_V] = IDS(ARM64_INS_URSHL),
    [A64_OP_SABD_V] = IDS(ARM64_INS_SABD),
    [A64_OP_UABD_V] = IDS(ARM64_INS_UABD),
    [A64_OP_SABA_V] = IDS(ARM64_INS_SABA),
    [A64_OP_UABA_V] = IDS(ARM64_INS_UABA),
    [A64_OP_SMAXP_V] = IDS(ARM64_INS_SMAXP),
    [A64_OP_SMINP_V] = IDS(ARM64_INS_SMINP),
    [A64_OP_SQDMULH_V] = IDS(ARM64_INS_SQDMULH),
    [A64_OP_SQRDMULH_V] = IDS(ARM64_INS_SQRDMULH),
    [A64_OP_PMUL_V] = IDS(ARM64_INS_PMUL),
    [A64_OP_ABS_V] = IDS(ARM64_INS_ABS),
    [A64_OP_NEG_V] = IDS(ARM64_INS_NEG),
    [A64_OP_SQABS_V] = IDS(ARM64_INS_SQABS),
    [A64_OP_SQNEG_V] = IDS(ARM64_INS_SQNEG),
    [A64_OP_CLS_V] = IDS(ARM64_INS_CLS),
    [A64_OP_CLZ_V] = IDS(ARM64_INS_CLZ),
    [A64_OP_RBIT_V] = IDS(ARM64_INS_RBIT),
    [A64_OP_SADDLP_V] = IDS(ARM64_INS_SADDLP),
    [A64_OP_UADDLP_V] = IDS(ARM64_INS_UADDLP),
    [A64_OP_SADALP_V] = IDS(ARM64_INS_SADALP),
    [A64_OP_UADALP_V] = IDS(ARM64_INS_UADALP),
    [A64_OP_SQXTN_V] = IDS(ARM64_INS_SQXTN, ARM64_INS_SQXTN2),
    [A64_OP_UQXTN_V] = IDS(ARM64_INS_UQXTN, ARM64_INS_UQXTN2),
    [A64_OP_SQXTUN_V] = IDS(ARM64_INS_SQXTUN, ARM64_INS_SQXTUN2),
    [A64_OP_SRSHR_V] = IDS(ARM64_INS_SRSHR),
    [A64_OP_URSHR_V] = IDS(ARM64_INS_URSHR),
    [A64_OP_SRSRA_V] = IDS(ARM64_INS_SRSRA),
    [A64_OP_URSRA_V] = IDS(ARM64_INS_URSRA),
    [A64_OP_SRI_V] = IDS(ARM64_INS_SRI),
    [A64_OP_SLI_V] = IDS(ARM64_INS_SLI),
    [A64_OP_RSHRN_V] = IDS(ARM64_INS_RSHRN, ARM64_INS_RSHRN2),
    [A64_OP_SQSHRN_V] = IDS(ARM64_INS_SQSHRN, ARM64_INS_SQSHRN2),
    [A64_OP_UQSHRN_V] = IDS(ARM64_INS_UQSHRN, ARM64_INS_UQSHRN2),
    [A64_OP_SQRSHRN_V] = IDS(ARM64_INS_SQRSHRN, ARM64_INS_SQRSHRN2),
    [A64_OP_UQRSHRN_V] = IDS(ARM64_INS_UQRSHRN, ARM64_INS_UQRSHRN2),
    [A64_OP_SQSHRUN_V] = IDS(ARM64_INS_SQSHRUN, ARM64_INS_SQSHRUN2),
    [A64_OP_SQRSHRUN_V] = IDS(ARM64_INS_SQRSHRUN, ARM64_INS_SQRSHRUN2),
    [A64_OP_SSUBL_V] = IDS(ARM64_INS_SSUBL, ARM64_INS_SSUBL2),
    [A64_OP_USUBL_V] = IDS(ARM64_INS_USUBL, ARM64_INS_USUBL2),
    [A64_OP_SSUBW_V] = IDS(ARM64_INS_SSUBW, ARM64_INS_SSUBW2),
    [A64_OP_USUBW_V] = IDS(ARM64_INS_USUBW, ARM64_INS_USUBW2),
    [A64_OP_ADDHN_V] = IDS(ARM64_INS_ADDHN, ARM64_INS_ADDHN2),
    [A64_OP_RADDHN_V] = IDS(ARM64_INS_RADDHN, ARM64_INS_RADDHN2),
    [A64_OP_SUBHN_V] = IDS(ARM64_INS_SUBHN, ARM64_INS_SUBHN2),
    [A64_OP_RSUBHN_V] = IDS(ARM64_INS_RSUBHN, ARM64_INS_RSUBHN2),
    [A64_OP_SABAL_V] = IDS(ARM64_INS_SABAL, ARM64_INS_SABAL2),
    [A64_OP_UABAL_V] = IDS(ARM64_INS_UABAL, ARM64_INS_UABAL2),
    [A64_OP_SABDL_V] = IDS(ARM64_INS_SABDL, ARM64_INS_SABDL2),
    [A64_OP_UABDL_V] = IDS(ARM64_INS_UABDL, ARM64_INS_UABDL2),
    [A64_OP_SMLAL_V] = IDS(ARM64_INS_SMLAL, ARM64_INS_SMLAL2),
    [A64_OP_UMLAL_V] = IDS(ARM64_INS_UMLAL, ARM64_INS_UMLAL2),
    [A64_OP_SMLSL_V] = IDS(ARM64_INS_SMLSL, ARM64_INS_SMLSL2),
    [A64_OP_UMLSL_V] = IDS(ARM64_INS_UMLSL, ARM64_INS_UMLSL2),
    [A64_OP_PMULL_V] = IDS(ARM64_INS_PMULL, ARM64_INS_PMULL2),
    [A64_OP_SQDMLAL_V] = IDS(ARM64_INS_SQDMLAL, ARM64_INS_SQDMLAL2),
    [A64_OP_SQDMLSL_V] = IDS(ARM64_INS_SQDMLSL, ARM64_INS_SQDMLSL2),
    [A64_OP_SQDMULL_V] = IDS(ARM64_INS_SQDMULL, ARM64_INS_SQDMULL2),
    [A64_OP_MUL_E] = IDS(ARM64_INS_MUL),
    [A64_OP_MLA_E] = IDS(ARM64_INS_MLA),
    [A64_OP_MLS_E] = IDS(ARM64_INS_MLS),
    [A64_OP_SMULL_E] = IDS(ARM64_INS_SMULL, ARM64_INS_SMULL2),
    [A64_OP_UMULL_E] = IDS(ARM64_INS_UMULL, ARM64_INS_UMULL2),
    [A64_OP_SMLAL_E] = IDS(ARM64_INS_SMLAL, ARM64_INS_SMLAL2),
    [A64_OP_UMLAL_E] = IDS(ARM64_INS_UMLAL, ARM64_INS_UMLAL2),
    [A64_OP_SMLSL_E] = IDS(ARM64_INS_SMLSL, ARM64_INS_SMLSL2),
    [A64_OP_UMLSL_E] = IDS(ARM64_INS_UMLSL, ARM64_INS_UMLSL2),
    [A64_OP_SQDMLAL_E] = IDS(ARM64_INS_SQDMLAL, ARM64_INS_SQDMLAL2),
    [A64_OP_SQDMLSL_E] = IDS(ARM64_INS_SQDMLSL, ARM64_INS_SQDMLSL2),
    [A64_OP_SQDMULL_E] = IDS(ARM64_INS_SQDMULL, ARM64_INS_SQDMULL2),
    [A64_OP_SQDMULH_E] = IDS(ARM64_INS_SQDMULH),
    [A64_OP_SQRDMULH_E] = IDS(ARM64_INS_SQRDMULH),
    [A64_OP_DUP_S] = IDS(ARM64_INS_DUP, ARM64_INS_MOV),
    [A64_OP_SQSHL_V] = IDS(ARM64_INS_SQSHL),
    [A64_OP_UQSHL_V] = IDS(ARM64_INS_UQSHL),
    [A64_OP_SQRSHL_V] = IDS(ARM64_INS_SQRSHL),
    [A64_OP_UQRSHL_V] = IDS(ARM64_INS_UQRSHL),
    [A64_OP_SQSHL_VI] = IDS(ARM64_INS_SQSHL),
    [A64_OP_UQSHL_VI] = IDS(ARM64_INS_UQSHL),
    [A64_OP_SQSHLU_V] = IDS(ARM64_INS_SQSHLU),
    [A64_OP_SUQADD_V] = IDS(ARM64_INS_SUQADD),
    [A64_OP_USQADD_V] = IDS(ARM64_INS_USQADD),
    [A64_OP_SHLL_V] = IDS(ARM64_INS_SHLL, ARM64_INS_SHLL2),
};

static int op_maps(unsigned op, unsigned id)
{
    for (int i = 0; op_ids[op][i]; i++)
        if (op_ids[op][i] == id)
            return 1;
    return 0;
}

/* ---- supported encoding classes (ARM ARM C4.1), written independently of the decoder's table:
 * a word in one of these that capstone decodes must not be UNDEF here. */

struct enc_class {
    const char *name;
    uint32_t mask, value;
    int min_valid; /* of 20000 random-field words, this many must be valid (0: 500; -1: any) */
};

static const struct enc_class classes[] = {
    { "PC-rel. addressing",        0x1f000000, 0x10000000, 0 },
    { "Add/subtract (immediate)",  0x1f800000, 0x11000000, 0 },
    { "Logical (immediate)",       0x1f800000, 0x12000000, 0 },
    { "Move wide (immediate)",     0x1f800000, 0x12800000, 0 },
    { "Bitfield",                  0x1f800000, 0x13000000, 0 },
    { "Extract",                   0x1f800000, 0x13800000, 0 },
    { "Unconditional branch (imm)", 0x7c000000, 0x14000000, 0 },
    { "Conditional branch (imm)",  0xff000010, 0x54000000, 0 },
    { "Compare and branch",        0x7e000000, 0x34000000, 0 },
    { "Test and branch",           0x7e000000, 0x36000000, 0 },
    { "Exception generation: SVC", 0xffe0001f, 0xd4000001, 0 },
    { "Hints",                     0xfffff01f, 0xd503201f, 0 },
    { "Barriers: CLREX",           0xfffff0ff, 0xd503305f, 0 },
    { "Barriers: DSB",             0xfffff0ff, 0xd503309f, 0 },
    { "Barriers: DMB",             0xfffff0ff, 0xd50330bf, 0 },
    { "Barriers: ISB",             0xfffff0ff, 0xd50330df, 0 },
    { "System register move",      0xffd00000, 0xd5100000, -1 }, /* almost all UNDEF here */
    { "MRS NZCV",                  0xffffffe0, 0xd53b4200, 0 },
    { "MSR NZCV",                  0xffffffe0, 0xd51b4200, 0 },
    { "MRS FPCR",                  0xffffffe0, 0xd53b4400, 0 },
    { "MSR FPCR",                  0xffffffe0, 0xd51b4400, 0 },
    { "MRS FPSR",                  0xffffffe0, 0xd53b4420, 0 },
    { "MSR FPSR",                  0xffffffe0, 0xd51b4420, 0 },
    { "MRS TPIDR_EL0",             0xffffffe0, 0xd53bd040, 0 },
    { "MSR TPIDR_EL0",             0xffffffe0, 0xd51bd040, 0 },
    { "MRS CTR_EL0",               0xffffffe0, 0xd53b0020, 0 },
    { "MRS DCZID_EL0",             0xffffffe0, 0xd53b00e0, 0 },
    { "MRS MIDR_EL1",              0xffffffe0, 0xd5380000, 0 },
    { "MRS CNTVCT_EL0",            0xffffffe0, 0xd53be040, 0 },
    { "MRS CNTFRQ_EL0",            0xffffffe0, 0xd53be000, 0 },
    { "MSR CTR_EL0 (read-only)",   0xffffffe0, 0xd51b0020, -1 },
    { "MSR DCZID_EL0 (read-only)", 0xffffffe0, 0xd51b00e0, -1 },
    { "MSR MIDR_EL1 (read-only)",  0xffffffe0, 0xd5180000, -1 },
    { "MSR CNTVCT_EL0 (read-only)", 0xffffffe0, 0xd51be040, -1 },
    { "MSR CNTFRQ_EL0 (read-only)", 0xffffffe0, 0xd51be000, -1 },
    { "Unconditional branch (reg)", 0xff9ffc1f, 0xd61f0000, 0 },
    { "Load/store exclusive reg.", 0x3fa00000, 0x08000000, 0 },
    { "Load/store exclusive pair", 0xbfa00000, 0x88200000, 0 },
    { "Load-acquire/store-release", 0x3fa08000, 0x08808000, 0 },
    { "Load register (literal)",   0x3f000000, 0x18000000, 0 },
    { "Load/store pair",           0x3e000000, 0x28000000, 0 },
    { "Load/store unscaled imm.",  0x3f200c00, 0x38000000, 0 },
    { "Load/store post-indexed",   0x3f200c00, 0x38000400, 0 },
    { "Load/store pre-indexed",    0x3f200c00, 0x38000c00, 0 },
    { "Load/store register offset", 0x3f200c00, 0x38200800, 0 },
    { "Load/store unsigned imm.",  0x3f000000, 0x39000000, 0 },
    { "Logical (shifted register)", 0x1f000000, 0x0a000000, 0 },
    { "Add/subtract (shifted reg.)", 0x1f200000, 0x0b000000, 0 },
    { "Add/subtract (extended reg.)", 0x1f200000, 0x0b200000, 0 },
    { "Add/subtract (with carry)", 0x1fe0fc00, 0x1a000000, 0 },
    { "Conditional compare",       0x3fe00410, 0x3a400000, 0 },
    { "Conditional select",        0x3fe00800, 0x1a800000, 0 },
    { "Data-processing (1 source)", 0x7ffff800, 0x5ac00000, 0 },
    { "Data-processing (1 src) CLZ/CLS", 0x7ffff800, 0x5ac01000, 0 },
    { "Data-processing (2 src) DIV", 0x7fe0f000, 0x1ac00000, 0 },
    { "Data-processing (2 src) shifts", 0x7fe0f000, 0x1ac02000, 0 },
    { "Data-processing (3 source)", 0x1f000000, 0x1b000000, 0 },
    /* FP/SIMD (C4.1.88 with V = 1, C4.1.90 moves, C4.1.91): one class per decoder line, fields
     * random; the reserved element sizes of a line make the valid share vary, so no minimum. */
    { "FP/SIMD STR_V_IMM 0x3d000000", 0x3f400000, 0x3d000000, -1 },
    { "FP/SIMD LDR_V_IMM 0x3d400000", 0x3f400000, 0x3d400000, -1 },
    { "FP/SIMD STR_V_IMM 0x3c000000", 0x3f600c00, 0x3c000000, -1 },
    { "FP/SIMD LDR_V_IMM 0x3c400000", 0x3f600c00, 0x3c400000, -1 },
    { "FP/SIMD STR_V_IMM 0x3c000400", 0x3f600c00, 0x3c000400, -1 },
    { "FP/SIMD LDR_V_IMM 0x3c400400", 0x3f600c00, 0x3c400400, -1 },
    { "FP/SIMD STR_V_IMM 0x3c000c00", 0x3f600c00, 0x3c000c00, -1 },
    { "FP/SIMD LDR_V_IMM 0x3c400c00", 0x3f600c00, 0x3c400c00, -1 },
    { "FP/SIMD STR_V_REG 0x3c200800", 0x3f600c00, 0x3c200800, -1 },
    { "FP/SIMD LDR_V_REG 0x3c600800", 0x3f600c00, 0x3c600800, -1 },
    { "FP/SIMD LDR_V_LIT 0x1c000000", 0x3f000000, 0x1c000000, -1 },
    { "FP/SIMD STP_V 0x2c000000", 0x3fc00000, 0x2c000000, -1 },
    { "FP/SIMD LDP_V 0x2c400000", 0x3fc00000, 0x2c400000, -1 },
    { "FP/SIMD STP_V 0x2c800000", 0x3fc00000, 0x2c800000, -1 },
    { "FP/SIMD LDP_V 0x2cc00000", 0x3fc00000, 0x2cc00000, -1 },
    { "FP/SIMD STP_V 0x2d000000", 0x3fc00000, 0x2d000000, -1 },
    { "FP/SIMD LDP_V 0x2d400000", 0x3fc00000, 0x2d400000, -1 },
    { "FP/SIMD STP_V 0x2d800000", 0x3fc00000, 0x2d800000, -1 },
    { "FP/SIMD LDP_V 0x2dc00000", 0x3fc00000, 0x2dc00000, -1 },
    { "FP/SIMD ST1_M 0x0c000000", 0xbfff0000, 0x0c000000, -1 },
    { "FP/SIMD LD1_M 0x0c400000", 0xbfff0000, 0x0c400000, -1 },
    { "FP/SIMD ST1_M 0x0c800000", 0xbfe00000, 0x0c800000, -1 },
    { "FP/SIMD LD1_M 0x0cc00000", 0xbfe00000, 0x0cc00000, -1 },
    { "FP/SIMD LD1R 0x0d40c000", 0xbffff000, 0x0d40c000, -1 },
    { "FP/SIMD LD1R 0x0dc0c000", 0xbfe0f000, 0x0dc0c000, -1 },
    { "FP/SIMD FMOV_V 0x1e204000", 0xff3ffc00, 0x1e204000, -1 },
    { "FP/SIMD FMOV_FROMV 0x1e260000", 0xfffffc00, 0x1e260000, -1 },
    { "FP/SIMD FMOV_TOV 0x1e270000", 0xfffffc00, 0x1e270000, -1 },
    { "FP/SIMD FMOV_FROMV 0x9e660000", 0xfffffc00, 0x9e660000, -1 },
    { "FP/SIMD FMOV_TOV 0x9e670000", 0xfffffc00, 0x9e670000, -1 },
    { "FP/SIMD FMOV_FROMV 0x9eae0000", 0xfffffc00, 0x9eae0000, -1 },
    { "FP/SIMD FMOV_TOV1 0x9eaf0000", 0xfffffc00, 0x9eaf0000, -1 },
    { "FP/SIMD MOVI_V 0x1e201000", 0xff201fe0, 0x1e201000, -1 },
    { "FP/SIMD MOVI_V 0x0f000400", 0x9ff80c00, 0x0f000400, -1 },
    { "FP/SIMD DUP_GEN 0x0e000c00", 0xbfe0fc00, 0x0e000c00, -1 },
    { "FP/SIMD DUP_ELEM 0x0e000400", 0xbfe0fc00, 0x0e000400, -1 },
    { "FP/SIMD INS_GEN 0x4e001c00", 0xffe0fc00, 0x4e001c00, -1 },
    { "FP/SIMD INS_ELEM 0x6e000400", 0xffe08400, 0x6e000400, -1 },
    { "FP/SIMD FMOV_FROMV 0x0e003c00", 0xbfe0fc00, 0x0e003c00, -1 },
    { "FP/SIMD SMOV 0x0e002c00", 0xbfe0fc00, 0x0e002c00, -1 },
    { "FP/SIMD AND_V 0x0e201c00", 0xbfe0fc00, 0x0e201c00, -1 },
    { "FP/SIMD BIC_V 0x0e601c00", 0xbfe0fc00, 0x0e601c00, -1 },
    { "FP/SIMD ORR_V 0x0ea01c00", 0xbfe0fc00, 0x0ea01c00, -1 },
    { "FP/SIMD ORN_V 0x0ee01c00", 0xbfe0fc00, 0x0ee01c00, -1 },
    { "FP/SIMD EOR_V 0x2e201c00", 0xbfe0fc00, 0x2e201c00, -1 },
    { "FP/SIMD BSL_V 0x2e601c00", 0xbfe0fc00, 0x2e601c00, -1 },
    { "FP/SIMD BIT_V 0x2ea01c00", 0xbfe0fc00, 0x2ea01c00, -1 },
    { "FP/SIMD BIF_V 0x2ee01c00", 0xbfe0fc00, 0x2ee01c00, -1 },
    { "FP/SIMD ADD_V 0x0e208400", 0xbf20fc00, 0x0e208400, -1 },
    { "FP/SIMD SUB_V 0x2e208400", 0xbf20fc00, 0x2e208400, -1 },
    { "FP/SIMD CMTST_V 0x0e208c00", 0xbf20fc00, 0x0e208c00, -1 },
    { "FP/SIMD CMEQ_V 0x2e208c00", 0xbf20fc00, 0x2e208c00, -1 },
    { "FP/SIMD CMGT_V 0x0e203400", 0xbf20fc00, 0x0e203400, -1 },
    { "FP/SIMD CMHI_V 0x2e203400", 0xbf20fc00, 0x2e203400, -1 },
    { "FP/SIMD CMGE_V 0x0e203c00", 0xbf20fc00, 0x0e203c00, -1 },
    { "FP/SIMD CMHS_V 0x2e203c00", 0xbf20fc00, 0x2e203c00, -1 },
    { "FP/SIMD ADDP_V 0x0e20bc00", 0xbf20fc00, 0x0e20bc00, -1 },
    { "FP/SIMD UMAX_V 0x2e206400", 0xbf20fc00, 0x2e206400, -1 },
    { "FP/SIMD UMIN_V 0x2e206c00", 0xbf20fc00, 0x2e206c00, -1 },
    { "FP/SIMD SMAX_V 0x0e206400", 0xbf20fc00, 0x0e206400, -1 },
    { "FP/SIMD SMIN_V 0x0e206c00", 0xbf20fc00, 0x0e206c00, -1 },
    { "FP/SIMD UMAXP_V 0x2e20a400", 0xbf20fc00, 0x2e20a400, -1 },
    { "FP/SIMD UMINP_V 0x2e20ac00", 0xbf20fc00, 0x2e20ac00, -1 },
    { "FP/SIMD CMEQZ_V 0x0e209800", 0xbf3ffc00, 0x0e209800, -1 },
    { "FP/SIMD CMGTZ_V 0x0e208800", 0xbf3ffc00, 0x0e208800, -1 },
    { "FP/SIMD CMGEZ_V 0x2e208800", 0xbf3ffc00, 0x2e208800, -1 },
    { "FP/SIMD CMLEZ_V 0x2e209800", 0xbf3ffc00, 0x2e209800, -1 },
    { "FP/SIMD CMLTZ_V 0x0e20a800", 0xbf3ffc00, 0x0e20a800, -1 },
    { "FP/SIMD NOT_V 0x2e205800", 0xbffffc00, 0x2e205800, -1 },
    { "FP/SIMD CNT_V 0x0e205800", 0xbffffc00, 0x0e205800, -1 },
    { "FP/SIMD REV64_V 0x0e200800", 0xbf3ffc00, 0x0e200800, -1 },
    { "FP/SIMD REV32_V 0x2e200800", 0xbf3ffc00, 0x2e200800, -1 },
    { "FP/SIMD REV16_V 0x0e201800", 0xbffffc00, 0x0e201800, -1 },
    { "FP/SIMD XTN_V 0x0e212800", 0xbf3ffc00, 0x0e212800, -1 },
    { "FP/SIMD ADDV_V 0x0e31b800", 0xbf3ffc00, 0x0e31b800, -1 },
    { "FP/SIMD UMAXV_V 0x2e30a800", 0xbf3ffc00, 0x2e30a800, -1 },
    { "FP/SIMD UMINV_V 0x2e31a800", 0xbf3ffc00, 0x2e31a800, -1 },
    { "FP/SIMD SMAXV_V 0x0e30a800", 0xbf3ffc00, 0x0e30a800, -1 },
    { "FP/SIMD SMINV_V 0x0e31a800", 0xbf3ffc00, 0x0e31a800, -1 },
    { "FP/SIMD USHR_V 0x2f000400", 0xbf80fc00, 0x2f000400, -1 },
    { "FP/SIMD SSHR_V 0x0f000400", 0xbf80fc00, 0x0f000400, -1 },
    { "FP/SIMD SHL_V 0x0f005400", 0xbf80fc00, 0x0f005400, -1 },
    { "FP/SIMD SHRN_V 0x0f008400", 0xbf80fc00, 0x0f008400, -1 },
    { "FP/SIMD EXT_V 0x2e000000", 0xbfe08400, 0x2e000000, -1 },
    { "FP/SIMD UZP1_V 0x0e001800", 0xbf20fc00, 0x0e001800, -1 },
    { "FP/SIMD TRN1_V 0x0e002800", 0xbf20fc00, 0x0e002800, -1 },
    { "FP/SIMD ZIP1_V 0x0e003800", 0xbf20fc00, 0x0e003800, -1 },
    { "FP/SIMD UZP2_V 0x0e005800", 0xbf20fc00, 0x0e005800, -1 },
    { "FP/SIMD TRN2_V 0x0e006800", 0xbf20fc00, 0x0e006800, -1 },
    { "FP/SIMD ZIP2_V 0x0e007800", 0xbf20fc00, 0x0e007800, -1 },
    { "FP/SIMD MUL_V 0x0e209c00", 0xbf20fc00, 0x0e209c00, -1 },
    { "FP/SIMD MLA_V 0x0e209400", 0xbf20fc00, 0x0e209400, -1 },
    { "FP/SIMD MLS_V 0x2e209400", 0xbf20fc00, 0x2e209400, -1 },
    { "FP/SIMD UADDL_V 0x2e200000", 0xbf20fc00, 0x2e200000, -1 },
    { "FP/SIMD SADDL_V 0x0e200000", 0xbf20fc00, 0x0e200000, -1 },
    { "FP/SIMD UADDW_V 0x2e201000", 0xbf20fc00, 0x2e201000, -1 },
    { "FP/SIMD SADDW_V 0x0e201000", 0xbf20fc00, 0x0e201000, -1 },
    { "FP/SIMD UMULL_V 0x2e20c000", 0xbf20fc00, 0x2e20c000, -1 },
    { "FP/SIMD SMULL_V 0x0e20c000", 0xbf20fc00, 0x0e20c000, -1 },
    { "FP/SIMD USHLL_V 0x2f00a400", 0xbf80fc00, 0x2f00a400, -1 },
    { "FP/SIMD SSHLL_V 0x0f00a400", 0xbf80fc00, 0x0f00a400, -1 },
    { "FP/SIMD UADDLV_V 0x2e303800", 0xbf3ffc00, 0x2e303800, -1 },
    { "FP/SIMD SADDLV_V 0x0e303800", 0xbf3ffc00, 0x0e303800, -1 },
    { "FP/SIMD ADDP_S 0x5eb1b800", 0xffbffc00, 0x5eb1b800, -1 },
    { "FP/SIMD USRA_V 0x2f001400", 0xbf80fc00, 0x2f001400, -1 },
    { "FP/SIMD SSRA_V 0x0f001400", 0xbf80fc00, 0x0f001400, -1 },
    { "FP/SIMD TBL_V 0x0e000000", 0xbfe09c00, 0x0e000000, -1 },
    { "FP/SIMD TBX_V 0x0e001000", 0xbfe09c00, 0x0e001000, -1 },
    /* scalar FP arithmetic (decode/a64_decode_fp.inc), one class per decoder line */
    { "FP FABS_S 0x1e20c000", 0xff3ffc00, 0x1e20c000, -1 },
    { "FP FNEG_S 0x1e214000", 0xff3ffc00, 0x1e214000, -1 },
    { "FP FSQRT_S 0x1e21c000", 0xff3ffc00, 0x1e21c000, -1 },
    { "FP FCVT_S 0x1e224000", 0xff3e7c00, 0x1e224000, -1 },
    { "FP FRINTN_S 0x1e244000", 0xff3ffc00, 0x1e244000, -1 },
    { "FP FRINTP_S 0x1e24c000", 0xff3ffc00, 0x1e24c000, -1 },
    { "FP FRINTM_S 0x1e254000", 0xff3ffc00, 0x1e254000, -1 },
    { "FP FRINTZ_S 0x1e25c000", 0xff3ffc00, 0x1e25c000, -1 },
    { "FP FRINTA_S 0x1e264000", 0xff3ffc00, 0x1e264000, -1 },
    { "FP FRINTX_S 0x1e274000", 0xff3ffc00, 0x1e274000, -1 },
    { "FP FRINTI_S 0x1e27c000", 0xff3ffc00, 0x1e27c000, -1 },
    { "FP FMUL_S 0x1e200800", 0xff20fc00, 0x1e200800, -1 },
    { "FP FDIV_S 0x1e201800", 0xff20fc00, 0x1e201800, -1 },
    { "FP FADD_S 0x1e202800", 0xff20fc00, 0x1e202800, -1 },
    { "FP FSUB_S 0x1e203800", 0xff20fc00, 0x1e203800, -1 },
    { "FP FMAX_S 0x1e204800", 0xff20fc00, 0x1e204800, -1 },
    { "FP FMIN_S 0x1e205800", 0xff20fc00, 0x1e205800, -1 },
    { "FP FMAXNM_S 0x1e206800", 0xff20fc00, 0x1e206800, -1 },
    { "FP FMINNM_S 0x1e207800", 0xff20fc00, 0x1e207800, -1 },
    { "FP FNMUL_S 0x1e208800", 0xff20fc00, 0x1e208800, -1 },
    { "FP FMADD_S 0x1f000000", 0xff208000, 0x1f000000, -1 },
    { "FP FMSUB_S 0x1f008000", 0xff208000, 0x1f008000, -1 },
    { "FP FNMADD_S 0x1f200000", 0xff208000, 0x1f200000, -1 },
    { "FP FNMSUB_S 0x1f208000", 0xff208000, 0x1f208000, -1 },
    { "FP FCMP_S 0x1e202000", 0xff20fc1f, 0x1e202000, -1 },
    { "FP FCMPZ_S 0x1e202008", 0xff20fc1f, 0x1e202008, -1 },
    { "FP FCMPE_S 0x1e202010", 0xff20fc1f, 0x1e202010, -1 },
    { "FP FCMPEZ_S 0x1e202018", 0xff20fc1f, 0x1e202018, -1 },
    { "FP FCCMP_S 0x1e200400", 0xff200c10, 0x1e200400, -1 },
    { "FP FCCMPE_S 0x1e200410", 0xff200c10, 0x1e200410, -1 },
    { "FP FCSEL_S 0x1e200c00", 0xff200c00, 0x1e200c00, -1 },
    { "FP FCVTNS_S 0x1e200000", 0x7f3ffc00, 0x1e200000, -1 },
    { "FP FCVTNU_S 0x1e210000", 0x7f3ffc00, 0x1e210000, -1 },
    { "FP SCVTF_S 0x1e220000", 0x7f3ffc00, 0x1e220000, -1 },
    { "FP UCVTF_S 0x1e230000", 0x7f3ffc00, 0x1e230000, -1 },
    { "FP FCVTAS_S 0x1e240000", 0x7f3ffc00, 0x1e240000, -1 },
    { "FP FCVTAU_S 0x1e250000", 0x7f3ffc00, 0x1e250000, -1 },
    { "FP FCVTPS_S 0x1e280000", 0x7f3ffc00, 0x1e280000, -1 },
    { "FP FCVTPU_S 0x1e290000", 0x7f3ffc00, 0x1e290000, -1 },
    { "FP FCVTMS_S 0x1e300000", 0x7f3ffc00, 0x1e300000, -1 },
    { "FP FCVTMU_S 0x1e310000", 0x7f3ffc00, 0x1e310000, -1 },
    { "FP FCVTZS_S 0x1e380000", 0x7f3ffc00, 0x1e380000, -1 },
    { "FP FCVTZU_S 0x1e390000", 0x7f3ffc00, 0x1e390000, -1 },
    { "FP SCVTF_S 0x1e020000", 0x7f3f0000, 0x1e020000, -1 },
    { "FP UCVTF_S 0x1e030000", 0x7f3f0000, 0x1e030000, -1 },
    { "FP FCVTZS_S 0x1e180000", 0x7f3f0000, 0x1e180000, -1 },
    { "FP FCVTZU_S 0x1e190000", 0x7f3f0000, 0x1e190000, -1 },
    /* Advanced SIMD floating point (decode/a64_decode_vfp.inc): one class per line, vector and
     * scalar forms; half precision stays UNDEF here and in capstone 4. */
    { "VFP FMAXNM_V 0x0e20c400", 0xbfa0fc00, 0x0e20c400, -1 },
    { "VFP FMINNM_V 0x0ea0c400", 0xbfa0fc00, 0x0ea0c400, -1 },
    { "VFP FMLA_V 0x0e20cc00", 0xbfa0fc00, 0x0e20cc00, -1 },
    { "VFP FMLS_V 0x0ea0cc00", 0xbfa0fc00, 0x0ea0cc00, -1 },
    { "VFP FADD_V 0x0e20d400", 0xbfa0fc00, 0x0e20d400, -1 },
    { "VFP FSUB_V 0x0ea0d400", 0xbfa0fc00, 0x0ea0d400, -1 },
    { "VFP FMULX_V 0x0e20dc00", 0xbfa0fc00, 0x0e20dc00, -1 },
    { "VFP FMULX_V 0x5e20dc00", 0xffa0fc00, 0x5e20dc00, -1 },
    { "VFP FCMEQ_V 0x0e20e400", 0xbfa0fc00, 0x0e20e400, -1 },
    { "VFP FCMEQ_V 0x5e20e400", 0xffa0fc00, 0x5e20e400, -1 },
    { "VFP FMAX_V 0x0e20f400", 0xbfa0fc00, 0x0e20f400, -1 },
    { "VFP FMIN_V 0x0ea0f400", 0xbfa0fc00, 0x0ea0f400, -1 },
    { "VFP FRECPS_V 0x0e20fc00", 0xbfa0fc00, 0x0e20fc00, -1 },
    { "VFP FRECPS_V 0x5e20fc00", 0xffa0fc00, 0x5e20fc00, -1 },
    { "VFP FRSQRTS_V 0x0ea0fc00", 0xbfa0fc00, 0x0ea0fc00, -1 },
    { "VFP FRSQRTS_V 0x5ea0fc00", 0xffa0fc00, 0x5ea0fc00, -1 },
    { "VFP FMAXNMP_V 0x2e20c400", 0xbfa0fc00, 0x2e20c400, -1 },
    { "VFP FMINNMP_V 0x2ea0c400", 0xbfa0fc00, 0x2ea0c400, -1 },
    { "VFP FADDP_V 0x2e20d400", 0xbfa0fc00, 0x2e20d400, -1 },
    { "VFP FABD_V 0x2ea0d400", 0xbfa0fc00, 0x2ea0d400, -1 },
    { "VFP FABD_V 0x7ea0d400", 0xffa0fc00, 0x7ea0d400, -1 },
    { "VFP FMUL_V 0x2e20dc00", 0xbfa0fc00, 0x2e20dc00, -1 },
    { "VFP FCMGE_V 0x2e20e400", 0xbfa0fc00, 0x2e20e400, -1 },
    { "VFP FCMGE_V 0x7e20e400", 0xffa0fc00, 0x7e20e400, -1 },
    { "VFP FCMGT_V 0x2ea0e400", 0xbfa0fc00, 0x2ea0e400, -1 },
    { "VFP FCMGT_V 0x7ea0e400", 0xffa0fc00, 0x7ea0e400, -1 },
    { "VFP FACGE_V 0x2e20ec00", 0xbfa0fc00, 0x2e20ec00, -1 },
    { "VFP FACGE_V 0x7e20ec00", 0xffa0fc00, 0x7e20ec00, -1 },
    { "VFP FACGT_V 0x2ea0ec00", 0xbfa0fc00, 0x2ea0ec00, -1 },
    { "VFP FACGT_V 0x7ea0ec00", 0xffa0fc00, 0x7ea0ec00, -1 },
    { "VFP FMAXP_V 0x2e20f400", 0xbfa0fc00, 0x2e20f400, -1 },
    { "VFP FMINP_V 0x2ea0f400", 0xbfa0fc00, 0x2ea0f400, -1 },
    { "VFP FDIV_V 0x2e20fc00", 0xbfa0fc00, 0x2e20fc00, -1 },
    { "VFP FCMGTZ_V 0x0ea0c800", 0xbfbffc00, 0x0ea0c800, -1 },
    { "VFP FCMGTZ_V 0x5ea0c800", 0xffbffc00, 0x5ea0c800, -1 },
    { "VFP FCMEQZ_V 0x0ea0d800", 0xbfbffc00, 0x0ea0d800, -1 },
    { "VFP FCMEQZ_V 0x5ea0d800", 0xffbffc00, 0x5ea0d800, -1 },
    { "VFP FCMLTZ_V 0x0ea0e800", 0xbfbffc00, 0x0ea0e800, -1 },
    { "VFP FCMLTZ_V 0x5ea0e800", 0xffbffc00, 0x5ea0e800, -1 },
    { "VFP FABS_V 0x0ea0f800", 0xbfbffc00, 0x0ea0f800, -1 },
    { "VFP FCMGEZ_V 0x2ea0c800", 0xbfbffc00, 0x2ea0c800, -1 },
    { "VFP FCMGEZ_V 0x7ea0c800", 0xffbffc00, 0x7ea0c800, -1 },
    { "VFP FCMLEZ_V 0x2ea0d800", 0xbfbffc00, 0x2ea0d800, -1 },
    { "VFP FCMLEZ_V 0x7ea0d800", 0xffbffc00, 0x7ea0d800, -1 },
    { "VFP FNEG_V 0x2ea0f800", 0xbfbffc00, 0x2ea0f800, -1 },
    { "VFP FSQRT_V 0x2ea1f800", 0xbfbffc00, 0x2ea1f800, -1 },
    { "VFP FCVTN_V 0x0e216800", 0xbfbffc00, 0x0e216800, -1 },
    { "VFP FCVTL_V 0x0e217800", 0xbfbffc00, 0x0e217800, -1 },
    { "VFP FCVTXN_V 0x2e216800", 0xbfbffc00, 0x2e216800, -1 },
    { "VFP FCVTXN_V 0x7e216800", 0xffbffc00, 0x7e216800, -1 },
    { "VFP FRINTN_V 0x0e218800", 0xbfbffc00, 0x0e218800, -1 },
    { "VFP FRINTP_V 0x0ea18800", 0xbfbffc00, 0x0ea18800, -1 },
    { "VFP FRINTM_V 0x0e219800", 0xbfbffc00, 0x0e219800, -1 },
    { "VFP FRINTZ_V 0x0ea19800", 0xbfbffc00, 0x0ea19800, -1 },
    { "VFP FRINTA_V 0x2e218800", 0xbfbffc00, 0x2e218800, -1 },
    { "VFP FRINTX_V 0x2e219800", 0xbfbffc00, 0x2e219800, -1 },
    { "VFP FRINTI_V 0x2ea19800", 0xbfbffc00, 0x2ea19800, -1 },
    { "VFP FCVTNS_V 0x0e21a800", 0xbfbffc00, 0x0e21a800, -1 },
    { "VFP FCVTNS_V 0x5e21a800", 0xffbffc00, 0x5e21a800, -1 },
    { "VFP FCVTPS_V 0x0ea1a800", 0xbfbffc00, 0x0ea1a800, -1 },
    { "VFP FCVTPS_V 0x5ea1a800", 0xffbffc00, 0x5ea1a800, -1 },
    { "VFP FCVTMS_V 0x0e21b800", 0xbfbffc00, 0x0e21b800, -1 },
    { "VFP FCVTMS_V 0x5e21b800", 0xffbffc00, 0x5e21b800, -1 },
    { "VFP FCVTZS_V 0x0ea1b800", 0xbfbffc00, 0x0ea1b800, -1 },
    { "VFP FCVTZS_V 0x5ea1b800", 0xffbffc00, 0x5ea1b800, -1 },
    { "VFP FCVTAS_V 0x0e21c800", 0xbfbffc00, 0x0e21c800, -1 },
    { "VFP FCVTAS_V 0x5e21c800", 0xffbffc00, 0x5e21c800, -1 },
    { "VFP SCVTF_V 0x0e21d800", 0xbfbffc00, 0x0e21d800, -1 },
    { "VFP SCVTF_V 0x5e21d800", 0xffbffc00, 0x5e21d800, -1 },
    { "VFP FCVTNU_V 0x2e21a800", 0xbfbffc00, 0x2e21a800, -1 },
    { "VFP FCVTNU_V 0x7e21a800", 0xffbffc00, 0x7e21a800, -1 },
    { "VFP FCVTPU_V 0x2ea1a800", 0xbfbffc00, 0x2ea1a800, -1 },
    { "VFP FCVTPU_V 0x7ea1a800", 0xffbffc00, 0x7ea1a800, -1 },
    { "VFP FCVTMU_V 0x2e21b800", 0xbfbffc00, 0x2e21b800, -1 },
    { "VFP FCVTMU_V 0x7e21b800", 0xffbffc00, 0x7e21b800, -1 },
    { "VFP FCVTZU_V 0x2ea1b800", 0xbfbffc00, 0x2ea1b800, -1 },
    { "VFP FCVTZU_V 0x7ea1b800", 0xffbffc00, 0x7ea1b800, -1 },
    { "VFP FCVTAU_V 0x2e21c800", 0xbfbffc00, 0x2e21c800, -1 },
    { "VFP FCVTAU_V 0x7e21c800", 0xffbffc00, 0x7e21c800, -1 },
    { "VFP UCVTF_V 0x2e21d800", 0xbfbffc00, 0x2e21d800, -1 },
    { "VFP UCVTF_V 0x7e21d800", 0xffbffc00, 0x7e21d800, -1 },
    { "VFP FRECPE_V 0x0ea1d800", 0xbfbffc00, 0x0ea1d800, -1 },
    { "VFP FRECPE_V 0x5ea1d800", 0xffbffc00, 0x5ea1d800, -1 },
    { "VFP FRSQRTE_V 0x2ea1d800", 0xbfbffc00, 0x2ea1d800, -1 },
    { "VFP FRSQRTE_V 0x7ea1d800", 0xffbffc00, 0x7ea1d800, -1 },
    { "VFP FRECPX_S 0x5ea1f800", 0xffbffc00, 0x5ea1f800, -1 },
    { "VFP URECPE_V 0x0ea1c800", 0xbfbffc00, 0x0ea1c800, -1 },
    { "VFP URSQRTE_V 0x2ea1c800", 0xbfbffc00, 0x2ea1c800, -1 },
    { "VFP FMAXNMV_V 0x6e30c800", 0xfffffc00, 0x6e30c800, -1 },
    { "VFP FMINNMV_V 0x6eb0c800", 0xfffffc00, 0x6eb0c800, -1 },
    { "VFP FMAXV_V 0x6e30f800", 0xfffffc00, 0x6e30f800, -1 },
    { "VFP FMINV_V 0x6eb0f800", 0xfffffc00, 0x6eb0f800, -1 },
    { "VFP FMAXNMP_S 0x7e30c800", 0xffbffc00, 0x7e30c800, -1 },
    { "VFP FMINNMP_S 0x7eb0c800", 0xffbffc00, 0x7eb0c800, -1 },
    { "VFP FADDP_S 0x7e30d800", 0xffbffc00, 0x7e30d800, -1 },
    { "VFP FMAXP_S 0x7e30f800", 0xffbffc00, 0x7e30f800, -1 },
    { "VFP FMINP_S 0x7eb0f800", 0xffbffc00, 0x7eb0f800, -1 },
    { "VFP FMLA_VE 0x0f801000", 0xbf80f400, 0x0f801000, -1 },
    { "VFP FMLA_VE 0x5f801000", 0xff80f400, 0x5f801000, -1 },
    { "VFP FMLS_VE 0x0f805000", 0xbf80f400, 0x0f805000, -1 },
    { "VFP FMLS_VE 0x5f805000", 0xff80f400, 0x5f805000, -1 },
    { "VFP FMUL_VE 0x0f809000", 0xbf80f400, 0x0f809000, -1 },
    { "VFP FMUL_VE 0x5f809000", 0xff80f400, 0x5f809000, -1 },
    { "VFP FMULX_VE 0x2f809000", 0xbf80f400, 0x2f809000, -1 },
    { "VFP FMULX_VE 0x7f809000", 0xff80f400, 0x7f809000, -1 },
    { "VFP SCVTF_V 0x0f00e400", 0xbf80fc00, 0x0f00e400, -1 },
    { "VFP SCVTF_V 0x5f00e400", 0xff80fc00, 0x5f00e400, -1 },
    { "VFP UCVTF_V 0x2f00e400", 0xbf80fc00, 0x2f00e400, -1 },
    { "VFP UCVTF_V 0x7f00e400", 0xff80fc00, 0x7f00e400, -1 },
    { "VFP FCVTZS_V 0x0f00fc00", 0xbf80fc00, 0x0f00fc00, -1 },
    { "VFP FCVTZS_V 0x5f00fc00", 0xff80fc00, 0x5f00fc00, -1 },
    { "VFP FCVTZU_V 0x2f00fc00", 0xbf80fc00, 0x2f00fc00, -1 },
    { "VFP FCVTZU_V 0x7f00fc00", 0xff80fc00, 0x7f00fc00, -1 },
    /* A64_OPS_SIMD2 (decode/a64_decode_simd2.inc) */
    { "FP/SIMD STN_M 0x0c000000", 0xbffff000, 0x0c000000, -1 },
    { "FP/SIMD STN_M 0x0c004000", 0xbffff000, 0x0c004000, -1 },
    { "FP/SIMD STN_M 0x0c008000", 0xbffff000, 0x0c008000, -1 },
    { "FP/SIMD LDN_M 0x0c400000", 0xbffff000, 0x0c400000, -1 },
    { "FP/SIMD LDN_M 0x0c404000", 0xbffff000, 0x0c404000, -1 },
    { "FP/SIMD LDN_M 0x0c408000", 0xbffff000, 0x0c408000, -1 },
    { "FP/SIMD STN_M 0x0c800000", 0xbfe0f000, 0x0c800000, -1 },
    { "FP/SIMD STN_M 0x0c804000", 0xbfe0f000, 0x0c804000, -1 },
    { "FP/SIMD STN_M 0x0c808000", 0xbfe0f000, 0x0c808000, -1 },
    { "FP/SIMD LDN_M 0x0cc00000", 0xbfe0f000, 0x0cc00000, -1 },
    { "FP/SIMD LDN_M 0x0cc04000", 0xbfe0f000, 0x0cc04000, -1 },
    { "FP/SIMD LDN_M 0x0cc08000", 0xbfe0f000, 0x0cc08000, -1 },
    { "FP/SIMD STS_V 0x0d000000", 0xbfdfc000, 0x0d000000, -1 },
    { "FP/SIMD STS_V 0x0d004000", 0xbfdfc000, 0x0d004000, -1 },
    { "FP/SIMD STS_V 0x0d008000", 0xbfdfc000, 0x0d008000, -1 },
    { "FP/SIMD LDS_V 0x0d400000", 0xbfdfc000, 0x0d400000, -1 },
    { "FP/SIMD LDS_V 0x0d404000", 0xbfdfc000, 0x0d404000, -1 },
    { "FP/SIMD LDS_V 0x0d408000", 0xbfdfc000, 0x0d408000, -1 },
    { "FP/SIMD STS_V 0x0d800000", 0xbfc0c000, 0x0d800000, -1 },
    { "FP/SIMD STS_V 0x0d804000", 0xbfc0c000, 0x0d804000, -1 },
    { "FP/SIMD STS_V 0x0d808000", 0xbfc0c000, 0x0d808000, -1 },
    { "FP/SIMD LDS_V 0x0dc00000", 0xbfc0c000, 0x0dc00000, -1 },
    { "FP/SIMD LDS_V 0x0dc04000", 0xbfc0c000, 0x0dc04000, -1 },
    { "FP/SIMD LDS_V 0x0dc08000", 0xbfc0c000, 0x0dc08000, -1 },
    { "FP/SIMD LDNR 0x0d60c000", 0xbffff000, 0x0d60c000, -1 },
    { "FP/SIMD LDNR 0x0d40e000", 0xbffff000, 0x0d40e000, -1 },
    { "FP/SIMD LDNR 0x0d60e000", 0xbffff000, 0x0d60e000, -1 },
    { "FP/SIMD LDNR 0x0de0c000", 0xbfe0f000, 0x0de0c000, -1 },
    { "FP/SIMD LDNR 0x0dc0e000", 0xbfe0f000, 0x0dc0e000, -1 },
    { "FP/SIMD LDNR 0x0de0e000", 0xbfe0f000, 0x0de0e000, -1 },
    { "FP/SIMD SHADD_V 0x0e200400", 0xbf20fc00, 0x0e200400, -1 },
    { "FP/SIMD UHADD_V 0x2e200400", 0xbf20fc00, 0x2e200400, -1 },
    { "FP/SIMD SQADD_V 0x0e200c00", 0xbf20fc00, 0x0e200c00, -1 },
    { "FP/SIMD UQADD_V 0x2e200c00", 0xbf20fc00, 0x2e200c00, -1 },
    { "FP/SIMD SRHADD_V 0x0e201400", 0xbf20fc00, 0x0e201400, -1 },
    { "FP/SIMD URHADD_V 0x2e201400", 0xbf20fc00, 0x2e201400, -1 },
    { "FP/SIMD SHSUB_V 0x0e202400", 0xbf20fc00, 0x0e202400, -1 },
    { "FP/SIMD UHSUB_V 0x2e202400", 0xbf20fc00, 0x2e202400, -1 },
    { "FP/SIMD SQSUB_V 0x0e202c00", 0xbf20fc00, 0x0e202c00, -1 },
    { "FP/SIMD UQSUB_V 0x2e202c00", 0xbf20fc00, 0x2e202c00, -1 },
    { "FP/SIMD SSHL_V 0x0e204400", 0xbf20fc00, 0x0e204400, -1 },
    { "FP/SIMD USHL_V 0x2e204400", 0xbf20fc00, 0x2e204400, -1 },
    { "FP/SIMD SRSHL_V 0x0e205400", 0xbf20fc00, 0x0e205400, -1 },
    { "FP/SIMD URSHL_V 0x2e205400", 0xbf20fc00, 0x2e205400, -1 },
    { "FP/SIMD SABD_V 0x0e207400", 0xbf20fc00, 0x0e207400, -1 },
    { "FP/SIMD UABD_V 0x2e207400", 0xbf20fc00, 0x2e207400, -1 },
    { "FP/SIMD SABA_V 0x0e207c00", 0xbf20fc00, 0x0e207c00, -1 },
    { "FP/SIMD UABA_V 0x2e207c00", 0xbf20fc00, 0x2e207c00, -1 },
    { "FP/SIMD PMUL_V 0x2e209c00", 0xbf20fc00, 0x2e209c00, -1 },
    { "FP/SIMD SMAXP_V 0x0e20a400", 0xbf20fc00, 0x0e20a400, -1 },
    { "FP/SIMD SMINP_V 0x0e20ac00", 0xbf20fc00, 0x0e20ac00, -1 },
    { "FP/SIMD SQDMULH_V 0x0e20b400", 0xbf20fc00, 0x0e20b400, -1 },
    { "FP/SIMD SQRDMULH_V 0x2e20b400", 0xbf20fc00, 0x2e20b400, -1 },
    { "FP/SIMD SQADD_V 0x5e200c00", 0xff20fc00, 0x5e200c00, -1 },
    { "FP/SIMD UQADD_V 0x7e200c00", 0xff20fc00, 0x7e200c00, -1 },
    { "FP/SIMD SQSUB_V 0x5e202c00", 0xff20fc00, 0x5e202c00, -1 },
    { "FP/SIMD UQSUB_V 0x7e202c00", 0xff20fc00, 0x7e202c00, -1 },
    { "FP/SIMD CMGT_V 0x5e203400", 0xff20fc00, 0x5e203400, -1 },
    { "FP/SIMD CMHI_V 0x7e203400", 0xff20fc00, 0x7e203400, -1 },
    { "FP/SIMD CMGE_V 0x5e203c00", 0xff20fc00, 0x5e203c00, -1 },
    { "FP/SIMD CMHS_V 0x7e203c00", 0xff20fc00, 0x7e203c00, -1 },
    { "FP/SIMD SSHL_V 0x5e204400", 0xff20fc00, 0x5e204400, -1 },
    { "FP/SIMD USHL_V 0x7e204400", 0xff20fc00, 0x7e204400, -1 },
    { "FP/SIMD SRSHL_V 0x5e205400", 0xff20fc00, 0x5e205400, -1 },
    { "FP/SIMD URSHL_V 0x7e205400", 0xff20fc00, 0x7e205400, -1 },
    { "FP/SIMD ADD_V 0x5e208400", 0xff20fc00, 0x5e208400, -1 },
    { "FP/SIMD SUB_V 0x7e208400", 0xff20fc00, 0x7e208400, -1 },
    { "FP/SIMD CMTST_V 0x5e208c00", 0xff20fc00, 0x5e208c00, -1 },
    { "FP/SIMD CMEQ_V 0x7e208c00", 0xff20fc00, 0x7e208c00, -1 },
    { "FP/SIMD SQDMULH_V 0x5e20b400", 0xff20fc00, 0x5e20b400, -1 },
    { "FP/SIMD SQRDMULH_V 0x7e20b400", 0xff20fc00, 0x7e20b400, -1 },
    { "FP/SIMD SADDLP_V 0x0e202800", 0xbf3ffc00, 0x0e202800, -1 },
    { "FP/SIMD UADDLP_V 0x2e202800", 0xbf3ffc00, 0x2e202800, -1 },
    { "FP/SIMD CLS_V 0x0e204800", 0xbf3ffc00, 0x0e204800, -1 },
    { "FP/SIMD CLZ_V 0x2e204800", 0xbf3ffc00, 0x2e204800, -1 },
    { "FP/SIMD RBIT_V 0x2e605800", 0xbffffc00, 0x2e605800, -1 },
    { "FP/SIMD SADALP_V 0x0e206800", 0xbf3ffc00, 0x0e206800, -1 },
    { "FP/SIMD UADALP_V 0x2e206800", 0xbf3ffc00, 0x2e206800, -1 },
    { "FP/SIMD SQABS_V 0x0e207800", 0xbf3ffc00, 0x0e207800, -1 },
    { "FP/SIMD SQNEG_V 0x2e207800", 0xbf3ffc00, 0x2e207800, -1 },
    { "FP/SIMD ABS_V 0x0e20b800", 0xbf3ffc00, 0x0e20b800, -1 },
    { "FP/SIMD NEG_V 0x2e20b800", 0xbf3ffc00, 0x2e20b800, -1 },
    { "FP/SIMD SQXTUN_V 0x2e212800", 0xbf3ffc00, 0x2e212800, -1 },
    { "FP/SIMD SQXTN_V 0x0e214800", 0xbf3ffc00, 0x0e214800, -1 },
    { "FP/SIMD UQXTN_V 0x2e214800", 0xbf3ffc00, 0x2e214800, -1 },
    { "FP/SIMD SQABS_V 0x5e207800", 0xff3ffc00, 0x5e207800, -1 },
    { "FP/SIMD SQNEG_V 0x7e207800", 0xff3ffc00, 0x7e207800, -1 },
    { "FP/SIMD CMGTZ_V 0x5e208800", 0xff3ffc00, 0x5e208800, -1 },
    { "FP/SIMD CMGEZ_V 0x7e208800", 0xff3ffc00, 0x7e208800, -1 },
    { "FP/SIMD CMEQZ_V 0x5e209800", 0xff3ffc00, 0x5e209800, -1 },
    { "FP/SIMD CMLEZ_V 0x7e209800", 0xff3ffc00, 0x7e209800, -1 },
    { "FP/SIMD CMLTZ_V 0x5e20a800", 0xff3ffc00, 0x5e20a800, -1 },
    { "FP/SIMD ABS_V 0x5e20b800", 0xff3ffc00, 0x5e20b800, -1 },
    { "FP/SIMD NEG_V 0x7e20b800", 0xff3ffc00, 0x7e20b800, -1 },
    { "FP/SIMD SQXTUN_V 0x7e212800", 0xff3ffc00, 0x7e212800, -1 },
    { "FP/SIMD SQXTN_V 0x5e214800", 0xff3ffc00, 0x5e214800, -1 },
    { "FP/SIMD UQXTN_V 0x7e214800", 0xff3ffc00, 0x7e214800, -1 },
    { "FP/SIMD SSUBL_V 0x0e202000", 0xbf20fc00, 0x0e202000, -1 },
    { "FP/SIMD USUBL_V 0x2e202000", 0xbf20fc00, 0x2e202000, -1 },
    { "FP/SIMD SSUBW_V 0x0e203000", 0xbf20fc00, 0x0e203000, -1 },
    { "FP/SIMD USUBW_V 0x2e203000", 0xbf20fc00, 0x2e203000, -1 },
    { "FP/SIMD ADDHN_V 0x0e204000", 0xbf20fc00, 0x0e204000, -1 },
    { "FP/SIMD RADDHN_V 0x2e204000", 0xbf20fc00, 0x2e204000, -1 },
    { "FP/SIMD SABAL_V 0x0e205000", 0xbf20fc00, 0x0e205000, -1 },
    { "FP/SIMD UABAL_V 0x2e205000", 0xbf20fc00, 0x2e205000, -1 },
    { "FP/SIMD SUBHN_V 0x0e206000", 0xbf20fc00, 0x0e206000, -1 },
    { "FP/SIMD RSUBHN_V 0x2e206000", 0xbf20fc00, 0x2e206000, -1 },
    { "FP/SIMD SABDL_V 0x0e207000", 0xbf20fc00, 0x0e207000, -1 },
    { "FP/SIMD UABDL_V 0x2e207000", 0xbf20fc00, 0x2e207000, -1 },
    { "FP/SIMD SMLAL_V 0x0e208000", 0xbf20fc00, 0x0e208000, -1 },
    { "FP/SIMD UMLAL_V 0x2e208000", 0xbf20fc00, 0x2e208000, -1 },
    { "FP/SIMD SMLSL_V 0x0e20a000", 0xbf20fc00, 0x0e20a000, -1 },
    { "FP/SIMD UMLSL_V 0x2e20a000", 0xbf20fc00, 0x2e20a000, -1 },
    { "FP/SIMD PMULL_V 0x0e20e000", 0xbf20fc00, 0x0e20e000, -1 },
    { "FP/SIMD SQDMLAL_V 0x0e209000", 0xbf20fc00, 0x0e209000, -1 },
    { "FP/SIMD SQDMLSL_V 0x0e20b000", 0xbf20fc00, 0x0e20b000, -1 },
    { "FP/SIMD SQDMULL_V 0x0e20d000", 0xbf20fc00, 0x0e20d000, -1 },
    { "FP/SIMD SQDMLAL_V 0x5e209000", 0xff20fc00, 0x5e209000, -1 },
    { "FP/SIMD SQDMLSL_V 0x5e20b000", 0xff20fc00, 0x5e20b000, -1 },
    { "FP/SIMD SQDMULL_V 0x5e20d000", 0xff20fc00, 0x5e20d000, -1 },
    { "FP/SIMD MUL_E 0x0f008000", 0xbf00f400, 0x0f008000, -1 },
    { "FP/SIMD MLA_E 0x2f000000", 0xbf00f400, 0x2f000000, -1 },
    { "FP/SIMD MLS_E 0x2f004000", 0xbf00f400, 0x2f004000, -1 },
    { "FP/SIMD SMULL_E 0x0f00a000", 0xbf00f400, 0x0f00a000, -1 },
    { "FP/SIMD UMULL_E 0x2f00a000", 0xbf00f400, 0x2f00a000, -1 },
    { "FP/SIMD SMLAL_E 0x0f002000", 0xbf00f400, 0x0f002000, -1 },
    { "FP/SIMD UMLAL_E 0x2f002000", 0xbf00f400, 0x2f002000, -1 },
    { "FP/SIMD SMLSL_E 0x0f006000", 0xbf00f400, 0x0f006000, -1 },
    { "FP/SIMD UMLSL_E 0x2f006000", 0xbf00f400, 0x2f006000, -1 },
    { "FP/SIMD SQDMLAL_E 0x0f003000", 0xbf00f400, 0x0f003000, -1 },
    { "FP/SIMD SQDMLSL_E 0x0f007000", 0xbf00f400, 0x0f007000, -1 },
    { "FP/SIMD SQDMULL_E 0x0f00b000", 0xbf00f400, 0x0f00b000, -1 },
    { "FP/SIMD SQDMULH_E 0x0f00c000", 0xbf00f400, 0x0f00c000, -1 },
    { "FP/SIMD SQRDMULH_E 0x0f00d000", 0xbf00f400, 0x0f00d000, -1 },
    { "FP/SIMD SQDMULH_E 0x5f00c000", 0xff00f400, 0x5f00c000, -1 },
    { "FP/SIMD SQRDMULH_E 0x5f00d000", 0xff00f400, 0x5f00d000, -1 },
    { "FP/SIMD SQDMLAL_E 0x5f003000", 0xff00f400, 0x5f003000, -1 },
    { "FP/SIMD SQDMLSL_E 0x5f007000", 0xff00f400, 0x5f007000, -1 },
    { "FP/SIMD SQDMULL_E 0x5f00b000", 0xff00f400, 0x5f00b000, -1 },
    { "FP/SIMD SRSHR_V 0x0f002400", 0xbf80fc00, 0x0f002400, -1 },
    { "FP/SIMD URSHR_V 0x2f002400", 0xbf80fc00, 0x2f002400, -1 },
    { "FP/SIMD SRSRA_V 0x0f003400", 0xbf80fc00, 0x0f003400, -1 },
    { "FP/SIMD URSRA_V 0x2f003400", 0xbf80fc00, 0x2f003400, -1 },
    { "FP/SIMD SRI_V 0x2f004400", 0xbf80fc00, 0x2f004400, -1 },
    { "FP/SIMD SLI_V 0x2f005400", 0xbf80fc00, 0x2f005400, -1 },
    { "FP/SIMD SQSHRUN_V 0x2f008400", 0xbf80fc00, 0x2f008400, -1 },
    { "FP/SIMD RSHRN_V 0x0f008c00", 0xbf80fc00, 0x0f008c00, -1 },
    { "FP/SIMD SQRSHRUN_V 0x2f008c00", 0xbf80fc00, 0x2f008c00, -1 },
    { "FP/SIMD SQSHRN_V 0x0f009400", 0xbf80fc00, 0x0f009400, -1 },
    { "FP/SIMD UQSHRN_V 0x2f009400", 0xbf80fc00, 0x2f009400, -1 },
    { "FP/SIMD SQRSHRN_V 0x0f009c00", 0xbf80fc00, 0x0f009c00, -1 },
    { "FP/SIMD UQRSHRN_V 0x2f009c00", 0xbf80fc00, 0x2f009c00, -1 },
    { "FP/SIMD SSHR_V 0x5f000400", 0xff80fc00, 0x5f000400, -1 },
    { "FP/SIMD USHR_V 0x7f000400", 0xff80fc00, 0x7f000400, -1 },
    { "FP/SIMD SSRA_V 0x5f001400", 0xff80fc00, 0x5f001400, -1 },
    { "FP/SIMD USRA_V 0x7f001400", 0xff80fc00, 0x7f001400, -1 },
    { "FP/SIMD SRSHR_V 0x5f002400", 0xff80fc00, 0x5f002400, -1 },
    { "FP/SIMD URSHR_V 0x7f002400", 0xff80fc00, 0x7f002400, -1 },
    { "FP/SIMD SRSRA_V 0x5f003400", 0xff80fc00, 0x5f003400, -1 },
    { "FP/SIMD URSRA_V 0x7f003400", 0xff80fc00, 0x7f003400, -1 },
    { "FP/SIMD SRI_V 0x7f004400", 0xff80fc00, 0x7f004400, -1 },
    { "FP/SIMD SHL_V 0x5f005400", 0xff80fc00, 0x5f005400, -1 },
    { "FP/SIMD SLI_V 0x7f005400", 0xff80fc00, 0x7f005400, -1 },
    { "FP/SIMD SQSHRUN_V 0x7f008400", 0xff80fc00, 0x7f008400, -1 },
    { "FP/SIMD SQRSHRUN_V 0x7f008c00", 0xff80fc00, 0x7f008c00, -1 },
    { "FP/SIMD SQSHRN_V 0x5f009400", 0xff80fc00, 0x5f009400, -1 },
    { "FP/SIMD UQSHRN_V 0x7f009400", 0xff80fc00, 0x7f009400, -1 },
    { "FP/SIMD SQRSHRN_V 0x5f009c00", 0xff80fc00, 0x5f009c00, -1 },
    { "FP/SIMD UQRSHRN_V 0x7f009c00", 0xff80fc00, 0x7f009c00, -1 },
    { "FP/SIMD DUP_S 0x5e000400", 0xffe0fc00, 0x5e000400, -1 },
    { "FP/SIMD SQSHL_V 0x0e204c00", 0xbf20fc00, 0x0e204c00, -1 },
    { "FP/SIMD UQSHL_V 0x2e204c00", 0xbf20fc00, 0x2e204c00, -1 },
    { "FP/SIMD SQRSHL_V 0x0e205c00", 0xbf20fc00, 0x0e205c00, -1 },
    { "FP/SIMD UQRSHL_V 0x2e205c00", 0xbf20fc00, 0x2e205c00, -1 },
    { "FP/SIMD SQSHL_V 0x5e204c00", 0xff20fc00, 0x5e204c00, -1 },
    { "FP/SIMD UQSHL_V 0x7e204c00", 0xff20fc00, 0x7e204c00, -1 },
    { "FP/SIMD SQRSHL_V 0x5e205c00", 0xff20fc00, 0x5e205c00, -1 },
    { "FP/SIMD UQRSHL_V 0x7e205c00", 0xff20fc00, 0x7e205c00, -1 },
    { "FP/SIMD SUQADD_V 0x0e203800", 0xbf3ffc00, 0x0e203800, -1 },
    { "FP/SIMD USQADD_V 0x2e203800", 0xbf3ffc00, 0x2e203800, -1 },
    { "FP/SIMD SHLL_V 0x2e213800", 0xbf3ffc00, 0x2e213800, -1 },
    { "FP/SIMD SUQADD_V 0x5e203800", 0xff3ffc00, 0x5e203800, -1 },
    { "FP/SIMD USQADD_V 0x7e203800", 0xff3ffc00, 0x7e203800, -1 },
    { "FP/SIMD SQSHLU_V 0x2f006400", 0xbf80fc00, 0x2f006400, -1 },
    { "FP/SIMD SQSHL_VI 0x0f007400", 0xbf80fc00, 0x0f007400, -1 },
    { "FP/SIMD UQSHL_VI 0x2f007400", 0xbf80fc00, 0x2f007400, -1 },
    { "FP/SIMD SQSHLU_V 0x7f006400", 0xff80fc00, 0x7f006400, -1 },
    { "FP/SIMD SQSHL_VI 0x5f007400", 0xff80fc00, 0x5f007400, -1 },
    { "FP/SIMD UQSHL_VI 0x7f007400", 0xff80fc00, 0x7f007400, -1 },
};
#define NUM_CLASSES ((int)(sizeof(classes) / sizeof(classes[0])))

static int in_supported_class(uint32_t w)
{
    for (int i = 0; i < NUM_CLASSES; i++)
        if ((w & classes[i].mask) == classes[i].value)
            return 1;
    return 0;
}

static uint32_t bits(uint32_t w, int lo, int n)
{
    return (w >> lo) & ((1u << n) - 1u);
}

/* Capstone decodes these, our decoder deliberately does not (each names the rule). */
static const char *deliberately_undef(uint32_t w)
{
    uint32_t rt = bits(w, 0, 5), rn = bits(w, 5, 5), rs = bits(w, 16, 5), rt2 = bits(w, 10, 5);

    /* MRS/MSR: only the EL0 registers of enum a64_sysreg, and MSR only to writable ones. */
    if ((w & 0xffd00000) == 0xd5100000) {
        static const uint32_t rw[] = { 0xda10, 0xda20, 0xda21, 0xde82 };
        static const uint32_t ro[] = { 0xd801, 0xd807, 0xc000, 0xdf02, 0xdf00 };
        uint32_t enc = bits(w, 5, 16);
        for (size_t i = 0; i < sizeof(rw) / sizeof(rw[0]); i++)
            if (enc == rw[i])
                return NULL;
        for (size_t i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
            if (enc == ro[i] && (w & 0x00200000))
                return NULL;
        return "system register not emulated (or MSR to a read-only one)";
    }
    /* C6.2 STXR/STLXR/STXP/STLXP: Rs == Rt, Rs == Rt2 (pair) or Rs == Rn != 31 is CONSTRAINED
     * UNPREDICTABLE; we decode UNDEF. */
    if ((w & 0x3fc00000) == 0x08000000 && (!(w & 0x00200000) || (w & 0x80000000))) {
        int pair = !!(w & 0x00200000);
        if (rs == rt || (pair && rs == rt2) || (rs == rn && rn != 31))
            return "store-exclusive status register overlaps (CONSTRAINED UNPREDICTABLE)";
    }
    /* C6.2 LDP/STP/LDPSW, STR (immediate) with writeback and Rn == Rt or Rt2 (Rn != 31), and
     * LDP with Rt == Rt2: CONSTRAINED UNPREDICTABLE; we decode UNDEF. */
    if ((w & 0x3e000000) == 0x28000000 && !(w & 0x04000000)) {
        int wb = bits(w, 23, 2) == 1 || bits(w, 23, 2) == 3;
        if (wb && rn != 31 && (rn == rt || rn == rt2))
            return "pair writeback onto a transfer register (CONSTRAINED UNPREDICTABLE)";
        if ((w & 0x00400000) && rt == rt2)
            return "LDP with Rt == Rt2 (CONSTRAINED UNPREDICTABLE)";
    }
    if ((w & 0x3f200400) == 0x38000400 && rn != 31 && rn == rt)
        return "single register writeback onto Rt (CONSTRAINED UNPREDICTABLE)";
    /* FP/SIMD pairs: LDP with Rt == Rt2 (CONSTRAINED UNPREDICTABLE) */
    if ((w & 0x3e400000) == 0x2c400000 && rt == rt2)
        return "LDP (FP/SIMD) with Rt == Rt2 (CONSTRAINED UNPREDICTABLE)";
    /* PMULL/PMULL2 with size 3 (1Q from 1D) is FEAT_PMULL (crypto), which AT_HWCAP does not offer */
    if ((w & 0xbfe0fc00) == 0x0ee0e000)
        return "PMULL 1Q (FEAT_PMULL) not supported";
    return NULL;
}

/* Words capstone 4.0.2 decodes although the ARM ARM says they are reserved (filled in below as
 * found; each one names the rule capstone misses). */
static const char *capstone_wrong(uint32_t w)
{
    /* DUP (general): size = LowestSetBit(imm5), the bits above it are ignored (ARM ARM C7.2);
     * capstone wants them zero. */
    if ((w & 0xbfe0fc00) == 0x0e000c00) {
        uint32_t imm5 = bits(w, 16, 5);
        if (imm5 & (imm5 - 1) && (imm5 & 0xf))
            return "DUP (general) with imm5 bits above the size bit";
    }
    /* INS (element): imm4 bits below the element size are ignored; capstone wants them zero. */
    if ((w & 0xffe08400) == 0x6e000400) {
        uint32_t imm5 = bits(w, 16, 5), imm4 = bits(w, 11, 4), sz = 0;
        while (sz < 4 && !((imm5 >> sz) & 1))
            sz++;
        if (sz < 4 && (imm4 & ((1u << sz) - 1)))
            return "INS (element) with imm4 bits below the element size";
    }
    return NULL;
}

/* Classes capstone 4.0.2 predates (FEAT_LSE, FEAT_LRCPC, FEAT_LRCPC2, FEAT_JSCVT, FEAT_FRINTTS,
 * FEAT_FP16): test_lse_llvm_mc checks them against llvm-mc instead, and the capstone checks leave
 * them alone. */
static const struct enc_class llvm_classes[] = {
    { "Compare and swap (LSE)",     0x3fa07c00, 0x08a07c00, 0 },
    { "Compare and swap pair (LSE)", 0xbfa07c00, 0x08207c00, 0 },
    { "Atomic memory operations",   0x3f200c00, 0x38200000, 0 },
    { "LDAPR",                      0x3f3ffc00, 0x38bfc000, 0 },
    { "LDAPUR/STLUR (RCpc unscaled)", 0x3f200c00, 0x19000000, 0 },
    { "FJCVTZS (JSCVT)",            0xfffffc00, 0x1e7e0000, 0 },
    { "FRINT32/64 (FRINTTS)",       0xff3e7c00, 0x1e284000, 0 },
    /* FEAT_FP16 scalar (decode/a64_decode_fp.inc with ftype 11, and the FMOVs): one class per
     * encoding group, then the whole space (mostly unallocated: validity must agree) */
    { "FP16 1 source",              0xffe07c00, 0x1ee04000, 0 },
    { "FP16 2 source",              0xffe00c00, 0x1ee00800, 0 },
    { "FP16 3 source",              0xffc00000, 0x1fc00000, 0 },
    { "FP16 compare",               0xffe0fc07, 0x1ee02000, 0 },
    { "FP16 conditional compare and select", 0xffe00400, 0x1ee00400, 0 },
    { "FP16 <-> integer, FMOV general", 0x7fe0fc00, 0x1ee00000, 0 },
    { "FP16 <-> fixed point",       0x7fe00000, 0x1ec00000, 0 },
    { "FP16 FMOV immediate",        0xffe01fe0, 0x1ee01000, 0 },
    { "FP16 scalar space",          0x5ec00000, 0x1ec00000, 0 },
};
#define NUM_LLVM_CLASSES ((int)(sizeof(llvm_classes) / sizeof(llvm_classes[0])))

/* A word of the scalar FP space (bit 30 clear, 28:25 set) with ftype 11: FEAT_FP16, which capstone
 * 4 predates, but for FCVT from half (base architecture), which it decodes. */
static int fp16_scalar(uint32_t w)
{
    return (w & 0x5ec00000u) == 0x1ec00000u && (w & 0xff3e7c00u) != 0x1e224000u;
}

static int capstone_lacks(uint32_t w)
{
    if (fp16_scalar(w))
        return 1;
    for (int i = 0; i < NUM_LLVM_CLASSES; i++) /* the FP16 classes hold FCVT too: fp16_scalar's */
        if (strncmp(llvm_classes[i].name, "FP16", 4) && (w & llvm_classes[i].mask) == llvm_classes[i].value)
            return 1;
    return 0;
}

/* ---- operand cross-checks ------------------------------------------------------------------ */

struct csreg {
    int slot; /* 0..30, 31 = SP/WSP, 32 = ZR (read or write), -1 = not a GPR */
    int x;    /* 64-bit name */
};

static struct csreg cs_reg(unsigned reg)
{
    struct csreg r = { -1, 0 };
    if (reg >= ARM64_REG_W0 && reg <= ARM64_REG_W30)
        r.slot = (int)(reg - ARM64_REG_W0);
    else if (reg >= ARM64_REG_X0 && reg <= ARM64_REG_X28)
        r.slot = (int)(reg - ARM64_REG_X0), r.x = 1;
    else if (reg == ARM64_REG_X29)
        r.slot = 29, r.x = 1;
    else if (reg == ARM64_REG_X30)
        r.slot = 30, r.x = 1;
    else if (reg == ARM64_REG_SP)
        r.slot = 31, r.x = 1;
    else if (reg == ARM64_REG_WSP)
        r.slot = 31;
    else if (reg == ARM64_REG_XZR)
        r.slot = 32, r.x = 1;
    else if (reg == ARM64_REG_WZR)
        r.slot = 32;
    return r;
}

static int slot_eq(int cs_slot, unsigned ours)
{
    if (cs_slot == 32)
        return ours == A64_REG_ZR || ours == A64_REG_SINK;
    return cs_slot == (int)ours;
}

static char failbuf[512];
static int nfail;

static void mismatch(uint32_t w, const struct a64_insn *d, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(failbuf, sizeof failbuf, "word %08x (%s %s) op %s: ", w,
                     csi->size ? csi->mnemonic : "-", csi->size ? csi->op_str : "",
                     a64_op_name(d->op));
    va_start(ap, fmt);
    vsnprintf(failbuf + n, sizeof failbuf - (size_t)n, fmt, ap);
    va_end(ap);
    if (nfail++ < 20)
        print_error("%s (seed %#llx)\n", failbuf, (unsigned long long)seed);
}

static uint64_t width_mask(int sf)
{
    return sf ? ~0ull : 0xffffffffull;
}

static const unsigned sysreg_enc_of[] = {
    [A64_SYSREG_NZCV] = 0xda10,       [A64_SYSREG_FPCR] = 0xda20,
    [A64_SYSREG_FPSR] = 0xda21,       [A64_SYSREG_TPIDR_EL0] = 0xde82,
    [A64_SYSREG_CTR_EL0] = 0xd801,    [A64_SYSREG_DCZID_EL0] = 0xd807,
    [A64_SYSREG_MIDR_EL1] = 0xc000,   [A64_SYSREG_CNTVCT_EL0] = 0xdf02,
    [A64_SYSREG_CNTFRQ_EL0] = 0xdf00,
};

static int cc_of(unsigned cond)
{
    return (int)cond + 1; /* ARM64_CC_EQ == 1 */
}

/* Size and signedness implied by a load/store mnemonic, -1 when the register width decides. */
static int id_size(unsigned id, int *sign)
{
    *sign = 0;
    switch (id) {
    case ARM64_INS_LDRSB: case ARM64_INS_LDURSB:
        *sign = 1; /* fall through */
    case ARM64_INS_LDRB: case ARM64_INS_LDURB: case ARM64_INS_STRB: case ARM64_INS_STURB:
    case ARM64_INS_LDXRB: case ARM64_INS_LDAXRB: case ARM64_INS_STXRB: case ARM64_INS_STLXRB:
    case ARM64_INS_LDARB: case ARM64_INS_STLRB:
        return 0;
    case ARM64_INS_LDRSH: case ARM64_INS_LDURSH:
        *sign = 1; /* fall through */
    case ARM64_INS_LDRH: case ARM64_INS_LDURH: case ARM64_INS_STRH: case ARM64_INS_STURH:
    case ARM64_INS_LDXRH: case ARM64_INS_LDAXRH: case ARM64_INS_STXRH: case ARM64_INS_STLXRH:
    case ARM64_INS_LDARH: case ARM64_INS_STLRH:
        return 1;
    case ARM64_INS_LDRSW: case ARM64_INS_LDURSW: case ARM64_INS_LDPSW:
        *sign = 1;
        return 2;
    default:
        return -1;
    }
}

/* Immediates, conditions, sizes and writeback against capstone's detail. */
static void check_values(uint32_t w, const struct a64_insn *d, int canonical, const int64_t *imms,
                         int nimms, const cs_arm64_op *mem, const cs_arm64_op *last_reg,
                         int first_x)
{
    cs_arm64 *a = &csi->detail->arm64;
    unsigned id = csi->id;
    uint64_t wm = width_mask(d->sf);
    int64_t target = (int64_t)(TEST_PC + (uint64_t)d->imm); /* wraps like the pc */
    int sign, sz;

    switch (d->op) {
    case A64_OP_ADR:
        if (nimms != 1 || imms[0] != target)
            mismatch(w, d, "ADR target");
        break;
    case A64_OP_ADRP:
        if (nimms != 1 || imms[0] != (int64_t)((TEST_PC & ~0xfffull) + (uint64_t)d->imm))
            mismatch(w, d, "ADRP target");
        break;
    case A64_OP_ADD_IMM: case A64_OP_ADDS_IMM: case A64_OP_SUB_IMM: case A64_OP_SUBS_IMM:
        if (id == ARM64_INS_MOV) {
            if (d->imm != 0)
                mismatch(w, d, "MOV alias with imm %lld", (long long)d->imm);
            break;
        }
        for (int i = 0; i < a->op_count; i++) {
            const cs_arm64_op *o = &a->operands[i];
            if (o->type == ARM64_OP_IMM &&
                (o->imm << (o->shift.type == ARM64_SFT_LSL ? o->shift.value : 0)) != d->imm)
                mismatch(w, d, "add/sub imm %lld", (long long)d->imm);
        }
        break;
    case A64_OP_AND_IMM: case A64_OP_ORR_IMM: case A64_OP_EOR_IMM: case A64_OP_ANDS_IMM:
        if (nimms != 1 || ((uint64_t)imms[0] & wm) != (uint64_t)d->imm || ((uint64_t)d->imm & ~wm))
            mismatch(w, d, "bitmask imm %#llx", (unsigned long long)d->imm);
        break;
    case A64_OP_MOVZ: case A64_OP_MOVN: case A64_OP_MOVK: {
        uint64_t v;
        if (nimms != 1) {
            mismatch(w, d, "move wide without an imm");
            break;
        }
        v = (uint64_t)imms[0];
        for (int i = 0; i < a->op_count; i++)
            if (a->operands[i].type == ARM64_OP_IMM && a->operands[i].shift.type == ARM64_SFT_LSL)
                v <<= a->operands[i].shift.value;
        if (d->op == A64_OP_MOVK) {
            if (v != ((uint64_t)d->imm << d->amount))
                mismatch(w, d, "MOVK imm/amount");
        } else if (d->op == A64_OP_MOVN && id == ARM64_INS_MOVN) {
            if ((~v & wm) != (uint64_t)d->imm)
                mismatch(w, d, "MOVN value");
        } else if ((v & wm) != (uint64_t)d->imm || ((uint64_t)d->imm & ~wm)) {
            mismatch(w, d, "move wide value %#llx", (unsigned long long)d->imm);
        }
        break;
    }
    case A64_OP_SBFM: case A64_OP_BFM: case A64_OP_UBFM:
        if (canonical && (nimms != 2 || imms[0] != d->immr || imms[1] != d->imms))
            mismatch(w, d, "immr/imms");
        break;
    case A64_OP_EXTR:
        if (nimms != 1 || imms[0] != d->amount)
            mismatch(w, d, "EXTR lsb");
        break;
    case A64_OP_B: case A64_OP_BL: case A64_OP_CBZ: case A64_OP_CBNZ:
        if (nimms != 1 || imms[0] != target)
            mismatch(w, d, "branch target");
        break;
    case A64_OP_B_COND:
        if (nimms != 1 || imms[0] != target || (int)a->cc != cc_of(d->cond))
            mismatch(w, d, "B.cond target/cond");
        break;
    case A64_OP_TBZ: case A64_OP_TBNZ:
        if (nimms != 2 || imms[0] != d->amount || imms[1] != target)
            mismatch(w, d, "test bit/target");
        break;
    case A64_OP_SVC:
        if (nimms != 1 || imms[0] != d->imm)
            mismatch(w, d, "SVC imm");
        break;
    case A64_OP_MRS: case A64_OP_MSR:
        for (int i = 0; i < a->op_count; i++) {
            const cs_arm64_op *o = &a->operands[i];
            if ((o->type == ARM64_OP_REG_MRS || o->type == ARM64_OP_REG_MSR) &&
                (unsigned)o->reg != sysreg_enc_of[d->imm])
                mismatch(w, d, "system register %#x", (unsigned)o->reg);
        }
        break;
    case A64_OP_CCMN_REG: case A64_OP_CCMP_REG:
        if (nimms != 1 || imms[0] != d->nzcv || (int)a->cc != cc_of(d->cond))
            mismatch(w, d, "ccmp nzcv/cond");
        break;
    case A64_OP_CCMN_IMM: case A64_OP_CCMP_IMM:
        if (nimms != 2 || imms[0] != d->imm || imms[1] != d->nzcv || (int)a->cc != cc_of(d->cond))
            mismatch(w, d, "ccmp imm/nzcv/cond");
        break;
    case A64_OP_CSEL: case A64_OP_CSINC: case A64_OP_CSINV: case A64_OP_CSNEG:
        if (canonical && (int)a->cc != cc_of(d->cond))
            mismatch(w, d, "csel cond");
        break;
    case A64_OP_ADD_SHIFT: case A64_OP_ADDS_SHIFT: case A64_OP_SUB_SHIFT: case A64_OP_SUBS_SHIFT:
    case A64_OP_AND_SHIFT: case A64_OP_BIC_SHIFT: case A64_OP_ORR_SHIFT: case A64_OP_ORN_SHIFT:
    case A64_OP_EOR_SHIFT: case A64_OP_EON_SHIFT: case A64_OP_ANDS_SHIFT: case A64_OP_BICS_SHIFT:
        if (d->amount && (!last_reg || last_reg->shift.value != d->amount ||
                          (int)last_reg->shift.type != (d->shift == 0 ? ARM64_SFT_LSL
                                                        : d->shift == 1 ? ARM64_SFT_LSR
                                                        : d->shift == 2 ? ARM64_SFT_ASR
                                                        : ARM64_SFT_ROR)))
            mismatch(w, d, "shift %u #%u", d->shift, d->amount);
        break;
    case A64_OP_ADD_EXT: case A64_OP_ADDS_EXT: case A64_OP_SUB_EXT: case A64_OP_SUBS_EXT:
        if (!last_reg) {
            mismatch(w, d, "no rm");
        } else if (last_reg->ext) {
            if ((int)last_reg->ext != d->shift + 1 || last_reg->shift.value != d->amount)
                mismatch(w, d, "extend %u #%u", d->shift, d->amount);
        } else if (d->shift != (d->sf ? A64_EXT_UXTX : A64_EXT_UXTW) ||
                   last_reg->shift.value != d->amount) {
            mismatch(w, d, "LSL form of extend %u #%u", d->shift, d->amount);
        }
        break;
    case A64_OP_LDR_LIT:
        if (nimms != 1 || imms[0] != target)
            mismatch(w, d, "literal address");
        sz = id_size(id, &sign);
        if (sign != !!(d->flags & A64_F_SIGNED) || (sz >= 0 && sz != d->size) ||
            (sz < 0 && d->size != 2 + first_x) || d->sf != first_x)
            mismatch(w, d, "literal size/sign");
        break;
    case A64_OP_PRFM:
        for (int i = 0; i < a->op_count; i++) {
            const cs_arm64_op *o = &a->operands[i];
            if (i == 0 && o->type == ARM64_OP_PREFETCH && (unsigned)o->prefetch != d->rd + 1u)
                mismatch(w, d, "prfop %u", d->rd);
            if (o->type == ARM64_OP_MEM && !o->mem.index && o->mem.disp != d->imm)
                mismatch(w, d, "PRFM offset");
        }
        if (!mem && (nimms < 1 || imms[nimms - 1] != target))
            mismatch(w, d, "PRFM literal");
        break;
    case A64_OP_LDR_IMM: case A64_OP_STR_IMM: case A64_OP_LDR_REG: case A64_OP_STR_REG:
    case A64_OP_LDP: case A64_OP_STP: case A64_OP_LDXR: case A64_OP_STXR: case A64_OP_LDXP:
    case A64_OP_STXP: case A64_OP_LDAR: case A64_OP_STLR: {
        int wb = !!(d->flags & (A64_F_WB_PRE | A64_F_WB_POST));
        int x_reg = (d->op == A64_OP_STXR || d->op == A64_OP_STXP) ? -1 : first_x;
        sz = id_size(id, &sign);
        if (!mem) {
            mismatch(w, d, "no memory operand");
            break;
        }
        if (a->writeback != wb)
            mismatch(w, d, "writeback");
        if (d->flags & A64_F_WB_POST) {
            if (mem->mem.disp != 0 || nimms != 1 || imms[0] != d->imm)
                mismatch(w, d, "post-index offset");
        } else if (mem->mem.disp != d->imm) {
            mismatch(w, d, "offset %lld, capstone %d", (long long)d->imm, mem->mem.disp);
        }
        if (sign != !!(d->flags & A64_F_SIGNED))
            mismatch(w, d, "signedness");
        if (sz >= 0 ? sz != d->size : (x_reg >= 0 && d->size != 2 + x_reg))
            mismatch(w, d, "size %u", d->size);
        if (x_reg >= 0 && d->sf != x_reg)
            mismatch(w, d, "sf %u", d->sf);
        if ((id == ARM64_INS_LDNP || id == ARM64_INS_STNP) != !!(d->flags & A64_F_NONTEMP))
            mismatch(w, d, "non-temporal");
        if (d->op == A64_OP_LDR_REG || d->op == A64_OP_STR_REG) {
            int ext = mem->ext ? (int)mem->ext - 1 : A64_EXT_UXTX;
            if (ext != d->shift || (mem->shift.type ? mem->shift.value : 0) != d->amount)
                mismatch(w, d, "index extend %u #%u", d->shift, d->amount);
        }
        break;
    }
    default:
        break;
    }
}

/* FP/SIMD: every B/H/S/D/Q/V register capstone names must be one of the record's V fields (a
 * register list: any register of it), and each V field must be named by capstone. 1 if fine. */
static int simd_vregs(uint32_t w, const struct a64_insn *d)
{
    cs_arm64 *a = &csi->detail->arm64;
    static const unsigned base[] = { ARM64_REG_B0, ARM64_REG_H0, ARM64_REG_S0, ARM64_REG_D0, ARM64_REG_Q0, ARM64_REG_V0 };
    int structs = d->op == A64_OP_LDN_M || d->op == A64_OP_STN_M || d->op == A64_OP_LDS_V ||
                  d->op == A64_OP_STS_V || d->op == A64_OP_LDNR; /* lists of `shift` registers at rd */
    unsigned list = (d->op == A64_OP_LD1_M || d->op == A64_OP_ST1_M || d->op == A64_OP_TBL_V ||
                     d->op == A64_OP_TBX_V || structs) ? d->shift : 1;
    uint32_t seen = 0, want = 0;
    struct { uint32_t bits; unsigned reg, n; } vf[4] = {
        { A64_P_V_RD | A64_P_V_WD, d->rd, (d->op == A64_OP_LD1_M || d->op == A64_OP_ST1_M || structs) ? list : 1 },
        { A64_P_V_RN, d->rn, (d->op == A64_OP_TBL_V || d->op == A64_OP_TBX_V) ? list : 1 },
        { A64_P_V_RM, d->rm, 1 },
        { A64_P_V_RA | A64_P_V_WA, d->ra, 1 },
    };
    for (int f = 0; f < 4; f++)
        if (d->flags & vf[f].bits)
            for (unsigned k = 0; k < vf[f].n; k++)
                want |= 1u << ((vf[f].reg + k) & 31);
    for (int i = 0; i < a->op_count; i++) {
        const cs_arm64_op *o = &a->operands[i];
        if (o->type != ARM64_OP_REG)
            continue;
        int v = -1;
        for (size_t b = 0; b < sizeof base / sizeof base[0]; b++)
            if (o->reg >= base[b] && o->reg < base[b] + 32)
                v = (int)(o->reg - base[b]);
        if (v < 0)
            continue;
        if (!(want & (1u << v))) {
            mismatch(w, d, "capstone names v%d, not a V field of the record", v);
            return 0;
        }
        seen |= 1u << v;
    }
    if (seen != want) {
        mismatch(w, d, "V fields %08x, capstone names %08x", want, seen);
        return 0;
    }
    return 1;
}

/* Scalar FP (decode/a64_decode_fp.inc): capstone's operands one by one against the record: each
 * register in the order of the op's fields, V registers with the width of `size` (FCVT's source:
 * `shift`), general registers with the W/X width of `sf`, then the fbits, nzcv and condition. */
static void fp_operands(uint32_t w, const struct a64_insn *d)
{
    cs_arm64 *a = &csi->detail->arm64;
    static const unsigned base[] = { ARM64_REG_B0, ARM64_REG_H0, ARM64_REG_S0, ARM64_REG_D0 };
    const char *order;
    unsigned op = d->op;
    switch (op) {
    case A64_OP_FMUL_S: case A64_OP_FDIV_S: case A64_OP_FADD_S: case A64_OP_FSUB_S: case A64_OP_FMAX_S:
    case A64_OP_FMIN_S: case A64_OP_FMAXNM_S: case A64_OP_FMINNM_S: case A64_OP_FNMUL_S: case A64_OP_FCSEL_S:
        order = "DNM"; break;
    case A64_OP_FMADD_S: case A64_OP_FMSUB_S: case A64_OP_FNMADD_S: case A64_OP_FNMSUB_S: order = "DNMA"; break;
    case A64_OP_FCMP_S: case A64_OP_FCMPE_S: case A64_OP_FCCMP_S: case A64_OP_FCCMPE_S: order = "NM"; break;
    case A64_OP_FCMPZ_S: case A64_OP_FCMPEZ_S: order = "N"; break;
    case A64_OP_SCVTF_S: case A64_OP_UCVTF_S: order = "Dn"; break;
    case A64_OP_FCVT_S: order = "DS"; break;
    default: order = op >= A64_OP_FCVTNS_S && op <= A64_OP_FCVTAU_S ? "dN" : "DN"; break;
    }
    int k = 0, nimm = 0;
    int64_t imm = -1;
    for (int i = 0; i < a->op_count; i++) {
        const cs_arm64_op *o = &a->operands[i];
        if (o->type == ARM64_OP_IMM || o->type == ARM64_OP_CIMM) {
            imm = o->imm, nimm++;
            continue;
        }
        if (o->type != ARM64_OP_REG)
            continue;
        char f = order[k] ? order[k] : '?';
        k++;
        if (f == 'd' || f == 'n') {
            struct csreg r = cs_reg(o->reg);
            if (r.slot < 0 || !slot_eq(r.slot, f == 'd' ? d->rd : d->rn) || r.x != d->sf)
                mismatch(w, d, "FP operand %d: general register %u (sf %u)", k, f == 'd' ? d->rd : d->rn, d->sf);
            continue;
        }
        unsigned want = f == 'D' ? d->rd : f == 'N' || f == 'S' ? d->rn : f == 'M' ? d->rm : d->ra;
        unsigned width = f == 'S' ? d->shift : d->size;
        if (width > 3 || o->reg < base[width] || o->reg >= base[width] + 32 || o->reg - base[width] != want)
            mismatch(w, d, "FP operand %d: want %c%u of size %u", k, f, want, width);
    }
    if (k != (int)strlen(order))
        mismatch(w, d, "FP: capstone has %d registers, expected %s", k, order);
    if (op == A64_OP_FCCMP_S || op == A64_OP_FCCMPE_S) {
        if (nimm != 1 || imm != d->nzcv || (int)a->cc != cc_of(d->cond))
            mismatch(w, d, "FCCMP nzcv/cond");
    } else if (op == A64_OP_FCSEL_S) {
        if ((int)a->cc != cc_of(d->cond))
            mismatch(w, d, "FCSEL cond");
    } else if (d->amount ? nimm != 1 || imm != d->amount : nimm != 0) {
        mismatch(w, d, "fbits %u", d->amount);
    }
}

/* Advanced SIMD floating point (A64_OPS_VFP): element size and Q against capstone's arrangement of
 * the destination (vector) or its register bank (scalar), the by-element index, and the fbits of
 * the fixed-point conversions. */
static void vfp_values(uint32_t w, const struct a64_insn *d)
{
    cs_arm64 *a = &csi->detail->arm64;
    const cs_arm64_op *vd = NULL, *vm = NULL;
    int64_t imm = -1;
    for (int i = 0; i < a->op_count; i++) {
        const cs_arm64_op *o = &a->operands[i];
        if (o->type == ARM64_OP_REG && !vd)
            vd = o;
        else if (o->type == ARM64_OP_REG)
            vm = o;
        else if (o->type == ARM64_OP_IMM)
            imm = o->imm;
    }
    if (!vd) {
        mismatch(w, d, "no destination register");
        return;
    }
    int want = -1;
    unsigned sz = d->size, q = d->sf;
    switch (d->op) {
    case A64_OP_FCVTL_V: want = sz == 1 ? ARM64_VAS_4S : ARM64_VAS_2D; break;
    case A64_OP_FCVTN_V: want = sz == 1 ? (q ? ARM64_VAS_8H : ARM64_VAS_4H) : (q ? ARM64_VAS_4S : ARM64_VAS_2S); break;
    case A64_OP_FCVTXN_V: want = d->shift ? -1 : q ? ARM64_VAS_4S : ARM64_VAS_2S; break;
    case A64_OP_FMAXV_V: case A64_OP_FMINV_V: case A64_OP_FMAXNMV_V: case A64_OP_FMINNMV_V: break;
    default:
        if (!d->shift)
            want = sz == 3 ? ARM64_VAS_2D : q ? ARM64_VAS_4S : ARM64_VAS_2S;
        break;
    }
    if (want >= 0 && (int)vd->vas != want)
        mismatch(w, d, "arrangement %d, capstone %d (size %u Q %u)", want, (int)vd->vas, sz, q);
    if (d->shift || want < 0) { /* scalar or across lanes: an S or D destination */
        unsigned bank = sz == 3 && d->op != A64_OP_FCVTXN_V ? ARM64_REG_D0 : ARM64_REG_S0;
        if (vd->reg < bank || vd->reg >= bank + 32)
            mismatch(w, d, "scalar destination bank (size %u)", sz);
    }
    if (d->op == A64_OP_FMUL_VE || d->op == A64_OP_FMULX_VE || d->op == A64_OP_FMLA_VE || d->op == A64_OP_FMLS_VE) {
        if (!vm || vm->vector_index != d->imms)
            mismatch(w, d, "element index %u, capstone %d", d->imms, vm ? vm->vector_index : -1);
    }
    if (d->op == A64_OP_SCVTF_V || d->op == A64_OP_UCVTF_V || d->op == A64_OP_FCVTZS_V || d->op == A64_OP_FCVTZU_V) {
        if (imm != (imm < 0 ? -1 : (int64_t)d->amount) || (imm < 0 && d->amount))
            mismatch(w, d, "fbits %u, capstone %lld", d->amount, (long long)imm);
    }
}

/* FP/SIMD immediates and element indices capstone shows as operands: the shift amount of the
 * shift-by-immediate operations, the element index of the by-element operations, scalar DUP and
 * the single-structure loads and stores. 1 if fine. */
static int simd_fields(uint32_t w, const struct a64_insn *d)
{
    cs_arm64 *a = &csi->detail->arm64;
    int64_t imm = -1;
    int index = -1;
    for (int i = 0; i < a->op_count; i++) {
        const cs_arm64_op *o = &a->operands[i];
        if (o->type == ARM64_OP_IMM)
            imm = o->imm;
        if (o->type == ARM64_OP_REG && o->vector_index != -1)
            index = o->vector_index;
    }
    /* The scalar long forms, Sd, Hn or Dd, Sn: the banks say the element size. */
    if (d->imms && ((d->op >= A64_OP_SQDMULL_V && d->op <= A64_OP_SQDMLSL_V) ||
                    (d->op >= A64_OP_SQDMULL_E && d->op <= A64_OP_SQDMLSL_E))) {
        static const unsigned bank[] = { ARM64_REG_B0, ARM64_REG_H0, ARM64_REG_S0, ARM64_REG_D0 };
        unsigned sz = d->size & 3;
        if (a->op_count < 2 || sz == 0 || sz == 3 || a->operands[0].reg != bank[sz + 1] + d->rd ||
            a->operands[1].reg != bank[sz] + d->rn) {
            mismatch(w, d, "scalar long form: want %c%u, %c%u", "bhsd"[(sz + 1) & 3], d->rd, "bhsd"[sz], d->rn);
            return 0;
        }
    }
    switch (d->op) {
    case A64_OP_SRSHR_V: case A64_OP_URSHR_V: case A64_OP_SRSRA_V: case A64_OP_URSRA_V:
    case A64_OP_SRI_V: case A64_OP_SLI_V: case A64_OP_RSHRN_V: case A64_OP_SQSHRN_V:
    case A64_OP_UQSHRN_V: case A64_OP_SQRSHRN_V: case A64_OP_UQRSHRN_V: case A64_OP_SQSHRUN_V:
    case A64_OP_SQRSHRUN_V: case A64_OP_SSHR_V: case A64_OP_USHR_V: case A64_OP_SHL_V:
    case A64_OP_SSRA_V: case A64_OP_USRA_V: case A64_OP_SHRN_V: case A64_OP_SQSHL_VI: case A64_OP_UQSHL_VI:
    case A64_OP_SQSHLU_V:
        if (imm != d->amount) {
            mismatch(w, d, "shift amount %u, capstone %lld", d->amount, (long long)imm);
            return 0;
        }
        break;
    case A64_OP_MUL_E: case A64_OP_MLA_E: case A64_OP_MLS_E: case A64_OP_SMULL_E: case A64_OP_UMULL_E:
    case A64_OP_SMLAL_E: case A64_OP_UMLAL_E: case A64_OP_SMLSL_E: case A64_OP_UMLSL_E:
    case A64_OP_SQDMULH_E: case A64_OP_SQRDMULH_E: case A64_OP_LDS_V: case A64_OP_STS_V:
    case A64_OP_SQDMULL_E: case A64_OP_SQDMLAL_E: case A64_OP_SQDMLSL_E:
        if (index != d->immr) {
            mismatch(w, d, "element index %u, capstone %d", d->immr, index);
            return 0;
        }
        break;
    case A64_OP_DUP_S:
        if (index != d->imms) {
            mismatch(w, d, "element index %u, capstone %d", d->imms, index);
            return 0;
        }
        break;
    default:
        break;
    }
    return 1;
}

/* Compare the record with capstone's detail. Registers: every GPR capstone names must be one of
 * our register fields (SP versus ZR exactly); for the canonical (non-alias) id the register
 * sequence must equal the op's field order. Immediates, conditions, sizes, writeback per op. */
static void cross_check(uint32_t w, const struct a64_insn *d)
{
    cs_arm64 *a = &csi->detail->arm64;
    unsigned id = csi->id;
    int canonical = op_ids[d->op][0] == id;
    int regs[8], nregs = 0, first_x = -1;
    int64_t imms[4];
    int nimms = 0, has_mem = 0;
    cs_arm64_op *mem = NULL, *last_reg = NULL;
    unsigned fields[4] = { d->rd, d->rn, d->rm, d->ra };
    /* V register fields (A64_P_V_*) are no GPR slots: checked by simd_vregs instead. */
    const uint32_t vbits[4] = { A64_P_V_RD | A64_P_V_WD, A64_P_V_RN, A64_P_V_RM, A64_P_V_RA | A64_P_V_WA };
    for (int f = 0; f < 4; f++)
        if (d->flags & vbits[f])
            fields[f] = 0xff;
    if ((d->flags & A64_P_SIMD) && (!simd_vregs(w, d) || !simd_fields(w, d)))
        return;
    if (d->op >= A64_OP_FABS_S && d->op <= A64_OP_FJCVTZS_S)
        fp_operands(w, d);

    for (int i = 0; i < a->op_count; i++) {
        cs_arm64_op *o = &a->operands[i];
        if (o->type == ARM64_OP_REG) {
            struct csreg r = cs_reg(o->reg);
            if (r.slot < 0)
                continue;
            if (first_x < 0)
                first_x = r.x;
            regs[nregs++] = r.slot;
            last_reg = o;
        } else if (o->type == ARM64_OP_IMM || o->type == ARM64_OP_CIMM) {
            if (nimms < 4)
                imms[nimms++] = o->imm;
        } else if (o->type == ARM64_OP_MEM) {
            has_mem = 1;
            mem = o;
            regs[nregs++] = cs_reg(o->mem.base).slot;
            if (o->mem.index)
                regs[nregs++] = cs_reg(o->mem.index).slot;
        }
    }
    for (int i = 0; i < nregs; i++) {
        int ok = 0;
        for (int f = 0; f < 4; f++)
            ok |= slot_eq(regs[i], fields[f]);
        if (!ok) {
            mismatch(w, d, "capstone register slot %d not in record (rd %u rn %u rm %u ra %u)",
                 regs[i], d->rd, d->rn, d->rm, d->ra);
            return;
        }
    }

    /* The other way round: an SP slot of ours must be an SP in capstone's text, and the aliases
     * that drop a ZR destination (CMP, CMN, TST) must have the sink there. */
    for (int f = 0; f < 4; f++) {
        int found = 0;
        if (fields[f] != A64_REG_SP || (f == 0 && d->op == A64_OP_PRFM))
            continue;
        for (int i = 0; i < nregs; i++)
            found |= regs[i] == A64_REG_SP;
        if (!found) {
            mismatch(w, d, "field %d is SP, capstone names no SP", f);
            return;
        }
    }
    if ((id == ARM64_INS_CMP || id == ARM64_INS_CMN || id == ARM64_INS_TST) &&
        d->rd != A64_REG_SINK) {
        mismatch(w, d, "compare alias without the ZR sink as rd (%u)", d->rd);
        return;
    }

    /* Canonical register order per op. */
    const char *order = NULL;
    switch (d->op) {
    case A64_OP_ADD_IMM: case A64_OP_ADDS_IMM: case A64_OP_SUB_IMM: case A64_OP_SUBS_IMM:
    case A64_OP_AND_IMM: case A64_OP_ORR_IMM: case A64_OP_EOR_IMM: case A64_OP_ANDS_IMM:
    case A64_OP_SBFM: case A64_OP_BFM: case A64_OP_UBFM:
    case A64_OP_RBIT: case A64_OP_REV16: case A64_OP_REV32: case A64_OP_REV: case A64_OP_CLZ:
    case A64_OP_CLS:
        order = "dn"; break;
    case A64_OP_EXTR: case A64_OP_ADD_SHIFT: case A64_OP_ADDS_SHIFT: case A64_OP_SUB_SHIFT:
    case A64_OP_SUBS_SHIFT: case A64_OP_ADD_EXT: case A64_OP_ADDS_EXT: case A64_OP_SUB_EXT:
    case A64_OP_SUBS_EXT: case A64_OP_AND_SHIFT: case A64_OP_BIC_SHIFT: case A64_OP_ORR_SHIFT:
    case A64_OP_ORN_SHIFT: case A64_OP_EOR_SHIFT: case A64_OP_EON_SHIFT: case A64_OP_ANDS_SHIFT:
    case A64_OP_BICS_SHIFT: case A64_OP_ADC: case A64_OP_ADCS: case A64_OP_SBC: case A64_OP_SBCS:
    case A64_OP_CSEL: case A64_OP_CSINC: case A64_OP_CSINV: case A64_OP_CSNEG:
    case A64_OP_UDIV: case A64_OP_SDIV: case A64_OP_LSLV: case A64_OP_LSRV: case A64_OP_ASRV:
    case A64_OP_RORV: case A64_OP_SMULH: case A64_OP_UMULH:
        order = "dnm"; break;
    case A64_OP_MADD: case A64_OP_MSUB: case A64_OP_SMADDL: case A64_OP_SMSUBL:
    case A64_OP_UMADDL: case A64_OP_UMSUBL:
        order = "dnma"; break;
    case A64_OP_CCMN_REG: case A64_OP_CCMP_REG: order = "nm"; break;
    case A64_OP_CCMN_IMM: case A64_OP_CCMP_IMM: case A64_OP_BR: case A64_OP_BLR:
    case A64_OP_RET: order = "n"; break;
    case A64_OP_ADR: case A64_OP_ADRP: case A64_OP_MOVZ: case A64_OP_MOVN: case A64_OP_MOVK:
    case A64_OP_CBZ: case A64_OP_CBNZ: case A64_OP_TBZ: case A64_OP_TBNZ: case A64_OP_MRS:
    case A64_OP_MSR: case A64_OP_LDR_LIT:
        order = "d"; break;
    case A64_OP_LDR_IMM: case A64_OP_STR_IMM: case A64_OP_LDXR: case A64_OP_LDAR:
    case A64_OP_STLR:
        order = "dn"; break;
    case A64_OP_LDR_REG: case A64_OP_STR_REG: order = "dnm"; break;
    case A64_OP_LDP: case A64_OP_STP: case A64_OP_LDXP: order = "dan"; break;
    case A64_OP_STXR: order = "mdn"; break;
    case A64_OP_STXP: order = "mdan"; break;
    default: break;
    }
    if (d->op == A64_OP_RET && d->rn == 30 && nregs == 0)
        order = NULL; /* "ret" names x30 implicitly */
    if (canonical && order) {
        int n = (int)strlen(order);
        if (n != nregs) {
            mismatch(w, d, "capstone has %d registers, expected %d", nregs, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            unsigned f = order[i] == 'd' ? d->rd : order[i] == 'n' ? d->rn
                       : order[i] == 'm' ? d->rm : d->ra;
            if (!slot_eq(regs[i], f)) {
                mismatch(w, d, "register %d: capstone slot %d, ours %u", i, regs[i], f);
                return;
            }
        }
    }
    if ((id == ARM64_INS_ADD || id == ARM64_INS_SUB || id == ARM64_INS_AND || id == ARM64_INS_BIC ||
         id == ARM64_INS_ADC || id == ARM64_INS_SBC) &&
        a->update_flags != !!(d->flags & A64_P_SETS_FLAGS))
        mismatch(w, d, "flag setting differs");
    check_values(w, d, canonical, imms, nimms, mem, last_reg, first_x);
    if (d->op >= A64_OP_FADD_V && d->op <= A64_OP_FMINNMP_S)
        vfp_values(w, d);
    (void)has_mem;
}

/* One word through both decoders; returns 1 when capstone decoded it. */
static int check_word(uint32_t w, int *valid_ours)
{
    struct a64_insn d;
    uint8_t b[4] = { (uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24) };
    const uint8_t *code = b;
    size_t size = 4;
    uint64_t addr = TEST_PC;
    int cs_ok;

    a64_decode(w, &d);
    if (capstone_lacks(w)) {
        *valid_ours = d.op != A64_OP_UNDEF;
        return 0;
    }
    cs_ok = cs_disasm_iter(cs, &code, &size, &addr, csi);
    if (!cs_ok)
        csi->size = 0;
    *valid_ours = d.op != A64_OP_UNDEF;
    if (d.word != w)
        mismatch(w, &d, "word field %08x", d.word);
    if (!cs_ok) {
        if (d.op != A64_OP_UNDEF && !capstone_wrong(w))
            mismatch(w, &d, "capstone says invalid, we decode it");
        return 0;
    }
    if (d.op == A64_OP_UNDEF) {
        if (in_supported_class(w) && !deliberately_undef(w))
            mismatch(w, &d, "in a supported class, capstone decodes it, we say UNDEF");
        return 1;
    }
    if (deliberately_undef(w)) {
        mismatch(w, &d, "should be UNDEF: %s", deliberately_undef(w));
        return 1;
    }
    if (!op_maps(d.op, csi->id)) {
        mismatch(w, &d, "capstone id %u (%s) does not map", csi->id, cs_insn_name(cs, csi->id));
        return 1;
    }
    cross_check(w, &d);
    return 1;
}

/* ---- tests ---------------------------------------------------------------------------------- */

static int setup(void **state)
{
    const char *env = getenv("TEMU_SEED");
    (void)state;
    seed = env ? strtoull(env, NULL, 0) : DEFAULT_SEED;
    rng_state = seed ? seed : 1;
    if (cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &cs) != CS_ERR_OK)
        return -1;
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
    csi = cs_malloc(cs);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cs_free(csi, 1);
    cs_close(&cs);
    return 0;
}

/* Every supported class: random fields around the fixed bits; at least a quarter valid. */
static void test_classes_agree(void **state)
{
    (void)state;
    nfail = 0;
    for (int c = 0; c < NUM_CLASSES; c++) {
        int ours = 0, theirs = 0, valid;
        for (int i = 0; i < 20000; i++) {
            uint32_t w = (rng32() & ~classes[c].mask) | classes[c].value;
            theirs += check_word(w, &valid);
            ours += valid;
        }
        /* Default: 2.5% (Extract has sf == N and, for sf=0, imms < 32: about 5% valid). */
        int min = classes[c].min_valid ? classes[c].min_valid : 500;
        if (ours < min || theirs < min)
            print_error("class %s: only %d (ours) / %d (capstone) of 20000 valid\n",
                        classes[c].name, ours, theirs), nfail++;
    }
    if (nfail)
        fail_msg("%d mismatches, last: %s (seed %#llx)", nfail, failbuf, (unsigned long long)seed);
}

/* Random words over the whole encoding space. */
static void test_random_words(void **state)
{
    int valid, n = 1000000;
    const char *env = getenv("TEMU_RANDOM_WORDS");
    (void)state;
    if (env)
        n = atoi(env);
    nfail = 0;
    for (int i = 0; i < n; i++)
        check_word(rng32(), &valid);
    if (nfail)
        fail_msg("%d mismatches, last: %s (seed %#llx)", nfail, failbuf, (unsigned long long)seed);
}

/* ---- the classes capstone lacks, against llvm-mc ---------------------------------------------- */

/* Slot of an llvm-mc register name (31 SP, 32 ZR), *x its width; -1 if not a general register. */
static int llvm_reg(const char *t, int *x)
{
    *x = t[0] == 'x' || !strcmp(t, "sp");
    if (!strcmp(t, "sp") || !strcmp(t, "wsp"))
        return 31;
    if (!strcmp(t, "xzr") || !strcmp(t, "wzr"))
        return 32;
    if ((t[0] == 'x' || t[0] == 'w') && t[1] >= '0' && t[1] <= '9')
        return atoi(t + 1);
    return -1;
}

/* Width (size: 1 h, 2 s, 3 d) and number of an llvm-mc FP register name; -1 if not one. */
static int llvm_vreg(const char *t, unsigned *size)
{
    const char *banks = "hsd";
    const char *b = t[0] ? strchr(banks, t[0]) : NULL;
    if (!b || t[1] < '0' || t[1] > '9')
        return -1;
    *size = (unsigned)(b - banks) + 1;
    return atoi(t + 1);
}

/* The value of a half-precision bit pattern, exactly (every half is a double). */
static double half_value(uint64_t h)
{
    int e = (int)(h >> 10 & 31);
    double m = (double)(h & 0x3ff), v = e ? (m + 1024.0) * ldexp(1.0, e - 25) : m * ldexp(1.0, -24);
    return h >> 15 & 1 ? -v : v;
}

/* llvm-mc's text of a scalar FP word with ftype 11 (FEAT_FP16, and FCVT from half) against our
 * record: the operation by mnemonic (fmov by its operands), every register with its bank or
 * width, fbits, nzcv, the condition and FMOV's immediate. ops: the operand tokens. */
static void llvm_fp16_check(uint32_t w, const struct a64_insn *d, const char *mn, const char *const *ops, int nops)
{
    static const char *const conds[16] = { "eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc",
                                           "hi", "ls", "ge", "lt", "gt", "le", "al", "nv" };
    unsigned op = A64_OP_UNDEF, vsz[4] = { 0, 0, 0, 0 };
    int v[4], g[4], gx[4];
    if (nops > 4) {
        mismatch(w, d, "%s: %d operands", mn, nops);
        return;
    }
    for (int i = 0; i < nops; i++) {
        v[i] = llvm_vreg(ops[i], &vsz[i]);
        g[i] = llvm_reg(ops[i], &gx[i]);
    }
    if (!strcmp(mn, "fmov")) {
        op = nops == 2 && v[0] >= 0 && v[1] >= 0 ? A64_OP_FMOV_V : nops == 2 && ops[1][0] == '#' ? A64_OP_MOVI_V
           : nops == 2 && g[1] >= 0 ? A64_OP_FMOV_TOV : A64_OP_FMOV_FROMV;
    } else {
        for (unsigned k = A64_OP_FABS_S; k <= A64_OP_FJCVTZS_S; k++) {
            char name[32];
            size_t n = 0;
            for (const char *c = a64_op_name(k); *c && *c != '_' && n < sizeof name - 1; c++)
                name[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
            name[n] = 0;
            if (!strcmp(name, mn) && op == A64_OP_UNDEF)
                op = k;
        }
        if ((op == A64_OP_FCMP_S || op == A64_OP_FCMPE_S) && nops == 2 && !strcmp(ops[1], "#0.0"))
            op = op == A64_OP_FCMP_S ? A64_OP_FCMPZ_S : A64_OP_FCMPEZ_S;
    }
    if (d->op != op) {
        mismatch(w, d, "llvm-mc says %s (%d operands)", mn, nops);
        return;
    }
    /* expected operands: 'v' a V register (number, size), 'g' a general one, '#' fbits (or none) */
    unsigned vf[4], sizes[4] = { d->size, d->size, d->size, d->size }, gf = 0;
    const char *shape = "vv";
    switch (op) {
    case A64_OP_FCVT_S: vf[0] = d->rd, vf[1] = d->rn, sizes[1] = d->shift; break;
    case A64_OP_FMUL_S: case A64_OP_FDIV_S: case A64_OP_FADD_S: case A64_OP_FSUB_S: case A64_OP_FMAX_S:
    case A64_OP_FMIN_S: case A64_OP_FMAXNM_S: case A64_OP_FMINNM_S: case A64_OP_FNMUL_S:
        shape = "vvv", vf[0] = d->rd, vf[1] = d->rn, vf[2] = d->rm;
        break;
    case A64_OP_FMADD_S: case A64_OP_FMSUB_S: case A64_OP_FNMADD_S: case A64_OP_FNMSUB_S:
        shape = "vvvv", vf[0] = d->rd, vf[1] = d->rn, vf[2] = d->rm, vf[3] = d->ra;
        break;
    case A64_OP_FCMP_S: case A64_OP_FCMPE_S: vf[0] = d->rn, vf[1] = d->rm; break;
    case A64_OP_FCMPZ_S: case A64_OP_FCMPEZ_S: shape = "v0", vf[0] = d->rn; break;
    case A64_OP_FCCMP_S: case A64_OP_FCCMPE_S: shape = "vvnc", vf[0] = d->rn, vf[1] = d->rm; break;
    case A64_OP_FCSEL_S: shape = "vvvc", vf[0] = d->rd, vf[1] = d->rn, vf[2] = d->rm; break;
    case A64_OP_SCVTF_S: case A64_OP_UCVTF_S: case A64_OP_FMOV_TOV:
        shape = "vg#", vf[0] = d->rd, gf = d->rn;
        break;
    case A64_OP_MOVI_V: shape = "vi", vf[0] = d->rd; break;
    case A64_OP_FMOV_FROMV: case A64_OP_FCVTNS_S: case A64_OP_FCVTNU_S: case A64_OP_FCVTPS_S:
    case A64_OP_FCVTPU_S: case A64_OP_FCVTMS_S: case A64_OP_FCVTMU_S: case A64_OP_FCVTZS_S:
    case A64_OP_FCVTZU_S: case A64_OP_FCVTAS_S: case A64_OP_FCVTAU_S:
        shape = "gv#", gf = d->rd, vf[1] = d->rn;
        break;
    default: vf[0] = d->rd, vf[1] = d->rn; break; /* 1 source, FMOV register */
    }
    int want = (int)strlen(shape) - (shape[strlen(shape) - 1] == '#' && !d->amount);
    if (nops != want) {
        mismatch(w, d, "%s: llvm-mc has %d operands, expected %d", mn, nops, want);
        return;
    }
    for (int i = 0; i < nops; i++) {
        switch (shape[i]) {
        case 'v':
            if (v[i] != (int)vf[i] || vsz[i] != sizes[i])
                mismatch(w, d, "%s: operand %d %s, ours V%u size %u", mn, i, ops[i], vf[i], sizes[i]);
            break;
        case 'g':
            if (!slot_eq(g[i], gf) || gx[i] != (int)d->sf)
                mismatch(w, d, "%s: operand %d %s, ours slot %u sf %u", mn, i, ops[i], gf, d->sf);
            break;
        case '#':
            if (strtol(ops[i] + 1, NULL, 0) != (long)d->amount)
                mismatch(w, d, "%s: fbits %s, ours %u", mn, ops[i], d->amount);
            break;
        case 'n':
            if (strtol(ops[i] + 1, NULL, 0) != (long)d->nzcv)
                mismatch(w, d, "%s: nzcv %s, ours %u", mn, ops[i], d->nzcv);
            break;
        case 'c':
            if (strcmp(ops[i], conds[d->cond & 15]))
                mismatch(w, d, "%s: condition %s, ours %u", mn, ops[i], d->cond);
            break;
        case 'i':
            if (strtod(ops[i] + 1, NULL) != half_value((uint64_t)d->imm) || (uint64_t)d->imm >> 16)
                mismatch(w, d, "%s: %s, ours 0x%llx", mn, ops[i], (unsigned long long)d->imm);
            break;
        default: /* '0': #0.0, already matched */
            break;
        }
    }
    if ((op == A64_OP_FMOV_TOV || op == A64_OP_FMOV_FROMV) && d->size != 1)
        mismatch(w, d, "%s: size %u", mn, d->size);
}

/* llvm-mc's text of word w (mnemonic and operands) against our record d. */
static void llvm_check(uint32_t w, const struct a64_insn *d, char *line)
{
    static const char *const ldops[] = { "add", "clr", "eor", "set", "smax", "smin", "umax", "umin" };
    char *tok = strtok(line, " \t[],!\n");
    char mn[32];
    int regs[6], nregs = 0, x0 = -1, op = -1, nimm = 0, store_alias = 0, is_signed = 0, sz = -1;
    int64_t imm = 0;
    uint32_t want_flags = 0;
    const char *rest = "";
    snprintf(mn, sizeof mn, "%s", tok ? tok : "");
    const char *ops[4] = { "", "", "", "" }; /* the first operand tokens, for the FP forms */
    int nops = 0;
    while ((tok = strtok(NULL, " \t[],!\n"))) {
        int x;
        if (nops < 4)
            ops[nops] = tok;
        nops++; /* all of them: llvm_fp16_check counts */
        if (tok[0] == '#') {
            imm = strtoll(tok + 1, NULL, 0);
            nimm++;
        } else if (nregs < 6 && (regs[nregs] = llvm_reg(tok, &x)) >= 0) {
            if (x0 < 0)
                x0 = x;
            nregs++;
        }
    }
    if ((w & 0x5ec00000u) == 0x1ec00000u) {
        llvm_fp16_check(w, d, mn, ops, nops);
        return;
    } else if (!strncmp(mn, "casp", 4)) {
        op = A64_OP_CASP, rest = mn + 4;
    } else if (!strncmp(mn, "cas", 3)) {
        op = A64_OP_CAS, rest = mn + 3;
    } else if (!strncmp(mn, "swp", 3)) {
        op = A64_OP_SWP, rest = mn + 3;
    } else if (!strncmp(mn, "ldapurs", 7)) {
        op = A64_OP_LDR_IMM, rest = mn + 7, is_signed = 1, want_flags = A64_F_ACQUIRE | A64_F_SIGNED;
    } else if (!strncmp(mn, "ldapur", 6)) {
        op = A64_OP_LDR_IMM, rest = mn + 6, want_flags = A64_F_ACQUIRE;
    } else if (!strncmp(mn, "ldapr", 5)) {
        op = A64_OP_LDAR, rest = mn + 5, want_flags = A64_F_ACQUIRE;
    } else if (!strncmp(mn, "stlur", 5)) {
        op = A64_OP_STR_IMM, rest = mn + 5, want_flags = A64_F_RELEASE;
    } else if (!strcmp(mn, "fjcvtzs")) {
        /* fjcvtzs wd, dn: the W register is the only general one; the D source is rn */
        if (d->op != A64_OP_FJCVTZS_S || nregs != 1 || !slot_eq(regs[0], d->rd) || d->size != 3 || d->sf ||
            d->rn != (w >> 5 & 31))
            mismatch(w, d, "fjcvtzs operands");
        return;
    } else if (!strncmp(mn, "frint", 5)) {
        /* frint{32,64}{z,x} Vd, Vn: no general register; the op, the width (s/d) and the fields */
        static const char *const names[] = { "frint32z", "frint32x", "frint64z", "frint64x" };
        int k = 0;
        while (k < 4 && strcmp(mn, names[k]))
            k++;
        unsigned want_size = ops[0][0] == 'd' ? 3 : ops[0][0] == 's' ? 2 : 0;
        if (k == 4 || (int)d->op != A64_OP_FRINT32Z_S + k || d->size != want_size ||
            d->rd != (unsigned)atoi(ops[0] + 1) || d->rn != (unsigned)atoi(ops[1] + 1) || ops[1][0] != ops[0][0])
            mismatch(w, d, "%s %s, %s", mn, ops[0], ops[1]);
        return;
    } else if (!strncmp(mn, "ld", 2) || !strncmp(mn, "st", 2)) {
        store_alias = mn[0] == 's';
        for (int i = 0; i < 8; i++)
            if (!strncmp(mn + 2, ldops[i], strlen(ldops[i]))) {
                op = A64_OP_LDADD + i;
                rest = mn + 2 + strlen(ldops[i]);
            }
    }
    if (op < 0) {
        mismatch(w, d, "llvm-mc mnemonic %s not known here", mn);
        return;
    }
    if (op != A64_OP_LDR_IMM && op != A64_OP_LDAR && op != A64_OP_STR_IMM) {
        if (*rest == 'a')
            want_flags |= A64_F_ACQUIRE, rest++;
        if (*rest == 'l')
            want_flags |= A64_F_RELEASE, rest++;
    }
    if (*rest == 'b')
        sz = 0;
    else if (*rest == 'h')
        sz = 1;
    else if (*rest == 'w')
        sz = 2;
    else if (*rest)
        mismatch(w, d, "llvm-mc mnemonic %s: suffix %s", mn, rest);
    if (sz < 0)
        sz = x0 ? 3 : 2;
    int sf = is_signed ? x0 : sz == 3;
    if ((int)d->op != op) {
        mismatch(w, d, "llvm-mc says %s", mn);
        return;
    }
    if (d->size != sz || d->sf != sf)
        mismatch(w, d, "%s: size %u sf %u, llvm-mc %d %d", mn, d->size, d->sf, sz, sf);
    if ((d->flags & (A64_F_ACQUIRE | A64_F_RELEASE | A64_F_SIGNED)) != want_flags)
        mismatch(w, d, "%s: flags %#x", mn, d->flags);
    /* Registers in llvm-mc's order, as our fields. */
    unsigned f[6];
    int n = 0;
    switch (op) {
    case A64_OP_CAS: f[0] = d->rd, f[1] = d->rm, f[2] = d->rn, n = 3; break;
    case A64_OP_CASP: f[0] = d->rd, f[1] = d->ra, f[2] = d->rm, f[3] = d->rm2, f[4] = d->rn, n = 5; break;
    case A64_OP_LDR_IMM: case A64_OP_STR_IMM: case A64_OP_LDAR: f[0] = d->rd, f[1] = d->rn, n = 2; break;
    default:
        if (store_alias) {
            f[0] = d->rm, f[1] = d->rn, n = 2;
            if (d->rd != A64_REG_SINK)
                mismatch(w, d, "%s: rd %u is not the sink", mn, d->rd);
        } else {
            f[0] = d->rm, f[1] = d->rd, f[2] = d->rn, n = 3;
        }
        break;
    }
    if (n != nregs) {
        mismatch(w, d, "%s: llvm-mc has %d registers, expected %d", mn, nregs, n);
        return;
    }
    for (int i = 0; i < n; i++)
        if (!slot_eq(regs[i], f[i]))
            mismatch(w, d, "%s: register %d: llvm-mc slot %d, ours %u", mn, i, regs[i], f[i]);
    if (imm != d->imm || (nimm && op != A64_OP_LDR_IMM && op != A64_OP_STR_IMM))
        mismatch(w, d, "%s: imm %lld, llvm-mc %lld", mn, (long long)d->imm, (long long)imm);
}

/* The classes capstone lacks: random fields around each class's fixed bits through llvm-mc (one
 * run per class), which must agree on validity, operation, size, ordering bits, registers and
 * offsets. Skipped when there is no llvm-mc (TEMU_LLVM_MC names another). */
static void test_lse_llvm_mc(void **state)
{
    (void)state;
    const char *mc = getenv("TEMU_LLVM_MC") ? getenv("TEMU_LLVM_MC") : "llvm-mc";
    char in_path[64], err_path[64], cmd[512], line[256];
    enum { N = 4000 };
    static uint32_t words[N];
    static char invalid[N + 1];
    nfail = 0;
    snprintf(in_path, sizeof in_path, "llvm_mc_in_%ld.txt", (long)getpid());
    snprintf(err_path, sizeof err_path, "llvm_mc_err_%ld.txt", (long)getpid());
    snprintf(cmd, sizeof cmd, "%s --version >/dev/null 2>&1", mc);
    if (system(cmd) != 0) {
        print_message("no %s: the LSE and RCpc classes are not checked\n", mc);
        skip();
    }
    for (int c = 0; c < NUM_LLVM_CLASSES; c++) {
        FILE *in = fopen(in_path, "w");
        assert_non_null(in);
        for (int i = 0; i < N; i++) {
            uint32_t w = (rng32() & ~llvm_classes[c].mask) | llvm_classes[c].value;
            words[i] = w;
            fprintf(in, "0x%02x 0x%02x 0x%02x 0x%02x\n", w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, w >> 24);
        }
        fclose(in);
        snprintf(cmd, sizeof cmd, "%s --disassemble -triple=aarch64 -mattr=+lse,+rcpc,+rcpc-immo,+jsconv,+fptoint,+fullfp16 < %s 2> %s",
                 mc, in_path, err_path);
        memset(invalid, 0, sizeof invalid);
        FILE *out = popen(cmd, "r");
        assert_non_null(out);
        /* llvm-mc reports an invalid word on stderr by its line; read those first. */
        static char text[N][256];
        int nlines = 0;
        while (fgets(line, sizeof line, out))
            if (line[strspn(line, " \t")] != '.' && line[strspn(line, " \t\n")] != 0 && nlines < N)
                snprintf(text[nlines++], sizeof text[0], "%s", line);
        assert_int_equal(pclose(out), 0);
        FILE *err = fopen(err_path, "r");
        assert_non_null(err);
        while (fgets(line, sizeof line, err)) {
            int ln;
            if (sscanf(line, "<stdin>:%d:", &ln) == 1 && strstr(line, "invalid instruction encoding") &&
                ln >= 1 && ln <= N)
                invalid[ln - 1] = 1;
        }
        fclose(err);
        int k = 0, ours = 0, theirs = 0;
        for (int i = 0; i < N; i++) {
            struct a64_insn d;
            a64_decode(words[i], &d);
            csi->size = 0;
            ours += d.op != A64_OP_UNDEF;
            if (invalid[i]) {
                if (d.op != A64_OP_UNDEF)
                    mismatch(words[i], &d, "llvm-mc says invalid, we decode it");
                continue;
            }
            theirs++;
            if (k >= nlines) {
                mismatch(words[i], &d, "llvm-mc's output ended early");
                break;
            }
            char *t = text[k++];
            if (d.op == A64_OP_UNDEF) {
                mismatch(words[i], &d, "llvm-mc decodes it (%s), we say UNDEF", t);
                continue;
            }
            llvm_check(words[i], &d, t);
        }
        print_message("%s: %d of %d valid (llvm-mc %d)\n", llvm_classes[c].name, ours, N, theirs);
        if (ours < N / 40)
            print_error("class %s: only %d valid\n", llvm_classes[c].name, ours), nfail++;
    }
    remove(in_path);
    remove(err_path);
    if (nfail)
        fail_msg("%d mismatches, last: %s (seed %#llx)", nfail, failbuf, (unsigned long long)seed);
}

/* Optional extensions capstone 4 decodes in the Advanced SIMD space, which AT_HWCAP's ASIMD does
 * not promise: the crypto instructions (FEAT_AES, FEAT_SHA1, FEAT_SHA256) and PMULL 1Q (size 3,
 * FEAT_PMULL). */
static int asimd_optional(const char *mnemonic, uint32_t w)
{
    if (!strncmp(mnemonic, "aes", 3) || !strncmp(mnemonic, "sha", 3))
        return 1;
    return !strncmp(mnemonic, "pmull", 5) && ((w >> 22) & 3) == 3;
}

/* 1 if capstone decodes w, a base encoding, and we say UNDEF. */
static int asimd_missing(uint32_t w, long *missing)
{
    uint8_t b[4] = { (uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24) };
    const uint8_t *code = b;
    size_t size = 4;
    uint64_t addr = TEST_PC;
    struct a64_insn d;
    a64_decode(w, &d);
    if (d.op != A64_OP_UNDEF || !cs_disasm_iter(cs, &code, &size, &addr, csi) || asimd_optional(csi->mnemonic, w))
        return 0;
    if ((*missing)++ < 10)
        print_error("%08x: %s %s decodes in capstone, UNDEF here\n", w, csi->mnemonic, csi->op_str);
    return 1;
}

/* AT_HWCAP sets ASIMD (emu_hwcap.c) because the ARMv8.0 base Advanced SIMD set is whole: every
 * word of the FP/SIMD data-processing space (bits 27:25 = 111: bits 31:28 and 24:10 swept) and of
 * the structure loads and stores (bits 29:25 = 00110: bits 31:30, 24:10 swept), Rn = Rd = 0 (no
 * encoding there depends on them), that capstone decodes must decode here, but asimd_optional. */
static void test_asimd_whole(void **state)
{
    long missing = 0;
    uint32_t k;
    (void)state;
    for (k = 0; k < (1u << 19); k++)
        asimd_missing(((k >> 15) << 28) | (7u << 25) | ((k & 0x7fff) << 10), &missing);
    for (k = 0; k < (1u << 17); k++)
        asimd_missing(((k & 3) << 30) | ((0x0cu | ((k >> 2) & 1)) << 24) | ((k >> 3) << 10), &missing);
    print_message("asimd: %u words swept, %ld base encodings UNDEF here\n", (1u << 19) + (1u << 17), missing);
    if (missing)
        fail_msg("%ld words of the base Advanced SIMD set are UNDEF here: AT_HWCAP's ASIMD is wrong", missing);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classes_agree),
        cmocka_unit_test(test_random_words),
        cmocka_unit_test(test_asimd_whole),
        cmocka_unit_test(test_lse_llvm_mc),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
