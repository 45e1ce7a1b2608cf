"""Values of a source that look like page furniture rather than a name (``validate``'s warning, issue 18).

An imported draft may still carry what an older import, or a hurried copy, took from a page's
furniture: "Ohita valikko" as the publisher, "Asiakirjajulkisuuskuvaus" or a whole sentence as a
resource's title. Such a source builds and conforms to every shape (a name is a name to SHACL),
so this check looks at the words themselves, with the same rules the importer uses to leave such
text out, and ``validate`` warns where it finds one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kasko_dcat.importer.kinds import BlockKind, classify_block
from kasko_dcat.importer.pagetext import is_furniture
from kasko_dcat.model.description import Source
from kasko_dcat.source.problems import Where

_GENERIC = re.compile(
    r"^(?:asiakirjajulkisuuskuvaus|julkisuuskuvaus|tietovarannot|tietovarantojen kuvaus|etusivu|sisällys"
    r"|beskrivning av handling\w{0,4} offentlighet|informationslager|startsida|home|menu|valikko|meny)$",
    re.IGNORECASE,
)
"""Headings every § 28 page has and menu words: the page's furniture, never one authority's or resource's name."""
MAX_NAME_WORDS = 20
"""Longer than any name on the authorities' pages seen (the longest, in English, has 15 words): a sentence."""


@dataclass(frozen=True)
class Furniture:
    """A value that looks like page furniture: where it is, what it names, why it looks so."""

    where: Where | None
    field: str
    value: str
    reason: str


def why_furniture(value: str) -> str | None:
    """Why ``value`` looks like page furniture rather than a name, or None when it looks like a name."""
    text = " ".join(value.split())
    if is_furniture(text) or _GENERIC.match(text.strip(" .:")):
        return "navigation"
    if classify_block(text).kind is BlockKind.NAVIGATION:
        return "navigation"
    if len(text.split()) > MAX_NAME_WORDS or re.search(r"[.!?]\s+\S|[.!?]$", text):
        return "sentence"
    return None


def furniture(source: Source) -> list[Furniture]:
    """The publisher's and each resource's name where it looks like page furniture, in source order."""
    found: list[Furniture] = []
    named = [("organisation", item.id, "name", item.name) for item in source.organisations]
    named += [("dataset", item.id, "title", item.title) for item in source.resources]
    for kind, ident, field, text in named:
        for value in dict.fromkeys(value for value in text.values() if value):
            reason = why_furniture(value)
            if reason is not None:
                found.append(Furniture(source.places.get(kind, {}).get(ident), field, value, reason))
    return found
