/* emu_syscall.c: syscall dispatch and the small process, time and signal calls.
 * File calls live in emu_sys_file.c and emu_sys_path.c, memory calls in emu_sys_mm.c. */
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

/* AArch64 (asm-generic) numbers of the calls served here. */
enum {
    NR_getcwd = 17, NR_dup = 23, NR_dup3 = 24, NR_fcntl = 25, NR_faccessat = 48, NR_chdir = 49,
    NR_fchdir = 50, NR_getdents64 = 61, NR_sendfile = 71, NR_fsync = 82, NR_fdatasync = 83,
    NR_getrusage = 165, NR_prctl = 167, NR_sysinfo = 179, NR_mremap = 216, NR_fadvise64 = 223,
    NR_faccessat2 = 439,
    NR_ioctl = 29, NR_openat = 56, NR_close = 57, NR_lseek = 62, NR_read = 63, NR_write = 64,
    NR_readv = 65, NR_writev = 66, NR_pread64 = 67, NR_pwrite64 = 68, NR_readlinkat = 78, NR_newfstatat = 79, NR_fstat = 80,
    NR_exit = 93, NR_exit_group = 94, NR_set_tid_address = 96, NR_set_robust_list = 99,
    NR_clock_gettime = 113, NR_sched_getaffinity = 123, NR_rt_sigaction = 134, NR_rt_sigprocmask = 135,
    NR_uname = 160, NR_gettimeofday = 169, NR_getpid = 172, NR_getppid = 173, NR_getuid = 174,
    NR_geteuid = 175, NR_getgid = 176, NR_getegid = 177, NR_gettid = 178, NR_brk = 214, NR_munmap = 215,
    NR_mmap = 222, NR_mprotect = 226, NR_madvise = 233, NR_prlimit64 = 261, NR_getrandom = 278,
    NR_rseq = 293,
};

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

static int64_t sys_uname(struct emu_proc *p, const uint64_t *a)
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

static int64_t sys_rt_sigaction(struct emu_proc *p, const uint64_t *a)
{
    /* Accepted without delivery: no signal is ever raised in the guest yet. */
    uint64_t sig = a[0];
    if (a[3] != G_SIGSET_SIZE || sig < 1 || sig > G_NSIG || (a[1] && (sig == 9 || sig == 19)))
        return -EINVAL;
    if (a[1] && !emu_mem_range_ok(&p->mem, a[1], 32, EMU_PERM_R))
        return -EFAULT;
    return a[2] ? put_zero(p, a[2], 32) : 0; /* struct sigaction: handler, flags, restorer, mask */
}

static int64_t sys_rt_sigprocmask(struct emu_proc *p, const uint64_t *a)
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

static int64_t sys_clock_gettime(struct emu_proc *p, const uint64_t *a)
{
    /* REALTIME .. BOOTTIME, REALTIME_ALARM, BOOTTIME_ALARM, TAI: the host's clock of the same id. */
    if (a[0] > 11 || a[0] == 10)
        return -EINVAL;
    struct timespec ts;
    if (clock_gettime((clockid_t)a[0], &ts))
        return -errno;
    return put_timespec(p, a[1], (uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec);
}

static int64_t sys_gettimeofday(struct emu_proc *p, const uint64_t *a)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (a[0] && put_timespec(p, a[0], (uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec / 1000))
        return -EFAULT;
    return a[1] ? put_zero(p, a[1], 8) : 0; /* struct timezone: UTC */
}

static int64_t sys_getrandom(struct emu_proc *p, const uint64_t *a)
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

static int64_t sys_prlimit64(struct emu_proc *p, const uint64_t *a)
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

static int64_t sys_sched_getaffinity(struct emu_proc *p, const uint64_t *a)
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

static int64_t sys_set_robust_list(struct emu_proc *p, const uint64_t *a)
{
    (void)p;
    return a[1] == 24 ? 0 : -EINVAL; /* sizeof(struct robust_list_head) */
}

static int64_t sys_pid(struct emu_proc *p, const uint64_t *a)
{
    (void)p, (void)a;
    return getpid(); /* one thread: its tid is the pid */
}

static int64_t sys_getppid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getppid(); }
static int64_t sys_getuid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getuid(); }
static int64_t sys_geteuid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return geteuid(); }
static int64_t sys_getgid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getgid(); }
static int64_t sys_getegid(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return getegid(); }

