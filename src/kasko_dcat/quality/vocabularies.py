"""The EU tables the "from vocabulary" indicators are judged against, read from ``data/eu-vocabularies/``.

Each file is a copy, unchanged, of a published table (source, version and licence in that folder's
README.md). A value counts as "from the vocabulary" when its IRI is a concept of the table; for
licences the table's exact-match addresses (``https://opensource.org/licenses/MIT`` …) count too,
as data.europa.eu maps them. No licensed copy of data.europa.eu's list of machine-readable formats
was found, so none ships: that indicator says "not judged" for a distribution that names a format,
instead of guessing, unless the user gives a list (:func:`read_list`, ``score --machine-readable``).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kasko_dcat.rdf.reading import parse_exact

FOLDER = "data/eu-vocabularies"


def _rows(name: str) -> list[list[str]]:
    text = files("kasko_dcat").joinpath(FOLDER, name).read_text("utf-8")
    return [[cell.strip() for cell in row] for row in csv.reader(text.splitlines()) if row]


@cache
def table(name: str) -> frozenset[str]:
    """The IRIs (and, for licences, their exact-match addresses) of one table, by the name rows use."""
    if name == "file-type":
        return frozenset(row[0] for row in _rows("file_types.csv"))
    if name == "non-proprietary":
        return frozenset(row[0] for row in _rows("non_proprietary.csv"))
    if name == "media-type":  # the IANA register's IRIs, http and https alike, and the bare type/subtype
        rows = _rows("media_types.csv")
        return frozenset(
            {row[0].replace("https://", "http://", 1) for row in rows} | {row[1] for row in rows if len(row) > 1}
        )
    if name == "licence":
        return frozenset(cell for row in _rows("licenses.csv") for cell in (row[0], *row[2:]) if cell)
    if name == "access-right":
        text = files("kasko_dcat").joinpath(FOLDER, "access-right-skos.rdf").read_text("utf-8")
        graph = parse_exact(Graph(), data=text, format="xml")
        return frozenset(str(concept) for concept in graph.subjects(RDF.type, SKOS.Concept))
    raise KeyError(name)


def in_table(name: str, value: object) -> bool:
    """Whether ``value`` (an IRI, or a literal where the table allows one) is in the table ``name``."""
    text = str(value).strip()
    if name == "media-type":
        text = text.replace("https://", "http://", 1)
    return text in table(name)


def read_list(path: Path, max_mb: float) -> frozenset[str]:
    """A user's list of format IRIs: every IRI subject of an RDF file, or the first column of a CSV file."""
    from kasko_dcat.rdf.reading import InputError, read_shapes

    if path.suffix.lower() == ".csv":
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError("validate-unreadable", path=path, reason=exc) from None
        return frozenset(row[0].strip() for row in csv.reader(text.splitlines()) if row and row[0].strip())
    return frozenset(str(s) for s in read_shapes((path,), max_mb).subjects() if isinstance(s, URIRef))
