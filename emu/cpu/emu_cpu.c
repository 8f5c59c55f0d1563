/* emu_cpu.c: the CPU fast-path engine (docs/design.md, CPU engine).
 *
 * Guest code is cut into basic blocks: a block ends after a branch, svc or UNDEF, at a page
 * boundary, or after CPU_BLOCK_MAX instructions. Each block is decoded once with a64_decode and
 * translated into micro-ops (struct cpu_uop): a handler address plus pre-computed operands,
 * specialised where it saves work at run time (W and X handlers, MOVZ/MOVN/ADR/ADRP as "load
 * constant", SUB #imm as ADD of the negated immediate, bitfield moves classified into extract or
 * insert with ready masks, shifted-register forms with a zero shift as plain register forms).
 * Blocks are cached by guest pc (a direct-mapped jump cache in front of a chained hash table) and
 * run by threaded dispatch: every handler ends in `goto *(++u)->h`. With TEMU_DISPATCH_SWITCH the
 * same handler bodies become the cases of one switch (Lua's vmcase/vmbreak idea).
 *
 * Hot state lives in locals: the micro-op pointer, the current block, the remaining instruction
 * budget, the packed NZCV and the block counter. The guest pc is never maintained per instruction:
 * it is block->pc + 4 * (index of the micro-op), computed only where needed (faults, svc, BL).
 * Locals are written back to the process at named points only: svc, faults, UNDEF, budget
 * exhaustion and the end of the run.
 *
 * Block chaining: each block has three successor slots (taken, fall-through, indirect). A branch
 * follows its slot directly when it is filled and the budget covers the whole successor block, so
 * a hot loop never touches the hash table. Slots are cleared for all blocks whenever any block is
 * dropped, so a slot never points at a dropped block.
 *
 * Instruction budget: the budget is charged a whole block at block entry. A block longer than the
 * remaining budget runs as a truncated copy (the scratch block) that ends in a LIMIT micro-op, so
 * the budget is exact without any per-instruction check.
 *
 * Self-modifying code: pages holding decoded blocks carry EMU_PERM_CODE. A store that reports a
 * code page drops every block on that page; if the running block was on it, execution leaves the
 * block after the store and refetches the next instruction. Pages whose CODE bit disappeared (the
 * page was remapped) or that lost EMU_PERM_X are detected at lookup, and their blocks dropped.
 * Dropped blocks are freed only at the next lookup, when nothing runs from them any more.
 */
#include "emu_cpu.h"

#include <stdlib.h>
#include <string.h>

#include "a64_decode.h"
#include "emu_alu.h"
#include "emu_loop.h"
#include "emu_stop.h"

#define CPU_BLOCK_MAX 128   /* instructions per block at most */
#define CPU_JC_BITS 12      /* jump cache entries: 1 << CPU_JC_BITS */
#define CPU_HASH_MIN 1024   /* initial hash buckets */

#define CPU_LIKELY(x) __builtin_expect(!!(x), 1)
#define CPU_UNLIKELY(x) __builtin_expect(!!(x), 0)


/* Micro-ops. Families expand to W/X pairs (W first, so W + sf selects), to register/shifted
 * operand forms, and to the addressing modes of loads and stores. */
#define CPU_WX(X, n) X(n##_W) X(n##_X)
#define CPU_ALU4(X, n) X(n##_RR_W) X(n##_RR_X) X(n##_RS_W) X(n##_RS_X)
#define CPU_LDM(X, n) X(n##_OFF) X(n##_PRE) X(n##_POST) X(n##_REG) X(n##_LIT)
#define CPU_STM(X, n) X(n##_OFF) X(n##_PRE) X(n##_POST) X(n##_REG)
#define CPU_PAIRM(X, n) X(n##_OFF) X(n##_PRE) X(n##_POST)

