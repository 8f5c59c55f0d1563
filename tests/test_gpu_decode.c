/* test_gpu_decode.c: kernel decode_batch gives records bit-identical (memcmp) to a64_decode() on
 * the host, for 1,000,000 random words and every word of a set of interesting encodings; once with
 * the program built from source and once loaded as SPIR-V where the device takes IL. Also: the
 * binary cache (hit, and corrupt entries rebuilt), the "no device" line, and the device listing.
 * With no OpenCL device at all the device tests skip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "a64_decode.h"

#ifdef TEMU_HAVE_GPU
#include "gpu_cl.h"
#include "gpu_decode.h"

#define RANDOM_WORDS 1000000u

struct fixture {
    struct gpu_cl cl;
    char cache_dir[64];
    char cache_sub[80];    /* cache_dir/temu: the program cache (struct gpu_cl_cfg's cache_dir) */
    uint32_t *words;
    size_t n;
    struct a64_insn *want; /* the host decoder's records */
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void push(uint32_t *w, size_t *n, uint32_t word)
{
    w[(*n)++] = word;
}

/* Words that walk the corners of the encoding space, so a table line or layout the random words
 * miss still gets compared. Returns how many were written (at most `cap`). */
static size_t interesting_words(uint32_t *w, size_t cap)
{
    size_t n = 0;
    uint64_t seed = 0x1234567u;
    /* Every value of bits [31:21] (they select nearly every encoding class), with register fields
     * 0 and 31 and immediates all-zero, all-one and random. */
    static const uint32_t low[] = {0x000000, 0x1fffff, 0x00001f, 0x0003e0, 0x00fc00, 0x1f0000,
                                   0x1f03ff, 0x0003ff, 0x1ffc00, 0x155555, 0x0aaaaa, 0x000c00};
    for (uint32_t hi = 0; hi < 2048; hi++) {
        for (size_t i = 0; i < sizeof low / sizeof low[0]; i++)
            push(w, &n, hi << 21 | low[i]);
        for (int r = 0; r < 8; r++)
            push(w, &n, hi << 21 | (uint32_t)(xorshift(&seed) & 0x1fffff));
    }
    /* Logical immediates: every N:immr:imms for AND/ORR/EOR/ANDS, 32- and 64-bit (reserved
     * patterns included: they must be UNDEF on both sides). */
    for (uint32_t opc = 0; opc < 8; opc++)               /* sf:opc */
        for (uint32_t bits = 0; bits < 8192; bits++)     /* N:immr:imms */
            push(w, &n, (opc >> 2) << 31 | (opc & 3) << 29 | 0x12000000u | bits << 10 | 0x3e1);
    /* Bitfield moves: every immr/imms of SBFM, BFM, UBFM, 32- and 64-bit, N right and wrong. */
    for (uint32_t sf = 0; sf < 2; sf++)
        for (uint32_t opc = 0; opc < 4; opc++)
            for (uint32_t nbit = 0; nbit < 2; nbit++)
                for (uint32_t ir = 0; ir < 4096; ir += 7)
                    push(w, &n, sf << 31 | opc << 29 | 0x13000000u | nbit << 22 | ir << 10 | 0x22);
    /* System space: every op0:op1:CRn:CRm:op2 for MRS and MSR (register), plus hints and barriers
     * (CRm:op2 for each CRn/op1 of the hint and barrier groups). */
    for (uint32_t l = 0; l < 2; l++)
        for (uint32_t sys = 0; sys < 65536; sys++)
            push(w, &n, 0xd5100000u | l << 21 | sys << 5 | 3);
    for (uint32_t sys = 0; sys < 16384; sys++)
        push(w, &n, 0xd5000000u | sys << 5 | 0x1f);
    /* Every condition for B.cond, CSEL family and CCMP/CCMN, and bit 4 of B.cond set. */
    for (uint32_t c = 0; c < 16; c++) {
        push(w, &n, 0x54000000u | c);                /* b.<c> .+0 */
        push(w, &n, 0x54000010u | c);                /* b.cond with o0 set: unallocated */
        push(w, &n, 0x9a820020u | c << 12);          /* csel x0, x1, x2, <c> */
        push(w, &n, 0xda820420u | c << 12);          /* csneg x0, x1, x2, <c> */
        push(w, &n, 0xfa421825u | c << 12);          /* ccmp x1, #2, #5, <c> */
        push(w, &n, 0x3a421025u | c << 12);          /* ccmn w1, w2, #5, <c> */
    }
    /* Loads and stores: every size:opc and index mode of the immediate and register forms. */
    for (uint32_t top = 0; top < 1024; top++)        /* bits [31:22] */
        for (uint32_t mode = 0; mode < 4; mode++)    /* bits [11:10] */
            push(w, &n, 0x38000000u | (top & 0x3c3) << 22 | mode << 10 | 0x3e1);
    /* A few spelled-out corner cases. */
    static const uint32_t named[] = {
        0x910003ffu, /* mov sp, sp (add sp, sp, #0) */
        0xaa1f03e0u, /* mov x0, xzr (orr) */
        0xd503201fu, /* nop */
        0xd65f03c0u, /* ret */
        0xd4000001u, /* svc #0 */
        0xd53b4200u, /* mrs x0, nzcv */
        0xd51bd040u, /* msr tpidr_el0, x0 */
        0xf2a00020u, /* movk x0, #1, lsl #16 */
        0x12800000u, /* mov w0, #-1 (movn) */
        0x9ac10c20u, /* sdiv x0, x1, x1 */
        0x00000000u, /* udf #0 */
        0xffffffffu,
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        push(w, &n, named[i]);
    assert_true(n <= cap);
    return n;
}

/* Print a failing record pair so a mismatch names the word and the fields. */
static void print_mismatch(uint32_t word, const struct a64_insn *cpu, const struct a64_insn *gpu)
{
    fprintf(stderr, "mismatch for word 0x%08x:\n", word);
    const struct a64_insn *r[2] = {cpu, gpu};
    for (int i = 0; i < 2; i++)
        fprintf(stderr, "  %s: op %u rd %u rn %u rm %u ra %u sf %u size %u shift %u amount %u cond %u "
                "nzcv %u immr %u imms %u res %u flags 0x%x word 0x%08x imm 0x%llx\n",
                i ? "gpu" : "cpu", r[i]->op, r[i]->rd, r[i]->rn, r[i]->rm, r[i]->ra, r[i]->sf,
                r[i]->size, r[i]->shift, r[i]->amount, r[i]->cond, r[i]->nzcv, r[i]->immr, r[i]->imms,
                r[i]->reserved, r[i]->flags, r[i]->word, (unsigned long long)r[i]->imm);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    /* A fresh cache per run: the first build of each path really compiles, the later ones hit. */
    snprintf(f->cache_dir, sizeof f->cache_dir, "/tmp/temu-gpu-test-XXXXXX");
    assert_non_null(mkdtemp(f->cache_dir));
    snprintf(f->cache_sub, sizeof f->cache_sub, "%s/temu", f->cache_dir);

    size_t cap = RANDOM_WORDS + 400000;
    f->words = malloc(cap * sizeof *f->words);
    assert_non_null(f->words);
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < RANDOM_WORDS; i++)
        f->words[f->n++] = (uint32_t)(xorshift(&seed) >> 16);
    f->n += interesting_words(f->words + f->n, cap - f->n);
    f->want = malloc(f->n * sizeof *f->want);
    assert_non_null(f->want);
    memset(f->want, 0x5a, f->n * sizeof *f->want); /* a field left unwritten would show */
    for (size_t i = 0; i < f->n; i++)
        a64_decode(f->words[i], &f->want[i]);

    struct gpu_cl_cfg cfg = {.device = -1, .cache_dir = f->cache_sub}; /* what temu's env gives */
    int rc = gpu_cl_open(&f->cl, &cfg);
    assert_true(rc == GPU_OK || rc == GPU_NO_DEVICE);
    if (rc == GPU_NO_DEVICE)
        f->cl.device = NULL; /* the device tests skip */
    *state = f;
    return 0;
}

