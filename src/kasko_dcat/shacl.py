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
                ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``
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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kasko_dcat.namespaces import RDF, RDFS, SH, TVKS, XSD
from kasko_dcat.pic import find_identity_codes

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
}
"""Shape predicates that are not constraints; any other ``sh:`` predicate is refused."""


class ShapesError(ValueError):
    """The shapes graph uses SHACL this engine does not implement, or is malformed."""


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
    messages: dict[str, str]
    targets: list[tuple[URIRef, Node]]
    constraints: list[tuple[URIRef, Node]]
    properties: list[Shape] = field(default_factory=list)
    deactivated: bool = False


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
        self._values: dict[tuple[Node, Node], Node | None] = {}
        roots = {
            s
            for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
            for s in graph.subjects(p, None)
        }
        self.targeted = [self.shape(node) for node in sorted(roots, key=str)]

    def shape(self, node: Node) -> Shape:
        """Parse ``node`` as a shape once; shapes may refer to each other."""
        if node in self._shapes:
            return self._shapes[node]
        g = self.graph
        path_node = g.value(node, SH.path)
        severity = g.value(node, SH.severity, default=SH.Violation)
        shape = Shape(
            node=node,
            path=None if path_node is None else self._path(path_node),
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
            messages={(m.language or "en"): str(m) for m in g.objects(node, SH.message) if isinstance(m, Literal)},
            targets=[(p, o) for p, o in g.predicate_objects(node) if p in _TARGETS],
            constraints=[],
            deactivated=g.value(node, SH.deactivated) == Literal(True),
        )
        self._shapes[node] = shape
        for p, o in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), po[1].n3())):
            if p in SUPPORTED_PARAMETERS:
                shape.constraints.append((p, o))
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
        """An RDF list of the shapes graph as a Python list (read once: constraints ask per value node)."""
        if head not in self._lists:
            self._lists[head] = list(Collection(self.graph, head))
        return self._lists[head]

    def value(self, shape: Node, parameter: Node) -> Node | None:
        """A parameter that goes with another (``sh:flags``, ``sh:qualifiedMinCount``), read once."""
        key = (shape, parameter)
        if key not in self._values:
            self._values[key] = self.graph.value(shape, parameter)
        return self._values[key]

    def _path(self, node: Node) -> Path:
        g = self.graph
        if isinstance(node, URIRef):
            return Path("pred", iri=node, node=node)
        if (inverse := g.value(node, SH.inversePath)) is not None:
            return Path("inverse", parts=(self._path(inverse),), node=node)
        if (alternatives := g.value(node, SH.alternativePath)) is not None:
            return Path("alternative", parts=tuple(self._path(p) for p in self.list(alternatives)), node=node)
        if g.value(node, RDF.first) is not None:
            return Path("sequence", parts=tuple(self._path(p) for p in self.list(node)), node=node)
        raise ShapesError(f"a path in {_name(node)} is not a predicate, inverse, sequence or alternative path")


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _name(node: Node) -> str:
    return node.n3() if isinstance(node, URIRef) else "a blank-node shape"


# --- the data graph -----------------------------------------------------------------------------


