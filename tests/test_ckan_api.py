"""The CKAN face of ``serve``: avoindata.fi's dataset dicts, and the Action API as CKAN harvesters call it.

The required fields are read from avoindata.fi's real schema (``../shared/reference/avoindata-fi``,
skipped with the reason where it is missing); the API is asked over HTTP of a running ``serve``
the way ckanext-harvest 1.6.3's ``CKANHarvester`` asks it (``package_search`` with ``fq``,
``rows``, ``start``, ``sort=id asc``; ``package_show``; ``organization_show``).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kasko_dcat import api
from kasko_dcat.ckan.dicts import (
    CHOICES,
    DATASET_ROWS,
    EXTRA_ROWS,
    LANGS,
    REQUIRED,
    RESOURCE_ROWS,
    TAG,
    Reader,
    all_text,
)
from kasko_dcat.model.description import read_source
from kasko_dcat.model.graph import build_graph
from kasko_dcat.query import sparql
from kasko_dcat.rdf.formats import by_suffix
from kasko_dcat.rdf.namespaces import TVK
from kasko_dcat.serve import views

from .conftest import ROOT, SHARED, SOURCE, run_cli
from .serving import Served, serving
from .test_determinism import write_reordered

SCHEMAS = SHARED / "reference" / "avoindata-fi" / "ckanext-ytp" / "schemas"
CATALOG = ROOT / "output" / "catalog.nt"
DATED = {"perusopetus": "2026-03-01", "toimialan-hallinto": "2025-01-15"}
NAME = re.compile(r"[a-z0-9_-]{2,100}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")


def call(served: Served, action: str, **params: object) -> tuple[int, dict]:
    url = f"{served.base}api/3/action/{action}?{urllib.parse.urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The built catalogue with dates on two datasets (the seed states none), served."""
    lines = CATALOG.read_text("utf-8")
    for name, day in DATED.items():
        lines += (
            f"<https://kasko.example/dataset/{name}> <http://purl.org/dc/terms/modified> "
            f'"{day}"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
        )
    path = tmp_path_factory.mktemp("dated") / "catalog.nt"
    path.write_text(lines, "utf-8")
    with serving(catalog=path) as found:
        yield found


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader(views.open_served(CATALOG, None))


def schema() -> dict:
    if not SCHEMAS.is_dir():
        pytest.skip(f"avoindata.fi's schema is not at {SCHEMAS} (../shared is missing)")
    return json.loads((SCHEMAS / "dataset.json").read_text("utf-8"))


def required_by_schema() -> set[str]:
    """Fields dataset.json (with its presets) makes required: ``required``, fi required, or ``not_empty``."""
    fields = schema()["dataset_fields"]  # skips without ../shared
    presets = json.loads((SCHEMAS / "presets.json").read_text("utf-8"))["presets"]
    preset_validators = {p["preset_name"]: p["values"].get("validators", "") for p in presets}
    found = set()
    for field in fields:
        validators = field.get("validators") or preset_validators.get(field.get("preset", ""), "")
        if field.get("required") or field.get("only_default_lang_required") or "not_empty" in validators.split():
            found.add(field["field_name"])
    return found


def test_the_required_fields_are_avoindata_fis_own(reader: Reader) -> None:
    # owner_org: the schema's validator allows none, but avoindata.fi sets create_unowned_dataset = false
    assert required_by_schema() == set(REQUIRED) - {"owner_org"}