/* Remove the temporary cache directory and its entries. */
static void remove_cache(const char *dir)
{
    char sub[128], path[512];
    snprintf(sub, sizeof sub, "%s/temu", dir);
    DIR *d = opendir(sub);
    if (d) {
        for (struct dirent *e; (e = readdir(d)) != NULL;) {
            if (e->d_name[0] == '.')
                continue;
            snprintf(path, sizeof path, "%s/%s", sub, e->d_name);
            remove(path);
        }
        closedir(d);
    }
    rmdir(sub);
    rmdir(dir);
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    if (f->cl.device)
        gpu_cl_close(&f->cl);
    remove_cache(f->cache_dir);
    free(f->words);
    free(f->want);
    free(f);
    return 0;
}

/* Decode everything along `path` and compare with the host decoder. */
static void check_path(struct fixture *f, enum gpu_program_path path)
{
    if (!f->cl.device)
        skip();
    struct gpu_decoder d;
    double t0 = now_s();
    assert_int_equal(gpu_decode_init(&d, &f->cl, path), GPU_OK);
    double t1 = now_s();
    assert_int_equal(d.path, path);
    struct a64_insn *got = malloc(f->n * sizeof *got);
    assert_non_null(got);
    memset(got, 0xa5, f->n * sizeof *got);
    assert_int_equal(gpu_decode_words(&d, f->words, f->n, got), GPU_OK);
    double t2 = now_s();
    size_t bad = 0;
    for (size_t i = 0; i < f->n; i++)
        if (memcmp(&got[i], &f->want[i], sizeof got[i]) && bad++ < 5)
            print_mismatch(f->words[i], &f->want[i], &got[i]);
    printf("decode_batch (%s) on %s: %zu words, build %.2f s, decode %.3f s, %zu mismatches\n",
           gpu_program_path_name(path), f->cl.name, f->n, t1 - t0, t2 - t1, bad);

    /* Sizes that are not whole work-groups, and n = 0. */
    static const size_t odd[] = {1, 3, 255, 257, 1000};
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++) {
        memset(got, 0xa5, (odd[k] + 1) * sizeof *got);
        assert_int_equal(gpu_decode_words(&d, f->words + 17, odd[k], got), GPU_OK);
        assert_memory_equal(got, f->want + 17, odd[k] * sizeof *got);
        for (size_t b = 0; b < sizeof *got; b++) /* nothing written past the end */
            assert_int_equal(((unsigned char *)&got[odd[k]])[b], 0xa5);
    }
    assert_int_equal(gpu_decode_words(&d, f->words, 0, got), GPU_OK);
    free(got);
    gpu_decode_free(&d);
    assert_int_equal(bad, 0);
}

