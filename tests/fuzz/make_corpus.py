#!/usr/bin/env python3
"""make_corpus.py: the seed corpus of the libFuzzer targets, generated, never checked in.

    make_corpus.py --out DIR [--programs DIR]

writes DIR/fuzz_elf, DIR/fuzz_flat, DIR/fuzz_loopvec and DIR/fuzz_syscall (emptied first), one
file per seed named by its SHA-1 as libFuzzer names corpus files:

  fuzz_elf      every .elf and .bin guest program under --programs, and a few damaged headers;
  fuzz_flat     fuzz_guest.h's register header, then instruction words: chunks of the guest
                programs' flat images, the single-block loops found in them, hand-made loops;
  fuzz_loopvec  the loops only, each with a few register set-ups;
  fuzz_syscall  short call sequences (files under the scratch root, mmap, brk, vectors, clocks)
                and hostile arguments.

The input formats are those of tests/fuzz/fuzz_guest.h and fuzz_syscall.c.
"""
import argparse
import hashlib
import os
import shutil
import struct

# fuzz_guest.h's value kinds (4 bytes: kind, then a 24-bit operand).
SMALL, NEG, DATA, DATA_END, PAGE, WIN_END, CODE, STACK, POW2, TOP, INT_EDGE, ANY, MMAP, PREV, MAX_RW, HIGH = range(16)
FZ_DATA = 0x20000
AT_FDCWD = 100  # as NEG: -100


def val(kind, v=0):
    return struct.pack("<BI", kind, v & 0xffffff)[:4]


def words(ws):
    return struct.pack("<%dI" % len(ws), *ws)


# -- flat code -----------------------------------------------------------------------------------

def header(regs, nzcv=0):
    """x0..x7 as (kind, v) pairs; nzcv goes to the first byte's high nibble."""
    b = bytearray(b"".join(val(k, v) for k, v in regs))
    b[0] |= nzcv << 4
    return bytes(b)


UDF = 0x00000000
SUBS_X0 = 0xf1000400
SUB_X0 = 0xd1000400
ADD_X1_3 = 0x91000c21
LDR_W2_X1_POST = 0xb8404422
LDR_X2_X1_POST = 0xf8408422
ADD_W2_1 = 0x11000442
STR_W2_X3_POST = 0xb8004462
ADD_W4_W2_W4 = 0x0b040044
CMP_W2_W4 = 0x6b04005f
CSEL_W4_HI = 0x1a848044
CMP_X4_X2 = 0xeb02009f
CSEL_X4_LT = 0x9a84b044
EOR_X4_X2_X4 = 0xca040044
STR_X0_X3_POST = 0xf8008460
LDR_W2_X1_PRE = 0xb8404c22
ADD_X5_X1_X2 = 0x8b020025
STR_X5_X3_POST = 0xf8008465
ADD_W7_1 = 0x110004e7
SUB_W7_1 = 0x510004e7
LDR_W2_UXTW = 0xb8675822
STR_W2_X3_UXTW = 0xb8275862
LDR_X2_SXTW = 0xf867d822
LDR_W2_SXTW = 0xb867d822
STR_W2_SXTW = 0xb827d822
STRB_W2_X1_X3 = 0x38236822
STR_W2_X1_X3 = 0xb8236822
ADD_X3_X3_X4 = 0x8b040063
CMP_X3_X0 = 0xeb00007f
ADD_W3_W3_W4 = 0x0b040063
STRB_W2_X1_W3_UXTW = 0x38234822
CMP_W3_W0 = 0x6b00007f
COND_NE, COND_CC, COND_HI = 1, 3, 8


def bcond(n, cond):  # from the last of n instructions back to the first
    return 0x54000000 | ((-(n - 1)) & 0x7ffff) << 5 | cond


def cbnz_x0(n):
    return 0xb5000000 | ((-(n - 1)) & 0x7ffff) << 5


