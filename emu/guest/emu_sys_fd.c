/* emu_sys_fd.c: calls on the guest's descriptor table and its cwd: dup, dup3, fcntl, fsync,
 * fdatasync, fadvise64, sendfile, getdents64, getcwd, chdir, fchdir, faccessat.
 *
 * A guest fd is a slot of p->fds holding a host fd; dup gives the guest a new host fd of its own
 * (so closing one never closes the other, and the host's 0..2 stay temu's). The guest's cwd is
 * p->cwd_fd, an O_PATH host fd, or -1 for where it started (temu's cwd, or the root under
 * --fs-root); emu_sys_path.c resolves AT_FDCWD from it. */
#define _GNU_SOURCE
#include "emu_sys_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <unistd.h>

#define G_FD_CLOEXEC  1
#define G_AT_EACCESS  0x200

enum { G_F_DUPFD = 0, G_F_GETFD = 1, G_F_SETFD = 2, G_F_GETFL = 3, G_F_SETFL = 4, G_F_DUPFD_CLOEXEC = 1030 };

int emu_sys_new_fd(struct emu_proc *p, int64_t lowest)
{
    for (int64_t g = lowest < 0 ? 0 : lowest; g < EMU_MAX_FDS; g++)
        if (p->fds[g] < 0)
            return (int)g;
    return -EMFILE;
}

void emu_sys_set_fd(struct emu_proc *p, int g, int host, int cloexec)
{
    p->fds[g] = host;
    if (cloexec)
        p->cloexec |= 1ull << g;
    else
        p->cloexec &= ~(1ull << g);
}

/* Guest fd `g` now holds a new host fd for the same open file as guest fd `old`. */
static int64_t dup_into(struct emu_proc *p, int host_old, int g, int cloexec)
{
    int h = fcntl(host_old, F_DUPFD_CLOEXEC, 3); /* never 0..2: those stay temu's */
    if (h < 0)
        return -errno;
    int prev = p->fds[g];
    if (prev >= 0 && emu_proc_owns_fd(p, prev))
        close(prev);
    emu_sys_set_fd(p, g, h, cloexec);
    return g;
}

int64_t emu_sys_dup(struct emu_proc *p, const uint64_t *a)
{
    int h = emu_sys_hostfd(p, a[0]);
    if (h < 0)
        return -EBADF;
    int g = emu_sys_new_fd(p, 0);
    return g < 0 ? g : dup_into(p, h, g, 0);
}

int64_t emu_sys_dup3(struct emu_proc *p, const uint64_t *a)
{
    int h = emu_sys_hostfd(p, a[0]);
    if (a[2] & ~(uint64_t)G_O_CLOEXEC)
        return -EINVAL;
    if (h < 0)
        return -EBADF;
    if (a[1] >= EMU_MAX_FDS)
        return -EBADF;
    if (a[0] == a[1])
        return -EINVAL;
    return dup_into(p, h, (int)a[1], (a[2] & G_O_CLOEXEC) != 0);
}

int64_t emu_sys_fcntl(struct emu_proc *p, const uint64_t *a)
{
    int h = emu_sys_hostfd(p, a[0]);
    if (h < 0)
        return -EBADF;
    switch (a[1]) {
    case G_F_DUPFD:
    case G_F_DUPFD_CLOEXEC: {
        if (a[2] >= EMU_MAX_FDS)
            return -EINVAL;
        int g = emu_sys_new_fd(p, (int64_t)a[2]);
        return g < 0 ? g : dup_into(p, h, g, a[1] == G_F_DUPFD_CLOEXEC);
    }
    case G_F_GETFD:
        return (p->cloexec >> a[0]) & 1 ? G_FD_CLOEXEC : 0;
    case G_F_SETFD:
        emu_sys_set_fd(p, (int)a[0], h, (a[2] & G_FD_CLOEXEC) != 0);
        return 0;
    case G_F_GETFL: {
        int fl = fcntl(h, F_GETFL);
        /* Without O_LARGEFILE, which an AArch64 kernel would add: as qemu-user reports it. */
        return fl < 0 ? -errno : (int64_t)emu_sys_guest_open_flags(fl);
    }
    case G_F_SETFL: /* the kernel changes only APPEND, NONBLOCK, ASYNC, DIRECT and NOATIME */
        return fcntl(h, F_SETFL, emu_sys_host_open_flags(a[2]) & ~O_CLOEXEC) < 0 ? -errno : 0;
    default:
        return -EINVAL;
    }
}

int64_t emu_sys_fsync(struct emu_proc *p, const uint64_t *a)
{
    int h = emu_sys_hostfd(p, a[0]);
    return h < 0 ? -EBADF : fsync(h) ? -errno : 0;
}

int64_t emu_sys_fdatasync(struct emu_proc *p, const uint64_t *a)
{
    int h = emu_sys_hostfd(p, a[0]);
    return h < 0 ? -EBADF : fdatasync(h) ? -errno : 0;
}

int64_t emu_sys_fadvise64(struct emu_proc *p, const uint64_t *a)
{
    int h = emu_sys_hostfd(p, a[0]);
    if (h < 0)
        return -EBADF;
    if (a[3] > 5) /* POSIX_FADV_NORMAL .. NOREUSE */
        return -EINVAL;
    return -posix_fadvise(h, (off_t)a[1], (off_t)a[2], (int)a[3]);
}

