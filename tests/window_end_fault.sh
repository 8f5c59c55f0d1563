#!/bin/bash
# window_end_fault.sh TEMU [OPTIONS...]: an access that starts on the guest window's last page and
# runs past its end (an 8-byte load, store and load pair at 0x100000000 - 4 or - 8, after mapping
# that page) is a memory fault (139) whose error line names the window's end, on the engine given
# by OPTIONS, alone and as lanes (--lane-mem=4G: the same window). Exit 77 (skip) when OPTIONS name
# a GPU engine and no OpenCL device is there.
set -u
TEMU=${1:?usage: window_end_fault.sh path/to/temu [options...]}
shift
OPTS=("$@")
T=$(mktemp -d "${TMPDIR:-/tmp}/temu-window-end.XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0 fail=0

# shellcheck source=words.sh
. "$(dirname "$0")/words.sh"

if [[ " ${OPTS[*]} " == *" --engine=gpu "* || " ${OPTS[*]} " == *" --engine=resident "* ]] &&
    ! "$TEMU" --list-devices 2>/dev/null | grep -q '<- temu picks'; then
    echo "SKIP: no OpenCL device"
    exit 77
fi

# mmap(0xfffff000, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0): the
# window's last page; then x0 = 0xfffffffc.
map_last_page="0xd29e0000 0xf2bfffe0 0xd2820001 0xd2800062 0xd2800643 0x92800004 0xd2800005 0xd2801bc8
               0xd4000001 0x913ff000"
exit_svc="0xd2800ba8 0xd4000001" # mov x8, #93; svc #0
# shellcheck disable=SC2086 # word lists
{
    words $map_last_page 0xf9400001 $exit_svc > "$T/load.bin"             # ldr x1, [x0]
    words $map_last_page 0xf9000001 $exit_svc > "$T/store.bin"            # str x1, [x0]
    words $map_last_page 0xd1001000 0xa9400801 $exit_svc > "$T/pair.bin"  # sub x0, x0, #4; ldp x1, x2, [x0]
    words $map_last_page 0xd1001000 0xf9400001 $exit_svc > "$T/inside.bin" # the last 8 bytes: no fault
}

# check NAME WANT_RC WANT_STDERR ARGS...: temu's status and its whole stderr.
check() {
    local name=$1 want_rc=$2 want_err=$3
    shift 3
    "$TEMU" "${OPTS[@]}" "$@" > /dev/null 2> "$T/err" < /dev/null
    local rc=$?
    if [ "$rc" = "$want_rc" ] && [ "$(cat "$T/err")" = "$want_err" ]; then
        pass=$((pass + 1))
        echo "PASS $name"
    else
        fail=$((fail + 1))
        echo "FAIL $name: exit $rc (want $want_rc); stderr: $(head -c 400 "$T/err" | tr '\n' '|')"
        echo "     want stderr: $(echo "$want_err" | tr '\n' '|')"
    fi
}

load="memory fault at pc 0x400028: address 0xfffffffc (read of memory past the end of the guest window)"
store="memory fault at pc 0x400028: address 0xfffffffc (write to memory past the end of the guest window)"
pair="memory fault at pc 0x40002c: address 0xfffffff8 (read of memory past the end of the guest window)"
for c in load store pair; do
    line=${!c}
    check "$c" 139 "temu: $line" "$T/$c.bin"
    check "$c-lanes" 1 "temu: lane 0: $line
temu: lane 1: $line" --lanes=2 --lane-mem=4G "$T/$c.bin"
done
check inside 248 "" "$T/inside.bin" # exits with x0's low byte, 0xf8
check inside-lanes 248 "" --lanes=2 --lane-mem=4G "$T/inside.bin"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
