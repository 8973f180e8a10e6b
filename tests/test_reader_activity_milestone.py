"""The 2014/15 Strategic Plan, read by the activity-milestone reader.

Every expected value below was read from corpus/tower-hamlets-strategic-plan-2014-15.txt by eye
(sed -n 'N,Mp' / grep -n), not taken from the program's output.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from graph_builder.build import default_manifest
from graph_builder.manifest import DocumentInfo, load_manifest
from graph_builder.readers import activity_milestone as reader
from graph_builder.readers import detect_layout, read_document
from graph_builder.readers.activity_milestone_ocr import Vocabulary, choose_deadline, is_twin
from graph_builder.readers.base import load_lines
from graph_builder.records import Commitment, DocumentRecords


@pytest.fixture(scope="module")
def manifest() -> dict[str, DocumentInfo]:
    return {d.id: d for d in load_manifest(default_manifest())}


@pytest.fixture(scope="module")
def sp(manifest: dict[str, DocumentInfo]) -> DocumentRecords:
    return read_document(manifest["sp-2014-15"])


def by_key(doc: DocumentRecords) -> dict[str, Commitment]:
    return {c.key: c for c in doc.commitments}


RK = "Cllr Rabina Khan"
DM = "Deputy Mayor, Cllr Oliur Rahman"
JO = "Jackie Odunoye (D&R)"

# key, kind, parent, text (or its start), lead member, lead officer, directorate, deadline,
# first line, last line, variants
ROWS = [
    # garbled twin first ("Pohin Hood Cardons"), clean second; deadline only beside the garbled one
    ("activity-1.1.2", "activity", "priority-1.1",
     "Deliver regeneration at Robin Hood Gardens and the Ocean Estate", RK, JO, "D&R",
     "31/03/2015", 420, 421, ("Deliver regeneration at Pohin Hood Cardons and the Ocean Estate",)),
    # wrapped text, not a twin; garbled date 21/02/2015 on line 1, clean 31/03/2015 on line 2
    ("activity-1.1.4", "activity", "priority-1.1",
     "Deliver housing, a leisure centre and community facilities at Poplar Baths / Dame Colett "
     "House", RK, "Ann Sutcliffe (D&R)", "D&R", "31/03/2015", 436, 437, ()),
    # lead member on the text line, officer on a text-less line
    ("activity-1.1.6", "activity", "priority-1.1", "Plan effectively to deliver high volumes of "
     "affordable housing and funding for infrastructure (including provision for healthcare and "
     "education)", "Cllr Rabina Khan, Cllr Rofique Ahmed", "Owen Whalley (D&R)", "D&R",
     "31/03/2015", 457, 458, ()),
    # both twin dates valid: 20/02/2015 beside the garbled text, 30/03/2015 beside the clean one
    ("activity-1.2.1", "activity", "priority-1.2",
     "Reduce the number of Council homes that fall below a decent standard", RK, JO, "D&R",
     "30/03/2015", 468, 469,
     ("Deduce the number of Council homes that fall helps, a depent standard",)),
    # text-less second line with 01/12/2014: the month-end date 31/12/2014 wins
    ("activity-1.2.2", "activity", "priority-1.2", "Improve the quality of housing services", RK,
     JO, "D&R", "31/12/2014", 476, 477, ()),
    # member and officer run together in one cell
    ("activity-1.3.1", "activity", "priority-1.3",
     "Progress the Carbon Reduction Plan for Council buildings",
     "Cllr Alibor Choudhury / Cllr Shahed Ali", JO, "D&R", "31/03/2015", 503, 503, ()),
    # garbled deadline 01/00/2010 on the officer line
    ("activity-1.4.1", "activity", "priority-1.4",
     "Manage national planning changes effectively to deliver local priorities", RK,
     "Owen Whalley (D&R)", "D&R", "31/03/2015", 555, 556, ()),
    ("activity-1.4.5", "activity", "priority-1.4", "Deliver a Multi-Faith burial ground",
     "Mayor Lutfur Rahman", "Ann Sutcliffe (D&R)", "D&R", "31/05/2015", 585, 585, ()),
    # hyphen wrap "two-year-" + "olds"
    ("activity-2.1.2", "activity", "priority-2.1", "Expand free early education places of high "
     "quality for disadvantaged two-year-olds", "Cllr Gulam Robbani", "Anne Canning (ESW)", "ESW",
     "31/03/2015", 648, 649, ()),
    # the only deadline printed is impossible: kept raw
    ("activity-2.1.3", "activity", "priority-2.1", "Raise attainment and narrow the gap between "
     "the lowest 20% and the median of all children at the end of the Early Years Foundation "
     "Stage (EYFS)", "Cllr Gulam Robbani", "Anne Canning (ESW)", "ESW", "51/07/2014", 655, 656,
     ()),
    # text and member both wrap over three lines; 31/02/2015 is impossible and has no twin
    ("activity-2.1.7", "activity", "priority-2.1", "Assist more people into further education "
     "and to university, and continue to deliver the Mayor's Education Allowance (MEA) and "
     "Mayor's Higher Education Award (MHEA)", "Cllr Gulam Robbani / Cllr Alibor Choudhury",
     "Anne Canning (ESW)", "ESW", "31/02/2015", 686, 688, ()),
    # several officers and directorates; "- 31/03/2015" printed with a stray dash
    ("activity-2.2.1", "activity", "priority-2.2",
     "Support residents into jobs through employment and skills programmes",
     DM + " / Cllr Abdul Asad", "Andy Scott (D&R), Bozena Allen, Deborah Cohen (ESW)",
     "D&R / ESW", "31/03/2015", 713, 714, ()),
    # the action plan lost its "Strategic Priority 2.4" heading; the outline places it there
    ("activity-2.4.1", "activity", "priority-2.4", "Support local businesses", DM,
     "Andy Scott (D&R)", "D&R", "31/03/2015", 771, 771, ()),
    # clean but truncated twin first (line 877)
    ("activity-4.1.3", "activity", "priority-4.1", "Embed integrated governance arrangements "
     "through the Tower Hamlets Health and Wellbeing Board to maximise health and wellbeing "
     "outcomes", "Mayor Lutfur Rahman / Cllr Abdul Asad",
     "Louise Russell (CE), Deborah Cohen (ESW), Somen Banerjee (Public Health)",
     "CE / ESW / Public Health", "31/03/2015", 877, 878, ()),
    # garbled and truncated twin
    ("activity-4.1.4", "activity", "priority-4.1", "Use Public Health expertise within a Council "
     "and Partnership-wide approach to reduce health inequalities for all sections of the "
     "community", "Mayor Lutfur Rahman, Cllr Abdul Asad",
     "Louise Russell (LPG), Somen Banerjee (Public Health), Andy Bamber (CLC)",
     "LPG / Public Health / CLC", "31/03/2015", 885, 886,
     ("Lies Dublis Liesth synartics within a Council and Darthership wide enpressed to",)),
    # twin words that are both English: "eduction" is found nowhere else in the document
    ("activity-4.4.3", "activity", "priority-4.4", "Introduce improvements to the adoption system",
     "Cllr Gulam Robbani", "Steve Liddicott (ESW)", "ESW", "31/03/2015", 966, 967,
     ("Introduce improvements to the eduction system",)),
    # identical twins
    ("activity-5.2.3", "activity", "priority-5.2", "Improve revenue collection",
     "Cllr Alibor Choudhury", "Roger Jones (RES)", "RES", "31/03/2015", 1026, 1027, ()),
    # the clean twin's date 51/03/2015 is impossible; the garbled twin's 31/03/2015 is kept
    ("activity-5.2.4", "activity", "priority-5.2",
     "Develop Progressive Partnerships to further the Mayor's social objectives",
     "Cllr Alibor Choudhury", "Zamil Ahmed (RES)", "RES", "31/03/2015", 1032, 1033,
     ("Develop Prograasive Pertnerships to further the Mayer's social chiestives",)),
    ("activity-5.2.8", "activity", "priority-5.2", "Prioritise frontline services whilst "
     "delivering the Council's budget strategy during a period of declining resources",
     "Cllr Alibor Choudhury", "Chris Holme, Richard Lungley and John Jones (RES)", "RES",
     "30/11/2014", 1070, 1071,
     ("Drighting frontling convision whilet delivering the Council's budget strategy during",)),
    ("milestone-1.1.1-1", "milestone", "activity-1.1.1", "Meet with developing RPs twice, to "
     "agree the number, location, size and timing of their schemes", None, JO, "D&R",
     "30/09/2014", 412, 412, ()),
    ("milestone-1.1.6-3", "milestone", "activity-1.1.6", "Adopt South Quay Masterplan", None,
     "Owen Whalley (D&R)", "D&R", "31/02/2015", 462, 462, ()),
    # a list under "...programme:", sharing the officer and deadline printed beside item 1
    ("milestone-1.3.2-3", "milestone", "activity-1.3.2", "Deliver projects towards improving air "
     "quality under the Air Quality Strategy programme:", None, "Andy Bamber (CLC)", "CLC",
     "31/03/2015", 517, 520, ()),
    ("milestone-1.3.2-3.2", "milestone", "milestone-1.3.2-3",
     "Deliver and evaluate a pilot No-idling project at Tower Bridge", None, "Andy Bamber (CLC)",
     "CLC", "31/03/2015", 519, 519, ()),
    ("milestone-2.2.2-1", "milestone", "activity-2.2.2", "Increase and improve the labour market "
     "information provided to young people, schools and parents, focusing on growth areas", None,
     "Dianna Warne (ESW), Andy Scott (D&R)", "ESW / D&R", "31/07/2014 and quarterly", 728, 728,
     ()),
    ("milestone-3.3.1-2.1", "milestone", "milestone-3.3.1-2", "Black History Month", None,
     "Louise Russell (LPG)", "LPG", "30/09/2013", 840, 840, ()),
    # header words merged into the row: "Lead Officer Louise Russell ...", "Deadline 31/03/2015"
    ("milestone-4.1.3-1", "milestone", "activity-4.1.3",
     "Provide support in the embedding of the commissioned Healthwatch service", None,
     "Louise Russell (CE), Deborah Cohen (ESW)", "CE / ESW", "31/03/2015", 880, 880, ()),
    # the row above merged in front of this one's text (which the PDF cut after "devise")
    ("milestone-4.1.3-2", "milestone", "activity-4.1.3", "Use the Tower Hamlets Health and "
     "Wellbeing Board meetings to track NHS proposals and changes that will impact Tower Hamlets "
     "residents and devise", None, "Louise Russell (CE), Deborah Cohen (ESW)", "CE / ESW",
     "31/03/2015", 882, 882, ()),
    # after a blank line inside the milestone list
    ("milestone-4.2.2-6", "milestone", "activity-4.2.2", "Re-commission mental health services "
     "to improve their ability to enable people to live safe, independent and fulfilled lives in "
     "the community", None, "Bozena Allen, Deborah Cohen (ESW)", "ESW", "30/03/2015", 928, 928, ()),
    # under the header the OCR read "Vilestone"
    ("milestone-5.1.2-1", "milestone", "activity-5.1.2", "Two recruitment campaigns to take place "
     "on an annual basis for disabled residents to support them into employment or vocational "
     "studies", None, "Simon Kilbey (RES)", "RES", "31/03/2015", 987, 987, ()),
    # officer without a directorate
    ("milestone-5.2.3-2", "milestone", "activity-5.2.3", "Implement the Council Tax Discount "
     "award scheme, to support low income households who are entitled to partial council tax "
     "support", None, "Roger Jones", None, "31/05/2014", 1030, 1030, ()),
    # wrapped text; the wrap line carries a garbled 01/00/2010
    ("milestone-5.2.7-5", "milestone", "activity-5.2.7", "Deliver the internal audit plan to "
     "ensure key strategic risks are adequately evaluated", None, "Minesh Jani (RES)", "RES",
     "01/03/2015", 1067, 1068, ()),
    ("milestone-5.2.8-3", "milestone", "activity-5.2.8", "Maintain strong and effective financial "
     "management and control, supported by ongoing budget manager training", None,
     "Richard Lungley and John Jones (RES)", "RES", "30/11/2014", 1075, 1075, ()),
]


@pytest.mark.parametrize(("key", "kind", "parent", "text", "member", "officer", "directorate",
                          "deadline", "first", "last", "variants"), ROWS)
def test_record(sp: DocumentRecords, key: str, kind: str, parent: str, text: str,
                member: str | None, officer: str, directorate: str | None, deadline: str,
                first: int, last: int, variants: tuple[str, ...]) -> None:
    c = by_key(sp)[key]
    assert (c.kind, c.parent, c.text) == (kind, parent, text)
    assert (c.lead_member, c.lead_officer, c.directorate) == (member, officer, directorate)
    assert c.deadline == deadline
    assert (c.span.first, c.span.last) == (first, last)
    assert c.variants == variants
    assert c.flags == ()


def test_activity_numbers(sp: DocumentRecords) -> None:
    c = by_key(sp)
    assert c["activity-1.1.2"].number == "1.1.2"
    assert c["activity-5.2.8"].number == "5.2.8"


@pytest.mark.parametrize(("key", "line", "text", "flags"), [
    ("measure-1-1", 338, "Number of affordable homes delivered", ()),
    ("measure-1-2", 339, "Number of affordable social rented housing completions for families "
     "(gross)", ("sef",)),
    ("measure-2-3", 352, "Achievement of 5 or more A*- C grades at GCSE or equivalent including "
     "English and Maths", ("sef",)),
    # the star marks only the "DV only" part as SEF: kept as printed, flagged
    ("measure-3-7", 370, "Total number of Violence with Injury Offences (Total, DV only* and Exc. "
     "DV)", ("sef",)),
    ("measure-4-2", 382, "Smoking prevalence (overall)", ()),
    ("measure-5-9", 402, "Percentage of non-domestic rates collected", ()),
])
def test_measure(sp: DocumentRecords, key: str, line: int, text: str,
                 flags: tuple[str, ...]) -> None:
    c = by_key(sp)[key]
    assert (c.kind, c.text, c.flags, c.span.first, c.span.last) == ("measure", text, flags, line, line)
    assert c.parent == f"theme-{key.split('-')[1]}"
    assert (c.lead_member, c.lead_officer, c.deadline) == (None, None, None)


def test_sections(sp: DocumentRecords) -> None:
    s = {x.key: x for x in sp.sections}
    t1 = s["theme-1"]
    assert (t1.title, t1.number, t1.span.first) == ("A Great Place to Live", "1", 91)
    assert t1.ambition and t1.ambition.startswith("Tower Hamlets will be a place where people live")
    assert (s["theme-5"].title, s["theme-5"].span.first) == ("One Tower Hamlets", 99)
    p = s["priority-1.1"]
    assert (p.title, p.parent, p.span.first) == ("Provide good quality affordable housing",
                                                 "theme-1", 407)
    # heading split over two cells
    assert s["priority-2.3"].title == ("Manage the impact of welfare reform on local residents "
                                       "and maximising incomes")
    # heading split mid-word: "minimis" | "ing harm and neglect"
    assert s["priority-4.4"].title == ("Keep vulnerable children, adults and families safer, "
                                       "minimising harm and neglect")
    assert s["priority-4.4"].span.first == 946
    # no "Strategic Priority 2.4" heading in the action plan: taken from the priorities list
    p24 = s["priority-2.4"]
    assert (p24.title, p24.parent, p24.span.first) == ("Foster enterprise and entrepreneurship",
                                                       "theme-2", 119)
    assert s["priority-5.2"].title == "Work efficiently and effectively as One Council"


def test_counts_by_kind(sp: DocumentRecords) -> None:
    # themes: the five "Five Themes" lines 91-99. priorities: the 19 entries of the list at lines
    # 105-138 (18 have a "Strategic Priority" heading; grep -c '^Strategic Priority' -> 18).
    # measures: the "- " bullets in lines 336-402 (9 + 9 + 14 + 10 + 9).
    # activities: grep -c '^Activity<TAB>Lead Member, Lead Officer' -> 77.
    # milestones: the 311 non-blank rows under the 77 Milestone headers, less the wrapped line
    # 1068 and the repeated officer cell 881 = 309 (301 rows + 2 list intros' 3 + 5 items: the
    # items are milestones too).
    assert sp.counts() == {"theme": 5, "priority": 19, "measure": 51, "activity": 77,
                           "milestone": 309}
    assert sum(1 for c in sp.commitments if "sef" in c.flags) == 24  # grep '\*' in 338-402


def test_ledger(sp: DocumentRecords) -> None:
    assert sp.ledger.unplaced == {}
    led = sp.ledger.consumed
    garbled = {n for n, what in led.items() if what.startswith("garbled twin of ")}
    # the garbled readings found by reading the action plan line by line
    assert garbled == {409, 420, 428, 468, 541, 547, 563, 670, 704, 749, 755, 781, 824, 847, 885,
                       948, 966, 996, 1002, 1032, 1070}
    assert led[420] == "garbled twin of activity-1.1.2"
    assert led[877] == "merged duplicate of activity-4.1.3"
    assert led[881] == "merged duplicate of milestone-4.1.3-1"
    assert led[1027] == "merged duplicate of activity-5.2.3"
    assert led[986].startswith("furniture: milestone table header")
    assert led[406] == "furniture: action-plan heading of theme-1"
    assert led[119] == "priority-2.4"
    assert led[7].startswith("narrative:")
    assert led[158] == "narrative: outline entry restating activity-1.1.1"
    # every line of a record's span is accounted to it (or to its twin / a list inside it)
    for c in sp.commitments:
        for n in range(c.span.first, c.span.last + 1):
            assert n in led or not sp.info.path.read_text().split("\n")[n - 1].strip()


def test_detects_excerpt(tmp_path: Path, manifest: dict[str, DocumentInfo]) -> None:
    info = manifest["sp-2014-15"]
    text = "\n".join(info.path.read_text(encoding="utf-8").split("\n")[405:465])
    path = tmp_path / "some-council-plan.txt"
    path.write_text(text, encoding="utf-8")
    other = replace(info, id="other", path=path, layout="unknown", sha256=None,
                    period_start=date(2014, 4, 1))
    assert detect_layout(load_lines(other))[0] == "activity-milestone"


def test_other_documents_not_detected(manifest: dict[str, DocumentInfo]) -> None:
    for doc_id, info in manifest.items():
        score = reader.detect(load_lines(info))
        assert (score >= 0.5) == (doc_id == "sp-2014-15"), doc_id


def test_ocr_helpers() -> None:
    years = range(2014, 2017)
    assert choose_deadline([("21/02/2015", False), ("31/03/2015", False)], years) == "31/03/2015"
    assert choose_deadline([("20/02/2015", False), ("30/03/2015", True)], years) == "30/03/2015"
    assert choose_deadline([("31/03/2015", False), ("51/03/2015", True)], years) == "31/03/2015"
    assert choose_deadline([("28/02/2015", True), ("20/02/2013", False)], years) == "28/02/2015"
    assert choose_deadline([("31/02/2015", True)], years) == "31/02/2015"
    assert choose_deadline([], years) is None
    assert is_twin("Load regeneration in Denlar", "Lead regeneration in Poplar")
    assert not is_twin("Ensure sufficient places are provided to meet the need for statutory "
                       "school", "places")
    vocab = Vocabulary(["minimising harm", "two-year-olds"])
    assert vocab.join("families safer, minimis", "ing harm") == "families safer, minimising harm"
    assert vocab.join("Poplar Baths / Dame", "Colett House") == "Poplar Baths / Dame Colett House"
