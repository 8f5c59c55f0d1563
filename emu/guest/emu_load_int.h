/* emu_load_int.h: the loader's internal pieces (emu_load.c drives emu_elf.c and emu_stack.c). */
#ifndef EMU_LOAD_INT_H
#define EMU_LOAD_INT_H

#include "emu_load.h"

#define EMU_PIE_DEFAULT_BASE 0x10000000ull /* static-pie bias: well above flat code, below mmap */
#define EMU_LOAD_MIN_ADDR    0x10000ull    /* like Linux's default vm.mmap_min_addr */
#define EMU_ELF_PHENT        56u           /* sizeof(Elf64_Phdr) */

/* What the stack builder needs to know about the loaded image. */
struct emu_image {
    uint64_t entry;            /* guest entry address */
    uint64_t phdr;             /* guest address of the program headers, 0 when not loaded */
    uint64_t phnum;
    const uint8_t *phdr_bytes; /* the headers in the file, copied to the stack when phdr is 0 */
};

/* Write "<path>: <message>" to p->err; returns -1 so callers can `return emu_load_fail(...)`. */
int emu_load_fail(struct emu_proc *p, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Validate and load the ELF64 image img[0, size) into p->mem, set brk; fill *out. 0 or -1. */
int emu_elf_load(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                 const struct emu_load_opts *opts, struct emu_image *out);

/* The end of the highest PT_LOAD segment of img (after the static-pie bias), without loading
 * anything; only p->err is used. 0 or -1. */
int emu_elf_extent(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                   const struct emu_load_opts *opts, uint64_t *end);

/* Map the stack and lay out argc, argv, envp and auxv as Linux does; set sp and pc. 0 or -1. */
int emu_stack_build(struct emu_proc *p, const char *path, char *const argv[], char *const envp[],
                    const struct emu_image *img);

#endif
