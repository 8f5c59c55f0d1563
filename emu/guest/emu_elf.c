/* emu_elf.c: validate a static AArch64 ELF64 image and copy its PT_LOAD segments into guest memory.
 *
 * The file is read as bytes with explicit little-endian accessors, never through host structs, so
 * every field is checked against the file size before use and the loader behaves the same on any
 * host. All arithmetic on file values is overflow-checked: a corrupt file yields one error line. */
#include "emu_load_int.h"

#include <inttypes.h>
#include <stdlib.h>

enum {
    ET_REL_ = 1, ET_EXEC_ = 2, ET_DYN_ = 3, ET_CORE_ = 4,
    EM_AARCH64_ = 183,
    PT_LOAD_ = 1, PT_DYNAMIC_ = 2, PT_INTERP_ = 3, PT_PHDR_ = 6,
    PF_X_ = 1, PF_W_ = 2, PF_R_ = 4,
    DT_NULL_ = 0, DT_RELA_ = 7, DT_RELASZ_ = 8, DT_RELAENT_ = 9,
    R_AARCH64_NONE_ = 0, R_AARCH64_RELATIVE_ = 1027,
};

#define EHDR_SIZE 64u

static uint16_t rd16(const uint8_t *b) { return (uint16_t)(b[0] | b[1] << 8); }
static uint32_t rd32(const uint8_t *b) { return (uint32_t)rd16(b) | (uint32_t)rd16(b + 2) << 16; }
static uint64_t rd64(const uint8_t *b) { return (uint64_t)rd32(b) | (uint64_t)rd32(b + 4) << 32; }

/* Program header table access (e_phoff at 32, e_phnum at 56). Only after check_ehdr has proved
 * the table lies inside the file. */
static unsigned elf_phnum(const uint8_t *img) { return rd16(img + 56); }
static const uint8_t *elf_phdr(const uint8_t *img, unsigned i)
{
    return img + rd64(img + 32) + (uint64_t)i * EMU_ELF_PHENT;
}

struct seg {
    unsigned index;        /* program header number, for messages */
    uint32_t flags;
    uint64_t offset, filesz;
    uint64_t start, end;   /* guest range [start, end) after the bias */
};

static const char *machine_name(unsigned m)
{
    switch (m) {
    case 0: return "none";
    case 2: return "SPARC";
    case 3: return "x86 (i386)";
    case 8: return "MIPS";
    case 20: return "PowerPC";
    case 21: return "PowerPC64";
    case 22: return "S/390";
    case 40: return "32-bit ARM";
    case 43: return "SPARC V9";
    case 62: return "x86-64";
    case 243: return "RISC-V";
    case 258: return "LoongArch";
    default: return "unknown";
    }
}

/* Copy a PT_INTERP string into buf, printable characters only (it goes to a terminal). */
static void interp_string(const uint8_t *s, uint64_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (uint64_t i = 0; i < n && s[i] && o + 1 < cap; i++)
        buf[o++] = (s[i] >= 0x20 && s[i] < 0x7f) ? (char)s[i] : '?';
    buf[o] = 0;
}

