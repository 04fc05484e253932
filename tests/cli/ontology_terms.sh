#!/usr/bin/env bash
# The ontology and the shapes parse with rapper, and every pl: term that the output of the
# examples (and of the seeds, when present) uses is declared in ontology/parley.ttl.
source "$(dirname "$0")/lib.sh"
for f in ontology/*.ttl; do
    n=$(triples "$f" turtle)
    [ -n "$n" ] && [ "$n" -gt 10 ] || fail "$f does not parse with rapper (got '$n' triples)"
done
rapper -q -i turtle -o ntriples ontology/parley.ttl > "$TMP/onto.nt"
PL='https://w3id.org/parley/ontology#'
inputs=(examples/)
if [ -d "$SHARED/corpus/seeds" ]; then inputs+=("$SHARED/corpus/seeds"); fi
"$PARLEY" build "${inputs[@]}" --out "$TMP/out" -q
# Predicates, and classes used as objects of rdf:type, in the pl: namespace.
grep -o "<${PL}[A-Za-z]*>" "$TMP/out/graph.nt" | sort -u > "$TMP/used.txt"
[ -s "$TMP/used.txt" ] || fail "no pl: term in the output"
missing=0
while read -r term; do
    if ! grep -q "^$term <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" "$TMP/onto.nt"; then
        echo "undeclared: $term" >&2
        missing=1
    fi
done < "$TMP/used.txt"
[ "$missing" = 0 ] || fail "terms used by the output are not declared in ontology/parley.ttl"
echo "ok: $(wc -l < "$TMP/used.txt") pl: terms used, all declared"