/* rseq is refused as a kernel without CONFIG_RSEQ would: C runtimes register it at start-up and
 * carry on without it. */
static int64_t sys_enosys(struct emu_proc *p, const uint64_t *a) { (void)p, (void)a; return -ENOSYS; }

static int64_t sys_sysinfo(struct emu_proc *p, const uint64_t *a)
{
    /* struct sysinfo is laid out alike on every 64-bit Linux: the host's figures. */
    struct sysinfo si;
    if (sysinfo(&si))
        return -errno;
    _Static_assert(sizeof si == 112, "struct sysinfo as AArch64 lays it out");
    return emu_mem_copy_in(&p->mem, a[0], &si, sizeof si) ? -EFAULT : 0;
}

static int64_t sys_getrusage(struct emu_proc *p, const uint64_t *a)
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

static int64_t sys_prctl(struct emu_proc *p, const uint64_t *a)
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

static emu_sys_fn *handler(uint64_t nr)
{
    switch (nr) {
    case NR_getcwd: return emu_sys_getcwd;
    case NR_dup: return emu_sys_dup;
    case NR_dup3: return emu_sys_dup3;
    case NR_fcntl: return emu_sys_fcntl;
    case NR_faccessat: return emu_sys_faccessat;
    case NR_faccessat2: return emu_sys_faccessat2;
    case NR_chdir: return emu_sys_chdir;
    case NR_fchdir: return emu_sys_fchdir;
    case NR_getdents64: return emu_sys_getdents64;
    case NR_sendfile: return emu_sys_sendfile;
    case NR_fsync: return emu_sys_fsync;
    case NR_fdatasync: return emu_sys_fdatasync;
    case NR_fadvise64: return emu_sys_fadvise64;
    case NR_getrusage: return sys_getrusage;
    case NR_prctl: return sys_prctl;
    case NR_sysinfo: return sys_sysinfo;
    case NR_mremap: return emu_sys_mremap;
    case NR_ioctl: return emu_sys_ioctl;
    case NR_openat: return emu_sys_openat;
    case NR_close: return emu_sys_close;
    case NR_lseek: return emu_sys_lseek;
    case NR_read: return emu_sys_read;
    case NR_write: return emu_sys_write;
    case NR_readv: return emu_sys_readv;
    case NR_writev: return emu_sys_writev;
    case NR_pread64: return emu_sys_pread64;
    case NR_pwrite64: return emu_sys_pwrite64;
    case NR_readlinkat: return emu_sys_readlinkat;
    case NR_newfstatat: return emu_sys_newfstatat;
    case NR_fstat: return emu_sys_fstat;
    case NR_set_tid_address: return sys_pid;
    case NR_set_robust_list: return sys_set_robust_list;
    case NR_clock_gettime: return sys_clock_gettime;
    case NR_sched_getaffinity: return sys_sched_getaffinity;
    case NR_rt_sigaction: return sys_rt_sigaction;
    case NR_rt_sigprocmask: return sys_rt_sigprocmask;
    case NR_uname: return sys_uname;
    case NR_gettimeofday: return sys_gettimeofday;
    case NR_getpid: return sys_pid;
    case NR_gettid: return sys_pid;
    case NR_getppid: return sys_getppid;
    case NR_getuid: return sys_getuid;
    case NR_geteuid: return sys_geteuid;
    case NR_getgid: return sys_getgid;
    case NR_getegid: return sys_getegid;
    case NR_brk: return emu_sys_brk;
    case NR_munmap: return emu_sys_munmap;
    case NR_mmap: return emu_sys_mmap;
    case NR_mprotect: return emu_sys_mprotect;
    case NR_madvise: return emu_sys_madvise;
    case NR_prlimit64: return sys_prlimit64;
    case NR_getrandom: return sys_getrandom;
    case NR_rseq: return sys_enosys;
    default: return NULL;
    }
}

enum emu_status emu_syscall(struct emu_proc *p)
{
    uint64_t nr = p->st.x[8];
    if (nr == NR_exit || nr == NR_exit_group) {
        p->exit_code = (int)(p->st.x[0] & 0xff);
        return EMU_EXIT;
    }
    emu_sys_fn *fn = handler(nr);
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