static void test_decode_from_source(void **state)
{
    check_path(*state, GPU_PROGRAM_SOURCE);
}

static void test_decode_from_spirv(void **state)
{
    struct fixture *f = *state;
    if (f->cl.device && !gpu_cl_takes_spirv(&f->cl)) {
        printf("SKIP IL half: %s reports no SPIR-V support (CL_DEVICE_IL_VERSION empty); "
               "only the source-built program was checked\n", f->cl.name);
        skip();
    }
    check_path(f, GPU_PROGRAM_IL);
}

/* IL asked of a device without it is refused with its own code, not a crash or a build error. */
static void test_il_refused_without_support(void **state)
{
    struct fixture *f = *state;
    if (!f->cl.device || gpu_cl_takes_spirv(&f->cl))
        skip();
    struct gpu_decoder d;
    assert_int_equal(gpu_decode_init(&d, &f->cl, GPU_PROGRAM_IL), GPU_UNSUPPORTED);
    f->cl.cfg.program = GPU_PROGRAM_IL; /* TEMU_CL_PROGRAM=il */
    assert_int_equal(gpu_decode_init(&d, &f->cl, GPU_PROGRAM_AUTO), GPU_UNSUPPORTED);
    f->cl.cfg.program = GPU_PROGRAM_SOURCE; /* TEMU_CL_PROGRAM=source */
    assert_int_equal(gpu_decode_init(&d, &f->cl, GPU_PROGRAM_AUTO), GPU_OK);
    assert_int_equal(d.path, GPU_PROGRAM_SOURCE);
    gpu_decode_free(&d);
    f->cl.cfg.program = GPU_PROGRAM_AUTO;
}

/* Apply `fn` to every cache entry's path; returns how many there were. */
static int for_each_entry(const struct fixture *f, void (*fn)(const char *path, size_t which), size_t which)
{
    char sub[128], path[512];
    int count = 0;
    snprintf(sub, sizeof sub, "%s/temu", f->cache_dir);
    DIR *d = opendir(sub);
    if (!d)
        return 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (!strstr(e->d_name, ".clbin"))
            continue;
        snprintf(path, sizeof path, "%s/%s", sub, e->d_name);
        fn(path, which);
        count++;
    }
    closedir(d);
    return count;
}

/* Ways to spoil an entry: bad magic, truncated header, truncated payload, one payload byte
 * flipped (only the checksum can tell). */
