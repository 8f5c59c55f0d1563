/* emu_mem.c: the guest address window: reservation, mapping and page-crossing copies. */
#include "emu_mem.h"

#include <sys/mman.h>

void emu_mem_layout(uint64_t size, uint64_t *stack_top, uint64_t *stack_size, uint64_t *mmap_base)
{
    if (size >= EMU_MEM_DEFAULT_SIZE) {
        *stack_top = EMU_STACK_TOP;
        *stack_size = EMU_STACK_SIZE;
        *mmap_base = EMU_MMAP_BASE;
        return;
    }
    uint64_t stack = EMU_PAGE_DOWN(size / 8);
    *stack_top = size;
    *stack_size = stack < EMU_STACK_SIZE ? stack : EMU_STACK_SIZE;
    *mmap_base = EMU_PAGE_DOWN(size / 2);
}

int emu_mem_init(struct emu_mem *m, uint64_t size)
{
    memset(m, 0, sizeof *m);
    if (size == 0)
        size = EMU_MEM_DEFAULT_SIZE;
    size = EMU_PAGE_UP(size);
    /* NORESERVE: host pages are committed only when the guest touches them. */
    void *host = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                      -1, 0);
    if (host == MAP_FAILED)
        return -1;
    void *perm = mmap(NULL, size >> EMU_PAGE_BITS, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (perm == MAP_FAILED) {
        munmap(host, size);
        return -1;
    }
    m->host = host;
    m->perm = perm;
    m->size = size;
    emu_mem_layout(size, &m->stack_top, &m->stack_size, &m->mmap_base);
    m->mmap_next = m->mmap_base;
    return 0;
}

void emu_mem_free(struct emu_mem *m)
{
    if (m->host)
        munmap(m->host, m->size);
    if (m->perm)
        munmap(m->perm, m->size >> EMU_PAGE_BITS);
    memset(m, 0, sizeof *m);
}

/* Tell a mirroring engine (emu_mem_sync) what the host is about to read, or just changed. */
static void sync_pull(const struct emu_mem *m, uint64_t addr, uint64_t len)
{
    if (m->sync)
        m->sync->pull(m->sync->ctx, addr, len);
}

static void sync_push(const struct emu_mem *m, uint64_t addr, uint64_t len)
{
    if (m->sync)
        m->sync->push(m->sync->ctx, addr, len);
}

static void sync_remap(struct emu_mem *m, uint64_t addr, uint64_t len, int fresh)
{
    m->map_gen++;
    if (m->sync)
        m->sync->remap(m->sync->ctx, addr, len, fresh);
}

/* Page range [first, end) of [addr, addr+len), or -1 when it leaves the window. */
static int page_range(const struct emu_mem *m, uint64_t addr, uint64_t len, uint64_t *first,
                      uint64_t *end)
{
    if (len == 0 || addr >= m->size || len > m->size - addr)
        return -1;
    *first = addr >> EMU_PAGE_BITS;
    *end = EMU_PAGE_UP(addr + len) >> EMU_PAGE_BITS;
    return 0;
}

/* Return the host pages of [first, end) to zero without giving up the reservation. */
static void zero_pages(struct emu_mem *m, uint64_t first, uint64_t end)
{
    madvise(m->host + (first << EMU_PAGE_BITS), (end - first) << EMU_PAGE_BITS, MADV_DONTNEED);
}

int emu_mem_map(struct emu_mem *m, uint64_t addr, uint64_t len, unsigned perm)
{
    uint64_t first, end;
    if (page_range(m, addr, len, &first, &end))
        return -1;
    for (uint64_t p = first; p < end; p++) {
        if (m->perm[p]) /* remapping a mapped page must still give zeroes */
            zero_pages(m, p, p + 1);
        m->perm[p] = (uint8_t)((perm & EMU_PERM_RWX) | EMU_PERM_MAPPED);
    }
    sync_remap(m, addr, len, 1);
    return 0;
}

int emu_mem_protect(struct emu_mem *m, uint64_t addr, uint64_t len, unsigned perm)
{
    uint64_t first, end;
    if (page_range(m, addr, len, &first, &end))
        return -1;
    for (uint64_t p = first; p < end; p++)
        if (!m->perm[p])
            return -1;
    for (uint64_t p = first; p < end; p++)
        m->perm[p] = (uint8_t)((perm & EMU_PERM_RWX) | (m->perm[p] & EMU_PERM_CODE) | EMU_PERM_MAPPED);
    sync_remap(m, addr, len, 0);
    return 0;
}

