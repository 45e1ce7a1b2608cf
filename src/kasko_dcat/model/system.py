"""Information systems (§ 28 item 1), one registry that every resource links into by id.

source: ``systems.yaml``.

==============  =====================  ==========================================================
source field    predicate              value
==============  =====================  ==========================================================
(always)        rdf:type               tvk:InformationSystem
id              dct:identifier         text
title           dct:title              fi/sv/en, the name in its basic form
seed_forms      skos:hiddenLabel       @fi, each way the published description writes the name
shared_across   tvk:sharedAcross       organisation IRI, for organisation-wide (kaupunkiyhteinen) systems
homepage        foaf:homepage          IRI
==============  =====================  ==========================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from kasko_dcat.model.emit import Emitter
from kasko_dcat.rdf.namespaces import DCTERMS, FOAF, RDF, SKOS, TVK
from kasko_dcat.source.fields import Fields, Ref, Text


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
    system = InformationSystem(
        id=f.ident("system"),
        title=f.text("title"),
        seed_forms=f.strings("seed_forms"),
        shared_across=f.ref("shared_across", "organisation", required=False),
        homepage=f.url("homepage"),
    )
    f.done()
    return system


def system_triples(system: InformationSystem, out: Emitter) -> None:
    """Describe an information system (see the module's mapping table)."""
    subject = out.iris.system(system.id)
    out.add(subject, RDF.type, TVK.InformationSystem)
    out.plain(subject, DCTERMS.identifier, system.id)
    out.text(subject, DCTERMS.title, system.title)
    out.each(subject, SKOS.hiddenLabel, (Literal(form, lang="fi") for form in system.seed_forms))
    if system.shared_across is not None:
        out.add(subject, TVK.sharedAcross, out.iris.organisation(system.shared_across))
    out.link(subject, FOAF.homepage, system.homepage)
