"""What kind of text a block of the page is, by scored features, with the reason kept.

The reader places facts by the words § 28 pages use; the same words appear where the page quotes
or explains the law ("… onko tietoaineisto saatavissa avoimesti teknisen rajapinnan avulla") and
in page furniture (an image's description, "Suosikit", "Home Asiakirjajulkisuuskuvaus"). Such a
block states nothing about the authority, so it is told apart first, each feature adding to a
score, and the reason is kept so that the review report can say why a line was not read as a fact.

Every pattern here is bounded (no nested repetition, no unbounded run before a literal), so a
line is classified in time proportional to its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class BlockKind(Enum):
    """What a block of the page is, as far as the importer's trust in it goes."""

    NAVIGATION = "navigation"
    """Page furniture: a link list, breadcrumbs, an image's description; never a fact."""
    LAW = "law"
    """Text that quotes or paraphrases the law; never a statement about the authority."""
    CONTENT = "content"
    """Anything else: read by the reader's rules."""


@dataclass(frozen=True)
class Verdict:
    """A block's kind, its score and the features that gave it."""

    kind: BlockKind
    score: int
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        """The features as one phrase, for ``unplaced.yaml`` and the review report."""
        return "; ".join(self.reasons)


_LAW_FEATURES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    # The question § 28 item 5 asks, in any of the ways pages repeat it: a quotation, never an answer.
    (
        "the law's question whether data is open through a technical interface",
        re.compile(
            r"\bonko\b[^.]{0,80}\brajapinn|\bwhether\b[^.]{0,80}\binterface|\bhuruvida\b[^.]{0,80}\bgränssnitt"
            r"|\bom\s+(?:ett\s+)?(?:informationsmaterial|material|data)\w{0,6}\s+finns\s+tillgäng\w{0,10}\s+öppet"
            r"|\bteknisellä rajapinnalla tarkoitetaan|\bmed tekniskt gränssnitt avses",
            re.IGNORECASE,
        ),
        3,
    ),
    (
        "the duty the law lays on the authority",
        re.compile(
            r"\b(?:tiedonhallintayksikön|viranomaisen|kunnan)\s+on\s+(?:julkisuusperiaatteen[\w ]{0,40}\s+)?"
            r"(?:ylläpidettävä|julkaistava|pidettävä)"
            r"|\b(?:informationshanteringsenheten|myndigheten)\s+ska\s+(?:upprätthålla|publicera|föra)",
            re.IGNORECASE,
        ),
        3,
    ),
    (
        "a section of an act cited",
        re.compile(r"\b\d{1,3}\s?§|§\s?\d{1,3}\b|\(\s?\d{3,4}/(?:19|20)\d\d\s?\)|\bpykälä\s+\d", re.IGNORECASE),
        1,
    ),
    (
        "the act named",
        re.compile(
            r"\btiedonhallintalai|\bjulkisuuslai|\blaki\s+(?:julkisen hallinnon|viranomaisten toiminnan)"
            r"|\binformationshanteringslag|\boffentlighetslag|\blag(?:en)?\s+om\s+(?:informationshantering|offentlighet)",
            re.IGNORECASE,
        ),
        1,
    ),
    (
        "what the description is for, in general terms",
        re.compile(
            r"\b(?:asiakirjajulkisuuskuvau\w{0,6}|kuvauksen)\s+(?:avulla|tarkoitu\w{0,6}|tavoittee\w{0,6})"
            r"|\bpyyntö saada tieto viranomaisen asiakirjan\b|\bjokaisella on oikeus saada tieto\b"
            r"|\bvar och en har rätt att få\b|\bbeskrivningens\s+(?:syfte|mål)"
            # the public access act's 13 § as pages paraphrase it: requests specified, the authority helps
            r"|\bon yksi tavoista avustaa\b|\bvelvollisuus on avustaa tiedon pyytäjää\b"
            r"|\basiakirjan sisällöstä on yksilöitävä\b",
            re.IGNORECASE,
        ),
        2,
    ),
)
_ITEMS = re.compile(
    r"asiarekister|tietovarann|tietojärjestelm|tietoaineisto|tietoryhm|hakutekij|rajapinn"
    r"|ärenderegister|informationslager|informationsresurs|informationssystem|sökkriteri|gränssnitt",
    re.IGNORECASE,
)
"""The things § 28 lists; a sentence naming many of them describes the law, not one resource."""
ITEMS_IN_A_LIST = 4
LAW_THRESHOLD = 3
"""A block quoting the law's question or duty is law text alone; a citation needs a second feature."""

_NAVIGATION_FEATURES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "an image's description",
        re.compile(
            r"^(?:ilmakuva|kuva|valokuva|kuvituskuva|bild|flygbild|foto|image|photo)\b"
            r"|^(?:kaksi|kolme|neljä|\w{1,20}\s+)?(?:henkilö\w{0,4}|ihmis\w{0,4}|nainen|mies|lapsi|lapset|personer)"
            r"\s+(?:istuu|istuvat|seisoo|seisovat|kävelee|hymyilee|sitter|står)\b",
            re.IGNORECASE,
        ),
        3,
    ),
    (
        "a site's link or menu word",
        re.compile(
            r"^(?:home|etusivu|startsida|suosikit|favoriter|valikko|meny|menu|haku|sök|search|kirjaudu|logga in"
            r"|sivukartta|webbkarta|in english|på svenska|suomeksi|kieli|språk|language)"
            r"(?:\s+\S{1,40})?$",
            re.IGNORECASE,
        ),
        3,
    ),
    (
        "a skip link",
        re.compile(r"^(?:ohita|siirry|hyppää|hoppa över|hoppa till|gå till|skip)\s", re.IGNORECASE),
        3,
    ),
    (
        "a link to the page's own top or print",
        re.compile(r"^(?:sivun alkuun|takaisin|tulosta|jaa|dela|skriv ut|print|share)\b", re.IGNORECASE),
        3,
    ),
)


def _scored(text: str, features: tuple[tuple[str, re.Pattern[str], int], ...]) -> tuple[int, tuple[str, ...]]:
    found = [(name, weight) for name, pattern, weight in features if pattern.search(text)]
    return sum(weight for _, weight in found), tuple(name for name, _ in found)


def _listed_items(text: str) -> int:
    """How many different § 28 items one sentence of ``text`` names at most."""
    return max(
        (len({match.group(0).lower() for match in _ITEMS.finditer(sentence)}) for sentence in re.split(r"[.!?]", text)),
        default=0,
    )


def classify_block(text: str, *, heading: bool = False) -> Verdict:
    """The kind of a block's text (a line, a paragraph); ``heading`` when the page marks it as one.

    Navigation is checked on short texts only: a sentence that starts with "Kuva" is content.
    """
    if not heading and len(text) <= 160:
        score, reasons = _scored(text.strip(), _NAVIGATION_FEATURES)
        if score >= 3:
            return Verdict(BlockKind.NAVIGATION, score, reasons)
    score, reasons = _scored(text, _LAW_FEATURES)
    if _listed_items(text) >= ITEMS_IN_A_LIST:
        score, reasons = score + 3, (*reasons, "the items of § 28 listed together")
    if score >= LAW_THRESHOLD and not heading:
        return Verdict(BlockKind.LAW, score, reasons)
    return Verdict(BlockKind.CONTENT, score, reasons)


def is_law_text(text: str) -> bool:
    """Whether a sentence or block quotes or paraphrases the law rather than stating a fact."""
    return classify_block(text).kind is BlockKind.LAW
