"""Canonical, sorted quads: the basis of byte-identical dumps.

rdflib gives blank nodes fresh random labels on every run (the ontology's ``owl:unionOf`` lists
have some), so the same corpus would not give the same bytes. Oxigraph's canonicalisation
relabels blank nodes from the shape of the data; sorting the N-Quads lines then fixes the order.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, Graph

from graph_builder.terms import quads_of


def canonical_nquads(data: Dataset | Graph) -> list[str]:
    """Sorted, de-duplicated N-Quads lines (no newline) with canonical blank-node labels.

    Quads in the default graph are written as triples; empty graphs vanish (RDF has no empty
    named graphs in N-Quads).
    """
    dataset = ox.Dataset(quads_of(data))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    text = (ox.serialize(dataset, format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8")
    return sorted({line for line in text.splitlines() if line.strip()})


def to_triples_lines(nquads: list[str]) -> list[str]:
    """The union of all graphs as sorted N-Triples lines (a triple in two graphs appears once)."""
    quads = ox.parse("\n".join(nquads).encode("utf-8"), ox.RdfFormat.N_QUADS)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    text = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    return sorted({line for line in text.splitlines() if line.strip()})


def parse_lines(lines: list[str], quads: bool = True) -> list[ox.Quad] | list[ox.Triple]:
    data = "\n".join(lines).encode("utf-8")
    return list(ox.parse(data, ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES))
