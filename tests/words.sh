# words.sh: sourced by tests that write guest code byte by byte (bad_input.sh, engine_stops.sh).

# le VALUE NBYTES: VALUE as NBYTES little-endian bytes.
le() {
    local v=$1 n=$2 i
    for ((i = 0; i < n; i++)); do
        printf "\\x$(printf %02x $(((v >> (8 * i)) & 255)))"
    done
}

# words W...: 32-bit instruction words, little-endian.
words() { local w; for w in "$@"; do le "$w" 4; done; }
