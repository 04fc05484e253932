#!/usr/bin/env python3
"""Prints a SPARQL 1.1 JSON result (from parley, Oxigraph or Virtuoso) in a canonical form, so
that the results of different engines can be compared as text (tests/cli/interop.sh).

    python3 sparql_rows.py RESULT.json

The first line is the list of variables; then one JSON array per row, the rows sorted. Each
term is written in N-Triples form with the engines' differences removed: IRIs as <iri>, blank
nodes as _: (labels differ between engines), literals with their datatype except xsd:string,
language tags in lower case, "typed-literal" (the SPARQL XML-era name Virtuoso uses) read as a
literal, and numbers in canonical form (Oxigraph stores "1.0"^^xsd:decimal as 1, Virtuoso
may print more digits). An unbound variable is null. ASK results print true or false.
"""
import json
import sys
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                              "positiveInteger", "negativeInteger", "nonPositiveInteger",
                              "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


def number(value, datatype):
    """The canonical lexical form of a numeric literal, or None for other literals."""
    try:
        if datatype in INTEGERS:
            return str(int(value))
        if datatype == XSD + "decimal":
            d = Decimal(value).normalize()
            return format(d, "f")
        if datatype in (XSD + "double", XSD + "float"):
            return repr(float(value))
    except (ValueError, InvalidOperation):
        return None
    return None


def term(t):
    if t is None:
        return None
    kind = t["type"]
    if kind == "uri":
        return "<" + t["value"] + ">"
    if kind == "bnode":
        return "_:"
    value = t["value"]
    if "xml:lang" in t:
        return json.dumps(value, ensure_ascii=False) + "@" + t["xml:lang"].lower()
    datatype = t.get("datatype", XSD + "string")
    if datatype == XSD + "string":
        return json.dumps(value, ensure_ascii=False)
    canonical = number(value, datatype)
    if canonical is not None:
        value = canonical
    return json.dumps(value, ensure_ascii=False) + "^^<" + datatype + ">"


def main(path):
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    if "boolean" in result:
        print("true" if result["boolean"] else "false")
        return
    variables = result["head"]["vars"]
    print(json.dumps(variables))
    rows = [json.dumps([term(b.get(v)) for v in variables], ensure_ascii=False)
            for b in result["results"]["bindings"]]
    for row in sorted(rows):
        print(row)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: sparql_rows.py RESULT.json")
    main(sys.argv[1])
