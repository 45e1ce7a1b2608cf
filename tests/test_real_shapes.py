"""``validate --shapes`` on public shape sets and their own examples, beside pySHACL (issue 22's check).

SEMIC's DCAT-AP 1.2.1 and 2.1.1, DCAT-AP HVD 3.0.0, GeoDCAT-AP 2.0.0, CPSV-AP 3.2.0, the single
combined DCAT-AP 3.0.1 file and AGLDWG's VocPub validator (``sh:or``, ``sh:xone``, complex paths),
with the examples published beside them (``tests/data/shapes-real/``, sources and licence in its
README): shapes and data the engine was not written against. Each case runs the command and
pySHACL on the same files and compares every result (focus node, path as its structure,
component, severity, value, and the shape where it is an IRI), not only the count.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, Node, URIRef
from rdflib.collection import Collection

from kasko_dcat.cli import main
from kasko_dcat.rdf.namespaces import RDF, SH

REAL = Path(__file__).parent / "data" / "shapes-real"

CASES = [
    ("dcat-ap-1.2.1", "data-dcat-ap-2.1.1/example1.nt", 8),
    ("dcat-ap-1.2.1", "data-dcat-ap-2.1.1/example2.nt", 9),
    ("dcat-ap-2.1.1", "data-dcat-ap-2.1.1/example1.nt", 21),
    ("dcat-ap-2.1.1", "data-dcat-ap-2.1.1/example2.nt", 21),
    ("hvd-3.0.0", "data-hvd-3.0.0/example-ms_catalogue.ttl", 16),
    ("hvd-3.0.0", "data-hvd-3.0.0/example-data_service_terms_sla.ttl", 21),
    ("hvd-3.0.0", "data-hvd-3.0.0/example-ms_dataset_2_licenses.ttl", 19),
    ("hvd-3.0.0", "data-hvd-3.0.0/example-ms_catalogue_simple.ttl", 0),
    ("geodcat-ap-2.0.0", "data-geodcat-ap-2.0.0/attribution.ttl", 2),
    ("geodcat-ap-2.0.0", "data-geodcat-ap-2.0.0/quality-measurement.ttl", 7),
    ("geodcat-ap-2.0.0", "data-geodcat-ap-2.0.0/dataset.ttl", 0),
    ("cpsv-ap-3.2.0", "data-cpsv-ap-3.2.0/example-rdf_public_service.ttl", 6),
    ("vocpub", "data-vocpub/01-invalid.ttl", 16),
    ("vocpub", "data-vocpub/02-valid-build.ttl", 25),
    ("vocpub", "data-vocpub/06-invalid-qualdev.ttl", 8),
    ("vocpub", "data-vocpub/09-invalid-warnings-issue-15-status.ttl", 1),
    ("vocpub", "data-vocpub/11-invalid-multi-lang-agents.ttl", 1),
]
"""(shape folder, data file, results both engines found when this test was written)."""

COMBINED = REAL / "dcat-ap-3.0.1-combined" / "dcat-ap-SHACL.ttl"
PATHLESS = [
    "https://semiceu.github.io/DCAT-AP/releases/3.0.1#dcat:DataServiceShape/dc08f4dca4377fade57f89454e3fa06a8389d314",
    "https://semiceu.github.io/DCAT-AP/releases/3.0.1#dcat:DataServiceShape/eb3ac4e4fdde2e2588a9502c5956060a18c5c99f",
]
"""The two ``sh:property`` values of SEMIC's combined 3.0.1 file that have no triples, so no ``sh:path``."""


def command(shapes: list[Path], data: Path, *options: str) -> tuple[int, str, str]:
    args = [arg for path in shapes for arg in ("--shapes", str(path))]
    result = CliRunner().invoke(
        main, ["--lang", "en", "validate", "--source", str(REAL / "no-source"), *args, str(data), *options]
    )
    return result.exit_code, result.stdout, result.stderr


