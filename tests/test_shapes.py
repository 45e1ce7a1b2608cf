"""Every shape in shapes/ can fail, fires alone where it should, and our engine agrees with pySHACL.

``tests/data/shapes/base.ttl`` is a small catalogue on which no shape fires. Each case breaks it in
one place chosen from the shape's own constraints (or by hand, for the hand-written shapes) and
asserts that exactly the expected shapes fire: the shape itself, plus the companions listed below
where one mistake necessarily breaks two rules (a missing title is also a missing Finnish title).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat.model.catalog import PROFILES
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, RDF, SH, SKOS, TVK, TVKS, VCARD, XSD
from kasko_dcat.shacl.engine import Shape, ShapesError, ShapesGraph, validate
from kasko_dcat.shacl.validate import load_shapes
from kasko_dcat.shacl.wellformed import ill_formed

from .conftest import ROOT

BASE = ROOT / "tests" / "data" / "shapes" / "base.ttl"
EX = "https://example.org/"
SHAPES = load_shapes()


def base() -> Graph:
    return Graph().parse(BASE)


def fired(graph: Graph) -> set[str]:
    return {str(r.shape).removeprefix(str(TVKS)) for r in validate(graph, SHAPES)}


def name(shape: Shape) -> str:
    return str(shape.node).removeprefix(str(TVKS))


# --- how to break a shape -----------------------------------------------------------------------

PREFERRED_FOCUS = [URIRef(EX + n) for n in ("register", "resource", "record", "distribution", "catalog")]
OTHER_LEXICAL = {
    XSD.date: "2023-01-01",
    XSD.decimal: "20.0",
    XSD.duration: "P2D",
    XSD.nonNegativeInteger: "200",
    XSD.hexBinary: "c3d4",
}


def focus_of(graph: Graph, shape: Shape) -> Node:
    """A node the shape targets in the base graph, preferring the register (no § 28 shapes apply to it)."""
    candidates: set[Node] = set()
    for kind, value in shape.targets:
        if kind == SH.targetClass:
            candidates |= set(graph.subjects(RDF.type, value))
        elif kind == SH.targetSubjectsOf:
            candidates |= set(graph.subjects(value, None))
    for preferred in PREFERRED_FOCUS:
        if preferred in candidates:
            return preferred
    return sorted(candidates, key=str)[0]


def another_value(graph: Graph, value: Node) -> Node:
    """A second value as valid as ``value`` but different: a copy of an IRI's description, another date, …"""
    if isinstance(value, Literal):
        if value.datatype in OTHER_LEXICAL:
            return Literal(OTHER_LEXICAL[value.datatype], datatype=value.datatype)
        return Literal(f"{value} 2", lang=value.language, datatype=value.datatype)
    copy = URIRef(f"{value}-copy")
    for p, o in graph.predicate_objects(value):
        graph.add((copy, p, o))
    return copy


def generic_break(graph: Graph, shape: Shape) -> None:
    """Break ``shape`` through its first constraint that a single edit can break."""
    focus = focus_of(graph, shape)
    assert shape.path is not None and shape.path.kind == "pred", f"{name(shape)} needs a hand-written case"
    path = shape.path.iri
    constraints = dict(shape.constraints)
    values = list(graph.objects(focus, path))
    if SH.minCount in constraints:
        graph.remove((focus, path, None))
    elif SH.maxCount in constraints:
        if not values:  # add two valid values: take them from another subject's
            donor = next(iter(graph.objects(None, path)))
            graph.add((focus, path, donor))
            values = [donor]
        graph.add((focus, path, another_value(graph, values[0])))
    elif constraints.get(SH.nodeKind) == SH.Literal:
        graph.add((focus, path, URIRef(EX + "not-text")))
    elif SH.nodeKind in constraints:
        graph.add((focus, path, Literal("teksti", lang="fi")))
    elif SH["class"] in constraints:
        graph.add((focus, path, URIRef(EX + "untyped")))
    elif SH.datatype in constraints or SH["or"] in constraints:
        graph.add((focus, path, Literal("not a date")))
    elif SH.pattern in constraints or SH["in"] in constraints:
        outside = URIRef(EX + "outside-the-table")
        for p, o in graph.predicate_objects(values[0]):
            graph.add((outside, p, o))
        graph.set((focus, path, outside))
    elif SH.hasValue in constraints:
        graph.remove((focus, path, constraints[SH.hasValue]))
        graph.add((focus, path, another_value(graph, constraints[SH.hasValue])))
    else:
        raise AssertionError(f"{name(shape)}: no generic way to break it")


