"""Which authority a page describes, from what the page says, in the name's basic form.

Real pages start with skip links, image descriptions and generic headings ("Asiakirjajulkisuuskuvaus"),
so the first line names nothing. The page names its authority elsewhere, and each way it does
is a candidate with a score:

- a statement: "Taivassalon kunta on tiedonhallintalaissa tarkoitettu tiedonhallintayksikkö",
  "Kimitoöns kommun är en informationshanteringsenhet", "tiedonhallintayksikkö eli Gradia" (strongest);
- "Tämä on X:n asiakirjajulkisuuskuvaus" and the title's genitive ("Kuusirannan kunnan tietovarannot");
- a name with a kind of authority in it, in the basic form ("Keski-Suomen hyvinvointialue",
  "Pargas stad") or in the genitive ("Kruunupyyn kunnan asiarekisteri" → "Kruunupyyn kunta"),
  counted over the page;
- the page's e-mail domains, which only support a name the page writes (``taivassalo.fi``).

A candidate is a name only when its last word is a kind of authority or the page states it as the
information management unit; nothing else (a navigation phrase, a sentence) can win. When no
candidate is found, the authority is left empty and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kasko_dcat.importer.pagetext import Line

_BASIC_NOUNS = [
    *re.findall(
        r"\S+",
        "kunta kaupunki hyvinvointialue kuntayhtymä yliopisto korkeakoulu ammattikorkeakoulu virasto keskusvirasto "
        "laitos ministeriö keskus maakunta liitto seurakunta seurakuntayhtymä oikeus lautakunta rahasto "
        "kommun stad välfärdsområde samkommun universitet högskola yrkeshögskola verk myndighet församling "
        "sairaanhoitopiiri förbund institut",
    ),
    "kyrkliga samfällighet",
]
_GENITIVE_NOUNS = {
    "kunnan": "kunta", "kaupungin": "kaupunki", "hyvinvointialueen": "hyvinvointialue", "kuntayhtymän": "kuntayhtymä",
    "yliopiston": "yliopisto", "korkeakoulun": "korkeakoulu", "ammattikorkeakoulun": "ammattikorkeakoulu",
    "viraston": "virasto", "keskusviraston": "keskusvirasto", "laitoksen": "laitos", "ministeriön": "ministeriö",
    "keskuksen": "keskus", "maakunnan": "maakunta", "liiton": "liitto", "seurakunnan": "seurakunta",
    "seurakuntayhtymän": "seurakuntayhtymä", "sairaanhoitopiirin": "sairaanhoitopiiri",
    "kommuns": "kommun", "stads": "stad", "välfärdsområdes": "välfärdsområde", "samkommuns": "samkommun",
    "universitets": "universitet", "högskolas": "högskola", "yrkeshögskolas": "yrkeshögskola",
    "församlings": "församling", "kyrkliga samfällighets": "kyrkliga samfällighet",
}  # fmt: skip
"""A kind of authority in the genitive → its basic form (the last word of a name)."""

_WORD = r"[A-ZÅÄÖa-zåäö][\w-]{0,40}"
_NAME_HEAD = (
    r"(?<![\w-])((?:[A-ZÅÄÖ][\w-]{0,40})"
    r"(?:\s(?:ja\s|och\s)?(?!on\b)(?:[A-ZÅÄÖ][\w-]{0,40}|[a-zåäö][\w-]{0,40}(?<!aa)(?<!ää)(?<!ne)[ns](?![\w-]))){0,3}?)"
)
"""The words of a name before its kind: capitalised, or genitives (``Terveyden ja hyvinvoinnin``)."""
_BASIC = re.compile(
    _NAME_HEAD
    + r"\s((?:(?:ja|och)\s)?[a-zåäö]{0,20}(?:"
    + "|".join(sorted(_BASIC_NOUNS, key=len, reverse=True))
    + r"))\b"
)
"""A name in its basic form: up to four words before a kind of authority (``Terveyden ja hyvinvoinnin laitos``)."""
_STEMS = {
    "kunna": "kunta", "kaupungi": "kaupunki", "hyvinvointialuee": "hyvinvointialue", "kuntayhtymä": "kuntayhtymä",
    "yliopisto": "yliopisto", "korkeakoulu": "korkeakoulu", "virasto": "virasto", "laitokse": "laitos",
    "ministeriö": "ministeriö", "keskukse": "keskus", "maakunna": "maakunta", "liito": "liitto",
    "seurakunna": "seurakunta", "sairaanhoitopiiri": "sairaanhoitopiiri",
}  # fmt: skip
"""The stem a kind of authority takes in the genitive and the local cases → its basic form."""
_ENDINGS = "n|lle|lla|llä|lta|ltä|ssa|ssä|sta|stä"
_GENITIVE = re.compile(
    _NAME_HEAD
    + r"\s((?:(?:ja|och)\s)?(?:[a-zåäö]{0,20}(?:"
    + "|".join(sorted(_STEMS, key=len, reverse=True))
    + r")(?:"
    + _ENDINGS
    + r"))|"
    + "|".join(noun for noun in _GENITIVE_NOUNS if noun.endswith("s"))
    + r")(?![\w-])(?:\s\(([A-ZÅÄÖ]{2,8})\))?"
)
"""A name in the genitive or a local case (``Oulun yliopistolle``, ``Kimitoöns kommuns``), and the
abbreviation the page gives it in brackets (``Terveyden ja hyvinvoinnin laitokselle (THL)``)."""
_STATED = re.compile(
    r"(?:^|[.!?]\s|\bja\s|\boch\s)\s{0,3}(" + _WORD + r"(?:\s" + _WORD + r"){0,5}?)\s(?:on|är)\s(?:\S{1,40}\s){0,3}?"
    r"(?:tiedonhallintayksikkö|informationshanteringsenhet)",
)
"""The page's own statement: ``X on (tiedonhallintalaissa tarkoitettu) tiedonhallintayksikkö``."""
_NAMED = re.compile(
    r"\b(?:tiedonhallintayksikkö|informationshanteringsenhet(?:en)?),?\s(?:eli|dvs\.?)\s"
    r"([A-ZÅÄÖ][\w-]{0,40}(?:\s[A-ZÅÄÖ][\w-]{0,40}){0,4})(?![\w-])"
)
"""The unit named in apposition: ``tiedonhallintayksikkö eli Gradia`` (the name in its basic form, capitalised)."""
_OWN = re.compile(
    r"\b(?:Tämä on|Detta är|Det här är)\s(" + _WORD + r"(?:\s" + _WORD + r"){0,4}?)\s"
    r"(?:asiakirjajulkisuuskuvaus|julkisuuskuvaus|tietovarantojen kuvaus|tiedonhallinnan kuvaus|beskrivning)"
)
_EMAIL_DOMAIN = re.compile(r"@([A-Za-z0-9-]{1,63})\.(?:[A-Za-z0-9-]{1,63}\.){0,4}[A-Za-z]{2,24}\b")
_GENERIC = frozenset(
    re.findall(
        r"\S+",
        "tiedonhallintayksikkö viranomainen kunta kaupunki se tämä hän he me asiakirjajulkisuuskuvaus kuvaus "
        "informationshanteringsenheten myndigheten den det denna kommunen staden vi",
    )
)
"""First words that do not begin a name: ``Kunta on tiedonhallintayksikkö`` names no one in particular."""
_DROP_LEADING = re.compile(r"^(?:Myös|Lisäksi|Även|Också)\s", re.IGNORECASE)
_EVERY = re.compile(r"^(?:jokainen|kukin|kaikki|jokaisen|varje|alla|each|every)\b", re.IGNORECASE)
"""``Jokainen ELY-keskus … on tiedonhallintayksikkö`` speaks of a kind of authority, not of one."""

