"""Time reading N-Triples files with one long literal: ``validate``'s reader beside rdflib's own N-Triples parser.

rdflib's parser is quadratic in a literal's length (issue "Hardening", finding 15); ``validate``
now reads N-Triples with Oxigraph and converts the terms. Each file is the built catalogue plus one
triple whose literal has the given size. rdflib is timed only up to ``--rdflib-max-mb`` (at 4 MB
it takes minutes).

    python bench/bench_ntriples.py [--sizes 1,2,4,30] [--rdflib-max-mb 2]

This script prints; it does not judge.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from _measure import ROOT
from kasko_dcat.rdf.reading import read_rdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,30", help="literal sizes in MB, comma-separated")
    parser.add_argument("--rdflib-max-mb", type=float, default=2.0, help="largest size also timed with rdflib")
    args = parser.parse_args()
    catalogue = (ROOT / "output" / "catalog.nt").read_text("utf-8")
    print(f"{'literal MB':>10}  {'validate reader s':>17}  {'rdflib nt parser s':>18}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (float(s) for s in args.sizes.split(",")):
            path = Path(folder) / "long.nt"
            path.write_text(catalogue + '<urn:x:s> <urn:x:p> "' + "a" * int(size * 1_000_000) + '" .\n', "utf-8")
            start = time.perf_counter()
            read_rdf(path, max_mb=64)
            ours = time.perf_counter() - start
            theirs = "-"
            if size <= args.rdflib_max_mb:
                start = time.perf_counter()
                Graph().parse(path, format="nt")
                theirs = f"{time.perf_counter() - start:.2f}"
            print(f"{size:>10g}  {ours:>17.2f}  {theirs:>18}", flush=True)


if __name__ == "__main__":
    main()
