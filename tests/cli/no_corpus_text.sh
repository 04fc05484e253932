#!/usr/bin/env bash
# Issue 3: the code and lexicons hold no wording of the seed or dev articles. No run of six
# words of any article under ../shared/corpus/seeds or dev (case-folded, punctuation ignored)
# may occur in src/, mappings/, tests/unit/, tests/cli/, examples/, queries/, ontology/ or the
# README; the examples and tests are written in our own words.
source "$(dirname "$0")/lib.sh"
need_shared seeds
need_shared dev
python3 - "$SHARED/corpus" <<'PY' || fail "wording of the reference articles found (above)"
import glob, os, re, sys
N = 6
corpus = sys.argv[1]
def words(text):
    return re.findall(r"[a-z0-9\u00c0-\u024f'\-]+", text.lower().replace("\u2019", "'"))
grams = {}
for f in sorted(glob.glob(corpus + "/seeds/*.txt") + glob.glob(corpus + "/dev/*.txt")):
    w = words(open(f, encoding="utf-8", errors="replace").read())
    for i in range(len(w) - N + 1):
        grams.setdefault(" ".join(w[i:i + N]), os.path.basename(f))
found = 0
paths = ["README.md"]
for root in ["src", "mappings", "tests/unit", "tests/cli", "examples", "queries", "ontology"]:
    paths += sorted(p for p in glob.glob(root + "/**/*", recursive=True) if os.path.isfile(p))
for p in paths:
    try:
        lines = open(p, encoding="utf-8").read().split("\n")
    except (UnicodeDecodeError, OSError):
        continue
    for n, line in enumerate(lines, 1):
        w = words(line)
        for i in range(len(w) - N + 1):
            g = " ".join(w[i:i + N])
            if g in grams:
                print(f"{p}:{n}: \"{g}\" (from {grams[g]})")
                found += 1
                break
print(f"checked {len(paths)} files against {len(grams)} six-word runs: {found} found")
sys.exit(1 if found else 0)
PY
echo PASS
