"""Information resources (tietovarannot) and their registers, both published as ``dcat:Dataset``.

source: ``resources/*.yaml``, one file per information resource, its registers nested under
``registers:``; ``related-resources.yaml`` for resources outside the catalogue that they feed.

A register takes its resource's ``themes``, ``keywords`` and ``legislation`` when it does not
write the field at all (an empty list written out means "none"). Publisher, contact point,
deciding authority, spatial coverage and language come from ``dataset_defaults`` in
``catalog.yaml``; a dataset with ``personal_data: true`` gets the access rights and laws of the
catalogue's ``personal_data`` rule.

======================  ==============================  ==========================================
source field            predicate                       value
======================  ==============================  ==========================================
(always)                rdf:type                        dcat:Dataset
(resource, not register) rdf:type                       tvk:InformationResource (the § 28 unit)
id                      dct:identifier                  text; the IRI is ``dataset/{id}``
description             dct:description                 fi/sv/en (registers without one: generated)
(register)              dct:isPartOf / dct:hasPart      the resource / the register
data_groups             tvk:dataGroup                   skos:Concept per group, fi/sv/en labels
personal_data/access_rights  dct:accessRights           EU access-right term
legislation             dcatap:applicableLegislation    ELI IRI, and the personal_data rule's laws
(always)                dcat:distribution               the information-request route (distribution.py)
======================  ==============================  ==========================================
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kasko_dcat.i18n.languages import LANGS
from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import (
    CODES,
    DATE,
    FLAG,
    KEYWORDS,
    PERIOD,
    REF,
    REFS,
    SEED_FORMS,
    TEXT,
    URLS,
    Row,
    document,
    emit_fields,
    read_fields,
)
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, RDF, SKOS, TVK
from kasko_dcat.source.fields import Fields, Period, Ref, Text, first_text

REGISTER_DESCRIPTION: Text = {
    "fi": "{title} – rekisteri, joka kuuluu seuraavaan tietovarantoon: {resource}.",
    "sv": "{title} – ett register som ingår i följande informationsresurs: {resource}.",
    "en": "{title} – a register that is part of the following information resource: {resource}.",
}
"""Published for a register whose source gives no description, which DCAT-AP makes mandatory."""

DATA_GROUP_SCHEME: Text = {"fi": "Tietoryhmät", "sv": "Datagrupper", "en": "Data groups"}
"""Title of the scheme ``scheme/data-groups`` that holds every dataset's data groups."""

REGISTER_FIELDS = (
    Row("title", DCTERMS.title, TEXT, required=True),
    Row("seed_forms", SKOS.hiddenLabel, SEED_FORMS),
    Row("themes", DCAT.theme, CODES, "data-theme", note="a register without the field: its resource's"),
    Row("keywords", DCAT.keyword, KEYWORDS, note="a register without the field: its resource's"),
    Row("issued", DCTERMS.issued, DATE, note="when the data was first made available"),
    Row("modified", DCTERMS.modified, DATE, note="when the data last changed"),
    Row("temporal", DCTERMS.temporal, PERIOD, note="the time the data covers; recommended by DCAT-AP"),
)
RESOURCE_FIELDS = (
    *REGISTER_FIELDS,
    Row("data_contents", TVK.dataContents, TEXT, note="§ 28 item 3"),
    Row("systems", TVK.informationSystem, REFS, "system", note="§ 28 item 1"),
    Row("supporting_systems", TVK.supportingSystem, REFS, "system", note='"lisäksi käytetään"'),
    Row("feeds", TVK.feeds, REFS, "related resource"),
    Row("privacy_notices", TVK.privacyNotice, URLS),
    Row("technical_interface", TVK.technicalInterface, FLAG, note="§ 28 item 5"),
)
DEFAULT_FIELDS = (
    Row("publisher", DCTERMS.publisher, REF, "organisation", required=True),
    Row("contact_point", DCAT.contactPoint, REF, "contact point"),
    Row("disclosure_authority", TVK.disclosureAuthority, REF, "organisation", required=True),
    Row("spatial", DCTERMS.spatial, CODES, "municipality"),
    Row("languages", DCTERMS.language, CODES, "language"),
)
"""``catalog.yaml`` → ``dataset_defaults``: read there, written on every dataset."""
FIELDS = (*RESOURCE_FIELDS, *DEFAULT_FIELDS)
INHERITED = ("themes", "keywords", "legislation")
"""Fields a register that does not write them takes from its resource."""
__doc__ = document(
    document(__doc__, RESOURCE_FIELDS, "Simple fields of a resource (a register has the first seven)"),
    DEFAULT_FIELDS,
    "From dataset_defaults in catalog.yaml, on every dataset",
)


