"""Same source, same bytes; reordered source, same IRIs (and here even the same bytes)."""

from __future__ import annotations

import random
from pathlib import Path

import yaml
from rdflib import Graph, URIRef

from kasko_dcat.model.description import read_source
from kasko_dcat.model.graph import build_graph
from kasko_dcat.rdf.formats import serialize_all
from kasko_dcat.source.problems import Problems
from kasko_dcat.source.yamlread import Block, Items, read_yaml

from .conftest import SOURCE, run_cli


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_two_builds_in_fresh_processes_give_the_same_bytes(scratch: Path) -> None:
    """Different hash seeds shuffle Python's sets and dicts of sets; the files must not notice."""
    first = run_cli("build", "--output", "one", cwd=scratch, env={"PYTHONHASHSEED": "1"})
    second = run_cli("build", "--output", "two", cwd=scratch, env={"PYTHONHASHSEED": "4242"})
    assert first.returncode == second.returncode == 0
    assert outputs(scratch / "one") == outputs(scratch / "two")


def plain(value: object) -> object:
    """The located YAML as plain dicts and lists, for yaml.safe_dump."""
    if isinstance(value, Block):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, Items):
        return [plain(item) for item in value]
    return value


def shuffled(value: object, rng: random.Random) -> object:
    """Every list and every mapping in a new order."""
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {key: shuffled(value[key], rng) for key in keys}
    if isinstance(value, list):
        items = [shuffled(item, rng) for item in value]
        rng.shuffle(items)
        return items
    return value


def write_reordered(folder: Path, seed: int) -> None:
    """The real source in ``folder``, with every list and mapping of every file in a new order."""
    rng = random.Random(seed)
    for path in sorted(SOURCE.rglob("*.yaml")):
        target = folder / path.relative_to(SOURCE)
        # Name the resource files differently too, so they are read in another order.
        if target.parent.name == "resources":
            target = target.with_name(f"{rng.randrange(10**6):06d}-{target.name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = shuffled(plain(read_yaml(path, Problems())), rng)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_reordering_every_list_and_field_keeps_iris_and_bytes(tmp_path: Path) -> None:
    write_reordered(tmp_path, 2026)
    original = build_graph(read_source(SOURCE))
    reordered = build_graph(read_source(tmp_path))

    def iris(graph: Graph) -> set[URIRef]:
        return {term for triple in graph for term in triple if isinstance(term, URIRef)}

    assert iris(reordered) == iris(original)
    assert serialize_all(reordered) == serialize_all(original)
