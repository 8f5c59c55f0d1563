/* test_exec_diff.c: the GPU kernels' instruction semantics (emu/exec/execute.h, run one instruction at
 * a time by exec_lane.h, compiled here as C) against the CPU engine's fast handlers, operation by
 * operation, on random encodings and random operands (edge values included; CAS and CASP compare
 * what memory holds half the time): registers, flags, system state, exclusive monitor, memory, the next pc, and which stops (fault with its address,
 * undefined) happen. Both are exact by design, so they must agree bit for bit; a difference is a
 * bug in one of them. Memory operands are aimed at a scratch region beside a read-only page and
 * unmapped space, so loads, stores and their faults all occur. TEMU_SEED replays a run;
 * TEMU_DIFF_TRIALS changes its length.
 *
 * The loop lane executor (emu_loop_lane_insn) computes through the same exec_value, but its loops
 * over lanes, the operand rows they read and the one they write, and its own gather and scatter
 * loads and stores (element types, widening) are its own: every instruction it takes (column lane
 * of A64_OPS) is run on it too, over a random number of lanes each with operands of its own, and
 * each lane must match the CPU engine run on that lane's registers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "test_rand.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a64_decode.h"
#include "a64_names.h"
#include "emu_cpu.h"
#include "emu_loop.h"

/* The kernel sources as C: OpenCL's address spaces vanish, its scalar types and max() appear. */
typedef uint8_t uchar;
typedef uint16_t ushort;
typedef uint32_t uint;
typedef uint64_t ulong;
#define __global
#define __local
#define max(a, b) ((a) > (b) ? (a) : (b))
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function" /* the kernels' other helpers */
#include "exec_lane.h"
#include "exec_simd_gm.h"
#pragma GCC diagnostic pop

#define WINDOW (16ull << 20)
#define CODE 0x100000ull
#define SCRATCH 0x200000ull
#define SCRATCH_SIZE 0x2000ull
#define RO_PAGE (SCRATCH + SCRATCH_SIZE) /* read-only, right after the scratch region */
#define NPAGES (WINDOW >> 12)

static uint64_t rng;

static uint64_t rnd(void)
{
    return test_rand_next(&rng);
}

static uint64_t random_value(void)
{
    return test_rand_value(&rng);
}

/* The device's view of the same window: a page table over a pool of frames (frame 0 stays zero). */
struct dev_mem {
    uint32_t pt[NPAGES];
    uint8_t code[NPAGES];
    uint8_t *pool;
    uint32_t frames;
};

static void dev_map(struct dev_mem *d, const struct emu_proc *p)
{
    d->frames = 1;
    memset(d->pt, 0, sizeof d->pt);
    memset(d->code, 0, sizeof d->code);
    for (uint64_t pg = 0; pg < NPAGES; pg++) {
        unsigned perm = p->mem.perm[pg] & EMU_PERM_RWX;
        if (!(p->mem.perm[pg] & EMU_PERM_MAPPED))
            continue;
        uint32_t f = d->frames++;
        memcpy(d->pool + ((uint64_t)f << 12), p->mem.host + (pg << 12), 4096);
        d->pt[pg] = (f << GPU_PTE_FRAME_SHIFT) | perm;
    }
}

/* Encodings a random word seldom is: word = fixed | (random & mask). */
static const struct {
    uint32_t fixed, mask;
} rare[] = {
    {0xd61f0000, 0x3e0}, {0xd63f0000, 0x3e0}, {0xd65f0000, 0x3e0}, /* br, blr, ret */
    {0xd503201f, 0xfe0}, {0xd503305f, 0xf00}, {0xd503309f, 0xf60}, /* hints, clrex, barriers */
    {0xd53b4200, 0x1f},  {0xd53bd040, 0x1f},  {0xd53b4400, 0x3f},  /* mrs nzcv, tpidr_el0, fpcr/fpsr */
    {0xd51b4200, 0x1f},  {0xd51bd040, 0x1f},  {0xd51b4400, 0x3f},  /* msr the same */
    {0x5ac00000, 0x80001fff},                                      /* data processing, 1 source */
    {0x38200000, 0xc0dff3ff}, {0x08a07c00, 0xc05f83ff}, {0x08207c00, 0x405f83ff}, /* LSE atomics, CAS(P) */
    {0x1a000000, 0xe01f03ff},                                      /* adc, adcs, sbc, sbcs */
    {0x1ac00000, 0x801f2fff},                                      /* udiv, sdiv, shifts (2 sources) */
};

