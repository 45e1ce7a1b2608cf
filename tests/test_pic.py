"""The personal-identity-code detector: real codes are found, look-alikes are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kasko_dcat.shacl.pic import find_identity_codes

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
