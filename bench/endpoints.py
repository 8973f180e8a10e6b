"""Benchmark: every named query through three engines, with the answers compared.

* embedded Oxigraph (the library call, no HTTP),
* ``pledgegraph serve`` (HTTP, SPARQL 1.1 Protocol, query in a worker process with limits),
* OpenLink Virtuoso (private instance from scripts/virtuoso-start.sh, loaded by ``push``).

Prints the median of several runs per query (ms) and whether Virtuoso's answer equals the local
one. Virtuoso is skipped, with the reason, where it is not installed.

    python bench/endpoints.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from graph_builder.build import build
from graph_builder.publish.pages import example_params
from graph_builder.publish.remote import comparable_rows, remote_select
from graph_builder.push import Target, push
from graph_builder.query import bind_params, named_queries
from graph_builder.store import to_oxigraph

REPO = Path(__file__).resolve().parents[1]


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            sys.exit(f"server exited during start-up ({url})")
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"no answer from {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    result = build()
    store = to_oxigraph(result.dataset)
    graphs = sorted(str(g.identifier) for g in result.dataset.graphs() if len(g))
    cases = []
    for name, q in sorted(named_queries().items()):
        for params in ({}, example_params(q.example)):
            if params or not cases or cases[-1][0] != name:
                cases.append((name, params, bind_params(q, params)))
    print(f"{len(result.graph())} triples, {len(cases)} query cases, median of {args.runs} runs\n")

    with tempfile.TemporaryDirectory(prefix="pledgegraph-bench-") as tmp:
        graph = Path(tmp) / "graph.nq"
        graph.write_bytes(store.dump(format=ox.RdfFormat.N_QUADS))
        port = free_port()
        served = subprocess.Popen([sys.executable, "-m", "graph_builder.cli", "serve", "--graph", str(graph),
                                   "--port", str(port), "--workers", "1"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        virtuoso_dir = Path(tmp) / "virtuoso"
        virtuoso = None
        try:
            serve_url = f"http://127.0.0.1:{port}"
            wait_for(serve_url + "/sparql?query=ASK%7B%7D", served)
            if shutil.which("virtuoso-t"):
                http = free_port()
                start = subprocess.run(["bash", str(REPO / "scripts/virtuoso-start.sh"), str(virtuoso_dir),
                                        str(free_port()), str(http)], capture_output=True, text=True)
                if start.returncode == 0:
                    virtuoso = f"http://127.0.0.1:{http}"
                    t0 = time.perf_counter()
                    push(result.dataset, Target(virtuoso + "/sparql-graph-crud-auth", "gsp", "dba", "dba"))
                    print(f"push to Virtuoso (Graph Store Protocol): {time.perf_counter() - t0:.2f} s\n")
                else:
                    print(f"Virtuoso did not start: {start.stderr.strip()[-300:]}\n")
            else:
                print("Virtuoso not installed (virtuoso-opensource): its column is empty\n")

            header = (f"{'query':34} {'params':28} {'rows':>5} {'oxigraph':>9} {'serve':>8} "
                      f"{'virtuoso':>9}  same")
            print(header)
            print("-" * len(header))
            for name, params, sparql in cases:
                def local(sparql: str = sparql) -> object:
                    res = store.query(sparql, use_default_graph_as_union=True)
                    return res.serialize(format=ox.QueryResultsFormat.JSON)

                answer = json.loads(local())  # type: ignore[arg-type]
                rows = comparable_rows(answer)
                url = serve_url + f"/query/{name}?" + urllib.parse.urlencode(params)

                def over_http(url: str = url) -> bytes:
                    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
                    with urllib.request.urlopen(req, timeout=60) as resp:
                        return resp.read()

                ox_ms, serve_ms = median_ms(local, args.runs), median_ms(over_http, args.runs)
                virt = "-"
                same = ""
                if virtuoso:
                    remote = remote_select(virtuoso + "/sparql", sparql, graphs)
                    same = "yes" if comparable_rows(remote) == rows else "NO"
                    endpoint = virtuoso + "/sparql"
                    virt_ms = median_ms(lambda s=sparql, e=endpoint: remote_select(e, s, graphs), args.runs)
                    virt = f"{virt_ms:.1f}"
                shown = ", ".join(f"{k}={v}" for k, v in params.items())[:28]
                print(f"{name:34} {shown:28} {len(rows):>5} {ox_ms:>9.1f} {serve_ms:>8.1f} {virt:>9}  {same}")
        finally:
            served.terminate()
            served.wait(10)
            if virtuoso:
                subprocess.run(["bash", str(REPO / "scripts/virtuoso-stop.sh"), str(virtuoso_dir)])


if __name__ == "__main__":
    main()
