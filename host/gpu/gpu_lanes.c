/* gpu_lanes.c: lanes on the GPU engines (see gpu_lanes.h): kernel execute_lanes (shaders/lanes.cl)
 * runs every live lane; between launches the host decodes the blocks lanes missed, gives frames
 * to pages lanes first wrote, and serves the lanes that stopped, syscalls first, in one batch. */
#include "gpu_lanes.h"

#include <stdlib.h>
#include <string.h>

#include "emu_stop.h"
#include "emu_syscall.h"
#include "gpu_abi.h"
#include "gpu_blobs.h"
#include "gpu_dcache.h"
#include "gpu_guestmem.h"
#include "gpu_program.h"

#define LANES_LOCAL 64 /* lanes per work-group: two NVIDIA warps; also the convergence window */

struct gpu_lanes {
    const struct gpu_cl *cl;
    unsigned n;
    int resident;            /* GPU_MODE_RESIDENT: many blocks per lane per launch */
    uint32_t budget;         /* resident: instructions per lane per launch */
    cl_program program;
    cl_kernel exec;
    size_t local, global;
    struct gpu_guestmem mem;
    unsigned mem_bound;      /* of mem whose buffers the kernel's arguments name */
    struct gpu_dcache cache;
    cl_mem states, status, limits, convergence;
    struct emu_state *st;    /* host staging of the lanes' states */
    struct gpu_status *stat; /* what the last launch said, per lane */
    cl_uint *limit;          /* per lane: instructions it may run in the next launch; 0: it does not run */
    uint64_t *left;          /* per lane: instructions until --max-insns */
    unsigned *stopped;       /* lanes the host must serve after a launch */
    uint64_t together, steps;
};

/* execute_lanes's arguments, in its parameter order. */
enum { ARG_STATES, ARG_MEM /* pt, npages, pool, code: gpu_guestmem_bind */, ARG_BLOCKS = ARG_MEM + 4, ARG_INDEX, ARG_INSNS, ARG_LIMITS,
       ARG_MAX_BLOCKS, ARG_NLANES, ARG_STATUS, ARG_CONVERGENCE, ARG_CNTVCT, ARG_SYS, ARG_PCS };

static int make_buffer(const struct gpu_cl *cl, cl_mem *buf, size_t size)
{
    cl_int err = CL_SUCCESS;
    return GPU_CL_CHECK((*buf = clCreateBuffer(cl->context, CL_MEM_READ_WRITE, size, NULL, &err), err));
}

static int set_fixed_args(struct gpu_lanes *e)
{
    cl_uint max_blocks = e->resident ? 0xffffffffu : 1, nlanes = e->n;
    cl_kernel k = e->exec;
    struct gpu_dcache *c = &e->cache;
    return GPU_CL_CHECK(clSetKernelArg(k, ARG_STATES, sizeof e->states, &e->states)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_BLOCKS, sizeof c->blocks, &c->blocks)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_INDEX, sizeof c->index_buf, &c->index_buf)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_INSNS, sizeof c->insns, &c->insns)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_LIMITS, sizeof e->limits, &e->limits)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_MAX_BLOCKS, sizeof max_blocks, &max_blocks)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_NLANES, sizeof nlanes, &nlanes)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_STATUS, sizeof e->status, &e->status)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_CONVERGENCE, sizeof e->convergence, &e->convergence)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_SYS, e->local * SYS_COUNT * sizeof(cl_ulong), NULL)) ||
           GPU_CL_CHECK(clSetKernelArg(k, ARG_PCS, e->local * sizeof(cl_ulong), NULL))
               ? GPU_ERROR : GPU_OK;
}

