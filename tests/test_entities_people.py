"""People: one IRI per person across all documents, merges explained, look-alikes kept apart.

Every printed form below was read in the corpus files (grep of the owner columns), not taken
from the program's output.
"""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import SKOS

from graph_builder.build import BuildResult
from graph_builder.entities.model import NameUse
from graph_builder.entities.people import cluster_people
from graph_builder.normalise.leads import parse_lead_member, parse_lead_officers
from graph_builder.rdf import Iris
from graph_builder.vocab import PG


def person(built: BuildResult, cell: str, officer: bool) -> set[str]:
    """Person ids for the names of one owner cell, as the build resolves them."""
    names = ([o.name for o in parse_lead_officers(cell)] if officer
             else [m.name for m in parse_lead_member(cell) if m.name])
    return {built.entities.person_of[n] for n in names if n}


# (person id, [(cell as printed, officer cell?) ...]): file and form of each, from grep
SAME_PERSON = [
    # 2011/12 line 187 "Shazia Hussein"; 2014/15 "Shazia Hussain (CLC)"; 2017/18 report "(RES)"
    ("shazia-hussain", [("Shazia Hussein", True), ("Shazia Hussain (CLC)", True),
                        ("Shazia Hussain (RES)", True)]),
    # 2014/15: "Dianna Warne (ESW)" twice, "Diana Warne (ESW)" once
    ("dianna-warne", [("Dianna Warne (ESW)", True), ("Diana Warne (ESW)", True)]),
    # 2017/18: "Judith St John (CS)"; "Judith St. John (CS)" and "Judith St. John (HAC)"
    ("judith-st-john", [("Judith St John (CS)", True), ("Judith St. John (HAC)", True)]),
    # 2023/24 lines with "Councillor Maium Talukdar-" (27) and "Maium Miah Talukdar," (2)
    ("maium-talukdar", [
        ("Councillor Maium Talukdar- Deputy Mayor and Cabinet Member for Education, Youth and "
         "Lifelong Learning (Statutory Deputy Mayor)", False),
        ("Councillor Maium Miah Talukdar, Deputy Mayor", False)]),
    # 2011/12 and 2014/15 "Mayor Lutfur Rahman"; 2023/24 "Mayor - Lutfur Rahman"
    ("lutfur-rahman", [("Mayor Lutfur Rahman", False), ("Mayor - Lutfur Rahman", False)]),
    # 2011/12 "Cllr Oliur Rahman"; 2014/15 "Deputy Mayor, Cllr Oliur Rahman"
    ("oliur-rahman", [("Cllr Oliur Rahman", False), ("Deputy Mayor, Cllr Oliur Rahman", False)]),
    # 2011/12 "Cllr Alibor Choudhury, Lead Member for Resources"; 2014/15 in a list
    ("alibor-choudhury", [("Cllr Alibor Choudhury, Lead Member for Resources", False),
                          ("Cllr Gulam Robbani / Cllr Alibor Choudhury", False)]),
    # 2014/15: "Bozena Allen(ESW)" (no space, 4 rows) and "Bozena Allen (ESW)"
    ("bozena-allen", [("Bozena Allen(ESW)", True), ("Bozena Allen / Deborah Cohen (ESW)", True)]),
    # 2017/18: "Roy Ormsby (Place)" and "Roy Ormsby (PLACE)"
    ("roy-ormsby", [("Roy Ormsby (Place)", True), ("Roy Ormsby (PLACE)", True)]),
    # 2017/18 report: "Heather Daley (RES) (RES)" and "Heather Daley (RES)"
    ("heather-daley", [("Heather Daley (RES) (RES)", True), ("Heather Daley (RES)", True)]),
    # 2014/15 "Andy Scott (D&R)"; 2017/18 "Andy Scott (PLACE)", "(Place)"
    ("andy-scott", [("Andy Scott (D&R)", True), ("Andy Scott (Place)", True)]),
    # 2011/12 "Owen Whalley"; 2014/15 "Owen Whalley (D&R)"; 2017/18 "Owen Whalley (PLACE)"
    ("owen-whalley", [("Owen Whalley", True), ("Owen Whalley (D&R)", True),
                      ("Owen Whalley (PLACE)", True)]),
]


