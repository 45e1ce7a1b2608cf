"""The validator's own reading of RDF (rdf/triples.py): the same graph rdflib reads, term for term."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kasko_dcat.rdf.formats import by_rdflib_name
from kasko_dcat.rdf.reading import parse_exact
from kasko_dcat.rdf.triples import Triples, _read_as_written, _text_literal, exact_literals, vocabulary_term

from .conftest import run_cli

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


NT = by_rdflib_name("nt").oxigraph
CANONICAL = (
    '<http://e/s> <http://e/p> "A"@en-gb .\n'
    '<http://e/s> <http://e/p> "tab\\tquote\\"" .\n'
    "<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/C> .\n"
    "<http://e/s> <http://e/link> _:b .\n"
    "_:b <http://e/link> <http://e/s> .\n"
)


def _through_oxigraph(text: str) -> Triples:
    """The text read as every other format is: Oxigraph parses and writes canonical N-Triples back."""
    parser = ox.parse(text, format=NT, rename_blank_nodes=True)
    return Triples.from_ntriples(ox.serialize(parser, format=NT))


@pytest.mark.parametrize(
    ("written", "as_oxigraph_writes_it"),
    [
        (CANONICAL.replace('"A"', '"\\u0041"'), CANONICAL),  # an escape Oxigraph decodes
        (CANONICAL.replace("<http://e/s> <http://e/link>", "<http://e/\\u0073> <http://e/link>"), CANONICAL),
        (CANONICAL.replace("<http://e/p> ", "<http://e/p>  ", 1), CANONICAL),  # two spaces
        (CANONICAL.replace("<http://e/s> ", "<http://e/s>\t", 1), CANONICAL),  # a tab
        ("# a comment .\n" + CANONICAL, CANONICAL),
        (CANONICAL.replace(" .\n", " . # after\n", 1), CANONICAL),
        (CANONICAL.replace("@en-gb", "@en-GB"), CANONICAL),  # upper case, equal in RDF
        (CANONICAL.replace("@en-gb", f"^^<{XSD.string}>"), CANONICAL.replace("@en-gb", "")),
        (CANONICAL.replace("\n", "\r\n"), CANONICAL),
        (CANONICAL.replace("\\t", "\t"), CANONICAL),  # a raw tab, written back escaped
        (CANONICAL + "\n\n", CANONICAL),
        (CANONICAL.removesuffix("\n"), CANONICAL),  # the last line without its line feed
        (CANONICAL + CANONICAL.splitlines(keepends=True)[0].replace('"A"', '"\\u0041"'), CANONICAL),  # a triple twice
    ],
)
def test_ntriples_not_written_as_oxigraph_writes_them_are_read_through_it(
    written: str, as_oxigraph_writes_it: str
) -> None:
    """Equal terms written two ways would be two terms (and a triple twice) if indexed as written."""
    assert _read_as_written(written) is None and _read_as_written(as_oxigraph_writes_it) is not None
    read, expected = Triples.parse(written, NT), Triples.parse(as_oxigraph_writes_it, NT)
    assert len(read) == len(expected) == 5
    assert isomorphic(read.graph(), expected.graph())


def test_canonical_ntriples_are_indexed_as_written_with_fresh_blank_nodes() -> None:
    """Shared blank nodes stay one node across lines; two reads of one file are two sets of nodes (as two files)."""
    first, second = _read_as_written(CANONICAL.encode()), _read_as_written(CANONICAL.encode())
    assert first is not None and second is not None
    assert isomorphic(first.graph(), _through_oxigraph(CANONICAL).graph())
    (blank,) = first.objects(URIRef("http://e/s"), URIRef("http://e/link"))
    assert isinstance(blank, BNode) and blank != BNode("b") and first.value(blank, URIRef("http://e/link"))
    assert not {n for n in second.index if isinstance(n, BNode)} & {n for n in first.index if isinstance(n, BNode)}
    (kind,) = first.objects(URIRef("http://e/s"), vocabulary_term(RDF.type))
    assert kind is vocabulary_term(URIRef("http://e/C"))  # identity, as the engine looks classes up


@pytest.mark.parametrize(
    "line",
    [
        "<http://e/s> <http://e/p> .",
        '"x" <http://e/p> <http://e/o> .',  # a literal as subject (the literal is known from line 1)
        "<rel> <http://e/p> <http://e/o> .",
        "<http://e:80x/s> <http://e/p> <http://e/o> .",
        '<http://e/s> <http://e/p> "x"@a- .',
        '<http://e/s> <http://e/p> "x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .',
        "<http://e/s> _:p <http://e/o> .",
        "<http://e/s> <http://e/p> <http://e/o> <http://e/o> .",
    ],
)
def test_malformed_ntriples_are_refused_by_oxigraph_with_the_line(line: str) -> None:
    text = '<http://e/s> <http://e/p> "x" .\n<http://e/s> <http://e/p> <http://e/o> .\n' + line + "\n"
    with pytest.raises(SyntaxError, match="line 3"):
        Triples.parse(text.encode(), NT)


def test_ntriples_read_as_written_only_where_oxigraph_writes_them_back_unchanged() -> None:
    """Random lines, right and wrong: any file indexed as written is one Oxigraph reads and writes back byte for byte.

    The other way is allowed (a file Oxigraph would write back unchanged read through it): only slower.
    """
    rng = random.Random(22)
    read_as_written = 0
    for _ in range(10_000):
        text = "".join(_random_line(rng) for _ in range(rng.randint(1, 3)))
        triples = _read_as_written(text)
        if triples is None:
            continue
        read_as_written += 1
        assert ox.serialize(ox.parse(text, format=NT), format=NT).decode() == text.removesuffix("\n") + "\n"
        expected = _through_oxigraph(text)
        assert len(triples) == len(expected) and isomorphic(triples.graph(), expected.graph()), text
    assert 150 < read_as_written < 9000  # both ways were taken


_SCHEMES = ["http", "https", "urn", "mailto", "a+b-c.d", "1x", "", "H"]
_AFTER_SCHEME = ["://", ":", ":/", ":///"]
_HOSTS = ["e.org", "e-x.org:8080", "e:80x", "e:", "user@host", "[::1]", "ä.fi", "", "h t", "%41", "a~b!$&'()*+,;="]
_PATHS = ["", "/", "/a/b", "/ä", "/%zz", "/%4A", "/%4", "/a b", "/a\\u0041", "/{x}", "/a|b", "//x", "/\ue000"]
_PATHS += ["/\ufdd0", "/😀", "/\x85", "/a^b", "/`", '/a"b', "/<", "/a:b@c", "a/b", "/\t", "/\\", "/[x]"]
_QUERIES = ["", "?x=1&y", "?\ue000", "?a?b/c", "?%", "?%2F", "?a#b#c", "#f", "#/?", "#%20", "#\ufffd", "#\uffef"]
_GOOD_IRIS = ["<http://e.org/a>", "<https://x.fi/ä?q=1#f>", "<urn:x:y>", "<mailto:a@b.fi>", "<http://a:80/%C3%A4>"]
_CHARS = ["a", "ä", " ", "\\t", "\t", "\\n", '\\"', "\\\\", "\\u0041", "\\u0009", "\\U0001F600", "\x01", "\x7f"]
_CHARS += ["\ufffe", "😀", "\\b", "\\f", "\\r", "\\x", '"', "#", " .", "\x85", "€"]
_SUFFIXES = ["", "", "@fi", "@EN", "@en-GB", "@en-gb", "@zh-hant-tw", "@zh-Hant", "@x-private", "@en--ltr", "@fil"]
_SUFFIXES += ["@e", "@123", "@de-419", "@abcd", "@en-a", "^^", "@", f"^^<{XSD.string}>", f"^^<{XSD.integer}>"]
_SUFFIXES += [f"^^<{RDF.langString}>", f"^^<{RDF.HTML}>", "^^<rel>"]
_BLANKS = ["_:b0", "_:a.b", "_:a.", "_:-a", "_:0", "_:ä", "_:", "_:x_y-z"]
_ENDS = [".\n", " . # c\n", " .\r\n", " . \n", " .", "\n", " . .\n"]


def _random_iri(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(_GOOD_IRIS)
    parts = (_SCHEMES, _AFTER_SCHEME, _HOSTS, _PATHS, _QUERIES)
    return "<" + "".join(rng.choice(part) for part in parts) + ">"


def _random_term(rng: random.Random, position: str) -> str:
    kind = rng.random()
    if position == "p" and kind < 0.1:
        return rng.choice([*_BLANKS, '"x"'])
    if kind < 0.45 or (position != "o" and kind < 0.9):
        return _random_iri(rng)
    if kind < 0.6:
        return rng.choice(_BLANKS)
    suffix = "^^" + _random_iri(rng) if rng.random() < 0.2 else rng.choice(_SUFFIXES)
    return '"' + "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 4))) + '"' + suffix


def _random_line(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return rng.choice(["# comment .\n", "\n"])
    space = " " if rng.random() < 0.93 else rng.choice(["\t", "  ", ""])
    end = " .\n" if rng.random() < 0.9 else rng.choice(_ENDS)
    return _random_term(rng, "s") + space + _random_term(rng, "p") + " " + _random_term(rng, "o") + end


def test_a_file_of_megabytes_is_read_whole_with_each_triple_once() -> None:
    """Read a mebibyte at a time: lines across a piece's end are whole, a triple written again far apart is one."""
    lines = [f'<http://e/s{n % 5000}> <http://e/p{n % 7}> "teksti {n} ä"@fi .' for n in range(40_000)]
    lines += lines[:300] + lines[-5:]  # written again, megabytes later
    text = "\n".join(lines) + "\n"
    assert len(text.encode("utf-8")) > 2 * 2**20
    triples = _read_as_written(text.encode("utf-8"))
    assert triples is not None  # read as written, not through Oxigraph
    expected = parse_exact(Graph(), data=text, format="nt")
    assert len(triples) == len(list(triples)) == len(expected) == 40_000
    assert set(triples) == set(expected)


