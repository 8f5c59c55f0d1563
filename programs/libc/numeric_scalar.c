/* numeric_scalar: numeric.c built with the compilers' loop and SLP vectorizers off
 * (programs/libc/CMakeLists.txt gives every NAME_scalar program -fno-tree-vectorize, or clang's
 * -fno-vectorize -fno-slp-vectorize), so its arithmetic is scalar FP only: the same output as
 * numeric, from FADD, FDIV, FMADD, FCVT*, SCVTF, FRINT*, FCMP... without any vector FP. It runs
 * on an engine that has scalar FP whatever the state of the vector FP instructions. */
#include "numeric.c"
