# Shared set-up of the export_*.sh CLI tests (sourced by them, not a test itself). Sets PARLEY,
# PY (a Python with rdflib and NetworkX: Debian's), TMP (removed on exit), and defines
# `fail MESSAGE` and `build_examples`, which writes the graph of examples/ to $TMP/build.
set -euo pipefail
PARLEY=${1:?usage: $0 PATH/TO/parley}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
CHECK="$PY tests/cli/export_check.py"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

build_examples() {
    "$PARLEY" build examples/ --out "$TMP/build" --quiet || fail "parley build examples/ failed"
    [ -s "$TMP/build/graph.ttl" ] || fail "parley build wrote no graph.ttl"
}
