"""The ontology: documented terms, and the closed namespace generated from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, URIRef

from graph_builder import vocab_gen
from graph_builder.vocab import PG


def test_generated_namespace_is_current() -> None:
    current = Path(vocab_gen.__file__).with_name("vocab.py").read_text(encoding="utf-8")
    assert vocab_gen.render() == current, "run: python -m graph_builder.vocab_gen > graph_builder/vocab.py"


def test_namespace_is_closed() -> None:
    assert PG.Pledge == URIRef("https://w3id.org/pledgegraph/def#Pledge")
    with pytest.raises(AttributeError):
        PG.Plegde  # noqa: B018


def test_every_project_term_is_labelled_and_commented() -> None:
    g = vocab_gen.ontology_graph()
    terms = {s for s in g.subjects() if isinstance(s, URIRef)
             and str(s).startswith(vocab_gen.NAMESPACE) and str(s) != vocab_gen.NAMESPACE}
    assert len(terms) > 40
    for t in terms:
        assert g.value(t, RDFS.label) is not None, t
        assert g.value(t, RDFS.comment) is not None, t


def test_no_blank_nodes_in_ontology() -> None:
    from rdflib import BNode

    g = vocab_gen.ontology_graph()
    assert not [t for t in g if any(isinstance(x, BNode) for x in t)]
