"""The import's review report: each written value beside the page line it came from, and every unplaced line.

The civil servant confirms a draft by checking each value against the page. The report pairs
every value the import wrote with the first page line that writes it (case and spacing aside);
a value no line writes verbatim (a name put in its basic form, a list item cut from a sentence)
is marked for a closer look, so nothing the import derived goes unchecked. It is written as text
and as HTML (Jinja2, autoescaped: the page's text is never markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment

from kasko_dcat.importer.coverage import WordIndex
from kasko_dcat.importer.pagetext import Line

_VALUE = re.compile(r"^\s{0,40}(?:- )?(?:([\w-]{1,40}): )?(?!~|\[\]|\||>)(.{2,})$")
_MARK = re.compile(r"  # page line (\d+)$")
_SKIPPED_KEYS = frozenset({"id", "kind", "handled_by", "resource", "register", "system", "address", "line"})
"""Keys whose values the import makes (ids, references), not the page."""
_REPORTED_FILES = ("organisations.yaml", "request.yaml", "systems.yaml", "resources/")


@dataclass(frozen=True)
class Fact:
    """One written value, where it is written and the page line that writes it (None: no line writes it as is)."""

    file: str
    line: int
    key: str
    value: str
    page_line: int | None


def _plain(text: str) -> str:
    return " ".join(text.casefold().split()).strip("\"'")


def facts(files: dict[str, str], lines: list[Line]) -> list[Fact]:
    """Every value of the reported files with its page line: the ``# page line N`` it carries, else the first."""
    where = _PageIndex(lines)
    out: list[Fact] = []
    for name, text in sorted(files.items()):
        if not name.startswith(_REPORTED_FILES):
            continue
        for number, raw in enumerate(text.splitlines(), start=1):
            if raw.lstrip().startswith("#"):
                continue
            match = _VALUE.match(raw.split("  # ")[0])
            if not match or (match.group(1) or "") in _SKIPPED_KEYS or (match.group(1) and raw.rstrip().endswith(":")):
                continue
            value = match.group(2).strip()
            if value in {"~", "[]", "true", "false"} or (not match.group(1) and not raw.lstrip().startswith("- ")):
                continue
            if not match.group(1) and re.fullmatch(r"[a-z0-9-]+", value):
                continue  # an id in a list of references, made by the import
            marked = _MARK.search(raw)  # annotated already: the line the import cited stays the line
            page_line = int(marked.group(1)) if marked else where.find(_plain(value))
            out.append(Fact(name, number, match.group(1) or "-", value.strip("\"'"), page_line))
    return out


class _PageIndex:
    """The page's lines by their words, so that finding a value's line costs a bounded number of looks."""

    def __init__(self, lines: list[Line]) -> None:
        # By position, not number: an HTML source line may hold several texts (a table's cells).
        self.lines: WordIndex[tuple[int, str]] = WordIndex()
        self.exact: dict[str, int] = {}
        # A line the import could not place (it has a reason) is cited only where no placed line writes the value.
        for line in sorted(lines, key=lambda line: bool(line.reason)):
            text = _plain(line.text)
            self.exact.setdefault(text, line.number)
            self.lines.add((line.number, text), re.findall(r"\w+", text))

    def find(self, wanted: str) -> int | None:
        """The first page line that writes ``wanted`` (case and spacing aside), or None."""
        if not wanted:
            return None
        if wanted in self.exact:
            return self.exact[wanted]
        words = re.findall(r"\w+", wanted)
        if not words:
            return None
        longest = max(words, key=len)
        return next((number for number, text in self.lines.candidates(longest) if wanted in text), None)


def annotate(files: dict[str, str], lines: list[Line]) -> dict[str, str]:
    """The files with ``# page line N`` after each value a page line writes, so a reviewer can check it there."""
    by_file: dict[str, dict[int, int]] = {}
    for fact in facts(files, lines):
        if fact.page_line is not None:
            by_file.setdefault(fact.file, {})[fact.line] = fact.page_line
    out = {}
    for name, text in files.items():
        marks = by_file.get(name)
        if not marks:
            out[name] = text
            continue
        rows = text.split("\n")
        for number, page_line in marks.items():
            if " #" not in rows[number - 1]:
                rows[number - 1] += f"  # page line {page_line}"
        out[name] = "\n".join(rows)
    return out


_TEXT = """\
Review of the import of {{ page }}
Authority: {{ authority or "(the page names none: write it in organisations.yaml)" }}

Values written, each with the page line that writes it:
{% for fact in facts %}  {{ fact.file }}:{{ fact.line }}  {{ fact.key }}: {{ fact.value }}  \
<- {{ ("page line %d" % fact.page_line) if fact.page_line else "no page line writes this as is: check it" }}
{% endfor %}
Page lines not placed ({{ unplaced|length }}), with the reason:
{% for line in unplaced %}  page line {{ line.number }}: {{ line.text }}  [{{ line.reason }}]
{% endfor %}"""

_HTML = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Review of the import of {{ page }}</title>
<style>body{font-family:sans-serif;margin:2em}td,th{border-bottom:1px solid #ccc;padding:.3em;text-align:left;
vertical-align:top}.check{background:#fff3cd}</style></head>
<body><h1>Review of the import of {{ page }}</h1>
<p>Authority: {{ authority or "(the page names none: write it in organisations.yaml)" }}</p>
<h2>Values written ({{ facts|length }})</h2>
<table><tr><th>File and line</th><th>Key</th><th>Value</th><th>Page line</th></tr>
{% for fact in facts %}<tr{% if not fact.page_line %} class="check"{% endif %}><td>{{ fact.file }}:{{ fact.line }}</td>
<td>{{ fact.key }}</td><td>{{ fact.value }}</td>
<td>{{ fact.page_line if fact.page_line else "no page line writes this as is: check it" }}</td></tr>
{% endfor %}</table>
<h2>Page lines not placed ({{ unplaced|length }})</h2>
<table><tr><th>Page line</th><th>Text</th><th>Reason</th></tr>
{% for line in unplaced %}<tr><td>{{ line.number }}</td><td>{{ line.text }}</td>
<td>{{ line.reason }}</td></tr>
{% endfor %}</table></body></html>
"""


def render(page: str, authority: str, files: dict[str, str], lines: list[Line], unplaced: list[Line]) -> dict[str, str]:
    """``import-report.txt`` and ``import-report.html`` for the imported ``files``."""
    env = Environment(autoescape=True, keep_trailing_newline=True)
    found = facts(files, lines)
    context = {"page": page, "authority": authority, "facts": found, "unplaced": unplaced}
    text_env = Environment(autoescape=False, keep_trailing_newline=True)  # plain text: nothing to escape
    return {
        "import-report.txt": text_env.from_string(_TEXT).render(context),
        "import-report.html": env.from_string(_HTML).render(context),
    }
