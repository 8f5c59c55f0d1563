#!/bin/bash
# escape.sh TEMU GUEST_DIR "OPTIONS": the guest stays inside, on the engine OPTIONS name.
#   proc_self      temu's memory and descriptors are out of reach through /proc; /proc/self shows
#                  the guest's own view
#   fsroot_escape  --fs-root holds from every dirfd, inherited fd 0 (here the host's /) included
#   smc_syscall    code that read() and mmap() write into a page that ran runs as written
# With env LANES=1 every program runs as 2 lanes (--lane-output) and each lane must pass.
set -u
temu=$1 guests=$2 opts=$3
T=$(mktemp -d "${TMPDIR:-/tmp}/temu-escape.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/jail" "$T/links"
echo hello-in > "$T/jail/inside.txt"
ln -s /proc/self/mem "$T/links/mem"
ln -s /proc/self "$T/links/self"
fail=0

# run NAME STDIN EXTRA_OPTS ARGS...: the program's stdout into $T/NAME.out (lane 0's and lane 1's
# with LANES=1), its exit status into $T/NAME.code.
run() {
    local name=$1 in=$2 extra=$3
    shift 3
    if [ "${LANES:-0}" = 1 ]; then
        rm -rf "$T/lo"
        # shellcheck disable=SC2086
        "$temu" $opts $extra --lanes=2 --lane-output="$T/lo" "$guests/$name.elf" "$@" < "$in"
        echo $? > "$T/$name.code"
        cp "$T/lo/0.out" "$T/$name.out"
        [ "$name" = fsroot_escape ] || cmp -s "$T/lo/0.out" "$T/lo/1.out" ||
            { echo "FAIL: $name: lanes 0 and 1 differ [$opts]"; fail=1; }
    else
        # shellcheck disable=SC2086
        "$temu" $opts $extra "$guests/$name.elf" "$@" < "$in" > "$T/$name.out"
        echo $? > "$T/$name.code"
    fi
}

check() {
    local name=$1
    if [ "$(cat "$T/$name.code")" != 0 ] || ! diff -u "$T/$name.want" "$T/$name.out"; then
        echo "FAIL: $name [$opts] exited $(cat "$T/$name.code")"
        fail=1
    fi
}

run proc_self /dev/null "" "$T/links"
cat > "$T/proc_self.want" <<'OUT'
/proc/self/mem: refused
/proc/<pid>/mem: refused
/proc/thread-self/mem: refused
/proc/self/pagemap: refused
/proc/self/fd/3..63: 0 opened
openat(/proc fd, self/mem): refused
symlink to /proc/self/mem: refused
symlink to /proc/self, then mem: refused
symlink to /proc/self, then exe: an ELF
readlink /proc/self/exe: proc_self.elf (absolute)
/proc/self/exe: an ELF
/proc/self/cmdline: argv[0] matches
/proc/self/maps: has [stack]
/proc/self/stat: starts with the pid
/proc/self/auxv: AT_PAGESZ 4096
leaks: 0
OUT
check proc_self

run fsroot_escape / "--fs-root=$T/jail"
cat > "$T/fsroot_escape.want" <<'OUT'
openat(0, etc/passwd): refused
openat(0, ../../etc/passwd): refused
newfstatat(0, etc/passwd): refused
openat(0, .): refused
/etc/passwd: refused
../../../etc/passwd: refused
/proc/self/fd/0/etc/passwd: refused
/proc/self/root/etc/passwd: refused
/proc/self/cwd/../etc/passwd: refused
/proc/1/root/etc/passwd: refused
open / with O_DIRECTORY and a mode: ok
openat(/ fd, inside.txt): hello-in

escapes: 0
OUT
check fsroot_escape

run smc_syscall /dev/null "" "$T/code{lane}.bin"
cat > "$T/smc_syscall.want" <<'OUT'
stored: 1
read: 2
after getrandom: 2
mmap: 3
OUT
check smc_syscall
exit $fail
