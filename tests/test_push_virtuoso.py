"""Push into a real OpenLink Virtuoso and check it answers every named query as Oxigraph does.

The Virtuoso is private to this test: scripts/virtuoso-start.sh gives it its own configuration
and database in a temp dir, on 127.0.0.1 and free non-default ports; scripts/virtuoso-stop.sh
stops it by the PID it recorded. Where Virtuoso is not installed the tests are skipped and the
reason printed (``-ra``), never silently passed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from requests.auth import HTTPDigestAuth

from graph_builder.build import BuildResult
from graph_builder.publish.remote import check_named_queries, remote_select
from graph_builder.push import PushError, Target, push
from graph_builder.store import to_oxigraph
from tests.publish_fixtures import REPO, free_port, named_graphs

DBA = ("dba", "dba")  # a fresh Virtuoso database's administrator; private to this test


@dataclass(frozen=True)
class Virtuoso:
    directory: Path
    http: str

    @property
    def sparql(self) -> str:
        return self.http + "/sparql"

    @property
    def graph_store(self) -> str:
        return self.http + "/sparql-graph-crud-auth"

    @property
    def update(self) -> str:
        return self.http + "/sparql-auth"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    if shutil.which("virtuoso-t") is None:
        reason = "virtuoso-t not installed (Debian virtuoso-opensource; run .ci/system-deps.sh as root)"
        print(f"SKIP: {reason}", file=sys.stderr)
        pytest.skip(reason)
    directory = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    start = subprocess.run(["bash", str(REPO / "scripts" / "virtuoso-start.sh"), str(directory),
                            str(sql_port), str(http_port)], capture_output=True, text=True, timeout=180)
    if start.returncode != 0:
        pytest.fail(f"Virtuoso did not start: {start.stderr[-2000:]}")
    try:
        yield Virtuoso(directory, f"http://127.0.0.1:{http_port}")
    finally:
        subprocess.run(["bash", str(REPO / "scripts" / "virtuoso-stop.sh"), str(directory)], timeout=60)


@pytest.fixture(scope="module")
def pushed(virtuoso: Virtuoso, built: BuildResult) -> Virtuoso:
    push(built.dataset, Target(virtuoso.graph_store, "gsp", *DBA, auth="digest"))
    return virtuoso


def _graph_sizes(v: Virtuoso, graphs: list[str]) -> dict[str, int]:
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    res = remote_select(v.sparql, q, graphs)
    return {b["g"]["value"]: int(b["n"]["value"]) for b in res["results"]["bindings"]}


def test_one_graph_per_document_with_every_triple(pushed: Virtuoso, built: BuildResult) -> None:
    expected = {name: len(g) for name, g in named_graphs(built.dataset).items()}
    assert _graph_sizes(pushed, sorted(expected)) == expected


def test_named_queries_answer_as_locally(pushed: Virtuoso, built: BuildResult) -> None:
    graphs = sorted(named_graphs(built.dataset))
    checks = check_named_queries(to_oxigraph(built.dataset), pushed.sparql, graphs)
    assert checks, "no named queries to compare"
    differing = [f"{c.name} {c.params}: local {c.local_rows} rows, Virtuoso {c.remote_rows}"
                 for c in checks if not c.same]
    assert not differing, "\n".join(differing)
    assert any(c.local_rows for c in checks)


def test_push_again_is_idempotent(pushed: Virtuoso, built: BuildResult) -> None:
    graphs = sorted(named_graphs(built.dataset))
    before = _graph_sizes(pushed, graphs)
    push(built.dataset, Target(pushed.graph_store, "gsp", *DBA, auth="digest"))
    assert _graph_sizes(pushed, graphs) == before


def test_push_by_sparql_update_replaces_the_same_graphs(pushed: Virtuoso, built: BuildResult) -> None:
    graphs = sorted(named_graphs(built.dataset))
    before = _graph_sizes(pushed, graphs)
    report = push(built.dataset, Target(pushed.update, "update", *DBA, auth="digest", chunk=400))
    assert report.triples == sum(before.values())
    assert _graph_sizes(pushed, graphs) == before
    checks = check_named_queries(to_oxigraph(built.dataset), pushed.sparql, graphs)
    assert all(c.same for c in checks)


def test_refusals_are_clear(pushed: Virtuoso, built: BuildResult) -> None:
    with pytest.raises(PushError, match=r"HTTP 401.*--password"):
        push(built.dataset, Target(pushed.graph_store, "gsp", "dba", "wrong", auth="digest"))
    with pytest.raises(PushError, match=r"HTTP 4\d\d"):
        push(built.dataset, Target(pushed.graph_store, "gsp"))  # no credentials at all
    with pytest.raises(PushError, match="cannot reach"):
        push(built.dataset, Target(f"http://127.0.0.1:{free_port()}/store", "gsp", timeout=5))


def test_push_cli(pushed: Virtuoso, built: BuildResult, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph_builder.cli import main

    graph = tmp_path / "g.nq"
    graph.write_bytes(to_oxigraph(built.dataset).dump(format=ox.RdfFormat.N_QUADS))
    res = CliRunner().invoke(main, ["push", "--graph", str(graph), "--endpoint", pushed.graph_store,
                                    "--user", "dba"], env={"PLEDGEGRAPH_PUSH_PASSWORD": "dba"})
    assert res.exit_code == 0, res.output
    assert "pushed" in res.output
    bad = CliRunner().invoke(main, ["push", "--graph", str(graph), "--endpoint", pushed.graph_store,
                                    "--user", "dba", "--password", "nope"])
    assert bad.exit_code == 2 and "401" in bad.output


def test_digest_auth_object_for_queries(pushed: Virtuoso) -> None:
    # The authenticated endpoint answers queries too (useful when /sparql is closed to the public).
    res = remote_select(pushed.update, "ASK { ?s ?p ?o }", auth=HTTPDigestAuth(*DBA))
    assert res["boolean"] is True