int gpu_lanes_new(struct gpu_lanes **out, const struct gpu_cl *cl, struct emu_proc *const *procs,
                  unsigned n, unsigned batch, enum gpu_mode mode, uint32_t budget)
{
    cl_int err = CL_SUCCESS;
    *out = NULL;
    struct gpu_lanes *e = calloc(1, sizeof *e);
    struct emu_mem **mems = calloc(n, sizeof *mems);
    if (!e || !mems) {
        fprintf(stderr, "temu: out of host memory creating the GPU engine's lanes\n");
        free(e);
        free(mems);
        return GPU_ERROR;
    }
    e->cl = cl;
    e->n = n;
    e->resident = mode == GPU_MODE_RESIDENT;
    e->budget = budget;
    for (unsigned i = 0; i < n; i++)
        mems[i] = &procs[i]->mem;
    e->st = calloc(n, sizeof *e->st);
    e->stat = calloc(n, sizeof *e->stat);
    e->limit = calloc(n, sizeof *e->limit);
    e->left = calloc(n, sizeof *e->left);
    e->stopped = calloc(n, sizeof *e->stopped);
    int rc = GPU_ERROR;
    if (!e->st || !e->stat || !e->limit || !e->left || !e->stopped) {
        fprintf(stderr, "temu: out of host memory for the state of %u lanes\n", n);
        goto fail;
    }
    rc = gpu_program_build(cl, &gpu_blob_lanes, GPU_PROGRAM_AUTO, &e->program, NULL);
    if (rc != GPU_OK)
        goto fail;
    rc = GPU_ERROR;
    if (GPU_CL_CHECK((e->exec = clCreateKernel(e->program, "execute_lanes", &err), err)))
        goto fail;
    /* Many lanes per group on every device, a CPU one too: the lanes of a group are the window
     * convergence is counted in, and on a CPU device groups, not items, spread over the cores. */
    e->local = gpu_cl_local_size(cl, e->exec, LANES_LOCAL, LANES_LOCAL, LANES_LOCAL);
    e->global = (n + e->local - 1) / e->local * e->local;
    if (gpu_guestmem_init(&e->mem, cl, mems, n) != GPU_OK ||
        gpu_dcache_init(&e->cache, cl, GPU_PROGRAM_AUTO, &e->mem, batch) != GPU_OK ||
        make_buffer(cl, &e->states, (size_t)n * sizeof *e->st) ||
        make_buffer(cl, &e->status, (size_t)n * sizeof *e->stat) ||
        make_buffer(cl, &e->limits, (size_t)n * sizeof *e->limit) ||
        make_buffer(cl, &e->convergence, (size_t)n * 2 * sizeof(cl_ulong)))
        goto fail;
    if (set_fixed_args(e))
        goto fail;
    free(mems);
    *out = e;
    return GPU_OK;
fail:
    free(mems);
    gpu_lanes_free(e);
    return rc;
}

void gpu_lanes_free(struct gpu_lanes *e)
{
    if (!e)
        return;
    if (e->cl)
        GPU_CL_CHECK(clFinish(e->cl->queue));
    gpu_dcache_free(&e->cache);
    gpu_guestmem_free(&e->mem);
    cl_mem *bufs[] = {&e->states, &e->status, &e->limits, &e->convergence};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        if (*bufs[i])
            GPU_CL_CHECK(clReleaseMemObject(*bufs[i]));
    if (e->exec)
        GPU_CL_CHECK(clReleaseKernel(e->exec));
    if (e->program)
        GPU_CL_CHECK(clReleaseProgram(e->program));
    free(e->st);
    free(e->stat);
    free(e->limit);
    free(e->left);
    free(e->stopped);
    free(e);
}

void gpu_lanes_convergence(const struct gpu_lanes *e, uint64_t *together, uint64_t *steps)
{
    *together = e ? e->together : 0;
    *steps = e ? e->steps : 0;
}

