"""A JSON-LD @context that makes the dumps read as plain JSON.

Terms are the local names of the properties (``leadMember``, ``deadline``, ``label``), with the
value type fixed where the data allow it: a property whose objects are all IRIs gets
``"@type": "@id"`` (so its values are bare strings), one whose literals all share a datatype gets
that datatype, one whose literals are all English gets ``"@language": "en"``. Values that do not
fit a term's definition still round-trip: the compactor falls back to the prefixed property.
Ontology classes compact to their local names through ``@vocab``.
"""

from __future__ import annotations

import json
from collections import defaultdict

from rdflib import RDF, XSD, Dataset, Graph, Literal
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDFS, SKOS, TIME, VOID

from graph_builder.vocab import PG

PREFIXES: dict[str, str] = {
    "pg": str(PG._NS), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "foaf": str(FOAF), "time": str(TIME), "rdfs": str(RDFS),
    "rdf": str(RDF), "xsd": str(XSD), "owl": str(OWL), "void": str(VOID), "dcat": str(DCAT),
    "sh": "http://www.w3.org/ns/shacl#", "spdx": "http://spdx.org/rdf/terms#",
}
# Terms whose meaning a reader expects under a short name, whatever namespace wins a clash.
_PREFERRED = {str(RDFS.label): "label", str(RDFS.comment): "comment", str(DCTERMS.title): "title"}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def build_context(data: Dataset | Graph) -> dict[str, object]:
    """The @context for ``data``: prefixes, ``id``/``type`` aliases and one term per property."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for _s, p, o, *_ in (data.quads() if isinstance(data, Dataset) else data):
        if p == RDF.type:
            continue
        if isinstance(o, Literal):
            kinds[str(p)].add(f"lang:{o.language}" if o.language else f"dt:{o.datatype or XSD.string}")
        else:
            kinds[str(p)].add("iri")
    context: dict[str, object] = {"@vocab": str(PG._NS), **PREFIXES, "id": "@id", "type": "@type"}
    taken = set(context)
    # Preferred names first, then ontology terms, then others; a clash leaves the loser as a CURIE.
    order = sorted(kinds, key=lambda iri: (iri not in _PREFERRED, not iri.startswith(str(PG._NS)), iri))
    for iri in order:
        name = _PREFERRED.get(iri, _local(iri))
        if name in taken or not name.isidentifier():
            continue
        taken.add(name)
        term: dict[str, str] = {"@id": _curie(iri)}
        seen = kinds[iri]
        if seen == {"iri"}:
            term["@type"] = "@id"
        elif len(seen) == 1:
            (only,) = seen
            if only.startswith("lang:"):
                term["@language"] = only[5:]
            elif only != f"dt:{XSD.string}":
                term["@type"] = _curie(only[3:])
        context[name] = term
    return context


def context_document(context: dict[str, object]) -> str:
    """The published context file: ``{"@context": {...}}``, stable key order."""
    return json.dumps({"@context": context}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

