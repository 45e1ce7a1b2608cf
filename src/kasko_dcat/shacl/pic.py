"""Finding Finnish personal identity codes (henkilötunnus) in text, so none is ever published.

The catalogue describes registers of personal data and must never contain personal data itself.
A code is ``DDMMYY`` + century sign + a 3-digit individual number + a check character: the
remainder of the nine digits divided by 31 indexes ``0123456789ABCDEFHJKLMNPRSTUVWXY``. Century
signs: ``+`` 1800s; ``-`` and, since 2023, ``U V W X Y`` 1900s; ``A`` and ``B C D E F`` 2000s.
A hyphen that a word processor turned into another dash (‐ ‑ – −) still makes a code: the text is
what would be published. A code may follow letters ("HETU131052-308T") but not digits.
Only codes whose date exists and whose check character is right count, so an identifier or a
phone number that merely looks similar is not flagged.
"""

from __future__ import annotations

import re
from datetime import date

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
DASHES = "-\u2010\u2011\u2013\u2212"
CENTURIES = {"+": 1800} | dict.fromkeys(DASHES + "UVWXY", 1900) | dict.fromkeys("ABCDEF", 2000)
CANDIDATE = re.compile(
    rf"(?<![0-9])(\d{{2}})(\d{{2}})(\d{{2}})([+A-FU-Y{DASHES}])(\d{{3}})([0-9A-Y])(?![0-9A-Za-z])", re.I
)


def is_identity_code(day: str, month: str, year: str, sign: str, individual: str, check: str) -> bool:
    """Whether the parts make a code with a real date and the right check character."""
    try:
        date(CENTURIES[sign.upper()] + int(year), int(month), int(day))
    except ValueError:
        return False
    return CHECK_CHARACTERS[int(day + month + year + individual) % 31] == check.upper()


def find_identity_codes(text: str) -> list[str]:
    """Every valid personal identity code in ``text``."""
    return [m.group(0) for m in CANDIDATE.finditer(text) if is_identity_code(*m.groups())]
