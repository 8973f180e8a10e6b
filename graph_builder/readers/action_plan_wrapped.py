"""Strategic Plan action plan with wrapped cells (Tower Hamlets Year 2 Action Plan 2011/12).

Learnt from the 2011/12 document:
- ``#`` headings mark Community Plan themes and their priorities, but the levels are not
  reliable (a theme can be ``##`` and a priority ``#`` or ``####``, some in ``**bold**``). The
  content decides: a heading whose part of the text holds an action table is a priority, one
  without a table is a theme (its priorities follow); "... Strategic Plan" / "... Action Plan"
  headings before the first theme are the document title.
- Prose paragraphs under headings are narrative, not plan data.
- Table rows "Strategic Action | Lead Member, Lead Officer and Directorate | Milestones and
  Deadlines" wrap over many lines, all three cells independently. A new action starts where
  the first cell has text and the second names a lead member (Mayor / Cllr); everything else
  continues the current row. Milestones are re-joined from the third cell's lines: one ends at
  its "(Month Year)" deadline or a full stop; a line continues the open one when it starts in
  lower case or the line above stops mid-phrase.
- Some rows were converted twice: once with each cell's lines merged by double spaces, then
  again wrapped (the "Increase targeted provision from early years ..." row); the second copy
  is a merged duplicate. Some cells are OCR twins ("Duilding apon to public" beside "Building
  open to public"; "Guitare" for "Culture"), some are specks (",", "·", "( = 0 )").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from graph_builder.manifest import DocumentInfo
from graph_builder.normalise.text import clean
from graph_builder.readers.action_plan_wrapped_cells import (
    assemble,
    fragments,
    is_noise,
    join_wrapped,
    norm,
    parse_owners,
    repeated_word,
    split_deadline,
)
from graph_builder.readers.base import Reading
from graph_builder.records import Commitment, Ledger, Line, Section, SourceSpan

LAYOUT = "action-plan-wrapped"

_HEADER = re.compile(r"^\s*Strategic Action\t.*Lead Member.*\tMilestones and Deadlines", re.I)
_HEADING = re.compile(r"^\s*#{1,6}\s+(.+?)\s*$|^\s*\*\*(.+?)\*\*\s*$")
_TITLE = re.compile(r"\b(?:Strategic|Action)\s+Plan\b", re.I)
_MEMBER_START = re.compile(r"^(?:and Directorate\s+)?(?:Mayor|Cllr\.?|Councillor)\b")
_MILESTONE_END = re.compile(
    r"\((?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{4}\)\s*$")


def detect(lines: list[Line]) -> float:
    headers = sum(1 for x in lines if _HEADER.search(x.text))
    if not headers:
        return 0.0
    headings = sum(1 for x in lines if x.text.startswith("#"))
    milestones = sum(1 for x in lines if _MILESTONE_END.search(x.cells[-1]))
    return min(1.0, 0.5 + 0.25 * min(headings / 2, 1.0) + 0.25 * min(milestones / 5, 1.0))


@dataclass
class _Row:
    line: Line
    c1: str
    c2: str
    c3: str


def _row(line: Line) -> _Row:
    cells = line.cells
    if len(cells) == 2 and not cells[0].strip():
        # "\tOpening of the Barclays bike hire scheme ... (March 2012)": the conversion lost
        # one empty cell; the text is a milestone (lines 468-470 of 2011/12).
        return _Row(line, "", "", cells[1])
    cells = [*cells, "", ""]
    return _Row(line, cells[0], cells[1], " ".join(cells[2:]))


@dataclass
class _Group:
    rows: list[_Row] = field(default_factory=list)
    twin_from: int | None = None  # line where the row starts again (a converted duplicate)


def _heading(text: str) -> str | None:
    m = _HEADING.match(text)
    return clean((m.group(1) or m.group(2)).strip("* ")) if m else None


def read(info: DocumentInfo, lines: list[Line]) -> Reading:
    out = Reading(ledger=Ledger(info.id))
    vocab = Counter(w for x in lines for w in re.findall(r"[a-z]+", x.text.lower()))
    items = _classify(lines)
    heads = [i for i, (kind, _) in enumerate(items) if kind == "heading"]
    owns_table = {i: any(k == "header" for k, _ in items[i:[*heads, len(items)][j + 1]])
                  for j, i in enumerate(heads)}
    theme: Section | None = None
    section: Section | None = None
    n_themes = n_prio = 0
    rows: list[_Row] = []
    for i, (kind, line) in enumerate(items):
        if kind != "row" and rows:
            _table(out, rows, section, vocab)
            rows = []
        if kind == "row":
            rows.append(_row(line))
        elif kind == "header":
            out.ledger.consume(line, "furniture: table header")
        elif kind == "text":
            what = (f"narrative: {section.key}" if section else "furniture: document title"
                    if _TITLE.search(line.text) and len(line.text) < 80
                    else "narrative: document introduction")
            out.ledger.consume(line, what)
        elif owns_table[i]:
            # The source numbers nothing: keys count priorities in reading order so that IRIs
            # are stable, but no pg:number is claimed that the plan does not print.
            n_prio += 1
            section = Section("priority", f"priority-{n_prio}", _heading(line.text) or "",
                              SourceSpan.of([line]),
                              parent=theme.key if theme else None)
            out.sections.append(section)
            out.ledger.consume(line, section.key)
        elif theme is None and _TITLE.search(line.text):
            out.ledger.consume(line, "furniture: document title")
        else:
            n_themes += 1
            theme = section = Section("theme", f"theme-{n_themes}", _heading(line.text) or "",
                                      SourceSpan.of([line]))
            out.sections.append(theme)
            out.ledger.consume(line, theme.key)
    if rows:
        _table(out, rows, section, vocab)
    return out


def _classify(lines: list[Line]) -> list[tuple[str, Line]]:
    """heading | header | row | text, blank lines left out; a table runs to the next heading."""
    items: list[tuple[str, Line]] = []
    in_table = False
    for line in lines:
        if line.is_blank:
            continue
        if _heading(line.text):
            in_table = False
            items.append(("heading", line))
        elif _HEADER.search(line.text):
            in_table = True
            items.append(("header", line))
        elif in_table and items[-1][0] == "header" and line.text.strip() == "and Directorate":
            items.append(("header", line))  # the header's second line: "\tand Directorate\t"
        elif in_table and "\t" in line.text:
            items.append(("row", line))
        else:
            in_table = False  # prose after a table without a heading ends the table
            items.append(("text", line))
    return items


def _starts(row: _Row) -> bool:
    return bool(row.c1.strip()) and not is_noise(row.c1) and bool(
        _MEMBER_START.match(clean(row.c2)))


def _table(out: Reading, rows: list[_Row], section: Section | None,
           vocab: Counter[str]) -> None:
    groups: list[_Group] = []
    for row in rows:
        if _starts(row) and groups and norm(" ".join(r.c1 for r in groups[-1].rows)).startswith(
                norm(row.c1)):
            groups[-1].twin_from = groups[-1].twin_from or row.line.number
            groups[-1].rows.append(row)
        elif _starts(row):
            groups.append(_Group([row]))
        elif groups:
            groups[-1].rows.append(row)
        else:
            out.ledger.report(row.line, "table row before any strategic action (no lead member)")
    prefix = section.key.split("-", 1)[1] if section else "0"
    done = sum(1 for c in out.commitments if c.kind == "strategic-action"
               and c.parent == (section.key if section else None))
    strays: list[tuple[str, Line]] = []
    for k, group in enumerate(groups, start=done + 1):
        strays = _action(out, group, f"{prefix}.{k}", section, vocab, strays)
    for text, line in strays:
        out.ledger.report(line, f"stray text in the Strategic Action column: {text!r}")


def _action(out: Reading, group: _Group, num: str, section: Section | None, vocab: Counter[str],
            strays_before: list[tuple[str, Line]]) -> list[tuple[str, Line]]:
    """Build one strategic action and its milestones; return stray first-column text."""
    key = f"strategic-action-{num}"
    notes: dict[int, list[str]] = {r.line.number: [] for r in group.rows}
    twin = group.twin_from or 1 << 30
    parts: list[str] = []
    gap = False
    strays: list[tuple[str, Line]] = []
    for r in group.rows:
        c1 = clean(r.c1)
        if not r.c1.strip():
            gap = gap or bool(parts)
        elif is_noise(c1):
            continue
        elif r.line.number >= twin and norm(c1) in norm(" ".join(parts)):
            notes[r.line.number].append(f"merged duplicate of {key}")
        elif gap:
            # First-column text after the action's text has ended: an OCR twin of the next
            # action's opening words ("Manager Organization of additional advanta").
            strays.append((c1, r.line))
        elif repeated_word(c1):
            out.ledger.report(r.line, f"OCR garbage in the Strategic Action column, not joined "
                                      f"to {key}: {c1!r}")
        else:
            parts.append(c1)
            notes[r.line.number].append(key)
    text = join_wrapped(parts)
    variants: list[str] = []
    for stray, line in strays_before:
        if fuzz.partial_ratio(stray, text) >= 60:
            variants.append(stray)
            out.ledger.consume(line, "; ".join([*_prior(out, line), f"garbled twin of {key}"]))
        else:
            out.ledger.report(line, f"stray text in the Strategic Action column: {stray!r}")
    owner_frags: list[tuple[str, int]] = []
    for r in group.rows:
        for frag in fragments(r.c2):
            if r.line.number >= twin and norm(frag) in norm(" ".join(f for f, _ in owner_frags)):
                notes[r.line.number].append(f"merged duplicate of {key}")
            else:
                owner_frags.append((frag, r.line.number))
                notes[r.line.number].append(key)
    owners = parse_owners(" ".join(f for f, _ in owner_frags), vocab)
    for garbled in owners.garbled:
        n = next(n for f, n in owner_frags if garbled.split()[0] in f)
        notes[n].append(f"garbled twin of the directorate of {key}: {garbled!r}")
    if owners.unknown:
        n = next(n for f, n in owner_frags if owners.unknown.split()[-1] in f)
        line = next(r.line for r in group.rows if r.line.number == n)
        out.ledger.report(line, f"owner text not read as member, officer or directorate of "
                                f"{key}: {owners.unknown!r}")
    out.commitments.append(Commitment(
        "strategic-action", key, text, SourceSpan.of([r.line for r in group.rows]),
        parent=section.key if section else None, lead_member=owners.lead_member,
        lead_officer=owners.lead_officer, directorate=owners.directorate,
        variants=tuple(variants)))
    frags = [(f, r.line.number) for r in group.rows for f in fragments(r.c3)]
    milestones, dups = assemble(frags, vocab)
    for _, n in dups:
        notes[n].append(f"merged duplicate of {key}")
    by_number = {r.line.number: r.line for r in group.rows}
    for i, m in enumerate(milestones, start=1):
        mkey = f"milestone-{num}-{i}"
        mtext, deadline = split_deadline(m.text)
        out.commitments.append(Commitment(
            "milestone", mkey, mtext or m.text, SourceSpan.of([by_number[n] for n in m.lines]),
            parent=key, deadline=deadline, variants=tuple(m.variants)))
        for n in m.lines:
            notes[n].append(mkey)
        for n in m.twin_lines:
            notes[n].append(f"garbled twin of {mkey}")
    for r in group.rows:
        what = list(dict.fromkeys(notes[r.line.number])) or [f"{key} (OCR specks only)"]
        if r.line.number not in out.ledger.unplaced or what != [f"{key} (OCR specks only)"]:
            out.ledger.consume(r.line, "; ".join(what))
    return strays


def _prior(out: Reading, line: Line) -> list[str]:
    return [x for x in out.ledger.consumed.get(line.number, "").split("; ") if x]
