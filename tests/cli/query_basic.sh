#!/usr/bin/env bash
# `parley query`: every competency question in queries/ runs on the graph of examples/; the ones
# the examples answer give rows; Turtle and N-Quads give the same answers; the result formats
# (table, CSV, TSV, JSON), ASK and CONSTRUCT work; the default data is out/graph.nq; bad queries,
# missing data and bad usage exit with 2 and a clear message.
set -u
PARLEY=$(realpath "$1")
REPO=$(pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$PARLEY" build examples/ --out "$TMP/out" --quiet || fail "parley build examples/ failed"
for f in ttl nt nq; do [ -s "$TMP/out/graph.$f" ] || fail "graph.$f not written"; done

# Every query runs; Turtle (merged graph) and N-Quads give the same CSV for queries without GRAPH.
for q in queries/*.rq; do
    "$PARLEY" query --data "$TMP/out/graph.nq" --results csv "$q" > "$TMP/nq.csv" 2> "$TMP/err" ||
        fail "$q failed on graph.nq: $(cat "$TMP/err")"
    [ -s "$TMP/err" ] && fail "$q printed to stderr: $(cat "$TMP/err")"
    if ! grep -qi '^[^#]*GRAPH' "$q"; then
        "$PARLEY" query --data "$TMP/out/graph.ttl" --results csv "$q" > "$TMP/ttl.csv" ||
            fail "$q failed on graph.ttl"
        cmp -s "$TMP/nq.csv" "$TMP/ttl.csv" || fail "$q: graph.ttl and graph.nq answers differ"
    fi
    head -c 2 "$q" | grep -q '^# ' || fail "$q has no comment header"
done
[ "$(ls queries/*.rq | wc -l)" -ge 10 ] || fail "fewer than ten competency questions"

# The questions the examples answer give at least one row (CSV: a header plus rows).
for q in 01-meeting-participants 02-proposals-opposed-by-actor \
    03-proposed-by-one-opposed-by-another 04-meetings-in-date-range \
    05-facts-with-two-sources 06-fact-provenance 07-stance-changes 08-quotes-by-speaker \
    09-entity-aliases 10-meetings-by-location 11-documents-per-stance 12-most-reported-actors \
    13-conditional-offers 14-people-roles-affiliations 15-meeting-dates-by-location; do
    rows=$("$PARLEY" query --data "$TMP/out/graph.nq" --results csv "queries/$q.rq" | wc -l)
    [ "$rows" -ge 2 ] || fail "queries/$q.rq gave no rows on examples/"
done

# The default data is out/graph.nq of the current directory; the table ends with a row count.
(cd "$TMP" && "$PARLEY" query "$REPO/queries/10-meetings-by-location.rq") > "$TMP/table.txt" ||
    fail "query with the default data failed"
grep -q '^ placeName ' "$TMP/table.txt" || fail "table header missing: $(head -2 "$TMP/table.txt")"
grep -Eq '^\([0-9]+ rows?\)$' "$TMP/table.txt" || fail "table row count missing"

# Result formats.
Q='PREFIX pl: <https://w3id.org/parley/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?c ?l WHERE { ?c a pl:Country ; rdfs:label ?l } ORDER BY ?l'
D=(--data "$TMP/out/graph.ttl")
"$PARLEY" query "${D[@]}" --results csv -e "$Q" > "$TMP/r.csv" || fail "csv"
head -1 "$TMP/r.csv" | grep -q $'^c,l\r$' || fail "CSV header: $(head -1 "$TMP/r.csv" | od -c | head -2)"
grep -q $'^https://w3id.org/parley/id/country/ukraine,Ukraine\r$' "$TMP/r.csv" || fail "CSV row"
"$PARLEY" query "${D[@]}" --results tsv -e "$Q" > "$TMP/r.tsv" || fail "tsv"
head -1 "$TMP/r.tsv" | grep -q $'^?c\t?l$' || fail "TSV header"
grep -q $'^<https://w3id.org/parley/id/country/ukraine>\t"Ukraine"$' "$TMP/r.tsv" || fail "TSV row"
"$PARLEY" query "${D[@]}" --results json -e "$Q" > "$TMP/r.json" || fail "json"
python3 - "$TMP/r.json" <<'EOF' || fail "SPARQL JSON results"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["head"]["vars"] == ["c", "l"], r["head"]
rows = r["results"]["bindings"]
assert any(b["l"]["value"] == "Ukraine" and b["c"]["type"] == "uri" for b in rows), rows[:3]
EOF
[ "$(wc -l < "$TMP/r.csv")" -eq "$(($(wc -l < "$TMP/r.tsv")))" ] || fail "CSV and TSV row counts differ"

# ASK and CONSTRUCT.
out=$("$PARLEY" query "${D[@]}" -e 'ASK { ?m a <https://w3id.org/parley/ontology#Meeting> }') ||
    fail "ASK"
[ "$out" = "true" ] || fail "ASK printed '$out'"
"$PARLEY" query "${D[@]}" -e 'CONSTRUCT { ?a <http://example.org/opposes> ?p } WHERE { ?a <https://w3id.org/parley/ontology#opposes> ?p }' > "$TMP/c.nt" || fail "CONSTRUCT"
n=$(rapper -i ntriples -c "$TMP/c.nt" 2>&1 | sed -n "s/.*returned \([0-9]*\) triples.*/\1/p")
[ "${n:-0}" -ge 1 ] || fail "CONSTRUCT output does not parse as N-Triples with triples"

# Errors: exit code 2 and a message.
expect_2() {
    local what=$1; shift
    "$PARLEY" query "$@" > /dev/null 2> "$TMP/err"
    local rc=$?
    [ "$rc" -eq 2 ] || fail "$what: exit code $rc, expected 2"
    [ -s "$TMP/err" ] || fail "$what: no message"
}
expect_2 "syntax error" "${D[@]}" -e 'SELECT ?x WHERE { ?x ?y }'
grep -q 'SPARQL' "$TMP/err" || fail "syntax error message: $(cat "$TMP/err")"
expect_2 "missing data file" --data "$TMP/missing.ttl" -e 'ASK {}'
grep -q 'missing.ttl' "$TMP/err" || fail "missing file not named: $(cat "$TMP/err")"
printf '<http://a> <http://b> "unterminated .\n' > "$TMP/bad.nt"
expect_2 "bad data file" --data "$TMP/bad.nt" -e 'ASK {}'
grep -q 'bad.nt:1' "$TMP/err" || fail "bad data file line not named: $(cat "$TMP/err")"
expect_2 "no query" "${D[@]}"
expect_2 "query file and -e" "${D[@]}" -e 'ASK {}' queries/10-meetings-by-location.rq
expect_2 "missing query file" "${D[@]}" "$TMP/nope.rq"
expect_2 "unknown results format" "${D[@]}" --results xml -e 'ASK {}'
(cd "$TMP" && mkdir empty && cd empty && "$PARLEY" query -e 'ASK {}' > /dev/null 2> "$TMP/err")
[ $? -eq 2 ] || fail "no default data: expected exit 2"
grep -q 'out/graph.nq' "$TMP/err" || fail "no default data message: $(cat "$TMP/err")"
echo "PASS"
