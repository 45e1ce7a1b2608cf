"""Seeded hostile edits of real pages: the importer refuses the page or writes a source that reads.

Pages found on the web have stray punctuation, mangled addresses, control characters and lines
in odd places; none of that may crash the importer or make it write a source that `build` refuses.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kasko_dcat.importer.pagetext import PageError, paragraphs
from kasko_dcat.importer.reader import read_page
from kasko_dcat.importer.writer import as_checked, render_source, write_source
from kasko_dcat.model.description import read_source

from .conftest import ROOT

PAGES = [
    ROOT / "tests" / "data" / "kasko-tietovarannot.txt",
    *sorted((ROOT / "tests" / "data" / "import").rglob("*.*")),
]
TEXTS = [p.read_text("utf-8") for p in PAGES if p.suffix in {".txt", ".html"}]
INSERTS = [":", "#", "'", '"', "\\", "- ", "{", "[", "&", "*", "|", ">", "%", "`", "~", ": ", " #", "\t", "\x01",
           "\u00a0", "\u2028", "\ufeff", "true", "null", "http://x", " ja ", " sekä ", ",", ".", "(", ")", "–",
           "PL 1", "00100 ", "\n", "\n\n", "\n- ", "<b>", "&amp;"]  # fmt: skip


def mutate(rng: random.Random) -> str:
    text = rng.choice(TEXTS)
    if rng.random() < 0.5:
        chars = list(text)
        for _ in range(rng.randrange(1, 40)):
            chars.insert(rng.randrange(len(chars)), rng.choice(INSERTS))
        return "".join(chars)
    lines = text.splitlines()
    other = rng.choice(TEXTS).splitlines()
    lines = [line for line in lines if rng.random() > 0.15]
    return "\n".join(lines[: rng.randrange(len(lines) + 1)] + other[rng.randrange(len(other)) :])


@pytest.mark.parametrize("seed", range(40))
def test_a_mangled_page_is_refused_or_imported_into_a_source_that_reads(tmp_path: Path, seed: int) -> None:
    text = mutate(random.Random(seed))
    try:
        page = read_page(paragraphs(text))
    except PageError:
        return
    # A page mangled until it names no authority leaves the name empty, to write: the rest must read.
    write_source(tmp_path / "source", as_checked(render_source(page, None)), force=False)
    source = read_source(tmp_path / "source")
    assert len(source.resources) == len(page.resources) > 0
