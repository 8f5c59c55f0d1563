/* cpu_exec.c: the CPU engine's dispatch loop (docs/engines.md, CPU engine). Blocks (cpu_blocks.c)
 * run by threaded dispatch: every handler ends in `goto *(++u)->h`. With TEMU_DISPATCH_SWITCH the
 * same handler bodies become the cases of one switch (Lua's vmcase/vmbreak idea).
 *
 * Hot state lives in locals: the micro-op pointer, the current block, the remaining instruction
 * budget, the packed NZCV and the block counter. The guest pc is never maintained per instruction:
 * it is block->pc + 4 * (index of the micro-op), computed only where needed (faults, svc, BL).
 * Locals are written back to the process at named points only: svc, faults, UNDEF, budget
 * exhaustion and the end of the run.
 *
 * A branch follows its successor slot directly when it is filled and the budget covers the whole
 * successor block, so a hot loop never touches the block cache; otherwise it leaves through the
 * lookup (cpu_find, inline from cpu_int.h), which fills the slot. The budget is charged a whole
 * block at block entry (cpu_truncate makes it exact). After a syscall the engine hears from
 * emu_mem (cpu_sync_mem: code writes, map_gen) what changed; a guest store into a code page leaves
 * through `smc`. */
#include "cpu_int.h"

#include <string.h>

#include "emu_stop.h"

/* Handler definition and dispatch, for both builds. */
#ifdef TEMU_DISPATCH_SWITCH
#define OP(name) case U_##name:
#define DISPATCH() goto dispatch
#else
#define OP(name) L_##name:
#define DISPATCH() goto *u->h
#endif
#define NEXT() do { u++; DISPATCH(); } while (0)

/* Register slots of the current micro-op. */
#define RD X[u->d]
#define RN X[u->n]
#define RM X[u->m]
#define RA X[u->a]
/* Guest pc of the current micro-op. */
#define UPC() (b->pc + 4 * (uint64_t)(u - b->ops))
#define FLAG_C ((uint64_t)(nzcv >> 29) & 1)

/* Follow successor slot `slot` when it is chained and the budget covers the whole successor;
 * otherwise leave through the lookup with the target pc. */
#define JUMP(slot, target) do { \
        struct cpu_block *nb_ = b->succ[slot]; \
        if (CPU_LIKELY(nb_ != NULL && nb_->n <= remaining)) { \
            b = nb_; \
            remaining -= b->n; \
            nblocks++; \
            u = b->ops; \
            DISPATCH(); \
        } \
        pc = (target); \
        link = b; \
        link_slot = (slot); \
        goto lookup; \
    } while (0)

/* Indirect branch: the slot caches the last target, so its pc must be checked. */
#define JUMP_IND(target) do { \
        pc = (target); \
        struct cpu_block *nb_ = b->succ[CPU_SLOT_IND]; \
        if (CPU_LIKELY(nb_ != NULL && nb_->pc == pc && nb_->n <= remaining)) { \
            b = nb_; \
            remaining -= b->n; \
            nblocks++; \
            u = b->ops; \
            DISPATCH(); \
        } \
        link = b; \
        link_slot = CPU_SLOT_IND; \
        goto lookup; \
    } while (0)

/* Handler families. Each semantic has one body, instantiated with a constant sf. */
#define H_WX(NAME, ...) \
    OP(NAME##_W) { const int sf = 0; (void)sf; __VA_ARGS__; NEXT(); } \
    OP(NAME##_X) { const int sf = 1; (void)sf; __VA_ARGS__; NEXT(); }

/* Register-register ALU: `r` from a and b (the possibly shifted rm). */
#define H_ALU4(NAME, ...) \
    H_WX(NAME##_RR, { uint64_t a = RN, b_ = RM, r; __VA_ARGS__; RD = emu_alu_w(r, sf); }) \
    H_WX(NAME##_RS, { uint64_t a = RN, b_ = emu_alu_shift(RM, u->k0, u->k1, sf), r; __VA_ARGS__; \
                      RD = emu_alu_w(r, sf); })

/* Extended-register ALU. */
#define H_EXT(NAME, ...) \
    H_WX(NAME, { uint64_t a = RN, b_ = emu_alu_extend(RM, u->k0, u->k1, sf), r; __VA_ARGS__; \
                 RD = emu_alu_w(r, sf); })

/* Addressing: compute `a`; writeback after the access succeeded. */
#define AM_OFF uint64_t a = RN + u->imm
#define AM_PRE uint64_t a = RN + u->imm
#define AM_POST uint64_t a = RN
#define AM_REG uint64_t a = RN + emu_alu_extend(RM, u->k0, u->k1, 1)
#define AM_LIT uint64_t a = u->imm
#define WB_OFF
#define WB_PRE RN = a
#define WB_POST RN = a + u->imm
#define WB_REG
#define WB_LIT

/* Loads: `T` is the memory type, CONV widens it to the register value. The base writeback comes
 * before the destination write, so a loaded value wins when rt == rn (constrained unpredictable). */
#define H_LD1(NAME, MODE, T, CONV) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        T v_; \
        if (CPU_UNLIKELY(emu_mem_read(mem, a, &v_, sizeof v_))) \
            goto fault_r; \
        WB_##MODE; \
        RD = CONV(v_); \
        NEXT(); \
    }
#define H_LD(NAME, T, CONV) \
    H_LD1(NAME, OFF, T, CONV) H_LD1(NAME, PRE, T, CONV) H_LD1(NAME, POST, T, CONV) \
    H_LD1(NAME, REG, T, CONV) H_LD1(NAME, LIT, T, CONV)

/* Stores: the value is read before the writeback (rt == rn stores the old base). A store into a
 * code page leaves through `smc` once the instruction is complete. */
#define H_ST1(NAME, MODE, T) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        T v_ = (T)RD; \
        int r_ = emu_mem_write(mem, a, &v_, sizeof v_); \
        if (CPU_UNLIKELY(r_ < 0)) \
            goto fault_w; \
        WB_##MODE; \
        if (CPU_UNLIKELY(r_)) { \
            smc_addr = a; \
            smc_len = sizeof v_; \
            goto smc; \
        } \
        NEXT(); \
    }