#define CPU_UOPS(X) \
    X(LIMIT) X(FALL) X(UNDEF) X(SVC) X(NOP) X(CLREX) X(MRS) X(MSR) \
    X(MOVI) CPU_WX(X, MOV) CPU_WX(X, MOVK) \
    CPU_WX(X, ADDI) CPU_WX(X, ADDSI) CPU_WX(X, SUBSI) \
    CPU_WX(X, ANDI) CPU_WX(X, ORRI) CPU_WX(X, EORI) CPU_WX(X, ANDSI) \
    CPU_ALU4(X, ADD) CPU_ALU4(X, SUB) CPU_ALU4(X, ADDS) CPU_ALU4(X, SUBS) \
    CPU_ALU4(X, AND) CPU_ALU4(X, BIC) CPU_ALU4(X, ORR) CPU_ALU4(X, ORN) \
    CPU_ALU4(X, EOR) CPU_ALU4(X, EON) CPU_ALU4(X, ANDS) CPU_ALU4(X, BICS) \
    CPU_WX(X, ADDX) CPU_WX(X, SUBX) CPU_WX(X, ADDSX) CPU_WX(X, SUBSX) \
    CPU_WX(X, ADC) CPU_WX(X, ADCS) CPU_WX(X, SBC) CPU_WX(X, SBCS) \
    CPU_WX(X, CCMNR) CPU_WX(X, CCMNI) CPU_WX(X, CCMPR) CPU_WX(X, CCMPI) \
    CPU_WX(X, CSEL) CPU_WX(X, CSINC) CPU_WX(X, CSINV) CPU_WX(X, CSNEG) \
    CPU_WX(X, RBIT) CPU_WX(X, REV16) X(REV32) CPU_WX(X, REV) CPU_WX(X, CLZ) CPU_WX(X, CLS) \
    CPU_WX(X, UDIV) CPU_WX(X, SDIV) CPU_WX(X, LSLV) CPU_WX(X, LSRV) CPU_WX(X, ASRV) CPU_WX(X, RORV) \
    CPU_WX(X, MADD) CPU_WX(X, MSUB) X(SMADDL) X(SMSUBL) X(UMADDL) X(UMSUBL) X(SMULH) X(UMULH) \
    CPU_WX(X, EXTR) X(UBFX) X(UBFIZ) CPU_WX(X, SBFX) CPU_WX(X, SBFIZ) CPU_WX(X, BFXIL) CPU_WX(X, BFI) \
    X(B) X(BL) X(BCOND) CPU_WX(X, CBZ) CPU_WX(X, CBNZ) X(TBZ) X(TBNZ) X(BR) X(BLR) \
    CPU_LDM(X, LDB) CPU_LDM(X, LDH) CPU_LDM(X, LDW) CPU_LDM(X, LDX) \
    CPU_LDM(X, LDSBW) CPU_LDM(X, LDSBX) CPU_LDM(X, LDSHW) CPU_LDM(X, LDSHX) CPU_LDM(X, LDSW) \
    CPU_STM(X, STB) CPU_STM(X, STH) CPU_STM(X, STW) CPU_STM(X, STX) \
    CPU_PAIRM(X, LDPW) CPU_PAIRM(X, LDPX) CPU_PAIRM(X, LDPSW) CPU_PAIRM(X, STPW) CPU_PAIRM(X, STPX) \
    X(LDXR) X(STXR) X(LDXP) X(STXP) X(LOOP) X(LOOPM)

enum cpu_uop_id {
#define CPU_UOP_ENUM(n) U_##n,
    CPU_UOPS(CPU_UOP_ENUM)
#undef CPU_UOP_ENUM
    U_COUNT
};

/* Addressing modes, in the order CPU_LDM/CPU_STM/CPU_PAIRM expand them. */
enum { CPU_AM_OFF, CPU_AM_PRE, CPU_AM_POST, CPU_AM_REG, CPU_AM_LIT };

/* One micro-op: 24 bytes. Field use per handler is documented at cpu_translate. */
struct cpu_uop {
#ifdef TEMU_DISPATCH_SWITCH
    uint32_t op;        /* enum cpu_uop_id */
    uint32_t unused;
#else
    const void *h;      /* handler label address */
#endif
    uint8_t d, n, m, a; /* register slots: rd/rt, rn, rm (or status), ra (or rt2) */
    uint8_t k0, k1, k2, k3; /* small operands: shift type/amount, cond, nzcv, bit numbers */
    uint64_t imm;       /* immediate, mask, absolute branch target or address */
};

