"""Source → one graph's triples, in a canonical order so every serialisation is byte-stable."""

from __future__ import annotations

from rdflib import Graph, URIRef

from kasko_dcat.model.agent import organisation_triples
from kasko_dcat.model.catalog import catalog_triples
from kasko_dcat.model.contact import address_triples, channel_triples, contact_point_triples
from kasko_dcat.model.dataset import DATA_GROUP_SCHEME, dataset_triples, related_resource_triples
from kasko_dcat.model.description import Source
from kasko_dcat.model.distribution import distribution_triples, rights_triples
from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.guidance import SEARCH_KEY_SCHEME, example_triples
from kasko_dcat.model.legislation import law_triples
from kasko_dcat.model.system import system_triples
from kasko_dcat.rdf.canonical import Canonical
from kasko_dcat.rdf.iris import Iris
from kasko_dcat.rdf.namespaces import new_graph
from kasko_dcat.rdf.vocabularies import VOCABULARIES


def build_graph(source: Source) -> Graph:
    """Convert the checked source to DCAT-AP 3.0.1 (plus the § 28 terms of ontology/tvk.ttl).

    The graph is the caller's to change, its triples inserted in canonical order; ``build`` and
    ``validate`` use :func:`build_triples`' read-only view instead, which costs no store to fill.
    """
    graph = new_graph()
    for triple in build_triples(source).triples:
        graph.add(triple)
    return graph


def build_triples(source: Source) -> Canonical:
    """The triples of :func:`build_graph` in canonical order, which ``build`` writes without an rdflib graph."""
    out = Emitter(Iris(source.catalog.base_iri), {law.id: URIRef(law.eli) for law in source.laws})
    catalog_triples(source.catalog, (dataset.id for dataset, _ in source.datasets), out)
    for organisation in source.organisations:
        organisation_triples(organisation, out)
    for address in source.addresses:
        address_triples(address, out)
    for contact in source.contact_points:
        contact_point_triples(contact, out)
    for channel in source.channels:
        channel_triples(channel, out)
    for system in source.systems:
        system_triples(system, out)
    for law in source.laws:
        law_triples(law, out)
    for related in source.related_resources:
        related_resource_triples(related, out)
    for dataset, whole in source.datasets:
        dataset_triples(
            dataset,
            whole,
            source.catalog.defaults,
            source.catalog.personal_data,
            out,
            has_distribution=source.information_request is not None,
        )
    # DCAT-AP requires an access URL of a distribution: without a request route there is none.
    if source.information_request is not None:
        for dataset, _ in source.datasets:
            distribution_triples(dataset.id, source.information_request, out)
        rights_triples(source.information_request, out)
    if any(dataset.data_groups for dataset, _ in source.datasets):
        out.scheme("data-groups", DATA_GROUP_SCHEME)
    for example in source.examples:
        example_triples(example, out)
    if any(example.search_keys for example in source.examples):
        out.scheme("search-keys", SEARCH_KEY_SCHEME)
    return Canonical([*out.triples, *VOCABULARIES.describe(sorted(out.terms))])
