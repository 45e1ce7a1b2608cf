"""CKAN's real DCAT parser harvests the served catalogue page by page: every dataset once, complete.

ckanext-dcat 2.4.4 with the ``euro_dcat_ap_3`` profile runs in its own virtual environment
(``.ckan-venv``, made by ``.ci/run``) over every page ``serve`` gives, following ``hydra:next``,
once as a portal whose default language is Finnish (avoindata.fi) and once English. Plain CKAN
keeps one text per field, in the portal's language; keywords of every language become tags.
"""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict

import pytest
from rdflib import Graph, Literal, URIRef

from kasko_dcat.rdf.namespaces import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, VCARD

from .conftest import ROOT
from .serving import serving

CKAN_PYTHON = ROOT / ".ckan-venv" / "bin" / "python"
PAGE_SIZE = 10
BUILT_BASE = "https://kasko.example/"

pytestmark = pytest.mark.skipif(
    not CKAN_PYTHON.exists(),
    reason="no CKAN environment: .ci/run makes .ckan-venv (ckan[requirements]==2.12.0, ckanext-dcat==2.4.4)",
)


@pytest.fixture(scope="module")
def harvests() -> dict[str, dict]:
    """One harvest per portal language, of one server with pages of ten datasets."""
    found = {}
    with serving("--page-size", str(PAGE_SIZE)) as served:
        for locale in ("fi", "en"):
            result = subprocess.run(
                [str(CKAN_PYTHON), str(ROOT / "tests" / "ckan_harvest.py"), served.base + "catalog", locale],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            assert result.returncode == 0, result.stderr[-3000:]
            found[locale] = {**json.loads(result.stdout), "base": served.base}
    return found


def text(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> str:
    values = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == lang]
    assert len(values) == 1, (subject, predicate, lang, values)
    return str(values[0])


@pytest.mark.parametrize("locale", ["fi", "en"])
def test_every_dataset_arrives_once_in_the_portal_language(harvests: dict[str, dict], graph: Graph, locale: str):
    harvest = harvests[locale]
    assert harvest["problems"] == []
    datasets = sorted(str(d) for d in graph.subjects(RDF.type, DCAT.Dataset))
    assert len(harvest["pages"]) == -(-len(datasets) // PAGE_SIZE) == 3
    served = [d["uri"] for d in harvest["datasets"]]
    assert sorted(served) == sorted(d.replace(BUILT_BASE, harvest["base"]) for d in datasets)  # each exactly once
    pages = defaultdict(int)
    for dataset in harvest["datasets"]:
        pages[dataset["page"]] += 1
        node = URIRef(dataset["uri"].replace(harvest["base"], BUILT_BASE))
        assert dataset["title"] == text(graph, node, DCTERMS.title, locale)
        assert dataset["notes"] == text(graph, node, DCTERMS.description, locale)
        contact = graph.value(node, DCAT.contactPoint)
        assert dataset["contact_name"] == text(graph, contact, VCARD.fn, locale)
        assert dataset["contact_email"] == str(graph.value(contact, VCARD.hasEmail)).removeprefix("mailto:")
        publisher = graph.value(node, DCTERMS.publisher)
        assert dataset["publisher_name"] == text(graph, publisher, FOAF.name, locale)
        rights = graph.value(node, DCTERMS.accessRights)  # absent where the source leaves personal data open
        assert dataset["access_rights"] == (str(rights) if rights else None)
        assert dataset["resources"] == 1  # the information-request distribution
    assert dict(pages) == {1: 10, 2: 10, 3: 8}
    assert sum(1 for d in harvest["datasets"] if d["access_rights"] and d["access_rights"].endswith("NON_PUBLIC")) > 10


@pytest.mark.parametrize("locale", ["fi", "en"])
def test_keywords_of_all_three_languages_become_valid_tags(harvests: dict[str, dict], graph: Graph, locale: str):
    """Plain CKAN merges fi, sv and en keywords into one tag list; CKAN's own validators accept every tag."""
    for dataset in harvests[locale]["datasets"]:
        node = URIRef(dataset["uri"].replace(harvests[locale]["base"], BUILT_BASE))
        keywords = list(graph.objects(node, DCAT.keyword))
        assert {k.language for k in keywords} == {"fi", "sv", "en"}
        assert sorted(dataset["tags"]) == sorted({str(k) for k in keywords})


@pytest.mark.parametrize("locale", ["fi", "en"])
def test_labels_of_linked_nodes_arrive_in_some_language_not_necessarily_the_portals(
    harvests: dict[str, dict], graph: Graph, locale: str
):
    """ckanext-dcat reads a linked node's label (the distribution's rights, the place) as the first
    ``rdfs:label`` it meets, whatever its language: plain CKAN may show them in Swedish or English."""
    for dataset in harvests[locale]["datasets"]:
        node = URIRef(dataset["uri"].replace(harvests[locale]["base"], BUILT_BASE))
        rights = graph.value(graph.value(node, DCAT.distribution), DCTERMS.rights)
        assert dataset["rights"] == [dataset["rights"][0]] and dataset["rights"][0] in {
            str(label) for label in graph.objects(rights, RDFS.label)
        }
        place = graph.value(node, DCTERMS.spatial)
        names = {str(label) for p in (RDFS.label, SKOS.prefLabel) for label in graph.objects(place, p)}
        assert dataset["spatial_text"] in names
