"""Single Equality Framework delivery plan: outcomes, numbered activities, key deliverables.

Learnt from the Tower Hamlets SEF Delivery Plan 2017/18:
- ``Priority Outcome N:`` / ``Priority three:`` headings, outcomes ``1.1 ...``, each with a
  ``Linked to equality outcomes: a; b; c`` list (once printed ``Linked to outcomes:`` with the
  list on the next line);
- tables ``Activity | Lead Member | Deadline`` (activities numbered ``1.``, ``2.`` within their
  outcome; the lead member is a portfolio title) and ``Our key deliverables | Lead Member |
  Deadline`` (really lead officers, ``NAME (DIR)``); both header rows repeat as furniture;
- the PDF conversion repeats some rows in merged form: fragments carrying the column labels
  (``Lead Member Cabinet Member for ...``, ``Deadline 31 March 2018``, ``Activity 2. ...``),
  truncated twins, and whole activity rows glued to the deliverables below them
  (``... servicesOur key deliverablesProvide ...``), sometimes with two officers and two
  deadlines in one cell. Each commitment becomes one record with its most complete text, owner
  and deadline; the repeats are consumed as ``merged duplicate of <key>``;
- a wrapped deliverable continues on a line of its own with empty owner and deadline cells; a
  wrapped lead member cell spreads over lines above and below its row;
- one deadline is printed in Cyrillic look-alike letters (``ТВС`` for ``TBC``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from graph_builder.manifest import DocumentInfo
from graph_builder.readers.base import Reading, nonempty_cells
from graph_builder.readers.outcomes_2017 import (
    outcome_section,
    priority_section,
    sef_text,
    split_outcomes,
)
from graph_builder.records import Commitment, Ledger, Line, Section, SourceSpan

LAYOUT = "equality-delivery-plan"

_ACT_HEADER = ["Activity", "Lead Member", "Deadline"]
_DEL_HEADER = ["Our key deliverables", "Lead Member", "Deadline"]
_LINKED = re.compile(r"^Linked to (?:equality )?outcomes\s*:\s*(.*)$", re.I)
_NUMBERED = re.compile(r"^(\d+)\.\s*(.+)$")
_ACT_LABEL = re.compile(r"^\s*Activity(?![a-z])\s*")  # also "Activity2. ..."
_KEY_DELIVERABLES = re.compile(r"\s*Our key deliverables\s*")
_LEAD_LABEL = re.compile(r"^Lead Member\b\s*|\s*\bLead Member$")
_DEADLINE_LABEL = re.compile(r"^Deadline\b\s*|\s*\bDeadline$")
_DATE = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}")
_OFFICER = re.compile(r"[^()]+?\([A-Za-z&]+\)")
# The words a deliverable starts with: where two merged deliverables meet (``... activity
# Increase levels of control ...``), the second begins with one of these, capitalised.
_VERBS = {"Deliver", "Develop", "Implement", "Increase", "Provide", "Undertake", "Improve",
          "Support", "Launch", "Identify", "Transform", "Promote", "Reduce", "Ensure", "Create",
          "Establish", "Extend", "Complete", "Review"}
_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХаеорсух", "ABCEHKMOPTXaeopcyx")


def detect(lines: list[Line]) -> float:
    linked = sum(1 for x in lines if _LINKED.match(x.text.strip()))
    headers = sum(1 for x in lines if nonempty_cells(x) == _DEL_HEADER)
    return 0.5 * min(linked / 3, 1.0) + 0.5 * min(headers / 5, 1.0)


@dataclass
class _Draft:
    kind: str
    key: str
    number: str | None
    parent: str
    text: str
    owner: str
    deadline: str
    lines: list[Line]
    flags: tuple[str, ...] = ()
    printed: str = ""  # the activity number as printed ("1."), which can repeat

    def absorb(self, text: str, owner: str, deadline: str, line: Line) -> None:
        """Take the more complete text/owner/deadline of a repeat; its line joins the span if used."""
        used = False
        text, flags = sef_text(text)
        if len(text) > len(self.text) and _extends(text, self.text):
            self.text, used = text, True
            self.flags = self.flags or flags
        if len(owner) > len(self.owner):
            self.owner, used = owner, True
        if deadline and not self.deadline:
            self.deadline, used = deadline, True
        if used and line not in self.lines:
            self.lines.append(line)

    def record(self) -> Commitment:
        lines = sorted(self.lines, key=lambda x: x.number)
        member = self.owner if self.kind == "activity" else None
        officer = self.owner if self.kind == "key-deliverable" else None
        return Commitment(self.kind, self.key, self.text, SourceSpan.of(lines), number=self.number,
                          parent=self.parent, lead_member=member or None,
                          lead_officer=officer or None, deadline=self.deadline or None,
                          flags=self.flags)


def _extends(longer: str, shorter: str) -> bool:
    return longer.lower().startswith(shorter.lower())


def _split_merged(text: str, drafts: list[_Draft]) -> list[tuple[_Draft | None, str]]:
    """Cut a row holding several deliverables into (known draft or None, its text) pieces.

    A piece that starts with a known deliverable's text is that deliverable (perhaps extended,
    when the known text was a truncated twin); new pieces end where the next deliverable starts.
    """
    pieces: list[tuple[_Draft | None, str]] = []
    rest = text.strip()
    while rest:
        known = [d for d in drafts if d.text and _extends(rest, d.text)]
        draft = max(known, key=lambda d: len(d.text)) if known else None
        head = draft.text if draft else ""
        words = rest[len(head):].split()
        cut = next((i for i, w in enumerate(words) if i and w in _VERBS
                    and re.search(r"[a-z.]$", words[i - 1])), len(words))
        if draft and words and words[0] in _VERBS:
            cut = 0  # the known text was complete: the next deliverable starts right after it
        pieces.append((draft, (head + " " + " ".join(words[:cut])).strip()))
        rest = " ".join(words[cut:])
    return pieces


class _Reader:
    def __init__(self, info: DocumentInfo) -> None:
        self.out = Reading(ledger=Ledger(info.id))
        self.priority: Section | None = None
        self.outcome: Section | None = None
        self.linking: Section | None = None  # the section whose outcome list may continue
        self.mode = ""  # "activity" or "deliverable": which table we are in
        self.table_rows = 0  # rows seen since the last header
        self.activity: _Draft | None = None
        self.deliverables: list[_Draft] = []  # of the current activity
        self.drafts: list[_Draft] = []
        self.pending: list[tuple[Line, str, str, bool]] = []  # fragments above an activity row
        self.keys: set[str] = set()
        self.link_texts: dict[str, list[str]] = {}
        self.repaired: list[int] = []  # lines whose deadline was written in look-alike letters

    # -- sections ---------------------------------------------------------------------------
    def section(self, s: Section, line: Line) -> None:
        self.out.sections.append(s)
        self.out.ledger.consume(line, s.key)
        self.keys.add(s.key)
        if s.kind == "priority-outcome":
            self.priority, self.outcome = s, None
        else:
            self.outcome = s
        self.linking, self.activity, self.mode = None, None, ""

    def link(self, text: str, line: Line) -> None:
        """Attach (part of) an equality-outcome list to the section it follows."""
        target = self.linking or self.outcome or self.priority
        if target is None:
            self.out.ledger.report(line, "equality outcomes with no section to attach them to")
            return
        parts = self.link_texts.setdefault(target.key, [])
        if text:
            parts.append(text)
        span = SourceSpan(target.span.doc, target.span.first, line.number,
                          target.span.text + "\n" + line.text)
        updated = replace(target, span=span, linked_outcomes=split_outcomes(" ".join(parts)))
        self.out.sections[self.out.sections.index(target)] = updated
        if self.outcome is target:
            self.outcome = updated
        if self.priority is target:
            self.priority = updated
        self.linking = updated
        self.out.ledger.consume(line, updated.key)

    # -- rows -------------------------------------------------------------------------------
    def unique(self, key: str) -> str:
        n, out = 1, key
        while out in self.keys:  # the plan prints activity "1." twice under outcome 2.2
            n += 1
            out = f"{key}-{n}"
        self.keys.add(out)
        return out

    def new_activity(self, printed: str, text: str, owner: str, deadline: str, line: Line) -> None:
        parent = self.outcome or self.priority
        assert parent is not None and parent.number
        number = f"{parent.number}.{printed}"
        body, flags = sef_text(text)
        draft = _Draft("activity", self.unique(f"activity-{number}"), number, parent.key, body,
                       owner, deadline, [line], flags)
        draft.printed = printed
        self.out.ledger.consume(line, draft.key)
        above: list[str] = []  # a lead member cell wrapped above its row
        for frag, frag_owner, frag_deadline, labelled in self.pending:
            if labelled:
                draft.absorb("", frag_owner, frag_deadline, frag)
                self.out.ledger.consume(frag, f"merged duplicate of {draft.key}")
            else:
                above.append(frag_owner)
                draft.lines.append(frag)
                self.out.ledger.consume(frag, draft.key)
        draft.owner = " ".join([*above, draft.owner]).strip()
        self.pending = []
        self.activity, self.deliverables = draft, []
        self.drafts.append(draft)

    def new_deliverable(self, text: str, owner: str, deadline: str, line: Line) -> _Draft:
        assert self.activity is not None
        body, flags = sef_text(text)
        stem = self.activity.key.removeprefix("activity-")
        key = self.unique(f"key-deliverable-{stem}-{len(self.deliverables) + 1}")
        draft = _Draft("key-deliverable", key, None, self.activity.key, body, owner, deadline,
                       [line], flags)
        self.deliverables.append(draft)
        self.drafts.append(draft)
        return draft

    def deliverable_pieces(self, text: str, owner: str, deadline: str, line: Line,
                           merged: bool = False) -> str:
        """Deliverables in ``text`` (one, or several merged); returns what the line is for the ledger.

        Only a merged row (the tail of an activity row, or a row that repeats a deliverable
        already read and runs on) is cut into pieces: a plain row can hold a capitalised verb
        mid-text ("Develop and Implement a 'Health Creation' programme").
        """
        merged = merged or any(_extends(text, d.text) for d in self.deliverables)
        pieces = _split_merged(text, self.deliverables) if merged else [(None, text)]
        if len(pieces) == 1:
            owners, dates = [owner], [deadline]
        else:  # merged rows repeat one officer and one date per deliverable, in order
            owners = [o.strip() for o in _OFFICER.findall(owner)]
            dates = _DATE.findall(deadline)
        what = ""
        for i, (draft, piece) in enumerate(pieces):
            o = owners[i] if i < len(owners) else ""
            dl = dates[i] if i < len(dates) else ""
            if draft is None:
                key = self.new_deliverable(piece, o, dl, line).key
                what = what or key
            else:
                draft.absorb(piece, o, dl, line)
        first = pieces[0][0]
        return what or f"merged duplicate of {first.key if first else '?'}"

    def row(self, line: Line) -> None:
        raw = [c.strip() for c in line.cells] + ["", ""]
        first, owner, deadline = raw[0], raw[1], raw[2]
        labelled = bool(_ACT_LABEL.match(first))
        first = _ACT_LABEL.sub("", first)
        owner, n_owner = _LEAD_LABEL.subn("", owner)
        deadline, n_deadline = _DEADLINE_LABEL.subn("", deadline)
        labelled = labelled or bool(n_owner or n_deadline)
        repaired = deadline.translate(_HOMOGLYPHS)
        if repaired != deadline:
            self.repaired.append(line.number)
            deadline = repaired
        first, tail = [*_KEY_DELIVERABLES.split(first, maxsplit=1), ""][:2]
        first, tail = first.strip(), tail.strip()
        ledger = self.out.ledger

        if not first and not tail:  # an owner/deadline fragment with no text of its own
            if self.mode != "activity":
                ledger.report(line, "owner/deadline fragment outside an activity table")
            elif self.table_rows == 0 or (labelled and self.activity is None):
                self.pending.append((line, owner, deadline, labelled))
            elif labelled and self.activity is not None:
                self.activity.absorb("", owner, deadline, line)
                ledger.consume(line, f"merged duplicate of {self.activity.key}")
            elif self.activity is not None:  # a lead member cell wrapped below its row
                self.activity.owner = f"{self.activity.owner} {owner}".strip()
                self.activity.lines.append(line)
                ledger.consume(line, self.activity.key)
            return

        self.table_rows += 1
        if self.mode == "activity":
            self.activity_row(line, first, owner, deadline)
            if tail and self.activity is not None:
                what = self.deliverable_pieces(tail, "", "", line, merged=True)
                if not what.startswith("merged"):
                    ledger.consume(line, what)
            return
        if self.mode != "deliverable" or self.activity is None:
            ledger.report(line, "row outside an activity or deliverables table")
            return
        twin = next((d for d in self.deliverables if _extends(d.text, sef_text(first)[0])), None)
        if twin is not None and not owner and not deadline:
            ledger.consume(line, f"merged duplicate of {twin.key}")  # a truncated repeat
            return
        if not owner and not deadline and not labelled and self.deliverables:
            last = self.deliverables[-1]  # a deliverable wrapped onto a line of its own
            last.text, last.flags = sef_text(f"{last.text} {first}")
            last.lines.append(line)
            ledger.consume(line, last.key)
            return
        ledger.consume(line, self.deliverable_pieces(first, owner, deadline, line))

    def activity_row(self, line: Line, first: str, owner: str, deadline: str) -> None:
        m = _NUMBERED.match(first)
        body = m.group(2) if m else first
        current = self.activity
        same = current is not None and (_extends(sef_text(body)[0], current.text)
                                        or _extends(current.text, sef_text(body)[0]))
        if current is not None and same and (not m or m.group(1) == current.printed):
            current.absorb(body, owner, deadline, line)
            self.out.ledger.consume(line, f"merged duplicate of {current.key}")
        elif m:
            self.new_activity(m.group(1), body, owner, deadline, line)
        else:
            self.out.ledger.report(line, "activity row without a number")

    # -- lines ------------------------------------------------------------------------------
    def feed(self, line: Line, index: int) -> None:
        cells = nonempty_cells(line)
        text = line.text.strip()
        ledger = self.out.ledger
        if index == 0:
            ledger.consume(line, "furniture: document title")
            return
        if cells in (_ACT_HEADER, _DEL_HEADER):
            ledger.consume(line, "furniture: table header")
            self.mode = "activity" if cells == _ACT_HEADER else "deliverable"
            self.table_rows, self.linking = 0, None
            return
        if ("\t" in line.text and line.cells[0].strip() == "" and len(cells) == 2
                and fuzz.ratio(cells[-1], "Deadline") >= 70):
            ledger.consume(line, "furniture: garbled twin of the 'Lead Member | Deadline' header")
            return
        if "\t" not in line.text:
            self.prose(line, text)
            return
        self.linking = None
        self.row(line)

    def prose(self, line: Line, text: str) -> None:
        priority = priority_section(text, line)
        if priority:
            self.section(priority, line)
            return
        outcome = outcome_section(text, line, self.priority)
        if outcome:
            self.section(outcome, line)
            return
        m = _LINKED.match(text)
        if m:
            self.linking = None
            self.link(m.group(1), line)
            return
        if self.linking is not None:
            self.link(text, line)  # the list wrapped onto another line
            return
        if self.priority is None:
            self.out.ledger.consume(line, "narrative: introduction")
            return
        self.out.ledger.report(line, "prose line inside the plan tables")

    def finish(self) -> Reading:
        for frag, *_ in self.pending:
            self.out.ledger.report(frag, "owner/deadline fragment with no activity row after it")
        self.out.commitments = [d.record() for d in self.drafts]
        return self.out


def read(info: DocumentInfo, lines: list[Line]) -> Reading:
    reader = _Reader(info)
    nonblank = [x for x in lines if not x.is_blank]
    for i, line in enumerate(nonblank):
        reader.feed(line, i)
    return reader.finish()
