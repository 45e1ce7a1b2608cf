"""`kasko-dcat import` takes time in proportion to the page, whatever its shape (issue 20).

A page may be up to 10 MB. Before, a 100 kB word took over a minute (a pattern that rescanned
the rest of the word from every letter) and 100 000 bold letters took nearly two (the text
gathered so far re-joined for every piece of it), so a hostile page could hold the CPU for hours.
Each page here is run through the command with a time limit far above what a linear importer
needs and far below what the old one took.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAD = "Kunnan tietovarannot\n\nRakennusvalvonnan tietovaranto\n\n"
HTML_HEAD = "<html><body><h1>Kunnan tietovarannot</h1><h2>Rakennusvalvonnan tietovaranto</h2>"
SHAPES = {
    "one 100 kB word": HEAD + "a" * 100_000,
    "bold letters x 100 000": HTML_HEAD + "<p>" + "<b>x</b>" * 100_000 + "</p></body></html>",
    "one table row of 100 000 cells": HTML_HEAD + "<table><tr>" + "<td>x</td>" * 100_000 + "</tr></table>",
    "a hyphenated 100 kB word": HEAD + "a-" * 50_000,
    "an address without its @": HEAD + "Tietopyynnöt\n\n" + "a." * 50_000,
    "a web address of 100 kB": HEAD + "https://" + "a" * 100_000,
    "a list of 30 000 systems": HEAD + "Tietojärjestelmät: " + "a, " * 30_000,
    "a sentence of 6 000 systems": HEAD + "Tiedot on tallennettu " + "järjestelmään ja " * 6_000 + ".",
    "20 000 nested blocks": HTML_HEAD + "<div>" * 20_000 + "x",
    "a list of 5 000 named systems": HEAD
    + "Tietojärjestelmät:\n"
    + "".join(f"• Järjestelmä {i}\n" for i in range(5_000)),
    "5 000 registers of one name": HEAD + "Rekisterit:\n" + "• Rekisteri\n" * 5_000,
}
LIMIT_SECONDS = 20
"""Each shape takes well under a second of importing here (the command's start included, about 2 s);
the old code took 60 s and more on the first two."""


@pytest.mark.parametrize("shape", SHAPES, ids=lambda name: name.replace(" ", "-"))
def test_import_is_linear_in_the_page(shape: str, tmp_path: Path) -> None:
    page = tmp_path / ("page.html" if SHAPES[shape].startswith("<") else "page.txt")
    page.write_text(SHAPES[shape], encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kasko_dcat", "import", str(page), "--out", str(tmp_path / "out"), "-q"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "KASKO_DCAT_LANG": "en"},
            timeout=LIMIT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"importing {shape} took over {LIMIT_SECONDS} s")
    assert result.returncode in {0, 2}, result.stderr  # imported, or refused with a message; never a crash
    assert "Traceback" not in result.stderr
