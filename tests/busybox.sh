#!/bin/sh
# busybox.sh: applets of Debian's unmodified busybox-static (arm64) under temu against the same
# applets under qemu-aarch64: stdout and exit status of every case must be identical.
#
#   busybox.sh NAME BUSYBOX QEMU SIZE -- TEMU [TEMU OPTIONS...]
#
# SIZE is the input's line count (small for the GPU engines on PoCL). Cases cover hashes,
# gzip/gunzip, sort, sed, awk (floating point), grep, wc, od, base64, tar, expr and seq. The
# verdict goes through tests/gaps.sh (NAME is the test's name).
set -u
. "$(dirname "$0")/gaps.sh"
name=$1 busybox=$2 qemu=$3 size=$4
[ "${5:-}" = "--" ] || { echo "usage: $0 NAME BUSYBOX QEMU SIZE -- TEMU [OPTIONS...]" >&2; exit 2; }
shift 5
if [ ! -x "$busybox" ]; then
    echo "SKIP: $busybox not fetched (programs/fetch_busybox.sh, run by make build)"
    exit 77
fi
if ! command -v "$qemu" > /dev/null 2>&1; then
    echo "SKIP: no $qemu, the oracle"
    exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/temu-busybox.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
# Inputs: words and numbers from a fixed recurrence, so every run sees the same bytes.
awk -v n="$size" 'BEGIN { x = 12345; for (i = 1; i <= n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    printf "%s line%04d %d %s\n", substr("alpha beta gamma delta epsilon zeta eta theta", 1 + x % 40, 6), i, x % 1000, (x % 3 ? "keep" : "drop") } }' > text
seq 1 "$size" | awk '{ print ($1 * 7919) % 1009, $1 / 8 }' > nums
touch -d '2020-01-01 00:00:00' text nums
"$qemu" "$busybox" gzip -c < text > text.gz

temu=$*  # temu and its options, none with spaces
ok=1
: > errs
n=0
# run STDIN APPLET ARGS...: one applet under qemu and under temu, compared. A known gap stops at
# its first failure (the rest would fail the same way).
run() {
    [ $ok = 0 ] && gap_listed "$name" && return
    stdin=$1
    shift
    n=$((n + 1))
    q=0; "$qemu" "$busybox" "$@" < "$stdin" > want 2> /dev/null || q=$?
    # shellcheck disable=SC2086 # temu's options are meant to split
    t=0; $temu "$busybox" "$@" < "$stdin" > got 2> err || t=$?
    if ! cmp -s want got || [ $q != $t ]; then
        echo "case $n differs: busybox $* < $stdin (exit: qemu $q, temu $t)"
        diff want got | head -n 6
        head -n 2 err
        cat err >> errs
        ok=0
    fi
}
for hash in md5sum sha1sum sha256sum sha512sum; do run text "$hash"; done
run text gzip -c
run text.gz gunzip -c
run text sort
run text sort -k3,3n -k2,2r
run nums sort -n -u
run text sed -e 's/a/A/g' -e '/drop/d' -e '3q'
run nums awk '{ s += $1; t += $2 } END { printf "%d %.6f %d\n", s, t, NR }'
run text awk '$3 > 500 { c[$1]++ } END { for (k in c) n++; print n }'
run text grep -c keep
run text grep -n -E 'gamma|eta'
run text wc
run text od -A x -t x1z -N 96
run text base64
run text tar -cf - text nums
run text expr 6 \* 7 + length abcdef
run text seq -w 1 3 40
gap_verdict "$name" $ok errs
