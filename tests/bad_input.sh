#!/bin/bash
# bad_input.sh TEMU [OPTIONS...]: run the temu executable (with OPTIONS before each program, e.g.
# --engine=gpu, so every engine must give the same answers) on bad programs and check that each fails the way the
# design promises: the right exit status (1 temu error, 2 usage, 132 undefined instruction,
# 139 memory fault) and exactly one line on stderr naming the cause.
# Every bad file is made here, byte by byte, in a temp dir.
set -u
TEMU=${1:?usage: bad_input.sh path/to/temu [options...]}
shift
OPTS=("$@")
T=$(mktemp -d "${TMPDIR:-/tmp}/temu-bad-input.XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

# shellcheck source=words.sh
. "$(dirname "$0")/words.sh"

# ehdr CLASS DATA TYPE MACHINE ENTRY PHNUM: a 64-byte ELF header with program headers at 64.
ehdr() {
    printf '\x7fELF'
    le "$1" 1; le "$2" 1; le 1 1; le 0 9     # class, data, version, padding
    le "$3" 2; le "$4" 2; le 1 4             # e_type, e_machine, e_version
    le "$5" 8; le 64 8; le 0 8               # e_entry, e_phoff, e_shoff
    le 0 4; le 64 2; le 56 2; le "$6" 2      # e_flags, e_ehsize, e_phentsize, e_phnum
    le 0 2; le 0 2; le 0 2                   # e_shentsize, e_shnum, e_shstrndx
}

# phdr TYPE FLAGS OFFSET VADDR FILESZ MEMSZ
phdr() {
    le "$1" 4; le "$2" 4; le "$3" 8; le "$4" 8; le "$4" 8; le "$5" 8; le "$6" 8; le 4096 8
}

# pad_to FILE SIZE: extend FILE with zeroes to SIZE bytes.
pad_to() { truncate -s $(($2)) "$1"; }


PT_LOAD=1 PT_INTERP=3 PT_NOTE=4 RX=5 RW=6 R=4
ET_EXEC=2 ET_REL=1 EM_AARCH64=183 EM_X86_64=62
B=0x400000

# A valid static AArch64 ELF: text (headers + code at 0x1000) and data; each case changes one thing.
good_elf() { # good_elf FILE [ENTRY]
    { ehdr 2 1 $ET_EXEC $EM_AARCH64 "${2:-$((B + 0x1000))}" 2
      phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
      phdr $PT_LOAD $RW 0x1010 $((B + 0x11010)) 0x10 0x1000; } > "$1"
    pad_to "$1" 0x1020
}

# check NAME WANT_RC FILE_OR_ARGS... -- FRAGMENT...: run temu, compare status and stderr.
check() {
    local name=$1 want=$2
    shift 2
    local args=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    "$TEMU" "${OPTS[@]}" "${args[@]}" > "$T/out" 2> "$T/err" < /dev/null
    local rc=$? why=""
    local lines
    lines=$(wc -l < "$T/err")
    if [ "$rc" != "$want" ]; then
        why="exit status $rc, expected $want"
    elif [ "$lines" != 1 ] || [ -n "$(tail -c 1 "$T/err")" ]; then
        why="stderr has $lines lines, expected exactly one"
    else
        local frag
        for frag in "$@"; do
            grep -qiF -- "$frag" "$T/err" || why="stderr lacks \"$frag\""
        done
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
        echo "PASS $name: $(head -c 200 "$T/err")"
    else
        fail=$((fail + 1))
        echo "FAIL $name: $why; stderr: $(head -c 300 "$T/err" | tr '\n' '|')"
    fi
}

# --- files that are not programs
check missing-file 1 "$T/does-not-exist" -- "does-not-exist" "no such file"
mkdir "$T/dir"
check directory 1 "$T/dir" -- "$T/dir" "directory"
: > "$T/zero-bytes"
check empty-file 1 "$T/zero-bytes" -- "$T/zero-bytes" "empty file"

# --- corrupt ELF files
good_elf "$T/good.elf"
head -c 40 "$T/good.elf" > "$T/trunc.elf"
check truncated-header 1 "$T/trunc.elf" -- "trunc.elf" "truncated ELF header"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 40; } > "$T/phoff.elf" # 40 headers, file ends at 64
pad_to "$T/phoff.elf" 200
check phdrs-outside-file 1 "$T/phoff.elf" -- "phoff.elf" "program headers at offset 0x40"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2
  phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
  phdr $PT_LOAD $RW 0x1000 $((B + 0x11000)) 0x9000 0x9000; } > "$T/segfile.elf"
pad_to "$T/segfile.elf" 0x1020
check segment-outside-file 1 "$T/segfile.elf" -- "segfile.elf" "program header 1" "outside the file"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2
  phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
  phdr $PT_LOAD $RW 0x1010 $((B + 0x800)) 0x10 0x1000; } > "$T/ovl.elf"
pad_to "$T/ovl.elf" 0x1020
check overlapping-segments 1 "$T/ovl.elf" -- "ovl.elf" "program headers 0 and 1" "overlap"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2
  phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
  phdr $PT_LOAD $RW 0x1010 0x100000000 0x10 0x1000; } > "$T/far.elf"
pad_to "$T/far.elf" 0x1020
check segment-outside-address-space 1 "$T/far.elf" -- "far.elf" "outside the guest address space"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2
  phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
  phdr $PT_LOAD $RW 0x1010 $((0x7ffff000 - 0x2000)) 0x10 0x1000; } > "$T/stack.elf"
