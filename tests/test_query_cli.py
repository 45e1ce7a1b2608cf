"""``kasko-dcat query`` as an analyst meets it: names, files, formats, parameters and clear errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, run_cli


def test_list_names_every_bundled_query_with_its_title_and_parameters() -> None:
    result = run_cli("query", "--list", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    names = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert [line.split()[0] for line in lines] == names
    assert any(
        line.startswith("systems-per-resource") and "Information systems of each information resource" in line
        for line in lines
    )
    assert any(line.startswith("requests-for-system") and "[--bind system=oppilashuolto]" in line for line in lines)
    finnish = run_cli("query", "--list", "--lang", "fi", cwd=ROOT).stdout
    assert "Kunkin tietovarannon tietojärjestelmät" in finnish


def test_table_is_aligned_and_counts_rows_on_stderr() -> None:
    result = run_cli("query", "gaps-28", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["resource", "item", "missing"]
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + 9
    starts = [lines[0].index("item"), lines[0].index("missing")]
    for line in lines[2:]:  # every value starts under its header
        assert all(line[start - 2 : start] == "  " and line[start] != " " for start in starts), line
    assert "varhaiskasvatus-ja-esiopetus" + " " * 13 + "28 § 4      search keys" in result.stdout
    assert result.stderr.strip() == "9 rows"


def test_table_shows_language_tagged_literals_as_text_and_our_iris_shortened() -> None:
    text = "SELECT ?t ?c WHERE { <https://kasko.example/system/varda> dct:title ?t ; a ?c } ORDER BY ?t"
    result = run_cli("query", text, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2].split("  ")[0] == "Det nationella registret för småbarnspedagogik VARDA"
    assert lines[4].split("  ")[0] == "Varhaiskasvatuksen valtakunnallinen VARDA-rekisteri"
    assert "@fi" not in result.stdout and '"' not in result.stdout
    assert "tvk:InformationSystem" in result.stdout


def test_csv_follows_the_w3c_sparql_csv_format() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kasko_dcat", "query", "request-channels", "--format", "csv"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    raw = result.stdout.decode("utf-8")
    assert raw.startswith("channel,kind,title,handled_by,url,email,postal_address\r\n")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    written = next(row for row in rows if row["channel"] == "kirjalliset-yhteydenotot")
    assert written["postal_address"] == "Kasvatuksen ja koulutuksen toimiala\nPL 58300\n00099 Helsingin kaupunki"
    assert next(row for row in rows if row["channel"] == "asiointiportaali")["url"] == "https://asiointi.hel.fi"


def test_json_follows_the_sparql_json_results_format() -> None:
    result = run_cli("query", "systems-per-resource", "--format", "json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == ["resource", "system", "system_title", "role", "city_wide"]
    bindings = document["results"]["bindings"]
    assert len(bindings) == 45
    varda = next(b for b in bindings if b["system"]["value"] == "varda")
    assert varda["system_title"]["type"] == "literal" and varda["system_title"]["xml:lang"] == "fi"


def test_a_query_file_and_a_binding(tmp_path: Path) -> None:
    query = tmp_path / "question.rq"
    query.write_text("SELECT ?id ?title WHERE { ?s dct:identifier ?id ; dct:title ?title FILTER(lang(?title) = 'en') }")
    result = run_cli("query", str(query), "--bind", "id=varda", "--format", "csv", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ['varda,"VARDA, the national early childhood education and care register"']
    iri = run_cli(
        "query",
        "SELECT ?s ?id WHERE { ?s dct:identifier ?id }",
        "--bind",
        "s=<https://kasko.example/system/varda>",
        cwd=ROOT,
    )
    assert iri.stdout.splitlines()[2].split() == ["https://kasko.example/system/varda", "varda"]


def test_a_binding_must_name_a_selected_variable() -> None:
    message = errors_of(
        "query", "SELECT ?title WHERE { ?s dct:identifier ?id ; dct:title ?title }", "--bind", "id=varda"
    )
    assert message.startswith("?id can be bound only when the query selects it")


def test_ask_and_construct() -> None:
    ask = run_cli("query", "ASK { <https://kasko.example/dataset/perusopetus> a dcat:Dataset }", cwd=ROOT)
    assert ask.stdout == "true\n"
    construct = run_cli(
        "query", "CONSTRUCT WHERE { <https://kasko.example/system/varda> dct:identifier ?id }", cwd=ROOT
    )
    assert construct.returncode == 0, construct.stderr
    assert '<https://kasko.example/system/varda> dct:identifier "varda" .' in construct.stdout


def test_source_is_built_in_memory_and_nothing_is_written(scratch: Path) -> None:
    resource = scratch / "source" / "resources" / "varhaiskasvatus-ja-esiopetus.yaml"
    resource.write_text(
        resource.read_text("utf-8").replace(
            "systems: [varhaiskasvatuksen-jarjestelmat, varda, tyoajansuunnittelu-ja-hallinta]",
            "systems: [varhaiskasvatuksen-jarjestelmat, varda]",
        ),
        "utf-8",
    )
    result = run_cli("query", "shared-systems", "--source", "source", "--format", "csv", cwd=scratch)
    assert result.returncode == 0, result.stderr
    assert "tyoajansuunnittelu-ja-hallinta" not in result.stdout
    assert "oppilashuolto" in result.stdout
    assert not (scratch / "output").exists()


def errors_of(*args: str, cwd: Path = ROOT) -> str:
    result = run_cli(*args, cwd=cwd)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_syntax_error_is_one_line_with_its_position() -> None:
    message = errors_of("query", "SELECT ?s\nWHERE { ?s ?p }")
    assert message.startswith("the query has a syntax error at line 2, column 16: expected one of")


def test_unknown_prefix_names_the_known_ones() -> None:
    message = errors_of("query", "SELECT ?s WHERE { ?s a dcatt:Dataset }")
    assert "undeclared prefix at line 1, column 37" in message and "dcat, dcatap, dct" in message


def test_updates_are_refused() -> None:
    message = errors_of("query", "PREFIX x: <http://x/>\n# drop it\nDELETE WHERE { ?s ?p ?o }")
    assert message.startswith("updates are refused")
    assert errors_of("query", "INSERT DATA { <http://x/a> <http://x/b> 1 }").startswith("updates are refused")


def test_service_is_refused_so_no_query_makes_a_network_call() -> None:
    message = errors_of("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert message.startswith("SERVICE is refused")
    assert errors_of("query", "select * { service silent ?endpoint { ?s ?p ?o } }").startswith("SERVICE is refused")
    harmless = run_cli("query", 'ASK { ?s ?p "SERVICE <x>" } # SERVICE <y>', cwd=ROOT)
    assert harmless.returncode == 0 and harmless.stdout == "false\n", harmless.stderr


def test_query_from_standard_input_on_the_turtle_catalogue() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kasko_dcat", "query", "-", "--catalog", "output/catalog.ttl", "--format", "csv"],
        input="SELECT (COUNT(*) AS ?datasets) WHERE { ?d a dcat:Dataset }",
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["datasets", "28"]


def test_unknown_names_and_bindings() -> None:
    assert "did you mean 'gaps-28'?" in errors_of("query", "gaps-29")
    assert "there is no bundled query or file named 'nonsense'" in errors_of("query", "nonsense")
    assert "there is no query file missing.rq" in errors_of("query", "missing.rq")
    assert "no variable ?sytem" in errors_of("query", "requests-for-system", "--bind", "sytem=varda")
    assert "--bind needs NAME=VALUE, found 'system'" in errors_of("query", "requests-for-system", "--bind", "system")


def test_missing_catalogue_and_missing_query(tmp_path: Path) -> None:
    assert "run 'kasko-dcat build' first" in errors_of("query", "gaps-28", cwd=tmp_path)
    assert "give a query" in errors_of("query")
    assert "kyselyssä on syntaksivirhe" in errors_of("query", "SELECT", "--lang", "fi")
