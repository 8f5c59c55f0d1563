/* emu_sys_file.c: file syscalls: the guest fd table, read/write and their vector forms, openat,
 * close, lseek, fstat/newfstatat (with the AArch64 struct stat written field by field) and ioctl.
 *
 * Guest buffers never meet host pointers: data moves through a bounce buffer with
 * emu_mem_copy_in/copy_out, after the whole guest range has been checked, so a bad guest pointer
 * gives -EFAULT before any host state changes (no input is consumed for a read into bad memory). */
#define _GNU_SOURCE
#include "emu_sys_int.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define UIO_MAXIOV 1024

/* Guest (asm-generic) open flags that differ between architectures, in octal as the kernel's
 * headers write them. The rest (access mode, CREAT, EXCL, NOCTTY, TRUNC, APPEND, NONBLOCK, DSYNC)
 * have the same values everywhere Linux runs. */
#define G_O_ASYNC     020000
#define G_O_DIRECTORY 040000
#define G_O_NOFOLLOW  0100000
#define G_O_DIRECT    0200000
#define G_O_NOATIME   01000000
#define G_O_SYNC      04000000
#define G_O_PATH      010000000
#define G_O_TMPFILE   020000000

#define G_AT_NO_AUTOMOUNT     0x800

struct span {
    uint64_t addr, len;
};

int emu_sys_hostfd(const struct emu_proc *p, uint64_t gfd)
{
    return gfd < EMU_MAX_FDS ? p->fds[gfd] : -1;
}

static const struct {
    uint32_t guest;
    int host;
} open_flag_map[] = {
    {G_O_ASYNC, O_ASYNC},     {G_O_DIRECTORY, O_DIRECTORY}, {G_O_NOFOLLOW, O_NOFOLLOW},
    {G_O_DIRECT, O_DIRECT},   {G_O_NOATIME, O_NOATIME},     {G_O_SYNC, O_SYNC},
    {G_O_PATH, O_PATH},       {G_O_TMPFILE, O_TMPFILE},     {G_O_CLOEXEC, O_CLOEXEC},
};
/* The flags whose values are the same everywhere Linux runs. */
#define SAME_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC)

int emu_sys_host_open_flags(uint64_t g)
{
    int h = (int)(g & SAME_OPEN_FLAGS);
    for (size_t i = 0; i < sizeof open_flag_map / sizeof open_flag_map[0]; i++)
        if ((g & open_flag_map[i].guest) == open_flag_map[i].guest)
            h |= open_flag_map[i].host;
    /* temu never execs, but its host fds must not leak into anything it might start. */
    return h | O_CLOEXEC;
}

uint64_t emu_sys_guest_open_flags(int h)
{
    uint64_t g = (uint64_t)(h & SAME_OPEN_FLAGS);
    for (size_t i = 0; i < sizeof open_flag_map / sizeof open_flag_map[0]; i++)
        if ((h & open_flag_map[i].host) == open_flag_map[i].host && open_flag_map[i].host != O_CLOEXEC)
            g |= open_flag_map[i].guest;
    return g;
}

int emu_sys_get_path(struct emu_proc *p, uint64_t addr, char *buf)
{
    int64_t n = emu_mem_strlen(&p->mem, addr, EMU_SYS_PATH_MAX);
    if (n < 0)
        return emu_mem_range_ok(&p->mem, addr, EMU_SYS_PATH_MAX, EMU_PERM_R) ? -ENAMETOOLONG : -EFAULT;
    emu_mem_copy_out(&p->mem, addr, buf, (uint64_t)n + 1);
    return 0;
}

/* Move bytes between host fd `fd` and the guest ranges sp[0..n) through the bounce buffer.
 * Reads stop after one short host read, and on anything but a regular file after the first host
 * read at all, so a pipe or terminal never blocks once some data has arrived (as Linux's readv).
 * `off` >= 0 makes it positional (pread/pwrite). Lengths are cut, as Linux cuts them, so that the
 * total stays within MAX_RW_COUNT, and only the cut ranges must be guest memory; before that, a
 * range that leaves arm64's 48-bit user address space fails like Linux's access_ok. Returns bytes
 * moved or -errno. */
