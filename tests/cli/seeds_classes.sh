#!/usr/bin/env bash
# The five seed articles build into one graph in which the people and countries of the gold
# files appear with the right class.
source "$(dirname "$0")/lib.sh"
need_shared seeds
"$PARLEY" build "$SHARED/corpus/seeds" --out "$TMP/out" -q
/usr/bin/python3 "$(dirname "$0")/seeds_classes.py" "$TMP/out/graph.ttl" "$SHARED/corpus/seeds"
