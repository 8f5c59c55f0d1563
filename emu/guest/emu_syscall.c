/* emu_syscall.c: syscall dispatch through emu_sys_table.c, and the small process, time, signal
 * and system calls. File calls live in emu_sys_file.c, emu_sys_fd.c and emu_sys_path.c (with the
 * guest's /proc in emu_sys_proc.c), memory calls in emu_sys_mm.c. */
#define _GNU_SOURCE
#include "emu_syscall.h"

#include "emu_sys_int.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define G_SIGSET_SIZE 8
#define G_NSIG        64
#define G_RLIM_INFINITY UINT64_MAX

static void put64(uint8_t *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
}

static int64_t put_zero(struct emu_proc *p, uint64_t addr, uint64_t n)
{
    static const uint8_t zero[64];
    return emu_mem_copy_in(&p->mem, addr, zero, n) ? -EFAULT : 0;
}

int64_t emu_sys_uname(struct emu_proc *p, const uint64_t *a)
{
    /* struct new_utsname: six fields of 65 bytes. Host names for node, release and version, so the
     * guest runtime's kernel-version check sees a real kernel. */
    char u[6][65];
    struct utsname h;
    memset(u, 0, sizeof u);
    if (uname(&h))
        memset(&h, 0, sizeof h);
    strcpy(u[0], "Linux");
    snprintf(u[1], 65, "%s", h.nodename);
    snprintf(u[2], 65, "%s", h.release[0] ? h.release : "6.1.0");
    snprintf(u[3], 65, "%s", h.version);
    strcpy(u[4], "aarch64");
    strcpy(u[5], "(none)");
    return emu_mem_copy_in(&p->mem, a[0], u, sizeof u) ? -EFAULT : 0;
}

int64_t emu_sys_rt_sigaction(struct emu_proc *p, const uint64_t *a)
{
    /* Accepted without delivery: no signal is ever raised in the guest yet. */
    uint64_t sig = a[0];
    if (a[3] != G_SIGSET_SIZE || sig < 1 || sig > G_NSIG || (a[1] && (sig == 9 || sig == 19)))
        return -EINVAL;
    if (a[1] && !emu_mem_range_ok(&p->mem, a[1], 32, EMU_PERM_R))
        return -EFAULT;
    return a[2] ? put_zero(p, a[2], 32) : 0; /* struct sigaction: handler, flags, restorer, mask */
}

int64_t emu_sys_rt_sigprocmask(struct emu_proc *p, const uint64_t *a)
{
    if (a[3] != G_SIGSET_SIZE || (a[1] && a[0] > 2)) /* SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK */
        return -EINVAL;
    if (a[1] && !emu_mem_range_ok(&p->mem, a[1], 8, EMU_PERM_R))
        return -EFAULT;
    return a[2] ? put_zero(p, a[2], 8) : 0;
}

static int64_t put_timespec(struct emu_proc *p, uint64_t addr, uint64_t sec, uint64_t frac)
{
    uint8_t b[16];
    put64(b, sec);
    put64(b + 8, frac);
    return emu_mem_copy_in(&p->mem, addr, b, sizeof b) ? -EFAULT : 0;
}

int64_t emu_sys_clock_gettime(struct emu_proc *p, const uint64_t *a)
{
    /* REALTIME .. BOOTTIME, REALTIME_ALARM, BOOTTIME_ALARM, TAI: the host's clock of the same id. */
    if (a[0] > 11 || a[0] == 10)
        return -EINVAL;
    struct timespec ts;
    if (clock_gettime((clockid_t)a[0], &ts))
        return -errno;
    return put_timespec(p, a[1], (uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec);
}

int64_t emu_sys_gettimeofday(struct emu_proc *p, const uint64_t *a)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (a[0] && put_timespec(p, a[0], (uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec / 1000))
        return -EFAULT;
    return a[1] ? put_zero(p, a[1], 8) : 0; /* struct timezone: UTC */
}

int64_t emu_sys_getrandom(struct emu_proc *p, const uint64_t *a)
{
    if (a[2] & ~(uint64_t)7) /* GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE */
        return -EINVAL;
    uint64_t len = a[1] > EMU_SYS_MAX_RW ? EMU_SYS_MAX_RW : a[1];
    if (!emu_mem_range_ok(&p->mem, a[0], len, EMU_PERM_W))
        return -EFAULT;
    uint8_t buf[4096];
    for (uint64_t done = 0; done < len;) {
        size_t want = len - done < sizeof buf ? (size_t)(len - done) : sizeof buf;
        ssize_t r = getrandom(buf, want, (unsigned)(a[2] & 3));
        if (r < 0)
            return done ? (int64_t)done : -errno;
        emu_mem_copy_in(&p->mem, a[0] + done, buf, (uint64_t)r);
        done += (uint64_t)r;
    }
    return (int64_t)len;
}

int64_t emu_sys_prlimit64(struct emu_proc *p, const uint64_t *a)
{
    if (a[0] && a[0] != (uint64_t)getpid())
        return -ESRCH;
    if (a[1] >= 16) /* RLIM_NLIMITS */
        return -EINVAL;
    if (a[2] && !emu_mem_range_ok(&p->mem, a[2], 16, EMU_PERM_R))
        return -EFAULT;
    if (!a[3])
        return 0; /* new limits are accepted and not enforced */
    uint64_t cur = G_RLIM_INFINITY, max = G_RLIM_INFINITY;
    if (a[1] == 3) /* RLIMIT_STACK */
        cur = p->mem.stack_size;
    else if (a[1] == 7) /* RLIMIT_NOFILE */
        cur = max = EMU_MAX_FDS;
    uint8_t b[16];
    put64(b, cur);
    put64(b + 8, max);
    return emu_mem_copy_in(&p->mem, a[3], b, sizeof b) ? -EFAULT : 0;
}

int64_t emu_sys_sched_getaffinity(struct emu_proc *p, const uint64_t *a)
{
    /* One CPU, in a mask the size of the kernel's (one long). The kernel takes (pid_t pid,
     * unsigned int len): both are cut to 32 bits, and len * 8 is computed in 32 bits too. */
    const uint32_t ncpus = 1, len = (uint32_t)a[1];
    const int32_t pid = (int32_t)a[0];
    if (len * 8u < ncpus || (len & 7))
        return -EINVAL;
    if (pid && pid != getpid()) /* the only process there is: getpid reports temu's own pid */
        return -ESRCH;
    uint8_t b[8] = {1};
    return emu_mem_copy_in(&p->mem, a[2], b, 8) ? -EFAULT : 8;
}

int64_t emu_sys_set_robust_list(struct emu_proc *p, const uint64_t *a)
{
    (void)p;
    return a[1] == 24 ? 0 : -EINVAL; /* sizeof(struct robust_list_head) */
}

int64_t emu_sys_pid(struct emu_proc *p, const uint64_t *a)
{
    (void)p, (void)a;
    return getpid(); /* one thread: its tid is the pid */
}

int64_t emu_sys_getppid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getppid(); }
int64_t emu_sys_getuid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getuid(); }
int64_t emu_sys_geteuid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return geteuid(); }
int64_t emu_sys_getgid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getgid(); }
int64_t emu_sys_getegid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getegid(); }