struct cpu_block {
    uint64_t pc;               /* guest address of the first instruction */
    uint32_t n;                /* guest instructions (ops[] holds n or n+1 micro-ops) */
    uint32_t dead;             /* dropped, waiting to be freed at the next lookup */
    struct cpu_block *hnext;   /* hash chain; dead-list link once dropped */
    struct cpu_block *succ[3]; /* chained successors: taken, fall-through, indirect */
    struct emu_loop_record *loop; /* loop modes only: this block is a loop closed by its last op */
    struct cpu_uop ops[];
};

#define CPU_SLOT_TAKEN 0
#define CPU_SLOT_FALL 1
#define CPU_SLOT_IND 2

struct emu_cpu {
    struct cpu_block **table;  /* hash buckets, power of two */
    uint64_t mask;             /* buckets - 1 */
    struct cpu_block **all;    /* every live block, for page drops and chain flushes */
    uint64_t nall, capall;
    struct cpu_block *dead;    /* dropped blocks, freed at the next lookup */
    struct cpu_block *scratch; /* truncated copy of a block longer than the remaining budget */
    emu_trace_fn *trace;
    void *trace_ctx;
    enum emu_cpu_loops loop_mode;
    struct emu_loop_table loops; /* every loop seen, kept across block drops */
    struct emu_loop_ws *ws;    /* lane executor scratch (EMU_CPU_LOOPS_VEC) */
    uint64_t map_gen;          /* p->mem.map_gen when the chains were last flushed for it */
    struct cpu_block *jc[1u << CPU_JC_BITS]; /* jump cache by pc, in front of the hash table */
};

struct emu_cpu *emu_cpu_new(void)
{
    struct emu_cpu *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->table = calloc(CPU_HASH_MIN, sizeof *c->table);
    c->scratch = malloc(sizeof *c->scratch + (CPU_BLOCK_MAX + 1) * sizeof(struct cpu_uop));
    if (!c->table || !c->scratch) {
        free(c->table);
        free(c->scratch);
        free(c);
        return NULL;
    }
    c->mask = CPU_HASH_MIN - 1;
    return c;
}

static void cpu_free_dead(struct emu_cpu *c)
{
    while (c->dead) {
        struct cpu_block *b = c->dead;
        c->dead = b->hnext;
        free(b);
    }
}

void emu_cpu_free(struct emu_cpu *c)
{
    if (!c)
        return;
    for (uint64_t i = 0; i < c->nall; i++)
        free(c->all[i]);
    cpu_free_dead(c);
    free(c->all);
    free(c->table);
    free(c->scratch);
    emu_loop_table_free(&c->loops);
    free(c->ws);
    free(c);
}

int emu_cpu_set_loops(struct emu_cpu *c, enum emu_cpu_loops mode)
{
    if (mode >= EMU_CPU_LOOPS_VEC && !c->ws && !(c->ws = malloc(sizeof *c->ws)))
        return -1;
    c->loop_mode = mode;
    return 0;
}

uint64_t emu_cpu_loops(const struct emu_cpu *c, struct emu_loop_record *const **out)
{
    *out = c->loops.v;
    return c->loops.n;
}

void emu_cpu_set_trace(struct emu_cpu *c, emu_trace_fn *fn, void *ctx)
{
    c->trace = fn;
    c->trace_ctx = ctx;
}

static uint64_t cpu_hash(const struct emu_cpu *c, uint64_t pc)
{
    return ((pc >> 2) ^ (pc >> 13)) & c->mask;
}

/* Forget every chained successor: after a drop (a slot might point at a dropped block) and after
 * anything that can change the memory map (a slot skips the lookup's page check). */
static void cpu_flush_chains(struct emu_cpu *c)
{
    for (uint64_t i = 0; i < c->nall; i++)
        memset(c->all[i]->succ, 0, sizeof c->all[i]->succ);
}

