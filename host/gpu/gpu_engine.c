/* gpu_engine.c: the GPU batch engine's host side (see gpu_engine.h): kernels, the decode cache's
 * host index, and the batch loop with one wait per block. */
#include "gpu_engine.h"

#include <stdlib.h>
#include <string.h>

#include "emu_stop.h"
#include "gpu_abi.h"
#include "gpu_blobs.h"
#include "gpu_dcache.h"
#include "gpu_guestmem.h"
#include "gpu_loopvec.h"

#define ENGINE_LOCAL_MAX 256           /* work-items per group: enough for a GPU's SIMD width */

struct gpu_engine {
    const struct gpu_cl *cl;
    struct emu_proc *proc;
    unsigned batch;
    int resident;              /* GPU_MODE_RESIDENT: follow branches on the device */
    uint32_t budget;           /* resident engine: instructions per launch */
    cl_program program;
    cl_kernel execute;         /* execute_batch, or execute_resident */
    size_t execute_local;
    struct gpu_guestmem mem;
    unsigned mem_bound;        /* of mem whose buffers the kernel's arguments name */
    struct gpu_dcache cache;
    int loopvec;               /* --loopvec: the vector path for loops (gpu_loopvec.h) */
    struct gpu_loopvec lv;
    uint64_t loop_skip;        /* the loop head just handled, until execution leaves it; else ~0 */
    /* The lane. */
    cl_mem state, outs, status;
};

/* execute_batch's and execute_resident's arguments, in their parameter order (ARG_BLOCK_ID is the
 * batch kernel's block id, the resident kernel's index). */
enum { ARG_STATES, ARG_MEM /* pt, npages, pool, code: gpu_guestmem_bind */, ARG_BLOCKS = ARG_MEM + 4, ARG_BLOCK_ID, ARG_LIMIT, ARG_INSNS,
       ARG_SCHED, ARG_ORDER, ARG_LSTART, ARG_OUTS, ARG_BATCH, ARG_STATUS, ARG_CNTVCT,
       /* execute_resident only */ ARG_LOOP_MARKS, ARG_LOOPVEC, ARG_LOOP_SKIP };

#define NO_SKIP UINT64_MAX

static int make_buffer(struct gpu_engine *e, cl_mem *buf, size_t size)
{
    cl_int err = CL_SUCCESS;
    return GPU_CL_CHECK((*buf = clCreateBuffer(e->cl->context, CL_MEM_READ_WRITE, size, NULL, &err), err));
}

/* Kernel arguments that never change. */
static int set_fixed_args(struct gpu_engine *e)
{
    cl_uint batch = e->batch, loopvec = (cl_uint)e->loopvec;
    cl_kernel x = e->execute;
    struct gpu_dcache *c = &e->cache;
    return GPU_CL_CHECK(clSetKernelArg(x, ARG_STATES, sizeof e->state, &e->state)) ||
           (e->resident && GPU_CL_CHECK(clSetKernelArg(x, ARG_LOOP_MARKS, sizeof c->loop_marks, &c->loop_marks))) ||
           (e->resident && GPU_CL_CHECK(clSetKernelArg(x, ARG_LOOPVEC, sizeof loopvec, &loopvec))) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_BLOCKS, sizeof c->blocks, &c->blocks)) ||
           (e->resident && GPU_CL_CHECK(clSetKernelArg(x, ARG_BLOCK_ID, sizeof c->index_buf, &c->index_buf))) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_INSNS, sizeof c->insns, &c->insns)) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_SCHED, sizeof c->sched, &c->sched)) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_ORDER, sizeof c->order, &c->order)) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_LSTART, sizeof c->lstart, &c->lstart)) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_OUTS, sizeof e->outs, &e->outs)) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_BATCH, sizeof batch, &batch)) ||
           GPU_CL_CHECK(clSetKernelArg(x, ARG_STATUS, sizeof e->status, &e->status))
               ? GPU_ERROR : GPU_OK;
}

