"""Read an authority's § 28 description page into the parts of the source model.

Pages differ between authorities: headings ("X tietovaranto", "… kuvaus ja rekisterit",
"tietoaineistot", "tietojärjestelmät"), labels ("Tietojärjestelmä:", "Hakutekijät:",
"Esimerkkejä hakutekijöistä:") and lists in prose ("a, b ja c") or as bullets. The reader
therefore recognises sections and labels by the words § 28 pages use, never by one page's exact
sentences, and keeps every Finnish text as the page writes it. Whatever it cannot place is
returned with its line number, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from kasko_dcat.importer.authority import find_authority
from kasko_dcat.importer.contacts import Contacts, read_contacts
from kasko_dcat.importer.kinds import BlockKind, classify_block, is_law_text
from kasko_dcat.importer.names import POSTAL, capitalise, parse_address
from kasko_dcat.importer.pagetext import FURNITURE, Line, PageError, Paragraph
from kasko_dcat.source.fields import is_web_address, normalise_phone

_URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;:]")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}"
)
"""An e-mail address; it starts where a run of address characters starts, so a long run is scanned once."""
_PHONE = re.compile(r"\b(?:puh(?:elin)?|p\.)\.?:?\s*(\+?\d[\d ()-]{4,}\d)(?:\s*\(([^)]*\d[^)]*)\))?", re.IGNORECASE)
_GENITIVE = re.compile(r"^\w[\w-]*(?:en|an|än|in|on|un|yn|ön)$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_LEAD_IN = re.compile(
    r"^.*?\b(?:käytössä (?:ovat|on)|ovat käytössä|on käytössä|käytetään|ylläpidetään|pidetään yllä|"
    r"muodostuu|koostuu|sisältää|kuuluvat|kuuluu|används|består av|omfattar|ingår)\s+"
    r"(?:seuraav\w+\s+(?:\w+\s+)?|följande\s+(?:\w+\s+)?)?",
    re.IGNORECASE,
)
_ALSO = re.compile(
    r"^(?:Lisäksi|Dessutom)\s+(?:(?:käytetään|käytössä\s+(?:ovat|on)|ovat\s+käytössä|används)\s+)?", re.IGNORECASE
)
_FEEDS = re.compile(r"\btuottaa\s+tietoj?a\s+(.+?)\.?$", re.IGNORECASE)
_NAMED_RESOURCE = re.compile(r"^tietovaranto\s*[:–-]\s*[^.:]{2,90}$", re.IGNORECASE)
"""A form-like page names each resource on a line of its own: ``Tietovaranto: Rakennusvalvonta``."""
_REGISTER_LEAD = re.compile(
    r"muodostuu|koostuu|rekister|sisältää|kuuluu|kuuluvat|tietovaranto$|register|omfattar|består|ingår", re.IGNORECASE
)


_RESOURCE_LIST = re.compile(
    r"\b(?:tietovarantoihin|tietovarannot|tietovarantoja)\s+(?:kuuluvat|ovat|on)\s+(?:seuraav\w+\s*:?\s*)?"
    r"|\b(?:informationsresurser(?:na)?)\s+(?:är|omfattar)\s+(?:följande\s*:?\s*)?",
    re.IGNORECASE,
)
"""The lead-in of resources listed in prose: ``Toimialan tietovarantoihin kuuluvat …``."""


_SECTION_28 = re.compile(
    r"tietovarant|järjestelm|hakutekij|tietoryhm|tietopyyn|"
    r"informationsresurs|informationssystem|sökkriteri|begäran om uppgifter|"
    r"informationslager|ärenderegister|"
    r"begäran om (?:information|upplysning)",
    re.IGNORECASE,
)
"""Words of the § 28 items: a page with them is imported for what it has, never refused. The name of
the description or of the unit (*asiakirjajulkisuuskuvaus*, *tiedonhallintayksikkö*) is no such
word: a page that only names them ("Voit ladata julkisuuskuvauksen alta") describes no resource."""
_STATED = re.compile(r"järjestelm|hakutekij|hakuehd|tietoryhm|informationssystem|datasystem|sökkriteri", re.IGNORECASE)
"""A sentence that states a resource's systems, search keys or data groups."""
_SYSTEM_PHRASE = re.compile(
    r"(?:(?<![\w-])(?:[a-zåäö][\w-]{2,}(?<!aa)(?<!ää)n) +)?"  # a genitive before it: "varhaiskasvatuksen"
    r"(?<![\w-])[\w-]{0,60}?(?:järjestelm|system)\w{0,20}"  # from a word's start: a long word is scanned once
    r"(?:\s+(?!Och\b|Ja\b)[A-ZÅÄÖ][\w-]*)?"  # its name after it: "… Aurora"
)
"""A system named in a sentence: ``katuverkkojärjestelmässä Katve``."""
_KEY_LEAD_IN = re.compile(
    r"^.*?\b(?:hakutekij|hakuehd|sökkriteri|sökbegrepp)\w*\s*:?\s+"
    r"(?:(?:[\w-]+\s+){0,2}?"  # "Hakutekijöinä tietovarannossa toimivat …"
    r"(?:toimivat|toimii|ovat|on|käytetään|voidaan\s+käyttää|voi\s+käyttää|kelpaavat|är|används|kan\s+användas)\s*:?\s+)?"
    r"(?:(?:esimerkiksi|esim\.|mm\.|muun\s+muassa|kuten|till\s+exempel|t\.\s?ex\.|bland\s+annat|exempelvis)\s*:?\s+)?",
    re.IGNORECASE,
)
_DATA_GROUP_ITEM = re.compile(
    r"\b(?:material\w{0,4}|\w{0,30}aineisto\w{0,3}|\w{0,30}tietoryhm\w{0,4})\b", re.IGNORECASE
)
"""A list item naming a group of data (*material*, *tietoaineisto*), not a register."""
_KEYS_NAMED = re.compile(r"\b(?:hakuperust|hakutekij|hakuehd|sökkriteri|sökbegrepp)", re.IGNORECASE)
"""A text that speaks of search keys: the list under it, or the rest of it, names them."""
_DATA_GROUPS = re.compile(r"^(?:[\w-]+\s+){0,3}(?:tietoryhm|datagrupp|uppgiftsgrupp)\w*\b", re.IGNORECASE)
"""A sentence naming a resource's data groups: ``Tietoryhmiä ovat …``, ``Tietovarannon tietoryhmät ovat …``."""
"""What leads a list of search keys in: ``Tietopyynnöissä voidaan käyttää hakutekijöinä esimerkiksi``."""
_REGISTER_SENTENCE = re.compile(
    r"^(?:[\w-]+\s+){0,4}?(?:tietovarantoon|tietovarannon rekistereihin|informationsresursen)\s+"
    r"(?:kuuluvat|kuuluu|ingår|omfattar)\s+(?:seuraav\w+\s+rekisterit\s*|följande\s+register\s*)?(?=[^:]+$)",
    re.IGNORECASE,
)
"""A sentence listing a resource's registers without a colon: ``Tietovarantoon kuuluu kiinteistörekisteri.``"""


_SWEDISH_WORDS = frozenset(
    [
        "och",
        "är",
        "av",
        "för",
        "som",
        "med",
        "till",
        "om",
        "på",
        "inte",
        "eller",
        "samt",
        "finns",
        "den",
        "det",
        "de",
        "ett",
        "en",
    ]
)
_FINNISH_WORDS = frozenset(
    ["ja", "on", "ovat", "tai", "sekä", "ei", "ole", "kuuluu", "kuuluvat", "tiedot", "tietovaranto", "se", "ne"]
)


def _system_basic(word: str) -> str:
    """A system's name in its basic form: ``asianhallintajärjestelmään`` → ``asianhallintajärjestelmä``."""
    return re.sub(r"(järjestelm)\w*$", r"\1ä", word) if re.search(r"järjestelm\w+$", word) else word


def key_list(text: str) -> list[str]:
    """Search keys in a sentence, its lead-in (``Hakutekijöinä toimivat esimerkiksi``) left out."""
    return split_list(_KEY_LEAD_IN.sub("", text, count=1))


_TITLE_TAIL = re.compile(
    r"\s+(?:tietovara\w*|tiedonhallin\w*|asiakirjajulkisuu\w*|julkisuuskuvau\w*|kuvaus\b|informationsresurs\w*|"
    r"informationshanter\w*|beskrivning\b|dokumentoffentlighet\w*).*$",
    re.IGNORECASE,
)
"""What follows the authority's genitive in a page title: ``Kuusirannan kunnan| tietovarannot``."""
_OWN_GENITIVE = re.compile(
    r"\b(?:Tämä on|Detta är|Det här är) +([A-ZÅÄÖ][\w:-]*(?: +[\w:-]+){0,4}?) +"
    r"(?:asiakirjajulkisuuskuvaus|julkisuuskuvaus|tietovarantojen kuvaus|tiedonhallinnan kuvaus|beskrivning av)"
)
"""The page naming its authority: ``Tämä on Vesistöviraston asiakirjajulkisuuskuvaus``."""


