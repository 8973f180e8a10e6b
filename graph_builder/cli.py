"""The ``pledgegraph`` command: thin adapters over the library functions.

Exit codes: 0 success (and, for ``validate``, the graph conforms), 1 the graph does not
conform, 2 an error (bad input, changed corpus file, unknown query) with a message naming it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from graph_builder.errors import PledgegraphError

err = Console(stderr=True)
DEFAULT_OUT = Path("out")
GRAPH_FILE = "pledgegraph.trig"


class _Group(click.Group):
    """Turn domain errors into one clear line and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PledgegraphError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pledgegraph")
def main() -> None:
    """Council plans -> a linked-data graph of commitments, people and organisations."""


def load_graph(graph: Path | None):  # type: ignore[no-untyped-def]
    """The graph to work on: a file if given or already built in ./out, else build in memory."""
    from graph_builder.store import load_dataset

    path = graph or DEFAULT_OUT / GRAPH_FILE
    if graph is not None or path.is_file():
        return load_dataset(path)
    err.print(f"[dim]{path} not found: building the bundled corpus in memory[/dim]")
    from graph_builder.build import build

    return build().dataset


@main.command()
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False),
              help="Manifest of another corpus (default: the bundled Tower Hamlets corpus).")
@click.option("--input", "files", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="A plan text file outside any manifest; its layout is recognised from the text.")
@click.option("--out", "out_dir", default=DEFAULT_OUT, show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Output directory.")
@click.option("--base", default=None, help="Base IRI for the graph's resources.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--no-visualise", is_flag=True, help="Skip the HTML network.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
def build(manifest: Path | None, files: tuple[Path, ...], out_dir: Path, base: str | None,
          no_validate: bool, no_visualise: bool, quiet: bool) -> None:
    """Build the graph and write graph, ledger, validation report and network into OUT."""
    from graph_builder.build import run_main_job
    from graph_builder.rdf import DEFAULT_BASE

    with err.status("building", spinner="dots") as status:
        def progress(msg: str) -> None:
            if not quiet:
                status.update(msg)

        outcome = run_main_job(out_dir, manifest=manifest, files=list(files),
                               base=base or DEFAULT_BASE, validate_graph=not no_validate,
                               visualise=not no_visualise, progress=progress)
    _print_summary(outcome.summary, outcome.written)
    if outcome.report is not None and not outcome.report.conforms:
        sys.exit(1)


def _print_summary(summary: dict, written: list[Path]) -> None:  # type: ignore[type-arg]
    out = Console(width=max(Console().width, 140))  # wide enough that rows do not wrap
    table = Table(title="Documents", show_lines=False)
    for col in ("document", "records by kind", "lines", "consumed", "unplaced"):
        table.add_column(col)
    for doc, s in summary["documents"].items():
        kinds = ", ".join(f"{k} {v}" for k, v in s["records"].items())
        table.add_row(doc, kinds, str(s["lines"]), str(s["consumed"]), str(s["unplaced"]))
    for doc, why in summary["skipped"].items():
        table.add_row(doc, f"skipped: {why}", "", "", "")
    out.print(table)
    ents = ", ".join(f"{k} {v}" for k, v in summary["entities"].items())
    out.print(f"Entities: {ents}")
    out.print(f"Triples: {summary['triples']}")
    if "validation" in summary:
        v = summary["validation"]
        out.print(f"Conforms: {v['conforms']} (violations {v['Violation']}, warnings "
                  f"{v['Warning']}, infos {v['Info']})")
    for path in written:
        out.print(f"wrote {path}")


@main.command()
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help=f"Graph file (default: out/{GRAPH_FILE}, else build the bundled corpus).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text",
              show_default=True, help="Report format.")
def validate(graph: Path | None, fmt: str) -> None:
    """Check the graph against the SHACL shapes. Exit 0 conforms, 1 does not, 2 error."""
    from graph_builder.validate import validate as run_validate

    report = run_validate(load_graph(graph))
    if fmt == "json":
        click.echo(report.json())
    elif fmt == "turtle":
        click.echo(report.report_graph.serialize(format="turtle"))
    else:
        click.echo(report.text(), nl=False)
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Parameter of a named query (repeatable).")
@click.option("--sparql", help="Ad hoc SPARQL: a file path or the query text itself.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help=f"Graph file (default: out/{GRAPH_FILE}, else build the bundled corpus).")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph",
              show_default=True, help="SPARQL engine.")
@click.option("--list", "list_only", is_flag=True, help="List the named queries and exit.")
def query(name: str | None, params: tuple[str, ...], sparql: str | None, fmt: str,
          graph: Path | None, engine: str, list_only: bool) -> None:
    """Run a named query (see --list) or an ad hoc one (--sparql) and print the answer."""
    from graph_builder.errors import QueryError
    from graph_builder.query import named_queries, run_query
    from graph_builder.store import to_oxigraph

    if list_only or (name is None and sparql is None):
        for q in named_queries().values():
            args = " ".join(f"--param {p.name}=…" for p in q.params)
            click.echo(f"{q.name}  {args}\n    {q.question}")
        return
    if name and sparql:
        raise QueryError("give a query NAME or --sparql, not both")
    bound: dict[str, str] = {}
    for item in params:
        if "=" not in item:
            raise QueryError(f"--param {item!r}: expected KEY=VALUE")
        key, value = item.split("=", 1)
        bound[key.strip()] = value
    text = name or ""
    if sparql:
        path = Path(sparql)
        text = path.read_text(encoding="utf-8") if len(sparql) < 4096 and path.is_file() else sparql
    data = load_graph(graph)
    result = run_query(text, to_oxigraph(data) if engine == "oxigraph" else data, bound)
    if fmt == "json":
        click.echo(json.dumps(result.as_dicts(), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
    else:
        table = Table(*result.variables, show_lines=False)
        for row in result.rows:
            table.add_row(*["" if v is None else v for v in row])
        Console(width=200).print(table)
        err.print(f"[dim]{len(result.rows)} row(s)[/dim]")


@main.command()
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help=f"Graph file (default: out/{GRAPH_FILE}, else build the bundled corpus).")
@click.option("--out", "out_file", default=DEFAULT_OUT / "accountability.html", show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help="HTML file to write.")
@click.option("--no-sections", is_flag=True, help="Leave priorities and outcomes out.")
def visualise(graph: Path | None, out_file: Path, no_sections: bool) -> None:
    """Write the interactive accountability network as one standalone HTML page."""
    from visualise import project, render

    g = project(load_graph(graph), include_sections=not no_sections)
    render(g, out_file)
    click.echo(f"wrote {out_file} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")


def _register_extensions() -> None:
    """Verbs that live in their own modules (publishing, entities), registered explicitly."""
    from graph_builder import cli_entities, cli_publish

    cli_publish.register(main)
    cli_entities.register(main)


_register_extensions()

if __name__ == "__main__":
    main()
