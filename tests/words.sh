# words.sh: sourced by tests that write guest code byte by byte (engine_stops.sh,
# window_end_fault.sh). Builtins only (printf -v): no process per byte.

# le VALUE NBYTES: VALUE as NBYTES little-endian bytes.
le() {
    local v=$1 n=$2 i h
    for ((i = 0; i < n; i++)); do
        printf -v h '%02x' $(((v >> (8 * i)) & 255))
        printf "\\x$h"
    done
}

# words W...: 32-bit instruction words, little-endian.
words() { local w; for w in "$@"; do le "$w" 4; done; }
