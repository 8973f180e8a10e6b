"""What one resource page says: the resource's own statements, the statements that point at it,
the labels of its neighbours, and where it came from (document and line).

Read from Oxigraph stores by pattern (no SPARQL parsing per page), so thousands of pages build in
seconds; shared by the server and the static site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from graph_builder.terms import from_ox

PG = "https://w3id.org/pledgegraph/def#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABELS = [ox.NamedNode(i) for i in (
    "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://xmlns.com/foaf/0.1/name", "http://purl.org/dc/terms/title")]
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
# Steps from records that have no span of their own to one that has.
VIA = [ox.NamedNode(PG + "mentionIn"), ox.NamedNode(PG + "observes")]
SPAN = {k: ox.NamedNode(PG + k) for k in ("inDocument", "firstLine", "lastLine", "sourceText")}
MAX_INCOMING = 500  # a council has thousands of incoming links; a page lists the first 500


@dataclass(frozen=True)
class Source:
    span: str
    document: str
    first: int
    last: int
    text: str

    @property
    def doc_id(self) -> str:
        return self.document.rsplit("/", 1)[-1]


@dataclass
class Description:
    iri: str
    outgoing: list[tuple[Node, Node, str]] = field(default_factory=list)  # (p, o, graph)
    incoming: list[tuple[Node, Node, str]] = field(default_factory=list)  # (s, p, graph)
    incoming_total: int = 0
    labels: dict[str, str] = field(default_factory=dict)
    source: Source | None = None

    @property
    def exists(self) -> bool:
        return bool(self.outgoing or self.incoming)

    @property
    def label(self) -> str:
        return self.labels.get(self.iri) or self.iri.rstrip("/").rsplit("/", 1)[-1]

    @property
    def types(self) -> list[str]:
        return sorted({str(o) for p, o, _g in self.outgoing if str(p) == RDF_TYPE.value})

    def graph(self) -> Graph:
        """The resource's statements and those pointing at it (a symmetric bounded description)."""
        from rdflib import URIRef

        g = Graph()
        me = URIRef(self.iri)
        for p, o, _g in self.outgoing:
            g.add((me, p, o))
        for s, p, _g in self.incoming:
            g.add((s, p, me))
        return g


class Describer:
    """Look resources up in one or more stores (the data, the dataset description)."""

    def __init__(self, *stores: ox.Store) -> None:
        self.stores = stores
        self._labels: dict[str, str | None] = {}  # neighbours repeat across pages: look each up once

    def _quads(self, s: Any = None, p: Any = None, o: Any = None) -> list[ox.Quad]:
        out: list[ox.Quad] = []
        for store in self.stores:
            out.extend(store.quads_for_pattern(s, p, o, None))
        return out

    def exists(self, iri: str) -> bool:
        node = ox.NamedNode(iri)
        return any(next(iter(st.quads_for_pattern(node, None, None, None)), None) is not None
                   for st in self.stores)

    def label(self, node: ox.NamedNode) -> str | None:
        if node.value not in self._labels:
            self._labels[node.value] = None
            for prop in LABELS:
                values = sorted(q.object.value for q in self._quads(node, prop, None)
                                if isinstance(q.object, ox.Literal))
                if values:
                    self._labels[node.value] = values[0]
                    break
        return self._labels[node.value]

    def describe(self, iri: str) -> Description:
        node = ox.NamedNode(iri)
        d = Description(iri)
        seen: set[tuple[str, str, str]] = set()
        for q in sorted(self._quads(node, None, None), key=lambda q: (str(q.predicate), str(q.object))):
            key = (str(q.predicate), str(q.object), "")
            if key not in seen:  # the same statement in two graphs is shown once
                seen.add(key)
                d.outgoing.append((from_ox(q.predicate), from_ox(q.object), _graph(q)))
        incoming = sorted(self._quads(None, None, node), key=lambda q: (str(q.predicate), str(q.subject)))
        unique = {(str(q.subject), str(q.predicate)): q for q in incoming}
        d.incoming_total = len(unique)
        for q in list(unique.values())[:MAX_INCOMING]:
            d.incoming.append((from_ox(q.subject), from_ox(q.predicate), _graph(q)))
        neighbours = {iri} | {str(o) for _p, o, _g in d.outgoing} | {str(p) for p, _o, _g in d.outgoing}
        neighbours |= {str(s) for s, _p, _g in d.incoming} | {str(p) for _s, p, _g in d.incoming}
        for n in sorted(neighbours):
            if n.startswith(("http://", "https://", "urn:")):
                label = self.label(ox.NamedNode(n))
                if label:
                    d.labels[n] = label
        d.source = self.source(node)
        return d

    def source(self, node: ox.NamedNode, depth: int = 0) -> Source | None:
        """The span this resource is (or derives from, or whose record it mentions/observes)."""
        if self._quads(node, SPAN["inDocument"], None):
            return self._span(node)
        for q in self._quads(node, DERIVED, None):
            if isinstance(q.object, ox.NamedNode) and self._quads(q.object, SPAN["inDocument"], None):
                return self._span(q.object)
        if depth < 2:
            for prop in VIA:
                for q in self._quads(node, prop, None):
                    if isinstance(q.object, ox.NamedNode):
                        found = self.source(q.object, depth + 1)
                        if found:
                            return found
        return None

    def _span(self, span: ox.NamedNode) -> Source | None:
        def value(key: str) -> str:
            quads = self._quads(span, SPAN[key], None)
            return quads[0].object.value if quads else ""

        doc, first = value("inDocument"), value("firstLine")
        if not doc or not first.isdigit():
            return None
        last = value("lastLine")
        return Source(span.value, doc, int(first), int(last) if last.isdigit() else int(first),
                      value("sourceText"))


def _graph(q: ox.Quad) -> str:
    return "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
