"""``kasko-dcat validate`` and the validation inside ``build``, run as a user runs them."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from rdflib import Graph, URIRef

from kasko_dcat.rdf.namespaces import SH
from kasko_dcat.shacl.validate import load_shapes

from .conftest import ROOT, run_cli

OUTPUT = ROOT / "output"
COMMON_SHAPES = len(load_shapes(()).targeted)
HELSINKI_SHAPES = 16


def test_the_real_source_conforms_with_warnings(scratch: Path) -> None:
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "\n0 violations\n" in result.stdout and "passes" in result.stdout
    # the § 28 gaps the seed leaves: item 5 for every resource, search keys for one, privacy notices
    assert "Warning ×4  tvks:s28-5-technical-interface\n  § 28 item 5" in result.stdout
    assert "Warning ×1  tvks:s28-4-search-keys\n  § 28 item 4" in result.stdout
    assert "no privacy notice (tvk:privacyNotice)" in result.stdout


def _blocks(out: str) -> dict[str, list[str]]:
    """The text report's rule blocks by shape: each block's lines after its heading."""
    blocks = {}
    for block in out.split("\n\n")[1:-1]:
        heading, *rest = block.splitlines()
        blocks[heading.split()[-1]] = rest
    return blocks


def test_text_report_groups_by_rule_and_fits_on_one_screen(scratch: Path) -> None:
    out = run_cli("validate", cwd=scratch).stdout
    assert len(out.splitlines()) <= 60, out  # ten rules of at most six lines each, and the totals
    temporal = _blocks(out)["tvks:Dataset-dct_temporal-recommended"]
    assert out.count("tvks:Dataset-dct_temporal-recommended") == 1
    assert "Warning ×28  tvks:Dataset-dct_temporal-recommended" in out
    assert len(temporal) == 1 + 3 + 1  # the message, three places, and how many more
    assert temporal[-1].strip() == "… and 25 more places (--verbose lists every one)"
    keys = _blocks(out)["tvks:s28-4-search-keys"]
    assert keys[1].strip().startswith("fix in the source: source/request.yaml:")
    assert keys[1].endswith(
        ", field search_keys — Early childhood education and care and pre-primary education information resource"
    )
    summary = out.splitlines()[-3:]
    assert summary == ["0 violations", "65 warnings (9 rules)", summary[2]]
    assert summary[2].startswith("checked against ") and summary[2].endswith(": passes")


def test_verbose_lists_every_place(scratch: Path) -> None:
    out = run_cli("validate", "--verbose", cwd=scratch).stdout
    temporal = _blocks(out)["tvks:Dataset-dct_temporal-recommended"]
    assert len(temporal) == 1 + 28
    assert sum("fix in the source: source/resources/" in line and "field temporal" in line for line in temporal) == 28


def test_a_registers_privacy_notice_is_fixed_in_its_resource(scratch: Path) -> None:
    out = run_cli("validate", "--verbose", cwd=scratch).stdout
    notices = _blocks(out)["tvks:privacy-notice"][1:]
    assert len(notices) == 19
    for line in notices:
        where = line.split("fix in the source: ", 1)[1].split(",", 1)[0]
        file, number = where.rsplit(":", 1)
        text = (scratch / file).read_text("utf-8").splitlines()[int(number) - 1]
        assert text.startswith("privacy_notices:"), line  # in the resource's own block, not a register's


def test_warnings_fail_only_when_asked(scratch: Path) -> None:
    assert run_cli("validate", "--fail-on", "warning", cwd=scratch).returncode == 1


def test_violations_exit_1_and_build_writes_nothing(scratch: Path) -> None:
    resource = scratch / "source" / "resources" / "perusopetus.yaml"
    text = resource.read_text("utf-8")
    swedish = "  sv: Informationsresursen för grundläggande utbildning\n"
    assert swedish in text
    resource.write_text(text.replace(swedish, "", 1), "utf-8")
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 1
    assert "The title (dct:title) is missing in Swedish (sv)." in result.stdout
    # one violation, on the title: not one more on each register's description generated from it
    assert "\n1 violation (1 rule)\n" in result.stdout
    assert "fix in the source: source/resources/perusopetus.yaml:6, field title" in result.stdout
    assert "FAILS" in result.stdout

    build = run_cli("build", cwd=scratch)
    assert build.returncode == 1
    assert "missing in Swedish" in build.stderr and "the output folder was not changed" in build.stderr
    assert not (scratch / "output").exists()


def test_a_personal_identity_code_in_the_source_is_a_violation(scratch: Path) -> None:
    systems = scratch / "source" / "systems.yaml"
    text = systems.read_text("utf-8")
    systems.write_text(text.replace("fi: Oppilashuollon järjestelmä", "fi: Oppilashuollon järjestelmä 131052-308T", 1))
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 1
    assert "personal identity code" in result.stdout and "131052-308T" in result.stdout


@pytest.mark.parametrize("name", ["catalog.ttl", "catalog.jsonld", "catalog.rdf", "catalog.nt"])
def test_each_built_file_validates(name: str, scratch: Path) -> None:
    result = run_cli("validate", str(OUTPUT / name), cwd=scratch)
    assert result.returncode == 0, result.stderr
    assert f"== {OUTPUT / name}" in result.stdout


def test_json_report(scratch: Path) -> None:
    result = run_cli("validate", "--format", "json", str(OUTPUT / "catalog.ttl"), cwd=scratch)
    report = json.loads(result.stdout)
    assert report["conforms"] is True
    [only] = report["reports"]
    assert only["violations"] == 0 and only["warnings"] == len(only["findings"]) > 0
    finding = next(f for f in only["findings"] if f["shape"].endswith("#s28-4-search-keys"))
    # search keys are written in request.yaml's examples, not in the resource's file
    assert finding["source"]["file"] == "source/request.yaml" and finding["field"] == "search_keys"
    assert set(finding["message"]) == {"fi", "sv", "en"}
    # written by hand for speed, laid out exactly as json.dumps lays it out
    assert result.stdout == json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def test_turtle_report_is_a_shacl_validation_report(scratch: Path) -> None:
    result = run_cli("validate", "--format", "turtle", cwd=scratch)
    report = Graph().parse(data=result.stdout, format="turtle")
    [node] = report.subjects(predicate=SH.conforms)
    assert len(list(report.objects(node, SH.result))) > 0
    assert all(report.value(r, SH.resultSeverity) == SH.Warning for r in report.objects(node, SH.result))


def test_junit_report_for_ci_dashboards(scratch: Path) -> None:
    resource = scratch / "source" / "resources" / "perusopetus.yaml"
    text = resource.read_text("utf-8")
    resource.write_text(text.replace("  sv: Informationsresursen för grundläggande utbildning\n", "", 1), "utf-8")
    result = run_cli("validate", "--format", "junit", "--report", "validation.xml", cwd=scratch)
    assert result.returncode == 1 and result.stdout == ""
    root = ET.parse(scratch / "validation.xml").getroot()
    # the resource's title lacks Swedish; its registers' generated descriptions name it in Finnish
    assert root.tag == "testsuites" and root.get("failures") == "1"
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == ["tvks:title-sv"]
    warned = [case for case in root.iter("testcase") if case.get("name") == "tvks:s28-5-technical-interface"]
    assert warned and warned[0].find("failure") is None and "§ 28 item 5" in warned[0].findtext("system-out")


def test_messages_in_finnish(scratch: Path) -> None:
    result = run_cli("validate", "--lang", "fi", cwd=scratch)
    assert "28 § 5 kohta" in result.stdout and "hyväksytty" in result.stdout
    assert "\n0 virhettä\n65 varoitusta (9 sääntöä)\n" in result.stdout


def test_messages_in_swedish(scratch: Path) -> None:
    result = run_cli("validate", cwd=scratch, env={"KASKO_DCAT_LANG": "sv"})
    assert "Varning ×4  tvks:s28-5-technical-interface" in result.stdout
    assert "rätta i källan: source/resources/perusopetus.yaml:56, fältet technical_interface" in result.stdout
    assert "\n0 fel\n65 varningar (9 regler)\n" in result.stdout and ": godkänd" in result.stdout


# --- a baseline for CI ---------------------------------------------------------------------------


def test_a_baseline_accepts_todays_findings_and_fails_on_new_ones(scratch: Path) -> None:
    written = run_cli("validate", "--write-baseline", "accepted.yaml", cwd=scratch)
    assert written.returncode == 0, written.stderr
    assert "accepted.yaml: 65 findings recorded as accepted" in written.stderr
    text = (scratch / "accepted.yaml").read_text("utf-8")
    assert text.count("\n- shape: ") == 65 and text.count("\n  reason: ~\n") == 65

    passing = run_cli("validate", "--fail-on", "warning", "--baseline", "accepted.yaml", cwd=scratch)
    assert passing.returncode == 0, passing.stdout
    assert "65 findings are accepted in accepted.yaml and not shown" in passing.stdout

    # fix one finding and make a new one: the new one fails, the fixed one's entry is named stale
    resource = scratch / "source" / "resources" / "perusopetus.yaml"
    source = resource.read_text("utf-8").replace("technical_interface: ~", "technical_interface: false", 1)
    source = source.replace(
        "  - id: perusopetuksen-opintohallinnontiedot\n",
        '  - id: perusopetuksen-opintohallinnontiedot\n    temporal: {start: "2020-01-01"}\n',
        1,
    )
    resource.write_text(source, "utf-8")
    failing = run_cli("validate", "--fail-on", "warning", "--baseline", "accepted.yaml", cwd=scratch)
    assert failing.returncode == 1
    assert "Warning ×1  tvks:PeriodOfTime-dcat_endDate-recommended" in failing.stdout
    assert "field temporal: end" in failing.stdout
    stale = [line for line in failing.stdout.splitlines() if "no longer occurs" in line]
    assert len(stale) == 2 and all(line.startswith("accepted.yaml: the accepted finding tvks:") for line in stale)
    assert any("tvks:s28-5-technical-interface on <dataset/perusopetus>" in s for s in stale)


def test_rewriting_a_baseline_keeps_the_reasons(scratch: Path) -> None:
    run_cli("validate", "--write-baseline", "accepted.yaml", cwd=scratch)
    path = scratch / "accepted.yaml"
    path.write_text(path.read_text("utf-8").replace("reason: ~", "reason: not stated in the seed", 1), "utf-8")
    assert run_cli("validate", "--write-baseline", "accepted.yaml", cwd=scratch).returncode == 0
    assert path.read_text("utf-8").count("reason: not stated in the seed") == 1


def test_a_baseline_is_keyed_by_source_ids_and_survives_a_new_base_iri(scratch: Path) -> None:
    run_cli("validate", "--write-baseline", "accepted.yaml", cwd=scratch)
    path = scratch / "accepted.yaml"
    text = path.read_text("utf-8")
    assert "\n  focus: dataset/perusopetus\n" in text and "https://kasko.example/dataset/" not in text
    path.write_text(text.replace("reason: ~", "reason: not stated in the seed"), "utf-8")
    moved = ("--base-iri", "https://data.hel.fi/kasko/")
    passing = run_cli("validate", *moved, "--fail-on", "warning", "--baseline", "accepted.yaml", cwd=scratch)
    assert passing.returncode == 0, passing.stdout
    assert "no longer occurs" not in passing.stdout
    assert run_cli("validate", *moved, "--write-baseline", "accepted.yaml", cwd=scratch).returncode == 0
    rewritten = path.read_text("utf-8")
    assert rewritten.count("reason: not stated in the seed") == 65 and "reason: ~" not in rewritten


def test_a_baseline_written_with_whole_iris_still_matches(scratch: Path) -> None:
    run_cli("validate", "--write-baseline", "accepted.yaml", cwd=scratch)
    path = scratch / "accepted.yaml"
    path.write_text(
        path.read_text("utf-8").replace("  focus: ", "  focus: https://kasko.example/"),
        "utf-8",
    )
    passing = run_cli("validate", "--fail-on", "warning", "--baseline", "accepted.yaml", cwd=scratch)
    assert passing.returncode == 0 and "65 findings are accepted" in passing.stdout, passing.stdout


def test_a_broken_baseline_is_one_line_with_its_place(scratch: Path) -> None:
    (scratch / "accepted.yaml").write_text("accepted:\n  - shape: tvks:x\n", "utf-8")
    result = run_cli("validate", "--baseline", "accepted.yaml", cwd=scratch)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("accepted.yaml:2: this is not a baseline file as kasko-dcat writes it")


# --- bad input: exit 2, one line, no traceback ---------------------------------------------------


def _bad(scratch: Path, name: str, data: bytes) -> str:
    path = scratch / name
    path.write_bytes(data)
    result = run_cli("validate", name, cwd=scratch)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_not_rdf(scratch: Path) -> None:
    assert "cannot be read as turtle" in _bad(scratch, "notes.ttl", b"This is not RDF at all.\n")


def test_truncated_turtle(scratch: Path) -> None:
    data = (OUTPUT / "catalog.ttl").read_bytes()
    assert "cannot be read as turtle" in _bad(scratch, "cut.ttl", data[: len(data) // 2])


def test_wrong_encoding(scratch: Path) -> None:
    latin1 = '@prefix dct: <http://purl.org/dc/terms/> . <https://e/x> dct:title "Päiväkoti"@fi .'.encode("latin-1")
    assert "not UTF-8" in _bad(scratch, "latin1.ttl", latin1)
    assert "not UTF-8" in _bad(scratch, "utf16.nt", '<https://e/x> <https://e/p> "ä" .'.encode("utf-16"))


def test_empty_file(scratch: Path) -> None:
    assert "is empty" in _bad(scratch, "empty.ttl", b"")
    assert "is empty" in _bad(scratch, "blank.nt", b"\n  \n")


def test_a_file_with_no_triples(scratch: Path) -> None:
    assert "holds no RDF triples" in _bad(scratch, "prefixes.ttl", b"@prefix dct: <http://purl.org/dc/terms/> .\n")


def test_a_50_mb_file(scratch: Path) -> None:
    line = b'<https://e/s> <https://e/p> "' + b"x" * 100 + b'" .\n'
    message = _bad(scratch, "huge.nt", line * (50_000_000 // len(line) + 1))
    assert "over the limit of 32 MB" in message and "--max-mb" in message


def test_json_ld_with_a_remote_context_is_not_fetched(scratch: Path) -> None:
    data = b'{"@context": "https://example.org/context.jsonld", "@id": "https://e/x", "title": "x"}'
    assert "remote JSON-LD context" in _bad(scratch, "remote.jsonld", data)


def test_broken_json_ld(scratch: Path) -> None:
    assert "cannot be read as json-ld" in _bad(scratch, "broken.jsonld", b'{"@id": ')


def test_broken_rdf_xml(scratch: Path) -> None:
    assert "cannot be read as xml" in _bad(scratch, "broken.rdf", b"<?xml version='1.0'?><rdf:RDF")


def test_missing_path(scratch: Path) -> None:
    result = run_cli("validate", "no-such-file.ttl", cwd=scratch)
    assert (
        result.returncode == 2
        and result.stderr.strip()
        == "no-such-file.ttl: no such file — check the path; without paths, validate checks the source in memory"
    )


def test_a_folder_is_not_a_file(scratch: Path) -> None:
    result = run_cli("validate", "source", cwd=scratch)
    assert result.returncode == 2 and "is a folder" in result.stderr


def test_an_unknown_suffix_is_recognised_by_content(scratch: Path) -> None:
    shutil.copy(OUTPUT / "catalog.rdf", scratch / "catalog.data")
    assert run_cli("validate", "catalog.data", cwd=scratch).returncode == 0


def test_the_helsinki_profile_applies_only_where_the_catalogue_declares_it(scratch: Path) -> None:
    catalog = scratch / "source" / "catalog.yaml"
    resource = scratch / "source" / "resources" / "perusopetus.yaml"
    resource.write_text(
        resource.read_text("utf-8").replace("  sv: Informationsresursen för grundläggande utbildning\n", "", 1), "utf-8"
    )
    assert run_cli("validate", cwd=scratch).returncode == 1
    catalog.write_text(catalog.read_text("utf-8").replace("profile: helsinki\n", "", 1), "utf-8")
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 0 and f"{COMMON_SHAPES} shapes" in result.stdout
    assert run_cli("build", cwd=scratch).returncode == 0


def test_profile_option_for_files(scratch: Path) -> None:
    with_profile = run_cli("validate", str(OUTPUT / "catalog.nt"), cwd=scratch).stdout
    without = run_cli("validate", "--profile", "none", str(OUTPUT / "catalog.nt"), cwd=scratch).stdout
    assert f"{COMMON_SHAPES + HELSINKI_SHAPES} shapes" in with_profile and f"{COMMON_SHAPES} shapes" in without


def test_a_bad_profile_is_an_error_with_the_choices(scratch: Path) -> None:
    catalog = scratch / "source" / "catalog.yaml"
    catalog.write_text(catalog.read_text("utf-8").replace("profile: helsinki", "profile: espoo", 1), "utf-8")
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 2 and "espoo" in result.stderr and "helsinki" in result.stderr


def test_a_byte_order_mark_is_no_error(scratch: Path) -> None:
    (scratch / "bom.ttl").write_bytes(b"\xef\xbb\xbf" + (OUTPUT / "catalog.ttl").read_bytes())
    assert run_cli("validate", "bom.ttl", cwd=scratch).returncode == 0


def test_xml_entities_are_refused_not_expanded(scratch: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )
    assert "declares a DOCTYPE or entities" in _bad(scratch, "laughs.rdf", laughs)


def test_json_ld_import_is_not_fetched(scratch: Path) -> None:
    data = b'{"@context": {"@import": "https://example.org/ctx.jsonld"}, "@id": "https://e/x"}'
    assert "remote JSON-LD context" in _bad(scratch, "import.jsonld", data)


def test_a_json_scalar_is_not_json_ld(scratch: Path) -> None:
    assert "neither a JSON object nor an array" in _bad(scratch, "number.jsonld", b"42")


def test_a_file_that_is_not_a_catalogue(scratch: Path) -> None:
    result = run_cli("validate", str(ROOT / "ontology" / "tvk.ttl"), cwd=scratch)
    assert result.returncode == 2 and "describes no dcat:Catalog" in result.stderr


def test_a_pipe_is_not_read(scratch: Path) -> None:
    os.mkfifo(scratch / "pipe.ttl")
    result = run_cli("validate", "pipe.ttl", cwd=scratch)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_max_mb_must_be_a_positive_number(scratch: Path) -> None:
    for value in ("0", "-1", "nan"):
        result = run_cli("validate", "--max-mb", value, str(OUTPUT / "catalog.nt"), cwd=scratch)
        assert result.returncode == 2 and "--max-mb" in result.stderr, value


def test_named_graphs_are_validated_too(scratch: Path) -> None:
    """A dataset hidden in a named graph of a TriG file is checked like any other."""
    trig = (OUTPUT / "catalog.nt").read_text("utf-8") + (
        "<https://e/g> { <https://e/hidden> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<http://www.w3.org/ns/dcat#Dataset> . }\n"
    )
    (scratch / "catalog.trig").write_text(trig, "utf-8")
    result = run_cli("validate", "catalog.trig", cwd=scratch)
    assert result.returncode == 1 and "https://e/hidden" in result.stdout


def test_junit_stays_xml_with_control_characters_in_the_data(scratch: Path) -> None:
    nt = (OUTPUT / "catalog.nt").read_text("utf-8")
    nt += "<https://e/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n"
    nt += '<https://e/x> <http://purl.org/dc/terms/title> "Bad\\u0001title"@fi .\n'
    (scratch / "ctrl.nt").write_text(nt, "utf-8")
    result = run_cli("validate", "--format", "junit", "ctrl.nt", cwd=scratch)
    assert result.returncode == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert "Bad\\x01title" in ET.tostring(root, encoding="unicode")


def test_a_request_route_is_not_asked_for_a_file_format(scratch: Path) -> None:
    out = run_cli("validate", cwd=scratch).stdout
    assert "tvks:Distribution-" not in out  # shapes/README.md: not a file, so no format, licence, availability


def test_build_counts_warnings_while_it_lists_violations(scratch: Path) -> None:
    resource = scratch / "source" / "resources" / "perusopetus.yaml"
    text = resource.read_text("utf-8")
    resource.write_text(text.replace("  sv: Informationsresursen för grundläggande utbildning\n", "", 1), "utf-8")
    build = run_cli("build", cwd=scratch)
    assert build.returncode == 1
    assert "Warning:" not in build.stderr
    validate = run_cli("validate", cwd=scratch).stdout
    warnings = sum(int(line.split("×")[1].split()[0]) for line in validate.splitlines() if line.startswith("Warning ×"))
    assert f"\n{warnings} warnings (" in build.stderr  # counted in the summary, not listed


def test_a_high_limit_reads_only_what_is_there(scratch: Path) -> None:
    """The limit bounds the read; it is not a buffer size (100 000 MB once ran out of memory)."""
    result = run_cli("validate", "--max-mb", "100000", str(OUTPUT / "catalog.nt"), cwd=scratch)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("email: kasvatusjakoulutus@hel.fi", "email: 131052-308T@hel.fi"),
        ("email: kasvatusjakoulutus@hel.fi", "email: hetu131052%2D308T@hel.fi"),
    ],
)
def test_a_personal_identity_code_inside_an_iri_stops_the_build(scratch: Path, old: str, new: str) -> None:
    request = scratch / "source" / "request.yaml"
    request.write_text(request.read_text("utf-8").replace(old, new, 1), "utf-8")
    result = run_cli("build", cwd=scratch)
    assert result.returncode == 1, result.stderr
    assert "personal identity code" in result.stderr + result.stdout
    assert not (scratch / "output").exists()


def test_n_triples_with_a_4_mb_literal_is_read_in_linear_time(tmp_path: Path) -> None:
    """rdflib's N-Triples parser took 13 s for a 1 MB literal and 91 s for 4 MB; Oxigraph's is linear."""
    from kasko_dcat.rdf.reading import read_rdf

    catalogue = (OUTPUT / "catalog.nt").read_text("utf-8")
    path = tmp_path / "long.nt"
    path.write_text(catalogue + '<urn:x:s> <urn:x:p> "' + "a\\u00e4" * 2_000_000 + '"@fi .\n', "utf-8")
    start = time.monotonic()
    graph = read_rdf(path)
    assert time.monotonic() - start < 10
    [text] = graph.objects(URIRef("urn:x:s"), URIRef("urn:x:p"))
    assert len(text) == 4_000_000 and text.language == "fi" and text.startswith("aä")
    assert len(graph) == len(Graph().parse(OUTPUT / "catalog.nt", format="nt")) + 1


# --- every finding on the real source can be acted on in the source ------------------------------


def _block_of(lines: list[str], line: int) -> tuple[int, int, set[str]]:
    """The block a report points at (a 1-based line): where to insert a field, its indent, its fields."""
    index = line - 1
    text = lines[index]
    if text.rstrip().endswith(":") and not text.lstrip().startswith("- "):  # a list: its first item
        index = next(i for i in range(index + 1, len(lines)) if lines[i].lstrip().startswith("- "))
        text = lines[index]
    if text.lstrip().startswith("#") or not text.strip():  # a file's first line: the top-level block
        indent = 0
    else:
        indent = len(text) - len(text.lstrip()) + (2 if text.lstrip().startswith("- ") else 0)
    fields = set()
    for following in lines[index:]:
        body = following[indent:]
        if following.strip() and not following.lstrip().startswith("#") and following[:indent].strip("- ") == "":
            if following is not lines[index] and len(following) - len(following.lstrip()) < indent:
                break
            key = body.lstrip("- ").split(":", 1)[0]
            if len(following) - len(following.lstrip(" -")) == indent:
                fields.add(key)
    return index + 1, indent, fields


def test_every_finding_on_the_real_source_names_a_field_accepted_where_it_points(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 1 of keeping the description: each shape that fires says which field, at which place,
    fixes it, and the source format accepts that field there (writing it reads without error)."""
    from kasko_dcat import api
    from kasko_dcat.model.description import read_source
    from kasko_dcat.source.problems import SourceError

    monkeypatch.chdir(scratch)  # restored afterwards: later tests read output/ from the repository
    [report] = api.validate()
    assert report.findings
    checked = set()
    for finding in report.findings:
        shape = str(finding.result.shape).rsplit("#", 1)[-1]
        assert finding.where is not None and finding.field, f"{shape}: the report does not say where to fix it"
        field = finding.field.split(":")[0]  # "temporal: end" is written in the block's 'temporal'
        key = (finding.where.file, finding.where.line, field)
        if key in checked:
            continue
        checked.add(key)
        path = scratch / finding.where.file
        lines = path.read_text("utf-8").splitlines()
        at, indent, fields = _block_of(lines, finding.where.line)
        if field in fields:
            continue  # written there already (as ~): the source reads it, so it is accepted
        edited = [*lines[:at], " " * indent + f"{field}: ~", *lines[at:]]
        relative = str(path.relative_to(scratch / "source"))
        files = {
            str(p.relative_to(scratch / "source")): p.read_text("utf-8") for p in (scratch / "source").rglob("*.yaml")
        }
        files[relative] = "\n".join(edited) + "\n"
        try:
            read_source(scratch / "source", files=files)
        except SourceError as exc:
            raise AssertionError(f"{shape}: '{field}' at {finding.where}: {exc.problems[0].message('en')}") from None
    assert len(checked) >= 8


