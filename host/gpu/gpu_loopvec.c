/* gpu_loopvec.c: the GPU engines' vector path for loops, host side (see gpu_loopvec.h). */
#include "gpu_loopvec.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define LOOPVEC_LOCAL_GPU 256      /* work-items per group on a GPU */
#define LOOPVEC_LOCAL_CPU 64       /* on a CPU device: enough to keep the partials few */
#define LOOPVEC_CHUNK (1u << 22)   /* iterations per launch: bounds the partials buffer (env
                                      TEMU_GPU_LOOP_CHUNK, for tests of the chunking) */
#define LOOPVEC_VCHUNK (1u << 16)  /* at most, for a loop with V accumulators: bounds vout */
#define LAST_WORDS (GPU_NUM_SLOTS + 1 + 64) /* `last`: the registers, then the V registers */

/* loop_iterations' arguments, in its parameter order. */
enum { ARG_MEM /* pt, npages, pool, code: gpu_guestmem_bind */, ARG_DESC = ARG_MEM + 4, ARG_BODY, ARG_FIRST,
       ARG_COUNT, ARG_PARTIALS, ARG_LAST, ARG_ERROR, ARG_VOUT, ARG_FPSR, ARG_RED };

A64_STATIC_ASSERT(EMU_LOOP_MAX_BODY == GPU_LOOP_MAX_BODY, loop_body_bound);
A64_STATIC_ASSERT(EMU_LOOP_MAX_ACC == GPU_LOOP_MAX_ACC, loop_acc_bound);
A64_STATIC_ASSERT(EMU_LOOP_VSLOTS == GPU_LOOP_VSLOTS, loop_vslot_bound);

static size_t groups_max(const struct gpu_loopvec *lv)
{
    return (lv->chunk + lv->local - 1) / lv->local;
}

static int make_buffer(const struct gpu_cl *cl, cl_mem *buf, size_t size)
{
    cl_int err = CL_SUCCESS;
    return GPU_CL_CHECK((*buf = clCreateBuffer(cl->context, CL_MEM_READ_WRITE, size, NULL, &err), err));
}

int gpu_loopvec_init(struct gpu_loopvec *lv, const struct gpu_cl *cl, enum gpu_program_path path)
{
    cl_int err = CL_SUCCESS;
    memset(lv, 0, sizeof *lv);
    lv->cl = cl;
    if (gpu_program_build(cl, &gpu_blob_loopvec, path, &lv->program, NULL) != GPU_OK ||
        GPU_CL_CHECK((lv->kernel = clCreateKernel(lv->program, "loop_iterations", &err), err)))
        goto fail;
    lv->local = gpu_cl_local_size(cl, lv->kernel, LOOPVEC_LOCAL_GPU, LOOPVEC_LOCAL_CPU, LOOPVEC_LOCAL_GPU);
    lv->chunk = cl->cfg.loop_chunk > 0 ? cl->cfg.loop_chunk : LOOPVEC_CHUNK; /* TEMU_GPU_LOOP_CHUNK */
    size_t partials = groups_max(lv) * GPU_LOOP_MAX_ACC * sizeof(uint64_t);
    lv->partials_host = malloc(partials);
    if (!lv->partials_host) {
        fprintf(stderr, "temu: out of host memory for the loop vectorizer\n");
        goto fail;
    }
    if (make_buffer(cl, &lv->desc, sizeof lv->d) ||
        make_buffer(cl, &lv->body, GPU_LOOP_MAX_BODY * sizeof(struct a64_insn)) ||
        make_buffer(cl, &lv->partials, partials) ||
        make_buffer(cl, &lv->last, LAST_WORDS * sizeof(uint64_t)) ||
        make_buffer(cl, &lv->error, sizeof(cl_uint)) ||
        make_buffer(cl, &lv->fpsr, sizeof(cl_uint)) ||
        make_buffer(cl, &lv->vout, sizeof(uint64_t) * 2) || /* grown by run_kernel when needed */
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_DESC, sizeof lv->desc, &lv->desc)) ||
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_BODY, sizeof lv->body, &lv->body)) ||
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_PARTIALS, sizeof lv->partials, &lv->partials)) ||
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_LAST, sizeof lv->last, &lv->last)) ||
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_ERROR, sizeof lv->error, &lv->error)) ||
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_VOUT, sizeof lv->vout, &lv->vout)) ||
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_FPSR, sizeof lv->fpsr, &lv->fpsr)))
        goto fail;
    lv->vout_size = sizeof(uint64_t) * 2;
    return GPU_OK;
