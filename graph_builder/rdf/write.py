"""Records + entities -> an rdflib Dataset: one named graph per document, one for shared entities."""

from __future__ import annotations

from datetime import date

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, TIME

from graph_builder.entities import Entities, PartnerMention
from graph_builder.normalise.dates import parse_deadline
from graph_builder.normalise.progress import percent, status_concept
from graph_builder.normalise.states import classify_state, cross_refs
from graph_builder.normalise.text import slug
from graph_builder.rdf.iris import Iris
from graph_builder.records import Commitment, DocumentRecords, Section, SourceSpan
from graph_builder.vocab import PG

ENTITIES_GRAPH = "entities"

COMMITMENT_CLASSES = {
    "pledge": PG.Pledge, "deliverable": PG.Deliverable, "key-deliverable": PG.Deliverable,
    "strategic-action": PG.StrategicAction, "activity": PG.Activity, "milestone": PG.Milestone,
    "measure": PG.PerformanceMeasure,
}
SECTION_CLASSES = {
    "theme": PG.Theme, "priority": PG.Priority, "priority-outcome": PG.PriorityOutcome,
    "outcome": PG.Outcome,
}
KIND_LABELS = {"pledge": "Pledge", "deliverable": "Deliverable", "key-deliverable":
               "Key deliverable", "strategic-action": "Strategic action", "activity": "Activity",
               "milestone": "Milestone", "measure": "Measure"}


def _bind(g: Graph) -> None:
    for prefix, ns in (("pg", str(PG._NS)), ("org", ORG), ("prov", PROV), ("skos", SKOS),
                       ("dcterms", DCTERMS), ("foaf", FOAF), ("time", TIME)):
        g.bind(prefix, ns)


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class _Writer:
    def __init__(self, iris: Iris, ents: Entities) -> None:
        self.iris = iris
        self.mentions: dict[tuple[str, str], list[PartnerMention]] = {}
        for m in ents.mentions:
            self.mentions.setdefault((m.doc, m.record), []).append(m)

    def interval(self, g: Graph, start: date, end: date) -> URIRef:
        node = self.iris.interval(start, end)
        g.add((node, RDF.type, TIME.ProperInterval))
        for prop, day in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
            inst = self.iris.instant(day)
            g.add((node, prop, inst))
            g.add((inst, RDF.type, TIME.Instant))
            g.add((inst, TIME.inXSDDate, Literal(day, datatype=XSD.date)))
        return node

    def span(self, g: Graph, span: SourceSpan, doc_node: URIRef) -> URIRef:
        node = self.iris.span(span.doc, span.first, span.last)
        g.add((node, RDF.type, PG.SourceSpan))
        g.add((node, PG.inDocument, doc_node))
        g.add((node, PG.firstLine, Literal(span.first, datatype=XSD.positiveInteger)))
        g.add((node, PG.lastLine, Literal(span.last, datatype=XSD.positiveInteger)))
        g.add((node, PG.sourceText, Literal(span.text)))
        return node


def to_dataset(
    documents: list[DocumentRecords], ents: Entities, iris: Iris | None = None
) -> Dataset:
    iris = iris or Iris()
    ds = Dataset()
    _bind(ds)
    w = _Writer(iris, ents)
    shared = ds.graph(iris.graph(ENTITIES_GRAPH))
    councils = {d.info.council for d in documents}
    for council in sorted(councils):
        node = iris.organization(council)
        shared.add((node, RDF.type, ORG.FormalOrganization))
        shared.add((node, RDF.type, ORG.Organization))  # explicit: queries need no inference
        shared.add((node, SKOS.prefLabel, Literal(council, lang="en")))
        shared.add((node, RDFS.label, Literal(council, lang="en")))
    council_of = {d.info.id: iris.organization(d.info.council) for d in documents}
    for doc in documents:
        _document(w, ds.graph(iris.graph(doc.info.id)), doc, ents, council_of[doc.info.id])
    _entities(w, shared, documents, ents, council_of)
    return ds


