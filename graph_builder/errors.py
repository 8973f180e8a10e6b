"""Domain exceptions. The CLI turns them into messages and exit code 2; nothing here prints."""

from __future__ import annotations


class PledgegraphError(Exception):
    """Base class: a problem the user can fix (bad input, changed file, unknown name)."""


class SourceError(PledgegraphError):
    """A problem in a source file, located by file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class ManifestError(PledgegraphError):
    """The corpus manifest is missing, malformed, or disagrees with the files."""


class QueryError(PledgegraphError):
    """A named query is unknown, a parameter is missing, or SPARQL does not parse."""
