"""A SHACL Core engine for the shapes in ``shapes/``, fast enough to run on every build.

Why not pySHACL: it evaluates every constraint of every shape on every focus node through generic
machinery, about 10 ms per dataset with SEMIC's shapes, so a catalogue of 10 000 datasets takes
minutes. This engine reads each predicate of the data graph once into an index and then checks
constraints with dictionary lookups. It implements the part of SHACL that ``shapes/`` uses, named
below by the section of the W3C recommendation (https://www.w3.org/TR/shacl/) that defines it, and
**refuses** a shapes graph that uses anything else, so no shape is ever silently skipped.
``tests/test_shapes.py`` runs pySHACL on the same shapes and checks that both find the same results.

==============  ====================================================================================
§ 2.1.3         targets: ``sh:targetClass`` (with ``rdfs:subClassOf`` in the data graph),
                ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``; the
                SHACL-AF target type ``tvks:EverySubject`` (shapes/personal-data.ttl)
§ 2.3.1         paths: predicate, ``sh:inversePath``, sequence, ``sh:alternativePath``
§ 4.1           ``sh:class``, ``sh:datatype``, ``sh:nodeKind``
§ 4.2           ``sh:minCount``, ``sh:maxCount``
§ 4.4           ``sh:minLength``, ``sh:maxLength``, ``sh:pattern`` (+ ``sh:flags``), ``sh:languageIn``,
                ``sh:uniqueLang``
§ 4.6, § 4.7    ``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone``, ``sh:node``, ``sh:qualifiedValueShape``
                (+ ``sh:qualifiedMinCount``, ``sh:qualifiedMaxCount``)
§ 4.8           ``sh:in``, ``sh:hasValue``
extension       ``tvks:noPersonalIdentityCode`` (shapes/personal-data.ttl): its SPARQL validator is
                for other engines; this one runs the same check in Python (see ``pic.py``)
==============  ====================================================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kasko_dcat.errors import KaskoError
from kasko_dcat.rdf.namespaces import OWL, RDF, RDFS, SH, TVKS, XSD
from kasko_dcat.shacl.pic import find_identity_codes

# --- the shapes graph ---------------------------------------------------------------------------

SUPPORTED_PARAMETERS = {
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.minCount,
    SH.maxCount,
    SH.minLength,
    SH.maxLength,
    SH.pattern,
    SH.languageIn,
    SH.uniqueLang,
    SH["not"],
    SH["and"],
    SH["or"],
    SH.xone,
    SH.node,
    SH["in"],
    SH.hasValue,
    SH.qualifiedValueShape,
    TVKS.noPersonalIdentityCode,
}
"""Constraint parameters this engine evaluates; ``sh:flags`` goes with ``sh:pattern``."""

IGNORED = {
    RDF.type,
    SH.path,
    SH.property,
    SH.severity,
    SH.message,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.deactivated,
    SH.flags,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
}
"""Shape predicates that are not constraints; any other ``sh:`` predicate is refused."""


class ShapesError(KaskoError):
    """The shapes graph uses SHACL this engine does not implement, or is malformed.

    Raised with the reason in English, the language of the SHACL recommendation it cites.
    """

    def __init__(self, reason: str) -> None:
        super().__init__("cli-bad-shapes", reason=reason)


@dataclass(frozen=True)
class Path:
    """A SHACL property path (§ 2.3.1): ``kind`` is pred, inverse, sequence or alternative."""

    kind: str
    iri: URIRef | None = None
    parts: tuple[Path, ...] = ()
    node: Node | None = None
    """The path's node in the shapes graph, copied into Turtle reports as ``sh:resultPath``."""

    def __str__(self) -> str:
        if self.kind == "pred":
            return str(self.iri)
        if self.kind == "inverse":
            return f"^{self.parts[0]}"
        return ("/" if self.kind == "sequence" else "|").join(f"({part})" for part in self.parts)


