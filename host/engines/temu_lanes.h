/* temu_lanes.h: --lanes (docs/design.md, Lanes): L instances of one program, each a
 * process of its own (registers, flags, guest memory window, fds), run by any engine.
 *
 * This layer is engine-agnostic: it sizes the lanes' windows, opens a lane (argv with {lane}
 * replaced, load, fds routed), keeps every lane's result in a compact table, and reports them
 * (DIR/lanes.tsv, error lines, temu's exit status). temu_lanes_cpu.c runs lanes on host threads,
 * temu_lanes_gpu.c on the GPU engines through gpu_lanes.h, temu_lanes_main.c drives a run. */
#ifndef TEMU_LANES_H
#define TEMU_LANES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "emu_load.h"
#include "emu_stats.h"
#include "temu_env.h"
#include "temu_options.h"

#define TEMU_LANE_HEAP (16ull << 20)   /* default window: room for heap and mmap ... */
#define TEMU_LANE_STACK (1ull << 20)   /* ... and for the stack, beyond the image */

struct temu_lanes_cfg {
    const char *prog;            /* program path */
    uint8_t *image;              /* the program file, read once for all lanes */
    uint64_t image_size;
    char **argv;                 /* guest argv template (argv[0] is prog), NULL-terminated */
    char **envp;
    struct emu_load_opts load;
    const char *fs_root;         /* NULL: the host filesystem as is */
    int strict_syscalls;         /* an unsupported syscall stops the lane (else -ENOSYS) */
    uint64_t window;             /* guest window per lane; 0: the default 4 GiB one */
    const char *output_dir;      /* NULL: lane 0 on temu's stdout/stderr, the others on /dev/null */
    const char *state_dir;       /* --dump-state=DIR: each lane's final registers to DIR/N.state */
    unsigned n;                  /* lanes */
    int loopvec;                 /* --loopvec: each lane's engine runs recognised loops vectorized */
    int null_fd;                 /* /dev/null, shared by the lanes that read or write nowhere */
    const struct temu_env *env;  /* the environment's knobs: TEMU_THREADS (CPU lanes), the GPU
                                    engines' (temu_env.h); never NULL */
};

/* One lane's stop, 16 bytes: 65536+ lanes must fit in host memory beside their windows. */
struct temu_lane_result {
    uint64_t instructions;
    int32_t exit_code;           /* the guest's, for EMU_EXIT */
    uint8_t status;              /* enum emu_status */
};

struct temu_lanes_results {
    unsigned n;
    struct temu_lane_result *lane;
    char **err;                  /* err[l]: the error line of a lane that did not exit; else NULL */
    struct emu_stats total;      /* counters summed over the lanes (plus the run's own, on GPUs) */
    double convergence;          /* together / steps (GPU engines); -1 when not measured */
    double load_s;               /* set-up before the lanes ran (GPU: loading every lane) */
    double wall_s;               /* running them (CPU: includes each lane's load, done by the
                                    threads as they go) */
};

/* The guest window for each lane of prog (its file's bytes img[0, size)): `lane_mem` when
 * given; else, with more than one lane, what the program needs: its image end rounded up to
 * 1 MiB, + TEMU_LANE_HEAP + TEMU_LANE_STACK; else 0 (the default 4 GiB window). Returns 0, or
 * TEMU_EXIT_ERROR after one line on stderr (a bad ELF, or an image that leaves no room for the
 * stack in a --lane-mem window). */
int temu_lanes_window(const char *prog, const uint8_t *img, uint64_t size,
                      const struct emu_load_opts *lo, uint64_t lane_mem, unsigned lanes,
                      uint64_t *window);

/* Fill cfg from the options: window, output directory (created if missing), /dev/null. Returns 0,
 * or TEMU_EXIT_ERROR after one line. temu_lanes_cfg_close releases what it opened. */
int temu_lanes_cfg_init(struct temu_lanes_cfg *cfg, const struct temu_options *opt, char **envp,
                        const struct temu_env *env);
void temu_lanes_cfg_close(struct temu_lanes_cfg *cfg);

/* Make room for `fds_needed` more open files at once: raise the soft RLIMIT_NOFILE up to the
 * hard limit when needed. Returns how many more fit (>= fds_needed when all do). */
uint64_t temu_lanes_fd_room(uint64_t fds_needed);

/* Set up lane `lane` in p: emu_proc_init with the window, argv with every "{lane}" replaced by the
 * lane's number, load, guest fds 0..2 routed (fd 0: temu's stdin for lane 0, else /dev/null; fds
 * 1, 2: temu's for lane 0 without an output directory, /dev/null for the others, DIR/N.out and
 * DIR/N.err with one). Returns 0, or -1 with p->err set and p released. */
int temu_lane_open(const struct temu_lanes_cfg *cfg, unsigned lane, struct emu_proc *p);
void temu_lane_close(struct emu_proc *p);

/* Results table for n lanes, every lane "error: not run". 0, or -1 when out of host memory. */
int temu_lanes_results_init(struct temu_lanes_results *r, unsigned n);
void temu_lanes_results_free(struct temu_lanes_results *r);
/* Record lane `lane`'s stop from its proc (instructions from p->stats; the error line from p->err,
 * or the instruction-limit line for EMU_LIMIT). Lanes record from different threads: each writes
 * only its own slot. */
void temu_lanes_record(struct temu_lanes_results *r, unsigned lane, enum emu_status s,
                       struct emu_proc *p, uint64_t max_insns);
/* Record lane `lane`'s stop as temu_lanes_record does, and dump its registers when asked. */
void temu_lanes_finish(const struct temu_lanes_cfg *cfg, struct temu_lanes_results *r, unsigned lane,
                       enum emu_status s, struct emu_proc *p, uint64_t max_insns);
/* Record a lane that could not even be opened (p->err says why). */
void temu_lanes_record_error(struct temu_lanes_results *r, unsigned lane, const char *err);

/* Report: DIR/lanes.tsv when there is an output directory, at most TEMU_LANES_ERR_LINES error
 * lines "temu: lane N: ..." on stderr and one line counting the rest. Returns temu's exit
 * status: lane 0's, or TEMU_EXIT_ERROR when any lane stopped on anything but its exit. */
#define TEMU_LANES_ERR_LINES 10
int temu_lanes_report(const struct temu_lanes_cfg *cfg, const struct temu_lanes_results *r);
/* Median over the lanes of their instructions / wall_s (the run's whole wall time). */
double temu_lanes_median_ips(const struct temu_lanes_results *r, double wall_s);

/* Run every lane to its stop on the CPU engine, on TEMU_THREADS or all online host cores. Fills r.
 * Returns 0, or TEMU_EXIT_ERROR after one line (threads could not be started). */
int temu_lanes_cpu_run(const struct temu_lanes_cfg *cfg, uint64_t max_insns,
                       struct temu_lanes_results *r);
/* The same on --engine=gpu or resident (gpu_lanes.h; GPU builds only); device names the device
 * for --stats. */
int temu_lanes_gpu_run(const struct temu_lanes_cfg *cfg, const struct temu_options *opt,
                       enum temu_engine engine, struct temu_lanes_results *r, char *device,
                       size_t device_len);

/* `temu --lanes=L ...` (or --lane-output): the whole run on `engine` (temu_engine.h), with
 * --stats. Returns temu's exit status. */
struct temu_engine_ops;
int temu_lanes_main(const struct temu_options *opt, const struct temu_engine_ops *engine, char **envp,
                    const struct temu_env *env);

#endif
