/* temu_trace.c: the instruction trace. Disassembly comes from capstone, an independent decoder,
 * so a trace also shows where temu's decoding and capstone's disagree. */
#include "temu_trace.h"

#include <capstone/capstone.h>
#include <inttypes.h>
#include <string.h>

int temu_trace_open(struct temu_trace *t, const char *path)
{
    memset(t, 0, sizeof *t);
    t->out = strcmp(path, "-") ? fopen(path, "w") : stderr;
    if (!t->out)
        return -1;
    csh h;
    if (cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &h) == CS_ERR_OK)
        t->csh = h;
    return 0;
}

void temu_trace_close(struct temu_trace *t)
{
    if (t->csh) {
        csh h = t->csh;
        cs_close(&h);
    }
    if (t->out && t->out != stderr)
        fclose(t->out);
    t->out = NULL;
}

static const char *const reg_names[A64_REG_ZR] = {
    "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14",
    "x15", "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27",
    "x28", "x29", "x30", "sp"};

void temu_trace_insn(void *ctx, const struct emu_proc *p, uint64_t pc, uint32_t word,
                     const struct emu_state *before)
{
    struct temu_trace *t = ctx;
    char text[sizeof(((cs_insn *)0)->mnemonic) + sizeof(((cs_insn *)0)->op_str) + 1] = "(unknown)";
    if (t->csh) {
        cs_insn *insn;
        uint8_t bytes[4] = {word, word >> 8, word >> 16, word >> 24};
        if (cs_disasm(t->csh, bytes, 4, pc, 1, &insn) == 1) {
            snprintf(text, sizeof text, "%s %s", insn->mnemonic, insn->op_str);
            cs_free(insn, 1);
        }
    }
    fprintf(t->out, "%016" PRIx64 "  %08x  %-32s", pc, word, text);
    const struct emu_state *now = &p->st;
    for (int r = 0; r < A64_REG_ZR; r++)
        if (now->x[r] != before->x[r])
            fprintf(t->out, " %s=%" PRIx64, reg_names[r], now->x[r]);
    if (now->nzcv != before->nzcv)
        fprintf(t->out, " nzcv=%c%c%c%c", now->nzcv & EMU_FLAG_N ? 'N' : '-',
                now->nzcv & EMU_FLAG_Z ? 'Z' : '-', now->nzcv & EMU_FLAG_C ? 'C' : '-',
                now->nzcv & EMU_FLAG_V ? 'V' : '-');
    if (now->tpidr != before->tpidr)
        fprintf(t->out, " tpidr_el0=%" PRIx64, now->tpidr);
    fputc('\n', t->out);
}
