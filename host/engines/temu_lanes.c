/* temu_lanes.c: the lanes' windows, the run's set-up, and opening one lane (see temu_lanes.h). */
#include "temu_lanes.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#define MIB (1ull << 20)
#define ROUND_MIB(a) (((a) + MIB - 1) & ~(MIB - 1))

int temu_lanes_window(const char *prog, const uint8_t *img, uint64_t size,
                      const struct emu_load_opts *lo, uint64_t lane_mem, unsigned lanes,
                      uint64_t *window)
{
    uint64_t end;
    char err[EMU_ERR_LEN];
    *window = 0;
    if (lanes <= 1 && !lane_mem)
        return 0; /* one lane, nothing asked: today's 4 GiB window, and the loader's own checks */
    if (emu_load_extent(prog, img, size, lo, &end, err, sizeof err)) {
        fprintf(stderr, "temu: %s\n", err);
        return TEMU_EXIT_ERROR;
    }
    uint64_t need = ROUND_MIB(end) + TEMU_LANE_HEAP + TEMU_LANE_STACK;
    if (!lane_mem) {
        *window = need;
        return 0;
    }
    /* A window of 4 GiB or more has the default layout, which the loader checks by itself. */
    uint64_t stack_top, stack_size, mmap_base;
    emu_mem_layout(lane_mem, &stack_top, &stack_size, &mmap_base);
    if (lane_mem < EMU_MEM_DEFAULT_SIZE && end > stack_top - stack_size) {
        fprintf(stderr, "temu: --lane-mem=%" PRIu64 "K is too small for %s: its image ends at 0x%" PRIx64
                " and the stack takes the window's top 0x%" PRIx64 " bytes (the default for it is %"
                PRIu64 "M)\n", lane_mem >> 10, prog, end, stack_size, need >> 20);
        return TEMU_EXIT_ERROR;
    }
    *window = lane_mem;
    return 0;
}

int temu_lanes_cfg_init(struct temu_lanes_cfg *cfg, const struct temu_options *opt, char **envp,
                        const struct temu_env *env)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->null_fd = -1;
    cfg->env = env;
    cfg->prog = opt->prog;
    cfg->argv = opt->guest_argv;
    cfg->envp = envp;
    cfg->load = (struct emu_load_opts){.flat_base = opt->flat_base, .flat_size = opt->flat_size};
    cfg->fs_root = opt->fs_root;
    cfg->strict_syscalls = opt->strict_syscalls;
    cfg->output_dir = opt->lane_output;
    cfg->state_dir = opt->dump_state;
    cfg->n = opt->lanes;
    cfg->loopvec = opt->loopvec;
    char err[EMU_ERR_LEN];
    if (emu_load_read(opt->prog, &cfg->image, &cfg->image_size, err, sizeof err)) {
        fprintf(stderr, "temu: %s\n", err);
        return TEMU_EXIT_ERROR;
    }
    int rc = temu_lanes_window(opt->prog, cfg->image, cfg->image_size, &cfg->load, opt->lane_mem,
                               opt->lanes, &cfg->window);
    if (rc)
        return rc;
    if (cfg->output_dir && mkdir(cfg->output_dir, 0777) && errno != EEXIST) {
        fprintf(stderr, "temu: cannot create --lane-output directory %s: %s\n", cfg->output_dir,
                strerror(errno));
        return TEMU_EXIT_ERROR;
    }
    if (cfg->state_dir && mkdir(cfg->state_dir, 0777) && errno != EEXIST) {
        fprintf(stderr, "temu: cannot create --dump-state directory %s: %s\n", cfg->state_dir,
                strerror(errno));
        return TEMU_EXIT_ERROR;
    }
    cfg->null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (cfg->null_fd < 0) {
        fprintf(stderr, "temu: cannot open /dev/null for the lanes: %s\n", strerror(errno));
        return TEMU_EXIT_ERROR;
    }
    return 0;
}

void temu_lanes_cfg_close(struct temu_lanes_cfg *cfg)
{
    if (cfg->null_fd >= 0)
        close(cfg->null_fd);
    cfg->null_fd = -1;
    free(cfg->image);
    cfg->image = NULL;
}

