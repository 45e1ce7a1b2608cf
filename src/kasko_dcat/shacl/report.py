"""Validation reports for people (text), programs (JSON), RDF tools (Turtle) and CI dashboards (JUnit XML).

Every renderer takes the same reports and returns a string with the same order of findings, so a
report is byte-stable for the same input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from xml.etree import ElementTree as ET

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat.i18n.messages import render
from kasko_dcat.rdf.namespaces import RDF, SH, SHAPES_PREFIXES, XSD
from kasko_dcat.shacl.engine import Result
from kasko_dcat.shacl.validate import SEVERITY_ORDER, Finding, Report
from kasko_dcat.source.problems import Where

SEVERITY_WORDS = {
    "en": {"Violation": "Violation", "Warning": "Warning", "Info": "Info"},
    "fi": {"Violation": "Virhe", "Warning": "Varoitus", "Info": "Tieto"},
    "sv": {"Violation": "Fel", "Warning": "Varning", "Info": "Info"},
}


PLACES_SHOWN = 3
"""Places listed per rule in the text report without ``--verbose``: enough to find the pattern."""


def text(
    reports: list[Report],
    lang: str,
    fail_on: str,
    only: frozenset[str] | None = None,
    verbose: bool = False,
) -> str:
    """Findings grouped by rule, most severe first, each with its count and the places to fix it.

    A rule that fires on 28 datasets is one block, not 28: the keeper sees what to do once and
    where, and the report of the real source fits on one screen. ``verbose`` lists every place
    (with the value found); ``only`` lists the severities to show (``build`` shows Violations);
    the summary counts all.
    """
    lines: list[str] = []
    where = _places(lang)
    for report in reports:
        lines.append(f"== {report.label}")
        shown = [f for f in report.findings if only is None or f.severity in only]
        rules = sorted(_by_rule(shown).items(), key=lambda item: (SEVERITY_ORDER.get(item[1][0].severity, 9), item[0]))
        for shape, findings in rules:
            lines.append("")
            lines.extend(_text_rule(shape, findings, lang, verbose, where))
        lines.extend(_text_baseline(report, lang))
        if report.skipped:
            lines.append("")
            lines.extend(
                render("validate-skipped", lang, {"shape": short_name(shape), "reason": why})
                for shape, why in report.skipped
            )
        lines.append("")
        lines.extend(_text_summary(report, lang, fail_on))
    return "\n".join(lines) + "\n"


def _by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    rules: dict[str, list[Finding]] = {}
    names: dict[Node, str] = {}  # each shape shortened once, not once per finding
    for finding in findings:
        shape = finding.result.shape
        if (name := names.get(shape)) is None:
            name = names[shape] = short(shape)
        rules.setdefault(name, []).append(finding)
    return rules


def _text_rule(
    shape: str, findings: list[Finding], lang: str, verbose: bool, where: Callable[[Finding], str]
) -> list[str]:
    first = findings[0]
    word = SEVERITY_WORDS[lang].get(first.severity, first.severity)
    out = [f"{word} ×{len(findings)}  {shape}", f"  {result_message(first.result, lang)}"]
    if verbose:
        places = [_place(finding, where(finding), verbose) for finding in findings]
    else:  # one line per place to fix, naming what it fixes: 19 findings are 4 privacy_notices lines
        by_place: dict[str, list[Finding]] = {}
        for finding in findings:
            by_place.setdefault(where(finding), []).append(finding)
        places = [_about(where, found, lang) for where, found in islice(by_place.items(), PLACES_SHOWN)]
        if len(by_place) > PLACES_SHOWN:  # only counted: a rule may fire on 10 000 places
            places.append(render("validate-more-places", lang, {"count": str(len(by_place) - PLACES_SHOWN)}))
    out.extend("    " + line for line in places)
    return out


def _places(lang: str) -> Callable[[Finding], str]:
    """Where to fix a finding: the source file, line and field, or the node when the source is unknown.

    Each place is worded once: the 60 000 findings of 10 000 datasets are a few thousand places.
    """
    worded: dict[tuple[Where, str | None], str] = {}

    def where(finding: Finding) -> str:
        if finding.where is None:
            return short(finding.result.focus)
        key = (finding.where, finding.field)
        if (known := worded.get(key)) is None:
            params = {"where": str(finding.where), "field": finding.field or ""}
            known = worded[key] = render("validate-fix-at" if finding.field else "validate-fix-in", lang, params)
        return known

    return where


def _about(where: str, findings: list[Finding], lang: str) -> str:
    """A place and the first thing it fixes, with how many more (and the value found, when there is one)."""
    first = findings[0]
    about = first.title  # empty for a graph that is not a catalogue: the place is the focus node itself
    if first.result.value is not None and first.result.value != first.result.focus:
        about = " — ".join(filter(None, (about, short(first.result.value))))
    if len(findings) > 1:
        about = render("validate-and-more", lang, {"text": about, "count": str(len(findings) - 1)}).strip()
    return " — ".join(filter(None, (where, about)))


def _place(finding: Finding, where: str, verbose: bool) -> str:
    """Where to fix one finding, what it was found on (the resource's name) and the value found."""
    result = finding.result
    about = finding.title
    if verbose and result.focus != finding.owner:
        about += f" [{short(result.focus)}]"
    if result.value is not None and result.value != result.focus:  # what was wrong, e.g. the identity code
        about = " — ".join(filter(None, (about, short(result.value))))
    return " — ".join(filter(None, (where, about)))


def _text_baseline(report: Report, lang: str) -> list[str]:
    out = []
    if report.accepted:
        out += ["", render("baseline-accepted", lang, {"count": str(report.accepted), "path": report.baseline})]
    for entry in report.stale:
        out.append(
            render("baseline-stale", lang, {"shape": entry.shape, "focus": entry.focus, "path": report.baseline})
        )
    return out


SUMMARY_CODES = {"Violation": "validate-violations", "Warning": "validate-warnings", "Info": "validate-infos"}
"""The message that counts each severity in the summary."""


def _text_summary(report: Report, lang: str, fail_on: str) -> list[str]:
    """One line per severity (with how many rules found it), then what was checked and the verdict."""
    out = []
    shapes: dict[str, set[Node]] = {}  # by severity, found in one pass
    for finding in report.findings:
        shapes.setdefault(finding.severity, set()).add(finding.result.shape)
    for severity, code in SUMMARY_CODES.items():
        count = report.count(severity)
        if count == 0 and severity == "Info":
            continue
        line = render(code, lang, {"count": str(count)})
        if rules := len(shapes.get(severity, ())):
            line += " (" + render("validate-rules", lang, {"count": str(rules)}) + ")"
        out.append(line)
    verdict = render("validate-fails" if report.fails(fail_on) else "validate-passes", lang, {})
    params = {"count": str(report.shapes), "triples": str(report.triples), "verdict": verdict}
    out.append(render("validate-checked", lang, params))
    return out


def result_message(result: Result, lang: str) -> str:
    """The shape's message, or what failed where a shape has no ``sh:message`` (others' shapes often have none)."""
    if message := result.message(lang):
        return message
    path = result.path
    where = "" if path is None else f" ({short(path.iri) if path.kind == 'pred' else path})"
    return render("validate-no-message", lang, {"component": short(result.component) + where})


def _messages(lang: str) -> Callable[[Result], str]:
    """:func:`result_message` in ``lang``, each worded once: 60 000 findings of 10 000 datasets have a dozen."""
    worded: dict[tuple[object, ...], str] = {}

    def message(result: Result) -> str:
        # The path by identity: equal paths of different results compare slowly, field by field. The
        # results, alive while the report is written, keep each id to its path.
        key = (result.messages, id(result.path), result.component)
        if (known := worded.get(key)) is None:
            known = worded[key] = result_message(result, lang)
        return known

    return message


def short(node: object) -> str:
    """A node as the reports show it: a prefixed name, or a quoted literal cut at 80 characters."""
    if isinstance(node, Literal):
        shown = str(node) if len(str(node)) <= 80 else str(node)[:79] + "…"
        return f'"{shown}"' + (f"@{node.language}" if node.language else "")
    return _short_iri(str(node))


@lru_cache(maxsize=1 << 16)
def _short_iri(text: str) -> str:
    """Kept for the run's next reports: a report of 10 000 datasets names each focus node several times."""
    if (found := _NAMESPACE.match(text)) and found.lastindex:  # the group of the namespace matched
        return f"{_NAMESPACES[found.lastindex - 1][0]}:{text[found.end() :]}"
    return f"<{text}>"


def short_name(shape: str) -> str:
    """A shape named in text (an IRI, or ``_:label`` for a blank node), shortened as :func:`short` does."""
    return shape if shape.startswith("_:") else short(URIRef(shape))


_NAMESPACES = tuple((prefix, str(namespace)) for prefix, namespace in SHAPES_PREFIXES.items())
"""Prefixes of shown IRIs, as text once: a report of 1 000 datasets shortens some 15 000 IRIs."""

_NAMESPACE = re.compile("(?:" + "|".join(f"({re.escape(namespace)})" for _, namespace in _NAMESPACES) + ")(?=.)", re.S)
"""The first of :data:`_NAMESPACES` an IRI starts with and goes on after (one group each), tried in one pass."""


def as_json(reports: list[Report], lang: str, fail_on: str) -> str:
    """One JSON document: per report its counts and findings (messages in fi, sv and en).

    Laid out as ``json.dumps(..., ensure_ascii=False, indent=2)`` lays it out, but written here:
    with an indent, ``json`` encodes in pure Python, and took 0.6 s on the 60 000 findings of
    10 000 datasets. Each string is still encoded by ``json``'s C encoder.
    """
    del lang  # every message language is written
    document = {
        "conforms": not any(r.fails(fail_on) for r in reports),
        "reports": [
            {
                "label": r.label,
                "violations": r.count("Violation"),
                "warnings": r.count("Warning"),
                "shapes": r.shapes,
                "triples": r.triples,
                "findings": _Findings(r.findings),
                "accepted": r.accepted,
                "stale": [{"shape": e.shape, "focus": e.focus, "value": e.value} for e in r.stale],
                "skipped": [{"shape": shape, "reason": why} for shape, why in r.skipped],
            }
            for r in reports
        ],
    }
    out: list[str] = []
    _write_json(document, 0, out)
    out.append("\n")
    return "".join(out)  # joined once: the document of 10 000 datasets is 34 MB


@dataclass(frozen=True)
class _Findings:
    """A report's findings in the JSON document, written by :func:`_write_findings` (at level 3 only)."""

    findings: list[Finding]


_encode = json.JSONEncoder(ensure_ascii=False).encode
"""A value written on one line: a number, true, false, null, ``[]`` or ``{}``."""

_string = json.encoder.encode_basestring
"""A string as ``json`` writes it with ``ensure_ascii=False`` (its C encoder)."""


def _write_json(value: object, level: int, out: list[str]) -> None:
    """Append ``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it ``level`` levels deep."""
    if isinstance(value, _Findings):
        _write_findings(value.findings, out)
    elif isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, dict) and value:
        inner = "\n" + "  " * (level + 1)
        for number, (key, item) in enumerate(value.items()):
            out.append(("{" if number == 0 else ",") + inner + _string(str(key)) + ": ")
            _write_json(item, level + 1, out)
        out.append("\n" + "  " * level + "}")
    elif isinstance(value, list | tuple) and value:
        inner = "\n" + "  " * (level + 1)
        for number, item in enumerate(value):
            out.append(("[" if number == 0 else ",") + inner)
            _write_json(item, level + 1, out)
        out.append("\n" + "  " * level + "]")
    else:
        out.append(_encode(value))


