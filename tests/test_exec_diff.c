/* test_exec_diff.c: the GPU kernels' instruction semantics (emu/exec/execute.h, run one instruction at
 * a time by exec_lane.h, compiled here as C) against the CPU engine's fast handlers, operation by
 * operation, on random encodings and random operands (edge values included): registers, flags,
 * system state, exclusive monitor, memory, the next pc, and which stops (fault with its address,
 * undefined) happen. Both are exact by design, so they must agree bit for bit; a difference is a
 * bug in one of them. Memory operands are aimed at a scratch region beside a read-only page and
 * unmapped space, so loads, stores and their faults all occur. TEMU_SEED replays a run;
 * TEMU_DIFF_TRIALS changes its length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "test_rand.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a64_decode.h"
#include "a64_names.h"
#include "emu_cpu.h"

/* The kernel sources as C: OpenCL's address spaces vanish, its scalar types and max() appear. */
typedef uint8_t uchar;
typedef uint16_t ushort;
typedef uint32_t uint;
typedef uint64_t ulong;
#define __global
#define __local
#define max(a, b) ((a) > (b) ? (a) : (b))
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function" /* the kernels' other helpers */
#include "exec_lane.h"
#pragma GCC diagnostic pop

#define WINDOW (16ull << 20)
#define CODE 0x100000ull
#define SCRATCH 0x200000ull
#define SCRATCH_SIZE 0x2000ull
#define RO_PAGE (SCRATCH + SCRATCH_SIZE) /* read-only, right after the scratch region */
#define NPAGES (WINDOW >> 12)

static uint64_t rng;

static uint64_t rnd(void)
{
    return test_rand_next(&rng);
}

static uint64_t random_value(void)
{
    return test_rand_value(&rng);
}

/* The device's view of the same window: a page table over a pool of frames (frame 0 stays zero). */
struct dev_mem {
    uint32_t pt[NPAGES];
    uint8_t code[NPAGES];
    uint8_t *pool;
    uint32_t frames;
};

static void dev_map(struct dev_mem *d, const struct emu_proc *p)
{
    d->frames = 1;
    memset(d->pt, 0, sizeof d->pt);
    memset(d->code, 0, sizeof d->code);
    for (uint64_t pg = 0; pg < NPAGES; pg++) {
        unsigned perm = p->mem.perm[pg] & EMU_PERM_RWX;
        if (!(p->mem.perm[pg] & EMU_PERM_MAPPED))
            continue;
        uint32_t f = d->frames++;
        memcpy(d->pool + ((uint64_t)f << 12), p->mem.host + (pg << 12), 4096);
        d->pt[pg] = (f << GPU_PTE_FRAME_SHIFT) | perm;
    }
}

/* Encodings a random word seldom is: word = fixed | (random & mask). */
static const struct {
    uint32_t fixed, mask;
} rare[] = {
    {0xd61f0000, 0x3e0}, {0xd63f0000, 0x3e0}, {0xd65f0000, 0x3e0}, /* br, blr, ret */
    {0xd503201f, 0xfe0}, {0xd503305f, 0xf00}, {0xd503309f, 0xf60}, /* hints, clrex, barriers */
    {0xd53b4200, 0x1f},  {0xd53bd040, 0x1f},  {0xd53b4400, 0x3f},  /* mrs nzcv, tpidr_el0, fpcr/fpsr */
    {0xd51b4200, 0x1f},  {0xd51bd040, 0x1f},  {0xd51b4400, 0x3f},  /* msr the same */
    {0x5ac00000, 0x80001fff},                                      /* data processing, 1 source */
};

/* A random instruction the kernels run (no svc, no undefined encoding), aimed at the scratch
 * region when it touches memory; its operands come from st. */
