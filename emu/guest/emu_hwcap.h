/* emu_hwcap.h: what AT_HWCAP and AT_HWCAP2 tell the guest it may use.
 *
 * Runtimes pick code by these bits (glibc's ifuncs, outline atomics), so a bit may be set only when
 * temu executes the whole feature on every engine. Each feature names witnesses: instructions of
 * it that must decode and execute (test_cpu_insn's test_hwcap_witnesses holds every implemented
 * feature to them). Bits follow Linux's arch/arm64 uapi hwcap.h. */
#ifndef EMU_HWCAP_H
#define EMU_HWCAP_H

#include <stdint.h>

#define EMU_HWCAP_WITNESSES 8

struct emu_hwcap_feature {
    const char *name;       /* Linux's name of the bit, as /proc/cpuinfo spells it */
    unsigned bit;           /* in AT_HWCAP */
    int implemented;        /* temu executes the feature: the bit is set */
    uint32_t witness[EMU_HWCAP_WITNESSES]; /* 0: no more */
};

/* The features temu knows of (implemented or not), and their count in *n. */
const struct emu_hwcap_feature *emu_hwcap_features(unsigned *n);

/* AT_HWCAP: the bits of the implemented features. */
uint64_t emu_hwcap(void);

#endif
