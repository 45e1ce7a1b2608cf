"""Addresses, the contact point and the channels for information requests (§ 28 item 2).

source: ``request.yaml`` → ``addresses``, ``contact_points``, ``channels``.

=====================  ==========================================  ==============================
source field            predicate                                   value
=====================  ==========================================  ==============================
address                 rdf:type                                    vcard:Address
contact (always)        rdf:type                                    vcard:Kind, vcard:Organization
contact.phone           vcard:hasTelephone → vcard:hasValue         ``tel:`` IRI (E.164)
contact.phone_hours     … → schema:hoursAvailable → schema:description  fi/sv/en
channel (always)        rdf:type                                    tvk:RequestChannel
channel.kind            rdf:type                                    tvk:ElectronicChannel / tvk:WrittenChannel
=====================  ==========================================  ==============================
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from kasko_dcat.model.emit import Emitter
from kasko_dcat.model.mapping import EMAIL, FINNISH, REF, STRING, TEXT, URL, Row, document, emit_fields, read_fields
from kasko_dcat.rdf.namespaces import RDF, RDFS, SDO, TVK, VCARD
from kasko_dcat.source.fields import Fields, Phone, Ref, Text

CHANNEL_KINDS = {"electronic": TVK.ElectronicChannel, "written": TVK.WrittenChannel}

ADDRESS_FIELDS = (
    Row("label", RDFS.label, FINNISH, required=True, note="the address as written"),
    Row("street_address", VCARD["street-address"], STRING, required=True, note="a street or PL box"),
    Row("postal_code", VCARD["postal-code"], STRING, required=True),
    Row("locality", VCARD.locality, STRING, required=True),
)
CONTACT_FIELDS = (
    Row("name", VCARD.fn, TEXT, required=True),
    Row("email", VCARD.hasEmail, EMAIL),
    Row("postal_address", VCARD.hasAddress, REF, "address"),
    Row("more_information", VCARD.hasURL, URL),
)
CHANNEL_FIELDS = (
    Row("title", VCARD.fn, TEXT, required=True),
    Row("description", RDFS.comment, TEXT),
    Row("handled_by", TVK.handledBy, REF, "organisation", required=True),
    Row("url", VCARD.hasURL, URL),
    Row("address", VCARD.hasAddress, REF, "address"),
    Row("email", VCARD.hasEmail, EMAIL),
)
FIELDS = (*ADDRESS_FIELDS, *CONTACT_FIELDS, *CHANNEL_FIELDS)
for _rows, _heading in (
    (ADDRESS_FIELDS, "Addresses"),
    (CONTACT_FIELDS, "Contact points"),
    (CHANNEL_FIELDS, "Channels"),
):
    __doc__ = document(__doc__, _rows, _heading)


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
    address = Address(id=f.ident("address"), **read_fields(f, ADDRESS_FIELDS))  # type: ignore[arg-type]
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
        phone=f.phone("phone"),
        phone_hours=f.text("phone_hours", required=False),
        **read_fields(f, CONTACT_FIELDS),  # type: ignore[arg-type]
    )
    f.done()
    return contact


def parse_channel(f: Fields) -> Channel:
    """Read one request channel."""
    channel = Channel(
        id=f.ident("channel"),
        kind=f.choice("kind", "channel kind", list(CHANNEL_KINDS)),
        **read_fields(f, CHANNEL_FIELDS),  # type: ignore[arg-type]
    )
    if not any(f.block.get(key) for key in ("url", "address", "email")):  # invalid values are reported already
        f.error(None, "channel-without-route", id=channel.id)
    f.done()
    return channel


def address_triples(address: Address, out: Emitter) -> None:
    """Describe an address as a vCard address."""
    subject = out.iris.address(address.id)
    out.add(subject, RDF.type, VCARD.Address)
    emit_fields(out, subject, ADDRESS_FIELDS, address)


def contact_point_triples(contact: ContactPoint, out: Emitter) -> None:
    """Describe a contact point as a vCard organisation."""
    subject = out.iris.contact(contact.id)
    # vcard:Kind stated too: DCAT-AP's range check reads types without inference.
    out.each(subject, RDF.type, (VCARD.Kind, VCARD.Organization))
    emit_fields(out, subject, CONTACT_FIELDS, contact)
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
    emit_fields(out, subject, CHANNEL_FIELDS, channel)
