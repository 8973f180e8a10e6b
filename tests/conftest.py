"""Shared fixtures: the bundled corpus read once, built once, loaded into Oxigraph once."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.build import BuildResult, build, default_manifest
from graph_builder.manifest import DocumentInfo, load_manifest
from graph_builder.readers import read_document
from graph_builder.records import DocumentRecords

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def manifest() -> dict[str, DocumentInfo]:
    return {d.id: d for d in load_manifest(default_manifest())}


@pytest.fixture(scope="session")
def adp(manifest: dict[str, DocumentInfo]) -> DocumentRecords:
    return read_document(manifest["adp-2023-24"])


@pytest.fixture(scope="session")
def built() -> BuildResult:
    return build()


@pytest.fixture(scope="session")
def store(built: BuildResult):  # type: ignore[no-untyped-def]
    from graph_builder.store import to_oxigraph

    return to_oxigraph(built.dataset)


@pytest.fixture(scope="session")
def adp_graph(built: BuildResult):  # type: ignore[no-untyped-def]
    """The 2023/24 plan with the shared entity and ontology graphs, as one Graph.

    Small enough for rdflib's own SPARQL engine; tests that change it take a copy.
    """
    from rdflib import Graph

    g = Graph()
    for ctx in built.dataset.graphs():
        if str(ctx.identifier).endswith(("/adp-2023-24", "/entities", "/ontology")):
            for t in ctx:
                g.add(t)
    return g
