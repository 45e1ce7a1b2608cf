"""The citizen site: the § 28 description as pages people read to find data and ask for it.

Every page is made from the loaded catalogue (:class:`~kasko_dcat.serve.views.Catalogue`, the
graph ``serve`` answers RDF from), never from the YAML, so the pages cannot say anything the
linked data does not. The data for a page is gathered here into plain objects; the Jinja2
templates in ``templates/`` (autoescaped) only lay them out.

One :class:`Router` makes every link, so the same templates serve two sites: ``serve``'s,
where links are absolute URLs under the base IRI with ``?lang=``, and the static export
(``kasko-dcat site``), where they are relative file paths (``../system/x.html``) that work in a
subfolder of any web server and from ``file://``.

Texts are shown in the page's language; where the catalogue lacks it the Finnish text (the
language of record), else the English one, is shown and marked with its ``lang`` so a screen
reader reads it right.
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import quote

import jinja2
import pyoxigraph as ox
from markupsafe import Markup

from kasko_dcat.i18n.languages import LANG_NAMES, UI_LANGS
from kasko_dcat.i18n.messages import render
from kasko_dcat.query.results import compact
from kasko_dcat.rdf.formats import OUTPUT
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, FOAF, ORG, RDF, RDFS, SDO, SKOS, TVK, VCARD
from kasko_dcat.rdf.vocabularies import TABLES
from kasko_dcat.serve import search
from kasko_dcat.serve.ui import UI
from kasko_dcat.serve.views import LABELS, Catalogue

if TYPE_CHECKING:
    from kasko_dcat.quality.scoring import Scorecard

SITE_PAGES = ("request", "system", "search", "picture", "quality")
"""Pages of the site that are no IRI of the catalogue (``system`` is the index of systems)."""
SVG_NAME = "systems.svg"
MAX_REFERRING = 200
"""Links back listed on a linked-data page; the publisher of 10 000 datasets would otherwise list 20 000."""
_LINKABLE = ("http://", "https://", "mailto:", "tel:")


def _node(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


_P = {
    name: _node(term)
    for name, term in {
        "type": RDF.type,
        "title": DCTERMS.title,
        "description": DCTERMS.description,
        "identifier": DCTERMS.identifier,
        "has_part": DCTERMS.hasPart,
        "is_part_of": DCTERMS.isPartOf,
        "access_rights": DCTERMS.accessRights,
        "publisher": DCTERMS.publisher,
        "theme": DCAT.theme,
        "keyword": DCAT.keyword,
        "contact_point": DCAT.contactPoint,
        "legislation": DCATAP.applicableLegislation,
        "dataset": DCAT.dataset,
        "distribution": DCAT.distribution,
        "access_url": DCAT.accessURL,
        "homepage": FOAF.homepage,
        "pref_label": SKOS.prefLabel,
        "hidden_label": SKOS.hiddenLabel,
        "label": RDFS.label,
        "comment": RDFS.comment,
        "fn": VCARD.fn,
        "name": FOAF.name,
        "email": VCARD.hasEmail,
        "url": VCARD.hasURL,
        "address": VCARD.hasAddress,
        "telephone": VCARD.hasTelephone,
        "value": VCARD.hasValue,
        "hours": SDO.hoursAvailable,
        "hours_text": SDO.description,
        "site": ORG.hasSite,
        "site_address": ORG.siteAddress,
        "reports_to": ORG.reportsTo,
        "unit_of": ORG.unitOf,
        "kind": DCTERMS.type,
        "data_contents": TVK.dataContents,
        "data_group": TVK.dataGroup,
        "system": TVK.informationSystem,
        "supporting": TVK.supportingSystem,
        "disclosure": TVK.disclosureAuthority,
        "feeds": TVK.feeds,
        "shared": TVK.sharedAcross,
        "applies_to": TVK.appliesTo,
        "search_key": TVK.searchKey,
        "channel": TVK.requestChannel,
        "handled_by": TVK.handledBy,
        "privacy": TVK.privacyNotice,
        "interface": TVK.technicalInterface,
    }.items()
}
_C = {
    "resource": _node(TVK.InformationResource),
    "dataset": _node(DCAT.Dataset),
    "system": _node(TVK.InformationSystem),
    "guidance": _node(TVK.RequestGuidance),
    "channel": _node(TVK.RequestChannel),
    "electronic": _node(TVK.ElectronicChannel),
    "organisation": _node(FOAF.Organization),
}


@dataclass(frozen=True)
class Text:
    """A text to show, and its language when that differs from the page's (to mark with ``lang=``)."""

    value: str
    lang: str | None = None


@dataclass(frozen=True)
class Link:
    """A named target: ``href`` is ``None`` where the site has no page for it."""

    text: Text
    href: str | None = None
    external: bool = False


