"""The embedded SPARQL engine: the catalogue in an in-memory Oxigraph store, read-only.

Why Oxigraph (``pyoxigraph``) rather than rdflib's own SPARQL: rdflib evaluates queries in
Python, orders of magnitude too slow for the ``serve`` targets (bundled query p95 ≤ 100 ms on a
10 000-dataset catalogue); Oxigraph evaluates them natively and writes the W3C result formats
itself. This module is the one place that imports it, and the command line imports this module
only when a query runs, so ``build`` never pays for it.

Read-only by construction: :meth:`Store.query` parses SPARQL *queries* only, so an update cannot
run; :func:`run` names an update as such instead of reporting a confusing syntax error.

Closed to the network: Oxigraph would evaluate ``SERVICE <url>`` by calling that URL over HTTP,
which from a public endpoint (``serve``) lets anyone make the server send requests anywhere, and
pyoxigraph offers no way to evaluate without its HTTP client. So :func:`run` decides on the
*parsed* query: a text pattern cannot know what the parser will read as the keyword (``SERVICE<…>``,
``SILENT``, odd prefixes and IRIs all slipped past one). Oxigraph exposes no algebra, so the query
is parsed with rdflib's SPARQL grammar and refused if any group holds a ``SERVICE`` pattern; a
query that grammar cannot read (RDF 1.2 triple terms, a lexing difference) is refused if the word
appears anywhere at all, so a disagreement between the two parsers fails closed. Oxigraph's
keywords are ASCII and case-insensitive, so a query without the letters ``service`` cannot call one.

Bounded nesting: Oxigraph's parser recurses once per bracket and overflows the stack (the process
dies with SIGSEGV) at a few thousand; :data:`MAX_NESTING` refuses such a query before it is parsed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kasko_dcat.errors import KaskoError
from kasko_dcat.rdf.formats import by_suffix
from kasko_dcat.rdf.namespaces import PREFIXES

if TYPE_CHECKING:
    from collections.abc import Mapping

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

DEFAULT_PREFIXES: dict[str, str] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
"""Declared for every query, so an ad-hoc query may write ``dcat:Dataset`` without ``PREFIX`` lines."""

_UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*\n?|BASE\s*<[^>]*>|PREFIX\s+[\w.-]*:\s*<[^>]*>)", re.IGNORECASE)
# Strings, IRIs and comments, where the word SERVICE means nothing; then the keyword itself.
_INERT = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
MAX_NESTING = 200
"""Deepest bracket nesting a query may have; real queries stay under 20, Oxigraph crashes past ~2 000."""
_POSITION = re.compile(r"error at (\d+):(\d+): ?(.*)", re.DOTALL)


class QueryError(KaskoError):
    """A query the user wrote, or the catalogue it runs on, cannot be used."""


def load(data: bytes, fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES) -> ox.Store:
    """An in-memory store holding ``data``, a whole catalogue in one RDF serialisation."""
    store = ox.Store()
    store.load(data, format=fmt)
    return store


def default_catalogue(output_dir: Path = Path("output")) -> Path:
    """``output/catalog.nt``, the fastest of the built files to load, else the Turtle beside it."""
    for name in ("catalog.nt", "catalog.ttl"):
        if (output_dir / name).is_file():
            return output_dir / name
    return output_dir / "catalog.nt"


def open_catalogue(path: Path) -> tuple[ox.Store, bytes, ox.RdfFormat]:
    """The catalogue file at ``path`` in a store, with its bytes and format (``publish`` sends them as read)."""
    known = by_suffix(path)
    if known is None:
        raise QueryError("query-catalogue-format", path=path)
    fmt = known.oxigraph
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise QueryError("query-no-catalogue", path=path) from None
    except OSError as exc:
        raise QueryError("cli-read-failed", path=path, reason=exc.strerror or exc) from None
    try:
        return load(data, fmt), data, fmt
    except (SyntaxError, ValueError) as exc:
        raise QueryError("query-bad-catalogue", path=path, problem=_first_line(str(exc))) from None


def parse_bindings(pairs: tuple[str, ...]) -> dict[str, Term]:
    """``--bind NAME=VALUE`` options: ``<https://…>`` binds an IRI, anything else a plain literal (an id)."""
    bindings: dict[str, Term] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not equals or not re.fullmatch(r"\w+", name):
            raise QueryError("query-bad-binding", value=pair)
        if value.startswith("<") and value.endswith(">"):
            try:
                bindings[name] = ox.NamedNode(value[1:-1])
            except ValueError:
                raise QueryError("query-bad-binding", value=pair) from None
        else:
            bindings[name] = ox.Literal(value)
    return bindings


