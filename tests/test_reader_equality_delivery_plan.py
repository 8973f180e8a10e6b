"""The SEF Delivery Plan 2017/18 reader, checked against values read from the document itself."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from graph_builder.manifest import load_manifest
from graph_builder.readers import detect_layout, equality_delivery_plan, read_document
from graph_builder.readers.base import load_lines
from graph_builder.records import Commitment, DocumentRecords

MANIFEST = Path(__file__).resolve().parents[1] / "corpus" / "manifest.toml"
DOC = "sef-2017-18"


@pytest.fixture(scope="module")
def doc() -> DocumentRecords:
    info = next(i for i in load_manifest(MANIFEST) if i.id == DOC)
    return read_document(info)


def _c(doc: DocumentRecords, key: str) -> Commitment:
    return next(c for c in doc.commitments if c.key == key)


def test_counts(doc: DocumentRecords) -> None:
    # Activities: `grep -nP "^(Activity ?)?\d+\. "` gives 34 lines; lines 33-35 are one activity
    # (1.2.2 in three forms), 81-82 one (1.3.6), 211-213 one (homelessness): 34 - 2 - 1 - 2 = 29.
    # Key deliverables: 101 lines carry an officer "NAME (DIR)" followed by a tab (lines 111+112
    # and 173/175/176 hold 2 and 3 deliverables in 2 and 3 lines), plus four deliverables that
    # exist only inside merged activity rows without an officer (line 35: 1; line 82: 2;
    # line 214: 1) = 105. Sections: 3 priority outcomes, 8 outcomes (1.1-1.5, 2.2-2.4).
    assert doc.counts() == {"priority-outcome": 3, "outcome": 8, "activity": 29,
                            "key-deliverable": 105}


def test_ledger_accounts_for_every_line_with_nothing_unplaced(doc: DocumentRecords) -> None:
    assert doc.ledger.unplaced == {}
    assert doc.ledger.consumed[1] == "furniture: document title"
    assert doc.ledger.consumed[3] == "narrative: introduction"
    assert doc.ledger.consumed[172].startswith("furniture: garbled twin")  # "Edda Fiolingol"


def test_sections(doc: DocumentRecords) -> None:
    s = {x.key: x for x in doc.sections}
    assert s["priority-outcome-1"].title == ("Creating opportunity by supporting aspiration and "
                                             "tackling poverty")
    assert s["priority-outcome-1"].span.first == 5
    o = s["outcome-1.1"]
    assert (o.number, o.parent, o.span.first, o.span.last) == ("1.1", "priority-outcome-1", 7, 9)
    assert o.linked_outcomes[0] == "Address high levels of pensioner poverty"
    assert o.linked_outcomes[-1] == "Increase employment levels amongst Muslim residents"
    assert len(o.linked_outcomes) == 6
    assert s["outcome-1.3"].title.startswith("Children get the best start")  # printed "1.3."
    # 1.5 repeats "working age women" three times and the trans hate crime item nine times
    # (the last copy scrambled): one each.
    assert len(s["outcome-1.5"].linked_outcomes) == 9
    # "Priority three:" with "Linked to outcomes:" (line 261) and its list on line 263.
    p3 = s["priority-outcome-3"]
    assert (p3.number, p3.span.first, p3.span.last) == ("3", 259, 263)
    assert len(p3.linked_outcomes) == 5
    assert p3.linked_outcomes[2] == ("Ensure that there is adequate representation of BME staff "
                                     "at the senior manager level")
    assert s["outcome-2.2"].parent == "priority-outcome-2"


@pytest.mark.parametrize(
    ("key", "kind", "number", "text_part", "parent", "member", "officer", "deadline", "first",
     "last"),
    [
        # start of the document
        ("activity-1.1.1", "activity", "1.1.1", "secure local employment through S106",
         "outcome-1.1", "Cabinet Member for Work and Economic Growth, Cabinet Member for "
         "Strategic Development", None, "31 March 2018", 12, 12),
        ("key-deliverable-1.1.1-1", "key-deliverable", None, "Deliver construction training",
         "activity-1.1.1", None, "Andy Scott (PLACE)", "31 March 2018", 14, 14),
        ("key-deliverable-1.2.1-1", "key-deliverable", None, "Launch Mayor's apprenticeship fund",
         "activity-1.2.1", None, "Andy Scott (PLACE)", "31 May 2017", 24, 24),
        # wrapped deliverable (line 30 continues line 29), two officers
        ("key-deliverable-1.2.1-6", "key-deliverable", None,
         "establishing a Leaving Care Employment Panel to plan and coordinate our offer",
         "activity-1.2.1", None, "Nasima Patel (CS) / Andy Scott (PLACE)", "31 December 2017",
         29, 30),
        # merged repeats, lines 32-35: one record, owner and text from the most complete forms
        ("activity-1.2.2", "activity", "1.2.2",
         "including by moving from grant giving to commissioning for employment services",
         "outcome-1.2", "Cabinet Member for Culture & Cabinet Member for Work and Economic Growth",
         None, "31 March 2018", 32, 34),
        ("key-deliverable-1.2.2-1", "key-deliverable", None,
         "Provide a construction based ESOL programme to 30 - 50 trainees in partnership with",
         "activity-1.2.2", None, None, None, 35, 35),
        ("key-deliverable-1.3.1-3", "key-deliverable", None, "Improve social care front door",
         "activity-1.3.1", None, "Nasima Patel, Christine McInnes (CS)", "30 September 2017",
         46, 46),
        # deadline printed in Cyrillic look-alikes ("ТВС"), repaired to TBC
        ("key-deliverable-1.3.4-1", "key-deliverable", None, "Redevelop the Norman Grove site",
         "activity-1.3.4", None, "Ann Sutcliffe (PLACE)", "TBC", 62, 62),
        ("key-deliverable-1.3.5-6", "key-deliverable", None,
         "that are being introduced as part of the post-Wolf review.", "activity-1.3.5", None,
         "Christine McInnes (CS)", "31 March 2018", 76, 77),
        # middle: the merged 1.3.6 block, lines 79-82
        ("activity-1.3.6", "activity", "1.3.6", "Support all young people to access enrichment",
         "outcome-1.3", "Deputy Mayor Education and Children's Services", None, "31 March 2018",
         81, 81),
        ("key-deliverable-1.3.6-2", "key-deliverable", None,
         "Undertake annual consultation in the Summer with young people", "activity-1.3.6",
         None, None, None, 82, 82),
        ("key-deliverable-1.4.3-1", "key-deliverable", None,
         "Develop and Implement a 'Health Creation' programme with residents", "activity-1.4.3",
         None, "Somen Banerjee (HAC)", "31 March 2018", 103, 103),
        # line 111 truncated twin, line 112 two deliverables, two officers, two dates
        ("key-deliverable-1.4.4-2", "key-deliverable", None,
         "awareness of carers through training and awareness-raising activity", "activity-1.4.4",
         None, "Luke Addams (HAC)", "31 March 2018", 111, 112),
        ("key-deliverable-1.4.4-3", "key-deliverable", None,
         "Increase levels of control over care and support by promoting direct payments",
         "activity-1.4.4", None, "Luke Addams (HAC)", "31 March 2018", 112, 112),
        ("key-deliverable-1.4.5-2", "key-deliverable", None, "London Healthy Workplace Charter",
         "activity-1.4.5", None, "Somen Banerjee (HAC) / Gill Forward (RES)", None, 119, 119),
        ("key-deliverable-1.4.5-3", "key-deliverable", None, "pre-apprenticeship programme",
         "activity-1.4.5", None, "Luke Addams (HAC) / Karen Sugars (HAC) / Stuart Young (RES)",
         "31 March 2018", 120, 120),
        # lead member wrapped over two lines above and two below its row (142-146)
        ("activity-1.5.1", "activity", "1.5.1", "Mitigate the impact of welfare reform",
         "outcome-1.5", "Statutory Deputy Mayor and Cabinet Member for Housing Management and "
         "Performance Cabinet Member for Work and Economic Growth", None, "31 March 2018", 142,
         146),
        # 1.5.3: lines 173-176, three deliverables recovered from merged rows
        ("key-deliverable-1.5.3-1", "key-deliverable", None,
         "at the school governing bodies meetings", "activity-1.5.3", None,
         "Somen Banerjee (HAC)", "31 March 2018", 173, 173),
        ("key-deliverable-1.5.3-2", "key-deliverable", None,
         "so that parents are better equipped to contribute to improving the health of their "
         "child", "activity-1.5.3", None, "Somen Banerjee (HAC)", "30 September 2017", 175, 176),
        ("key-deliverable-1.5.3-3", "key-deliverable", None,
         "Implement the 'Healthy Mile' programme in schools, to tackle obesity in school children",
         "activity-1.5.3", None, None, None, 176, 176),
        ("activity-1.5.4", "activity", "1.5.4", "Respect, value and celebrate our cultural",
         "outcome-1.5", "Cabinet Member for Culture, Statutory Deputy Mayor (Lead for Faith "
         "Communities)", None, "31 March 2018", 179, 179),
        ("key-deliverable-2.2.1-9", "key-deliverable", None, "Spend £Xm in right to buy",
         "activity-2.2.1", None, "Ann Sutcliffe (PLACE)", "31 March 2018", 205, 205),
        ("key-deliverable-2.2.2-1", "key-deliverable", None,
         "Continue to build 1,000 new Council homes", "activity-2.2.2", None,
         "Mark Baigent (PLACE)", "31 March 2018", 209, 209),
        # the plan prints "1." a second time under 2.2 (homelessness, lines 211-214)
        ("activity-2.2.1-2", "activity", "2.2.1", "Tackle homelessness", "outcome-2.2",
         "Statutory Deputy Mayor and Cabinet Member for Housing Management and Performance",
         None, "31 March 2018", 211, 211),
        ("key-deliverable-2.2.1-2-1", "key-deliverable", None,
         "Develop new Council owned temporary accommodation portfolio - 100 out of borough",
         "activity-2.2.1-2", None, None, None, 214, 214),
        # end of the document: priority three has no outcomes
        ("activity-3.4", "activity", "3.4", "Deliver the One HR Plan", "priority-outcome-3",
         "Cabinet Member for Resources", None, "31 March 2018", 266, 266),
        ("key-deliverable-3.4-1", "key-deliverable", None, "Revise employment policies & practice",
         "activity-3.4", None, "Stuart Young (RES)", "1 September 2017", 268, 268),
    ],
)
def test_records(doc: DocumentRecords, key: str, kind: str, number: str | None, text_part: str,
                 parent: str, member: str | None, officer: str | None, deadline: str | None,
                 first: int, last: int) -> None:
    c = _c(doc, key)
    assert (c.kind, c.number, c.parent) == (kind, number, parent)
    assert text_part in c.text
    assert (c.lead_member, c.lead_officer, c.directorate, c.deadline) == (member, officer, None,
                                                                           deadline)
    assert (c.span.first, c.span.last) == (first, last)


def test_merged_repeats_are_consumed_as_duplicates(doc: DocumentRecords) -> None:
    consumed = doc.ledger.consumed
    assert consumed[33] == "activity-1.2.2"  # the first form with text: "Activity 2. ... support,"
    assert consumed[32] == consumed[34] == "merged duplicate of activity-1.2.2"
    assert consumed[35] == "key-deliverable-1.2.2-1"  # the activity repeat carries a new deliverable
    assert consumed[79] == consumed[80] == "merged duplicate of activity-1.3.6"
    assert consumed[174] == "merged duplicate of key-deliverable-1.5.3-1"
    assert consumed[212] == consumed[213] == "merged duplicate of activity-2.2.1-2"
    texts = [c.text for c in doc.commitments if c.kind == "activity"]
    assert sum(t.startswith("Improve the quality and availability of skills") for t in texts) == 1


def test_sef_mark_becomes_a_flag(doc: DocumentRecords) -> None:
    c = _c(doc, "key-deliverable-1.3.5-5")
    assert c.text.endswith("post-16 provision") and c.flags == ("sef",)
    assert _c(doc, "activity-1.4.7").flags == ("sef",)
    assert _c(doc, "activity-1.4.6").flags == ()


def test_detection(tmp_path: Path, doc: DocumentRecords) -> None:
    lines = doc.info.path.read_text(encoding="utf-8").split("\n")
    excerpt = tmp_path / "some-equality-plan.txt"
    excerpt.write_text("\n".join(lines[:130]), encoding="utf-8")
    other = replace(doc.info, id="excerpt", path=excerpt)
    assert detect_layout(load_lines(other))[0] == "equality-delivery-plan"
    for i in load_manifest(MANIFEST):
        score = equality_delivery_plan.detect(load_lines(i))
        assert (score >= 0.5) == (i.id == DOC), i.id
