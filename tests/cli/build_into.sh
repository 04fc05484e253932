#!/usr/bin/env bash
# `parley build --into DIR`: building articles in two halves into the same output gives the same
# graph (byte-identical Turtle, N-Triples and N-Quads, hence the same set of triples) as building
# all of them at once, also when the first half was a plain build (--out); re-adding an article
# changes nothing; another article with a file name already built is refused (exit 1) without
# touching the state; --date with --into, --into with --out and --into a folder without state
# exit 2. Run on examples/ and, when ../shared is present, on the five seeds.
source "$(dirname "$0")/lib.sh"

# halves NAME FOLDER: all at once into $TMP/NAME-all, in two halves into $TMP/NAME-into.
halves() {
    local name=$1 folder=$2
    mapfile -t files < <(ls "$folder"/*.txt | sort)
    local n=${#files[@]} half=$((${#files[@]} / 2))
    [ "$n" -ge 2 ] || fail "$folder has fewer than two articles"
    "$PARLEY" build -q "$folder" --out "$TMP/$name-all" || fail "$name: build of all articles"
    "$PARLEY" build -q --into "$TMP/$name-into" "${files[@]:0:half}" ||
        fail "$name: build --into, first half"
    cp "$TMP/$name-into/graph.nt" "$TMP/$name-first.nt"
    "$PARLEY" build -q --into "$TMP/$name-into" "${files[@]:half}" ||
        fail "$name: build --into, second half"
    cmp -s "$TMP/$name-first.nt" "$TMP/$name-into/graph.nt" &&
        fail "$name: the second half changed nothing"
    for f in ttl nt nq; do
        cmp -s "$TMP/$name-all/graph.$f" "$TMP/$name-into/graph.$f" ||
            fail "$name: graph.$f of two halves differs from one build: $(diff <(sort "$TMP/$name-all/graph.$f") <(sort "$TMP/$name-into/graph.$f") | head -4)"
    done
    # A plain build (--out) records its articles too: --into adds to it.
    "$PARLEY" build -q --out "$TMP/$name-plain" "${files[@]:0:half}" || fail "$name: plain build"
    "$PARLEY" build -q --into "$TMP/$name-plain" "${files[@]:half}" ||
        fail "$name: build --into after a plain build"
    cmp -s "$TMP/$name-all/graph.nq" "$TMP/$name-plain/graph.nq" ||
        fail "$name: a plain build of one half plus --into the other differs from one build"
    [ "$(grep -vc '^#' "$TMP/$name-into/state/articles.tsv")" -eq "$n" ] ||
        fail "$name: state/articles.tsv does not list the $n articles"
    echo "ok: $name: $n articles in two halves ($half + $((n - half))) give the graph of one build ($(wc -l < "$TMP/$name-all/graph.nt") triples)"
}

halves examples examples

# Adding an article again changes nothing.
"$PARLEY" build -q --into "$TMP/examples-into" examples/01-geneva-talks-wire.txt ||
    fail "re-adding an article failed"
cmp -s "$TMP/examples-all/graph.nq" "$TMP/examples-into/graph.nq" ||
    fail "re-adding an article changed the graph"

# Another article under a name already built: exit 1, the state is unchanged.
mkdir -p "$TMP/other"
printf 'GENEVA, March 3 (Wire) - Nothing happened today.\n' > "$TMP/other/01-geneva-talks-wire.txt"
cp -r "$TMP/examples-into/state" "$TMP/state-before"
set +e
"$PARLEY" build -q --into "$TMP/examples-into" "$TMP/other/01-geneva-talks-wire.txt" 2> "$TMP/err"
rc=$?
[ "$rc" -eq 1 ] || fail "a clashing file name: exit $rc, expected 1"
grep -q 'already holds another article named 01-geneva-talks-wire.txt' "$TMP/err" ||
    fail "clash message: $(cat "$TMP/err")"
diff -r "$TMP/state-before" "$TMP/examples-into/state" > /dev/null || fail "the clash changed the state"
# A new article that fails to build is not kept in the state.
printf 'Talks with Vu\xc4\x8di\xc4\x87 said \xc3\x28 it was over.\n' > "$TMP/other/new-bad.txt"
"$PARLEY" build -q --into "$TMP/examples-into" "$TMP/other/new-bad.txt" 2> "$TMP/err"
rc=$?
[ "$rc" -eq 2 ] || fail "invalid UTF-8 article: exit $rc, expected 2 ($(cat "$TMP/err"))"
[ ! -e "$TMP/examples-into/state/articles/new-bad.txt" ] || fail "a failed article stays in the state"
"$PARLEY" build -q --into "$TMP/x" --date 2025-01-01 examples/ 2> "$TMP/err"
[ $? -eq 2 ] || fail "--date with --into: expected exit 2"
"$PARLEY" build -q --into "$TMP/x" --out "$TMP/y" examples/ 2> "$TMP/err"
[ $? -eq 2 ] || fail "--into with --out: expected exit 2"
# A graph built with --date has no state: --into refuses it rather than dropping its articles.
"$PARLEY" build -q --out "$TMP/dated" --date 2025-01-01 examples/01-geneva-talks-wire.txt ||
    fail "build --date"
[ ! -e "$TMP/dated/state" ] || fail "a build with --date keeps a state"
"$PARLEY" build -q --into "$TMP/dated" examples/02-geneva-talks-analysis.txt 2> "$TMP/err"
[ $? -eq 2 ] || fail "--into a folder without state: expected exit 2"
grep -q 'no state/articles.tsv' "$TMP/err" || fail "no-state message: $(cat "$TMP/err")"
set -e

need_shared seeds
halves seeds "$SHARED/corpus/seeds"
echo "PASS"
