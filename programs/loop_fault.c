/* loop_fault: a vectorizable loop (an element-wise copy with a sum) whose source runs off the end
 * of its mapping midway: two pages are mapped, the second unmapped again, and the copy is asked
 * for three. The fault must come at the same instruction, with the same registers, memory and
 * instruction count, with and without --loopvec (exit 139 after the first line).
 * All sizes are the same (~30k instructions). */
#include "rt.h"

#define PAGE 4096
static u8 dst[3 * PAGE];

static long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
    register long x8 __asm__("x8") = nr, x0 __asm__("x0") = a, x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c, x3 __asm__("x3") = d, x4 __asm__("x4") = e, x5 __asm__("x5") = f;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
    return x0;
}

__attribute__((noinline)) static u64 copy_sum(u8 *d, const u8 *s, long n)
{
    __asm__ volatile("" : "+r"(d), "+r"(s));
    u64 sum = 0;
    for (long i = 0; i < n; i++) {
        d[i] = s[i];
        sum += s[i];
    }
    return sum;
}

int main(void)
{
    u8 *src = (u8 *)sys6(222, 0, 2 * PAGE, 3, 0x22, -1, 0); /* mmap, read-write, anonymous */
    if ((long)src < 0 || sys6(215, (long)(src + PAGE), PAGE, 0, 0, 0, 0)) /* munmap the second */
        return 2;
    for (int i = 0; i < PAGE; i++)
        src[i] = (u8)(i * 7 + 3);
    printf("copying 3 pages from a mapping of 1\n");
    u64 s = copy_sum(dst, src, 3 * PAGE);
    printf("no fault: %lx\n", s);
    return 0;
}