static uint32_t random_insn(struct emu_state *st, struct a64_insn *in)
{
    for (;;) {
        uint32_t w = (uint32_t)rnd();
        if (rnd() % 8 == 0) {
            size_t k = rnd() % (sizeof rare / sizeof rare[0]);
            w = rare[k].fixed | (w & rare[k].mask);
        }
        a64_decode(w, in);
        if (in->op == A64_OP_UNDEF || in->op == A64_OP_SVC)
            continue;
        if (in->op == A64_OP_MRS && in->imm == A64_SYSREG_CNTVCT_EL0)
            continue; /* the clock: each side reads its own */
        if ((in->flags & (A64_P_LOAD | A64_P_STORE)) && rnd() % 8) {
            /* Mostly inside the scratch region, sometimes at its read-only or unmapped edges. */
            uint64_t base = SCRATCH + (rnd() % 8 ? (rnd() % SCRATCH_SIZE) & ~7ull : SCRATCH_SIZE - 8 + rnd() % 16);
            st->x[in->rn] = base - (uint64_t)(int64_t)in->imm * (rnd() % 2);
            if (in->flags & A64_P_R_RM && in->rm < 31)
                st->x[in->rm] = rnd() % 64;
        }
        return w;
    }
}

struct fix {
    struct emu_proc p;
    struct emu_cpu *cpu;
    struct dev_mem *dev;
};

static int setup(void **state)
{
    struct fix *f = calloc(1, sizeof *f);
    if (!f || emu_proc_init(&f->p, WINDOW))
        return -1;
    f->cpu = emu_cpu_new();
    f->dev = calloc(1, sizeof *f->dev);
    if (!f->cpu || !f->dev || !(f->dev->pool = calloc(32, 4096)))
        return -1;
    struct emu_mem *m = &f->p.mem;
    emu_mem_map(m, CODE, 4096, EMU_PERM_R | EMU_PERM_X);
    emu_mem_map(m, SCRATCH, SCRATCH_SIZE, EMU_PERM_R | EMU_PERM_W);
    emu_mem_map(m, RO_PAGE, 4096, EMU_PERM_R);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fix *f = *state;
    emu_cpu_free(f->cpu);
    free(f->dev->pool);
    free(f->dev);
    emu_proc_free(&f->p);
    free(f);
    return 0;
}

