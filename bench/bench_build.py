"""Benchmark ``kasko-dcat build`` on the real source: wall time and peak memory, printed.

Each run is a fresh process, as a user or CI runs it (interpreter start-up, imports and the
validation against shapes/ included),
writing to an empty temporary folder so that every file is really written. Peak memory is the
child's maximum resident set size as the kernel reports it (``wait4``). A second section times the
stages inside one process, to show where the time goes.

    python bench/bench_build.py [--runs N]

Target (issue "Core"): at most 1.5 s per build on the 2-core machine. This script measures and
prints; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _measure import ROOT, machine, run

TARGET_SECONDS = 1.5


def one_build(output: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one ``kasko-dcat build`` in a new process."""
    done = run(["-m", "kasko_dcat", "build", "-q", "--source", str(ROOT / "source"), "--output", str(output)])
    if done.code != 0:
        raise SystemExit(f"build failed with exit code {done.code}")
    return done.seconds, done.peak_mib


def stages() -> list[tuple[str, float]]:
    """Seconds per stage in this process (imports first, as a cold command pays them)."""
    timings = []
    start = time.perf_counter()
    from kasko_dcat import api
    from kasko_dcat.model.graph import build_graph
    from kasko_dcat.rdf.formats import OUTPUT
    from kasko_dcat.shacl.validate import check, load_shapes

    timings.append(("import kasko_dcat + rdflib", time.perf_counter() - start))
    start = time.perf_counter()
    source = api.read(ROOT / "source")
    timings.append(("read and check source/", time.perf_counter() - start))
    start = time.perf_counter()
    graph = build_graph(source)
    timings.append((f"build graph ({len(graph)} triples)", time.perf_counter() - start))
    start = time.perf_counter()
    shapes = load_shapes()
    timings.append((f"read shapes/ ({len(shapes.targeted)} shapes)", time.perf_counter() - start))
    start = time.perf_counter()
    check(graph, "source", "en")
    timings.append(("validate", time.perf_counter() - start))
    for fmt in OUTPUT:
        start = time.perf_counter()
        fmt.serialize(graph)
        timings.append((f"serialise {fmt.filename}", time.perf_counter() - start))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=10, help="number of timed builds (default 10)")
    args = parser.parse_args()

    print(machine())
    with tempfile.TemporaryDirectory() as scratch:
        one_build(Path(scratch) / "warm-up")  # fill the OS file cache and compile .pyc files
        results = [one_build(Path(scratch) / f"run-{i}") for i in range(args.runs)]
    times = sorted(t for t, _ in results)
    peak_mib = max(rss for _, rss in results)
    median = statistics.median(times)
    print(f"kasko-dcat build, {args.runs} runs in fresh processes:")
    print(f"  wall time  median {median:.3f} s   min {times[0]:.3f} s   max {times[-1]:.3f} s")
    print(f"  peak RSS   {peak_mib:.1f} MiB")
    verdict = "met" if median <= TARGET_SECONDS else "NOT met"
    share = median / TARGET_SECONDS
    print(f"  target     <= {TARGET_SECONDS} s: {verdict} (median {median:.3f} s = {share:.0%} of the target)")
    print("stages in one process:")
    for name, seconds in stages():
        print(f"  {seconds:7.3f} s  {name}")


if __name__ == "__main__":
    main()
