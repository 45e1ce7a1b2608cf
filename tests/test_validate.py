"""``kasko-dcat validate`` and the validation inside ``build``, run as a user runs them."""

from __future__ import annotations

import json
import os
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
HELSINKI_SHAPES = 15


def test_the_real_source_conforms_with_warnings(scratch: Path) -> None:
    result = run_cli("validate", cwd=scratch)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 violation(s)" in result.stdout and "passes" in result.stdout
    # the § 28 gaps the seed leaves: item 5 for every resource, search keys for one, privacy notices
    assert result.stdout.count("§ 28 item 5") == 4
    assert result.stdout.count("§ 28 item 4") == 1
    assert "no privacy notice (tvk:privacyNotice)" in result.stdout


def test_text_report_groups_by_resource_and_says_where_to_fix(scratch: Path) -> None:
    out = run_cli("validate", cwd=scratch).stdout
    block = out.split("\nEarly childhood education and care and pre-primary education information resource", 1)[1]
    block = block.split("\n\n", 1)[0]
    assert "§ 28 item 4" in block  # the resource without worked examples
    assert "fix in the source: source/resources/varhaiskasvatus-ja-esiopetus.yaml:" in block
    assert "field search_keys of an example in request.yaml" in block


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
    assert "fix in the source: source/resources/perusopetus.yaml:" in result.stdout
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
    assert finding["source"]["file"] == "source/resources/varhaiskasvatus-ja-esiopetus.yaml"
    assert set(finding["message"]) == {"fi", "en"}


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
    # the resource's title, and the descriptions its registers build from it, lack Swedish
    assert root.tag == "testsuites" and root.get("failures") == "2"
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == ["tvks:description-sv", "tvks:title-sv"]
    warned = [case for case in root.iter("testcase") if case.get("name") == "tvks:s28-5-technical-interface"]
    assert warned and warned[0].find("failure") is None and "§ 28 item 5" in warned[0].findtext("system-out")


def test_messages_in_finnish(scratch: Path) -> None:
    result = run_cli("validate", "--lang", "fi", cwd=scratch)
    assert "28 § 5 kohta" in result.stdout and "hyväksytty" in result.stdout


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


def test_distribution_findings_point_to_the_request_route(scratch: Path) -> None:
    out = run_cli("validate", cwd=scratch).stdout
    block = out.split("dct:format is recommended by DCAT-AP but missing.", 1)[1]
    assert block.splitlines()[1].strip().startswith("fix in the source: source/request.yaml:")


def test_build_counts_warnings_while_it_lists_violations(scratch: Path) -> None:
    resource = scratch / "source" / "resources" / "perusopetus.yaml"
    text = resource.read_text("utf-8")
    resource.write_text(text.replace("  sv: Informationsresursen för grundläggande utbildning\n", "", 1), "utf-8")
    build = run_cli("build", cwd=scratch)
    assert build.returncode == 1
    assert "Warning:" not in build.stderr
    warnings = run_cli("validate", cwd=scratch).stdout.count("  Warning: ")
    assert f", {warnings} warning(s);" in build.stderr


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
