"""VoID/DCAT: the description says what the dumps and the graph really hold."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from graph_builder.build import BuildResult
from graph_builder.manifest import OGL3
from graph_builder.publish import FORMATS, Publication, export
from graph_builder.publish.void import SPDX
from graph_builder.vocab import PG
from tests.publish_fixtures import named_graphs, union_of

PUB = Publication(site_url="https://data.example.org/pledges/")


@pytest.fixture(scope="module")
def described(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, dict[str, Path]]:
    files = export(built.dataset, tmp_path_factory.mktemp("void"), pub=PUB)
    return Graph().parse(files["void.ttl"], format="turtle"), files


def test_dataset_basics(described: tuple[Graph, dict[str, Path]]) -> None:
    g, _files = described
    ds = PUB.dataset_iri
    assert {VOID.Dataset, DCAT.Dataset} <= set(g.objects(ds, RDF.type))
    assert g.value(ds, DCTERMS.title) and g.value(ds, DCTERMS.description)
    assert g.value(ds, DCTERMS.license) == URIRef(OGL3)
    publisher = g.value(ds, DCTERMS.publisher)
    assert g.value(publisher, FOAF.name)
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef("https://data.example.org/pledges/sparql")
    service = next(g.subjects(DCAT.servesDataset, ds))
    assert g.value(service, DCAT.endpointURL) == URIRef("https://data.example.org/pledges/sparql")


def test_sources_carry_their_digests(built: BuildResult, described: tuple[Graph, dict[str, Path]]) -> None:
    g, _ = described
    sources = set(g.objects(PUB.dataset_iri, DCTERMS.source))
    assert len(sources) == len(built.documents)
    for doc in built.documents:
        node = URIRef(f"{PUB.base}doc/{doc.info.id}")
        assert node in sources
        assert str(g.value(node, PG.sha256)) == hashlib.sha256(doc.info.path.read_bytes()).hexdigest()
        checksum = g.value(node, SPDX.checksum)
        assert str(g.value(checksum, SPDX.checksumValue)) == str(g.value(node, PG.sha256))


def test_counts_match_the_graph(built: BuildResult, described: tuple[Graph, dict[str, Path]]) -> None:
    g, _ = described
    union = union_of(built.dataset)

    def count(node: URIRef, prop: URIRef) -> int:
        return int(g.value(node, prop))  # type: ignore[arg-type]

    ds = PUB.dataset_iri
    assert count(ds, VOID.triples) == len(union)
    assert count(ds, VOID.classes) == len(set(union.objects(None, RDF.type)))
    assert count(ds, VOID.properties) == len(set(union.predicates()))
    entities = {s for s in union.subjects() if str(s).startswith(PUB.base)}
    assert count(ds, VOID.entities) == len(entities)
    for name, graph in named_graphs(built.dataset).items():
        assert URIRef(name) in set(g.objects(ds, VOID.subset))
        assert count(URIRef(name), VOID.triples) == len(graph)
    commitments = next(p for p in g.objects(ds, VOID.classPartition)
                       if g.value(p, VOID["class"]) == PG.Commitment)
    assert count(commitments, VOID.entities) == len(set(union.subjects(RDF.type, PG.Commitment)))


def test_examples_exist(built: BuildResult, described: tuple[Graph, dict[str, Path]]) -> None:
    g, _ = described
    union = union_of(built.dataset)
    examples = list(g.objects(PUB.dataset_iri, VOID.exampleResource))
    assert len(examples) >= 3
    assert all((ex, None, None) in union for ex in examples)


def test_distributions_describe_the_files(described: tuple[Graph, dict[str, Path]]) -> None:
    g, files = described
    dists = list(g.objects(PUB.dataset_iri, DCAT.distribution))
    assert len(dists) == len(FORMATS)
    dumps = {str(u) for u in g.objects(PUB.dataset_iri, VOID.dataDump)}
    for dist in dists:
        url = str(g.value(dist, DCAT.downloadURL))
        assert url.startswith("https://data.example.org/pledges/dumps/")
        path = files[url.rsplit("/", 1)[-1]]
        assert g.value(dist, DCAT.byteSize) == Literal(path.stat().st_size, datatype=g.value(
            dist, DCAT.byteSize).datatype)
        digest = g.value(g.value(dist, SPDX.checksum), SPDX.checksumValue)
        assert str(digest) == hashlib.sha256(path.read_bytes()).hexdigest()
        assert g.value(dist, DCAT.mediaType) is not None
        assert g.value(dist, DCTERMS.license) == URIRef(OGL3)
    assert len(dumps) == sum(1 for f in FORMATS.values() if f.rdflib_name)


def test_no_blank_nodes(described: tuple[Graph, dict[str, Path]]) -> None:
    g, _ = described
    assert not [t for t in g if any(type(x).__name__ == "BNode" for x in t)]