static int64_t transfer(struct emu_proc *p, int fd, struct span *sp, int n, int is_write, int64_t off)
{
    const uint64_t user_top = 1ull << 48; /* TASK_SIZE_MAX */
    struct emu_mem *m = &p->mem;
    uint64_t total = 0;
    for (int i = 0; i < n; i++) {
        if (sp[i].len && (sp[i].len > user_top || sp[i].addr > user_top - sp[i].len))
            return -EFAULT;
        if (sp[i].len > EMU_SYS_MAX_RW - total)
            sp[i].len = EMU_SYS_MAX_RW - total;
        if (!emu_mem_range_ok(m, sp[i].addr, sp[i].len, is_write ? EMU_PERM_R : EMU_PERM_W))
            return -EFAULT;
        total += sp[i].len;
    }
    struct stat st;
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    _Static_assert(EMU_SYS_CHUNK <= 1u << 20, "the bounce buffer lives on the host stack");
    uint8_t buf[EMU_SYS_CHUNK];
    uint64_t done = 0;
    int idx = 0;
    uint64_t in_span = 0; /* bytes of sp[idx] already moved */
    while (done < total) {
        size_t want = total - done < EMU_SYS_CHUNK ? (size_t)(total - done) : EMU_SYS_CHUNK;
        if (is_write) { /* gather */
            uint64_t got = 0;
            int j = idx;
            uint64_t o = in_span;
            while (got < want) {
                uint64_t k = sp[j].len - o < want - got ? sp[j].len - o : want - got;
                emu_mem_copy_out(m, sp[j].addr + o, buf + got, k);
                got += k;
                o += k;
                if (o == sp[j].len)
                    j++, o = 0;
            }
        }
        ssize_t r = is_write ? (off >= 0 ? pwrite(fd, buf, want, off + (int64_t)done) : write(fd, buf, want))
                             : (off >= 0 ? pread(fd, buf, want, off + (int64_t)done) : read(fd, buf, want));
        if (r < 0)
            return done ? (int64_t)done : -errno;
        /* Advance over the spans by r bytes, scattering read data as we go. */
        uint64_t left = (uint64_t)r, pos = 0;
        while (left) {
            if (in_span == sp[idx].len) {
                idx++, in_span = 0;
                continue;
            }
            uint64_t k = sp[idx].len - in_span < left ? sp[idx].len - in_span : left;
            if (!is_write)
                emu_mem_copy_in(m, sp[idx].addr + in_span, buf + pos, k);
            in_span += k;
            pos += k;
            left -= k;
        }
        while (idx < n && in_span == sp[idx].len) /* skip filled and zero-length spans */
            idx++, in_span = 0;
        done += (uint64_t)r;
        if ((size_t)r < want || (!is_write && !regular))
            break;
    }
    return (int64_t)done;
}

static int64_t rw(struct emu_proc *p, const uint64_t *a, int is_write, int64_t off)
{
    int fd = emu_sys_hostfd(p, a[0]);
    if (fd < 0)
        return -EBADF;
    struct span s = {a[1], a[2]};
    return transfer(p, fd, &s, 1, is_write, off);
}

static int64_t rwv(struct emu_proc *p, const uint64_t *a, int is_write)
{
    int fd = emu_sys_hostfd(p, a[0]);
    if (fd < 0)
        return -EBADF;
    if (a[2] > UIO_MAXIOV)
        return -EINVAL;
    int n = (int)a[2];
    uint8_t raw[16 * UIO_MAXIOV];
    struct span sp[UIO_MAXIOV];
    if (n == 0)
        return 0;
    if (emu_mem_copy_out(&p->mem, a[1], raw, 16 * (uint64_t)n))
        return -EFAULT;
    for (int i = 0; i < n; i++) {
        memcpy(&sp[i].addr, raw + 16 * i, 8);
        memcpy(&sp[i].len, raw + 16 * i + 8, 8);
        if (sp[i].len > (uint64_t)INT64_MAX)
            return -EINVAL;
    }
    return transfer(p, fd, sp, n, is_write, -1);
}

int64_t emu_sys_read(struct emu_proc *p, const uint64_t *a) { return rw(p, a, 0, -1); }
int64_t emu_sys_write(struct emu_proc *p, const uint64_t *a) { return rw(p, a, 1, -1); }
int64_t emu_sys_readv(struct emu_proc *p, const uint64_t *a) { return rwv(p, a, 0); }
int64_t emu_sys_writev(struct emu_proc *p, const uint64_t *a) { return rwv(p, a, 1); }

int64_t emu_sys_pread64(struct emu_proc *p, const uint64_t *a)
{
    return (int64_t)a[3] < 0 ? -EINVAL : rw(p, a, 0, (int64_t)a[3]);
}

int64_t emu_sys_pwrite64(struct emu_proc *p, const uint64_t *a)
{
    return (int64_t)a[3] < 0 ? -EINVAL : rw(p, a, 1, (int64_t)a[3]);
}

int64_t emu_sys_openat(struct emu_proc *p, const uint64_t *a)
{
    char path[EMU_SYS_PATH_MAX];
    int rc = emu_sys_get_path(p, a[1], path);
    if (rc)
        return rc;
    if (!path[0])
        return -ENOENT;
    int g = emu_sys_new_fd(p, 0);
    if (g < 0)
        return g;
    int fd = emu_sys_open_path(p, (int64_t)(int32_t)a[0], path, emu_sys_host_open_flags(a[2]), (unsigned)a[3]);
    if (fd < 0)
        return fd;
    emu_sys_set_fd(p, g, fd, (a[2] & G_O_CLOEXEC) != 0);
    return g;
}

