"""Addresses, the contact point and the channels for information requests (§ 28 item 2).

source: ``request.yaml`` → ``addresses``, ``contact_points``, ``channels``.

=====================  ==========================================  ==============================
source field            predicate                                   value
=====================  ==========================================  ==============================
address.label           rdfs:label                                  the address as written, @fi
address.street_address  vcard:street-address                        text (a street or PL box)
address.postal_code     vcard:postal-code                           text
address.locality        vcard:locality                              text
(always)                rdf:type                                    vcard:Kind, vcard:Organization
contact.name            vcard:fn                                    fi/sv/en
contact.email           vcard:hasEmail                              ``mailto:`` IRI
contact.phone           vcard:hasTelephone → vcard:hasValue         ``tel:`` IRI (E.164)
contact.phone_hours     … → schema:hoursAvailable → schema:description  fi/sv/en
contact.postal_address  vcard:hasAddress                            address IRI
contact.more_information  vcard:hasURL                              IRI
channel.kind            rdf:type                                    tvk:ElectronicChannel / tvk:WrittenChannel
channel.title           vcard:fn                                    fi/sv/en
channel.description     rdfs:comment                                fi/sv/en
channel.handled_by      tvk:handledBy                               organisation IRI
channel.url             vcard:hasURL                                IRI
channel.address         vcard:hasAddress                            address IRI
channel.email           vcard:hasEmail                              ``mailto:`` IRI
=====================  ==========================================  ==============================
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from kasko_dcat.model.emit import Emitter
from kasko_dcat.rdf.namespaces import RDF, RDFS, SDO, TVK, VCARD
from kasko_dcat.source.fields import Fields, Phone, Ref, Text

CHANNEL_KINDS = {"electronic": TVK.ElectronicChannel, "written": TVK.WrittenChannel}


@dataclass(frozen=True)
class Address:
    """A postal or visiting address, both as written and split into vCard fields."""

    id: str
    label: str
    street_address: str
    postal_code: str
    locality: str


@dataclass(frozen=True)
class ContactPoint:
    """The contact details DCAT-AP harvesters show as a dataset's contact point."""

    id: str
    name: Text
    email: str | None
    phone: Phone | None
    phone_hours: Text | None
    postal_address: Ref | None
    more_information: str | None


@dataclass(frozen=True)
class Channel:
    """One route for making an information request: an e-service or a written address."""

    id: str
    kind: str
    title: Text
    description: Text | None
    handled_by: Ref
    url: str | None
    address: Ref | None
    email: str | None


def parse_address(f: Fields) -> Address:
    """Read one address; its ``label`` must contain each address field, so the two cannot drift apart."""
    address = Address(
        id=f.ident("address"),
        label=f.string("label"),
        street_address=f.string("street_address"),
        postal_code=f.string("postal_code"),
        locality=f.string("locality"),
    )
    f.done()
    flat_label = " ".join(address.label.split())
    for part in (address.street_address, address.postal_code, address.locality):
        if part and address.label and part not in flat_label:
            f.error("label", "address-label", part=part)
    return address


def parse_contact_point(f: Fields) -> ContactPoint:
    """Read one contact point."""
    contact = ContactPoint(
        id=f.ident("contact point"),
        name=f.text("name"),
        email=f.email("email"),
        phone=f.phone("phone"),
        phone_hours=f.text("phone_hours", required=False),
        postal_address=f.ref("postal_address", "address", required=False),
        more_information=f.url("more_information"),
    )
    f.done()
    return contact


def parse_channel(f: Fields) -> Channel:
    """Read one request channel."""
    channel = Channel(
        id=f.ident("channel"),
        kind=f.choice("kind", "channel kind", list(CHANNEL_KINDS)),
        title=f.text("title"),
        description=f.text("description", required=False),
        handled_by=f.ref("handled_by", "organisation"),
        url=f.url("url"),
        address=f.ref("address", "address", required=False),
        email=f.email("email"),
    )
    if not any(f.block.get(key) for key in ("url", "address", "email")):  # invalid values are reported already
        f.error(None, "channel-without-route", id=channel.id)
    f.done()
    return channel


def address_triples(address: Address, out: Emitter) -> None:
    """Describe an address as a vCard address."""
    subject = out.iris.address(address.id)
    out.add(subject, RDF.type, VCARD.Address)
    out.add(subject, RDFS.label, Literal(address.label, lang="fi"))
    out.plain(subject, VCARD["street-address"], address.street_address)
    out.plain(subject, VCARD["postal-code"], address.postal_code)
    out.plain(subject, VCARD.locality, address.locality)


def contact_point_triples(contact: ContactPoint, out: Emitter) -> None:
    """Describe a contact point as a vCard organisation."""
    subject = out.iris.contact(contact.id)
    # vcard:Kind stated too: DCAT-AP's range check reads types without inference.
    out.each(subject, RDF.type, (VCARD.Kind, VCARD.Organization))
    out.text(subject, VCARD.fn, contact.name)
    out.mailto(subject, VCARD.hasEmail, contact.email)
    out.link(subject, VCARD.hasURL, contact.more_information)
    out.add(subject, VCARD.hasAddress, _address(contact.postal_address, out))
    if contact.phone is not None:
        phone = out.iris.telephone(contact.id)
        out.add(subject, VCARD.hasTelephone, phone)
        out.add(phone, RDF.type, VCARD.Voice)
        out.add(phone, VCARD.hasValue, URIRef(contact.phone.tel))
        out.add(phone, RDFS.label, Literal(contact.phone.written))
        if contact.phone_hours is not None:
            hours = out.iris.telephone_hours(contact.id)
            out.add(phone, SDO.hoursAvailable, hours)
            out.add(hours, RDF.type, SDO.OpeningHoursSpecification)
            out.text(hours, SDO.description, contact.phone_hours)


def channel_triples(channel: Channel, out: Emitter) -> None:
    """Describe a request channel: a vCard kind typed by how requests travel through it."""
    subject = out.iris.channel(channel.id)
    out.add(subject, RDF.type, TVK.RequestChannel)
    out.add(subject, RDF.type, CHANNEL_KINDS[channel.kind])
    out.text(subject, VCARD.fn, channel.title)
    out.text(subject, RDFS.comment, channel.description)
    out.add(subject, TVK.handledBy, out.iris.organisation(channel.handled_by))
    out.link(subject, VCARD.hasURL, channel.url)
    out.add(subject, VCARD.hasAddress, _address(channel.address, out))
    out.mailto(subject, VCARD.hasEmail, channel.email)


def _address(ref: Ref | None, out: Emitter) -> URIRef | None:
    return None if ref is None else out.iris.address(ref)
