"""Differential test against the Rust SHACL engine (PyPI ``shacl`` 0.3.4) on random Core cases.

    .venv/bin/python bench/bench_differential_rust.py --rust-python /tmp/rustvenv/bin/python [--cases 1000] [--start 0]

The third opinion beside ``bench/bench_differential.py`` (pySHACL): the same seeded shapes and data
(``tests/random_shacl.py``), validated by our engine and, in one process of a separate virtual
environment that has ``shacl==0.3.4`` (``python -m venv /tmp/rustvenv && /tmp/rustvenv/bin/pip
install shacl==0.3.4``; a bench-only tool, not a dependency), by the Rust engine. Each result is
compared by focus node, component and value (literals as rdflib normalises them, since the Rust
report writes canonical forms), counted; the seeds that differ are printed with what only one
engine found. It prints what it measured and does not judge: docs/validation.md says which
engine the recommendation supports where they differ.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace
from rdflib.term import Node

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.random_shacl import case

from kasko_dcat.rdf.namespaces import SH, XSD
from kasko_dcat.rdf.reading import parse_exact
from kasko_dcat.shacl.engine import ShapesError, ShapesGraph, validate

RUST = """
import json, sys, shacl
folder, start, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
reports = {}
for seed in range(start, start + cases):
    try:
        reports[seed] = shacl.validate(f"{folder}/{seed}.data.ttl", f"{folder}/{seed}.shapes.ttl").serialize("ntriples")
    except Exception as exc:
        reports[seed] = "ERROR " + str(exc)
json.dump(reports, sys.stdout)
"""

Key = tuple[str, str, str]


def _term(node: Node | None) -> str:
    if node is None:
        return "-"
    if isinstance(node, BNode):
        return "_:"
    if isinstance(node, Literal):
        datatype = None if node.datatype == XSD.string else node.datatype
        language = node.language.lower() if node.language else None
        normal = Literal(str(node), datatype=datatype, lang=language)
        return f"{normal.n3()}"
    return str(node)


def _rust_results(ntriples: str) -> Counter[Key]:
    report, sh = Graph().parse(data=ntriples, format="nt"), Namespace(str(SH))
    return Counter(
        (
            _term(report.value(r, sh.focusNode)),
            str(report.value(r, sh.sourceConstraintComponent)),
            _term(report.value(r, sh.value)),
        )
        for r in report.objects(None, sh.result)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rust-python", required=True, help="a Python with shacl==0.3.4 installed")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    seeds = range(args.start, args.start + args.cases)
    ours: dict[int, Counter[Key] | str] = {}
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            shapes_text, data_text = case(seed)
            (Path(folder) / f"{seed}.shapes.ttl").write_text(shapes_text, "utf-8")
            (Path(folder) / f"{seed}.data.ttl").write_text(data_text, "utf-8")
            shapes, data = Graph(), Graph()
            parse_exact(shapes, data=shapes_text, format="turtle")
            parse_exact(data, data=data_text, format="turtle")
            try:
                results = validate(data, ShapesGraph(shapes))
            except ShapesError as exc:
                ours[seed] = f"refused: {exc}"
                continue
            ours[seed] = Counter((_term(r.focus), str(r.component), _term(r.value)) for r in results)
        done = subprocess.run(
            [args.rust_python, "-c", RUST, folder, str(args.start), str(args.cases)],
            capture_output=True,
            text=True,
            check=True,
        )
    rust = json.loads(done.stdout)
    agree, differ, results = 0, 0, 0
    for seed in seeds:
        mine, theirs = ours[seed], rust[str(seed)]
        if isinstance(mine, str) or theirs.startswith("ERROR"):
            differ += 1
            print(f"seed {seed}: ours {mine if isinstance(mine, str) else 'ran'}; Rust {theirs[:200]}")
            continue
        other = _rust_results(theirs)
        results += sum(mine.values())
        if mine == other:
            agree += 1
            continue
        differ += 1
        print(f"seed {seed}: only ours {dict(mine - other)}; only Rust {dict(other - mine)}")
    print(
        f"{args.cases} cases (seeds {seeds[0]}–{seeds[-1]}) in {time.perf_counter() - started:.1f} s; "
        f"{results} results of ours; the same results in {agree} cases, different in {differ}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
