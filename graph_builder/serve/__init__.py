"""Serving the graph: SPARQL 1.1 Protocol endpoint and dereferenceable IRIs (WSGI, werkzeug).

Names are imported on first use so that ``pledgegraph --help`` does not load the server.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {"PledgegraphApp": "graph_builder.serve.app", "make_app": "graph_builder.serve.app",
            "Limits": "graph_builder.serve.engine"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
