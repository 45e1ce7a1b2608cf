"""One grammar for the SPARQL check: what is checked is exactly what Oxigraph runs (issue 20, finding 1).

A seeded generator writes thousands of spellings of a query calling an "internal" endpoint —
comments ended by CR, LF or CR LF, comments holding quotes and brackets, escapes in strings and
IRIs, keywords glued to the token before them, any letter case — and the recording server behind
that endpoint must see no request, whatever the path (library, GET, POST, the HTML page, the
command). The same generator spells a harmless query, which must still give the same answer:
the rewriting changes spelling, never meaning.
"""

from __future__ import annotations

import random
import urllib.parse
import urllib.request
from collections.abc import Iterator
from urllib.error import HTTPError

import pyoxigraph as ox
import pytest

from kasko_dcat.query import sparql
from kasko_dcat.serve.endpoint import evaluate

from .conftest import ROOT, local_server, run_cli
from .serving import serving
from .test_query_hardening import _Recording

SEPARATORS = (
    " ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "# c\r",
    "# c\n",
    "#\r\n",
    '# "unclosed\r',
    "# '''\r",
    "# <\r",
    "# }\r",
    "#\\\r",
    " # SERVICE\r",
    "\n#x\r\r\n",
)
GLUE = ("", " ", "\r", "#\r")


def _case(rng: random.Random, word: str) -> str:
    return "".join(char.upper() if rng.random() < 0.5 else char.lower() for char in word)


def _sep(rng: random.Random) -> str:
    return "".join(rng.choice(SEPARATORS) for _ in range(rng.randint(1, 3)))


def _iri(rng: random.Random, url: str) -> str:
    """``url`` as an IRI, some characters written as ``\\u`` escapes (which IRIs allow)."""
    chars = [f"\\u{ord(char):04X}" if char.isalnum() and rng.random() < 0.2 else char for char in url]
    return "<" + "".join(chars) + ">"


def spelling(rng: random.Random, url: str) -> str:
    """One spelling of a query whose only effect would be calling ``url``."""
    service = _case(rng, "service") + rng.choice(("", " SILENT", "\rsilent"))
    before = rng.choice(
        (
            "",
            "?s ?p true",
            "?s ?p 1",
            'BIND("a\\"b" AS ?x)',
            "BIND('''x''' AS ?y)",
            'FILTER("#" != "\\u0022")',
            "OPTIONAL { ?a ?b ?c }",
        )
    )
    target = rng.choice((_iri(rng, url), "?u"))
    values = f"VALUES ?u {{ {_iri(rng, url)} }}" if target == "?u" else ""
    head = rng.choice(("SELECT *", "select *", "ASK", "CONSTRUCT { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n)"))
    parts = [head, "WHERE" if head != "ASK" else "", "{", values, before]
    glue = rng.choice(GLUE) if before else _sep(rng)
    return (
        _sep(rng).join(part for part in parts if part)
        + glue
        + service
        + _sep(rng)
        + target
        + _sep(rng)
        + "{ ?s ?p ?o }"
        + _sep(rng)
        + "}\n"
    )


@pytest.fixture(scope="module")
def internal() -> Iterator[tuple[str, list[str]]]:
    with local_server(_Recording) as base:
        yield base + "/sparql", _Recording.hits


def _store() -> ox.Store:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(True)))
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(1)))
    return store


def _drain(result: sparql.Result) -> None:
    if isinstance(result, ox.QueryBoolean):
        bool(result)
    else:
        list(result)


def test_no_generated_spelling_reaches_the_network(internal: tuple[str, list[str]]) -> None:
    url, hits = internal
    rng = random.Random(20)
    store = _store()
    for _ in range(2000):
        text = spelling(rng, url)
        before = len(hits)
        with pytest.raises(sparql.QueryError) as refused:
            _drain(sparql.run(store, text))
        assert refused.value.code == "query-service", (repr(text), refused.value)
        assert len(hits) == before, repr(text)
        answer = evaluate(store, text, None, 100)
        assert answer.status == 403, (repr(text), answer)
        assert len(hits) == before, repr(text)


def test_the_reported_bypass_is_refused(internal: tuple[str, list[str]]) -> None:
    """The audit's query, with the line feed after it that let the old check's grammar read it as a comment."""
    url, hits = internal
    text = f"SELECT * WHERE {{ # x\rSERVICE <{url}> {{ ?s ?p ?o }}\n}}"
    with pytest.raises(sparql.QueryError) as refused:
        _drain(sparql.run(_store(), text))
    assert refused.value.code == "query-service"
    assert hits == [] or all("query" not in hit for hit in hits)


