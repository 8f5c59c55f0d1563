/* gpu_insn_layout.h: the byte offsets of struct a64_insn that host and kernels both rely on when
 * records cross the bus as raw bytes. Checked statically on both sides: by offsetof in
 * gpu_decode.c and by __builtin_offsetof in shaders/decode_batch.cl, against this one list, so a
 * layout difference between the C and the OpenCL C compilers fails the build. */
#ifndef GPU_INSN_LAYOUT_H
#define GPU_INSN_LAYOUT_H

#define GPU_INSN_SIZE 32
#define GPU_INSN_FIELDS(X) \
    X(op, 0) X(rd, 2) X(rn, 3) X(rm, 4) X(ra, 5) X(sf, 6) X(size, 7) X(shift, 8) X(amount, 9) \
    X(cond, 10) X(nzcv, 11) X(immr, 12) X(imms, 13) X(rm2, 14) X(reserved, 15) X(flags, 16) X(word, 20) \
    X(imm, 24)

#endif
