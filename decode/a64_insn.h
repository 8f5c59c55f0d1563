/* a64_insn.h: the decoded A64 instruction record shared by the CPU and GPU engines.
 *
 * The decoder (a64_decode.c) fills one `struct a64_insn` per 32-bit word; both engines execute
 * only these records. The file compiles as C11 and as OpenCL C (see a64_types.h).
 *
 * Registers are slot numbers into emu_state.x[] with the SP/ZR choice already made by the decoder:
 *   0..30  x0..x30
 *   31     SP
 *   32     ZR as a source: always reads 0
 *   33     ZR as a destination: a sink whose value nothing reads
 * A field that an instruction both reads and writes (MOVK, BFM) gets the sink when it names ZR;
 * its read then only feeds the discarded write, so the result is still exact. The sink reads as
 * zero wherever a read of it matters: CAS's Rs and CASP's Rs+1 are compared and then written with
 * the old memory value, so exec_srcs (emu/exec/exec_roles.h) and the CPU engine's CAS handlers
 * read ZR for a sink operand.
 */
#ifndef A64_INSN_H
#define A64_INSN_H

#include "a64_types.h"

#define A64_REG_SP   31
#define A64_REG_ZR   32
#define A64_REG_SINK 33
#define A64_NUM_REGS 34

/* Operation properties, one row per operation in A64_OPS. The register-role bits say which fields
 * an operation reads and writes, so that dependency scheduling (GPU) and tracing need no per-op
 * code. Writeback to rn and the link register are per-record bits (A64_F_WB_*) or op bits. */
#define A64_P_SETS_FLAGS 0x0001u /* writes NZCV */
#define A64_P_READS_FLAGS 0x0002u /* reads NZCV */
#define A64_P_BRANCH     0x0004u /* may change pc other than to pc+4 */
#define A64_P_LOAD       0x0008u /* reads guest memory */
#define A64_P_STORE      0x0010u /* writes guest memory */
#define A64_P_ENDS_BLOCK 0x0020u /* last instruction of a basic block */
#define A64_P_R_RD       0x0040u /* reads the rd field (store data, MOVK, BFM, CBZ test) */
#define A64_P_W_RD       0x0080u /* writes the rd field */
#define A64_P_R_RN       0x0100u
#define A64_P_R_RM       0x0200u
#define A64_P_R_RA       0x0400u /* reads ra (MADD addend, STP second register) */
#define A64_P_W_RA       0x0800u /* writes ra (LDP/LDXP second register) */
#define A64_P_W_RM       0x1000u /* writes rm (STXR status register) */
#define A64_P_W_LR       0x2000u /* writes x30 (BL, BLR) */
#define A64_P_SYS        0x4000u /* system/special: reads or writes state outside x[] and NZCV */
#define A64_P_R_RM2      0x8000u /* reads rm2 (CASP: Rt+1, the second new value) */
#define A64_P_SIMD       0x40000000u /* FP/SIMD: reads or writes V registers (emu/exec/exec_simd.h) */

/* FP/SIMD register fields (docs/design.md, FP/SIMD). The R/W role bits above name X slots only;
 * a field that holds a V register number (0..31, never mapped to SP/ZR) is named by these bits
 * instead, so scheduling, renaming, tracing and the loop analysis never take it for an X slot.
 * A list of consecutive registers (LD1/ST1 {Vt..}, TBL {Vn..}) starts at the field; its length
 * is the record's `shift`. Kept in the props column of A64_OPS, above the per-record bits. */
#define A64_P_V_RD       0x01000000u /* reads V[rd] (stores, INS, BSL/BIT/BIF, ORR/BIC immediate) */
#define A64_P_V_WD       0x02000000u /* writes V[rd] */
#define A64_P_V_RN       0x04000000u /* reads V[rn] */
#define A64_P_V_RM       0x08000000u /* reads V[rm] */
#define A64_P_V_RA       0x10000000u /* reads V[ra] (STP second register) */
#define A64_P_V_WA       0x20000000u /* writes V[ra] (LDP second register) */

/* Per-record bits, above the property bits in the same `flags` word. */
#define A64_F_WB_PRE  0x00010000u /* load/store: address = rn + imm, then rn = address */
#define A64_F_WB_POST 0x00020000u /* load/store: address = rn, then rn = rn + imm */
#define A64_F_SIGNED  0x00040000u /* load: sign-extend the value to the sf width; LDPSW */
#define A64_F_ACQUIRE 0x00080000u /* load-acquire form (no effect single-threaded) */
#define A64_F_RELEASE 0x00100000u /* store-release form (no effect single-threaded) */
#define A64_F_NONTEMP 0x00200000u /* LDNP/STNP */

#define A64_P_RW_LOAD  (A64_P_LOAD | A64_P_R_RN | A64_P_W_RD)
#define A64_P_RW_STORE (A64_P_STORE | A64_P_R_RN | A64_P_R_RD)
#define A64_P_RW_ATOMIC (A64_P_LOAD | A64_P_STORE | A64_P_R_RN | A64_P_W_RD)
#define A64_P_ALU2     (A64_P_W_RD | A64_P_R_RN | A64_P_R_RM)
#define A64_P_ALU1     (A64_P_W_RD | A64_P_R_RN)

/* Column alu: the class of the arithmetic-logic network of exec_alu (emu/exec/exec_value.h), a
 * unit whose candidate is selected and the form of the operand that feeds it; NO for operations
 * outside it. */
#define A64_ALU_UNIT 0x0fu
#define A64_ALU_ADD 1u
#define A64_ALU_SUB 2u
#define A64_ALU_AND 3u
#define A64_ALU_ORR 4u
#define A64_ALU_EOR 5u
#define A64_ALU_FORM 0x30u
#define A64_ALU_FORM_IMM 0x00u
#define A64_ALU_FORM_SHIFT 0x10u
#define A64_ALU_FORM_EXT 0x20u
#define A64_ALU_FORM_CARRY 0x30u /* ADC/SBC: rm plus the carry flag */
#define A64_ALU_INVERT 0x40u     /* BIC, ORN, EON: the second operand inverted */
#define A64_ALU_NO 0u
#define A64_ALU_ADD_I (A64_ALU_ADD | A64_ALU_FORM_IMM)
#define A64_ALU_SUB_I (A64_ALU_SUB | A64_ALU_FORM_IMM)
#define A64_ALU_AND_I (A64_ALU_AND | A64_ALU_FORM_IMM)
#define A64_ALU_ORR_I (A64_ALU_ORR | A64_ALU_FORM_IMM)
#define A64_ALU_EOR_I (A64_ALU_EOR | A64_ALU_FORM_IMM)
#define A64_ALU_ADD_S (A64_ALU_ADD | A64_ALU_FORM_SHIFT)
#define A64_ALU_SUB_S (A64_ALU_SUB | A64_ALU_FORM_SHIFT)
#define A64_ALU_AND_S (A64_ALU_AND | A64_ALU_FORM_SHIFT)
#define A64_ALU_BIC_S (A64_ALU_AND | A64_ALU_FORM_SHIFT | A64_ALU_INVERT)
#define A64_ALU_ORR_S (A64_ALU_ORR | A64_ALU_FORM_SHIFT)
#define A64_ALU_ORN_S (A64_ALU_ORR | A64_ALU_FORM_SHIFT | A64_ALU_INVERT)
#define A64_ALU_EOR_S (A64_ALU_EOR | A64_ALU_FORM_SHIFT)
#define A64_ALU_EON_S (A64_ALU_EOR | A64_ALU_FORM_SHIFT | A64_ALU_INVERT)
#define A64_ALU_ADD_E (A64_ALU_ADD | A64_ALU_FORM_EXT)
#define A64_ALU_SUB_E (A64_ALU_SUB | A64_ALU_FORM_EXT)
#define A64_ALU_ADC (A64_ALU_ADD | A64_ALU_FORM_CARRY)
#define A64_ALU_SBC (A64_ALU_SUB | A64_ALU_FORM_CARRY)

/* Column lane: how the loop lane executor (emu/loopvec/emu_loop_run.c) runs the operation in a
 * memory loop or reduction. LV: a loop over lanes of exec_value; LM: its gather or scatter loops;
 * L0: nothing, the operation has no effect; NO: not at all, the loop is EMU_LOOP_UNSUPPORTED. */
#define A64_LANE_NO 0u
#define A64_LANE_LV 1u
#define A64_LANE_LM 2u
#define A64_LANE_L0 3u

/* The operations: X(name, alu, lane, properties, what it does), the columns pasted onto A64_ALU_
 * and A64_LANE_ (so a row reads ADD_I, LV). `sf` selects W or X width for all of them. */
