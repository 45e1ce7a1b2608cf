"""`kasko-dcat import` on real pages: the authority from what the page says, law text never a fact,
every unplaced line with its reason, and a review report beside the draft (issue 18)."""

from __future__ import annotations

from pathlib import Path
from subprocess import CompletedProcess

import yaml

from kasko_dcat.importer.authority import find_authority
from kasko_dcat.importer.furniture import why_furniture
from kasko_dcat.importer.kinds import BlockKind, classify_block
from kasko_dcat.importer.pagetext import Line

from .conftest import ROOT, run_cli

REAL = ROOT / "tests" / "data" / "import" / "real"


def imported(tmp_path: Path, text: str) -> tuple[CompletedProcess[str], Path]:
    """``kasko-dcat import`` of a page with ``text`` into ``out``: the run and the folder."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return run_cli("import", str(page), "--out", "out", cwd=tmp_path), tmp_path / "out"


def unplaced_of(folder: Path) -> list[dict[str, object]]:
    return yaml.safe_load((folder / "unplaced.yaml").read_text("utf-8"))["unplaced"]


def test_the_law_quoted_on_a_page_sets_no_technical_interface(tmp_path: Path) -> None:
    """Taivassalo's page repeats "… onko tietoaineisto saatavissa avoimesti teknisen rajapinnan avulla"."""
    result = run_cli("import", str(REAL / "01-taivassalon-kunta.txt"), "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for resource in (tmp_path / "out" / "resources").glob("*.yaml"):
        assert yaml.safe_load(resource.read_text("utf-8"))["technical_interface"] is None
    law = [item for item in unplaced_of(tmp_path / "out") if "teknisen rajapinnan" in str(item["text"])]
    assert law and all(str(item["reason"]).startswith("law text") for item in law)


def test_the_authority_is_the_one_the_page_states_not_its_first_line(tmp_path: Path) -> None:
    """The page starts "Asiakirjajulkisuuskuvaus" and says "Taivassalon kunta on … tiedonhallintayksikkö"."""
    run_cli("import", str(REAL / "01-taivassalon-kunta.txt"), "--out", "out", cwd=tmp_path)
    organisations = yaml.safe_load((tmp_path / "out" / "organisations.yaml").read_text("utf-8"))
    assert organisations["organisations"][0]["name"]["fi"] == "Taivassalon kunta"


def test_a_page_that_names_no_authority_leaves_it_empty_and_says_so(tmp_path: Path) -> None:
    result, out = imported(
        tmp_path,
        "Ilmakuva keskustasta.\n\nAsiakirjajulkisuuskuvaus\n\nAsianhallinnan tietovaranto\n\n"
        "Tietojärjestelmät: Dynasty\n",
    )
    assert result.returncode == 0, result.stderr
    assert "names no authority" in result.stderr
    organisations = yaml.safe_load((out / "organisations.yaml").read_text("utf-8"))
    assert organisations["organisations"][0]["name"]["fi"] is None
    line = {"line": 1, "text": "Ilmakuva keskustasta.", "reason": "navigation: an image's description"}
    assert line in unplaced_of(out)


def test_the_review_report_pairs_values_with_page_lines_and_escapes_the_page(tmp_path: Path) -> None:
    result, out = imported(
        tmp_path,
        "Kuusirannan kunnan tietovarannot\n\nRakennusvalvonnan tietovaranto\n\n"
        "Tietojärjestelmät: Lupapiste\n\n<script>alert(1)</script> on rivi, jota ei tunnisteta.\n",
    )
    assert result.returncode == 0, result.stderr
    assert "fi: Lupapiste  <- page line 5" in (out / "import-report.txt").read_text("utf-8")
    assert "fi: Lupapiste  # page line 5" in (out / "systems.yaml").read_text("utf-8")
    html = (out / "import-report.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "<td>Lupapiste</td>" in html


def test_blocks_are_classified_with_their_reason() -> None:
    law = classify_block(
        "Asiakirjajulkisuuskuvauksesta ilmenee, onko tietoaineisto saatavissa teknisen rajapinnan avulla."
    )
    assert law.kind is BlockKind.LAW and "technical interface" in law.reason
    assert classify_block("Rajapinta on käytössä: https://api.example/").kind is BlockKind.CONTENT
    assert classify_block("Kaksi henkilöä istuu pöydän ääressä.").kind is BlockKind.NAVIGATION


def test_validate_warns_where_a_name_is_page_furniture(scratch: Path) -> None:
    """A source that builds and conforms, with 'Ohita valikko' as the publisher: validate says so."""
    organisations = scratch / "source" / "organisations.yaml"
    text = organisations.read_text("utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("fi:"))
    organisations.write_text(text.replace(first, first.split("fi:")[0] + "fi: Ohita valikko", 1), "utf-8")
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 0, result.stderr  # a warning: the shapes pass
    assert "organisations.yaml:" in result.stderr and "'Ohita valikko' looks like page furniture" in result.stderr
    assert run_cli("validate", "--fail-on", "warning", cwd=scratch).returncode == 1
    clean = run_cli("validate", cwd=ROOT)
    assert "page furniture" not in clean.stderr and "whole sentence" not in clean.stderr


def test_what_looks_like_furniture() -> None:
    assert why_furniture("Ohita valikko") == "navigation"
    assert why_furniture("Asiakirjajulkisuuskuvaus") == "navigation"
    assert why_furniture("Tietovarannon kuvaus löytyy alta ja sitä päivitetään.") == "sentence"
    assert why_furniture("Taivassalon kunta") is None
    assert why_furniture("Kasvatuksen ja koulutuksen toimiala") is None


def test_skipped_furniture_is_listed_with_its_reason(tmp_path: Path) -> None:
    result, out = imported(
        tmp_path,
        "Siirry sisältöön\n\nKuusirannan kunnan tietovarannot\n\nRakennusvalvonnan tietovaranto\n\n"
        "Tietojärjestelmät: Lupapiste\n\n© Kuusirannan kunta 2024\n",
    )
    assert result.returncode == 0, result.stderr
    reasons = {item["line"]: str(item["reason"]) for item in unplaced_of(out)}
    assert reasons[1].startswith("navigation: page furniture") and reasons[9].startswith("navigation: page furniture")


def test_the_authority_is_never_a_kind_of_authority_the_page_speaks_of() -> None:
    """'Jokainen ELY-keskus … on tiedonhallintayksikkö' names every such centre, not the page's authority."""
    lines = [
        Line(1, "Kuvaus asiakirjajulkisuudesta"),
        Line(3, "Vesistövirasto on tiedonhallintalaissa tarkoitettu tiedonhallintayksikkö."),
        Line(4, "Jokainen ELY-keskus ja TE-toimisto on myös oma tiedonhallintayksikkö."),
    ]
    found = find_authority(lines, lines[0])
    assert found is not None and (found.name, found.line) == ("Vesistövirasto", 3)
    assert find_authority([Line(1, "Asiakirjajulkisuuskuvaus"), Line(2, "Siirry sisältöön")]) is None
