"""One person per set of printed names, merging only on explainable evidence.

Rules, in order (each merge keeps its reason):
1. the same name once titles, case and punctuation are set aside ("Judith St. John" /
   "Judith St John"; "Mayor Lutfur Rahman" / "Mayor - Lutfur Rahman");
2. a middle name omitted ("Maium Talukdar" / "Maium Miah Talukdar"): same first and last name;
3. a one-letter spelling or OCR slip in one name part, the other parts equal and the part at
   least four letters long ("Shazia Hussein" / "Shazia Hussain", "Dianna Warne" / "Diana Warne").
Rules 2 and 3 apply only between names printed in the same role (both lead members or both
lead officers): a councillor and an officer with near names are more likely two people.
Nothing looser: "Rania Khan" and "Rabina Khan" (two edits) stay two people, as do
"David Jones" and "Debbie Jones", "Kabir Ahmed" and "Kabir Hussain".
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from graph_builder.entities.model import MergeGroup, NameUse, Person
from graph_builder.normalise.text import slug


def name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z]+", name.lower().replace("'", "")))


def relation(a: str, b: str) -> str | None:
    """Why name keys a and b name the same person, or None."""
    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(tb) < 2:
        return None
    if ta[0] == tb[0] and ta[-1] == tb[-1] and len(ta) != len(tb):
        short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        if set(short) <= set(long_):
            return "middle name omitted"
    if len(ta) == len(tb):
        diffs = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
        if len(diffs) == 1:
            x, y = diffs[0]
            if min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) == 1:
                return f"one-letter spelling variant ({x} / {y})"
    return None


class _Groups:
    """Union-find over name keys, keeping the reasons of every union."""

    def __init__(self, keys: list[str]) -> None:
        self.parent = {k: k for k in keys}
        self.reasons: dict[str, list[str]] = {}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.reasons.setdefault(ra, []).extend(self.reasons.pop(rb, []))
        self.reasons.setdefault(ra, []).append(why)


def cluster_people(
    uses: list[NameUse],
) -> tuple[dict[str, Person], dict[str, str], list[MergeGroup]]:
    """Cluster printed names; return people by id, name -> person id, merge groups."""
    uses = [u for u in uses if name_key(u.name)]
    counts = Counter(u.name for u in uses)
    roles: dict[str, set[str]] = {}
    docs: dict[str, set[str]] = {}
    printed: dict[str, set[str]] = {}
    for u in uses:
        key = name_key(u.name)
        roles.setdefault(key, set()).add(u.role)
        docs.setdefault(u.name, set()).add(u.doc)
        printed.setdefault(key, set()).add(u.printed or u.name)
    keys: dict[str, list[str]] = {}
    for name in counts:
        keys.setdefault(name_key(name), []).append(name)
    groups = _Groups(sorted(keys))
    for k, names in keys.items():
        if len(names) > 1:
            groups.union(k, k, f"{' / '.join(sorted(names))}: same name, other case or punctuation")
        forms = printed[k]
        if len(forms) > 1 and forms - set(names):  # titled forms, not just other spellings
            groups.union(k, k, f"{' / '.join(sorted(forms))}: same name once titles are removed")
    ordered = sorted(keys)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            why = relation(a, b)
            if why and roles[a] & roles[b]:
                groups.union(a, b, f"{a} ~ {b}: {why}")

    members: dict[str, list[str]] = {}
    for k in keys:
        members.setdefault(groups.find(k), []).append(k)
    people: dict[str, Person] = {}
    lookup: dict[str, str] = {}
    merges: list[MergeGroup] = []
    for root, ks in sorted(members.items()):
        names = [n for k in ks for n in keys[k]]
        # Preferred form: the most often printed, then the longest, then alphabetical.
        preferred = sorted(names, key=lambda n: (-counts[n], -len(n), n))[0]
        pid = slug(preferred)
        if pid in people:  # two different people whose names slug alike: keep both, apart
            pid = f"{pid}-{len([p for p in people if p.startswith(pid)]) + 1}"
        why = "; ".join(groups.reasons.get(root, [])) or None
        shown = tuple(sorted({f for k in ks for f in printed[k]} - set(names)))
        people[pid] = Person(pid, preferred, tuple(sorted(set(names) - {preferred})), why, shown)
        for n in names:
            lookup[n] = pid
        if why:
            forms = sorted(set(names) | set(shown))
            seen = tuple((n, tuple(sorted(docs[n]))) for n in sorted(set(names)))
            merges.append(MergeGroup(pid, tuple(forms), why, seen))
    return people, lookup, merges
