"""Project the RDF graph onto an accountability network (networkx).

Nodes: people, posts, directorates, partners, priorities/sections and commitments. Edges say who
answers for what: lead member, lead post, lead officer, directorate, partner mention, and the
hierarchy (commitment part of priority). One SPARQL query each, run on Oxigraph.
"""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from graph_builder.store import to_oxigraph

_PREFIXES = """
PREFIX pg: <https://w3id.org/pledgegraph/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

_COMMITMENTS = _PREFIXES + """
SELECT ?c ?label ?kind ?text ?doc ?line ?plan WHERE {
  ?c a pg:Commitment ; rdfs:label ?label ; pg:text ?text ; pg:inPlan ?p ;
     prov:wasDerivedFrom ?s .
  ?p rdfs:label ?plan .
  ?s pg:inDocument ?d ; pg:firstLine ?line . ?d <http://purl.org/dc/terms/identifier> ?doc .
  ?c a ?kind . FILTER(?kind != pg:Commitment && STRSTARTS(STR(?kind), STR(pg:)))
}"""

_SECTIONS = _PREFIXES + """
SELECT ?s ?label ?kind WHERE {
  ?s a ?kind ; rdfs:label ?label .
  VALUES ?kind { pg:Priority pg:Theme pg:PriorityOutcome pg:Outcome }
}"""

# (edge kind, property, node type of the object)
_EDGES = [
    ("lead member", "pg:leadMember", "person"),
    ("lead post", "pg:leadPost", "post"),
    ("lead officer", "pg:leadOfficer", "person"),
    ("directorate", "pg:responsibleUnit", "directorate"),
    ("mentions", "pg:mentionsOrganization", "partner"),
    ("part of", "pg:partOf", "section"),
]

_NODE_TYPES = {
    "Pledge": "pledge", "Deliverable": "deliverable", "Activity": "activity",
    "Milestone": "milestone", "StrategicAction": "action", "PerformanceMeasure": "measure",
}


def project(data: Graph | Dataset | ox.Store, include_sections: bool = True) -> nx.DiGraph:
    """Build the accountability network. Node attributes: type, label, title (hover text), count."""
    store = data if isinstance(data, ox.Store) else to_oxigraph(data)
    g = nx.DiGraph()

    def rows(q: str) -> list[dict[str, str]]:
        res = store.query(q, use_default_graph_as_union=True)
        names = [v.value for v in res.variables]  # type: ignore[union-attr]
        return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in res]

    for r in rows(_COMMITMENTS):
        kind = _NODE_TYPES.get(r["kind"].rsplit("#", 1)[-1], "commitment")
        g.add_node(r["c"], type=kind, label=r["label"][:40],
                   title=f"{r['label']}\n\n{r['text']}\n\nSource: {r['plan']}, "
                         f"{r['doc']} line {r['line']}")
    if include_sections:
        for r in rows(_SECTIONS):
            g.add_node(r["s"], type="section", label=r["label"][:40], title=r["label"])
    for edge, prop, obj_type in _EDGES:
        if obj_type == "section" and not include_sections:
            continue
        q = _PREFIXES + f"SELECT ?c ?o ?label WHERE {{ ?c {prop} ?o . ?c a pg:Commitment . " \
                        f"OPTIONAL {{ ?o rdfs:label ?label }} }}"
        for r in rows(q):
            target = r["o"]
            if target not in g:
                if obj_type == "section":  # part of another commitment: a hierarchy edge
                    continue
                g.add_node(target, type=obj_type, label=r["label"] or target.rsplit("/", 1)[-1],
                           title=r["label"])
            if r["c"] in g:
                g.add_edge(r["c"], target, kind=edge)
    for node in g.nodes:
        g.nodes[node]["count"] = g.in_degree(node)
    return g