fail:
    gpu_loopvec_free(lv);
    return GPU_ERROR;
}

void gpu_loopvec_free(struct gpu_loopvec *lv)
{
    cl_mem *bufs[] = {&lv->desc, &lv->body, &lv->partials, &lv->last, &lv->error, &lv->fpsr, &lv->vout};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        if (*bufs[i])
            GPU_CL_CHECK(clReleaseMemObject(*bufs[i]));
    if (lv->kernel)
        GPU_CL_CHECK(clReleaseKernel(lv->kernel));
    if (lv->program)
        GPU_CL_CHECK(clReleaseProgram(lv->program));
    emu_loop_table_free(&lv->loops);
    free(lv->partials_host);
    free(lv->vout_host);
    memset(lv, 0, sizeof *lv);
}

void gpu_loopvec_forget(struct gpu_loopvec *lv)
{
    for (uint64_t i = 0; i < lv->loops.n; i++)
        lv->loops.v[i]->analysed = 0;
}

int gpu_loopvec_classify(struct gpu_loopvec *lv, struct emu_proc *p, uint64_t pc, uint32_t n)
{
    struct emu_loop_record *r = emu_loop_table_get(&lv->loops, pc, 0);
    if (!r) {
        fprintf(stderr, "temu: out of host memory for the loop vectorizer\n");
        return GPU_ERROR;
    }
    if (r->info.n != n) /* new, or the code there changed */
        r->analysed = 0;
    if (!r->analysed) {
        emu_loop_record_analyse(r, &p->mem, pc, n);
        r->info.pc = pc; /* the record's key, also for a body too long to analyse */
        r->info.n = n;
    }
    return r->info.cls != EMU_LOOP_NONE;
}

/* The kernel's description of loop l from the head state st, for iterations up to k - 1. */
static void describe(struct gpu_loop *d, const struct emu_loop *l, const struct emu_state *st, uint64_t k,
                     int ordered)
{
    memset(d, 0, sizeof *d);
    d->ordered = (uint8_t)ordered;
    memcpy(d->x, st->x, sizeof d->x);
    memcpy(d->v, st->v, sizeof d->v);
    d->fpcr = (uint32_t)st->fpcr;
    d->pc = l->pc;
    d->last = k - 1;
    d->n = l->n;
    d->nacc = l->nacc;
    for (unsigned r = 0; r < A64_NUM_REGS; r++) {
        if (l->role[r] == EMU_LOOP_R_AFFINE) {
            d->step[r] = (uint64_t)l->step[r];
            d->init[r] = l->sf[r] ? GPU_LOOP_AFFINE64 : GPU_LOOP_AFFINE32;
        }
    }
    d->vout_stride = l->nvcap;
    for (uint32_t i = 0; i + 1 < l->n; i++)
        d->simd |= (l->ins[i].flags & A64_P_SIMD) != 0;
    memcpy(d->vaff, l->vaff, sizeof d->vaff);
    for (uint32_t a = 0; a < l->nacc; a++) {
        const struct emu_loop_acc *acc = &l->acc[a];
        d->what[acc->insn] = (uint8_t)(1 + a);
        for (uint32_t u = 0; acc->v && u < acc->nupd; u++) {
            d->what[acc->upd[u]] = (uint8_t)(1 + a);
            d->vcap_at[acc->upd[u]] = (uint8_t)(acc->vcap + u * acc->nvslot);
        }
        if (acc->cmp != 0xff)
            d->what[acc->cmp] = GPU_LOOP_SKIP;
        d->acc_v[a] = emu_loop_acc_value(l, acc);
        d->fold[a] = emu_loop_fold_of(l, acc);
        if (acc->v) {
            memcpy(d->vslot[a], acc->vslot, sizeof d->vslot[a]);
            d->nvslot[a] = acc->nvslot;
        }
    }
}

