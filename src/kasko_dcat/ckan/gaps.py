"""What avoindata.fi requires that the source does not state: reported by ``kasko-dcat gaps``, never invented.

The check reads the dataset dicts of a fresh in-memory build, the same ones ``serve`` and
``publish --ckan`` send, so a gap here is exactly a field the portal will find empty (and refuse)
or filled by one of the choices of :data:`~kasko_dcat.ckan.dicts.CHOICES`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kasko_dcat.ckan.dicts import DEFAULT_LANG, NOT_SPECIFIED, REQUIRED, Reader
from kasko_dcat.source.problems import Problem, Problems, Where

if TYPE_CHECKING:
    from rdflib.term import Node

    from kasko_dcat.model.description import Source

SOURCE_KEYS = {
    "title_translated": "title: fi",
    "notes_translated": "description: fi",
    "keywords": "keywords: fi",
    "maintainer": "contact_point",
    "maintainer_email": "contact_point (a contact point with an email)",
    "owner_org": "publisher",
}
"""Where in the source each required field comes from, for the message that says what to fill in."""


def ckan_gaps(source: Source, root: Path) -> list[Problem]:
    """The required avoindata.fi fields the source leaves empty, and the licence choice, with file and line."""
    from rdflib import URIRef

    from kasko_dcat.model.graph import build_graph
    from kasko_dcat.query import sparql
    from kasko_dcat.rdf.formats import by_suffix
    from kasko_dcat.serve import views
    from kasko_dcat.shacl.validate import source_places

    ntriples = by_suffix("catalog.nt")
    assert ntriples is not None and ntriples.serialize is not None
    reader = Reader(views.index_built(sparql.load(ntriples.serialize(build_graph(source))), root))
    places: dict[Node, Where] = source_places(source, root)
    catalog = places[URIRef(reader.catalogue.iri)]
    found = Problems()
    for iri, dataset in reader.datasets.items():
        where = places.get(URIRef(iri), catalog)
        for field in missing(dataset):
            found.gap(where, "gap-ckan-required", field=field, id=dataset["name"], source=SOURCE_KEYS.get(field, field))
    if any(dataset["license_id"] == NOT_SPECIFIED.id for dataset in reader.datasets.values()):
        licence = next(
            (g.where for g in source.gaps if g.code == "gap-catalog-field" and ("key", "license") in g.params), catalog
        )
        found.gap(licence, "gap-ckan-license", value=NOT_SPECIFIED.id)
    return found.gaps


def missing(dataset: dict[str, object]) -> list[str]:
    """The fields of :data:`REQUIRED` that ``dataset`` lacks (a translated one: its Finnish value)."""
    found = []
    for field in REQUIRED:
        value = dataset.get(field)
        if isinstance(value, dict):
            value = value.get(DEFAULT_LANG)
        if not value:
            found.append(field)
    if any(not resource.get("url") for resource in dataset.get("resources", [])):  # type: ignore[union-attr]
        found.append("resources.url")
    return found
