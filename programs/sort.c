/* sort: quicksort (median of three, recursion on the smaller side) finishing small partitions
 * with insertion sort, on xorshift data; then checks order and a permutation-invariant checksum.
 * Test: 12,000 elements (~1.6M instructions). Bench: 800,000 elements (~150M).
 * Small (argument "small", for the GPU engine tests): 200 elements.
 */
#include "rt.h"

#define MAX_N 800000
#define SMALL 16
static u32 v[MAX_N];

static void swap(u32 *a, u32 *b)
{
    u32 t = *a;
    *a = *b;
    *b = t;
}

static void insertion_sort(u32 *p, long n)
{
    for (long i = 1; i < n; i++) {
        u32 x = p[i];
        long j = i;
        while (j > 0 && p[j - 1] > x) {
            p[j] = p[j - 1];
            j--;
        }
        p[j] = x;
    }
}

static void quicksort(u32 *p, long n)
{
    while (n > SMALL) {
        long m = n / 2;
        if (p[m] < p[0])
            swap(&p[m], &p[0]);
        if (p[n - 1] < p[0])
            swap(&p[n - 1], &p[0]);
        if (p[n - 1] < p[m])
            swap(&p[n - 1], &p[m]);
        u32 pivot = p[m];
        long i = 0, j = n - 1;
        for (;;) { /* Hoare partition */
            while (p[i] < pivot)
                i++;
            while (p[j] > pivot)
                j--;
            if (i >= j)
                break;
            swap(&p[i++], &p[j--]);
        }
        long left = j + 1;
        if (left < n - left) {
            quicksort(p, left);
            p += left;
            n -= left;
        } else {
            quicksort(p + left, n - left);
            n = left;
        }
    }
    insertion_sort(p, n);
}

int main(int argc, char **argv)
{
    long n = rt_size(argc, argv, 200, 12000, MAX_N);
    u64 x = 88172645463325252ul, sum_before = 0, sum_after = 0;
    for (long i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        v[i] = (u32)(x >> 16);
        sum_before += v[i];
    }
    quicksort(v, n);
    long bad = 0;
    for (long i = 0; i < n; i++) {
        sum_after += v[i];
        if (i && v[i - 1] > v[i])
            bad++;
    }
    printf("sorted %ld: min=%08x median=%08x max=%08x sum=%lu\n", n, v[0], v[n / 2], v[n - 1],
           sum_after);
    printf("%s\n", bad == 0 && sum_before == sum_after ? "order ok" : "ORDER BROKEN");
    return bad == 0 && sum_before == sum_after ? 0 : 1;
}
