/* emu_hwcap.c: the feature table behind AT_HWCAP (see emu_hwcap.h). */
#include "emu_hwcap.h"

/* Witness words from llvm-mc. A feature stays unimplemented until every instruction of it runs
 * on every engine; then its flag flips and test_hwcap_witnesses checks the witnesses. */
static const struct emu_hwcap_feature features[] = {
    {"fp", 0, 1, {0x1e622820 /* fadd d0, d1, d2 */, 0x9e670020 /* fmov d0, x1 */, 0x1e620020 /* scvtf d0, w1 */}},
    /* asimd: the whole ARMv8.0 base Advanced SIMD set (integer, single and double FP, the
     * structure loads and stores); one witness per part, the last one SQDMLAL, which completed it */
    {"asimd", 1, 1, {0x4e228420 /* add v0.16b, v1.16b, v2.16b */, 0x3dc00020 /* ldr q0, [x1] */,
                     0xad400420 /* ldp q0, q1, [x1] */, 0x4c400020 /* ld4 {v0.16b-v3.16b}, [x1] */,
                     0x4e020020 /* tbl v0.16b, {v1.16b}, v2.16b */, 0x4eb1b820 /* addv s0, v1.4s */,
                     0x4e22cc20 /* fmla v0.4s, v1.4s, v2.4s */, 0x4e629020 /* sqdmlal2 v0.4s, v1.8h, v2.8h */}},
    {"crc32", 7, 0, {0x1ac24020 /* crc32b w0, w1, w2 */}},
    {"atomics", 8, 1, {0xb8200041 /* ldadd w0, w1, [x2] */, 0x88a07c41 /* cas w0, w1, [x2] */,
                       0xf8208041 /* swp x0, x1, [x2] */}},
    /* fphp: scalar half precision (FEAT_FP16) runs, but the bit stays clear until the vector
     * forms (ASIMDHP) do: the architecture reports the two together (ID_AA64PFR0_EL1's FP and
     * AdvSIMD fields must match), and runtimes read FPHP alone as both (compiler-rt's
     * function multiversioning sets its FP16 feature, +fullfp16, from FPHP; several libraries
     * pick vector FP16 kernels by it) */
    {"fphp", 9, 0, {0x1ee22820 /* fadd h0, h1, h2 */, 0x1ee70020 /* fmov h0, w1 */, 0x1ee20020 /* scvtf h0, w1 */,
                    0x1fc20c20 /* fmadd h0, h1, h2, h3 */, 0x1ee22020 /* fcmp h1, h2 */}},
    {"jscvt", 13, 1, {0x1e7e0020 /* fjcvtzs w0, d1 */}},
    {"lrcpc", 15, 1, {0xb8bfc020 /* ldapr w0, [x1] */}},
    {"ilrcpc", 26, 1, {0x99004020 /* stlur w0, [x1, #4] */, 0xd95f8040 /* ldapur x0, [x2, #-8] */,
                       0x19c00020 /* ldapursb w0, [x1] */}},
};

const struct emu_hwcap_feature *emu_hwcap_features(unsigned *n)
{
    *n = sizeof features / sizeof features[0];
    return features;
}

uint64_t emu_hwcap(void)
{
    uint64_t bits = 0;
    for (unsigned i = 0; i < sizeof features / sizeof features[0]; i++)
        if (features[i].implemented)
            bits |= 1ull << features[i].bit;
    return bits;
}
