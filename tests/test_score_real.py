"""``kasko-dcat score`` on real descriptions from other portals (tests/data/score/real/, with their sources).

Every expected figure is derived by hand from the MQA's rules as the README states them (points
× share of the items that meet each indicator; issued / modified / rights / byteSize on the
distribution), from the files' own triples — not read back from the code. They also check that
the advice for a file that is not from kasko-dcat's source speaks RDF (the property to add and
the item's IRI), never the source's YAML fields.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import run_cli

REAL = Path(__file__).parent / "data" / "score" / "real"
DIMENSIONS = ("findability", "accessibility", "interoperability", "reusability", "contextuality")

EXPECTED = {
    # keyword, theme; no spatial/temporal | accessURL not checked, no downloadURL | a dct:format
    # (an IMT node, not an EU IRI), no media type, DCAT-AP violations (dct:language "es" a literal …)
    # | the licence is on the dataset, not the distribution; no access rights or contact; publisher
    # | byteSize only (the dates are the dataset's)
    "dataset_gob_es.ttl": ((60, 0, 20, 10, 5), 95, "bad"),
    # all four findability | accessURL not checked, no downloadURL | format given (two literals, not
    # EU IRIs) | licence CC BY-NC 3.0 (in the EU table by its exact-match URL), publisher; contact is
    # adms:contactPoint, not dcat:contactPoint | nothing on the distribution
    "dataset_sweden.rdf": ((100, 0, 20, 40, 0), 160, "sufficient"),
    # no temporal | downloadURL 5 of 9 | format 7/9, media type 5/9, both from the tables 5/9 (WMS,
    # WFS are not EU IRIs: the EU's are WMS_SRVC, WFS_SRVC), non-proprietary 3/9 (CSV, GEOJSON, KML;
    # GML and XLSX give a media type: not judged), DCAT-AP violations | licence 9/9 but dcat-ap.de's
    # IRIs are not in the EU table, access rights PUBLIC, contact, publisher | rights, byteSize 5/9, dates
    "dataset_gov_de.rdf": (
        (80, 20 * 5 / 9, 20 * 7 / 9 + 10 * 5 / 9 + 10 * 5 / 9 + 20 * 3 / 9, 65, 15 + 5 * 5 / 9),
        207,
        "sufficient",
    ),
}


def _doc(path: Path, cwd: Path) -> dict:
    result = run_cli("score", str(path), "--format", "json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["mqa"][0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_descriptions_get_the_mqa_points_derived_by_hand(name: str, tmp_path: Path) -> None:
    dimensions, total, band = EXPECTED[name]
    doc = _doc(REAL / name, tmp_path)
    got = tuple(doc["dimensions"][d]["points"] for d in DIMENSIONS)
    assert got == pytest.approx(dimensions, abs=0.02)
    assert (doc["total"], doc["band"]) == (total, band)


def test_a_portals_dataset_export_without_a_catalogue_is_scored(tmp_path: Path) -> None:
    doc = _doc(REAL / "dataset_gov_de.rdf", tmp_path)
    assert (doc["datasets"], doc["distributions"]) == (1, 9)
    empty = tmp_path / "nothing.ttl"
    empty.write_text("<https://example.org/a> <https://example.org/b> 'c' .\n", "utf-8")
    result = run_cli("score", str(empty), cwd=tmp_path)
    assert result.returncode == 2
    assert "describes no dcat:Catalog and no dcat:Dataset" in result.stderr
    assert "Traceback" not in result.stderr


def test_advice_for_another_portals_file_names_rdf_items_not_source_fields(tmp_path: Path) -> None:
    # even with kasko-dcat's source beside it, the file's items are not from that source
    shutil.copytree(Path(__file__).parents[1] / "source", tmp_path / "source")
    out = run_cli("score", str(REAL / "dataset_sweden.rdf"), "--verbose", cwd=tmp_path).stdout
    gains = out.split("How to gain points (largest gains first):\n")[1]
    for field in ("contact_point", "personal_data", "information_request", "catalog.yaml", ".yaml", "no field of"):
        assert field not in gains
    assert "add dcat:contactPoint to:\n           http://nobelprize.org/datasets/dcat#ds1  +20\n" in gains
    assert "add dcat:downloadURL to:\n           http://nobelprize.org/datasets/dcat#dist1  +20\n" in gains
    # a format is given but not as an EU IRI: the value is named, and the advice keeps the same fact
    assert "give its IRI instead (never a different fact)" in gains
    assert "http://nobelprize.org/datasets/dcat#dist1: application/rdf+xml, application/sparql-query  +10" in gains
    doc = _doc(REAL / "dataset_sweden.rdf", tmp_path)
    fixes = {g["key"]: g["fixes"] for g in doc["gains"]}
    assert [(f["advice"], f["field"], f["file"], f["points"]) for f in fixes["contact-point"]] == [
        ("add", None, None, 20)
    ]
    assert {f["field"] for f in fixes["dcat-ap"]} == {None}
    assert all(f["detail"].startswith("http://nobelprize.org/datasets/dcat#ds1: ") for f in fixes["dcat-ap"])


def test_advice_is_in_finnish_and_swedish_too(tmp_path: Path) -> None:
    fi = run_cli("score", str(REAL / "dataset_sweden.rdf"), "--lang", "fi", cwd=tmp_path).stdout
    sv = run_cli("score", str(REAL / "dataset_sweden.rdf"), "--lang", "sv", cwd=tmp_path).stdout
    assert "lisää ominaisuus dcat:contactPoint näille:" in fi
    assert "lägg till egenskapen dcat:contactPoint för:" in sv


def test_a_missing_file_is_named_with_score_s_own_hint(tmp_path: Path) -> None:
    result = run_cli("score", "nope.ttl", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "nope.ttl: no such file — check the path; without paths, score scores the source in memory"
    )
