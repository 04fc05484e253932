#!/usr/bin/env bash
# `parley validate` on a graph whose meeting has no participants: exit 0 without --strict, exit 1
# with it, and the report quotes the source sentence and document of the meeting. The Turtle
# report parses and holds one sh:result. A syntax error exits 2 naming the file and line.
set -euo pipefail
parley=$1
data=tests/data/shacl/cli/meeting-no-participants.ttl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$parley" validate --report "$tmp/report.ttl" "$data" >"$tmp/out" || fail "exit $? without --strict"
grep -q '^1 violation (0 warnings) in 1 focus node$' "$tmp/out" || { cat "$tmp/out"; fail "summary"; }

set +e
"$parley" validate --strict "$data" >"$tmp/strict" 2>"$tmp/err"
rc=$?
set -e
[[ $rc -eq 1 ]] || fail "--strict exited $rc, expected 1"
grep -q 'Delegations gathered in Port Aurel on Saturday for a first round of harbour talks.' \
    "$tmp/strict" || { cat "$tmp/strict"; fail "the source sentence is missing"; }
grep -q '(harbour-01.txt)' "$tmp/strict" || fail "the source document is missing"
grep -q 'MeetingShape-participant' "$tmp/strict" || fail "the shape is missing"
grep -q '"meeting in Port Aurel on 2031-03-01"' "$tmp/strict" || fail "the focus label is missing"

results=$(rapper -q -i turtle -o ntriples "$tmp/report.ttl" | grep -c '<http://www.w3.org/ns/shacl#result>')
[[ $results -eq 1 ]] || fail "the Turtle report has $results sh:result, expected 1"

set +e
"$parley" validate tests/data/shacl/cli/broken.ttl >/dev/null 2>"$tmp/err"
rc=$?
set -e
[[ $rc -eq 2 ]] || fail "a syntax error exited $rc, expected 2"
grep -q 'broken.ttl:4' "$tmp/err" || { cat "$tmp/err"; fail "the error does not name file and line"; }

set +e
"$parley" validate --shapes "$tmp/missing.ttl" "$data" >/dev/null 2>"$tmp/err"
rc=$?
set -e
[[ $rc -eq 2 ]] || fail "a missing shapes file exited $rc, expected 2"
echo "validate_provenance: ok"