def test_every_dataset_dict_passes_avoindata_fis_required_fields_and_choices(served: Served) -> None:
    fields = {f["field_name"]: f for f in schema()["dataset_fields"]}
    status, answer = call(served, "package_search", rows=1000)
    assert status == 200 and answer["result"]["count"] == 28
    for dataset in answer["result"]["results"]:
        for name in REQUIRED:
            value = dataset[name]
            assert value, (dataset["name"], name)
            if fields.get(name, {}).get("only_default_lang_required"):
                assert value["fi"], (dataset["name"], name)
                assert set(value) <= set(fields[name]["form_languages"])
        assert NAME.fullmatch(dataset["name"])
        assert dataset["type"] == "dataset"
        assert dataset["collection_type"] in {c["value"] for c in fields["collection_type"]["choices"]}
        assert dataset["license_id"] == "notspecified"
        assert all(EMAIL.fullmatch(address) for address in dataset["maintainer_email"])
        assert all(TAG.fullmatch(word) for words in dataset["keywords"].values() for word in words)
        extras = {e["key"]: e["value"] for e in dataset["extras"]}
        for lang in ("sv", "en"):  # the source has every text in three languages
            assert dataset["title_translated"][lang] and dataset["notes_translated"][lang] and dataset["keywords"][lang]
        rights = [r["rights"] for r in dataset["resources"]]
        assert rights and all("asiointi.hel.fi" in text and "621/1999" in text for text in rights)
        assert "NON_PUBLIC" in extras.get("access_rights", "NON_PUBLIC")  # where the source states it
        assert dataset["resources"], dataset["name"]
        for resource in dataset["resources"]:
            assert resource["url"].startswith(("https://", "http://"))
            assert resource["name_translated"]["fi"]
        assert extras["uri"] == f"{served.base}dataset/{dataset['name']}"


def test_nothing_the_rdf_says_about_a_dataset_is_lost(reader: Reader) -> None:
    """Every value of every statement about a dataset (and what is minted under it) is in its dict."""
    store = reader.catalogue.store
    for iri, dataset in reader.datasets.items():
        texts = set(all_text(dataset))
        statements = list(reader.catalogue.describe(iri))
        for example in store.quads_for_pattern(None, ox.NamedNode(str(TVK.appliesTo)), ox.NamedNode(iri)):
            statements += reader.catalogue.describe(example.subject.value)
        assert len(statements) > 20
        lost = [(str(s.predicate), s.object.value) for s in statements if s.object.value not in texts]
        assert lost == [], (iri, lost)


def test_the_request_examples_and_search_keys_are_in_the_registers_they_apply_to(reader: Reader) -> None:
    register = reader.datasets[f"{reader.catalogue.base}dataset/kuraattorien-yksilokohtainen-rekisteri"]
    extras = {e["key"]: json.loads(e["value"]) if e["value"][:1] in "[{" else e["value"] for e in register["extras"]}
    (example,) = extras["request_examples"]
    keys = {k["label"]["fi"] for k in example["tvk:searchKey"]}
    assert "asiakaskertomus" in keys and len(keys) == 7
    assert {s["identifier"] for s in example["tvk:informationSystem"]} == {"oppilashuolto"}
    assert len(example["tvk:requestChannel"]) == 2
    assert extras["is_part_of"][0]["name"] == "perusopetus"


def test_package_search_pages_like_ckan_harvester_without_loss_or_repeat(served: Served) -> None:
    seen: list[str] = []
    start = 0
    while True:
        status, answer = call(served, "package_search", rows=5, start=start, sort="id asc", fq="organization:kasko")
        assert status == 200 and answer["success"] and answer["help"].endswith("help_show?name=package_search")
        page = answer["result"]["results"]
        if not page:
            break
        seen += [d["id"] for d in page]
        start += 5
    assert len(seen) == 28 and seen == sorted(seen) and len(set(seen)) == 28


def test_fq_filters_as_the_harvester_writes_them(served: Served) -> None:
    def count(**params: object) -> int:
        status, answer = call(served, "package_search", **params)
        assert status == 200, answer
        return int(answer["result"]["count"])

    assert count(fq="organization:kasko") == 28
    assert count(fq="organization:nobody") == 0
    assert count(fq="-organization:kasko") == 0
    assert count(fq="organization:nobody OR organization:kasko") == 28
    # undated datasets (26) are in every range, so an incremental harvest never misses them
    assert count(fq="metadata_modified:[2026-01-01T00:00:00Z TO *]") == 27
    assert count(fq="organization:kasko metadata_modified:[2025-12-06T11:47:12.123456Z TO *]") == 27
    assert count(fq="metadata_modified:[* TO 2025-06-01T00:00:00Z]") == 27
    assert count(fq="metadata_modified:[2024-01-01T00:00:00Z TO NOW]") == 28
    assert count(q="oppilashuolto") == 5
    assert count(q="pupil welfare") == count(q="elevvård") == 5
    assert count(q="name:perusopetus") == 1
    assert count(fq="groups:educ") + count(fq="-groups:educ") == 28
    assert count(fq="+dataset_type:dataset +capacity:public") == 28


