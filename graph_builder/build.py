"""The whole flow, top-down: manifest -> readers -> entities -> RDF (-> validation, drawing)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Dataset, Graph

from graph_builder.entities import Entities, resolve
from graph_builder.errors import SourceError
from graph_builder.link import link_documents
from graph_builder.manifest import DocumentInfo, load_manifest, sha256_of
from graph_builder.rdf import DEFAULT_BASE, Iris, to_dataset
from graph_builder.rdf.links import add_links
from graph_builder.rdf.write import union
from graph_builder.readers import READERS, detect_layout, read_document
from graph_builder.readers.base import load_lines
from graph_builder.records import DocumentRecords
from graph_builder.resources import resource_dir
from graph_builder.validate import load_ontology

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    documents: list[DocumentRecords]
    entities: Entities
    dataset: Dataset
    skipped: list[tuple[DocumentInfo, str]] = field(default_factory=list)

    def graph(self) -> Graph:
        return union(self.dataset)


def default_manifest() -> Path:
    return resource_dir("corpus") / "manifest.toml"


def build(
    manifest: Path | None = None,
    files: list[Path] | None = None,
    base: str = DEFAULT_BASE,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of the documents in ``manifest`` (default: the bundled corpus) and ``files``."""
    say = progress or (lambda _msg: None)
    infos = load_manifest(manifest or default_manifest()) if manifest or not files else []
    infos += [describe_file(p) for p in files or []]
    documents: list[DocumentRecords] = []
    skipped: list[tuple[DocumentInfo, str]] = []
    for info in infos:
        if info.layout not in READERS and detect_layout(load_lines(info))[0] is None:
            skipped.append((info, f"no reader yet for layout {info.layout!r}"))
            say(f"skipped {info.id}: no reader for layout {info.layout!r}")
            continue
        say(f"reading {info.id}")
        documents.append(read_document(info))
    say("resolving people, posts, directorates and partners")
    entities = resolve(documents)
    say("linking the same commitments across documents")
    links = link_documents(documents)
    say("writing RDF")
    iris = Iris(base)
    dataset = to_dataset(documents, entities, iris)
    add_links(dataset.graph(iris.graph("links")), links, iris)
    vocab = dataset.graph(iris.graph("ontology"))
    for t in load_ontology():
        vocab.add(t)
    return BuildResult(documents, entities, dataset, skipped)


def describe_file(path: Path) -> DocumentInfo:
    """A DocumentInfo for a file outside any manifest: layout and period read from the text."""
    if not path.is_file():
        raise SourceError(str(path), None, "no such file")
    probe = DocumentInfo(path.stem, path, path.stem, "", date.min, date.min, "strategic-plan", "")
    lines = load_lines(probe)
    layout, score = detect_layout(lines)
    if layout is None:
        raise SourceError(str(path), None, f"layout not recognised (best score {score:.2f}); "
                          f"known layouts: {', '.join(READERS)}. Describe it in a manifest.")
    head = "\n".join(x.text for x in lines[:60])
    m = re.search(r"\b(20\d\d)\s*/\s*(\d\d)\b", head)
    if not m:
        raise SourceError(str(path), None, "no plan year (e.g. 2023/24) in its first 60 lines; "
                          "describe it in a manifest")
    start = int(m.group(1))
    title = next((x.text.strip() for x in lines if x.text.strip()), path.stem)
    kind = {"progress-report": "progress-report", "equality-delivery-plan": "equality-plan",
            "pledge-table": "delivery-plan"}.get(layout, "strategic-plan")
    return DocumentInfo(
        id=re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-"), path=path,
        title=title.split("\t")[0][:200], council="Unknown council",
        period_start=date(start, 4, 1), period_end=date(start + 1, 3, 31), kind=kind,
        layout=layout, sha256=sha256_of(path),
    )


def summary(result: BuildResult) -> dict[str, object]:
    """Per-document records by kind and ledger counts, plus entity and triple totals."""
    docs = {
        d.info.id: {"records": d.counts(), "lines": d.line_count, **d.ledger.counts()}
        for d in result.documents
    }
    e = result.entities
    return {
        "documents": docs,
        "skipped": {i.id: why for i, why in result.skipped},
        "entities": {"people": len(e.people), "posts": len(e.posts), "directorates":
                     len(e.units), "partners": len(e.partners), "partner mentions":
                     len(e.mentions)},
        "triples": len(result.graph()),
    }


def ledger_json(result: BuildResult) -> str:
    return json.dumps({
        d.info.id: {
            "file": d.info.path.name,
            "consumed": {str(k): v for k, v in sorted(d.ledger.consumed.items())},
            "unplaced": {str(k): v for k, v in sorted(d.ledger.unplaced.items())},
        }
        for d in result.documents
    }, indent=1)


@dataclass
class JobOutcome:
    result: BuildResult
    summary: dict[str, object]
    written: list[Path]
    report: object | None  # ValidationReport when validated


def run_main_job(
    out_dir: Path,
    manifest: Path | None = None,
    files: list[Path] | None = None,
    base: str = DEFAULT_BASE,
    validate_graph: bool = True,
    visualise: bool = True,
    progress: Progress | None = None,
) -> JobOutcome:
    """Build, validate and draw; write graph, ledger, merges, report and network into out_dir."""
    say = progress or (lambda _msg: None)
    result = build(manifest, files, base, progress)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def write(name: str, text: str) -> None:
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)

    say("serialising")
    write("pledgegraph.trig", result.dataset.serialize(format="trig"))
    write("pledgegraph.ttl", result.graph().serialize(format="turtle"))
    write("ledger.json", ledger_json(result))
    write("merges.json", json.dumps([m.__dict__ for m in result.entities.merges], indent=1))
    info = summary(result)
    report = None
    if validate_graph:
        from graph_builder.validate import validate

        say("validating (SHACL)")
        report = validate(result.graph())
        write("validation.txt", report.text())
        write("validation.json", report.json())
        info["validation"] = {"conforms": report.conforms, **report.counts()}
    if visualise:
        from visualise import project, render

        say("drawing the accountability network")
        written.append(render(project(result.dataset), out_dir / "accountability.html"))
    return JobOutcome(result, info, written, report)
