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

from kasko_dcat.importer.names import POSTAL, capitalise, parse_address
from kasko_dcat.importer.pagetext import Line, PageError, Paragraph
from kasko_dcat.source.fields import is_web_address

_URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;:]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"\b(?:puh(?:elin)?|p\.)\.?:?\s*(\+?\d[\d ()-]{4,}\d)(?:\s*\(([^)]*\d[^)]*)\))?", re.IGNORECASE)
_GENITIVE = re.compile(r"^\w[\w-]*(?:en|an|än|in|on|un|yn|ön)$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_LEAD_IN = re.compile(
    r"^.*?\b(?:käytössä (?:ovat|on)|ovat käytössä|on käytössä|käytetään|ylläpidetään|pidetään yllä|"
    r"muodostuu|koostuu|sisältää|kuuluvat|kuuluu)\s+(?:seuraav\w+\s+(?:\w+\s+)?)?",
    re.IGNORECASE,
)
_ALSO = re.compile(r"^Lisäksi\s+(?:(?:käytetään|käytössä\s+(?:ovat|on)|ovat\s+käytössä)\s+)?", re.IGNORECASE)
_FEEDS = re.compile(r"\btuottaa\s+tietoj?a\s+(.+?)\.?$", re.IGNORECASE)
_NAMED_RESOURCE = re.compile(r"^tietovaranto\s*[:–-]\s*[^.:]{2,90}$", re.IGNORECASE)
"""A form-like page names each resource on a line of its own: ``Tietovaranto: Rakennusvalvonta``."""
_REGISTER_LEAD = re.compile(r"muodostuu|koostuu|rekister|sisältää|kuuluu|kuuluvat|tietovaranto$", re.IGNORECASE)


class Kind(Enum):
    """What a heading or label introduces."""

    RESOURCE = "resource"
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
    registers: list[ImportedRegister] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)
    supporting_systems: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    privacy_notices: list[str] = field(default_factory=list)
    technical_interface: bool | None = None

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
    abbreviation: str | None
    resources: list[ImportedResource]
    channels: list[ImportedChannel]
    contact: Contact
    request_heading: str | None
    procedure: list[str]
    examples: list[ImportedExample]
    unplaced: list[Line]
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
    if "esimerk" in t and ("tietopyyn" in t or "hakutekij" in t or "pyynnö" in t):
        return Kind.EXAMPLES
    if re.search(r"tietopyyn|asiakirjapyyn|tietojen pyytä|tiedon pyytä|yhteystied", t):
        return Kind.REQUEST
    if last.endswith("tietovaranto") or re.match(r"^tietovaranto\s*[:–-]", t):
        return Kind.RESOURCE
    if "hakutekij" in t or "hakuehd" in t:
        return Kind.KEYS
    if "järjestelm" in t:
        return Kind.SYSTEMS
    if re.search(r"tietoaineisto|tietosisäl|tietoryhm|sisältämät tiedot", t):
        return Kind.CONTENTS
    if "tietosuojaselost" in t:
        return Kind.PRIVACY
    if "rajapin" in t:
        return Kind.INTERFACE
    if "kuvaus" in t or "rekisteri" in t:
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
        allowed = {Kind.RESOURCE, Kind.REQUEST, Kind.EXAMPLES}
    else:
        allowed = {*inner, Kind.RESOURCE, Kind.REQUEST, Kind.EXAMPLES}
    if kind not in allowed:
        return None
    rest = [Paragraph(paragraph.lines[1:])] if len(paragraph.lines) > 1 else []
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
    return [re.sub(r"^(?:ja|sekä|tai)\s+", "", item).strip() for item in out if item.strip()]


def _headless(item: str) -> bool:
    words = item.split()
    if len(words) == 1:
        return bool(_GENITIVE.match(words[0])) and len(words[0]) > 5
    return len(words) == 3 and words[0].endswith("-") and words[1] == "ja" and bool(_GENITIVE.match(words[2]))


