"""Content negotiation for the endpoint and the resource IRIs, and the form of a SPARQL query."""

from __future__ import annotations

import re

from werkzeug.datastructures import MIMEAccept

# format name -> media type, in order of preference when the client accepts anything
SOLUTION_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html"}
GRAPH_TYPES = {"turtle": "text/turtle", "jsonld": "application/ld+json",
               "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml", "html": "text/html"}
RESOURCE_TYPES = {"ttl": "text/turtle", "html": "text/html", "jsonld": "application/ld+json",
                  "nt": "application/n-triples"}
_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
            "text/plain": "ntriples"}
FORMAT_ALIASES = {"ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "n-triples": "ntriples",
                  "text": "tsv"}

_PROLOGUE = re.compile(r"^\s*(?:#[^\n]*\n\s*|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", re.I)
_UPDATE = re.compile(r"^(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE, or '' if unrecognised (the engine will say why)."""
    rest = sparql[_PROLOGUE.match(sparql).end():]  # type: ignore[union-attr]
    if _UPDATE.match(rest):
        return "UPDATE"
    m = re.match(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", rest, re.I)
    return m.group(1).upper() if m else ""


def choose(accept: MIMEAccept, offers: dict[str, str], override: str | None = None) -> str | None:
    """The format name to answer with: ``override`` (a ?format= value) if valid, else by Accept.

    Returns None when the client accepts none of the offers (a 406).
    """
    if override:
        name = FORMAT_ALIASES.get(override, override)
        if name in offers:
            return name
        for media, alias in _ALIASES.items():
            if override == media and alias in offers:
                return alias
        by_media = {m: n for n, m in offers.items()}
        return by_media.get(override)
    if not accept or not accept.provided:
        return next(iter(offers))
    candidates = list(offers.values()) + [m for m, n in _ALIASES.items() if n in offers]
    best = accept.best_match(candidates)
    if best is None:
        return None
    return _ALIASES.get(best) or next(n for n, m in offers.items() if m == best)
