#!/usr/bin/env bash
# Interoperability: the graph of examples/ that `parley build` writes is read the same way by
# three independent RDF parsers and answers every competency question the same way in parley's
# engine (librdf + rasqal) and in Oxigraph.
#  1. graph.ttl, graph.nt and graph.nq parse in Redland's rapper, Serd's serdi and Oxigraph with
#     the number of triples parley reports (N-Quads: distinct triples once the graph column is
#     dropped); parley writes no blank nodes.
#  2. Turtle, N-Triples and N-Quads hold the same triples: the sorted canonical N-Triples that
#     serdi (and rapper) print for them are identical.
#  3. Every query of queries/ gives the same rows in `parley query --results json` and in
#     Oxigraph (npm `oxigraph`, tests/node/sparql.js), compared as sorted canonical rows
#     (tests/cli/sparql_rows.py). Exception, documented in KNOWN_DIFFERENT below.
# The npm packages are installed into tests/node/node_modules with `npm ci` from the committed
# lock file. Without node/npm the test is skipped (exit 77), except under CI=true.
source "$(dirname "$0")/lib.sh"
root=$(pwd)
node_dir=$root/tests/node

for tool in rapper serdi python3; do
    command -v "$tool" >/dev/null || fail "$tool is missing (see DEB_PACKAGES in the Makefile)"
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "interop: node and npm are needed (Debian packages nodejs and npm; 'make deps')"
    [[ ${CI:-} == true ]] && exit 1
    exit 77
fi
stamp=$node_dir/node_modules/.package-lock.json
if [[ ! -d $node_dir/node_modules/oxigraph || $node_dir/package-lock.json -nt $stamp ]]; then
    echo "interop: installing the npm test dependencies into tests/node/node_modules"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error) ||
        fail "'npm ci' failed in tests/node"
fi

out=$TMP/out
"$PARLEY" build examples/ --out "$out" > "$TMP/build.txt" || fail "parley build examples/ failed"
expected=$(sed -n 's/^ *triples: *\([0-9]*\) written.*/\1/p' "$TMP/build.txt")
[[ -n $expected && $expected -gt 1000 ]] || fail "no triple count in the build summary"
echo "parley wrote $expected triples"

# Distinct triples of N-Triples or N-Quads lines (the graph, a fourth term, dropped).
distinct_triples() {
    python3 -c '
import re, sys
term = re.compile(r"<[^>]*>|_:\S+|\"(?:[^\"\\]|\\.)*\"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?")
seen = set()
for line in sys.stdin:
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    terms = term.findall(line)
    if len(terms) not in (3, 4):
        sys.exit("cannot read the line: " + line[:200])
    seen.add(" ".join(terms[:3]))
print(len(seen))'
}

# 1. Counts in rapper, serdi and Oxigraph.
declare -A syntax=([ttl]=turtle [nt]=ntriples [nq]=nquads)
for f in ttl nt nq; do
    file=$out/graph.$f
    rapper -q -i "${syntax[$f]}" -o ntriples "$file" > "$TMP/rapper.$f.nt" ||
        fail "rapper cannot parse graph.$f"
    n=$(distinct_triples < "$TMP/rapper.$f.nt")
    [[ $n == "$expected" ]] || fail "rapper reads $n triples from graph.$f, parley wrote $expected"
    # N-Quads output for all three: serdi's N-Triples output escapes non-ASCII, its N-Quads not.
    serdi -i "${syntax[$f]}" -o nquads "$file" \
        > "$TMP/serdi.$f" 2> "$TMP/serdi.err" || fail "serdi cannot parse graph.$f: $(cat "$TMP/serdi.err")"
    [[ -s $TMP/serdi.err ]] && fail "serdi warns about graph.$f: $(head -3 "$TMP/serdi.err")"
    n=$(distinct_triples < "$TMP/serdi.$f")
    [[ $n == "$expected" ]] || fail "serdi reads $n triples from graph.$f, parley wrote $expected"
    if grep -Eq '(^| )_:[A-Za-z0-9]' "$TMP/serdi.$f"; then fail "graph.$f has blank nodes"; fi
done
if [[ $(wc -l < "$TMP/serdi.nq") -le $expected ]]; then
    fail "graph.nq has no triple in more than one named graph (expected per-document graphs)"
fi
node "$node_dir/sparql.js" count "$out/graph.ttl" "$out/graph.nt" "$out/graph.nq" > "$TMP/oxi.txt" ||
    fail "Oxigraph cannot parse the output"