class DataGraph:
    """The data graph, indexed by predicate on first use."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._out: dict[Node, dict[Node, list[Node]]] = {}
        self._in: dict[Node, dict[Node, list[Node]]] = {}

    def _index(self, predicate: Node) -> None:
        out: dict[Node, list[Node]] = {}
        back: dict[Node, list[Node]] = {}
        for s, _, o in self.graph.triples((None, predicate, None)):
            out.setdefault(s, []).append(o)
            back.setdefault(o, []).append(s)
        self._out[predicate], self._in[predicate] = out, back

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """Objects of ``subject predicate ?``."""
        if predicate not in self._out:
            self._index(predicate)
        return self._out[predicate].get(subject, [])

    def subjects(self, predicate: Node, obj: Node | None = None) -> list[Node]:
        """Subjects of ``? predicate obj``, or of any object when ``obj`` is None."""
        if predicate not in self._out:
            self._index(predicate)
        return list(self._out[predicate]) if obj is None else self._in[predicate].get(obj, [])

    def object_nodes(self, predicate: Node) -> list[Node]:
        """Every object of ``predicate``."""
        if predicate not in self._in:
            self._index(predicate)
        return list(self._in[predicate])

    @cached_property
    def _superclasses(self) -> dict[Node, set[Node]]:
        """Each class with itself and its ``rdfs:subClassOf`` ancestors in the data graph (§ 2.1.3.3)."""
        parents: dict[Node, set[Node]] = {}
        for sub, sup in self.graph.subject_objects(RDFS.subClassOf):
            parents.setdefault(sub, set()).add(sup)
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
            inner = path.parts[0]
            if inner.kind == "pred":
                return self.subjects(inner.iri, focus)
            raise ShapesError("only a predicate may be inverted")
        if path.kind == "sequence":
            nodes = [focus]
            for part in path.parts:
                nodes = list(dict.fromkeys(v for n in nodes for v in self.values(n, part)))
            return nodes
        return list(dict.fromkeys(v for part in path.parts for v in self.values(focus, part)))


# --- evaluation ---------------------------------------------------------------------------------

Found = Iterator[tuple[URIRef, Node | None]]
"""What a constraint yields for each violation: the component and the offending value (if any)."""


class Validator:
    """Validates one data graph against one shapes graph."""

    def __init__(self, shapes: ShapesGraph, data: DataGraph) -> None:
        self.shapes = shapes
        self.data = data
        self._conforms: dict[tuple[Node, Node], bool] = {}

    def run(self) -> list[Result]:
        """Every result of every targeted shape, in a stable order."""
        found = {r for s in self.shapes.targeted for focus in self.focus_nodes(s) for r in self.check(s, focus)}
        return sorted(found, key=Result.sort_key)

    def focus_nodes(self, shape: Shape) -> list[Node]:
        """The targets of ``shape`` (§ 2.1.3)."""
        nodes: list[Node] = []
        for kind, value in shape.targets:
            if kind == SH.targetClass:
                nodes.extend(self.data.instances(value))
            elif kind == SH.targetNode:
                nodes.append(value)
            elif kind == SH.targetSubjectsOf:
                nodes.extend(self.data.subjects(value))
            else:
                nodes.extend(self.data.object_nodes(value))
        return list(dict.fromkeys(nodes))

    def check(self, shape: Shape, focus: Node) -> Iterator[Result]:
        """Validate ``focus`` against ``shape`` and its property shapes."""
        if shape.deactivated:
            return
        values = [focus] if shape.path is None else self.data.values(focus, shape.path)
        messages = tuple(sorted(shape.messages.items()))
        for parameter, argument in shape.constraints:
            for component, value in _CHECKS[parameter](self, shape, argument, values):
                yield Result(focus, shape.node, shape.severity, component, shape.path, value, messages)
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


def _values(fn: Callable[[Validator, Node, Node], bool], component: URIRef) -> Callable[..., Found]:
    """A constraint tested on each value node on its own: ``fn(validator, argument, value)``."""

    def check(v: Validator, _: Shape, argument: Node, values: list[Node]) -> Found:
        for value in values:
            if not fn(v, argument, value):
                yield component, value

    return check


def _class(v: Validator, cls: Node, value: Node) -> bool:
    return v.data.is_instance(value, cls)


def _datatype(_: Validator, datatype: Node, value: Node) -> bool:
    if not isinstance(value, Literal):
        return False
    if datatype == RDF.langString:
        return value.language is not None
    actual = value.datatype or (None if value.language else XSD.string)
    return actual == datatype and not value.ill_typed


_NODE_KINDS: dict[Node, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.Literal: (Literal,),
    SH.BlankNode: (BNode,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def _node_kind(_: Validator, kind: Node, value: Node) -> bool:
    return isinstance(value, _NODE_KINDS[kind])


def _min_length(_: Validator, limit: Node, value: Node) -> bool:
    return not isinstance(value, BNode) and len(str(value)) >= int(limit)


def _max_length(_: Validator, limit: Node, value: Node) -> bool:
    return not isinstance(value, BNode) and len(str(value)) <= int(limit)


def _language_in(v: Validator, ranges: Node, value: Node) -> bool:
    if not isinstance(value, Literal) or not value.language:
        return False
    lang = value.language.lower()
    return any(lang == r.lower() or lang.startswith(f"{r.lower()}-") for r in map(str, v.shapes.list(ranges)))


def _in(v: Validator, members: Node, value: Node) -> bool:
    return value in v.shapes.list(members)


def _node(v: Validator, shape: Node, value: Node) -> bool:
    return v.conforms(value, shape)


def _not(v: Validator, shape: Node, value: Node) -> bool:
    return not v.conforms(value, shape)


def _and(v: Validator, shapes: Node, value: Node) -> bool:
    return all(v.conforms(value, s) for s in v.shapes.list(shapes))


def _or(v: Validator, shapes: Node, value: Node) -> bool:
    return any(v.conforms(value, s) for s in v.shapes.list(shapes))


def _xone(v: Validator, shapes: Node, value: Node) -> bool:
    return sum(v.conforms(value, s) for s in v.shapes.list(shapes)) == 1


def _pattern(v: Validator, shape: Shape, regex: Node, values: list[Node]) -> Found:
    flags = v.shapes.value(shape.node, SH.flags)
    compiled = _regex(str(regex), str(flags or ""))
    for value in values:
        if isinstance(value, BNode) or not compiled.search(str(value)):
            yield SH.PatternConstraintComponent, value


_REGEX_CACHE: dict[tuple[str, str], re.Pattern[str]] = {}


def _regex(pattern: str, flags: str) -> re.Pattern[str]:
    """Compile an XPath regex with SHACL's flags (``i``, ``s``, ``m``, ``x``; § 4.4.3)."""
    key = (pattern, flags)
    if key not in _REGEX_CACHE:
        bits = {"i": re.I, "s": re.S, "m": re.M, "x": re.X}
        _REGEX_CACHE[key] = re.compile(pattern, sum((bits[f] for f in flags if f in bits), 0))
    return _REGEX_CACHE[key]


