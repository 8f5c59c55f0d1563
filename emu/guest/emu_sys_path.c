/* emu_sys_path.c: turn a guest path into a host fd: the one lookup rule of every path-taking call.
 *
 * 1. Names under temu's own /proc entry, however they are reached (the guest's text, a directory
 *    fd inside /proc, a symlink, a magic link), are answered by emu_sys_proc.c, never by the host.
 * 2. Everything else resolves with openat2(RESOLVE_NO_MAGICLINKS), so no magic link (/proc/N/fd/M,
 *    /proc/N/exe, /proc/N/root...) is ever followed by the kernel on the guest's behalf. When one is
 *    met (ELOOP), the path is walked here: a magic link of temu's own goes to step 1, any other
 *    symlink is replaced by its text and the lookup starts again (at most EMU_SYS_LINK_MAX times).
 * 3. With --fs-root, the root is the guest's "/" and its cwd, as in a chroot: absolute paths and
 *    AT_FDCWD-relative paths resolve inside it with RESOLVE_IN_ROOT ("..", absolute symlinks and
 *    "/" all stop at the root), and so do paths relative to any directory fd, inherited 0..2
 *    included: the lookup is re-rooted as (the directory's place under the root)/path, and a
 *    directory outside the root is refused (EACCES).
 * 4. Whatever was opened is checked once more: a file of temu's own /proc entry reached some way
 *    the text did not show is answered by step 1 instead. */
#define _GNU_SOURCE
#include "emu_sys_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#define EMU_SYS_LINK_MAX 40 /* symlinks followed by hand in one lookup, as Linux's MAXSYMLINKS */

