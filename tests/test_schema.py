"""The JSON Schemas: made from the reader's field rules, shipped, pointed at by every source file,
accepting the real source and rejecting the bad-source cases that are a matter of form."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from kasko_dcat.model.description import read_source
from kasko_dcat.model.schema import FILES, rendered, schema, schema_of, with_schema_line
from kasko_dcat.source.problems import Problems, SourceError
from kasko_dcat.source.yamlread import read_yaml

from .conftest import ROOT, SOURCE, run_cli
from .test_bad_source import CASES

SOURCE_FILES = sorted(str(p.relative_to(SOURCE)) for p in SOURCE.rglob("*.yaml"))


def _validator(relative: str) -> jsonschema.Draft202012Validator:
    name = schema_of(relative)
    assert name is not None, relative
    return jsonschema.Draft202012Validator(schema(name))


def _data(relative: str, text: str) -> object:
    """The file as kasko-dcat reads it: every scalar text except true/false and ~ (YAML 1.2 would agree)."""
    return read_yaml(Path(relative), Problems(), text.encode("utf-8"))


def test_the_committed_schemas_are_what_the_field_rules_make() -> None:
    committed = {p.name: p.read_text("utf-8") for p in (ROOT / "schemas").glob("*.json")}
    assert committed == rendered(), "run: kasko-dcat schema --out schemas"
    for name in FILES:
        jsonschema.Draft202012Validator.check_schema(schema(name))


def test_the_schemas_ship_in_the_package() -> None:
    from importlib.resources import files

    shipped = files("kasko_dcat").joinpath("schemas")
    assert sorted(entry.name for entry in shipped.iterdir()) == sorted(rendered())


@pytest.mark.parametrize("relative", SOURCE_FILES)
def test_every_source_file_names_its_schema_on_its_first_line(relative: str) -> None:
    text = (SOURCE / relative).read_text("utf-8")
    first = text.splitlines()[0]
    assert with_schema_line(relative, "") == first + "\n"
    target = (SOURCE / relative).parent / first.split("$schema=", 1)[1]
    assert target.resolve() == (ROOT / "schemas" / f"{schema_of(relative)}.schema.json").resolve()
    assert target.is_file()


@pytest.mark.parametrize("relative", SOURCE_FILES)
def test_the_real_source_validates_against_its_schema(relative: str) -> None:
    data = _data(relative, (SOURCE / relative).read_text("utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(relative).iter_errors(data)]
    assert errors == []


def test_the_schema_command_writes_them(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path / "out"), cwd=tmp_path, env={"KASKO_DCAT_LANG": "fi"})
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"{tmp_path / 'out'}: 7 JSON Schemaa kirjoitettu"
    assert {p.name: p.read_text("utf-8") for p in (tmp_path / "out").iterdir()} == rendered()


SCHEMA_MATTERS = {
    "missing-finnish",
    "malformed-email",
    "malformed-url",
    "malformed-phone",
    "unknown-language",
    "unknown-vocabulary-code",
    "unknown-access-right",
    "misspelt-field",
    "bad-id",
    "not-a-list",
    "bad-date",
    "empty-required-value",
    "blank-title",
    "iri-unsafe-character-in-url",
    "data-group-as-plain-text",
    "date-without-dashes",
    "keywords-not-a-list",
    "flag-given-as-a-list",
    "invalid-resource-id-reports-no-confusing-follow-ups",
}
"""The bad-source cases that are a matter of form, which an editor can flag while the keeper types
(the others are YAML syntax, references between files, duplicates or rules across fields)."""


@pytest.mark.parametrize("case", [c for c in CASES if c.name in SCHEMA_MATTERS], ids=lambda c: c.name)
def test_bad_source_of_form_is_rejected_by_the_schema(case: object) -> None:
    text = (SOURCE / case.file).read_text("utf-8")  # type: ignore[attr-defined]
    assert case.old in text  # type: ignore[attr-defined]
    broken = text.replace(case.old, case.new, 1)  # type: ignore[attr-defined]
    assert list(_validator(case.file).iter_errors(_data(case.file, broken))), case.name  # type: ignore[attr-defined]


def test_every_schema_matter_names_a_case() -> None:
    assert {case.name for case in CASES} >= SCHEMA_MATTERS


# --- the schemas accept exactly the fields the reader accepts ---------------------------------------

BLOCKS = [
    # (file, the line that opens the block, where in the schema that block is)
    ("catalog.yaml", None, ()),
    ("catalog.yaml", "dataset_defaults:", ("dataset_defaults",)),
    ("catalog.yaml", "personal_data:", ("personal_data",)),
    ("organisations.yaml", None, ()),
    ("organisations.yaml", "  - id: kasko", ("organisations", "*")),
    ("organisations.yaml", "      - id: hallinto", ("organisations", "*", "sites", "*")),
    ("systems.yaml", "  - id: varda", ("systems", "*")),
    ("legislation.yaml", "  - id: tiedonhallintalaki", ("laws", "*")),
    ("related-resources.yaml", "  - id: kaupunkiyhteinen-asiakastietovaranto", ("related_resources", "*")),
    ("request.yaml", None, ()),
    ("request.yaml", "  - id: kasko-pl-58300", ("addresses", "*")),
    ("request.yaml", "  - id: kasko-tietopyynnot", ("contact_points", "*")),
    ("request.yaml", "  - id: asiointiportaali", ("channels", "*")),
    ("request.yaml", "information_request:", ("information_request",)),
    ("request.yaml", "  - id: oppilashuollon-kuraattorit", ("examples", "*")),
    ("resources/perusopetus.yaml", None, ()),
    ("resources/perusopetus.yaml", "  - id: perusopetuksen-opintohallinnontiedot", ("registers", "*")),
]


def _properties(node: dict, path: tuple[str, ...]) -> set[str]:
    for step in path:
        node = node["properties"][step] if step != "*" else node["items"]
        node = next((option for option in node.get("anyOf", [node]) if option.get("type") != "null"), node)
    return set(node["properties"])


@pytest.mark.parametrize(("file", "opener", "path"), BLOCKS, ids=lambda v: v if isinstance(v, str) else None)
def test_a_block_accepts_the_fields_the_reader_accepts(
    monkeypatch: pytest.MonkeyPatch, file: str, opener: str | None, path: tuple[str, ...]
) -> None:
    """Write an unknown field in the block: the reader's error lists what it accepts there.

    Messages quote at most 120 characters of a value; the whole list is what is compared here.
    """
    monkeypatch.setattr("kasko_dcat.source.problems.excerpt", lambda text: text)
    texts = {relative: (SOURCE / relative).read_text("utf-8") for relative in SOURCE_FILES}
    lines = texts[file].splitlines()
    if opener is None:
        lines.append("zz_unknown: ~")
    else:
        at = next(n for n, line in enumerate(lines) if line.startswith(opener))
        item = opener.lstrip().startswith("- ")  # an item's fields are indented past its "- "
        indent = len(opener) - len(opener.lstrip(" -")) if item else len(opener) - len(opener.lstrip()) + 2
        lines.insert(at + 1, " " * indent + "zz_unknown: ~")
    texts[file] = "\n".join(lines) + "\n"
    with pytest.raises(SourceError) as raised:
        read_source(SOURCE, files=texts)
    [problem] = [p for p in raised.value.problems if p.code.startswith("unknown-field")]
    accepted = set(dict(problem.params)["allowed"].split(", "))
    assert _properties(schema(schema_of(file)), path) == accepted  # type: ignore[arg-type]


CORPUS = ROOT / "tests" / "data" / "import" / "corpus"
PAGES = [
    ROOT / "tests" / "data" / "kasko-tietovarannot.txt",
    *(
        page
        for page in sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.html")])
        if "refused" not in json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
    ),
]
"""The seed and every corpus page the importer reads (the refused ones write nothing to check)."""


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_an_imported_source_names_its_schemas_and_validates_against_them(page: Path) -> None:
    from kasko_dcat import api
    from kasko_dcat.importer.writer import as_checked

    imported = api.import_page(str(page))
    named = [relative for relative in imported.files if schema_of(relative) is not None]
    assert len(named) >= 7 and "catalog.yaml" in named and any(r.startswith("resources/") for r in named)
    # A name the page does not state is left empty to write (the schema flags it in the editor): the rest validates.
    files = as_checked(imported.files)
    for relative in named:
        text = files[relative]
        assert text.startswith(with_schema_line(relative, "")), relative
        errors = [
            f"{list(e.absolute_path)}: {e.message}" for e in _validator(relative).iter_errors(_data(relative, text))
        ]
        assert errors == [], relative


@pytest.mark.parametrize(
    ("title", "accepted"),
    [
        ("{fi: Nimi, sv: ~}", True),
        ("{fi: ~, sv: Namn}", True),  # an imported Swedish page: Finnish to be written
        ("{fi: ~, sv: ~}", False),
        ("{sv: Namn}", False),  # Finnish is always written, if only as ~
        ("{fi: Nimi, de: Name}", False),
    ],
)
def test_a_text_follows_the_readers_rule_for_finnish(title: str, accepted: bool) -> None:
    data = _data("systems.yaml", f"systems:\n  - id: x\n    title: {title}\n")
    assert (not list(_validator("systems.yaml").iter_errors(data))) is accepted
