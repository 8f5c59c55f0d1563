/* gpu_decode.h: decode instruction words on the device with kernel decode_batch (docs/design.md,
 * Batch engine). The records are bit-identical to a64_decode()'s on the host: same source, same
 * layout. */
#ifndef GPU_DECODE_H
#define GPU_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "a64_insn.h"
#include "gpu_cl.h"
#include "gpu_program.h"

struct gpu_decoder {
    const struct gpu_cl *cl;
    cl_program program;
    cl_kernel kernel;
    size_t local;                /* work-group size used for decode_batch */
    enum gpu_program_path path;  /* how the program was made (source or il) */
};

/* Build decode_batch for cl's device along `want` (see gpu_program_build). Returns GPU_OK,
 * GPU_UNSUPPORTED or GPU_ERROR; on failure *d holds nothing to free. */
int gpu_decode_init(struct gpu_decoder *d, const struct gpu_cl *cl, enum gpu_program_path want);

/* Decode words[0..n) into out[0..n) on the device (blocking). Returns GPU_OK or GPU_ERROR. */
int gpu_decode_words(struct gpu_decoder *d, const uint32_t *words, size_t n, struct a64_insn *out);

/* Release the kernel and program; safe on a zeroed struct. */
void gpu_decode_free(struct gpu_decoder *d);

#endif
