"""Deterministic, readable IRIs under one configurable base."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from graph_builder.normalise.text import slug

DEFAULT_BASE = "https://w3id.org/pledgegraph/id/"


@dataclass(frozen=True)
class Iris:
    base: str = DEFAULT_BASE

    def _iri(self, *parts: str) -> URIRef:
        base = self.base if self.base.endswith(("/", "#")) else self.base + "/"
        return URIRef(base + "/".join(parts))

    def document(self, doc: str) -> URIRef:
        return self._iri("doc", doc)

    def graph(self, name: str) -> URIRef:
        return self._iri("graph", name)

    def span(self, doc: str, first: int, last: int) -> URIRef:
        return self._iri("source", doc, f"L{first}" if first == last else f"L{first}-{last}")

    def record(self, doc: str, key: str) -> URIRef:
        return self._iri("plan", doc, key)

    def observation(self, doc: str, key: str) -> URIRef:
        return self._iri("observation", doc, key)

    def mention(self, doc: str, key: str, field: str, start: int) -> URIRef:
        return self._iri("mention", doc, key, f"{field}-{start}")

    def person(self, pid: str) -> URIRef:
        return self._iri("person", pid)

    def post(self, pid: str) -> URIRef:
        return self._iri("post", pid)

    def role(self, pid: str) -> URIRef:
        return self._iri("role", pid)

    def unit(self, uid: str) -> URIRef:
        return self._iri("unit", uid)

    def organization(self, name: str) -> URIRef:
        return self._iri("org", slug(name))

    def change_event(self, cid: str) -> URIRef:
        return self._iri("change", cid)

    def membership(self, org: str, person: str, doc: str) -> URIRef:
        return self._iri("membership", org, person, doc)

    def interval(self, start: date, end: date) -> URIRef:
        return self._iri("interval", f"{start.isoformat()}--{end.isoformat()}")

    def instant(self, day: date) -> URIRef:
        return self._iri("instant", day.isoformat())