int gpu_engine_new(struct gpu_engine **out, const struct gpu_cl *cl, struct emu_proc *p,
                   unsigned batch, enum gpu_mode mode, uint32_t budget, int loopvec,
                   enum gpu_program_path path)
{
    cl_int err = CL_SUCCESS;
    *out = NULL;
    struct gpu_engine *e = calloc(1, sizeof *e);
    if (!e) {
        fprintf(stderr, "temu: out of host memory creating the GPU engine\n");
        return GPU_ERROR;
    }
    e->cl = cl;
    e->proc = p;
    e->batch = batch;
    e->resident = mode == GPU_MODE_RESIDENT;
    e->budget = budget;
    e->loopvec = loopvec;
    e->loop_skip = NO_SKIP;
    struct emu_mem *mem = &p->mem;
    int rc = gpu_program_build(cl, &gpu_blob_batch, path, &e->program, NULL);
    if (rc != GPU_OK)
        goto fail;
    rc = GPU_ERROR;
    if (GPU_CL_CHECK((e->execute = clCreateKernel(e->program, e->resident ? "execute_resident" : "execute_batch",
                                                  &err), err)))
        goto fail;
    /* A CPU device (PoCL) runs a group's items one after another on one core: more items add no
     * parallelism there, only barrier work (measured: 1 item is fastest). */
    e->execute_local = gpu_cl_local_size(cl, e->execute, ENGINE_LOCAL_MAX, 1, batch);
    if (make_buffer(e, &e->state, sizeof(struct emu_state)) ||
        make_buffer(e, &e->outs, (size_t)batch * GPU_OUTS * sizeof(cl_ulong)) ||
        make_buffer(e, &e->status, sizeof(struct gpu_status)) ||
        gpu_guestmem_init(&e->mem, cl, &mem, 1) != GPU_OK ||
        gpu_dcache_init(&e->cache, cl, path, &e->mem, batch) != GPU_OK ||
        (loopvec && gpu_loopvec_init(&e->lv, cl, path) != GPU_OK))
        goto fail;
    if (set_fixed_args(e))
        goto fail;
    *out = e;
    return GPU_OK;
fail:
    gpu_engine_free(e);
    return rc;
}

void gpu_engine_free(struct gpu_engine *e)
{
    if (!e)
        return;
    if (e->cl)
        GPU_CL_CHECK(clFinish(e->cl->queue));
    gpu_loopvec_free(&e->lv);
    gpu_dcache_free(&e->cache);
    gpu_guestmem_free(&e->mem);
    cl_mem *bufs[] = {&e->state, &e->outs, &e->status};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        if (*bufs[i])
            GPU_CL_CHECK(clReleaseMemObject(*bufs[i]));
    if (e->execute)
        GPU_CL_CHECK(clReleaseKernel(e->execute));
    if (e->program)
        GPU_CL_CHECK(clReleaseProgram(e->program));
    free(e);
}

/* Run from pc, wait for the status: the one sync. The batch engine runs the block at pc (decoding
 * it on a miss) for at most `limit` instructions; the resident engine runs blocks until one is
 * missing or `limit` instructions are retired, and the host decodes a missing block before the
 * next launch, in the same queue, without waiting. */
