"""Where a page links to: the same pages are served live (absolute paths under the server's root)
and written as a static site (relative paths to ``.html`` files, so it works from ``file://``).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from graph_builder.publish.config import Publication

ONTOLOGY_NS = "https://w3id.org/pledgegraph/def#"
LISTS = ("commitments", "people", "posts", "directorates", "partners", "documents")
RDF_EXTENSIONS = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples"}


def file_stem(local: str) -> str:
    """A file-system- and URL-safe path for a resource's local name (no %-escapes to double-encode)."""
    return quote(local, safe="/._-~").replace("%", "_")


class Linker:
    """Common behaviour; subclasses say how a site path becomes an href."""

    def __init__(self, pub: Publication, known: Callable[[str], bool]) -> None:
        self.pub = pub
        self.known = known

    def _href(self, path: str) -> str:  # path relative to the site root
        raise NotImplementedError

    def _resource_path(self, local: str, ext: str | None) -> str:
        raise NotImplementedError

    def resource(self, iri: str, ext: str | None = None) -> str | None:
        """The href of a resource's page (or of its ``ext`` representation); None if there is none."""
        local = self.pub.local_path(iri)
        if local is None or not local or not self.known(iri):
            return None
        return self._resource_path(local, ext)

    def term(self, iri: str) -> str | None:
        """Ontology terms link to their entry on the ontology page; other IRIs to themselves."""
        if iri.startswith(ONTOLOGY_NS):
            local = iri[len(ONTOLOGY_NS):]
            return self.page("ontology") + "#" + local if local and self.known(iri) else None
        return self.resource(iri)

    def href(self, iri: str) -> str | None:
        """Best link for any IRI: a page here, an ontology entry, or the IRI itself if external."""
        inside = self.term(iri)
        if inside:
            return inside
        if self.pub.local_path(iri) is not None:
            return None  # ours but without a page: no dead link
        return iri if iri.startswith(("http://", "https://")) else None

    def page(self, name: str) -> str:
        raise NotImplementedError

    def text(self, doc_id: str, line: int | None = None) -> str:
        raise NotImplementedError

    def dump(self, filename: str) -> str:
        return self._href("dumps/" + filename)

    def asset(self, filename: str) -> str:
        return self._href(filename)


class ServerLinker(Linker):
    def __init__(self, pub: Publication, known: Callable[[str], bool], root: str = "/") -> None:
        super().__init__(pub, known)
        self.root = root if root.endswith("/") else root + "/"

    def _href(self, path: str) -> str:
        return self.root + path

    def _resource_path(self, local: str, ext: str | None) -> str:
        return self.root + "id/" + quote(local, safe="/._-~") + (f".{ext}" if ext else "")

    def page(self, name: str) -> str:
        paths = {"home": "", "ontology": "def", "queries": "sparql", "void": ".well-known/void",
                 "visualisation": "visualisation", "context": "context.jsonld"}
        return self.root + paths.get(name, "lists/" + name if name in LISTS else name)

    def text(self, doc_id: str, line: int | None = None) -> str:
        return self.root + "text/" + quote(doc_id) + (f"#L{line}" if line else "")


class SiteLinker(Linker):
    """Relative links from the page at ``here`` (a path under the site root, e.g. ``id/person/x.html``)."""

    def __init__(self, pub: Publication, known: Callable[[str], bool], here: str = "index.html") -> None:
        super().__init__(pub, known)
        self.prefix = "../" * here.count("/")

    def at(self, here: str) -> SiteLinker:
        return SiteLinker(self.pub, self.known, here)

    def _href(self, path: str) -> str:
        return self.prefix + path

    def _resource_path(self, local: str, ext: str | None) -> str:
        return self.prefix + "id/" + file_stem(local) + "." + (ext or "html")

    def page(self, name: str) -> str:
        files = {"home": "index.html", "ontology": "ontology.html", "queries": "queries.html",
                 "void": "void.ttl", "visualisation": "accountability.html",
                 "context": "context.jsonld"}
        return self.prefix + files.get(name, name + ".html")

    def text(self, doc_id: str, line: int | None = None) -> str:
        return self.prefix + "text/" + file_stem(doc_id) + ".html" + (f"#L{line}" if line else "")