@dataclass(frozen=True)
class DatasetDefaults:
    """What every dataset shares unless the source says otherwise (``catalog.yaml``)."""

    publisher: Ref
    contact_point: Ref | None
    disclosure_authority: Ref
    spatial: list[str]
    languages: list[str]


@dataclass(frozen=True)
class PersonalDataRule:
    """What follows from ``personal_data: true``: access rights and the data-protection laws."""

    access_rights: str | None
    legislation: list[Ref]


@dataclass(frozen=True)
class Dataset:
    """An information resource, or a register within one (``part_of`` is then the resource's id).

    A register has no fields of its own beyond ``REGISTER_FIELDS``: the others stay empty.
    """

    id: str
    title: Text
    description: Text | None
    seed_forms: list[str]
    part_of: str | None
    personal_data: bool | None
    access_rights: str | None
    themes: list[str]
    keywords: dict[str, list[str]] | None
    legislation: list[Ref]
    issued: str | None = None
    modified: str | None = None
    temporal: Period | None = None
    data_contents: Text | None = None
    data_groups: list[Text] = field(default_factory=list)
    systems: list[Ref] = field(default_factory=list)
    supporting_systems: list[Ref] = field(default_factory=list)
    feeds: list[Ref] = field(default_factory=list)
    privacy_notices: list[str] = field(default_factory=list)
    technical_interface: bool | None = None
    registers: list[Dataset] = field(default_factory=list)


@dataclass(frozen=True)
class RelatedResource:
    """A resource outside this catalogue that datasets feed, e.g. a city-wide customer data resource."""

    id: str
    title: Text
    shared_across: Ref | None


def parse_resource(f: Fields) -> Dataset:
    """Read one information resource file with its registers."""
    resource_id = f.ident("dataset")
    values = read_fields(f, RESOURCE_FIELDS)
    personal_data, access_rights = _access(f, resource_id)
    legislation = f.refs("legislation", "law")
    inherited = {key: {**values, "legislation": legislation}[key] for key in INHERITED}
    registers = [_parse_register(sub, resource_id, inherited) for sub in f.subs("registers")]
    if not values["privacy_notices"]:
        f.gap("privacy_notices" if "privacy_notices" in f.block else None, "gap-privacy-notices", id=resource_id)
    if values["temporal"] is None:
        f.gap("temporal" if "temporal" in f.block else "title", "gap-temporal", id=resource_id)
    if values["issued"] is None and values["modified"] is None:
        f.gap("issued" if "issued" in f.block else "title", "gap-dataset-dates", id=resource_id)
    if values["technical_interface"] is None:
        f.gap(
            "technical_interface" if "technical_interface" in f.block else None,
            "gap-technical-interface",
            id=resource_id,
        )
    dataset = Dataset(
        id=resource_id,
        description=f.text("description"),
        part_of=None,
        data_groups=f.texts("data_groups"),
        personal_data=personal_data,
        access_rights=access_rights,
        legislation=legislation,
        registers=registers,
        **values,  # type: ignore[arg-type]
    )
    f.done()
    return dataset


