"""HTTP content negotiation for ``serve``: which representation, and in which language, to send.

Clients name what they want in ``Accept`` (RFC 9110 § 12.5.1, with ``q`` weights and ``*/*``
wildcards) or, for people typing URLs, with a suffix such as ``catalog.ttl``. The offered list
is ordered by preference, so a client that accepts anything (``*/*`` or no header at all, as
harvesters often send) gets the first: Turtle for RDF, SPARQL JSON for results.
"""

from __future__ import annotations

import pyoxigraph as ox

from kasko_dcat.i18n.languages import weighted
from kasko_dcat.rdf.formats import OUTPUT, by_media_type

HTML = "text/html"

RDF_MEDIA_TYPES = tuple(fmt.media_type for fmt in OUTPUT)
"""What the server offers for RDF, Turtle first (for ``*/*``): the formats ``build`` writes."""
SUFFIXES: dict[str, str] = {**{fmt.suffix: fmt.media_type for fmt in OUTPUT}, "html": HTML}
"""``catalog.ttl`` → Turtle, …: the suffix overrides ``Accept``."""

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
"""SELECT and ASK answers, in the W3C formats Oxigraph writes."""

_ALIASES = {"application/json": "application/ld+json", "application/xml": "application/rdf+xml"}


def rdf_format(media_type: str) -> ox.RdfFormat:
    """Oxigraph's format for one of ``RDF_MEDIA_TYPES``."""
    return by_media_type(media_type).oxigraph


def choose(accept: str | None, offered: tuple[str, ...] | list[str]) -> str | None:
    """The offered media type the client weights highest (ties go to the earlier offer); ``None`` if none fits.

    A type the client names exactly outranks a wildcard of the same weight, so ``text/html,
    */*;q=0.8`` gets HTML and ``text/turtle, */*`` Turtle whatever the offer order.
    """
    if not accept or not accept.strip():
        return offered[0] if offered else None
    ranges = [(_ALIASES.get(name, name), weight) for name, weight in weighted(accept)]
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


def _weight(media_type: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The weight of the most specific range matching ``media_type``, and that specificity (2 exact … 0 ``*/*``)."""
    major = media_type.split("/")[0]
    found: tuple[int, float] | None = None
    for name, weight in ranges:
        specificity = 2 if name == media_type else 1 if name == f"{major}/*" else 0 if name == "*/*" else -1
        if specificity >= 0 and (found is None or specificity > found[0]):
            found = (specificity, weight)
    return (found[1], found[0]) if found else (0.0, -1)