def _json_text(value: object, level: int) -> str:
    out: list[str] = []
    _write_json(value, level, out)
    return "".join(out)


def _write_findings(findings: list[Finding], out: list[str]) -> None:
    """The findings' list at level 3 of the document, each finding from one template."""
    if not findings:
        out.append("[]")
        return
    out.append("[")
    # What a rule repeats on each of its findings, encoded once: the path by identity (equal paths of
    # different results compare slowly, field by field; the results, alive meanwhile, keep each id to its path).
    rules: dict[tuple[object, ...], tuple[str, str, str, str, str]] = {}
    for number, finding in enumerate(findings):
        result, where = finding.result, finding.where
        key = (result.severity, result.shape, result.component, id(result.path), result.messages)
        if (rule := rules.get(key)) is None:
            rule = rules[key] = (
                _string(finding.severity),
                "null" if result.path is None else _string(str(result.path)),
                _string(str(result.shape)),
                _string(str(result.component)),
                _json_text(dict(result.messages), 5),
            )
        severity, path, shape, component, message = rule
        resource = _string(str(finding.owner))
        focus = resource if result.focus is finding.owner else _string(str(result.focus))
        value = "null" if result.value is None else _string(str(result.value))
        source = "null" if where is None else _json_text({"file": where.file, "line": where.line}, 5)
        field = "null" if finding.field is None else _string(finding.field)
        out.append(
            f"""{"," if number else ""}
        {{
          "severity": {severity},
          "resource": {resource},
          "title": {_string(finding.title)},
          "focus": {focus},
          "path": {path},
          "value": {value},
          "shape": {shape},
          "component": {component},
          "message": {message},
          "source": {source},
          "field": {field}
        }}"""
        )
    out.append("\n      ]")