/* FP/SIMD encodings (decode/a64_decode_simd.inc's patterns): word = fixed | (random & mask). */
static const struct {
    uint32_t fixed, mask;
} simd_classes[] = {
    {0x3d000000, 0xc0bfffff}, {0x3d400000, 0xc0bfffff}, {0x3c000000, 0xc09ff3ff}, {0x3c400000, 0xc09ff3ff},
    {0x3c000400, 0xc09ff3ff}, {0x3c400400, 0xc09ff3ff}, {0x3c000c00, 0xc09ff3ff}, {0x3c400c00, 0xc09ff3ff},
    {0x3c200800, 0xc09ff3ff}, {0x3c600800, 0xc09ff3ff}, {0x1c000000, 0xc0ffffff}, {0x2c000000, 0xc03fffff},
    {0x2c400000, 0xc03fffff}, {0x2c800000, 0xc03fffff}, {0x2cc00000, 0xc03fffff}, {0x2d000000, 0xc03fffff},
    {0x2d400000, 0xc03fffff}, {0x2d800000, 0xc03fffff}, {0x2dc00000, 0xc03fffff}, {0x0c000000, 0x4000ffff},
    {0x0c400000, 0x4000ffff}, {0x0c800000, 0x401fffff}, {0x0cc00000, 0x401fffff}, {0x0d40c000, 0x40000fff},
    {0x0dc0c000, 0x401f0fff}, {0x1e204000, 0x00c003ff}, {0x1e260000, 0x000003ff}, {0x1e270000, 0x000003ff},
    {0x9e660000, 0x000003ff}, {0x9e670000, 0x000003ff}, {0x9eae0000, 0x000003ff}, {0x9eaf0000, 0x000003ff},
    {0x1ee60000, 0x800003ff}, {0x1ee70000, 0x800003ff}, /* FMOV to and from H (FEAT_FP16) */
    {0x1e201000, 0x00dfe01f}, {0x0f000400, 0x6007f3ff}, {0x0e000c00, 0x401f03ff}, {0x0e000400, 0x401f03ff},
    {0x4e001c00, 0x001f03ff}, {0x6e000400, 0x001f7bff}, {0x0e003c00, 0x401f03ff}, {0x0e002c00, 0x401f03ff},
    {0x0e201c00, 0x401f03ff}, {0x0e601c00, 0x401f03ff}, {0x0ea01c00, 0x401f03ff}, {0x0ee01c00, 0x401f03ff},
    {0x2e201c00, 0x401f03ff}, {0x2e601c00, 0x401f03ff}, {0x2ea01c00, 0x401f03ff}, {0x2ee01c00, 0x401f03ff},
    {0x0e208400, 0x40df03ff}, {0x2e208400, 0x40df03ff}, {0x0e208c00, 0x40df03ff}, {0x2e208c00, 0x40df03ff},
    {0x0e203400, 0x40df03ff}, {0x2e203400, 0x40df03ff}, {0x0e203c00, 0x40df03ff}, {0x2e203c00, 0x40df03ff},
    {0x0e20bc00, 0x40df03ff}, {0x2e206400, 0x40df03ff}, {0x2e206c00, 0x40df03ff}, {0x0e206400, 0x40df03ff},
    {0x0e206c00, 0x40df03ff}, {0x2e20a400, 0x40df03ff}, {0x2e20ac00, 0x40df03ff}, {0x0e209800, 0x40c003ff},
    {0x0e208800, 0x40c003ff}, {0x2e208800, 0x40c003ff}, {0x2e209800, 0x40c003ff}, {0x0e20a800, 0x40c003ff},
    {0x2e205800, 0x400003ff}, {0x0e205800, 0x400003ff}, {0x0e200800, 0x40c003ff}, {0x2e200800, 0x40c003ff},
    {0x0e201800, 0x400003ff}, {0x0e212800, 0x40c003ff}, {0x0e31b800, 0x40c003ff}, {0x2e30a800, 0x40c003ff},
    {0x2e31a800, 0x40c003ff}, {0x0e30a800, 0x40c003ff}, {0x0e31a800, 0x40c003ff}, {0x2f000400, 0x407f03ff},
    {0x0f000400, 0x407f03ff}, {0x0f005400, 0x407f03ff}, {0x0f008400, 0x407f03ff}, {0x2e000000, 0x401f7bff},
    {0x0e001800, 0x40df03ff}, {0x0e002800, 0x40df03ff}, {0x0e003800, 0x40df03ff}, {0x0e005800, 0x40df03ff},
    {0x0e006800, 0x40df03ff}, {0x0e007800, 0x40df03ff}, {0x0e209c00, 0x40df03ff}, {0x0e209400, 0x40df03ff},
    {0x2e209400, 0x40df03ff}, {0x2e200000, 0x40df03ff}, {0x0e200000, 0x40df03ff}, {0x2e201000, 0x40df03ff},
    {0x0e201000, 0x40df03ff}, {0x2e20c000, 0x40df03ff}, {0x0e20c000, 0x40df03ff}, {0x2f00a400, 0x407f03ff},
    {0x0f00a400, 0x407f03ff}, {0x2e303800, 0x40c003ff}, {0x0e303800, 0x40c003ff}, {0x5eb1b800, 0x004003ff},
    {0x2f001400, 0x407f03ff}, {0x0f001400, 0x407f03ff}, {0x0e000000, 0x401f63ff}, {0x0e001000, 0x401f63ff},
    /* scalar FP arithmetic (decode/a64_decode_fp.inc) */
    {0x1e284000, 0x00c003ff}, {0x1e28c000, 0x00c003ff}, {0x1e294000, 0x00c003ff}, {0x1e29c000, 0x00c003ff},
    {0x1e20c000, 0x00c003ff}, {0x1e214000, 0x00c003ff}, {0x1e21c000, 0x00c003ff}, {0x1e224000, 0x00c183ff},
    {0x1e244000, 0x00c003ff}, {0x1e24c000, 0x00c003ff}, {0x1e254000, 0x00c003ff}, {0x1e25c000, 0x00c003ff},
    {0x1e264000, 0x00c003ff}, {0x1e274000, 0x00c003ff}, {0x1e27c000, 0x00c003ff}, {0x1e200800, 0x00df03ff},
    {0x1e201800, 0x00df03ff}, {0x1e202800, 0x00df03ff}, {0x1e203800, 0x00df03ff}, {0x1e204800, 0x00df03ff},
    {0x1e205800, 0x00df03ff}, {0x1e206800, 0x00df03ff}, {0x1e207800, 0x00df03ff}, {0x1e208800, 0x00df03ff},
    {0x1f000000, 0x00df7fff}, {0x1f008000, 0x00df7fff}, {0x1f200000, 0x00df7fff}, {0x1f208000, 0x00df7fff},
    {0x1e202000, 0x00df03e0}, {0x1e202008, 0x00df03e0}, {0x1e202010, 0x00df03e0}, {0x1e202018, 0x00df03e0},
    {0x1e200400, 0x00dff3ef}, {0x1e200410, 0x00dff3ef}, {0x1e200c00, 0x00dff3ff}, {0x1e200000, 0x80c003ff},
    {0x1e210000, 0x80c003ff}, {0x1e220000, 0x80c003ff}, {0x1e230000, 0x80c003ff}, {0x1e240000, 0x80c003ff},
    {0x1e250000, 0x80c003ff}, {0x1e280000, 0x80c003ff}, {0x1e290000, 0x80c003ff}, {0x1e300000, 0x80c003ff},
    {0x1e310000, 0x80c003ff}, {0x1e380000, 0x80c003ff}, {0x1e390000, 0x80c003ff}, {0x1e7e0000, 0x000003ff},
    {0x1e020000, 0x80c0ffff}, {0x1e030000, 0x80c0ffff}, {0x1e180000, 0x80c0ffff}, {0x1e190000, 0x80c0ffff},
    /* Advanced SIMD floating point (decode/a64_decode_vfp.inc) */
    {0x0e20c400, 0x405f03ff}, {0x0ea0c400, 0x405f03ff}, {0x0e20cc00, 0x405f03ff}, {0x0ea0cc00, 0x405f03ff},
    {0x0e20d400, 0x405f03ff}, {0x0ea0d400, 0x405f03ff}, {0x0e20dc00, 0x405f03ff}, {0x5e20dc00, 0x005f03ff},
    {0x0e20e400, 0x405f03ff}, {0x5e20e400, 0x005f03ff}, {0x0e20f400, 0x405f03ff}, {0x0ea0f400, 0x405f03ff},
    {0x0e20fc00, 0x405f03ff}, {0x5e20fc00, 0x005f03ff}, {0x0ea0fc00, 0x405f03ff}, {0x5ea0fc00, 0x005f03ff},
    {0x2e20c400, 0x405f03ff}, {0x2ea0c400, 0x405f03ff}, {0x2e20d400, 0x405f03ff}, {0x2ea0d400, 0x405f03ff},
    {0x7ea0d400, 0x005f03ff}, {0x2e20dc00, 0x405f03ff}, {0x2e20e400, 0x405f03ff}, {0x7e20e400, 0x005f03ff},
    {0x2ea0e400, 0x405f03ff}, {0x7ea0e400, 0x005f03ff}, {0x2e20ec00, 0x405f03ff}, {0x7e20ec00, 0x005f03ff},
    {0x2ea0ec00, 0x405f03ff}, {0x7ea0ec00, 0x005f03ff}, {0x2e20f400, 0x405f03ff}, {0x2ea0f400, 0x405f03ff},
    {0x2e20fc00, 0x405f03ff}, {0x0ea0c800, 0x404003ff}, {0x5ea0c800, 0x004003ff}, {0x0ea0d800, 0x404003ff},
    {0x5ea0d800, 0x004003ff}, {0x0ea0e800, 0x404003ff}, {0x5ea0e800, 0x004003ff}, {0x0ea0f800, 0x404003ff},
    {0x2ea0c800, 0x404003ff}, {0x7ea0c800, 0x004003ff}, {0x2ea0d800, 0x404003ff}, {0x7ea0d800, 0x004003ff},
    {0x2ea0f800, 0x404003ff}, {0x2ea1f800, 0x404003ff}, {0x0e216800, 0x404003ff}, {0x0e217800, 0x404003ff},
    {0x2e216800, 0x404003ff}, {0x7e216800, 0x004003ff}, {0x0e218800, 0x404003ff}, {0x0ea18800, 0x404003ff},
    {0x0e219800, 0x404003ff}, {0x0ea19800, 0x404003ff}, {0x2e218800, 0x404003ff}, {0x2e219800, 0x404003ff},
    {0x2ea19800, 0x404003ff}, {0x0e21a800, 0x404003ff}, {0x5e21a800, 0x004003ff}, {0x0ea1a800, 0x404003ff},
    {0x5ea1a800, 0x004003ff}, {0x0e21b800, 0x404003ff}, {0x5e21b800, 0x004003ff}, {0x0ea1b800, 0x404003ff},
    {0x5ea1b800, 0x004003ff}, {0x0e21c800, 0x404003ff}, {0x5e21c800, 0x004003ff}, {0x0e21d800, 0x404003ff},
    {0x5e21d800, 0x004003ff}, {0x2e21a800, 0x404003ff}, {0x7e21a800, 0x004003ff}, {0x2ea1a800, 0x404003ff},
    {0x7ea1a800, 0x004003ff}, {0x2e21b800, 0x404003ff}, {0x7e21b800, 0x004003ff}, {0x2ea1b800, 0x404003ff},
    {0x7ea1b800, 0x004003ff}, {0x2e21c800, 0x404003ff}, {0x7e21c800, 0x004003ff}, {0x2e21d800, 0x404003ff},
    {0x7e21d800, 0x004003ff}, {0x0ea1d800, 0x404003ff}, {0x5ea1d800, 0x004003ff}, {0x2ea1d800, 0x404003ff},
    {0x7ea1d800, 0x004003ff}, {0x5ea1f800, 0x004003ff}, {0x0ea1c800, 0x404003ff}, {0x2ea1c800, 0x404003ff},
    {0x6e30c800, 0x000003ff}, {0x6eb0c800, 0x000003ff}, {0x6e30f800, 0x000003ff}, {0x6eb0f800, 0x000003ff},
    {0x7e30c800, 0x004003ff}, {0x7eb0c800, 0x004003ff}, {0x7e30d800, 0x004003ff}, {0x7e30f800, 0x004003ff},
    {0x7eb0f800, 0x004003ff}, {0x0f801000, 0x407f0bff}, {0x5f801000, 0x007f0bff}, {0x0f805000, 0x407f0bff},
    {0x5f805000, 0x007f0bff}, {0x0f809000, 0x407f0bff}, {0x5f809000, 0x007f0bff}, {0x2f809000, 0x407f0bff},
    {0x7f809000, 0x007f0bff}, {0x0f00e400, 0x407f03ff}, {0x5f00e400, 0x007f03ff}, {0x2f00e400, 0x407f03ff},
    {0x7f00e400, 0x007f03ff}, {0x0f00fc00, 0x407f03ff}, {0x5f00fc00, 0x007f03ff}, {0x2f00fc00, 0x407f03ff},
    {0x7f00fc00, 0x007f03ff},
    /* A64_OPS_SIMD2 (decode/a64_decode_simd2.inc) */
    {0x0c000000, 0x40000fff}, /* STN_M */
    {0x0c004000, 0x40000fff}, /* STN_M */
    {0x0c008000, 0x40000fff}, /* STN_M */
    {0x0c400000, 0x40000fff}, /* LDN_M */
    {0x0c404000, 0x40000fff}, /* LDN_M */
    {0x0c408000, 0x40000fff}, /* LDN_M */
    {0x0c800000, 0x401f0fff}, /* STN_M */
    {0x0c804000, 0x401f0fff}, /* STN_M */
    {0x0c808000, 0x401f0fff}, /* STN_M */
    {0x0cc00000, 0x401f0fff}, /* LDN_M */
    {0x0cc04000, 0x401f0fff}, /* LDN_M */
    {0x0cc08000, 0x401f0fff}, /* LDN_M */
    {0x0d000000, 0x40203fff}, /* STS_V */
    {0x0d004000, 0x40203fff}, /* STS_V */
    {0x0d008000, 0x40203fff}, /* STS_V */
    {0x0d400000, 0x40203fff}, /* LDS_V */
    {0x0d404000, 0x40203fff}, /* LDS_V */
    {0x0d408000, 0x40203fff}, /* LDS_V */
    {0x0d800000, 0x403f3fff}, /* STS_V */
    {0x0d804000, 0x403f3fff}, /* STS_V */
    {0x0d808000, 0x403f3fff}, /* STS_V */
    {0x0dc00000, 0x403f3fff}, /* LDS_V */
    {0x0dc04000, 0x403f3fff}, /* LDS_V */
    {0x0dc08000, 0x403f3fff}, /* LDS_V */
    {0x0d60c000, 0x40000fff}, /* LDNR */
    {0x0d40e000, 0x40000fff}, /* LDNR */
    {0x0d60e000, 0x40000fff}, /* LDNR */
    {0x0de0c000, 0x401f0fff}, /* LDNR */
    {0x0dc0e000, 0x401f0fff}, /* LDNR */
    {0x0de0e000, 0x401f0fff}, /* LDNR */
    {0x0e200400, 0x40df03ff}, /* SHADD_V */
    {0x2e200400, 0x40df03ff}, /* UHADD_V */
    {0x0e200c00, 0x40df03ff}, /* SQADD_V */
    {0x2e200c00, 0x40df03ff}, /* UQADD_V */
    {0x0e201400, 0x40df03ff}, /* SRHADD_V */
    {0x2e201400, 0x40df03ff}, /* URHADD_V */
    {0x0e202400, 0x40df03ff}, /* SHSUB_V */
    {0x2e202400, 0x40df03ff}, /* UHSUB_V */
    {0x0e202c00, 0x40df03ff}, /* SQSUB_V */
    {0x2e202c00, 0x40df03ff}, /* UQSUB_V */
    {0x0e204400, 0x40df03ff}, /* SSHL_V */
    {0x2e204400, 0x40df03ff}, /* USHL_V */
    {0x0e205400, 0x40df03ff}, /* SRSHL_V */
    {0x2e205400, 0x40df03ff}, /* URSHL_V */
    {0x0e207400, 0x40df03ff}, /* SABD_V */
    {0x2e207400, 0x40df03ff}, /* UABD_V */
    {0x0e207c00, 0x40df03ff}, /* SABA_V */
    {0x2e207c00, 0x40df03ff}, /* UABA_V */
    {0x2e209c00, 0x40df03ff}, /* PMUL_V */
    {0x0e20a400, 0x40df03ff}, /* SMAXP_V */
    {0x0e20ac00, 0x40df03ff}, /* SMINP_V */
    {0x0e20b400, 0x40df03ff}, /* SQDMULH_V */
    {0x2e20b400, 0x40df03ff}, /* SQRDMULH_V */
    {0x5e200c00, 0x00df03ff}, /* SQADD_V */
    {0x7e200c00, 0x00df03ff}, /* UQADD_V */
    {0x5e202c00, 0x00df03ff}, /* SQSUB_V */
    {0x7e202c00, 0x00df03ff}, /* UQSUB_V */
    {0x5e203400, 0x00df03ff}, /* CMGT_V */
    {0x7e203400, 0x00df03ff}, /* CMHI_V */
    {0x5e203c00, 0x00df03ff}, /* CMGE_V */
    {0x7e203c00, 0x00df03ff}, /* CMHS_V */
    {0x5e204400, 0x00df03ff}, /* SSHL_V */
    {0x7e204400, 0x00df03ff}, /* USHL_V */
    {0x5e205400, 0x00df03ff}, /* SRSHL_V */
    {0x7e205400, 0x00df03ff}, /* URSHL_V */
    {0x5e208400, 0x00df03ff}, /* ADD_V */
    {0x7e208400, 0x00df03ff}, /* SUB_V */
    {0x5e208c00, 0x00df03ff}, /* CMTST_V */
    {0x7e208c00, 0x00df03ff}, /* CMEQ_V */
    {0x5e20b400, 0x00df03ff}, /* SQDMULH_V */
    {0x7e20b400, 0x00df03ff}, /* SQRDMULH_V */
    {0x0e202800, 0x40c003ff}, /* SADDLP_V */
    {0x2e202800, 0x40c003ff}, /* UADDLP_V */
    {0x0e204800, 0x40c003ff}, /* CLS_V */
    {0x2e204800, 0x40c003ff}, /* CLZ_V */
    {0x2e605800, 0x400003ff}, /* RBIT_V */
    {0x0e206800, 0x40c003ff}, /* SADALP_V */
    {0x2e206800, 0x40c003ff}, /* UADALP_V */
    {0x0e207800, 0x40c003ff}, /* SQABS_V */
    {0x2e207800, 0x40c003ff}, /* SQNEG_V */
    {0x0e20b800, 0x40c003ff}, /* ABS_V */
    {0x2e20b800, 0x40c003ff}, /* NEG_V */
    {0x2e212800, 0x40c003ff}, /* SQXTUN_V */
    {0x0e214800, 0x40c003ff}, /* SQXTN_V */
    {0x2e214800, 0x40c003ff}, /* UQXTN_V */
    {0x5e207800, 0x00c003ff}, /* SQABS_V */
    {0x7e207800, 0x00c003ff}, /* SQNEG_V */
    {0x5e208800, 0x00c003ff}, /* CMGTZ_V */
    {0x7e208800, 0x00c003ff}, /* CMGEZ_V */
    {0x5e209800, 0x00c003ff}, /* CMEQZ_V */
    {0x7e209800, 0x00c003ff}, /* CMLEZ_V */
    {0x5e20a800, 0x00c003ff}, /* CMLTZ_V */
    {0x5e20b800, 0x00c003ff}, /* ABS_V */
    {0x7e20b800, 0x00c003ff}, /* NEG_V */
    {0x7e212800, 0x00c003ff}, /* SQXTUN_V */
    {0x5e214800, 0x00c003ff}, /* SQXTN_V */
    {0x7e214800, 0x00c003ff}, /* UQXTN_V */
    {0x0e202000, 0x40df03ff}, /* SSUBL_V */
    {0x2e202000, 0x40df03ff}, /* USUBL_V */
    {0x0e203000, 0x40df03ff}, /* SSUBW_V */
    {0x2e203000, 0x40df03ff}, /* USUBW_V */
    {0x0e204000, 0x40df03ff}, /* ADDHN_V */
    {0x2e204000, 0x40df03ff}, /* RADDHN_V */
    {0x0e205000, 0x40df03ff}, /* SABAL_V */
    {0x2e205000, 0x40df03ff}, /* UABAL_V */
    {0x0e206000, 0x40df03ff}, /* SUBHN_V */
    {0x2e206000, 0x40df03ff}, /* RSUBHN_V */
    {0x0e207000, 0x40df03ff}, /* SABDL_V */
    {0x2e207000, 0x40df03ff}, /* UABDL_V */
    {0x0e208000, 0x40df03ff}, /* SMLAL_V */
    {0x2e208000, 0x40df03ff}, /* UMLAL_V */
    {0x0e20a000, 0x40df03ff}, /* SMLSL_V */
    {0x2e20a000, 0x40df03ff}, /* UMLSL_V */
    {0x0e20e000, 0x40df03ff}, /* PMULL_V */
    {0x0e209000, 0x40df03ff}, /* SQDMLAL_V */
    {0x0e20b000, 0x40df03ff}, /* SQDMLSL_V */
    {0x0e20d000, 0x40df03ff}, /* SQDMULL_V */
    {0x5e209000, 0x00df03ff}, /* SQDMLAL_V */
    {0x5e20b000, 0x00df03ff}, /* SQDMLSL_V */
    {0x5e20d000, 0x00df03ff}, /* SQDMULL_V */
    {0x0f008000, 0x40ff0bff}, /* MUL_E */
    {0x2f000000, 0x40ff0bff}, /* MLA_E */
    {0x2f004000, 0x40ff0bff}, /* MLS_E */
    {0x0f00a000, 0x40ff0bff}, /* SMULL_E */
    {0x2f00a000, 0x40ff0bff}, /* UMULL_E */
    {0x0f002000, 0x40ff0bff}, /* SMLAL_E */
    {0x2f002000, 0x40ff0bff}, /* UMLAL_E */
    {0x0f006000, 0x40ff0bff}, /* SMLSL_E */
    {0x2f006000, 0x40ff0bff}, /* UMLSL_E */
    {0x0f003000, 0x40ff0bff}, /* SQDMLAL_E */
    {0x0f007000, 0x40ff0bff}, /* SQDMLSL_E */
    {0x0f00b000, 0x40ff0bff}, /* SQDMULL_E */
    {0x0f00c000, 0x40ff0bff}, /* SQDMULH_E */
    {0x0f00d000, 0x40ff0bff}, /* SQRDMULH_E */
    {0x5f00c000, 0x00ff0bff}, /* SQDMULH_E */
    {0x5f00d000, 0x00ff0bff}, /* SQRDMULH_E */
    {0x5f003000, 0x00ff0bff}, /* SQDMLAL_E */
    {0x5f007000, 0x00ff0bff}, /* SQDMLSL_E */
    {0x5f00b000, 0x00ff0bff}, /* SQDMULL_E */
    {0x0f002400, 0x407f03ff}, /* SRSHR_V */
    {0x2f002400, 0x407f03ff}, /* URSHR_V */
    {0x0f003400, 0x407f03ff}, /* SRSRA_V */
    {0x2f003400, 0x407f03ff}, /* URSRA_V */
    {0x2f004400, 0x407f03ff}, /* SRI_V */
    {0x2f005400, 0x407f03ff}, /* SLI_V */
    {0x2f008400, 0x407f03ff}, /* SQSHRUN_V */
    {0x0f008c00, 0x407f03ff}, /* RSHRN_V */
    {0x2f008c00, 0x407f03ff}, /* SQRSHRUN_V */
    {0x0f009400, 0x407f03ff}, /* SQSHRN_V */
    {0x2f009400, 0x407f03ff}, /* UQSHRN_V */
    {0x0f009c00, 0x407f03ff}, /* SQRSHRN_V */
    {0x2f009c00, 0x407f03ff}, /* UQRSHRN_V */
    {0x5f000400, 0x007f03ff}, /* SSHR_V */
    {0x7f000400, 0x007f03ff}, /* USHR_V */
    {0x5f001400, 0x007f03ff}, /* SSRA_V */
    {0x7f001400, 0x007f03ff}, /* USRA_V */
    {0x5f002400, 0x007f03ff}, /* SRSHR_V */
    {0x7f002400, 0x007f03ff}, /* URSHR_V */
    {0x5f003400, 0x007f03ff}, /* SRSRA_V */
    {0x7f003400, 0x007f03ff}, /* URSRA_V */
    {0x7f004400, 0x007f03ff}, /* SRI_V */
    {0x5f005400, 0x007f03ff}, /* SHL_V */
    {0x7f005400, 0x007f03ff}, /* SLI_V */
    {0x7f008400, 0x007f03ff}, /* SQSHRUN_V */
    {0x7f008c00, 0x007f03ff}, /* SQRSHRUN_V */
    {0x5f009400, 0x007f03ff}, /* SQSHRN_V */
    {0x7f009400, 0x007f03ff}, /* UQSHRN_V */
    {0x5f009c00, 0x007f03ff}, /* SQRSHRN_V */
    {0x7f009c00, 0x007f03ff}, /* UQRSHRN_V */
    {0x5e000400, 0x001f03ff}, /* DUP_S */
    {0x0e204c00, 0x40df03ff}, /* SQSHL_V */
    {0x2e204c00, 0x40df03ff}, /* UQSHL_V */
    {0x0e205c00, 0x40df03ff}, /* SQRSHL_V */
    {0x2e205c00, 0x40df03ff}, /* UQRSHL_V */
    {0x5e204c00, 0x00df03ff}, /* SQSHL_V */
    {0x7e204c00, 0x00df03ff}, /* UQSHL_V */
    {0x5e205c00, 0x00df03ff}, /* SQRSHL_V */
    {0x7e205c00, 0x00df03ff}, /* UQRSHL_V */
    {0x0e203800, 0x40c003ff}, /* SUQADD_V */
    {0x2e203800, 0x40c003ff}, /* USQADD_V */
    {0x2e213800, 0x40c003ff}, /* SHLL_V */
    {0x5e203800, 0x00c003ff}, /* SUQADD_V */
    {0x7e203800, 0x00c003ff}, /* USQADD_V */
    {0x2f006400, 0x407f03ff}, /* SQSHLU_V */
    {0x0f007400, 0x407f03ff}, /* SQSHL_VI */
    {0x2f007400, 0x407f03ff}, /* UQSHL_VI */
    {0x7f006400, 0x007f03ff}, /* SQSHLU_V */
    {0x5f007400, 0x007f03ff}, /* SQSHL_VI */
    {0x7f007400, 0x007f03ff}, /* UQSHL_VI */
};

