/* emu_load.c: read the program file, load it as ELF or flat binary, then build the initial stack. */
#include "emu_load_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const uint8_t ELF_MAGIC[4] = {0x7f, 'E', 'L', 'F'};

int emu_load_fail(struct emu_proc *p, const char *path, const char *fmt, ...)
{
    int n = snprintf(p->err, sizeof p->err, "%s: ", path);
    if (n < 0 || (size_t)n >= sizeof p->err)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err + n, sizeof p->err - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

/* Read the whole file into a fresh buffer. The file may not be larger than `max` (the guest
 * window): nothing bigger could be loaded anyway. */
static int read_file(struct emu_proc *p, const char *path, uint64_t max, uint8_t **buf, uint64_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return emu_load_fail(p, path, "cannot open: %s", strerror(errno));
    int rc = -1;
    uint8_t *b = NULL;
    struct stat st;
    if (fstat(fd, &st)) {
        emu_load_fail(p, path, "cannot stat: %s", strerror(errno));
        goto out;
    }
    if (S_ISDIR(st.st_mode)) {
        emu_load_fail(p, path, "is a directory, not a program");
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        emu_load_fail(p, path, "not a regular file");
        goto out;
    }
    if (st.st_size == 0) {
        emu_load_fail(p, path, "empty file");
        goto out;
    }
    if ((uint64_t)st.st_size > max) {
        emu_load_fail(p, path, "file of %" PRIu64 " bytes is larger than the guest address space",
                      (uint64_t)st.st_size);
        goto out;
    }
    uint64_t n = (uint64_t)st.st_size, got = 0;
    b = malloc(n);
    if (!b) {
        emu_load_fail(p, path, "out of memory reading %" PRIu64 " bytes", n);
        goto out;
    }
    while (got < n) {
        ssize_t r = read(fd, b + got, n - got > (1u << 30) ? (1u << 30) : n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            emu_load_fail(p, path, "read failed at offset %" PRIu64 ": %s", got,
                          r < 0 ? strerror(errno) : "file shrank");
            goto out;
        }
        got += (uint64_t)r;
    }
    *buf = b;
    *size = n;
    b = NULL;
    rc = 0;
out:
    free(b);
    close(fd);
    return rc;
}

/* A flat binary: raw code copied to the base of a zero-filled RWX region; entry at the base. */
static int load_flat(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                     const struct emu_load_opts *opts, struct emu_image *out)
{
    struct emu_mem *m = &p->mem;
    uint64_t base = opts && opts->flat_base ? opts->flat_base : EMU_FLAT_BASE;
    uint64_t len = opts && opts->flat_size ? opts->flat_size : EMU_FLAT_SIZE;
    const uint64_t stack_top = m->stack_top, stack_lo = stack_top - m->stack_size;
    if (base & EMU_PAGE_MASK)
        return emu_load_fail(p, path, "flat base 0x%" PRIx64 " is not page aligned", base);
    if (len > m->size || base > m->size - len || base < EMU_LOAD_MIN_ADDR)
        return emu_load_fail(p, path, "flat region [0x%" PRIx64 ", +0x%" PRIx64 ") is outside the guest address "
                             "space [0x%llx, 0x%" PRIx64 ")", base, len, (unsigned long long)EMU_LOAD_MIN_ADDR,
                             m->size);
    len = EMU_PAGE_UP(len);
    if (base < stack_top && base + len > stack_lo)
        return emu_load_fail(p, path, "flat region [0x%" PRIx64 ", 0x%" PRIx64 ") overlaps the stack [0x%" PRIx64
                             ", 0x%" PRIx64 ")", base, base + len, stack_lo, stack_top);
    if (size > len)
        return emu_load_fail(p, path, "flat binary of %" PRIu64 " bytes does not fit its 0x%" PRIx64 "-byte region "
                             "at 0x%" PRIx64 " (see --flat-size)", size, len, base);
    if (emu_mem_map(m, base, len, EMU_PERM_RWX) || emu_mem_poke(m, base, img, size))
        return emu_load_fail(p, path, "cannot map the flat region at 0x%" PRIx64, base);
    m->brk_start = m->brk = base + len;
    m->brk_limit = m->brk_start <= m->mmap_base ? m->mmap_base : stack_lo;
    *out = (struct emu_image){.entry = base};
    return 0;
}

int emu_load_bytes(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                   char *const argv[], char *const envp[], const struct emu_load_opts *opts)
{
    struct emu_image im;
    if (size > p->mem.size)
        return emu_load_fail(p, path, "file of %" PRIu64 " bytes is larger than the guest address space", size);
    int rc = size >= 4 && memcmp(img, ELF_MAGIC, 4) == 0 ? emu_elf_load(p, path, img, size, opts, &im)
                                                         : load_flat(p, path, img, size, opts, &im);
    if (rc == 0)
        rc = emu_stack_build(p, path, argv, envp, &im);
    if (rc == 0)
        p->exe_path = path; /* /proc/self/exe */
    return rc;
}

int emu_load(struct emu_proc *p, const char *path, char *const argv[], char *const envp[],
             const struct emu_load_opts *opts)
{
    uint8_t *img = NULL;
    uint64_t size = 0;
    if (read_file(p, path, p->mem.size, &img, &size))
        return -1;
    int rc = emu_load_bytes(p, path, img, size, argv, envp, opts);
    free(img);
    return rc;
}

int emu_load_read(const char *path, uint8_t **img, uint64_t *size, char *err, size_t errlen)
{
    /* The loader's messages go to an emu_proc's err; this one is never initialised otherwise. */
    struct emu_proc *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    int rc = read_file(p, path, EMU_MEM_DEFAULT_SIZE, img, size);
    if (rc)
        snprintf(err, errlen, "%s", p->err);
    free(p);
    return rc;
}

int emu_load_extent(const char *path, const uint8_t *img, uint64_t size,
                    const struct emu_load_opts *opts, uint64_t *end, char *err, size_t errlen)
{
    if (size < 4 || memcmp(img, ELF_MAGIC, 4) != 0) {
        uint64_t base = opts && opts->flat_base ? opts->flat_base : EMU_FLAT_BASE;
        uint64_t len = opts && opts->flat_size ? opts->flat_size : EMU_FLAT_SIZE;
        *end = EMU_PAGE_UP(base + len);
        return 0;
    }
    struct emu_proc *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    int rc = emu_elf_extent(p, path, img, size, opts, end);
    if (rc)
        snprintf(err, errlen, "%s", p->err);
    free(p);
    return rc;
}
