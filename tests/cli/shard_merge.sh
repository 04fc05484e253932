#!/usr/bin/env bash
# `parley build --shard K/N` and `parley merge`: three shards of examples/, built at once by GNU
# parallel, hold every article exactly once; merging them gives the files of one build of all
# articles, byte for byte (graph.ttl, graph.nt, graph.nq, validation.ttl and the state), hence an
# isomorphic graph (checked with rdflib too) with the same number of triples (rapper). The same
# for 1,200 articles from bench/make-corpus. The merge runs with --jobs 1 and the single build
# with --jobs 2, so this also checks that the number of jobs changes nothing. Then the errors: a
# bad --shard (0/3, 4/3, garbage...) exits 2 naming the option; more shards than articles,
# --date with --shard, two inputs with one file name, a folder without state and --out being a
# shard exit 2; two different articles with one file name, or an article edited after its
# shard was built, exit 1. Last, the progress line: none when stderr is a file or with --quiet;
# on a terminal (script(1)) it shows "parley: extract N/1200 articles, X MB/s, M:SS left".
source "$(dirname "$0")/lib.sh"

if ! command -v parallel > /dev/null; then
    [ "${CI:-}" = "true" ] && fail "GNU parallel is missing under CI=true (Debian package 'parallel')"
    echo "SKIP: GNU parallel not found (Debian package 'parallel')"
    exit 77
fi

