"""The SPARQL 1.1 Protocol endpoint of ``serve``: queries in worker processes, with a time limit.

Why processes: Oxigraph has no way to stop a query once it runs, and a public endpoint must
survive ``SELECT * { ?a ?b ?c . ?d ?e ?f }``. Each worker process holds its own copy of the
catalogue; a query that outlives ``timeout`` gets its worker killed and replaced, and the client a
503. Oxigraph releases the GIL while it evaluates, so threads would run queries in parallel
too, but a thread cannot be killed.

Why a row limit: an answer is built in memory before it is sent (so a failure can still become
a proper error status), and ``limit`` bounds that memory. A larger answer is refused with a
message asking for ``LIMIT``, never cut silently.

Read-only: :func:`sparql.run` refuses updates and ``SERVICE``; an ``update`` form field or an
``application/sparql-update`` body is refused before it reaches a worker.

Bounded: at most ``workers + waiting`` queries are in the server at once, each holding one HTTP
thread; one more is refused at once with 503 and ``Retry-After`` instead of waiting for a thread,
so queries cannot occupy every thread and starve pages and ``/health``. Each worker's address
space is capped (``RLIMIT_AS``) at what it holds after loading plus ``memory`` bytes: a query
building huge strings fails its allocation and the worker is replaced, the server is not swapped out.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import queue
import signal
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from kasko_dcat.query import sparql
from kasko_dcat.serve.negotiate import RDF_MEDIA_TYPES, RESULT_TYPES, choose, rdf_format
from kasko_dcat.serve.views import SERVE_PREFIXES

T = TypeVar("T")
STARTUP_SECONDS = 600.0
"""How long a worker may take to load the catalogue before the server gives up on it."""


@dataclass(frozen=True)
class Answer:
    """An HTTP answer to a query: status, media type and body, or a message code and its parameters."""

    status: int
    media_type: str = ""
    body: bytes = b""
    code: str | None = None
    params: dict[str, object] = field(default_factory=dict)


class TooManyResults(Exception):
    """The answer has more rows (or triples) than the configured limit."""


def evaluate(store: ox.Store, text: str, accept: str | None, limit: int) -> Answer:
    """Run ``text`` and write its answer in the format ``accept`` prefers (W3C results or RDF)."""
    try:
        result = sparql.run(store, text)
        if isinstance(result, ox.QueryTriples):
            media_type = choose(accept, RDF_MEDIA_TYPES)
            if media_type is None:
                return Answer(406, code="serve-not-acceptable", params={"offered": ", ".join(RDF_MEDIA_TYPES)})
            triples = _at_most(result, limit)
            return Answer(
                200, media_type, ox.serialize(triples, format=rdf_format(media_type), prefixes=SERVE_PREFIXES)
            )
        media_type = choose(accept, tuple(RESULT_TYPES))
        if media_type is None:
            return Answer(406, code="serve-not-acceptable", params={"offered": ", ".join(RESULT_TYPES)})
        if isinstance(result, ox.QuerySolutions):
            result = _limited(result, limit)
        return Answer(200, media_type, result.serialize(format=RESULT_TYPES[media_type]))
    except sparql.QueryError as exc:
        if exc.code == "query-update":
            return Answer(403, code="serve-update")
        return Answer(403 if exc.code == "query-service" else 400, code=exc.code, params=exc.params)
    except TooManyResults:
        return Answer(400, code="serve-too-many-results", params={"limit": limit})
    except (RuntimeError, OSError, SyntaxError, ValueError) as exc:  # raised while the lazy answer is read
        error = sparql.evaluation_error(exc)
        return Answer(400, code=error.code, params=error.params)


def _at_most(items: Iterable[T], limit: int) -> list[T]:
    found = list(itertools.islice(items, limit + 1))
    if len(found) > limit:
        raise TooManyResults
    return found


def _limited(solutions: ox.QuerySolutions, limit: int) -> ox.QuerySolutions:
    """The same solutions, read through once to count them, then handed back to Oxigraph's serialisers.

    They are written as SPARQL TSV, whose cells are N-Triples terms, and parsed again: the one
    way to give Oxigraph's JSON, XML and CSV writers solutions that have already been read.
    """
    variables = solutions.variables
    rows = _at_most(solutions, limit)
    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join("" if row[v] is None else _tsv(row[v]) for v in variables) for row in rows]
    parsed = ox.parse_query_results(("\n".join(lines) + "\n").encode("utf-8"), format=ox.QueryResultsFormat.TSV)
    assert isinstance(parsed, ox.QuerySolutions)
    return parsed


def _tsv(term: sparql.Term) -> str:
    """A term as SPARQL TSV writes it: ``str`` gives N-Triples, which has no syntax for a triple term."""
    if isinstance(term, ox.Triple):
        return f"<<( {_tsv(term.subject)} {_tsv(term.predicate)} {_tsv(term.object)} )>>"
    return str(term)


def _work(connection: Connection, path: str, limit: int, memory: int) -> None:
    """A worker process: load the catalogue, say so, then answer queries until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group; the server stops us
    store = sparql.load(Path(path).read_bytes())
    _cap_memory(memory)
    connection.send("ready")
    while True:
        try:
            text, accept = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(evaluate(store, text, accept, limit))


