/* fuzz_guest.h: what the libFuzzer targets share: a harmless guest process, input reading, and
 * values biased towards the interesting ones.
 *
 * Harmless: guest paths resolve under an empty scratch directory made once per fuzzer process
 * (fs_root) and emptied before every input, guest fds 0..2 are /dev/null (never the fuzzer's own
 * stdio, so nothing blocks and nothing is printed), and the guest window is 1 MiB.
 *
 * Guest layout (FZ_WINDOW bytes; the stack is the window's top eighth, mmap starts at its half):
 *   FZ_CODE   code, 16 KiB (read-execute, or read-write-execute)
 *   FZ_DATA   data, 64 KiB read-write, filled with a fixed pattern
 *   FZ_BRK    the program break starts here and may grow to the mmap base
 */
#ifndef FUZZ_GUEST_H
#define FUZZ_GUEST_H

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu_proc.h"

#define FZ_WINDOW (1ull << 20)
#define FZ_CODE 0x10000ull
#define FZ_CODE_SIZE 0x4000ull
#define FZ_DATA 0x20000ull
#define FZ_DATA_SIZE 0x10000ull
#define FZ_BRK 0x40000ull
#define FZ_BUDGET 10000u /* instructions per run */
#define FZ_HEADER 32u    /* flat code inputs: 8 register values of 4 bytes, then words */

static char fz_root[] = "/tmp/temu-fuzz-XXXXXX";
static int fz_null = -1;
static uint8_t fz_pattern[FZ_DATA_SIZE];

/* Remove what the guest created in the scratch root (it cannot make directories). */
static inline void fz_clean(void)
{
    DIR *d = opendir(fz_root);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            if (unlinkat(dirfd(d), e->d_name, 0))
                unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR);
    closedir(d);
}

static inline void fz_at_exit(void)
{
    fz_clean();
    rmdir(fz_root);
}

