/* gpu_loopvec.h: --loopvec on the GPU engines (docs/design.md, Loop vectorization): the host's half of the
 * vector path, around kernel loop_iterations (shaders/loopvec.cl).
 *
 * The engine calls gpu_loopvec_try at the head of the second iteration of each entry into a block
 * that branches back to itself, as the CPU engine does. The loop is analysed once, from its words,
 * by the CPU engine's analyser (emu_loop_analyse); each try goes through the one hook every engine
 * uses, emu_loop_take (bind, plan with emu_loop_plan: trip count, ranges, permissions, pages of
 * decoded code, overlap; finish; count), with the kernel as its run step, so the engines vectorize
 * exactly the same loops, and every decision that needs the guest's mappings is made on the host.
 * An affine loop then needs no device work at all; a memory loop or reduction gets its stored pages backed,
 * one kernel launch per chunk of iterations (one work-item each), and one read of the group
 * partials and final registers; emu_loop_finish completes the state. */
#ifndef GPU_LOOPVEC_H
#define GPU_LOOPVEC_H

#include "emu_loop.h"
#include "gpu_abi.h"
#include "gpu_cl.h"
#include "gpu_guestmem.h"
#include "gpu_program.h"

struct gpu_loopvec {
    const struct gpu_cl *cl;
    cl_program program;            /* loopvec.cl */
    cl_kernel kernel;
    size_t local;                  /* work-items per group */
    uint64_t chunk;                /* iterations per launch at most */
    cl_mem desc, body, partials, last, error, fpsr;
    cl_mem vout;                   /* V accumulators' fold operands per item (made when needed) */
    size_t vout_size;              /* its bytes */
    uint64_t *vout_host;
    unsigned mem_bound;            /* of the guest memory whose buffers the kernel's arguments name */
    struct gpu_loop d;             /* the description being run (host side of desc) */
    struct emu_loop bound;         /* a loop stepping by a register, bound to the entry in hand */
    uint64_t *partials_host;
    struct emu_loop_table loops;   /* every loop seen: what analysis said, and counters */
};

/* Make the kernel (program loopvec.cl, built along `path`, see gpu_program_build) and its
 * buffers. GPU_OK or GPU_ERROR. */
int gpu_loopvec_init(struct gpu_loopvec *lv, const struct gpu_cl *cl, enum gpu_program_path path);
void gpu_loopvec_free(struct gpu_loopvec *lv);

/* The analysis of the self-loop block of n instructions at pc (its words read through p->mem),
 * made once: 1 when it is vectorizable, 0 when not, GPU_ERROR when no record could be kept. */
int gpu_loopvec_classify(struct gpu_loopvec *lv, struct emu_proc *p, uint64_t pc, uint32_t n);

/* The code changed: analyse every loop again when next seen. */
void gpu_loopvec_forget(struct gpu_loopvec *lv);

/* At the head of loop pc (classified vectorizable) with p->st its registers and the device's
 * memory `mem` (lane 0) current: run up to (remaining / n) - 1 whole iterations on the vector
 * path, never the loop's last, and leave p->st as sequential execution would at the head of the
 * next one. Counts in p->stats. *iters: the iterations run (0: none, the engine goes on as
 * usual). GPU_OK or GPU_ERROR (one line printed; a kernel that hit a fault is one). */
int gpu_loopvec_try(struct gpu_loopvec *lv, struct gpu_guestmem *mem, struct emu_proc *p, uint64_t pc,
                    uint64_t remaining, uint64_t *iters);

#endif
