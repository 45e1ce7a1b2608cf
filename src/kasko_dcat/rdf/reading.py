"""Reading an RDF file a user names: bounded, without a traceback, never over the network.

``validate PATH`` reads files that may come from anywhere, so each is read in chunks up to a
size limit, refused if it is not a regular file, decoded strictly, and parsed by the format its
suffix names in :mod:`kasko_dcat.rdf.formats` (or that its first bytes suggest). XML entity
declarations and remote JSON-LD contexts are refused before a parser sees them.

Oxigraph parses (:mod:`kasko_dcat.rdf.triples`): ten times faster than rdflib, and linear where
rdflib's line parser is quadratic in the length of a literal (1 MB took 13 s, a 30 MB file under
the size limit ran for 49 minutes). Oxigraph is stricter than rdflib (an IRI with a space, a
relative IRI without a base): such a file is read by rdflib, as before, except in N-Triples and
N-Quads, where rdflib's line parser is never used.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kasko_dcat import files as guarded
from kasko_dcat.errors import KaskoError
from kasko_dcat.rdf.formats import RdfFormat, by_rdflib_name, by_suffix
from kasko_dcat.rdf.namespaces import DCAT, RDF, new_graph
from kasko_dcat.rdf.triples import Triples, exact_literals

DEFAULT_MAX_MB = 32
"""Largest file ``validate`` reads unless told otherwise: 1 000 datasets in N-Triples take about 12 MB."""


class InputError(KaskoError):
    """A file ``validate`` was asked to read cannot be read as RDF."""


def parse_exact(graph: Graph, **parse_args: object) -> Graph:
    """``graph.parse(**parse_args)`` keeping each literal's lexical form as written."""
    with exact_literals():
        return graph.parse(**parse_args)  # type: ignore[arg-type]


def read_shapes(paths: tuple[Path, ...], max_mb: float = DEFAULT_MAX_MB) -> Graph:
    """Shapes from files and folders (each RDF file of a folder, in name order) as one graph.

    Literals keep their lexical form, as in data files; a folder without any RDF file is refused,
    so that a mistyped folder never validates against nothing.
    """
    graph = Graph()
    for path in paths:
        found, folder = [path], None
        if path.is_dir():  # a link in the folder may lead only to another file in it
            found, folder = sorted(f for f in path.iterdir() if by_suffix(f) is not None and not f.is_dir()), path
            if not found:
                raise InputError("validate-shapes-empty-folder", path=path)
        for file in found:
            parsed = _parse(file, max_mb, None, folder)
            for triple in parsed:
                graph.add(triple)
            # Kept for the Turtle report: the prefixes the file's own graph would have (ours, then its own).
            for prefix, namespace in parsed.bind(new_graph()).namespace_manager.namespaces():
                graph.bind(prefix, namespace, override=False)
    return _name_blank_nodes(graph)


def _name_blank_nodes(graph: Graph) -> Graph:
    """A copy of ``graph`` whose blank nodes are named by what they hold and where they hang.

    Shapes files name most property shapes with blank nodes, which rdflib labels at random on
    each parse; reports sort and show shapes by name, so the names must be the same on every run.
    rdflib's canonical labelling does this too but takes seconds on SEMIC's shapes; shapes graphs
    are trees of blank nodes, where a hash of the content and of the parents is enough.
    """
    contents = _hash_bottom_up(
        lambda node: ((o, p) for p, o in graph.predicate_objects(node)),
        lambda other, p: f"{p.n3()} {other}",
        lambda _: "_:cycle",
    )
    labels = _hash_bottom_up(graph.subject_predicates, lambda other, p: f"{other} {p.n3()}", contents, contents)
    named: dict[Node, BNode] = {}
    taken: set[str] = set()
    for node in sorted({n for triple in graph for n in triple if isinstance(n, BNode)}, key=str):
        name = labels(node)
        while name in taken:  # identical blank nodes under identical parents: keep them apart
            name = _digest(name)
        taken.add(name)
        named[node] = BNode(name)
    copy = Graph()
    for s, p, o in graph:
        copy.add((named.get(s, s), p, named.get(o, o)))
    for prefix, namespace in graph.namespace_manager.namespaces():
        copy.bind(prefix, namespace)
    return copy