# round NAME FOLDER [BUILD OPTIONS...]: one build of FOLDER into $TMP/NAME-all (--jobs 2), three
# shards built at once by GNU parallel into $TMP/NAME-shard-K, merged (--jobs 1) into
# $TMP/NAME-merged, which must hold the files of the single build byte for byte.
round() {
    local name=$1 folder=$2 k n f
    shift 2
    "$PARLEY" build -q "$folder" --out "$TMP/$name-all" --jobs 2 "$@" 2> "$TMP/all.err" ||
        fail "$name: single build"
    [ ! -s "$TMP/all.err" ] || fail "$name: a quiet build wrote to stderr: $(head -3 "$TMP/all.err")"
    parallel --will-cite --halt now,fail=1 "$PARLEY" build -q "$folder" --shard {}/3 \
        --out "$TMP/$name-shard-{}" "$@" ::: 1 2 3 || fail "$name: parallel shard builds"
    # Every article is in exactly one shard.
    for k in 1 2 3; do
        [ -s "$TMP/$name-shard-$k/graph.nq" ] || fail "$name: shard $k wrote no graph.nq"
        n=$(find "$TMP/$name-shard-$k/state/articles" -name '*.txt' | wc -l)
        [ "$n" -ge 3 ] || fail "$name: shard $k holds only $n articles"
    done
    diff <(find "$folder" -name '*.txt' -printf '%f\n' | sort) \
        <(find "$TMP/$name"-shard-*/state/articles -name '*.txt' -printf '%f\n' | sort) > /dev/null ||
        fail "$name: the shards do not hold every article exactly once"
    "$PARLEY" merge -q "$TMP/$name"-shard-{1,2,3} --out "$TMP/$name-merged" --jobs 1 "$@" ||
        fail "$name: merge"
    for f in "$TMP/$name-all"/graph.* validation.ttl state/articles.tsv; do
        f=${f#"$TMP/$name-all/"}
        cmp -s "$TMP/$name-all/$f" "$TMP/$name-merged/$f" ||
            fail "$name: merged $f differs from the single build: $(diff <(sort "$TMP/$name-all/$f") <(sort "$TMP/$name-merged/$f") | head -4)"
    done
}

round examples examples/
single=$(triples "$TMP/examples-all/graph.nt" ntriples)
merged=$(triples "$TMP/examples-merged/graph.ttl" turtle)
[ -n "$single" ] && [ "$single" -gt 1000 ] || fail "too few triples in the single build: '$single'"
[ "$single" = "$merged" ] || fail "single build: $single triples, merge: $merged"
PY=/usr/bin/python3 # Debian's, with python3-rdflib
[ -x "$PY" ] || PY=python3
"$PY" - "$TMP/examples-all/graph.nq" "$TMP/examples-merged/graph.nq" << 'EOF' || fail "rdflib: the merged graph is not isomorphic to the single build"
import sys
from rdflib import ConjunctiveGraph, Graph
from rdflib.compare import isomorphic

def load(path):
    g = ConjunctiveGraph()
    g.parse(path, format="nquads")
    return g

a, b = load(sys.argv[1]), load(sys.argv[2])
# Per named graph and as one graph.
names = sorted(str(c.identifier) for c in a.contexts())
assert names == sorted(str(c.identifier) for c in b.contexts()), "different named graphs"
for name in names:
    ga, gb = Graph(), Graph()
    for t in a.get_context(name):
        ga.add(t)
    for t in b.get_context(name):
        gb.add(t)
    assert isomorphic(ga, gb), name
sys.exit(0 if len(a) == len(b) else 1)
EOF
echo "ok: examples/ in 3 shards merged: $merged triples, byte-identical to one build"

# A larger corpus (bench/make-corpus: recombined examples, many people shared across shards),
# so that the cross-document resolution of the merge has work to do.
python3 bench/make-corpus --docs 1200 --seed 7 --out "$TMP/corpus" --parts 1 > /dev/null ||
    fail "bench/make-corpus"
round corpus "$TMP/corpus/part-1" --format nt,nq
echo "ok: 1200 generated articles in 3 shards merged: $(wc -l < "$TMP/corpus-merged/graph.nt") triples, byte-identical to one build"

# A shard built with N-Quads only merges just as well; merge --format writes what it is asked.
"$PARLEY" build -q examples/ --shard 2/2 --format nq --out "$TMP/nq-2" || fail "shard 2/2 --format nq"
"$PARLEY" build -q examples/ --shard 1/2 --format nq --out "$TMP/nq-1" || fail "shard 1/2 --format nq"
"$PARLEY" merge -q "$TMP/nq-1" "$TMP/nq-2" "$TMP/nq-1" --format nq --out "$TMP/merged-nq" ||
    fail "merge of two shards (one given twice)"
[ ! -e "$TMP/merged-nq/graph.ttl" ] || fail "merge --format nq wrote graph.ttl"
cmp -s "$TMP/examples-all/graph.nq" "$TMP/merged-nq/graph.nq" || fail "merge of 2 shards: graph.nq differs"
# The merged folder is a state like any other: --into adds nothing new, the graph is unchanged.
"$PARLEY" build -q --into "$TMP/examples-merged" examples/03-geneva-talks-translated.txt ||
    fail "build --into a merged folder"
cmp -s "$TMP/examples-all/graph.nq" "$TMP/examples-merged/graph.nq" || fail "--into a merged folder changed the graph"

# expect RC PATTERN CMD...: CMD exits RC and its stderr matches PATTERN.
expect() {
    local rc=$1 pattern=$2 got
    shift 2
    set +e
    "$@" > /dev/null 2> "$TMP/err"
    got=$?
    set -e
    [ "$got" -eq "$rc" ] || fail "'${*:2}': exit $got, expected $rc ($(head -2 "$TMP/err"))"
    grep -q -e "$pattern" "$TMP/err" || fail "'${*:2}': message '$(head -2 "$TMP/err")' lacks '$pattern'"
}
for bad in 0/3 4/3 garbage 3 1/0 -1/3 1/3x /3 1/; do
    expect 2 "shard" "$PARLEY" build -q examples/ --shard "$bad" --out "$TMP/bad"
done
expect 2 "this shard has none" "$PARLEY" build -q examples/ --shard 11/11 --out "$TMP/bad"
expect 2 "cannot be used with --shard" "$PARLEY" build -q examples/ --shard 1/2 --date 2025-01-01 \
    --out "$TMP/bad"
mkdir -p "$TMP/twin/a" "$TMP/twin/b"
cp examples/01-geneva-talks-wire.txt "$TMP/twin/a/"
cp examples/02-geneva-talks-analysis.txt "$TMP/twin/b/01-geneva-talks-wire.txt"
expect 2 "two inputs are named 01-geneva-talks-wire.txt" "$PARLEY" build -q "$TMP/twin" \
    --shard 1/2 --out "$TMP/bad"
expect 2 "has no state/articles.tsv" "$PARLEY" merge -q "$TMP/examples-shard-1" examples --out "$TMP/bad"
expect 2 "is one of the shards" "$PARLEY" merge -q "$TMP/examples-shard-1" "$TMP/examples-shard-2" --out "$TMP/examples-shard-2"
expect 2 "no such directory" "$PARLEY" merge -q "$TMP/nowhere" --out "$TMP/bad"
expect 2 "SHARD_DIR" "$PARLEY" merge --out "$TMP/bad"
# A different article under a name another shard holds: exit 1, naming both files.
"$PARLEY" build -q "$TMP/twin/b" --shard 1/1 --out "$TMP/clash" || fail "build of the clashing shard"
expect 1 "different articles with the same file name 01-geneva-talks-wire.txt" \
    "$PARLEY" merge -q "$TMP/examples-shard-1" "$TMP/examples-shard-2" "$TMP/examples-shard-3" "$TMP/clash" --out "$TMP/bad"
[ ! -e "$TMP/bad/graph.nq" ] || fail "a refused merge wrote a graph"
# An article edited after its shard was built: exit 1.
cp -r "$TMP/examples-shard-3" "$TMP/edited"
f=$(find "$TMP/edited/state/articles" -name '*.txt' -printf '%f\n' | sort | head -1)
echo "An added line." >> "$TMP/edited/state/articles/$f"
expect 1 "changed after its shard was built" \
    "$PARLEY" merge -q "$TMP/examples-shard-1" "$TMP/examples-shard-2" "$TMP/edited" --out "$TMP/bad"
echo "ok: bad shards and merges refused"

# No progress line (carriage return) when stderr is not a terminal, also without --quiet.
"$PARLEY" build "$TMP/corpus" --format nq --jobs 1 --out "$TMP/loud" > /dev/null 2> "$TMP/loud.err" ||
    fail "build without -q"
! grep -q $'\r' "$TMP/loud.err" || fail "progress line written although stderr is a file"
# On a terminal (script(1) gives it one), an extraction longer than a second shows the line;
# with --quiet it does not.
if command -v script > /dev/null; then
    script -qec "'$PARLEY' build '$TMP/corpus' --format nq --jobs 1 --out '$TMP/tty' > /dev/null" \
        "$TMP/tty.log" > /dev/null || fail "build on a terminal"
    if grep -q 'parley: extract' "$TMP/tty.log"; then
        grep -Eq $'\rparley: extract [0-9]+/1200 articles, [0-9.]+ MB/s, [0-9]+:[0-9]{2} left' \
            "$TMP/tty.log" || fail "progress line: $(grep -a 'parley: extract' "$TMP/tty.log" | head -c 300)"
        echo "ok: progress line on a terminal"
    else
        echo "note: extraction took under a second, so no progress line was drawn"
    fi
    script -qec "'$PARLEY' build -q '$TMP/corpus' --format nq --jobs 1 --out '$TMP/tty' > /dev/null" \
        "$TMP/tty-q.log" > /dev/null || fail "build -q on a terminal"
    ! grep -q 'parley: extract' "$TMP/tty-q.log" || fail "progress line despite --quiet"
fi
echo "PASS"
