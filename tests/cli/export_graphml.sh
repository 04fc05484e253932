#!/usr/bin/env bash
# `parley export --format graphml`: the file validates against a GraphML schema (xmllint) and
# NetworkX loads it with the same nodes and edges as the RDF graph, for the examples and for a
# hand-written graph with awkward labels; reading the graph back from Turtle, N-Triples or
# N-Quads, or building it from the articles, gives the same file.
source tests/cli/export_lib.sh
XSD=tests/data/graphml/graphml.xsd
SMALL=tests/data/export/small.ttl

build_examples
G=$TMP/build/graph.ttl
"$PARLEY" export --data "$G" --out "$TMP/graph.graphml" --quiet || fail "export from $G failed"
xmllint --noout --nonet --schema "$XSD" "$TMP/graph.graphml" || fail "GraphML does not validate"
$CHECK graphml "$G" "$TMP/graph.graphml"

# The same graph read from the other syntaxes, and built from the articles directly.
for f in "$TMP"/build/graph.nt "$TMP"/build/graph.nq; do
    [ -f "$f" ] || continue
    "$PARLEY" export --data "$f" --format graphml > "$TMP/other.graphml" || fail "export of $f"
    cmp -s "$TMP/graph.graphml" "$TMP/other.graphml" || fail "GraphML from $f differs"
done
"$PARLEY" export examples/ --out "$TMP/direct.graphml" --quiet || fail "export examples/ failed"
cmp -s "$TMP/graph.graphml" "$TMP/direct.graphml" ||
    fail "GraphML built from the articles differs from GraphML read from the Turtle"

"$PARLEY" export --data "$SMALL" --format graphml --out "$TMP/small.graphml" --quiet ||
    fail "export from $SMALL failed"
xmllint --noout --nonet --schema "$XSD" "$TMP/small.graphml" || fail "small GraphML invalid"
$CHECK graphml "$SMALL" "$TMP/small.graphml"
grep -q 'Back\\slash &lt;Group&gt; &amp; Partners' "$TMP/small.graphml" || fail "label escaping"
echo "PASS"
