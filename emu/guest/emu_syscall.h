/* emu_syscall.h: the Linux syscall layer, shared by every engine (docs/design.md, The guest). */
#ifndef EMU_SYSCALL_H
#define EMU_SYSCALL_H

#include "emu_proc.h"

/* Perform the syscall described by p->st (number in x8, arguments x0..x5) and write the result to
 * x0 (negative errno on failure). Returns EMU_OK to continue (also for a number temu does not
 * implement: -ENOSYS, with one warning line on the guest's stderr per number), EMU_EXIT
 * (p->exit_code set), EMU_SYSCALL_BAD for an unsupported number with p->strict_syscalls, or EMU_FAULT if the guest passed bad memory where
 * Linux would not return -EFAULT. The pc is left at the svc. */
enum emu_status emu_syscall(struct emu_proc *p);

/* The few syscall numbers engines need by name (the table in emu_sys_table.c has them all). */
#define EMU_NR_write 64
#define EMU_NR_exit 93
#define EMU_NR_exit_group 94

/* Name of an AArch64 Linux syscall number, or NULL if unknown. */
const char *emu_syscall_name(uint64_t nr);

#endif
