/* sieve: sieve of Eratosthenes over a byte array; byte stores in strided loops, then a scan.
 * Test: primes below 200,000 (~3.4M instructions). Bench: below 8,000,000 (~140M).
 * Small (GPU engine tests): below 2,000. */
#include "rt.h"

#define MAX_N 8000000
static u8 composite[MAX_N];

int main(int argc, char **argv)
{
    u64 n = rt_size(argc, argv, 2000, 200000, MAX_N);
    for (u64 i = 2; i * i < n; i++)
        if (!composite[i])
            for (u64 j = i * i; j < n; j += i)
                composite[j] = 1;
    u64 count = 0, sum = 0, last = 0;
    for (u64 i = 2; i < n; i++)
        if (!composite[i]) {
            count++;
            sum += i;
            last = i;
        }
    printf("primes below %lu: %lu, sum %lu, largest %lu\n", n, count, sum, last);
    /* pi(2000) = 303, pi(200000) = 17984, pi(8000000) = 539777 */
    return count == (n == MAX_N ? 539777u : n == 2000 ? 303u : 17984u) ? 0 : 1;
}