@dataclass(frozen=True)
class Router:
    """Where links point: absolute URLs under ``base`` (served) or paths relative to ``here`` (static).

    A *site path* names a page independently of the site: ``""`` the front page, ``request``,
    ``system`` (the index), ``system/{id}``, ``dataset/{id}``, ``search``, ``picture``, or (served
    only) any IRI's local part such as ``channel/{id}``.
    """

    base: str
    lang: str
    here: str
    static: bool = False

    def page(self, path: str, lang: str | None = None, fragment: str = "") -> str:
        """The link to the page at site path ``path`` in ``lang`` (default: this page's)."""
        lang = lang or self.lang
        anchor = f"#{fragment}" if fragment else ""
        if self.static:
            return self._relative(f"{lang}/{path or 'index'}.html") + anchor
        return f"{self.base}{path or 'catalog'}?lang={lang}{anchor}"

    def asset(self, name: str, per_language: bool = False) -> str:
        """A file beside the pages: the RDF files (one for all languages) or the picture (one per language)."""
        if self.static:
            return self._relative(f"{self.lang}/{name}" if per_language else name)
        return f"{self.base}{name}" + (f"?lang={self.lang}" if per_language else "")

    def served(self, path: str) -> str | None:
        """An absolute URL of the running server (SPARQL, search, raw RDF); ``None`` in the static export."""
        return None if self.static else self.base + path

    def _relative(self, target: str) -> str:
        start = posixpath.dirname(f"{self.lang}/{self.here or 'index'}.html")
        return quote(posixpath.relpath(target, start))


@dataclass
class Page:
    """What every template receives besides its own data."""

    lang: str
    router: Router
    title: str
    path: str
    formats: list[tuple[str, str, str]] = field(default_factory=list)
    """(name, media type, href) of this page's RDF."""

    @property
    def ui(self) -> dict[str, str]:
        """The interface texts in the page's language."""
        return UI[self.lang]

    @property
    def languages(self) -> list[tuple[str, str, str | None]]:
        """(code, name, href or ``None`` for the current one) for the language switch."""
        return [
            (code, LANG_NAMES[code], None if code == self.lang else self.router.page(self.path, code))
            for code in UI_LANGS
        ]


