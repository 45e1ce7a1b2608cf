"""Every source field's triples, pinned on a small invented source that uses each field once.

``tests/data/mini-source`` → ``tests/data/mini-expected.ttl`` (reviewed by hand). A change in the
mapping shows up here as a readable list of added and removed triples.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from kasko_dcat.model.description import read_source
from kasko_dcat.model.graph import build_graph
from kasko_dcat.rdf.namespaces import TVK

from .test_formats import assert_same_graph
from .test_ontology import TERMS

DATA = Path(__file__).parent / "data"


def mini_graph() -> Graph:
    return build_graph(read_source(DATA / "mini-source"))


def test_mini_source_maps_to_the_expected_graph() -> None:
    assert_same_graph(Graph().parse(DATA / "mini-expected.ttl"), mini_graph())


def test_every_ontology_term_is_produced_by_some_source(graph: Graph) -> None:
    """No dead vocabulary: each tvk term comes out of the converter (privacy notices and interfaces
    only from the mini source, since the Education Division's page states neither)."""
    used = {t for g in (graph, mini_graph()) for triple in g for t in triple if isinstance(t, URIRef)}
    assert [term for term in TERMS if term not in used] == []
    assert TVK.privacyNotice in used and TVK.technicalInterface in used


def test_mini_source_gaps_are_only_the_placeholders_it_admits() -> None:
    gaps = read_source(DATA / "mini-source").gaps
    assert sorted(g.code for g in gaps) == ["gap-placeholder-iri", "gap-register-description"]