_AUTHORITY_NOUNS = {
    "kunnan": "kunta", "kaupungin": "kaupunki", "hyvinvointialueen": "hyvinvointialue", "kuntayhtymän": "kuntayhtymä",
    "yliopiston": "yliopisto", "korkeakoulun": "korkeakoulu", "ammattikorkeakoulun": "ammattikorkeakoulu",
    "viraston": "virasto", "keskusviraston": "keskusvirasto", "laitoksen": "laitos", "ministeriön": "ministeriö",
    "keskuksen": "keskus", "maakunnan": "maakunta", "liiton": "liitto", "seurakunnan": "seurakunta",
    "kommuns": "kommun", "stads": "stad", "välfärdsområdes": "välfärdsområde", "samkommuns": "samkommun",
    "universitets": "universitet", "högskolas": "högskola", "verks": "verk", "myndighets": "myndighet",
}  # fmt: skip
"""The kinds of authority in their genitive and basic forms: ``Kuusirannan kunnan`` → ``Kuusirannan kunta``."""


def _authority_noun(genitive: str) -> str | None:
    """An authority's name in its basic form when its last word is a kind of authority (``kunnan``)."""
    *words, last = genitive.split()
    for form, basic in _AUTHORITY_NOUNS.items():
        if last.lower().endswith(form) and (words or len(last) > len(form)):
            return " ".join([*words, last[: len(last) - len(form)] + basic])
    return None


def _address_phrase(text: str) -> str:
    """The address in a sentence: ``… postitse osoitteeseen Kunnantalo, Rantatie 4, 99100 Kuusiranta``."""
    postal = POSTAL.search(text)
    if postal is None:
        return text
    before = text[: postal.start()]
    cut = max(
        (m.end() for m in re.finditer(r"(?:osoitteeseen|osoitteessa|osoite|adress(?:en)?|till)\s+|:\s+", before)),
        default=0,
    )
    return text[cut : postal.end()].strip(" .")


def _bare_name(text: str) -> str:
    """A resource's name without the word for it: ``Luvat ja valvonta -tietovaranto`` → ``luvat ja valvonta``."""
    bare = re.sub(r"[\s-]*(?:tietovarant\w*|informationsresurs\w*)$", "", text.casefold().strip(" .:"))
    return re.sub(r"^(?:tietovaranto|informationsresurs)\s*[:–-]\s*", "", bare).strip()


class Kind(Enum):
    """What a heading or label introduces."""

    RESOURCE = "resource"
    RESOURCES = "resources"
    """A heading over the list of resources: ``Kunnan tietovarannot``."""
    DESCRIPTION = "description"
    CONTENTS = "contents"
    SYSTEMS = "systems"
    PRIVACY = "privacy"
    KEYS = "keys"
    INTERFACE = "interface"
    REQUEST = "request"
    EXAMPLES = "examples"
    OTHER = "other"


@dataclass
class ImportedRegister:
    """A register named on the page."""

    title: str
    line: int
    forms: list[str] = field(default_factory=list)
    """Other ways the page writes it (e.g. inflected, in a request example)."""


@dataclass
class ImportedResource:
    """An information resource and what the page says about it."""

    title: str
    line: int
    description: list[str] = field(default_factory=list)
    data_contents: list[str] = field(default_factory=list)
    data_groups: list[str] = field(default_factory=list)
    """Groups of the data contents listed one an item (``• Personalförvaltningens material``)."""
    registers: list[ImportedRegister] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)
    supporting_systems: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    privacy_notices: list[str] = field(default_factory=list)
    technical_interface: bool | None = None
    forms: list[str] = field(default_factory=list)
    """Other names the page gives it: a heading that writes it without the word (``Kaavoitus``)."""
    system_forms: dict[str, list[str]] = field(default_factory=dict)
    """A system's basic form → how sentences write it (``asianhallintajärjestelmään``)."""

    @property
    def stem(self) -> str:
        """The title as it appears in any case form: ``perusopetuksen tietovaran`` matches …tietovarannon."""
        named = re.match(r"^tietovaranto\s*[:–-]\s*(.+)$", self.title.lower())
        if named:  # "Tietovaranto: Kirjastopalvelut" is written "kirjastopalveluiden tietovaranto" elsewhere
            name = named.group(1)
            return name[:-3] if len(name.split()[-1]) > 6 else name
        return re.sub(r"tietovaranto\b", "tietovaran", self.title.lower())


@dataclass
class ImportedChannel:
    """A way to send an information request."""

    kind: str
    title: str
    line: int
    description: str | None = None
    url: str | None = None
    email: str | None = None
    address: str | None = None

    @property
    def key(self) -> str:
        """Two mentions of one channel share this: its web address, postal address or e-mail."""
        return self.url or " ".join((self.address or "").split()) or self.email or self.title


@dataclass
class ImportedExample:
    """A worked request example."""

    title: str
    line: int
    resource: ImportedResource
    register: str | None
    system: str | None
    search_keys: list[str]
    channels: list[ImportedChannel]


@dataclass
class Contact:
    """The authority's contact details for requests."""

    email: str | None = None
    phone: str | None = None
    phone_hours: str | None = None
    postal_address: str | None = None
    more_information: str | None = None
    site_name: str | None = None
    site_address: str | None = None


@dataclass
class ImportedPage:
    """Everything read from one page."""

    title: str
    description: list[str]
    organisation: str
    organisation_checked: bool
    """False when the organisation's basic form was not found on the page and the title's form is used."""
    organisation_line: int
    """The page line that names the authority best; 0 for the title (or where the page names none)."""
    abbreviation: str | None
    resources: list[ImportedResource]
    channels: list[ImportedChannel]
    contact: Contact
    request_heading: str | None
    procedure: list[str]
    examples: list[ImportedExample]
    unplaced: list[Line]
    whole_page: bool = False
    """The page named no resource: its facts are in one resource named after the page."""
    language: str = "fi"
    """The language the page is written in, ``fi`` or ``sv``: its texts go there, the others are to translate."""
    lines: list[Line] = field(default_factory=list)
    """Every content line of the page (furniture left out), to check that none is dropped."""


def _urls(text: str) -> list[str]:
    """The web addresses in ``text`` that the source accepts; a mangled one is left in the text."""
    return [url for url in _URL.findall(text) if is_web_address(url)]


def _line_urls(line: Line) -> list[str]:
    """The web addresses a line writes out, then those its links point to."""
    written = _urls(line.text)
    return written + [link for link in line.links if is_web_address(link) and link not in written]


def split_label(text: str) -> tuple[str, str, str]:
    """``Label: value`` → (label, ":", value), like ``str.partition``, but never at the colon of ``https://``."""
    match = re.search(r":(?!//)", text)
    if match is None:
        return text, "", ""
    return text[: match.start()], ":", text[match.end() :]


def classify(text: str) -> Kind:
    """What a heading or label introduces, from the words § 28 pages use for it."""
    t = text.lower().strip(" :")
    last = t.split()[-1] if t.split() else ""
    if re.search(r"esimerk|exempel", t) and (
        re.match(r"^(?:esimerk|exempel)", t) or re.search(r"tietopyyn|hakutekij|pyynnö|begäran|sökkriteri", t)
    ):
        return Kind.EXAMPLES
    if re.search(
        r"tietopyyn|asiakirjapyyn|tietojen pyytä|tiedon pyytä|yhteystied|"
        r"begäran om|begära ut|informationsbegär|dokumentbegär|kontaktuppgift|"
        r"tietopalvelu|tietojen luovutu|informationstjänst|utlämnande av uppgifter",
        t,
    ):
        return Kind.REQUEST
    if re.search(r"(?:tietovaranto|informationsresurs|informationsresursen|informationslagret)$", last) or re.match(
        r"^(?:tietovaranto|informationsresurs|informationslager)\s*[:–-]", t
    ):
        return Kind.RESOURCE
    if (
        re.search(
            r"\b(?:\w*tietovarannot|\w*tietovarantojen|informationsresurser(?:na)?|informationslag(?:er|ren))\b", t
        )
        and len(t.split()) <= 6
    ):
        return Kind.RESOURCES  # "Kunnan tietovarannot", "Tietovarannot ja tietojärjestelmät"
    if re.search(r"hakutekij|hakuehd|sökkriteri|sökbegrepp|sökord", t):
        return Kind.KEYS
    if re.search(r"järjestelm|system", t):
        return Kind.SYSTEMS
    if re.search(
        r"tietoaineisto|tietosisäl|tietoryhm|sisältämät tiedot|informationsinnehåll|datagrupp|uppgiftsgrupp", t
    ):
        return Kind.CONTENTS
    if re.search(r"tietosuojaselost|dataskyddsbeskrivning|dataskyddsmeddeland|dataskyddsredogör", t):
        return Kind.PRIVACY
    if re.search(r"rajapin|gränssnitt", t):
        return Kind.INTERFACE
    if re.search(r"kuvaus|rekisteri|beskrivning|register", t):
        return Kind.DESCRIPTION
    return Kind.OTHER


def _is_heading(paragraph: Paragraph) -> bool:
    if paragraph.heading:
        return True
    if len(paragraph.lines) != 1 or paragraph.lines[0].bullet:
        return False
    text = paragraph.lines[0].text
    plain = len(text) <= 150 and not re.search(r"[.!?,;:]$", text) and text[:1].isupper() and ": " not in text
    plain = plain and not _EMAIL.search(text) and not _URL.search(text)  # an address is content
    plain = plain and parse_address(text) is None
    return plain or bool(_NAMED_RESOURCE.match(text))


