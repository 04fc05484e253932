"""Checks of `parley export` output against the RDF graph it was made from (used by the
export_*.sh CLI tests). The expected nodes and edges are computed here from the Turtle with
rdflib, independently of parley's own reader:
  nodes: resources typed with a pl: node class (Document left out unless asked for);
  edges: pl: relations between such nodes, without mentionedIn and without the entailed
         super-property triple (participant beside host, supports beside demands, opposes
         beside rejects) unless a pl:Fact reifies it.

Usage:
  export_check.py counts TTL [--no-statements]          print "NODES EDGES"
  export_check.py graphml TTL GRAPHML                   NetworkX loads it with the same graph
  export_check.py svg TTL SVG                           Graphviz drew every node and edge
  export_check.py html TTL HTML                         the page embeds the same graph
  export_check.py dom TTL DOM                           the page, run by a browser, drew the nodes
  export_check.py evidence TTL                          print "KEY<TAB>SENTENCE" of one fact
  export_check.py panel DOM SENTENCE                    the facts panel shows SENTENCE
Exit status 1 with a message on the first difference.
"""
import html
import json
import re
import sys
import urllib.parse

import rdflib

PL = "https://w3id.org/parley/ontology#"
PR = "https://w3id.org/parley/id/"
KINDS = ["Person", "Organization", "Country", "Place", "Meeting", "Proposal", "Statement"]
RELATIONS = ["participant", "host", "location", "proposedBy", "supports", "demands", "opposes",
             "rejects", "conditionallySupports", "conditionalOn", "speaker", "affiliation"]
ENTAILED = {"participant": "host", "supports": "demands", "opposes": "rejects"}


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def load(ttl):
    g = rdflib.Graph()
    g.parse(ttl, format="turtle")
    return g


def expected(g, kinds=KINDS):
    nodes = set()
    for kind in kinds:
        for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(PL + kind)):
            nodes.add(str(s))
    triples = set()
    for rel in RELATIONS:
        for s, o in g.subject_objects(rdflib.URIRef(PL + rel)):
            if str(s) in nodes and str(o) in nodes:
                triples.add((str(s), rel, str(o)))
    reified = set()
    for fact in g.subjects(rdflib.RDF.type, rdflib.URIRef(PL + "Fact")):
        p = str(g.value(fact, rdflib.RDF.predicate))
        reified.add((str(g.value(fact, rdflib.RDF.subject)), p[len(PL):],
                     str(g.value(fact, rdflib.RDF.object))))
    edges = {t for t in triples
             if t in reified or not (t[1] in ENTAILED and (t[0], ENTAILED[t[1]], t[2]) in triples)}
    return nodes, edges


def key(iri):
    return urllib.parse.unquote(iri[len(PR):]) if iri.startswith(PR) else iri


def compare(what, got, want):
    if got != want:
        missing = sorted(want - got)[:5]
        extra = sorted(got - want)[:5]
        fail("%s differ: %d expected, %d found; missing %s; unexpected %s"
             % (what, len(want), len(got), missing, extra))


def check_graphml(ttl, path):
    import networkx as nx
    nodes, edges = expected(load(ttl))
    gm = nx.read_graphml(path, force_multigraph=True)
    if gm.number_of_nodes() != len(nodes) or gm.number_of_edges() != len(edges):
        fail("GraphML has %d nodes and %d edges, the graph %d and %d"
             % (gm.number_of_nodes(), gm.number_of_edges(), len(nodes), len(edges)))
    iri = {n: d["iri"] for n, d in gm.nodes(data=True)}
    compare("GraphML nodes", set(iri.values()), nodes)
    compare("GraphML edges", {(iri[s], d["relation"], iri[t]) for s, t, d in gm.edges(data=True)},
            edges)
    for n, d in gm.nodes(data=True):
        for attr in ("kind", "label", "num_sources"):
            if attr not in d:
                fail("GraphML node %s has no %s" % (n, attr))
    print("GraphML: %d nodes, %d edges, as in the graph" % (len(nodes), len(edges)))


