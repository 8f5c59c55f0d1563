/* emu_sys_path.c: turn a guest path into a host fd, confined to --fs-root when one is given.
 *
 * With a root, absolute paths and AT_FDCWD-relative paths resolve inside the root directory with
 * openat2(RESOLVE_IN_ROOT): "..", absolute symlinks and "/" all stop at the root, as in a chroot.
 * Paths relative to a guest directory fd use RESOLVE_BENEATH instead, which refuses (EXDEV) rather
 * than silently re-roots anything that would leave that directory. */
#define _GNU_SOURCE
#include "emu_sys_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static int open_how(int base, const char *path, int hflags, unsigned mode, uint64_t resolve)
{
#ifdef SYS_openat2
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (uint64_t)(unsigned)hflags;
    /* openat2 insists on mode 0 unless a file may be created. */
    how.mode = (hflags & (O_CREAT | O_TMPFILE)) ? (mode & 07777) : 0;
    how.resolve = resolve;
    long fd = syscall(SYS_openat2, base, path, &how, sizeof how);
    return fd < 0 ? -errno : (int)fd;
#else
    (void)base, (void)path, (void)hflags, (void)mode, (void)resolve;
    return -ENOSYS;
#endif
}

/* 1 if `real` is `root` or lies below it. */
static int under_root(const char *root, const char *real)
{
    size_t n = strlen(root);
    if (n == 1) /* root is "/" */
        return 1;
    return strncmp(root, real, n) == 0 && (real[n] == 0 || real[n] == '/');
}

int emu_sys_open_fallback(const char *root, int base_fd, const char *path, int hflags, unsigned mode)
{
    char rroot[PATH_MAX], full[2 * PATH_MAX + 64], real[PATH_MAX];
    if (!realpath(root, rroot))
        return -errno;
    if (base_fd == AT_FDCWD || path[0] == '/')
        snprintf(full, sizeof full, "%s/%s", rroot, path);
    else
        snprintf(full, sizeof full, "/proc/self/fd/%d/%s", base_fd, path);
    /* A file that O_CREAT may create does not exist yet: check its directory instead. */
    const char *leaf = NULL;
    if (!realpath(full, real)) {
        if (errno != ENOENT || !(hflags & O_CREAT))
            return -errno;
        char *slash = strrchr(full, '/');
        leaf = slash + 1;
        *slash = 0;
        if (!realpath(full[0] ? full : "/", real))
            return -errno;
        if (strlen(real) + strlen(leaf) + 2 > sizeof real)
            return -ENAMETOOLONG;
    }
    if (!under_root(rroot, real))
        return -EACCES;
    if (leaf) {
        if (strchr(leaf, 0) == leaf || !strcmp(leaf, ".") || !strcmp(leaf, ".."))
            return -EISDIR;
        strcat(real, "/");
        strcat(real, leaf);
    }
    /* O_NOFOLLOW: a symlink swapped in after the check is refused, not followed. */
    int fd = open(real, hflags | O_NOFOLLOW, mode & 07777);
    return fd < 0 ? -errno : fd;
}

int emu_sys_open_path(struct emu_proc *p, int64_t dirfd, const char *path, int hflags, unsigned mode)
{
    int from_cwd = path[0] == '/' || dirfd == EMU_AT_FDCWD;
    int base = AT_FDCWD;
    if (!from_cwd) {
        base = emu_sys_hostfd(p, (uint64_t)dirfd);
        if (base < 0)
            return -EBADF;
    }
    if (!p->fs_root) {
        int fd = openat(base, path, hflags, mode & 07777);
        return fd < 0 ? -errno : fd;
    }
    int rootfd = -1;
    if (from_cwd) {
        rootfd = open(p->fs_root, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (rootfd < 0)
            return -errno;
        base = rootfd;
    }
    uint64_t resolve = (from_cwd ? RESOLVE_IN_ROOT : RESOLVE_BENEATH) | RESOLVE_NO_MAGICLINKS;
    int fd = open_how(base, path, hflags, mode, resolve);
    if (fd == -ENOSYS)
        fd = emu_sys_open_fallback(p->fs_root, from_cwd ? AT_FDCWD : base, path, hflags, mode);
    if (rootfd >= 0)
        close(rootfd);
    return fd;
}
