/* gpu_cache.c: the on-disk cache of built program binaries (see gpu_cache.h).
 *
 * An entry is a small header (magic, key, payload size, payload hash) and the driver's binary.
 * The header lets a truncated or overwritten file be told apart from a good one before the driver
 * ever sees it; entries are written to a temporary name and renamed, so a reader never sees half
 * an entry even when two temu processes fill the cache at once. */
#include "gpu_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GPU_CACHE_MAGIC "TEMUCLB1"
#define GPU_CACHE_MAX (256u << 20) /* no driver binary of ours comes near; larger means corrupt */

struct entry_header {
    char magic[8];
    uint64_t key;
    uint64_t size;
    uint64_t hash;
};

uint64_t gpu_cache_hash(uint64_t h, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* mkdir -p for the cache directory; 0 when it exists afterwards. */
static int make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        int bad = mkdir(path, 0700) != 0 && errno != EEXIST;
        *p = '/';
        if (bad)
            return -1;
    }
    return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

/* The entry's path for `key` in buf; 0 on success, -1 when there is no usable cache directory. */
static int entry_path(const char *dir, uint64_t key, char *buf, size_t len, int create)
{
    char made[4096];
    if (!dir || !*dir)
        return -1;
    int n = snprintf(made, sizeof made, "%s", dir);
    if (n < 0 || (size_t)n >= sizeof made || (create && make_dirs(made)))
        return -1;
    n = snprintf(buf, len, "%s/%016llx.clbin", dir, (unsigned long long)key);
    return n < 0 || (size_t)n >= len ? -1 : 0;
}

unsigned char *gpu_cache_load(const char *dir, uint64_t key, size_t *size)
{
    char path[4200];
    struct entry_header h;
    unsigned char *bin = NULL;
    const char *why = NULL;
    if (entry_path(dir, key, path, sizeof path, 0))
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL; /* a miss */
    if (fread(&h, sizeof h, 1, f) != 1 || memcmp(h.magic, GPU_CACHE_MAGIC, 8) || h.key != key ||
        h.size == 0 || h.size > GPU_CACHE_MAX) {
        why = "bad header";
        goto out;
    }
    bin = malloc(h.size);
    if (!bin) {
        why = "out of memory";
        goto out;
    }
    if (fread(bin, 1, h.size, f) != h.size || fgetc(f) != EOF) {
        why = "wrong length";
        goto out;
    }
    if (gpu_cache_hash(GPU_CACHE_SEED, bin, h.size) != h.hash) {
        why = "checksum mismatch";
        goto out;
    }
    *size = h.size;
out:
    fclose(f);
    if (why) {
        fprintf(stderr, "temu: ignoring corrupt OpenCL cache entry %s (%s); rebuilding\n", path, why);
        free(bin);
        bin = NULL;
    }
    return bin;
}

void gpu_cache_store(const char *dir, uint64_t key, const unsigned char *bin, size_t size)
{
    char path[4200], tmp[4300];
    if (size == 0 || size > GPU_CACHE_MAX || entry_path(dir, key, path, sizeof path, 1))
        return;
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    struct entry_header h = {.key = key, .size = size, .hash = gpu_cache_hash(GPU_CACHE_SEED, bin, size)};
    memcpy(h.magic, GPU_CACHE_MAGIC, 8);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return;
    int ok = fwrite(&h, sizeof h, 1, f) == 1 && fwrite(bin, 1, size, f) == size;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0)
        remove(tmp);
}
