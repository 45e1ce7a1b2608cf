"""The MQA's indicators as data: one row each, with its dimension, points, level and check.

Points are data.europa.eu's defaults (405 in all), as published in the MQA's score vocabulary
(``piveau-dqv-vocabulary-default-score-values.ttl``, copied by
Informasjonsforvaltning/fdk-mqa-scoring-service) and in REFERENCE.md § 5. Each indicator's level
(dataset or distribution) is the one its metric's ``skos:definition`` in piveau's DQV vocabulary
names; the metric IRIs are piveau's own (``https://piveau.eu/ns/voc#``), so a DQV file written
here names the same metrics as the MQA's. The README lists where the open implementations differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS

PV = Namespace("https://piveau.eu/ns/voc#")
"""piveau's DQV vocabulary: the MQA's dimensions and metrics."""

Level = Literal["dataset", "distribution"]
Check = Literal[
    "present", "vocabulary", "format-vocabulary", "non-proprietary", "machine-readable", "answers", "dcat-ap"
]


@dataclass(frozen=True)
class Indicator:
    """One MQA indicator: what is checked on which items, and the points it is worth."""

    key: str
    """Our short name, used in JSON."""
    label: str
    """The message code of its name in fi, sv and en."""
    metric: URIRef
    dimension: str
    points: int
    level: Level
    check: Check
    predicate: URIRef | None
    """The property checked (and the one a publisher fills in to gain the points)."""
    vocabulary: str = ""
    """For ``vocabulary`` checks: the EU table the value must come from (see :mod:`.vocabularies`)."""

    @property
    def network(self) -> bool:
        """Whether judging it needs the network (``--check-urls``)."""
        return self.check == "answers"


DIMENSIONS = ("findability", "accessibility", "interoperability", "reusability", "contextuality")

DOWNLOAD_URL = DCAT.downloadURL

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "keyword",
        "score-indicator-keyword",
        PV.keywordAvailability,
        "findability",
        30,
        "dataset",
        "present",
        DCAT.keyword,
    ),
    Indicator(
        "theme", "score-indicator-theme", PV.categoryAvailability, "findability", 30, "dataset", "present", DCAT.theme
    ),
    Indicator(
        "spatial",
        "score-indicator-spatial",
        PV.spatialAvailability,
        "findability",
        20,
        "dataset",
        "present",
        DCTERMS.spatial,
    ),
    Indicator(
        "temporal",
        "score-indicator-temporal",
        PV.temporalAvailability,
        "findability",
        20,
        "dataset",
        "present",
        DCTERMS.temporal,
    ),
    Indicator(
        "access-url-answers",
        "score-indicator-access-url-answers",
        PV.accessUrlStatusCode,
        "accessibility",
        50,
        "distribution",
        "answers",
        DCAT.accessURL,
    ),
    Indicator(
        "download-url",
        "score-indicator-download-url",
        PV.downloadUrlAvailability,
        "accessibility",
        20,
        "distribution",
        "present",
        DOWNLOAD_URL,
    ),
    Indicator(
        "download-url-answers",
        "score-indicator-download-url-answers",
        PV.downloadUrlStatusCode,
        "accessibility",
        30,
        "distribution",
        "answers",
        DOWNLOAD_URL,
    ),
    Indicator(
        "format",
        "score-indicator-format",
        PV.formatAvailability,
        "interoperability",
        20,
        "distribution",
        "present",
        DCTERMS.format,
    ),
    Indicator(
        "media-type",
        "score-indicator-media-type",
        PV.mediaTypeAvailability,
        "interoperability",
        10,
        "distribution",
        "present",
        DCAT.mediaType,
    ),
    Indicator(
        "format-vocabulary",
        "score-indicator-format-vocabulary",
        PV.formatMediaTypeVocabularyAlignment,
        "interoperability",
        10,
        "distribution",
        "format-vocabulary",
        DCTERMS.format,
    ),
    Indicator(
        "non-proprietary",
        "score-indicator-non-proprietary",
        PV.formatMediaTypeNonProprietary,
        "interoperability",
        20,
        "distribution",
        "non-proprietary",
        DCTERMS.format,
    ),
    Indicator(
        "machine-readable",
        "score-indicator-machine-readable",
        PV.formatMediaTypeMachineInterpretable,
        "interoperability",
        20,
        "distribution",
        "machine-readable",
        DCTERMS.format,
    ),
    Indicator(
        "dcat-ap", "score-indicator-dcat-ap", PV.dcatApCompliance, "interoperability", 30, "dataset", "dcat-ap", None
    ),
    Indicator(
        "licence",
        "score-indicator-licence",
        PV.licenceAvailability,
        "reusability",
        20,
        "distribution",
        "present",
        DCTERMS.license,
    ),
    Indicator(
        "licence-vocabulary",
        "score-indicator-licence-vocabulary",
        PV.knownLicence,
        "reusability",
        10,
        "distribution",
        "vocabulary",
        DCTERMS.license,
        "licence",
    ),
    Indicator(
        "access-rights",
        "score-indicator-access-rights",
        PV.accessRightsAvailability,
        "reusability",
        10,
        "dataset",
        "present",
        DCTERMS.accessRights,
    ),
    Indicator(
        "access-rights-vocabulary",
        "score-indicator-access-rights-vocabulary",
        PV.accessRightsVocabularyAlignment,
        "reusability",
        5,
        "dataset",
        "vocabulary",
        DCTERMS.accessRights,
        "access-right",
    ),
    Indicator(
        "contact-point",
        "score-indicator-contact-point",
        PV.contactPointAvailability,
        "reusability",
        20,
        "dataset",
        "present",
        DCAT.contactPoint,
    ),
    Indicator(
        "publisher",
        "score-indicator-publisher",
        PV.publisherAvailability,
        "reusability",
        10,
        "dataset",
        "present",
        DCTERMS.publisher,
    ),
    Indicator(
        "rights",
        "score-indicator-rights",
        PV.rightsAvailability,
        "contextuality",
        5,
        "distribution",
        "present",
        DCTERMS.rights,
    ),
    Indicator(
        "byte-size",
        "score-indicator-byte-size",
        PV.byteSizeAvailability,
        "contextuality",
        5,
        "distribution",
        "present",
        DCAT.byteSize,
    ),
    Indicator(
        "issued",
        "score-indicator-issued",
        PV.dateIssuedAvailability,
        "contextuality",
        5,
        "distribution",
        "present",
        DCTERMS.issued,
    ),
    Indicator(
        "modified",
        "score-indicator-modified",
        PV.dateModifiedAvailability,
        "contextuality",
        5,
        "distribution",
        "present",
        DCTERMS.modified,
    ),
)

MAXIMUM = sum(indicator.points for indicator in INDICATORS)

BANDS: tuple[tuple[int, str], ...] = ((351, "excellent"), (221, "good"), (121, "sufficient"), (0, "bad"))
"""The lowest total of each band, highest first (data.europa.eu: excellent 351–405 … bad ≤ 120)."""


def band(points: int) -> str:
    """The MQA's rating of a total."""
    return next(name for lowest, name in BANDS if points >= lowest)
