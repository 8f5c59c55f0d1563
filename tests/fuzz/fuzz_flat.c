/* fuzz_flat: flat code on the CPU engine. The input is x0..x7 (fuzz_guest.h's header) and
 * instruction words, run from FZ_CODE (read-write-execute, so self-modifying code is fuzzed too)
 * for at most FZ_BUDGET instructions. Any stop is fine; a crash, a sanitizer report or an
 * inconsistent stop is not. */
#include "fuzz_guest.h"

#include "emu_cpu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct fz_guest g;
    struct emu_proc *p = fz_proc(&g, EMU_PERM_RWX);
    fz_flat_load(p, data, size);
    struct emu_cpu *c = emu_cpu_new();
    if (!c)
        abort();
    enum emu_status s = emu_cpu_run(c, p, FZ_BUDGET);
    if (s == EMU_OK || s == EMU_SVC || p->stats.instructions > FZ_BUDGET ||
        (s == EMU_LIMIT && p->stats.instructions != FZ_BUDGET) || p->st.x[A64_REG_ZR] != 0) {
        fprintf(stderr, "fuzz_flat: status %d after %llu instructions, xzr %llx\n", (int)s,
                (unsigned long long)p->stats.instructions, (unsigned long long)p->st.x[A64_REG_ZR]);
        abort();
    }
    emu_proc_describe(p, s);
    emu_cpu_free(c);
    return 0;
}
