"""The RDF formats kasko-dcat reads and writes, in one registry that every stage reads.

Each :class:`RdfFormat` row holds a format's name, file suffixes, media type, the names rdflib and
Oxigraph know it by and, for the four written to ``output/``, its byte-stable serialiser. ``build``
writes :data:`OUTPUT`; ``validate`` picks a parser by suffix; ``query``, ``publish`` and ``serve``
load files by suffix into Oxigraph; ``serve`` negotiates among the written ones and pages link to
them. A new format is one row here.

rdflib serialises Turtle in sorted order itself; RDF/XML and N-Triples are stable because the
graph iterates in sorted insertion order (``namespaces.new_graph``); JSON-LD is made stable here
by sorting nodes by ``@id`` and every value array, whose order carries no meaning in RDF.

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
from io import BytesIO
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.plugins.serializers.turtle import TurtleSerializer


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
    serialize: Callable[[Graph], bytes] | None = None
    """The byte-stable writer of a format ``build`` writes to ``output/``; None for one only read."""
    named_graphs: bool = False
    """The format can hold named graphs; ``validate`` reads them all, as one."""

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


@cache
def _turtle_serializer() -> type[TurtleSerializer]:
    """Rdflib's Turtle serialiser, told up front which IRIs have no prefix.

    rdflib looks for a prefix of every IRI in a trie that grows by one branch per distinct IRI
    "namespace" (``…/dataset/x/``), which makes Turtle quadratic in the number of datasets
    (rdflib issue #1752; 7 s for 1 000 datasets here). An IRI outside ``PREFIXES`` is written in
    full either way, so answering "none" at once changes no byte.
    """
    from rdflib import URIRef
    from rdflib.plugins.serializers.turtle import TurtleSerializer
    from rdflib.term import Node

    from kasko_dcat.rdf.namespaces import PREFIXES

    prefixed = tuple(str(namespace) for namespace in PREFIXES.values())

    class Turtle(TurtleSerializer):
        def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
            """Skip the search for IRIs that no prefix of ours covers."""
            if isinstance(uri, URIRef) and not str.startswith(uri, prefixed):
                return None
            return super().get_pname(uri, gen_prefix)

    return Turtle


def _turtle(graph: Graph) -> bytes:
    stream = BytesIO()
    _turtle_serializer()(graph).serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _ntriples(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
    return b"".join(sorted(line for line in lines if line.strip()))


def _rdfxml(graph: Graph) -> bytes:
    return graph.serialize(format="xml", encoding="utf-8")


def _jsonld(graph: Graph) -> bytes:
    document = json.loads(graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    return (json.dumps(_canonical(document), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _canonical(value: object) -> object:
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(item) for item in value), key=_sort_key)
    return value


def _sort_key(item: object) -> tuple[str, str]:
    """Nodes by IRI (``id``, the context's alias of ``@id``), anything else by its JSON text."""
    node_id = item.get("id", item.get("@id", "")) if isinstance(item, dict) else ""
    return str(node_id), json.dumps(item, sort_keys=True, ensure_ascii=False)


FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("Turtle", ("ttl", "turtle"), "text/turtle", "turtle", "TURTLE", _turtle),
    RdfFormat("JSON-LD", ("jsonld", "json"), "application/ld+json", "json-ld", "JSON_LD", _jsonld, True),
    RdfFormat("RDF/XML", ("rdf", "xml", "owl"), "application/rdf+xml", "xml", "RDF_XML", _rdfxml),
    RdfFormat("N-Triples", ("nt",), "application/n-triples", "nt", "N_TRIPLES", _ntriples),
    RdfFormat("N3", ("n3",), "text/n3", "n3", "N3"),
    RdfFormat("TriG", ("trig",), "application/trig", "trig", "TRIG", named_graphs=True),
    RdfFormat("N-Quads", ("nq",), "application/n-quads", "nquads", "N_QUADS", named_graphs=True),
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


def serialize_all(graph: Graph) -> dict[str, bytes]:
    """Every output file's name and bytes."""
    return {fmt.filename: fmt.serialize(graph) for fmt in OUTPUT if fmt.serialize is not None}
