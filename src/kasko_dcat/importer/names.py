"""How an imported page writes names and addresses, shared by the page reader, the writer and the diff.

A § 28 page writes one system, register or address in several ways (case, hyphens, a
'city-wide' word, a case form in a worked example). These helpers decide when two writings are
one thing and what a name's basic form is; they know nothing of the page's layout, so the
writer and the diff use them without calling back into the reader.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

POSTAL = re.compile(r"\b(\d{5})\s+([^\n,()]+)")
"""A Finnish postal code and the locality after it: ``99999 Kunta``."""
_BOX = re.compile(r"\b(?:PL|PB|Postilokero|PO Box)\s*\d+\b", re.IGNORECASE)
_CITY_WIDE = re.compile(r"^(kaupunkiyhtei\w+|kuntayhtei\w+|valtakunnalli\w+)\s+", re.IGNORECASE)


class Titled(Protocol):
    """Anything with a title: a register read from the page."""

    title: str


T = TypeVar("T", bound=Titled)


def capitalise(text: str) -> str:
    """First letter upper case, the rest as written."""
    return text[:1].upper() + text[1:]


def basic_form(phrase: str) -> str | None:
    """An illative phrase in its basic form where that is mechanical: ``…yhteiseen …rantoon`` → ``…yhteinen …ranto``."""
    words = phrase.split()
    if not words:
        return None
    match = re.match(r"^(.*?)([aeiouyäö])\2n$", words[-1])
    if not match:
        return None
    head = [re.sub(r"iseen$", "inen", word) for word in words[:-1]]
    return " ".join([*head, match.group(1) + match.group(2)])


def system_key(form: str) -> str:
    """Mentions of one system share this key: case, spaces, hyphens and a 'city-wide' word do not count."""
    return re.sub(r"[\s\-–]", "", _CITY_WIDE.sub("", form).casefold())


def system_title(form: str) -> str:
    """The system's name as written, without a leading 'kaupunkiyhteisiä' (kept in its forms)."""
    stripped = _CITY_WIDE.sub("", form) if len(form.split()) > 1 else form
    return capitalise(stripped)


def match_register(phrase: str, registers: Sequence[T]) -> T | None:
    """The register an example names, if its words are close enough to one (a typo, a case form)."""
    wanted = (basic_form(phrase) or phrase).lower()
    best, score = None, 0.0
    for register in registers:
        ratio = difflib.SequenceMatcher(None, wanted, register.title.lower()).ratio()
        if ratio > score:
            best, score = register, ratio
    return best if score >= 0.8 else None


def parse_address(label: str) -> tuple[str, str, str] | None:
    """(street or PL box, postal code, locality) of an address as written, or None if it is not one."""
    flat = " ".join(label.split())
    box = _BOX.search(flat)
    postal = POSTAL.search(flat, box.end() if box else 0)
    if not postal:
        return None
    if box:
        street = box.group(0)
    else:
        before = re.split(r",|\n", "\n".join(label.split("\n")[:-1]) if "\n" in label else flat[: postal.start()])
        candidates = [re.sub(r"\(.*?\)", "", part).strip() for part in before if re.search(r"\d", part)]
        if not candidates:
            return None
        street = candidates[-1]
    locality = postal.group(2).strip(" .")
    parts = (street, postal.group(1), locality)
    # The source checks that each part is written in the label; anything else is not an address we understood.
    return parts if all(part and part in flat for part in parts) else None
