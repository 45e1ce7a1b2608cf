"""Every IRI the converter mints: the configured base IRI plus source ids.

IRIs depend only on ids written in the source (and, for search keys and data groups, which have
no ids, on their Finnish text), never on order or position, so they stay the same when the source
is reordered. Correcting a data group's or search key's Finnish text changes its IRI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef


def slug(text: str) -> str:
    """Turn Finnish text into an IRI segment: ``Työntekijän nimi`` → ``tyontekijan-nimi``."""
    lowered = text.lower().translate(str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"}))
    return re.sub(r"[^a-z0-9]+", "-", lowered).strip("-")


SEGMENTS = {
    "dataset": "dataset",
    "resource": "dataset",
    "register": "dataset",
    "system": "system",
    "organisation": "organisation",
    "address": "address",
    "contact point": "contact",
    "channel": "channel",
    "related resource": "resource",
    "example": "request-example",
}
"""Kind of thing with an id in the source (as references and problems name it) → its IRI's first segment."""


@dataclass(frozen=True)
class Iris:
    """The IRI scheme under ``base`` (which ends with ``/``)."""

    base: str

    def _mint(self, *segments: str) -> URIRef:
        return URIRef(self.base + "/".join(segments))

    def of_kind(self, kind: str, ident: str) -> URIRef:
        """The IRI of the thing of ``kind`` (a key of ``SEGMENTS``) whose id in the source is ``ident``."""
        return self._mint(SEGMENTS[kind], ident)

    def catalog(self) -> URIRef:
        """The catalogue: ``catalog``."""
        return self._mint("catalog")

    def dataset(self, dataset_id: str) -> URIRef:
        """An information resource or register: ``dataset/{id}``."""
        return self.of_kind("dataset", dataset_id)

    def distribution(self, dataset_id: str) -> URIRef:
        """The information-request route of a dataset: ``dataset/{id}/information-request``."""
        return self._mint("dataset", dataset_id, "information-request")

    def data_group(self, dataset_id: str, finnish: str) -> URIRef:
        """A data group (tietoryhmä) of a dataset: ``dataset/{id}/data-group/{slug of its Finnish text}``."""
        return self._mint("dataset", dataset_id, "data-group", slug(finnish))

    def related_resource(self, resource_id: str) -> URIRef:
        """A resource outside the catalogue that a dataset feeds: ``resource/{id}``."""
        return self.of_kind("related resource", resource_id)

    def system(self, system_id: str) -> URIRef:
        """An information system: ``system/{id}``."""
        return self.of_kind("system", system_id)

    def organisation(self, organisation_id: str) -> URIRef:
        """An organisation: ``organisation/{id}``."""
        return self.of_kind("organisation", organisation_id)

    def site(self, organisation_id: str, site_id: str) -> URIRef:
        """A site (visiting address) of an organisation: ``organisation/{id}/site/{id}``."""
        return self._mint("organisation", organisation_id, "site", site_id)

    def address(self, address_id: str) -> URIRef:
        """A postal or visiting address: ``address/{id}``."""
        return self.of_kind("address", address_id)

    def contact(self, contact_id: str) -> URIRef:
        """A contact point: ``contact/{id}``."""
        return self.of_kind("contact point", contact_id)

    def telephone(self, contact_id: str) -> URIRef:
        """The telephone of a contact point: ``contact/{id}/telephone``."""
        return self._mint("contact", contact_id, "telephone")

    def telephone_hours(self, contact_id: str) -> URIRef:
        """When that telephone answers: ``contact/{id}/telephone/hours``."""
        return self._mint("contact", contact_id, "telephone", "hours")

    def channel(self, channel_id: str) -> URIRef:
        """A channel for information requests: ``channel/{id}``."""
        return self.of_kind("channel", channel_id)

    def example(self, example_id: str) -> URIRef:
        """A worked information-request example: ``request-example/{id}``."""
        return self.of_kind("example", example_id)

    def search_key(self, example_id: str, finnish: str) -> URIRef:
        """A search key (hakutekijä) of an example: ``request-example/{id}/search-key/{slug of its Finnish text}``."""
        return self._mint("request-example", example_id, "search-key", slug(finnish))

    def period(self, owner: URIRef) -> URIRef:
        """The period of time a dataset covers (``dct:temporal``): ``{its IRI}/temporal``."""
        return URIRef(f"{owner}/temporal")

    def rights(self) -> URIRef:
        """The statement of how to request data: ``rights/information-request``."""
        return self._mint("rights", "information-request")

    def scheme(self, name: str) -> URIRef:
        """A concept scheme minted here (data groups, search keys): ``scheme/{name}``."""
        return self._mint("scheme", name)
