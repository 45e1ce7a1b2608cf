"""The score as text for people, JSON for programs and W3C DQV Turtle as the MQA stores it.

DQV: one ``dqv:QualityMeasurement`` per metric per dataset or distribution (``dqv:computedOn``,
``dqv:isMeasurementOf`` the MQA's own metric IRI from piveau's vocabulary, ``dqv:value`` a
boolean; for the URL metrics, as the MQA stores them, the HTTP status as an integer, when an
address answered at all), and on the catalogue one for the total under ``pv:score``. Unchecked
and unjudged items get no measurement: DQV records what was measured.
"""

from __future__ import annotations

import json
from collections import Counter

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, RDF, XSD
from rdflib.term import Node

from kasko_dcat.i18n.messages import render
from kasko_dcat.quality.gains import Fix, Gain
from kasko_dcat.quality.indicators import PV
from kasko_dcat.quality.scoring import Scorecard

DQV = Namespace("http://www.w3.org/ns/dqv#")

LABELS = {
    "findability": "score-dimension-findability",
    "accessibility": "score-dimension-accessibility",
    "interoperability": "score-dimension-interoperability",
    "reusability": "score-dimension-reusability",
    "contextuality": "score-dimension-contextuality",
    "excellent": "score-band-excellent",
    "good": "score-band-good",
    "sufficient": "score-band-sufficient",
    "bad": "score-band-bad",
    "dataset": "score-level-dataset",
    "distribution": "score-level-distribution",
    "not checked": "score-status-not-checked",
    "not judged": "score-status-not-judged",
    "fill-in": "score-advice-fill-in",
    "gap": "score-advice-gap",
    "no-field": "score-advice-no-field",
    "not-checked": "score-advice-not-checked",
    "not-judged": "score-advice-not-judged",
    "fix-violations": "score-advice-fix-violations",
    "not-answering": "score-advice-not-answering",
}
"""The message code of each dimension, band, level, status and kind of advice."""


def shown_points(value: float, lang: str = "en") -> str:
    """Points as people read them: whole where whole, else one decimal (a comma in Finnish and Swedish)."""
    text = f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def text(card: Scorecard, gains: list[Gain], lang: str, verbose: bool = False) -> str:
    """The score, its breakdown and how to gain points, for a person (``verbose``: every place)."""
    t = lambda code, **values: render(code, lang, {k: str(v) for k, v in values.items()})  # noqa: E731
    out = [t("score-title", label=card.label, datasets=len(card.datasets), distributions=len(card.distributions))]
    for name, (points, maximum) in card.dimensions().items():
        out.append(f"  {t(LABELS[name]):<22} {shown_points(points, lang):>5} / {maximum}")
    band = t(LABELS[card.band])
    total = t("score-total")
    out.append(f"  {total:<22} {card.total:>5} / {card.maximum}  {band}")
    if card.not_checked:
        out.append(t("score-not-checked", points=card.not_checked))
    out.append("")
    out.append(t("score-indicators"))
    dimension = ""
    for score in card.scores:
        indicator = score.indicator
        if indicator.dimension != dimension:
            dimension = indicator.dimension
            out.append(f"  {t(LABELS[dimension])}")
        shown = t(LABELS[indicator.level], count=len(score.outcomes))
        counts = t("score-met", met=score.count("met"), total=shown)
        extra = [t(LABELS[s], count=score.count(s)) for s in ("not checked", "not judged")]
        extra = [e for s, e in zip(("not checked", "not judged"), extra, strict=True) if score.count(s)]
        out.append(
            f"    {t(indicator.label):<52}"
            f" {shown_points(score.points, lang):>5} / {indicator.points:<3} {counts}"
            + (f" ({', '.join(extra)})" if extra else "")
        )
        failures = Counter(outcome.detail for outcome in score.outcomes if outcome.detail and indicator.network)
        out.extend(
            f"        {detail}" + (f" [×{count}]" if count > 1 else "") for detail, count in sorted(failures.items())
        )
    out.append("")
    if gains:
        out.append(t("score-gains"))
    for gain in gains:
        out.append(f"  +{shown_points(gain.points, lang):<5} {t(gain.indicator.label)}")
        out.extend(_fixes(gain, lang, verbose))
    return "\n".join(out) + "\n"


PLACES_SHOWN = 4
"""Places listed per kind of advice before "… and N more places" (as ``validate`` does)."""