def tbnz_x0_3(n):
    return 0x37180000 | ((-(n - 1)) & 0x3fff) << 5


def hand_loops():
    """Loops the vectorizer takes (affine, elementwise, reductions, 32-bit indices, register
    steps) and a few it refuses at run time, each ended by an undefined word."""
    body = [
        [ADD_X1_3, SUBS_X0],
        [ADD_X1_3, SUB_X0],
        [LDR_W2_X1_POST, ADD_W2_1, STR_W2_X3_POST, SUBS_X0],
        [LDR_W2_X1_POST, ADD_W4_W2_W4, SUBS_X0],
        [LDR_W2_X1_POST, CMP_W2_W4, CSEL_W4_HI, SUBS_X0],
        [LDR_X2_X1_POST, CMP_X4_X2, CSEL_X4_LT, SUBS_X0],
        [STR_X0_X3_POST, SUBS_X0],
        [LDR_W2_X1_PRE, ADD_X5_X1_X2, STR_X5_X3_POST, SUBS_X0],
        [LDR_W2_UXTW, ADD_W2_1, STR_W2_X3_UXTW, ADD_W7_1, SUBS_X0],
        [LDR_X2_SXTW, EOR_X4_X2_X4, SUB_W7_1, SUBS_X0],
        [LDR_W2_SXTW, ADD_W2_1, STR_W2_SXTW, ADD_W7_1, SUBS_X0],
    ]
    loops = [b + [bcond(len(b) + 1, COND_NE), UDF] for b in body]
    loops.append([ADD_X1_3, SUB_X0, cbnz_x0(3), UDF])
    loops.append([ADD_X1_3, SUB_X0, tbnz_x0_3(3), UDF])
    for st in (STRB_W2_X1_X3, STR_W2_X1_X3):
        loops.append([st, ADD_X3_X3_X4, CMP_X3_X0, bcond(4, COND_CC), UDF])
    loops.append([ADD_W3_W3_W4, STRB_W2_X1_W3_UXTW, CMP_W3_W0, bcond(4, COND_CC), UDF])
    return loops


# Register set-ups for loops: x0 a count, x1/x3 data pointers, x4 a step, x7 a 32-bit index.
LOOP_REGS = [
    [(SMALL, 1000), (DATA, 0), (SMALL, 0), (DATA, 0x8000), (SMALL, 7), (SMALL, 0), (SMALL, 0), (SMALL, 5)],
    [(SMALL, 3000), (DATA, 0x100), (SMALL, 0x5a), (DATA, 0x104), (SMALL, 3), (SMALL, 16), (SMALL, 0), (SMALL, 0)],
    [(SMALL, 0x8000), (DATA, 0), (SMALL, 0x5a), (SMALL, 5), (SMALL, 2), (SMALL, 0), (SMALL, 0), (NEG, 16)],
    [(SMALL, 100), (DATA_END, 0x100 - 64), (SMALL, 1), (CODE, 0x100), (SMALL, 1), (SMALL, 0), (SMALL, 0), (SMALL, 0)],
]

# Register set-ups for program code: pointers into data and the stack, small counts.
CODE_REGS = [
    [(SMALL, 10), (DATA, 0), (DATA, 0x4000), (DATA, 0x8000), (SMALL, 100), (STACK, 0x100), (SMALL, 3), (DATA, 0xc000)],
    [(SMALL, 1), (SMALL, 2), (SMALL, 3), (SMALL, 4), (NEG, 1), (ANY, 77), (PAGE, 0x30), (WIN_END, 0)],
]