RES, REG, SYS, GUIDE, CONTACT = (URIRef(EX + n) for n in ("resource", "register", "system", "guidance", "contact"))
CHANNEL, AGENT, KEY = URIRef(EX + "channel"), URIRef(EX + "agent"), URIRef(EX + "key")
LOCATION = URIRef(EX + "location")


def _edit(
    *remove: tuple[Node, Node, Node | None], add: tuple[tuple[Node, Node, Node], ...] = ()
) -> Callable[[Graph], None]:
    def apply(graph: Graph) -> None:
        for triple in remove:
            graph.remove(triple)
        for triple in add:
            graph.add(triple)

    return apply


def _two_parents(graph: Graph) -> None:
    catalog = URIRef(EX + "catalog")
    copy = another_value(graph, catalog)
    graph.add((catalog, DCTERMS.isPartOf, catalog))
    graph.add((catalog, DCTERMS.isPartOf, copy))


HAND: dict[str, Callable[[Graph], None]] = {
    # DCAT-AP: a catalogue that is part of two catalogues (the only catalogue to hand is itself, and a copy)
    "Catalog-dct_isPartOf": lambda g: _two_parents(g),
    # recommended for a location described here; the base location is not a code-list term
    "Location-dcat_bbox-recommended": _edit((LOCATION, DCAT.bbox, None)),
    "Location-dcat_centroid-recommended": _edit((LOCATION, DCAT.centroid, None)),
    # Helsinki profile
    "title-fi": _edit((REG, DCTERMS.title, Literal("Rekisteri", lang="fi"))),
    "title-sv": _edit((REG, DCTERMS.title, Literal("Register", lang="sv"))),
    "title-en": _edit((REG, DCTERMS.title, Literal("Register", lang="en"))),
    "description-fi": _edit((REG, DCTERMS.description, Literal("Kuvaus", lang="fi"))),
    "description-sv": _edit((REG, DCTERMS.description, Literal("Beskrivning", lang="sv"))),
    "description-en": _edit((REG, DCTERMS.description, Literal("Description", lang="en"))),
    "free-text-language": _edit(add=((REG, DCAT.keyword, Literal("kieletön")),)),
    "title-one-per-language": _edit(add=((REG, DCTERMS.title, Literal("Toinen nimi", lang="fi")),)),
    "description-one-per-language": _edit(add=((REG, DCTERMS.description, Literal("Toinen", lang="fi")),)),
    "name-one-per-language": _edit(
        add=((AGENT, URIRef("http://xmlns.com/foaf/0.1/name"), Literal("Toinen", lang="fi")),)
    ),
    "prefLabel-one-per-language": _edit(add=((KEY, SKOS.prefLabel, Literal("Toinen", lang="fi")),)),
    "fn-one-per-language": _edit(add=((CONTACT, VCARD.fn, Literal("Toinen", lang="fi")),)),
    "dataContents-one-per-language": _edit(add=((RES, TVK.dataContents, Literal("Toinen", lang="fi")),)),
    "email-mailto": _edit(add=((CONTACT, VCARD.hasEmail, URIRef("https://example.org/not-mail")),)),
    "keyword-ckan-tag": _edit(add=((REG, DCAT.keyword, Literal("tagi/kauttaviivalla", lang="fi")),)),
    # § 28 completeness
    "s28-1-systems": _edit((RES, TVK.informationSystem, None)),
    "s28-2-authority": _edit((RES, TVK.disclosureAuthority, None)),
    "s28-2-contact": _edit((RES, DCAT.contactPoint, None)),
    "s28-3-data-contents": _edit((RES, TVK.dataContents, None)),
    "s28-3-data-groups": _edit((RES, TVK.dataGroup, None)),
    "s28-4-search-keys": _edit((GUIDE, TVK.searchKey, None)),
    "s28-5-technical-interface": _edit((RES, TVK.technicalInterface, None)),
    "privacy-notice": _edit((RES, TVK.privacyNotice, None)),
    # tvk terms
    "InformationResource-dataset": _edit((RES, RDF.type, DCAT.Dataset)),
    "InformationSystem-title": _edit((SYS, DCTERMS.title, None)),
    "informationSystem-class": _edit(add=((RES, TVK.supportingSystem, URIRef(EX + "untyped")),)),
    "agent-class": _edit(add=((CHANNEL, TVK.handledBy, URIRef(EX + "untyped")),)),
    "concept-class": _edit(add=((GUIDE, TVK.searchKey, URIRef(EX + "untyped")),)),
    "dataContents-text": _edit(add=((RES, TVK.dataContents, URIRef(EX + "not-text")),)),
    "technicalInterface-boolean": _edit(add=((RES, TVK.technicalInterface, Literal("ei tiedossa")),)),
    "web-link": _edit(add=((RES, TVK.privacyNotice, Literal("https://example.org/as-text")),)),
    "RequestGuidance-appliesTo": _edit((GUIDE, TVK.appliesTo, None)),
    "requestChannel-class": _edit(add=((GUIDE, TVK.requestChannel, URIRef(EX + "untyped")),)),
    "RequestChannel-handledBy": _edit((CHANNEL, TVK.handledBy, None)),
    # no personal data: 131052-308T is the example code of the Finnish Digital and Population Data
    # Services Agency, checksum-valid
    "no-personal-identity-code": _edit(
        add=((REG, DCTERMS.description, Literal("Yhteyshenkilö 131052-308T", lang="fi")),)
    ),
}
"""Shapes whose path or constraints no generic edit breaks alone: the edit that breaks each."""

