"""HTML pages for people: the catalogue and each resource in Finnish, Swedish or English.

Every text on a page comes from the YAML source through the catalogue, so every text and every
attribute is escaped here, in one place (:func:`_e`), and the pages carry no script. A page shows
one language: a resource's texts in that language, falling back to Finnish, the language of
record, when a translation is missing. Links between resources go both ways — a dataset links
to its systems, and a system's page lists the datasets, examples and channels that point to it —
so a reader can walk from a register to where to send a request. Links are absolute IRIs under
the configured base, the same IRIs the RDF uses.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kasko_dcat.i18n.languages import LANG_NAMES, UI_LANGS
from kasko_dcat.query.results import compact
from kasko_dcat.rdf.formats import OUTPUT
from kasko_dcat.rdf.namespaces import DCTERMS, RDF
from kasko_dcat.serve.hydra import Paging
from kasko_dcat.serve.views import Catalogue

MAX_REFERRING = 200
"""Links back listed on a page; the publisher of 10 000 datasets would otherwise list 20 000 (SPARQL has them all)."""
UI: dict[str, dict[str, str]] = {
    "fi": {
        "catalogue": "Tietovarantoluettelo",
        "datasets": "Tietovarannot ja rekisterit",
        "count": "{total} aineistoa, sivu {page}/{last}",
        "first": "Ensimmäinen",
        "previous": "Edellinen",
        "next": "Seuraava",
        "last": "Viimeinen",
        "about": "Tiedot",
        "referenced": "Viittaavat tähän",
        "formats": "Koneluettavana",
        "language": "Kieli",
        "sparql": "SPARQL-kyselyt",
        "paging": "Sivut",
        "query": "Kysely",
        "run": "Suorita",
        "more": "… ja {count} muuta",
    },
    "sv": {
        "catalogue": "Katalog över informationsresurser",
        "datasets": "Informationsresurser och register",
        "count": "{total} datamängder, sida {page}/{last}",
        "first": "Första",
        "previous": "Föregående",
        "next": "Nästa",
        "last": "Sista",
        "about": "Uppgifter",
        "referenced": "Hänvisar hit",
        "formats": "Maskinläsbart",
        "language": "Språk",
        "sparql": "SPARQL-frågor",
        "paging": "Sidor",
        "query": "Fråga",
        "run": "Kör",
        "more": "… och {count} till",
    },
    "en": {
        "catalogue": "Catalogue of information resources",
        "datasets": "Information resources and registers",
        "count": "{total} datasets, page {page} of {last}",
        "first": "First",
        "previous": "Previous",
        "next": "Next",
        "last": "Last",
        "about": "Details",
        "referenced": "Referred to by",
        "formats": "Machine-readable",
        "language": "Language",
        "sparql": "SPARQL queries",
        "paging": "Pages",
        "query": "Query",
        "run": "Run",
        "more": "… and {count} more",
    },
}
_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.45}"
    "header{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px solid #ccc;padding-bottom:.5rem}"
    "nav a,nav strong{margin-right:.75rem}th{text-align:left;vertical-align:top;padding-right:1rem;"
    "font-weight:normal;color:#555;white-space:nowrap}td{padding-bottom:.4rem}.iri{color:#555;font-size:.9rem;"
    "word-break:break-all}ul{padding-left:1.2rem}td,.description{white-space:pre-line}"
)
_TYPE = ox.NamedNode(str(RDF.type))
_DESCRIPTION = (ox.NamedNode(str(DCTERMS.description)),)
Value = ox.NamedNode | ox.BlankNode | ox.Literal
_LINKABLE = ("http://", "https://", "mailto:", "tel:")


@dataclass(frozen=True)
class PageLinks:
    """Where the pieces of a page point: the page itself in other forms, and paging."""

    here: Callable[[str], str]
    """This page in a language (``?lang=``) — for the language switch."""
    formats: dict[str, str]
    """Suffix → URL of this resource in that RDF format."""


def resource(catalogue: Catalogue, iri: str, lang: str, links: PageLinks) -> bytes:
    """The page of one resource: its texts and links, and what refers to it."""
    title = _label(catalogue, iri, lang)
    outgoing: dict[ox.NamedNode, list[Value]] = {}
    types = []
    for triple in catalogue.describe(iri):
        if triple.subject.value != iri:
            continue  # a nested resource (its distribution, …) has its own page, linked from here
        if triple.predicate == _TYPE:
            types.append(_value(catalogue, triple.object, lang))
        else:
            outgoing.setdefault(triple.predicate, []).append(triple.object)
    rows = [
        f"<tr><th>{_e(compact(predicate.value))}</th><td>{'<br>'.join(values)}</td></tr>"
        for predicate, objects in outgoing.items()
        if (values := [_value(catalogue, o, lang) for o in _in_lang(objects, lang)])
    ]
    referring = sorted(
        {(triple.subject.value, triple.predicate.value) for triple in catalogue.incoming(iri)},
    )
    referring = [(subject, predicate) for subject, predicate in referring if catalogue.has(subject)]
    back = [
        f"<li>{_value(catalogue, ox.NamedNode(subject), lang)} <small>({_e(compact(predicate))})</small></li>"
        for subject, predicate in referring[:MAX_REFERRING]
    ]
    if len(referring) > MAX_REFERRING:
        back.append(f'<li class="more">{_e(UI[lang]["more"].format(count=len(referring) - MAX_REFERRING))}</li>')
    body = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="iri">{_e(iri)}</p>',
        f'<p class="types">{" · ".join(types)}</p>' if types else "",
        f"<h2>{_e(UI[lang]['about'])}</h2>",
        f'<table class="properties">{"".join(rows)}</table>',
    ]
    if back:
        body += [f"<h2>{_e(UI[lang]['referenced'])}</h2>", f'<ul class="referenced">{"".join(back)}</ul>']
    return _document(catalogue, lang, title, body, links)


def catalogue_page(
    catalogue: Catalogue,
    datasets: Iterable[str],
    paging: Paging,
    page_url: Callable[[int], str],
    lang: str,
    links: PageLinks,
) -> bytes:
    """A page of the catalogue: its title and description, its datasets, and the way to the other pages."""
    title = _label(catalogue, catalogue.iri, lang)
    description = _in_lang(catalogue.texts(catalogue.iri, _DESCRIPTION), lang)
    items = [f"<li>{_value(catalogue, ox.NamedNode(d), lang)}</li>" for d in datasets]
    ui = UI[lang]
    nav = []
    for key, number, shown in (
        ("first", 1, paging.number > 1),
        ("previous", paging.number - 1, paging.number > 1),
        ("next", paging.number + 1, paging.number < paging.last),
        ("last", paging.last, paging.number < paging.last),
    ):
        if shown:
            nav.append(f'<a rel="{key}" href="{_e(page_url(number))}">{_e(ui[key])}</a>')
    body = [
        f"<h1>{_e(title)}</h1>",
        *(f'<p class="description">{_e(d.value)}</p>' for d in description),
        f"<h2>{_e(ui['datasets'])}</h2>",
        f'<p class="count">{_e(ui["count"].format(total=paging.total, page=paging.number, last=paging.last))}</p>',
        f'<ul class="datasets">{"".join(items)}</ul>',
        f'<nav class="paging" aria-label="{_e(ui["paging"])}">{"".join(nav)}</nav>' if nav else "",
    ]
    return _document(catalogue, lang, title, body, links)


EXAMPLE_QUERY = """SELECT ?dataset ?title WHERE {
  ?dataset a dcat:Dataset ; dct:title ?title .
  FILTER(LANG(?title) = "fi")
}
ORDER BY ?title
LIMIT 20"""


def sparql_form(catalogue: Catalogue, lang: str, links: PageLinks) -> bytes:
    """The SPARQL endpoint's page for a browser that opens it without a query: a form that sends one."""
    ui = UI[lang]
    body = [
        f"<h1>{_e(ui['sparql'])}</h1>",
        f'<form method="get" action="{_e(catalogue.base)}sparql">',
        f'<label for="query">{_e(ui["query"])}</label><br>',
        f'<textarea id="query" name="query" rows="10" cols="80">{_e(EXAMPLE_QUERY)}</textarea><br>',
        f'<button type="submit">{_e(ui["run"])}</button></form>',
    ]
    return _document(catalogue, lang, ui["sparql"], body, links)