/* Copy the states of lanes ids[0..k) between the device and e->st: all at once when many. */
static int move_states(struct gpu_lanes *e, const unsigned *ids, unsigned k, int to_device)
{
    cl_command_queue q = e->cl->queue;
    size_t one = sizeof *e->st;
    if ((uint64_t)k * 16 > e->n)
        return to_device ? GPU_CL_CHECK(clEnqueueWriteBuffer(q, e->states, CL_TRUE, 0, e->n * one, e->st, 0, NULL, NULL))
                         : GPU_CL_CHECK(clEnqueueReadBuffer(q, e->states, CL_TRUE, 0, e->n * one, e->st, 0, NULL, NULL));
    for (unsigned i = 0; i < k; i++) {
        size_t off = ids[i] * one;
        if (to_device ? GPU_CL_CHECK(clEnqueueWriteBuffer(q, e->states, CL_FALSE, off, one, &e->st[ids[i]], 0, NULL, NULL))
                      : GPU_CL_CHECK(clEnqueueReadBuffer(q, e->states, CL_FALSE, off, one, &e->st[ids[i]], 0, NULL, NULL)))
            return GPU_ERROR;
    }
    return GPU_CL_CHECK(clFinish(q)) ? GPU_ERROR : GPU_OK;
}

/* One launch over the lanes with a nonzero limit, and the statuses back: the one sync. */
static int launch(struct gpu_lanes *e, struct emu_stats *total)
{
    cl_ulong now = emu_cntvct(); /* what MRS CNTVCT_EL0 reads during this launch */
    cl_command_queue q = e->cl->queue;
    if (gpu_guestmem_bind(&e->mem, e->exec, ARG_MEM, &e->mem_bound) || GPU_CL_CHECK(clSetKernelArg(e->exec, ARG_CNTVCT, sizeof now, &now)) ||
        GPU_CL_CHECK(clEnqueueWriteBuffer(q, e->limits, CL_FALSE, 0, e->n * sizeof *e->limit, e->limit, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueNDRangeKernel(q, e->exec, 1, NULL, &e->global, &e->local, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueReadBuffer(q, e->status, CL_TRUE, 0, e->n * sizeof *e->stat, e->stat, 0, NULL, NULL)))
        return GPU_ERROR;
    total->syncs++;
    return GPU_OK;
}

/* Serve a lane that stopped, with its state in p->st. Returns 1 when it goes on running. */
static int serve(struct gpu_lanes *e, unsigned lane, struct emu_proc *p, enum emu_status *status)
{
    const struct gpu_status *s = &e->stat[lane];
    enum emu_status st = (enum emu_status)s->status;
    if (st == EMU_OK) { /* it ran out of instructions */
        emu_proc_describe(p, EMU_LIMIT);
        *status = EMU_LIMIT;
        return 0;
    }
    int svc = st == EMU_SVC;
    st = emu_stop_handle(p, st, s->fault_addr, s->fault_access);
    *status = st;
    if (svc && (st == EMU_OK || st == EMU_EXIT)) {
        p->stats.instructions++; /* the svc retired */
        e->left[lane]--;
        return st == EMU_OK;
    }
    return 0;
}

/* The bytes the stopped lanes' write syscalls will print, read from the device in one round trip
 * instead of one per lane (the common case: many lanes printing their results at once). */
static int read_ahead(struct gpu_lanes *e, unsigned nstopped)
{
    enum { MOST = 1 << 20 };
    int any = 0;
    for (unsigned i = 0; i < nstopped; i++) {
        unsigned l = e->stopped[i];
        const struct emu_state *st = &e->st[l];
        if (e->stat[l].status != EMU_SVC || st->x[8] != EMU_NR_write || st->x[2] > MOST)
            continue;
        if (gpu_guestmem_read_ahead(&e->mem, l, st->x[1], st->x[2]))
            return GPU_ERROR;
        any = 1;
    }
    return any && GPU_CL_CHECK(clFinish(e->cl->queue)) ? GPU_ERROR : GPU_OK;
}

int gpu_lanes_run(struct gpu_lanes *e, struct emu_proc *const *procs, unsigned n, uint64_t max_insns,
                  enum emu_status *status, struct emu_stats *total)
{
    static const cl_ulong zero = 0;
    memset(total, 0, sizeof *total);
    for (unsigned l = 0; l < n; l++) {
        procs[l]->st.x[A64_REG_ZR] = 0;
        e->st[l] = procs[l]->st;
        e->left[l] = max_insns ? max_insns : UINT64_MAX;
        status[l] = EMU_OK;
    }
    unsigned live = n;
    uint64_t per_launch = e->resident ? e->budget : 0xffffffffu;
    if (GPU_CL_CHECK(clEnqueueFillBuffer(e->cl->queue, e->convergence, &zero, sizeof zero, 0,
                                         (size_t)n * 2 * sizeof zero, 0, NULL, NULL)) ||
        move_states(e, NULL, n, 1))
        goto fail;
    for (unsigned l = 0; l < n; l++)
        e->limit[l] = (cl_uint)(e->left[l] < per_launch ? e->left[l] : per_launch);
    while (live) {
        if (e->mem.failed || (e->mem.code_changed && gpu_dcache_flush(&e->cache, total)) || launch(e, total))
            goto fail;
        unsigned nstopped = 0;
        int full = 0;
        for (unsigned l = 0; l < n; l++) {
            const struct gpu_status *s = &e->stat[l];
            if (!e->limit[l])
                continue;
            procs[l]->stats.instructions += s->retired;
            procs[l]->stats.blocks += s->blocks;
            e->left[l] -= s->retired;
            full |= (s->flags & GPU_ST_NO_ROOM) != 0;
            if (s->flags & GPU_ST_CODE_WRITTEN)
                e->mem.code_changed = 1;
            if (s->status == EMU_FAULT && s->fault_access == EMU_PERM_W) {
                /* A first write to a page still on the zero page: back it, run the store again. */
                int backed = gpu_guestmem_back(&e->mem, l, s->fault_addr, GPU_MAX_STORE);
                if (backed < 0)
                    goto fail;
                if (backed)
                    continue;
            }
            if (s->status != EMU_OK || e->left[l] == 0)
                e->stopped[nstopped++] = l;
        }
        if (full && gpu_dcache_flush(&e->cache, total))
            goto fail;
        for (unsigned l = 0; l < n; l++) { /* decode what lanes missed, before the next launch */
            cl_uint id;
            if (e->limit[l] && (e->stat[l].flags & GPU_ST_MISS) &&
                gpu_dcache_lookup(&e->cache, e->stat[l].pc, l, &id, total))
                goto fail;
        }
        if (nstopped) {
            if (move_states(e, e->stopped, nstopped, 0) || read_ahead(e, nstopped))
                goto fail;
            unsigned ngoing = 0;
            for (unsigned i = 0; i < nstopped; i++) {
                unsigned l = e->stopped[i];
                procs[l]->st = e->st[l];
                int going = serve(e, l, procs[l], &status[l]);
                gpu_guestmem_forget_ahead(&e->mem, l);
                if (going) {
                    e->st[l] = procs[l]->st;
                    e->stopped[ngoing++] = l;
                } else {
                    e->limit[l] = 0;
                    live--;
                }
                if (e->mem.failed)
                    goto fail;
            }
            if (ngoing && move_states(e, e->stopped, ngoing, 1))
                goto fail;
        }
        for (unsigned l = 0; l < n; l++)
            if (e->limit[l])
                e->limit[l] = (cl_uint)(e->left[l] < per_launch ? e->left[l] : per_launch);
    }
    for (unsigned l = 0; l < n; l++) {
        const struct emu_stats *s = &procs[l]->stats;
        total->instructions += s->instructions;
        total->blocks += s->blocks;
        total->syscalls += s->syscalls;
    }
    cl_ulong *conv = malloc((size_t)n * 2 * sizeof *conv);
    if (!conv || GPU_CL_CHECK(clEnqueueReadBuffer(e->cl->queue, e->convergence, CL_TRUE, 0,
                                                  (size_t)n * 2 * sizeof *conv, conv, 0, NULL, NULL))) {
        free(conv);
        goto fail;
    }
    e->together = e->steps = 0;
    for (unsigned l = 0; l < n; l++) {
        e->together += conv[2 * l];
        e->steps += conv[2 * l + 1];
    }
    free(conv);
    return GPU_OK;
fail:
    fprintf(stderr, "temu: the GPU engine's lanes stopped after an OpenCL error (see above)\n");
    return GPU_ERROR;
}
