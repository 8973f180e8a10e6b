"""The static site: complete, browsable without a server, and with no broken internal links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from graph_builder.build import BuildResult
from graph_builder.publish.links import LISTS
from graph_builder.publish.site import SiteReport, publish_site
from graph_builder.vocab import PG
from tests.publish_fixtures import assert_isomorphic, small_dataset, union_of


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> SiteReport:
    return publish_site(built.dataset, tmp_path_factory.mktemp("site") / "site")


def test_site_layout(site: SiteReport) -> None:
    root = site.root
    for name in ("index.html", "ontology.html", "queries.html", "accountability.html", "style.css",
                 "void.ttl", "void.jsonld", "context.jsonld", ".well-known/void",
                 "dumps/pledgegraph.nt", "dumps/pledgegraph.trig", "dumps/commitments.csv"):
        assert (root / name).is_file(), name
    for name in LISTS:
        assert (root / f"{name}.html").is_file()
    assert site.resources > 100


def test_no_broken_internal_links(site: SiteReport) -> None:
    """Every relative href/src points at a file of the site, and every #fragment at an id in it."""
    root = site.root.resolve()
    parsed: dict[Path, _Links] = {}
    broken: list[str] = []
    pages = sorted(root.rglob("*.html"))
    for page in pages:
        for href in _parse(page).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
                continue  # external
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_relative_to(root) or not target.is_file():
                broken.append(f"{page.relative_to(root)}: {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in parsed:
                    parsed[target] = _parse(target)
                if parts.fragment not in parsed[target].ids:
                    broken.append(f"{page.relative_to(root)}: {href} (no id {parts.fragment!r})")
    assert not broken, f"{len(broken)} broken links, e.g.\n" + "\n".join(broken[:20])
    assert len(pages) > site.resources


def test_resource_files_round_trip(site: SiteReport, built: BuildResult) -> None:
    union = union_of(built.dataset)
    commitment = sorted(union.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                       PG.Commitment))[0]
    stem = site.root / "id" / str(commitment).split("/id/", 1)[1]
    expected = Graph()
    for t in union.triples((commitment, None, None)):
        expected.add(t)
    for t in union.triples((None, None, commitment)):
        expected.add(t)
    for ext, fmt in (("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")):
        got = Graph().parse(Path(f"{stem}.{ext}"), format=fmt)
        for t in [t for t in got if "/id/dataset" in str(t[0])]:
            got.remove(t)  # void:exampleResource from the dataset description
        assert_isomorphic(expected, got, f"{stem}.{ext}")
    page = Path(f"{stem}.html").read_text(encoding="utf-8")
    line = union.value(union.value(commitment, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")),
                       PG.firstLine)
    assert re.search(rf'text/[\w.-]+\.html#L{line}"', page), "no link to the source line"


def test_index_pages_group_commitments(site: SiteReport) -> None:
    page = (site.root / "commitments.html").read_text(encoding="utf-8")
    assert "2023/24" in page and "Priority" in page
    people = (site.root / "people.html").read_text(encoding="utf-8")
    assert people.count('href="id/person/') >= 5


def test_ontology_page_documents_terms_and_shapes(site: SiteReport) -> None:
    page = (site.root / "ontology.html").read_text(encoding="utf-8")
    for term in ("Commitment", "leadMember", "deadline", "ProgressObservation"):
        assert f'id="{term}"' in page
    assert "minCount" in page and "Violation" in page  # shapes shown with their severities


def test_publish_cli(tmp_path: Path, built: BuildResult) -> None:
    from graph_builder.cli import main

    graph = tmp_path / "g.trig"
    small_dataset(built).serialize(graph, format="trig")
    res = CliRunner().invoke(main, ["publish", "--graph", str(graph), "--site", str(tmp_path / "s"),
                                    "--no-visualise"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "s" / "index.html").is_file()
