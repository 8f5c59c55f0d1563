/* temu_trace.h: --trace output, one line per retired instruction. */
#ifndef TEMU_TRACE_H
#define TEMU_TRACE_H

#include <stdio.h>

#include "emu_cpu.h"

struct temu_trace {
    FILE *out;
    unsigned long long csh; /* capstone handle (csh), 0 when capstone could not open */
};

int temu_trace_open(struct temu_trace *t, const char *path);
void temu_trace_close(struct temu_trace *t);
/* An emu_trace_fn: "pc encoding disassembly ; changed registers". */
void temu_trace_insn(void *ctx, const struct emu_proc *p, uint64_t pc, uint32_t word,
                     const struct emu_state *before);

#endif