while IFS=$'\t' read -r file quads triples; do
    [[ $triples == "$expected" ]] ||
        fail "Oxigraph reads $triples triples from $file, parley wrote $expected"
    if [[ $file == *.nq ]]; then
        [[ $quads == "$(wc -l < "$TMP/serdi.nq")" ]] ||
            fail "Oxigraph reads $quads quads from graph.nq, serdi $(wc -l < "$TMP/serdi.nq")"
    fi
done < "$TMP/oxi.txt"
[[ $(wc -l < "$TMP/oxi.txt") == 3 ]] || fail "Oxigraph counted $(wc -l < "$TMP/oxi.txt") files"
echo "ok: rapper, serdi and Oxigraph read $expected triples from graph.ttl, graph.nt and graph.nq"

# 2. Same triples: canonical sorted N-Triples, per parser.
cut_graph() { sed -E 's/ <[^>]*> \.$/ ./'; }
for tool in serdi rapper; do
    if [[ $tool == serdi ]]; then
        sort -u "$TMP/serdi.ttl" > "$TMP/a.nt"
        sort -u "$TMP/serdi.nt" > "$TMP/b.nt"
        # serdi prints N-Quads with a graph on every line here (parley puts each triple into the
        # graph of a document), so removing the last IRI leaves the triple.
        cut_graph < "$TMP/serdi.nq" | sort -u > "$TMP/c.nt"
    else
        sort -u "$TMP/rapper.ttl.nt" > "$TMP/a.nt"
        sort -u "$TMP/rapper.nt.nt" > "$TMP/b.nt"
        sort -u "$TMP/rapper.nq.nt" > "$TMP/c.nt"
    fi
    cmp -s "$TMP/a.nt" "$TMP/b.nt" ||
        fail "$tool: graph.ttl and graph.nt differ: $(diff "$TMP/a.nt" "$TMP/b.nt" | head -4)"
    cmp -s "$TMP/b.nt" "$TMP/c.nt" ||
        fail "$tool: graph.nt and graph.nq differ: $(diff "$TMP/b.nt" "$TMP/c.nt" | head -4)"
    [[ $(wc -l < "$TMP/a.nt") == "$expected" ]] || fail "$tool: canonical N-Triples line count"
done
if grep -vq ' <[^>]*> \.$' "$TMP/serdi.nq"; then
    fail "graph.nq has triples in the default graph; the graph-dropping comparison needs a graph on every line"
fi
echo "ok: graph.ttl, graph.nt and graph.nq hold the same triples (serdi and rapper)"

# 3. Every competency question: parley and Oxigraph give the same rows.
# Known differences between the engines, with the reason; such a query is still run by both.
# (None at present: 10-meetings-by-location.rq no longer takes MIN/MAX over unbound dates.)
declare -A KNOWN_DIFFERENT=()
mkdir -p "$TMP/oxigraph" "$TMP/parley"
node "$node_dir/sparql.js" query "$out/graph.ttl" "$out/graph.nq" "$TMP/oxigraph" queries/*.rq ||
    fail "Oxigraph failed to run the queries"
compared=0
for q in queries/*.rq; do
    name=$(basename "$q")
    "$PARLEY" query --data "$out/graph.nq" --results json "$q" > "$TMP/parley/$name.json" ||
        fail "parley query $q failed"
    python3 tests/cli/sparql_rows.py "$TMP/parley/$name.json" > "$TMP/parley/$name.rows"
    python3 tests/cli/sparql_rows.py "$TMP/oxigraph/$name.json" > "$TMP/oxigraph/$name.rows"
    rows=$(($(wc -l < "$TMP/parley/$name.rows") - 1))
    # parley's JSON lists no variables when a SELECT has no rows (librdf reports the bindings
    # count only once a row exists): then the rows alone are compared.
    if [[ $rows -eq 0 && $(head -1 "$TMP/parley/$name.rows") == "[]" ]]; then
        sed -i 1d "$TMP/parley/$name.rows" "$TMP/oxigraph/$name.rows"
    fi
    if cmp -s "$TMP/parley/$name.rows" "$TMP/oxigraph/$name.rows"; then
        echo "ok   $name: $rows rows in both"
        compared=$((compared + 1))
    elif [[ -n ${KNOWN_DIFFERENT[$name]:-} ]]; then
        echo "skip $name: known difference (${KNOWN_DIFFERENT[$name]})"
    else
        diff "$TMP/parley/$name.rows" "$TMP/oxigraph/$name.rows" | head -10 | cut -c1-240
        fail "$name: parley and Oxigraph give different rows (< parley, > Oxigraph)"
    fi
done
[[ $compared -ge 10 ]] || fail "only $compared queries were compared"
echo "PASS"