static int seg_cmp(const void *a, const void *b)
{
    const struct seg *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Header checks, in the order that gives the most useful message for common mistakes
 * (a 32-bit or x86-64 file should be named as such, not as a bad field). */
static int check_ehdr(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size)
{
    if (size < 16)
        return emu_load_fail(p, path, "truncated ELF header (%" PRIu64 " of %u bytes)", size, EHDR_SIZE);
    if (img[4] == 1)
        return emu_load_fail(p, path, "32-bit ELF (ELFCLASS32) is not supported; AArch64 programs are ELF64");
    if (img[4] != 2)
        return emu_load_fail(p, path, "bad ELF class %u at offset 0x4", img[4]);
    if (img[5] == 2)
        return emu_load_fail(p, path, "big-endian ELF is not supported; AArch64 Linux programs are little-endian");
    if (img[5] != 1)
        return emu_load_fail(p, path, "bad ELF data encoding %u at offset 0x5", img[5]);
    if (size < EHDR_SIZE)
        return emu_load_fail(p, path, "truncated ELF header (%" PRIu64 " of %u bytes)", size, EHDR_SIZE);
    if (img[6] != 1 || rd32(img + 20) != 1)
        return emu_load_fail(p, path, "bad ELF version (offset 0x6 / 0x14)");
    unsigned mach = rd16(img + 18);
    if (mach != EM_AARCH64_)
        return emu_load_fail(p, path, "not an AArch64 program: ELF machine %s (e_machine %u)",
                             machine_name(mach), mach);
    unsigned type = rd16(img + 16);
    if (type == ET_REL_)
        return emu_load_fail(p, path, "relocatable object file (ET_REL), not an executable; link it first");
    if (type == ET_CORE_)
        return emu_load_fail(p, path, "core dump (ET_CORE), not an executable");
    if (type != ET_EXEC_ && type != ET_DYN_)
        return emu_load_fail(p, path, "unknown ELF type e_type %u", type);
    uint64_t phoff = rd64(img + 32);
    unsigned phentsize = rd16(img + 54), phnum = rd16(img + 56);
    if (phnum == 0)
        return emu_load_fail(p, path, "no program headers (e_phnum 0)");
    if (phnum == 0xffff)
        return emu_load_fail(p, path, "extended program header count (e_phnum 0xffff) is not supported");
    if (phentsize != EMU_ELF_PHENT)
        return emu_load_fail(p, path, "e_phentsize %u at offset 0x36, expected %u", phentsize, EMU_ELF_PHENT);
    if (phoff > size || (uint64_t)phnum * EMU_ELF_PHENT > size - phoff)
        return emu_load_fail(p, path, "program headers at offset 0x%" PRIx64 " (%u entries) extend past the end "
                             "of the file (%" PRIu64 " bytes)", phoff, phnum, size);
    return 0;
}

/* Refuse dynamically linked programs before anything else about the segments: it is the likeliest
 * mistake and the message says how to fix it. */
static int check_interp(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size)
{
    for (unsigned i = 0; i < elf_phnum(img); i++) {
        const uint8_t *ph = elf_phdr(img, i);
        if (rd32(ph) != PT_INTERP_)
            continue;
        uint64_t off = rd64(ph + 8), n = rd64(ph + 32);
        char name[128] = "outside the file";
        if (off <= size && n <= size - off)
            interp_string(img + off, n, name, sizeof name);
        return emu_load_fail(p, path, "dynamically linked ELF is not supported (interpreter %s); link with -static",
                             name);
    }
    return 0;
}

/* Collect the PT_LOAD segments with the bias applied, checking each against the file and the
 * address space; returns the count (>0) or -1. */
static int collect_segments(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                            uint64_t bias, struct seg *segs)
{
    const uint64_t stack_top = p->mem.stack_top, stack_lo = stack_top - p->mem.stack_size;
    int n = 0;
    for (unsigned i = 0; i < elf_phnum(img); i++) {
        const uint8_t *ph = elf_phdr(img, i);
        if (rd32(ph) != PT_LOAD_)
            continue;
        uint64_t off = rd64(ph + 8), vaddr = rd64(ph + 16), filesz = rd64(ph + 32), memsz = rd64(ph + 40);
        if (filesz > memsz)
            return emu_load_fail(p, path, "program header %u: p_filesz 0x%" PRIx64 " > p_memsz 0x%" PRIx64, i,
                                 filesz, memsz);
        if (off > size || filesz > size - off)
            return emu_load_fail(p, path, "program header %u: file range [0x%" PRIx64 ", +0x%" PRIx64 ") is outside "
                                 "the file (%" PRIu64 " bytes)", i, off, filesz, size);
        if (memsz == 0)
            continue;
        uint64_t start = vaddr + bias;
        if (start < vaddr || memsz > UINT64_MAX - start || memsz > p->mem.size)
            return emu_load_fail(p, path, "program header %u: segment at 0x%" PRIx64 " of size 0x%" PRIx64
                                 " does not fit in the address space", i, vaddr, memsz);
        uint64_t end = start + memsz;
        if (start < EMU_LOAD_MIN_ADDR || end > p->mem.size)
            return emu_load_fail(p, path, "program header %u: segment [0x%" PRIx64 ", 0x%" PRIx64 ") is outside the "
                                 "guest address space [0x%llx, 0x%" PRIx64 ")", i, start, end,
                                 (unsigned long long)EMU_LOAD_MIN_ADDR, p->mem.size);
        if (start < stack_top && end > stack_lo)
            return emu_load_fail(p, path, "program header %u: segment [0x%" PRIx64 ", 0x%" PRIx64 ") overlaps the "
                                 "stack [0x%" PRIx64 ", 0x%" PRIx64 ")", i, start, end, stack_lo, stack_top);
        segs[n++] = (struct seg){i, rd32(ph + 4), off, filesz, start, end};
    }
    if (n == 0)
        return emu_load_fail(p, path, "no PT_LOAD segment");
    qsort(segs, (size_t)n, sizeof *segs, seg_cmp);
    for (int k = 1; k < n; k++)
        if (segs[k].start < segs[k - 1].end)
            return emu_load_fail(p, path, "program headers %u and %u: segments [0x%" PRIx64 ", 0x%" PRIx64 ") and "
                                 "[0x%" PRIx64 ", 0x%" PRIx64 ") overlap", segs[k - 1].index, segs[k].index,
                                 segs[k - 1].start, segs[k - 1].end, segs[k].start, segs[k].end);
    return n;
}

/* Map the (sorted, disjoint) segments and copy their file bytes. Two segments may share a page at
 * their boundary; that page gets the union of their permissions, as Linux's page mapping would. */
static int map_segments(struct emu_proc *p, const char *path, const uint8_t *img, const struct seg *segs, int n)
{
    struct emu_mem *m = &p->mem;
    for (int k = 0; k < n; k++) {
        const struct seg *s = &segs[k];
        unsigned perm = ((s->flags & PF_R_) ? EMU_PERM_R : 0) | ((s->flags & PF_W_) ? EMU_PERM_W : 0) |
                        ((s->flags & PF_X_) ? EMU_PERM_X : 0);
        uint64_t lo = EMU_PAGE_DOWN(s->start), hi = EMU_PAGE_UP(s->end);
        unsigned shared = m->perm[lo >> EMU_PAGE_BITS];
        if (shared) {
            if (emu_mem_protect(m, lo, EMU_PAGE_SIZE, (shared & EMU_PERM_RWX) | perm))
                goto bad;
            lo += EMU_PAGE_SIZE;
        }
        if (lo < hi && emu_mem_map(m, lo, hi - lo, perm))
            goto bad;
        if (s->filesz && emu_mem_poke(m, s->start, img + s->offset, s->filesz))
            goto bad;
        continue;
    bad:
        return emu_load_fail(p, path, "program header %u: cannot map [0x%" PRIx64 ", 0x%" PRIx64 ")", s->index,
                             s->start, s->end);
    }
    return 0;
}

/* Guest address of the program headers: PT_PHDR if it lies in a segment, else the segment that
 * holds e_phoff in the file (what Linux does), else 0 (the stack builder then copies them). */
static uint64_t find_phdr(const uint8_t *img, uint64_t bias, const struct seg *segs, int n)
{
    uint64_t phoff = rd64(img + 32);
    uint64_t len = (uint64_t)elf_phnum(img) * EMU_ELF_PHENT;
    for (unsigned i = 0; i < elf_phnum(img); i++) {
        const uint8_t *ph = elf_phdr(img, i);
        if (rd32(ph) != PT_PHDR_)
            continue;
        uint64_t a = rd64(ph + 16) + bias;
        for (int k = 0; k < n; k++)
            if (a >= segs[k].start && a <= segs[k].end && len <= segs[k].end - a)
                return a;
    }
    for (int k = 0; k < n; k++)
        if (phoff >= segs[k].offset && phoff - segs[k].offset <= segs[k].filesz &&
            len <= segs[k].filesz - (phoff - segs[k].offset))
            return segs[k].start + (phoff - segs[k].offset);
    return 0;
}

/* Apply R_AARCH64_RELATIVE entries of a static-pie's DT_RELA table. They are idempotent
 * (value = bias + addend), so a guest runtime that relocates itself again gets the same result;
 * DT_RELR is deliberately left to the guest because applying it twice would add the bias twice. */
static int apply_relocations(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t bias)
{
    struct emu_mem *m = &p->mem;
    for (unsigned i = 0; i < elf_phnum(img); i++) {
        const uint8_t *ph = elf_phdr(img, i);
        if (rd32(ph) != PT_DYNAMIC_)
            continue;
        uint64_t dyn = rd64(ph + 16) + bias, ndyn = rd64(ph + 40) / 16;
        uint64_t rela = 0, relasz = 0, relaent = 24;
        for (uint64_t d = 0; d < ndyn; d++) {
            uint8_t e[16];
            if (emu_mem_peek(m, dyn + d * 16, e, 16))
                return emu_load_fail(p, path, "dynamic section at 0x%" PRIx64 " is not loaded", dyn);
            uint64_t tag = rd64(e), val = rd64(e + 8);
            if (tag == DT_NULL_)
                break;
            if (tag == DT_RELA_)
                rela = val + bias;
            else if (tag == DT_RELASZ_)
                relasz = val;
            else if (tag == DT_RELAENT_)
                relaent = val;
        }
        if (!rela || !relasz)
            return 0;
        if (relaent != 24)
            return emu_load_fail(p, path, "DT_RELAENT %" PRIu64 ", expected 24", relaent);
        for (uint64_t r = 0; r < relasz / 24; r++) {
            uint8_t e[24];
            if (emu_mem_peek(m, rela + r * 24, e, 24))
                return emu_load_fail(p, path, "relocation table at 0x%" PRIx64 " (0x%" PRIx64 " bytes) is not loaded",
                                     rela, relasz);
            uint64_t where = rd64(e) + bias, type = rd64(e + 8) & 0xffffffffu;
            uint64_t value = rd64(e + 16) + bias;
            if (type != R_AARCH64_RELATIVE_)
                continue; /* NONE, IRELATIVE and the rest are the guest runtime's business */
            uint8_t v[8];
            for (int b = 0; b < 8; b++)
                v[b] = (uint8_t)(value >> (8 * b));
            if (emu_mem_poke(m, where, v, 8))
                return emu_load_fail(p, path, "relocation %" PRIu64 " targets 0x%" PRIx64 ", outside the loaded "
                                     "segments", r, where);
        }
        return 0;
    }
    return 0;
}

/* The load bias: 0 for ET_EXEC; for static-pie, what puts the lowest segment at the base
 * (Linux's load_bias = base - its page). 0 or -1. */
static int load_bias(struct emu_proc *p, const char *path, const uint8_t *img,
                     const struct emu_load_opts *opts, uint64_t *bias)
{
    *bias = 0;
    if (rd16(img + 16) != ET_DYN_)
        return 0;
    uint64_t base = opts && opts->pie_base ? opts->pie_base : EMU_PIE_DEFAULT_BASE;
    if (base & EMU_PAGE_MASK)
        return emu_load_fail(p, path, "static-pie base 0x%" PRIx64 " is not page aligned", base);
    uint64_t lo = UINT64_MAX;
    for (unsigned i = 0; i < elf_phnum(img); i++) {
        const uint8_t *ph = elf_phdr(img, i);
        if (rd32(ph) == PT_LOAD_ && rd64(ph + 40) && rd64(ph + 16) < lo)
            lo = rd64(ph + 16);
    }
    if (lo != UINT64_MAX)
        *bias = base - EMU_PAGE_DOWN(lo);
    return 0;
}

int emu_elf_extent(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                   const struct emu_load_opts *opts, uint64_t *end)
{
    uint64_t bias;
    if (check_ehdr(p, path, img, size) || check_interp(p, path, img, size) ||
        load_bias(p, path, img, opts, &bias))
        return -1;
    *end = 0;
    for (unsigned i = 0; i < elf_phnum(img); i++) {
        const uint8_t *ph = elf_phdr(img, i);
        uint64_t vaddr = rd64(ph + 16) + bias, memsz = rd64(ph + 40);
        if (rd32(ph) != PT_LOAD_ || memsz == 0)
            continue;
        if (vaddr < bias || memsz > UINT64_MAX - vaddr)
            return emu_load_fail(p, path, "program header %u: segment does not fit in the address space", i);
        if (vaddr + memsz > *end)
            *end = vaddr + memsz;
    }
    if (*end == 0)
        return emu_load_fail(p, path, "no PT_LOAD segment");
    return 0;
}

int emu_elf_load(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                 const struct emu_load_opts *opts, struct emu_image *out)
{
    if (check_ehdr(p, path, img, size) || check_interp(p, path, img, size))
        return -1;
    unsigned phnum = elf_phnum(img);
    int is_pie = rd16(img + 16) == ET_DYN_;
    uint64_t bias;
    if (load_bias(p, path, img, opts, &bias))
        return -1;
    struct seg *segs = malloc(phnum * sizeof *segs);
    if (!segs)
        return emu_load_fail(p, path, "out of memory");
    int rc = -1;
    int n = collect_segments(p, path, img, size, bias, segs);
    if (n < 0)
        goto out;
    uint64_t entry = rd64(img + 24) + bias;
    int entry_ok = 0;
    for (int k = 0; k < n; k++)
        if ((segs[k].flags & PF_X_) && entry >= segs[k].start && entry < segs[k].end)
            entry_ok = 1;
    if (!entry_ok) {
        emu_load_fail(p, path, "entry point 0x%" PRIx64 " (e_entry at offset 0x18) is not inside an executable "
                      "segment", entry);
        goto out;
    }
    if (map_segments(p, path, img, segs, n))
        goto out;
    if (is_pie && apply_relocations(p, path, img, bias))
        goto out;
    struct emu_mem *m = &p->mem;
    m->brk_start = m->brk = EMU_PAGE_UP(segs[n - 1].end);
    /* An image placed above the mmap area may grow its break up to the stack; the brk syscall
     * checks for collisions page by page. */
    m->brk_limit = m->brk_start <= m->mmap_base ? m->mmap_base : m->stack_top - m->stack_size;
    out->entry = entry;
    out->phdr = find_phdr(img, bias, segs, n);
    out->phnum = phnum;
    out->phdr_bytes = img + rd64(img + 32);
    rc = 0;
out:
    free(segs);
    return rc;
}
