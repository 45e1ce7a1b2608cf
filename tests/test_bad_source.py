"""Bad source stops the build with the file, the line and what to fix; no traceback, no output touched."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import SOURCE, run_cli


@dataclass(frozen=True)
class Case:
    """Replace ``old`` with ``new`` in ``file``; the error must name ``file`` at the line of ``marker``."""

    name: str
    file: str
    old: str
    new: str
    message: str
    marker: str | None = None  # text on the line the error must point at; default: first line of ``new``
    errors: int = 1  # errors in all; more than one only where the change also breaks references


CASES = [
    Case(
        "unquoted-colon",
        "request.yaml",
        "    kind: electronic\n",
        "    kind: electronic: portal\n",
        "the value of 'kind' contains a colon followed by a space, which YAML reads as the start of a new field"
        ' — put the value in quotation marks: kind: "…"',
    ),
    Case(
        "unquoted-colon-in-text",
        "resources/perusopetus.yaml",
        "  en: Basic education information resource\n",
        "  en: Basic education: information resource\n",
        "the value of 'en' contains a colon followed by a space",
    ),
    Case(
        "tab-in-indentation",
        "resources/perusopetus.yaml",
        "  sv: Informationsresursen för grundläggande utbildning\n",
        "\tsv: Informationsresursen för grundläggande utbildning\n",
        "this line is indented with a tab character, which YAML does not allow — indent with spaces only",
        marker="\tsv: Informationsresursen",
    ),
    Case(
        "bad-indentation",
        "resources/perusopetus.yaml",
        "  en: Basic education information resource\n",
        "   en: Basic education information resource\n",
        "the indentation of this line does not fit the lines above it",
    ),
    Case(
        "unclosed-quote",
        "resources/perusopetus.yaml",
        "  en: Basic education information resource\n",
        '  en: "Basic education information resource\n',
        "the quotation mark opened on this line is never closed",
    ),
    Case(
        "unknown-reference",
        "resources/perusopetus.yaml",
        "  - oppilashuolto\n",
        "  - oppilashuoltoo\n",
        "there is no system with id 'oppilashuoltoo' — did you mean 'oppilashuolto'?",
    ),
    Case(
        "duplicate-id",
        "systems.yaml",
        "  - id: tietovarasto\n",
        "  - id: varda  # a second system with this id\n",
        "the system id 'varda' is already used at source/systems.yaml:26",
        errors=2,  # and the resource that named tietovarasto now points nowhere
    ),
    Case(
        "duplicate-dataset-id-across-files",
        "resources/toimialan-hallinto.yaml",
        "  - id: opintohallinnon-tiedot\n",
        "  - id: opiskelijahuollon-tiedot\n",
        "the dataset id 'opiskelijahuollon-tiedot' is already used at source/resources/",
    ),
    Case(
        "duplicate-yaml-key",
        "organisations.yaml",
        "    business_id: 0201256-6        # Y-tunnus\n",
        "    business_id: 0201256-6\n    business_id: 0201256-7\n",
        "the field 'business_id' appears twice in the same block (first on line 11)",
        marker="    business_id: 0201256-7",
    ),
    Case(
        "missing-finnish",
        "resources/perusopetus.yaml",
        "  fi: Perusopetuksen tietovaranto\n",
        "",
        "'title' has no Finnish text — Finnish is the language of record",
        marker="title:\n  sv: Informationsresursen för grundläggande utbildning",
    ),
    Case(
        "malformed-email",
        "request.yaml",
        "    email: kasvatusjakoulutus@hel.fi\n    phone",
        "    email: kasvatusjakoulutus(at)hel.fi\n    phone",
        "'kasvatusjakoulutus(at)hel.fi' is not an e-mail address",
    ),
    Case(
        "malformed-url",
        "request.yaml",
        "    url: https://asiointi.hel.fi\n",
        "    url: asiointi.hel.fi\n",
        "'asiointi.hel.fi' is not a web address — write the full address starting with https://",
    ),
    Case(
        "malformed-phone",
        "request.yaml",
        "    phone: 09 310 8600\n",
        "    phone: 09 310 86OO\n",
        "'09 310 86OO' is not a phone number",
    ),
    Case(
        "unknown-language",
        "systems.yaml",
        "      en: Pupil welfare system\n",
        "      en: Pupil welfare system\n      de: Schülerfürsorgesystem\n",
        "'title' has text in an unknown language 'de' — use fi, sv or en",
        marker="      de: Schülerfürsorgesystem",
    ),
    Case(
        "unknown-vocabulary-code",
        "resources/perusopetus.yaml",
        "themes: [EDUC]\n",
        "themes: [EDU]\n",
        "'EDU' is not a code of the data-theme table — use one of: AGRI, ECON, EDUC",
    ),
    Case(
        "unknown-access-right",
        "catalog.yaml",
        "  access_rights: NON_PUBLIC\n",
        "  access_rights: SECRET\n",
        "'SECRET' is not a code of the access-right table — use one of: NON_PUBLIC, PUBLIC, RESTRICTED",
    ),
    Case(
        "misspelt-field",
        "resources/varhaiskasvatus-ja-esiopetus.yaml",
        "feeds: [kaupunkiyhteinen-asiakastietovaranto]\n",
        "feed: [kaupunkiyhteinen-asiakastietovaranto]\n",
        "unknown field 'feed' — did you mean 'feeds'?",
    ),
    Case(
        "bad-id",
        "systems.yaml",
        "  - id: tietovarasto\n",
        "  - id: Tieto varasto\n",
        "'Tieto varasto' is not a valid id",
        errors=2,
    ),
    Case(
        "address-label-out-of-step",
        "request.yaml",
        "    street_address: PL 51309\n",
        "    street_address: PL 51310\n",
        "the address label does not contain 'PL 51310'",
        marker="    label: >-",
    ),
    Case(
        "personal-data-made-public",
        "resources/perusopetus.yaml",
        "      en: Data on monitoring compulsory education\n    personal_data: true\n",
        "      en: Data on monitoring compulsory education\n    personal_data: true\n    access_rights: PUBLIC\n",
        "holds personal data but its access rights are 'PUBLIC'",
        marker="    access_rights: PUBLIC",
    ),
    Case(
        "example-register-of-another-resource",
        "request.yaml",
        "    register: tilojen-asukaskayton-asiakastiedot\n",
        "    register: opiskelijahuollon-tiedot\n",
        "register 'opiskelijahuollon-tiedot' belongs to resource 'lukio-ammatillinen-ja-vapaa-sivistystyo'",
    ),
    Case(
        "not-a-list",
        "resources/perusopetus.yaml",
        "legislation: [perusopetuslaki]\n",
        "legislation: perusopetuslaki\n",
        "'legislation' must be a list",
    ),
    Case(
        "bad-date",
        "catalog.yaml",
        "issued: ~ ",
        "issued: 26.11.2026 ",
        "'26.11.2026' is not a date — write it as YYYY-MM-DD",
    ),
    Case(
        "empty-required-value",
        "request.yaml",
        "    kind: electronic\n",
        '    kind: ""\n',
        "'kind' needs a value here — write 'kind: …' in this block",
    ),
    Case(
        "blank-title",
        "resources/perusopetus.yaml",
        "title:\n  fi: Perusopetuksen tietovaranto\n  sv: Informationsresursen för grundläggande utbildning\n"
        "  en: Basic education information resource\n",
        "title: ~\n",
        "'title' needs a value here",
    ),
    Case(
        "iri-unsafe-character-in-url",
        "systems.yaml",
        "    homepage: https://asiointi.hel.fi\n",
        "    homepage: https://asiointi.hel.fi/{lang}/\n",
        "'https://asiointi.hel.fi/{lang}/' is not a web address",
    ),
    Case(
        "same-web-address-for-two-data-groups",
        "resources/perusopetus.yaml",
        "  - {fi: koulunkäyntitiedot, sv: uppgifter om skolgången, en: schooling data}\n",
        "  - {fi: koulunkäyntitiedot, sv: uppgifter om skolgången, en: schooling data}\n"
        "  - {fi: Koulunkäyntitiedot., sv: x, en: y}\n",
        "'Koulunkäyntitiedot.' under 'data_groups' would get the same web address as 'koulunkäyntitiedot'",
        marker="  - {fi: Koulunkäyntitiedot.",
    ),
    Case(
        "data-group-without-letters",
        "resources/perusopetus.yaml",
        "  - {fi: koulunkäyntitiedot, sv: uppgifter om skolgången, en: schooling data}\n",
        "  - {fi: '–', sv: '–', en: '–'}\n",
        "'–' under 'data_groups' has no letters or digits",
    ),
    Case(
        "data-group-as-plain-text",
        "resources/perusopetus.yaml",
        "  - {fi: koulunkäyntitiedot, sv: uppgifter om skolgången, en: schooling data}\n",
        "  - koulunkäyntitiedot\n",
        "'data_groups' must give its text per language, found 'koulunkäyntitiedot' — write it as {fi: …, sv: …, en: …}",
    ),
    Case(
        "date-without-dashes",
        "catalog.yaml",
        "issued: ~ ",
        "issued: 20261126 ",
        "'20261126' is not a date",
    ),
    Case(
        "repeated-item-reported-at-its-own-line",
        "resources/perusopetus.yaml",
        "  - sairaalakoulun-perusopetus\n",
        "  - sairaalakoulun-perusopetus\n  - oppilashuolto  # again\n",
        "'oppilashuolto' is listed twice under 'systems'",
        marker="  - oppilashuolto  # again",
    ),
    Case(
        "bad-keyword-reported-at-its-own-line",
        "resources/perusopetus.yaml",
        "  fi: [perusopetus, oppivelvollisuus, oppilashuolto, koulunkäynti]\n",
        "  fi:\n    - perusopetus\n    - oppivelvollisuus!\n",
        "the keyword 'oppivelvollisuus!' would be rejected by CKAN harvesters",
        marker="    - oppivelvollisuus!",
    ),
    Case(
        "keywords-not-a-list",
        "resources/perusopetus.yaml",
        "  fi: [perusopetus, oppivelvollisuus, oppilashuolto, koulunkäynti]\n",
        "  fi: perusopetus\n",
        "'fi' must be a list, found 'perusopetus'",
    ),
    Case(
        "flag-given-as-a-list",
        "resources/perusopetus.yaml",
        "personal_data: true\nthemes: [EDUC]\n",
        "personal_data: [true]\nthemes: [EDUC]\n",
        "'personal_data' must be true or false, found a list",
    ),
    Case(
        "one-act-described-twice",
        "legislation.yaml",
        "    eli: http://data.finlex.fi/eli/sd/2018/1050\n",
        "    eli: http://data.finlex.fi/eli/sd/2019/906  # the same act again\n",
        "the ELI 'http://data.finlex.fi/eli/sd/2019/906' is already given at source/legislation.yaml:",
    ),
    Case(
        "channel-without-route",
        "request.yaml",
        "    url: https://asiointi.hel.fi\n",
        "",
        "channel 'asiointiportaali' says neither where nor how to send a request",
        marker="  - id: asiointiportaali",
    ),
    Case(
        "invalid-resource-id-reports-no-confusing-follow-ups",
        "resources/perusopetus.yaml",
        "id: perusopetus\n",
        "id: Perus Opetus\n",
        "'Perus Opetus' is not a valid id",
        errors=2,  # and the example that named 'perusopetus'
    ),
]


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("built")
    shutil.copytree(SOURCE, folder / "source")
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def built(built_once: Path, tmp_path: Path) -> Path:
    """A scratch source with a good build already in its output/, to show that the build survives."""
    shutil.copytree(built_once, tmp_path, dirs_exist_ok=True)
    return tmp_path


def line_of(text: str, marker: str) -> int:
    assert text.count(marker) == 1, f"test setup: marker {marker!r} must occur once"
    return text[: text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_source_is_reported_at_its_line(built: Path, case: Case) -> None:
    path = built / "source" / case.file
    text = path.read_text("utf-8")
    assert text.count(case.old) == 1, f"test setup: {case.old!r} must occur once in {case.file}"
    broken = text.replace(case.old, case.new)
    path.write_text(broken, "utf-8")
    before = digest(built / "output")

    result = run_cli("build", cwd=built)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    marker = case.marker if case.marker is not None else case.new.split("\n")[0]
    expected = f"source/{case.file}:{line_of(broken, marker)}: "
    lines = [line for line in result.stderr.splitlines() if case.message in line]
    assert lines, f"no line says {case.message!r}:\n{result.stderr}"
    assert lines[0].startswith(expected), f"expected {expected!r}:\n{result.stderr}"
    assert result.stderr.splitlines()[-1].startswith(
        f"{case.errors} error{'' if case.errors == 1 else 's'} in the source; the output folder was not changed"
    )
    assert digest(built / "output") == before


def test_all_errors_are_reported_in_one_run(built: Path) -> None:
    systems = built / "source" / "systems.yaml"
    systems.write_text(systems.read_text("utf-8").replace("  - id: varda\n", "  - id: Varda\n"), "utf-8")
    request = built / "source" / "request.yaml"
    request.write_text(request.read_text("utf-8").replace("    phone: 09 310 8600\n", "    phone: x\n"), "utf-8")
    result = run_cli("build", cwd=built)
    assert result.returncode == 2
    assert "'Varda' is not a valid id" in result.stderr
    assert "'x' is not a phone number" in result.stderr
    assert "there is no system with id 'varda'" in result.stderr  # the references that used it


def test_messages_in_finnish(built: Path) -> None:
    request = built / "source" / "request.yaml"
    request.write_text(
        request.read_text("utf-8").replace("    url: https://asiointi.hel.fi\n", "    url: x\n"), "utf-8"
    )
    result = run_cli("build", cwd=built, env={"KASKO_DCAT_LANG": "fi"})
    assert result.returncode == 2
    assert "'x' ei ole verkko-osoite — kirjoita koko osoite alkaen https:// tai http://" in result.stderr
    assert "tuloskansiota ei muutettu" in result.stderr


def test_messages_in_swedish(built: Path) -> None:
    request = built / "source" / "request.yaml"
    request.write_text(
        request.read_text("utf-8").replace("    url: https://asiointi.hel.fi\n", "    url: x\n"), "utf-8"
    )
    result = run_cli("build", "--lang", "sv", cwd=built)
    assert result.returncode == 2
    assert "'x' är ingen webbadress — skriv hela adressen med början https:// eller http://" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("1 fel i källan; utdatamappen ändrades inte")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty", b"", "source/organisations.yaml: the file is empty"),
        (
            "not-utf8",
            "organisations:\n  - id: helsinki\n    name: {fi: Hels\xe4nki}\n".encode("latin-1"),
            "source/organisations.yaml:3: the file is not UTF-8 text",
        ),
        ("a-list-not-a-block", b"- helsinki\n", "source/organisations.yaml:1: 'organisations.yaml' must be a block"),
    ],
)
def test_unreadable_files(built: Path, name: str, content: bytes, message: str) -> None:
    (built / "source" / "organisations.yaml").write_bytes(content)
    result = run_cli("build", cwd=built)
    assert result.returncode == 2, name
    assert "Traceback" not in result.stderr
    assert message in result.stderr


def test_missing_file(built: Path) -> None:
    (built / "source" / "systems.yaml").unlink()
    result = run_cli("build", cwd=built)
    assert result.returncode == 2
    assert "source/systems.yaml: this file is missing" in result.stderr


def test_missing_source_folder(tmp_path: Path) -> None:
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "there is no source folder at source — run in the repository root or give --source DIR"
    )


def test_bad_base_iri_from_the_command_line(built: Path) -> None:
    for bad in ("ftp://files.example/", "https://kasko.example/{x}/"):
        result = run_cli("build", "--base-iri", bad, cwd=built)
        assert result.returncode == 2
        assert f"'{bad}' cannot be the base IRI" in result.stderr


def test_a_resource_file_with_another_ending_is_not_silently_skipped(built: Path) -> None:
    resources = built / "source" / "resources"
    (resources / "perusopetus.yaml").rename(resources / "perusopetus.yml")
    result = run_cli("build", cwd=built)
    assert result.returncode == 2
    assert "source/resources/perusopetus.yml: this file is not read: only files ending in .yaml are" in result.stderr


def test_a_control_character_is_reported_at_its_line(built: Path) -> None:
    path = built / "source" / "systems.yaml"
    text = path.read_text("utf-8").replace("      fi: Tietovarasto\n", "      fi: Tieto\x07varasto\n")
    path.write_text(text, "utf-8")
    result = run_cli("build", cwd=built)
    assert result.returncode == 2
    line = line_of(text, "      fi: Tieto\x07varasto")
    assert f"source/systems.yaml:{line}: the file contains the control character U+0007" in result.stderr


def test_a_bad_base_iri_option_is_blamed_on_the_option(built: Path) -> None:
    result = run_cli("build", "--base-iri", "https://data.example.fi/kasko", cwd=built)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "--base-iri / KASKO_DCAT_BASE_IRI: 'https://data.example.fi/kasko' cannot be the base IRI"
    )