@dataclass
class Shape:
    """One shape: its targets, path (property shapes only), severity, messages and constraints."""

    node: Node
    path: Path | None
    severity: URIRef
    messages: tuple[tuple[str, str], ...]
    """``sh:message`` as sorted (language, text) pairs, the form a hashable :class:`Result` keeps."""
    targets: list[tuple[URIRef, Node]]
    constraints: list[tuple[URIRef, Node]]
    """Each constraint parameter and its value, as written (reports and tests read them)."""
    checks: list[Check] = field(default_factory=list)
    """The same constraints compiled, in the same order."""
    properties: list[Shape] = field(default_factory=list)
    deactivated: bool = False
    fires_on_nothing: bool = False
    """Whether a focus node with no value at the path can violate it (sh:minCount, sh:hasValue, …).

    Most DCAT-AP shapes constrain optional properties; when a node has none of them, this lets the
    engine skip the shape after one lookup."""


@dataclass(frozen=True)
class Result:
    """One ``sh:ValidationResult`` (§ 3.6.2)."""

    focus: Node
    shape: Node
    severity: URIRef
    component: URIRef
    path: Path | None
    value: Node | None
    messages: tuple[tuple[str, str], ...]

    def message(self, lang: str) -> str:
        """The shape's ``sh:message`` in ``lang``, else in English, else any."""
        by_lang = dict(self.messages)
        return by_lang.get(lang) or by_lang.get("en") or next(iter(by_lang.values()), "")

    def sort_key(self) -> tuple[str, str, str, str]:
        """Order of results in every report, so reports are byte-stable."""
        return (str(self.focus), str(self.shape), "" if self.value is None else self.value.n3(), str(self.path))


