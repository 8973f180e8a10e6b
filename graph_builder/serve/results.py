"""SPARQL 1.1 results formats (JSON, XML, CSV, TSV) written from a list of solutions.

Oxigraph serialises a result iterator, but the endpoint must count the rows first to enforce its
result-size limit, and an iterator cannot be replayed; these writers take the collected rows.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Row = list[Term | None]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(t: Term) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != XSD_STRING:
        out["datatype"] = t.datatype.value
    return out


def to_json(variables: list[str], rows: list[Row] | None, boolean: bool | None = None) -> bytes:
    if boolean is not None:
        return json.dumps({"head": {}, "boolean": boolean}).encode("utf-8")
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
                for row in rows or []]
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _xml_term(t: Term) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if t.language:
        return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
    if t.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
    return f"<literal>{escape(t.value)}</literal>"


def to_xml(variables: list[str], rows: list[Row] | None, boolean: bool | None = None) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head>")
    if boolean is not None:
        out.append(f"<boolean>{'true' if boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in rows or []:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(variables, row, strict=True) if t is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>\n")
    return "\n".join(out).encode("utf-8")


def to_csv(variables: list[str], rows: list[Row] | None, boolean: bool | None = None) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # the SPARQL CSV spec says CRLF
    if boolean is not None:
        writer.writerow(["_askResult"])
        writer.writerow(["true" if boolean else "false"])
    else:
        writer.writerow(variables)
        for row in rows or []:
            writer.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode)
                                                   else t.value) for t in row])
    return buf.getvalue().encode("utf-8")


def to_tsv(variables: list[str], rows: list[Row] | None, boolean: bool | None = None) -> bytes:
    if boolean is not None:
        return f"?_askResult\n{'true' if boolean else 'false'}\n".encode()
    lines = ["\t".join(f"?{v}" for v in variables)]
    # str() of an Oxigraph term is its N-Triples form, which is what TSV results use.
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows or []]
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
