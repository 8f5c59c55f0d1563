/* emu_proc.h: one guest process: architectural state, memory, files, exit and error reporting.
 * Engines, the loader and the syscall layer all work on this one struct, passed explicitly. */
#ifndef EMU_PROC_H
#define EMU_PROC_H

#include "emu_mem.h"
#include "emu_state.h"
#include "emu_stats.h"
#include "emu_status.h"

#define EMU_MAX_FDS 64
#define EMU_ERR_LEN 512

struct emu_proc {
    struct emu_state st;
    struct emu_mem mem;
    struct emu_stats stats;
    int fds[EMU_MAX_FDS];   /* guest fd -> host fd, -1 when closed; 0..2 start as the host's 0..2 */
    uint64_t cloexec;       /* bit g: guest fd g has FD_CLOEXEC (temu never execs; F_GETFD shows it) */
    int cwd_fd;             /* the guest's cwd as an O_PATH host fd; -1: where it started (temu's
                               cwd, or the root under fs_root) */
    int shared_fd;          /* a host fd the caller lends to many procs (lanes' /dev/null): like the
                               host's 0..2, never closed by the guest's close or emu_proc_free; -1 */
    const char *fs_root;    /* if set, guest paths resolve under this host directory only */
    int strict_syscalls;    /* an unsupported syscall stops the run (EMU_SYSCALL_BAD); else -ENOSYS */
    uint64_t enosys_warned[8]; /* syscall numbers (511: all above) already warned about */
    uint64_t entry;         /* entry point of the loaded program */
    uint64_t phdr, phnum;   /* for the auxiliary vector */
    /* What the guest's /proc/self shows (emu_sys_proc.c): the program's host path (owned by the
     * caller, like fs_root; NULL: none), and where exec left its pieces in guest memory. */
    const char *exe_path;
    uint64_t start_stack;            /* the initial sp */
    uint64_t arg_start, arg_end;     /* the argument strings */
    uint64_t env_start, env_end;     /* the environment strings */
    uint64_t auxv_start, auxv_end;   /* the auxiliary vector */
    char comm[16];          /* prctl(PR_SET_NAME); empty: the program's file name */
    int exit_code;          /* valid when a run ended with EMU_EXIT */
    char err[EMU_ERR_LEN];  /* one-line message for EMU_UNDEF, EMU_FAULT, EMU_SYSCALL_BAD, EMU_ERROR */
    unsigned fault_access;  /* EMU_PERM_R, _W or _X: the kind of access that faulted; 0 if unknown */
};

/* Initialise an empty process with a memory window of `mem_size` bytes (0: default).
 * Returns 0, or -1 with err set. */
int emu_proc_init(struct emu_proc *p, uint64_t mem_size);
/* 1 when the host fd belongs to this proc, so closing its guest fd closes it too. */
static inline int emu_proc_owns_fd(const struct emu_proc *p, int host_fd)
{
    return host_fd > 2 && host_fd != p->shared_fd;
}
/* Release memory and close the guest's own host fds (not the host's 0..2). */
void emu_proc_free(struct emu_proc *p);

/* Fill p->err with the one-line message for a stop with status s at p->st.pc (pc, encoding,
 * address, syscall number and name as the status needs). Returns p->err. */
const char *emu_proc_describe(struct emu_proc *p, enum emu_status s);

/* CNTVCT_EL0 as every engine reports it: the host's monotonic clock in EMU_SYSREG_CNTFRQ ticks
 * (1 GHz: nanoseconds). */
uint64_t emu_cntvct(void);

#endif
