"""The Rust SHACL engine (PyPI ``shacl`` 0.3.4, pwin/SHACL_Engine) as a command, for bench_semic.py.

The package has no command of its own, only a Python API, so this is the smallest one: compile
the shapes files (merged into one graph, as the package reads one file), validate the data file,
print the SHACL report as Turtle (what ``kasko-dcat validate --format turtle`` prints) and the
number of results on the last line. Install it with ``pip install -e '.[bench]'``.

    python bench/_rust_shacl.py DATA.nt SHAPES.ttl [SHAPES.ttl …]
"""

from __future__ import annotations

import sys


def main() -> None:
    import pyoxigraph as ox
    import shacl

    data, *shape_files = sys.argv[1:]
    triples = [triple for path in shape_files for triple in ox.parse(path=path)]
    shapes = shacl.Shapes.from_text(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), "ntriples")
    report = shapes.validate_file(data)
    sys.stdout.write(report.serialize("turtle"))
    print(f"\nresults: {len(report)}")


if __name__ == "__main__":
    main()
