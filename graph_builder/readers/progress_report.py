"""Strategic Plan progress report: activities and key deliverables with status, % and comments.

Learnt from the Tower Hamlets Strategic Plan 2017/18 report at quarter 2:
- sections as in the plan (``Priority Outcome 1:``, ``Priority three:``, outcomes ``1.1 ...``);
- activity rows ``1.1.1 | 1. Develop ... | lead member | 31/03/18 | On Target | 75% | comment``,
  the number sometimes glued to the text (``1.1.5 5. Implement ...``); under priority three
  there are no outcomes and activities are numbered ``3.1`` ... ;
- key deliverable rows ``text | lead officer | deadline | status | % | comment``;
- rows may start with an empty cell (a leading tab) which shifts every column by one;
- header rows (``Activity | Lead Member | ...``, ``Our key deliverables | Lead Officer | ...``,
  lone ``Activity`` / ``Our key deliverables``) and a markdown rule ``-- | -- | ---`` are furniture;
- a comment too long for its cell continues on a row whose other cells are all empty;
- comments carry HTML (``<p>``, ``<ul style=...>``); a trailing ``*`` marks SEF commitments.
"""

from __future__ import annotations

import re

from graph_builder.manifest import DocumentInfo
from graph_builder.normalise.text import clean
from graph_builder.readers.base import Reading, nonempty_cells
from graph_builder.readers.outcomes_2017 import outcome_section, priority_section, sef_text
from graph_builder.records import Commitment, Ledger, Line, Progress, Section, SourceSpan

LAYOUT = "progress-report"

_HEADER_WORDS = {"Activity", "Our key deliverables", "Lead Member", "Lead Officer", "Deadline",
                 "Status", "% Comp", "Comments"}
_RULE = re.compile(r"^-+$")
_NUMBER = re.compile(r"^(\d+\.\d+(?:\.\d+)?)$")
_GLUED = re.compile(r"^(\d+\.\d+(?:\.\d+)?)\s+(\d+\..*)$")
_PRINTED = re.compile(r"^\d+\.\s*")


def _is_activity(line: Line) -> bool:
    cells = [*nonempty_cells(line), "", ""]
    return bool((_NUMBER.match(cells[0]) and _PRINTED.match(cells[1])) or _GLUED.match(cells[0]))


def detect(lines: list[Line]) -> float:
    """Column headers with Status and % Comp, and activity rows ``1.1.1 | 1. ...``."""
    headers = sum(1 for x in lines if {"Status", "% Comp"} <= set(nonempty_cells(x)))
    rows = sum(1 for x in lines if _is_activity(x))
    return 0.5 * min(headers / 5, 1.0) + 0.5 * min(rows / 5, 1.0)


def _cells(line: Line) -> list[str]:
    cells = [c.strip() for c in line.cells]
    if cells and not cells[0]:
        cells = cells[1:]  # a leading tab shifts the row one column to the right
    return cells + [""] * 7


class _Reader:
    def __init__(self, info: DocumentInfo) -> None:
        self.out = Reading(ledger=Ledger(info.id))
        self.priority: Section | None = None
        self.outcome: Section | None = None
        self.activity: Commitment | None = None
        self.n_deliverables = 0
        # rows are kept as [commitment, status, percent, comment, lines] until the end, so a
        # comment continued on a later row can still be joined
        self.rows: list[list] = []

    def feed(self, line: Line) -> None:
        cells = nonempty_cells(line)
        ledger = self.out.ledger
        if set(cells) <= _HEADER_WORDS:
            ledger.consume(line, "furniture: table header")
            return
        if all(_RULE.match(c) for c in cells):
            ledger.consume(line, "furniture: markdown table rule")
            return
        if len(cells) == 1 and self.section(line):
            return
        row = _cells(line)
        if not any(row[:5]) and row[5] and self.rows:
            last = self.rows[-1]  # a comment continued on a row of its own
            last[3] = f"{last[3]} {row[5]}".strip()
            last[4].append(line)
            ledger.consume(line, last[0].key)
            return
        number, text = None, row[0]
        if _NUMBER.match(row[0]):
            number, text, row = row[0], row[1], row[1:]
        elif _GLUED.match(row[0]):
            number, text = _GLUED.match(row[0]).groups()  # type: ignore[union-attr]
        if number:
            self.add_activity(line, number, text, row)
        elif self.activity is not None and len(cells) >= 3:
            self.add_deliverable(line, text, row)
        else:
            ledger.report(line, "row outside any activity, or too few cells for a deliverable")

    def section(self, line: Line) -> bool:
        text = clean(line.text)
        priority = priority_section(text, line)
        outcome = None if priority else outcome_section(text, line, self.priority)
        s = priority or outcome
        if s is None:
            return False
        self.out.sections.append(s)
        self.out.ledger.consume(line, s.key)
        if priority:
            self.priority, self.outcome = priority, None
        else:
            self.outcome = outcome
        self.activity = None
        return True

    def add_activity(self, line: Line, number: str, text: str, row: list[str]) -> None:
        parent = self.outcome or self.priority
        body, flags = sef_text(_PRINTED.sub("", text))
        self.activity = Commitment("activity", f"activity-{number}", body, SourceSpan.of([line]),
                                   number=number, parent=parent.key if parent else None,
                                   lead_member=clean(row[1]) or None, deadline=row[2] or None,
                                   flags=flags)
        self.n_deliverables = 0
        self.rows.append([self.activity, row[3], row[4], row[5], [line]])
        self.out.ledger.consume(line, self.activity.key)

    def add_deliverable(self, line: Line, text: str, row: list[str]) -> None:
        assert self.activity is not None
        self.n_deliverables += 1
        body, flags = sef_text(text)
        stem = self.activity.key.removeprefix("activity-")
        c = Commitment("key-deliverable", f"key-deliverable-{stem}-{self.n_deliverables}", body,
                       SourceSpan.of([line]), parent=self.activity.key,
                       lead_officer=clean(row[1]) or None, deadline=row[2] or None, flags=flags)
        self.rows.append([c, row[3], row[4], row[5], [line]])
        self.out.ledger.consume(line, c.key)

    def finish(self) -> Reading:
        for c, status, percent, comment, lines in self.rows:
            span = SourceSpan.of(lines)  # the row, plus any row its comment continued on
            self.out.commitments.append(c)
            comment = clean(comment)
            if status or percent or comment:
                self.out.progress.append(Progress(c.key, status or None, percent or None,
                                                  comment or None, span))
        return self.out


def read(info: DocumentInfo, lines: list[Line]) -> Reading:
    reader = _Reader(info)
    for line in lines:
        if not line.is_blank:
            reader.feed(line)
    return reader.finish()
