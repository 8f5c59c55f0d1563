/* temu_exit.c: the documented exit statuses (docs/design.md, Commands). */
#include "temu_exit.h"

#include "temu_options.h"

int temu_exit_status(enum emu_status s, int exit_code, const char **name)
{
    switch (s) {
    case EMU_EXIT: *name = "exit"; return exit_code & 0xff;
    case EMU_UNDEF: *name = "undef"; return TEMU_EXIT_SIGILL;
    case EMU_FAULT: *name = "fault"; return TEMU_EXIT_SIGSEGV;
    case EMU_SYSCALL_BAD: *name = "syscall"; return TEMU_EXIT_ERROR;
    case EMU_LIMIT: *name = "limit"; return TEMU_EXIT_ERROR;
    default: *name = "error"; return TEMU_EXIT_ERROR;
    }
}
