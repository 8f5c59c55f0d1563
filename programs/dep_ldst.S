// dep_ldst: stores followed by loads of the same bytes inside one block: full and partial
// overlaps (byte and word stores under a doubleword load), sign-extending loads, store and load
// pairs, writeback addressing, and a pointer stored, reloaded and dereferenced. Memory operations
// must stay in program order; a load that runs before the store it follows sees stale data.
// Prints res[0..13] (values only, never addresses).
// Test: the block once (~8K instructions with the printing). Bench: 3,000,000 times (~125M).
#include "dep.h"
    DEP_MAIN 48
    str     x21, [sp, #32]
    DEP_REPS 0xc6c0, 0x2d               // 3,000,000 repetitions for bench
    adrp    x20, res
    add     x20, x20, :lo12:res
    adrp    x21, scratch
    add     x21, x21, :lo12:scratch
1:                                      // the block: from here to the cbnz
    mov     x1, #0x1111
    str     x1, [x21]
    ldr     x2, [x21]                   // 0x1111
    mov     x1, #0x2222
    str     x1, [x21]
    ldr     x3, [x21]                   // 0x2222: the second store, not the first
    mov     w4, #0xab
    strb    w4, [x21, #1]
    ldr     x5, [x21]                   // 0xab22: byte store under a doubleword load
    mov     w4, #-2
    str     w4, [x21, #4]
    ldr     x6, [x21]                   // 0xfffffffe0000ab22
    ldrsw   x7, [x21, #4]               // -2
    ldrsh   x8, [x21, #6]               // -1
    ldrsb   x9, [x21, #1]               // -0x55
    stp     x2, x3, [x21, #16]
    ldp     x10, x11, [x21, #16]        // 0x1111, 0x2222
    str     x21, [x21, #40]             // a pointer into memory...
    ldr     x12, [x21, #40]
    ldr     x12, [x12, #24]             // ...reloaded and followed: 0x2222
    add     x13, x21, #48
    str     x6, [x13, #8]!              // pre-index: writes x13 = scratch + 56
    strh    w4, [x21, #56]              // overwrites the low half of what that store wrote
    ldr     x14, [x13]                  // 0xfffffffe0000fffe
    sub     x13, x13, x21               // 56
    ldr     x15, [x21, #16]             // a load feeding a store feeding a load
    add     x15, x15, #1
    str     x15, [x21, #16]
    ldr     x16, [x21, #16]             // 0x1112
    ldr     x17, [x21, #16]
    add     x17, x17, x16               // 0x2224
    str     xzr, [x21]                  // leave the scratch as the next repetition expects
    stp     x2, x3, [x20]
    stp     x5, x6, [x20, #16]
    stp     x7, x8, [x20, #32]
    stp     x9, x10, [x20, #48]
    stp     x11, x12, [x20, #64]
    stp     x13, x14, [x20, #80]
    stp     x16, x17, [x20, #96]
    sub     x19, x19, #1
    cbnz    x19, 1b
    DEP_PRINT_RES 14
    ldr     x21, [sp, #32]
    DEP_RETURN 48

    .section .rodata
name:
    .asciz  "dep_ldst"
    .bss
    .balign 16
res:
    .zero   14 * 8
scratch:
    .zero   64
