/* fsroot_escape.c: run under --fs-root=JAIL with stdin a host directory outside the jail (the
 * test does `< /`), this guest tries every way out it knows; each must fail, and the way in must
 * work. JAIL holds inside.txt. Exit 0 when nothing escaped. */
#include "sys.h"

static int escapes;

static void expect_refused(const char *what, long rc)
{
    printf("%s: %s\n", what, rc < 0 ? "refused" : "ESCAPED");
    if (rc >= 0) {
        escapes++;
        if (rc < 64)
            sys_close((int)rc);
    }
}

int main(void)
{
    static char st[128];
    expect_refused("openat(0, etc/passwd)", sys_openat(0, "etc/passwd", O_RDONLY, 0));
    expect_refused("openat(0, ../../etc/passwd)", sys_openat(0, "../../etc/passwd", O_RDONLY, 0));
    expect_refused("newfstatat(0, etc/passwd)", sys6(NR_newfstatat, 0, (long)"etc/passwd", (long)st, 0, 0, 0));
    expect_refused("openat(0, .)", sys_openat(0, ".", O_DIRECTORY, 0));
    expect_refused("/etc/passwd", sys_openat(AT_FDCWD, "/etc/passwd", O_RDONLY, 0));
    expect_refused("../../../etc/passwd", sys_openat(AT_FDCWD, "../../../etc/passwd", O_RDONLY, 0));
    expect_refused("/proc/self/fd/0/etc/passwd", sys_openat(AT_FDCWD, "/proc/self/fd/0/etc/passwd", O_RDONLY, 0));
    expect_refused("/proc/self/root/etc/passwd", sys_openat(AT_FDCWD, "/proc/self/root/etc/passwd", O_RDONLY, 0));
    expect_refused("/proc/self/cwd/../etc/passwd", sys_openat(AT_FDCWD, "/proc/self/cwd/../etc/passwd", O_RDONLY, 0));
    expect_refused("/proc/1/root/etc/passwd", sys_openat(AT_FDCWD, "/proc/1/root/etc/passwd", O_RDONLY, 0));
    /* The way in. */
    int dir = sys_openat(AT_FDCWD, "/", O_DIRECTORY, 0644); /* a mode with O_DIRECTORY is ignored */
    printf("open / with O_DIRECTORY and a mode: %s\n", dir >= 0 ? "ok" : "FAILED");
    int fd = dir >= 0 ? sys_openat(dir, "inside.txt", O_RDONLY, 0) : -1;
    char buf[16] = {0};
    long n = fd >= 0 ? sys_read(fd, buf, sizeof buf - 1) : -1;
    printf("openat(/ fd, inside.txt): %s\n", n > 0 ? buf : "FAILED");
    printf("escapes: %d\n", escapes);
    return escapes || n <= 0 ? 1 : 0;
}