HARMLESS = "SELECT ?o WHERE { <urn:s> <urn:p> ?o FILTER(?o != \"#\\\"\" && ?o != '''x''') } ORDER BY ?o"


def harmless(rng: random.Random) -> str:
    """The same harmless query with random separators wherever SPARQL allows white space."""
    pieces = ["SELECT", "?o", "WHERE", "{", "<urn:s>", "<urn:p>", "?o", "FILTER(?o", "!=", '"#\\""', "&&"]
    pieces += ["?o", "!=", "'''x''')", "}", "ORDER", "BY", "?o"]
    return "".join(piece + _sep(rng) for piece in pieces)


def test_the_rewriting_keeps_what_a_query_means() -> None:
    rng = random.Random(7)
    store = _store()
    expected = [row["o"] for row in sparql.run(store, HARMLESS)]  # type: ignore[union-attr]
    assert len(expected) == 2
    for _ in range(300):
        text = harmless(rng)
        assert [row["o"] for row in sparql.run(store, text)] == expected, repr(text)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "word",
    ["dcat:DataService", "dcat:accessService", "?service", "$services", '"SERVICE"', "<urn:service>"],
)
def test_the_word_service_where_it_cannot_be_the_keyword_still_runs(word: str) -> None:
    text = f"SELECT * WHERE {{ BIND({word} AS ?x) }}" if word[0] in '"<d' else f"SELECT {word} WHERE {{}}"
    assert isinstance(sparql.run(_store(), text), ox.QuerySolutions)


@pytest.mark.parametrize(
    "text",
    [
        "PREFIX x: <urn:x:> SELECT * WHERE { SERVICEx:q { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p trueSERVICE <urn:q> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p 1SERVICE <urn:q> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . x:a.SERVICE <urn:q> {} }",
    ],
)
def test_a_keyword_glued_to_another_token_is_refused(text: str) -> None:
    with pytest.raises(sparql.QueryError) as refused:
        sparql.run(_store(), text)
    assert refused.value.code == "query-service"


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { FILTER(" + "!" * 20000 + "true) }",
        "SELECT * WHERE { FILTER(" + "- " * 20000 + "1) }",
        "SELECT * WHERE { FILTER(" + "true||" * 20000 + "true) }",
        "SELECT * WHERE { " + " UNION ".join(["{?s ?p ?o}"] * 20000) + " }",
        "SELECT * WHERE { ?s " + "/".join(["<urn:p>"] * 20000) + " ?o }",
    ],
    ids=["not", "minus", "or", "union", "path"],
)
def test_operator_chains_that_crash_the_parser_are_refused(text: str) -> None:
    answer = evaluate(_store(), text, None, 10)
    assert answer.status == 400
    assert answer.code in ("query-too-deep", "query-too-long")


def test_twenty_thousand_nots_are_exit_2_not_a_segfault() -> None:
    text = "SELECT * WHERE { FILTER(" + "!" * 20000 + "true) }"
    result = run_cli("query", text, cwd=ROOT)
    assert result.returncode == 2, result
    assert len(result.stderr.strip().splitlines()) == 1
    assert "operators more than 200" in result.stderr


def test_every_door_of_serve_and_the_command_refuse_generated_spellings(internal: tuple[str, list[str]]) -> None:
    url, hits = internal
    rng = random.Random(2020)
    texts = [f"SELECT * WHERE {{ # x\rSERVICE <{url}> {{ ?s ?p ?o }}\n}}"]
    texts += [spelling(rng, url) for _ in range(5)]
    before = len(hits)
    with serving() as served:
        for text in texts:
            query = urllib.parse.urlencode({"query": text})
            requests = [
                urllib.request.Request(f"{served.base}sparql?{query}"),
                urllib.request.Request(f"{served.base}sparql?{query}&output=html"),
                urllib.request.Request(f"{served.base}sparql", data=query.encode()),
                urllib.request.Request(
                    f"{served.base}sparql",
                    data=text.encode(),
                    headers={"Content-Type": "application/sparql-query"},
                ),
            ]
            for request in requests:
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        status, body = response.status, response.read()
                except HTTPError as error:
                    status, body = error.code, error.read()
                if "output=html" in request.full_url:  # the page shows the refusal beside the form
                    assert b"SERVICE" in body and b"<table" not in body
                else:
                    assert status in (400, 403), (request.full_url, status)
                assert b"urn:internal" not in body
    for text in texts[:3]:
        result = run_cli("query", text, cwd=ROOT)
        assert result.returncode == 2, result
        assert "urn:internal" not in result.stdout
    assert len(hits) == before