static void test_exec_diff(void **state)
{
    struct fix *f = *state;
    struct emu_proc *p = &f->p;
    const char *seed = getenv("TEMU_SEED"), *trials_env = getenv("TEMU_DIFF_TRIALS");
    rng = seed ? strtoull(seed, NULL, 0) : 0x5eed0fd1ffull;
    uint64_t trials = trials_env ? strtoull(trials_env, NULL, 0) : 100000;
    static uint64_t per_op[A64_OP_COUNT];
    uint8_t scratch[SCRATCH_SIZE + 4096];
    for (uint64_t t = 0; t < trials; t++) {
        /* The same random start on both sides. */
        struct emu_state st;
        memset(&st, 0, sizeof st);
        for (int r = 0; r < 32; r++)
            st.x[r] = rnd() % 3 ? random_value() : SCRATCH + (rnd() % SCRATCH_SIZE);
        st.nzcv = (rnd() & 15) << 28;
        st.tpidr = random_value();
        st.fpcr = rnd() & 0x07c09f00;
        st.fpsr = rnd() & 0x0800009f;
        st.excl_valid = rnd() & 1;
        st.excl_addr = SCRATCH + ((rnd() % SCRATCH_SIZE) & ~7ull);
        struct a64_insn in;
        uint32_t word = random_insn(&st, &in);
        st.x[A64_REG_ZR] = 0;
        st.pc = CODE;
        for (uint64_t i = 0; i < SCRATCH_SIZE; i += 8) {
            uint64_t v = random_value();
            emu_mem_poke(&p->mem, SCRATCH + i, &v, 8);
        }
        emu_mem_poke(&p->mem, CODE, &word, 4);
        dev_map(f->dev, p);

        /* The kernels' semantics. */
        ulong r[GPU_NUM_SLOTS + 1] = {0};
        for (int s = 0; s < 32; s++)
            r[s] = st.x[s];
        r[A64_REG_ZR] = 0;
        r[GPU_SLOT_NZCV] = st.nzcv;
        ulong sys[SYS_COUNT] = {st.tpidr, st.fpcr, st.fpsr, st.excl_addr, st.excl_valid};
        struct guest_mem gm = {f->dev->pt, NPAGES, f->dev->pool, f->dev->code};
        ulong target = 0;
        struct exec_stop info = {0, 0};
        uint res = lane_exec(&in, CODE, r, gm, sys, 0, &target, &info);

        /* The CPU engine, one instruction. */
        p->st = st;
        p->mem.fault_addr = 0;
        enum emu_status s = emu_cpu_run(f->cpu, p, 1);

        char what[160];
        snprintf(what, sizeof what, "trial %llu: %08x (%s)", (unsigned long long)t, word, a64_op_name(in.op));
        per_op[in.op]++;
        if (res == EXEC_FAULT || res == EXEC_UNDEF) {
            if (s != (res == EXEC_FAULT ? EMU_FAULT : EMU_UNDEF))
                fail_msg("%s: kernels stop with %u, CPU engine with %d", what, res, (int)s);
            if (res == EXEC_FAULT && info.addr != p->mem.fault_addr)
                fail_msg("%s: fault at 0x%llx vs 0x%llx", what, (unsigned long long)info.addr,
                         (unsigned long long)p->mem.fault_addr);
            /* Nothing of it happened, on either side. */
            for (int x = 0; x < 32; x++)
                if (r[x] != st.x[x] || p->st.x[x] != st.x[x])
                    fail_msg("%s: x%d changed by a stopped instruction", what, x);
            continue;
        }
        if (s != EMU_LIMIT)
            fail_msg("%s: the kernels ran it, the CPU engine stopped with %d (%s)", what, (int)s, p->err);
        ulong next = (in.flags & A64_P_BRANCH) ? target : CODE + 4;
        if (next != p->st.pc)
            fail_msg("%s: next pc 0x%llx vs 0x%llx", what, (unsigned long long)next, (unsigned long long)p->st.pc);
        for (int x = 0; x < 32; x++)
            if (r[x] != p->st.x[x])
                fail_msg("%s: x%d = 0x%llx vs 0x%llx", what, x, (unsigned long long)r[x],
                         (unsigned long long)p->st.x[x]);
        if (r[GPU_SLOT_NZCV] != p->st.nzcv)
            fail_msg("%s: nzcv 0x%llx vs 0x%llx", what, (unsigned long long)r[GPU_SLOT_NZCV],
                     (unsigned long long)p->st.nzcv);
        if (sys[SYS_TPIDR] != p->st.tpidr || sys[SYS_FPCR] != p->st.fpcr || sys[SYS_FPSR] != p->st.fpsr)
            fail_msg("%s: system registers differ", what);
        if (sys[SYS_EXCL_VALID] != p->st.excl_valid || (p->st.excl_valid && sys[SYS_EXCL_ADDR] != p->st.excl_addr))
            fail_msg("%s: exclusive monitor differs", what);
        for (uint64_t pg = SCRATCH >> 12; pg < (RO_PAGE >> 12) + 1; pg++) {
            uint64_t o = (pg << 12) - SCRATCH;
            emu_mem_peek(&p->mem, pg << 12, scratch + o, 4096);
            const uint8_t *dev = f->dev->pool + ((uint64_t)(f->dev->pt[pg] >> GPU_PTE_FRAME_SHIFT) << 12);
            if (memcmp(dev, scratch + o, 4096))
                fail_msg("%s: memory differs on page 0x%llx", what, (unsigned long long)(pg << 12));
        }
    }
    /* Coverage: every operation the decoder gives random words must have been compared. */
    unsigned covered = 0, total = 0;
    for (unsigned op = 0; op < A64_OP_COUNT; op++) {
        if (op == A64_OP_UNDEF || op == A64_OP_SVC)
            continue;
        total++;
        covered += per_op[op] > 0;
        if (!per_op[op])
            printf("not reached: %s\n", a64_op_name(op));
    }
    printf("%llu instructions compared, %u of %u operations\n", (unsigned long long)trials, covered, total);
    if (trials >= 100000)
        assert_int_equal(covered, total);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_exec_diff, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
