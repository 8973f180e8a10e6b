"""The Strategic Plan 2017/18 Q2 progress report reader, against values read from the document."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from graph_builder.manifest import load_manifest
from graph_builder.readers import detect_layout, progress_report, read_document
from graph_builder.readers.base import load_lines
from graph_builder.records import DocumentRecords, Progress

MANIFEST = Path(__file__).resolve().parents[1] / "corpus" / "manifest.toml"
DOC = "progress-2017-18-q2"


@pytest.fixture(scope="module")
def doc() -> DocumentRecords:
    info = next(i for i in load_manifest(MANIFEST) if i.id == DOC)
    return read_document(info)


def _p(doc: DocumentRecords, key: str) -> Progress:
    return next(p for p in doc.progress if p.commitment == key)


def test_counts(doc: DocumentRecords) -> None:
    # Activities: `grep -cP "^\t?\d+\.\d+(\.\d+)?[\t ]+\d+\. "` = 50. Rows with a status:
    # `grep -cP "\t(On Target|Completed|Delayed|Overdue)\t"` = 283 = 50 activities + 233
    # deliverables; every one of them has a status, so 283 progress records. Sections: 3 priority
    # outcomes and 9 outcomes (1.1-1.5, 2.1-2.4; priority three has none).
    assert doc.counts() == {"priority-outcome": 3, "outcome": 9, "activity": 50,
                            "key-deliverable": 233, "progress": 283}


def test_ledger(doc: DocumentRecords) -> None:
    assert doc.ledger.unplaced == {}
    assert doc.ledger.consumed[121] == "furniture: markdown table rule"
    assert doc.ledger.consumed[162] == "furniture: table header"  # "Activity | | Lead Member"
    assert doc.ledger.consumed[11] == "furniture: table header"  # a lone "Activity"
    assert doc.ledger.consumed[404] == "key-deliverable-3.2-5"  # comment continued


def test_sections(doc: DocumentRecords) -> None:
    s = {x.key: x for x in doc.sections}
    assert s["outcome-1.3"].title.startswith("Children get the best start")  # printed "1.3."
    assert (s["outcome-2.1"].parent, s["outcome-2.1"].span.first) == ("priority-outcome-2", 215)
    assert s["priority-outcome-3"].title.startswith("Working smarter together")


@pytest.mark.parametrize(
    ("key", "number", "text_part", "parent", "member", "officer", "deadline", "line", "flags"),
    [
        ("activity-1.1.1", "1.1.1", "Develop and deliver the Growth Strategy", "outcome-1.1",
         "Cabinet Member for Work and Economic Growth, Cabinet Member for Strategic Development",
         None, "31/03/18", 6, ()),
        ("key-deliverable-1.1.1-2", None, "Develop a Growth Strategy in collaboration",
         "activity-1.1.1", None, "Andy Scott, Mark Baigent, Ann Sutcliffe, Owen Whalley (PLACE)",
         "31/12/17", 10, ()),
        ("activity-1.1.3", "1.1.3", "meeting the advanced IT infrastructure needs of business",
         "outcome-1.1", "Executive Mayor, Cabinet Member for Work and Economic Growth", None,
         "31/03/18", 22, ()),
        # number glued to the text cell; lead member cut off in the source
        ("activity-1.1.5", "1.1.5", "Implement a High Street and Town Centres Strategy",
         "outcome-1.1", "Cabinet Member for Work and Economic Growth, Cabinet Member for "
         "Strategic", None, "31/03/18", 35, ()),
        ("activity-1.2.1", "1.2.1", "Develop an Integrated Employment Service", "outcome-1.2",
         "Cabinet Member for Work and Economic Growth / Deputy Mayor Education and Children's "
         "Services", None, "31/03/18", 49, ("sef",)),
        ("key-deliverable-1.2.2-2", None, "Deliver a targeted ESOL programme for 50 women",
         "activity-1.2.2", None, "Shazia Hussain (RES)", "31/03/18", 62, ("sef",)),
        ("key-deliverable-1.3.4-1", None, "Redevelop the Norman Grove site", "activity-1.3.4",
         None, "Ann Sutcliffe (PLACE)", "31/03/2018", 88, ("sef",)),
        ("activity-1.4.1", "1.4.1", "Create a healthier place", "outcome-1.4",
         "Cabinet Member for Health and Adult Services", None, "31/03/18", 115, ("sef",)),
        ("activity-1.5.1", "1.5.1", "Mitigate the impact of welfare reform", "outcome-1.5",
         "Statutory Deputy Mayor and Cabinet Member for Housing Management and Performance, "
         "Cabinet Member for", None, "31/03/18", 171, ("sef",)),
        # no officer printed
        ("key-deliverable-1.5.4-3", None, "Help break down disability barriers",
         "activity-1.5.4", None, None, "31/12/17", 209, ("sef",)),
        ("key-deliverable-2.1.1-1", None, "Complete two independent surveys", "activity-2.1.1",
         None, "Roy Ormsby (PLACE)", "1st 31/7/17 2nd 31/12/17", 219, ()),
        ("key-deliverable-2.2.1-5", None, "Support more residents into accessible housing",
         "activity-2.2.1", None, "Mark Baigent (PLACE)", "31/03/18", 267, ("sef",)),
        ("key-deliverable-2.3.2-3", None, "Develop a new strategy on ASB", "activity-2.3.2",
         None, "Denise Radley/ Mark Baigent (PLACE)", "30/09/17", 322, ()),
        # priority three: activities numbered 3.1 ..., under the priority outcome
        ("activity-3.1", "3.1", "Make best use of council resources", "priority-outcome-3",
         "Cabinet Member for Resources", None, "31/03/18", 385, ()),
        ("key-deliverable-3.2-5", None, "Best Value Improvement Plan and an Ofsted improvement",
         "activity-3.2", None, "Sharon Godman (GOV) Debbie Jones (CS)", "31/03/18", 403, ()),
        ("key-deliverable-3.3-3", None, "Deliver a new Telephony System", "activity-3.3", None,
         "Adrian Gorst (RES)", "31/04/17", 414, ()),
        ("activity-3.4", "3.4", "Deliver the One HR Plan", "priority-outcome-3",
         "Cabinet Member for Resources", None, "31/03/18", 427, ("sef",)),
        ("key-deliverable-3.6-2", None, "Deliver a range of Gold, Silver and Bronze campaigns",
         "activity-3.6", None, "Andreas Christophorou (GOV)", "31/03/18", 446, ()),
    ],
)
def test_records(doc: DocumentRecords, key: str, number: str | None, text_part: str, parent: str,
                 member: str | None, officer: str | None, deadline: str, line: int,
                 flags: tuple[str, ...]) -> None:
    c = next(c for c in doc.commitments if c.key == key)
    assert c.kind == ("activity" if key.startswith("activity") else "key-deliverable")
    assert (c.number, c.parent, c.flags) == (number, parent, flags)
    assert text_part in c.text and not c.text.endswith("*")
    assert not c.text[:3].rstrip().rstrip(".").isdigit()  # "1. " prefix removed
    assert (c.lead_member, c.lead_officer, c.directorate, c.deadline) == (member, officer, None,
                                                                           deadline)
    assert (c.span.first, c.span.last) == (line, line)


@pytest.mark.parametrize(
    ("key", "status", "percent", "start", "end", "first", "last"),
    [
        ("activity-1.1.1", "On Target", "75%", "New Divisional Director (DD) appointment",
         "benefits of growth for local businesses and residents.", 6, 6),
        ("key-deliverable-1.1.2-4", "Delayed", "75%", "5 evening meetings",
         "impact of the 2017 revaluation.", 19, 19),
        ("activity-1.1.3", "On Target", "50%", "Progress on the Whitechapel Vision Masterplan",
         "including the GLA.", 22, 22),
        ("key-deliverable-1.2.2-2", "Overdue", "0%", "Tower Hamlets Council has withdrawn", None,
         62, 62),
        ("key-deliverable-3.2-5", "On Target", "50%", "Following the Ofsted inspection",
         None, 403, 404),
        ("key-deliverable-3.4-3", "Delayed", None, "We have procured a new learning management",
         None, 431, 431),
        ("activity-3.6", "Completed", "100%", None, None, 443, 443),
    ],
)
def test_progress(doc: DocumentRecords, key: str, status: str, percent: str | None,
                  start: str | None, end: str | None, first: int, last: int) -> None:
    p = _p(doc, key)
    assert (p.status, p.percent) == (status, percent)
    if start is None:
        assert p.comment is None
    else:
        assert p.comment is not None and p.comment.startswith(start)
        assert "<" not in p.comment  # <p>, <ul style=...> removed
        if end:
            assert p.comment.endswith(end)
    assert (p.span.first, p.span.last) == (first, last)


def test_continued_comment_is_joined(doc: DocumentRecords) -> None:
    comment = _p(doc, "key-deliverable-3.2-5").comment or ""
    assert "Ofsted 1st monitoring visit feedback" in comment


def test_detection(tmp_path: Path, doc: DocumentRecords) -> None:
    lines = doc.info.path.read_text(encoding="utf-8").split("\n")
    excerpt = tmp_path / "another-quarter.txt"
    excerpt.write_text("\n".join(lines[:70]), encoding="utf-8")
    other = replace(doc.info, id="excerpt", path=excerpt)
    assert detect_layout(load_lines(other))[0] == "progress-report"
    for i in load_manifest(MANIFEST):
        score = progress_report.detect(load_lines(i))
        assert (score >= 0.5) == (i.id == DOC), i.id
