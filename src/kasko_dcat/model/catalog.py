"""The catalogue itself: the division's § 28 description as one ``dcat:Catalog``.

source: ``catalog.yaml``.

=================  ====================  ================================================
source field       predicate             value
=================  ====================  ================================================
base_iri           (every minted IRI)    see rdf/iris.py
license            rdf:type              dct:LicenseDocument, besides dct:license below
homepage           rdf:type              foaf:Document, besides foaf:homepage below
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

from rdflib import URIRef

from kasko_dcat.model.dataset import DEFAULT_FIELDS, DatasetDefaults, PersonalDataRule
from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import CODES, DATE, REF, REFS, TEXT, URL, Row, document, emit_fields, read_fields
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, FOAF, RDF
from kasko_dcat.rdf.vocabularies import TABLES
from kasko_dcat.source.fields import IRI_CHAR, Fields, Ref, Text, is_sound_iri
from kasko_dcat.source.problems import Where

BASE_IRI = re.compile(rf"^https?://(?:(?![/?#]){IRI_CHAR})+(?:/(?:(?![?#]){IRI_CHAR})*)?/$")
RESERVED_DOMAIN = re.compile(r"^https?://([^/]*\.)?(example|invalid|test|localhost)(\.(com|net|org))?(:\d+)?/")
"""RFC 2606 / 6761 names: fine for a start, but nothing under them will ever resolve."""

FIELDS = (
    Row("title", DCTERMS.title, TEXT, required=True),
    Row("description", DCTERMS.description, TEXT, required=True),
    Row("publisher", DCTERMS.publisher, REF, "organisation", required=True),
    Row("languages", DCTERMS.language, CODES, "language"),
    Row("spatial", DCTERMS.spatial, CODES, "municipality"),
    Row("legislation", DCATAP.applicableLegislation, REFS, "law", note="the act that requires the description"),
    Row("issued", DCTERMS.issued, DATE),
    Row("modified", DCTERMS.modified, DATE),
    Row("license", DCTERMS.license, URL),
    Row("homepage", FOAF.homepage, URL),
)
__doc__ = document(__doc__, FIELDS)


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
        **read_fields(f, FIELDS),  # type: ignore[arg-type]
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
    defaults = DatasetDefaults(**read_fields(f, DEFAULT_FIELDS))  # type: ignore[arg-type]
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
    emit_fields(out, subject, FIELDS, catalog)
    # DCAT-AP's range checks read the types of licence and home page without inference.
    if catalog.license is not None:
        out.add(URIRef(catalog.license), RDF.type, DCTERMS.LicenseDocument)
    if catalog.homepage is not None:
        out.add(URIRef(catalog.homepage), RDF.type, FOAF.Document)
    out.add(subject, DCAT.themeTaxonomy, TABLES["data-theme"])
    out.terms.add(TABLES["data-theme"])
    out.each(subject, DCAT.dataset, (out.iris.dataset(dataset_id) for dataset_id in dataset_ids))
