/* emu_proc.c: process set-up and tear-down, and the one-line messages for every kind of stop. */
#include "emu_proc.h"

#include "emu_syscall.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int emu_proc_init(struct emu_proc *p, uint64_t mem_size)
{
    memset(p, 0, sizeof *p);
    for (int i = 0; i < EMU_MAX_FDS; i++)
        p->fds[i] = i < 3 ? i : -1;
    p->shared_fd = -1;
    p->cwd_fd = -1;
    if (emu_mem_init(&p->mem, mem_size)) {
        snprintf(p->err, sizeof p->err, "cannot reserve 0x%" PRIx64 " bytes of guest memory: %s",
                 mem_size ? mem_size : (uint64_t)EMU_MEM_DEFAULT_SIZE, strerror(errno));
        return -1;
    }
    return 0;
}

void emu_proc_free(struct emu_proc *p)
{
    /* Host fds 0..2 belong to temu itself (its error line goes to stderr), whatever the guest did. */
    for (int i = 0; i < EMU_MAX_FDS; i++) {
        if (emu_proc_owns_fd(p, p->fds[i]))
            close(p->fds[i]);
        p->fds[i] = -1;
    }
    if (p->cwd_fd >= 0)
        close(p->cwd_fd);
    p->cwd_fd = -1;
    emu_mem_free(&p->mem);
}

/* What the faulting address looks like, for the parenthesis of a memory-fault line. When the engine
 * did not say which access failed, guess from the page: a fault at the pc itself is a fetch, a
 * readable page can only have failed a write. */
static void describe_fault(struct emu_proc *p, char *buf, size_t n)
{
    const struct emu_mem *m = &p->mem;
    uint64_t a = m->fault_addr;
    unsigned perm = a < m->size ? m->perm[a >> EMU_PAGE_BITS] : 0;
    unsigned kind = p->fault_access;
    if (!kind)
        kind = a == p->st.pc ? EMU_PERM_X : (perm & EMU_PERM_R) ? EMU_PERM_W : EMU_PERM_R;
    const char *what = kind == EMU_PERM_X ? "fetch from" : kind == EMU_PERM_W ? "write to" : "read of";
    const char *where;
    if (a >= m->size)
        where = "an address outside the guest window";
    else if (kind != EMU_PERM_X && m->size - a < 16 && (perm & kind) == kind)
        /* Every engine reports a load or store (at most 16 bytes) at its first byte. One that
         * starts on the window's last page, which allows it, faulted on its bytes past the end. */
        where = "memory past the end of the guest window";
    else if (!(perm & EMU_PERM_MAPPED))
        where = "unmapped memory";
    else if (kind == EMU_PERM_X && (a & 3) && (perm & EMU_PERM_X))
        where = "a misaligned pc";
    else if (kind == EMU_PERM_X)
        where = "non-executable memory";
    else if (kind == EMU_PERM_W)
        where = "read-only memory";
    else
        where = "unreadable memory";
    snprintf(buf, n, "%s %s", what, where);
}

const char *emu_proc_describe(struct emu_proc *p, enum emu_status s)
{
    uint64_t pc = p->st.pc;
    char detail[96];
    switch (s) {
    case EMU_UNDEF: {
        uint32_t word;
        if ((pc & 3) == 0 && emu_mem_peek(&p->mem, pc, &word, 4) == 0)
            snprintf(p->err, sizeof p->err, "undefined instruction at pc 0x%" PRIx64 ": encoding 0x%08" PRIx32,
                     pc, word);
        else
            snprintf(p->err, sizeof p->err,
                     "undefined instruction at pc 0x%" PRIx64 ": pc is not mapped or misaligned", pc);
        break;
    }
    case EMU_FAULT:
        describe_fault(p, detail, sizeof detail);
        snprintf(p->err, sizeof p->err, "memory fault at pc 0x%" PRIx64 ": address 0x%" PRIx64 " (%s)", pc,
                 p->mem.fault_addr, detail);
        break;
    case EMU_SYSCALL_BAD: {
        uint64_t nr = p->st.x[8];
        const char *name = emu_syscall_name(nr);
        snprintf(p->err, sizeof p->err, "unsupported syscall %" PRIu64 " (%s) at pc 0x%" PRIx64, nr,
                 name ? name : "unknown", pc);
        break;
    }
    case EMU_LIMIT:
        snprintf(p->err, sizeof p->err, "instruction limit reached at pc 0x%" PRIx64, pc);
        break;
    case EMU_EXIT:
        snprintf(p->err, sizeof p->err, "guest exited with code %d", p->exit_code);
        break;
    case EMU_ERROR:
        if (!p->err[0]) /* the message is normally already there */
            snprintf(p->err, sizeof p->err, "internal error at pc 0x%" PRIx64, pc);
        break;
    case EMU_OK:
    case EMU_SVC:
        snprintf(p->err, sizeof p->err, "stopped at pc 0x%" PRIx64, pc);
        break;
    }
    return p->err;
}

uint64_t emu_cntvct(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}
