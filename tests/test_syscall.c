/* test_syscall.c: the Linux syscall layer, driven directly: x8 and x0..x5 set in a process, then
 * emu_syscall, then x0 and guest memory checked. Also emu_proc_describe's messages. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu_sys_int.h"
#include "emu_syscall.h"

#define SCRATCH 0x100000ull /* 1 MiB of RW guest memory for buffers */
#define RO_PAGE 0x300000ull /* one read-only page */
#define BRK0    0x400000ull
#define AT_FDCWD_G ((uint64_t)-100)

/* Guest (AArch64) flag values, written out so that a host with other values cannot hide a missing
 * translation. */
#define G_O_WRONLY    01
#define G_O_CREAT     0100
#define G_O_TRUNC     01000
#define G_O_DIRECTORY 040000

struct fixture {
    struct emu_proc p;
    char dir[64];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/temu-test-sys-XXXXXX");
    if (!mkdtemp(f->dir) || emu_proc_init(&f->p, 0)) {
        free(f);
        return -1;
    }
    struct emu_mem *m = &f->p.mem;
    emu_mem_map(m, SCRATCH, 0x100000, EMU_PERM_R | EMU_PERM_W);
    emu_mem_map(m, RO_PAGE, 0x1000, EMU_PERM_R);
    m->brk_start = m->brk = BRK0;
    m->brk_limit = EMU_MMAP_BASE;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    emu_proc_free(&f->p);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    free(f);
    return 0;
}

static int64_t sc(struct emu_proc *p, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                  uint64_t a4, uint64_t a5)
{
    p->st.x[8] = nr;
    p->st.x[0] = a0, p->st.x[1] = a1, p->st.x[2] = a2, p->st.x[3] = a3, p->st.x[4] = a4, p->st.x[5] = a5;
    assert_int_equal(emu_syscall(p), EMU_OK);
    return (int64_t)p->st.x[0];
}
#define SC_(p, nr, a0, a1, a2, a3, a4, a5, ...) sc(p, nr, a0, a1, a2, a3, a4, a5)
#define S(p, ...) SC_(p, __VA_ARGS__, 0, 0, 0, 0, 0, 0)

static void put_str(struct emu_proc *p, uint64_t a, const char *s)
{
    assert_int_equal(emu_mem_copy_in(&p->mem, a, s, strlen(s) + 1), 0);
}

static uint64_t rd64(struct emu_proc *p, uint64_t a)
{
    uint64_t v = 0;
    assert_int_equal(emu_mem_copy_out(&p->mem, a, &v, 8), 0);
    return v;
}

static void write_host_file(const char *path, const char *s)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(s, fp);
    fclose(fp);
}

static void test_pipe_read_write(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    int pfd[2];
    assert_int_equal(pipe(pfd), 0);
    p->fds[5] = pfd[1];
    p->fds[6] = pfd[0];
    put_str(p, SCRATCH, "hello pipe");
    assert_int_equal(S(p, 64, 5, SCRATCH, 10), 10);
    char buf[32] = {0};
    assert_int_equal(read(pfd[0], buf, sizeof buf), 10);
    assert_string_equal(buf, "hello pipe");
    /* A read asking for more than is there returns what arrived instead of blocking. */
    assert_int_equal(write(pfd[1], "xyz", 3), 3);
    assert_int_equal(S(p, 63, 6, SCRATCH + 0x1000, 100), 3);
    assert_int_equal(emu_mem_copy_out(&p->mem, SCRATCH + 0x1000, buf, 3), 0);
    assert_memory_equal(buf, "xyz", 3);
    /* A read into bad memory fails with -EFAULT and leaves the data in the pipe. */
    assert_int_equal(write(pfd[1], "q", 1), 1);
    assert_int_equal(S(p, 63, 6, 0x10, 1), -EFAULT);
    assert_int_equal(S(p, 63, 6, RO_PAGE, 1), -EFAULT);
    assert_int_equal(S(p, 63, 6, SCRATCH + 0x100000 - 1, 2), -EFAULT); /* runs off the mapping */
    assert_int_equal(read(pfd[0], buf, 1), 1);
    assert_int_equal(buf[0], 'q');
    /* Writes from bad memory too, and unknown fds. */
    assert_int_equal(S(p, 64, 5, 0x10, 5), -EFAULT);
    assert_int_equal(S(p, 64, 5, UINT64_MAX - 2, 5), -EFAULT);
    assert_int_equal(S(p, 64, 40, SCRATCH, 1), -EBADF);
    assert_int_equal(S(p, 64, 1000, SCRATCH, 1), -EBADF);
    assert_int_equal(S(p, 64, 5, SCRATCH, 0), 0);
    /* writev/readv with a zero-length iovec in the middle. */
    put_str(p, SCRATCH + 0x2000, "abc");
    put_str(p, SCRATCH + 0x2010, "defg");
    uint64_t iov[6] = {SCRATCH + 0x2000, 3, SCRATCH, 0, SCRATCH + 0x2010, 4};
    emu_mem_copy_in(&p->mem, SCRATCH + 0x3000, iov, sizeof iov);
    assert_int_equal(S(p, 66, 5, SCRATCH + 0x3000, 3), 7);
    uint64_t riov[4] = {SCRATCH + 0x4000, 2, SCRATCH + 0x4010, 10};
    emu_mem_copy_in(&p->mem, SCRATCH + 0x3100, riov, sizeof riov);
    assert_int_equal(S(p, 65, 6, SCRATCH + 0x3100, 2), 7);
    assert_int_equal(emu_mem_copy_out(&p->mem, SCRATCH + 0x4000, buf, 2), 0);
    assert_memory_equal(buf, "ab", 2);
    assert_int_equal(emu_mem_copy_out(&p->mem, SCRATCH + 0x4010, buf, 5), 0);
    assert_memory_equal(buf, "cdefg", 5);
    assert_int_equal(S(p, 66, 5, 0x10, 1), -EFAULT);    /* bad iovec array */
    assert_int_equal(S(p, 66, 5, SCRATCH, 5000), -EINVAL);
    uint64_t bad[2] = {0x10, 4};
    emu_mem_copy_in(&p->mem, SCRATCH + 0x3200, bad, sizeof bad);
    assert_int_equal(S(p, 66, 5, SCRATCH + 0x3200, 1), -EFAULT); /* bad buffer inside */
    assert_int_equal(S(p, 57, 5), 0);
    assert_int_equal(S(p, 57, 6), 0);
    assert_int_equal(S(p, 57, 6), -EBADF);
}

static void drain(int fd, int64_t n)
{
    char buf[64];
    while (n > 0) {
        ssize_t r = read(fd, buf, n < (int64_t)sizeof buf ? (size_t)n : sizeof buf);
        assert_true(r > 0);
        n -= r;
    }
}

