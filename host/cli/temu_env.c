/* temu_env.c: the environment variables temu reads, all of them here (temu_env.h). A value that
 * means nothing is a usage error (exit 2, one line), like a bad option; an unset or empty variable
 * is the default. The table with each variable's meaning is docs/usage.md, Environment. */
#include "temu_env.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "temu_options.h"

#define TEMU_ENV_DEVICE_MAX (1 << 20)
#define TEMU_ENV_COUNT_MAX 0xffffffffull

/* The variable's value, or NULL when it is unset or empty. */
static const char *value(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

static int bad(const char *name, const char *v, const char *what)
{
    fprintf(stderr, "temu: environment variable %s=%s: %s (docs/usage.md, Environment)\n", name, v, what);
    return TEMU_EXIT_USAGE;
}

/* A decimal number in [lo, hi], the whole string. */
static int number(const char *v, uint64_t lo, uint64_t hi, uint64_t *out)
{
    char *end;
    errno = 0;
    if (*v < '0' || *v > '9')
        return -1;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || *end || n < lo || n > hi)
        return -1;
    *out = n;
    return 0;
}

/* The program cache's directory, as gpu_cache.c used to find it. */
static void cache_dir(struct temu_env *env)
{
    const char *off = value("TEMU_CL_CACHE");
    const char *xdg = value("XDG_CACHE_HOME");
    const char *home = value("HOME");
    char *dir = env->cl_cache_dir;
    int n = -1;
    dir[0] = 0;
    if (off && (!strcmp(off, "off") || !strcmp(off, "0")))
        return;
    if (xdg && *xdg == '/')
        n = snprintf(dir, TEMU_ENV_PATH_MAX, "%s/temu", xdg);
    else if (home)
        n = snprintf(dir, TEMU_ENV_PATH_MAX, "%s/.cache/temu", home);
    if (n < 0 || n >= TEMU_ENV_PATH_MAX)
        dir[0] = 0; /* too long a path: no cache, as before */
}

int temu_env_read(struct temu_env *env)
{
    const char *v;
    uint64_t n;
    memset(env, 0, sizeof *env);
    env->device = -1;
    if ((v = value("TEMU_DEVICE"))) {
        if (number(v, 0, TEMU_ENV_DEVICE_MAX, &n))
            return bad("TEMU_DEVICE", v, "not a device index from temu --list-devices");
        env->device = (int)n;
    }
    if ((v = value("TEMU_THREADS"))) {
        if (number(v, 1, TEMU_ENV_COUNT_MAX, &n))
            return bad("TEMU_THREADS", v, "expected a number of threads, at least 1");
        env->threads = (unsigned)n;
    }
    if ((v = value("TEMU_CL_PROGRAM"))) {
        if (!strcmp(v, "source"))
            env->program = TEMU_ENV_PROGRAM_SOURCE;
        else if (!strcmp(v, "il"))
            env->program = TEMU_ENV_PROGRAM_IL;
        else
            return bad("TEMU_CL_PROGRAM", v, "expected source or il");
    }
    if ((v = value("TEMU_GPU_LOCAL"))) {
        if (number(v, 1, TEMU_ENV_COUNT_MAX, &n))
            return bad("TEMU_GPU_LOCAL", v, "expected a number of work-items per group, at least 1");
        env->gpu_local = (unsigned)n;
    }
    if ((v = value("TEMU_GPU_LOOP_CHUNK"))) {
        if (number(v, 1, 0x7fffffff, &n))
            return bad("TEMU_GPU_LOOP_CHUNK", v, "expected a number of iterations, at least 1");
        env->loop_chunk = n;
    }
    if ((v = value("TEMU_COMPARE_TEST_SKEW"))) {
        if (strcmp(v, "0") && strcmp(v, "1"))
            return bad("TEMU_COMPARE_TEST_SKEW", v, "expected 0 or 1");
        env->compare_skew = *v == '1';
    }
    cache_dir(env);
    env->icd_vendors = value("OCL_ICD_VENDORS");
    return 0;
}
