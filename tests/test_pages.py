"""HTML pages escape every text from the source and link only to what a browser may safely open."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kasko_dcat.rdf.formats import OUTPUT
from kasko_dcat.rdf.namespaces import DCAT, DCTERMS, RDF
from kasko_dcat.serve import hydra, pages, views

EVIL = '<script>alert("x")</script> & <b>'
BASE = "https://k.example/"


def load(tmp_path: Path) -> views.Catalogue:
    catalog, dataset = URIRef(BASE + "catalog"), URIRef(BASE + "dataset/a")
    graph = Graph()
    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add((catalog, DCTERMS.title, Literal(f"Luettelo {EVIL}", lang="fi")))
    graph.add((catalog, DCAT.dataset, dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(EVIL, lang="fi")))
    graph.add((dataset, DCTERMS.title, Literal("English title", lang="en")))
    graph.add((dataset, DCAT.landingPage, URIRef("javascript:alert(1)")))
    graph.add((dataset, DCAT.keyword, Literal("\"quoted\" 'single'", lang="fi")))
    path = tmp_path / "catalog.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return views.open_served(path, None)


def links(iri: str) -> pages.PageLinks:
    return pages.PageLinks(
        here=lambda code: f"{iri}?lang={code}", formats={s: f"{iri}.{s}" for s in (fmt.suffix for fmt in OUTPUT)}
    )


def test_texts_are_escaped_and_unsafe_links_are_not_links(tmp_path: Path):
    catalogue = load(tmp_path)
    page = pages.resource(catalogue, BASE + "dataset/a", "fi", links(BASE + "dataset/a")).decode()
    assert "<script" not in page and "<b>" not in page
    assert "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;</h1>" in page
    assert "&quot;quoted&quot; &#x27;single&#x27;" in page
    assert 'href="javascript:' not in page and "<td>javascript:alert(1)</td>" in page  # shown, not linked


def test_catalogue_page_escapes_and_falls_back_to_finnish(tmp_path: Path):
    catalogue = load(tmp_path)
    paging = hydra.Paging(1, 10, 1)

    def page(lang: str) -> str:
        return pages.catalogue_page(
            catalogue, catalogue.datasets, paging, lambda n: f"{BASE}catalog?page={n}", lang, links(BASE + "catalog")
        ).decode()

    swedish = page("sv")
    assert '<html lang="sv">' in swedish
    assert "<script" not in swedish and "<h1>Luettelo &lt;script&gt;" in swedish  # no Swedish title: the Finnish one
    assert f'<a href="{BASE}dataset/a?lang=en">English title</a>' in page("en")


def test_links_back_are_capped_with_a_count_of_the_rest(tmp_path: Path):
    publisher = URIRef(BASE + "organisation/x")
    graph = Graph()
    graph.add((URIRef(BASE + "catalog"), RDF.type, DCAT.Catalog))
    graph.add((publisher, DCTERMS.title, Literal("Julkaisija", lang="fi")))
    for number in range(pages.MAX_REFERRING + 5):
        dataset = URIRef(f"{BASE}dataset/d{number:03}")
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, DCTERMS.publisher, publisher))
    path = tmp_path / "catalog.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    catalogue = views.open_served(path, None)
    page = pages.resource(catalogue, str(publisher), "en", links(str(publisher))).decode()
    assert page.count("<small>(dct:publisher)</small>") == pages.MAX_REFERRING
    assert '<li class="more">… and 5 more</li>' in page
