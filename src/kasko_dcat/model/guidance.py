"""Worked examples of making an information request (§ 28 items 2 and 4).

Each example names the documents it concerns, the system that holds them, the search keys
(hakutekijät) that find them and the channels to send the request through.

source: ``request.yaml`` → ``examples``.

============  ====================  ======================================================
source field  predicate             value
============  ====================  ======================================================
(always)      rdf:type              tvk:RequestGuidance
title         dct:title             fi/sv/en
resource      tvk:appliesTo         dataset IRI of the information resource
register      tvk:appliesTo         dataset IRI of the register, where the example names one
system        tvk:informationSystem system IRI, where the example names one
search_keys   tvk:searchKey         skos:Concept per key, fi/sv/en labels
channels      tvk:requestChannel    channel IRI
============  ====================  ======================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from kasko_dcat.model.emit import Emitter
from kasko_dcat.rdf.namespaces import DCTERMS, RDF, TVK
from kasko_dcat.source.fields import Fields, Ref, Text, first_text

SEARCH_KEY_SCHEME: Text = {"fi": "Hakutekijät", "sv": "Sökkriterier", "en": "Search keys"}
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
        title=f.text("title"),
        resource=f.ref("resource", "resource"),
        register=f.ref("register", "register", required=False),
        system=f.ref("system", "system", required=False),
        search_keys=f.texts("search_keys"),
        channels=f.refs("channels", "channel"),
    )
    f.done()
    return example


def example_triples(example: RequestExample, out: Emitter) -> None:
    """Describe a worked example (see the module's mapping table)."""
    subject = out.iris.example(example.id)
    out.add(subject, RDF.type, TVK.RequestGuidance)
    out.text(subject, DCTERMS.title, example.title)
    out.add(subject, TVK.appliesTo, out.iris.dataset(example.resource))
    if example.register is not None:
        out.add(subject, TVK.appliesTo, out.iris.dataset(example.register))
    if example.system is not None:
        out.add(subject, TVK.informationSystem, out.iris.system(example.system))
    for key in example.search_keys:
        out.concept(subject, TVK.searchKey, out.iris.search_key(example.id, first_text(key)), key, "search-keys")
    out.each(subject, TVK.requestChannel, (out.iris.channel(ref) for ref in example.channels))