def run(store: ox.Store, text: str, bindings: Mapping[str, Term] | None = None) -> Result:
    """Evaluate ``text`` with ``bindings`` substituted for its variables before evaluation.

    Substitution (SPARQL SEP-0007) fixes a variable's value everywhere in the query, unlike a
    trailing ``VALUES``, which joins after aggregates and so would count the wrong rows.
    """
    if _is_update(text):
        raise QueryError("query-update")
    check(text)
    for name in bindings or {}:
        if not re.search(rf"[?$]{re.escape(name)}\b", text):
            raise QueryError("query-unknown-binding", name=name)
    try:
        return store.query(
            text,
            prefixes=DEFAULT_PREFIXES,
            substitutions={ox.Variable(name): term for name, term in (bindings or {}).items()},
        )
    except SyntaxError as exc:
        raise _syntax_error(str(exc)) from None
    except (RuntimeError, OSError) as exc:
        # Oxigraph substitutes only variables the query selects, and says so in a RuntimeError.
        unselected = [name for name in bindings or {} if f"?{name} in its SELECT" in str(exc)]
        if unselected:
            raise QueryError("query-binding-not-selected", name=unselected[0]) from None
        raise evaluation_error(exc) from None


def check(text: str) -> None:
    """Refuse a query the engine must not evaluate: one calling another endpoint, or nested too deep to parse."""
    if _nesting(text) > MAX_NESTING:
        raise QueryError("query-too-deep", limit=MAX_NESTING)
    if _calls_service(text):
        raise QueryError("query-service")


def _nesting(text: str) -> int:
    """The deepest bracket nesting outside strings, IRIs and comments."""
    depth = deepest = 0
    for char in _INERT.sub(_placeholder, text):
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth -= 1
    return deepest


def _calls_service(text: str) -> bool:
    """Whether the parsed query holds a ``SERVICE`` pattern anywhere (sub-queries, ``EXISTS`` included)."""
    expanded = _CODEPOINT.sub(_codepoint, text)  # SPARQL 19.2: escapes count as the characters they name
    if "service" not in expanded.lower():
        return False
    try:
        tree = parseQuery(expanded)
    except Exception:  # any failure of the second parser must fail closed
        return True
    return _has_service(tree)


def _codepoint(match: re.Match[str]) -> str:
    number = int(match.group(1) or match.group(2), 16)
    return chr(number) if number <= 0x10FFFF else match.group()


def _has_service(node: object) -> bool:
    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(value) for value in node.values())
    if isinstance(node, dict):
        return any(_has_service(value) for value in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(_has_service(value) for value in node)
    return False


def count_triples(store: ox.Store) -> int:
    """Distinct triples in the store, what ``publish`` expects the store to count after the PUT."""
    solutions = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(solutions, ox.QuerySolutions)
    return int(next(iter(solutions))["n"].value)


def catalogue_iri(store: ox.Store) -> str | None:
    """The one ``dcat:Catalog`` in the store, or ``None`` if there is not exactly one."""
    solutions = store.query("SELECT ?c WHERE { ?c a dcat:Catalog }", prefixes=DEFAULT_PREFIXES)
    assert isinstance(solutions, ox.QuerySolutions)
    found = [row["c"] for row in solutions]
    return found[0].value if len(found) == 1 and isinstance(found[0], ox.NamedNode) else None


def _is_update(text: str) -> bool:
    position = 0
    while match := _PROLOGUE.match(text, position):  # each match consumes at least one character
        position = match.end()
    first = text[position:].lstrip().split(None, 1)
    return bool(first) and first[0].upper() in _UPDATE_KEYWORDS


def _placeholder(match: re.Match[str]) -> str:
    """What stays of a string, IRI or comment: its kind, without the brackets it may hold."""
    return {"<": "<>", "#": " "}.get(match.group()[0], '""')


def evaluation_error(exc: Exception) -> QueryError:
    """An error Oxigraph raises while the answer is read (results are computed lazily)."""
    return QueryError("query-failed", problem=_first_line(str(exc)))


def _syntax_error(message: str) -> QueryError:
    """Oxigraph's message cut to one readable line: where, and what it expected in short."""
    match = _POSITION.match(message)
    line, column, problem = match.groups() if match else ("?", "?", message)
    if "Prefix not found" in problem:
        return QueryError("query-unknown-prefix", line=line, column=column, known=", ".join(sorted(DEFAULT_PREFIXES)))
    return QueryError("query-syntax", line=line, column=column, problem=_first_line(problem))


def _first_line(text: str, limit: int = 160) -> str:
    first = text.strip().splitlines()[0] if text.strip() else text
    return first if len(first) <= limit else first[: limit - 1] + "…"
