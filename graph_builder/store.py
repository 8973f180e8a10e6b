"""Graph stores for the query path: rdflib in memory, or embedded Oxigraph (the default)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from graph_builder.errors import PledgegraphError
from graph_builder.terms import quads_of


def to_oxigraph(graph: Graph | Dataset) -> ox.Store:
    """Load an rdflib graph or dataset into an in-memory Oxigraph store, named graphs kept.

    Terms are converted directly: going through an N-Quads serialisation costs seconds.
    """
    store = ox.Store()
    store.extend(quads_of(graph))
    return store


def load_dataset(path: Path) -> Dataset:
    """Read a built graph (TriG, N-Quads, Turtle, N-Triples, JSON-LD) from disk."""
    formats = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt",
               ".jsonld": "json-ld"}
    fmt = formats.get(path.suffix)
    if fmt is None:
        raise PledgegraphError(f"{path}: unknown graph format; use one of {', '.join(formats)}")
    if not path.is_file():
        raise PledgegraphError(f"{path}: no such file (run `pledgegraph build` first)")
    ds = Dataset()
    try:
        if fmt in ("trig", "nquads"):
            ds.parse(path, format=fmt)
        else:
            ds.default_graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser types; report them all the same way
        raise PledgegraphError(f"{path}: cannot parse as {fmt}: {exc}") from exc
    return ds
