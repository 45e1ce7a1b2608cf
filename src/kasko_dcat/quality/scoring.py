"""Every indicator judged on every dataset or distribution, and the catalogue's points from them.

The catalogue's points for an indicator are its points times the share of items that meet it
(BeOpen-project/mqa-scoring's rule, and the MQA's "percentage of datasets/distributions"): 28 of
28 datasets with keywords earn all 30, 14 of 28 earn 15. Points are kept exact per indicator;
the total is rounded once, to the whole point the MQA shows, and its band follows from that.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Literal

from rdflib import Graph
from rdflib.namespace import DCAT, DCTERMS, RDF
from rdflib.term import Node

from kasko_dcat.quality import vocabularies
from kasko_dcat.quality.indicators import DIMENSIONS, INDICATORS, MAXIMUM, Indicator, band
from kasko_dcat.quality.urls import Answer
from kasko_dcat.rdf.reading import parse_exact
from kasko_dcat.shacl.validate import Report
from kasko_dcat.source.problems import Where

Status = Literal["met", "not met", "not checked", "not judged"]

SEMIC_FOLDER = "data/dcat-ap-3.0.1"
SEMIC_FILES = ("shapes.ttl", "range.ttl", "mdr-vocabularies.shape.ttl", "deprecateduris.ttl")
"""SEMIC's DCAT-AP 3.0.1 shapes whose violations break compliance (``shapes_recommended.ttl`` only warns)."""


@dataclass(frozen=True)
class Outcome:
    """One indicator on one dataset or distribution."""

    item: Node
    status: Status
    detail: str = ""
    """Why, where it helps: an address that failed and how, the number of DCAT-AP violations."""
    http: int | None = None
    """For the URL indicators, checked: the HTTP status (the first failing address's, else the first's)."""


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator over all the items of its level."""

    indicator: Indicator
    outcomes: tuple[Outcome, ...]

    def count(self, status: Status) -> int:
        """How many items have ``status``."""
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def points(self) -> float:
        """The catalogue's points: the indicator's points times the share of items that meet it."""
        total = len(self.outcomes)
        return self.indicator.points * self.count("met") / total if total else 0.0

    @property
    def missing(self) -> float:
        """The points the items that do not meet it would bring."""
        return self.indicator.points - self.points


@dataclass(frozen=True)
class Scorecard:
    """The catalogue's MQA score: every indicator, with what each dataset and distribution got."""

    label: str
    datasets: tuple[Node, ...]
    distributions: tuple[Node, ...]
    scores: tuple[IndicatorScore, ...]
    urls_checked: bool
    titles: Mapping[Node, str] = field(default_factory=dict)
    dcat_ap: Report | None = None
    """SEMIC's shapes' findings, for what to fix when a dataset is not compliant."""
    catalog: Node | None = None

    def dimension(self, name: str) -> float:
        """The points of one dimension."""
        return sum(score.points for score in self.scores if score.indicator.dimension == name)

    @property
    def total(self) -> int:
        """The total, rounded to a whole point as the MQA shows it (halves up, not to even)."""
        return math.floor(sum(score.points for score in self.scores) + 0.5 + 1e-9)

    @property
    def band(self) -> str:
        """excellent, good, sufficient or bad."""
        return band(self.total)

    @property
    def not_checked(self) -> int:
        """Points of the indicators left unchecked (the URL ones, offline)."""
        return sum(score.indicator.points for score in self.scores if score.count("not checked"))

    def dimensions(self) -> dict[str, tuple[float, int]]:
        """Each dimension's points and maximum, in the MQA's order."""
        return {
            name: (self.dimension(name), sum(i.points for i in INDICATORS if i.dimension == name))
            for name in DIMENSIONS
        }

    maximum: int = MAXIMUM


def items(graph: Graph) -> tuple[tuple[Node, ...], tuple[Node, ...]]:
    """The datasets and distributions the MQA scores: every ``dcat:Dataset`` and each of their distributions."""
    datasets = sorted(set(graph.subjects(RDF.type, DCAT.Dataset)), key=str)
    distributions = {d for dataset in datasets for d in graph.objects(dataset, DCAT.distribution)}
    distributions |= set(graph.subjects(RDF.type, DCAT.Distribution))
    return tuple(datasets), tuple(sorted(distributions, key=str))


@cache
def semic_shapes() -> Graph:
    """SEMIC's DCAT-AP 3.0.1 shapes that ship with kasko-dcat (CC-BY 4.0; see data/dcat-ap-3.0.1/README.md)."""
    graph = Graph()
    for name in SEMIC_FILES:
        text = files("kasko_dcat").joinpath(SEMIC_FOLDER, name).read_text("utf-8")
        parse_exact(graph, data=text, format="turtle")
    return graph


Judge = Callable[[Graph, Node, Indicator, frozenset[str]], Outcome]
"""``judge(graph, item, indicator, machine_readable)``: one item's outcome."""


def _present(graph: Graph, item: Node, indicator: Indicator, _: frozenset[str]) -> Outcome:
    return Outcome(item, "met" if graph.value(item, indicator.predicate) is not None else "not met")


def _vocabulary(graph: Graph, item: Node, indicator: Indicator, _: frozenset[str]) -> Outcome:
    values = list(graph.objects(item, indicator.predicate))
    outside = [value for value in values if not vocabularies.in_table(indicator.vocabulary, value)]
    return Outcome(item, "met" if values and not outside else "not met", _outside(outside))