def turtle(reports: list[Report], lang: str, fail_on: str) -> str:
    """A standard ``sh:ValidationReport`` per report (§ 3.6 of SHACL), readable by any RDF tool.

    Written here rather than by rdflib's serializer, which takes most of the run on a large report
    and rewrites literals (``"2.5"^^xsd:double`` as ``2.5e+00``): each term is written as read.
    ``sh:resultPath`` is the path's own structure, and every blank node a result names (a
    blank-node shape, a path, a focus node or value) is copied with what hangs below it, as pySHACL
    copies them, so that the report stands on its own. Blank nodes are labelled in order of
    appearance.
    """
    del lang, fail_on  # the report carries every message language; sh:conforms is SHACL's own verdict
    prefixes = dict(_TURTLE_PREFIXES)
    for report in reports:  # the shapes' own prefixes: what a reader of those shapes knows the IRIs by
        if report.shapes_graph is not None:
            for prefix, namespace in report.shapes_graph.namespace_manager.namespaces():
                prefixes.setdefault(prefix, str(namespace))
    writer = _TurtleWriter(prefixes)
    first = 0
    for index, report in enumerate(reports):
        results = [f"_:r{first + number}" for number in range(len(report.findings))]
        first += len(results)
        lines = [f"_:report{index} a sh:ValidationReport", f"sh:conforms {'false' if report.findings else 'true'}"]
        writer.block(lines + [f"sh:result {entry}" for entry in results])
    first = 0
    for report in reports:
        data, shapes = report.data, report.shapes_graph
        # What many results share (shape, severity, component, path; messages), written once: the terms
        # are asked for in the order of the lines, so blank nodes are labelled as they appear.
        shared: dict[tuple[object, ...], str] = {}
        said: dict[tuple[tuple[str, str], ...], str] = {}
        for finding in report.findings:
            result = finding.result
            focus = writer.term(result.focus, data)
            path = None if result.path is None else result.path.node
            key = (result.severity, result.shape, result.component, path)
            if (rule := shared.get(key)) is None:
                rule = shared[key] = "".join(
                    [
                        f" ;\n    sh:resultSeverity {writer.term(result.severity)}",
                        f" ;\n    sh:sourceShape {writer.term(result.shape, shapes)}",
                        f" ;\n    sh:sourceConstraintComponent {writer.term(result.component)}",
                        "" if path is None else f" ;\n    sh:resultPath {writer.term(path, shapes)}",
                    ]
                )
            value = "" if result.value is None else f" ;\n    sh:value {writer.term(result.value, data)}"
            if (messages := said.get(result.messages)) is None:
                messages = said[result.messages] = "".join(
                    f" ;\n    sh:resultMessage {writer.term(Literal(message, lang=message_lang or None))}"
                    for message_lang, message in result.messages
                )
            entry = f"_:r{first} a sh:ValidationResult ;\n    sh:focusNode {focus}"
            writer.text_block(f"{entry}{rule}{value}{messages} .\n")
            first += 1
            writer.flush()
    skipped = "".join(f"# skipped: {shape} — {why}\n" for r in reports for shape, why in r.skipped)
    return skipped + writer.text()