/* Counts above Linux's MAX_RW_COUNT (0x7ffff000) are cut to it, not refused: read/write and their
 * positional forms check only the cut range; readv/writev cut each segment so that the total stays
 * within it (a segment left with nothing is not checked), and refuse only lengths above SSIZE_MAX.
 * A range that leaves the 48-bit user address space fails access_ok first: EFAULT. */
static void test_rw_count_above_max_rw_count_is_clamped(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    const uint64_t big = 0x80000000ull, max_rw = 0x7ffff000ull; /* 2 GiB of RW memory at big */
    assert_int_equal(emu_mem_map(&p->mem, big, 0x80000000ull, EMU_PERM_R | EMU_PERM_W), 0);
    int pfd[2];
    assert_int_equal(pipe(pfd), 0);
    assert_int_equal(fcntl(pfd[1], F_SETFL, O_NONBLOCK), 0);
    p->fds[5] = pfd[1];
    p->fds[6] = pfd[0];
    char buf[8];
    assert_int_equal(write(pfd[1], "hello", 5), 5);
    assert_int_equal(S(p, 63, 6, big, 0x80000000ull), 5); /* read */
    assert_int_equal(emu_mem_copy_out(&p->mem, big, buf, 5), 0);
    assert_memory_equal(buf, "hello", 5);
    assert_int_equal(write(pfd[1], "x", 1), 1);
    assert_int_equal(S(p, 63, 6, big, 1ull << 40), 1);
    assert_int_equal(S(p, 63, 6, SCRATCH, 0x80000000ull), -EFAULT); /* the cut range is checked */
    assert_int_equal(S(p, 63, 6, big, UINT64_MAX), -EFAULT);        /* past the user address space */
    assert_int_equal(S(p, 63, 6, big, (1ull << 48) - big + 1), -EFAULT);
    int64_t n = S(p, 64, 5, big, 1ull << 40); /* write: as much as the pipe takes */
    assert_true(n > 0 && (uint64_t)n <= max_rw);
    drain(pfd[0], n);
    assert_int_equal(S(p, 64, 5, SCRATCH, 0x80000000ull), -EFAULT);
    /* readv/writev: the first segment takes all of MAX_RW_COUNT, the bad one after it gets 0. */
    uint64_t iov[4] = {big, 0x80000000ull, 0x10, 8};
    emu_mem_copy_in(&p->mem, SCRATCH, iov, sizeof iov);
    assert_int_equal(write(pfd[1], "abc", 3), 3);
    assert_int_equal(S(p, 65, 6, SCRATCH, 2), 3);
    n = S(p, 66, 5, SCRATCH, 2);
    assert_true(n > 0 && (uint64_t)n <= max_rw);
    drain(pfd[0], n);
    /* A segment cut to what is left is still checked; above SSIZE_MAX is EINVAL. */
    uint64_t iov2[4] = {SCRATCH + 0x100, 4, SCRATCH + 0x104, 0x80000000ull};
    emu_mem_copy_in(&p->mem, SCRATCH, iov2, sizeof iov2);
    assert_int_equal(S(p, 66, 5, SCRATCH, 2), -EFAULT);
    uint64_t iov3[4] = {SCRATCH + 0x100, 4, SCRATCH + 0x104, 1ull << 63};
    emu_mem_copy_in(&p->mem, SCRATCH, iov3, sizeof iov3);
    assert_int_equal(S(p, 66, 5, SCRATCH, 2), -EINVAL);
    assert_int_equal(S(p, 65, 6, SCRATCH, 2), -EINVAL);
    /* pread64/pwrite64 on a regular file. */
    char path[128];
    snprintf(path, sizeof path, "%s/rw.txt", f->dir);
    write_host_file(path, "12345");
    int fd = open(path, O_RDWR);
    assert_true(fd >= 0);
    p->fds[7] = fd;
    assert_int_equal(S(p, 67, 7, big, 1ull << 40, 1), 4);
    assert_int_equal(emu_mem_copy_out(&p->mem, big, buf, 4), 0);
    assert_memory_equal(buf, "2345", 4);
    assert_int_equal(S(p, 67, 7, SCRATCH, 0x80000000ull, 0), -EFAULT);
    assert_int_equal(S(p, 68, 7, SCRATCH, 0x80000000ull, 0), -EFAULT);
    assert_int_equal(S(p, 57, 5), 0);
    assert_int_equal(S(p, 57, 6), 0);
    assert_int_equal(S(p, 57, 7), 0);
}

