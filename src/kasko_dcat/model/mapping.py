"""Simple source fields declared as data: one :class:`Row` per field, read and emitted by its kind.

Most fields of the source become one predicate each, with a value read and written the same way
everywhere: a fi/sv/en text, a code of an EU table, a reference to another part of the source, a
web address, a date. Each model module lists those fields once, as rows (``FIELDS``); from the
rows

- the parser reads the fields (:func:`read_fields`), so a block accepts exactly its rows plus the
  fields its module reads by hand;
- the emitter writes the triples (:func:`emit_fields`);
- the module's docstring gets its mapping table (:func:`document`);
- ``validate`` learns which source field fixes a finding on a predicate (``shacl.validate.FIELDS``).

A new simple field is one row, plus, where DCAT-AP or § 28 asks for it, a shape and a message.
Fields with more to them (a register's generated description, a phone number with its opening
hours, the access rights that follow from ``personal_data``) stay in their module's code, listed
in its hand-written table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from kasko_dcat.model.emit import Emitter
from kasko_dcat.rdf.namespaces import DCAT, DCTERMS, PREFIXES, RDF, XSD
from kasko_dcat.source.fields import Fields, Period


@dataclass(frozen=True)
class Kind:
    """How a kind of value is read from a block and written as triples."""

    read: Callable[[Fields, Row], object]
    emit: Callable[[Emitter, Node, Row, object], None]
    shown: str
    """The value's form, for the mapping table."""


@dataclass(frozen=True)
class Row:
    """One source field → one predicate."""

    field: str
    predicate: URIRef
    kind: Kind
    target: str = ""
    """What a reference points at (``system``, ``law``, …) or the vocabulary table of a code."""
    required: bool = False
    note: str = ""
    """More about the value, for the mapping table."""


def _each(emit: Callable[[Emitter, Node, Row, object], None]) -> Callable[[Emitter, Node, Row, object], None]:
    """Emit every item of a list value as ``emit`` emits one."""

    def emit_all(out: Emitter, subject: Node, row: Row, values: object) -> None:
        for value in values or ():  # type: ignore[attr-defined]
            emit(out, subject, row, value)

    return emit_all


def _text(out: Emitter, subject: Node, row: Row, value: object) -> None:
    out.text(subject, row.predicate, value)  # type: ignore[arg-type]


def _plain(out: Emitter, subject: Node, row: Row, value: object) -> None:
    out.plain(subject, row.predicate, value)  # type: ignore[arg-type]


def _finnish(out: Emitter, subject: Node, row: Row, value: object) -> None:
    out.add(subject, row.predicate, None if value is None else Literal(value, lang="fi"))


def _link(out: Emitter, subject: Node, row: Row, value: object) -> None:
    out.link(subject, row.predicate, value)  # type: ignore[arg-type]


def _mailto(out: Emitter, subject: Node, row: Row, value: object) -> None:
    out.mailto(subject, row.predicate, value)  # type: ignore[arg-type]


def _ref(out: Emitter, subject: Node, row: Row, value: object) -> None:
    out.add(subject, row.predicate, None if value is None else out.ref(row.target, str(value)))


def _term(out: Emitter, subject: Node, row: Row, value: object) -> None:
    out.term(subject, row.predicate, row.target, value)  # type: ignore[arg-type]


def _typed(datatype: URIRef) -> Callable[[Emitter, Node, Row, object], None]:
    def emit(out: Emitter, subject: Node, row: Row, value: object) -> None:
        out.add(subject, row.predicate, None if value is None else Literal(value, datatype=datatype))

    return emit


def _period(out: Emitter, subject: Node, row: Row, value: object) -> None:
    if not isinstance(value, Period):
        return
    period = out.iris.period(subject)  # type: ignore[arg-type]
    out.add(subject, row.predicate, period)
    out.add(period, RDF.type, DCTERMS.PeriodOfTime)
    for predicate, date in ((DCAT.startDate, value.start), (DCAT.endDate, value.end)):
        out.add(period, predicate, None if date is None else Literal(date, datatype=XSD.date))


