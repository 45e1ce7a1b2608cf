"""Child process of bench_validate.py: parse one file and validate it with one engine; print the timings as JSON.

python bench/_validate_once.py ours FILE
python bench/_validate_once.py semic FILE SHAPES_DIR     (pySHACL with SEMIC's official shapes)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

SEMIC_FILES = ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl")


def main() -> None:
    engine, data = sys.argv[1], Path(sys.argv[2])
    start = time.perf_counter()
    from rdflib import Graph

    if engine == "ours":
        from kasko_dcat.shacl.validate import check, load_shapes

        load_shapes()
    else:
        from pyshacl import validate

        shapes = Graph()
        for name in SEMIC_FILES:
            shapes.parse(Path(sys.argv[3]) / name)
    setup = time.perf_counter() - start
    start = time.perf_counter()
    if engine == "ours":
        from kasko_dcat.rdf.reading import read_rdf

        graph = read_rdf(data, max_mb=100_000)  # as kasko-dcat validate FILE reads it
    else:
        graph = Graph().parse(data)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    if engine == "ours":
        report = check(graph, str(data), "en")
        results = len(report.findings)
    else:
        from rdflib.namespace import SH

        _, report_graph, _ = validate(graph, shacl_graph=shapes, inference="none")
        results = len(list(report_graph.objects(None, SH.result)))
    check_seconds = time.perf_counter() - start
    figures = {"setup": setup, "parse": parse, "validate": check_seconds, "triples": len(graph), "results": results}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
