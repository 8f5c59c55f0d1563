/* gpu_guestmem.c: guest memory on the device (see gpu_guestmem.h). */
#include "gpu_guestmem.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gpu_abi.h"

#define FRAME_SIZE EMU_PAGE_SIZE
#define STAGE_FRAMES 4096u /* frames uploaded per write at set-up (16 MiB of staging) */

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
    uint32_t *refs = free_list ? realloc(g->refs, (size_t)frames * sizeof *refs) : NULL;
    if (free_list)
        g->free_frames = free_list;
    if (!refs) {
        fprintf(stderr, "temu: out of host memory for the device frame list\n");
        return GPU_ERROR;
    }
    memset(refs + g->nframes, 0, (size_t)(frames - g->nframes) * sizeof *refs);
    g->refs = refs;
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

/* A frame of its own for one page-table entry, or 0 on failure (g->failed set). */
static uint32_t alloc_frame(struct gpu_guestmem *g)
{
    uint32_t f;
    if (g->nfree) {
        f = g->free_frames[--g->nfree];
    } else {
        if (g->next_frame == g->nframes && grow_pool(g, g->nframes * 2)) {
            g->failed = 1;
            return 0;
        }
        f = g->next_frame++;
    }
    g->refs[f] = 1;
    return f;
}

/* One entry stopped naming frame f (0, the zero page, is nobody's). */
static void release_frame(struct gpu_guestmem *g, uint32_t f)
{
    if (f && --g->refs[f] == 0)
        g->free_frames[g->nfree++] = f; /* sized with the pool: there is room */
}

static int fill_zero(struct gpu_guestmem *g, uint32_t f)
{
    static const cl_uchar zero = 0;
    return GPU_CL_CHECK(clEnqueueFillBuffer(g->cl->queue, g->pool_buf, &zero, 1, (size_t)f * FRAME_SIZE,
                                            FRAME_SIZE, 0, NULL, NULL));
}

static int write_pt(struct gpu_guestmem_lane *l, uint64_t first, uint64_t end)
{
    struct gpu_guestmem *g = l->g;
    return GPU_CL_CHECK(clEnqueueWriteBuffer(g->cl->queue, g->pt_buf, CL_TRUE,
                                             (l->pt_offset + first) * sizeof *g->pt, (end - first) * sizeof *g->pt,
                                             l->pt + first, 0, NULL, NULL));
}

/* Give page pg of lane l a frame of its own in place of the zero page or a shared frame, with
 * the same contents. 0, or -1 (g->failed set). */
static int own_frame(struct gpu_guestmem_lane *l, uint64_t pg)
{
    struct gpu_guestmem *g = l->g;
    uint32_t e = l->pt[pg], old = pte_frame(e), f = alloc_frame(g);
    if (!f)
        return -1;
    int bad = old ? GPU_CL_CHECK(clEnqueueCopyBuffer(g->cl->queue, g->pool_buf, g->pool_buf,
                                                     (size_t)old * FRAME_SIZE, (size_t)f * FRAME_SIZE,
                                                     FRAME_SIZE, 0, NULL, NULL))
                  : fill_zero(g, f);
    release_frame(g, old);
    l->pt[pg] = pte_make(f, e);
    if (bad || write_pt(l, pg, pg + 1)) {
        g->failed = 1;
        return -1;
    }
    return 0;
}

/* Call fn(g, frame, offset in the frame, host address, length) for each page piece of
 * [addr, addr+len) of lane l; stops at the first failure. */
static void each_piece(struct gpu_guestmem_lane *l, uint64_t addr, uint64_t len,
                       int (*fn)(struct gpu_guestmem_lane *, uint64_t, size_t, uint8_t *, size_t))
{
    while (len && !l->g->failed) {
        uint64_t chunk = FRAME_SIZE - (addr & EMU_PAGE_MASK);
        if (chunk > len)
            chunk = len;
        if (fn(l, addr >> EMU_PAGE_BITS, (size_t)(addr & EMU_PAGE_MASK), l->mem->host + addr, chunk))
            l->g->failed = 1;
        addr += chunk;
        len -= chunk;
    }
}

