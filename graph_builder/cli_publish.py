"""The publishing verbs (export, publish, serve, push): thin adapters over graph_builder.publish,
graph_builder.serve and graph_builder.push. Registered on the main group by ``register``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rdflib import Dataset

    from graph_builder.publish.config import Publication

DEFAULT_GRAPH = Path("out") / "pledgegraph.trig"
_GRAPH_HELP = f"Graph file (default: {DEFAULT_GRAPH}, else build the bundled corpus)."


def load(graph: Path | None) -> Dataset:
    """The dataset to publish: the given file, ./out's build, or the bundled corpus built now."""
    from graph_builder.cli import load_graph

    return load_graph(graph)


def publication(ds: Dataset, site_url: str | None, endpoint: str | None) -> Publication:
    from graph_builder.publish import Publication, detect_base

    return Publication(base=detect_base(ds), site_url=site_url, sparql_endpoint=endpoint)


graph_option = click.option("--graph", type=click.Path(path_type=Path, dir_okay=False), help=_GRAPH_HELP)
site_url_option = click.option("--site-url", help="Public URL of the site, dumps and endpoint "
                               "(default: the parent of the IRI base).")
endpoint_option = click.option("--sparql-endpoint", help="Public URL of the SPARQL endpoint "
                               "(default: SITE_URL/sparql).")


@click.command()
@graph_option
@click.option("--out", "out_dir", default=Path("out") / "dumps", show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Directory for the dumps.")
@click.option("--format", "formats", multiple=True, metavar="FORMAT",
              help="nt, ttl, nq, trig, jsonld, csv (repeatable; default: all).")
@site_url_option
@endpoint_option
def export(graph: Path | None, out_dir: Path, formats: tuple[str, ...], site_url: str | None,
           sparql_endpoint: str | None) -> None:
    """Write the graph as N-Triples, Turtle, N-Quads, TriG, JSON-LD and a commitments CSV,
    with a JSON-LD context and a VoID/DCAT description."""
    from graph_builder.publish import FORMATS
    from graph_builder.publish import export as run_export

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise click.UsageError(f"unknown format {', '.join(unknown)}; known: {', '.join(FORMATS)}")
    ds = load(graph)
    written = run_export(ds, out_dir, list(formats) or None, publication(ds, site_url, sparql_endpoint))
    for path in written.values():
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")


@click.command()
@graph_option
@click.option("--site", "site_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Directory to write the static site into (its old content is replaced).")
@site_url_option
@endpoint_option
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False),
              help="Manifest whose files are the graph's sources, to publish their text with line "
                   "anchors (default: the bundled corpus; files are matched by SHA-256).")
@click.option("--no-visualise", is_flag=True, help="Leave out the accountability network.")
def publish(graph: Path | None, site_dir: Path, site_url: str | None, sparql_endpoint: str | None,
            manifest: Path | None, no_visualise: bool) -> None:
    """Write a static site: a page plus Turtle/JSON-LD/N-Triples per resource, index pages, the
    ontology, source texts, dumps, VoID/DCAT and the accountability network."""
    from graph_builder.publish.site import publish_site

    ds = load(graph)
    report = publish_site(ds, site_dir, publication(ds, site_url, sparql_endpoint), manifest,
                          visualise=not no_visualise, progress=lambda m: click.echo(m, err=True))
    click.echo(f"wrote {report.files:,} files for {report.resources:,} resources into {report.root}")


@click.command()
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (the default keeps the server private to this machine).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, type=float,
              help="Seconds a SPARQL query may run before it is stopped (0: no limit).")
@click.option("--max-rows", default=10_000, show_default=True, type=int,
              help="Most results (rows or triples) one answer may have.")
@click.option("--workers", default=2, show_default=True, type=int, help="Concurrent SPARQL queries.")
@click.option("--dumps", "dumps_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Directory of `pledgegraph export` output to serve (default: export at start).")
@site_url_option
@endpoint_option
@click.option("--get", "get_path", metavar="PATH",
              help="Answer one GET request for PATH in-process, print the body and exit (no port).")
@click.option("--accept", default="text/html", show_default=True, help="Accept header for --get.")
def serve(graph: Path | None, host: str, port: int, timeout: float, max_rows: int, workers: int,
          dumps_dir: Path | None, site_url: str | None, sparql_endpoint: str | None,
          get_path: str | None, accept: str) -> None:
    """Serve a read-only SPARQL endpoint, resource pages and dumps on http://HOST:PORT/."""
    from graph_builder.serve import Limits, make_app

    ds = load(graph)
    if get_path is None and site_url is None:
        site_url = f"http://{host}:{port}/"
    limits = Limits(timeout=timeout or None, max_rows=max_rows, workers=workers)
    app = make_app(ds, publication(ds, site_url, sparql_endpoint), limits, dumps_dir)
    try:
        if get_path is not None:
            from werkzeug.test import Client

            response = Client(app).get(get_path, headers={"Accept": accept})
            sys.stdout.buffer.write(response.get_data())
            if response.status_code >= 400:
                click.echo(f"HTTP {response.status_code}", err=True)
                sys.exit(1)
            return
        from werkzeug.serving import run_simple

        click.echo(f"serving on http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops", err=True)
        run_simple(host, port, app, threaded=True, use_reloader=False)
    finally:
        app.close()


@click.command(name="push")
@graph_option
@click.option("--endpoint", required=True, help="Graph Store URL (--method gsp) or SPARQL Update URL "
              "(--method update), e.g. http://127.0.0.1:8890/sparql-graph-crud-auth for Virtuoso.")
@click.option("--method", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="Graph Store HTTP Protocol (PUT per graph) or SPARQL Update (DROP + INSERT DATA).")
@click.option("--user", help="User name for the store.")
@click.option("--password", envvar="PLEDGEGRAPH_PUSH_PASSWORD", help="Password (or set "
              "PLEDGEGRAPH_PUSH_PASSWORD, which keeps it out of the process list).")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="digest", show_default=True,
              help="HTTP authentication scheme (Virtuoso: digest).")
@click.option("--chunk", default=500, show_default=True, type=int, help="Triples per INSERT DATA.")
@click.option("--timeout", default=120.0, show_default=True, type=float, help="Seconds per request.")
def push(graph: Path | None, endpoint: str, method: str, user: str | None, password: str | None,
         auth: str, chunk: int, timeout: float) -> None:
    """Load the graph into a SPARQL 1.1 store, replacing one named graph per document."""
    from graph_builder.push import Target
    from graph_builder.push import push as run_push

    data = load(graph)
    report = run_push(data, Target(endpoint, method, user, password, auth, timeout, chunk),
                      progress=lambda m: click.echo(m, err=True))
    for g in report.graphs:
        click.echo(f"{g.name}: {g.triples} triples in {g.requests} request(s), {g.seconds:.2f} s")
    click.echo(f"pushed {report.triples} triples in {len(report.graphs)} graphs to {report.target}")


def register(main: click.Group) -> None:
    """Add the publishing verbs to the ``pledgegraph`` group."""
    for command in (export, publish, serve, push):
        main.add_command(command)
