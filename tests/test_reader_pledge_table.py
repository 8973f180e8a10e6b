"""The 2023/24 Annual Delivery Plan, read by the pledge-table reader.

Every expected value below was read from corpus/tower-hamlets-annual-delivery-plan-2023-24.txt
by eye (sed -n 'Np'), not taken from the program's output.
"""

from __future__ import annotations

import pytest

from graph_builder.records import Commitment, DocumentRecords

CM_EDU = ("Councillor Maium Talukdar- Deputy Mayor and Cabinet Member for Education, Youth and "
          "Lifelong Learning (Statutory Deputy Mayor)")
CM_RES = "Councillor Saied Ahmed - Cabinet Member for Resources and the Cost of Living"
CM_REGEN = ("Councillor Kabir Ahmed - Cabinet Member for Regeneration, Inclusive Development and "
            "Housebuilding")
CM_ENV = "Councillor Kabir Hussain - Cabinet Member for Environment and the Climate Emergency"
CM_HEALTH = ("Councillor Gulam Kibria Choudhury - Cabinet Member for Health, Wellbeing and "
             "Social Care")
MAYOR = "Mayor - Lutfur Rahman"


def by_key(doc: DocumentRecords) -> dict[str, Commitment]:
    return {c.key: c for c in doc.commitments}


# key, line, text starts with, parent, directorate, lead member, state text
ROWS = [
    ("deliverable-1.01", 6, "Deliver support to up to 1250 eligible college/sixth form students "
     "with £400 maintenance grant", "pledge-1.01", "Children & Culture", CM_EDU, None),
    ("pledge-1.01", 6, "Deliver the Mayor's Education Maintenance Allowance fund", "priority-1",
     None, None, None),
    ("deliverable-1.03", 8, "Implement the Homelessness Transformation programme", "pledge-1.03",
     "Place", CM_RES, None),
    ("deliverable-1.06", 15, "Develop an approach to the Council Tax and Adult Social Care precept",
     "pledge-1.06", "Resources", CM_RES, None),
    # number glued to the pledge text in one cell
    ("pledge-2.01", 22, "Work with developers and housing associations to build a minimum of 1000 "
     "social homes", "priority-2", None, None, None),
    ("deliverable-2.01", 22, "Assist the delivery of 1,000 affordable homes this year",
     "pledge-2.01", "Place", CM_REGEN, None),
    # state rows: no deliverable record, the owners answer for the pledge
    ("pledge-2.03", 24, "Establish a Housing Emergency Task Force", "priority-2", "Place",
     CM_REGEN, "This pledge is complete."),
    ("pledge-2.15", 48, "Review car-free zones", "priority-2", "Place", CM_ENV,
     "No 2023/24 deliverable. Addressed through 2.02"),
    # <p> tags stripped from every cell
    ("pledge-2.16", 53, "Planning & infrastructure Refresh the Development Plan", "priority-2",
     None, None, None),
    ("deliverable-2.16", 53, "The Council's Code of Construction Practice adopted and published",
     "pledge-2.16", "Place", CM_REGEN, None),
    ("pledge-3.07", 68, "An in-house comprehensive curriculum based youth service (3.06 "
     "incorporates 3.07)", "priority-3", "Children & Culture", CM_EDU,
     "No 2023/24 deliverable. 3.06 incorporates 3.07"),
    ("deliverable-3.12", 77, "Work with partners to progress priority areas of our digital "
     "inclusion action plan.", "pledge-3.12", "Chief Executive's Office",
     "Councillor Suluk Ahmed - Cabinet Member for Equalities and Social Inclusion", None),
    ("deliverable-4.14", 130, "Identify potential sites for a Community Land Trust", "pledge-4.14",
     "Place", CM_RES, None),
    ("pledge-4.15", 131, "Appoint a dedicated council officer responsible for Community Wealth "
     "Building", "priority-4", "Place", CM_RES, "Pledge complete"),
    ("deliverable-5.01", 139, "Insource leisure centres", "pledge-5.01",
     "Chief Executive's Office", MAYOR, None),
    ("deliverable-5.03", 141, "Implement the waste improvement plan and route optimisation",
     "pledge-5.03", "Place", CM_ENV, None),
    # one pledge number, two deliverable rows
    ("deliverable-5.07", 149, "Deliver high quality care and support services in line with "
     "statutory duties", "pledge-5.07", "Health, Adults and Community", CM_HEALTH, None),
    ("deliverable-5.07-2", 150, "Implementation of improvement plans in Children's Social Care, "
     "SEND and Youth Justice", "pledge-5.07", "Children & Culture", CM_EDU, None),
    ("deliverable-5.19", 174, "Work with partners to reduce barriers in access to community "
     "mental health services.", "pledge-5.19", "Health, Adults and Community", CM_HEALTH, None),
    ("deliverable-5.19-2", 179, "Develop the Young Ambassadors programme", "pledge-5.19",
     "Children & Culture", CM_HEALTH, None),
    ("deliverable-6.07", 199, "Work with the Inter-Faith Forum to address issues impacting the "
     "local community.", "pledge-6.07", "Chief Executive's Office",
     "Councillor Maium Miah Talukdar, Deputy Mayor", None),
    ("pledge-8.03", 279, "Recognise that jamming up main roads reduces the speed of traffic",
     "priority-8", "Place", CM_ENV,
     "No annual deliverable - see 8.02, 8.03, 8.04 and the air quality pledges"),
    # "no annual deliverable" inside the text, not at its start: still a deliverable
    ("deliverable-8.04", 280, "Consult on future highways schemes as appropriate - no annual "
     "deliverable - ongoing action", "pledge-8.04", "Place", CM_ENV, None),
    ("deliverable-8.06", 286, "Agree a Tower Hamlets Partnership Plan with partners",
     "pledge-8.06", "Chief Executive's Office", MAYOR, None),
    ("deliverable-8.06-2", 287, "Community engagement strategy developed for Cabinet approval in "
     "April 2024.", "pledge-8.06", "Chief Executive's Office", MAYOR, None),
    ("pledge-8.08", 289, "Ensure that everyone affected by any proposals will be notified",
     "priority-8", "Chief Executive's Office", MAYOR,
     "No 2023/24 deliverable. This is covered by 8.05."),
    ("deliverable-8.14", 303, "The council's revised Performance Management and Accountability "
     "Framework is agreed and operational", "pledge-8.14", "Chief Executive's Office", MAYOR, None),
    ("deliverable-8.14-2", 304, "Deliver the savings objective", "pledge-8.14", "Resources",
     CM_RES, None),
]


