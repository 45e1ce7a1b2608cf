"""An RDF graph as the validator reads it: parsed by Oxigraph, indexed by subject in one pass.

Why not an rdflib ``Graph``: adding a triple to rdflib's memory store costs microseconds of
Python (about 3 s for the 382 000 triples of 10 000 datasets, more than the validation itself),
and rdflib's parsers cost as much again. Oxigraph parses any of the formats and writes the
triples back as canonical N-Triples in Rust (0.45 s for the same file); one loop over those
lines then builds the index the SHACL engine reads. Canonical N-Triples write each term one way,
so equal lines are equal triples (dropped, as a graph holds a triple once) and each distinct
term is turned into an rdflib term once, so that shapes (rdflib terms) and data compare as
they always did.

A plain literal and an ``xsd:string`` one are the same term in RDF 1.1; Oxigraph writes both
without a datatype, and language tags in lower case (equal in RDF, rdflib compares them so).

N-Triples already written that way (as ``build`` writes them) are indexed as they are, without
Oxigraph's round trip, when each term is one Oxigraph is sure to read and to write back unchanged
(:data:`_WRITTEN_TERM`); any other N-Triples file goes through Oxigraph as the other formats do.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

Index = dict[Node, dict[Node, list[Node]]]
"""Subject → predicate → objects, each triple once."""

_NO_OBJECTS: list[Node] = []
_NO_PAIRS: dict[Node, list[Node]] = {}

_VOCABULARY: dict[str, URIRef] = {}
_VOCABULARY_MAX = 100_000
_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_IRI_START = ord("<")


def vocabulary_term(iri: str) -> URIRef:
    """One object per predicate or class IRI, shared by the shapes and every data graph read.

    The engine looks predicates and classes up in dictionaries keyed by the data's terms; a key
    that is the very object looked up matches at once, an equal one only after rdflib's ``__eq__``,
    a Python call (a million of them at 10 000 datasets). Predicates and classes are a vocabulary,
    not data, so the table stays small; past its bound (a hostile file of distinct predicates)
    terms are simply not shared.
    """
    key = str(iri)  # a URIRef never equals a str key: rdflib's __eq__ compares types first
    if (known := _VOCABULARY.get(key)) is not None:
        return known
    term = iri if type(iri) is URIRef else str.__new__(URIRef, key)
    if len(_VOCABULARY) < _VOCABULARY_MAX:
        _VOCABULARY[key] = term
    return term


@contextmanager
def exact_literals() -> Iterator[None]:
    """Literals made meanwhile keep their lexical form as written.

    rdflib rewrites typed literals into a canonical form when it makes them (``"1"^^xsd:boolean``
    becomes ``true``, ``"01"^^xsd:integer`` becomes ``1``); SHACL compares RDF terms, so a shape's
    ``sh:uniqueLang "1"^^xsd:boolean`` or a value ``"01"^^xsd:integer`` must stay what it is.
    The switch is rdflib's global one: nothing parses in another thread while validating.
    """
    previous = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = previous


class Triples:
    """A read-only graph with the reads of an rdflib ``Graph`` that the validator and its reports use.

    ``subjects`` and ``objects`` take their arguments in rdflib's order, so code written for a
    ``Graph`` (the report's namer, the Turtle writer) reads this one unchanged. Inverse reads
    build their index on first use, per predicate: most shapes never read one.
    """

    def __init__(
        self,
        index: Index,
        size: int,
        prefixes: dict[str, str] | None = None,
        *,
        terms: list[Node] | None = None,
    ) -> None:
        self.index = index
        self.terms = terms
        """Every distinct term, where known (a file read here): a search of every text need not walk the triples."""
        self._size = size
        self.prefixes = prefixes or {}
        """The prefixes the file declared, for a report that names its terms as the file did."""
        self._back: dict[Node, dict[Node, list[Node]]] = {}
        self._with_predicate: dict[Node, list[Node]] = {}
        self._by_object: dict[Node, list[Node]] | None = None

    @classmethod
    def parse(cls, data: bytes | str, rdf_format: ox.RdfFormat) -> Triples:
        """Parse ``data``; named graphs are read into one, so that no triple escapes validation.

        Raises Oxigraph's ``SyntaxError`` (or ``ValueError``) where the text is not ``rdf_format``.
        """
        if rdf_format == ox.RdfFormat.N_TRIPLES and (read := _read_as_written(data)) is not None:
            return read
        parser = ox.parse(data, format=rdf_format, rename_blank_nodes=True)  # "_:b0" of two files: two nodes
        quads: Iterable[ox.Quad | ox.Triple] = parser
        if rdf_format.supports_datasets:
            quads = (ox.Triple(q.subject, q.predicate, q.object) for q in parser)
        return cls.from_ntriples(ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES), dict(parser.prefixes))

    @classmethod
    def from_ntriples(cls, data: bytes, prefixes: dict[str, str] | None = None, *, as_written: bool = False) -> Triples:
        """Index canonical N-Triples (a triple a line, each term written one way, as Oxigraph writes them).

        The bytes are split and compared as they are, each distinct term decoded when first met:
        decoding the whole text first cost 0.1 s more at 10 000 datasets, and a copy of the file.

        ``as_written``: the text is a user's N-Triples, not Oxigraph's; each distinct term is held to
        the canonical form when first met (:class:`NotCanonical` if it is not one) and each blank-node
        label gets a fresh one, as Oxigraph's ``rename_blank_nodes`` gives.
        """
        new_term, new_vocabulary_term = _canonical_term, _iri_term
        if as_written:
            new_term, new_vocabulary_term = _written_term, _written_vocabulary_term
        terms: dict[bytes, Node] = {}
        vocabulary: dict[bytes, Node] = {}  # predicates and classes, kept apart: see vocabulary_term
        known, known_vocabulary = terms.get, vocabulary.get
        index: Index = {}
        last, pairs = b"", {}
        previous, ordered, size = b"", True, 0
        with exact_literals():
            for lines in _line_chunks(data):
                size += len(lines)
                for line in lines:
                    if line <= previous:  # sorted lines (as build writes them) hold a repeated triple in a row
                        if line == previous and line:  # (an empty piece is no triple: refused below)
                            size -= 1
                            continue
                        ordered = False
                    previous = line
                    s, p, o = line.split(b" ", 2)
                    if s != last:  # a subject's triples are mostly in a row: one lookup for them all
                        if (subject := known(s)) is None:
                            subject = terms[s] = new_term(s)
                        if (pairs := index.get(subject)) is None:
                            pairs = index[subject] = {}
                        last = s
                    if (predicate := known_vocabulary(p)) is None:
                        predicate = vocabulary[p] = new_vocabulary_term(p)
                    if p == _RDF_TYPE and o[0] == _IRI_START:
                        if (obj := known_vocabulary(o)) is None:
                            obj = vocabulary[o] = new_vocabulary_term(o)
                    elif (obj := known(o)) is None:  # "is None", not "or": a Literal's truth is its value's
                        obj = terms[o] = new_term(o)
                    if (objects := pairs.get(predicate)) is None:
                        pairs[predicate] = [obj]
                    else:
                        objects.append(obj)
        every = [*terms.values(), *vocabulary.values()]
        return cls(index, size if ordered else _without_repeats(index), prefixes, terms=every)

    @property
    def one_object_per_literal(self) -> bool:
        """Whether equal literals are one object, so that identity tells literals apart: true of a file read here.

        Not every equal IRI is one object: a predicate or class is the shared vocabulary term, and the
        same IRI as a subject or another object is a term of its own (an IRI hashes fast, as a str).
        """
        return self.terms is not None

    @classmethod
    def of(cls, graph: Graph) -> Triples:
        """The triples of an rdflib graph (built in memory, or read by rdflib where Oxigraph refuses a file)."""
        index: Index = {}
        for s, p, o in graph:  # a graph holds each triple once
            index.setdefault(s, {}).setdefault(p, []).append(o)
        prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespace_manager.namespaces()}
        return cls(index, len(graph), prefixes)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        for s, pairs in self.index.items():
            for p, objects in pairs.items():
                for o in objects:
                    yield s, p, o

    def __contains__(self, triple: tuple[Node | None, Node | None, Node | None]) -> bool:
        s, p, o = triple
        if s is None and p is not None and o is not None:
            return bool(self.subjects(p, o))
        pairs = self.index.items() if s is None else [(s, self.index.get(s, _NO_PAIRS))]
        return any(
            o is None or o in objects
            for _, by_predicate in pairs
            for objects in (by_predicate.values() if p is None else [by_predicate.get(p, _NO_OBJECTS)])
        )

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """Objects of ``subject predicate ?``."""
        pairs = self.index.get(subject)
        return _NO_OBJECTS if pairs is None else pairs.get(predicate, _NO_OBJECTS)

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object of ``subject predicate ?``, or None."""
        objects = self.objects(subject, predicate)
        return objects[0] if objects else None

    def predicate_objects(self, subject: Node) -> list[tuple[Node, Node]]:
        """Every (predicate, object) of ``subject``."""
        return [(p, o) for p, objects in self.index.get(subject, _NO_PAIRS).items() for o in objects]

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> list[Node]:
        """Subjects of ``? predicate obj``; either may be None, for any."""
        if predicate is None:
            return list(self.index) if obj is None else self._subjects_of(obj)
        if obj is None:
            self.know_subjects((predicate,))  # listed once: sh:targetSubjectsOf asks once a shape
            return self._with_predicate[predicate]
        return self._inverse(predicate).get(obj, _NO_OBJECTS)

    def know_subjects(self, predicates: Iterable[Node]) -> None:
        """List the subjects of each of ``predicates`` in one walk of the index, for :meth:`subjects` to answer.

        Shapes target the subjects of two dozen predicates (``sh:targetSubjectsOf``): one walk for
        them all, not one each.
        """
        wanted = {p for p in predicates if p not in self._with_predicate}
        if wanted:
            found: dict[Node, list[Node]] = {p: [] for p in wanted}
            for s, pairs in self.index.items():
                for p in pairs.keys() & wanted:
                    found[p].append(s)
            self._with_predicate.update(found)

    def object_nodes(self, predicate: Node) -> list[Node]:
        """Every object of ``predicate``, each once."""
        return list(self._inverse(predicate))

    def _inverse(self, predicate: Node) -> dict[Node, list[Node]]:
        """Object → subjects of one predicate, built on its first inverse read."""
        if (by_object := self._back.get(predicate)) is None:
            by_object = self._back[predicate] = {}
            for s, pairs in self.index.items():
                for o in pairs.get(predicate, _NO_OBJECTS):
                    if (subjects := by_object.get(o)) is None:
                        by_object[o] = [s]
                    else:
                        subjects.append(s)
        return by_object

    def _subjects_of(self, obj: Node) -> list[Node]:
        """Subjects of any triple whose object is ``obj``, each once; literals (rarely asked) by a scan."""
        if type(obj) is Literal:
            return [s for s, pairs in self.index.items() if any(obj in objects for objects in pairs.values())]
        if self._by_object is None:
            by_object: dict[Node, list[Node]] = {}
            for s, pairs in self.index.items():
                for objects in pairs.values():
                    for o in objects:
                        if type(o) is Literal:  # a literal links to nothing (and hashes slowly)
                            continue
                        if (subjects := by_object.get(o)) is None:
                            by_object[o] = [s]
                        elif subjects[-1] is not s:  # terms are shared: one subject's triples are in a row
                            subjects.append(s)
            self._by_object = by_object
        return self._by_object.get(obj, _NO_OBJECTS)

    def bind(self, graph: Graph) -> Graph:
        """Bind the file's prefixes in ``graph`` as rdflib's parsers do (the file's prefix wins its namespace)."""
        for prefix, namespace in self.prefixes.items():
            graph.bind(prefix, namespace)
        return graph

    def graph(self, into: Graph | None = None) -> Graph:
        """The same triples in an rdflib graph (``into``, or a new one), with the file's prefixes bound."""
        graph = Graph() if into is None else into
        for triple in self:
            graph.add(triple)
        return self.bind(graph)


_CHUNK = 1 << 20


def _line_chunks(data: bytes) -> Iterator[list[bytes]]:
    """The lines of N-Triples (``" .\\n"`` ends each), a mebibyte of them at a time.

    Split at once, the lines of 10 000 datasets took 70 MB beside the file's 60 and the index:
    a tenth of a second of the kernel's page faults on every run. A line feed is escaped in an
    N-Triples term, so ``" .\\n"`` ends a line wherever it stands. :class:`NotCanonical` if the
    last line does not end so (Oxigraph reads such a file, or says what is wrong with it).
    """
    start, size = 0, len(data)
    while start < size:
        end = data.find(b" .\n", start + _CHUNK)
        end = size if end < 0 else end + 3
        lines = data[start:end].split(b" .\n")
        if lines[-1] == b"":
            lines.pop()
        elif end == size:  # the last line does not end as Oxigraph ends one
            raise NotCanonical(lines[-1][-80:].decode("utf-8", "replace"))
        yield lines
        start = end


def _without_repeats(index: Index) -> int:
    """Drop each triple written more than once (a graph holds it once); the number of triples left.

    Needed only where the lines are not sorted: sorted lines (as ``build`` writes them) hold a
    repeated triple in a row, dropped as it is read.

    Equal terms of a file are one object, so a repeated triple is an object repeated in one list;
    most lists hold one object, the rest are told apart by identity, where hashing every line
    cost more.
    """
    size = 0
    for pairs in index.values():
        for predicate, objects in pairs.items():
            if len(objects) > 1 and len({id(o) for o in objects}) < len(objects):
                objects = pairs[predicate] = list({id(o): o for o in objects}.values())
            size += len(objects)
    return size


def _iri_term(raw: bytes) -> URIRef:
    """A predicate or class of canonical N-Triples (``<iri>``) as the shared object (see vocabulary_term)."""
    return vocabulary_term(raw[1:-1].decode("utf-8"))


def _canonical_term(raw: bytes) -> Node:
    """A term of Oxigraph's N-Triples, decoded alone: the whole text is never decoded at once."""
    return _term(raw.decode("utf-8"))


def _term(text: str) -> Node:
    """One term of canonical N-Triples as rdflib's term; Oxigraph has checked IRIs, so rdflib's checks are skipped."""
    if text[0] == "<":
        return str.__new__(URIRef, text[1:-1])
    if text[0] == "_":
        return str.__new__(BNode, text[2:])
    end = text.rfind('"')
    lexical = text[1:end]
    if "\\" in lexical:
        lexical = _ESCAPE.sub(_unescape, lexical)
    rest = text[end + 1 :]
    if rest.startswith("^^"):
        return Literal(lexical, datatype=vocabulary_term(rest[3:-1]))
    return _text_literal(lexical, rest[1:] or None)


def _text_literal(lexical: str, language: str | None) -> Literal:
    """A plain or language-tagged literal, as ``Literal(lexical, lang=language)`` makes it, in a fifth of the time.

    Most literals of a catalogue are texts; for them rdflib's constructor only checks the tag
    (Oxigraph has) and keeps the text as its value, so this sets the same four slots itself.
    ``tests/test_triples.py`` holds it to the constructor, slot by slot.
    """
    literal = str.__new__(Literal, lexical)
    literal._language = language
    literal._datatype = None
    literal._value = lexical
    literal._ill_typed = None
    return literal


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(match: re.Match[str]) -> str:
    short, long, char = match.groups()
    if char is not None:
        return _ECHAR[char]
    return chr(int(short or long, 16))


class NotCanonical(Exception):
    """A line of a user's N-Triples that Oxigraph is not sure to read and write back as it is."""


_IRI_CHAR = r'[^\x00-\x20\x7f"#%<>\[\\\]^`{|}]'
_IRI_CHARS = rf"{_IRI_CHAR}*(?:%[0-9A-Fa-f]{{2}}{_IRI_CHAR}*)*"
_IRI = (
    r"<[A-Za-z][A-Za-z0-9+.-]*:"  # the scheme
    r"(?://[A-Za-z0-9._~!$&'()*+,;=-]*(?::[0-9]*)?(?=[/?#>])|(?!/))"  # a host and port, or none and a path not from /
    rf"{_IRI_CHARS}(?:#{_IRI_CHARS})?>"  # the path and query, the fragment
)
_LITERAL_CHAR = r'[^"\\\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]'
_WRITTEN_TERM = re.compile(
    rf"{_IRI}"
    r"|_:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?"
    rf'|"{_LITERAL_CHAR}*(?:\\[tbnrf"\\]{_LITERAL_CHAR}*)*"'
    r"(?:@[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
    rf"|\^\^(?!<http://www\.w3\.org/2001/XMLSchema#string>|<http://www\.w3\.org/1999/02/22-rdf-syntax-ns#){_IRI})?"
)
"""A term Oxigraph reads (the N-Triples grammar, IRIs as ``oxiri`` checks them, RFC 3987, language tags
as ``oxilangtag`` does, BCP 47) and writes back as it is: an IRI without escapes (Oxigraph keeps an
IRI as written, escapes decoded); a blank node with an ASCII label; a literal whose only escapes are
the short ones Oxigraph writes for the characters it escapes, none of those raw, no escape of a code
point (Oxigraph writes some as short ones), its language tag in lower case, its datatype neither
``xsd:string`` (Oxigraph drops it) nor one of RDF's own (``rdf:langString`` is refused).

Stricter than Oxigraph where that keeps it short (no user or IP address in an IRI, no private-use
or astral character in one, language tags of a language, script and region only): a term it refuses
is read through Oxigraph, only slower. An IRI's code points beyond ASCII are checked apart
(:data:`_NOT_IN_IRI`): a class of them in each place took 30 ms to compile, on every run.
tests/test_triples.py holds the pattern to Oxigraph."""

_NOT_IN_IRI = re.compile(r"[\x80-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\U0010ffff]")
"""Beyond ASCII, what RFC 3987 keeps out of an IRI (outside ``ucschar``), and what we do (beyond the first plane)."""


def _hold_to_written(text: str) -> None:
    """Raise :class:`NotCanonical` unless ``text`` is a :data:`_WRITTEN_TERM` whose IRI holds no :data:`_NOT_IN_IRI`."""
    if _WRITTEN_TERM.fullmatch(text) is None:
        raise NotCanonical(text)
    if not text.isascii():
        iri = text if text[0] == "<" else text[text.rfind('"') + 1 :]  # the term, or a literal's datatype
        if _NOT_IN_IRI.search(iri) is not None:
            raise NotCanonical(text)


def _written_term(raw: bytes) -> Node:
    """A term of a user's N-Triples; each blank node gets a fresh label, as ``rename_blank_nodes`` gives."""
    text = raw.decode("utf-8")
    _hold_to_written(text)
    if text[0] == "_":  # "_:b0" of two files: two nodes
        return str.__new__(BNode, _fresh_label())
    return _term(text)


def _written_vocabulary_term(raw: bytes) -> URIRef:
    """A predicate or class of a user's N-Triples, an IRI."""
    text = raw.decode("utf-8")
    if text[:1] != "<":
        raise NotCanonical(text)
    _hold_to_written(text)
    return vocabulary_term(text[1:-1])


def _fresh_label() -> str:
    """A blank-node label as Oxigraph makes one: 128 random bits in hex, from a letter on (RDF/XML's nodeID)."""
    while (label := f"{secrets.randbits(128):x}")[0] < "a":
        pass
    return label


def _read_as_written(data: bytes | str) -> Triples | None:
    """N-Triples indexed as they are written, if Oxigraph would read them and write each line back unchanged.

    Oxigraph's parsing and writing back took 0.4 s of 0.95 at 10 000 datasets, mostly making a
    Python object per triple; N-Triples as ``build`` writes them (Oxigraph's lines) are canonical
    already, and each distinct term is checked once, however often it recurs. None where a line is
    not sure to be (a comment, a tab, an escape, an upper-case tag, a malformed line): the text is
    then read through Oxigraph, whose error, with its line, says what is wrong.
    """
    try:
        triples = Triples.from_ntriples(data.encode("utf-8") if isinstance(data, str) else data, as_written=True)
    except (UnicodeError, ValueError, IndexError, NotCanonical):  # a line of fewer than three terms, an empty term
        return None
    if any(type(subject) is Literal for subject in triples.index):  # a literal as a subject: not RDF
        return None
    return triples