def _document(catalogue: Catalogue, lang: str, title: str, body: list[str], links: PageLinks) -> bytes:
    ui = UI[lang]
    switch = "".join(
        f'<strong lang="{code}">{_e(LANG_NAMES[code])}</strong>'
        if code == lang
        else f'<a lang="{code}" hreflang="{code}" href="{_e(links.here(code))}">{_e(LANG_NAMES[code])}</a>'
        for code in UI_LANGS
    )
    alternates = "".join(
        f'<link rel="alternate" type="{rdf.media_type}" href="{_e(links.formats[rdf.suffix])}">'
        for rdf in OUTPUT
        if rdf.suffix in links.formats
    )
    formats = " · ".join(
        f'<a type="{rdf.media_type}" href="{_e(links.formats[rdf.suffix])}">{rdf.name}</a>'
        for rdf in OUTPUT
        if rdf.suffix in links.formats
    )
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>{alternates}<style>{_STYLE}</style></head><body>",
        f'<header><a class="home" href="{_e(catalogue.iri)}?lang={lang}">{_e(ui["catalogue"])}</a>',
        f'<nav class="languages" aria-label="{_e(ui["language"])}">{switch}</nav></header>',
        "<main>",
        *body,
        f'<p class="formats">{_e(ui["formats"])}: {formats} · ' if formats else '<p class="formats">',
        f'<a href="{_e(catalogue.base)}sparql?lang={lang}">{_e(ui["sparql"])}</a></p>',
        "</main></body></html>",
    ]
    return ("\n".join(part for part in page if part) + "\n").encode("utf-8")