/* Copy a page piece to the host; `wait`: before returning, else by the next clFinish. */
static int copy_piece_out(struct gpu_guestmem_lane *l, uint64_t pg, size_t off, uint8_t *host, size_t len,
                          cl_bool wait)
{
    uint32_t f = pte_frame(l->pt[pg]);
    if (!f) { /* never written on the device: zeroes */
        memset(host, 0, len);
        return 0;
    }
    return GPU_CL_CHECK(clEnqueueReadBuffer(l->g->cl->queue, l->g->pool_buf, wait, (size_t)f * FRAME_SIZE + off,
                                            len, host, 0, NULL, NULL));
}

static int read_piece(struct gpu_guestmem_lane *l, uint64_t pg, size_t off, uint8_t *host, size_t len)
{
    return copy_piece_out(l, pg, off, host, len, CL_TRUE);
}

static int write_piece(struct gpu_guestmem_lane *l, uint64_t pg, size_t off, uint8_t *host, size_t len)
{
    struct gpu_guestmem *g = l->g;
    if (!l->pt[pg])
        return 0; /* unmapped: the host side refused the access already */
    uint32_t f = pte_frame(l->pt[pg]);
    if ((!f || g->refs[f] > 1) && own_frame(l, pg))
        return -1;
    f = pte_frame(l->pt[pg]);
    if (g->code_pages[pg])
        g->code_changed = 1;
    return GPU_CL_CHECK(clEnqueueWriteBuffer(g->cl->queue, g->pool_buf, CL_TRUE, (size_t)f * FRAME_SIZE + off, len,
                                             host, 0, NULL, NULL));
}

static void hook_pull(void *ctx, uint64_t addr, uint64_t len)
{
    struct gpu_guestmem_lane *l = ctx;
    if (addr >= l->fresh_lo && len <= l->fresh_hi - addr && addr < l->fresh_hi)
        return; /* read ahead already */
    each_piece(l, addr, len, read_piece);
}

static int read_ahead_piece(struct gpu_guestmem_lane *l, uint64_t pg, size_t off, uint8_t *host, size_t len)
{
    return copy_piece_out(l, pg, off, host, len, CL_FALSE);
}

int gpu_guestmem_read_ahead(struct gpu_guestmem *g, unsigned lane, uint64_t addr, uint64_t len)
{
    struct gpu_guestmem_lane *l = &g->lanes[lane];
    if (!len || !emu_mem_range_ok(l->mem, addr, len, EMU_PERM_R))
        return GPU_OK; /* the syscall reports what is wrong */
    each_piece(l, addr, len, read_ahead_piece);
    l->fresh_lo = addr;
    l->fresh_hi = addr + len;
    return g->failed ? GPU_ERROR : GPU_OK;
}

void gpu_guestmem_forget_ahead(struct gpu_guestmem *g, unsigned lane)
{
    g->lanes[lane].fresh_lo = g->lanes[lane].fresh_hi = 0;
}

static void hook_push(void *ctx, uint64_t addr, uint64_t len)
{
    each_piece(ctx, addr, len, write_piece);
}

/* Mirror the host's mappings of [addr, addr+len): fresh or unmapped pages let go of their frames
 * (fresh ones read as zero from the zero page), protected ones keep theirs, except that a shared
 * frame is copied before its page becomes writable. */
static void hook_remap(void *ctx, uint64_t addr, uint64_t len, int fresh)
{
    struct gpu_guestmem_lane *l = ctx;
    struct gpu_guestmem *g = l->g;
    uint64_t first = addr >> EMU_PAGE_BITS, end = EMU_PAGE_UP(addr + len) >> EMU_PAGE_BITS;
    for (uint64_t pg = first; pg < end && !g->failed; pg++) {
        unsigned perm = l->mem->perm[pg];
        uint32_t e = l->pt[pg], f = pte_frame(e);
        if ((e & EMU_PERM_X) || g->code_pages[pg])
            g->code_changed = 1; /* code there may be gone or different now */
        if (!perm || fresh) {
            release_frame(g, f);
            l->pt[pg] = perm ? pte_make(0, perm) : 0;
            continue;
        }
        l->pt[pg] = pte_make(f, perm);
        if (f && g->refs[f] > 1 && (perm & EMU_PERM_W) && own_frame(l, pg))
            break;
    }
    if (!g->failed && write_pt(l, first, end))
        g->failed = 1;
}

