"""One graph's triples, each once, in the canonical order every written file follows.

Why not an rdflib graph all the way: adding a triple to rdflib's store, and asking it for one,
costs microseconds of Python each, and serialising Turtle, RDF/XML and N-Triples through it took
most of a ``build`` of 10 000 datasets (382 000 triples: 15 s of 53 s). Oxigraph does the same
in Rust, so the triples are converted to its terms once and the three formats written from them;
the rdflib graph is made only for what needs rdflib (our SHACL engine, JSON-LD compaction).

The order is by subject, then ``rdf:type`` before every other predicate (Turtle writes it first,
as ``a``), then predicate and object, IRIs compared as text and other terms as N-Triples: it
depends only on the triples, never on the order the source listed things in or on Python's hash seed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import SimpleMemory
from rdflib.term import Node

from kasko_dcat.rdf.namespaces import RDF, bind_prefixes

if TYPE_CHECKING:
    from kasko_dcat.rdf.vocabularies import Triple

_TYPE = str(RDF.type)


class Canonical:
    """The triples of one graph, once each, sorted; as rdflib and as Oxigraph terms."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.unique: list[Triple] = list(dict.fromkeys(triples))
        """The triples once each, in the order first given (sorting waits until a file is written)."""

    @cached_property
    def _sorted(self) -> tuple[list[ox.Triple], list[Triple]]:
        iris: dict[str, ox.NamedNode] = {}  # subjects, predicates and classes recur: convert each once

        def iri(text: str) -> ox.NamedNode:
            if (node := iris.get(text)) is None:
                node = iris[text] = ox.NamedNode(text)
            return node

        def native(term: Node) -> tuple[str, ox.NamedNode | ox.Literal | ox.BlankNode]:
            """The term's sort text (an IRI's own, else N-Triples) and Oxigraph term."""
            if type(term) is URIRef:
                return (text := str(term)), iri(text)
            if isinstance(term, Literal):
                if term.language:
                    node = ox.Literal(str(term), language=term.language)
                else:
                    node = ox.Literal(str(term), datatype=iri(str(term.datatype)) if term.datatype else None)
                return str(node), node
            if isinstance(term, URIRef):
                return (text := str(term)), iri(text)
            if isinstance(term, BNode):
                node = ox.BlankNode(str(term))
                return str(node), node
            raise TypeError(f"not an RDF term: {term!r}")

        rows = []
        for triple in self.unique:
            s, p, o = triple
            # Subjects and predicates are nearly always IRIs: the common case without a call.
            s_text = str(s)
            s_node = iris.get(s_text) if type(s) is URIRef else None
            if s_node is None:
                s_text, s_node = native(s)
            p_text = str(p)
            p_node = iris.get(p_text) or iri(p_text)
            o_text, o_node = native(o)
            # One string compares faster than a tuple; no IRI or blank node label holds a NUL.
            key = f"{s_text}\0{'' if p_text == _TYPE else p_text}\0{o_text}"
            rows.append((key, ox.Triple(s_node, p_node, o_node), triple))
        rows.sort(key=lambda row: row[0])
        return [row[1] for row in rows], [row[2] for row in rows]

    @property
    def native(self) -> list[ox.Triple]:
        """Oxigraph's triples, in the canonical order."""
        return self._sorted[0]

    @property
    def triples(self) -> list[Triple]:
        """The rdflib triples, in the canonical order."""
        return self._sorted[1]

    @classmethod
    def of(cls, graph: Graph | Canonical) -> Canonical:
        """A graph's triples in canonical order (a :class:`Canonical` is returned as it is)."""
        return graph if isinstance(graph, Canonical) else cls(graph)

    @cached_property
    def graph(self) -> Graph:
        """A read-only rdflib graph of the triples, in the order first given.

        Not sorted: validation needs no order (its findings are sorted), so ``build`` validates
        while the sorting and the files are done beside it (``forked.py``).
        """
        return bind_prefixes(Graph(store=_Frozen(self.unique), bind_namespaces="none"))

    def __len__(self) -> int:
        return len(self.unique)


class _Frozen(SimpleMemory):
    """A read-only rdflib store over a list of triples that keeps its order and indexes on first use.

    Filling rdflib's own store costs 6 µs a triple (three nested dictionaries), 2.3 s for 10 000
    datasets; our engine only walks the triples once, so an index is built only when a pattern
    asks for one. A found triple is compared term by term (rdflib's ``==``, in Python) only on
    the positions its index did not match.
    (Prefix bindings are SimpleMemory's.)
    """

    def __init__(self, triples: list[Triple]) -> None:
        super().__init__()
        self._all = triples

    @cached_property
    def _by_subject(self) -> dict[Node, list[Triple]]:
        return _index(self._all, 0)

    @cached_property
    def _by_subject_predicate(self) -> dict[Node, dict[Node, list[Triple]]]:
        index: dict[Node, dict[Node, list[Triple]]] = {}
        for triple in self._all:
            index.setdefault(triple[0], {}).setdefault(triple[1], []).append(triple)
        return index

    @cached_property
    def _by_predicate(self) -> dict[Node, list[Triple]]:
        return _index(self._all, 1)

    @cached_property
    def _by_object(self) -> dict[Node, list[Triple]]:
        return _index(self._all, 2)

    def add(self, triple: Triple, context: object, quoted: bool = False) -> None:
        raise TypeError("a built catalogue's graph is read-only")

    def remove(self, triple: object, context: object = None) -> None:
        raise TypeError("a built catalogue's graph is read-only")

    def triples(  # type: ignore[override]
        self, triple_pattern: tuple[Node | None, ...], context: object = None
    ) -> Iterator[tuple[Triple, Any]]:
        s, p, o = triple_pattern
        if s is not None and p is not None:  # graph.value(node, rdf:first), asked of every object
            found, p = self._by_subject_predicate.get(s, {}).get(p, ()), None
        elif s is not None:
            found = self._by_subject.get(s, ())
        elif o is not None:
            found, o = self._by_object.get(o, ()), None
        elif p is not None:
            found, p = self._by_predicate.get(p, ()), None
        else:
            found = self._all
        # What the index matched is not compared again; what is left is (the subject never is).
        for triple in found:
            if (p is None or triple[1] == p) and (o is None or triple[2] == o):
                yield triple, iter(())

    def __len__(self, context: object = None) -> int:
        return len(self._all)


def _index(triples: list[Triple], position: int) -> dict[Node, list[Triple]]:
    index: dict[Node, list[Triple]] = {}
    for triple in triples:
        index.setdefault(triple[position], []).append(triple)
    return index
