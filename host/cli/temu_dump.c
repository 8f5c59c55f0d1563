/* temu_dump.c: --dump-state (see temu_dump.h). */
#include "temu_dump.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int temu_dump_state(const char *path, const struct emu_state *st)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "w") : stderr;
    if (!f)
        return -1;
    for (int i = 0; i < 31; i++)
        fprintf(f, "x%d 0x%016" PRIx64 "\n", i, st->x[i]);
    fprintf(f, "sp 0x%016" PRIx64 "\npc 0x%016" PRIx64 "\nnzcv 0x%08" PRIx64 "\ntpidr 0x%016" PRIx64 "\n",
            st->x[A64_REG_SP], st->pc, st->nzcv, st->tpidr);
    fprintf(f, "fpcr 0x%08" PRIx64 "\nfpsr 0x%08" PRIx64 "\n", st->fpcr, st->fpsr);
    for (int i = 0; i < 32; i++) /* high half first: the 128-bit value as one hex number */
        fprintf(f, "v%d 0x%016" PRIx64 "%016" PRIx64 "\n", i, st->v[2 * i + 1], st->v[2 * i]);
    return f == stderr ? 0 : fclose(f);
}

int temu_dump_lane_state(const char *dir, unsigned lane, const struct emu_state *st)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%u.state", dir, lane) >= (int)sizeof path)
        return -1;
    return temu_dump_state(path, st);
}
