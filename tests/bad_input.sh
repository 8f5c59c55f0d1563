#!/bin/bash
# bad_input.sh CASES TEMU FIXTURES [OPTIONS...]: run the temu executable (with OPTIONS before each
# program, e.g. --engine=gpu, so every engine must give the same answers) on bad programs and check
# that each fails the way the design promises: the right exit status (1 temu error, 2 usage, 132
# undefined instruction, 139 memory fault) and exactly one line on stderr naming the cause.
# CASES: "all", or "run": only the programs that fail when run (undefined instruction, faults,
# syscalls), the cases where the engine matters; the loader's and the command line's answers come
# before any engine is opened, so the CPU engine's run of "all" covers them.
# FIXTURES: the bad files, written at build time by bad_input_fixtures.py (tests/badinput.cmake).
set -u
CASES=${1:?usage: bad_input.sh all|run path/to/temu FIXTURES [options...]}
TEMU=${2:?usage: bad_input.sh all|run path/to/temu FIXTURES [options...]}
F=${3:?usage: bad_input.sh all|run path/to/temu FIXTURES [options...]}
shift 3
OPTS=("$@")
case $CASES in all | run) ;; *) echo "bad_input.sh: CASES is all or run, not '$CASES'" >&2; exit 2 ;; esac
[ -f "$F/udf.bin" ] || { echo "bad_input.sh: no fixtures in $F (bad_input_fixtures.py makes them)"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/temu-bad-input.XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

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

if [ "$CASES" = all ]; then
# --- files that are not programs
check missing-file 1 "$T/does-not-exist" -- "does-not-exist" "no such file"
check directory 1 "$F/dir" -- "$F/dir" "directory"
check empty-file 1 "$F/zero-bytes" -- "$F/zero-bytes" "empty file"

# --- corrupt ELF files: the first 40 bytes of a good one; program headers past the end of the file;
# a segment past the end of the file; overlapping segments; a segment beyond 4 GiB, one over the
# stack, one of memsz 0xffff...0000; p_filesz > p_memsz; no PT_LOAD; the entry in the data segment
check truncated-header 1 "$F/trunc.elf" -- "trunc.elf" "truncated ELF header"
check phdrs-outside-file 1 "$F/phoff.elf" -- "phoff.elf" "program headers at offset 0x40"
check segment-outside-file 1 "$F/segfile.elf" -- "segfile.elf" "program header 1" "outside the file"
check overlapping-segments 1 "$F/ovl.elf" -- "ovl.elf" "program headers 0 and 1" "overlap"
check segment-outside-address-space 1 "$F/far.elf" -- "far.elf" "outside the guest address space"
check segment-over-stack 1 "$F/stack.elf" -- "stack.elf" "overlaps the stack"
check huge-memsz 1 "$F/huge.elf" -- "huge.elf" "does not fit"
check filesz-over-memsz 1 "$F/filesz.elf" -- "filesz.elf" "p_filesz 0x10 > p_memsz 0x8"
check no-pt-load 1 "$F/noload.elf" -- "noload.elf" "no PT_LOAD"
check entry-not-executable 1 "$F/entry.elf" -- "entry.elf" "entry point 0x411010"

# --- ELF files for something else
check x86-64-elf 1 "$F/x86.elf" -- "x86.elf" "x86-64"
if [ "$(uname -m)" = x86_64 ] && [ -e /bin/true ]; then
    check host-binary 1 /bin/true -- "/bin/true" "x86-64"
fi
check 32-bit-elf 1 "$F/elf32.elf" -- "elf32.elf" "32-bit"
check big-endian-elf 1 "$F/be.elf" -- "be.elf" "big-endian"
check relocatable-object 1 "$F/obj.o" -- "obj.o" "ET_REL"
# A dynamically linked AArch64 executable: PT_INTERP naming the usual loader.
check dynamic-elf 1 "$F/dyn.elf" -- "dyn.elf" "dynamically linked" "/lib/ld-linux-aarch64.so.1" "-static"
# A flat binary larger than its region (17 MiB)
check flat-too-large 1 "$F/big.bin" -- "big.bin" "does not fit"

# --- usage errors
check no-arguments 2 --
check unknown-option 2 --no-such-option "$F/udf.bin" --
fi

# --- flat binaries that go wrong when run (loaded at 0x400000), on every engine
check undefined-instruction 132 "$F/udf.bin" -- "pc 0x400000" "encoding 0x00000000"  # udf #0
check jump-to-unmapped 139 "$F/jump.bin" -- "address 0x1000"                        # mov x0, #0x1000; br x0
check unknown-syscall 1 --strict-syscalls "$F/sys999.bin" -- "999" "pc 0x400004"     # mov x8, #999; svc #0
check unsupported-syscall 1 --strict-syscalls "$F/keyctl.bin" -- "219" "keyctl"      # mov x8, #219; svc #0
# Without --strict-syscalls the guest gets -ENOSYS and one warning per number, and goes on:
#   mov x8, #219; svc #0; mov x8, #219; svc #0; mov x8, #93; svc #0 (exit code (-38) & 0xff)
check unsupported-syscall-enosys 218 "$F/enosys.bin" -- "219" "keyctl" "ENOSYS"
check load-from-null 139 "$F/null.bin" -- "pc 0x400004" "address 0x0"               # mov x0, #0; ldr x1, [x0]
check store-to-null 139 "$F/store.bin" -- "address 0x0"                              # mov x0, #0; str x1, [x0]

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
