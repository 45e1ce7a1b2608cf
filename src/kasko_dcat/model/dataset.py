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
id                      dct:identifier                  text
title                   dct:title                       fi/sv/en
description             dct:description                 fi/sv/en (registers without one: generated)
seed_forms              skos:hiddenLabel                @fi, as the published description writes it
(register)              dct:isPartOf / dct:hasPart      the resource / the register
data_contents           tvk:dataContents                fi/sv/en (§ 28 item 3)
data_groups             tvk:dataGroup                   skos:Concept per group, fi/sv/en labels
systems                 tvk:informationSystem           system IRI (§ 28 item 1)
supporting_systems      tvk:supportingSystem            system IRI ("lisäksi käytetään")
feeds                   tvk:feeds                       related resource IRI
privacy_notices         tvk:privacyNotice               IRI
technical_interface     tvk:technicalInterface          xsd:boolean (§ 28 item 5)
personal_data/access_rights  dct:accessRights           EU access-right term
themes                  dcat:theme                      EU data-theme term
keywords                dcat:keyword                    per language
legislation             dcatap:applicableLegislation    ELI IRI
(defaults)              dct:publisher, dcat:contactPoint, tvk:disclosureAuthority, dct:spatial, dct:language
(always)                dcat:distribution               the information-request route (distribution.py)
======================  ==============================  ==========================================
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from kasko_dcat.model.emit import Emitter
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, RDF, SKOS, TVK, XSD
from kasko_dcat.source.fields import LANGS, Fields, Ref, Text, first_text

REGISTER_DESCRIPTION: Text = {
    "fi": "{title} – rekisteri, joka kuuluu seuraavaan tietovarantoon: {resource}.",
    "sv": "{title} – ett register som ingår i följande informationsresurs: {resource}.",
    "en": "{title} – a register that is part of the following information resource: {resource}.",
}
"""Published for a register whose source gives no description, which DCAT-AP makes mandatory."""

DATA_GROUP_SCHEME: Text = {"fi": "Tietoryhmät", "sv": "Datagrupper", "en": "Data groups"}
"""Title of the scheme ``scheme/data-groups`` that holds every dataset's data groups."""


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
    """An information resource, or a register within one (``part_of`` is then the resource's id)."""

    id: str
    title: Text
    description: Text | None
    seed_forms: list[str]
    part_of: str | None
    data_contents: Text | None
    data_groups: list[Text]
    systems: list[Ref]
    supporting_systems: list[Ref]
    feeds: list[Ref]
    privacy_notices: list[str]
    technical_interface: bool | None
    personal_data: bool | None
    access_rights: str | None
    themes: list[str]
    keywords: dict[str, list[str]] | None
    legislation: list[Ref]
    registers: list[Dataset]


@dataclass(frozen=True)
class RelatedResource:
    """A resource outside this catalogue that datasets feed, e.g. a city-wide customer data resource."""

    id: str
    title: Text
    shared_across: Ref | None


def parse_resource(f: Fields) -> Dataset:
    """Read one information resource file with its registers."""
    resource_id = f.ident("dataset")
    title = f.text("title")
    description = f.text("description")
    seed_forms = f.strings("seed_forms")
    data_contents = f.text("data_contents", required=False)
    data_groups = f.texts("data_groups")
    systems = f.refs("systems", "system")
    supporting_systems = f.refs("supporting_systems", "system")
    feeds = f.refs("feeds", "related resource")
    privacy_notices = f.urls("privacy_notices")
    technical_interface = f.flag("technical_interface")
    personal_data, access_rights = _access(f, resource_id)
    themes = f.codes("themes", "data-theme")
    keywords = f.keywords("keywords")
    legislation = f.refs("legislation", "law")
    inherited = (themes, keywords, legislation)
    registers = [_parse_register(sub, resource_id, inherited) for sub in f.subs("registers")]
    if not privacy_notices:
        f.gap("privacy_notices" if "privacy_notices" in f.block else None, "gap-privacy-notices", id=resource_id)
    if technical_interface is None:
        f.gap(
            "technical_interface" if "technical_interface" in f.block else None,
            "gap-technical-interface",
            id=resource_id,
        )
    f.done()
    return Dataset(
        resource_id,
        title,
        description,
        seed_forms,
        None,
        data_contents,
        data_groups,
        systems,
        supporting_systems,
        feeds,
        privacy_notices,
        technical_interface,
        personal_data,
        access_rights,
        themes,
        keywords,
        legislation,
        registers,
    )


