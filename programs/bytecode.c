/* bytecode: a small stack-machine interpreter (switch dispatch) running a loop program that sums
 * i*i mod 7 + (i xor 0x55) for i = n-1 down to 0, plus a call to a subroutine every iteration.
 * About 21 bytecodes and ~360 instructions per loop iteration.
 * Test: n = 5,000 (~1.8M instructions). Bench: n = 500,000 (~180M).
 * Small (argument "small", for the GPU engine tests): n = 50.
 */
#include "rt.h"

enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, XOR, DUP, JNZ, JMP, CALL, RET, PRINT, HALT };

/* vars: 0 = i, 1 = acc. The program is data, so the dispatch loop is what runs hot. */
static const i64 program[] = {
    /* 0 */ STORE, 0,             /* i = n (pushed by main) */
    /* 2 */ PUSH, 0, STORE, 1,    /* acc = 0 */
    /* 6 */ LOAD, 0, JNZ, 11,     /* while (i) */
    /* 10 */ HALT,
    /* 11 */ LOAD, 0, PUSH, 1, SUB, STORE, 0,         /* i-- */
    /* 18 */ LOAD, 0, DUP, MUL, PUSH, 7, MOD,         /* i*i % 7 */
    /* 25 */ LOAD, 0, CALL, 40, ADD,                  /* + f(i) */
    /* 30 */ LOAD, 1, ADD, STORE, 1, JMP, 6,          /* acc += ... */
    /* 37 */ HALT, HALT, HALT,
    /* 40 */ PUSH, 0x55, XOR, RET,                    /* f(x) = x ^ 0x55 */
};

static i64 run(i64 n, u64 *steps)
{
    i64 stack[64], vars[4] = {0}, rets[16];
    int sp = 0, rp = 0;
    u64 pc = 0, count = 0;
    stack[sp++] = n;
    for (;;) {
        count++;
        switch (program[pc++]) {
        case PUSH: stack[sp++] = program[pc++]; break;
        case LOAD: stack[sp++] = vars[program[pc++]]; break;
        case STORE: vars[program[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case JNZ: pc = stack[--sp] ? (u64)program[pc] : pc + 1; break;
        case JMP: pc = (u64)program[pc]; break;
        case CALL: rets[rp++] = (i64)pc + 1; pc = (u64)program[pc]; break;
        case RET: pc = (u64)rets[--rp]; break;
        case PRINT: printf("%ld\n", stack[--sp]); break;
        case HALT: *steps = count; return vars[1];
        default: *steps = count; return -1;
        }
    }
}

int main(int argc, char **argv)
{
    i64 n = rt_size(argc, argv, 50, 5000, 500000);
    u64 steps;
    i64 acc = run(n, &steps);
    printf("n=%ld acc=%ld bytecodes=%lu\n", n, acc, steps);
    return acc < 0 ? 1 : 0;
}