def _document(w: _Writer, g: Graph, doc: DocumentRecords, ents: Entities, council: URIRef) -> None:
    iris, info = w.iris, doc.info
    d = iris.document(info.id)
    g.add((d, RDF.type, PG.PlanDocument))
    g.add((d, RDF.type, PROV.Plan))
    g.add((d, DCTERMS.title, Literal(info.title, lang="en")))
    g.add((d, RDFS.label, Literal(info.title, lang="en")))
    g.add((d, DCTERMS.identifier, Literal(info.id)))
    g.add((d, DCTERMS.source, Literal(info.path.name)))
    g.add((d, PG.sha256, Literal(doc.sha256)))
    g.add((d, PG.documentKind, PG[info.kind]))
    g.add((d, PG.layout, Literal(info.layout)))
    g.add((d, PG.council, council))
    g.add((d, DCTERMS.publisher, council))
    g.add((d, DCTERMS.license, URIRef(info.licence)))
    g.add((d, DCTERMS.temporal, w.interval(g, info.period_start, info.period_end)))
    if info.report_date:
        g.add((d, PG.reportDate, Literal(info.report_date, datatype=XSD.date)))

    keys = {r.key for r in (*doc.sections, *doc.commitments)}
    for s in doc.sections:
        _section(w, g, d, s, keys)
    for c in doc.commitments:
        _commitment(w, g, d, doc, c, ents, keys)
    for p in doc.progress:
        node = iris.observation(info.id, p.commitment)
        g.add((node, RDF.type, PG.ProgressObservation))
        g.add((node, PG.observes, iris.record(info.id, p.commitment)))
        g.add((node, PG.reportedIn, d))
        g.add((node, PROV.wasDerivedFrom, w.span(g, p.span, d)))
        as_of = info.report_date or info.period_end
        g.add((node, PG.asOf, Literal(as_of, datatype=XSD.date)))
        g.add((node, RDFS.label, Literal(f"Progress of {p.commitment} at {as_of}", lang="en")))
        if p.status:
            g.add((node, PG.statusText, Literal(p.status)))
            concept = status_concept(p.status)
            if concept:
                g.add((node, PG.status, PG[concept]))
        if p.percent:
            g.add((node, PG.percentText, Literal(p.percent)))
            value = percent(p.percent)
            if value is not None:
                g.add((node, PG.percentComplete, Literal(value, datatype=XSD.decimal)))
        if p.comment:
            g.add((node, RDFS.comment, Literal(p.comment, lang="en")))


def _section(w: _Writer, g: Graph, d: URIRef, s: Section, keys: set[str]) -> None:
    node = w.iris.record(s.span.doc, s.key)
    g.add((node, RDF.type, SECTION_CLASSES[s.kind]))
    g.add((node, RDF.type, PG.Section))  # explicit: queries need no inference
    g.add((node, PG.inPlan, d))
    g.add((node, DCTERMS.title, Literal(s.title, lang="en")))
    label = f"{s.kind.replace('-', ' ').capitalize()} {s.number}: {s.title}" if s.number else s.title
    g.add((node, RDFS.label, Literal(_short(label), lang="en")))
    if s.number:
        g.add((node, PG.number, Literal(s.number)))
    if s.ambition:
        g.add((node, PG.ambition, Literal(s.ambition, lang="en")))
    if s.parent and s.parent in keys:
        g.add((node, PG.partOf, w.iris.record(s.span.doc, s.parent)))
    for outcome in s.linked_outcomes:
        concept = w.iris._iri("concept", "equality-outcome", slug(outcome, 16))
        g.add((node, PG.linkedEqualityOutcome, concept))
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.inScheme, PG.EqualityOutcomeScheme))
        g.add((concept, SKOS.prefLabel, Literal(outcome, lang="en")))
    g.add((node, PROV.wasDerivedFrom, w.span(g, s.span, d)))


