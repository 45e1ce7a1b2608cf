"""Random SHACL Core shapes graphs and data graphs, seeded, for differential testing against pySHACL.

``case(seed)`` gives a (shapes, data) pair of Turtle texts: one to three node shapes with targets,
constraints on the focus node and property shapes over every kind of path, over a small world of
IRIs, classes and literals of many datatypes, so that different shapes meet the same values.
``compare(seed)`` runs both engines and sorts each disagreement into a known pySHACL deviation
from the recommendation (:data:`DEVIATIONS`, with the section it breaks) or an unexplained one.

Used by ``tests/test_differential.py`` (a fixed sample) and ``bench/bench_differential.py``
(thousands of cases).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat.rdf.namespaces import SH
from kasko_dcat.rdf.reading import parse_exact
from kasko_dcat.rdf.triples import Triples
from kasko_dcat.shacl import engine
from kasko_dcat.shacl.engine import Result, ShapesError, ShapesGraph, Validator, validate
from kasko_dcat.shacl.pyshacl_engine import validate_with_pyshacl

PREFIXES = (
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
)
NODES = [f"ex:n{i}" for i in range(6)]
CLASSES = ["ex:C0", "ex:C1", "ex:C2"]
PREDICATES = ["ex:p0", "ex:p1", "ex:p2", "ex:p3"]
LITERALS = [
    '"1"^^xsd:integer',
    '"2"^^xsd:integer',
    '"-3"^^xsd:integer',
    '"2.5"^^xsd:decimal',
    '"2.0"^^xsd:decimal',
    '"1.5E0"^^xsd:double',
    '"NaN"^^xsd:double',
    '"INF"^^xsd:double',
    '"abc"',
    '"Abc def"',
    '"a\\nb"',
    '"x_y"',
    '"hello"@en',
    '"hei"@fi',
    '"hej"@sv',
    '"moi"@fi-FI',
    '"true"^^xsd:boolean',
    '"2020-01-01"^^xsd:date',
    '"2021-06-30"^^xsd:date',
    '"2020-01-01T10:00:00Z"^^xsd:dateTime',
    '"2020-01-01T10:00:00"^^xsd:dateTime',
    '"2020"^^xsd:gYear',
    '"12"^^xsd:string',
    '"abc"^^xsd:integer',
]
PATTERNS = [("^a", ""), ("b$", ""), ("^[a-z]+$", ""), ("A", "i"), ("^.$", ""), ("\\\\d", ""), ("^x", "")]
DATATYPES = ["xsd:integer", "xsd:decimal", "xsd:string", "xsd:date", "rdf:langString", "xsd:boolean", "xsd:double"]
LANGUAGES = ['"en"', '"fi"', '"sv"']
NODE_KINDS = ["sh:IRI", "sh:Literal", "sh:BlankNode", "sh:BlankNodeOrIRI", "sh:IRIOrLiteral", "sh:BlankNodeOrLiteral"]


class _Writer:
    """Builds one random shapes graph: named shapes, each a list of ``predicate object`` lines."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.shapes: list[str] = []
        self.count = 0

    def path(self, depth: int = 0) -> str:
        rng = self.rng
        kind = rng.choice(["pred"] * 5 + ["inverse", "sequence", "alternative", "star", "plus", "optional"])
        if kind == "pred" or depth > 1:
            return rng.choice(PREDICATES)
        if kind == "inverse":
            return f"[ sh:inversePath {rng.choice(PREDICATES)} ]"  # see NOT_GENERATED
        if kind in ("sequence", "alternative"):
            parts = " ".join(self.path(depth + 1) for _ in range(rng.randint(2, 3)))
            return f"( {parts} )" if kind == "sequence" else f"[ sh:alternativePath ( {parts} ) ]"
        closure = {"star": "sh:zeroOrMorePath", "plus": "sh:oneOrMorePath", "optional": "sh:zeroOrOnePath"}[kind]
        return f"[ {closure} {rng.choice(PREDICATES)} ]"

    def constraint(self, depth: int, has_path: bool) -> list[str]:
        rng = self.rng
        kinds: list[Callable[[], list[str]]] = [
            lambda: [f"sh:class {rng.choice(CLASSES)}"],
            lambda: [f"sh:datatype {rng.choice(DATATYPES)}"],
            lambda: [f"sh:nodeKind {rng.choice(NODE_KINDS)}"],
            lambda: [
                f"sh:{rng.choice(['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'])} "
                f"{rng.choice(LITERALS[:8] + LITERALS[17:20])}"
            ],
            lambda: [f"sh:{rng.choice(['minLength', 'maxLength'])} {rng.randint(0, 5)}"],
            lambda: self._pattern(),
            lambda: ["sh:languageIn ( " + " ".join(rng.sample(LANGUAGES, rng.randint(1, 2))) + " )"],
            lambda: [f"sh:in ( {' '.join(rng.sample(NODES + LITERALS, 3))} )"],
            lambda: [f"sh:hasValue {rng.choice(NODES + LITERALS)}"],
            lambda: [f"sh:{rng.choice(['equals', 'disjoint'])} {rng.choice(PREDICATES)}"],
        ]
        if has_path:
            kinds += [
                lambda: [f"sh:minCount {rng.randint(0, 2)}"],
                lambda: [f"sh:maxCount {rng.randint(0, 2)}"],
                lambda: ["sh:uniqueLang true"],
                lambda: [f"sh:{rng.choice(['lessThan', 'lessThanOrEquals'])} {rng.choice(PREDICATES)}"],
                lambda: self._qualified(depth),
            ]
        if depth < 2:
            kinds += [
                lambda: [f"sh:node {self.shape(depth + 1, kind='node')}"],
                lambda: [f"sh:not {self.shape(depth + 1)}"],
                lambda: [f"sh:{rng.choice(['and', 'or', 'xone'])} ( {self.shape(depth + 1)} {self.shape(depth + 1)} )"],
            ]
        return rng.choice(kinds)()

    def _pattern(self) -> list[str]:
        pattern, flags = self.rng.choice(PATTERNS)
        return [f'sh:pattern "{pattern}"'] + ([f'sh:flags "{flags}"'] if flags else [])

    def _qualified(self, depth: int) -> list[str]:
        lines = [
            f"sh:qualifiedValueShape {self.shape(depth + 1)}"
            if depth < 2
            else "sh:qualifiedValueShape [ sh:nodeKind sh:IRI ]"
        ]
        lines.append(f"sh:qualified{self.rng.choice(['Min', 'Max'])}Count {self.rng.randint(0, 2)}")
        return lines

    def shape(self, depth: int, targets: list[str] | None = None, kind: str = "any") -> str:
        """A new named shape with one to three constraints; its name.

        ``kind`` is ``node`` (values of ``sh:node``), ``property`` (of ``sh:property``) or ``any``, so
        that the shapes graph is well formed (SHACL's shapes for shapes).
        """
        rng = self.rng
        name = f"ex:s{self.count}"
        self.count += 1
        lines = list(targets or [])
        has_path = kind == "property" or (kind == "any" and depth > 0 and rng.random() < 0.6)
        if has_path:
            lines.append(f"sh:path {self.path()}")
        used: set[str] = set()
        for _ in range(rng.randint(1, 3)):
            lines_of = self.constraint(depth, has_path)
            if lines_of[0].split()[0] not in used:  # one value per parameter: the shapes stay well formed
                used.update(line.split()[0] for line in lines_of)
                lines.extend(lines_of)
        if depth == 0 and rng.random() < 0.7:
            for _ in range(rng.randint(1, 2)):
                lines.append(f"sh:property {self.shape(1, kind='property')}")
        if depth == 0 and rng.random() < 0.1:
            lines += ["sh:closed true", "sh:ignoredProperties ( rdf:type )"]
        self.shapes.append(
            f"{name} a {'sh:PropertyShape' if has_path else 'sh:NodeShape'} ;\n    " + " ;\n    ".join(lines) + " ."
        )
        return name