/* A random instruction the kernels run (no svc, no undefined encoding), aimed at the scratch
 * region when it touches memory; its operands come from st. */
static uint32_t random_insn(struct emu_state *st, struct a64_insn *in)
{
    for (;;) {
        uint32_t w = (uint32_t)rnd();
        if (rnd() % 8 == 0) {
            size_t k = rnd() % (sizeof rare / sizeof rare[0]);
            w = rare[k].fixed | (w & rare[k].mask);
        } else if (rnd() % 6 == 0) {
            size_t k = rnd() % (sizeof simd_classes / sizeof simd_classes[0]);
            w = simd_classes[k].fixed | (w & simd_classes[k].mask);
        }
        a64_decode(w, in);
        if (in->op == A64_OP_UNDEF || in->op == A64_OP_SVC)
            continue;
        if (in->op == A64_OP_MRS && in->imm == A64_SYSREG_CNTVCT_EL0)
            continue; /* the clock: each side reads its own */
        if ((in->flags & (A64_P_LOAD | A64_P_STORE)) && rnd() % 8) {
            /* Mostly inside the scratch region, sometimes at its read-only or unmapped edges. */
            uint64_t base = SCRATCH + (rnd() % 8 ? (rnd() % SCRATCH_SIZE) & ~7ull : SCRATCH_SIZE - 8 + rnd() % 16);
            st->x[in->rn] = base - (uint64_t)(int64_t)in->imm * (rnd() % 2);
            if (in->flags & A64_P_R_RM && in->rm < 31)
                st->x[in->rm] = rnd() % 64;
        }
        return w;
    }
}