def _parse_register(
    f: Fields, resource_id: str, inherited: tuple[list[str], dict[str, list[str]] | None, list[Ref]]
) -> Dataset:
    register_id = f.ident("dataset")
    title = f.text("title")
    description = f.text("description", required=False)
    seed_forms = f.strings("seed_forms")
    personal_data, access_rights = _access(f, register_id)
    themes, keywords, legislation = (
        f.codes("themes", "data-theme"),
        f.keywords("keywords"),
        f.refs("legislation", "law"),
    )
    # Absent means "as the resource"; an empty list written out means "none".
    themes = themes if "themes" in f.block else inherited[0]
    keywords = keywords if "keywords" in f.block else inherited[1]
    legislation = legislation if "legislation" in f.block else inherited[2]
    if description is None:
        f.gap("title", "gap-register-description", id=register_id)
    f.done()
    return Dataset(
        register_id,
        title,
        description,
        seed_forms,
        resource_id,
        None,
        [],
        [],
        [],
        [],
        [],
        None,
        personal_data,
        access_rights,
        themes,
        keywords,
        legislation,
        [],
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
    out.text(subject, DCTERMS.title, dataset.title)
    out.text(subject, DCTERMS.description, dataset.description or _register_description(dataset, resource))
    out.each(subject, SKOS.hiddenLabel, (Literal(form, lang="fi") for form in dataset.seed_forms))
    if resource is not None:
        out.add(subject, DCTERMS.isPartOf, out.iris.dataset(resource.id))
        out.add(out.iris.dataset(resource.id), DCTERMS.hasPart, subject)

    out.add(subject, DCTERMS.publisher, out.iris.organisation(defaults.publisher))
    if defaults.contact_point is not None:
        out.add(subject, DCAT.contactPoint, out.iris.contact(defaults.contact_point))
    out.add(subject, TVK.disclosureAuthority, out.iris.organisation(defaults.disclosure_authority))
    for code in defaults.spatial:
        out.term(subject, DCTERMS.spatial, "municipality", code)
    for code in defaults.languages:
        out.term(subject, DCTERMS.language, "language", code)

    access_rights = dataset.access_rights or (rule.access_rights if dataset.personal_data else None)
    out.term(subject, DCTERMS.accessRights, "access-right", access_rights)
    laws = [*dataset.legislation, *(rule.legislation if dataset.personal_data else [])]
    out.each(subject, DCATAP.applicableLegislation, (out.laws[law] for law in laws))
    for code in dataset.themes:
        out.term(subject, DCAT.theme, "data-theme", code)
    for lang, words in (dataset.keywords or {}).items():
        out.each(subject, DCAT.keyword, (Literal(word, lang=lang) for word in words))
    if has_distribution:
        out.add(subject, DCAT.distribution, out.iris.distribution(dataset.id))

    out.text(subject, TVK.dataContents, dataset.data_contents)
    for group in dataset.data_groups:
        out.concept(subject, TVK.dataGroup, out.iris.data_group(dataset.id, first_text(group)), group, "data-groups")
    out.each(subject, TVK.informationSystem, (out.iris.system(ref) for ref in dataset.systems))
    out.each(subject, TVK.supportingSystem, (out.iris.system(ref) for ref in dataset.supporting_systems))
    out.each(subject, TVK.feeds, (out.iris.related_resource(ref) for ref in dataset.feeds))
    out.each(subject, TVK.privacyNotice, (URIRef(url) for url in dataset.privacy_notices))
    if dataset.technical_interface is not None:
        out.add(subject, TVK.technicalInterface, Literal(dataset.technical_interface, datatype=XSD.boolean))


def related_resource_triples(related: RelatedResource, out: Emitter) -> None:
    """Describe a resource outside the catalogue; typed dcat:Resource so harvesters do not list it."""
    subject = out.iris.related_resource(related.id)
    out.add(subject, RDF.type, DCAT.Resource)
    out.text(subject, DCTERMS.title, related.title)
    if related.shared_across is not None:
        out.add(subject, TVK.sharedAcross, out.iris.organisation(related.shared_across))


def _register_description(register: Dataset, resource: Dataset | None) -> Text | None:
    if resource is None:
        return None
    return {
        lang: REGISTER_DESCRIPTION[lang].format(title=register.title[lang], resource=resource.title[lang])
        for lang in LANGS
        if lang in register.title and lang in resource.title
    }
