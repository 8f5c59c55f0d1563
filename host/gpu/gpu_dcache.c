/* gpu_dcache.c: the device decode cache (see gpu_dcache.h). */
#include "gpu_dcache.h"

#include <stdlib.h>
#include <string.h>

#define DCACHE_MIN_RECORDS (1u << 18) /* record positions in the device decode cache, at least */
#define DCACHE_LOCAL_GPU 256          /* decode_block's work-items on a GPU */

/* decode_block's arguments, in its parameter order. */
enum { ARG_MEM /* pt, npages, pool, code: gpu_guestmem_bind */, ARG_PT_OFFSET = ARG_MEM + 4, ARG_PC, ARG_BATCH, ARG_BLOCK_ID, ARG_BLOCKS,
       ARG_SCRATCH, ARG_ALLOC, ARG_CAPACITY, ARG_INSNS, ARG_SCHED, ARG_ORDER, ARG_LSTART };

static int make_buffer(const struct gpu_cl *cl, cl_mem *buf, size_t size)
{
    cl_int err = CL_SUCCESS;
    return GPU_CL_CHECK((*buf = clCreateBuffer(cl->context, CL_MEM_READ_WRITE, size, NULL, &err), err));
}

int gpu_dcache_init(struct gpu_dcache *c, const struct gpu_cl *cl, enum gpu_program_path path,
                    struct gpu_guestmem *mem, unsigned batch)
{
    cl_int err = CL_SUCCESS;
    memset(c, 0, sizeof *c);
    c->cl = cl;
    c->mem = mem;
    c->batch = batch;
    c->capacity = DCACHE_MIN_RECORDS > 16 * (batch + 1) ? DCACHE_MIN_RECORDS : 16 * (batch + 1);
    c->index = calloc(GPU_INDEX_SLOTS, sizeof *c->index);
    c->loop_marks_host = calloc(GPU_MAX_BLOCKS, 1);
    size_t cap = c->capacity;
    cl_uint b = batch, capacity = c->capacity;
    cl_kernel d;
    if (!c->index || !c->loop_marks_host) {
        fprintf(stderr, "temu: out of host memory for the decode cache index\n");
        goto fail;
    }
    if (gpu_program_build(cl, &gpu_blob_decode_block, path, &c->program, NULL) != GPU_OK ||
        GPU_CL_CHECK((c->decode = clCreateKernel(c->program, "decode_block", &err), err)) ||
        make_buffer(cl, &c->blocks, GPU_MAX_BLOCKS * sizeof(struct gpu_block)) ||
        make_buffer(cl, &c->index_buf, GPU_INDEX_SLOTS * sizeof(struct gpu_index_slot)) ||
        make_buffer(cl, &c->loop_marks, GPU_MAX_BLOCKS) ||
        make_buffer(cl, &c->scratch, batch * sizeof(struct a64_insn)) ||
        make_buffer(cl, &c->alloc, sizeof(cl_uint)) ||
        make_buffer(cl, &c->insns, cap * sizeof(struct a64_insn)) ||
        make_buffer(cl, &c->sched, cap * sizeof(struct gpu_sched)) ||
        make_buffer(cl, &c->order, cap * sizeof(cl_uint)) ||
        make_buffer(cl, &c->lstart, cap * sizeof(cl_uint)))
        goto fail;
    d = c->decode;
    /* Work-items fetch and decode the words in parallel; on a CPU device one does it all. */
    c->decode_local = gpu_cl_local_size(cl, d, DCACHE_LOCAL_GPU, 1, batch);
    if (GPU_CL_CHECK(clSetKernelArg(d, ARG_BATCH, sizeof b, &b)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_BLOCKS, sizeof c->blocks, &c->blocks)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_SCRATCH, sizeof c->scratch, &c->scratch)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_ALLOC, sizeof c->alloc, &c->alloc)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_CAPACITY, sizeof capacity, &capacity)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_INSNS, sizeof c->insns, &c->insns)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_SCHED, sizeof c->sched, &c->sched)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_ORDER, sizeof c->order, &c->order)) ||
        GPU_CL_CHECK(clSetKernelArg(d, ARG_LSTART, sizeof c->lstart, &c->lstart)) ||
        gpu_dcache_flush(c, NULL))
        goto fail;
    return GPU_OK;
fail:
    gpu_dcache_free(c);
    return GPU_ERROR;
}

