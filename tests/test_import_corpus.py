"""`kasko-dcat import` on a corpus of § 28 pages of invented authorities, and nothing ever dropped.

Each page in tests/data/import/corpus/ was written for these tests in a layout real authorities
use (municipalities, wellbeing services counties, state agencies, universities, joint municipal
authorities; text and HTML; Finnish and Swedish). Beside it, ``<page>.expected.json`` states what
the page says: its resources with their registers and systems, search keys, addresses, e-mails.
The import must find exactly those resources, registers and systems, and the others at least.

The second half checks the promise that nothing is dropped, word by word: every content word of
every line of the page (furniture left out) is in the written files, on each page and on
variations of it (sections shuffled, bullets written as prose or as a table, HTML as text and
text as HTML).
"""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kasko_dcat.importer import writer
from kasko_dcat.importer.coverage import content_words, values
from kasko_dcat.importer.pagetext import PageError, Paragraph, decode, fetch, is_furniture, paragraphs
from kasko_dcat.importer.reader import read_page
from kasko_dcat.importer.writer import render_source, write_source
from kasko_dcat.model.description import Source, read_source

from .conftest import ROOT, run_cli

CORPUS = ROOT / "tests" / "data" / "import" / "corpus"
PAGES = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html"})
OTHER_PAGES = [ROOT / "tests" / "data" / "kasko-tietovarannot.txt", *sorted((CORPUS.parent).glob("*.*"))]


def expected(page: Path) -> dict[str, Any]:
    return json.loads(page.with_suffix(".expected.json").read_text("utf-8"))


def import_text(text: str, folder: Path) -> tuple[Source, dict[str, str], list[Paragraph]]:
    """Import a page's text into ``folder``: the source as built, the files, and the page's paragraphs."""
    paras = paragraphs(text)
    files = render_source(read_page(paras), None)
    # What the page does not state (a whole page's resource name) is left empty; read with it filled.
    write_source(folder, writer.as_checked(files), force=False)
    return read_source(folder), files, paras


