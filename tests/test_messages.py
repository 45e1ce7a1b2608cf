"""Every message exists in English and Finnish with the same placeholders, and every code used exists."""

from __future__ import annotations

import ast
import string

import pytest

from kasko_dcat.i18n.languages import MESSAGE_LANGS, message_lang
from kasko_dcat.i18n.messages import MESSAGES

from .conftest import ROOT


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_message_has_both_languages_with_the_same_placeholders(code: str) -> None:
    entry = MESSAGES[code]
    assert set(entry) == set(MESSAGE_LANGS)
    what, fix = zip(*(entry[lang] for lang in MESSAGE_LANGS), strict=True)
    assert len({frozenset(placeholders(t)) for t in what}) == 1, what
    assert len({frozenset(placeholders(t)) for t in fix}) == 1, fix


CODE_ARGUMENT = {
    "error": 1,
    "gap": 1,
    "_say": 1,
    "progress": 0,
    "render": 0,
    "KaskoError": 0,
    "PageError": 0,
    "InputError": 0,
    "QueryError": 0,
    "PublishError": 0,
    "ServeError": 0,
    "HttpError": 0,
}
"""Calls that take a message code, and the position of the code among their arguments."""


def codes_used() -> set[str]:
    """The message code of every call in the package that takes one (``CODE_ARGUMENT``)."""
    used = set()
    for path in (ROOT / "src" / "kasko_dcat").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                position = CODE_ARGUMENT.get(name)
                if position is not None and len(node.args) > position:
                    code = node.args[position]
                    if isinstance(code, ast.Constant) and isinstance(code.value, str):
                        used.add(code.value)
    return used


def test_every_code_the_code_uses_is_defined() -> None:
    used = codes_used()
    assert len(used) > 40, "the scan found too few message codes to be working"
    assert sorted(used - set(MESSAGES)) == []


def test_every_defined_message_is_used() -> None:
    source = "\n".join(
        p.read_text("utf-8") for p in (ROOT / "src" / "kasko_dcat").rglob("*.py") if p.name != "messages.py"
    )
    assert [code for code in MESSAGES if f'"{code}"' not in source] == []


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        ("fi", {}, "fi"),
        (None, {"KASKO_DCAT_LANG": "fi"}, "fi"),
        (None, {"LANG": "fi_FI.UTF-8"}, "fi"),
        (None, {"LANG": "sv_FI.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_language_choice(
    monkeypatch: pytest.MonkeyPatch, explicit: str | None, env: dict[str, str], expected: str
) -> None:
    for name in ("KASKO_DCAT_LANG", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert message_lang(explicit) == expected
