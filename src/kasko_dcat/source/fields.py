"""Typed, checked access to one YAML block, with every complaint tied to its line.

Each ``parse`` function in the model modules reads its block only through :class:`Fields`,
so the accepted fields of a block are exactly the ones its parser asks for, and anything else
is reported as an unknown field with a "did you mean" suggestion.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple, TypeVar, overload
from urllib.parse import urlsplit

from kasko_dcat.i18n.languages import LANGS
from kasko_dcat.rdf.iris import slug
from kasko_dcat.rdf.vocabularies import VOCABULARIES
from kasko_dcat.source.problems import Problems, Where
from kasko_dcat.source.yamlread import Block, Items

Text = dict[str, str]
"""A human text as ``{lang: text}``; ``fi`` is always present."""

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Characters RFC 3987 allows in an IRI (no spaces, quotes, angle brackets, {}, |, \, ^ or `);
# rdflib refuses to serialise an IRI with any of the others. Written so that it is also a valid
# ECMAScript regex in `u` mode (the JSON Schemas carry it to editors): no escape before `"`.
IRI_CHAR = r'[^\s<>"{}|\\^`]'
_URL = re.compile(rf"^https?://(?:(?![/?#]){IRI_CHAR})+\.(?:(?![/?#]){IRI_CHAR})+(?:[/?#]{IRI_CHAR}*)?$")
# Months and days in range, so that an editor refuses 2026-13-45 as the reader does (the reader
# then asks the calendar about 31 February); [0-9], as Python's \d also takes other scripts' digits.
_DATE = re.compile(r"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]*[0-9]$")
# ckanext-dcat / CKAN validators accept tags of 2-100 letters, digits, space, '-', '_' and '.'.
_KEYWORD = re.compile(r"^[\w \-.]{2,100}$")

T = TypeVar("T")


class Phone(NamedTuple):
    """A phone number as the source writes it, and as the ``tel:`` IRI published for it."""

    written: str
    tel: str


class Ref(str):
    """An id that points at another part of the source; remembers where it was written."""

    kind: str
    where: Where

    def __new__(cls, value: str, kind: str, where: Where) -> Ref:
        ref = super().__new__(cls, value)
        ref.kind, ref.where = kind, where
        return ref


@dataclass
class Context:
    """What all parsers of one build share: the problem list, the id registry and the references."""

    problems: Problems
    ids: dict[str, dict[str, Where]] = field(default_factory=dict)
    refs: list[Ref] = field(default_factory=list)
    unreadable: bool = False
    """A file could not be read; its ids are unknown, so references to them are not judged."""


def _found(value: object) -> str:
    if isinstance(value, Block):
        return "a block"
    if isinstance(value, Items):
        return "a list"
    return f"'{value}'"


PATTERNS = {"id": _ID, "url": _URL, "date": _DATE, "email": _EMAIL, "phone": _PHONE}
"""The value rules the reader checks, shared with the JSON Schemas (``model/schema.py``)."""


def is_web_address(value: str) -> bool:
    """Whether ``value`` is an http(s) address the source accepts (and rdflib can serialise)."""
    return bool(_URL.match(value)) and is_sound_iri(value)


def is_sound_iri(value: str) -> bool:
    """Whether ``value``'s parts are well formed: a port of digits, a closed IPv6 bracket, ``%`` + two hex digits.

    A pattern over the characters cannot see these, and Oxigraph refuses the whole catalogue when
    one IRI is malformed: ``query``, ``serve`` and ``publish`` could not load what ``build`` wrote.
    """
    if _BAD_PERCENT.search(value):
        return False
    try:
        parts = urlsplit(value)
        port = parts.port  # ValueError unless digits in 0–65535
    except ValueError:
        return False
    host = parts.hostname or ""
    bracketed = parts.netloc.rpartition("@")[2].startswith("[")
    return bool(host) and (bracketed or not any(c in host for c in "[]")) and (port is None or port > 0)


_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def is_email(value: str) -> bool:
    """Whether ``value`` is an e-mail address the source accepts."""
    return bool(_EMAIL.match(value))


def normalise_phone(raw: str) -> str | None:
    """Return the E.164 ``tel:`` IRI of a Finnish number (``09 310 8600`` → ``tel:+35893108600``), or None."""
    if not _PHONE.match(raw):
        return None
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        number = digits
    elif digits.startswith("0"):
        number = "358" + digits[1:]
    else:
        return None
    return f"tel:+{number}" if 8 <= len(number) <= 15 else None


@dataclass(frozen=True)
class Period:
    """A period of time (``dct:temporal``): either end may be open."""

    start: str | None
    end: str | None


class Fields:
    """One YAML block being read; collects problems instead of raising."""

    def __init__(self, ctx: Context, path: Path, block: Block) -> None:
        self.ctx, self.path, self.block = ctx, path, block
        self._asked: list[str] = []

    @classmethod
    def of(cls, ctx: Context, path: Path, value: object, name: str, line: int = 0) -> Fields | None:
        """Wrap ``value`` if it is a block; otherwise record an error and return None."""
        if isinstance(value, Block):
            return cls(ctx, path, value)
        ctx.problems.error(Where.of(path, line), "not-a-mapping", key=name, found=_found(value))
        return None

    # --- plumbing -------------------------------------------------------------------------------
    def where(self, key: str | None = None) -> Where:
        """The line of ``key`` in this block, or of the block itself."""
        line = self.block.lines.get(key, self.block.line) if key else self.block.line
        return Where.of(self.path, line)

    def error(self, at: str | None, code: str, **params: object) -> None:
        """Record an error on the line of field ``at`` (or of the block)."""
        self.ctx.problems.error(self.where(at), code, **params)

    def gap(self, at: str | None, code: str, **params: object) -> None:
        """Record an unknown fact on the line of field ``at`` (or of the block)."""
        self.ctx.problems.gap(self.where(at), code, **params)

    def _get(self, key: str, required: bool) -> object | None:
        """The raw value; an empty or blank text counts as absent, like ``~``."""
        self._asked.append(key)
        value = self.block.get(key)
        if isinstance(value, str) and not value.strip():
            value = None
        if value is None and required:
            self.error(key if key in self.block else None, "missing-field", key=key)
        return value

    def _scalar(self, key: str, value: object, kind: type[T]) -> T | None:
        if isinstance(value, kind) and not isinstance(value, Block | Items):
            return value
        self.error(key, "not-text" if kind is str else "not-bool", key=key, found=_found(value))
        return None

    def _list(self, key: str, required: bool) -> Items:
        value = self._get(key, required)
        if isinstance(value, Items):
            return value
        if value is not None:
            self.error(key, "not-a-list", key=key, found=_found(value))
        empty = Items()
        empty.line, empty.lines = self.block.line, []
        return empty

    def _each(self, key: str, required: bool, read: Callable[[object, Where], T | None]) -> list[T]:
        items = self._list(key, required)
        if required and not items and key in self.block:
            self.error(key, "empty-list", key=key)
        out: list[T] = []
        for value, line in zip(items, items.lines, strict=True):
            result = read(value, Where.of(self.path, line))
            if result is not None:
                out.append(result)
        return out

    def _each_text(self, key: str, read: Callable[[str, Where], T | None]) -> list[T]:
        """Like ``_each`` for a list of plain texts: non-text, empty and repeated items are reported."""
        seen: set[str] = set()

        def text_item(value: object, where: Where) -> T | None:
            if not isinstance(value, str):
                self.ctx.problems.error(where, "not-text", key=key, found=_found(value))
                return None
            if not value.strip():
                self.ctx.problems.error(where, "empty-item", key=key)
                return None
            if value.strip() in seen:
                self.ctx.problems.error(where, "duplicate-value", key=key, value=value.strip())
                return None
            seen.add(value.strip())
            return read(value.strip(), where)

        return self._each(key, False, text_item)

    def done(self) -> None:
        """Report fields that no parser asked for: typos and misplaced lines."""
        allowed = ", ".join(sorted(set(self._asked)))
        for key in self.block:
            if key not in self._asked:
                close = difflib.get_close_matches(key, self._asked, n=1, cutoff=0.6)
                if close:
                    self.error(key, "unknown-field", key=key, close=close[0], allowed=allowed)
                else:
                    self.error(key, "unknown-field-far", key=key, allowed=allowed)

    # --- text -----------------------------------------------------------------------------------
    @overload
    def string(self, key: str, required: Literal[True] = True) -> str: ...
    @overload
    def string(self, key: str, required: bool) -> str | None: ...

    def string(self, key: str, required: bool = True) -> str | None:
        """Plain text that is not translated (a code, an address line); ``""`` if required and missing."""
        value = self._get(key, required)
        text = None if value is None else self._scalar(key, value, str)
        if text is None:
            return "" if required else None
        return text.strip()

    def strings(self, key: str) -> list[str]:
        """A list of plain texts."""
        return self._each_text(key, lambda value, where: value)

    @overload
    def text(self, key: str, required: Literal[True] = True) -> Text: ...
    @overload
    def text(self, key: str, required: bool) -> Text | None: ...

    def text(self, key: str, required: bool = True) -> Text | None:
        """A human text in fi (required) and sv/en (a gap when missing); ``{}`` if required and missing."""
        value = self._get(key, required)
        text = None if value is None else self._text(key, value, self.where(key))
        return {} if text is None and required else text

    def texts(self, key: str) -> list[Text]:
        """A list of human texts, each ``{fi, sv, en}``, named in IRIs by their Finnish text (``iris.slug``)."""
        named: dict[str, str] = {}

        def read(value: object, where: Where) -> Text | None:
            text = self._text(key, value, where)
            if text is None:
                return None
            name = slug(first_text(text))
            if not name:
                self.ctx.problems.error(where, "text-without-name", key=key, text=first_text(text))
                return None
            if name in named:
                self.ctx.problems.error(where, "duplicate-text", key=key, text=first_text(text), other=named[name])
                return None
            named[name] = first_text(text)
            return text

        return self._each(key, False, read)

    def _text(self, key: str, value: object, where: Where) -> Text | None:
        if not isinstance(value, Block):
            self.ctx.problems.error(where, "text-not-per-language", key=key, found=_found(value))
            return None
        text: Text = {}
        for lang, item in value.items():
            at = Where.of(self.path, value.lines[lang])
            if lang not in LANGS:
                self.ctx.problems.error(at, "unknown-lang", key=key, lang=lang)
            elif (lang != "fi" or _other_text(value)) and (
                item is None or (isinstance(item, str) and not item.strip())
            ):
                # Written but not yet translated (``sv: ~``; ``fi: ~`` under a Swedish page's text): a
                # translator's to-do, not a mistake.
                self.ctx.problems.gap(at, "gap-translation", key=key, lang=lang)
            elif not isinstance(item, str):
                self.ctx.problems.error(at, "not-text", key=f"{key}.{lang}", found=_found(item))
            elif not item.strip():
                self.ctx.problems.error(at, "empty-text", key=key, lang=lang)
            else:
                text[lang] = item.strip()
        if "fi" not in text:
            if "fi" not in value:
                self.ctx.problems.error(where, "missing-fi", key=key)
            if not text:
                return None
        for lang in LANGS[1:]:
            if lang not in value:
                self.ctx.problems.gap(where, "gap-translation", key=key, lang=lang)
        return text

    def keywords(self, key: str) -> dict[str, list[str]] | None:
        """Keywords per language, each safe for CKAN's tag validator."""
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, Block):
            self.error(key, "not-a-mapping", key=key, found=_found(value))
            return None
        sub = Fields(self.ctx, self.path, value)

        def read(word: str, where: Where) -> str | None:
            if _KEYWORD.match(word):
                return word
            self.ctx.problems.error(where, "bad-keyword", value=word)
            return None

        out = {lang: words for lang in LANGS if (words := sub._each_text(lang, read))}
        if "fi" not in value:
            self.error(key, "missing-fi", key=key)
        for lang in LANGS[1:]:
            if lang not in value:
                self.gap(key, "gap-translation", key=key, lang=lang)
        sub.done()
        return out

    # --- ids and references -----------------------------------------------------------------------
    def ident(self, kind: str, key: str = "id") -> str:
        """Read the block's own id and register it, so that a second use is reported; ``""`` if invalid."""
        value = self.string(key)
        if not value:
            return ""
        if not _ID.match(value):
            self.error(key, "bad-id", value=value)
            return ""
        registry = self.ctx.ids.setdefault(kind, {})
        if value in registry:
            self.error(key, "duplicate-id", kind=kind, id=value, first=registry[value])
            return ""
        registry[value] = self.where(key)
        return value

    @overload
    def ref(self, key: str, kind: str, required: Literal[True] = True) -> Ref: ...
    @overload
    def ref(self, key: str, kind: str, required: bool) -> Ref | None: ...

    def ref(self, key: str, kind: str, required: bool = True) -> Ref | None:
        """An id of another part of the source, checked once everything is read."""
        value = self.string(key, required)
        if value is None:
            return None
        ref = Ref(value, kind, self.where(key))
        if value:
            self.ctx.refs.append(ref)
        return ref

    def refs(self, key: str, kind: str) -> list[Ref]:
        """A list of ids of other parts of the source."""

        def read(value: str, where: Where) -> Ref:
            ref = Ref(value, kind, where)
            self.ctx.refs.append(ref)
            return ref

        return self._each_text(key, read)

    # --- typed values -----------------------------------------------------------------------------
    def url(self, key: str, required: bool = False) -> str | None:
        """An http(s) address, or None when absent."""
        value = self.string(key, required)
        if value and not is_web_address(value):
            self.error(key, "bad-url", value=value)
            return None
        return value

    def urls(self, key: str) -> list[str]:
        """A list of http(s) addresses."""

        def read(value: str, where: Where) -> str | None:
            if is_web_address(value):
                return value
            self.ctx.problems.error(where, "bad-url", value=value)
            return None

        return self._each_text(key, read)

    def email(self, key: str) -> str | None:
        """An e-mail address, written without ``mailto:``, or None when absent."""
        value = self.string(key, False)
        if value is not None and not is_email(value):
            self.error(key, "bad-email", value=value)
            return None
        return value

    def phone(self, key: str) -> Phone | None:
        """A Finnish phone number and its ``tel:`` IRI, or None when absent."""
        value = self.string(key, False)
        if value is None:
            return None
        tel = normalise_phone(value)
        if tel is None:
            self.error(key, "bad-phone", value=value)
            return None
        return Phone(value, tel)

    def date(self, key: str) -> str | None:
        """A calendar date written as YYYY-MM-DD, or None when absent."""
        value = self.string(key, False)
        if value is None:
            return None
        try:
            if not _DATE.match(value):
                raise ValueError(value)
            datetime.date.fromisoformat(value)
        except ValueError:
            self.error(key, "bad-date", value=value)
            return None
        return value

    def period(self, key: str) -> Period | None:
        """A period of time written as a block of ``start`` and ``end`` dates, or None when absent."""
        block = self.sub(key)
        if block is None:
            return None
        start, end = block.date("start"), block.date("end")
        block.done()
        if start is not None and end is not None and end < start:
            block.error("end", "period-backwards", start=start, end=end)
        return None if start is None and end is None else Period(start, end)

    def flag(self, key: str) -> bool | None:
        """True / false, or None when the source leaves it unknown."""
        value = self._get(key, False)
        return None if value is None else self._scalar(key, value, bool)

    def code(self, key: str, table: str, required: bool = False) -> str | None:
        """A code of a controlled vocabulary table (see data/vocabularies.ttl), or None when absent."""
        value = self.string(key, required)
        if not value or not self._known_code(table, value, self.where(key)):
            return None
        return value

    def choice(self, key: str, table: str, options: list[str]) -> str:
        """One of a fixed set of words defined by this tool (not by a vocabulary file)."""
        value = self.string(key)
        if value and value not in options:
            self.error(key, "unknown-code", value=value, table=table, codes=", ".join(options))
            return ""
        return value

    def codes(self, key: str, table: str) -> list[str]:
        """Codes of a controlled vocabulary table."""
        return self._each_text(key, lambda value, where: value if self._known_code(table, value, where) else None)

    def _known_code(self, table: str, value: str, where: Where) -> bool:
        known = VOCABULARIES.codes(table)
        if value in known:
            return True
        self.ctx.problems.error(where, "unknown-code", value=value, table=table, codes=", ".join(known))
        return False

    # --- nested blocks ---------------------------------------------------------------------------
    def sub(self, key: str, required: bool = False) -> Fields | None:
        """A nested block."""
        value = self._get(key, required)
        if value is None:
            return None
        return Fields.of(self.ctx, self.path, value, key, self.block.lines[key])

    def subs(self, key: str, required: bool = False) -> list[Fields]:
        """A list of nested blocks."""
        return self._each(key, required, lambda value, where: Fields.of(self.ctx, self.path, value, key, where.line))


def _other_text(value: Block) -> bool:
    """Whether a per-language text is written in a language other than Finnish (a Swedish page's import)."""
    return any(lang != "fi" and isinstance(item, str) and item.strip() for lang, item in value.items())


def first_text(text: Text) -> str:
    """The text in Finnish, or where only another language is written yet (an imported Swedish page), in that."""
    return text.get("fi") or next(iter(text.values()))
