# harness.sh: sourced by the shell tests of temu's command line (cli.sh, commands.sh). Needs
# $temu (the executable) and $tmp (a scratch directory); counts in $pass and $fail.
pass=0 fail=0

check() { # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
run() { # run ARGS... -> $rc, $tmp/out, $tmp/err
    "$temu" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
}
one_line_err() { [ "$(wc -l <"$tmp/err")" -eq 1 ]; }
