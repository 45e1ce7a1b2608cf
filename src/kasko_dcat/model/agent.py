"""Organisations: the publisher, the units that handle requests, the board the division works under.

source: ``organisations.yaml``.

==================  ===========================================  ====================================
source field        predicate                                    value
==================  ===========================================  ====================================
(always)            rdf:type                                     foaf:Agent, foaf:Organization, org:Organization
business_id         rdf:type org:FormalOrganization              besides dct:identifier below
unit_of             org:unitOf, org:subOrganizationOf (+ rdf:type org:OrganizationalUnit)  organisation IRI
sites[].name        org:hasSite → rdfs:label                     fi/sv/en
sites[].address     org:hasSite → org:siteAddress                address IRI
==================  ===========================================  ====================================
"""

from __future__ import annotations

from dataclasses import dataclass

from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import CODE, FINNISH, REF, STRING, TEXT, Row, document, emit_fields, read_fields
from kasko_dcat.rdf.namespaces import DCTERMS, FOAF, ORG, RDF, RDFS, SKOS
from kasko_dcat.source.fields import Fields, Ref, Text

FIELDS = (
    Row("name", FOAF.name, TEXT, required=True),
    Row("abbreviation", SKOS.altLabel, FINNISH),
    Row("business_id", DCTERMS.identifier, STRING, note="e.g. the Y-tunnus"),
    Row("type", DCTERMS.type, CODE, "publisher-type", note="absent: a gap"),
    Row("reports_to", ORG.reportsTo, REF, "organisation"),
)
__doc__ = document(__doc__, FIELDS)


@dataclass(frozen=True)
class Site:
    """A place where the organisation can be visited."""

    id: str
    name: Text
    address: Ref


@dataclass(frozen=True)
class Organisation:
    """A city organisation or unit, described as a DCAT-AP agent and an ORG organisation."""

    id: str
    name: Text
    abbreviation: str | None
    business_id: str | None
    type: str | None
    unit_of: Ref | None
    reports_to: Ref | None
    sites: list[Site]


def parse_organisation(f: Fields) -> Organisation:
    """Read one organisation."""
    organisation_id = f.ident("organisation")
    organisation = Organisation(
        id=organisation_id,
        unit_of=f.ref("unit_of", "organisation", required=False),
        sites=[_parse_site(site, organisation_id) for site in f.subs("sites")],
        **read_fields(f, FIELDS),  # type: ignore[arg-type]
    )
    if organisation.type is None:
        f.gap("type" if "type" in f.block else "name", "gap-organisation-type", id=organisation_id)
    f.done()
    return organisation


def _parse_site(f: Fields, organisation_id: str) -> Site:
    site = Site(id=f.ident(f"site of {organisation_id}"), name=f.text("name"), address=f.ref("address", "address"))
    f.done()
    return site


def organisation_triples(organisation: Organisation, out: Emitter) -> None:
    """Describe an organisation (see the module's mapping table)."""
    subject = out.iris.organisation(organisation.id)
    out.each(subject, RDF.type, (FOAF.Agent, FOAF.Organization, ORG.Organization))
    emit_fields(out, subject, FIELDS, organisation)
    if organisation.business_id is not None:
        out.add(subject, RDF.type, ORG.FormalOrganization)
    if organisation.unit_of is not None:
        parent = out.iris.organisation(organisation.unit_of)
        out.add(subject, RDF.type, ORG.OrganizationalUnit)
        out.add(subject, ORG.unitOf, parent)
        out.add(subject, ORG.subOrganizationOf, parent)
    for site in organisation.sites:
        site_iri = out.iris.site(organisation.id, site.id)
        out.add(subject, ORG.hasSite, site_iri)
        out.add(site_iri, RDF.type, ORG.Site)
        out.text(site_iri, RDFS.label, site.name)
        out.add(site_iri, ORG.siteAddress, out.iris.address(site.address))
