/* emu_stack.c: the initial process stack, laid out as Linux's exec does (fs/binfmt_elf.c).
 *
 * From the top of the stack down: an 8-byte zero word, the exec file name, the environment strings,
 * the argument strings, then (16-byte aligned) the platform string and 16 AT_RANDOM bytes, then the
 * pointer block aligned so that sp, which points at argc, is 16-byte aligned:
 *     sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs..., AT_NULL, 0
 */
#include "emu_hwcap.h"
#include "emu_load_int.h"

#include <inttypes.h>
#include <stdlib.h>
#include <sys/random.h>
#include <unistd.h>

enum {
    AT_NULL_ = 0, AT_PHDR_ = 3, AT_PHENT_ = 4, AT_PHNUM_ = 5, AT_PAGESZ_ = 6, AT_BASE_ = 7, AT_FLAGS_ = 8,
    AT_ENTRY_ = 9, AT_UID_ = 11, AT_EUID_ = 12, AT_GID_ = 13, AT_EGID_ = 14, AT_PLATFORM_ = 15,
    AT_HWCAP_ = 16, AT_CLKTCK_ = 17, AT_SECURE_ = 23, AT_RANDOM_ = 25, AT_HWCAP2_ = 26, AT_EXECFN_ = 31,
};

#define EMU_PLATFORM "aarch64"
#define AUXV_PAIRS 19

static uint64_t count_vec(char *const v[])
{
    uint64_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* Push a NUL-terminated string below *sp and return its guest address. */
static uint64_t push_str(struct emu_mem *m, uint64_t *sp, const char *s)
{
    size_t n = strlen(s) + 1;
    *sp -= n;
    emu_mem_poke(m, *sp, s, n);
    return *sp;
}

static void put64(uint8_t *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
}

int emu_stack_build(struct emu_proc *p, const char *path, char *const argv[], char *const envp[],
                    const struct emu_image *img)
{
    struct emu_mem *m = &p->mem;
    const uint64_t top = m->stack_top, lo = top - m->stack_size;
    /* Like Linux's limit of a quarter of the stack rlimit for arguments and environment. */
    const uint64_t arg_max = m->stack_size / 4;
    char *const default_argv[] = {(char *)path, NULL};
    if (!argv || !argv[0])
        argv = default_argv;
    uint64_t argc = count_vec(argv), envc = count_vec(envp);

    /* Size everything first, so a huge argument list fails cleanly instead of writing past the stack. */
    uint64_t bytes = strlen(path) + 1;
    for (uint64_t i = 0; i < argc && bytes <= arg_max; i++)
        bytes += strlen(argv[i]) + 1 + 8;
    for (uint64_t i = 0; i < envc && bytes <= arg_max; i++)
        bytes += strlen(envp[i]) + 1 + 8;
    if (bytes > arg_max)
        return emu_load_fail(p, path, "argument list and environment too long (more than %" PRIu64 " bytes)",
                             arg_max);
    if (m->size < top)
        return emu_load_fail(p, path, "guest window of 0x%" PRIx64 " bytes has no room for the stack at 0x%" PRIx64,
                             m->size, top);
    if (emu_mem_map(m, lo, m->stack_size, EMU_PERM_R | EMU_PERM_W))
        return emu_load_fail(p, path, "cannot map the stack");

    uint8_t rnd[16];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
        return emu_load_fail(p, path, "cannot get random bytes for AT_RANDOM");

    uint64_t words = 1 + argc + 1 + envc + 1 + 2 * AUXV_PAIRS;
    uint8_t *vec = calloc(words, 8);
    if (!vec)
        return emu_load_fail(p, path, "out of memory");

    uint64_t sp = top - 8;
    uint64_t execfn = push_str(m, &sp, path);
    for (uint64_t i = envc; i-- > 0;)
        put64(vec + 8 * (1 + argc + 1 + i), push_str(m, &sp, envp[i]));
    p->env_start = sp, p->env_end = execfn;
    for (uint64_t i = argc; i-- > 0;)
        put64(vec + 8 * (1 + i), push_str(m, &sp, argv[i]));
    p->arg_start = sp, p->arg_end = p->env_start;
    sp &= ~15ull;
    uint64_t platform = push_str(m, &sp, EMU_PLATFORM);
    uint64_t phdr = img->phdr;
    if (!phdr && img->phnum) {
        /* The headers are not in any segment; a copy still lets the runtime find PT_TLS. */
        sp = (sp - img->phnum * EMU_ELF_PHENT) & ~7ull;
        emu_mem_poke(m, sp, img->phdr_bytes, img->phnum * EMU_ELF_PHENT);
        phdr = sp;
    }
    sp -= sizeof rnd;
    emu_mem_poke(m, sp, rnd, sizeof rnd);
    uint64_t random = sp;

    put64(vec, argc);
    const uint64_t aux[AUXV_PAIRS][2] = {
        {AT_HWCAP_, emu_hwcap()},  {AT_PAGESZ_, EMU_PAGE_SIZE},   {AT_CLKTCK_, 100},
        {AT_PHDR_, phdr},        {AT_PHENT_, EMU_ELF_PHENT},     {AT_PHNUM_, img->phnum},
        {AT_BASE_, 0},           {AT_FLAGS_, 0},                 {AT_ENTRY_, img->entry},
        {AT_UID_, getuid()},     {AT_EUID_, geteuid()},          {AT_GID_, getgid()},
        {AT_EGID_, getegid()},   {AT_SECURE_, 0},                {AT_RANDOM_, random},
        {AT_HWCAP2_, 0},         {AT_EXECFN_, execfn},           {AT_PLATFORM_, platform},
        {AT_NULL_, 0},
    };
    uint8_t *a = vec + 8 * (1 + argc + 1 + envc + 1);
    for (int i = 0; i < AUXV_PAIRS; i++) {
        put64(a + 16 * i, aux[i][0]);
        put64(a + 16 * i + 8, aux[i][1]);
    }
    sp = (sp - words * 8) & ~15ull;
    emu_mem_poke(m, sp, vec, words * 8);
    free(vec);

    p->st.x[A64_REG_SP] = sp;
    p->start_stack = sp;
    p->auxv_start = sp + 8 * (1 + argc + 1 + envc + 1);
    p->auxv_end = p->auxv_start + 16 * AUXV_PAIRS;
    p->st.pc = img->entry;
    p->entry = img->entry;
    p->phdr = phdr;
    p->phnum = img->phnum;
    return 0;
}
