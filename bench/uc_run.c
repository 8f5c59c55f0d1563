/* uc_run.c: run a guest program on Unicorn (QEMU's TCG as a library), as a peer for benchmarks.
 *
 * temu's own loader builds the address space and initial stack, and temu's syscall layer serves
 * svc, so the peer runs exactly the same program with the same inputs; only instruction
 * execution differs. Guest pages are shared with Unicorn through uc_mem_map_ptr and mapped
 * on first touch, so brk and mmap growth are followed.
 *
 * usage: temu-unicorn prog [args]     exit status: the guest's, or 1 on an error
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicorn/unicorn.h>

#include "emu_load.h"
#include "emu_syscall.h"

extern char **environ;

struct uc_peer {
    struct emu_proc *p;
    int stop;            /* why emulation stopped: 0 running, 1 exit, 2 error */
    uint8_t *uc_has;     /* per guest page: already mapped in Unicorn */
};

static const int uc_xregs[31] = {
    UC_ARM64_REG_X0, UC_ARM64_REG_X1, UC_ARM64_REG_X2, UC_ARM64_REG_X3, UC_ARM64_REG_X4,
    UC_ARM64_REG_X5, UC_ARM64_REG_X6, UC_ARM64_REG_X7, UC_ARM64_REG_X8, UC_ARM64_REG_X9,
    UC_ARM64_REG_X10, UC_ARM64_REG_X11, UC_ARM64_REG_X12, UC_ARM64_REG_X13, UC_ARM64_REG_X14,
    UC_ARM64_REG_X15, UC_ARM64_REG_X16, UC_ARM64_REG_X17, UC_ARM64_REG_X18, UC_ARM64_REG_X19,
    UC_ARM64_REG_X20, UC_ARM64_REG_X21, UC_ARM64_REG_X22, UC_ARM64_REG_X23, UC_ARM64_REG_X24,
    UC_ARM64_REG_X25, UC_ARM64_REG_X26, UC_ARM64_REG_X27, UC_ARM64_REG_X28, UC_ARM64_REG_X29,
    UC_ARM64_REG_X30};

/* Share with Unicorn the whole run of temu-mapped pages around addr that Unicorn lacks: one
 * mapping per run, since Unicorn allows only a few thousand separate mappings. */
static bool map_page(uc_engine *uc, struct uc_peer *peer, uint64_t addr)
{
    const struct emu_mem *m = &peer->p->mem;
    uint64_t page = addr >> EMU_PAGE_BITS, pages = m->size >> EMU_PAGE_BITS;
#define UC_WANTS(pg) ((pg) < pages && m->perm[pg] && !peer->uc_has[pg])
    if (!UC_WANTS(page))
        return false;
    uint64_t first = page, end = page + 1;
    while (first > 0 && UC_WANTS(first - 1))
        first--;
    while (UC_WANTS(end))
        end++;
#undef UC_WANTS
    if (uc_mem_map_ptr(uc, first << EMU_PAGE_BITS, (end - first) << EMU_PAGE_BITS, UC_PROT_ALL,
                       m->host + (first << EMU_PAGE_BITS)) != UC_ERR_OK)
        return false;
    memset(peer->uc_has + first, 1, end - first);
    return true;
}

static bool on_unmapped(uc_engine *uc, uc_mem_type type, uint64_t addr, int size, int64_t value,
                        void *ctx)
{
    (void)type, (void)value;
    struct uc_peer *peer = ctx;
    bool ok = map_page(uc, peer, addr);
    uint64_t last = addr + (uint64_t)size - 1;
    if (!ok || EMU_PAGE_DOWN(addr) == EMU_PAGE_DOWN(last))
        return ok;
    return map_page(uc, peer, last) || peer->uc_has[last >> EMU_PAGE_BITS];
}

static void on_svc(uc_engine *uc, uint32_t intno, void *ctx)
{
    struct uc_peer *peer = ctx;
    struct emu_proc *p = peer->p;
    if (intno != 2) { /* EXCP_SWI */
        fprintf(stderr, "temu-unicorn: exception %u\n", intno);
        peer->stop = 2;
        uc_emu_stop(uc);
        return;
    }
    for (int i = 0; i < 31; i++)
        uc_reg_read(uc, uc_xregs[i], &p->st.x[i]);
    uc_reg_read(uc, UC_ARM64_REG_SP, &p->st.x[A64_REG_SP]);
    uc_reg_read(uc, UC_ARM64_REG_PC, &p->st.pc);
    enum emu_status s = emu_syscall(p);
    if (s == EMU_EXIT) {
        peer->stop = 1;
        uc_emu_stop(uc);
    } else if (s != EMU_OK) {
        fprintf(stderr, "temu-unicorn: %s\n", emu_proc_describe(p, s));
        peer->stop = 2;
        uc_emu_stop(uc);
    } else {
        uc_reg_write(uc, UC_ARM64_REG_X0, &p->st.x[0]);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: temu-unicorn prog [args]\n");
        return 2;
    }
    static struct emu_proc proc;
    struct emu_proc *p = &proc;
    uc_engine *uc = NULL;
    uc_hook h1, h2;
    struct uc_peer peer = {.p = p};
    int rc = 1;
    if (emu_proc_init(p, 0) || emu_load(p, argv[1], argv + 1, environ, &(struct emu_load_opts){0})) {
        fprintf(stderr, "temu-unicorn: %s\n", p->err);
        goto out;
    }
    if (uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc) != UC_ERR_OK) {
        fprintf(stderr, "temu-unicorn: uc_open failed\n");
        goto out;
    }
    peer.uc_has = calloc(p->mem.size >> EMU_PAGE_BITS, 1);
    if (!peer.uc_has)
        goto out;
    uc_hook_add(uc, &h1, UC_HOOK_MEM_UNMAPPED, on_unmapped, &peer, 1, 0);
    uc_hook_add(uc, &h2, UC_HOOK_INTR, on_svc, &peer, 1, 0);
    for (int i = 0; i < 31; i++)
        uc_reg_write(uc, uc_xregs[i], &p->st.x[i]);
    uc_reg_write(uc, UC_ARM64_REG_SP, &p->st.x[A64_REG_SP]);
    uc_reg_write(uc, UC_ARM64_REG_TPIDR_EL0, &p->st.tpidr);
    uc_err e = uc_emu_start(uc, p->st.pc, UINT64_MAX, 0, 0);
    if (e != UC_ERR_OK && peer.stop == 0) {
        uint64_t pc;
        uc_reg_read(uc, UC_ARM64_REG_PC, &pc);
        fprintf(stderr, "temu-unicorn: %s at pc 0x%" PRIx64 "\n", uc_strerror(e), pc);
    } else if (peer.stop == 1) {
        rc = p->exit_code & 0xff;
    }
out:
    fflush(stdout);
    if (uc)
        uc_close(uc);
    free(peer.uc_has);
    emu_proc_free(p);
    return rc;
}
