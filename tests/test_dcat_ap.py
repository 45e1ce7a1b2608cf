"""DCAT-AP 3.0.1 conformance: our structural promises, and SEMIC's official shapes with pySHACL."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SH, SKOS

from kasko_dcat.rdf.namespaces import DCATAP, ELI, VCARD

from .conftest import SHARED

SEMIC = SHARED / "reference" / "dcat-ap-3.0.1"
SEMIC_FILES = ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl")
EU = "http://publications.europa.eu/resource/authority/"


def test_no_blank_nodes(graph: Graph) -> None:
    """Harvesters key everything on IRIs; a blank node would change identity on every harvest."""
    blank = [t for t in graph if any(isinstance(term, BNode) for term in t)]
    assert blank == []


def test_every_free_text_has_a_language_tag(graph: Graph) -> None:
    texts = (DCTERMS.title, DCTERMS.description, DCAT.keyword, FOAF.name, SKOS.prefLabel, VCARD.fn)
    untagged = [
        (s, p, o) for p in texts for s, o in graph.subject_objects(p) if isinstance(o, Literal) and not o.language
    ]
    assert untagged == []


def test_one_value_per_language(graph: Graph) -> None:
    for predicate in (DCTERMS.title, DCTERMS.description, FOAF.name, SKOS.prefLabel):
        counts = Counter((s, o.language) for s, o in graph.subject_objects(predicate) if isinstance(o, Literal))
        assert [key for key, n in counts.items() if n > 1] == [], predicate


def test_every_dataset_is_listed_and_has_the_mandatory_and_recommended_properties(graph: Graph) -> None:
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        assert isinstance(dataset, URIRef) and str(dataset).startswith("https://kasko.example/dataset/")
        assert (catalog, DCAT.dataset, dataset) in graph
        for predicate in (
            DCTERMS.title,
            DCTERMS.description,
            DCTERMS.publisher,
            DCAT.contactPoint,
            DCAT.distribution,
            DCTERMS.spatial,
            DCAT.keyword,
            DCAT.theme,
            DCTERMS.language,
        ):
            assert graph.value(dataset, predicate) is not None, (dataset, predicate)


def test_publisher_is_a_typed_agent(graph: Graph) -> None:
    for agent in set(graph.objects(None, DCTERMS.publisher)):
        assert (agent, RDF.type, FOAF.Agent) in graph
        assert graph.value(agent, FOAF.name) is not None
        assert (agent, DCTERMS.type, URIRef("http://purl.org/adms/publishertype/LocalAuthority")) in graph


@pytest.mark.parametrize(
    ("predicate", "types", "scheme"),
    [
        (DCTERMS.accessRights, {DCTERMS.RightsStatement, SKOS.Concept}, URIRef(EU + "access-right")),
        (DCAT.theme, {SKOS.Concept}, URIRef(EU + "data-theme")),
        (DCTERMS.language, {DCTERMS.LinguisticSystem, SKOS.Concept}, URIRef(EU + "language")),
        (DCTERMS.type, {SKOS.Concept}, URIRef("http://purl.org/adms/publishertype/1.0")),
        (
            DCTERMS.spatial,
            {DCTERMS.Location, SKOS.Concept},
            URIRef("http://uri.suomi.fi/codelist/jhs/kunta_1_20240101"),
        ),
    ],
)
def test_referenced_vocabulary_terms_carry_type_label_and_scheme(
    graph: Graph, predicate: URIRef, types: set[URIRef], scheme: URIRef
) -> None:
    """So that a validator with no network access sees what ours sees."""
    terms = set(graph.objects(None, predicate))
    assert terms
    for term in terms:
        assert types <= set(graph.objects(term, RDF.type)), term
        assert graph.value(term, SKOS.prefLabel) is not None, term
        assert (term, SKOS.inScheme, scheme) in graph, term
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(scheme, DCTERMS.title) is not None


def test_legislation_is_eli_typed(graph: Graph) -> None:
    laws = set(graph.objects(None, DCATAP.applicableLegislation))
    assert laws
    for law in laws:
        assert (law, RDF.type, ELI.LegalResource) in graph
        assert {o.language for o in graph.objects(law, DCTERMS.title)} == {"fi", "sv", "en"}


def test_contact_points_are_vcard_kinds(graph: Graph) -> None:
    for contact in set(graph.objects(None, DCAT.contactPoint)):
        assert (contact, RDF.type, VCARD.Kind) in graph


def semic_shapes() -> Graph:
    shapes = Graph()
    for name in SEMIC_FILES:
        shapes.parse(SEMIC / name, format="turtle")
    return shapes


# Warnings the official shapes raise on this catalogue that the source cannot avoid without
# inventing facts; docs/dcat-ap-conformance.md explains each.
EXPECTED_WARNINGS = {
    ("publisher", "NodeConstraintComponent"),  # not an EU corporate body
    ("spatial", "NodeConstraintComponent"),  # a Finnish municipality code, not an EU place
    ("license", "MinCountConstraintComponent"),  # non-public data has no licence; catalogue licence unknown
    ("format", "MinCountConstraintComponent"),  # the request route is a web service, not a file
    ("availability", "MinCountConstraintComponent"),
    ("temporal", "MinCountConstraintComponent"),
    ("issued", "MinCountConstraintComponent"),
    ("modified", "MinCountConstraintComponent"),
    ("homepage", "MinCountConstraintComponent"),
    ("bbox", "MinCountConstraintComponent"),
    ("centroid", "MinCountConstraintComponent"),
}


@pytest.mark.skipif(not SEMIC.is_dir(), reason=f"SEMIC's DCAT-AP 3.0.1 shapes are not at {SEMIC}")
@pytest.mark.parametrize("filename", ["catalog.ttl", "catalog.jsonld", "catalog.rdf", "catalog.nt"])
def test_output_has_no_violation_of_the_official_shapes(filename: str) -> None:
    """pySHACL, no inference, nothing but the output file itself as data."""
    from pyshacl import validate

    output = Path(__file__).resolve().parents[1] / "output" / filename
    data = Graph().parse(output)
    _, report, text = validate(data, shacl_graph=semic_shapes(), inference="none")
    results = [
        (
            str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[1],
            str(report.value(r, SH.resultPath)).rsplit("/", 1)[-1].rsplit("#", 1)[-1],
            str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[1],
        )
        for r in report.objects(None, SH.result)
    ]
    violations = [r for r in results if r[0] == "Violation"]
    assert violations == [], text
    assert {(path, component) for _, path, component in results} <= EXPECTED_WARNINGS