def _hash_bottom_up(
    edges: Callable[[Node], Iterable[tuple[Node, Node]]],
    line: Callable[[str, Node], str],
    on_cycle: Callable[[Node], str],
    seed: Callable[[Node], str] | None = None,
) -> Callable[[Node], str]:
    """A blank node's name: a hash of ``seed`` (if any) and of the sorted lines of its ``edges``.

    Each edge is (other node, predicate); an IRI or literal enters as written, a blank node by its
    own name, and one on the way back to itself by ``on_cycle``. Iterative and memoised, so a
    20 000-item RDF list takes linear time and no recursion (a recursive walk copying the path at
    each step took 103 s on 20 000 blank nodes).
    """
    names: dict[Node, str] = {}

    def text(node: Node) -> str:
        return names.get(node) or on_cycle(node) if isinstance(node, BNode) else node.n3()

    def name(root: Node) -> str:
        if not isinstance(root, BNode):
            return root.n3()
        on_path: set[Node] = set()
        stack: list[tuple[Node, bool]] = [(root, False)]
        while stack:
            node, ready = stack.pop()
            if node in names:
                continue
            if not ready:
                on_path.add(node)
                stack.append((node, True))
                stack.extend(
                    (other, False)
                    for other, _ in edges(node)
                    if isinstance(other, BNode) and other not in names and other not in on_path
                )
                continue
            on_path.discard(node)
            lines = sorted(line(text(other), predicate) for other, predicate in edges(node))
            names[node] = _digest(
                "\n".join(
                    ([seed(node)] if seed is not None else []) + (["\n".join(lines)] if seed is not None else lines)
                )
            )
        return names[root]

    return name


def _digest(text: str) -> str:
    return "s" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def read_rdf(
    path: Path, max_mb: float = DEFAULT_MAX_MB, rdf_format: str | None = None, catalogue: bool = True
) -> Triples:
    """Parse ``path`` as RDF, or raise :class:`InputError` saying in one line why it cannot be.

    Named graphs (TriG, N-Quads, JSON-LD) are read into one graph, so that no triple escapes
    validation. With ``catalogue`` (checks against our own shapes), a file that describes no
    ``dcat:Catalog`` is refused: it is not a catalogue, and "0 violations" about it would mislead;
    against a user's shapes alone any RDF graph is what it is.
    """
    graph = _parse(path, max_mb, rdf_format)
    if catalogue and (None, RDF.type, DCAT.Catalog) not in graph:
        raise InputError("validate-no-catalog", path=path)
    return graph


def read_datasets(path: Path, max_mb: float = DEFAULT_MAX_MB, rdf_format: str | None = None) -> Graph:
    """Parse ``path`` for ``score``: a catalogue, or datasets without one, else :class:`InputError`.

    The MQA scores datasets and distributions; a portal's export of single datasets (CKAN's
    ``/dataset/ID.rdf``) names no ``dcat:Catalog`` and is still worth scoring before it is harvested.
    """
    try:
        graph = _parse(path, max_mb, rdf_format).graph(into=new_graph())
    except InputError as error:  # validate's hint ("without paths, validate …") would name the wrong command
        if error.code != "validate-no-file":
            raise
        raise InputError("score-no-file", path=path) from None
    if (None, RDF.type, DCAT.Catalog) not in graph and (None, RDF.type, DCAT.Dataset) not in graph:
        raise InputError("score-no-datasets", path=path)
    return graph


