# gaps.sh: the verdict of a test that may be a known gap (tests/gaps.txt); sourced by test scripts.
#
#   gap_listed NAME              true when NAME is a listed gap (a suite may stop at its first failure)
#   gap_verdict NAME OK STDERR_FILE
#
# OK is 1 when the test's checks passed. gap_verdict exits the script: 0 (pass), 77 (a listed gap
# failing in its known way: skipped, with the reason) or 1 (a failure, or a listed gap that passes).
gaps_file=$(cd "$(dirname "$0")" && pwd)/gaps.txt # now: the caller may cd later

# The "signature|reason" of NAME's gap, or nothing.
gap_line() {
    while IFS='|' read -r _pat _sig _why; do
        case $_pat in ''|'#'*) continue ;; esac
        _pat=$(echo "$_pat" | tr -d ' ')
        # shellcheck disable=SC2254 # the pattern is a glob on purpose
        case $1 in $_pat) echo "$_sig|$_why"; return ;; esac
    done < "$gaps_file"
}

gap_listed() {
    [ -n "$(gap_line "$1")" ]
}

gap_verdict() {
    _line=$(gap_line "$1")
    if [ "$2" = 1 ]; then
        if [ -n "$_line" ]; then
            echo "FAIL: $1 passes now: remove its gap from tests/gaps.txt"
            exit 1
        fi
        exit 0
    fi
    if [ -n "$_line" ]; then
        _sig=$(echo "${_line%%|*}" | sed 's/^ *//; s/ *$//')
        _why=$(echo "${_line#*|}" | sed 's/^ *//; s/ *$//')
        if grep -Eq "$_sig" "$3"; then
            echo "SKIP: known gap ($_why): $(grep -E "$_sig" "$3" | head -n 1)"
            exit 77
        fi
        echo "FAIL: $1 is a known gap, but failed another way (stderr does not match '$_sig')"
    fi
    exit 1
}
