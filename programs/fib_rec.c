/* fib_rec: doubly recursive Fibonacci: call/return, stack traffic, deep recursion.
 * fib(n) makes 2*fib(n+1)-1 calls of ~9 instructions each.
 * Test: fib(24) (150K calls, ~1.3M instructions). Bench: fib(34) (18M calls, ~160M).
 * Small (argument "small", for the GPU engine tests): fib(12).
 */
#include "rt.h"

__attribute__((noinline)) static u64 fib(u64 n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv)
{
    u64 n = rt_size(argc, argv, 12, 24, 34);
    u64 f = fib(n);
    printf("fib(%lu) = %lu\n", n, f);
    return 0;
}
