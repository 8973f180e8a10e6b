"""The dataset described in VoID and DCAT: what it is, whose, under which licence, from which
documents, how big, and where to get it (dumps, SPARQL endpoint).

Nothing here uses blank nodes (checksums get IRIs under the dataset) and nothing uses the clock,
so the description is as reproducible as the dumps it describes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID, Namespace

from graph_builder.publish.canon import canonical_nquads, parse_lines
from graph_builder.publish.config import Publication
from graph_builder.publish.context import PREFIXES, build_context
from graph_builder.publish.formats import FORMATS
from graph_builder.publish.jsonld import to_jsonld
from graph_builder.vocab import PG

SPDX = Namespace("http://spdx.org/rdf/terms#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
IANA = "http://www.iana.org/assignments/media-types/"
VOID_FILE, VOID_JSONLD = "void.ttl", "void.jsonld"
_FEATURES = {"nt": "N-Triples", "ttl": "Turtle", "nq": "N-Quads", "trig": "TriG", "jsonld": "JSON-LD"}
VOCABULARIES = ("https://w3id.org/pledgegraph/def#", "http://www.w3.org/ns/org#",
                "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#",
                "http://purl.org/dc/terms/", "http://xmlns.com/foaf/0.1/",
                "http://www.w3.org/2006/time#")


def _checksum(g: Graph, owner: URIRef, node: URIRef, hexdigest: str) -> None:
    g.add((owner, SPDX.checksum, node))
    g.add((node, RDF.type, SPDX.Checksum))
    g.add((node, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((node, SPDX.checksumValue, Literal(hexdigest, datatype=XSD.hexBinary)))


def _statistics(g: Graph, node: URIRef, data: Graph | Dataset, pub: Publication,
                partitions: bool) -> None:
    # Dataset first: it is a subclass of Graph whose triples() sees only the default graph.
    triples = {(s, p, o) for s, p, o, _g in data.quads()} if isinstance(data, Dataset) else set(data)
    subjects = {s for s, _p, _o in triples}
    entities = {s for s in subjects if isinstance(s, URIRef) and pub.local_path(str(s)) is not None}
    classes = Counter(o for _s, p, o in triples if p == RDF.type)
    properties = Counter(p for _s, p, _o in triples)
    count = {VOID.triples: len(triples), VOID.entities: len(entities), VOID.classes: len(classes),
             VOID.properties: len(properties), VOID.distinctSubjects: len(subjects),
             VOID.distinctObjects: len({o for _s, _p, o in triples})}
    for prop, n in count.items():
        g.add((node, prop, Literal(n, datatype=XSD.integer)))
    if not partitions:
        return
    for cls, n in sorted(classes.items()):
        part = pub.iri("dataset", "class", _slug(cls))
        g.add((node, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    for prop, n in sorted(properties.items()):
        part = pub.iri("dataset", "property", _slug(prop))
        g.add((node, VOID.propertyPartition, part))
        g.add((part, VOID.property, prop))
        g.add((part, VOID.triples, Literal(n, datatype=XSD.integer)))


def _slug(iri: URIRef) -> str:
    """A readable, collision-free path segment for a class or property IRI."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if str(iri).startswith(ns):
            return f"{prefix}-{str(iri)[len(ns):]}"
    return hashlib.sha256(str(iri).encode()).hexdigest()[:16]


def _examples(data: Dataset) -> list[URIRef]:
    """One resource of each main kind, the first by IRI, so the choice is stable."""
    picks = []
    for cls in (PG.Commitment, PG.Priority, FOAF.Person, URIRef("http://www.w3.org/ns/org#Post"),
                URIRef("http://www.w3.org/ns/org#OrganizationalUnit"), PG.PlanDocument):
        found = sorted({s for s, *_ in data.quads((None, RDF.type, cls, None)) if isinstance(s, URIRef)})
        if found:
            picks.append(found[0])
    return picks