def _parse(path: Path, max_mb: float, rdf_format: str | None, folder: Path | None = None) -> Triples:
    """Any RDF file as one graph (named graphs merged), literals as written, or :class:`InputError`.

    Oxigraph parses (see :mod:`kasko_dcat.rdf.triples`); a file it refuses in a format rdflib also
    reads is read by rdflib, more lenient, as every file was before, so nothing that read then is refused now.
    """
    raw = _read_bounded(path, max_mb, folder)
    if not raw or raw.isspace():  # not raw.strip(): a copy of the file
        raise InputError("validate-empty", path=path)
    known = by_rdflib_name(rdf_format) if rdf_format else by_suffix(path)
    fmt = known or by_rdflib_name(_sniff(raw))  # other suffixes are recognised by their first characters
    if fmt.rdflib == "xml" and (b"<!DOCTYPE" in raw or b"<!ENTITY" in raw):
        raise InputError("validate-xml-doctype", path=path)
    # The text only where it is needed (XML declares its own encoding); Oxigraph reads the bytes and
    # checks their UTF-8 itself, so a large file is not copied as text.
    text = _utf8(path, raw) if fmt.rdflib == "json-ld" or fmt.reader == "rdflib" else None
    if fmt.rdflib == "json-ld":
        _check_json_ld(path, text or "")
    triples = None
    refused: Exception | None = None
    if fmt.reader != "rdflib":
        try:
            triples = Triples.parse(raw.removeprefix(_BOM), fmt.oxigraph)
        except (SyntaxError, ValueError) as exc:
            if fmt.rdflib != "xml":
                text = text or _utf8(path, raw)  # a file that is not UTF-8 is told so, with the offset
            if fmt.reader == "oxigraph-only":
                raise InputError("validate-not-rdf", path=path, format=fmt.rdflib, reason=_first_line(exc)) from None
            refused = exc
    if triples is None:
        graph = _parse_rdflib(path, raw if text is None else text, fmt)
        if refused is not None and any(_NOT_IRI.search(term) for term in _iris(graph)):
            # rdflib lets an IRI hold what none can ("{", a space): the file is not RDF, as Oxigraph said
            raise InputError("validate-not-rdf", path=path, format=fmt.rdflib, reason=_first_line(refused))
        triples = Triples.of(graph)
    if len(triples) == 0:
        raise InputError("validate-no-triples", path=path, format=fmt.rdflib)
    return triples


_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""What an IRI cannot hold (RFC 3987; Turtle's IRIREF): rdflib reads it, then cannot write it back."""


def _iris(graph: Graph) -> Iterator[str]:
    """Every IRI of ``graph``, datatypes included."""
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                yield term
            elif isinstance(term, Literal) and term.datatype is not None:
                yield term.datatype


def _parse_rdflib(path: Path, data: bytes | str, fmt: RdfFormat) -> Graph:
    """``data`` read by rdflib into one graph, literals as written."""
    # The parsers of formats with named graphs need a store that knows them, whose union is then copied.
    target = Dataset() if fmt.named_graphs else new_graph()
    try:
        parse_exact(target, data=data, format=fmt.rdflib)
    except Exception as exc:  # every rdflib parser raises its own kinds; all mean "not this format"
        raise InputError("validate-not-rdf", path=path, format=fmt.rdflib, reason=_first_line(exc)) from None
    if not fmt.named_graphs:
        return target
    graph = new_graph()
    for s, p, o, _ in target.quads((None, None, None, None)):
        graph.store.add((s, p, o), graph)
    return graph


def _read_bounded(path: Path, max_mb: float, folder: Path | None = None) -> bytes:
    """The file's bytes through the one guard every reader uses (:mod:`kasko_dcat.files`)."""
    try:
        return guarded.read(path, limit=int(max_mb * 1_000_000), folder=folder)
    except guarded.FileRefused as exc:
        if exc.code == "validate-too-large":  # the limit as the user gave it, --max-mb
            exc.params["limit"] = f"{max_mb:g}"
        raise InputError(exc.code, **exc.params) from None


def _sniff(raw: bytes) -> str:
    head = raw.lstrip()[:200]
    if head.startswith((b"<?xml", b"<rdf:RDF", b"<RDF")):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json-ld"
    return "turtle"  # also reads N-Triples


_BOM = b"\xef\xbb\xbf"
"""A UTF-8 byte-order mark, as some Windows editors write: no error."""


def _utf8(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")  # without a byte-order mark
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
    """What the parser says is wrong and where, without the text it quotes: errors never echo a file's content."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = _QUOTED.sub("…", text.split(" at ^ in:")[0])
    return text if len(text) <= 200 else text[:199] + "…"


_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|b'.*|`[^`]*`")
"""A stretch of the file a parser quotes in its message (rdflib quotes up to 40 characters around the error)."""