_TURTLE_PREFIXES = {"rdf": str(RDF), "sh": str(SH), "xsd": str(XSD)}
_IRI_ESCAPES = {ord(c): f"\\u{ord(c):04X}" for c in '<>"{}|^`\\'} | {c: f"\\u{c:04X}" for c in range(0x21)}
_IRI_UNSAFE = re.compile("[" + re.escape("".join(map(chr, _IRI_ESCAPES))) + "]")
"""Whether an IRI has a character to escape: most have none, and the search is quicker than the translation."""


class _TurtleWriter:
    """Turtle text, one block per subject; blank nodes copied from the data or shapes graph relabelled.

    Terms are written once each and remembered: a report of 10 000 datasets names the same
    shapes, severities and components tens of thousands of times.
    """

    def __init__(self, prefixes: dict[str, str]) -> None:
        self._namespaces = {namespace: prefix for prefix, namespace in sorted(prefixes.items(), reverse=True)}
        self._used: set[str] = {"sh"}
        self._blocks: list[str] = []
        self._written: dict[object, str] = {}
        self._labels: dict[tuple[int, BNode], str] = {}
        self._pending: list[tuple[BNode, Graph]] = []

    def block(self, lines: list[str]) -> None:
        """One subject's triples: its first line is ``subject predicate object``, the rest ``predicate object``."""
        self._blocks.append(" ;\n    ".join(lines) + " .\n")

    def text_block(self, written: str) -> None:
        """One subject's triples already written as :meth:`block` writes them."""
        self._blocks.append(written)

    def flush(self) -> None:
        """Write the copies of the blank nodes named so far (each once), with what hangs below them."""
        while self._pending:
            node, source = self._pending.pop(0)
            pairs = sorted(source.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1])))
            if pairs:
                subject = self.term(node, source)
                lines = [f"{self._verb(p)} {self.term(o, source)}" for p, o in pairs]
                lines[0] = f"{subject} {lines[0]}"
                self.block(lines)

    def _verb(self, predicate: object) -> str:
        return "a" if predicate == RDF.type else self.term(predicate)

    def term(self, term: object, source: Graph | None = None) -> str:
        """A term in Turtle; a blank node of ``source`` gets a label and is copied at the next :meth:`flush`."""
        if (known := self._written.get(term)) is not None:  # never a blank node: those are labelled per source
            return known
        if isinstance(term, BNode):
            key = (id(source), term)
            if key not in self._labels:
                self._labels[key] = f"_:b{len(self._labels)}"
                if source is not None:
                    self._pending.append((term, source))
            return self._labels[key]
        if isinstance(term, URIRef):
            text = str(term)
            cut = max(text.rfind("#"), text.rfind("/")) + 1
            prefix = self._namespaces.get(text[:cut])
            if prefix is not None and _LOCAL.fullmatch(text[cut:]):
                self._used.add(prefix)
                written = f"{prefix}:{text[cut:]}"
            else:
                written = f"<{text.translate(_IRI_ESCAPES) if _IRI_UNSAFE.search(text) else text}>"
        elif isinstance(term, Literal):
            lexical = _quote(str(term))
            if term.language:
                written = f"{lexical}@{term.language}"
            elif term.datatype == XSD.boolean and str(term) in ("true", "false"):
                written = str(term)
            elif term.datatype is not None and term.datatype != XSD.string:
                written = f"{lexical}^^{self.term(term.datatype)}"
            else:
                written = lexical
        else:
            raise TypeError(f"not an RDF term: {term!r}")
        self._written[term] = written
        return written

    def text(self) -> str:
        used = sorted((prefix, namespace) for namespace, prefix in self._namespaces.items() if prefix in self._used)
        head = "".join(f"@prefix {prefix}: <{namespace.translate(_IRI_ESCAPES)}> .\n" for prefix, namespace in used)
        return head + "\n" + "\n".join(self._blocks)


