/* gpu_cl.c: OpenCL device discovery, choice and set-up, and the error check behind GPU_CL_CHECK.
 *
 * Devices are enumerated through the ICD loader in one flat list (platform order, then device
 * order); that list's positions are the indices of --device=N, TEMU_DEVICE and --list-devices. */
#include "gpu_cl.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#ifndef CL_PLATFORM_NOT_FOUND_KHR
#define CL_PLATFORM_NOT_FOUND_KHR (-1001) /* cl_khr_icd: the loader found no platform */
#endif

#define GPU_CL_ERRORS(X) \
    X(CL_DEVICE_NOT_FOUND) X(CL_DEVICE_NOT_AVAILABLE) X(CL_COMPILER_NOT_AVAILABLE) \
    X(CL_MEM_OBJECT_ALLOCATION_FAILURE) X(CL_OUT_OF_RESOURCES) X(CL_OUT_OF_HOST_MEMORY) \
    X(CL_PROFILING_INFO_NOT_AVAILABLE) X(CL_MEM_COPY_OVERLAP) X(CL_IMAGE_FORMAT_MISMATCH) \
    X(CL_IMAGE_FORMAT_NOT_SUPPORTED) X(CL_BUILD_PROGRAM_FAILURE) X(CL_MAP_FAILURE) \
    X(CL_MISALIGNED_SUB_BUFFER_OFFSET) X(CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST) \
    X(CL_COMPILE_PROGRAM_FAILURE) X(CL_LINKER_NOT_AVAILABLE) X(CL_LINK_PROGRAM_FAILURE) \
    X(CL_DEVICE_PARTITION_FAILED) X(CL_KERNEL_ARG_INFO_NOT_AVAILABLE) X(CL_INVALID_VALUE) \
    X(CL_INVALID_DEVICE_TYPE) X(CL_INVALID_PLATFORM) X(CL_INVALID_DEVICE) X(CL_INVALID_CONTEXT) \
    X(CL_INVALID_QUEUE_PROPERTIES) X(CL_INVALID_COMMAND_QUEUE) X(CL_INVALID_HOST_PTR) \
    X(CL_INVALID_MEM_OBJECT) X(CL_INVALID_IMAGE_FORMAT_DESCRIPTOR) X(CL_INVALID_IMAGE_SIZE) \
    X(CL_INVALID_SAMPLER) X(CL_INVALID_BINARY) X(CL_INVALID_BUILD_OPTIONS) X(CL_INVALID_PROGRAM) \
    X(CL_INVALID_PROGRAM_EXECUTABLE) X(CL_INVALID_KERNEL_NAME) X(CL_INVALID_KERNEL_DEFINITION) \
    X(CL_INVALID_KERNEL) X(CL_INVALID_ARG_INDEX) X(CL_INVALID_ARG_VALUE) X(CL_INVALID_ARG_SIZE) \
    X(CL_INVALID_KERNEL_ARGS) X(CL_INVALID_WORK_DIMENSION) X(CL_INVALID_WORK_GROUP_SIZE) \
    X(CL_INVALID_WORK_ITEM_SIZE) X(CL_INVALID_GLOBAL_OFFSET) X(CL_INVALID_EVENT_WAIT_LIST) \
    X(CL_INVALID_EVENT) X(CL_INVALID_OPERATION) X(CL_INVALID_GL_OBJECT) \
    X(CL_INVALID_BUFFER_SIZE) X(CL_INVALID_MIP_LEVEL) X(CL_INVALID_GLOBAL_WORK_SIZE) \
    X(CL_INVALID_PROPERTY) X(CL_INVALID_IMAGE_DESCRIPTOR) X(CL_INVALID_COMPILER_OPTIONS) \
    X(CL_INVALID_LINKER_OPTIONS) X(CL_INVALID_DEVICE_PARTITION_COUNT) X(CL_INVALID_PIPE_SIZE) \
    X(CL_INVALID_DEVICE_QUEUE) X(CL_INVALID_SPEC_ID) X(CL_MAX_SIZE_RESTRICTION_EXCEEDED) \
    X(CL_PLATFORM_NOT_FOUND_KHR)

