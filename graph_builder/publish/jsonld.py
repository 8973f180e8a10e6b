"""JSON-LD with the published context, in a stable order."""

from __future__ import annotations

import json
from typing import Any

from rdflib import Dataset, Graph


def _key(value: Any) -> str:
    if isinstance(value, dict) and "id" in value:
        return "0" + str(value["id"])  # nodes by IRI first, then anything else by its text
    return "1" + json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sorted(value: Any) -> Any:
    """Sort every list (node lists and multi-valued properties); RDF values are unordered."""
    if isinstance(value, dict):
        # @list is the one ordered container: keep its order.
        return {k: (v if k == "@list" else _sorted(v)) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted(v) for v in value), key=_key)
    return value


def to_jsonld(data: Dataset | Graph, context: dict[str, object], embed_context: bool = True,
              context_url: str | None = None) -> str:
    """Compact JSON-LD of ``data`` (named graphs kept for a Dataset).

    The context is embedded by default so the file parses offline; with ``context_url`` the
    document points at the published context instead (for served pages next to it).
    """
    text = data.serialize(format="json-ld", context=context, auto_compact=True)
    doc = _sorted(json.loads(text))
    if isinstance(doc, dict) and not embed_context and context_url:
        doc["@context"] = context_url
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
