"""Post titles as printed -> one post each: the same office printed several ways is one post.

Rules (each leaves a note on the post):
1. "Executive Mayor" is the Mayor: Tower Hamlets has one directly elected (executive) Mayor;
   the 2017/18 documents print the title with "Executive", the others without.
2. A title that differs from another only by "for" is the same post ("Deputy Mayor Education and
   Children's Services" / "Deputy Mayor for Education and Children's Services").
3. A title cut short by the PDF conversion is the one post of the same document that it is the
   start of ("Cabinet Member for Strategic" -> "... for Strategic Development", both in the
   2017/18 report); when it starts several or names no portfolio at all ("Cabinet Member for"),
   it names no post. Only within one document: "Cabinet Member for Resources" (2017/18) is a
   whole title, not the start of 2023/24's "... Resources and the Cost of Living".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

_ALIASES = {"Executive Mayor": "Mayor"}
_ALIAS_NOTE = ("'Executive Mayor' (2017/18) and 'Mayor' name the one directly elected Mayor "
               "of Tower Hamlets")


def _key(title: str) -> tuple[str, ...]:
    return tuple(w for w in title.lower().replace("’", "'").split() if w != "for")


def canonical_posts(
    uses: Iterable[tuple[str, str]],
) -> tuple[dict[tuple[str, str], str | None], dict[str, list[str]]]:
    """(printed title, doc) -> canonical title (None: names no post); canonical -> notes."""
    uses = list(uses)
    counts = Counter(t for t, _ in uses)
    by_key: dict[tuple[str, ...], list[str]] = {}
    for t in counts:
        by_key.setdefault(_key(_ALIASES.get(t, t)), []).append(t)
    out: dict[str, str | None] = {}
    notes: dict[str, list[str]] = {}
    for forms in by_key.values():
        aliased = [_ALIASES.get(f, f) for f in forms]
        best = sorted(set(aliased), key=lambda t: (-sum(counts[f] for f in forms
                                                        if _ALIASES.get(f, f) == t), t))[0]
        for f in forms:
            out[f] = best
            if f != best:
                notes.setdefault(best, []).append(
                    _ALIAS_NOTE if f in _ALIASES else f"'{f}' differs only by 'for'")
    result: dict[tuple[str, str], str | None] = {}
    for t, doc in set(uses):
        result[(t, doc)] = out[t]
        if not t.lower().startswith("cabinet member"):
            continue  # Mayor, Deputy Mayor: whole titles, not cut-short portfolios
        words = _key(t)
        longer = {out[f] for f, d in uses if d == doc and _key(f)[:len(words)] == words
                  and len(_key(f)) > len(words)}
        if not longer:
            continue
        if len(longer) == 1 and words[-1] not in ("member", "and", "&"):
            (target,) = longer
            result[(t, doc)] = target
            note = f"'{t}' is this title cut short in the source"
            if note not in notes.setdefault(str(target), []):
                notes[str(target)].append(note)
        else:
            result[(t, doc)] = None  # "Cabinet Member for": no portfolio printed
    return result, notes
