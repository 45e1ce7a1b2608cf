"""Finding Finnish personal identity codes (henkilötunnus) in text, so none is ever published.

The catalogue describes registers of personal data and must never contain personal data itself.
A code is ``DDMMYY`` + century sign + a 3-digit individual number + a check character: the
remainder of the nine digits divided by 31 indexes ``0123456789ABCDEFHJKLMNPRSTUVWXY``. Century
signs: ``+`` 1800s; ``-`` and, since 2023, ``U V W X Y`` 1900s; ``A`` and ``B C D E F`` 2000s.
The text is what would be published, so a code is found in every spelling a word processor or a
copy-paste produces: the text is first normalised (NFKC, which makes fullwidth digits and the
fullwidth hyphen-minus plain) and stripped of invisible format characters (soft hyphen, zero-width
space, word joiner, byte-order mark) — a soft hyphen standing *for* the century sign is also read
as a hyphen. Any dash (U+2010–U+2015, minus, small and fullwidth hyphen-minus) is a century sign;
a space may stand before the check character; letters may follow the code ("131052-308Tpuh"),
digits may not ("1131052-308T" is part of a longer number). Only codes whose date exists and
whose check character is right count, so an identifier or a phone number that merely looks
similar is not flagged; a check character after a space must stand alone ("010101-123 ABC" is no code).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
CENTURIES = {"+": 1800} | dict.fromkeys(DASHES + "UVWXY", 1900) | dict.fromkeys("ABCDEF", 2000)
CANDIDATE = re.compile(
    rf"(?<![0-9])([0-9]{{2}})([0-9]{{2}})([0-9]{{2}})([+A-FU-Y{DASHES}])([0-9]{{3}})"
    rf"(?:([0-9A-Y])(?![0-9])|[ \t]([0-9A-Y])(?![0-9A-Za-z]))",
    re.I,
)
SOFT_HYPHEN = "\u00ad"
ASCII_SHAPE = re.compile(r"[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}")
"""What every code in ASCII text matches (CANDIDATE's ASCII core), found faster than CANDIDATE: most texts have none."""


def is_identity_code(day: str, month: str, year: str, sign: str, individual: str, check: str) -> bool:
    """Whether the parts make a code with a real date and the right check character."""
    try:
        date(CENTURIES[sign.upper()] + int(year), int(month), int(day))
    except ValueError:
        return False
    return CHECK_CHARACTERS[int(day + month + year + individual) % 31] == check.upper()


def find_identity_codes(text: str) -> list[str]:
    """Every valid personal identity code in ``text``, in every spelling of it (see the module docstring)."""
    found: list[str] = []
    if text.isascii():  # its own NFKC form, with no format character: a code is written as CANDIDATE reads it
        if ASCII_SHAPE.search(text) is None:
            return found
        plain = text
    else:
        plain = unicodedata.normalize("NFKC", text)
        if sum(map(plain.count, "0123456789")) < 9:  # a code has nine digits, and the variants add none
            return found
    for variant in (_visible(plain), _visible(plain.replace(SOFT_HYPHEN, "-"))):
        for match in CANDIDATE.finditer(variant):
            day, month, year, sign, individual, check, spaced = match.groups()
            code = match.group(0)
            if is_identity_code(day, month, year, sign, individual, check or spaced) and code not in found:
                found.append(code)
    return found


def no_code_in_ascii(texts: list[str]) -> bool:
    """Whether none of ``texts``, all ASCII, holds a code: one search of them all, as most texts hold none.

    Joined by line feeds, which no code holds, the texts are searched for what every code in ASCII
    text matches (:data:`ASCII_SHAPE`); False says only that one of them may hold a code.
    """
    return ASCII_SHAPE.search("\n".join(texts)) is None


def _visible(text: str) -> str:
    """``text`` without format characters (Unicode category Cf), which no reader sees."""
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")
