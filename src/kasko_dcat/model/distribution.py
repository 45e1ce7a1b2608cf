"""The route to request a dataset, as a harvester that knows only DCAT-AP sees it.

Non-public data has no download; what a requester needs is where and how to ask. Each dataset
gets one ``dcat:Distribution`` whose ``dcat:accessURL`` is the e-service where requests are made
("may contain information about how to get the Dataset", DCAT-AP 3.0.1) and whose ``dct:rights``
states the procedure, the pattern data.europa.eu uses for protected data (DGA Art. 8).

source: ``request.yaml`` → ``information_request``.

============  ============================  ================================================
source field  predicate                     value
============  ============================  ================================================
(always)      rdf:type                      dcat:Distribution, one per dataset
procedure     dct:rights → rdfs:label       one dct:RightsStatement shared by all datasets
============  ============================  ================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import REFS, TEXT, URL, Row, document, emit_fields, read_fields
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, RDF, RDFS
from kasko_dcat.source.fields import Fields, Ref, Text

FIELDS = (
    Row("title", DCTERMS.title, TEXT, required=True),
    Row("description", DCTERMS.description, TEXT, required=True),
    Row("access_url", DCAT.accessURL, URL, required=True, note="the e-service"),
    Row("legislation", DCATAP.applicableLegislation, REFS, "law", note="the law on access to documents"),
)
__doc__ = document(__doc__, FIELDS, "Simple fields, on every distribution")


@dataclass(frozen=True)
class InformationRequest:
    """How anyone can request data from the catalogue's datasets."""

    title: Text
    description: Text
    access_url: str | None
    procedure: Text
    legislation: list[Ref]


def parse_information_request(f: Fields) -> InformationRequest:
    """Read the ``information_request`` block."""
    request = InformationRequest(procedure=f.text("procedure"), **read_fields(f, FIELDS))  # type: ignore[arg-type]
    f.done()
    return request


def distribution_triples(dataset_id: str, request: InformationRequest, out: Emitter) -> None:
    """Describe the request route of one dataset."""
    subject = out.iris.distribution(dataset_id)
    out.add(subject, RDF.type, DCAT.Distribution)
    emit_fields(out, subject, FIELDS, request)
    out.add(subject, DCTERMS.rights, out.iris.rights())


def rights_triples(request: InformationRequest, out: Emitter) -> None:
    """Describe the procedure once; every distribution points at it."""
    subject = out.iris.rights()
    out.add(subject, RDF.type, DCTERMS.RightsStatement)
    out.text(subject, RDFS.label, request.procedure)
