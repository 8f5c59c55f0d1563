/* temu_exit.h: how a guest's stop becomes temu's exit status and its name in reports, shared
 * by the single-process run (temu_main.c) and the lanes (temu_lanes_report.c). */
#ifndef TEMU_EXIT_H
#define TEMU_EXIT_H

#include "emu_status.h"

/* temu's exit status for a stop with status s (exit_code: the guest's, valid for EMU_EXIT), and
 * in *name the stop's name: exit, fault, undef, syscall, limit or error. */
int temu_exit_status(enum emu_status s, int exit_code, const char **name);

#endif
