"""The import's promise that nothing is dropped, checked word by word against what was written.

The reader places what it recognises and lists what it does not; a layout it half-understands
could still lose a word between the two (a lead-in cut off a list, a street left out of an
address). So after the files are written, the accounting stage (:mod:`~kasko_dcat.importer.accounting`)
looks for every content line of the page in them word by word, with these words, and a line with a
word found nowhere goes to ``unplaced.yaml`` as well.

Words that only say where a fact belongs (headings such as *Tietojärjestelmät*, labels, the
lead-ins of lists: *käytetään*, *esimerkiksi*) are structure, not content: the files say the
same by where they put the fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import yaml

from kasko_dcat.files import SAFE_LOADER

T = TypeVar("T")

_STRUCTURE = re.compile(
    r"^(?:"
    # the § 28 sections and labels, Finnish
    r"tietovara|tietojärjestelm|järjestelm|hakutekij|hakuehd|tietoaineist|tietosisäl|tietoryhm|rekisterit$|"
    r"rekistereihin|rekistereitä|rekistereistä|kuvau|kuvaus|yleiskuvau|tietosuojaselost|rajapin|tietopyyn|"
    r"asiakirjapyyn|esimerk|yhteystiet|yhteystied|avoime|teknise|saatava|saatavill|saatavuu|kautt|"
    r"teknine|kyllä$|sähköpost|puh$|puhelin|postitse|postiosoit|käyntiosoit|tekemi|yhteydessä$|yllä$|tietoa$|tiedot$|tietoja$|"
    r"tiedonhallin|asiakirjajulkisuu|julkisuuskuvau|"
    # the lead-ins of lists and the verbs of the sentences that carry them
    r"på$|sisält|kuulu|muodostu|koostu|käytetää|käytöss|käyttää|käytt|voida|voi$|ylläpid|pidetää|tallenne|"
    r"seuraav|lisäksi|toimiva|toimii|ovat$|on$|ei$|eivät$|ole$|ja$|sekä$|tai$|mm$|muun$|muassa$|"
    r"esim$|kuten$|myös$|niin$|tämä$|tässä$|alla$|näitä$|nämä$|se$|ne$|että$|jossa$|joissa$|"
    # Swedish
    r"informationsresurs|informationssystem|system|sökkriteri|sökbegrepp|begäran|exempel|beskrivning|"
    r"dokumentoffentlighet|dataskyddsbeskrivning|gränssnitt|informationsinnehåll|uppgifter|ingår|"
    r"används|består|omfattar|och$|samt$|eller$|är$|finns$|inte$|som$|följande$|till$|i$|av$|om$|"
    r"bland$|annat$|t$|ex$|via$|öppet$|öppna$|tekniskt$|tillgänglig|ett$|en$|e-post|epost|post$|telefon|postadress|besöksadress"
    r")"
)


def words(text: str) -> list[str]:
    """The words of a text, case folded; single letters and punctuation are not words."""
    return [word for word in re.findall(r"\w+", text.casefold()) if len(word) > 1 or word.isdigit()]


class WordIndex(Generic[T]):
    """Items by their words, the first :attr:`CANDIDATES` under each: a search costs a bounded number of looks.

    A page or a source of thousands of lines is searched for each of thousands of values; a common
    word would otherwise make each search walk every line.
    """

    CANDIDATES = 64

    def __init__(self) -> None:
        self._items: list[T] = []
        self._by_word: dict[str, list[int]] = {}

    def add(self, item: T, item_words: Iterable[str]) -> None:
        """Index ``item`` under each of ``item_words``, after the items added before it."""
        for word in set(item_words):
            positions = self._by_word.setdefault(word, [])
            if len(positions) < self.CANDIDATES:
                positions.append(len(self._items))
        self._items.append(item)

    def candidates(self, word: str) -> Iterator[T]:
        """The first items indexed under ``word``, in the order they were added."""
        return (self._items[at] for at in self._by_word.get(word, ()))


def content_words(text: str) -> list[str]:
    """The words of a line that state a fact rather than where it belongs."""
    return [word for word in words(text) if not _STRUCTURE.match(word)]


def values(document: str) -> list[str]:
    """Every text value of a YAML document: what the files say, without their comments and keys."""
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for item in node.values():
                walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif node is not None:
            out.append(str(node))

    walk(yaml.load(document, Loader=SAFE_LOADER))  # libyaml: the pages of an import are parsed more than once
    return out