def _fixes(gain: Gain, lang: str, verbose: bool) -> list[str]:
    """The gain's fixes, grouped by kind of advice: its sentence once, then each place with its points."""
    out = []
    kinds: dict[str, list[Fix]] = {}
    for fix in gain.fixes:
        kinds.setdefault(fix.advice, []).append(fix)
    for advice, fixes in kinds.items():
        params = {"predicate": _curie(gain.indicator.predicate)}
        sentence = render(LABELS[advice], lang, params)
        placed = [f for f in fixes if f.where is not None or f.field or f.detail]
        if not placed:
            count = sum(len(f.items) for f in fixes)
            out.append(f"         {sentence}" + (f" [×{count}]" if count > 1 else ""))
            continue
        out.append(f"         {sentence}")
        shown = placed if verbose else placed[:PLACES_SHOWN]
        for fix in shown:
            parts = [str(fix.where) if fix.where else "", fix.field or "", fix.detail]
            promised = gain.promised(fix)
            line = "  ".join(part for part in parts if part)
            line += f"  +{shown_points(promised, lang)}" if promised else ""
            out.append(f"           {line}" + (f" [×{len(fix.items)}]" if len(fix.items) > 1 else ""))
        if len(placed) > len(shown):
            out.append("           " + render("validate-more-places", lang, {"count": str(len(placed) - len(shown))}))
    return out


def _curie(predicate: URIRef | None) -> str:
    if predicate is None:
        return ""
    for prefix, namespace in (("dcat", str(DCAT)), ("dct", "http://purl.org/dc/terms/")):
        if str(predicate).startswith(namespace):
            return f"{prefix}:{str(predicate)[len(namespace) :]}"
    return str(predicate)


def as_json(cards: list[tuple[Scorecard, list[Gain]]]) -> str:
    """Every scored catalogue: totals, dimensions, indicators with each item's outcome, and the gains."""
    documents = []
    for card, gains in cards:
        documents.append(
            {
                "label": card.label,
                "total": card.total,
                "maximum": card.maximum,
                "band": card.band,
                "urls_checked": card.urls_checked,
                "not_checked_points": card.not_checked,
                "datasets": len(card.datasets),
                "distributions": len(card.distributions),
                "dimensions": {
                    name: {"points": round(points, 2), "maximum": maximum}
                    for name, (points, maximum) in card.dimensions().items()
                },
                "indicators": [
                    {
                        "key": s.indicator.key,
                        "metric": str(s.indicator.metric),
                        "dimension": s.indicator.dimension,
                        "level": s.indicator.level,
                        "points": round(s.points, 2),
                        "maximum": s.indicator.points,
                        "met": s.count("met"),
                        "items": len(s.outcomes),
                        "outcomes": [
                            {
                                "item": str(o.item),
                                "title": card.titles.get(o.item, str(o.item)),
                                "status": o.status,
                                **({"detail": o.detail} if o.detail else {}),
                                **({"http": o.http} if o.http is not None else {}),
                            }
                            for o in s.outcomes
                        ],
                    }
                    for s in card.scores
                ],
                "gains": [
                    {
                        "key": g.indicator.key,
                        "points": round(g.points, 2),
                        "fixes": [
                            {
                                "advice": f.advice,
                                "file": f.where.file if f.where else None,
                                "line": f.where.line if f.where else None,
                                "field": f.field,
                                "points": round(g.promised(f), 2),
                                "items": [str(item) for item in f.items],
                                **({"detail": f.detail} if f.detail else {}),
                            }
                            for f in g.fixes
                        ],
                    }
                    for g in gains
                ],
            }
        )
    return json.dumps({"mqa": documents}, ensure_ascii=False, indent=2) + "\n"


def dqv(cards: list[Scorecard]) -> str:
    """The measurements as W3C DQV Turtle, with deterministic blank-node labels."""
    graph = Graph()
    graph.bind("dqv", DQV)
    graph.bind("pv", PV)
    counter = 0

    def measurement(on: Node, metric: URIRef, value: Literal) -> None:
        nonlocal counter
        counter += 1
        node = BNode(f"m{counter}")
        graph.add((node, RDF.type, DQV.QualityMeasurement))
        graph.add((node, DQV.computedOn, on))
        graph.add((node, DQV.isMeasurementOf, metric))
        graph.add((node, DQV.value, value))

    for card in cards:
        for score in card.scores:
            for outcome in score.outcomes:
                if outcome.status not in ("met", "not met"):
                    continue
                if not score.indicator.network:
                    measurement(outcome.item, score.indicator.metric, Literal(outcome.status == "met"))
                elif outcome.http is not None:
                    measurement(outcome.item, score.indicator.metric, Literal(outcome.http, datatype=XSD.integer))
        if card.catalog is not None:
            measurement(card.catalog, PV.score, Literal(card.total, datatype=XSD.integer))
    return graph.serialize(format="turtle")
