"""Paging of the served catalogue with the Hydra vocabulary, as CKAN's DCAT harvester reads it.

ckanext-dcat follows ``hydra:next`` — and, in older versions, ``hydra:nextPage`` — of a node
typed ``hydra:PagedCollection`` (or ``hydra:PartialCollectionView``) until a page has none, so
every page states both spellings of each link and both types. Links are absolute IRIs built
from the configured base IRI by the caller, never from the request's ``Host`` header, which
a client or a proxy controls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph as ox

from kasko_dcat.rdf.namespaces import HYDRA, RDF, XSD

_TYPE = ox.NamedNode(str(RDF.type))
T = TypeVar("T")


@dataclass(frozen=True)
class Paging:
    """Page ``number`` (from 1) of ``total`` items, ``size`` per page."""

    number: int
    size: int
    total: int

    @property
    def last(self) -> int:
        """The last page; an empty collection still has page 1, so ``first`` and ``last`` always exist."""
        return max(1, -(-self.total // self.size))

    @property
    def exists(self) -> bool:
        """Whether the page is within the collection."""
        return 1 <= self.number <= self.last

    def window(self, items: Sequence[T]) -> Sequence[T]:
        """The items on this page."""
        start = (self.number - 1) * self.size
        return items[start : start + self.size]


def triples(collection: str, page_iri: Callable[[int], str], paging: Paging) -> list[ox.Triple]:
    """The page node: its types, the links to the first, last, previous and next pages, and the counts."""
    view = ox.NamedNode(page_iri(paging.number))

    def link(names: tuple[str, ...], number: int) -> list[ox.Triple]:
        return [ox.Triple(view, ox.NamedNode(HYDRA[name]), ox.NamedNode(page_iri(number))) for name in names]

    found = [
        ox.Triple(view, _TYPE, ox.NamedNode(HYDRA.PagedCollection)),
        ox.Triple(view, _TYPE, ox.NamedNode(HYDRA.PartialCollectionView)),
        ox.Triple(ox.NamedNode(collection), ox.NamedNode(HYDRA.view), view),
        ox.Triple(view, ox.NamedNode(HYDRA.totalItems), _integer(paging.total)),
        ox.Triple(view, ox.NamedNode(HYDRA.itemsPerPage), _integer(paging.size)),
        *link(("first", "firstPage"), 1),
        *link(("last", "lastPage"), paging.last),
    ]
    if paging.number > 1:
        found += link(("previous", "previousPage"), paging.number - 1)
    if paging.number < paging.last:
        found += link(("next", "nextPage"), paging.number + 1)
    return found


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD.integer))
