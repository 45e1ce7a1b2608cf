"""``kasko-dcat score``: data.europa.eu's MQA computed offline, run as a user runs it.

The expected figures of the synthetic catalogues are derived by hand from the MQA's rules (points
× share of the items that meet each indicator; README "Quality score"), not read back from the code.
"""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from kasko_dcat.quality.urls import Limits, ask_all

from .conftest import local_server, run_cli
from .mqa_catalogues import VARIANTS

DQV = Namespace("http://www.w3.org/ns/dqv#")
PV = Namespace("https://piveau.eu/ns/voc#")


def _json(*args: str, cwd: Path) -> dict:
    result = run_cli("score", "--format", "json", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["mqa"][0]


def _indicator(doc: dict, key: str) -> dict:
    return next(i for i in doc["indicators"] if i["key"] == key)


def _gain(doc: dict, key: str) -> dict | None:
    return next((g for g in doc["gains"] if g["key"] == key), None)


def test_the_real_source_is_scored_per_dimension_with_its_band(scratch: Path) -> None:
    doc = _json(cwd=scratch)
    assert (doc["datasets"], doc["distributions"], doc["maximum"]) == (28, 28, 405)
    points = {name: d["points"] for name, d in doc["dimensions"].items()}
    assert sum(d["maximum"] for d in doc["dimensions"].values()) == 405
    assert abs(sum(points.values()) - sum(i["points"] for i in doc["indicators"])) < 1e-6
    assert doc["total"] == int(sum(points.values()) + 0.5)
    # bands: excellent 351-405, good 221-350, sufficient 121-220, bad <= 120
    assert doc["band"] == ("sufficient" if 121 <= doc["total"] <= 220 else "other")
    # offline: the accessURL indicator is not checked (no downloadURL exists, so that one is not met)
    assert doc["urls_checked"] is False and doc["not_checked_points"] == 50
    assert {o["status"] for o in _indicator(doc, "access-url-answers")["outcomes"]} == {"not checked"}
    # SEMIC's shapes find no violation in the real catalogue: all 30 points
    assert _indicator(doc, "dcat-ap")["points"] == 30


def test_text_names_the_source_lines_and_keeps_gaps_as_gaps(scratch: Path) -> None:
    out = run_cli("score", cwd=scratch).stdout
    assert "Total" in out and "/ 405" in out and "Sufficient" in out
    gains = out.split("How to gain points (largest gains first):\n")[1]
    first = [line for line in gains.splitlines() if line.startswith("  +")]
    shown = [float(line.split()[0][1:]) for line in first]
    assert shown == sorted(shown, reverse=True)  # the largest gains first
    # the seed states no period: a gap on the line that says so, never a value to invent
    temporal = gains.split("Time period covered (dct:temporal)\n")[1].splitlines()
    assert temporal[0].strip() == (
        "the source does not state these facts: the points come only when the division states them — never invent them:"
    )
    assert temporal[5].strip() == "… and 24 more places (--verbose lists every one)"
    every = run_cli("score", "--verbose", cwd=scratch).stdout
    assert "\n           source/resources/perusopetus.yaml:61  temporal  +0.7\n" in every
    # the request route is not a file: no field of the source writes a format, and it says so
    assert "no field of the source writes dct:format on these items" in gains


def test_filling_a_field_moves_the_score_and_the_list_as_promised(scratch: Path) -> None:
    before = _json(cwd=scratch)
    temporal = _gain(before, "temporal")
    assert temporal is not None
    fix = next(f for f in temporal["fixes"] if f["file"] == "source/resources/perusopetus.yaml")
    assert (fix["advice"], fix["line"], fix["field"], len(fix["items"])) == ("gap", 61, "temporal", 1)
    promised = fix["points"]  # what the list promises for this place
    assert promised == pytest.approx(20 * len(fix["items"]) / before["datasets"], abs=0.01)
    path = scratch / "source" / "resources" / "perusopetus.yaml"
    text = path.read_text("utf-8")
    assert "\ntemporal: ~\n" in text
    path.write_text(text.replace("\ntemporal: ~\n", "\ntemporal: {start: 2020-08-01}\n"), "utf-8")
    after = _json(cwd=scratch)
    gained = _indicator(after, "temporal")["points"] - _indicator(before, "temporal")["points"]
    assert gained == pytest.approx(promised, abs=0.01) and gained > 0
    assert after["dimensions"]["findability"]["points"] == pytest.approx(
        before["dimensions"]["findability"]["points"] + promised, abs=0.01
    )
    places = {(f["file"], f["line"]) for f in _gain(after, "temporal")["fixes"]}
    assert ("source/resources/perusopetus.yaml", 61) not in places
    assert len(places) == len(temporal["fixes"]) - 1


def test_stating_personal_data_gains_the_access_rights_points(scratch: Path) -> None:
    before = _json(cwd=scratch)
    fix = next(f for f in _gain(before, "access-rights")["fixes"] if f["file"].endswith("toimialan-hallinto.yaml"))
    path = scratch / "source" / fix["file"].removeprefix("source/")
    lines = path.read_text("utf-8").splitlines()
    assert lines[fix["line"] - 1].strip() == "personal_data: ~", lines[fix["line"] - 1]
    lines[fix["line"] - 1] = lines[fix["line"] - 1].replace("~", "true")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    after = _json(cwd=scratch)
    for key, points in (("access-rights", 10), ("access-rights-vocabulary", 5)):
        moved = _indicator(after, key)["points"] - _indicator(before, key)["points"]
        assert moved == pytest.approx(points / 28, abs=0.01)


def test_fail_under(scratch: Path) -> None:
    total = _json(cwd=scratch)["total"]
    assert run_cli("score", "--fail-under", str(total), cwd=scratch).returncode == 0
    below = run_cli("score", "--fail-under", str(total + 1), cwd=scratch)
    assert below.returncode == 1
    assert f"source scores {total} points, fewer than --fail-under {total + 1}" in below.stderr
    assert run_cli("score", "--fail-under", "406", cwd=scratch).returncode == 2


def test_dqv_is_turtle_with_the_mqa_metrics(scratch: Path) -> None:
    result = run_cli("score", "--format", "dqv", cwd=scratch)
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="turtle")
    measurements = set(graph.subjects(RDF.type, DQV.QualityMeasurement))
    doc = _json(cwd=scratch)
    judged = sum(
        o["status"] in ("met", "not met") if not i["key"].endswith("-answers") else "http" in o
        for i in doc["indicators"]
        for o in i["outcomes"]
    )
    assert len(measurements) == judged + 1  # and the catalogue's total
    assert {graph.value(m, DQV.isMeasurementOf) for m in measurements} <= {*map(URIRef, _metrics(doc)), PV.score}
    score = next(m for m in measurements if graph.value(m, DQV.isMeasurementOf) == PV.score)
    assert graph.value(score, DQV.value) == Literal(doc["total"], datatype=XSD.integer)
    assert graph.value(score, DQV.computedOn) == URIRef("https://kasko.example/catalog")
    keyword = URIRef("https://kasko.example/dataset/perusopetus")
    found = {
        graph.value(m, DQV.value).toPython()
        for m in graph.subjects(DQV.computedOn, keyword)
        if graph.value(m, DQV.isMeasurementOf) == PV.keywordAvailability
    }
    assert found == {True}
    assert run_cli("score", "--format", "dqv", cwd=scratch).stdout == result.stdout  # same bytes


