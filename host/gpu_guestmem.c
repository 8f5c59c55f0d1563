/* gpu_guestmem.c: guest memory on the device (see gpu_guestmem.h). */
#include "gpu_guestmem.h"

#include <stdlib.h>
#include <string.h>

#include "gpu_abi.h"

A64_STATIC_ASSERT(GPU_PERM_R == EMU_PERM_R && GPU_PERM_W == EMU_PERM_W && GPU_PERM_X == EMU_PERM_X &&
                      GPU_PERM_CODE == EMU_PERM_CODE && GPU_PAGE_BITS == EMU_PAGE_BITS,
                  gpu_perm_bits_match_emu);

#define FRAME_SIZE EMU_PAGE_SIZE

static uint32_t pte_frame(uint32_t e)
{
    return e >> GPU_PTE_FRAME_SHIFT;
}

static uint32_t pte_make(uint32_t frame, unsigned perm)
{
    return frame << GPU_PTE_FRAME_SHIFT | (perm & EMU_PERM_RWX);
}

/* Replace the pool with one of `frames` frames, keeping the used ones. */
static int grow_pool(struct gpu_guestmem *g, uint32_t frames)
{
    const struct gpu_cl *cl = g->cl;
    cl_int err = CL_SUCCESS;
    if ((uint64_t)frames * FRAME_SIZE > cl->max_alloc || frames >= (1u << (32 - GPU_PTE_FRAME_SHIFT))) {
        fprintf(stderr, "temu: guest memory of %u pages does not fit one buffer on %s (%llu bytes at most)\n",
                frames, cl->name, (unsigned long long)cl->max_alloc);
        return GPU_ERROR;
    }
    /* The free list can hold every frame of the pool. */
    uint32_t *free_list = realloc(g->free_frames, (size_t)frames * sizeof *free_list);
    if (!free_list) {
        fprintf(stderr, "temu: out of host memory for the device frame list\n");
        return GPU_ERROR;
    }
    g->free_frames = free_list;
    cl_mem grown = NULL;
    if (GPU_CL_CHECK((grown = clCreateBuffer(cl->context, CL_MEM_READ_WRITE, (size_t)frames * FRAME_SIZE,
                                             NULL, &err), err)))
        return GPU_ERROR;
    if (g->pool_buf) {
        if (GPU_CL_CHECK(clEnqueueCopyBuffer(cl->queue, g->pool_buf, grown, 0, 0,
                                             (size_t)g->next_frame * FRAME_SIZE, 0, NULL, NULL))) {
            clReleaseMemObject(grown);
            return GPU_ERROR;
        }
        GPU_CL_CHECK(clReleaseMemObject(g->pool_buf));
    }
    g->pool_buf = grown;
    g->nframes = frames;
    g->generation++;
    return GPU_OK;
}

/* A frame for a newly mapped page, or 0 on failure. */
static uint32_t alloc_frame(struct gpu_guestmem *g)
{
    if (g->nfree)
        return g->free_frames[--g->nfree];
    if (g->next_frame == g->nframes && grow_pool(g, g->nframes * 2))
        return 0;
    return g->next_frame++;
}

static void free_frame(struct gpu_guestmem *g, uint32_t frame)
{
    g->free_frames[g->nfree++] = frame; /* sized with the pool: there is room */
}

static int write_pt(struct gpu_guestmem *g, uint64_t first, uint64_t end)
{
    return GPU_CL_CHECK(clEnqueueWriteBuffer(g->cl->queue, g->pt_buf, CL_TRUE, first * sizeof *g->pt,
                                             (end - first) * sizeof *g->pt, g->pt + first, 0, NULL, NULL));
}

/* Call fn(g, frame offset, host address, length) for each page piece of [addr, addr+len). */
static void each_piece(struct gpu_guestmem *g, uint64_t addr, uint64_t len,
                       int (*fn)(struct gpu_guestmem *, size_t, uint8_t *, size_t))
{
    while (len && !g->failed) {
        uint64_t chunk = FRAME_SIZE - (addr & EMU_PAGE_MASK);
        if (chunk > len)
            chunk = len;
        uint32_t frame = pte_frame(g->pt[addr >> EMU_PAGE_BITS]);
        if (frame && fn(g, (size_t)frame * FRAME_SIZE + (addr & EMU_PAGE_MASK), g->mem->host + addr, chunk))
            g->failed = 1;
        addr += chunk;
        len -= chunk;
    }
}

static int read_piece(struct gpu_guestmem *g, size_t off, uint8_t *host, size_t len)
{
    return GPU_CL_CHECK(clEnqueueReadBuffer(g->cl->queue, g->pool_buf, CL_TRUE, off, len, host, 0, NULL, NULL));
}

static int write_piece(struct gpu_guestmem *g, size_t off, uint8_t *host, size_t len)
{
    return GPU_CL_CHECK(clEnqueueWriteBuffer(g->cl->queue, g->pool_buf, CL_TRUE, off, len, host, 0, NULL, NULL));
}

static void hook_pull(void *ctx, uint64_t addr, uint64_t len)
{
    each_piece(ctx, addr, len, read_piece);
}

static void hook_push(void *ctx, uint64_t addr, uint64_t len)
{
    struct gpu_guestmem *g = ctx;
    each_piece(g, addr, len, write_piece);
    for (uint64_t a = EMU_PAGE_DOWN(addr); a < addr + len; a += EMU_PAGE_SIZE)
        if (g->code_pages[a >> EMU_PAGE_BITS])
            g->code_changed = 1;
}