static int open_how(int base, const char *path, int hflags, unsigned mode, uint64_t resolve)
{
#ifdef SYS_openat2
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (uint64_t)(unsigned)hflags;
    /* openat2 insists on mode 0 unless a file may be created. O_TMPFILE includes O_DIRECTORY's bit,
     * so only the whole of it counts. */
    how.mode = ((hflags & O_CREAT) || (hflags & O_TMPFILE) == O_TMPFILE) ? (mode & 07777) : 0;
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

/* The part of canonical host path `host` below canonical `root` ("/" for the root itself), or NULL
 * when it lies outside. */
static const char *below_root(const char *root, const char *host)
{
    if (!under_root(root, host))
        return NULL;
    size_t n = strlen(root) == 1 ? 0 : strlen(root);
    return host[n] ? host + n : "/";
}

int emu_sys_guest_path(const struct emu_proc *p, const char *host, char *out, size_t cap)
{
    char root[PATH_MAX];
    const char *shown = host;
    int inside = 1;
    if (p->fs_root) {
        const char *below = realpath(p->fs_root, root) ? below_root(root, host) : NULL;
        inside = below != NULL;
        shown = below ? below : host;
    }
    return snprintf(out, cap, "%s", shown) < (int)cap ? inside : -ENAMETOOLONG;
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

int emu_sys_fd_path(int fd, char *buf, size_t cap)
{
    char link[48];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, cap - 1);
    if (n < 0)
        return -errno;
    if ((size_t)n >= cap - 1)
        return -ENAMETOOLONG;
    buf[n] = 0;
    return 0;
}

static int on_procfs(int fd)
{
    struct statfs sf;
    return fstatfs(fd, &sf) == 0 && sf.f_type == PROC_SUPER_MAGIC;
}

/* For a host fd on a procfs: its path as if that procfs were mounted at /proc (a root may hold
 * one of its own elsewhere). 0, or -1 if it cannot be told. */
static int proc_canon(int fd, char *out, size_t cap)
{
    char path[PATH_MAX];
    if (emu_sys_fd_path(fd, path, sizeof path))
        return -1;
    for (size_t i = 1; path[i - 1]; i++) {
        if (path[i] != '/' && path[i])
            continue;
        char mount[PATH_MAX];
        struct statfs sf;
        struct stat st;
        snprintf(mount, sizeof mount, "%.*s", (int)i, path);
        if (statfs(mount, &sf) == 0 && sf.f_type == PROC_SUPER_MAGIC && stat(mount, &st) == 0 &&
            st.st_ino == 1) /* the root of a procfs */
            return snprintf(out, cap, "/proc%s", path + i) < (int)cap ? 0 : -1;
        if (!path[i])
            break;
    }
    return -1;
}

/* The host directory fd a relative guest lookup starts from: the guest's dirfd, or its cwd for
 * AT_FDCWD; AT_FDCWD for temu's own cwd (or the root under fs_root) and absolute paths; -EBADF. */
static int lookup_base(const struct emu_proc *p, int64_t dirfd, const char *path)
{
    if (path[0] == '/')
        return AT_FDCWD;
    if (dirfd == EMU_AT_FDCWD)
        return p->cwd_fd >= 0 ? p->cwd_fd : AT_FDCWD;
    int base = emu_sys_hostfd(p, (uint64_t)dirfd);
    return base < 0 ? -EBADF : base;
}

/* Step 1's question for a guest lookup: the name under temu's own /proc entry that (dirfd, path)
 * names by its text, or NULL. */
static const char *own_proc_name(struct emu_proc *p, int64_t dirfd, const char *path, char *buf, size_t cap)
{
    char text[2 * PATH_MAX + 2];
    if (path[0] == '/')
        return emu_sys_proc_rest(path, buf, cap);
    int base = lookup_base(p, dirfd, path);
    if (base == AT_FDCWD) {
        char cwd[PATH_MAX];
        if (p->fs_root)
            snprintf(cwd, sizeof cwd, "/");
        else if (!getcwd(cwd, sizeof cwd))
            return NULL;
        snprintf(text, sizeof text, "%s/%s", cwd, path);
        return emu_sys_proc_rest(text, buf, cap);
    }
    char dir[PATH_MAX];
    if (base < 0 || !on_procfs(base) || proc_canon(base, dir, sizeof dir))
        return NULL;
    snprintf(text, sizeof text, "%s/%s", dir, path);
    return emu_sys_proc_rest(text, buf, cap);
}

/* Step 2 and 3: one openat2 with the confinement in force. */
static int open_host(struct emu_proc *p, int64_t dirfd, const char *path, int hflags, unsigned mode)
{
    int base = lookup_base(p, dirfd, path);
    if (base == -EBADF)
        return -EBADF;
    int from_cwd = base == AT_FDCWD;
    if (!p->fs_root) {
        int fd = open_how(base, path, hflags, mode, RESOLVE_NO_MAGICLINKS);
        if (fd == -ENOSYS) {
            fd = openat(base, path, hflags, mode & 07777);
            fd = fd < 0 ? -errno : fd;
        }
        return fd;
    }
    char root[PATH_MAX], dir[PATH_MAX], joined[2 * PATH_MAX + 2];
    if (!realpath(p->fs_root, root))
        return -errno;
    const char *inner = path;
    if (!from_cwd) { /* re-root the directory fd's lookup at the root */
        int rc = emu_sys_fd_path(base, dir, sizeof dir);
        if (rc)
            return rc;
        const char *below = below_root(root, dir);
        if (!below)
            return -EACCES;
        if ((size_t)snprintf(joined, sizeof joined, "%s/%s", below, path) >= EMU_SYS_PATH_MAX)
            return -ENAMETOOLONG;
        inner = joined;
    }
    int rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootfd < 0)
        return -errno;
    int fd = open_how(rootfd, inner, hflags, mode, RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
    close(rootfd);
    if (fd == -ENOSYS)
        fd = emu_sys_open_fallback(root, AT_FDCWD, inner, hflags, mode);
    return fd;
}

/* Step 2's walk after an ELOOP: find the first symlink on `path` and resolve it by hand. Returns
 * 0 with the path to look up next in out (the link's text put in its place), 1 with a name under
 * temu's own /proc entry in out (the link was one of temu's), or -errno. */
static int next_link(struct emu_proc *p, int64_t dirfd, const char *path, int hflags, char *out, size_t cap)
{
    char prefix[EMU_SYS_PATH_MAX];
    for (const char *s = path; *s;) {
        while (*s == '/')
            s++;
        if (!*s)
            break;
        const char *slash = strchr(s, '/');
        s = slash ? slash : s + strlen(s);
        snprintf(prefix, sizeof prefix, "%.*s", (int)(s - path), path);
        int lfd = open_host(p, dirfd, prefix, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0);
        if (lfd < 0)
            return lfd;
        struct stat st;
        if (fstat(lfd, &st) || !S_ISLNK(st.st_mode)) {
            close(lfd);
            continue;
        }
        const char *after = s;
        while (*after == '/')
            after++;
        if (!*after && (hflags & O_NOFOLLOW)) { /* the guest asked not to follow it */
            close(lfd);
            return -ELOOP;
        }
        char canon[PATH_MAX], name[PATH_MAX];
        if (on_procfs(lfd) && proc_canon(lfd, canon, sizeof canon) == 0) {
            const char *rest = emu_sys_proc_rest(canon, name, sizeof name);
            if (rest) { /* temu's own link: answered from the guest's view */
                close(lfd);
                return snprintf(out, cap, "%s%s%s", rest, rest[0] && *after ? "/" : "", after) < (int)cap
                           ? 1 : -ENAMETOOLONG;
            }
        }
        /* Any other link, magic ones included, is followed by its text through the same lookup,
         * so it can lead nowhere a typed path could not. */
        char target[PATH_MAX];
        ssize_t n = readlinkat(lfd, "", target, sizeof target - 1);
        close(lfd);
        if (n < 0)
            return -ELOOP;
        target[n] = 0;
        const char *cut = strrchr(prefix, '/');
        int keep = target[0] == '/' || !cut ? 0 : (int)(cut - prefix + 1); /* a relative link: its dir */
        int len = snprintf(out, cap, "%.*s%s%s%s", keep, prefix, target, *after ? "/" : "", after);
        return len < 0 || (size_t)len >= cap ? -ENAMETOOLONG : 0;
    }
    return -ELOOP;
}

int emu_sys_open_at(struct emu_proc *p, int64_t dirfd, const char *path, int hflags, unsigned mode, int depth)
{
    char cur[EMU_SYS_PATH_MAX], next[EMU_SYS_PATH_MAX], name[PATH_MAX], canon[PATH_MAX];
    if (snprintf(cur, sizeof cur, "%s", path) >= (int)sizeof cur)
        return -ENAMETOOLONG;
    for (;; depth++) { /* once per symlink followed by hand */
        if (depth > EMU_SYS_LINK_MAX)
            return -ELOOP;
        const char *rest = own_proc_name(p, dirfd, cur, name, sizeof name);
        if (rest)
            return emu_sys_proc_open(p, rest, hflags, mode, depth);
        int fd = open_host(p, dirfd, cur, hflags, mode);
        if (fd == -ELOOP) {
            int rc = next_link(p, dirfd, cur, hflags, next, sizeof next);
            if (rc < 0)
                return rc;
            if (rc == 1)
                return emu_sys_proc_open(p, next, hflags, mode, depth);
            memcpy(cur, next, sizeof cur);
            continue;
        }
        if (fd >= 0 && on_procfs(fd) && proc_canon(fd, canon, sizeof canon) == 0 &&
            (rest = emu_sys_proc_rest(canon, name, sizeof name))) {
            close(fd); /* step 4: temu's own /proc file, reached by a way the text did not show */
            return emu_sys_proc_open(p, rest, hflags, mode, depth);
        }
        return fd;
    }
}

int emu_sys_open_path(struct emu_proc *p, int64_t dirfd, const char *path, int hflags, unsigned mode)
{
    return emu_sys_open_at(p, dirfd, path, hflags, mode, 0);
}

int emu_sys_open_object(struct emu_proc *p, int64_t dirfd, uint64_t path_addr, uint64_t at_flags)
{
    char path[EMU_SYS_PATH_MAX];
    int rc = emu_sys_get_path(p, path_addr, path);
    if (rc)
        return rc;
    if (path[0])
        return emu_sys_open_at(p, dirfd, path,
                               O_PATH | O_CLOEXEC | ((at_flags & G_AT_SYMLINK_NOFOLLOW) ? O_NOFOLLOW : 0), 0, 0);
    if (!(at_flags & G_AT_EMPTY_PATH))
        return -ENOENT;
    if (dirfd == EMU_AT_FDCWD) /* the cwd, wherever the guest has it */
        return emu_sys_open_at(p, EMU_AT_FDCWD, ".", O_PATH | O_CLOEXEC, 0, 0);
    int h = emu_sys_hostfd(p, (uint64_t)dirfd);
    if (h < 0)
        return -EBADF;
    int fd = fcntl(h, F_DUPFD_CLOEXEC, 3);
    return fd < 0 ? -errno : fd;
}

int emu_sys_readlink_path(struct emu_proc *p, int64_t dirfd, const char *path, char *buf, size_t cap)
{
    char name[PATH_MAX];
    const char *rest = own_proc_name(p, dirfd, path, name, sizeof name);
    if (rest)
        return emu_sys_proc_readlink(p, rest, buf, cap);
    /* The link itself is not followed: open its directory through the one rule, then read it. */
    const char *slash = strrchr(path, '/');
    const char *leaf = slash ? slash + 1 : path;
    char dir[EMU_SYS_PATH_MAX];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (!leaf[0] || !strcmp(leaf, ".") || !strcmp(leaf, ".."))
        return -EINVAL; /* a directory, not a link */
    int dfd = emu_sys_open_at(p, dirfd, dir, O_PATH | O_DIRECTORY | O_CLOEXEC, 0, 0);
    if (dfd < 0)
        return dfd;
    char canon[PATH_MAX], text[2 * PATH_MAX + 2];
    if (on_procfs(dfd) && proc_canon(dfd, canon, sizeof canon) == 0) {
        snprintf(text, sizeof text, "%s/%s", canon, leaf);
        if ((rest = emu_sys_proc_rest(text, name, sizeof name))) {
            close(dfd);
            return emu_sys_proc_readlink(p, rest, buf, cap);
        }
    }
    ssize_t n = readlinkat(dfd, leaf, buf, cap - 1);
    int err = errno;
    close(dfd);
    if (n < 0)
        return -err;
    buf[n] = 0;
    return 0;
}
