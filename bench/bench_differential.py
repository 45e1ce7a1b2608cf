"""Differential test at scale: our SHACL engine against pySHACL on thousands of random Core cases.

    .venv/bin/python bench/bench_differential.py [--cases 3000] [--start 0]

Each seed gives random shapes and data (``tests/random_shacl.py``); both engines validate them.
A result only one engine finds is either explained by a known pySHACL deviation from the
recommendation (listed with its section, imitated in our engine to check the rest exactly) or
counted as unexplained and printed. Exit code 1 when any case is unexplained.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.random_shacl import DEVIATIONS, NOT_GENERATED, PYSHACL_FAILS, compare, describe


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    explained: Counter[str] = Counter()
    results = ours_total = 0
    failed: Counter[str] = Counter()
    unexplained = []
    for seed in range(args.start, args.start + args.cases):
        outcome = compare(seed)
        if outcome.refused or outcome.pyshacl_refused:
            unexplained.append(outcome)
            continue
        if outcome.pyshacl_failed:
            failed[outcome.pyshacl_failed] += 1
            continue
        results += len(outcome.theirs)
        ours_total += len(outcome.ours)
        explained.update(outcome.explained)
        if outcome.unexplained:
            unexplained.append(outcome)
    seconds = time.perf_counter() - started
    print(f"{args.cases} cases (seeds {args.start}–{args.start + args.cases - 1}) in {seconds:.1f} s")
    print(f"results: ours {ours_total}, pySHACL {results}")
    for deviation in DEVIATIONS:
        print(f"explained by a known deviation ({deviation.section}): {explained[deviation.name]} results")
        print(f"  {deviation.name}")
    print(f"pySHACL failed on {sum(failed.values())} cases ({dict(failed)}): {PYSHACL_FAILS}")
    for name, section in NOT_GENERATED:
        print(f"not generated ({section}): {name}")
    print(f"unexplained: {len(unexplained)} cases")
    for outcome in unexplained[:5]:
        print(describe(outcome) if not (outcome.refused or outcome.pyshacl_refused) else outcome)
    return 1 if unexplained else 0


if __name__ == "__main__":
    raise SystemExit(main())
