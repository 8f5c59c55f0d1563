/* gpu_abi.h: what the host and the kernels of shaders/ exchange through device buffers.
 * C11 and OpenCL C, like the decoder; fixed-width fields in an order that needs no padding, checked
 * on both sides by the static asserts at the end.
 *
 * Guest memory on the device is a pool of 4 KiB page frames, shared by every lane, and per lane one
 * page-table entry per guest page of the window: permission bits (EMU_PERM_* values) in the low
 * byte, the frame number above. A zero entry is an unmapped page; frame 0 is the zero page that
 * mapped but never written pages point to. A map of one byte per page, shared by the lanes, marks
 * the pages decoded blocks were read from (stores there must be reported).
 *
 * Register renaming: inside a block, an operand names either the value a slot had when the block
 * began (GPU_REF_REG | slot) or output k of the block's instruction j (j * GPU_OUTS + k). Only true
 * (read-after-write) dependencies then order instructions; each slot's final value is the output of
 * its last writer. Slots are emu_state.x[0..33] and GPU_SLOT_NZCV. */
#ifndef GPU_ABI_H
#define GPU_ABI_H

#include "a64_insn.h"
#include "emu_layout.h"
#include "emu_loop_fold.h"

#define GPU_PTE_FRAME_SHIFT 8
/* Permission bits of an entry and the page: the guest's own (emu_layout.h). */
#define GPU_PERM_R EMU_PERM_R
#define GPU_PERM_W EMU_PERM_W
#define GPU_PERM_X EMU_PERM_X
#define GPU_PAGE_BITS EMU_PAGE_BITS

/* System state only system instructions touch (they run alone in their level): its slots in the
 * kernels' per-lane array, which the host sizes in local memory. */
#define SYS_TPIDR 0
#define SYS_FPCR 1
#define SYS_FPSR 2
#define SYS_EXCL_ADDR 3
#define SYS_EXCL_VALID 4
#define SYS_COUNT 5

/* The most bytes one instruction stores (ST1 of four Q registers): a write fault on the zero page
 * gets this many bytes from its address backed by frames of their own before the retry, so a
 * store that crosses into a second untouched page succeeds on the retry too. */
#define GPU_MAX_STORE 64

#define GPU_SLOT_NZCV 34
#define GPU_NUM_SLOTS 35
#define GPU_REF_REG 0x80000000u
#define GPU_REF_NONE 0xffffffffu
#define GPU_NO_SLOT 0xffu

/* Outputs of one instruction, by role; applied to the slots in the order WB, RD, RA, NZCV, so a
 * loaded value beats the base writeback (rt == rn) and RA beats RD (LDP rt == rt2), as on the CPU. */
#define GPU_OUT_RD 0    /* rd: the result; an atomic's old value */
#define GPU_OUT_RA 1    /* ra of pair loads and CASP, or rm: the STXR/STXP status */
#define GPU_OUT_WB 2    /* rn: base writeback; or x30: the link of BL/BLR */
#define GPU_OUT_NZCV 3  /* the flags */
#define GPU_OUTS 4

/* Operand roles: which of an instruction's fields each source reference stands for. */
#define GPU_SRC_RN 0
#define GPU_SRC_RM 1
#define GPU_SRC_RD 2
#define GPU_SRC_RA 3
#define GPU_SRC_NZCV 4
#define GPU_SRC_RM2 5   /* CASP's Rt+1 */
#define GPU_SRCS 6

/* Flags of a decoded block (struct gpu_block). */
#define GPU_BLOCK_FETCH_FAULT 1u /* its first word is not executable (or pc is misaligned) */
#define GPU_BLOCK_NO_ROOM 2u     /* the decode cache is full: flush it and decode again */

/* A decoded block in the device decode cache. Its records sit at [first, first + count) of the
 * record arrays; lstart[first + L] .. lstart[first + L + 1] index order[], the instructions of
 * level L + 1. */
struct gpu_block {
    uint64_t pc;
    uint32_t first;
    uint32_t count;                 /* instructions; 0 with GPU_BLOCK_FETCH_FAULT or _NO_ROOM */
    uint32_t nlevels;
    uint32_t flags;
    uint32_t final[GPU_NUM_SLOTS + 1]; /* per slot: reference to its value at the block's end */
};

/* The schedule of one instruction. */
struct gpu_sched {
    uint32_t src[GPU_SRCS];  /* operand references by GPU_SRC_* role; GPU_REF_NONE: unused */
    uint8_t dst[GPU_OUTS];   /* slot written by each output role; GPU_NO_SLOT: none */
    uint32_t level;          /* 1 + the highest level among what it must follow */
};

/* The decode cache's index, pc -> block id: open addressing with linear probing. The host fills it
 * (it decides block ids); the resident kernel reads it to follow branches without the host. */
#define GPU_INDEX_SLOTS (1u << 17)
#define GPU_MAX_BLOCKS (GPU_INDEX_SLOTS / 2) /* flushed when full, so probes stay short */

struct gpu_index_slot {
    uint64_t pc;
    uint32_t id;        /* 0: empty; else the block id + 1 */
    uint32_t reserved;
};

/* Where probing for pc starts. */
static inline uint32_t gpu_index_hash(uint64_t pc)
{
    return (uint32_t)(((pc >> 2) * A64_U64(0x9e3779b97f4a7c15)) >> 40) & (GPU_INDEX_SLOTS - 1);
}

