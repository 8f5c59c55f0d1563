/* fib_iter: iterative 64-bit Fibonacci (wrapping), summed over n = 0..93 again and again.
 * Each fib(n) is a short add/move loop; an average call runs ~47 iterations of ~4 instructions.
 * Test: 10,000 calls (~2.5M instructions). Bench: 1,000,000 calls (~250M).
 * Small (argument "small", for the GPU engine tests): 100 calls.
 */
#include "rt.h"

__attribute__((noinline)) static u64 fib(u64 n)
{
    u64 a = 0, b = 1;
    while (n--) {
        u64 t = a + b;
        a = b;
        b = t;
    }
    return a;
}

int main(int argc, char **argv)
{
    u64 calls = rt_size(argc, argv, 100, 10000, 1000000);
    u64 sum = 0, x = 0;
    for (u64 i = 0; i < calls; i++) {
        u64 f = fib(i % 94);
        sum += f;
        x ^= f * (i | 1);
    }
    printf("fib(93) = %lu\n", fib(93));
    printf("calls=%lu sum=%016lx mix=%016lx\n", calls, sum, x);
    return fib(93) == 12200160415121876738ul ? 0 : 1;
}
