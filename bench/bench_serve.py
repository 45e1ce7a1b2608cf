"""Load-test ``kasko-dcat serve`` beside Oxigraph's own server, on one synthetic catalogue, in one run.

A synthetic source of ``--datasets`` datasets (bench/synthetic.py, through the source model) is
built with ``kasko-dcat build`` once (``--catalog FILE`` reuses a built ``catalog.nt``). Both
servers then get the same N-Triples: ``kasko-dcat serve`` reads it, and ``oxigraph load`` puts it
in a store that ``oxigraph serve`` answers from. ``--clients`` threads with persistent
connections send requests for ``--seconds`` per scenario and time each one:

- *pages*: ``catalog?page=N`` in Turtle, N cycling over every page. Oxigraph has no pages; its
  nearest equivalent, a ``CONSTRUCT`` of the triples of the same 100 datasets named in
  ``VALUES`` (POSTed), runs beside it. It gives less (no contact points, publishers, distributions
  or paging links) and needs the client to know the page's IRIs, so the ratio is a bound, not a
  like-for-like figure;
- *queries*: the bundled queries of ``queries/``, cycled, answers as SPARQL JSON, on both.

``serve`` caches answers (the catalogue changes only on a rebuild, which restarts it), so the
first request of each page or query costs more than the rest: the first answer of every bundled
query is timed separately on both servers. The clients run on the same 2 cores as the servers;
both servers pay that equally.

    python bench/bench_serve.py [--datasets 10000] [--clients 8] [--seconds 15]

Targets (issue "Harvest and query"): page p95 ≤ 50 ms, bundled-query p95 ≤ 100 ms, throughput at
least half of Oxigraph's. This script prints the figures; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from _measure import ROOT, machine
from kasko_dcat.query import bundled
from synthetic import make_source

PAGE_SIZE = 100
TARGETS = {"pages": 50.0, "queries": 100.0}
Request = tuple[str, str, dict[str, str], bytes | None]  # method, path with query, headers, body


@dataclass(frozen=True)
class Figures:
    """One scenario on one server."""

    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.latencies_ms, n=100)[p - 1] if len(self.latencies_ms) > 1 else 0.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, path: str, limit: float = 600) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no server on port {port} after {limit} s")


@contextmanager
def started(args: list[str], port: int, health: str, log: Path) -> Iterator[float]:
    with log.open("w") as stderr:
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=stderr, cwd=ROOT)
        try:
            yield wait_for(port, health)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()


def load(port: int, requests: Iterator[Request], clients: int, seconds: float) -> Figures:
    """``clients`` threads, each with one keep-alive connection, sending ``requests`` for ``seconds``."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    stop = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.perf_counter() < stop:
            with lock:
                method, path, headers, body = next(requests)
            begin = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                answer = connection.getresponse()
                answer.read()
                ok = answer.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                ok = False
            took = (time.perf_counter() - begin) * 1000
            with lock:
                latencies.append(took)
                errors[0] += not ok

    threads = [threading.Thread(target=client) for _ in range(clients)]
    begin = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Figures(len(latencies), errors[0], time.perf_counter() - begin, latencies)


def first_answers(port: int, requests: list[tuple[str, Request]]) -> dict[str, float]:
    """Milliseconds of each request the first time it is asked (so never from a cache)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    timings = {}
    for name, (method, path, headers, body) in requests:
        begin = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        answer.read()
        timings[name] = (time.perf_counter() - begin) * 1000 if answer.status == 200 else float("nan")
    return timings


def sparql_get(endpoint: str, query: str, accept: str = "application/sparql-results+json") -> Request:
    return ("GET", f"{endpoint}?{urllib.parse.urlencode({'query': query})}", {"Accept": accept}, None)


def construct_page(datasets: list[str], number: int) -> Request:
    """Oxigraph's nearest equivalent of a page: the triples of the same 100 datasets, named in ``VALUES``."""
    chosen = " ".join(f"<{d}>" for d in datasets[(number - 1) * PAGE_SIZE : number * PAGE_SIZE])
    query = f"CONSTRUCT {{ ?d ?p ?o }} WHERE {{ VALUES ?d {{ {chosen} }} ?d ?p ?o }}"
    return ("POST", "/query", {"Content-Type": "application/sparql-query", "Accept": "text/turtle"}, query.encode())


def dataset_iris(port: int) -> list[str]:
    listing = (
        "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?d WHERE { ?c a dcat:Catalog ; dcat:dataset ?d } ORDER BY ?d"
    )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    method, path, headers, _ = sparql_get("/query", listing)
    connection.request(method, path, headers=headers)
    return [row["d"]["value"] for row in json.loads(connection.getresponse().read())["results"]["bindings"]]


def catalogue_file(args: argparse.Namespace, work: Path) -> Path:
    if args.catalog:
        return Path(args.catalog)
    source = make_source(args.datasets, work / "source")
    begin = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kasko_dcat", "build", "--source", str(source), "--output", str(work / "output"), "-q"],
        check=True,
        cwd=ROOT,
    )
    print(f"built {args.datasets} datasets in {time.perf_counter() - begin:.0f} s")
    return work / "output" / "catalog.nt"