#define A64_OPS(X) \
    X(UNDEF,      NO,    NO, A64_P_ENDS_BLOCK, "undefined or unsupported encoding: faults when executed") \
    /* C4.1.86 Data processing -- immediate */ \
    X(ADR,        NO,    LV, A64_P_W_RD, "rd = pc + imm") \
    X(ADRP,       NO,    LV, A64_P_W_RD, "rd = (pc & ~0xfff) + imm") \
    X(ADD_IMM,    ADD_I, LV, A64_P_ALU1, "rd = rn + imm (imm already shifted)") \
    X(ADDS_IMM,   ADD_I, LV, A64_P_ALU1 | A64_P_SETS_FLAGS, "rd = rn + imm, set NZCV") \
    X(SUB_IMM,    SUB_I, LV, A64_P_ALU1, "rd = rn - imm") \
    X(SUBS_IMM,   SUB_I, LV, A64_P_ALU1 | A64_P_SETS_FLAGS, "rd = rn - imm, set NZCV") \
    X(AND_IMM,    AND_I, LV, A64_P_ALU1, "rd = rn & imm (imm: decoded bitmask)") \
    X(ORR_IMM,    ORR_I, LV, A64_P_ALU1, "rd = rn | imm") \
    X(EOR_IMM,    EOR_I, LV, A64_P_ALU1, "rd = rn ^ imm") \
    X(ANDS_IMM,   AND_I, LV, A64_P_ALU1 | A64_P_SETS_FLAGS, "rd = rn & imm, set NZ, clear CV") \
    X(MOVZ,       NO,    LV, A64_P_W_RD, "rd = imm (final value, already shifted)") \
    X(MOVN,       NO,    LV, A64_P_W_RD, "rd = imm (final value ~(imm16 << amount), truncated by sf)") \
    X(MOVK,       NO,    LV, A64_P_W_RD | A64_P_R_RD, "rd[amount+15:amount] = imm") \
    X(SBFM,       NO,    LV, A64_P_ALU1, "signed bitfield move (immr, imms)") \
    X(BFM,        NO,    LV, A64_P_ALU1 | A64_P_R_RD, "bitfield move into rd (immr, imms)") \
    X(UBFM,       NO,    LV, A64_P_ALU1, "unsigned bitfield move (immr, imms)") \
    X(EXTR,       NO,    LV, A64_P_ALU2, "rd = (rn:rm) >> amount") \
    /* C4.1.87 Branches, exception generating and system instructions */ \
    X(B,          NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK, "pc = pc + imm") \
    X(BL,         NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_W_LR, "x30 = pc + 4; pc = pc + imm") \
    X(B_COND,     NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_READS_FLAGS, "if cond: pc = pc + imm") \
    X(CBZ,        NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_R_RD, "if rd == 0: pc = pc + imm") \
    X(CBNZ,       NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_R_RD, "if rd != 0: pc = pc + imm") \
    X(TBZ,        NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_R_RD, "if bit amount of rd is 0: pc += imm") \
    X(TBNZ,       NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_R_RD, "if bit amount of rd is 1: pc += imm") \
    X(BR,         NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_R_RN, "pc = rn") \
    X(BLR,        NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_R_RN | A64_P_W_LR, "x30 = pc + 4; pc = rn") \
    X(RET,        NO,    NO, A64_P_BRANCH | A64_P_ENDS_BLOCK | A64_P_R_RN, "pc = rn") \
    X(SVC,        NO,    NO, A64_P_ENDS_BLOCK | A64_P_SYS, "supervisor call: imm is the immediate") \
    X(NOP,        NO,    L0, 0, "NOP and every other hint (YIELD, BTI, PACIASP, ...)") \
    X(CLREX,      NO,    NO, A64_P_SYS, "clear the exclusive monitor") \
    X(BARRIER,    NO,    L0, 0, "DMB, DSB, ISB: no effect single-threaded") \
    X(MRS,        NO,    NO, A64_P_W_RD | A64_P_SYS, "rd = system register imm (A64_SYSREG_*)") \
    X(MSR,        NO,    NO, A64_P_R_RD | A64_P_SYS, "system register imm = rd") \
    /* C4.1.88 Loads and stores */ \
    X(LDR_IMM,    NO,    LM, A64_P_RW_LOAD, "rd = mem[rn + imm] (size, A64_F_SIGNED, writeback bits)") \
    X(LDR_REG,    NO,    LM, A64_P_RW_LOAD | A64_P_R_RM, "rd = mem[rn + (extend(rm, shift) << amount)]") \
    X(LDR_LIT,    NO,    LM, A64_P_LOAD | A64_P_W_RD, "rd = mem[pc + imm]") \
    X(STR_IMM,    NO,    LM, A64_P_RW_STORE, "mem[rn + imm] = rd (size, writeback bits)") \
    X(STR_REG,    NO,    LM, A64_P_RW_STORE | A64_P_R_RM, "mem[rn + (extend(rm, shift) << amount)] = rd") \
    X(LDP,        NO,    LM, A64_P_RW_LOAD | A64_P_W_RA, "rd, ra = mem[rn + imm] (size 2/3; signed: LDPSW)") \
    X(STP,        NO,    LM, A64_P_RW_STORE | A64_P_R_RA, "mem[rn + imm] = rd, ra") \
    X(LDXR,       NO,    NO, A64_P_RW_LOAD | A64_P_SYS, "rd = mem[rn]; mark exclusive") \
    X(STXR,       NO,    NO, A64_P_RW_STORE | A64_P_W_RM | A64_P_SYS, "if exclusive: mem[rn] = rd, rm = 0; else rm = 1") \
    X(LDXP,       NO,    NO, A64_P_RW_LOAD | A64_P_W_RA | A64_P_SYS, "rd, ra = mem[rn]; mark exclusive") \
    X(STXP,       NO,    NO, A64_P_RW_STORE | A64_P_R_RA | A64_P_W_RM | A64_P_SYS, "exclusive pair store") \
    X(LDAR,       NO,    NO, A64_P_RW_LOAD, "rd = mem[rn] (load-acquire)") \
    X(STLR,       NO,    NO, A64_P_RW_STORE, "mem[rn] = rd (store-release)") \
    /* LSE atomics (FEAT_LSE): one read-modify-write of [rn]; rd gets the old value (zero-extended), \
     * rm is the operand; the ST* aliases are these with rd the sink. */ \
    X(CAS,        NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RD | A64_P_R_RM, "if mem[rn] == rd: mem[rn] = rm; rd = old") \
    X(CASP,       NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RD | A64_P_R_RA | A64_P_W_RA | A64_P_R_RM | A64_P_R_RM2, \
      "if mem[rn] == rd:ra: mem[rn] = rm:rm2; rd:ra = old (pairs)") \
    X(SWP,        NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] = rm") \
    X(LDADD,      NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] += rm") \
    X(LDCLR,      NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] &= ~rm") \
    X(LDEOR,      NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] ^= rm") \
    X(LDSET,      NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] |= rm") \
    X(LDSMAX,     NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] = max(mem[rn], rm), signed") \
    X(LDSMIN,     NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] = min(mem[rn], rm), signed") \
    X(LDUMAX,     NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] = max(mem[rn], rm), unsigned") \
    X(LDUMIN,     NO,    NO, A64_P_RW_ATOMIC | A64_P_R_RM, "rd = mem[rn]; mem[rn] = min(mem[rn], rm), unsigned") \
    X(PRFM,       NO,    L0, 0, "prefetch: no effect") \
    /* C4.1.89 Data processing -- register */ \
    X(ADD_SHIFT,  ADD_S, LV, A64_P_ALU2, "rd = rn + shift(rm, shift, amount)") \
    X(ADDS_SHIFT, ADD_S, LV, A64_P_ALU2 | A64_P_SETS_FLAGS, "rd = rn + shift(rm), set NZCV") \
    X(SUB_SHIFT,  SUB_S, LV, A64_P_ALU2, "rd = rn - shift(rm)") \
    X(SUBS_SHIFT, SUB_S, LV, A64_P_ALU2 | A64_P_SETS_FLAGS, "rd = rn - shift(rm), set NZCV") \
    X(ADD_EXT,    ADD_E, LV, A64_P_ALU2, "rd = rn + (extend(rm, shift) << amount)") \
    X(ADDS_EXT,   ADD_E, LV, A64_P_ALU2 | A64_P_SETS_FLAGS, "rd = rn + extend(rm), set NZCV") \
    X(SUB_EXT,    SUB_E, LV, A64_P_ALU2, "rd = rn - extend(rm)") \
    X(SUBS_EXT,   SUB_E, LV, A64_P_ALU2 | A64_P_SETS_FLAGS, "rd = rn - extend(rm), set NZCV") \
    X(AND_SHIFT,  AND_S, LV, A64_P_ALU2, "rd = rn & shift(rm)") \
    X(BIC_SHIFT,  BIC_S, LV, A64_P_ALU2, "rd = rn & ~shift(rm)") \
    X(ORR_SHIFT,  ORR_S, LV, A64_P_ALU2, "rd = rn | shift(rm)") \
    X(ORN_SHIFT,  ORN_S, LV, A64_P_ALU2, "rd = rn | ~shift(rm)") \
    X(EOR_SHIFT,  EOR_S, LV, A64_P_ALU2, "rd = rn ^ shift(rm)") \
    X(EON_SHIFT,  EON_S, LV, A64_P_ALU2, "rd = rn ^ ~shift(rm)") \
    X(ANDS_SHIFT, AND_S, LV, A64_P_ALU2 | A64_P_SETS_FLAGS, "rd = rn & shift(rm), set NZ, clear CV") \
    X(BICS_SHIFT, BIC_S, LV, A64_P_ALU2 | A64_P_SETS_FLAGS, "rd = rn & ~shift(rm), set NZ, clear CV") \
    X(ADC,        ADC,   NO, A64_P_ALU2 | A64_P_READS_FLAGS, "rd = rn + rm + C") \
    X(ADCS,       ADC,   NO, A64_P_ALU2 | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "rd = rn + rm + C, set NZCV") \
    X(SBC,        SBC,   NO, A64_P_ALU2 | A64_P_READS_FLAGS, "rd = rn - rm - !C") \
    X(SBCS,       SBC,   NO, A64_P_ALU2 | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "rd = rn - rm - !C, set NZCV") \
    X(CCMN_REG,   NO,    LV, A64_P_R_RN | A64_P_R_RM | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "NZCV = cond ? flags(rn + rm) : nzcv") \
    X(CCMN_IMM,   NO,    LV, A64_P_R_RN | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "NZCV = cond ? flags(rn + imm) : nzcv") \
    X(CCMP_REG,   NO,    LV, A64_P_R_RN | A64_P_R_RM | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "NZCV = cond ? flags(rn - rm) : nzcv") \
    X(CCMP_IMM,   NO,    LV, A64_P_R_RN | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "NZCV = cond ? flags(rn - imm) : nzcv") \
    X(CSEL,       NO,    LV, A64_P_ALU2 | A64_P_READS_FLAGS, "rd = cond ? rn : rm") \
    X(CSINC,      NO,    LV, A64_P_ALU2 | A64_P_READS_FLAGS, "rd = cond ? rn : rm + 1") \
    X(CSINV,      NO,    LV, A64_P_ALU2 | A64_P_READS_FLAGS, "rd = cond ? rn : ~rm") \
    X(CSNEG,      NO,    LV, A64_P_ALU2 | A64_P_READS_FLAGS, "rd = cond ? rn : -rm") \
    X(RBIT,       NO,    LV, A64_P_ALU1, "rd = bit-reverse(rn)") \
    X(REV16,      NO,    LV, A64_P_ALU1, "byte-swap each halfword") \
    X(REV32,      NO,    LV, A64_P_ALU1, "byte-swap each word (64-bit only)") \
    X(REV,        NO,    LV, A64_P_ALU1, "byte-swap the whole register (W or X)") \
    X(CLZ,        NO,    LV, A64_P_ALU1, "count leading zeros") \
    X(CLS,        NO,    LV, A64_P_ALU1, "count leading sign bits") \
    X(UDIV,       NO,    LV, A64_P_ALU2, "rd = rm ? rn / rm : 0 (unsigned)") \
    X(SDIV,       NO,    LV, A64_P_ALU2, "rd = rm ? rn / rm : 0 (signed, INT_MIN / -1 = INT_MIN)") \
    X(LSLV,       NO,    LV, A64_P_ALU2, "rd = rn << (rm mod width)") \
    X(LSRV,       NO,    LV, A64_P_ALU2, "rd = rn >> (rm mod width), logical") \
    X(ASRV,       NO,    LV, A64_P_ALU2, "rd = rn >> (rm mod width), arithmetic") \
    X(RORV,       NO,    LV, A64_P_ALU2, "rd = rotate-right(rn, rm mod width)") \
    X(MADD,       NO,    LV, A64_P_ALU2 | A64_P_R_RA, "rd = ra + rn * rm") \
    X(MSUB,       NO,    LV, A64_P_ALU2 | A64_P_R_RA, "rd = ra - rn * rm") \
    X(SMADDL,     NO,    LV, A64_P_ALU2 | A64_P_R_RA, "xd = xa + sext(wn) * sext(wm)") \
    X(SMSUBL,     NO,    LV, A64_P_ALU2 | A64_P_R_RA, "xd = xa - sext(wn) * sext(wm)") \
    X(UMADDL,     NO,    LV, A64_P_ALU2 | A64_P_R_RA, "xd = xa + zext(wn) * zext(wm)") \
    X(UMSUBL,     NO,    LV, A64_P_ALU2 | A64_P_R_RA, "xd = xa - zext(wn) * zext(wm)") \
    X(SMULH,      NO,    LV, A64_P_ALU2, "xd = (sext(xn) * sext(xm)) >> 64") \
    X(UMULH,      NO,    LV, A64_P_ALU2, "xd = (zext(xn) * zext(xm)) >> 64") \
    A64_OPS_SIMD(X) \
    A64_OPS_FP(X) \
    A64_OPS_VFP(X) \
    A64_OPS_SIMD2(X)

