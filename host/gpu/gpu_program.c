/* gpu_program.c: create and build OpenCL programs from embedded kernels (see gpu_program.h).
 *
 * Build options never include fast-math flags (-cl-fast-relaxed-math, -cl-mad-enable,
 * -cl-finite-math-only, -cl-no-signed-zeros): guest arithmetic must be bit exact. */
#include "gpu_program.h"

#include <stdlib.h>
#include <string.h>

#include "gpu_cache.h"

/* The source is OpenCL C 1.2 (the decoder's dialect); SPIR-V carries its own version. */
static const char SOURCE_OPTIONS[] = "-cl-std=CL1.2";
static const char IL_OPTIONS[] = "";

typedef cl_program (*create_with_il_fn)(cl_context, const void *, size_t, cl_int *);

const char *gpu_program_path_name(enum gpu_program_path p)
{
    return p == GPU_PROGRAM_IL ? "il" : p == GPU_PROGRAM_SOURCE ? "source" : "auto";
}

/* Resolve AUTO through cl->cfg.program (TEMU_CL_PROGRAM) and the device. */
static enum gpu_program_path resolve(const struct gpu_cl *cl, enum gpu_program_path want)
{
    if (want != GPU_PROGRAM_AUTO)
        return want;
    if (cl->cfg.program == GPU_PROGRAM_SOURCE || cl->cfg.program == GPU_PROGRAM_IL)
        return (enum gpu_program_path)cl->cfg.program;
    return gpu_cl_takes_spirv(cl) ? GPU_PROGRAM_IL : GPU_PROGRAM_SOURCE;
}

/* Print the device's build log for a failed build (the check macro has named the call). */
static void print_build_log(const struct gpu_cl *cl, cl_program prog, const char *what)
{
    size_t n = 0;
    char *log = NULL;
    if (GPU_CL_CHECK(clGetProgramBuildInfo(prog, cl->device, CL_PROGRAM_BUILD_LOG, 0, NULL, &n)) ||
        !(log = malloc(n + 1)) ||
        GPU_CL_CHECK(clGetProgramBuildInfo(prog, cl->device, CL_PROGRAM_BUILD_LOG, n, log, NULL))) {
        free(log);
        return;
    }
    log[n] = 0;
    fprintf(stderr, "temu: build log of %s on %s:\n%s\n", what, cl->name, log);
    free(log);
}

/* Build `prog`; on failure print the log and release it. */
static int build(const struct gpu_cl *cl, cl_program *prog, const char *options, const char *what)
{
    if (!GPU_CL_CHECK(clBuildProgram(*prog, 1, &cl->device, options, NULL, NULL)))
        return GPU_OK;
    print_build_log(cl, *prog, what);
    GPU_CL_CHECK(clReleaseProgram(*prog));
    *prog = NULL;
    return GPU_ERROR;
}

/* The cache key: device, driver, path, options and the very bytes handed to the driver. */
static uint64_t cache_key(const struct gpu_cl *cl, enum gpu_program_path path, const char *options,
                          const void *bytes, size_t n)
{
    const char *tag = gpu_program_path_name(path);
    uint64_t h = GPU_CACHE_SEED;
    h = gpu_cache_hash(h, cl->name, strlen(cl->name) + 1);
    h = gpu_cache_hash(h, cl->driver, strlen(cl->driver) + 1);
    h = gpu_cache_hash(h, tag, strlen(tag) + 1);
    h = gpu_cache_hash(h, options, strlen(options) + 1);
    return gpu_cache_hash(h, bytes, n);
}

