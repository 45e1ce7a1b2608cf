"""The citizen site's pages escape every text from the source and link only to what a browser may safely open."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kasko_dcat.rdf.namespaces import DCAT, DCTERMS, RDF
from kasko_dcat.serve import site, views

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


def test_texts_are_escaped_and_unsafe_links_are_not_links(tmp_path: Path):
    catalogue = load(tmp_path)
    pages = site.Site(catalogue)
    page = pages.page_for(site.Router(BASE, "fi", "dataset/a"), BASE + "dataset/a").decode()
    assert "<script" not in page and "<b>" not in page
    assert "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;</h1>" in page
    assert "&#34;quoted&#34; &#39;single&#39;" in page
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page  # shown, not linked


def test_front_page_escapes_and_marks_the_finnish_fallback(tmp_path: Path):
    catalogue = load(tmp_path)
    pages = site.Site(catalogue)
    swedish = pages.front_page(site.Router(BASE, "sv", "")).decode()
    assert '<html lang="sv">' in swedish
    assert '<h1><span lang="fi">Luettelo &lt;script&gt;' in swedish  # no Swedish title: the Finnish one, marked
    english = pages.front_page(site.Router(BASE, "en", "")).decode()
    assert f'<a href="{BASE}dataset/a?lang=en">English title</a>' in english


def test_links_back_are_capped_with_a_count_of_the_rest(tmp_path: Path):
    publisher = URIRef(BASE + "organisation/x")
    graph = Graph()
    graph.add((URIRef(BASE + "catalog"), RDF.type, DCAT.Catalog))
    graph.add((publisher, DCTERMS.title, Literal("Julkaisija", lang="fi")))
    for number in range(site.MAX_REFERRING + 5):
        dataset = URIRef(f"{BASE}dataset/d{number:03}")
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, DCTERMS.publisher, publisher))
    path = tmp_path / "catalog.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    pages = site.Site(views.open_served(path, None))
    page = pages.page_for(site.Router(BASE, "en", "organisation/x"), str(publisher)).decode()
    assert page.count("<small>(dct:publisher)</small>") == site.MAX_REFERRING
    assert '<li class="more">… and 5 more</li>' in page