# --- the corpus: what each page states is what the import finds ----------------------------------------
def test_the_corpus_is_varied() -> None:
    kinds = [expected(page).get("kind") for page in PAGES]
    assert len(PAGES) >= 20
    assert {
        "municipality",
        "wellbeing services county",
        "state agency",
        "university",
        "joint municipal authority",
    } <= set(kinds)
    assert {p.suffix for p in PAGES} == {".txt", ".html"}
    assert {expected(page).get("lang", "fi") for page in PAGES} == {"fi", "sv"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_corpus_page(page: Path, tmp_path: Path) -> None:
    want = expected(page)
    text = decode(fetch(str(page)))
    if "refused" in want:
        with pytest.raises(PageError) as refused:
            read_page(paragraphs(text))
        assert refused.value.code == want["refused"]
        return
    source, _, _ = import_text(text, tmp_path / "out")
    assert read_page(paragraphs(text)).whole_page is want.get("whole_page", False)
    lang = want.get("lang", "fi")
    assert source.organisations[0].name[lang] == want["organisation"]
    if lang == "sv":  # the Swedish page's texts are Swedish; the Finnish is left to translate, never invented
        assert all("fi" not in resource.title for resource in source.resources)
        assert any(gap.code == "gap-translation" and ("lang", "fi") in gap.params for gap in source.gaps)
    if "title" in want:
        assert source.catalog.title[lang] == want["title"]
    systems = {system.id: system.title[lang] for system in source.systems}
    found = [
        {
            "title": None if resource.title[lang] == writer.FILLER else resource.title[lang],
            "registers": [register.title[lang] for register in resource.registers],
            "systems": [systems[ref] for ref in [*resource.systems, *resource.supporting_systems]],
        }
        for resource in source.resources
    ]
    # The source lists resources by file name (their ids), so the order is not the page's.
    wanted_resources = sorted(want["resources"], key=lambda r: r["title"] or "")
    assert sorted(found, key=lambda r: r["title"] or "") == [
        {key: r[key] for key in ("title", "registers", "systems")} for r in wanted_resources
    ]
    in_order = sorted(source.resources, key=lambda r: r.title[lang])
    for resource, wanted in zip(in_order, wanted_resources, strict=True):
        if "technical_interface" in wanted:
            assert resource.technical_interface is wanted["technical_interface"], resource.title
    descriptions = {resource.title[lang]: resource.description[lang] for resource in source.resources}
    for title, words_of_line in want.get("descriptions_contain", {}).items():
        assert words_of_line in descriptions[title]
    contents = {resource.title[lang]: (resource.data_contents or {}).get(lang, "") for resource in source.resources}
    for title, text_of_groups in want.get("data_contents", {}).items():
        assert text_of_groups in contents[title]
    keys = [key[lang] for example in source.examples for key in example.search_keys]
    assert keys == want.get("search_keys", [])
    if "examples" in want:
        assert len(source.examples) == want["examples"]
    assert set(want.get("addresses", [])) <= {address.street_address for address in source.addresses}
    assert set(want.get("address_labels", [])) <= {" ".join(address.label.split()) for address in source.addresses}
    emails = {c.email for c in [*source.contact_points, *source.channels]}
    assert set(want.get("emails", [])) <= emails
    assert set(want.get("urls", [])) <= {channel.url for channel in source.channels}
    if "gaps" in want:
        codes = {gap.code for gap in source.gaps}
        assert set(want["gaps"]) <= codes


# --- nothing dropped, word by word -----------------------------------------------------------------------
def missing_words(text: str, tmp_path: Path) -> list[tuple[int, str]]:
    """(line number, word) for each content word of the page that none of the written files has."""
    _, files, paras = import_text(text, tmp_path / f"out-{len(list(tmp_path.iterdir()))}")
    # The files' values only (not their comments, nor the acts every description is under), split into words here.
    texts = [text for name, body in files.items() if name != "legislation.yaml" for text in values(body)]
    written = {word for text in texts for word in re.findall(r"\w+", text.casefold())}
    return [
        (line.number, word)
        for paragraph in paras
        for line in paragraph.lines
        for word in content_words(line.text)
        if word not in written
    ]


def as_html(text: str) -> str:
    """A text page as a web page would serve it: h1 and h2 for its headings, lists, paragraphs."""
    out = ["<html><body><main>"]
    blocks = [block.splitlines() for block in re.split(r"\n\s*\n", text.strip())]
    for index, lines in enumerate(blocks):
        items: list[str] = []
        for line in lines:
            bullet = re.match(r"^\s*(?:[-•*]|\d+\.)\s+(.*)$", line)
            if bullet:
                items.append(f"<li>{html.escape(bullet.group(1))}</li>")
                continue
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
                items = []
            short = len(lines) == 1 and len(line) < 80 and not line.rstrip().endswith((".", ":"))
            tag = "h1" if index == 0 else "h2" if short else "p"
            out.append(f"<{tag}>{html.escape(line)}</{tag}>")
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join([*out, "</main></body></html>"])


def as_text(page_html: str) -> str:
    """A web page as a civil servant pastes it: its paragraphs, list items as dashes."""
    return "\n\n".join(
        "\n".join(("- " if line.bullet else "") + line.text for line in paragraph.lines)
        for paragraph in paragraphs(page_html)
    )


def bullets_as_prose(text: str) -> str:
    """Each run of list items written as one sentence: ``a, b ja c.``"""

    def join(match: re.Match[str]) -> str:
        items = [re.sub(r"^\s*[-•*]\s+", "", line).rstrip(".") for line in match.group(0).strip("\n").splitlines()]
        return "\n" + (", ".join(items[:-1]) + " ja " + items[-1] if len(items) > 1 else items[0]) + ".\n"

    return re.sub(r"(?:\n\s*[-•*]\s+[^\n]+)+\n?", join, text)


def bullets_as_table(page_html: str) -> str:
    """Lists written as one-column tables."""
    page_html = re.sub(r"<[uo]l>", "<table>", page_html)
    page_html = re.sub(r"</[uo]l>", "</table>", page_html)
    return re.sub(r"<li>(.*?)</li>", r"<tr><td>\1</td></tr>", page_html, flags=re.DOTALL)


def shuffled(text: str, seed: int) -> str:
    """The page's sections (a short line and what follows it) in another order; title and introduction first."""
    blocks = re.split(r"\n\s*\n", text.strip())
    head, rest = blocks[:2], blocks[2:]
    sections: list[list[str]] = []
    for block in rest:
        lines = block.splitlines()
        starts = len(lines) == 1 and len(lines[0]) < 80 and ":" not in lines[0] and not lines[0].endswith(".")
        if starts or not sections:
            sections.append([])
        sections[-1].append(block)
    # The request section and what follows it (addresses, channels) stay together at the end.
    last = next((i for i, s in enumerate(sections) if re.search(r"tietopyyn|begäran", s[0], re.IGNORECASE)), None)
    others, request = (sections[:last], sections[last:]) if last is not None else (sections, [])
    random.Random(seed).shuffle(others)
    return "\n\n".join(head + [block for section in [*others, *request] for block in section]) + "\n"


def variations(page: Path) -> list[tuple[str, str]]:
    text = decode(fetch(str(page)))
    plain = as_text(text) if page.suffix == ".html" else text
    out = [("as written", text), ("bullets as prose", bullets_as_prose(plain)), ("shuffled", shuffled(plain, 28))]
    out.append(("as text", plain) if page.suffix == ".html" else ("as html", as_html(text)))
    out.append(("bullets as a table", bullets_as_table(text if page.suffix == ".html" else as_html(text))))
    return out


IMPORTABLE = [p for p in PAGES if "refused" not in expected(p)] + [p for p in OTHER_PAGES if p.name != "ei-kuvaus.txt"]
"""Every page of the tests that is a § 28 description (the corpus and the older test pages, the seed too)."""


@pytest.mark.parametrize("page", IMPORTABLE, ids=lambda p: p.stem)
def test_nothing_is_dropped(page: Path, tmp_path: Path) -> None:
    for name, text in variations(page):
        try:
            missing = missing_words(text, tmp_path)
        except PageError as exc:  # a variation that no longer reads as a § 28 page is refused, never half-read
            assert name != "as written", exc.code
            continue
        assert missing == [], (name, missing)


def test_a_variation_states_the_same_resources(tmp_path: Path) -> None:
    """HTML ↔ text and shuffled sections change the layout, not what the page says."""
    for page in [p for p in PAGES if "refused" not in expected(p)]:
        titles = [r["title"] for r in expected(page)["resources"]]
        lang = expected(page).get("lang", "fi")
        for name, text in variations(page):
            if name in {"bullets as prose", "bullets as a table"}:
                continue
            source, _, _ = import_text(text, tmp_path / f"{page.stem}-{name.replace(' ', '-')}")
            found = [None if r.title[lang] == writer.FILLER else r.title[lang] for r in source.resources]
            assert sorted(found, key=str) == sorted(titles, key=str), (page.name, name)


def test_the_word_check_can_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the writer's own check, the reader alone loses words on some pages: the check above is not vacuous."""
    monkeypatch.setattr(writer, "account", lambda lines, unplaced, files: ([], unplaced))
    lost = {page.name: missing_words(decode(fetch(str(page))), tmp_path) for page in IMPORTABLE}
    assert any(lost.values()), lost


# --- refused only when not a § 28 page ---------------------------------------------------------------------
def test_a_page_that_is_not_a_description_is_refused_saying_what_was_looked_for(tmp_path: Path) -> None:
    result = run_cli("import", str(CORPUS / "14-uutinen-ei-kuvaus.html"), "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "looked for information resources" in result.stderr and "found none of them" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_page_with_some_section_28_content_imports_what_it_has(tmp_path: Path) -> None:
    result = run_cli("import", str(CORPUS / "23-kotikylan-kunta-osittainen.txt"), "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "the page names no information resource, but states § 28 facts" in result.stderr
    # The page's title ("Kotikylän kunnan tiedonhallinta") names the page, not a resource: left to write.
    (path,) = (tmp_path / "out" / "resources").glob("*.yaml")
    assert yaml.safe_load(path.read_text("utf-8"))["title"]["fi"] is None
    gaps = run_cli("gaps", "--source", "out", cwd=tmp_path)
    assert f"{path.name}:" in gaps.stderr and "'title.fi'" in gaps.stderr  # the one line to write
    path.write_text(path.read_text("utf-8").replace(f": ~{writer.TO_WRITE}", ": Kotikylän asianhallinta"), "utf-8")
    gaps = run_cli("gaps", "--source", "out", cwd=tmp_path)
    assert "technical" in gaps.stdout.lower() or "rajapin" in gaps.stdout.lower()


def test_furniture_is_found_by_element_never_by_the_page_s_own_container() -> None:
    """A cookie notice's div is left out; a body or main whose class mentions a menu is the page itself."""
    page = (CORPUS / "03-etela-vaara-hyvinvointialue.html").read_text("utf-8")
    wrapped = page.replace("<body>", '<body class="has-menu">').replace(
        '<main id="main">', '<main class="with-navigation">'
    )
    texts = [line.text for paragraph in paragraphs(wrapped) for line in paragraph.lines]
    assert texts == [line.text for paragraph in paragraphs(page) for line in paragraph.lines]
    assert "Asianhallinta" in texts and not any("evästeitä" in text or "Etusivu" in text for text in texts)


def test_a_swedish_page_is_compared_in_swedish(tmp_path: Path) -> None:
    """`import --diff` of a Swedish page against the source it was imported into states the same facts."""
    page = CORPUS / "10-strandviks-stad.txt"
    assert run_cli("import", str(page), "--out", "out", cwd=tmp_path).returncode == 0
    result = run_cli("import", "--diff", str(page), "--source", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "same facts" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Siirry sisältöön", True),
        ("Hyppää pääsisältöön", True),
        ("Hoppa till innehållet", True),
        ("Etusivu > Päätöksenteko > Tiedonhallinta", True),
        ("Tämä sivusto käyttää evästeitä. Hyväksy evästeet", True),
        ("© Kuusirannan kunta 2026", True),
        ("Sivun alkuun", True),
        ("Kunnan tiedonhallintayksikkönä toimii kunnanhallitus.", False),
        ("Tietoaineistoja ei ole saatavana avoimen rajapinnan kautta.", False),
        ("Etusivun uutiset julkaistaan tietovarannossa.", False),
        ("Jaa tiedot kirjaamoon", False),
    ],
)
def test_furniture_lines(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture
