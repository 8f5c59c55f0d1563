/* emu_sys_int.h: pieces of the syscall layer shared by emu_syscall.c, emu_sys_file.c and
 * emu_sys_mm.c. Every handler takes the six argument registers and returns the value for x0: the
 * result, or a negative errno as Linux does. */
#ifndef EMU_SYS_INT_H
#define EMU_SYS_INT_H

#include "emu_proc.h"

#define EMU_SYS_CHUNK   (64u * 1024)  /* bounce buffer: the most one host read/write moves */
#define EMU_SYS_MAX_RW  0x7ffff000ull /* Linux's MAX_RW_COUNT: longer transfers are cut to this */
#define EMU_SYS_PATH_MAX 4096
#define EMU_AT_FDCWD    (-100)
/* Guest flag values more than one file of the syscall layer takes. */
#define G_O_CLOEXEC           02000000
#define G_AT_SYMLINK_NOFOLLOW 0x100
#define G_AT_EMPTY_PATH       0x1000

typedef int64_t emu_sys_fn(struct emu_proc *p, const uint64_t *a);

/* The syscall table (emu_sys_table.c): name and handler (NULL: not served) by number. */
#define EMU_SYS_TABLE_LEN 463
struct emu_sys_entry {
    const char *name;
    emu_sys_fn *fn;
};
extern const struct emu_sys_entry emu_sys_table[EMU_SYS_TABLE_LEN];

/* Host fd behind guest fd `gfd`, or -1 if it is not open. */
int emu_sys_hostfd(const struct emu_proc *p, uint64_t gfd);
/* The lowest free guest fd at or above `lowest`, or -EMFILE. */
int emu_sys_new_fd(struct emu_proc *p, int64_t lowest);
/* Put host fd `host` in guest slot g with the guest's FD_CLOEXEC bit. */
void emu_sys_set_fd(struct emu_proc *p, int g, int host, int cloexec);
/* Guest (asm-generic) open flags to the host's, and back (emu_sys_file.c). */
int emu_sys_host_open_flags(uint64_t guest);
uint64_t emu_sys_guest_open_flags(int host);
/* Copy a guest path (at most EMU_SYS_PATH_MAX bytes with its NUL) into buf. 0 or -errno. */
int emu_sys_get_path(struct emu_proc *p, uint64_t addr, char *buf);
/* The canonical host path of host fd `fd`, as /proc/self/fd names it. 0 or -errno. */
int emu_sys_fd_path(int fd, char *buf, size_t cap);
/* How the guest names canonical host path `host`: under fs_root, its path inside the root; else
 * itself. Returns 1, or 0 when it lies outside the root (out then gets the host path as it is), or
 * -ENAMETOOLONG. */
int emu_sys_guest_path(const struct emu_proc *p, const char *host, char *out, size_t cap);
/* The guest's cwd as the guest sees it (under a root: inside it). 0 or -errno. */
int emu_sys_cwd(const struct emu_proc *p, char *buf, size_t cap);

/* Open `path` relative to guest dirfd the way the guest asked (host open flags already
 * translated), confined to p->fs_root when set. Returns a host fd or a negative errno. */
int emu_sys_open_path(struct emu_proc *p, int64_t dirfd, const char *path, int hflags, unsigned mode);
/* The same at symlink depth `depth` (emu_sys_proc.c resolves cwd, root and fd/N through it). */
int emu_sys_open_at(struct emu_proc *p, int64_t dirfd, const char *path, int hflags, unsigned mode, int depth);
/* An O_PATH host fd (the caller closes it) for the object an *at call names: the guest's path at
 * path_addr by the one lookup rule (not following a last symlink with AT_SYMLINK_NOFOLLOW in
 * at_flags), or for an empty path with AT_EMPTY_PATH the object dirfd itself, the cwd for
 * AT_FDCWD. Or -errno: ENOENT for an empty path without AT_EMPTY_PATH. */
int emu_sys_open_object(struct emu_proc *p, int64_t dirfd, uint64_t path_addr, uint64_t at_flags);
/* The target of the symlink `path` names (not followed), NUL-terminated into buf, by the same rule.
 * 0 or -errno. */
int emu_sys_readlink_path(struct emu_proc *p, int64_t dirfd, const char *path, char *buf, size_t cap);

/* temu's own /proc entry as the guest sees it (emu_sys_proc.c). emu_sys_proc_rest: for an absolute
 * path, the name under /proc/self (or /proc/thread-self, /proc/<temu's pid or tid>, task/<tid>) it
 * names, "" for the directory itself, after lexical normalisation into buf; NULL if it names
 * nothing there. emu_sys_proc_open / _readlink answer such a name; emu_sys_proc_exe gives the
 * guest program's path as the guest sees it. */
const char *emu_sys_proc_rest(const char *path, char *buf, size_t cap);
int emu_sys_proc_open(struct emu_proc *p, const char *rest, int hflags, unsigned mode, int depth);
int emu_sys_proc_readlink(struct emu_proc *p, const char *rest, char *buf, size_t cap);
int emu_sys_proc_exe(const struct emu_proc *p, char *buf, size_t cap);
/* The guest's task name: prctl's, or the program's file name cut to 15 bytes. */
const char *emu_sys_comm(struct emu_proc *p);

/* The fs_root confinement used when the host has no openat2: resolve with realpath and refuse
 * anything outside the root (absolute symlinks are not re-rooted, only refused). Exposed for tests. */
int emu_sys_open_fallback(const char *root, int base_fd, const char *path, int hflags, unsigned mode);

emu_sys_fn emu_sys_read, emu_sys_write, emu_sys_readv, emu_sys_writev, emu_sys_pread64, emu_sys_pwrite64;
emu_sys_fn emu_sys_openat, emu_sys_readlinkat, emu_sys_close, emu_sys_lseek, emu_sys_fstat, emu_sys_newfstatat, emu_sys_ioctl;
emu_sys_fn emu_sys_dup, emu_sys_dup3, emu_sys_fcntl, emu_sys_fsync, emu_sys_fdatasync, emu_sys_fadvise64;
emu_sys_fn emu_sys_sendfile, emu_sys_getdents64, emu_sys_getcwd, emu_sys_chdir, emu_sys_fchdir;
emu_sys_fn emu_sys_faccessat, emu_sys_faccessat2;
emu_sys_fn emu_sys_uname, emu_sys_rt_sigaction, emu_sys_rt_sigprocmask, emu_sys_clock_gettime;
emu_sys_fn emu_sys_gettimeofday, emu_sys_getrandom, emu_sys_prlimit64, emu_sys_sched_getaffinity;
emu_sys_fn emu_sys_set_robust_list, emu_sys_pid, emu_sys_getppid, emu_sys_getuid, emu_sys_geteuid;
emu_sys_fn emu_sys_getgid, emu_sys_getegid, emu_sys_enosys, emu_sys_sysinfo, emu_sys_getrusage;
emu_sys_fn emu_sys_prctl;
emu_sys_fn emu_sys_brk, emu_sys_mmap, emu_sys_mremap, emu_sys_munmap, emu_sys_mprotect, emu_sys_madvise;

#endif
