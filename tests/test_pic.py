"""The personal-identity-code detector: real codes are found, look-alikes are not."""

from __future__ import annotations

import pytest

from kasko_dcat.shacl.pic import find_identity_codes


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
        "131052-308TX",  # part of a longer token
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
