// dep_multiwrite: one block that writes x1 again and again, with reads of each value in between
// (write-after-write and write-after-read hazards), plus post-indexed loads that write two
// registers (the base and the target) in one instruction. A scheduler that reorders a write past a
// read of the older value, or lets two writes land in the wrong order, changes the printed values.
// Test: the block once (~2K instructions with the printing). Bench: 4,000,000 times (~120M).
#include "dep.h"
    DEP_MAIN 64
    DEP_REPS 0x0900, 0x3d               // 4,000,000 repetitions for bench
    mov     x10, #3                     // table at sp+32: 3, 5, 7
    mov     x11, #5
    stp     x10, x11, [sp, #32]
    mov     x10, #7
    str     x10, [sp, #48]
    mov     x20, #0                     // accumulator across repetitions
1:                                      // the block: from here to the cbnz
    mov     x10, sp                     // (sp is no register operand of a shifted-register sub)
    mov     x1, #5
    add     x2, x1, #1                  // 6: reads the first x1
    mov     x1, #7                      // WAR against the add above
    add     x3, x1, x1                  // 14
    mov     x1, #9                      // WAW
    mul     x4, x1, x3                  // 126
    add     x1, x1, x1                  // 18: read and write of the same register
    add     x1, x1, x1                  // 36
    sub     x5, x1, x2                  // 30
    mov     w1, #-1                     // writes only w1: x1 = 0x00000000ffffffff
    add     x6, x1, #1                  // 0x100000000
    add     x9, sp, #32
    ldr     x1, [x9], #8                // x1 = 3, x9 += 8: two writes in one instruction
    ldr     x1, [x9], #8                // x1 = 5, x9 += 8
    add     x7, x1, x9                  // 5 + (sp + 48)
    sub     x7, x7, x10                 // 53: keep it independent of where the stack is
    ldr     x1, [x9, #-16]!             // pre-index: x9 = sp + 32, x1 = 3
    sub     x8, x9, x10                 // 32
    mov     x1, x1                      // a write of x1 with its own value
    add     x1, x1, x8                  // 35: final value of x1
    add     x20, x20, x1
    add     x20, x20, x2, lsl #1
    eor     x20, x20, x3
    add     x20, x20, x4
    add     x20, x20, x5, lsl #2
    eor     x20, x20, x6
    add     x20, x20, x7
    sub     x19, x19, #1
    cbnz    x19, 1b
    stp     x5, x6, [sp, #32]           // printf clobbers x5..x8: park them
    stp     x7, x8, [sp, #48]
    adrp    x0, fmt1
    add     x0, x0, :lo12:fmt1
    bl      printf                      // x1..x4 as the block left them
    adrp    x0, fmt2
    add     x0, x0, :lo12:fmt2
    ldp     x1, x2, [sp, #32]
    ldp     x3, x4, [sp, #48]
    mov     x5, x20
    bl      printf
    mov     x0, #0
    DEP_RETURN 64

    .section .rodata
fmt1:
    .asciz  "dep_multiwrite x1=%lx x2=%lx x3=%lx x4=%lx\n"
fmt2:
    .asciz  "dep_multiwrite x5=%lx x6=%lx x7=%lx x8=%lx acc=%016lx\n"
