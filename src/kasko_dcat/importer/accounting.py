"""The import's last stage: every line of the page with exactly one outcome.

A line is *written* (into a value of a named file and line: the value's ``# page line N`` points
back at it, or the line's text is part of a longer value such as the catalogue's description),
*unplaced* (in ``unplaced.yaml`` with the reason), or *skipped* (navigation and page furniture, or
a heading or label with no word of its own: the files say it by where they put the facts). The
outcomes are computed from the facts' page lines, not assumed: a line no value writes and no
reason lists goes to ``unplaced.yaml``, and a line listed there that a value also cites says so in
its reason, so no line is in two places or in none. ``import-accounting.yaml`` lists them all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from kasko_dcat.importer.coverage import WordIndex, content_words, values, words
from kasko_dcat.importer.pagetext import Line
from kasko_dcat.importer.report import facts

WRITTEN, UNPLACED, SKIPPED = "written", "unplaced", "skipped"
STRUCTURE = (
    "structure: no word of its own (a heading, a label, a yes or no); the files say it by where they put the facts"
)
SPREAD = "structure: each word of it is in a written value, but no one value holds it (a heading or lead-in over them)"
NOWHERE = "part of a fact the import wrote, but a word of it is in no written value"
PARTLY = "partly written into {where}; the rest is in no written value"


@dataclass(frozen=True)
class Outcome:
    """What became of one page line: ``written`` into ``where``, or ``unplaced`` / ``skipped`` for reason ``where``."""

    line: int
    text: str
    kind: str
    where: str


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


class _Rows:
    """The files' value rows by their words, so that finding the row holding a line costs a bounded number of looks."""

    def __init__(self, files: dict[str, str]) -> None:
        self.rows: WordIndex[tuple[str, str, set[str]]] = WordIndex()
        for name, text in sorted(files.items()):
            for number, row in enumerate(text.split("\n"), start=1):
                if not row.strip() or row.lstrip().startswith("#"):
                    continue
                value = _plain(row.split("  # ")[0])
                found = set(words(value))
                self.rows.add((f"{name}:{number}", value, found), found)

    def holding(self, line: Line, own: list[str]) -> str | None:
        """The first row holding the whole line, else every content word of it, as ``file:line``, or None.

        A line no value cites may repeat a name, or be a labelled paragraph of a description.
        """
        wanted, every = _plain(line.text), words(line.text)
        if not every:
            return None
        whole = next((at for at, value, _ in self.rows.candidates(max(every, key=len)) if wanted in value), None)
        if whole is not None or not own:
            return whole
        return next((at for at, _, found in self.rows.candidates(max(own, key=len)) if set(own) <= found), None)


def account(lines: list[Line], unplaced: list[Line], files: dict[str, str]) -> tuple[list[Outcome], list[Line]]:
    """Each of ``lines`` with its one outcome, and the lines to list in ``unplaced.yaml`` (any found nowhere added).

    ``files`` are the source files without ``unplaced.yaml``; ``lines`` are every line of the page,
    furniture included. A furniture line's reason starts with ``navigation``: it is skipped, not unplaced.
    """
    cited: dict[int, str] = {}
    for fact in facts(files, lines):
        if fact.page_line is not None:
            cited.setdefault(fact.page_line, f"{fact.file}:{fact.line}")
    # The reader may list a copy of a page line, or sentences cut from it: each page line is listed once,
    # with its parts' reasons.
    parts: dict[int, list[Line]] = {}
    for entry in unplaced:
        parts.setdefault(entry.number, []).append(entry)
    listed: set[int] = set()
    matched: set[int] = set()
    for line in lines:
        mine = [entry for entry in parts.get(line.number, []) if _plain(entry.text) in _plain(line.text)]
        if mine:
            line.reason = "; ".join(dict.fromkeys(entry.reason for entry in mine))
            listed.add(id(line))
            matched.update(id(entry) for entry in mine)
    # An entry that is no page line's text (a name the reader rewrote) is kept as it is: it is not lost.
    kept = [entry for entry in unplaced if id(entry) not in matched]
    listed.update(id(entry) for entry in kept)
    lines = [*lines, *kept]
    unplaced = [line for line in lines if id(line) in listed]
    found = {word for text in files.values() for value in values(text) for word in words(value)}
    rows = _Rows(files)
    out: list[Outcome] = []
    more: list[Line] = []
    for line in sorted(lines, key=lambda line: line.number):
        if id(line) in listed:
            furniture = line.furniture
            if line.number in cited and not furniture:
                partly = PARTLY.format(where=cited[line.number])
                line.reason = f"{line.reason}; {partly}" if line.reason else partly
            out.append(Outcome(line.number, line.text, SKIPPED if furniture else UNPLACED, line.reason))
            continue
        own = content_words(line.text)
        # A line no value cites may repeat one ("Tietojärjestelmä: Vati" after a list naming Vati).
        where = cited.get(line.number) or rows.holding(line, own)
        covered = all(word in found for word in own)
        if where is not None and covered:
            out.append(Outcome(line.number, line.text, WRITTEN, where))
        elif not own:
            out.append(Outcome(line.number, line.text, SKIPPED, STRUCTURE))
        elif where is None and covered:
            out.append(Outcome(line.number, line.text, SKIPPED, SPREAD))
        else:
            line.reason = PARTLY.format(where=where) if where else NOWHERE
            more.append(line)
            out.append(Outcome(line.number, line.text, UNPLACED, line.reason))
    return out, sorted([*unplaced, *more], key=lambda line: line.number)


def render(outcomes: list[Outcome]) -> str:
    """``import-accounting.yaml``: every page line, once, with what became of it."""
    rows = [
        "# Every line of the page and what 'kasko-dcat import' did with it: written (into file:line),",
        "# unplaced (in unplaced.yaml, with the reason) or skipped (navigation, or a heading the files",
        "# say by where they put the facts). 'kasko-dcat build' does not read this file.",
        "lines:",
    ]
    for outcome in outcomes:
        rows += [
            f"  - line: {outcome.line}",
            f"    text: {json.dumps(outcome.text, ensure_ascii=False)}",
            f"    {outcome.kind}: {json.dumps(outcome.where, ensure_ascii=False)}",
        ]
    return "\n".join(rows) + "\n"
