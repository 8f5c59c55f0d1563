/* gpu_decode.c: host side of kernel decode_batch (see gpu_decode.h). */
#include "gpu_decode.h"

#include <stddef.h>
#include <string.h>

#include "gpu_blobs.h"
#include "gpu_insn_layout.h"

/* The same layout list the kernel checks with __builtin_offsetof (shaders/decode_batch.cl). */
A64_STATIC_ASSERT(sizeof(struct a64_insn) == GPU_INSN_SIZE, insn_size);
#define GPU_DECODE_OFFSET(field, off) \
    A64_STATIC_ASSERT(offsetof(struct a64_insn, field) == (off), insn_offset_##field);
GPU_INSN_FIELDS(GPU_DECODE_OFFSET)
#undef GPU_DECODE_OFFSET

#define GPU_DECODE_LOCAL_MAX 256 /* enough to fill a GPU's SIMD units; larger gains nothing here */

int gpu_decode_init(struct gpu_decoder *d, const struct gpu_cl *cl, enum gpu_program_path want)
{
    cl_int err = CL_SUCCESS;
    memset(d, 0, sizeof *d);
    d->cl = cl;
    int rc = gpu_program_build(cl, &gpu_blob_decode_batch, want, &d->program, &d->path);
    if (rc != GPU_OK)
        return rc;
    rc = GPU_ERROR;
    if (GPU_CL_CHECK((d->kernel = clCreateKernel(d->program, "decode_batch", &err), err)) ||
        GPU_CL_CHECK(clGetKernelWorkGroupInfo(d->kernel, cl->device, CL_KERNEL_WORK_GROUP_SIZE,
                                              sizeof d->local, &d->local, NULL)))
        goto out;
    if (d->local > GPU_DECODE_LOCAL_MAX)
        d->local = GPU_DECODE_LOCAL_MAX;
    if (d->local == 0)
        d->local = 1;
    rc = GPU_OK;
out:
    if (rc != GPU_OK)
        gpu_decode_free(d);
    return rc;
}

/* Words per enqueue: bounded by the device's largest buffer and by the kernel's uint count. */
static size_t chunk_words(const struct gpu_decoder *d, size_t n)
{
    size_t max = (size_t)(d->cl->max_alloc / sizeof(struct a64_insn));
    if (max > 0x7fffffffu)
        max = 0x7fffffffu;
    max -= max % d->local;
    return n < max ? n : max;
}

int gpu_decode_words(struct gpu_decoder *d, const uint32_t *words, size_t n, struct a64_insn *out)
{
    const struct gpu_cl *cl = d->cl;
    cl_mem in_buf = NULL, out_buf = NULL;
    cl_int err = CL_SUCCESS;
    int rc = GPU_ERROR;
    if (n == 0)
        return GPU_OK;
    size_t chunk = chunk_words(d, n);
    if (GPU_CL_CHECK((in_buf = clCreateBuffer(cl->context, CL_MEM_READ_ONLY, chunk * sizeof *words,
                                              NULL, &err), err)) ||
        GPU_CL_CHECK((out_buf = clCreateBuffer(cl->context, CL_MEM_WRITE_ONLY, chunk * sizeof *out,
                                               NULL, &err), err)) ||
        GPU_CL_CHECK(clSetKernelArg(d->kernel, 0, sizeof in_buf, &in_buf)) ||
        GPU_CL_CHECK(clSetKernelArg(d->kernel, 1, sizeof out_buf, &out_buf)))
        goto out;
    for (size_t done = 0; done < n; done += chunk) {
        size_t count = n - done < chunk ? n - done : chunk;
        cl_uint count_arg = (cl_uint)count;
        size_t global = (count + d->local - 1) / d->local * d->local;
        /* Write, run and read are ordered by the in-order queue: one wait per chunk, the read. */
        if (GPU_CL_CHECK(clEnqueueWriteBuffer(cl->queue, in_buf, CL_FALSE, 0, count * sizeof *words,
                                              words + done, 0, NULL, NULL)) ||
            GPU_CL_CHECK(clSetKernelArg(d->kernel, 2, sizeof count_arg, &count_arg)) ||
            GPU_CL_CHECK(clEnqueueNDRangeKernel(cl->queue, d->kernel, 1, NULL, &global, &d->local,
                                                0, NULL, NULL)) ||
            GPU_CL_CHECK(clEnqueueReadBuffer(cl->queue, out_buf, CL_TRUE, 0, count * sizeof *out,
                                             out + done, 0, NULL, NULL)))
            goto out;
    }
    rc = GPU_OK;
out:
    if (rc != GPU_OK)
        GPU_CL_CHECK(clFinish(cl->queue)); /* no enqueued write may still read words[] after we return */
    if (out_buf)
        GPU_CL_CHECK(clReleaseMemObject(out_buf));
    if (in_buf)
        GPU_CL_CHECK(clReleaseMemObject(in_buf));
    return rc;
}

void gpu_decode_free(struct gpu_decoder *d)
{
    if (d->kernel)
        GPU_CL_CHECK(clReleaseKernel(d->kernel));
    if (d->program)
        GPU_CL_CHECK(clReleaseProgram(d->program));
    memset(d, 0, sizeof *d);
}
