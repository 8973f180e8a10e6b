"""Commitment links -> ``skos:exactMatch`` both ways (SKOS says it is symmetric; we state it)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph
from rdflib.namespace import SKOS

from graph_builder.link import CommitmentLink
from graph_builder.rdf.iris import Iris


def add_links(graph: Graph, links: Iterable[CommitmentLink], iris: Iris) -> None:
    """Add ``<a> skos:exactMatch <b>`` and ``<b> skos:exactMatch <a>`` for every link."""
    for link in links:
        a = iris.record(link.doc_a, link.key_a)
        b = iris.record(link.doc_b, link.key_b)
        graph.add((a, SKOS.exactMatch, b))
        graph.add((b, SKOS.exactMatch, a))
