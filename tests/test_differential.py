"""Our engine against pySHACL on random SHACL Core shapes and data (``tests/random_shacl.py``), seeded.

Every result one engine finds and the other does not must be explained by a known deviation of
pySHACL from the recommendation (``random_shacl.DEVIATIONS``, each with the section it breaks,
which the comparison imitates in our engine to check the rest exactly); any other disagreement
fails, with the case printed. ``bench/bench_differential.py`` runs thousands of cases.
"""

from __future__ import annotations

import pytest

from .random_shacl import compare, describe

SAMPLE = range(200)


@pytest.mark.parametrize("seed", SAMPLE)
def test_our_engine_agrees_with_pyshacl_but_for_its_known_deviations(seed: int) -> None:
    outcome = compare(seed)
    assert not outcome.refused, f"the generator wrote ill-formed shapes: {outcome.refused}"
    assert not outcome.pyshacl_refused, describe(outcome)
    assert not outcome.unexplained, describe(outcome)


def test_the_sample_finds_results_and_deviations() -> None:
    """The comparison can fail: the sample has results to compare and meets a known deviation."""
    outcomes = [compare(seed) for seed in range(40)]
    assert sum(len(o.ours) for o in outcomes) > 100
    assert any(o.explained for o in outcomes)


def test_a_disagreement_is_caught() -> None:
    """A result pySHACL does not have and no deviation explains is reported as unexplained."""
    from kasko_dcat.shacl import engine

    original = engine.COMPILERS[engine.SH.minLength]
    engine.COMPILERS[engine.SH.minLength] = engine.Parameter(
        "§ 4.4.1", engine._length(engine.SH.MinLengthConstraintComponent, lambda n, limit: n > limit)
    )
    try:
        outcomes = [compare(seed) for seed in range(80)]
    finally:
        engine.COMPILERS[engine.SH.minLength] = original
    assert any(side == "only ours" or side == "only pySHACL" for o in outcomes for side, _ in o.unexplained)
