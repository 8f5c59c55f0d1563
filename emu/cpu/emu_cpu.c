/* emu_cpu.c: the CPU fast-path engine's public API (emu_cpu.h; docs/design.md, CPU engine): the
 * engine object, and a run, which steps one instruction at a time when tracing. How the engine
 * works is split by job over emu/cpu/ (the list is in cpu_int.h). */
#include "cpu_int.h"

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
    free(c->simd);
    free(c);
}

void emu_cpu_set_trace(struct emu_cpu *c, emu_trace_fn *fn, void *ctx)
{
    c->trace = fn;
    c->trace_ctx = ctx;
}

enum emu_status emu_cpu_run(struct emu_cpu *c, struct emu_proc *p, uint64_t max_insns)
{
    /* What emu_mem recorded since the last run (code written by the host, a new map_gen), then no
     * chains at all: between runs the caller may have changed anything, even outside emu_mem. */
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