def _target(rng: random.Random) -> str:
    kind = rng.choice(["targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"])
    if kind == "targetClass":
        return f"sh:targetClass {rng.choice(CLASSES)}"
    if kind == "targetNode":
        return f"sh:targetNode {rng.choice(NODES + LITERALS[:4])}"
    return f"sh:{kind} {rng.choice(PREDICATES)}"


def case(seed: int) -> tuple[str, str]:
    """Random shapes and data, both Turtle; the same for the same seed."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    for _ in range(rng.randint(1, 3)):
        writer.shape(0, [_target(rng) for _ in range(rng.randint(1, 2))])
    triples = [f"{rng.choice(NODES)} a {rng.choice(CLASSES)} ." for _ in range(rng.randint(2, 5))]
    triples.append("ex:C1 rdfs:subClassOf ex:C0 .")
    for _ in range(rng.randint(6, 16)):
        obj = rng.choice(NODES) if rng.random() < 0.4 else rng.choice(LITERALS)
        triples.append(f"{rng.choice(NODES)} {rng.choice(PREDICATES)} {obj} .")
    return PREFIXES + "\n".join(writer.shapes) + "\n", PREFIXES + "\n".join(triples) + "\n"


# --- judging ---------------------------------------------------------------------------------------


def _pyshacl_order(a: Node, b: Node) -> int | None:
    """How pySHACL orders a value and a bound (``value_range_constraints.py``): rdflib's Literal order.

    A string against a non-string and anything that is not a literal fail; otherwise
    ``compare_literal`` decides, where NaN sorts below everything and literals of different types
    are ordered by rdflib's rules instead of being incomparable.
    """
    from pyshacl.rdfutil.compare import compare_literal

    if not (isinstance(a, Literal) and isinstance(b, Literal)) or isinstance(a.value, str) != isinstance(b.value, str):
        return None
    try:
        return int(compare_literal(a, b))
    except (TypeError, NotImplementedError):
        return None


def _textual(node: Node) -> bool:
    return isinstance(node, URIRef) or (isinstance(node, Literal) and isinstance(node.value, str))


def _pyshacl_pair(component: URIRef, strict: bool) -> engine.Compiler:
    """``sh:lessThan(OrEquals)`` as pySHACL checks it (``property_pair_constraints.py``).

    IRIs and strings (language-tagged too) compare as text, a text against a non-text fails, and
    other literals by rdflib's ``<`` and ``<=`` (which order a dateTime with a timezone against one
    without, where XSD says the order is indeterminate).
    """

    def compile_pair(_: ShapesGraph, __: Node, predicate: Node) -> engine.Check:
        def check(v: engine.Validator, focus: Node, values: list[Node]) -> engine.Found:
            for value in values:
                for other in v.data.objects(focus, predicate):
                    if _textual(value) != _textual(other):
                        ok = False
                    elif _textual(value):
                        ok = str(value) < str(other) if strict else str(value) <= str(other)
                    else:
                        ok = bool(value < other if strict else value <= other)  # type: ignore[operator]
                    if not ok:
                        yield component, value, None

        return check

    return compile_pair


@contextmanager
def _rdflib_order() -> Iterator[None]:
    original, pairs = engine._order, {p: engine.COMPILERS[p] for p in (SH.lessThan, SH.lessThanOrEquals)}
    engine._order = _pyshacl_order
    engine.COMPILERS[SH.lessThan] = replace(
        pairs[SH.lessThan], compile=_pyshacl_pair(SH.LessThanConstraintComponent, True)
    )
    engine.COMPILERS[SH.lessThanOrEquals] = replace(
        pairs[SH.lessThanOrEquals], compile=_pyshacl_pair(SH.LessThanOrEqualsConstraintComponent, False)
    )
    try:
        yield
    finally:
        engine._order = original
        engine.COMPILERS.update(pairs)


@dataclass(frozen=True)
class Deviation:
    """A way pySHACL departs from the recommendation, and how to make our engine do the same.

    ``emulate`` switches our engine to pySHACL's reading; the results that change are this
    deviation's, and with every deviation emulated the two engines must agree exactly.
    """

    name: str
    section: str
    emulate: Callable[[], AbstractContextManager[None]]


DEVIATIONS = (
    Deviation(
        "pySHACL orders literals in ranges and sh:lessThan(OrEquals) by rdflib's Literal order, not SPARQL's "
        "operators: NaN sorts below every number, literals of different types (a date against a double, a "
        "dateTime without a timezone against one with) are ordered instead of being incomparable; sh:lessThan "
        "orders IRIs and language-tagged strings as text",
        "SHACL § 4.3.1-4.3.4 and § 4.5.3-4.5.4 (a result for each value where the SPARQL comparison does not "
        "return true, an error included); SPARQL 1.1 § 17.3; XSD 1.1 Part 2 § D.2.1 (indeterminate order)",
        _rdflib_order,
    ),
)
"""Every known way pySHACL departs from the recommendation on these cases; anything else is a bug."""

NOT_GENERATED = (
    (
        "pySHACL does not follow sh:inversePath over a path that is not one predicate (it found no value "
        "where ex:a ex:p2 ex:b . ex:b ex:p3 ex:c gives ex:c the value ex:a for [ sh:inversePath ( ex:p2 ex:p3 ) ])",
        "SHACL § 2.3.1.3 (the inverse of any path)",
    ),
    (
        "pySHACL reads sh:pattern with Python's re, not XPath ('.' matches \\r, '$' matches before a final "
        "newline, \\w takes '_', the x flag makes '#' a comment); the generator's patterns and values are "
        "ones both read alike, and tests/test_general_validator.py checks XPath's reading",
        "SHACL § 4.4.3; SPARQL 1.1 § 17.4.3.14; XPath F&O 3.1 § 5.6",
    ),
    (
        "pySHACL matches literals in sh:in, sh:hasValue and sh:equals by value, not as terms (rdflib rewrites "
        '"01"^^xsd:integer as "1" when parsing, and "5.0"^^xsd:decimal matches "5"^^xsd:decimal); it takes '
        'lexical forms XSD does not ("TRUE"^^xsd:boolean, "2020-01-01"^^xsd:dateTime, " 12"^^xsd:byte); the '
        "generator writes canonical literals, and tests/test_general_validator.py checks exact matching "
        "and XSD's forms",
        'SHACL § 4.8.3 ("matching of literals needs to be exact"), § 4.8.2 and § 4.5.1 (RDF term equality), '
        "§ 4.1.2 (ill-typed literals); RDF 1.1 Concepts § 3.3; XSD 1.1 Part 2 § 3.3",
    ),
)
"""Known deviations the generator leaves out, because our engine cannot imitate them to compare the rest."""

PYSHACL_FAILS = (
    "pySHACL raises on some comparisons, where the recommendation gives a violation: decimal.InvalidOperation "
    "for NaN against an xsd:decimal, TypeError for <= between literals rdflib cannot order (SHACL § 4.3, "
    "§ 4.5.4); such a case is counted and not compared"
)


def _key(result: Result) -> tuple[str, str, str, str, str]:
    value = "" if result.value is None else result.value.n3()
    return (result.focus.n3(), str(result.shape), str(result.component), str(result.path), value)


@dataclass
class Outcome:
    """One case: what each engine found and how their differences are explained."""

    seed: int
    ours: list[Result]
    theirs: list[Result]
    explained: Counter[str]
    unexplained: list[tuple[str, Result]]
    refused: str = ""
    """Why our engine refused the shapes (ill-formed ones: the generator's own mistake)."""
    pyshacl_refused: str = ""
    """Why pySHACL refused shapes ours runs (a disagreement: tests fail on it)."""
    pyshacl_failed: str = ""
    """The exception pySHACL raised on a case (its own bug, e.g. comparing NaN with a decimal)."""


def compare(seed: int) -> Outcome:
    """Run both engines on ``case(seed)``; what only the deviations explain is counted, the rest listed."""
    shapes_text, data_text = case(seed)
    shapes, data = Graph(), Graph()
    parse_exact(shapes, data=shapes_text, format="turtle")
    parse_exact(data, data=data_text, format="turtle")
    try:
        compiled = ShapesGraph(shapes)
    except ShapesError as exc:
        return Outcome(seed, [], [], Counter(), [], refused=str(exc.params.get("reason", exc)))
    ours = validate(data, compiled)
    try:
        theirs = validate_with_pyshacl(data, shapes)
    except ShapesError as exc:
        return Outcome(seed, ours, [], Counter(), [], pyshacl_refused=str(exc.params.get("reason", exc)))
    except (ArithmeticError, TypeError) as exc:  # pySHACL's own failures on comparisons, counted by kind
        return Outcome(seed, ours, [], Counter(), [], pyshacl_failed=type(exc).__name__)
    explained: Counter[str] = Counter()
    emulated = ours
    with ExitStack() as stack:
        for deviation in DEVIATIONS:
            stack.enter_context(deviation.emulate())
            before, emulated = emulated, validate(data, ShapesGraph(shapes))
            was, now = Counter(map(_key, before)), Counter(map(_key, emulated))
            explained[deviation.name] += sum(((was - now) + (now - was)).values())
    mine, other = Counter(map(_key, emulated)), Counter(map(_key, theirs))
    unexplained = [("only ours", r) for r in _surplus(emulated, mine - other)]
    unexplained += [("only pySHACL", r) for r in _surplus(theirs, other - mine)]
    # The command reads a file with Oxigraph into an index where each term is one object, and tells
    # values apart by identity; the same triples in an rdflib graph are told apart by equality.
    read = Triples.parse(data_text.encode("utf-8"), ox.RdfFormat.TURTLE)
    by_identity, by_equality = validate(read, compiled), validate(read.graph(), compiled)
    one, other = Counter(map(_key, by_identity)), Counter(map(_key, by_equality))
    unexplained += [("only ours, terms by identity", r) for r in _surplus(by_identity, one - other)]
    unexplained += [("only ours, terms by equality", r) for r in _surplus(by_equality, other - one)]
    # Each shape is applied by a function written for it (engine._compiled); the general loop must agree.
    general = ShapesGraph(shapes)
    for shape in general._shapes.values():
        shape.__dict__["apply"] = Validator._apply  # what Shape.apply caches, set before it is first read
    looped = validate(data, general)
    by_function, by_loop = Counter(map(_key, ours)), Counter(map(_key, looped))
    unexplained += [("only ours, shapes as functions", r) for r in _surplus(ours, by_function - by_loop)]
    unexplained += [("only ours, shapes in the general loop", r) for r in _surplus(looped, by_loop - by_function)]
    return Outcome(seed, ours, theirs, +explained, unexplained)


def _surplus(results: list[Result], surplus: Counter[tuple[str, str, str, str, str]]) -> list[Result]:
    found = []
    for result in results:
        if surplus[_key(result)] > 0:
            surplus[_key(result)] -= 1
            found.append(result)
    return found


def describe(outcome: Outcome) -> str:
    """A disagreement as a reader needs it: the case, and each result found by one engine only."""
    shapes, data = case(outcome.seed)
    lines = [f"seed {outcome.seed}", shapes, data]
    for side, result in outcome.unexplained:
        lines.append(
            f"{side}: focus {result.focus.n3()} shape {result.shape} {result.component} "
            f"path {result.path} value {None if result.value is None else result.value.n3()}"
        )
    return "\n".join(lines)
