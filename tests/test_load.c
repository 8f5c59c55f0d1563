/* test_load.c: the program loader. ELF images are built byte by byte in the test (a valid ET_EXEC
 * and static-pie, then one corruption per bad case), written to a temp file and loaded; flat
 * binaries likewise. The initial stack is checked word by word against Linux's layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu_hwcap.h"
#include "emu_load.h"

#define FILE_SIZE 0x1200
#define EXEC_BASE 0x400000ull
#define PIE_BASE  0x10000000ull /* the loader's default static-pie bias */
#define INTERP    "/lib/ld-linux-aarch64.so.1"

/* Offsets in the test image. */
enum { PH0 = 64, PH1 = PH0 + 56, PH2 = PH1 + 56, PH3 = PH2 + 56, INTERP_OFF = 0x200, DYN_OFF = 0x300,
       RELA_OFF = 0x380, CODE_OFF = 0x1000, DATA_OFF = 0x1100 };

struct fixture {
    struct emu_proc p;
    char dir[64];
    char path[96];
    uint8_t img[FILE_SIZE];
};

static void put16(uint8_t *b, uint16_t v) { b[0] = (uint8_t)v; b[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *b, uint32_t v) { put16(b, (uint16_t)v); put16(b + 2, (uint16_t)(v >> 16)); }
static void put64(uint8_t *b, uint64_t v) { put32(b, (uint32_t)v); put32(b + 4, (uint32_t)(v >> 32)); }

static void phdr(uint8_t *ph, uint32_t type, uint32_t flags, uint64_t off, uint64_t vaddr, uint64_t filesz,
                 uint64_t memsz)
{
    put32(ph, type);
    put32(ph + 4, flags);
    put64(ph + 8, off);
    put64(ph + 16, vaddr);
    put64(ph + 24, vaddr);
    put64(ph + 32, filesz);
    put64(ph + 40, memsz);
    put64(ph + 48, 0x1000);
}

/* A valid static AArch64 executable: a text segment holding the headers and code, and a data
 * segment with bss on the next pages. `pie`: ET_DYN linked at 0 with a DT_RELA table. */
static void make_elf(uint8_t *img, int pie)
{
    uint64_t base = pie ? 0 : EXEC_BASE;
    memset(img, 0, FILE_SIZE);
    memcpy(img, "\x7f" "ELF\x02\x01\x01", 7);
    put16(img + 16, pie ? 3 : 2);       /* e_type */
    put16(img + 18, 183);               /* EM_AARCH64 */
    put32(img + 20, 1);
    put64(img + 24, base + CODE_OFF);   /* e_entry */
    put64(img + 32, PH0);               /* e_phoff */
    put16(img + 52, 64);
    put16(img + 54, 56);
    put16(img + 56, pie ? 3 : 2);       /* e_phnum */
    phdr(img + PH0, 1, 5, 0, base, DATA_OFF, DATA_OFF);                      /* R X */
    phdr(img + PH1, 1, 6, DATA_OFF, base + 0x11100, 0x100, 0x2000);         /* R W + bss */
    put32(img + CODE_OFF, 0xd2800ba8);     /* mov x8, #93 */
    put32(img + CODE_OFF + 4, 0xd4000001); /* svc #0 */
    memset(img + DATA_OFF, 0xab, 0x100);
    if (pie) {
        phdr(img + PH2, 2, 6, DYN_OFF, DYN_OFF, 0x40, 0x40);                 /* PT_DYNAMIC */
        uint64_t dyn[8] = {7, RELA_OFF, 8, 48, 9, 24, 0, 0};                 /* RELA, RELASZ, RELAENT */
        for (int i = 0; i < 8; i++)
            put64(img + DYN_OFF + 8 * i, dyn[i]);
        put64(img + RELA_OFF, 0x11108);       /* R_AARCH64_RELATIVE: *0x11108 = base + 0x1000 */
        put64(img + RELA_OFF + 8, 1027);
        put64(img + RELA_OFF + 16, 0x1000);
        put64(img + RELA_OFF + 24, 0x11110); /* R_AARCH64_NONE: ignored */
        put64(img + RELA_OFF + 32, 0);
        put64(img + RELA_OFF + 40, 0x5555);
    }
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/temu-test-load-XXXXXX");
    if (!mkdtemp(f->dir) || emu_proc_init(&f->p, 0)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/prog", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    emu_proc_free(&f->p);
    unlink(f->path);
    rmdir(f->dir);
    free(f);
    return 0;
}

static void write_file(const char *path, const void *b, size_t n)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(b, 1, n, fp), n);
    fclose(fp);
}