def check_svg(ttl, path):
    nodes, edges = expected(load(ttl), [k for k in KINDS if k != "Statement"])
    svg = open(path, encoding="utf-8").read()
    drawn_nodes = len(re.findall(r'<g id="node\d+" class="node"', svg))
    drawn_edges = len(re.findall(r'<g id="edge\d+" class="edge"', svg))
    if drawn_nodes != len(nodes) or drawn_edges != len(edges):
        fail("SVG draws %d nodes and %d edges, the graph has %d and %d (without statements)"
             % (drawn_nodes, drawn_edges, len(nodes), len(edges)))
    print("SVG: %d nodes, %d edges" % (drawn_nodes, drawn_edges))


def page_data(path):
    page = open(path, encoding="utf-8").read()
    m = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    if not m:
        fail("no graph data in " + path)
    if re.search(r"<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|@import|fetch\(|XMLHttpRequest",
                 page):
        fail("the page loads something from elsewhere (it must work offline)")
    return json.loads(m.group(1))


def check_html(ttl, path):
    nodes, edges = expected(load(ttl))
    data = page_data(path)
    compare("page nodes", {n["iri"] for n in data["nodes"]}, nodes)
    iri = [n["iri"] for n in data["nodes"]]
    compare("page edges", {(iri[e["s"]], e["rel"], iri[e["t"]]) for e in data["edges"]}, edges)
    print("HTML data: %d nodes, %d edges" % (len(nodes), len(edges)))


def check_dom(ttl, path):
    nodes, _ = expected(load(ttl))
    dom = open(path, encoding="utf-8").read()
    drawn = len(re.findall(r'<g class="node[ "]', dom))
    if drawn != len(nodes):
        fail("the page drew %d nodes, the graph has %d" % (drawn, len(nodes)))
    m = re.search(r'<span id="stats">(\d+) nodes', dom)
    if not m or int(m.group(1)) != len(nodes):
        fail("the page's counter does not say %d nodes" % len(nodes))
    if 'data-ready="true"' not in dom:
        fail("the page's script did not finish")
    print("browser: %d nodes drawn" % drawn)


def evidence(ttl):
    g = load(ttl)
    nodes, _ = expected(g)
    best = None
    for fact in g.subjects(rdflib.RDF.type, rdflib.URIRef(PL + "Fact")):
        s = g.value(fact, rdflib.RDF.subject)
        if str(s) not in nodes:
            continue
        for ev in g.objects(fact, rdflib.URIRef(PL + "evidence")):
            text = g.value(ev, rdflib.URIRef(PL + "sentence"))
            if text and "\n" not in str(text):
                cand = (key(str(s)), str(text))
                best = min(best, cand) if best else cand
    if not best:
        fail("no fact with a source sentence in " + ttl)
    print("%s\t%s" % best)


def check_panel(path, sentence):
    dom = html.unescape(open(path, encoding="utf-8").read())
    m = re.search(r'<aside id="panel">(.*?)</aside>', dom, re.S)
    if not m:
        fail("no facts panel in the page")
    if sentence not in m.group(1):
        fail("the facts panel does not show the sentence %r" % sentence)
    print("the facts panel shows the source sentence")


def main(argv):
    cmd = argv[1]
    if cmd == "counts":
        kinds = [k for k in KINDS if k != "Statement"] if "--no-statements" in argv else KINDS
        nodes, edges = expected(load(argv[2]), kinds)
        print(len(nodes), len(edges))
    elif cmd == "graphml":
        check_graphml(argv[2], argv[3])
    elif cmd == "svg":
        check_svg(argv[2], argv[3])
    elif cmd == "html":
        check_html(argv[2], argv[3])
    elif cmd == "dom":
        check_dom(argv[2], argv[3])
    elif cmd == "evidence":
        evidence(argv[2])
    elif cmd == "panel":
        check_panel(argv[2], argv[3])
    else:
        fail("unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)
