/* test_fp_opencl.c: exec_fp.h gives the same bits in an OpenCL kernel as on the host.
 *
 * One kernel runs test_fp_ops.h's dispatcher (every exec_fp.h operation) over 2^20 random items
 * (operation, width, FPCR, operands biased to the edges) on the first OpenCL device found, and
 * the results and flags are compared with the host's. The OpenCL library is loaded at run time
 * (dlopen), so the test builds everywhere and skips where there is no OpenCL device.
 * TEMU_SEED replays a run (the seed is printed).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_rand.h"

#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CL_TARGET_OPENCL_VERSION 120
#define CL_USE_DEPRECATED_OPENCL_1_2_APIS
#include <CL/cl.h>

#include "test_fp_ops.h"

#define ITEMS (1u << 20)

static const char kernel_src[] =
    "#include \"test_fp_ops.h\"\n"
    "__kernel void fp_ops(__global const ulong *in, __global ulong *out)\n"
    "{\n"
    "    size_t i = get_global_id(0);\n"
    "    ulong h = in[4 * i];\n"
    "    uint fl = 0;\n"
    "    out[2 * i] = test_fp_op((int)(h & 31), (int)((h >> 5) & 127), in[4 * i + 1],\n"
    "                            in[4 * i + 2], in[4 * i + 3], (uint)(h >> 12) & 0xfffff,\n"
    "                            (uint)(h >> 32), &fl);\n"
    "    out[2 * i + 1] = fl;\n"
    "}\n";

/* The OpenCL entry points, from the ICD loader opened at run time. */
#define CL_FNS(X)                                                                                  \
    X(clGetPlatformIDs) X(clGetDeviceIDs) X(clGetDeviceInfo) X(clCreateContext)                    \
    X(clCreateCommandQueue) X(clCreateProgramWithSource) X(clBuildProgram)                         \
    X(clGetProgramBuildInfo) X(clCreateKernel) X(clCreateBuffer) X(clSetKernelArg)                 \
    X(clEnqueueNDRangeKernel) X(clEnqueueReadBuffer) X(clFinish) X(clReleaseMemObject)             \
    X(clReleaseKernel) X(clReleaseProgram) X(clReleaseCommandQueue) X(clReleaseContext)
#define CL_DECLARE(f) static __typeof__(&f) p_##f;
CL_FNS(CL_DECLARE)

