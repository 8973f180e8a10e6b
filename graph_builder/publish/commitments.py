"""The commitments table: one row per commitment, for people who want a spreadsheet, not a graph."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

import pyoxigraph as ox

COLUMNS = [
    "commitment", "number", "kind", "text", "lead_members", "lead_posts", "lead_officers",
    "directorates", "partners", "deadline", "deadline_text", "state", "latest_status",
    "latest_percent", "status_as_of", "status_reported_in", "document", "document_title",
    "first_line", "last_line",
]

_PREFIXES = """PREFIX pg: <https://w3id.org/pledgegraph/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

_MAIN = _PREFIXES + """
SELECT ?c ?number ?kind ?text ?deadline ?deadlineText ?state ?doc ?title ?first ?last WHERE {
  ?c a pg:Commitment ; pg:inPlan ?d .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?c pg:text ?text }
  OPTIONAL { ?c pg:number ?number }
  OPTIONAL { ?c pg:deadline ?deadline }
  OPTIONAL { ?c pg:deadlineText ?deadlineText }
  OPTIONAL { ?c pg:state ?st . OPTIONAL { ?st skos:prefLabel|rdfs:label ?stl } }
  BIND(COALESCE(?stl, REPLACE(STR(?st), "^.*#", "")) AS ?state)
  OPTIONAL { ?c prov:wasDerivedFrom ?s . ?s pg:firstLine ?first ; pg:lastLine ?last }
  OPTIONAL { ?c a ?k . FILTER(?k != pg:Commitment && STRSTARTS(STR(?k), STR(pg:))) }
  BIND(REPLACE(STR(?k), "^.*#", "") AS ?kind)
}"""

# (column, property): the owners of a commitment, named by their labels
_OWNERS = [("lead_members", "pg:leadMember"), ("lead_posts", "pg:leadPost"),
           ("lead_officers", "pg:leadOfficer"), ("directorates", "pg:responsibleUnit"),
           ("partners", "pg:mentionsOrganization")]

_STATUS = _PREFIXES + """
SELECT ?c ?asOf ?status ?percent ?report WHERE {
  ?o pg:observes ?c ; pg:asOf ?asOf .
  OPTIONAL { ?o pg:reportedIn/dcterms:identifier ?report }
  OPTIONAL { ?o pg:status ?sc . OPTIONAL { ?sc skos:prefLabel|rdfs:label ?scl } }
  OPTIONAL { ?o pg:statusText ?stext }
  BIND(COALESCE(?scl, ?stext) AS ?status)
  OPTIONAL { ?o pg:percentComplete ?percent }
}"""


def _rows(store: ox.Store, sparql: str) -> list[dict[str, str]]:
    res = store.query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]  # type: ignore[union-attr]
    return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in res]


def commitment_rows(store: ox.Store) -> list[dict[str, str]]:
    """One dict per commitment (keys: COLUMNS), ordered by document, line, IRI."""
    rows: dict[str, dict[str, str]] = {}
    for r in _rows(store, _MAIN):
        row = rows.setdefault(r["c"], dict.fromkeys(COLUMNS, ""))
        row.update(commitment=r["c"], number=r["number"], text=r["text"],
                   deadline=r["deadline"], deadline_text=r["deadlineText"], document=r["doc"],
                   document_title=r["title"], first_line=r["first"], last_line=r["last"])
        # A record may carry several types or states; keep them all, sorted, for determinism.
        for col, value in (("kind", r["kind"]), ("state", r["state"])):
            values = set(filter(None, row[col].split("; "))) | ({value} if value else set())
            row[col] = "; ".join(sorted(values))
    for column, prop in _OWNERS:
        owners: dict[str, set[str]] = defaultdict(set)
        q = _PREFIXES + f"SELECT ?c ?o ?l WHERE {{ ?c {prop} ?o . OPTIONAL {{ ?o rdfs:label ?l }} }}"
        for r in _rows(store, q):
            owners[r["c"]].add(r["l"] or r["o"])
        for c, names in owners.items():
            if c in rows:
                rows[c][column] = "; ".join(sorted(names))
    latest: dict[str, dict[str, str]] = {}
    for r in sorted(_rows(store, _STATUS), key=lambda r: (r["asOf"], r["report"], r["status"])):
        latest[r["c"]] = r  # the last by date wins
    for c, r in latest.items():
        if c in rows:
            rows[c].update(latest_status=r["status"], latest_percent=r["percent"],
                           status_as_of=r["asOf"], status_reported_in=r["report"])

    def order(row: dict[str, str]) -> tuple[str, int, str]:
        return (row["document"], int(row["first_line"] or 0), row["commitment"])

    return sorted(rows.values(), key=order)


def commitments_csv(store: ox.Store) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(commitment_rows(store))
    return out.getvalue()
