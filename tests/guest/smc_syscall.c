/* smc_syscall.c: code written into an executable page by the syscall layer, not by a guest store,
 * must run as written (as on hardware and qemu): the page's code is run, then read() puts new
 * instructions there, then mmap() of a file maps other instructions over it. argv[1]: a scratch
 * file path. Prints what each version returned. */
#include "sys.h"

typedef int fn_t(void);

/* movz w0, #v; ret */
static void code_for(u32 *w, int v)
{
    w[0] = 0x52800000u | ((u32)v << 5);
    w[1] = 0xd65f03c0u;
}

static int write_file(const char *path, int v)
{
    u32 w[2];
    code_for(w, v);
    int fd = sys_openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || sys_write(fd, w, sizeof w) != (long)sizeof w)
        return -1;
    return sys_close(fd);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    long page = sys6(NR_mmap, 0, 4096, PROT_RWX, MAP_PRIVATE | MAP_ANON, -1, 0);
    if (page < 0 && page > -4096)
        return 3;
    u32 *code = (u32 *)page;
    fn_t *fn = (fn_t *)page;
    code_for(code, 1);
    printf("stored: %d\n", fn());
    /* read() writes the next version over the code that just ran. */
    if (write_file(argv[1], 2))
        return 4;
    int fd = sys_openat(AT_FDCWD, argv[1], O_RDONLY, 0);
    if (fd < 0 || sys_read(fd, code, 8) != 8)
        return 5;
    sys_close(fd);
    printf("read: %d\n", fn());
    /* getrandom() writes elsewhere on the page: the code there stays as it was. */
    if (sys6(NR_getrandom, page + 64, 16, 0, 0, 0, 0) != 16)
        return 6;
    printf("after getrandom: %d\n", fn());
    /* mmap() of a file over the page. */
    if (write_file(argv[1], 3))
        return 7;
    fd = sys_openat(AT_FDCWD, argv[1], O_RDONLY, 0);
    if (fd < 0 || sys6(NR_mmap, page, 4096, PROT_RWX, MAP_PRIVATE | MAP_FIXED, fd, 0) != page)
        return 8;
    sys_close(fd);
    printf("mmap: %d\n", fn());
    return 0;
}
