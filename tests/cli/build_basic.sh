#!/usr/bin/env bash
# `parley build examples/`: Turtle and N-Triples parse with rapper and hold the same number of
# triples; two runs, and runs with 1 or 2 jobs, give byte-identical files; the summary names
# what was found.
source "$(dirname "$0")/lib.sh"
"$PARLEY" build examples/ --out "$TMP/a" > "$TMP/summary.txt"
grep -q "documents read" "$TMP/summary.txt" || fail "no summary"
for f in graph.ttl graph.nt graph.nq validation.ttl; do
    [ -s "$TMP/a/$f" ] || fail "missing $f"
done
ttl=$(triples "$TMP/a/graph.ttl" turtle)
nt=$(triples "$TMP/a/graph.nt" ntriples)
[ -n "$ttl" ] && [ "$ttl" -gt 1000 ] || fail "too few triples in graph.ttl: '$ttl'"
[ "$ttl" = "$nt" ] || fail "graph.ttl has $ttl triples, graph.nt $nt"
grep -q "triples:   $nt written" "$TMP/summary.txt" || fail "summary does not report $nt triples"
# Classes and labels are there.
for cls in Person Organization Country Place Meeting Proposal Statement Document; do
    n=$(grep -c "<https://w3id.org/parley/ontology#$cls> \.$" "$TMP/a/graph.nt" || true)
    [ "$n" -gt 0 ] || fail "no resource of class pl:$cls"
done
grep -q '"Volodymyr Zelensky"' "$TMP/a/graph.nt" || fail "Volodymyr Zelensky is not labelled"
# Determinism: same input, same bytes, whatever the number of jobs.
"$PARLEY" build examples/ --out "$TMP/b" --jobs 1 -q
"$PARLEY" build examples/ --out "$TMP/c" --jobs 2 -q
for f in graph.ttl graph.nt graph.nq validation.ttl; do
    cmp -s "$TMP/a/$f" "$TMP/b/$f" || fail "$f differs between runs"
    cmp -s "$TMP/b/$f" "$TMP/c/$f" || fail "$f differs between --jobs 1 and --jobs 2"
done
echo "ok: $ttl triples, deterministic"
