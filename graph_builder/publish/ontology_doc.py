"""The ontology documented for people: classes, properties, concept schemes, and the SHACL shapes
that say what the graph promises about each class."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, SKOS
from rdflib.term import Node

from graph_builder.publish.context import PREFIXES
from graph_builder.validate import load_ontology, load_shapes

PG = PREFIXES["pg"]
_KINDS = [(OWL.Class, "Classes"), (OWL.ObjectProperty, "Object properties"),
          (OWL.DatatypeProperty, "Datatype properties"), (SKOS.ConceptScheme, "Concept schemes"),
          (SKOS.Concept, "Concepts")]
_CONSTRAINTS = ("minCount", "maxCount", "datatype", "class", "nodeKind", "pattern", "minLength",
                "maxLength", "minInclusive", "maxInclusive", "in", "hasValue", "lessThanOrEquals",
                "node", "qualifiedMinCount")


@dataclass
class Constraint:
    path: str
    rules: list[str]
    severity: str
    message: str


@dataclass
class Term:
    iri: str
    local: str
    kind: str
    label: str
    comment: str
    facts: list[tuple[str, list[str]]] = field(default_factory=list)  # (relation, [curies])
    shapes: list[Constraint] = field(default_factory=list)


def curie(node: Node, g: Graph | None = None) -> str:
    if isinstance(node, BNode) and g is not None:
        union = g.value(node, OWL.unionOf)
        if union is not None:
            return " or ".join(curie(x, g) for x in Collection(g, union))
        if (node, RDF.first, None) in g:
            return " / ".join(curie(x, g) for x in Collection(g, node))
    text = str(node)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text


def _shape_constraints(shapes: Graph) -> dict[str, list[Constraint]]:
    """Constraints by target class IRI (property shapes and SPARQL constraints)."""
    out: dict[str, list[Constraint]] = {}
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = sorted(str(t) for t in shapes.objects(shape, SH.targetClass))
        found: list[Constraint] = []
        for prop in shapes.objects(shape, SH.property):
            rules = []
            for name in _CONSTRAINTS:
                for value in shapes.objects(prop, SH[name]):
                    shown = (", ".join(curie(x, shapes) for x in Collection(shapes, value))
                             if name == "in" else curie(value, shapes))
                    rules.append(f"{name} {shown}")
            found.append(Constraint(curie(shapes.value(prop, SH.path), shapes), sorted(rules),
                                    curie(shapes.value(prop, SH.severity) or SH.Violation).split(":")[-1],
                                    str(shapes.value(prop, SH.message) or "")))
        for sparql in shapes.objects(shape, SH.sparql):
            severity = shapes.value(sparql, SH.severity) or shapes.value(shape, SH.severity) or SH.Violation
            message = shapes.value(sparql, SH.message) or shapes.value(shape, RDFS.comment) or ""
            found.append(Constraint("(SPARQL rule)", [], curie(severity).split(":")[-1], str(message)))
        for t in targets:
            out.setdefault(t, []).extend(found)
    return out


def document_ontology(ontology: Graph | None = None, shapes: Graph | None = None) -> dict[str, object]:
    """Sections of terms for the ontology page, plus shapes on classes from other vocabularies."""
    g = ontology if ontology is not None else load_ontology()
    by_class = _shape_constraints(shapes if shapes is not None else load_shapes())
    header = g.value(predicate=RDF.type, object=OWL.Ontology)
    sections: list[tuple[str, list[Term]]] = []
    for kind, title in _KINDS:
        terms = []
        for node in sorted({s for s in g.subjects(RDF.type, kind) if str(s).startswith(PG)}, key=str):
            local = str(node)[len(PG):]
            facts: list[tuple[str, list[str]]] = []
            for rel, prop in (("subclass of", RDFS.subClassOf), ("subproperty of", RDFS.subPropertyOf),
                              ("domain", RDFS.domain), ("range", RDFS.range), ("in scheme", SKOS.inScheme)):
                values = sorted(curie(o, g) for o in g.objects(node, prop))
                if values:
                    facts.append((rel, values))
            label = g.value(node, RDFS.label) or g.value(node, SKOS.prefLabel) or local
            comment = g.value(node, RDFS.comment) or g.value(node, SKOS.definition) or ""
            terms.append(Term(str(node), local, title, str(label), str(comment), facts,
                              by_class.pop(str(node), [])))
        sections.append((title, terms))
    foreign = sorted((curie(URIRef(k)), v) for k, v in by_class.items())
    return {"iri": str(header) if header else PG, "sections": sections, "foreign_shapes": foreign,
            "label": str(g.value(header, RDFS.label) or "pledgegraph ontology") if header else "",
            "comment": str(g.value(header, RDFS.comment) or "") if header else "",
            "version": str(g.value(header, OWL.versionInfo) or "") if header else ""}
