/* cpu_int.h: what the files of the CPU engine share (docs/engines.md, CPU engine). Internal to
 * emu/cpu/; emu_cpu.h is the public API.
 *
 *   cpu_uops.h       the micro-ops: ids, the 24-byte record, the handler table
 *   cpu_translate.c  one decoded instruction -> one micro-op, specialised at translation time
 *   cpu_translate_simd.c  the same for FP/SIMD: micro-ops of their own, else the generic one
 *   cpu_simd.c       the generic FP/SIMD micro-op and the fast-path calls of the specialised ones
 *   cpu_blocks.c     blocks: build, cache (jump cache + hash), chains, drops, memory-map sync
 *   cpu_loops.c      loop marking at block build and the loop-back hook to emu/loopvec
 *   cpu_exec.c       the dispatch loop (computed goto, or one switch) and every handler body
 *   emu_cpu.c        the public API: create, free, set trace/loops, run (and trace stepping)
 *
 * What the dispatch loop calls on its way between blocks (the lookup) is static inline here, so it
 * is inlined into cpu_exec as it was when the engine was one file. */
#ifndef CPU_INT_H
#define CPU_INT_H

#include <stdlib.h>

#include "cpu_uops.h"
#include "emu_alu.h"
#include "emu_cpu.h"
#include "emu_loop.h"

#define CPU_BLOCK_MAX 128   /* instructions per block at most */
#define CPU_JC_BITS 12      /* jump cache entries: 1 << CPU_JC_BITS */
#define CPU_HASH_MIN 1024   /* initial hash buckets */

#define CPU_LIKELY(x) __builtin_expect(!!(x), 1)
#define CPU_UNLIKELY(x) __builtin_expect(!!(x), 0)

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
    struct cpu_simd_rec *simd; /* FP/SIMD records by word (cpu_simd.c), allocated on first use */
};

/* cpu_blocks.c */

/* Free the dropped blocks (nothing runs from them any more once the dispatch loop looks up). */
void cpu_free_dead(struct emu_cpu *c);
/* Forget every chained successor: after a drop (a slot might point at a dropped block) and after
 * anything that can change the memory map (a slot skips the lookup's page check). */
void cpu_flush_chains(struct emu_cpu *c);
/* Drop every block on guest page `page`; returns how many were dropped. */
uint64_t cpu_drop_page(struct emu_cpu *c, struct emu_proc *p, uint64_t page);
/* Decode and translate the block at pc, mark its page as code and cache it. NULL on an
 * instruction fetch fault at pc itself (fault_addr set) or when the host is out of memory. */
struct cpu_block *cpu_build(struct emu_cpu *c, struct emu_proc *p, uint64_t pc, const void *const *labels);
/* The first k (< b->n) instructions of b as the scratch block, ending in LIMIT. */
struct cpu_block *cpu_truncate(struct emu_cpu *c, const struct cpu_block *b, uint64_t k,
                               const void *const *labels);
/* Hear what the memory module reports changed behind the running code (emu_mem's code-write
 * range and map_gen): code pages the host wrote lose their blocks, a new map flushes the chains. */
void cpu_sync_mem(struct emu_cpu *c, struct emu_proc *p);

static inline uint64_t cpu_hash(const struct emu_cpu *c, uint64_t pc)
{
    return ((pc >> 2) ^ (pc >> 13)) & c->mask;
}

static inline struct cpu_block **cpu_jc_slot(struct emu_cpu *c, uint64_t pc)
{
    return &c->jc[(pc >> 2) & ((1u << CPU_JC_BITS) - 1)];
}

/* The cached block at pc, or NULL. A block whose page is no longer marked as code, or no longer
 * executable, was remapped or reprotected behind our back: drop its page and report a miss. */
static inline struct cpu_block *cpu_find(struct emu_cpu *c, struct emu_proc *p, uint64_t pc)
{
    if (CPU_UNLIKELY(c->dead != NULL))
        cpu_free_dead(c);
    struct cpu_block **jc = cpu_jc_slot(c, pc);
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

/* cpu_loops.c */

/* The branches a LOOP or LOOPM micro-op may replace, by its k3; the last one is B. */
extern const uint16_t cpu_loop_kinds[8];
#define CPU_LOOP_KIND_B 7u
/* Loop modes, at block build: turn b's closing branch into LOOP or LOOPM when it closes a loop.
 * 0, or -1 when out of host memory. */
int cpu_loop_mark(struct emu_cpu *c, struct emu_proc *p, struct cpu_block *b, const void *const *labels);
/* The LOOP micro-op's slow half: analyse the loop once, then maybe run the vector path; returns
 * the iterations it ran (the caller charges them to the budget). */
uint64_t cpu_loop_back(struct emu_cpu *c, struct emu_proc *p, const struct cpu_block *b, uint64_t remaining);

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

/* cpu_exec.c: run from p->st.pc for at most `budget` instructions (UINT64_MAX: no limit). */
enum emu_status cpu_exec(struct emu_cpu *c, struct emu_proc *p, uint64_t budget);

#endif
