#!/usr/bin/env bash
# Extraction quality must not regress: `parley eval --min` fails below these F1 floors, set just
# under the figures measured when they were last raised (see README "Quality"). Raise them when
# extraction improves; the issue-3 targets are entities 0.90, meetings 0.80, proposals 0.75,
# proposers 0.70, stances 0.70, quotes 0.85.
source "$(dirname "$0")/lib.sh"
need_shared seeds
need_shared dev
"$PARLEY" eval --gold "$SHARED/corpus/seeds" "$SHARED/corpus/seeds" \
    --min entities_typed=0.97 --min meeting_participants=0.85 --min proposals=0.79 \
    --min proposal_proposer=0.82 --min stances=0.83 --min quotes=0.93
"$PARLEY" eval --gold "$SHARED/corpus/dev" "$SHARED/corpus/dev" \
    --min entities_typed=0.97 --min meeting_participants=0.78 --min proposals=0.82 \
    --min proposal_proposer=0.72 --min stances=0.68 --min quotes=0.90
"$PARLEY" eval --gold examples examples \
    --min entities_typed=0.95 --min meeting_participants=0.84 --min proposals=0.84 \
    --min proposal_proposer=0.75 --min stances=0.73 --min quotes=0.93
# The issue-3 targets themselves, on seeds and dev together (one run over all their articles,
# which is how the issue measures them).
mkdir -p "$TMP/both"
for f in "$SHARED"/corpus/seeds/*.txt "$SHARED"/corpus/seeds/*.gold.yaml \
         "$SHARED"/corpus/dev/*.txt "$SHARED"/corpus/dev/*.gold.yaml; do
    ln -s "$(realpath "$f")" "$TMP/both/"
done
"$PARLEY" eval --gold "$TMP/both" "$TMP/both" \
    --min entities_typed=0.90 --min meeting_participants=0.80 --min proposals=0.75 \
    --min proposal_proposer=0.70 --min stances=0.70 --min quotes=0.85
