"""A SHACL Core engine, fast enough to run on every build, for our shapes and for anyone's.

Why not pySHACL: it evaluates every constraint of every shape on every focus node through generic
machinery, about 10 ms per dataset with SEMIC's shapes, so a catalogue of 10 000 datasets takes
minutes. This engine reads the data graph as Oxigraph's parse indexed by subject
(``rdf/triples.py``) and checks constraints with dictionary lookups, a node's predicates choosing
the property shapes to run.

It implements all of SHACL Core (https://www.w3.org/TR/shacl/; ``tests/test_w3c_shacl.py`` runs
the W3C Core test suite on it) and the two SHACL-AF/SHACL-SPARQL features ``shapes/`` uses, and
**refuses**, naming it, a shapes graph that uses any other SHACL-SPARQL, SHACL-AF or SHACL-JS
feature or a constraint component declared in the shapes graph, so no shape is ever silently
skipped. The shapes graph is first checked with SHACL's shapes for shapes (``wellformed.py``):
ill-formed shapes are refused by name, or with ``skip_ill_formed`` left out with the shapes that
need their verdict and listed in :attr:`ShapesGraph.skipped`. Comparisons follow SPARQL's
operators and XSD 1.1's partial order of dates (:func:`_order`); ``sh:pattern`` is XPath's regex
language (``xpath_regex.py``), with a time limit per value. Predicates in the ``sh:`` namespace
that SHACL does not define (SEMIC's ``sh:shape``) are ignored, as pySHACL ignores them, and
listed in :attr:`ShapesGraph.unknown` for the caller to say so. ``tests/test_shapes.py`` runs
pySHACL on our shapes and checks that both find the same results.

==============  ====================================================================================
§ 2.1.3         targets: ``sh:targetClass`` (with ``rdfs:subClassOf`` in the data graph), implicit
                class targets (a shape that is an ``rdfs:Class`` or ``owl:Class``),
                ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``; the SHACL-AF
                target type ``tvks:EverySubject`` (shapes/personal-data.ttl)
§ 2.3.1         paths: predicate, sequence, ``sh:alternativePath``, ``sh:inversePath``,
                ``sh:zeroOrMorePath``, ``sh:oneOrMorePath``, ``sh:zeroOrOnePath``, nested freely
§ 2.1.4, 2.1.5  ``sh:severity`` (any IRI), ``sh:message``, ``sh:deactivated``
§ 4             the constraint parameters of :data:`COMPILERS`, the one table of what is evaluated:
PARAMETERS
==============  ====================================================================================

``tvks:noPersonalIdentityCode`` is our own component (shapes/personal-data.ttl): its SPARQL
validator is for other engines; this one runs the same check in Python (see ``pic.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple, Union
from urllib.parse import unquote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat.errors import KaskoError
from kasko_dcat.rdf.namespaces import OWL, RDF, RDFS, SH, TVKS, XSD
from kasko_dcat.rdf.triples import Triples, vocabulary_term
from kasko_dcat.shacl.pic import find_identity_codes, no_code_in_ascii
from kasko_dcat.shacl.xpath_regex import TIME_LIMIT, NotXPath, PatternTimeout, compile_xpath

# --- the shapes graph ---------------------------------------------------------------------------

NOT_CONSTRAINTS = {
    RDF.type,
    SH.path,
    SH.property,
    SH.severity,
    SH.message,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    SH.deactivated,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
}
"""Shape predicates that are not constraints: targets, the path, severity, messages, annotations."""

REFUSED = {
    URIRef(f"{SH}{name}"): feature
    for names, feature in (
        (("sparql", "select", "ask", "update", "prefixes"), "SHACL-SPARQL"),
        (("rule", "condition", "expression", "values", "filterShape", "intersection", "union"), "SHACL-AF"),
        (("js", "jsFunctionName", "jsLibrary", "jsLibraryURL"), "SHACL-JS"),
    )
    for name in names
}
"""SHACL features beyond Core that this engine does not evaluate: a shape using one is refused."""


class ShapesError(KaskoError):
    """The shapes graph uses SHACL this engine does not implement, or is malformed.

    Raised with the reason in English, the language of the SHACL recommendation it cites.
    """

    def __init__(self, reason: str) -> None:
        super().__init__("cli-bad-shapes", reason=reason)


@dataclass(frozen=True)
class Path:
    """A SHACL property path (§ 2.3.1).

    ``kind`` is pred, inverse, sequence, alternative, zeroOrMore, oneOrMore or zeroOrOne.
    """

    kind: str
    iri: URIRef | None = None
    parts: tuple[Path, ...] = ()
    node: Node | None = None
    """The path's node in the shapes graph, copied into Turtle reports as ``sh:resultPath``."""

    @cached_property
    def predicates(self) -> tuple[URIRef, ...] | None:
        """An alternative path of predicates alone (``dct:title|dct:description``): its predicates; else None."""
        if self.kind == "alternative" and all(part.kind == "pred" for part in self.parts):
            return tuple(part.iri for part in self.parts)  # type: ignore[misc]
        return None

    def __str__(self) -> str:
        if self.kind == "pred":
            return str(self.iri)
        if self.kind == "inverse":
            return f"^{self.parts[0]}"
        if self.kind in _CLOSURES:
            return f"({self.parts[0]}){_CLOSURES[self.kind]}"
        return ("/" if self.kind == "sequence" else "|").join(f"({part})" for part in self.parts)


_CLOSURES = {"zeroOrMore": "*", "oneOrMore": "+", "zeroOrOne": "?"}
_PATH_KINDS = (
    (SH.inversePath, "inverse"),
    (SH.alternativePath, "alternative"),
    (SH.zeroOrMorePath, "zeroOrMore"),
    (SH.oneOrMorePath, "oneOrMore"),
    (SH.zeroOrOnePath, "zeroOrOne"),
)


@dataclass
class Shape:
    """One shape: its targets, path (property shapes only), severity, messages and constraints."""

    node: Node
    path: Path | None
    severity: URIRef
    messages: tuple[tuple[str, str], ...]
    """``sh:message`` as sorted (language, text) pairs (language "" when it has none)."""
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

    @cached_property
    def test(self) -> Callable[[Validator, Node], bool] | None:
        """A node shape's verdict on a value without making results, where it only tests the value itself.

        ``sh:node``, ``sh:or`` and ``sh:qualifiedValueShape`` ask a shape's verdict on each value, and
        most shapes they name test a language, a datatype or a class; None for any other shape. Read
        on the first validation, once the shapes graph is compiled.
        """
        if self.path is not None or self.properties or self.deactivated or not self.checks:
            return None
        if not all(type(check) is Each and check.leaf for check in self.checks):
            return None
        oks = [check.ok for check in self.checks]  # type: ignore[attr-defined]
        if len(oks) == 1:
            return oks[0]
        return lambda v, value: all(ok(v, value) for ok in oks)

    @cached_property
    def apply(self) -> Callable[[Validator, Shape, Node, list[Node], list[Result]], None]:
        """How the engine applies this shape to a focus node's values: a function made for it, else its general loop.

        A shape without property shapes (most of SEMIC's: ``sh:class`` and ``sh:nodeKind`` of one
        property) gets a function written for its own constraints, value tests inline, so applying it
        is one call rather than a dispatch on each constraint.
        """
        return _compiled(self) or Validator._apply

    @cached_property
    def sparse(self) -> bool:
        """Whether this is a node shape of :class:`Sparse` constraints alone, which can fail only where they say."""
        checks, properties = self.checks, self.properties
        return self.path is None and bool(checks) and not properties and all(type(c) is Sparse for c in checks)

    @cached_property
    def by_predicate(self) -> tuple[dict[Node, list[Shape]], list[Shape]]:
        """The property shapes that see only a node's values of one predicate, by that predicate; and the rest.

        A node with 20 predicates checked against a shape with 40 property shapes is then 20
        lookups, not 40; read on the first validation, once the shapes graph is compiled.
        """
        by_predicate: dict[Node, list[Shape]] = {}
        rest: list[Shape] = []
        for prop in self.properties:
            path = prop.path
            if path is None or path.kind != "pred" or prop.fires_on_nothing or prop.deactivated:
                rest.append(prop)
            else:
                by_predicate.setdefault(path.iri, []).append(prop)
        return by_predicate, rest