def _value(catalogue: Catalogue, term: Value, lang: str) -> str:
    """A literal as escaped text; an IRI as a link named by its label (our resources open in the same language)."""
    if isinstance(term, ox.Literal):
        return _e(term.value)
    if not isinstance(term, ox.NamedNode):
        return _e(str(term))
    name = _label(catalogue, term.value, lang)
    if catalogue.has(term.value) and term.value.startswith(catalogue.base):
        return f'<a href="{_e(term.value)}?lang={lang}">{_e(name)}</a>'
    if not term.value.startswith(_LINKABLE):  # never a javascript: or data: link, whatever the source says
        return _e(name)
    return f'<a rel="external" href="{_e(term.value)}">{_e(name)}</a>'


def _label(catalogue: Catalogue, iri: str, lang: str) -> str:
    names = _in_lang(catalogue.texts(iri), lang)
    return names[0].value if names else compact(iri)


def _in_lang(values: list[Value], lang: str) -> list[Value]:
    """Language-tagged texts in ``lang``, else Finnish, else English, else all; untagged values always."""
    tagged = [v for v in values if isinstance(v, ox.Literal) and v.language]
    other = [v for v in values if v not in tagged]
    for wanted in (lang, "fi", "en"):
        chosen = [v for v in tagged if isinstance(v, ox.Literal) and v.language == wanted]
        if chosen:
            return sorted(other, key=str) + sorted(chosen, key=str)
    return sorted(values, key=str)


def _e(text: str) -> str:
    """Escape for HTML text and double-quoted attributes."""
    return html.escape(text, quote=True)
