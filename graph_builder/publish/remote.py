"""Asking another SPARQL store, and checking that it answers as the local Oxigraph store does:
the acceptance test of a push (and the figures of bench/endpoints.py)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox
import requests
from requests.auth import AuthBase

from graph_builder.publish.pages import example_params
from graph_builder.push import PushError, check_response
from graph_builder.query import bind_params, named_queries


def remote_select(endpoint: str, sparql: str, graphs: list[str] | None = None,
                  timeout: float = 120.0, auth: AuthBase | None = None) -> dict[str, Any]:
    """Run a query through a SPARQL 1.1 Protocol endpoint; return the SPARQL JSON results.

    With ``graphs``, the dataset is exactly those graphs (their merge as the default graph, and
    each as a named graph), as the local store's union default graph is: a server's own system
    graphs (Virtuoso keeps several) then stay out of the answer.
    """
    params: list[tuple[str, str]] = [("query", sparql)]
    for g in graphs or []:
        params += [("default-graph-uri", g), ("named-graph-uri", g)]
    try:
        resp = requests.post(endpoint, data=params, timeout=timeout, auth=auth,
                             headers={"Accept": "application/sparql-results+json"})
    except requests.RequestException as exc:
        raise PushError(f"cannot reach {endpoint}: {exc}") from exc
    check_response(resp, "query")
    result: dict[str, Any] = resp.json()
    return result


_NUMERIC = {"integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger",
            "positiveInteger"}


def _comparable_term(b: dict[str, str]) -> tuple[object, ...]:
    """A term as both engines would agree on it: numbers by value, no xsd:string, lower-case tags.

    Virtuoso writes ``"typed-literal"`` and ``50.0`` where Oxigraph writes ``"literal"`` and ``50``;
    blank-node labels are local to an answer, so only their presence is compared.
    """
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return ("uri", value)
    if kind == "bnode":
        return ("bnode",)
    dt, lang = b.get("datatype"), b.get("xml:lang", "").lower()
    if dt and dt.startswith("http://www.w3.org/2001/XMLSchema#") and dt.rsplit("#", 1)[1] in _NUMERIC:
        try:
            return ("number", Decimal(value).normalize())
        except InvalidOperation:
            pass
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return ("literal", value, dt or "", lang)


def comparable_rows(results: dict[str, Any]) -> list[tuple[str, ...]]:
    """SPARQL JSON results as a sorted list of rows (order-free: ties sort differently per engine)."""
    if "boolean" in results:
        return [(str(results["boolean"]).lower(),)]
    variables = results["head"]["vars"]
    return sorted(tuple(repr(_comparable_term(b[v])) if v in b else "" for v in variables)
                  for b in results["results"]["bindings"])


@dataclass
class QueryCheck:
    name: str
    params: dict[str, str]
    local_rows: int
    remote_rows: int
    same: bool
    local_seconds: float
    remote_seconds: float


def check_named_queries(store: ox.Store, endpoint: str, graphs: list[str],
                        auth: AuthBase | None = None) -> list[QueryCheck]:
    """Run every named query (bare, and with its example's parameters) on the local Oxigraph store
    and on ``endpoint``; report whether the answers agree and how long each took."""
    checks = []
    for name, q in sorted(named_queries().items()):
        variants = [{}, example_params(q.example)]
        for params in [p for i, p in enumerate(variants) if p not in variants[:i]]:
            sparql = bind_params(q, params)
            start = time.perf_counter()
            res = store.query(sparql, use_default_graph_as_union=True)
            local = json.loads(res.serialize(format=ox.QueryResultsFormat.JSON) or b"{}")  # type: ignore[arg-type]
            middle = time.perf_counter()
            remote = remote_select(endpoint, sparql, graphs, auth=auth)
            end = time.perf_counter()
            a, b = comparable_rows(local), comparable_rows(remote)
            checks.append(QueryCheck(name, params, len(a), len(b), a == b, middle - start, end - middle))
    return checks