def _commitment(w: _Writer, g: Graph, d: URIRef, doc: DocumentRecords, c: Commitment,
                ents: Entities, keys: set[str]) -> None:
    iris, doc_id = w.iris, doc.info.id
    node = iris.record(doc_id, c.key)
    g.add((node, RDF.type, COMMITMENT_CLASSES[c.kind]))
    g.add((node, RDF.type, PG.Commitment))
    g.add((node, PG.inPlan, d))
    g.add((node, PG.text, Literal(c.text, lang="en")))
    label = f"{KIND_LABELS[c.kind]} {c.number}: {c.text}" if c.number else c.text
    g.add((node, RDFS.label, Literal(_short(label), lang="en")))
    if c.number:
        g.add((node, PG.number, Literal(c.number)))
    if c.parent and c.parent in keys:
        g.add((node, PG.partOf, iris.record(doc_id, c.parent)))
    g.add((node, PROV.wasDerivedFrom, w.span(g, c.span, d)))
    for variant in c.variants:
        g.add((node, SKOS.hiddenLabel, Literal(variant, lang="en")))
    for flag in c.flags:
        g.add((node, PG.flag, PG[flag]))
    if c.deadline:
        dl = parse_deadline(c.deadline)
        g.add((node, PG.deadlineText, Literal(dl.raw)))
        if dl.value:
            g.add((node, PG.deadline, Literal(dl.value, datatype=XSD.date)))
        if dl.problem:
            g.add((node, PG.deadlineProblem, Literal(dl.problem)))
    if c.state_text:
        g.add((node, PG.stateText, Literal(c.state_text, lang="en")))
        state = classify_state(c.state_text)
        if state:
            g.add((node, PG.state, PG[state]))
    if c.number:
        refs = cross_refs(c.number, " ".join(x for x in (c.text, c.state_text) if x))
        for ref in refs:
            target_key = f"{c.kind}-{ref.target}"
            if target_key not in keys:
                continue
            target = iris.record(doc_id, target_key)
            prop = PG.deliveredThrough if ref.relation == "delivered-through" else RDFS.seeAlso
            g.add((node, prop, target))
            if prop == PG.deliveredThrough:
                g.add((target, PG.incorporates, node))
            g.add((node, PG.crossReference, Literal(ref.evidence)))
    owners = ents.owners.get((doc_id, c.key))
    if owners:
        for pid in owners.members:
            g.add((node, PG.leadMember, iris.person(pid)))
        for pid in owners.posts:
            g.add((node, PG.leadPost, iris.post(pid)))
        for pid in owners.officers:
            g.add((node, PG.leadOfficer, iris.person(pid)))
        for uid in owners.units:
            g.add((node, PG.responsibleUnit, iris.unit(uid)))
    for m in w.mentions.get((doc_id, c.key), []):
        partner = iris.organization(m.partner)
        mention = iris.mention(doc_id, c.key, m.field, m.start)
        g.add((node, PG.mentionsOrganization, partner))
        g.add((mention, RDF.type, PG.Mention))
        g.add((mention, PG.mentionIn, iris.observation(doc_id, c.key)
               if m.field == "comment" else node))
        g.add((mention, PG.mentionOf, partner))
        g.add((mention, PG.mentionText, Literal(m.text)))
        g.add((mention, PG.startOffset, Literal(m.start, datatype=XSD.nonNegativeInteger)))
        g.add((mention, PG.endOffset, Literal(m.end, datatype=XSD.nonNegativeInteger)))


