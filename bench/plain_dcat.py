"""A plain DCAT-AP 3.0.1 catalogue of any size, as a typical open-data portal publishes one (N-Triples).

Not our § 28 model: datasets with an English title and description, keywords, one or two EU data
themes, a publisher among a few hundred agents, a contact point, issue and modification dates, a
language, an update frequency, a landing page, and one to three distributions, each with an
access and download URL, a format, a media type and a licence. As on most portals, the EU
vocabulary terms are named without their descriptions (type, scheme), so SEMIC's range and
vocabulary shapes report them; a few datasets also lack a description or write a date as text.
Validators thus have thousands of results to report. The same size and seed give the same bytes.

    python bench/plain_dcat.py 1000 /tmp/plain-1000.nt
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

BASE = "https://portal.example/"
EU = "http://publications.europa.eu/resource/authority/"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

THEMES = ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"]
FORMATS = [("CSV", "text/csv"), ("JSON", "application/json"), ("XML", "application/xml"), ("PDF", "application/pdf")]
LICENCES = ["CC_BY_4_0", "CC0", "CC_BY_SA_4_0"]
FREQUENCIES = ["ANNUAL", "MONTHLY", "WEEKLY", "DAILY", "IRREG"]
WORDS = [
    "air",
    "budget",
    "census",
    "city",
    "crime",
    "energy",
    "forest",
    "health",
    "housing",
    "income",
    "land",
    "noise",
    "parks",
    "roads",
    "school",
    "traffic",
    "water",
]
AGENTS = 300


def _iri(value: str) -> str:
    return f"<{value}>"


def _text(value: str, lang: str | None = "en") -> str:
    return f'"{value}"@{lang}' if lang else f'"{value}"'


def _typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def catalogue(datasets: int, seed: int = 2026) -> str:
    """The catalogue as N-Triples text."""
    rng = random.Random(seed)
    lines: list[str] = []

    def add(subject: str, predicate: str, obj: str) -> None:
        lines.append(f"{subject} <{predicate}> {obj} .\n")

    catalog = _iri(BASE + "catalog")
    add(catalog, RDF_TYPE, _iri(DCAT + "Catalog"))
    add(catalog, DCT + "title", _text("Example open data portal"))
    add(catalog, DCT + "description", _text("Datasets published by the example region and its agencies."))
    add(catalog, DCT + "publisher", _iri(f"{BASE}agent/0"))
    for number in range(AGENTS):
        agent = _iri(f"{BASE}agent/{number}")
        add(agent, RDF_TYPE, _iri(FOAF + "Agent"))
        add(agent, FOAF + "name", _text(f"Agency {number}"))
        add(agent, DCT + "type", _iri("http://purl.org/adms/publishertype/NationalAuthority"))
    for number in range(datasets):
        dataset = _iri(f"{BASE}dataset/{number}")
        words = rng.sample(WORDS, 3)
        add(catalog, DCAT + "dataset", dataset)
        add(dataset, RDF_TYPE, _iri(DCAT + "Dataset"))
        add(dataset, DCT + "identifier", _text(f"ds-{number:06d}", None))
        add(dataset, DCT + "title", _text(f"{words[0].title()} {words[1]} statistics {number}"))
        if number % 50 != 7:  # a few without a description, which DCAT-AP requires
            add(dataset, DCT + "description", _text(f"Yearly {words[0]} and {words[1]} figures, table {number}."))
        for word in words:
            add(dataset, DCAT + "keyword", _text(word))
        for theme in rng.sample(THEMES, rng.randint(1, 2)):
            add(dataset, DCAT + "theme", _iri(f"{EU}data-theme/{theme}"))
        add(dataset, DCT + "publisher", _iri(f"{BASE}agent/{rng.randrange(AGENTS)}"))
        contact = _iri(f"{BASE}contact/{number}")
        add(dataset, DCAT + "contactPoint", contact)
        add(contact, RDF_TYPE, _iri(VCARD + "Kind"))
        add(contact, VCARD + "fn", _text(f"Data desk {number % 40}", None))
        add(contact, VCARD + "hasEmail", _iri(f"mailto:data{number % 40}@portal.example"))
        issued = f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        add(dataset, DCT + "issued", _typed(issued, "date"))
        modified = _typed("2024-03-01", "date") if number % 97 != 3 else _text("last spring", None)
        add(dataset, DCT + "modified", modified)
        add(dataset, DCT + "language", _iri(f"{EU}language/ENG"))
        add(dataset, DCT + "accrualPeriodicity", _iri(f"{EU}frequency/{rng.choice(FREQUENCIES)}"))
        add(dataset, DCAT + "landingPage", _iri(f"{BASE}view/{number}"))
        for part in range(rng.randint(1, 3)):
            distribution = _iri(f"{BASE}dataset/{number}/distribution/{part}")
            file_format, media_type = rng.choice(FORMATS)
            add(dataset, DCAT + "distribution", distribution)
            add(distribution, RDF_TYPE, _iri(DCAT + "Distribution"))
            add(distribution, DCT + "title", _text(f"{file_format} file {part}"))
            add(distribution, DCAT + "accessURL", _iri(f"{BASE}view/{number}"))
            add(distribution, DCAT + "downloadURL", _iri(f"{BASE}files/{number}-{part}.{file_format.lower()}"))
            add(distribution, DCT + "format", _iri(f"{EU}file-type/{file_format}"))
            add(distribution, DCAT + "mediaType", _iri(f"https://www.iana.org/assignments/media-types/{media_type}"))
            add(distribution, DCT + "license", _iri(f"{EU}licence/{rng.choice(LICENCES)}"))
            add(distribution, DCAT + "byteSize", _typed(str(rng.randint(1_000, 9_000_000)), "nonNegativeInteger"))
    return "".join(lines)


def write(datasets: int, path: Path) -> Path:
    """Write a catalogue of ``datasets`` datasets to ``path`` (N-Triples); return it."""
    path.write_text(catalogue(datasets), "utf-8")
    return path


if __name__ == "__main__":
    print(write(int(sys.argv[1]), Path(sys.argv[2])))
