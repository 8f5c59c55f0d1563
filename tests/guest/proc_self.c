/* proc_self.c: a guest that looks for temu's own memory and descriptors through /proc and must
 * find only its own view. Each line says what was tried and what the guest saw; the expected
 * output is the same on every engine (tests/escape.sh). argv[1]: a directory holding symlinks
 * made by the test (mem -> /proc/self/mem, self -> /proc/self). Exit 0 when nothing leaked. */
#include "sys.h"

static int leaks;

static void expect_refused(const char *what, long rc)
{
    printf("%s: %s\n", what, rc < 0 ? "refused" : "OPENED");
    if (rc >= 0) {
        leaks++;
        sys_close((int)rc);
    }
}

/* Read the whole small file `path` into buf; the length or -errno. */
static long slurp(const char *path, char *buf, long cap)
{
    int fd = sys_openat(AT_FDCWD, path, O_RDONLY, 0);
    if (fd < 0)
        return fd;
    long n = 0, r;
    while (n < cap - 1 && (r = sys_read(fd, buf + n, (size_t)(cap - 1 - n))) > 0)
        n += r;
    buf[n] = 0;
    sys_close(fd);
    return n;
}

static void fmt_pid(char *out, const char *pre, long pid, const char *post)
{
    char digits[24];
    int k = 0;
    do
        digits[k++] = (char)('0' + pid % 10);
    while ((pid /= 10) > 0);
    while (*pre)
        *out++ = *pre++;
    while (k)
        *out++ = digits[--k];
    while (*post)
        *out++ = *post++;
    *out = 0;
}

int main(int argc, char **argv)
{
    static char buf[8192];
    char path[256];
    long pid = sys6(NR_getpid, 0, 0, 0, 0, 0, 0);
    expect_refused("/proc/self/mem", sys_openat(AT_FDCWD, "/proc/self/mem", 2, 0));
    fmt_pid(path, "/proc/", pid, "/mem");
    expect_refused("/proc/<pid>/mem", sys_openat(AT_FDCWD, path, 0, 0));
    expect_refused("/proc/thread-self/mem", sys_openat(AT_FDCWD, "/proc/thread-self/mem", 0, 0));
    expect_refused("/proc/self/pagemap", sys_openat(AT_FDCWD, "/proc/self/pagemap", 0, 0));
    /* temu's own descriptors: 3..63 are not open in this guest. */
    int opened = 0;
    for (int fd = 3; fd < 64; fd++) {
        fmt_pid(path, "/proc/self/fd/", fd, "");
        long rc = sys_openat(AT_FDCWD, path, 0, 0);
        if (rc >= 0) {
            opened++;
            sys_close((int)rc);
        }
    }
    printf("/proc/self/fd/3..63: %d opened\n", opened);
    leaks += opened;
    /* Through a directory fd and through symlinks the test made. */
    int proc = sys_openat(AT_FDCWD, "/proc", O_DIRECTORY, 0);
    expect_refused("openat(/proc fd, self/mem)", proc < 0 ? proc : sys_openat(proc, "self/mem", 0, 0));
    if (argc > 1) {
        char *p = path;
        for (const char *s = argv[1]; *s;)
            *p++ = *s++;
        memcpy(p, "/mem", 5);
        expect_refused("symlink to /proc/self/mem", sys_openat(AT_FDCWD, path, 0, 0));
        memcpy(p, "/self/mem", 10);
        expect_refused("symlink to /proc/self, then mem", sys_openat(AT_FDCWD, path, 0, 0));
        memcpy(p, "/self/exe", 10);
        long n = slurp(path, buf, 8);
        printf("symlink to /proc/self, then exe: %s\n", n >= 4 && !memcmp(buf, "\177ELF", 4) ? "an ELF" : "no");
    }
    /* The guest's own view. */
    long n = sys6(NR_readlinkat, AT_FDCWD, (long)"/proc/self/exe", (long)buf, sizeof buf, 0, 0);
    buf[n > 0 ? n : 0] = 0;
    const char *base = buf;
    for (const char *s = buf; *s; s++)
        if (*s == '/')
            base = s + 1;
    printf("readlink /proc/self/exe: %s (%s)\n", base, buf[0] == '/' ? "absolute" : "NOT absolute");
    n = slurp("/proc/self/exe", buf, 8);
    printf("/proc/self/exe: %s\n", n >= 4 && !memcmp(buf, "\177ELF", 4) ? "an ELF" : "no");
    n = slurp("/proc/self/cmdline", buf, sizeof buf);
    printf("/proc/self/cmdline: argv[0] %s\n", n > 0 && !strcmp(buf, argv[0]) ? "matches" : "DIFFERS");
    n = slurp("/proc/self/maps", buf, sizeof buf);
    int stack = 0;
    for (long i = 0; i + 7 <= n; i++)
        stack |= !memcmp(buf + i, "[stack]", 7);
    printf("/proc/self/maps: %s\n", stack ? "has [stack]" : "NO [stack]");
    n = slurp("/proc/self/stat", buf, sizeof buf);
    fmt_pid(path, "", pid, " (");
    printf("/proc/self/stat: %s\n", n > 0 && !memcmp(buf, path, strlen(path)) ? "starts with the pid" : "WRONG");
    n = slurp("/proc/self/auxv", buf, sizeof buf);
    int pagesz = 0;
    for (long i = 0; i + 16 <= n; i += 16) {
        u64 key, val;
        memcpy(&key, buf + i, 8);
        memcpy(&val, buf + i + 8, 8);
        pagesz |= key == 6 && val == 4096;
    }
    printf("/proc/self/auxv: %s\n", pagesz ? "AT_PAGESZ 4096" : "NO AT_PAGESZ");
    printf("leaks: %d\n", leaks);
    return leaks ? 1 : 0;
}
