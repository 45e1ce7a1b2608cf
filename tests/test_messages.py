"""Every message exists in English, Finnish and Swedish with the same placeholders, counts have plural
forms, and every code the package uses is defined (and every one defined is used)."""

from __future__ import annotations

import ast
import re
import string
from importlib.resources import files

import pytest
from babel.messages.pofile import read_po

from kasko_dcat.i18n.languages import MESSAGE_LANGS, message_lang
from kasko_dcat.i18n.messages import FIX, catalogue, render

from .conftest import ROOT

ENGLISH = catalogue("en")
CODES = sorted(ENGLISH.codes())


def placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_the_catalogues_are_valid_po_files_that_babel_checks_clean() -> None:
    for lang in MESSAGE_LANGS:
        path = files("kasko_dcat").joinpath("i18n", "locale", lang, "LC_MESSAGES", "kasko_dcat.po")
        with path.open("rb") as stream:
            po = read_po(stream, locale=lang, abort_invalid=True)
        assert po.locale_identifier == lang
        assert [(message.id, errors) for message, errors in po.check()] == []


@pytest.mark.parametrize("lang", MESSAGE_LANGS)
def test_each_language_has_exactly_the_english_codes(lang: str) -> None:
    assert sorted(catalogue(lang).codes()) == CODES
    fixes = {code for context, code in catalogue(lang).texts if context == FIX}
    assert fixes == {code for context, code in ENGLISH.texts if context == FIX}


@pytest.mark.parametrize("code", CODES)
def test_message_has_every_language_with_the_same_placeholders(code: str) -> None:
    for context in (None, FIX):
        english = ENGLISH.texts.get((context, code))
        if english is None:
            continue
        wanted = placeholders(english[-1])
        for lang in MESSAGE_LANGS:
            forms = catalogue(lang).texts[context, code]
            assert len(forms) == len(english), (lang, code, context, "number of plural forms")
            for form in forms:
                assert form, (lang, code, context, "empty translation")
                # a singular form may say "one" instead of showing the count; nothing else may differ
                assert placeholders(form) in (wanted, wanted - {"count"}), (lang, code, context, form)


@pytest.mark.parametrize("code", CODES)
def test_a_shown_count_has_plural_forms(code: str) -> None:
    """A message with ``{count}`` is a plural entry, and no English text says "(s)" instead."""
    forms = ENGLISH.texts[None, code]
    shows_count = any("count" in placeholders(form) for form in forms)
    assert shows_count == (len(forms) > 1), forms
    assert not any(re.search(r"(?<!http)\(s\)", form) for form in forms), forms


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "1 error in the source", "2 errors in the source"),
        ("fi", "lähteessä on 1 virhe;", "lähteessä on 2 virhettä;"),
        ("sv", "1 fel i källan", "2 fel i källan"),
    ],
)
def test_plural_forms_follow_the_count(lang: str, one: str, many: str) -> None:
    assert render("cli-errors", lang, {"count": "1"}).startswith(one)
    assert render("cli-errors", lang, {"count": "2"}).startswith(many)


def test_gap_counts_in_finnish_and_swedish() -> None:
    assert render("cli-gap-count", "fi", {"count": "1"}) == "1 aukko"
    assert render("cli-gap-count", "fi", {"count": "9"}) == "9 aukkoa"
    assert render("cli-gap-count", "sv", {"count": "1"}) == "1 lucka"
    assert render("cli-gap-count", "sv", {"count": "9"}) == "9 luckor"


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
    assert sorted(used - set(CODES)) == []


