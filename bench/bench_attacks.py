"""``/health`` latency and server memory while ``kasko-dcat serve`` is under each attack of issue 20.

A synthetic catalogue of ``--datasets`` datasets (bench/synthetic.py) is built once (or
``--catalog FILE``) and served with the default limits. For ``--seconds`` per scenario, attack
clients run in threads on this machine while one prober asks ``/health`` every 50 ms on a new
connection and times the answer; the script prints p50, p95 and the worst time per scenario, how
the attack's own requests were answered (status counts) and the server's resident memory (its
own process, the SPARQL workers apart) before and at the end of each scenario:

- *none*: no attack, the baseline;
- *search*: distinct 200-character searches (the longest allowed), and 20 KB ones (refused);
- *sparql-page*: the SPARQL page asked for a 100 000-row answer as an HTML table, again and again,
  and distinct queries (a comment makes each text new) so each one needs a worker;
- *modified-since*: catalogue pages with a distinct ``modified_since`` each time;
- *deep-query*: ``FILTER(`` + 20 000 ``!`` + ``true)``, which killed a worker before;
- *slow-readers*: ``--readers`` connections ask for the 100 000-row answer and read 4 KB every 5 s.

Bounded and loopback only: every client has a timeout, the server listens on 127.0.0.1 and is
stopped at the end. Figures on a shared 2-core machine are noisy; the script prints what it measured.

    python bench/bench_attacks.py [--datasets 2000] [--seconds 10] [--readers 100]
"""

from __future__ import annotations

import argparse
import http.client
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _measure import ROOT, machine
from synthetic import make_source

BIG_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 100000"
WORDS = ("opetus", "oppilas", "rekisteri", "järjestelmä", "tietovaranto", "koulu", "päiväkoti", "henkilöstö")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def get(port: int, path: str, timeout: float = 30) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def probe(port: int, stop: threading.Event, times: list[float]) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        status = get(port, "/health", timeout=120)
        times.append((time.perf_counter() - start) * 1000 if status == 200 else float("inf"))
        time.sleep(0.05)


def attackers(
    kind: str, port: int, stop: threading.Event, statuses: Counter[int], readers: int
) -> list[threading.Thread]:
    rng = random.Random(20)

    def loop(make_path: Callable[[], str]) -> Callable[[], None]:
        def run() -> None:
            while not stop.is_set():
                statuses[get(port, make_path())] += 1

        return run

    def search() -> str:
        if rng.random() < 0.2:
            return "/search?" + urllib.parse.urlencode({"q": "x" * 20_000})
        words = " ".join(rng.choice(WORDS) + str(rng.randrange(10**6)) for _ in range(30))[:200]
        return "/search?" + urllib.parse.urlencode({"q": words})

    def sparql_page() -> str:
        text = BIG_QUERY if rng.random() < 0.5 else f"# {rng.randrange(10**9)}\n{BIG_QUERY}"
        return "/sparql?" + urllib.parse.urlencode({"query": text, "output": "html"})

    def since() -> str:
        day = f"20{rng.randrange(10, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        stamp = f"{day}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z"
        return "/catalog.ttl?" + urllib.parse.urlencode({"modified_since": stamp})

    def deep() -> str:
        return "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { FILTER(" + "!" * 20_000 + "true) }"})

    makers = {"search": search, "sparql-page": sparql_page, "modified-since": since, "deep-query": deep}
    if kind in makers:
        return [threading.Thread(target=loop(makers[kind]), daemon=True) for _ in range(8)]
    if kind == "slow-readers":
        return [threading.Thread(target=slow_reader, args=(port, stop, statuses), daemon=True) for _ in range(readers)]
    return []