def _path(graph: Graph, node: Node | None) -> str:
    if node is None or isinstance(node, URIRef):
        return str(node)
    if (node, RDF.first, None) in graph:
        return "(" + " ".join(_path(graph, item) for item in Collection(graph, node)) + ")"
    for predicate in (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
        inner = graph.value(node, predicate)
        if inner is not None:
            return f"{predicate.fragment}[{_path(graph, inner)}]"
    raise AssertionError(f"{node} in a report is not a SHACL path")


def _term(node: Node | None) -> str:
    if isinstance(node, BNode):
        return "_:"  # blank nodes of two reports are not the same labels
    if isinstance(node, Literal):
        return f"{node}^^{node.datatype}@{node.language}"
    return str(node)


def results(report: Graph) -> Counter[tuple[str, ...]]:
    """Each result of a ``sh:ValidationReport``, as a comparable tuple, counted."""
    found: Counter[tuple[str, ...]] = Counter()
    for result in report.objects(None, SH.result):
        shape = report.value(result, SH.sourceShape)
        found[
            (
                _term(report.value(result, SH.focusNode)),
                _path(report, report.value(result, SH.resultPath)),
                str(report.value(result, SH.sourceConstraintComponent)),
                str(report.value(result, SH.resultSeverity)),
                _term(report.value(result, SH.value)),
                str(shape) if isinstance(shape, URIRef) else "_:",
            )
        ] += 1
    return found


def pyshacl_results(shapes: list[Path], data: Path) -> tuple[bool, Counter[tuple[str, ...]]]:
    shapes_graph = Graph()
    for path in shapes:
        shapes_graph.parse(path)
    conforms, report, _ = pyshacl_validate(Graph().parse(data), shacl_graph=shapes_graph)
    return conforms, results(report)


@pytest.mark.parametrize(("folder", "data", "count"), CASES, ids=[f"{f}:{Path(d).name}" for f, d, _ in CASES])
def test_the_command_finds_what_pyshacl_finds_on_public_shapes(folder: str, data: str, count: int) -> None:
    shapes = sorted((REAL / folder).glob("*.ttl"))
    code, out, err = command(shapes, REAL / data, "--format", "turtle")
    assert code in (0, 1), err
    ours = results(Graph().parse(data=out, format="turtle"))
    conforms, theirs = pyshacl_results(shapes, REAL / data)
    assert ours == theirs
    assert sum(ours.values()) == count
    assert conforms == (count == 0)


def test_the_combined_3_0_1_file_is_refused_naming_both_pathless_shapes() -> None:
    code, _, err = command(
        [COMBINED], REAL / "data-dcat-ap-3.0.1" / "example-bee-population-dataset-series-modified.ttl"
    )
    assert code == 2
    assert all(f"<{shape}>: sh:path is missing" in err for shape in PATHLESS), err
    assert "--skip-ill-formed" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "data",
    ["example-bee-population-dataset-series-modified.ttl", "example-bee-population-dataset-series-gea-nha.ttl"],
)
def test_skip_ill_formed_runs_the_rest_of_the_combined_file_as_pyshacl_does(data: str) -> None:
    """pySHACL builds a shape only when it has a focus node, so it runs these files (no data service)."""
    code, out, err = command([COMBINED], REAL / "data-dcat-ap-3.0.1" / data, "--skip-ill-formed", "--format", "turtle")
    assert code == 1, err
    conforms, theirs = pyshacl_results([COMBINED], REAL / "data-dcat-ap-3.0.1" / data)
    assert results(Graph().parse(data=out, format="turtle")) == theirs
    assert sum(theirs.values()) > 0 and not conforms
    assert all(f"# skipped: {shape} — ill-formed: sh:path is missing" in out for shape in PATHLESS)


def test_skip_ill_formed_lists_both_shapes_in_text_json_and_junit() -> None:
    """On a data service, which pySHACL refuses to run at all ("not a well-formed SHACL PropertyShape")."""
    data = REAL / "data-dcat-ap-3.0.1" / "example-bee-population-dataset-series-life-count.ttl"
    code, text, err = command([COMBINED], data, "--skip-ill-formed")
    assert code == 1, err
    assert all(f"skipped: <{shape}> — ill-formed: sh:path is missing" in text for shape in PATHLESS)
    code, out, _ = command([COMBINED], data, "--skip-ill-formed", "--format", "json")
    skipped = json.loads(out)["reports"][0]["skipped"]
    assert [entry["shape"] for entry in skipped] == PATHLESS
    code, out, _ = command([COMBINED], data, "--skip-ill-formed", "--format", "junit")
    assert out.count("<skipped ") == 2 and all(shape in out for shape in PATHLESS)