static int load(struct fixture *f, size_t n, const struct emu_load_opts *o)
{
    write_file(f->path, f->img, n);
    char *argv[] = {"prog", NULL};
    char *envp[] = {NULL};
    return emu_load(&f->p, f->path, argv, envp, o);
}

/* Load the corrupted image and expect failure with `frag` and the file name in the one-line message. */
static void expect_bad(struct fixture *f, size_t n, const char *frag)
{
    int rc = load(f, n, NULL);
    if (rc != -1 || !strstr(f->p.err, frag) || !strstr(f->p.err, f->path) || strchr(f->p.err, '\n'))
        fail_msg("expected failure with \"%s\", got rc %d: \"%s\"", frag, rc, f->p.err);
}

static uint64_t rd64(struct emu_proc *p, uint64_t a)
{
    uint64_t v = 0;
    assert_int_equal(emu_mem_read(&p->mem, a, &v, 8), 0);
    return v;
}

static void assert_guest_str(struct emu_proc *p, uint64_t a, const char *s)
{
    char buf[256];
    int64_t n = emu_mem_strlen(&p->mem, a, sizeof buf);
    assert_true(n >= 0);
    emu_mem_copy_out(&p->mem, a, buf, (uint64_t)n + 1);
    assert_string_equal(buf, s);
}

static void test_exec_loads(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 0);
    assert_int_equal(load(f, FILE_SIZE, NULL), 0);
    struct emu_proc *p = &f->p;
    assert_int_equal(p->st.pc, EXEC_BASE + CODE_OFF);
    assert_int_equal(p->entry, EXEC_BASE + CODE_OFF);
    assert_int_equal(p->st.tpidr, 0);
    assert_int_equal(p->phdr, EXEC_BASE + PH0); /* the headers are inside the text segment */
    assert_int_equal(p->phnum, 2);
    uint32_t w = 0;
    assert_int_equal(emu_mem_fetch(&p->mem, EXEC_BASE + CODE_OFF, &w), 0);
    assert_int_equal(w, 0xd2800ba8);
    /* Text: R X, not writable. Data: R W, not executable; file bytes, then zeroed bss. */
    assert_int_equal(emu_mem_write(&p->mem, EXEC_BASE + CODE_OFF, &w, 4), -1);
    assert_int_equal(rd64(p, EXEC_BASE + 0x11100), 0xababababababababull);
    assert_int_equal(rd64(p, EXEC_BASE + 0x11200), 0);
    assert_int_equal(rd64(p, EXEC_BASE + 0x130f8), 0);
    assert_int_equal(emu_mem_write(&p->mem, EXEC_BASE + 0x130f8, &w, 4), 0);
    assert_int_equal(emu_mem_fetch(&p->mem, EXEC_BASE + 0x11100, &w), -1);
    assert_int_equal(p->mem.brk_start, EXEC_BASE + 0x14000);
    assert_int_equal(p->mem.brk, p->mem.brk_start);
    assert_int_equal(p->mem.brk_limit, EMU_MMAP_BASE);
    assert_int_equal(p->fds[0], 0);
    assert_int_equal(p->fds[2], 2);
    assert_int_equal(p->fds[3], -1);
}

