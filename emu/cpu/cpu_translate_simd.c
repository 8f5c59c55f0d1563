/* cpu_translate_simd.c: FP/SIMD instructions -> micro-ops (docs/engines.md, CPU engine). The
 * classes compiled FP code spends its time in get micro-ops of their own, with register numbers,
 * sizes and masks baked in, so they skip the generic micro-op's record lookup by word and its
 * gather/scatter of every V operand (cpu_simd.c); everything else stays the generic SIMD. Each
 * specialised handler (cpu_exec.c) computes what emu/exec/exec_simd.h computes, bit for bit:
 *
 *   LDV/STV, LDPV/STPV  LDR/STR (immediate, pre/post-index, register) and LDP/STP of S, D, Q
 *   VMASK               FMOV (register), FABS, FNEG: V[d] = {(V[n].lo & imm) ^ k1 << k0, 0}
 *   VFROMX, XFROMV      FMOV to and from a general register, UMOV (k0 half, k1 shift, imm mask)
 *   VDUPX, VINSX        DUP and INS from a general register
 *   VELEM               scalar DUP (MOV Sd, Vn.S[i]): V[d] = {element of V[n] as XFROMV, 0}
 *   VADD, VSUB          integer ADD/SUB (vector, and scalar D): all elements of a 64-bit half
 *                       at once, imm the elements' top bits, k1 whether the high half counts
 *   VAND..VEOR          AND, BIC, ORR (MOV), ORN, EOR (vector); k1 whether the high half counts
 *   VINSV               INS (element): as VINSX, the source element at half k2, shift k3
 *   VMOVI, VNOT         MOVI/MVNI/FMOV (vector immediate), NOT; k1 whether the high half counts
 *   VUSHR, VUSRA        USHR, USRA by a constant: k0 the shift, imm the bits each element keeps
 *                       after it (0 when it shifts everything out), k2 the element size
 *   VMUL                integer MUL (vector), k0 the element size
 *   VXTN, VXTL          XTN/XTN2 and SSHLL/USHLL (SXTL/UXTL): k0 the narrow size, k1 sf (the
 *                       upper half), k2 the shift, k3 signed
 *   FP2, FMA, FCMP      scalar FADD/FSUB/FMUL/FDIV/FSQRT, FMADD/FMSUB/FNMADD/FNMSUB, FCMP/FCMPE:
 *                       the host-FP fast path (cpu_fp_fast.h); imm keeps the word, and what the
 *                       fast path declines runs the generic micro-op's exact semantics.
 *   VFP                 vector FADD/FSUB/FMUL/FDIV/FMLA/FMLS, FMUL/FMLA/FMLS by element: the
 *                       same, as cpu_fp_fast_insn takes them
 *   VSCVTF, SCVTF       SCVTF (vector, and from a general register) without fraction bits, and
 *   FCVTZS              FCVTZS to a general register without them: exact conversions on the
 *                       host (cpu_fp_fast_from_int, _to_int), the rest to the generic micro-op */
#include "cpu_uops.h"

#include "cpu_fp_fast.h"
#include "emu_alu.h"

/* Modes in the order of CPU_STM/CPU_PAIRM; same as cpu_translate.c's for the integer forms. */
static unsigned cpu_vmode(const struct a64_insn *in)
{
    if (in->flags & A64_F_WB_PRE)
        return CPU_AM_PRE;
    if (in->flags & A64_F_WB_POST)
        return CPU_AM_POST;
    return CPU_AM_OFF;
}

/* Scalar arithmetic through the fast path: the kind of cpu_fp_fast, by op. */
static int cpu_fp2_kind(uint32_t op)
{
    switch (op) {
    case A64_OP_FADD_S: return CPU_FP_ADD;
    case A64_OP_FSUB_S: return CPU_FP_SUB;
    case A64_OP_FMUL_S: return CPU_FP_MUL;
    case A64_OP_FDIV_S: return CPU_FP_DIV;
    case A64_OP_FSQRT_S: return CPU_FP_SQRT;
    default: return -1;
    }
}

/* Element `e` of 1 << size bytes as a half of the register (k0), a shift in it (k1) and a mask. */
static void cpu_velem(struct cpu_uop *u, uint32_t size, uint32_t e)
{
    uint32_t bits = 8u << size, at = e * bits;
    u->k0 = (uint8_t)(at >= 64);
    u->k1 = (uint8_t)(at & 63);
    u->imm = emu_alu_ones(bits);
}

