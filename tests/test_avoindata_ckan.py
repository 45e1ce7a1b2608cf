"""avoindata.fi's route in: a real CKAN 2.11.5 configured like avoindata.fi harvests ``serve``'s CKAN API.

The portal (``tests/avoindata_portal.py``) is CKAN 2.11.5 with PostgreSQL and Redis from Debian,
ckanext-harvest 1.6.3 and ckanext-scheming 3.1.0 from PyPI, and avoindata.fi's own dataset schema,
presets and validators read from ``../shared/reference/avoindata-fi/ckanext-ytp/`` (GitHub
vrk-kpa/opendata, MIT). Substitutions, all in ``tests/ckan_avoindata/kasko_ckan_avoindata/``:

- avoindata.fi's ``validators.py`` is loaded unchanged, but not the rest of ckanext-ytp (its plugin
  imports a dozen of their extensions); the two functions it calls from their ``plugin.py`` are
  compiled from that file's text; ``tools.check_package_deprecation`` (not in the copy) is ours.
- ckanext-fluent's four validators are our implementation of upstream's behaviour (PyPI's 1.0.0 is
  Python 2 only and lacks ``fluent_core_translated_output``).
- avoindata.fi's harvest fork's ``validate_packages`` option is added to 1.6.3's CKANHarvester.
- No Solr server can be installed here: every search-index write is a no-op (as CKAN's
  ``NoopSearchIndex``), and search is not faked: ``package_search`` and every page that searches
  answer 500. What this proves is the way in (harvest, schema, storage), not search on the portal.

The harvest runs the production path: ``ckan harvester source create``, ``ckan harvester job``, the
``gather-consumer`` and ``fetch-consumer`` reading Redis, and ``ckan harvester run`` until the job is
finished. Slow (a minute or two); skipped when ``.ckan-avoindata-venv`` or the services are missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kasko_dcat.rdf.namespaces import DCAT, RDF

from .avoindata_portal import ORGANIZATION, Portal, avoindata_portal, consumers, missing_prerequisite
from .conftest import ROOT, SOURCE, free_port
from .serving import serving

pytestmark = pytest.mark.skipif(missing_prerequisite() is not None, reason=str(missing_prerequisite()))

# avoindata.fi's harvest-source settings that work: type ckan, the served base, this configuration.
SOURCE_CONFIG = {"validate_packages": True}
REMOVED = "viestintapalveluiden-tietoaineistot"  # a register the changed source no longer has
RENAMED = "kehittamispalveluiden-tietoaineistot"  # a register whose Finnish title the changed source edits
NEW_TITLE = "Kehittämispalveluiden tietoaineistot (päivitetty)"
REQUIRED = ("title_translated", "name", "notes_translated", "keywords", "license_id", "collection_type")
REQUIRED += ("maintainer", "maintainer_email", "owner_org")


def changed_catalogue(root: Path) -> Path:
    """The real source with one register removed and one retitled, built; its N-Triples file."""
    source = root / "source"
    shutil.copytree(SOURCE, source)
    resource = source / "resources" / "toimialan-hallinto.yaml"
    text = resource.read_text(encoding="utf-8")
    block = re.search(rf"\n  - id: {REMOVED}\n(?:    .*\n)+", text)
    assert block, f"{REMOVED} not in {resource}"
    text = text.replace(block.group(0), "\n")
    old = "{fi: Kehittämispalveluiden tietoaineistot,"
    assert old in text
    resource.write_text(text.replace(old, f"{{fi: {NEW_TITLE},"), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "kasko_dcat", "build", "-q", "--source", str(source), "--output", str(root / "out")],
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    return root / "out" / "catalog.nt"


def served_datasets(base: str) -> dict[str, dict[str, Any]]:
    """Every dataset dict ``serve`` gives a harvester, by id (package_search, as CKANHarvester pages it)."""
    found: dict[str, dict[str, Any]] = {}
    while True:
        url = f"{base}api/3/action/package_search?rows=100&start={len(found)}&sort=id+asc"
        with urllib.request.urlopen(url, timeout=60) as answer:
            page = json.load(answer)["result"]["results"]
        if not page:
            return found
        found.update((d["id"], d) for d in page)


def harvest(portal: Portal, source_id: str, label: str) -> dict[str, Any]:
    """One harvest job through ckanext-harvest's production path; the job's report and how long it took."""
    started = time.monotonic()
    with consumers(portal, label):
        portal.ckan("harvester", "job", source_id)
        deadline = time.monotonic() + 600
        while True:
            time.sleep(2)
            portal.ckan("harvester", "run")  # marks the job finished once every object is imported
            job = portal.action("harvest_source_show_status", id=source_id)["last_job"]
            if job and job["status"] == "Finished":
                break
            assert time.monotonic() < deadline, (job, portal.log(f"{label}-gather-consumer")[-3000:])
    report = portal.action("harvest_job_report", id=job["id"])
    seconds = time.monotonic() - started
    print(f"harvest {label}: {seconds:.0f} s, {job['stats']}")  # the figures, with pytest -s
    return {"job": job, "report": report, "seconds": seconds, "log": portal.log(f"{label}-fetch-consumer")}


def source_create(portal: Portal, name: str, url: str, config: dict[str, Any]) -> str:
    portal.ckan(
        "harvester", "source", "create", name, url, "ckan", name, "true", ORGANIZATION, "MANUAL", json.dumps(config)
    )
    return portal.action("harvest_source_show", id=name)["id"]


def on_portal(portal: Portal) -> dict[str, dict[str, Any]]:
    """Every active dataset on the portal, by id, read from PostgreSQL (package_list, package_show)."""
    shown = (portal.action("package_show", id=name) for name in portal.action("package_list"))
    return {d["id"]: d for d in shown if d["type"] == "dataset"}


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with avoindata_portal(tmp_path_factory.mktemp("avoindata")) as running:
        yield running


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return changed_catalogue(tmp_path_factory.mktemp("changed"))


@pytest.fixture(scope="module")
def harvests(portal: Portal, changed: Path) -> dict[str, Any]:
    """Harvests of one served catalogue, in order: by the stock harvester, then with ``validate_packages``
    (first and again), then of the changed source at the same address."""
    port = free_port()
    found: dict[str, Any] = {}
    with serving(port=port) as served:
        found["served"] = served_datasets(served.base)
        stock = source_create(portal, "kasko-stock", served.base, {})
        found["stock"] = harvest(portal, stock, "stock")
        found["stock"]["portal"] = on_portal(portal)
        kasko = source_create(portal, "kasko", served.base, SOURCE_CONFIG)
        found["first"] = harvest(portal, kasko, "first")
        found["first"]["portal"] = on_portal(portal)
        found["again"] = harvest(portal, kasko, "again")
        found["again"]["portal"] = on_portal(portal)
    with serving(catalog=changed, port=port) as served:
        found["changed_served"] = served_datasets(served.base)
        found["changed"] = harvest(portal, kasko, "changed")
        found["changed"]["portal"] = on_portal(portal)
    return found


def stats(run: dict[str, Any]) -> dict[str, int]:
    return {k: v for k, v in run["job"]["stats"].items() if v}


def test_the_stock_harvester_loses_every_dataset_whose_keywords_are_new(harvests: dict[str, Any]):
    """Without ``validate_packages`` (ckanext-harvest 1.6.3 as on PyPI, and the fork's default) the
    keyword validator's ``tag_create`` commits in the middle of the import stage, while the harvest
    object's key to the dataset not yet created is deferred: the commit fails and the dataset is lost."""
    run = harvests["stock"]
    assert stats(run) == {"errored": len(harvests["served"])}, run["report"]
    assert run["portal"] == {}
    # avoindata.fi's create_vocabulary logs the failed commit and returns None; add_to_vocab then asserts.
    messages = {e["message"] for o in run["report"]["object_errors"].values() for e in o["errors"]}
    assert messages == {"AssertionError()"}, messages
    failed_commit = 'violates foreign key constraint "harvest_object_package_id_fkey"'
    assert "ERROR [kasko_ckan_avoindata.ytp_reference.plugin] (psycopg2.errors.ForeignKeyViolation)" in run["log"]
    assert failed_commit in run["log"]


def test_every_dataset_arrives_once_and_passes_the_schema(harvests: dict[str, Any], graph: Graph):
    run, served = harvests["first"], harvests["served"]
    assert len(served) == len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 28
    assert stats(run) == {"added": len(served)}, run["report"]
    assert run["portal"].keys() == served.keys()  # every one, once, under the id serve gave it
    names = [d["name"] for d in run["portal"].values()]
    assert sorted(names) == sorted(d["name"] for d in served.values())


def test_the_portal_holds_what_serve_gave(harvests: dict[str, Any], portal: Portal):
    """Required fields in fi (and sv, en where the source has them), the § 28 content in extras, the
    resources with their url: package_show on the portal equals what serve offered, field by field."""
    organization = portal.action(
        "organization_show", id=ORGANIZATION, include_dataset_count=False, include_groups=False
    )
    for key, offered in harvests["served"].items():
        stored = harvests["first"]["portal"][key]
        for name in REQUIRED:
            assert stored[name], (stored["name"], name)
        for name in ("title_translated", "notes_translated", "keywords"):
            assert stored[name] == offered[name], (stored["name"], name)
            assert set(stored[name]) == {"fi", "sv", "en"}  # the source has all three everywhere
        assert stored["title"] == offered["title_translated"]["fi"]  # the portal's language
        assert stored["notes"] == offered["notes_translated"]["fi"]
        for name in ("license_id", "collection_type", "maintainer", "maintainer_email", "maintainer_website"):
            assert stored[name] == offered[name], (stored["name"], name)
        assert stored["owner_org"] == organization["id"]  # the harvest source's organisation
        assert {e["key"]: e["value"] for e in stored["extras"]} == {e["key"]: e["value"] for e in offered["extras"]}
        assert len(stored["resources"]) == len(offered["resources"]) >= 1
        for kept, given in zip(stored["resources"], offered["resources"], strict=True):
            assert kept["url"] and kept["url"] == given["url"]
            assert kept["name_translated"] == given["name_translated"]
            assert kept["description_translated"] == given["description_translated"]
    basic = next(d for d in harvests["first"]["portal"].values() if d["name"] == "perusopetus")
    section_28 = {"information_systems", "request_examples", "applicable_legislation", "data_groups", "has_part"}
    assert section_28 <= {e["key"] for e in basic["extras"]}


def test_a_second_harvest_updates_without_duplicates(harvests: dict[str, Any]):
    """serve gives no ``metadata_modified`` (the source has no dates), so CKANHarvester updates each dataset."""
    run = harvests["again"]
    assert stats(run) == {"updated": len(harvests["served"])}, run["report"]
    assert run["portal"].keys() == harvests["first"]["portal"].keys()


def test_a_changed_source_updates_and_a_removed_dataset_stays(harvests: dict[str, Any]):
    """ckanext-harvest 1.6.3's CKANHarvester has no deletion: a dataset gone from the source stays on the
    portal, active, and the job does not report it. Removing it is for ``publish --ckan`` or the portal."""
    run, served = harvests["changed"], harvests["changed_served"]
    assert len(served) == len(harvests["served"]) - 1
    assert stats(run) == {"updated": len(served)}, run["report"]
    by_name = {d["name"]: d for d in run["portal"].values()}
    assert by_name[RENAMED]["title_translated"]["fi"] == by_name[RENAMED]["title"] == NEW_TITLE
    assert by_name[REMOVED]["state"] == "active"
    assert run["portal"].keys() == harvests["first"]["portal"].keys()


def test_without_a_search_server_search_and_the_dataset_page_fail(harvests: dict[str, Any], portal: Portal):
    """Not worked around: the dataset page counts the organisation's datasets by search, so it answers 500."""
    status, answer = portal.call("package_search", q="perusopetus")
    assert (status, answer["error"]["__type"]) == (500, "Search Connection Error")
    assert portal.get("dataset/perusopetus") == 500
    tail = portal.log("ckan")[-20000:]
    assert "in get_organization" in tail and "SolrConnectionError" in tail


@pytest.fixture(scope="module")
def publish_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """A second portal of the same configuration, empty, for ``publish --ckan``."""
    with avoindata_portal(tmp_path_factory.mktemp("avoindata-publish")) as running:
        yield running


def publish(portal: Portal, *options: str) -> subprocess.CompletedProcess[str]:
    """``kasko-dcat publish --ckan`` with the sysadmin's token in ``KASKO_DCAT_CKAN_TOKEN``."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "kasko_dcat",
            "publish",
            "--ckan",
            portal.base,
            "--organization",
            ORGANIZATION,
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env={**os.environ, "KASKO_DCAT_CKAN_TOKEN": portal.token, "KASKO_DCAT_LANG": "en"},
        check=False,
    )


@pytest.fixture(scope="module")
def publications(publish_portal: Portal, changed: Path) -> dict[str, Any]:
    """``publish --ckan`` in order: the catalogue, the same again, the changed source, the same again."""
    found: dict[str, Any] = {}
    for step, catalog in (("first", None), ("again", None), ("changed", changed), ("changed again", changed)):
        started = time.monotonic()
        result = publish(publish_portal, *(["--catalog", str(catalog)] if catalog else []))
        print(f"publish {step}: {time.monotonic() - started:.0f} s")  # the figures, with pytest -s
        found[step] = {"result": result, "out": result.stdout + result.stderr, "portal": on_portal(publish_portal)}
    return found


def test_publish_creates_every_dataset_and_the_portal_takes_them(publications: dict[str, Any], graph: Graph):
    run = publications["first"]
    assert run["result"].returncode == 0, run["out"]
    datasets = len(set(graph.subjects(RDF.type, DCAT.Dataset)))
    assert f"created {datasets}, updated 0, removed 0, 0 unchanged" in run["out"]
    assert "every dataset was read back and matches" in run["out"]
    assert len(run["portal"]) == datasets
    for stored in run["portal"].values():
        for name in REQUIRED:
            assert stored[name], (stored["name"], name)
        assert set(stored["title_translated"]) == set(stored["notes_translated"]) == {"fi", "sv", "en"}
        assert set(stored["keywords"]) == {"fi", "sv", "en"}
        assert all(resource["url"] for resource in stored["resources"])


def test_publish_again_changes_nothing(publications: dict[str, Any]):
    for step, before in (("again", "first"), ("changed again", "changed")):
        run = publications[step]
        assert run["result"].returncode == 0, run["out"]
        assert "nothing changed" in run["out"]
        stamps = {k: d["metadata_modified"] for k, d in run["portal"].items()}
        assert stamps == {k: d["metadata_modified"] for k, d in publications[before]["portal"].items()}


def test_publish_updates_what_changed_and_removes_what_the_source_dropped(publications: dict[str, Any]):
    run = publications["changed"]
    out = run["out"]
    assert run["result"].returncode == 0, out
    assert f"removed {REMOVED}" in out and f"updated {RENAMED}" in out
    by_name = {d["name"]: d for d in run["portal"].values()}
    assert REMOVED not in by_name  # package_delete: no longer active
    assert by_name[RENAMED]["title"] == by_name[RENAMED]["title_translated"]["fi"] == NEW_TITLE
    assert len(by_name) == len(publications["first"]["portal"]) - 1


def test_the_portal_refuses_what_avoindata_fi_s_schema_refuses(portal: Portal):
    """The schema is really in force: a dataset without a Finnish title or keywords, a licence or a
    resource url is refused with avoindata.fi's own validators' errors, and nothing is saved. An empty
    ``maintainer_email`` passes: the schema's ``not_empty`` runs after ``repeating_text`` has turned
    ``[]`` into the text ``"[]"``, so that requirement is the publisher's to keep (``kasko-dcat gaps``)."""
    with serving() as served:
        offered = dict(next(iter(served_datasets(served.base).values())))
    for field in ("id", "metadata_modified", "metadata_created", "groups"):
        offered.pop(field, None)
    bad = {
        **offered,
        "name": "kasko-schema-probe",
        "owner_org": ORGANIZATION,
        "title_translated": {"sv": offered["title_translated"]["sv"]},
        "keywords": {"sv": offered["keywords"]["sv"]},
        "license_id": "",
        "maintainer_email": [],
        "resources": [{**offered["resources"][0], "url": ""}],
    }
    status, answer = portal.call("package_create", **bad)
    assert status == 409 and answer["error"]["__type"] == "Validation Error", answer
    errors = answer["error"]
    assert errors["title_translated"] == errors["keywords"] == ['Required language "fi" missing']  # ytp's
    assert errors["license_id"] and errors["resources"][0]["url"]  # not_empty (messages in Finnish)
    assert "maintainer_email" not in errors
    assert portal.call("package_show", id="kasko-schema-probe")[0] == 404
