"""Benchmark build and validate on synthetic catalogues of 100, 1 000 and 10 000 datasets, beside pySHACL.

For each size a source is generated through the source model (bench/synthetic.py) and, each in a
fresh process (start-up and imports included), timed with its peak memory (``wait4``):

- ``kasko-dcat build`` — read, convert, validate, write the four files;
- ``kasko-dcat validate`` — the source built in memory and checked against shapes/;
- ``kasko-dcat validate catalog.nt`` — a built file read and checked;
- the baseline: pySHACL (no inference) with SEMIC's official DCAT-AP 3.0.1 shapes from
  ``../shared/reference/dcat-ap-3.0.1`` on the same ``catalog.nt``.

The last two also report, from inside the process, the seconds spent parsing and validating, so the
ratio of the engines alone is shown beside the ratio of the whole commands.

    python bench/bench_validate.py [--sizes 100,1000,10000]

Targets (issue "Validation for CI"): validate at 1 000 datasets in at most 3 s and at least 3x
faster than the baseline; cost growing linearly to 10 000. This script prints; it does not judge.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from _measure import ROOT, Run, machine, precompiled, run
from synthetic import make_source

SEMIC = ROOT.parent / "shared" / "reference" / "dcat-ap-3.0.1"
HERE = Path(__file__).resolve().parent


def checked(done: Run, what: str, allowed: tuple[int, ...] = (0,)) -> Run:
    """Stop with the exit code when a measured command fails, rather than print a figure of a failure."""
    if done.code not in allowed:
        raise SystemExit(f"{what} failed with exit code {done.code}")
    return done


def measure(size: int, scratch: Path, baseline: bool) -> dict[str, object]:
    """Every figure of one size."""
    source = make_source(size, scratch / f"source-{size}")
    output = scratch / f"output-{size}"
    build = checked(run(["-m", "kasko_dcat", "build", "-q", "--source", str(source), "--output", str(output)]), "build")
    from_source = checked(run(["-m", "kasko_dcat", "validate", "--source", str(source)]), "validate")
    nt = output / "catalog.nt"
    from_file = checked(run(["-m", "kasko_dcat", "validate", str(nt), "--max-mb", "100000"]), "validate FILE")
    ours = checked(run([str(HERE / "_validate_once.py"), "ours", str(nt)]), "our engine")
    figures: dict[str, object] = {
        "size": size,
        "build": build,
        "from_source": from_source,
        "from_file": from_file,
        "ours": ours,
        "ours_inside": json.loads(ours.stdout),
        "megabytes": nt.stat().st_size / 1e6,
    }
    if baseline:
        semic = checked(run([str(HERE / "_validate_once.py"), "semic", str(nt), str(SEMIC)]), "pySHACL")
        figures["semic"] = semic
        figures["semic_inside"] = json.loads(semic.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="datasets per catalogue, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    baseline = SEMIC.is_dir()
    print(machine())
    print(precompiled())
    if not baseline:
        print(f"baseline skipped: SEMIC's shapes are not at {SEMIC}")
    with tempfile.TemporaryDirectory() as scratch:
        rows = [measure(size, Path(scratch), baseline) for size in sizes]

    print("\nwhole commands, fresh processes: wall seconds / peak MiB")
    header = f"{'datasets':>8} {'triples':>8} {'nt MB':>6}  {'build':>14}  {'validate':>14}  {'validate nt':>14}"
    print(header + (f"  {'pySHACL+SEMIC':>14}  {'ratio':>6}" if baseline else ""))
    for r in rows:
        inside = r["ours_inside"]
        cells = [
            f"{r['size']:>8} {inside['triples']:>8} {r['megabytes']:>6.1f}",
            *(f"{r[k].seconds:7.2f}/{r[k].peak_mib:6.0f}" for k in ("build", "from_source", "from_file")),
        ]
        if baseline:
            cells.append(f"{r['semic'].seconds:7.2f}/{r['semic'].peak_mib:6.0f}")
            cells.append(f"{r['semic'].seconds / r['from_file'].seconds:5.1f}x")
        print("  ".join(cells))

    print("\ninside one process, same catalog.nt: seconds to parse / to validate (results found)")
    print(f"{'datasets':>8}  {'ours':>22}" + (f"  {'pySHACL+SEMIC':>22}  {'engine ratio':>12}" if baseline else ""))
    for r in rows:
        o = r["ours_inside"]
        line = f"{r['size']:>8}  {o['parse']:7.2f} / {o['validate']:6.2f} ({o['results']:>6})"
        if baseline:
            s = r["semic_inside"]
            line += f"  {s['parse']:7.2f} / {s['validate']:6.2f} ({s['results']:>6})"
            line += f"  {s['validate'] / o['validate']:11.1f}x"
        print(line)

    print("\ngrowth: seconds per 1 000 datasets (linear growth keeps these flat)")
    for r in rows:
        per = 1000 / r["size"]
        line = f"{r['size']:>8}  build {r['build'].seconds * per:6.2f}  validate {r['from_source'].seconds * per:6.2f}"
        line += f"  our engine {r['ours_inside']['validate'] * per:6.2f}"
        if baseline:
            line += f"  pySHACL {r['semic_inside']['validate'] * per:6.2f}"
        print(line)


if __name__ == "__main__":
    main()