/* Walk the initial stack word by word. */
static void test_initial_stack(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 0);
    write_file(f->path, f->img, FILE_SIZE);
    char *argv[] = {"prog", "first arg", "", NULL};
    char *envp[] = {"A=1", "PATH=/bin", NULL};
    struct emu_proc *p = &f->p;
    assert_int_equal(emu_load(p, f->path, argv, envp, NULL), 0);
    uint64_t sp = p->st.x[31];
    assert_int_equal(sp % 16, 0);
    assert_true(sp < EMU_STACK_TOP && sp > EMU_STACK_TOP - EMU_STACK_SIZE);
    assert_int_equal(rd64(p, sp), 3);
    uint64_t q = sp + 8;
    for (int i = 0; i < 3; i++, q += 8)
        assert_guest_str(p, rd64(p, q), argv[i]);
    assert_int_equal(rd64(p, q), 0);
    q += 8;
    for (int i = 0; i < 2; i++, q += 8)
        assert_guest_str(p, rd64(p, q), envp[i]);
    assert_int_equal(rd64(p, q), 0);
    q += 8;
    /* auxv: the exact keys and values we promise, then AT_NULL. */
    uint64_t seen[64] = {0};
    uint64_t val[64] = {0};
    int n = 0;
    for (;; q += 16, n++) {
        uint64_t k = rd64(p, q), v = rd64(p, q + 8);
        assert_true(k < 64);
        if (k == 0) {
            assert_int_equal(v, 0);
            break;
        }
        assert_int_equal(seen[k], 0); /* no key twice */
        seen[k] = 1;
        val[k] = v;
    }
    assert_true(n >= 15);
    assert_int_equal(val[3], EXEC_BASE + PH0); /* AT_PHDR */
    assert_int_equal(val[4], 56);              /* AT_PHENT */
    assert_int_equal(val[5], 2);               /* AT_PHNUM */
    assert_int_equal(val[6], 4096);            /* AT_PAGESZ */
    assert_int_equal(val[9], EXEC_BASE + CODE_OFF); /* AT_ENTRY */
    assert_int_equal(val[11], getuid());
    assert_int_equal(val[12], geteuid());
    assert_int_equal(val[13], getgid());
    assert_int_equal(val[14], getegid());
    assert_int_equal(val[16], emu_hwcap());    /* AT_HWCAP: the implemented features only */
    assert_int_equal(val[17], 100);            /* AT_CLKTCK */
    assert_true(seen[23] && val[23] == 0);     /* AT_SECURE */
    assert_true(seen[25]);                     /* AT_RANDOM: 16 readable bytes on the stack */
    assert_true(val[25] > q && val[25] + 16 <= EMU_STACK_TOP);
    uint8_t rnd[16];
    assert_int_equal(emu_mem_copy_out(&p->mem, val[25], rnd, 16), 0);
    assert_guest_str(p, val[31], f->path);     /* AT_EXECFN */
    assert_guest_str(p, val[15], "aarch64");   /* AT_PLATFORM */
    /* Strings sit at the top: the file name last, then one zero word. */
    assert_int_equal(val[31] + strlen(f->path) + 1, EMU_STACK_TOP - 8);
    assert_int_equal(rd64(p, EMU_STACK_TOP - 8), 0);
    /* The stack is RW and not executable; above it nothing is mapped. */
    uint32_t w = 0;
    assert_int_equal(emu_mem_fetch(&p->mem, sp, &w), -1);
    assert_int_equal(emu_mem_read(&p->mem, EMU_STACK_TOP, &w, 4), -1);
    assert_int_equal(emu_mem_write(&p->mem, EMU_STACK_TOP - EMU_STACK_SIZE, &w, 4), 0);
}

static void test_static_pie(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 1);
    assert_int_equal(load(f, FILE_SIZE, NULL), 0);
    struct emu_proc *p = &f->p;
    assert_int_equal(p->st.pc, PIE_BASE + CODE_OFF);
    assert_int_equal(rd64(p, PIE_BASE + 0x11108), PIE_BASE + 0x1000); /* relocated */
    assert_int_equal(rd64(p, PIE_BASE + 0x11110), 0xababababababababull); /* NONE left alone */
    assert_int_equal(p->phdr, PIE_BASE + PH0);
    assert_int_equal(p->mem.brk_start, PIE_BASE + 0x14000);
}

static void test_static_pie_base(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 1);
    struct emu_load_opts o = {.pie_base = 0x20000000};
    assert_int_equal(load(f, FILE_SIZE, &o), 0);
    assert_int_equal(f->p.st.pc, 0x20000000 + CODE_OFF);
    assert_int_equal(rd64(&f->p, 0x20000000 + 0x11108), 0x20000000 + 0x1000);
    o.pie_base = 0x20000800;
    emu_proc_free(&f->p);
    emu_proc_init(&f->p, 0);
    assert_int_equal(load(f, FILE_SIZE, &o), -1);
    assert_non_null(strstr(f->p.err, "not page aligned"));
}

/* Program headers outside every segment: the stack gets a copy, so AT_PHDR still works. */
static void test_phdr_copied_to_stack(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 0);
    phdr(f->img + PH0, 1, 5, CODE_OFF, EXEC_BASE + CODE_OFF, 0x100, 0x100);
    assert_int_equal(load(f, FILE_SIZE, NULL), 0);
    struct emu_proc *p = &f->p;
    assert_true(p->phdr > EMU_STACK_TOP - EMU_STACK_SIZE && p->phdr < EMU_STACK_TOP);
    uint8_t b[112];
    assert_int_equal(emu_mem_copy_out(&p->mem, p->phdr, b, sizeof b), 0);
    assert_memory_equal(b, f->img + PH0, sizeof b);
}

