"""Synthetic DCAT-AP catalogues with every MQA property, and variants with known fields removed.

The YAML source cannot state a distribution's format, licence or download address (its only
distribution is the route to request data), so the distribution indicators are exercised on RDF
catalogues written here: ``DATASETS`` datasets of ``PER_DATASET`` distributions each, every value
from the EU tables, and a variant drops or changes named properties on chosen items. The scores
they must get are derived by hand in tests/test_score.py; bench/compare_mqa.py runs the same
catalogues through an open MQA implementation.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

DATASETS = 10
PER_DATASET = 2
BASE = "https://mqa.example/"
EU = "http://publications.europa.eu/resource/authority/"
VCARD = "http://www.w3.org/2006/vcard/ns#"


def _dataset(n: int) -> URIRef:
    return URIRef(f"{BASE}dataset/{n}")


def _distribution(n: int, k: int) -> URIRef:
    return URIRef(f"{BASE}dataset/{n}/distribution/{k}")


def complete() -> Graph:
    """A catalogue where every dataset and distribution meets every offline MQA indicator."""
    g = Graph()
    g.bind("dcat", DCAT)
    g.bind("dct", DCTERMS)
    catalog, publisher, contact = URIRef(f"{BASE}catalog"), URIRef(f"{BASE}publisher"), URIRef(f"{BASE}contact")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal("Synthetic MQA catalogue", lang="en")))
    g.add((catalog, DCTERMS.description, Literal("Test catalogue, no real data.", lang="en")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal("Test publisher", lang="en")))
    g.add((contact, RDF.type, URIRef(f"{VCARD}Kind")))
    g.add((contact, URIRef(f"{VCARD}fn"), Literal("Test contact", lang="en")))
    g.add((contact, URIRef(f"{VCARD}hasEmail"), URIRef("mailto:test@mqa.example")))
    for table, code in (
        ("access-right", "PUBLIC"),
        ("file-type", "CSV"),
        ("licence", "CC_BY_4_0"),
        ("data-theme", "EDUC"),
    ):
        concept = URIRef(f"{EU}{table}/{code}")
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.prefLabel, Literal(code, lang="en")))
        g.add((concept, SKOS.inScheme, URIRef(f"{EU}{table}")))
        g.add((URIRef(f"{EU}{table}"), RDF.type, SKOS.ConceptScheme))
        g.add((URIRef(f"{EU}{table}"), DCTERMS.title, Literal(table, lang="en")))
    g.add((URIRef(f"{EU}licence/CC_BY_4_0"), RDF.type, DCTERMS.LicenseDocument))
    g.add((URIRef(f"{EU}access-right/PUBLIC"), RDF.type, DCTERMS.RightsStatement))
    g.add((URIRef(f"{EU}file-type/CSV"), RDF.type, DCTERMS.MediaTypeOrExtent))
    g.add((URIRef("http://www.iana.org/assignments/media-types/text/csv"), RDF.type, DCTERMS.MediaType))
    rights = URIRef(f"{BASE}rights")
    g.add((rights, RDF.type, DCTERMS.RightsStatement))
    spatial = URIRef(f"{EU}country/FIN")
    g.add((spatial, RDF.type, DCTERMS.Location))
    for n in range(DATASETS):
        d = _dataset(n)
        g.add((catalog, DCAT.dataset, d))
        g.add((d, RDF.type, DCAT.Dataset))
        g.add((d, DCTERMS.title, Literal(f"Dataset {n}", lang="en")))
        g.add((d, DCTERMS.description, Literal(f"Synthetic dataset {n}.", lang="en")))
        g.add((d, DCAT.keyword, Literal("test", lang="en")))
        g.add((d, DCAT.theme, URIRef(f"{EU}data-theme/EDUC")))
        g.add((d, DCTERMS.spatial, spatial))
        period = BNode(f"period{n}")
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal("2020-01-01", datatype=XSD.date)))
        g.add((d, DCTERMS.temporal, period))
        g.add((d, DCAT.contactPoint, contact))
        g.add((d, DCTERMS.publisher, publisher))
        g.add((d, DCTERMS.accessRights, URIRef(f"{EU}access-right/PUBLIC")))
        g.add((d, DCTERMS.issued, Literal("2024-01-01", datatype=XSD.date)))
        g.add((d, DCTERMS.modified, Literal("2024-06-01", datatype=XSD.date)))
        for k in range(PER_DATASET):
            x = _distribution(n, k)
            g.add((d, DCAT.distribution, x))
            g.add((x, RDF.type, DCAT.Distribution))
            g.add((x, DCAT.accessURL, URIRef(f"{BASE}data/{n}/{k}")))
            g.add((x, DCAT.downloadURL, URIRef(f"{BASE}data/{n}/{k}.csv")))
            g.add((x, DCTERMS.format, URIRef(f"{EU}file-type/CSV")))
            g.add((x, DCAT.mediaType, URIRef("http://www.iana.org/assignments/media-types/text/csv")))
            g.add((x, DCTERMS.license, URIRef(f"{EU}licence/CC_BY_4_0")))
            g.add((x, DCTERMS.rights, rights))
            g.add((x, DCAT.byteSize, Literal("1024", datatype=XSD.nonNegativeInteger)))
            g.add((x, DCTERMS.issued, Literal("2024-01-01", datatype=XSD.date)))
            g.add((x, DCTERMS.modified, Literal("2024-06-01", datatype=XSD.date)))
    return g


def drop(g: Graph, predicate: URIRef, subjects: list[URIRef]) -> Graph:
    """Remove ``predicate`` from each of ``subjects``."""
    for subject in subjects:
        g.remove((subject, predicate, None))
    return g


def replace(g: Graph, predicate: URIRef, subjects: list[URIRef], value: URIRef) -> Graph:
    """Give each of ``subjects`` ``value`` as its only ``predicate``."""
    for subject in subjects:
        g.set((subject, predicate, value))
    return g


def datasets(*numbers: int) -> list[URIRef]:
    return [_dataset(n) for n in numbers]


def distributions(*numbers: int) -> list[URIRef]:
    """Every distribution of the datasets ``numbers``."""
    return [_distribution(n, k) for n in numbers for k in range(PER_DATASET)]


ALL = tuple(range(DATASETS))

VARIANTS: dict[str, Callable[[], Graph]] = {
    "complete": complete,
    "no-keyword-half": lambda: drop(complete(), DCAT.keyword, datasets(0, 1, 2, 3, 4)),
    "no-temporal-spatial": lambda: drop(
        drop(complete(), DCTERMS.temporal, datasets(*ALL)), DCTERMS.spatial, datasets(0)
    ),
    "no-format-licence-4": lambda: drop(
        drop(complete(), DCTERMS.format, distributions(0, 1, 2, 3)), DCTERMS.license, distributions(0, 1, 2, 3)
    ),
    "licence-not-in-table": lambda: replace(
        complete(), DCTERMS.license, distributions(*ALL), URIRef("https://mqa.example/our-own-licence")
    ),
    "no-download-url": lambda: drop(complete(), DCAT.downloadURL, distributions(*ALL)),
    "dates-on-datasets-only": lambda: drop(
        drop(complete(), DCTERMS.issued, distributions(*ALL)), DCTERMS.modified, distributions(*ALL)
    ),
    "no-access-rights-3": lambda: drop(complete(), DCTERMS.accessRights, datasets(0, 1, 2)),
    "no-title-2": lambda: drop(complete(), DCTERMS.title, datasets(0, 1)),
}
"""Name → the catalogue; each variant removes or changes the fields its name says."""