@pytest.mark.parametrize(("pid", "cells"), SAME_PERSON, ids=[p for p, _ in SAME_PERSON])
def test_printed_variants_are_one_person(built: BuildResult, pid: str,
                                         cells: list[tuple[str, bool]]) -> None:
    for cell, officer in cells:
        assert pid in person(built, cell, officer), cell
    assert pid in built.entities.people


# Pairs that must stay two people (each name read in the owner columns).
APART = [
    ("Rania Khan", "Rabina Khan"),  # both 2011/12 councillors (3 and 17 rows)
    ("David Jones", "Debbie Jones"),  # 2017/18: HAC and CS
    ("Kabir Ahmed", "Kabir Hussain"),  # 2023/24 cabinet
    ("Saied Ahmed", "Suluk Ahmed"),  # 2023/24 cabinet
    ("Lutfur Rahman", "Oliur Rahman"),  # Mayor and Deputy Mayor, 2014/15
    ("Shazia Hussain", "Asmat Hussain"),  # 2017/18 report: RES and GOV
    ("Roger Jones", "John Jones"),  # 2014/15 RES
    ("Gulam Robbani", "Gulam Kibria Choudhury"),  # 2014/15 and 2023/24 councillors
    ("Debbie Jones", "Deborah Cohen"),  # "Debbie" is no evidence for "Deborah"
    ("Abdul Asad", "Abdul Wahid"),
]


@pytest.mark.parametrize(("a", "b"), APART)
def test_lookalike_names_stay_apart(built: BuildResult, a: str, b: str) -> None:
    of = built.entities.person_of
    assert of[a] != of[b]


def test_merge_report_explains_every_group(built: BuildResult) -> None:
    groups = {m.person: m for m in built.entities.merges}
    assert {"shazia-hussain", "dianna-warne", "judith-st-john", "maium-talukdar",
            "lutfur-rahman", "oliur-rahman"} <= set(groups)
    assert "one-letter spelling variant (hussain / hussein)" in groups["shazia-hussain"].reason
    assert "middle name omitted" in groups["maium-talukdar"].reason
    assert "punctuation" in groups["judith-st-john"].reason
    assert "titles are removed" in groups["oliur-rahman"].reason
    # where each form comes from: Hussein only in 2011/12
    assert ("Shazia Hussein", ("sp-2011-12",)) in groups["shazia-hussain"].seen_in
    for g in groups.values():
        assert len(g.names) > 1 and g.reason


def test_no_greedy_merge_across_roles_or_two_edits() -> None:
    # one letter apart but one a councillor, one an officer: two people
    uses = [NameUse("Shazia Hussein", "member", "a"), NameUse("Shazia Hussain", "officer", "b"),
            NameUse("Rania Khan", "member", "a"), NameUse("Rabina Khan", "member", "a")]
    people, _lookup, merges = cluster_people(uses)
    assert len(people) == 4 and not merges


def test_titles_removed_and_kept_as_hidden_labels(built: BuildResult) -> None:
    for p in built.entities.people.values():
        assert not p.name.lower().startswith(("cllr", "councillor", "mayor", "deputy", "cabinet"))
    # "Cabinet Member Strategic Development" (2017/18 report, line 214) is a post, not a person
    assert "strategic-development" not in built.entities.people
    g = built.graph()
    node = Iris().person("oliur-rahman")
    assert (node, SKOS.hiddenLabel, Literal("Deputy Mayor, Cllr Oliur Rahman")) in g
    assert (Iris().person("shazia-hussain"), SKOS.altLabel, Literal("Shazia Hussein")) in g
    assert (Iris().person("shazia-hussain"), PG.mergeReason, None) in g
