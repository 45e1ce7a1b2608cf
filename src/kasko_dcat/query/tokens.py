"""A query rewritten in one plain spelling, so that what is checked is exactly what Oxigraph runs.

Why: deciding whether a query may run (no ``SERVICE``, not too deep) on one reading of its text
and running it with another reader leaves a gap wherever the two grammars differ — a ``#``
comment ended by a bare CR was a comment to the old check and the start of a ``SERVICE`` pattern
to Oxigraph. pyoxigraph 0.5 exposes neither its parser nor its algebra, so instead of asking two
parsers to agree, :func:`normalise` cuts the text into SPARQL 1.1 tokens (§ 19.8 terminals) and
writes them back separated by single spaces, with no comments, strings in one escaped form and
``\\u`` escapes in IRIs decoded. **That** text is checked and handed to Oxigraph; the original
never is. On it the two readers cannot disagree about where a comment, a string or an IRI ends,
and the remaining question — can a token be read as the keyword ``SERVICE``? — is answered
conservatively: Oxigraph's PEG grammar matches keywords without a word boundary (``SERVICEx:q``
is ``SERVICE x:q`` to it, ``trueSERVICE`` may be ``true SERVICE``), so any bare word, prefix or
language tag holding the letters ``service`` is refused, and a variable or local name holding
them must be plain ASCII (``dcat:DataService``, ``?service`` stay usable).

Bounded: the tokens are counted and nested as they are read, so a query that would overflow
Oxigraph's recursive parser (20 000 ``!`` or 10 000 ``||`` kill the process with SIGSEGV) is
refused before Oxigraph sees it. Each pattern below is possessive or has a single way to match,
so cutting is linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_NESTING = 200
"""Deepest nesting of brackets plus unary operators in a row; real queries stay under 20, Oxigraph dies at ~10 000."""
MAX_TOKENS = 5000
"""Most tokens a query may have; the bundled queries have under 300, Oxigraph dies on a 10 000-operator chain."""

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"[{_BASE}](?:[{_CHARS}.]*+(?<!\.))?"
_LOCAL = rf"(?:[{_CHARS_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*+(?<!\.))?"
_ECHAR_UCHAR = r"\\[tbnrf\\\"']|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_EXPONENT = r"[eE][+-]?[0-9]+"

_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<space>[ \t\r\n]++)",
            r"(?P<comment>#[^\r\n]*+)",
            rf"(?P<string>'''(?:'{{0,2}}(?:[^'\\]|{_ECHAR_UCHAR}))*+'''"
            rf'|"""(?:"{{0,2}}(?:[^"\\]|{_ECHAR_UCHAR}))*+"""'
            rf"|'(?:[^'\\\n\r]|{_ECHAR_UCHAR})*+'"
            rf'|"(?:[^"\\\n\r]|{_ECHAR_UCHAR})*+")',
            r"(?P<iri><(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+>)",
            rf"(?P<var>[?$][{_CHARS_U}0-9][{_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*+)",
            rf"(?P<pname>(?:{_PREFIX})?:(?:{_LOCAL})?)",
            rf"(?P<blank>_:[{_CHARS_U}0-9](?:[{_CHARS}.]*+(?<!\.))?)",
            r"(?P<lang>@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+)",
            rf"(?P<number>[+-]?(?:[0-9]*+\.[0-9]++(?:{_EXPONENT})?|[0-9]++\.[0-9]*+{_EXPONENT}|[0-9]++(?:{_EXPONENT})?))",
            r"(?P<word>[A-Za-z_][A-Za-z0-9_]*+)",
            r"(?P<open><<\(|<<|\{\||[{(\[])",
            r"(?P<close>\)>>|>>|\|\}|[})\]])",
            r"(?P<unary>!(?!=)|\^(?!\^))",
            r"(?P<operator>\^\^|&&|\|\||!=|<=|>=|[=<>*/+\-|.,;?])",
        )
    )
)
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_IRI_CHAR = re.compile(r"[^<>\"{}|^`\\\x00-\x20]*")
_ASCII_NAME = re.compile(r"[A-Za-z0-9_\-]*")
_DANGEROUS = "service"
_SIGNS = ("+", "-")
_BEFORE_UNARY = frozenset({"!", "^", "+", "-", "(", ",", "*", "/", "=", "!=", "<", ">", "<=", ">=", "&&", "||"})


class Refused(Exception):
    """Why the text cannot be run: a message code, its parameters and where in the original text."""

    def __init__(self, code: str, line: int = 0, column: int = 0, **params: object) -> None:
        super().__init__(code)
        self.code, self.line, self.column, self.params = code, line, column, params


@dataclass(frozen=True)
class Normal:
    """The query in its one spelling, and where each of its characters came from in the original."""

    text: str
    words: frozenset[str]
    """Bare words in upper case (keywords), for naming an update as such."""
    starts: tuple[int, ...]
    """For each token, its offset in :attr:`text`, and in :attr:`origins` its offset in the original."""
    origins: tuple[int, ...]
    original: str

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The line and column in the original text of Oxigraph's 1-based position in :attr:`text`."""
        if line != 1 or not self.starts:
            return line, column
        offset = column - 1
        index = max(0, _bisect(self.starts, offset))
        origin = self.origins[index] + max(0, offset - self.starts[index])
        return _line_column(self.original, min(origin, len(self.original)))


