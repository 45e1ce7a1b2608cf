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
pyoxigraph offers no way to evaluate without its HTTP client, nor its parser or algebra. So the
decision is made on the text Oxigraph runs, not on a second reading of the user's text:
:func:`check` rewrites the query in one plain spelling (:mod:`kasko_dcat.query.tokens`: no
comments, single spaces, strings in one escaped form), refuses it there, and :func:`run` hands
Oxigraph that rewritten text and never the original. A check that parses with one grammar and a
store that runs with another (a ``#`` comment ended by a bare CR) can no longer disagree.

Bounded nesting: Oxigraph's parser recurses once per bracket, unary operator or chained binary
operator and overflows the stack (the process dies with SIGSEGV) at about ten thousand; the
rewrite refuses deeper or longer queries before Oxigraph parses them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kasko_dcat import files as guarded
from kasko_dcat.errors import KaskoError
from kasko_dcat.query import tokens
from kasko_dcat.rdf.formats import by_suffix
from kasko_dcat.rdf.namespaces import PREFIXES

if TYPE_CHECKING:
    from collections.abc import Mapping

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

DEFAULT_PREFIXES: dict[str, str] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
"""Declared for every query, so an ad-hoc query may write ``dcat:Dataset`` without ``PREFIX`` lines."""

_UPDATE_KEYWORDS = frozenset(("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"))
MAX_NESTING = tokens.MAX_NESTING
MAX_CATALOGUE_BYTES = 2_000_000_000
"""Largest catalogue ``query``, ``serve`` and ``publish`` load: 10 000 datasets take about 60 MB of N-Triples."""
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
    try:  # the guard every file passes: no link out of its folder, no device, a size limit
        data = guarded.read(path, limit=MAX_CATALOGUE_BYTES)
    except guarded.FileRefused as exc:
        if exc.code == "validate-no-file":
            raise QueryError("query-no-catalogue", path=path) from None
        raise QueryError(exc.code, **exc.params) from None
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
    normal = check(text)
    for name in bindings or {}:
        if not re.search(rf"[?$]{re.escape(name)}\b", normal.text):
            raise QueryError("query-unknown-binding", name=name)
    try:
        return store.query(
            normal.text,
            prefixes=DEFAULT_PREFIXES,
            substitutions={ox.Variable(name): term for name, term in (bindings or {}).items()},
        )
    except SyntaxError as exc:
        raise _syntax_error(str(exc), normal) from None
    except (RuntimeError, OSError) as exc:
        # Oxigraph substitutes only variables the query selects, and says so in a RuntimeError.
        unselected = [name for name in bindings or {} if f"?{name} in its SELECT" in str(exc)]
        if unselected:
            raise QueryError("query-binding-not-selected", name=unselected[0]) from None
        raise evaluation_error(exc) from None


def check(text: str) -> tokens.Normal:
    """The query in the one spelling Oxigraph is given; refused if an update, a SERVICE call or too deep."""
    try:
        normal = tokens.normalise(text)
    except tokens.Refused as refused:
        if refused.code == "query-syntax":
            raise QueryError("query-syntax", line=refused.line, column=refused.column, **refused.params) from None
        raise QueryError(refused.code, **refused.params) from None
    if normal.words & _UPDATE_KEYWORDS:
        raise QueryError("query-update")
    return normal


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


def evaluation_error(exc: Exception) -> QueryError:
    """An error Oxigraph raises while the answer is read (results are computed lazily)."""
    return QueryError("query-failed", problem=_first_line(str(exc)))


def _syntax_error(message: str, normal: tokens.Normal) -> QueryError:
    """Oxigraph's message cut to one readable line: where in the user's text, and what it expected in short."""
    match = _POSITION.match(message)
    line, column, problem = match.groups() if match else ("?", "?", message)
    if match:
        line, column = normal.position(int(line), int(column))
    if "Prefix not found" in problem:
        return QueryError("query-unknown-prefix", line=line, column=column, known=", ".join(sorted(DEFAULT_PREFIXES)))
    return QueryError("query-syntax", line=line, column=column, problem=_first_line(problem))


def _first_line(text: str, limit: int = 160) -> str:
    first = text.strip().splitlines()[0] if text.strip() else text
    return first if len(first) <= limit else first[: limit - 1] + "…"