def _leading_heading(paragraph: Paragraph, section: Kind) -> list[Paragraph] | None:
    """A heading written on the first line of a paragraph (``Tietojärjestelmät:`` over a list) split off it."""
    first = paragraph.lines[0]
    bare = first.text.rstrip(":").strip()
    if paragraph.heading or first.bullet or (len(paragraph.lines) == 1 and not first.text.endswith(":")):
        return None
    named = bool(_NAMED_RESOURCE.match(first.text))
    if len(bare) > 100 or re.search(r"[.!?,;]$", bare) or (": " in bare and not named) or not bare[:1].isupper():
        return None
    kind = classify(bare)
    inner = {Kind.CONTENTS, Kind.SYSTEMS, Kind.PRIVACY, Kind.KEYS, Kind.INTERFACE, Kind.DESCRIPTION}
    if first.text.endswith(":"):
        allowed = set() if section in {Kind.REQUEST, Kind.EXAMPLES} else inner
    elif section in {Kind.REQUEST, Kind.EXAMPLES}:
        allowed = {Kind.RESOURCE, Kind.RESOURCES, Kind.REQUEST, Kind.EXAMPLES}
    else:
        allowed = {*inner, Kind.RESOURCE, Kind.RESOURCES, Kind.REQUEST, Kind.EXAMPLES}
    if kind not in allowed:
        return None
    rest = [Paragraph(paragraph.lines[1:])] if len(paragraph.lines) > 1 else []
    names = kind is Kind.SYSTEMS or (kind is Kind.DESCRIPTION and re.search(r"rekister|register", bare, re.IGNORECASE))
    if names and all(len(line.text) <= 80 and not re.search(r"[.:!?]$", line.text) for line in paragraph.lines[1:]):
        for line in paragraph.lines[1:]:  # "Tietojärjestelmät" over one name a line: a list without its bullets
            line.bullet = True
    return [Paragraph([first], heading=True), *rest]


def _label_groups(paragraph: Paragraph) -> list[Paragraph]:
    """The paragraph cut before each line that starts with a label (``Tietojärjestelmät:``, ``Kuvaus:``)."""
    groups: list[Paragraph] = []
    for line in paragraph.lines:
        label = re.match(r"^([^:]{3,45}):", line.text)
        starts = not line.bullet and label is not None and classify(label.group(1)) is not Kind.OTHER
        if starts or not groups:
            groups.append(Paragraph([]))
        groups[-1].lines.append(line)
    return groups


def _label(line: Line) -> tuple[Kind, str] | None:
    """A line like ``Tietojärjestelmät: a, b`` → (SYSTEMS, "a, b"); labels are short."""
    match = re.match(r"^([^:]{3,45}):\s*(.*)$", line.text)
    if not match or _URL.match(line.text):
        return None
    kind = classify(match.group(1))
    if kind in {Kind.OTHER, Kind.RESOURCE, Kind.REQUEST, Kind.EXAMPLES, Kind.DESCRIPTION}:
        return None
    return kind, match.group(2).strip()


def sentences(text: str) -> list[str]:
    """Split prose into sentences; ``Mm. työntekijöiden`` (lowercase next) stays one."""
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def split_list(text: str) -> list[str]:
    """Items of a Finnish list in prose: ``a, b, c ja d`` → [a, b, c, d].

    ``talous- ja suunnittelu…`` is one item (a hyphen joins the two words), and
    ``lukujärjestysten ja resurssien hallintajärjestelmä`` too (two genitives share one head).
    A run of items that are only genitives takes the head word of the item that ends it:
    ``hallintopalveluiden, …, viestintäpalveluiden tietoaineistot`` → ``hallintopalveluiden
    tietoaineistot``, ….
    """
    items = [i.strip() for i in re.split(r",\s+|;\s+", text.strip().rstrip(".;:")) if i.strip()]
    split: list[str] = []
    for index, item in enumerate(items):
        previous_headless = bool(split) and _headless(split[-1])
        split.extend(_split_conjunction(item, index == len(items) - 1, previous_headless))
    out: list[str] = []
    pending: list[str] = []
    for item in split:
        if _headless(item):
            pending.append(item)
            continue
        head = item.split()[-1] if len(item.split()) > 1 else None
        out.extend(f"{p} {head}" if head else p for p in pending)
        pending = []
        out.append(item)
    out.extend(pending)
    return [re.sub(r"^(?:ja|sekä|tai|och|samt|eller)\s+", "", item).strip() for item in out if item.strip()]


def _headless(item: str) -> bool:
    words = item.split()
    if len(words) == 1:
        return bool(_GENITIVE.match(words[0])) and len(words[0]) > 5
    return len(words) == 3 and words[0].endswith("-") and words[1] == "ja" and bool(_GENITIVE.match(words[2]))


def _split_conjunction(item: str, last: bool, previous_headless: bool) -> list[str]:
    both = re.search(r" (?:sekä|samt) (?!.* (?:sekä|samt) )", item)
    if last and both:
        left, right = item[: both.start()], item[both.end() :]
        return [*_split_conjunction(left, True, previous_headless), right]
    for match in reversed(list(re.finditer(r" (?:ja|tai|och|eller) ", item))):
        left, right = item[: match.start()], item[match.end() :]
        if left.endswith("-") or ("(" in left and ")" not in left):
            continue
        single_genitive = len(left.split()) == 1 and bool(_GENITIVE.match(left))
        if single_genitive and previous_headless:
            return [left, right]
        if last and not single_genitive:
            return [left, right]
        return [item]
    return [item]