/* Mirror the host's mappings of [addr, addr+len): frames for new pages (zero-filled when `fresh`
 * or new), none for unmapped ones, permission bits for the rest. */
static void hook_remap(void *ctx, uint64_t addr, uint64_t len, int fresh)
{
    struct gpu_guestmem *g = ctx;
    uint64_t first = addr >> EMU_PAGE_BITS, end = EMU_PAGE_UP(addr + len) >> EMU_PAGE_BITS;
    static const cl_uchar zero = 0;
    for (uint64_t pg = first; pg < end && !g->failed; pg++) {
        unsigned perm = g->mem->perm[pg];
        uint32_t e = g->pt[pg], frame = pte_frame(e);
        if ((e & EMU_PERM_X) || g->code_pages[pg])
            g->code_changed = 1; /* code there may be gone or different now */
        if (!perm) {
            if (frame)
                free_frame(g, frame);
            g->pt[pg] = 0;
            continue;
        }
        int zero_fill = fresh || !frame;
        if (!frame && !(frame = alloc_frame(g))) {
            g->failed = 1;
            break;
        }
        g->pt[pg] = pte_make(frame, perm);
        if (zero_fill && GPU_CL_CHECK(clEnqueueFillBuffer(g->cl->queue, g->pool_buf, &zero, 1,
                                                          (size_t)frame * FRAME_SIZE, FRAME_SIZE, 0, NULL, NULL)))
            g->failed = 1;
    }
    if (!g->failed && write_pt(g, first, end))
        g->failed = 1;
}

int gpu_guestmem_init(struct gpu_guestmem *g, const struct gpu_cl *cl, struct emu_mem *mem)
{
    cl_int err = CL_SUCCESS;
    memset(g, 0, sizeof *g);
    g->cl = cl;
    g->mem = mem;
    g->npages = mem->size >> EMU_PAGE_BITS;
    uint64_t mapped = 0;
    for (uint64_t pg = 0; pg < g->npages; pg++)
        mapped += mem->perm[pg] != 0;
    g->pt = calloc(g->npages, sizeof *g->pt);
    g->code_pages = calloc(g->npages, 1);
    uint8_t *staging = NULL;
    if (!g->pt || !g->code_pages) {
        fprintf(stderr, "temu: out of host memory for the device page table\n");
        goto fail;
    }
    /* Frames for what is mapped now, plus room to grow before the first reallocation. */
    uint32_t frames = (uint32_t)(mapped + mapped / 4 + 256);
    if (grow_pool(g, frames))
        goto fail;
    g->next_frame = 1;
    staging = malloc((size_t)(mapped + 1) * FRAME_SIZE);
    if (!staging) {
        fprintf(stderr, "temu: out of host memory staging guest memory for the device\n");
        goto fail;
    }
    memset(staging, 0, FRAME_SIZE);
    for (uint64_t pg = 0; pg < g->npages; pg++) {
        if (!mem->perm[pg])
            continue;
        uint32_t frame = g->next_frame++;
        memcpy(staging + (size_t)frame * FRAME_SIZE, mem->host + (pg << EMU_PAGE_BITS), FRAME_SIZE);
        g->pt[pg] = pte_make(frame, mem->perm[pg]);
    }
    if (GPU_CL_CHECK((g->pt_buf = clCreateBuffer(cl->context, CL_MEM_READ_WRITE, g->npages * sizeof *g->pt,
                                                 NULL, &err), err)) ||
        write_pt(g, 0, g->npages) ||
        GPU_CL_CHECK(clEnqueueWriteBuffer(cl->queue, g->pool_buf, CL_TRUE, 0,
                                          (size_t)g->next_frame * FRAME_SIZE, staging, 0, NULL, NULL)))
        goto fail;
    free(staging);
    g->sync.pull = hook_pull;
    g->sync.push = hook_push;
    g->sync.remap = hook_remap;
    g->sync.ctx = g;
    mem->sync = &g->sync;
    return GPU_OK;
fail:
    free(staging);
    gpu_guestmem_free(g);
    return GPU_ERROR;
}

void gpu_guestmem_free(struct gpu_guestmem *g)
{
    if (g->mem && g->mem->sync == &g->sync)
        g->mem->sync = NULL;
    if (g->pool_buf)
        GPU_CL_CHECK(clReleaseMemObject(g->pool_buf));
    if (g->pt_buf)
        GPU_CL_CHECK(clReleaseMemObject(g->pt_buf));
    free(g->pt);
    free(g->code_pages);
    free(g->free_frames);
    memset(g, 0, sizeof *g);
}

void gpu_guestmem_mark_code(struct gpu_guestmem *g, uint64_t pc, uint64_t words)
{
    uint64_t first = pc >> EMU_PAGE_BITS, last = (pc + 4 * words - 1) >> EMU_PAGE_BITS;
    for (uint64_t pg = first; pg <= last && pg < g->npages; pg++)
        g->code_pages[pg] = 1;
}

int gpu_guestmem_clear_code(struct gpu_guestmem *g)
{
    memset(g->code_pages, 0, g->npages);
    g->code_changed = 0;
    return write_pt(g, 0, g->npages) ? GPU_ERROR : GPU_OK;
}