const char *gpu_cl_error_name(cl_int err)
{
    switch (err) {
#define GPU_CL_ERROR_CASE(name) case name: return #name;
    GPU_CL_ERRORS(GPU_CL_ERROR_CASE)
#undef GPU_CL_ERROR_CASE
    default: return "unknown OpenCL error";
    }
}

/* The OpenCL function named in the checked expression: the first identifier starting with "cl"
 * that is followed by '(' (so the comma-expression form finds clCreateBuffer, not the variable). */
static void call_name(const char *expr, char *buf, size_t len)
{
    for (const char *p = expr; *p; p++) {
        int starts = p[0] == 'c' && p[1] == 'l' && (p == expr || !(p[-1] == '_' ||
                     (p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z') ||
                     (p[-1] >= '0' && p[-1] <= '9')));
        if (!starts)
            continue;
        size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
        if (p[n] == '(' && n < len) {
            memcpy(buf, p, n);
            buf[n] = 0;
            return;
        }
    }
    snprintf(buf, len, "%s", expr);
}

size_t gpu_cl_local_size(const struct gpu_cl *cl, cl_kernel k, size_t want_gpu, size_t want_cpu, size_t most)
{
    size_t max = 1;
    if (GPU_CL_CHECK(clGetKernelWorkGroupInfo(k, cl->device, CL_KERNEL_WORK_GROUP_SIZE, sizeof max, &max, NULL)))
        max = 1;
    size_t want = (cl->type & CL_DEVICE_TYPE_CPU) ? want_cpu : want_gpu;
    if (cl->cfg.local > 0)
        want = cl->cfg.local;
    size_t n = most < want ? most : want;
    return n < max ? n : max;
}

int gpu_cl_check(cl_int err, const char *expr, const char *file, int line)
{
    if (err == CL_SUCCESS)
        return 0;
    char name[96];
    call_name(expr, name, sizeof name);
    const char *slash = strrchr(file, '/');
    fprintf(stderr, "temu: OpenCL error: %s failed with %s (%d) at %s:%d\n", name,
            gpu_cl_error_name(err), (int)err, slash ? slash + 1 : file, line);
    return 1;
}

/* One entry of the flat device list. */
struct found {
    cl_platform_id platform;
    cl_device_id device;
    cl_device_type type;
};

/* Enumerate every device of every platform. *list is malloc'ed (NULL when empty). A platform
 * whose devices cannot be listed is skipped: one broken driver must not hide the others. */
static int enumerate(struct found **list, cl_uint *count, cl_uint *nplatforms)
{
    cl_platform_id *plats = NULL;
    cl_device_id *devs = NULL;
    cl_uint np = 0;
    int rc = GPU_ERROR;
    *list = NULL;
    *count = 0;
    *nplatforms = 0;

    cl_int err = clGetPlatformIDs(0, NULL, &np);
    if (err == CL_PLATFORM_NOT_FOUND_KHR)
        return GPU_OK; /* no ICD registered: no device, reported by the caller */
    if (GPU_CL_CHECK(err))
        return GPU_ERROR;
    if (np == 0)
        return GPU_OK;
    plats = calloc(np, sizeof *plats);
    if (!plats || GPU_CL_CHECK(clGetPlatformIDs(np, plats, NULL)))
        goto out;
    *nplatforms = np;
    for (cl_uint p = 0; p < np; p++) {
        cl_uint nd = 0;
        err = clGetDeviceIDs(plats[p], CL_DEVICE_TYPE_ALL, 0, NULL, &nd);
        if (err == CL_DEVICE_NOT_FOUND || nd == 0)
            continue;
        if (GPU_CL_CHECK(err))
            continue;
        free(devs);
        devs = calloc(nd, sizeof *devs);
        struct found *grown = realloc(*list, (*count + nd) * sizeof **list);
        if (!devs || !grown)
            goto out;
        *list = grown;
        if (GPU_CL_CHECK(clGetDeviceIDs(plats[p], CL_DEVICE_TYPE_ALL, nd, devs, NULL)))
            continue;
        for (cl_uint d = 0; d < nd; d++) {
            struct found *f = &(*list)[(*count)++];
            f->platform = plats[p];
            f->device = devs[d];
            f->type = 0;
            if (GPU_CL_CHECK(clGetDeviceInfo(devs[d], CL_DEVICE_TYPE, sizeof f->type, &f->type, NULL)))
                f->type = 0;
        }
    }
    rc = GPU_OK;
out:
    if (rc != GPU_OK) {
        fprintf(stderr, "temu: out of memory listing OpenCL devices\n");
        free(*list);
        *list = NULL;
        *count = 0;
    }
    free(devs);
    free(plats);
    return rc;
}

/* The one line for "no device": what was searched, so a missing ICD file is easy to spot. */
static void report_no_device(cl_uint nplatforms, const char *dir)
{
    if (!dir || !*dir)
        dir = "/etc/OpenCL/vendors";
    char files[512] = "";
    size_t used = 0;
    DIR *d = opendir(dir);
    if (d) {
        for (struct dirent *e; (e = readdir(d)) != NULL;) {
            if (e->d_name[0] == '.')
                continue;
            int n = snprintf(files + used, sizeof files - used, "%s%s", used ? " " : "", e->d_name);
            if (n < 0 || (size_t)n >= sizeof files - used)
                break;
            used += (size_t)n;
        }
        closedir(d);
    }
    fprintf(stderr, "temu: no OpenCL device found (searched %u platform%s via the ICD loader; %s %s)\n",
            nplatforms, nplatforms == 1 ? "" : "s", dir,
            d ? (used ? files : "is empty") : "does not exist");
}

/* enumerate(), with "no device at all" reported once here (one line) as GPU_NO_DEVICE. */
static int enumerate_some(struct found **list, cl_uint *count, const char *icd_vendors)
{
    cl_uint np = 0;
    int rc = enumerate(list, count, &np);
    if (rc == GPU_OK && *count == 0) {
        free(*list);
        *list = NULL;
        report_no_device(np, icd_vendors);
        return GPU_NO_DEVICE;
    }
    return rc;
}

/* Turn `requested` (--device or TEMU_DEVICE; -1: the type preference) into an index into list[].
 * Returns -1 after printing a line when the request names no device. */
static int pick(const struct found *list, cl_uint count, int requested)
{
    if (requested >= 0) {
        if ((cl_uint)requested >= count) {
            fprintf(stderr, "temu: OpenCL device %d does not exist (%u found; see temu --list-devices)\n",
                    requested, count);
            return -1;
        }
        return requested;
    }
    static const cl_device_type prefer[] = {CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_ACCELERATOR,
                                            CL_DEVICE_TYPE_CPU};
    for (size_t t = 0; t < sizeof prefer / sizeof prefer[0]; t++)
        for (cl_uint i = 0; i < count; i++)
            if (list[i].type & prefer[t])
                return (int)i;
    return count ? 0 : -1;
}

/* 1 if some device has any of the `types` bits. */
static int have_device(cl_device_type types)
{
    struct found *list = NULL;
    cl_uint count = 0, np = 0;
    int have = 0;
    if (enumerate(&list, &count, &np) == GPU_OK)
        for (cl_uint i = 0; i < count; i++)
            have |= (list[i].type & types) != 0;
    free(list);
    return have;
}

int gpu_cl_have_gpu(void)
{
    return have_device(CL_DEVICE_TYPE_GPU);
}

int gpu_cl_have_device(void)
{
    return have_device(CL_DEVICE_TYPE_ALL);
}

/* A device string property, "?" when the query fails (it only feeds messages and the listing). */
static void device_str(cl_device_id d, cl_device_info what, char *buf, size_t len)
{
    size_t n = 0;
    if (GPU_CL_CHECK(clGetDeviceInfo(d, what, len - 1, buf, &n)) || n == 0 || n > len - 1)
        snprintf(buf, len, "?");
    buf[len - 1] = 0;
}

/* The device's OpenCL version as major*10+minor, from "OpenCL M.m ...". */
static int device_version(cl_device_id d)
{
    char v[128];
    device_str(d, CL_DEVICE_VERSION, v, sizeof v);
    int major = 0, minor = 0;
    if (sscanf(v, "OpenCL %d.%d", &major, &minor) != 2)
        return 0;
    return major * 10 + minor;
}

/* CL_DEVICE_IL_VERSION, "" when the device takes no IL. Asked without the check macro on purpose:
 * devices before OpenCL 2.1 without cl_khr_il_program reject the query, which only means "none". */
static void device_il(cl_device_id d, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = 0;
    if (clGetDeviceInfo(d, CL_DEVICE_IL_VERSION, len - 1, buf, &n) != CL_SUCCESS || n > len - 1)
        buf[0] = 0;
    buf[len - 1] = 0;
}

/* Whether CL_DEVICE_EXTENSIONS lists `ext` as a whole word. */
static int device_has_extension(cl_device_id d, const char *ext)
{
    size_t n = 0;
    if (GPU_CL_CHECK(clGetDeviceInfo(d, CL_DEVICE_EXTENSIONS, 0, NULL, &n)) || n == 0)
        return 0;
    char *all = malloc(n + 1);
    if (!all || GPU_CL_CHECK(clGetDeviceInfo(d, CL_DEVICE_EXTENSIONS, n, all, NULL))) {
        free(all);
        return 0;
    }
    all[n] = 0;
    size_t len = strlen(ext);
    int found = 0;
    for (const char *p = all; (p = strstr(p, ext)) != NULL; p += len)
        if ((p == all || p[-1] == ' ') && (p[len] == ' ' || p[len] == 0))
            found = 1;
    free(all);
    return found;
}

int gpu_cl_takes_spirv(const struct gpu_cl *cl)
{
    return strstr(cl->il_versions, "SPIR-V") != NULL;
}

int gpu_cl_open(struct gpu_cl *cl, const struct gpu_cl_cfg *cfg)
{
    struct found *list = NULL;
    cl_uint count = 0;
    cl_int err = CL_SUCCESS;
    memset(cl, 0, sizeof *cl);
    cl->cfg = cfg ? *cfg : (struct gpu_cl_cfg){.device = -1};
    int rc = enumerate_some(&list, &count, cl->cfg.icd_vendors);
    if (rc != GPU_OK) {
        memset(cl, 0, sizeof *cl);
        return rc;
    }
    rc = GPU_ERROR;
    int i = pick(list, count, cl->cfg.device);
    if (i < 0)
        goto out;
    cl->index = i;
    cl->platform = list[i].platform;
    cl->device = list[i].device;
    cl->type = list[i].type;
    device_str(cl->device, CL_DEVICE_NAME, cl->name, sizeof cl->name);
    device_str(cl->device, CL_DRIVER_VERSION, cl->driver, sizeof cl->driver);
    if (device_version(cl->device) >= 21) {
        device_il(cl->device, cl->il_versions, sizeof cl->il_versions);
    } else if (device_has_extension(cl->device, "cl_khr_il_program")) {
        device_il(cl->device, cl->il_versions, sizeof cl->il_versions);
        cl->il_khr = 1;
    }
    if (GPU_CL_CHECK(clGetDeviceInfo(cl->device, CL_DEVICE_MAX_WORK_GROUP_SIZE,
                                     sizeof cl->max_work_group, &cl->max_work_group, NULL)) ||
        GPU_CL_CHECK(clGetDeviceInfo(cl->device, CL_DEVICE_MAX_MEM_ALLOC_SIZE,
                                     sizeof cl->max_alloc, &cl->max_alloc, NULL)) ||
        GPU_CL_CHECK(clGetDeviceInfo(cl->device, CL_DEVICE_GLOBAL_MEM_SIZE,
                                     sizeof cl->global_mem, &cl->global_mem, NULL)))
        goto out;
    const cl_context_properties props[] = {CL_CONTEXT_PLATFORM, (cl_context_properties)cl->platform, 0};
    if (GPU_CL_CHECK((cl->context = clCreateContext(props, 1, &cl->device, NULL, NULL, &err), err)))
        goto out;
    /* clCreateCommandQueue (not ...WithProperties): it exists on every OpenCL 1.2+ platform. */
    if (GPU_CL_CHECK((cl->queue = clCreateCommandQueue(cl->context, cl->device, 0, &err), err)))
        goto out;
    rc = GPU_OK;
out:
    if (rc != GPU_OK)
        gpu_cl_close(cl);
    free(list);
    return rc;
}

void gpu_cl_close(struct gpu_cl *cl)
{
    if (cl->queue)
        GPU_CL_CHECK(clReleaseCommandQueue(cl->queue));
    if (cl->context)
        GPU_CL_CHECK(clReleaseContext(cl->context));
    memset(cl, 0, sizeof *cl);
}

static const char *type_name(cl_device_type t)
{
    if (t & CL_DEVICE_TYPE_GPU)
        return "GPU";
    if (t & CL_DEVICE_TYPE_ACCELERATOR)
        return "accelerator";
    if (t & CL_DEVICE_TYPE_CPU)
        return "CPU";
    if (t & CL_DEVICE_TYPE_CUSTOM)
        return "custom";
    return "other";
}

/* The listing's lines for one device. */
static void list_one(FILE *out, const struct found *f, int index, int picked)
{
    char name[256], driver[128], version[128], il[256];
    cl_uint units = 0;
    size_t wg = 0;
    cl_ulong mem = 0;
    device_str(f->device, CL_DEVICE_NAME, name, sizeof name);
    device_str(f->device, CL_DRIVER_VERSION, driver, sizeof driver);
    device_str(f->device, CL_DEVICE_VERSION, version, sizeof version);
    il[0] = 0;
    if (device_version(f->device) >= 21 || device_has_extension(f->device, "cl_khr_il_program"))
        device_il(f->device, il, sizeof il);
    if (GPU_CL_CHECK(clGetDeviceInfo(f->device, CL_DEVICE_MAX_COMPUTE_UNITS, sizeof units, &units, NULL)))
        units = 0;
    if (GPU_CL_CHECK(clGetDeviceInfo(f->device, CL_DEVICE_MAX_WORK_GROUP_SIZE, sizeof wg, &wg, NULL)))
        wg = 0;
    if (GPU_CL_CHECK(clGetDeviceInfo(f->device, CL_DEVICE_GLOBAL_MEM_SIZE, sizeof mem, &mem, NULL)))
        mem = 0;
    fprintf(out, "  device %d: %s%s\n", index, name, picked ? "   <- temu picks this one" : "");
    fprintf(out, "    type %s, %u compute units, max work-group %zu, global memory %.1f GiB\n",
            type_name(f->type), units, wg, (double)mem / (1024.0 * 1024.0 * 1024.0));
    fprintf(out, "    %s, driver %s, IL: %s\n", version, driver,
            il[0] ? il : "none (kernels are built from source)");
}

int gpu_cl_list_devices_for(FILE *out, const struct gpu_cl_cfg *cfg)
{
    struct found *list = NULL;
    cl_uint count = 0;
    int rc = enumerate_some(&list, &count, cfg ? cfg->icd_vendors : NULL);
    if (rc != GPU_OK)
        return rc;
    int chosen = pick(list, count, cfg ? cfg->device : -1);
    cl_platform_id shown = NULL;
    for (cl_uint i = 0; i < count; i++) {
        if (list[i].platform != shown) {
            char pname[256], pver[256];
            shown = list[i].platform;
            if (GPU_CL_CHECK(clGetPlatformInfo(shown, CL_PLATFORM_NAME, sizeof pname, pname, NULL)))
                snprintf(pname, sizeof pname, "?");
            if (GPU_CL_CHECK(clGetPlatformInfo(shown, CL_PLATFORM_VERSION, sizeof pver, pver, NULL)))
                snprintf(pver, sizeof pver, "?");
            pname[sizeof pname - 1] = pver[sizeof pver - 1] = 0;
            fprintf(out, "platform: %s (%s)\n", pname, pver);
        }
        list_one(out, &list[i], (int)i, (int)i == chosen);
    }
    if (chosen < 0)
        fprintf(out, "temu picks none: the requested device does not exist\n");
    free(list);
    return chosen < 0 ? GPU_ERROR : GPU_OK;
}

int gpu_cl_list_devices(FILE *out)
{
    return gpu_cl_list_devices_for(out, NULL);
}