class _Reader:
    """Walks the page's paragraphs once, section by section, collecting what it recognises."""

    def __init__(
        self,
        paragraphs: list[Paragraph],
        named: set[int] | None = None,
        whole: bool = False,
        described: set[int] | None = None,
        every: list[Line] | None = None,
    ) -> None:
        self.paragraphs = paragraphs
        self.every = every or []
        """Every line of the page, law text included: where the page names its authority."""
        self.authority_line = 0
        """The page line that names the authority best (0: the title, or none)."""
        self.described = described or set()
        """Short lines over a section that states systems, keys or data groups: resources (a plain-text page)."""
        self.whole = whole
        """The page names no resource but states § 28 facts: the page as a whole is one resource."""
        self.named = named or set()
        """Headings (by id) that name a resource although they do not say 'tietovaranto'."""
        self.unplaced: list[Line] = []
        self.resources: list[ImportedResource] = []
        self.channels: dict[str, ImportedChannel] = {}
        self.contact = Contact()
        self.request_heading: str | None = None
        self.procedure: list[str] = []
        self.examples: list[ImportedExample] = []
        self.interface_all: bool | None = None
        self.overview: list[Paragraph] = []
        """Paragraphs listing the resources after the first resource's section: part of the catalogue's description."""
        self.heading = ""
        """The text of the latest heading, for sections that need to name themselves."""
        self.privacy_next = False
        """The paragraph before ended "…tietosuojaselosteet:", so a list that follows lists them."""

    # --- the walk -------------------------------------------------------------------------------
    def read(self) -> ImportedPage:
        if not self.paragraphs:
            raise PageError("import-empty")
        # The page's h1 is its title; what comes before it (a site header) is not the description.
        start = next((i for i, p in enumerate(self.paragraphs) if p.level == 1), 0)
        for before in self.paragraphs[:start]:
            self.unplaced.extend(before.lines)
        title_paragraph = self.paragraphs[start]
        title = title_paragraph.lines[0].text
        self.unplaced.extend(title_paragraph.lines[1:])
        preamble: list[Paragraph] = []
        section: Kind = Kind.OTHER
        resource: ImportedResource | None = None
        example_paragraphs: list[Paragraph] = []
        group: Line | None = None
        """A heading over resources (``Kunnan tietovarannot``), and how many resources there were before it."""
        group_size = group_level = 0
        under_heading: set[int] = set()
        started = False
        if self.whole:
            resource = self._resource(title, title_paragraph.lines[0].number)
            section, started = Kind.DESCRIPTION, True
        examples_level = resource_level = 0
        queue = list(self.paragraphs[start + 1 :])
        while queue:
            paragraph = queue.pop(0)
            privacy_list, self.privacy_next = self.privacy_next, False
            split = _leading_heading(paragraph, section) if id(paragraph) not in under_heading else None
            if split is not None:
                paragraph = split[0]
                queue[:0] = split[1:]
                # The lines under "Rekisterit" are its list, one name a line: none of them is a heading again.
                under_heading.update(id(rest) for rest in split[1:])
            kind = classify(paragraph.lines[0].text) if _is_heading(paragraph) else None
            declared = self._declared(paragraph.lines[0].text) if kind in {Kind.OTHER, Kind.DESCRIPTION} else None
            if declared is not None and section is not Kind.EXAMPLES:
                # "Kaavoitus" under "… tietovarantoihin kuuluvat kaavoitustietovaranto, …": that resource's section.
                resource, section, started, resource_level = declared, Kind.DESCRIPTION, True, paragraph.level
                resource.forms.append(paragraph.lines[0].text)
                continue
            kind = Kind.RESOURCE if id(paragraph) in self.named | self.described else kind
            in_example = section is Kind.EXAMPLES and not paragraph.heading
            named_field = _NAMED_RESOURCE.match(paragraph.lines[0].text) and in_example
            if kind is Kind.RESOURCE and (
                named_field or (section is Kind.EXAMPLES and self._names_resource(paragraph.lines[0].text))
            ):
                kind = None  # "Tietovaranto: X" inside a worked example names the example's resource
            if kind is Kind.OTHER and not paragraph.heading and not self.named:
                kind = None  # a short line of plain text: content unless the page marks it as a heading
            if kind is section and kind is Kind.REQUEST and not paragraph.heading:
                kind = None  # "Tietopyynnöt osoitetaan kirjaamoon" under "Tietopyynnöt" is what to do
            in_examples = section is Kind.EXAMPLES and kind not in {None, Kind.RESOURCE, Kind.EXAMPLES}
            short_request = kind is Kind.REQUEST and not paragraph.level and len(paragraph.lines[0].text.split()) <= 4
            if in_examples and not 0 < paragraph.level <= examples_level and not short_request:
                kind = None  # a worked example's own title ("Tietopyyntö asiakirjaan …"), not a new section
            if paragraph.heading and 0 < paragraph.level <= group_level and kind is not Kind.RESOURCES:
                group_level = 0  # a heading as high as "Tietovarannot" ends the list of resources under it
            if kind in {Kind.OTHER, Kind.DESCRIPTION} and group_level and paragraph.level == group_level + 1:
                kind = Kind.RESOURCE  # "Asianhallinta" as an h3 under the h2 "Tietovarannot"
            if kind in {Kind.OTHER, Kind.DESCRIPTION} and 0 < paragraph.level <= resource_level:
                # A heading as high as the resources' own that is not about one ends them ("Asiarekisteri",
                # "Arkistointi"); "… tietovarannon kuvaus ja rekisterit" on a flat page is still the resource's.
                text = paragraph.lines[0].text
                if "kuvaus" not in text.lower() and self._match_resource(text) is None:
                    kind = Kind.OTHER
            if kind is Kind.RESOURCE:
                resource_level = paragraph.level
                resource = self._resource(paragraph.lines[0].text, paragraph.lines[0].number)
                section, started = Kind.DESCRIPTION, True
                continue
            if kind is Kind.RESOURCES and section not in {Kind.REQUEST, Kind.EXAMPLES}:
                section, started, resource = Kind.RESOURCES, True, None
                group_level = paragraph.level
                # Only a named group ("Venesatamien tietovarannot") may turn out to be one resource.
                group = paragraph.lines[0] if len(paragraph.lines[0].text.split()) > 1 else None
                group_size = len(self.resources)
                continue
            if section not in {Kind.REQUEST, Kind.EXAMPLES} and self._resource_items(paragraph):
                started, resource, section = True, None, Kind.RESOURCES
                continue
            if kind in {Kind.REQUEST, Kind.EXAMPLES}:
                section, started, resource = kind, True, None
                examples_level = paragraph.level if kind is Kind.EXAMPLES else examples_level
                if kind is Kind.REQUEST and self.request_heading is None:
                    self.request_heading = paragraph.lines[0].text
                continue
            if kind is not None:
                self.heading = paragraph.lines[0].text.rstrip(":")
            if kind is not None and started:
                section = kind
                resource = self._match_resource(paragraph.lines[0].text) or resource
                if kind is Kind.OTHER:
                    resource = None
                    self.unplaced.extend(paragraph.lines)
                continue
            facts = any(_label(line) for line in paragraph.lines) or all(line.bullet for line in paragraph.lines)
            if section is Kind.RESOURCES and resource is None and group and group_size == len(self.resources) and facts:
                # "Rakennusvalvonnan tietovarannot" over registers and systems, not over resources: one resource.
                resource, section = self._resource(group.text, group.number), Kind.DESCRIPTION
                self._resource_paragraph(resource, section, paragraph)
                continue
            if not started or (section is Kind.RESOURCES and resource is None):
                listed = self._resource_list(paragraph)
                if started and not listed and self._interface(paragraph.text, None, paragraph.lines[0].number):
                    continue  # under "Kunnan tietovarannot": the answer for all of them
                started = started or listed
                preamble.append(paragraph)
            elif section is Kind.REQUEST:
                self._request(paragraph)
            elif section is Kind.EXAMPLES:
                example_paragraphs.append(paragraph)
            elif resource is None or section is Kind.OTHER:
                self.unplaced.extend(paragraph.lines)
            elif privacy_list and all(line.bullet for line in paragraph.lines):
                self._privacy(resource, paragraph)  # the list under "…seuraavat tietosuojaselosteet:"
            else:
                self._resource_paragraph(resource, section, paragraph)
        if not self.resources:
            raise PageError("import-no-resources")
        self._examples(example_paragraphs)
        description = []
        for paragraph in [*preamble, *self.overview]:
            description.append("\n".join(line.text for line in paragraph.lines))
            self._interface(paragraph.text, None, paragraph.lines[0].number)
        if self.interface_all is not None:
            for item in self.resources:
                item.technical_interface = (
                    item.technical_interface if item.technical_interface is not None else self.interface_all
                )
        organisation, checked = self._organisation(title)
        abbreviation = re.search(
            re.escape(organisation.rstrip("n")) + r"\w*\s*\(([^()]{2,15})\)", " ".join(description)
        )
        return ImportedPage(
            title=title,
            description=description,
            organisation=organisation,
            organisation_checked=checked,
            organisation_line=self.authority_line,
            abbreviation=abbreviation.group(1) if abbreviation else None,
            resources=self.resources,
            channels=list(self.channels.values()),
            contact=self.contact,
            request_heading=self.request_heading,
            procedure=self.procedure,
            examples=self.examples,
            unplaced=sorted(self.unplaced, key=lambda line: line.number),
        )

    def _organisation(self, title: str) -> tuple[str, bool]:
        """The authority's name in its basic form, from the page's own words, never from its furniture.

        The title's genitive ("Kuusirannan kunnan tietovarannot") when the page also writes the name in
        its basic form; else the page's sentence naming itself ("Tämä on X:n asiakirjajulkisuuskuvaus",
        "X on tiedonhallintayksikkö", "Detta är X:s beskrivning …", "X är informationshanteringsenhet").
        """
        lines = self.every or [line for paragraph in self.paragraphs for line in paragraph.lines]
        lines = [line for line in lines if not line.furniture]
        headings = [paragraph.lines[0].number for paragraph in self.paragraphs if _is_heading(paragraph)]
        found = find_authority(lines, self.paragraphs[0].lines[0], headings)
        if found is not None and found.reason.startswith("stated"):  # "X on … tiedonhallintayksikkö"
            self.authority_line = found.line
            return found.name, True
        text = "\n".join(line.text for paragraph in self.paragraphs for line in paragraph.lines)
        genitive = _TITLE_TAIL.sub("", title).strip()
        genitive = genitive if genitive != title else ""
        basic = (self._basic_form_of(genitive, text) or _authority_noun(genitive)) if genitive else None
        if basic and basic.isupper() and found is not None:  # "PÄIJÄT-HÄMEEN HYVINVOINTIALUEEN …": a style
            self.authority_line = found.line
            return found.name, True
        if basic:
            return basic, True
        own = _OWN_GENITIVE.search(text)
        if own:
            named = own.group(1)
            if re.search(r":(?:n|s)$", named):  # "HKL:n" is the abbreviation's genitive
                return named[:-2], True
            basic = self._basic_form_of(named, text) or _authority_noun(named)
            if basic:
                return basic, True
        if found is not None:
            self.authority_line = found.line
            return found.name, True
        # Nothing on the page names an authority: left empty and reported, never the title or a menu word.
        return "", False

    @staticmethod
    def _basic_form_of(genitive: str, text: str) -> str | None:
        """The same words with the last one in another case form: "kunnan" → "kunta", "kommuns" → "kommun"."""
        *words, last = genitive.split()
        prefix = "".join(re.escape(word) + r"\s+" for word in words) + re.escape(last[: max(3, len(last) - 4)])
        forms = {m.group(0) for m in re.finditer(r"(?<!\w)" + prefix + r"\w*", text, re.IGNORECASE)}
        swedish = last.endswith("s") and not last.endswith("n")
        basic = sorted(
            form
            for form in forms
            if form.split()[-1] != last and (form.split()[-1] + "s" == last if swedish else not form.endswith("n"))
        )
        return capitalise(min(basic, key=len)) if basic else None

    def _match_resource(self, text: str) -> ImportedResource | None:
        lowered = text.lower()
        found = [r for r in self.resources if r.stem in lowered]
        return max(found, key=lambda r: len(r.stem)) if found else None

    def _resource(self, title: str, number: int) -> ImportedResource:
        """The resource ``title`` names: one the page listed before, or a new one."""
        for resource in self.resources:
            if resource.title.casefold() == title.casefold():
                return resource
        resource = ImportedResource(title, number)
        self.resources.append(resource)
        return resource

    def _names_resource(self, text: str) -> bool:
        """Whether a line names a resource the page described before (in a worked example)."""
        bare = _bare_name(text)
        return any(_bare_name(resource.title) == bare for resource in self.resources) or bool(
            self._match_resource(text)
        )

    def _declared(self, heading: str) -> ImportedResource | None:
        """A resource listed earlier whose name a heading writes without 'tietovaranto' (``Kaavoitus``)."""
        wanted = _bare_name(heading)
        if not wanted:
            return None
        for resource in self.resources:
            name = _bare_name(resource.title)
            if name and (
                name.startswith(wanted[: max(5, len(wanted) - 4)]) or wanted.startswith(name[: max(5, len(name) - 4)])
            ):
                return resource
        return None

    def _resource_items(self, paragraph: Paragraph) -> bool:
        """A list whose items are resources, perhaps with facts: ``• X tietovaranto: …. Tietojärjestelmät: a, b``."""
        items = [line for line in paragraph.lines if line.bullet]
        if not items or (len(items) != len(paragraph.lines) and not paragraph.lines[0].text.endswith(":")):
            return False
        if not all(classify(split_label(line.text)[0]) is Kind.RESOURCE for line in items):
            return False
        for line in items:
            title, colon, rest = split_label(line.text)
            resource = self._resource(title.strip().rstrip("."), line.number)
            for sentence in sentences(rest.strip()) if colon else []:
                self._resource_sentence(resource, Line(line.number, sentence))
        return True

    def _resource_list(self, paragraph: Paragraph) -> bool:
        """Resources named in prose: ``Toimialan tietovarantoihin kuuluvat a, b sekä c -tietovaranto``."""
        found = False
        for sentence in sentences(paragraph.text):
            match = _RESOURCE_LIST.search(sentence)
            if not match:
                continue
            items = [capitalise(item) for item in split_list(sentence[match.end() :])]
            if items and all(classify(item) is Kind.RESOURCE or "tietovarant" in item.lower() for item in items):
                for item in items:
                    named = self._declared(item)
                    if named is not None and named.title.casefold() != item.casefold():
                        # Described under "Kaavoitus" before the page lists it as "kaavoitustietovaranto".
                        named.forms.append(named.title)
                        named.title = item
                    elif named is None:
                        self._resource(item, paragraph.lines[0].number)
                found = True
        return found

    def _resource_sentence(self, resource: ImportedResource, line: Line) -> None:
        """One sentence of a resource's list item: a labelled list of its facts, or its description."""
        label = _label(line)
        if label is not None:
            kind, rest = label
            self._labelled(resource, kind, Paragraph([line]), [rest], True)
        elif not self._interface(line.text, resource, line.number):
            self._description(resource, Paragraph([line]))

    # --- resources ------------------------------------------------------------------------------
    def _resource_paragraph(self, resource: ImportedResource, section: Kind, paragraph: Paragraph) -> None:
        if _RESOURCE_LIST.search(paragraph.text) and self._resource_list(paragraph):
            self.overview.append(paragraph)  # the page's list of its resources, wherever it stands: the catalogue's
            return
        groups = _label_groups(paragraph)
        if len(groups) > 1:  # a form: "Kuvaus: …", "Rekisterit: …", "Tietojärjestelmät: …" on lines of their own
            for group in groups:
                self._resource_paragraph(resource, section, group)
            return
        if len(sentences(paragraph.text)) == 1 and self._interface(paragraph.text, resource, paragraph.lines[0].number):
            return
        keys = _KEY_LEAD_IN.match(paragraph.text) and _label(paragraph.lines[0]) is None
        if len(sentences(paragraph.text)) == 1 and keys and section is not Kind.KEYS:
            # "Hakutekijöinä toimivat esimerkiksi …" after a list of systems: the keys, whatever the section.
            self._resource_keys(resource, self.heading or resource.title, paragraph, [paragraph.text])
            return
        label = _label(paragraph.lines[0])
        if label is not None:
            kind, rest = label
            lines = paragraph.lines[1:]
            items = ([rest] if rest else []) + [line.text for line in lines]
            self._labelled(resource, kind, paragraph, items, bool(rest) and not lines)
            return
        if section is Kind.CONTENTS:
            resource.data_contents.append("\n".join(line.text for line in paragraph.lines))
        elif section is Kind.SYSTEMS:
            self._systems(resource, paragraph)
        elif section is Kind.PRIVACY:
            self._privacy(resource, paragraph)
        elif section is Kind.INTERFACE:
            if not self._interface(paragraph.text, resource, paragraph.lines[0].number):
                self.unplaced.extend(paragraph.lines)
        elif section is Kind.KEYS:
            self._resource_keys(resource, self.heading, paragraph, [line.text for line in paragraph.lines])
        else:
            self._description(resource, paragraph)

    def _labelled(
        self, resource: ImportedResource, kind: Kind, paragraph: Paragraph, items: list[str], prose: bool
    ) -> None:
        values = split_list(items[0]) if prose else [i.rstrip(".;,") for i in items]
        if kind is Kind.SYSTEMS:
            resource.systems.extend(values)
        elif kind is Kind.CONTENTS:
            resource.data_contents.append("\n".join(items))
        elif kind is Kind.PRIVACY:
            self._privacy(resource, paragraph)
        elif kind is Kind.INTERFACE and self._interface(paragraph.text, resource, paragraph.lines[0].number):
            return
        elif kind is Kind.KEYS:
            label = split_label(paragraph.lines[0].text)[0].strip()
            self._resource_keys(resource, label, paragraph, items)
        else:
            self.unplaced.extend(paragraph.lines)

    def _resource_keys(self, resource: ImportedResource, label: str, paragraph: Paragraph, items: list[str]) -> None:
        """Search keys given for a resource as a whole: a worked example of that resource, without a system."""
        keys = key_list(items[0]) if len(items) == 1 else [item.rstrip(".;,") for item in items]
        title = f"{label} – {resource.title}"
        self.examples.append(ImportedExample(title, paragraph.lines[0].number, resource, None, None, keys, []))

    def _description(self, resource: ImportedResource, paragraph: Paragraph) -> None:
        names = [line for line in paragraph.lines if not line.bullet]
        if (
            re.search(r"rekister|register", self.heading, re.IGNORECASE)
            and len(names) > 1
            and all(len(line.text) <= 80 and not re.search(r"[.:!?]$", line.text) for line in names)
        ):
            # Under "Rekisterit", one name a line without bullets (a list pasted from a web page).
            resource.registers.extend(
                ImportedRegister(capitalise(line.text.rstrip(";,")), line.number) for line in names
            )
            resource.description.append("\n".join(line.text for line in paragraph.lines))
            return
        kept: list[str] = []
        bullets = [line for line in paragraph.lines if line.bullet]
        prose = " ".join(line.text for line in paragraph.lines if not line.bullet)
        privacy = False
        for sentence in sentences(re.sub(r"^(?:Kuvaus|Yleiskuvaus|Tietovarannon kuvaus):\s*", "", prose)):
            if "tietosuojaselost" in sentence.lower():
                privacy = True
                resource.privacy_notices.extend(_urls(sentence))
                self.privacy_next = sentence.endswith(":") and not bullets
                continue
            if self._interface(sentence, resource, paragraph.lines[0].number):
                continue
            if _KEY_LEAD_IN.match(sentence):  # "Hakutekijöinä toimivat esimerkiksi päätöksen päivämäärä ja otsikko."
                self._resource_keys(resource, self.heading or resource.title, paragraph, [sentence])
                continue
            if _DATA_GROUPS.search(sentence):  # "Tietoryhmiä ovat asiakkaan perustiedot ja …": § 28 item 3
                resource.data_contents.append(sentence)
                continue
            feeds = _FEEDS.search(sentence)
            if feeds:
                resource.feeds.append(feeds.group(1))
            head, colon, rest = split_label(sentence)
            line = paragraph.lines[0].number
            if colon and rest.strip() and _REGISTER_LEAD.search(head.strip()):
                resource.registers.extend(ImportedRegister(capitalise(item), line) for item in split_list(rest))
            elif colon and rest.strip() and re.search(r"järjestelm|system", head, re.IGNORECASE):
                # "Tiedot on tallennettu seuraaviin tietojärjestelmiin: a ja b."
                resource.systems.extend(split_list(rest))
            elif (named := _REGISTER_SENTENCE.match(sentence)) is not None:
                listed = split_list(sentence[named.end() :])
                resource.registers.extend(ImportedRegister(capitalise(item), line) for item in listed)
            elif not colon:
                self._sentence_systems(resource, sentence)  # "Tiedot on tallennettu asianhallintajärjestelmään."
            kept.append(sentence)
        if bullets:
            if privacy:
                self._privacy(resource, Paragraph(bullets))
            elif _KEYS_NAMED.search(prose) and all(len(b.text.split()) <= 8 for b in bullets):
                # "… voidaan hakea mm. seuraavilla hakuperusteilla:" over a list: the list is the search keys.
                self._resource_keys(
                    resource, self.heading or resource.title, Paragraph(bullets), [b.text for b in bullets]
                )
                kept.extend(line.text for line in bullets)
            elif _KEYS_NAMED.search(f"{self.heading} {resource.title}") and all(
                len(b.text.split()) <= 8 for b in bullets
            ):
                # The list under "Hakuperusteet": the search keys.
                self._resource_keys(
                    resource, self.heading or resource.title, Paragraph(bullets), [b.text for b in bullets]
                )
                kept.extend(line.text for line in bullets)
            elif all(_name_like(b.text) and _DATA_GROUP_ITEM.search(b.text) for b in bullets):
                # "• Dokumentförvaltningens material", "• Henkilöstöhallinnon tietoaineisto": data groups (§ 28 item 3).
                resource.data_groups.extend(b.text.rstrip(".;,") for b in bullets)
                kept.extend(line.text for line in bullets)
            elif not all(_name_like(b.text) for b in bullets) and all(b.text.endswith(".") for b in bullets):
                # A list of sentences ("• Tiedot on tallennettu …", "• Hakutekijöinä toimivat esimerkiksi …"):
                # each read as a sentence of the description, never as a register's name.
                for line in bullets:
                    self._description(resource, Paragraph([Line(line.number, line.text)]))
            elif not all(_name_like(b.text) for b in bullets):
                # A list under "Hakuperusteet" lists search criteria; a list of sentences or questions
                # ("Tiedot on tallennettu …", "Mitä asiakirjatietoa …") names no register.
                kept.extend(line.text for line in bullets)
                for line in bullets:
                    line.reason = line.reason or "a list item that is not a name (a sentence, a question, a search key)"
                self.unplaced.extend(bullets)
            else:
                resource.registers.extend(ImportedRegister(capitalise(b.text.rstrip(".;,")), b.number) for b in bullets)
                kept.extend(line.text for line in bullets)
        if kept:
            resource.description.append(" ".join(s for s in kept if s) if not bullets else "\n".join(kept))

    def _privacy(self, resource: ImportedResource, paragraph: Paragraph) -> None:
        for line in paragraph.lines:
            urls = _line_urls(line)
            resource.privacy_notices.extend(urls)
            if not urls and not line.text.endswith(":"):  # a notice named without its address
                self.unplaced.append(line)

    def _sentence_systems(self, resource: ImportedResource, sentence: str) -> None:
        """The systems a sentence names, in their basic form; the sentence's own forms are kept as seed forms."""
        for match in _SYSTEM_PHRASE.finditer(sentence):
            phrase = match.group(0)
            words = phrase.split()
            core = next(word for word in words if re.search(r"järjestelm|system", word, re.IGNORECASE))
            if (
                core.lower().startswith(("tietojärjestelm", "järjestelm", "informationssystem", "system"))
                and len(words) == 1
            ):
                continue  # "tietojärjestelmissä" alone names no system
            if re.search(r"järjestelm(?:issä|iin|istä|ät|ien|illä|iä)$", core, re.IGNORECASE) and core is words[-1]:
                continue  # a plural in prose ("potilastietojärjestelmissä") is a kind of system, not one system
            basic = " ".join(_system_basic(word) if word is core else word for word in words)
            resource.systems.append(basic)
            if basic != phrase:
                resource.system_forms.setdefault(basic, []).append(phrase)

    def _systems(self, resource: ImportedResource, paragraph: Paragraph) -> None:
        prose_lines = []
        for line in paragraph.lines:
            if line.bullet:
                resource.systems.append(line.text.rstrip(".;,"))
            elif len(line.text) <= 80 and not re.search(r"[.:!?]$", line.text) and len(paragraph.lines) > 1:
                resource.systems.append(line.text.rstrip(";,"))  # a list written one name a line, no bullets
            else:
                prose_lines.append(line.text)
        for sentence in sentences(" ".join(prose_lines)):
            also = _ALSO.match(sentence)
            if also:
                resource.supporting_systems.extend(split_list(sentence[also.end() :]))
            elif split_label(sentence)[2].strip():
                resource.systems.extend(split_list(split_label(sentence)[2]))
            elif _LEAD_IN.match(sentence) and _names_only(split_list(_LEAD_IN.sub("", sentence, count=1))):
                resource.systems.extend(split_list(_LEAD_IN.sub("", sentence, count=1)))
            elif _SYSTEM_PHRASE.search(sentence):
                self._sentence_systems(resource, sentence)
            elif not sentence.endswith(":"):
                self.unplaced.append(Line(paragraph.lines[0].number, sentence))

    def _interface(self, sentence: str, resource: ImportedResource | None, number: int) -> bool:
        """§ 28 item 5: a sentence on a technical interface says yes unless it says no.

        A sentence that quotes or explains the law ("… onko tietoaineisto saatavissa avoimesti
        teknisen rajapinnan avulla") answers nothing: it is kept as text, never read as a yes.
        """
        stated = [s for s in sentences(sentence) if re.search(r"rajapin|gränssnitt", s, re.IGNORECASE)]
        if not stated:
            return False
        if all(is_law_text(s) for s in stated):
            return False
        sentence = " ".join(s for s in stated if not is_law_text(s))
        if _urls(sentence):  # the model has no place for the interface's address: show it
            self.unplaced.append(Line(number, sentence))
        value = not re.search(r"\b(?:ei|eivät|ole|inte|ej|icke|saknas)\b", sentence.lower())
        if resource is None:
            self.interface_all = value
        else:
            resource.technical_interface = value
        return True

    # --- requests -------------------------------------------------------------------------------
    def _request(self, paragraph: Paragraph) -> None:
        self.procedure.append("\n".join(line.text for line in paragraph.lines))
        lines = paragraph.lines
        if len(lines) > 1 and lines[0].text.endswith(":"):
            self._written(lines[0].text.rstrip(":").strip(), lines[0].number, lines[1:])
            return
        if len(lines) > 1 and any(POSTAL.search(line.text) for line in lines) and not any(map(_line_urls, lines)):
            # An address written out without a label: a written channel under the section's heading.
            self._written(self.request_heading or lines[0].text, lines[0].number, lines)
            return
        for line in paragraph.lines:
            if not self._request_line(line):
                self.unplaced.append(line)

    def _request_line(self, line: Line) -> bool:
        """One line of the request section: a channel, a visiting address, more information, an e-mail."""
        text = line.text
        urls = _line_urls(line)
        label, colon, rest = split_label(text)
        if urls and colon and re.search(r"lisätie|lisää tietoa|katso", label, re.IGNORECASE):
            self.contact.more_information = self.contact.more_information or urls[0]
            return True
        if "osoitteessa" in text.lower() or _PHONE.search(text):
            visited = self._visiting(text)
            if visited or not urls:  # "… osoitteessa https://…" is an e-service, below
                return visited
        if urls and colon and not label.lower().startswith("http"):
            title = rest.replace(urls[0], "").strip(" :,.") or label.strip() or urls[0]
            self._add_channel(ImportedChannel("electronic", capitalise(title), line.number, label.strip(), url=urls[0]))
            return True
        if urls and not colon:  # "Tietopyynnön voi tehdä verkkolomakkeella osoitteessa https://…": an e-service
            title = " ".join(text.replace(urls[0], "").split()).strip(" :,.") or urls[0]
            self._add_channel(ImportedChannel("electronic", capitalise(title), line.number, text, url=urls[0]))
            return True
        if not urls and parse_address(rest.strip() if colon else text) is not None:
            title = label.strip() if colon else self.request_heading or text
            self._written(title, line.number, [Line(line.number, rest.strip() if colon else text)])
            return True
        email = _EMAIL.search(text)
        if email:
            self.contact.email = self.contact.email or email.group(0)
            title = (label.strip() if colon and len(label) < 60 else text) or email.group(0)
            self._add_channel(ImportedChannel("electronic", capitalise(title), line.number, email=email.group(0)))
            return True
        return False

    def _visiting(self, text: str) -> bool:
        phone = _PHONE.search(text)
        if phone:
            self.contact.phone = self.contact.phone or phone.group(1).strip()
            self.contact.phone_hours = self.contact.phone_hours or phone.group(2)
        match = re.match(r"^(.*?)\s+toimii\s+osoitteessa:?\s*(.+)$", text)
        if match:
            address = re.split(r",\s*(?:puh|p\.)", match.group(2))[0].strip(" ,.")
            if parse_address(address) is not None:
                self.contact.site_name, self.contact.site_address = match.group(1), address
        return bool(phone or match)

    def _written(self, title: str, number: int, lines: list[Line]) -> None:
        """A written channel: a postal address over several lines, perhaps with an e-mail and a telephone."""
        address_lines, email, sentence = [], None, None
        for line in lines:
            found = _EMAIL.search(line.text)
            if found:
                email = email or found.group(0)
                if parse_address(line.text):  # "… sähköpostitse osoitteeseen a@b.example tai postitse Katu 1, …"
                    address_lines.append(Line(line.number, _address_phrase(line.text)))
                    sentence = line.text
            elif _PHONE.search(line.text):
                self._visiting(line.text)
            elif _line_urls(line):
                if not self._request_line(line):
                    self.unplaced.append(line)
            else:
                address_lines.append(line)
        label = "\n".join(line.text for line in address_lines)
        address = label if label and parse_address(label) is not None else None
        if label and address is None:
            # Not one address over several lines: an address on one of them ("Kirjaamo: Katu 1, 99999 Kunta").
            one = [line for line in address_lines if parse_address(split_label(line.text)[2] or line.text)]
            if one:
                address = _address_phrase(one[0].text)
            self.unplaced.extend(line for line in address_lines if line not in one[:1])
        if address is None and email is None:
            return
        kind = "written" if address or re.search(r"kirjall|posti", title, re.IGNORECASE) else "electronic"
        # A sentence that gives both ("… sähköpostitse … tai postitse osoitteeseen …") describes the channel.
        self._add_channel(ImportedChannel(kind, title, number, sentence, email=email, address=address))
        self.contact.email = self.contact.email or email
        self.contact.postal_address = self.contact.postal_address or address

    def _add_channel(self, channel: ImportedChannel) -> ImportedChannel:
        return self.channels.setdefault(channel.key, channel)

    # --- worked examples ------------------------------------------------------------------------
    def _examples(self, paragraphs: list[Paragraph]) -> None:
        groups: list[list[Line]] = []
        for paragraph in paragraphs:
            for line in paragraph.lines:
                starts = not line.bullet and _label(line) is None and not _field(line.text)
                if starts or not groups:
                    groups.append([])
                groups[-1].append(line)
        for lines in groups:
            example = self._example(lines)
            if example is None:
                self.unplaced.extend(lines)
            else:
                self.examples.append(example)

    def _example(self, lines: list[Line]) -> ImportedExample | None:
        head = lines[0]
        title = head.text.rstrip(":").strip()
        system, keys, channels, resource = None, [], [], self._match_resource(title)
        rest: list[Line] = []
        for line in lines[1:]:
            label, _, value = split_label(line.text)
            kind = Kind.KEYS if re.search(r"hakutekij|hakuehd", label, re.IGNORECASE) else classify(label)
            kind = kind if len(label) <= 45 else Kind.OTHER
            if kind is Kind.SYSTEMS and value.strip():
                system = value.strip().rstrip(".")
            elif kind is Kind.KEYS and value.strip():
                keys = split_list(value)
            elif kind is Kind.RESOURCE or label.strip().lower() == "tietovaranto":
                resource = self._match_resource(value) or resource
            elif (channel := self._example_channel(line)) is not None:
                channels.append(channel)
            else:
                rest.append(line)
        if resource is None and len(self.resources) == 1:
            resource = self.resources[0]
        if resource is None or (system is None and not keys):
            return None
        self.unplaced.extend(rest)
        return ImportedExample(title, head.number, resource, _register_phrase(title, resource), system, keys, channels)

    def _example_channel(self, line: Line) -> ImportedChannel | None:
        label, colon, rest = split_label(line.text)
        if not colon or not rest.strip():
            return None
        urls = _urls(rest) or [link for link in line.links if is_web_address(link)]
        if urls:
            title = rest.replace(urls[0], "").strip(" :,.") or label.strip() or urls[0]
            channel = ImportedChannel("electronic", capitalise(title), line.number, label.strip(), url=urls[0])
            return self._add_channel(channel)
        if parse_address(rest.strip()) is not None:
            email = _EMAIL.search(rest)
            channel = ImportedChannel("written", label.strip() or rest.strip(), line.number, address=rest.strip())
            channel.email = email.group(0) if email else None
            return self._add_channel(channel)
        email = _EMAIL.search(rest)
        if email:
            title = label.strip() or email.group(0)
            return self._add_channel(ImportedChannel("electronic", title, line.number, email=email.group(0)))
        return None


