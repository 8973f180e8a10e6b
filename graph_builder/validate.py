"""SHACL validation (pyshacl) with findings located at their source line."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import PROV, SH

from graph_builder.rdf.write import union
from graph_builder.resources import turtle_graph
from graph_builder.vocab import PG

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Finding:
    severity: str
    focus: str
    path: str | None
    value: str | None
    message: str
    source: str | None  # "doc-id:line" where the focus node (or what cites it) came from
    shape: str | None


@dataclass
class ValidationReport:
    conforms: bool  # no Violations (Warnings and Infos are listed but allowed)
    findings: list[Finding] = field(default_factory=list)
    report_graph: Graph = field(default_factory=Graph)

    def counts(self) -> dict[str, int]:
        out = {"Violation": 0, "Warning": 0, "Info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def text(self) -> str:
        c = self.counts()
        lines = [f"Conforms: {self.conforms}  (violations {c['Violation']}, warnings "
                 f"{c['Warning']}, infos {c['Info']})"]
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        for f in sorted(self.findings, key=lambda f: (order[f.severity], f.source or "", f.focus)):
            where = f" [{f.source}]" if f.source else ""
            path = f" {f.path}" if f.path else ""
            value = f" = {f.value!r}" if f.value else ""
            lines.append(f"{f.severity}: {f.focus}{where}{path}{value}: {f.message}")
        return "\n".join(lines) + "\n"

    def json(self) -> str:
        return json.dumps({"conforms": self.conforms, "counts": self.counts(),
                           "findings": [asdict(f) for f in self.findings]}, indent=2)


def load_shapes() -> Graph:
    return turtle_graph("shapes")


def load_ontology() -> Graph:
    return turtle_graph("ontology")


def _source_of(data: Graph, node: URIRef) -> str | None:
    """Locate a node: its own span, the span it derives from, or that of a record citing it."""

    def located(span: object) -> str | None:
        doc, line = data.value(span, PG.inDocument), data.value(span, PG.firstLine)
        return f"{str(doc).rsplit('/', 1)[-1]}:{line}" if doc and line else None

    if (node, RDF.type, PG.SourceSpan) in data:
        return located(node)
    for holder in (node, *data.subjects(None, node)):
        for span in data.objects(holder, PROV.wasDerivedFrom):
            where = located(span)
            if where:
                return where
    return None


@dataclass(frozen=True)
class SparqlRule:
    """A SPARQL-based constraint lifted out of the shapes to run on Oxigraph."""

    shape: str
    target: str
    severity: str
    message: str
    query: str


def split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlRule]]:
    """The shapes without their SPARQL constraints, and those constraints as queries.

    pyshacl runs SPARQL constraints on rdflib's engine: one constraint took this corpus from
    1.7 s to 25 s. The constraints stay declared in ``shapes/`` (any SHACL engine can use
    them); here they run once per target class on Oxigraph, with the same severities and
    messages. Only the form this project uses is supported: ``SELECT $this ?value WHERE {...}``
    on a shape with ``sh:targetClass``.
    """
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for d in shapes.objects(None, SH.declare)
    )
    rules: list[SparqlRule] = []
    lean = Graph()
    constraint_nodes = set(shapes.objects(None, SH.sparql))
    for t in shapes:
        if t[1] != SH.sparql and t[0] not in constraint_nodes:
            lean.add(t)
    for shape, node in shapes.subject_objects(SH.sparql):
        severity = SEVERITIES.get(shapes.value(shape, SH.severity), "Violation")
        select = str(shapes.value(node, SH.select)).replace("$this", "?this")
        message = str(shapes.value(node, SH.message) or shapes.value(shape, SH.message) or "")
        for target in shapes.objects(shape, SH.targetClass):
            where = select.index("{") + 1
            query = f"{prefixes}{select[:where]} ?this a <{target}> . {select[where:]}"
            rules.append(SparqlRule(str(shape), str(target), severity, message, query))
    return lean, rules


def _run_rules(data: Graph, rules: list[SparqlRule]) -> list[Finding]:
    from graph_builder.store import to_oxigraph

    store = to_oxigraph(data)
    findings = []
    for rule in rules:
        for row in store.query(rule.query, use_default_graph_as_union=True):
            focus, value = row["this"], row["value"]
            findings.append(Finding(
                severity=rule.severity, focus=str(focus.value), path=None,
                value=str(value.value) if value is not None else None, message=rule.message,
                source=_source_of(data, URIRef(focus.value)), shape=rule.shape))
    return findings


def validate(data: Graph | Dataset, shapes: Graph | None = None) -> ValidationReport:
    """Validate against the project shapes (or ``shapes``); Warnings do not break conformance."""
    if isinstance(data, Dataset):
        data = union(data)
    lean, rules = split_shapes(shapes if shapes is not None else load_shapes())
    _conforms, report, _text = shacl_validate(
        data, shacl_graph=lean, ont_graph=load_ontology(), inference="none",
        allow_warnings=True, allow_infos=True,
    )
    findings: list[Finding] = _run_rules(data, rules)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        findings.append(Finding(
            severity=SEVERITIES.get(report.value(result, SH.resultSeverity), "Violation"),
            focus=str(focus),
            path=str(path) if isinstance(path, URIRef) else None,
            value=str(value) if value is not None else None,
            message=str(report.value(result, SH.resultMessage) or "constraint not met"),
            source=_source_of(data, focus) if isinstance(focus, URIRef) else None,
            shape=str(report.value(result, SH.sourceShape) or "") or None,
        ))
    conforms = not any(f.severity == "Violation" for f in findings)
    return ValidationReport(conforms, findings, report)