def report(label: str, server: str, figures: Figures, target: float | None) -> None:
    p95 = figures.percentile(95)
    verdict = "" if target is None else ("  met" if p95 <= target else "  not met")
    print(
        f"{label:<9} {server:<30} {figures.requests:>7} {figures.errors:>6} {figures.throughput:>8.1f} "
        f"{figures.percentile(50):>7.1f} {p95:>7.1f}{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=10_000)
    parser.add_argument("--catalog", help="a built catalog.nt to use instead of building a synthetic source")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    oxigraph = shutil.which("oxigraph", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    if oxigraph is None:
        raise SystemExit("oxigraph is not installed: pip install -e '.[test]'")

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        work = Path(folder)
        catalogue = catalogue_file(args, work)
        begin = time.perf_counter()
        subprocess.run(
            [oxigraph, "load", "--location", str(work / "oxigraph"), "--file", str(catalogue)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        oxigraph_load = time.perf_counter() - begin
        serve_port, oxigraph_port = free_port(), free_port()
        serve_args = [
            sys.executable,
            "-m",
            "kasko_dcat",
            "serve",
            "--catalog",
            str(catalogue),
            "--port",
            str(serve_port),
            "--base-iri",
            f"http://127.0.0.1:{serve_port}/",
            "--query-timeout",
            "60",
            "--no-warm",  # so the first answers below are evaluated, not computed at start
        ]
        oxigraph_args = [
            oxigraph,
            "serve",
            "--location",
            str(work / "oxigraph"),
            "--bind",
            f"127.0.0.1:{oxigraph_port}",
        ]
        with (
            started(serve_args, serve_port, "/health", work / "serve.log") as serve_start,
            started(oxigraph_args, oxigraph_port, "/query?query=ASK%7B%7D", work / "oxigraph.log") as oxigraph_start,
        ):
            connection = http.client.HTTPConnection("127.0.0.1", serve_port)
            connection.request("GET", "/health")
            health = json.loads(connection.getresponse().read())
            pages = -(-health["datasets"] // PAGE_SIZE)
            print(machine())
            print(
                f"catalogue: {health['datasets']} datasets, {health['triples']} triples, {pages} pages of {PAGE_SIZE}"
                f"; serve up in {serve_start:.1f} s; oxigraph load {oxigraph_load:.1f} s, up {oxigraph_start:.1f} s"
            )
            print(f"{args.clients} clients, {args.seconds:.0f} s per scenario\n")

            queries = {name: bundled.read(name).text for name in bundled.names()}
            print("first answer of each bundled query (uncached), ms:")
            cold_serve = first_answers(serve_port, [(n, sparql_get("/sparql", q)) for n, q in queries.items()])
            cold_oxigraph = first_answers(oxigraph_port, [(n, sparql_get("/query", q)) for n, q in queries.items()])
            for name in queries:
                print(f"  {name:<24} serve {cold_serve[name]:>7.1f}   oxigraph {cold_oxigraph[name]:>7.1f}")
            first_pages = first_answers(
                serve_port,
                [(str(n), ("GET", f"/catalog?page={n}", {"Accept": "text/turtle"}, None)) for n in range(1, pages + 1)],
            )
            print(
                f"first answer of each catalogue page (uncached): median {statistics.median(first_pages.values()):.1f} "
                f"ms, max {max(first_pages.values()):.1f} ms\n"
            )

            texts = list(queries.values())
            datasets = dataset_iris(oxigraph_port)

            def page(n: int) -> Request:
                return ("GET", f"/catalog?page={n}", {"Accept": "text/turtle"}, None)

            scenarios: list[tuple[str, str, int, Callable[[int], Request], int, float | None]] = [
                ("pages", "kasko-dcat serve", serve_port, page, pages, TARGETS["pages"]),
                (
                    "pages",
                    "oxigraph CONSTRUCT (nearest)",
                    oxigraph_port,
                    lambda n: construct_page(datasets, n),
                    pages,
                    None,
                ),
                (
                    "queries",
                    "kasko-dcat serve",
                    serve_port,
                    lambda n: sparql_get("/sparql", texts[n - 1]),
                    len(texts),
                    TARGETS["queries"],
                ),
                (
                    "queries",
                    "oxigraph serve",
                    oxigraph_port,
                    lambda n: sparql_get("/query", texts[n - 1]),
                    len(texts),
                    None,
                ),
            ]
            print(
                f"{'scenario':<9} {'server':<30} {'requests':>7} {'errors':>6} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7}"
            )
            results: dict[tuple[str, str], Figures] = {}
            for label, server, port, make, count, target in scenarios:
                requests = (make(n) for n in itertools.cycle(range(1, count + 1)))
                figures = load(port, requests, args.clients, args.seconds)
                results[(label, server)] = figures
                report(label, server, figures, target)
            print()
            for label, ours, theirs in (
                ("pages", "kasko-dcat serve", "oxigraph CONSTRUCT (nearest)"),
                ("queries", "kasko-dcat serve", "oxigraph serve"),
            ):
                ratio = results[(label, ours)].throughput / results[(label, theirs)].throughput
                p95 = results[(label, ours)].percentile(95) / max(results[(label, theirs)].percentile(95), 1e-9)
                print(f"{label}: serve/oxigraph throughput {ratio:.2f} (target ≥ 0.5), p95 ratio {p95:.2f}")


if __name__ == "__main__":
    main()
