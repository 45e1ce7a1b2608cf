"""What ``kasko-dcat validate --shapes`` imports: on 1 000 datasets start-up was a third of the run.

pySHACL (with rdflib's SPARQL grammar) took 80 ms to import only for the path of its copy of
shacl-shacl; the check of the shapes graph must find that file without importing either.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kasko_dcat.cli import main

PREFIXES = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
PREFIXES += "@prefix dct: <http://purl.org/dc/terms/> . @prefix ex: <https://example.org/> .\n"

RUN_AND_LIST = """
import sys
from kasko_dcat.cli import main
sys.argv = ["kasko-dcat", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] == "pyshacl" or m.startswith("rdflib.plugins.sparql"))
print("imported:", *heavy, file=sys.stderr)
"""


def _untitled_dataset(folder: Path) -> list[str]:
    """``validate`` arguments: a dataset without a title, and a shape that requires one."""
    data = folder / "data.ttl"
    data.write_text(PREFIXES + "ex:a a dcat:Dataset .\n")
    shapes = folder / "shapes.ttl"
    shapes.write_text(
        PREFIXES + "ex:S sh:targetClass dcat:Dataset ; sh:property [ sh:path dct:title ; sh:minCount 1 ] .\n"
    )
    return ["validate", str(data), "--shapes", str(shapes), "--format", "json"]


def test_validate_with_shapes_imports_neither_pyshacl_nor_rdflib_sparql(tmp_path: Path) -> None:
    args = _untitled_dataset(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *args], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    findings = json.loads(done.stdout)["reports"][0]["findings"]
    assert [(f["focus"], f["component"]) for f in findings] == [
        ("https://example.org/a", "http://www.w3.org/ns/shacl#MinCountConstraintComponent")
    ]
    assert done.stderr.strip().splitlines()[-1] == "imported:"


def test_validate_pauses_the_cycle_collector_only_while_it_runs(tmp_path: Path) -> None:
    """The command pauses it to the end of its report; run in a longer process, it hands it back on."""
    assert gc.isenabled()
    result = CliRunner().invoke(main, ["--lang", "en", *_untitled_dataset(tmp_path)])
    assert result.exit_code == 1, result.output
    assert gc.isenabled()
