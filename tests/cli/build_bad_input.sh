#!/usr/bin/env bash
# A non-UTF-8 article: exit code 2, a message naming the file and the byte offset, and the
# previous output left intact (no half-written or temporary file).
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/in"
# Valid UTF-8 ("Vučić") then a broken sequence: not Latin-1, so invalid UTF-8.
printf 'Talks with Vu\xc4\x8di\xc4\x87 in Geneva.\nThe minister said ' > "$TMP/in/broken.txt"
offset=$(wc -c < "$TMP/in/broken.txt")
printf '\xc3\x28 it was over.\n' >> "$TMP/in/broken.txt"
printf 'Published 2025-03-10\n\nForeign Minister Tomas Varga met Ana Lovric in Vienna.\n' > "$TMP/in/good.txt"
"$PARLEY" build "$TMP/in/good.txt" --out "$TMP/out" -q
cp "$TMP/out/graph.ttl" "$TMP/before.ttl"
set +e
"$PARLEY" build "$TMP/in" --out "$TMP/out" 2> "$TMP/err.txt"
rc=$?
set -e
[ "$rc" = 2 ] || fail "exit code $rc, want 2"
grep -q "broken.txt" "$TMP/err.txt" || fail "message does not name the file: $(cat "$TMP/err.txt")"
grep -q "byte $offset" "$TMP/err.txt" || fail "message does not give the byte offset: $(cat "$TMP/err.txt")"
cmp -s "$TMP/out/graph.ttl" "$TMP/before.ttl" || fail "previous graph.ttl was changed"
leftovers=$(find "$TMP/out" -name '*.tmp*' -o -name '.*tmp*' | wc -l)
[ "$leftovers" = 0 ] || fail "temporary files left in the output folder"
# Usage errors are exit code 2 as well.
set +e
"$PARLEY" build 2> /dev/null; rc1=$?
"$PARLEY" build /nonexistent/path --out "$TMP/x" 2> /dev/null; rc2=$?
set -e
[ "$rc1" = 2 ] || fail "no input: exit $rc1, want 2"
[ "$rc2" = 2 ] || fail "missing input: exit $rc2, want 2"
echo "ok"
