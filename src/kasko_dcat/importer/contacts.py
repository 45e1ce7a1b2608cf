"""Contact and request facts wherever the page writes them, with their labels removed.

Real pages give the registry office's e-mail, telephone and addresses under any heading
("Tietopyynnöt", "Tietopalvelu ja tietojen luovutus", "Informationstjänst", "… saat kirjaamosta:")
or none, as labelled lines (``käyntiosoite: …``, ``e-postadress: …``, ``Puhelin: …``) or inside a
sentence ("… sähköisesti kirjaamo@kannus.fi tai kirjallisesti osoitteeseen …, PL 42 69101 Kannus").
This stage reads them from every line that is not navigation or law text, whatever the section;
an address written so that it is not one (``kirjaamo(at)soite.fi``, ``[email protected]``) matches
no pattern and is left as a gap. Each fact keeps its line.

Every pattern is bounded (no unbounded run before a literal), so a line is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kasko_dcat.importer.names import parse_address
from kasko_dcat.importer.pagetext import Line

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}"
)
_PHONE = re.compile(
    r"\b(?:puh(?:elin)?|p|tel(?:efon)?|soita|vaihde|växel)\b\.?:?\s{0,3}(?:numeroon\s)?"
    r"(\+?\(?\d{1,4}\)?(?:[ -]?\d{1,4}){1,5})(?:\s{0,3}\(([^()]{1,60}\d[^()]{0,60})\))?",
    re.IGNORECASE,
)
"""A telephone number after its label (``puh.``, ``Puhelin:``, ``telefon:``, ``soita``), and its hours in brackets."""
_LOCALITY = re.compile(
    r"\b(\d{5})\s{1,3}([A-ZÅÄÖ][\w-]{1,40}(?:\s(?!(?:tai|ja|sekä|eller|och|samt)\b)[A-ZÅÄÖa-zåäö][\w-]{1,40})?)"
)
"""A postal code and the locality after it, one or two words (``20014 Turun yliopisto``)."""
_CUT = re.compile(
    r"(?:osoitteeseen|osoitteessa|osoitteen|osoite|käyntiosoitteeseen|postiosoitteeseen|postitse|kirjallisesti"
    r"|adress(?:en)?|till|per post|tai|eller|ja|och"
    r"|[:;])\s",
    re.IGNORECASE,
)
"""Where the words before an address end: its label or the sentence's joint."""
_ADDRESS_LABEL = re.compile(
    r"^(?:käyntiosoite|postiosoite|osoite|besöksadress|postadress|adress|address|visiting address)\s{0,3}:?\s*$",
    re.IGNORECASE,
)
_OFFICE = re.compile(
    r"\b(kirjaamo|registratur|registraturen|ämbetsverk(?:et)?|[a-zåäö]{0,20}toimisto)\w{0,6}\b", re.IGNORECASE
)
"""The office that receives requests: kirjaamo (in any case form), registratur, ämbetsverket, seurakuntatoimisto."""
_OFFICE_BASIC = {"registraturen": "registratur", "ämbetsverket": "ämbetsverk"}


@dataclass
class Found:
    """One contact fact and the line it is on."""

    value: str
    line: int
    office: str | None = None
    """The office the line (or the lines just above it) names, in its basic form."""
    hours: str | None = None


@dataclass
class Contacts:
    """Every contact fact on the page, in page order."""

    emails: list[Found] = field(default_factory=list)
    phones: list[Found] = field(default_factory=list)
    addresses: list[Found] = field(default_factory=list)


def _office(text: str) -> str | None:
    match = _OFFICE.search(EMAIL.sub(" ", text))  # "kirjaamo.espoo@evl.fi" names an address, not the office
    if match is None:
        return None
    word = match.group(1).lower()
    return _OFFICE_BASIC.get(word, word).capitalize()


def _addresses(text: str) -> list[str]:
    """The addresses written in a line, each cut to its street or box, postal code and locality."""
    found = []
    start = 0
    for match in _LOCALITY.finditer(text):
        begin = max(start, match.start() - 120)
        cuts = [m.end() for m in _CUT.finditer(text, begin, match.start())]
        label = text[cuts[-1] if cuts else begin : match.end()].strip(" ,.")
        if parse_address(label) is not None:
            found.append(label)
        start = match.end()
    return found


def read_contacts(lines: list[Line]) -> Contacts:
    """The contact facts of ``lines`` (navigation and law text already left out)."""
    out = Contacts()
    office: str | None = None
    pending: list[Line] = []
    """The lines under an address label on a line of its own (``Postiosoite:``), until they make one."""
    for line in lines:
        text = line.text
        office = _office(text) or office
        if pending:
            pending.append(line)
            label = ", ".join(item.text for item in pending[1:])
            if parse_address(label) is not None:
                out.addresses.append(Found(label, pending[0].number, office))
                pending = []
            elif len(pending) > 5:
                pending = []
            continue
        if _ADDRESS_LABEL.match(text):
            pending = [line]
            continue
        for email in EMAIL.finditer(text):
            out.emails.append(Found(email.group(0), line.number, office))
        for phone in _PHONE.finditer(text):
            digits = re.sub(r"\D", "", phone.group(1))
            if 6 <= len(digits) <= 15:
                out.phones.append(Found(phone.group(1).strip(), line.number, office, phone.group(2)))
        for address in _addresses(text):
            out.addresses.append(Found(address, line.number, office))
    return out