def test_sort_by_date_puts_the_undated_last_and_ties_by_id(served: Served) -> None:
    _, answer = call(served, "package_search", rows=1000, sort="metadata_modified desc")
    names = [d["name"] for d in answer["result"]["results"]]
    assert names[:2] == ["perusopetus", "toimialan-hallinto"]
    assert answer["result"]["results"][0]["metadata_modified"] == "2026-03-01T00:00:00"
    undated = answer["result"]["results"][2:]
    assert all("metadata_modified" not in d for d in undated) and [d["id"] for d in undated] == sorted(
        d["id"] for d in undated
    )
    _, answer = call(served, "package_search", rows=3, sort="name desc")
    assert [d["name"] for d in answer["result"]["results"]] == sorted(names, reverse=True)[:3]


def test_package_show_by_name_or_id_organization_and_group(served: Served) -> None:
    status, by_name = call(served, "package_show", id="perusopetus")
    assert status == 200
    status, by_id = call(served, "package_show", id=by_name["result"]["id"])
    assert status == 200 and by_id["result"] == by_name["result"]
    organisation = by_name["result"]["organization"]
    for key in (organisation["name"], organisation["id"]):
        status, answer = call(served, "organization_show", id=key, include_dataset_count="false")
        assert status == 200 and answer["result"]["title_translated"]["fi"] == "Kasvatuksen ja koulutuksen toimiala"
        assert "package_count" not in answer["result"]
    assert call(served, "organization_list")[1]["result"] == ["kasko"]
    assert call(served, "organization_show", id="kasko")[1]["result"]["package_count"] == 28
    assert call(served, "group_list")[1]["result"] == ["educ", "gove"]  # the datasets' EU data themes
    status, group = call(served, "group_show", id="educ", include_datasets="true")
    assert status == 200 and len(group["result"]["packages"]) == group["result"]["package_count"] > 20
    assert [d["id"] for d in call(served, "license_list")[1]["result"]] == ["notspecified"]
    assert call(served, "package_list")[1]["result"] == sorted(call(served, "package_list")[1]["result"])
    assert call(served, "status_show")[1]["result"]["locale_default"] == "fi"


def test_errors_in_ckans_envelope_and_status(served: Served) -> None:
    cases = [
        ("package_show", {"id": "no-such-dataset"}, 404, "Not Found Error"),
        ("package_show", {}, 409, "Validation Error"),
        ("package_search", {"rows": "many"}, 409, "Validation Error"),
        # as CKAN 2.11's views/api.py: what Solr refuses is a 409 Search Error, a sort order a 400 Search Query Error
        ("package_search", {"fq": "colour:blue"}, 409, "Search Error"),
        ("package_search", {"sort": "colour asc"}, 409, "Search Error"),
        ("package_search", {"sort": "name upwards"}, 400, "Search Query Error"),
        ("package_search", {"fq": "metadata_modified:[yesterday TO *]"}, 409, "Search Error"),
        ("organization_show", {"id": "nobody"}, 404, "Not Found Error"),
        ("package_search", {"q": " ".join(["word"] * 101)}, 400, "Search Query Error"),
        ("package_search", {"sort": ",".join(["id asc"] * 7)}, 400, "Search Query Error"),
        ("package_create", {}, 403, "Authorization Error"),
        ("no_such_action", {}, 400, "Bad Request"),
    ]
    for action, params, status, kind in cases:
        found, answer = call(served, action, **params)
        assert (found, answer["success"], answer["error"]["__type"]) == (status, False, kind), (action, answer)
        assert answer["help"] == f"{served.base}api/3/action/help_show?name={action}"


