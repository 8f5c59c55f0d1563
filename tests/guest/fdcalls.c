/* fdcalls.c: the descriptor, directory and memory calls C runtimes use (dup, dup3, fcntl, chdir,
 * fchdir, getcwd, getdents64, faccessat, sendfile, fsync, fdatasync, fadvise64, mremap, sysinfo,
 * getrusage, prctl, readlinkat), printed so that temu and qemu-aarch64 can be compared line by
 * line (tests/oracle_calls.sh). argv[1]: an empty scratch directory. */
#include "sys.h"

#define NR_getcwd 17
#define NR_dup 23
#define NR_dup3 24
#define NR_fcntl 25
#define NR_faccessat 48
#define NR_chdir 49
#define NR_fchdir 50
#define NR_getdents64 61
#define NR_sendfile 71
#define NR_fsync 82
#define NR_fdatasync 83
#define NR_getrusage 165
#define NR_prctl 167
#define NR_sysinfo 179
#define NR_mremap 216
#define NR_fadvise64 223
#define S(...) sys6(__VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define SYS(nr, a, b, c, d, e, f, ...) sys6(nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define C(...) SYS(__VA_ARGS__, 0, 0, 0, 0, 0, 0)

static void put_file(const char *name, const char *text)
{
    int fd = sys_openat(AT_FDCWD, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    sys_write(fd, text, strlen(text));
    sys_close(fd);
}

int main(int argc, char **argv)
{
    static char buf[4096];
    if (argc < 2)
        return 2;
    printf("chdir: %ld\n", C(NR_chdir, argv[1]));
    long n = C(NR_getcwd, buf, sizeof buf);
    printf("getcwd: %ld, %s\n", n, n > 0 && !strcmp(buf, argv[1]) ? "the scratch dir" : buf);
    printf("getcwd too small: %ld\n", C(NR_getcwd, buf, 2));
    put_file("b.txt", "bravo\n");
    put_file("a.txt", "alpha\n");
    /* Relative paths now start in the new cwd. */
    int fd = sys_openat(AT_FDCWD, "a.txt", O_RDONLY, 0);
    n = sys_read(fd, buf, 16);
    printf("open a.txt from the cwd: %ld bytes\n", n);
    /* dup, dup3, fcntl */
    int d = (int)C(NR_dup, fd);
    printf("dup: %d, fcntl GETFD %ld\n", d, C(NR_fcntl, d, 1));
    printf("dup3 onto 9 with O_CLOEXEC: %ld, GETFD %ld\n", C(NR_dup3, fd, 9, 02000000), C(NR_fcntl, 9, 1));
    printf("dup3 same fd: %ld, bad flags: %ld\n", C(NR_dup3, fd, fd, 0), C(NR_dup3, fd, 10, 1));
    printf("F_SETFD then GETFD: %ld %ld\n", C(NR_fcntl, d, 2, 1), C(NR_fcntl, d, 1));
    printf("F_GETFL O_RDONLY: 0x%lx\n", C(NR_fcntl, fd, 3));
    printf("F_DUPFD from 20: %ld\n", C(NR_fcntl, fd, 0, 20));
    printf("F_DUPFD_CLOEXEC from 20: %ld, GETFD %ld\n", C(NR_fcntl, fd, 1030, 20), C(NR_fcntl, 21, 1));
    printf("lseek through the dup: %ld\n", C(62, d, 0, 1)); /* shared offset: 6 */
    printf("fsync: %ld, fdatasync: %ld, fadvise: %ld, bad advice: %ld\n", C(NR_fsync, fd),
           C(NR_fdatasync, fd), C(NR_fadvise64, fd, 0, 0, 1), C(NR_fadvise64, fd, 0, 0, 99));
    printf("dup of a closed fd: %ld\n", C(NR_dup, 50));
    /* sendfile a.txt -> c.txt, with an offset pointer */
    int out = sys_openat(AT_FDCWD, "c.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    long off = 1;
    printf("sendfile: %ld, offset now %ld\n", C(NR_sendfile, out, fd, &off, 100), off);
    sys_close(out);
    int c = sys_openat(AT_FDCWD, "c.txt", O_RDONLY, 0);
    n = sys_read(c, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("c.txt: %s", buf);
    sys_close(c);
    /* getdents64: the names, in sorted order (the file system's order is its own). */
    int dir = sys_openat(AT_FDCWD, ".", O_DIRECTORY, 0);
    n = C(NR_getdents64, dir, buf, sizeof buf);
    char names[16][32];
    int k = 0;
    for (long i = 0; i < n && k < 16;) {
        unsigned short reclen;
        memcpy(&reclen, buf + i + 16, 2);
        const char *name = buf + i + 19;
        if (strlen(name) < 32)
            memcpy(names[k++], name, strlen(name) + 1);
        i += reclen;
    }
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char t[32];
            memcpy(t, names[j], 32);
            memcpy(names[j], names[j - 1], 32);
            memcpy(names[j - 1], t, 32);
        }
    printf("getdents64:");
    for (int i = 0; i < k; i++)
        printf(" %s", names[i]);
    printf("\nat the end: %ld\n", C(NR_getdents64, dir, buf, sizeof buf));
    /* faccessat */
    printf("faccessat a.txt R_OK: %ld, missing: %ld, bad mode: %ld\n", C(NR_faccessat, AT_FDCWD, "a.txt", 4),
           C(NR_faccessat, AT_FDCWD, "nope", 0), C(NR_faccessat, AT_FDCWD, "a.txt", 8));
    /* fchdir back to the scratch dir after chdir to / */
    printf("chdir /: %ld, fchdir: %ld\n", C(NR_chdir, "/"), C(NR_fchdir, dir));
    n = C(NR_getcwd, buf, sizeof buf);
    printf("getcwd: %s\n", n > 0 && !strcmp(buf, argv[1]) ? "the scratch dir" : buf);
    printf("chdir to a file: %ld\n", C(NR_chdir, "a.txt"));
    /* readlinkat of a symlink the test made, and of /proc/self/fd/N */
    n = C(NR_readlinkat, AT_FDCWD, "link", buf, sizeof buf);
    buf[n > 0 ? n : 0] = 0;
    printf("readlink link: %ld %s\n", n, buf);
    n = C(NR_readlinkat, AT_FDCWD, "link", buf, 3);
    printf("readlink into 3 bytes: %ld\n", n);
    printf("readlink of a file: %ld\n", C(NR_readlinkat, AT_FDCWD, "a.txt", buf, sizeof buf));
    n = C(NR_readlinkat, AT_FDCWD, "/proc/self/fd/9", buf, sizeof buf);
    buf[n > 0 ? n : 0] = 0;
    printf("readlink /proc/self/fd/9: %s\n", n > 6 && !strcmp(buf + n - 6, "/a.txt") ? "a.txt" : buf);
    /* mremap: grow in place or move, keep the bytes, shrink */
    long m = SYS(NR_mmap, 0, 8192, 3, MAP_PRIVATE | MAP_ANON, -1, 0);
    ((char *)m)[0] = 'x', ((char *)m)[8191] = 'y';
    long g = C(NR_mremap, m, 8192, 65536, 1);
    printf("mremap grow: %s, bytes %c%c\n", g > 0 ? "ok" : "FAILED", ((char *)g)[0], ((char *)g)[8191]);
    ((char *)g)[65535] = 'z';
    printf("mremap shrink: %s\n", C(NR_mremap, g, 65536, 4096, 0) == g ? "same address" : "FAILED");
    printf("mremap without MAYMOVE into a mapped range: %ld\n",
           SYS(NR_mmap, g + 4096, 4096, 3, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0) == g + 4096
               ? C(NR_mremap, g, 4096, 8192, 0) : 1);
    printf("mremap bad flags: %ld, unaligned: %ld\n", C(NR_mremap, g, 4096, 8192, 8), C(NR_mremap, g + 1, 4096, 8192, 1));
    /* sysinfo, getrusage, prctl */
    static long si[14];
    printf("sysinfo: %ld, mem_unit %s\n", C(NR_sysinfo, si), ((unsigned *)si)[26] > 0 ? "> 0" : "0");
    static long ru[18];
    printf("getrusage self: %ld, bad who: %ld\n", C(NR_getrusage, 0, ru), C(NR_getrusage, 5, ru));
    printf("prctl set name: %ld\n", C(NR_prctl, 15, "guest-name"));
    static char name[16];
    printf("prctl get name: %ld %s\n", C(NR_prctl, 16, name), name);
    return 0;
}