@pytest.mark.parametrize(("key", "line", "text", "parent", "directorate", "lead", "state"), ROWS,
                         ids=[r[0] for r in ROWS])
def test_row(adp: DocumentRecords, key: str, line: int, text: str, parent: str,
             directorate: str | None, lead: str | None, state: str | None) -> None:
    c = by_key(adp)[key]
    assert c.text.startswith(text)
    assert "<p>" not in c.text and "</p>" not in (c.lead_member or "")
    assert (c.span.first, c.span.last) == (line, line)
    assert c.span.text.startswith(key.split("-")[1].split("-")[0])  # the row as printed
    assert c.parent == parent
    assert c.directorate == directorate
    assert c.lead_member == lead
    assert c.state_text == state


def test_state_rows_make_no_deliverable(adp: DocumentRecords) -> None:
    keys = by_key(adp)
    for number in ("2.03", "2.15", "3.07", "3.13", "4.15", "8.03", "8.08", "8.10"):
        assert f"deliverable-{number}" not in keys
        assert keys[f"pledge-{number}"].state_text


def test_counts_by_kind(adp: DocumentRecords) -> None:
    # Counted by reading the document: "Priority 1".."Priority 8" headings; 141 rows start with
    # a pledge number (grep -cE '^[0-9]\.[0-9]+'), 137 distinct numbers (5.07, 5.19, 8.06, 8.14
    # twice); 6 rows say the pledge is complete and 15 start "No annual/2023/24 deliverable",
    # so 141 - 21 = 120 deliverable rows.
    assert adp.counts() == {"priority": 8, "pledge": 137, "deliverable": 120}
    numbers = [c.number for c in adp.commitments if c.kind == "deliverable"]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    assert repeated == ["5.07", "5.19", "8.06", "8.14"]


def test_priorities_and_ambitions(adp: DocumentRecords) -> None:
    sections = {s.key: s for s in adp.sections}
    assert sections["priority-1"].title == "Tackling the Cost of Living Crisis"
    assert sections["priority-1"].ambition == ("No child will go hungry, and no pensioner will go "
                                               "cold for the next four years.")
    assert (sections["priority-1"].span.first, sections["priority-1"].span.last) == (4, 5)
    # title and ambition in one cell
    assert sections["priority-3"].title == "Accelerate Education"
    assert sections["priority-3"].ambition == "Every child achieves their best in education."
    assert sections["priority-5"].title == "Invest in public services"
    assert sections["priority-8"].title == "A council that listens and works for everyone"
    assert sections["priority-8"].ambition.startswith("Residents benefit from accessible")


def test_ledger_accounts_for_every_line(adp: DocumentRecords) -> None:
    # 304 lines; page titles and header rows are furniture, not data; nothing unplaced.
    assert adp.ledger.unplaced == {}
    furniture = {n for n, what in adp.ledger.consumed.items() if what.startswith("furniture")}
    assert 12 in furniture and 27 in furniture  # "Strategic Plan: Annual Delivery Plan 2023/24"
    assert 3 in furniture and 19 in furniture  # "Pledge/Policy ... Annual deliverable" headers
    assert adp.ledger.consumed[150] == "deliverable-5.07-2"
