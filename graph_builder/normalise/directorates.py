"""Directorate names and abbreviations -> one canonical unit id (gazetteer: data/directorates.jsonl)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from graph_builder.normalise.text import slug
from graph_builder.resources import data_file


@dataclass(frozen=True)
class UnitName:
    id: str
    name: str
    known: bool  # False when the gazetteer has no entry: the unit is kept, and flagged


def _key(text: str) -> str:
    text = text.replace("’", "'").replace("&", " and ").lower()
    return re.sub(r"[^a-z']+", " ", text).strip()


@cache
def _gazetteer() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in data_file("directorates.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            for form in entry["forms"]:
                table[_key(form)] = (entry["id"], entry["name"])
    return table


def resolve_directorate(text: str) -> UnitName:
    hit = _gazetteer().get(_key(text))
    if hit:
        return UnitName(hit[0], hit[1], True)
    return UnitName(slug(text), text.strip(), False)
