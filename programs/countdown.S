// countdown: the smallest hot loop, one SUB and one CBNZ per iteration, for dispatch and
// sync-cost measurements. Test size 1M iterations (~2M instructions), bench 100M (~200M),
// small (argv[1] starting with 's', for the GPU engine tests) 1000 (~2K).
// Prints one line through a raw write(2) and returns the final counter (0).
    .text
    .globl main
    .type main, %function
main:
    movz    x9, #0x4240                 // 1,000,000
    movk    x9, #0x000f, lsl #16
    cmp     x0, #2                      // argv[1] starting with 'b' selects the bench size
    b.lt    1f
    ldr     x2, [x1, #8]
    ldrb    w3, [x2]
    cmp     w3, #'s'
    b.eq    2f
    cmp     w3, #'b'
    b.ne    1f
    movz    x9, #0xe100                 // 100,000,000
    movk    x9, #0x05f5, lsl #16
    b       1f
2:  mov     x9, #1000
1:  sub     x9, x9, #1
    cbnz    x9, 1b
    mov     x0, #1                      // write(1, msg, len)
    adrp    x1, msg
    add     x1, x1, :lo12:msg
    mov     x2, #(msg_end - msg)
    mov     x8, #64
    svc     #0
    mov     x0, x9
    ret
    .size main, . - main

    .section .rodata
msg:
    .ascii  "countdown: reached zero\n"
msg_end:
