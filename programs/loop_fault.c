/* loop_fault: a vectorizable loop (an element-wise copy with a sum) whose source runs down off the
 * bottom of the stack mapping: the fault must come at the same instruction, with the same
 * registers, memory and instruction count, with and without --loopvec (exit 139 after the first
 * line). Reading downward stays clear of the random bytes (AT_RANDOM) above the stack pointer.
 * Test and bench sizes are the same (~60M instructions: the 8 MiB stack, 7 per byte). */
#include "rt.h"

#define MAX (12 << 20)
static u8 dst[MAX];

__attribute__((noinline)) static u64 copy_sum(u8 *d, const u8 *s, long n)
{
    __asm__ volatile("" : "+r"(d), "+r"(s));
    u64 sum = 0;
    for (long i = 0; i < n; i++) {
        d[i] = s[-i];
        sum += s[-i];
    }
    return sum;
}

int main(void)
{

    printf("copying downward from the stack until it faults\n");
    u8 here = 1;
    __asm__ volatile("" : : "r"(&here) : "memory");
    u64 s = copy_sum(dst, &here, MAX);
    printf("no fault: %lx\n", s);
    return 0;
}
