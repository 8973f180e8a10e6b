"""The linked-data server: a read-only SPARQL 1.1 Protocol endpoint, dereferenceable resource IRIs
with content negotiation, index pages, the ontology, the dumps and the dataset description.

``make_app`` returns a plain WSGI application, so tests drive it with werkzeug's test client and
no port is opened; ``pledgegraph serve`` runs it under werkzeug's threaded server.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from graph_builder.publish import Publication, detect_base, export
from graph_builder.publish.context import build_context, context_document
from graph_builder.publish.formats import FORMATS
from graph_builder.publish.links import LISTS, ServerLinker
from graph_builder.publish.network import network_page
from graph_builder.publish.pages import DumpInfo, Pages, dataset_stats, source_texts, stylesheet
from graph_builder.serve.engine import DatasetSpec, Limits, QueryEngine
from graph_builder.serve.negotiate import GRAPH_TYPES, RESOURCE_TYPES, SOLUTION_TYPES, choose, query_form
from graph_builder.store import to_oxigraph
from graph_builder.terms import from_ox

URLS = Map([
    Rule("/", endpoint="home"),
    Rule("/sparql", endpoint="sparql", methods=["GET", "POST"]),
    Rule("/query/<name>", endpoint="named"),
    Rule("/id/<path:local>", endpoint="resource"),
    Rule("/def", endpoint="ontology"),
    Rule("/lists/<name>", endpoint="index"),
    Rule("/text/<doc_id>", endpoint="text"),
    Rule("/dumps/<filename>", endpoint="dump"),
    Rule("/context.jsonld", endpoint="context"),
    Rule("/.well-known/void", endpoint="void"),
    Rule("/void", endpoint="void"),
    Rule("/visualisation", endpoint="visualisation"),
    Rule("/style.css", endpoint="style"),
    Rule("/favicon.ico", endpoint="favicon"),
], strict_slashes=False)
_DATA_HEADERS = {"Access-Control-Allow-Origin": "*"}  # linked data is meant to be fetched from anywhere


@dataclass(frozen=True)
class Served:
    """Everything built once at start-up."""

    store: ox.Store
    void_store: ox.Store
    pages: Pages
    context: dict[str, object]
    dumps_dir: Path
    ontology_ttl: bytes


class PledgegraphApp:
    def __init__(self, data: Dataset, pub: Publication | None = None, limits: Limits | None = None,
                 dumps_dir: Path | None = None, manifest: Path | None = None) -> None:
        self.pub = pub or Publication(base=detect_base(data))
        self.limits = limits or Limits()
        store = to_oxigraph(data)
        if dumps_dir is None or not (dumps_dir / "void.ttl").is_file():
            self._tmp = tempfile.TemporaryDirectory(prefix="pledgegraph-dumps-")
            dumps_dir = dumps_dir or Path(self._tmp.name)
            export(data, dumps_dir, pub=self.pub)
        void_store = ox.Store()
        void_store.bulk_load((dumps_dir / "void.ttl").read_bytes(), ox.RdfFormat.TURTLE)
        context = build_context(data)
        pages = Pages(store, void_store, self.pub, context)
        pages.texts = source_texts(pages.describer, manifest)
        onto_graph = ox.NamedNode(self.pub.iri("graph", "ontology"))
        onto = list(store.quads_for_pattern(None, None, None, onto_graph))
        ontology_ttl = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in onto],
                                    format=ox.RdfFormat.TURTLE) or b""
        self.served = Served(store, void_store, pages, context, dumps_dir, ontology_ttl)
        self.engine = QueryEngine(store, self.limits, context)
        self._visualisation: bytes | None = None

    # ------------------------------------------------------------------ WSGI

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        adapter = URLS.bind_to_environ(environ)
        link = ServerLinker(self.pub, self.served.pages.describer.exists, request.script_root + "/")
        try:
            endpoint, args = adapter.match()
            response = getattr(self, "on_" + endpoint)(request, link, **args)
        except NotFound:
            response = self._error(request, link, 404, "Not found",
                                   f"Nothing is published at {request.path}.")
        except HTTPException as exc:
            response = self._error(request, link, exc.code or 500, exc.name, exc.description or "")
        return response(environ, start_response)

    def close(self) -> None:
        self.engine.close()

    # ------------------------------------------------------------------ helpers

    def _html(self, text: str, status: int = 200) -> Response:
        return Response(text, status=status, mimetype="text/html")

    def _error(self, request: Request, link: ServerLinker, status: int, title: str, message: str) -> Response:
        if request.accept_mimetypes.accept_html:
            return self._html(self.served.pages.message(link, title, message), status)
        return Response(message + "\n", status=status, mimetype="text/plain", headers=_DATA_HEADERS)

    # ------------------------------------------------------------------ pages

    def on_home(self, request: Request, link: ServerLinker) -> Response:
        dumps = [DumpInfo(f.filename, f.title, (self.served.dumps_dir / f.filename).stat().st_size)
                 for f in FORMATS.values() if (self.served.dumps_dir / f.filename).is_file()]
        stats = dataset_stats(self.served.void_store, self.pub)
        return self._html(self.served.pages.home(link, dumps, stats, has_visualisation=True))

    def on_style(self, request: Request, link: ServerLinker) -> Response:
        return Response(stylesheet(), mimetype="text/css")

    def on_index(self, request: Request, link: ServerLinker, name: str) -> Response:
        if name not in LISTS:
            raise NotFound()
        return self._html(self.served.pages.index(name, link))

    def on_ontology(self, request: Request, link: ServerLinker) -> Response:
        fmt = choose(request.accept_mimetypes, {"html": "text/html", "ttl": "text/turtle"},
                     request.args.get("format"))
        if fmt == "ttl":
            return Response(self.served.ontology_ttl, mimetype="text/turtle", headers=_DATA_HEADERS)
        return self._html(self.served.pages.ontology(link))

    def on_text(self, request: Request, link: ServerLinker, doc_id: str) -> Response:
        page = self.served.pages.text(doc_id, link)
        if page is None:
            raise NotFound()
        return self._html(page)

    def on_dump(self, request: Request, link: ServerLinker, filename: str) -> Response:
        path = self.served.dumps_dir / filename
        media = {f.filename: f.media_type for f in FORMATS.values()} | {
            "void.ttl": "text/turtle", "void.jsonld": "application/ld+json",
            "context.jsonld": "application/ld+json"}
        if filename not in media or not path.is_file():
            raise NotFound()
        return Response(path.read_bytes(), mimetype=media[filename], headers={
            **_DATA_HEADERS, "Content-Disposition": f'inline; filename="{filename}"'})

    def on_context(self, request: Request, link: ServerLinker) -> Response:
        return Response(context_document(self.served.context), mimetype="application/ld+json",
                        headers=_DATA_HEADERS)

    def on_void(self, request: Request, link: ServerLinker) -> Response:
        fmt = choose(request.accept_mimetypes, {"ttl": "text/turtle", "jsonld": "application/ld+json",
                                                "html": "text/html"}, request.args.get("format"))
        if fmt == "html":
            return self.on_resource(request, link, self.pub.local_path(self.pub.dataset_iri) or "")
        ext = "jsonld" if fmt == "jsonld" else "ttl"
        return Response((self.served.dumps_dir / f"void.{ext}").read_bytes(),
                        mimetype=RESOURCE_TYPES[ext], headers=_DATA_HEADERS)

    def on_visualisation(self, request: Request, link: ServerLinker) -> Response:
        if self._visualisation is None:  # drawn on first request: most visitors never ask
            self._visualisation = network_page(self.served.store).encode("utf-8")
        return Response(self._visualisation, mimetype="text/html")

    def on_favicon(self, request: Request, link: ServerLinker) -> Response:
        return Response(status=204)  # browsers ask for it; an empty answer keeps their consoles clean

    # ------------------------------------------------------------------ resources

    def on_resource(self, request: Request, link: ServerLinker, local: str) -> Response:
        pages = self.served.pages
        ext = None
        iri = str(self.pub.iri(local))
        if not pages.describer.exists(iri):
            stem, _, suffix = local.rpartition(".")
            if suffix in RESOURCE_TYPES and stem and pages.describer.exists(str(self.pub.iri(stem))):
                iri, ext, local = str(self.pub.iri(stem)), suffix, stem
            else:
                raise NotFound()
        fmt = ext or choose(request.accept_mimetypes, RESOURCE_TYPES, request.args.get("format"))
        if fmt is None:
            return self._error(request, link, 406, "Not acceptable",
                               "Available as " + ", ".join(RESOURCE_TYPES.values()) + ".")
        d = pages.describe(iri)
        headers = {"Vary": "Accept", "Link": ", ".join(
            f'<{link.resource(iri, e)}>; rel="alternate"; type="{m}"' for e, m in RESOURCE_TYPES.items()
            if e != "html")}
        if ext is None:
            headers["Content-Location"] = link.resource(iri, fmt) or ""
        if fmt == "html":
            return Response(pages.resource(d, link), mimetype="text/html", headers=headers)
        return Response(pages.resource_rdf(d, fmt), mimetype=RESOURCE_TYPES[fmt],
                        headers={**headers, **_DATA_HEADERS})

    # ------------------------------------------------------------------ SPARQL

    def on_sparql(self, request: Request, link: ServerLinker) -> Response:
        ctype = request.mimetype
        if (request.method == "POST" and ctype == "application/sparql-update") or "update" in request.values:
            return self._refuse_update(request, link)
        if request.method == "POST" and ctype == "application/sparql-query":
            sparql = request.get_data(as_text=True)
        elif request.method == "POST" and ctype not in ("application/x-www-form-urlencoded",
                                                        "multipart/form-data"):
            return self._error(request, link, 415, "Unsupported media type", "POST a query as "
                               "application/sparql-query or application/x-www-form-urlencoded.")
        else:
            sparql = request.values.get("query", "")
        if not sparql.strip():
            if request.accept_mimetypes.accept_html:
                return self._query_page(link)
            return self._error(request, link, 400, "No query", "Give a SPARQL query in ?query=.")
        spec = DatasetSpec(tuple(request.values.getlist("default-graph-uri")),
                           tuple(request.values.getlist("named-graph-uri")))
        return self._answer(request, link, sparql, spec)

    def _refuse_update(self, request: Request, link: ServerLinker) -> Response:
        return self._error(request, link, 403, "Read-only endpoint",
                           "This endpoint is read-only: it answers queries and refuses SPARQL Update. "
                           "Change the data by rebuilding from the corpus.")

    def _query_page(self, link: ServerLinker, default_query: str = "") -> Response:
        return self._html(self.served.pages.queries(
            link, live=True, limits=self.limits, run_href=lambda name: f"{link.root}query/{name}",
            default_query=default_query or "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"))

    def on_named(self, request: Request, link: ServerLinker, name: str) -> Response:
        from graph_builder.errors import QueryError
        from graph_builder.query import bind_params, named_queries

        queries = named_queries()
        if name not in queries:
            raise NotFound()
        params = {k: v for k, v in request.args.items() if k != "format" and v != ""}
        try:
            sparql = bind_params(queries[name], params)
        except QueryError as exc:
            return self._error(request, link, 400, "Bad parameters", str(exc))
        return self._answer(request, link, sparql, DatasetSpec(), title=name,
                            question=queries[name].question)

    def _answer(self, request: Request, link: ServerLinker, sparql: str, spec: DatasetSpec,
                title: str = "Query results", question: str = "") -> Response:
        form = query_form(sparql)
        if form == "UPDATE":
            return self._refuse_update(request, link)
        offers = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES
        fmt = choose(request.accept_mimetypes, offers, request.values.get("format"))
        if fmt is None:
            return self._error(request, link, 406, "Not acceptable",
                               "Results are available as " + ", ".join(offers.values()) + ".")
        engine_fmt = {"html": "json" if offers is SOLUTION_TYPES else "ntriples"}.get(fmt, fmt)
        answer = self.engine.run(sparql, engine_fmt, spec)
        if answer.status != 200:
            return self._error(request, link, answer.status, "Query refused",
                               answer.body.decode("utf-8", "replace"))
        if fmt == "html":
            variables, rows = _table(answer.body, answer.kind)
            return self._html(self.served.pages.results(link, title, variables, rows, sparql, question))
        media = (SOLUTION_TYPES if answer.kind in ("solutions", "boolean") else GRAPH_TYPES)[answer.format]
        return Response(answer.body, mimetype=media, headers=_DATA_HEADERS)


def _table(body: bytes, kind: str) -> tuple[list[str], list[list[Any]]]:
    """Rows for the HTML results page from a JSON (solutions) or N-Triples (graph) answer."""
    if kind == "graph":
        g = Graph().parse(data=body, format="nt")
        rows = sorted([list(t) for t in g], key=lambda r: [str(x) for x in r])
        return ["subject", "predicate", "object"], rows
    doc = json.loads(body)
    if "boolean" in doc:
        return ["result"], [[str(doc["boolean"]).lower()]]
    variables = doc["head"]["vars"]
    parsed = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    rows = [[from_ox(s[v]) if s[v] is not None else None for v in variables] for s in parsed]
    return variables, rows


def make_app(data: Dataset, pub: Publication | None = None, limits: Limits | None = None,
             dumps_dir: Path | None = None, manifest: Path | None = None) -> PledgegraphApp:
    """The WSGI application serving ``data`` (call ``close()`` to stop its query workers)."""
    return PledgegraphApp(data, pub, limits, dumps_dir, manifest)
