#!/usr/bin/env python3
"""bad_input_fixtures.py OUTDIR: write the bad programs of tests/bad_input.sh into OUTDIR.

Run once at build time (tests/badinput.cmake); the test then only runs temu on them. Each file is
a valid static AArch64 ELF (or a flat binary loaded at 0x400000) with one thing changed; the
comments in bad_input.sh say which, and what temu must answer.
"""
import os
import struct
import sys

PT_LOAD, PT_INTERP, PT_NOTE = 1, 3, 4
RX, RW, R = 5, 6, 4
ET_REL, ET_EXEC = 1, 2
EM_AARCH64, EM_X86_64 = 183, 62
B = 0x400000
U64 = (1 << 64) - 1


def ehdr(cls, data, etype, machine, entry, phnum):
    """A 64-byte ELF header with program headers at 64 (little-endian fields whatever DATA says)."""
    return (b"\x7fELF" + bytes([cls, data, 1]) + bytes(9)
            + struct.pack("<HHIQQQIHHHHHH", etype, machine, 1, entry, 64, 0, 0, 64, 56, phnum,
                          0, 0, 0))


def phdr(ptype, flags, offset, vaddr, filesz, memsz):
    return struct.pack("<IIQQQQQQ", ptype, flags, offset, vaddr, vaddr, filesz, memsz & U64, 4096)


def padded(data, size):
    """DATA extended with zeroes (or cut) to SIZE bytes, as truncate -s does."""
    return data[:size] + bytes(max(0, size - len(data)))


def words(*ws):
    return b"".join(struct.pack("<I", w) for w in ws)


def good_elf(entry=B + 0x1000):
    return padded(ehdr(2, 1, ET_EXEC, EM_AARCH64, entry, 2)
                  + phdr(PT_LOAD, RX, 0, B, 0x1010, 0x1010)
                  + phdr(PT_LOAD, RW, 0x1010, B + 0x11010, 0x10, 0x1000), 0x1020)


def two_segments(second):
    """The good ELF's text segment, then SECOND as the data segment's (offset, vaddr, filesz, memsz)."""
    return padded(ehdr(2, 1, ET_EXEC, EM_AARCH64, B + 0x1000, 2)
                  + phdr(PT_LOAD, RX, 0, B, 0x1010, 0x1010) + phdr(PT_LOAD, RW, *second), 0x1020)


def fixtures():
    f = {}
    f["zero-bytes"] = b""
    f["trunc.elf"] = good_elf()[:40]
    f["phoff.elf"] = padded(ehdr(2, 1, ET_EXEC, EM_AARCH64, B + 0x1000, 40), 200)
    f["segfile.elf"] = two_segments((0x1000, B + 0x11000, 0x9000, 0x9000))
    f["ovl.elf"] = two_segments((0x1010, B + 0x800, 0x10, 0x1000))
    f["far.elf"] = two_segments((0x1010, 0x100000000, 0x10, 0x1000))
    f["stack.elf"] = two_segments((0x1010, 0x7ffff000 - 0x2000, 0x10, 0x1000))
    f["huge.elf"] = two_segments((0x1010, B + 0x11010, 0x10, -0x10000))  # memsz 0xffff...0000
    f["filesz.elf"] = two_segments((0x1010, B + 0x11010, 0x10, 0x8))
    f["noload.elf"] = padded(ehdr(2, 1, ET_EXEC, EM_AARCH64, B + 0x1000, 2)
                             + phdr(PT_NOTE, R, 0, B, 0x1010, 0x1010)
                             + phdr(PT_NOTE, R, 0, B, 0x1010, 0x1010), 0x1020)
    f["entry.elf"] = good_elf(B + 0x11010)
    f["x86.elf"] = padded(ehdr(2, 1, ET_EXEC, EM_X86_64, B + 0x1000, 2), 0x1020)
    f["elf32.elf"] = padded(ehdr(1, 1, ET_EXEC, 40, 0x8000, 1), 0x100)
    f["be.elf"] = padded(ehdr(2, 2, ET_EXEC, EM_AARCH64, B + 0x1000, 2), 0x1020)
    f["obj.o"] = padded(ehdr(2, 1, ET_REL, EM_AARCH64, 0, 0), 0x100)
    # A dynamically linked AArch64 executable: PT_INTERP naming the usual loader.
    dyn = padded(ehdr(2, 1, ET_EXEC, EM_AARCH64, B + 0x1000, 3)
                 + phdr(PT_INTERP, R, 0x200, B + 0x200, 27, 27)
                 + phdr(PT_LOAD, RX, 0, B, 0x1010, 0x1010)
                 + phdr(PT_LOAD, RW, 0x1010, B + 0x11010, 0x10, 0x1000), 0x200)
    f["dyn.elf"] = padded(dyn + b"/lib/ld-linux-aarch64.so.1\0", 0x1020)
    # Flat binaries that go wrong when run (loaded at 0x400000).
    f["udf.bin"] = words(0x00000000)                                  # udf #0
    f["jump.bin"] = words(0xd2820000, 0xd61f0000)                     # mov x0, #0x1000; br x0
    f["sys999.bin"] = words(0xd2807ce8, 0xd4000001)                   # mov x8, #999; svc #0
    f["keyctl.bin"] = words(0xd2801b68, 0xd4000001)                   # mov x8, #219; svc #0
    # mov x8, #219; svc #0; mov x8, #219; svc #0; mov x8, #93; svc #0 (exit code (-38) & 0xff)
    f["enosys.bin"] = words(0xd2801b68, 0xd4000001, 0xd2801b68, 0xd4000001, 0xd2800ba8, 0xd4000001)
    f["null.bin"] = words(0xd2800000, 0xf9400001)                     # mov x0, #0; ldr x1, [x0]
    f["store.bin"] = words(0xd2800000, 0xf9000001)                    # mov x0, #0; str x1, [x0]
    return f


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bad_input_fixtures.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "dir"), exist_ok=True)
    for name, data in fixtures().items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
    with open(os.path.join(out, "big.bin"), "wb") as fh:  # 17 MiB of zeroes, sparse
        fh.truncate(17 << 20)


if __name__ == "__main__":
    main()
