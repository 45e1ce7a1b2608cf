"""The RDF formats kasko-dcat reads and writes, in one registry that every stage reads.

Each :class:`RdfFormat` row holds a format's name, file suffixes, media type, the names rdflib and
Oxigraph know it by and, for the four written to ``output/``, its byte-stable serialiser. ``build``
writes :data:`OUTPUT`; ``validate`` picks a parser by suffix; ``query``, ``publish`` and ``serve``
load files by suffix into Oxigraph; ``serve`` negotiates among the written ones and pages link to
them. A new format is one row here.

Turtle, RDF/XML and N-Triples are written by Oxigraph from the triples in their canonical order
(``rdf/canonical.py``), so they are stable and fast; N-Triples' lines are sorted too. JSON-LD is
compacted by rdflib with our context and made stable here by sorting nodes by ``@id`` and every
value array, whose order carries no meaning in RDF.

The table itself imports neither rdflib nor Oxigraph: the command line reads it to offer its
choices, and ``kasko-dcat --help`` should not pay for loading them (0.15 s). The serialisers and
Oxigraph's format load them when first used.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

    from kasko_dcat.rdf.canonical import Canonical


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation: how files, HTTP, rdflib and Oxigraph name it, and how we write it."""

    name: str
    """Shown to people: the format's usual name."""
    suffixes: tuple[str, ...]
    """File suffixes without the dot, the one ``build`` and ``serve`` use first."""
    media_type: str
    rdflib: str
    """rdflib's parser (and ``validate --input-format``) name."""
    oxigraph_name: str
    """The name of Oxigraph's ``RdfFormat`` member."""
    serialize: Callable[[Graph | Canonical], bytes] | None = None
    """The byte-stable writer of a format ``build`` writes to ``output/`` (of an rdflib graph or, faster,
    of :class:`~kasko_dcat.rdf.canonical.Canonical` triples); None for one only read."""
    named_graphs: bool = False
    """The format can hold named graphs; ``validate`` reads them all, as one."""
    reader: str = "oxigraph"
    """How ``validate`` parses a file: ``oxigraph`` (and rdflib where Oxigraph refuses it, as rdflib is
    more lenient), ``oxigraph-only`` (rdflib's line parser is quadratic in a literal's length), or
    ``rdflib`` (Oxigraph reads N3's formulas as named graphs)."""

    @property
    def suffix(self) -> str:
        """The suffix ``build`` writes and ``serve`` answers to (``catalog.ttl``)."""
        return self.suffixes[0]

    @property
    def oxigraph(self) -> ox.RdfFormat:
        """Oxigraph's format."""
        import pyoxigraph as ox

        return getattr(ox.RdfFormat, self.oxigraph_name)

    @property
    def filename(self) -> str:
        """The file in ``output/``."""
        return f"catalog.{self.suffix}"


@cache
def jsonld_context() -> dict[str, object]:
    """The JSON-LD context: our prefixes plus the readable terms kept in ``data/context.jsonld``."""
    from kasko_dcat.rdf.namespaces import PREFIXES

    terms = json.loads(files("kasko_dcat").joinpath("data/context.jsonld").read_text("utf-8"))["@context"]
    return {**{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}, **terms}


def _oxigraph(fmt: str, prefixes: bool = True) -> Callable[[Graph | Canonical], bytes]:
    """Oxigraph's writer of ``fmt``: it keeps the canonical order, and groups a subject's triples."""

    def serialize(graph: Graph | Canonical) -> bytes:
        import pyoxigraph as ox

        from kasko_dcat.rdf.canonical import Canonical
        from kasko_dcat.rdf.namespaces import PREFIXES

        names = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()} if prefixes else None
        data = ox.serialize(Canonical.of(graph).native, format=getattr(ox.RdfFormat, fmt), prefixes=names)
        return data if data.endswith(b"\n") else data + b"\n"  # RDF/XML ends without one

    return serialize


