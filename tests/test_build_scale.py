"""Building a large catalogue: the files written beside validation, in canonical order, the same bytes either way."""

from __future__ import annotations

import gc
import itertools
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kasko_dcat import api
from kasko_dcat.cli import main
from kasko_dcat.forked import beside, can_fork
from kasko_dcat.rdf.canonical import Canonical
from kasko_dcat.rdf.formats import OUTPUT, serialize_all
from kasko_dcat.rdf.namespaces import RDF

from .conftest import ROOT, SOURCE

needs_fork = pytest.mark.skipif(not can_fork(), reason="files are written beside validation only on Linux, 2+ CPUs")


@needs_fork
def test_the_work_runs_in_another_process_and_its_result_comes_back() -> None:
    with beside(lambda: (os.getpid(), b"x" * 3_000_000)) as result:
        pid, data = result()
    assert pid != os.getpid()
    assert data == b"x" * 3_000_000  # more than a pipe holds at once


@needs_fork
def test_an_error_in_the_child_is_raised_in_the_parent() -> None:
    def broken() -> None:
        raise ValueError("simulated")

    with beside(broken) as result, pytest.raises(ValueError, match="simulated"):
        result()


@needs_fork
def test_leaving_without_the_result_ends_the_child() -> None:
    children_before = _children()
    with pytest.raises(RuntimeError), beside(lambda: sum(range(10**9))):
        raise RuntimeError("the parent failed first")
    assert _children() == children_before


def _children() -> set[str]:
    """This process's child processes (Linux: /proc)."""
    found = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found.update((task / "children").read_text().split())
    return found


def test_beside_another_thread_the_work_runs_here() -> None:
    """A library user who builds from a thread (a server's): no fork, whose child would hold only that thread."""
    found: list[int] = []

    def build_in_a_thread() -> None:
        with beside(os.getpid) as result:
            found.append(result())

    worker = threading.Thread(target=build_in_a_thread)
    worker.start()
    worker.join()
    assert found == [os.getpid()]


def test_without_fork_the_work_runs_here_when_asked() -> None:
    with beside(os.getpid, fork=False) as result:
        assert result() == os.getpid()


@needs_fork
def test_the_command_writes_the_same_files_when_they_are_written_beside(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "WRITE_BESIDE_FROM", 0)  # the real source is below the size it starts at
    monkeypatch.chdir(scratch)
    result = CliRunner().invoke(main, ["--lang", "en", "build", "-q", "--output", "beside"])
    assert result.exit_code == 0, result.output
    committed = {path.name: path.read_bytes() for path in (ROOT / "output").iterdir()}
    assert {path.name: path.read_bytes() for path in (scratch / "beside").iterdir()} == committed


def test_a_build_leaves_the_cycle_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    api.build(SOURCE)
    assert gc.isenabled()
    gc.disable()
    try:
        api.build(SOURCE)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_canonical_order_puts_each_subject_together_with_its_type_first(graph: object) -> None:
    triples = Canonical(graph).triples  # type: ignore[arg-type]
    runs = [triples[0][0]] + [b[0] for a, b in itertools.pairwise(triples) if a[0] != b[0]]
    assert len(runs) == len(set(runs)) > 100  # each subject's triples in one run
    first = {triples[0][0]: triples[0][1]} | {b[0]: b[1] for a, b in itertools.pairwise(triples) if a[0] != b[0]}
    typed = {s for s, p, _ in triples if p == RDF.type}
    assert typed and all(first[s] == RDF.type for s in typed)


def test_the_read_only_graph_answers_every_pattern_as_rdflib_does(graph: object) -> None:
    from rdflib import Graph

    full = Graph()
    for triple in graph:  # type: ignore[attr-defined]
        full.add(triple)
    ours = Canonical(full).graph
    s, p, o = next(iter(sorted(full)))
    for pattern in [
        (s, None, None),
        (s, p, None),
        (s, p, o),
        (None, p, None),
        (None, p, o),
        (None, None, o),
        (s, None, o),
    ]:
        assert sorted(ours.triples(pattern)) == sorted(full.triples(pattern)), pattern
    assert len(ours) == len(full)
    assert serialize_all(ours) == serialize_all(full)
    for fmt in OUTPUT:  # each writer takes an rdflib graph too (other callers hand it one)
        assert fmt.serialize is not None and fmt.serialize(full) == fmt.serialize(Canonical(full))
    with pytest.raises(TypeError):
        ours.add((s, p, o))


def test_build_graph_gives_a_graph_of_ones_own_with_the_same_triples(graph: object) -> None:
    from rdflib import URIRef

    from kasko_dcat.model.graph import build_graph

    own = build_graph(api.read(SOURCE))
    assert set(own) == set(graph)  # type: ignore[call-overload]
    own.add((URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c")))  # the caller may change it
    assert len(own) == len(graph) + 1  # type: ignore[arg-type]