int gpu_guestmem_back(struct gpu_guestmem *g, unsigned lane, uint64_t addr, uint64_t len)
{
    struct gpu_guestmem_lane *l = &g->lanes[lane];
    int backed = 0;
    uint64_t last = len ? addr + len - 1 : addr;
    for (uint64_t pg = addr >> EMU_PAGE_BITS; pg <= last >> EMU_PAGE_BITS && pg < g->npages; pg++) {
        uint32_t e = l->pt[pg];
        if (!(e & EMU_PERM_W) || pte_frame(e))
            continue;
        if (own_frame(l, pg))
            return GPU_ERROR;
        backed = 1;
    }
    return backed;
}

/* Pages of the window the host has touched (resident), so set-up looks at those only: a lane's
 * stack or a flat binary's region is mostly never touched. NULL on failure. */
static unsigned char *touched_pages(const struct emu_mem *m)
{
    unsigned char *vec = malloc(m->size >> EMU_PAGE_BITS);
    if (vec && mincore(m->host, m->size, vec)) {
        free(vec);
        return NULL;
    }
    return vec;
}

static int page_is_zero(const uint8_t *p)
{
    static const uint8_t zero[FRAME_SIZE];
    return !memcmp(p, zero, FRAME_SIZE);
}

/* Set-up's staging: frames are numbered in upload order, so each full chunk is one write. */
struct stage {
    uint8_t *buf;
    uint32_t first, count; /* frames [first, first + count) are in buf */
};

static int stage_flush(struct gpu_guestmem *g, struct stage *s)
{
    if (s->count && GPU_CL_CHECK(clEnqueueWriteBuffer(g->cl->queue, g->pool_buf, CL_TRUE,
                                                      (size_t)s->first * FRAME_SIZE, (size_t)s->count * FRAME_SIZE,
                                                      s->buf, 0, NULL, NULL)))
        return GPU_ERROR;
    s->first += s->count;
    s->count = 0;
    return GPU_OK;
}

/* Plan lane l's page table: the zero page for untouched or zero pages, lane 0's frame for
 * read-only pages equal to lane 0's, a new frame (numbered from *next, in page order) for the rest. */
static int plan_lane(struct gpu_guestmem *g, unsigned lane, uint32_t *next)
{
    struct gpu_guestmem_lane *l = &g->lanes[lane], *l0 = &g->lanes[0];
    const struct emu_mem *m = l->mem;
    unsigned char *touched = touched_pages(m);
    if (!touched) {
        fprintf(stderr, "temu: cannot read the guest memory map of lane %u\n", lane);
        return GPU_ERROR;
    }
    for (uint64_t pg = 0; pg < g->npages; pg++) {
        unsigned perm = m->perm[pg];
        const uint8_t *bytes = m->host + (pg << EMU_PAGE_BITS);
        uint32_t f = 0;
        if (!perm) {
            l->pt[pg] = 0;
            continue;
        }
        if (!(touched[pg] & 1) || page_is_zero(bytes))
            f = 0;
        else if (lane && !(perm & EMU_PERM_W) && l0->mem->perm[pg] == perm && pte_frame(l0->pt[pg]) &&
                 !memcmp(bytes, l0->mem->host + (pg << EMU_PAGE_BITS), FRAME_SIZE))
            f = pte_frame(l0->pt[pg]);
        else
            f = (*next)++;
        l->pt[pg] = pte_make(f, perm);
    }
    free(touched);
    return GPU_OK;
}

/* Count lane l's references to frames and stage the frames its plan gave it: they come in page
 * order, numbered on from the ones staged before, while shared ones (lane 0's) lie below. */
