"""Issue 18, item 6: every line of the page has exactly one outcome, checked on every page of both corpora.

``kasko-dcat import`` is run on each page of the invented corpus and of the real one; the folder it
writes is then read as a reviewer would: ``import-accounting.yaml`` must list every non-empty line
of the page once, and agree with the other files: a line listed as unplaced or skipped is in
``unplaced.yaml`` with the same reason (a heading with no word of its own aside), a line a value
cites with ``# page line N`` is written (or unplaced with the reason saying it is partly written
there), and a written line names a file row that holds it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kasko_dcat.cli import main
from kasko_dcat.importer.accounting import SPREAD, STRUCTURE
from kasko_dcat.importer.coverage import content_words, words
from kasko_dcat.importer.pagetext import decode, fetch, paragraphs

from .conftest import ROOT

CORPORA = [ROOT / "tests" / "data" / "import" / "corpus", ROOT / "tests" / "data" / "import" / "real"]
PAGES = sorted(p for corpus in CORPORA for p in corpus.iterdir() if p.suffix in {".txt", ".html"})
_MARK = re.compile(r"  # page line (\d+)$")


def page_lines(page: Path) -> dict[tuple[int, str], str]:
    """The page's non-empty text lines by :func:`key`: a text file's own lines, an HTML page's texts as imported.

    An HTML source line may hold several texts (a skip link and a menu on one line): each is a line to account for.
    """
    if page.suffix == ".txt":
        rows = decode(page.read_bytes()).splitlines()
        return {(number, ""): " ".join(row.split()) for number, row in enumerate(rows, start=1) if row.strip()}
    skipped: list = []
    found = [line for block in paragraphs(decode(fetch(str(page))), None, skipped) for line in block.lines]
    return {(line.number, line.text): line.text for line in [*found, *skipped]}


def key(page: Path, entry: dict) -> tuple[int, str]:
    """A line's identity: its number in a text file; its number and text in an HTML page."""
    return (entry["line"], entry["text"] if page.suffix == ".html" else "")


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def problems(page: Path, out: Path) -> list[str]:
    """What is wrong with the accounting of ``page`` in the imported folder ``out``; empty: one outcome a line."""
    found: list[str] = []
    entries = yaml.safe_load((out / "import-accounting.yaml").read_text("utf-8"))["lines"]
    unplaced_file = out / "unplaced.yaml"
    unplaced = yaml.safe_load(unplaced_file.read_text("utf-8"))["unplaced"] if unplaced_file.exists() else []
    listed = {key(page, entry): entry["reason"] for entry in unplaced}
    cites: dict[int, list[str]] = {}
    rows: dict[str, str] = {}
    for path in sorted(out.rglob("*.yaml")):
        name = path.relative_to(out).as_posix()
        for number, row in enumerate(path.read_text("utf-8").split("\n"), start=1):
            rows[f"{name}:{number}"] = row
            mark = _MARK.search(row)
            if mark:
                cites.setdefault(int(mark.group(1)), []).append(f"{name}:{number}")
    everywhere = {
        word
        for where, row in rows.items()
        if not where.startswith(("import-", "unplaced.yaml", "legislation.yaml"))
        for word in words(row.split("  # ")[0])
    }
    keys = [key(page, entry) for entry in entries]
    for twice in sorted({k for k in keys if keys.count(k) > 1}):
        found.append(f"line {twice[0]} has {keys.count(twice)} outcomes")
    expected = page_lines(page)
    found += [f"line {k[0]} has no outcome: {expected[k]!r}" for k in sorted(set(expected) - set(keys))]
    found += [f"line {k[0]} is not a line of the page: {k[1]!r}" for k in sorted(set(keys) - set(expected))]
    for entry in entries:
        number = entry["line"]
        (kind,) = [key for key in ("written", "unplaced", "skipped") if key in entry]
        if kind == "written":
            where = entry["written"]
            row = rows.get(where, "")
            if not row.strip() or row.lstrip().startswith("#"):
                found.append(f"line {number} written into {where}, which holds no value")
            elif not (
                where in cites.get(number, [])
                or _plain(entry["text"]) in _plain(row)
                or set(content_words(entry["text"])) <= set(words(row.split("  # ")[0]))
            ):
                found.append(f"line {number} written into {where}, which neither cites it nor holds it")
            if key(page, entry) in listed:
                found.append(f"line {number} is written and in unplaced.yaml too")
        elif kind == "skipped" and entry["skipped"] in {STRUCTURE, SPREAD}:
            own = set(content_words(entry["text"]))
            if entry["skipped"] == STRUCTURE and own:
                found.append(f"line {number} skipped as structure, but it has words of its own")
            if not own <= everywhere:
                found.append(f"line {number} skipped as structure, but {sorted(own - everywhere)} are written nowhere")
            if key(page, entry) in listed:
                found.append(f"line {number} is skipped as structure and in unplaced.yaml too")
        elif listed.get(key(page, entry)) != entry[kind]:
            said = listed.get(key(page, entry))
            found.append(f"line {number} is {kind} ({entry[kind]!r}) but unplaced.yaml says {said!r}")
    accounted = {key(page, entry) for entry in entries if "written" not in entry}
    found += [f"line {k[0]} is in unplaced.yaml but not accounted as unplaced" for k in sorted(set(listed) - accounted)]
    for number, where in sorted(cites.items()):
        # A value cites a line number; on an HTML line of several texts, one of them writes it.
        outcomes = [entry for entry in entries if entry["line"] == number]
        written = any("written" in entry for entry in outcomes)
        partly = any(f"partly written into {w}" in entry.get("unplaced", "") for entry in outcomes for w in where)
        if not written and not partly:
            found.append(f"line {number} is cited by {where[0]} but its outcomes are {outcomes}")
    return found


def run_import(page: Path, out: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "import", str(page), "--out", str(out)])
    assert result.exit_code == 0, (page.name, result.output)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: f"{page.parent.name}/{page.name}")
def test_every_line_of_the_page_has_exactly_one_outcome(page: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "import", str(page), "--out", str(tmp_path / "out")])
    if result.exit_code == 2:  # a page the importer refuses (not a § 28 page) writes nothing to account for
        assert not (tmp_path / "out").exists()
        return
    assert result.exit_code == 0, result.output
    assert problems(page, tmp_path / "out") == []


def test_the_line_check_can_fail(tmp_path: Path) -> None:
    """A line dropped from unplaced.yaml, or listed twice, is found: the check above is not vacuous."""
    page = ROOT / "tests" / "data" / "import" / "real" / "21-naantalin-seurakuntayhtyma.txt"
    run_import(page, tmp_path / "out")
    assert problems(page, tmp_path / "out") == []
    accounting = tmp_path / "out" / "import-accounting.yaml"
    text = accounting.read_text("utf-8")
    entries = yaml.safe_load(text)["lines"]
    assert any("unplaced" in entry for entry in entries) and any("written" in entry for entry in entries)
    unplaced = tmp_path / "out" / "unplaced.yaml"
    document = yaml.safe_load(unplaced.read_text("utf-8"))
    dropped = document["unplaced"].pop(0)
    unplaced.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
    assert any(f"line {dropped['line']} is unplaced" in problem for problem in problems(page, tmp_path / "out"))
    written = next(entry for entry in entries if "written" in entry)
    accounting.write_text(yaml.safe_dump({"lines": [*entries, written]}, allow_unicode=True), "utf-8")
    assert f"line {written['line']} has 2 outcomes" in problems(page, tmp_path / "out")
