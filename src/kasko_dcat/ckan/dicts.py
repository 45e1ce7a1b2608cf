"""The built catalogue as avoindata.fi's CKAN dicts, declared as rows and read from the served graph.

**Where the values come from.** Every dict is read from the graph ``serve`` holds
(:class:`~kasko_dcat.serve.views.Catalogue`), the same triples the RDF pages show, so the CKAN face
and the RDF cannot disagree. The rows below say, per CKAN field, which predicates (a path from the
dataset) give its value and how it is shaped (``kind``), in the spirit of ckanext-dcat's mapping
tables. avoindata.fi's schema (``ckanext-ytp/schemas/dataset.json``) requires ``title_translated``,
``notes_translated`` and ``keywords`` in Finnish (its ``ckan.locale_default``), ``name``,
``license_id``, ``collection_type``, ``maintainer``, ``maintainer_email``, ``owner_org`` and a
``url`` on every resource; ckanext-fluent takes texts as ``{"fi": …, "sv": …, "en": …}`` and
keywords as ``{"fi": [...], …}``, each keyword a CKAN tag (2–100 characters: letters, digits,
space, ``-``, ``_``, ``.``).

**Nothing is lost.** What the dataset's RDF says that the schema has no field for goes into
``extras`` (the § 28 items: systems, data groups, data contents, registers, legal basis, the
disclosure authority, the worked request examples with their search keys), and a predicate no row
names goes there too under its prefixed name, so a new predicate in the RDF cannot silently vanish
from the CKAN face. A linked resource is written as ``{"uri": …, "label": {"fi": …}}``.

**Identity.** ``id`` is the UUID5 (URL namespace) of the dataset's IRI *as built* (the catalogue's
own base IRI), so it is the same wherever the catalogue is served and between builds; ``name`` is
the IRI's last segment (the source id), made a CKAN name (lowercase ``a-z0-9-_``, 2–100 characters).

**Where the source lacks what the portal requires** the rows of :data:`CHOICES` say what is sent
instead; nothing is invented: ``license_id`` is ``notspecified`` (CKAN's "License not specified";
avoindata.fi's own spatial harvester falls back to the same id), ``collection_type`` is
``Open Data``, and ``metadata_modified`` is left out when the source states no date (a CKAN
harvester then updates the dataset on every run instead of trusting an invented date).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC
from functools import cached_property

import pyoxigraph as ox

from kasko_dcat.rdf.iris import slug
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, PREFIXES, RDF, SKOS, TVK, VCARD
from kasko_dcat.serve.views import Catalogue, parse_since

DEFAULT_LANG = "fi"
"""avoindata.fi's ``ckan.locale_default``: the language its ``only_default_lang_required`` fields need."""
LANGS = ("fi", "sv", "en")
"""The languages avoindata.fi's fluent fields offer (``form_languages``), in the order they are written."""
TAG = re.compile(r"[\w \-.]{2,100}")
"""What CKAN's ``tag_length_validator`` and ``tag_name_validator`` accept (ckanext-fluent applies both)."""
NAME_MAX = 100
"""CKAN's longest dataset name (``PACKAGE_NAME_MAX_LENGTH``)."""