def _min_count(_: Validator, __: Shape, limit: Node, values: list[Node]) -> Found:
    if len(values) < int(limit):
        yield SH.MinCountConstraintComponent, None


def _max_count(_: Validator, __: Shape, limit: Node, values: list[Node]) -> Found:
    if len(values) > int(limit):
        yield SH.MaxCountConstraintComponent, None


def _unique_lang(_: Validator, __: Shape, flag: Node, values: list[Node]) -> Found:
    if flag != Literal(True):
        return
    seen: dict[str, int] = {}
    for value in values:
        if isinstance(value, Literal) and value.language:
            seen[value.language.lower()] = seen.get(value.language.lower(), 0) + 1
    for lang, count in sorted(seen.items()):
        if count > 1:
            yield SH.UniqueLangConstraintComponent, Literal(lang)


def _has_value(_: Validator, __: Shape, expected: Node, values: list[Node]) -> Found:
    if expected not in values:
        yield SH.HasValueConstraintComponent, None


def _qualified(v: Validator, shape: Shape, qualified: Node, values: list[Node]) -> Found:
    """§ 4.7.3, without ``sh:qualifiedValueShapesDisjoint``, which no shape here uses."""
    matching = sum(v.conforms(value, qualified) for value in values)
    low = v.shapes.value(shape.node, SH.qualifiedMinCount)
    high = v.shapes.value(shape.node, SH.qualifiedMaxCount)
    if low is not None and matching < int(low):
        yield SH.QualifiedMinCountConstraintComponent, None
    if high is not None and matching > int(high):
        yield SH.QualifiedMaxCountConstraintComponent, None


def _no_personal_identity_code(v: Validator, _: Shape, flag: Node, values: list[Node]) -> Found:
    """Every literal of the focus node: no checksum-valid Finnish personal identity code (shapes/personal-data.ttl)."""
    if flag != Literal(True):
        return
    for focus in values:
        for _, obj in v.data.graph.predicate_objects(focus):
            if isinstance(obj, Literal) and find_identity_codes(str(obj)):
                yield TVKS.NoPersonalIdentityCodeConstraintComponent, obj


_CHECKS: dict[Node, Callable[[Validator, Shape, Node, list[Node]], Iterable[tuple[URIRef, Node | None]]]] = {
    SH["class"]: _values(_class, SH.ClassConstraintComponent),
    SH.datatype: _values(_datatype, SH.DatatypeConstraintComponent),
    SH.nodeKind: _values(_node_kind, SH.NodeKindConstraintComponent),
    SH.minLength: _values(_min_length, SH.MinLengthConstraintComponent),
    SH.maxLength: _values(_max_length, SH.MaxLengthConstraintComponent),
    SH.languageIn: _values(_language_in, SH.LanguageInConstraintComponent),
    SH["in"]: _values(_in, SH.InConstraintComponent),
    SH.node: _values(_node, SH.NodeConstraintComponent),
    SH["not"]: _values(_not, SH.NotConstraintComponent),
    SH["and"]: _values(_and, SH.AndConstraintComponent),
    SH["or"]: _values(_or, SH.OrConstraintComponent),
    SH.xone: _values(_xone, SH.XoneConstraintComponent),
    SH.pattern: _pattern,
    SH.minCount: _min_count,
    SH.maxCount: _max_count,
    SH.uniqueLang: _unique_lang,
    SH.hasValue: _has_value,
    SH.qualifiedValueShape: _qualified,
    TVKS.noPersonalIdentityCode: _no_personal_identity_code,
}
"""Constraint parameter → its check, in the order of the recommendation's § 4."""


def validate(data: Graph, shapes: ShapesGraph) -> list[Result]:
    """Validate ``data`` against ``shapes``; no inference, no graph beyond ``data`` (§ 3)."""
    return Validator(shapes, DataGraph(data)).run()
