/* cpu_blocks.c: the CPU engine's blocks (docs/engines.md, CPU engine). Guest code is cut into
 * basic blocks: a block ends after a branch, svc or UNDEF, at a page boundary, or after
 * CPU_BLOCK_MAX instructions. Each block is decoded once with a64_decode, translated into
 * micro-ops (cpu_translate.c) and cached by guest pc: a direct-mapped jump cache in front of a
 * chained hash table (the lookup, cpu_find, is inline in cpu_int.h).
 *
 * Block chaining: each block has three successor slots (taken, fall-through, indirect) that the
 * dispatch loop fills and follows. Slots are cleared for all blocks whenever any block is dropped,
 * so a slot never points at a dropped block, and whenever the memory map changed (emu_mem's
 * map_gen moved), since a chained jump skips the lookup's page check.
 *
 * Instruction budget: a block longer than the remaining budget runs as a truncated copy (the
 * scratch block) that ends in a LIMIT micro-op, so the budget is exact without any
 * per-instruction check.
 *
 * Self-modifying code: pages holding decoded blocks carry EMU_PERM_CODE. A store that reports a
 * code page drops every block on that page (cpu_exec.c leaves the running block if it was on it);
 * code pages the host wrote (a syscall's buffer, the loader) are reported by emu_mem and dropped
 * at cpu_sync_mem. Pages whose CODE bit disappeared (the page was remapped) or that lost
 * EMU_PERM_X are detected at lookup, and their blocks dropped. Dropped blocks are freed only at
 * the next lookup, when nothing runs from them any more. */
#include "cpu_int.h"

#include <string.h>

#include "a64_decode.h"

void cpu_free_dead(struct emu_cpu *c)
{
    while (c->dead) {
        struct cpu_block *b = c->dead;
        c->dead = b->hnext;
        free(b);
    }
}

void cpu_flush_chains(struct emu_cpu *c)
{
    for (uint64_t i = 0; i < c->nall; i++)
        memset(c->all[i]->succ, 0, sizeof c->all[i]->succ);
}

/* Out of the hash table, the jump cache and the live list, onto the dead list. Clears the page's
 * CODE bit and all chains. */
uint64_t cpu_drop_page(struct emu_cpu *c, struct emu_proc *p, uint64_t page)
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
        struct cpu_block **jc = cpu_jc_slot(c, b->pc);
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
    *cpu_jc_slot(c, b->pc) = b;
    return 0;
}

struct cpu_block *cpu_build(struct emu_cpu *c, struct emu_proc *p, uint64_t pc, const void *const *labels)
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

struct cpu_block *cpu_truncate(struct emu_cpu *c, const struct cpu_block *b, uint64_t k,
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
void cpu_sync_mem(struct emu_cpu *c, struct emu_proc *p)
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
