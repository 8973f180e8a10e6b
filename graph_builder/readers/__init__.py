"""Readers, one per layout family. Explicit and lazy: modules are imported only when used.

A reader module provides ``LAYOUT`` (its name), ``detect(lines) -> float`` (0..1, how much the
text looks like its layout) and ``read(info, lines) -> Reading``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from graph_builder.errors import SourceError
from graph_builder.manifest import DocumentInfo, verify_digest
from graph_builder.readers.base import Reading, load_lines
from graph_builder.records import DocumentRecords

READERS: dict[str, str] = {
    "pledge-table": "graph_builder.readers.pledge_table",
    "action-plan-wrapped": "graph_builder.readers.action_plan_wrapped",
    "activity-milestone": "graph_builder.readers.activity_milestone",
    "equality-delivery-plan": "graph_builder.readers.equality_delivery_plan",
    "progress-report": "graph_builder.readers.progress_report",
}

_DETECT_THRESHOLD = 0.5


def get_reader(layout: str) -> ModuleType:
    try:
        return importlib.import_module(READERS[layout])
    except KeyError:
        raise KeyError(f"no reader for layout {layout!r}; known: {', '.join(READERS)}") from None


def detect_layout(lines: list) -> tuple[str | None, float]:
    """The best-matching layout for these lines, recognised from the text itself."""
    best: tuple[str | None, float] = (None, 0.0)
    for layout in READERS:
        score = get_reader(layout).detect(lines)
        if score > best[1]:
            best = (layout, score)
    return best if best[1] >= _DETECT_THRESHOLD else (None, best[1])


def read_document(info: DocumentInfo, check_digest: bool = True) -> DocumentRecords:
    """Read one document: verify its digest, choose its reader, and check the ledger is whole."""
    sha = verify_digest(info) if check_digest else ""
    lines = load_lines(info)
    layout = info.layout
    if layout not in READERS:
        detected, score = detect_layout(lines)
        if detected is None:
            raise SourceError(
                str(info.path), None,
                f"layout {layout!r} has no reader and the text matches none "
                f"(best score {score:.2f}); known layouts: {', '.join(READERS)}",
            )
        layout = detected
    reading: Reading = get_reader(layout).read(info, lines)
    missing = reading.ledger.unaccounted(lines)
    if missing:
        first = missing[0]
        raise SourceError(
            str(info.path), first.number,
            f"reader {layout!r} neither consumed nor reported {len(missing)} line(s), first: "
            f"{first.text[:80]!r}",
        )
    return DocumentRecords(
        info=info,
        sha256=sha,
        sections=tuple(reading.sections),
        commitments=tuple(reading.commitments),
        progress=tuple(reading.progress),
        ledger=reading.ledger,
        line_count=len(lines),
    )
