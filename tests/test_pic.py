"""The personal-identity-code detector: real codes are found, look-alikes are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kasko_dcat.shacl.pic import find_identity_codes, no_code_in_ascii

from .conftest import run_cli


@pytest.mark.parametrize(
    "text",
    [
        "131052-308T",  # the Digital and Population Data Services Agency's example code
        "Yhteyshenkilö 131052-308T, puh.",
        "131052-308t",  # written in lower case
        "010594Y9032",  # the century signs of 2023 (Y = 1900s)
        "010594Y9021",
        "020505A123K",  # born in 2005
        "020505E123K",  # the 2023 sign E = 2000s
        "131052–308T",  # an en dash, as a word processor writes the hyphen
        "131052−308T",  # a minus sign
        "HETU131052-308T",  # after a label
        "010170+123F",  # born in the 1800s (+)
        "150698U123S",  # the 2023 signs U, V, W, X of the 1900s
        "150698W123S",
        "010101B123N",  # and B, C, D, F of the 2000s
        "010101F123N",
    ],
)
def test_a_valid_code_is_found(text: str) -> None:
    assert find_identity_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "131052-308U",  # wrong check character
        "311152-308T",  # the right check character for this date is 7
        "310252-1230",  # the check character fits, but 31 February does not exist
        "131052-308 TX",  # a check character after a space must stand alone
        "131052-308T5",  # digits right after: part of a longer number
        "1131052-308T",  # part of a longer number
        "09 310 8600",  # a phone number
        "PL 58300, 00099 Helsingin kaupunki",  # a PO box
        "2024-01-01",
        "",
    ],
)
def test_a_look_alike_is_not_found(text: str) -> None:
    assert find_identity_codes(text) == []


def test_every_code_in_a_text_is_found() -> None:
    assert find_identity_codes("131052-308T ja 020505A123K") == ["131052-308T", "020505A123K"]


SPELLINGS = {
    "soft hyphen inside": "1310\u00ad52-308T",
    "soft hyphen for the hyphen": "131052\u00ad308T",
    "zero-width space": "131052\u200b-308T",
    "word joiner": "131052-\u2060308T",
    "byte-order mark": "\ufeff131052-308T",
    "hyphen U+2010": "131052\u2010308T",
    "non-breaking hyphen U+2011": "131052\u2011308T",
    "figure dash U+2012": "131052\u2012308T",
    "en dash U+2013": "131052\u2013308T",
    "em dash U+2014": "131052\u2014308T",
    "horizontal bar U+2015": "131052\u2015308T",
    "fullwidth hyphen-minus": "131052\uff0d308T",
    "small hyphen-minus": "131052\ufe63308T",
    "fullwidth digits": "\uff11\uff13\uff11\uff10\uff15\uff12-308T",
    "space before the check character": "131052-308 T",
    "no-break space before the check character": "131052-308\u00a0T",
    "letters right after": "Hetu 131052-308Tpuh. 040 123",
    "letters right after, lower case": "131052-308tja",
}


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_a_code_is_found_in_every_spelling_a_word_processor_makes(spelling: str) -> None:
    assert len(find_identity_codes(SPELLINGS[spelling])) == 1


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_the_same_spelling_with_a_wrong_check_character_is_not_a_code(spelling: str) -> None:
    near_miss = SPELLINGS[spelling].replace("308T", "308U").replace("308t", "308u").replace("308 T", "308 U")
    near_miss = near_miss.replace("308\u00a0T", "308\u00a0U")
    assert near_miss != SPELLINGS[spelling]
    assert find_identity_codes(near_miss) == []


@pytest.mark.parametrize(
    "text",
    [
        "Y-tunnus 0201256-6",  # a business ID
        "ISBN 978-951-1-23456-7",
        "010101-123 ABC",  # a check character after a space followed by letters
        "puh. 09 310 8600, 040\u00ad123\u00ad4567",
        "2024\u20132025",
        "HEL 2019-012345",  # a case number
    ],
)
def test_near_misses_in_real_text_are_not_codes(text: str) -> None:
    assert find_identity_codes(text) == []


@pytest.mark.parametrize("spelling", ["soft hyphen for the hyphen", "zero-width space", "letters right after"])
def test_validate_stops_a_code_in_a_word_processors_spelling(spelling: str, scratch: Path) -> None:
    systems = scratch / "source" / "systems.yaml"
    text = systems.read_text("utf-8")
    code = SPELLINGS[spelling].replace("Hetu ", "").split(".")[0]
    systems.write_text(text.replace("fi: Oppilashuollon järjestelmä", f"fi: Oppilashuollon järjestelmä {code}", 1))
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 1, result.stderr
    assert "personal identity code" in result.stdout


def test_the_screen_of_many_ascii_texts_misses_no_code() -> None:
    """``no_code_in_ascii`` is the engine's one search over every ASCII text of a graph: never wrong on a code."""
    fillers = ["Oppilashuolto", "https://kasko.example/dataset/1", "puh. 09 310 12345", "2023-01-01"]
    for code in ("131052-308T", "Yhteyshenkilo 131052-308T", "010170+123F", "x 020505a123k", "150698W123S"):
        assert find_identity_codes(code)
        assert not no_code_in_ascii([*fillers, code, *fillers])
    assert no_code_in_ascii(fillers)
    assert no_code_in_ascii(["131052", "-308T"])  # a code is not found across two texts


@pytest.mark.parametrize(
    "term",
    [
        '"Yhteyshenkilö 131052-308T"@fi',  # not ASCII: searched on its own
        '"contact 131052-308T"@en',  # ASCII: found by the screen of all ASCII texts, then on its own
        "<mailto:131052%2D308T@example.org>",  # an IRI, read %-decoded
        "<https://example.org/people/131052-308T>",
    ],
)
def test_validate_finds_a_code_among_thousands_of_texts(term: str, tmp_path: Path) -> None:
    title = "<http://purl.org/dc/terms/title>"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    lines = [f"<https://kasko.example/catalog> {rdf_type} <http://www.w3.org/ns/dcat#Catalog> ."]
    lines += [f'<https://example.org/r{n}> {title} "Rekisteri {n} ä"@fi .' for n in range(2000)]
    lines += [f'<https://example.org/r{n}> {title} "Register {n}"@en .' for n in range(2000)]
    lines.append(f"<https://example.org/r7> <http://example.org/p> {term} .")
    (tmp_path / "data.nt").write_text("\n".join(lines) + "\n", "utf-8")
    result = run_cli("validate", str(tmp_path / "data.nt"), "--format", "json", cwd=tmp_path)
    findings = [f for report in json.loads(result.stdout)["reports"] for f in report["findings"]]
    codes = [f for f in findings if f["component"].endswith("NoPersonalIdentityCodeConstraintComponent")]
    shown = term.strip("<>").rsplit("@", 1)[0].strip('"') if term[0] == '"' else term.strip("<>")
    assert [(c["focus"], c["value"]) for c in codes] == [("https://example.org/r7", shown)], codes