COMPANIONS: dict[str, set[str]] = {
    # a missing mandatory text is also missing in each language the Helsinki profile asks for
    "Dataset-dct_title": {"title-fi", "title-sv", "title-en"},
    "Catalog-dct_title": {"title-fi", "title-sv", "title-en"},
    "DataService-dct_title": {"title-fi", "title-sv", "title-en"},
    "DatasetSeries-dct_title": {"title-fi", "title-sv", "title-en"},
    # (a description removed altogether is DCAT-AP's concern only: the language shapes target descriptions)
    # an IRI where text belongs has no language tag, and is no description in any language
    "CatalogRecord-dct_description": {"free-text-language", "description-fi", "description-sv", "description-en"},
    "DataService-dct_description": {"free-text-language", "description-fi", "description-sv", "description-en"},
    "CatalogRecord-dct_title": {"free-text-language"},
    "Distribution-dct_title": {"free-text-language"},
    "Distribution-dct_description": {"free-text-language"},
    "dataContents-text": {"free-text-language"},
    # an untyped licence type is also outside the ADMS licence-type table
    "LicenseDocument-dct_type": {"LicenseDocument-dct_type-vocabulary"},
    # the register's keyword was its only free text of that kind; a text where an IRI belongs has no language tag
    "Dataset-dcat_keyword-recommended": set(),
    "Dataset-dcat_keyword": {"free-text-language", "keyword-ckan-tag"},
    "DataService-dcat_keyword": {"free-text-language", "keyword-ckan-tag"},
    "Dataset-dct_identifier": set(),
    # a text where a themed IRI belongs is neither an IRI, nor a concept, nor from the table
    "Dataset-dcat_theme": {"Dataset-dcat_theme-vocabulary"},
    "DataService-dcat_theme": {"DataService-dcat_theme-vocabulary"},
    "Catalog-dct_language": {"Catalog-dct_language-vocabulary"},
    "Dataset-dct_language": {"Dataset-dct_language-vocabulary"},
    "Distribution-dct_language": {"Distribution-dct_language-vocabulary"},
    "Dataset-dct_type": {"Dataset-dct_type-vocabulary"},
    "DataService-dct_format": {"DataService-dct_format-vocabulary"},
    # removing the only theme taxonomy also leaves the data-theme table out
    "Catalog-dcat_themeTaxonomy-recommended": {"Catalog-dcat_themeTaxonomy-data-theme"},
    # a removed system name is also a title missing in Finnish and Swedish
    "InformationSystem-title": {"title-fi", "title-sv", "title-en"},
    # guidance that applies to nothing leaves the resource without search keys
    "RequestGuidance-appliesTo": {"s28-4-search-keys"},
    # the resource's contact point is § 28 item 2 too
    "s28-2-contact": {"Dataset-dcat_contactPoint-recommended"},
    # removing dcat:Dataset from the resource also removes it from every Dataset shape's targets: none fire
    # for it, while the catalogue's dcat:dataset and the guidance's tvk:appliesTo now point to a non-dataset
    "InformationResource-dataset": {
        "Catalog-dcat_dataset",
        "DataService-dcat_servesDataset",
        "RequestGuidance-appliesTo",
    },
    # the text added to the description is one more Finnish description
    "no-personal-identity-code": {"description-one-per-language"},
}
"""Shapes that fire together with the broken one, each for a stated reason."""


