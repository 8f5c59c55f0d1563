/* temu_engine.h: the engines as the command line sees them. Each engine is one small ops table
 * (open on a loaded process, run, close, and run many lanes); the registry in temu_engines.c is the
 * one place that knows which engines this build has (whether OpenCL was found) and which one runs
 * by default. Nothing else in host/ names an engine's own API. */
#ifndef TEMU_ENGINE_H
#define TEMU_ENGINE_H

#include <stdio.h>

#include "emu_cpu.h"
#include "temu_env.h"
#include "temu_lanes.h"
#include "temu_options.h"

/* What opening an engine takes from the command line. */
struct temu_engine_cfg {
    unsigned batch;        /* GPU engines: instructions per block at most */
    uint32_t budget;       /* resident engine: instructions per device launch */
    int loopvec;           /* --loopvec */
    int device;            /* OpenCL device index (--device, else TEMU_DEVICE); -1: the default */
    emu_trace_fn *trace;   /* CPU engine: called after every instruction (NULL: no trace) */
    void *trace_ctx;
    const struct temu_env *env; /* the environment's knobs (GPU engines: program path, cache,
                                   work-group size, loop chunk; never NULL) */
};

/* An open engine. */
struct temu_open_engine {
    const struct temu_engine_ops *ops;
    void *impl;
    char device[256];      /* what it runs on, for --stats */
};

struct temu_engine_ops {
    const char *name;      /* "cpu", "gpu", "resident": --engine's word and --stats' */
    int has_batch;         /* the batch size means something to it */
    int lanes_loopvec;     /* its lanes take --loopvec */
    int traces;            /* it takes --trace (one callback per instruction) */
    /* Open on p (loaded); 0, or temu's exit status after one line on stderr. */
    int (*open)(struct temu_open_engine *e, const struct temu_engine_cfg *cfg, struct emu_proc *p);
    /* Run like emu_cpu_run (emu_cpu.h): to the guest's exit, a stop, or max_insns (0: no limit). */
    enum emu_status (*run)(struct temu_open_engine *e, struct emu_proc *p, uint64_t max_insns);
    void (*close)(struct temu_open_engine *e); /* safe after a failed open */
    /* Every lane of cfg to its stop, filling r and naming the device; 0 or temu's exit status. */
    int (*lanes)(const struct temu_lanes_cfg *cfg, const struct temu_options *opt,
                 struct temu_lanes_results *r, char *device, size_t device_len);
};

/* The engine `kind` names (AUTO: the default: gpu when an OpenCL GPU exists, else cpu), or NULL
 * after one line on stderr when this build lacks it. */
const struct temu_engine_ops *temu_engine_find(enum temu_engine kind);
/* 1 when some OpenCL device exists (PoCL's CPU device included). */
int temu_engine_have_opencl_device(void);
/* --list-devices: the OpenCL devices and which one `requested` (-1: default) picks. Exit status. */
int temu_engine_list_devices(FILE *out, int requested, const struct temu_env *env);

#endif