static void test_file_calls(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    char path[128];
    snprintf(path, sizeof path, "%s/data.txt", f->dir);
    write_host_file(path, "hello world");
    put_str(p, SCRATCH, path);
    int64_t fd = S(p, 56, AT_FDCWD_G, SCRATCH, 0);
    assert_int_equal(fd, 3); /* the lowest free guest fd */
    uint64_t st = SCRATCH + 0x1000;
    assert_int_equal(S(p, 80, fd, st), 0);
    assert_int_equal(rd64(p, st + 48), 11);                 /* st_size */
    assert_true(S_ISREG((uint32_t)rd64(p, st + 16)));       /* st_mode */
    assert_int_equal((uint32_t)rd64(p, st + 24), getuid()); /* st_uid */
    struct stat hs;
    assert_int_equal(stat(path, &hs), 0);
    assert_int_equal(rd64(p, st + 8), hs.st_ino);
    assert_int_equal(rd64(p, st + 88), hs.st_mtim.tv_sec);
    assert_int_equal(S(p, 62, fd, 6, 0), 6);                /* lseek SEEK_SET */
    assert_int_equal(S(p, 63, fd, SCRATCH + 0x2000, 100), 5);
    char buf[16] = {0};
    emu_mem_copy_out(&p->mem, SCRATCH + 0x2000, buf, 5);
    assert_string_equal(buf, "world");
    assert_int_equal(S(p, 62, fd, -3, 2), 8);               /* SEEK_END */
    assert_int_equal(S(p, 62, fd, 0, 9), -EINVAL);
    assert_int_equal(S(p, 67, fd, SCRATCH + 0x2000, 4, 2), 4); /* pread64 */
    emu_mem_copy_out(&p->mem, SCRATCH + 0x2000, buf, 4);
    assert_memory_equal(buf, "llo ", 4);
    /* newfstatat by path, and by fd with AT_EMPTY_PATH. */
    emu_mem_copy_in(&p->mem, st, (uint8_t[128]){0}, 128);
    assert_int_equal(S(p, 79, AT_FDCWD_G, SCRATCH, st, 0), 0);
    assert_int_equal(rd64(p, st + 48), 11);
    put_str(p, SCRATCH + 0x3000, "");
    assert_int_equal(S(p, 79, fd, SCRATCH + 0x3000, st, 0x1000), 0);
    assert_int_equal(rd64(p, st + 48), 11);
    assert_int_equal(S(p, 79, fd, SCRATCH + 0x3000, st, 0), -ENOENT);
    assert_int_equal(S(p, 79, fd, SCRATCH + 0x3000, st, 0x4), -EINVAL);
    assert_int_equal(S(p, 80, fd, RO_PAGE), -EFAULT);
    assert_int_equal(S(p, 80, fd, 0), -EFAULT);
    assert_int_equal(S(p, 80, 33, st), -EBADF);
    /* ioctl: not a terminal. */
    assert_int_equal(S(p, 29, 1, 0x5401, SCRATCH), -ENOTTY);
    assert_int_equal(S(p, 29, fd, 0x5413, SCRATCH), -ENOTTY);
    assert_int_equal(S(p, 29, 50, 0x5401, SCRATCH), -EBADF);
    assert_int_equal(S(p, 57, fd), 0);
    assert_int_equal(S(p, 57, fd), -EBADF);
    /* Flags are the guest's: O_DIRECTORY (040000 on AArch64) on a file must fail with ENOTDIR. */
    assert_int_equal(S(p, 56, AT_FDCWD_G, SCRATCH, G_O_DIRECTORY), -ENOTDIR);
    /* Create, write, read back on the host. */
    snprintf(path, sizeof path, "%s/new.txt", f->dir);
    put_str(p, SCRATCH, path);
    fd = S(p, 56, AT_FDCWD_G, SCRATCH, G_O_WRONLY | G_O_CREAT | G_O_TRUNC, 0644);
    assert_int_equal(fd, 3);
    put_str(p, SCRATCH + 0x2000, "created");
    assert_int_equal(S(p, 64, fd, SCRATCH + 0x2000, 7), 7);
    assert_int_equal(S(p, 63, fd, SCRATCH + 0x2000, 7), -EBADF); /* write-only */
    assert_int_equal(S(p, 57, fd), 0);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    assert_non_null(fgets(buf, sizeof buf, fp));
    fclose(fp);
    assert_string_equal(buf, "created");
    /* Paths: missing, bad pointer, no NUL within PATH_MAX. */
    put_str(p, SCRATCH, "/nonexistent/temu");
    assert_int_equal(S(p, 56, AT_FDCWD_G, SCRATCH, 0), -ENOENT);
    assert_int_equal(S(p, 56, AT_FDCWD_G, 0x10, 0), -EFAULT);
    uint8_t long_path[5000];
    memset(long_path, 'a', sizeof long_path);
    emu_mem_copy_in(&p->mem, SCRATCH, long_path, sizeof long_path);
    assert_int_equal(S(p, 56, AT_FDCWD_G, SCRATCH, 0), -ENAMETOOLONG);
    assert_int_equal(S(p, 56, 40, SCRATCH + 5000 - 2, 0), -EBADF); /* path "a" relative to a bad fd */
    /* The fd table fills up. */
    snprintf(path, sizeof path, "%s/data.txt", f->dir);
    put_str(p, SCRATCH, path);
    for (int i = 3; i < EMU_MAX_FDS; i++)
        assert_int_equal(S(p, 56, AT_FDCWD_G, SCRATCH, 0), i);
    assert_int_equal(S(p, 56, AT_FDCWD_G, SCRATCH, 0), -EMFILE);
}

static void test_brk(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    assert_int_equal(S(p, 214, 0), BRK0);
    assert_int_equal(S(p, 214, BRK0 + 0x5000), BRK0 + 0x5000);
    uint64_t v = 42;
    assert_int_equal(emu_mem_write(&p->mem, BRK0 + 0x4ff8, &v, 8), 0);
    assert_int_equal(S(p, 214, BRK0 + 0x5800), BRK0 + 0x5800); /* partial page: rounds up */
    assert_int_equal(emu_mem_write(&p->mem, BRK0 + 0x5ff8, &v, 8), 0);
    assert_int_equal(S(p, 214, BRK0 + 0x1000), BRK0 + 0x1000);  /* shrink */
    assert_int_equal(emu_mem_write(&p->mem, BRK0 + 0x1000, &v, 8), -1);
    assert_int_equal(S(p, 214, EMU_MMAP_BASE + 0x1000), BRK0 + 0x1000); /* past the limit */
    assert_int_equal(S(p, 214, BRK0 - 0x1000), BRK0 + 0x1000);          /* below the start */
    /* Growth stops at an existing mapping. */
    emu_mem_map(&p->mem, BRK0 + 0x10000, 0x1000, EMU_PERM_R);
    assert_int_equal(S(p, 214, BRK0 + 0x20000), BRK0 + 0x1000);
}

