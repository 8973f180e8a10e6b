"""Split owner cells into people and posts.

Lead member cells name a person, a post, or both: ``Councillor Saied Ahmed - Cabinet Member for
Resources and the Cost of Living``, ``Mayor - Lutfur Rahman``, ``Councillor Maium Miah Talukdar,
Deputy Mayor``, ``Cabinet Member for Culture & Cabinet Member for Work and Economic Growth``,
``Cllr Rabina Khan``. Lead officer cells name people with a directorate in brackets, several per
cell: ``Andy Scott, Mark Baigent (PLACE)``, ``Nasima Patel (CS) / Andy Scott (PLACE)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.normalise.text import clean

_TITLES = re.compile(
    r"^(?:(?:statutory\s+)?deputy\s+mayor|executive\s+mayor|mayor|councillor|cllr\.?|"
    r"cabinet\s+member)\s+",
    re.I,
)
_POST_START = re.compile(
    r"(?:cabinet\s+member\s+for\b|(?:statutory\s+)?deputy\s+mayor\b|executive\s+mayor\b|"
    r"mayor\b(?!\s*-)|lead\s+member\b)",
    re.I,
)


@dataclass(frozen=True)
class LeadMention:
    """A person (name without titles) and/or the posts they are named with."""

    name: str | None
    posts: tuple[str, ...]
    raw: str


@dataclass(frozen=True)
class OfficerMention:
    name: str
    directorate: str | None
    raw: str


def strip_titles(name: str) -> str:
    prev = None
    name = name.strip(" ,;-")
    while prev != name:
        prev = name
        name = _TITLES.sub("", name).strip(" ,;-")
    return name


def _split_posts(text: str) -> list[str]:
    """``Deputy Mayor and Cabinet Member for X (Statutory Deputy Mayor)`` -> its posts."""
    text = clean(text)
    posts: list[str] = []
    for inner in re.findall(r"\(([^)]*)\)", text):
        if _POST_START.search(inner):
            posts.append(inner.strip())
    text = re.sub(r"\([^)]*\)", "", text).strip()
    # Split before each post title: "A, Cabinet Member for B & Cabinet Member for C".
    starts = [m.start() for m in _POST_START.finditer(text)]
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        part = re.sub(r"[\s,&/;]*(?:\band\b)?[\s,&/;]*$", "", text[start:end]).strip()
        if part:
            posts.append(_canonical_post(part))
    return list(dict.fromkeys(posts))


def _canonical_post(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" ,;-")
    title = re.sub(r"^cabinet member for", "Cabinet Member for", title, flags=re.I)
    low = title.lower()
    for fixed in ("Statutory Deputy Mayor", "Deputy Mayor", "Executive Mayor", "Mayor"):
        if low == fixed.lower():
            return fixed
    return title


def parse_lead_member(raw: str) -> list[LeadMention]:
    """One or more lead members from one cell."""
    text = clean(raw)
    if not text:
        return []
    # "Mayor - Lutfur Rahman": post first, then the person.
    m = re.match(r"^(Executive Mayor|Mayor)\s*-\s*(.+)$", text, re.I)
    if m:
        return [LeadMention(strip_titles(m.group(2)), (_canonical_post(m.group(1)),), raw)]
    # "Councillor NAME - POSTS" / "Councillor NAME- POSTS" / "Councillor NAME, Deputy Mayor"
    m = re.match(r"^(?:Councillor|Cllr\.?)\s+([^,\-–]+?)\s*(?:-|–|,)\s*(.+)$", text, re.I)
    if m and _POST_START.search(m.group(2)):
        return [LeadMention(strip_titles(m.group(1)), tuple(_split_posts(m.group(2))), raw)]
    if re.match(r"^(?:Councillor|Cllr\.?)\s+", text, re.I):
        names = re.split(r"\s*(?:,|/|&|\band\b)\s*(?:Councillor|Cllr\.?)?\s*", text)
        return [LeadMention(strip_titles(n), (), raw) for n in names if strip_titles(n)]
    posts = _split_posts(text)
    if posts:
        return [LeadMention(None, tuple(posts), raw)]
    return [LeadMention(strip_titles(text), (), raw)]


def parse_lead_officers(raw: str) -> list[OfficerMention]:
    """``A, B (CS) / C (PLACE)`` -> A (CS), B (CS), C (PLACE)."""
    text = clean(raw)
    out: list[OfficerMention] = []
    for group in re.split(r"\s*/\s*|\s*;\s*", text):
        m = re.match(r"^(.*?)\s*\(([^)]+)\)\s*$", group)
        names, unit = (m.group(1), m.group(2).strip()) if m else (group, None)
        for name in re.split(r"\s*,\s*|\s+&\s+|\s+and\s+", names):
            name = strip_titles(name)
            if name:
                out.append(OfficerMention(name, unit, raw))
    return out
