"""The small toolkit every model module uses to turn its fields into triples."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from kasko_dcat.i18n.languages import LANGS
from kasko_dcat.rdf.iris import Iris
from kasko_dcat.rdf.namespaces import DCTERMS, RDF, SKOS
from kasko_dcat.rdf.vocabularies import VOCABULARIES, Triple
from kasko_dcat.source.fields import Text


@dataclass
class Emitter:
    """Collects triples, and remembers which vocabulary terms were used so they can be described."""

    iris: Iris
    laws: dict[str, URIRef]
    """Law id in the source → its ELI IRI (laws keep the IRI their publisher gave them)."""
    triples: list[Triple] = field(default_factory=list)
    terms: set[URIRef] = field(default_factory=set)

    def add(self, subject: Node, predicate: Node, obj: Node | None) -> None:
        """Add one triple; an absent value (None) adds nothing, so optional fields need no if."""
        if obj is not None:
            self.triples.append((subject, predicate, obj))

    def ref(self, kind: str, ident: str) -> URIRef:
        """What a reference in the source points at: a law's ELI IRI, else the IRI minted for the id."""
        return self.laws[ident] if kind == "law" else self.iris.of_kind(kind, ident)

    def each(self, subject: Node, predicate: Node, objects: Iterable[Node]) -> None:
        """Add one triple per object."""
        for obj in objects:
            self.add(subject, predicate, obj)

    def text(self, subject: Node, predicate: Node, text: Text | None) -> None:
        """Add a language-tagged literal per language of ``text``."""
        for lang in LANGS:
            if text and lang in text:
                self.add(subject, predicate, Literal(text[lang], lang=lang))

    def plain(self, subject: Node, predicate: Node, value: str | None) -> None:
        """Add an untagged literal (codes, identifiers, address fields)."""
        self.add(subject, predicate, None if value is None else Literal(value))

    def link(self, subject: Node, predicate: Node, iri: str | None) -> None:
        """Add a link to a web address written in the source."""
        self.add(subject, predicate, None if iri is None else URIRef(iri))

    def mailto(self, subject: Node, predicate: Node, email: str | None) -> None:
        """Add an e-mail address as a ``mailto:`` IRI, the form vCard and DCAT-AP expect."""
        self.add(subject, predicate, None if email is None else URIRef(f"mailto:{email}"))

    def term(self, subject: Node, predicate: Node, table: str, code: str | None) -> None:
        """Link to a controlled vocabulary term, which is then described in the output."""
        if code is not None:
            term = VOCABULARIES.iri(table, code)
            self.terms.add(term)
            self.add(subject, predicate, term)

    def concept(self, subject: Node, predicate: Node, concept: URIRef, label: Text, scheme: str) -> None:
        """Link to a concept minted here (a data group, a search key) and describe it in ``scheme``."""
        self.add(subject, predicate, concept)
        self.add(concept, RDF.type, SKOS.Concept)
        self.text(concept, SKOS.prefLabel, label)
        self.add(concept, SKOS.inScheme, self.iris.scheme(scheme))

    def scheme(self, name: str, title: Text) -> None:
        """Describe a concept scheme minted here; DCAT-AP requires its title."""
        scheme = self.iris.scheme(name)
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.text(scheme, DCTERMS.title, title)
