#!/usr/bin/env bash
# Hostile input files (issue 5), generated in a temporary folder: broken and foreign encodings,
# binary and empty files, a 20 MB file, a 5 MB single line, 2,000 tiny files, very long words,
# odd quotes, right-to-left and combining characters, and text that looks like RDF syntax. For
# each: `parley build FILE --out DIR` never crashes (exit code < 128), gives the expected exit
# code and message, and the graph.ttl and graph.nt it writes parse with rapper with equal triple
# counts. Time bound: the two large files take a few seconds each in a release build; the whole
# script must stay well under its CTest TIMEOUT (300 s), also under ASan.
source "$(dirname "$0")/lib.sh"
IN="$TMP/in"
mkdir -p "$IN"

GOOD='Foreign Minister Tomas Varga met Ana Lovric in Vienna on Tuesday.'
header() { printf 'Published 2025-03-10\n\n%s\n\n' "$1"; }

# run_case NAME EXPECTED_EXIT MESSAGE_FRAGMENT INPUT [OPTIONS...]: one build and its checks.
# An empty fragment means no message is required.
run_case() {
    local name=$1 want=$2 fragment=$3 input=$4
    shift 4
    local out="$TMP/out/$name" rc start secs
    start=$(date +%s)
    set +e
    "$PARLEY" build "$input" --out "$out" "$@" > "$TMP/$name.stdout" 2> "$TMP/$name.stderr"
    rc=$?
    set -e
    secs=$(($(date +%s) - start))
    [ "$rc" -lt 128 ] || fail "$name: crashed (exit code $rc): $(head -c 2000 "$TMP/$name.stderr")"
    [ "$rc" = "$want" ] || fail "$name: exit code $rc, want $want: $(head -c 2000 "$TMP/$name.stderr")"
    if [ -n "$fragment" ]; then
        grep -qF -- "$fragment" "$TMP/$name.stderr" ||
            fail "$name: no '$fragment' in the messages: $(head -c 2000 "$TMP/$name.stderr")"
    fi
    if [ "$rc" = 0 ]; then
        local ttl nt
        ttl=$(triples "$out/graph.ttl" turtle)
        nt=$(triples "$out/graph.nt" ntriples)
        [ -n "$ttl" ] && [ "$ttl" -gt 0 ] || fail "$name: graph.ttl does not parse: '$ttl'"
        [ "$ttl" = "$nt" ] || fail "$name: graph.ttl has $ttl triples, graph.nt $nt"
        rapper -q -i ntriples -o ntriples "$out/graph.nt" > /dev/null 2> "$TMP/$name.rapper" ||
            fail "$name: rapper rejects graph.nt: $(head -c 500 "$TMP/$name.rapper")"
    fi
    echo "ok: $name (exit $rc, ${secs}s)"
}

# Invalid UTF-8 after valid multi-byte UTF-8: exit 2 naming file and byte; lenient: U+FFFD.
{ header 'Talks with Vu'$'\xc4\x8d''i'$'\xc4\x87'; printf '%s The minister said ' "$GOOD"; } > "$IN/bad-utf8.txt"
offset=$(wc -c < "$IN/bad-utf8.txt")
printf '\xc3\x28 it was over.\n' >> "$IN/bad-utf8.txt"
run_case bad-utf8 2 "bad-utf8.txt: invalid UTF-8 at byte $offset" "$IN/bad-utf8.txt"
run_case bad-utf8-lenient 0 "invalid UTF-8 sequence(s) with U+FFFD (first at byte $offset)" \
    "$IN/bad-utf8.txt" --lenient

# Byte order marks: UTF-8, UTF-16LE and UTF-16BE.
{ printf '\xef\xbb\xbf'; header 'BOM'; echo "$GOOD"; } > "$IN/bom-utf8.txt"
run_case bom-utf8 0 "removed a UTF-8 byte order mark" "$IN/bom-utf8.txt"
{ header 'Gespräche in Genf'; echo "$GOOD"; } > "$TMP/plain.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$TMP/plain.txt"; } > "$IN/utf16le.txt"
run_case utf16le 0 "decoded as UTF-16LE (byte order mark)" "$IN/utf16le.txt"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$TMP/plain.txt"; } > "$IN/utf16be.txt"
run_case utf16be 0 "decoded as UTF-16BE (byte order mark)" "$IN/utf16be.txt"
grep -q 'Gespräche in Genf' "$TMP/out/utf16be/graph.ttl" || fail "utf16be: title not decoded"

# Windows-1252 text (no UTF-8 multi-byte sequence at all): detected and converted.
{ header 'Talks in Zurich'
  printf 'The delegates met in Z\xfcrich and Gen\xe8ve on Tuesday. \x93We are close,\x94 said Fran\xe7ois Dupont.\n'
  printf 'The minister said the r\xe9sum\xe9 of the talks was \x96 as usual \x96 not public.\n'
  printf 'Both sides praised the caf\xe9 and the na\xefve hopes of the d\xe9l\xe9gu\xe9s.\n'; } > "$IN/cp1252.txt"
run_case cp1252 0 "decoded as windows-1252" "$IN/cp1252.txt"
grep -q 'Zürich' "$TMP/out/cp1252/graph.ttl" ||
    fail "cp1252: text not converted"