_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_QUOTED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def _quote(text: str) -> str:
    return '"' + "".join(_QUOTED.get(char, char) for char in text) + '"'


def junit(reports: list[Report], lang: str, fail_on: str) -> str:
    """JUnit XML: a test case per shape that found something, named by its stable IRI for dashboards' history.

    Violations are failures; warnings are failures with ``--fail-on warning`` and otherwise printed
    in the case's output, so they are visible without failing the run.
    """
    suites = ET.Element("testsuites", name="kasko-dcat validate")
    total = failed = 0
    message = _messages(lang)
    for report in reports:
        by_shape: dict[str, list[Finding]] = {}
        for finding in report.findings:
            by_shape.setdefault(str(finding.result.shape), []).append(finding)
        suite = ET.SubElement(suites, "testsuite", name=report.label)
        cases = failures = 0
        for shape, findings in sorted(by_shape.items()):
            case = ET.SubElement(suite, "testcase", classname=report.label, name=short(URIRef(shape)))
            cases += 1
            fatal = {"Violation", "Warning"} if fail_on == "warning" else {"Violation"}
            failing: Finding | None = None
            lines = []
            for finding in findings:
                severity = finding.severity
                if failing is None and severity in fatal:
                    failing = finding
                word = SEVERITY_WORDS[lang].get(severity, severity)
                lines.append(_junit_line(finding, word, message(finding.result)))
            body = "\n".join(lines)
            if failing is not None:
                failures += 1
                failure = ET.SubElement(case, "failure", type=failing.severity, message=message(failing.result))
                failure.text = body
            else:
                ET.SubElement(case, "system-out").text = body
        for shape, why in report.skipped:
            case = ET.SubElement(suite, "testcase", classname=report.label, name=short_name(shape))
            ET.SubElement(
                case, "skipped", message=render("validate-skipped", lang, {"shape": short_name(shape), "reason": why})
            )
            cases += 1
        passed = ET.SubElement(suite, "testcase", classname=report.label, name=render("validate-junit-rest", lang, {}))
        ET.SubElement(passed, "system-out").text = render(
            "validate-junit-rest-detail", lang, {"count": str(report.shapes - cases)}
        )
        suite.set("tests", str(cases + 1))
        suite.set("failures", str(failures))
        total += cases + 1
        failed += failures
    suites.set("tests", str(total))
    suites.set("failures", str(failed))
    for element in suites.iter():
        element.text = element.text and _xml_safe(element.text)
        for key, value in element.attrib.items():
            element.set(key, _xml_safe(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    """Text with the characters XML 1.0 forbids (control characters) shown as ``\\xNN``, so the report parses."""
    return _NOT_IN_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _junit_line(finding: Finding, word: str, message: str) -> str:
    where = f" ({finding.where}{', ' + finding.field if finding.field else ''})" if finding.where else ""
    value = "" if finding.result.value is None else f" — {short(finding.result.value)}"
    return f"{word}: {finding.title} <{finding.result.focus}>: {message}{value}{where}"


RENDERERS: dict[str, Callable[[list[Report], str, str], str]] = {
    "text": text,
    "json": as_json,
    "turtle": turtle,
    "junit": junit,
}
"""``--format`` name → renderer."""


def failure(report_format: str, code: str, message: str, details: list[str]) -> str:
    """The ``--report`` file of a run that could not validate (exit 2 or 3): the error, in ``report_format``.

    A CI dashboard reads the file whatever happened; without one it showed nothing at all when the
    source itself was broken. ``details`` are the lines printed before the message (each source problem).
    """
    lines = [*details, message]
    if report_format == "json":
        error = {"code": code, "message": message, "details": details}
        return json.dumps({"conforms": False, "error": error, "reports": []}, ensure_ascii=False, indent=2) + "\n"
    if report_format == "junit":
        suites = ET.Element("testsuites", name="kasko-dcat validate", tests="1", failures="0", errors="1")
        suite = ET.SubElement(suites, "testsuite", name="kasko-dcat validate", tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", classname="kasko-dcat validate", name=code)
        ET.SubElement(case, "error", type=code, message=_xml_safe(message)).text = _xml_safe("\n".join(lines))
        ET.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    if report_format == "turtle":
        comment = "".join(f"# {line}\n" for text in lines for line in text.splitlines())
        return comment + f"@prefix sh: <{SH}> .\n\n[] a sh:ValidationReport ; sh:conforms false .\n"
    return "\n".join(lines) + "\n"
