"""The analysts' named questions in ``queries/``: one ``.rq`` file each, its header read here.

A header is the leading ``# key: value`` comment lines of the file::

    # title-fi: Kunkin tietovarannon tietojärjestelmät
    # title-en: Information systems of each information resource
    # answers-fi: Mitkä tietojärjestelmät …
    # answers-en: Which information systems …
    # bind: system=oppilashuolto

``title-*`` and ``answers-*`` are required in every message language, so ``query --list`` can
answer in the user's; ``bind`` (optional, repeatable) shows a parameter with an example value.
The files stay plain SPARQL that any endpoint runs (the header is only comments), so an analyst
can paste one into Oxigraph, Fuseki or the future ``serve`` endpoint unchanged.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kasko_dcat import files as guarded
from kasko_dcat.i18n.languages import MESSAGE_LANGS

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
"""``queries/``: a link to the repository's folder, which ships inside the package like ``shapes/``."""

MAX_QUERY_FILE_BYTES = 1_000_000
"""Largest query file read, the same as the largest query ``serve`` accepts."""
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HEADER_LINE = re.compile(r"#\s*([a-z-]+):\s*(.*\S)\s*$")


@dataclass(frozen=True)
class BundledQuery:
    """One named question: its SPARQL text and what its header says about it."""

    name: str
    text: str
    titles: dict[str, str]
    answers: dict[str, str]
    binds: tuple[str, ...]

    def title(self, lang: str) -> str:
        """The title in ``lang``, or in English when the header lacks it (a test forbids that)."""
        return self.titles.get(lang) or self.titles.get("en", self.name)


def names(directory: Path = QUERY_DIR) -> list[str]:
    """The names of the bundled queries, sorted; empty when the folder does not exist."""
    return sorted(path.stem for path in directory.glob("*.rq")) if directory.is_dir() else []


def read(name: str, directory: Path = QUERY_DIR) -> BundledQuery:
    """The bundled query ``name``; :class:`FileNotFoundError` when there is none."""
    path = directory / f"{name}.rq"
    text = path.read_text("utf-8")
    titles: dict[str, str] = {}
    answers: dict[str, str] = {}
    binds: list[str] = []
    for line in text.splitlines():
        match = _HEADER_LINE.match(line)
        if not match:
            break
        key, value = match.groups()
        kind, _, lang = key.partition("-")
        if kind == "title" and lang in MESSAGE_LANGS:
            titles[lang] = value
        elif kind == "answers" and lang in MESSAGE_LANGS:
            answers[lang] = value
        elif key == "bind":
            binds.append(value)
    return BundledQuery(name=name, text=text, titles=titles, answers=answers, binds=tuple(binds))


def resolve(argument: str, directory: Path = QUERY_DIR) -> str:
    """The SPARQL text ``argument`` stands for: a file, a bundled query's name, or SPARQL itself.

    A path that exists wins, so ``./systems.rq`` is never mistaken for a name; a bare name is
    looked up in ``queries/``; anything else is taken as the query text. A name or ``.rq`` path
    that matches nothing is reported as such rather than as a SPARQL syntax error.
    """
    from kasko_dcat.query.sparql import QueryError

    path = Path(argument)
    if argument == "-":
        return sys.stdin.read()
    if _names_a_file(path):
        return _read_text(path)
    if NAME.fullmatch(argument):
        known = names(directory)
        if argument in known:
            return read(argument, directory).text
        close = difflib.get_close_matches(argument, known, n=1)
        if close:
            raise QueryError("query-unknown-name", name=argument, close=close[0])
        raise QueryError("query-unknown-name-far", name=argument)
    if path.suffix in {".rq", ".sparql"}:
        raise QueryError("query-no-file", path=argument)
    return argument


def _names_a_file(path: Path) -> bool:
    """Whether ``path`` is a file; a long query text is not a name the system can look up (ENAMETOOLONG)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _read_text(path: Path) -> str:
    from kasko_dcat.query.sparql import QueryError

    try:  # the guard every file passes; a query is far below the body limit of ``serve``
        return guarded.read_text(path, limit=MAX_QUERY_FILE_BYTES)
    except guarded.FileRefused as exc:
        raise QueryError(exc.code, **exc.params) from None
