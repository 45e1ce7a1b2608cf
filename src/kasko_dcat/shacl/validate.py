"""Validation of a built catalogue, or of the source built in memory, against ``shapes/`` or other shapes.

What this module adds to the engine (``engine.py``): reading the RDF files and shapes files a user
names without a traceback or an unbounded read, and turning each result into a *finding* that says
which resource it belongs to (by title, as the division knows it) and where to fix it in the source.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat.model.catalog import PROFILES
from kasko_dcat.model.description import Source
from kasko_dcat.rdf.iris import Iris
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, FOAF, RDF, RDFS, SKOS, TVK, VCARD, new_graph
from kasko_dcat.shacl.engine import Result, ShapesGraph, parse_exact, targeted
from kasko_dcat.shacl.engine import validate as run_engine
from kasko_dcat.shacl.pyshacl_engine import validate_with_pyshacl
from kasko_dcat.source.problems import Where

DEFAULT_MAX_MB = 32
"""Largest file ``validate`` reads unless told otherwise: 1 000 datasets in N-Triples take about 12 MB."""

FORMATS_BY_SUFFIX = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".trig": "trig",
    ".nq": "nquads",
}
"""File suffix → rdflib parser; other suffixes are recognised by their first characters."""

NAMED_GRAPH_FORMATS = {"json-ld", "trig", "nquads"}
"""Formats that can hold named graphs; all their graphs are validated, as one."""


class InputError(Exception):
    """A file ``validate`` was asked to read cannot be read as RDF; ``code`` names the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}


ALL_PROFILES = tuple(PROFILES)


def load_shapes(profiles: tuple[str, ...] = ALL_PROFILES) -> ShapesGraph:
    """The shapes that ship with kasko-dcat (``shapes/*.ttl``): the common ones and those of ``profiles``.

    Parsed once per process and set of profiles, however the call is written: ``functools.cache``
    alone keys ``load_shapes()`` and ``load_shapes(ALL_PROFILES)`` apart and parsed twice.
    """
    return _parse_shapes(frozenset(profiles))


@cache
def _parse_shapes(profiles: frozenset[str]) -> ShapesGraph:
    graph = Graph()
    folder = files("kasko_dcat").joinpath("shapes")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".ttl"))
    for name in names:
        profile = name.removesuffix(".ttl")
        if profile not in PROFILES or profile in profiles:
            parse_exact(graph, data=folder.joinpath(name).read_text("utf-8"), format="turtle")
    return ShapesGraph(graph)


SHAPES_SUFFIXES = (".ttl", ".turtle", ".nt", ".n3", ".jsonld", ".rdf", ".xml", ".owl", ".trig", ".nq")
"""Files of a ``--shapes`` folder that are read; others (a README) are left alone."""


def read_shapes(paths: tuple[Path, ...], max_mb: float = DEFAULT_MAX_MB) -> Graph:
    """Shapes from files and folders (each RDF file of a folder, in name order) as one graph.

    Literals keep their lexical form, as in data files; a folder without any RDF file is refused,
    so that a mistyped folder never validates against nothing.
    """
    graph = Graph()
    for path in paths:
        files = [path]
        if path.is_dir():
            files = sorted(f for f in path.iterdir() if f.suffix.lower() in SHAPES_SUFFIXES and f.is_file())
            if not files:
                raise InputError("validate-shapes-empty-folder", path=path)
        for file in files:
            for triple in _parse(file, max_mb, None):
                graph.add(triple)
    return _name_blank_nodes(graph)


def _name_blank_nodes(graph: Graph) -> Graph:
    """A copy of ``graph`` whose blank nodes are named by what they hold and where they hang.

    Shapes files name most property shapes with blank nodes, which rdflib labels at random on
    each parse; reports sort and show shapes by name, so the names must be the same on every run.
    rdflib's canonical labelling does this too but takes seconds on SEMIC's shapes; shapes graphs
    are trees of blank nodes, where a hash of the content and of the parents is enough.
    """
    contents: dict[Node, str] = {}
    labels: dict[Node, str] = {}

    def content(node: Node, path: frozenset[Node]) -> str:
        if not isinstance(node, BNode) or node in path:
            return node.n3() if not isinstance(node, BNode) else "_:cycle"
        if node not in contents:
            parts = sorted(f"{p.n3()} {content(o, path | {node})}" for p, o in graph.predicate_objects(node))
            contents[node] = _digest("\n".join(parts))
        return contents[node]

    def label(node: Node, path: frozenset[Node]) -> str:
        if not isinstance(node, BNode) or node in path:
            return content(node, frozenset())
        if node not in labels:
            above = sorted(f"{label(s, path | {node})} {p.n3()}" for s, p in graph.subject_predicates(node))
            labels[node] = _digest(content(node, frozenset()) + "\n" + "\n".join(above))
        return labels[node]

    named: dict[Node, BNode] = {}
    for node in sorted({n for triple in graph for n in triple if isinstance(n, BNode)}, key=str):
        name = label(node, frozenset())
        while BNode(name) in named.values():  # identical blank nodes under identical parents: keep them apart
            name = _digest(name)
        named[node] = BNode(name)
    copy = Graph()
    for s, p, o in graph:
        copy.add((named.get(s, s), p, named.get(o, o)))
    for prefix, namespace in graph.namespace_manager.namespaces():
        copy.bind(prefix, namespace)
    return copy


