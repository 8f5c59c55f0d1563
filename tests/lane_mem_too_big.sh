#!/bin/bash
# lane_mem_too_big.sh TEMU PROGRAM ENGINE: lanes on a GPU engine whose windows are too large for
# the device (--lane-mem=32768G: 2^33 page-table entries a lane) stop before anything that size is
# allocated on the host: exit 1 and one line that says what fits, in the release build and under
# ASan alike (no allocator abort). Exit 77 (skip) without an OpenCL device.
set -u
temu=${1:?usage: lane_mem_too_big.sh TEMU PROGRAM ENGINE} prog=${2:?} engine=${3:?}
t=$(mktemp -d "${TMPDIR:-/tmp}/temu-lane-mem.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT
if ! "$temu" --list-devices 2>/dev/null | grep -q '<- temu picks'; then
    echo "SKIP: no OpenCL device"
    exit 77
fi
"$temu" --engine="$engine" --lanes=2 --lane-mem=32768G "$prog" >"$t/out" 2>"$t/err" </dev/null
rc=$?
fail=0
[ "$rc" -eq 1 ] || { echo "FAIL: exit $rc, want 1"; fail=1; }
[ "$(wc -l <"$t/err")" -eq 1 ] || { echo "FAIL: stderr has $(wc -l <"$t/err") lines, want 1"; fail=1; }
grep -q 'lanes need about .* smaller --lane-mem$' "$t/err" || { echo "FAIL: stderr does not say what fits"; fail=1; }
[ ! -s "$t/out" ] || { echo "FAIL: the guest ran"; fail=1; }
echo "stderr: $(head -c 600 "$t/err")"
exit $fail