/* rseq is refused as a kernel without CONFIG_RSEQ would: C runtimes register it at start-up and
 * carry on without it. */
int64_t emu_sys_enosys(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return -ENOSYS; }

int64_t emu_sys_sysinfo(struct emu_proc *p, const uint64_t *a)
{
    /* struct sysinfo is laid out alike on every 64-bit Linux: the host's figures. */
    struct sysinfo si;
    if (sysinfo(&si))
        return -errno;
    _Static_assert(sizeof si == 112, "struct sysinfo as AArch64 lays it out");
    return emu_mem_copy_in(&p->mem, a[0], &si, sizeof si) ? -EFAULT : 0;
}

int64_t emu_sys_getrusage(struct emu_proc *p, const uint64_t *a)
{
    /* RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD; struct rusage is alike on every 64-bit Linux. */
    int who = (int)(int32_t)a[0];
    if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != 1 /* RUSAGE_THREAD */)
        return -EINVAL;
    struct rusage ru;
    if (getrusage(who, &ru))
        return -errno;
    _Static_assert(sizeof ru == 144, "struct rusage as AArch64 lays it out");
    return emu_mem_copy_in(&p->mem, a[1], &ru, sizeof ru) ? -EFAULT : 0;
}

int64_t emu_sys_prctl(struct emu_proc *p, const uint64_t *a)
{
    enum { PR_SET_NAME_ = 15, PR_GET_NAME_ = 16 };
    if (a[0] == PR_SET_NAME_) {
        char name[16] = {0};
        int64_t n = emu_mem_strlen(&p->mem, a[1], sizeof name - 1);
        if (n < 0 && !emu_mem_range_ok(&p->mem, a[1], sizeof name - 1, EMU_PERM_R))
            return -EFAULT;
        emu_mem_copy_out(&p->mem, a[1], name, n < 0 ? sizeof name - 1 : (uint64_t)n);
        memcpy(p->comm, name, sizeof name);
        return 0;
    }
    if (a[0] == PR_GET_NAME_)
        return emu_mem_copy_in(&p->mem, a[1], emu_sys_comm(p), sizeof p->comm) ? -EFAULT : 0;
    return -EINVAL; /* no other option is emulated; C runtimes carry on without them */
}

enum emu_status emu_syscall(struct emu_proc *p)
{
    uint64_t nr = p->st.x[8];
    if (nr == EMU_NR_exit || nr == EMU_NR_exit_group) {
        p->exit_code = (int)(p->st.x[0] & 0xff);
        return EMU_EXIT;
    }
    emu_sys_fn *fn = nr < EMU_SYS_TABLE_LEN ? emu_sys_table[nr].fn : 0;
    if (!fn && p->strict_syscalls)
        return EMU_SYSCALL_BAD;
    if (!fn) { /* as qemu-user: -ENOSYS, and one line per number on the guest's stderr */
        uint64_t bit = nr < 511 ? nr : 511;
        int err = emu_sys_hostfd(p, 2);
        if (!(p->enosys_warned[bit / 64] >> (bit % 64) & 1) && err >= 0) {
            const char *name = emu_syscall_name(nr);
            dprintf(err, "temu: unsupported syscall %" PRIu64 " (%s) at pc 0x%" PRIx64 ": returning -ENOSYS\n",
                    nr, name ? name : "unknown", p->st.pc);
        }
        p->enosys_warned[bit / 64] |= 1ull << (bit % 64);
        p->st.x[0] = (uint64_t)-ENOSYS;
        return EMU_OK;
    }
    p->st.x[0] = (uint64_t)fn(p, p->st.x);
    return EMU_OK;
}
