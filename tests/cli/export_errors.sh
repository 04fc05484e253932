#!/usr/bin/env bash
# `parley export` usage and I/O errors exit 2 with a message naming the problem.
source tests/cli/export_lib.sh
SMALL=tests/data/export/small.ttl

expect_exit2() { # expect_exit2 TEXT-IN-MESSAGE ARGS...
    local want=$1
    shift
    set +e
    "$PARLEY" export "$@" > "$TMP/out" 2> "$TMP/err"
    local rc=$?
    set -e
    [ "$rc" = 2 ] || fail "'parley export $*' exited $rc, expected 2"
    grep -qF -- "$want" "$TMP/err" || fail "'parley export $*': message lacks '$want': $(cat "$TMP/err")"
}
expect_exit2 "--data" --format dot
expect_exit2 "Nobody Known" --data "$SMALL" --focus "Nobody Known"
expect_exit2 "Dragon" --data "$SMALL" --kinds Person,Dragon
expect_exit2 "--format" --data "$SMALL" --format png
expect_exit2 "missing.ttl" --data "$TMP/missing.ttl"
printf '<a> <b> .\n' > "$TMP/broken.ttl"
expect_exit2 "broken.ttl" --data "$TMP/broken.ttl"
expect_exit2 "/proc/no/such/dir" --data "$SMALL" --out /proc/no/such/dir/graph.graphml
# The output is written atomically: a failed export leaves no file and no temporary file behind.
"$PARLEY" export --data "$SMALL" --out "$TMP/ok.graphml" --quiet
[ -s "$TMP/ok.graphml" ] || fail "no output"
[ -z "$(find "$TMP" -maxdepth 1 -name '.*tmp*')" ] || fail "a temporary file was left behind"
echo "PASS"