unsigned cpu_translate_simd(const struct a64_insn *in, struct cpu_uop *u)
{
    const uint32_t size = in->size;
    const int sd = size == 2 || size == 3; /* single or double: what the scalar forms specialise */
    const unsigned dbl = size == 3;
    int kind;
    switch (in->op) {
    case A64_OP_LDR_V_IMM:
    case A64_OP_STR_V_IMM:
    case A64_OP_LDR_V_REG:
    case A64_OP_STR_V_REG: {
        if (size < 2 || size > 4)
            break;
        unsigned base = in->op == A64_OP_LDR_V_IMM || in->op == A64_OP_LDR_V_REG ? U_LDVS_OFF : U_STVS_OFF;
        unsigned mode = cpu_vmode(in);
        if (in->op == A64_OP_LDR_V_REG || in->op == A64_OP_STR_V_REG) {
            u->k0 = in->shift & 7;
            u->k1 = in->amount & 7;
            mode = CPU_AM_REG;
        }
        return base + 4u * (size - 2) + mode;
    }
    case A64_OP_LDP_V:
    case A64_OP_STP_V:
        if (size < 2 || size > 4)
            break;
        return (in->op == A64_OP_LDP_V ? U_LDPVS_OFF : U_STPVS_OFF) + 3u * (size - 2) + cpu_vmode(in);
    case A64_OP_FMOV_V:
    case A64_OP_FABS_S:
    case A64_OP_FNEG_S: {
        if (size < 1 || size > 3)
            break;
        uint32_t n = 8u << size;
        u->imm = in->op == A64_OP_FABS_S ? emu_alu_ones(n - 1) : emu_alu_ones(n);
        u->k0 = (uint8_t)(n - 1);
        u->k1 = in->op == A64_OP_FNEG_S;
        return U_VMASK;
    }
    case A64_OP_FMOV_TOV:
        if (size > 3)
            break;
        u->imm = emu_alu_ones(8u << size);
        return U_VFROMX;
    case A64_OP_FMOV_FROMV:
        if (size > 3)
            break;
        cpu_velem(u, size, in->immr);
        return U_XFROMV;
    case A64_OP_AND_V:
    case A64_OP_BIC_V:
    case A64_OP_ORR_V:
    case A64_OP_ORN_V:
    case A64_OP_EOR_V: {
        static const uint16_t logic[A64_OP_COUNT] = {
            [A64_OP_AND_V] = U_VAND, [A64_OP_BIC_V] = U_VBIC, [A64_OP_ORR_V] = U_VORR,
            [A64_OP_ORN_V] = U_VORN, [A64_OP_EOR_V] = U_VEOR,
        };
        u->k1 = in->sf != 0;
        return logic[in->op];
    }
    case A64_OP_INS_ELEM:
        if (size > 3)
            break;
        cpu_velem(u, size, in->imms);
        u->k2 = u->k0;
        u->k3 = u->k1;
        cpu_velem(u, size, in->immr);
        return U_VINSV;
    case A64_OP_INS_GEN:
        if (size > 3)
            break;
        cpu_velem(u, size, in->immr);
        return U_VINSX;
    case A64_OP_DUP_S:
        if (size > 3)
            break;
        cpu_velem(u, size, in->imms);
        return U_VELEM;
    case A64_OP_ADD_V:
    case A64_OP_SUB_V: {
        /* each element's top bit: carries and borrows must not cross it (VADD/VSUB) */
        static const uint64_t top[4] = {0x8080808080808080ull, 0x8000800080008000ull, 0x8000000080000000ull,
                                        0x8000000000000000ull};
        if (size > 3)
            break;
        u->imm = top[size];
        u->k1 = in->sf != 0;
        return in->op == A64_OP_ADD_V ? U_VADD : U_VSUB;
    }
    case A64_OP_MOVI_V:
    case A64_OP_NOT_V:
        u->k1 = in->sf != 0;
        return in->op == A64_OP_MOVI_V ? U_VMOVI : U_VNOT;
    case A64_OP_USHR_V:
    case A64_OP_USRA_V: {
        uint32_t bits = 8u << (size & 3), sh = in->amount;
        if (size > 3)
            break;
        /* ones(bits - sh) in every element, as DUP below replicates */
        static const uint64_t rep[4] = {0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1};
        u->k0 = (uint8_t)(sh >= bits ? 0 : sh);
        u->imm = sh >= bits ? 0 : emu_alu_ones(bits - sh) * rep[size];
        u->k1 = in->sf != 0;
        u->k2 = (uint8_t)size;
        return in->op == A64_OP_USHR_V ? U_VUSHR : U_VUSRA;
    }
    case A64_OP_MUL_V:
        if (size > 2)
            break;
        u->k0 = (uint8_t)size;
        u->k1 = in->sf != 0;
        return U_VMUL;
    case A64_OP_XTN_V:
    case A64_OP_SSHLL_V:
    case A64_OP_USHLL_V:
        if (size > 2)
            break;
        u->k0 = (uint8_t)size;
        u->k1 = in->sf != 0;
        u->k2 = (uint8_t)(in->amount & 63);
        u->k3 = in->op == A64_OP_SSHLL_V;
        return in->op == A64_OP_XTN_V ? U_VXTN : U_VXTL;
    case A64_OP_FADD_V:
    case A64_OP_FSUB_V:
    case A64_OP_FMUL_V:
    case A64_OP_FDIV_V:
    case A64_OP_FMLA_V:
    case A64_OP_FMLS_V:
    case A64_OP_FMUL_VE:
    case A64_OP_FMLA_VE:
    case A64_OP_FMLS_VE: {
        static const uint8_t vkind[A64_OP_COUNT] = {
            [A64_OP_FADD_V] = CPU_FP_ADD, [A64_OP_FSUB_V] = CPU_FP_SUB, [A64_OP_FMUL_V] = CPU_FP_MUL,
            [A64_OP_FDIV_V] = CPU_FP_DIV, [A64_OP_FMLA_V] = CPU_FP_MLA, [A64_OP_FMLS_V] = CPU_FP_MLS,
            [A64_OP_FMUL_VE] = CPU_FP_MUL, [A64_OP_FMLA_VE] = CPU_FP_MLA, [A64_OP_FMLS_VE] = CPU_FP_MLS,
        };
        int by_elem = in->op == A64_OP_FMUL_VE || in->op == A64_OP_FMLA_VE || in->op == A64_OP_FMLS_VE;
        if (!sd)
            break;
        u->k0 = vkind[in->op];
        u->k1 = (uint8_t)size;
        u->k2 = (uint8_t)((in->shift & 1) ? 1u : (in->sf ? 16u : 8u) >> size);
        u->k3 = by_elem ? (uint8_t)in->imms : 0xff;
        u->imm = in->word;
        return U_VFP;
    }
    case A64_OP_SCVTF_V:
        if (!sd || in->amount != 0)
            break;
        u->k1 = (uint8_t)size;
        u->k2 = (uint8_t)((in->shift & 1) ? 1u : (in->sf ? 16u : 8u) >> size);
        u->imm = in->word;
        return U_VSCVTF;
    case A64_OP_SCVTF_S:
    case A64_OP_FCVTZS_S:
        if (!sd || in->amount != 0)
            break;
        u->k0 = (uint8_t)(8u << size);
        u->k1 = in->sf ? 64 : 32;
        u->imm = in->word;
        return in->op == A64_OP_SCVTF_S ? U_SCVTF : U_FCVTZS;
    case A64_OP_DUP_GEN: {
        /* one element times the pattern of ones at every element's lowest bit fills 64 bits */
        static const uint64_t rep[4] = {0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1};
        if (size > 3)
            break;
        u->imm = rep[size];
        u->k0 = (uint8_t)(8u << size);
        u->k1 = in->sf != 0;
        return U_VDUPX;
    }
    case A64_OP_FMADD_S:
    case A64_OP_FMSUB_S:
    case A64_OP_FNMADD_S:
    case A64_OP_FNMSUB_S:
        if (!sd)
            break;
        /* the operands FPNeg negates before FPMulAdd (cpu_fp_fast_insn): k1 Rn, k2 Ra */
        u->k1 = in->op == A64_OP_FMSUB_S || in->op == A64_OP_FNMADD_S;
        u->k2 = in->op == A64_OP_FNMADD_S || in->op == A64_OP_FNMSUB_S;
        u->imm = in->word;
        return U_FMA_S + dbl;
    case A64_OP_FCMP_S:
    case A64_OP_FCMPE_S:
    case A64_OP_FCMPZ_S:
    case A64_OP_FCMPEZ_S:
        if (!sd)
            break;
        u->k1 = in->op == A64_OP_FCMPZ_S || in->op == A64_OP_FCMPEZ_S; /* against +0 */
        u->imm = in->word;
        return U_FCMP_S + dbl;
    default:
        kind = cpu_fp2_kind(in->op);
        if (kind < 0 || !sd)
            break;
        u->k0 = (uint8_t)kind;
        u->imm = in->word;
        return U_FP2_S + dbl;
    }
    u->imm = in->word; /* the generic micro-op: cpu_simd.c */
    return U_SIMD;
}
