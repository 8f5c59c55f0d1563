/* a64_types.h: fixed-width integer types for code that compiles both as C11 and as OpenCL C.
 * The decoder and the guest-state layout include only this header, so the GPU kernels can include
 * the very same sources (docs/design.md, One decoder). */
#ifndef A64_TYPES_H
#define A64_TYPES_H

/* OpenCL runtimes define __OPENCL_VERSION__; plain `clang -x cl` defines only __OPENCL_C_VERSION__. */
#if defined(__OPENCL_VERSION__) || defined(__OPENCL_C_VERSION__)
#define A64_OPENCL 1
#endif

#ifdef A64_OPENCL
typedef uchar  uint8_t;
typedef ushort uint16_t;
typedef uint   uint32_t;
typedef ulong  uint64_t;
typedef char   int8_t;
typedef short  int16_t;
typedef int    int32_t;
typedef long   int64_t;
#define A64_STATIC_ASSERT(c, m) typedef char a64_static_assert_##m[(c) ? 1 : -1]
#define A64_CONST __constant /* read-only tables at program scope */
#define A64_U64(c) c##ul /* OpenCL's long long would be 128 bits */
#else
#include <stdint.h>
#define A64_STATIC_ASSERT(c, m) _Static_assert(c, #m)
#define A64_CONST static const
#define A64_U64(c) UINT64_C(c)
#endif

#endif