struct fix {
    struct emu_proc p;
    struct emu_cpu *cpu;
    struct dev_mem *dev;
    struct emu_loop_ws *ws;
};

static int setup(void **state)
{
    struct fix *f = calloc(1, sizeof *f);
    if (!f || emu_proc_init(&f->p, WINDOW))
        return -1;
    f->cpu = emu_cpu_new();
    f->dev = calloc(1, sizeof *f->dev);
    f->ws = calloc(1, sizeof *f->ws);
    if (!f->cpu || !f->dev || !f->ws || !(f->dev->pool = calloc(32, 4096)))
        return -1;
    struct emu_mem *m = &f->p.mem;
    emu_mem_map(m, CODE, 4096, EMU_PERM_R | EMU_PERM_X);
    emu_mem_map(m, SCRATCH, SCRATCH_SIZE, EMU_PERM_R | EMU_PERM_W);
    emu_mem_map(m, RO_PAGE, 4096, EMU_PERM_R);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fix *f = *state;
    emu_cpu_free(f->cpu);
    free(f->dev->pool);
    free(f->dev);
    free(f->ws);
    emu_proc_free(&f->p);
    free(f);
    return 0;
}

#define LANES_MAX 9 /* lanes of a lane executor check: a vector's worth and a tail */

/* The address of load or store `in` on registers x, as exec_insn computes it. */
static uint64_t access_addr(const struct a64_insn *in, const uint64_t *x)
{
    uint64_t imm = (uint64_t)in->imm;
    switch (in->op) {
    case A64_OP_LDR_LIT: return CODE + imm;
    case A64_OP_LDR_REG:
    case A64_OP_STR_REG: return x[in->rn] + emu_alu_extend(x[in->rm], in->shift, in->amount, 1);
    default: return (in->flags & A64_F_WB_POST) ? x[in->rn] : x[in->rn] + imm;
    }
}

