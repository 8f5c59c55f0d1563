/* test_lockstep.c: the CPU engine against Unicorn 2 on random code.
 *
 * Each round builds a short block of random instructions, drawn per encoding class from a table
 * of (fixed bits, random bits) with forward branches mixed in, loads a random register state
 * (edge values such as 0, -1, INT_MIN, 0xffffffff included) and runs the block on both temu and
 * Unicorn; then x0..x30, sp, NZCV and the scratch memory must agree. Words temu's decoder calls
 * UNDEF are skipped. Memory instructions always use x28 as the base, which points into a mapped
 * scratch region, and register offsets use x27, which holds a small value; no instruction may
 * write x27 or x28 other than by base writeback, and writeback offsets are multiples of 16 (FP/SIMD
 * structure loads and stores too: by their size, never by x27) so that the base stays aligned for the exclusives and the atomics (Unicorn's, like QEMU's, may fault on
 * an unaligned one; temu's never do, docs/quirks.md). Half the CAS and CASP get a load of their
 * compare registers from [x28] just before, so that both outcomes occur. Unicorn runs the "max"
 * CPU model, which has FEAT_LSE and FEAT_LRCPC. Blocks end at a `udf`: temu stops there with
 * EMU_UNDEF, Unicorn at its `until` address.
 *
 * Scalar FP: V registers start with FP edge values (signed zeros, infinities, quiet and signalling
 * NaNs, denormals, extreme normals, integer boundaries) in their D, S and H lanes, and three
 * blocks in four run under a random FPCR (rounding mode, FZ, DN, AHP, FZ16); V registers, FPCR
 * and FPSR are compared after every block.
 *
 * TEMU_SEED=n replays a run; TEMU_LOCKSTEP_INSNS=n changes its length (default 200000). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_rand.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicorn/unicorn.h>

#include "a64_decode.h"
#include "emu_cpu.h"
#include "emu_proc.h"
#define SIMD_VF /* host memory */
#include "exec_simd.h"

#define MEM_SIZE (16ull << 20)
#define CODE ((uint64_t)0x100000)
#define CODE_SIZE 0x10000ull
#define SCRATCH ((uint64_t)0x200000)
#define SCRATCH_SIZE 0x10000ull
#define BASE_REG 28
#define INDEX_REG 27
#define MAX_BLOCK 24

static uint64_t rng_state;

static uint64_t rnd(void)
{
    return test_rand_next(&rng_state);
}

/* Encoding classes: word = fixed | (random & mask). Rn is fixed to x28 (bits 9:5 = 0x380) in
 * the memory classes; immediates there are narrowed to keep addresses in the scratch region. */
struct enc_class {
    uint32_t fixed, mask;
    unsigned weight;
    const char *name;
};

#define RN28 (28u << 5)
#define RM27 (27u << 16)