REQUIRED = (
    "title_translated",
    "name",
    "notes_translated",
    "keywords",
    "license_id",
    "collection_type",
    "maintainer",
    "maintainer_email",
    "owner_org",
)
"""The dataset fields avoindata.fi's schema requires (``required``, or ``only_default_lang_required`` for fi);
every resource also needs a ``url``."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Json = object


@dataclass(frozen=True)
class Licence:
    """One entry of ``license_list``, in CKAN's shape."""

    id: str
    title: str
    url: str = ""
    is_generic: bool = False
    od_conformance: str = "not reviewed"
    osd_conformance: str = "not reviewed"

    def as_dict(self) -> dict[str, Json]:
        """The dict CKAN's ``license_list`` answers with for this licence."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "status": "active",
            "maintainer": "",
            "family": "",
            "is_generic": self.is_generic,
            "is_okd_compliant": False,
            "is_osi_compliant": False,
            "od_conformance": self.od_conformance,
            "osd_conformance": self.osd_conformance,
            "domain_content": False,
            "domain_data": False,
            "domain_software": False,
        }


NOT_SPECIFIED = Licence("notspecified", "License not specified", is_generic=True)
"""CKAN's default licence register's entry for "no licence stated"; avoindata.fi uses the same id."""


@dataclass(frozen=True)
class Choice:
    """A value the portal requires that the source does not state, what is sent instead, and why."""

    field: str
    value: str
    reason: str


CHOICES = (
    Choice("license_id", NOT_SPECIFIED.id, "the source states no licence (catalog.yaml `license`)"),
    Choice(
        "collection_type",
        "Open Data",
        "avoindata.fi's only other collection, Interoperability Tools, is for code lists and schemas",
    ),
    Choice("metadata_modified", "(left out)", "the source states no date; a harvester then updates on every run"),
)
"""The choices made where avoindata.fi requires a value the source lacks; the README lists the same."""


Kind = Callable[["Reader", list[Term]], Json]
"""How a field's value is made from the objects its path reaches."""


@dataclass(frozen=True)
class Row:
    """One CKAN field: its name, the predicate path from the subject, and how the value is shaped."""

    field: str
    path: tuple[str, ...]
    kind: Kind


def _texts(values: list[Term]) -> list[ox.Literal]:
    return sorted((v for v in values if isinstance(v, ox.Literal)), key=lambda v: (v.language or "", v.value))


def translated(_: Reader, values: list[Term]) -> Json:
    """``{"fi": …, "sv": …, "en": …}``: one text per language of :data:`LANGS` (ckanext-fluent's form)."""
    found: dict[str, str] = {}
    for literal in _texts(values):
        if literal.language in LANGS:
            found.setdefault(literal.language, literal.value)
    return {lang: found[lang] for lang in LANGS if lang in found} or None


def default_text(reader: Reader, values: list[Term]) -> Json:
    """The Finnish text, for CKAN's plain fields (``title``, ``notes``, ``maintainer``)."""
    found = translated(reader, values)
    return found.get(DEFAULT_LANG) if isinstance(found, dict) else None


def tags(_: Reader, values: list[Term]) -> Json:
    """``{"fi": [...], …}``: keywords per language, sorted, only those CKAN accepts as tags."""
    found: dict[str, list[str]] = {}
    for literal in _texts(values):
        if literal.language in LANGS and TAG.fullmatch(literal.value):
            found.setdefault(literal.language, []).append(literal.value)
    return {lang: found[lang] for lang in LANGS if lang in found} or None


def emails(_: Reader, values: list[Term]) -> Json:
    """Addresses of ``mailto:`` IRIs (avoindata.fi's ``maintainer_email`` is a list)."""
    found = sorted(v.value.removeprefix("mailto:") for v in values if isinstance(v, ox.NamedNode))
    return found or None


def first_iri(_: Reader, values: list[Term]) -> Json:
    """The first IRI, for a single-valued link field."""
    found = sorted(v.value for v in values if isinstance(v, ox.NamedNode))
    return found[0] if found else None


def iris(_: Reader, values: list[Term]) -> Json:
    """Every IRI, sorted."""
    return sorted(v.value for v in values if isinstance(v, ox.NamedNode)) or None


def iri_text(reader: Reader, values: list[Term]) -> Json:
    """Every IRI, sorted, in one text separated by spaces (a resource field that the portal keeps as text)."""
    found = iris(reader, values)
    return " ".join(found) if isinstance(found, list) else None


def plain(_: Reader, values: list[Term]) -> Json:
    """The literal's text (one value; several are joined by a line break)."""
    found = [v.value for v in _texts(values)]
    return "\n".join(found) if found else None


