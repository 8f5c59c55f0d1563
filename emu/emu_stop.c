/* emu_stop.c: the one stop handler of every engine (emu_stop.h). */
#include "emu_stop.h"

#include "emu_syscall.h"

enum emu_status emu_stop_handle(struct emu_proc *p, enum emu_status s, uint64_t fault_addr,
                                unsigned fault_access)
{
    if (s == EMU_SVC) {
        p->fault_access = 0; /* the syscall layer says which access failed, if it can */
        s = emu_syscall(p);
        if (s == EMU_OK || s == EMU_EXIT) {
            p->stats.syscalls++;
            p->st.pc += 4;
            return s;
        }
    } else if (s == EMU_FAULT) {
        p->mem.fault_addr = fault_addr;
        p->fault_access = fault_access;
    }
    if (s == EMU_UNDEF || s == EMU_FAULT || s == EMU_SYSCALL_BAD)
        emu_proc_describe(p, s);
    return s;
}
