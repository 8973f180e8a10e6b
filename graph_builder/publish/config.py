"""Where a publication lives: the IRI base of its resources and the URLs of its site, dumps, endpoint."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, URIRef

from graph_builder.manifest import OGL3
from graph_builder.rdf import DEFAULT_BASE, ENTITIES_GRAPH

DUMP_NAME = "pledgegraph"


@dataclass(frozen=True)
class Publication:
    """Everything a description or a page needs to say where things are.

    ``base`` is the namespace of the resources (as built); ``site_url`` is where the pages,
    dumps and endpoint are served. By default the site is the parent of the base, so that
    ``https://w3id.org/pledgegraph/id/person/x`` is described under ``https://w3id.org/pledgegraph/``.
    """

    base: str = DEFAULT_BASE
    site_url: str | None = None
    sparql_endpoint: str | None = None
    title: str = "pledgegraph: commitments in UK council plans"
    description: str = (
        "Commitments (pledges, priorities, outcomes, activities, deliverables, milestones) "
        "extracted from published council plans and progress reports, with their deadlines, "
        "lead members, posts, officers, directorates and partners, and progress observations, "
        "each traced to the document and line it came from."
    )
    publisher_name: str = "pledgegraph project"
    publisher_url: str | None = None
    licence: str = OGL3

    @property
    def root(self) -> str:
        if self.site_url:
            return self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        base = self.base.rstrip("/#")
        return base.rsplit("/", 1)[0] + "/"

    @property
    def dumps_url(self) -> str:
        return self.root + "dumps/"

    @property
    def endpoint(self) -> str:
        return self.sparql_endpoint or self.root + "sparql"

    @property
    def dataset_iri(self) -> URIRef:
        return URIRef(self._base_slash + "dataset")

    @property
    def _base_slash(self) -> str:
        return self.base if self.base.endswith(("/", "#")) else self.base + "/"

    def iri(self, *parts: str) -> URIRef:
        return URIRef(self._base_slash + "/".join(parts))

    def local_path(self, iri: str) -> str | None:
        """The part of ``iri`` after the base, or None for IRIs outside it."""
        return iri[len(self._base_slash):] if iri.startswith(self._base_slash) else None


def detect_base(ds: Dataset) -> str:
    """The IRI base a dataset was built with, read off its shared-entities graph name."""
    suffix = "graph/" + ENTITIES_GRAPH
    for ctx in ds.graphs():
        name = str(ctx.identifier)
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return DEFAULT_BASE
