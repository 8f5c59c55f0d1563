/* decode_batch.cl: docs/design.md, Batch engine. One work-item per instruction word decodes it with the
 * very same decoder source as the CPU engine (decode/a64_decode.c is included, not copied) and
 * writes its 32-byte record. */
#include "a64_decode.c"
#include "gpu_insn_layout.h"

/* The record must be laid out exactly as the host's C compiler lays it out. */
A64_STATIC_ASSERT(sizeof(struct a64_insn) == GPU_INSN_SIZE, insn_size);
#define DECODE_BATCH_OFFSET(field, off) \
    A64_STATIC_ASSERT(__builtin_offsetof(struct a64_insn, field) == (off), insn_offset_##field);
GPU_INSN_FIELDS(DECODE_BATCH_OFFSET)
#undef DECODE_BATCH_OFFSET

__kernel void decode_batch(__global const uint *words, __global struct a64_insn *out, uint n)
{
    size_t i = get_global_id(0);
    if (i >= n)
        return; /* the global size is rounded up to whole work-groups */
    struct a64_insn rec; /* a64_decode writes through a private pointer */
    a64_decode(words[i], &rec);
    out[i] = rec;
}
