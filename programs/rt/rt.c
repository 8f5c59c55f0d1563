/* rt.c: syscalls, memory/string routines and formatted output for the freestanding guests.
 *
 * Always compiled with -mgeneral-regs-only, also for the .fp program builds: a variadic function's
 * prologue would otherwise spill q0..q7, and every .fp program would contain SIMD stores only
 * because it printed something. Whether a .fp build uses FP/SIMD should depend on its own code. */
#include <stdarg.h>
#include "rt.h"

enum { SYS_OPENAT = 56, SYS_CLOSE = 57, SYS_READ = 63, SYS_WRITE = 64, SYS_EXIT_GROUP = 94 };

static long rt_syscall(long nr, long a0, long a1, long a2, long a3)
{
    register long x0 __asm__("x0") = a0;
    register long x1 __asm__("x1") = a1;
    register long x2 __asm__("x2") = a2;
    register long x3 __asm__("x3") = a3;
    register long x8 __asm__("x8") = nr;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3), "r"(x8) : "memory");
    return x0;
}

ssize_t sys_write(int fd, const void *buf, size_t n)
{
    return rt_syscall(SYS_WRITE, fd, (long)buf, (long)n, 0);
}

ssize_t sys_read(int fd, void *buf, size_t n)
{
    return rt_syscall(SYS_READ, fd, (long)buf, (long)n, 0);
}

int sys_openat(int dirfd, const char *path, int flags, int mode)
{
    return (int)rt_syscall(SYS_OPENAT, dirfd, (long)path, flags, mode);
}
int sys_close(int fd) { return (int)rt_syscall(SYS_CLOSE, fd, 0, 0, 0); }
void sys_exit_group(int code)
{
    for (;;)
        rt_syscall(SYS_EXIT_GROUP, code, 0, 0, 0);
}

void *memcpy(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    u8 *d = dst;
    while (n--)
        *d++ = (u8)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const u8 *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (u8)*a - (u8)*b;
}

/* Output goes through one buffer per call so a printf costs one write syscall, not one per piece:
 * every syscall is a host round trip for the GPU engine. */
struct outbuf {
    char b[256];
    size_t n;
};

static void ob_flush(struct outbuf *o)
{
    size_t off = 0;
    while (off < o->n) {
        ssize_t r = sys_write(1, o->b + off, o->n - off);
        if (r <= 0)
            break;
        off += (size_t)r;
    }
    o->n = 0;
}

static void ob_putc(struct outbuf *o, char c)
{
    if (o->n == sizeof o->b)
        ob_flush(o);
    o->b[o->n++] = c;
}

/* Unsigned v in base 10 or 16, left-padded with `pad` to at least `width` characters. */
static void ob_num(struct outbuf *o, u64 v, unsigned base, int neg, int width, char pad)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (neg)
        tmp[n++] = '-';
    for (int i = n; i < width; i++)
        ob_putc(o, pad);
    while (n)
        ob_putc(o, tmp[--n]);
}

int printf(const char *fmt, ...)
{
    struct outbuf o;
    va_list ap;
    o.n = 0;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            ob_putc(&o, *fmt);
            continue;
        }
        char pad = ' ';
        int width = 0, lng = 0;
        if (*++fmt == '0')
            pad = '0', fmt++;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l' || *fmt == 'z')
            lng = 1, fmt++;
        switch (*fmt) {
        case 'd':
        case 'i': {
            i64 v = lng ? va_arg(ap, i64) : va_arg(ap, int);
            ob_num(&o, v < 0 ? -(u64)v : (u64)v, 10, v < 0, width, pad);
            break;
        }
        case 'u':
            ob_num(&o, lng ? va_arg(ap, u64) : va_arg(ap, unsigned), 10, 0, width, pad);
            break;
        case 'x':
            ob_num(&o, lng ? va_arg(ap, u64) : va_arg(ap, unsigned), 16, 0, width, pad);
            break;
        case 's':
            for (const char *s = va_arg(ap, const char *); *s; s++)
                ob_putc(&o, *s);
            break;
        case 'c':
            ob_putc(&o, (char)va_arg(ap, int));
            break;
        case '%':
            ob_putc(&o, '%');
            break;
        default: /* unknown conversion: stop rather than guess at the arguments */
            fmt--;
            goto out;
        }
    }
out:
    va_end(ap);
    ob_flush(&o);
    return 0;
}

void rt_puts(const char *s)
{
    printf("%s\n", s);
}

void rt_put_dec(i64 v)
{
    printf("%ld", v);
}

void rt_put_hex(u64 v)
{
    printf("%016lx", v);
}

void rt_print_u64s(const char *name, const u64 *v, int n)
{
    for (int i = 0; i < n; i++)
        printf("%s[%d]=%016lx\n", name, i, v[i]);
}

int rt_is_bench(int argc, char **argv)
{
    return argc > 1 && strcmp(argv[1], "bench") == 0;
}

long rt_size(int argc, char **argv, long small, long test, long bench)
{
    if (rt_is_bench(argc, argv))
        return bench;
    return argc > 1 && strcmp(argv[1], "small") == 0 ? small : test;
}
