"""Load the graph into any SPARQL 1.1 store, one named graph per document, replacing each graph so
that pushing again gives the same store (idempotent).

Two ways in, because stores differ in what they open to a client:

* ``gsp`` -- SPARQL 1.1 Graph Store HTTP Protocol: ``PUT <store>?graph=<iri>`` with the graph as
  N-Triples. One request per graph, atomic per graph. Virtuoso: ``/sparql-graph-crud-auth``
  (digest auth); Oxigraph and Fuseki: ``/store`` or ``/data``.
* ``update`` -- SPARQL 1.1 Update: ``DROP SILENT GRAPH`` then ``INSERT DATA`` in chunks (stores
  cap the size of one update). Not atomic across chunks: a failure leaves a partial graph,
  which the next push replaces. Virtuoso: ``/sparql-auth`` (digest auth).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import requests
from rdflib import Dataset, Graph
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from graph_builder.errors import PledgegraphError

METHODS = ("gsp", "update")
AUTH_SCHEMES = ("basic", "digest")
_HINTS = {
    401: "credentials missing or refused: check --user and --password (Virtuoso uses --auth digest)",
    403: "the credentials are not allowed to write (Virtuoso: grant SPARQL_UPDATE, or use dba "
         "on /sparql-graph-crud-auth or /sparql-auth)",
    404: "no Graph Store / update service at that URL (Virtuoso: /sparql-graph-crud-auth or "
         "/sparql-auth; Oxigraph: /store or /update)",
    405: "that URL does not accept this method: is it the query endpoint instead of the update "
         "or graph-store one?",
    413: "the store refused the request size: use --method update with a smaller --chunk",
    400: "if the store says the update is too long, give a smaller --chunk",
    415: "the store does not accept the media type: try the other --method",
}


class PushError(PledgegraphError):
    """The store refused the data or could not be reached."""


@dataclass(frozen=True)
class Target:
    url: str  # the Graph Store (gsp) or the SPARQL Update service (update)
    method: str = "gsp"
    user: str | None = None
    password: str | None = None
    auth: str = "digest"
    timeout: float = 120.0
    chunk: int = 500  # triples per INSERT DATA: Virtuoso refuses ~1000 (its SQL text limit)

    def session_auth(self) -> AuthBase | None:
        if self.user is None:
            return None
        cls = HTTPDigestAuth if self.auth == "digest" else HTTPBasicAuth
        return cls(self.user, self.password or "")


@dataclass
class GraphPushed:
    name: str
    triples: int
    requests: int
    seconds: float


@dataclass
class PushReport:
    target: str
    graphs: list[GraphPushed] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


def _ntriples(g: Graph) -> str:
    # Sorted so that two pushes send the same bytes: easier to compare in a store's logs.
    return "\n".join(sorted(g.serialize(format="nt").splitlines())) + "\n"


def check_response(resp: requests.Response, what: str) -> None:
    """Raise PushError naming the store's status, a hint for common causes, and its message."""
    if resp.status_code < 300:
        return
    hint = _HINTS.get(resp.status_code, "")
    body = " ".join(resp.text.split())[:300]
    raise PushError(f"{what}: the store answered HTTP {resp.status_code} {resp.reason}"
                    + (f" ({hint})" if hint else "") + (f": {body}" if body else ""))


def _send(session: requests.Session, target: Target, what: str, **kwargs: Any) -> None:
    try:
        resp = session.request(timeout=target.timeout, **kwargs)
    except requests.RequestException as exc:
        raise PushError(f"{what}: cannot reach {target.url}: {exc}") from exc
    check_response(resp, what)


def _push_gsp(session: requests.Session, target: Target, name: str, g: Graph) -> int:
    _send(session, target, f"PUT graph {name}", method="PUT", url=target.url, params={"graph": name},
          data=_ntriples(g).encode("utf-8"),
          # N-Triples is Turtle; text/turtle is the one type every Graph Store accepts.
          headers={"Content-Type": "text/turtle; charset=utf-8"})
    return 1


def _push_update(session: requests.Session, target: Target, name: str, g: Graph) -> int:
    lines = _ntriples(g).splitlines()
    updates = [f"DROP SILENT GRAPH <{name}>"]
    for i in range(0, len(lines), target.chunk):
        body = "\n".join(lines[i:i + target.chunk])
        updates.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
    for n, update in enumerate(updates, start=1):
        _send(session, target, f"update {n}/{len(updates)} of graph {name}", method="POST",
              url=target.url, data={"update": update},
              headers={"Accept": "application/sparql-results+json, */*;q=0.5"})
    return len(updates)


def push(data: Dataset, target: Target, progress: Any = None) -> PushReport:
    """Replace each non-empty named graph of ``data`` in the store at ``target``."""
    if target.method not in METHODS:
        raise PushError(f"unknown push method {target.method!r}; use one of {', '.join(METHODS)}")
    if target.auth not in AUTH_SCHEMES:
        raise PushError(f"unknown auth scheme {target.auth!r}; use one of {', '.join(AUTH_SCHEMES)}")
    say = progress or (lambda _msg: None)
    report = PushReport(target.url)
    graphs = sorted((g for g in data.graphs() if len(g)), key=lambda g: str(g.identifier))
    default = [g for g in graphs if str(g.identifier).startswith("urn:x-rdflib:")]
    if default:
        raise PushError("the dataset has triples outside any named graph; push needs one named "
                        "graph per document (load a .trig or .nq built by pledgegraph)")
    send = _push_gsp if target.method == "gsp" else _push_update
    with requests.Session() as session:
        session.auth = target.session_auth()
        for g in graphs:
            name = str(g.identifier)
            say(f"pushing {name} ({len(g)} triples)")
            start = time.perf_counter()
            n = send(session, target, name, g)
            report.graphs.append(GraphPushed(name, len(g), n, time.perf_counter() - start))
    return report
