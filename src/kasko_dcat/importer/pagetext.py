"""A published § 28 page, from a file or a web address, as numbered paragraphs of plain lines.

Authorities publish the description as a web page; civil servants often paste it into a text
file. Both become the same thing here: paragraphs (separated by blank lines in text, by block
elements in HTML) of lines, each remembering its line number in the original, so that whatever
the importer cannot place can be pointed at.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from kasko_dcat import files as guarded
from kasko_dcat.errors import KaskoError
from kasko_dcat.importer.kinds import BlockKind

TIMEOUT_SECONDS = 20
"""The whole fetch, redirects and a slow body included (a stalled read is noticed within ``READ_SECONDS``)."""
READ_SECONDS = 5
MAX_PAGE_BYTES = 10_000_000
"""Largest page accepted, counted after decompression (a 1 MB gzip bomb expands to gigabytes)."""
MAX_REDIRECTS = 5
_BULLET = re.compile(r"^\s*[•·▪◦‣●*–-]\s+")
_BLOCKS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "td", "th", "dl", "dt", "dd",
    "blockquote", "address", "h1", "h2", "h3", "h4", "h5", "h6", "header", "figure", "figcaption", "pre",
    "details", "summary",
}  # fmt: skip
_NUMBERING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-ZÅÄÖ])")
"""A heading's section number, ``2.1 Tietojärjestelmät``: layout, not part of the name."""
_SKIPPED = {"script", "style", "noscript", "template", "head", "nav", "footer", "svg", "button", "form"}
"""Page furniture, not the description: menus, footers, scripts."""
_NOT_TEXT = {"script", "style", "noscript", "template", "head", "svg"}
"""Skipped elements whose content is not text a reader sees: not listed as skipped lines either."""
FURNITURE = BlockKind.NAVIGATION.value
"""How the reason of a line skipped as page furniture begins (``unplaced.yaml`` shows it)."""
_SKIPPED_ELEMENT = f"{FURNITURE}: a menu, footer, form or other furniture element of the page"
_FURNITURE_REASON = "page furniture (a skip link, breadcrumbs, a cookie notice, a copyright line)"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
_FURNITURE_ATTRIBUTE = re.compile(
    r"skip|cookie|consent|eväste|evaste|breadcrumb|murupolku|brödsmul|navigation|menu|valikko|footer", re.IGNORECASE
)
"""Class, id or label of an element that is page furniture: skip links, cookie notices, breadcrumbs, menus."""
_CONTAINERS = {"html", "body", "main", "article"}
"""Elements that hold the description itself, whatever their class says (``<body class="has-menu">``)."""
_FURNITURE_LINE = re.compile(
    r"^(?:siirry|hyppää|hyppaa|ohita)\s+(?:suoraan\s+)?(?:pää)?(?:sisältöön|sisaltoon|valikkoon|hakuun)"
    r"|^(?:hoppa|gå|ga)\s+(?:direkt\s+)?till\s+(?:huvud)?(?:innehållet|innehåll|menyn)"
    r"|^skip\s+to\s+(?:main\s+)?content"
    r"|^(?:etusivu|startsida|home)\s*[>›»/|]"
    r"|^(?:©|\(c\)\s|copyright\b)"
    r"|^(?:hyväksy|hylkää|salli)\s+(?:kaikki|evästeet|välttämättömät)"
    r"|^(?:godkänn|acceptera|neka)\s+(?:alla|kakor)"
    r"|^(?:palaute sivustosta|anna palautetta|saavutettavuusseloste|ge respons|tillgänglighetsutlåtande)$"
    r"|^(?:sivun alkuun|takaisin ylös|tulosta|tulosta sivu|jaa|jaa sivu|jaa sivu somessa|"
    r"till början av sidan|tillbaka till toppen|skriv ut|dela|dela sidan)$"
    r"|^.{0,120}\b(?:käyttää|käytämme|hyödyntää)\s+evästeitä\b.{0,120}$"
    r"|^.{0,120}\b(?:använder|använder vi)\s+(?:kakor|cookies)\b.{0,120}$",
    re.IGNORECASE,
)
"""A line of page furniture in the text of a page: a skip link, a breadcrumb trail, a cookie notice, a
copyright or feedback line. Such lines say nothing about the authority's information resources."""
_LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")
"""An item of a numbered list, ``1. Kirjaston asiakastietojärjestelmä Aurora``."""


