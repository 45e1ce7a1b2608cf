"""The W3C SHACL Core test suite, judged as pySHACL's own suite runner judges it.

The suite (``../shared/reference/w3c-shacl-tests/core``) is 98 ``sht:Validate`` tests: a data
graph, a shapes graph (often the same file) and the expected ``sh:ValidationReport``. Our engine's
results become a report graph in which every blank node it names (a blank-node shape, a path, a
focus node or value) is copied with everything below it, as pySHACL copies them; then pySHACL's
``check_sht_result`` compares it with the expected report: ``sh:conforms``, the number of results,
and each result matched once (a multiset) on focus node, path, value, source shape, constraint
component and severity, blank nodes compared by structure. ``sh:resultMessage`` counts only where
the expected report has messages. A shapes graph the engine refuses fails its test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyshacl.validator_conformance import check_sht_result
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kasko_dcat.cli import main
from kasko_dcat.rdf.namespaces import SH
from kasko_dcat.rdf.reading import parse_exact
from kasko_dcat.shacl.engine import Result, ShapesGraph, validate

from .conftest import SHARED

SUITE = SHARED / "reference" / "w3c-shacl-tests" / "core"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"


@dataclass(frozen=True)
class Case:
    """One ``sht:Validate`` entry of a manifest."""

    name: str
    manifest: Path
    entry: URIRef


def _read(path: Path) -> Graph:
    graph = Graph()
    parse_exact(graph, source=path, format="turtle", publicID=path.resolve().as_uri())
    return graph


def _cases(manifest: Path) -> list[Case]:
    graph = _read(manifest)
    found: list[Case] = []
    for include in sorted(graph.objects(None, URIRef(MF + "include")), key=str):
        found.extend(_cases(Path(str(include).removeprefix("file://"))))
    for head in graph.objects(None, URIRef(MF + "entries")):
        for entry in graph.items(head):
            if (entry, RDF.type, URIRef(SHT + "Validate")) in graph:
                name = str(manifest.parent.relative_to(SUITE) / str(entry).rsplit("/", 1)[-1])
                found.append(Case(name, manifest, entry))
    return found


CASES = _cases(SUITE / "manifest.ttl") if SUITE.is_dir() else []


def test_the_suite_is_all_there() -> None:
    if not SUITE.is_dir():
        pytest.skip(f"the W3C SHACL test suite is not at {SUITE} (CI has ../shared)")
    assert len(CASES) == 98


def _clone(node: Node, source: Graph, target: Graph, done: set[Node]) -> None:
    """Copy a blank node and everything below it, as pySHACL copies what a result names."""
    if not isinstance(node, BNode) or node in done:
        return
    done.add(node)
    for p, o in source.predicate_objects(node):
        target.add((node, p, o))
        _clone(o, source, target, done)


def report_graph(results: list[Result], shapes: Graph, data: Graph) -> Graph:
    """Our results as an ``sh:ValidationReport`` graph, one ``sh:result`` per result (none merged)."""
    report, node = Graph(bind_namespaces="core"), BNode()
    for prefix, namespace in shapes.namespace_manager.namespaces():  # pySHACL's judge compares prefixed names
        report.bind(prefix, namespace)
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(not results)))
    from_shapes: set[Node] = set()
    from_data: set[Node] = set()
    for result in results:
        entry = BNode()
        report.add((node, SH.result, entry))
        report.add((entry, RDF.type, SH.ValidationResult))
        report.add((entry, SH.focusNode, result.focus))
        report.add((entry, SH.resultSeverity, result.severity))
        report.add((entry, SH.sourceShape, result.shape))
        report.add((entry, SH.sourceConstraintComponent, result.component))
        _clone(result.focus, data, report, from_data)
        _clone(result.shape, shapes, report, from_shapes)
        if result.path is not None:
            report.add((entry, SH.resultPath, result.path.node))
            _clone(result.path.node, shapes, report, from_shapes)
        if result.value is not None:
            report.add((entry, SH.value, result.value))
            _clone(result.value, data, report, from_data)
        for lang, text in result.messages:
            report.add((entry, SH.resultMessage, Literal(text, lang=lang or None)))
    return report


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_w3c_core(case: Case) -> None:
    manifest = _read(case.manifest)
    action = manifest.value(case.entry, URIRef(MF + "action"))
    expected = manifest.value(case.entry, URIRef(MF + "result"))
    data_file = manifest.value(action, URIRef(SHT + "dataGraph"))
    shapes_file = manifest.value(action, URIRef(SHT + "shapesGraph"))
    data = _read(Path(str(data_file).removeprefix("file://")))
    shapes = data if shapes_file == data_file else _read(Path(str(shapes_file).removeprefix("file://")))
    results = validate(data, ShapesGraph(shapes))
    report = report_graph(results, shapes, data)
    assert check_sht_result(report, manifest, expected), f"{case.name}: {manifest.value(case.entry, RDFS.label)}"


def test_a_report_with_one_result_too_many_fails() -> None:
    """The judge can fail: the right report plus one copy of a result is refused."""
    if not SUITE.is_dir():
        pytest.skip(f"the W3C SHACL test suite is not at {SUITE} (CI has ../shared)")
    case = next(c for c in CASES if c.name == "node/class-001")
    manifest = _read(case.manifest)
    data = _read(case.manifest)
    results = validate(data, ShapesGraph(data))
    assert results
    expected = manifest.value(case.entry, URIRef(MF + "result"))
    assert check_sht_result(report_graph(results, data, data), manifest, expected)
    assert not check_sht_result(report_graph([*results, results[0]], data, data), manifest, expected)


# --- the same suite through the command -----------------------------------------------------------


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_w3c_core_through_the_command(case: Case, tmp_path: Path) -> None:
    """``kasko-dcat validate --shapes SHAPES DATA --format turtle``: the report as a SHACL tool reads it.

    No catalogue, no source: any RDF graph against the shapes given. The Turtle report is parsed
    with literals as written and judged by pySHACL's runner, like the library's report above.
    """
    manifest = _read(case.manifest)
    action = manifest.value(case.entry, URIRef(MF + "action"))
    expected = manifest.value(case.entry, URIRef(MF + "result"))
    data_file = str(manifest.value(action, URIRef(SHT + "dataGraph"))).removeprefix("file://")
    shapes_file = str(manifest.value(action, URIRef(SHT + "shapesGraph"))).removeprefix("file://")
    code, out = _invoke(
        "validate", "--source", str(tmp_path / "none"), "--shapes", shapes_file, data_file, "--format", "turtle"
    )
    assert code in (0, 1), out
    report = Graph()
    parse_exact(report, data=out, format="turtle")
    assert check_sht_result(report, manifest, expected), f"{case.name}: {manifest.value(case.entry, RDFS.label)}\n{out}"