# Binary files: skipped with a warning; exit 0 when the other files are fine.
mkdir -p "$IN/mixed"
{ header 'Good'; echo "$GOOD"; } > "$IN/mixed/good.txt"
printf 'PK\x03\x04\x00\x00binary\x00\x01\x02\xff\xfe' > "$IN/mixed/nul.txt"
head -c 4096 /dev/urandom > "$IN/mixed/random.txt"
printf 'x' >> "$IN/mixed/random.txt"
printf '\x00' >> "$IN/mixed/random.txt" # random bytes may lack a NUL: make sure there is one
run_case binary 0 "nul.txt: skipped: binary file" "$IN/mixed"
grep -qF "random.txt: skipped" "$TMP/binary.stderr" || fail "binary: random.txt not skipped"

# An empty file, alone and next to a good one.
: > "$IN/empty.txt"
run_case empty 0 "empty.txt: empty file" "$IN/empty.txt"
mkdir -p "$IN/with-empty"
cp "$IN/empty.txt" "$IN/mixed/good.txt" "$IN/with-empty/"
run_case with-empty 0 "empty.txt: empty file" "$IN/with-empty"

# Large inputs: 20 MB in many lines and 5 MB in one line. Bounded time (well under the TIMEOUT).
python3 - "$IN" << 'EOF'
import sys
d = sys.argv[1]
s = "Foreign Minister Tomas Varga met Ana Lovric in Vienna on Tuesday. The two sides discussed a ceasefire proposal. "
with open(f"{d}/large.txt", "w") as f:
    f.write("Published 2025-03-10\n\nLarge\n\n" + (s + "\n") * (20 * 1024 * 1024 // (len(s) + 1)))
with open(f"{d}/one-line.txt", "w") as f:
    f.write("Published 2025-03-10\n\nOne line\n\n" + s * (5 * 1024 * 1024 // len(s)) + "\n")
words = ["".join(chr(ord("a") + (i * 7 + j) % 26) for j in range(100000)) for i in range(3)]
with open(f"{d}/long-words.txt", "w") as f:
    f.write("Published 2025-03-10\n\nLong words\n\n" + " ".join(words) + ". " + "X" * 300000 + " met Ana Lovric.\n")
EOF
run_case large 0 "" "$IN/large.txt"
run_case one-line 0 "" "$IN/one-line.txt"
run_case long-words 0 "overlong sentence" "$IN/long-words.txt"

# 2,000 tiny files in one folder.
mkdir -p "$IN/tiny"
for i in $(seq -w 1 2000); do printf 'Tiny %s\n\nVarga met Lovric.\n' "$i" > "$IN/tiny/t$i.txt"; done
run_case tiny 0 "" "$IN/tiny"
grep -c 'ontology#Document> \.$' "$TMP/out/tiny/graph.nt" | grep -qx 2000 || fail "tiny: not 2000 documents"

# Quotes: unbalanced, nested, curly and mixed.
{ header 'Quotes'
  echo '"We will never agree," said Tomas Varga. "He said "no" to "the "plan"" twice," Ana Lovric said.'
  echo '“Unbalanced « guillemets and ‘single quotes said Tomas Varga.'
  echo 'Ana Lovric said: "This quote never ends.'
  echo '"""'; echo "''''"; echo '""'; } > "$IN/quotes.txt"
run_case quotes 0 "" "$IN/quotes.txt"

# Right-to-left text, bidi controls and combining characters (many marks on one letter).
{ header 'מגעים בין הצדדים'
  echo 'Tomas Varga met ‏وزير الخارجية‎ in Vienna. ‮reversed text‬ and ‫embedded‬ marks.'
  printf 'Cafe\xcc\x81 talks: Ana Lovric said "Zo\xcc\x88e"; '
  for _ in $(seq 1 200); do printf '\xcc\x81'; done
  echo ' end.'; } > "$IN/rtl-combining.txt"
run_case rtl-combining 0 "" "$IN/rtl-combining.txt"

# Text that looks like RDF syntax must stay inside literals.
{ printf 'Published 2025-03-10\n\n> . <x> <y> "z" . @prefix x: <http://e/> . """\n\n'
  echo 'Tomas Varga said "> . <x> <y> \"z\" . @prefix p: <http://evil/> . \u0000 """ end" in Vienna.'
  echo 'Ana Lovric said "<http://example.org/a> <http://example.org/b> ''c''^^<http://x> ." today.'
  echo '_:b1 <p> "\\" ; ] [ ) ( # comment \n \t \U0001F600 } {'; } > "$IN/rdf-syntax.txt"
run_case rdf-syntax 0 "" "$IN/rdf-syntax.txt"
grep -qF '@prefix x: <http://e/>' "$TMP/out/rdf-syntax/graph.nt" || grep -qF '@prefix x:' "$TMP/out/rdf-syntax/graph.ttl" ||
    fail "rdf-syntax: the title literal is missing"
# No injected triple: every subject is a parley IRI.
bad=$(grep -vc '^<https://w3id.org/parley/id/' "$TMP/out/rdf-syntax/graph.nt" || true)
[ "$bad" = 0 ] || fail "rdf-syntax: $bad triples with a foreign subject"
echo "ok: all hostile inputs"
