/* temu_options.c: command-line parsing. Options come before the program; everything after the
 * program path belongs to the guest. */
#include "temu_options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: temu [options] prog.elf|prog.bin [guest args...]\n"
    "       temu sweep [options] prog [guest args...]    (temu sweep --help)\n"
    "       temu compare [options] prog [guest args...]  (temu compare --help)\n"
    "       temu loops [options] prog [guest args...]    (temu loops --help)\n"
    "\n"
    "Runs a static AArch64 Linux program (ELF, or a flat binary loaded at 0x400000).\n"
    "\n"
    "options:\n"
    "  --engine=E           cpu, gpu (batch engine: one host-device sync per block) or resident\n"
    "                       (follows branches on the device); default gpu when an OpenCL GPU\n"
    "                       exists, else cpu\n"
    "  --batch=N            gpu, resident: at most N instructions fetched, decoded and\n"
    "                       executed per block (1..16384, default 1024)\n"
    "  --budget=N           resident engine: at most N instructions per device launch\n"
    "                       (default 1000000)\n"
    "  --stats              print instructions, blocks, syncs, wall time, IPS to stderr\n"
    "  --stats=json         the same as one JSON object on stderr's last line\n"
    "  --max-insns=N        stop with an error after N guest instructions\n"
    "  --loopvec            run the loops temu recognises (affine, element-wise, reductions;\n"
    "                       see `temu loops`) as vector operations, with results identical to\n"
    "                       sequential execution, on every engine (with --lanes: cpu only)\n"
    "  --trace[=FILE]       one line per instruction (pc, encoding, disassembly, changed\n"
    "                       registers) to stderr or FILE\n"
    "  --base=ADDR          load address of a flat binary (nonzero; default 0x400000)\n"
    "  --flat-size=BYTES    size of a flat binary's read-write-execute region (default 16M)\n"
    "  --fs-root=DIR        confine the guest's file access to DIR (an existing directory), as a\n"
    "                       chroot would, from every directory fd\n"
    "  --strict-syscalls    stop with an error (exit 1) on a syscall temu does not implement;\n"
    "                       without it such a syscall returns -ENOSYS to the guest, with one\n"
    "                       warning line on the guest's stderr per syscall number\n"
    "  --dump-state=FILE    write the final registers, sp, pc and flags to FILE (\"-\": stderr)\n"
    "  --lanes=L            run L instances of the program at once (1..1048576, default 1); each\n"
    "                       guest argument has {lane} replaced by the lane's number. The CPU\n"
    "                       engine runs lanes on all host cores (env TEMU_THREADS to change)\n"
    "  --lane-output=DIR    lane N's stdout and stderr to DIR/N.out and DIR/N.err, and a table\n"
    "                       DIR/lanes.tsv (lane, exit code, instructions, status); without it\n"
    "                       lane 0 writes to temu's stdout and stderr, the others to /dev/null\n"
    "  --lane-mem=SIZE      guest memory window per lane (K/M/G suffix, page-aligned, at least\n"
    "                       1M); default with lanes: the image rounded up to 1M + 17M\n"
    "  --list-devices       list the OpenCL platforms and devices, and which one temu picks\n"
    "  --device=N           OpenCL device index from --list-devices (or env TEMU_DEVICE)\n"
    "  --help, --version\n"
    "\n"
    "exit status: the guest's exit code; 132 undefined instruction; 139 guest memory fault;\n"
    "1 temu error (bad file, instruction limit, unsupported syscall with --strict-syscalls);\n"
    "2 usage error.\n"
    "With lanes: lane 0's status, or 1 when any lane stopped on anything but its exit.\n"
    "Every error is one line on stderr.\n"
    "\n"
    "environment: TEMU_DEVICE, TEMU_THREADS, TEMU_CL_PROGRAM, TEMU_CL_CACHE, TEMU_GPU_LOCAL,\n"
    "TEMU_GPU_LOOP_CHUNK, XDG_CACHE_HOME, HOME, OCL_ICD_VENDORS (a bad value is a usage error);\n"
    "every variable and what it does: docs/usage.md, Environment.\n";

int temu_fs_root_ok(const char *dir)
{
    struct stat st;
    return *dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "temu: %s%s%s (see temu --help)\n", what, arg ? ": " : "", arg ? arg : "");
    return TEMU_EXIT_USAGE;
}

/* Parse a size or address: decimal or 0x hex, with an optional K/M/G suffix. */
static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        return -1;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno)
        return -1;
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    }
    if (*end || (shift && v > (UINT64_MAX >> shift)))
        return -1;
    *out = (uint64_t)v << shift;
    return 0;
}

const char *temu_option_value(const char *arg, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n))
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    return arg[n] ? NULL : "";
}