/* C4.1.x FP/SIMD (docs/design.md, FP/SIMD): V register fields by A64_P_V_* bits; X fields by the
 * usual role bits. Field use: size = element size log2 (loads/stores: access size log2, 4 = Q);
 * sf = Q (128-bit vector) for vector operations; shift = registers in a list; amount = shift
 * amount or EXT's byte index; immr/imms = element indices (destination/source); imm = expanded
 * immediate. Semantics: emu/exec/exec_simd.h. */
#define A64_SV (A64_P_SIMD | A64_P_V_WD)
#define A64_SV1 (A64_P_SIMD | A64_P_V_WD | A64_P_V_RN)
#define A64_SV2 (A64_P_SIMD | A64_P_V_WD | A64_P_V_RN | A64_P_V_RM)
#define A64_OPS_SIMD(X) \
    X(LDR_V_IMM,  NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_V_WD, "V[rd] = mem[rn + imm], zero-extended (size 0..4, writeback bits)") \
    X(LDR_V_REG,  NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_R_RM | A64_P_V_WD, "V[rd] = mem[rn + (extend(rm, shift) << amount)]") \
    X(LDR_V_LIT,  NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_V_WD, "V[rd] = mem[pc + imm] (S, D, Q)") \
    X(STR_V_IMM,  NO,    NO, A64_P_SIMD | A64_P_STORE | A64_P_R_RN | A64_P_V_RD, "mem[rn + imm] = V[rd] (size 0..4, writeback bits)") \
    X(STR_V_REG,  NO,    NO, A64_P_SIMD | A64_P_STORE | A64_P_R_RN | A64_P_R_RM | A64_P_V_RD, "mem[rn + (extend(rm, shift) << amount)] = V[rd]") \
    X(LDP_V,      NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_V_WD | A64_P_V_WA, "V[rd], V[ra] = mem[rn + imm] (size 2..4)") \
    X(STP_V,      NO,    NO, A64_P_SIMD | A64_P_STORE | A64_P_R_RN | A64_P_V_RD | A64_P_V_RA, "mem[rn + imm] = V[rd], V[ra]") \
    X(LD1_M,      NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_V_WD, "LD1 {V[rd]..+shift-1} = mem[rn] (post-index: imm, or rm when R_RM)") \
    X(ST1_M,      NO,    NO, A64_P_SIMD | A64_P_STORE | A64_P_R_RN | A64_P_V_RD, "ST1 mem[rn] = {V[rd]..+shift-1}") \
    X(LD1R,       NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_V_WD, "V[rd] = replicate(mem[rn], size) (post-index: imm or rm)") \
    X(FMOV_V,     NO,    NO, A64_SV1, "V[rd] = zext(V[rn] low 1 << size bytes) (scalar FMOV register)") \
    X(FMOV_TOV,   NO,    NO, A64_P_SIMD | A64_P_R_RN | A64_P_V_WD, "V[rd] = zext(rn, 1 << size bytes) (FMOV general to H/S/D)") \
    X(FMOV_TOV1,  NO,    NO, A64_P_SIMD | A64_P_R_RN | A64_P_V_RD | A64_P_V_WD, "V[rd].D[1] = xn") \
    X(FMOV_FROMV, NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = V[rn] element immr of 1 << size bytes (FMOV general, UMOV)") \
    X(SMOV,       NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = sext(V[rn] element immr, size) to sf width") \
    X(MOVI_V,     NO,    NO, A64_SV, "V[rd] = imm replicated (sf: 128 bits; else high half zero); MVNI, FMOV imm") \
    X(ORR_VI,     NO,    NO, A64_SV | A64_P_V_RD, "V[rd] |= imm replicated") \
    X(BIC_VI,     NO,    NO, A64_SV | A64_P_V_RD, "V[rd] &= ~imm replicated") \
    X(DUP_GEN,    NO,    NO, A64_P_SIMD | A64_P_R_RN | A64_P_V_WD, "V[rd] = rn replicated as elements of size") \
    X(DUP_ELEM,   NO,    NO, A64_SV1, "V[rd] = V[rn] element imms replicated (sf 0: scalar DUP/MOV when amount)") \
    X(INS_GEN,    NO,    NO, A64_P_SIMD | A64_P_R_RN | A64_P_V_RD | A64_P_V_WD, "V[rd] element immr = rn") \
    X(INS_ELEM,   NO,    NO, A64_SV1 | A64_P_V_RD, "V[rd] element immr = V[rn] element imms") \
    X(AND_V,      NO,    NO, A64_SV2, "V[rd] = V[rn] & V[rm]") \
    X(BIC_V,      NO,    NO, A64_SV2, "V[rd] = V[rn] & ~V[rm]") \
    X(ORR_V,      NO,    NO, A64_SV2, "V[rd] = V[rn] | V[rm] (MOV when rn == rm)") \
    X(ORN_V,      NO,    NO, A64_SV2, "V[rd] = V[rn] | ~V[rm]") \
    X(EOR_V,      NO,    NO, A64_SV2, "V[rd] = V[rn] ^ V[rm]") \
    X(BSL_V,      NO,    NO, A64_SV2 | A64_P_V_RD, "V[rd] = (V[rd] & V[rn]) | (~V[rd] & V[rm])") \
    X(BIT_V,      NO,    NO, A64_SV2 | A64_P_V_RD, "V[rd] = (V[rm] & V[rn]) | (~V[rm] & V[rd])") \
    X(BIF_V,      NO,    NO, A64_SV2 | A64_P_V_RD, "V[rd] = (~V[rm] & V[rn]) | (V[rm] & V[rd])") \
    X(ADD_V,      NO,    NO, A64_SV2, "element-wise rn + rm") \
    X(SUB_V,      NO,    NO, A64_SV2, "element-wise rn - rm") \
    X(CMEQ_V,     NO,    NO, A64_SV2, "element-wise rn == rm ? ones : 0") \
    X(CMHS_V,     NO,    NO, A64_SV2, "element-wise rn >= rm unsigned") \
    X(CMHI_V,     NO,    NO, A64_SV2, "element-wise rn > rm unsigned") \
    X(CMGE_V,     NO,    NO, A64_SV2, "element-wise rn >= rm signed") \
    X(CMGT_V,     NO,    NO, A64_SV2, "element-wise rn > rm signed") \
    X(CMTST_V,    NO,    NO, A64_SV2, "element-wise (rn & rm) != 0") \
    X(UMAX_V,     NO,    NO, A64_SV2, "element-wise unsigned max") \
    X(UMIN_V,     NO,    NO, A64_SV2, "element-wise unsigned min") \
    X(SMAX_V,     NO,    NO, A64_SV2, "element-wise signed max") \
    X(SMIN_V,     NO,    NO, A64_SV2, "element-wise signed min") \
    X(ADDP_V,     NO,    NO, A64_SV2, "pairwise add of rm:rn elements") \
    X(UMAXP_V,    NO,    NO, A64_SV2, "pairwise unsigned max") \
    X(UMINP_V,    NO,    NO, A64_SV2, "pairwise unsigned min") \
    X(CMEQZ_V,    NO,    NO, A64_SV1, "element-wise rn == 0") \
    X(CMGTZ_V,    NO,    NO, A64_SV1, "element-wise rn > 0 signed") \
    X(CMGEZ_V,    NO,    NO, A64_SV1, "element-wise rn >= 0 signed") \
    X(CMLEZ_V,    NO,    NO, A64_SV1, "element-wise rn <= 0 signed") \
    X(CMLTZ_V,    NO,    NO, A64_SV1, "element-wise rn < 0 signed") \
    X(NOT_V,      NO,    NO, A64_SV1, "V[rd] = ~V[rn]") \
    X(CNT_V,      NO,    NO, A64_SV1, "population count of each byte") \
    X(REV64_V,    NO,    NO, A64_SV1, "reverse elements in each doubleword") \
    X(REV32_V,    NO,    NO, A64_SV1, "reverse elements in each word") \
    X(REV16_V,    NO,    NO, A64_SV1, "reverse bytes in each halfword") \
    X(XTN_V,      NO,    NO, A64_SV1 | A64_P_V_RD, "narrow: elements of 2*size truncated (sf: XTN2, into the upper half, lower kept)") \
    X(ADDV_V,     NO,    NO, A64_SV1, "sum of elements into element 0") \
    X(UMAXV_V,    NO,    NO, A64_SV1, "unsigned max of elements into element 0") \
    X(UMINV_V,    NO,    NO, A64_SV1, "unsigned min of elements into element 0") \
    X(SMAXV_V,    NO,    NO, A64_SV1, "signed max of elements into element 0") \
    X(SMINV_V,    NO,    NO, A64_SV1, "signed min of elements into element 0") \
    X(USHR_V,     NO,    NO, A64_SV1, "element-wise logical shift right by amount") \
    X(SSHR_V,     NO,    NO, A64_SV1, "element-wise arithmetic shift right by amount") \
    X(SHL_V,      NO,    NO, A64_SV1, "element-wise shift left by amount") \
    X(SHRN_V,     NO,    NO, A64_SV1 | A64_P_V_RD, "narrow: elements of 2*size shifted right by amount (sf: SHRN2)") \
    X(EXT_V,      NO,    NO, A64_SV2, "bytes amount.. of rm:rn") \
    X(ZIP1_V,     NO,    NO, A64_SV2, "interleave low halves") \
    X(ZIP2_V,     NO,    NO, A64_SV2, "interleave high halves") \
    X(UZP1_V,     NO,    NO, A64_SV2, "even elements of rn:rm") \
    X(UZP2_V,     NO,    NO, A64_SV2, "odd elements of rn:rm") \
    X(TRN1_V,     NO,    NO, A64_SV2, "even elements transposed") \
    X(TRN2_V,     NO,    NO, A64_SV2, "odd elements transposed") \
    X(TBL_V,      NO,    NO, A64_SV2, "table lookup in {V[rn]..+shift-1}; out of range: 0") \
    X(TBX_V,      NO,    NO, A64_SV2 | A64_P_V_RD, "table lookup; out of range: V[rd] element kept") \
    X(MUL_V,      NO,    NO, A64_SV2, "element-wise rn * rm (low half)") \
    X(MLA_V,      NO,    NO, A64_SV2 | A64_P_V_RD, "element-wise rd + rn * rm") \
    X(MLS_V,      NO,    NO, A64_SV2 | A64_P_V_RD, "element-wise rd - rn * rm") \
    X(UADDL_V,    NO,    NO, A64_SV2, "widening: zext(rn half) + zext(rm half) (sf: upper halves)") \
    X(SADDL_V,    NO,    NO, A64_SV2, "widening: sext(rn half) + sext(rm half)") \
    X(UADDW_V,    NO,    NO, A64_SV2, "wide rn + zext(rm half)") \
    X(SADDW_V,    NO,    NO, A64_SV2, "wide rn + sext(rm half)") \
    X(UMULL_V,    NO,    NO, A64_SV2, "widening: zext(rn half) * zext(rm half)") \
    X(SMULL_V,    NO,    NO, A64_SV2, "widening: sext(rn half) * sext(rm half)") \
    X(USHLL_V,    NO,    NO, A64_SV1, "widening: zext(rn half) << amount (UXTL when 0)") \
    X(SSHLL_V,    NO,    NO, A64_SV1, "widening: sext(rn half) << amount (SXTL when 0)") \
    X(UADDLV_V,   NO,    NO, A64_SV1, "sum of zero-extended elements, as one element of 2 * size") \
    X(SADDLV_V,   NO,    NO, A64_SV1, "sum of sign-extended elements, as one element of 2 * size") \
    X(ADDP_S,     NO,    NO, A64_SV1, "scalar ADDP Dd, Vn.2D: the sum of the two doublewords") \
    X(USRA_V,     NO,    NO, A64_SV1 | A64_P_V_RD, "element-wise rd + (rn >> amount), logical") \
    X(SSRA_V,     NO,    NO, A64_SV1 | A64_P_V_RD, "element-wise rd + (rn >> amount), arithmetic")

