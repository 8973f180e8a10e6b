"""The static site: every page the server would give, written as files that work from ``file://``
or any static host (one HTML, Turtle, JSON-LD and N-Triples file per resource, index pages, the
ontology, the source texts with line anchors, the dumps, the description and the network).

Layout::

    index.html  commitments.html  people.html ...  ontology.html  queries.html  accountability.html
    id/<local>.html|.ttl|.jsonld|.nt     one set per resource (local = the IRI after the base)
    text/<doc>.html                      source text, one anchor per line (#L12)
    dumps/                               `pledgegraph export` output
    void.ttl  void.jsonld  .well-known/void  context.jsonld
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from graph_builder.publish.config import Publication, detect_base
from graph_builder.publish.context import build_context
from graph_builder.publish.export import CONTEXT_FILE, export
from graph_builder.publish.formats import FORMATS
from graph_builder.publish.links import LISTS, ONTOLOGY_NS, RDF_EXTENSIONS, SiteLinker, file_stem
from graph_builder.publish.network import network_page
from graph_builder.publish.ontology_doc import document_ontology
from graph_builder.publish.pages import DumpInfo, Pages, dataset_stats, source_texts, stylesheet
from graph_builder.publish.void import VOID_FILE, VOID_JSONLD
from graph_builder.store import to_oxigraph


@dataclass
class SiteReport:
    root: Path
    resources: int
    files: int


def _resources(pub: Publication, *stores: ox.Store) -> list[str]:
    """IRIs under the base that are the subject of something: each gets its own pages."""
    found: set[str] = set()
    for store in stores:
        for q in store.quads_for_pattern(None, None, None, None):
            if isinstance(q.subject, ox.NamedNode) and pub.local_path(q.subject.value):
                found.add(q.subject.value)
    return sorted(found)


def publish_site(data: Dataset, site: Path, pub: Publication | None = None,
                 manifest: Path | None = None, visualise: bool = True,
                 progress: Callable[[str], None] | None = None) -> SiteReport:
    """Write the static site for ``data`` into ``site`` (created; old content replaced)."""
    say = progress or (lambda _msg: None)
    pub = pub or Publication(base=detect_base(data))
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    say("writing the dumps and the dataset description")
    dumps = export(data, site / "dumps", pub=pub)
    for name in (VOID_FILE, VOID_JSONLD, CONTEXT_FILE):
        shutil.copyfile(dumps[name], site / name)
    (site / ".well-known").mkdir()
    shutil.copyfile(dumps[VOID_FILE], site / ".well-known" / "void")

    store, void_store = to_oxigraph(data), ox.Store()
    void_store.bulk_load(dumps[VOID_FILE].read_bytes(), ox.RdfFormat.TURTLE)
    pages = Pages(store, void_store, pub, build_context(data))
    pages.texts = source_texts(pages.describer, manifest)
    pages.visualisation = visualise
    resources = _resources(pub, store, void_store)
    terms = {t.iri for _title, ts in document_ontology()["sections"] for t in ts}  # type: ignore[attr-defined]
    known = set(resources) | {t for t in terms if t.startswith(ONTOLOGY_NS)}
    root = SiteLinker(pub, known.__contains__)
    files = 0

    def write(rel: str, content: str | bytes) -> None:
        nonlocal files
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        files += 1

    say(f"writing pages for {len(resources)} resources")
    for iri in resources:
        stem = "id/" + file_stem(pub.local_path(iri) or "")
        d = pages.describe(iri)
        write(stem + ".html", pages.resource(d, root.at(stem + ".html")))
        for ext in RDF_EXTENSIONS:
            write(f"{stem}.{ext}", pages.resource_rdf(d, ext))
    say("writing index pages, the ontology and the source texts")
    for name in LISTS:
        write(f"{name}.html", pages.index(name, root.at(f"{name}.html")))
    write("ontology.html", pages.ontology(root.at("ontology.html")))
    write("queries.html", pages.queries(root.at("queries.html"), live=False))
    for doc_id in sorted(pages.texts):
        rel = f"text/{file_stem(doc_id)}.html"
        write(rel, pages.text(doc_id, root.at(rel)) or "")
    if visualise:
        say("drawing the accountability network")
        write("accountability.html", network_page(store))
    infos = [DumpInfo(f.filename, f.title, dumps[f.filename].stat().st_size)
             for f in FORMATS.values() if f.filename in dumps]
    stats = dataset_stats(void_store, pub)
    write("style.css", stylesheet())
    write("index.html", pages.home(root, infos, stats, has_visualisation=visualise))
    return SiteReport(site, len(resources), files + len(dumps) + 4)