def format_name(reader: Reader, values: list[Term]) -> Json:
    """A format as CKAN's short ``format`` text (``PDF``): a literal's text, else the IRI's last segment.

    avoindata.fi's ``format`` validators (``clean_format upper_if_exists``) expect a short word and would
    upper-case a JSON text of the link into nonsense; the last segment is the code in the EU file-type
    table (``…/file-type/PDF``) and the subtype in IANA's (``…/media-types/text/csv``). The IRI itself
    goes to ``format_uri`` (:func:`iri_text`).
    """
    found = sorted(v.value if isinstance(v, ox.Literal) else v.value.rstrip("/").rpartition("/")[2] for v in values)
    return ", ".join(found) if found else None


def described(reader: Reader, values: list[Term]) -> Json:
    """A JSON text of each value as :meth:`Reader.term` renders it: links with labels, texts with language."""
    found = [reader.term(v) for v in values]
    return _json(sorted(found, key=_json)) if found else None


DATASET_ROWS = (
    Row("title", (str(DCTERMS.title),), default_text),
    Row("title_translated", (str(DCTERMS.title),), translated),
    Row("notes", (str(DCTERMS.description),), default_text),
    Row("notes_translated", (str(DCTERMS.description),), translated),
    Row("keywords", (str(DCAT.keyword),), tags),
    Row("maintainer", (str(DCAT.contactPoint), str(VCARD.fn)), default_text),
    Row("maintainer_email", (str(DCAT.contactPoint), str(VCARD.hasEmail)), emails),
    Row("maintainer_website", (str(DCAT.contactPoint), str(VCARD.hasURL)), first_iri),
    Row("external_urls", (str(DCAT.landingPage),), iris),
)
"""Fields of avoindata.fi's dataset schema (and CKAN's core) filled from the dataset's RDF."""

EXTRA_ROWS = (
    Row("identifier", (str(DCTERMS.identifier),), plain),
    Row("access_rights", (str(DCTERMS.accessRights),), described),
    Row("applicable_legislation", (str(DCATAP.applicableLegislation),), described),
    Row("data_contents", (str(TVK.dataContents),), described),
    Row("data_groups", (str(TVK.dataGroup),), described),
    Row("information_systems", (str(TVK.informationSystem),), described),
    Row("supporting_systems", (str(TVK.supportingSystem),), described),
    Row("feeds", (str(TVK.feeds),), described),
    Row("shared_across", (str(TVK.sharedAcross),), described),
    Row("has_part", (str(DCTERMS.hasPart),), described),
    Row("is_part_of", (str(DCTERMS.isPartOf),), described),
    Row("disclosure_authority", (str(TVK.disclosureAuthority),), described),
    Row("publisher", (str(DCTERMS.publisher),), described),
    Row("contact_point", (str(DCAT.contactPoint),), described),
    Row("privacy_notices", (str(TVK.privacyNotice),), described),
    Row("technical_interface", (str(TVK.technicalInterface),), plain),
    Row("theme", (str(DCAT.theme),), described),
    Row("language", (str(DCTERMS.language),), described),
    Row("spatial_coverage", (str(DCTERMS.spatial),), described),  # "spatial" is ckanext-spatial's GeoJSON
    Row("temporal", (str(DCTERMS.temporal),), described),
    Row("issued", (str(DCTERMS.issued),), plain),
    Row("modified", (str(DCTERMS.modified),), plain),
    Row("license", (str(DCTERMS.license),), described),
    Row("search_labels", (str(SKOS.hiddenLabel),), described),
    Row("rdf_type", (str(RDF.type),), described),
)
"""The dataset's other predicates, as ``extras`` (key, JSON or plain text value)."""

