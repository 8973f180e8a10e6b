"""The RDF built from the 2023/24 plan: documents, provenance, owners, states, links."""

from __future__ import annotations

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, XSD

from graph_builder.build import BuildResult
from graph_builder.manifest import sha256_of
from graph_builder.rdf import Iris
from graph_builder.vocab import PG

IRI = Iris()
DOC = "adp-2023-24"


def rec(key: str) -> URIRef:
    return IRI.record(DOC, key)


def test_document_resource(built: BuildResult, manifest) -> None:  # type: ignore[no-untyped-def]
    g = built.graph()
    d = IRI.document(DOC)
    assert (d, RDF.type, PG.PlanDocument) in g
    assert g.value(d, DCTERMS.title) == Literal("Strategic Plan: Annual Delivery Plan 2023/24",
                                               lang="en")
    assert str(g.value(d, PG.sha256)) == sha256_of(manifest[DOC].path)
    assert g.value(d, PG.documentKind) == PG["delivery-plan"]
    period = g.value(d, DCTERMS.temporal)
    assert period == IRI.interval(manifest[DOC].period_start, manifest[DOC].period_end)


def test_every_commitment_traces_to_its_line(built: BuildResult) -> None:
    g = built.graph()
    commitments = set(g.subjects(RDF.type, PG.Commitment))
    assert commitments
    for c in commitments:
        span = g.value(c, PROV.wasDerivedFrom)
        assert g.value(span, PG.firstLine) is not None, c
        assert g.value(span, PG.sourceText), c
    span = g.value(rec("deliverable-5.07-2"), PROV.wasDerivedFrom)
    assert span == IRI.span(DOC, 150, 150)
    assert str(g.value(span, PG.sourceText)).startswith("5.07\tInvest in our provision of care")


def test_owners_people_posts_units(built: BuildResult) -> None:
    g = built.graph()
    d = rec("deliverable-1.03")
    saied = IRI.person("saied-ahmed")
    assert (d, PG.leadMember, saied) in g
    assert (d, PG.leadPost, IRI.post("cabinet-member-for-resources-and-the-cost-of-living")) in g
    assert (d, PG.responsibleUnit, IRI.unit("place")) in g
    assert g.value(saied, FOAF.name) == Literal("Saied Ahmed")
    mayor = IRI.person("lutfur-rahman")
    assert (rec("deliverable-5.01"), PG.leadMember, mayor) in g
    assert (mayor, ORG.holds, IRI.post("mayor")) in g
    # "Maium Miah Talukdar" (6.07, 6.11) is the same person as "Maium Talukdar"
    talukdar = IRI.person("maium-talukdar")
    assert (rec("deliverable-6.07"), PG.leadMember, talukdar) in g
    assert (talukdar, ORG.holds, IRI.post("statutory-deputy-mayor")) in g
    assert (talukdar, ORG.holds, IRI.post("deputy-mayor")) in g


def test_states_and_cross_references(built: BuildResult) -> None:
    g = built.graph()
    assert (rec("pledge-4.15"), PG.state, PG["pledge-complete"]) in g
    assert (rec("pledge-2.13"), PG.state, PG["no-annual-deliverable"]) in g
    assert (rec("pledge-3.07"), PG.deliveredThrough, rec("pledge-3.06")) in g
    assert (rec("pledge-3.06"), PG.incorporates, rec("pledge-3.07")) in g
    assert (rec("pledge-2.15"), PG.deliveredThrough, rec("pledge-2.02")) in g
    assert (rec("pledge-8.08"), PG.deliveredThrough, rec("pledge-8.05")) in g
    from rdflib import RDFS
    assert set(g.objects(rec("pledge-8.03"), RDFS.seeAlso)) == {rec("pledge-8.02"),
                                                               rec("pledge-8.04")}


def test_deliverables_part_of_pledges_part_of_priorities(built: BuildResult) -> None:
    g = built.graph()
    assert (rec("deliverable-8.06-2"), PG.partOf, rec("pledge-8.06")) in g
    assert (rec("pledge-8.06"), PG.partOf, rec("priority-8")) in g
    assert g.value(rec("priority-3"), PG.ambition) == Literal(
        "Every child achieves their best in education.", lang="en")


def test_entity_counts_2023(built: BuildResult) -> None:
    # Read from the lead-member and directorate columns: 10 people (Maium Talukdar printed
    # twice as "Maium Miah Talukdar"), 9 cabinet portfolios + Mayor + Deputy Mayor + Statutory
    # Deputy Mayor, 5 directorates.
    e = built.entities
    people = {p for p, doc in e.members_in if doc == DOC}
    posts = {p for p, doc in e.posts_in if doc == DOC}
    units = {u for u, doc in e.units_in if doc == DOC}
    assert len(people) == 10
    assert len(posts) == 12
    assert units == {"children-and-culture", "place", "resources", "chief-executives-office",
                     "health-adults-and-community"}


def test_iris_are_deterministic() -> None:
    from graph_builder.build import build

    a = build().dataset.serialize(format="nquads")
    b = build().dataset.serialize(format="nquads")
    assert sorted(a.splitlines()) == sorted(b.splitlines())


def test_base_iri_is_configurable() -> None:
    from graph_builder.build import build

    g = build(base="https://example.org/lbth/").graph()
    assert (URIRef("https://example.org/lbth/plan/adp-2023-24/pledge-1.01"), RDF.type,
            PG.Pledge) in g
    assert not any(str(s).startswith("https://w3id.org/pledgegraph/id/") for s in g.subjects())


def test_deadline_literal_typed() -> None:
    # the RDF stage writes deadlines as xsd:date; checked on a synthetic record
    from graph_builder.normalise.dates import parse_deadline

    assert Literal(parse_deadline("31 March 2018").value, datatype=XSD.date).datatype == XSD.date