_NOT_A_NAME = re.compile(
    r"^(?:mitä|miten|millä|millaisia|mistä|mihin|kuka|vad|hur|var|vilka|vem)\b"
    r"|[?:]$|\.\s|\b(?:on|ovat|ei|toimi\w{0,4}|löytyy|tallenne\w{0,6}|voi|voidaan|är|finns|kan)\b",
    re.IGNORECASE,
)
"""What a register's name never has: a question word, a verb, a sentence inside it."""


_NOT_A_RESOURCE = re.compile(
    r"asiakirjajulkisuu|julkisuuskuvau|beskrivning(?:en)? av handling|handling\w{0,6} offentlighet|hakuperust"
    r"|sökkriteri|kerrotaan|sisältö ja tarkoitus|^(?:tietovarannot|informationslager|informationsresurser)\b",
    re.IGNORECASE,
)
"""Headings about the description itself or over the list of resources, never one resource's name."""
_SECTION_TAIL = re.compile(r"\s(?:ja|och)\s(?:tiedonhallinta|informationshantering(?:en)?)$", re.IGNORECASE)
"""``… asiarekisteri ja tiedonhallinta``: the section's subject is the register; the rest is the heading's."""


def _states_nothing(resource: ImportedResource, page: ImportedPage) -> bool:
    """Whether the page says nothing about ``resource`` but a name that does not call it a resource either."""
    facts = [
        resource.description, resource.data_contents, resource.registers, resource.systems,
        resource.supporting_systems, resource.feeds, resource.privacy_notices,
    ]  # fmt: skip
    described = any(facts) or resource.technical_interface is not None
    named = re.search(r"tietovarant|informationsresurs|informationslag|rekister|register", resource.title, re.I)
    return not named and not described and not any(example.resource is resource for example in page.examples)


