"""The output formats, behind one small registry: name → file, media type and byte-stable serialiser.

rdflib serialises Turtle in sorted order itself; RDF/XML and N-Triples are stable because the
graph iterates in sorted insertion order (``namespaces.new_graph``); JSON-LD is made stable here
by sorting nodes by ``@id`` and every value array, whose order carries no meaning in RDF.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from io import BytesIO

from rdflib import Graph, URIRef
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from kasko_dcat.rdf.namespaces import PREFIXES


@dataclass(frozen=True)
class Format:
    """One serialisation written to ``output/``."""

    name: str
    filename: str
    serialize: Callable[[Graph], bytes]


@cache
def jsonld_context() -> dict[str, object]:
    """The JSON-LD context: our prefixes plus the readable terms kept in ``data/context.jsonld``."""
    terms = json.loads(files("kasko_dcat").joinpath("data/context.jsonld").read_text("utf-8"))["@context"]
    return {**{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}, **terms}


class _Turtle(TurtleSerializer):
    """rdflib's Turtle serialiser, told up front which IRIs have no prefix.

    rdflib looks for a prefix of every IRI in a trie that grows by one branch per distinct IRI
    "namespace" (``…/dataset/x/``), which makes Turtle quadratic in the number of datasets
    (rdflib issue #1752; 7 s for 1 000 datasets here). An IRI outside ``PREFIXES`` is written in
    full either way, so answering "none" at once changes no byte.
    """

    PREFIXED = tuple(str(namespace) for namespace in PREFIXES.values())

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        """Skip the search for IRIs that no prefix of ours covers."""
        if isinstance(uri, URIRef) and not str.startswith(uri, self.PREFIXED):
            return None
        return super().get_pname(uri, gen_prefix)


def _turtle(graph: Graph) -> bytes:
    stream = BytesIO()
    _Turtle(graph).serialize(stream, encoding="utf-8")
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


FORMATS: tuple[Format, ...] = (
    Format("turtle", "catalog.ttl", _turtle),
    Format("json-ld", "catalog.jsonld", _jsonld),
    Format("rdf-xml", "catalog.rdf", _rdfxml),
    Format("n-triples", "catalog.nt", _ntriples),
)


def serialize_all(graph: Graph) -> dict[str, bytes]:
    """Every output file's name and bytes."""
    return {fmt.filename: fmt.serialize(graph) for fmt in FORMATS}
