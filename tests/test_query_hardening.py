"""The query engine against hostile queries: no network call in any spelling, no crash, one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pyoxigraph as ox
import pytest

from kasko_dcat.query import sparql
from kasko_dcat.serve.endpoint import evaluate

from .conftest import ROOT, local_server, run_cli


class _Recording(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def _answer(self) -> None:
        self.hits.append(self.path)
        body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"urn:internal"}}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def internal() -> Iterator[tuple[str, list[str]]]:
    """An "internal" SPARQL store on the loopback address that records every request reaching it."""
    with local_server(_Recording) as base:
        yield base + "/sparql", _Recording.hits


BYPASSES = {
    "no space": "SELECT * {{ SERVICE<{url}> {{ ?s ?p ?o }} }}",
    "silent": "SELECT * {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "lower case": "select * {{ service <{url}> {{ ?s ?p ?o }} }}",
    "prefix with middle dot": "PREFIX a·b: <{url}> SELECT * {{ SERVICE a·b: {{ ?s ?p ?o }} }}",
    "IRI with no-break space and quote": "SELECT * {{ SERVICE <{url}?\u00a0'> {{ ?s ?p ?o }} }}",
    "comment before IRI": "SELECT * {{ SERVICE#x\n<{url}> {{ ?s ?p ?o }} }}",
    "comment ended by CR": "SELECT * {{ #c\rSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "variable": "SELECT * {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
    "inside EXISTS": "SELECT * {{ FILTER EXISTS {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }}",
    "inside a sub-query": "SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "inside OPTIONAL": "SELECT * {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "with a triple term": 'SELECT * {{ BIND(TRIPLE(<urn:a>,<urn:b>,"c") AS ?t) SERVICE <{url}> {{ ?s ?p ?o }} }}',
    "CONSTRUCT": "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "ASK": "ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
}


@pytest.mark.parametrize("spelling", sorted(BYPASSES))
def test_no_spelling_of_service_reaches_the_network(spelling: str, internal: tuple[str, list[str]]) -> None:
    url, hits = internal
    before = len(hits)
    text = BYPASSES[spelling].format(url=url)
    with pytest.raises(sparql.QueryError) as refused:
        result = sparql.run(ox.Store(), text)
        list(result) if not isinstance(result, ox.QueryBoolean) else bool(result)
    assert refused.value.code == "query-service"
    answer = evaluate(ox.Store(), text, None, 100)
    assert (answer.status, answer.code) == (403, "query-service")
    assert len(hits) == before


def test_the_word_service_in_data_or_comments_is_not_refused() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("SERVICE <x>")))
    found = sparql.run(store, 'SELECT ?s { ?s ?p "SERVICE <x>" } # SERVICE <y>')
    assert isinstance(found, ox.QuerySolutions)
    assert [row["s"] for row in found] == [ox.NamedNode("urn:s")]


def test_a_triple_term_in_an_answer_is_written_not_a_server_error() -> None:
    answer = evaluate(ox.Store(), 'SELECT ?x { BIND(TRIPLE(<urn:a>,<urn:b>,"c") AS ?x) }', None, 10)
    assert answer.status == 200, answer
    assert b'"type":"triple"' in answer.body


def test_deep_nesting_is_refused_before_it_crashes_the_parser() -> None:
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    answer = evaluate(ox.Store(), deep, None, 10)
    assert (answer.status, answer.code) == (400, "query-too-deep")
    result = run_cli("query", deep, cwd=ROOT)
    assert result.returncode == 2, result
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nests brackets or operators more than" in result.stderr
    fine = "SELECT * WHERE " + "{" * 50 + "}" * 50
    assert evaluate(ox.Store(), fine, None, 10).status == 200