static void test_flat_binary(void **state)
{
    struct fixture *f = *state;
    const uint8_t code[8] = {0xa8, 0x0b, 0x80, 0xd2, 0x01, 0x00, 0x00, 0xd4};
    memcpy(f->img, code, sizeof code);
    assert_int_equal(load(f, sizeof code, NULL), 0);
    struct emu_proc *p = &f->p;
    assert_int_equal(p->st.pc, EMU_FLAT_BASE);
    uint32_t w = 0;
    assert_int_equal(emu_mem_fetch(&p->mem, EMU_FLAT_BASE + 4, &w), 0);
    assert_int_equal(w, 0xd4000001);
    /* The whole region is zero-filled RWX; the page after it is not mapped. */
    uint64_t end = EMU_FLAT_BASE + EMU_FLAT_SIZE;
    assert_int_equal(emu_mem_write(&p->mem, end - 4, &w, 4), 0);
    assert_int_equal(emu_mem_fetch(&p->mem, end - 4, &w), 0);
    assert_int_equal(emu_mem_read(&p->mem, end, &w, 4), -1);
    assert_int_equal(p->mem.brk_start, end);
    assert_int_equal(p->st.x[31] % 16, 0);
    assert_int_equal(rd64(p, p->st.x[31]), 1);
    assert_int_equal(p->phnum, 0);
}

static void test_flat_options(void **state)
{
    struct fixture *f = *state;
    memset(f->img, 0x11, FILE_SIZE);
    f->img[0] = 0; /* no ELF magic */
    struct emu_load_opts o = {.flat_base = 0x800000, .flat_size = 0x2000};
    assert_int_equal(load(f, FILE_SIZE, &o), 0);
    assert_int_equal(f->p.st.pc, 0x800000);
    emu_proc_free(&f->p);
    emu_proc_init(&f->p, 0);
    o.flat_size = 0x1000; /* smaller than the file */
    assert_int_equal(load(f, FILE_SIZE, &o), -1);
    assert_non_null(strstr(f->p.err, "does not fit"));
    emu_proc_free(&f->p);
    emu_proc_init(&f->p, 0);
    o = (struct emu_load_opts){.flat_base = 0x7f000000};
    assert_int_equal(load(f, FILE_SIZE, &o), -1);
    assert_non_null(strstr(f->p.err, "overlaps the stack"));
}

static void test_bad_files(void **state)
{
    struct fixture *f = *state;
    char *argv[] = {"x", NULL};
    assert_int_equal(emu_load(&f->p, "/nonexistent/temu/prog", argv, NULL, NULL), -1);
    assert_non_null(strstr(f->p.err, "/nonexistent/temu/prog: cannot open: No such file"));
    assert_int_equal(emu_load(&f->p, f->dir, argv, NULL, NULL), -1);
    assert_non_null(strstr(f->p.err, "is a directory"));
    expect_bad(f, 0, "empty file");
    make_elf(f->img, 0);
    expect_bad(f, 40, "truncated ELF header (40 of 64 bytes)");
    expect_bad(f, 10, "truncated ELF header");
}

static void test_bad_headers(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 0);
    f->img[4] = 1;
    expect_bad(f, FILE_SIZE, "32-bit ELF");
    make_elf(f->img, 0);
    f->img[5] = 2;
    expect_bad(f, FILE_SIZE, "big-endian");
    make_elf(f->img, 0);
    put16(f->img + 18, 62);
    expect_bad(f, FILE_SIZE, "ELF machine x86-64 (e_machine 62)");
    make_elf(f->img, 0);
    put16(f->img + 18, 40);
    expect_bad(f, FILE_SIZE, "32-bit ARM");
    make_elf(f->img, 0);
    put16(f->img + 16, 1);
    expect_bad(f, FILE_SIZE, "ET_REL");
    make_elf(f->img, 0);
    put16(f->img + 16, 4);
    expect_bad(f, FILE_SIZE, "ET_CORE");
    make_elf(f->img, 0);
    put16(f->img + 54, 32);
    expect_bad(f, FILE_SIZE, "e_phentsize 32");
    make_elf(f->img, 0);
    put16(f->img + 56, 0);
    expect_bad(f, FILE_SIZE, "no program headers");
    make_elf(f->img, 0);
    put64(f->img + 32, FILE_SIZE - 100); /* two entries need 112 bytes */
    expect_bad(f, FILE_SIZE, "program headers at offset 0x119c");
    make_elf(f->img, 0);
    put64(f->img + 32, UINT64_MAX - 8);
    expect_bad(f, FILE_SIZE, "extend past the end of the file");
}

