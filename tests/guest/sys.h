/* sys.h: the raw syscalls the test-only guests use beyond programs/rt (six arguments, svc #0). */
#ifndef GUEST_SYS_H
#define GUEST_SYS_H

#include "rt.h"

static inline long sys6(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    register long x0 __asm__("x0") = a0;
    register long x1 __asm__("x1") = a1;
    register long x2 __asm__("x2") = a2;
    register long x3 __asm__("x3") = a3;
    register long x4 __asm__("x4") = a4;
    register long x5 __asm__("x5") = a5;
    register long x8 __asm__("x8") = nr;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5), "r"(x8) : "memory");
    return x0;
}

#define NR_readlinkat 78
#define NR_newfstatat 79
#define NR_getpid     172
#define NR_munmap     215
#define NR_mmap       222
#define NR_getrandom  278

#define O_WRONLY    01
#define O_CREAT     0100
#define O_TRUNC     01000
#define O_DIRECTORY 040000
#define PROT_RWX    7
#define MAP_PRIVATE 0x02
#define MAP_FIXED   0x10
#define MAP_ANON    0x20

#endif
