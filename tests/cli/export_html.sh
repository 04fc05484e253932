#!/usr/bin/env bash
# `parley export --format html`: the page embeds the graph (same nodes and edges as the RDF) and
# loads nothing from elsewhere; in headless Chromium (when installed) it draws every node, and a
# click on a node shows the source sentence of its facts. A screenshot of that state is written
# to out/export-html.png for a person to look at. Exits 77 (skipped) without Chromium.
source tests/cli/export_lib.sh
SMALL=tests/data/export/small.ttl

build_examples
G=$TMP/build/graph.ttl
"$PARLEY" export --data "$G" --out "$TMP/graph.html" --quiet || fail "export from $G failed"
$CHECK html "$G" "$TMP/graph.html"
"$PARLEY" export --data "$SMALL" --format html --out "$TMP/small.html" --quiet ||
    fail "export from $SMALL failed"
$CHECK html "$SMALL" "$TMP/small.html"
[ "$(grep -c '</script>' "$TMP/small.html")" = 2 ] || fail "a </script> in the data ends the script"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium is not installed (apt-get install chromium); the page was not opened"
    exit 77
fi
browse() { # browse URL [--dump-dom | --screenshot=FILE]
    local profile
    profile=$(mktemp -d -p "$TMP")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
        --window-size=1400,900 --virtual-time-budget=8000 "$2" "$1" 2> "$TMP/chromium.log"
}
for name in graph small; do
    ttl=$G
    [ "$name" = small ] && ttl=$SMALL
    browse "file://$TMP/$name.html" --dump-dom > "$TMP/$name.dom" || fail "chromium failed"
    $CHECK dom "$ttl" "$TMP/$name.dom"
    IFS=$'\t' read -r key sentence < <($CHECK evidence "$ttl")
    url="file://$TMP/$name.html#click=$($PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$key")"
    browse "$url" --dump-dom > "$TMP/$name-click.dom" || fail "chromium failed"
    $CHECK panel "$TMP/$name-click.dom" "$sentence"
done
mkdir -p out
browse "$url" --screenshot="$PWD/out/export-html.png" > /dev/null || fail "no screenshot"
[ -s out/export-html.png ] || fail "no screenshot written"
echo "screenshot: out/export-html.png (the page after a click on $key)"
echo "PASS"
