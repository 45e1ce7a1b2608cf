"""The citizen site's quality page: data.europa.eu's MQA score of the served catalogue, in plain words.

The score is :mod:`kasko_dcat.quality`'s, computed once per served catalogue from the same graph
the pages show (no source beside it, so no file lines: those are for the division, in
``kasko-dcat score``). Offline, as everywhere else on the site: the two indicators that need the
network are shown as not checked. Names of dimensions, bands and indicators are the command's
messages in the page's language, so the page and ``kasko-dcat score`` say the same thing.
"""

from __future__ import annotations

from rdflib import Graph

from kasko_dcat.i18n.messages import render
from kasko_dcat.quality.render import LABELS, shown_points
from kasko_dcat.quality.scoring import Scorecard, assess
from kasko_dcat.serve.views import Catalogue


def scorecard(catalogue: Catalogue) -> Scorecard:
    """The served catalogue's score."""
    graph = Graph()
    graph.parse(data=catalogue.ntriples.decode("utf-8"), format="nt")
    return assess(graph, catalogue.iri)


def page_data(card: Scorecard, lang: str) -> dict[str, object]:
    """What the page shows: the total and band, each dimension's share, and each indicator's row."""

    def t(code: str, **values: object) -> str:
        return render(code, lang, {key: str(value) for key, value in values.items()})

    dimensions = []
    for name, (points, maximum) in card.dimensions().items():
        rows = []
        for score in (s for s in card.scores if s.indicator.dimension == name):
            level = t(LABELS[score.indicator.level], count=len(score.outcomes))
            unchecked = score.count("not checked") + score.count("not judged")
            rows.append(
                {
                    "name": t(score.indicator.label),
                    "points": shown_points(score.points, lang),
                    "maximum": score.indicator.points,
                    "met": t("score-met", met=score.count("met"), total=level)
                    + "".join(
                        f" ({t(LABELS[s], count=score.count(s))})"
                        for s in ("not checked", "not judged")
                        if score.count(s)
                    ),
                    "state": "unchecked"
                    if unchecked
                    else "full"
                    if score.missing < 0.05
                    else "some"
                    if score.points
                    else "none",
                }
            )
        dimensions.append(
            {
                "name": t(LABELS[name]),
                "points": shown_points(points, lang),
                "maximum": maximum,
                "percent": round(100 * points / maximum),
                "rows": rows,
            }
        )
    return {
        "total": card.total,
        "maximum": card.maximum,
        "band": t(LABELS[card.band]),
        "band_key": card.band,
        "not_checked": card.not_checked,
        "dimensions": dimensions,
        "datasets": len(card.datasets),
        "distributions": len(card.distributions),
    }