uint64_t temu_lanes_fd_room(uint64_t fds_needed)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl))
        return 0;
    /* What is open now: the fds below the first free one are a fair bound for a fresh process. */
    int probe = open("/dev/null", O_RDONLY | O_CLOEXEC);
    uint64_t used = probe < 0 ? 16 : (uint64_t)probe + 1;
    if (probe >= 0)
        close(probe);
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < used + fds_needed && rl.rlim_cur < rl.rlim_max) {
        rlim_t want = used + fds_needed;
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || want < rl.rlim_max ? want : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur == RLIM_INFINITY)
        return fds_needed;
    return rl.rlim_cur > used ? rl.rlim_cur - used : 0;
}

/* argv with every "{lane}" in every string replaced by the lane's number, as one allocation
 * (pointers, then strings). NULL when out of memory. */
static char **lane_argv(char *const *tmpl, unsigned lane)
{
    static const char key[] = "{lane}";
    char num[16];
    int numlen = snprintf(num, sizeof num, "%u", lane);
    size_t n = 0, bytes = 0;
    for (; tmpl[n]; n++) {
        size_t hits = 0;
        for (const char *s = strstr(tmpl[n], key); s; s = strstr(s + 1, key))
            hits++;
        bytes += strlen(tmpl[n]) + 1 + hits * (size_t)numlen;
    }
    char **v = malloc((n + 1) * sizeof *v + bytes);
    if (!v)
        return NULL;
    char *out = (char *)(v + n + 1);
    for (size_t i = 0; i < n; i++) {
        v[i] = out;
        for (const char *s = tmpl[i]; *s;) {
            if (!strncmp(s, key, sizeof key - 1)) {
                memcpy(out, num, (size_t)numlen);
                out += numlen;
                s += sizeof key - 1;
            } else {
                *out++ = *s++;
            }
        }
        *out++ = 0;
    }
    v[n] = NULL;
    return v;
}

/* DIR/N.SUFFIX, created or truncated for the guest to write. */
static int open_output(const struct temu_lanes_cfg *cfg, unsigned lane, const char *suffix,
                       struct emu_proc *p)
{
    char path[400]; /* leaves room in p->err for the reason */
    if (snprintf(path, sizeof path, "%s/%u.%s", cfg->output_dir, lane, suffix) >= (int)sizeof path) {
        snprintf(p->err, sizeof p->err, "--lane-output directory name is too long");
        return -1;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        snprintf(p->err, sizeof p->err, "cannot create %s: %s", path, strerror(errno));
    return fd;
}

int temu_lane_open(const struct temu_lanes_cfg *cfg, unsigned lane, struct emu_proc *p)
{
    if (emu_proc_init(p, cfg->window))
        return -1; /* its message names the size; the report prefixes the lane */
    p->fs_root = cfg->fs_root;
    p->strict_syscalls = cfg->strict_syscalls;
    p->shared_fd = cfg->null_fd;
    p->fds[0] = lane == 0 ? 0 : cfg->null_fd;
    if (cfg->output_dir) {
        p->fds[1] = p->fds[2] = -1;
        if ((p->fds[1] = open_output(cfg, lane, "out", p)) < 0 ||
            (p->fds[2] = open_output(cfg, lane, "err", p)) < 0)
            goto fail;
    } else if (lane != 0) {
        p->fds[1] = p->fds[2] = cfg->null_fd;
    }
    char **argv = lane_argv(cfg->argv, lane);
    if (!argv) {
        snprintf(p->err, sizeof p->err, "out of host memory for the arguments");
        goto fail;
    }
    int rc = emu_load_bytes(p, cfg->prog, cfg->image, cfg->image_size, argv, cfg->envp, &cfg->load);
    free(argv);
    if (rc == 0)
        return 0;
fail:
    temu_lane_close(p);
    return -1;
}

void temu_lane_close(struct emu_proc *p)
{
    /* emu_proc_free keeps p->err (only fds and memory go), so a failed open still says why. */
    emu_proc_free(p);
}