def _cases() -> list[str]:
    return sorted(name(s) for s in SHAPES.targeted)


def test_no_shape_fires_on_the_base_catalogue() -> None:
    assert fired(base()) == set()


@pytest.mark.parametrize("shape_name", _cases())
def test_each_shape_fires_when_broken(shape_name: str) -> None:
    shape = next(s for s in SHAPES.targeted if name(s) == shape_name)
    graph = base()
    (HAND.get(shape_name) or (lambda g: generic_break(g, shape)))(graph)
    assert fired(graph) == {shape_name} | COMPANIONS.get(shape_name, set())


def test_every_hand_written_case_and_companion_names_a_real_shape() -> None:
    names = set(_cases())
    assert set(HAND) <= names, set(HAND) - names
    assert set(COMPANIONS) <= names, set(COMPANIONS) - names
    assert all(companions <= names for companions in COMPANIONS.values())


# --- the shapes files themselves ------------------------------------------------------------------


def test_every_shape_has_a_stable_iri_and_messages_in_finnish_english_and_swedish() -> None:
    graph = SHAPES.graph
    shapes = set(graph.subjects(RDF.type, SH.NodeShape)) | set(graph.subjects(RDF.type, SH.PropertyShape))
    assert len(shapes) > 200
    for shape in shapes:
        assert isinstance(shape, URIRef) and str(shape).startswith(str(TVKS)), shape
        langs = {m.language for m in graph.objects(shape, SH.message)}
        assert {"fi", "en", "sv"} <= langs, shape


def test_dcat_ap_shapes_are_what_the_generator_writes() -> None:
    assert (ROOT / "shapes" / "dcat-ap.ttl").read_text("utf-8") == _generator().render(), (
        "shapes/dcat-ap.ttl is out of date: run python tools/dcat_ap_shapes.py"
    )


