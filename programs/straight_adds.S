// straight_adds: the prototype's benchmark, 10,000 independent adds in one straight-line block
// (add xK, x0, #K for K = 1..28 in turn: no add reads another's result), closed by a counted
// loop. The GPU batch engine schedules the whole block into one dependency level, so its batch
// size alone sets how many adds run per host-device sync.
// Prints the sum of x1..x28 and the pass count. Test: 1 pass (~10.6K instructions with the
// printing). Small: 20 passes (~200K; steady state for GPU sweeps). Bench: 10,000 passes (~100M).
    .text
    .globl main
    .type main, %function
main:                                   // the adds write x1..x28: save the callee-saved ones
    stp     x29, x30, [sp, #-96]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    stp     x25, x26, [sp, #64]
    stp     x27, x28, [sp, #80]
    mov     x2, #20                     // rt_size(argc, argv, small 20, test 1, bench 10,000)
    mov     x3, #1
    mov     x4, #10000
    bl      rt_size
    mov     x29, x0                     // x29 counts the passes down
    mov     x30, x0                    // x30 keeps the pass count (restored from the stack at the end)
    mov     x0, #7
1:                                      // the block: 10,000 adds, then the loop test
    .rept 357
    .irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28
    add     x\r, x0, #\r
    .endr
    .endr
    .irp r, 1,2,3,4
    add     x\r, x0, #\r
    .endr
    sub     x29, x29, #1
    cbnz    x29, 1b
    mov     x0, #0                      // x0 = x1 + ... + x28 = 28 * 7 + 406
    .irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28
    add     x0, x0, x\r
    .endr
    mov     x1, x0
    mov     x2, x30
    adrp    x0, fmt
    add     x0, x0, :lo12:fmt
    bl      printf
    mov     x0, #0
    ldp     x19, x20, [sp, #16]
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldp     x25, x26, [sp, #64]
    ldp     x27, x28, [sp, #80]
    ldp     x29, x30, [sp], #96
    ret
    .size main, . - main

    .section .rodata
fmt:
    .asciz  "straight_adds sum=%lu passes=%lu\n"
