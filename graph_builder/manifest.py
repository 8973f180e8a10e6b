"""The corpus manifest: which documents, what they are, and the digest each must have."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph_builder.errors import ManifestError

KINDS = ("delivery-plan", "strategic-plan", "equality-plan", "progress-report")
OGL3 = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
_REQUIRED = ("id", "file", "title", "council", "period_start", "period_end", "kind", "layout")


@dataclass(frozen=True)
class DocumentInfo:
    """One source document as the manifest describes it."""

    id: str
    path: Path
    title: str
    council: str
    period_start: date
    period_end: date
    kind: str
    layout: str
    licence: str = OGL3
    sha256: str | None = None
    report_date: date | None = None


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_manifest(path: Path) -> list[DocumentInfo]:
    """Read ``manifest.toml``; raise ManifestError naming the entry and field on any problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ManifestError(f"{path}: manifest not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from exc
    docs: list[DocumentInfo] = []
    seen: set[str] = set()
    for n, entry in enumerate(data.get("document", []), start=1):
        missing = [k for k in _REQUIRED if k not in entry]
        if missing:
            raise ManifestError(f"{path}: document #{n} lacks {', '.join(missing)}")
        if entry["kind"] not in KINDS:
            raise ManifestError(
                f"{path}: document {entry['id']!r} has kind {entry['kind']!r}; "
                f"allowed: {', '.join(KINDS)}"
            )
        if entry["id"] in seen:
            raise ManifestError(f"{path}: document id {entry['id']!r} appears twice")
        seen.add(entry["id"])
        for key in ("period_start", "period_end", "report_date"):
            if key in entry and not isinstance(entry[key], date):
                raise ManifestError(f"{path}: {entry['id']}: {key} must be a TOML date")
        docs.append(
            DocumentInfo(
                id=entry["id"],
                path=path.parent / entry["file"],
                title=entry["title"],
                council=entry["council"],
                period_start=entry["period_start"],
                period_end=entry["period_end"],
                kind=entry["kind"],
                layout=entry["layout"],
                licence=entry.get("licence", OGL3),
                sha256=entry.get("sha256"),
                report_date=entry.get("report_date"),
            )
        )
    if not docs:
        raise ManifestError(f"{path}: no [[document]] entries")
    return docs


def verify_digest(doc: DocumentInfo) -> str:
    """Return the file's SHA-256; refuse a file that is missing or differs from the manifest."""
    if not doc.path.is_file():
        raise ManifestError(f"{doc.path}: file listed in the manifest as {doc.id!r} is missing")
    actual = sha256_of(doc.path)
    if doc.sha256 is not None and actual != doc.sha256:
        raise ManifestError(
            f"{doc.path}: SHA-256 is {actual} but the manifest expects {doc.sha256} for "
            f"{doc.id!r}; the file has changed. Restore it, or update the manifest's sha256 "
            "if the change is deliberate."
        )
    return actual
