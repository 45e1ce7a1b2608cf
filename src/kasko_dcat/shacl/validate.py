"""Validation of a built catalogue, or of the source built in memory, against ``shapes/``.

What this module adds to the engine (``engine.py``): the shapes that ship with kasko-dcat, and each
result turned into a *finding* that says which resource it belongs to (by title, as the division
knows it) and where to fix it in the source (the field, from the model's ``FIELDS`` rows). Files
a user names are read by :mod:`kasko_dcat.rdf.reading`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat import files as guarded
from kasko_dcat.errors import KaskoError
from kasko_dcat.model import agent, catalog, contact, dataset, distribution, guidance, system
from kasko_dcat.model.catalog import PROFILES
from kasko_dcat.model.description import MAX_SOURCE_FILE_BYTES as LINES_MAX_BYTES
from kasko_dcat.model.description import Source
from kasko_dcat.model.mapping import field_names
from kasko_dcat.rdf.formats import by_rdflib_name
from kasko_dcat.rdf.iris import Iris
from kasko_dcat.rdf.namespaces import DCAT, DCATAP, DCTERMS, FOAF, RDF, RDFS, SKOS, TVK, VCARD
from kasko_dcat.rdf.triples import Triples, vocabulary_term
from kasko_dcat.shacl.engine import DataGraph, Result, ShapesGraph, targeted
from kasko_dcat.shacl.engine import validate as run_engine
from kasko_dcat.shacl.pyshacl_engine import validate_with_pyshacl
from kasko_dcat.source.problems import Where

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from kasko_dcat.shacl.baseline import BaselineEntry

ALL_PROFILES = tuple(PROFILES)
TURTLE = by_rdflib_name("turtle")


def load_shapes(profiles: tuple[str, ...] = ALL_PROFILES) -> ShapesGraph:
    """The shapes that ship with kasko-dcat (``shapes/*.ttl``): the common ones and those of ``profiles``.

    Parsed once per process and set of profiles, however the call is written: ``functools.cache``
    alone keys ``load_shapes()`` and ``load_shapes(ALL_PROFILES)`` apart and parsed twice.
    """
    return _parse_shapes(frozenset(profiles))


@cache
def _parse_shapes(profiles: frozenset[str]) -> ShapesGraph:
    """Our shapes, read by Oxigraph as every data file is (rdf/triples.py).

    They are not checked against SHACL's shapes for shapes on each run, as a user's are:
    ``tests/test_shapes.py`` holds every combination of them well formed, and the check took a
    fifth of a small validation.
    """
    graph = Graph()
    for shapes_file in shape_files(profiles):
        Triples.parse(shapes_file.read_bytes(), TURTLE.oxigraph).graph(into=graph)
    return ShapesGraph(graph, checked=False)


def shape_files(profiles: Collection[str]) -> list[Traversable]:
    """Our shapes files (``shapes/*.ttl``) that apply: the common ones and those of ``profiles``, by name."""
    chosen = []
    for entry in sorted(files("kasko_dcat").joinpath("shapes").iterdir(), key=lambda entry: entry.name):
        profile = entry.name.removesuffix(".ttl")
        if entry.name.endswith(".ttl") and (profile not in PROFILES or profile in profiles):
            chosen.append(entry)
    return chosen


# --- findings ------------------------------------------------------------------------------------

# Predicates and classes here are the objects the data graph shares (``vocabulary_term``), so that
# looking them up in its index, and a result's predicate up in these tables, matches by identity.

LABELS = tuple(map(vocabulary_term, (DCTERMS.title, FOAF.name, VCARD.fn, SKOS.prefLabel, RDFS.label)))
"""Where a resource's human name is found, in order of preference."""

_TYPE, _PART_OF = vocabulary_term(RDF.type), vocabulary_term(DCTERMS.isPartOf)

OWNERS = {
    vocabulary_term(kind)
    for kind in (
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
    )
}
"""Kinds of things a finding is reported under; a distribution's finding goes under its dataset, etc."""

FIELD_EXCEPTIONS: dict[Node, str] = {
    DCTERMS.accessRights: "personal_data / access_rights",
    DCATAP.applicableLegislation: "legislation",
    DCTERMS.publisher: "publisher (catalog.yaml: dataset_defaults)",
    DCAT.contactPoint: "contact_point (catalog.yaml: dataset_defaults)",
    TVK.disclosureAuthority: "disclosure_authority (catalog.yaml: dataset_defaults)",
    TVK.dataGroup: "data_groups",
    TVK.searchKey: "search_keys",
    DCTERMS.description: "description",
    VCARD.fn: "name",
}
"""Fields the model modules read by hand, and predicates that rows of different names write."""

PART_FIELDS: dict[Node, str] = {
    vocabulary_term(DCAT.startDate): "temporal: start",
    vocabulary_term(DCAT.endDate): "temporal: end",
}
"""Predicates of a node written inside its owner's block (a dataset's period of time)."""

FIELDS: dict[Node, str] = {
    vocabulary_term(predicate): name
    for predicate, name in {
        **field_names(module.FIELDS for module in (agent, catalog, contact, dataset, distribution, guidance, system)),
        **FIELD_EXCEPTIONS,
    }.items()
}
"""Predicate → the source field that writes it (see the mapping table of each model module)."""

SHAPE_FIELDS: dict[str, str] = {
    "s28-4-search-keys": "search_keys",
    "privacy-notice": "privacy_notices",
    "dataset-access-rights": "personal_data",
}
"""Shapes whose fix lies in a field their path does not name."""

EXAMPLES = URIRef("urn:kasko-dcat:source:request-examples")
"""Key of ``places``: the ``examples:`` list of ``request.yaml``, where search keys are written."""

SHAPE_PLACES: dict[str, Node] = {"s28-4-search-keys": EXAMPLES}
"""Shapes whose fix lies in another file than the thing they found."""

RESOURCE_ONLY = frozenset(row.field for row in dataset.RESOURCE_FIELDS) - {row.field for row in dataset.REGISTER_FIELDS}
"""Fields a resource has and its registers do not: a register's finding on one is fixed in its resource."""


class Finding(NamedTuple):
    """A result with the resource it belongs to and, where known, the place to fix it.

    A named tuple, as :class:`Result` is: one is made per result, 240 000 for SEMIC's shapes on 10 000 datasets.
    """

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
    accepted: int = 0
    """Findings left out because the baseline file accepts them."""
    stale: tuple[BaselineEntry, ...] = ()
    """Entries of the baseline file that no finding matches any more: fixed, to be removed."""
    baseline: str = ""
    """The baseline file's path, when one was applied."""
    base: str = ""
    """The catalogue's base IRI (its ``dcat:Catalog`` without ``catalog``): a baseline names nodes under it by
    their source id (``dataset/perusopetus``), so it survives a change of ``base_iri``."""
    skipped: tuple[tuple[str, str], ...] = ()
    """Shapes not run (``--skip-ill-formed``): (shape, why), the shape as an IRI or ``_:label``."""
    data: Triples | Graph | None = field(default=None, repr=False, compare=False)
    """The data graph, for the Turtle report's copies of blank nodes it names (as pySHACL copies them)."""
    shapes_graph: Graph | None = field(default=None, repr=False, compare=False)
    """The shapes graph, for the Turtle report's ``sh:resultPath`` structures and blank-node shapes."""

    def count(self, severity: str) -> int:
        """How many findings have ``severity``."""
        return self._counts[severity]

    @cached_property
    def _counts(self) -> Counter[str]:
        # Counted once: the writers and the exit code ask again and again, of 60 000 findings at 10 000 datasets.
        return Counter(f.severity for f in self.findings)

    def fails(self, fail_on: str) -> bool:
        """Whether this report fails a CI run that fails on ``fail_on`` (violation or warning)."""
        return self.count("Violation") > 0 or (fail_on == "warning" and self.count("Warning") > 0)


@dataclass(frozen=True)
class ShapesChoice:
    """Which shapes to validate against and with which engine (``validate --shapes/--with-own-shapes/--engine``)."""

    other: Graph | None = None
    """Shapes read from ``--shapes``; None for our own alone."""
    with_own: bool = False
    engine: str = "kasko"
    skip_ill_formed: bool = False
    """Run the well-formed shapes and list the ill-formed ones, instead of refusing them all."""

    def graph(self, profiles: tuple[str, ...]) -> Graph | None:
        """The shapes graph to use; None means our own, which ``check`` loads compiled once per process."""
        if self.other is None:
            return None
        return load_shapes(profiles).graph + self.other if self.with_own else self.other


ENGINES = ("kasko", "pyshacl")
"""``--engine``: ours, or pySHACL as a second opinion on the same shapes."""


def check(
    graph: Triples | Graph,
    label: str,
    lang: str,
    places: dict[Node, Where] | None = None,
    profiles: tuple[str, ...] = ALL_PROFILES,
    shapes: Graph | None = None,
    engine: str = "kasko",
    skip_ill_formed: bool = False,
) -> Report:
    """Validate ``graph`` and explain each result; ``places`` (see :func:`source_places`) say where to fix it.

    ``shapes`` replaces ours (``shapes/`` with ``profiles``) when given; ``engine`` is one of :data:`ENGINES`.
    Ill-formed shapes are refused, or with ``skip_ill_formed`` not run and listed in the report.
    """
    ignored: tuple[URIRef, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    data = DataGraph.of(graph)  # read once, for the engine, the names and the report
    if engine == "pyshacl":
        shapes_graph = load_shapes(profiles).graph if shapes is None else shapes
        results, count = validate_with_pyshacl(data, shapes_graph), len(targeted(shapes_graph))
    else:
        compiled = load_shapes(profiles) if shapes is None else ShapesGraph(shapes, skip_ill_formed)
        results, count = run_engine(data, compiled), len(compiled.targeted)
        ignored = tuple(sorted(compiled.unknown, key=str))
        skipped = tuple(sorted((_shape_name(node), why) for node, why in compiled.skipped.items()))
        shapes_graph = compiled.graph
    catalogues = sorted(str(c) for c in data.subjects(_TYPE, DCAT.Catalog))
    if not catalogues:  # not a catalogue: no resource, title or source place to name
        findings = [Finding(result, result.focus, "", None, None) for result in results]
        return Report(label, findings, count, len(data), ignored, skipped=skipped, data=data, shapes_graph=shapes_graph)
    places = places or {}
    namer = Namer(data, lang)
    texts: dict[str, list[str]] = {}  # each source file's lines, read once per check
    field_at: dict[tuple[Where, str], Where] = {}
    findings = []
    for result in results:
        owner = namer.owner(result.focus)
        shape_name = str(result.shape).rsplit("#", 1)[-1]
        predicate = result.path.iri if result.path is not None and result.path.kind == "pred" else None
        # A field names the owner's own source block; a distribution's finding has none to name.
        field = SHAPE_FIELDS.get(shape_name) or (FIELDS.get(predicate) if owner == result.focus else None)
        field = field or PART_FIELDS.get(predicate)
        where = places.get(SHAPE_PLACES.get(shape_name)) or places.get(result.focus) or places.get(owner)
        whole = data.value(result.focus, _PART_OF)
        if field in RESOURCE_ONLY and whole is not None and whole in places:
            where = places[whole]  # a register: the field is its resource's
        if where is not None and field:  # found once per block and field: 10 000 datasets share a few
            if (at := field_at.get((where, field))) is None:
                at = field_at[where, field] = field_line(where, field.split(":")[0].split(" ")[0], texts)
            where = at
        findings.append(Finding(result, owner, namer.title(owner), where, field))
    findings = _in_report_order(findings)
    ours = [c for c in catalogues if c.endswith("/catalog")]
    base = ours[0].removesuffix("catalog") if ours else ""
    return Report(
        label, findings, count, len(data), ignored, base=base, skipped=skipped, data=data, shapes_graph=shapes_graph
    )


def _shape_name(node: Node) -> str:
    """A skipped shape as the report lists it: its IRI, or its blank node's stable label."""
    return str(node) if isinstance(node, URIRef) else f"_:{node}"


SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _in_report_order(findings: list[Finding]) -> list[Finding]:
    """By resource title, then severity (the text report's grouping), then the results' own order.

    The engines return results sorted by :meth:`Result.sort_key` and the sort is stable, so that
    order is kept without computing the key a second time (60 000 times for 10 000 datasets).
    """
    return sorted(findings, key=lambda f: (f.title.casefold(), str(f.owner), SEVERITY_ORDER.get(f.severity, 9)))


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
    places[iris.catalog()] = Where.of(root / "catalog.yaml", line_of(root / "catalog.yaml", "") or 1)
    if source.information_request is not None:  # every distribution is the request route of request.yaml
        route = Where.of(root / "request.yaml", line_of(root / "request.yaml", "information_request:"))
        places[iris.rights()] = route
        places.update({iris.distribution(dataset.id): route for dataset, _ in source.datasets})
    places[EXAMPLES] = Where.of(root / "request.yaml", line_of(root / "request.yaml", "examples:"))
    return places


def field_line(block: Where, field: str, texts: dict[str, list[str]]) -> Where:
    """Where ``field`` is written in the block that starts at ``block``, or the block's own line if it is not.

    A keeper goes straight to ``privacy_notices: []`` instead of looking for it under ``id:``.
    ``texts`` keeps the lines of each file read so far.
    """
    if block.file not in texts:
        texts[block.file] = source_lines(block.file)
    lines = texts[block.file]
    if not 0 < block.line <= len(lines):
        return block
    first = lines[block.line - 1]
    item = first.lstrip().startswith("- ")
    indent = len(first) - len(first.lstrip(" -")) if item else len(first) - len(first.lstrip())
    for number in range(block.line, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        depth = len(line) - len(line.lstrip(" -")) if number == block.line else len(line) - len(line.lstrip())
        if number > block.line and (depth < indent or (depth == indent - 2 and line.lstrip().startswith("- "))):
            break  # the block ended: a shallower line, or the next item of the same list
        if depth == indent and line.lstrip(" -").startswith(f"{field}:"):
            return Where(block.file, number)
    return block


def source_lines(file: str) -> list[str]:
    """The lines of a source file; none when it cannot be read."""
    try:
        return guarded.read_text(Path(file), limit=LINES_MAX_BYTES).splitlines()
    except KaskoError:
        return []


def line_of(path: Path, start: str) -> int:
    """The 1-based number of the first field line of ``path`` that starts with ``start``; 0 if none does.

    Comments and blank lines are skipped, so ``""`` finds the file's first field.
    """
    try:
        lines = guarded.read_text(path, limit=LINES_MAX_BYTES).splitlines()
    except KaskoError:
        return 0
    fields = ((number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#"))
    return next((number for number, line in fields if line.startswith(start)), 0)


class Namer:
    """Finds the resource a node belongs to and its title, as the division would name it."""

    def __init__(self, graph: Triples | Graph, lang: str) -> None:
        self.graph = graph
        self.lang = lang
        self._owner: dict[Node, Node] = {}
        self._title: dict[Node, str] = {}

    def owner(self, node: Node) -> Node:
        """The node if it is a resource the division knows by name; else the first one up the links to it."""
        if node in self._owner:
            return self._owner[node]
        chain, current = [node], node  # walked in a loop: a chain of links may be thousands long
        while not any(t in OWNERS for t in self.graph.objects(current, _TYPE)):
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
            first: dict[str | None, Literal] = {}  # each language's first name
            for p in LABELS:
                for name in self.graph.objects(node, p):
                    if isinstance(name, Literal):
                        first.setdefault(name.language, name)
            ranked = [first[lang] for lang in (self.lang, "fi", "en") if lang in first] or list(first.values())
            self._title[node] = str(ranked[0]) if ranked else str(node)
        return self._title[node]