/* Drop every block on guest page `page`: out of the hash table, the jump cache and the live list,
 * onto the dead list. Clears the page's CODE bit and all chains. Returns how many were dropped. */
static uint64_t cpu_drop_page(struct emu_cpu *c, struct emu_proc *p, uint64_t page)
{
    uint64_t dropped = 0;
    for (uint64_t i = 0; i < c->nall;) {
        struct cpu_block *b = c->all[i];
        memset(b->succ, 0, sizeof b->succ);
        if ((b->pc >> EMU_PAGE_BITS) != page) {
            i++;
            continue;
        }
        struct cpu_block **pp = &c->table[cpu_hash(c, b->pc)];
        while (*pp != b)
            pp = &(*pp)->hnext;
        *pp = b->hnext;
        struct cpu_block **jc = &c->jc[(b->pc >> 2) & ((1u << CPU_JC_BITS) - 1)];
        if (*jc == b)
            *jc = NULL;
        b->dead = 1;
        b->hnext = c->dead;
        c->dead = b;
        c->all[i] = c->all[--c->nall];
        dropped++;
    }
    if (page < (p->mem.size >> EMU_PAGE_BITS))
        p->mem.perm[page] &= (uint8_t)~EMU_PERM_CODE;
    p->stats.invalidations += dropped;
    return dropped;
}

/* The cached block at pc, or NULL. A block whose page is no longer marked as code, or no longer
 * executable, was remapped or reprotected behind our back: drop its page and report a miss. */
static struct cpu_block *cpu_find(struct emu_cpu *c, struct emu_proc *p, uint64_t pc)
{
    cpu_free_dead(c);
    struct cpu_block **jc = &c->jc[(pc >> 2) & ((1u << CPU_JC_BITS) - 1)];
    struct cpu_block *b = *jc;
    if (!b || b->pc != pc) {
        for (b = c->table[cpu_hash(c, pc)]; b && b->pc != pc; b = b->hnext)
            ;
        if (!b)
            return NULL;
        *jc = b;
    }
    const unsigned need = EMU_PERM_X | EMU_PERM_CODE;
    if ((p->mem.perm[pc >> EMU_PAGE_BITS] & need) != need) {
        cpu_drop_page(c, p, pc >> EMU_PAGE_BITS); /* freed at the next lookup */
        return NULL;
    }
    return b;
}

static int cpu_insert(struct emu_cpu *c, struct cpu_block *b)
{
    if (c->nall == c->capall) {
        uint64_t cap = c->capall ? c->capall * 2 : 256;
        struct cpu_block **all = realloc(c->all, cap * sizeof *all);
        if (!all)
            return -1;
        c->all = all;
        c->capall = cap;
    }
    if (c->nall + 1 > c->mask + 1) { /* keep the load factor at most 1: rehash into twice the size */
        uint64_t nb = (c->mask + 1) * 2;
        struct cpu_block **t = calloc(nb, sizeof *t);
        if (!t)
            return -1;
        free(c->table);
        c->table = t;
        c->mask = nb - 1;
        for (uint64_t i = 0; i < c->nall; i++) {
            struct cpu_block *o = c->all[i];
            uint64_t h = cpu_hash(c, o->pc);
            o->hnext = t[h];
            t[h] = o;
        }
    }
    uint64_t h = cpu_hash(c, b->pc);
    b->hnext = c->table[h];
    c->table[h] = b;
    c->all[c->nall++] = b;
    c->jc[(b->pc >> 2) & ((1u << CPU_JC_BITS) - 1)] = b;
    return 0;
}

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
static unsigned cpu_translate(const struct a64_insn *in, uint64_t pc, struct cpu_uop *u)
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
        /* Accept imm16 either unshifted or already shifted: a shifted non-zero value exceeds 16
         * bits, an unshifted one never does. */
        uint64_t v = imm > 0xffff ? (imm >> in->amount) & 0xffff : imm;
        u->k0 = in->amount & 63;
        u->imm = v << u->k0;
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
        static const uint16_t base[][2] = {
            {A64_OP_ADD_SHIFT, U_ADD_RR_W}, {A64_OP_ADDS_SHIFT, U_ADDS_RR_W},
            {A64_OP_SUB_SHIFT, U_SUB_RR_W}, {A64_OP_SUBS_SHIFT, U_SUBS_RR_W},
            {A64_OP_AND_SHIFT, U_AND_RR_W}, {A64_OP_BIC_SHIFT, U_BIC_RR_W},
            {A64_OP_ORR_SHIFT, U_ORR_RR_W}, {A64_OP_ORN_SHIFT, U_ORN_RR_W},
            {A64_OP_EOR_SHIFT, U_EOR_RR_W}, {A64_OP_EON_SHIFT, U_EON_RR_W},
            {A64_OP_ANDS_SHIFT, U_ANDS_RR_W}, {A64_OP_BICS_SHIFT, U_BICS_RR_W},
        };
        unsigned b = U_UNDEF;
        for (unsigned i = 0; i < sizeof base / sizeof base[0]; i++)
            if (base[i][0] == in->op)
                b = base[i][1];
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
    default: return U_UNDEF;
    }
}

