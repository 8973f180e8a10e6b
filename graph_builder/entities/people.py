"""One person per set of printed names, merging only on explainable evidence.

Rules, in order (each merge keeps its reason):
1. the same name once titles, case and punctuation are set aside;
2. a middle name omitted ("Maium Talukdar" / "Maium Miah Talukdar"): same first and last name;
3. a one-letter spelling or OCR slip in one name part, the other parts equal and the part at
   least four letters long ("Shazia Hussein" / "Shazia Hussain", "Dianna Warne" / "Diana Warne").
Nothing looser: "Rania Khan" and "Rabina Khan" (two edits) stay two people, as do
"David Jones" and "Debbie Jones".
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from graph_builder.entities.model import MergeGroup, Person
from graph_builder.normalise.text import slug


def name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z]+", name.lower().replace("'", "")))


def _relation(a: str, b: str) -> str | None:
    """Why keys a and b name the same person, or None."""
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


def cluster_people(names: list[str]) -> tuple[dict[str, Person], dict[str, str], list[MergeGroup]]:
    """Cluster printed names; return people by id, printed name -> person id, merge groups."""
    counts = Counter(n for n in names if name_key(n))
    keys: dict[str, list[str]] = {}
    for name in counts:
        keys.setdefault(name_key(name), []).append(name)
    parent = {k: k for k in keys}
    reasons: dict[str, list[str]] = {
        k: [f"{' / '.join(sorted(p))}: same name, other case or punctuation"]
        for k, p in keys.items() if len(p) > 1
    }

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    ordered = sorted(keys)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            why = _relation(a, b)
            if why and find(a) != find(b):
                ra, rb = find(a), find(b)
                parent[rb] = ra
                reasons.setdefault(ra, []).extend(reasons.pop(rb, []))
                reasons[ra].append(f"{a} ~ {b}: {why}")

    groups: dict[str, list[str]] = {}
    for k, printed in keys.items():
        groups.setdefault(find(k), []).extend(printed)
    people: dict[str, Person] = {}
    lookup: dict[str, str] = {}
    merges: list[MergeGroup] = []
    for root, printed in sorted(groups.items()):
        # Preferred form: the most often printed, then the longest, then alphabetical.
        preferred = sorted(printed, key=lambda n: (-counts[n], -len(n), n))[0]
        pid = slug(preferred)
        variants = tuple(sorted(set(printed) - {preferred}))
        why = "; ".join(reasons.get(root, [])) or None
        if pid in people:  # two different people whose names slug alike: keep both, apart
            pid = f"{pid}-{len([p for p in people if p.startswith(pid)]) + 1}"
        people[pid] = Person(pid, preferred, variants, why)
        for n in printed:
            lookup[n] = pid
        if why:
            merges.append(MergeGroup(pid, tuple(sorted(set(printed))), why))
    return people, lookup, merges