/* A load or store (column lane LM) on the lane executor, one lane with the trial's registers st,
 * when the CPU engine ran it (cpu0: its registers after; a store only inside the scratch region):
 * the rows the load writes, or the memory the store leaves from the same start `pre` (the
 * region's bytes before), must be the CPU engine's. 1 if it was checked. */
static int lane_memory_check(struct fix *f, const struct a64_insn *in, const struct emu_state *st,
                              const uint64_t *cpu0, uint8_t *pre, const uint8_t *cpu_mem, const char *what)
{
    struct emu_loop_ws *ws = f->ws;
    uint64_t a = access_addr(in, st->x), n = (1ull << in->size) * (in->op == A64_OP_LDP || in->op == A64_OP_STP ? 2 : 1);
    if ((in->flags & A64_P_STORE) && (a < SCRATCH || a + n > SCRATCH + SCRATCH_SIZE))
        return 0; /* the lane executor stores only where it was proven in bounds and writable */
    for (unsigned r = 0; r < A64_NUM_REGS; r++)
        ws->v[r][0] = r == A64_REG_ZR ? 0 : st->x[r];
    if (!(in->flags & A64_P_STORE))
        emu_loop_lane_insn(in, CODE, ws, 1, f->p.mem.host, a, 0);
    else
        emu_loop_lane_insn(in, CODE, ws, 1, pre, a - SCRATCH, 0);
    if (in->flags & A64_P_STORE) {
        if (memcmp(pre, cpu_mem, SCRATCH_SIZE))
            fail_msg("%s: the lane executor's store differs", what);
        return 1;
    }
    unsigned ra = in->op == A64_OP_LDP ? in->ra : A64_REG_SINK;
    if ((in->rd < A64_REG_SINK && ws->v[in->rd][0] != cpu0[in->rd]) || (ra < A64_REG_SINK && ws->v[ra][0] != cpu0[ra]))
        fail_msg("%s: the lane executor loads 0x%llx, 0x%llx vs 0x%llx, 0x%llx", what,
                 (unsigned long long)ws->v[in->rd][0], (unsigned long long)ws->v[ra][0],
                 (unsigned long long)cpu0[in->rd], (unsigned long long)cpu0[ra]);
    return 1;
}