/* vout big enough for `items` items of the description's stride, here and on the device. */
static int vout_reserve(struct gpu_loopvec *lv, uint64_t items)
{
    size_t size = (size_t)items * lv->d.vout_stride * 2 * sizeof(uint64_t);
    if (size <= lv->vout_size)
        return GPU_OK;
    uint64_t *host = realloc(lv->vout_host, size);
    if (!host) {
        fprintf(stderr, "temu: out of host memory for the loop vectorizer\n");
        return GPU_ERROR;
    }
    lv->vout_host = host;
    cl_mem buf;
    if (make_buffer(lv->cl, &buf, size))
        return GPU_ERROR;
    GPU_CL_CHECK(clReleaseMemObject(lv->vout));
    lv->vout = buf;
    lv->vout_size = size;
    return GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_VOUT, sizeof lv->vout, &lv->vout));
}

/* Fold the V accumulators in acc (two words each) over the chunk's `count` items in iteration
 * order, from each item's fold operands in vout_host. */
static void vfold_chunk(struct gpu_loopvec *lv, const struct emu_loop *l, uint64_t count, uint64_t (*acc)[2],
                        uint32_t *fpsr)
{
    uint64_t vf[64] = {0};
    const struct gpu_loop *d = &lv->d;
    for (uint64_t i = 0; i < count; i++) {
        const uint64_t *rec = lv->vout_host + 2 * i * d->vout_stride;
        for (uint32_t a = 0; a < l->nacc; a++) {
            const struct emu_loop_acc *va = &l->acc[a];
            if (!va->v)
                continue;
            vf[2 * va->reg] = acc[a][0];
            vf[2 * va->reg + 1] = acc[a][1];
            emu_loop_vfold_iter(l, va, rec, vf, d->fpcr, fpsr);
            acc[a][0] = vf[2 * va->reg];
            acc[a][1] = vf[2 * va->reg + 1];
        }
    }
}

/* Iterations 0..k-1 of memory loop l on the device from the head state st: accumulators folded,
 * temporaries as iteration k-1 left them; `ordered`: in order of instructions, by one work-group
 * (the kernel then takes the launch's iterations in runs of the group's size, one after the
 * other, and each run's partials take the place of a group's). */