static void cpu_set_op(struct cpu_uop *u, unsigned id, const void *const *labels)
{
#ifdef TEMU_DISPATCH_SWITCH
    (void)labels;
    u->op = id;
#else
    u->h = labels[id];
#endif
}

static int cpu_is_op(const struct cpu_uop *u, unsigned id, const void *const *labels)
{
#ifdef TEMU_DISPATCH_SWITCH
    (void)labels;
    return u->op == id;
#else
    return u->h == labels[id];
#endif
}

/* Loop modes: if b ends in a conditional branch back to its own start, swap that branch for
 * LOOP (k3 says which branch it was) and give b the loop record, found by pc so that counters
 * survive a drop and rebuild (the analysis does not: the code may have changed). A branch back to
 * an instruction inside b closes a loop that was entered by falling into it: b ran the loop's
 * first iteration, so its branch becomes LOOP too and counts that iteration for the loop at the
 * target (the block at the target is the loop itself). In the profiling modes, a branch (B too)
 * to below b's start closes a multi-block loop (emu_loop.h), recorded apart from any single-block
 * loop at the same head; only a range the block at the target would run straight through is left
 * alone, as before: that is a single-block loop entered past its head. -1: no memory. */
static const uint16_t cpu_loop_kinds[] = {U_BCOND, U_CBZ_W, U_CBZ_X, U_CBNZ_W, U_CBNZ_X, U_TBZ, U_TBNZ, U_B};
#define CPU_LOOP_KIND_B 7u

/* 1 when the block built at `from` would end exactly at the branch at `at`. */
static int cpu_loop_straight(struct emu_proc *p, uint64_t from, uint64_t at)
{
    if ((at - from) / 4 >= CPU_BLOCK_MAX || (from >> EMU_PAGE_BITS) != (at >> EMU_PAGE_BITS))
        return 0;
    for (uint64_t a = from; a < at; a += 4) {
        uint32_t word;
        struct a64_insn in;
        if (emu_mem_fetch(&p->mem, a, &word))
            return 0;
        a64_decode(word, &in);
        if (a64_op_props(in.op) & A64_P_ENDS_BLOCK)
            return 0;
    }
    return 1;
}