def describe_dataset(data: Dataset, pub: Publication, files: dict[str, Path] | None = None) -> Graph:
    """VoID + DCAT description of ``data`` and of the dump ``files`` (name -> path) if given."""
    g = Graph()
    for prefix, ns in (*PREFIXES.items(), ("sd", str(SD)), ("formats", str(FORMATS_NS))):
        g.bind(prefix, ns)
    ds = pub.dataset_iri
    for t in (VOID.Dataset, DCAT.Dataset):
        g.add((ds, RDF.type, t))
    g.add((ds, DCTERMS.title, Literal(pub.title, lang="en")))
    g.add((ds, DCTERMS.description, Literal(pub.description, lang="en")))
    g.add((ds, DCTERMS.license, URIRef(pub.licence)))
    publisher = pub.iri("dataset", "publisher")
    g.add((ds, DCTERMS.publisher, publisher))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(pub.publisher_name)))
    if pub.publisher_url:
        g.add((publisher, FOAF.homepage, URIRef(pub.publisher_url)))
    g.add((ds, DCAT.landingPage, URIRef(pub.root)))
    g.add((ds, FOAF.homepage, URIRef(pub.root)))
    g.add((ds, VOID.uriSpace, Literal(pub.iri())))
    g.add((ds, VOID.rootResource, pub.iri()))
    for vocab in VOCABULARIES:
        g.add((ds, VOID.vocabulary, URIRef(vocab)))
    g.add((ds, DCTERMS.conformsTo, URIRef("https://w3id.org/pledgegraph/def")))
    for ex in _examples(data):
        g.add((ds, VOID.exampleResource, ex))
    _statistics(g, ds, data, pub, partitions=True)

    for doc in sorted({s for s, *_ in data.quads((None, RDF.type, PG.PlanDocument, None))}):
        g.add((ds, DCTERMS.source, doc))
        g.add((doc, RDF.type, PG.PlanDocument))
        for prop in (DCTERMS.title, DCTERMS.identifier, DCTERMS.source, DCTERMS.publisher):
            for value in sorted({o for _s, _p, o, _g in data.quads((doc, prop, None, None))}):
                g.add((doc, prop, value))
        for digest in sorted({str(o) for *_x, o, _g in data.quads((doc, PG.sha256, None, None))}):
            g.add((doc, PG.sha256, Literal(digest)))
            _checksum(g, doc, URIRef(f"{doc}/checksum"), digest)

    for ctx in sorted((c for c in data.graphs() if len(c)), key=lambda c: str(c.identifier)):
        sub = URIRef(str(ctx.identifier))
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, SD.name, sub))
        name = str(sub).rsplit("/", 1)[-1]
        g.add((sub, DCTERMS.title, Literal(f"Named graph {name}", lang="en")))
        doc = pub.iri("doc", name)
        if (doc, RDF.type, PG.PlanDocument) in g:
            g.add((sub, DCTERMS.source, doc))
        _statistics(g, sub, ctx, pub, partitions=False)

    service = pub.iri("dataset", "sparql")
    g.add((ds, VOID.sparqlEndpoint, URIRef(pub.endpoint)))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, RDF.type, SD.Service))
    g.add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint (read-only)", lang="en")))
    g.add((service, DCAT.endpointURL, URIRef(pub.endpoint)))
    g.add((service, SD.endpoint, URIRef(pub.endpoint)))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    g.add((service, DCAT.servesDataset, ds))
    g.add((service, DCTERMS.license, URIRef(pub.licence)))

    for key, fmt in FORMATS.items():
        path = (files or {}).get(fmt.filename)
        if path is None:
            continue
        dist = pub.iri("dataset", "distribution", key)
        url = URIRef(pub.dumps_url + fmt.filename)
        g.add((ds, DCAT.distribution, dist))
        if fmt.rdflib_name:
            g.add((ds, VOID.dataDump, url))
            g.add((ds, VOID.feature, FORMATS_NS[_FEATURES[key]]))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(fmt.title, lang="en")))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.mediaType, URIRef(IANA + fmt.media_type)))
        g.add((dist, DCTERMS["format"], Literal(fmt.media_type)))
        g.add((dist, DCTERMS.license, URIRef(pub.licence)))
        data_bytes = path.read_bytes()
        g.add((dist, DCAT.byteSize, Literal(len(data_bytes), datatype=XSD.nonNegativeInteger)))
        _checksum(g, dist, URIRef(f"{dist}/checksum"), hashlib.sha256(data_bytes).hexdigest())
    return g


def write_description(data: Dataset, pub: Publication, out_dir: Path,
                      files: dict[str, Path]) -> dict[str, Path]:
    """Write void.ttl and void.jsonld next to the dumps; return them by name."""
    g = describe_dataset(data, pub, files)
    triples = parse_lines(canonical_nquads(g), quads=False)
    ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={**PREFIXES, "sd": str(SD)})
    (out_dir / VOID_FILE).write_bytes(ttl or b"")
    (out_dir / VOID_JSONLD).write_text(to_jsonld(g, build_context(g)), encoding="utf-8")
    return {VOID_FILE: out_dir / VOID_FILE, VOID_JSONLD: out_dir / VOID_JSONLD}
