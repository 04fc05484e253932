#!/usr/bin/env bash
# `parley explain`: every fact about a resource with its evidence, read from the RDF output.
#  - on a small hand-written graph: the exact facts, evidence lines, entailment marks and
#    the messages for an ambiguous name and an unknown name (exit 2);
#  - on the graph of examples/: a name, an alias, a key, a prefixed name and an IRI give the same
#    output, and the evidence printed for a country is exactly the evidence that a SPARQL query
#    over the same file finds for the facts with that country as subject or object.
source "$(dirname "$0")/lib.sh"
PARLEY=$(realpath "$PARLEY")

cat > "$TMP/small.ttl" <<'EOF'
@prefix pl: <https://w3id.org/parley/ontology#> .
@prefix pr: <https://w3id.org/parley/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
pr:country/a a pl:Country, pl:Actor ; rdfs:label "Aland" ; skos:altLabel "The Alanders" ;
  pl:rejects pr:proposal/p ; pl:opposes pr:proposal/p ; pl:mentionedIn pr:document/d1-txt .
pr:proposal/p a pl:Proposal ; rdfs:label "a truce" ; pl:proposedBy pr:country/b .
pr:country/b a pl:Country ; rdfs:label "Twin" .
pr:person/b a pl:Person ; rdfs:label "Twin" .
pr:document/d1-txt a pl:Document ; pl:fileName "d1.txt" .
pr:fact/f1 a pl:Fact ; rdf:subject pr:country/a ; rdf:predicate pl:rejects ;
  rdf:object pr:proposal/p ; pl:numSources 1 ; pl:confidence "0.6"^^xsd:decimal ;
  pl:evidence pr:evidence/e1 .
pr:evidence/e1 a pl:Evidence ; pl:document pr:document/d1-txt ; pl:beginOffset 10 ;
  pl:endOffset 18 ; pl:rule "stance.verb:rejected" ; pl:confidence "0.6"^^xsd:decimal ;
  pl:sentence "Aland rejected\nthe truce." .
EOF
# Turtle has no `/` in prefixed names: write the pr: names as full IRIs.
sed -i -E 's#(^| )pr:([a-z]+/[A-Za-z0-9-]+)#\1<https://w3id.org/parley/id/\2>#g' "$TMP/small.ttl"
"$PARLEY" explain --data "$TMP/small.ttl" "the alanders" > "$TMP/a.txt" || fail "explain by alias"
expect_line() { grep -qxF -- "$1" "$TMP/a.txt" || fail "missing line '$1' in: $(cat "$TMP/a.txt")"; }
expect_line 'pr:country/a "Aland" a pl:Actor, pl:Country'
expect_line '  skos:altLabel "The Alanders"'
expect_line '  pl:opposes pr:proposal/p (a truce)   [entailed from pl:rejects]'
expect_line '  pl:rejects pr:proposal/p (a truce)'
expect_line '      pr:fact/f1: 1 source(s), confidence 0.6'
expect_line '      - d1.txt [10-18] rule stance.verb:rejected, confidence 0.6'
expect_line '        "Aland rejected\nthe truce."'
expect_line '2 attributes, 2 facts (1 with evidence)'
"$PARLEY" explain --data "$TMP/small.ttl" pr:proposal/p > "$TMP/p.txt" || fail "explain pr:"
grep -qxF '  pr:country/a (Aland) pl:rejects' "$TMP/p.txt" || fail "incoming fact: $(cat "$TMP/p.txt")"
grep -qxF '  pl:proposedBy pr:country/b (Twin)   [no evidence of its own]' "$TMP/p.txt" ||
    fail "fact without evidence: $(cat "$TMP/p.txt")"

expect_2() {
    local what=$1; shift
    "$PARLEY" explain "$@" > /dev/null 2> "$TMP/err"
    local rc=$?
    [ "$rc" -eq 2 ] || fail "$what: exit code $rc, expected 2"
    [ -s "$TMP/err" ] || fail "$what: no message"
}
set +e
expect_2 "ambiguous name" --data "$TMP/small.ttl" Twin
grep -q 'names 2 resources' "$TMP/err" && grep -q 'pr:person/b' "$TMP/err" &&
    grep -q 'pr:country/b' "$TMP/err" || fail "ambiguity message: $(cat "$TMP/err")"
expect_2 "unknown name" --data "$TMP/small.ttl" Nobody
grep -q 'no resource is named "Nobody"' "$TMP/err" || fail "unknown message: $(cat "$TMP/err")"
expect_2 "unknown IRI" --data "$TMP/small.ttl" https://example.org/x
expect_2 "missing data" --data "$TMP/missing.nq" Aland
grep -q 'missing.nq' "$TMP/err" || fail "missing file not named: $(cat "$TMP/err")"
expect_2 "no resource" --data "$TMP/small.ttl"
set -e

# The graph of examples/.
"$PARLEY" build -q examples/ --out "$TMP/out" || fail "parley build examples/ failed"
D=(--data "$TMP/out/graph.nq")
"$PARLEY" explain "${D[@]}" Russia > "$TMP/name.txt" || fail "explain Russia"
for t in Kremlin country/russia pr:country/russia https://w3id.org/parley/id/country/russia; do
    "$PARLEY" explain "${D[@]}" "$t" > "$TMP/other.txt" || fail "explain $t"
    cmp -s "$TMP/name.txt" "$TMP/other.txt" || fail "explain $t differs from explain Russia"
done
(cd "$TMP" && "$PARLEY" explain Russia) > "$TMP/default.txt" || fail "explain with default data"
cmp -s "$TMP/name.txt" "$TMP/default.txt" || fail "the default data is not out/graph.nq"

# The evidence lines are those a SPARQL query finds (file, offsets, rule).
"$PARLEY" query "${D[@]}" --results tsv -e '
PREFIX pl: <https://w3id.org/parley/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?f ?file ?b ?e ?rule WHERE {
  { ?f rdf:subject <https://w3id.org/parley/id/country/russia> } UNION
  { ?f rdf:object <https://w3id.org/parley/id/country/russia> }
  ?f pl:evidence ?ev . ?ev pl:document ?d ; pl:beginOffset ?b ; pl:endOffset ?e ; pl:rule ?rule .
  ?d pl:fileName ?file .
}' | tail -n +2 | python3 -c '
import sys
for line in sys.stdin:
    f, file, b, e, rule = line.rstrip("\n").split("\t")
    print("      - %s [%s-%s] rule %s" % (file.strip("\""), b.split("\"")[1] if "\"" in b else b,
          e.split("\"")[1] if "\"" in e else e, rule.strip("\"")))' | sort > "$TMP/expected.txt"
[ -s "$TMP/expected.txt" ] || fail "the query found no evidence for Russia"
sed -n 's/^\(      - .* rule [^,]*\),.*/\1/p' "$TMP/name.txt" | sort > "$TMP/printed.txt"
cmp -s "$TMP/expected.txt" "$TMP/printed.txt" ||
    fail "evidence differs from the query: $(diff "$TMP/expected.txt" "$TMP/printed.txt" | head -6)"
echo "ok: $(wc -l < "$TMP/printed.txt") evidence lines for Russia, as the query finds them"
echo "PASS"
