"""How to gain points: each indicator not met, the points it would bring and the source field that fixes it.

The place in the source comes from ``validate``'s machinery: :func:`~kasko_dcat.shacl.validate.source_places`
(which IRI comes from which block) and the model's mapping rows (which field writes which
property). Three kinds of advice come out, and never a made-up value:

- *fill in*: the source has a field for it and it is empty or absent;
- *gap*: the field is there but the source states the fact is unknown (``gaps`` lists it): the
  points come only when the division states the fact;
- *no field*: nothing in kasko-dcat's source writes this property on this kind of item (e.g. a
  distribution's format: the distribution is the route to request the data, not a file);
- *not in table*: a value is given but not from the EU or IANA table the indicator needs: the
  value named is what to change;
- *add*: the item is not from kasko-dcat's source (a file from another catalogue): the advice is
  in RDF terms — the property to add, and to which dataset or distribution — since the source's
  field names would mean nothing there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rdflib import URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from kasko_dcat.model import dataset, distribution
from kasko_dcat.model.description import Source
from kasko_dcat.quality.indicators import Indicator
from kasko_dcat.quality.scoring import Outcome, Scorecard
from kasko_dcat.shacl.report import result_message
from kasko_dcat.shacl.validate import FIELD_EXCEPTIONS, field_line, line_of, source_lines
from kasko_dcat.source.problems import Where

Advice = Literal[
    "fill-in", "gap", "no-field", "add", "not-in-table", "not-checked", "not-judged", "fix-violations", "not-answering"
]

DATASET_FIELDS = {row.predicate: row.field for row in dataset.RESOURCE_FIELDS}
DEFAULT_FIELDS = {row.predicate: row.field for row in dataset.DEFAULT_FIELDS}
DISTRIBUTION_FIELDS: dict[URIRef, str] = {
    **{row.predicate: row.field for row in distribution.FIELDS},
    DCTERMS.rights: "procedure",  # written by hand: the shared dct:RightsStatement of the route
}


@dataclass(frozen=True)
class Fix:
    """One place to act on, and how many items it would fix."""

    advice: Advice
    where: Where | None
    field: str | None
    items: tuple[Node, ...]
    detail: str = ""


@dataclass(frozen=True)
class Gain:
    """One indicator not fully met: the points it would bring and where to fix it."""

    indicator: Indicator
    points: float
    fixes: tuple[Fix, ...]
    items: int
    """How many datasets or distributions the indicator is judged on."""

    def promised(self, fix: Fix) -> float:
        """The points ``fix`` brings: its share of the indicator's items (none for one of several violations)."""
        return 0.0 if fix.advice == "fix-violations" else self.indicator.points * len(fix.items) / self.items


def gains(
    card: Scorecard,
    places: Mapping[Node, Where],
    source: Source | None,
    root: Path | None,
    lang: str = "en",
    wholes: Mapping[Node, Node] | None = None,
) -> list[Gain]:
    """Every indicator below its points, largest gain first, each with the fixes it needs (in ``lang``).

    ``wholes`` (register → its resource): a register without a field its resource leaves unknown is a gap too.
    """
    gap_lines = {(g.where.file, g.where.line) for g in source.gaps} if source is not None else set()
    inherited = {part: places.get(whole) for part, whole in (wholes or {}).items()}
    texts: dict[str, list[str]] = {}
    found: list[Gain] = []
    for score in card.scores:
        failing = [o for o in score.outcomes if o.status != "met"]
        if not failing:
            continue
        fixes: dict[tuple[Advice, Where | None, str | None, str], list[Node]] = {}
        for outcome in failing:
            for fix in _fixes(card, score.indicator, outcome, places, root, (gap_lines, texts, inherited), lang):
                fixes.setdefault((fix.advice, fix.where, fix.field, fix.detail), []).append(outcome.item)
        merged = tuple(
            Fix(advice, where, field, tuple(nodes), detail) for (advice, where, field, detail), nodes in fixes.items()
        )
        found.append(Gain(score.indicator, score.missing, tuple(sorted(merged, key=_fix_order)), len(score.outcomes)))
    found.sort(key=lambda gain: (-gain.points, gain.indicator.key))
    return found