class Result(NamedTuple):
    """One ``sh:ValidationResult`` (§ 3.6.2).

    A named tuple, not a frozen dataclass, which sets each field through ``object.__setattr__``:
    made four times faster, for the 240 000 results of SEMIC's shapes on 10 000 plain datasets.
    """

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

    def sort_key(self) -> tuple[str, str, str, str, str, str]:
        """Order of results in every report, so reports are byte-stable."""
        value = "" if self.value is None else self.value.n3()
        return (str(self.focus), str(self.shape), value, str(self.path), str(self.component), str(self.severity))


class IllFormedShapes(ShapesError):
    """Shapes that break SHACL's syntax rules (see ``wellformed.py``), each named with what is wrong."""

    def __init__(self, found: dict[Node, list[str]]) -> None:
        lines = [f"{_name(node, True)}: {'; '.join(reasons)}" for node, reasons in _sorted_items(found)]
        shown = lines[:10] + ([f"… and {len(lines) - 10} more"] if len(lines) > 10 else [])
        super().__init__(" | ".join(shown))


def _sorted_items(found: dict[Node, list[str]]) -> list[tuple[Node, list[str]]]:
    return sorted(found.items(), key=lambda item: item[0].n3())


class ShapesGraph:
    """The parsed shapes: every shape that has a target, and the ones they refer to.

    Ill-formed shapes (SHACL's shapes for shapes, ``wellformed.py``) are refused unless
    ``skip_ill_formed``: then they, and the shapes that need their verdict (through ``sh:node``,
    ``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone`` or ``sh:qualifiedValueShape``), are not run
    and are listed in :attr:`skipped`. ``checked=False`` is for the shapes for shapes themselves.
    """

    def __init__(self, graph: Graph, skip_ill_formed: bool = False, *, checked: bool = True) -> None:
        self.graph = graph
        self._shapes: dict[Node, Shape] = {}
        self._lists: dict[Node, list[Node]] = {}
        self.unknown: set[URIRef] = set()
        """Predicates in the ``sh:`` namespace that SHACL does not define, met on shapes and ignored."""
        self.skipped: dict[Node, str] = {}
        """Shapes not run (``skip_ill_formed``) → why, in English."""
        components = {SH.ConstraintComponent, *_subclasses(graph, SH.ConstraintComponent)}
        self._declared = {
            parameter
            for component in {
                *(c for kind in components for c in graph.subjects(RDF.type, kind)),
                *graph.subjects(SH.parameter, None),
            }
            for declaration in graph.objects(component, SH.parameter)
            for parameter in graph.objects(declaration, SH.path)
        }
        if checked:
            from kasko_dcat.shacl.wellformed import ill_formed

            if found := ill_formed(graph):
                if not skip_ill_formed:
                    raise IllFormedShapes(found)
                self.skipped = _with_dependants(graph, found)
        for s, target in graph.subject_objects(SH.target):
            if graph.value(target, RDF.type) != TVKS.EverySubject:
                raise ShapesError(f"shape {_name(s)} has a SHACL-AF target other than tvks:EverySubject")
        self._implicit = implicit_class_targets(graph)
        try:
            self.targeted = [self.shape(node) for node in sorted(targeted(graph), key=str)]
        except RecursionError:
            raise ShapesError(_TOO_DEEP) from None

    def shape(self, node: Node) -> Shape:
        """Parse ``node`` as a shape once; shapes may refer to each other."""
        if node in self._shapes:
            return self._shapes[node]
        if node in self.skipped:  # not run: no checks, no results, as if deactivated
            self._shapes[node] = Shape(node, None, SH.Violation, (), [], [], deactivated=True)
            return self._shapes[node]
        g = self.graph
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise ShapesError(f"shape {_name(node)} has {len(paths)} values of sh:path; a property shape has one")
        path_node = paths[0] if paths else None
        severity = g.value(node, SH.severity, default=SH.Violation)
        targets = [(p, o if p == SH.targetNode else _shared(o)) for p, o in g.predicate_objects(node) if p in _TARGETS]
        if node in self._implicit:
            targets.append((SH.targetClass, _shared(node)))
        shape = Shape(
            node=node,
            path=None if path_node is None else self._path(path_node),
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
            messages=tuple(sorted({(m.language or ""): str(m) for m in g.objects(node, SH.message)}.items())),
            targets=targets,
            constraints=[],
            deactivated=g.value(node, SH.deactivated) == _TRUE,
        )
        self._shapes[node] = shape
        for p, o in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), po[1].n3())):
            if (parameter := COMPILERS.get(p)) is not None:
                shape.constraints.append((p, o))
                if (check := parameter.compile(self, node, o)) is not None:
                    shape.checks.append(check)
                    shape.fires_on_nothing |= parameter.fires_on_nothing
            elif p == SH.property:
                shape.properties.append(self.shape(o))
            elif p in REFUSED:
                raise ShapesError(
                    f"shape {_name(node)} uses {_name(p)} ({REFUSED[p]}), which kasko-dcat's engine does not implement"
                )
            elif p in self._declared:
                raise ShapesError(
                    f"shape {_name(node)} uses {_name(p)}, a parameter of a constraint component declared in "
                    "the shapes graph, which kasko-dcat's engine does not implement"
                )
            elif p not in NOT_CONSTRAINTS and p not in _COMPANIONS and str(p).startswith(str(SH)):
                self.unknown.add(p)
        return shape

    def list(self, head: Node) -> list[Node]:
        """An RDF list of the shapes graph as a Python list, read once."""
        if head not in self._lists:
            self._lists[head] = read_list(self.graph, head)
        return self._lists[head]

    def _path(self, node: Node) -> Path:
        return read_path(self.graph, node, self.list)


def read_path(
    graph: Graph,
    node: Node,
    items: Callable[[Node], list[Node]] | None = None,
    above: frozenset[Node] = frozenset(),
) -> Path:
    """A path as § 2.3.1 defines it; a node that is also a list is read as the sequence (as the W3C tests do).

    ``items`` reads an RDF list (the shapes graph's cache); by default the list is read from ``graph``.
    A path that contains itself (``above`` holds the path nodes around this one) is refused.
    """
    items = items or (lambda head: read_list(graph, head))
    if isinstance(node, URIRef):
        return Path("pred", iri=vocabulary_term(node), node=node)
    if node in above:
        raise ShapesError("a path contains itself (a blank node of sh:path is its own part); no value can be found")
    inner_above = above | {node}
    if isinstance(node, BNode):
        if graph.value(node, RDF.first) is not None:
            parts = tuple(read_path(graph, p, items, inner_above) for p in items(node))
            return Path("sequence", parts=parts, node=node)
        for predicate, kind in _PATH_KINDS:
            if (inner := graph.value(node, predicate)) is not None:
                members = items(inner) if kind == "alternative" else [inner]
                parts = tuple(read_path(graph, p, items, inner_above) for p in members)
                return Path(kind, parts=parts, node=node)
    raise ShapesError(f"a path in {_name(node)} is not a predicate, sequence, alternative, inverse or closure path")


