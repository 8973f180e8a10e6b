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
    r"mayor\b(?!\s*-)|lead\s+member\s+for\b|"
    # "Cabinet Member Strategic Development" (progress report 2017/18, "for" left out)
    r"cabinet\s+member\b(?!\s+for\b))",
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
    # The directorate closes a list of several names ("A, B (CS)", "A / B (RES)"): it may be
    # only some of theirs, so it yields to a bracket of the person's own in the same document.
    shared: bool = False


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
    title = re.sub(r"^cabinet member(?: for)?\b", "Cabinet Member for", title, flags=re.I)
    low = title.lower()
    for fixed in ("Statutory Deputy Mayor", "Deputy Mayor", "Executive Mayor", "Mayor"):
        if low == fixed.lower():
            return fixed
    return title


_MEMBER_TITLE = r"(?:Councillor|Cllr\.?)"
_MAYOR_NAME = re.compile(r"^(Executive Mayor|Mayor)\s*-?\s*((?:[A-Z][a-z'’]+)(?:\s+[A-Z][a-z'’]+)+)$")


def _member_part(part: str, raw: str, posts_before: tuple[str, ...]) -> LeadMention | None:
    """One person-or-posts item: 'Cllr NAME', 'Councillor NAME - POSTS', 'Mayor NAME', posts."""
    part = part.strip(" ,;")
    if not part:
        return None
    m = _MAYOR_NAME.match(part)  # "Mayor Lutfur Rahman", "Mayor - Lutfur Rahman"
    if m:
        return LeadMention(m.group(2), (*posts_before, _canonical_post(m.group(1))), raw)
    m = re.match(rf"^{_MEMBER_TITLE}\s+([^,\-–]+?)\s*(?:-|–|,)\s*(.+)$", part, re.I)
    if m and _POST_START.search(m.group(2)):
        return LeadMention(strip_titles(m.group(1)), (*posts_before, *_split_posts(m.group(2))),
                           raw)
    if re.match(rf"^{_MEMBER_TITLE}\s+", part, re.I):
        return LeadMention(strip_titles(part), posts_before, raw)
    posts = _split_posts(part)
    if posts:
        return LeadMention(None, (*posts_before, *posts), raw)
    return LeadMention(strip_titles(part), posts_before, raw)


def parse_lead_member(raw: str) -> list[LeadMention]:
    """One or more lead members from one cell.

    Items are separated by " / ", by ", " before a councillor, or by " & " before a title.
    A bare title before a name belongs to it: "Deputy Mayor, Cllr Oliur Rahman" is one person
    holding the post Deputy Mayor.
    """
    text = clean(raw)
    if not text:
        return []
    out: list[LeadMention] = []
    for item in re.split(r"\s+/\s+|\s*;\s*", text):
        parts = re.split(rf",\s*(?={_MEMBER_TITLE}\b|Mayor\s+[A-Z][a-z])|\s+&\s+(?={_MEMBER_TITLE}\b)",
                         item)
        pending: tuple[str, ...] = ()
        for part in parts:
            bare = part.strip(" ,;")
            if re.fullmatch(r"(?:Statutory\s+)?Deputy\s+Mayor|Executive\s+Mayor", bare, re.I):
                pending = (*pending, _canonical_post(bare))
                continue
            mention = _member_part(part, raw, pending)
            pending = ()
            if mention:
                out.append(mention)
        if pending:
            out.append(LeadMention(None, pending, raw))
    return out


# Words that make an owner string a role or a body, not a person's name.
_NOT_A_PERSON = re.compile(
    r"\b(director|directorate|directorates|team|manager|head|service|services|officer|board|"
    r"partnership|programme|group|all|corporate|sponsor|lead|divisional)\b", re.I)


def _is_directorate(text: str) -> bool:
    from graph_builder.normalise.directorates import resolve_directorate

    return resolve_directorate(text).known or bool(re.fullmatch(r"[A-Z&]{2,6}", text.strip()))


def parse_lead_officers(raw: str) -> list[OfficerMention]:
    """``A, B (CS) / C (PLACE)`` -> A (CS), B (CS), C (PLACE).

    Forms seen: several groups separated by "/", ";" or " & "; a bracketed directorate closing
    each group, sometimes followed directly by the next name ("McInnes (CS) Esther Trenchard
    Mabere (HAC)", "Andy Scott (D&R), Bozena Allen, Deborah Cohen (ESW)"); two directorates
    after one group ("Sharon Godman / Neville Murton (RES) (GOV)" pairs in order when the
    counts agree, marked shared); role notes in brackets ("(Smarter Working Programme
    Sponsor)") which are not directorates; bodies and roles rather than people
    ("Corporate Management Team", "Divisional Director Community Safety"), which are returned
    with ``name`` empty so that only their directorate counts.
    """
    text = clean(raw)
    # A closing bracket followed by a capitalised word starts a new group.
    text = re.sub(r"\)\s*,?\s+(?=[A-Z][a-z])", ") / ", text)
    groups = [g for g in re.split(r"\s*/\s*|\s*;\s*|\s+&\s+(?=[A-Z])", text) if g.strip()]
    pending: list[str] = []  # names awaiting a directorate from a later group
    out: list[OfficerMention] = []
    for group in groups:
        brackets = re.findall(r"\(([^)]*)\)", group)
        units = list(dict.fromkeys(b.strip() for b in brackets if _is_directorate(b)))
        names_part = re.sub(r"\([^)]*\)", " ", group).strip(" ,")
        names = [strip_titles(n) for n in re.split(r"\s*,\s*|\s+and\s+|\s+&\s+", names_part)]
        names = [n for n in names if n]
        # Four capitalised words with no separator are two people ("Nancy Meehan Christine
        # McInnes"); three are one person with a double surname ("Esther Trenchard Mabere").
        split: list[str] = []
        for n in names:
            words = n.split()
            if len(words) == 4 and all(w[:1].isupper() for w in words) and not _NOT_A_PERSON.search(n):
                split += [" ".join(words[:2]), " ".join(words[2:])]
            else:
                split.append(n)
        pending += split
        if not units and group is not groups[-1]:
            continue  # "A / B (RES)": A waits for the directorate that closes the list
        if len(units) > 1 and len(units) == len(pending):
            pairs = list(zip(pending, units, strict=True))
        else:
            pairs = [(n, units[0] if len(units) == 1 else None) for n in pending]
            if len(units) > 1:  # directorates that cannot be paired still count for the row
                pairs += [("", u) for u in units]
        for name, unit in pairs:
            out.append(OfficerMention("" if _NOT_A_PERSON.search(name) else name, unit, raw,
                                      len(pending) > 1))
        pending = []
    return out
