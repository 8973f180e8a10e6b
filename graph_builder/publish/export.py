"""Dumps of the graph in every common RDF syntax, plus the commitments CSV and the JSON-LD context.

All RDF dumps come from one canonical, sorted list of quads, so a rebuild of the same corpus gives
byte-identical files (not only the sorted N-Triples). Turtle and N-Triples hold the union of the
named graphs; TriG, N-Quads and JSON-LD keep one named graph per source document, one for shared
entities and one for the ontology.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from graph_builder.errors import PledgegraphError
from graph_builder.publish.canon import canonical_nquads, parse_lines, to_triples_lines
from graph_builder.publish.commitments import commitments_csv
from graph_builder.publish.config import Publication, detect_base
from graph_builder.publish.context import PREFIXES, build_context, context_document
from graph_builder.publish.formats import FORMATS
from graph_builder.publish.jsonld import to_jsonld
from graph_builder.publish.void import write_description
from graph_builder.terms import to_dataset

CONTEXT_FILE = "context.jsonld"


def _prefixes(base: str) -> dict[str, str]:
    return {**PREFIXES, "pgid": base}


def render_dumps(ds: Dataset, formats: list[str] | None = None) -> dict[str, bytes]:
    """The bytes of each requested dump, keyed by file name (plus the context file)."""
    wanted = formats or list(FORMATS)
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise PledgegraphError(f"unknown export format {', '.join(unknown)}; "
                               f"known: {', '.join(FORMATS)}")
    base = detect_base(ds)
    context = build_context(ds)
    nquads = canonical_nquads(ds)
    ntriples = to_triples_lines(nquads)
    out: dict[str, bytes] = {}
    for key in wanted:
        fmt = FORMATS[key]
        if key == "nt":
            data = ("\n".join(ntriples) + "\n").encode("utf-8")
        elif key == "nq":
            data = ("\n".join(nquads) + "\n").encode("utf-8")
        elif key == "ttl":
            data = ox.serialize(parse_lines(ntriples, quads=False), format=ox.RdfFormat.TURTLE,
                                prefixes=_prefixes(base)) or b""
        elif key == "trig":
            data = ox.serialize(parse_lines(nquads), format=ox.RdfFormat.TRIG,
                                prefixes=_prefixes(base)) or b""
        elif key == "jsonld":
            canonical = to_dataset(parse_lines(nquads))  # type: ignore[arg-type]
            data = to_jsonld(canonical, context).encode("utf-8")
        else:
            data = commitments_csv(_store(nquads)).encode("utf-8")
        out[fmt.filename] = data
    out[CONTEXT_FILE] = context_document(context).encode("utf-8")
    return out


def _store(nquads: list[str]) -> ox.Store:
    store = ox.Store()
    store.bulk_load(("\n".join(nquads) + "\n").encode("utf-8"), ox.RdfFormat.N_QUADS)
    return store


def export(ds: Dataset, out_dir: Path, formats: list[str] | None = None,
           pub: Publication | None = None, describe: bool = True) -> dict[str, Path]:
    """Write the dumps (and, with ``describe``, their VoID/DCAT description) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name, data in render_dumps(ds, formats).items():
        path = out_dir / name
        path.write_bytes(data)
        written[name] = path
    if describe:
        pub = pub or Publication(base=detect_base(ds))
        written.update(write_description(ds, pub, out_dir, written))
    return written