pad_to "$T/stack.elf" 0x1020
check segment-over-stack 1 "$T/stack.elf" -- "stack.elf" "overlaps the stack"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2
  phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
  phdr $PT_LOAD $RW 0x1010 $((B + 0x11010)) 0x10 -0x10000; } > "$T/huge.elf" # memsz 0xffff...0000
pad_to "$T/huge.elf" 0x1020
check huge-memsz 1 "$T/huge.elf" -- "huge.elf" "does not fit"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2
  phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
  phdr $PT_LOAD $RW 0x1010 $((B + 0x11010)) 0x10 0x8; } > "$T/filesz.elf"
pad_to "$T/filesz.elf" 0x1020
check filesz-over-memsz 1 "$T/filesz.elf" -- "filesz.elf" "p_filesz 0x10 > p_memsz 0x8"

{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2
  phdr $PT_NOTE $R 0 $B 0x1010 0x1010
  phdr $PT_NOTE $R 0 $B 0x1010 0x1010; } > "$T/noload.elf"
pad_to "$T/noload.elf" 0x1020
check no-pt-load 1 "$T/noload.elf" -- "noload.elf" "no PT_LOAD"

good_elf "$T/entry.elf" $((B + 0x11010))
check entry-not-executable 1 "$T/entry.elf" -- "entry.elf" "entry point 0x411010"

# --- ELF files for something else
{ ehdr 2 1 $ET_EXEC $EM_X86_64 $((B + 0x1000)) 2; } > "$T/x86.elf"
pad_to "$T/x86.elf" 0x1020
check x86-64-elf 1 "$T/x86.elf" -- "x86.elf" "x86-64"
if [ "$(uname -m)" = x86_64 ] && [ -e /bin/true ]; then
    check host-binary 1 /bin/true -- "/bin/true" "x86-64"
fi
{ ehdr 1 1 $ET_EXEC 40 0x8000 1; } > "$T/elf32.elf"
pad_to "$T/elf32.elf" 0x100
check 32-bit-elf 1 "$T/elf32.elf" -- "elf32.elf" "32-bit"
{ ehdr 2 2 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 2; } > "$T/be.elf"
pad_to "$T/be.elf" 0x1020
check big-endian-elf 1 "$T/be.elf" -- "be.elf" "big-endian"
{ ehdr 2 1 $ET_REL $EM_AARCH64 0 0; } > "$T/obj.o"
pad_to "$T/obj.o" 0x100
check relocatable-object 1 "$T/obj.o" -- "obj.o" "ET_REL"

# A dynamically linked AArch64 executable: PT_INTERP naming the usual loader.
{ ehdr 2 1 $ET_EXEC $EM_AARCH64 $((B + 0x1000)) 3
  phdr $PT_INTERP $R 0x200 $((B + 0x200)) 27 27
  phdr $PT_LOAD $RX 0 $B 0x1010 0x1010
  phdr $PT_LOAD $RW 0x1010 $((B + 0x11010)) 0x10 0x1000; } > "$T/dyn.elf"
pad_to "$T/dyn.elf" 0x200
printf '/lib/ld-linux-aarch64.so.1\0' >> "$T/dyn.elf"
pad_to "$T/dyn.elf" 0x1020
check dynamic-elf 1 "$T/dyn.elf" -- "dyn.elf" "dynamically linked" "/lib/ld-linux-aarch64.so.1" "-static"

# --- flat binaries that go wrong when run (loaded at 0x400000)
words 0x00000000 > "$T/udf.bin"                              # udf #0
check undefined-instruction 132 "$T/udf.bin" -- "pc 0x400000" "encoding 0x00000000"
words 0xd2820000 0xd61f0000 > "$T/jump.bin"                  # mov x0, #0x1000; br x0
check jump-to-unmapped 139 "$T/jump.bin" -- "address 0x1000"
words 0xd2807ce8 0xd4000001 > "$T/sys999.bin"                # mov x8, #999; svc #0
check unknown-syscall 1 --strict-syscalls "$T/sys999.bin" -- "999" "pc 0x400004"
words 0xd2801b68 0xd4000001 > "$T/keyctl.bin"                # mov x8, #219; svc #0
check unsupported-syscall 1 --strict-syscalls "$T/keyctl.bin" -- "219" "keyctl"
# Without --strict-syscalls the guest gets -ENOSYS and one warning per number, and goes on:
#   mov x8, #219; svc #0; mov x8, #219; svc #0; mov x8, #93; svc #0 (exit code (-38) & 0xff)
words 0xd2801b68 0xd4000001 0xd2801b68 0xd4000001 0xd2800ba8 0xd4000001 > "$T/enosys.bin"
check unsupported-syscall-enosys 218 "$T/enosys.bin" -- "219" "keyctl" "ENOSYS"
words 0xd2800000 0xf9400001 > "$T/null.bin"                  # mov x0, #0; ldr x1, [x0]
check load-from-null 139 "$T/null.bin" -- "pc 0x400004" "address 0x0"
words 0xd2800000 0xf9000001 > "$T/store.bin"                 # mov x0, #0; str x1, [x0]
check store-to-null 139 "$T/store.bin" -- "address 0x0"
head -c $((17 << 20)) /dev/zero > "$T/big.bin"
check flat-too-large 1 "$T/big.bin" -- "big.bin" "does not fit"

# --- usage errors
check no-arguments 2 --
check unknown-option 2 --no-such-option "$T/udf.bin" --

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
