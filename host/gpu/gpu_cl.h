/* gpu_cl.h: the OpenCL runtime of the GPU engine (docs/design.md, GPU engines): device discovery and
 * choice, one context and in-order queue on the chosen device, and the one check macro that every
 * OpenCL call goes through. Programs are built in gpu_program.h; kernels live in shaders/. */
#ifndef GPU_CL_H
#define GPU_CL_H

#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 300
#endif
#ifndef CL_USE_DEPRECATED_OPENCL_1_2_APIS
#define CL_USE_DEPRECATED_OPENCL_1_2_APIS /* clCreateCommandQueue: present on every platform */
#endif
#include <CL/cl.h>
#include <stdint.h>
#include <stdio.h>

/* Return codes of the functions below that can fail: 0 is success. */
#define GPU_OK 0
#define GPU_ERROR (-1)     /* an OpenCL or host error; one line naming it was printed */
#define GPU_NO_DEVICE (-2) /* no OpenCL device at all; one line saying what was searched was printed */
#define GPU_UNSUPPORTED (-3) /* the device cannot do what was asked (e.g. SPIR-V); line printed */

/* Check the cl_int an OpenCL call yields; on failure print one line naming the call, the error
 * (CL_INVALID_VALUE, ...), file and line, and evaluate to nonzero. For calls that report through
 * an errcode_ret pointer, wrap a comma expression: GPU_CL_CHECK((b = clCreateBuffer(..., &e), e)).
 * The call's name is taken from the text of the expression. */
#define GPU_CL_CHECK(expr) gpu_cl_check((expr), #expr, __FILE__, __LINE__)

/* What the command line tells the OpenCL runtime and the GPU engines. temu reads these from its
 * environment at start-up (host/cli/temu_env.c; docs/usage.md, Environment); nothing under
 * host/gpu/ calls getenv. A zeroed struct is every default but the device: set device = -1. The
 * strings must outlive the struct gpu_cl that holds a copy. */
struct gpu_cl_cfg {
    int device;              /* index into the --list-devices listing (--device, TEMU_DEVICE); -1:
                                the first GPU, then accelerator, then CPU device */
    int program;             /* enum gpu_program_path (gpu_program.h) that GPU_PROGRAM_AUTO means:
                                AUTO (by the device), or SOURCE or IL forced (TEMU_CL_PROGRAM) */
    size_t local;            /* work-items per group for every kernel (TEMU_GPU_LOCAL); 0: each
                                kernel's own default */
    uint64_t loop_chunk;     /* iterations per loop_iterations launch (TEMU_GPU_LOOP_CHUNK); 0: default */
    const char *cache_dir;   /* the program cache's directory (gpu_cache.h); NULL or "": no cache */
    const char *icd_vendors; /* where the ICD loader looks for vendor files (OCL_ICD_VENDORS), for the
                                "no OpenCL device" line; NULL: /etc/OpenCL/vendors */
};

/* The device temu runs on, and what it needs to know about it. */
struct gpu_cl {
    cl_platform_id platform;
    cl_device_id device;
    cl_context context;
    cl_command_queue queue;
    int index;               /* position in the --list-devices listing */
    cl_device_type type;     /* CL_DEVICE_TYPE_GPU, _CPU, ... */
    char name[256];          /* CL_DEVICE_NAME */
    char driver[128];        /* CL_DRIVER_VERSION */
    char il_versions[256];   /* CL_DEVICE_IL_VERSION, "" when the device takes no IL */
    int il_khr;              /* IL only through cl_khr_il_program (device before OpenCL 2.1) */
    size_t max_work_group;   /* CL_DEVICE_MAX_WORK_GROUP_SIZE */
    cl_ulong max_alloc;      /* CL_DEVICE_MAX_MEM_ALLOC_SIZE */
    cl_ulong global_mem;     /* CL_DEVICE_GLOBAL_MEM_SIZE */
    struct gpu_cl_cfg cfg;   /* what gpu_cl_open was given */
};

/* Implementation of GPU_CL_CHECK: returns 0 when err is CL_SUCCESS. */
int gpu_cl_check(cl_int err, const char *expr, const char *file, int line);

/* Work-items per group for kernel k: `want_gpu` on a GPU, `want_cpu` on a CPU device (where a
 * group's items run one after another on one core), at most `most` and what the device allows for
 * k. cl->cfg.local (TEMU_GPU_LOCAL=N) asks for N instead, so the tests also run many items per
 * group on PoCL. */
size_t gpu_cl_local_size(const struct gpu_cl *cl, cl_kernel k, size_t want_gpu, size_t want_cpu, size_t most);

/* The name of an OpenCL error code ("CL_INVALID_VALUE"), or "unknown OpenCL error". */
const char *gpu_cl_error_name(cl_int err);

/* Open the device cfg->device names (cfg NULL: every default) and keep a copy of cfg in cl->cfg.
 * Returns GPU_OK, GPU_NO_DEVICE or GPU_ERROR; on failure *cl holds nothing to close. */
int gpu_cl_open(struct gpu_cl *cl, const struct gpu_cl_cfg *cfg);

/* 1 if some platform has a GPU device (the default engine is gpu then); prints nothing. */
int gpu_cl_have_gpu(void);
/* 1 if any OpenCL device exists (a GPU, or a CPU device such as PoCL's). */
int gpu_cl_have_device(void);

/* Release what gpu_cl_open acquired; safe on a zeroed struct. */
void gpu_cl_close(struct gpu_cl *cl);

/* Whether the device accepts SPIR-V through clCreateProgramWithIL (or the KHR extension). */
int gpu_cl_takes_spirv(const struct gpu_cl *cl);

/* Print every platform and device found (type, compute units, max work-group size, global memory,
 * IL versions, driver version) and mark the one gpu_cl_open(NULL) picks. Returns GPU_OK, or
 * GPU_NO_DEVICE / GPU_ERROR after printing the one-line error to stderr. */
int gpu_cl_list_devices(FILE *out);

/* The same, marking the device that gpu_cl_open(cfg) picks (for --device=N). */
int gpu_cl_list_devices_for(FILE *out, const struct gpu_cl_cfg *cfg);

#endif
