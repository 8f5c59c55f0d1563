/* gpu_guestmem.h: guest memory on the device for the GPU engines: per lane a page table (one entry
 * per guest page of the window, layout in gpu_abi.h), and one pool of 4 KiB frames for all lanes
 * that grows on demand.
 *
 * The host's emu_mem of each lane stays the authority on mappings and permissions; the device holds
 * the bytes. Attached as each lane's mem->sync, this module carries over exactly what the host side
 * touches: pages the syscall layer reads are pulled, pages it writes are pushed, and
 * map/unmap/protect update the lane's page table.
 *
 * Frames are spent only on pages that hold something: a page never written points at frame 0, the
 * zero page, until a write needs a frame of its own (gpu_guestmem_back; the host's pushes do it
 * themselves). Read-only pages with the same contents in every lane (code, constants) share lane
 * 0's frame, so a program image is on the device once however many lanes run it. */
#ifndef GPU_GUESTMEM_H
#define GPU_GUESTMEM_H

#include <stdint.h>

#include "emu_mem.h"
#include "gpu_cl.h"

struct gpu_guestmem;

/* One lane's link to the pool: the context of its mem->sync hooks. */
struct gpu_guestmem_lane {
    struct gpu_guestmem *g;
    struct emu_mem *mem;
    uint32_t *pt;             /* its page table's host copy: g->pt + lane * g->npages */
    size_t pt_offset;         /* the same as an entry index into pt_buf */
    uint64_t fresh_lo, fresh_hi; /* [lo, hi): read ahead by gpu_guestmem_read_ahead, pulls skip it */
    struct emu_mem_sync sync;
};

struct gpu_guestmem {
    const struct gpu_cl *cl;
    unsigned nlanes;
    struct gpu_guestmem_lane *lanes;
    cl_mem pt_buf, pool_buf, code_buf;
    uint32_t *pt;             /* host copy of every lane's page table */
    uint64_t npages;          /* per lane: the window size in pages, the same for every lane */
    uint32_t nframes;         /* frames in pool_buf; frame 0 is the zero page */
    uint32_t next_frame;      /* frames below this have been handed out at some point */
    uint32_t *refs;           /* per frame: page-table entries naming it (shared frames have several) */
    uint32_t *free_frames;    /* frames no entry names any more, reused first */
    uint32_t nfree;
    uint8_t *code_pages;      /* 1 per page a decoded block may cover: stores there must be reported */
    int code_changed;         /* set when decoded code may be stale; the engine flushes and clears */
    int failed;               /* an OpenCL call failed inside a hook (hooks cannot return errors) */
    unsigned generation;      /* bumped when pool_buf is made or replaced (grown): kernel args follow */
};

/* Upload the mapped memory of lanes mems[0..n) (one window size for all) and attach. GPU_OK, or
 * GPU_ERROR after one line, which says how many lanes would fit when device memory is short. */
int gpu_guestmem_init(struct gpu_guestmem *g, const struct gpu_cl *cl, struct emu_mem *const *mems,
                      unsigned n);
/* Detach and release. Safe on a zeroed struct. */
void gpu_guestmem_free(struct gpu_guestmem *g);

/* After a device write into [addr, addr+len) of `lane` failed: give each page there that is
 * writable but still on the zero page a frame of its own. 1 when some page got one (run the
 * instruction again), 0 when none needed one (a real fault), GPU_ERROR on an OpenCL failure. */
int gpu_guestmem_back(struct gpu_guestmem *g, unsigned lane, uint64_t addr, uint64_t len);

/* Start copying [addr, addr+len) of `lane` to the host, without waiting, so that many lanes'
 * syscalls can have their buffers read in one round trip: once the queue is finished (clFinish),
 * pulls of that range are skipped until gpu_guestmem_forget_ahead. Only while the device runs
 * nothing for the lane. */
int gpu_guestmem_read_ahead(struct gpu_guestmem *g, unsigned lane, uint64_t addr, uint64_t len);
void gpu_guestmem_forget_ahead(struct gpu_guestmem *g, unsigned lane);

/* Point arguments first..first+3 of kernel k at the guest memory: page tables, pages per lane,
 * frame pool, code map (every kernel that touches guest memory takes them in that order). Does
 * nothing while *bound equals g->generation, and sets it: the pool's buffer changes when it grows,
 * so call this before each launch. *bound starts at 0 (generation is 1 or more once initialised).
 * GPU_OK or GPU_ERROR. */
int gpu_guestmem_bind(const struct gpu_guestmem *g, cl_kernel k, cl_uint first, unsigned *bound);

/* Note that a block decoded at pc may cover up to `words` instruction words. */
void gpu_guestmem_mark_code(struct gpu_guestmem *g, uint64_t pc, uint64_t words);
/* Forget every decoded page (after the decode cache was flushed), on the device too. */
int gpu_guestmem_clear_code(struct gpu_guestmem *g);

#endif