static int cpu_loop_mark(struct emu_cpu *c, struct emu_proc *p, struct cpu_block *b,
                         const void *const *labels)
{
    const unsigned nkinds = sizeof cpu_loop_kinds / sizeof cpu_loop_kinds[0];
    struct cpu_uop *u = &b->ops[b->n - 1];
    unsigned k = 0;
    while (k < nkinds && !cpu_is_op(u, cpu_loop_kinds[k], labels))
        k++;
    if (k == nkinds)
        return 0;
    uint64_t at = b->pc + 4ull * (b->n - 1);
    int multi = u->imm < b->pc && c->loop_mode != EMU_CPU_LOOPS_VEC && !cpu_loop_straight(p, u->imm, at);
    if (!multi && (k == CPU_LOOP_KIND_B || u->imm < b->pc || u->imm >= b->pc + 4ull * b->n))
        return 0;
    if (u->imm != b->pc && c->loop_mode == EMU_CPU_LOOPS_VEC)
        return 0; /* only counting needs the loop's first iteration */
    struct emu_loop_record *r = emu_loop_table_get(&c->loops, u->imm, multi);
    if (!r)
        return -1;
    if (!multi && !r->info.n) /* first sight: its length until it is analysed */
        r->info.n = (uint32_t)(b->n - (u->imm - b->pc) / 4);
    if (multi) { /* (re)built latch: scan afresh, over the farthest latch seen */
        uint64_t n = (at - u->imm) / 4 + 1;
        emu_loop_record_scan(r, &p->mem, u->imm, n > r->info.n ? (uint32_t)n : r->info.n);
    } else if (u->imm == b->pc) { /* (re)built: the code may have changed, analyse and try it afresh */
        r->analysed = r->vec_tried = 0;
    }
    b->loop = r;
    u->k3 = (uint8_t)k;
    cpu_set_op(u, multi ? U_LOOPM : U_LOOP, labels);
    return 0;
}

/* Decode and translate the block at pc, mark its page as code and cache it. NULL on an
 * instruction fetch fault at pc itself (fault_addr set) or when the host is out of memory. */
static struct cpu_block *cpu_build(struct emu_cpu *c, struct emu_proc *p, uint64_t pc,
                                   const void *const *labels)
{
    struct cpu_uop ops[CPU_BLOCK_MAX + 1];
    uint32_t n = 0;
    int ended = 0;
    memset(ops, 0, sizeof ops);
    while (n < CPU_BLOCK_MAX) {
        uint64_t a = pc + 4ull * n;
        uint32_t word;
        if (n && (a & EMU_PAGE_MASK) == 0)
            break; /* blocks never cross a page: invalidation works per page */
        if (emu_mem_fetch(&p->mem, a, &word)) {
            if (n == 0)
                return NULL;
            break;
        }
        struct a64_insn in;
        a64_decode(word, &in);
        cpu_set_op(&ops[n], cpu_translate(&in, a, &ops[n]), labels);
        n++;
        if (a64_op_props(in.op) & A64_P_ENDS_BLOCK) {
            ended = 1;
            break;
        }
    }
    uint32_t nops = n;
    if (!ended) { /* fall through to the next block */
        ops[n].imm = pc + 4ull * n;
        cpu_set_op(&ops[n], U_FALL, labels);
        nops++;
    }
    struct cpu_block *b = calloc(1, sizeof *b + nops * sizeof(struct cpu_uop));
    if (!b)
        return NULL;
    b->pc = pc;
    b->n = n;
    memcpy(b->ops, ops, nops * sizeof(struct cpu_uop));
    if (c->loop_mode != EMU_CPU_LOOPS_OFF && ended && cpu_loop_mark(c, p, b, labels)) {
        free(b);
        return NULL;
    }
    if (cpu_insert(c, b)) {
        free(b);
        return NULL;
    }
    p->mem.perm[pc >> EMU_PAGE_BITS] |= EMU_PERM_CODE;
    p->stats.blocks_decoded++;
    return b;
}

/* The first k (< b->n) instructions of b as the scratch block, ending in LIMIT. */
static struct cpu_block *cpu_truncate(struct emu_cpu *c, const struct cpu_block *b, uint64_t k,
                                      const void *const *labels)
{
    struct cpu_block *s = c->scratch;
    s->pc = b->pc;
    s->n = (uint32_t)k;
    s->dead = 0;
    memset(s->succ, 0, sizeof s->succ);
    memcpy(s->ops, b->ops, k * sizeof(struct cpu_uop));
    memset(&s->ops[k], 0, sizeof s->ops[k]);
    s->ops[k].imm = b->pc + 4 * k;
    cpu_set_op(&s->ops[k], U_LIMIT, labels);
    return s;
}

