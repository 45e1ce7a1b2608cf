"""The controlled vocabularies the source may use, read from ``data/vocabularies.ttl``.

The source names terms by code (``NON_PUBLIC``, ``EDUC``, ``091``); this module turns a code into
the term's IRI and copies the term's description (type, label, scheme) into the output, so that
validators without network access see the same facts as ours.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from importlib.resources import files

from rdflib import Graph, URIRef
from rdflib.term import Node

from kasko_dcat.rdf.namespaces import ADMS_PUBLISHER_TYPE, EU_AUTHORITY, SKOS

TABLES: dict[str, URIRef] = {
    "access-right": URIRef(EU_AUTHORITY + "access-right"),
    "data-theme": URIRef(EU_AUTHORITY + "data-theme"),
    "language": URIRef(EU_AUTHORITY + "language"),
    "publisher-type": URIRef(ADMS_PUBLISHER_TYPE + "1.0"),
    "municipality": URIRef("http://uri.suomi.fi/codelist/jhs/kunta_1_20240101"),
}
"""Table names as the source and its error messages use them → the concept scheme's IRI."""

Triple = tuple[Node, Node, Node]


class Vocabularies:
    """Lookup of codes and descriptions of the terms in ``data/vocabularies.ttl``."""

    @cached_property
    def graph(self) -> Graph:
        """The vocabulary file, parsed once per process."""
        return Graph().parse(
            data=files("kasko_dcat").joinpath("data/vocabularies.ttl").read_text("utf-8"), format="turtle"
        )

    @cached_property
    def _by_code(self) -> dict[str, dict[str, URIRef]]:
        by_code: dict[str, dict[str, URIRef]] = {table: {} for table in TABLES}
        table_of = {scheme: table for table, scheme in TABLES.items()}
        for term, scheme in self.graph.subject_objects(SKOS.inScheme):
            notation = self.graph.value(term, SKOS.notation)
            if scheme in table_of and notation is not None and isinstance(term, URIRef):
                by_code[table_of[scheme]][str(notation)] = term
        return by_code

    def codes(self, table: str) -> list[str]:
        """The codes that ``table`` accepts, sorted."""
        return sorted(self._by_code[table])

    def iri(self, table: str, code: str) -> URIRef:
        """The IRI of ``code`` in ``table``; the code was checked when the source was read."""
        return self._by_code[table][code]

    def describe(self, terms: Iterable[URIRef]) -> Iterator[Triple]:
        """Every triple about ``terms`` and about the schemes they belong to."""
        seen: set[Node] = set()
        for term in terms:
            for subject in (term, *self.graph.objects(term, SKOS.inScheme)):
                if subject not in seen:
                    seen.add(subject)
                    yield from self.graph.triples((subject, None, None))


VOCABULARIES = Vocabularies()
"""The one instance a process needs: the vocabulary file is parsed on first use only."""
