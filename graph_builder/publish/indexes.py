"""The rows of the index pages (commitments by year and priority, people, posts, directorates,
partners, documents), read from the Oxigraph store with one SPARQL query each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

_PREFIXES = """PREFIX pg: <https://w3id.org/pledgegraph/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time: <http://www.w3.org/2006/time#>
"""

_COMMITMENTS = _PREFIXES + """
SELECT ?c ?label ?start ?plan ?planLabel ?top ?topLabel ?deadline WHERE {
  ?c a pg:Commitment ; pg:inPlan ?plan .
  OPTIONAL { ?c rdfs:label ?label }
  OPTIONAL { ?plan rdfs:label ?planLabel }
  OPTIONAL { ?plan dcterms:temporal/time:hasBeginning/time:inXSDDate ?start }
  OPTIONAL { ?c pg:deadline ?deadline }
  OPTIONAL {
    ?c pg:partOf+ ?top . ?top a pg:Section .
    FILTER NOT EXISTS { ?top pg:partOf ?up . ?up a pg:Section }
    OPTIONAL { ?top rdfs:label ?topLabel }
  }
}"""

# name -> (title, SPARQL selecting ?x ?label ?n ?note)
_LISTS: dict[str, tuple[str, str]] = {
    "people": ("People", """
SELECT ?x ?label (COUNT(DISTINCT ?c) AS ?n) (GROUP_CONCAT(DISTINCT ?role; separator=", ") AS ?note)
WHERE { ?x a foaf:Person . OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?c pg:leadMember|pg:leadOfficer ?x }
  OPTIONAL { ?x a ?t . VALUES (?t ?role) { (pg:ElectedMember "elected member") (pg:Officer "officer") } }
} GROUP BY ?x ?label"""),
    "posts": ("Posts (cabinet portfolios)", """
SELECT ?x ?label (COUNT(DISTINCT ?c) AS ?n) (GROUP_CONCAT(DISTINCT ?who; separator=", ") AS ?note)
WHERE { ?x a org:Post . OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?c pg:leadPost ?x }
  OPTIONAL { ?x org:role ?r . ?m org:role ?r ; org:member/rdfs:label ?who }
} GROUP BY ?x ?label"""),
    "directorates": ("Directorates", """
SELECT ?x ?label (COUNT(DISTINCT ?c) AS ?n) ("" AS ?note)
WHERE { ?x a org:OrganizationalUnit . OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?c pg:responsibleUnit ?x }
} GROUP BY ?x ?label"""),
    "partners": ("Partner organisations", """
SELECT ?x ?label (COUNT(DISTINCT ?c) AS ?n) ("" AS ?note)
WHERE { ?x a org:Organization .
  FILTER NOT EXISTS { ?x a org:OrganizationalUnit } FILTER NOT EXISTS { ?x a org:FormalOrganization }
  OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?c pg:mentionsOrganization ?x }
} GROUP BY ?x ?label"""),
    "documents": ("Source documents", """
SELECT ?x ?label (COUNT(DISTINCT ?c) AS ?n) (SAMPLE(?kind) AS ?note)
WHERE { ?x a pg:PlanDocument . OPTIONAL { ?x dcterms:title ?label }
  OPTIONAL { ?c pg:inPlan ?x ; a pg:Commitment }
  OPTIONAL { ?x pg:documentKind ?k . BIND(REPLACE(STR(?k), "^.*#", "") AS ?kind) }
} GROUP BY ?x ?label"""),
}
LIST_TITLES = {name: title for name, (title, _q) in _LISTS.items()} | {
    "commitments": "Commitments by year and priority"}


@dataclass
class Row:
    iri: str
    label: str
    count: int = 0
    note: str = ""


@dataclass
class Group:
    title: str
    iri: str | None = None
    rows: list[Row] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


def _select(store: ox.Store, sparql: str) -> list[dict[str, str]]:
    res = store.query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]  # type: ignore[union-attr]
    return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in res]


def entity_rows(store: ox.Store, name: str) -> list[Row]:
    """Rows of a type index, most-cited first, then by label."""
    _title, query = _LISTS[name]
    rows = [Row(r["x"], r["label"] or r["x"].rsplit("/", 1)[-1], int(r["n"] or 0), r["note"])
            for r in _select(store, _PREFIXES + query)]
    return sorted(rows, key=lambda r: (-r.count, r.label.lower(), r.iri))


def _year(start: str, plan_label: str) -> str:
    if len(start) >= 4 and start[:4].isdigit():
        y = int(start[:4])
        return f"{y}/{(y + 1) % 100:02d}" if start[5:7] not in ("", "01") else str(y)
    return plan_label or "undated"


def commitment_groups(store: ox.Store) -> list[Group]:
    """Commitments grouped by plan year (newest first), then by top-level priority/section."""
    years: dict[str, dict[str, Group]] = {}
    seen: set[tuple[str, str]] = set()
    for r in _select(store, _COMMITMENTS):
        year = _year(r["start"], r["planLabel"])
        key = r["top"] or ""
        if (r["c"], key) in seen:
            continue
        seen.add((r["c"], key))
        sections = years.setdefault(year, {})
        title = r["topLabel"] or ("(no priority)" if not key else key.rsplit("/", 1)[-1])
        group = sections.setdefault(key, Group(title, key or None))
        group.rows.append(Row(r["c"], r["label"] or r["c"].rsplit("/", 1)[-1], 0, r["deadline"]))
    out = []
    for year in sorted(years, reverse=True):
        sections = sorted(years[year].values(), key=lambda g: (g.iri is None, _natural(g.title)))
        for g in sections:
            g.rows.sort(key=lambda r: (_natural(r.label), r.iri))
        out.append(Group(year, None, [], sections))
    return out


def _natural(text: str) -> tuple[object, ...]:
    """Sort 'Priority 10' after 'Priority 9'."""
    return tuple(int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", text))
