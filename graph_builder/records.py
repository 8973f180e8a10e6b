"""Typed, frozen records passed between stages. No RDF here, no parsing either."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph_builder.manifest import DocumentInfo


@dataclass(frozen=True)
class Line:
    """One physical line of a source document, split into tab-separated cells."""

    doc: str
    number: int  # 1-based
    text: str

    @property
    def cells(self) -> list[str]:
        return self.text.split("\t")

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class SourceSpan:
    """Where a record came from: document, first..last line, and the row text as it stands."""

    doc: str
    first: int
    last: int
    text: str

    @classmethod
    def of(cls, lines: list[Line]) -> SourceSpan:
        return cls(lines[0].doc, lines[0].number, lines[-1].number, "\n".join(x.text for x in lines))


@dataclass(frozen=True)
class Section:
    """A grouping heading: community-plan theme, priority, priority outcome, outcome."""

    kind: str  # theme | priority | priority-outcome | outcome
    key: str  # unique within the document, e.g. "priority-3"
    title: str
    span: SourceSpan
    number: str | None = None
    parent: str | None = None
    ambition: str | None = None
    linked_outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Commitment:
    """Something the council says it will do, at any level of the hierarchy.

    Owner and deadline fields keep the cell text as printed; ``graph_builder.normalise`` and
    ``graph_builder.entities`` turn them into dates, people, posts and units.
    """

    kind: str  # pledge | deliverable | strategic-action | activity | key-deliverable | milestone | measure
    key: str  # unique within the document, e.g. "pledge-5.07", "deliverable-5.07-2"
    text: str
    span: SourceSpan
    number: str | None = None
    parent: str | None = None  # key of a Section or Commitment in the same document
    lead_member: str | None = None
    lead_officer: str | None = None
    directorate: str | None = None
    deadline: str | None = None
    state_text: str | None = None  # e.g. "Pledge complete", "No 2023/24 deliverable. ..."
    flags: tuple[str, ...] = ()  # e.g. ("sef",) for measures marked * in the source
    variants: tuple[str, ...] = ()  # garbled/OCR forms of the text that were repaired


@dataclass(frozen=True)
class Progress:
    """A progress statement about a commitment, as printed in a report."""

    commitment: str  # key of the Commitment in the same document
    status: str | None
    percent: str | None
    comment: str | None
    span: SourceSpan


@dataclass
class Ledger:
    """Accounts for every non-blank line: consumed by a record, furniture, or unplaced (why)."""

    doc: str
    consumed: dict[int, str] = field(default_factory=dict)
    unplaced: dict[int, str] = field(default_factory=dict)

    def consume(self, lines: list[Line] | Line, what: str) -> None:
        for line in [lines] if isinstance(lines, Line) else lines:
            self.consumed[line.number] = what

    def report(self, line: Line, reason: str) -> None:
        self.unplaced[line.number] = reason

    def unaccounted(self, lines: list[Line]) -> list[Line]:
        """Non-blank lines neither consumed nor reported: always a reader bug."""
        return [
            x
            for x in lines
            if not x.is_blank and x.number not in self.consumed and x.number not in self.unplaced
        ]

    def counts(self) -> dict[str, int]:
        return {"consumed": len(self.consumed), "unplaced": len(self.unplaced)}


@dataclass(frozen=True)
class DocumentRecords:
    """Everything one reader produced for one document."""

    info: DocumentInfo
    sha256: str
    sections: tuple[Section, ...]
    commitments: tuple[Commitment, ...]
    progress: tuple[Progress, ...]
    ledger: Ledger
    line_count: int

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for rec in (*self.sections, *self.commitments):
            out[rec.kind] = out.get(rec.kind, 0) + 1
        if self.progress:
            out["progress"] = len(self.progress)
        return out
