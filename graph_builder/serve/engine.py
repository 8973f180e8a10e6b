"""Running SPARQL for the endpoint, with a time limit and a result-size limit.

Oxigraph cannot cancel a running query, so queries run in worker processes (spawned, never
forked: forking a threaded server that holds Rust locks can deadlock the child). A worker that
overruns the time limit is killed and replaced; the answer is then a clear 503. Each worker holds
its own copy of the data, loaded from the N-Quads the server was started with.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from graph_builder.serve.results import WRITERS

GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": None}


@dataclass(frozen=True)
class Limits:
    timeout: float | None = 10.0  # seconds a query may run; None: no limit, run in-process
    max_rows: int = 10_000  # solutions (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer
    workers: int = 2  # concurrent queries


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    kind: str  # "solutions", "boolean", "graph" or "error"
    format: str


class QueryFailed(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class DatasetSpec:
    """The protocol's ``default-graph-uri`` / ``named-graph-uri``; empty: the union of all graphs."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def options(self) -> dict[str, Any]:
        if not self.default and not self.named:
            return {"use_default_graph_as_union": True}
        out: dict[str, Any] = {}
        if self.default:
            out["default_graph"] = [ox.NamedNode(g) for g in self.default]
        else:
            out["use_default_graph_as_union"] = True
        if self.named:
            out["named_graphs"] = [ox.NamedNode(g) for g in self.named]
        return out


def evaluate(store: ox.Store, sparql: str, fmt: str, max_rows: int,
             context: dict[str, object] | None = None, spec: DatasetSpec | None = None) -> Answer:
    """Run one query on ``store`` and serialise it as ``fmt``; refuse answers over ``max_rows``."""
    try:
        res = store.query(sparql, **(spec or DatasetSpec()).options())
        return _collect(res, fmt, max_rows, context)
    except SyntaxError as exc:
        return Answer(400, f"SPARQL does not parse: {exc}".encode(), "error", "text")
    except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors, raised while iterating too
        return Answer(400, f"query failed: {exc}".encode(), "error", "text")


def _collect(res: object, fmt: str, max_rows: int, context: dict[str, object] | None) -> Answer:
    too_many = (f"the answer has more than {max_rows} results (this endpoint's limit); "
                "add LIMIT and OFFSET to page through it").encode()
    if isinstance(res, ox.QueryBoolean):
        writer = WRITERS.get(fmt, WRITERS["json"])
        return Answer(200, writer([], None, bool(res)), "boolean", fmt if fmt in WRITERS else "json")
    if isinstance(res, ox.QueryTriples):
        triples = []
        for t in res:
            triples.append(t)
            if len(triples) > max_rows:
                return Answer(400, too_many, "error", "text")
        fmt = fmt if fmt in GRAPH_FORMATS else "turtle"
        if fmt == "jsonld":
            from graph_builder.publish.jsonld import to_jsonld
            from graph_builder.terms import to_graph

            body = to_jsonld(to_graph(triples), context or {}).encode("utf-8")
        else:
            body = ox.serialize(triples, format=GRAPH_FORMATS[fmt], prefixes=_prefixes()) or b""
        return Answer(200, body, "graph", fmt)
    if not isinstance(res, ox.QuerySolutions):
        raise RuntimeError(f"unexpected query result {type(res).__name__}")
    variables = [v.value for v in res.variables]
    rows = []
    for solution in res:
        rows.append([solution[v] for v in variables])
        if len(rows) > max_rows:
            return Answer(400, too_many, "error", "text")
    fmt = fmt if fmt in WRITERS else "json"
    return Answer(200, WRITERS[fmt](variables, rows), "solutions", fmt)


def _prefixes() -> dict[str, str]:
    from graph_builder.publish.context import PREFIXES

    return PREFIXES


def _worker_main(conn: Connection, nquads: bytes, max_rows: int, context: dict[str, object]) -> None:
    """Worker process: load the data once, then answer (sparql, format) requests until EOF."""
    store = ox.Store()
    store.bulk_load(nquads, ox.RdfFormat.N_QUADS)
    conn.send("ready")
    while True:
        try:
            sparql, fmt, spec = conn.recv()
        except EOFError:  # the server went away
            return
        answer = evaluate(store, sparql, fmt, max_rows, context, spec)
        conn.send((answer.status, answer.body, answer.kind, answer.format))


class _Worker:
    def __init__(self, nquads: bytes, limits: Limits, context: dict[str, object]) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, nquads, limits.max_rows, context),
                                   daemon=True, name="pledgegraph-sparql-worker")
        self.process.start()
        child.close()
        if self.conn.recv() != "ready":  # blocks until the data are loaded
            raise RuntimeError("SPARQL worker failed to start")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryEngine:
    """Evaluate queries in-process (no time limit) or in a pool of killable worker processes."""

    def __init__(self, store: ox.Store, limits: Limits, context: dict[str, object]) -> None:
        self.store, self.limits, self.context = store, limits, context
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._slots = threading.Semaphore(max(1, limits.workers))
        self._nquads: bytes | None = None
        self._lock = threading.Lock()
        self._all: list[_Worker] = []

    def _data(self) -> bytes:
        with self._lock:
            if self._nquads is None:
                self._nquads = self.store.dump(format=ox.RdfFormat.N_QUADS) or b""
            return self._nquads

    def run(self, sparql: str, fmt: str, spec: DatasetSpec | None = None) -> Answer:
        if self.limits.timeout is None:
            return evaluate(self.store, sparql, fmt, self.limits.max_rows, self.context, spec)
        with self._slots:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                worker = _Worker(self._data(), self.limits, self.context)
                self._all.append(worker)
            worker.conn.send((sparql, fmt, spec))
            if not worker.conn.poll(self.limits.timeout):
                worker.stop()  # the only way to stop a running Oxigraph query
                self._all.remove(worker)
                return Answer(503, f"the query ran longer than {self.limits.timeout:g} s "
                                   "(this endpoint's time limit) and was stopped".encode(),
                              "error", "text")
            try:
                status, body, kind, out_fmt = worker.conn.recv()
            except EOFError:  # the worker died (out of memory, killed): replace it next time
                worker.stop()
                self._all.remove(worker)
                return Answer(500, b"the query worker died while evaluating the query", "error", "text")
            self._idle.put(worker)
            return Answer(status, body, kind, out_fmt)

    def close(self) -> None:
        for worker in list(self._all):
            worker.stop()
        self._all.clear()

    def __enter__(self) -> QueryEngine:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