void gpu_dcache_free(struct gpu_dcache *c)
{
    cl_mem *bufs[] = {&c->blocks, &c->index_buf, &c->loop_marks, &c->scratch, &c->alloc, &c->insns, &c->sched, &c->order, &c->lstart};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        if (*bufs[i])
            GPU_CL_CHECK(clReleaseMemObject(*bufs[i]));
    if (c->decode)
        GPU_CL_CHECK(clReleaseKernel(c->decode));
    if (c->program)
        GPU_CL_CHECK(clReleaseProgram(c->program));
    free(c->index);
    free(c->loop_marks_host);
    memset(c, 0, sizeof *c);
}

int gpu_dcache_flush(struct gpu_dcache *c, struct emu_stats *s)
{
    static const cl_uint zero = 0;
    static const cl_uchar unseen = GPU_LOOP_UNSEEN;
    if (s && c->mem->code_changed)
        s->invalidations += c->nblocks;
    /* Enqueued index writes read c->index: let them finish before it is cleared. */
    if (GPU_CL_CHECK(clFinish(c->cl->queue)))
        return GPU_ERROR;
    memset(c->index, 0, GPU_INDEX_SLOTS * sizeof *c->index);
    memset(c->loop_marks_host, GPU_LOOP_UNSEEN, GPU_MAX_BLOCKS);
    c->nblocks = 0;
    if (GPU_CL_CHECK(clEnqueueWriteBuffer(c->cl->queue, c->alloc, CL_TRUE, 0, sizeof zero, &zero, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueFillBuffer(c->cl->queue, c->index_buf, &zero, sizeof zero, 0,
                                         GPU_INDEX_SLOTS * sizeof *c->index, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueFillBuffer(c->cl->queue, c->loop_marks, &unseen, sizeof unseen, 0, GPU_MAX_BLOCKS,
                                         0, NULL, NULL)))
        return GPU_ERROR;
    return gpu_guestmem_clear_code(c->mem);
}

int gpu_dcache_lookup(struct gpu_dcache *c, uint64_t pc, unsigned lane, cl_uint *id, struct emu_stats *s)
{
    size_t mask = GPU_INDEX_SLOTS - 1, i = gpu_index_hash(pc);
    for (; c->index[i].id; i = (i + 1) & mask) {
        if (c->index[i].pc == pc) {
            *id = c->index[i].id - 1;
            return GPU_OK;
        }
    }
    if (c->nblocks == GPU_MAX_BLOCKS) {
        if (gpu_dcache_flush(c, s))
            return GPU_ERROR;
        return gpu_dcache_lookup(c, pc, lane, id, s);
    }
    *id = c->nblocks++;
    c->index[i].pc = pc;
    c->index[i].id = *id + 1;
    cl_ulong pc_arg = pc, pt_offset = c->mem->lanes[lane].pt_offset;
    size_t local = c->decode_local;
    gpu_guestmem_mark_code(c->mem, pc, c->batch);
    s->blocks_decoded++;
    if (gpu_guestmem_bind(c->mem, c->decode, ARG_MEM, &c->mem_bound) ||
        GPU_CL_CHECK(clSetKernelArg(c->decode, ARG_PT_OFFSET, sizeof pt_offset, &pt_offset)) ||
        GPU_CL_CHECK(clSetKernelArg(c->decode, ARG_PC, sizeof pc_arg, &pc_arg)) ||
        GPU_CL_CHECK(clSetKernelArg(c->decode, ARG_BLOCK_ID, sizeof *id, id)) ||
        GPU_CL_CHECK(clEnqueueNDRangeKernel(c->cl->queue, c->decode, 1, NULL, &local, &local, 0, NULL, NULL)))
        return GPU_ERROR;
    /* Kernels that follow branches find blocks through the device copy of the index (the slot
     * stays unchanged until gpu_dcache_flush, which waits for this write). */
    return GPU_CL_CHECK(clEnqueueWriteBuffer(c->cl->queue, c->index_buf, CL_FALSE, i * sizeof *c->index,
                                             sizeof *c->index, &c->index[i], 0, NULL, NULL))
               ? GPU_ERROR : GPU_OK;
}

int gpu_dcache_set_loop_mark(struct gpu_dcache *c, cl_uint id, uint8_t mark)
{
    c->loop_marks_host[id] = mark;
    return GPU_CL_CHECK(clEnqueueWriteBuffer(c->cl->queue, c->loop_marks, CL_FALSE, id, 1,
                                             &c->loop_marks_host[id], 0, NULL, NULL))
               ? GPU_ERROR : GPU_OK;
}
