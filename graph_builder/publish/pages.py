"""HTML pages (and per-resource RDF) shared by the live server and the static site.

A page is rendered with a Linker that knows where it will live, so the same templates give
absolute links when served and relative ``.html`` links in the static bundle.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from rdflib import Literal, URIRef
from rdflib.term import Node

from graph_builder.publish.config import Publication
from graph_builder.publish.context import PREFIXES
from graph_builder.publish.describe import Describer, Description
from graph_builder.publish.indexes import LIST_TITLES, commitment_groups, entity_rows
from graph_builder.publish.jsonld import to_jsonld
from graph_builder.publish.links import RDF_EXTENSIONS, Linker
from graph_builder.publish.ontology_doc import document_ontology

NAV = [("commitments", "Commitments"), ("people", "People"), ("posts", "Posts"),
       ("directorates", "Directorates"), ("partners", "Partners"), ("documents", "Documents"),
       ("ontology", "Ontology"), ("queries", "Queries"), ("visualisation", "Network")]
_COUNT_LABELS = {"people": "commitments led", "posts": "commitments led", "directorates":
                 "commitments", "partners": "commitments mentioning", "documents": "commitments"}


@dataclass(frozen=True)
class SourceText:
    doc_id: str
    path: Path
    sha256: str
    title: str


@dataclass(frozen=True)
class DumpInfo:
    filename: str
    title: str
    size: int


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("graph_builder.publish", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


class Pages:
    """Renders every kind of page from the data store and the dataset-description store."""

    def __init__(self, data: ox.Store, description: ox.Store, pub: Publication,
                 context: dict[str, object], texts: dict[str, SourceText] | None = None) -> None:
        self.data, self.pub, self.context = data, pub, context
        self.describer = Describer(data, description)
        self.texts = texts or {}
        self.visualisation = True  # False when the site is written without the network page

    # ---------------------------------------------------------------- helpers

    def label(self, iri: str) -> str | None:
        return self.describer.label(ox.NamedNode(iri))

    def _node(self, link: Linker, labels: dict[str, str]):  # type: ignore[no-untyped-def]
        def node(term: Node | str, label: str | None = None) -> Markup:
            if isinstance(term, Literal):
                extra = f"@{term.language}" if term.language else (
                    f" ^^{_curie(str(term.datatype))}" if term.datatype else "")
                return Markup(f'<span class="lit">{escape(str(term))}</span>'
                              f'<span class="muted">{escape(extra)}</span>')
            text = str(term)
            if not isinstance(term, URIRef) and not text.startswith(("http://", "https://")):
                return Markup(escape(text))
            shown = label or labels.get(text) or self.label(text) or _curie(text)
            href = link.href(text)
            if href is None:
                return Markup(f'<span title="{escape(text)}">{escape(shown)}</span>')
            return Markup(f'<a href="{escape(href)}" title="{escape(text)}">{escape(shown)}</a>')
        return node

    def _render(self, template: str, link: Linker, title: str, labels: dict[str, str] | None = None,
                **values: object) -> str:
        return _env().get_template(template).render(
            pub=self.pub, link=link, title=title,
            nav=[(n, label) for n, label in NAV if n != "visualisation" or self.visualisation],
            node=self._node(link, labels or {}),
            has_text=lambda doc_id: doc_id in self.texts, **values)

    # ---------------------------------------------------------------- pages

    def describe(self, iri: str) -> Description:
        return self.describer.describe(iri)

    def resource(self, d: Description, link: Linker) -> str:
        return self._render("resource.html", link, d.label, d.labels, d=d,
                            alternates=list(RDF_EXTENSIONS.items()))

    def resource_rdf(self, d: Description, ext: str, context_url: str | None = None) -> bytes:
        """Turtle, JSON-LD (with the terms of the context it uses) or N-Triples of one resource."""
        g = d.graph()
        if ext == "jsonld":
            doc = json.loads(to_jsonld(g, self.context))
            if context_url:
                doc["@context"] = context_url
            else:
                doc["@context"] = _trim_context(self.context, doc)
            return (json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        return g.serialize(format="turtle" if ext == "ttl" else "nt").encode("utf-8")

    def index(self, name: str, link: Linker) -> str:
        title = LIST_TITLES[name]
        if name == "commitments":
            return self._render("commitments.html", link, title, groups=commitment_groups(self.data))
        return self._render("list.html", link, title, rows=entity_rows(self.data, name),
                            count_label=_COUNT_LABELS.get(name, ""))

    def ontology(self, link: Linker) -> str:
        return self._render("ontology.html", link, "Ontology", onto=document_ontology(),
                            ns=PREFIXES["pg"])

    def queries(self, link: Linker, live: bool, limits: object = None,
                run_href: object = None, default_query: str = "") -> str:
        from graph_builder.query import named_queries

        queries = list(named_queries().values())
        return self._render("queries.html", link, "Queries", queries=queries, live=live,
                            limits=limits, run_href=run_href, endpoint=self.pub.endpoint,
                            default_query=default_query,
                            examples={q.name: example_params(q.example) for q in queries})

    def results(self, link: Linker, title: str, variables: list[str], rows: list[list[Node | None]],
                sparql: str = "", question: str = "") -> str:
        return self._render("results.html", link, title, variables=variables, rows=rows,
                            sparql=sparql, question=question)

    def text(self, doc_id: str, link: Linker) -> str | None:
        src = self.texts.get(doc_id)
        if src is None:
            return None
        lines = src.path.read_text(encoding="utf-8").splitlines()
        return self._render("text.html", link, src.title, lines=lines, filename=src.path.name,
                            sha256=src.sha256, doc_iri=self.pub.iri("doc", doc_id))

    def home(self, link: Linker, dumps: list[DumpInfo], stats: dict[str, int],
             has_visualisation: bool) -> str:
        return self._render("home.html", link, "Home", dumps=dumps, stats=stats,
                            documents=entity_rows(self.data, "documents"),
                            lists=[(n, LIST_TITLES[n]) for n, _l in NAV if n in LIST_TITLES],
                            has_visualisation=has_visualisation)

    def message(self, link: Linker, title: str, message: str) -> str:
        return self._render("message.html", link, title, message=message)


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _trim_context(context: dict[str, object], doc: object) -> dict[str, object]:
    """Only the terms a document uses (plus prefixes and aliases): ~1 kB instead of ~5 kB a page."""
    used: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                used.add(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk({k: v for k, v in doc.items() if k != "@context"} if isinstance(doc, dict) else doc)
    return {k: v for k, v in context.items() if k in used or not isinstance(v, dict)}


def example_params(example: str) -> dict[str, str]:
    """``--param k=v`` pairs from a named query's ``# Example:`` line."""
    import shlex

    try:
        words = shlex.split(example)
    except ValueError:
        return {}
    out: dict[str, str] = {}
    for i, word in enumerate(words):
        value = words[i + 1] if word in ("--param", "-p") and i + 1 < len(words) else (
            word[len("--param="):] if word.startswith("--param=") else "")
        if "=" in value:
            key, val = value.split("=", 1)
            out[key] = val
    return out


