"""``kasko-dcat serve``: the catalogue over HTTP — pages for harvesters, a page per IRI, a SPARQL endpoint.

A WSGI application served by Waitress, a production WSGI server: a pool of threads handles
requests concurrently, and on SIGTERM or Ctrl+C it stops accepting, lets running requests finish
and exits. Every answer is a function of the request alone (the catalogue is read once), so
answers are cached in memory, and ``ETag`` / ``Last-Modified`` let clients and proxies revalidate
with a 304 instead of downloading again. Links are built from the configured base IRI only:
``Host`` and ``X-Forwarded-*`` headers are never read, so no client can make a page link elsewhere.

Routes, under the base IRI's path:

- ``catalog`` (or ``catalog.ttl|jsonld|rdf|nt|html``): a page of the catalogue with Hydra paging;
  ``?page=N``, ``?page_size=N``, ``?modified_since=DATE``;
- every IRI the catalogue describes (``dataset/{id}``, ``system/{id}``, ``channel/{id}``, …),
  optionally with the same suffixes; HTML (the citizen site, :mod:`~kasko_dcat.serve.site`) in
  fi/sv/en with ``?lang=``;
- the citizen site's own pages: ``request``, ``system`` (the index), ``picture`` and
  ``systems.svg``, ``search?q=``;
- ``sparql``: the SPARQL 1.1 Protocol (GET and POST), read-only; for a browser, a page with the
  bundled queries (``?bundled=NAME``) and answers as a table (``output=html``);
- ``api/3/action/{name}`` (and ``api/action/{name}``): the read-only part of CKAN's Action API
  that CKAN harvesters call, avoindata.fi's dataset dicts in CKAN's envelope
  (:mod:`kasko_dcat.ckan.action`); GET with a query string or POST with a JSON body;
- ``health``: JSON saying the server is up; ``/`` redirects to the catalogue.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import logging
import math
import re
import signal
import socket
import struct
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from email.utils import formatdate, parsedate_to_datetime
from typing import TYPE_CHECKING, Generic, TypeVar
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from kasko_dcat.ckan import action as ckan_action
from kasko_dcat.errors import KaskoError
from kasko_dcat.i18n.languages import MESSAGE_LANGS, page_lang
from kasko_dcat.i18n.messages import render
from kasko_dcat.query import sparql
from kasko_dcat.serve import hydra, views
from kasko_dcat.serve.endpoint import QueryPool
from kasko_dcat.serve.negotiate import HTML, RDF_MEDIA_TYPES, RESULT_TYPES, SUFFIXES, choose, rdf_format
from kasko_dcat.serve.site import SITE_PAGES, SVG_NAME, Router, Site, Text

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

ACCESS_LOG = logging.getLogger("kasko_dcat.access")
MAX_QUERY_BYTES = 1_000_000
"""Largest request body accepted (Waitress refuses a larger ``Content-Length`` before reading it)."""
MAX_HEADER_BYTES = 64 * 1024
"""Largest request line plus headers; a browser sends a few kilobytes."""
OUTBUF_BYTES = 64 * 1024 * 1024
"""Bytes of answers a connection holds in memory before Waitress buffers them on disk."""
MAX_QUERY_STRING = 8 * 1024
"""Longest query string: a page takes a few short parameters, and a longer SPARQL query is POSTed (up to 1 MB)."""
MAX_SEARCH_CHARS = 200
"""Longest search text: a few words; a 20 KB one took 15.8 s on 10 000 datasets."""
PAGE_WAIT_SECONDS = 2.0
"""How long a page not yet made waits for a page slot (holding one of the threads - 2) before 503."""
SEND_BLOCK = 256 * 1024
SWITCH_SECONDS = 0.0005
"""How long a thread may hold the GIL while others wait (Python's default is 0.005)."""
PAGE_ROWS = 1000
"""Rows the SPARQL page shows as a table; the endpoint itself gives every row."""
_GZIP_MIN = 512
_COMPRESSIBLE = ("text/", "application/")
_CHARSET = ("text/", "application/ld+json", "application/sparql-results+json")
CKAN_ACTION_PATHS = ("api/3/action/", "api/action/")
"""Where CKAN answers its Action API; a harvest source of type CKAN is given the base address only."""


@dataclass(frozen=True)
class Settings:
    """What ``serve``'s options configure besides the catalogue and the query workers."""

    page_size: int = 100
    max_page_size: int = 1000
    cache_bytes: int = 128 * 1024 * 1024
    """Bytes of answers (and their gzipped copies, as many again) kept in memory."""
    threads: int = 8
    """HTTP threads; all but two may work on answers not yet made (cached answers and /health need none)."""
    page_workers: int = 2
    """Pages made at once (search, the SPARQL page, pages not yet cached); one more is refused with 503."""
    owed_bytes: int = 1024 * 1024 * 1024
    """Bytes of answers handed to connections and not yet sent, over all of them; beyond it, 503."""


@dataclass(frozen=True)
class Limits:
    """How many connections the server holds and how long an idle one may stay (slow clients)."""

    connections: int = 1000
    idle_seconds: float = 15.0
    grace_seconds: float = 30.0
    """How long a stop waits for the requests in progress and those already received."""
    min_send_rate: int = 4096
    """Bytes per second a client must take of an answer, over ``idle_seconds``; a slower one is cut off."""


@dataclass(frozen=True)
class Reply:
    """One answer before HTTP framing: status, media type, body, and the headers it varies on."""

    status: int
    media_type: str = "text/plain"
    body: bytes = b""
    vary: str = "Accept, Accept-Encoding"
    cacheable: bool = True
    headers: tuple[tuple[str, str], ...] = ()


class HttpError(KaskoError):
    """A request the server cannot answer as asked, with the HTTP status to answer it with."""

    def __init__(self, code: str, /, *, status: int, **params: object) -> None:
        super().__init__(code, **params)
        self.status = status


V = TypeVar("V")


class _Lru(Generic[V]):
    """A thread-safe least-recently-used cache bounded in bytes, keys included (a SPARQL key is a whole query).

    Bytes, not entries: answers range from a hundred bytes to the result limit, so a count bounds
    nothing (four large answers, or thousands of distinct ``modified_since`` pages, each took
    hundreds of MiB). A value larger than a quarter of the bound is not kept at all.
    """

    def __init__(self, limit: int, size: Callable[[V], int], busy: _Gate | None = None) -> None:
        self.busy = busy
        """Threads that may make or wait for a value not kept, over every kind of answer; ``None``: no bound."""
        self._limit = limit
        self._size = size
        self._items: OrderedDict[object, tuple[V, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._making: dict[object, threading.Event] = {}

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        """What the kept values and keys add up to now."""
        return self._bytes

    def find(self, key: object) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: object, value: V) -> None:
        size = self._size(value) + len(repr(key))
        if size > self._limit // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, size)
            self._bytes += size
            while self._bytes > self._limit:
                self._bytes -= self._items.popitem(last=False)[1][1]

    def get(self, key: object, make: Callable[[], V], keep: Callable[[V], bool]) -> V:
        """The kept value, else one made by ``make``: once for all threads asking for it at the same time.

        Made once, so eight clients asking for the same new query take one SPARQL worker, not eight
        places in its bounded queue. A thread that waited makes its own if the first failed.
        """
        found = self.find(key)
        if found is not None:
            return found
        with self.busy.held() if self.busy else contextlib.nullcontext():  # making or waiting holds a thread
            return self._make_once(key, make, keep)

    def _make_once(self, key: object, make: Callable[[], V], keep: Callable[[V], bool]) -> V:
        with self._lock:
            making = self._making.get(key)
            first = making is None
            if making is None:
                making = self._making[key] = threading.Event()
        if not first:
            making.wait()
            found = self.find(key)
            return found if found is not None else make()
        try:
            value = make()  # outside the lock: other answers are made and found meanwhile
            if keep(value):
                self.put(key, value)
            return value
        finally:
            with self._lock:
                del self._making[key]
            making.set()


class _Owed:
    """Bytes of answers handed to connections and not yet sent, over all connections, with a cap.

    Counted per connection, shared copies included: it bounds what slow readers hold the server to
    even when an answer is too large for the cache and each connection has its own.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.bytes = 0
        self._lock = threading.Lock()

    def take(self, size: int, *, force: bool = False) -> bool:
        with self._lock:
            if not force and self.bytes and self.bytes + size > self.cap:  # one answer alone always goes
                return False
            self.bytes += size
            return True

    def give_back(self, size: int) -> None:
        with self._lock:
            self.bytes -= size


class _SharedBody(io.BytesIO):
    """One connection's view of an answer, for ``wsgi.file_wrapper``: Waitress sends from it as the client reads.

    No copy: a ``BytesIO`` made from a ``bytes`` shares its buffer until written to, so a hundred
    readers of a cached 31 MB answer hold one copy, where Waitress's own buffers held one each
    (3.3 GiB at 100 slow readers). Closed by Waitress when sent or when the connection is gone,
    which gives its size back to :class:`_Owed`.
    """

    def __init__(self, body: bytes, owed: _Owed) -> None:
        super().__init__(body)
        self._owed, self._size = owed, len(body)

    def close(self) -> None:
        if not self.closed:
            self._owed.give_back(self._size)
        super().close()


class _Gate:
    """At most ``slots`` threads in some slow work at once; one more waits ``wait`` seconds at most, then gets 503.

    Search, the SPARQL page's table and a page not yet cached run in the HTTP threads; without a
    bound eight long searches held all eight threads and ``/health`` waited 114 s. Two gates: one
    over every answer not yet made, made or waited for (``threads`` − 2, no waiting: a waiting
    request holds its thread just the same), so two threads are always free for ``/health`` and
    cached answers; and one over pages (``page_workers``, a short wait within the first), so
    searches leave room for SPARQL.
    """

    def __init__(self, slots: int, code: str, wait: float = 0.0) -> None:
        self._slots = threading.BoundedSemaphore(max(1, slots))
        self._code, self._wait = code, wait

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        if not self._slots.acquire(timeout=self._wait) if self._wait else not self._slots.acquire(blocking=False):
            raise HttpError(self._code, status=503, seconds=max(1, math.ceil(self._wait)))
        try:
            yield
        finally:
            self._slots.release()

    def run(self, make: Callable[[], V]) -> V:
        with self.held():
            return make()


class App:
    """The WSGI application; one instance serves one loaded catalogue."""

    def __init__(self, catalogue: views.Catalogue, pool: QueryPool | None, settings: Settings) -> None:
        self.catalogue = catalogue
        self.pool = pool
        self.settings = settings
        self.base_path = urlsplit(catalogue.base).path
        self.ckan = ckan_action.Api(catalogue)
        self.last_modified = int(catalogue.loaded_from.stat().st_mtime)
        # Two threads are never given to work on an answer not yet made: /health and cached pages.
        self.busy = _Gate(settings.threads - 2, "serve-busy-threads")
        self._cache: _Lru[Reply] = _Lru(settings.cache_bytes, lambda reply: len(reply.body), self.busy)
        self._gzipped: _Lru[bytes] = _Lru(settings.cache_bytes, len)
        self.site = Site(catalogue)
        self.pages = _Gate(settings.page_workers, "serve-pages-busy", PAGE_WAIT_SECONDS)
        self.owed = _Owed(settings.owed_bytes)
        self.site.search_index  # noqa: B018 - built with the catalogue, not by the first search

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        """Answer one request; errors of the client become a status and a one-line message in en and fi."""
        try:
            reply = self._route(environ)
        except HttpError as exc:
            reply = _error(exc.status, exc.code, exc.params)
            if exc.status == 404 and choose(environ.get("HTTP_ACCEPT"), ("text/plain", HTML)) == HTML:
                reply = self._not_found_page(environ, str(exc.params.get("path", "")))
            if "allowed" in exc.params:
                reply = replace(reply, headers=(("Allow", str(exc.params["allowed"])),))
            if exc.status == 503 and "seconds" in exc.params:
                retry = str(math.ceil(float(str(exc.params["seconds"]))))
                reply = replace(reply, headers=(("Retry-After", retry),))
        return self._send(environ, start_response, reply)

    def _not_found_page(self, environ: WSGIEnvironment, path: str) -> Reply:
        """A browser's 404: a page of the site in the reader's language with ways on, not a line of text."""
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        try:
            lang = _lang(environ, params)
        except HttpError:  # a repeated ?lang= is no reason to lose the page
            lang = _lang(environ, {})
        local = path[len(self.base_path) :] if path.startswith(self.base_path) else ""
        body = self.site.not_found_page(Router(self.catalogue.base, lang, local.split("?", 1)[0]), path)
        return Reply(404, HTML, body, cacheable=False)

    def _route(self, environ: WSGIEnvironment) -> Reply:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        if not path.startswith(self.base_path):
            raise HttpError("serve-not-found", status=404, path=path)
        local = path[len(self.base_path) :]
        if len(environ.get("QUERY_STRING", "")) > MAX_QUERY_STRING:  # refused before it is parsed
            raise HttpError("serve-query-string-too-long", status=414, limit=MAX_QUERY_STRING)
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if local == "sparql":
            return self._sparql(environ, method, params)
        if local.startswith(CKAN_ACTION_PATHS):
            return self._ckan(environ, method, params, local.rpartition("/")[2])
        if method not in {"GET", "HEAD"}:
            raise HttpError("serve-method", status=405, method=method, allowed="GET, HEAD")
        if local == "":
            # Percent-encoded again: a control byte or a non-ASCII one never reaches a header.
            query = quote(environ.get("QUERY_STRING", ""), safe="/?:@!$&'()*+,;=-._~%", encoding="latin-1")
            target = self.catalogue.iri + (f"?{query}" if query else "")
            return Reply(303, body=target.encode(), headers=(("Location", target),), cacheable=False)
        if local == "health":
            return self._health()
        if local in SITE_PAGES or local == SVG_NAME:
            return self._site_page(environ, params, local)
        stem, _, suffix = local.rpartition(".")
        if local == "catalog" or (stem == "catalog" and suffix in SUFFIXES):
            return self._catalogue(environ, params, suffix if stem else None)
        if self.catalogue.has(self.catalogue.base + local):
            return self._resource(environ, params, self.catalogue.base + local, None)
        if suffix in SUFFIXES and self.catalogue.has(self.catalogue.base + stem):
            return self._resource(environ, params, self.catalogue.base + stem, suffix)
        raise HttpError("serve-not-found", status=404, path=path)

    def _media_type(self, environ: WSGIEnvironment, suffix: str | None) -> str:
        if suffix is not None:
            return SUFFIXES[suffix]
        chosen = choose(environ.get("HTTP_ACCEPT"), (*RDF_MEDIA_TYPES, HTML))
        if chosen is None:
            raise HttpError("serve-not-acceptable", status=406, offered=", ".join((*RDF_MEDIA_TYPES, HTML)))
        return chosen

    def _catalogue(self, environ: WSGIEnvironment, params: dict[str, list[str]], suffix: str | None) -> Reply:
        settings = self.settings
        number = _integer(params, "page", 1, 1, None)
        size = _integer(params, "page_size", settings.page_size, 1, settings.max_page_size)
        since_text = _single(params, "modified_since")
        since = views.parse_since(since_text) if since_text else None
        if since_text and since is None:
            raise HttpError("serve-bad-date", status=400, name="modified_since", value=since_text)
        media_type = self._media_type(environ, suffix)
        lang = _lang(environ, params) if media_type == HTML else None

        def page_url(page: int, to_suffix: str | None = suffix, to_lang: str | None = lang) -> str:
            query: list[tuple[str, object]] = [("page", page)]
            if size != settings.page_size:
                query.append(("page_size", size))
            if since_text:
                query.append(("modified_since", since_text))
            if to_lang:
                query.append(("lang", to_lang))
            return f"{self.catalogue.iri}{'.' + to_suffix if to_suffix else ''}?{urlencode(query)}"

        def make() -> Reply:
            datasets = self.catalogue.changed_since(since) if since else self.catalogue.datasets
            paging = hydra.Paging(number, size, len(datasets))
            if not paging.exists:
                raise HttpError("serve-no-page", status=404, page=number, last=paging.last)
            window = paging.window(datasets)
            if media_type == HTML:
                assert lang is not None
                body = self.site.front_page(Router(self.catalogue.base, lang, ""))
            else:
                triples = self.catalogue.page(window) + hydra.triples(
                    self.catalogue.iri, lambda n: page_url(n, suffix, None), paging
                )
                body = views.serialize(triples, rdf_format(media_type))
            return Reply(200, media_type, body)

        key = ("catalog", number, size, since.isoformat() if since else None, suffix, media_type, lang)
        reply = self._cache.get(key, lambda: self.pages.run(make), _keep)
        return replace(reply, vary=_vary(suffix, media_type, params))  # this request's, not the cached one's

    def _resource(self, environ: WSGIEnvironment, params: dict[str, list[str]], iri: str, suffix: str | None) -> Reply:
        media_type = self._media_type(environ, suffix)
        lang = _lang(environ, params) if media_type == HTML else None

        def make() -> Reply:
            if media_type == HTML:
                assert lang is not None
                body = self.site.page_for(Router(self.catalogue.base, lang, iri[len(self.catalogue.base) :]), iri)
            else:
                body = views.serialize(self.catalogue.describe(iri), rdf_format(media_type))
            return Reply(200, media_type, body)

        return replace(
            self._cache.get(("resource", iri, media_type, lang), lambda: self.pages.run(make), _keep),
            vary=_vary(suffix, media_type, params),
        )

    def _sparql(self, environ: WSGIEnvironment, method: str, params: dict[str, list[str]]) -> Reply:
        if method in {"GET", "HEAD"}:
            fields = params
        elif method == "POST":
            fields = self._posted(environ)
        else:
            raise HttpError("serve-method", status=405, method=method, allowed="GET, HEAD, POST")
        if "update" in fields:
            raise HttpError("serve-update", status=403)
        if any(value for name in ("default-graph-uri", "named-graph-uri") for value in fields.get(name, [])):
            raise HttpError("serve-dataset-parameters", status=400)
        text = _single(fields, "query")
        name = _single(fields, "bundled")
        if method != "POST" and name is not None and not text and _single(fields, "output") != "html":
            # A bundled query by name answers by Accept like any query; a browser (text/html first) gets the page.
            accept = environ.get("HTTP_ACCEPT")
            if choose(accept, (*RESULT_TYPES, *RDF_MEDIA_TYPES, HTML)) != HTML:
                return self.answer(_bundled_text(name), accept)
        if method != "POST" and (
            _single(fields, "output") == "html"
            or "bundled" in fields
            or (not text and choose(environ.get("HTTP_ACCEPT"), ("text/plain", HTML)) == HTML)
        ):
            return self._sparql_page(environ, params, text)
        if not text:
            raise HttpError("serve-no-query", status=400)
        return self.answer(text, environ.get("HTTP_ACCEPT"))

    def _ckan(self, environ: WSGIEnvironment, method: str, params: dict[str, list[str]], action: str) -> Reply:
        """A CKAN Action API call: parameters from the query string, or a JSON object POSTed (as ``ckanapi`` sends)."""
        fields: dict[str, object] = {name: values[0] if len(values) == 1 else values for name, values in params.items()}
        if method == "POST":
            try:
                posted = json.loads(self._body(environ) or b"{}")
            except ValueError:  # a body too large is refused as any other (413)
                posted = None
            if not isinstance(posted, dict):
                return self._ckan_reply(
                    self.ckan.refuse(action, 400, "Bad request - JSON Error: expected a JSON object")
                )
            fields.update(posted)
        elif method not in {"GET", "HEAD"}:
            return self._ckan_reply(self.ckan.refuse(action, 405, f"Bad request - method {method} not allowed"))
        key = ("ckan", action, json.dumps(fields, sort_keys=True, default=str))
        return self._cache.get(key, lambda: self._ckan_reply(self.ckan.call(action, fields)), _keep)

    @staticmethod
    def _ckan_reply(answer: ckan_action.Answer) -> Reply:
        return Reply(
            answer.status, "application/json", answer.bytes(), vary="Accept-Encoding", cacheable=answer.cacheable
        )

    def _site_page(self, environ: WSGIEnvironment, params: dict[str, list[str]], local: str) -> Reply:
        """A page of the citizen site that is no IRI of the catalogue: request, systems, search, picture."""
        lang = _lang(environ, params)
        router = Router(self.catalogue.base, lang, local)
        if local == SVG_NAME:
            body = self._cache.get(
                ("svg", lang), lambda: Reply(200, "image/svg+xml", self.site.picture_svg(lang)), _keep
            )
            return replace(body, vary=_vary("svg", HTML, params))
        query = " ".join((_single(params, "q") or "").split())  # spellings of one search share its page
        if len(query) > MAX_SEARCH_CHARS:
            raise HttpError("serve-search-too-long", status=400, limit=MAX_SEARCH_CHARS)
        pages = {
            "request": lambda: self.site.request_page(router),
            "system": lambda: self.site.systems_page(router),
            "picture": lambda: self.site.picture_page(router),
            "quality": lambda: self.site.quality_page(router),
            "search": lambda: self.site.search_page(router, query),
        }
        reply = self._cache.get(
            ("site", local, lang, query), lambda: self.pages.run(lambda: Reply(200, HTML, pages[local]())), _keep
        )
        return replace(reply, vary=_vary("html", HTML, params))

    def _sparql_page(self, environ: WSGIEnvironment, params: dict[str, list[str]], text: str | None) -> Reply:
        """The SPARQL page for people: the bundled queries one click away, an answer as an HTML table."""
        from kasko_dcat.query import bundled

        lang = _lang(environ, params)
        router = Router(self.catalogue.base, lang, "sparql")
        title_lang = lang if lang in MESSAGE_LANGS else "en"
        queries = [bundled.read(name) for name in bundled.names()]
        marked = None if title_lang == lang else title_lang  # no Swedish titles yet: English, marked
        links = [
            (
                Text(q.title(title_lang), marked),
                f"{self.catalogue.base}sparql?{urlencode({'bundled': q.name, 'lang': lang})}",
            )
            for q in queries
        ]
        name = _single(params, "bundled")
        if name is not None:
            text = _bundled_text(name)
        answer = None
        if text:
            try:  # TSV: its first rows are read without parsing the rest (a 31 MB JSON answer took 0.5 s)
                answer = self.answer(text, "text/tab-separated-values, text/turtle")
            except HttpError as exc:
                error = render(exc.code, title_lang, {k: str(v) for k, v in exc.params.items()})
                body = self.site.sparql_page(router, links, text, None, None, error)
                return Reply(200, HTML, body, vary=_vary(None, HTML, params), cacheable=False)

        def make() -> Reply:
            """The page with its table: made once per query and language (a 100 000-row table took 1.2 s)."""
            table = graph = total = None
            if answer is not None and answer.media_type == "text/tab-separated-values":
                table, total = _result_table(answer.body, PAGE_ROWS)
            elif answer is not None:
                graph = answer.body.decode("utf-8")
            body = self.site.sparql_page(router, links, text or EXAMPLE_QUERY, table, graph, None, total)
            return Reply(200, HTML, body)

        reply = self._cache.get(("sparql-page", text, lang), lambda: self.pages.run(make), _keep)
        return replace(reply, vary=_vary(None, HTML, params))

    def answer(self, text: str, accept: str | None) -> Reply:
        """The answer to a query, from the cache when the same query was asked for the same format before.

        The key is the query and the formats ``accept`` chooses (for a table and for a graph), not the
        header's text, so clients that word ``Accept`` differently share one answer.
        """
        if self.pool is None:
            raise HttpError("serve-no-sparql", status=503)
        pool = self.pool
        try:  # refused here, in microseconds, without taking a worker (20 000 '!' once killed one)
            normal = sparql.check(text).text
        except sparql.QueryError as exc:
            if exc.code == "query-update":
                raise HttpError("serve-update", status=403) from None
            raise HttpError(exc.code, status=403 if exc.code == "query-service" else 400, **exc.params) from None

        def make() -> Reply:
            answer = pool.ask(text, accept)
            if answer.code is not None:
                raise HttpError(answer.code, status=answer.status, **answer.params)
            return Reply(answer.status, answer.media_type, answer.body)

        # Keyed by the query in its one spelling: comments and white space do not make a query new.
        key = ("sparql", normal, choose(accept, tuple(RESULT_TYPES)), choose(accept, RDF_MEDIA_TYPES))
        found = self._cache.find(key)
        if found is not None:
            return found
        if pool.full():  # said as the pool says it, before a thread is held for it
            raise HttpError("serve-queue-full", status=503, seconds=pool.timeout)
        return self._cache.get(key, make, _keep)

    def warm(self, texts: Iterable[str]) -> None:
        """Answer ``texts`` (the bundled queries) as SPARQL JSON in the background, so no client waits for them.

        The CKAN face's dataset dicts are made then too (1.6 s at 1 000 datasets), before a harvester asks.
        """

        def answer_all() -> None:
            self.ckan.reader.datasets  # noqa: B018 (made and kept on first use)
            for text in texts:
                with contextlib.suppress(HttpError):  # a query that fails is answered, with its error, when asked
                    self.answer(text, "application/sparql-results+json")

        threading.Thread(target=answer_all, name="warm-bundled-queries", daemon=True).start()

    def _posted(self, environ: WSGIEnvironment) -> dict[str, list[str]]:
        """The fields of a POSTed query: a form, or a bare ``application/sparql-query`` body."""
        media_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if media_type == "application/sparql-update":
            raise HttpError("serve-update", status=403)
        body = self._body(environ)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise HttpError("serve-not-utf8", status=400) from None
        if media_type == "application/sparql-query":
            return {"query": [text]}
        if media_type == "application/x-www-form-urlencoded":
            return parse_qs(text, keep_blank_values=True)
        raise HttpError("serve-media-type", status=415, media_type=media_type or "-")

    def _body(self, environ: WSGIEnvironment) -> bytes:
        """The request body, refused (413) beyond :data:`MAX_QUERY_BYTES`."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_QUERY_BYTES:
            raise HttpError("serve-too-large", status=413, limit=MAX_QUERY_BYTES)
        return environ["wsgi.input"].read(length) if length else b""

    def _health(self) -> Reply:
        status = {
            "status": "ok",
            "datasets": len(self.catalogue.datasets),
            "triples": len(self.catalogue.store),
            "sparql_workers_idle": self.pool.idle() if self.pool else 0,
            "cached_answers": len(self._cache),
            "cached_bytes": self._cache.bytes + self._gzipped.bytes,
            "unsent_bytes": self.owed.bytes,
        }
        body = (json.dumps(status, sort_keys=True) + "\n").encode()
        return Reply(200, "application/json", body, vary="Accept-Encoding", cacheable=False)

    def _send(self, environ: WSGIEnvironment, start_response: StartResponse, reply: Reply) -> Iterable[bytes]:
        headers = [("Content-Type", _content_type(reply.media_type)), *reply.headers]
        body = reply.body
        if reply.status == 200 and reply.cacheable:
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            if _accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", "")) and self._compressible(reply):
                body, etag = self._gzip(body), etag[:-1] + '-gzip"'
                headers.append(("Content-Encoding", "gzip"))
            headers += [
                ("ETag", etag),
                ("Last-Modified", formatdate(self.last_modified, usegmt=True)),
                ("Vary", reply.vary),
                ("Cache-Control", "public, max-age=60"),
            ]
            if self._not_modified(environ, etag):
                start_response("304 Not Modified", [h for h in headers if h[0] != "Content-Type"])
                return [b""]
        else:
            headers.append(("Cache-Control", "no-store"))
            if reply.status == 200:
                headers.append(("Vary", reply.vary))
        wrapper = environ.get("wsgi.file_wrapper")
        streamed = wrapper is not None and environ.get("REQUEST_METHOD") != "HEAD"
        if streamed and not self.owed.take(len(body), force=reply.status == 503):
            full = _error(503, "serve-memory-full", {"mb": self.owed.cap // 2**20})
            return self._send(environ, start_response, replace(full, headers=(("Retry-After", "5"),)))
        headers.append(("Content-Length", str(len(body))))
        start_response(f"{reply.status} {_REASONS.get(reply.status, 'Error')}", headers)
        if streamed:  # sent from one shared copy as the client reads (see _SharedBody)
            return wrapper(_SharedBody(body, self.owed), SEND_BLOCK)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def _compressible(self, reply: Reply) -> bool:
        return len(reply.body) >= _GZIP_MIN and reply.media_type.startswith(_COMPRESSIBLE)

    def _gzip(self, body: bytes) -> bytes:
        """The gzipped body, made once per distinct body (``mtime=0``, so the same bytes every time)."""
        return self._gzipped.get(
            hashlib.sha256(body).digest(), lambda: gzip.compress(body, compresslevel=6, mtime=0), lambda _: True
        )

    def _not_modified(self, environ: WSGIEnvironment, etag: str) -> bool:
        """RFC 9110 § 13.2.2: ``If-None-Match`` decides when present (weakly compared), else ``If-Modified-Since``."""
        match = environ.get("HTTP_IF_NONE_MATCH")
        if match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
            return "*" in tags or etag in tags
        since = environ.get("HTTP_IF_MODIFIED_SINCE")
        if since and environ.get("REQUEST_METHOD") in {"GET", "HEAD"}:
            try:
                return parsedate_to_datetime(since).timestamp() >= self.last_modified
            except (TypeError, ValueError):
                return False
        return False


def access_log(app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """Wrap ``app`` to log one line per request: client, request line, status, bytes, milliseconds."""

    def logged(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        start = time.perf_counter()
        seen: dict[str, str] = {}

        def recording(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> object:
            seen["status"] = status.split(" ", 1)[0]
            seen["length"] = next((v for k, v in headers if k == "Content-Length"), "-")
            return start_response(status, headers)  # type: ignore[arg-type]

        body = app(environ, recording)
        query = environ.get("QUERY_STRING")
        target = environ.get("PATH_INFO", "") + (f"?{query}" if query else "")
        ACCESS_LOG.info(
            '%s - - [%s] "%s %s %s" %s %s %.1fms',
            environ.get("REMOTE_ADDR", "-"),
            time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime()),
            environ.get("REQUEST_METHOD", "-"),
            target,
            environ.get("SERVER_PROTOCOL", "-"),
            seen.get("status", "-"),
            seen.get("length", "-"),
            (time.perf_counter() - start) * 1000,
        )
        return body

    return logged


def run(
    app: Callable[..., Iterable[bytes]],
    host: str,
    port: int,
    threads: int,
    ready: Callable[[str], None],
    limits: Limits = Limits(),
) -> None:
    """Serve ``app`` until SIGTERM or Ctrl+C, then drain; ``OSError`` if the port is taken.

    Slow clients: Waitress holds at most ``connection_limit`` connections and stops accepting
    when they are in use, so a hundred sockets sending a byte at a time locked everyone out at its
    defaults (100 connections, 120 s idle). The limits here are far above what the threads can
    serve and an idle connection is closed after ``idle_seconds``; a reverse proxy in front is
    still the place for per-client limits (docs/security.md).

    Stopping: Waitress's own stop cancels the requests it has received but not started (their
    connections are reset) and closes sockets under requests still running after 5 s (a traceback
    and a 500). Instead the server stops accepting, keeps its loop running so answers are sent,
    and stops only when every received request is answered or ``grace_seconds`` have passed.
    """
    import waitress

    _raise_file_limit(limits.connections + threads + 64)
    # A thread making a page holds the GIL for 5 ms at a time by default, and the server's loop needs
    # it after every accept, read and write: under two searches /health waited for it ~100 times 5 ms.
    sys.setswitchinterval(SWITCH_SECONDS)
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        ident="kasko-dcat",
        # Answers are built whole in memory; Waitress would spill each one over 1 MiB to a temporary
        # file before sending it (a 7 MB SPARQL answer at 10 000 datasets), so keep them in memory.
        outbuf_overflow=OUTBUF_BYTES,
        outbuf_high_watermark=OUTBUF_BYTES,
        asyncore_use_poll=True,
        connection_limit=limits.connections,
        channel_timeout=limits.idle_seconds,
        cleanup_interval=max(1.0, limits.idle_seconds / 3),
        max_request_body_size=MAX_QUERY_BYTES,
        max_request_header_size=MAX_HEADER_BYTES,
    )
    stopping = threading.Event()

    def stop(_signal: int, _frame: object) -> None:
        stopping.set()

    previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}
    readers = _SlowReaders(limits.min_send_rate, limits.idle_seconds)
    try:
        ready(f"http://{server.effective_host}:{server.effective_port}/")  # type: ignore[union-attr]
        while not stopping.is_set():
            server.asyncore.loop(timeout=0.5, map=server._map, use_poll=True, count=1)  # type: ignore[union-attr]
            readers.cut(server, time.monotonic())
        server.accepting = False  # type: ignore[union-attr]
        deadline = time.monotonic() + limits.grace_seconds
        while _busy(server) and time.monotonic() < deadline:
            server.asyncore.loop(timeout=0.1, map=server._map, use_poll=True, count=1)  # type: ignore[union-attr]
        server.task_dispatcher.shutdown(timeout=max(0.0, deadline - time.monotonic()))  # type: ignore[union-attr]
    finally:
        server.close()
        for number, handler in previous.items():
            signal.signal(number, handler)


class _SlowReaders:
    """Connections that take an answer slower than ``rate`` bytes per second over ``window`` seconds are closed.

    Waitress closes a connection only when it has been idle for its timeout, and sending counts as
    activity: a client reading 4 KB every 5 s kept a 31 MB answer (and a thread's worth of
    buffers) for hours. Checked once a second in the server's own loop, from how much output each
    connection still has to send.
    """

    def __init__(self, rate: int, window: float) -> None:
        self.rate, self.window = rate, window
        self._since: dict[int, tuple[float, int]] = {}
        self._checked = 0.0

    def cut(self, server: object, now: float) -> None:
        from waitress.channel import HTTPChannel

        if now - self._checked < 1.0:
            return
        self._checked = now
        channels = [c for c in list(server._map.values()) if isinstance(c, HTTPChannel)]  # type: ignore[attr-defined]
        pending = {id(c): (c, c.total_outbufs_len) for c in channels if c.total_outbufs_len}
        self._since = {key: value for key, value in self._since.items() if key in pending}
        for key, (channel, left) in pending.items():
            since, left_then = self._since.setdefault(key, (now, left))
            if left > left_then:  # more output queued (a pipelined request): measure afresh
                self._since[key] = (now, left)
            elif now - since >= self.window:
                if left_then - left < self.rate * self.window:
                    # Reset, not a polite close: what the kernel already holds for the client is dropped too.
                    with contextlib.suppress(OSError):
                        channel.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    channel.handle_close()
                    del self._since[key]
                else:
                    self._since[key] = (now, left)


def _busy(server: object) -> bool:
    """Whether a received request still waits for a thread, runs, or has output not yet sent."""
    from waitress.channel import HTTPChannel

    if server.task_dispatcher.queue:  # type: ignore[attr-defined]
        return True
    channels = [c for c in list(server._map.values()) if isinstance(c, HTTPChannel)]  # type: ignore[attr-defined]
    return any(channel.requests or channel.total_outbufs_len for channel in channels)


def _raise_file_limit(wanted: int) -> None:
    """Let the process hold ``wanted`` sockets if the hard limit allows (the soft one is often 1024)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _error(status: int, code: str, params: dict[str, object]) -> Reply:
    """A plain-text body with the message in every language we speak, one line each."""
    values = {key: str(value) for key, value in params.items()}
    text = "".join(render(code, lang, values) + "\n" for lang in MESSAGE_LANGS)
    return Reply(status, "text/plain", text.encode("utf-8"), cacheable=False)


EXAMPLE_QUERY = """SELECT ?dataset ?title WHERE {
  ?dataset a dcat:Dataset ; dct:title ?title .
  FILTER(LANG(?title) = "fi")
}
ORDER BY ?title
LIMIT 20"""


def _result_table(tsv: bytes, most: int) -> tuple[tuple[list[str], list[list[str]]], int]:
    """Columns and the first ``most`` rows of SPARQL TSV results as plain text, and how many rows there are.

    TSV writes one row per line (its cells are N-Triples terms, newlines escaped), so the rows are
    counted without reading them and only those shown are decoded. An ASK answer is one cell.
    """
    if tsv.strip() in (b"true", b"false"):
        return (["ASK"], [[tsv.strip().decode()]]), 1
    lines = tsv.split(b"\n", most + 1)
    names = [name.lstrip("?$") for name in lines[0].decode("utf-8").split("\t")]
    shown = [line for line in lines[1 : most + 1] if line]
    total = len(shown) + (tsv.count(b"\n", len(tsv) - len(lines[-1])) if len(lines) > most + 1 else 0)
    rows = [[_plain(cell) for cell in line.decode("utf-8").split("\t")] for line in shown]
    return (names, rows), total


def _plain(term: str) -> str:
    """An N-Triples term of a TSV cell as the text a person reads: an IRI bare, a literal's value."""
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    if term.startswith('"'):
        value = term[1 : term.rindex('"')]
        return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), value)
    return term


_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _bundled_text(name: str) -> str:
    """The text of the bundled query ``name``; 404 if there is none by that name."""
    from kasko_dcat.query import bundled

    if name not in bundled.names():
        raise HttpError("serve-not-found", status=404, path=f"sparql?bundled={name}")
    return bundled.read(name).text


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if values and len(values) > 1:
        raise HttpError("serve-repeated-parameter", status=400, name=name)
    return values[0] if values else None


def _integer(params: dict[str, list[str]], name: str, default: int, low: int, high: int | None) -> int:
    text = _single(params, name)
    if text is None:
        return default
    value = int(text) if _DIGITS.fullmatch(text) else low - 1  # int() would take "１" or " 1_0 "
    if value < low or (high is not None and value > high):
        raise HttpError("serve-bad-number", status=400, name=name, value=text, low=low, high=high or "∞")
    return value


_DIGITS = re.compile(r"[0-9]{1,9}")


def _keep(reply: Reply) -> bool:
    return reply.cacheable and reply.status == 200


def _lang(environ: WSGIEnvironment, params: dict[str, list[str]]) -> str:
    return page_lang(_single(params, "lang"), environ.get("HTTP_ACCEPT_LANGUAGE"))


def _vary(suffix: str | None, media_type: str, params: dict[str, list[str]]) -> str:
    """What else the answer depended on: ``Accept`` unless a suffix chose, the browser's language on HTML."""
    vary = [] if suffix else ["Accept"]
    if media_type == HTML and "lang" not in params:
        vary.append("Accept-Language")
    return ", ".join([*vary, "Accept-Encoding"])


def _content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8" if media_type.startswith(_CHARSET) else media_type


def _accepts_gzip(header: str) -> bool:
    """Whether ``Accept-Encoding`` allows gzip (named or ``*``, with a weight above 0)."""
    for part in header.lower().split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        if name in {"gzip", "*"}:
            weight = next((value for key, _, value in (p.partition("=") for p in params) if key.strip() == "q"), "1")
            try:
                return float(weight) > 0
            except ValueError:
                return False
    return False


_REASONS = {
    200: "OK",
    303: "See Other",
    304: "Not Modified",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    500: "Internal Server Error",
    414: "URI Too Long",
    503: "Service Unavailable",
}
