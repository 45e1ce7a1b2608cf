"""A real browser (Debian's headless chromium) walks the citizen site as a reader would.

In each language a reader goes from the front page to the request page and finds the e-mail
link; a search by a search key finds the system; the picture loads with its text alternative;
no page scrolls sideways on a 390 px phone; axe-core finds no WCAG 2.1 A/AA violation on any
kind of page in fi, sv or en; and the static export works from ``file://``.

axe-core is pinned (:data:`AXE_VERSION`) and installed by ``.ci/run`` into ``.axe/`` with npm.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kasko_dcat import api
from kasko_dcat.i18n.languages import UI_LANGS
from kasko_dcat.serve.ui import UI

from .conftest import ROOT
from .serving import Served, serving

AXE_VERSION = "4.10.2"
AXE = ROOT / ".axe/node_modules/axe-core/axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists() and importlib.util.find_spec("selenium")),
    reason="no browser: .ci/run installs Debian's chromium and chromium-driver (and selenium with '.[test]')",
)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with serving("--sparql-workers", "1") as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--lang=en-US",
            "--window-size=1200,2000",
        ):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        driver.set_page_load_timeout(30)
        try:
            yield driver
        finally:
            driver.quit()


def css(driver: object, selector: str) -> object:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)  # type: ignore[attr-defined]


def link(driver: object, text: str) -> object:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.LINK_TEXT, text)  # type: ignore[attr-defined]


def follow(driver: object, element: object) -> None:
    """Click and wait until the next document has loaded.

    A click returns before a form's navigation ends, so reading the page at once can find the old
    document. Waiting for an old element to go stale is not enough either: mid-navigation chromedriver
    answers with other errors ("Node with given id does not belong to the document"). A mark set on
    the old window is gone only in a new document, and errors while the page changes are retried.
    """
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("window.kaskoOldPage = true")  # type: ignore[attr-defined]
    element.click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return window.kaskoOldPage === undefined && document.readyState === 'complete'")
    )


PAGE_KINDS = (
    "catalog",
    "request",
    "dataset/perusopetus",
    "dataset/kuraattorien-yksilokohtainen-rekisteri",
    "system",
    "system/oppilashuolto",
    "picture",
    "quality",
    "search?q=oppilashuolto",
    "sparql?bundled=request-channels",
    "channel/asiointiportaali",
    "organisation/kasko",
    "no/such/page",
)
"""One page of each kind: front, request, resource, register, systems, system, picture, quality, search, SPARQL,
linked data, organisation, and the 404 page."""


def url(served: Served, path: str, lang: str) -> str:
    return served.base + path + ("&" if "?" in path else "?") + f"lang={lang}"


@pytest.mark.parametrize("lang", UI_LANGS)
def test_citizen_goes_from_the_front_page_to_the_request_page_to_the_e_mail_link(browser, served: Served, lang: str):
    browser.get(url(served, "catalog", lang))
    assert css(browser, "html").get_attribute("lang") == lang
    follow(browser, link(browser, UI[lang]["request"] + " →"))  # the call-out on the front page
    assert browser.current_url == url(served, "request", lang)
    assert css(browser, "h1").text == UI[lang]["request_title"]
    mail = css(browser, "a.mailto")
    assert mail.is_displayed() and mail.get_attribute("href") == "mailto:kasvatusjakoulutus@hel.fi"
    assert css(browser, "a.tel").get_attribute("href") == "tel:+35893108600"
    # one click from any page: the menu of a register's page
    browser.get(url(served, "dataset/tilojen-asukaskayton-asiakastiedot", lang))
    follow(browser, css(browser, "nav.main li.request a"))
    assert browser.current_url == url(served, "request", lang)


def test_search_by_a_search_key_finds_the_system(browser, served: Served):
    browser.get(url(served, "catalog", "en"))
    css(browser, "#q").send_keys("asiakaskertomus")  # a search key of a worked example, in Finnish
    follow(browser, css(browser, "form.search button"))
    follow(browser, link(browser, "Pupil welfare system"))
    assert browser.current_url == url(served, "system/oppilashuolto", "en")
    assert css(browser, "h1").text == "Pupil welfare system"


def test_picture_is_drawn_with_its_text_alternative(browser, served: Served):
    browser.get(url(served, "picture", "sv"))
    image = css(browser, "figure.picture img")
    assert image.get_attribute("alt") == UI["sv"]["picture_alt"]
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 300
    assert len(browser.find_elements("css selector", "main h3")) == 4  # the same facts as text, per resource


def test_no_page_scrolls_sideways_on_a_390_px_phone(browser, served: Served):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    )
    try:
        for lang in UI_LANGS:
            for path in PAGE_KINDS:
                browser.get(url(served, path, lang))
                width = browser.execute_script("return document.documentElement.scrollWidth")
                assert width <= 390, (path, lang, width)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core: .ci/run installs axe-core@{AXE_VERSION} into .axe/")
def test_axe_finds_no_wcag_violation_on_any_kind_of_page(browser, served: Served):
    """WCAG 2.1 A and AA, and axe's best practices (headings in order, landmarks, content in a landmark)."""
    found = {}
    for lang in UI_LANGS:
        for path in PAGE_KINDS:
            browser.get(url(served, path, lang))
            if violations := axe_violations(browser):
                found[(path, lang)] = violations
    assert found == {}


def axe_violations(browser: object) -> list[object]:
    """axe-core's violations of WCAG 2.1 A and AA and of its best practices on the current page."""
    browser.execute_script(AXE.read_text("utf-8"))  # type: ignore[attr-defined]
    result = browser.execute_async_script(  # type: ignore[attr-defined]
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(r => done(JSON.stringify(r.violations.map(v => [v.id, v.nodes.map(n => n.target)]))));"
    )
    return json.loads(result)


def test_texts_from_the_source_are_escaped_not_markup(browser, served: Served):
    """Titles come from YAML; a page must show them as text (the unit test of pages covers <script>)."""
    browser.get(url(served, "dataset/tilojen-asukaskayton-asiakastiedot", "en"))
    assert css(browser, "h1").text == "Customer data on residents' use of premises"
    assert browser.find_elements("css selector", "script") == []


def test_sparql_page_runs_a_bundled_query_in_one_click_and_shows_a_table(browser, served: Served):
    browser.get(url(served, "catalog", "fi"))
    follow(browser, link(browser, UI["fi"]["sparql"]))
    assert css(browser, "html").get_attribute("lang") == "fi"
    follow(browser, link(browser, "Tietopyyntöjen kanavat ja osoitteet"))
    assert "https://asiointi.hel.fi" in css(browser, "table.results").text


def test_static_site_works_from_disk(browser, tmp_path: Path):
    api.export_site(tmp_path / "site")
    browser.get((tmp_path / "site" / "index.html").as_uri())
    if AXE.exists():
        assert axe_violations(browser) == []
    follow(browser, link(browser, "svenska"))
    follow(browser, css(browser, "nav.main li.request a"))
    assert css(browser, "h1").text == UI["sv"]["request_title"]
    assert css(browser, "a.mailto").get_attribute("href") == "mailto:kasvatusjakoulutus@hel.fi"
    follow(browser, link(browser, "Elevvårdssystem"))
    assert browser.current_url.endswith("/site/sv/system/oppilashuolto.html")
    if AXE.exists():
        assert axe_violations(browser) == []
