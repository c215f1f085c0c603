"""A real SPARQL client (Debian's python3-sparqlwrapper) against the endpoint.

Reads {"endpoint": URL, "queries": {name: text}} on stdin; prints, for each query and each
format SPARQLWrapper asks for, the answer normalised to plain JSON (rows as sorted lists of
[variable, type, value, datatype-or-lang], booleans, or sorted N-Triples-like triples).
"""
import csv
import io
import json
import sys

from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rows_of_json(doc):
    if "boolean" in doc:
        return {"boolean": doc["boolean"]}
    out = []
    for b in doc["results"]["bindings"]:
        out.append(sorted([k, v["type"].replace("typed-literal", "literal"), v["value"], v.get("datatype", v.get("xml:lang", "")).replace(XSD_STRING, "")] for k, v in b.items()))
    return {"rows": sorted(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in out)}


def rows_of_xml(dom):
    bool_el = dom.getElementsByTagName("boolean")
    if bool_el:
        return {"boolean": bool_el[0].firstChild.data.strip() == "true"}
    out = []
    for result in dom.getElementsByTagName("result"):
        row = []
        for binding in result.getElementsByTagName("binding"):
            term = [n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE][0]
            kind = {"uri": "uri", "literal": "literal", "bnode": "bnode"}[term.tagName]
            extra = term.getAttribute("datatype") or term.getAttribute("xml:lang") or ""
            value = "".join(n.data for n in term.childNodes if n.nodeType == n.TEXT_NODE)
            row.append([binding.getAttribute("name"), kind, value, extra.replace(XSD_STRING, "")])
        out.append(sorted(row))
    return {"rows": sorted(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in out)}


def values_of_delimited(text, delimiter):
    reader = csv.reader(io.StringIO(text), delimiter=delimiter) if delimiter == "," else (line.split("\t") for line in text.splitlines())
    rows = list(reader)
    return {"header": rows[0] if rows else [], "count": max(0, len([r for r in rows[1:] if r != []]))}


def triples_of(data, fmt):
    import rdflib

    g = rdflib.Graph()
    g.parse(data=data, format=fmt)
    return {"triples": len(g)}


def main():
    job = json.load(sys.stdin)
    out = {}
    for name, text in job["queries"].items():
        answers = {}
        form = job["forms"][name]
        formats = {"SELECT": [JSON, XML, CSV, TSV], "ASK": [JSON, XML], "CONSTRUCT": [TURTLE, N3, JSONLD]}[form]
        for fmt in formats:
            client = SPARQLWrapper(job["endpoint"])
            client.setQuery(text)
            # SPARQLWrapper guesses the form from keywords; the header comments of the named
            # queries ("plans", "DELETE"…) can mislead it, so the form is given.
            client.queryType = form
            if fmt == JSONLD:
                # This SPARQLWrapper refuses JSON-LD unless the old rdflib-jsonld plugin is
                # found; the request itself (Accept: application/ld+json) is all we need.
                client.returnFormat = fmt
            else:
                client.setReturnFormat(fmt)
            client.setMethod("POST")
            res = client.query()
            if fmt == JSONLD:
                # SPARQLWrapper's own JSON-LD conversion needs the old rdflib-jsonld plugin:
                # count the triples of the expanded document directly.
                nodes = json.loads(res.response.read().decode("utf-8"))
                count = sum(len(v) for n in nodes for k, v in n.items() if k != "@id")
                answers[fmt] = {"triples": count}
                answers[fmt + ":content-type"] = res.response.headers.get("content-type", "").split(";")[0]
                continue
            converted = res.convert()
            if fmt == JSON:
                answers[fmt] = rows_of_json(converted)
            elif fmt == XML:
                answers[fmt] = rows_of_xml(converted)
            elif fmt in (CSV, TSV):
                answers[fmt] = values_of_delimited(converted.decode("utf-8"), "," if fmt == CSV else "\t")
            else:
                # SPARQLWrapper parses Turtle/JSON-LD into an rdflib graph itself.
                answers[fmt] = {"triples": len(converted)} if hasattr(converted, "__len__") and not isinstance(converted, (bytes, str)) else triples_of(converted, "turtle")
            answers[fmt + ":content-type"] = res.response.headers.get("content-type", "").split(";")[0]
        out[name] = answers
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
