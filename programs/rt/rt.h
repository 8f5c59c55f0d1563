/* rt.h: the guest programs' whole runtime: raw Linux syscalls, a few string routines, and output
 * helpers. No libc exists in the guest, so this is all a program may call. */
#ifndef RT_H
#define RT_H

typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long u64;
typedef long i64;
typedef int i32;

#define NULL ((void *)0)
#define AT_FDCWD (-100)
#define O_RDONLY 0

/* Raw syscalls (svc #0, number in x8); results are negative errno on failure. */
ssize_t sys_write(int fd, const void *buf, size_t n);
ssize_t sys_read(int fd, void *buf, size_t n);
int sys_openat(int dirfd, const char *path, int flags, int mode);
int sys_close(int fd);
__attribute__((noreturn)) void sys_exit_group(int code);

/* Freestanding string and memory routines (the compiler may also call memcpy/memset itself). */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

/* Output to stdout. printf knows %d %i %u %x %s %c %% with l/ll/z size and a zero-padded width. */
void rt_puts(const char *s);                 /* s and a newline */
void rt_put_dec(i64 v);
void rt_put_hex(u64 v);                      /* 16 hex digits */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* One line per value, "name[i]=<16 hex digits>": how the assembly stress programs show results. */
void rt_print_u64s(const char *name, const u64 *v, int n);

/* 1 when the first argument is "bench": run the large size instead of the test size. */
int rt_is_bench(int argc, char **argv);
/* The problem size: `bench` when argv[1] is "bench", `small` when it is "small" (the GPU
 * engine tests, where every block costs a host-device round trip), else `test`. */
long rt_size(int argc, char **argv, long small, long test, long bench);

#endif