@pytest.mark.parametrize("order", ["sorted", "shuffled"])
def test_a_triple_written_twice_is_one_in_either_order(order: str) -> None:
    """Sorted lines (as build writes them) drop a repeat as it is read; others by identity in the index."""
    lines = sorted(f'<http://e/s{n % 40}> <http://e/p{n % 3}> "{n % 90}"@fi .' for n in range(600))  # repeats
    if order == "shuffled":
        random.Random(5).shuffle(lines)
    text = "\n".join(lines) + "\n"
    triples = _read_as_written(text.encode("utf-8"))
    assert triples is not None
    expected = parse_exact(Graph(), data=text, format="nt")
    assert len(triples) == len(list(triples)) == len(expected) == len(set(lines)) < 600
    assert set(triples) == set(expected)


@pytest.mark.parametrize(
    ("text", "refused_at"),
    [
        (' .\n<http://e/s> <http://e/p> "x" .\n', "line 1"),  # an empty first line, ended as a triple is
        ('<http://e/s> <http://e/p> "x" .\n<http://e/a> <http://e/b> <http://e/c>', "line 2"),  # no " ." at the end
        ('<http://e/s> <http://e/p> "x" .\n<http://e/a> <http://e/b> <http://e/c> .', None),  # no final line feed: fine
    ],
)
def test_lines_not_ended_as_oxigraph_ends_them_are_oxigraphs_to_judge(
    text: str, refused_at: str | None, tmp_path: Path
) -> None:
    """What the reading as written would take wrongly goes to Oxigraph, which reads it or says where it is wrong."""
    path = tmp_path / "data.nt"
    path.write_text(text, "utf-8")
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("<http://e/S> a <http://www.w3.org/ns/shacl#NodeShape> .\n", "utf-8")
    result = run_cli("validate", "--shapes", str(shapes), str(path), "--format", "json", cwd=tmp_path)
    if refused_at is None:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["reports"][0]["triples"] == 2
    else:
        assert result.returncode == 2
        assert refused_at in result.stderr and "Traceback" not in result.stderr