int emu_mem_unmap(struct emu_mem *m, uint64_t addr, uint64_t len)
{
    uint64_t first, end;
    if (page_range(m, addr, len, &first, &end))
        return -1;
    memset(m->perm + first, 0, end - first);
    zero_pages(m, first, end);
    sync_remap(m, addr, len, 1);
    return 0;
}

uint64_t emu_mem_find_free(struct emu_mem *m, uint64_t hint, uint64_t len)
{
    uint64_t top = m->stack_top - m->stack_size;
    if (top > m->size)
        top = m->size;
    len = EMU_PAGE_UP(len);
    uint64_t start = EMU_PAGE_DOWN(hint ? hint : m->mmap_next);
    if (len == 0 || len > top)
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        uint64_t run = 0;
        for (uint64_t a = start; a + EMU_PAGE_SIZE <= top; a += EMU_PAGE_SIZE) {
            run = m->perm[a >> EMU_PAGE_BITS] ? 0 : run + EMU_PAGE_SIZE;
            if (run == len)
                return a + EMU_PAGE_SIZE - len;
        }
        start = m->brk_limit ? m->brk_limit : EMU_PAGE_SIZE; /* wrap to the low end once */
    }
    return 0;
}

/* Walk [addr, addr+len) a page at a time, checking `need` on each page before copying it. */
static int copy(struct emu_mem *m, uint64_t addr, uint8_t *host, uint64_t len, unsigned need, int in)
{
    while (len) {
        uint64_t chunk = EMU_PAGE_SIZE - (addr & EMU_PAGE_MASK);
        if (chunk > len)
            chunk = len;
        unsigned perm = addr < m->size ? m->perm[addr >> EMU_PAGE_BITS] : 0;
        if (need ? (perm & need) != need : perm == 0) { /* need 0: any mapped page */
            m->fault_addr = addr;
            return -1;
        }
        if (in) {
            if (perm & EMU_PERM_CODE) { /* the host wrote decoded code: engines drop it */
                uint64_t page = addr >> EMU_PAGE_BITS;
                if (m->code_lo >= m->code_hi)
                    m->code_lo = page, m->code_hi = page + 1;
                else if (page < m->code_lo)
                    m->code_lo = page;
                else if (page >= m->code_hi)
                    m->code_hi = page + 1;
            }
            memcpy(m->host + addr, host, chunk);
            sync_push(m, addr, chunk);
        } else {
            sync_pull(m, addr, chunk);
            memcpy(host, m->host + addr, chunk);
        }
        addr += chunk;
        host += chunk;
        len -= chunk;
    }
    return 0;
}

int emu_mem_copy_in(struct emu_mem *m, uint64_t addr, const void *src, uint64_t len)
{
    return copy(m, addr, (uint8_t *)src, len, EMU_PERM_W, 1);
}

int emu_mem_copy_out(struct emu_mem *m, uint64_t addr, void *dst, uint64_t len)
{
    return copy(m, addr, dst, len, EMU_PERM_R, 0);
}

int emu_mem_poke(struct emu_mem *m, uint64_t addr, const void *src, uint64_t len)
{
    return copy(m, addr, (uint8_t *)src, len, 0, 1);
}

int emu_mem_peek(struct emu_mem *m, uint64_t addr, void *dst, uint64_t len)
{
    return copy(m, addr, dst, len, 0, 0);
}

int emu_mem_range_ok(struct emu_mem *m, uint64_t addr, uint64_t len, unsigned need)
{
    if (len == 0)
        return 1;
    if (addr >= m->size || len > m->size - addr) {
        m->fault_addr = addr < m->size ? m->size : addr;
        return 0;
    }
    need |= EMU_PERM_MAPPED;
    for (uint64_t a = addr; a < addr + len; a = EMU_PAGE_DOWN(a) + EMU_PAGE_SIZE) {
        if ((m->perm[a >> EMU_PAGE_BITS] & need) != need) {
            m->fault_addr = a;
            return 0;
        }
    }
    return 1;
}

int64_t emu_mem_strlen(struct emu_mem *m, uint64_t addr, uint64_t max)
{
    /* A page piece at a time: check it, pull it once, then scan it. */
    for (uint64_t n = 0; n < max;) {
        uint64_t a = addr + n, chunk = EMU_PAGE_SIZE - (a & EMU_PAGE_MASK);
        if (chunk > max - n)
            chunk = max - n;
        if (!emu_mem_check(m, a, 1, EMU_PERM_R)) {
            m->fault_addr = a;
            return -1;
        }
        sync_pull(m, a, chunk);
        const uint8_t *nul = memchr(m->host + a, 0, chunk);
        if (nul)
            return (int64_t)(n + (uint64_t)(nul - (m->host + a)));
        n += chunk;
    }
    m->fault_addr = addr + max;
    return -1;
}
