/* emu_mem.h: bounds-checked guest memory.
 *
 * The guest address space is one window [0, size) backed by a single lazily committed host
 * reservation, with one permission byte per 4 KiB guest page. Every guest access goes through the
 * inline functions below, which check the window bound and the page permissions and then memcpy:
 * a guest address is never cast to a host pointer type outside this file pair, so guest code can
 * never reach host memory outside its own window.
 *
 * Pages that hold decoded code carry EMU_PERM_CODE; a store to such a page reports it, so the
 * engine can invalidate its decoded blocks (self-modifying code).
 */
#ifndef EMU_MEM_H
#define EMU_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "emu_layout.h"

#define EMU_PAGE_SIZE (1ull << EMU_PAGE_BITS)
#define EMU_PAGE_MASK (EMU_PAGE_SIZE - 1)
#define EMU_PAGE_DOWN(a) ((a) & ~EMU_PAGE_MASK)
#define EMU_PAGE_UP(a) (((a) + EMU_PAGE_MASK) & ~EMU_PAGE_MASK)

/* Default layout of the guest address space (docs/design.md, The guest): every window of at least
 * EMU_MEM_DEFAULT_SIZE has exactly this layout. Smaller windows (lanes) scale it: see
 * emu_mem_init. Code outside emu_mem.c uses the window's own fields, not these. */
#define EMU_MEM_DEFAULT_SIZE (1ull << 32) /* window: guest addresses below 4 GiB */
#define EMU_STACK_TOP        0x7ffff000ull
#define EMU_STACK_SIZE       (8ull << 20)
#define EMU_MMAP_BASE        0x40000000ull /* mmap allocations grow up from here to the stack */
#define EMU_FLAT_BASE        0x400000ull
#define EMU_FLAT_SIZE        (16ull << 20)

/* For an engine that keeps guest memory elsewhere too (the GPU engine keeps it on the device): the
 * non-inline functions below call these around their host-side accesses, so whatever the syscall
 * layer or loader reads or writes crosses over, and nothing else does. The inline accessors never
 * call them: they are the CPU engine's path. */
struct emu_mem_sync {
    void (*pull)(void *ctx, uint64_t addr, uint64_t len);  /* before the host reads guest bytes */
    void (*push)(void *ctx, uint64_t addr, uint64_t len);  /* after the host wrote guest bytes */
    /* after map/unmap (fresh = 1: the pages' contents are now the host's, zero) or protect (0) */
    void (*remap)(void *ctx, uint64_t addr, uint64_t len, int fresh);
    void *ctx;
};

struct emu_mem {
    uint8_t *host;      /* host reservation of `size` bytes; guest address a lives at host + a */
    uint8_t *perm;      /* EMU_PERM_* per guest page */
    uint64_t size;      /* window size in bytes, a multiple of the page size */
    uint64_t stack_top; /* the initial stack is [stack_top - stack_size, stack_top) */
    uint64_t stack_size;
    uint64_t mmap_base; /* mmap searches start here; the break may not grow past it */
    uint64_t brk_start; /* program break: first address after the loaded image */
    uint64_t brk;       /* current break */
    uint64_t brk_limit; /* the break may not grow past this */
    uint64_t mmap_next; /* lowest address the next mmap search starts from */
    uint64_t fault_addr;/* address of the last failed access */
    /* What engines that cache decoded code must hear about (every engine reads these after a
     * syscall and before it runs): map_gen counts every map, protect and unmap; [code_lo, code_hi)
     * are the guest pages marked EMU_PERM_CODE that the host wrote (syscalls, loader) since the
     * engine last took them with emu_mem_take_code_writes (code_lo >= code_hi: none). */
    uint64_t map_gen;
    uint64_t code_lo, code_hi;
    const struct emu_mem_sync *sync; /* NULL unless an engine mirrors guest memory */
};

/* Reserve a window of `size` bytes (0: EMU_MEM_DEFAULT_SIZE) and set its layout: a window of at
 * least 4 GiB gets the default one (stack below 0x7ffff000, 8 MiB; mmap from 1 GiB). A smaller
 * window (a lane's) puts the stack at its very top, min(8 MiB, size/8) of it, and mmap from
 * size/2, so that the break grows up from the image towards size/2 and mmap fills the space
 * between size/2 and the stack. Returns 0, or -1 if the host refused. */
int emu_mem_init(struct emu_mem *m, uint64_t size);
/* The layout emu_mem_init gives a window of `size` (page-aligned) bytes. */
void emu_mem_layout(uint64_t size, uint64_t *stack_top, uint64_t *stack_size, uint64_t *mmap_base);
void emu_mem_free(struct emu_mem *m);

