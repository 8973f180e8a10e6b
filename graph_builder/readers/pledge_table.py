"""Annual delivery plan: priorities, then rows of pledge | deliverable | directorate | lead member.

Learnt from the 2023/24 Tower Hamlets plan:
- the page title and the column header repeat on every page (furniture);
- ``Priority N: Title`` may carry ``Our ambition: ...`` in the same cell or on the next line;
- the pledge number is either its own cell (``1.01<TAB>Deliver ...``) or glued to the text
  (``2.01 Work with ...``);
- a pledge number can repeat, one row per annual deliverable (5.07, 5.19, 8.06, 8.14);
- the deliverable cell may instead state ``Pledge complete`` or ``No 2023/24 deliverable. 3.06
  incorporates 3.07``: an explicit state, not a deliverable;
- cells can carry ``<p>`` tags.
"""

from __future__ import annotations

import re

from graph_builder.manifest import DocumentInfo
from graph_builder.normalise.states import classify_state
from graph_builder.normalise.text import clean
from graph_builder.readers.base import Reading, nonempty_cells, repeated_single_cells
from graph_builder.records import Commitment, Ledger, Line, Section, SourceSpan

LAYOUT = "pledge-table"

_HEADER = re.compile(r"pledge\s*/\s*policy.*annual\s+deliverable", re.I)
_PRIORITY = re.compile(r"^\s*Priority\s+(\d+)\s*[:.]\s*(.+)$", re.I)
_AMBITION = re.compile(r"\s*Our\s+ambition\s*:\s*", re.I)
_ROW = re.compile(r"^\s*(\d{1,2}\.\d{2})(?:\s+|\t|$)")


def detect(lines: list[Line]) -> float:
    headers = sum(1 for x in lines if _HEADER.search(x.text))
    rows = sum(1 for x in lines if _ROW.match(x.text) and len(nonempty_cells(x)) >= 4)
    if not rows:
        return 0.0
    return min(1.0, 0.5 * min(headers, 1) + 0.5 * min(rows / 10, 1.0))


def _split_row(line: Line) -> list[str] | None:
    cells = nonempty_cells(line)
    m = _ROW.match(cells[0]) if cells else None
    if not m:
        return None
    rest = cells[0][m.end():].strip()
    cells = [m.group(1), *([rest] if rest else []), *cells[1:]]
    return cells if len(cells) == 5 else None


def read(info: DocumentInfo, lines: list[Line]) -> Reading:
    out = Reading(ledger=Ledger(info.id))
    furniture = repeated_single_cells(lines)
    priority: Section | None = None
    pledges: dict[str, Commitment] = {}
    deliverables_per_pledge: dict[str, int] = {}

    for line in lines:
        if line.is_blank:
            continue
        text = line.text.strip()
        if text in furniture:
            out.ledger.consume(line, "furniture: repeated page title")
            continue
        if _HEADER.search(text):
            out.ledger.consume(line, "furniture: table header")
            continue
        first = clean(nonempty_cells(line)[0])
        m = _PRIORITY.match(first)
        if m:
            parts = _AMBITION.split(m.group(2), maxsplit=1)
            title = parts[0].strip()
            ambition = parts[1].strip() if len(parts) > 1 else None
            priority = Section("priority", f"priority-{m.group(1)}", title, SourceSpan.of([line]),
                               number=m.group(1), ambition=ambition)
            out.sections.append(priority)
            out.ledger.consume(line, priority.key)
            continue
        if _AMBITION.match(first):
            if priority is None or priority.ambition:
                out.ledger.report(line, "ambition line with no priority to attach it to")
                continue
            ambition = _AMBITION.split(first, maxsplit=1)[1].strip()
            idx = out.sections.index(priority)
            span = SourceSpan(info.id, priority.span.first, line.number,
                              priority.span.text + "\n" + line.text)
            priority = Section(priority.kind, priority.key, priority.title, span,
                               number=priority.number, ambition=ambition)
            out.sections[idx] = priority
            out.ledger.consume(line, priority.key)
            continue
        cells = _split_row(line)
        if cells is None:
            reason = ("pledge row without the expected 5 cells (number, pledge, deliverable, "
                      "directorate, lead member)" if _ROW.match(text) else "not a recognised row")
            out.ledger.report(line, reason)
            continue
        number, pledge_text, deliverable, directorate, lead = (clean(c) for c in cells)
        span = SourceSpan.of([line])
        parent = priority.key if priority else None
        state = classify_state(deliverable)
        pledge_key = f"pledge-{number}"
        if pledge_key not in pledges:
            pledge = Commitment("pledge", pledge_key, pledge_text, span, number=number,
                                parent=parent)
            pledges[pledge_key] = pledge
            out.commitments.append(pledge)
        if state:
            # The row's owners answer for the pledge itself when it states no deliverable.
            idx = out.commitments.index(pledges[pledge_key])
            old = pledges[pledge_key]
            pledges[pledge_key] = Commitment(
                "pledge", pledge_key, old.text, old.span, number=number, parent=parent,
                lead_member=lead, directorate=directorate, state_text=deliverable,
            )
            out.commitments[idx] = pledges[pledge_key]
            out.ledger.consume(line, pledge_key)
            continue
        n = deliverables_per_pledge.get(number, 0) + 1
        deliverables_per_pledge[number] = n
        key = f"deliverable-{number}" + (f"-{n}" if n > 1 else "")
        out.commitments.append(Commitment(
            "deliverable", key, deliverable, span, number=number, parent=pledge_key,
            lead_member=lead, directorate=directorate,
        ))
        out.ledger.consume(line, key)
    return out
