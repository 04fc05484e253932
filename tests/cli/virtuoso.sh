#!/usr/bin/env bash
# A real triple store: OpenLink Virtuoso (Debian package virtuoso-opensource-7) is started on
# 127.0.0.1 with a throwaway database in a temporary folder, loads the graph of examples/ that
# `parley build` writes (graph.nq into one named graph per document, graph.nt into one merged
# graph) with ld_dir/rdf_loader_run through isql, and answers every query of queries/ over the
# SPARQL 1.1 protocol (curl). The rows must be those of `parley query --results json`, compared
# as sorted canonical rows (tests/cli/sparql_rows.py). The server is always stopped.
#
# Datasets: queries without GRAPH run with default-graph-uri = the merged graph (each triple
# once, as in parley's default), queries with GRAPH with named-graph-uri = each document graph.
# Without the package the test is skipped (exit 77), except under CI=true.
source "$(dirname "$0")/lib.sh"

if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    echo "virtuoso: virtuoso-t and isql-vt are needed (Debian package virtuoso-opensource-7)"
    [[ ${CI:-} == true ]] && exit 1
    exit 77
fi
for tool in curl python3; do
    command -v "$tool" >/dev/null || fail "$tool is missing"
done

out=$TMP/out
"$PARLEY" build -q examples/ --out "$out" --format nt,nq || fail "parley build examples/ failed"

# Two free loopback ports (one for SQL/isql, one for HTTP).
read -r sql_port http_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

db=$TMP/db
mkdir -p "$db"
cat > "$db/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $db/virtuoso.db
ErrorLogFile = $db/virtuoso.log
LockFile = $db/virtuoso.lck
TransactionFile = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $db/virtuoso-temp.db
TransactionFile = $db/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:$sql_port
ServerThreads = 4
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = $out
SchedulerInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $db
ServerThreads = 4
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
EOF

virtuoso-t +foreground +configfile "$db/virtuoso.ini" > "$db/server.out" 2>&1 &
server=$!
stop_server() {
    kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$TMP"
}
trap stop_server EXIT

isql() { isql-vt "127.0.0.1:$sql_port" dba dba "$@"; }
up=0
for _ in $(seq 90); do
    kill -0 "$server" 2>/dev/null || break
    if isql exec='select 1;' > /dev/null 2>&1; then up=1; break; fi
    sleep 1
done
[[ $up == 1 ]] || fail "Virtuoso did not start: $(tail -5 "$db/server.out")"

merged=urn:parley:test:merged
isql exec="ld_dir('$out', 'graph.nq', 'urn:parley:test:default'); ld_dir('$out', 'graph.nt', '$merged'); rdf_loader_run(); checkpoint;" > "$TMP/load.txt" 2>&1 ||
    fail "loading failed: $(tail -5 "$TMP/load.txt")"
isql exec="select ll_file, ll_state, ll_error from DB.DBA.load_list;" > "$TMP/list.txt" 2>&1
[[ $(grep -c "^$out/graph\.n[tq] *2 *NULL" "$TMP/list.txt") == 2 ]] ||
    fail "Virtuoso did not load both files: $(cat "$TMP/list.txt")"

sparql() { # QUERY-FILE OUT-JSON [curl --data-urlencode arguments...]
    local q=$1 json=$2
    shift 2
    curl -sS --fail-with-body -H 'Accept: application/sparql-results+json' \
        --data-urlencode "query@$q" "$@" "http://127.0.0.1:$http_port/sparql" > "$json"
}

# The loaded data: the merged graph holds every triple once, the document graphs every quad.
expected=$(wc -l < "$out/graph.nt")
quads=$(wc -l < "$out/graph.nq")
printf 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' > "$TMP/count.rq"
sparql "$TMP/count.rq" "$TMP/count.json" --data-urlencode "default-graph-uri=$merged" ||
    fail "count query failed: $(cat "$TMP/count.json")"
n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"]["bindings"][0]["n"]["value"])' "$TMP/count.json")
[[ $n == "$expected" ]] || fail "Virtuoso holds $n triples in the merged graph, graph.nt has $expected"
mapfile -t docs < <(sed -E 's/.* <([^>]*)> \.$/\1/' "$out/graph.nq" | sort -u)
named=()
for d in "${docs[@]}"; do named+=(--data-urlencode "named-graph-uri=$d"); done
printf 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' > "$TMP/quads.rq"
sparql "$TMP/quads.rq" "$TMP/quads.json" "${named[@]}" || fail "quad count failed"
n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"]["bindings"][0]["n"]["value"])' "$TMP/quads.json")
[[ $n == "$quads" ]] || fail "Virtuoso holds $n quads in the document graphs, graph.nq has $quads"
echo "ok: Virtuoso loaded $expected triples and $quads quads in ${#docs[@]} document graphs"

compared=0
for q in queries/*.rq; do
    name=$(basename "$q")
    "$PARLEY" query --data "$out/graph.nq" --results json "$q" > "$TMP/$name.parley.json" ||
        fail "parley query $q failed"
    if grep -v '^ *#' "$q" | grep -qi '\bGRAPH\b'; then
        sparql "$q" "$TMP/$name.virtuoso.json" "${named[@]}" ||
            fail "$name: Virtuoso: $(head -c 600 "$TMP/$name.virtuoso.json")"
    else
        sparql "$q" "$TMP/$name.virtuoso.json" --data-urlencode "default-graph-uri=$merged" ||
            fail "$name: Virtuoso: $(head -c 600 "$TMP/$name.virtuoso.json")"
    fi
    python3 tests/cli/sparql_rows.py "$TMP/$name.parley.json" > "$TMP/$name.parley.rows"
    python3 tests/cli/sparql_rows.py "$TMP/$name.virtuoso.json" > "$TMP/$name.virtuoso.rows"
    rows=$(($(wc -l < "$TMP/$name.parley.rows") - 1))
    # parley's JSON lists no variables when a SELECT has no rows: then compare the rows only.
    if [[ $rows -eq 0 && $(head -1 "$TMP/$name.parley.rows") == "[]" ]]; then
        sed -i 1d "$TMP/$name.parley.rows" "$TMP/$name.virtuoso.rows"
    fi
    if ! cmp -s "$TMP/$name.parley.rows" "$TMP/$name.virtuoso.rows"; then
        diff "$TMP/$name.parley.rows" "$TMP/$name.virtuoso.rows" | head -10 | cut -c1-240
        fail "$name: parley and Virtuoso give different rows (< parley, > Virtuoso)"
    fi
    echo "ok   $name: $rows rows in both"
    compared=$((compared + 1))
done
[[ $compared -ge 10 ]] || fail "only $compared queries were compared"
echo "PASS"