static const struct enc_class classes[] = {
    {0x11000000, 0xe07fffff, 6, "add/sub immediate"},
    {0x12000000, 0xe07fffff, 4, "logical immediate"},
    {0x12800000, 0xe07fffff, 3, "move wide"},
    {0x13000000, 0xe07fffff, 5, "bitfield"},
    {0x13800000, 0x805fffff, 2, "extract"},
    {0x10000000, 0xe0ffffff, 1, "adr/adrp"},
    {0x0a000000, 0xe0ffffff, 5, "logical shifted register"},
    {0x0b000000, 0xe0dfffff, 6, "add/sub shifted register"},
    {0x0b200000, 0xe01fffff, 3, "add/sub extended register"},
    {0x1a000000, 0xe01f03ff, 3, "adc/sbc"},
    {0x3a400000, 0xc01ff3ef, 3, "ccmp/ccmn register"},
    {0x3a400800, 0xc01ff3ef, 3, "ccmp/ccmn immediate"},
    {0x1a800000, 0xc01ff7ff, 5, "conditional select"},
    {0x5ac00000, 0x80001fff, 2, "data processing 1 source"},
    {0x1ac00000, 0x801f3fff, 3, "data processing 2 source"},
    {0x1b000000, 0x80ffffff, 3, "data processing 3 source"},
    {0x39000000 | RN28, 0xc0c1fc1f, 4, "load/store unsigned offset"},
    {0x38000000 | RN28, 0xc0c1f01f, 3, "load/store unscaled"},
    {0x38000400 | RN28, 0xc0df001f, 2, "load/store post-index"},
    {0x38000c00 | RN28, 0xc0df001f, 2, "load/store pre-index"},
    {0x38200800 | RN28 | RM27, 0xc0c0f01f, 3, "load/store register offset"},
    {0x28000000 | RN28, 0xc1fe7c1f, 4, "load/store pair"},
    {0x18000000, 0xc0001fff, 1, "load literal"},
    {0x08007c00 | RN28, 0xc0ff801f, 2, "load/store exclusive, acquire/release"},
    {0x38200000 | RN28, 0xc0dff01f, 3, "atomic memory operations (LSE), LDAPR"},
    {0x38bfc000 | RN28, 0xc000001f, 1, "LDAPR"},
    {0x08a07c00 | RN28, 0xc05f801f, 2, "compare and swap (LSE)"},
    {0x08207c00 | RN28, 0x405f801f, 1, "compare and swap pair (LSE)"},
    {0x19000000 | RN28, 0xc0c1f01f, 1, "LDAPUR/STLUR (RCpc unscaled)"},
    {0xd53b4200, 0x0000001f, 1, "mrs nzcv"},
    {0xd51b4200, 0x0000001f, 1, "msr nzcv"},
    {0xd503201f, 0x00000000, 1, "nop"},
    /* FP/SIMD (decode/a64_decode_simd.inc): memory aimed at the scratch region, then one class per
     * decoder line of the rest */
    {0x3d000000 | RN28, 0xc0c1fc1f, 3, "FP/SIMD load/store unsigned offset"},
    {0x3c000000 | RN28, 0xc0c1f01f, 2, "FP/SIMD load/store unscaled"},
    {0x3c000400 | RN28, 0xc0df001f, 2, "FP/SIMD load/store post-index"},
    {0x3c000c00 | RN28, 0xc0df001f, 2, "FP/SIMD load/store pre-index"},
    {0x3c200800 | RN28 | RM27, 0xc0c0f01f, 2, "FP/SIMD load/store register offset"},
    {0x2c000000 | RN28, 0xc1fe7c1f, 3, "FP/SIMD load/store pair"},
    {0x1c000000, 0xc0001fff, 1, "FP/SIMD load literal"},
    {0x0c000000 | RN28, 0x4040fc1f, 2, "LD1/ST1 multiple structures"},
    {0x0c800000 | RN28 | (31u << 16), 0x4040fc1f, 1, "LD1/ST1 multiple structures, post-index"},
    {0x0c800000 | RN28 | RM27, 0x4040fc1f, 1, "LD1/ST1 multiple structures, post-index register"},
    {0x0d40c000 | RN28, 0x40000c1f, 1, "LD1R"},
    {0x1e204000, 0x00c003ff, 1, "FP/SIMD FMOV_V"},
    {0x1e260000, 0x000003ff, 1, "FP/SIMD FMOV_FROMV"},
    {0x1e270000, 0x000003ff, 1, "FP/SIMD FMOV_TOV"},
    {0x9e660000, 0x000003ff, 1, "FP/SIMD FMOV_FROMV"},
    {0x9e670000, 0x000003ff, 1, "FP/SIMD FMOV_TOV"},
    {0x9eae0000, 0x000003ff, 1, "FP/SIMD FMOV_FROMV"},
    {0x9eaf0000, 0x000003ff, 1, "FP/SIMD FMOV_TOV1"},
    {0x1ee60000, 0x800003ff, 1, "FP/SIMD FMOV_FROMV (from H, FEAT_FP16)"},
    {0x1ee70000, 0x800003ff, 1, "FP/SIMD FMOV_TOV (to H, FEAT_FP16)"},
    {0x1e201000, 0x00dfe01f, 1, "FP/SIMD MOVI_V"},
    {0x0f000400, 0x6007f3ff, 1, "FP/SIMD MOVI_V"},
    {0x0e000c00, 0x401f03ff, 1, "FP/SIMD DUP_GEN"},
    {0x0e000400, 0x401f03ff, 1, "FP/SIMD DUP_ELEM"},
    {0x4e001c00, 0x001f03ff, 1, "FP/SIMD INS_GEN"},
    {0x6e000400, 0x001f7bff, 1, "FP/SIMD INS_ELEM"},
    {0x0e003c00, 0x401f03ff, 1, "FP/SIMD FMOV_FROMV"},
    {0x0e002c00, 0x401f03ff, 1, "FP/SIMD SMOV"},
    {0x0e201c00, 0x401f03ff, 1, "FP/SIMD AND_V"},
    {0x0e601c00, 0x401f03ff, 1, "FP/SIMD BIC_V"},
    {0x0ea01c00, 0x401f03ff, 1, "FP/SIMD ORR_V"},
    {0x0ee01c00, 0x401f03ff, 1, "FP/SIMD ORN_V"},
    {0x2e201c00, 0x401f03ff, 1, "FP/SIMD EOR_V"},
    {0x2e601c00, 0x401f03ff, 1, "FP/SIMD BSL_V"},
    {0x2ea01c00, 0x401f03ff, 1, "FP/SIMD BIT_V"},
    {0x2ee01c00, 0x401f03ff, 1, "FP/SIMD BIF_V"},
    {0x0e208400, 0x40df03ff, 1, "FP/SIMD ADD_V"},
    {0x2e208400, 0x40df03ff, 1, "FP/SIMD SUB_V"},
    {0x0e208c00, 0x40df03ff, 1, "FP/SIMD CMTST_V"},
    {0x2e208c00, 0x40df03ff, 1, "FP/SIMD CMEQ_V"},
    {0x0e203400, 0x40df03ff, 1, "FP/SIMD CMGT_V"},
    {0x2e203400, 0x40df03ff, 1, "FP/SIMD CMHI_V"},
    {0x0e203c00, 0x40df03ff, 1, "FP/SIMD CMGE_V"},
    {0x2e203c00, 0x40df03ff, 1, "FP/SIMD CMHS_V"},
    {0x0e20bc00, 0x40df03ff, 1, "FP/SIMD ADDP_V"},
    {0x2e206400, 0x40df03ff, 1, "FP/SIMD UMAX_V"},
    {0x2e206c00, 0x40df03ff, 1, "FP/SIMD UMIN_V"},
    {0x0e206400, 0x40df03ff, 1, "FP/SIMD SMAX_V"},
    {0x0e206c00, 0x40df03ff, 1, "FP/SIMD SMIN_V"},
    {0x2e20a400, 0x40df03ff, 1, "FP/SIMD UMAXP_V"},
    {0x2e20ac00, 0x40df03ff, 1, "FP/SIMD UMINP_V"},
    {0x0e209800, 0x40c003ff, 1, "FP/SIMD CMEQZ_V"},
    {0x0e208800, 0x40c003ff, 1, "FP/SIMD CMGTZ_V"},
    {0x2e208800, 0x40c003ff, 1, "FP/SIMD CMGEZ_V"},
    {0x2e209800, 0x40c003ff, 1, "FP/SIMD CMLEZ_V"},
    {0x0e20a800, 0x40c003ff, 1, "FP/SIMD CMLTZ_V"},
    {0x2e205800, 0x400003ff, 1, "FP/SIMD NOT_V"},
    {0x0e205800, 0x400003ff, 1, "FP/SIMD CNT_V"},
    {0x0e200800, 0x40c003ff, 1, "FP/SIMD REV64_V"},
    {0x2e200800, 0x40c003ff, 1, "FP/SIMD REV32_V"},
    {0x0e201800, 0x400003ff, 1, "FP/SIMD REV16_V"},
    {0x0e212800, 0x40c003ff, 1, "FP/SIMD XTN_V"},
    {0x0e31b800, 0x40c003ff, 1, "FP/SIMD ADDV_V"},
    {0x2e30a800, 0x40c003ff, 1, "FP/SIMD UMAXV_V"},
    {0x2e31a800, 0x40c003ff, 1, "FP/SIMD UMINV_V"},
    {0x0e30a800, 0x40c003ff, 1, "FP/SIMD SMAXV_V"},
    {0x0e31a800, 0x40c003ff, 1, "FP/SIMD SMINV_V"},
    {0x2f000400, 0x407f03ff, 1, "FP/SIMD USHR_V"},
    {0x0f000400, 0x407f03ff, 1, "FP/SIMD SSHR_V"},
    {0x0f005400, 0x407f03ff, 1, "FP/SIMD SHL_V"},
    {0x0f008400, 0x407f03ff, 1, "FP/SIMD SHRN_V"},
    {0x2e000000, 0x401f7bff, 1, "FP/SIMD EXT_V"},
    {0x0e001800, 0x40df03ff, 1, "FP/SIMD UZP1_V"},
    {0x0e002800, 0x40df03ff, 1, "FP/SIMD TRN1_V"},
    {0x0e003800, 0x40df03ff, 1, "FP/SIMD ZIP1_V"},
    {0x0e005800, 0x40df03ff, 1, "FP/SIMD UZP2_V"},
    {0x0e006800, 0x40df03ff, 1, "FP/SIMD TRN2_V"},
    {0x0e007800, 0x40df03ff, 1, "FP/SIMD ZIP2_V"},
    {0x0e209c00, 0x40df03ff, 1, "FP/SIMD MUL_V"},
    {0x0e209400, 0x40df03ff, 1, "FP/SIMD MLA_V"},
    {0x2e209400, 0x40df03ff, 1, "FP/SIMD MLS_V"},
    {0x2e200000, 0x40df03ff, 1, "FP/SIMD UADDL_V"},
    {0x0e200000, 0x40df03ff, 1, "FP/SIMD SADDL_V"},
    {0x2e201000, 0x40df03ff, 1, "FP/SIMD UADDW_V"},
    {0x0e201000, 0x40df03ff, 1, "FP/SIMD SADDW_V"},
    {0x2e20c000, 0x40df03ff, 1, "FP/SIMD UMULL_V"},
    {0x0e20c000, 0x40df03ff, 1, "FP/SIMD SMULL_V"},
    {0x2f00a400, 0x407f03ff, 1, "FP/SIMD USHLL_V"},
    {0x0f00a400, 0x407f03ff, 1, "FP/SIMD SSHLL_V"},
    {0x2e303800, 0x40c003ff, 1, "FP/SIMD UADDLV_V"},
    {0x0e303800, 0x40c003ff, 1, "FP/SIMD SADDLV_V"},
    {0x5eb1b800, 0x004003ff, 1, "FP/SIMD ADDP_S"},
    {0x2f001400, 0x407f03ff, 1, "FP/SIMD USRA_V"},
    {0x0f001400, 0x407f03ff, 1, "FP/SIMD SSRA_V"},
    {0x0e000000, 0x401f63ff, 1, "FP/SIMD TBL_V"},
    {0x0e001000, 0x401f63ff, 1, "FP/SIMD TBX_V"},
    /* scalar FP arithmetic (decode/a64_decode_fp.inc): one class per decoder line, every field
     * random (half precision outside FCVT decodes UNDEF and is skipped) */
    {0x1e20c000, 0x00c003ff, 3, "FP FABS_S"},
    {0x1e214000, 0x00c003ff, 3, "FP FNEG_S"},
    {0x1e21c000, 0x00c003ff, 3, "FP FSQRT_S"},
    {0x1e224000, 0x00c183ff, 3, "FP FCVT_S"},
    {0x1e244000, 0x00c003ff, 3, "FP FRINTN_S"},
    {0x1e24c000, 0x00c003ff, 3, "FP FRINTP_S"},
    {0x1e254000, 0x00c003ff, 3, "FP FRINTM_S"},
    {0x1e25c000, 0x00c003ff, 3, "FP FRINTZ_S"},
    {0x1e264000, 0x00c003ff, 3, "FP FRINTA_S"},
    {0x1e274000, 0x00c003ff, 3, "FP FRINTX_S"},
    {0x1e27c000, 0x00c003ff, 3, "FP FRINTI_S"},
    {0x1e284000, 0x00c003ff, 3, "FP FRINT32Z_S"},
    {0x1e28c000, 0x00c003ff, 3, "FP FRINT32X_S"},
    {0x1e294000, 0x00c003ff, 3, "FP FRINT64Z_S"},
    {0x1e29c000, 0x00c003ff, 3, "FP FRINT64X_S"},
    {0x1e200800, 0x00df03ff, 3, "FP FMUL_S"},
    {0x1e201800, 0x00df03ff, 3, "FP FDIV_S"},
    {0x1e202800, 0x00df03ff, 3, "FP FADD_S"},
    {0x1e203800, 0x00df03ff, 3, "FP FSUB_S"},
    {0x1e204800, 0x00df03ff, 3, "FP FMAX_S"},
    {0x1e205800, 0x00df03ff, 3, "FP FMIN_S"},
    {0x1e206800, 0x00df03ff, 3, "FP FMAXNM_S"},
    {0x1e207800, 0x00df03ff, 3, "FP FMINNM_S"},
    {0x1e208800, 0x00df03ff, 3, "FP FNMUL_S"},
    {0x1f000000, 0x00df7fff, 3, "FP FMADD_S"},
    {0x1f008000, 0x00df7fff, 3, "FP FMSUB_S"},
    {0x1f200000, 0x00df7fff, 3, "FP FNMADD_S"},
    {0x1f208000, 0x00df7fff, 3, "FP FNMSUB_S"},
    {0x1e202000, 0x00df03e0, 3, "FP FCMP_S"},
    {0x1e202008, 0x00df03e0, 3, "FP FCMPZ_S"},
    {0x1e202010, 0x00df03e0, 3, "FP FCMPE_S"},
    {0x1e202018, 0x00df03e0, 3, "FP FCMPEZ_S"},
    {0x1e200400, 0x00dff3ef, 3, "FP FCCMP_S"},
    {0x1e200410, 0x00dff3ef, 3, "FP FCCMPE_S"},
    {0x1e200c00, 0x00dff3ff, 3, "FP FCSEL_S"},
    {0x1e200000, 0x80c003ff, 3, "FP FCVTNS_S"},
    {0x1e210000, 0x80c003ff, 3, "FP FCVTNU_S"},
    {0x1e220000, 0x80c003ff, 3, "FP SCVTF_S"},
    {0x1e230000, 0x80c003ff, 3, "FP UCVTF_S"},
    {0x1e240000, 0x80c003ff, 3, "FP FCVTAS_S"},
    {0x1e250000, 0x80c003ff, 3, "FP FCVTAU_S"},
    {0x1e280000, 0x80c003ff, 3, "FP FCVTPS_S"},
    {0x1e290000, 0x80c003ff, 3, "FP FCVTPU_S"},
    {0x1e300000, 0x80c003ff, 3, "FP FCVTMS_S"},
    {0x1e310000, 0x80c003ff, 3, "FP FCVTMU_S"},
    {0x1e380000, 0x80c003ff, 3, "FP FCVTZS_S"},
    {0x1e390000, 0x80c003ff, 3, "FP FCVTZU_S"},
    {0x1e7e0000, 0x000003ff, 3, "FP FJCVTZS_S"},
    {0x1e020000, 0x80c0ffff, 3, "FP SCVTF_S"},
    {0x1e030000, 0x80c0ffff, 3, "FP UCVTF_S"},
    {0x1e180000, 0x80c0ffff, 3, "FP FCVTZS_S"},
    {0x1e190000, 0x80c0ffff, 3, "FP FCVTZU_S"},
    /* A64_OPS_SIMD2 (decode/a64_decode_simd2.inc): structure loads/stores aimed at the scratch region */
    {0x0c000000 | RN28, 0x40000c1f, 1, "FP/SIMD STN_M"},
    {0x0c004000 | RN28, 0x40000c1f, 1, "FP/SIMD STN_M"},
    {0x0c008000 | RN28, 0x40000c1f, 1, "FP/SIMD STN_M"},
    {0x0c400000 | RN28, 0x40000c1f, 1, "FP/SIMD LDN_M"},
    {0x0c404000 | RN28, 0x40000c1f, 1, "FP/SIMD LDN_M"},
    {0x0c408000 | RN28, 0x40000c1f, 1, "FP/SIMD LDN_M"},
    {0x0c800000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD STN_M, post-index"},
    {0x0c804000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD STN_M, post-index"},
    {0x0c808000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD STN_M, post-index"},
    {0x0cc00000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD LDN_M, post-index"},
    {0x0cc04000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD LDN_M, post-index"},
    {0x0cc08000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD LDN_M, post-index"},
    {0x0d000000 | RN28, 0x40203c1f, 1, "FP/SIMD STS_V"},
    {0x0d004000 | RN28, 0x40203c1f, 1, "FP/SIMD STS_V"},
    {0x0d008000 | RN28, 0x40203c1f, 1, "FP/SIMD STS_V"},
    {0x0d400000 | RN28, 0x40203c1f, 1, "FP/SIMD LDS_V"},
    {0x0d404000 | RN28, 0x40203c1f, 1, "FP/SIMD LDS_V"},
    {0x0d408000 | RN28, 0x40203c1f, 1, "FP/SIMD LDS_V"},
    {0x0d800000 | RN28 | (31u << 16), 0x40203c1f, 1, "FP/SIMD STS_V, post-index"},
    {0x0d804000 | RN28 | (31u << 16), 0x40203c1f, 1, "FP/SIMD STS_V, post-index"},
    {0x0d808000 | RN28 | (31u << 16), 0x40203c1f, 1, "FP/SIMD STS_V, post-index"},
    {0x0dc00000 | RN28 | (31u << 16), 0x40203c1f, 1, "FP/SIMD LDS_V, post-index"},
    {0x0dc04000 | RN28 | (31u << 16), 0x40203c1f, 1, "FP/SIMD LDS_V, post-index"},
    {0x0dc08000 | RN28 | (31u << 16), 0x40203c1f, 1, "FP/SIMD LDS_V, post-index"},
    {0x0d60c000 | RN28, 0x40000c1f, 1, "FP/SIMD LDNR"},
    {0x0d40e000 | RN28, 0x40000c1f, 1, "FP/SIMD LDNR"},
    {0x0d60e000 | RN28, 0x40000c1f, 1, "FP/SIMD LDNR"},
    {0x0de0c000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD LDNR, post-index"},
    {0x0dc0e000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD LDNR, post-index"},
    {0x0de0e000 | RN28 | (31u << 16), 0x40000c1f, 1, "FP/SIMD LDNR, post-index"},
    {0x0e200400, 0x40df03ff, 1, "FP/SIMD SHADD_V"},
    {0x2e200400, 0x40df03ff, 1, "FP/SIMD UHADD_V"},
    {0x0e200c00, 0x40df03ff, 1, "FP/SIMD SQADD_V"},
    {0x2e200c00, 0x40df03ff, 1, "FP/SIMD UQADD_V"},
    {0x0e201400, 0x40df03ff, 1, "FP/SIMD SRHADD_V"},
    {0x2e201400, 0x40df03ff, 1, "FP/SIMD URHADD_V"},
    {0x0e202400, 0x40df03ff, 1, "FP/SIMD SHSUB_V"},
    {0x2e202400, 0x40df03ff, 1, "FP/SIMD UHSUB_V"},
    {0x0e202c00, 0x40df03ff, 1, "FP/SIMD SQSUB_V"},
    {0x2e202c00, 0x40df03ff, 1, "FP/SIMD UQSUB_V"},
    {0x0e204400, 0x40df03ff, 1, "FP/SIMD SSHL_V"},
    {0x2e204400, 0x40df03ff, 1, "FP/SIMD USHL_V"},
    {0x0e205400, 0x40df03ff, 1, "FP/SIMD SRSHL_V"},
    {0x2e205400, 0x40df03ff, 1, "FP/SIMD URSHL_V"},
    {0x0e207400, 0x40df03ff, 1, "FP/SIMD SABD_V"},
    {0x2e207400, 0x40df03ff, 1, "FP/SIMD UABD_V"},
    {0x0e207c00, 0x40df03ff, 1, "FP/SIMD SABA_V"},
    {0x2e207c00, 0x40df03ff, 1, "FP/SIMD UABA_V"},
    {0x2e209c00, 0x40df03ff, 1, "FP/SIMD PMUL_V"},
    {0x0e20a400, 0x40df03ff, 1, "FP/SIMD SMAXP_V"},
    {0x0e20ac00, 0x40df03ff, 1, "FP/SIMD SMINP_V"},
    {0x0e20b400, 0x40df03ff, 1, "FP/SIMD SQDMULH_V"},
    {0x2e20b400, 0x40df03ff, 1, "FP/SIMD SQRDMULH_V"},
    {0x5e200c00, 0x00df03ff, 1, "FP/SIMD SQADD_V"},
    {0x7e200c00, 0x00df03ff, 1, "FP/SIMD UQADD_V"},
    {0x5e202c00, 0x00df03ff, 1, "FP/SIMD SQSUB_V"},
    {0x7e202c00, 0x00df03ff, 1, "FP/SIMD UQSUB_V"},
    {0x5e203400, 0x00df03ff, 1, "FP/SIMD CMGT_V"},
    {0x7e203400, 0x00df03ff, 1, "FP/SIMD CMHI_V"},
    {0x5e203c00, 0x00df03ff, 1, "FP/SIMD CMGE_V"},
    {0x7e203c00, 0x00df03ff, 1, "FP/SIMD CMHS_V"},
    {0x5e204400, 0x00df03ff, 1, "FP/SIMD SSHL_V"},
    {0x7e204400, 0x00df03ff, 1, "FP/SIMD USHL_V"},
    {0x5e205400, 0x00df03ff, 1, "FP/SIMD SRSHL_V"},
    {0x7e205400, 0x00df03ff, 1, "FP/SIMD URSHL_V"},
    {0x5e208400, 0x00df03ff, 1, "FP/SIMD ADD_V"},
    {0x7e208400, 0x00df03ff, 1, "FP/SIMD SUB_V"},
    {0x5e208c00, 0x00df03ff, 1, "FP/SIMD CMTST_V"},
    {0x7e208c00, 0x00df03ff, 1, "FP/SIMD CMEQ_V"},
    {0x5e20b400, 0x00df03ff, 1, "FP/SIMD SQDMULH_V"},
    {0x7e20b400, 0x00df03ff, 1, "FP/SIMD SQRDMULH_V"},
    {0x0e202800, 0x40c003ff, 1, "FP/SIMD SADDLP_V"},
    {0x2e202800, 0x40c003ff, 1, "FP/SIMD UADDLP_V"},
    {0x0e204800, 0x40c003ff, 1, "FP/SIMD CLS_V"},
    {0x2e204800, 0x40c003ff, 1, "FP/SIMD CLZ_V"},
    {0x2e605800, 0x400003ff, 1, "FP/SIMD RBIT_V"},
    {0x0e206800, 0x40c003ff, 1, "FP/SIMD SADALP_V"},
    {0x2e206800, 0x40c003ff, 1, "FP/SIMD UADALP_V"},
    {0x0e207800, 0x40c003ff, 1, "FP/SIMD SQABS_V"},
    {0x2e207800, 0x40c003ff, 1, "FP/SIMD SQNEG_V"},
    {0x0e20b800, 0x40c003ff, 1, "FP/SIMD ABS_V"},
    {0x2e20b800, 0x40c003ff, 1, "FP/SIMD NEG_V"},
    {0x2e212800, 0x40c003ff, 1, "FP/SIMD SQXTUN_V"},
    {0x0e214800, 0x40c003ff, 1, "FP/SIMD SQXTN_V"},
    {0x2e214800, 0x40c003ff, 1, "FP/SIMD UQXTN_V"},
    {0x5e207800, 0x00c003ff, 1, "FP/SIMD SQABS_V"},
    {0x7e207800, 0x00c003ff, 1, "FP/SIMD SQNEG_V"},
    {0x5e208800, 0x00c003ff, 1, "FP/SIMD CMGTZ_V"},
    {0x7e208800, 0x00c003ff, 1, "FP/SIMD CMGEZ_V"},
    {0x5e209800, 0x00c003ff, 1, "FP/SIMD CMEQZ_V"},
    {0x7e209800, 0x00c003ff, 1, "FP/SIMD CMLEZ_V"},
    {0x5e20a800, 0x00c003ff, 1, "FP/SIMD CMLTZ_V"},
    {0x5e20b800, 0x00c003ff, 1, "FP/SIMD ABS_V"},
    {0x7e20b800, 0x00c003ff, 1, "FP/SIMD NEG_V"},
    {0x7e212800, 0x00c003ff, 1, "FP/SIMD SQXTUN_V"},
    {0x5e214800, 0x00c003ff, 1, "FP/SIMD SQXTN_V"},
    {0x7e214800, 0x00c003ff, 1, "FP/SIMD UQXTN_V"},
    {0x0e202000, 0x40df03ff, 1, "FP/SIMD SSUBL_V"},
    {0x2e202000, 0x40df03ff, 1, "FP/SIMD USUBL_V"},
    {0x0e203000, 0x40df03ff, 1, "FP/SIMD SSUBW_V"},
    {0x2e203000, 0x40df03ff, 1, "FP/SIMD USUBW_V"},
    {0x0e204000, 0x40df03ff, 1, "FP/SIMD ADDHN_V"},
    {0x2e204000, 0x40df03ff, 1, "FP/SIMD RADDHN_V"},
    {0x0e205000, 0x40df03ff, 1, "FP/SIMD SABAL_V"},
    {0x2e205000, 0x40df03ff, 1, "FP/SIMD UABAL_V"},
    {0x0e206000, 0x40df03ff, 1, "FP/SIMD SUBHN_V"},
    {0x2e206000, 0x40df03ff, 1, "FP/SIMD RSUBHN_V"},
    {0x0e207000, 0x40df03ff, 1, "FP/SIMD SABDL_V"},
    {0x2e207000, 0x40df03ff, 1, "FP/SIMD UABDL_V"},
    {0x0e208000, 0x40df03ff, 1, "FP/SIMD SMLAL_V"},
    {0x2e208000, 0x40df03ff, 1, "FP/SIMD UMLAL_V"},
    {0x0e20a000, 0x40df03ff, 1, "FP/SIMD SMLSL_V"},
    {0x2e20a000, 0x40df03ff, 1, "FP/SIMD UMLSL_V"},
    {0x0e20e000, 0x40df03ff, 1, "FP/SIMD PMULL_V"},
    {0x0e209000, 0x40df03ff, 1, "FP/SIMD SQDMLAL_V"},
    {0x0e20b000, 0x40df03ff, 1, "FP/SIMD SQDMLSL_V"},
    {0x0e20d000, 0x40df03ff, 1, "FP/SIMD SQDMULL_V"},
    {0x5e209000, 0x00df03ff, 1, "FP/SIMD SQDMLAL_V"},
    {0x5e20b000, 0x00df03ff, 1, "FP/SIMD SQDMLSL_V"},
    {0x5e20d000, 0x00df03ff, 1, "FP/SIMD SQDMULL_V"},
    {0x0f008000, 0x40ff0bff, 1, "FP/SIMD MUL_E"},
    {0x2f000000, 0x40ff0bff, 1, "FP/SIMD MLA_E"},
    {0x2f004000, 0x40ff0bff, 1, "FP/SIMD MLS_E"},
    {0x0f00a000, 0x40ff0bff, 1, "FP/SIMD SMULL_E"},
    {0x2f00a000, 0x40ff0bff, 1, "FP/SIMD UMULL_E"},
    {0x0f002000, 0x40ff0bff, 1, "FP/SIMD SMLAL_E"},
    {0x2f002000, 0x40ff0bff, 1, "FP/SIMD UMLAL_E"},
    {0x0f006000, 0x40ff0bff, 1, "FP/SIMD SMLSL_E"},
    {0x2f006000, 0x40ff0bff, 1, "FP/SIMD UMLSL_E"},
    {0x0f003000, 0x40ff0bff, 1, "FP/SIMD SQDMLAL_E"},
    {0x0f007000, 0x40ff0bff, 1, "FP/SIMD SQDMLSL_E"},
    {0x0f00b000, 0x40ff0bff, 1, "FP/SIMD SQDMULL_E"},
    {0x0f00c000, 0x40ff0bff, 1, "FP/SIMD SQDMULH_E"},
    {0x0f00d000, 0x40ff0bff, 1, "FP/SIMD SQRDMULH_E"},
    {0x5f00c000, 0x00ff0bff, 1, "FP/SIMD SQDMULH_E"},
    {0x5f00d000, 0x00ff0bff, 1, "FP/SIMD SQRDMULH_E"},
    {0x5f003000, 0x00ff0bff, 1, "FP/SIMD SQDMLAL_E"},
    {0x5f007000, 0x00ff0bff, 1, "FP/SIMD SQDMLSL_E"},
    {0x5f00b000, 0x00ff0bff, 1, "FP/SIMD SQDMULL_E"},
    {0x0f002400, 0x407f03ff, 1, "FP/SIMD SRSHR_V"},
    {0x2f002400, 0x407f03ff, 1, "FP/SIMD URSHR_V"},
    {0x0f003400, 0x407f03ff, 1, "FP/SIMD SRSRA_V"},
    {0x2f003400, 0x407f03ff, 1, "FP/SIMD URSRA_V"},
    {0x2f004400, 0x407f03ff, 1, "FP/SIMD SRI_V"},
    {0x2f005400, 0x407f03ff, 1, "FP/SIMD SLI_V"},
    {0x2f008400, 0x407f03ff, 1, "FP/SIMD SQSHRUN_V"},
    {0x0f008c00, 0x407f03ff, 1, "FP/SIMD RSHRN_V"},
    {0x2f008c00, 0x407f03ff, 1, "FP/SIMD SQRSHRUN_V"},
    {0x0f009400, 0x407f03ff, 1, "FP/SIMD SQSHRN_V"},
    {0x2f009400, 0x407f03ff, 1, "FP/SIMD UQSHRN_V"},
    {0x0f009c00, 0x407f03ff, 1, "FP/SIMD SQRSHRN_V"},
    {0x2f009c00, 0x407f03ff, 1, "FP/SIMD UQRSHRN_V"},
    {0x5f000400, 0x007f03ff, 1, "FP/SIMD SSHR_V"},
    {0x7f000400, 0x007f03ff, 1, "FP/SIMD USHR_V"},
    {0x5f001400, 0x007f03ff, 1, "FP/SIMD SSRA_V"},
    {0x7f001400, 0x007f03ff, 1, "FP/SIMD USRA_V"},
    {0x5f002400, 0x007f03ff, 1, "FP/SIMD SRSHR_V"},
    {0x7f002400, 0x007f03ff, 1, "FP/SIMD URSHR_V"},
    {0x5f003400, 0x007f03ff, 1, "FP/SIMD SRSRA_V"},
    {0x7f003400, 0x007f03ff, 1, "FP/SIMD URSRA_V"},
    {0x7f004400, 0x007f03ff, 1, "FP/SIMD SRI_V"},
    {0x5f005400, 0x007f03ff, 1, "FP/SIMD SHL_V"},
    {0x7f005400, 0x007f03ff, 1, "FP/SIMD SLI_V"},
    {0x7f008400, 0x007f03ff, 1, "FP/SIMD SQSHRUN_V"},
    {0x7f008c00, 0x007f03ff, 1, "FP/SIMD SQRSHRUN_V"},
    {0x5f009400, 0x007f03ff, 1, "FP/SIMD SQSHRN_V"},
    {0x7f009400, 0x007f03ff, 1, "FP/SIMD UQSHRN_V"},
    {0x5f009c00, 0x007f03ff, 1, "FP/SIMD SQRSHRN_V"},
    {0x7f009c00, 0x007f03ff, 1, "FP/SIMD UQRSHRN_V"},
    {0x5e000400, 0x001f03ff, 1, "FP/SIMD DUP_S"},
    {0x0e204c00, 0x40df03ff, 1, "FP/SIMD SQSHL_V"},
    {0x2e204c00, 0x40df03ff, 1, "FP/SIMD UQSHL_V"},
    {0x0e205c00, 0x40df03ff, 1, "FP/SIMD SQRSHL_V"},
    {0x2e205c00, 0x40df03ff, 1, "FP/SIMD UQRSHL_V"},
    {0x5e204c00, 0x00df03ff, 1, "FP/SIMD SQSHL_V"},
    {0x7e204c00, 0x00df03ff, 1, "FP/SIMD UQSHL_V"},
    {0x5e205c00, 0x00df03ff, 1, "FP/SIMD SQRSHL_V"},
    {0x7e205c00, 0x00df03ff, 1, "FP/SIMD UQRSHL_V"},
    {0x0e203800, 0x40c003ff, 1, "FP/SIMD SUQADD_V"},
    {0x2e203800, 0x40c003ff, 1, "FP/SIMD USQADD_V"},
    {0x2e213800, 0x40c003ff, 1, "FP/SIMD SHLL_V"},
    {0x5e203800, 0x00c003ff, 1, "FP/SIMD SUQADD_V"},
    {0x7e203800, 0x00c003ff, 1, "FP/SIMD USQADD_V"},
    {0x2f006400, 0x407f03ff, 1, "FP/SIMD SQSHLU_V"},
    {0x0f007400, 0x407f03ff, 1, "FP/SIMD SQSHL_VI"},
    {0x2f007400, 0x407f03ff, 1, "FP/SIMD UQSHL_VI"},
    {0x7f006400, 0x007f03ff, 1, "FP/SIMD SQSHLU_V"},
    {0x5f007400, 0x007f03ff, 1, "FP/SIMD SQSHL_VI"},
    {0x7f007400, 0x007f03ff, 1, "FP/SIMD UQSHL_VI"},
};

/* Advanced SIMD floating point (decode/a64_decode_vfp.inc), one class per decoder line, for
 * test_lockstep_vfp: its blocks start from V registers of FP special values and a random FPCR. */
static const struct enc_class vfp_classes[] = {
    {0x0e20c400, 0x405f03ff, 1, "VFP FMAXNM_V"},
    {0x0ea0c400, 0x405f03ff, 1, "VFP FMINNM_V"},
    {0x0e20cc00, 0x405f03ff, 1, "VFP FMLA_V"},
    {0x0ea0cc00, 0x405f03ff, 1, "VFP FMLS_V"},
    {0x0e20d400, 0x405f03ff, 1, "VFP FADD_V"},
    {0x0ea0d400, 0x405f03ff, 1, "VFP FSUB_V"},
    {0x0e20dc00, 0x405f03ff, 1, "VFP FMULX_V"},
    {0x5e20dc00, 0x005f03ff, 1, "VFP FMULX_V scalar"},
    {0x0e20e400, 0x405f03ff, 1, "VFP FCMEQ_V"},
    {0x5e20e400, 0x005f03ff, 1, "VFP FCMEQ_V scalar"},
    {0x0e20f400, 0x405f03ff, 1, "VFP FMAX_V"},
    {0x0ea0f400, 0x405f03ff, 1, "VFP FMIN_V"},
    {0x0e20fc00, 0x405f03ff, 1, "VFP FRECPS_V"},
    {0x5e20fc00, 0x005f03ff, 1, "VFP FRECPS_V scalar"},
    {0x0ea0fc00, 0x405f03ff, 1, "VFP FRSQRTS_V"},
    {0x5ea0fc00, 0x005f03ff, 1, "VFP FRSQRTS_V scalar"},
    {0x2e20c400, 0x405f03ff, 1, "VFP FMAXNMP_V"},
    {0x2ea0c400, 0x405f03ff, 1, "VFP FMINNMP_V"},
    {0x2e20d400, 0x405f03ff, 1, "VFP FADDP_V"},
    {0x2ea0d400, 0x405f03ff, 1, "VFP FABD_V"},
    {0x7ea0d400, 0x005f03ff, 1, "VFP FABD_V scalar"},
    {0x2e20dc00, 0x405f03ff, 1, "VFP FMUL_V"},
    {0x2e20e400, 0x405f03ff, 1, "VFP FCMGE_V"},
    {0x7e20e400, 0x005f03ff, 1, "VFP FCMGE_V scalar"},
    {0x2ea0e400, 0x405f03ff, 1, "VFP FCMGT_V"},
    {0x7ea0e400, 0x005f03ff, 1, "VFP FCMGT_V scalar"},
    {0x2e20ec00, 0x405f03ff, 1, "VFP FACGE_V"},
    {0x7e20ec00, 0x005f03ff, 1, "VFP FACGE_V scalar"},
    {0x2ea0ec00, 0x405f03ff, 1, "VFP FACGT_V"},
    {0x7ea0ec00, 0x005f03ff, 1, "VFP FACGT_V scalar"},
    {0x2e20f400, 0x405f03ff, 1, "VFP FMAXP_V"},
    {0x2ea0f400, 0x405f03ff, 1, "VFP FMINP_V"},
    {0x2e20fc00, 0x405f03ff, 1, "VFP FDIV_V"},
    {0x0ea0c800, 0x404003ff, 1, "VFP FCMGTZ_V"},
    {0x5ea0c800, 0x004003ff, 1, "VFP FCMGTZ_V scalar"},
    {0x0ea0d800, 0x404003ff, 1, "VFP FCMEQZ_V"},
    {0x5ea0d800, 0x004003ff, 1, "VFP FCMEQZ_V scalar"},
    {0x0ea0e800, 0x404003ff, 1, "VFP FCMLTZ_V"},
    {0x5ea0e800, 0x004003ff, 1, "VFP FCMLTZ_V scalar"},
    {0x0ea0f800, 0x404003ff, 1, "VFP FABS_V"},
    {0x2ea0c800, 0x404003ff, 1, "VFP FCMGEZ_V"},
    {0x7ea0c800, 0x004003ff, 1, "VFP FCMGEZ_V scalar"},
    {0x2ea0d800, 0x404003ff, 1, "VFP FCMLEZ_V"},
    {0x7ea0d800, 0x004003ff, 1, "VFP FCMLEZ_V scalar"},
    {0x2ea0f800, 0x404003ff, 1, "VFP FNEG_V"},
    {0x2ea1f800, 0x404003ff, 1, "VFP FSQRT_V"},
    {0x0e216800, 0x404003ff, 1, "VFP FCVTN_V"},
    {0x0e217800, 0x404003ff, 1, "VFP FCVTL_V"},
    {0x2e216800, 0x404003ff, 1, "VFP FCVTXN_V"},
    {0x7e216800, 0x004003ff, 1, "VFP FCVTXN_V scalar"},
    {0x0e218800, 0x404003ff, 1, "VFP FRINTN_V"},
    {0x0ea18800, 0x404003ff, 1, "VFP FRINTP_V"},
    {0x0e219800, 0x404003ff, 1, "VFP FRINTM_V"},
    {0x0ea19800, 0x404003ff, 1, "VFP FRINTZ_V"},
    {0x2e218800, 0x404003ff, 1, "VFP FRINTA_V"},
    {0x2e219800, 0x404003ff, 1, "VFP FRINTX_V"},
    {0x2ea19800, 0x404003ff, 1, "VFP FRINTI_V"},
    {0x0e21a800, 0x404003ff, 1, "VFP FCVTNS_V"},
    {0x5e21a800, 0x004003ff, 1, "VFP FCVTNS_V scalar"},
    {0x0ea1a800, 0x404003ff, 1, "VFP FCVTPS_V"},
    {0x5ea1a800, 0x004003ff, 1, "VFP FCVTPS_V scalar"},
    {0x0e21b800, 0x404003ff, 1, "VFP FCVTMS_V"},
    {0x5e21b800, 0x004003ff, 1, "VFP FCVTMS_V scalar"},
    {0x0ea1b800, 0x404003ff, 1, "VFP FCVTZS_V"},
    {0x5ea1b800, 0x004003ff, 1, "VFP FCVTZS_V scalar"},
    {0x0e21c800, 0x404003ff, 1, "VFP FCVTAS_V"},
    {0x5e21c800, 0x004003ff, 1, "VFP FCVTAS_V scalar"},
    {0x0e21d800, 0x404003ff, 1, "VFP SCVTF_V"},
    {0x5e21d800, 0x004003ff, 1, "VFP SCVTF_V scalar"},
    {0x2e21a800, 0x404003ff, 1, "VFP FCVTNU_V"},
    {0x7e21a800, 0x004003ff, 1, "VFP FCVTNU_V scalar"},
    {0x2ea1a800, 0x404003ff, 1, "VFP FCVTPU_V"},
    {0x7ea1a800, 0x004003ff, 1, "VFP FCVTPU_V scalar"},
    {0x2e21b800, 0x404003ff, 1, "VFP FCVTMU_V"},
    {0x7e21b800, 0x004003ff, 1, "VFP FCVTMU_V scalar"},
    {0x2ea1b800, 0x404003ff, 1, "VFP FCVTZU_V"},
    {0x7ea1b800, 0x004003ff, 1, "VFP FCVTZU_V scalar"},
    {0x2e21c800, 0x404003ff, 1, "VFP FCVTAU_V"},
    {0x7e21c800, 0x004003ff, 1, "VFP FCVTAU_V scalar"},
    {0x2e21d800, 0x404003ff, 1, "VFP UCVTF_V"},
    {0x7e21d800, 0x004003ff, 1, "VFP UCVTF_V scalar"},
    {0x0ea1d800, 0x404003ff, 1, "VFP FRECPE_V"},
    {0x5ea1d800, 0x004003ff, 1, "VFP FRECPE_V scalar"},
    {0x2ea1d800, 0x404003ff, 1, "VFP FRSQRTE_V"},
    {0x7ea1d800, 0x004003ff, 1, "VFP FRSQRTE_V scalar"},
    {0x5ea1f800, 0x004003ff, 1, "VFP FRECPX_S scalar"},
    {0x0ea1c800, 0x404003ff, 1, "VFP URECPE_V"},
    {0x2ea1c800, 0x404003ff, 1, "VFP URSQRTE_V"},
    {0x6e30c800, 0x000003ff, 1, "VFP FMAXNMV_V"},
    {0x6eb0c800, 0x000003ff, 1, "VFP FMINNMV_V"},
    {0x6e30f800, 0x000003ff, 1, "VFP FMAXV_V"},
    {0x6eb0f800, 0x000003ff, 1, "VFP FMINV_V"},
    {0x7e30c800, 0x004003ff, 1, "VFP FMAXNMP_S"},
    {0x7eb0c800, 0x004003ff, 1, "VFP FMINNMP_S"},
    {0x7e30d800, 0x004003ff, 1, "VFP FADDP_S"},
    {0x7e30f800, 0x004003ff, 1, "VFP FMAXP_S"},
    {0x7eb0f800, 0x004003ff, 1, "VFP FMINP_S"},
    {0x0f801000, 0x407f0bff, 1, "VFP FMLA_VE"},
    {0x5f801000, 0x007f0bff, 1, "VFP FMLA_VE scalar"},
    {0x0f805000, 0x407f0bff, 1, "VFP FMLS_VE"},
    {0x5f805000, 0x007f0bff, 1, "VFP FMLS_VE scalar"},
    {0x0f809000, 0x407f0bff, 1, "VFP FMUL_VE"},
    {0x5f809000, 0x007f0bff, 1, "VFP FMUL_VE scalar"},
    {0x2f809000, 0x407f0bff, 1, "VFP FMULX_VE"},
    {0x7f809000, 0x007f0bff, 1, "VFP FMULX_VE scalar"},
    {0x0f00e400, 0x407f03ff, 1, "VFP SCVTF_V"},
    {0x5f00e400, 0x007f03ff, 1, "VFP SCVTF_V scalar"},
    {0x2f00e400, 0x407f03ff, 1, "VFP UCVTF_V"},
    {0x7f00e400, 0x007f03ff, 1, "VFP UCVTF_V scalar"},
    {0x0f00fc00, 0x407f03ff, 1, "VFP FCVTZS_V"},
    {0x5f00fc00, 0x007f03ff, 1, "VFP FCVTZS_V scalar"},
    {0x2f00fc00, 0x407f03ff, 1, "VFP FCVTZU_V"},
    {0x7f00fc00, 0x007f03ff, 1, "VFP FCVTZU_V scalar"},
};

/* The class table random_insn draws from: classes, or vfp_classes for test_lockstep_vfp. */
static const struct enc_class *cur_classes = classes;
static size_t cur_nclasses = sizeof classes / sizeof classes[0];
/* Instructions drawn per operation (test_lockstep_vfp checks every vector FP one occurs). */
static uint64_t drawn[A64_OP_COUNT];

/* Does the decoded instruction write x27 or x28 other than by base writeback? */
static int writes_reserved(const struct a64_insn *in)
{
    uint32_t f = in->flags;
    int r = 0;
    if (f & A64_P_W_RD)
        r |= in->rd == BASE_REG || in->rd == INDEX_REG;
    if (f & A64_P_W_RA)
        r |= in->ra == BASE_REG || in->ra == INDEX_REG;
    if (f & A64_P_W_RM)
        r |= in->rm == BASE_REG || in->rm == INDEX_REG;
    if ((f & (A64_F_WB_PRE | A64_F_WB_POST)) && in->rn != BASE_REG)
        r = 1;
    return r;
}

/* Size (bits 31:30) and pair bit (21) every exclusive of the current block uses: Unicorn, like
 * QEMU, fails a store-exclusive whose size differs from the load-exclusive's (it compares the
 * value at the store's size), where temu's monitor only compares the address. */
static uint32_t excl_shape;
/* Unicorn also fails a store-exclusive after any ordinary store changed the marked bytes (its
 * monitor compares values); whether such a store clears the monitor is IMPLEMENTATION DEFINED
 * (ARM ARM B2.9), and temu's does not. So a block either uses exclusives or ordinary stores. */
static int excl_block;
/* The FPCR the current block runs under. */
static uint32_t block_fpcr;

static uint32_t random_insn(void)
{
    unsigned total = 0;
    for (size_t i = 0; i < cur_nclasses; i++)
        total += cur_classes[i].weight;
    for (;;) {
        unsigned pick = (unsigned)(rnd() % total);
        size_t i = 0;
        while (pick >= cur_classes[i].weight)
            pick -= cur_classes[i++].weight;
        uint32_t w = cur_classes[i].fixed | ((uint32_t)rnd() & cur_classes[i].mask);
        if ((w & 0x3f000000u) == 0x08000000u)
            w = (w & ~0xc0200000u) | excl_shape;
        struct a64_insn in;
        a64_decode(w, &in);
        if (in.op == A64_OP_UNDEF || (in.flags & A64_P_ENDS_BLOCK) || writes_reserved(&in))
            continue;
        int excl = in.op == A64_OP_LDXR || in.op == A64_OP_STXR || in.op == A64_OP_LDXP ||
                   in.op == A64_OP_STXP;
        if (excl_block ? (in.flags & A64_P_STORE) && !excl : excl)
            continue;
        /* Unicorn 2.0.1 (QEMU 5.0) compares B, H and W elements in LDSMAX, LDSMIN, LDUMAX and
         * LDUMIN without extending them (the register's bits above the element take part, a
         * negative memory value counts as positive; fixed in QEMU 6.0, "tcg: Fix
         * do_nonatomic_op_* vs signed operations"): test_cpu_insn checks those by hand. */
        if (in.op >= A64_OP_LDSMAX && in.op <= A64_OP_LDUMIN && in.size < 3)
            continue;
        /* FJCVTZS of a positive denormal under FPCR.FZ: Unicorn 2.0.1 (QEMU 5) sets Z as for +0,
         * the ARM ARM's FPToFixedJS clears it (docs/fp.md): only blocks without FZ get it */
        if (in.op == A64_OP_FJCVTZS_S && (block_fpcr & EXEC_FP_FPCR_FZ))
            continue;
        /* LD1/ST1/LD1R write back by their size or by x27, so the base may lose the 16-byte
         * alignment the exclusives and the atomics need (Unicorn faults a misaligned one, temu
         * does not check): only writebacks by multiples of 16 */
        if ((in.flags & A64_P_SIMD) && (in.flags & (A64_F_WB_PRE | A64_F_WB_POST))) {
            struct exec_in base = {0};
            uint64_t a, wb;
            simd_mem_addr(&in, 0, base, &a, &wb);
            if ((in.flags & A64_P_R_RM) || (wb & 15))
                continue;
        }
        drawn[in.op]++;
        return w;
    }
}

/* A forward branch from slot i to slot i + d (d >= 1, at most the final udf). */
static uint32_t random_branch(unsigned d)
{
    uint32_t rt = (uint32_t)rnd() & 31;
    switch (rnd() % 5) {
    case 0: return 0x14000000u | (d & 0x3ffffffu);                                   /* b */
    case 1: return 0x54000000u | ((d & 0x7ffffu) << 5) | ((uint32_t)rnd() & 15);       /* b.cond */
    case 2: return ((uint32_t)rnd() & 0x81000000u) | 0x34000000u | ((d & 0x7ffffu) << 5) | rt; /* cbz/cbnz */
    case 3: return ((uint32_t)rnd() & 0x81f80000u) | 0x36000000u | ((d & 0x3fffu) << 5) | rt;  /* tbz/tbnz */
    default: return 0x94000000u | (d & 0x3ffffffu);                                  /* bl */
    }
}

static uint64_t random_value(void)
{
    return test_rand_value(&rng_state);
}

/* An FP value of n bits (16, 32, 64) biased to the edges: signed zeros, infinities, quiet and
 * signalling NaNs with payloads, denormals, the smallest and largest normals, values around 1 and
 * around the integers and the conversion boundaries (2^15, 2^16, 2^31, 2^32, 2^63, 2^64), random
 * bits. */
static uint64_t fp_special(int n)
{
    int f = n == 16 ? 10 : n == 32 ? 23 : 52, e = n - 1 - f, bias = (1 << (e - 1)) - 1;
    uint64_t sign = (rnd() & 1) << (n - 1), fmask = (1ull << f) - 1, emax = (1ull << e) - 1, r = rnd();
    uint64_t frac = (r >> 8) & fmask;
    static const int pow2[] = {0, 1, 15, 16, 31, 32, 52, 53, 63, 64};
    switch (r % 12) {
    case 0: return sign;                                                             /* +-0 */
    case 1: return sign | emax << f;                                                 /* +-inf */
    case 2: return sign | emax << f | 1ull << (f - 1) | (frac >> 3);                 /* quiet NaN */
    case 3: return sign | emax << f | ((frac >> 1) ? frac >> 1 : 1);                 /* signalling NaN */
    case 4: return sign | (rnd() % 3 == 0 ? 1 : rnd() % 2 ? fmask : (frac ? frac : 1)); /* denormal */
    case 5: return sign | (rnd() % 2 ? 1ull << f : (emax - 1) << f | fmask);         /* min/max normal */
    case 6: {                                                                        /* 2^k, k an edge */
        int k = pow2[rnd() % 10];
        if (k + bias >= (int)emax)
            k = bias;
        uint64_t v = (uint64_t)(k + bias) << f;
        int d = (int)(rnd() % 5) - 2; /* a few ulps either side */
        return sign | (v + (uint64_t)(int64_t)d);
    }
    case 7: {                                                                        /* small integers and halves */
        uint64_t m = rnd() % 64;
        int k = 0;
        while (m >> (k + 1))
            k++;
        uint64_t v = m ? (uint64_t)(k + bias) << f | ((m << f >> k) & fmask) : 0;
        return sign | (rnd() % 2 ? v : v ? v - (1ull << f) : 0); /* m or m / 2 */
    }
    case 8: return sign | (uint64_t)bias << f | (frac & (rnd() % 2 ? 1 : 0xff));     /* around 1 */
    default: return r & ((n == 64 ? 0 : 1ull << n) - 1);                               /* random */
    }
}

/* A 64-bit lane of a V register: a double, two singles, four halves (edge values), or random. */
static uint64_t fp_lane(void)
{
    switch (rnd() % 4) {
    case 0: return fp_special(64);
    case 1: return fp_special(32) | fp_special(32) << 32;
    case 2: return fp_special(16) | fp_special(16) << 16 | fp_special(16) << 32 | fp_special(16) << 48;
    default: return random_value();
    }
}

/* A decoded half-precision scalar FP word (FEAT_FP16): the scalar FP space (bit 30 clear, bits
 * 28:25 set) with ftype 11 and a half-precision result or operands (FCVT from H to S or D is base
 * architecture and has size 2 or 3). */
static int is_half_scalar(uint32_t w, const struct a64_insn *in)
{
    return (w & 0x5ec00000u) == 0x1ec00000u && in->op != A64_OP_UNDEF && in->size == 1;
}

/* A random FPCR: every rounding mode, and FZ, DN, AHP, FZ16 each a third of the time. */
static uint32_t random_fpcr(void)
{
    uint32_t v = (uint32_t)(rnd() % 4) << EXEC_FP_FPCR_RMODE_SHIFT;
    v |= rnd() % 3 == 0 ? EXEC_FP_FPCR_FZ : 0;
    v |= rnd() % 3 == 0 ? EXEC_FP_FPCR_DN : 0;
    v |= rnd() % 3 == 0 ? EXEC_FP_FPCR_AHP : 0;
    v |= rnd() % 3 == 0 ? EXEC_FP_FPCR_FZ16 : 0;
    return v;
}

/* V registers full of FP specials (test_lockstep_vfp's blocks; FPCR is block_fpcr, as for all). */
static void vfp_random_state(struct emu_state *st)
{
    for (int k = 0; k < 64; k++)
        st->v[k] = rnd() % 8 == 7 ? random_value() : fp_lane();
}

static const int uc_x[31] = {
    UC_ARM64_REG_X0, UC_ARM64_REG_X1, UC_ARM64_REG_X2, UC_ARM64_REG_X3, UC_ARM64_REG_X4,
    UC_ARM64_REG_X5, UC_ARM64_REG_X6, UC_ARM64_REG_X7, UC_ARM64_REG_X8, UC_ARM64_REG_X9,
    UC_ARM64_REG_X10, UC_ARM64_REG_X11, UC_ARM64_REG_X12, UC_ARM64_REG_X13, UC_ARM64_REG_X14,
    UC_ARM64_REG_X15, UC_ARM64_REG_X16, UC_ARM64_REG_X17, UC_ARM64_REG_X18, UC_ARM64_REG_X19,
    UC_ARM64_REG_X20, UC_ARM64_REG_X21, UC_ARM64_REG_X22, UC_ARM64_REG_X23, UC_ARM64_REG_X24,
    UC_ARM64_REG_X25, UC_ARM64_REG_X26, UC_ARM64_REG_X27, UC_ARM64_REG_X28, UC_ARM64_REG_X29,
    UC_ARM64_REG_X30,
};

static void dump_block(const uint32_t *code, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        print_message("  0x%" PRIx64 ": 0x%08x\n", CODE + (uint64_t)4 * i, code[i]);
}

/* One lockstep run over cur_classes; vfp: V registers of FP specials and a random FPCR. */
static void lockstep_run(int vfp, uint64_t want_default)
{
    const char *seed_env = getenv("TEMU_SEED");
    const char *n_env = getenv("TEMU_LOCKSTEP_INSNS");
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 0) : (uint64_t)time(NULL);
    uint64_t want = n_env ? strtoull(n_env, NULL, 0) : want_default;
    rng_state = seed;

    static struct emu_proc p;
    assert_int_equal(emu_proc_init(&p, MEM_SIZE), 0);
    struct emu_cpu *c = emu_cpu_new();
    assert_non_null(c);
    uc_engine *uc;
    assert_int_equal(uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc), UC_ERR_OK);
    /* The default model (Cortex-A72) lacks FEAT_LSE and FEAT_LRCPC: "max" has both. */
    assert_int_equal(uc_ctl_set_cpu_model(uc, UC_CPU_ARM64_MAX), UC_ERR_OK);
    assert_int_equal(uc_mem_map(uc, CODE, CODE_SIZE, UC_PROT_ALL), UC_ERR_OK);
    assert_int_equal(uc_mem_map(uc, SCRATCH, SCRATCH_SIZE, UC_PROT_READ | UC_PROT_WRITE), UC_ERR_OK);
    assert_int_equal(emu_mem_map(&p.mem, SCRATCH, SCRATCH_SIZE, EMU_PERM_R | EMU_PERM_W), 0);

    /* Same random scratch contents on both sides. */
    static uint8_t mem_t[SCRATCH_SIZE], mem_u[SCRATCH_SIZE];
    for (uint64_t i = 0; i < SCRATCH_SIZE; i += 8) {
        uint64_t v = random_value();
        memcpy(mem_t + i, &v, 8);
    }
    assert_int_equal(emu_mem_poke(&p.mem, SCRATCH, mem_t, SCRATCH_SIZE), 0);
    assert_int_equal(uc_mem_write(uc, SCRATCH, mem_t, SCRATCH_SIZE), UC_ERR_OK);

    uint64_t done = 0, blocks = 0, fp_words = 0, half_words = 0;
    /* The first code page, written whole each round: literal loads read past the block. */
    static uint32_t code[1024];
    while (done < want) {
        unsigned n = 2 + (unsigned)(rnd() % (MAX_BLOCK - 1));
        uint32_t size = (uint32_t)(rnd() % 4);
        excl_block = rnd() % 4 == 0;
        excl_shape = size << 30 | (size >= 2 ? ((uint32_t)rnd() & 1) << 21 : 0);
        block_fpcr = rnd() % 4 ? random_fpcr() : 0;
        /* clrex first: Unicorn's monitor outlives a run and cannot be reset from outside. */
        code[0] = 0xd5033f5f;
        for (unsigned i = 1; i < n; i++) {
            code[i] = rnd() % 7 == 0 ? random_branch(1 + (unsigned)(rnd() % (n - i))) : random_insn();
            struct a64_insn in;
            a64_decode(code[i], &in);
            fp_words += in.op >= A64_OP_FABS_S && in.op <= A64_OP_FJCVTZS_S;
            half_words += is_half_scalar(code[i], &in);
            if ((in.op == A64_OP_CAS || in.op == A64_OP_CASP) && i + 1 < n && rnd() % 2) {
                /* Load the compare value(s) from [x28] first, so that the CAS succeeds. */
                uint32_t rs = (code[i] >> 16) & 31, cas = code[i];
                if (in.op == A64_OP_CAS)
                    code[i] = 0x39400000u | (cas & 0xc0000000u) | RN28 | rs;     /* ldr{b,h} rs, [x28] */
                else
                    code[i] = 0x29400000u | ((cas >> 30 & 1) << 31) | ((rs + 1) << 10) | RN28 | rs; /* ldp */
                code[++i] = cas;
            }
        }
        memset(code + n, 0, sizeof code - 4 * n); /* udf #0, then zeroes */

        /* temu: remapping the code page drops its decoded blocks. */
        assert_int_equal(emu_mem_map(&p.mem, CODE, CODE_SIZE, EMU_PERM_RWX), 0);
        assert_int_equal(emu_mem_poke(&p.mem, CODE, code, sizeof code), 0);
        assert_int_equal(uc_mem_write(uc, CODE, code, sizeof code), UC_ERR_OK);
        uc_ctl_remove_cache(uc, CODE, CODE + CODE_SIZE);

        struct emu_state before;
        memset(&p.st, 0, sizeof p.st);
        for (int r = 0; r < 31; r++)
            p.st.x[r] = random_value();
        p.st.x[INDEX_REG] = rnd() & 0xff;
        p.st.x[BASE_REG] = SCRATCH + SCRATCH_SIZE / 2 + 16 * (rnd() % 64);
        p.st.x[31] = rnd();
        p.st.nzcv = (uint64_t)(rnd() & 0xf) << 28;
        for (int k = 0; k < 64; k++)
            p.st.v[k] = k % 2 == 0 || rnd() % 2 ? fp_lane() : random_value();
        p.st.fpcr = block_fpcr;
        if (vfp)
            vfp_random_state(&p.st);
        p.st.fpsr = rnd() & 0x0800009f;
        p.st.pc = CODE;
        before = p.st;
        for (int k = 0; k < 32; k++)
            uc_reg_write(uc, UC_ARM64_REG_Q0 + k, &p.st.v[2 * k]);
        uc_reg_write(uc, UC_ARM64_REG_FPCR, &p.st.fpcr);
        uc_reg_write(uc, UC_ARM64_REG_FPSR, &p.st.fpsr);
        for (int r = 0; r < 31; r++)
            uc_reg_write(uc, uc_x[r], &p.st.x[r]);
        uc_reg_write(uc, UC_ARM64_REG_SP, &p.st.x[31]);
        uc_reg_write(uc, UC_ARM64_REG_NZCV, &p.st.nzcv);
        uint64_t pc = CODE;
        uc_reg_write(uc, UC_ARM64_REG_PC, &pc);

        uint64_t retired = p.stats.instructions;
        enum emu_status s = emu_cpu_run(c, &p, 0);
        uc_err ue = uc_emu_start(uc, CODE, CODE + 4ull * n, 0, 0);

        uint64_t ux[32], unzcv, upc;
        for (int r = 0; r < 31; r++)
            uc_reg_read(uc, uc_x[r], &ux[r]);
        uc_reg_read(uc, UC_ARM64_REG_SP, &ux[31]);
        uc_reg_read(uc, UC_ARM64_REG_NZCV, &unzcv);
        uc_reg_read(uc, UC_ARM64_REG_PC, &upc);
        unzcv &= 0xf0000000u;
        uint64_t uv[64], ufpcr = 0, ufpsr = 0;
        for (int k = 0; k < 32; k++)
            uc_reg_read(uc, UC_ARM64_REG_Q0 + k, &uv[2 * k]);
        uc_reg_read(uc, UC_ARM64_REG_FPCR, &ufpcr);
        uc_reg_read(uc, UC_ARM64_REG_FPSR, &ufpsr);

        int bad = s != EMU_UNDEF || p.st.pc != CODE + 4ull * n || ue != UC_ERR_OK || upc != p.st.pc ||
                  unzcv != p.st.nzcv;
        for (int r = 0; r < 32; r++)
            bad |= ux[r] != p.st.x[r];
        for (int k = 0; k < 64; k++)
            bad |= uv[k] != p.st.v[k];
        bad |= (uint32_t)ufpcr != (uint32_t)p.st.fpcr || (uint32_t)ufpsr != (uint32_t)p.st.fpsr;
        if (!bad) {
            assert_int_equal(emu_mem_copy_out(&p.mem, SCRATCH, mem_t, SCRATCH_SIZE), 0);
            assert_int_equal(uc_mem_read(uc, SCRATCH, mem_u, SCRATCH_SIZE), UC_ERR_OK);
            bad = memcmp(mem_t, mem_u, SCRATCH_SIZE) != 0;
        }
        if (bad) {
            print_error("lockstep mismatch: TEMU_SEED=%" PRIu64 ", block %" PRIu64 "\n", seed, blocks);
            print_error("temu: status %d pc 0x%" PRIx64 " (%s); unicorn: %s pc 0x%" PRIx64 "\n", s, p.st.pc,
                        p.err, uc_strerror(ue), upc);
            dump_block(code, n + 1);
            for (int r = 0; r < 32; r++)
                if (ux[r] != p.st.x[r] || r == BASE_REG)
                    print_error("  x%d: before 0x%016" PRIx64 " temu 0x%016" PRIx64 " unicorn 0x%016" PRIx64 "\n",
                                r, before.x[r], p.st.x[r], ux[r]);
            print_error("  nzcv: before 0x%" PRIx64 " temu 0x%" PRIx64 " unicorn 0x%" PRIx64 "\n", before.nzcv,
                        p.st.nzcv, unzcv);
            for (int k = 0; k < 64; k++)
                if (uv[k] != p.st.v[k])
                    print_error("  v%d.%s: before 0x%016" PRIx64 " temu 0x%016" PRIx64 " unicorn 0x%016" PRIx64 "\n",
                                k / 2, k & 1 ? "hi" : "lo", before.v[k], p.st.v[k], uv[k]);
            print_error("  fpcr temu 0x%" PRIx64 " unicorn 0x%" PRIx64 ", fpsr temu 0x%" PRIx64 " unicorn 0x%" PRIx64 "\n",
                        p.st.fpcr, ufpcr, p.st.fpsr, ufpsr);
            for (uint64_t i = 0; i < SCRATCH_SIZE; i++)
                if (mem_t[i] != mem_u[i]) {
                    print_error("  memory differs first at 0x%" PRIx64 "\n", SCRATCH + i);
                    break;
                }
            fail();
        }
        done += p.stats.instructions - retired;
        blocks++;
    }
    if (vfp)
        print_message("lockstep (vector FP): seed %" PRIu64 ", %" PRIu64 " instructions in %" PRIu64 " blocks agree\n",
                      seed, done, blocks);
    else
        print_message("lockstep: seed %" PRIu64 ", %" PRIu64 " instructions in %" PRIu64 " blocks agree (%" PRIu64
                      " scalar FP words generated, %" PRIu64 " of them half precision)\n", seed, done, blocks,
                      fp_words, half_words);
    if (!vfp && want >= 10000)
        assert_true(half_words > 0); /* the FEAT_FP16 scalar forms were exercised */
    uc_close(uc);
    emu_cpu_free(c);
    emu_proc_free(&p);
}

static void test_lockstep(void **state)
{
    (void)state;
    cur_classes = classes;
    cur_nclasses = sizeof classes / sizeof classes[0];
    lockstep_run(0, 200000);
}

/* The vector FP classes alone, from FP special values under random FPCR modes: V registers,
 * FPCR and FPSR compared after every block (TEMU_LOCKSTEP_INSNS applies here too). */
static void test_lockstep_vfp(void **state)
{
    (void)state;
    cur_classes = vfp_classes;
    cur_nclasses = sizeof vfp_classes / sizeof vfp_classes[0];
    memset(drawn, 0, sizeof drawn);
    lockstep_run(1, 100000);
    const char *n_env = getenv("TEMU_LOCKSTEP_INSNS");
    for (unsigned op = SIMD_VFP_FIRST; op <= SIMD_VFP_LAST && (!n_env || strtoull(n_env, NULL, 0) >= 100000); op++)
        if (!drawn[op])
            fail_msg("vector FP operation %u never drawn", op);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lockstep),
        cmocka_unit_test(test_lockstep_vfp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
