"""Dumps: every format parses back to the built graph; a rebuild gives the same bytes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Graph

from graph_builder.build import BuildResult, build
from graph_builder.publish import FORMATS, export, render_dumps
from graph_builder.publish.commitments import COLUMNS
from graph_builder.vocab import PG
from tests.publish_fixtures import assert_isomorphic, named_graphs, small_dataset, union_of


@pytest.fixture(scope="module")
def exported(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return export(built.dataset, tmp_path_factory.mktemp("dumps"))


@pytest.fixture(scope="module")
def dumps(exported: dict[str, Path]) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in exported.items()}


@pytest.mark.parametrize("key", [k for k, f in FORMATS.items() if f.rdflib_name and not f.quads])
def test_triple_formats_round_trip(key: str, built: BuildResult, dumps: dict[str, bytes]) -> None:
    fmt = FORMATS[key]
    parsed = Graph().parse(data=dumps[fmt.filename], format=fmt.rdflib_name)
    assert_isomorphic(union_of(built.dataset), parsed, fmt.filename)


@pytest.mark.parametrize("key", [k for k, f in FORMATS.items() if f.quads])
def test_quad_formats_round_trip_graph_by_graph(key: str, built: BuildResult,
                                                dumps: dict[str, bytes]) -> None:
    fmt = FORMATS[key]
    parsed = Dataset()
    parsed.parse(data=dumps[fmt.filename], format=fmt.rdflib_name)
    expected, actual = named_graphs(built.dataset), named_graphs(parsed)
    assert sorted(actual) == sorted(expected)
    for name, graph in expected.items():
        assert_isomorphic(graph, actual[name], f"{fmt.filename} graph {name}")


def test_one_named_graph_per_document_plus_entities(built: BuildResult, dumps: dict[str, bytes]) -> None:
    parsed = Dataset()
    parsed.parse(data=dumps["pledgegraph.trig"], format="trig")
    names = {n.rsplit("/", 1)[-1] for n in named_graphs(parsed)}
    assert {d.info.id for d in built.documents} | {"entities"} <= names


def test_rebuild_is_byte_identical(dumps: dict[str, bytes]) -> None:
    again = render_dumps(build().dataset)  # fresh blank nodes, fresh dict orders
    assert set(again) <= set(dumps)
    for name, data in again.items():
        assert dumps[name] == data, f"{name} differs between two builds of the same corpus"


def test_ntriples_are_sorted(dumps: dict[str, bytes]) -> None:
    lines = dumps["pledgegraph.nt"].decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_jsonld_reads_naturally(dumps: dict[str, bytes]) -> None:
    doc = json.loads(dumps["pledgegraph.jsonld"])
    context = json.loads(dumps["context.jsonld"])["@context"]
    assert context["leadMember"] == {"@id": "pg:leadMember", "@type": "@id"}
    assert context["deadline"]["@type"] == "xsd:date"
    nodes = [n for g in doc["@graph"] for n in g.get("@graph", [])]
    pledge = next(n for n in nodes if "Pledge" in n.get("type", []))
    assert pledge["id"].startswith("https://") and isinstance(pledge["inPlan"], str)


def test_published_context_expands_like_the_embedded_one(built: BuildResult,
                                                         dumps: dict[str, bytes]) -> None:
    doc = json.loads(dumps["pledgegraph.jsonld"])
    doc["@context"] = json.loads(dumps["context.jsonld"])["@context"]
    parsed = Dataset()
    parsed.parse(data=json.dumps(doc), format="json-ld")
    assert_isomorphic(union_of(built.dataset), union_of(parsed), "JSON-LD with the published context")


def test_commitments_csv_has_one_row_per_commitment(built: BuildResult, dumps: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(dumps["commitments.csv"].decode("utf-8"))))
    commitments = set(union_of(built.dataset).subjects(RDF.type, PG.Commitment))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == len(commitments) == len({r["commitment"] for r in rows})
    assert all(r["document"] and r["first_line"].isdigit() for r in rows)
    owned = [r for r in rows if r["lead_members"] or r["lead_posts"] or r["directorates"]]
    assert owned, "no commitment has an owner"
    assert any(r["deadline"] for r in rows)


def test_export_writes_files_and_description(exported: dict[str, Path]) -> None:
    for fmt in FORMATS.values():
        assert exported[fmt.filename].stat().st_size > 0
    assert {"void.ttl", "void.jsonld", "context.jsonld"} <= set(exported)


def test_export_cli(built: BuildResult, tmp_path: Path) -> None:
    from graph_builder.cli import main

    graph = tmp_path / "g.trig"
    small_dataset(built).serialize(graph, format="trig")
    res = CliRunner().invoke(main, ["export", "--graph", str(graph), "--out", str(tmp_path / "x"),
                                    "--format", "nt", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == [
        "commitments.csv", "context.jsonld", "pledgegraph.nt", "void.jsonld", "void.ttl"]
    bad = CliRunner().invoke(main, ["export", "--graph", str(graph), "--format", "xml"])
    assert bad.exit_code == 2
