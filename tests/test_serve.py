"""The server in-process (werkzeug test client, no port), plus one smoke test on a real port."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Graph, URIRef
from werkzeug.test import Client

from graph_builder.build import BuildResult
from graph_builder.publish.pages import example_params
from graph_builder.query import bind_params, named_queries
from graph_builder.serve import Limits, PledgegraphApp, make_app
from graph_builder.vocab import PG
from tests.publish_fixtures import assert_isomorphic, free_port, named_graphs, small_dataset, union_of

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def app(built: BuildResult) -> Iterator[PledgegraphApp]:
    application = make_app(built.dataset, limits=Limits(timeout=None, max_rows=100_000))
    yield application
    application.close()


@pytest.fixture(scope="module")
def client(app: PledgegraphApp) -> Client:
    return Client(app)


@pytest.fixture(scope="module")
def commitment(built: BuildResult) -> URIRef:
    union = union_of(built.dataset)
    return sorted(c for c in union.subjects(RDF.type, PG.Commitment)
                  if (c, PG.leadMember, None) in union)[0]


def _path(iri: str) -> str:
    return "/id/" + iri.split("/id/", 1)[1]


def _solutions(body: bytes) -> list[dict[str, str]]:
    doc = json.loads(body)
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


# ---------------------------------------------------------------- SPARQL protocol

@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_formats_by_accept(client: Client, built: BuildResult, accept: str, media: str) -> None:
    res = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": accept})
    assert res.status_code == 200 and res.mimetype == media
    expected = len({(s, p, o, g) for s, p, o, g in built.dataset.quads()})
    if media == "text/csv":  # Oxigraph does not parse CSV results (the format is lossy)
        assert list(csv.reader(io.StringIO(res.text))) == [["n"], [str(expected)]]
        return
    fmt = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}
    parsed = list(ox.parse_query_results(res.get_data(), fmt[media]))
    assert int(parsed[0]["n"].value) == expected


def test_post_form_and_direct_body(client: Client) -> None:
    a = client.post("/sparql", data={"query": COUNT})
    b = client.post("/sparql", data=COUNT, content_type="application/sparql-query")
    assert a.status_code == b.status_code == 200
    assert _solutions(a.get_data()) == _solutions(b.get_data())


def test_ask(client: Client) -> None:
    ask = "ASK { ?s a <https://w3id.org/pledgegraph/def#Pledge> }"
    res = client.get("/sparql", query_string={"query": ask})
    assert json.loads(res.get_data()) == {"head": {}, "boolean": True}


def test_named_graphs_are_queryable(client: Client, built: BuildResult) -> None:
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    res = client.get("/sparql", query_string={"query": q})
    got = {r["g"]: int(r["n"]) for r in _solutions(res.get_data())}
    assert got == {name: len(g) for name, g in named_graphs(built.dataset).items()}


def test_default_graph_uri_restricts_the_dataset(client: Client, built: BuildResult) -> None:
    name, graph = next((n, g) for n, g in named_graphs(built.dataset).items() if n.endswith("/entities"))
    res = client.get("/sparql", query_string={"query": COUNT, "default-graph-uri": name})
    assert int(_solutions(res.get_data())[0]["n"]) == len(graph)


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                             ("application/n-triples", "nt")])
def test_construct_as_rdf(client: Client, built: BuildResult, commitment: URIRef, accept: str,
                          fmt: str) -> None:
    q = f"CONSTRUCT {{ <{commitment}> ?p ?o }} WHERE {{ <{commitment}> ?p ?o }}"
    res = client.get("/sparql", query_string={"query": q}, headers={"Accept": accept})
    assert res.status_code == 200 and res.mimetype == accept
    expected = Graph()
    for t in union_of(built.dataset).triples((commitment, None, None)):
        expected.add(t)
    assert_isomorphic(expected, Graph().parse(data=res.get_data(), format=fmt), f"CONSTRUCT as {accept}")


def test_describe(client: Client, commitment: URIRef) -> None:
    res = client.get("/sparql", query_string={"query": f"DESCRIBE <{commitment}>"},
                     headers={"Accept": "text/turtle"})
    assert res.status_code == 200 and (commitment, None, None) in Graph().parse(data=res.get_data())


def test_html_results_for_browsers(client: Client) -> None:
    res = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": BROWSER})
    assert res.mimetype == "text/html" and "<table>" in res.text


def test_bad_query_is_400(client: Client) -> None:
    res = client.get("/sparql", query_string={"query": "SELEC nothing"}, headers={"Accept": "*/*"})
    assert res.status_code == 400 and "parse" in res.text


def test_unacceptable_is_406(client: Client) -> None:
    res = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": "image/png"})
    assert res.status_code == 406


@pytest.mark.parametrize("how", ["update-body", "update-form", "update-in-query", "update-get"])
def test_updates_are_refused(client: Client, how: str) -> None:
    before = _solutions(client.get("/sparql", query_string={"query": COUNT}).get_data())
    update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    if how == "update-body":
        res = client.post("/sparql", data=update, content_type="application/sparql-update")
    elif how == "update-form":
        res = client.post("/sparql", data={"update": update})
    elif how == "update-in-query":
        res = client.post("/sparql", data={"query": "PREFIX x: <urn:x:>\n" + update})
    else:
        res = client.get("/sparql", query_string={"update": update})
    assert res.status_code == 403 and "read-only" in res.text.lower()
    assert _solutions(client.get("/sparql", query_string={"query": COUNT}).get_data()) == before


def test_other_methods_not_allowed(client: Client) -> None:
    assert client.put("/sparql", data="x").status_code == 405
    assert client.delete("/sparql").status_code == 405


# ---------------------------------------------------------------- limits

def test_result_size_limit(built: BuildResult) -> None:
    app = make_app(built.dataset, limits=Limits(timeout=None, max_rows=5))
    try:
        c = Client(app)
        ok = c.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
        big = c.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
        graph = c.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    finally:
        app.close()
    assert ok.status_code == 200 and len(_solutions(ok.get_data())) == 5
    assert big.status_code == 400 and "more than 5" in big.text
    assert graph.status_code == 400


def test_time_limit_stops_a_runaway_query_and_recovers(built: BuildResult) -> None:
    small = Dataset()
    g = small.graph(URIRef("https://w3id.org/pledgegraph/id/graph/entities"))
    for t in named_graphs(built.dataset)["https://w3id.org/pledgegraph/id/graph/entities"]:
        g.add(t)
    app = make_app(small, limits=Limits(timeout=1.0, max_rows=100, workers=1))
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    try:
        c = Client(app)
        slow = c.get("/sparql", query_string={"query": runaway})
        after = c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    finally:
        app.close()
    assert slow.status_code == 503 and "time limit" in slow.text
    assert after.status_code == 200 and json.loads(after.get_data())["boolean"] is True


# ---------------------------------------------------------------- named queries and pages

def test_query_page_lists_named_queries(client: Client) -> None:
    page = client.get("/sparql", headers={"Accept": BROWSER}).text
    for name in named_queries():
        assert f'id="q-{name}"' in page and f"/query/{name}" in page


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_matches_local_answer(client: Client, built: BuildResult, name: str) -> None:
    from graph_builder.store import to_oxigraph

    q = named_queries()[name]
    params = example_params(q.example)
    res = client.get(f"/query/{name}", query_string=params, headers={"Accept": "text/csv"})
    assert res.status_code == 200, res.text
    rows = list(csv.reader(io.StringIO(res.text)))
    local = to_oxigraph(built.dataset).query(bind_params(q, params), use_default_graph_as_union=True)
    expected = [[("" if s[v] is None else s[v].value) for v in local.variables] for s in local]
    assert rows[0] == [v.value for v in local.variables]
    assert sorted(rows[1:]) == sorted(expected)


# ---------------------------------------------------------------- dereferenceable IRIs

def test_resource_html_links_source_and_neighbours(client: Client, commitment: URIRef,
                                                   built: BuildResult) -> None:
    res = client.get(_path(commitment), headers={"Accept": BROWSER})
    assert res.status_code == 200 and res.mimetype == "text/html"
    assert res.headers["Vary"] == "Accept"
    page = res.text
    union = union_of(built.dataset)
    span = union.value(commitment, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
    line = union.value(span, PG.firstLine)
    doc = union.value(span, PG.inDocument)
    assert _path(doc) in page and f"#L{line}" in page  # the document page and the line in its text
    member = union.value(commitment, PG.leadMember)
    assert _path(member) in page


@pytest.mark.parametrize(("accept", "fmt", "ext"), [("text/turtle", "turtle", "ttl"),
                                                    ("application/ld+json", "json-ld", "jsonld"),
                                                    ("application/n-triples", "nt", "nt")])
def test_resource_rdf_by_negotiation_and_suffix(client: Client, commitment: URIRef, built: BuildResult,
                                                accept: str, fmt: str, ext: str) -> None:
    res = client.get(_path(commitment), headers={"Accept": accept})
    assert res.status_code == 200 and res.mimetype == accept
    assert res.headers["Content-Location"].endswith(f".{ext}")
    by_suffix = client.get(_path(commitment) + f".{ext}")
    assert by_suffix.get_data() == res.get_data()
    union = union_of(built.dataset)
    expected = Graph()
    for t in union.triples((commitment, None, None)):
        expected.add(t)
    for t in union.triples((None, None, commitment)):
        expected.add(t)
    got = Graph().parse(data=res.get_data(), format=fmt)
    about_dataset = [t for t in got if "/id/dataset" in str(t[0])]  # VoID: void:exampleResource
    for t in about_dataset:
        got.remove(t)
    assert_isomorphic(expected, got, f"resource as {accept}")


def test_curl_gets_turtle(client: Client, commitment: URIRef) -> None:
    assert client.get(_path(commitment), headers={"Accept": "*/*"}).mimetype == "text/turtle"


def test_unknown_resource_is_404(client: Client) -> None:
    assert client.get("/id/person/nobody-at-all", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/id/person/nobody-at-all", headers={"Accept": BROWSER}).status_code == 404


def test_dataset_description_and_dumps(client: Client, built: BuildResult) -> None:
    void = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert void.status_code == 200 and len(Graph().parse(data=void.get_data(), format="turtle")) > 50
    assert client.get("/.well-known/void", headers={"Accept": BROWSER}).mimetype == "text/html"
    nt = client.get("/dumps/pledgegraph.nt")
    assert nt.status_code == 200 and len(Graph().parse(data=nt.get_data(), format="nt")) == len(
        union_of(built.dataset))
    assert client.get("/dumps/../../etc/passwd").status_code == 404


@pytest.mark.parametrize("path", ["/", "/def", "/lists/commitments", "/lists/people", "/lists/posts",
                                  "/lists/directorates", "/lists/partners", "/lists/documents",
                                  "/text/adp-2023-24", "/id/dataset", "/context.jsonld", "/visualisation"])
def test_pages_answer(client: Client, path: str) -> None:
    assert client.get(path, headers={"Accept": BROWSER}).status_code == 200


def test_ontology_as_turtle(client: Client) -> None:
    res = client.get("/def", headers={"Accept": "text/turtle"})
    onto = Graph().parse(data=res.get_data())
    assert (None, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")) in onto


# ---------------------------------------------------------------- CLI

def test_serve_get_in_process(tmp_path: Path, built: BuildResult) -> None:
    from graph_builder.cli import main
    graph = tmp_path / "g.trig"
    small_dataset(built).serialize(graph, format="trig")
    res = CliRunner().invoke(main, ["serve", "--graph", str(graph), "--get", "/sparql?query=" + "ASK%7B%7D",
                                    "--accept", "application/sparql-results+json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["boolean"] is True


def test_serve_binds_localhost_by_default() -> None:
    from graph_builder.cli_publish import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_real_port_smoke(tmp_path: Path, built: BuildResult) -> None:
    graph = tmp_path / "g.trig"
    small_dataset(built).serialize(graph, format="trig")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph_builder.cli", "serve", "--graph", str(graph),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"
        body = None
        for _ in range(300):  # wait until it listens (start-up builds the dumps)
            if proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    body = resp.read()
                break
            except OSError:
                time.sleep(0.2)
        output = proc.stdout.read().decode() if proc.stdout and proc.poll() is not None else ""
        assert body is not None, output
        assert json.loads(body)["boolean"] is True
    finally:
        proc.terminate()
        proc.wait(10)
