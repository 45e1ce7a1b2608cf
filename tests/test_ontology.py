"""ontology/tvk.ttl: small, documented in three languages, linked to standard terms, usable by any authority."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kasko_dcat.rdf.namespaces import TVK, VANN

from .conftest import ROOT

ONTOLOGY = ROOT / "ontology" / "tvk.ttl"
ontology = Graph().parse(ONTOLOGY)
TERMS = sorted(
    s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in ontology.subjects(RDF.type, kind)
)


def test_namespace_matches_the_code() -> None:
    (header,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert ontology.value(header, VANN.preferredNamespaceUri) == Literal(str(TVK))
    assert all(str(term).startswith(str(TVK)) for term in TERMS)


def test_every_term_the_converter_writes_is_defined(graph: Graph) -> None:
    used = {term for triple in graph for term in triple if isinstance(term, URIRef) and str(term).startswith(str(TVK))}
    assert used <= set(TERMS), sorted(used - set(TERMS))


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.split("#")[1])
def test_term_is_labelled_and_defined_in_fi_sv_en(term: URIRef) -> None:
    for predicate in (RDFS.label, SKOS.definition):
        assert {o.language for o in ontology.objects(term, predicate)} == {"fi", "sv", "en"}, predicate
    assert (term, RDFS.isDefinedBy, URIRef(str(TVK).rstrip("#"))) in ontology


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.split("#")[1])
def test_term_is_linked_to_a_standard_term(term: URIRef) -> None:
    """rdfs:subClassOf / subPropertyOf a standard term (directly or via a tvk parent), or rdfs:seeAlso one."""
    seen, todo = set(), [term]
    while todo:
        current = todo.pop()
        seen.add(current)
        for parent in (*ontology.objects(current, RDFS.subClassOf), *ontology.objects(current, RDFS.subPropertyOf)):
            if not str(parent).startswith(str(TVK)):
                return
            if parent not in seen:
                todo.append(parent)
    see_also = [o for o in ontology.objects(term, RDFS.seeAlso) if not str(o).startswith(str(TVK))]
    assert see_also, f"{term} is linked to no standard term"


def test_nothing_in_the_ontology_is_specific_to_one_authority() -> None:
    text = ONTOLOGY.read_text("utf-8").lower()
    for word in ("kasko", "helsin", "hel.fi", "kasvatuksen", "lautakunta"):
        assert word not in text.replace("kasko-dcat.example", ""), word