static void test_mmap(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    const uint64_t RW = 3, PRIV_ANON = 0x22, FIXED = 0x10, NOREPLACE = 0x100000;
    int64_t a = S(p, 222, 0, 0x3000, RW, PRIV_ANON, -1, 0);
    assert_true(a >= (int64_t)EMU_MMAP_BASE && a < (int64_t)(EMU_STACK_TOP - EMU_STACK_SIZE));
    assert_int_equal(a & 0xfff, 0);
    assert_int_equal(rd64(p, (uint64_t)a + 0x2ff8), 0);
    uint64_t v = 7;
    assert_int_equal(emu_mem_write(&p->mem, (uint64_t)a + 0x2ff8, &v, 8), 0);
    int64_t b = S(p, 222, 0, 100, 1, PRIV_ANON, -1, 0);
    assert_true(b >= a + 0x3000 || b + 0x1000 <= a);
    assert_int_equal(emu_mem_write(&p->mem, (uint64_t)b, &v, 8), -1); /* PROT_READ only */
    /* MAP_FIXED lands exactly, replacing what was there; NOREPLACE refuses. */
    assert_int_equal(S(p, 222, 0x30000000, 0x2000, RW, PRIV_ANON | FIXED, -1, 0), 0x30000000);
    assert_int_equal(S(p, 222, 0x30001000, 0x1000, RW, PRIV_ANON | NOREPLACE, -1, 0), -EEXIST);
    assert_int_equal(S(p, 222, 0x30000800, 0x1000, RW, PRIV_ANON | FIXED, -1, 0), -EINVAL);
    assert_int_equal(S(p, 222, 0xfffff000, 0x2000, RW, PRIV_ANON | FIXED, -1, 0), -ENOMEM);
    /* munmap, mprotect. */
    assert_int_equal(S(p, 215, 0x30000000, 0x1000), 0);
    assert_int_equal(emu_mem_read(&p->mem, 0x30000000, &v, 8), -1);
    assert_int_equal(emu_mem_read(&p->mem, 0x30001000, &v, 8), 0);
    assert_int_equal(S(p, 215, 0x30000001, 0x1000), -EINVAL);
    assert_int_equal(S(p, 215, 0x30000000, 0), -EINVAL);
    assert_int_equal(S(p, 226, (uint64_t)a, 0x1000, 1), 0);
    assert_int_equal(emu_mem_write(&p->mem, (uint64_t)a, &v, 8), -1);
    assert_int_equal(emu_mem_write(&p->mem, (uint64_t)a + 0x1000, &v, 8), 0);
    assert_int_equal(S(p, 226, 0x30000000, 0x2000, 1), -ENOMEM); /* first page unmapped now */
    assert_int_equal(S(p, 226, (uint64_t)a, 0x1000, 0x40), -EINVAL);
    /* PROT_NONE then mprotect, the way runtimes reserve and commit. */
    int64_t r = S(p, 222, 0, 0x4000, 0, PRIV_ANON, -1, 0);
    assert_true(r > 0);
    assert_int_equal(emu_mem_read(&p->mem, (uint64_t)r, &v, 8), -1);
    assert_int_equal(S(p, 226, (uint64_t)r, 0x1000, RW), 0);
    assert_int_equal(emu_mem_write(&p->mem, (uint64_t)r, &v, 8), 0);
    int64_t c = S(p, 222, 0, 0x1000, RW, PRIV_ANON, -1, 0);
    assert_true(c >= r + 0x4000 || c + 0x1000 <= r); /* the reservation is not handed out again */
    /* Bad arguments and exhaustion. */
    assert_int_equal(S(p, 222, 0, 0, RW, PRIV_ANON, -1, 0), -EINVAL);
    assert_int_equal(S(p, 222, 0, 0x1000, RW, 0x20, -1, 0), -EINVAL); /* neither shared nor private */
    assert_int_equal(S(p, 222, 0, UINT64_MAX - 10, RW, PRIV_ANON, -1, 0), -ENOMEM);
    assert_int_equal(S(p, 222, 0, 2ull << 30, RW, PRIV_ANON, -1, 0), -ENOMEM);
    assert_int_equal(S(p, 222, 0, 0x1000, RW, 2, 40, 0), -EBADF);
    assert_int_equal(S(p, 222, 0, 0x1000, RW, 2, 1, 0x10), -EINVAL);
    /* madvise(DONTNEED) zeroes. */
    v = 9;
    assert_int_equal(emu_mem_write(&p->mem, (uint64_t)a + 0x1000, &v, 8), 0);
    assert_int_equal(S(p, 233, (uint64_t)a + 0x1000, 0x1000, 4), 0);
    assert_int_equal(rd64(p, (uint64_t)a + 0x1000), 0);
}

