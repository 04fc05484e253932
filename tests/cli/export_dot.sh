#!/usr/bin/env bash
# `parley export --format dot`: Graphviz renders the file to SVG without a warning and draws every
# node and edge of the graph (statements are left out by default); the awkward labels of the
# hand-written graph survive.
source tests/cli/export_lib.sh
command -v dot > /dev/null || fail "Graphviz (dot) is not installed: run 'make deps'"
SMALL=tests/data/export/small.ttl

render() { # render TTL NAME
    "$PARLEY" export --data "$1" --format dot --out "$TMP/$2.dot" --quiet || fail "export of $1"
    dot -Tsvg "$TMP/$2.dot" > "$TMP/$2.svg" 2> "$TMP/$2.err" || fail "dot failed on $2.dot"
    if [ -s "$TMP/$2.err" ]; then
        cat "$TMP/$2.err" >&2
        fail "dot printed warnings for $2.dot"
    fi
    xmllint --noout --nonet "$TMP/$2.svg" || fail "$2.svg is not well-formed"
    $CHECK svg "$1" "$TMP/$2.svg"
}

build_examples
render "$TMP/build/graph.ttl" examples
render "$SMALL" small
grep -q '<title>Back\\slash &lt;Group&gt; &amp; Partners</title>\|>Back\\slash &lt;Group&gt; &amp;' \
    "$TMP/small.svg" || fail "the label with a backslash, < and & is not drawn as written"
grep -q 'Minister &quot;Pepe&quot; Aldán\|Minister "Pepe" Aldán' "$TMP/small.svg" ||
    fail "the alias with quotes is lost"

# A focus cuts the picture down to the neighbourhood.
"$PARLEY" export --data "$SMALL" --format dot --focus "Eastmark" --depth 1 > "$TMP/focus.dot" ||
    fail "export --focus failed"
[ "$(grep -c -- '->' "$TMP/focus.dot")" = 1 ] || fail "--focus Eastmark --depth 1: not one edge"
echo "PASS"
