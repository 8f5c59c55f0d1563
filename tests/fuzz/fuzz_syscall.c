/* fuzz_syscall: the syscall layer with hostile arguments. The input is a call count (1 + the first
 * byte mod 8), then per call a 2-byte number (see nrs) and x0..x5 as fuzz_guest.h's biased values
 * (kind 13 is relative to the previous call's result: an fd, an mmap address), then bytes copied
 * to FZ_DATA (paths, iovecs). Each call must return EMU_OK, EMU_EXIT, EMU_SYSCALL_BAD or
 * EMU_FAULT and leave the memory bookkeeping within the window. */
#include "fuzz_guest.h"

#include "emu_syscall.h"

/* The calls temu serves, for numbers with the top bit set; others are their low 9 bits. */
static const uint16_t nrs[] = {
    29, 56, 57, 62, 63, 64, 65, 66, 67, 68, 79, 80, 93, 94, 96, 99, 113, 123, 134, 135, 160, 169,
    172, 173, 174, 175, 176, 177, 178, 214, 215, 222, 226, 233, 261, 278, 293,
    56, 63, 64, 214, 215, 222, 226, 233, /* the memory and file calls twice as often */
};
#define NNRS (sizeof nrs / sizeof nrs[0])
#define CALL_BYTES 26u /* a 2-byte number and six 4-byte values */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct fz_guest g;
    struct emu_proc *p = fz_proc(&g, EMU_PERM_R | EMU_PERM_X);
    unsigned calls = 1 + (size ? data[0] : 0) % 8;
    size_t tail = 1 + CALL_BYTES * calls; /* what follows the calls goes to FZ_DATA */
    if (size > tail)
        emu_mem_poke(&p->mem, FZ_DATA, data + tail, size - tail < FZ_DATA_SIZE ? size - tail : FZ_DATA_SIZE);
    struct fz_in in = {data + 1, size > 1 ? (size < tail ? size : tail) - 1 : 0};
    uint64_t prev = 0;
    for (unsigned i = 0; i < calls; i++) {
        unsigned nr = fz_u8(&in);
        nr |= (unsigned)fz_u8(&in) << 8;
        p->st.x[8] = nr & 0x8000 ? nrs[nr % NNRS] : nr & 0x1ff;
        for (int a = 0; a < 6; a++)
            p->st.x[a] = fz_value(&in, &p->mem, prev);
        enum emu_status s = emu_syscall(p);
        const struct emu_mem *m = &p->mem;
        if ((s != EMU_OK && s != EMU_EXIT && s != EMU_SYSCALL_BAD && s != EMU_FAULT) ||
            m->brk > m->brk_limit || m->brk < m->brk_start || m->brk_limit > m->size) {
            fprintf(stderr, "fuzz_syscall: call %llu gave status %d, brk %llx\n",
                    (unsigned long long)p->st.x[8], (int)s, (unsigned long long)m->brk);
            abort();
        }
        if (s == EMU_EXIT)
            break;
        prev = p->st.x[0];
    }
    return 0;
}