static void test_mmap_file(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    char path[128];
    snprintf(path, sizeof path, "%s/map.bin", f->dir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    for (int i = 0; i < 0x1800; i++)
        fputc(i & 0xff, fp);
    fclose(fp);
    put_str(p, SCRATCH, path);
    int64_t fd = S(p, 56, AT_FDCWD_G, SCRATCH, 0);
    assert_true(fd >= 3);
    int64_t a = S(p, 222, 0, 0x3000, 1, 2, fd, 0);
    assert_true(a > 0);
    uint8_t b[4];
    assert_int_equal(emu_mem_copy_out(&p->mem, (uint64_t)a + 0x17fe, b, 4), 0);
    assert_int_equal(b[0], 0xfe);
    assert_int_equal(b[1], 0xff);
    assert_int_equal(b[2], 0); /* past the end of the file */
    int64_t o = S(p, 222, 0, 0x1000, 1, 2, fd, 0x1000); /* with an offset */
    assert_int_equal(emu_mem_copy_out(&p->mem, (uint64_t)o + 1, b, 1), 0);
    assert_int_equal(b[0], 1);
    assert_int_equal(S(p, 222, 0, 0x1000, 3, 1, fd, 0), -ENODEV); /* shared writable copy */
    /* A file opened write-only cannot be mapped. */
    int64_t wfd = S(p, 56, AT_FDCWD_G, SCRATCH, G_O_WRONLY);
    assert_int_equal(S(p, 222, 0, 0x1000, 1, 2, wfd, 0), -EACCES);
}

static void test_misc_calls(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    char u[6][65];
    assert_int_equal(S(p, 160, SCRATCH), 0);
    emu_mem_copy_out(&p->mem, SCRATCH, u, sizeof u);
    assert_string_equal(u[0], "Linux");
    assert_string_equal(u[4], "aarch64");
    assert_true(u[2][0] != 0);
    assert_int_equal(S(p, 160, RO_PAGE), -EFAULT);
    /* Time. */
    assert_int_equal(S(p, 113, 1, SCRATCH), 0);
    uint64_t sec = rd64(p, SCRATCH), nsec = rd64(p, SCRATCH + 8);
    assert_true(nsec < 1000000000ull);
    assert_int_equal(S(p, 113, 1, SCRATCH), 0);
    assert_true(rd64(p, SCRATCH) > sec || (rd64(p, SCRATCH) == sec && rd64(p, SCRATCH + 8) >= nsec));
    assert_int_equal(S(p, 113, 0, SCRATCH), 0);
    assert_true(rd64(p, SCRATCH) > 1600000000ull); /* after 2020 */
    assert_int_equal(S(p, 113, 99, SCRATCH), -EINVAL);
    assert_int_equal(S(p, 113, 1, 0x10), -EFAULT);
    assert_int_equal(S(p, 169, SCRATCH, 0), 0);
    assert_true(rd64(p, SCRATCH + 8) < 1000000);
    /* getrandom. */
    uint8_t zero[64] = {0}, got[64];
    emu_mem_copy_in(&p->mem, SCRATCH, zero, 64);
    assert_int_equal(S(p, 278, SCRATCH, 64, 0), 64);
    emu_mem_copy_out(&p->mem, SCRATCH, got, 64);
    assert_memory_not_equal(got, zero, 64);
    assert_int_equal(S(p, 278, RO_PAGE, 8, 0), -EFAULT);
    assert_int_equal(S(p, 278, SCRATCH, 8, 0x100), -EINVAL);
    /* Identity. */
    assert_int_equal(S(p, 172, 0), getpid());
    assert_int_equal(S(p, 178, 0), getpid());
    assert_int_equal(S(p, 173, 0), getppid());
    assert_int_equal(S(p, 174, 0), getuid());
    assert_int_equal(S(p, 175, 0), geteuid());
    assert_int_equal(S(p, 176, 0), getgid());
    assert_int_equal(S(p, 177, 0), getegid());
    assert_int_equal(S(p, 96, SCRATCH), getpid());
    assert_int_equal(S(p, 99, SCRATCH, 24), 0);
    assert_int_equal(S(p, 99, SCRATCH, 12), -EINVAL);
    /* Signals: accepted; the old action reads back as zeroes. */
    uint8_t ones[32];
    memset(ones, 0xff, sizeof ones);
    emu_mem_copy_in(&p->mem, SCRATCH + 0x100, ones, 32);
    assert_int_equal(S(p, 134, 2, SCRATCH, SCRATCH + 0x100, 8), 0);
    assert_int_equal(rd64(p, SCRATCH + 0x100), 0);
    assert_int_equal(rd64(p, SCRATCH + 0x118), 0);
    assert_int_equal(S(p, 134, 9, SCRATCH, 0, 8), -EINVAL);
    assert_int_equal(S(p, 134, 2, SCRATCH, 0, 16), -EINVAL);
    assert_int_equal(S(p, 134, 2, 0x10, 0, 8), -EFAULT);
    assert_int_equal(S(p, 135, 0, SCRATCH, SCRATCH + 0x100, 8), 0);
    assert_int_equal(S(p, 135, 7, SCRATCH, 0, 8), -EINVAL);
    /* Limits. */
    assert_int_equal(S(p, 261, 0, 3, 0, SCRATCH), 0);
    assert_int_equal(rd64(p, SCRATCH), EMU_STACK_SIZE);
    assert_int_equal(S(p, 261, 0, 7, 0, SCRATCH), 0);
    assert_int_equal(rd64(p, SCRATCH), EMU_MAX_FDS);
    assert_int_equal(S(p, 261, 0, 99, 0, SCRATCH), -EINVAL);
    assert_int_equal(S(p, 123, 0, 8, SCRATCH), 8);
    assert_int_equal(rd64(p, SCRATCH), 1);
    assert_int_equal(S(p, 293, 0, 0, 0, 0), -ENOSYS); /* rseq */
}

/* sched_getaffinity takes (pid_t pid, unsigned int len, ...): len is cut to 32 bits, len * 8 (in
 * 32 bits) must cover the one CPU and len be a multiple of 8; the pid must be 0 or temu's own. */
static void test_sched_getaffinity_huge_len_and_other_pid(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    assert_int_equal(S(p, 123, 0, 8, SCRATCH), 8);
    assert_int_equal(S(p, 123, 0, 64, SCRATCH), 8); /* min(len, the kernel's mask size) */
    assert_int_equal(S(p, 123, 0, 1ull << 32, SCRATCH), -EINVAL); /* len 0 */
    assert_int_equal(S(p, 123, 0, (1ull << 32) | 4, SCRATCH), -EINVAL);
    assert_int_equal(S(p, 123, 0, 1ull << 40, SCRATCH), -EINVAL);
    assert_int_equal(S(p, 123, 0, 0x20000000, SCRATCH), -EINVAL); /* len * 8 wraps to 0 */
    assert_int_equal(S(p, 123, 0, (1ull << 32) | 16, SCRATCH), 8);
    assert_int_equal(S(p, 123, 0, 4, SCRATCH), -EINVAL);
    assert_int_equal(S(p, 123, (uint64_t)getpid(), 8, SCRATCH), 8);
    assert_int_equal(S(p, 123, (uint64_t)getpid() | (1ull << 32), 8, SCRATCH), 8); /* pid_t: 32 bits */
    assert_int_equal(S(p, 123, (uint64_t)getppid(), 8, SCRATCH), -ESRCH);
    assert_int_equal(S(p, 123, UINT64_MAX, 8, SCRATCH), -ESRCH);
    assert_int_equal(S(p, 123, UINT64_MAX, 4, SCRATCH), -EINVAL); /* len is checked first */
    assert_int_equal(S(p, 123, 0, 8, RO_PAGE), -EFAULT);
}

static void test_exit_and_unknown(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    p->st.x[8] = 94;
    p->st.x[0] = 300;
    assert_int_equal(emu_syscall(p), EMU_EXIT);
    assert_int_equal(p->exit_code, 300 & 0xff);
    p->st.x[8] = 93;
    p->st.x[0] = 3;
    assert_int_equal(emu_syscall(p), EMU_EXIT);
    assert_int_equal(p->exit_code, 3);
    p->st.pc = 0x400010;
    /* By default, as qemu-user: -ENOSYS to the guest and the run goes on. */
    assert_int_equal(S(p, 999, 5), -ENOSYS);
    assert_int_equal(S(p, 219, 5), -ENOSYS);
    /* --strict-syscalls: a stop with the one-line error. */
    p->strict_syscalls = 1;
    p->st.x[8] = 999;
    p->st.x[0] = 5;
    assert_int_equal(emu_syscall(p), EMU_SYSCALL_BAD);
    assert_int_equal(p->st.x[0], 5); /* untouched */
    assert_string_equal(emu_proc_describe(p, EMU_SYSCALL_BAD), "unsupported syscall 999 (unknown) at pc 0x400010");
    p->st.x[8] = 219;
    assert_int_equal(emu_syscall(p), EMU_SYSCALL_BAD);
    assert_string_equal(emu_proc_describe(p, EMU_SYSCALL_BAD), "unsupported syscall 219 (keyctl) at pc 0x400010");
    assert_string_equal(emu_syscall_name(220), "clone");
    assert_string_equal(emu_syscall_name(435), "clone3");
    assert_string_equal(emu_syscall_name(63), "read");
    assert_string_equal(emu_syscall_name(293), "rseq");
    assert_null(emu_syscall_name(250));
    assert_null(emu_syscall_name(1u << 20));
    assert_null(emu_syscall_name(UINT64_MAX));
}

static void test_describe(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    emu_mem_map(&p->mem, 0x400000, 0x1000, EMU_PERM_R | EMU_PERM_X);
    uint32_t word = 0xdeadbeef;
    emu_mem_poke(&p->mem, 0x400120, &word, 4);
    p->st.pc = 0x400120;
    assert_string_equal(emu_proc_describe(p, EMU_UNDEF),
                        "undefined instruction at pc 0x400120: encoding 0xdeadbeef");
    emu_mem_protect(&p->mem, 0x400000, 0x1000, EMU_PERM_X); /* execute-only still shows the word */
    assert_string_equal(emu_proc_describe(p, EMU_UNDEF),
                        "undefined instruction at pc 0x400120: encoding 0xdeadbeef");
    p->st.pc = 0x900000;
    assert_non_null(strstr(emu_proc_describe(p, EMU_UNDEF), "pc 0x900000: pc is not mapped"));
    p->st.pc = 0x400120;
    p->mem.fault_addr = 0;
    assert_string_equal(emu_proc_describe(p, EMU_FAULT),
                        "memory fault at pc 0x400120: address 0x0 (read of unmapped memory)");
    p->fault_access = EMU_PERM_W;
    p->mem.fault_addr = RO_PAGE + 8;
    assert_string_equal(emu_proc_describe(p, EMU_FAULT),
                        "memory fault at pc 0x400120: address 0x300008 (write to read-only memory)");
    p->fault_access = 0;
    p->st.pc = p->mem.fault_addr = 0x1000;
    assert_string_equal(emu_proc_describe(p, EMU_FAULT),
                        "memory fault at pc 0x1000: address 0x1000 (fetch from unmapped memory)");
    p->st.pc = p->mem.fault_addr = SCRATCH;
    assert_string_equal(emu_proc_describe(p, EMU_FAULT),
                        "memory fault at pc 0x100000: address 0x100000 (fetch from non-executable memory)");
    /* A load or store that starts on the window's last page and runs past its end. */
    emu_mem_map(&p->mem, 0xfffff000, 0x1000, EMU_PERM_R | EMU_PERM_W);
    p->st.pc = 0x400120;
    p->mem.fault_addr = 0xfffffffc;
    p->fault_access = EMU_PERM_R;
    assert_string_equal(emu_proc_describe(p, EMU_FAULT), "memory fault at pc 0x400120: address 0xfffffffc "
                                                         "(read of memory past the end of the guest window)");
    p->fault_access = EMU_PERM_W;
    assert_string_equal(emu_proc_describe(p, EMU_FAULT), "memory fault at pc 0x400120: address 0xfffffffc "
                                                         "(write to memory past the end of the guest window)");
    emu_mem_protect(&p->mem, 0xfffff000, 0x1000, EMU_PERM_R); /* a store there fails on the page */
    assert_string_equal(emu_proc_describe(p, EMU_FAULT),
                        "memory fault at pc 0x400120: address 0xfffffffc (write to read-only memory)");
    assert_null(strchr(emu_proc_describe(p, EMU_LIMIT), '\n'));
}

/* --fs-root: every way out of the root fails, ways inside work. */
static void test_fs_root(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    char root[128], path[192];
    snprintf(root, sizeof root, "%s/root", f->dir);
    assert_int_equal(mkdir(root, 0755), 0);
    snprintf(path, sizeof path, "%s/sub", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/inside.txt", root);
    write_host_file(path, "in");
    snprintf(path, sizeof path, "%s/secret.txt", f->dir);
    write_host_file(path, "secret");
    snprintf(path, sizeof path, "%s/up", root);
    assert_int_equal(symlink("../secret.txt", path), 0);
    snprintf(path, sizeof path, "%s/abs", root);
    assert_int_equal(symlink("/etc/passwd", path), 0);
    snprintf(path, sizeof path, "%s/ok", root);
    assert_int_equal(symlink("/inside.txt", path), 0); /* absolute, meant relative to the root */
    p->fs_root = root;

    static const char *const inside[] = {"inside.txt", "/inside.txt", "/sub/../inside.txt", "ok",
                                         "/../inside.txt"};
    for (size_t i = 0; i < sizeof inside / sizeof *inside; i++) {
        put_str(p, SCRATCH, inside[i]);
        int64_t fd = S(p, 56, AT_FDCWD_G, SCRATCH, 0);
        if (fd < 0)
            fail_msg("%s: %lld", inside[i], (long long)fd);
        assert_int_equal(S(p, 63, fd, SCRATCH + 0x1000, 16), 2);
        assert_int_equal(S(p, 57, fd), 0);
        assert_int_equal(S(p, 79, AT_FDCWD_G, SCRATCH, SCRATCH + 0x1000, 0), 0);
        assert_int_equal(rd64(p, SCRATCH + 0x1000 + 48), 2);
    }
    char outside[4][200];
    snprintf(outside[0], sizeof outside[0], "../secret.txt");
    snprintf(outside[1], sizeof outside[1], "%s/secret.txt", f->dir); /* host absolute path */
    snprintf(outside[2], sizeof outside[2], "up");
    snprintf(outside[3], sizeof outside[3], "abs");
    for (int i = 0; i < 4; i++) {
        put_str(p, SCRATCH, outside[i]);
        int64_t fd = S(p, 56, AT_FDCWD_G, SCRATCH, 0);
        if (fd >= 0)
            fail_msg("%s escaped the root", outside[i]);
        assert_true(S(p, 79, AT_FDCWD_G, SCRATCH, SCRATCH + 0x1000, 0) < 0);
    }
    /* lstat of the escaping symlink itself is fine: it lies inside. */
    put_str(p, SCRATCH, "up");
    assert_int_equal(S(p, 79, AT_FDCWD_G, SCRATCH, SCRATCH + 0x1000, 0x100), 0);
    /* Relative to a directory fd inside the root: as in a chroot, ".." stops at the root. */
    put_str(p, SCRATCH, "/sub");
    int64_t dfd = S(p, 56, AT_FDCWD_G, SCRATCH, G_O_DIRECTORY);
    assert_true(dfd >= 0);
    put_str(p, SCRATCH, "../../secret.txt");
    assert_int_equal(S(p, 56, dfd, SCRATCH, 0), -ENOENT);
    put_str(p, SCRATCH, "up"); /* the escaping symlink, reached from the directory fd */
    assert_true(S(p, 56, dfd, SCRATCH, 0) < 0);
    put_str(p, SCRATCH, "../inside.txt"); /* stays inside: resolves as the chroot would */
    int64_t ifd = S(p, 56, dfd, SCRATCH, 0);
    assert_true(ifd >= 0);
    S(p, 57, ifd);
    /* A directory fd outside the root (an inherited fd 0 that is a host directory) leads nowhere. */
    int outer = open(f->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    assert_true(outer >= 0);
    int saved0 = p->fds[0];
    p->fds[0] = outer;
    put_str(p, SCRATCH, "secret.txt");
    assert_int_equal(S(p, 56, 0, SCRATCH, 0), -EACCES);
    assert_int_equal(S(p, 79, 0, SCRATCH, SCRATCH + 0x1000, 0), -EACCES);
    put_str(p, SCRATCH, "root/inside.txt");
    assert_int_equal(S(p, 56, 0, SCRATCH, 0), -EACCES);
    p->fds[0] = saved0;
    close(outer);
    /* Creating files inside works; outside does not. */
    put_str(p, SCRATCH, "/made.txt");
    int64_t fd = S(p, 56, AT_FDCWD_G, SCRATCH, G_O_WRONLY | G_O_CREAT, 0600);
    assert_true(fd >= 0);
    S(p, 57, fd);
    snprintf(path, sizeof path, "%s/made.txt", root);
    assert_int_equal(access(path, F_OK), 0);
    put_str(p, SCRATCH, "../made.txt");
    S(p, 56, AT_FDCWD_G, SCRATCH, G_O_WRONLY | G_O_CREAT, 0600);
    snprintf(path, sizeof path, "%s/made.txt", f->dir);
    assert_int_not_equal(access(path, F_OK), 0);
}

/* openat(dir, O_DIRECTORY, 0644) under a root: Linux ignores the mode without O_CREAT/O_TMPFILE;
 * openat2 refuses a mode then, so it must not reach it (O_TMPFILE contains O_DIRECTORY's bit). */
static void test_fs_root_directory_with_mode(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    char root[128];
    snprintf(root, sizeof root, "%s/root", f->dir);
    assert_int_equal(mkdir(root, 0755), 0);
    p->fs_root = root;
    put_str(p, SCRATCH, "/");
    int64_t fd = S(p, 56, AT_FDCWD_G, SCRATCH, G_O_DIRECTORY, 0644);
    assert_true(fd >= 0);
    put_str(p, SCRATCH, ".");
    int64_t fd2 = S(p, 56, fd, SCRATCH, G_O_DIRECTORY, 0755);
    assert_true(fd2 >= 0);
    S(p, 57, fd2);
    S(p, 57, fd);
}

/* The fallback used when the host lacks openat2 refuses the same escapes. */
static void test_fs_root_fallback(void **state)
{
    struct fixture *f = *state;
    char root[128], path[192];
    snprintf(root, sizeof root, "%s/root", f->dir);
    assert_int_equal(mkdir(root, 0755), 0);
    snprintf(path, sizeof path, "%s/inside.txt", root);
    write_host_file(path, "in");
    snprintf(path, sizeof path, "%s/secret.txt", f->dir);
    write_host_file(path, "secret");
    snprintf(path, sizeof path, "%s/up", root);
    assert_int_equal(symlink("../secret.txt", path), 0);
    snprintf(path, sizeof path, "%s/abs", root);
    assert_int_equal(symlink("/etc/passwd", path), 0);
    int fd = emu_sys_open_fallback(root, AT_FDCWD, "inside.txt", O_RDONLY | O_CLOEXEC, 0);
    assert_true(fd >= 0);
    close(fd);
    fd = emu_sys_open_fallback(root, AT_FDCWD, "/inside.txt", O_RDONLY | O_CLOEXEC, 0);
    assert_true(fd >= 0);
    close(fd);
    assert_true(emu_sys_open_fallback(root, AT_FDCWD, "../secret.txt", O_RDONLY, 0) < 0);
    assert_true(emu_sys_open_fallback(root, AT_FDCWD, "/../secret.txt", O_RDONLY, 0) < 0);
    assert_true(emu_sys_open_fallback(root, AT_FDCWD, "up", O_RDONLY, 0) < 0);
    assert_true(emu_sys_open_fallback(root, AT_FDCWD, "abs", O_RDONLY, 0) < 0);
    assert_true(emu_sys_open_fallback(root, AT_FDCWD, "../new.txt", O_WRONLY | O_CREAT, 0600) < 0);
    fd = emu_sys_open_fallback(root, AT_FDCWD, "new.txt", O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    assert_true(fd >= 0);
    close(fd);
}

/* Open `path` (relative to guest dirfd) and read up to 4095 bytes of it into out. The fd or -errno. */
static int64_t open_read(struct emu_proc *p, uint64_t dirfd, const char *path, char *out)
{
    put_str(p, SCRATCH, path);
    int64_t fd = S(p, 56, dirfd, SCRATCH, 0);
    out[0] = 0;
    if (fd < 0)
        return fd;
    int64_t n = S(p, 63, fd, SCRATCH + 0x2000, 4095);
    assert_true(n >= 0);
    assert_int_equal(emu_mem_copy_out(&p->mem, SCRATCH + 0x2000, out, (uint64_t)n), 0);
    out[n] = 0;
    S(p, 57, fd);
    return fd;
}

/* readlinkat into a string; the length or -errno. */
static int64_t read_link(struct emu_proc *p, uint64_t dirfd, const char *path, char *out)
{
    put_str(p, SCRATCH, path);
    int64_t n = S(p, 78, dirfd, SCRATCH, SCRATCH + 0x2000, 4095);
    out[0] = 0;
    if (n > 0) {
        assert_int_equal(emu_mem_copy_out(&p->mem, SCRATCH + 0x2000, out, (uint64_t)n), 0);
        out[n] = 0;
    }
    return n;
}

/* temu's own /proc entry: nothing of temu's memory or descriptors, however it is reached; the
 * guest's own view where programs read it. Run with and without a root. */
static void check_proc_self(struct fixture *f, struct emu_proc *p)
{
    char buf[4096], path[256];
    static char exe[192]; /* p->exe_path keeps pointing at it after this returns */
    snprintf(exe, sizeof exe, "%s/guest-prog", f->dir);
    write_host_file(exe, "EXE");
    p->exe_path = exe;
    static const char *const refused[] = {
        "/proc/self/mem", "/proc/thread-self/mem", "/proc/self/../self/mem", "/proc//self/./mem",
        "/proc/self/pagemap", "/proc/self/environ", "/proc/self/map_files", "/proc/self/fd",
        "/proc/self/syscall",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        if (open_read(p, AT_FDCWD_G, refused[i], buf) != -EACCES)
            fail_msg("%s was not refused", refused[i]);
    snprintf(path, sizeof path, "/proc/%d/mem", (int)getpid());
    assert_int_equal(open_read(p, AT_FDCWD_G, path, buf), -EACCES);
    snprintf(path, sizeof path, "/proc/%d/task/%d/mem", (int)getpid(), (int)getpid());
    assert_int_equal(open_read(p, AT_FDCWD_G, path, buf), -EACCES);
    /* exe is the guest program, by open, stat and readlink. */
    assert_true(open_read(p, AT_FDCWD_G, "/proc/self/exe", buf) >= 0);
    assert_string_equal(buf, "EXE");
    int64_t n = read_link(p, AT_FDCWD_G, "/proc/self/exe", buf);
    assert_int_equal(n, (int64_t)strlen(buf));
    assert_non_null(strstr(buf, "/guest-prog"));
    put_str(p, SCRATCH, "/proc/self/exe");
    assert_int_equal(S(p, 79, AT_FDCWD_G, SCRATCH, SCRATCH + 0x1000, 0), 0);
    assert_int_equal(rd64(p, SCRATCH + 0x1000 + 48), 3);
    /* fd/N is the guest's fd N, never one of temu's own. */
    int host = open(exe, O_RDONLY | O_CLOEXEC); /* a host fd the guest does not have */
    assert_true(host >= 3);
    snprintf(path, sizeof path, "/proc/self/fd/%d", host);
    assert_int_equal(open_read(p, AT_FDCWD_G, path, buf), -ENOENT);
    assert_int_equal(read_link(p, AT_FDCWD_G, path, buf), -ENOENT);
    close(host);
    int saved0 = p->fds[0];
    p->fds[0] = open(exe, O_RDONLY | O_CLOEXEC);
    assert_true(open_read(p, AT_FDCWD_G, "/proc/self/fd/0", buf) >= 0);
    assert_string_equal(buf, "EXE");
    close(p->fds[0]);
    p->fds[0] = saved0;
    /* Synthesized files from the guest's own view. */
    assert_true(open_read(p, AT_FDCWD_G, "/proc/self/maps", buf) >= 0);
    assert_non_null(strstr(buf, "00100000-00200000 rw-p 00000000 00:00 0\n"));
    assert_non_null(strstr(buf, "00300000-00301000 r--p 00000000 00:00 0\n"));
    put_str(p, SCRATCH + 0x3000, "prog");
    put_str(p, SCRATCH + 0x3005, "arg1");
    p->arg_start = SCRATCH + 0x3000, p->arg_end = SCRATCH + 0x300a;
    assert_true(open_read(p, AT_FDCWD_G, "/proc/self/cmdline", buf) >= 0);
    assert_memory_equal(buf, "prog\0arg1\0", 10);
    assert_true(open_read(p, AT_FDCWD_G, "/proc/self/stat", buf) >= 0);
    snprintf(path, sizeof path, "%d (guest-prog) R ", (int)getpid());
    assert_memory_equal(buf, path, strlen(path));
    put_str(p, SCRATCH, "/proc/self/maps");
    assert_int_equal(S(p, 56, AT_FDCWD_G, SCRATCH, G_O_WRONLY), -EACCES);
}

static void test_proc_self(void **state)
{
    struct fixture *f = *state;
    struct emu_proc *p = &f->p;
    char buf[4096], path[256];
    check_proc_self(f, p);
    /* Reached through a directory fd, a symlink to the file, a symlink to the directory, and a
     * symlink to a magic link (/dev/stdin's shape). */
    put_str(p, SCRATCH, "/proc");
    int64_t proc = S(p, 56, AT_FDCWD_G, SCRATCH, G_O_DIRECTORY);
    assert_true(proc >= 0);
    assert_int_equal(open_read(p, (uint64_t)proc, "self/mem", buf), -EACCES);
    put_str(p, SCRATCH, "self");
    int64_t self = S(p, 56, (uint64_t)proc, SCRATCH, G_O_DIRECTORY);
    assert_true(self >= 0);
    assert_int_equal(open_read(p, (uint64_t)self, "mem", buf), -EACCES);
    assert_true(open_read(p, (uint64_t)self, "exe", buf) >= 0);
    assert_string_equal(buf, "EXE");
    snprintf(path, sizeof path, "%s/mem-link", f->dir);
    assert_int_equal(symlink("/proc/self/mem", path), 0);
    assert_int_equal(open_read(p, AT_FDCWD_G, path, buf), -EACCES);
    snprintf(path, sizeof path, "%s/self-link", f->dir);
    assert_int_equal(symlink("/proc/self", path), 0);
    snprintf(path, sizeof path, "%s/self-link/mem", f->dir);
    assert_int_equal(open_read(p, AT_FDCWD_G, path, buf), -EACCES);
    snprintf(path, sizeof path, "%s/self-link/exe", f->dir);
    assert_true(open_read(p, AT_FDCWD_G, path, buf) >= 0);
    assert_string_equal(buf, "EXE");
    int64_t n = read_link(p, AT_FDCWD_G, path, buf);
    assert_int_equal(n, (int64_t)strlen(buf));
    assert_non_null(strstr(buf, "/guest-prog"));
    snprintf(path, sizeof path, "%s/stdin-link", f->dir);
    assert_int_equal(symlink("/proc/self/fd/0", path), 0);
    int saved0 = p->fds[0];
    p->fds[0] = open(p->exe_path, O_RDONLY | O_CLOEXEC);
    assert_true(open_read(p, AT_FDCWD_G, path, buf) >= 0);
    assert_string_equal(buf, "EXE");
    close(p->fds[0]);
    p->fds[0] = saved0;
    /* A chain of ordinary links ending in a magic one is followed link by link; a loop ends. */
    for (int i = 0; i < 10; i++) {
        char target[256];
        if (i == 9)
            snprintf(target, sizeof target, "/proc/self/exe");
        else
            snprintf(target, sizeof target, "chain%d", i + 1);
        snprintf(path, sizeof path, "%s/chain%d", f->dir, i);
        assert_int_equal(symlink(target, path), 0);
    }
    snprintf(path, sizeof path, "%s/chain0", f->dir);
    assert_true(open_read(p, AT_FDCWD_G, path, buf) >= 0);
    assert_string_equal(buf, "EXE");
    snprintf(path, sizeof path, "%s/loop1", f->dir);
    assert_int_equal(symlink("loop2/x", path), 0);
    snprintf(path, sizeof path, "%s/loop2", f->dir);
    assert_int_equal(symlink("loop1", path), 0);
    snprintf(path, sizeof path, "%s/loop1", f->dir);
    assert_int_equal(open_read(p, AT_FDCWD_G, path, buf), -ELOOP);
    /* Under a root with no /proc of its own: the same view. */
    snprintf(path, sizeof path, "%s/root", f->dir);
    assert_int_equal(mkdir(path, 0755), 0);
    p->fs_root = path;
    check_proc_self(f, p);
    assert_int_equal(read_link(p, AT_FDCWD_G, "/proc/self/cwd", buf), 1);
    assert_string_equal(buf, "/");
    /* A program inside the root is named from inside it, however the root was spelt. */
    char root_slash[300], inside[300];
    snprintf(root_slash, sizeof root_slash, "%s/", path);
    snprintf(inside, sizeof inside, "%s/prog", path);
    write_host_file(inside, "IN");
    p->fs_root = root_slash;
    p->exe_path = inside;
    assert_int_equal(read_link(p, AT_FDCWD_G, "/proc/self/exe", buf), 5);
    assert_string_equal(buf, "/prog");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_pipe_read_write), T(test_file_calls),   T(test_brk),      T(test_mmap),
        T(test_mmap_file),       T(test_misc_calls),   T(test_exit_and_unknown),
        T(test_describe),        T(test_fs_root),      T(test_fs_root_fallback),
        T(test_fs_root_directory_with_mode), T(test_proc_self),
        T(test_rw_count_above_max_rw_count_is_clamped),
        T(test_sched_getaffinity_huge_len_and_other_pid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
