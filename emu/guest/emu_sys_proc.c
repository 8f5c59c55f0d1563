/* emu_sys_proc.c: what the guest sees of its own /proc entry.
 *
 * temu's host process is not the guest: /proc/self/mem would be temu's memory, /proc/self/fd/N
 * temu's descriptors, /proc/self/exe temu's binary. So every name under temu's own /proc entry
 * (/proc/self, /proc/thread-self, /proc/<temu's pid or one of its thread ids>, and their task/<tid>
 * directories), however the guest reached it (its text, a symlink, a directory fd), is answered here
 * from the guest's own view, as qemu-user does:
 *   exe              the guest program            cwd, root   the guest's cwd and root
 *   fd/N             the guest's fd N             maps, auxv, cmdline, stat, comm   synthesized
 *   comm             the guest's name (prctl)
 *   status, limits, cgroup, mounts, mountinfo, statm   the host's (no memory in them)
 * and every other name (mem, pagemap, environ, map_files, fdinfo, syscall, ...) is refused with
 * EACCES. emu_sys_path.c finds the names; this file answers them. */
#define _GNU_SOURCE
#include "emu_sys_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* 1 when the decimal string s[0, n) is temu's pid or the id of one of its threads. */
static int is_own_id(const char *s, size_t n)
{
    if (n == 0 || n > 10)
        return 0;
    char id[16], task[48];
    memcpy(id, s, n);
    id[n] = 0;
    for (size_t i = 0; i < n; i++)
        if (id[i] < '0' || id[i] > '9')
            return 0;
    if (strtol(id, NULL, 10) == (long)getpid())
        return 1;
    snprintf(task, sizeof task, "/proc/self/task/%s", id);
    return access(task, F_OK) == 0;
}

/* Length of the leading component of s (up to '/' or the end). */
static size_t comp_len(const char *s)
{
    const char *e = strchr(s, '/');
    return e ? (size_t)(e - s) : strlen(s);
}

/* Normalise the absolute path `in` lexically into out ("//", "." and ".." folded). 0, or -1 if
 * it is not absolute or too long. */
static int normalise(const char *in, char *out, size_t cap)
{
    if (in[0] != '/')
        return -1;
    size_t n = 0;
    out[0] = 0;
    for (const char *s = in; *s;) {
        while (*s == '/')
            s++;
        size_t k = comp_len(s);
        if (k == 0 || (k == 1 && s[0] == '.')) {
        } else if (k == 2 && s[0] == '.' && s[1] == '.') {
            while (n > 0 && out[--n] != '/')
                ;
            out[n] = 0;
        } else {
            if (n + 1 + k + 1 > cap)
                return -1;
            out[n++] = '/';
            memcpy(out + n, s, k);
            n += k;
            out[n] = 0;
        }
        s += k;
    }
    if (n == 0)
        snprintf(out, cap, "/");
    return 0;
}

const char *emu_sys_proc_rest(const char *path, char *buf, size_t cap)
{
    if (normalise(path, buf, cap))
        return NULL;
    if (strncmp(buf, "/proc/", 6))
        return NULL;
    const char *s = buf + 6;
    size_t k = comp_len(s);
    if (!((k == 4 && !strncmp(s, "self", 4)) || (k == 11 && !strncmp(s, "thread-self", 11)) || is_own_id(s, k)))
        return NULL;
    s += k;
    if (*s == '/')
        s++;
    /* task/<own tid>/... is the same view. */
    if (!strncmp(s, "task/", 5) && is_own_id(s + 5, comp_len(s + 5))) {
        s += 5 + comp_len(s + 5);
        if (*s == '/')
            s++;
    }
    return s;
}

/* A read-only memfd holding text[0, n): a synthesized /proc file. */
static int memfd_with(const void *text, size_t n)
{
    int fd = memfd_create("temu-proc", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        return -errno;
    const char *c = text;
    for (size_t done = 0; done < n;) {
        ssize_t w = write(fd, c + done, n - done);
        if (w <= 0) {
            close(fd);
            return -EIO;
        }
        done += (size_t)w;
    }
    lseek(fd, 0, SEEK_SET);
    fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
    return fd;
}

/* A growable text buffer for the synthesized files. */
struct text {
    char *s;
    size_t n, cap;
};

static void text_add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char line[512];
    int k = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    if ((size_t)k >= sizeof line)
        k = sizeof line - 1;
    if (t->n + (size_t)k + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4096;
        while (cap < t->n + (size_t)k + 1)
            cap *= 2;
        char *s = realloc(t->s, cap);
        if (!s)
            return;
        t->s = s;
        t->cap = cap;
    }
    memcpy(t->s + t->n, line, (size_t)k + 1);
    t->n += (size_t)k;
}