static int run_launch(struct gpu_engine *e, uint64_t pc, cl_uint limit, struct gpu_status *st)
{
    cl_uint id;
    cl_ulong now = emu_cntvct(); /* what MRS CNTVCT_EL0 reads during this launch */
    size_t local = e->execute_local;
    if (gpu_guestmem_bind(&e->mem, e->execute, ARG_MEM, &e->mem_bound))
        return GPU_ERROR;
    /* The batch engine names the block; the resident one looks blocks up on the device. */
    if (!e->resident && (gpu_dcache_lookup(&e->cache, pc, 0, &id, &e->proc->stats) ||
                       GPU_CL_CHECK(clSetKernelArg(e->execute, ARG_BLOCK_ID, sizeof id, &id))))
        return GPU_ERROR;
    cl_ulong skip = e->loop_skip;
    if (e->resident && GPU_CL_CHECK(clSetKernelArg(e->execute, ARG_LOOP_SKIP, sizeof skip, &skip)))
        return GPU_ERROR;
    if (GPU_CL_CHECK(clSetKernelArg(e->execute, ARG_LIMIT, sizeof limit, &limit)) ||
        GPU_CL_CHECK(clSetKernelArg(e->execute, ARG_CNTVCT, sizeof now, &now)) ||
        GPU_CL_CHECK(clEnqueueNDRangeKernel(e->cl->queue, e->execute, 1, NULL, &local, &local, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueReadBuffer(e->cl->queue, e->status, CL_TRUE, 0, sizeof *st, st, 0, NULL, NULL)))
        return GPU_ERROR;
    e->proc->stats.syncs++;
    return GPU_OK;
}

static int read_state(struct gpu_engine *e)
{
    return GPU_CL_CHECK(clEnqueueReadBuffer(e->cl->queue, e->state, CL_TRUE, 0, sizeof e->proc->st,
                                            &e->proc->st, 0, NULL, NULL));
}

static int write_state(struct gpu_engine *e)
{
    return GPU_CL_CHECK(clEnqueueWriteBuffer(e->cl->queue, e->state, CL_TRUE, 0, sizeof e->proc->st,
                                             &e->proc->st, 0, NULL, NULL));
}

/* The host's side of an error inside a hook or a call: one line already printed. */
static enum emu_status engine_error(struct emu_proc *p)
{
    snprintf(p->err, sizeof p->err, "GPU engine stopped after an OpenCL error (see above)");
    return EMU_ERROR;
}

/* --loopvec, at the head of the second iteration of an entry into the self-loop block of n
 * instructions at pc: classify it once (the resident kernel is told, so it stops only at loops
 * worth it), then let the vector path run whole iterations within *remaining. */
static int loop_head(struct gpu_engine *e, struct emu_proc *p, uint64_t pc, uint32_t n, uint64_t *remaining)
{
    e->loop_skip = pc;
    int vec = gpu_loopvec_classify(&e->lv, p, pc, n);
    cl_uint id;
    if (vec < 0 || (e->resident && (gpu_dcache_lookup(&e->cache, pc, 0, &id, &p->stats) ||
                                  gpu_dcache_set_loop_mark(&e->cache, id, vec ? GPU_LOOP_VECTOR
                                                                              : GPU_LOOP_SEQUENTIAL))))
        return GPU_ERROR;
    if (!vec)
        return GPU_OK;
    uint64_t k;
    if (read_state(e) || gpu_loopvec_try(&e->lv, &e->mem, p, pc, *remaining, &k))
        return GPU_ERROR;
    if (k) {
        *remaining -= k * n;
        p->stats.instructions += k * n;
        p->stats.blocks += k;
        if (write_state(e))
            return GPU_ERROR;
    }
    return GPU_OK;
}

enum emu_status gpu_engine_run(struct gpu_engine *e, struct emu_proc *p, uint64_t max_insns)
{
    uint64_t remaining = max_insns ? max_insns : UINT64_MAX;
    uint64_t pc = p->st.pc;
    p->st.x[A64_REG_ZR] = 0;
    if (write_state(e))
        return engine_error(p);
    for (;;) {
        if (e->mem.failed)
            return engine_error(p);
        if (e->mem.code_changed) {
            if (gpu_dcache_flush(&e->cache, &p->stats))
                return engine_error(p);
            if (e->loopvec)
                gpu_loopvec_forget(&e->lv);
        }
        if (remaining == 0) {
            if (read_state(e))
                return engine_error(p);
            return EMU_LIMIT;
        }
        struct gpu_status st;
        uint64_t most = e->resident ? e->budget : e->batch;
        cl_uint limit = remaining < most ? (cl_uint)remaining : (cl_uint)most;
        if (!e->resident && pc != e->loop_skip) /* the batch engine has left the loop it saw last */
            e->loop_skip = NO_SKIP;
        if (run_launch(e, pc, limit, &st))
            return engine_error(p);
        p->stats.instructions += st.retired;
        p->stats.blocks += st.blocks;
        remaining -= st.retired;
        uint64_t from = pc;
        pc = st.pc;
        if (e->resident)
            e->loop_skip = st.loop_skip;
        if (st.flags & GPU_ST_NO_ROOM) { /* the block at pc did not run: make room, decode again */
            if (gpu_dcache_flush(&e->cache, &p->stats))
                return engine_error(p);
            continue;
        }
        if (st.flags & GPU_ST_MISS) { /* decode it; the next launch follows in the same queue */
            cl_uint id;
            if (gpu_dcache_lookup(&e->cache, pc, 0, &id, &p->stats))
                return engine_error(p);
            continue;
        }
        if (st.flags & GPU_ST_CODE_WRITTEN)
            e->mem.code_changed = 1;
        /* --loopvec: the resident kernel stops at loop heads itself; the batch engine's block
         * branched back to itself. */
        int loop = (st.flags & GPU_ST_LOOP) || (e->loopvec && !e->resident && st.status == EMU_OK && !st.flags &&
                                                pc == from && from != e->loop_skip);
        if (loop && loop_head(e, p, pc, e->resident ? st.loop_n : st.retired, &remaining))
            return engine_error(p);
        if (st.status == EMU_OK)
            continue;
        if (st.status == EMU_FAULT && st.fault_access == EMU_PERM_W) {
            /* A first write to a page still on the zero page: back it and run the store again. */
            int backed = gpu_guestmem_back(&e->mem, 0, st.fault_addr, GPU_MAX_STORE);
            if (backed < 0)
                return engine_error(p);
            if (backed)
                continue;
        }

        /* A stop: the host needs the registers. */
        if (read_state(e))
            return engine_error(p);
        int svc = st.status == EMU_SVC;
        enum emu_status s = emu_stop_handle(p, (enum emu_status)st.status, st.fault_addr, st.fault_access);
        if (svc && e->mem.failed)
            return engine_error(p);
        if (svc && (s == EMU_OK || s == EMU_EXIT)) {
            p->stats.instructions++; /* the svc retired */
            remaining--;
            if (s == EMU_EXIT)
                return EMU_EXIT;
            if (write_state(e))
                return engine_error(p);
            pc = p->st.pc;
            continue;
        }
        return s;
    }
}