WEIGHTS = {"stated": 10, "own": 8, "title": 6, "heading": 3, "mention": 1, "email": 2}
"""What each kind of evidence is worth; a name stated as the information management unit wins."""


@dataclass(frozen=True)
class Authority:
    """The authority the page names, the line it is best seen on, and why it was chosen."""

    name: str
    line: int
    reason: str


def _title_case(name: str) -> str:
    """``PÄIJÄT-HÄMEEN HYVINVOINTIALUE`` → ``Päijät-Hämeen hyvinvointialue``: a name shouted by the page's style."""
    if not name.isupper() or len(name.split()) == 1:  # "THL" is an abbreviation, not shouting
        return name
    first, *rest = name.lower().split()
    return " ".join(["-".join(part[:1].upper() + part[1:] for part in first.split("-")), *rest])


def _basic_of_genitive(head: str, noun: str) -> str:
    """The name, last word in the basic form: ``Mikkelin tuomiokirkkoseurakunnalle`` → ``… tuomiokirkkoseurakunta``."""
    joined = re.match(r"^((?:ja|och)\s)(.*)$", noun)
    if joined:  # "Lupa- ja valvontaviraston"
        head, noun = f"{head} {joined.group(1).strip()}", joined.group(2)
    lower = noun.lower()
    if lower in _GENITIVE_NOUNS:
        return f"{head} {_GENITIVE_NOUNS[lower]}"
    for stem in sorted(_STEMS, key=len, reverse=True):
        at = lower.rfind(stem)
        if at >= 0 and re.fullmatch(_ENDINGS, lower[at + len(stem) :]):
            return f"{head} {lower[:at]}{_STEMS[stem]}"
    return f"{head} {lower}"


