/* gpu_engine.c: the GPU batch engine's host side (see gpu_engine.h): kernels, the decode cache's
 * host index, and the batch loop with one wait per block. */
#include "gpu_engine.h"

#include <stdlib.h>
#include <string.h>

#include "emu_syscall.h"
#include "gpu_abi.h"
#include "gpu_blobs.h"
#include "gpu_guestmem.h"

#define ENGINE_MIN_RECORDS (1u << 18)  /* record positions in the device decode cache, at least */
#define ENGINE_LOCAL_MAX 256           /* work-items per group: enough for a GPU's SIMD width */

struct gpu_engine {
    const struct gpu_cl *cl;
    struct emu_proc *proc;
    unsigned batch;
    uint32_t budget;           /* resident engine: instructions per launch; 0: the batch engine */
    cl_program program;
    cl_kernel decode, execute; /* execute: execute_batch, or execute_resident */
    size_t decode_local, execute_local;
    struct gpu_guestmem mem;
    unsigned mem_generation;   /* of mem whose buffers the kernels' arguments name */
    /* Decode cache, on the device. */
    cl_mem blocks, scratch, alloc, insns, sched, order, lstart;
    uint32_t capacity;         /* record positions */
    struct gpu_index_slot *index; /* GPU_INDEX_SLOTS, mirrored on the device for the resident engine */
    cl_mem index_buf;
    uint32_t nblocks;
    /* The lane. */
    cl_mem state, outs, status;
};

/* Forget every decoded block (a full cache, or code that changed: counted as invalidations). */
static int flush_cache(struct gpu_engine *e)
{
    static const cl_uint zero = 0;
    if (e->mem.code_changed)
        e->proc->stats.invalidations += e->nblocks;
    /* Enqueued index writes read e->index: let them finish before it is cleared. */
    if (GPU_CL_CHECK(clFinish(e->cl->queue)))
        return GPU_ERROR;
    memset(e->index, 0, GPU_INDEX_SLOTS * sizeof *e->index);
    e->nblocks = 0;
    if (GPU_CL_CHECK(clEnqueueWriteBuffer(e->cl->queue, e->alloc, CL_TRUE, 0, sizeof zero, &zero, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueFillBuffer(e->cl->queue, e->index_buf, &zero, sizeof zero, 0,
                                         GPU_INDEX_SLOTS * sizeof *e->index, 0, NULL, NULL)))
        return GPU_ERROR;
    return gpu_guestmem_clear_code(&e->mem);
}

/* Point the kernels at the current guest memory buffers (the pool may have grown). */
static int set_mem_args(struct gpu_engine *e)
{
    cl_ulong npages = e->mem.npages;
    if (e->mem_generation == e->mem.generation)
        return GPU_OK;
    if (GPU_CL_CHECK(clSetKernelArg(e->decode, 0, sizeof e->mem.pt_buf, &e->mem.pt_buf)) ||
        GPU_CL_CHECK(clSetKernelArg(e->decode, 1, sizeof npages, &npages)) ||
        GPU_CL_CHECK(clSetKernelArg(e->decode, 2, sizeof e->mem.pool_buf, &e->mem.pool_buf)) ||
        GPU_CL_CHECK(clSetKernelArg(e->execute, 1, sizeof e->mem.pt_buf, &e->mem.pt_buf)) ||
        GPU_CL_CHECK(clSetKernelArg(e->execute, 2, sizeof npages, &npages)) ||
        GPU_CL_CHECK(clSetKernelArg(e->execute, 3, sizeof e->mem.pool_buf, &e->mem.pool_buf)))
        return GPU_ERROR;
    e->mem_generation = e->mem.generation;
    return GPU_OK;
}

static int make_buffer(struct gpu_engine *e, cl_mem *buf, size_t size)
{
    cl_int err = CL_SUCCESS;
    return GPU_CL_CHECK((*buf = clCreateBuffer(e->cl->context, CL_MEM_READ_WRITE, size, NULL, &err), err));
}

static size_t local_size(const struct gpu_engine *e, cl_kernel k)
{
    size_t max = 1;
    if (GPU_CL_CHECK(clGetKernelWorkGroupInfo(k, e->cl->device, CL_KERNEL_WORK_GROUP_SIZE, sizeof max, &max, NULL)))
        max = 1;
    /* A CPU device (PoCL) runs a work-group's items one after another on one core: more items
     * add no parallelism, only barrier work (measured: 1 item is fastest there). */
    size_t want = (e->cl->type & CL_DEVICE_TYPE_CPU) ? 1 : ENGINE_LOCAL_MAX;
    /* TEMU_GPU_LOCAL=N overrides, so the tests also run many items per group on PoCL. */
    const char *env = getenv("TEMU_GPU_LOCAL");
    if (env && atoi(env) > 0)
        want = (size_t)atoi(env);
    size_t n = e->batch < want ? e->batch : want;
    return n < max ? n : max;
}

/* Kernel arguments that never change, then the ones per run. */
static int set_fixed_args(struct gpu_engine *e)
{
    cl_uint batch = e->batch, capacity = e->capacity;
    cl_kernel d = e->decode, x = e->execute;
    return GPU_CL_CHECK(clSetKernelArg(d, 4, sizeof batch, &batch)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 6, sizeof e->blocks, &e->blocks)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 7, sizeof e->scratch, &e->scratch)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 8, sizeof e->alloc, &e->alloc)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 9, sizeof capacity, &capacity)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 10, sizeof e->insns, &e->insns)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 11, sizeof e->sched, &e->sched)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 12, sizeof e->order, &e->order)) ||
           GPU_CL_CHECK(clSetKernelArg(d, 13, sizeof e->lstart, &e->lstart)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 0, sizeof e->state, &e->state)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 4, sizeof e->blocks, &e->blocks)) ||
           (e->budget && GPU_CL_CHECK(clSetKernelArg(x, 5, sizeof e->index_buf, &e->index_buf))) ||
           GPU_CL_CHECK(clSetKernelArg(x, 7, sizeof e->insns, &e->insns)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 8, sizeof e->sched, &e->sched)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 9, sizeof e->order, &e->order)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 10, sizeof e->lstart, &e->lstart)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 11, sizeof e->outs, &e->outs)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 12, sizeof batch, &batch)) ||
           GPU_CL_CHECK(clSetKernelArg(x, 13, sizeof e->status, &e->status))
               ? GPU_ERROR : GPU_OK;
}

