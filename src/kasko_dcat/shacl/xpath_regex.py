"""XPath regular expressions (``sh:pattern``, ``sh:flags``) as the ``regex`` package runs them.

SHACL § 4.4.3 evaluates ``sh:pattern`` as SPARQL's ``REGEX``, which takes XPath Functions and
Operators 3.1 § 5.6 (the XSD regex language with ``^``/``$``, backreferences, reluctant
quantifiers and non-capturing groups; flags ``s m i x q``). Python's ``re`` reads the same text
differently in places that change results, so each is translated here:

=================  ================================================  ===================================
XPath              meaning (F&O 3.1 § 5.6.1–5.6.2, XSD 1.1 § G)       here
=================  ================================================  ===================================
``.`` (no ``s``)   any character but ``\\n`` and ``\\r``               ``[^\\n\\r]`` (``re``: only ``\\n``)
``$`` (no ``m``)   the very end of the string                        ``\\Z`` (``re``: also before a final ``\\n``)
``x``              drop whitespace outside ``[…]``; ``#`` is a        done here (``re.X`` makes ``#`` a comment)
                   character
``q``              every character stands for itself                 escaped
``\\s`` ``\\S``       ``[ \\t\\n\\r]`` and its complement                 those four only
``\\w`` ``\\W``       not punctuation, separator or other (\\p{P}…)      ``[^\\p{P}\\p{Z}\\p{C}]`` (``re``: letters,
                                                                     digits and ``_``)
``\\i`` ``\\c``       XML name start / name characters                  the XML 1.0 (5th ed.) ranges
``\\p{IsX}``        the Unicode block X                               ``\\p{Block=X}``
``[a-z-[aeiou]]``  class subtraction                                 ``regex``'s ``--``
=================  ================================================  ===================================

An escape XPath does not define (``\\b``, ``\\A``, …) or a ``(?`` group other than ``(?:`` is
not XPath: the pattern is refused (the caller names the shape) rather than read as Python would.

Matching runs with a time limit (:data:`TIME_LIMIT` seconds per value): backtracking on a
pathological pattern such as ``^(\\w+\\s?)+$`` can otherwise take hours, and a validator must
answer. A value that exceeds it raises :class:`PatternTimeout`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

TIME_LIMIT = 2.0
"""Seconds one ``sh:pattern`` may take on one value before the run is stopped with a clear message."""

_NAME_START = (
    ":A-Z_a-z\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F"
    "\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\U00010000-\\U000EFFFF"
)
_NAME = _NAME_START + "\\-.0-9\\xB7\\u0300-\\u036F\\u203F-\\u2040"

_CLASS_ESCAPES = {
    "s": " \\t\\n\\r",
    "S": "[^ \\t\\n\\r]",
    "w": "[^\\p{P}\\p{Z}\\p{C}]",
    "W": "\\p{P}\\p{Z}\\p{C}",
    "i": _NAME_START,
    "I": f"[^{_NAME_START}]",
    "c": _NAME,
    "C": f"[^{_NAME}]",
    "d": "\\p{Nd}",
    "D": "\\P{Nd}",
}
"""Multi-character escapes as the inside of a ``regex`` V1 character class."""

_SINGLE_ESCAPES = set("nrt\\|.?*+(){}-[]^$")
"""XSD's single-character escapes (``\\n`` … ``\\$``), kept as written."""

_QUANTIFIER = regex.compile(r"\{\d+(,\d*)?\}")
_FLAGS = {"i": regex.IGNORECASE, "s": regex.DOTALL, "m": regex.MULTILINE}


class NotXPath(ValueError):
    """The pattern or its flags are not an XPath regular expression; the message says what."""


class PatternTimeout(Exception):
    """One value took longer than :data:`TIME_LIMIT` to match."""


@dataclass(frozen=True)
class XPathRegex:
    """A compiled ``sh:pattern`` with its flags."""

    pattern: str
    flags: str
    compiled: regex.Pattern[str]

    def search(self, text: str) -> bool:
        """Whether the pattern matches somewhere in ``text`` (XPath ``fn:matches``)."""
        try:
            return self.compiled.search(text, timeout=TIME_LIMIT) is not None
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None


