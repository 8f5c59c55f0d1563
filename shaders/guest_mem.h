/* guest_mem.h: guest memory on the device (OpenCL C): a page table with one entry per guest page of
 * the window and a pool of 4 KiB frames (layout in gpu_abi.h). Every access checks the page
 * permissions of its first and last byte and touches nothing when either fails, so a guest
 * address never reaches device memory outside the lane's own frames.
 *
 * Frame 0 is all zeroes and never written: a mapped page that nobody has written yet points
 * there, so it reads as zero and costs no frame; a write to it fails like a fault, and the host
 * gives the page a frame of its own and runs the instruction again (gpu_guestmem_back). */
#ifndef GUEST_MEM_H
#define GUEST_MEM_H

#include "gpu_abi.h"

#define GM_PAGE_MASK ((1ul << GPU_PAGE_BITS) - 1)

struct guest_mem {
    __global uint *pt;          /* the lane's page-table entries */
    ulong npages;               /* entries in pt: the window is npages pages from address 0 */
    __global uchar *pool;       /* frames, shared by every lane */
    __global const uchar *code; /* per page, shared by every lane: decoded blocks were read there */
};

/* Pool offset of guest byte a when its page has every bit of `need`, else -1. */
static inline long gm_offset(struct guest_mem m, ulong a, uint need)
{
    ulong page = a >> GPU_PAGE_BITS;
    if (page >= m.npages)
        return -1;
    uint e = m.pt[page];
    if ((e & need) != need || ((need & GPU_PERM_W) && e < (1u << GPU_PTE_FRAME_SHIFT)))
        return -1; /* also a write to frame 0, the shared zero page */
    return (long)(((ulong)(e >> GPU_PTE_FRAME_SHIFT) << GPU_PAGE_BITS) | (a & GM_PAGE_MASK));
}

/* Offsets of the first and last byte of an n-byte access at a; 0, or -1 when either page lacks
 * `need`. Within one page the last byte follows the first in the same frame. */
static inline int gm_span(struct guest_mem m, ulong a, uint n, uint need, long *o0, long *o1)
{
    ulong last = a + n - 1;
    *o0 = gm_offset(m, a, need);
    if (*o0 < 0)
        return -1;
    *o1 = (last >> GPU_PAGE_BITS) == (a >> GPU_PAGE_BITS) ? *o0 + (long)(n - 1) : gm_offset(m, last, need);
    return *o1 < 0 ? -1 : 0;
}

/* Pool offset of byte b of an access whose first and last bytes are at o0 and o1: bytes before
 * the page break follow o0, those after it lead up to o1. */
static inline long gm_byte(ulong a, uint n, uint b, long o0, long o1)
{
    ulong page_end = (a | GM_PAGE_MASK) - a; /* bytes from a to the end of its page, minus one */
    return b <= page_end ? o0 + (long)b : o1 - (long)(n - 1 - b);
}

/* Read n (1..16) bytes at a, little-endian: bytes 0..7 into *lo, 8..15 into *hi.
 * 0, or -1 on a fault. */
static inline int gm_read(struct guest_mem m, ulong a, uint n, ulong *lo, ulong *hi)
{
    long o0, o1;
    if (gm_span(m, a, n, GPU_PERM_R, &o0, &o1))
        return -1;
    if (n == 8 && o1 == o0 + 7 && !(o0 & 7)) { /* the common aligned case: one load */
        *lo = *(__global const ulong *)(m.pool + o0);
        *hi = 0;
        return 0;
    }
    ulong v[2] = {0, 0};
    for (uint b = 0; b < n; b++)
        v[b >> 3] |= (ulong)m.pool[gm_byte(a, n, b, o0, o1)] << (8 * (b & 7));
    *lo = v[0];
    *hi = v[1];
    return 0;
}

/* Write n (1..16) bytes. 0; 1 when either page holds decoded code (the caller reports it);
 * -1 on a fault, nothing written. */
static inline int gm_write(struct guest_mem m, ulong a, uint n, ulong lo, ulong hi)
{
    long o0, o1;
    if (gm_span(m, a, n, GPU_PERM_W, &o0, &o1))
        return -1;
    if (n == 8 && o1 == o0 + 7 && !(o0 & 7)) {
        *(__global ulong *)(m.pool + o0) = lo;
    } else {
        for (uint b = 0; b < n; b++) {
            ulong v = b < 8 ? lo : hi;
            m.pool[gm_byte(a, n, b, o0, o1)] = (uchar)(v >> (8 * (b & 7)));
        }
    }
    return (m.code[a >> GPU_PAGE_BITS] | m.code[(a + n - 1) >> GPU_PAGE_BITS]) ? 1 : 0;
}

/* Fetch the instruction word at a (needs X, 4-byte alignment). 0, or -1. */
static inline int gm_fetch(struct guest_mem m, ulong a, uint *word)
{
    long o = (a & 3) ? -1 : gm_offset(m, a, GPU_PERM_X);
    if (o < 0)
        return -1;
    *word = *(__global const uint *)(m.pool + o);
    return 0;
}

#endif
