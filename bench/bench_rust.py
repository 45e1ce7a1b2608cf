"""``validate --shapes`` against the Rust SHACL engine (PyPI ``shacl`` 0.3.4), whole command against whole command.

    python bench/bench_rust.py --rust-python /tmp/rustvenv/bin/python [--sizes 1000,10000] [--rounds 2]

The Rust engine has no command line: its whole command is ``python -c "import shacl;
shacl.validate(data, shapes)"`` in the interpreter of a separate virtual environment that has
``shacl==0.3.4`` installed (``python -m venv /tmp/rustvenv && /tmp/rustvenv/bin/pip install
shacl==0.3.4``; it is a bench-only tool, not a dependency). SEMIC's four DCAT-AP 3.0.1 files are
merged into one shapes file for it, as it takes one. The commands run interleaved (ours in JSON
and Turtle, Rust, then again), each in a fresh process, on the same ``catalog.nt`` built from
``bench/synthetic.py``; each line shows wall time, peak memory and the number of results, so a
fast wrong answer shows. This script prints what it measured; it does not judge.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import ROOT, machine, run
from synthetic import make_source

SEMIC = ROOT.parent / "shared" / "reference" / "dcat-ap-3.0.1"
SEMIC_FILES = ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl")
RUST = "import shacl, sys; r = shacl.validate(sys.argv[1], sys.argv[2]); print(len(r.results))"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rust-python", required=True, help="a Python with shacl==0.3.4 installed")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        merged = scratch / "semic.ttl"
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from rdflib import Graph; g = Graph(); "
                "[g.parse(f) for f in sys.argv[2:]]; g.serialize(sys.argv[1], format='turtle')",
                str(merged),
                *(str(SEMIC / name) for name in SEMIC_FILES),
            ],
            check=True,
        )
        shapes = [arg for name in SEMIC_FILES for arg in ("--shapes", str(SEMIC / name))]
        for size in (int(s) for s in args.sizes.split(",")):
            source = make_source(size, scratch / f"source-{size}")
            output = scratch / f"output-{size}"
            run(["-m", "kasko_dcat", "build", "-q", "--source", str(source), "--output", str(output)])
            nt = str(output / "catalog.nt")
            ours = ["-m", "kasko_dcat", "validate", nt, "--max-mb", "100000", *shapes, "--format"]
            for round_number in range(1, args.rounds + 1):
                for label, command, python in (
                    ("kasko-dcat validate --shapes --format json", [*ours, "json"], sys.executable),
                    ("kasko-dcat validate --shapes --format turtle", [*ours, "turtle"], sys.executable),
                    ("Rust shacl 0.3.4 (python -c)", ["-c", RUST, nt, str(merged)], args.rust_python),
                ):
                    done = _run_with(python, command)
                    found = _count(label, done.stdout)
                    print(
                        f"{size} datasets, round {round_number}: {label}: {done.seconds:.2f} s, "
                        f"{done.peak_mib:.0f} MiB, {found} results, exit {done.code}"
                    )


def _run_with(python: str, command: list[str]) -> object:
    if python == sys.executable:
        return run(command)
    import _measure

    original = _measure.sys.executable
    _measure.sys.executable = python  # run() starts sys.executable; the Rust engine lives in another venv
    try:
        return run(command)
    finally:
        _measure.sys.executable = original


def _count(label: str, stdout: str) -> str:
    if "json" in label:
        return str(sum(len(r["findings"]) for r in json.loads(stdout)["reports"]))
    if "turtle" in label:
        return str(stdout.count("a sh:ValidationResult"))
    return stdout.strip()


if __name__ == "__main__":
    main()
