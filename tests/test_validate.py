"""SHACL: the built graph conforms; broken graphs are caught with the right severity and line."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import PROV

from graph_builder.build import BuildResult
from graph_builder.rdf import Iris
from graph_builder.validate import validate
from graph_builder.vocab import PG

IRI = Iris()


def test_built_graph_conforms(built: BuildResult) -> None:
    report = validate(built.graph())
    assert report.conforms, report.text()
    assert report.counts()["Violation"] == 0


def _adp_only(adp_graph: Graph) -> Graph:
    copy = Graph()
    for t in adp_graph:
        copy.add(t)
    return copy


def test_missing_text_is_a_violation_located_at_its_line(adp_graph: Graph) -> None:
    g = _adp_only(adp_graph)
    node = IRI.record("adp-2023-24", "deliverable-1.03")
    g.remove((node, PG.text, None))
    report = validate(g)
    assert not report.conforms
    (finding,) = [f for f in report.findings if f.focus == str(node)]
    assert finding.severity == "Violation"
    assert finding.source == "adp-2023-24:8"
    assert "text" in finding.message


def test_lost_provenance_is_a_violation(adp_graph: Graph) -> None:
    g = _adp_only(adp_graph)
    node = IRI.record("adp-2023-24", "pledge-1.01")
    g.remove((node, PROV.wasDerivedFrom, None))
    report = validate(g)
    assert any(f.focus == str(node) and f.severity == "Violation" for f in report.findings)


def test_impossible_deadline_is_a_warning_not_a_violation(adp_graph: Graph) -> None:
    g = _adp_only(adp_graph)
    node = IRI.record("adp-2023-24", "deliverable-1.03")
    g.add((node, PG.deadlineText, Literal("31/02/2015")))
    g.add((node, PG.deadlineProblem, Literal("impossible date 31/02/2015")))
    report = validate(g)
    assert report.conforms
    warnings = [f for f in report.findings if f.severity == "Warning" and f.focus == str(node)]
    assert warnings and "not a real date" in warnings[0].message


def test_completed_below_100_percent_is_a_warning(adp_graph: Graph) -> None:
    g = _adp_only(adp_graph)
    obs = IRI.observation("adp-2023-24", "deliverable-1.03")
    from rdflib import RDF, XSD
    from rdflib.namespace import RDFS

    span = IRI.span("adp-2023-24", 8, 8)
    for t in [(obs, RDF.type, PG.ProgressObservation),
              (obs, PG.observes, IRI.record("adp-2023-24", "deliverable-1.03")),
              (obs, PG.reportedIn, IRI.document("adp-2023-24")),
              (obs, PG.asOf, Literal("2023-09-30", datatype=XSD.date)),
              (obs, PROV.wasDerivedFrom, span), (obs, RDFS.label, Literal("x")),
              (obs, PG.status, PG.completed), (obs, PG.statusText, Literal("Completed")),
              (obs, PG.percentComplete, Literal("50", datatype=XSD.decimal))]:
        g.add(t)
    report = validate(g)
    assert report.conforms
    msgs = [f.message for f in report.findings if f.focus == str(obs)]
    assert any("Completed but below 100%" in m for m in msgs)