def normalise(text: str) -> Normal:
    """``text`` cut into tokens and written back in one spelling; :class:`Refused` if it must not run."""
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    words: set[str] = set()
    depth = deepest = unary = 0
    length = 0
    position = 0
    gap = False
    previous = last = ""
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            line, column = _line_column(text, position)
            raise Refused("query-syntax", line, column, problem=f"unexpected {text[position]!r}")
        kind, value = match.lastgroup or "", match.group()
        at = position
        position = match.end()
        if kind in ("space", "comment"):
            gap = True
            continue
        if len(starts) >= MAX_TOKENS:
            raise Refused("query-too-long", limit=MAX_TOKENS)
        if kind == "string":
            value = _string(value, text, at)
        elif kind == "iri":
            value = _iri(value, text, at)
        depth += (kind == "open") - (kind == "close")
        signed = value in _SIGNS and last in _BEFORE_UNARY
        unary = unary + 1 if kind == "unary" or signed else 0
        deepest = max(deepest, depth + unary)
        if deepest > MAX_NESTING:
            raise Refused("query-too-deep", limit=MAX_NESTING)
        _guard(kind, value)
        if kind == "word":
            words.add(value.upper())
        if pieces and (gap or "string" in (kind, previous)):
            pieces.append(" ")
            length += 1
        starts.append(length)
        origins.append(at)
        pieces.append(value)
        length += len(value)
        gap, previous, last = False, kind, value
    normal = "".join(pieces)
    if re.search(r"\\[uU][0-9A-Fa-f]{4}", normal):  # never left for Oxigraph to decode a second time
        raise Refused("query-syntax", 1, 1, problem="\\u escape")
    return Normal(normal, frozenset(words), tuple(starts), tuple(origins), text)


def _guard(kind: str, value: str) -> None:
    """Refuse a token Oxigraph might read as (or split into) the keyword ``SERVICE``."""
    lowered = value.lower()
    if _DANGEROUS not in lowered or kind in ("string", "iri", "number"):
        return
    if kind in ("word", "lang", "blank"):
        raise Refused("query-service")
    if kind == "pname":
        prefix, _, local = lowered.partition(":")
        if _DANGEROUS in prefix or not _ASCII_NAME.fullmatch(local):
            raise Refused("query-service")
    elif kind == "var" and not _ASCII_NAME.fullmatch(lowered[1:]):
        raise Refused("query-service")


def _string(token: str, text: str, at: int) -> str:
    """A string literal with its escapes decoded, written back double-quoted with only ``\\\\ \\" \\n \\r``."""
    quote = 3 if token[:3] in ('"""', "'''") else 1
    value = _ESCAPE.sub(_decoded, token[quote:-quote])
    if "\x00" in value or _has_surrogate(value):
        line, column = _line_column(text, at)
        raise Refused("query-syntax", line, column, problem="a character no RDF literal can hold")
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _iri(token: str, text: str, at: int) -> str:
    """An IRI with its ``\\u`` escapes decoded; refused if an escape hides a character IRIs may not hold."""
    value = _ESCAPE.sub(_decoded, token[1:-1])
    if not _IRI_CHAR.fullmatch(value) or _has_surrogate(value):
        line, column = _line_column(text, at)
        raise Refused("query-syntax", line, column, problem="a character an IRI may not hold")
    return f"<{value}>"


def _decoded(match: re.Match[str]) -> str:
    hex_digits = match.group(1) or match.group(2)
    if hex_digits is None:
        return _ESCAPES[match.group(3)]
    number = int(hex_digits, 16)
    return chr(number) if number <= 0x10FFFF else "\x00"


def _has_surrogate(value: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in value)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1, offset - line_start + 1


def _bisect(starts: tuple[int, ...], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1