def _keywords(out: Emitter, subject: Node, row: Row, value: object) -> None:
    for lang, words in (value or {}).items():  # type: ignore[attr-defined]
        out.each(subject, row.predicate, (Literal(word, lang=lang) for word in words))


TEXT = Kind(lambda f, r: f.text(r.field, r.required), _text, "fi/sv/en")
STRING = Kind(lambda f, r: f.string(r.field, r.required), _plain, "text")
FINNISH = Kind(lambda f, r: f.string(r.field, r.required), _finnish, "text @fi")
SEED_FORMS = Kind(lambda f, r: f.strings(r.field), _each(_finnish), "@fi, each form as the published page writes it")
URL = Kind(lambda f, r: f.url(r.field, r.required), _link, "IRI")
URLS = Kind(lambda f, r: f.urls(r.field), _each(_link), "IRI each")
EMAIL = Kind(lambda f, r: f.email(r.field), _mailto, "``mailto:`` IRI")
REF = Kind(lambda f, r: f.ref(r.field, r.target, r.required), _ref, "IRI of the {target}")
REFS = Kind(lambda f, r: f.refs(r.field, r.target), _each(_ref), "IRI of each {target}")
CODE = Kind(lambda f, r: f.code(r.field, r.target, r.required), _term, "term of the EU table {target}")
CODES = Kind(lambda f, r: f.codes(r.field, r.target), _each(_term), "terms of the EU table {target}")
FLAG = Kind(lambda f, r: f.flag(r.field), _typed(XSD.boolean), "xsd:boolean")
DATE = Kind(lambda f, r: f.date(r.field), _typed(XSD.date), "xsd:date")
KEYWORDS = Kind(lambda f, r: f.keywords(r.field), _keywords, "per language")
PERIOD = Kind(
    lambda f, r: f.period(r.field),
    _period,
    "dct:PeriodOfTime ``{{its IRI}}/temporal``, ``start``/``end`` → dcat:startDate/endDate (xsd:date)",
)


def read_fields(f: Fields, rows: Iterable[Row]) -> dict[str, object]:
    """Each row's field read from ``f``: keyword arguments for the module's dataclass."""
    return {row.field: row.kind.read(f, row) for row in rows}


def emit_fields(out: Emitter, subject: Node, rows: Iterable[Row], item: object) -> None:
    """The triples of each row's field of ``item`` (a model dataclass)."""
    for row in rows:
        row.kind.emit(out, subject, row, getattr(item, row.field))


def document(doc: str | None, rows: Iterable[Row], heading: str = "Simple fields") -> str:
    """``doc`` with the mapping table of ``rows`` appended, as the module docstring shows it."""
    lines = [(row.field, _curie(row.predicate), row.kind.shown.format(target=row.target), row.note) for row in rows]
    widths = [max(len(cells[i]) for cells in [("source field", "predicate", "value", ""), *lines]) for i in range(3)]
    rule = "  ".join("=" * width for width in widths)
    table = [rule, f"{'source field'.ljust(widths[0])}  {'predicate'.ljust(widths[1])}  value"]
    table.append(rule)
    for field, predicate, shown, note in lines:
        table.append(f"{field.ljust(widths[0])}  {predicate.ljust(widths[1])}  {shown}{f'; {note}' if note else ''}")
    table.append(rule)
    return (
        f"{(doc or '').rstrip()}\n\n{heading} (``FIELDS``, read and emitted by :mod:`kasko_dcat.model.mapping`):\n\n"
        + ("\n".join(table) + "\n")
    )


def _curie(iri: URIRef) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(iri).startswith(str(namespace)):
            return f"{prefix}:{str(iri)[len(str(namespace)) :]}"
    return f"<{iri}>"


def field_names(tables: Iterable[Iterable[Row]]) -> Mapping[URIRef, str]:
    """Predicate → the one source field that writes it, where every row that writes it agrees."""
    names: dict[URIRef, set[str]] = {}
    for rows in tables:
        for row in rows:
            names.setdefault(row.predicate, set()).add(row.field)
    return {predicate: next(iter(fields)) for predicate, fields in names.items() if len(fields) == 1}