/* A computing instruction (column lane LV, or FP/SIMD data processing) on the lane executor over
 * 1..LANES_MAX lanes: lane 0 with the trial's registers, flags and V registers st, the others
 * random ones; each lane's X row rd (for an operation that writes one), its V registers and its
 * flags (for an operation that sets them) must be what the CPU engine computes from that lane's
 * state, no other row may change, and the FPSR bits the executor gathers must be the OR of what
 * each lane raised. */
static void lane_value_check(struct fix *f, const struct a64_insn *in, const struct emu_state *st,
                             const char *what)
{
    struct emu_loop_ws *ws = f->ws;
    uint32_t cnt = 1 + (uint32_t)(rnd() % LANES_MAX), raised = 0;
    static uint64_t before[A64_NUM_REGS][LANES_MAX], vbefore[LANES_MAX][64];
    static uint32_t flags_before[LANES_MAX];
    for (uint32_t j = 0; j < cnt; j++) {
        for (unsigned r = 0; r < A64_NUM_REGS; r++)
            before[r][j] = ws->v[r][j] = r == A64_REG_ZR ? 0 : j == 0 ? st->x[r] : random_value();
        for (unsigned k = 0; k < 64; k++)
            vbefore[j][k] = ws->vf[j][k] = j == 0 ? st->v[k] : random_value();
        flags_before[j] = ws->nzcv[j] = j == 0 ? (uint32_t)st->nzcv : (uint32_t)(rnd() & 15) << 28;
    }
    ws->fpcr = (uint32_t)st->fpcr;
    ws->fpsr = 0;
    emu_loop_lane_insn(in, CODE, ws, cnt, NULL, 0, 0);
    int writes = (in->flags & A64_P_W_RD) != 0, sets = (in->flags & A64_P_SETS_FLAGS) != 0;
    for (uint32_t j = 0; j < cnt; j++) {
        f->p.st = *st;
        for (unsigned r = 0; r < A64_REG_ZR; r++)
            f->p.st.x[r] = before[r][j];
        memcpy(f->p.st.v, vbefore[j], sizeof f->p.st.v);
        f->p.st.nzcv = flags_before[j];
        f->p.st.fpsr = 0;
        f->p.st.pc = CODE;
        if (emu_cpu_run(f->cpu, &f->p, 1) != EMU_LIMIT)
            fail_msg("%s: lane %u: the CPU engine stopped", what, j);
        raised |= (uint32_t)f->p.st.fpsr;
        for (unsigned r = 0; r < A64_REG_SINK; r++) {
            uint64_t w = writes && r == in->rd ? f->p.st.x[r] : before[r][j];
            if (ws->v[r][j] != w)
                fail_msg("%s: lane %u of %u: row x%u = 0x%llx vs 0x%llx", what, j, cnt, r,
                         (unsigned long long)ws->v[r][j], (unsigned long long)w);
        }
        for (unsigned k = 0; k < 64; k++)
            if (ws->vf[j][k] != f->p.st.v[k])
                fail_msg("%s: lane %u of %u: v%u.%s = 0x%llx vs 0x%llx", what, j, cnt, k / 2, k & 1 ? "hi" : "lo",
                         (unsigned long long)ws->vf[j][k], (unsigned long long)f->p.st.v[k]);
        uint32_t wf = sets ? (uint32_t)f->p.st.nzcv : flags_before[j];
        if (ws->nzcv[j] != wf)
            fail_msg("%s: lane %u of %u: flags 0x%x vs 0x%x", what, j, cnt, ws->nzcv[j], wf);
    }
    if (ws->fpsr != raised)
        fail_msg("%s: FPSR bits 0x%x vs 0x%x", what, ws->fpsr, raised);
}

