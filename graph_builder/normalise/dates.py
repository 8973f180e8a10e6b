"""Deadlines in every printed form, raw text always kept.

Forms seen: ``31/03/2015``, ``31/03/15``, ``31 March 2018``, ``(September 2011)`` (end of that
month), ``31/03/2015 and quarterly``, ``TBC``. An impossible date (``31/02/2015``) yields no
date and a problem note, so validation can warn about it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as dateparser

_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_UNKNOWN = re.compile(r"^\s*(tbc|tbd|ongoing|n/?a)\b", re.I)


@dataclass(frozen=True)
class Deadline:
    raw: str
    value: date | None
    problem: str | None = None  # why no date could be read, when the text looks like one
    recurrence: str | None = None  # e.g. "quarterly" in "31/03/2015 and quarterly"


def _month_number(name: str) -> int | None:
    try:
        return dateparser.parse(f"1 {name} 2000").month
    except (ValueError, OverflowError):
        return None


def parse_deadline(raw: str) -> Deadline:
    text = raw.strip()
    recurrence = None
    rec = re.search(r"\b(quarterly|monthly|annually|ongoing|weekly)\b", text, re.I)
    if rec and not _UNKNOWN.match(text):
        recurrence = rec.group(1).lower()
    if not text or _UNKNOWN.match(text):
        return Deadline(raw, None, None, recurrence)
    numeric = list(_NUMERIC.finditer(text))
    # "1st 31/7/17 2nd 31/12/17": phased deadlines; the commitment is due at the last one.
    m = max(numeric, key=lambda x: (int(x.group(3)) % 100, int(x.group(2)), int(x.group(1))),
            default=None) if numeric else None
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year < 100:
            year += 2000
        try:
            return Deadline(raw, date(year, month, day), None, recurrence)
        except ValueError:
            return Deadline(raw, None, f"impossible date {m.group(0)}", recurrence)
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        month_no = _month_number(m.group(2))
        if month_no:
            try:
                return Deadline(raw, date(int(m.group(3)), month_no, int(m.group(1))), None,
                                recurrence)
            except ValueError:
                return Deadline(raw, None, f"impossible date {m.group(0)}", recurrence)
    m = _MONTH_YEAR.search(text)
    if m:
        month_no = _month_number(m.group(1))
        if month_no:
            year = int(m.group(2))
            last = calendar.monthrange(year, month_no)[1]
            return Deadline(raw, date(year, month_no, last), None, recurrence)
    return Deadline(raw, None, "no date recognised", recurrence)