def backward_loops(code):
    """Single-block loops in a flat image: a conditional branch back at most 47 words, with no
    other branch in between. Returns the word lists, loop first."""
    ws = struct.unpack("<%dI" % (len(code) // 4), code[: len(code) // 4 * 4])

    def branch_off(w):
        if (w & 0xff000010) == 0x54000000 or (w & 0x7e000000) == 0x34000000:  # B.cond, CBZ/CBNZ
            off = (w >> 5) & 0x7ffff
            return off - (1 << 19) if off & (1 << 18) else off
        if (w & 0x7e000000) == 0x36000000:  # TBZ/TBNZ
            off = (w >> 5) & 0x3fff
            return off - (1 << 14) if off & (1 << 13) else off
        if (w & 0x7c000000) == 0x14000000 or (w & 0xfe1f0000) == 0xd61f0000:  # B/BL, BR/BLR/RET
            return 0x7fffffff
        return None

    found = []
    for i, w in enumerate(ws):
        off = branch_off(w)
        if off is None or off == 0x7fffffff or not -47 <= off < 0:
            continue
        start = i + off
        if all(branch_off(x) is None for x in ws[start:i]):
            found.append(list(ws[start:i + 1]) + list(ws[i + 1:i + 3]) + [UDF])
    return found


# -- syscalls ------------------------------------------------------------------------------------

NR = dict(ioctl=29, openat=56, close=57, lseek=62, read=63, write=64, readv=65, writev=66, pread64=67,
          pwrite64=68, newfstatat=79, fstat=80, exit_group=94, set_tid_address=96, set_robust_list=99,
          clock_gettime=113, sched_getaffinity=123, rt_sigaction=134, rt_sigprocmask=135, uname=160,
          gettimeofday=169, getpid=172, brk=214, munmap=215, mmap=222, mprotect=226, madvise=233,
          prlimit64=261, getrandom=278, rseq=293)


def call(name, *args):
    nr = NR[name] if isinstance(name, str) else name
    args = list(args) + [(SMALL, 0)] * (6 - len(args))
    return struct.pack("<H", nr) + b"".join(val(k, v) for k, v in args)


def calls(cs, data=b""):
    """A syscall input: count, calls, then the bytes that go to FZ_DATA."""
    assert 1 <= len(cs) <= 8
    return bytes([len(cs) - 1]) + b"".join(cs) + data


def sys_data():
    """FZ_DATA as the syscall seeds use it: paths at 0 and 16, an iovec pair at 64, text at 0x100."""
    d = bytearray(0x180)
    d[0:3] = b"/f\0"
    d[16:25] = b"file.txt\0"
    struct.pack_into("<4Q", d, 64, FZ_DATA + 0x100, 16, FZ_DATA + 0x140, 32)
    d[0x100:0x180] = (b"temu fuzz seed: hello, world\n" * 5)[:0x80]
    return bytes(d)


def syscall_seeds():
    d = sys_data()
    O_RDWR_CREAT, O_TMPFILE_RDWR = 0o102, 0o20200002
    fd3 = (SMALL, 3)
    dirs = bytearray(d)
    dirs[0x20:0x3a] = b"/\0\0\0\0\0\0\0../../etc/passwd\0\0"
    dirs = bytes(dirs)
    return [
        calls([call("write", (SMALL, 1), (DATA, 0x100), (SMALL, 16))], d),
        calls([call("openat", (NEG, AT_FDCWD), (DATA, 0), (SMALL, O_RDWR_CREAT), (SMALL, 0o644)),
               call("write", fd3, (DATA, 0x100), (SMALL, 64)),
               call("lseek", fd3, (SMALL, 0), (SMALL, 0)),
               call("read", fd3, (DATA, 0x400), (SMALL, 64)),
               call("fstat", fd3, (DATA, 0x800)),
               call("pwrite64", fd3, (DATA, 0x100), (SMALL, 8), (SMALL, 4096)),
               call("pread64", fd3, (DATA, 0x400), (SMALL, 8), (SMALL, 4090)),
               call("close", fd3)], d),
        calls([call("openat", (NEG, AT_FDCWD), (DATA, 16), (SMALL, O_RDWR_CREAT), (SMALL, 0o600)),
               call("writev", fd3, (DATA, 64), (SMALL, 2)),
               call("mmap", (SMALL, 0), (SMALL, 8192), (SMALL, 1), (SMALL, 2), fd3, (SMALL, 0)),
               call("munmap", (PREV, 0), (SMALL, 8192)),
               call("newfstatat", (NEG, AT_FDCWD), (DATA, 16), (DATA, 0x800), (SMALL, 0)),
               call("newfstatat", fd3, (DATA, 3), (DATA, 0x800), (SMALL, 0x1000))], d),
        calls([call("openat", (NEG, AT_FDCWD), (DATA, 0), (SMALL, O_TMPFILE_RDWR), (SMALL, 0o600)),
               call("pwrite64", fd3, (DATA, 0x100), (SMALL, 100), (SMALL, 1 << 20)),
               call("mmap", (SMALL, 0), (SMALL, 4096), (SMALL, 3), (SMALL, 2), fd3, (SMALL, 1 << 20)),
               call("mprotect", (PREV, 0), (SMALL, 4096), (SMALL, 1))], d),
        calls([call("readv", (SMALL, 0), (DATA, 64), (SMALL, 2)),
               call("writev", (SMALL, 2), (DATA, 64), (SMALL, 2)),
               call("ioctl", (SMALL, 1), (SMALL, 0x5401), (DATA, 0))], d),
        calls([call("mmap", (SMALL, 0), (SMALL, 8192), (SMALL, 3), (SMALL, 0x22), (NEG, 1), (SMALL, 0)),
               call("madvise", (PREV, 0), (SMALL, 8192), (SMALL, 4)),
               call("mmap", (PAGE, 0x50), (SMALL, 4096), (SMALL, 7), (SMALL, 0x32), (NEG, 1), (SMALL, 0)),
               call("mprotect", (PREV, 0), (SMALL, 4096), (SMALL, 5)),
               call("mmap", (PAGE, 0x50), (SMALL, 4096), (SMALL, 3), (SMALL, 0x100022), (NEG, 1), (SMALL, 0)),
               call("munmap", (PAGE, 0x50), (SMALL, 4096))]),
        calls([call("brk", (SMALL, 0)), call("brk", (PREV, 0x2000)), call("brk", (PREV, -0x1000 & 0xffff)),
               call("brk", (MMAP, 0)), call("brk", (SMALL, 0))]),
        calls([call("uname", (DATA, 0x1000)),
               call("clock_gettime", (SMALL, 1), (DATA, 0x800)),
               call("gettimeofday", (DATA, 0x800), (DATA, 0x810)),
               call("getrandom", (DATA, 0x900), (SMALL, 64), (SMALL, 1)),
               call("sched_getaffinity", (SMALL, 0), (SMALL, 8), (DATA, 0x900)),
               call("prlimit64", (SMALL, 0), (SMALL, 3), (SMALL, 0), (DATA, 0x900)),
               call("rt_sigaction", (SMALL, 2), (DATA, 0x100), (DATA, 0x900), (SMALL, 8)),
               call("rt_sigprocmask", (SMALL, 0), (DATA, 0x100), (DATA, 0x908), (SMALL, 8))], d),
        calls([call("set_tid_address", (DATA, 0)), call("set_robust_list", (DATA, 0), (SMALL, 24)),
               call("getpid"), call("rseq"), call(500), call("exit_group", (SMALL, 3))]),
        # hostile: the window's end, the data's end, huge lengths, bad fds, unterminated paths
        calls([call("write", (SMALL, 1), (WIN_END, -8 & 0xffff), (SMALL, 16)),
               call("read", (SMALL, 0), (DATA_END, -8 & 0xff), (MAX_RW, 0)),
               call("write", (SMALL, 1), (DATA, 0), (TOP, 0)),
               call("mmap", (SMALL, 0), (TOP, 0), (SMALL, 3), (SMALL, 0x22), (NEG, 1), (SMALL, 0)),
               call("munmap", (PAGE, 0), (WIN_END, 0)),
               call("readv", (SMALL, 1), (DATA_END, -16 & 0xff), (SMALL, 1024)),
               call("openat", (NEG, AT_FDCWD), (DATA_END, -3 & 0xff), (SMALL, 0), (SMALL, 0)),
               call("close", (SMALL, 63))], d),
        calls([call("openat", (NEG, AT_FDCWD), (DATA, 0x20), (SMALL, 0o200000), (SMALL, 0)),
               call("openat", fd3, (DATA, 0x28), (SMALL, 0), (SMALL, 0)),
               call("newfstatat", (NEG, AT_FDCWD), (DATA, 0x28), (DATA, 0x800), (SMALL, 0x100)),
               call("lseek", fd3, (INT_EDGE, 1), (SMALL, 1))],
              dirs),
    ]


# -- ELF -----------------------------------------------------------------------------------------

def damaged(elf):
    """A few broken variants of one ELF image: truncations, a static-pie type, odd headers."""
    out = [elf[:16], elf[:64], elf[:64 + 56], elf[: len(elf) // 2]]
    b = bytearray(elf)
    b[16] = 3  # ET_DYN: static-pie
    out.append(bytes(b))
    b = bytearray(elf)
    b[4] = 1  # ELFCLASS32
    out.append(bytes(b))
    b = bytearray(elf)
    struct.pack_into("<H", b, 56, 0xffff)  # e_phnum
    out.append(bytes(b))
    b = bytearray(elf)
    struct.pack_into("<Q", b, 24, 0xfffffffffffffff0)  # e_entry
    out.append(bytes(b))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--programs", help="directory of guest programs (.elf and .bin)")
    a = ap.parse_args()

    seeds = {t: [] for t in ("fuzz_elf", "fuzz_flat", "fuzz_loopvec", "fuzz_syscall")}
    progs = []
    if a.programs and os.path.isdir(a.programs):
        progs = sorted(f for f in os.listdir(a.programs) if f.endswith((".elf", ".bin")))
    loops_seen = set()
    for f in progs:
        img = open(os.path.join(a.programs, f), "rb").read()
        seeds["fuzz_elf"].append(img)
        if f == "hello.elf":
            seeds["fuzz_elf"] += damaged(img)
        if not f.endswith(".bin"):
            continue
        # the start of the image, and a chunk from its middle
        for i, off in enumerate((0, len(img) // 2 // 4 * 4)):
            seeds["fuzz_flat"].append(header(CODE_REGS[i % 2]) + img[off:off + 1024])
        for lp in backward_loops(img):
            if tuple(lp) not in loops_seen:
                loops_seen.add(tuple(lp))
                seeds["fuzz_loopvec"].append(header(LOOP_REGS[len(loops_seen) % 2]) + words(lp))
    seeds["fuzz_elf"].append(words([0x52800540, 0xd2800bc8, 0xd4000001]))  # mov w0,#42; mov x8,#94; svc
    for i, lp in enumerate(hand_loops()):
        for j, regs in enumerate(LOOP_REGS):
            s = header(regs, nzcv=(i + j) & 1) + words(lp)  # bit 4: loop profiling too
            seeds["fuzz_loopvec"].append(s)
            if j == 0:
                seeds["fuzz_flat"].append(s)
    seeds["fuzz_flat"] += seeds["fuzz_loopvec"][:: max(1, len(seeds["fuzz_loopvec"]) // 32)]
    seeds["fuzz_syscall"] = syscall_seeds()

    for target, items in seeds.items():
        d = os.path.join(a.out, target)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for s in items:
            with open(os.path.join(d, hashlib.sha1(s).hexdigest()), "wb") as fh:
                fh.write(s)
    print("seeds: " + ", ".join("%s %d" % (t, len(os.listdir(os.path.join(a.out, t)))) for t in seeds))


if __name__ == "__main__":
    main()
