"""Directorate restructures between plan eras, only where the documents give evidence.

A unit *ends* when a plan era shows it and the next era's plans do not. Its officers who appear
in the next era in another unit are the evidence of where it went ("Andy Scott, Ann Sutcliffe,
Owen Whalley: Development and Renewal in 2014/15, Place in 2017/18"); the commitments they lead
in the old unit before and in the new unit after name the services that moved. The lineage is
*supported* when at least two officers made the same move into a unit new in that era, and
*uncertain* otherwise: one officer may have moved on their own, and a unit that existed before
may simply have taken them on. A unit that ends with no officer seen again gets an event with
no successor, marked uncertain: the documents do not say what became of it, and names alone
("Children's Services" / "Children and Culture") are not taken as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from graph_builder.entities.model import Entities
from graph_builder.records import DocumentRecords


@dataclass(frozen=True)
class Era:
    start: date
    end: date
    docs: tuple[str, ...]
    label: str  # "2014/15"


@dataclass(frozen=True)
class Restructure:
    id: str
    before: str  # unit id
    after: str | None  # unit id, None when the documents name no successor
    from_era: Era
    to_era: Era
    officers: tuple[str, ...] = ()
    commitments: tuple[tuple[str, str], ...] = ()  # (doc, key) led by those officers
    certain: bool = False
    reason: str = ""


def eras(documents: list[DocumentRecords]) -> list[Era]:
    """Documents grouped by plan period, oldest first (the two 2017/18 documents are one era)."""
    by: dict[tuple[date, date], list[str]] = {}
    for d in documents:
        by.setdefault((d.info.period_start, d.info.period_end), []).append(d.info.id)
    return [Era(s, e, tuple(sorted(ids)), f"{s.year}/{str(s.year + 1)[-2:]}")
            for (s, e), ids in sorted(by.items())]


def find_restructures(documents: list[DocumentRecords], ents: Entities) -> list[Restructure]:
    out: list[Restructure] = []
    periods = eras(documents)
    for e1, e2 in pairwise(periods):
        units1 = {u for u, d in ents.units_in if d in e1.docs}
        units2 = {u for u, d in ents.units_in if d in e2.docs}
        officers2 = {(p, u) for p, u, d in ents.officers_in if d in e2.docs and u}
        for a in sorted(units1 - units2):
            members = sorted({p for p, u, d in ents.officers_in if u == a and d in e1.docs})
            moved: dict[str, list[str]] = {}
            for p, b in sorted(officers2):
                if p in members:
                    moved.setdefault(b, []).append(p)
            if not moved:
                out.append(Restructure(
                    f"{a}--{e2.label.replace('/', '-')}", a, None, e1, e2, certain=False,
                    reason=f"{ents.units[a].name} is shown in {e1.label}, not in {e2.label}; "
                           f"no officer of it is named "
                           f"in {e2.label}, so the documents do not say what became of it"))
                continue
            for b, people in sorted(moved.items()):
                new = b not in units1
                certain = len(people) >= 2 and new
                work = _led(ents, people, a, e1.docs) + _led(ents, people, b, e2.docs)
                names = ", ".join(ents.people[p].name for p in people)
                unit_b = ents.units[b].name
                why = (f"{len(people)} officer(s) of {ents.units[a].name} in {e1.label} are in "
                       f"{unit_b} in {e2.label}: {names}; {unit_b} is "
                       f"{'new in ' + e2.label if new else 'also shown in ' + e1.label}")
                if not certain:
                    why += "; uncertain: " + ("one officer may have moved on their own"
                                              if len(people) < 2 else "the unit existed before")
                out.append(Restructure(f"{a}--{b}", a, b, e1, e2, tuple(people), tuple(work),
                                       certain, why))
    return out


def _led(ents: Entities, people: list[str], unit: str, docs: tuple[str, ...]) -> list[tuple[str, str]]:
    """Commitments of ``docs`` that one of ``people`` leads with ``unit`` responsible."""
    return sorted((d, k) for (d, k), o in ents.owners.items()
                  if d in docs and unit in o.units and set(people) & set(o.officers))