def _entities(w: _Writer, g: Graph, documents: list[DocumentRecords], ents: Entities,
              council_of: dict[str, URIRef]) -> None:
    from graph_builder.entities.restructures import find_restructures
    from graph_builder.rdf.restructures import write_restructures

    iris = w.iris
    info = {d.info.id: d.info for d in documents}
    _people(g, iris, ents)
    for post in ents.posts.values():
        node = iris.post(post.id)
        g.add((node, RDF.type, ORG.Post))
        g.add((node, RDFS.label, Literal(post.title, lang="en")))
        g.add((node, SKOS.prefLabel, Literal(post.title, lang="en")))
        for form in post.forms:
            g.add((node, SKOS.altLabel, Literal(form, lang="en")))
        if post.note:
            g.add((node, SKOS.editorialNote, Literal(post.note, lang="en")))
        g.add((node, ORG.role, iris.role(post.id)))
        g.add((iris.role(post.id), RDF.type, ORG.Role))
        g.add((iris.role(post.id), RDFS.label, Literal(post.title, lang="en")))
    for post_id, doc_id in sorted(ents.posts_in):
        g.add((iris.post(post_id), ORG.postIn, council_of[doc_id]))
        g.add((iris.post(post_id), PG.shownIn, iris.document(doc_id)))
    for unit in ents.units.values():
        node = iris.unit(unit.id)
        g.add((node, RDF.type, ORG.OrganizationalUnit))
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, SKOS.prefLabel, Literal(unit.name, lang="en")))
        g.add((node, RDFS.label, Literal(unit.name, lang="en")))
        for form in unit.forms:
            if form != unit.name:
                g.add((node, SKOS.altLabel, Literal(form, lang="en")))
        if not unit.known:
            g.add((node, PG.unrecognisedName, Literal(unit.name)))
    for unit_id, doc_id in sorted(ents.units_in):
        g.add((iris.unit(unit_id), ORG.unitOf, council_of[doc_id]))
        g.add((council_of[doc_id], ORG.hasUnit, iris.unit(unit_id)))
        g.add((iris.unit(unit_id), PG.shownIn, iris.document(doc_id)))
    for pid, post_id, doc_id in sorted(ents.holdings):
        person = iris.person(pid)
        g.add((person, ORG.holds, iris.post(post_id)))
        g.add((iris.post(post_id), ORG.heldBy, person))
        _membership(w, g, iris.membership(post_id, pid, doc_id), person, council_of[doc_id],
                    iris.role(post_id), info[doc_id])
    for pid, unit_id, doc_id in sorted((p, u, d) for p, u, d in ents.officers_in if u):
        _membership(w, g, iris.membership(unit_id, pid, doc_id), iris.person(pid),
                    iris.unit(unit_id), None, info[doc_id])
    for partner in ents.partners.values():
        node = iris.organization(partner.id)
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, SKOS.prefLabel, Literal(partner.name, lang="en")))
        g.add((node, RDFS.label, Literal(partner.name, lang="en")))
        for form in partner.forms:
            if form != partner.name:
                g.add((node, SKOS.altLabel, Literal(form, lang="en")))
    write_restructures(g, iris, ents, find_restructures(documents, ents), w.interval)


def _people(g: Graph, iris: Iris, ents: Entities) -> None:
    members = {p for p, _ in ents.members_in}
    officers = {p for p, _, _ in ents.officers_in}
    shown = {(p, d) for p, d in ents.members_in} | {(p, d) for p, _, d in ents.officers_in}
    for p in ents.people.values():
        node = iris.person(p.id)
        g.add((node, RDF.type, FOAF.Person))
        if p.id in members:
            g.add((node, RDF.type, PG.ElectedMember))
        if p.id in officers:
            g.add((node, RDF.type, PG.Officer))
        g.add((node, FOAF.name, Literal(p.name)))
        g.add((node, RDFS.label, Literal(p.name)))
        for v in p.variants:  # other spellings: searchable and shown
            g.add((node, SKOS.altLabel, Literal(v)))
        for v in p.printed:  # titled forms as printed: searchable, not for display
            g.add((node, SKOS.hiddenLabel, Literal(v)))
        if p.merge_reason:
            g.add((node, PG.mergeReason, Literal(p.merge_reason)))
    # Where a document names the person without a post (2011/12, 2014/15 councillors), this is
    # all the graph says about them in that document.
    for pid, doc_id in sorted(shown):
        g.add((iris.person(pid), PG.shownIn, iris.document(doc_id)))


def _membership(w: _Writer, g: Graph, node: URIRef, person: URIRef, org: URIRef,
                role: URIRef | None, info: object) -> None:
    g.add((node, RDF.type, ORG.Membership))
    g.add((node, ORG.member, person))
    g.add((node, ORG.organization, org))
    if role is not None:
        g.add((node, ORG.role, role))
    g.add((node, ORG.memberDuring, w.interval(g, info.period_start, info.period_end)))  # type: ignore[attr-defined]
    g.add((node, PROV.wasDerivedFrom, w.iris.document(info.id)))  # type: ignore[attr-defined]


def union(ds: Dataset) -> Graph:
    """All named graphs as one Graph (for Turtle output and SHACL)."""
    g = Graph()
    _bind(g)
    for ctx in ds.graphs():
        for t in ctx:
            g.add(t)
    return g