class PageError(KaskoError):
    """The page cannot be read, or holds no § 28 description."""


@dataclass
class Line:
    """One line of the page: its text (whitespace collapsed), its line number, whether it is a list item."""

    number: int
    text: str
    bullet: bool = False
    links: list[str] = field(default_factory=list)
    """Where the line's HTML links point (a privacy notice, an e-service), absolute."""
    reason: str = ""
    """Why the importer did not read the line as a fact, when it did not (``unplaced.yaml`` shows it)."""

    @property
    def furniture(self) -> bool:
        """Whether the line was skipped as page furniture (a menu, a skip link): listed, never a fact."""
        return self.reason.startswith(FURNITURE)


@dataclass
class Paragraph:
    """Lines that belong together: a text paragraph, an HTML block, a list."""

    lines: list[Line] = field(default_factory=list)
    heading: bool = False
    """Marked as a heading by the page itself (HTML h1–h6)."""
    level: int = 0
    """The heading's level (1 for h1), 0 where the page does not say."""

    @property
    def text(self) -> str:
        """The lines joined with spaces, as one sentence stream."""
        return " ".join(line.text for line in self.lines)


def fetch(location: str) -> bytes:
    """The bytes of a file, or of an http(s) address fetched within a time and size limit."""
    if re.match(r"^https?://", location, re.IGNORECASE):
        return _download(location, time.monotonic() + TIMEOUT_SECONDS)
    path = Path(location)
    if not path.exists() and not path.is_symlink():
        raise PageError("import-no-page", path=location)
    try:  # the guard every file passes: no link out of its folder, no device, at most the page limit
        return guarded.read(path, limit=MAX_PAGE_BYTES)
    except guarded.FileRefused as exc:
        raise PageError({"validate-unreadable": "import-unreadable"}.get(exc.code, exc.code), **exc.params) from None


def _download(url: str, deadline: float) -> bytes:
    """The page at ``url``; every limit of the module docstring's kind ends it with a :class:`PageError`.

    Redirects are followed here, not by requests, so each target is checked before it is asked:
    the address a user gives may be local (a test server, an intranet page), but a page may not
    send the importer on to a loopback, private or link-local address it did not name.
    """
    try:
        for hop in range(MAX_REDIRECTS + 1):
            with requests.get(
                url,
                timeout=(READ_SECONDS, READ_SECONDS),
                headers={"User-Agent": "kasko-dcat import"},
                allow_redirects=False,
                stream=True,
            ) as response:
                if response.is_redirect:
                    target = urljoin(url, response.headers.get("Location", ""))
                    if hop == MAX_REDIRECTS or not target.lower().startswith(("http://", "https://")):
                        raise PageError("import-redirect-refused", url=url, target=target[:200])
                    if _local(target):
                        raise PageError("import-redirect-refused", url=url, target=target[:200])
                    url = target
                    continue
                if response.status_code >= 400:
                    raise PageError("import-http-status", url=url, status=response.status_code)
                return _body(response, url, deadline)
    except requests.RequestException as exc:
        raise PageError("import-unreachable", url=url, reason=type(exc).__name__) from None
    raise AssertionError("unreachable: the loop returns or raises")


