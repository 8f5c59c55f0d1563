/* cpu_loops.c: loops on the CPU engine (docs/loopvec.md). In a loop mode (emu_cpu_set_loops) a
 * block's closing branch back to itself becomes the LOOP micro-op, and one to an earlier block
 * LOOPM (profiling only), at block build; cpu_exec.c runs them, calling cpu_loop_back here once
 * per entry into a loop, which hands the loop to emu/loopvec (analysis, then the vector path).
 * Without a loop mode nothing here runs and the dispatch loop is unchanged. */
#include "cpu_int.h"

#include "a64_decode.h"

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

const uint16_t cpu_loop_kinds[8] = {U_BCOND, U_CBZ_W, U_CBZ_X, U_CBNZ_W, U_CBNZ_X, U_TBZ, U_TBNZ, U_B};

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

/* Loop modes: if b ends in a conditional branch back to its own start, swap that branch for
 * LOOP (k3 says which branch it was) and give b the loop record, found by pc so that counters
 * survive a drop and rebuild (the analysis does not: the code may have changed). A branch back to
 * an instruction inside b closes a loop that was entered by falling into it: b ran the loop's
 * first iteration, so its branch becomes LOOP too and counts that iteration for the loop at the
 * target (the block at the target is the loop itself). In the profiling modes, a branch (B too)
 * to below b's start closes a multi-block loop (emu_loop.h), recorded apart from any single-block
 * loop at the same head; only a range the block at the target would run straight through is left
 * alone, as before: that is a single-block loop entered past its head. -1: no memory. */
int cpu_loop_mark(struct emu_cpu *c, struct emu_proc *p, struct cpu_block *b, const void *const *labels)
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

/* The LOOP micro-op's slow half, kept out of the dispatch loop: analyse the loop once, then, with
 * EMU_CPU_LOOPS_VEC, let the vector path run whole iterations within the remaining budget. Called
 * at the head of an iteration (the branch back was just taken), once per entry into the loop.
 * Returns the iterations it ran; the caller charges them to the budget. */
uint64_t cpu_loop_back(struct emu_cpu *c, struct emu_proc *p, const struct cpu_block *b, uint64_t remaining)
{
    struct emu_loop_record *r = b->loop;
    if (!r->analysed)
        emu_loop_record_analyse(r, &p->mem, b->pc, b->n);
    if (c->loop_mode < EMU_CPU_LOOPS_VEC)
        return 0;
    uint64_t k;
    emu_loop_take(r, p, remaining, NULL, &c->ws->bound, emu_loop_lanes_step, c->ws, &k); /* cannot fail */
    return k;
}
