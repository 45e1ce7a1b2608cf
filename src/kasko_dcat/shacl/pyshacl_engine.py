"""pySHACL, the W3C's reference implementation in Python, as a second opinion (``validate --engine pyshacl``).

Some users must show conformance as the reference engine sees it, or use SHACL-SPARQL features
kasko-dcat's engine refuses. pySHACL runs on the same data and shapes graphs, and its report is
read back into :class:`~kasko_dcat.shacl.engine.Result` objects, so the findings, their grouping,
the report formats and the exit codes are the same as with our engine.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat.rdf.namespaces import RDF, SH
from kasko_dcat.shacl.engine import Result, ShapesError, read_path


def validate_with_pyshacl(data: Iterable[tuple[Node, Node, Node]], shapes: Graph) -> list[Result]:
    """The results pySHACL finds in the triples ``data`` against ``shapes``: no inference, SHACL-AF on (ours use it)."""
    from pyshacl import validate  # about a second to import: only when asked for
    from pyshacl.errors import ReportableRuntimeError

    copy = Graph()  # pySHACL reads an rdflib graph in its default store: the triples are put in one once
    for triple in data:
        copy.add(triple)
    # The cycle collector on, though ``validate`` pauses it for our engine (api.no_cycle_collection):
    # pySHACL's SPARQL evaluation makes reference cycles by the million, and our shapes on 1 000
    # datasets grew to 9.1 GB without it (pySHACL's own command: 134 MB).
    paused = not gc.isenabled()
    gc.enable()
    try:
        _, report, _ = validate(copy, shacl_graph=shapes, inference="none", advanced=True)
    except ReportableRuntimeError as exc:  # pySHACL's word for shapes it cannot load or run
        raise ShapesError(f"pySHACL: {' '.join(str(exc).split())}") from None
    finally:
        if paused:
            gc.disable()
    results = []
    # Only the report's own results: pySHACL also types the nested ones under sh:detail as results.
    for node in report.objects(next(report.subjects(RDF.type, SH.ValidationReport)), SH.result):
        path = report.value(node, SH.resultPath)
        severity = report.value(node, SH.resultSeverity)
        messages = {
            (m.language or ""): str(m) for m in report.objects(node, SH.resultMessage) if isinstance(m, Literal)
        }
        results.append(
            Result(
                focus=report.value(node, SH.focusNode),
                shape=report.value(node, SH.sourceShape),
                severity=severity if isinstance(severity, URIRef) else SH.Violation,
                component=report.value(node, SH.sourceConstraintComponent),
                path=None if path is None else read_path(report, path),
                value=report.value(node, SH.value),
                messages=tuple(sorted(messages.items())),
            )
        )
    return sorted(results, key=Result.sort_key)
