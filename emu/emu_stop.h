/* emu_stop.h: what every engine does when the guest stops before an instruction it cannot finish
 * alone: serve the syscall at an svc, or record and describe a fault, an undefined instruction or
 * an unsupported syscall. One handler, so every engine stops the same way. */
#ifndef EMU_STOP_H
#define EMU_STOP_H

#include "emu_proc.h"

/* Handle a stop with status s at p->st.pc (the svc, or the faulting instruction). For EMU_FAULT,
 * fault_addr and fault_access (EMU_PERM_R, _W or _X; 0: unknown) say what failed; an engine that
 * has already set p->mem.fault_addr passes it again. Returns:
 *   EMU_OK    a syscall was served: the result is in x0, pc is past the svc, stats.syscalls counted
 *             (the engine counts the svc as retired its own way)
 *   EMU_EXIT  the guest exited (pc past the svc, counted likewise)
 *   anything else: the final stop, with p->err holding its one-line message. */
enum emu_status emu_stop_handle(struct emu_proc *p, enum emu_status s, uint64_t fault_addr,
                                unsigned fault_access);

#endif
