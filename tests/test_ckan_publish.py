"""``publish --ckan`` through the command: create, update, remove, nothing changed, dry run, read-back, secrecy.

The portal is :mod:`tests.ckan_fake`, a stand-in that keeps the CKAN behaviour publishing relies
on; the same command against a real CKAN 2.11.5 configured like avoindata.fi is in
``tests/ckan_avoindata/``.
"""

from __future__ import annotations

import base64
import html
import http.server
import json
from pathlib import Path
from urllib.parse import quote

import pytest

from .ckan_fake import FakeCkan, Refused, fake_ckan
from .conftest import ROOT, local_server, run_cli

CATALOG = ROOT / "output" / "catalog.nt"
BASE = "https://kasko.example/"
TOKEN = "tok/en+with#odd&chars=1"
REGISTER = "kuraattorien-yksilokohtainen-rekisteri"
ENV = {"KASKO_DCAT_CKAN_TOKEN": TOKEN}


def publish(url: str, *options: str, catalog: Path = CATALOG, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_cli(
        "publish",
        "--ckan",
        url,
        "--organization",
        "kasko-org",
        "--catalog",
        str(catalog),
        "--attempts",
        "1",
        *options,
        cwd=ROOT,
        env=ENV if env is None else env,
    )
    return result.returncode, result.stdout + result.stderr


def lines_starting(out: str, prefix: str) -> int:
    return sum(line.startswith(prefix) for line in out.splitlines())


def catalogue_without(tmp_path: Path, name: str) -> Path:
    """The built catalogue with dataset ``name`` (and every statement naming it) taken out."""
    iri = f"<{BASE}dataset/{name}"
    lines = [
        line for line in CATALOG.read_text("utf-8").splitlines() if f"{iri}>" not in line and f"{iri}/" not in line
    ]
    path = tmp_path / "smaller.nt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def catalogue_retitled(tmp_path: Path) -> Path:
    text = CATALOG.read_text("utf-8")
    old = '"Perusopetuksen tietovaranto"@fi'
    assert old in text
    path = tmp_path / "retitled.nt"
    path.write_text(text.replace(old, '"Perusopetuksen tietovaranto (uusi nimi)"@fi'), "utf-8")
    return path


def test_create_then_nothing_changed_then_update_then_remove(tmp_path: Path) -> None:
    portal = FakeCkan(token=TOKEN)
    portal.seed("kasin-tehty", "kasko-org")  # made by hand on the portal: never removed
    with fake_ckan(portal) as url:
        code, out = publish(url)
        assert code == 0, out
        created = [name for name, p in portal.packages.items() if name != "kasin-tehty"]
        assert len(created) == 28 and lines_starting(out, "created ") == 28
        assert "created 28, updated 0, removed 0, 0 unchanged; every dataset was read back and matches" in out
        assert all(p["owner_org"] == "id-kasko-org" for p in portal.packages.values())
        stored = portal.packages["perusopetus"]
        assert stored["title_translated"]["fi"] == "Perusopetuksen tietovaranto"  # type: ignore[index]
        assert stored["resources"][0]["url"] == "https://asiointi.hel.fi"  # type: ignore[index]

        writes = len(portal.writes)
        code, out = publish(url)
        assert code == 0, out
        assert "nothing changed: the 28 datasets" in out and len(portal.writes) == writes

        code, out = publish(url, catalog=catalogue_retitled(tmp_path))
        assert code == 0, out
        # the title changed on the resource and where its registers name the whole they are part of
        parts = sorted(
            name
            for name, p in portal.packages.items()
            if any(e["key"] == "is_part_of" and '"name": "perusopetus"' in e["value"] for e in p["extras"])  # type: ignore[attr-defined, index]
        )
        assert len(parts) == 4
        updated = sorted(line.removeprefix("updated ") for line in out.splitlines() if line.startswith("updated "))
        assert updated == sorted(["perusopetus", *parts])
        assert "created 0, updated 5, removed 0, 23 unchanged" in out
        assert portal.packages["perusopetus"]["title"] == "Perusopetuksen tietovaranto (uusi nimi)"

        code, out = publish(url, catalog=catalogue_without(tmp_path, REGISTER))
        assert code == 0, out
        assert f"removed {REGISTER} (the source no longer has it)" in out
        assert portal.packages[REGISTER]["state"] == "deleted"
        assert portal.packages["kasin-tehty"]["state"] == "active"

        code, out = publish(url)  # the register is back in the source: the deleted dataset comes back
        assert code == 0, out
        assert f"updated {REGISTER}" in out and portal.packages[REGISTER]["state"] == "active"


def test_dry_run_writes_nothing_and_needs_no_token(tmp_path: Path) -> None:
    portal = FakeCkan(token=TOKEN)
    with fake_ckan(portal) as url:
        code, out = publish(url, "--dry-run", env={})
        assert code == 0, out
        assert lines_starting(out, "would create ") == 28 and portal.packages == {} and portal.writes == []
        assert "dry run, nothing was written" in out and "would create 28, update 0 and remove 0 datasets" in out
        publish(url)
        code, out = publish(url, "--dry-run", catalog=catalogue_without(tmp_path, REGISTER), env={})
        assert code == 0 and f"would remove {REGISTER}" in out
        assert portal.packages[REGISTER]["state"] == "active"


def test_without_a_token_nothing_is_sent() -> None:
    portal = FakeCkan(token=TOKEN)
    with fake_ckan(portal) as url:
        code, out = publish(url, env={})
    assert code == 2
    assert "KASKO_DCAT_CKAN_TOKEN is not set" in out and portal.writes == []


def test_the_token_is_never_printed_even_when_the_portal_echoes_it() -> None:
    portal = FakeCkan(token="the-right-one", echo_auth=True)
    with fake_ckan(portal) as url:
        code, out = publish(url)
    assert code == 4
    assert "Access denied (got ***)" in out
    assert TOKEN not in out and quote(TOKEN, safe="") not in out and "tok/en" not in out


@pytest.mark.parametrize("form", ["raw", "json", "html", "base64", "hex"])
def test_the_token_is_not_printed_in_any_form_a_validation_error_echoes(form: str) -> None:
    echoed = {
        "raw": TOKEN,
        "json": json.dumps(TOKEN)[1:-1],
        "html": html.escape(TOKEN),
        "base64": base64.b64encode(TOKEN.encode()).decode(),
        "hex": TOKEN.encode().hex(),
    }[form]

    def refuse(stored: dict[str, object]) -> None:
        raise Refused(echoed)

    portal = FakeCkan(token=TOKEN, refuse=refuse)
    with fake_ckan(portal) as url:
        code, out = publish(url)
    assert code == 4 and "the portal refused package_create (HTTP 409)" in out and "***" in out
    assert echoed not in out and "tok/en" not in out


def test_a_token_in_the_address_is_refused_without_echoing_it() -> None:
    code, out = publish(f"http://kasko:{TOKEN}@127.0.0.1:9/")
    assert code == 2 and "the --ckan address holds a user name or password" in out
    assert "tok/en" not in out


def test_a_name_taken_by_another_organisation_is_left_alone() -> None:
    portal = FakeCkan(token=TOKEN)
    portal.seed("perusopetus", "other-org")
    with fake_ckan(portal) as url:
        code, out = publish(url)
    assert code == 4
    assert "datasets of another organisation than kasko-org already have these names" in out
    assert "perusopetus" in out and portal.packages["perusopetus"]["owner_org"] == "id-other-org"


def test_a_value_the_portal_changes_fails_the_read_back() -> None:
    def drop_swedish(stored: dict[str, object]) -> None:
        stored["notes_translated"] = {"fi": stored["notes_translated"]["fi"]}  # type: ignore[index]

    portal = FakeCkan(token=TOKEN, alter=drop_swedish)
    with fake_ckan(portal) as url:
        code, out = publish(url)
    assert code == 1
    assert "read back from the portal, differs from what was sent in: notes_translated" in out


def test_without_a_search_index_the_organisations_datasets_are_listed_from_the_database(tmp_path: Path) -> None:
    portal = FakeCkan(token=TOKEN, search=False)
    with fake_ckan(portal) as url:
        assert publish(url)[0] == 0
        code, out = publish(url, catalog=catalogue_without(tmp_path, REGISTER))
    assert code == 0, out
    assert f"removed {REGISTER}" in out and portal.packages[REGISTER]["state"] == "deleted"


def test_an_unknown_organisation_is_a_user_error() -> None:
    portal = FakeCkan(token=TOKEN, organizations=("somebody-else",))
    with fake_ckan(portal) as url:
        code, out = publish(url)
    assert code == 2 and "has no organisation kasko-org" in out


class _NotCkan(http.server.BaseHTTPRequestHandler):
    """A web server's own 404 page, as at a --ckan address that is not the portal's root."""

    def do_GET(self) -> None:
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


def test_an_address_that_is_not_ckans_api_is_said_so_not_taken_for_a_missing_organisation() -> None:
    with local_server(_NotCkan) as base:
        code, out = publish(f"{base}/wrong/")
    assert code == 4 and "did not answer organization_show as CKAN's Action API does (HTTP 404)" in out, out
    assert "has no organisation" not in out


def test_a_portal_that_cannot_be_reached_is_exit_4() -> None:
    code, out = publish("http://127.0.0.1:9/")
    assert code == 4 and "could not reach http://127.0.0.1:9/api/3/action/organization_show" in out


def test_the_options_of_the_two_routes_do_not_mix() -> None:
    both = run_cli("publish", "--ckan", "http://x/", "--organization", "o", "--endpoint", "http://y/store", cwd=ROOT)
    assert both.returncode == 2 and "both were given" in both.stderr
    neither = run_cli("publish", cwd=ROOT, env={"KASKO_DCAT_PUBLISH_ENDPOINT": ""})
    assert neither.returncode == 2 and "publish needs somewhere to publish to" in neither.stderr
    no_org = run_cli("publish", "--ckan", "http://x/", cwd=ROOT)
    assert no_org.returncode == 2 and "--ckan needs --organization" in no_org.stderr
    stray = run_cli("publish", "--endpoint", "http://y/store", "--dry-run", cwd=ROOT)
    assert stray.returncode == 2 and "--organization and --dry-run only go with --ckan" in stray.stderr


def test_help_in_every_language_names_the_token_variable() -> None:
    for lang in ("en", "fi", "sv"):
        result = run_cli("publish", "--help", "--lang", lang, cwd=ROOT)
        assert result.returncode == 0
        assert "KASKO_DCAT_CKAN_TOKEN" in result.stdout and "--organization" in result.stdout