def compile_xpath(pattern: str, flags: str = "") -> XPathRegex:
    """Translate and compile; :class:`NotXPath` says why a pattern or flag is not XPath's."""
    if unknown := set(flags) - set("ismxq"):
        raise NotXPath(
            f"sh:flags {flags!r} has {''.join(sorted(unknown))!r}, not among XPath's regex flags s, m, i, x, q"
        )
    if "q" in flags:
        translated = regex.escape(pattern)
    else:
        if "x" in flags:
            pattern = _drop_whitespace(pattern)
        translated = _translate(pattern, dot_all="s" in flags, multiline="m" in flags)
    options = regex.V1 | sum((_FLAGS[f] for f in flags if f in _FLAGS and (f == "i" or "q" not in flags)), 0)
    try:
        compiled = regex.compile("(?-f)" + translated, options)
    except regex.error as exc:
        raise NotXPath(f"not a valid regular expression ({exc})") from None
    return XPathRegex(pattern, flags, compiled)


def _drop_whitespace(pattern: str) -> str:
    """The ``x`` flag: whitespace outside character classes removed; ``#`` stays a character."""
    out, depth, escaped = [], 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        elif depth == 0 and char in " \t\n\r":
            continue
        out.append(char)
    return "".join(out)


def _translate(pattern: str, *, dot_all: bool, multiline: bool) -> str:
    out: list[str] = []
    depth = 0  # nesting of character classes (subtraction nests them)
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            if i + 1 >= n:
                raise NotXPath("the pattern ends with a lone backslash")
            nxt = pattern[i + 1]
            if nxt in "pP":
                end = pattern.find("}", i)
                if i + 2 >= n or pattern[i + 2] != "{" or end < 0:
                    raise NotXPath(f"\\{nxt} without {{…}}")
                name = pattern[i + 3 : end]
                out.append(f"\\{nxt}{{Block={name[2:]}}}" if name.startswith("Is") else f"\\{nxt}{{{name}}}")
                i = end + 1
                continue
            if nxt in _CLASS_ESCAPES:
                inner = _CLASS_ESCAPES[nxt]
                out.append(inner if depth or inner.startswith("[") else f"[{inner}]")
            elif nxt in _SINGLE_ESCAPES:
                out.append("\\" + nxt)
            elif nxt.isdigit() and depth == 0 and nxt != "0":
                out.append("\\" + nxt)  # a backreference
            else:
                raise NotXPath(f"\\{nxt} is not an XPath escape")
            i += 2
            continue
        if depth:
            if char == "[":
                raise NotXPath("'[' inside a character class must be escaped")
            if char == "-" and i + 1 < n and pattern[i + 1] == "[":
                out.append("--[")  # XSD class subtraction
                depth += 1
                i += 2
                if i < n and pattern[i] == "^":
                    out.append("^")
                    i += 1
                continue
            if char == "]":
                depth -= 1
            elif char in "&~|":
                out.append("\\" + char)  # set operators in regex V1, plain characters in XSD
                i += 1
                continue
            out.append(char)
            i += 1
            continue
        if char == "[":
            depth = 1
            out.append("[")
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                raise NotXPath("an empty character class '[]'")
            continue
        if char == "(" and pattern.startswith("(?", i) and not pattern.startswith("(?:", i):
            raise NotXPath("'(?' groups other than '(?:' are not XPath")
        if char == "{":
            quantifier = _QUANTIFIER.match(pattern, i)
            if quantifier is None:
                raise NotXPath("'{' that does not start a quantifier {n}, {n,} or {n,m} must be escaped")
            out.append(quantifier.group())
            i = quantifier.end()
            continue
        if char == "}":
            raise NotXPath("'}' outside a quantifier must be escaped")
        if char == "." and not dot_all:
            out.append("[^\\n\\r]")
        elif char == "$" and not multiline:
            out.append("\\Z")
        else:
            out.append(char)
        i += 1
    if depth:
        raise NotXPath("a character class '[' is not closed")
    return "".join(out)
