/* gpu_engine.h: the GPU batch engine (docs/design.md, Batch engine).
 *
 * Guest memory and registers live on the device. Per sync the host enqueues, for the block at pc:
 * on a decode-cache miss, kernel decode_block (fetch from device guest memory, decode, schedule into
 * dependency levels, store in the device decode cache); then kernel execute_batch (one work-group
 * per lane, one level at a time); then one blocking read of a small status record (next pc, status,
 * instructions retired). Syscalls run on the host with emu_syscall(); the guest memory they read or
 * write crosses the bus through the emu_mem sync hooks, page piece by page piece. */
#ifndef GPU_ENGINE_H
#define GPU_ENGINE_H

#include "emu_proc.h"
#include "gpu_cl.h"
#include "gpu_program.h"

struct gpu_engine;

/* Which GPU engine: the batch engine (one sync per block) or the device-resident one. */
enum gpu_mode { GPU_MODE_BATCH, GPU_MODE_RESIDENT };

/* Build the kernels on cl's device (along `path`, see gpu_program_build) and upload p's mapped
 * memory and state. `batch` (1..TEMU_BATCH_MAX) bounds the instructions per block. `mode` picks
 * the batch engine (one sync per block) or the device-resident engine (docs/design.md, Resident
 * engine), which follows branches on the device and syncs only on a decode-cache miss, a syscall,
 * a stop, or after `budget` instructions (resident only). From here until
 * gpu_engine_free, p's memory is kept coherent with the device through p->mem.sync. `loopvec`
 * turns on the vector path for loops (gpu_loopvec.h). Returns GPU_OK,
 * or GPU_ERROR / GPU_UNSUPPORTED after printing one line; *out is NULL then. */
int gpu_engine_new(struct gpu_engine **out, const struct gpu_cl *cl, struct emu_proc *p,
                   unsigned batch, enum gpu_mode mode, uint32_t budget, int loopvec,
                   enum gpu_program_path path);

/* Run like emu_cpu_run: until exit, fault, undefined instruction, unsupported syscall, or
 * `max_insns` more instructions (0: no limit). On return p->st holds the guest's registers and
 * p->stats the counters (syncs included); errors are described in p->err as the CPU engine does. */
enum emu_status gpu_engine_run(struct gpu_engine *e, struct emu_proc *p, uint64_t max_insns);

/* Release device resources and detach from p's memory. Safe on NULL. */
void gpu_engine_free(struct gpu_engine *e);

#endif
