/* gpu_program.h: OpenCL programs from the kernels embedded at build time (the .cl files of shaders/), loaded
 * as SPIR-V where the device takes it and built from source otherwise, with built binaries
 * cached per device and driver (gpu_cache.h). */
#ifndef GPU_PROGRAM_H
#define GPU_PROGRAM_H

#include <stddef.h>

#include "gpu_blobs.h"
#include "gpu_cl.h"

/* How a program is made. AUTO follows cl->cfg.program (TEMU_CL_PROGRAM=source|il), else takes IL
 * when the device accepts SPIR-V and source otherwise. */
enum gpu_program_path { GPU_PROGRAM_AUTO, GPU_PROGRAM_SOURCE, GPU_PROGRAM_IL };

const char *gpu_program_path_name(enum gpu_program_path p);

/* Create and build the program of `blob` for cl's device. *used (may be NULL) says which path was
 * taken. Returns GPU_OK; GPU_UNSUPPORTED when IL is asked for and the device takes none;
 * GPU_ERROR after printing the failing call and the build log. */
int gpu_program_build(const struct gpu_cl *cl, const struct gpu_blob *blob,
                      enum gpu_program_path want, cl_program *out, enum gpu_program_path *used);

#endif