def test_every_defined_message_is_used() -> None:
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "src" / "kasko_dcat").rglob("*.py"))
    assert [code for code in CODES if f'"{code}"' not in source] == []


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        ("fi", {}, "fi"),
        ("sv", {}, "sv"),
        (None, {"KASKO_DCAT_LANG": "fi"}, "fi"),
        (None, {"KASKO_DCAT_LANG": "sv"}, "sv"),
        (None, {"LANG": "fi_FI.UTF-8"}, "fi"),
        (None, {"LANG": "sv_FI.UTF-8"}, "sv"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
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


def test_help_in_finnish_and_swedish() -> None:
    from click.testing import CliRunner

    from kasko_dcat.cli import main

    runner = CliRunner()
    finnish = runner.invoke(main, ["--lang", "fi", "--help"]).output
    assert finnish.startswith("Käyttö: ") and " [VALITSIMET] " in finnish.splitlines()[0]
    assert "Komennot:" in finnish and "Kokoa luettelo lähteestä" in finnish and "Näytä tämä ohje ja lopeta." in finnish
    swedish = runner.invoke(main, ["validate", "--help"], env={"KASKO_DCAT_LANG": "sv"}).output
    assert "Kontrollera katalogen mot shapes/" in swedish
    assert "Godkänn fynden som listas i FIL" in swedish and "[standard: violation]" in swedish
    after = runner.invoke(main, ["build", "--help", "--lang", "sv"], env={"KASKO_DCAT_LANG": "en"}).output
    assert after.startswith("Användning: ")  # --lang counts wherever it is written
    english = runner.invoke(main, ["validate", "--help"], env={"KASKO_DCAT_LANG": "en"}).output
    assert "Check the catalogue against shapes/" in english and "Usage:" in english


def test_every_translated_help_names_a_command_or_option() -> None:
    from kasko_dcat.cli import main

    keys = {"main"}
    for name, command in main.commands.items():
        keys.add(name)
        for param in command.params:
            long = max(param.opts, key=len)
            keys |= {long, f"{name} {long}"}
    keys |= {max(param.opts, key=len) for param in main.params}
    for lang in ("fi", "sv"):
        helps = {code for context, code in catalogue(lang).texts if context == "help"}
        assert helps <= keys, helps - keys
    assert {c for x, c in catalogue("fi").texts if x == "help"} == {c for x, c in catalogue("sv").texts if x == "help"}


def test_kinds_of_things_are_named_in_the_messages_language() -> None:
    kinds = {lang: {code for context, code in catalogue(lang).texts if context == "kind"} for lang in ("fi", "sv")}
    assert kinds["fi"] == kinds["sv"] and {"system", "organisation", "channel", "dataset"} <= kinds["fi"]
    params = {"kind": "system", "id": "oppilashuoltoo", "close": "oppilashuolto"}
    assert render("unknown-ref", "fi", params).startswith(
        "tunnisteella 'oppilashuoltoo' ei löydy kohdetta (tietojärjestelmä)"
    )
    assert render("unknown-ref", "sv", params).startswith("id:t 'oppilashuoltoo' (informationssystem) finns inte")
    assert render("unknown-ref", "en", params).startswith("there is no system with id 'oppilashuoltoo'")


def test_every_command_and_option_has_its_help_in_finnish_and_swedish() -> None:
    from kasko_dcat.cli import main

    helps = {code for context, code in catalogue("fi").texts if context == "help"}
    for name, command in main.commands.items():
        assert name in helps, name
        for param in command.params:
            if getattr(param, "help", None):
                long = max(param.opts, key=len)
                assert f"{name} {long}" in helps or long in helps, (name, long)


def test_what_was_found_is_named_in_the_messages_language() -> None:
    params = {"key": "legislation", "found": "a block"}
    assert render("not-a-list", "fi", params).startswith("kohdan 'legislation' pitää olla luettelo, löytyi lohko")
    assert render("not-a-list", "sv", params).startswith("'legislation' ska vara en lista, hittade ett block")
    assert render("not-a-list", "en", params).startswith("'legislation' must be a list, found a block")


def test_why_a_server_did_not_answer_is_said_in_the_messages_language() -> None:
    params = {"url": "http://127.0.0.1:1/x", "count": "5", "reason": "the connection failed or was cut"}
    assert "yhteys epäonnistui tai katkesi, 5 yritystä" in render("publish-unreachable", "fi", params)
    assert "anslutningen misslyckades eller bröts, 5 försök" in render("publish-unreachable", "sv", params)
    assert "the connection failed or was cut, 5 attempts" in render("publish-unreachable", "en", params)
    status = {**params, "reason": "HTTP 503 Service Unavailable"}  # a reason no catalogue has stays as it is
    assert "HTTP 503 Service Unavailable, 5 yritystä" in render("publish-unreachable", "fi", status)
