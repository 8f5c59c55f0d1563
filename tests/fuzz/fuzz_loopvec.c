/* fuzz_loopvec: loop vectorization must not change what a program does. The input is as for
 * fuzz_flat; the code runs twice from the same state, plain and with --loopvec (the first
 * header byte's bit 4 adds loop profiling to the second run), and everything must come out the
 * same: registers, flags, pc, status, fault address, instruction count and every mapped page.
 *
 * Both runs must be deterministic, so the code pages are read-execute only (no code can be
 * written at run time), every svc becomes a nop (a syscall could read the clock or random bytes)
 * and so does every MRS of the generic timer (CNTVCT_EL0 is the host's clock). */
#include "fuzz_guest.h"

#include "emu_cpu.h"

#define NOP 0xd503201fu

struct run {
    struct fz_guest g;
    struct emu_proc *p;
    enum emu_status s;
};

static void run(struct run *r, const uint8_t *data, size_t size, enum emu_cpu_loops mode)
{
    r->p = fz_proc(&r->g, EMU_PERM_R | EMU_PERM_X);
    fz_flat_load(r->p, data, size);
    uint64_t end = FZ_CODE + (size - FZ_HEADER < FZ_CODE_SIZE ? size - FZ_HEADER : FZ_CODE_SIZE);
    for (uint64_t a = FZ_CODE; a < end; a += 4) {
        uint32_t w;
        emu_mem_peek(&r->p->mem, a, &w, 4);
        int svc = (w & 0xffe0001fu) == 0xd4000001u;
        int timer = (w & 0xfff00000u) == 0xd5300000u && ((w >> 12) & 15) == 14;
        if (svc || timer)
            emu_mem_poke(&r->p->mem, a, &(uint32_t){NOP}, 4);
    }
    struct emu_cpu *c = emu_cpu_new();
    if (!c || emu_cpu_set_loops(c, mode))
        abort();
    r->s = emu_cpu_run(c, r->p, FZ_BUDGET);
    emu_cpu_free(c);
}

static int same_state(const struct emu_state *a, const struct emu_state *b)
{
    return !memcmp(a->x, b->x, 32 * sizeof a->x[0]) && a->pc == b->pc && a->nzcv == b->nzcv &&
           a->tpidr == b->tpidr && a->fpcr == b->fpcr && a->fpsr == b->fpsr &&
           a->excl_addr == b->excl_addr && a->excl_valid == b->excl_valid && !memcmp(a->v, b->v, sizeof a->v);
}

/* The first guest page whose permissions or contents differ, as an address, or UINT64_MAX. */
static uint64_t first_diff(const struct emu_mem *a, const struct emu_mem *b)
{
    for (uint64_t pg = 0; pg < a->size >> EMU_PAGE_BITS; pg++)
        if (((a->perm[pg] ^ b->perm[pg]) & ~EMU_PERM_CODE) ||
            (a->perm[pg] && memcmp(a->host + (pg << EMU_PAGE_BITS), b->host + (pg << EMU_PAGE_BITS), EMU_PAGE_SIZE)))
            return pg << EMU_PAGE_BITS;
    return UINT64_MAX;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct run a, b;
    if (size <= FZ_HEADER)
        return 0; /* no code */
    run(&a, data, size, EMU_CPU_LOOPS_OFF);
    run(&b, data, size, size && (data[0] & 0x10) ? EMU_CPU_LOOPS_PROFILE_VEC : EMU_CPU_LOOPS_VEC);
    uint64_t diff = first_diff(&a.p->mem, &b.p->mem);
    if (a.s != b.s || !same_state(&a.p->st, &b.p->st) || a.p->stats.instructions != b.p->stats.instructions ||
        (a.s == EMU_FAULT && a.p->mem.fault_addr != b.p->mem.fault_addr) || diff != UINT64_MAX) {
        fprintf(stderr, "fuzz_loopvec: plain and --loopvec runs differ (%llu loop iterations vectorized)\n",
                (unsigned long long)b.p->stats.loop_iterations);
        fprintf(stderr, "  status %d / %d, pc %llx / %llx, instructions %llu / %llu, nzcv %llx / %llx\n",
                (int)a.s, (int)b.s, (unsigned long long)a.p->st.pc, (unsigned long long)b.p->st.pc,
                (unsigned long long)a.p->stats.instructions, (unsigned long long)b.p->stats.instructions,
                (unsigned long long)a.p->st.nzcv, (unsigned long long)b.p->st.nzcv);
        for (int r = 0; r < 32; r++)
            if (a.p->st.x[r] != b.p->st.x[r])
                fprintf(stderr, "  x%d %llx / %llx\n", r, (unsigned long long)a.p->st.x[r],
                        (unsigned long long)b.p->st.x[r]);
        if (a.s == EMU_FAULT)
            fprintf(stderr, "  fault address %llx / %llx\n", (unsigned long long)a.p->mem.fault_addr,
                    (unsigned long long)b.p->mem.fault_addr);
        if (diff != UINT64_MAX)
            fprintf(stderr, "  memory differs in the page at %llx\n", (unsigned long long)diff);
        abort();
    }
    return 0;
}
