"""``kasko-dcat serve`` over real HTTP: negotiation, paging, dereferencing, SPARQL, caching, shutdown."""

from __future__ import annotations

import csv
import gzip
import io
import json
import signal
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kasko_dcat.query import bundled, sparql
from kasko_dcat.rdf.namespaces import DCAT, DCTERMS, HYDRA, RDF, XSD

from .conftest import ROOT, run_cli
from .serving import Served, serving

BUILT_BASE = "https://kasko.example/"
RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def graph(self) -> Graph:
        media_type = self.headers["content-type"].split(";")[0]
        return Graph().parse(data=self.body, format=RDF_FORMATS[media_type])


def fetch(url: str, headers: dict[str, str] | None = None, data: bytes | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return Response(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with serving("--page-size", "10") as running:
        yield running


def built(iri: str, served: Served) -> URIRef:
    return URIRef(iri.replace(served.base, BUILT_BASE))


@pytest.mark.parametrize("media_type", list(RDF_FORMATS))
def test_catalogue_in_each_rdf_format_by_accept_and_by_suffix(served: Served, media_type: str):
    by_accept = fetch(served.base + "catalog", {"Accept": media_type})
    assert by_accept.status == 200
    assert by_accept.headers["content-type"].split(";")[0] == media_type
    suffix = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/rdf+xml": "rdf"}.get(media_type, "nt")
    by_suffix = fetch(served.base + f"catalog.{suffix}", {"Accept": "text/html"})
    assert by_suffix.headers["content-type"].split(";")[0] == media_type
    for graph in (by_accept.graph(), by_suffix.graph()):
        assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 10
        assert (URIRef(served.base + "catalog"), RDF.type, DCAT.Catalog) in graph


def test_browsers_get_html_and_unknown_types_406(served: Served):
    browser = fetch(served.base + "catalog", {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.headers["content-type"] == "text/html; charset=utf-8"
    assert b"<!DOCTYPE html>" in browser.body
    assert fetch(served.base + "catalog", {"Accept": "*/*"}).headers["content-type"].startswith("text/turtle")
    refused = fetch(served.base + "catalog", {"Accept": "image/png"})
    assert refused.status == 406
    assert "text/turtle" in refused.body.decode()


def pages_from(url: str) -> list[Graph]:
    graphs = []
    while url:
        graph = fetch(url, {"Accept": "text/turtle"}).graph()
        graphs.append(graph)
        views = list(graph.subjects(RDF.type, HYDRA.PagedCollection))
        assert len(views) == 1 and (views[0], RDF.type, HYDRA.PartialCollectionView) in graph
        following = graph.value(views[0], HYDRA.next)
        assert following == graph.value(views[0], HYDRA.nextPage)
        url = str(following) if following else ""
    return graphs


def test_hydra_paging_gives_every_dataset_once_with_first_last_and_total(served: Served, graph: Graph):
    datasets = {str(d).replace(BUILT_BASE, served.base) for d in graph.subjects(RDF.type, DCAT.Dataset)}
    pages = pages_from(served.base + "catalog")
    assert len(pages) == 3
    seen = [str(d) for page in pages for d in page.subjects(RDF.type, DCAT.Dataset)]
    assert sorted(seen) == sorted(datasets)
    for number, page in enumerate(pages, start=1):
        view = next(page.subjects(RDF.type, HYDRA.PagedCollection))
        assert str(view) == f"{served.base}catalog?page={number}"
        assert page.value(view, HYDRA.totalItems) == Literal(28, datatype=XSD.integer)
        assert page.value(view, HYDRA.itemsPerPage) == Literal(10, datatype=XSD.integer)
        assert (
            str(page.value(view, HYDRA.first))
            == str(page.value(view, HYDRA.firstPage))
            == f"{served.base}catalog?page=1"
        )
        assert str(page.value(view, HYDRA.last)) == f"{served.base}catalog?page=3"
        assert (number > 1) == (page.value(view, HYDRA.previous) is not None)
        listed = set(page.objects(URIRef(served.base + "catalog"), DCAT.dataset))
        assert listed == set(page.subjects(RDF.type, DCAT.Dataset))  # the catalogue lists only this page's datasets
        for dataset in listed:  # each dataset complete: its contact point and publisher are on the same page
            assert page.value(page.value(dataset, DCAT.contactPoint), RDF.type) is not None
            assert page.value(page.value(dataset, DCTERMS.publisher), RDF.type) is not None


def test_page_size_parameter_and_bad_values(served: Served):
    assert len(pages_from(served.base + "catalog?page_size=5")) == 6
    assert fetch(served.base + "catalog?page=4").status == 404
    for query in ("page=0", "page=x", "page_size=0", "page_size=1001", "page=1&page=2", "modified_since=yesterday"):
        answer = fetch(served.base + "catalog?" + query)
        assert answer.status == 400, query
        assert len(answer.body.decode().splitlines()) == 3  # one line each in English, Finnish and Swedish


def test_vary_names_what_this_request_was_negotiated_on_even_from_the_cache(served: Served):
    url = served.base + "dataset/perusopetus"
    by_param = fetch(url + "?lang=fi", {"Accept": "text/html"})
    by_browser = fetch(url, {"Accept": "text/html", "Accept-Language": "fi"})
    assert by_param.body == by_browser.body  # one cached page
    assert by_param.headers["vary"] == "Accept, Accept-Encoding"
    assert by_browser.headers["vary"] == "Accept, Accept-Language, Accept-Encoding"
    assert fetch(url + ".ttl").headers["vary"] == "Accept-Encoding"


def test_links_come_from_the_base_iri_never_from_the_host_header(served: Served):
    spoofed = fetch(
        served.base + "catalog", {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "Accept": "text/turtle"}
    )
    assert b"evil.example" not in spoofed.body
    html = fetch(served.base + "catalog?lang=fi", {"Host": "evil.example", "Accept": "text/html"})
    assert b"evil.example" not in html.body and served.base.encode() in html.body


def test_every_minted_iri_dereferences_with_what_the_catalogue_says_about_it(served: Served, graph: Graph):
    minted = sorted({s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(BUILT_BASE)})
    minted.remove(URIRef(BUILT_BASE + "catalog"))  # paged: the test above
    assert len(minted) > 100
    for iri in minted:
        url = str(iri).replace(BUILT_BASE, served.base)
        answer = fetch(url, {"Accept": "application/n-triples"})
        assert answer.status == 200, url
        found = {(built(str(p), served), o) for p, o in _rebased(answer.graph(), served).predicate_objects(iri)}
        assert found == set(graph.predicate_objects(iri)), url
        assert fetch(url + ".ttl").headers["content-type"].startswith("text/turtle")
    assert fetch(served.base + "dataset/no-such-dataset").status == 404


def _rebased(graph: Graph, served: Served) -> Graph:
    """The served graph with the server's base turned back into the built one, to compare with the build."""
    moved = Graph()
    for s, p, o in graph:
        moved.add((built(str(s), served), p, built(str(o), served) if isinstance(o, URIRef) else o))
    return moved


def test_root_redirects_to_the_catalogue_and_other_methods_are_refused(served: Served):
    with socket.create_connection(("127.0.0.1", int(served.base.rsplit(":", 1)[1].strip("/")))) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        head = connection.recv(4096).decode()
    assert head.startswith("HTTP/1.1 303") and f"Location: {served.base}catalog" in head
    refused = fetch(served.base + "catalog", method="DELETE")
    assert refused.status == 405 and refused.headers["allow"] == "GET, HEAD"


def test_etag_last_modified_304_gzip_and_head(served: Served):
    url = served.base + "catalog?page=2"
    plain = fetch(url, {"Accept": "text/turtle"})
    assert plain.headers["vary"] == "Accept, Accept-Encoding"
    assert fetch(url, {"Accept": "text/turtle"}).body == plain.body  # the same answer, byte for byte
    again = fetch(url, {"Accept": "text/turtle", "If-None-Match": plain.headers["etag"]})
    assert again.status == 304 and again.body == b""
    since = fetch(url, {"Accept": "text/turtle", "If-Modified-Since": plain.headers["last-modified"]})
    assert since.status == 304
    assert fetch(url, {"Accept": "text/turtle", "If-None-Match": '"other"'}).status == 200
    zipped = fetch(url, {"Accept": "text/turtle", "Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip" and zipped.headers["etag"] != plain.headers["etag"]
    assert gzip.decompress(zipped.body) == plain.body and len(zipped.body) < len(plain.body) / 3
    head = fetch(url, {"Accept": "text/turtle"}, method="HEAD")
    assert head.status == 200 and head.body == b"" and head.headers["content-length"] == str(len(plain.body))


def test_health_and_access_log(served: Served):
    health = fetch(served.base + "health")
    assert health.headers["cache-control"] == "no-store"
    status = json.loads(health.body)
    assert status["status"] == "ok" and status["datasets"] == 28 and status["triples"] > 2000
    deadline = time.monotonic() + 60
    while json.loads(fetch(served.base + "health").body)["cached_answers"] < len(bundled.names()):
        assert time.monotonic() < deadline, "the bundled queries were not answered at start"
        time.sleep(0.2)
    fetch(served.base + "catalog?page=3&marker=logged")
    deadline = time.monotonic() + 10  # the access log is written after the answer is sent
    while '"GET /catalog?page=3&marker=logged HTTP/1.1" 200 ' not in served.log():
        assert time.monotonic() < deadline, served.log()[-2000:]
        time.sleep(0.1)


def sparql_get(served: Served, query: str, accept: str = "application/sparql-results+json") -> Response:
    return fetch(served.base + "sparql?" + urllib.parse.urlencode({"query": query}), {"Accept": accept})


def test_sparql_get_and_both_posts_in_each_results_format(served: Served):
    query = "SELECT ?d WHERE { ?d a dcat:Dataset } ORDER BY ?d"
    rows = json.loads(sparql_get(served, query).body)["results"]["bindings"]
    assert len(rows) == 28
    form = fetch(served.base + "sparql", {"Accept": "text/csv"}, urllib.parse.urlencode({"query": query}).encode())
    assert form.headers["content-type"] == "text/csv; charset=utf-8"
    assert len(list(csv.reader(io.StringIO(form.body.decode())))) == 29
    direct = fetch(
        served.base + "sparql",
        {"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
        query.encode(),
    )
    assert direct.body.decode().splitlines()[0] == "?d" and len(direct.body.decode().splitlines()) == 29
    xml = sparql_get(served, "ASK { ?d a dcat:Dataset }", "application/sparql-results+xml")
    assert xml.headers["content-type"] == "application/sparql-results+xml" and b"<boolean>true</boolean>" in xml.body
    constructed = sparql_get(served, "CONSTRUCT WHERE { ?d a dcat:Dataset ; dct:title ?t }", "text/turtle")
    assert len(set(constructed.graph().subjects(RDF.type, DCAT.Dataset))) == 28
    described = sparql_get(served, f"DESCRIBE <{served.base}dataset/perusopetus>", "application/ld+json").graph()
    assert Literal("Perusopetuksen tietovaranto", lang="fi") in set(described.objects(None, DCTERMS.title))


def test_every_bundled_query_answers_as_the_embedded_engine_does(served: Served):
    store = sparql.open_catalogue(ROOT / "output" / "catalog.nt")[0]
    for name in bundled.names():
        text = bundled.read(name).text
        answer = sparql_get(served, text)
        assert answer.status == 200, name
        expected = json.loads(sparql.run(store, text).serialize(format=sparql.ox.QueryResultsFormat.JSON))
        served_rows = json.loads(answer.body)["results"]["bindings"]
        assert len(served_rows) == len(expected["results"]["bindings"]) > 0, name


def test_sparql_is_read_only_and_explains_bad_queries(served: Served):
    update = fetch(served.base + "sparql", {}, urllib.parse.urlencode({"update": "DROP ALL"}).encode())
    assert update.status == 403 and b"updates are refused" in update.body
    assert sparql_get(served, "INSERT DATA { <a:b> <a:c> <a:d> }").status == 403
    direct = fetch(served.base + "sparql", {"Content-Type": "application/sparql-update"}, b"CLEAR ALL")
    assert direct.status == 403
    assert sparql_get(served, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }").status == 403
    broken = sparql_get(served, "SELECT ?x WHERE { ?x ")
    assert broken.status == 400 and b"syntax error at line 1" in broken.body
    assert fetch(served.base + "sparql").status == 400
    assert fetch(served.base + "sparql", {"Content-Type": "text/plain"}, b"SELECT * {}").status == 415
    assert sparql_get(served, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").status == 200  # still there, unchanged


def test_result_limit_and_timeout_stop_a_query_and_the_endpoint_recovers():
    with serving("--result-limit", "5", "--query-timeout", "1", "--sparql-workers", "2") as limited:
        many = sparql_get(limited, "SELECT ?d WHERE { ?d a dcat:Dataset }")
        assert many.status == 400 and b"more than 5 rows" in many.body
        assert sparql_get(limited, "SELECT ?d WHERE { ?d a dcat:Dataset } LIMIT 5").status == 200
        started = time.monotonic()
        slow = sparql_get(limited, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert slow.status == 503 and b"longer than 1.0 s" in slow.body
        assert time.monotonic() - started < 5
        assert sparql_get(limited, "ASK { ?d a dcat:Dataset }").status == 200
        deadline = time.monotonic() + 60
        while json.loads(fetch(limited.base + "health").body)["sparql_workers_idle"] < 2:  # the killed one is replaced
            assert time.monotonic() < deadline
            time.sleep(0.2)


def test_modified_since_keeps_datasets_changed_since_and_those_without_a_date(tmp_path: Path, graph: Graph):
    dated = Graph()
    dated += graph
    datasets = sorted(graph.subjects(RDF.type, DCAT.Dataset))
    dated.add((datasets[0], DCTERMS.modified, Literal("2026-01-10", datatype=XSD.date)))
    dated.add((datasets[1], DCTERMS.modified, Literal("2026-05-01T12:00:00Z", datatype=XSD.dateTime)))
    catalogue = tmp_path / "catalog.nt"
    dated.serialize(catalogue, format="nt", encoding="utf-8")
    with serving("--sparql-workers", "0", catalog=catalogue) as running:
        for since, excluded in (
            ("2026-03-01", {datasets[0]}),
            ("2026-06-01", set(datasets[:2])),
            ("2025-01-01", set()),
        ):
            page = fetch(running.base + f"catalog?modified_since={since}&page_size=100").graph()
            found = {built(str(d), running) for d in page.subjects(RDF.type, DCAT.Dataset)}
            assert found == set(datasets) - excluded, since
            view = next(page.subjects(RDF.type, HYDRA.PagedCollection))
            assert f"modified_since={since}" in str(view)
        assert fetch(running.base + "sparql?query=ASK%7B%7D").status == 503  # no workers: no endpoint


def test_a_base_iri_with_a_path_serves_under_that_path_and_options_come_from_the_environment():
    with serving("--sparql-workers", "0", path="kasko/", by_environment=True) as running:
        assert running.base.endswith("/kasko/")
        page = fetch(running.base + "catalog", {"Accept": "text/turtle"})
        assert page.status == 200
        assert (URIRef(running.base + "catalog"), RDF.type, DCAT.Catalog) in page.graph()
        assert fetch(running.base + "dataset/perusopetus").status == 200
        assert fetch(running.base.removesuffix("kasko/") + "catalog").status == 404


def test_requests_are_answered_concurrently_while_a_slow_query_runs():
    with serving("--query-timeout", "6", "--sparql-workers", "1", "--page-size", "10") as running:
        slow: list[Response] = []
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        thread = threading.Thread(target=lambda: slow.append(sparql_get(running, query)))
        thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        # Four clients at once: with the slow query, within the threads - 2 that may work on answers not
        # yet made (docs/security.md); more than that at once get 503 by design, so /health stays free.
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda n: fetch(f"{running.base}catalog?page={n % 3 + 1}"), range(24)))
        assert [a.status for a in answers] == [200] * 24
        assert time.monotonic() - started < 4 and thread.is_alive()  # pages did not wait for the query
        thread.join()
        assert slow[0].status == 503


def test_sigterm_stops_cleanly_with_exit_code_0():
    with serving("--sparql-workers", "1") as running:
        fetch(running.base + "catalog")
        running.process.send_signal(signal.SIGTERM)
        assert running.process.wait(30) == 0
        assert "stopped; requests in progress were answered" in running.log()


def test_command_line_mistakes_exit_2_with_one_line(tmp_path: Path):
    missing = run_cli("serve", "--catalog", str(tmp_path / "none.nt"), cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "there is no catalogue" in missing.stderr
    bad_base = run_cli("serve", "--catalog", str(ROOT / "output/catalog.nt"), "--base-iri", "ftp://x", cwd=tmp_path)
    assert bad_base.returncode == 2 and "ending in /" in bad_base.stderr and bad_base.stderr.count("\n") == 1
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = run_cli(
            "serve",
            "--catalog",
            str(ROOT / "output/catalog.nt"),
            "--port",
            str(port),
            "--sparql-workers",
            "0",
            cwd=tmp_path,
        )
    assert busy.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in busy.stderr
    assert "Traceback" not in busy.stderr + missing.stderr + bad_base.stderr