static int upload_lane(struct gpu_guestmem *g, unsigned lane, struct stage *s)
{
    struct gpu_guestmem_lane *l = &g->lanes[lane];
    for (uint64_t pg = 0; pg < g->npages; pg++) {
        uint32_t f = pte_frame(l->pt[pg]);
        if (!f)
            continue;
        g->refs[f]++;
        if (f != s->first + s->count)
            continue;
        memcpy(s->buf + (size_t)s->count++ * FRAME_SIZE, l->mem->host + (pg << EMU_PAGE_BITS), FRAME_SIZE);
        if (s->count == STAGE_FRAMES && stage_flush(g, s))
            return GPU_ERROR;
    }
    return GPU_OK;
}

/* Say how many lanes fit when `need` bytes of device memory do not. */
static int too_big(const struct gpu_guestmem *g, uint64_t need, uint64_t pt_bytes)
{
    const struct gpu_cl *cl = g->cl;
    uint64_t have = cl->global_mem / 10 * 9, per_lane = need / g->nlanes + 1;
    uint64_t fit = have / per_lane, fit_alloc = cl->max_alloc / (pt_bytes / g->nlanes);
    if (fit_alloc < fit)
        fit = fit_alloc;
    fprintf(stderr, "temu: %u lanes need about %llu MiB of device memory on %s (%llu MiB there, %llu MiB in one "
            "buffer): at most %llu lanes of this program fit; try fewer lanes or a smaller --lane-mem\n",
            g->nlanes, (unsigned long long)(need >> 20), cl->name, (unsigned long long)(cl->global_mem >> 20),
            (unsigned long long)(cl->max_alloc >> 20), (unsigned long long)fit);
    return GPU_ERROR;
}

int gpu_guestmem_init(struct gpu_guestmem *g, const struct gpu_cl *cl, struct emu_mem *const *mems, unsigned n)
{
    cl_int err = CL_SUCCESS;
    memset(g, 0, sizeof *g);
    g->cl = cl;
    g->nlanes = n;
    g->npages = mems[0]->size >> EMU_PAGE_BITS;
    struct stage s = {NULL, 1, 0};
    /* The page tables' size follows from the window alone: check it against the device, and the
     * host that builds them, before allocating it, so that a huge --lane-mem gets one clean line
     * (a host allocation of that size fails, and under ASan aborts). */
    uint64_t pt_bytes = (uint64_t)n * g->npages * sizeof *g->pt;
    if (pt_bytes + g->npages > cl->global_mem / 10 * 9 || pt_bytes > cl->max_alloc)
        return too_big(g, pt_bytes + g->npages, pt_bytes);
    long host_pages = sysconf(_SC_PHYS_PAGES), host_page = sysconf(_SC_PAGESIZE);
    if (host_pages > 0 && host_page > 0 && pt_bytes + g->npages > (uint64_t)host_pages * (uint64_t)host_page) {
        fprintf(stderr, "temu: the device page tables of %u lanes need %llu MiB of host memory (%llu MiB here); "
                "try fewer lanes or a smaller --lane-mem\n", n, (unsigned long long)(pt_bytes >> 20),
                (unsigned long long)(((uint64_t)host_pages * (uint64_t)host_page) >> 20));
        return GPU_ERROR;
    }
    g->lanes = calloc(n, sizeof *g->lanes);
    g->pt = calloc((size_t)n * g->npages, sizeof *g->pt);
    g->code_pages = calloc(g->npages, 1);
    if (!g->lanes || !g->pt || !g->code_pages) {
        fprintf(stderr, "temu: out of host memory for the device page tables of %u lanes\n", n);
        goto fail;
    }
    for (unsigned i = 0; i < n; i++) {
        struct gpu_guestmem_lane *l = &g->lanes[i];
        l->g = g;
        l->mem = mems[i];
        l->pt_offset = (size_t)i * g->npages;
        l->pt = g->pt + l->pt_offset;
    }
    /* Plan every lane first, so the pool is made once at the right size. */
    uint32_t frames = 1;
    for (unsigned i = 0; i < n; i++)
        if (plan_lane(g, i, &frames))
            goto fail;
    uint64_t pool_frames = frames + frames / 4 + 256;
    uint64_t need = pt_bytes + pool_frames * FRAME_SIZE + g->npages;
    if (need > cl->global_mem / 10 * 9 || pt_bytes > cl->max_alloc) {
        too_big(g, need, pt_bytes);
        goto fail;
    }
    if (grow_pool(g, (uint32_t)pool_frames))
        goto fail;
    s.buf = malloc((size_t)STAGE_FRAMES * FRAME_SIZE);
    if (!s.buf) {
        fprintf(stderr, "temu: out of host memory staging guest memory for the device\n");
        goto fail;
    }
    g->next_frame = frames;
    for (unsigned i = 0; i < n; i++)
        if (upload_lane(g, i, &s))
            goto fail;
    int staged = stage_flush(g, &s);
    free(s.buf);
    s.buf = NULL;
    if (staged || fill_zero(g, 0) ||
        GPU_CL_CHECK((g->pt_buf = clCreateBuffer(cl->context, CL_MEM_READ_WRITE, pt_bytes, NULL, &err), err)) ||
        GPU_CL_CHECK(clEnqueueWriteBuffer(cl->queue, g->pt_buf, CL_TRUE, 0, pt_bytes, g->pt, 0, NULL, NULL)) ||
        GPU_CL_CHECK((g->code_buf = clCreateBuffer(cl->context, CL_MEM_READ_WRITE, g->npages, NULL, &err), err)) ||
        gpu_guestmem_clear_code(g))
        goto fail;
    for (unsigned i = 0; i < n; i++) {
        struct gpu_guestmem_lane *l = &g->lanes[i];
        l->sync.pull = hook_pull;
        l->sync.push = hook_push;
        l->sync.remap = hook_remap;
        l->sync.ctx = l;
        l->mem->sync = &l->sync;
    }
    return GPU_OK;
fail:
    free(s.buf);
    gpu_guestmem_free(g);
    return GPU_ERROR;
}

