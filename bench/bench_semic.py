"""Benchmark validation with SEMIC's DCAT-AP 3.0.1 shapes: ours beside the Rust engine and pySHACL, interleaved.

For each size (default 1 000 and 10 000 datasets) and each generator, one ``catalog.nt`` is made:
``synthetic`` is a source of bench/synthetic.py built by ``kasko-dcat build`` (our § 28 model),
``plain`` is bench/plain_dcat.py's catalogue as a typical portal publishes DCAT-AP. Then each
command runs in a fresh process (start-up, imports, parsing and the report included), timed with
its peak memory (``wait4``); kasko-dcat's modules are compiled to bytecode first, as installing the
package does (see ``_measure.precompiled``):

- ``kasko-dcat validate catalog.nt --shapes`` SEMIC's four files (our engine), once per report
  format (``--format text``, ``json``, ``turtle``, ``junit``);
- the Rust engine, PyPI ``shacl`` 0.3.4 (pwin/SHACL_Engine), through bench/_rust_shacl.py, the
  smallest command its API allows (compile the four files, validate, print the Turtle report);
  install it with ``pip install -e '.[bench]'``;
- ``python -m pyshacl -i none -s semic.ttl catalog.nt``: pySHACL's own command, the four files
  merged into one beforehand because it takes one shapes file (only at ``--pyshacl-sizes``: it
  takes minutes a run at 10 000 datasets), and the same through ``--engine pyshacl``;
- ``kasko-dcat validate catalog.nt``: our own shapes, once per report format, on the built
  (synthetic) files only, beside the Rust engine given the same shapes files (``shape_files``); with
  ``--compare-with REV`` the same command (JSON) with the code of git revision REV.

The commands run in turn, round after round (A B C … A B C …), ``--rounds`` times (default 3):
on a shared machine whose speed drifts, each ratio is taken within a round and the median of the
rounds is shown, beside each command's median wall time and largest peak memory. Each line also
shows how many results the engine reported, where the output says, so that a fast wrong answer
shows.

    python bench/bench_semic.py [--sizes 1000,10000] [--rounds 3] [--generators synthetic,plain]
                                [--formats text,json,turtle,junit] [--pyshacl-sizes 1000] [--compare-with main]

Targets (issue 22, item 5): whole command against whole command, no slower than the Rust engine at
10 000 datasets and within 3x at 1 000, at least 10x faster than pySHACL, peak memory no more than
the Rust engine's. This script prints what it measured; it does not judge.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

from _measure import ROOT, Run, machine, precompiled, run
from kasko_dcat.shacl.validate import shape_files
from plain_dcat import write as write_plain
from synthetic import make_source

SEMIC = ROOT.parent / "shared" / "reference" / "dcat-ap-3.0.1"
SEMIC_FILES = ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl")
HERE = Path(__file__).resolve().parent
FORMATS = ("text", "json", "turtle", "junit")
RUST, RUST_OWN = "rust shacl 0.3.4", "rust, own shapes"


def checked(done: Run, what: str) -> Run:
    """Stop when a command fails (exit 1, a failed check, is an answer, not a failure)."""
    if done.code not in (0, 1):
        raise SystemExit(f"{what} failed with exit code {done.code}")
    return done


def found(label: str, done: Run) -> str:
    """How many results the command reported, where its output says; "-" where it does not."""
    if label.endswith("(json)"):
        return str(sum(len(report["findings"]) for report in json.loads(done.stdout)["reports"]))
    if label.startswith("rust"):
        return done.stdout.rsplit("results: ", 1)[-1].strip()
    if label.startswith("pyshacl"):
        match = re.search(r"^Results \((\d+)\):", done.stdout, re.M)
        return match.group(1) if match else "0"
    return "-"


def data_file(generator: str, size: int, scratch: Path) -> Path:
    """The ``catalog.nt`` of ``size`` datasets that ``generator`` makes."""
    if generator == "plain":
        return write_plain(size, scratch / f"plain-{size}.nt")
    source = make_source(size, scratch / f"source-{size}")
    output = scratch / f"output-{size}"
    checked(run(["-m", "kasko_dcat", "build", "-q", "--source", str(source), "--output", str(output)]), "build")
    return output / "catalog.nt"


def commands(
    generator: str, nt: Path, merged: Path, with_pyshacl: bool, formats: list[str], old_src: Path | None
) -> dict[str, tuple[list[str], dict[str, str] | None]]:
    """Each measured command by its label: its ``python`` arguments and environment additions."""
    shapes = [arg for name in SEMIC_FILES for arg in ("--shapes", str(SEMIC / name))]
    validate = ["-m", "kasko_dcat", "validate", str(nt), "--max-mb", "100000"]
    found: dict[str, tuple[list[str], dict[str, str] | None]] = {
        f"kasko --shapes ({fmt})": ([*validate, *shapes, "--format", fmt], None) for fmt in formats
    }
    found[RUST] = ([str(HERE / "_rust_shacl.py"), str(nt), *(str(SEMIC / n) for n in SEMIC_FILES)], None)
    if with_pyshacl:
        found["pyshacl command"] = (["-m", "pyshacl", "-i", "none", "-s", str(merged), str(nt)], None)
        found["kasko --engine pyshacl"] = ([*validate, *shapes, "--format", "json", "--engine", "pyshacl"], None)
    if generator == "synthetic":
        for fmt in formats:
            found[f"own shapes ({fmt})"] = ([*validate, "--format", fmt], None)
        own = [str(path) for path in shape_files(("helsinki",))]  # what validate loads for our built catalogue
        found[RUST_OWN] = ([str(HERE / "_rust_shacl.py"), str(nt), *own], None)
        if old_src is not None:
            found["own shapes, before (json)"] = ([*validate, "--format", "json"], {"PYTHONPATH": str(old_src)})
    return found


def interleaved(todo: dict[str, tuple[list[str], dict[str, str] | None]], rounds: int) -> dict[str, list[Run]]:
    """Every command once per round, in turn; each command's runs."""
    runs: dict[str, list[Run]] = {label: [] for label in todo}
    for _ in range(rounds):
        for label, (args, env) in todo.items():
            runs[label].append(checked(run(args, env=env), label))
    return runs