def _resource_name(title: str, authority: str) -> str:
    """A resource's name as a heading gives it, or "" (left to write) when the heading names no resource.

    A heading over the authority's whole list ("Keski-Suomen hyvinvointialueen tietovarannot") or
    about the description ("Asiakirjajulkisuuskuvauksen sisältö ja tarkoitus") is no resource's name.
    """
    name = _SECTION_TAIL.sub("", title)
    stem = authority.split()[0].lower()[:-1] if authority else ""
    whole = bool(stem) and name.lower().startswith(stem) and re.search(r"tietovarann|informationslager", name, re.I)
    return "" if _NOT_A_RESOURCE.search(name) or whole else name


_GENERIC_SYSTEM = re.compile(
    r"^(?:tieto)?järjestelm\w{0,6}$|^(?:data|informations)?system\w{0,4}$|^(?:it|tieto)-?järjestelm\w{0,6}$",
    re.IGNORECASE,
)
"""A word for systems in general ("Datasystem", "tietojärjestelmät"), never one system's name."""


def _system_names(form: str) -> list[str]:
    """The system names in one item: two joined by "sekä" / "samt" are two; a general word or a clause is none."""
    parts = re.split(r"\s(?:sekä|samt)\s", form)
    if len(parts) > 1 and not all(re.search(r"järjestelm|system", part, re.IGNORECASE) for part in parts):
        parts = [form]
    return [
        part.strip()
        for part in parts
        if not _GENERIC_SYSTEM.match(part.strip()) and not re.search(r"\b(?:dvs|eli|esim)\b\.?", part, re.I)
    ]


