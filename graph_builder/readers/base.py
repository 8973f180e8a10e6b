"""What every reader shares: loading lines, and the Reading it returns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph_builder.errors import SourceError
from graph_builder.manifest import DocumentInfo
from graph_builder.records import Commitment, Ledger, Line, Progress, Section


@dataclass
class Reading:
    sections: list[Section] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)
    ledger: Ledger = field(default_factory=lambda: Ledger(""))


def load_lines(info: DocumentInfo) -> list[Line]:
    try:
        raw = info.path.read_bytes()
    except OSError as exc:
        raise SourceError(str(info.path), None, f"cannot read: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(str(info.path), line, f"not UTF-8 (byte {raw[exc.start]:#x})") from exc
    return [Line(info.id, n, t.rstrip("\r")) for n, t in enumerate(text.split("\n"), start=1)]


def repeated_single_cells(lines: list[Line], min_count: int = 2) -> set[str]:
    """Single-cell lines that recur: page titles and running heads left by the PDF conversion."""
    counts = Counter(x.text.strip() for x in lines if x.text.strip() and "\t" not in x.text.strip())
    return {text for text, n in counts.items() if n >= min_count}


def nonempty_cells(line: Line) -> list[str]:
    return [c.strip() for c in line.cells if c.strip()]
