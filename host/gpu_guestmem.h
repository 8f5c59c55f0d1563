/* gpu_guestmem.h: guest memory on the device for the GPU engines: a page table (one entry per guest
 * page of the window, layout in gpu_abi.h) and a pool of 4 KiB frames that grows on demand.
 *
 * The host's emu_mem stays the authority on mappings and permissions; the device holds the bytes.
 * Attached as p->mem.sync, this module carries over exactly what the host side touches: pages the
 * syscall layer reads are pulled, pages it writes are pushed, and map/unmap/protect update the
 * page table (fresh pages are zero-filled on the device, not copied). */
#ifndef GPU_GUESTMEM_H
#define GPU_GUESTMEM_H

#include <stdint.h>

#include "emu_mem.h"
#include "gpu_cl.h"

struct gpu_guestmem {
    const struct gpu_cl *cl;
    struct emu_mem *mem;      /* the host side it mirrors */
    struct emu_mem_sync sync; /* installed in mem->sync while attached */
    cl_mem pt_buf, pool_buf;
    uint32_t *pt;             /* host copy of the page table, without the device's CODE bits */
    uint64_t npages;
    uint32_t nframes;         /* frames in pool_buf; frame 0 is never used, so 0 means unmapped */
    uint32_t next_frame;      /* frames below this have been handed out at some point */
    uint32_t *free_frames;    /* frames given back by unmap, reused first */
    uint32_t nfree;
    uint8_t *code_pages;      /* 1 per page a decoded block may cover: host writes there flush */
    int code_changed;         /* set when decoded code may be stale; the engine flushes and clears */
    int failed;               /* an OpenCL call failed inside a hook (hooks cannot return errors) */
    unsigned generation;      /* bumped when pool_buf is replaced (grown): kernel args must follow */
};

/* Create the device copy of every mapped page of `mem` and attach. GPU_OK or GPU_ERROR. */
int gpu_guestmem_init(struct gpu_guestmem *g, const struct gpu_cl *cl, struct emu_mem *mem);
/* Detach and release. Safe on a zeroed struct. */
void gpu_guestmem_free(struct gpu_guestmem *g);

/* Note that a block decoded at pc may cover up to `words` instruction words. */
void gpu_guestmem_mark_code(struct gpu_guestmem *g, uint64_t pc, uint64_t words);
/* Forget every decoded page (after the decode cache was flushed) and clear the device's CODE bits. */
int gpu_guestmem_clear_code(struct gpu_guestmem *g);

#endif
