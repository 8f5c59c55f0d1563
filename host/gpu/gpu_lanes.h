/* gpu_lanes.h: many guest lanes at once on the GPU engines (docs/design.md, Lanes).
 *
 * Each lane is a loaded emu_proc of its own (registers, flags, guest memory window, fds); all lanes
 * run the same program with the same window size. On the device, one work-item runs one lane: it
 * follows branches through the shared decode cache, so lanes at the same pc execute together in
 * the device's SIMD groups, and a lane that exits, faults or waits for a syscall is masked off while
 * the others continue. Pending syscalls are served by the host in batches between launches. */
#ifndef GPU_LANES_H
#define GPU_LANES_H

#include "emu_proc.h"
#include "gpu_cl.h"
#include "gpu_engine.h"

struct gpu_lanes;

/* Build the kernels and upload lanes procs[0..n). `batch` bounds the instructions per decoded
 * block. `mode` picks the batch engine's lanes (one block per lane per launch: one sync per block
 * step) or the resident engine's (at most `budget` instructions per lane per launch). From here until gpu_lanes_free the procs' memory is kept coherent with the device
 * through p->mem.sync. Returns GPU_OK, or GPU_ERROR after printing one line (which says how many
 * lanes would fit when device memory is short); *out is NULL then. */
int gpu_lanes_new(struct gpu_lanes **out, const struct gpu_cl *cl, struct emu_proc *const *procs,
                  unsigned n, unsigned batch, enum gpu_mode mode, uint32_t budget);

/* Run every lane until it stops. status[l] is lane l's stop: EMU_EXIT, EMU_FAULT, EMU_UNDEF,
 * EMU_SYSCALL_BAD, EMU_LIMIT (after `max_insns` instructions of its own; 0: no limit) or
 * EMU_ERROR; procs[l]->st, ->exit_code, ->err and ->stats (its instructions, blocks, syscalls) are
 * set as gpu_engine_run sets them for one process. *total gets the sums of the lanes' counters
 * plus what belongs to the run as a whole (syncs, blocks_decoded, invalidations). Returns GPU_OK,
 * or GPU_ERROR after printing one line (a device failure). */
int gpu_lanes_run(struct gpu_lanes *e, struct emu_proc *const *procs, unsigned n, uint64_t max_insns,
                  enum emu_status *status, struct emu_stats *total);

/* Lane convergence of the last run: lane-steps (one lane running one block) taken while another
 * lane of its work-group was at the same pc, and all lane-steps. */
void gpu_lanes_convergence(const struct gpu_lanes *e, uint64_t *together, uint64_t *steps);

/* Release device resources and detach from the procs' memory. Safe on NULL. */
void gpu_lanes_free(struct gpu_lanes *e);

#endif
