/* temu_options.h: the command line, parsed into one struct (docs/design.md, Commands). */
#ifndef TEMU_OPTIONS_H
#define TEMU_OPTIONS_H

#include <stdint.h>
#include <stdio.h>

/* Documented exit statuses besides the guest's own exit code. */
#define TEMU_EXIT_ERROR 1      /* temu error: bad file, unsupported syscall, limit, no device */
#define TEMU_EXIT_USAGE 2      /* bad command line */
#define TEMU_EXIT_SIGILL 132   /* 128 + SIGILL: undefined instruction */
#define TEMU_EXIT_SIGSEGV 139  /* 128 + SIGSEGV: guest memory fault */

/* AUTO: gpu when an OpenCL GPU device exists, else cpu (docs/design.md, Commands). */
enum temu_engine { TEMU_ENGINE_AUTO, TEMU_ENGINE_CPU, TEMU_ENGINE_GPU, TEMU_ENGINE_RESIDENT };

#define TEMU_BATCH_DEFAULT 1024u
#define TEMU_BATCH_MAX 16384u
#define TEMU_BUDGET_DEFAULT 1000000u
#define TEMU_LANES_MAX 1048576u
#define TEMU_LANE_MEM_MIN (1ull << 20)
enum temu_stats_mode { TEMU_STATS_OFF, TEMU_STATS_TEXT, TEMU_STATS_JSON };

struct temu_options {
    enum temu_engine engine;
    enum temu_stats_mode stats;
    unsigned batch;          /* GPU engines: instructions fetched and decoded per block at most */
    uint32_t budget;         /* resident engine: instructions per launch at most */
    uint64_t max_insns;      /* 0: no limit */
    const char *trace_path;  /* NULL: no trace; "-": stderr */
    uint64_t flat_base;      /* 0: default */
    uint64_t flat_size;      /* 0: default */
    const char *fs_root;     /* NULL: the host filesystem as is */
    int strict_syscalls;     /* --strict-syscalls: stop on an unsupported syscall */
    const char *dump_state;  /* --dump-state=FILE: final registers, pc and flags as text; NULL: none */
    int loopvec;             /* --loopvec: run recognised loops on the vector path (cpu engine) */
    int list_devices;        /* --list-devices: print the OpenCL devices and exit */
    int device;              /* --device=N: OpenCL device index; -1: TEMU_DEVICE or the default */
    unsigned lanes;          /* --lanes=L: guest instances run at once (1..TEMU_LANES_MAX) */
    const char *lane_output; /* --lane-output=DIR: lane N's stdout/stderr to DIR/N.out, N.err; NULL: none */
    uint64_t lane_mem;       /* --lane-mem=SIZE: guest window per lane; 0: what the program needs */
    const char *prog;        /* guest program path */
    char **guest_argv;       /* argv for the guest: guest_argv[0] is prog; NULL-terminated */
};

/* If arg is "--name=value" return value; if it is exactly "--name" return ""; else NULL.
 * Shared with the subcommands' parsers. */
const char *temu_option_value(const char *arg, const char *name);

/* Parse argv. Returns -1 to continue with *o filled, or an exit status (0 after --help or
 * --version, TEMU_EXIT_USAGE after printing a one-line error). */
int temu_options_parse(int argc, char **argv, struct temu_options *o);

/* 1 when `dir` names an existing directory: what --fs-root takes (a root that does not exist would
 * make every guest path fail without a word). */
int temu_fs_root_ok(const char *dir);

#endif
