"""The CLI, in-process (click's runner): verbs, outputs, exit codes, messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_builder.build import default_manifest
from graph_builder.cli import main


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_graph_report_ledger_and_network(out_dir: Path) -> None:
    for name in ("pledgegraph.ttl", "pledgegraph.trig", "ledger.json", "merges.json",
                 "validation.txt", "validation.json", "accountability.html"):
        assert (out_dir / name).stat().st_size > 0, name
    report = json.loads((out_dir / "validation.json").read_text())
    assert report["conforms"] is True
    ledger = json.loads((out_dir / "ledger.json").read_text())
    assert ledger["adp-2023-24"]["unplaced"] == {}


def test_build_prints_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "--quiet",
                                       "--no-visualise"])
    assert result.exit_code == 0
    assert "adp-2023-24" in result.output
    assert "priority 8, pledge 137, deliverable 120" in result.output
    assert "Conforms: True" in result.output
    assert "Triples:" in result.output


def test_validate_exit_codes(out_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", "--graph", str(out_dir / "pledgegraph.ttl")])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("Conforms: True")
    # a graph with a commitment lacking its text does not conform: exit 1, names node and line
    from rdflib import Graph, URIRef

    g = Graph().parse(out_dir / "pledgegraph.ttl")
    g.remove((URIRef("https://w3id.org/pledgegraph/id/plan/adp-2023-24/pledge-1.02"),
              URIRef("https://w3id.org/pledgegraph/def#text"), None))
    broken = tmp_path / "broken.ttl"
    g.serialize(broken, format="turtle")
    bad = runner.invoke(main, ["validate", "--graph", str(broken)])
    assert bad.exit_code == 1
    assert ("Violation: https://w3id.org/pledgegraph/id/plan/adp-2023-24/pledge-1.02 "
            "[adp-2023-24:7]") in bad.output
    missing = runner.invoke(main, ["validate", "--graph", str(tmp_path / "nope.ttl")])
    assert missing.exit_code == 2
    assert "nope.ttl: no such file" in missing.output


def test_validate_json(out_dir: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--graph", str(out_dir / "pledgegraph.trig"),
                                       "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["conforms"] is True


def test_query_formats(out_dir: Path) -> None:
    runner = CliRunner()
    graph = str(out_dir / "pledgegraph.trig")
    csv_out = runner.invoke(main, ["query", "pledge-states", "--param", "state=complete",
                                   "--format", "csv", "--graph", graph])
    assert csv_out.exit_code == 0, csv_out.output
    lines = csv_out.output.strip().splitlines()
    assert lines[0] == "planId,num,pledgeState,through,stated,pledge"
    assert any(",4.15,complete,," in ln for ln in lines)
    js = runner.invoke(main, ["query", "accountable-for", "-p", "number=1.03", "-p",
                              "plan=adp-2023-24", "--format", "json", "--graph", graph])
    data = json.loads(js.output)
    assert {r["who"] for r in data} == {"Place", "Saied Ahmed",
                                        "Cabinet Member for Resources and the Cost of Living"}
    table = runner.invoke(main, ["query", "posts-and-holders", "--graph", graph])
    assert table.exit_code == 0 and "Lutfur Rahman" in table.output


def test_ad_hoc_sparql(out_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    q = ("PREFIX pg: <https://w3id.org/pledgegraph/def#> "
         "SELECT (COUNT(?p) AS ?n) WHERE { ?p a pg:Priority ; pg:inPlan ?d . "
         "?d <http://purl.org/dc/terms/identifier> 'adp-2023-24' }")
    result = runner.invoke(main, ["query", "--sparql", q, "--format", "csv",
                                  "--graph", str(out_dir / "pledgegraph.trig")])
    assert result.output.strip().splitlines() == ["n", "8"]
    qfile = tmp_path / "q.rq"
    qfile.write_text(q, encoding="utf-8")
    result = runner.invoke(main, ["query", "--sparql", str(qfile), "--format", "csv",
                                  "--graph", str(out_dir / "pledgegraph.trig"),
                                  "--engine", "rdflib"])
    assert result.output.strip().splitlines() == ["n", "8"]


def test_query_errors_exit_2(out_dir: Path) -> None:
    runner = CliRunner()
    graph = str(out_dir / "pledgegraph.trig")
    r = runner.invoke(main, ["query", "no-such-query", "--graph", graph])
    assert r.exit_code == 2 and "no named query 'no-such-query'" in r.output
    r = runner.invoke(main, ["query", "pledge-states", "--param", "colour=red", "--graph", graph])
    assert r.exit_code == 2 and "has no parameter colour" in r.output
    r = runner.invoke(main, ["query", "--sparql", "SELECT ?x WHERE {", "--graph", graph])
    assert r.exit_code == 2 and "does not parse" in r.output


def test_query_list() -> None:
    r = CliRunner().invoke(main, ["query", "--list"])
    assert r.exit_code == 0
    assert "accountable-for" in r.output and "--param number=" in r.output


def test_visualise(out_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "net.html"
    r = CliRunner().invoke(main, ["visualise", "--graph", str(out_dir / "pledgegraph.trig"),
                                  "--out", str(target)])
    assert r.exit_code == 0, r.output
    page = target.read_text(encoding="utf-8")
    assert "Accountability network" in page and "Saied Ahmed" in page
    assert "adp-2023-24 line 8" in page  # hover text carries the source line


def test_changed_corpus_file_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(default_manifest().parent, corpus)
    target = corpus / "tower-hamlets-annual-delivery-plan-2023-24.txt"
    target.chmod(0o644)
    target.write_text(target.read_text(encoding="utf-8").replace("1.01", "1.0l", 1),
                      encoding="utf-8")
    r = CliRunner().invoke(main, ["build", "--manifest", str(corpus / "manifest.toml"),
                                  "--out", str(tmp_path / "out"), "--quiet"])
    assert r.exit_code == 2
    assert "tower-hamlets-annual-delivery-plan-2023-24.txt: SHA-256 is" in r.output
    assert "Traceback" not in r.output


def test_bad_input_file_named(tmp_path: Path) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("Shopping list\nmilk\neggs\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["build", "--input", str(odd), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    assert "notes.txt: layout not recognised" in r.output


@pytest.mark.parametrize("verb", ["build", "validate", "query", "visualise"])
def test_help(verb: str) -> None:
    r = CliRunner().invoke(main, [verb, "--help"])
    assert r.exit_code == 0 and "Usage:" in r.output