/* Hear what the memory module reports changed behind the running code: code pages the host wrote
 * (a syscall's buffer, the loader) lose their blocks, and a new memory map flushes the chains,
 * which skip the lookup's page check. */
static void cpu_sync_mem(struct emu_cpu *c, struct emu_proc *p)
{
    uint64_t lo, hi;
    if (emu_mem_take_code_writes(&p->mem, &lo, &hi))
        for (uint64_t page = lo; page < hi; page++)
            if (p->mem.perm[page] & EMU_PERM_CODE)
                cpu_drop_page(c, p, page);
    if (p->mem.map_gen != c->map_gen) {
        c->map_gen = p->mem.map_gen;
        cpu_flush_chains(c);
    }
}

/* Whether the branch a LOOP or LOOPM micro-op replaced (cpu_loop_kinds[k3]) is taken. */
static inline int cpu_loop_taken(const struct cpu_uop *u, uint32_t nzcv, uint64_t rd)
{
    switch (u->k3) {
    case 0: return emu_alu_cond(u->k0, nzcv);
    case 1: return (uint32_t)rd == 0;
    case 2: return rd == 0;
    case 3: return (uint32_t)rd != 0;
    case 4: return rd != 0;
    case 5: return ((rd >> u->k0) & 1) == 0;
    case 6: return (rd >> u->k0) & 1;
    default: return 1; /* B */
    }
}

/* The LOOP micro-op's slow half, kept out of the dispatch loop: analyse the loop once, then, with
 * EMU_CPU_LOOPS_VEC, let the vector path run whole iterations within the remaining budget. Called
 * at the head of an iteration (the branch back was just taken), once per entry into the loop.
 * Returns the iterations it ran; the caller charges them to the budget. */
static uint64_t cpu_loop_back(struct emu_cpu *c, struct emu_proc *p, const struct cpu_block *b,
                              uint64_t remaining)
{
    struct emu_loop_record *r = b->loop;
    if (!r->analysed)
        emu_loop_record_analyse(r, &p->mem, b->pc, b->n);
    uint64_t max = emu_loop_max_iters(remaining, b->n);
    if (c->loop_mode < EMU_CPU_LOOPS_VEC || r->info.cls == EMU_LOOP_NONE || max < EMU_LOOP_MIN_ITERS)
        return 0;
    enum emu_loop_reason why = EMU_LOOP_OK;
    uint64_t k = emu_loop_run(&r->info, p, max, c->ws, &why);
    emu_loop_record_run(r, &p->stats, k, b->n, why);
    return k;
}

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

#define CV_U(v) ((uint64_t)(v))
#define CV_S32(v) ((uint64_t)(uint32_t)(int32_t)(v))
#define CV_S64(v) ((uint64_t)(int64_t)(v))

/* Run from p->st.pc for at most `budget` instructions (UINT64_MAX: no limit). The budget, stats
 * and error text are settled here; emu_cpu_run adds only tracing. */
static enum emu_status cpu_exec(struct emu_cpu *c, struct emu_proc *p, uint64_t budget)
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

enum emu_status emu_cpu_run(struct emu_cpu *c, struct emu_proc *p, uint64_t max_insns)
{
    /* The host may have remapped memory or written code since the last run. */
    cpu_sync_mem(c, p);
    cpu_flush_chains(c);
    if (!c->trace)
        return cpu_exec(c, p, max_insns ? max_insns : UINT64_MAX);
    /* Tracing: one instruction per step, the callback after each retired one. */
    for (uint64_t done = 0;; done++) {
        if (max_insns && done == max_insns)
            return EMU_LIMIT;
        struct emu_state before = p->st;
        uint32_t word = 0;
        uint64_t fault_addr = p->mem.fault_addr;
        if (emu_mem_fetch(&p->mem, before.pc, &word))
            p->mem.fault_addr = fault_addr; /* the step itself reports the fault */
        uint64_t retired = p->stats.instructions;
        enum emu_status s = cpu_exec(c, p, 1);
        if (p->stats.instructions != retired)
            c->trace(c->trace_ctx, p, before.pc, word, &before);
        if (s != EMU_LIMIT)
            return s;
    }
}