def _clean(name: str) -> str | None:
    if _EVERY.match(name.strip()):
        return None
    name = _DROP_LEADING.sub("", name.strip())
    first = name.split()[0].lower() if name.split() else ""
    if not name or first in _GENERIC or len(name.split()) > 6:
        return None
    return _title_case(name)


def _candidates(lines: list[Line], title: Line | None, headings: set[int]) -> Iterable[tuple[str, str, int]]:
    """(name, kind of evidence, line number) for every way the page names an authority."""
    for line in lines:
        text = line.text
        kinds = ["heading"] if line.number in headings else []
        for match in _STATED.finditer(text):
            stated = _clean(match.group(1))
            if stated:
                genitive = _GENITIVE.fullmatch(stated)
                yield (_basic_of_genitive(*genitive.groups()[:2]) if genitive else stated), "stated", line.number
        for match in _NAMED.finditer(text):
            named = _clean(match.group(1))
            if named:
                yield named, "stated", line.number
        for match in _OWN.finditer(text):
            genitive = _GENITIVE.fullmatch(match.group(1))
            if genitive:
                yield _basic_of_genitive(*genitive.groups()[:2]), "own", line.number
        for match in _BASIC.finditer(text):
            name = _clean(f"{match.group(1)} {match.group(2)}")
            if name:
                for kind in ["mention", *kinds, *(["title"] if line is title else [])]:
                    yield name, kind, line.number
        for match in _GENITIVE.finditer(text):
            head = _clean(match.group(1))
            if head:
                name = _basic_of_genitive(head, match.group(2))
                if match.group(3):
                    yield f"{name}\0{match.group(3)}", "abbreviation", line.number
                for kind in ["mention", *kinds, *(["title"] if line is title else [])]:
                    yield name, kind, line.number


def find_authority(lines: list[Line], title: Line | None = None, headings: Iterable[int] = ()) -> Authority | None:
    """The authority the page names in the most, and strongest, ways; None when it names none.

    ``lines`` are the page's content lines (navigation already left out), ``title`` its title line,
    ``headings`` the numbers of the lines the page marks as headings.
    """
    scores: dict[str, int] = {}
    where: dict[str, tuple[int, int, str]] = {}
    """Name → (weight, line, kind) of its strongest evidence."""
    found = list(_candidates(lines, title, set(headings)))
    aliases = {abbr.casefold(): name for pair, _, _ in found if "\0" in pair for name, abbr in [pair.split("\0")]}
    for name, kind, number in found:
        if kind == "abbreviation":
            continue
        name = aliases.get(name.casefold(), name)  # "THL on … tiedonhallintayksikkö": the name it abbreviates
        key = _title_case(name).casefold()
        scores[key] = scores.get(key, 0) + WEIGHTS[kind]
        if key not in where or WEIGHTS[kind] > where[key][0]:
            where[key] = (WEIGHTS[kind], number, kind)
        where.setdefault(key + "\0name", (0, 0, _title_case(name)))
    if not scores:
        return None
    domains = {m.group(1).casefold() for line in lines for m in _EMAIL_DOMAIN.finditer(line.text)}
    for key in scores:
        stem = re.sub(r"[^\wåäö]", "", key.split()[0])[:5]
        if len(stem) >= 4 and any(stem in domain.replace("-", "") for domain in domains):
            scores[key] += WEIGHTS["email"]
    best = max(sorted(scores), key=lambda key: scores[key])
    _, number, kind = where[best]
    return Authority(where[best + "\0name"][2], number, f"{kind} (score {scores[best]})")
