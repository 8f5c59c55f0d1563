/* temu_env.h: every environment variable temu itself reads, read once at start-up into one struct
 * (docs/usage.md, Environment). Library code (emu/, host/gpu/, host/engines/) never calls getenv
 * for them: the values travel down in struct temu_engine_cfg, struct temu_lanes_cfg and struct
 * gpu_cl_cfg. Only the variables of the host around temu stay where they are used: TMPDIR and PATH
 * for the subcommands' child runs (temu_scratch.c, temu_child.c). */
#ifndef TEMU_ENV_H
#define TEMU_ENV_H

#include <stdint.h>

/* TEMU_CL_PROGRAM, in the order of enum gpu_program_path (gpu_program.h). */
enum temu_env_program { TEMU_ENV_PROGRAM_AUTO, TEMU_ENV_PROGRAM_SOURCE, TEMU_ENV_PROGRAM_IL };

#define TEMU_ENV_PATH_MAX 4096

struct temu_env {
    int device;               /* TEMU_DEVICE: OpenCL device index when --device is not given; -1: unset */
    unsigned threads;         /* TEMU_THREADS: host threads for CPU lanes; 0: one per online core */
    enum temu_env_program program; /* TEMU_CL_PROGRAM=source|il; AUTO: by the device */
    unsigned gpu_local;       /* TEMU_GPU_LOCAL: work-items per group for every kernel; 0: defaults */
    uint64_t loop_chunk;      /* TEMU_GPU_LOOP_CHUNK: iterations per loop launch; 0: the default */
    int compare_skew;         /* TEMU_COMPARE_TEST_SKEW=1: `temu compare`'s test hook */
    /* The OpenCL program cache: $XDG_CACHE_HOME/temu when XDG_CACHE_HOME is absolute, else
     * $HOME/.cache/temu; "" (no cache) with TEMU_CL_CACHE=off or 0, or with neither set. */
    char cl_cache_dir[TEMU_ENV_PATH_MAX];
    /* OCL_ICD_VENDORS: where the ICD loader looks for vendor files, for the "no OpenCL device" line
     * (the loader reads the variable itself); NULL: /etc/OpenCL/vendors. */
    const char *icd_vendors;
};

/* Read the environment into *env. Returns 0, or TEMU_EXIT_USAGE after one line on stderr naming
 * the variable and what it takes. */
int temu_env_read(struct temu_env *env);

#endif
