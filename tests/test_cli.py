"""The command line as a user meets it: build, --check, gaps, help, and writes that are all-or-nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kasko_dcat.rdf.formats import OUTPUT
from kasko_dcat.rdf.output import write_atomically

from .conftest import ROOT, run_cli

FILES = sorted(fmt.filename for fmt in OUTPUT)


def test_build_writes_the_four_files_then_leaves_them_alone(scratch: Path) -> None:
    first = run_cli("build", cwd=scratch)
    assert first.returncode == 0, first.stderr
    assert sorted(p.name for p in (scratch / "output").iterdir()) == FILES
    assert "built 28 datasets" in first.stderr and "4 written, 0 unchanged" in first.stderr
    stamps = {p.name: p.stat().st_mtime_ns for p in (scratch / "output").iterdir()}

    second = run_cli("build", cwd=scratch)
    assert "0 written, 4 unchanged" in second.stderr
    assert {p.name: p.stat().st_mtime_ns for p in (scratch / "output").iterdir()} == stamps


def test_the_committed_output_is_what_the_source_builds() -> None:
    """What CI runs: output/ in the repository must be fresh."""
    result = run_cli("build", "--check", cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_check_fails_on_stale_output_and_writes_nothing(scratch: Path) -> None:
    assert run_cli("build", cwd=scratch).returncode == 0
    catalog = scratch / "source" / "catalog.yaml"
    catalog.write_text(
        catalog.read_text("utf-8").replace(
            "  en: Information resources of the Education Division", "  en: Education Division information resources"
        ),
        "utf-8",
    )
    before = {p.name: p.read_bytes() for p in (scratch / "output").iterdir()}

    result = run_cli("build", "--check", cwd=scratch)

    assert result.returncode == 1
    for name in FILES:
        assert f"output/{name} is out of date with the source" in result.stderr
    assert {p.name: p.read_bytes() for p in (scratch / "output").iterdir()} == before


def test_check_fails_when_output_is_missing(scratch: Path) -> None:
    result = run_cli("build", "--check", cwd=scratch)
    assert result.returncode == 1
    assert not (scratch / "output").exists()


def test_quiet_build_prints_nothing(scratch: Path) -> None:
    result = run_cli("build", "-q", cwd=scratch)
    assert result.returncode == 0 and result.stderr == "" and result.stdout == ""


def test_source_and_output_options(scratch: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "published"
    result = run_cli("build", "--source", str(scratch / "source"), "--output", str(elsewhere), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == FILES


def test_base_iri_from_the_environment(scratch: Path) -> None:
    result = run_cli("build", cwd=scratch, env={"KASKO_DCAT_BASE_IRI": "https://data.example.fi/kasko/"})
    assert result.returncode == 0, result.stderr
    turtle = (scratch / "output" / "catalog.ttl").read_text("utf-8")
    assert "<https://data.example.fi/kasko/dataset/perusopetus>" in turtle
    assert "https://kasko.example/" not in turtle


def test_gaps_lists_what_the_seed_leaves_unknown(scratch: Path) -> None:
    result = run_cli("gaps", cwd=scratch)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    privacy = [line for line in lines if "no privacy notices (tietosuojaselosteet) are listed" in line]
    assert len(privacy) == 4
    assert all(line.startswith("source/resources/") for line in privacy)
    interface = [line for line in lines if "through a technical interface (§ 28 item 5)" in line]
    assert len(interface) == 4
    search_keys = [line for line in lines if "no search keys (hakutekijät) are given" in line]
    assert search_keys == [
        "source/resources/varhaiskasvatus-ja-esiopetus.yaml:5: no search keys (hakutekijät) are given for "
        "'varhaiskasvatus-ja-esiopetus' (§ 28 item 4) — "
        "add a request example with 'search_keys:' for it in request.yaml"
    ]
    assert any("base_iri https://kasko.example/ is a reserved example domain" in line for line in lines)
    assert f"{len(lines)} gaps" in result.stderr


def test_help_teaches_the_workflow_and_exit_codes(scratch: Path) -> None:
    result = run_cli("--help", cwd=scratch)
    assert result.returncode == 0
    for text in (
        "kasko-dcat build",
        "--check",
        "kasko-dcat gaps",
        "kasko-dcat validate",
        "Exit codes: 0 success, 1 check failed",
    ):
        assert text in result.stdout
    build_help = run_cli("build", "--help", cwd=scratch).stdout
    assert "catalog.jsonld" in build_help and "--base-iri" in build_help


def test_usage_errors_exit_2(scratch: Path) -> None:
    result = run_cli("build", "--no-such-option", cwd=scratch)
    assert result.returncode == 2
    assert "No such option" in result.stderr


def test_version(scratch: Path) -> None:
    result = run_cli("--version", cwd=scratch)
    assert result.returncode == 0 and result.stdout.startswith("kasko-dcat, version ")


def test_a_failed_write_leaves_the_previous_output_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the third file is written: no file may change, no temporary file may stay."""
    old = {"a.ttl": b"old a", "b.ttl": b"old b", "c.ttl": b"old c"}
    for name, data in old.items():
        (tmp_path / name).write_bytes(data)
    real_fsync, calls = os.fsync, []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(tmp_path, {name: b"new " + data for name, data in old.items()})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old


