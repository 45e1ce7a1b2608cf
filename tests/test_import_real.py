"""The corpus of real § 28 pages is well-formed: every page has its source address and its facts file.

tests/data/import/real/ holds published description pages of real authorities, each beside the facts
it states, written by hand (README.md there). bench/import_real.py scores ``kasko-dcat import`` on
them; this file checks the corpus itself, so that the figures rest on what the README promises: at
least 30 pages, Finnish and Swedish, text and HTML, many kinds of authority, every facts file in the
documented format, and the HTML variants exactly what their script makes from the retrieved text.
The scorer's own comparison rules are checked on small hand-made cases.
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from .conftest import ROOT

REAL = ROOT / "tests" / "data" / "import" / "real"
PAGES = sorted(p for p in REAL.iterdir() if p.suffix in {".txt", ".html"})
FACTS = sorted(REAL.glob("*.yaml"))
LISTS = (
    "emails",
    "obfuscated_emails",
    "phones",
    "addresses",
    "urls",
    "resources",
    "registers",
    "systems",
    "data_groups",
    "search_keys",
)
KEYS = {
    "source",
    "authority",
    "information_management_unit",
    "registry_office",
    *LISTS,
    "technical_interface",
    "tolerated",
}
SOURCE_KEYS = {"url", "retrieved", "via", "stored_as", "extent", "kind", "lang"}


def load(module: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(module, path)
    assert spec and spec.loader
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[module] = loaded
    spec.loader.exec_module(loaded)
    return loaded


def facts(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text("utf-8"))


def forms(item: Any) -> list[Any]:
    return item if isinstance(item, list) else [item]


# --- the corpus ------------------------------------------------------------------------------------------
def test_every_page_has_a_facts_file_and_every_facts_file_a_retrieved_page() -> None:
    assert {p.with_suffix(".yaml") for p in PAGES} == set(FACTS)
    assert all(f.with_suffix(".txt").is_file() for f in FACTS), "each facts file describes a page as retrieved"


def test_the_corpus_is_large_and_varied() -> None:
    retrieved = [facts(f)["source"] for f in FACTS]
    assert len(retrieved) >= 30
    assert {s["lang"] for s in retrieved} == {"fi", "sv"}
    assert {p.suffix for p in PAGES} == {".txt", ".html"}
    kinds = {s["kind"].split(" (")[0] for s in retrieved}
    assert {
        "municipality",
        "city",
        "wellbeing services county",
        "state agency",
        "university",
        "university of applied sciences",
        "parish",
        "regional council",
        "joint municipal authority",
    } <= kinds
    urls = [s["url"] for s in retrieved]
    assert len(set(urls)) == len(urls), "each page once"
    assert not any("hel.fi" in url for url in urls), "Kasko's own page is the seed, not part of this corpus"


@pytest.mark.parametrize("path", FACTS, ids=lambda p: p.stem)
def test_facts_file_format(path: Path) -> None:
    data = facts(path)
    assert set(data) == KEYS, set(data) ^ KEYS
    source = data["source"]
    assert set(source) == SOURCE_KEYS
    assert re.match(r"^https?://[^\s/]+\.[a-z]{2,}(/\S*)?$", source["url"]), source["url"]
    assert str(source["retrieved"]) == "2026-12-06"
    assert source["lang"] in {"fi", "sv"}
    assert source["stored_as"] == "text" and source["extent"] == "beginning"
    for key in ("authority", "registry_office"):
        assert data[key] is None or all(isinstance(f, str) and f.strip() for f in forms(data[key])), key
    assert data["information_management_unit"] is None or isinstance(data["information_management_unit"], str)
    for key in LISTS:
        assert isinstance(data[key], list), key
        for item in data[key]:
            assert all(isinstance(f, str) and f.strip() for f in forms(item)), (key, item)
    interface = data["technical_interface"]
    assert isinstance(interface, dict)
    names = {form.casefold() for item in data["resources"] for form in forms(item)}
    for name, flag in interface.items():
        assert isinstance(flag, bool), name
        assert name in {"*", "(other)"} or name.casefold() in names, f"{name}: not one of the page's resources"
    tolerated = data["tolerated"]
    assert isinstance(tolerated, dict) and set(tolerated) <= set(LISTS)
    for key, items in tolerated.items():
        assert all(isinstance(f, str) for item in items for f in forms(item)), key


@pytest.mark.parametrize("path", FACTS, ids=lambda p: p.stem)
def test_stated_names_are_on_the_page(path: Path) -> None:
    """Every stated e-mail, phone and name occurs in the page's text (some form of it): nothing added."""
    data = facts(path)
    text = " ".join(path.with_suffix(".txt").read_text("utf-8").split()).casefold()
    for key in ("emails", "obfuscated_emails", "phones", "resources", "registers", "systems", "data_groups"):
        for item in data[key]:
            assert any(" ".join(f.split()).casefold() in text for f in forms(item)), (key, item)
    for item in data["search_keys"]:
        assert any(" ".join(f.split()).casefold().rstrip(".") in text for f in forms(item)), item
    for address in data["addresses"]:
        code = re.search(r"\b\d{5}\b", address)
        assert code and code.group(0) in text, address


def test_the_html_variants_are_what_the_script_makes() -> None:
    to_html = load("real_corpus_to_html", REAL / "to_html.py")
    made = to_html.variants()
    assert set(made) == {p for p in PAGES if p.suffix == ".html"}
    for path, content in made.items():
        assert path.read_text("utf-8") == content, f"{path.name}: run python {REAL / 'to_html.py'}"
        body = html.unescape(re.sub(r"<[^>]*>", " ", content.split("<main>")[1].split("</main>")[0]))
        assert re.findall(r"\w+", body) == re.findall(r"\w+", path.with_suffix(".txt").read_text("utf-8"))