static int run_kernel(struct gpu_loopvec *lv, struct gpu_guestmem *mem, const struct emu_loop *l,
                      struct emu_proc *p, uint64_t k, int ordered)
{
    cl_command_queue q = lv->cl->queue;
    uint64_t *x = p->st.x;
    /* Stores go to frames of their own: a page still on the zero page gets one now. */
    for (uint32_t i = 0; i < l->nmem; i++) {
        uint64_t lo, hi;
        if (l->mem[i].store && emu_loop_access_range(l, &l->mem[i], x, k, p->mem.size, &lo, &hi) &&
            gpu_guestmem_back(mem, 0, lo, hi - lo) < 0)
            return GPU_ERROR;
    }
    static const cl_uint zero = 0;
    size_t local = lv->local, red = local * (l->nacc ? l->nacc : 1) * sizeof(uint64_t);
    describe(&lv->d, l, &p->st, k, ordered);
    uint64_t chunk = lv->chunk;
    if (lv->d.vout_stride) {
        chunk = chunk < LOOPVEC_VCHUNK ? chunk : LOOPVEC_VCHUNK;
        if (vout_reserve(lv, chunk))
            return GPU_ERROR;
    }
    if (gpu_guestmem_bind(mem, lv->kernel, ARG_MEM, &lv->mem_bound) ||
        GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_RED, red, NULL)) ||
        GPU_CL_CHECK(clEnqueueWriteBuffer(q, lv->desc, CL_FALSE, 0, sizeof lv->d, &lv->d, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueWriteBuffer(q, lv->body, CL_FALSE, 0, l->n * sizeof(struct a64_insn), l->ins,
                                          0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueFillBuffer(q, lv->error, &zero, sizeof zero, 0, sizeof zero, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueFillBuffer(q, lv->fpsr, &zero, sizeof zero, 0, sizeof zero, 0, NULL, NULL)))
        return GPU_ERROR;
    uint64_t acc[EMU_LOOP_MAX_ACC][2]; /* a V accumulator in both halves, an X one in [0] */
    uint32_t fpsr = 0;
    for (uint32_t a = 0; a < l->nacc; a++) {
        const unsigned r = l->acc[a].reg;
        acc[a][0] = l->acc[a].v ? p->st.v[2 * r] : x[r];
        acc[a][1] = l->acc[a].v ? p->st.v[2 * r + 1] : 0;
    }
    for (uint64_t first = 0; first < k; first += chunk) {
        cl_ulong first_arg = first, count = k - first < chunk ? k - first : chunk;
        size_t groups = (size_t)((count + local - 1) / local), global = ordered ? local : groups * local;
        if (GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_FIRST, sizeof first_arg, &first_arg)) ||
            GPU_CL_CHECK(clSetKernelArg(lv->kernel, ARG_COUNT, sizeof count, &count)) ||
            GPU_CL_CHECK(clEnqueueNDRangeKernel(q, lv->kernel, 1, NULL, &global, &local, 0, NULL, NULL)))
            return GPU_ERROR;
        if (!l->nacc)
            continue;
        /* Each group's partial covers its run of iterations: fold them in order. */
        if (GPU_CL_CHECK(clEnqueueReadBuffer(q, lv->partials, CL_TRUE, 0, groups * l->nacc * sizeof(uint64_t),
                                             lv->partials_host, 0, NULL, NULL)))
            return GPU_ERROR;
        for (size_t g = 0; g < groups; g++)
            for (uint32_t a = 0; a < l->nacc; a++)
                if (!l->acc[a].v)
                    acc[a][0] = emu_loop_fold_step(lv->d.fold[a], acc[a][0], lv->partials_host[g * l->nacc + a]);
        if (lv->d.vout_stride) {
            if (GPU_CL_CHECK(clEnqueueReadBuffer(q, lv->vout, CL_TRUE, 0,
                                                 count * lv->d.vout_stride * 2 * sizeof(uint64_t), lv->vout_host, 0,
                                                 NULL, NULL)))
                return GPU_ERROR;
            vfold_chunk(lv, l, count, acc, &fpsr);
        }
    }
    uint64_t last[LAST_WORDS];
    cl_uint error = 0, raised = 0;
    if (GPU_CL_CHECK(clEnqueueReadBuffer(q, lv->last, CL_FALSE, 0, sizeof last, last, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueReadBuffer(q, lv->fpsr, CL_FALSE, 0, sizeof raised, &raised, 0, NULL, NULL)) ||
        GPU_CL_CHECK(clEnqueueReadBuffer(q, lv->error, CL_TRUE, 0, sizeof error, &error, 0, NULL, NULL)))
        return GPU_ERROR;
    if (error) {
        fprintf(stderr, "temu: internal error: the loop kernel faulted in the loop at 0x%" PRIx64
                        " after the host's checks passed\n", l->pc);
        return GPU_ERROR;
    }
    for (uint32_t a = 0; a < l->nacc; a++) {
        const unsigned r = l->acc[a].reg;
        if (l->acc[a].v) {
            p->st.v[2 * r] = acc[a][0];
            p->st.v[2 * r + 1] = acc[a][1];
        } else {
            x[r] = acc[a][0];
        }
    }
    for (unsigned r = 0; r < A64_REG_ZR; r++)
        if (l->role[r] == EMU_LOOP_R_TEMP)
            x[r] = last[r];
    for (unsigned r = 0; r < 32; r++)
        if (l->vrole[r] == EMU_LOOP_R_TEMP) {
            p->st.v[2 * r] = last[GPU_NUM_SLOTS + 1 + 2 * r];
            p->st.v[2 * r + 1] = last[GPU_NUM_SLOTS + 2 + 2 * r];
        }
    p->st.fpsr |= fpsr | raised;
    return GPU_OK;
}

/* The run step gpu_loopvec_try gives emu_loop_take. */
struct kernel_step {
    struct gpu_loopvec *lv;
    struct gpu_guestmem *mem;
};

static int kernel_step(void *ctx, const struct emu_loop *l, struct emu_proc *p, uint64_t k, int ordered)
{
    struct kernel_step *ks = ctx;
    return run_kernel(ks->lv, ks->mem, l, p, k, ordered);
}

int gpu_loopvec_try(struct gpu_loopvec *lv, struct gpu_guestmem *mem, struct emu_proc *p, uint64_t pc,
                    uint64_t remaining, uint64_t *iters)
{
    *iters = 0;
    struct emu_loop_record *r = emu_loop_table_find(&lv->loops, pc, 0);
    if (!r)
        return GPU_OK;
    struct kernel_step ks = {lv, mem};
    return emu_loop_take(r, p, remaining, mem->code_pages, &lv->bound, kernel_step, &ks, iters) ? GPU_ERROR
                                                                                                : GPU_OK;
}
