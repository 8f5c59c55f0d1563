// start.S: process entry for every guest program (ELF and flat .bin alike).
// The kernel (or temu) leaves sp pointing at argc, then argv[], NULL, envp[], NULL, auxv.
// We pass argc/argv/envp to main and hand its return value to exit_group.
// For the flat image the linker script puts .text.start first, so _start sits at 0x400000.
    .section .text.start, "ax"
    .globl _start
    .type _start, %function
_start:
    mov     x29, #0                 // terminate the frame chain for debuggers
    mov     x30, #0
    ldr     x0, [sp]                // argc
    add     x1, sp, #8              // argv
    add     x2, x1, x0, lsl #3
    add     x2, x2, #8              // envp = &argv[argc + 1]
    bl      main
    mov     x8, #94                 // exit_group(status)
    svc     #0
    b       .                       // not reached
    .size _start, . - _start