def _fix_order(fix: Fix) -> tuple[str, int, str]:
    return (fix.where.file if fix.where else "~", fix.where.line if fix.where else 0, fix.field or "")


def _fixes(
    card: Scorecard,
    indicator: Indicator,
    outcome: Outcome,
    places: Mapping[Node, Where],
    root: Path | None,
    seen: tuple[set[tuple[str, int]], dict[str, list[str]], Mapping[Node, Where | None]],
    lang: str,
) -> list[Fix]:
    """Where to fix one item's failure, and what kind of advice it is."""
    item, status = outcome.item, outcome.status
    gap_lines, texts, inherited = seen
    block = places.get(item)
    if status == "not checked":
        return [Fix("not-checked", None, None, ())]
    if status == "not judged":
        return [Fix("not-judged", None, None, ())]
    if indicator.check == "dcat-ap":
        report = card.dcat_ap
        findings = [f for f in report.findings if f.owner == item and f.severity == "Violation"] if report else []
        if block is None:  # not from the source: the item's name, and no source field
            return [
                Fix("fix-violations", None, None, (), f"{_name(card, item)}: {result_message(f.result, lang)}")
                for f in findings
            ]
        return [Fix("fix-violations", f.where, f.field, (), result_message(f.result, lang)) for f in findings]
    predicate = indicator.predicate
    assert predicate is not None
    answering = indicator.network and bool(outcome.detail)  # given, but the address does not answer
    if outcome.detail and not indicator.network:  # given, but not from the table: the value is what to change
        return [Fix("not-in-table", block, None, (), f"{_name(card, item)}: {outcome.detail}")]
    if block is None:  # not from the source: name the item (or the failing address), not a source field
        return [
            Fix("not-answering", None, None, (), outcome.detail)
            if answering
            else Fix("add", None, None, (), _name(card, item))
        ]
    field: str | None
    where: Where | None = None
    if indicator.level == "dataset" and predicate in DEFAULT_FIELDS and root is not None:
        field = f"dataset_defaults: {DEFAULT_FIELDS[predicate]}"
        where = _child(Where.of(root / "catalog.yaml", line_of(root / "catalog.yaml", "dataset_defaults:")), texts)
        where = field_line(where, DEFAULT_FIELDS[predicate], texts) if where else None
    elif indicator.level == "dataset":
        field = DATASET_FIELDS.get(predicate) or FIELD_EXCEPTIONS.get(predicate)
        if block is not None and field is not None:
            where = field_line(block, field.split(" ")[0], texts)
            whole = inherited.get(item)
            if where == block and whole is not None:  # a register without the field
                resource_line = field_line(whole, field.split(" ")[0], texts)
                if field in dataset.INHERITED:  # takes its resource's: fixed there, with the resource
                    where = resource_line
                elif (resource_line.file, resource_line.line) in gap_lines:  # unknown if its resource's is
                    return [Fix("gap", where, field, ())]
    else:
        field = DISTRIBUTION_FIELDS.get(predicate)
        if field is not None:
            field = f"information_request: {field}"
            child = _child(block, texts) if block is not None else None
            where = field_line(child, field.split(": ")[1], texts) if child is not None else block
    if field is None:
        advice: Advice = "not-answering" if answering else "no-field"
        return [Fix(advice, block if indicator.level == "dataset" else None, None, (), outcome.detail)]
    if answering:
        return [Fix("not-answering", where or block, field, (), outcome.detail)]
    gap = where is not None and (where.file, where.line) in gap_lines
    return [Fix("gap" if gap else "fill-in", where or block, field, ())]


def _name(card: Scorecard, item: Node) -> str:
    """An item not from the source as its keeper knows it: its IRI, or a blank node's title."""
    return str(item) if isinstance(item, URIRef) else card.titles.get(item, str(item))


def _child(block: Where | None, texts: dict[str, list[str]]) -> Where | None:
    """The first field line inside the block that starts at ``block`` (a mapping's first key)."""
    if block is None:
        return None
    if block.file not in texts:
        texts[block.file] = source_lines(block.file)
    lines = texts[block.file]
    for number in range(block.line + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() and not line.lstrip().startswith("#"):
            return Where(block.file, number)
    return block