/* The FP/SIMD loads and stores the lane executor takes (emu_loop.c, simd_taken). */
static int lane_simd_mem_op(unsigned op)
{
    return op == A64_OP_LDR_V_IMM || op == A64_OP_LDR_V_REG || op == A64_OP_LDR_V_LIT || op == A64_OP_LDP_V ||
           op == A64_OP_STR_V_IMM || op == A64_OP_STR_V_REG || op == A64_OP_STP_V;
}

/* One of those on the lane executor, one lane with the trial's state st, when the CPU engine ran
 * it (cpu_v: its V registers after): the V registers a load writes, or the memory a store leaves
 * from the same start `pre`, must be the CPU engine's. 1 if it was checked. */
static int lane_simd_memory_check(struct fix *f, const struct a64_insn *in, const struct emu_state *st,
                                  const uint64_t *cpu_v, uint8_t *pre, const uint8_t *cpu_mem, const char *what)
{
    struct emu_loop_ws *ws = f->ws;
    struct exec_in xv = {st->x[in->rn], st->x[in->rm], 0, 0, 0, 0};
    uint64_t a, wb;
    uint32_t len = simd_mem_addr(in, CODE, xv, &a, &wb);
    if ((in->flags & A64_P_STORE) && (a < SCRATCH || a + len > SCRATCH + SCRATCH_SIZE))
        return 0;
    memcpy(ws->vf[0], st->v, sizeof ws->vf[0]);
    if (!(in->flags & A64_P_STORE)) {
        emu_loop_lane_insn(in, CODE, ws, 1, f->p.mem.host, a, 0);
        if (memcmp(ws->vf[0], cpu_v, sizeof ws->vf[0]))
            fail_msg("%s: the lane executor's load differs", what);
        return 1;
    }
    emu_loop_lane_insn(in, CODE, ws, 1, pre, a - SCRATCH, 0);
    if (memcmp(pre, cpu_mem, SCRATCH_SIZE))
        fail_msg("%s: the lane executor's store differs", what);
    return 1;
}

/* The operations with a half-precision scalar form (FEAT_FP16): the scalar FP lines but FCVT (the
 * base architecture's), FRINT32/64 and FJCVTZS, and the FMOVs (register, general, immediate). */
static int has_half_form(unsigned op)
{
    if (op == A64_OP_FMOV_V || op == A64_OP_FMOV_TOV || op == A64_OP_FMOV_FROMV || op == A64_OP_MOVI_V)
        return 1;
    return op >= A64_OP_FABS_S && op <= A64_OP_FJCVTZS_S && op != A64_OP_FCVT_S && op != A64_OP_FJCVTZS_S &&
           (op < A64_OP_FRINT32Z_S || op > A64_OP_FRINT64X_S);
}

