"""``kasko-dcat validate --shapes``: anyone's shapes (SEMIC's official DCAT-AP files), and ``--engine pyshacl``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED, run_cli

SEMIC = SHARED / "reference" / "dcat-ap-3.0.1"
SEMIC_FILES = ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl")
CATALOG = ROOT / "output" / "catalog.ttl"
needs_semic = pytest.mark.skipif(not SEMIC.is_dir(), reason=f"SEMIC's DCAT-AP 3.0.1 shapes are not at {SEMIC}")

PREFIXES = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
PREFIXES += "@prefix dct: <http://purl.org/dc/terms/> . @prefix ex: <https://example.org/> .\n"


def semic_args() -> list[str]:
    return [arg for name in SEMIC_FILES for arg in ("--shapes", str(SEMIC / name))]


def findings_per_shape(report: str) -> dict[str, Counter[tuple[str, ...]]]:
    """Each shape → the multiset of its findings (severity, focus, path, value, component)."""
    grouped: dict[str, Counter[tuple[str, ...]]] = {}
    for part in json.loads(report)["reports"]:
        for f in part["findings"]:
            key = (f["severity"], f["focus"], str(f["path"]), str(f["value"]), f["component"])
            grouped.setdefault(f["shape"], Counter())[key] += 1
    return grouped


@needs_semic
def test_semic_shapes_on_the_real_output_agree_with_pyshacl(tmp_path: Path) -> None:
    ours = run_cli("validate", str(CATALOG), *semic_args(), "--format", "json", cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr
    document = json.loads(ours.stdout)
    assert document["conforms"] and document["reports"][0]["violations"] == 0
    assert document["reports"][0]["warnings"] > 0  # the warnings docs/dcat-ap-conformance.md explains
    theirs = run_cli("validate", str(CATALOG), *semic_args(), "--format", "json", "--engine", "pyshacl", cwd=tmp_path)
    assert theirs.returncode == 0, theirs.stderr
    assert findings_per_shape(ours.stdout) == findings_per_shape(theirs.stdout)


@needs_semic
def test_a_term_shacl_does_not_define_is_a_note_once_and_the_report_is_stable(tmp_path: Path) -> None:
    """SEMIC's shapes.ttl uses ``sh:shape`` five times; blank-node shapes get the same names on every run."""
    first = run_cli("validate", str(CATALOG), *semic_args(), cwd=tmp_path)
    second = run_cli("validate", str(CATALOG), *semic_args(), cwd=tmp_path)
    assert first.stderr.count("sh:shape") == 1 and "does not define" in first.stderr
    assert first.stdout == second.stdout
    assert "\n0 violations\n" in first.stdout


@needs_semic
def test_a_folder_of_shapes_and_our_own_beside_them(tmp_path: Path) -> None:
    folder = tmp_path / "semic"
    folder.mkdir()
    for name in SEMIC_FILES:
        (folder / name).write_bytes((SEMIC / name).read_bytes())
    (folder / "README.txt").write_text("not RDF, not read")
    by_folder = json.loads(
        run_cli("validate", str(CATALOG), "--shapes", str(folder), "--format", "json", cwd=ROOT).stdout
    )
    by_files = json.loads(run_cli("validate", str(CATALOG), *semic_args(), "--format", "json", cwd=ROOT).stdout)
    assert by_folder["reports"][0]["findings"] == by_files["reports"][0]["findings"]
    own = json.loads(run_cli("validate", str(CATALOG), "--format", "json", cwd=ROOT).stdout)["reports"][0]
    both = run_cli("validate", str(CATALOG), "--shapes", str(folder), "--with-own-shapes", "--format", "json", cwd=ROOT)
    report = json.loads(both.stdout)["reports"][0]
    assert report["shapes"] == own["shapes"] + by_files["reports"][0]["shapes"]
    assert len(report["findings"]) == len(own["findings"]) + len(by_files["reports"][0]["findings"])


def test_other_shapes_find_a_violation_and_exit_1(tmp_path: Path) -> None:
    shapes = tmp_path / "titles.ttl"
    shapes.write_text(
        PREFIXES + "ex:s a sh:NodeShape ; sh:targetClass dcat:Catalog ; sh:property [ sh:path dct:title ; "
        'sh:minLength 500 ; sh:message "title under 500 characters"@en ] .\n'
    )
    for engine in ("kasko", "pyshacl"):
        done = run_cli("validate", str(CATALOG), "--shapes", str(shapes), "--engine", engine, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert "\n  title under 500 characters\n" in done.stdout and "\nViolation ×" in done.stdout
        assert "violations (1 rule)\n0 warnings\nchecked against 1 shape, " in done.stdout


def test_shapes_beyond_the_engine_are_refused_by_name_and_pyshacl_runs_them(tmp_path: Path) -> None:
    shapes = tmp_path / "sparql.ttl"
    shapes.write_text(
        PREFIXES + 'ex:s a sh:NodeShape ; sh:targetClass dcat:Catalog ; sh:sparql [ sh:select """'
        'SELECT $this WHERE { $this <http://purl.org/dc/terms/title> ?t }""" ] .\n'
    )
    refused = run_cli("validate", str(CATALOG), "--shapes", str(shapes), cwd=tmp_path)
    assert refused.returncode == 2
    assert "sh:sparql" in refused.stderr and "SHACL-SPARQL" in refused.stderr and "--engine pyshacl" in refused.stderr
    assert "Traceback" not in refused.stderr
    reference = run_cli("validate", str(CATALOG), "--shapes", str(shapes), "--engine", "pyshacl", cwd=tmp_path)
    assert reference.returncode == 1, reference.stderr
    assert "sh:SPARQLConstraintComponent" in reference.stdout


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.mkdir(), "holds no RDF file"),
        (lambda p: p.write_text("this is not turtle ("), "cannot be read"),
        (lambda p: None, "no such file"),
    ],
)
def test_unusable_shapes_are_a_user_error(tmp_path: Path, make: object, expected: str) -> None:
    path = tmp_path / "shapes.ttl"
    make(path)  # type: ignore[operator]
    done = run_cli("validate", str(CATALOG), "--shapes", str(path), cwd=tmp_path)
    assert done.returncode == 2 and expected in done.stderr and "Traceback" not in done.stderr


def test_pyshacl_runs_with_the_cycle_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """``validate`` pauses the collector for our engine; pySHACL makes millions of cycles (9.1 GB, 1 000 datasets)."""
    import gc

    import pyshacl

    from kasko_dcat import api

    seen: list[bool] = []
    real = pyshacl.validate

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pyshacl, "validate", watched)
    [report] = api.validate((CATALOG,), source_dir=ROOT / "source", engine="pyshacl")
    assert seen == [True] and report.findings
    assert gc.isenabled()  # and back as it was after the command
