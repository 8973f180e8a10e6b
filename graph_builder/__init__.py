"""pledgegraph: council plan documents -> a linked-data graph of commitments, people and organisations.

The importable surface: ``build()`` runs the whole pipeline, ``validate()`` checks a graph with
SHACL, ``run_query()`` runs a named or ad hoc SPARQL query. Imported lazily so that
``import graph_builder`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["BuildResult", "build", "run_query", "validate"]
__version__ = "0.1.0"

_LAZY = {
    "BuildResult": "graph_builder.build",
    "build": "graph_builder.build",
    "run_query": "graph_builder.query",
    "validate": "graph_builder.validate",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'graph_builder' has no attribute {name!r}")
