#!/usr/bin/env bash
# Articles are read and extracted one at a time by several workers, but errors and warnings are
# those of reading the files in input order: with two bad files the error names the first one
# (exit 2, no output written), whatever --jobs is; warnings come in input order; a binary file
# that shares its name with a later file leaves that file its plain name as document id.
source "$(dirname "$0")/lib.sh"

# Forty small articles, two of them broken (valid UTF-8 before the bad byte, so no charset
# guess). The first broken one is large and fails late in its file; the second fails at once,
# so with several workers it is usually the first to fail.
mkdir -p "$TMP/in"
for i in $(seq -w 1 40); do
    printf 'Published 2025-04-%02d\n\nForeign Minister Tomas Varga met Ana Lovric in Vienna on talk %s.\n' \
        "$(( (10#$i % 28) + 1 ))" "$i" > "$TMP/in/a$i.txt"
done
{
    printf 'Talks in Caf\xc3\xa9 Vienna\n\n'
    for _ in $(seq 1 20000); do printf 'The delegates of the two parties spoke for a long time about trade.\n'; done
    printf 'The end \xc3\x28 of it.\n'
} > "$TMP/in/a07.txt"
offset=$(( $(wc -c < "$TMP/in/a07.txt") - 10 ))
printf 'Caf\xc3\xa9 \xff talks.\n' > "$TMP/in/a08.txt"
for jobs in 1 2 4; do
    set +e
    "$PARLEY" build "$TMP/in" --out "$TMP/out-$jobs" --jobs "$jobs" 2> "$TMP/err-$jobs.txt"
    rc=$?
    set -e
    [ "$rc" = 2 ] || fail "--jobs $jobs: exit code $rc, want 2"
    grep -q "a07.txt: invalid UTF-8 at byte $offset" "$TMP/err-$jobs.txt" ||
        fail "--jobs $jobs: the error does not name the first bad file: $(cat "$TMP/err-$jobs.txt")"
    if grep -q "a08.txt" "$TMP/err-$jobs.txt"; then fail "--jobs $jobs: names the second bad file"; fi
    [ -z "$(find "$TMP/out-$jobs" -type f 2> /dev/null)" ] ||
        fail "--jobs $jobs: a failed build left files in $TMP/out-$jobs"
done

# Warnings: skipped and renamed files first, then the extraction and decoding notes, each in
# input order.
mkdir -p "$TMP/w/a" "$TMP/w/b" "$TMP/w/c"
printf 'Published 2025-05-02\n\nThe envoy of Norland met the mayor of Vienna.\n' > "$TMP/w/a/same.txt"
printf 'not\0text\0at all' > "$TMP/w/a/twin.txt"
cp "$TMP/w/a/same.txt" "$TMP/w/b/same.txt"
printf 'Published 2025-05-03\n\nCaf\xc3\xa9 owners \xff met in Vienna.\n' > "$TMP/w/b/lenient.txt"
printf 'Published 2025-05-04\n\nA second story about talks in Vienna.\n' > "$TMP/w/b/twin.txt"
printf '\xef\xbb\xbfPublished 2025-05-05\n\nA story with a byte order mark.\n' > "$TMP/w/c/bom.txt"
cp "$TMP/w/b/same.txt" "$TMP/w/c/same.txt"
printf 'Published 2025-05-06\n\nCaf\xc3\xa9 \xfe again.\n' > "$TMP/w/c/zz.txt"
for jobs in 1 3; do
    "$PARLEY" build "$TMP/w" --lenient --out "$TMP/wout-$jobs" --jobs "$jobs" --format nt \
        2> "$TMP/warn-$jobs.txt" > /dev/null
done
cmp -s "$TMP/warn-1.txt" "$TMP/warn-3.txt" || fail "warnings differ between --jobs 1 and 3"
cmp -s "$TMP/wout-1/graph.nt" "$TMP/wout-3/graph.nt" || fail "graph.nt differs between --jobs 1 and 3"
sed -e 's/^parley: warning: //' -e "s|$TMP/w/||g" -e 's/:.*//' "$TMP/warn-3.txt" > "$TMP/order.txt"
printf '%s\n' a/twin.txt b/same.txt c/same.txt b/lenient.txt c/bom.txt c/zz.txt > "$TMP/want.txt"
diff "$TMP/want.txt" "$TMP/order.txt" > /dev/null ||
    fail "warnings not in input order: $(cat "$TMP/warn-3.txt")"
if grep -q 'b/twin.txt' "$TMP/warn-3.txt"; then
    fail "b/twin.txt renamed although a/twin.txt was skipped"
fi
grep -q '"twin.txt"' "$TMP/wout-3/graph.nt" || fail "b/twin.txt does not keep its file name as id"
grep -q "\"$TMP/w/c/same.txt\"" "$TMP/wout-3/graph.nt" || fail "c/same.txt was not renamed"
echo "ok"
