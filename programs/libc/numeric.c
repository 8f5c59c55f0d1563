/* numeric: double and float kernels as compiled C uses them: series, Newton's method, a small
 * matrix product, conversions both ways, rounding functions, min/max and printf of floats in
 * every format. Every value printed is exactly determined by IEEE 754 and glibc's printf. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double harmonic(int n)
{
    double s = 0.0;
    for (int i = 1; i <= n; i++)
        s += 1.0 / i;
    return s;
}

static float harmonicf(int n)
{
    float s = 0.0f;
    for (int i = 1; i <= n; i++)
        s += 1.0f / (float)i;
    return s;
}

static double newton_sqrt(double a)
{
    double x = a > 1.0 ? a : 1.0;
    for (int i = 0; i < 60; i++)
        x = 0.5 * (x + a / x);
    return x;
}

static void matmul(int n, const double *a, const double *b, double *c)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int k = 0; k < n; k++)
                s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    printf("harmonic(%d) = %.17g\n", n, harmonic(n));
    printf("harmonicf(%d) = %.9g\n", n, (double)harmonicf(n));
    printf("newton_sqrt(2) = %.17g, sqrt(2) = %.17g\n", newton_sqrt(2.0), sqrt(2.0));
    printf("sqrtf(3) = %.9g\n", (double)sqrtf(3.0f));

    enum { N = 6 };
    double a[N * N], b[N * N], c[N * N];
    for (int i = 0; i < N * N; i++) {
        a[i] = (i % 7) * 0.25 - 0.5;
        b[i] = (i % 5) * 1.5 + 1.0 / (i + 1);
    }
    matmul(N, a, b, c);
    double trace = 0.0;
    for (int i = 0; i < N; i++)
        trace += c[i * N + i];
    printf("trace = %.17g, c[1][2] = %a\n", trace, c[1 * N + 2]);

    const double vals[] = {-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 1e300, -0.0, 123456.789};
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("%g: floor %g ceil %g round %g trunc %g rint %g (long)%ld (int)%d (unsigned)%u\n", v,
               floor(v), ceil(v), round(v), trunc(v), rint(v), v < 1e18 && v > -1e18 ? (long)v : 0L,
               v < 2e9 && v > -2e9 ? (int)v : 0, v >= 0 && v < 4e9 ? (unsigned)v : 0u);
    }
    long long big = 9007199254740993LL; /* 2^53 + 1: not a double */
    printf("(double)%lld = %.17g, (float)%lld = %.9g\n", big, (double)big, big, (double)(float)big);
    printf("fmin %g fmax %g fabs %g copysign %g\n", fmin(-0.0, 0.0), fmax(3.0, NAN), fabs(-7.25),
           copysign(2.0, -0.0));
    printf("%e %f %.3g %G %a\n", 6.02214076e23, 3.14159265358979, 0.000123456, 1e-10, 1.0 / 3);
    printf("division by zero: %g %g, nan: %g, 0.1 + 0.2 = %.17g\n", 1.0 / (argc - argc + 0.0),
           -1.0 / (argc - argc + 0.0), sqrt(-1.0 + argc - argc), 0.1 + 0.2);
    return 0;
}