class Site:
    """The pages of one loaded catalogue, in any language, for ``serve`` or for the static export."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.store = catalogue.store
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("kasko_dcat.serve", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # package data: the templates do not change while the process runs
        )

    # --- reading the graph -------------------------------------------------------------------

    def objects(self, subject: str, predicate: str) -> list[ox.NamedNode | ox.BlankNode | ox.Literal]:
        """The objects of ``subject``'s ``predicate`` (a key of ``_P``), sorted for stable pages."""
        found = self.store.quads_for_pattern(ox.NamedNode(subject), _P[predicate], None)
        return sorted((quad.object for quad in found), key=str)  # type: ignore[misc]

    def iris(self, subject: str, predicate: str) -> list[str]:
        """The IRIs ``subject`` points to by ``predicate``."""
        return [term.value for term in self.objects(subject, predicate) if isinstance(term, ox.NamedNode)]

    def subjects(self, predicate: str, target: str) -> list[str]:
        """The IRIs that point to ``target`` by ``predicate``."""
        found = self.store.quads_for_pattern(None, _P[predicate], ox.NamedNode(target))
        return sorted({q.subject.value for q in found if isinstance(q.subject, ox.NamedNode)})

    def of_type(self, kind: str) -> list[str]:
        """Every IRI typed ``kind`` (a key of ``_C``)."""
        found = self.store.quads_for_pattern(None, _P["type"], _C[kind])
        return sorted({q.subject.value for q in found if isinstance(q.subject, ox.NamedNode)})

    def is_a(self, iri: str, kind: str) -> bool:
        """Whether ``iri`` is typed ``kind``."""
        return any(True for _ in self.store.quads_for_pattern(ox.NamedNode(iri), _P["type"], _C[kind]))

    def texts(self, subject: str, predicate: str) -> dict[str, str]:
        """``subject``'s texts of ``predicate`` by language tag (``""`` for untagged; one per language)."""
        found: dict[str, str] = {}
        for term in self.objects(subject, predicate):
            if isinstance(term, ox.Literal):
                found.setdefault(term.language or "", term.value)
        return found

    def text(self, subject: str, predicate: str, lang: str) -> Text | None:
        """``subject``'s text in ``lang``, else Finnish, else English, else untagged, else any (marked)."""
        return pick(self.texts(subject, predicate), lang)

    def all_texts(self, subject: str, predicate: str, lang: str) -> list[Text]:
        """Every text of ``predicate`` in ``lang`` (keywords), falling back like :meth:`text` as a whole."""
        terms = [t for t in self.objects(subject, predicate) if isinstance(t, ox.Literal)]
        for wanted in (lang, "fi", "en"):
            chosen = sorted(t.value for t in terms if t.language == wanted)
            if chosen:
                return [Text(value, None if wanted == lang else wanted) for value in chosen]
        return [Text(t.value) for t in terms if not t.language]

    def access(self, iri: str, lang: str) -> Text:
        """An EU access-right term by the table's own label in the page's language, and what it means to a reader.

        The labels are the EU table's (``data/vocabularies.ttl`` copies its fi/sv/en labels); the
        site adds, in its own words, what "non-public" means for someone who wants the data.
        """
        label = self.name(iri, lang)
        code = iri.rsplit("/", 1)[-1]
        means = UI[lang].get(f"access_{code}_means") if iri.startswith(str(TABLES["access-right"])) else None
        shown = label.value[:1].upper() + label.value[1:]
        return Text(f"{shown} — {means}" if means and not label.lang else shown, label.lang)

    def address(self, iri: str, lang: str) -> Text | None:
        """An address as written, with the organisations it names in the page's language where they have one.

        The source writes addresses once, in Finnish, as the published page does (``Kasvatuksen ja
        koulutuksen toimiala, PL 58300, 00099 Helsingin kaupunki``); the organisations' Swedish and
        English names are in the catalogue, so a Swedish reader gets ``Fostrans- och utbildningssektorn``
        there. Street names and post boxes stay as written: the source gives no other form.
        """
        written = self.text(iri, "label", lang)
        if written is None or written.lang != "fi":
            return written
        value = written.value
        for finnish, own in self.organisation_names.get(lang, ()):
            value = finnish.sub(own.replace("\\", "\\\\"), value)
        return written if value == written.value else Text(value)

    @cached_property
    def organisation_names(self) -> dict[str, list[tuple[re.Pattern[str], str]]]:
        """Per language: (Finnish name as a case-blind pattern, name in that language) of each organisation."""
        names: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for org in self.of_type("organisation"):
            texts = self.texts(org, "name")
            for lang, own in texts.items():
                finnish = texts.get("fi")
                if finnish and lang != "fi" and own != finnish:
                    names.setdefault(lang, []).append((re.compile(re.escape(finnish), re.IGNORECASE), own))
        return {lang: sorted(found, key=lambda pair: -len(pair[0].pattern)) for lang, found in names.items()}

    def name(self, iri: str, lang: str) -> Text:
        """What a reader calls ``iri``: its first label predicate with a text, else its IRI shortened."""
        for predicate in LABELS:
            texts: dict[str, str] = {}
            for quad in self.store.quads_for_pattern(ox.NamedNode(iri), predicate, None):
                if isinstance(quad.object, ox.Literal):
                    texts.setdefault(quad.object.language or "", quad.object.value)
            chosen = pick(texts, lang)
            if chosen is not None:
                return chosen
        return Text(compact(iri))

    # --- links -------------------------------------------------------------------------------

    def site_path(self, iri: str) -> str | None:
        """The site path of the citizen page for ``iri``, if the site has one."""
        base = self.catalogue.base
        if not iri.startswith(base):
            return None
        local = iri[len(base) :]
        if local == "catalog":
            return ""
        if local.count("/") == 1 and local.split("/")[0] in {"dataset", "system"} and self.catalogue.has(iri):
            return local
        return None

    def link(self, iri: str, router: Router, lang: str) -> Link:
        """A link to ``iri``: its citizen page, its linked-data page (served), or the outside address."""
        name = self.name(iri, lang)
        path = self.site_path(iri)
        if path is not None:
            return Link(name, router.page(path))
        if iri.startswith(self.catalogue.base):
            if router.static or not self.catalogue.has(iri):
                return Link(name)
            return Link(name, router.page(iri[len(self.catalogue.base) :]))
        if iri.startswith(_LINKABLE):  # never a javascript: or data: link, whatever the source says
            return Link(name, iri, external=True)
        return Link(name)

    def links(self, iris: Iterable[str], router: Router, lang: str) -> list[Link]:
        """Links to ``iris``, sorted by what the reader sees."""
        return sorted((self.link(iri, router, lang) for iri in iris), key=lambda link: sort_key(link.text.value))

    # --- page data ---------------------------------------------------------------------------

    @cached_property
    def resources(self) -> list[str]:
        """The information resources (the datasets that are part of no other)."""
        return [d for d in self.of_type("dataset") if not self.iris(d, "is_part_of")]

    def resource_tree(self, router: Router, lang: str) -> list[tuple[Link, list[Link]]]:
        """Each information resource with its registers, both by visible title."""
        tree = [
            (self.link(r, router, lang), self.links(self.iris(r, "has_part"), router, lang)) for r in self.resources
        ]
        return sorted(tree, key=lambda item: sort_key(item[0].text.value))

    def systems_of(self, dataset: str) -> list[str]:
        """The systems that hold ``dataset``'s data: its own, and those its worked request examples name.

        The page must not say "systems: not stated" above an example that names one.
        """
        return sorted(
            {*self.iris(dataset, "system"), *(s for e in self.examples_for(dataset) for s in self.iris(e, "system"))}
        )

    def examples_for(self, dataset: str) -> list[str]:
        """The worked request examples that apply to ``dataset``."""
        return self.subjects("applies_to", dataset)

    def search_keys(self, examples: Iterable[str], lang: str) -> list[Text]:
        """The search keys the examples give, without repeats."""
        keys = {key: self.name(key, lang) for example in examples for key in self.iris(example, "search_key")}
        return sorted(set(keys.values()), key=lambda text: sort_key(text.value))

    def legislation(self, iri: str, router: Router, lang: str) -> list[tuple[Link, str]]:
        """The acts that apply to ``iri``, linked to their ELI address, with their numbers."""
        found = [
            (self.link(act, router, lang), (self.text(act, "identifier", lang) or Text("")).value)
            for act in self.iris(iri, "legislation")
        ]
        return sorted(found, key=lambda item: sort_key(item[0].text.value))

    def dataset(self, iri: str, router: Router, lang: str) -> dict[str, object]:
        """Everything a dataset's page shows, most important first in the template."""
        examples = self.examples_for(iri)
        parts = self.iris(iri, "is_part_of")
        inherited = [e for part in parts for e in self.examples_for(part)] if not examples else []
        systems = self.systems_of(iri)
        supporting = [s for s in self.iris(iri, "supporting") if s not in systems]
        return {
            "iri": iri,
            "is_resource": not parts,
            "title": self.name(iri, lang),
            "description": self.text(iri, "description", lang),
            "parents": self.links(parts, router, lang),
            "registers": self.links(self.iris(iri, "has_part"), router, lang),
            "access_rights": [self.access(a, lang) for a in self.iris(iri, "access_rights")],
            "disclosure": self.links(self.iris(iri, "disclosure"), router, lang),
            "data_contents": self.text(iri, "data_contents", lang),
            "data_groups": sorted(
                (self.name(g, lang) for g in self.iris(iri, "data_group")), key=lambda t: sort_key(t.value)
            ),
            "systems": self.links(systems, router, lang),
            "supporting": self.links(supporting, router, lang),
            "search_keys": self.search_keys(examples, lang),
            "examples": [(self.name(e, lang), router.page("request", fragment=anchor(e))) for e in examples],
            "inherited_examples": [(self.name(e, lang), router.page("request", fragment=anchor(e))) for e in inherited],
            "legislation": self.legislation(iri, router, lang),
            "privacy": self.links(self.iris(iri, "privacy"), router, lang),
            "interface": self.text(iri, "interface", lang),
            "keywords": self.all_texts(iri, "keyword", lang),
            "themes": [self.name(t, lang) for t in self.iris(iri, "theme")],
            "feeds": self.links(self.iris(iri, "feeds"), router, lang),
            "contact": [self.contact(c, router, lang) for c in self.iris(iri, "contact_point")],
        }

    def contact(self, iri: str, router: Router, lang: str) -> dict[str, object]:
        """A contact point: name, e-mail, telephone with its hours, postal address and web page."""
        phones = []
        for phone in self.iris(iri, "telephone"):
            numbers = self.iris(phone, "value")
            hours = [self.text(h, "hours_text", lang) for h in self.iris(phone, "hours")]
            phones.append(
                {
                    "label": self.text(phone, "label", lang)
                    or Text(numbers[0].removeprefix("tel:") if numbers else ""),
                    "href": numbers[0] if numbers and numbers[0].startswith("tel:") else None,
                    "hours": [h for h in hours if h is not None],
                }
            )
        return {
            "name": self.name(iri, lang),
            "emails": [e for e in self.iris(iri, "email") if e.startswith("mailto:")],
            "phones": phones,
            "addresses": [self.address(a, lang) for a in self.iris(iri, "address")],
            "urls": [u for u in self.iris(iri, "url") if u.startswith(_LINKABLE)],
        }

    def channel(self, iri: str, router: Router, lang: str) -> dict[str, object]:
        """A request channel: what it is for, where it is (web, e-mail, post) and who handles it."""
        return {
            "id": anchor(iri),
            "name": self.name(iri, lang),
            "comment": self.text(iri, "comment", lang),
            "electronic": self.is_a(iri, "electronic"),
            "urls": [u for u in self.iris(iri, "url") if u.startswith(_LINKABLE)],
            "emails": [e for e in self.iris(iri, "email") if e.startswith("mailto:")],
            "addresses": [self.address(a, lang) for a in self.iris(iri, "address")],
            "handled_by": self.links(self.iris(iri, "handled_by"), router, lang),
        }

    def request_data(self, router: Router, lang: str) -> dict[str, object]:
        """The request page: contact, channels, what to identify (with the act) and the worked examples."""
        catalog = self.catalogue.iri
        publisher = next(iter(self.iris(catalog, "publisher")), None)
        contacts = sorted({c for d in self.resources for c in self.iris(d, "contact_point")})
        visiting = []
        if publisher:
            for site in self.iris(publisher, "site"):
                for address in self.iris(site, "site_address"):
                    visiting.append((self.name(site, lang), self.address(address, lang)))
        channels = self.of_type("channel")
        electronic = [self.channel(c, router, lang) for c in channels if self.is_a(c, "electronic")]
        distribution_acts = {
            act
            for d in self.resources
            for dist in self.iris(d, "distribution")
            for act in self.iris(dist, "legislation")
        }
        examples = []
        for example in self.of_type("guidance"):
            applies = self.iris(example, "applies_to")
            examples.append(
                {
                    "id": anchor(example),
                    "title": self.name(example, lang),
                    "resources": self.links([d for d in applies if d in self.resources], router, lang),
                    "registers": self.links([d for d in applies if d not in self.resources], router, lang),
                    "systems": self.links(self.iris(example, "system"), router, lang),
                    "search_keys": self.search_keys([example], lang),
                    "channels": [self.channel(c, router, lang) for c in self.iris(example, "channel")],
                }
            )
        return {
            "publisher": self.link(publisher, router, lang) if publisher else None,
            "contacts": [self.contact(c, router, lang) for c in contacts],
            "visiting": visiting,
            "electronic": electronic,
            "acts": [
                (self.link(a, router, lang), (self.text(a, "identifier", lang) or Text("")).value)
                for a in sorted(distribution_acts)
            ],
            "examples": sorted(examples, key=lambda e: sort_key(e["title"].value)),  # type: ignore[attr-defined]
        }

    def system_data(self, iri: str, router: Router, lang: str) -> dict[str, object]:
        """A system's page: its names, whether city-wide, and the resources and registers whose data it holds."""
        named = self.subjects("system", iri)
        examples = [e for e in named if self.is_a(e, "guidance")]
        # the datasets that say so, and those whose worked examples name this system
        main = sorted({*named, *(d for e in examples for d in self.iris(e, "applies_to"))})
        supporting = [d for d in self.subjects("supporting", iri) if d not in main]
        # The Finnish forms the description writes the system's name in; a form that differs from the
        # name or from another only in case is the same name, listed once.
        seen = {name.casefold() for name in self.texts(iri, "title").values()}
        hidden = []
        for value in sorted({t.value for t in self.objects(iri, "hidden_label") if isinstance(t, ox.Literal)}):
            if value.casefold() not in seen:
                seen.add(value.casefold())
                hidden.append(value)
        return {
            "title": self.name(iri, lang),
            "homepage": [u for u in self.iris(iri, "homepage") if u.startswith(_LINKABLE)],
            "shared": self.links(self.iris(iri, "shared"), router, lang),
            "main": self.links([d for d in main if self.is_a(d, "dataset")], router, lang),
            "supporting": self.links([d for d in supporting if self.is_a(d, "dataset")], router, lang),
            "examples": [(self.name(e, lang), router.page("request", fragment=anchor(e))) for e in examples],
            "written_as": [Text(v, None if lang == "fi" else "fi") for v in hidden],
        }

    def organisation_data(self, iri: str, router: Router, lang: str) -> dict[str, object]:
        """An organisation as a reader needs it: its name, what it is, where, and what it publishes.

        What it is comes from the EU table its ``dct:type`` names (ADMS publisher types). Those have
        labels in English only; on a Finnish or Swedish page the site says it in its own words and
        shows the table's English label beside them, marked as English, rather than invent a label.
        """
        kinds = []
        for term in self.iris(iri, "kind"):
            label = self.name(term, lang)
            own = UI[lang].get("publisher_type_" + term.rsplit("/", 1)[-1]) if label.lang else None
            kinds.append({"text": Text(own) if own else label, "eu_label": label if own else None})
        published = {d for d in self.resources if iri in (*self.iris(d, "publisher"), *self.iris(d, "disclosure"))}
        sites = [
            (self.name(site, lang), [self.address(a, lang) for a in self.iris(site, "site_address")])
            for site in self.iris(iri, "site")
        ]
        channels = [c for c in self.of_type("channel") if iri in self.iris(c, "handled_by")]
        return {
            "title": self.name(iri, lang),
            "kinds": kinds,
            "identifier": (self.text(iri, "identifier", lang) or Text("")).value,
            "part_of": self.links(self.iris(iri, "unit_of"), router, lang),
            "reports_to": self.links(self.iris(iri, "reports_to"), router, lang),
            "units": self.links(
                [o for o in self.subjects("unit_of", iri) if self.is_a(o, "organisation")], router, lang
            ),
            "sites": sites,
            "tree": [
                item
                for item in self.resource_tree(router, lang)
                if item[0].href in {self.link(d, router, lang).href for d in published}
            ],
            "channels": [self.channel(c, router, lang) for c in channels],
        }

    @cached_property
    def holdings(self) -> dict[str, tuple[set[str], set[str]]]:
        """Each information resource's systems, its registers' included: (main, supporting)."""
        held = {}
        for resource in self.resources:
            datasets = (resource, *self.iris(resource, "has_part"))
            main = {s for d in datasets for s in self.systems_of(d)}
            supporting = {s for d in datasets for s in self.iris(d, "supporting")} - main
            held[resource] = (main, supporting)
        return held

    def matrix(self, lang: str) -> tuple[list[tuple[str, Text]], list[tuple[str, Text, list[str]]]]:
        """Columns (resource IRI, title) and rows (system IRI, title, mark per column: main, supporting or '')."""
        columns = sorted(((r, self.name(r, lang)) for r in self.resources), key=lambda c: sort_key(c[1].value))
        rows = []
        for system in self.of_type("system"):
            marks = []
            for resource, _ in columns:
                main, supporting = self.holdings[resource]
                marks.append("main" if system in main else "supporting" if system in supporting else "")
            rows.append((system, self.name(system, lang), marks))
        return columns, sorted(rows, key=lambda row: sort_key(row[1].value))

    @cached_property
    def search_index(self) -> search.Index:
        """What search looks in, made once: every text a dataset's or a system's page shows, by field."""

        def named(iri: str) -> list[tuple[str, str]]:
            return [
                (t.language or "", t.value)
                for p in LABELS
                for q in self.store.quads_for_pattern(ox.NamedNode(iri), p, None)
                if isinstance((t := q.object), ox.Literal)
            ]

        def literals(iri: str, predicate: str) -> list[tuple[str, str]]:
            return [(t.language or "", t.value) for t in self.objects(iri, predicate) if isinstance(t, ox.Literal)]

        told: dict[str, list[tuple[str, str, str]]] = {}  # dataset or system → texts of the examples naming it
        for example in self.of_type("guidance"):
            texts = [
                *(("example", lang, v) for lang, v in named(example)),
                *(("search_key", lang, v) for key in self.iris(example, "search_key") for lang, v in named(key)),
            ]
            for target in (*self.iris(example, "applies_to"), *self.iris(example, "system")):
                told.setdefault(target, []).extend(texts)
        documents = []
        for dataset in self.of_type("dataset"):
            systems = [*self.iris(dataset, "system"), *self.iris(dataset, "supporting")]
            fields = {
                "title": named(dataset),
                "keyword": literals(dataset, "keyword"),
                "description": [*literals(dataset, "description"), *literals(dataset, "data_contents")],
                "data_group": [n for g in self.iris(dataset, "data_group") for n in named(g)],
                "register": [n for r in self.iris(dataset, "has_part") for n in named(r)],
                "system": [n for s in systems for n in named(s)],
                "other": [
                    *(n for t in self.iris(dataset, "theme") for n in named(t)),
                    *(n for a in self.iris(dataset, "legislation") for n in named(a)),
                    *literals(dataset, "interface"),
                ],
            }
            texts = [(where, lang, value) for where, found in fields.items() for lang, value in found]
            documents.append(search.Document(dataset, "kind_dataset", (*texts, *told.get(dataset, ()))))
        for system in self.of_type("system"):
            holders = [*self.subjects("system", system), *self.subjects("supporting", system)]
            texts = [
                *(("title", lang, v) for lang, v in named(system)),
                *(("written_as", lang, v) for lang, v in literals(system, "hidden_label")),
                *(("register", lang, v) for d in holders if self.is_a(d, "dataset") for lang, v in named(d)),
            ]
            documents.append(search.Document(system, "kind_system", (*texts, *told.get(system, ()))))
        return search.Index(documents)

    def search(self, query: str, router: Router, lang: str) -> dict[str, object]:
        """The hits for ``query`` as the search page shows them, and the corrected query if a word was replaced."""
        answer = self.search_index.search(query, lang)
        ui = UI[lang]
        hits = [
            {
                "link": self.link(hit.key, router, lang),
                "kind": ui[hit.kind],
                "reasons": [ui[f"found_{where}"] for where in hit.fields],
                "snippet": hit.snippet,
                "snippet_lang": None if hit.snippet_lang in {lang, ""} else hit.snippet_lang,
            }
            for hit in answer.hits
        ]
        corrected = None
        if answer.corrected is not None:
            corrected = (answer.corrected, router.served("search") or "")
        return {"hits": hits, "corrected": corrected, "unknown": answer.unknown}

    def raw(self, iri: str, router: Router, lang: str) -> list[tuple[str, list[Link | Text]]]:
        """The linked-data view: each property of ``iri`` by its prefixed name, with its values."""
        rows: dict[str, list[Link | Text]] = {}
        for triple in self.catalogue.describe(iri):
            if triple.subject.value != iri:
                continue
            term = triple.object
            value: Link | Text
            if isinstance(term, ox.NamedNode):
                value = self.link(term.value, router, lang)
                if value.href is None:
                    value = Link(
                        Text(f"{value.text.value} <{term.value}>" if term.value != value.text.value else term.value)
                    )
            elif isinstance(term, ox.Literal):
                value = Text(term.value, term.language or None)
            else:
                value = Text(str(term))
            rows.setdefault(compact(triple.predicate.value), []).append(value)
        return list(rows.items())

    def referring(self, iri: str, router: Router, lang: str) -> tuple[list[tuple[Link, str]], str]:
        """What points to ``iri`` (at most :data:`MAX_REFERRING`), and a line saying how many more there are."""
        pairs = sorted({(t.subject.value, t.predicate.value) for t in self.catalogue.incoming(iri)})
        pairs = [(s, p) for s, p in pairs if self.catalogue.has(s)]
        shown = [(self.link(s, router, lang), compact(p)) for s, p in pairs[:MAX_REFERRING]]
        more = len(pairs) - MAX_REFERRING
        return shown, render("site-more", lang, {"count": str(more)}) if more > 0 else ""

    # --- rendering ---------------------------------------------------------------------------

    @property
    def output_formats(self) -> list[tuple[str, str, str]]:
        """(name, media type, file name) of each RDF file of the whole catalogue."""
        return [(fmt.name, fmt.media_type, fmt.filename) for fmt in OUTPUT]

    def fill(self, template: str, page: Page, **data: object) -> bytes:
        """``template`` filled with ``data``: the HTML bytes of one page."""
        text = self.env.get_template(template).render(page=page, ui=page.ui, site=self, **data)
        return text.encode("utf-8")

    def _page(self, router: Router, title: Text | str, path: str, iri: str | None = None) -> Page:
        formats = []
        if iri is not None:
            for fmt in OUTPUT:
                href = (
                    router.served(f"{iri[len(self.catalogue.base) :]}.{fmt.suffix}")
                    if not router.static
                    else router.asset(fmt.filename)
                )
                if href:
                    formats.append((fmt.name, fmt.media_type, href))
        return Page(router.lang, router, title.value if isinstance(title, Text) else title, path, formats)

    def front_page(self, router: Router) -> bytes:
        """The Division, its four resources with their registers, and the way to request data."""
        lang = router.lang
        catalog = self.catalogue.iri
        publisher = next(iter(self.iris(catalog, "publisher")), None)
        page = self._page(router, self.name(catalog, lang), "", catalog)
        return self.fill(
            "front.html",
            page,
            title=self.name(catalog, lang),
            description=self.text(catalog, "description", lang),
            publisher=self.link(publisher, router, lang) if publisher else None,
            tree=self.resource_tree(router, lang),
            systems=render("site-systems-count", lang, {"count": str(len(self.of_type("system")))}),
            raw=self.raw(catalog, router, lang),
        )

    def request_page(self, router: Router) -> bytes:
        """How to request data: channels, addresses, what to identify and the worked examples."""
        page = self._page(router, UI[router.lang]["request_title"], "request")
        return self.fill("request.html", page, data=self.request_data(router, router.lang))

    def dataset_page(self, router: Router, iri: str) -> bytes:
        """An information resource's or register's page."""
        data = self.dataset(iri, router, router.lang)
        page = self._page(router, data["title"], iri[len(self.catalogue.base) :], iri)  # type: ignore[arg-type]
        return self.fill("dataset.html", page, d=data, raw=self.raw(iri, router, router.lang))

    def systems_page(self, router: Router) -> bytes:
        """The index of every information system, with the resources whose data it holds."""
        lang = router.lang
        columns, rows = self.matrix(lang)
        entries = [
            (self.link(system, router, lang), [columns[i][1] for i, mark in enumerate(marks) if mark])
            for system, _, marks in rows
        ]
        page = self._page(router, UI[lang]["systems_title"], "system")
        return self.fill("systems.html", page, entries=entries)

    def system_page(self, router: Router, iri: str) -> bytes:
        """One information system's page."""
        data = self.system_data(iri, router, router.lang)
        page = self._page(router, data["title"], iri[len(self.catalogue.base) :], iri)  # type: ignore[arg-type]
        return self.fill("system.html", page, s=data, raw=self.raw(iri, router, router.lang))

    def picture_page(self, router: Router) -> bytes:
        """The resource × system picture, with the same facts as a list for those who cannot see it.

        Two drawings of the same matrix: the wide one (also a file of its own, ``systems.svg``) and a
        phone one drawn inline for narrow screens, where the names wrap and the dots keep their size,
        so a 390 px screen reads it without zooming or scrolling sideways; CSS shows one of them.
        """
        lang = router.lang
        columns, rows = self.matrix(lang)
        page = self._page(router, UI[lang]["picture_title"], "picture")
        resources = [
            (self.link(iri, router, lang), [(self.link(s, router, lang), marks[i]) for s, _, marks in rows if marks[i]])
            for i, (iri, _) in enumerate(columns)
        ]
        wide = _layout(columns, rows, PICTURE_LAYOUTS["wide"])
        phone = self.env.get_template("systems.svg").render(
            ui=UI[lang], lang=lang, ids="phone-", **_layout(columns, rows, PICTURE_LAYOUTS["phone"])
        )
        return self.fill(
            "picture.html",
            page,
            resources=resources,
            svg=router.asset(SVG_NAME, per_language=True),
            width=wide["width"],
            height=wide["height"],
            phone=Markup(phone),
        )

    def picture_svg(self, lang: str) -> bytes:
        """The picture itself: a matrix of systems (rows) and resources (columns), drawn on the server."""
        columns, rows = self.matrix(lang)
        layout = _layout(columns, rows, PICTURE_LAYOUTS["wide"])
        return self.env.get_template("systems.svg").render(ui=UI[lang], lang=lang, ids="", **layout).encode("utf-8")

    @cached_property
    def quality(self) -> Scorecard:
        """The catalogue's MQA score (:mod:`kasko_dcat.serve.quality`), computed once."""
        from kasko_dcat.serve.quality import scorecard

        return scorecard(self.catalogue)

    def quality_page(self, router: Router) -> bytes:
        """data.europa.eu's quality score of this catalogue and its breakdown, in plain words."""
        from kasko_dcat.serve.quality import page_data

        page = self._page(router, UI[router.lang]["quality_title"], "quality")
        return self.fill("quality.html", page, q=page_data(self.quality, router.lang))

    def search_page(self, router: Router, query: str) -> bytes:
        """The answer to ``?q=``: matching datasets and systems, or the form alone."""
        page = self._page(router, UI[router.lang]["search_title"], "search")
        lang = router.lang
        found = self.search(query, router, lang) if query.strip() else {"hits": [], "corrected": None, "unknown": ()}
        searched = found["corrected"][0] if found["corrected"] else query.strip()  # type: ignore[index]
        count = len(found["hits"])  # type: ignore[arg-type]
        heading = (
            render("site-hits", lang, {"count": str(count), "query": searched})
            if count
            else UI[lang]["no_hits"].format(query=searched)
        )
        return self.fill("search.html", page, query=query, found=found, heading=heading)

    def resource_page(self, router: Router, iri: str) -> bytes:
        """The linked-data page of an IRI that has no citizen page (a channel, an organisation, …)."""
        lang = router.lang
        back, more = self.referring(iri, router, lang)
        page = self._page(router, self.name(iri, lang), iri[len(self.catalogue.base) :], iri)
        return self.fill(
            "resource.html",
            page,
            title=self.name(iri, lang),
            iri=iri,
            raw=self.raw(iri, router, lang),
            back=back,
            more=more,
        )

    def sparql_page(
        self,
        router: Router,
        queries: list[tuple[Text, str]],
        query: str,
        table: tuple[list[str], list[list[str]]] | None,
        graph: str | None,
        error: str | None,
        total: int | None = None,
    ) -> bytes:
        """The SPARQL form: the bundled queries one click away, and an answer as an HTML table.

        ``total`` is the answer's row count when ``table`` holds only its first rows.
        """
        page = self._page(router, UI[router.lang]["sparql"], "sparql")
        count = total if total is not None else len(table[1]) if table else 0
        rows = render("site-rows", router.lang, {"count": str(count)}) if table else ""
        return self.fill(
            "sparql.html",
            page,
            queries=queries,
            query=query,
            table=table,
            rows=rows,
            total=total,
            graph=graph,
            error=error,
        )

    def organisation_page(self, router: Router, iri: str) -> bytes:
        """An organisation's plain page; its linked data closed, below."""
        lang = router.lang
        data = self.organisation_data(iri, router, lang)
        back, more = self.referring(iri, router, lang)
        page = self._page(router, data["title"], iri[len(self.catalogue.base) :], iri)  # type: ignore[arg-type]
        return self.fill(
            "organisation.html", page, o=data, iri=iri, raw=self.raw(iri, router, lang), back=back, more=more
        )

    def not_found_page(self, router: Router, path: str) -> bytes:
        """The page a browser gets for an address the site does not have, in the page's language, with ways on."""
        page = self._page(router, UI[router.lang]["not_found_title"], router.here)  # the switch keeps the address
        return self.fill("not_found.html", page, path=path)

    def language_page(self) -> bytes:
        """The static site's root page: the site's name and a link to each language's front page."""
        choices = [
            (code, LANG_NAMES[code], self.name(self.catalogue.iri, code).value, f"{code}/index.html")
            for code in UI_LANGS
        ]
        return self.env.get_template("languages.html").render(choices=choices).encode("utf-8")

    def page_for(self, router: Router, iri: str) -> bytes:
        """The page an IRI's HTML shows: the citizen page of a dataset, system or organisation, else its linked data."""
        if iri == self.catalogue.iri:
            return self.front_page(router)
        if self.is_a(iri, "organisation"):
            return self.organisation_page(router, iri)
        if self.site_path(iri) is not None:
            if self.is_a(iri, "dataset"):
                return self.dataset_page(router, iri)
            if self.is_a(iri, "system"):
                return self.system_page(router, iri)
        return self.resource_page(router, iri)


