/* emu_load.h: program loading: static ELF64 (ET_EXEC, static-pie ET_DYN) or flat binary, then the
 * Linux initial stack (argc, argv, envp, auxv). */
#ifndef EMU_LOAD_H
#define EMU_LOAD_H

#include "emu_proc.h"

struct emu_load_opts {
    uint64_t flat_base;  /* load address of a flat .bin (0: EMU_FLAT_BASE) */
    uint64_t flat_size;  /* size of its read-write-execute region (0: EMU_FLAT_SIZE) */
    uint64_t pie_base;   /* load bias for static-pie (0: a default) */
};

/* Load `path` into p and build the initial stack from argv (argv[0] is the guest's name) and envp.
 * Sets p->st (pc, sp), p->entry and p->exe_path (= path: it must outlive p). Returns 0, or -1 with a one-line reason in p->err that names
 * the file and, where it applies, the offset. */
int emu_load(struct emu_proc *p, const char *path, char *const argv[], char *const envp[],
             const struct emu_load_opts *opts);

/* The same from the file's bytes, already read (by emu_load_read): many processes of one program
 * (lanes) read the file once. Each load copies the image into p's own window. */
int emu_load_bytes(struct emu_proc *p, const char *path, const uint8_t *img, uint64_t size,
                   char *const argv[], char *const envp[], const struct emu_load_opts *opts);

/* Read a program file (at most the default window's size) into a fresh buffer *img (free it).
 * Returns 0, or -1 with a one-line reason in err naming the file. */
int emu_load_read(const char *path, uint8_t **img, uint64_t *size, char *err, size_t errlen);

/* The end of the image img[0, size) of `path` as emu_load would lay it out (the highest PT_LOAD
 * end, or the flat base plus the flat size), without loading it: what a guest window must hold
 * besides heap, mmap and stack. Returns 0, or -1 with a one-line reason in err. */
int emu_load_extent(const char *path, const uint8_t *img, uint64_t size,
                    const struct emu_load_opts *opts, uint64_t *end, char *err, size_t errlen);

#endif