int temu_options_parse(int argc, char **argv, struct temu_options *o)
{
    memset(o, 0, sizeof *o);
    o->device = -1;
    o->batch = TEMU_BATCH_DEFAULT;
    o->budget = TEMU_BUDGET_DEFAULT;
    o->lanes = 1;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("temu %s\n", TEMU_VERSION);
            return 0;
        } else if (!strcmp(a, "--strict-syscalls")) {
            o->strict_syscalls = 1;
        } else if (!strcmp(a, "--loopvec")) {
            o->loopvec = 1;
        } else if (!strcmp(a, "--list-devices")) {
            o->list_devices = 1;
        } else if ((v = temu_option_value(a, "--device"))) {
            uint64_t n;
            if (parse_u64(v, &n) || n > 1000)
                return usage_error("--device needs a device index", v);
            o->device = (int)n;
        } else if ((v = temu_option_value(a, "--engine"))) {
            if (!strcmp(v, "cpu"))
                o->engine = TEMU_ENGINE_CPU;
            else if (!strcmp(v, "gpu"))
                o->engine = TEMU_ENGINE_GPU;
            else if (!strcmp(v, "resident"))
                o->engine = TEMU_ENGINE_RESIDENT;
            else
                return usage_error("unknown engine (expected cpu, gpu or resident)", v);
        } else if ((v = temu_option_value(a, "--batch"))) {
            uint64_t n;
            if (parse_u64(v, &n) || n == 0 || n > TEMU_BATCH_MAX)
                return usage_error("--batch needs a number from 1 to 16384", v);
            o->batch = (unsigned)n;
        } else if ((v = temu_option_value(a, "--budget"))) {
            uint64_t n;
            if (parse_u64(v, &n) || n == 0 || n > 0xffffffffu)
                return usage_error("--budget needs a number from 1 to 4294967295", v);
            o->budget = (uint32_t)n;
        } else if ((v = temu_option_value(a, "--dump-state"))) {
            if (!*v)
                return usage_error("--dump-state needs a file name (or -)", NULL);
            o->dump_state = v;
        } else if ((v = temu_option_value(a, "--stats"))) {
            if (!*v)
                o->stats = TEMU_STATS_TEXT;
            else if (!strcmp(v, "json"))
                o->stats = TEMU_STATS_JSON;
            else
                return usage_error("unknown --stats format (expected --stats or --stats=json)", v);
        } else if ((v = temu_option_value(a, "--max-insns"))) {
            if (parse_u64(v, &o->max_insns) || o->max_insns == 0)
                return usage_error("--max-insns needs a positive number", v);
        } else if ((v = temu_option_value(a, "--trace"))) {
            o->trace_path = *v ? v : "-";
        } else if ((v = temu_option_value(a, "--base"))) {
            /* 0 stands for the default in flat_base, and nothing can load there anyway. */
            if (parse_u64(v, &o->flat_base) || (o->flat_base & 0xfff) || o->flat_base == 0)
                return usage_error("--base needs a nonzero page-aligned address", v);
        } else if ((v = temu_option_value(a, "--flat-size"))) {
            if (parse_u64(v, &o->flat_size) || o->flat_size == 0)
                return usage_error("--flat-size needs a positive size", v);
        } else if ((v = temu_option_value(a, "--lanes"))) {
            uint64_t n;
            if (parse_u64(v, &n) || n == 0 || n > TEMU_LANES_MAX)
                return usage_error("--lanes needs a number from 1 to 1048576", v);
            o->lanes = (unsigned)n;
        } else if ((v = temu_option_value(a, "--lane-output"))) {
            if (!*v)
                return usage_error("--lane-output needs a directory", NULL);
            o->lane_output = v;
        } else if ((v = temu_option_value(a, "--lane-mem"))) {
            if (parse_u64(v, &o->lane_mem) || (o->lane_mem & 0xfff) || o->lane_mem < TEMU_LANE_MEM_MIN)
                return usage_error("--lane-mem needs a page-aligned size of at least 1M", v);
        } else if ((v = temu_option_value(a, "--fs-root"))) {
            if (!temu_fs_root_ok(v))
                return usage_error("--fs-root needs an existing directory", v);
            o->fs_root = v;
        } else {
            return usage_error("unknown option", a);
        }
    }
    if (o->list_devices)
        return -1;
    if (i >= argc)
        return usage_error("no program given", NULL);
    /* One trace would not say which lane it is; register dumps go one file per lane. */
    if ((o->lanes > 1 || o->lane_output) && o->trace_path)
        return usage_error("--trace needs a single lane (no --lanes, --lane-output)", NULL);
    if ((o->lanes > 1 || o->lane_output) && o->dump_state && !strcmp(o->dump_state, "-"))
        return usage_error("--dump-state with lanes needs a directory (it writes DIR/N.state)", NULL);
    o->prog = argv[i];
    o->guest_argv = argv + i;
    return -1;
}