def source_texts(describer: Describer, manifest: Path | None = None) -> dict[str, SourceText]:
    """The source files the graph was built from, found through a manifest and checked by digest.

    Only a file whose SHA-256 equals the document's ``pg:sha256`` is shown as its text: a page
    must never put a line number next to the wrong text.
    """
    from graph_builder.build import default_manifest
    from graph_builder.errors import ManifestError
    from graph_builder.manifest import load_manifest, sha256_of

    try:
        infos = load_manifest(manifest or default_manifest())
    except ManifestError:
        return {}
    out: dict[str, SourceText] = {}
    for info in infos:
        iri = ox.NamedNode(_doc_iri(describer, info.id) or "urn:none")
        digests = {q.object.value for st in describer.stores for q in st.quads_for_pattern(
            iri, ox.NamedNode(PREFIXES["pg"] + "sha256"), None, None)}
        if info.path.is_file() and sha256_of(info.path) in digests:
            out[info.id] = SourceText(info.id, info.path, sha256_of(info.path), info.title)
    return out


def _doc_iri(describer: Describer, doc_id: str) -> str | None:
    ident = ox.NamedNode("http://purl.org/dc/terms/identifier")
    for st in describer.stores:
        for q in st.quads_for_pattern(None, ident, ox.Literal(doc_id), None):
            if isinstance(q.subject, ox.NamedNode):
                return q.subject.value
    return None


def dataset_stats(void_store: ox.Store, pub: Publication) -> dict[str, int]:
    """Triples, entities and classes as the VoID description counts them (for the home page)."""
    out = {}
    for key in ("triples", "entities", "classes"):
        quads = list(void_store.quads_for_pattern(ox.NamedNode(pub.dataset_iri),
                                                  ox.NamedNode("http://rdfs.org/ns/void#" + key), None))
        out[key] = int(quads[0].object.value) if quads else 0
    return out


def stylesheet() -> str:
    """The one stylesheet all pages share (a file of its own: ~1 kB less in each of thousands of pages)."""
    return (Path(__file__).parent / "templates" / "style.css").read_text(encoding="utf-8")
