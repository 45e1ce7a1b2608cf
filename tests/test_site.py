"""The citizen site made from the real catalogue: what a reader needs to request data is on it, in fi, sv and en.

These tests read the pages' HTML; ``test_serve_browser.py`` walks the same pages in a real browser.
"""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from kasko_dcat import api
from kasko_dcat.errors import KaskoError
from kasko_dcat.i18n.languages import UI_LANGS
from kasko_dcat.query import bundled
from kasko_dcat.serve import export, site, views
from kasko_dcat.serve.ui import UI

from .conftest import ROOT, run_cli
from .serving import serving

BASE = "http://127.0.0.1:1/"


@pytest.fixture(scope="module")
def pages() -> site.Site:
    return site.Site(views.open_served(ROOT / "output/catalog.nt", BASE))


def router(lang: str, path: str) -> site.Router:
    return site.Router(BASE, lang, path)


class Links(HTMLParser):
    """Every href and src of a page, and its text outside the linked-data section."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "details":
            self._hidden += 1
        for name in ("href", "src"):
            if values.get(name):
                self.targets.append(values[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def parsed(page: bytes) -> Links:
    parser = Links()
    parser.feed(page.decode("utf-8"))
    return parser


def test_every_language_has_every_interface_text():
    assert set(UI) == set(UI_LANGS)
    assert UI["fi"].keys() == UI["sv"].keys() == UI["en"].keys()


@pytest.mark.parametrize("lang", UI_LANGS)
def test_request_page_has_every_way_to_ask_the_seed_gives(pages: site.Site, lang: str):
    page = pages.request_page(router(lang, "request")).decode()
    assert 'href="mailto:kasvatusjakoulutus@hel.fi"' in page
    assert re.search(r'<a class="tel" href="tel:\+35893108600">09 310 8600</a> \(', page)  # with its hours
    assert {"fi": "arkisin 8-16", "sv": "vardagar kl. 8–16", "en": "weekdays 8 am to 4 pm"}[lang] in page
    assert 'href="https://asiointi.hel.fi"' in page
    assert "PL 58300" in page and "Työpajankatu 8, 00580 Helsinki" in page  # postal and visiting addresses
    assert 'href="http://data.finlex.fi/eli/sd/1999/621"' in page and UI[lang]["section_13"] in page
    assert page.count('<section class="example"') == 3
    for system in ("Oppilashuollon", "Oppisopimusten", "Ajan- ja tilanvaraus"):
        assert system in page or lang != "fi"
    assert "asiakaskertomus" in page or lang != "fi"
    assert "PL 51309 (Teollisuuskatu 23 A)" in page  # the apprenticeship example's own address


def test_front_page_nests_the_registers_under_the_four_resources(pages: site.Site):
    tree = pages.resource_tree(router("sv", ""), "sv")
    assert len(tree) == 4 and sum(len(registers) for _, registers in tree) == 24
    titles = [resource.text.value for resource, _ in tree]
    assert titles == sorted(titles, key=site.sort_key)
    front = pages.front_page(router("sv", "")).decode()
    assert front.count(f'href="{BASE}request?lang=sv"') >= 2  # in the menu and in the call-out


@pytest.mark.parametrize("lang", UI_LANGS)
def test_dataset_pages_say_what_the_description_leaves_open_and_show_no_prefixes(pages: site.Site, lang: str):
    for iri in pages.of_type("dataset"):
        page = pages.dataset_page(router(lang, iri[len(BASE) :]), iri)
        text = " ".join(parsed(page).text)
        assert UI[lang]["not_stated_list"] in text  # privacy notices and the technical interface are open § 28 items
        assert not re.search(r"\b(dct|dcat|tvk|dcatap|vcard|skos|foaf):[A-Za-z]", text), iri
    register = pages.dataset_page(router(lang, "x"), BASE + "dataset/kuraattorien-yksilokohtainen-rekisteri").decode()
    assert "Työntekijän nimi" in register or lang != "fi"
    assert f'<p class="not-stated missing">{UI[lang]["not_stated_list"]}: ' in register


def test_linked_data_pages_keep_prefixed_names_inside_their_sections(pages: site.Site):
    for local in ("organisation/kasko", "channel/asiointiportaali", "contact/kasko-tietopyynnot", "system/varda"):
        page = pages.page_for(router("fi", local), BASE + local)
        assert b"dct:" in page or b"tvk:" in page or b"vcard:" in page  # the raw view is there …
        text = " ".join(parsed(page).text)
        assert not re.search(r"\b(dct|dcat|tvk|dcatap|vcard|skos|foaf|org):[A-Za-z]", text), local  # … but folded


def test_theme_labels_are_in_the_page_language_and_english_fallbacks_are_marked(pages: site.Site):
    page = pages.dataset_page(router("sv", "x"), BASE + "dataset/perusopetus").decode()
    assert "<li>Utbildning, kultur och sport</li>" in page
    # the EU table's own Swedish label, and what it means in the site's words
    assert f"<li>Icke-offentligt — {UI['sv']['access_NON_PUBLIC_means']}</li>" in page
    assert "non-public" not in page.lower().split("<details", 1)[0]
    assert site.pick({"en": "non-public"}, "sv") == site.Text("non-public", "en")  # a fallback is marked


def test_search_finds_a_system_by_a_search_key_in_any_page_language(pages: site.Site):
    for lang in UI_LANGS:
        hits = pages.search("asiakaskertomus", router(lang, "search"), lang)["hits"]
        systems = [hit["link"].href for hit in hits if hit["kind"] == UI[lang]["kind_system"]]  # type: ignore[index]
        assert f"{BASE}system/oppilashuolto?lang={lang}" in systems
    assert pages.search("", router("fi", "search"), "fi")["hits"] == []
    assert pages.search("no such words anywhere", router("fi", "search"), "fi")["hits"] == []


def test_picture_is_svg_with_a_title_and_a_text_alternative(pages: site.Site):
    svg = ET.fromstring(pages.picture_svg("fi"))
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img" and svg.find(f"{ns}title") is not None and svg.find(f"{ns}desc") is not None
    assert len(svg.findall(f"{ns}circle")) >= len(pages.of_type("system"))
    page = pages.picture_page(router("fi", "picture")).decode()
    assert f'alt="{UI["fi"]["picture_alt"]}"' in page
    assert page.count('<a href="http://127.0.0.1:1/system/') >= len(pages.of_type("system"))


def test_static_site_links_all_resolve_and_the_bytes_repeat(tmp_path: Path):
    out = tmp_path / "public" / "kasko"  # a subfolder, as on the City's site
    count = api.export_site(out)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert len(files) == count
    checked = 0
    for path in files:
        if path.suffix != ".html":
            continue
        for target in parsed(path.read_bytes()).targets:
            parts = urlsplit(target)
            if parts.scheme:
                assert parts.scheme in {"http", "https", "mailto", "tel"}, (path, target)
                continue
            assert not target.startswith("/"), (path, target)  # relative: works in a subfolder and from file://
            resolved = (path.parent / unquote(parts.path)).resolve() if parts.path else path.resolve()
            assert resolved.is_file() and out.resolve() in resolved.parents, (path, target)
            if parts.fragment:
                assert f'id="{parts.fragment}"' in resolved.read_text("utf-8"), (path, target)
            checked += 1
    assert checked > 1000
    for name in ("catalog.ttl", "catalog.jsonld", "catalog.rdf", "catalog.nt"):
        assert (out / name).read_bytes() == (ROOT / "output" / name).read_bytes()
    again = tmp_path / "again"
    api.export_site(again)
    assert {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()} == {
        p.relative_to(out): p.read_bytes() for p in files
    }
    api.export_site(out)  # an earlier site is replaced whole
    assert not list(tmp_path.glob("public/.kasko*"))


def test_static_site_never_replaces_a_folder_it_did_not_write(tmp_path: Path):
    (tmp_path / "mine.txt").write_text("keep")
    with pytest.raises(KaskoError) as raised:
        api.export_site(tmp_path)
    assert raised.value.code == "site-out-not-site" and (tmp_path / "mine.txt").read_text() == "keep"
    assert not (tmp_path / export.MARK).exists()


def test_served_site_pages_and_the_sparql_table():
    with serving("--sparql-workers", "1", "--no-warm") as served:

        def get(path: str) -> tuple[str, str]:
            request = urllib.request.Request(served.base + path, headers={"Accept": "text/html"})
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.headers["Content-Type"], answer.read().decode("utf-8")

        for path in ("request?lang=sv", "system?lang=en", "picture?lang=fi", "search?q=VARDA&lang=fi"):
            kind, body = get(path)
            assert kind == "text/html; charset=utf-8" and "<main" in body, path
        assert "system/varda?lang=fi" in get("search?q=VARDA&lang=fi")[1]
        kind, svg = get("systems.svg?lang=sv")
        assert kind == "image/svg+xml" and '<title id="title">' in svg
        kind, body = get("sparql?lang=fi")
        for name in bundled.names():
            assert f"sparql?bundled={name}&amp;lang=fi" in body and bundled.read(name).title("fi") in body
        swedish = get("sparql?lang=sv")[1]  # the query files' Swedish titles, not English marked lang="en"
        assert f">{bundled.read('contacts').title('sv')}</a>" in swedish
        assert f'lang="en">{bundled.read("contacts").title("en")}</a>' not in swedish
        kind, body = get("sparql?bundled=request-channels&lang=en")
        assert '<table class="results">' in body and "https://asiointi.hel.fi" in body


KILLED_BETWEEN_RENAMES = """
import os, sys
from kasko_dcat.serve import export
calls = []
real = os.replace
def replace(src, dst):
    calls.append(dst)
    if len(calls) == 2:  # the old site is aside, the new one not yet in place: die as SIGKILL would
        os._exit(9)
    real(src, dst)
export.os.replace = replace
from kasko_dcat.cli import main
sys.argv = ["kasko-dcat", "site", "--out", sys.argv[1], "--quiet"]
main()
"""


def test_a_site_export_killed_between_its_renames_is_finished_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "public" / "site"
    first = run_cli("site", "--out", str(out), "--quiet", cwd=ROOT)
    assert first.returncode == 0, first.stderr
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BETWEEN_RENAMES, str(out)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert killed.returncode == 9, killed.stderr
    assert not out.exists()  # the window the issue names: no site, staging folders beside it
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".site.")]
    rerun = run_cli("site", "--out", str(out), "--quiet", cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert (out / "fi" / "index.html").is_file() and (out / export.MARK).is_file()
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]
