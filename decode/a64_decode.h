/* a64_decode.h: one A64 decoder for both engines (docs/design.md, One decoder). C11 and OpenCL C. */
#ifndef A64_DECODE_H
#define A64_DECODE_H

#include "a64_insn.h"

/* The A64_P_* properties of an operation (one switch generated from A64_OPS, so no global table). */
static inline uint32_t a64_op_props(uint32_t op)
{
    switch (op) {
#define A64_OP_PROPS(name, alu, lane, props, what) case A64_OP_##name: return (props);
    A64_OPS(A64_OP_PROPS)
#undef A64_OP_PROPS
    default: return A64_P_ENDS_BLOCK;
    }
}

/* Decode one instruction word into *out. Every field is written; undefined or unsupported
 * encodings give op A64_OP_UNDEF (they fault only when executed). */
void a64_decode(uint32_t word, struct a64_insn *out);

#endif
