"""Helpers shared by the publishing tests (export, VoID, serve, site, push, browser)."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

from rdflib import BNode, Dataset, Graph
from rdflib.compare import graph_diff, to_isomorphic

from graph_builder.build import BuildResult

REPO = Path(__file__).resolve().parents[1]


def named_graphs(ds: Dataset) -> dict[str, Graph]:
    """Non-empty graphs by name; the (empty) default graph is not part of the published data."""
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def union_of(ds: Dataset) -> Graph:
    g = Graph()
    for ctx in ds.graphs():
        for t in ctx:
            g.add(t)
    return g


def _split(g: Graph) -> tuple[set[tuple[object, object, object]], Graph]:
    ground, with_bnodes = set(), Graph()
    for t in g:
        if any(isinstance(x, BNode) for x in t):
            with_bnodes.add(t)
        else:
            ground.add(t)
    return ground, with_bnodes


def assert_isomorphic(expected: Graph, actual: Graph, what: str) -> None:
    """Fail with the differing triples (a few of each side), not just 'not isomorphic'.

    Ground triples are compared as sets and only the blank-node part goes through rdflib's
    isomorphism check, which is slow on whole graphs of 30k triples.
    """
    (ground_e, bnodes_e), (ground_a, bnodes_a) = _split(expected), _split(actual)
    if ground_e == ground_a and to_isomorphic(bnodes_e) == to_isomorphic(bnodes_a):
        return
    _both, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lost = "\n".join(sorted(only_expected.serialize(format="nt").splitlines())[:10])
    extra = "\n".join(sorted(only_actual.serialize(format="nt").splitlines())[:10])
    raise AssertionError(f"{what}: graphs differ\nmissing ({len(only_expected)}):\n{lost}\n"
                         f"unexpected ({len(only_actual)}):\n{extra}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def which_or_reason(*names: str) -> tuple[str | None, str]:
    for name in names:
        path = shutil.which(name)
        if path:
            return path, ""
    return None, f"none of {', '.join(names)} on PATH (install with .ci/system-deps.sh)"


def small_dataset(built: BuildResult) -> Dataset:
    """The smallest document's graph with the shared graphs (entities, ontology, links): enough for
    CLI, server and browser plumbing tests, several times faster than the whole corpus."""
    graphs = named_graphs(built.dataset)
    documents = [n for n in graphs if n.rsplit("/", 1)[-1] in {d.info.id for d in built.documents}]
    shared = {n for n in graphs if n not in documents}  # entities, ontology, cross-document links
    smallest = min(documents, key=lambda n: len(graphs[n]))
    ds = Dataset()
    for name in sorted(shared | {smallest}):
        target = ds.graph(graphs[name].identifier)
        for t in graphs[name]:
            target.add(t)
    return ds
