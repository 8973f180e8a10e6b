"""OCR repair for the 2014/15 activity-milestone plan: twin rows, wrapped cells, garbled dates.

The PDF conversion printed many activity rows twice, once through a bad OCR pass ("Pohin Hood
Cardons", deadline "21/02/2015") and once cleanly ("Robin Hood Gardens", "31/03/2015"). These
helpers decide which lines are twins, which twin is clean, how to join wrapped cells and which
of several printed deadlines to keep. Pure functions; no records here.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

from rapidfuzz import fuzz

_WORD = re.compile(r"[A-Za-z]+")
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_LATEX = re.compile(r"\s*\\[A-Za-z]+\b")  # "\vdash": a table rule the OCR read as LaTeX


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


class Vocabulary:
    """Words of the document itself. The narrative and milestones are clean prose, and the outline
    restates every activity, so a word that occurs nowhere else in the document is most likely an
    OCR misreading ("Cardons", "nousenoid"). No external dictionary is needed."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.counts = Counter(w for t in texts for w in words(t))

    def known_ratio(self, text: str, own: Iterable[str] = ()) -> float:
        """Share of ``text``'s words that occur in the document outside the ``own`` texts."""
        local = Counter(w for t in own for w in words(t))
        ws = words(text)
        if not ws:
            return 0.0
        return sum(1 for w in ws if self.counts[w] - local[w] > 0) / len(ws)

    def join(self, head: str, tail: str) -> str:
        """Join a wrapped cell. "two-year-" + "olds" and "minimis" + "ing harm" lose the space:
        a word split by the wrap is recognised when the halves are unknown and the whole is known."""
        head, tail = head.rstrip(), tail.lstrip()
        if not head or not tail:
            return head or tail
        if head.endswith("-") and tail[:1].islower():
            return head + tail
        last = words(head[-20:])[-1:] or [""]
        first = words(tail[:20])[:1] or [""]
        if (head[-1].isalpha() and tail[0].islower() and self.counts[last[0] + first[0]]
                and not self.counts[last[0]] > 1):
            return head + tail
        return head + " " + tail


def strip_artefacts(text: str) -> str:
    return _LATEX.sub("", text).strip()


def is_twin(a: str, b: str) -> bool:
    """Two readings of one cell: near-equal texts, or one a (possibly garbled) truncation of the
    other that is still at least half as long (so a wrapped tail like "places" is not a twin)."""
    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= 60:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 0.5 * len(long_) and fuzz.partial_ratio(short, long_) >= 70


def date_quality(raw: str, years: range) -> int:
    """2: a real date inside the plan's years; 1: a real date outside them; 0: garbage."""
    m = _DATE.match(raw.strip())
    if not m:
        return 0
    day, month, year = (int(x) for x in m.groups())
    try:
        date(year, month, day)
    except ValueError:
        return 0
    return 2 if year in years else 1


def is_month_end(raw: str) -> bool:
    m = _DATE.match(raw.strip())
    if not m:
        return False
    day, month, year = (int(x) for x in m.groups())
    return 1 <= month <= 12 and year > 0 and day == calendar.monthrange(year, month)[1]


def choose_deadline(candidates: list[tuple[str, bool]], years: range) -> str | None:
    """Pick one deadline from the (raw, printed-on-the-clean-twin-line) cells of one record.

    Rule, in order: a real date in the plan's years beats a real date outside them, which beats
    an impossible one ("01/00/2010", "51/03/2013"); then the date printed beside the clean twin
    text; then a month-end date (the plan's deadlines are month-ends, the OCR's twin dates such
    as "21/02/2015" and "01/12/2014" are not); then the first printed. An impossible date with no
    better candidate is kept raw, so the RDF stage can warn about it.
    """
    if not candidates:
        return None

    def rank(item: tuple[int, tuple[str, bool]]) -> tuple[int, bool, bool, bool, int]:
        i, (raw, clean) = item
        return (date_quality(raw, years), bool(_DATE.match(raw)), clean, is_month_end(raw), -i)

    return max(enumerate(candidates), key=rank)[1][0]