static void test_dynamic_elf(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 0);
    put16(f->img + 56, 3);
    memcpy(f->img + INTERP_OFF, INTERP, sizeof INTERP);
    phdr(f->img + PH2, 3, 4, INTERP_OFF, EXEC_BASE + INTERP_OFF, sizeof INTERP, sizeof INTERP);
    expect_bad(f, FILE_SIZE, "dynamically linked ELF is not supported (interpreter " INTERP "); link with -static");
    /* Also for ET_DYN: a PIE with an interpreter is an ordinary dynamic executable. */
    put16(f->img + 16, 3);
    expect_bad(f, FILE_SIZE, "dynamically linked");
}

static void test_bad_segments(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 0);
    put64(f->img + PH1 + 8, FILE_SIZE - 0x80); /* p_offset: 0x100 bytes from 0x80 before the end */
    expect_bad(f, FILE_SIZE, "program header 1: file range [0x1180, +0x100) is outside the file");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 8, UINT64_MAX - 0x10);
    expect_bad(f, FILE_SIZE, "outside the file");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 40, 0x80); /* memsz < filesz */
    expect_bad(f, FILE_SIZE, "program header 1: p_filesz 0x100 > p_memsz 0x80");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 16, EXEC_BASE + 0x800); /* inside the text segment */
    expect_bad(f, FILE_SIZE, "overlap");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 16, 0xfffff000); /* runs past 4 GiB */
    expect_bad(f, FILE_SIZE, "outside the guest address space");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 16, 0x1000); /* below the lowest mappable address */
    expect_bad(f, FILE_SIZE, "outside the guest address space");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 16, EMU_STACK_TOP - 0x1000);
    expect_bad(f, FILE_SIZE, "overlaps the stack");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 40, UINT64_MAX - 0x1000); /* huge memsz */
    expect_bad(f, FILE_SIZE, "does not fit in the address space");
    make_elf(f->img, 0);
    put64(f->img + PH1 + 16, UINT64_MAX - 0xfff); /* vaddr + memsz wraps */
    expect_bad(f, FILE_SIZE, "does not fit in the address space");
    make_elf(f->img, 0);
    put32(f->img + PH0, 4); /* PT_NOTE */
    put32(f->img + PH1, 4);
    expect_bad(f, FILE_SIZE, "no PT_LOAD segment");
    make_elf(f->img, 0);
    put64(f->img + 24, EXEC_BASE + 0x11100); /* entry in the data segment */
    expect_bad(f, FILE_SIZE, "entry point 0x411100");
    make_elf(f->img, 0);
    put64(f->img + 24, 0x12345678);
    expect_bad(f, FILE_SIZE, "not inside an executable segment");
}

/* Segments that share a page at their boundary are fine: the page gets both permissions. */
static void test_shared_boundary_page(void **state)
{
    struct fixture *f = *state;
    make_elf(f->img, 0);
    put64(f->img + PH1 + 16, EXEC_BASE + 0x1100); /* data starts right after text, same page */
    assert_int_equal(load(f, FILE_SIZE, NULL), 0);
    struct emu_proc *p = &f->p;
    uint32_t w = 0;
    assert_int_equal(emu_mem_fetch(&p->mem, EXEC_BASE + CODE_OFF, &w), 0);
    assert_int_equal(w, 0xd2800ba8);
    assert_int_equal(rd64(p, EXEC_BASE + 0x1100), 0xababababababababull);
    assert_int_equal(emu_mem_write(&p->mem, EXEC_BASE + 0x1200, &w, 4), 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_exec_loads),   T(test_initial_stack),        T(test_static_pie),
        T(test_static_pie_base), T(test_phdr_copied_to_stack), T(test_flat_binary),
        T(test_flat_options), T(test_bad_files),            T(test_bad_headers),
        T(test_dynamic_elf),  T(test_bad_segments),         T(test_shared_boundary_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