#define H_ST(NAME, T) H_ST1(NAME, OFF, T) H_ST1(NAME, PRE, T) H_ST1(NAME, POST, T) H_ST1(NAME, REG, T)

/* Pairs: one access of both elements, so a fault leaves nothing half done. */
#define H_LDP1(NAME, MODE, T, CONV) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        T v_[2]; \
        if (CPU_UNLIKELY(emu_mem_read(mem, a, v_, sizeof v_))) \
            goto fault_r; \
        WB_##MODE; \
        RD = CONV(v_[0]); \
        RA = CONV(v_[1]); \
        NEXT(); \
    }
#define H_LDP(NAME, T, CONV) H_LDP1(NAME, OFF, T, CONV) H_LDP1(NAME, PRE, T, CONV) H_LDP1(NAME, POST, T, CONV)
#define H_STP1(NAME, MODE, T) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        T v_[2] = {(T)RD, (T)RA}; \
        int r_ = emu_mem_write(mem, a, v_, sizeof v_); \
        if (CPU_UNLIKELY(r_ < 0)) \
            goto fault_w; \
        WB_##MODE; \
        if (CPU_UNLIKELY(r_)) { \
            smc_addr = a; \
            smc_len = sizeof v_; \
            goto smc; \
        } \
        NEXT(); \
    }
#define H_STP(NAME, T) H_STP1(NAME, OFF, T) H_STP1(NAME, PRE, T) H_STP1(NAME, POST, T)

/* FP/SIMD loads and stores of N-byte registers (4, 8, 16), whole or in pairs: one access, the base
 * writeback after it, then the registers (zero-extended), as cpu_simd.c does them; the second
 * register of a pair is written last, so it wins when both are one. */
#define V (p->st.v) /* not a local: one more live pointer made the integer handlers spill */
#define VLO(r) V[2 * (r)]
#define VHI(r) V[2 * (r) + 1]
#define H_LDV1(NAME, MODE, N) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        uint64_t v_[2] = {0, 0}; \
        if (CPU_UNLIKELY(emu_mem_read(mem, a, v_, N))) \
            goto fault_r; \
        WB_##MODE; \
        VLO(u->d) = v_[0]; \
        VHI(u->d) = v_[1]; \
        NEXT(); \
    }
#define H_STV1(NAME, MODE, N) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        uint64_t v_[2] = {VLO(u->d), VHI(u->d)}; \
        int r_ = emu_mem_write(mem, a, v_, N); \
        if (CPU_UNLIKELY(r_ < 0)) \
            goto fault_w; \
        WB_##MODE; \
        if (CPU_UNLIKELY(r_)) { \
            smc_addr = a; \
            smc_len = N; \
            goto smc; \
        } \
        NEXT(); \
    }
#define H_LDPV1(NAME, MODE, N) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        uint8_t buf_[2 * N]; \
        uint64_t e_[2][2] = {{0, 0}, {0, 0}}; \
        if (CPU_UNLIKELY(emu_mem_read(mem, a, buf_, 2 * N))) \
            goto fault_r; \
        WB_##MODE; \
        memcpy(e_[0], buf_, N); \
        memcpy(e_[1], buf_ + N, N); \
        VLO(u->d) = e_[0][0]; \
        VHI(u->d) = e_[0][1]; \
        VLO(u->a) = e_[1][0]; \
        VHI(u->a) = e_[1][1]; \
        NEXT(); \
    }
#define H_STPV1(NAME, MODE, N) \
    OP(NAME##_##MODE) { \
        AM_##MODE; \
        uint8_t buf_[2 * N]; \
        uint64_t e_[2][2] = {{VLO(u->d), VHI(u->d)}, {VLO(u->a), VHI(u->a)}}; \
        memcpy(buf_, e_[0], N); \
        memcpy(buf_ + N, e_[1], N); \
        int r_ = emu_mem_write(mem, a, buf_, 2 * N); \
        if (CPU_UNLIKELY(r_ < 0)) \
            goto fault_w; \
        WB_##MODE; \
        if (CPU_UNLIKELY(r_)) { \
            smc_addr = a; \
            smc_len = 2 * N; \
            goto smc; \
        } \
        NEXT(); \
    }
#define H_LDV(NAME, N) H_LDV1(NAME, OFF, N) H_LDV1(NAME, PRE, N) H_LDV1(NAME, POST, N) H_LDV1(NAME, REG, N)
#define H_STV(NAME, N) H_STV1(NAME, OFF, N) H_STV1(NAME, PRE, N) H_STV1(NAME, POST, N) H_STV1(NAME, REG, N)
#define H_LDPV(NAME, N) H_LDPV1(NAME, OFF, N) H_LDPV1(NAME, PRE, N) H_LDPV1(NAME, POST, N)
#define H_STPV(NAME, N) H_STPV1(NAME, OFF, N) H_STPV1(NAME, PRE, N) H_STPV1(NAME, POST, N)

/* Scalar FP through the host-FP fast path (cpu_simd.c, out of line), what it declines to the
 * generic micro-op (imm is the word). FCMP returns its flags rather than writing through &nzcv: a
 * second place taking nzcv's address made the integer handlers slower (countdown 11.0 -> 12.5
 * host instructions per guest instruction). */
