"""Worked examples of making an information request (§ 28 items 2 and 4).

Each example names the documents it concerns, the system that holds them, the search keys
(hakutekijät) that find them and the channels to send the request through.

source: ``request.yaml`` → ``examples``.

============  ====================  ======================================================
source field  predicate             value
============  ====================  ======================================================
(always)      rdf:type              tvk:RequestGuidance
search_keys   tvk:searchKey         skos:Concept per key, fi/sv/en labels
============  ====================  ======================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import REF, REFS, TEXT, Row, document, emit_fields, read_fields
from kasko_dcat.rdf.namespaces import DCTERMS, RDF, TVK
from kasko_dcat.source.fields import Fields, Ref, Text, first_text

FIELDS = (
    Row("title", DCTERMS.title, TEXT, required=True),
    Row("resource", TVK.appliesTo, REF, "resource", required=True, note="the information resource"),
    Row("register", TVK.appliesTo, REF, "register", note="where the example names one"),
    Row("system", TVK.informationSystem, REF, "system", note="where the example names one"),
    Row("channels", TVK.requestChannel, REFS, "channel"),
)
__doc__ = document(__doc__, FIELDS)

SEARCH_KEY_SCHEME: Text = {"fi": "Hakutekijät", "sv": "Sökfaktorer", "en": "Search keys"}
"""Title of the scheme ``scheme/search-keys`` that holds every example's search keys."""


@dataclass(frozen=True)
class RequestExample:
    """One worked example of an information request."""

    id: str
    title: Text
    resource: Ref
    register: Ref | None
    system: Ref | None
    search_keys: list[Text]
    channels: list[Ref]


def parse_example(f: Fields) -> RequestExample:
    """Read one worked example."""
    example = RequestExample(
        id=f.ident("example"),
        search_keys=f.texts("search_keys"),
        **read_fields(f, FIELDS),  # type: ignore[arg-type]
    )
    f.done()
    return example


def example_triples(example: RequestExample, out: Emitter) -> None:
    """Describe a worked example (see the module's mapping table)."""
    subject = out.iris.example(example.id)
    out.add(subject, RDF.type, TVK.RequestGuidance)
    emit_fields(out, subject, FIELDS, example)
    for key in example.search_keys:
        out.concept(subject, TVK.searchKey, out.iris.search_key(example.id, first_text(key)), key, "search-keys")
