/* lanes: a guest whose every behaviour depends on its argument, for the --lanes tests (each lane
 * gets its own number through {lane}). `lanes N [F]`: walks the Collatz sequence from a start
 * derived from N (data-dependent branches, and a length that differs from lane to lane), writes
 * lines to stdout and one to stderr after different amounts of work (syscalls at different
 * times), and exits with N % 7. When N equals F it writes to address 0 half-way instead (a memory
 * fault in that lane only). Test size: N = 5, ~3,300 instructions; at most ~10K for any N.
 */
#include "rt.h"

static long parse(const char *s)
{
    long v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (*s++ - '0');
    return v;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? parse(argv[1]) : 0;
    long fault = argc > 2 ? parse(argv[2]) : -1;
    u64 x = (u64)(n * 7919 % 1000) + 27, steps = 0, peak = x, sum = 0;
    printf("lane %ld: start at %lu\n", n, x);
    while (x != 1) {
        x = (x & 1) ? 3 * x + 1 : x / 2;
        if (x > peak)
            peak = x;
        sum += x;
        steps++;
        /* A line whenever the walk passes a multiple of 64 steps: each lane at its own time. */
        if ((steps & 63) == 0)
            printf("lane %ld: %lu steps, at %lu\n", n, steps, x);
        if (n == fault && steps == 20) {
            volatile u64 zero = 0; /* hides the address from the compiler */
            *(volatile u64 *)zero = x;
        }
    }
    static const char msg[] = "lanes: a line on stderr\n";
    sys_write(2, msg, sizeof msg - 1);
    printf("lane %ld: %lu steps, peak %lu, sum %lu\n", n, steps, peak, sum);
    return (int)(n % 7);
}
