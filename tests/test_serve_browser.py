"""A real browser (Debian's headless chromium) walks serve's HTML pages as a reader would.

From the catalogue it switches language, opens a register, follows its information systems and
its request route, and comes back from a system to the datasets that use it — checking on each
page the language the page says it is in and the texts it shows.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .serving import Served, serving

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


def test_reader_walks_from_catalogue_to_register_system_and_request_channel(browser, served: Served):
    browser.get(served.base + "catalog")
    assert css(browser, "html").get_attribute("lang") == "en"  # the browser's own language
    assert css(browser, "h1").text == "Information resources of the Education Division"
    assert len(browser.find_elements("css selector", "ul.datasets li a")) == 28

    follow(browser, link(browser, "suomi"))
    assert css(browser, "html").get_attribute("lang") == "fi"
    assert css(browser, "h1").text == "Kasvatuksen ja koulutuksen toimialan tietovarannot"
    assert "28 aineistoa" in css(browser, "p.count").text

    follow(browser, link(browser, "Esi- ja perusopetuksen oppilashuollon kuraattorien yksilökohtainen rekisteri"))
    assert browser.current_url == served.base + "dataset/kuraattorien-yksilokohtainen-rekisteri?lang=fi"
    assert css(browser, "html").get_attribute("lang") == "fi"
    properties = css(browser, "table.properties").text
    assert "Perusopetuksen tietovaranto" in properties  # dct:isPartOf, named in Finnish

    follow(browser, link(browser, "Perusopetuksen tietovaranto"))
    follow(browser, link(browser, "Oppilashuollon järjestelmä"))  # a system of the resource
    assert browser.current_url == served.base + "system/oppilashuolto?lang=fi"
    referenced = css(browser, "ul.referenced").text
    assert "Perusopetuksen tietovaranto" in referenced and "Tietopyyntö asiakirjaan" in referenced

    follow(browser, link(browser, "svenska"))
    assert css(browser, "html").get_attribute("lang") == "sv"
    assert browser.current_url == served.base + "system/oppilashuolto?lang=sv"
    example = browser.find_elements("css selector", "ul.referenced a[href*='request-example/']")[0]
    follow(browser, example)  # the worked request example: which channel to send the request to
    channels = [
        a for a in browser.find_elements("css selector", "table.properties a") if "/channel/" in a.get_attribute("href")
    ]
    assert channels
    follow(browser, channels[0])
    assert "/channel/" in browser.current_url and css(browser, "html").get_attribute("lang") == "sv"
    assert css(browser, "h1").text
    assert "tvk:" in css(browser, "p.types").text


def test_texts_from_the_source_are_escaped_not_markup(browser, served: Served):
    """Titles come from YAML; a page must show them as text (the unit test of pages covers <script>)."""
    browser.get(served.base + "dataset/tilojen-asukaskayton-asiakastiedot?lang=en")
    assert css(browser, "h1").text == "Customer data on residents' use of premises"
    assert browser.find_elements("css selector", "script") == []


def test_sparql_link_opens_a_form_that_runs_a_query(browser, served: Served):
    browser.get(served.base + "catalog?lang=en")
    follow(browser, link(browser, "SPARQL queries"))
    assert css(browser, "html").get_attribute("lang") == "en"
    follow(browser, css(browser, "button[type=submit]"))
    answer = css(browser, "body").text
    assert '"vars":["dataset","title"]' in answer and "Perusopetuksen tietovaranto" in answer
