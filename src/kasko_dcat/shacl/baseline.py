"""Findings accepted for now: a file CI compares each run with, so only new findings fail it.

The real source has warnings nobody can fix today (facts the division has not stated), so
``validate --fail-on warning`` would never pass. A baseline records today's findings, each with
room for the reason it is accepted; ``validate --baseline FILE`` then fails only on findings the
file does not list, and names each entry whose finding no longer occurs, so the file shrinks as
the description is completed. A finding is matched by its rule (shape), the node it was found
on and the value, never by line number, so editing the source elsewhere does not disturb it.

Nodes the converter minted are written by their source id under the base (``dataset/perusopetus``),
not by their IRI: the same file then matches after ``base_iri`` changes (a test domain becoming
the real one), and ``--write-baseline`` keeps the reasons already written. Files written with
whole IRIs (before this) are read the same way: an IRI under the catalogue's base counts as its id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from kasko_dcat import files as guarded
from kasko_dcat.errors import KaskoError
from kasko_dcat.shacl.report import short
from kasko_dcat.shacl.validate import Finding, Report

MAX_BYTES = 16_000_000
"""Largest baseline read: an entry takes about 300 bytes, so room for 50 000 accepted findings."""

HEADER = """\
# Findings of `kasko-dcat validate` accepted for now (docs/validation.md).
# `kasko-dcat validate --baseline FILE` fails only on findings not listed here and names the
# entries whose finding no longer occurs. Write under 'reason:' why each is accepted, and remove
# an entry when its finding is fixed; `--write-baseline FILE` rewrites the list, keeping reasons.
"""


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding."""

    shape: str
    focus: str
    value: str | None = None
    severity: str = ""
    where: str = ""
    reason: str | None = None

    def key(self, base: str = "") -> tuple[str, str, str | None]:
        """What identifies the finding: rule, node and value (not its line, which moves with edits).

        Node and value by source id where they are under ``base`` (module docstring).
        """
        return (self.shape, local(self.focus, base), None if self.value is None else local(self.value, base))


def local(term: str, base: str) -> str:
    """``term`` without ``base`` when it is an IRI under it (``dataset/perusopetus``); else as it is."""
    return term[len(base) :] if base and term.startswith(base) and len(term) > len(base) else term


def entry_of(finding: Finding, base: str = "") -> BaselineEntry:
    """The baseline entry that accepts ``finding``, its node and value by source id under ``base``."""
    result = finding.result
    where = "" if finding.where is None else str(finding.where) + (f", {finding.field}" if finding.field else "")
    return BaselineEntry(
        shape=short(result.shape),
        focus=local(str(result.focus), base),
        value=None if result.value is None else local(str(result.value), base),
        severity=finding.severity,
        where=where,
    )


def read(path: Path) -> list[BaselineEntry]:
    """The entries of a baseline file; :class:`KaskoError` when it cannot be read or is not one.

    Read through the guard every file passes (:mod:`kasko_dcat.files`): a link out of its folder,
    a device, a file over :data:`MAX_BYTES`, an alias bomb or 50 000 nested ``[`` are one-line errors.
    """
    try:
        text = guarded.read_text(path, limit=MAX_BYTES)
        data = guarded.load_yaml(text, path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KaskoError("baseline-bad", path=path, line=mark.line + 1 if mark else 1) from None
    items = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise KaskoError("baseline-bad", path=path, line=1)
    entries = []
    for number, item in enumerate(items, 1):
        if not (isinstance(item, dict) and isinstance(item.get("shape"), str) and isinstance(item.get("focus"), str)):
            raise KaskoError("baseline-bad", path=path, line=_line_of_entry(text, number))
        value, reason = item.get("value"), item.get("reason")
        entries.append(
            BaselineEntry(
                shape=item["shape"],
                focus=item["focus"],
                value=None if value is None else str(value),
                severity=str(item.get("severity") or ""),
                where=str(item.get("where") or ""),
                reason=None if reason is None else str(reason),
            )
        )
    return entries


def _line_of_entry(text: str, number: int) -> int:
    """The line where the ``number``-th list item starts (1 when it cannot be told)."""
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith("- ")]
    return starts[number - 1] if number <= len(starts) else 1


def apply(reports: list[Report], entries: list[BaselineEntry], path: Path) -> list[Report]:
    """Each report without the findings ``entries`` accept, counting them and naming stale entries."""
    seen: set[tuple[str, str, str | None]] = set()
    applied = []
    for report in reports:
        accepted = {entry.key(report.base) for entry in entries}
        kept = []
        for finding in report.findings:
            key = entry_of(finding, report.base).key()
            if key in accepted:
                seen.add(key)
            else:
                kept.append(finding)
        applied.append(replace(report, findings=kept, accepted=len(report.findings) - len(kept), baseline=str(path)))
    bases = {report.base for report in reports} or {""}
    stale = tuple(entry for entry in entries if not any(entry.key(base) in seen for base in bases))
    if applied:
        applied[-1] = replace(applied[-1], stale=stale)
    return applied


def render(reports: list[Report], previous: list[BaselineEntry]) -> str:
    """The baseline file that accepts every finding of ``reports``, keeping the reasons of ``previous``."""
    items = []
    seen: set[tuple[str, str, str | None]] = set()
    for report in reports:
        reasons = {entry.key(report.base): entry.reason for entry in previous if entry.reason is not None}
        for finding in report.findings:
            entry = entry_of(finding, report.base)
            if entry.key() in seen:
                continue
            seen.add(entry.key())
            item: dict[str, object] = {"shape": entry.shape, "focus": entry.focus}
            if entry.value is not None:
                item["value"] = entry.value
            item.update(severity=entry.severity, where=entry.where, reason=reasons.get(entry.key()))
            items.append(item)
    body = yaml.safe_dump({"accepted": items}, sort_keys=False, allow_unicode=True, width=120)
    return HEADER + body.replace("\n  reason: null\n", "\n  reason: ~\n")