def _format_vocabulary(graph: Graph, item: Node, indicator: Indicator, _: frozenset[str]) -> Outcome:
    """Both dct:format and dcat:mediaType, where given, from their tables; at least one given."""
    given = [("file-type", v) for v in graph.objects(item, DCTERMS.format)]
    given += [("media-type", v) for v in graph.objects(item, DCAT.mediaType)]
    outside = [value for table, value in given if not vocabularies.in_table(table, value)]
    return Outcome(item, "met" if given and not outside else "not met", _outside(outside))


def _non_proprietary(graph: Graph, item: Node, indicator: Indicator, _: frozenset[str]) -> Outcome:
    """A format in the EU's non-proprietary list; neither format nor media type: proprietary (the MQA's rule).

    The MQA also has a list of non-proprietary media types, which does not ship: a distribution
    whose format does not settle it but that gives a media type is "not judged".
    """
    formats = list(graph.objects(item, DCTERMS.format))
    if any(vocabularies.in_table("non-proprietary", v) for v in formats):
        return Outcome(item, "met")
    if graph.value(item, DCAT.mediaType) is not None:
        return Outcome(item, "not judged")
    return Outcome(item, "not met", _outside(formats))


def _outside(values: list[Node]) -> str:
    """The given values a table does not hold, for the advice to name (nothing given: empty)."""
    return ", ".join(sorted(str(value) for value in values))


def _machine_readable(graph: Graph, item: Node, indicator: Indicator, known: frozenset[str]) -> Outcome:
    """At least one of format and media type in the list ``known``; neither given: not machine-readable.

    Without a list (none ships; ``--machine-readable FILE`` gives one) a given format is "not judged".
    """
    given = [*graph.objects(item, DCTERMS.format), *graph.objects(item, DCAT.mediaType)]
    if not given:
        return Outcome(item, "not met")
    if any(str(value) in known for value in given):
        return Outcome(item, "met")
    return Outcome(item, "not met" if known else "not judged")


JUDGES: dict[str, Judge] = {
    "present": _present,
    "vocabulary": _vocabulary,
    "format-vocabulary": _format_vocabulary,
    "non-proprietary": _non_proprietary,
    "machine-readable": _machine_readable,
}
"""How each kind of check (the ``check`` column of :data:`INDICATORS`) is judged on one item."""


def score(
    graph: Graph,
    label: str,
    *,
    dcat_ap: Report,
    answers: Mapping[str, Answer] | None = None,
    titles: Mapping[Node, str] | None = None,
    machine_readable: frozenset[str] = frozenset(),
) -> Scorecard:
    """Judge every indicator on ``graph``; ``dcat_ap`` is its report against SEMIC's shapes.

    ``answers`` (address → how it answered) judge the two URL indicators; without them they are
    "not checked". ``machine_readable`` is the list of machine-readable formats, if the user gave one.
    """
    datasets, distributions = items(graph)
    violating = {f.owner for f in dcat_ap.findings if f.severity == "Violation"}
    violations: dict[Node, int] = {}
    for finding in dcat_ap.findings:
        if finding.severity == "Violation":
            violations[finding.owner] = violations.get(finding.owner, 0) + 1
    scores = []
    for indicator in INDICATORS:
        level = datasets if indicator.level == "dataset" else distributions
        if indicator.check == "dcat-ap":
            outcomes = tuple(
                Outcome(d, "not met", str(violations[d])) if d in violating else Outcome(d, "met") for d in level
            )
        elif indicator.check == "answers":
            outcomes = tuple(_answers(graph, item, indicator, answers) for item in level)
        else:
            outcomes = tuple(JUDGES[indicator.check](graph, item, indicator, machine_readable) for item in level)
        scores.append(IndicatorScore(indicator, outcomes))
    catalog = next(iter(sorted(graph.subjects(RDF.type, DCAT.Catalog), key=str)), None)
    return Scorecard(label, datasets, distributions, tuple(scores), answers is not None, titles or {}, dcat_ap, catalog)


def _answers(graph: Graph, item: Node, indicator: Indicator, answers: Mapping[str, Answer] | None) -> Outcome:
    """Every address of the property answers (2xx, or 3xx to one that does); none given: not met."""
    addresses = sorted(str(value) for value in graph.objects(item, indicator.predicate))
    if not addresses:
        return Outcome(item, "not met")
    if answers is None:
        return Outcome(item, "not checked")
    failed = [answers[address] for address in addresses if not answers[address].ok]
    if failed:
        return Outcome(item, "not met", "; ".join(str(a) for a in failed), failed[0].status)
    return Outcome(item, "met", http=answers[addresses[0]].status)


def addresses(graph: Graph) -> list[str]:
    """Every accessURL and downloadURL of the scored distributions: what ``--check-urls`` asks."""
    _, distributions = items(graph)
    predicates = {i.predicate for i in INDICATORS if i.network}
    return sorted({str(v) for d in distributions for p in predicates for v in graph.objects(d, p)})


def assess(
    graph: Graph,
    label: str,
    lang: str = "en",
    places: Mapping[Node, Where] | None = None,
    answers: Mapping[str, Answer] | None = None,
    machine_readable: frozenset[str] = frozenset(),
) -> Scorecard:
    """Validate ``graph`` with SEMIC's shapes (findings placed in the source by ``places``) and score it."""
    from kasko_dcat.shacl.validate import Namer, check

    dcat_ap = check(graph, label, lang, dict(places or {}), (), semic_shapes())
    namer = Namer(graph, lang)
    datasets, distributions = items(graph)
    titles = {item: namer.title(item) for item in (*datasets, *distributions)}
    return score(graph, label, dcat_ap=dcat_ap, answers=answers, titles=titles, machine_readable=machine_readable)