/* Give [addr, addr+len) the permissions `perm` (EMU_PERM_R/W/X), page-granular. Newly mapped pages
 * read as zero. Returns 0, or -1 if the range leaves the window. */
int emu_mem_map(struct emu_mem *m, uint64_t addr, uint64_t len, unsigned perm);
/* Change permissions of mapped pages; -1 if the range leaves the window or holds unmapped pages. */
int emu_mem_protect(struct emu_mem *m, uint64_t addr, uint64_t len, unsigned perm);
/* Unmap and zero [addr, addr+len). */
int emu_mem_unmap(struct emu_mem *m, uint64_t addr, uint64_t len);
/* Find `len` bytes of unmapped pages at or above `hint` (or mmap_next), below the stack.
 * Returns the address, or 0 if none is free. */
uint64_t emu_mem_find_free(struct emu_mem *m, uint64_t hint, uint64_t len);

/* Take the pages [*lo, *hi) of code that the host wrote since the last call: 1 if there are any
 * (the record is then cleared), 0 if none. */
static inline int emu_mem_take_code_writes(struct emu_mem *m, uint64_t *lo, uint64_t *hi)
{
    if (m->code_lo >= m->code_hi)
        return 0;
    *lo = m->code_lo;
    *hi = m->code_hi;
    m->code_lo = m->code_hi = 0;
    return 1;
}

/* Copy between guest and host across pages; `need` is the permission every page must have.
 * Return 0, or -1 with fault_addr set to the first bad address. */
int emu_mem_copy_in(struct emu_mem *m, uint64_t addr, const void *src, uint64_t len);  /* needs W */
int emu_mem_copy_out(struct emu_mem *m, uint64_t addr, void *dst, uint64_t len);       /* needs R */
/* Copy into guest memory ignoring permissions (loader use); the range must be mapped. */
int emu_mem_poke(struct emu_mem *m, uint64_t addr, const void *src, uint64_t len);
/* Copy out of guest memory ignoring permissions (diagnostics, loader); the range must be mapped. */
int emu_mem_peek(struct emu_mem *m, uint64_t addr, void *dst, uint64_t len);
/* 1 if every page of [addr, addr+len) lies in the window and has all the `need` bits (len may be
 * large; len 0 is always fine). On 0, fault_addr is the first bad address. */
int emu_mem_range_ok(struct emu_mem *m, uint64_t addr, uint64_t len, unsigned need);
/* Length of the NUL-terminated guest string at addr, at most max; -1 on a fault or no NUL. */
int64_t emu_mem_strlen(struct emu_mem *m, uint64_t addr, uint64_t max);

/* 1 if every byte of [a, a+n) lies in the window on pages with all the `need` bits. n <= 16. */
static inline int emu_mem_check(const struct emu_mem *m, uint64_t a, unsigned n, unsigned need)
{
    if (a > m->size - n)
        return 0;
    unsigned p = m->perm[a >> EMU_PAGE_BITS] & m->perm[(a + n - 1) >> EMU_PAGE_BITS];
    return (p & need) == need;
}

/* Read n (1..16) bytes at guest address a into dst. 0, or -1 on a fault (fault_addr set). */
static inline int emu_mem_read(struct emu_mem *m, uint64_t a, void *dst, unsigned n)
{
    if (!emu_mem_check(m, a, n, EMU_PERM_R)) {
        m->fault_addr = a;
        return -1;
    }
    memcpy(dst, m->host + a, n);
    return 0;
}

/* Write n (1..16) bytes. 0 on success; 1 on success to a page holding decoded code (the caller
 * must invalidate); -1 on a fault (fault_addr set, nothing written). */
static inline int emu_mem_write(struct emu_mem *m, uint64_t a, const void *src, unsigned n)
{
    if (!emu_mem_check(m, a, n, EMU_PERM_W)) {
        m->fault_addr = a;
        return -1;
    }
    memcpy(m->host + a, src, n);
    return ((m->perm[a >> EMU_PAGE_BITS] | m->perm[(a + n - 1) >> EMU_PAGE_BITS]) & EMU_PERM_CODE) != 0;
}

/* Fetch an instruction word: needs X. 0, or -1 on a fault. */
static inline int emu_mem_fetch(struct emu_mem *m, uint64_t a, uint32_t *word)
{
    if ((a & 3) || !emu_mem_check(m, a, 4, EMU_PERM_X)) {
        m->fault_addr = a;
        return -1;
    }
    memcpy(word, m->host + a, 4);
    return 0;
}

#endif