int64_t emu_sys_sendfile(struct emu_proc *p, const uint64_t *a)
{
    int out = emu_sys_hostfd(p, a[0]), in = emu_sys_hostfd(p, a[1]);
    if (out < 0 || in < 0)
        return -EBADF;
    int64_t off = 0;
    if (a[2] && emu_mem_copy_out(&p->mem, a[2], &off, 8))
        return -EFAULT;
    size_t count = a[3] > EMU_SYS_MAX_RW ? EMU_SYS_MAX_RW : (size_t)a[3];
    ssize_t n = sendfile(out, in, a[2] ? (off_t *)&off : NULL, count);
    if (n < 0)
        return -errno;
    if (a[2] && emu_mem_copy_in(&p->mem, a[2], &off, 8))
        return -EFAULT;
    return n;
}

int64_t emu_sys_getdents64(struct emu_proc *p, const uint64_t *a)
{
    int h = emu_sys_hostfd(p, a[0]);
    if (h < 0)
        return -EBADF;
    /* struct linux_dirent64 is the same on every architecture: the host's records go as they are.
     * A buffer no bigger than the guest's keeps whole records together. */
    uint8_t buf[EMU_SYS_CHUNK];
    size_t cap = a[2] < sizeof buf ? (size_t)a[2] : sizeof buf;
    if (!emu_mem_range_ok(&p->mem, a[1], cap, EMU_PERM_W))
        return -EFAULT;
    long n = syscall(SYS_getdents64, h, buf, cap);
    if (n < 0)
        return -errno;
    return emu_mem_copy_in(&p->mem, a[1], buf, (uint64_t)n) ? -EFAULT : n;
}

int emu_sys_cwd(const struct emu_proc *p, char *buf, size_t cap)
{
    if (p->cwd_fd < 0) {
        if (p->fs_root) /* the guest starts at its root */
            return snprintf(buf, cap, "/") < (int)cap ? 0 : -ERANGE;
        return getcwd(buf, cap) ? 0 : -errno;
    }
    char path[PATH_MAX];
    int rc = emu_sys_fd_path(p->cwd_fd, path, sizeof path);
    if (rc)
        return rc;
    rc = emu_sys_guest_path(p, path, buf, cap); /* inside the root: chdir checked it */
    return rc < 0 ? -ERANGE : 0;
}

int64_t emu_sys_getcwd(struct emu_proc *p, const uint64_t *a)
{
    char cwd[PATH_MAX];
    int rc = emu_sys_cwd(p, cwd, sizeof cwd);
    if (rc)
        return rc == -ENAMETOOLONG ? -ERANGE : rc;
    uint64_t n = strlen(cwd) + 1;
    if (a[1] < n)
        return -ERANGE;
    return emu_mem_copy_in(&p->mem, a[0], cwd, n) ? -EFAULT : (int64_t)n;
}

/* Make host fd `dir` (an O_PATH directory of the guest's own, or -1) the guest's cwd. */
static int64_t set_cwd(struct emu_proc *p, int dir)
{
    if (p->cwd_fd >= 0)
        close(p->cwd_fd);
    p->cwd_fd = dir;
    return 0;
}

int64_t emu_sys_chdir(struct emu_proc *p, const uint64_t *a)
{
    char path[EMU_SYS_PATH_MAX];
    int rc = emu_sys_get_path(p, a[0], path);
    if (rc)
        return rc;
    if (!path[0])
        return -ENOENT;
    int fd = emu_sys_open_path(p, EMU_AT_FDCWD, path, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
    return fd < 0 ? fd : set_cwd(p, fd);
}

int64_t emu_sys_fchdir(struct emu_proc *p, const uint64_t *a)
{
    if (emu_sys_hostfd(p, a[0]) < 0)
        return -EBADF;
    /* Through the lookup rule, so a directory outside the root cannot become the cwd. */
    int fd = emu_sys_open_path(p, (int64_t)a[0], ".", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
    return fd < 0 ? fd : set_cwd(p, fd);
}

/* faccessat and faccessat2: the object is found by the lookup rule, then checked through its fd's
 * /proc link, which access() follows to the object itself. */
static int64_t access_at(struct emu_proc *p, const uint64_t *a, uint64_t flags)
{
    if (a[2] & ~(uint64_t)7)
        return -EINVAL;
    if (flags & ~(uint64_t)(G_AT_EACCESS | G_AT_EMPTY_PATH | G_AT_SYMLINK_NOFOLLOW))
        return -EINVAL;
    int fd = emu_sys_open_object(p, (int32_t)a[0], a[1], flags);
    if (fd < 0)
        return fd;
    char link[48];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    int r = faccessat(AT_FDCWD, link, (int)a[2], (flags & G_AT_EACCESS) ? AT_EACCESS : 0);
    int err = errno;
    close(fd);
    return r ? -err : 0;
}

int64_t emu_sys_faccessat(struct emu_proc *p, const uint64_t *a) { return access_at(p, a, 0); }
int64_t emu_sys_faccessat2(struct emu_proc *p, const uint64_t *a) { return access_at(p, a, a[3]); }