void gpu_guestmem_free(struct gpu_guestmem *g)
{
    for (unsigned i = 0; g->lanes && i < g->nlanes; i++)
        if (g->lanes[i].mem && g->lanes[i].mem->sync == &g->lanes[i].sync)
            g->lanes[i].mem->sync = NULL;
    cl_mem *bufs[] = {&g->pool_buf, &g->pt_buf, &g->code_buf};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        if (*bufs[i])
            GPU_CL_CHECK(clReleaseMemObject(*bufs[i]));
    free(g->lanes);
    free(g->pt);
    free(g->code_pages);
    free(g->refs);
    free(g->free_frames);
    memset(g, 0, sizeof *g);
}

int gpu_guestmem_bind(const struct gpu_guestmem *g, cl_kernel k, cl_uint first, unsigned *bound)
{
    cl_ulong npages = g->npages;
    if (*bound == g->generation)
        return GPU_OK;
    if (GPU_CL_CHECK(clSetKernelArg(k, first, sizeof g->pt_buf, &g->pt_buf)) ||
        GPU_CL_CHECK(clSetKernelArg(k, first + 1, sizeof npages, &npages)) ||
        GPU_CL_CHECK(clSetKernelArg(k, first + 2, sizeof g->pool_buf, &g->pool_buf)) ||
        GPU_CL_CHECK(clSetKernelArg(k, first + 3, sizeof g->code_buf, &g->code_buf)))
        return GPU_ERROR;
    *bound = g->generation;
    return GPU_OK;
}

void gpu_guestmem_mark_code(struct gpu_guestmem *g, uint64_t pc, uint64_t words)
{
    uint64_t first = pc >> EMU_PAGE_BITS, last = (pc + 4 * words - 1) >> EMU_PAGE_BITS;
    for (uint64_t pg = first; pg <= last && pg < g->npages; pg++)
        g->code_pages[pg] = 1;
}

int gpu_guestmem_clear_code(struct gpu_guestmem *g)
{
    static const cl_uchar zero = 0;
    memset(g->code_pages, 0, g->npages);
    g->code_changed = 0;
    return GPU_CL_CHECK(clEnqueueFillBuffer(g->cl->queue, g->code_buf, &zero, 1, 0, g->npages, 0, NULL, NULL))
               ? GPU_ERROR : GPU_OK;
}
