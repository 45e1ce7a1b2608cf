"""Every language kasko-dcat knows, and how one is chosen: for messages, for pages, for texts.

Three lists with different reasons: the description is written in Finnish (the language of
record) with Swedish and English translations; the HTML pages are offered in the same three; the
command line speaks the languages its message catalogue is complete in.
"""

from __future__ import annotations

import os

LANGS = ("fi", "sv", "en")
"""Languages of the description: Finnish is the language of record, Swedish and English translations."""

UI_LANGS = LANGS
"""Languages of the HTML pages: the catalogue's own three."""

MESSAGE_LANGS = ("en", "fi", "sv")
"""Languages kasko-dcat speaks to its users in on the command line and in HTTP error bodies."""

LANG_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}
"""Each language's name in itself, as a language switch shows it."""

DEFAULT_PAGE_LANG = "fi"
DEFAULT_MESSAGE_LANG = "en"


def message_lang(explicit: str | None = None) -> str:
    """The message language: ``--lang``, then ``KASKO_DCAT_LANG``, then the locale; English otherwise."""
    for candidate in (explicit, os.environ.get("KASKO_DCAT_LANG"), os.environ.get("LANG", "")):
        if candidate:
            code = candidate[:2].lower()
            if code in MESSAGE_LANGS:
                return code
    return DEFAULT_MESSAGE_LANG


def page_lang(requested: str | None, accept_language: str | None) -> str:
    """``?lang=`` if it is one of ours, else the browser's preference among fi/sv/en, else Finnish."""
    if requested in UI_LANGS:
        return requested
    best, chosen = 0.0, None
    for tag, weight in weighted(accept_language or ""):
        primary = tag.split("-")[0]
        if primary in UI_LANGS and weight > best:
            best, chosen = weight, primary
    return chosen or DEFAULT_PAGE_LANG


def weighted(header: str) -> list[tuple[str, float]]:
    """An HTTP list with weights (``Accept``, ``Accept-Language``, RFC 9110 § 12.4.2), lower-cased.

    ``type;q=0.5, other`` → ``[("type", 0.5), ("other", 1.0)]``; a bad weight counts as 0.
    """
    ranges = []
    for part in header.split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        if not name:
            continue
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        ranges.append((name.lower(), weight))
    return ranges