RESOURCE_ROWS = (
    Row("name", (str(DCTERMS.title),), default_text),
    Row("name_translated", (str(DCTERMS.title),), translated),
    Row("description", (str(DCTERMS.description),), default_text),
    Row("description_translated", (str(DCTERMS.description),), translated),
    Row("access_url", (str(DCAT.accessURL),), first_iri),
    Row("download_url", (str(DCAT.downloadURL),), first_iri),
    Row("rights", (str(DCTERMS.rights),), described),
    Row("applicable_legislation", (str(DCATAP.applicableLegislation),), described),
    Row("license", (str(DCTERMS.license),), described),
    Row("format", (str(DCTERMS.format),), format_name),
    Row("format_uri", (str(DCTERMS.format),), iri_text),
    Row("rdf_type", (str(RDF.type),), described),
)
"""A distribution (the request route) as a CKAN resource; its other predicates are kept the same way."""

RESOURCE_URL_PATHS = ((str(DCAT.downloadURL),), (str(DCAT.accessURL),))
"""Where a resource's required ``url`` comes from, first found wins; else the distribution's own IRI."""

EXAMPLES = str(TVK.appliesTo)
"""Worked request examples point at the datasets they apply to (the § 28 search keys hang on them)."""
CATALOG_LICENSE = str(DCTERMS.license)


