"""What the two 2017/18 Tower Hamlets layouts share: their section headings and row conventions.

Both the Single Equality Framework delivery plan and the Strategic Plan progress report are cut
from the same Strategic Plan: ``Priority Outcome 1: ...`` (the third is printed ``Priority three:
...``), outcomes ``1.1 ...`` (sometimes ``1.3. ...``), then activities and key deliverables.
A trailing ``*`` on an activity or deliverable marks it as part of the Single Equality Framework.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from graph_builder.normalise.text import clean
from graph_builder.records import Line, Section, SourceSpan

_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6"}
PRIORITY = re.compile(r"^Priority(?:\s+Outcome)?\s+(\d+|one|two|three|four|five|six)\s*:\s*(.+)$",
                      re.I)
OUTCOME = re.compile(r"^(\d+\.\d+)\.?\s+([A-Z].+)$")
_SEF_MARK = re.compile(r"\s*\*\s*$")


def priority_section(text: str, line: Line) -> Section | None:
    """``Priority Outcome 1: Title`` or ``Priority three: Title`` -> a priority-outcome Section."""
    m = PRIORITY.match(text)
    if not m:
        return None
    number = _WORDS.get(m.group(1).lower(), m.group(1))
    return Section("priority-outcome", f"priority-outcome-{number}", clean(m.group(2)),
                   SourceSpan.of([line]), number=number)


def outcome_section(text: str, line: Line, parent: Section | None) -> Section | None:
    """``1.1 Title`` / ``1.3. Title`` (a lone cell) -> an outcome Section."""
    m = OUTCOME.match(text)
    if not m:
        return None
    return Section("outcome", f"outcome-{m.group(1)}", clean(m.group(2)), SourceSpan.of([line]),
                   number=m.group(1), parent=parent.key if parent else None)


def sef_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Cleaned text without its trailing ``*``, and the ``sef`` flag when the mark was there."""
    text = clean(text)
    if _SEF_MARK.search(text):
        return _SEF_MARK.sub("", text), ("sef",)
    return text, ()


def split_outcomes(text: str) -> tuple[str, ...]:
    """``a; b; c;`` -> the individual equality outcomes, first letter capitalised.

    The 1.5 list in the SEF plan repeats items many times over (a PDF conversion artefact) and
    ends with a scrambled copy of one of them; both kinds of repeat are dropped (all its words
    in an item already kept, and token-sort ratio >= 90 against it).
    """
    out: list[str] = []
    for part in clean(text).split(";"):
        part = part.strip(" .")
        if not part:
            continue
        part = part[0].upper() + part[1:]
        words = set(part.lower().split())
        if any(words <= set(kept.lower().split())
               and fuzz.token_sort_ratio(part.lower(), kept.lower()) >= 90 for kept in out):
            continue
        out.append(part)
    return tuple(out)
