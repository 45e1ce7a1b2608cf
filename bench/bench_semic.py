"""Benchmark validation with SEMIC's official DCAT-AP 3.0.1 shapes: ``validate --shapes`` beside pySHACL.

For each size (default 1 000 and 10 000 datasets) a synthetic source (bench/synthetic.py) is built
once; then each command runs in a fresh process (start-up, imports, parsing and the report
included) on the same ``catalog.nt``, timed with its peak memory (``wait4``):

- ``kasko-dcat validate catalog.nt --shapes`` SEMIC's four files (our engine);
- ``python -m pyshacl -i none -s semic.ttl catalog.nt``: pySHACL's own command, the four files
  merged into one beforehand because it takes one shapes file;
- ``kasko-dcat validate catalog.nt --shapes … --engine pyshacl``: the same, through our command;
- ``kasko-dcat validate catalog.nt``: our own shapes, and with ``--compare-with REV`` the same
  command run with the code of git revision REV (to see that our own shapes got no slower).

Each command runs ``--repeat`` times (default 2) and the fastest run is shown, with its peak memory:
the machine is shared, and the fastest run is the one least disturbed by others. Each line also
shows how many results each engine reported, so that a fast wrong answer shows.

    python bench/bench_semic.py [--sizes 1000,10000] [--repeat 2] [--compare-with main]

Target (issue 12): SEMIC's shapes at least 5x faster than pySHACL at 1 000 and 10 000 datasets,
whole command against whole command. This script prints what it measured; it does not judge.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
from pathlib import Path

from _measure import ROOT, Run, machine, run
from synthetic import make_source

SEMIC = ROOT.parent / "shared" / "reference" / "dcat-ap-3.0.1"
SEMIC_FILES = ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl")


def checked(done: Run, what: str) -> Run:
    """Stop when a command fails (exit 1, a failed check, is an answer, not a failure)."""
    if done.code not in (0, 1):
        raise SystemExit(f"{what} failed with exit code {done.code}")
    return done


def ours_found(done: Run) -> int:
    return sum(len(report["findings"]) for report in json.loads(done.stdout)["reports"])


def pyshacl_found(done: Run) -> int:
    """Results in pySHACL's human report ("Results (N):"; none when it conforms)."""
    match = re.search(r"^Results \((\d+)\):", done.stdout, re.M)
    return int(match.group(1)) if match else 0


def best(args: list[str], what: str, repeat: int, env: dict[str, str] | None = None) -> Run:
    """The fastest of ``repeat`` runs of one command."""
    return min((checked(run(args, env=env), what) for _ in range(repeat)), key=lambda done: done.seconds)


def measure(size: int, scratch: Path, merged: Path, old_src: Path | None, repeat: int) -> dict[str, object]:
    source = make_source(size, scratch / f"source-{size}")
    output = scratch / f"output-{size}"
    checked(run(["-m", "kasko_dcat", "build", "-q", "--source", str(source), "--output", str(output)]), "build")
    nt = str(output / "catalog.nt")
    shapes = [arg for name in SEMIC_FILES for arg in ("--shapes", str(SEMIC / name))]
    validate = ["-m", "kasko_dcat", "validate", nt, "--max-mb", "100000", "--format", "json"]
    figures: dict[str, object] = {"size": size}
    figures["ours"] = best([*validate, *shapes], "validate --shapes", repeat)
    figures["pyshacl"] = best(["-m", "pyshacl", "-i", "none", "-s", str(merged), nt], "pyshacl", repeat)
    figures["ours_pyshacl"] = best([*validate, *shapes, "--engine", "pyshacl"], "validate --engine pyshacl", repeat)
    figures["own"] = best(validate, "validate (own shapes)", repeat)
    if old_src is not None:
        figures["own_before"] = best(validate, "validate (before)", repeat, {"PYTHONPATH": str(old_src)})
    return figures


def export(revision: str, scratch: Path) -> Path:
    """The ``src/`` folder of ``revision``, unpacked into ``scratch`` with the shapes and queries it links to."""
    files = ["git", "archive", revision, "src", "shapes", "queries"]
    archive = subprocess.run(files, cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(scratch)], input=archive, check=True)
    return scratch / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000", help="datasets per catalogue, comma-separated")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each command; the fastest is shown")
    parser.add_argument("--compare-with", metavar="REV", help="also run our own shapes with the code of REV")
    args = parser.parse_args()
    if not SEMIC.is_dir():
        raise SystemExit(f"SEMIC's shapes are not at {SEMIC}")
    print(machine(), f"; fastest of {args.repeat} runs")
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        merged = scratch / "semic.ttl"
        merged.write_text("\n".join((SEMIC / name).read_text("utf-8") for name in SEMIC_FILES), "utf-8")
        old_src = export(args.compare_with, scratch) if args.compare_with else None
        rows = [measure(int(size), scratch, merged, old_src, args.repeat) for size in args.sizes.split(",")]

    print("\nSEMIC's four shapes files, whole commands in fresh processes: wall seconds / peak MiB (results)")
    print(f"{'datasets':>8}  {'kasko --shapes':>22}  {'pyshacl command':>22}  {'ratio':>6}  {'--engine pyshacl':>22}")
    for r in rows:
        ours, theirs, via = r["ours"], r["pyshacl"], r["ours_pyshacl"]
        assert isinstance(ours, Run) and isinstance(theirs, Run) and isinstance(via, Run)
        print(
            f"{r['size']:>8}  {ours.seconds:6.2f} / {ours.peak_mib:5.0f} ({ours_found(ours):>6})"
            f"  {theirs.seconds:6.2f} / {theirs.peak_mib:5.0f} ({pyshacl_found(theirs):>6})"
            f"  {theirs.seconds / ours.seconds:5.1f}x"
            f"  {via.seconds:6.2f} / {via.peak_mib:5.0f} ({ours_found(via):>6})"
        )
    print("\nour own shapes (kasko-dcat validate catalog.nt): wall seconds / peak MiB (results)")
    for r in rows:
        own = r["own"]
        assert isinstance(own, Run)
        line = f"{r['size']:>8}  now {own.seconds:6.2f} / {own.peak_mib:5.0f} ({ours_found(own):>6})"
        if isinstance(before := r.get("own_before"), Run):
            line += f"  {args.compare_with} {before.seconds:6.2f} / {before.peak_mib:5.0f} ({ours_found(before):>6})"
        print(line)


if __name__ == "__main__":
    main()