def _name_like(text: str) -> bool:
    """Whether a list item can be a register's name: short, with no verb, question or second sentence."""
    return len(text.split()) <= 8 and text.count("(") == text.count(")") and not _NOT_A_NAME.search(text.strip())


def _names_only(items: list[str]) -> bool:
    """Whether items split from a sentence are names, not clauses cut from it ("Se mahdollistaa haun").

    A name is short, closes the brackets it opens and does not start with a pronoun: a sentence cut
    at its commas gives such pieces, a list of names does not.
    """
    return bool(items) and all(
        len(item.split()) <= 6
        and item.count("(") == item.count(")")
        and not re.match(r"(?:se|ne|tämä|nämä|joka|johon|jossa|det|den|som)\b", item, re.IGNORECASE)
        for item in items
    )


def _field(text: str) -> bool:
    """A 'Label: value' line of a worked example (system, search keys, channel)."""
    label, colon, rest = split_label(text)
    return bool(colon and rest.strip() and len(label) <= 60 and classify(label) is not Kind.OTHER) or bool(
        colon and rest.strip() and (_URL.search(rest) or POSTAL.search(rest) or _EMAIL.search(rest))
    )


def _register_phrase(title: str, resource: ImportedResource) -> str | None:
    """The register an example's title names: ``… kuraattorien yksilökohtaiseen rekisteriin`` → its words."""
    match = re.search(r"(\S*rekisteri(?:in|hin)?)\b", title)
    if not match:
        return None
    before = title[: match.start()]
    cut = max(
        (m.end() for m in re.finditer(r"(?:tuotettu|tallennettu|kirjattu|sisältyy|,)\s+|tietovaran\w*\s+", before)),
        default=0,
    )
    phrase = (before[cut:] + match.group(1)).strip()
    if resource.stem in phrase.lower():
        return None
    return phrase


