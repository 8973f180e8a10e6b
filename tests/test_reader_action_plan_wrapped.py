"""The 2011/12 Year 2 Action Plan, read by the action-plan-wrapped reader.

Every expected value below was read from
corpus/tower-hamlets-strategic-plan-action-plan-2011-12.txt by eye (sed -n 'N,Mp' | cat -A),
not taken from the program's output.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from graph_builder.build import default_manifest
from graph_builder.manifest import DocumentInfo, load_manifest
from graph_builder.readers import action_plan_wrapped, detect_layout, read_document
from graph_builder.readers.base import load_lines
from graph_builder.records import Commitment, DocumentRecords

CE = "Chief Executive's"
DR = "Development and Renewal"
CLC = "Communities, Localities & Culture"
CLC_AND = "Communities, Localities and Culture"
CSF = "Children, Schools and Families"
AHW = "Adults, Health and Wellbeing"
MAYOR = "Mayor Lutfur Rahman"


@pytest.fixture(scope="module")
def docs() -> dict[str, DocumentInfo]:
    return {d.id: d for d in load_manifest(default_manifest())}


@pytest.fixture(scope="module")
def sp(docs: dict[str, DocumentInfo]) -> DocumentRecords:
    return read_document(docs["sp-2011-12"])


def by_key(doc: DocumentRecords) -> dict[str, Commitment]:
    return {c.key: c for c in doc.commitments}


# key, first line, last line, text (exact, or "...tail" / "head..." for a part), parent,
# lead member, lead officer, directorate, deadline
ROWS = [
    ("strategic-action-1.1", 22, 24, "Deliver the Single Equality Framework", "priority-1",
     MAYOR, "Michael Keating", CE, None),
    ("milestone-1.1-1", 22, 22, "New Single Equality Framework agreed",
     "strategic-action-1.1", None, None, None, "(May 2011)"),
    # a merged line: the cell's own lines separated by double spaces
    ("strategic-action-1.2", 25, 26, "Look at how we can better support citizens...",
     "priority-1", MAYOR, "Michael Keating", CE, None),
    ("milestone-1.2-3", 25, 25, "Pilot and roll out of the model through Community Champions "
     "project and work with Pan Disability Panel", "strategic-action-1.2", None, None, None,
     "(October 2012)"),
    ("milestone-1.2-4", 26, 26, "Mayoral programme of public engagement e.g. assemblies and "
     "local scrutiny meetings across 2011/12", "strategic-action-1.2", None, None, None, None),
    # unclosed bracket as printed
    ("milestone-1.3-2", 29, 29, "Locality Forums Project scoped", "strategic-action-1.3",
     None, None, None, "(July 2011 (CLC)"),
    ("milestone-1.4-4", 35, 35, "Deliver three major and three smaller campaigns by March 2012",
     "strategic-action-1.4", None, None, None, "March 2012"),
    ("strategic-action-2.1", 45, 47, "Implement and monitor the activities across the 6 strands "
     "of the Transformation Programme", "priority-2",
     "Cllr Alibor Choudhury, Lead Member for Resources", "Corporate Management Team",
     "All Directorates", None),
    # officers with their roles in brackets, wrapped over four lines
    ("strategic-action-2.2", 49, 54, "Accelerate the disposal programme of surplus property to "
     "reduce running costs and provide capital receipts for investment", "priority-2",
     "Cllr Alibor Choudhury", "Chris Naylor (Smarter Working Programme Sponsor), Nick Coldicott "
     "(Smarter Working Programme Manager) and Andy Algar", "Development & Renewal", None),
    ("milestone-2.2-1", 49, 51, "...lease by June 2013; this plan will deliver savings of "
     "£2.34m from 2013/14.", "strategic-action-2.2", None, None, None, None),
    ("milestone-2.2-3", 54, 54, "Sale of Housing Revenue Funding properties during 2011/12 to "
     "produce £5.0m (gross)", "strategic-action-2.2", None, None, None, "(March 2012)"),
    ("strategic-action-3.1", 66, 69, "Deliver over 396 new affordable rented and intermediate "
     "homes through the partnership with East Thames Housing Association and Bellway Homes "
     "(Ocean Estate)", "priority-3", "Cllr Rania Khan", "Chris Worby", DR, None),
    # the year of this deadline is missing from the page
    ("milestone-4.2-3", 93, 93, "Provide support to the households in fuel poverty...",
     "strategic-action-4.2", None, None, None, "(March"),
    ("milestone-4.3-1", 95, 96, "Publicly launch the Climate Change Strategy to highlight the "
     "issues of Climate Change in the borough", "strategic-action-4.3", None, None, None,
     "(September 2011)"),
    ("strategic-action-6.2", 129, 133, "...providing increased support and access to cycling "
     "for all.", "priority-6", "Cllr Rabina Khan", "Owen Whalley & Jamie Blake",
     f"{DR} / Communities Localities and Culture", None),
    ("milestone-7.1-2", 148, 148, "Draft prototype Locality Action Plan for LAPs 1 & 2 by",
     "strategic-action-7.1", None, None, None,
     "(September 2011 – subject to agreed business case)"),
    # "Guitare" (line 156) is an OCR twin of "Culture", not part of the directorate
    ("strategic-action-7.3", 153, 160, "Develop better ways to work with our partners and "
     "residents", "priority-7", MAYOR, "Shazia Hussein", CLC, None),
    ("milestone-7.3-1", 153, 155, "Develop a tool kit based on the pilot learning from the "
     "Neighbourhood Agreement on the boundary Estate for joining up communities with front line "
     "services", "strategic-action-7.3", None, None, None, "(July 2011)"),
    ("milestone-7.3-5", 159, 160, "...opportunities for adults 2011-12 academic year",
     "strategic-action-7.3", None, None, None, "(one round of meetings per term. TBC)"),
    ("milestone-7.5-4", 170, 172, "Submit Heritage Lottery Fund stage two application",
     "strategic-action-7.5", None, None, None, "(July 2012)"),
    ("milestone-7.7-3", 182, 182, "Building open to public", "strategic-action-7.7", None,
     None, None, "(May 2012)"),
    ("strategic-action-7.8", 183, 186, "Manage the provision of additional schools buildings to "
     "meet the projected pupil increase.", "priority-7", "Cllr Oliur Rahman", "Ann Sutcliffe",
     DR, None),
    ("strategic-action-7.11", 205, 209, "Ensure safe and secure Olympic and Paralympic Games "
     "for all communities and improve local employment rates", "priority-7", MAYOR,
     "Robin Beattie", CLC, None),
    # "and Directorate" of the header leaked into this row's owner cell
    ("strategic-action-9.1", 259, 260, "Promote the value of work with the Employment Task "
     "Group and Work Programme contractor", "priority-9", "Cllr Rabina Khan", "Nick Smales",
     DR, None),
    ("strategic-action-9.2", 261, 263, "Commission research on women and worklessness...",
     "priority-9", "Cllr Rabina Khan", "Nick Smales and Hafsha Ali", f"{DR} / {CE}", None),
    ("strategic-action-10.2", 286, 290, "Commission support and challenge where there is "
     "identified need through school self-evaluation or Ofsted findings", "priority-10",
     "Cllr Oliur Rahman", "Anne Canning", CSF, None),
    ("milestone-10.2-1", 286, 288, "Identify need for support and agree priority areas and work "
     "with schools to broker/commission support", "strategic-action-10.2", None, None, None,
     "(April 2011 on-going process)"),
    # the row printed twice (merged line 297, then wrapped lines 298-301)
    ("strategic-action-10.4", 297, 301, "Increase targeted provision from early years settings "
     "and respond to the Frank Field and Graham Allen Reviews.", "priority-10",
     "Cllr Oliur Rahman", "Anne Canning", CSF, None),
    ("milestone-10.4-2", 297, 297, "Sustain the number of play opportunities delivered outside "
     "of school hours, in schools and community play spaces.", "strategic-action-10.4", None,
     None, None, "(March 2012)"),
    ("milestone-10.4-5", 300, 300, "Provide training and guidance for children's workforce...",
     "strategic-action-10.4", None, None, None, "(March 2012)"),
    ("strategic-action-11.3", 316, 319, "Define boundaries for all of the Borough's town centres "
     "to support town centre investment activities", "priority-11", "Cllr Rabina Khan",
     "Owen Whalley", DR, None),
    ("milestone-11.3-1", 316, 317, "Define scope of the study area in accordance with "
     "recommendations of the Core Strategy/ Local Development Framework",
     "strategic-action-11.3", None, None, None, "(July 2011)"),
    ("strategic-action-13.2", 354, 358, "Implement the Youth Justice Plan and Supporting People "
     "Strategy around supporting people coming out of custody", "priority-13",
     "Cllr Oliur Rahman", "Mary Durkin", "Children's, Schools and Families", None),
    ("milestone-14.2-4", 382, 382, "CRS and Annual Plan approved by April 2012",
     "strategic-action-14.2", None, None, None, "April 2012"),
    ("milestone-15.2-1", 394, 395, "Neighbourhood Agreement agreed between residents and service "
     "providers (April 2011) and rolled out with a 1 year performance framework established",
     "strategic-action-15.2", None, None, None, "(April 2011)"),
    ("strategic-action-16.3", 409, 409, "Consider how work to prevent violent extremism...",
     "priority-16", MAYOR, "Michael Keating", CE, None),
    # "Toopen and to the second second" (line 425) is OCR garbage, not part of the action
    ("strategic-action-17.1", 424, 427, "Prepare for the transition of public health "
     "responsibilities to the Local Authority", "priority-17", MAYOR, "Helen Taylor", AHW, None),
    # five officers, each with a directorate
    ("strategic-action-18.2", 444, 470, "Mainstream the Healthy Borough Programme into the "
     "Council's core activities", "priority-18", MAYOR,
     "Keith Williams (Adults Health and Well Being) / Mary Durkin (Children, Schools and "
     "Families) / Michael Bell (Development and Renewal) / Heather Bonfield (Communities, "
     "Localities and Culture) / Jamie Blake (Communities, Localities and Culture)",
     f"Adults Health and Well Being / {CSF} / {DR} / {CLC_AND}", None),
    ("milestone-18.2-9", 463, 466, "Inclusion of policies within the draft LDF Development "
     "Management Development Plan Document (DPD) to address over concentration of un-healthy "
     "uses and to promote the development of the Tower Hamlets Green Grid",
     "strategic-action-18.2", None, None, None, "(November 2011)"),
    ("milestone-18.2-12", 470, 470, "Transportation & Highways Restructure implemented (1st "
     "April 2011) (mainstreams Active Travel Officer)", "strategic-action-18.2", None, None,
     None, "(1st April 2011)"),
    ("strategic-action-19.1", 477, 483, "Drive forward the transformation of Adult Social Care "
     "with a particular focus on: Shifting resources into preventative services, including "
     "reablement; Developing the external Market of support options; Continuing the roll-out of "
     "personal budgets for those with longer-term needs", "priority-19", MAYOR, "Helen Taylor",
     AHW, None),
    ("milestone-21.2-3", 510, 511, "Lifelong learning to work with in a range of schools to "
     "deliver a family learning programme – 3 Programmes", "strategic-action-21.2", None, None,
     None, "(March 2012 CLC)"),
    ("milestone-21.3-3", 516, 516, "Updated QAF implemented", "strategic-action-21.3", None,
     None, None, "(December 2011)"),
]


@pytest.mark.parametrize(
    ("key", "first", "last", "text", "parent", "member", "officer", "unit", "deadline"), ROWS,
    ids=[r[0] for r in ROWS])
def test_record(sp: DocumentRecords, key: str, first: int, last: int, text: str, parent: str,
                member: str | None, officer: str | None, unit: str | None,
                deadline: str | None) -> None:
    c = by_key(sp)[key]
    assert c.kind == ("strategic-action" if key.startswith("strategic") else "milestone")
    if text.startswith("..."):
        assert c.text.endswith(text[3:])
    elif text.endswith("..."):
        assert c.text.startswith(text[:-3])
    else:
        assert c.text == text
    assert (c.span.first, c.span.last) == (first, last)
    assert c.parent == parent
    assert (c.lead_member, c.lead_officer, c.directorate) == (member, officer, unit)
    assert c.deadline == deadline
    assert c.number is None  # nothing is numbered in the source; keys are positional


def test_ocr_twins_kept_as_variants(sp: DocumentRecords) -> None:
    keys = by_key(sp)
    # line 181 "Duilding apon to public (May 2012)" beside line 182 "Building open to public"
    assert keys["milestone-7.7-3"].variants == ("Duilding apon to public (May 2012)",)
    # line 182 first cell: a garbled copy of the next action's opening words
    assert keys["strategic-action-7.8"].variants == ("Manager Organization of additional "
                                                       "advanta",)
    assert sp.ledger.consumed[181].endswith("garbled twin of milestone-7.7-3")
    assert "Bovolopinioni" not in (keys["strategic-action-11.3"].directorate or "")
    assert "Bovolopinioni and Nonowal" in sp.ledger.consumed[318]
    assert "Guitare" in sp.ledger.consumed[156]
    # two milestones alike in form but not OCR twins stay apart (lines 52-54)
    assert keys["milestone-2.2-2"].text.startswith("Sale of General Fund properties")
    assert keys["milestone-2.2-2"].variants == ()


def test_merged_duplicates(sp: DocumentRecords) -> None:
    # lines 298-299 repeat row 297 in wrapped form: no second action, no repeated milestones
    assert sp.ledger.consumed[298] == "merged duplicate of strategic-action-10.4"
    assert sp.ledger.consumed[299] == "merged duplicate of strategic-action-10.4"
    texts = [c.text for c in sp.commitments if c.parent == "strategic-action-10.4"]
    assert len(texts) == 6  # 4 on line 297 (one cut off at "develop appropriate"), 300, 301
    # line 26 starts with a repeat of line 25's "(October 2012)"
    assert sp.ledger.consumed[26].startswith("merged duplicate of strategic-action-1.2")
    assert "Increase targeted" not in " ".join(c.text for c in sp.commitments
                                                 if c.kind == "milestone")


def test_sections(sp: DocumentRecords) -> None:
    s = {x.key: x for x in sp.sections}
    # heading levels differ (####/##/#), the content decides theme vs priority
    expected = {
        "theme-1": (11, "One Tower Hamlets", None),
        "priority-1": (17, "Reduce inequalities", "theme-1"),
        "priority-2": (37, "Work efficiently and effectively as One Council", "theme-1"),
        "theme-2": (56, "A Great Place to Live", None),
        "priority-3": (58, "Providing quality affordable housing", "theme-2"),
        "priority-7": (139, "Providing effective local services and facilities", "theme-2"),
        "theme-3": (211, "A Prosperous Community", None),
        "priority-8": (219, "Supporting more people into work", "theme-3"),
        "theme-4": (323, "A Safe and Cohesive Community", None),
        "priority-13": (343, "Reducing re-offending", "theme-4"),
        "priority-15": (384, "Fostering greater community cohesion", "theme-4"),
        "theme-5": (411, "A Healthy and Supportive Community", None),
        "priority-21": (498, "Keeping vulnerable children, adults and families safer, "
                              "minimising harm and neglect", "theme-5"),
    }
    for key, (line, title, parent) in expected.items():
        assert (s[key].span.first, s[key].title, s[key].parent) == (line, title, parent), key
        assert s[key].kind == key.split("-")[0]
        # the source prints no numbers for themes or priorities; none are invented
        assert s[key].number is None


def test_counts_by_kind(sp: DocumentRecords) -> None:
    # Themes: the 5 headings with no table of their own (lines 11, 56, 211, 323, 411).
    # Priorities: 21 headings followed by a table (grep -c '^Strategic Action' = 21).
    # Strategic actions: awk -F'\t' 'NF==3 && $1!="" && $2 ~ /^(and Directorate +)?(Mayor|Cllr)/'
    #   finds 69 row starts; line 298 repeats line 297, so 68.
    # Milestones: 179 closing "...yyyy)"/"TBC)" in the milestone column (grep -oE
    #   '(19|20)[0-9]{2}[^()]*\)|TBC\)'), + 3 "(Month yyyy (CLC)" the grep misses, - 3 repeats
    #   (lines 26, 298, 181) = 179; + 25 milestones with no bracketed deadline, read one by one:
    #   lines 25b, 26, 34, 35, 45, 46, 47, 49-51, 93c (year cut off), 149, 156, 158, 297d (cut
    #   off), 378, 380, 381, 382, 396, 441, 447, 448-452, 454-456, 457, 458, 459-461 = 204.
    assert sp.counts() == {"theme": 5, "priority": 21, "strategic-action": 68, "milestone": 204}


def test_ledger(sp: DocumentRecords) -> None:
    # Only the OCR garbage "Toopen and to the second second" (line 425, first cell) is
    # unplaced; the rest of that line is consumed by its milestone.
    assert set(sp.ledger.unplaced) == {425}
    assert "milestone-17.1-2" in sp.ledger.consumed[425]
    consumed = sp.ledger.consumed
    assert consumed[1] == consumed[3] == consumed[7] == "furniture: document title"
    assert consumed[9] == "narrative: document introduction"
    assert consumed[13] == "narrative: theme-1"
    assert consumed[19] == "narrative: priority-1"
    assert consumed[21] == consumed[43] == consumed[44] == "furniture: table header"
    assert consumed[266] == "strategic-action-9.3 (OCR specks only)"  # ", , ,\tl\t"
    # 516 lines, 109 of them blank (awk -F'\t' 'NF==0' | wc -l): every other line accounted for
    assert len(set(consumed) | set(sp.ledger.unplaced)) == sp.line_count - 109 == 407


def test_detect_excerpt(tmp_path: Path, docs: dict[str, DocumentInfo]) -> None:
    info = docs["sp-2011-12"]
    text = info.path.read_text(encoding="utf-8").split("\n")
    excerpt = tmp_path / "some-council-action-plan.txt"
    excerpt.write_text("\n".join(text[328:365]) + "\n", encoding="utf-8")  # lines 329-365
    other = dataclasses.replace(info, id="excerpt", path=excerpt, layout="unknown", sha256=None)
    assert detect_layout(load_lines(other))[0] == action_plan_wrapped.LAYOUT
    doc = read_document(other, check_digest=False)
    assert doc.counts() == {"priority": 2, "strategic-action": 5, "milestone": 13}


def test_other_documents_not_detected(docs: dict[str, DocumentInfo]) -> None:
    for info in docs.values():
        score = action_plan_wrapped.detect(load_lines(info))
        assert (score >= 0.5) == (info.layout == action_plan_wrapped.LAYOUT), info.id
