"""Linking the SEF 2017/18 plan to the Q2 progress report: pairs checked by reading both."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from graph_builder.link import THRESHOLD, CommitmentLink, link_documents
from graph_builder.manifest import load_manifest
from graph_builder.rdf.iris import Iris
from graph_builder.rdf.links import add_links
from graph_builder.readers import read_document
from graph_builder.records import DocumentRecords

MANIFEST = Path(__file__).resolve().parents[1] / "corpus" / "manifest.toml"
SEF, REPORT = "sef-2017-18", "progress-2017-18-q2"


@pytest.fixture(scope="module")
def docs() -> list[DocumentRecords]:
    return [read_document(i) for i in load_manifest(MANIFEST)
            if i.id in (SEF, REPORT, "adp-2023-24")]


@pytest.fixture(scope="module")
def links(docs: list[DocumentRecords]) -> list[CommitmentLink]:
    return link_documents(docs)


def _sef_to_report(links: list[CommitmentLink]) -> dict[str, str]:
    out = {}
    for x in links:
        if (x.doc_a, x.doc_b) == (REPORT, SEF):
            out[x.key_b] = x.key_a
        elif (x.doc_a, x.doc_b) == (SEF, REPORT):
            out[x.key_a] = x.key_b
    return out


# (SEF key, report key): same commitment, found by reading the rows side by side.
TRUE_PAIRS = [
    ("activity-1.1.1", "activity-1.1.6"),  # "Improve our ability to secure local employment
    # through S106 agreements": SEF numbers it 1. within 1.1, the report 1.1.6
    ("key-deliverable-1.1.1-1", "key-deliverable-1.1.6-3"),  # construction training provision
    ("activity-1.2.2", "activity-1.2.2"),  # the merged-rows activity (ESOL provision)
    ("key-deliverable-1.2.2-1", "key-deliverable-1.2.2-1"),  # construction based ESOL programme
    ("activity-1.3.6", "activity-1.3.6"),  # enrichment and social activities
    ("key-deliverable-1.3.6-2", "key-deliverable-1.3.6-2"),  # "Undertake annual consultation in
    # the Summer with young people" / "Undertake annual Summer consultation with young people"
    ("key-deliverable-1.4.6-3", "key-deliverable-1.4.6-1"),  # participation in safeguarding
    ("key-deliverable-1.5.3-3", "key-deliverable-1.5.3-3"),  # the 'Healthy Mile' programme
    ("activity-2.2.1-2", "activity-2.2.5"),  # Tackle homelessness (printed "1." in the SEF)
    ("key-deliverable-2.2.1-2-1", "key-deliverable-2.2.5-1"),  # temporary accommodation
    ("key-deliverable-2.2.1-5", "key-deliverable-2.2.1-5"),  # accessible housing, reworded
    ("key-deliverable-2.2.1-9", "key-deliverable-2.2.1-13"),  # "Spend £Xm" / "Spend £8m"
    ("key-deliverable-2.2.2-1", "key-deliverable-2.2.2-4"),  # 1,000 new Council homes
    ("activity-2.4.2", "activity-2.4.3"),  # Co-produce services with local residents
    ("activity-3.4", "activity-3.4"),  # Deliver the One HR Plan (priority three)
]

# (SEF key, report key) that must not be linked.
FALSE_PAIRS = [
    ("activity-2.2.2", "activity-2.2.4"),  # Council housing stock vs Registered Providers (75)
    ("key-deliverable-2.4.3-5", "key-deliverable-2.4.5-1"),  # second community hub vs training
    ("key-deliverable-2.4.3-1", "key-deliverable-2.4.4-5"),  # developer contribution vs hub
    ("key-deliverable-1.5.1-3", "key-deliverable-1.5.3-4"),  # two "Develop and implement ..."
]

# SEF commitments the report does not carry under the same outcome: no link at all.
UNLINKED = [
    "key-deliverable-1.4.6-1",  # LGBT domestic violence outreach
    "key-deliverable-1.4.6-2",  # same sex DV caseworker
    "key-deliverable-1.5.2-9",  # 800 new apprenticeship opportunities
    "key-deliverable-2.4.1-2",  # care planning: the report has it under 1.3.4, not 2.4.1
]


@pytest.mark.parametrize(("sef", "report"), TRUE_PAIRS)
def test_true_pairs(links: list[CommitmentLink], sef: str, report: str) -> None:
    assert _sef_to_report(links).get(sef) == report


@pytest.mark.parametrize(("sef", "report"), FALSE_PAIRS)
def test_false_pairs(links: list[CommitmentLink], sef: str, report: str) -> None:
    assert _sef_to_report(links).get(sef) != report


@pytest.mark.parametrize("sef", UNLINKED)
def test_unlinked(links: list[CommitmentLink], sef: str) -> None:
    assert sef not in _sef_to_report(links)


def test_totals_and_evidence(links: list[CommitmentLink]) -> None:
    # 29 SEF activities + 105 key deliverables = 134, less the 4 UNLINKED.
    assert len(links) == 130
    assert all(x.score >= THRESHOLD for x in links)
    # one-to-one: no commitment linked twice
    assert len({(x.doc_a, x.key_a) for x in links}) == len({(x.doc_b, x.key_b) for x in links}) \
        == len(links)
    # the 2023/24 plan's period does not overlap 2017/18: nothing links to it
    assert not [x for x in links if "adp-2023-24" in (x.doc_a, x.doc_b)]
    homes = next(x for x in links if x.key_b == "key-deliverable-2.2.2-1")
    assert homes.evidence.startswith("key-deliverable under outcome 2.2; token_set_ratio")
    same = next(x for x in links if x.key_a == "activity-3.4")
    assert same.evidence.endswith("same number 3.4")


def test_add_links_states_exact_match_both_ways(links: list[CommitmentLink]) -> None:
    g = Graph()
    iris = Iris()
    add_links(g, links[:3], iris)
    assert len(g) == 6
    for x in links[:3]:
        a, b = iris.record(x.doc_a, x.key_a), iris.record(x.doc_b, x.key_b)
        assert (a, SKOS.exactMatch, b) in g and (b, SKOS.exactMatch, a) in g
