"""Restructures -> org:ChangeEvent resources (typed pg:Restructure too) with their evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from graph_builder.entities.model import Entities
from graph_builder.entities.restructures import Restructure
from graph_builder.rdf.iris import Iris
from graph_builder.vocab import PG


def write_restructures(g: Graph, iris: Iris, ents: Entities, changes: list[Restructure],
                       interval: Callable[[Graph, date, date], URIRef]) -> None:
    for ch in changes:
        node = iris.change_event(ch.id)
        before = iris.unit(ch.before)
        g.add((node, RDF.type, ORG.ChangeEvent))
        g.add((node, RDF.type, PG.Restructure))
        after = ents.units[ch.after].name if ch.after else "successor not named"
        label = (f"{ents.units[ch.before].name} → {after} "
                 f"(between {ch.from_era.label} and {ch.to_era.label})")
        g.add((node, RDFS.label, Literal(label, lang="en")))
        g.add((node, DCTERMS.description, Literal(ch.reason, lang="en")))
        g.add((node, ORG.originalOrganization, before))
        g.add((before, ORG.changedBy, node))
        if ch.after:
            g.add((node, ORG.resultingOrganization, iris.unit(ch.after)))
            g.add((iris.unit(ch.after), ORG.resultedFrom, node))
        # The documents date the change no closer than "after one era's plan, before the next's".
        g.add((node, DCTERMS.temporal, interval(g, ch.from_era.end, ch.to_era.start)))
        g.add((node, PG.lineage, PG["supported-lineage" if ch.certain else "uncertain-lineage"]))
        for doc in (*ch.from_era.docs, *ch.to_era.docs):
            g.add((node, PROV.wasDerivedFrom, iris.document(doc)))
        for pid in ch.officers:
            g.add((node, PG.movedOfficer, iris.person(pid)))
        for doc, key in ch.commitments:
            g.add((node, PG.evidenceCommitment, iris.record(doc, key)))