def _split_conjunction(item: str, last: bool, previous_headless: bool) -> list[str]:
    if last and " sekä " in item:
        left, right = item.rsplit(" sekä ", 1)
        return [*_split_conjunction(left, True, previous_headless), right]
    for match in reversed(list(re.finditer(r" (?:ja|tai) ", item))):
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

    def __init__(self, paragraphs: list[Paragraph], named: set[int] | None = None) -> None:
        self.paragraphs = paragraphs
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
        started = False
        examples_level = resource_level = 0
        queue = list(self.paragraphs[start + 1 :])
        while queue:
            paragraph = queue.pop(0)
            privacy_list, self.privacy_next = self.privacy_next, False
            split = _leading_heading(paragraph, section)
            if split is not None:
                paragraph = split[0]
                queue[:0] = split[1:]
            kind = classify(paragraph.lines[0].text) if _is_heading(paragraph) else None
            kind = Kind.RESOURCE if id(paragraph) in self.named else kind
            if kind is Kind.OTHER and not paragraph.heading and not self.named:
                kind = None  # a short line of plain text: content unless the page marks it as a heading
            if kind is section and kind is Kind.REQUEST and not paragraph.heading:
                kind = None  # "Tietopyynnöt osoitetaan kirjaamoon" under "Tietopyynnöt" is what to do
            in_examples = section is Kind.EXAMPLES and kind not in {None, Kind.RESOURCE, Kind.EXAMPLES}
            if in_examples and not 0 < paragraph.level <= examples_level:
                kind = None  # a worked example's own title ("Tietopyyntö asiakirjaan …"), not a new section
            if kind in {Kind.OTHER, Kind.DESCRIPTION} and 0 < paragraph.level <= resource_level:
                # A heading as high as the resources' own that is not about one ends them ("Asiarekisteri",
                # "Arkistointi"); "… tietovarannon kuvaus ja rekisterit" on a flat page is still the resource's.
                text = paragraph.lines[0].text
                if "kuvaus" not in text.lower() and self._match_resource(text) is None:
                    kind = Kind.OTHER
            if kind is Kind.RESOURCE:
                resource_level = paragraph.level
                resource = ImportedResource(paragraph.lines[0].text, paragraph.lines[0].number)
                self.resources.append(resource)
                section, started = Kind.DESCRIPTION, True
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
            if not started:
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
        for paragraph in preamble:
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
        """The authority's name in its basic form, found on the page from the title's genitive."""
        genitive = re.sub(r"\s+(?:tietovara\w*|tiedonhallin\w*|kuvaus\b).*$", "", title, flags=re.IGNORECASE).strip()
        if not genitive or genitive == title:
            return title, False
        text = "\n".join(line.text for paragraph in self.paragraphs for line in paragraph.lines)
        *words, last = genitive.split()
        # The same words with the last one in another case form: "kunnan" → "kunta", "toimialan" → "toimiala".
        prefix = "".join(re.escape(word) + r"\s+" for word in words) + re.escape(last[: max(3, len(last) - 4)])
        forms = {m.group(0) for m in re.finditer(r"(?<!\w)" + prefix + r"\w*", text, re.IGNORECASE)}
        basic = sorted(form for form in forms if not form.endswith("n") and form.split()[-1] != last)
        if basic:
            return capitalise(min(basic, key=len)), True
        return genitive, False

    def _match_resource(self, text: str) -> ImportedResource | None:
        lowered = text.lower()
        found = [r for r in self.resources if r.stem in lowered]
        return max(found, key=lambda r: len(r.stem)) if found else None

    # --- resources ------------------------------------------------------------------------------
    def _resource_paragraph(self, resource: ImportedResource, section: Kind, paragraph: Paragraph) -> None:
        groups = _label_groups(paragraph)
        if len(groups) > 1:  # a form: "Kuvaus: …", "Rekisterit: …", "Tietojärjestelmät: …" on lines of their own
            for group in groups:
                self._resource_paragraph(resource, section, group)
            return
        if len(sentences(paragraph.text)) == 1 and self._interface(paragraph.text, resource, paragraph.lines[0].number):
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
        keys = split_list(items[0]) if len(items) == 1 else [item.rstrip(".;,") for item in items]
        title = f"{label} – {resource.title}"
        self.examples.append(ImportedExample(title, paragraph.lines[0].number, resource, None, None, keys, []))

    def _description(self, resource: ImportedResource, paragraph: Paragraph) -> None:
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
            feeds = _FEEDS.search(sentence)
            if feeds:
                resource.feeds.append(feeds.group(1))
            head, colon, rest = split_label(sentence)
            if colon and rest.strip() and _REGISTER_LEAD.search(head.strip()):
                line = paragraph.lines[0].number
                resource.registers.extend(ImportedRegister(capitalise(item), line) for item in split_list(rest))
            kept.append(sentence)
        if bullets:
            if privacy:
                self._privacy(resource, Paragraph(bullets))
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

    def _systems(self, resource: ImportedResource, paragraph: Paragraph) -> None:
        for line in paragraph.lines:
            if line.bullet:
                resource.systems.append(line.text.rstrip(".;,"))
        prose = " ".join(line.text for line in paragraph.lines if not line.bullet)
        for sentence in sentences(prose):
            also = _ALSO.match(sentence)
            if also:
                resource.supporting_systems.extend(split_list(sentence[also.end() :]))
            elif split_label(sentence)[2].strip():
                resource.systems.extend(split_list(split_label(sentence)[2]))
            elif _LEAD_IN.match(sentence):
                resource.systems.extend(split_list(_LEAD_IN.sub("", sentence, count=1)))
            elif not sentence.endswith(":"):
                self.unplaced.append(Line(paragraph.lines[0].number, sentence))

    def _interface(self, sentence: str, resource: ImportedResource | None, number: int) -> bool:
        """§ 28 item 5: a sentence on a technical interface says yes unless it says no."""
        if "rajapin" not in sentence.lower():
            return False
        if _urls(sentence):  # the model has no place for the interface's address: show it
            self.unplaced.append(Line(number, sentence))
        value = not re.search(r"\b(?:ei|eivät|ole)\b", sentence.lower())
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
            return self._visiting(text)
        if urls and colon and not label.lower().startswith("http"):
            title = rest.replace(urls[0], "").strip(" :,.") or label
            self._add_channel(ImportedChannel("electronic", capitalise(title), line.number, label.strip(), url=urls[0]))
            return True
        if not urls and parse_address(rest.strip() if colon else text) is not None:
            title = label.strip() if colon else self.request_heading or text
            self._written(title, line.number, [Line(line.number, rest.strip() if colon else text)])
            return True
        email = _EMAIL.search(text)
        if email:
            self.contact.email = self.contact.email or email.group(0)
            title = label.strip() if colon and len(label) < 60 else text
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
        address_lines, email = [], None
        for line in lines:
            found = _EMAIL.search(line.text)
            if found:
                email = email or found.group(0)
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
            self.unplaced.extend(address_lines)
        if address is None and email is None:
            return
        kind = "written" if address or re.search(r"kirjall|posti", title, re.IGNORECASE) else "electronic"
        self._add_channel(ImportedChannel(kind, title, number, email=email, address=address))
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
            title = rest.replace(urls[0], "").strip(" :,.") or label
            channel = ImportedChannel("electronic", capitalise(title), line.number, label.strip(), url=urls[0])
            return self._add_channel(channel)
        if parse_address(rest.strip()) is not None:
            email = _EMAIL.search(rest)
            channel = ImportedChannel("written", label.strip(), line.number, address=rest.strip())
            channel.email = email.group(0) if email else None
            return self._add_channel(channel)
        email = _EMAIL.search(rest)
        if email:
            return self._add_channel(ImportedChannel("electronic", label.strip(), line.number, email=email.group(0)))
        return None


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
    try:
        page = _Reader(paragraphs).read()
    except PageError as exc:
        named = _described_headings(paragraphs) if exc.code == "import-no-resources" else set()
        if not named:
            raise
        page = _Reader(paragraphs, named).read()
    page.lines = [line for paragraph in paragraphs for line in paragraph.lines]
    return page


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


def _described_headings(paragraphs: list[Paragraph]) -> set[int]:
    """Headings followed, before the next heading, by a section or label of systems, data contents or search keys."""
    described = {Kind.SYSTEMS, Kind.CONTENTS, Kind.KEYS}
    named: set[int] = set()
    current: Paragraph | None = None
    for paragraph in paragraphs[1:]:
        first = paragraph.lines[0]
        kind = classify(first.text) if _is_heading(paragraph) else None
        if kind in {Kind.OTHER, Kind.DESCRIPTION} and (paragraph.heading or len(first.text) <= 80):
            current = paragraph
        elif kind in {Kind.REQUEST, Kind.EXAMPLES}:
            current = None
        elif current is not None:
            labels = [_label(line) for line in paragraph.lines]
            if kind in described or any(label and label[0] in described for label in labels):
                named.add(id(current))
    return named
