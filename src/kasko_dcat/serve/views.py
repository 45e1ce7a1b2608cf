"""The catalogue as ``serve`` shows it: loaded once, its IRIs moved to the public base, cut into pages.

The catalogue changes only when it is rebuilt, and the server reads it once at start, so every
answer here is a pure function of the request and may be cached for the life of the process.

**Base IRI.** The converter mints IRIs under the base of ``catalog.yaml`` (or ``build
--base-iri``); the server answers under the base it is given. When the two differ (a test
server on ``http://127.0.0.1:8080/`` for a catalogue built for ``https://kasko.example/``) the
catalogue's IRIs are rewritten to the server's base on load, so every link it shows works where
it is served; in production, build and serve with the same ``KASKO_DCAT_BASE_IRI``.

**Pages.** A page of the catalogue holds the catalogue node with only the ``dcat:dataset``
links of its own datasets, those datasets, and everything they point to that the catalogue
describes (publisher, contact point, distribution, data groups, systems, vocabulary terms) —
except other datasets, which come on their own page. A harvester that parses each page
separately (ckanext-dcat does, and one unreadable page loses its whole job) thus finds every
dataset complete on exactly one page.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyoxigraph as ox

from kasko_dcat.errors import KaskoError
from kasko_dcat.query import sparql
from kasko_dcat.rdf.namespaces import DCAT, DCTERMS, FOAF, HYDRA, RDFS, SKOS, VCARD

SERVE_PREFIXES = {**sparql.DEFAULT_PREFIXES, "hydra": str(HYDRA)}
LABELS = tuple(ox.NamedNode(str(p)) for p in (DCTERMS.title, FOAF.name, VCARD.fn, SKOS.prefLabel, RDFS.label))
"""Predicates that name a resource on an HTML page, most specific first."""
_DATASET_LINK = ox.NamedNode(str(DCAT.dataset))


class ServeError(KaskoError):
    """The catalogue cannot be served as given (no catalogue node, a bad base IRI)."""


@dataclass(frozen=True)
class Catalogue:
    """The loaded catalogue and the indexes the server answers from."""

    store: ox.Store
    base: str
    ntriples: bytes
    datasets: tuple[str, ...]
    modified: dict[str, datetime]
    subjects: tuple[str, ...]
    loaded_from: Path
    own_base: str = ""
    """The base IRI the catalogue was built with (``base`` when served where it was built)."""

    @property
    def iri(self) -> str:
        """The catalogue node, always ``{base}catalog`` (``iris.Iris.catalog``)."""
        return self.base + "catalog"

    def has(self, iri: str) -> bool:
        """Whether the catalogue says anything about ``iri`` (so it dereferences)."""
        position = bisect.bisect_left(self.subjects, iri)
        return position < len(self.subjects) and self.subjects[position] == iri

    def changed_since(self, since: datetime) -> tuple[str, ...]:
        """Datasets modified at or after ``since``; those with no known date are kept, so none is missed."""
        return tuple(d for d in self.datasets if d not in self.modified or self.modified[d] >= since)

    def describe(self, iri: str) -> list[ox.Triple]:
        """What the catalogue says about ``iri`` and the resources minted under it (``dataset/x/…``)."""
        nested = self.subjects[
            bisect.bisect_left(self.subjects, iri + "/") : bisect.bisect_left(self.subjects, iri + "0")
        ]
        return sorted((triple for subject in (iri, *nested) for triple in self.outgoing(subject)), key=_triple_key)

    def page(self, datasets: Iterable[str]) -> list[ox.Triple]:
        """The catalogue node, ``datasets`` and what they point to, other datasets excepted (module docstring)."""
        on_page = set(datasets)
        all_datasets = set(self.datasets)
        found: list[ox.Triple] = []
        seen: set[str] = set()
        todo = [self.iri, *sorted(on_page)]
        while todo:
            subject = todo.pop()
            if subject in seen:
                continue
            seen.add(subject)
            for triple in self.outgoing(subject):
                target = triple.object
                if triple.predicate == _DATASET_LINK and target.value not in on_page:
                    continue
                found.append(triple)
                if isinstance(target, ox.NamedNode) and target.value not in all_datasets and self.has(target.value):
                    todo.append(target.value)
        return sorted(found, key=_triple_key)

    def outgoing(self, subject: str) -> Iterable[ox.Triple]:
        """The triples whose subject is ``subject``."""
        return (quad.triple for quad in self.store.quads_for_pattern(ox.NamedNode(subject), None, None))

    def incoming(self, iri: str) -> list[ox.Triple]:
        """The triples that point to ``iri``: on an HTML page, the way back from a system to its datasets."""
        triples = (quad.triple for quad in self.store.quads_for_pattern(None, None, ox.NamedNode(iri)))
        return sorted(triples, key=_triple_key)

    def texts(self, iri: str, predicates: tuple[ox.NamedNode, ...] = LABELS) -> list[ox.Literal]:
        """The literals of the first of ``predicates`` that ``iri`` has, in any language."""
        for predicate in predicates:
            found = [
                q.object
                for q in self.store.quads_for_pattern(ox.NamedNode(iri), predicate, None)
                if isinstance(q.object, ox.Literal)
            ]
            if found:
                return found
        return []


def open_served(path: Path, base_iri: str | None) -> Catalogue:
    """Load the catalogue file at ``path`` and index it for serving under ``base_iri`` (default: its own base)."""
    store, data, fmt = sparql.open_catalogue(path)
    found = sparql.catalogue_iri(store)
    if found is None or not found.endswith("/catalog"):
        raise ServeError("serve-no-catalog", path=path)
    own_base = found.removesuffix("catalog")
    base = own_base if base_iri is None else base_iri
    if not base.startswith(("http://", "https://")) or not base.endswith("/") or " " in base:
        raise ServeError("serve-bad-base-iri", iri=base)
    if base != own_base:
        moved = ox.Store()
        moved.extend(
            ox.Quad(*(_moved(term, own_base, base) for term in (q.subject, q.predicate, q.object)))
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        )
        store = moved
    if base != own_base or fmt != ox.RdfFormat.N_TRIPLES:
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return _index(store, base, data, path, own_base)


def index_built(store: ox.Store, path: Path) -> Catalogue:
    """Index a catalogue built in memory (from the source at ``path``) as it would be served where it was built."""
    found = sparql.catalogue_iri(store)
    if found is None or not found.endswith("/catalog"):
        raise ServeError("serve-no-catalog", path=path)
    base = found.removesuffix("catalog")
    return _index(store, base, b"", path, base)


def _moved(term: sparql.Term, old: str, new: str) -> sparql.Term:
    """``term`` with an IRI under ``old`` moved under ``new``; literals and other IRIs as they are.

    Term by term, not on the serialised text: a description quoting ``<https://…/old-page>`` is
    text and must be served as written.
    """
    if isinstance(term, ox.NamedNode) and term.value.startswith(old):
        return ox.NamedNode(new + term.value[len(old) :])
    if isinstance(term, ox.Triple):
        return ox.Triple(*(_moved(t, old, new) for t in (term.subject, term.predicate, term.object)))
    return term


def _index(store: ox.Store, base: str, ntriples: bytes, path: Path, own_base: str) -> Catalogue:
    rows = store.query(
        "SELECT ?d ?m ?cm WHERE { ?c a dcat:Catalog ; dcat:dataset ?d . ?d a dcat:Dataset "
        "OPTIONAL { ?d dct:modified ?m } OPTIONAL { ?c dct:modified ?cm } }",
        prefixes=sparql.DEFAULT_PREFIXES,
    )
    assert isinstance(rows, ox.QuerySolutions)
    modified: dict[str, datetime] = {}
    datasets = set()
    for row in rows:
        dataset = row["d"].value
        datasets.add(dataset)
        when = _datetime(row["m"]) or _datetime(row["cm"])  # a dataset without a date changed with the catalogue
        if when is not None:
            modified[dataset] = max(when, modified.get(dataset, when))
    subjects = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }")
    assert isinstance(subjects, ox.QuerySolutions)
    return Catalogue(
        store=store,
        base=base,
        ntriples=ntriples,
        datasets=tuple(sorted(datasets)),
        modified=modified,
        subjects=tuple(sorted(row["s"].value for row in subjects)),
        loaded_from=path,
        own_base=own_base,
    )


def parse_since(text: str) -> datetime | None:
    """``2026-01-31`` or ``2026-01-31T12:00:00Z`` as an aware datetime (UTC if no zone); ``None`` if neither."""
    try:
        value = datetime.fromisoformat(text.strip().replace(" ", "+"))  # a '+' in a query string arrives as ' '
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _datetime(term: ox.Literal | None) -> datetime | None:
    if not isinstance(term, ox.Literal):
        return None
    if len(term.value) == 10:
        try:
            day = date.fromisoformat(term.value)
        except ValueError:
            return None
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return parse_since(term.value)


def _triple_key(triple: ox.Triple) -> tuple[str, str, str]:
    return str(triple.subject), str(triple.predicate), str(triple.object)


def serialize(triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """``triples`` in ``fmt`` with our prefixes (Turtle, RDF/XML) — sorted, so the same request gives the same bytes."""
    return ox.serialize(triples, format=fmt, prefixes=SERVE_PREFIXES)