class Reader:
    """Reads dicts from one served catalogue; caches what several dicts share (names, organisations)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    # -- graph access ---------------------------------------------------------------------------

    def props(self, subject: str | ox.BlankNode) -> dict[str, list[Term]]:
        """Predicate → objects of ``subject``, in a stable order."""
        node = ox.NamedNode(subject) if isinstance(subject, str) else subject
        found: dict[str, list[Term]] = {}
        for quad in self.catalogue.store.quads_for_pattern(node, None, None):
            found.setdefault(quad.predicate.value, []).append(quad.object)
        for values in found.values():
            values.sort(key=str)
        return found

    def follow(self, subject: str, path: tuple[str, ...]) -> list[Term]:
        """The objects reached from ``subject`` along ``path``."""
        current: list[Term] = [ox.NamedNode(subject)]
        for predicate in path:
            current = [
                quad.object
                for node in current
                if isinstance(node, ox.NamedNode | ox.BlankNode)
                for quad in self.catalogue.store.quads_for_pattern(node, ox.NamedNode(predicate), None)
            ]
        return sorted(current, key=str)

    def label(self, iri: str) -> Json:
        """``{"fi": …}`` of the resource's name (title, name, label, …), or its one plain label."""
        texts = self.catalogue.texts(iri)
        by_lang = translated(self, list(texts))
        if by_lang:
            return by_lang
        bare = sorted(t.value for t in texts if not t.language)
        return bare[0] if bare else None

    def term(self, term: Term) -> Json:
        """A value as JSON: a link with its label and identifier, a text with its language, a blank node expanded."""
        if isinstance(term, ox.Literal):
            if term.language:
                return {"value": term.value, "lang": term.language}
            if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                return {"value": term.value, "datatype": term.datatype.value}
            return term.value
        if isinstance(term, ox.BlankNode):
            return {_short(p): [self.term(v) for v in values] for p, values in sorted(self.props(term).items())}
        if isinstance(term, ox.Triple):
            return str(term)
        found: dict[str, Json] = {"uri": term.value}
        label = self.label(term.value)
        if label:
            found["label"] = label
        if self.nested(term.value):  # minted under what is written in full (a data group, a search key)
            for predicate, values in sorted(self.props(term.value).items()):
                found[_short(predicate)] = sorted((self.term(v) for v in values), key=_json)
            return found
        identifier = plain(self, self.follow(term.value, (str(DCTERMS.identifier),)))
        if identifier:
            found["identifier"] = identifier
        if term.value in self.names:
            found["name"] = self.names[term.value]
        return found

    @cached_property
    def owners(self) -> frozenset[str]:
        """What is written in full in a dict: the datasets and the request examples that apply to them."""
        examples = self.catalogue.store.quads_for_pattern(None, ox.NamedNode(EXAMPLES), None)
        return frozenset(self.catalogue.datasets) | {
            q.subject.value for q in examples if isinstance(q.subject, ox.NamedNode)
        }

    def nested(self, iri: str) -> bool:
        """Whether ``iri`` is minted under a dataset or an example (``dataset/x/data-group/y``), so part of it."""
        parts = iri.split("/")
        return any("/".join(parts[:end]) in self.owners for end in range(len(parts) - 1, 3, -1))

    # -- identity -------------------------------------------------------------------------------

    @cached_property
    def names(self) -> dict[str, str]:
        """Dataset IRI → CKAN ``name``: the IRI's last segment made a CKAN name, unique in the catalogue."""
        names: dict[str, str] = {}
        taken: set[str] = set()
        for iri in self.catalogue.datasets:
            name = ckan_name(iri.rstrip("/").rpartition("/")[2], iri)
            if name in taken:
                name = ckan_name(f"{name[: NAME_MAX - 9]}-{_digest(iri)}", iri)
            taken.add(name)
            names[iri] = name
        return names

    def built_iri(self, iri: str) -> str:
        """``iri`` under the base the catalogue was built with, which ids derive from (module docstring)."""
        base, own = self.catalogue.base, self.catalogue.own_base
        return own + iri[len(base) :] if iri.startswith(base) else iri

    def ident(self, iri: str) -> str:
        """The stable CKAN ``id`` of the thing ``iri`` names."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, self.built_iri(iri)))

    @cached_property
    def by_key(self) -> dict[str, str]:
        """CKAN ``id`` and ``name`` → dataset IRI, for ``package_show``."""
        found = {name: iri for iri, name in self.names.items()}
        found.update({self.ident(iri): iri for iri in self.catalogue.datasets})
        return found

    # -- dicts ----------------------------------------------------------------------------------

    def dataset(self, iri: str) -> dict[str, Json]:
        """The ``package_show`` dict of the dataset ``iri``."""
        props = self.props(iri)
        found: dict[str, Json] = {"id": self.ident(iri), "name": self.names[iri], "type": "dataset"}
        for row in DATASET_ROWS:
            value = row.kind(self, self.follow(iri, row.path))
            if value is not None:
                found[row.field] = value
        found["external_urls"] = sorted({iri, *(found.get("external_urls") or [])})  # type: ignore[misc]
        licence = self.licence(iri)
        found["license_id"] = licence.id
        found["license_title"] = licence.title
        if licence.url:
            found["license_url"] = licence.url
        found["collection_type"] = CHOICES[1].value
        found["private"] = False
        found["state"] = "active"
        found.update(self.dates(iri))
        publisher = first_iri(self, props.get(str(DCTERMS.publisher), []))
        if publisher is not None:
            organisation = self.organisation(publisher)
            found["owner_org"] = organisation["id"]
            found["organization"] = organisation
        found["groups"] = [self.group_summary(theme) for theme in iris(self, props.get(str(DCAT.theme), [])) or []]
        found["resources"] = [
            {**self.resource(d), "package_id": found["id"], "position": position}
            for position, d in enumerate(iris(self, props.get(str(DCAT.distribution), [])) or [])
        ]
        found["num_resources"] = len(found["resources"])  # type: ignore[arg-type]
        found["tags"] = []
        found["num_tags"] = 0
        found["extras"] = self.extras(iri, props)
        return found

    def extras(self, iri: str, props: dict[str, list[Term]]) -> list[dict[str, str]]:
        """The dataset's predicates the schema has no field for, and the request examples that apply to it."""
        extras = {"uri": iri}
        named = {row.path[0] for row in (*DATASET_ROWS, *EXTRA_ROWS)} | {
            str(DCAT.distribution),
            str(DCAT.keyword),
        }
        for row in EXTRA_ROWS:
            value = row.kind(self, self.follow(iri, row.path))
            if value is not None:
                extras[row.field] = value  # type: ignore[assignment]
        for predicate, values in props.items():
            if predicate not in named:  # a predicate no row names is kept under its prefixed name
                extras[_short(predicate)] = described(self, values)  # type: ignore[assignment]
        keywords = [v for v in props.get(str(DCAT.keyword), []) if isinstance(v, ox.Literal)]
        refused = [v for v in keywords if not TAG.fullmatch(v.value) or v.language not in LANGS]
        if refused:
            extras["keywords_not_tags"] = described(self, refused)  # type: ignore[assignment]
        examples = self.examples(iri)
        if examples:
            extras["request_examples"] = _json(examples)
        return [{"key": key, "value": extras[key]} for key in sorted(extras)]

    def examples(self, iri: str) -> list[Json]:
        """The worked request examples that apply to ``iri``, each with every predicate it has."""
        found = []
        for quad in self.catalogue.store.quads_for_pattern(None, ox.NamedNode(EXAMPLES), ox.NamedNode(iri)):
            subject = quad.subject
            if isinstance(subject, ox.NamedNode):
                described_example: dict[str, Json] = {"uri": subject.value}
                for predicate, values in sorted(self.props(subject.value).items()):
                    described_example[_short(predicate)] = sorted((self.term(v) for v in values), key=_json)
                found.append(described_example)
        return sorted(found, key=_json)

    def resource(self, iri: str) -> dict[str, Json]:
        """A distribution as a CKAN resource; ``url`` is its download or access URL."""
        props = self.props(iri)
        found: dict[str, Json] = {"id": self.ident(iri), "uri": iri}
        for row in RESOURCE_ROWS:
            value = row.kind(self, self.follow(iri, row.path))
            if value is not None:
                found[row.field] = value
        url = next((u for path in RESOURCE_URL_PATHS if (u := first_iri(self, self.follow(iri, path)))), iri)
        found["url"] = url
        named = {row.path[0] for row in RESOURCE_ROWS}
        for predicate, values in props.items():
            if predicate not in named:
                found[_short(predicate)] = described(self, values)
        return found

    def licence(self, dataset: str) -> Licence:
        """The dataset's licence: its distributions', else the catalogue's; ``notspecified`` where none is stated."""
        stated = self.follow(dataset, (str(DCAT.distribution), CATALOG_LICENSE)) or self.follow(
            self.catalogue.iri, (CATALOG_LICENSE,)
        )
        url = first_iri(self, stated)
        if not isinstance(url, str):
            return NOT_SPECIFIED
        return Licence(url, str(default_text(self, list(self.catalogue.texts(url)))) or url, url)

    def dates(self, dataset: str) -> dict[str, str]:
        """``metadata_modified`` / ``metadata_created`` from ``dct:modified`` / ``dct:issued``, else the catalogue's."""
        found = {}
        for field, predicate in (("metadata_modified", DCTERMS.modified), ("metadata_created", DCTERMS.issued)):
            values = self.follow(dataset, (str(predicate),)) or self.follow(self.catalogue.iri, (str(predicate),))
            text = plain(self, values)
            if isinstance(text, str):
                found[field] = ckan_datetime(text.split("\n")[-1])
        return found

    @cached_property
    def organisations(self) -> dict[str, dict[str, Json]]:
        """Publisher IRI → organisation dict, for every publisher of a dataset."""
        found: dict[str, dict[str, Json]] = {}
        for dataset in self.catalogue.datasets:
            for publisher in self.follow(dataset, (str(DCTERMS.publisher),)):
                if isinstance(publisher, ox.NamedNode) and publisher.value not in found:
                    found[publisher.value] = self._organisation(publisher.value)
        return dict(sorted(found.items(), key=lambda item: str(item[1]["name"])))

    def organisation(self, iri: str) -> dict[str, Json]:
        """The organisation dict of publisher ``iri`` (as a dataset dict's ``organization``)."""
        return self.organisations.get(iri) or self._organisation(iri)

    def _organisation(self, iri: str) -> dict[str, Json]:
        return self._group(iri, organisation=True)

    @cached_property
    def groups(self) -> dict[str, dict[str, Json]]:
        """Theme IRI → group dict: avoindata.fi's categories are groups; the datasets' themes become them."""
        themes = {
            theme.value
            for dataset in self.catalogue.datasets
            for theme in self.follow(dataset, (str(DCAT.theme),))
            if isinstance(theme, ox.NamedNode)
        }
        found = {theme: self._group(theme) for theme in themes}
        return dict(sorted(found.items(), key=lambda item: str(item[1]["name"])))

    def _group(self, iri: str, organisation: bool = False) -> dict[str, Json]:
        """An organisation or group dict: CKAN's shape, titles in fi/sv/en, the name from the notation or IRI."""
        label = self.label(iri)
        titles = label if isinstance(label, dict) else {DEFAULT_LANG: label or iri}
        title = titles.get(DEFAULT_LANG) or next(iter(titles.values()))
        notation = None if organisation else plain(self, self.follow(iri, (str(SKOS.notation),)))
        return {
            "id": self.ident(iri),
            "name": ckan_name(str(notation or iri.rstrip("/").rpartition("/")[2]), iri),
            "title": title,
            "title_translated": titles,
            "display_name": title,
            "description": "",
            "type": "organization" if organisation else "group",
            "is_organization": organisation,
            "state": "active",
            "approval_status": "approved",
            "image_url": "",
            "image_display_url": "",
            "extras": [{"key": "uri", "value": iri}],
        }

    def group_summary(self, iri: str) -> dict[str, Json]:
        """A group as a dataset dict lists it (avoindata.fi's ``groups`` subfields)."""
        group = self.groups.get(iri) or self._group(iri)
        return {key: group[key] for key in ("id", "name", "title", "description", "display_name", "image_display_url")}

    @cached_property
    def datasets(self) -> dict[str, dict[str, Json]]:
        """Every dataset dict, by IRI, in IRI order (read once; ``serve`` answers from these)."""
        return {iri: self.dataset(iri) for iri in self.catalogue.datasets}

    def licences(self) -> list[dict[str, Json]]:
        """``license_list``: the licences the datasets carry (``notspecified`` when none is stated)."""
        found = {str(d["license_id"]): self.licence(iri) for iri, d in self.datasets.items()}
        return [found[key].as_dict() for key in sorted(found)]


