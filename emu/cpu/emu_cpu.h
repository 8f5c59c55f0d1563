/* emu_cpu.h: the CPU fast-path engine: decoded-block cache keyed by pc, threaded dispatch,
 * invalidation on writes to code pages. The semantic reference for every other engine. Its files,
 * one per job, are listed in cpu_int.h (internal to emu/cpu/). */
#ifndef EMU_CPU_H
#define EMU_CPU_H

#include "emu_proc.h"

struct emu_cpu;

/* Called after each retired instruction when tracing: `before` is the state before it ran. */
typedef void emu_trace_fn(void *ctx, const struct emu_proc *p, uint64_t pc, uint32_t word,
                          const struct emu_state *before);

struct emu_loop_record;

/* Loop handling (docs/design.md, Loop vectorization): off (the default, nothing changes), profile
 * (count every single-block loop and classify it, and list loops over several blocks with why they
 * are not vectorized: `temu loops`), vec (run the loops the analysis
 * accepts on the vector path: --loopvec; a loop the analysis rejects goes back to its plain
 * branch, so its counters stop), or both (`temu loops --loopvec`). */
enum emu_cpu_loops { EMU_CPU_LOOPS_OFF, EMU_CPU_LOOPS_PROFILE, EMU_CPU_LOOPS_VEC, EMU_CPU_LOOPS_PROFILE_VEC };

struct emu_cpu *emu_cpu_new(void);
void emu_cpu_free(struct emu_cpu *c);
void emu_cpu_set_trace(struct emu_cpu *c, emu_trace_fn *fn, void *ctx);
/* Set the loop mode before the first run (blocks decoded earlier keep their branches).
 * Returns 0, or -1 when out of host memory. */
int emu_cpu_set_loops(struct emu_cpu *c, enum emu_cpu_loops mode);
/* The loops seen so far in a loop mode, in the order first seen; *out is valid until the next run. */
uint64_t emu_cpu_loops(const struct emu_cpu *c, struct emu_loop_record *const **out);

/* Run p from p->st.pc until it exits, faults, hits an undefined instruction or an unsupported
 * syscall, or has retired `max_insns` more instructions (0: no limit). Syscalls are served inside.
 * On a fault or undefined instruction p->st.pc is the faulting instruction's pc and p->err holds
 * the message. Instructions, blocks and syscalls are added to p->stats. */
enum emu_status emu_cpu_run(struct emu_cpu *c, struct emu_proc *p, uint64_t max_insns);

#endif
