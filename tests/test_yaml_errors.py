"""YAML syntax errors are explained as the mistake a person made, in their language, at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kasko_dcat.source.problems import Problems
from kasko_dcat.source.yamlread import read_yaml


def explain(text: str, lang: str = "en") -> list[str]:
    problems = Problems()
    read_yaml(Path("f.yaml"), problems, text.encode("utf-8"))
    return [problem.message(lang) for problem in problems.errors]


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        ("a:\n\tb: 1\n", 2, "this line is indented with a tab character"),
        ("a:\n  b: 1\n\t c: 2\n", 3, "this line is indented with a tab character"),
        ("a:\n  title: Opetus: perus\n", 2, "the value of 'title' contains a colon followed by a space"),
        ("title: {fi: Opetus: perus, sv: x}\n", 1, "the value of 'fi' contains a colon followed by a space"),
        ("a:\n  b: 1\n   c: 2\n", 3, "the indentation of this line does not fit the lines above it"),
        ("a:\n  b: 1\n c: 2\n", 3, "the indentation of this line does not fit the lines above it"),
        ("list:\n  - id: x\n    name: y\n   other: z\n", 4, "the indentation of this line does not fit"),
        ('a: "abc\nb: 2\nc: 3\n', 1, "the quotation mark opened on this line is never closed"),
        ("a: 'abc\nb: 2\n", 1, "the quotation mark opened on this line is never closed"),
        ('x:\n  a: "abc\n  b: 2\n  c: "d"\n', 2, "the quotation mark opened on this line is never closed"),
        ('a: "abc" def\n', 1, "there is more text after the closing quotation mark"),
        ("a: @x\n", 1, "a value cannot start with '@' in YAML"),
    ],
)
def test_syntax_mistakes_are_named(text: str, line: int, start: str) -> None:
    [message] = explain(text)
    assert message.startswith(f"f.yaml:{line}: {start}"), message
    assert "mapping values" not in message and "token" not in message


def test_the_explanation_is_in_the_chosen_language_without_parser_jargon() -> None:
    [fi] = explain("a:\n\tb: 1\n", "fi")
    assert fi == (
        "f.yaml:2: rivi on sisennetty sarkainmerkillä, jota YAML ei salli — "
        "sisennä pelkillä välilyönneillä; useimmat editorit osaavat muuttaa sarkaimet välilyönneiksi"
    )
    [sv] = explain("a:\n  title: Opetus: perus\n", "sv")
    assert sv.startswith("f.yaml:2: värdet för 'title' innehåller ett kolon följt av ett mellanslag")
