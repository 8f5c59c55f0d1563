/* fuzz_elf: the loader on arbitrary bytes, as an ELF image or a flat binary (whichever the magic
 * says), into a 64 MiB window. It must give a one-line error or a loaded process whose pc is the
 * entry and whose stack pointer lies in the window, never crash; emu_load_extent must accept
 * whatever loads. A loaded process then runs a few instructions, harmlessly (fuzz_guest.h). */
#include "fuzz_guest.h"

#include "emu_cpu.h"
#include "emu_load.h"

#define WINDOW (64ull << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct emu_proc p;
    static char *const argv[] = {"prog", "arg", NULL}, *const envp[] = {"HOME=/", NULL};
    const struct emu_load_opts opts = {.pie_base = 0x1000000};
    if (emu_proc_init(&p, WINDOW))
        abort();
    fz_harmless(&p);
    uint64_t end;
    char err[EMU_ERR_LEN];
    int extent = emu_load_extent("input", data, size, &opts, &end, err, sizeof err);
    if (emu_load_bytes(&p, "input", data, size, argv, envp, &opts)) {
        if (!p.err[0] || strchr(p.err, '\n')) {
            fprintf(stderr, "fuzz_elf: bad error message \"%s\"\n", p.err);
            abort();
        }
    } else {
        if (p.st.pc != p.entry || p.st.x[A64_REG_SP] >= WINDOW || extent) {
            fprintf(stderr, "fuzz_elf: loaded with pc %llx, entry %llx, sp %llx, extent: %s\n",
                    (unsigned long long)p.st.pc, (unsigned long long)p.entry,
                    (unsigned long long)p.st.x[A64_REG_SP], extent ? err : "ok");
            abort();
        }
        struct emu_cpu *c = emu_cpu_new();
        if (!c)
            abort();
        emu_cpu_run(c, &p, 1000);
        emu_cpu_free(c);
    }
    emu_proc_free(&p);
    fz_clean();
    return 0;
}