int64_t emu_sys_close(struct emu_proc *p, const uint64_t *a)
{
    int fd = emu_sys_hostfd(p, a[0]);
    if (fd < 0)
        return -EBADF;
    emu_sys_set_fd(p, (int)a[0], -1, 0);
    if (emu_proc_owns_fd(p, fd)) /* the host's 0..2 stay open for temu's own messages */
        close(fd);
    return 0;
}

int64_t emu_sys_lseek(struct emu_proc *p, const uint64_t *a)
{
    int fd = emu_sys_hostfd(p, a[0]);
    if (fd < 0)
        return -EBADF;
    if (a[2] > 4) /* SEEK_SET, CUR, END, DATA, HOLE */
        return -EINVAL;
    off_t r = lseek(fd, (off_t)a[1], (int)a[2]);
    return r < 0 ? -errno : (int64_t)r;
}

static void put32(uint8_t *b, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b[i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *b, uint64_t v)
{
    put32(b, (uint32_t)v);
    put32(b + 4, (uint32_t)(v >> 32));
}

/* The asm-generic struct stat that AArch64 uses: 128 bytes, offsets as in the kernel's
 * include/uapi/asm-generic/stat.h. */
static int64_t put_stat(struct emu_proc *p, uint64_t addr, const struct stat *st)
{
    uint8_t b[128] = {0};
    put64(b + 0, (uint64_t)st->st_dev);
    put64(b + 8, (uint64_t)st->st_ino);
    put32(b + 16, (uint32_t)st->st_mode);
    put32(b + 20, (uint32_t)st->st_nlink);
    put32(b + 24, (uint32_t)st->st_uid);
    put32(b + 28, (uint32_t)st->st_gid);
    put64(b + 32, (uint64_t)st->st_rdev);
    put64(b + 48, (uint64_t)st->st_size);
    put32(b + 56, (uint32_t)st->st_blksize);
    put64(b + 64, (uint64_t)st->st_blocks);
    put64(b + 72, (uint64_t)st->st_atim.tv_sec);
    put64(b + 80, (uint64_t)st->st_atim.tv_nsec);
    put64(b + 88, (uint64_t)st->st_mtim.tv_sec);
    put64(b + 96, (uint64_t)st->st_mtim.tv_nsec);
    put64(b + 104, (uint64_t)st->st_ctim.tv_sec);
    put64(b + 112, (uint64_t)st->st_ctim.tv_nsec);
    return emu_mem_copy_in(&p->mem, addr, b, sizeof b) ? -EFAULT : 0;
}

int64_t emu_sys_fstat(struct emu_proc *p, const uint64_t *a)
{
    int fd = emu_sys_hostfd(p, a[0]);
    if (fd < 0)
        return -EBADF;
    struct stat st;
    if (fstat(fd, &st))
        return -errno;
    return put_stat(p, a[1], &st);
}

int64_t emu_sys_newfstatat(struct emu_proc *p, const uint64_t *a)
{
    uint64_t flags = a[3];
    if (flags & ~(uint64_t)(G_AT_SYMLINK_NOFOLLOW | G_AT_NO_AUTOMOUNT | G_AT_EMPTY_PATH))
        return -EINVAL;
    /* Open the object itself (O_PATH needs no permission on it) by the one lookup rule, and stat
     * the fd: confinement and the guest's /proc view then hold for stat as for open. */
    int fd = emu_sys_open_object(p, (int32_t)a[0], a[1], flags);
    if (fd < 0)
        return fd;
    struct stat st;
    int rc = fstat(fd, &st);
    int err = errno;
    close(fd);
    return rc ? -err : put_stat(p, a[2], &st);
}

int64_t emu_sys_readlinkat(struct emu_proc *p, const uint64_t *a)
{
    if ((int32_t)a[3] <= 0) /* the kernel takes bufsiz as an int */
        return -EINVAL;
    char path[EMU_SYS_PATH_MAX], target[EMU_SYS_PATH_MAX];
    int rc = emu_sys_get_path(p, a[1], path);
    if (rc)
        return rc;
    if (!path[0])
        return -ENOENT;
    rc = emu_sys_readlink_path(p, (int32_t)a[0], path, target, sizeof target);
    if (rc)
        return rc;
    uint64_t n = strlen(target), cap = (uint32_t)(int32_t)a[3];
    if (n > cap)
        n = cap; /* truncated, without a NUL, as Linux does */
    return emu_mem_copy_in(&p->mem, a[2], target, n) ? -EFAULT : (int64_t)n;
}

int64_t emu_sys_ioctl(struct emu_proc *p, const uint64_t *a)
{
    /* No terminal emulation yet: TCGETS and everything else say "not a tty", so C runtimes fall
     * back to full buffering. */
    return emu_sys_hostfd(p, a[0]) < 0 ? -EBADF : -ENOTTY;
}
