/* loopvec.cl: kernel loop_iterations, the GPU engines' vector path for classified loops (docs/design.md,
 * Loop vectorization). The body runs through lane_exec (exec_lane.h): the same instruction
 * semantics as every other kernel.
 *
 * Work-item i runs iteration j = first + i of the loop whose head state and body the host put in
 * `desc` and `body` (host/gpu/gpu_loopvec.c, from emu_loop_analyse and emu_loop_plan): registers that
 * change by an affine step start at x + j * step, invariants at x, and the body's instructions run
 * in program order up to the closing branch. Iterations are independent (the analysis and the
 * host's run-time checks proved it, and backed every stored page), so they run in any order.
 *
 * Accumulators are not updated in place: each item keeps the value its iteration folds in (an
 * update of the exec form, a madd or cinc, run with the accumulator at the fold's identity), and
 * the group reduces its items with emu_loop_fold_step in iteration order (pairs of neighbouring
 * runs, a tree), one partial per group; the host folds the groups' partials, in order, into the
 * accumulators. The folds are associative (emu_loop_fold.h), so this is the sequential result.
 * The item that runs iteration `last` writes all its registers out: the temporaries as the final
 * vectorized iteration leaves them.
 *
 * FP/SIMD instructions run through exec_simd_run (exec_simd_gm.h) on the item's own V registers
 * (a private file: SIMD_VF is empty in this program), FPCR from the description, the FPSR bits
 * the item raised ORed into *fpsr (order-free). A V accumulator (an FP sum, an FP min or max) is
 * not associative, so it is not reduced here: each item hands the V registers its fold reads to
 * vout, and the host folds them in iteration order (emu_loop_vfold_iter).
 *
 * A fault or a store into decoded code cannot happen after the host's checks; if one did, the item
 * sets `error` and the host stops the run with an internal error rather than go on inexactly. */
#define SIMD_VF
#include "exec_simd_gm.h"

