/* emu_sys_mm.c: memory syscalls: brk, mmap (anonymous, and file-backed by copying the file in),
 * munmap, mprotect, madvise. Everything stays inside the guest window; placement uses
 * emu_mem_find_free from the mmap base upward. */
#include "emu_sys_int.h"

#include <errno.h>
#include <unistd.h>

#define G_PROT_MASK      0x7u  /* READ | WRITE | EXEC */
#define G_PROT_BTI       0x10u /* accepted and ignored: no BTI checking */
#define G_MAP_SHARED     0x01u
#define G_MAP_PRIVATE    0x02u
#define G_MAP_SHARED_VALIDATE 0x03u
#define G_MAP_TYPE       0x0fu
#define G_MAP_FIXED      0x10u
#define G_MAP_ANONYMOUS  0x20u
#define G_MAP_FIXED_NOREPLACE 0x100000u
#define G_MADV_DONTNEED  4

/* Guest page permissions for a PROT_* value. Like Linux on AArch64, write and execute imply read. */
static unsigned prot_perm(uint64_t prot)
{
    unsigned perm = 0;
    if (prot & 1)
        perm |= EMU_PERM_R;
    if (prot & 2)
        perm |= EMU_PERM_R | EMU_PERM_W;
    if (prot & 4)
        perm |= EMU_PERM_R | EMU_PERM_X;
    return perm;
}

static int any_mapped(const struct emu_mem *m, uint64_t addr, uint64_t len)
{
    for (uint64_t a = addr; a < addr + len; a += EMU_PAGE_SIZE)
        if (m->perm[a >> EMU_PAGE_BITS])
            return 1;
    return 0;
}

/* brk returns the new break, or the old one when the request cannot be met (never an errno). */
int64_t emu_sys_brk(struct emu_proc *p, const uint64_t *a)
{
    struct emu_mem *m = &p->mem;
    uint64_t want = a[0];
    if (want < m->brk_start || want > m->brk_limit || want > m->size)
        return (int64_t)m->brk;
    uint64_t old_top = EMU_PAGE_UP(m->brk), new_top = EMU_PAGE_UP(want);
    if (new_top > old_top) {
        if (any_mapped(m, old_top, new_top - old_top)) /* would run into an mmap region */
            return (int64_t)m->brk;
        if (emu_mem_map(m, old_top, new_top - old_top, EMU_PERM_R | EMU_PERM_W))
            return (int64_t)m->brk;
    } else if (new_top < old_top) {
        emu_mem_unmap(m, new_top, old_top - new_top);
    }
    m->brk = want;
    return (int64_t)want;
}

/* Fill [addr, addr+len) from host fd at offset off; bytes past the end of the file stay zero. */
static int64_t fill_from_file(struct emu_proc *p, int fd, uint64_t addr, uint64_t len, uint64_t off)
{
    uint8_t buf[EMU_SYS_CHUNK];
    for (uint64_t done = 0; done < len;) {
        size_t want = len - done < EMU_SYS_CHUNK ? (size_t)(len - done) : EMU_SYS_CHUNK;
        ssize_t r = pread(fd, buf, want, (off_t)(off + done));
        if (r < 0) {
            if (errno == EBADF) /* not open for reading */
                return -EACCES;
            return errno == ESPIPE || errno == EISDIR || errno == EINVAL ? -ENODEV : -errno;
        }
        if (r == 0)
            break;
        emu_mem_poke(&p->mem, addr + done, buf, (uint64_t)r);
        done += (uint64_t)r;
    }
    return 0;
}

int64_t emu_sys_mmap(struct emu_proc *p, const uint64_t *a)
{
    struct emu_mem *m = &p->mem;
    uint64_t addr = a[0], len = a[1], prot = a[2], flags = a[3], off = a[5];
    unsigned type = flags & G_MAP_TYPE;
    int anon = (flags & G_MAP_ANONYMOUS) != 0;
    if (len == 0 || (off & EMU_PAGE_MASK) || (prot & ~(uint64_t)(G_PROT_MASK | G_PROT_BTI)))
        return -EINVAL;
    if (type != G_MAP_SHARED && type != G_MAP_PRIVATE && type != G_MAP_SHARED_VALIDATE)
        return -EINVAL;
    uint64_t size = EMU_PAGE_UP(len);
    if (size < len || size > m->size)
        return -ENOMEM;
    int fd = -1;
    if (!anon) {
        fd = emu_sys_hostfd(p, a[4]);
        if (fd < 0)
            return -EBADF;
        if (off + size < off)
            return -EOVERFLOW;
        /* A copy cannot write back to the file: refuse shared writable file mappings. */
        if (type != G_MAP_PRIVATE && (prot & 2))
            return -ENODEV;
    }
    if (flags & (G_MAP_FIXED | G_MAP_FIXED_NOREPLACE)) {
        if (addr & EMU_PAGE_MASK)
            return -EINVAL;
        if (addr > m->size - size)
            return -ENOMEM;
        if (addr < EMU_PAGE_SIZE)
            return -EPERM;
        if (!(flags & G_MAP_FIXED) && any_mapped(m, addr, size))
            return -EEXIST;
    } else {
        uint64_t hint = EMU_PAGE_DOWN(addr);
        uint64_t got = hint && hint <= m->size - size && !any_mapped(m, hint, size) ? hint : 0;
        if (!got)
            got = emu_mem_find_free(m, 0, size);
        if (!got)
            return -ENOMEM;
        if (got >= m->mmap_next)
            m->mmap_next = got + size;
        addr = got;
    }
    if (emu_mem_map(m, addr, size, prot_perm(prot)))
        return -ENOMEM;
    if (!anon) {
        int64_t rc = fill_from_file(p, fd, addr, len, off);
        if (rc) {
            emu_mem_unmap(m, addr, size);
            return rc;
        }
    }
    return (int64_t)addr;
}