/* /proc/self/maps from the guest's page table: one line per run of pages with equal permissions. */
static void make_maps(struct emu_proc *p, struct text *t)
{
    const struct emu_mem *m = &p->mem;
    uint64_t pages = m->size >> EMU_PAGE_BITS;
    const unsigned keep = EMU_PERM_RWX | EMU_PERM_MAPPED;
    for (uint64_t i = 0; i < pages;) {
        unsigned perm = m->perm[i] & keep;
        uint64_t j = i + 1;
        while (j < pages && (m->perm[j] & keep) == perm)
            j++;
        if (perm & EMU_PERM_MAPPED) {
            uint64_t lo = i << EMU_PAGE_BITS, hi = j << EMU_PAGE_BITS;
            const char *name = "";
            if (lo < m->stack_top && hi > m->stack_top - m->stack_size)
                name = "[stack]";
            else if (m->brk > m->brk_start && lo < m->brk && hi > m->brk_start)
                name = "[heap]";
            text_add(t, "%08" PRIx64 "-%08" PRIx64 " %c%c%cp 00000000 00:00 0%s%s\n", lo, hi,
                     perm & EMU_PERM_R ? 'r' : '-', perm & EMU_PERM_W ? 'w' : '-',
                     perm & EMU_PERM_X ? 'x' : '-', name[0] ? "                          " : "", name);
        }
        i = j;
    }
}

/* Bytes [lo, hi) of guest memory (the argument area, the auxiliary vector), as Linux reads them. */
static void make_guest_bytes(struct emu_proc *p, struct text *t, uint64_t lo, uint64_t hi)
{
    if (hi <= lo || hi - lo > (1u << 20))
        return;
    t->s = malloc(hi - lo);
    if (t->s && emu_mem_peek(&p->mem, lo, t->s, hi - lo) == 0)
        t->n = t->cap = hi - lo;
}

const char *emu_sys_comm(struct emu_proc *p)
{
    if (!p->comm[0]) { /* the program's file name, cut to 15 bytes as Linux's task name */
        const char *s = p->exe_path ? strrchr(p->exe_path, '/') : NULL;
        snprintf(p->comm, sizeof p->comm, "%s", s ? s + 1 : p->exe_path ? p->exe_path : "temu-guest");
    }
    return p->comm;
}

/* /proc/self/stat: the 52 fields of proc(5), the guest's own where temu knows them. */
static void make_stat(struct emu_proc *p, struct text *t)
{
    const struct emu_mem *m = &p->mem;
    uint64_t v[53] = {0};
    v[4] = (uint64_t)getppid(), v[5] = (uint64_t)getpgrp(), v[6] = (uint64_t)getsid(0);
    v[8] = (uint64_t)-1, v[18] = 20, v[20] = 1;
    v[25] = UINT64_MAX, v[26] = p->entry, v[27] = m->brk_start, v[28] = p->start_stack;
    v[38] = 17, v[47] = m->brk_start, v[48] = p->arg_start, v[49] = p->arg_end;
    v[50] = p->env_start, v[51] = p->env_end;
    for (uint64_t i = 0; i < (m->size >> EMU_PAGE_BITS); i++)
        if (m->perm[i] & EMU_PERM_MAPPED)
            v[23] += EMU_PAGE_SIZE; /* vsize */
    text_add(t, "%d (%s) R", (int)getpid(), emu_sys_comm(p));
    for (int i = 4; i <= 52; i++)
        text_add(t, i == 8 ? " %" PRId64 : " %" PRIu64, v[i]);
    text_add(t, "\n");
}

int emu_sys_proc_exe(const struct emu_proc *p, char *buf, size_t cap)
{
    if (!p->exe_path)
        return -ENOENT;
    char real[PATH_MAX];
    if (!realpath(p->exe_path, real))
        return -errno;
    /* Under a root, the program seen from inside it when it lies there. */
    int rc = emu_sys_guest_path(p, real, buf, cap);
    return rc < 0 ? rc : 0;
}

enum proc_kind { P_EXE, P_CWD, P_ROOT, P_FD, P_MAPS, P_AUXV, P_CMDLINE, P_STAT, P_COMM, P_HOST };

static const struct {
    const char *name;
    enum proc_kind kind;
} proc_names[] = {
    {"exe", P_EXE},       {"cwd", P_CWD},         {"root", P_ROOT},        {"fd", P_FD},
    {"maps", P_MAPS},     {"auxv", P_AUXV},       {"cmdline", P_CMDLINE},  {"stat", P_STAT},
    {"status", P_HOST},   {"comm", P_COMM},       {"limits", P_HOST},      {"cgroup", P_HOST},
    {"mounts", P_HOST},   {"mountinfo", P_HOST},  {"statm", P_HOST},
};

/* The entry `rest` names (its first component), or -1 for a refused one; *after points past it. */
static int proc_lookup(const char *rest, const char **after)
{
    size_t k = comp_len(rest);
    for (size_t i = 0; i < sizeof proc_names / sizeof proc_names[0]; i++) {
        if (strlen(proc_names[i].name) == k && !strncmp(rest, proc_names[i].name, k)) {
            *after = rest + k + (rest[k] == '/');
            return (int)proc_names[i].kind;
        }
    }
    return -1;
}