def _cap_memory(headroom: int) -> None:
    """Cap this process's address space at its present size plus ``headroom`` bytes (Linux; elsewhere no cap)."""
    import resource

    try:
        size = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return
    resource.setrlimit(resource.RLIMIT_AS, (size + headroom, size + headroom))


@dataclass(eq=False)  # kept in a set, by identity
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection


class QueryPool:
    """Worker processes answering queries one at a time each, killed and replaced when one runs too long."""

    def __init__(
        self, ntriples: bytes, workers: int, timeout: float, limit: int, waiting: int = 2, memory: int = 2**30
    ) -> None:
        self.timeout = timeout
        self.limit = limit
        self.memory = memory
        self._admitted = threading.BoundedSemaphore(workers + waiting)
        self._capacity, self._asking = workers + waiting, 0
        self._folder = tempfile.TemporaryDirectory(prefix="kasko-dcat-serve-")
        self._path = Path(self._folder.name) / "catalog.nt"
        self._path.write_bytes(ntriples)
        self._context = multiprocessing.get_context("spawn")  # the server has threads: never fork it
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        starting = [self._start() for _ in range(workers)]
        for worker in starting:
            self._ready(worker)

    def ask(self, text: str, accept: str | None) -> Answer:
        """The answer, or 503 when too many queries wait, no worker is free in time or the query outlives it."""
        if not self._admitted.acquire(blocking=False):
            return Answer(503, code="serve-queue-full", params={"seconds": self.timeout})
        with self._lock:
            self._asking += 1
        try:
            return self._ask(text, accept)
        finally:
            with self._lock:
                self._asking -= 1
            self._admitted.release()

    def full(self) -> bool:
        """Whether one more query would be refused now (a hint: :meth:`ask` decides)."""
        return self._asking >= self._capacity

    def _ask(self, text: str, accept: str | None) -> Answer:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Answer(503, code="serve-busy", params={"seconds": self.timeout})
        try:
            worker.connection.send((text, accept))
            if worker.connection.poll(self.timeout):
                answer = worker.connection.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError):
            worker.process.join(1)
            died = worker.process.exitcode
            self._replace(worker)
            if died == -signal.SIGABRT:  # Oxigraph aborts when an allocation fails under the memory cap
                return Answer(503, code="serve-query-memory", params={"mb": self.memory // 2**20})
            return Answer(500, code="serve-worker-died")
        self._replace(worker)
        return Answer(503, code="serve-timeout", params={"seconds": self.timeout})

    def idle(self) -> int:
        """Workers free to take a query now (for the health endpoint)."""
        return self._idle.qsize()

    def close(self) -> None:
        """Stop every worker and remove the catalogue copy they loaded."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
        for worker in workers:
            worker.process.kill()
            worker.process.join(5)
            worker.connection.close()
        self._folder.cleanup()

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_work, args=(child, str(self._path), self.limit, self.memory), daemon=True
        )
        worker = _Worker(process, parent)
        with self._lock:  # a replacement must not start after close(): its spawn would outlive the server
            if self._closed:
                raise RuntimeError("the pool is closed")
            process.start()
            self._all.add(worker)
        child.close()
        return worker

    def _ready(self, worker: _Worker) -> None:
        """Wait for ``worker`` to load the catalogue, then let it take queries."""
        if worker.connection.poll(STARTUP_SECONDS) and worker.connection.recv() == "ready":
            self._idle.put(worker)
        else:
            raise RuntimeError("a SPARQL worker did not start")

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background; queries wait for the rest meanwhile."""
        worker.process.kill()
        worker.connection.close()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return

        def restart() -> None:
            worker.process.join()
            with contextlib.suppress(RuntimeError, EOFError, OSError):
                self._ready(self._start())

        threading.Thread(target=restart, name="sparql-worker-restart", daemon=True).start()
