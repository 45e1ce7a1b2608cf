"""The catalogue itself: the division's § 28 description as one ``dcat:Catalog``.

source: ``catalog.yaml``.

=================  ====================  ================================================
source field       predicate             value
=================  ====================  ================================================
base_iri           (every minted IRI)    see iris.py
title              dct:title             fi/sv/en
description        dct:description       fi/sv/en
publisher          dct:publisher         organisation IRI
languages          dct:language          EU language terms
spatial            dct:spatial           municipality terms
legislation        dcatap:applicableLegislation  ELI IRI of the act that requires the description
issued, modified   dct:issued, dct:modified  xsd:date
license            dct:license           IRI, typed dct:LicenseDocument
homepage           foaf:homepage         IRI, typed foaf:Document
(always)           dcat:themeTaxonomy    the EU data-theme table
(always)           dcat:dataset          every resource and register
dataset_defaults   see dataset.py
personal_data      see dataset.py
=================  ====================  ================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef

from kasko_dcat.model.dataset import DatasetDefaults, PersonalDataRule
from kasko_dcat.model.emit import Emitter
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, FOAF, RDF, XSD
from kasko_dcat.rdf.vocabularies import TABLES
from kasko_dcat.source.fields import IRI_CHAR, Fields, Ref, Text, is_sound_iri
from kasko_dcat.source.problems import Where

BASE_IRI = re.compile(rf"^https?://(?:(?![/?#]){IRI_CHAR})+(?:/(?:(?![?#]){IRI_CHAR})*)?/$")
RESERVED_DOMAIN = re.compile(r"^https?://([^/]*\.)?(example|invalid|test|localhost)(\.(com|net|org))?(:\d+)?/")
"""RFC 2606 / 6761 names: fine for a start, but nothing under them will ever resolve."""


@dataclass(frozen=True)
class Catalog:
    """The catalogue's own metadata and what its datasets share."""

    base_iri: str
    title: Text
    description: Text
    publisher: Ref
    languages: list[str]
    spatial: list[str]
    legislation: list[Ref]
    issued: str | None
    modified: str | None
    license: str | None
    homepage: str | None
    defaults: DatasetDefaults
    personal_data: PersonalDataRule
    profile: str | None
    """A profile whose extra shapes the catalogue follows (``PROFILES``), or None for the common shapes only."""


PROFILES = ["helsinki"]
"""Profiles a catalogue may declare: each adds the shapes of ``shapes/{name}.ttl`` to validation."""


def parse_catalog(f: Fields, base_iri: str | None) -> Catalog:
    """Read ``catalog.yaml``; ``base_iri`` from the command line or environment overrides the file's."""
    written = f.string("base_iri")
    base = base_iri or written
    # A bad value given on the command line is blamed there, not on the file's line.
    where = Where("--base-iri / KASKO_DCAT_BASE_IRI") if base_iri else f.where("base_iri")
    if base and not (BASE_IRI.match(base) and is_sound_iri(base)):
        f.ctx.problems.error(where, "bad-base-iri", value=base)
    elif base and RESERVED_DOMAIN.match(base):
        f.ctx.problems.gap(where, "gap-placeholder-iri", value=base)
    catalog = Catalog(
        base_iri=base,
        title=f.text("title"),
        description=f.text("description"),
        publisher=f.ref("publisher", "organisation"),
        languages=f.codes("languages", "language"),
        spatial=f.codes("spatial", "municipality"),
        legislation=f.refs("legislation", "law"),
        issued=f.date("issued"),
        modified=f.date("modified"),
        license=f.url("license"),
        homepage=f.url("homepage"),
        defaults=_parse_defaults(f.sub("dataset_defaults", required=True), f),
        personal_data=_parse_rule(f.sub("personal_data", required=True)),
        profile=(f.choice("profile", "profile", PROFILES) or None) if "profile" in f.block else None,
    )
    for key in ("issued", "modified", "license", "homepage"):
        if getattr(catalog, key) is None:
            f.gap(key if key in f.block else None, "gap-catalog-field", key=key)
    f.done()
    return catalog


def _parse_defaults(f: Fields | None, parent: Fields) -> DatasetDefaults:
    if f is None:
        missing = Ref("", "organisation", parent.where())
        return DatasetDefaults(missing, missing, missing, [], [])
    defaults = DatasetDefaults(
        publisher=f.ref("publisher", "organisation"),
        contact_point=f.ref("contact_point", "contact point", required=False),
        disclosure_authority=f.ref("disclosure_authority", "organisation"),
        spatial=f.codes("spatial", "municipality"),
        languages=f.codes("languages", "language"),
    )
    if defaults.contact_point is None:
        f.gap("contact_point" if "contact_point" in f.block else None, "gap-contact-point")
    f.done()
    return defaults


def _parse_rule(f: Fields | None) -> PersonalDataRule:
    if f is None:
        return PersonalDataRule(None, [])
    rule = PersonalDataRule(
        access_rights=f.code("access_rights", "access-right", required=True), legislation=f.refs("legislation", "law")
    )
    f.done()
    return rule


def catalog_triples(catalog: Catalog, dataset_ids: Iterable[str], out: Emitter) -> None:
    """Describe the catalogue (see the module's mapping table)."""
    subject = out.iris.catalog()
    out.add(subject, RDF.type, DCAT.Catalog)
    out.text(subject, DCTERMS.title, catalog.title)
    out.text(subject, DCTERMS.description, catalog.description)
    out.add(subject, DCTERMS.publisher, out.iris.organisation(catalog.publisher))
    for code in catalog.languages:
        out.term(subject, DCTERMS.language, "language", code)
    for code in catalog.spatial:
        out.term(subject, DCTERMS.spatial, "municipality", code)
    out.each(subject, DCATAP.applicableLegislation, (out.laws[law] for law in catalog.legislation))
    for key, predicate in (("issued", DCTERMS.issued), ("modified", DCTERMS.modified)):
        date = getattr(catalog, key)
        out.add(subject, predicate, None if date is None else Literal(date, datatype=XSD.date))
    # DCAT-AP's range checks read the types of licence and home page without inference.
    out.link(subject, DCTERMS.license, catalog.license)
    out.link(subject, FOAF.homepage, catalog.homepage)
    if catalog.license is not None:
        out.add(URIRef(catalog.license), RDF.type, DCTERMS.LicenseDocument)
    if catalog.homepage is not None:
        out.add(URIRef(catalog.homepage), RDF.type, FOAF.Document)
    out.add(subject, DCAT.themeTaxonomy, TABLES["data-theme"])
    out.terms.add(TABLES["data-theme"])
    out.each(subject, DCAT.dataset, (out.iris.dataset(dataset_id) for dataset_id in dataset_ids))