def _digest(text: str) -> str:
    return "s" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def read_rdf(path: Path, max_mb: float = DEFAULT_MAX_MB, rdf_format: str | None = None) -> Graph:
    """Parse ``path`` as RDF, or raise :class:`InputError` saying in one line why it cannot be.

    Named graphs (TriG, N-Quads, JSON-LD) are read into one graph, so that no triple escapes
    validation. A file that describes no ``dcat:Catalog`` is refused: it is not a catalogue, and
    "0 violations" about it would mislead.
    """
    graph = _parse(path, max_mb, rdf_format)
    if (None, RDF.type, DCAT.Catalog) not in graph:
        raise InputError("validate-no-catalog", path=path)
    return graph


def _parse(path: Path, max_mb: float, rdf_format: str | None) -> Graph:
    """Any RDF file as one graph (named graphs merged), literals as written, or :class:`InputError`."""
    raw = _read_bounded(path, max_mb)
    if not raw.strip():
        raise InputError("validate-empty", path=path)
    fmt = rdf_format or FORMATS_BY_SUFFIX.get(path.suffix.lower()) or _sniff(raw)
    # The engine reads rdflib's SimpleMemory store fastest; the parsers of formats with named
    # graphs need a store that knows them, whose union is then copied.
    named = fmt in NAMED_GRAPH_FORMATS
    target = Dataset() if named else new_graph()
    try:
        if fmt == "xml":  # XML declares its own encoding
            if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
                raise InputError("validate-xml-doctype", path=path)
            parse_exact(target, data=raw, format=fmt)
        else:
            text = _utf8(path, raw)
            if fmt == "json-ld":
                _check_json_ld(path, text)
            parse_exact(target, data=text, format=fmt)
    except InputError:
        raise
    except Exception as exc:  # every rdflib parser raises its own kinds; all mean "not this format"
        raise InputError("validate-not-rdf", path=path, format=fmt, reason=_first_line(exc)) from None
    graph = target
    if named:
        graph = new_graph()
        for s, p, o, _ in target.quads((None, None, None, None)):
            graph.store.add((s, p, o), graph)
    if len(graph) == 0:
        raise InputError("validate-no-triples", path=path, format=fmt)
    return graph


