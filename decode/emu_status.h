/* emu_status.h: why execution stopped. Shared by every engine and the syscall layer. */
#ifndef EMU_STATUS_H
#define EMU_STATUS_H

enum emu_status {
    EMU_OK = 0,       /* keep going */
    EMU_EXIT,         /* the guest called exit/exit_group; exit code in the process */
    EMU_SVC,          /* an svc is pending (engines that hand syscalls to the host) */
    EMU_UNDEF,        /* undefined or unsupported instruction at state.pc */
    EMU_FAULT,        /* guest memory fault at state.pc, address in the process's fault_addr */
    EMU_SYSCALL_BAD,  /* unsupported syscall at state.pc, number in x8 */
    EMU_LIMIT,        /* the instruction budget (--max-insns) ran out */
    EMU_ERROR         /* host-side error; message already in the process's error text */
};

#endif