def _parse_register(f: Fields, resource_id: str, inherited: dict[str, object]) -> Dataset:
    register_id = f.ident("dataset")
    values = read_fields(f, REGISTER_FIELDS)
    description = f.text("description", required=False)
    personal_data, access_rights = _access(f, register_id)
    values["legislation"] = f.refs("legislation", "law")
    for key, value in inherited.items():  # absent means "as the resource"; an empty list written out means "none"
        if key not in f.block:
            values[key] = value
    if description is None:
        f.gap("title", "gap-register-description", id=register_id)
    f.done()
    return Dataset(
        id=register_id,
        description=description,
        part_of=resource_id,
        personal_data=personal_data,
        access_rights=access_rights,
        **values,  # type: ignore[arg-type]
    )


def _access(f: Fields, dataset_id: str) -> tuple[bool | None, str | None]:
    personal_data = f.flag("personal_data")
    access_rights = f.code("access_rights", "access-right")
    if personal_data and access_rights == "PUBLIC":
        f.error("access_rights", "personal-data-public", id=dataset_id, value=access_rights)
    if personal_data is None and access_rights is None:
        f.gap("personal_data" if "personal_data" in f.block else "title", "gap-personal-data", id=dataset_id)
    elif personal_data is False and access_rights is None:
        f.gap("personal_data", "gap-access-rights", id=dataset_id)
    return personal_data, access_rights


def parse_related_resource(f: Fields) -> RelatedResource:
    """Read one related resource."""
    related = RelatedResource(
        id=f.ident("related resource"),
        title=f.text("title"),
        shared_across=f.ref("shared_across", "organisation", required=False),
    )
    f.done()
    return related


def dataset_triples(
    dataset: Dataset,
    resource: Dataset | None,
    defaults: DatasetDefaults,
    rule: PersonalDataRule,
    out: Emitter,
    has_distribution: bool = True,
) -> None:
    """Describe a resource or register (see the module's mapping table); ``resource`` is a register's whole."""
    subject = out.iris.dataset(dataset.id)
    out.add(subject, RDF.type, DCAT.Dataset)
    out.add(subject, RDF.type, TVK.InformationResource if resource is None else None)
    out.plain(subject, DCTERMS.identifier, dataset.id)
    emit_fields(out, subject, RESOURCE_FIELDS, dataset)
    emit_fields(out, subject, DEFAULT_FIELDS, defaults)
    out.text(subject, DCTERMS.description, dataset.description or _register_description(dataset, resource))
    if resource is not None:
        out.add(subject, DCTERMS.isPartOf, out.iris.dataset(resource.id))
        out.add(out.iris.dataset(resource.id), DCTERMS.hasPart, subject)

    access_rights = dataset.access_rights or (rule.access_rights if dataset.personal_data else None)
    out.term(subject, DCTERMS.accessRights, "access-right", access_rights)
    laws = [*dataset.legislation, *(rule.legislation if dataset.personal_data else [])]
    out.each(subject, DCATAP.applicableLegislation, (out.laws[law] for law in laws))
    if has_distribution:
        out.add(subject, DCAT.distribution, out.iris.distribution(dataset.id))

    for group in dataset.data_groups:
        out.concept(subject, TVK.dataGroup, out.iris.data_group(dataset.id, first_text(group)), group, "data-groups")


def related_resource_triples(related: RelatedResource, out: Emitter) -> None:
    """Describe a resource outside the catalogue; typed dcat:Resource so harvesters do not list it."""
    subject = out.iris.related_resource(related.id)
    out.add(subject, RDF.type, DCAT.Resource)
    out.text(subject, DCTERMS.title, related.title)
    if related.shared_across is not None:
        out.add(subject, TVK.sharedAcross, out.iris.organisation(related.shared_across))


def _register_description(register: Dataset, resource: Dataset | None) -> Text | None:
    """The description of a register that has none, in every language.

    A title missing in a language is named by its Finnish form, as a Swedish text names a body
    that has no Swedish name: the missing title is one finding on the title itself, not one more
    on every register's generated description.
    """
    if resource is None:
        return None
    return {
        lang: REGISTER_DESCRIPTION[lang].format(
            title=register.title.get(lang) or register.title["fi"],
            resource=resource.title.get(lang) or resource.title["fi"],
        )
        for lang in LANGS
    }