#define H_FP(N) \
    OP(FP2_##N) { \
        if (CPU_UNLIKELY(!cpu_simd_fp2(p, u, N##_BITS))) \
            goto simd_slow; \
        NEXT(); \
    } \
    OP(FMA_##N) { \
        if (CPU_UNLIKELY(!cpu_simd_fma(p, u, N##_BITS))) \
            goto simd_slow; \
        NEXT(); \
    } \
    OP(FCMP_##N) { \
        uint32_t f_ = cpu_simd_fcmp(p, u, N##_BITS); \
        if (CPU_UNLIKELY(f_ == CPU_FCMP_SLOW)) \
            goto simd_slow; \
        nzcv = f_; \
        NEXT(); \
    }
/* Bitwise vector operations on both halves (k1: the high half counts, else it is cleared). */
#define H_VLOGIC(NAME, EXPR) \
    OP(NAME) { \
        uint64_t a = VLO(u->n), b_ = VLO(u->m), lo = (EXPR), hi = 0; \
        if (u->k1) { \
            a = VHI(u->n); \
            b_ = VHI(u->m); \
            hi = (EXPR); \
        } \
        VLO(u->d) = lo; \
        VHI(u->d) = hi; \
        NEXT(); \
    }

/* Each element's top bit, by element size (VUSRA's add, as VADD's imm). */
static const uint64_t cpu_vtop[4] = {0x8080808080808080ull, 0x8000800080008000ull, 0x8000000080000000ull,
                                     0x8000000000000000ull};

/* Element-wise product of the 1 << size byte elements of a and b, the low bits of each. */
static inline uint64_t cpu_vmul64(uint64_t a, uint64_t b, unsigned size)
{
    const unsigned bits = 8u << size;
    const uint64_t m = emu_alu_ones(bits);
    uint64_t r = 0;
    for (unsigned sh = 0; sh < 64; sh += bits)
        r |= (((a >> sh) * (b >> sh)) & m) << sh;
    return r;
}

#define S_BITS 32
#define D_BITS 64

#define CV_U(v) ((uint64_t)(v))
#define CV_S32(v) ((uint64_t)(uint32_t)(int32_t)(v))
#define CV_S64(v) ((uint64_t)(int64_t)(v))

/* The budget, stats and error text are settled here; emu_cpu_run adds only tracing. */
enum emu_status cpu_exec(struct emu_cpu *c, struct emu_proc *p, uint64_t budget)
{
#ifdef TEMU_DISPATCH_SWITCH
    const void *const *labels = NULL;
#else
    static const void *const labels[U_COUNT] = {
#define CPU_UOP_LABEL(n) &&L_##n,
        CPU_UOPS(CPU_UOP_LABEL)
#undef CPU_UOP_LABEL
    };
#endif
    uint64_t *const X = p->st.x;
    struct emu_mem *const mem = &p->mem;
    uint64_t remaining = budget;
    uint64_t nblocks = 0;
    uint32_t nzcv = (uint32_t)p->st.nzcv;
    uint64_t pc = p->st.pc;
    struct cpu_block *b = NULL;
    struct cpu_block *link = NULL; /* block whose successor slot `link_slot` the lookup fills */
    unsigned link_slot = 0;
    const struct cpu_uop *u = NULL;
    uint64_t smc_addr = 0, smc_len = 0;
    enum emu_status status = EMU_OK;

lookup:
    if (remaining == 0) {
        p->st.pc = pc;
        status = EMU_LIMIT;
        goto out;
    }
    {
        struct cpu_block *nb = cpu_find(c, p, pc);
        if (!nb) {
            nb = cpu_build(c, p, pc, labels);
            if (!nb) {
                p->st.pc = pc;
                p->fault_access = EMU_PERM_X;
                status = EMU_FAULT;
                goto out;
            }
        }
        if (link && link != c->scratch && !link->dead)
            link->succ[link_slot] = nb;
        link = NULL;
        b = nb;
    }
    if (b->n > remaining)
        b = cpu_truncate(c, b, remaining, labels);
    remaining -= b->n;
    nblocks++;
    u = b->ops;
    DISPATCH();

#ifdef TEMU_DISPATCH_SWITCH
dispatch:
    switch ((enum cpu_uop_id)u->op) {
#endif

    /* Block ends and exceptions. */
    OP(LIMIT) {
        p->st.pc = u->imm;
        status = EMU_LIMIT;
        goto out;
    }
    OP(FALL) JUMP(CPU_SLOT_FALL, u->imm);
    OP(UNDEF) {
        remaining += b->n - (uint64_t)(u - b->ops);
        p->st.pc = UPC();
        status = EMU_UNDEF;
        goto out;
    }
    OP(SVC) {
        p->st.pc = UPC();
        p->st.nzcv = nzcv;
        status = emu_stop_handle(p, EMU_SVC, 0, 0);
        nzcv = (uint32_t)p->st.nzcv;
        if (status == EMU_OK || status == EMU_EXIT) {
            if (status == EMU_EXIT)
                goto out;
            cpu_sync_mem(c, p);
            pc = p->st.pc;
            goto lookup;
        }
        remaining += 1; /* not retired: pc stays at the svc */
        goto out;
    }
    OP(NOP) NEXT();
    OP(CLREX) {
        p->st.excl_valid = 0;
        NEXT();
    }
    OP(MRS) {
        uint64_t v;
        switch (u->imm) {
        case A64_SYSREG_NZCV: v = nzcv; break;
        case A64_SYSREG_FPCR: v = p->st.fpcr; break;
        case A64_SYSREG_FPSR: v = p->st.fpsr; break;
        case A64_SYSREG_TPIDR_EL0: v = p->st.tpidr; break;
        case A64_SYSREG_CTR_EL0: v = EMU_SYSREG_CTR; break;
        case A64_SYSREG_DCZID_EL0: v = EMU_SYSREG_DCZID; break;
        case A64_SYSREG_MIDR_EL1: v = EMU_SYSREG_MIDR; break;
        case A64_SYSREG_CNTVCT_EL0: v = emu_cntvct(); break;
        case A64_SYSREG_CNTFRQ_EL0: v = EMU_SYSREG_CNTFRQ; break;
        default: goto undef;
        }
        RD = v;
        NEXT();
    }
    OP(MSR) {
        uint64_t v = RD;
        switch (u->imm) {
        case A64_SYSREG_NZCV: nzcv = (uint32_t)v & 0xf0000000u; break;
        case A64_SYSREG_FPCR: p->st.fpcr = (uint32_t)v; break;
        case A64_SYSREG_FPSR: p->st.fpsr = (uint32_t)v; break;
        case A64_SYSREG_TPIDR_EL0: p->st.tpidr = v; break;
        default: goto undef;
        }
        NEXT();
    }

    /* Moves. */
    OP(MOVI) {
        RD = u->imm;
        NEXT();
    }
    H_WX(MOV, RD = emu_alu_w(RM, sf))
    H_WX(MOVK, RD = emu_alu_w((RD & ~(0xffffull << u->k0)) | u->imm, sf))

    /* Immediate arithmetic and logic. */
    H_WX(ADDI, RD = emu_alu_w(RN + u->imm, sf))
    H_WX(ADDSI, RD = emu_alu_adc_flags(RN, u->imm, 0, sf, &nzcv))
    H_WX(SUBSI, RD = emu_alu_adc_flags(RN, ~u->imm, 1, sf, &nzcv))
    H_WX(ANDI, RD = emu_alu_w(RN & u->imm, sf))
    H_WX(ORRI, RD = emu_alu_w(RN | u->imm, sf))
    H_WX(EORI, RD = emu_alu_w(RN ^ u->imm, sf))
    H_WX(ANDSI, { uint64_t r = emu_alu_w(RN & u->imm, sf); nzcv = emu_alu_nz(r, sf); RD = r; })

    /* Register arithmetic and logic. */
    H_ALU4(ADD, r = a + b_)
    H_ALU4(SUB, r = a - b_)
    H_ALU4(ADDS, r = emu_alu_adc_flags(a, b_, 0, sf, &nzcv))
    H_ALU4(SUBS, r = emu_alu_adc_flags(a, ~b_, 1, sf, &nzcv))
    H_ALU4(AND, r = a & b_)
    H_ALU4(BIC, r = a & ~b_)
    H_ALU4(ORR, r = a | b_)
    H_ALU4(ORN, r = a | ~b_)
    H_ALU4(EOR, r = a ^ b_)
    H_ALU4(EON, r = a ^ ~b_)
    H_ALU4(ANDS, { r = a & b_; nzcv = emu_alu_nz(r, sf); })
    H_ALU4(BICS, { r = a & ~b_; nzcv = emu_alu_nz(r, sf); })
    H_EXT(ADDX, r = a + b_)
    H_EXT(SUBX, r = a - b_)
    H_EXT(ADDSX, r = emu_alu_adc_flags(a, b_, 0, sf, &nzcv))
    H_EXT(SUBSX, r = emu_alu_adc_flags(a, ~b_, 1, sf, &nzcv))
    H_WX(ADC, RD = emu_alu_w(RN + RM + FLAG_C, sf))
    H_WX(ADCS, RD = emu_alu_adc_flags(RN, RM, FLAG_C, sf, &nzcv))
    H_WX(SBC, RD = emu_alu_w(RN + ~RM + FLAG_C, sf))
    H_WX(SBCS, RD = emu_alu_adc_flags(RN, ~RM, FLAG_C, sf, &nzcv))

    /* Conditional compare: the flags of the comparison, or the immediate nzcv. */
    H_WX(CCMNR, {
        if (emu_alu_cond(u->k0, nzcv)) emu_alu_adc_flags(RN, RM, 0, sf, &nzcv);
        else nzcv = (uint32_t)u->k1 << 28;
    })
    H_WX(CCMNI, {
        if (emu_alu_cond(u->k0, nzcv)) emu_alu_adc_flags(RN, u->imm, 0, sf, &nzcv);
        else nzcv = (uint32_t)u->k1 << 28;
    })
    H_WX(CCMPR, {
        if (emu_alu_cond(u->k0, nzcv)) emu_alu_adc_flags(RN, ~RM, 1, sf, &nzcv);
        else nzcv = (uint32_t)u->k1 << 28;
    })
    H_WX(CCMPI, {
        if (emu_alu_cond(u->k0, nzcv)) emu_alu_adc_flags(RN, ~u->imm, 1, sf, &nzcv);
        else nzcv = (uint32_t)u->k1 << 28;
    })

    /* Conditional select. */
    H_WX(CSEL, RD = emu_alu_w(emu_alu_cond(u->k0, nzcv) ? RN : RM, sf))
    H_WX(CSINC, RD = emu_alu_w(emu_alu_cond(u->k0, nzcv) ? RN : RM + 1, sf))
    H_WX(CSINV, RD = emu_alu_w(emu_alu_cond(u->k0, nzcv) ? RN : ~RM, sf))
    H_WX(CSNEG, RD = emu_alu_w(emu_alu_cond(u->k0, nzcv) ? RN : 0 - RM, sf))

    /* One-source and two-source data processing. */
    H_WX(RBIT, RD = emu_alu_rbit(RN, sf))
    H_WX(REV16, RD = emu_alu_rev16(RN, sf))
    OP(REV32) {
        RD = emu_alu_rev32(RN);
        NEXT();
    }
    H_WX(REV, RD = emu_alu_rev(RN, sf))
    H_WX(CLZ, RD = emu_alu_clz(RN, sf))
    H_WX(CLS, RD = emu_alu_cls(RN, sf))
    H_WX(UDIV, RD = emu_alu_udiv(RN, RM, sf))
    H_WX(SDIV, RD = emu_alu_sdiv(RN, RM, sf))
    H_WX(LSLV, RD = emu_alu_shiftv(RN, RM, A64_SHIFT_LSL, sf))
    H_WX(LSRV, RD = emu_alu_shiftv(RN, RM, A64_SHIFT_LSR, sf))
    H_WX(ASRV, RD = emu_alu_shiftv(RN, RM, A64_SHIFT_ASR, sf))
    H_WX(RORV, RD = emu_alu_shiftv(RN, RM, A64_SHIFT_ROR, sf))

    /* Multiplies. */
    H_WX(MADD, RD = emu_alu_w(RA + RN * RM, sf))
    H_WX(MSUB, RD = emu_alu_w(RA - RN * RM, sf))
    OP(SMADDL) {
        RD = RA + (uint64_t)((int64_t)(int32_t)(uint32_t)RN * (int64_t)(int32_t)(uint32_t)RM);
        NEXT();
    }
    OP(SMSUBL) {
        RD = RA - (uint64_t)((int64_t)(int32_t)(uint32_t)RN * (int64_t)(int32_t)(uint32_t)RM);
        NEXT();
    }
    OP(UMADDL) {
        RD = RA + (uint64_t)(uint32_t)RN * (uint32_t)RM;
        NEXT();
    }
    OP(UMSUBL) {
        RD = RA - (uint64_t)(uint32_t)RN * (uint32_t)RM;
        NEXT();
    }
    OP(SMULH) {
        RD = emu_alu_smulh(RN, RM);
        NEXT();
    }
    OP(UMULH) {
        RD = emu_alu_umulh(RN, RM);
        NEXT();
    }

    /* Bitfields, pre-classified by cpu_translate (same results as emu_alu_*bfm). */
    H_WX(EXTR, RD = emu_alu_extr(RN, RM, u->k0, sf))
    OP(UBFX) {
        RD = (RN >> u->k0) & u->imm;
        NEXT();
    }
    OP(UBFIZ) {
        RD = (RN & u->imm) << u->k0;
        NEXT();
    }
    H_WX(SBFX, RD = emu_alu_w((uint64_t)((int64_t)(RN << u->k0) >> u->k1), sf))
    H_WX(SBFIZ, RD = emu_alu_w((uint64_t)((int64_t)(RN << u->k0) >> u->k0) << u->k1, sf))
    H_WX(BFXIL, RD = emu_alu_w((RD & ~u->imm) | ((RN >> u->k0) & u->imm), sf))
    H_WX(BFI, RD = emu_alu_w((RD & ~u->imm) | ((RN << u->k0) & u->imm), sf))

    /* Branches. */
    OP(B) JUMP(CPU_SLOT_TAKEN, u->imm);
    OP(BL) {
        X[30] = UPC() + 4;
        JUMP(CPU_SLOT_TAKEN, u->imm);
    }
    OP(BCOND) {
        if (emu_alu_cond(u->k0, nzcv))
            JUMP(CPU_SLOT_TAKEN, u->imm);
        JUMP(CPU_SLOT_FALL, UPC() + 4);
    }
    OP(CBZ_W) {
        if ((uint32_t)RD == 0)
            JUMP(CPU_SLOT_TAKEN, u->imm);
        JUMP(CPU_SLOT_FALL, UPC() + 4);
    }
    OP(CBZ_X) {
        if (RD == 0)
            JUMP(CPU_SLOT_TAKEN, u->imm);
        JUMP(CPU_SLOT_FALL, UPC() + 4);
    }
    OP(CBNZ_W) {
        if ((uint32_t)RD != 0)
            JUMP(CPU_SLOT_TAKEN, u->imm);
        JUMP(CPU_SLOT_FALL, UPC() + 4);
    }
    OP(CBNZ_X) {
        if (RD != 0)
            JUMP(CPU_SLOT_TAKEN, u->imm);
        JUMP(CPU_SLOT_FALL, UPC() + 4);
    }
    OP(TBZ) {
        if (((RD >> u->k0) & 1) == 0)
            JUMP(CPU_SLOT_TAKEN, u->imm);
        JUMP(CPU_SLOT_FALL, UPC() + 4);
    }
    OP(TBNZ) {
        if ((RD >> u->k0) & 1)
            JUMP(CPU_SLOT_TAKEN, u->imm);
        JUMP(CPU_SLOT_FALL, UPC() + 4);
    }
    OP(BR) JUMP_IND(RN);
    OP(BLR) {
        uint64_t t = RN; /* read before the link write: BLR x30 */
        X[30] = UPC() + 4;
        JUMP_IND(t);
    }

    /* Loads and stores. */
    H_LD(LDB, uint8_t, CV_U)
    H_LD(LDH, uint16_t, CV_U)
    H_LD(LDW, uint32_t, CV_U)
    H_LD(LDX, uint64_t, CV_U)
    H_LD(LDSBW, int8_t, CV_S32)
    H_LD(LDSBX, int8_t, CV_S64)
    H_LD(LDSHW, int16_t, CV_S32)
    H_LD(LDSHX, int16_t, CV_S64)
    H_LD(LDSW, int32_t, CV_S64)
    H_ST(STB, uint8_t)
    H_ST(STH, uint16_t)
    H_ST(STW, uint32_t)
    H_ST(STX, uint64_t)
    H_LDP(LDPW, uint32_t, CV_U)
    H_LDP(LDPX, uint64_t, CV_U)
    H_LDP(LDPSW, int32_t, CV_S64)
    H_STP(STPW, uint32_t)
    H_STP(STPX, uint64_t)

    /* Exclusives: a single-threaded monitor. The host is little-endian like the guest, so an
     * n-byte read into a zeroed uint64_t is the zero-extended value. */
    OP(LDXR) {
        uint64_t a = RN, v = 0;
        if (CPU_UNLIKELY(emu_mem_read(mem, a, &v, 1u << u->k0)))
            goto fault_r;
        p->st.excl_addr = a;
        p->st.excl_valid = 1;
        RD = v;
        NEXT();
    }
    OP(LDXP) {
        uint64_t a = RN, v[2] = {0, 0};
        unsigned n = 1u << u->k0;
        uint8_t buf[16];
        if (CPU_UNLIKELY(emu_mem_read(mem, a, buf, 2 * n)))
            goto fault_r;
        memcpy(&v[0], buf, n);
        memcpy(&v[1], buf + n, n);
        p->st.excl_addr = a;
        p->st.excl_valid = 1;
        RD = v[0];
        RA = v[1];
        NEXT();
    }
    OP(STXR) {
        uint64_t a = RN, v = RD;
        if (p->st.excl_valid && p->st.excl_addr == a) {
            int r_ = emu_mem_write(mem, a, &v, 1u << u->k0);
            if (CPU_UNLIKELY(r_ < 0))
                goto fault_w;
            p->st.excl_valid = 0;
            RM = 0;
            if (CPU_UNLIKELY(r_)) {
                smc_addr = a;
                smc_len = 1u << u->k0;
                goto smc;
            }
            NEXT();
        }
        p->st.excl_valid = 0;
        RM = 1;
        NEXT();
    }
    OP(STXP) {
        uint64_t a = RN;
        unsigned n = 1u << u->k0;
        if (p->st.excl_valid && p->st.excl_addr == a) {
            uint8_t buf[16];
            uint64_t v0 = RD, v1 = RA;
            memcpy(buf, &v0, n);
            memcpy(buf + n, &v1, n);
            int r_ = emu_mem_write(mem, a, buf, 2 * n);
            if (CPU_UNLIKELY(r_ < 0))
                goto fault_w;
            p->st.excl_valid = 0;
            RM = 0;
            if (CPU_UNLIKELY(r_)) {
                smc_addr = a;
                smc_len = 2 * n;
                goto smc;
            }
            NEXT();
        }
        p->st.excl_valid = 0;
        RM = 1;
        NEXT();
    }

    /* Atomics (LSE): read and write permission checked before anything is written, so a fault
     * leaves nothing done, a failed CAS included; then the old value (zero-extended) goes to rd. */
    OP(ATOMIC) {
        uint64_t a = RN, old = 0, v;
        unsigned n = 1u << u->k0;
        if (CPU_UNLIKELY(emu_mem_read(mem, a, &old, n)))
            goto fault_r;
        if (CPU_UNLIKELY(!emu_mem_check(mem, a, n, EMU_PERM_W))) {
            mem->fault_addr = a;
            goto fault_w;
        }
        v = emu_alu_atomic(u->k1, u->k0, old, RM);
        int r_ = emu_mem_write(mem, a, &v, n);
        RD = old;
        if (CPU_UNLIKELY(r_)) {
            smc_addr = a;
            smc_len = n;
            goto smc;
        }
        NEXT();
    }
    OP(CAS) {
        uint64_t a = RN, old = 0, v = RM;
        unsigned n = 1u << u->k0;
        if (CPU_UNLIKELY(emu_mem_read(mem, a, &old, n)))
            goto fault_r;
        if (CPU_UNLIKELY(!emu_mem_check(mem, a, n, EMU_PERM_W))) {
            mem->fault_addr = a;
            goto fault_w;
        }
        int r_ = 0;
        if (old == (RA & emu_alu_ones(8 * n)))
            r_ = emu_mem_write(mem, a, &v, n);
        RD = old;
        if (CPU_UNLIKELY(r_)) {
            smc_addr = a;
            smc_len = n;
            goto smc;
        }
        NEXT();
    }
    OP(CASP) {
        uint64_t a = RN, o0 = 0, o1 = 0, m = emu_alu_ones(8u << u->k0);
        unsigned n = 1u << u->k0;
        uint8_t buf[16];
        if (CPU_UNLIKELY(emu_mem_read(mem, a, buf, 2 * n)))
            goto fault_r;
        if (CPU_UNLIKELY(!emu_mem_check(mem, a, 2 * n, EMU_PERM_W))) {
            mem->fault_addr = a;
            goto fault_w;
        }
        memcpy(&o0, buf, n);
        memcpy(&o1, buf + n, n);
        int r_ = 0;
        if (o0 == (RD & m) && o1 == (X[u->k1] & m)) {
            uint64_t v0 = RM, v1 = X[u->k2];
            memcpy(buf, &v0, n);
            memcpy(buf + n, &v1, n);
            r_ = emu_mem_write(mem, a, buf, 2 * n);
        }
        RD = o0;
        RA = o1;
        if (CPU_UNLIKELY(r_)) {
            smc_addr = a;
            smc_len = 2 * n;
            goto smc;
        }
        NEXT();
    }

    /* A loop's closing branch (loop modes only): the branch it replaced, plus the loop counters
     * and, once per entry, the vector path. In a block that fell into the loop (the target is
     * not the block's start) it only counts the loop's first iteration. */
    OP(LOOP) {
        int taken = cpu_loop_taken(u, nzcv, RD);
        struct emu_loop_record *lr = b->loop;
        lr->iterations++;
        if (!taken) {
            emu_loop_record_exit(lr);
            lr->vec_tried = 0;
            JUMP(CPU_SLOT_FALL, UPC() + 4);
        }
        lr->cur++;
        if (!lr->vec_tried && u->imm == b->pc) {
            lr->vec_tried = 1;
            p->st.nzcv = nzcv;
            uint64_t k = cpu_loop_back(c, p, b, remaining);
            nzcv = (uint32_t)p->st.nzcv;
            if (c->loop_mode == EMU_CPU_LOOPS_VEC && lr->info.cls == EMU_LOOP_NONE)
                cpu_set_op(&b->ops[b->n - 1], cpu_loop_kinds[u->k3], labels); /* never vectorized */
            remaining -= k * b->n;
            nblocks += k;
            lr->cur += k;
            lr->iterations += k;
        }
        JUMP(CPU_SLOT_TAKEN, u->imm);
    }

    /* A multi-block loop's closing branch (profiling modes only): the branch it replaced plus the
     * counters of emu_loop_record; never the vector path. */
    OP(LOOPM) {
        struct emu_loop_record *lr = b->loop;
        lr->iterations++;
        if (!cpu_loop_taken(u, nzcv, RD)) {
            emu_loop_record_exit(lr);
            JUMP(CPU_SLOT_FALL, UPC() + 4);
        }
        lr->cur++;
        JUMP(CPU_SLOT_TAKEN, u->imm);
    }

    /* FP/SIMD: the shared semantics (cpu_simd.c); nothing of it is written on a fault. The
     * specialised handlers below (cpu_translate_simd.c) come here for what their fast path
     * declines. */
    OP(SIMD) {
    simd_slow:
        switch (cpu_simd(c, p, (uint32_t)u->imm, UPC(), &nzcv, &smc_addr, &smc_len)) {
        case CPU_SIMD_DONE: NEXT();
        case CPU_SIMD_FAULT_R: goto fault_r;
        case CPU_SIMD_FAULT_W: goto fault_w;
        case CPU_SIMD_CODE: goto smc;
        default: goto undef;
        }
    }

    H_LDV(LDVS, 4)
    H_LDV(LDVD, 8)
    H_LDV(LDVQ, 16)
    H_STV(STVS, 4)
    H_STV(STVD, 8)
    H_STV(STVQ, 16)
    H_LDPV(LDPVS, 4)
    H_LDPV(LDPVD, 8)
    H_LDPV(LDPVQ, 16)
    H_STPV(STPVS, 4)
    H_STPV(STPVD, 8)
    H_STPV(STPVQ, 16)

    /* FP/SIMD moves (cpu_translate_simd.c has the fields). */
    OP(VMASK) {
        VLO(u->d) = (VLO(u->n) & u->imm) ^ ((uint64_t)u->k1 << u->k0);
        VHI(u->d) = 0;
        NEXT();
    }
    OP(VFROMX) {
        VLO(u->d) = RN & u->imm;
        VHI(u->d) = 0;
        NEXT();
    }
    OP(XFROMV) {
        RD = (V[2 * u->n + u->k0] >> u->k1) & u->imm;
        X[A64_REG_ZR] = 0; /* as cpu_simd.c: a write to the zero register is discarded */
        NEXT();
    }
    OP(VDUPX) {
        uint64_t lo = (RN & emu_alu_ones(u->k0)) * u->imm;
        VLO(u->d) = lo;
        VHI(u->d) = u->k1 ? lo : 0;
        NEXT();
    }
    OP(VINSX) {
        uint64_t *w = &V[2 * u->d + u->k0];
        *w = (*w & ~(u->imm << u->k1)) | ((RN & u->imm) << u->k1);
        NEXT();
    }
    OP(VELEM) {
        VLO(u->d) = (V[2 * u->n + u->k0] >> u->k1) & u->imm;
        VHI(u->d) = 0;
        NEXT();
    }
    /* Element-wise add and subtract within 64 bits: the sums without each element's top bit
     * cannot carry into the next element; the top bits are then the sum's own (a ^ b ^ carry). */
    OP(VADD) {
        const uint64_t h = u->imm;
        uint64_t a = VLO(u->n), b_ = VLO(u->m), hi = 0;
        uint64_t lo = ((a & ~h) + (b_ & ~h)) ^ ((a ^ b_) & h);
        if (u->k1) {
            a = VHI(u->n);
            b_ = VHI(u->m);
            hi = ((a & ~h) + (b_ & ~h)) ^ ((a ^ b_) & h);
        }
        VLO(u->d) = lo;
        VHI(u->d) = hi;
        NEXT();
    }
    OP(VSUB) {
        const uint64_t h = u->imm;
        uint64_t a = VLO(u->n), b_ = VLO(u->m), hi = 0;
        uint64_t lo = ((a | h) - (b_ & ~h)) ^ ((a ^ ~b_) & h);
        if (u->k1) {
            a = VHI(u->n);
            b_ = VHI(u->m);
            hi = ((a | h) - (b_ & ~h)) ^ ((a ^ ~b_) & h);
        }
        VLO(u->d) = lo;
        VHI(u->d) = hi;
        NEXT();
    }
    H_VLOGIC(VAND, a & b_)
    H_VLOGIC(VBIC, a & ~b_)
    H_VLOGIC(VORR, a | b_)
    H_VLOGIC(VORN, a | ~b_)
    H_VLOGIC(VEOR, a ^ b_)
    OP(VINSV) {
        uint64_t e = (V[2 * u->n + u->k2] >> u->k3) & u->imm, *w = &V[2 * u->d + u->k0];
        *w = (*w & ~(u->imm << u->k1)) | (e << u->k1);
        NEXT();
    }
    OP(VMOVI) {
        VLO(u->d) = u->imm;
        VHI(u->d) = u->k1 ? u->imm : 0;
        NEXT();
    }
    OP(VNOT) {
        uint64_t lo = ~VLO(u->n), hi = u->k1 ? ~VHI(u->n) : 0;
        VLO(u->d) = lo;
        VHI(u->d) = hi;
        NEXT();
    }
    /* Logical shifts right of every element at once: what crosses into the element below is
     * masked off (imm). USRA then adds as VADD does. */
    OP(VUSHR) {
        uint64_t lo = (VLO(u->n) >> u->k0) & u->imm, hi = u->k1 ? (VHI(u->n) >> u->k0) & u->imm : 0;
        VLO(u->d) = lo;
        VHI(u->d) = hi;
        NEXT();
    }
    OP(VUSRA) {
        const uint64_t h = cpu_vtop[u->k2];
        uint64_t a = VLO(u->d), b_ = (VLO(u->n) >> u->k0) & u->imm, hi = 0;
        uint64_t lo = ((a & ~h) + (b_ & ~h)) ^ ((a ^ b_) & h);
        if (u->k1) {
            a = VHI(u->d);
            b_ = (VHI(u->n) >> u->k0) & u->imm;
            hi = ((a & ~h) + (b_ & ~h)) ^ ((a ^ b_) & h);
        }
        VLO(u->d) = lo;
        VHI(u->d) = hi;
        NEXT();
    }
    OP(VMUL) {
        uint64_t lo = cpu_vmul64(VLO(u->n), VLO(u->m), u->k0);
        uint64_t hi = u->k1 ? cpu_vmul64(VHI(u->n), VHI(u->m), u->k0) : 0;
        VLO(u->d) = lo;
        VHI(u->d) = hi;
        NEXT();
    }
    OP(VXTN) {
        /* the 128 bits of 2 * size elements of V[n], narrowed into 64 (sf: the upper half) */
        const unsigned bits = 8u << u->k0;
        const uint64_t m = emu_alu_ones(bits);
        uint64_t r = 0, src[2] = {VLO(u->n), VHI(u->n)};
        for (unsigned i = 0, k = 64 / bits; i < k; i++)
            r |= ((src[i / (k / 2)] >> (2 * bits * (i % (k / 2)))) & m) << (bits * i);
        if (u->k1) {
            VHI(u->d) = r;
        } else {
            VLO(u->d) = r;
            VHI(u->d) = 0;
        }
        NEXT();
    }
    OP(VXTL) {
        /* the 64 bits of size elements of V[n]'s lower (sf: upper) half, widened and shifted */
        const unsigned bits = 8u << u->k0;
        const uint64_t m2 = emu_alu_ones(2 * bits);
        uint64_t src = u->k1 ? VHI(u->n) : VLO(u->n), r[2] = {0, 0};
        for (unsigned i = 0, k = 64 / bits; i < k; i++) {
            uint64_t e = (src >> (bits * i)) & emu_alu_ones(bits);
            if (u->k3)
                e = emu_alu_sext(e, bits - 1);
            r[i / (k / 2)] |= ((e << u->k2) & m2) << (2 * bits * (i % (k / 2)));
        }
        VLO(u->d) = r[0];
        VHI(u->d) = r[1];
        NEXT();
    }
    H_FP(S)
    H_FP(D)
    OP(VFP) {
        if (CPU_UNLIKELY(!cpu_simd_vfp(p, u)))
            goto simd_slow;
        NEXT();
    }
    OP(VSCVTF) {
        if (CPU_UNLIKELY(!cpu_simd_vscvtf(p, u)))
            goto simd_slow;
        NEXT();
    }
    OP(SCVTF) {
        if (CPU_UNLIKELY(!cpu_simd_scvtf(p, u)))
            goto simd_slow;
        NEXT();
    }
    OP(FCVTZS) {
        if (CPU_UNLIKELY(!cpu_simd_fcvtzs(p, u)))
            goto simd_slow;
        NEXT();
    }

#ifdef TEMU_DISPATCH_SWITCH
    default: __builtin_unreachable();
    }
#endif

undef:
    remaining += b->n - (uint64_t)(u - b->ops);
    p->st.pc = UPC();
    status = EMU_UNDEF;
    goto out;

fault_r:
    p->fault_access = EMU_PERM_R;
    goto fault;
fault_w:
    p->fault_access = EMU_PERM_W;
fault: /* nothing of the faulting instruction was written: rewind to it */
    remaining += b->n - (uint64_t)(u - b->ops);
    p->st.pc = UPC();
    status = EMU_FAULT;
    goto out;

smc: /* the instruction at u completed and wrote to a code page */
    {
        uint64_t first = smc_addr >> EMU_PAGE_BITS, last = (smc_addr + smc_len - 1) >> EMU_PAGE_BITS;
        uint64_t mine = b->pc >> EMU_PAGE_BITS;
        cpu_drop_page(c, p, first);
        if (last != first)
            cpu_drop_page(c, p, last);
        if (mine == first || mine == last) { /* the running block is stale: refetch what follows */
            remaining += b->n - (uint64_t)(u - b->ops) - 1;
            pc = UPC() + 4;
            link = NULL;
            goto lookup;
        }
        NEXT();
    }

out:
    p->st.nzcv = nzcv;
    p->stats.instructions += budget - remaining;
    p->stats.blocks += nblocks;
    if (status == EMU_UNDEF || status == EMU_FAULT) /* an svc's stop is described already */
        status = emu_stop_handle(p, status, p->mem.fault_addr, p->fault_access);
    return status;
}
