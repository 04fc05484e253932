# Helpers shared by the CLI test scripts (sourced; $1 of the script is the parley binary).
set -euo pipefail
PARLEY=${PARLEY:-$1}
SHARED=${PARLEY_SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# Skips (exit 77) when ../shared is absent, but fails under CI=true, where it must exist.
need_shared() {
    if [ ! -d "$SHARED/corpus/$1" ]; then
        if [ "${CI:-}" = "true" ]; then fail "$SHARED/corpus/$1 is missing under CI=true"; fi
        echo "SKIP: $SHARED/corpus/$1 not found"; exit 77
    fi
}

# Number of triples rapper reads from FILE in SYNTAX.
triples() { rapper -c -i "$2" "$1" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p'; }