@dataclass(frozen=True)
class PictureLayout:
    """The measures of one drawing of the picture (pixels of its view box; font size 13)."""

    width: int
    cell: int
    label_chars: int
    """Characters of a system's name per line before it wraps."""
    legend_chars: int
    line: int = 17
    top: int = 34


PICTURE_LAYOUTS = {
    "wide": PictureLayout(width=0, cell=44, label_chars=200, legend_chars=62),
    "phone": PictureLayout(width=360, cell=30, label_chars=33, legend_chars=48),
}
"""``wide``: one line per system, as wide as its longest name (``width`` 0); ``phone``: 360 wide, names wrapped."""


def _layout(columns: list[tuple[str, Text]], rows: list[tuple[str, Text, list[str]]], m: PictureLayout) -> dict:
    """Where everything of the picture goes: each row's top, height and lines, the columns, the legend."""
    label_width = 372 if not m.width else m.width - m.cell * len(columns) - 4
    width = m.width or label_width + m.cell * len(columns) + 6
    placed = []
    y = m.top
    for iri, title, marks in rows:
        lines = textwrap.wrap(title.value, m.label_chars) or [""]
        height = m.line * len(lines) + 7
        placed.append({"iri": iri, "title": title, "marks": marks, "y": y, "height": height, "lines": lines})
        y += height
    legend = [
        (index + 1, title, textwrap.wrap(title.value, m.legend_chars)) for index, (_, title) in enumerate(columns)
    ]
    legend_top = y + 12
    legend_lines = sum(len(lines) for _, _, lines in legend)
    return {
        "columns": columns,
        "rows": placed,
        "legend": legend,
        "label_width": label_width,
        "cell": m.cell,
        "top": m.top,
        "line": m.line,
        "legend_top": legend_top,
        "width": width,
        "height": legend_top + 20 * (legend_lines + 3) + 10,
    }


def pick(texts: dict[str, str], lang: str) -> Text | None:
    """The text in ``lang``, else Finnish, else English, else untagged, else the first; marked if not ``lang``."""
    for wanted in (lang, "fi", "en", ""):
        if wanted in texts:
            return Text(texts[wanted], None if wanted in {lang, ""} else wanted)
    for code, value in sorted(texts.items()):
        return Text(value, code)
    return None


def anchor(iri: str) -> str:
    """A fragment id for ``iri`` on the request page: its last path segment."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def sort_key(text: str) -> tuple[str, str]:
    """Sorts as Finnish and Swedish readers expect: å, ä, ö after z."""
    folded = text.casefold()
    return folded.translate(_NORDIC), text


_NORDIC = str.maketrans({"å": "{", "ä": "|", "ö": "}"})
