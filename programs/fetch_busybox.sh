#!/bin/sh
# fetch_busybox.sh DEST: Debian's busybox-static for arm64, unmodified, as DEST/busybox (and the
# package's name and version in DEST/VERSION), for tests/busybox.sh. Never committed: fetched by
# `make build` with apt, which needs root (or sudo) and the network.
#
# apt downloads a foreign package only for an architecture dpkg knows, so arm64 is added for the
# download and removed again afterwards (unless it was there before). Without root or network it
# says why and exits 0: the busybox tests then skip, saying it was not fetched.
set -u
dest=$1
[ -x "$dest/busybox" ] && exit 0

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
if [ -n "$SUDO" ] && ! sudo -n true 2>/dev/null; then
    echo "fetch_busybox: not root and no sudo: busybox not fetched (its tests will skip)"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/temu-busybox.XXXXXX") || exit 0
added=0
cleanup() {
    [ $added = 1 ] && $SUDO dpkg --remove-architecture arm64
    rm -rf "$tmp"
}
trap cleanup EXIT
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $SUDO dpkg --add-architecture arm64 && added=1
fi
if ! $SUDO apt-get update -qq >"$tmp/log" 2>&1 ||
   ! (cd "$tmp" && $SUDO apt-get download -qq busybox-static:arm64 >>"$tmp/log" 2>&1); then
    echo "fetch_busybox: apt could not download busybox-static:arm64 (its tests will skip):"
    tail -n 3 "$tmp/log"
    exit 0
fi
deb=$(ls "$tmp"/busybox-static_*_arm64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] && dpkg-deb -x "$deb" "$tmp/x" || { echo "fetch_busybox: bad package"; exit 0; }
mkdir -p "$dest"
cp "$tmp/x/bin/busybox" "$dest/busybox"
dpkg-deb -f "$deb" Package Version > "$dest/VERSION"
echo "fetch_busybox: $(tr '\n' ' ' < "$dest/VERSION")-> $dest/busybox"
