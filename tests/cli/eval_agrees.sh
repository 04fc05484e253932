#!/usr/bin/env bash
# `parley eval` must agree with the reference scorer: for the seed and dev corpora, build the
# graph with `parley build`, score graph.ttl with ../shared/tools/score.py, score the same input
# with `parley eval --json`, and require equal gold/system/tp counts in every row.
# Usage: eval_agrees.sh PARLEY (run from the repository root).
set -euo pipefail

parley=${1:?usage: eval_agrees.sh PARLEY}
shared=../shared
python=/usr/bin/python3

skip() {
    if [ "${CI:-}" = "true" ]; then
        echo "FAIL: $1 (CI=true)" >&2
        exit 1
    fi
    echo "SKIP: $1"
    exit 0
}

[ -d "$shared/corpus" ] && [ -f "$shared/tools/score.py" ] || skip "$shared (corpus, score.py) not found"
"$python" -c 'import rdflib, yaml' 2>/dev/null || skip "$python with rdflib and yaml not available"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ontology_args=()
if compgen -G "ontology/*.ttl" >/dev/null; then
    ontology_args=(--ontology ontology)
fi

for set in seeds dev; do
    corpus="$shared/corpus/$set"
    "$parley" build "$corpus" --out "$tmp/$set" --quiet >"$tmp/$set.build.log" 2>&1 || {
        cat "$tmp/$set.build.log" >&2
        echo "FAIL: parley build $corpus" >&2
        exit 1
    }
    "$python" "$shared/tools/score.py" --out "$tmp/$set" "${ontology_args[@]}" --gold "$corpus" \
        --json >"$tmp/$set.score.json"
    "$parley" eval --gold "$corpus" --json --quiet "$corpus" >"$tmp/$set.eval.json"
    "$python" - "$tmp/$set.score.json" "$tmp/$set.eval.json" "$set" <<'EOF'
import json, sys
ref, ours, name = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
counts = ('gold', 'system', 'tp_gold', 'tp_system')
rows = ['entities', 'entities_typed', 'meeting_participants', 'proposals', 'proposal_proposer',
        'stances', 'quotes']
bad = []
def compare(label, a, b, keys):
    for k in keys:
        if a.get(k) != b.get(k):
            bad.append(f'{label}.{k}: score.py {a.get(k)} != parley eval {b.get(k)}')
for row in rows:
    compare(row, ref[row], ours[row], counts)
for t in ('Person', 'Organization', 'Country', 'Place'):
    compare(f'entities_by_type.{t}', ref['entities_by_type'][t], ours['entities_by_type'][t], counts)
m_ref, m_ours = ref['meetings'], ours['meetings']
compare('meetings', m_ref, m_ours, ('gold_meetings', 'gold_events', 'system_meetings', 'aligned'))
for part in ('location', 'date'):
    compare(f'meetings.{part}', m_ref[part], m_ours[part], ('correct', 'total'))
if bad:
    print(f'FAIL: {name}: parley eval disagrees with score.py', file=sys.stderr)
    for b in bad:
        print('  ' + b, file=sys.stderr)
    sys.exit(1)
print(f'{name}: parley eval agrees with score.py on ' + ', '.join(
    f'{r} {ours[r]["tp_system"]}/{ours[r]["system"]}' for r in rows))
EOF
done
