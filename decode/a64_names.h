/* a64_names.h: printable names of operations, for traces, errors and tests (host only). */
#ifndef A64_NAMES_H
#define A64_NAMES_H

const char *a64_op_name(unsigned op);

#endif