def test_a_register_without_personal_data_is_a_finding_naming_the_field(scratch: Path) -> None:
    """Added without ``personal_data``, a register would be published with no access right: validate says so."""
    path = scratch / "source/resources/perusopetus.yaml"
    text = path.read_text("utf-8")
    register = "  - id: perusopetuksen-opintohallinnontiedot\n"
    head, tail = text.split(register)
    tail = tail.replace("    personal_data: true\n", "", 1)
    path.write_text(head + register + tail, "utf-8")
    out = run_cli("validate", "--verbose", cwd=scratch).stdout
    block = "\n".join(_blocks(out)["tvks:dataset-access-rights"])
    assert "give personal_data (true or false) or access_rights" in block
    found = re.search(
        r"resources/perusopetus\.yaml:(\d+), field personal_data — Basic education study administration", block
    )
    assert found, block
    start = head.count("\n") + 1  # the register's "- id:" line; the place is in its block
    assert start <= int(found.group(1)) <= start + 6


def test_the_report_file_is_written_on_exit_2_with_the_error_in_it(scratch: Path) -> None:
    """A CI dashboard reads --report whatever happened: a broken source is an error case, not an empty page."""
    with (scratch / "source/systems.yaml").open("a", encoding="utf-8") as stream:
        stream.write("id: [broken\n")
    junit = run_cli("validate", "--format", "junit", "--report", "validation.xml", cwd=scratch)
    assert junit.returncode == 2
    root = ET.parse(scratch / "validation.xml").getroot()
    error = root.find("testsuite/testcase/error")
    assert root.get("errors") == "1" and error is not None and error.get("type") == "cli-errors"
    assert "systems.yaml:" in (error.text or "") and "YAML" in (error.text or "")
    as_json = run_cli("validate", "--format", "json", "--report", "validation.json", "--lang", "fi", cwd=scratch)
    assert as_json.returncode == 2
    written = json.loads((scratch / "validation.json").read_text("utf-8"))
    assert written["conforms"] is False and written["error"]["code"] == "cli-errors"
    assert "systems.yaml:" in written["error"]["details"][0] and "lähteessä on 1 virhe" in written["error"]["message"]