int64_t emu_sys_munmap(struct emu_proc *p, const uint64_t *a)
{
    struct emu_mem *m = &p->mem;
    uint64_t addr = a[0], size = EMU_PAGE_UP(a[1]);
    if ((addr & EMU_PAGE_MASK) || a[1] == 0 || size < a[1] || addr >= m->size || size > m->size - addr)
        return -EINVAL;
    emu_mem_unmap(m, addr, size);
    return 0;
}

int64_t emu_sys_mprotect(struct emu_proc *p, const uint64_t *a)
{
    struct emu_mem *m = &p->mem;
    uint64_t addr = a[0], size = EMU_PAGE_UP(a[1]), prot = a[2];
    if ((addr & EMU_PAGE_MASK) || size < a[1] || (prot & ~(uint64_t)(G_PROT_MASK | G_PROT_BTI)))
        return -EINVAL;
    if (size == 0)
        return 0;
    if (emu_mem_protect(m, addr, size, prot_perm(prot)))
        return -ENOMEM;
    return 0;
}

/* Advice is accepted and ignored, except MADV_DONTNEED, whose zero-fill of private anonymous
 * memory runtimes rely on. */
int64_t emu_sys_madvise(struct emu_proc *p, const uint64_t *a)
{
    struct emu_mem *m = &p->mem;
    uint64_t addr = a[0], size = EMU_PAGE_UP(a[1]);
    if ((addr & EMU_PAGE_MASK) || size < a[1])
        return -EINVAL;
    if (size == 0)
        return 0;
    if (addr >= m->size || size > m->size - addr)
        return -ENOMEM;
    if (a[2] != G_MADV_DONTNEED)
        return 0;
    for (uint64_t pg = addr; pg < addr + size; pg += EMU_PAGE_SIZE) {
        unsigned perm = m->perm[pg >> EMU_PAGE_BITS];
        if (!perm)
            return -ENOMEM;
        emu_mem_map(m, pg, EMU_PAGE_SIZE, perm & EMU_PERM_RWX);
    }
    return 0;
}

/* Give [to, to+len) the permissions of the pages of [from, from+len) one by one (their bytes are
 * already there); pages past `have` bytes of the source take its last page's. */
static void copy_perms(struct emu_mem *m, uint64_t from, uint64_t to, uint64_t len, uint64_t have)
{
    for (uint64_t o = 0; o < len; o += EMU_PAGE_SIZE) {
        uint64_t src = from + (o < have ? o : have - EMU_PAGE_SIZE);
        emu_mem_protect(m, to + o, EMU_PAGE_SIZE, m->perm[src >> EMU_PAGE_BITS] & EMU_PERM_RWX);
    }
}

int64_t emu_sys_mremap(struct emu_proc *p, const uint64_t *a)
{
    enum { MAYMOVE = 1, FIXED = 2 };
    struct emu_mem *m = &p->mem;
    uint64_t old = a[0], old_size = EMU_PAGE_UP(a[1]), new_size = EMU_PAGE_UP(a[2]), flags = a[3];
    uint64_t fixed_addr = a[4];
    if ((old & EMU_PAGE_MASK) || (flags & ~(uint64_t)(MAYMOVE | FIXED)) || ((flags & FIXED) && !(flags & MAYMOVE)))
        return -EINVAL;
    if (new_size == 0 || new_size < a[2] || old_size < a[1])
        return -EINVAL;
    if (old_size == 0) /* duplicating a shared mapping: no shared mappings here */
        return -EINVAL;
    if (!emu_mem_range_ok(m, old, old_size, 0))
        return -EFAULT;
    uint64_t to = old;
    if (flags & FIXED) {
        if ((fixed_addr & EMU_PAGE_MASK) || fixed_addr < EMU_PAGE_SIZE || fixed_addr > m->size - new_size)
            return -EINVAL;
        if (fixed_addr < old + old_size && old < fixed_addr + new_size)
            return -EINVAL; /* the ranges may not overlap */
        to = fixed_addr;
    } else if (new_size <= old_size) {
        if (new_size < old_size)
            emu_mem_unmap(m, old + new_size, old_size - new_size);
        return (int64_t)old;
    } else if (old + new_size <= m->size && old + new_size > old &&
               !any_mapped(m, old + old_size, new_size - old_size)) {
        /* Grow in place: the new tail takes the last page's permissions. */
        uint64_t tail = old + old_size;
        emu_mem_map(m, tail, new_size - old_size, m->perm[(tail - 1) >> EMU_PAGE_BITS] & EMU_PERM_RWX);
        return (int64_t)old;
    } else if (!(flags & MAYMOVE)) {
        return -ENOMEM;
    } else if (!(to = emu_mem_find_free(m, 0, new_size))) {
        return -ENOMEM;
    }
    /* Move: the new range gets the old bytes and permissions, then the old range goes. */
    if (emu_mem_map(m, to, new_size, EMU_PERM_R | EMU_PERM_W))
        return -ENOMEM;
    uint8_t buf[EMU_SYS_CHUNK];
    uint64_t keep = old_size < new_size ? old_size : new_size;
    for (uint64_t o = 0; o < keep; o += sizeof buf) {
        uint64_t n = keep - o < sizeof buf ? keep - o : sizeof buf;
        emu_mem_peek(m, old + o, buf, n);
        emu_mem_poke(m, to + o, buf, n);
    }
    copy_perms(m, old, to, new_size, old_size);
    emu_mem_unmap(m, old, old_size);
    return (int64_t)to;
}