class ShapesGraph:
    """The parsed shapes: every shape that has a target, and the ones they refer to."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._shapes: dict[Node, Shape] = {}
        self._lists: dict[Node, list[Node]] = {}
        roots = {s for p in _TARGETS for s in graph.subjects(p, None)}
        for s, target in graph.subject_objects(SH.target):
            if graph.value(target, RDF.type) != TVKS.EverySubject:
                raise ShapesError(f"shape {_name(s)} has a SHACL-AF target other than tvks:EverySubject")
        implicit = {
            s
            for kind in (SH.NodeShape, SH.PropertyShape)
            for s in graph.subjects(RDF.type, kind)
            if {RDFS.Class, OWL.Class} & set(graph.objects(s, RDF.type))
        }
        if implicit:
            first = sorted(implicit, key=str)[0]
            raise ShapesError(
                f"shape {_name(first)} is also a class (an implicit class target), which this engine does not implement"
            )
        self.targeted = [self.shape(node) for node in sorted(roots, key=str)]

    def shape(self, node: Node) -> Shape:
        """Parse ``node`` as a shape once; shapes may refer to each other."""
        if node in self._shapes:
            return self._shapes[node]
        g = self.graph
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise ShapesError(f"shape {_name(node)} has {len(paths)} values of sh:path; a property shape has one")
        path_node = paths[0] if paths else None
        severity = g.value(node, SH.severity, default=SH.Violation)
        shape = Shape(
            node=node,
            path=None if path_node is None else self._path(path_node),
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
            messages=tuple(sorted({(m.language or "en"): str(m) for m in g.objects(node, SH.message)}.items())),
            targets=[(p, o) for p, o in g.predicate_objects(node) if p in _TARGETS],
            constraints=[],
            deactivated=g.value(node, SH.deactivated) == Literal(True),
        )
        self._shapes[node] = shape
        for p, o in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), po[1].n3())):
            if p in SUPPORTED_PARAMETERS:
                shape.constraints.append((p, o))
                if (check := compile_constraint(self, node, p, o)) is not None:
                    shape.checks.append(check)
                    shape.fires_on_nothing |= p in _FIRE_ON_NOTHING
                for nested in self._nested(p, o):
                    self.shape(nested)
            elif p == SH.property:
                shape.properties.append(self.shape(o))
            elif p not in IGNORED and str(p).startswith(str(SH)):
                raise ShapesError(f"shape {_name(node)} uses {_name(p)}, which kasko-dcat's engine does not implement")
        return shape

    def _nested(self, parameter: URIRef, value: Node) -> list[Node]:
        if parameter in (SH.node, SH["not"], SH.qualifiedValueShape):
            return [value]
        if parameter in (SH["and"], SH["or"], SH.xone):
            return self.list(value)
        return []

    def list(self, head: Node) -> list[Node]:
        """An RDF list of the shapes graph as a Python list, read once."""
        if head not in self._lists:
            self._lists[head] = list(Collection(self.graph, head))
        return self._lists[head]

    def _path(self, node: Node) -> Path:
        g = self.graph
        if isinstance(node, URIRef):
            return Path("pred", iri=node, node=node)
        if (inverse := g.value(node, SH.inversePath)) is not None:
            if not isinstance(inverse, URIRef):
                raise ShapesError(
                    f"an inverse path in {_name(node)} inverts more than one predicate, which this engine does not"
                )
            return Path("inverse", parts=(self._path(inverse),), node=node)
        if (alternatives := g.value(node, SH.alternativePath)) is not None:
            return Path("alternative", parts=tuple(self._path(p) for p in self.list(alternatives)), node=node)
        if g.value(node, RDF.first) is not None:
            return Path("sequence", parts=tuple(self._path(p) for p in self.list(node)), node=node)
        raise ShapesError(f"a path in {_name(node)} is not a predicate, inverse, sequence or alternative path")


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
_FIRE_ON_NOTHING = {SH.minCount, SH.hasValue, SH.qualifiedValueShape}


def _name(node: Node) -> str:
    return node.n3() if isinstance(node, URIRef) else "a blank-node shape"


# --- the data graph -----------------------------------------------------------------------------


class DataGraph:
    """The data graph, indexed by predicate in one pass on first use.

    One walk over every triple costs less than a pattern query per predicate: rdflib's stores
    answer ``(None, p, None)`` through a generator per triple, and shapes ask for about 80 predicates.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @cached_property
    def _indexes(self) -> tuple[dict[Node, dict[Node, list[Node]]], dict[Node, dict[Node, list[Node]]]]:
        out: dict[Node, dict[Node, list[Node]]] = {}
        back: dict[Node, dict[Node, list[Node]]] = {}
        for s, p, o in self.graph:
            out.setdefault(p, {}).setdefault(s, []).append(o)
            back.setdefault(p, {}).setdefault(o, []).append(s)
        return out, back

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """Objects of ``subject predicate ?``."""
        return self._indexes[0].get(predicate, {}).get(subject, [])

    def subjects(self, predicate: Node, obj: Node | None = None) -> list[Node]:
        """Subjects of ``? predicate obj``, or of any object when ``obj`` is None."""
        if obj is None:
            return list(self._indexes[0].get(predicate, ()))
        return self._indexes[1].get(predicate, {}).get(obj, [])

    def object_nodes(self, predicate: Node) -> list[Node]:
        """Every object of ``predicate``."""
        return list(self._indexes[1].get(predicate, ()))

    @cached_property
    def _superclasses(self) -> dict[Node, set[Node]]:
        """Each class with itself and its ``rdfs:subClassOf`` ancestors in the data graph (§ 2.1.3.3)."""
        parents = self._indexes[0].get(RDFS.subClassOf, {})
        closed: dict[Node, set[Node]] = {}
        for cls in parents:
            seen, todo = {cls}, [cls]
            while todo:
                for sup in parents.get(todo.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            closed[cls] = seen
        return closed

    @cached_property
    def _identity_codes(self) -> dict[Node, list[Node]]:
        """Subject → its terms that hold a personal identity code, from one pass over the index.

        IRIs count as much as literals: ``mailto:131052-308T@…`` or a page URL with a code in its
        path publishes the code just the same. An IRI is read percent-decoded (``%2D`` is ``-``).
        Values only, as the shape's SPARQL validator checks: a subject IRI is some node's value too.
        """
        found: dict[Node, list[Node]] = {}
        for by_subject in self._indexes[0].values():
            for s, objects in by_subject.items():
                for term in objects:
                    if isinstance(term, Literal | URIRef) and _holds_identity_code(term):
                        found.setdefault(s, []).append(term)
        return found

    def every_subject(self) -> list[Node]:
        """Every subject of the graph (results are sorted at the end, so no order is needed here)."""
        return list({s for subjects in self._indexes[0].values() for s in subjects})

    def identity_codes(self, node: Node) -> list[Node]:
        """The values of ``node`` (literals and IRIs) that hold a valid Finnish personal identity code."""
        return self._identity_codes.get(node, [])

    def is_instance(self, node: Node, cls: Node) -> bool:
        """SHACL instance: a type of ``node`` is ``cls`` or one of its subclasses."""
        return any(t == cls or cls in self._superclasses.get(t, ()) for t in self.objects(node, RDF.type))

    def instances(self, cls: Node) -> list[Node]:
        """Every SHACL instance of ``cls``."""
        classes = [cls, *(c for c, sups in self._superclasses.items() if cls in sups and c != cls)]
        return list(dict.fromkeys(node for c in classes for node in self.subjects(RDF.type, c)))

    def values(self, focus: Node, path: Path) -> list[Node]:
        """The value nodes of ``path`` from ``focus`` (§ 2.3.1), without duplicates."""
        if path.kind == "pred":
            return self.objects(focus, path.iri)
        if path.kind == "inverse":
            return self.subjects(path.parts[0].iri, focus)  # a predicate: ShapesGraph refuses any other
        if path.kind == "sequence":
            nodes = [focus]
            for part in path.parts:
                nodes = list(dict.fromkeys(v for n in nodes for v in self.values(n, part)))
            return nodes
        return list(dict.fromkeys(v for part in path.parts for v in self.values(focus, part)))


# --- evaluation ---------------------------------------------------------------------------------

Found = Iterator[tuple[URIRef, Node | None]]
"""What a constraint yields for each violation: the component and the offending value (if any)."""

Check = Callable[["Validator", list[Node]], Found]
"""A constraint compiled with its arguments, applied to the value nodes of one focus node."""


class Validator:
    """Validates one data graph against one shapes graph."""

    def __init__(self, shapes: ShapesGraph, data: DataGraph) -> None:
        self.shapes = shapes
        self.data = data
        self._conforms: dict[tuple[Node, Node], bool] = {}

    def run(self) -> list[Result]:
        """Every result of every targeted shape, in a stable order."""
        found: set[Result] = set()
        for shape in self.shapes.targeted:
            for focus in self.focus_nodes(shape):
                found.update(self.check(shape, focus))
        return sorted(found, key=Result.sort_key)

    def focus_nodes(self, shape: Shape) -> list[Node]:
        """The targets of ``shape`` (§ 2.1.3)."""
        nodes: list[Node] = []
        for kind, value in shape.targets:
            if kind == _TARGET_CLASS:
                nodes.extend(self.data.instances(value))
            elif kind == _TARGET_NODE:
                nodes.append(value)
            elif kind == _TARGET_SUBJECTS_OF:
                nodes.extend(self.data.subjects(value))
            elif kind == _TARGET:  # tvks:EverySubject, the only one ShapesGraph accepts
                nodes.extend(self.data.every_subject())
            else:
                nodes.extend(self.data.object_nodes(value))
        return list(dict.fromkeys(nodes))

    def check(self, shape: Shape, focus: Node) -> Iterator[Result]:
        """Validate ``focus`` against ``shape`` and its property shapes."""
        if shape.deactivated:
            return
        path = shape.path
        if path is None:
            values = [focus]
        else:
            values = self.data.objects(focus, path.iri) if path.kind == "pred" else self.data.values(focus, path)
            if not values and not shape.fires_on_nothing:
                return
        for check in shape.checks:
            for component, value in check(self, values):
                yield Result(focus, shape.node, shape.severity, component, path, value, shape.messages)
        for prop in shape.properties:
            for value in values:
                yield from self.check(prop, value)

    def conforms(self, node: Node, shape_node: Node) -> bool:
        """Whether ``node`` conforms to a shape referred to by ``sh:node``, ``sh:or``, … (any severity)."""
        key = (node, shape_node)
        if key not in self._conforms:
            self._conforms[key] = True  # a shape that refers back to itself does not loop
            self._conforms[key] = next(self.check(self.shapes.shape(shape_node), node), None) is None
        return self._conforms[key]


_TARGET_CLASS, _TARGET_NODE, _TARGET_SUBJECTS_OF, _TARGET = (
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.target,
)
_TRUE = Literal(True)


def _each(component: URIRef, ok: Callable[[Validator, Node], bool]) -> Check:
    """A constraint tested on each value node on its own."""

    def check(v: Validator, values: list[Node]) -> Found:
        for value in values:
            if not ok(v, value):
                yield component, value

    return check


_NODE_KINDS: dict[Node, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.Literal: (Literal,),
    SH.BlankNode: (BNode,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


_TIMEZONE = r"(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?([1-9]\d{3,}|0\d{3})"
_LEXICAL = {
    XSD.gYear: re.compile(_YEAR + _TIMEZONE),
    XSD.gYearMonth: re.compile(_YEAR + r"-(0[1-9]|1[0-2])" + _TIMEZONE),
    XSD.date: re.compile(_YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _TIMEZONE),
    XSD.dateTime: re.compile(
        _YEAR
        + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?|24:00:00(\.0+)?)"
        + _TIMEZONE
    ),
    XSD.duration: re.compile(r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"),
    XSD.decimal: re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    XSD.integer: re.compile(r"[+-]?\d+"),
    XSD.nonNegativeInteger: re.compile(r"\+?\d+|-0+"),
    XSD.boolean: re.compile(r"true|false|1|0"),
    XSD.hexBinary: re.compile(r"([0-9a-fA-F]{2})*"),
}
"""Lexical forms of the XSD types the shapes use (XML Schema 1.1 Part 2). rdflib checks only some
(``ill_typed`` is None for the others), so a literal like ``"2020-13"^^xsd:gYearMonth`` would pass."""


def _datatype_ok(datatype: Node) -> Callable[[Validator, Node], bool]:
    lexical = _LEXICAL.get(datatype)

    def ok(_: Validator, value: Node) -> bool:
        if not isinstance(value, Literal):
            return False
        if datatype == RDF.langString:
            return value.language is not None
        actual = value.datatype or (None if value.language else XSD.string)
        if actual != datatype or value.ill_typed:
            return False
        return lexical is None or lexical.fullmatch(str(value)) is not None

    return ok


def _language_ok(ranges: list[str]) -> Callable[[Validator, Node], bool]:
    def ok(_: Validator, value: Node) -> bool:
        if not isinstance(value, Literal) or not value.language:
            return False
        lang = value.language.lower()
        return any(r == "*" or lang == r or lang.startswith(f"{r}-") for r in ranges)

    return ok


_FLAGS = {"i": re.I, "s": re.S, "m": re.M, "x": re.X}


def _regex(shape: Node, pattern: str, flags: str) -> re.Pattern[str]:
    """Compile an XPath regex (SHACL § 4.4.3) as Python's ``re``.

    XPath's ``$`` matches only at the very end unless the ``m`` flag is set; Python's also before a
    final newline, so ``$`` becomes ``\\Z`` here. XPath's character classes (``\\p{L}``, …) and the
    ``q`` flag are not translated: a shape that uses them is refused rather than misread.
    """
    if set(flags) - set(_FLAGS):
        raise ShapesError(f"shape {_name(shape)} uses the regex flags '{flags}'; this engine knows i, s, m and x")
    if "\\p{" in pattern or "\\P{" in pattern:
        raise ShapesError(f"shape {_name(shape)} uses a Unicode class (\\p{{…}}), which this engine does not translate")
    if "m" not in flags:
        pattern = _xpath_end(pattern)
    return re.compile(pattern, sum((_FLAGS[f] for f in flags), 0))


def _xpath_end(pattern: str) -> str:
    """Replace each ``$`` that is not escaped and not in a character class by ``\\Z``."""
    out, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append("\\Z")
            continue
        out.append(char)
    return "".join(out)


def _count(component: URIRef, too_few: int | None, too_many: int | None) -> Check:
    def check(_: Validator, values: list[Node]) -> Found:
        if (too_few is not None and len(values) < too_few) or (too_many is not None and len(values) > too_many):
            yield component, None

    return check


def _unique_lang(_: Validator, values: list[Node]) -> Found:
    seen: dict[str, int] = {}
    for value in values:
        if isinstance(value, Literal) and value.language:
            seen[value.language.lower()] = seen.get(value.language.lower(), 0) + 1
    for lang, count in sorted(seen.items()):
        if count > 1:
            yield SH.UniqueLangConstraintComponent, Literal(lang)


def _has_value(expected: Node) -> Check:
    def check(_: Validator, values: list[Node]) -> Found:
        if expected not in values:
            yield SH.HasValueConstraintComponent, None

    return check


def _qualified(qualified: Node, low: Node | None, high: Node | None) -> Check:
    """§ 4.7.3, without ``sh:qualifiedValueShapesDisjoint``, which no shape here uses."""

    def check(v: Validator, values: list[Node]) -> Found:
        matching = sum(v.conforms(value, qualified) for value in values)
        if low is not None and matching < int(low):
            yield SH.QualifiedMinCountConstraintComponent, None
        if high is not None and matching > int(high):
            yield SH.QualifiedMaxCountConstraintComponent, None

    return check


def _holds_identity_code(term: Literal | URIRef) -> bool:
    text = str(term)
    return bool(find_identity_codes(text if isinstance(term, Literal) else unquote(text)))


def _no_personal_identity_code(v: Validator, values: list[Node]) -> Found:
    """The focus node and its values: no checksum-valid Finnish personal identity code (shapes/personal-data.ttl)."""
    for focus in values:
        yield from ((TVKS.NoPersonalIdentityCodeConstraintComponent, text) for text in v.data.identity_codes(focus))


def compile_constraint(shapes: ShapesGraph, shape: Node, parameter: Node, argument: Node) -> Check | None:
    """The check for one constraint parameter of ``shape``, its arguments read once; None if it checks nothing."""
    if parameter == SH["class"]:
        return _each(SH.ClassConstraintComponent, lambda v, value: v.data.is_instance(value, argument))
    if parameter == SH.datatype:
        return _each(SH.DatatypeConstraintComponent, _datatype_ok(argument))
    if parameter == SH.nodeKind:
        if argument not in _NODE_KINDS:
            raise ShapesError(f"shape {_name(shape)} has sh:nodeKind {_name(argument)}, which is not a node kind")
        kinds = _NODE_KINDS[argument]
        return _each(SH.NodeKindConstraintComponent, lambda _, value: isinstance(value, kinds))
    if parameter == SH.minCount:
        return _count(SH.MinCountConstraintComponent, int(argument), None)
    if parameter == SH.maxCount:
        return _count(SH.MaxCountConstraintComponent, None, int(argument))
    if parameter in (SH.minLength, SH.maxLength):
        low, high = (int(argument), None) if parameter == SH.minLength else (None, int(argument))
        component = SH.MinLengthConstraintComponent if low is not None else SH.MaxLengthConstraintComponent
        return _each(
            component,
            lambda _, value: (
                not isinstance(value, BNode)
                and (low is None or len(str(value)) >= low)
                and (high is None or len(str(value)) <= high)
            ),
        )
    if parameter == SH.pattern:
        regex = _regex(shape, str(argument), str(shapes.graph.value(shape, SH.flags) or ""))
        return _each(
            SH.PatternConstraintComponent, lambda _, value: not isinstance(value, BNode) and bool(regex.search(value))
        )
    if parameter == SH.languageIn:
        return _each(SH.LanguageInConstraintComponent, _language_ok([str(r).lower() for r in shapes.list(argument)]))
    if parameter == SH.uniqueLang:
        return _unique_lang if argument == _TRUE else None
    if parameter == SH["in"]:
        members = frozenset(shapes.list(argument))
        return _each(SH.InConstraintComponent, lambda _, value: value in members)
    if parameter == SH.hasValue:
        return _has_value(argument)
    if parameter == SH.node:
        return _each(SH.NodeConstraintComponent, lambda v, value: v.conforms(value, argument))
    if parameter == SH["not"]:
        return _each(SH.NotConstraintComponent, lambda v, value: not v.conforms(value, argument))
    if parameter in (SH["and"], SH["or"], SH.xone):
        members = tuple(shapes.list(argument))
        if parameter == SH["and"]:
            return _each(SH.AndConstraintComponent, lambda v, value: all(v.conforms(value, s) for s in members))
        if parameter == SH["or"]:
            return _each(SH.OrConstraintComponent, lambda v, value: any(v.conforms(value, s) for s in members))
        return _each(SH.XoneConstraintComponent, lambda v, value: sum(v.conforms(value, s) for s in members) == 1)
    if parameter == SH.qualifiedValueShape:
        return _qualified(
            argument, shapes.graph.value(shape, SH.qualifiedMinCount), shapes.graph.value(shape, SH.qualifiedMaxCount)
        )
    if parameter == TVKS.noPersonalIdentityCode:
        return _no_personal_identity_code if argument == _TRUE else None
    raise ShapesError(f"shape {_name(shape)} uses {_name(parameter)}, which kasko-dcat's engine does not implement")


def validate(data: Graph, shapes: ShapesGraph) -> list[Result]:
    """Validate ``data`` against ``shapes``; no inference, no graph beyond ``data`` (§ 3)."""
    return Validator(shapes, DataGraph(data)).run()
