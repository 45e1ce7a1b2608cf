"""Information systems (§ 28 item 1), one registry that every resource links into by id.

source: ``systems.yaml``.

==============  =====================  ==========================================================
source field    predicate              value
==============  =====================  ==========================================================
(always)        rdf:type               tvk:InformationSystem
id              dct:identifier         text; the IRI is ``system/{id}``
==============  =====================  ==========================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import REF, SEED_FORMS, TEXT, URL, Row, document, emit_fields, read_fields
from kasko_dcat.rdf.namespaces import DCTERMS, FOAF, RDF, SKOS, TVK
from kasko_dcat.source.fields import Fields, Ref, Text

FIELDS = (
    Row("title", DCTERMS.title, TEXT, required=True, note="the name in its basic form"),
    Row("seed_forms", SKOS.hiddenLabel, SEED_FORMS),
    Row(
        "shared_across", TVK.sharedAcross, REF, "organisation", note="for organisation-wide (kaupunkiyhteinen) systems"
    ),
    Row("homepage", FOAF.homepage, URL),
)
__doc__ = document(__doc__, FIELDS)


@dataclass(frozen=True)
class InformationSystem:
    """A system that holds or serves an information resource's data."""

    id: str
    title: Text
    seed_forms: list[str]
    shared_across: Ref | None
    homepage: str | None


def parse_system(f: Fields) -> InformationSystem:
    """Read one information system."""
    system = InformationSystem(id=f.ident("system"), **read_fields(f, FIELDS))  # type: ignore[arg-type]
    f.done()
    return system


def system_triples(system: InformationSystem, out: Emitter) -> None:
    """Describe an information system (see the module's mapping table)."""
    subject = out.iris.system(system.id)
    out.add(subject, RDF.type, TVK.InformationSystem)
    out.plain(subject, DCTERMS.identifier, system.id)
    emit_fields(out, subject, FIELDS, system)
