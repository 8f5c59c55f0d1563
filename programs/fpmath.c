/* fpmath: scalar floating point as compiled C uses it, in double and float: a Mandelbrot set,
 * an n-body simulation (square roots and divisions), the spectral norm's power iteration and a
 * float series with conversions both ways. Each result is printed as its exact bits, so one wrong
 * rounding or flag shows. FP by nature: both builds use FP registers (CMakeLists.txt, fp_native).
 * Test: 48x32 Mandelbrot, 200 n-body steps, n=24 spectral norm (717K instructions, clang -O2).
 * Bench: 800x600, 50000 steps, n=120 (150M). Small (GPU engine tests): 12x8, 10 steps, n=6.
 */
#include "rt.h"

static u64 bits(double d)
{
    u64 u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static u32 fbits(float f)
{
    u32 u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* Escape counts over a w x h grid of [-2, 1] x [-1.2, 1.2]. */
static u64 mandelbrot(int w, int h)
{
    u64 sum = 0;
    for (int y = 0; y < h; y++) {
        double ci = -1.2 + 2.4 * y / h;
        for (int x = 0; x < w; x++) {
            double cr = -2.0 + 3.0 * x / w, zr = 0.0, zi = 0.0;
            int k = 0;
            while (k < 64 && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                k++;
            }
            sum = sum * 31 + (u64)k;
        }
    }
    return sum;
}

#define BODIES 5
struct body {
    double x, y, z, vx, vy, vz, m;
};

static double energy(const struct body *b)
{
    double e = 0.0;
    for (int i = 0; i < BODIES; i++) {
        e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            e -= b[i].m * b[j].m / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(struct body *b, double dt)
{
    for (int i = 0; i < BODIES; i++)
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            double d2 = dx * dx + dy * dy + dz * dz, mag = dt / (d2 * __builtin_sqrt(d2));
            b[i].vx -= dx * b[j].m * mag;
            b[i].vy -= dy * b[j].m * mag;
            b[i].vz -= dz * b[j].m * mag;
            b[j].vx += dx * b[i].m * mag;
            b[j].vy += dy * b[i].m * mag;
            b[j].vz += dz * b[i].m * mag;
        }
    for (int i = 0; i < BODIES; i++) {
        b[i].x += dt * b[i].vx;
        b[i].y += dt * b[i].vy;
        b[i].z += dt * b[i].vz;
    }
}

static double spectral_a(int i, int j)
{
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = A^T A v for the infinite matrix A restricted to n x n. */
static void ata_times(int n, const double *v, double *tmp, double *out)
{
    for (int i = 0; i < n; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++)
            s += spectral_a(i, j) * v[j];
        tmp[i] = s;
    }
    for (int i = 0; i < n; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++)
            s += spectral_a(j, i) * tmp[j];
        out[i] = s;
    }
}

#define MAX_N 120
static double u[MAX_N], v[MAX_N], tmp[MAX_N];

static double spectral_norm(int n)
{
    for (int i = 0; i < n; i++)
        u[i] = 1.0;
    for (int k = 0; k < 10; k++) {
        ata_times(n, u, tmp, v);
        ata_times(n, v, tmp, u);
    }
    double vbv = 0.0, vv = 0.0;
    for (int i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    return __builtin_sqrt(vbv / vv);
}

/* A float series with int <-> float conversions, truncation and rounding in the loop. */
static u32 float_series(int n, i64 *ints)
{
    float s = 0.0f;
    i64 acc = 0;
    for (int i = 1; i <= n; i++) {
        float t = 1.0f / (float)i - (float)(i & 7) * 0.125f;
        s += t;
        acc += (i64)(s * 1000.0f) + (i64)(double)(u32)(i * 2654435761u);
    }
    *ints = acc;
    return fbits(s);
}

int main(int argc, char **argv)
{
    int w = rt_size(argc, argv, 12, 48, 800), h = rt_size(argc, argv, 8, 32, 600);
    int steps = rt_size(argc, argv, 10, 200, 50000), n = rt_size(argc, argv, 6, 24, MAX_N);
    printf("mandelbrot %dx%d: %x\n", w, h, (u32)(mandelbrot(w, h) >> 16));

    struct body b[BODIES] = {
        {0, 0, 0, 0, 0, 0, 39.47841760435743},
        {4.84143144246472090, -1.16032004402742839, -0.103622044471123109, 0.606326392995832,
         2.81198684491626, -0.02521836165988763, 0.03769367487038949},
        {8.34336671824457987, 4.12479856412430479, -0.403523417114321381, -1.01077434617730,
         1.82566237123041, 0.008415761376584154, 0.011286326131968767},
        {12.8943695621391310, -15.1111514016986312, -0.223307578892655734, 1.08279100644154,
         0.868713018169608, -0.01083263487190270, 0.0017237240570597112},
        {15.3796971148509165, -25.9193146099879641, 0.179258772950371181, 0.979090732243898,
         0.594698998647676, -0.03476595456430587, 0.0020336868699246304},
    };
    printf("energy before: %lx\n", bits(energy(b)));
    for (int s = 0; s < steps; s++)
        advance(b, 0.01);
    printf("energy after %d steps: %lx\n", steps, bits(energy(b)));
    printf("spectral norm n=%d: %lx\n", n, bits(spectral_norm(n)));
    i64 ints;
    u32 f = float_series(steps * 10, &ints);
    printf("float series: %x, ints %lx\n", f, (u64)ints);
    return 0;
}
