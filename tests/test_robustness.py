"""No edit a civil servant could make crashes the build: every outcome is a result or a reported error.

A fixed, seeded sample of hostile values (empty, wrong shape, explicit YAML tags, unsafe IRIs, …)
is written over field values of the real source, one at a time.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from kasko_dcat.model.description import read_source
from kasko_dcat.model.graph import build_graph
from kasko_dcat.rdf.formats import serialize_all
from kasko_dcat.source.problems import SourceError

from .conftest import SOURCE

HOSTILE = [
    '""',
    "[]",
    "{}",
    "[x, y]",
    "{fi: x}",
    "{fi: [a]}",
    "!!int 5",
    "!!binary aGk=",
    "123",
    "~",
    "true",
    "https://x.fi/{a}",
    "[[a]]",
    "{a: {b: c}}",
    "'–'",
    "*undefined",
    "2026-01-01",
    ".inf",
    "yes",
]
FIELD = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_]+:)")


def mutations(count: int, seed: int = 2026) -> list[tuple[str, int, str]]:
    rng = random.Random(seed)
    candidates = [
        (str(path.relative_to(SOURCE)), number, value)
        for path in sorted(SOURCE.rglob("*.yaml"))
        for number, line in enumerate(path.read_text("utf-8").splitlines())
        if FIELD.match(line)
        for value in HOSTILE
    ]
    return rng.sample(candidates, count)


@pytest.mark.parametrize(("name", "number", "value"), mutations(80))
def test_a_hostile_value_is_a_result_or_a_reported_error(tmp_path: Path, name: str, number: int, value: str) -> None:
    root = tmp_path / "source"
    shutil.copytree(SOURCE, root)
    path = root / name
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines[number] = f"{FIELD.match(lines[number]).group(1)} {value}\n"  # type: ignore[union-attr]
    path.write_text("".join(lines), "utf-8")
    try:
        source = read_source(root)
    except SourceError as exc:
        assert exc.problems and all(problem.where.file for problem in exc.problems)
        return
    assert all(serialize_all(build_graph(source)).values())