def test_write_failure_is_one_clear_line(scratch: Path) -> None:
    """An output folder that cannot be made (a file stands in its path): exit 2, the reason, no traceback."""
    (scratch / "blocker").write_text("a file where a folder should be", "utf-8")
    result = run_cli("build", "--output", "blocker/output", cwd=scratch)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "could not write blocker/output: Not a directory; the output folder was left as it was"
    )


def test_check_reports_an_unreadable_output_file(scratch: Path) -> None:
    (scratch / "output" / "catalog.ttl").mkdir(parents=True)
    result = run_cli("build", "--check", cwd=scratch)
    assert result.returncode == 2
    assert result.stderr.startswith("could not read output/catalog.ttl: Is a directory")


def test_an_internal_error_is_one_line_and_exit_3(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import kasko_dcat.model.graph
    from kasko_dcat.cli import main

    def broken(source: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(kasko_dcat.model.graph, "build_triples", broken)
    monkeypatch.chdir(scratch)
    monkeypatch.delenv("KASKO_DCAT_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["--lang", "en", "build"])
    assert result.exit_code == 3
    assert "internal error: RuntimeError: simulated bug; this is a bug in kasko-dcat" in result.output
    assert "Traceback" not in result.output
    assert not (scratch / "output").exists()


def test_lang_option_after_the_command(scratch: Path) -> None:
    result = run_cli("build", "--lang", "fi", "--check", cwd=scratch)
    assert result.returncode == 1
    assert "ei vastaa lähdettä" in result.stderr


def test_gaps_lists_open_personal_data_and_unused_definitions(scratch: Path) -> None:
    lines = run_cli("gaps", cwd=scratch).stdout.splitlines()
    open_personal_data = [
        line for line in lines if "holds personal data; its access rights and the data-protection" in line
    ]
    assert len(open_personal_data) == 9  # the registers the seed says nothing about
    assert all("set 'personal_data:' to true or false" in line for line in open_personal_data)
    # the seed's "Kirjalliset yhteydenotot" channel: no example names it, so nothing in the catalogue leads to it
    assert [line.split(": ", 1)[1].split(" — ")[0] for line in lines if "refers to it" in line] == [
        "the channel 'kirjalliset-yhteydenotot' is described but no request example refers to it, "
        "so nothing in the catalogue leads to it"
    ]
    for name in ("temporal", "issued"):  # one per resource until the division states it
        assert sum(line.startswith("source/resources/") and f"'{name}:'" in line for line in lines) == 4


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("systems.yaml", "systems:\n", "systems:\n  - id: vanha-jarjestelma\n    title: {fi: Vanha}\n"),
        ("organisations.yaml", "organisations:\n", "organisations:\n  - id: vanha-yksikko\n    name: {fi: Vanha}\n"),
    ],
)
def test_a_thing_nothing_refers_to_is_reported(scratch: Path, file: str, text: str, message: str) -> None:
    path = scratch / "source" / file
    path.write_text(path.read_text("utf-8").replace(text, message, 1), "utf-8")
    result = run_cli("gaps", cwd=scratch)
    assert result.returncode == 0, result.stderr
    kind = "system" if file == "systems.yaml" else "organisation"
    ident = "vanha-jarjestelma" if kind == "system" else "vanha-yksikko"
    assert any(
        f"{file}:" in line and f"the {kind} '{ident}' is described but" in line for line in result.stdout.splitlines()
    )
