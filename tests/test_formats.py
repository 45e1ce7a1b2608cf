"""The four output files: one graph, readable serialisations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kasko_dcat.rdf.formats import OUTPUT as WRITTEN
from kasko_dcat.rdf.formats import jsonld_context
from kasko_dcat.rdf.namespaces import PREFIXES

from .conftest import ROOT

OUTPUT = ROOT / "output"


def assert_same_graph(expected: Graph, actual: Graph) -> None:
    """Isomorphism, and on failure the differing triples as sorted N-Triples, not a wall of objects."""
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))

    def dump(graph: Graph) -> str:
        return "\n".join(sorted(graph.serialize(format="nt").splitlines())) or "(none)"

    pytest.fail(
        f"graphs differ\n--- only in expected:\n{dump(only_expected)}\n+++ only in actual:\n{dump(only_actual)}"
    )


@pytest.mark.parametrize("fmt", WRITTEN, ids=lambda f: f.name)
def test_every_file_holds_the_same_graph(graph: Graph, fmt: object) -> None:
    parsed = Graph().parse(OUTPUT / fmt.filename, format=fmt.rdflib)
    assert_same_graph(graph, parsed)


def test_jsonld_is_compacted_with_our_context() -> None:
    document = json.loads((OUTPUT / "catalog.jsonld").read_text("utf-8"))
    assert document["@context"] == jsonld_context()
    nodes = {node["id"]: node for node in document["@graph"]}
    dataset = nodes["https://kasko.example/dataset/perusopetus"]
    assert dataset["type"] == ["Dataset", "tvk:InformationResource"]
    assert dataset["title"]["fi"] == "Perusopetuksen tietovaranto"
    assert set(dataset["title"]) == {"fi", "sv", "en"}
    assert "Oppilashuollon järjestelmä" in json.dumps(
        nodes["https://kasko.example/system/oppilashuolto"]["title"], ensure_ascii=False
    )
    full_iri_keys = [key for node in nodes.values() for key in node if key.startswith("http")]
    assert full_iri_keys == []


def test_jsonld_context_uses_our_prefixes() -> None:
    context = jsonld_context()
    for prefix, namespace in PREFIXES.items():
        assert context[prefix] == str(namespace)


def test_ntriples_are_sorted_lines() -> None:
    lines = (OUTPUT / "catalog.nt").read_text("utf-8").splitlines()
    assert lines == sorted(lines)


def test_turtle_uses_readable_prefixes() -> None:
    turtle = (OUTPUT / "catalog.ttl").read_text("utf-8")
    for prefix in ("dcat", "dct", "tvk", "vcard", "foaf"):
        assert f"@prefix {prefix}: <{PREFIXES[prefix]}> ." in turtle


@pytest.mark.parametrize("path", sorted(OUTPUT.iterdir()), ids=lambda p: p.name)
def test_output_ends_with_a_newline(path: Path) -> None:
    assert path.read_bytes().endswith(b"\n")


def test_written_files_do_not_depend_on_the_order_triples_come_in(graph: Graph) -> None:
    """Oxigraph writes triples in the order given: the canonical order must make that order irrelevant."""
    from kasko_dcat.rdf.canonical import Canonical
    from kasko_dcat.rdf.formats import serialize_all

    triples = list(graph)
    backwards = serialize_all(Canonical(reversed(triples)))
    assert backwards == serialize_all(Canonical(triples))
    assert backwards == {path.name: path.read_bytes() for path in OUTPUT.iterdir() if path.name.startswith("catalog.")}


def test_turtle_writes_each_subject_once_with_its_type_first() -> None:
    turtle = (OUTPUT / "catalog.ttl").read_text("utf-8")
    subjects = [line.split(" ", 1)[0] for line in turtle.splitlines() if line.startswith("<")]
    assert len(subjects) == len(set(subjects)) > 100
    assert "<https://kasko.example/dataset/perusopetus> a dcat:Dataset , tvk:InformationResource ;" in turtle