int gpu_engine_new(struct gpu_engine **out, const struct gpu_cl *cl, struct emu_proc *p,
                   unsigned batch, uint32_t budget, enum gpu_program_path path)
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
    e->budget = budget;
    e->capacity = ENGINE_MIN_RECORDS > 16 * (batch + 1) ? ENGINE_MIN_RECORDS : 16 * (batch + 1);
    e->index = calloc(GPU_INDEX_SLOTS, sizeof *e->index);
    int rc = e->index ? gpu_program_build(cl, &gpu_blob_batch, path, &e->program, NULL) : GPU_ERROR;
    if (rc != GPU_OK)
        goto fail;
    rc = GPU_ERROR;
    if (GPU_CL_CHECK((e->decode = clCreateKernel(e->program, "decode_block", &err), err)) ||
        GPU_CL_CHECK((e->execute = clCreateKernel(e->program, budget ? "execute_resident" : "execute_batch",
                                                  &err), err)))
        goto fail;
    e->decode_local = local_size(e, e->decode);
    e->execute_local = local_size(e, e->execute);
    size_t cap = e->capacity;
    if (make_buffer(e, &e->blocks, GPU_MAX_BLOCKS * sizeof(struct gpu_block)) ||
        make_buffer(e, &e->index_buf, GPU_INDEX_SLOTS * sizeof(struct gpu_index_slot)) ||
        make_buffer(e, &e->scratch, batch * sizeof(struct a64_insn)) ||
        make_buffer(e, &e->alloc, sizeof(cl_uint)) ||
        make_buffer(e, &e->insns, cap * sizeof(struct a64_insn)) ||
        make_buffer(e, &e->sched, cap * sizeof(struct gpu_sched)) ||
        make_buffer(e, &e->order, cap * sizeof(cl_uint)) ||
        make_buffer(e, &e->lstart, cap * sizeof(cl_uint)) ||
        make_buffer(e, &e->state, sizeof(struct emu_state)) ||
        make_buffer(e, &e->outs, (size_t)batch * GPU_OUTS * sizeof(cl_ulong)) ||
        make_buffer(e, &e->status, sizeof(struct gpu_status)) ||
        gpu_guestmem_init(&e->mem, cl, &p->mem) != GPU_OK)
        goto fail;
    e->mem_generation = e->mem.generation - 1;
    if (set_fixed_args(e) || set_mem_args(e) || flush_cache(e))
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
    gpu_guestmem_free(&e->mem);
    cl_mem *bufs[] = {&e->blocks, &e->index_buf, &e->scratch, &e->alloc, &e->insns, &e->sched, &e->order,
                      &e->lstart, &e->state, &e->outs, &e->status};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        if (*bufs[i])
            GPU_CL_CHECK(clReleaseMemObject(*bufs[i]));
    if (e->decode)
        GPU_CL_CHECK(clReleaseKernel(e->decode));
    if (e->execute)
        GPU_CL_CHECK(clReleaseKernel(e->execute));
    if (e->program)
        GPU_CL_CHECK(clReleaseProgram(e->program));
    free(e->index);
    free(e);
}