# --- the scorer's rules ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load("bench_import_real", ROOT / "bench" / "import_real.py")


def expected(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {key: [] for key in LISTS}
    base.update(authority=None, registry_office=None, technical_interface={}, tolerated={})
    base.update(values)
    return base


def test_scorer_counts_wrong_found_and_tolerated(scorer: ModuleType) -> None:
    v = scorer.Value
    written = scorer.Written(
        authority="Asiakirjajulkisuuskuvaus",
        values={
            "systems": [
                v("Kunnan asianhallintajärjestelmä"),
                v("Se mahdollistaa haun"),
                v("Datasystem"),
                v("Operativa  datasystem."),
            ],
            "resources": [v("Asiarekisteri")],
            "registers": [],
            "data_groups": [],
            "search_keys": [],
            "emails": [v("kirjaamo@soite.fi")],
            "phones": [v("050 359 1729")],
            "urls": [],
        },
        interfaces=[(v("Asiarekisteri"), True)],
    )
    want = expected(
        authority="Taivassalon kunta",
        systems=[["asianhallintajärjestelmässä", "Taivassalon kunnan asianhallintajärjestelmä"]],
        registers=["asiarekisteri"],
        phones=["+358 50 359 1729"],
        obfuscated_emails=["kirjaamo(at)soite.fi"],
        tolerated={"systems": ["operativa datasystem"]},
    )
    keys = scorer.score("page", want, written)
    assert keys["authority"].wrong == ["Asiakirjajulkisuuskuvaus"] and keys["authority"].missed
    assert keys["systems"].found == 1, "the page's name with its owner left out names what the page names"
    assert keys["systems"].wrong == ["Se mahdollistaa haun", "Datasystem"], "one generic word is no name"
    assert keys["systems"].tolerated == 1, "a tolerated reading, spacing and stop aside"
    assert keys["resources"].wrong == [], "a register written as a resource is not a wrong fact"
    assert keys["registers"].found == 0, "…but it is found only as a register"
    assert keys["emails"].wrong == ["kirjaamo@soite.fi"], "an obfuscated address is not to be written"
    assert keys["phones"].found == 1
    assert keys["technical_interface"].wrong == ["Asiarekisteri: True"], "the page states no interface"


def test_scorer_reads_an_imported_folder(scorer: ModuleType, tmp_path: Path) -> None:
    """The layout ``import`` writes: organisation, request facts, resources with registers, systems."""
    (tmp_path / "resources").mkdir()
    (tmp_path / "organisations.yaml").write_text("organisations:\n  - id: x\n    name: {fi: ~, sv: Vasa stad}\n")
    (tmp_path / "request.yaml").write_text(
        "addresses:\n  - {id: a, label: 'Asematie 1, 69100 Kannus', street_address: Asematie 1,"
        " postal_code: '69100', locality: Kannus}\n"
        "contact_points:\n  - {id: c, name: {fi: Kirjaamo}, email: kirjaamo@kannus.fi, phone: 040 535 4124}\n"
        "channels:\n  - {id: e, kind: electronic, title: {fi: Lomake}, url: 'https://x.example/form'}\n"
        "examples:\n  - {id: s, search_keys: [{fi: henkilötunnus}]}\n"
    )
    (tmp_path / "resources" / "a.yaml").write_text(
        "title: {fi: Hallinnon tietovaranto}\nseed_forms: [hallinnon tietovarannon]\ntechnical_interface: false\n"
        "data_groups: [{fi: päätökset}]\nregisters:\n  - {title: {fi: Postikirja}}\n"
    )
    (tmp_path / "systems.yaml").write_text("systems:\n  - {title: {fi: Asianhallintajärjestelmä}, seed_forms: [a]}\n")
    written = scorer.read_written(tmp_path, "sv")
    assert written.authority == "Vasa stad"
    texts = {key: [v.text for v in values] for key, values in written.values.items()}
    assert texts["emails"] == ["kirjaamo@kannus.fi"] and texts["phones"] == ["040 535 4124"]
    assert texts["urls"] == ["https://x.example/form"] and texts["search_keys"] == ["henkilötunnus"]
    assert texts["resources"] == ["Hallinnon tietovaranto"] and texts["registers"] == ["Postikirja"]
    assert texts["systems"] == ["Asianhallintajärjestelmä"] and texts["data_groups"] == ["päätökset"]
    assert [(v.text, flag) for v, flag in written.interfaces] == [("Hallinnon tietovaranto", False)]
    assert written.addresses[0]["postal_code"] == "69100" and "Kirjaamo" in written.labels


def test_scorer_runs_the_command_on_a_page() -> None:
    """End to end through ``kasko-dcat import``: a status, and figures that add up (whatever the importer finds)."""
    scorer = load("bench_import_real", ROOT / "bench" / "import_real.py")
    page = REAL / "10-kannuksen-kaupunki.txt"
    score = scorer.import_page(page, scorer.default_command())
    assert score.status in {"imported", "refused"}, score.message
    stated = facts(page.with_suffix(".yaml"))
    assert score.keys["emails"].stated == len(stated["emails"])
    assert score.keys["addresses"].stated == len(stated["addresses"])
    for key in score.keys.values():
        assert 0 <= key.found <= key.stated