def ckan_name(text: str, iri: str) -> str:
    """``text`` as a CKAN name: lowercase ``a-z0-9-_``, 2 to 100 characters; a digest of ``iri`` where cut or padded."""
    name = re.sub(r"[^a-z0-9_-]+", "-", slug(text) if not re.fullmatch(r"[a-z0-9_-]+", text) else text).strip("-")
    if len(name) > NAME_MAX:
        name = f"{name[: NAME_MAX - 9].rstrip('-')}-{_digest(iri)}"
    if len(name) < 2:
        name = f"{name}-{_digest(iri)}".strip("-")
    return name


def ckan_datetime(text: str) -> str:
    """An ``xsd:date`` or ``xsd:dateTime`` as CKAN writes ``metadata_modified``: ISO 8601 in UTC, no zone."""
    when = parse_since(text if "T" in text else f"{text}T00:00:00")
    if when is None:
        return text
    return when.astimezone(UTC).replace(tzinfo=None).isoformat()


def _digest(iri: str) -> str:
    return hashlib.sha256(iri.encode()).hexdigest()[:8]


_PREFIXES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def _short(iri: str) -> str:
    """``dct:title`` for a predicate in a namespace we name, else the IRI."""
    for namespace, prefix in _PREFIXES:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _json(value: Json) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def all_text(value: Json) -> Iterable[str]:
    """Every string in a dict (keys excepted), JSON texts in it opened too: what a search or a check reads."""
    if isinstance(value, dict):
        for item in value.values():
            yield from all_text(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_text(item)
    elif isinstance(value, str):
        yield value
        if value[:1] in "[{":
            try:
                opened = json.loads(value)
            except ValueError:
                return
            yield from all_text(opened)
