"""Hostile source folders: links out of the folder, alias bombs, huge values — refused in one short line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kasko_dcat.source.problems import Problems
from kasko_dcat.source.yamlread import read_yaml

from .conftest import run_cli

SECRET = "ghp_TOKEN_THAT_MUST_NOT_REACH_A_CI_LOG"


@pytest.mark.parametrize("name", ["systems.yaml", "resources/perusopetus.yaml"])
def test_a_link_out_of_the_source_folder_is_refused_and_its_content_never_printed(scratch: Path, name: str) -> None:
    outside = scratch / "token.txt"
    outside.write_text(f"{SECRET}\n" * 3, "utf-8")
    linked = scratch / "source" / name
    linked.unlink()
    linked.symlink_to(outside)
    result = run_cli("build", cwd=scratch)
    assert result.returncode == 2, result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert f"source/{name}: this is a link to {outside}, outside the source folder" in result.stderr


def test_a_link_inside_the_source_folder_is_fine(scratch: Path) -> None:
    systems = scratch / "source" / "systems.yaml"
    systems.rename(scratch / "source" / ".systems-real.yaml")
    systems.symlink_to(".systems-real.yaml")
    result = run_cli("build", cwd=scratch)
    assert result.returncode == 0, result.stderr


def test_a_long_bad_value_is_quoted_as_a_short_excerpt(scratch: Path) -> None:
    catalog = scratch / "source" / "systems.yaml"
    catalog.write_text(SECRET * 10_000 + "\n" + SECRET + "\n", "utf-8")
    result = run_cli("build", cwd=scratch)
    assert result.returncode == 2
    assert len(result.stderr) < 2_000, result.stderr[:300]


def test_an_alias_bomb_is_refused_quickly_without_expanding_it(scratch: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    lines.append("? *a8\n: x")  # as a mapping key: the error message used to print it whole
    (scratch / "source" / "legislation.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    result = run_cli("build", cwd=scratch)
    assert result.returncode == 2, result.stderr[-500:]
    assert "source/legislation.yaml:1: the aliases (*name) in this file expand it to" in result.stderr
    assert len(result.stderr) < 2_000


def test_aliases_that_do_not_multiply_are_read(tmp_path: Path) -> None:
    problems = Problems()
    data = read_yaml(tmp_path / "x.yaml", problems, b"a: &x [one, two]\nb: *x\nc: *x\n")
    assert problems.items == []
    assert data == {"a": ["one", "two"], "b": ["one", "two"], "c": ["one", "two"]}


@pytest.mark.parametrize(
    "base", ["https://kasko.example:notaport/", "https://kasko.example/%zz/", "https://[kasko.example/"]
)
def test_a_base_iri_no_store_could_load_is_refused_at_the_source(scratch: Path, base: str) -> None:
    catalog = scratch / "source" / "catalog.yaml"
    text = catalog.read_text("utf-8")
    catalog.write_text(text.replace("base_iri: https://kasko.example/", f'base_iri: "{base}"', 1), "utf-8")
    result = run_cli("build", cwd=scratch)
    assert result.returncode == 2, result.stderr
    assert "source/catalog.yaml:" in result.stderr and base in result.stderr
    assert not (scratch / "output").exists()