def _body(response: requests.Response, url: str, deadline: float) -> bytes:
    """The decompressed body, stopped at :data:`MAX_PAGE_BYTES` or the deadline, whichever comes first."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
        raise PageError("import-too-large", url=url, limit=MAX_PAGE_BYTES // 1_000_000)
    chunks, total = [], 0
    # read1, not iter_content: that waits for a whole chunk, which a byte every few seconds never fills.
    while chunk := response.raw.read1(64 * 1024, decode_content=True):
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_PAGE_BYTES:
            raise PageError("import-too-large", url=url, limit=MAX_PAGE_BYTES // 1_000_000)
        if time.monotonic() > deadline:
            raise PageError("import-too-slow", url=url, seconds=TIMEOUT_SECONDS)
    if time.monotonic() > deadline:
        raise PageError("import-too-slow", url=url, seconds=TIMEOUT_SECONDS)
    return b"".join(chunks)


def _local(url: str) -> bool:
    """Whether ``url``'s host is, or resolves to, an address that is not public (loopback, private, …)."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False  # the request itself will fail and say so
    return any(not ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses)


def decode(data: bytes) -> str:
    """UTF-8 text (an HTML page may declare another charset); binary data is refused."""
    if b"\x00" in data:
        raise PageError("import-not-text")
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.IGNORECASE)
    encodings = ["utf-8-sig"] + ([declared.group(1).decode("ascii")] if declared else [])
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls > max(2, len(text) // 1000):
            raise PageError("import-not-text")
        return text
    raise PageError("import-not-text")


def is_html(text: str) -> bool:
    """Whether the text is markup rather than the plain text of a page."""
    return bool(re.search(r"<(?:html|body|p|h[1-6]|div|ul|li|br)\b", text[:20000], re.IGNORECASE))


def paragraphs(text: str, base: str | None = None, skipped: list[Line] | None = None) -> list[Paragraph]:
    """The page's paragraphs, from HTML or plain text; ``base`` is the page's address, for relative links.

    Lines of page furniture (:func:`is_furniture`) are left out: they are not the description. They
    go to ``skipped``, when given, with the reason, so that the import can list them.
    """
    found = _html_paragraphs(text, base, skipped) if is_html(text) else _text_paragraphs(text)
    out = []
    for paragraph in found:
        kept = []
        for line in paragraph.lines:
            if not is_furniture(line.text):
                kept.append(line)
            elif skipped is not None:
                line.reason = f"{FURNITURE}: {_FURNITURE_REASON}"
                skipped.append(line)
        paragraph.lines = kept
        if paragraph.lines:
            out.append(paragraph)
    return out


def is_furniture(text: str) -> bool:
    """Whether a line is page furniture (a skip link, breadcrumbs, a cookie notice, a copyright line)."""
    return bool(_FURNITURE_LINE.search(text.strip()))


def _clean(text: str) -> str:
    """The text without control and format characters (the source refuses them) and with plain spaces."""
    return "".join(
        " " if ch in "\u00a0\u2028\u2029" else ch
        for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf"}
    )


def _unnumbered(text: str) -> str:
    """A short line without its section number; sentences ("8. luokan …") and long lines stay as they are."""
    if len(text) <= 100 and not text.endswith("."):
        return _NUMBERING.sub("", text)
    return text


def _text_paragraphs(text: str) -> list[Paragraph]:
    text = _clean(text)
    raw_lines = text.splitlines()
    filled = [bool(line.strip()) for line in raw_lines]
    runs = sum(1 for i, full in enumerate(filled) if full and (i == 0 or not filled[i - 1]))
    numbered = list(enumerate(raw_lines, start=1))
    if runs > 10 and runs >= 0.9 * sum(filled):
        # A blank line after every line (double-spaced) says nothing about paragraphs: drop them.
        numbered = [(number, line) for number, line in numbered if line.strip()]
    return _numbered_paragraphs(numbered)


def _numbered_paragraphs(numbered: list[tuple[int, str]]) -> list[Paragraph]:
    out: list[Paragraph] = []
    current = Paragraph()
    for index, (number, raw) in enumerate(numbered):
        stripped = " ".join(raw.split())
        if not stripped:
            if current.lines:
                out.append(current)
            current = Paragraph()
            continue
        # Two numbered lines in a row are a numbered list ("1. Aurora", "2. Arkisto"); one alone is a
        # numbered heading ("2. Tietojärjestelmät").
        neighbours = [numbered[i][1] for i in (index - 1, index + 1) if 0 <= i < len(numbered)]
        listed = bool(_LIST_NUMBER.match(raw)) and any(_LIST_NUMBER.match(other) for other in neighbours)
        bullet = bool(_BULLET.match(raw)) or listed
        if bullet:
            pattern = _BULLET if _BULLET.match(raw) else _LIST_NUMBER
            current.lines.append(Line(number, " ".join(pattern.sub("", raw).split()), True))
        elif current.lines and current.lines[-1].bullet and raw[:1].isspace():
            # An indented line under a list item continues it (a wrapped address).
            current.lines[-1].text += " " + stripped
        else:
            current.lines.append(Line(number, _unnumbered(stripped)))
    if current.lines:
        out.append(current)
    return out


class _Extractor(HTMLParser):
    """Collects text per block element, keeping list items and headings apart and their line numbers."""

    def __init__(self, base: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[str] = []
        self.out: list[Paragraph] = []
        self.current = Paragraph()
        self.buffer: list[str] = []
        self.filled = False
        """Whether the buffer holds more than whitespace: kept, not re-joined per piece of text (linear time)."""
        self.start = 0
        self.skip = 0
        self.hidden = 0
        """Open elements whose text is no text of the page (scripts, styles, the head)."""
        self.dropped: list[Line] = []
        """The text of menus, footers, forms and other furniture elements, line by line, to list as skipped."""
        self.furniture: list[str] = []
        """The open tags inside an element of page furniture (a cookie notice, breadcrumbs), outermost first."""
        self.in_item = False
        self.in_heading = False
        self.in_row = False
        self.cells: list[tuple[int, int]] = []
        """Where each cell of the current table row starts in the buffer: (before its separator, its text)."""
        self.term = False
        """A dt has just ended: its dd continues the same line."""
        self.disclosures = 0
        """Open accordion buttons, read as headings rather than left out like other buttons."""
        self.header_row = False
        self.header: list[str] | None = None
        """The column names of the current table, from a row of th cells."""

    def _flush_line(self) -> None:
        text = " ".join(_clean("".join(self.buffer)).split())
        if text:
            text = _unnumbered(text) if self.in_heading else text
            self.current.lines.append(Line(self.start, text, self.in_item, self.links))
        self.buffer, self.links, self.filled = [], [], False

    def _flush_block(self) -> None:
        self._flush_line()
        if self.current.lines:
            self.out.append(self.current)
        self.current = Paragraph()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.furniture or (tag not in _CONTAINERS and _is_furniture_element(attrs)):
            if tag not in _VOID:
                self.furniture.append(tag)
            return
        href = dict(attrs).get("href") if tag == "a" else None
        if href and not self.skip:
            href = _clean(href).strip()  # a control character is no part of an address
            link = urljoin(self.base, href) if self.base else href
            if re.match(r"^https?://", link, re.IGNORECASE):
                self.links.append(link)
        if tag == "button" and not self.furniture and _is_disclosure(attrs):
            self.disclosures += 1
            tag = "summary"  # an accordion's heading: the resource's name, whatever is folded under it
        if tag in _SKIPPED:
            self.skip += 1
            self.hidden += tag in _NOT_TEXT
        elif tag == "br":
            self._flush_line()
        elif tag in {"td", "th"} and self.in_row:
            # A table row is one line, "label: value", so a two-column table reads like labelled lines.
            before = len(self.buffer)
            if self.filled:
                self.buffer.append(": ")
            self.cells.append((before, len(self.buffer)))
            self.header_row = self.header_row and tag == "th"
        elif tag == "dd" and self.term:
            # A definition list reads like labelled lines: "Tietojärjestelmät: a, b".
            self.buffer.append(": ")
            self.term, self.filled = False, True
        elif tag in _BLOCKS:
            if tag == "table":
                self.header = None
            if tag == "tr":
                self.cells, self.header_row = [], True
            if tag == "li":  # items of one list stay one paragraph, each its own line
                self._flush_line()
            elif tag not in {"ul", "ol"} or not self.in_item:
                self._flush_block()
            self.in_item = tag == "li" or (self.in_item and tag not in _HEADINGS)
            self.in_row = tag == "tr"
            self.in_heading = tag in _HEADINGS or tag == "summary"
            self.current.heading = self.in_heading
            self.current.level = int(tag[1]) if tag in _HEADINGS else 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.furniture:
            self._flush_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "button" and self.disclosures:
            self.disclosures -= 1
            tag = "summary"
        if self.furniture:
            if tag in self.furniture:  # end tags the page leaves out (</li>, </p>) are closed with it
                del self.furniture[len(self.furniture) - 1 - self.furniture[::-1].index(tag) :]
            return
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
            self.hidden = max(0, self.hidden - (tag in _NOT_TEXT))
        elif tag == "li":
            self._flush_line()
            self.in_item = False
        elif tag in {"ul", "ol"}:
            self._flush_block()
            self.in_item = False
        elif tag in {"td", "th"} and self.in_row:
            pass
        elif tag == "dt":
            self.term = True
        elif tag == "tr":
            self._table_row()
            self._flush_block()
            self.in_row = self.in_item = False
        elif tag in _BLOCKS:
            self._flush_block()
            self.in_heading = False

    def _table_row(self) -> None:
        """A row under a row of column names: ``X tietovaranto: Tietojärjestelmät: a, b``, an item of a list.

        The names carry into each row, so that a table of resources reads like a list of them with
        their labelled facts; the row of names itself says nothing more and is not a line of its own.
        """
        if not self.cells:  # a row without cells (a stray </tr>)
            return
        ends = [before for before, _ in self.cells[1:]] + [len(self.buffer)]
        texts = [
            " ".join("".join(self.buffer[start:end]).split()) for (_, start), end in zip(self.cells, ends, strict=True)
        ]
        if len(texts) >= 2 and self.header_row and all(texts):
            self.header, self.buffer, self.filled = texts, [], False
        elif self.header and len(texts) == len(self.header) >= 2 and texts[0]:
            facts = ". ".join(f"{name}: {text}" for name, text in zip(self.header[1:], texts[1:], strict=True) if text)
            self.buffer, self.filled = [f"{texts[0]}: {facts}" if facts else texts[0]], True
            self.in_item = True
        self.cells = []

    def handle_data(self, data: str) -> None:
        if self.skip or self.furniture:
            text = " ".join(_clean(data).split())
            if text and not self.hidden:  # a menu's or footer's words: listed as skipped, never read
                number = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
                if self.dropped and self.dropped[-1].number == number:
                    self.dropped[-1].text += " " + text
                else:
                    self.dropped.append(Line(number, text, reason=_SKIPPED_ELEMENT))
            return
        if not self.filled:
            lead = data[: len(data) - len(data.lstrip())]
            self.start = self.getpos()[0] + lead.count("\n")
            self.filled = bool(data.strip())
        self.buffer.append(data)


def _is_disclosure(attrs: list[tuple[str, str | None]]) -> bool:
    """A button that opens a folded section (an accordion): its text is a heading of the page."""
    named = dict(attrs)
    return (
        "aria-expanded" in named
        or "aria-controls" in named
        or bool(re.search(r"accordion|collaps", named.get("class") or ""))
    )


def _is_furniture_element(attrs: list[tuple[str, str | None]]) -> bool:
    values = " ".join(value or "" for name, value in attrs if name in {"class", "id", "aria-label", "role"})
    return bool(_FURNITURE_ATTRIBUTE.search(values))


def _html_paragraphs(text: str, base: str | None, skipped: list[Line] | None = None) -> list[Paragraph]:
    extractor = _Extractor(base)
    extractor.feed(text)
    extractor.close()
    extractor._flush_block()
    if skipped is not None:
        skipped.extend(extractor.dropped)
    return extractor.out
