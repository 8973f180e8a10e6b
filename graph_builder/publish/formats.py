"""The dump formats: file name, media type, title, and the rdflib parser that reads them back."""

from __future__ import annotations

from dataclasses import dataclass

from graph_builder.publish.config import DUMP_NAME


@dataclass(frozen=True)
class Format:
    key: str
    filename: str
    media_type: str
    title: str
    rdflib_name: str | None  # parser name for round trips; None for non-RDF files
    quads: bool = False


FORMATS: dict[str, Format] = {f.key: f for f in (
    Format("nt", f"{DUMP_NAME}.nt", "application/n-triples", "N-Triples (sorted, union of graphs)", "nt"),
    Format("ttl", f"{DUMP_NAME}.ttl", "text/turtle", "Turtle (union of graphs)", "turtle"),
    Format("nq", f"{DUMP_NAME}.nq", "application/n-quads",
           "N-Quads (sorted, one named graph per document)", "nquads", True),
    Format("trig", f"{DUMP_NAME}.trig", "application/trig",
           "TriG (one named graph per document)", "trig", True),
    Format("jsonld", f"{DUMP_NAME}.jsonld", "application/ld+json",
           "JSON-LD (named graphs, embedded context)", "json-ld", True),
    Format("csv", "commitments.csv", "text/csv", "Commitments table (CSV)", None),
)}
