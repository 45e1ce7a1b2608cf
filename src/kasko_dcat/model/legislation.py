"""Laws that datasets and the request route name as applicable legislation.

source: ``legislation.yaml``; datasets refer to a law by its id.

============  ===============  ===============================================
source field  predicate        value
============  ===============  ===============================================
eli           (subject)        the ELI IRI of the act, typed eli:LegalResource
============  ===============  ===============================================
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import STRING, TEXT, Row, document, emit_fields, read_fields
from kasko_dcat.rdf.namespaces import DCTERMS, ELI, RDF
from kasko_dcat.source.fields import Fields, Text

FIELDS = (
    Row("number", DCTERMS.identifier, STRING, required=True, note="e.g. ``906/2019``"),
    Row("title", DCTERMS.title, TEXT, required=True),
)
__doc__ = document(__doc__, FIELDS)


@dataclass(frozen=True)
class Law:
    """An act identified by its European Legislation Identifier."""

    id: str
    eli: str
    number: str
    title: Text


def parse_law(f: Fields) -> Law:
    """Read one act."""
    law = Law(id=f.ident("law"), eli=f.url("eli", required=True) or "", **read_fields(f, FIELDS))  # type: ignore[arg-type]
    if law.eli:  # two entries with one ELI would merge into one subject with two titles
        first = f.ctx.ids.setdefault("eli", {}).setdefault(law.eli, f.where("eli"))
        if first != f.where("eli"):
            f.error("eli", "duplicate-eli", value=law.eli, first=first)
    f.done()
    return law


def law_triples(law: Law, out: Emitter) -> None:
    """Describe an act as an ELI legal resource."""
    subject = URIRef(law.eli)
    out.add(subject, RDF.type, ELI.LegalResource)
    emit_fields(out, subject, FIELDS, law)
