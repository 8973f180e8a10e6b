"""Cell-level rules for the wrapped 2011/12 action plan: noise, deadlines, milestone joins, owners.

Pure functions over strings, kept apart from the row grouping in ``action_plan_wrapped``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from graph_builder.normalise.text import clean

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Spring|Summer|Autumn|Winter)")
_YEAR = r"(?:19|20)\d{2}"
# A parenthesised deadline, possibly left unclosed by the PDF: "(July 2011 (CLC)", "(March 2012
# CLC)", "(April 2011 on-going process)", "(one round of meetings per term. TBC)".
_PAREN_DEADLINE_END = re.compile(
    rf"\((?:[^()]|\([^()]*\))*?(?:\b{_YEAR}\b|\bTBC\b)(?:[^()]|\([^()]*\))*?\)?\s*$")
_PAREN_DEADLINE_ANY = re.compile(rf"\([^()]*\b{_MONTHS}\s+{_YEAR}\b[^()]*\)", re.I)
# The month of a deadline whose year fell off the page: "... rating to 65 or greater (March".
_TRUNCATED_DEADLINE = re.compile(rf"\({_MONTHS}\s*$", re.I)
# Deadlines written into the sentence: "... by March 2012", "... Board summer 2011".
_INLINE_DEADLINE = re.compile(rf"\b({_MONTHS}\s+{_YEAR})\.?\s*$", re.I)
# Words a wrapped cell line can end on only when the sentence goes on below.
_DANGLING = re.compile(
    r"(?:\b(?:and|or|of|for|the|to|with|by|in|on|a|an|from|between|at|into|as|which|that|"
    r"including|ahead)|[,:;&/\-–])\s*$", re.I)
_SPLIT = re.compile(r"\s{2,}")  # merged lines separate cells' own lines by two spaces or more


def is_noise(text: str) -> bool:
    """Specks the PDF conversion left in empty cells: ",", ", , ,", "·", "'", "l", "( = 0 )"."""
    return not re.search(r"[A-Za-z]{2,}|\d{4}", text)


def fragments(cell: str) -> list[str]:
    return [c for c in (clean(x) for x in _SPLIT.split(cell)) if c and not is_noise(c)]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def repeated_word(text: str) -> bool:
    """OCR garbage such as "Toopen and to the second second" repeats a word outright."""
    words = text.lower().split()
    return any(a == b and a.isalpha() and len(a) > 2 for a, b in itertools.pairwise(words))


def split_deadline(text: str) -> tuple[str, str | None]:
    """(milestone text, deadline as printed). A trailing "(Month Year)" leaves the text."""
    m = _PAREN_DEADLINE_END.search(text)
    if m:
        return text[: m.start()].strip(), m.group(0).strip()
    m = _TRUNCATED_DEADLINE.search(text)
    if m:
        return text[: m.start()].strip(), m.group(0).strip()
    m = _INLINE_DEADLINE.search(text)
    if m:
        return text, m.group(1)
    found = _PAREN_DEADLINE_ANY.findall(text)  # "(1st April 2011) (mainstreams ...)"
    return text, (found[-1] if found else None)


def is_closed(text: str) -> bool:
    """Does the milestone text end here (a deadline, or a full stop)?"""
    return bool(_PAREN_DEADLINE_END.search(text) or _INLINE_DEADLINE.search(text)
                or text.rstrip().endswith("."))


def continues(buffer: str, frag: str) -> bool:
    """Is ``frag`` the wrapped rest of the open milestone ``buffer``?"""
    if not frag[0].isupper():  # "2011)", "(March 2012)", "educational use (April 2011)"
        return True
    if _DANGLING.search(buffer):  # "... heritage information for the" / "Borough (March 2012)"
        return True
    last = buffer.split()[-1]
    # A capitalised name broken over lines: "the draft LDF Development" / "Management ...".
    return last[:1].isupper() and not last.isupper()


@dataclass
class Milestone:
    parts: list[tuple[str, int]] = field(default_factory=list)  # (fragment, line number)
    variants: list[str] = field(default_factory=list)
    twin_lines: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_wrapped([p for p, _ in self.parts])

    @property
    def lines(self) -> list[int]:
        return sorted({n for _, n in self.parts})


def assemble(frags: list[tuple[str, int]], vocabulary: dict[str, int]
             ) -> tuple[list[Milestone], list[tuple[str, int]]]:
    """Join wrapped milestone fragments; return milestones and the duplicate fragments dropped.

    A fragment that repeats part of a finished milestone of the same row is a duplicate left
    by the conversion printing a row twice (merged form, then wrapped form).
    """
    done: list[Milestone] = []
    dups: list[tuple[str, int]] = []
    open_: Milestone | None = None
    for frag, n in frags:
        seen = any(norm(frag) in norm(m.text) for m in done)
        if seen and (open_ is None or len(frag) >= 20):
            dups.append((frag, n))
            continue
        if open_ is not None and continues(open_.text, frag):
            open_.parts.append((frag, n))
        elif open_ is None and done and not frag[0].isupper() and not frag.startswith("("):
            open_ = done.pop()  # a lower-case fragment after a full stop: same milestone
            open_.parts.append((frag, n))
        else:
            if open_ is not None:
                done.append(open_)
            open_ = Milestone([(frag, n)])
        if is_closed(open_.text):
            done.append(open_)
            open_ = None
    if open_ is not None:
        done.append(open_)
    return _merge_garbled_twins(done, vocabulary), dups


def garbledness(text: str, vocabulary: dict[str, int]) -> int:
    """Words found nowhere else in the document ("Duilding apon"): OCR damage, most likely."""
    return sum(1 for w in re.findall(r"[a-z]+", text.lower()) if vocabulary.get(w, 0) <= 1)


def ocr_twins(a: str, b: str) -> bool:
    """Same words but for a letter or two in some: "Duilding apon" / "Building open".

    Two real milestones that share a pattern ("Sale of General Fund properties ..." / "Sale of
    Housing Revenue Funding properties ...") differ by whole words, so they stay apart.
    """
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or a == b:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return 2 * len(diff) <= len(wa) and all(Levenshtein.distance(x, y) <= 2 for x, y in diff)


def _merge_garbled_twins(done: list[Milestone], vocabulary: dict[str, int]) -> list[Milestone]:
    """"Duilding apon to public (May 2012)" then "Building open to public (May 2012)": one."""
    out: list[Milestone] = []
    for m in done:
        prev = out[-1] if out else None
        if prev is not None and ocr_twins(prev.text, m.text):
            keep, drop = ((prev, m) if garbledness(prev.text, vocabulary)
                          <= garbledness(m.text, vocabulary) else (m, prev))
            merged = Milestone(list(keep.parts), [*prev.variants, *m.variants, drop.text],
                               [*prev.twin_lines, *m.twin_lines, *(n for _, n in drop.parts)])
            out[-1] = merged
        else:
            out.append(m)
    return out


# --- owners ---------------------------------------------------------------------------------

_MEMBER = re.compile(
    r"^(?:and Directorate\s+)?((?:Mayor|Cllr\.?|Councillor)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"(?:,?\s*Lead Member for [A-Z][a-z]+)?)[\s,]*")
# Directorates are spelt out in 2011/12, with commas, "&" and spaces as the PDF left them.
_DIRECTORATE = re.compile(
    r"Development\s*(?:and|&)\s*Renewal|Communities,?\s+Localities,?\s*(?:and|&)\s*Culture|"
    r"Children'?s?,?\s+Schools,?\s*(?:and|&)\s*Families|"
    r"Adults,?\s+Health\s*(?:and|&)\s*Well\s*-?\s*[Bb]eing|Chief Executive'?s|"
    r"Resources Directorate|All Directorates")


@dataclass(frozen=True)
class Owners:
    lead_member: str | None
    lead_officer: str | None
    directorate: str | None
    garbled: tuple[str, ...]  # leftovers that are OCR twins of a directorate ("Guitare")
    unknown: str | None  # leftovers that are neither


def parse_owners(cell: str, vocabulary: dict[str, int]) -> Owners:
    """"Cllr Rabina Khan Jackie Odunoye Development and Renewal" -> member, officer, unit.

    Several officers each with a directorate become "Name (Directorate) / Name (Directorate)",
    the form ``normalise.leads.parse_lead_officers`` pairs up; several directorates after one
    group of officers are joined with " / ", the separator the entity stage splits on.
    """
    text = clean(cell)
    m = _MEMBER.match(text)
    member = m.group(1).strip(" ,") if m else None
    rest = text[m.end():] if m else re.sub(r"^and Directorate\s*", "", text)
    pairs: list[tuple[str, list[str]]] = []
    pos = 0
    for d in _DIRECTORATE.finditer(rest):
        officer = rest[pos:d.start()].strip(" ,")
        officer = re.sub(r"^(?:and|&)(?:\s+|$)", "", officer) if pairs else officer
        if officer or not pairs:
            pairs.append((officer, [d.group(0)]))
        else:
            pairs[-1][1].append(d.group(0))
        pos = d.end()
    tail = rest[pos:].strip(" ,")
    garbled: tuple[str, ...] = ()
    unknown = None
    if tail:
        units = [u for _, us in pairs for u in us]
        # "Guitare" after "... Localities & Culture": a word seen nowhere else in the document,
        # close to a directorate already read.
        if units and garbledness(tail, vocabulary) and max(
                fuzz.partial_ratio(tail, u) for u in units) >= 55:
            garbled = (tail,)
        elif not pairs:
            pairs.append((tail, []))
        else:
            unknown = tail
    officers = [o for o, _ in pairs if o]
    units = list(dict.fromkeys(u for _, us in pairs for u in us))
    if len([o for o, us in pairs if o and us]) > 1:
        officer_text = " / ".join(f"{o} ({' and '.join(us)})" if us else o for o, us in pairs if o)
    else:
        officer_text = ", ".join(officers) or None
    return Owners(member, officer_text, " / ".join(units) or None, garbled, unknown)


def join_wrapped(parts: list[str]) -> str:
    """Join a cell's lines: "school self-" + "evaluation" -> "school self-evaluation"."""
    out = ""
    for part in parts:
        glue = "" if re.search(r"[a-z]-$", out) or not out else " "
        out += glue + part
    # ">" marks the bullets of a list inside a cell: ">Shifting resources ...".
    return clean(re.sub(r"(^|\s)>(?=\S)", r"\1", out))
