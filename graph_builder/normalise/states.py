"""Explicit delivery states printed instead of a deliverable, and links between pledges."""

from __future__ import annotations

import re
from dataclasses import dataclass

COMPLETE = "pledge-complete"
NO_DELIVERABLE = "no-annual-deliverable"

_COMPLETE = re.compile(r"^(this\s+)?pledge\s+(is\s+)?complete\b", re.I)
_NO_DELIVERABLE = re.compile(r"^no\s+(annual|\d{4}/\d{2,4})\s+deliverable\b", re.I)
_NUM = r"(\d{1,2}\.\d{2})"
# "3.06 incorporates 3.07": the second is delivered through the first.
_INCORPORATES = re.compile(_NUM + r"\s+incorporates\s+" + _NUM)
# "Addressed through 2.02", "This is covered by 8.05"
_THROUGH = re.compile(r"(?:addressed\s+through|covered\s+by)\s+" + _NUM, re.I)
# "see 8.02, 8.03, 8.04 and the air quality pledges"
_SEE = re.compile(r"\bsee\s+(" + _NUM + r"(?:\s*(?:,|and)\s*" + _NUM + r")*)", re.I)


@dataclass(frozen=True)
class CrossRef:
    """``relation`` is ``delivered-through`` (this pledge is delivered by ``target``) or ``see-also``."""

    relation: str
    target: str
    evidence: str


def classify_state(text: str) -> str | None:
    """Return COMPLETE or NO_DELIVERABLE when the deliverable cell states one, else None."""
    if _COMPLETE.match(text):
        return COMPLETE
    if _NO_DELIVERABLE.match(text):
        return NO_DELIVERABLE
    return None


def cross_refs(own: str, text: str) -> list[CrossRef]:
    """Links from pledge ``own`` to other pledges stated in ``text`` (no self-links, no repeats)."""
    refs: list[CrossRef] = []

    def add(relation: str, target: str, evidence: str) -> None:
        ref = CrossRef(relation, target, evidence)
        if target != own and all((r.relation, r.target) != (relation, target) for r in refs):
            refs.append(ref)

    for m in _INCORPORATES.finditer(text):
        if m.group(2) == own:
            add("delivered-through", m.group(1), m.group(0))
    for m in _THROUGH.finditer(text):
        add("delivered-through", m.group(1), m.group(0))
    for m in _SEE.finditer(text):
        for target in re.findall(_NUM, m.group(1)):
            add("see-also", target, m.group(0))
    return refs
