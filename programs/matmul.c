/* matmul: C = A * B on 32-bit integer matrices (wrapping), filled by an LCG; a triple loop of
 * loads and multiply-adds. Test: 64x64 (262K multiply-adds, ~1.4M instructions).
 * Bench: 320x320 (33M multiply-adds, ~165M).
 * Small (argument "small", for the GPU engine tests): 12x12.
 */
#include "rt.h"

#define MAX_N 320
static u32 a[MAX_N * MAX_N], b[MAX_N * MAX_N], c[MAX_N * MAX_N];

static u32 lcg_state = 12345;
static u32 lcg(void)
{
    lcg_state = lcg_state * 1103515245u + 12345u;
    return lcg_state >> 8;
}

int main(int argc, char **argv)
{
    int n = rt_size(argc, argv, 12, 64, MAX_N);
    for (int i = 0; i < n * n; i++) {
        a[i] = lcg() & 0xffff;
        b[i] = lcg() & 0xffff;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            u32 s = 0;
            for (int k = 0; k < n; k++)
                s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
    u32 check = 0;
    for (int i = 0; i < n * n; i++)
        check = (check ^ c[i]) * 16777619u;
    printf("%dx%d: c[0]=%08x c[last]=%08x check=%08x\n", n, n, c[0], c[n * n - 1], check);
    return 0;
}
