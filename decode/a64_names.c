#include "a64_names.h"
#include "a64_insn.h"

static const char *const op_names[A64_OP_COUNT] = {
#define A64_OP_NAME(name, alu, lane, props, what) #name,
    A64_OPS(A64_OP_NAME)
#undef A64_OP_NAME
};

const char *a64_op_name(unsigned op)
{
    return op < A64_OP_COUNT ? op_names[op] : "?";
}