def slow_reader(port: int, stop: threading.Event, statuses: Counter[int]) -> None:
    path = "/sparql?" + urllib.parse.urlencode({"query": BIG_QUERY})
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n\r\n".encode())
            first = sock.recv(4096)
            statuses[int(first[9:12]) if first[:5] == b"HTTP/" else 0] += 1
            while not stop.is_set():
                if not sock.recv(4096):
                    statuses[-1] += 1  # cut off by the server
                    return
                stop.wait(5)
    except OSError:
        statuses[-2] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=2000)
    parser.add_argument("--catalog", help="a built catalog.nt to serve instead of a synthetic one")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--readers", type=int, default=100)
    parser.add_argument("--only", help="run one scenario")
    parser.add_argument("--serve-option", action="append", default=[], help="passed to kasko-dcat serve (repeatable)")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        catalog = Path(args.catalog) if args.catalog else work / "output" / "catalog.nt"
        if not args.catalog:
            source = make_source(args.datasets, work / "source")
            build = [
                sys.executable,
                "-m",
                "kasko_dcat",
                "build",
                "--source",
                str(source),
                "--output",
                str(work / "output"),
            ]
            subprocess.run([*build, "-q"], cwd=ROOT, check=True, timeout=1800)
        port = free_port()
        command = [sys.executable, "-m", "kasko_dcat", "serve", "--catalog", str(catalog), "--port", str(port)]
        with (work / "serve.log").open("w") as log:
            server = subprocess.Popen(
                [*command, "--no-access-log", *args.serve_option], cwd=ROOT, stdout=log, stderr=log
            )
            try:
                deadline = time.monotonic() + 600
                while get(port, "/health", timeout=5) != 200:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(f"serve did not start: {(work / 'serve.log').read_text()[-2000:]}")
                    time.sleep(0.5)
                get(port, "/sparql?" + urllib.parse.urlencode({"query": BIG_QUERY}), timeout=120)  # cache it
                print(f"catalogue: {catalog.stat().st_size / 1e6:.1f} MB of N-Triples; {args.seconds:g} s per scenario")
                head = f"{'scenario':<15} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'probes':>7}  {'RSS MiB':>15}"
                print(head + "  attack answers")
                kinds = ["none", "search", "sparql-page", "modified-since", "deep-query", "slow-readers"]
                for kind in [args.only] if args.only else kinds:
                    scenario(kind, port, server.pid, args)
            finally:
                server.send_signal(signal.SIGTERM)
                try:
                    server.wait(60)
                except subprocess.TimeoutExpired:
                    server.kill()


def scenario(kind: str, port: int, pid: int, args: argparse.Namespace) -> None:
    stop = threading.Event()
    statuses: Counter[int] = Counter()
    times: list[float] = []
    before = rss_mib(pid)
    if kind == "slow-readers":  # the answer they read is made before they come, as a cached answer would be
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        path = "/sparql?" + urllib.parse.urlencode({"query": BIG_QUERY})
        connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        size = len(connection.getresponse().read())
        connection.close()
        print(f"{'':15} (the answer the readers ask for: {size / 2**20:.1f} MiB)")
    threads = attackers(kind, port, stop, statuses, args.readers)
    for thread in threads:
        thread.start()
    time.sleep(min(2.0, args.seconds / 4))  # let the attack get going
    prober = threading.Thread(target=probe, args=(port, stop, times), daemon=True)
    prober.start()
    time.sleep(args.seconds)
    after = rss_mib(pid)
    stop.set()
    prober.join(150)
    for thread in threads:
        thread.join(60)
    finite = sorted(t for t in times if t != float("inf"))
    failed = len(times) - len(finite)
    p95 = finite[max(0, round(len(finite) * 0.95) - 1)] if finite else float("nan")
    p50 = statistics.median(finite) if finite else float("nan")
    answers = ", ".join(
        f"{code if code >= 0 else ('cut' if code == -1 else 'error')}: {n}" for code, n in sorted(statuses.items())
    )
    worst = max(times) if times else float("nan")
    memory = f"{before:.0f} → {after:.0f}"
    print(
        f"{kind:<15} {p50:8.1f} {p95:8.1f} {worst:8.1f} {len(times):7d}  {memory:>15}  {answers}"
        + (f"; {failed} probes failed" if failed else "")
    )
    time.sleep(2)  # let the server drain before the next scenario


if __name__ == "__main__":
    main()