def _rdfxml(triples: Graph | Canonical) -> bytes:
    """Oxigraph's RDF/XML, with each carriage return in a literal written as ``&#13;``.

    Oxigraph writes it as it is, and an XML reader turns a raw one into a line feed: the text
    would change on the way. Nothing else in the file can hold one (IRIs cannot, and the markup
    uses line feeds), so replacing every one is exact.
    """
    return _oxigraph("RDF_XML")(triples).replace(b"\r", b"&#13;")


def _ntriples(triples: Graph | Canonical) -> bytes:
    """One line per triple, the lines sorted as bytes, so that a line-based diff shows what changed."""
    lines = _oxigraph("N_TRIPLES", prefixes=False)(triples).splitlines(keepends=True)
    return b"".join(sorted(lines))


def _jsonld(triples: Graph | Canonical) -> bytes:
    """Compacted by rdflib with our context; its document is taken as it is, not written out and read back."""
    from rdflib.plugins.serializers.jsonld import from_rdf

    from kasko_dcat.rdf.canonical import Canonical

    document = from_rdf(Canonical.of(triples).graph, jsonld_context(), auto_compact=True)
    return (json.dumps(_canonical(document), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _canonical(value: object) -> object:
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(item) for item in value), key=_sort_key)
    return value


def _sort_key(item: object) -> tuple[str, str]:
    """Nodes by IRI (``id``, the context's alias of ``@id``), anything else by its JSON text.

    A node's JSON text is not made: no array holds one IRI twice (a node is written once, a
    reference once per triple), so it would never decide the order, and writing every node out
    to sort them was most of the JSON-LD's time.
    """
    if isinstance(item, dict) and (node_id := item.get("id", item.get("@id"))) is not None:
        return str(node_id), ""
    return "", json.dumps(item, sort_keys=True, ensure_ascii=False)


FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("Turtle", ("ttl", "turtle"), "text/turtle", "turtle", "TURTLE", _oxigraph("TURTLE")),
    RdfFormat("JSON-LD", ("jsonld", "json"), "application/ld+json", "json-ld", "JSON_LD", _jsonld, True),
    RdfFormat("RDF/XML", ("rdf", "xml", "owl"), "application/rdf+xml", "xml", "RDF_XML", _rdfxml),
    RdfFormat("N-Triples", ("nt",), "application/n-triples", "nt", "N_TRIPLES", _ntriples, reader="oxigraph-only"),
    RdfFormat("N3", ("n3",), "text/n3", "n3", "N3", reader="rdflib"),
    RdfFormat("TriG", ("trig",), "application/trig", "trig", "TRIG", named_graphs=True),
    RdfFormat(
        "N-Quads", ("nq",), "application/n-quads", "nquads", "N_QUADS", named_graphs=True, reader="oxigraph-only"
    ),
)
"""Every format, the ones ``build`` writes first in the order ``serve`` prefers them (Turtle for ``*/*``)."""

OUTPUT: tuple[RdfFormat, ...] = tuple(fmt for fmt in FORMATS if fmt.serialize is not None)
"""The formats written to ``output/`` and served."""


def by_suffix(path: PurePath | str) -> RdfFormat | None:
    """The format a file's suffix names (``catalog.TTL`` → Turtle), or None."""
    suffix = PurePath(path).suffix.lstrip(".").lower()
    return next((fmt for fmt in FORMATS if suffix in fmt.suffixes), None)


def by_media_type(media_type: str) -> RdfFormat:
    """The format of a media type offered from :data:`OUTPUT`."""
    return next(fmt for fmt in FORMATS if fmt.media_type == media_type)


def by_rdflib_name(name: str) -> RdfFormat:
    """The format rdflib (and ``validate --input-format``) calls ``name``."""
    return next(fmt for fmt in FORMATS if fmt.rdflib == name)


def serialize_all(graph: Graph | Canonical) -> dict[str, bytes]:
    """Every output file's name and bytes."""
    from kasko_dcat.rdf.canonical import Canonical

    triples = Canonical.of(graph)
    return {fmt.filename: fmt.serialize(triples) for fmt in OUTPUT if fmt.serialize is not None}
