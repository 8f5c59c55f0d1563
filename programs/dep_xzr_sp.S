// dep_xzr_sp: register number 31 is SP in some encodings (add/sub immediate and extended register,
// load/store base, logical immediate destination) and XZR in others (shifted register operands,
// logical immediate source, load/store data, flag-setting destinations, madd addend).
// Only differences from SP are printed, so the result does not depend on where the stack is.
// Prints res[0..13].
// Test: the block once (~8K instructions with the printing). Bench: 3,500,000 times (~135M).
#include "dep.h"
    DEP_MAIN 32
    DEP_REPS 0x67e0, 0x35               // 3,500,000 repetitions for bench
    adrp    x20, res
    add     x20, x20, :lo12:res
    mov     x0, #0x7777
    str     x0, [sp, #-16]!             // a known value at [sp] inside the block's frame
1:                                      // the block: from here to the cbnz
    mov     x9, sp                      // add x9, sp, #0: SP
    mov     x2, #0x10
    add     x1, sp, #16                 // add immediate: SP
    sub     x1, x1, x9                  // 16
    orr     x3, xzr, #0x30              // logical immediate source: XZR -> 0x30
    add     x4, xzr, x2                 // shifted register: XZR -> 0x10
    add     x5, sp, x2                  // extended register (uxtx): SP
    sub     x5, x5, x9                  // 0x10
    subs    x6, sp, #8                  // subs immediate reads SP...
    sub     x6, x9, x6                  // 8
    cmn     x2, #0x10                   // adds with destination XZR: only flags
    cset    x7, eq                      // 0: 0x10 + 0x10 is not zero
    str     xzr, [sp, #-16]!            // data XZR, base SP with writeback
    mov     x17, sp
    sub     x8, x9, x17                 // 16
    ldr     x10, [sp], #16              // 0, and SP back
    ldr     x11, [sp, xzr]              // register offset XZR: [sp] = 0x7777
    madd    x12, x2, x2, xzr            // addend XZR: 0x100
    sub     x13, xzr, x2                // neg: -0x10
    mov     x14, sp
    and     sp, x9, #0xffffffffffffff00 // logical immediate destination: SP
    mov     x17, sp
    sub     x14, x14, x17               // sp & 0xff (0 on a 256-byte aligned stack...
    mov     sp, x9                      // ...so keep only whether it is below 0x100)
    cmp     x14, #0x100
    cset    x14, lo                     // 1
    csel    x15, xzr, x2, ne            // Z clear: XZR -> 0
    adds    xzr, x2, #0                 // flag-setting, destination XZR: x2 unchanged
    csinc   x16, x2, xzr, eq            // ne: xzr + 1 = 1
    stp     x1, x3, [x20]
    stp     x4, x5, [x20, #16]
    stp     x6, x7, [x20, #32]
    stp     x8, x10, [x20, #48]
    stp     x11, x12, [x20, #64]
    stp     x13, x14, [x20, #80]
    stp     x15, x16, [x20, #96]
    sub     x19, x19, #1
    cbnz    x19, 1b
    add     sp, sp, #16
    DEP_PRINT_RES 14
    DEP_RETURN 32

    .section .rodata
name:
    .asciz  "dep_xzr_sp"
    .bss
    .balign 16
res:
    .zero   14 * 8
