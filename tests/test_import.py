"""`kasko-dcat import` on pages other than the seed: other headings, HTML, missing sections, garbage, URLs."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from rdflib import Graph
from rdflib.namespace import DCAT, DCTERMS

from kasko_dcat.importer.names import basic_form
from kasko_dcat.importer.pagetext import decode, paragraphs
from kasko_dcat.importer.reader import read_page, split_list
from kasko_dcat.model.description import Source, read_source
from kasko_dcat.model.graph import build_graph

from .conftest import ROOT, run_cli

PAGES = ROOT / "tests" / "data" / "import"
SEED = ROOT / "tests" / "data" / "kasko-tietovarannot.txt"


def imported(tmp_path: Path, page: Path | str, *extra: str) -> Source:
    """Import ``page`` with the CLI into tmp_path/out and read the result as ``build`` does."""
    result = run_cli("import", str(page), "--out", "out", *extra, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return read_source(tmp_path / "out")


def unplaced_lines(tmp_path: Path) -> list[dict[str, object]]:
    """What the import in tmp_path/out could not place, as written to unplaced.yaml."""
    return yaml.safe_load((tmp_path / "out" / "unplaced.yaml").read_text("utf-8"))["unplaced"]


def titles(source: Source) -> dict[str, list[str]]:
    return {r.title["fi"]: [register.title["fi"] for register in r.registers] for r in source.resources}


def systems_of(source: Source, resource_title: str) -> list[str]:
    named = {system.id: system.title["fi"] for system in source.systems}
    resource = next(r for r in source.resources if r.title["fi"] == resource_title)
    return [named[ref] for ref in [*resource.systems, *resource.supporting_systems]]


# --- another authority, other headings -------------------------------------------------------------
def test_another_authoritys_text_page(tmp_path: Path) -> None:
    source = imported(tmp_path, PAGES / "pohjanranta.txt")
    assert source.organisations[0].name["fi"] == "Pohjanrannan kunta"
    assert titles(source) == {
        "Rakennusvalvonnan tietovaranto": [
            "Rakennuslupien rekisteri",
            "Katselmusten ja tarkastusten tiedot",
            "Rakennusten energiatodistukset",
        ],
        "Ympäristöterveydenhuollon tietovaranto": [
            "Elintarvikevalvonnan kohderekisteri",
            "Terveydensuojeluvalvonnan kohderekisteri",
            "Eläinlääkintähuollon asiakasrekisteri",
        ],
        "Kunnan asiarekisterin tietovaranto": [],
    }
    by_title = {r.title["fi"]: r for r in source.resources}
    building = by_title["Rakennusvalvonnan tietovaranto"]
    health = by_title["Ympäristöterveydenhuollon tietovaranto"]
    cases = by_title["Kunnan asiarekisterin tietovaranto"]
    assert systems_of(source, building.title["fi"]) == [
        "Lupapiste",
        "Facta-kiinteistötietojärjestelmä",
        "Sähköinen arkisto",
    ]
    # "Sähköinen arkisto" / "sähköinen arkisto" in three resources is one system.
    assert systems_of(source, health.title["fi"])[2] == systems_of(source, cases.title["fi"])[1] == "Sähköinen arkisto"
    assert sum(s.title["fi"] == "Sähköinen arkisto" for s in source.systems) == 1
    assert building.technical_interface is False  # "Tietoja ei ole saatavilla … rajapinnan kautta."
    assert building.data_contents and building.data_contents["fi"].startswith("Tietovaranto sisältää lupahakemukset")
    assert health.privacy_notices == ["https://www.pohjanranta.example/tietosuoja/ymparistoterveys"]
    assert [r.title["fi"] for r in source.related_resources] == ["Valtakunnallinen valvontatietorekisteri"]

    contact = source.contact_points[0]
    assert (contact.email, contact.phone and contact.phone.written) == ("kirjaamo@pohjanranta.example", "012 345 6789")
    assert source.information_request is not None
    assert source.information_request.access_url == "https://asiointi.pohjanranta.example/tietopyynto"

    first, second = source.examples
    assert [k["fi"] for k in first.search_keys] == [
        "kiinteistötunnus",
        "rakennuspaikan osoite",
        "luvan hakijan nimi",
        "lupatunnus",
    ]
    assert first.resource == building.id and first.register is None
    assert second.register == health.registers[0].id  # "… elintarvikevalvonnan kohderekisteriin"
    assert [k["fi"] for k in second.search_keys] == ["valvontakohteen nimi", "Y-tunnus", "tarkastuspäivä"]


def test_lines_it_cannot_place_are_listed_with_their_line_numbers(tmp_path: Path) -> None:
    result = run_cli("import", str(PAGES / "pohjanranta.txt"), "--out", "out", cwd=tmp_path)
    assert "pohjanranta.txt:45: not placed: Tietopyynnöt osoitetaan Pohjanrannan kunnan kirjaamoon." in result.stderr
    unplaced = yaml.safe_load((tmp_path / "out" / "unplaced.yaml").read_text("utf-8"))
    assert unplaced == {
        "unplaced": [
            {
                "line": 45,
                "text": "Tietopyynnöt osoitetaan Pohjanrannan kunnan kirjaamoon.",
                "reason": "not recognised as a fact of any § 28 item",
            }
        ]
    }
    lines = (PAGES / "pohjanranta.txt").read_text("utf-8").splitlines()
    assert lines[44] == unplaced["unplaced"][0]["text"]


# --- HTML ------------------------------------------------------------------------------------------------
def test_an_html_page(tmp_path: Path) -> None:
    source = imported(tmp_path, PAGES / "jarvilaakso.html")
    assert source.catalog.title["fi"] == "Järvilaakson kaupungin sivistystoimialan tietovarannot"
    assert source.organisations[0].name["fi"] == "Järvilaakson kaupungin sivistystoimiala"
    assert source.organisations[0].abbreviation == "Sivi"
    assert titles(source) == {
        "Tietovaranto: Kirjastopalvelut": ["Kirjaston asiakasrekisteri", "Kirjaston aineistotiedot"],
        "Tietovaranto: Nuorisopalvelut": [
            "Nuorisotilojen kävijätiedot",
            "Harrastusryhmien jäsentiedot",
            "Etsivän nuorisotyön asiakastiedot",
        ],
    }
    library = next(r for r in source.resources if r.title["fi"] == "Tietovaranto: Kirjastopalvelut")
    assert systems_of(source, library.title["fi"]) == [
        "Koha-kirjastojärjestelmä",
        "Verkkokirjasto Finna",
        "Laskutusjärjestelmä",  # "kaupunkiyhteinen laskutusjärjestelmä": the qualifier stays in seed_forms
    ]
    assert "kaupunkiyhteinen laskutusjärjestelmä" in source.systems[2].seed_forms
    assert library.technical_interface is True
    # &nbsp; is a space, script/style/nav/footer are not text of the description
    assert source.catalog.description["fi"].endswith("tiedonhallintalain 28 §:n mukaisesti.")
    address = next(a for a in source.addresses if "Torikatu" in a.label)
    assert (address.street_address, address.postal_code, address.locality) == ("Torikatu 1", "12345", "Järvilaakso")
    (example,) = source.examples
    assert example.resource == library.id and example.register == library.registers[0].id
    assert [k["fi"] for k in example.search_keys] == ["asiakkaan nimi", "kirjastokortin numero & syntymäaika"]
    # The unknown h2 section and its paragraph are reported, with their lines in the HTML file, and so
    # is the interface's name (Finna), which the model has no field for.
    # The menu and footer left out are listed too, with that reason.
    listed = unplaced_lines(tmp_path)
    unplaced = [item for item in listed if not str(item["reason"]).startswith("navigation")]
    html = (PAGES / "jarvilaakso.html").read_text("utf-8").splitlines()
    assert [item["text"] for item in unplaced] == [
        "Tietovarannon aineistotiedot ovat avoimesti saatavilla Finnan teknisen rajapinnan kautta.",
        "Arkistointi",
        "Asiakirjat säilytetään arkistonmuodostussuunnitelman mukaisesti.",
    ]
    assert [item["text"] for item in listed if item not in unplaced] == ["Etusivu Asiointi", "© Järvilaakson kaupunki"]
    assert all(item["text"] in html[item["line"] - 1] for item in unplaced)


def test_an_html_page_with_a_table_and_search_keys_for_a_whole_resource(tmp_path: Path) -> None:
    source = imported(tmp_path, PAGES / "lupavirasto.html")
    assert source.catalog.title["fi"] == "Lupa- ja valvontaviraston tietovarannot"  # the h1, not the site header
    assert source.organisations[0].name["fi"] == "Lupa- ja valvontavirasto"
    (permits,) = source.resources
    assert systems_of(source, permits.title["fi"]) == ["Ympäristölupajärjestelmä YLVA", "Asianhallintajärjestelmä"]
    assert permits.data_contents == {"fi": "hakemukset, päätökset ja valvontatiedot"}
    assert permits.technical_interface is False
    (keys,) = source.examples
    assert (keys.title["fi"], keys.resource, keys.system) == (
        "Hakutekijät – Ympäristölupien tietovaranto",
        permits.id,
        None,
    )
    assert [k["fi"] for k in keys.search_keys] == ["diaarinumero", "hakijan nimi", "kiinteistötunnus"]
    assert [c.email for c in source.channels] == ["kirjaamo@lupavirasto.example"]
    unplaced = [item for item in unplaced_lines(tmp_path) if not str(item["reason"]).startswith("navigation")]
    assert [item["line"] for item in unplaced] == [4, 14, 15]  # the site header and the case register section


def test_links_give_privacy_notices_and_e_services() -> None:
    html = """<html><body><h1>Testin toimialan tietovarannot</h1>
    <h2>Perusopetuksen tietovaranto</h2>
    <p>Perusopetuksen tietovaranto muodostuu seuraavista tiedoista: a-tiedot ja b-tiedot.
    Tietovarantoon liittyvät seuraavat tietosuojaselosteet:</p>
    <ul><li><a href="/tietosuoja/a.pdf">A-rekisterin tietosuojaseloste</a></li><li><a href="https://x.example/b">B</a></li></ul>
    <h2>Tietopyynnöt</h2><p>Sähköinen asiointi: <a href="https://asiointi.example/">asiointipalvelu</a></p>
    </body></html>"""
    page = read_page(paragraphs(html, "https://www.test.example/sivu"))
    (resource,) = page.resources
    assert [r.title for r in resource.registers] == ["A-tiedot", "B-tiedot"]  # the list is not registers
    assert resource.privacy_notices == ["https://www.test.example/tietosuoja/a.pdf", "https://x.example/b"]
    (channel,) = page.channels
    assert (channel.title, channel.description, channel.url) == (
        "Asiointipalvelu",
        "Sähköinen asiointi",
        "https://asiointi.example/",
    )
    assert page.unplaced == []


def test_a_form_like_page_with_numbered_headings(tmp_path: Path) -> None:
    source = imported(tmp_path, PAGES / "lomake.txt")
    assert titles(source) == {
        "Tietovaranto: Henkilöstöhallinto": ["Palvelussuhderekisteri", "Palkanlaskennan rekisteri"],
        "Tietovaranto: Asianhallinta": [],
    }
    hr = next(r for r in source.resources if r.title["fi"] == "Tietovaranto: Henkilöstöhallinto")
    cases = next(r for r in source.resources if r.title["fi"] == "Tietovaranto: Asianhallinta")
    assert hr.description is not None and hr.description["fi"].startswith("Kaupungin henkilöstön palvelussuhteiden")
    assert systems_of(source, hr.title["fi"]) == ["SAP HR", "Kuntarekry"]
    assert hr.data_contents == {"fi": "henkilötiedot, palvelussuhteen tiedot, palkkatiedot"}
    assert (hr.technical_interface, cases.technical_interface) == (False, True)
    (keys,) = source.examples
    assert [k["fi"] for k in keys.search_keys] == ["henkilön nimi", "henkilönumero"]
    (channel,) = source.channels
    assert (channel.kind, channel.title["fi"], channel.email) == ("written", "Tietopyynnöt", "kirjaamo@kanslia.example")
    # The interface's address has no field in the model: it is shown, not dropped.
    unplaced = unplaced_lines(tmp_path)
    assert [(u["line"], "https://dev.hel.example/paatokset" in u["text"]) for u in unplaced] == [(17, True)]


def test_a_page_that_never_says_tietovaranto(tmp_path: Path) -> None:
    """Sections that name systems, data groups or search keys are resources, whatever their headings say."""
    source = imported(tmp_path, PAGES / "rekisterit.txt")
    assert source.organisations[0].name["fi"] == "Nuorisopalvelut"
    assert sorted(titles(source)) == ["Leiritoiminnan rekisteri", "Nuorisotilojen asiakasrekisteri"]
    assert systems_of(source, "Nuorisotilojen asiakasrekisteri") == ["Kävijäseuranta", "Hoika"]
    assert systems_of(source, "Leiritoiminnan rekisteri") == ["Leiri-ilmo"]
    (keys,) = source.examples
    assert [k["fi"] for k in keys.search_keys] == ["nuoren nimi", "syntymäaika"]
    assert [c.email for c in source.channels] == ["nuoriso@palvelut.example"]
    unplaced = unplaced_lines(tmp_path)
    assert [u["text"] for u in unplaced] == ["Ajankohtaista", "Kesän leirit julkaistaan huhtikuussa."]


@pytest.mark.parametrize(
    "layout",
    [
        {"<h3>": "<h2>", "</h3>": "</h2>"},  # flat: resources and their sections at one level
        {"<h2>": "<h1>", "</h2>": "</h1>", "<h3>": "<h1>", "</h3>": "</h1>"},  # every heading an h1
        {"<h2>": "<p><strong>", "</h2>": "</strong></p>", "<h3>": "<p><strong>", "</h3>": "</strong></p>"},  # no h2/h3
    ],
    ids=["flat", "all-h1", "bold-paragraphs"],
)
def test_the_seed_in_other_html_layouts_states_the_same_facts(tmp_path: Path, layout: dict[str, str]) -> None:
    html = (PAGES / "kasko-tietovarannot.html").read_text("utf-8")
    for old, new in layout.items():
        html = html.replace(old, new)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    result = run_cli("import", "--diff", "page.html", "--source", str(ROOT / "source"), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


@pytest.mark.parametrize(
    "spacing",
    [
        lambda text: "\n".join(line for line in text.splitlines() if line.strip()),  # pasted without blank lines
        lambda text: "".join(line + "\n\n" for line in text.splitlines()),  # double-spaced
        lambda text: text.replace("\n", "\r\n").replace(" • ", "\t• "),  # Windows line ends, tabbed bullets
    ],
    ids=["no-blank-lines", "double-spaced", "crlf-tabs"],
)
def test_the_seed_pasted_with_other_spacing_states_the_same_facts(
    tmp_path: Path, spacing: Callable[[str], str]
) -> None:
    (tmp_path / "page.txt").write_bytes(spacing(SEED.read_text("utf-8")).encode("utf-8"))
    result = run_cli("import", "--diff", "page.txt", "--source", str(ROOT / "source"), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


# --- missing sections --------------------------------------------------------------------------------
def test_a_page_with_missing_sections_builds_with_gaps(tmp_path: Path) -> None:
    source = imported(tmp_path, PAGES / "puutteellinen.txt")
    assert titles(source) == {
        "Sosiaalipalveluiden tietovaranto": ["Sosiaalihuollon asiakasrekisteri", "Toimeentulotuen rekisteri"],
        "Tekninen toimi -tietovaranto": [],
    }
    assert source.channels == [] and source.contact_points == [] and source.examples == []
    assert source.information_request is None
    codes = {gap.code for gap in source.gaps}
    assert {"gap-channels", "gap-information-request", "gap-contact-point", "gap-search-keys"} <= codes
    assert "gap-organisation-type" in codes  # the page does not say what kind of authority it is
    graph = build_graph(source)
    assert len(set(graph.subjects(predicate=DCAT.distribution))) == 0
    assert len(set(graph.subjects(predicate=DCTERMS.title))) > 4
    built = run_cli("build", "--source", "out", "--output", "built", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert Graph().parse(tmp_path / "built" / "catalog.ttl").value(predicate=DCAT.contactPoint) is None


def test_untranslated_texts_are_gaps_not_errors(tmp_path: Path) -> None:
    source = imported(tmp_path, PAGES / "puutteellinen.txt")
    text = (tmp_path / "out" / "catalog.yaml").read_text("utf-8")
    assert "  sv: ~  # translate\n  en: ~  # translate" in text
    assert sum(gap.code == "gap-translation" for gap in source.gaps) > 10
    assert "sv" not in source.catalog.title


# --- what the command refuses ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "the page is not text or HTML"),
        (b"", "the page is empty"),
        (b"  \n\n \n", "the page is empty"),
        ((PAGES / "ei-kuvaus.txt").read_bytes(), "this does not look like a § 28 description"),
        (b"<html><body><p>Hello</p></body></html>", "this does not look like a § 28 description"),
        ("Tietovarannot\n\nÄäkkönen".encode("latin-1"), "the page is not text or HTML"),
    ],
)
def test_garbage_is_refused_and_nothing_is_written(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "page.txt").write_bytes(content)
    result = run_cli("import", "page.txt", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_missing_page_and_a_missing_out(tmp_path: Path) -> None:
    result = run_cli("import", "nowhere.txt", "--out", "out", cwd=tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        2,
        "there is no file nowhere.txt — give the path of the page's text or HTML, or its http(s) address",
    )
    result = run_cli("import", str(SEED), cwd=tmp_path)
    assert result.returncode == 2 and "add --out DIR" in result.stderr


def test_a_non_empty_out_is_kept_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("keep me")
    refused = run_cli("--lang", "fi", "import", str(SEED), "--out", "out", cwd=tmp_path)
    assert refused.returncode == 2 and "ei ole tyhjä" in refused.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["mine.txt"]
    forced = run_cli("import", str(SEED), "--out", "out", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert not (tmp_path / "out" / "mine.txt").exists() and (tmp_path / "out" / "catalog.yaml").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folders left


def test_an_import_that_would_not_build_is_a_bug_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    import kasko_dcat.importer.writer
    from kasko_dcat.cli import main

    real = kasko_dcat.importer.writer.render_source

    def broken(page: object, homepage: str | None) -> dict[str, str]:
        files = real(page, homepage)  # type: ignore[arg-type]
        files["systems.yaml"] = "systems: [\n"
        return files

    monkeypatch.setattr(kasko_dcat.importer.writer, "render_source", broken)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KASKO_DCAT_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["--lang", "en", "import", str(SEED), "--out", "out"])
    assert result.exit_code == 3
    assert "internal error: RuntimeError: the imported source does not build" in result.output
    assert not (tmp_path / "out").exists()


def test_the_same_page_gives_the_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert run_cli("import", str(SEED), "--out", name, cwd=tmp_path).returncode == 0
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) == 13  # the ten source files, import-accounting.yaml, import-report.txt and .html
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


# --- --diff ---------------------------------------------------------------------------------------------
def test_diff_lists_what_the_page_adds_removes_and_changes(tmp_path: Path) -> None:
    page = SEED.read_text("utf-8")
    page = page.replace("ja päivähoitajatiedot", "ja perhepäivähoitajatiedot")  # a register renamed
    page = page.replace("koulumatkojen hallintajärjestelmä, ", "")  # a system removed
    page = page.replace("yhteistyötahot, ", "")  # a search key removed
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    result = run_cli("import", "--diff", "page.txt", "--source", str(ROOT / "source"), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "- system (Perusopetuksen tietovaranto): Koulumatkojen hallintajärjestelmä" in lines
    assert "- register (Varhaiskasvatuksen ja esiopetuksen tietovaranto): Päivähoitajatiedot" in lines
    assert "+ register (Varhaiskasvatuksen ja esiopetuksen tietovaranto): Perhepäivähoitajatiedot" in lines
    assert any(
        line.startswith("- search key (Tietopyyntö asiakirjaan") and line.endswith(": yhteistyötahot") for line in lines
    )
    changed = [line for line in lines if line.startswith("~ description (Varhaiskasvatuksen ja esiopetuksen")]
    assert len(changed) == 1 and "perhepäivähoitajatiedot" in result.stdout
    assert result.stderr.startswith("5 differences between the page and")
    assert not (tmp_path / "out").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]


def test_diff_in_finnish(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(SEED.read_text("utf-8").replace(", asiakaskertomus", ""), encoding="utf-8")
    result = run_cli("--lang", "fi", "import", "--diff", "page.txt", "--source", str(ROOT / "source"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("- hakutekijä (Tietopyyntö asiakirjaan") and result.stdout.rstrip().endswith(
        ": asiakaskertomus"
    )
    assert "1 ero sivun ja lähteen" in result.stderr


# --- URLs ----------------------------------------------------------------------------------------------
def test_an_unreachable_url(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run_cli("import", f"http://127.0.0.1:{port}/tietovarannot", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"could not fetch http://127.0.0.1:{port}/tietovarannot (ConnectionError)")
    assert not (tmp_path / "out").exists()


@pytest.fixture
def server() -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(PAGES))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_reachable_url(tmp_path: Path, server: str) -> None:
    source = imported(tmp_path, f"{server}/jarvilaakso.html")
    assert len(source.resources) == 2
    assert source.catalog.homepage == f"{server}/jarvilaakso.html"  # the page's own address is a fact of the page
    missing = run_cli("import", f"{server}/missing.html", "--out", "out2", cwd=tmp_path)
    assert missing.returncode == 2 and "answered with HTTP status 404" in missing.stderr


# --- the pieces ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("a, b ja c.", ["a", "b", "c"]),
        (
            "talous- ja suunnittelupalveluiden tiedot, muut tiedot",
            ["talous- ja suunnittelupalveluiden tiedot", "muut tiedot"],
        ),
        (
            "koulumatkojen järjestelmä, lukujärjestysten ja resurssien hallintajärjestelmä",
            ["koulumatkojen järjestelmä", "lukujärjestysten ja resurssien hallintajärjestelmä"],
        ),
        (
            "hallintopalveluiden, tilapalveluiden ja viestintäpalveluiden tietoaineistot, muut tiedot",
            [
                "hallintopalveluiden tietoaineistot",
                "tilapalveluiden tietoaineistot",
                "viestintäpalveluiden tietoaineistot",
                "muut tiedot",
            ],
        ),
        (
            "Rekisteröidyt henkilöasiakkaat sekä seurojen ja yhteisöjen yhteystiedot.",
            ["Rekisteröidyt henkilöasiakkaat", "seurojen ja yhteisöjen yhteystiedot"],
        ),
        ("A sekä B, C", ["A sekä B", "C"]),
    ],
)
def test_split_list(text: str, items: list[str]) -> None:
    assert split_list(text) == items


def test_basic_form() -> None:
    assert basic_form("kaupunkiyhteiseen asiakastietovarantoon") == "kaupunkiyhteinen asiakastietovaranto"
    assert basic_form("kuraattorien yksilökohtaiseen rekisteriin") == "kuraattorien yksilökohtainen rekisteri"
    assert basic_form("kunnan verkkosivuilla") is None


def test_plain_text_lines_keep_their_numbers_and_wrapped_bullets() -> None:
    page = read_page(paragraphs(decode(SEED.read_bytes())))
    apprenticeship = page.examples[1]
    (written,) = [c for c in apprenticeship.channels if c.kind == "written"]
    assert written.line == 103 and "Stadin ammatti- ja aikuisopisto" in (written.address or "")
    assert [r.line for r in page.resources] == [7, 23, 39, 57]
    assert page.unplaced == []
