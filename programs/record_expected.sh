#!/bin/sh
# record_expected.sh: (re)make expected/NAME.out and expected/NAME.code for every program in
# programs.txt by running its ELF build under qemu-aarch64, the reference, at the test size.
#
#   programs/record_expected.sh [BUILD_DIR]      (default: build; run after building the programs)
#
# Programs run from this directory with the manifest's arguments, exactly as tests/programs.cmake
# runs them. The .fp ELF build must give the same result; a difference is reported and fails.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
qemu=${QEMU_AARCH64:-qemu-aarch64}
cd "$here"
mkdir -p expected

status=0
grep -E '^[a-z]' programs.txt | while read -r name args; do
    elf=$build/programs/$name.elf
    [ -f "$elf" ] || { echo "missing $elf: build first" >&2; exit 1; }
    # shellcheck disable=SC2086 # the manifest's arguments are meant to split
    code=0; "$qemu" "$elf" $args > "expected/$name.out" || code=$?
    echo "$code" > "expected/$name.code"
    fp_code=0; fp_out=$("$qemu" "$build/programs/$name.fp.elf" $args) || fp_code=$?
    if [ "$fp_out" != "$(cat "expected/$name.out")" ] || [ "$fp_code" != "$code" ]; then
        echo "MISMATCH: $name.fp.elf differs from $name.elf" >&2
        exit 1
    fi
    echo "$name: exit $code, $(wc -l < "expected/$name.out") lines"
done || status=1

# The glibc programs (libc/programs.txt): stdout, stderr and exit code of the gcc build; the clang
# build must agree.
mkdir -p expected/libc
grep -E '^[a-z]' libc/programs.txt | while read -r name args; do
    eval "set -- $args"
    base=$build/programs/libc/$name
    [ -f "$base.gcc.elf" ] || { echo "missing $base.gcc.elf: build first" >&2; exit 1; }
    code=0; "$qemu" "$base.gcc.elf" "$@" > "expected/libc/$name.out" 2> "expected/libc/$name.err" || code=$?
    echo "$code" > "expected/libc/$name.code"
    clang_code=0; clang_out=$("$qemu" "$base.clang.elf" "$@" 2>/dev/null) || clang_code=$?
    if [ "$clang_out" != "$(cat "expected/libc/$name.out")" ] || [ "$clang_code" != "$code" ]; then
        echo "MISMATCH: libc/$name.clang.elf differs from libc/$name.gcc.elf" >&2
        exit 1
    fi
    echo "libc/$name: exit $code, $(wc -l < "expected/libc/$name.out") lines"
done || status=1

# The loop corpus (tsvc/): stdout, stderr and exit code of each source's gcc build at the test size
# (no arguments: every kernel); the clang build must agree.
mkdir -p expected/tsvc
for part in int fp; do
    base=$build/programs/tsvc/tsvc_$part
    [ -f "$base.gcc.elf" ] || { echo "missing $base.gcc.elf: build first" >&2; exit 1; }
    code=0; "$qemu" "$base.gcc.elf" > "expected/tsvc/tsvc_$part.out" 2> "expected/tsvc/tsvc_$part.err" || code=$?
    echo "$code" > "expected/tsvc/tsvc_$part.code"
    clang_code=0; clang_out=$("$qemu" "$base.clang.elf" 2>/dev/null) || clang_code=$?
    if [ "$clang_out" != "$(cat "expected/tsvc/tsvc_$part.out")" ] || [ "$clang_code" != "$code" ]; then
        echo "MISMATCH: tsvc/tsvc_$part.clang.elf differs from tsvc/tsvc_$part.gcc.elf" >&2
        status=1
    fi
    echo "tsvc/tsvc_$part: exit $code, $(wc -l < "expected/tsvc/tsvc_$part.out") lines"
done
exit $status
