#!/bin/bash
# oracle_calls.sh TEMU GUEST_DIR "OPTIONS": tests/guest/fdcalls (descriptor, directory and memory
# calls) under temu with OPTIONS and under qemu-aarch64, in the same fresh scratch directory each
# time: stdout and exit status must be identical. Skips (77) without qemu-aarch64.
set -u
temu=$1 guests=$2 opts=$3
command -v qemu-aarch64 > /dev/null || { echo "SKIP: no qemu-aarch64"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/temu-calls.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

# qemu hands the guest every fd the test runner left open; temu gives it 0..2 only. Close the rest.
for fd in $(ls /proc/$$/fd); do
    [ "$fd" -gt 2 ] && [ "$fd" -lt 255 ] && eval "exec $fd>&-" 2> /dev/null
done
fresh() {
    rm -rf "$T/scratch" && mkdir "$T/scratch" && ln -s a.txt "$T/scratch/link"
}
fresh
qemu-aarch64 "$guests/fdcalls.elf" "$T/scratch" > "$T/qemu.out" 2>&1
echo "exit $?" >> "$T/qemu.out"
fresh
# shellcheck disable=SC2086
"$temu" $opts "$guests/fdcalls.elf" "$T/scratch" > "$T/temu.out" 2>&1
echo "exit $?" >> "$T/temu.out"
if ! diff -u "$T/qemu.out" "$T/temu.out"; then
    echo "FAIL: fdcalls differs from qemu-aarch64 [$opts]"
    exit 1
fi
echo "PASS: fdcalls agrees with qemu-aarch64 ($(wc -l < "$T/temu.out") lines) [$opts]"