def _read_bounded(path: Path, max_mb: float) -> bytes:
    """The file's bytes, refusing folders, devices and pipes, and anything over ``max_mb``."""
    limit = int(max_mb * 1_000_000)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError("validate-is-folder", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("validate-not-a-file", path=path)
        chunks, total = [], 0
        with path.open("rb") as stream:  # in chunks: read(n) would reserve n bytes at once
            while total <= limit and (chunk := stream.read(1 << 20)):
                chunks.append(chunk)
                total += len(chunk)
    except FileNotFoundError:
        raise InputError("validate-no-file", path=path) from None
    except OSError as exc:
        raise InputError("validate-unreadable", path=path, reason=exc.strerror or exc) from None
    if total > limit:
        size = max(info.st_size, total) / 1_000_000
        raise InputError("validate-too-large", path=path, size=f"{size:.1f}", limit=f"{max_mb:g}")
    return b"".join(chunks)


def _sniff(raw: bytes) -> str:
    head = raw.lstrip()[:200]
    if head.startswith((b"<?xml", b"<rdf:RDF", b"<RDF")):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json-ld"
    return "turtle"  # also reads N-Triples


def _utf8(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark, as some Windows editors write, is no error
    except UnicodeDecodeError as exc:
        raise InputError("validate-encoding", path=path, offset=exc.start, byte=f"0x{raw[exc.start]:02x}") from None


def _check_json_ld(path: Path, text: str) -> None:
    """Refuse what rdflib would fetch over the network (a remote ``@context`` or ``@import``), in CI too."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"{exc.msg} (line {exc.lineno})"
        raise InputError("validate-not-rdf", path=path, format="json-ld", reason=reason) from None
    if not isinstance(document, dict | list):
        reason = "the document is neither a JSON object nor an array"
        raise InputError("validate-not-rdf", path=path, format="json-ld", reason=reason)

    def contexts(node: object) -> Iterator[object]:
        if isinstance(node, dict):
            if "@context" in node:
                yield node["@context"]
            for value in node.values():
                yield from contexts(value)
        elif isinstance(node, list):
            for value in node:
                yield from contexts(value)

    for context in contexts(document):
        for item in context if isinstance(context, list) else [context]:
            remote = item if isinstance(item, str) else item.get("@import") if isinstance(item, dict) else None
            if remote is not None:
                raise InputError("validate-remote-context", path=path, context=remote)


def _first_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


# --- findings ------------------------------------------------------------------------------------

LABELS = (DCTERMS.title, FOAF.name, VCARD.fn, SKOS.prefLabel, RDFS.label)
"""Where a resource's human name is found, in order of preference."""

OWNERS = {
    DCAT.Catalog,
    DCAT.Dataset,
    DCAT.DataService,
    URIRef(f"{DCAT}DatasetSeries"),  # DCAT 3, unknown to rdflib's closed DCAT namespace
    DCAT.Resource,
    TVK.InformationSystem,
    TVK.RequestGuidance,
    TVK.RequestChannel,
    FOAF.Agent,
    VCARD.Kind,
}
"""Kinds of things a finding is reported under; a distribution's finding goes under its dataset, etc."""

FIELDS: dict[Node, str] = {
    DCTERMS.title: "title",
    DCTERMS.description: "description",
    DCAT.keyword: "keywords",
    DCAT.theme: "themes",
    DCTERMS.accessRights: "personal_data / access_rights",
    DCATAP.applicableLegislation: "legislation",
    DCTERMS.publisher: "publisher (catalog.yaml: dataset_defaults)",
    DCAT.contactPoint: "contact_point (catalog.yaml: dataset_defaults)",
    TVK.disclosureAuthority: "disclosure_authority (catalog.yaml: dataset_defaults)",
    TVK.informationSystem: "systems",
    TVK.supportingSystem: "supporting_systems",
    TVK.dataContents: "data_contents",
    TVK.dataGroup: "data_groups",
    TVK.feeds: "feeds",
    TVK.privacyNotice: "privacy_notices",
    TVK.technicalInterface: "technical_interface",
    TVK.searchKey: "search_keys",
    FOAF.name: "name",
    VCARD.fn: "name",
    VCARD.hasEmail: "email",
    DCTERMS.license: "license",
    DCTERMS.issued: "issued",
    DCTERMS.modified: "modified",
    FOAF.homepage: "homepage",
}
"""Predicate → the source field that writes it (see the mapping table of each model module)."""

SHAPE_FIELDS: dict[str, str] = {
    "s28-4-search-keys": "search_keys of an example in request.yaml (examples: resource)",
    "privacy-notice": "privacy_notices",
}
"""Shapes whose fix lies in a field their path does not name."""


@dataclass(frozen=True)
class Finding:
    """A result with the resource it belongs to and, where known, the place to fix it."""

    result: Result
    owner: Node
    title: str
    where: Where | None
    field: str | None

    @property
    def severity(self) -> str:
        """``Violation``, ``Warning`` or ``Info``."""
        return str(self.result.severity).rsplit("#", 1)[-1]


@dataclass(frozen=True)
class Report:
    """Everything found in one graph: a built file, or the source built in memory."""

    label: str
    """The file's path, or the source folder's."""
    findings: list[Finding]
    shapes: int
    triples: int
    ignored: tuple[URIRef, ...] = ()
    """Predicates in the ``sh:`` namespace that SHACL does not define, which the shapes use and were ignored."""

    def count(self, severity: str) -> int:
        """How many findings have ``severity``."""
        return sum(f.severity == severity for f in self.findings)

    def fails(self, fail_on: str) -> bool:
        """Whether this report fails a CI run that fails on ``fail_on`` (violation or warning)."""
        return self.count("Violation") > 0 or (fail_on == "warning" and self.count("Warning") > 0)


ENGINES = ("kasko", "pyshacl")
"""``--engine``: ours, or pySHACL as a second opinion on the same shapes."""


def check(
    graph: Graph,
    label: str,
    lang: str,
    places: dict[Node, Where] | None = None,
    profiles: tuple[str, ...] = ALL_PROFILES,
    shapes: Graph | None = None,
    engine: str = "kasko",
) -> Report:
    """Validate ``graph`` and explain each result; ``places`` (see :func:`source_places`) say where to fix it.

    ``shapes`` replaces ours (``shapes/`` with ``profiles``) when given; ``engine`` is one of :data:`ENGINES`.
    """
    ignored: tuple[URIRef, ...] = ()
    if engine == "pyshacl":
        shapes_graph = load_shapes(profiles).graph if shapes is None else shapes
        results, count = validate_with_pyshacl(graph, shapes_graph), len(targeted(shapes_graph))
    else:
        compiled = load_shapes(profiles) if shapes is None else ShapesGraph(shapes)
        results, count = run_engine(graph, compiled), len(compiled.targeted)
        ignored = tuple(sorted(compiled.unknown, key=str))
    places = places or {}
    namer = _Namer(graph, lang)
    findings = []
    for result in results:
        owner = namer.owner(result.focus)
        shape_name = str(result.shape).rsplit("#", 1)[-1]
        predicate = result.path.iri if result.path is not None and result.path.kind == "pred" else None
        # A field names the owner's own source block; a distribution's finding has none to name.
        field = SHAPE_FIELDS.get(shape_name) or (FIELDS.get(predicate) if owner == result.focus else None)
        where = places.get(result.focus) or places.get(owner)
        findings.append(Finding(result, owner, namer.title(owner), where, field))
    findings.sort(key=_finding_order)
    return Report(label, findings, count, len(graph), ignored)


_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _finding_order(f: Finding) -> tuple[str, str, int, tuple[str, str, str, str]]:
    """By resource title, then severity (the text report's grouping), then the result's own order."""
    return (f.title.casefold(), str(f.owner), _SEVERITY_ORDER.get(f.severity, 9), f.result.sort_key())


def source_places(source: Source, root: Path) -> dict[Node, Where]:
    """Each IRI the converter mints from an id in the source at ``root`` → where that id is written."""
    iris = Iris(source.catalog.base_iri)
    mint = {
        "dataset": iris.dataset,
        "system": iris.system,
        "organisation": iris.organisation,
        "address": iris.address,
        "contact point": iris.contact,
        "channel": iris.channel,
        "related resource": iris.related_resource,
        "example": iris.example,
    }
    places: dict[Node, Where] = {}
    for kind, ids in source.places.items():
        if kind in mint:
            places.update({mint[kind](ident): where for ident, where in ids.items()})
    law_places = source.places.get("law", {})
    places.update({URIRef(law.eli): law_places[law.id] for law in source.laws if law.id in law_places})
    places[iris.catalog()] = Where.of(root / "catalog.yaml", 1)
    if source.information_request is not None:  # every distribution is the request route of request.yaml
        route = Where.of(root / "request.yaml", _line_of(root / "request.yaml", "information_request:"))
        places[iris.rights()] = route
        places.update({iris.distribution(dataset.id): route for dataset, _ in source.datasets})
    return places


def _line_of(path: Path, start: str) -> int:
    """The 1-based number of the first line of ``path`` that starts with ``start``; 0 if none does."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    return next((number for number, line in enumerate(lines, 1) if line.startswith(start)), 0)


class _Namer:
    """Finds the resource a node belongs to and its title, as the division would name it."""

    def __init__(self, graph: Graph, lang: str) -> None:
        self.graph = graph
        self.lang = lang
        self._owner: dict[Node, Node] = {}
        self._title: dict[Node, str] = {}

    def owner(self, node: Node) -> Node:
        """The node if it is a resource the division knows by name; else the first one up the links to it."""
        if node in self._owner:
            return self._owner[node]
        chain, current = [node], node  # walked in a loop: a chain of links may be thousands long
        while not any(t in OWNERS for t in self.graph.objects(current, RDF.type)):
            parents = sorted((s for s in self.graph.subjects(None, current) if s not in chain), key=str)
            if not parents:
                current = node  # no named resource above it: the node stands for itself
                break
            current = parents[0]
            if current in self._owner:
                current = self._owner[current]
                break
            chain.append(current)
        for link in chain:
            self._owner[link] = current
        return current

    def title(self, node: Node) -> str:
        """The node's name in the user's language, else in Finnish, else any; its IRI when it has none."""
        if node not in self._title:
            names = [o for p in LABELS for o in self.graph.objects(node, p) if isinstance(o, Literal)]
            ranked = [n for lang in (self.lang, "fi", "en", None) for n in names if lang is None or n.language == lang]
            self._title[node] = str(ranked[0]) if ranked else str(node)
        return self._title[node]
