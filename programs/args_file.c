/* args_file: the command line and file syscalls: prints argc and argv[1..] (argv[0] is left out
 * because it differs between runners), opens the path given as the last argument, reads it in small
 * chunks, prints its length and an FNV-1a checksum. Exit code 2 if the file cannot be opened.
 * Test: data/input.txt once (~8K instructions). Bench ("bench PATH"): the file's bytes are hashed
 * another 40,000 times in memory (~145M with the 713-byte input). */
#include "rt.h"

static u8 data[1 << 16];

static u32 fnv1a(u32 h, const u8 *p, size_t n)
{
    while (n--)
        h = (h ^ *p++) * 16777619u;
    return h;
}

int main(int argc, char **argv)
{
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    if (argc < 2) {
        rt_puts("usage: args_file [bench] PATH");
        return 2;
    }
    int fd = sys_openat(AT_FDCWD, argv[argc - 1], O_RDONLY, 0);
    if (fd < 0) {
        printf("open %s: error %d\n", argv[argc - 1], -fd);
        return 2;
    }
    size_t len = 0;
    for (;;) { /* small reads on purpose: several read syscalls, one short at the end */
        ssize_t r = sys_read(fd, data + len, len + 100 <= sizeof data ? 100 : sizeof data - len);
        if (r <= 0)
            break;
        len += (size_t)r;
    }
    sys_close(fd);
    u32 h = fnv1a(2166136261u, data, len);
    printf("length=%lu fnv1a=%08x\n", (u64)len, h);
    if (rt_is_bench(argc, argv)) {
        for (int i = 0; i < 40000; i++)
            h = fnv1a(h, data, len);
        printf("bench fnv1a=%08x\n", h);
    }
    u64 lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += data[i] == '\n';
    printf("lines=%lu\n", lines);
    return 0;
}
