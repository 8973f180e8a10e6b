"""Pure normalisers, on strings copied from the corpus documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph_builder.normalise.dates import parse_deadline
from graph_builder.normalise.directorates import resolve_directorate
from graph_builder.normalise.leads import parse_lead_member, parse_lead_officers
from graph_builder.normalise.progress import percent, status_concept
from graph_builder.normalise.states import (
    COMPLETE,
    NO_DELIVERABLE,
    classify_state,
    cross_refs,
)
from graph_builder.normalise.text import clean, slug


@pytest.mark.parametrize(("raw", "value", "problem"), [
    ("31/03/2015", date(2015, 3, 31), None),
    ("31/03/18", date(2018, 3, 31), None),
    ("31 March 2018", date(2018, 3, 31), None),
    ("(September 2011)", date(2011, 9, 30), None),
    ("(February 2012)", date(2012, 2, 29), None),
    ("31/03/2015 and quarterly", date(2015, 3, 31), None),
    ("TBC", None, None),
    ("1st 31/7/17 2nd 31/12/17", date(2017, 12, 31), None),
    ("31/02/2015", None, "impossible date 31/02/2015"),
    ("01/00/2010", None, "impossible date 01/00/2010"),
])
def test_deadlines(raw: str, value: date | None, problem: str | None) -> None:
    d = parse_deadline(raw)
    assert d.raw == raw and d.value == value and d.problem == problem


def test_deadline_recurrence() -> None:
    assert parse_deadline("31/03/2015 and quarterly").recurrence == "quarterly"


@pytest.mark.parametrize(("raw", "name", "posts"), [
    ("Councillor Saied Ahmed - Cabinet Member for Resources and the Cost of Living",
     "Saied Ahmed", ("Cabinet Member for Resources and the Cost of Living",)),
    ("Councillor Maium Talukdar- Deputy Mayor and Cabinet Member for Education, Youth and "
     "Lifelong Learning (Statutory Deputy Mayor)", "Maium Talukdar",
     ("Statutory Deputy Mayor", "Deputy Mayor",
      "Cabinet Member for Education, Youth and Lifelong Learning")),
    ("Mayor - Lutfur Rahman", "Lutfur Rahman", ("Mayor",)),
    ("Councillor Maium Miah Talukdar, Deputy Mayor", "Maium Miah Talukdar", ("Deputy Mayor",)),
    ("<p>Councillor Kabir Ahmed - Cabinet Member for Regeneration, Inclusive Development and "
     "Housebuilding</p>", "Kabir Ahmed",
     ("Cabinet Member for Regeneration, Inclusive Development and Housebuilding",)),
])
def test_lead_member_person_and_post(raw: str, name: str, posts: tuple[str, ...]) -> None:
    (m,) = parse_lead_member(raw)
    assert m.name == name
    assert set(m.posts) == set(posts)


def test_lead_member_posts_only() -> None:
    # 2017/18 documents name only posts, several per cell
    (m,) = parse_lead_member("Cabinet Member for Work and Economic Growth, Cabinet Member for "
                             "Strategic Development")
    assert m.name is None
    assert m.posts == ("Cabinet Member for Work and Economic Growth",
                       "Cabinet Member for Strategic Development")
    (m,) = parse_lead_member("Cabinet Member for Culture & Cabinet Member for Work and Economic "
                             "Growth")
    assert m.posts == ("Cabinet Member for Culture", "Cabinet Member for Work and Economic Growth")
    (m,) = parse_lead_member("Executive Mayor, Cabinet Member for Work and Economic Growth")
    assert m.posts == ("Executive Mayor", "Cabinet Member for Work and Economic Growth")


def test_lead_officers_share_a_bracketed_directorate() -> None:
    got = parse_lead_officers("Andy Scott, Mark Baigent, Ann Sutcliffe, Owen Whalley (PLACE)")
    assert [(o.name, o.directorate) for o in got] == [
        ("Andy Scott", "PLACE"), ("Mark Baigent", "PLACE"), ("Ann Sutcliffe", "PLACE"),
        ("Owen Whalley", "PLACE")]
    got = parse_lead_officers("Nasima Patel (CS) / Andy Scott (PLACE)")
    assert [(o.name, o.directorate) for o in got] == [("Nasima Patel", "CS"),
                                                      ("Andy Scott", "PLACE")]


@pytest.mark.parametrize(("raw", "expected"), [
    # forms printed in the 2014/15 and 2017/18 documents
    ("Andy Scott (D&R), Bozena Allen, Deborah Cohen (ESW)",
     [("Andy Scott", "D&R"), ("Bozena Allen", "ESW"), ("Deborah Cohen", "ESW")]),
    ("Denise Radley (HAC) & Roy Ormsby (PLACE)", [("Denise Radley", "HAC"), ("Roy Ormsby", "PLACE")]),
    ("Heather Daley (RES) (RES)", [("Heather Daley", "RES")]),
    ("Christine McInnes (CS) Esther Trenchard Mabere (HAC)",
     [("Christine McInnes", "CS"), ("Esther Trenchard Mabere", "HAC")]),
    ("Nancy Meehan Christine McInnes (CS)", [("Nancy Meehan", "CS"), ("Christine McInnes", "CS")]),
    # a role, not a person: only its directorate counts
    ("Roy Ormsby (PLACE) / Divisional Director Community Safety (HAC)",
     [("Roy Ormsby", "PLACE"), ("", "HAC")]),
    # bracketed roles are not directorates
    ("Chris Naylor (Smarter Working Programme Sponsor), Nick Coldicott (Smarter Working Programme "
     "Manager) and Andy Algar", [("Chris Naylor", None), ("Nick Coldicott", None),
                                 ("Andy Algar", None)]),
])
def test_lead_officer_forms(raw: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(o.name, o.directorate) for o in parse_lead_officers(raw)] == expected


def test_lead_member_lists_2014() -> None:
    got = parse_lead_member("Cllr Gulam Robbani / Deputy Mayor, Cllr Oliur Rahman")
    assert [(m.name, m.posts) for m in got] == [("Gulam Robbani", ()),
                                                ("Oliur Rahman", ("Deputy Mayor",))]
    got = parse_lead_member("Mayor Lutfur Rahman, Cllr Abdul Asad")
    assert [(m.name, m.posts) for m in got] == [("Lutfur Rahman", ("Mayor",)), ("Abdul Asad", ())]
    got = parse_lead_member("Cllr Alibor Choudhury, Lead Member for Resources")
    assert [(m.name, m.posts) for m in got] == [("Alibor Choudhury", ("Lead Member for Resources",))]


def test_directorates() -> None:
    assert resolve_directorate("Children & Culture").id == "children-and-culture"
    assert resolve_directorate("D&R").name == "Development and Renewal"
    assert resolve_directorate("Communities, Localities & Culture").id == (
        "communities-localities-and-culture")
    assert resolve_directorate("HAC").id == resolve_directorate("Health, Adults and Community").id
    odd = resolve_directorate("Ministry of Silly Walks")
    assert not odd.known and odd.id == "ministry-of-silly-walks"


def test_states_and_cross_refs() -> None:
    assert classify_state("Pledge complete (surgeries underway)") == COMPLETE
    assert classify_state("This pledge is complete.") == COMPLETE
    assert classify_state("No 2023/24 deliverable. 3.06 incorporates 3.07") == NO_DELIVERABLE
    assert classify_state("No annual deliverable. New legislation provides") == NO_DELIVERABLE
    assert classify_state("Consult on future highways schemes as appropriate - no annual "
                          "deliverable - ongoing action") is None
    refs = cross_refs("3.07", "No 2023/24 deliverable. 3.06 incorporates 3.07")
    assert [(r.relation, r.target) for r in refs] == [("delivered-through", "3.06")]
    # "3.06 incorporates 3.07" in 3.06's own text is not a link from 3.06
    assert cross_refs("3.06", "3.06 incorporates 3.07") == []
    refs = cross_refs("8.03", "No annual deliverable - see 8.02, 8.03, 8.04 and the air quality")
    assert [(r.relation, r.target) for r in refs] == [("see-also", "8.02"), ("see-also", "8.04")]
    refs = cross_refs("8.08", "No 2023/24 deliverable. This is covered by 8.05.")
    assert [(r.relation, r.target) for r in refs] == [("delivered-through", "8.05")]


def test_text_and_progress() -> None:
    assert clean("<p>New hoardings</p> <p>have been&nbsp;designed</p>") == (
        "New hoardings have been designed")
    assert slug("Children & Culture") == "children-and-culture"
    assert status_concept(" On Target ") == "on-target"
    assert status_concept("Behind") is None
    assert percent("75%") == Decimal(75)
    assert percent("150%") is None and percent("n/a") is None