/* C4.1.90 scalar floating point (decode/a64_decode_fp.inc; semantics emu/exec/exec_simd_fp.h,
 * exact by emu/exec/exec_fp.h): size = log2 bytes of the FP operands (1 half, FEAT_FP16; 2
 * single; 3 double; FCVT: of the result, `shift` of the source), sf = X (not W) general register,
 * amount = fbits. Results are written as scalars: the rest of V[rd] is zeroed. */
#define A64_OPS_FP(X) \
    X(FABS_S,     NO,    NO, A64_SV1, "Vd = |Vn| (sign cleared, NaNs too)") \
    X(FNEG_S,     NO,    NO, A64_SV1, "Vd = -Vn (sign flipped, NaNs too)") \
    X(FSQRT_S,    NO,    NO, A64_SV1, "Vd = sqrt(Vn)") \
    X(FCVT_S,     NO,    NO, A64_SV1, "Vd (size) = Vn (shift) converted between precisions, AHP for half") \
    X(FRINTN_S,   NO,    NO, A64_SV1, "Vd = Vn rounded to integral, to nearest even") \
    X(FRINTP_S,   NO,    NO, A64_SV1, "Vd = Vn rounded to integral, towards +inf") \
    X(FRINTM_S,   NO,    NO, A64_SV1, "Vd = Vn rounded to integral, towards -inf") \
    X(FRINTZ_S,   NO,    NO, A64_SV1, "Vd = Vn rounded to integral, towards zero") \
    X(FRINTA_S,   NO,    NO, A64_SV1, "Vd = Vn rounded to integral, to nearest, ties away") \
    X(FRINTX_S,   NO,    NO, A64_SV1, "Vd = Vn rounded to integral by FPCR, IXC when inexact") \
    X(FRINTI_S,   NO,    NO, A64_SV1, "Vd = Vn rounded to integral by FPCR") \
    X(FRINT32Z_S, NO,    NO, A64_SV1, "Vd = Vn rounded towards zero to an int32 value (out of range: -2^31, IOC)") \
    X(FRINT32X_S, NO,    NO, A64_SV1, "Vd = Vn rounded by FPCR to an int32 value (out of range: -2^31, IOC)") \
    X(FRINT64Z_S, NO,    NO, A64_SV1, "Vd = Vn rounded towards zero to an int64 value (out of range: -2^63, IOC)") \
    X(FRINT64X_S, NO,    NO, A64_SV1, "Vd = Vn rounded by FPCR to an int64 value (out of range: -2^63, IOC)") \
    X(FMUL_S,     NO,    NO, A64_SV2, "Vd = Vn * Vm") \
    X(FDIV_S,     NO,    NO, A64_SV2, "Vd = Vn / Vm") \
    X(FADD_S,     NO,    NO, A64_SV2, "Vd = Vn + Vm") \
    X(FSUB_S,     NO,    NO, A64_SV2, "Vd = Vn - Vm") \
    X(FMAX_S,     NO,    NO, A64_SV2, "Vd = max(Vn, Vm), NaN if either is") \
    X(FMIN_S,     NO,    NO, A64_SV2, "Vd = min(Vn, Vm), NaN if either is") \
    X(FMAXNM_S,   NO,    NO, A64_SV2, "Vd = maxNum(Vn, Vm): a quiet NaN loses to a number") \
    X(FMINNM_S,   NO,    NO, A64_SV2, "Vd = minNum(Vn, Vm): a quiet NaN loses to a number") \
    X(FNMUL_S,    NO,    NO, A64_SV2, "Vd = -(Vn * Vm)") \
    X(FMADD_S,    NO,    NO, A64_SV2 | A64_P_V_RA, "Vd = Va + Vn * Vm, one rounding") \
    X(FMSUB_S,    NO,    NO, A64_SV2 | A64_P_V_RA, "Vd = Va - Vn * Vm, one rounding") \
    X(FNMADD_S,   NO,    NO, A64_SV2 | A64_P_V_RA, "Vd = -Va - Vn * Vm, one rounding") \
    X(FNMSUB_S,   NO,    NO, A64_SV2 | A64_P_V_RA, "Vd = -Va + Vn * Vm, one rounding") \
    X(FCMP_S,     NO,    NO, A64_P_SIMD | A64_P_V_RN | A64_P_V_RM | A64_P_SETS_FLAGS, "NZCV = compare(Vn, Vm), quiet") \
    X(FCMPZ_S,    NO,    NO, A64_P_SIMD | A64_P_V_RN | A64_P_SETS_FLAGS, "NZCV = compare(Vn, +0), quiet") \
    X(FCMPE_S,    NO,    NO, A64_P_SIMD | A64_P_V_RN | A64_P_V_RM | A64_P_SETS_FLAGS, "NZCV = compare(Vn, Vm), IOC on any NaN") \
    X(FCMPEZ_S,   NO,    NO, A64_P_SIMD | A64_P_V_RN | A64_P_SETS_FLAGS, "NZCV = compare(Vn, +0), IOC on any NaN") \
    X(FCCMP_S,    NO,    NO, A64_P_SIMD | A64_P_V_RN | A64_P_V_RM | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "NZCV = cond ? compare(Vn, Vm) : nzcv") \
    X(FCCMPE_S,   NO,    NO, A64_P_SIMD | A64_P_V_RN | A64_P_V_RM | A64_P_READS_FLAGS | A64_P_SETS_FLAGS, "NZCV = cond ? compare(Vn, Vm), IOC on any NaN : nzcv") \
    X(FCSEL_S,    NO,    NO, A64_SV2 | A64_P_READS_FLAGS, "Vd = cond ? Vn : Vm") \
    X(FCVTNS_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = signed int(Vn), to nearest even, saturated") \
    X(FCVTNU_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = unsigned int(Vn), to nearest even, saturated") \
    X(FCVTPS_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = signed int(Vn), towards +inf") \
    X(FCVTPU_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = unsigned int(Vn), towards +inf") \
    X(FCVTMS_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = signed int(Vn), towards -inf") \
    X(FCVTMU_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = unsigned int(Vn), towards -inf") \
    X(FCVTZS_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = signed int(Vn * 2^amount), towards zero") \
    X(FCVTZU_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = unsigned int(Vn * 2^amount), towards zero") \
    X(FCVTAS_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = signed int(Vn), to nearest, ties away") \
    X(FCVTAU_S,   NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN, "rd = unsigned int(Vn), to nearest, ties away") \
    X(SCVTF_S,    NO,    NO, A64_P_SIMD | A64_P_R_RN | A64_P_V_WD, "Vd = signed rn / 2^amount, rounded by FPCR") \
    X(UCVTF_S,    NO,    NO, A64_P_SIMD | A64_P_R_RN | A64_P_V_WD, "Vd = unsigned rn / 2^amount, rounded by FPCR") \
    X(FJCVTZS_S,  NO,    NO, A64_P_SIMD | A64_P_W_RD | A64_P_V_RN | A64_P_SETS_FLAGS, "wd = ToInt32(Dn) (JavaScript), NZCV = 0Z00")

/* C4.1.91 Advanced SIMD floating point, vector and AdvSIMD-scalar forms (docs/fp.md, Vector FP;
 * decoder: decode/a64_decode_vfp.inc; semantics: emu/exec/exec_simd_vfp.h, exec_fp.h per element).
 * Field use: size = element size log2 (2 = single, 3 = double; FCVTL: the source's, FCVTN and
 * FCVTXN: the destination's, 1 = half); sf = Q; shift = 1 for the scalar form (element 0 only,
 * the rest of the register cleared: the AdvSIMD scalar encodings; the scalar pairwise ops are
 * rows of their own, *_S, as they read no Vm); imms = the
 * element index of Vm (by element); amount = fbits of the fixed-point conversions (0: integer).
 * Half-precision arithmetic (FEAT_FP16) is not decoded: UNDEF. */
#define A64_SV3 (A64_SV2 | A64_P_V_RD)
#define A64_OPS_VFP(X) \
    X(FADD_V,     NO,    NO, A64_SV2, "element-wise FPAdd(rn, rm)") \
    X(FSUB_V,     NO,    NO, A64_SV2, "element-wise FPSub(rn, rm)") \
    X(FMUL_V,     NO,    NO, A64_SV2, "element-wise FPMul(rn, rm)") \
    X(FDIV_V,     NO,    NO, A64_SV2, "element-wise FPDiv(rn, rm)") \
    X(FMULX_V,    NO,    NO, A64_SV2, "element-wise FPMulX(rn, rm) (0 * inf = 2, signed); scalar too") \
    X(FMLA_V,     NO,    NO, A64_SV3, "element-wise FPMulAdd(rd, rn, rm)") \
    X(FMLS_V,     NO,    NO, A64_SV3, "element-wise FPMulAdd(rd, -rn, rm)") \
    X(FMAX_V,     NO,    NO, A64_SV2, "element-wise FPMax") \
    X(FMIN_V,     NO,    NO, A64_SV2, "element-wise FPMin") \
    X(FMAXNM_V,   NO,    NO, A64_SV2, "element-wise FPMaxNum (a quiet NaN loses)") \
    X(FMINNM_V,   NO,    NO, A64_SV2, "element-wise FPMinNum") \
    X(FABD_V,     NO,    NO, A64_SV2, "element-wise FPAbs(FPSub(rn, rm)); scalar too") \
    X(FADDP_V,    NO,    NO, A64_SV2, "pairwise FPAdd of rm:rn") \
    X(FMAXP_V,    NO,    NO, A64_SV2, "pairwise FPMax") \
    X(FMINP_V,    NO,    NO, A64_SV2, "pairwise FPMin") \
    X(FMAXNMP_V,  NO,    NO, A64_SV2, "pairwise FPMaxNum") \
    X(FMINNMP_V,  NO,    NO, A64_SV2, "pairwise FPMinNum") \
    X(FCMEQ_V,    NO,    NO, A64_SV2, "element-wise rn == rm ? ones : 0 (quiet compare); scalar too") \
    X(FCMGE_V,    NO,    NO, A64_SV2, "element-wise rn >= rm (signalling compare)") \
    X(FCMGT_V,    NO,    NO, A64_SV2, "element-wise rn > rm") \
    X(FACGE_V,    NO,    NO, A64_SV2, "element-wise |rn| >= |rm|") \
    X(FACGT_V,    NO,    NO, A64_SV2, "element-wise |rn| > |rm|") \
    X(FRECPS_V,   NO,    NO, A64_SV2, "element-wise FPRecipStepFused: 2 - rn * rm") \
    X(FRSQRTS_V,  NO,    NO, A64_SV2, "element-wise FPRSqrtStepFused: (3 - rn * rm) / 2") \
    X(FMUL_VE,    NO,    NO, A64_SV2, "FPMul(rn, rm element imms) (by element)") \
    X(FMULX_VE,   NO,    NO, A64_SV2, "FPMulX(rn, rm element imms)") \
    X(FMLA_VE,    NO,    NO, A64_SV3, "FPMulAdd(rd, rn, rm element imms)") \
    X(FMLS_VE,    NO,    NO, A64_SV3, "FPMulAdd(rd, -rn, rm element imms)") \
    X(FABS_V,     NO,    NO, A64_SV1, "element-wise sign cleared (NaNs too, no flags)") \
    X(FNEG_V,     NO,    NO, A64_SV1, "element-wise sign inverted") \
    X(FSQRT_V,    NO,    NO, A64_SV1, "element-wise FPSqrt") \
    X(FRINTN_V,   NO,    NO, A64_SV1, "element-wise round to integral, to nearest even") \
    X(FRINTP_V,   NO,    NO, A64_SV1, "element-wise round to integral, towards +inf") \
    X(FRINTM_V,   NO,    NO, A64_SV1, "element-wise round to integral, towards -inf") \
    X(FRINTZ_V,   NO,    NO, A64_SV1, "element-wise round to integral, towards zero") \
    X(FRINTA_V,   NO,    NO, A64_SV1, "element-wise round to integral, ties away") \
    X(FRINTX_V,   NO,    NO, A64_SV1, "element-wise round to integral by FPCR, IXC when inexact") \
    X(FRINTI_V,   NO,    NO, A64_SV1, "element-wise round to integral by FPCR") \
    X(FCVTNS_V,   NO,    NO, A64_SV1, "element-wise FPToFixed signed, to nearest even; scalar too") \
    X(FCVTNU_V,   NO,    NO, A64_SV1, "element-wise FPToFixed unsigned, to nearest even") \
    X(FCVTPS_V,   NO,    NO, A64_SV1, "element-wise FPToFixed signed, towards +inf") \
    X(FCVTPU_V,   NO,    NO, A64_SV1, "element-wise FPToFixed unsigned, towards +inf") \
    X(FCVTMS_V,   NO,    NO, A64_SV1, "element-wise FPToFixed signed, towards -inf") \
    X(FCVTMU_V,   NO,    NO, A64_SV1, "element-wise FPToFixed unsigned, towards -inf") \
    X(FCVTZS_V,   NO,    NO, A64_SV1, "element-wise FPToFixed signed, towards zero (amount: fbits)") \
    X(FCVTZU_V,   NO,    NO, A64_SV1, "element-wise FPToFixed unsigned, towards zero (amount: fbits)") \
    X(FCVTAS_V,   NO,    NO, A64_SV1, "element-wise FPToFixed signed, ties away") \
    X(FCVTAU_V,   NO,    NO, A64_SV1, "element-wise FPToFixed unsigned, ties away") \
    X(SCVTF_V,    NO,    NO, A64_SV1, "element-wise FixedToFP signed (amount: fbits), FPCR rounding") \
    X(UCVTF_V,    NO,    NO, A64_SV1, "element-wise FixedToFP unsigned (amount: fbits)") \
    X(FCVTL_V,    NO,    NO, A64_SV1, "widen: FPConvert of the lower (sf: FCVTL2, upper) half's elements") \
    X(FCVTN_V,    NO,    NO, A64_SV1 | A64_P_V_RD, "narrow: FPConvert into the lower half, upper cleared (sf: FCVTN2, upper half, lower kept)") \
    X(FCVTXN_V,   NO,    NO, A64_SV1 | A64_P_V_RD, "narrow double to single rounding to odd (sf: FCVTXN2); scalar too") \
    X(FCMEQZ_V,   NO,    NO, A64_SV1, "element-wise rn == 0.0 (quiet compare); scalar too") \
    X(FCMGEZ_V,   NO,    NO, A64_SV1, "element-wise rn >= 0.0 (signalling compare)") \
    X(FCMGTZ_V,   NO,    NO, A64_SV1, "element-wise rn > 0.0") \
    X(FCMLEZ_V,   NO,    NO, A64_SV1, "element-wise rn <= 0.0") \
    X(FCMLTZ_V,   NO,    NO, A64_SV1, "element-wise rn < 0.0") \
    X(FRECPE_V,   NO,    NO, A64_SV1, "element-wise FPRecipEstimate; scalar too") \
    X(FRSQRTE_V,  NO,    NO, A64_SV1, "element-wise FPRSqrtEstimate") \
    X(FRECPX_S,   NO,    NO, A64_SV1, "scalar FPRecpX") \
    X(URECPE_V,   NO,    NO, A64_SV1, "element-wise UnsignedRecipEstimate (32-bit)") \
    X(URSQRTE_V,  NO,    NO, A64_SV1, "element-wise UnsignedRSqrtEstimate (32-bit)") \
    X(FMAXV_V,    NO,    NO, A64_SV1, "FPMax across the 4 singles, pairwise tree, into element 0") \
    X(FMINV_V,    NO,    NO, A64_SV1, "FPMin across lanes") \
    X(FMAXNMV_V,  NO,    NO, A64_SV1, "FPMaxNum across lanes") \
    X(FMINNMV_V,  NO,    NO, A64_SV1, "FPMinNum across lanes") \
    X(FADDP_S,    NO,    NO, A64_SV1, "scalar pairwise: FPAdd of rn's elements 0 and 1 (2S or 2D)") \
    X(FMAXP_S,    NO,    NO, A64_SV1, "scalar pairwise FPMax") \
    X(FMINP_S,    NO,    NO, A64_SV1, "scalar pairwise FPMin") \
    X(FMAXNMP_S,  NO,    NO, A64_SV1, "scalar pairwise FPMaxNum") \
    X(FMINNMP_S,  NO,    NO, A64_SV1, "scalar pairwise FPMinNum")

/* C4.1.x FP/SIMD, second part: structure loads and stores and the rest of Advanced SIMD integer
 * (decode/a64_decode_simd2.inc; semantics emu/exec/exec_simd_int.h). Fields as above; besides:
 * imms = 1 marks the scalar form of a vector operation (one element of size, the rest of the
 * register zeroed); immr = element index (single-structure loads/stores, by-element operations).
 * Structure loads/stores: shift = registers in the list, which wraps from V31 to V0. "Long"
 * operations read the lower (sf: upper) half of their narrow sources and write 2 * size elements;
 * "narrow" ones write size elements into the lower half (sf: the upper half, the lower kept).
 * Saturating ones raise FPSR.QC (bit 27) when they saturate. */
#define A64_SV2D (A64_SV2 | A64_P_V_RD)
#define A64_SV1D (A64_SV1 | A64_P_V_RD)
#define A64_OPS_SIMD2(X) \
    X(LDN_M,      NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_V_WD, "LD2/LD3/LD4 {V[rd]..+shift-1} = mem[rn] de-interleaved (post-index: imm, or rm when R_RM)") \
    X(STN_M,      NO,    NO, A64_P_SIMD | A64_P_STORE | A64_P_R_RN | A64_P_V_RD, "ST2/ST3/ST4 mem[rn] = {V[rd]..+shift-1} interleaved") \
    X(LDS_V,      NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_V_RD | A64_P_V_WD, "LD1-LD4 single structure: element immr of V[rd]..+shift-1 = mem[rn]..") \
    X(STS_V,      NO,    NO, A64_P_SIMD | A64_P_STORE | A64_P_R_RN | A64_P_V_RD, "ST1-ST4 single structure: mem[rn].. = element immr of V[rd]..+shift-1") \
    X(LDNR,       NO,    NO, A64_P_SIMD | A64_P_LOAD | A64_P_R_RN | A64_P_V_WD, "LD2R-LD4R: V[rd]..+shift-1 = replicate(mem[rn]..), one element each") \
    X(SHADD_V,    NO,    NO, A64_SV2, "element-wise (rn + rm) >> 1, signed") \
    X(UHADD_V,    NO,    NO, A64_SV2, "element-wise (rn + rm) >> 1, unsigned") \
    X(SRHADD_V,   NO,    NO, A64_SV2, "element-wise (rn + rm + 1) >> 1, signed") \
    X(URHADD_V,   NO,    NO, A64_SV2, "element-wise (rn + rm + 1) >> 1, unsigned") \
    X(SHSUB_V,    NO,    NO, A64_SV2, "element-wise (rn - rm) >> 1, signed") \
    X(UHSUB_V,    NO,    NO, A64_SV2, "element-wise (rn - rm) >> 1, unsigned") \
    X(SQADD_V,    NO,    NO, A64_SV2, "element-wise rn + rm, signed saturating (imms: scalar)") \
    X(UQADD_V,    NO,    NO, A64_SV2, "element-wise rn + rm, unsigned saturating (imms: scalar)") \
    X(SQSUB_V,    NO,    NO, A64_SV2, "element-wise rn - rm, signed saturating (imms: scalar)") \
    X(UQSUB_V,    NO,    NO, A64_SV2, "element-wise rn - rm, unsigned saturating (imms: scalar)") \
    X(SSHL_V,     NO,    NO, A64_SV2, "element-wise rn shifted by signed byte rm (negative: right, arithmetic)") \
    X(USHL_V,     NO,    NO, A64_SV2, "element-wise rn shifted by signed byte rm (negative: right, logical)") \
    X(SRSHL_V,    NO,    NO, A64_SV2, "SSHL, right shifts rounded") \
    X(URSHL_V,    NO,    NO, A64_SV2, "USHL, right shifts rounded") \
    X(SABD_V,     NO,    NO, A64_SV2, "element-wise |rn - rm|, signed") \
    X(UABD_V,     NO,    NO, A64_SV2, "element-wise |rn - rm|, unsigned") \
    X(SABA_V,     NO,    NO, A64_SV2D, "element-wise rd + |rn - rm|, signed") \
    X(UABA_V,     NO,    NO, A64_SV2D, "element-wise rd + |rn - rm|, unsigned") \
    X(SMAXP_V,    NO,    NO, A64_SV2, "pairwise signed max") \
    X(SMINP_V,    NO,    NO, A64_SV2, "pairwise signed min") \
    X(SQDMULH_V,  NO,    NO, A64_SV2, "element-wise (2 * rn * rm) >> esize, saturating (imms: scalar)") \
    X(SQRDMULH_V, NO,    NO, A64_SV2, "element-wise (2 * rn * rm + round) >> esize, saturating (imms: scalar)") \
    X(PMUL_V,     NO,    NO, A64_SV2, "element-wise polynomial (carry-less) multiply of bytes") \
    X(ABS_V,      NO,    NO, A64_SV1, "element-wise |rn| (MIN stays MIN)") \
    X(NEG_V,      NO,    NO, A64_SV1, "element-wise -rn") \
    X(SQABS_V,    NO,    NO, A64_SV1, "element-wise |rn|, saturating (imms: scalar)") \
    X(SQNEG_V,    NO,    NO, A64_SV1, "element-wise -rn, saturating (imms: scalar)") \
    X(CLS_V,      NO,    NO, A64_SV1, "element-wise count of leading sign bits") \
    X(CLZ_V,      NO,    NO, A64_SV1, "element-wise count of leading zeros") \
    X(RBIT_V,     NO,    NO, A64_SV1, "reverse the bits of each byte") \
    X(SADDLP_V,   NO,    NO, A64_SV1, "pairwise sum of sign-extended elements, as elements of 2 * size") \
    X(UADDLP_V,   NO,    NO, A64_SV1, "pairwise sum of zero-extended elements, as elements of 2 * size") \
    X(SADALP_V,   NO,    NO, A64_SV1D, "rd + SADDLP(rn)") \
    X(UADALP_V,   NO,    NO, A64_SV1D, "rd + UADDLP(rn)") \
    X(SQXTN_V,    NO,    NO, A64_SV1D, "narrow, signed to signed, saturating (imms: scalar)") \
    X(UQXTN_V,    NO,    NO, A64_SV1D, "narrow, unsigned to unsigned, saturating (imms: scalar)") \
    X(SQXTUN_V,   NO,    NO, A64_SV1D, "narrow, signed to unsigned, saturating (imms: scalar)") \
    X(SRSHR_V,    NO,    NO, A64_SV1, "element-wise rounding arithmetic shift right by amount") \
    X(URSHR_V,    NO,    NO, A64_SV1, "element-wise rounding logical shift right by amount") \
    X(SRSRA_V,    NO,    NO, A64_SV1D, "element-wise rd + SRSHR(rn)") \
    X(URSRA_V,    NO,    NO, A64_SV1D, "element-wise rd + URSHR(rn)") \
    X(SRI_V,      NO,    NO, A64_SV1D, "element-wise rn >> amount inserted into rd (rd's top amount bits kept)") \
    X(SLI_V,      NO,    NO, A64_SV1D, "element-wise rn << amount inserted into rd (rd's low amount bits kept)") \
    X(RSHRN_V,    NO,    NO, A64_SV1D, "narrow: elements of 2 * size, rounding shift right by amount") \
    X(SQSHRN_V,   NO,    NO, A64_SV1D, "narrow: signed shift right, saturated to signed (imms: scalar)") \
    X(UQSHRN_V,   NO,    NO, A64_SV1D, "narrow: unsigned shift right, saturated to unsigned (imms: scalar)") \
    X(SQRSHRN_V,  NO,    NO, A64_SV1D, "narrow: signed rounding shift right, saturated to signed (imms: scalar)") \
    X(UQRSHRN_V,  NO,    NO, A64_SV1D, "narrow: unsigned rounding shift right, saturated (imms: scalar)") \
    X(SQSHRUN_V,  NO,    NO, A64_SV1D, "narrow: signed shift right, saturated to unsigned (imms: scalar)") \
    X(SQRSHRUN_V, NO,    NO, A64_SV1D, "narrow: signed rounding shift right, saturated to unsigned (imms: scalar)") \
    X(SSUBL_V,    NO,    NO, A64_SV2, "long: sext(rn) - sext(rm)") \
    X(USUBL_V,    NO,    NO, A64_SV2, "long: zext(rn) - zext(rm)") \
    X(SSUBW_V,    NO,    NO, A64_SV2, "wide rn - sext(rm half)") \
    X(USUBW_V,    NO,    NO, A64_SV2, "wide rn - zext(rm half)") \
    X(ADDHN_V,    NO,    NO, A64_SV2D, "narrow: high halves of the 2 * size sums rn + rm") \
    X(RADDHN_V,   NO,    NO, A64_SV2D, "narrow: high halves of the 2 * size sums, rounded") \
    X(SUBHN_V,    NO,    NO, A64_SV2D, "narrow: high halves of the 2 * size differences rn - rm") \
    X(RSUBHN_V,   NO,    NO, A64_SV2D, "narrow: high halves of the 2 * size differences, rounded") \
    X(SABAL_V,    NO,    NO, A64_SV2D, "long: rd + |sext(rn) - sext(rm)|") \
    X(UABAL_V,    NO,    NO, A64_SV2D, "long: rd + |zext(rn) - zext(rm)|") \
    X(SABDL_V,    NO,    NO, A64_SV2, "long: |sext(rn) - sext(rm)|") \
    X(UABDL_V,    NO,    NO, A64_SV2, "long: |zext(rn) - zext(rm)|") \
    X(SMLAL_V,    NO,    NO, A64_SV2D, "long: rd + sext(rn) * sext(rm)") \
    X(UMLAL_V,    NO,    NO, A64_SV2D, "long: rd + zext(rn) * zext(rm)") \
    X(SMLSL_V,    NO,    NO, A64_SV2D, "long: rd - sext(rn) * sext(rm)") \
    X(UMLSL_V,    NO,    NO, A64_SV2D, "long: rd - zext(rn) * zext(rm)") \
    X(PMULL_V,    NO,    NO, A64_SV2, "long: polynomial multiply of bytes (size 0)") \
    X(SQDMULL_V,  NO,    NO, A64_SV2, "long: 2 * sext(rn) * sext(rm), saturating (imms: scalar)") \
    X(SQDMLAL_V,  NO,    NO, A64_SV2D, "long: rd + SQDMULL, each step saturating (imms: scalar)") \
    X(SQDMLSL_V,  NO,    NO, A64_SV2D, "long: rd - SQDMULL, each step saturating (imms: scalar)") \
    X(MUL_E,      NO,    NO, A64_SV2, "element-wise rn * rm element immr") \
    X(MLA_E,      NO,    NO, A64_SV2D, "element-wise rd + rn * rm element immr") \
    X(MLS_E,      NO,    NO, A64_SV2D, "element-wise rd - rn * rm element immr") \
    X(SMULL_E,    NO,    NO, A64_SV2, "long: sext(rn) * sext(rm element immr)") \
    X(UMULL_E,    NO,    NO, A64_SV2, "long: zext(rn) * zext(rm element immr)") \
    X(SMLAL_E,    NO,    NO, A64_SV2D, "long: rd + sext(rn) * sext(rm element immr)") \
    X(UMLAL_E,    NO,    NO, A64_SV2D, "long: rd + zext(rn) * zext(rm element immr)") \
    X(SMLSL_E,    NO,    NO, A64_SV2D, "long: rd - sext(rn) * sext(rm element immr)") \
    X(UMLSL_E,    NO,    NO, A64_SV2D, "long: rd - zext(rn) * zext(rm element immr)") \
    X(SQDMULL_E,  NO,    NO, A64_SV2, "SQDMULL by rm element immr (imms: scalar)") \
    X(SQDMLAL_E,  NO,    NO, A64_SV2D, "SQDMLAL by rm element immr (imms: scalar)") \
    X(SQDMLSL_E,  NO,    NO, A64_SV2D, "SQDMLSL by rm element immr (imms: scalar)") \
    X(SQDMULH_E,  NO,    NO, A64_SV2, "SQDMULH by rm element immr (imms: scalar)") \
    X(SQRDMULH_E, NO,    NO, A64_SV2, "SQRDMULH by rm element immr (imms: scalar)") \
    X(DUP_S,      NO,    NO, A64_SV1, "scalar DUP (MOV Sd, Vn.S[i]): V[rd] = zext(V[rn] element imms)") \
    X(SQSHL_V,    NO,    NO, A64_SV2, "element-wise rn shifted by signed byte rm, signed saturating (right: truncating) (imms: scalar)") \
    X(UQSHL_V,    NO,    NO, A64_SV2, "element-wise rn shifted by signed byte rm, unsigned saturating (imms: scalar)") \
    X(SQRSHL_V,   NO,    NO, A64_SV2, "SQSHL, right shifts rounded (imms: scalar)") \
    X(UQRSHL_V,   NO,    NO, A64_SV2, "UQSHL, right shifts rounded (imms: scalar)") \
    X(SQSHL_VI,   NO,    NO, A64_SV1, "element-wise rn << amount, signed saturating (imms: scalar)") \
    X(UQSHL_VI,   NO,    NO, A64_SV1, "element-wise rn << amount, unsigned saturating (imms: scalar)") \
    X(SQSHLU_V,   NO,    NO, A64_SV1, "element-wise signed rn << amount, saturated to unsigned (imms: scalar)") \
    X(SUQADD_V,   NO,    NO, A64_SV1D, "element-wise signed rd + unsigned rn, signed saturating (imms: scalar)") \
    X(USQADD_V,   NO,    NO, A64_SV1D, "element-wise unsigned rd + signed rn, unsigned saturating (imms: scalar)") \
    X(SHLL_V,     NO,    NO, A64_SV1, "long: rn elements << esize (sf: upper half, SHLL2)")

enum a64_op {
#define A64_OP_ENUM(name, alu, lane, props, what) A64_OP_##name,
    A64_OPS(A64_OP_ENUM)
#undef A64_OP_ENUM
    A64_OP_COUNT
};

/* Shift types (field `shift` of *_SHIFT ops, as encoded). */
enum a64_shift { A64_SHIFT_LSL = 0, A64_SHIFT_LSR = 1, A64_SHIFT_ASR = 2, A64_SHIFT_ROR = 3 };

/* Extend types (field `shift` of *_EXT ops and register-offset loads/stores, as encoded "option"). */
enum a64_extend {
    A64_EXT_UXTB = 0, A64_EXT_UXTH = 1, A64_EXT_UXTW = 2, A64_EXT_UXTX = 3,
    A64_EXT_SXTB = 4, A64_EXT_SXTH = 5, A64_EXT_SXTW = 6, A64_EXT_SXTX = 7
};

/* Condition codes (field `cond`), as encoded. */
enum a64_cond {
    A64_COND_EQ, A64_COND_NE, A64_COND_CS, A64_COND_CC, A64_COND_MI, A64_COND_PL, A64_COND_VS,
    A64_COND_VC, A64_COND_HI, A64_COND_LS, A64_COND_GE, A64_COND_LT, A64_COND_GT, A64_COND_LE,
    A64_COND_AL, A64_COND_NV
};

/* System registers reachable from EL0 (field `imm` of MRS/MSR). */
enum a64_sysreg {
    A64_SYSREG_NZCV, A64_SYSREG_FPCR, A64_SYSREG_FPSR, A64_SYSREG_TPIDR_EL0,
    A64_SYSREG_CTR_EL0, A64_SYSREG_DCZID_EL0, A64_SYSREG_MIDR_EL1,
    A64_SYSREG_CNTVCT_EL0, A64_SYSREG_CNTFRQ_EL0
};

/* One decoded instruction: 32 bytes, identical layout in C and OpenCL C. Filled in exactly one
 * place, a64_decode(). Fields an operation does not use are zero. */
struct a64_insn {
    uint16_t op;      /* enum a64_op */
    uint8_t rd;       /* destination, or Rt of loads/stores/CBZ/TBZ/MSR (register slot, see top);
                         atomics: where the old value goes (Rt; CAS/CASP: Rs, compared first) */
    uint8_t rn;       /* first source, or base address register */
    uint8_t rm;       /* second source; STXR/STXP status register; atomics: the operand (Rs, CAS: Rt) */
    uint8_t ra;       /* MADD addend; Rt2 of pairs; CASP: Rs+1 */
    uint8_t sf;       /* 1: 64-bit operation; 0: 32-bit (results zero-extended to 64) */
    uint8_t size;     /* loads/stores: log2 of the access size in bytes (per element for pairs) */
    uint8_t shift;    /* enum a64_shift or enum a64_extend for the rm operand */
    uint8_t amount;   /* shift amount; MOVK: hw*16; TBZ/TBNZ: bit number; EXTR: lsb */
    uint8_t cond;     /* enum a64_cond for B.cond, CSEL family, CCMP/CCMN */
    uint8_t nzcv;     /* CCMP/CCMN: the flags (bits 3..0 = N,Z,C,V) when cond fails */
    uint8_t immr;     /* bitfield ops */
    uint8_t imms;     /* bitfield ops */
    uint8_t rm2;      /* CASP: Rt+1, the second register of the new value */
    uint8_t reserved;
    uint32_t flags;   /* A64_P_* of the op (from a64_op_props) | A64_F_* of this encoding */
    uint32_t word;    /* the raw instruction word */
    int64_t imm;      /* immediate: offsets (bytes, sign-extended), masks, MOV values, sysreg id */
};

A64_STATIC_ASSERT(sizeof(struct a64_insn) == 32, a64_insn_is_32_bytes);

#endif
