"""The validator's own reading of RDF (rdf/triples.py): the same graph rdflib reads, term for term."""

from __future__ import annotations

import pytest
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kasko_dcat.rdf.formats import by_rdflib_name
from kasko_dcat.rdf.reading import parse_exact
from kasko_dcat.rdf.triples import Triples, _text_literal, exact_literals, vocabulary_term

TEXTS = ["", "x", "0", "false", " spaced ", "rivi\nrivi", 'lainaus "x" \\', "é ö å", "\u0001", "😀"]
TAGS = [None, "fi", "sv", "en-gb", "x-private"]


@pytest.mark.parametrize("language", TAGS)
@pytest.mark.parametrize("text", TEXTS)
def test_text_literals_are_made_as_rdflib_makes_them(text: str, language: str | None) -> None:
    """The fast path sets the slots rdflib's constructor sets: a change of rdflib's internals fails here."""
    with exact_literals():
        made, expected = _text_literal(text, language), Literal(text, lang=language)
    assert made == expected and hash(made) == hash(expected)
    for slot in ("_language", "_datatype", "_value", "_ill_typed"):
        assert getattr(made, slot) == getattr(expected, slot), slot
    assert made.n3() == expected.n3() and bool(made) == bool(expected)


TURTLE = r"""
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a a ex:Thing ;
    ex:text "x"@fi, "x"@sv, "plain", "tab\there", "quote \" back \\ \u00e9 \U0001F600", "" ;
    ex:number 1, 1.0, 1e0, "2020-12"^^xsd:gYearMonth ;
    ex:truth true, "1"^^xsd:boolean ;
    ex:link ex:b, [ ex:inner "deep" ; ex:list ( 1 2 ) ] ;
    ex:a ex:a .
ex:b ex:link ex:a .
ex:a ex:text "plain" .
"""


@pytest.mark.parametrize("name", ["turtle", "nt", "xml", "json-ld", "trig", "nquads"])
def test_every_format_reads_as_rdflib_reads_it(name: str) -> None:
    """The same text read by both: isomorphic, duplicates dropped, lexical forms as written (not normalised)."""
    source = parse_exact(Graph(), data=TURTLE, format="turtle")
    text = TURTLE if name == "turtle" else _as_dataset(source, name) if name in ("trig", "nquads") else None
    text = text or source.serialize(format=name)
    expected = parse_exact(Dataset() if name in ("trig", "nquads") else Graph(), data=text, format=name)
    expected_triples = Graph()
    for s, p, o, *_ in expected.quads((None, None, None, None)) if name in ("trig", "nquads") else expected:
        if name == "json-ld" and o == Literal("1.0", datatype=XSD.double):
            # JSON-LD 1.1 Processing Algorithms § 8.6 (object to RDF): a native JSON double becomes the
            # canonical lexical form, "1.0E0"; Oxigraph follows it, rdflib writes "1.0"
            o = Literal("1.0E0", datatype=XSD.double, normalize=False)
        expected_triples.add((s, p, o))
    triples = Triples.parse(text, by_rdflib_name(name).oxigraph)
    assert len(triples) == len(expected_triples) > 15  # rdflib's own JSON-LD and TriG writers drop a few
    assert isomorphic(triples.graph(), expected_triples)


def test_numbers_keep_the_form_written() -> None:
    """Oxigraph keeps ``01`` as written, where rdflib's Turtle parser makes it ``1`` (and so one triple of two)."""
    text = "<http://e/s> <http://e/p> 1, 01 ."
    triples = Triples.parse(text, by_rdflib_name("turtle").oxigraph)
    found = {o.n3() for o in triples.objects(URIRef("http://e/s"), URIRef("http://e/p"))}
    assert found == {f'"{n}"^^<{XSD.integer}>' for n in ("1", "01")}


def _as_dataset(graph: Graph, name: str) -> str:
    """The graph's triples spread over a named graph and the default graph: validate reads them as one."""
    lines = graph.serialize(format="nt").strip().splitlines()
    half = len(lines) // 2
    named = [line[:-1] + "<http://example.org/g> ." for line in lines[:half]]
    nquads = "\n".join(named + lines[half:]) + "\n"
    if name == "nquads":
        return nquads
    return Dataset().parse(data=nquads, format="nquads").serialize(format="trig")


def test_graph_reads_answer_as_rdflib_graphs_do() -> None:
    expected = parse_exact(Graph(), data=TURTLE, format="turtle")
    triples = Triples.parse(expected.serialize(format="nt"), by_rdflib_name("nt").oxigraph)
    a, b, link = URIRef("http://example.org/a"), URIRef("http://example.org/b"), URIRef("http://example.org/link")
    assert triples.subjects(link, a) == [b]
    assert sorted(triples.subjects(None, a)) == sorted({a, b})
    assert triples.subjects(None, Literal("deep")) == [triples.subjects(URIRef("http://example.org/inner"))[0]]
    assert (None, link, a) in triples and (a, None, None) in triples and (b, link, b) not in triples
    assert b in triples.object_nodes(link) and a in triples.object_nodes(link)
    assert triples.value(a, URIRef("http://example.org/truth")) is not None
    assert dict(triples.predicate_objects(b)) == {link: a}


def test_predicates_and_classes_are_one_object_with_the_shapes() -> None:
    """A shape's predicate finds the data's key by identity (see vocabulary_term)."""
    shape_side = vocabulary_term(URIRef("http://example.org/link"))
    triples = Triples.parse(
        b"<http://example.org/s> <http://example.org/link> <http://example.org/o> .\n", by_rdflib_name("nt").oxigraph
    )
    (predicate,) = triples.index[URIRef("http://example.org/s")]
    assert predicate is shape_side


def test_ill_typed_and_special_literals_keep_their_form() -> None:
    """rdflib's serialisers mangle these, so they are read from N-Triples written by hand."""
    nt = (
        '<http://e/s> <http://e/p> "NaN"^^<http://www.w3.org/2001/XMLSchema#double> .\n'
        '<http://e/s> <http://e/p> "2020-13"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .\n'
        '<http://e/s> <http://e/p> "0"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    )
    triples = Triples.parse(nt, by_rdflib_name("nt").oxigraph)
    expected = parse_exact(Graph(), data=nt, format="nt")
    found = {o.n3() for o in triples.objects(URIRef("http://e/s"), URIRef("http://e/p"))}
    assert found == {o.n3() for o in expected.objects()}
    assert len(triples) == 3
