"""Partner organisations: links read from commitment texts and progress comments, lookalikes
refused, and the discovery pass for names the gazetteer lacks. Each case names a phrase read
in the corpus file (grep), and the partner the phrase names."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph_builder.build import BuildResult
from graph_builder.entities.discovery import discover_partners
from graph_builder.entities.partners import match_partners

# (document, a phrase of the commitment's own text, partner ids it names)
TEXT_LINKS = [
    ("sp-2014-15", "Meet quarterly with the GLA", {"greater-london-authority"}),  # line 414
    ("sp-2014-15", "notation of contracts from East Thames", {"east-thames"}),  # line 424
    ("sp-2014-15", "in partnership with Tower Hamlets CCG", {"nhs-tower-hamlets-ccg"}),  # 872
    ("sp-2014-15", "coordination process with the police", {"metropolitan-police"}),  # 816
    ("sp-2014-15", "GLA's Healthy Schools London", {"greater-london-authority"}),  # 868
    ("sp-2011-12", "Work with Tower Hamlets Homes", {"tower-hamlets-homes"}),  # line 82
    ("sp-2011-12", "East Thames Housing Association and", {"east-thames", "bellway-homes"}),
    ("sp-2011-12", "Transport for London Borough-wide", {"transport-for-london"}),
    ("adp-2023-24", "working with the Met", {"metropolitan-police"}),  # line 214
    ("adp-2023-24", "MPS outreach", {"metropolitan-police"}),  # line 207
    ("adp-2023-24", "Tower Hamlets Together (THT)", {"tower-hamlets-together"}),  # line 164
    ("adp-2023-24", "Tower Hamlets Partnership Plan", {"tower-hamlets-partnership"}),  # 286
    ("adp-2023-24", "work with the Mayor of London", {"greater-london-authority"}),  # 262
    ("adp-2023-24", "GLA approved", {"greater-london-authority"}),  # line 263
    ("adp-2023-24", "makes THH energy efficient", {"tower-hamlets-homes"}),  # line 239
    ("sef-2017-18", "such as Police and THH", {"metropolitan-police", "tower-hamlets-homes"}),
    ("sef-2017-18", "delivery of DWP's Work and Health", {"department-for-work-and-pensions"}),
]

# (document, a phrase of a progress comment, partner ids it names)
COMMENT_LINKS = [
    ("progress-2017-18-q2", "the challenges from the objectors with Poplar HARCA",
     {"poplar-harca"}),  # line 270
    ("progress-2017-18-q2", "in partnership with Queen Mary University of London",
     {"queen-mary-university-of-london"}),  # line 212
    ("progress-2017-18-q2", "NHS – NHS Tower Hamlets CCG", {"nhs-tower-hamlets-ccg"}),  # 202
    ("progress-2017-18-q2", "Carers Centre, JCP (Rapid Response", {"jobcentre-plus"}),  # 193
]


def _mentions(built: BuildResult, doc: str, key: str, field: str) -> set[str]:
    return {m.partner for m in built.entities.mentions
            if (m.doc, m.record, m.field) == (doc, key, field)}


@pytest.mark.parametrize(("doc", "phrase", "partners"), TEXT_LINKS)
def test_commitment_text_links(built: BuildResult, doc: str, phrase: str,
                               partners: set[str]) -> None:
    (d,) = [x for x in built.documents if x.info.id == doc]
    hits = [c for c in d.commitments if phrase in c.text]
    assert hits, phrase
    for c in hits:
        assert partners <= _mentions(built, doc, c.key, "text"), c.key


@pytest.mark.parametrize(("doc", "phrase", "partners"), COMMENT_LINKS)
def test_progress_comment_links(built: BuildResult, doc: str, phrase: str,
                                partners: set[str]) -> None:
    (d,) = [x for x in built.documents if x.info.id == doc]
    hits = [p for p in d.progress if p.comment and phrase in p.comment]
    assert hits, phrase
    for p in hits:
        assert partners <= _mentions(built, doc, p.commitment, "comment"), p.commitment


def test_mentions_keep_text_and_position(built: BuildResult) -> None:
    texts = {}
    for d in built.documents:
        texts.update({(d.info.id, c.key, "text"): c.text for c in d.commitments})
        texts.update({(d.info.id, p.commitment, "comment"): p.comment for p in d.progress})
    assert len(built.entities.mentions) > 100
    for m in built.entities.mentions:
        assert texts[(m.doc, m.record, m.field)][m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "expected"), [
    ("These costs will be met by developers", []),  # 2023/24 line 46: "met" the verb
    ("the diverse dietary needs of children and cultural sensitivities are met.", []),  # 75
    ("Since then the BVIP have met twice", []),  # report line 404
    ("check the Met Office forecast", []),
    ("work with the Police Diversion Scheme to support women", []),  # report line 330
    ("British Transport Police patrols", ["british-transport-police"]),
    ("the Police and Crime Commissioner", ["police-and-crime-commissioner"]),
    ("secured MOPAC funding", ["mayors-office-for-policing-and-crime"]),
    # report line 91: JCP defined as the Joint Commissioning Panel, not Jobcentre Plus
    ("considered by the Joint Commissioning Panel (JCP). 12 were considered at JCP.", []),
    ("lowercase gla or tfl", []),
])
def test_lookalikes_are_not_partners(text: str, expected: list[str]) -> None:
    assert [p for p, *_ in match_partners(text)] == expected


def test_no_met_link_for_the_verb_in_the_corpus(built: BuildResult) -> None:
    # 2023/24 deliverable 3.10 ends "... cultural sensitivities are met." (line 75)
    assert "metropolitan-police" not in _mentions(built, "adp-2023-24", "deliverable-3.10", "text")
    # report line 330: "Police Diversion Scheme" yields no mention at its own position
    for m in built.entities.mentions:
        assert not m.text.startswith("Police Diversion")


def test_discovery_lists_unknown_organisations(built: BuildResult) -> None:
    found = {c.text: c for c in discover_partners(built.documents)}
    # names read in the texts that the gazetteer does not hold
    for name in ("Tower Hamlets Education Partnership", "Housing Affordability Commission",
                 "Roman Road Trust", "Aldgate Partnership"):
        assert name in found, name
    edu = found["Tower Hamlets Education Partnership"]
    assert edu.count == 2 and {d for d, _, _ in edu.where} == {"sef-2017-18", "progress-2017-18-q2"}
    # what the gazetteer knows is not a candidate
    assert "Tower Hamlets Homes" not in found and "East London Business Alliance" not in found


def test_partners_cli_discover() -> None:
    import click

    from graph_builder.cli_entities import register

    @click.group()
    def main() -> None: ...

    register(main)
    result = CliRunner().invoke(main, ["partners", "--discover", "--min-count", "2"])
    assert result.exit_code == 0, result.output
    assert "Tower Hamlets Education Partnership" in result.output
    result = CliRunner().invoke(main, ["partners", "--format", "json"])
    assert result.exit_code == 0 and '"id": "tower-hamlets-homes"' in result.output
