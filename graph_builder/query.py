"""Named SPARQL queries (``queries/*.rq``) and ad hoc ones, on Oxigraph or rdflib.

Each ``.rq`` file starts with a header comment::

    # Question: Which commitments does a person or post lead?
    # Parameters:
    #   lead (string, optional): part of a person's name or a post title
    # Example: pledgegraph query commitments-led-by --param lead="Saied Ahmed"

A parameter is a SPARQL variable of the same name, bound by a ``VALUES`` block inserted at the
start of the outermost ``WHERE``, so the same text runs on any SPARQL 1.1 engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef

from graph_builder.errors import QueryError
from graph_builder.rdf.write import union
from graph_builder.resources import resource_dir

_PARAM = re.compile(r"^#\s+(\w+)\s*\((\w+),\s*(required|optional)\)\s*:?\s*(.*)$")
_TYPES = ("string", "iri", "date", "integer")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    question: str
    example: str
    params: tuple[Param, ...] = ()


@dataclass
class QueryResult:
    variables: list[str]
    rows: list[list[str | None]] = field(default_factory=list)

    def as_dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.variables, r, strict=True)) for r in self.rows]


def parse_header(name: str, path: Path, text: str) -> NamedQuery:
    question = example = ""
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# Question:"):
            question = line.split(":", 1)[1].strip()
        elif line.startswith("# Example:"):
            example = line.split(":", 1)[1].strip()
        elif m := _PARAM.match(line):
            if m.group(2) not in _TYPES:
                raise QueryError(f"{path}: parameter {m.group(1)} has type {m.group(2)!r}; "
                                 f"allowed: {', '.join(_TYPES)}")
            params.append(Param(m.group(1), m.group(2), m.group(3) == "required", m.group(4)))
    if not question:
        raise QueryError(f"{path}:1: named query lacks a '# Question:' header line")
    return NamedQuery(name, path, text, question, example, tuple(params))


def named_queries(directory: Path | None = None) -> dict[str, NamedQuery]:
    directory = directory or resource_dir("queries")
    return {
        p.stem: parse_header(p.stem, p, p.read_text(encoding="utf-8"))
        for p in sorted(directory.glob("*.rq"))
    }


def _sparql_term(param: Param, value: str) -> str:
    if param.type == "iri":
        if not re.fullmatch(r"[^<>\"{}|^`\\\s]+", value):
            raise QueryError(f"parameter {param.name}: {value!r} is not an IRI")
        return f"<{value}>"
    if param.type == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise QueryError(f"parameter {param.name}: {value!r} is not an integer")
        return value
    if param.type == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise QueryError(f"parameter {param.name}: {value!r} is not a date (YYYY-MM-DD)")
        return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#date>'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def bind_params(query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with parameters bound; raises QueryError naming what is wrong."""
    known = {p.name: p for p in query.params}
    unknown = set(values) - set(known)
    if unknown:
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(sorted(unknown))}; "
                         f"parameters: {', '.join(known) or 'none'}")
    missing = [p.name for p in query.params if p.required and p.name not in values]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=VALUE")
    if not values:
        return query.text
    block = " ".join(
        f"VALUES ?{n} {{ {_sparql_term(known[n], v)} }}" for n, v in sorted(values.items())
    )
    m = re.search(r"\bWHERE\s*\{", query.text, re.I)
    if not m:
        raise QueryError(f"{query.path}: no WHERE {{ to bind parameters into")
    return query.text[: m.end()] + "\n  " + block + "\n" + query.text[m.end():]


def _text(term: Any) -> str | None:
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return str(term.value)
    if isinstance(term, (URIRef, Literal)):
        return str(term)
    return str(term)


def execute(sparql: str, data: ox.Store | Graph | Dataset) -> QueryResult:
    """Run SELECT/ASK text on an Oxigraph store (union default graph) or on rdflib."""
    if isinstance(data, ox.Store):
        try:
            res = data.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL does not parse: {exc}") from exc
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(["result"], [[str(bool(res)).lower()]])
        if isinstance(res, ox.QueryTriples):
            return QueryResult(["subject", "predicate", "object"],
                               [[_text(t.subject), _text(t.predicate), _text(t.object)]
                                for t in res])
        variables = [v.value for v in res.variables]
        return QueryResult(variables, [[_text(s[v]) for v in variables] for s in res])
    graph = union(data) if isinstance(data, Dataset) else data
    try:
        rres = graph.query(sparql)
    except Exception as exc:  # pyparsing and rdflib raise assorted errors for bad SPARQL
        raise QueryError(f"SPARQL does not parse: {exc}") from exc
    if rres.type == "ASK":
        return QueryResult(["result"], [[str(bool(rres.askAnswer)).lower()]])
    if rres.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(["subject", "predicate", "object"],
                           [[_text(s), _text(p), _text(o)] for s, p, o in rres.graph])
    variables = [str(v) for v in rres.vars or []]
    return QueryResult(variables, [[_text(row[v]) for v in variables] for row in rres])


def run_query(
    name_or_sparql: str,
    data: ox.Store | Graph | Dataset,
    params: dict[str, str] | None = None,
    directory: Path | None = None,
) -> QueryResult:
    """Run a named query (with parameters) or, if not a known name, the SPARQL text itself."""
    queries = named_queries(directory)
    if name_or_sparql in queries:
        sparql = bind_params(queries[name_or_sparql], params or {})
    elif re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", name_or_sparql, re.I):
        if params:
            raise QueryError("--param applies to named queries only")
        sparql = name_or_sparql
    else:
        raise QueryError(f"no named query {name_or_sparql!r}; known: {', '.join(queries)}")
    return execute(sparql, data)
