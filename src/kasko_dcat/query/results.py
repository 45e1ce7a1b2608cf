"""Query results as people and programs read them: an aligned table, W3C CSV or SPARQL JSON.

CSV (SPARQL 1.1 Query Results CSV) and JSON (SPARQL 1.1 Query Results JSON) are written by
Oxigraph's own serialisers, so they follow the W3C formats exactly and cost nothing extra when
``serve`` answers the same queries. The table is ours: it is for a terminal, so IRIs in our
namespaces are shortened to ``prefix:name`` and literals are shown as their text, without
language tags or datatypes. ``CONSTRUCT`` and ``DESCRIBE`` give a graph, written as Turtle with
our prefixes whatever the format.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kasko_dcat.query.sparql import DEFAULT_PREFIXES, Result, Term, evaluation_error

MAX_CELL = 100
"""Characters of one table cell; longer texts end in "…" (csv and json always give them whole)."""
_SERIALIZERS = {"csv": ox.QueryResultsFormat.CSV, "json": ox.QueryResultsFormat.JSON}
_LOCAL_NAME = re.compile(r"[A-Za-z_][\w.-]*")


def to_bytes(result: Result, fmt: str) -> tuple[bytes, int | None]:
    """The whole answer in ``fmt``, and the row count of a ``SELECT`` table for a footer on stderr.

    Oxigraph computes solutions while they are read, so evaluation errors (a failed ``SERVICE``,
    an unselected substitution) surface here as :class:`QueryError`, before anything is written.
    """
    try:
        if isinstance(result, ox.QueryTriples):
            return ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=DEFAULT_PREFIXES), None
        if fmt in _SERIALIZERS:
            return result.serialize(format=_SERIALIZERS[fmt]), None
        if isinstance(result, ox.QueryBoolean):
            return (b"true\n" if bool(result) else b"false\n"), None
        header = [variable.value for variable in result.variables]
        rows = [[cell_text(row[name]) for name in header] for row in result]
    except (RuntimeError, OSError) as exc:
        raise evaluation_error(exc) from None
    return table(header, rows).encode("utf-8"), len(rows)


def table(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell, a rule under the header, no trailing spaces."""
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(header)]
    lines = [header, ["-" * width for width in widths], *rows]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() + "\n" for line in lines
    )


def cell_text(term: Term | None) -> str:
    """A term as one line of text: ``prefix:name`` for our namespaces, a literal's text, nothing when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)  # IRIs are never cut: a cut IRI would look like another one
    text = " ".join(term.value.split()) if isinstance(term, ox.Literal) else str(term)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def compact(iri: str) -> str:
    """``dcat:Dataset`` for an IRI in one of our namespaces, else the IRI itself."""
    for prefix, namespace in DEFAULT_PREFIXES.items():
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