def read_page(paragraphs: list[Paragraph]) -> ImportedPage:
    """Read the page's paragraphs; raise :class:`PageError` if it holds no § 28 description.

    A page that never says "X tietovaranto" may still describe resources under headings of their
    own ("Asiakasrekisteri", "Henkilöstöhallinto"): then each heading whose section names
    systems, data contents or search keys is read as a resource.
    """
    paragraphs = [group for paragraph in paragraphs for group in _regroup(paragraph)]
    every = [line for paragraph in paragraphs for line in paragraph.lines]
    paragraphs, screened = screen(paragraphs)
    if not paragraphs:
        raise PageError("import-empty")
    # On a plain-text page (no heading levels), a short line over a section that states systems, search
    # keys or data groups names a resource even where others say "tietovaranto" ("Asianhallinta").
    plain = not any(paragraph.level for paragraph in paragraphs)
    described = _described_headings(paragraphs, frozenset({Kind.OTHER})) if plain else set()
    try:
        page = _Reader(paragraphs, described=described, every=every).read()
    except PageError as exc:
        if exc.code != "import-no-resources":
            raise
        named = _described_headings(paragraphs)
        if named:
            page = _Reader(paragraphs, named, every=every).read()
        elif any(_SECTION_28.search(line.text) for paragraph in paragraphs[1:] for line in paragraph.lines):
            page = _Reader(paragraphs, whole=True, every=every).read()
            page.whole_page = True
            # The page's title names the page ("Asiakirjajulkisuuskuvaus"), not a resource: left to write.
            page.resources[0].title = ""
        else:
            raise
    if len(page.resources) > 1:
        # A heading over a list of resources ("Konsernipalvelut") that states nothing of its own is no resource.
        for empty in [resource for resource in page.resources if _states_nothing(resource, page)]:
            page.resources.remove(empty)
            page.unplaced.append(
                Line(empty.line, empty.title, reason="a heading over resources that states nothing itself")
            )
    for resource in page.resources:
        resource.title = _resource_name(resource.title, page.organisation)
        resource.systems[:] = [name for form in resource.systems for name in _system_names(form)]
        resource.supporting_systems[:] = [name for form in resource.supporting_systems for name in _system_names(form)]
        kept = {*resource.systems, *resource.supporting_systems}
        resource.system_forms = {basic: forms for basic, forms in resource.system_forms.items() if basic in kept}
    page.lines = every
    page.unplaced = sorted([*page.unplaced, *screened], key=lambda line: line.number)
    page.language = language(page.lines)
    out = {id(line) for line in screened}
    _add_contacts(page, read_contacts([line for line in every if id(line) not in out]))
    page.language = language(page.lines)
    return page


_CHANNEL_WORDS = {
    "fi": {"email": "Sähköposti", "address": "Postiosoite"},
    "sv": {"email": "E-post", "address": "Postadress"},
}
"""What a channel is called when the page gives it no name of its own: its kind, in the page's language."""


def _add_contacts(page: ImportedPage, found: Contacts) -> None:
    """The contact facts read from anywhere on the page, each once, beside those the request section gave.

    A channel is named by the office the page sends requests to (``Kirjaamo``), else by its kind;
    a label left in an address (``käyntiosoite: …``) is removed, so the value is only the address.
    """
    words = _CHANNEL_WORDS.get(page.language, _CHANNEL_WORDS["fi"])
    contact = page.contact
    for channel in page.channels:
        channel.address = _LABEL_ONLY_PREFIX.sub("", channel.address) if channel.address else None
    if contact.postal_address:
        contact.postal_address = _LABEL_ONLY_PREFIX.sub("", contact.postal_address)
    labels = [contact.postal_address, contact.site_address, *(channel.address for channel in page.channels)]
    keys = {_address_key(label) for label in labels if label}
    keys |= {channel.email for channel in page.channels if channel.email} | {contact.email or ""}
    for item in found.emails:
        contact.email = contact.email or item.value
        if item.value not in keys:
            keys.add(item.value)
            title = item.office or words["email"]
            page.channels.append(ImportedChannel("electronic", title, item.line, email=item.value))
    for item in found.phones:
        number = re.sub(r"[()]", "", item.value)  # "(09) 8050 2111": the area code's brackets are layout
        if normalise_phone(number) and not (contact.phone and normalise_phone(contact.phone)):
            contact.phone, contact.phone_hours = number, item.hours
    for item in found.addresses:
        key = _address_key(item.value)
        if key not in keys:
            keys.add(key)
            contact.postal_address = contact.postal_address or item.value
            title = item.office or words["address"]
            page.channels.append(ImportedChannel("written", title, item.line, address=item.value))
    offices = {item.value: item.office for item in [*found.emails, *found.addresses] if item.office}
    offices |= {_address_key(value): office for value, office in list(offices.items())}
    unique: dict[str, ImportedChannel] = {}
    for channel in page.channels:
        named = offices.get(channel.email or "") or offices.get(_address_key(channel.address or ""))
        if named and _LABEL_ONLY.match(channel.title):
            channel.title = named  # "E-postadress" says what the line is; the office it reaches is its name
        unique.setdefault(channel.key, channel)  # a label removed may show two mentions to be one channel
    page.channels[:] = unique.values()


_LABELS = (
    r"(?:käynti|posti)?osoite|sähköposti(?:osoite)?|puhelin|puh|e-post(?:adress)?|(?:besöks|post)?adress|telefon|tel"
)
_LABEL_ONLY = re.compile(rf"^(?:{_LABELS})\s*:?$", re.IGNORECASE)
"""A channel title that is only the page's label for the line (``E-postadress``), not a name."""
_LABEL_ONLY_PREFIX = re.compile(rf"^(?:{_LABELS})\s*:\s*", re.IGNORECASE)
"""A label left at the start of an address (``käyntiosoite: Vapaudenkatu 47, …``): the value is what follows."""


def _address_key(label: str) -> str:
    """Two writings of one address share this: its street or box and its postal code."""
    parts = parse_address(label)
    return f"{parts[0]}|{parts[1]}".casefold() if parts else " ".join(label.split()).casefold()


def screen(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Line]]:
    """The blocks that may state facts, and the lines that cannot, each with its reason.

    Navigation lines (an image's description, a menu word) and paragraphs that quote or explain the
    law are kept out of the reading: nothing in them is a statement about the authority's resources.
    The page's title stays, whatever it says: the reader names the catalogue after it.
    """
    kept: list[Paragraph] = []
    screened: list[Line] = []
    for index, paragraph in enumerate(paragraphs):
        lines = []
        for line in paragraph.lines:
            verdict = classify_block(line.text, heading=paragraph.heading)
            if verdict.kind is BlockKind.NAVIGATION:
                line.reason = f"{FURNITURE}: {verdict.reason}"
                screened.append(line)
            else:
                lines.append(line)
        if not lines:
            continue
        paragraph.lines = lines
        verdict = classify_block(paragraph.text, heading=paragraph.heading or _is_heading(paragraph))
        if verdict.kind is BlockKind.LAW and index > 0:
            for line in lines:
                line.reason = f"law text: {verdict.reason}"
            screened.extend(lines)
            continue
        kept.append(paragraph)
    return kept, screened


def language(lines: list[Line]) -> str:
    """``sv`` for a page in Swedish (a bilingual municipality's Swedish page), else ``fi``."""
    counts = {"fi": 0, "sv": 0}
    for line in lines:
        for word in re.findall(r"\w+", line.text.lower()):
            if word in _SWEDISH_WORDS:
                counts["sv"] += 1
            elif word in _FINNISH_WORDS:
                counts["fi"] += 1
    return "sv" if counts["sv"] > counts["fi"] else "fi"


def _regroup(paragraph: Paragraph) -> list[Paragraph]:
    """A long run of lines with no blank line between them (a page pasted without its spacing) as paragraphs.

    Each line is a paragraph of its own, with the list items under it; a line ending in ':' keeps
    the short lines that follow (an address under "Kirjalliset yhteydenotot:") until a heading.
    """
    if paragraph.heading or sum(not line.bullet for line in paragraph.lines) < 6:
        return [paragraph]
    groups: list[Paragraph] = []
    collecting = False
    for line in paragraph.lines:
        text = line.text
        heading = _is_heading(Paragraph([line])) and classify(text) is not Kind.OTHER
        if groups and (line.bullet or (collecting and len(text) <= 80 and not text.endswith(".") and not heading)):
            groups[-1].lines.append(line)
            continue
        groups.append(Paragraph([line]))
        collecting = text.endswith(":")
    return groups


_UNNAMED = frozenset({Kind.OTHER, Kind.DESCRIPTION})
"""Headings that may name a resource without saying 'tietovaranto' on a page that never says it."""


def _described_headings(paragraphs: list[Paragraph], kinds: frozenset[Kind] = _UNNAMED) -> set[int]:
    """Headings followed, before the next heading, by a section or label of systems, data contents or search keys."""
    described = {Kind.SYSTEMS, Kind.CONTENTS, Kind.KEYS}
    named: set[int] = set()
    current: Paragraph | None = None
    for paragraph in paragraphs[1:]:
        first = paragraph.lines[0]
        kind = classify(first.text) if _is_heading(paragraph) else None
        if kind in kinds and (paragraph.heading or len(first.text) <= 80):
            current = paragraph
        elif kind in {Kind.REQUEST, Kind.EXAMPLES, Kind.RESOURCE, Kind.RESOURCES, Kind.DESCRIPTION}:
            current = None
        elif current is not None:
            labels = [_label(line) for line in paragraph.lines]
            stated = bool(_STATED.search(paragraph.text))  # "Tiedot on tallennettu asianhallintajärjestelmään."
            if kind in described or stated or any(label and label[0] in described for label in labels):
                named.add(id(current))
    return named
