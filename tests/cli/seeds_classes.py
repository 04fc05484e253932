#!/usr/bin/python3
"""Checks that every person and country of the gold files appears in the graph with its class."""
import glob, os, sys, unicodedata
import rdflib, yaml

PL = rdflib.Namespace('https://w3id.org/parley/ontology#')

def norm(s):
    s = unicodedata.normalize('NFKD', str(s))
    s = ''.join(c for c in s if not unicodedata.category(c).startswith('M')).casefold()
    s = ''.join(c for c in s if not unicodedata.category(c).startswith('P'))
    return ' '.join(s.split())

graph, gold_dir = sys.argv[1], sys.argv[2]
g = rdflib.Graph()
g.parse(graph, format='turtle')
names = {}
for cls in ('Person', 'Country'):
    for r in g.subjects(rdflib.RDF.type, PL[cls]):
        for p in (rdflib.RDFS.label, rdflib.namespace.SKOS.altLabel):
            for o in g.objects(r, p):
                names.setdefault(norm(o), set()).add(cls)
missing = []
for f in sorted(glob.glob(os.path.join(gold_dir, '*.gold.yaml'))):
    for e in yaml.safe_load(open(f, encoding='utf-8')).get('entities') or []:
        if e.get('type') not in ('Person', 'Country'):
            continue
        forms = [e['name'], *(e.get('aliases') or [])]
        if not any(e['type'] in names.get(norm(x), ()) for x in forms):
            missing.append(f"{os.path.basename(f)}: {e['name']} [{e['type']}]")
if missing:
    print('missing with the right class:\n  ' + '\n  '.join(missing))
    sys.exit(1)
print('ok: every gold person and country is in the graph with its class')
