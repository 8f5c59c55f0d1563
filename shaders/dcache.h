/* dcache.h: the device decode cache as the kernels that follow branches read it (the resident
 * engine's, the lanes'): the index from pc to block id, which the host fills (host/gpu/gpu_dcache.c). */
#ifndef DCACHE_H
#define DCACHE_H

#include "gpu_abi.h"

#define NO_BLOCK 0xffffffffu

/* The decoded block at pc, from the index the host fills; NO_BLOCK when there is none. */
static inline uint index_find(__global const struct gpu_index_slot *index, ulong pc)
{
    for (uint i = gpu_index_hash(pc);; i = (i + 1) & (GPU_INDEX_SLOTS - 1)) {
        struct gpu_index_slot e = index[i];
        if (e.id == 0)
            return NO_BLOCK;
        if (e.pc == pc)
            return e.id - 1;
    }
}

#endif
