/* gpu_cache.h: built OpenCL program binaries cached on disk, so a run after the first skips the
 * kernel compile. Entries live in one directory, one file per key: the one the command line
 * chose (struct gpu_cl_cfg's cache_dir: $XDG_CACHE_HOME/temu or ~/.cache/temu, none with
 * TEMU_CL_CACHE=off; docs/usage.md, Environment). A NULL or empty dir means no cache. */
#ifndef GPU_CACHE_H
#define GPU_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* A 64-bit FNV-1a hash, continued from `h` (start with GPU_CACHE_SEED). */
#define GPU_CACHE_SEED 0xcbf29ce484222325ull
uint64_t gpu_cache_hash(uint64_t h, const void *bytes, size_t n);

/* The binary stored under `key`, malloc'ed, or NULL when absent, unreadable or corrupt (a corrupt
 * entry is only reported; the caller rebuilds and overwrites it). */
unsigned char *gpu_cache_load(const char *dir, uint64_t key, size_t *size);

/* Store a binary under `key` in dir (created if missing). Best effort: a cache that cannot be
 * written costs only time. */
void gpu_cache_store(const char *dir, uint64_t key, const unsigned char *bin, size_t size);

#endif