static void test_exec_diff(void **state)
{
    struct fix *f = *state;
    struct emu_proc *p = &f->p;
    const char *seed = getenv("TEMU_SEED"), *trials_env = getenv("TEMU_DIFF_TRIALS");
    rng = seed ? strtoull(seed, NULL, 0) : 0x5eed0fd1ffull;
    uint64_t trials = trials_env ? strtoull(trials_env, NULL, 0) : 100000;
    static uint64_t per_op[A64_OP_COUNT], per_lane_op[A64_OP_COUNT], per_half_op[A64_OP_COUNT];
    uint8_t scratch[SCRATCH_SIZE + 4096], pre[SCRATCH_SIZE + 4096];
    for (uint64_t t = 0; t < trials; t++) {
        /* The same random start on both sides. */
        struct emu_state st;
        memset(&st, 0, sizeof st);
        for (int r = 0; r < 32; r++)
            st.x[r] = rnd() % 3 ? random_value() : SCRATCH + (rnd() % SCRATCH_SIZE);
        st.nzcv = (rnd() & 15) << 28;
        st.tpidr = random_value();
        st.fpcr = rnd() & 0x07c89f00; /* AHP DN FZ RMode FZ16, the trap enables */
        st.fpsr = rnd() & 0x0800009f;
        st.excl_valid = rnd() & 1;
        st.excl_addr = SCRATCH + ((rnd() % SCRATCH_SIZE) & ~7ull);
        for (int k = 0; k < 64; k++)
            st.v[k] = random_value();
        struct a64_insn in;
        uint32_t word = random_insn(&st, &in);
        st.x[A64_REG_ZR] = 0;
        st.pc = CODE;
        for (uint64_t i = 0; i < SCRATCH_SIZE; i += 8) {
            uint64_t v = random_value();
            emu_mem_poke(&p->mem, SCRATCH + i, &v, 8);
        }
        if ((in.op == A64_OP_CAS || in.op == A64_OP_CASP) && rnd() % 2) {
            /* Half the CAS compare what memory holds (bits above the element random), so both
             * outcomes occur. */
            uint64_t v[2] = {0, 0};
            unsigned n = 1u << in.size;
            uint8_t buf[16];
            if (emu_mem_peek(&p->mem, st.x[in.rn], buf, 2 * n) == 0) {
                memcpy(&v[0], buf, n);
                memcpy(&v[1], buf + n, n);
                uint64_t hi = n == 8 ? 0 : random_value() & ~emu_alu_ones(8 * n);
                if (in.rd < 31)
                    st.x[in.rd] = v[0] | hi;
                if (in.op == A64_OP_CASP && in.ra < 31)
                    st.x[in.ra] = v[1] | hi;
            }
        }
        emu_mem_poke(&p->mem, CODE, &word, 4);
        dev_map(f->dev, p);

        /* The kernels' semantics. */
        ulong r[GPU_NUM_SLOTS + 1] = {0};
        for (int s = 0; s < 32; s++)
            r[s] = st.x[s];
        r[A64_REG_ZR] = 0;
        r[GPU_SLOT_NZCV] = st.nzcv;
        ulong sys[SYS_COUNT] = {st.tpidr, st.fpcr, st.fpsr, st.excl_addr, st.excl_valid};
        struct guest_mem gm = {f->dev->pt, NPAGES, f->dev->pool, f->dev->code};
        ulong target = 0;
        struct exec_stop info = {0, 0};
        ulong vf[64];
        memcpy(vf, st.v, sizeof vf);
        uint res = (in.flags & A64_P_SIMD) ? simd_lane_exec(&in, CODE, r, vf, gm, sys, &info)
                                           : lane_exec(&in, CODE, r, gm, sys, 0, &target, &info);

        /* The CPU engine, one instruction. */
        emu_mem_peek(&p->mem, SCRATCH, pre, sizeof pre);
        p->st = st;
        p->mem.fault_addr = 0;
        enum emu_status s = emu_cpu_run(f->cpu, p, 1);

        char what[160];
        snprintf(what, sizeof what, "trial %llu: %08x (%s)", (unsigned long long)t, word, a64_op_name(in.op));
        per_op[in.op]++;
        /* the scalar FP space (bit 30 clear, 28:25 set), ftype 11, half-precision operands */
        per_half_op[in.op] += (word & 0x5ec00000u) == 0x1ec00000u && in.size == 1;
        if (res == EXEC_FAULT || res == EXEC_UNDEF) {
            if (s != (res == EXEC_FAULT ? EMU_FAULT : EMU_UNDEF))
                fail_msg("%s: kernels stop with %u, CPU engine with %d", what, res, (int)s);
            if (res == EXEC_FAULT && info.addr != p->mem.fault_addr)
                fail_msg("%s: fault at 0x%llx vs 0x%llx", what, (unsigned long long)info.addr,
                         (unsigned long long)p->mem.fault_addr);
            /* Nothing of it happened, on either side. */
            for (int x = 0; x < 32; x++)
                if (r[x] != st.x[x] || p->st.x[x] != st.x[x])
                    fail_msg("%s: x%d changed by a stopped instruction", what, x);
            if (memcmp(vf, st.v, sizeof vf) || memcmp(p->st.v, st.v, sizeof vf))
                fail_msg("%s: a V register changed by a stopped instruction", what);
            continue;
        }
        if (s != EMU_LIMIT)
            fail_msg("%s: the kernels ran it, the CPU engine stopped with %d (%s)", what, (int)s, p->err);
        ulong next = (in.flags & A64_P_BRANCH) ? target : CODE + 4;
        if (next != p->st.pc)
            fail_msg("%s: next pc 0x%llx vs 0x%llx", what, (unsigned long long)next, (unsigned long long)p->st.pc);
        for (int x = 0; x < 32; x++)
            if (r[x] != p->st.x[x])
                fail_msg("%s: x%d = 0x%llx vs 0x%llx", what, x, (unsigned long long)r[x],
                         (unsigned long long)p->st.x[x]);
        for (int k = 0; k < 64; k++)
            if (vf[k] != p->st.v[k])
                fail_msg("%s: v%d.%s = 0x%llx vs 0x%llx", what, k / 2, k & 1 ? "hi" : "lo",
                         (unsigned long long)vf[k], (unsigned long long)p->st.v[k]);
        if (r[GPU_SLOT_NZCV] != p->st.nzcv)
            fail_msg("%s: nzcv 0x%llx vs 0x%llx", what, (unsigned long long)r[GPU_SLOT_NZCV],
                     (unsigned long long)p->st.nzcv);
        if (sys[SYS_TPIDR] != p->st.tpidr || sys[SYS_FPCR] != p->st.fpcr || sys[SYS_FPSR] != p->st.fpsr)
            fail_msg("%s: system registers differ", what);
        if (sys[SYS_EXCL_VALID] != p->st.excl_valid || (p->st.excl_valid && sys[SYS_EXCL_ADDR] != p->st.excl_addr))
            fail_msg("%s: exclusive monitor differs", what);
        for (uint64_t pg = SCRATCH >> 12; pg < (RO_PAGE >> 12) + 1; pg++) {
            uint64_t o = (pg << 12) - SCRATCH;
            emu_mem_peek(&p->mem, pg << 12, scratch + o, 4096);
            const uint8_t *dev = f->dev->pool + ((uint64_t)(f->dev->pt[pg] >> GPU_PTE_FRAME_SHIFT) << 12);
            if (memcmp(dev, scratch + o, 4096))
                fail_msg("%s: memory differs on page 0x%llx", what, (unsigned long long)(pg << 12));
        }

        /* The loop lane executor, on what it takes. */
        uint64_t cpu0[A64_NUM_REGS];
        memcpy(cpu0, p->st.x, sizeof cpu0);
        unsigned lane = emu_loop_op_lane(in.op);
        if (lane == A64_LANE_LV || ((in.flags & A64_P_SIMD) && !(in.flags & (A64_P_LOAD | A64_P_STORE)))) {
            lane_value_check(f, &in, &st, what);
            per_lane_op[in.op]++;
        } else if (lane_simd_mem_op(in.op)) {
            per_lane_op[in.op] += lane_simd_memory_check(f, &in, &st, p->st.v, pre, scratch, what);
        } else if (lane == A64_LANE_LM) {
            per_lane_op[in.op] += lane_memory_check(f, &in, &st, cpu0, pre, scratch, what);
        }
    }
    /* Coverage: every operation the decoder gives random words must have been compared. */
    unsigned covered = 0, total = 0;
    for (unsigned op = 0; op < A64_OP_COUNT; op++) {
        if (op == A64_OP_UNDEF || op == A64_OP_SVC)
            continue;
        total++;
        covered += per_op[op] > 0;
        if (!per_op[op])
            printf("not reached: %s\n", a64_op_name(op));
    }
    printf("%llu instructions compared, %u of %u operations\n", (unsigned long long)trials, covered, total);
    /* The lane executor: every operation it computes; the loads and stores that fell in bounds. */
    unsigned lane_covered = 0, lane_total = 0;
    for (unsigned op = 0; op < A64_OP_COUNT; op++) {
        unsigned lane = emu_loop_op_lane(op);
        int simd = (a64_op_props(op) & A64_P_SIMD) &&
                   (lane_simd_mem_op(op) || !(a64_op_props(op) & (A64_P_LOAD | A64_P_STORE)));
        if (lane != A64_LANE_LV && lane != A64_LANE_LM && !simd)
            continue;
        lane_total++;
        lane_covered += per_lane_op[op] > 0;
        if (!per_lane_op[op])
            printf("not reached on the lane executor: %s\n", a64_op_name(op));
        else if (lane == A64_LANE_LM)
            printf("lane executor: %s %llu times\n", a64_op_name(op), (unsigned long long)per_lane_op[op]);
    }
    printf("lane executor: %u of %u operations\n", lane_covered, lane_total);
    /* FEAT_FP16: every scalar FP operation with a half-precision form, in that form */
    unsigned half_covered = 0, half_total = 0;
    for (unsigned op = 0; op < A64_OP_COUNT; op++) {
        if (!has_half_form(op))
            continue;
        half_total++;
        half_covered += per_half_op[op] > 0;
        if (!per_half_op[op])
            printf("not reached in half precision: %s\n", a64_op_name(op));
    }
    printf("half precision: %u of %u operations\n", half_covered, half_total);
    if (trials >= 100000) {
        assert_int_equal(covered, total);
        assert_int_equal(half_covered, half_total);
        for (unsigned op = 0; op < A64_OP_COUNT; op++)
            if (emu_loop_op_lane(op) == A64_LANE_LV ||
                ((a64_op_props(op) & A64_P_SIMD) && !(a64_op_props(op) & (A64_P_LOAD | A64_P_STORE))))
                assert_true(per_lane_op[op] > 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_exec_diff, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
