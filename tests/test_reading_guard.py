"""One guard for every file the tools read (issue 20, finding "validate prints file content through links").

Each attack of the audit is repeated through the command: a link to ``/proc/self/environ`` given
to ``validate`` or put in a ``--shapes`` folder, a baseline that is an alias bomb, a link to
``/dev/zero`` or 50 000 ``[``, an import page that is a link to ``/dev/zero``. Every one must end
with exit 2 and one line naming the file — never its content, never a traceback, never gigabytes.
The commands run with their address space capped at 1 GiB, so a regression fails instead of
swapping the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

SECRET = "kasko-test-secret-4f1d"
MINI = ROOT / "tests/data/mini-expected.ttl"


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``kasko-dcat`` with a secret in its environment, 1 GiB of address space and two minutes."""
    env = {**os.environ, "KASKO_DCAT_LANG": "en", "CI_JOB_TOKEN": SECRET}
    return subprocess.run(
        [sys.executable, "-m", "kasko_dcat", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_capped,
        timeout=120,
        check=False,
    )


def _refused_cleanly(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert SECRET not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr


def test_validate_does_not_follow_a_link_to_the_environment(tmp_path: Path) -> None:
    (tmp_path / "x.ttl").symlink_to("/proc/self/environ")
    _refused_cleanly(run("validate", "x.ttl", cwd=tmp_path), "x.ttl is a link to a file outside")


def test_validate_does_not_follow_a_link_out_of_a_shapes_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(f"TOKEN={SECRET}\n")
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    (shapes / "a.ttl").symlink_to(secret)
    result = run("validate", str(MINI), "--shapes", str(shapes), cwd=tmp_path)
    _refused_cleanly(result, "a.ttl is a link to a file outside")


def test_a_link_inside_a_shapes_folder_is_followed(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    (shapes / "real.txt").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:s> a sh:NodeShape .\n")
    (shapes / "a.ttl").symlink_to("real.txt")
    result = run("validate", str(MINI), "--shapes", str(shapes), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr


def test_a_parse_error_does_not_quote_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.ttl").write_text(f'<urn:a> <urn:b> "{SECRET}" ; <urn:c> zzz qqq .\n')
    _refused_cleanly(run("validate", "bad.ttl", cwd=tmp_path), "bad.ttl cannot be read as turtle")


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\naccepted: []\n"


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("bomb", lambda path: path.write_text(_bomb()), "expand the file to"),
        ("zero", lambda path: path.symlink_to("/dev/zero"), "is a link to a file outside"),
        ("deep", lambda path: path.write_text("[" * 50_000), "baseline.yaml:1:"),  # libyaml stops at 1 000
        ("deep-closed", lambda path: path.write_text("[" * 900 + "]" * 900), "more than 64 deep"),
        ("deep-maps", lambda path: path.write_text("{a: " * 50_000), "more than 64 deep"),
    ],
)
def test_a_hostile_baseline_is_one_line_and_exit_2(tmp_path: Path, name: str, make, expected: str) -> None:
    baseline = tmp_path / "baseline.yaml"
    make(baseline)
    if name == "bomb":
        assert len(baseline.read_bytes()) < 700
    started = time.monotonic()
    result = run("validate", str(MINI), "--baseline", str(baseline), cwd=tmp_path)
    _refused_cleanly(result, expected)
    assert time.monotonic() - started < 60


def test_an_import_page_that_is_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    (tmp_path / "page.html").symlink_to("/dev/zero")
    result = run("import", "page.html", "--out", str(tmp_path / "out"), cwd=tmp_path)
    _refused_cleanly(result, "page.html is a link to a file outside")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    from kasko_dcat import files
    from kasko_dcat.files import FileRefused

    os.mkfifo(tmp_path / "pipe.ttl")
    with pytest.raises(FileRefused) as refused:
        files.read(tmp_path / "pipe.ttl", limit=1000)
    assert refused.value.code == "validate-not-a-file"


def test_a_system_file_named_directly_is_refused() -> None:
    from kasko_dcat import files
    from kasko_dcat.files import FileRefused

    with pytest.raises(FileRefused) as refused:
        files.read(Path("/proc/self/environ"), limit=1000)
    assert refused.value.code == "file-system"


def test_the_size_limit_is_read_not_trusted(tmp_path: Path) -> None:
    from kasko_dcat import files
    from kasko_dcat.files import FileRefused

    big = tmp_path / "big.ttl"
    big.write_bytes(b"#" * 5000)
    assert len(files.read(big, limit=5000)) == 5000
    with pytest.raises(FileRefused) as refused:
        files.read(big, limit=4999)
    assert refused.value.code == "validate-too-large"


def test_a_catalogue_that_is_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    (tmp_path / "catalog.nt").symlink_to("/dev/zero")
    result = run("query", "SELECT * { ?s ?p ?o }", "--catalog", "catalog.nt", cwd=tmp_path)
    _refused_cleanly(result, "catalog.nt is a link to a file outside")
