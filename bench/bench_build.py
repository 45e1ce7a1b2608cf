"""Benchmark ``kasko-dcat build`` on the real source: wall time and peak memory, printed.

Each run is a fresh process, as a user or CI runs it (interpreter start-up, imports and the
validation against shapes/ included),
writing to an empty temporary folder so that every file is really written. Peak memory is the
child's maximum resident set size as the kernel reports it (``wait4``). A second section times the
stages inside one process, to show where the time goes.

With ``--sizes``, it builds synthetic sources of those sizes instead (bench/synthetic.py; the
real source plus generated resources), ``--runs`` fresh processes each, and prints wall and CPU
seconds (user + system, the forked writer included), peak memory of the main process, and CPU
seconds per 1 000 datasets, which stay flat if the cost is linear; the stages at the largest size.

    python bench/bench_build.py [--runs N]
    python bench/bench_build.py --sizes 1000,10000,100000 --runs 1

Targets: at most 1.5 s per build of the real source (issue "Core"); 10 000 datasets in at most
10 s and linear to 100 000 (issue 22, item 6). This script measures and prints; it does not pass
or fail.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from pathlib import Path

from _measure import ROOT, Run, machine, precompiled, run

TARGET_SECONDS = 1.5


def one_build(output: Path, source: Path = ROOT / "source") -> Run:
    """One ``kasko-dcat build`` in a new process: wall and CPU seconds, peak RSS (MiB)."""
    done = run(["-m", "kasko_dcat", "build", "-q", "--source", str(source), "--output", str(output)])
    if done.code != 0:
        raise SystemExit(f"build failed with exit code {done.code}")
    return done


def stages(source_dir: Path = ROOT / "source") -> list[tuple[str, float]]:
    """CPU seconds per stage in this process, one after another (imports first, as a cold command pays them).

    The cycle collector is paused, as ``build`` pauses it; ``build`` itself writes the files beside
    validation on a second core, which this sequence does not.
    """
    timings = []
    clock = time.process_time
    gc.disable()
    start = clock()
    from kasko_dcat import api
    from kasko_dcat.model.graph import build_triples
    from kasko_dcat.rdf.formats import OUTPUT
    from kasko_dcat.shacl.validate import load_shapes

    timings.append(("import kasko_dcat + rdflib", clock() - start))
    start = clock()
    source = api.read(source_dir)
    timings.append((f"read and check the source ({len(source.datasets)} datasets)", clock() - start))
    start = clock()
    triples = build_triples(source)
    timings.append((f"convert to triples ({len(triples)})", clock() - start))
    start = clock()
    shapes = load_shapes()
    timings.append((f"read shapes/ ({len(shapes.targeted)} shapes)", clock() - start))
    start = clock()
    api._check_source(triples.graph, source, source_dir)
    timings.append(("validate, findings placed in the source", clock() - start))
    for fmt in OUTPUT:
        assert fmt.serialize is not None
        start = clock()
        fmt.serialize(triples)
        first = fmt is OUTPUT[0]  # the first file pays for the canonical order, made once
        timings.append((f"serialise {fmt.filename}{' (with the canonical order)' if first else ''}", clock() - start))
    gc.enable()
    return timings


def sizes(counts: list[int], runs: int) -> None:
    """Builds of synthetic sources of each size; CPU per 1 000 datasets shows whether the cost is linear."""
    from synthetic import make_source

    with tempfile.TemporaryDirectory() as scratch:
        for count in counts:
            source = make_source(count, Path(scratch) / f"source-{count}")
            done = [one_build(Path(scratch) / f"out-{count}-{i}", source) for i in range(runs)]
            wall = statistics.median(d.seconds for d in done)
            cpu = statistics.median(d.cpu_seconds for d in done)
            peak = max(d.peak_mib for d in done)
            print(
                f"  {count:>7} datasets: wall {wall:7.2f} s   cpu {cpu:7.2f} s   peak {peak:7.0f} MiB"
                f"   cpu per 1 000 datasets {cpu / count * 1000:5.2f} s"
            )
        print(f"stages in one process at {counts[-1]} datasets (CPU seconds):")
        for name, seconds in stages(Path(scratch) / f"source-{counts[-1]}"):
            print(f"  {seconds:7.3f} s  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=10, help="number of timed builds (default 10)")
    parser.add_argument("--sizes", help="synthetic sources of these many datasets, comma-separated")
    args = parser.parse_args()

    print(machine())
    print(precompiled())
    if args.sizes:
        sizes([int(count) for count in args.sizes.split(",")], args.runs)
        return
    with tempfile.TemporaryDirectory() as scratch:
        one_build(Path(scratch) / "warm-up")  # fill the OS file cache and compile .pyc files
        results = [one_build(Path(scratch) / f"run-{i}") for i in range(args.runs)]
    times = sorted(done.seconds for done in results)
    peak_mib = max(done.peak_mib for done in results)
    median = statistics.median(times)
    print(f"kasko-dcat build, {args.runs} runs in fresh processes:")
    print(f"  wall time  median {median:.3f} s   min {times[0]:.3f} s   max {times[-1]:.3f} s")
    print(f"  peak RSS   {peak_mib:.1f} MiB")
    verdict = "met" if median <= TARGET_SECONDS else "NOT met"
    share = median / TARGET_SECONDS
    print(f"  target     <= {TARGET_SECONDS} s: {verdict} (median {median:.3f} s = {share:.0%} of the target)")
    print("stages in one process (CPU seconds):")
    for name, seconds in stages():
        print(f"  {seconds:7.3f} s  {name}")


if __name__ == "__main__":
    main()
