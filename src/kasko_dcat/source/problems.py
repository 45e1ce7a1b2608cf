"""Errors and gaps in the source, each tied to a file and line and worded for the civil servant who edits it.

An *error* stops the build; a *gap* is a fact the source leaves unknown. Gaps never stop a
build: the law asks the division to publish what it knows and the tools to show what is missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from kasko_dcat.errors import KaskoError
from kasko_dcat.i18n.messages import render

Severity = Literal["error", "gap"]


@dataclass(frozen=True, order=True)
class Where:
    """A place in the source: a file and, where known, a 1-based line."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    @classmethod
    def of(cls, path: Path, line: int = 0) -> Where:
        """Name ``path`` as the user typed it: relative to the working directory when it is inside it."""
        return cls(_shown(str(path), os.getcwd()), line)


@cache
def _shown(path: str, cwd: str) -> str:
    # Cached: every field and text of the source gets a Where (10 000 at 1 000 datasets), from ~100 files.
    try:
        shown = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return path
    return path if shown.startswith("..") else shown


@dataclass(frozen=True)
class Problem:
    """One thing wrong with, or missing from, the source."""

    where: Where
    code: str
    params: tuple[tuple[str, str], ...] = ()
    severity: Severity = "error"

    def message(self, lang: str) -> str:
        """Render as ``file:line: what is wrong — how to fix it`` in ``lang`` (fi, sv or en)."""
        return f"{self.where}: {render(self.code, lang, dict(self.params))}"


@dataclass
class Problems:
    """Collects every error and gap of a run, so one build reports all of them at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, where: Where, code: str, **params: object) -> None:
        """Record an error that stops the build."""
        self.items.append(Problem(where, code, _freeze(params), "error"))

    def gap(self, where: Where, code: str, **params: object) -> None:
        """Record a fact the source leaves unknown."""
        self.items.append(Problem(where, code, _freeze(params), "gap"))

    @property
    def errors(self) -> list[Problem]:
        """The errors, in file and line order."""
        return sorted((p for p in self.items if p.severity == "error"), key=_order)

    @property
    def gaps(self) -> list[Problem]:
        """The gaps, in file and line order."""
        return sorted((p for p in self.items if p.severity == "gap"), key=_order)


class SourceError(KaskoError):
    """The source cannot be built; ``problems`` says where and why, one message each."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("cli-errors", count=len(problems))
        self.problems = problems


EXCERPT_CHARS = 120
"""The most of any value a message quotes: enough to find it, never a whole file in a CI log."""


def _freeze(params: dict[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, excerpt(str(value))) for key, value in params.items()))


def excerpt(text: str) -> str:
    """``text`` cut to its first line and :data:`EXCERPT_CHARS`, marked with ``…`` where it was cut.

    Every value a message quotes goes through here: a source file that is not what it should be
    (a link to a token file, a megabyte of aliases) must not be printed whole.
    """
    first, newline, _ = text.partition("\n")
    if len(first) > EXCERPT_CHARS:
        return first[: EXCERPT_CHARS - 1] + "…"
    return first + ("…" if newline else "")


def _order(problem: Problem) -> tuple[str, int, str]:
    return (problem.where.file, problem.where.line, problem.code)
