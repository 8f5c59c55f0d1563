/* emu_cpu.h: the CPU fast-path engine: decoded-block cache keyed by pc, threaded dispatch,
 * invalidation on writes to code pages. The semantic reference for every other engine. */
#ifndef EMU_CPU_H
#define EMU_CPU_H

#include "emu_proc.h"

struct emu_cpu;

/* Called after each retired instruction when tracing: `before` is the state before it ran. */
typedef void emu_trace_fn(void *ctx, const struct emu_proc *p, uint64_t pc, uint32_t word,
                          const struct emu_state *before);

struct emu_cpu *emu_cpu_new(void);
void emu_cpu_free(struct emu_cpu *c);
void emu_cpu_set_trace(struct emu_cpu *c, emu_trace_fn *fn, void *ctx);

/* Run p from p->st.pc until it exits, faults, hits an undefined instruction or an unsupported
 * syscall, or has retired `max_insns` more instructions (0: no limit). Syscalls are served inside.
 * On a fault or undefined instruction p->st.pc is the faulting instruction's pc and p->err holds
 * the message. Instructions, blocks and syscalls are added to p->stats. */
enum emu_status emu_cpu_run(struct emu_cpu *c, struct emu_proc *p, uint64_t max_insns);

#endif