/* Flags of a lane's status. */
#define GPU_ST_CODE_WRITTEN 1u /* a store hit a page holding decoded code: flush the decode cache */
#define GPU_ST_NO_ROOM 2u      /* nothing ran: the decode cache is full */
#define GPU_ST_MISS 4u         /* resident engine: no decoded block at pc; decode it and relaunch */
#define GPU_ST_LOOP 8u         /* resident engine with --loopvec: pc is the head of a loop block that
                                  just branched back to itself (loop_n instructions); the host may
                                  run iterations on the vector path, then relaunches */

/* What the host reads back after each launch: the only per-sync transfer. */
struct gpu_status {
    uint64_t pc;            /* next pc; or the pc of the svc, undefined or faulting instruction */
    uint64_t fault_addr;    /* EMU_FAULT: the guest address that failed */
    uint32_t status;        /* enum emu_status: EMU_OK, EMU_SVC, EMU_UNDEF or EMU_FAULT */
    uint32_t retired;       /* instructions of the block that completed */
    uint32_t fault_access;  /* EMU_FAULT: EMU_PERM_R, _W or _X */
    uint32_t flags;         /* GPU_ST_* */
    uint32_t blocks;        /* blocks run (retired counts them all) */
    uint32_t loop_n;        /* GPU_ST_LOOP: the loop block's instructions */
    uint64_t loop_skip;     /* resident engine: the loop head it was told to pass over, while
                               execution has not left that loop yet; else ~0 */
};

/* What the resident kernel knows of a decoded block's loop, per block id (--loopvec). */
#define GPU_LOOP_UNSEEN 0      /* not analysed yet: stop when it branches back to itself */
#define GPU_LOOP_SEQUENTIAL 1  /* not vectorizable: run it on the device */
#define GPU_LOOP_VECTOR 2      /* vectorizable: stop once per entry, after its first iteration */

/* Kernel loop_iterations (shaders/loopvec.cl): one work-item per iteration of a classified loop
 * (emu_loop.h), the body run in program order on the item's own registers. */
#define GPU_LOOP_MAX_BODY 48
#define GPU_LOOP_MAX_ACC 8
#define GPU_LOOP_VSLOTS 4      /* V registers a V accumulator's fold reads besides it (emu_loop.h) */
#define GPU_LOOP_HEAD 0        /* init[]: the register's value at the head (invariants) */
#define GPU_LOOP_AFFINE64 1    /*         x + j * step */
#define GPU_LOOP_AFFINE32 2    /*         x + j * step, truncated to 32 bits */
#define GPU_LOOP_RUN 0         /* what[]: run the instruction */
#define GPU_LOOP_SKIP 0xffu    /*         skip it: the compare of a compare-and-select fold */
                               /*         1 + a: fold accumulator a (its value operand; for a V
                                              accumulator, the fold's slots go to vout) */

struct gpu_loop {
    uint64_t x[A64_NUM_REGS];    /* registers at the head */
    uint64_t step[A64_NUM_REGS]; /* affine registers: change per iteration */
    uint64_t pc;                 /* first instruction */
    uint64_t last;               /* iteration whose registers go to `last` (the final one run) */
    uint32_t n;                  /* instructions, closing branch included (not run) */
    uint32_t nacc;
    uint8_t init[A64_NUM_REGS];  /* GPU_LOOP_HEAD / _AFFINE64 / _AFFINE32 */
    uint8_t what[GPU_LOOP_MAX_BODY];
    uint8_t acc_v[GPU_LOOP_MAX_ACC]; /* per accumulator: the slot of the value it folds */
    struct emu_loop_fold fold[GPU_LOOP_MAX_ACC];
    /* V accumulators (fold kind EMU_LOOP_FOLD_SEQ) are folded by the host in iteration order: at
     * each update k of V accumulator a, each item hands over the V registers
     * vslot[a][0..nvslot[a]-1] as the update reads them, to its capture record in vout
     * (vout_stride 128-bit values per item; this update's from value vcap_at[k]: emu_loop.h) */
    uint8_t vslot[GPU_LOOP_MAX_ACC][GPU_LOOP_VSLOTS];
    uint8_t nvslot[GPU_LOOP_MAX_ACC];
    uint8_t vcap_at[GPU_LOOP_MAX_BODY];
    uint8_t vaff[32];            /* per V register: 1 + the index of its update when it is a vector
                                    induction (emu_loop.h), its value then x + j * step */
    uint8_t ordered;             /* 1: run in order of instructions (emu_loop_plan), one work-group */
    uint8_t simd;                /* 1: the body has FP/SIMD instructions (items need V registers) */
    uint8_t pad[4];
    uint32_t fpcr;               /* FPCR for the run (FPSR bits go to the kernel's fpsr word) */
    uint32_t vout_stride;
    uint64_t v[64];              /* V registers at the head (emu_state.v) */
};

A64_STATIC_ASSERT(sizeof(struct gpu_block) == 168, gpu_block_size);
A64_STATIC_ASSERT(sizeof(struct gpu_sched) == 32, gpu_sched_size);
A64_STATIC_ASSERT(sizeof(struct gpu_status) == 48, gpu_status_size);
A64_STATIC_ASSERT(sizeof(struct gpu_index_slot) == 16, gpu_index_slot_size);
A64_STATIC_ASSERT(sizeof(struct emu_loop_fold) == 8, emu_loop_fold_size);
A64_STATIC_ASSERT(sizeof(struct gpu_loop) == 1368, gpu_loop_size);

#endif
