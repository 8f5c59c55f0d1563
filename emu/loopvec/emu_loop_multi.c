/* emu_loop_multi.c: the verdict on a loop over several basic blocks, for `temu loops`.
 *
 * Such a loop is never vectorized (emu_loop_analyse takes one block only); what the user wants to
 * know is why. A call is the reason worth naming, since it hides the most work from any analysis;
 * anything else is the loop's shape. The range is read from guest memory, so an engine that
 * mirrors memory elsewhere must pull it first, as for emu_loop_record_analyse.
 */
#include "emu_loop.h"

#include <string.h>

#include "a64_decode.h"

void emu_loop_record_scan(struct emu_loop_record *r, struct emu_mem *mem, uint64_t pc, uint32_t n)
{
    uint32_t words[256]; /* read in chunks: engines on several host threads share this code */
    struct emu_loop *l = &r->info;
    memset(l, 0, sizeof *l);
    l->pc = pc;
    l->n = n;
    l->cls = EMU_LOOP_NONE;
    l->bad_insn = 0xff;
    l->reason = n > EMU_LOOP_MAX_SCAN ? EMU_LOOP_TOO_LONG : EMU_LOOP_SEVERAL_BLOCKS;
    r->analysed = 1;
    const uint32_t chunk = sizeof words / sizeof words[0];
    for (uint32_t at = 0; at < n && l->reason == EMU_LOOP_SEVERAL_BLOCKS; at += chunk) {
        uint32_t k = n - at < chunk ? n - at : chunk;
        if (emu_mem_peek(mem, pc + 4ull * at, words, 4ull * k)) {
            l->reason = EMU_LOOP_TOO_LONG;
            return;
        }
        for (uint32_t i = 0; i < k; i++) {
            struct a64_insn in;
            a64_decode(words[i], &in);
            if (in.op == A64_OP_BL || in.op == A64_OP_BLR) {
                l->reason = EMU_LOOP_CALL_INSIDE;
                l->bad_insn = at + i < 0xff ? (uint8_t)(at + i) : 0xff;
                break;
            }
        }
    }
}
