/* temu_lanes_cpu.c: lanes on the CPU engine, one host thread per core (or env TEMU_THREADS).
 *
 * Each thread takes the next lane number from a shared counter, opens the lane, runs it to its
 * stop with an engine of its own, records the result and closes it. So only about as many lanes
 * as threads hold a window and files at once, and 65536 lanes need no more host memory or fds
 * than a few. Nothing else is shared between threads: the CPU engine and the syscall layer keep
 * all their state in the emu_cpu and emu_proc passed to them, and each thread writes only its
 * own lanes' result slots and its own counters. */
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu_cpu.h"
#include "temu_lanes.h"
#include "temu_stats.h"

#define THREADS_MAX 1024

struct pool {
    const struct temu_lanes_cfg *cfg;
    uint64_t max_insns;
    struct temu_lanes_results *r;
    atomic_uint next;                 /* the next lane to take */
};

struct worker {
    struct pool *pool;
    struct emu_stats total;           /* this thread's lanes' counters */
    pthread_t thread;
};

static void add_stats(struct emu_stats *sum, const struct emu_stats *s)
{
#define EMU_STATS_ADD(name, what) sum->name += s->name;
    EMU_STATS(EMU_STATS_ADD)
#undef EMU_STATS_ADD
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct pool *pool = w->pool;
    struct emu_proc *p = malloc(sizeof *p); /* large: off the thread's stack */
    for (;;) {
        unsigned lane = atomic_fetch_add(&pool->next, 1);
        if (lane >= pool->cfg->n)
            break;
        if (!p) {
            temu_lanes_record_error(pool->r, lane, "out of host memory for the lane");
            continue;
        }
        if (temu_lane_open(pool->cfg, lane, p)) {
            temu_lanes_record_error(pool->r, lane, p->err);
            continue;
        }
        /* A fresh engine per lane: decoded blocks belong to one guest memory (their pages carry
         * the CODE mark that self-modifying code needs). */
        struct emu_cpu *cpu = emu_cpu_new();
        if (cpu && pool->cfg->loopvec && emu_cpu_set_loops(cpu, EMU_CPU_LOOPS_VEC)) {
            emu_cpu_free(cpu);
            cpu = NULL;
        }
        if (!cpu) {
            temu_lanes_record_error(pool->r, lane, "out of host memory creating the CPU engine");
            temu_lane_close(p);
            continue;
        }
        enum emu_status s = emu_cpu_run(cpu, p, pool->max_insns);
        emu_cpu_free(cpu);
        temu_lanes_finish(pool->cfg, pool->r, lane, s, p, pool->max_insns);
        add_stats(&w->total, &p->stats);
        temu_lane_close(p);
    }
    free(p);
    return NULL;
}

/* `threads` (TEMU_THREADS) when nonzero, else the online cores; never more than lanes. */
static unsigned thread_count(unsigned threads, unsigned lanes)
{
    long n = threads ? (long)threads : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        n = 1;
    if (n > THREADS_MAX)
        n = THREADS_MAX;
    return (unsigned)n < lanes ? (unsigned)n : lanes;
}

int temu_lanes_cpu_run(const struct temu_lanes_cfg *cfg, uint64_t max_insns,
                       struct temu_lanes_results *r)
{
    struct pool pool = {.cfg = cfg, .max_insns = max_insns, .r = r};
    atomic_init(&pool.next, 0);
    unsigned nthreads = thread_count(cfg->env->threads, cfg->n);
    struct worker *w = calloc(nthreads, sizeof *w);
    if (!w) {
        fprintf(stderr, "temu: out of host memory for %u threads\n", nthreads);
        return TEMU_EXIT_ERROR;
    }
    double t0 = temu_now_s();
    unsigned started = 0;
    for (; started < nthreads; started++) {
        w[started].pool = &pool;
        if (pthread_create(&w[started].thread, NULL, worker_main, &w[started]))
            break;
    }
    if (started == 0) {
        fprintf(stderr, "temu: cannot start a thread for the lanes\n");
        free(w);
        return TEMU_EXIT_ERROR;
    }
    for (unsigned t = 0; t < started; t++) {
        pthread_join(w[t].thread, NULL);
        add_stats(&r->total, &w[t].total);
    }
    r->wall_s = temu_now_s() - t0;
    free(w);
    return 0;
}
