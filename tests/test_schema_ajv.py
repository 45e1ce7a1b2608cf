"""The JSON Schemas in the editor's own engine: Ajv (JavaScript) with ECMAScript regexes in `u` mode.

VS Code's YAML extension and ``check-jsonschema`` (by default) compile ``pattern`` as ECMAScript
regexes; a Python-only escape there (``\\"`` inside a character class) made every schema refused.
Ajv is pinned (:data:`AJV_VERSION`) and installed by ``.ci/run`` into ``.ajv/`` with npm; without
it (or without node) the test is skipped, saying so.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from kasko_dcat.model.schema import FILES, schema, schema_of

from .conftest import ROOT, SOURCE
from .test_schema import SOURCE_FILES, _data

AJV_VERSION = "8.17.1"
AJV = ROOT / ".ajv"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None or not (AJV / "node_modules/ajv/dist/2020.js").exists(),
    reason=f"no node or no ajv: .ci/run installs ajv@{AJV_VERSION} into .ajv/",
)


def ajv(files: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    payload = json.dumps({"schemas": {name: schema(name) for name in FILES}, "files": files})
    done = subprocess.run(
        [NODE or "node", str(ROOT / "tests/ajv_check.js"), str(AJV)],
        input=payload,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_every_schema_compiles_in_ecmascript_u_mode_and_every_source_file_is_valid() -> None:
    texts = {relative: (SOURCE / relative).read_text("utf-8") for relative in SOURCE_FILES}
    files = [{"file": f, "schema": schema_of(f), "data": _data(f, text)} for f, text in texts.items()]
    answer = ajv(files)
    assert answer["compiled"] == dict.fromkeys(FILES)
    assert answer["files"] == {relative: [] for relative in SOURCE_FILES}
    assert len(SOURCE_FILES) >= 10


def test_ajv_refuses_what_the_reader_refuses() -> None:
    """The same patterns reject the same bad values in JavaScript: the check can fail."""
    relative = "systems.yaml"
    data = _data(relative, (SOURCE / relative).read_text("utf-8"))
    assert isinstance(data, dict)
    first = data["systems"][0]
    bad = {**data, "systems": [{**first, "id": "Not An Id", "homepage": 'https://example.fi/"quoted"'}]}
    errors = ajv([{"file": relative, "schema": schema_of(relative), "data": bad}])["files"][relative]
    assert any("/systems/0/id" in error and "pattern" in error for error in errors), errors
    assert any("/systems/0/homepage" in error for error in errors), errors


def test_ajv_refuses_a_date_the_reader_refuses() -> None:
    """A month or day out of range is refused in the editor too, not only by build (2026-13-45)."""
    relative = "catalog.yaml"
    data = _data(relative, (SOURCE / relative).read_text("utf-8"))
    assert isinstance(data, dict)
    files = [
        {"file": value, "schema": schema_of(relative), "data": {**data, "issued": value}}
        for value in ("2026-13-45", "2026-00-10", "2026-1-5", "2026-12-31")
    ]
    answer = ajv(files)["files"]
    assert [bool(answer[value]) for value in ("2026-13-45", "2026-00-10", "2026-1-5", "2026-12-31")] == [
        True,
        True,
        True,
        False,
    ], answer