def ratio(runs: dict[str, list[Run]], label: str, other: str) -> str:
    """The median over rounds of ``label``'s wall time over ``other``'s, in the same round."""
    if other not in runs or label not in runs:
        return ""
    pairs = [mine.seconds / theirs.seconds for mine, theirs in zip(runs[label], runs[other], strict=True)]
    return f"{statistics.median(pairs):.2f}"


def report(generator: str, size: int, runs: dict[str, list[Run]]) -> None:
    print(f"\n{generator}, {size} datasets: median wall s (min-max), largest peak MiB, results, ratios per round")
    print(f"  {'command':<28} {'wall s':>18} {'peak MiB':>9} {'results':>8} {'/ rust':>7} {'pyshacl /':>10}")
    for label, done in runs.items():
        walls = [r.seconds for r in done]
        spread = f"{statistics.median(walls):7.2f} ({min(walls):.2f}-{max(walls):.2f})"
        peak = max(r.peak_mib for r in done)
        versus_pyshacl = ratio(runs, "pyshacl command", label) if label.startswith("kasko --shapes") else ""
        rust = RUST_OWN if label.startswith("own shapes") else RUST  # the same shapes on both sides
        print(
            f"  {label:<28} {spread:>18} {peak:9.0f} {found(label, done[-1]):>8}"
            f" {ratio(runs, label, rust):>7} {versus_pyshacl:>10}"
        )


def export(revision: str, scratch: Path) -> Path:
    """The ``src/`` folder of ``revision``, unpacked into ``scratch`` with the shapes and queries it links to."""
    files = ["git", "archive", revision, "src", "shapes", "queries", "schemas"]
    archive = subprocess.run(files, cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(scratch)], input=archive, check=True)
    return scratch / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000", help="datasets per catalogue, comma-separated")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every command, run in turn (default 3)")
    parser.add_argument("--generators", default="synthetic,plain", help="synthetic (our model), plain (DCAT-AP)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="our report formats to time")
    parser.add_argument("--pyshacl-sizes", default="1000", help="sizes at which pySHACL runs too ('' for none)")
    parser.add_argument("--compare-with", metavar="REV", help="also run our own shapes with the code of REV")
    args = parser.parse_args()
    if not SEMIC.is_dir():
        raise SystemExit(f"SEMIC's shapes are not at {SEMIC}")
    pyshacl_sizes = {int(size) for size in args.pyshacl_sizes.split(",") if size}
    print(machine(), f"; {args.rounds} interleaved rounds")
    print(precompiled(ROOT / "src"))
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        merged = scratch / "semic.ttl"
        merged.write_text("\n".join((SEMIC / name).read_text("utf-8") for name in SEMIC_FILES), "utf-8")
        old_src = export(args.compare_with, scratch / "old") if args.compare_with else None
        if old_src is not None:
            precompiled(old_src)
        for size in (int(size) for size in args.sizes.split(",")):
            for generator in args.generators.split(","):
                nt = data_file(generator, size, scratch)
                todo = commands(generator, nt, merged, size in pyshacl_sizes, args.formats.split(","), old_src)
                report(generator, size, interleaved(todo, args.rounds))


if __name__ == "__main__":
    main()