__kernel void loop_iterations(__global uint *pt, ulong npages, __global uchar *pool, __global const uchar *code,
                              __global const struct gpu_loop *desc, __global const struct a64_insn *body,
                              ulong first, ulong count, __global ulong *partials, __global ulong *last,
                              __global uint *error, __global ulong *vout, __global uint *fpsr_out,
                              __local ulong *red)
{
    __local ulong sys[SYS_COUNT]; /* system instructions never reach the vector path */
    uint lid = get_local_id(0), lsz = get_local_size(0);
    struct guest_mem m = {pt, npages, pool, code};
    uint nacc = desc->nacc, ordered = desc->ordered;
    /* In order of instructions (an anti-dependence, emu_loop_plan): one work-group takes runs of
     * lsz iterations one after the other, a barrier before each instruction, so every iteration's
     * load runs before any later iteration's store; else each item runs its iteration alone. */
    ulong rounds = ordered ? (count + lsz - 1) / lsz : 1;
    for (ulong round = 0; round < rounds; round++) {
        ulong i = ordered ? round * lsz + lid : get_global_id(0);
        ulong group = ordered ? round : get_group_id(0), base = group * (ulong)lsz;
        int active = i < count;
        ulong j = first + i;
        ulong r[GPU_NUM_SLOTS + 1], vf[64];
        uint fpsr = 0;
        if (active && desc->simd) { /* V registers only for a body that has FP/SIMD instructions */
            for (uint s = 0; s < 64; s++)
                vf[s] = desc->v[s];
            for (uint v = 0; v < 32; v++) { /* vector inductions, in closed form */
                if (!desc->vaff[v])
                    continue;
                struct a64_insn up = body[desc->vaff[v] - 1];
                uint s = up.rn == v ? up.rm : up.rn;
                emu_loop_vaffine(up.size, up.sf, up.op == A64_OP_SUB_V, desc->v[2 * v], desc->v[2 * v + 1],
                                 desc->v[2 * s], desc->v[2 * s + 1], j, &vf[2 * v], &vf[2 * v + 1]);
            }
        }
        if (active) {
            for (uint s = 0; s < A64_NUM_REGS; s++) {
                ulong v = desc->x[s] + j * desc->step[s];
                uint how = desc->init[s];
                r[s] = how == GPU_LOOP_HEAD ? desc->x[s] : how == GPU_LOOP_AFFINE64 ? v : (ulong)(uint)v;
            }
            r[A64_REG_ZR] = 0;
            r[GPU_SLOT_NZCV] = 0; /* no iteration reads flags it did not set (the analysis) */
        }
        for (uint k = 0; k + 1 < desc->n; k++) {
            if (ordered)
                barrier(CLK_GLOBAL_MEM_FENCE);
            uint what = desc->what[k];
            if (!active || what == GPU_LOOP_SKIP)
                continue;
            struct a64_insn in = body[k];
            ulong target = 0;
            struct exec_stop info = {0, 0};
            if (what != GPU_LOOP_RUN) {
                struct emu_loop_fold f = desc->fold[what - 1];
                uint v = desc->acc_v[what - 1];
                if (f.kind == EMU_LOOP_FOLD_SEQ) { /* the fold's operands, as its update reads them */
                    __global ulong *o = vout + 2 * (i * desc->vout_stride + desc->vcap_at[k]);
                    for (uint s = 0; s < desc->nvslot[what - 1]; s++) {
                        o[2 * s] = vf[2 * desc->vslot[what - 1][s]];
                        o[2 * s + 1] = vf[2 * desc->vslot[what - 1][s] + 1];
                    }
                    continue;
                }
                if (f.exec) { /* the update, run from the fold's identity, leaves the value in v */
                    r[v] = emu_loop_fold_identity(f);
                    if (lane_exec(&in, desc->pc + 4ul * k, r, m, sys, 0, &target, &info) != EXEC_DONE)
                        atomic_or(error, 1u);
                }
                red[lid * nacc + what - 1] = r[v];
                continue;
            }
            if (in.flags & A64_P_SIMD) {
                ulong out[GPU_OUTS] = {0, 0, 0, 0};
                if (exec_simd_run(&in, desc->pc + 4ul * k, lane_operands(&in, r), vf, out, m, desc->fpcr, &fpsr,
                                  &info) != EXEC_DONE)
                    atomic_or(error, 1u);
                else
                    lane_results(&in, r, out);
                continue;
            }
            if (lane_exec(&in, desc->pc + 4ul * k, r, m, sys, 0, &target, &info) != EXEC_DONE)
                atomic_or(error, 1u);
        }
        if (active && j == desc->last) {
            for (uint s = 0; s < GPU_NUM_SLOTS; s++)
                last[s] = r[s];
            for (uint s = 0; desc->simd && s < 64; s++)
                last[GPU_NUM_SLOTS + 1 + s] = vf[s];
        }
        if (fpsr)
            atomic_or(fpsr_out, fpsr);
        if (nacc == 0)
            continue;
        /* Reduce the group's items in iteration order: after the step of width s, item lid (a
         * multiple of 2s) holds the fold of items lid .. lid + 2s - 1 that exist. */
        for (uint s = 1; s < lsz; s <<= 1) {
            barrier(CLK_LOCAL_MEM_FENCE);
            if ((lid & (2 * s - 1)) == 0 && lid + s < lsz && base + lid + s < count)
                for (uint a = 0; a < nacc; a++)
                    if (desc->fold[a].kind != EMU_LOOP_FOLD_SEQ) /* V accumulators: the host's */
                        red[lid * nacc + a] = emu_loop_fold_step(desc->fold[a], red[lid * nacc + a],
                                                                 red[(lid + s) * nacc + a]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid == 0)
            for (uint a = 0; a < nacc; a++)
                partials[group * nacc + a] = red[a];
        barrier(CLK_LOCAL_MEM_FENCE); /* red is read before the next round writes it */
    }
}
