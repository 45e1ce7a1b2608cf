"""Issue 19's second pass over the citizen site, driven through ``kasko-dcat serve`` over HTTP:
bundled queries by name for scripts, pages that agree with themselves, the organisation page,
the 404 page and page titles."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request

import pytest

from .serving import serving


@pytest.fixture(scope="module")
def served():
    with serving("--sparql-workers", "1", "--no-warm") as running:
        yield running


def get(served, path: str, accept: str | None = "text/html") -> tuple[int, str, str]:
    headers = {"Accept": accept} if accept is not None else {}
    request = urllib.request.Request(served.base + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode("utf-8")


def test_a_bundled_query_by_name_answers_by_accept_and_browsers_get_the_page(served):
    status, kind, body = get(served, "sparql?bundled=contacts", "text/csv")
    assert status == 200 and kind.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:4] == ["dataset", "kind", "authority", "email"] and "kasvatusjakoulutus@hel.fi" in body
    status, kind, body = get(served, "sparql?bundled=contacts", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["results"]["bindings"]
    status, kind, body = get(served, "sparql?bundled=contacts", None)  # no Accept: like any query, SPARQL JSON
    assert kind.startswith("application/sparql-results+json")
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, kind, body = get(served, "sparql?bundled=contacts&lang=sv", browser)
    assert status == 200 and kind.startswith("text/html") and '<table class="results">' in body
    assert get(served, "sparql?bundled=no-such-query", "text/csv")[0] == 404


def main_text(html: str) -> str:
    """The page's main part above the linked-data section."""
    return html.split("<main", 1)[1].split('<details class="linked-data"', 1)[0]


def test_a_register_names_the_system_its_example_names_and_the_system_names_it(served):
    register = main_text(get(served, "dataset/kuraattorien-yksilokohtainen-rekisteri?lang=fi")[2])
    systems = register.split("<dt>Tietojärjestelmät</dt>", 1)[1].split("</dd>", 1)[0]
    assert "system/oppilashuolto?lang=fi" in systems  # the worked example on the same page names it
    system = main_text(get(served, "system/oppilashuolto?lang=sv")[2])
    assert "dataset/kuraattorien-yksilokohtainen-rekisteri?lang=sv" in system
    assert "request?lang=sv#" in system  # and the example itself


def test_runs_of_not_stated_are_one_line_naming_what_is_missing_with_the_way_to_ask(served):
    page = main_text(get(served, "dataset/viestintapalveluiden-tietoaineistot?lang=sv")[2])
    assert page.count('class="not-stated') == 1
    line = page.split('class="not-stated missing">', 1)[1].split("</p>", 1)[0]
    assert line.startswith("Beskrivningen anger inte: ") and "datainnehåll" in line and "sökfaktorer" in line
    assert f'href="{served.base}request?lang=sv"' in line


def test_the_organisation_page_is_plain_with_its_kind_in_the_page_language(served):
    status, _, html = get(served, "organisation/kasko?lang=sv")
    page = main_text(html)
    assert status == 200 and "<h1>Fostrans- och utbildningssektorn</h1>" in page
    assert "Kommunal myndighet" in page and '<span lang="en">Local authority</span>' in page
    assert "dct:" not in page and "rdf:" not in page and "org:" not in page and "tvk:" not in page
    assert "dataset/perusopetus?lang=sv" in page and f"{served.base}request?lang=sv" in page
    assert '<details class="linked-data">' in html and '<details class="linked-data" open' not in html
    assert "Fostrans- och utbildningssektorn" in get(served, "request?lang=sv")[2].split('class="address"', 1)[1]


def test_system_names_in_the_description_are_listed_once_ignoring_case(served):
    page = main_text(get(served, "system/oppilashuolto?lang=fi")[2])
    names = page.split("<dt>Nimi kuvauksessa</dt>", 1)[1].split("</dd>", 1)[0]
    listed = [item.split("</li>")[0] for item in names.split("<li>")[1:]]
    # written as "Oppilashuollon järjestelmä", "oppilashuollon järjestelmä" (its name) and "oppilashuollonjärjestelmä"
    assert listed == ["oppilashuollonjärjestelmä"]


def test_a_browser_gets_a_styled_404_in_its_language_and_a_script_gets_text(served):
    status, kind, body = get(served, "no/such/page?lang=sv")
    assert status == 404 and kind.startswith("text/html")
    assert "<h1>Sidan hittades inte</h1>" in body and "<style>" in body
    assert f'href="{served.base}request?lang=sv"' in body and "<title>Sidan hittades inte — " in body
    assert 'aria-current="page">Startsida' not in body  # not the front page
    assert f'hreflang="fi" href="{served.base}no/such/page?lang=fi"' in body  # the language switch keeps the address
    status, kind, body = get(served, "no/such/page", "text/plain")
    assert status == 404 and kind.startswith("text/plain") and "<" not in body


def test_titles_are_page_then_site(served):
    body = get(served, "system?lang=fi")[2]
    title = body.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Tietojärjestelmät — ") and len(title) > len("Tietojärjestelmät — ")
    front = get(served, "catalog?lang=sv")[2].split("<title>", 1)[1].split("</title>", 1)[0]
    assert " — " not in front  # the front page is the site itself


def test_the_static_root_page_is_styled_and_links_each_language(tmp_path):
    from .conftest import ROOT, run_cli

    result = run_cli("site", "--out", str(tmp_path / "site"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    root = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "<style>" in root and "ul.choose" in root
    for code, name in (("fi", "suomi"), ("sv", "svenska"), ("en", "English")):
        assert f'<li lang="{code}"><a hreflang="{code}" href="{code}/index.html">{name}</a><small>' in root
    assert '<span lang="sv">Fostrans- och utbildningssektorns informationsresurser</span>' in root
    assert '<span lang="sv">Välj språk</span>' in root