def _metrics(doc: dict) -> list[str]:
    return [i["metric"] for i in doc["indicators"]]


HAND = {
    # name: (findability, accessibility, interoperability, reusability, contextuality), offline, no list
    "complete": (100, 20, 90, 75, 20),  # URL answers not checked (80); machine-readable not judged (20)
    "no-keyword-half": (85, 20, 90, 75, 20),  # keyword 30 × 5/10
    "no-temporal-spatial": (78, 20, 90, 75, 20),  # temporal 0, spatial 20 × 9/10
    "no-format-licence-4": (100, 20, 74, 63, 20),  # format & non-proprietary × 12/20; licence 20+10 × 12/20
    "licence-not-in-table": (100, 20, 60, 65, 20),  # known licence 0; SEMIC's range: not a LicenseDocument
    "no-download-url": (100, 0, 90, 75, 20),  # downloadURL 0, and no address to answer
    "dates-on-datasets-only": (100, 20, 90, 75, 10),  # issued/modified are judged on distributions
    "no-access-rights-3": (100, 20, 90, 70.5, 20),  # 10 × 7/10 + 5 × 7/10
    "no-title-2": (100, 20, 84, 75, 20),  # DCAT-AP: 30 × 8/10
}


@pytest.mark.parametrize("name", sorted(HAND))
def test_synthetic_catalogues_score_as_derived_by_hand(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.ttl"
    VARIANTS[name]().serialize(path, format="turtle")
    doc = _json(str(path), "--source", str(tmp_path / "none"), cwd=tmp_path)
    assert tuple(d["points"] for d in doc["dimensions"].values()) == pytest.approx(HAND[name])
    assert doc["total"] == int(sum(HAND[name]) + 0.5)


def test_a_list_of_machine_readable_formats_is_used_when_given(tmp_path: Path) -> None:
    path = tmp_path / "complete.nt"
    VARIANTS["complete"]().serialize(path, format="nt", encoding="utf-8")
    listing = tmp_path / "machine-readable.csv"
    listing.write_text("http://publications.europa.eu/resource/authority/file-type/CSV,CSV\n", "utf-8")
    doc = _json(str(path), "--machine-readable", str(listing), cwd=tmp_path)
    assert _indicator(doc, "machine-readable")["points"] == 20 and doc["total"] == 325
    listing.write_text("http://publications.europa.eu/resource/authority/file-type/XLSX,XLSX\n", "utf-8")
    assert (
        _indicator(_json(str(path), "--machine-readable", str(listing), cwd=tmp_path), "machine-readable")["points"]
        == 0
    )


def test_offline_by_default_even_without_a_network(scratch: Path, tmp_path: Path) -> None:
    """Every socket connection refused: score still answers, and says what it did not check."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n",
        "utf-8",
    )
    result = run_cli("score", cwd=scratch, env={"PYTHONPATH": str(guard)})
    assert result.returncode == 0, result.stderr
    assert "50 points not checked" in result.stdout
    used = run_cli("score", "--check-urls", "--timeout", "1", cwd=scratch, env={"PYTHONPATH": str(guard)})
    assert "network used" in used.stdout  # the guard is in force: asking does reach for the network


class _Answers(BaseHTTPRequestHandler):
    """200, 404, a redirect loop, a slow answer and a huge one."""

    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        if self.path == "/huge":  # refuses HEAD: the checker must ask with GET and stop reading
            self.send_response(405)
            self.end_headers()
            return
        self.do_GET()

    def do_GET(self) -> None:
        if self.path == "/ok":
            self.send_response(200)
            self.end_headers()
        elif self.path == "/missing":
            self.send_response(404)
            self.end_headers()
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop2" if self.path == "/loop" else "/loop")
            self.end_headers()
        elif self.path.startswith("/slow"):
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(1 << 30))
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(1 << 14):  # 1 GiB unless the client hangs up
                    self.wfile.write(chunk)
            except OSError:
                pass


def test_urls_are_asked_concurrently_with_limits() -> None:
    with local_server(_Answers) as base:
        names = ["ok", "missing", "loop", "slow", "slow-2", "slow-3", "huge"]
        started = time.monotonic()
        answers = ask_all([f"{base}/{n}" for n in names], Limits(timeout=1, max_redirects=3, max_bytes=100_000))
        took = time.monotonic() - started
    found = {name: answers[f"{base}/{name}"] for name in names}
    assert found["ok"].ok and found["ok"].status == 200
    assert (found["missing"].ok, str(found["missing"])) == (False, f"{base}/missing: HTTP 404")
    assert not found["loop"].ok and found["loop"].problem == "redirects"
    assert not found["slow"].ok and found["slow"].problem == "timeout"
    assert found["huge"].ok and found["huge"].status == 200  # answered; only 100 kB of 1 GiB was read
    assert all(found[name].problem == "timeout" for name in ("slow-2", "slow-3"))
    assert took < 2.5, took  # concurrently: one timeout of 1 s, not three in a row


def test_check_urls_judges_the_catalogue_and_says_which_address_failed(tmp_path: Path) -> None:
    with local_server(_Answers) as base:
        graph = VARIANTS["complete"]()
        for s, p, o in list(graph):
            if str(o).startswith("https://mqa.example/data/"):
                graph.remove((s, p, o))
                graph.add((s, p, URIRef(f"{base}/ok" if str(o).endswith(("/0", "/0.csv")) else f"{base}/missing")))
        path = tmp_path / "catalog.ttl"
        graph.serialize(path, format="turtle")
        result = run_cli("score", str(path), "--check-urls", "--format", "json", cwd=tmp_path)
        text = run_cli("score", str(path), "--check-urls", cwd=tmp_path).stdout
        turtle = run_cli("score", str(path), "--check-urls", "--format", "dqv", cwd=tmp_path).stdout
    dqv = Graph().parse(data=turtle, format="turtle")
    statuses = sorted(
        dqv.value(m, DQV.value).toPython() for m in dqv.subjects(DQV.isMeasurementOf, PV.accessUrlStatusCode)
    )
    assert statuses == [200] * 10 + [404] * 10  # the HTTP status, as the MQA stores it
    doc = json.loads(result.stdout)["mqa"][0]
    assert doc["urls_checked"] is True and doc["not_checked_points"] == 0
    # distribution k=0 of each dataset answers, k=1 does not: half of 50 and of 30
    assert _indicator(doc, "access-url-answers")["points"] == 25
    assert _indicator(doc, "download-url-answers")["points"] == 15
    assert f"{base}/missing: HTTP 404" in text
    fixes = _gain(doc, "access-url-answers")["fixes"]
    assert [(f["advice"], f["detail"], len(f["items"])) for f in fixes] == [
        ("not-answering", f"{base}/missing: HTTP 404", 10)
    ]


def test_help_in_three_languages(scratch: Path) -> None:
    for lang, words in (("en", "Metadata Quality Assessment"), ("fi", "laatuarvio"), ("sv", "metadatakvalitet")):
        out = run_cli("score", "--help", "--lang", lang, cwd=scratch).stdout
        assert words in out, out
    assert "Löydettävyys" in run_cli("score", "--lang", "fi", cwd=scratch).stdout
    assert "Sökbarhet" in run_cli("score", "--lang", "sv", cwd=scratch).stdout


def test_built_files_are_scored_with_source_lines_beside(scratch: Path) -> None:
    built = run_cli("build", "--output", "out", cwd=scratch)
    assert built.returncode == 0, built.stderr
    from_file = _json("out/catalog.jsonld", cwd=scratch)
    from_source = _json(cwd=scratch)
    assert from_file["dimensions"] == from_source["dimensions"]
    assert _gain(from_file, "temporal") == _gain(from_source, "temporal")
    alone = _json("out/catalog.jsonld", "--source", "nowhere", cwd=scratch)  # no source: no places, same points
    assert alone["dimensions"] == from_source["dimensions"]
    assert {f["file"] for f in _gain(alone, "temporal")["fixes"]} == {None}


def test_the_stored_comparison_with_beopen_is_current_and_differs_only_where_the_readme_says() -> None:
    """bench/mqa-comparison.json (bench/compare_mqa.py): our figures as the command gives them today;
    BeOpen's differ only in the dimensions README "Quality score" explains."""
    figures = json.loads((Path(__file__).parents[1] / "bench" / "mqa-comparison.json").read_text("utf-8"))
    for name, expected in HAND.items():
        ours = figures[f"synthetic {name}"]["kasko-dcat"]
        assert tuple(
            ours[d] for d in ("findability", "accessibility", "interoperability", "reusability", "contextuality")
        ) == pytest.approx(expected)
    for name, both in figures.items():
        ours, theirs = both["kasko-dcat"], both["beopen"]
        assert ours["findability"] == theirs["findability"], name  # presence on datasets: the same rule
        assert ours["accessibility"] == theirs["accessibility"], name  # offline, no address answers either
        if name != "synthetic dates-on-datasets-only":  # issued/modified: distributions (ours) or both (BeOpen)
            assert ours["contextuality"] == theirs["contextuality"], name


def test_the_site_has_a_quality_page_in_three_languages(tmp_path: Path) -> None:
    from kasko_dcat import api

    total = _json("output/catalog.nt", cwd=Path(__file__).parents[1])["total"]
    out = tmp_path / "site"
    api.export_site(out)
    for lang, words in (
        ("fi", ("Metatietojen laatu", "Riittävä")),
        ("sv", ("Metadatakvalitet", "Tillräcklig")),
        ("en", ("Metadata quality", "Sufficient")),
    ):
        page = (out / lang / "quality.html").read_text("utf-8")
        assert all(word in page for word in words), lang
        assert f"<strong>{total}</strong> / 405" in page
        assert page.count('<tr class="state-') == 23  # every indicator, in five tables
        assert 'href="quality.html" aria-current="page"' in page
    front = (out / "en" / "index.html").read_text("utf-8")
    assert 'href="quality.html">Quality</a>' in front


def test_a_field_registers_inherit_is_fixed_once_in_their_resource(scratch: Path) -> None:
    before = _json(cwd=scratch)
    path = scratch / "source" / "resources" / "perusopetus.yaml"
    text = path.read_text("utf-8")
    start = text.index("\nkeywords:\n")
    end = text.index("\nlegislation:", start)
    path.write_text(text[:start] + text[end:], "utf-8")
    after = _json(cwd=scratch)
    [fix] = _gain(after, "keyword")["fixes"]  # one place: the resource's block, for it and its 4 registers
    assert (fix["advice"], fix["file"], fix["field"], len(fix["items"])) == (
        "fill-in",
        "source/resources/perusopetus.yaml",
        "keywords",
        5,
    )
    assert fix["line"] == text[: text.index("id: perusopetus")].count("\n") + 1
    lost = _indicator(before, "keyword")["points"] - _indicator(after, "keyword")["points"]
    assert lost == pytest.approx(30 * 5 / 28, abs=0.01)