/* A program from a cached binary, or NULL (miss, or an entry the driver rejects: rebuilt). */
static cl_program from_cache(const struct gpu_cl *cl, uint64_t key, const char *options, const char *what)
{
    size_t size = 0;
    unsigned char *bin = gpu_cache_load(cl->cfg.cache_dir, key, &size);
    if (!bin)
        return NULL;
    cl_int err = CL_SUCCESS, status = CL_SUCCESS;
    const unsigned char *bins[1] = {bin};
    cl_program prog = clCreateProgramWithBinary(cl->context, 1, &cl->device, &size, bins, &status, &err);
    free(bin);
    if (GPU_CL_CHECK(err) || GPU_CL_CHECK(status) || build(cl, &prog, options, what)) {
        if (prog && err == CL_SUCCESS)
            GPU_CL_CHECK(clReleaseProgram(prog));
        fprintf(stderr, "temu: the driver rejected the cached binary of %s; rebuilding\n", what);
        return NULL;
    }
    return prog;
}

/* Put the built program's binary in the cache (best effort). */
static void to_cache(const struct gpu_cl *cl, cl_program prog, uint64_t key)
{
    size_t size = 0;
    if (GPU_CL_CHECK(clGetProgramInfo(prog, CL_PROGRAM_BINARY_SIZES, sizeof size, &size, NULL)) || !size)
        return;
    unsigned char *bin = malloc(size);
    unsigned char *bins[1] = {bin};
    if (bin && !GPU_CL_CHECK(clGetProgramInfo(prog, CL_PROGRAM_BINARIES, sizeof bins, bins, NULL)))
        gpu_cache_store(cl->cfg.cache_dir, key, bin, size);
    free(bin);
}

/* The IL entry point: core clCreateProgramWithIL from OpenCL 2.1, else the KHR extension's. */
static cl_program create_il(const struct gpu_cl *cl, const struct gpu_blob *blob, cl_int *err)
{
    if (!cl->il_khr)
        return clCreateProgramWithIL(cl->context, blob->spirv, blob->spirv_size, err);
    create_with_il_fn fn = (create_with_il_fn)(void (*)(void))
        clGetExtensionFunctionAddressForPlatform(cl->platform, "clCreateProgramWithILKHR");
    if (!fn) {
        *err = CL_INVALID_OPERATION;
        return NULL;
    }
    return fn(cl->context, blob->spirv, blob->spirv_size, err);
}

int gpu_program_build(const struct gpu_cl *cl, const struct gpu_blob *blob,
                      enum gpu_program_path want, cl_program *out, enum gpu_program_path *used)
{
    enum gpu_program_path path = resolve(cl, want);
    cl_program prog = NULL;
    cl_int err = CL_SUCCESS;
    *out = NULL;
    if (path == GPU_PROGRAM_AUTO)
        return GPU_ERROR;
    if (path == GPU_PROGRAM_IL && !gpu_cl_takes_spirv(cl)) {
        fprintf(stderr, "temu: %s takes no SPIR-V (CL_DEVICE_IL_VERSION is empty); "
                "use TEMU_CL_PROGRAM=source\n", cl->name);
        return GPU_UNSUPPORTED;
    }
    int il = path == GPU_PROGRAM_IL;
    const char *options = il ? IL_OPTIONS : SOURCE_OPTIONS;
    char what[128];
    snprintf(what, sizeof what, "%s (%s)", blob->name, il ? "SPIR-V" : "source");
    uint64_t key = il ? cache_key(cl, path, options, blob->spirv, blob->spirv_size)
                      : cache_key(cl, path, options, blob->source, blob->source_size);

    prog = from_cache(cl, key, options, what);
    if (!prog) {
        if (il) {
            if (GPU_CL_CHECK((prog = create_il(cl, blob, &err), err)))
                return GPU_ERROR;
        } else {
            const char *src = (const char *)blob->source;
            size_t len = blob->source_size;
            if (GPU_CL_CHECK((prog = clCreateProgramWithSource(cl->context, 1, &src, &len, &err), err)))
                return GPU_ERROR;
        }
        if (build(cl, &prog, options, what))
            return GPU_ERROR;
        to_cache(cl, prog, key);
    }
    *out = prog;
    if (used)
        *used = path;
    return GPU_OK;
}
