"""HTTP content negotiation for ``serve``: which representation, and in which language, to send.

Clients name what they want in ``Accept`` (RFC 9110 § 12.5.1, with ``q`` weights and ``*/*``
wildcards) or, for people typing URLs, with a suffix such as ``catalog.ttl``. The offered list
is ordered by preference, so a client that accepts anything (``*/*`` or no header at all, as
harvesters often send) gets the first: Turtle for RDF, SPARQL JSON for results.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

HTML = "text/html"


@dataclass(frozen=True)
class RdfType:
    """One RDF serialisation the server writes: media type, suffix and Oxigraph's format."""

    media_type: str
    suffix: str
    format: ox.RdfFormat


RDF_TYPES: tuple[RdfType, ...] = (
    RdfType("text/turtle", "ttl", ox.RdfFormat.TURTLE),
    RdfType("application/ld+json", "jsonld", ox.RdfFormat.JSON_LD),
    RdfType("application/rdf+xml", "rdf", ox.RdfFormat.RDF_XML),
    RdfType("application/n-triples", "nt", ox.RdfFormat.N_TRIPLES),
)
RDF_MEDIA_TYPES = tuple(rdf.media_type for rdf in RDF_TYPES)
SUFFIXES: dict[str, str] = {**{rdf.suffix: rdf.media_type for rdf in RDF_TYPES}, "html": HTML}
"""``catalog.ttl`` → Turtle, …: the suffix overrides ``Accept``."""

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
"""SELECT and ASK answers, in the W3C formats Oxigraph writes."""

_ALIASES = {"application/json": "application/ld+json", "application/xml": "application/rdf+xml"}
UI_LANGS = ("fi", "sv", "en")
"""Languages of the HTML pages: the catalogue's own three."""


def rdf_format(media_type: str) -> ox.RdfFormat:
    """Oxigraph's format for one of ``RDF_MEDIA_TYPES``."""
    return next(rdf.format for rdf in RDF_TYPES if rdf.media_type == media_type)


def choose(accept: str | None, offered: tuple[str, ...] | list[str]) -> str | None:
    """The offered media type the client weights highest (ties go to the earlier offer); ``None`` if none fits.

    A type the client names exactly outranks a wildcard of the same weight, so ``text/html,
    */*;q=0.8`` gets HTML and ``text/turtle, */*`` Turtle whatever the offer order.
    """
    if not accept or not accept.strip():
        return offered[0] if offered else None
    ranges = list(_parse(accept))
    best: tuple[float, int, int] | None = None
    chosen = None
    for position, media_type in enumerate(offered):
        weight, specificity = _weight(media_type, ranges)
        if weight <= 0:
            continue
        key = (weight, specificity, -position)
        if best is None or key > best:
            best, chosen = key, media_type
    return chosen


def choose_lang(requested: str | None, accept_language: str | None) -> str:
    """``?lang=`` if it is one of ours, else the browser's preference among fi/sv/en, else Finnish."""
    if requested in UI_LANGS:
        return requested
    best, chosen = 0.0, None
    for tag, weight in _parse(accept_language or ""):
        primary = tag.split("-")[0]
        if primary in UI_LANGS and weight > best:
            best, chosen = weight, primary
    return chosen or "fi"


def _parse(header: str) -> list[tuple[str, float]]:
    """``type;q=0.5, other`` → ``[("type", 0.5), ("other", 1.0)]``, lower-cased; bad weights count as 0."""
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
        ranges.append((_ALIASES.get(name.lower(), name.lower()), weight))
    return ranges


def _weight(media_type: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The weight of the most specific range matching ``media_type``, and that specificity (2 exact … 0 ``*/*``)."""
    major = media_type.split("/")[0]
    found: tuple[int, float] | None = None
    for name, weight in ranges:
        specificity = 2 if name == media_type else 1 if name == f"{major}/*" else 0 if name == "*/*" else -1
        if specificity >= 0 and (found is None or specificity > found[0]):
            found = (specificity, weight)
    return (found[1], found[0]) if found else (0.0, -1)