def _generator():  # the module tools/dcat_ap_shapes.py
    import importlib.util

    spec = importlib.util.spec_from_file_location("dcat_ap_shapes", ROOT / "tools" / "dcat_ap_shapes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mandatory_is_violation_and_recommended_is_warning() -> None:
    """Every row of the DCAT-AP table: mandatory → a Violation with sh:minCount 1; recommended → a Warning."""
    severities = {name(s): s for s in SHAPES.targeted}
    rules = _generator().RULES
    assert len(rules) > 100
    for rule in rules:
        key = f"{rule.cls.split(':')[1]}-{rule.prop.replace(':', '_')}"
        shape = severities[key]
        assert shape.severity == SH.Violation, key
        assert ((SH.minCount, Literal(1)) in shape.constraints) == (rule.need == "M"), key
        recommended = severities.get(f"{key}-recommended")
        assert (recommended is not None) == (rule.need == "R"), key
        if recommended is not None and rule.own_terms_only:  # sh:or ( code-list term, [the property] )
            assert recommended.severity == SH.Warning and SH["or"] in dict(recommended.constraints)
        elif recommended is not None:
            assert recommended.severity == SH.Warning and (SH.minCount, Literal(1)) in recommended.constraints
    assert severities["title-sv"].severity == SH.Violation and severities["title-en"].severity == SH.Warning
    assert all(s.severity == SH.Warning for n, s in severities.items() if n.startswith("s28-"))


@pytest.mark.parametrize(
    ("subject", "predicate", "value", "shape"),
    [
        ("catalog", DCTERMS.modified, Literal("2020-13", datatype=XSD.gYearMonth), "Catalog-dct_modified"),
        ("catalog", DCTERMS.issued, Literal("31.12.2020", datatype=XSD.gYear), "Catalog-dct_issued"),
        ("catalog", DCTERMS.issued, Literal("2020-02-30", datatype=XSD.date), "Catalog-dct_issued"),
    ],
)
def test_an_ill_formed_typed_value_is_caught(subject: str, predicate: URIRef, value: Literal, shape: str) -> None:
    """rdflib checks some XSD lexical forms only; the engine checks the rest itself.

    (rdflib normalises what it can parse — "PT" as a duration becomes "P0D", "1e3" as a decimal
    "1000" — so those forms never reach a validator.)
    """
    graph = base()
    graph.set((URIRef(EX + subject), predicate, value))
    assert shape in fired(graph)


def test_a_pattern_end_is_the_end_of_the_text_as_in_xpath() -> None:
    """Python's ``$`` also matches before a final newline; SHACL's (XPath's) does not."""
    graph = base()
    graph.add((REG, DCAT.keyword, Literal("koulu\n", lang="fi")))
    assert fired(graph) == {"keyword-ckan-tag"}


def test_keywords_of_any_script_are_ckan_tags() -> None:
    graph = base()
    for word in ("школа", "ǥǥ", "lukio_2", "v. 2024"):
        graph.add((REG, DCAT.keyword, Literal(word, lang="fi")))
    assert fired(graph) == set()


@pytest.mark.parametrize(
    ("turtle", "feature"),
    [
        ('ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select "SELECT $this {}" ] .', "SHACL-SPARQL"),
        ("ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:rule [ a sh:TripleRule ] .", "SHACL-AF"),
        ('ex:s a sh:NodeShape ; sh:targetClass ex:C ; sh:js [ sh:jsFunctionName "f" ] .', "SHACL-JS"),
        ("ex:s a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ] .", "SHACL-AF target"),
        (
            "ex:Max a sh:ConstraintComponent ; sh:parameter [ sh:path ex:max ] . "
            "ex:s a sh:NodeShape ; sh:targetClass ex:C ; ex:max 3 .",
            "constraint component declared",
        ),
        ("ex:s a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p, ex:q ; sh:minCount 1 .", "sh:path"),
        (
            "ex:s a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:nodeKind ex:Odd .",
            "sh:nodeKind has a value",
        ),
        ('ex:s a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:pattern "a" ; sh:flags "z" .', "flags"),
        ("ex:s a sh:PropertyShape ; sh:targetClass ex:C ; sh:path [ ex:odd ex:p ] ; sh:minCount 1 .", "path"),
    ],
)
def test_shacl_this_engine_does_not_implement_is_refused(turtle: str, feature: str) -> None:
    prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> . "
    prefixes += "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . "
    with pytest.raises(ShapesError, match=feature):
        ShapesGraph(Graph().parse(data=prefixes + turtle, format="turtle"))


def test_a_predicate_shacl_does_not_define_is_listed_and_otherwise_ignored() -> None:
    """SEMIC's shapes use ``sh:shape``, which SHACL does not define; pySHACL ignores it, and so do we."""
    shapes = ShapesGraph(
        Graph().parse(
            data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
            ex:s a sh:NodeShape ; sh:targetNode ex:a ; sh:shape ex:t ;
                sh:property [ sh:path ex:p ; sh:minCount 1 ] .""",
            format="turtle",
        )
    )
    assert shapes.unknown == {URIRef(f"{SH}shape")}
    assert [r.component for r in validate(Graph(), shapes)] == [SH.MinCountConstraintComponent]


# --- agreement with pySHACL -----------------------------------------------------------------------

AGREEMENT_CASES = [
    "Dataset-dct_title",  # minCount + Helsinki qualified counts
    "Distribution-dct_format",  # maxCount with a copied value
    "Dataset-dct_temporal-recommended",
    "Dataset-dcat_theme",  # nodeKind, class, pattern
    "Dataset-dct_accessRights",  # sh:in
    "Catalog-dct_issued",  # sh:or of datatypes
    "Catalog-dcat_themeTaxonomy-data-theme",  # hasValue
    "keyword-ckan-tag",  # pattern
    "name-one-per-language",  # uniqueLang
    "free-text-language",  # alternative path, rdf:langString
    "s28-4-search-keys",  # sequence path with an inverse step
    "privacy-notice",  # or, not, alternative path with a sequence
    "no-personal-identity-code",  # the SPARQL-based component
]


PIC_SHAPE = TVKS["no-personal-identity-code"]


def _pyshacl_results(graph: Graph, shapes: Graph = SHAPES.graph) -> set[tuple[Node, Node, Node]]:
    from pyshacl import validate as pyshacl_validate

    copy = Graph()  # pySHACL needs rdflib's default store, not the converter's ordered one
    for triple in graph:
        copy.add(triple)
    _, report, _ = pyshacl_validate(copy, shacl_graph=shapes, inference="none", advanced=True)
    return {
        (report.value(r, SH.focusNode), report.value(r, SH.sourceShape), report.value(r, SH.sourceConstraintComponent))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


def test_pyshacl_finds_the_same_results_on_a_broken_catalogue() -> None:
    """One pySHACL run (about 6 s) over the base with every agreement case broken at once."""
    graph = base()
    for shape_name in AGREEMENT_CASES:
        shape = next(s for s in SHAPES.targeted if name(s) == shape_name)
        (HAND.get(shape_name) or (lambda g, shape=shape: generic_break(g, shape)))(graph)
    ours = {(r.focus, r.shape, r.component) for r in validate(graph, SHAPES)}
    assert set(AGREEMENT_CASES) <= {str(shape).removeprefix(str(TVKS)) for _, shape, _ in ours}
    assert ours == _pyshacl_results(graph)


def test_pyshacl_agrees_on_the_real_catalogue(graph: Graph) -> None:
    """Without the personal-identity-code shape: pySHACL runs its SPARQL once per node (40 s here)."""
    ours = {(r.focus, r.shape, r.component) for r in validate(graph, SHAPES)}
    assert ours  # the real catalogue has warnings (see docs/validation.md), so this compares something
    assert not any(shape == PIC_SHAPE for _, shape, _ in ours)
    shapes = Graph()
    for triple in SHAPES.graph:
        if triple[0] != PIC_SHAPE:
            shapes.add(triple)
    assert ours == _pyshacl_results(graph, shapes)


def test_recommendations_that_do_not_apply_are_not_checked_there() -> None:
    """A request route is not a file and a municipality is a code-list term (shapes/README.md)."""
    graph = base()
    distribution = URIRef(EX + "distribution")
    for predicate in (DCTERMS.format, DCTERMS.license, DCATAP.availability, DCAT.downloadURL):
        graph.remove((distribution, predicate, None))
    location = LOCATION
    graph.remove((location, DCAT.bbox, None))
    graph.remove((location, DCAT.centroid, None))
    graph.add((location, SKOS.inScheme, URIRef("http://uri.suomi.fi/codelist/jhs/kunta_1_20240101")))
    assert fired(graph) == set()
    graph.add((distribution, DCAT.downloadURL, URIRef("https://example.org/data.csv")))
    assert fired(graph) == {
        "Distribution-dct_format-recommended",
        "Distribution-dct_license-recommended",
        "Distribution-dcatap_availability-recommended",
    }


@pytest.mark.parametrize("profiles", [(), *((p,) for p in PROFILES), tuple(PROFILES)])
def test_our_shapes_are_well_formed_by_shacl_for_shacl(profiles: tuple[str, ...]) -> None:
    """``load_shapes`` skips SHACL's shapes for shapes at run time (a user's shapes are checked): this is why it may."""
    assert ill_formed(load_shapes(profiles).graph) == {}