static int load_opencl(void)
{
    void *lib = dlopen("libOpenCL.so.1", RTLD_NOW);
    if (!lib)
        lib = dlopen("libOpenCL.so", RTLD_NOW);
    if (!lib)
        return 0;
#define CL_LOAD(f)                                                                                 \
    if (!(p_##f = (__typeof__(&f))dlsym(lib, #f)))                                                 \
        return 0;
    CL_FNS(CL_LOAD)
    return 1;
}

static uint64_t rng;

static uint64_t rnd_below(uint64_t n)
{
    return test_rand_next(&rng) % n;
}

/* A float of width n biased to the edges: special exponents, ties, NaN payloads. */
static uint64_t gen_fp(int n)
{
    int f = exec_fp_fw(n), e = exec_fp_ew(n);
    uint64_t emax = (1ull << e) - 1, bias = emax >> 1, bexp, frac = test_rand_next(&rng);
    switch (rnd_below(6)) {
    case 0: bexp = 0; break;
    case 1: bexp = emax; break;
    case 2: bexp = bias - 2 + rnd_below((uint64_t)f + 4); break;
    case 3: bexp = rnd_below(3) + (rnd_below(2) ? 1 : emax - 3); break;
    default: bexp = rnd_below(emax + 1); break;
    }
    switch (rnd_below(5)) {
    case 0: frac = 0; break;
    case 1: frac = ~0ull; break;
    case 2: frac <<= f - (int)rnd_below(3); break;
    default: break;
    }
    frac &= (1ull << f) - 1;
    return rnd_below(2) << (n - 1) | bexp << f | frac;
}

static void test_fp_opencl(void **state)
{
    (void)state;
    if (!load_opencl())
        skip();
    cl_platform_id plat;
    cl_uint nplat = 0;
    cl_device_id dev;
    if (p_clGetPlatformIDs(1, &plat, &nplat) != CL_SUCCESS || nplat == 0 ||
        p_clGetDeviceIDs(plat, CL_DEVICE_TYPE_ALL, 1, &dev, NULL) != CL_SUCCESS)
        skip();
    char name[256] = "";
    p_clGetDeviceInfo(dev, CL_DEVICE_NAME, sizeof name - 1, name, NULL);

    const char *seed_env = getenv("TEMU_SEED");
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 0) : (uint64_t)time(NULL);
    rng = seed;
    print_message("test_fp_opencl: TEMU_SEED=%" PRIu64 ", device %s\n", seed, name);

    uint64_t *in = malloc(sizeof(uint64_t) * 4 * ITEMS);
    uint64_t *out = malloc(sizeof(uint64_t) * 2 * ITEMS);
    assert_non_null(in);
    assert_non_null(out);
    static const int widths[3] = {16, 32, 64};
    for (size_t i = 0; i < ITEMS; i++) {
        int op = (int)rnd_below(TEST_FP_NOPS), n = widths[rnd_below(3)];
        uint32_t fpcr = (uint32_t)rnd_below(4) << EXEC_FP_FPCR_RMODE_SHIFT;
        fpcr |= rnd_below(3) ? 0 : EXEC_FP_FPCR_FZ;
        fpcr |= rnd_below(3) ? 0 : EXEC_FP_FPCR_FZ16;
        fpcr |= rnd_below(3) ? 0 : EXEC_FP_FPCR_DN;
        fpcr |= rnd_below(3) ? 0 : EXEC_FP_FPCR_AHP;
        uint64_t imm = rnd_below(1u << 20);
        in[4 * i] = (uint64_t)op | (uint64_t)n << 5 | imm << 12 | (uint64_t)fpcr << 32;
        in[4 * i + 1] = op == 21 ? test_rand_value(&rng) : gen_fp(op == 22 ? 64 : n);
        in[4 * i + 2] = rnd_below(4) ? gen_fp(n) : in[4 * i + 1] ^ (1ull << (n - 1));
        in[4 * i + 3] = gen_fp(n);
    }

    /* The kernel includes the very headers this file does. */
    const char *src_dir = getenv("TEMU_SOURCE_DIR");
    char dir[4096], opts[3 * 4096 + 64];
    if (src_dir) {
        snprintf(dir, sizeof dir, "%s", src_dir);
    } else { /* __FILE__ is <source>/tests/test_fp_opencl.c */
        snprintf(dir, sizeof dir, "%s", __FILE__);
        char *cut = strstr(dir, "/tests/test_fp_opencl.c");
        if (cut)
            *cut = 0;
    }
    snprintf(opts, sizeof opts, "-cl-std=CL1.2 -I%s/tests/support -I%s/emu/exec -I%s/decode", dir,
             dir, dir);

    cl_int err;
    cl_context ctx = p_clCreateContext(NULL, 1, &dev, NULL, NULL, &err);
    assert_int_equal(err, CL_SUCCESS);
    cl_command_queue q = p_clCreateCommandQueue(ctx, dev, 0, &err);
    assert_int_equal(err, CL_SUCCESS);
    const char *srcs[1] = {kernel_src};
    cl_program prog = p_clCreateProgramWithSource(ctx, 1, srcs, NULL, &err);
    assert_int_equal(err, CL_SUCCESS);
    double t0 = (double)clock() / CLOCKS_PER_SEC;
    if (p_clBuildProgram(prog, 1, &dev, opts, NULL, NULL) != CL_SUCCESS) {
        static char log[1 << 16];
        p_clGetProgramBuildInfo(prog, dev, CL_PROGRAM_BUILD_LOG, sizeof log - 1, log, NULL);
        print_message("build failed (%s):\n%s\n", opts, log);
        fail();
    }
    cl_kernel k = p_clCreateKernel(prog, "fp_ops", &err);
    assert_int_equal(err, CL_SUCCESS);
    cl_mem din = p_clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                                  sizeof(uint64_t) * 4 * ITEMS, in, &err);
    assert_int_equal(err, CL_SUCCESS);
    cl_mem dout =
        p_clCreateBuffer(ctx, CL_MEM_WRITE_ONLY, sizeof(uint64_t) * 2 * ITEMS, NULL, &err);
    assert_int_equal(err, CL_SUCCESS);
    assert_int_equal(p_clSetKernelArg(k, 0, sizeof din, &din), CL_SUCCESS);
    assert_int_equal(p_clSetKernelArg(k, 1, sizeof dout, &dout), CL_SUCCESS);
    size_t global = ITEMS;
    assert_int_equal(p_clEnqueueNDRangeKernel(q, k, 1, NULL, &global, NULL, 0, NULL, NULL),
                     CL_SUCCESS);
    assert_int_equal(p_clEnqueueReadBuffer(q, dout, CL_TRUE, 0, sizeof(uint64_t) * 2 * ITEMS, out,
                                           0, NULL, NULL),
                     CL_SUCCESS);
    p_clFinish(q);
    double t1 = (double)clock() / CLOCKS_PER_SEC;

    long fails = 0;
    for (size_t i = 0; i < ITEMS; i++) {
        uint64_t h = in[4 * i];
        uint32_t fl = 0;
        uint64_t r = test_fp_op((int)(h & 31), (int)((h >> 5) & 127), in[4 * i + 1], in[4 * i + 2],
                                in[4 * i + 3], (uint32_t)(h >> 12) & 0xfffff, (uint32_t)(h >> 32),
                                &fl);
        if ((r != out[2 * i] || fl != out[2 * i + 1]) && fails++ < 20)
            print_message("MISMATCH op=%d n=%d imm=0x%x fpcr=0x%08x a=0x%" PRIx64 " b=0x%" PRIx64
                          " c=0x%" PRIx64 ": host 0x%" PRIx64 " flags 0x%x, device 0x%" PRIx64
                          " flags 0x%" PRIx64 "\n",
                          (int)(h & 31), (int)((h >> 5) & 127), (unsigned)(h >> 12) & 0xfffff,
                          (unsigned)(h >> 32), in[4 * i + 1], in[4 * i + 2], in[4 * i + 3], r, fl,
                          out[2 * i], out[2 * i + 1]);
    }
    print_message("test_fp_opencl: %u items, build and run %.1f s CPU, %ld mismatches\n", ITEMS,
                  t1 - t0, fails);
    p_clReleaseMemObject(din);
    p_clReleaseMemObject(dout);
    p_clReleaseKernel(k);
    p_clReleaseProgram(prog);
    p_clReleaseCommandQueue(q);
    p_clReleaseContext(ctx);
    free(in);
    free(out);
    assert_int_equal(fails, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fp_opencl),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