def test_answers_are_cached_with_an_etag_and_posted_json_is_read(served: Served) -> None:
    url = f"{served.base}api/3/action/package_show?id=perusopetus"
    with urllib.request.urlopen(url, timeout=30) as first:
        etag, body = first.headers["ETag"], first.read()
    request = urllib.request.Request(url, headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(request, timeout=30)
    assert not_modified.value.code == 304
    posted = urllib.request.Request(
        f"{served.base}api/3/action/package_show",
        data=json.dumps({"id": "perusopetus"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(posted, timeout=30) as answer:
        assert answer.read() == body


def _dicts_of(source: Path) -> dict[str, dict]:
    ntriples = by_suffix("catalog.nt")
    assert ntriples is not None and ntriples.serialize is not None
    store = sparql.load(ntriples.serialize(build_graph(read_source(source))))
    return {d["name"]: d for d in Reader(views.index_built(store, source)).datasets.values()}


def test_ids_and_names_are_stable_across_builds_reordering_and_where_it_is_served(tmp_path: Path) -> None:
    original = _dicts_of(SOURCE)
    write_reordered(tmp_path, 17)
    reordered = _dicts_of(tmp_path)
    assert json.dumps(reordered, sort_keys=True) == json.dumps(original, sort_keys=True)
    assert _dicts_of(SOURCE) == original  # a second build
    elsewhere = Reader(views.open_served(CATALOG, "http://127.0.0.1:9999/x/")).datasets.values()
    assert {d["name"]: d["id"] for d in elsewhere} == {name: d["id"] for name, d in original.items()}


def test_gaps_reports_the_licence_avoindata_fi_requires(tmp_path: Path) -> None:
    result = run_cli("gaps", cwd=ROOT)
    assert result.returncode == 0
    assert (
        "source/catalog.yaml:46: avoindata.fi requires a licence (license_id) and the source states none, "
        "so the CKAN route sends 'notspecified' (License not specified)" in result.stdout
    )
    assert len([g for g in api.gaps(SOURCE) if g.code == "gap-ckan-required"]) == 0


def test_a_dataset_without_finnish_keywords_is_a_gap(scratch: Path) -> None:
    path = scratch / "source" / "resources" / "perusopetus.yaml"
    text = path.read_text("utf-8")
    text = re.sub(r"(?m)^(keywords:\n  fi:) \[[^\]]*\]", r"\1 []", text, count=1)
    path.write_text(text, "utf-8")
    lines = run_cli("gaps", cwd=scratch).stdout.splitlines()
    assert any(
        "avoindata.fi's schema requires 'keywords' of every dataset, and the source gives none for 'perusopetus'"
        in line
        for line in lines
    ), lines


def test_languages_are_avoindata_fis() -> None:
    assert set(schema()["dataset_fields"][0]["form_languages"]) == set(LANGS)


def test_the_readme_names_every_mapped_field() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Getting into avoindata.fi") : readme.index("## Import")]
    fields = [row.field for row in (*DATASET_ROWS, *EXTRA_ROWS, *RESOURCE_ROWS)] + [c.field for c in CHOICES]
    assert [field for field in fields if f"`{field}`" not in section] == []


def test_a_resource_format_is_the_short_code_ckan_shows_and_its_iri_is_kept(tmp_path: Path) -> None:
    # the seed states no format; avoindata.fi's format validators upper-case what they get, so a JSON text
    # of the link would become nonsense on the portal
    distribution = "<https://kasko.example/dataset/perusopetus/information-request>"
    path = tmp_path / "catalog.nt"
    path.write_text(
        CATALOG.read_text("utf-8")
        + f"{distribution} <http://purl.org/dc/terms/format> "
        + "<http://publications.europa.eu/resource/authority/file-type/PDF> .\n",
        "utf-8",
    )
    dicts = {d["name"]: d for d in Reader(views.open_served(path, None)).datasets.values()}
    resource = dicts["perusopetus"]["resources"][0]
    assert resource["format"] == "PDF"
    assert resource["format_uri"] == "http://publications.europa.eu/resource/authority/file-type/PDF"
    assert "format" not in dicts["toimialan-hallinto"]["resources"][0]