static void spoil(const char *path, size_t which)
{
    FILE *fp = fopen(path, "r+b");
    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    long size = ftell(fp);
    assert_true(size > 64);
    switch (which) {
    case 0: assert_int_equal(fseek(fp, 0, SEEK_SET), 0); fputs("garbage!", fp); break;
    case 1: assert_int_equal(ftruncate(fileno(fp), 12), 0); break;
    case 2: assert_int_equal(ftruncate(fileno(fp), size - 1), 0); break;
    default: {
        assert_int_equal(fseek(fp, size / 2, SEEK_SET), 0);
        int c = fgetc(fp);
        assert_int_equal(fseek(fp, size / 2, SEEK_SET), 0);
        fputc(c ^ 0x40, fp);
    }
    }
    fclose(fp);
}

/* A rebuilt entry is whole again: magic in place, more than a header. */
static void check_rebuilt(const char *path, size_t which)
{
    (void)which;
    char magic[8];
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    assert_int_equal(fread(magic, 1, 8, fp), 8);
    assert_memory_equal(magic, "TEMUCLB1", 8);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    assert_true(ftell(fp) > 64);
    fclose(fp);
}

/* A cached binary is used, and a corrupt entry is ignored and rebuilt: every time the decoder
 * still decodes correctly and the entry is whole afterwards. */
static void test_cache_hit_and_corrupt_entries(void **state)
{
    struct fixture *f = *state;
    if (!f->cl.device)
        skip();
    for (size_t s = 0; s <= 4; s++) {
        if (s > 0) /* s == 0: the entry test_decode_from_source left, a plain hit */
            assert_true(for_each_entry(f, spoil, s - 1) > 0);
        struct gpu_decoder d;
        assert_int_equal(gpu_decode_init(&d, &f->cl, GPU_PROGRAM_SOURCE), GPU_OK);
        struct a64_insn got[64];
        assert_int_equal(gpu_decode_words(&d, f->words + RANDOM_WORDS, 64, got), GPU_OK);
        assert_memory_equal(got, f->want + RANDOM_WORDS, sizeof got);
        gpu_decode_free(&d);
        assert_true(for_each_entry(f, check_rebuilt, 0) > 0);
    }
}

static void test_list_devices(void **state)
{
    struct fixture *f = *state;
    if (!f->cl.device)
        skip();
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(gpu_cl_list_devices(out), GPU_OK);
    fclose(out);
    assert_non_null(strstr(text, "platform: "));
    assert_non_null(strstr(text, "temu picks this one"));
    assert_non_null(strstr(text, f->cl.name));
    free(text);
    assert_string_equal(gpu_cl_error_name(CL_INVALID_VALUE), "CL_INVALID_VALUE");
    assert_int_equal(gpu_cl_check(CL_SUCCESS, "clFinish(q)", __FILE__, __LINE__), 0);
}

/* With an empty ICD vendor directory there is no device, and the one line says what was searched.
 * Runs in a child: the ICD loader reads its vendors once per process, and this test must run
 * before anything else in the process touches OpenCL (hence it comes first and has no fixture). */
static void test_no_device_line(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char dir[] = "/tmp/temu-no-icd-XXXXXX";
        dup2(fds[1], 2);
        if (!mkdtemp(dir))
            _exit(3);
        setenv("OCL_ICD_VENDORS", dir, 1); /* for the ICD loader */
        struct gpu_cl cl;
        struct gpu_cl_cfg cfg = {.device = -1, .icd_vendors = dir}; /* for temu's line */
        int rc = gpu_cl_open(&cl, &cfg);
        rmdir(dir);
        _exit(rc == GPU_NO_DEVICE ? 0 : 4);
    }
    close(fds[1]);
    char line[512] = "";
    ssize_t got = read(fds[0], line, sizeof line - 1);
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_true(got > 0);
    assert_non_null(strstr(line, "no OpenCL device found (searched 0 platforms via the ICD loader"));
    assert_non_null(strstr(line, "/tmp/temu-no-icd-")); /* the directory it was given */
}

int main(void)
{
    const struct CMUnitTest no_device[] = {cmocka_unit_test(test_no_device_line)};
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_from_source),
        cmocka_unit_test(test_decode_from_spirv),
        cmocka_unit_test(test_il_refused_without_support),
        cmocka_unit_test(test_cache_hit_and_corrupt_entries),
        cmocka_unit_test(test_list_devices),
    };
    int failed = cmocka_run_group_tests_name("gpu_no_device", no_device, NULL, NULL);
    return failed + cmocka_run_group_tests_name("gpu_decode", tests, setup, teardown);
}

#else /* built without OpenCL: nothing to run on */

static void test_no_opencl_build(void **state)
{
    (void)state;
    printf("SKIP: temu was built without OpenCL (no temu_gpu library)\n");
    skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_no_opencl_build)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#endif
