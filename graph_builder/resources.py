"""Where the ontology, shapes, queries and bundled corpus live.

In an installed wheel they are package data under ``graph_builder/_bundled``; in a source
checkout (editable install, tests) they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

_PACKAGE = Path(__file__).resolve().parent
_NAMES = ("ontology", "shapes", "queries", "corpus")


def resource_dir(name: str) -> Path:
    """Return the directory holding the named resource family."""
    if name not in _NAMES:
        raise ValueError(f"unknown resource {name!r}; expected one of {', '.join(_NAMES)}")
    bundled = _PACKAGE / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name


def data_file(name: str) -> Path:
    """A data file of the library itself (gazetteers, patterns)."""
    return _PACKAGE / "data" / name


def turtle_graph(name: str) -> Graph:
    """All ``*.ttl`` files of a resource family (``ontology`` or ``shapes``) as one rdflib Graph."""
    from rdflib import Graph

    g = Graph()
    for path in sorted(resource_dir(name).glob("*.ttl")):
        g.parse(path, format="turtle")
    return g