/* The guest fd number at the start of s ("3" or "3/..."), or -1. */
static int64_t fd_number(const char *s, const char **after)
{
    size_t k = comp_len(s);
    if (k == 0 || k > 6)
        return -1;
    int64_t n = 0;
    for (size_t i = 0; i < k; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        n = n * 10 + (s[i] - '0');
    }
    *after = s + k + (s[k] == '/');
    return n;
}

int emu_sys_proc_open(struct emu_proc *p, const char *rest, int hflags, unsigned mode, int depth)
{
    const char *after = "";
    if (!rest[0]) /* the directory itself: names under it come back here */
        return open("/proc/self", (hflags & ~(O_CREAT | O_TRUNC)) | O_CLOEXEC);
    int kind = proc_lookup(rest, &after);
    if (kind < 0)
        return -EACCES;
    int accmode = hflags & O_ACCMODE;
    switch ((enum proc_kind)kind) {
    case P_CWD:
        return emu_sys_open_at(p, EMU_AT_FDCWD, after[0] ? after : ".", hflags, mode, depth + 1);
    case P_ROOT: {
        char path[EMU_SYS_PATH_MAX + 2];
        snprintf(path, sizeof path, "/%s", after);
        return emu_sys_open_at(p, EMU_AT_FDCWD, path, hflags, mode, depth + 1);
    }
    case P_FD: {
        const char *tail = "";
        int64_t n = fd_number(after, &tail);
        if (n < 0)
            return after[0] ? -ENOENT : -EACCES; /* no listing of the directory */
        if (emu_sys_hostfd(p, (uint64_t)n) < 0)
            return -ENOENT;
        if (tail[0])
            return emu_sys_open_at(p, n, tail, hflags, mode, depth + 1);
        /* Reopening the guest's own file, as Linux reopens what the link names. */
        char link[48];
        snprintf(link, sizeof link, "/proc/self/fd/%d", emu_sys_hostfd(p, (uint64_t)n));
        int fd = open(link, hflags | O_CLOEXEC, mode & 07777);
        return fd < 0 ? -errno : fd;
    }
    case P_EXE: {
        if (after[0])
            return -ENOTDIR;
        if (!p->exe_path)
            return -ENOENT;
        int fd = open(p->exe_path, hflags | O_CLOEXEC, mode & 07777);
        return fd < 0 ? -errno : fd;
    }
    case P_HOST: {
        if (after[0])
            return -ENOTDIR;
        char path[64];
        snprintf(path, sizeof path, "/proc/self/%.*s", (int)comp_len(rest), rest);
        int fd = open(path, (hflags & ~(O_CREAT | O_TRUNC)) | O_CLOEXEC);
        return fd < 0 ? -errno : fd;
    }
    case P_MAPS:
    case P_AUXV:
    case P_CMDLINE:
    case P_STAT:
    case P_COMM:
        break;
    }
    if (after[0])
        return -ENOTDIR;
    if (accmode != O_RDONLY || (hflags & (O_CREAT | O_TRUNC)))
        return -EACCES;
    if (hflags & O_DIRECTORY)
        return -ENOTDIR;
    struct text t = {0};
    if (kind == P_MAPS)
        make_maps(p, &t);
    else if (kind == P_AUXV)
        make_guest_bytes(p, &t, p->auxv_start, p->auxv_end);
    else if (kind == P_CMDLINE)
        make_guest_bytes(p, &t, p->arg_start, p->arg_end);
    else if (kind == P_COMM)
        text_add(&t, "%s\n", emu_sys_comm(p));
    else
        make_stat(p, &t);
    int fd = memfd_with(t.s ? t.s : "", t.n);
    free(t.s);
    return fd;
}

int emu_sys_proc_readlink(struct emu_proc *p, const char *rest, char *buf, size_t cap)
{
    const char *after = "";
    if (!rest[0])
        return -EINVAL; /* the directory is no link */
    int kind = proc_lookup(rest, &after);
    if (kind < 0)
        return -EACCES;
    if (kind == P_FD) {
        const char *tail = "";
        int64_t n = fd_number(after, &tail);
        if (n < 0 || emu_sys_hostfd(p, (uint64_t)n) < 0)
            return -ENOENT;
        if (tail[0])
            return -ENOTDIR;
        char link[48], target[PATH_MAX];
        snprintf(link, sizeof link, "/proc/self/fd/%d", emu_sys_hostfd(p, (uint64_t)n));
        ssize_t k = readlink(link, target, sizeof target - 1);
        if (k < 0)
            return -errno;
        target[k] = 0;
        int rc = emu_sys_guest_path(p, target, buf, cap);
        return rc < 0 ? rc : 0;
    }
    if (after[0])
        return -ENOTDIR;
    if (kind == P_EXE)
        return emu_sys_proc_exe(p, buf, cap);
    if (kind == P_ROOT) {
        snprintf(buf, cap, "/");
        return 0;
    }
    if (kind == P_CWD)
        return emu_sys_cwd(p, buf, cap);
    return -EINVAL; /* a file, not a link */
}
