"""Benchmark the bundled queries on the embedded engine, on the real catalogue scaled up.

The real ``output/catalog.nt`` (28 datasets) is copied ``--copies`` times, each copy under its own
base IRI (``https://k{n}.example/``), so 358 copies hold 10 024 datasets that share the EU
vocabularies and laws as a real large catalogue would. Each bundled query then runs ``--runs``
times on one in-memory Oxigraph store, as ``serve`` will run them, and the median and 95th
percentile are printed with the load time. Each run evaluates the query and writes the whole
answer as SPARQL JSON with Oxigraph's serialiser, as ``query --format json`` and ``serve`` do.

    python bench/bench_queries.py [--copies 358] [--runs 20]

Target (issue "Harvest and query", for ``serve``): bundled-query p95 ≤ 100 ms on a 10 000-dataset
catalogue. This script measures and prints; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kasko_dcat.query import bundled, sparql

ROOT = Path(__file__).resolve().parents[1]
BASE = b"https://kasko.example/"
TARGET_MS = 100.0


def scaled(copies: int) -> bytes:
    data = (ROOT / "output" / "catalog.nt").read_bytes()
    return b"".join(data.replace(BASE, f"https://k{n}.example/".encode()) for n in range(copies))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=358)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    store = sparql.load(scaled(args.copies))
    loaded = time.perf_counter() - start
    datasets = sum(1 for _ in store.query("SELECT ?d WHERE { ?d a dcat:Dataset }", prefixes=sparql.DEFAULT_PREFIXES))
    print(f"Python {platform.python_version()} on {platform.machine()}, {len(store)} triples, {datasets} datasets")
    print(f"load: {loaded:.2f} s\n")
    print(f"{'query':<24} {'rows':>7} {'median ms':>10} {'p95 ms':>8}  target {TARGET_MS:.0f} ms")
    for name in bundled.names():
        query = bundled.read(name)
        bindings = sparql.parse_bindings(query.binds)  # a parameterised query runs as its header shows
        rows = len(list(sparql.run(store, query.text, bindings)))  # type: ignore[arg-type]
        times = []
        for _ in range(args.runs):
            begin = time.perf_counter()
            sparql.run(store, query.text, bindings).serialize(format=ox.QueryResultsFormat.JSON)
            times.append((time.perf_counter() - begin) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        verdict = "met" if p95 <= TARGET_MS else "MISSED"
        print(f"{name:<24} {rows:>7} {statistics.median(times):>10.1f} {p95:>8.1f}  {verdict}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