/* Once per fuzzer process: the scratch root, /dev/null and the data pattern. */
static inline void fz_setup(void)
{
    if (fz_null >= 0)
        return;
    if (!mkdtemp(fz_root) || (fz_null = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0) {
        perror("fuzz set-up");
        abort();
    }
    atexit(fz_at_exit);
    for (uint64_t i = 0; i < FZ_DATA_SIZE / 4; i++) {
        uint32_t v = (uint32_t)(i * 2654435761u);
        memcpy(fz_pattern + 4 * i, &v, 4);
    }
}

/* Make p harmless: guest paths under the scratch root, fds 0..2 on /dev/null. */
static inline void fz_harmless(struct emu_proc *p)
{
    fz_setup();
    p->fs_root = fz_root;
    p->shared_fd = fz_null;
    for (int i = 0; i < 3; i++)
        p->fds[i] = fz_null;
}

/* One process reused from input to input: mapping and unmapping a fresh window each time costs
 * more (page faults, TLB shoot-downs) than the run itself. */
struct fz_guest {
    struct emu_proc p, fresh; /* fresh: as emu_proc_init left it, with an empty window */
    int ready;
};

/* Back to `fresh`: the guest's own fds closed, every mapped page zeroed and unmapped (a page is
 * zero whenever it is unmapped, as emu_mem_map expects), the scratch root emptied. */
static inline void fz_reset(struct fz_guest *g)
{
    struct emu_proc *p = &g->p;
    struct emu_mem *m = &p->mem;
    for (int i = 0; i < EMU_MAX_FDS; i++)
        if (emu_proc_owns_fd(p, p->fds[i]))
            close(p->fds[i]);
    for (uint64_t pg = 0; pg < m->size >> EMU_PAGE_BITS; pg++)
        if (m->perm[pg]) {
            memset(m->host + (pg << EMU_PAGE_BITS), 0, EMU_PAGE_SIZE);
            m->perm[pg] = 0;
        }
    *p = g->fresh;
    fz_clean();
}

/* g's process, reset, with the layout above; code_perm is the code pages' EMU_PERM_* bits. */
static inline struct emu_proc *fz_proc(struct fz_guest *g, unsigned code_perm)
{
    struct emu_proc *p = &g->p;
    if (g->ready) {
        fz_reset(g);
    } else {
        if (emu_proc_init(p, FZ_WINDOW)) {
            fprintf(stderr, "%s\n", p->err);
            abort();
        }
        fz_harmless(p);
        g->fresh = *p;
        g->ready = 1;
    }
    struct emu_mem *m = &p->mem;
    if (emu_mem_map(m, FZ_CODE, FZ_CODE_SIZE, code_perm) ||
        emu_mem_map(m, FZ_DATA, FZ_DATA_SIZE, EMU_PERM_R | EMU_PERM_W) ||
        emu_mem_map(m, m->stack_top - m->stack_size, m->stack_size, EMU_PERM_R | EMU_PERM_W) ||
        emu_mem_poke(m, FZ_DATA, fz_pattern, FZ_DATA_SIZE))
        abort();
    m->brk_start = m->brk = FZ_BRK;
    m->brk_limit = m->mmap_base;
    p->st.x[A64_REG_SP] = m->stack_top - 256;
    p->st.pc = FZ_CODE;
    return p;
}

/* The input, read front to back; reads past its end give zeroes. */
struct fz_in {
    const uint8_t *d;
    size_t n;
};

static inline uint8_t fz_u8(struct fz_in *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->d++;
}

/* A value from 4 input bytes: a kind (low 4 bits of the first byte) and a 24-bit operand v.
 * `prev` is what kind 13 is relative to (the previous syscall's result, the previous register). */
static inline uint64_t fz_value(struct fz_in *in, const struct emu_mem *m, uint64_t prev)
{
    uint8_t kind = fz_u8(in) & 15;
    uint32_t v = fz_u8(in) | (uint32_t)fz_u8(in) << 8 | (uint32_t)fz_u8(in) << 16;
    switch (kind) {
    case 0: return v;                                              /* small */
    case 1: return -(uint64_t)(v & 0xffff);                        /* small negative */
    case 2: return FZ_DATA + v % FZ_DATA_SIZE;                     /* in the data */
    case 3: return FZ_DATA + FZ_DATA_SIZE + (uint64_t)(int64_t)(int8_t)v; /* the data's end */
    case 4: return (uint64_t)(v & 0xff) << 12;                     /* a page boundary */
    case 5: return m->size + (uint64_t)(int64_t)(int16_t)v;        /* the window's end */
    case 6: return FZ_CODE + (v & (FZ_CODE_SIZE - 1));             /* in the code */
    case 7: return m->stack_top - (v & 0xffff);                    /* in the stack */
    case 8: return 1ull << (v & 63);                               /* a power of two */
    case 9: return UINT64_MAX - (v & 0xff);                        /* near the top */
    case 10: return (v & 1 ? INT64_MAX : 0x8000000000000000ull) + (uint64_t)(int64_t)(int8_t)(v >> 8);
    case 11: return (uint64_t)v * 0x9e3779b97f4a7c15ull;           /* anything */
    case 12: return m->mmap_base + (v & 0xfffff);                  /* the mmap area */
    case 13: return prev + (uint64_t)(int64_t)(int16_t)v;          /* relative to prev */
    case 14: return 0x7ffff000ull + (uint64_t)(int64_t)(int8_t)v;  /* Linux's largest transfer */
    default: return (uint64_t)v << 32 | v;                         /* high bits set */
    }
}

/* Flat code inputs: x0..x7 from the header (the first byte's high nibble is NZCV), words after it,
 * copied to FZ_CODE. */
static inline void fz_flat_load(struct emu_proc *p, const uint8_t *data, size_t size)
{
    struct fz_in in = {data, size < FZ_HEADER ? size : FZ_HEADER};
    p->st.nzcv = (uint64_t)(size ? data[0] >> 4 : 0) << 28;
    uint64_t prev = 0;
    for (int r = 0; r < 8; r++)
        prev = p->st.x[r] = fz_value(&in, &p->mem, prev);
    if (size > FZ_HEADER) {
        size_t n = size - FZ_HEADER;
        if (n > FZ_CODE_SIZE)
            n = FZ_CODE_SIZE;
        emu_mem_poke(&p->mem, FZ_CODE, data + FZ_HEADER, n);
    }
}

#endif
