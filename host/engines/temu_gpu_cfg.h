/* temu_gpu_cfg.h: the OpenCL runtime's configuration (struct gpu_cl_cfg) from the command line's
 * device choice and the environment's knobs (temu_env.h). GPU builds only: temu_engines.c and
 * temu_lanes_gpu.c, the two places that open a device. */
#ifndef TEMU_GPU_CFG_H
#define TEMU_GPU_CFG_H

#include "gpu_cl.h"
#include "gpu_program.h"
#include "temu_env.h"

static inline struct gpu_cl_cfg temu_gpu_cfg(int device, const struct temu_env *env)
{
    enum gpu_program_path path = env->program == TEMU_ENV_PROGRAM_SOURCE ? GPU_PROGRAM_SOURCE
                                 : env->program == TEMU_ENV_PROGRAM_IL   ? GPU_PROGRAM_IL
                                                                         : GPU_PROGRAM_AUTO;
    return (struct gpu_cl_cfg){.device = device, .program = (int)path, .local = env->gpu_local,
                               .loop_chunk = env->loop_chunk, .cache_dir = env->cl_cache_dir,
                               .icd_vendors = env->icd_vendors};
}

#endif
