#!/usr/bin/env bash
# Agreement test: parley's SHACL validator and a reference engine from npm (rdf-validate-shacl)
# validate every graph of tests/data/shacl/cases/ and must agree on conformance, on the number of
# results and on each result's focus node, constraint component, severity, path and value. Each
# graph's expected result count (its `# expect: N` line) is checked too.
#
# The npm packages are installed once into tests/node/node_modules with `npm ci` (from the
# committed package-lock.json). Without node/npm the test is skipped (exit 77), except under
# CI=true, where it fails.
set -euo pipefail
parley=$1
root=$(pwd)
node_dir=$root/tests/node
cases=$root/tests/data/shacl

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "shacl_agrees: node and npm are needed (Debian packages nodejs and npm; 'make deps')"
    [[ ${CI:-} == true ]] && exit 1
    exit 77
fi

# Install (or refresh) the reference engine when it is missing or older than the lock file.
stamp=$node_dir/node_modules/.package-lock.json
if [[ ! -d $node_dir/node_modules/rdf-validate-shacl || $node_dir/package-lock.json -nt $stamp ]]; then
    echo "shacl_agrees: installing the npm test dependencies into tests/node/node_modules"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error) || {
        echo "shacl_agrees: 'npm ci' failed in tests/node"
        exit 1
    }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
declare -A expected

# 1. parley validates each graph and writes its sh:ValidationReport.
for data in "$cases"/cases/*.ttl; do
    name=$(basename "$data" .ttl)
    expect=$(sed -n '1s/^# expect: *\([0-9][0-9]*\).*/\1/p' "$data")
    shapes=$(sed -n '2,3s/^# shapes: *//p' "$data")
    shapes=${shapes:+$cases/$shapes}
    shapes=${shapes:-$root/ontology/shapes.ttl}
    if [[ -z $expect ]]; then
        echo "FAIL $name: no '# expect: N' on the first line"
        failures=$((failures + 1))
        continue
    fi
    expected[$name]=$expect
    if ! "$parley" validate --quiet --shapes "$shapes" --ontology "$cases/ontology" \
        --report "$tmp/$name.report.ttl" "$data" >"$tmp/$name.out" 2>&1; then
        echo "FAIL $name: parley validate failed"
        cat "$tmp/$name.out"
        failures=$((failures + 1))
        continue
    fi
    # The reference engine gets the class hierarchy as part of the data graph.
    printf '%s\t%s\t%s\t%s' "$name" "$tmp/$name.report.ttl" "$shapes" "$data" >>"$tmp/manifest"
    printf '\t%s' "$cases"/ontology/*.ttl >>"$tmp/manifest"
    printf '\n' >>"$tmp/manifest"
done

# 2. The reference engine validates the same graphs and reads parley's reports, in one process.
node "$node_dir/shacl.js" batch "$tmp/manifest" >"$tmp/compared"

checked=0
while IFS=$'\t' read -r name ours theirs; do
    checked=$((checked + 1))
    count=$(sed -n 's/.*"results":\([0-9]*\).*/\1/p' <<<"$theirs")
    if [[ $ours != "$theirs" ]]; then
        echo "FAIL $name: parley and rdf-validate-shacl disagree"
        echo "  parley:             $ours"
        echo "  rdf-validate-shacl: $theirs"
        failures=$((failures + 1))
    elif [[ $count != "${expected[$name]}" ]]; then
        echo "FAIL $name: both engines report $count results, the file expects ${expected[$name]}"
        failures=$((failures + 1))
    else
        echo "ok   $name: $count results"
    fi
done <"$tmp/compared"

if [[ $checked -lt 40 ]]; then
    echo "FAIL: only $checked graphs were compared"
    exit 1
fi
echo "$((checked - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
