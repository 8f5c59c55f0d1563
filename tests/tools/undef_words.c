/* undef_words: read instruction words (hex, one per line) on stdin, print those temu's decoder
 * leaves UNDEF. tests/run_program.sh --fp-check uses it to skip a program build only while its
 * code holds an FP/SIMD instruction temu does not decode yet. */
#include <stdio.h>
#include <stdlib.h>

#include "a64_decode.h"

int main(void)
{
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        char *end;
        unsigned long w = strtoul(line, &end, 16);
        if (end == line)
            continue;
        struct a64_insn in;
        a64_decode((uint32_t)w, &in);
        if (in.op == A64_OP_UNDEF)
            fputs(line, stdout);
    }
    return 0;
}