def _subclasses(graph: Graph, cls: Node) -> set[Node]:
    """Every ``rdfs:subClassOf`` descendant of ``cls`` in ``graph``."""
    found: set[Node] = set()
    todo = [cls]
    while todo:
        for sub in graph.subjects(RDFS.subClassOf, todo.pop()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


_NEEDS_VERDICT = (SH.node, SH["not"], SH.qualifiedValueShape)
_NEEDS_VERDICTS = (SH["and"], SH["or"], SH.xone)


def _with_dependants(graph: Graph, found: dict[Node, list[str]]) -> dict[Node, str]:
    """The ill-formed shapes and, transitively, every shape whose result depends on a skipped one's verdict.

    A shape that loses a property shape still runs without it, but its verdict is no longer whole:
    a shape that asks for that verdict (``sh:node``, ``sh:or`` …) is skipped too.
    """
    skipped = {node: "ill-formed: " + "; ".join(reasons) for node, reasons in found.items()}
    todo = list(found)
    partial: set[Node] = set()
    while todo:
        node = todo.pop()
        for whole in graph.subjects(SH.property, node):  # runs without it, but its verdict is not whole
            if whole not in partial:
                partial.add(whole)
                todo.append(whole)
        parents = [s for p in _NEEDS_VERDICT for s in graph.subjects(p, node)]
        for head in _list_heads(graph, node):
            parents.extend(s for p in _NEEDS_VERDICTS for s in graph.subjects(p, head))
        for parent in parents:
            if parent not in skipped:
                skipped[parent] = f"needs the verdict of {_name(node, True)}, which is skipped or runs in part"
                todo.append(parent)
    return skipped


def _list_heads(graph: Graph, member: Node) -> list[Node]:
    """The heads of the RDF lists ``member`` is in."""
    heads = []
    for cell in graph.subjects(RDF.first, member):
        seen = {cell}
        while (previous := graph.value(None, RDF.rest, cell)) is not None and previous not in seen:
            seen.add(previous)
            cell = previous
        heads.append(cell)
    return heads


def read_list(graph: Graph, head: Node) -> list[Node]:
    """The members of an RDF list; a list that runs back into itself or is broken is refused by name."""
    members: list[Node] = []
    seen: set[Node] = set()
    node = head
    while node != RDF.nil:
        if node in seen:
            raise ShapesError(f"the RDF list {_list_name(head)} runs back into itself (rdf:rest is cyclic)")
        seen.add(node)
        first = list(graph.objects(node, RDF.first))
        rest = list(graph.objects(node, RDF.rest))
        if len(first) != 1 or len(rest) != 1:
            raise ShapesError(
                f"the RDF list {_list_name(head)} is broken: a member has {len(first)} rdf:first and {len(rest)} "
                "rdf:rest where a list has one of each"
            )
        members.append(first[0])
        node = rest[0]
    return members


def _list_name(head: Node) -> str:
    return head.n3() if isinstance(head, URIRef) else "(a blank node)"


_TOO_DEEP = (
    "the shapes nest deeper than kasko-dcat's engine follows (paths, sh:node, sh:property or logical "
    "constraints inside one another, or a path that contains itself)"
)


def targeted(graph: Graph) -> set[Node]:
    """The shapes of ``graph`` that have targets, implicit class targets included (§ 2.1.3)."""
    return {s for p in _TARGETS for s in graph.subjects(p, None)} | implicit_class_targets(graph)


def implicit_class_targets(graph: Graph) -> set[Node]:
    """Shapes that are also classes (``rdfs:Class`` or ``owl:Class``), so target their own instances (§ 2.1.3.3)."""
    classes = {s for kind in (RDFS.Class, OWL.Class) for s in graph.subjects(RDF.type, kind)}
    return {s for kind in (SH.NodeShape, SH.PropertyShape) for s in graph.subjects(RDF.type, kind) if s in classes}


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def _name(node: Node, with_label: bool = False) -> str:
    """A shape or term as messages name it; a blank node by its label when ``with_label`` (reports list it)."""
    if isinstance(node, URIRef):
        return f"sh:{node.removeprefix(str(SH))}" if node.startswith(str(SH)) else node.n3()
    return f"a blank-node shape (_:{node})" if with_label else "a blank-node shape"


# --- the data graph -----------------------------------------------------------------------------


class DataGraph(Triples):
    """The data graph as the engine reads it: :class:`Triples`' subject index, and what SHACL derives from it.

    One lookup per (focus node, predicate) costs less than any pattern query of rdflib's stores,
    which answer through a generator per triple; shapes ask for about 80 predicates.
    """

    @classmethod
    def of(cls, graph: Triples | Graph) -> DataGraph:
        """The data graph of triples already read (shared, not copied), or of an rdflib graph built in memory."""
        if isinstance(graph, DataGraph):
            return graph
        if isinstance(graph, Triples):
            return cls(graph.index, len(graph), graph.prefixes, terms=graph.terms)
        return super().of(graph)  # type: ignore[return-value]

    @cached_property
    def _superclasses(self) -> dict[Node, set[Node]]:
        """Each class with itself and its ``rdfs:subClassOf`` ancestors in the data graph (§ 2.1.3.3)."""
        parents = {s: pairs[_SUBCLASS_OF] for s, pairs in self.index.items() if _SUBCLASS_OF in pairs}
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
        # Each term is searched once: a term read from a file is one object however often it recurs
        # (rdf/triples.py), and such a graph lists its terms. ASCII texts are screened together, in
        # one search; most graphs hold no code, and are then not walked again.
        index = self.index
        if (terms := self.terms) is None:
            terms = list(
                {id(term): term for pairs in index.values() for objects in pairs.values() for term in objects}.values()
            )
        plain: list[Node] = []  # read as written (an IRI with a %-escape is read decoded)
        other: list[Node] = []
        for term in terms:
            if type(term) is not BNode:
                (plain if term.isascii() and (type(term) is Literal or "%" not in term) else other).append(term)
        suspects = other if no_code_in_ascii(plain) else other + plain
        holders = {id(term) for term in suspects if _holds_identity_code(term)}
        found: dict[Node, list[Node]] = {}
        if holders:
            for s, pairs in index.items():
                for objects in pairs.values():
                    for term in objects:
                        if id(term) in holders:
                            found.setdefault(s, []).append(term)
        return found

    @property
    def identity_code_holders(self) -> Collection[Node]:
        """The nodes with a value that holds a personal identity code."""
        return self._identity_codes.keys()

    def identity_codes(self, node: Node) -> list[Node]:
        """The values of ``node`` (literals and IRIs) that hold a valid Finnish personal identity code."""
        return self._identity_codes.get(node, [])

    def is_instance(self, node: Node, cls: Node) -> bool:
        """SHACL instance: a type of ``node`` is ``cls`` or one of its subclasses."""
        types = self.objects(node, _TYPE)
        if cls in types:  # a list's ``in`` tries identity first: no call of rdflib's __eq__ for the common case
            return True
        superclasses = self._superclasses
        return bool(superclasses) and any(cls in superclasses.get(t, ()) for t in types)

    @cached_property
    def _instances(self) -> dict[Node, list[Node]]:
        """Each class asked for → its instances (see :meth:`instances`)."""
        return {}

    def instances(self, cls: Node) -> list[Node]:
        """Every SHACL instance of ``cls``; listed once per class, as many shapes target the same classes."""
        if (found := self._instances.get(cls)) is None:
            classes = [cls, *(c for c, sups in self._superclasses.items() if cls in sups and c != cls)]
            found = self._instances[cls] = list(
                dict.fromkeys(node for c in classes for node in self.subjects(_TYPE, c))
            )
        return found

    @cached_property
    def _own_literals(self) -> dict[Node, Node]:
        """Each literal of the graph → itself: the graph's own object for an equal literal (see :meth:`own`)."""
        index = self.index
        return {o: o for pairs in index.values() for objects in pairs.values() for o in objects if type(o) is Literal}

    def own(self, term: Node) -> Node:
        """The graph's own object for ``term`` (a ``sh:targetNode`` of the shapes graph): :meth:`distinct` needs it."""
        if self.one_object_per_literal and type(term) is Literal:
            return self._own_literals.get(term, term)
        return term

    def distinct(self, values: Iterable[Node]) -> list[Node]:
        """Each value once, in order; a literal by identity where equal literals are one object (hashed in Python)."""
        if self.one_object_per_literal:
            return list({id(value) if type(value) is Literal else value: value for value in values}.values())
        return list(dict.fromkeys(values))

    def values(self, focus: Node, path: Path, inverse: bool = False) -> list[Node]:
        """The value nodes of ``path`` from ``focus`` (§ 2.3.1), or of its inverse; without duplicates."""
        kind = path.kind
        if kind == "pred":
            return self.subjects(path.iri, focus) if inverse else self.objects(focus, path.iri)
        if kind == "inverse":
            return self.values(focus, path.parts[0], not inverse)
        if kind == "sequence":
            nodes = [focus]
            for part in reversed(path.parts) if inverse else path.parts:
                nodes = self.distinct(v for n in nodes for v in self.values(n, part, inverse))
            return nodes
        if kind == "alternative":
            if not inverse and (predicates := path.predicates) is not None:  # free text in any of 11 predicates
                pairs = self.index.get(focus)
                if pairs is None:
                    return _NO_VALUES
                found = [objects for predicate in predicates if (objects := pairs.get(predicate)) is not None]
                if len(found) < 2:
                    return found[0] if found else _NO_VALUES
                return self.distinct(value for objects in found for value in objects)
            return self.distinct(v for part in path.parts for v in self.values(focus, part, inverse))
        step = path.parts[0]
        if kind == "zeroOrOne":
            return self.distinct([focus, *self.values(focus, step, inverse)])
        reached: dict[Node, None] = {focus: None} if kind == "zeroOrMore" else {}
        todo = [focus]
        while todo:
            for value in self.values(todo.pop(), step, inverse):
                if value not in reached:
                    reached[value] = None
                    todo.append(value)
        return list(reached)


_TYPE = vocabulary_term(RDF.type)  # an attribute of rdflib's namespaces makes a new URIRef each time
_SUBCLASS_OF = vocabulary_term(RDFS.subClassOf)

# --- evaluation ---------------------------------------------------------------------------------

Found = Iterable[tuple[URIRef, Node | None, Path | None]]
"""What a constraint yields per result: the component, the value (if any), and a path other than
the shape's (only ``sh:closed`` names one: the unexpected predicate)."""

Check = Union[Callable[["Validator", Node, list[Node]], Found], "Each", "Count"]  # Each, Count: defined below
"""A constraint compiled with its arguments: a test of each value (:class:`Each`), a count
(:class:`Count`), both run by the engine's own loop, or a function applied to one focus node and its
value nodes (``sh:qualifiedValueShape``, ``sh:equals``, ``sh:closed`` …), alone or with the nodes
where it can fail (:class:`Sparse`, a callable)."""


def _compiled(shape: Shape) -> Callable[[Validator, Shape, Node, list[Node], list[Result]], None] | None:
    """A function applying ``shape`` (see :attr:`Shape.apply`); None for a shape with property shapes.

    The constraints that may ask another shape's verdict (``sh:node``, ``sh:or``,
    ``sh:qualifiedValueShape`` …) run in the shape's order, as in the general loop: in a cycle of
    shapes one may meet a shape still being decided, and the verdicts then depend on the order.
    Value tests that ask none share one walk of the values between them; counts ask nothing and
    come last. The text names the shape's constants and never holds them: they are the arguments
    of a maker compiled once per text (shapes of the same constraints in the same order share it),
    whose closure holds them.
    """
    if shape.deactivated or shape.properties or not 0 < len(shape.checks) <= _COMPILED_MAX_CHECKS:
        return None
    constants: dict[str, object] = {"NODE": shape.node, "SEVERITY": shape.severity}
    constants |= {"PATH": shape.path, "MESSAGES": shape.messages}
    lines: list[str] = []  # the body of apply
    walk: list[str] = []  # the tests of the current walk of the values
    counts: list[str] = []

    def end_walk() -> None:
        if walk:
            lines.append("        for value in values:")
            lines.extend(walk)
            walk.clear()

    for number, check in enumerate(shape.checks):
        constants[f"COMPONENT_{number}"] = getattr(check, "component", None)
        if type(check) is Each:
            expression, values = check.inline
            names = {name: f"{name}_{number}" for name in values}
            constants |= {names[name]: value for name, value in values.items()}
            walk.append(f"            if not ({expression.format(**names)}):")
            walk.append(f"                found.append(Result({_RESULT.format(number=number, value='value')}))")
            if not check.leaf:
                end_walk()
            continue
        if type(check) is Count:
            constants |= {f"LOW_{number}": check.low, f"HIGH_{number}": check.high}
            counts.append(f"        if not LOW_{number} <= len(values) <= HIGH_{number}:")
            counts.append(f"            found.append(Result({_RESULT.format(number=number, value='None')}))")
            continue
        end_walk()
        constants[f"CHECK_{number}"] = check
        lines.append(f"        for component, value, other_path in CHECK_{number}(v, focus, values):")
        lines.append(f"            found.append(Result({_OTHER_RESULT}))")
    end_walk()
    lines.extend(counts)
    head = [f"def make({', '.join(constants)}):", "    def apply(v, shape, focus, values, found):"]
    if any(type(check) is Each for check in shape.checks):
        head.append("        index = v.data.index")
    source = "\n".join([*head, *lines, "    return apply"])
    if (make := _MAKERS.get(source)) is None:
        namespace: dict[str, object] = {"Result": Result}
        # Our own text of names (the values are the maker's arguments), named for a traceback.
        exec(compile(source, "<kasko-dcat: a shape's function>", "exec"), namespace)
        make = _MAKERS[source] = namespace["make"]  # type: ignore[assignment]
    return make(*constants.values())


_COMPILED_MAX_CHECKS = 64
"""Constraints of the largest shape given a function of its own: a shapes file of thousands of
constraints on one shape is run by the general loop, not compiled into a function as long (ours
have at most four)."""
_RESULT = "focus, NODE, SEVERITY, COMPONENT_{number}, PATH, {value}, MESSAGES"
_OTHER_RESULT = "focus, NODE, SEVERITY, component, other_path or PATH, value, MESSAGES"
_MAKERS: dict[str, Callable[..., Callable[[Validator, Shape, Node, list[Node], list[Result]], None]]] = {}
"""Each text of :func:`_compiled`'s makers, compiled once per process."""


class Validator:
    """Validates one data graph against one shapes graph."""

    def __init__(self, shapes: ShapesGraph, data: DataGraph) -> None:
        self.shapes = shapes
        self.data = data
        self._conforms: dict[tuple[int, int], tuple[Node, bool]] = {}

    def run(self) -> list[Result]:
        """Every result of every targeted shape, in a stable order; equal results are all kept (§ 3.6)."""
        found: list[Result] = []
        # Targeted property shapes of one predicate (SEMIC writes one per property of a class, so
        # about 150 target dcat:Dataset) run together per target: each focus node is looked up once
        # and its own predicates pick the shapes, as in _apply; the shapes a node without the
        # predicate can fail (sh:minCount …) run on every focus node.
        groups: dict[tuple[tuple[URIRef, Node], ...], tuple[list[Shape], dict[Node, list[Shape]]]] = {}
        targeted = self.shapes.targeted
        self.data.know_subjects(
            o for shape in targeted if not shape.deactivated for p, o in shape.targets if p == SH.targetSubjectsOf
        )
        for shape in targeted:
            path = shape.path
            if shape.deactivated:
                continue
            if path is None or path.kind != "pred":
                nodes = self.focus_nodes(shape.targets)
                if shape.sparse:  # only the nodes its constraints can fail at
                    where = [check.where(self) for check in shape.checks]  # type: ignore[union-attr]
                    nodes = [node for node in nodes if any(node in nodes_of for nodes_of in where)]
                for focus in nodes:
                    self._collect(shape, focus, found)
                continue
            always, by_predicate = groups.setdefault(tuple(shape.targets), ([], {}))
            if shape.fires_on_nothing:
                always.append(shape)
            else:
                by_predicate.setdefault(path.iri, []).append(shape)
        index = self.data.index
        for targets, (always, by_predicate) in groups.items():
            # Each shape with how it is applied, looked up once per group rather than once per focus node.
            always_applied = [(shape.apply, shape, shape.path.iri) for shape in always]  # type: ignore[union-attr]
            applied = {
                predicate: [(shape.apply, shape) for shape in shapes] for predicate, shapes in by_predicate.items()
            }
            for focus in self.focus_nodes(list(targets)):
                pairs = index.get(focus, _NO_PAIRS)
                for apply, shape, predicate in always_applied:
                    apply(self, shape, focus, pairs.get(predicate, _NO_VALUES), found)
                if len(applied) < len(pairs):  # the shorter of the two is walked
                    for predicate, shapes in applied.items():
                        if (values := pairs.get(predicate)) is not None:
                            for apply, shape in shapes:
                                apply(self, shape, focus, values, found)
                    continue
                for predicate, values in pairs.items():
                    for apply, shape in applied.get(predicate, ()):
                        apply(self, shape, focus, values, found)
        return sorted(found, key=Result.sort_key)

    def focus_nodes(self, targets: list[tuple[URIRef, Node]]) -> list[Node]:
        """The focus nodes of a shape's ``targets`` (§ 2.1.3), each once."""
        nodes: list[Node] = []
        for kind, value in targets:
            if kind == SH.targetClass:
                nodes.extend(self.data.instances(value))
            elif kind == SH.targetNode:
                nodes.append(self.data.own(value))
            elif kind == SH.targetSubjectsOf:
                nodes.extend(self.data.subjects(value))
            elif kind == SH.target:  # tvks:EverySubject, the only one ShapesGraph accepts
                nodes.extend(self.data.subjects())
            else:
                nodes.extend(self.data.object_nodes(value))
        return list(dict.fromkeys(nodes))

    def check(self, shape: Shape, focus: Node) -> list[Result]:
        """The results of validating ``focus`` against ``shape`` and its property shapes."""
        found: list[Result] = []
        self._collect(shape, focus, found)
        return found

    def _collect(self, shape: Shape, focus: Node, found: list[Result]) -> None:
        """Append to ``found`` the results of ``focus`` against ``shape`` and its property shapes.

        One list for a whole run, not a generator per (shape, node), whose set-up took most of the time.
        """
        if (values := self._values(shape, focus)) is not None:
            shape.apply(self, shape, focus, values, found)

    def _values(self, shape: Shape, focus: Node) -> list[Node] | None:
        """The value nodes of ``shape`` at ``focus``; None where the shape cannot fail there (no value, none needed)."""
        path = shape.path
        if path is None:
            return [focus]
        values = self.data.objects(focus, path.iri) if path.kind == "pred" else self.data.values(focus, path)
        return values if values or shape.fires_on_nothing else None

    def _apply(self, shape: Shape, focus: Node, values: list[Node], found: list[Result]) -> None:
        """:meth:`_collect` once the value nodes are known: the general loop (see :attr:`Shape.apply`)."""
        if shape.deactivated:
            return
        for check in shape.checks:
            kind = type(check)
            if kind is Each:  # most constraints: tested here, with no generator per focus node
                ok, component = check.ok, check.component
                for value in values:
                    if not ok(self, value):
                        node, severity, messages = shape.node, shape.severity, shape.messages
                        found.append(Result(focus, node, severity, component, shape.path, value, messages))
                continue
            if kind is Count:
                if not check.low <= len(values) <= check.high:
                    node, severity, messages = shape.node, shape.severity, shape.messages
                    found.append(Result(focus, node, severity, check.component, shape.path, None, messages))
                continue
            for component, value, other_path in check(self, focus, values):
                found.append(
                    Result(
                        focus, shape.node, shape.severity, component, other_path or shape.path, value, shape.messages
                    )
                )
        if not shape.properties:
            return
        by_predicate, rest = shape.by_predicate
        for prop in rest:
            for value in values:
                self._collect(prop, value, found)
        if not by_predicate:
            return
        index = self.data.index
        for value in values:
            # A node's predicates, not the shape's property shapes, are walked: most property shapes
            # constrain an optional predicate the node does not have.
            pairs = index.get(value)
            if pairs is not None:
                for predicate, prop_values in pairs.items():
                    for prop in by_predicate.get(predicate, _NO_SHAPES):
                        prop.apply(self, prop, value, prop_values, found)

    def _holds(self, shape: Shape, focus: Node) -> bool:
        """Whether :meth:`check` finds nothing, found without making results: stops at the first failure."""
        if shape.deactivated or (values := self._values(shape, focus)) is None:
            return True
        for check in shape.checks:
            kind = type(check)
            if kind is Each:
                ok = check.ok
                if not all(ok(self, value) for value in values):
                    return False
            elif kind is Count:
                if not check.low <= len(values) <= check.high:
                    return False
            elif any(True for _ in check(self, focus, values)):
                return False
        return all(self._holds(prop, value) for prop in shape.properties for value in values)

    def conforms(self, node: Node, shape: Shape) -> bool:
        """Whether ``node`` conforms to a shape referred to by ``sh:node``, ``sh:or``, … (any severity)."""
        if (test := shape.test) is not None:
            return test(self, node)
        # Keyed by identity (a Literal hashes in Python, a million times with our shapes' sh:or); the
        # entry holds the term, so its id cannot be reused while the entry stands (shapes live as long).
        key = (id(node), id(shape))
        if (known := self._conforms.get(key)) is None:
            self._conforms[key] = (node, True)  # a shape that refers back to itself does not loop
            known = self._conforms[key] = (node, self._holds(shape, node))
        return known[1]


_TRUE = Literal(True)
_NO_SHAPES: list[Shape] = []
_NO_VALUES: list[Node] = []
_NO_PAIRS: dict[Node, list[Node]] = {}
_NONE: Found = ()
"""What a check returns that finds nothing: checks return lists rather than generators, cheaper to make."""


def validate(data: Triples | Graph, shapes: ShapesGraph) -> list[Result]:
    """Validate ``data`` against ``shapes``; no inference, no graph beyond ``data`` (§ 3)."""
    try:
        return Validator(shapes, DataGraph.of(data)).run()
    except RecursionError:
        raise ShapesError(_TOO_DEEP) from None


# --- constraints (§ 4) --------------------------------------------------------------------------

Compiler = Callable[[ShapesGraph, Node, Node], "Check | None"]
"""Reads one constraint parameter of a shape (shapes graph, shape, value) into a check; None if it checks nothing."""


class Each:
    """A constraint tested on each value node on its own: a result per value that fails ``ok``.

    A class, not a closure, so that the engine can call ``ok`` in its own loop (no generator per
    focus node) and can test a value against a shape made only of such constraints without making
    results (see :attr:`Shape.test`). ``leaf``: ``ok`` asks no other shape's verdict.
    """

    __slots__ = ("component", "inline", "leaf", "ok")

    def __init__(
        self,
        component: URIRef,
        ok: Callable[[Validator, Node], bool],
        leaf: bool = True,
        inline: tuple[str, dict[str, object]] | None = None,
    ) -> None:
        self.component = component
        self.ok = ok
        self.leaf = leaf
        self.inline = inline or ("{ok}(v, value)", {"ok": ok})
        """``ok`` as an expression of ``v``, ``value`` and ``index`` (the data's) with ``{name}`` for each
        constant, and the constants by name, for :func:`_compiled`: by default a call of ``ok``."""


def _shared(term: Node) -> Node:
    """A class or predicate IRI as the one object the data graph shares (see ``vocabulary_term``)."""
    return vocabulary_term(term) if isinstance(term, URIRef) else term


def _class(_: ShapesGraph, __: Node, cls: Node) -> Check:
    cls = _shared(cls)
    # Inline: the common case, a type that is the class itself, without a call (see _compiled).
    inline = "{cls} in index.get(value, {no_pairs}).get({type}, {no_values}) or v.data.is_instance(value, {cls})"
    constants = {"cls": cls, "no_pairs": _NO_PAIRS, "type": _TYPE, "no_values": _NO_VALUES}

    def ok(v: Validator, value: Node) -> bool:
        return v.data.is_instance(value, cls)

    return Each(SH.ClassConstraintComponent, ok, inline=(inline, constants))


_NODE_KINDS: dict[Node, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.Literal: (Literal,),
    SH.BlankNode: (BNode,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def _node_kind(_: ShapesGraph, shape: Node, kind: Node) -> Check:
    if kind not in _NODE_KINDS:
        raise ShapesError(f"shape {_name(shape)} has sh:nodeKind {_name(kind)}, which is not a node kind")
    kinds = _NODE_KINDS[kind]
    exact = frozenset(kinds)  # rdflib's terms are ABCs: isinstance() of another kind than the first calls Python
    inline = ("type(value) in {exact} or isinstance(value, {kinds})", {"exact": exact, "kinds": kinds})
    return Each(SH.NodeKindConstraintComponent, lambda _, value: isinstance(value, kinds), inline=inline)


_TIMEZONE = r"(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?([1-9]\d{3,}|0\d{3})"


def _ascii(pattern: str) -> re.Pattern[str]:
    """XSD's digits are 0-9 only; Python's ``\\d`` (and int(), float()) take any Unicode digit."""
    return re.compile(pattern, re.ASCII)


_LEXICAL = {
    XSD.gYear: _ascii(_YEAR + _TIMEZONE),
    XSD.gYearMonth: _ascii(_YEAR + r"-(0[1-9]|1[0-2])" + _TIMEZONE),
    XSD.date: _ascii(_YEAR + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _TIMEZONE),
    XSD.dateTime: _ascii(
        _YEAR
        + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?|24:00:00(\.0+)?)"
        + _TIMEZONE
    ),
    XSD.duration: _ascii(r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"),
    XSD.decimal: _ascii(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    XSD.integer: _ascii(r"[+-]?\d+"),
    XSD.nonNegativeInteger: _ascii(r"\+?\d+|-0+"),
    XSD.boolean: _ascii(r"true|false|1|0"),
    XSD.hexBinary: _ascii(r"([0-9a-fA-F]{2})*"),
    XSD.double: _ascii(r"[+-]?(\d+(\.\d*)?|\.\d+)([Ee][+-]?\d+)?|[+-]?INF|NaN"),
    XSD.float: _ascii(r"[+-]?(\d+(\.\d*)?|\.\d+)([Ee][+-]?\d+)?|[+-]?INF|NaN"),
} | {
    # Python's int(), which rdflib uses, takes " 12" and "1_000"; XSD's lexical forms do not
    XSD[name]: _ascii(r"[+-]?\d+")
    for name in (
        "long",
        "int",
        "short",
        "byte",
        "nonPositiveInteger",
        "negativeInteger",
        "positiveInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
"""Lexical forms of the XSD types the shapes use (XML Schema 1.1 Part 2). rdflib checks only some
(``ill_typed`` is None for the others), so a literal like ``"2020-13"^^xsd:gYearMonth`` would pass."""


def _datatype(_: ShapesGraph, __: Node, datatype: Node) -> Check:
    datatype = _shared(datatype)  # the data's datatypes are shared terms: most comparisons are by identity
    if datatype == RDF.langString:
        return Each(
            SH.DatatypeConstraintComponent,
            lambda _, value: type(value) is Literal and value._language is not None,
            inline=("type(value) is {literal} and value._language is not None", {"literal": Literal}),
        )

    def ok(_: Validator, value: Node) -> bool:
        if not isinstance(value, Literal):
            return False
        actual = value.datatype or (None if value.language else XSD.string)
        return (actual is datatype or actual == datatype) and _well_typed(value)

    return Each(SH.DatatypeConstraintComponent, ok)


def _well_typed(value: Literal) -> bool:
    """In its datatype's lexical space: rdflib's reading, held to XSD's forms where rdflib is lenient."""
    value = _typed(value)
    lexical = _LEXICAL.get(value.datatype) if value.datatype is not None else None
    return not value.ill_typed and (lexical is None or lexical.fullmatch(str(value)) is not None)


_END_OF_DAY = re.compile(r"(?P<day>[^T]*)(?P<t>T?)24:00:00(\.0+)?(?P<zone>Z|[+-]\d\d:\d\d)?")


def _typed(value: Node) -> Node:
    """The value, or for XSD 1.1's end of day the equal literal at 00:00:00 of the next day.

    XSD 1.1 Part 2 (§ 3.3.7, § 3.3.8) lets a dateTime or time end in ``24:00:00``, the first
    instant of the next day; Python's datetime has no hour 24, so rdflib marks the literal
    ill-typed and it would fail ``sh:datatype`` and every comparison though it is well typed.
    """
    if not isinstance(value, Literal) or not value.ill_typed or value.datatype not in (XSD.dateTime, XSD.time):
        return value
    match = _END_OF_DAY.fullmatch(str(value))
    lexical = _LEXICAL.get(value.datatype)  # the whole form first: "20-01-01T24:00:00" stays ill-typed
    if (
        match is None
        or bool(match["t"]) != (value.datatype == XSD.dateTime)
        or (lexical is not None and lexical.fullmatch(str(value)) is None)
    ):
        return value
    zone = match["zone"] or ""
    if value.datatype == XSD.time:
        return value if match["day"] else Literal("00:00:00" + zone, datatype=XSD.time)
    day = Literal(match["day"], datatype=XSD.date).value
    if not isinstance(day, date) or day == date.max:
        return value  # a date rdflib cannot hold stays as rdflib read it
    return Literal(f"{day + timedelta(days=1)}T00:00:00{zone}", datatype=XSD.dateTime)


class Count:
    """``sh:minCount`` or ``sh:maxCount``: one result, with no value, when the values are too few or too many.

    A class, as :class:`Each`, so that the engine tests the count in its own loop: SEMIC's shapes
    count a property of every dataset, once per mandatory property.
    """

    __slots__ = ("component", "high", "low")

    def __init__(self, component: URIRef, low: int = 0, high: float = math.inf) -> None:
        self.component = component
        self.low = low
        self.high = high


class Sparse:
    """A node's constraint that can fail only at the few nodes ``where`` lists, from an index of the data graph.

    The engine tests only the focus nodes among them: no personal identity code in 21 000 subjects
    is one lookup each, not a call of the check on each.
    """

    __slots__ = ("check", "where")

    def __init__(
        self,
        check: Callable[[Validator, Node, list[Node]], Found],
        where: Callable[[Validator], Collection[Node]],
    ) -> None:
        self.check = check
        self.where = where

    def __call__(self, v: Validator, focus: Node, values: list[Node]) -> Found:
        return self.check(v, focus, values)


def _min_count(_: ShapesGraph, __: Node, argument: Node) -> Check:
    return Count(SH.MinCountConstraintComponent, low=int(argument))


def _max_count(_: ShapesGraph, __: Node, argument: Node) -> Check:
    return Count(SH.MaxCountConstraintComponent, high=int(argument))


def _order(a: Node, b: Node) -> int | None:
    """-1, 0 or 1 as SPARQL's ``<`` orders two literals; None when SPARQL leaves it undefined (§ 4.3).

    Numbers are compared after XPath's promotion (a double or float makes both doubles; decimals
    and integers compare exactly), and NaN is ordered with nothing. Dates and times follow
    XSD 1.1's partial order (Part 2 § D.2.1 (b)): one with a timezone and one without compare only
    when they are more than 14 hours apart; otherwise the order is indeterminate, hence undefined.
    """
    if not (isinstance(a, Literal) and isinstance(b, Literal)) or not (_well_typed(a) and _well_typed(b)):
        return None
    a, b = _typed(a), _typed(b)
    x, y = a.value, b.value
    if _is_number(x) and _is_number(y):
        if isinstance(x, float) or isinstance(y, float):
            x, y = float(x), float(y)  # type: ignore[arg-type]
            if math.isnan(x) or math.isnan(y):
                return None
        return (x > y) - (x < y)
    if isinstance(x, str) and isinstance(y, str):
        if a.language or b.language or a.datatype not in _STRINGS or b.datatype not in _STRINGS:
            return None
        return (x > y) - (x < y)
    if isinstance(x, bool) and isinstance(y, bool):
        return (x > y) - (x < y)
    p, q = _instant(a), _instant(b)
    if p is None or q is None or p[0] != q[0]:
        return None
    (_, at, zoned), (_, other, other_zoned) = p, q
    if zoned == other_zoned:
        return (at > other) - (at < other)
    if at < other - _FOURTEEN_HOURS:
        return -1
    if at > other + _FOURTEEN_HOURS:
        return 1
    return None


_STRINGS = {None, XSD.string}
_FOURTEEN_HOURS = timedelta(hours=14)
_ZONE = re.compile(r"(Z|[+-]\d\d:\d\d)$")


def _instant(literal: Literal) -> tuple[str, datetime, bool] | None:
    """A date, dateTime or time as (kind, naive UTC instant, whether it has a timezone); None otherwise.

    rdflib drops an ``xsd:date``'s timezone, so it is read back from the lexical form.
    """
    value = literal.value
    if isinstance(value, datetime):
        kind, moment = "dateTime", value
    elif isinstance(value, date):
        kind, moment = "date", datetime.combine(value, time())
        if zone := _ZONE.search(str(literal)):
            text = zone.group(1)
            offset = timedelta(0) if text == "Z" else timedelta(hours=int(text[1:3]), minutes=int(text[4:6]))
            moment = moment.replace(tzinfo=timezone(-offset if text[0] == "-" else offset))
    elif isinstance(value, time):
        kind, moment = "time", datetime.combine(date(1972, 12, 31), value)
    else:
        return None
    if moment.tzinfo is None:
        return kind, moment, False
    return kind, moment.astimezone(UTC).replace(tzinfo=None), True


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _range(component: URIRef, accepts: Callable[[int], bool]) -> Compiler:
    def compile_range(_: ShapesGraph, __: Node, bound: Node) -> Check:
        def ok(_: Validator, value: Node) -> bool:
            order = _order(value, bound)
            return order is not None and accepts(order)

        return Each(component, ok)

    return compile_range


def _length(component: URIRef, accepts: Callable[[int, int], bool]) -> Compiler:
    def compile_length(_: ShapesGraph, __: Node, argument: Node) -> Check:
        limit = int(argument)
        return Each(component, lambda _, value: not isinstance(value, BNode) and accepts(len(str(value)), limit))

    return compile_length


def _pattern(shapes: ShapesGraph, shape: Node, argument: Node) -> Check:
    """§ 4.4.3, with XPath's regex semantics (see ``xpath_regex``); a pattern that is not XPath's is refused."""
    flags = str(shapes.graph.value(shape, SH.flags) or "")
    try:
        regex = compile_xpath(str(argument), flags)
    except NotXPath as exc:
        raise ShapesError(f"shape {_name(shape)} has sh:pattern {argument.n3()}: {exc}") from None

    known: dict[int, tuple[Node, bool]] = {}  # by the term's identity: an IRI of a code list recurs thousands of times

    def ok(_: Validator, value: Node) -> bool:
        if (verdict := known.get(id(value))) is not None:
            return verdict[1]
        if isinstance(value, BNode):
            return False
        try:
            found = bool(regex.search(str(value)))
        except PatternTimeout:
            raise ShapesError(
                f"shape {_name(shape)}: sh:pattern {argument.n3()} took more than {TIME_LIMIT:g} s on one value "
                f"({_short_value(value)}); the pattern backtracks without end, write it without nested repetition"
            ) from None
        known[id(value)] = (value, found)  # the entry holds the term, so its id is not reused meanwhile
        return found

    return Each(SH.PatternConstraintComponent, ok)


def _short_value(value: Node) -> str:
    text = value.n3()
    return text if len(text) <= 60 else text[:59] + "…"


def _language_in(shapes: ShapesGraph, _: Node, argument: Node) -> Check:
    ranges = {str(r).lower() for r in shapes.list(argument)}
    anything = "*" in ranges

    def ok(_: Validator, value: Node) -> bool:
        if type(value) is not Literal or not (lang := value._language):
            return False
        lang = lang.lower()
        # a range matches its tag and the tag's subtags (RFC 4647 basic filtering): "fi" takes "fi-FI"
        return anything or lang in ranges or ("-" in lang and any(lang.startswith(f"{r}-") for r in ranges))

    return Each(SH.LanguageInConstraintComponent, ok)


def _unique_lang(_: ShapesGraph, __: Node, argument: Node) -> Check | None:
    """One result per language tag used more than once, with no value (§ 4.4.5); only for ``true`` itself."""
    if argument != _TRUE:
        return None

    def check(_: Validator, __: Node, values: list[Node]) -> Found:
        tags = [lang.lower() for value in values if type(value) is Literal and (lang := value._language)]
        if len(set(tags)) == len(tags):
            return _NONE
        used = Counter(tags)
        return [(SH.UniqueLangConstraintComponent, None, None) for count in used.values() if count > 1]

    return check


def _equals(_: ShapesGraph, __: Node, predicate: Node) -> Check:
    predicate = _shared(predicate)

    def check(v: Validator, focus: Node, values: list[Node]) -> Found:
        others = v.data.objects(focus, predicate)
        yield from ((SH.EqualsConstraintComponent, value, None) for value in values if value not in others)
        yield from ((SH.EqualsConstraintComponent, other, None) for other in others if other not in values)

    return check


def _disjoint(_: ShapesGraph, __: Node, predicate: Node) -> Check:
    predicate = _shared(predicate)

    def check(v: Validator, focus: Node, values: list[Node]) -> Found:
        others = v.data.objects(focus, predicate)
        yield from ((SH.DisjointConstraintComponent, value, None) for value in values if value in others)

    return check


def _less(component: URIRef, accepts: Callable[[int], bool]) -> Compiler:
    def compile_less(_: ShapesGraph, __: Node, predicate: Node) -> Check:
        predicate = _shared(predicate)

        def check(v: Validator, focus: Node, values: list[Node]) -> Found:
            for value in values:
                for other in v.data.objects(focus, predicate):
                    order = _order(value, other)
                    if order is None or not accepts(order):
                        yield component, value, None

        return check

    return compile_less


def _holds_identity_code(term: Literal | URIRef) -> bool:
    return bool(find_identity_codes(unquote(term) if isinstance(term, URIRef) and "%" in term else term))


def _node(shapes: ShapesGraph, _: Node, argument: Node) -> Check:
    shape = shapes.shape(argument)
    return Each(SH.NodeConstraintComponent, lambda v, value: v.conforms(value, shape), leaf=False)


def _not(shapes: ShapesGraph, _: Node, argument: Node) -> Check:
    shape = shapes.shape(argument)
    return Each(SH.NotConstraintComponent, lambda v, value: not v.conforms(value, shape), leaf=False)


def _logical(component: URIRef, accepts: Callable[[int, int], bool]) -> Compiler:
    """``sh:and``, ``sh:or``, ``sh:xone``: how many of the listed shapes a value conforms to, of how many."""

    def compile_logical(shapes: ShapesGraph, _: Node, argument: Node) -> Check:
        members = tuple(shapes.shape(member) for member in shapes.list(argument))
        return Each(
            component, lambda v, value: accepts(sum(v.conforms(value, s) for s in members), len(members)), leaf=False
        )

    return compile_logical


def _qualified(shapes: ShapesGraph, shape: Node, qualified: Node) -> Check:
    """§ 4.7.3; with ``sh:qualifiedValueShapesDisjoint``, a value conforming to a sibling's shape too does not count."""
    g = shapes.graph
    low, high = g.value(shape, SH.qualifiedMinCount), g.value(shape, SH.qualifiedMaxCount)
    siblings: list[Node] = []
    if g.value(shape, SH.qualifiedValueShapesDisjoint) == _TRUE:
        siblings = sorted(
            {
                other
                for parent in g.subjects(SH.property, shape)
                for sibling in g.objects(parent, SH.property)
                for other in g.objects(sibling, SH.qualifiedValueShape)
                if other != qualified
            },
            key=str,
        )
    wanted, others = shapes.shape(qualified), [shapes.shape(node) for node in siblings]

    fewest = -1 if low is None else int(low)
    most = math.inf if high is None else int(high)

    def check(v: Validator, _: Node, values: list[Node]) -> Found:
        if not others and (test := wanted.test) is not None:  # "a text in Finnish": the value's own test
            matching = 0
            for value in values:
                if test(v, value):
                    matching += 1
        else:
            conforms = v.conforms
            matching = sum(conforms(value, wanted) and not any(conforms(value, s) for s in others) for value in values)
        if fewest <= matching <= most:
            return _NONE
        return [
            (component, None, None)
            for component, fails in (
                (SH.QualifiedMinCountConstraintComponent, matching < fewest),
                (SH.QualifiedMaxCountConstraintComponent, matching > most),
            )
            if fails
        ]

    return check


def _closed(shapes: ShapesGraph, shape: Node, argument: Node) -> Check | None:
    """§ 4.8.1: every predicate of a value node is a path of the shape's property shapes or ignored."""
    if argument != _TRUE:
        return None
    g = shapes.graph
    allowed = {p for prop in g.objects(shape, SH.property) for p in g.objects(prop, SH.path) if isinstance(p, URIRef)}
    for ignored in g.objects(shape, SH.ignoredProperties):
        allowed.update(shapes.list(ignored))

    def check(v: Validator, _: Node, values: list[Node]) -> Found:
        for value in values:
            for predicate, obj in v.data.predicate_objects(value):
                if predicate not in allowed:
                    yield SH.ClosedConstraintComponent, obj, Path("pred", iri=predicate, node=predicate)

    return check


def _has_value(_: ShapesGraph, __: Node, expected: Node) -> Check:
    def check(_: Validator, __: Node, values: list[Node]) -> Found:
        return _NONE if expected in values else [(SH.HasValueConstraintComponent, None, None)]

    return check


def _in(shapes: ShapesGraph, _: Node, argument: Node) -> Check:
    members = frozenset(shapes.list(argument))
    inline = ("value in {members}", {"members": members})
    return Each(SH.InConstraintComponent, lambda _, value: value in members, inline=inline)


def _no_personal_identity_code(_: ShapesGraph, __: Node, argument: Node) -> Check | None:
    """The focus node's values: no checksum-valid Finnish personal identity code (shapes/personal-data.ttl)."""
    if argument != _TRUE:
        return None

    def check(v: Validator, _: Node, values: list[Node]) -> Found:
        component = TVKS.NoPersonalIdentityCodeConstraintComponent
        return [(component, text, None) for focus in values for text in v.data.identity_codes(focus)]

    return Sparse(check, lambda v: v.data.identity_code_holders)


@dataclass(frozen=True)
class Parameter:
    """What the engine knows of one constraint parameter."""

    section: str
    """Where the W3C recommendation defines it."""
    compile: Compiler
    companions: tuple[URIRef, ...] = ()
    """Parameters read together with it (``sh:flags`` with ``sh:pattern``)."""
    fires_on_nothing: bool = False
    """Whether it can report a focus node that has no value at the path."""


COMPILERS: dict[URIRef, Parameter] = {
    SH["class"]: Parameter("§ 4.1.1", _class),
    SH.datatype: Parameter("§ 4.1.2", _datatype),
    SH.nodeKind: Parameter("§ 4.1.3", _node_kind),
    SH.minCount: Parameter("§ 4.2.1", _min_count, fires_on_nothing=True),
    SH.maxCount: Parameter("§ 4.2.2", _max_count),
    SH.minExclusive: Parameter("§ 4.3.1", _range(SH.MinExclusiveConstraintComponent, lambda o: o > 0)),
    SH.minInclusive: Parameter("§ 4.3.2", _range(SH.MinInclusiveConstraintComponent, lambda o: o >= 0)),
    SH.maxExclusive: Parameter("§ 4.3.3", _range(SH.MaxExclusiveConstraintComponent, lambda o: o < 0)),
    SH.maxInclusive: Parameter("§ 4.3.4", _range(SH.MaxInclusiveConstraintComponent, lambda o: o <= 0)),
    SH.minLength: Parameter("§ 4.4.1", _length(SH.MinLengthConstraintComponent, lambda n, limit: n >= limit)),
    SH.maxLength: Parameter("§ 4.4.2", _length(SH.MaxLengthConstraintComponent, lambda n, limit: n <= limit)),
    SH.pattern: Parameter("§ 4.4.3", _pattern, companions=(SH.flags,)),
    SH.languageIn: Parameter("§ 4.4.4", _language_in),
    SH.uniqueLang: Parameter("§ 4.4.5", _unique_lang),
    SH.equals: Parameter("§ 4.5.1", _equals, fires_on_nothing=True),
    SH.disjoint: Parameter("§ 4.5.2", _disjoint),
    SH.lessThan: Parameter("§ 4.5.3", _less(SH.LessThanConstraintComponent, lambda o: o < 0)),
    SH.lessThanOrEquals: Parameter("§ 4.5.4", _less(SH.LessThanOrEqualsConstraintComponent, lambda o: o <= 0)),
    SH["not"]: Parameter("§ 4.6.1", _not),
    SH["and"]: Parameter("§ 4.6.2", _logical(SH.AndConstraintComponent, lambda hits, of: hits == of)),
    SH["or"]: Parameter("§ 4.6.3", _logical(SH.OrConstraintComponent, lambda hits, _: hits > 0)),
    SH.xone: Parameter("§ 4.6.4", _logical(SH.XoneConstraintComponent, lambda hits, _: hits == 1)),
    SH.node: Parameter("§ 4.7.1", _node),
    SH.qualifiedValueShape: Parameter(
        "§ 4.7.3",
        _qualified,
        companions=(SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint),
        fires_on_nothing=True,
    ),
    SH.closed: Parameter("§ 4.8.1", _closed, companions=(SH.ignoredProperties,)),
    SH.hasValue: Parameter("§ 4.8.2", _has_value, fires_on_nothing=True),
    SH["in"]: Parameter("§ 4.8.3", _in),
    TVKS.noPersonalIdentityCode: Parameter("extension", _no_personal_identity_code),
}
"""Every constraint parameter this engine evaluates → how; ``sh:property`` (§ 4.7.2) is a shape of its own."""

_COMPANIONS = {companion for parameter in COMPILERS.values() for companion in parameter.companions}


def _parameter_table() -> str:
    lines = []
    for iri, parameter in COMPILERS.items():
        name = f"sh:{iri.removeprefix(str(SH))}" if iri.startswith(str(SH)) else "tvks:noPersonalIdentityCode"
        also = ", ".join(f"``sh:{c.removeprefix(str(SH))}``" for c in parameter.companions)
        lines.append(f"{parameter.section:<16}``{name}``" + (f" (+ {also})" if also else ""))
    return "\n".join(lines)


__doc__ = (__doc__ or "").replace("PARAMETERS", _parameter_table())
