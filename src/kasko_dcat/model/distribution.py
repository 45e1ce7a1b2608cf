"""The route to request a dataset, as a harvester that knows only DCAT-AP sees it.

Non-public data has no download; what a requester needs is where and how to ask. Each dataset
gets one ``dcat:Distribution`` whose ``dcat:accessURL`` is the e-service where requests are made
("may contain information about how to get the Dataset", DCAT-AP 3.0.1) and whose ``dct:rights``
states the procedure, the pattern data.europa.eu uses for protected data (DGA Art. 8).

source: ``request.yaml`` → ``information_request``.

============  ============================  ================================================
source field  predicate                     value
============  ============================  ================================================
title         dct:title                     fi/sv/en
description   dct:description               fi/sv/en
access_url    dcat:accessURL                IRI of the e-service
procedure     dct:rights → rdfs:label       one dct:RightsStatement shared by all datasets
legislation   dcatap:applicableLegislation  ELI IRI of the law on access to documents
============  ============================  ================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kasko_dcat.model.emit import Emitter
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, RDF, RDFS
from kasko_dcat.source.fields import Fields, Ref, Text


@dataclass(frozen=True)
class InformationRequest:
    """How anyone can request data from the catalogue's datasets."""

    title: Text
    description: Text
    access_url: str
    procedure: Text
    legislation: list[Ref]


def parse_information_request(f: Fields) -> InformationRequest:
    """Read the ``information_request`` block."""
    request = InformationRequest(
        title=f.text("title"),
        description=f.text("description"),
        access_url=f.url("access_url", required=True) or "",
        procedure=f.text("procedure"),
        legislation=f.refs("legislation", "law"),
    )
    f.done()
    return request


def distribution_triples(dataset_id: str, request: InformationRequest, out: Emitter) -> None:
    """Describe the request route of one dataset."""
    subject = out.iris.distribution(dataset_id)
    out.add(subject, RDF.type, DCAT.Distribution)
    out.text(subject, DCTERMS.title, request.title)
    out.text(subject, DCTERMS.description, request.description)
    out.add(subject, DCAT.accessURL, URIRef(request.access_url))
    out.add(subject, DCTERMS.rights, out.iris.rights())
    out.each(subject, DCATAP.applicableLegislation, (out.laws[law] for law in request.legislation))


def rights_triples(request: InformationRequest, out: Emitter) -> None:
    """Describe the procedure once; every distribution points at it."""
    subject = out.iris.rights()
    out.add(subject, RDF.type, DCTERMS.RightsStatement)
    out.text(subject, RDFS.label, request.procedure)