/* The block id for pc, enqueueing decode_block on a miss. Returns GPU_OK or GPU_ERROR. */
static int lookup_block(struct gpu_engine *e, uint64_t pc, cl_uint *id)
{
    size_t mask = GPU_INDEX_SLOTS - 1, i = gpu_index_hash(pc);
    for (; e->index[i].id; i = (i + 1) & mask) {
        if (e->index[i].pc == pc) {
            *id = e->index[i].id - 1;
            return GPU_OK;
        }
    }
    if (e->nblocks == GPU_MAX_BLOCKS) {
        if (flush_cache(e))
            return GPU_ERROR;
        return lookup_block(e, pc, id);
    }
    *id = e->nblocks++;
    e->index[i].pc = pc;
    e->index[i].id = *id + 1;
    cl_ulong pc_arg = pc;
    size_t local = e->decode_local;
    gpu_guestmem_mark_code(&e->mem, pc, e->batch);
    e->proc->stats.blocks_decoded++;
    if (GPU_CL_CHECK(clSetKernelArg(e->decode, 3, sizeof pc_arg, &pc_arg)) ||
        GPU_CL_CHECK(clSetKernelArg(e->decode, 5, sizeof *id, id)) ||
        GPU_CL_CHECK(clEnqueueNDRangeKernel(e->cl->queue, e->decode, 1, NULL, &local, &local, 0, NULL, NULL)))
        return GPU_ERROR;
    /* The resident kernel finds blocks through the device copy of the index (the slot stays
     * unchanged until flush_cache, which waits for this write). */
    if (e->budget && GPU_CL_CHECK(clEnqueueWriteBuffer(e->cl->queue, e->index_buf, CL_FALSE, i * sizeof *e->index,
                                                       sizeof *e->index, &e->index[i], 0, NULL, NULL)))
        return GPU_ERROR;
    return GPU_OK;
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
    if (set_mem_args(e))
        return GPU_ERROR;
    /* The batch engine names the block; the resident one looks blocks up on the device. */
    if (!e->budget && (lookup_block(e, pc, &id) || GPU_CL_CHECK(clSetKernelArg(e->execute, 5, sizeof id, &id))))
        return GPU_ERROR;
    if (GPU_CL_CHECK(clSetKernelArg(e->execute, 6, sizeof limit, &limit)) ||
        GPU_CL_CHECK(clSetKernelArg(e->execute, 14, sizeof now, &now)) ||
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
        if (e->mem.code_changed && flush_cache(e))
            return engine_error(p);
        if (remaining == 0) {
            if (read_state(e))
                return engine_error(p);
            return EMU_LIMIT;
        }
        struct gpu_status st;
        uint64_t most = e->budget ? e->budget : e->batch;
        cl_uint limit = remaining < most ? (cl_uint)remaining : (cl_uint)most;
        if (run_launch(e, pc, limit, &st))
            return engine_error(p);
        p->stats.instructions += st.retired;
        p->stats.blocks += st.blocks;
        remaining -= st.retired;
        pc = st.pc;
        if (st.flags & GPU_ST_NO_ROOM) { /* the block at pc did not run: make room, decode again */
            if (flush_cache(e))
                return engine_error(p);
            continue;
        }
        if (st.flags & GPU_ST_MISS) { /* decode it; the next launch follows in the same queue */
            cl_uint id;
            if (lookup_block(e, pc, &id))
                return engine_error(p);
            continue;
        }
        if (st.flags & GPU_ST_CODE_WRITTEN)
            e->mem.code_changed = 1;
        if (st.status == EMU_OK)
            continue;

        /* A stop: the host needs the registers. */
        if (read_state(e))
            return engine_error(p);
        enum emu_status s = (enum emu_status)st.status;
        if (s == EMU_SVC) {
            p->fault_access = 0;
            s = emu_syscall(p);
            if (e->mem.failed)
                return engine_error(p);
            if (s == EMU_OK || s == EMU_EXIT) {
                p->stats.syscalls++;
                p->stats.instructions++;
                remaining--;
                p->st.pc += 4;
                if (s == EMU_EXIT)
                    return EMU_EXIT;
                if (write_state(e))
                    return engine_error(p);
                pc = p->st.pc;
                continue;
            }
        } else if (s == EMU_FAULT) {
            p->mem.fault_addr = st.fault_addr;
            p->fault_access = st.fault_access;
        }
        if (s == EMU_UNDEF || s == EMU_FAULT || s == EMU_SYSCALL_BAD)
            emu_proc_describe(p, s);
        return s;
    }
}
