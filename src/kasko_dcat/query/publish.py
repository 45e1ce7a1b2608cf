"""Publishing the catalogue to a SPARQL store: replace one named graph whole, then count it.

Why one HTTP PUT (SPARQL 1.1 Graph Store Protocol) rather than DROP + INSERT requests: the store
replaces the graph in a single request, so there is no moment between two requests at which a
reader finds the graph empty or half-loaded, and a request that fails (a broken connection, a
body cut short) changes nothing. docs/publish.md says why each supported store does this as one
transaction and how the tests show it for Oxigraph.

Why a count afterwards: a 2xx answer says the store accepted the body, not that the graph now
holds what we sent (a proxy may have answered, or another publisher may have written after us).
A ``COUNT`` of the graph through the store's query endpoint checks the result end to end.

Credentials come from the environment only, never from options (shell history, process lists),
and are never printed: messages name the endpoint without user-info, and nothing a server sends
back is shown (neither its body nor its reason phrase, only the status's standard phrase), since a
store echoing the request may return the credential in any form — JSON- or HTML-escaped, hex,
base64 — and no redaction can know them all. User-info ends at the URL's last ``@``, so a password holding
``/``, ``?`` or ``#`` is not read as the path; a credential with a control character (a CR/LF
pasted into a variable) is refused by the variable's name before any request is built.

Only a 2xx answer is success: a redirect to a PUT is not followed and fails, because a store that
redirects has stored nothing, and the count afterwards could agree with an older graph.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

import requests

from kasko_dcat.errors import ExitCode, KaskoError

ENV_USER = "KASKO_DCAT_PUBLISH_USER"
ENV_PASSWORD = "KASKO_DCAT_PUBLISH_PASSWORD"
ENV_TOKEN = "KASKO_DCAT_PUBLISH_TOKEN"

TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})
MAX_RETRY_AFTER = 60.0

# Graph Store endpoint path → query endpoint path, per store, as each documents its defaults.
_QUERY_ENDPOINT_RULES: tuple[tuple[str, str], ...] = (
    ("/store", "/query"),  # Oxigraph
    ("/data", "/query"),  # Apache Jena Fuseki: /{dataset}/data → /{dataset}/query
    ("/rdf-graphs/service", ""),  # GraphDB and RDF4J: /repositories/{id}/rdf-graphs/service → /repositories/{id}
    ("/sparql-graph-crud", "/sparql"),  # Virtuoso
)


class PublishError(KaskoError):
    """Publishing stopped: by default the store failed (exit 4); a mistake in the options is exit 2."""

    exit_code = ExitCode.STORE


@dataclass(frozen=True)
class Credentials:
    """Basic-auth user and password, or a bearer token, or nothing."""

    user: str | None = None
    password: str | None = None
    token: str | None = None

    def secrets(self) -> list[str]:
        """Every value that must never appear in what is printed, in each form it may come back in."""
        values = [value for value in (self.password, self.token) if value]
        if self.user and self.password:
            values.append(base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii"))
        values += [quote(value, safe="") for value in list(values)]
        return sorted({value for value in values if value}, key=len, reverse=True)

    def headers(self) -> dict[str, str]:
        """The ``Authorization`` header, if any; Basic in UTF-8 (RFC 7617), which requests' Latin-1 cannot do."""
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user:
            pair = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


@dataclass(frozen=True)
class Target:
    """Where the graph goes: the Graph Store endpoint, the query endpoint that checks it, the graph IRI."""

    store_url: str
    query_url: str
    graph: str


@dataclass(frozen=True)
class Payload:
    """The catalogue as sent: its bytes, their media type and how many distinct triples they hold."""

    data: bytes
    media_type: str
    triples: int


@dataclass(frozen=True)
class Retry:
    """How hard to try: ``attempts`` per request, waiting ``delay`` × 2ⁿ between them."""

    attempts: int = 5
    delay: float = 1.0
    timeout: float = 60.0
    sleep: Callable[[float], None] = time.sleep


def credentials_from(env: Mapping[str, str], url_user: str | None, url_password: str | None) -> Credentials:
    """Credentials from the environment, else from user-info in the endpoint URL; both at once is ambiguous."""
    user, password, token = env.get(ENV_USER), env.get(ENV_PASSWORD), env.get(ENV_TOKEN)
    if token and (user or password):
        raise PublishError("publish-two-credentials", user=ENV_USER, token=ENV_TOKEN, exit_code=ExitCode.ERROR)
    if password and not user:
        raise PublishError(
            "publish-password-without-user", user=ENV_USER, password=ENV_PASSWORD, exit_code=ExitCode.ERROR
        )
    for name, value in ((ENV_USER, user), (ENV_PASSWORD, password), (ENV_TOKEN, token)):
        # Basic is base64 of UTF-8 and carries anything printable; a token goes into the header as it is.
        if value and (_CONTROL.search(value) or (name == ENV_TOKEN and not value.isascii())):
            raise PublishError("publish-bad-credential", name=name, exit_code=ExitCode.ERROR)
    if url_user and (_CONTROL.search(url_user) or _CONTROL.search(url_password or "")):
        raise PublishError("publish-bad-credential", name="--endpoint", exit_code=ExitCode.ERROR)
    if token or user:
        return Credentials(user=user, password=password, token=token)
    return Credentials(user=url_user, password=url_password)


def split_endpoint(url: str, option: str) -> tuple[str, str | None, str | None]:
    """``url`` without user-info, and the user and password it carried; only http(s) URLs are accepted.

    User-info is everything between ``://`` and the last ``@`` (an ``@`` in a path must be written
    ``%40``): passwords are pasted unencoded, and ``urlsplit`` would end the user-info at the first
    ``/``, ``?`` or ``#`` in one, putting the rest of the password in the path and so in messages.
    """
    scheme, separator, rest = url.partition("://")
    userinfo, at, location = rest.rpartition("@")
    user = password = None
    if at:
        name, colon, secret = userinfo.partition(":")
        user, password = unquote(name), unquote(secret) if colon else None
    try:
        parts = urlsplit(f"{scheme}{separator}{location if at else rest}")
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname or _CONTROL.search(location):
        raise PublishError("publish-bad-url", option=option, url=redact_url(url), exit_code=ExitCode.ERROR)
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = f"{host}:{port}" if port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), user, password


def redact_url(url: str) -> str:
    """``url`` with any user-info replaced (all up to the last ``@``), and cut short, for messages."""
    scheme, _, rest = url.partition("://")
    shown = f"{scheme}://***@{rest.rpartition('@')[2]}" if "@" in rest else url
    shown = _CONTROL.sub("?", shown)
    return shown if len(shown) <= 200 else shown[:199] + "…"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def query_endpoint_for(store_url: str) -> str | None:
    """The query endpoint beside a Graph Store endpoint, by each store's default layout; ``None`` if unknown."""
    parts = urlsplit(store_url)
    path = parts.path.rstrip("/")
    for suffix, replacement in _QUERY_ENDPOINT_RULES:
        if path.endswith(suffix):
            return urlunsplit((parts.scheme, parts.netloc, path[: -len(suffix)] + replacement, "", ""))
    return None


def prepare(
    endpoint: str, query_endpoint: str | None, graph: str | None, env: Mapping[str, str]
) -> tuple[Target, Credentials]:
    """Check the command line's URLs and graph IRI and gather credentials, before anything is sent."""
    store_url, url_user, url_password = split_endpoint(endpoint, "--endpoint")
    if query_endpoint is None:
        query_url = query_endpoint_for(store_url)
        if query_url is None:
            raise PublishError("publish-no-query-endpoint", url=store_url, exit_code=ExitCode.ERROR)
    else:
        query_url = split_endpoint(query_endpoint, "--query-endpoint")[0]
    if graph is None:
        raise PublishError("publish-no-graph", exit_code=ExitCode.ERROR)
    parts = urlsplit(graph)
    if not parts.scheme or any(c in graph for c in '<>"{}|^`\\ \n'):
        raise PublishError("publish-bad-graph", graph=graph, exit_code=ExitCode.ERROR)
    return Target(store_url, query_url, graph), credentials_from(env, url_user, url_password)


def publish(
    payload: Payload,
    target: Target,
    credentials: Credentials,
    retry: Retry,
    on_retry: Callable[[str, dict[str, object]], None],
) -> int:
    """Replace the graph and return the triples the store then reports for it.

    Raises :class:`PublishError`: exit 4 (``ExitCode.STORE``) when the store cannot be reached or refuses,
    exit 1 (``ExitCode.FAILED``) when it accepted the graph but counts other than we sent.
    """
    client = _Client(credentials, retry, on_retry)
    client.send(
        "PUT",
        target.store_url,
        params={"graph": target.graph},
        data=payload.data,
        headers={"Content-Type": payload.media_type},
    )
    # The credentials are for the store: a query endpoint elsewhere does not get them.
    answer = client.send(
        "POST",
        target.query_url,
        credentials=credentials if _origin(target.query_url) == _origin(target.store_url) else Credentials(),
        data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{target.graph}> {{ ?s ?p ?o }} }}"},
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        found = int(answer.json()["results"]["bindings"][0]["n"]["value"])
    except (ValueError, KeyError, IndexError, TypeError):
        raise PublishError("publish-bad-count-answer", url=target.query_url, exit_code=ExitCode.FAILED) from None
    if found != payload.triples:
        raise PublishError(
            "publish-count-mismatch",
            graph=target.graph,
            expected=payload.triples,
            found=found,
            exit_code=ExitCode.FAILED,
        )
    return found


@dataclass
class _Client:
    """One request at a time, retried on what a retry can cure, every failure turned into a message."""

    credentials: Credentials
    retry: Retry
    on_retry: Callable[[str, dict[str, object]], None]

    def send(
        self,
        method: str,
        url: str,
        *,
        data: bytes | dict[str, str],
        headers: dict[str, str],
        params: dict[str, str] | None = None,
        credentials: Credentials | None = None,
        accept: frozenset[int] = frozenset(),
    ) -> requests.Response:
        """Send until an answer that is 2xx (or in ``accept``, which the caller reads itself) or the last attempt."""
        credentials = self.credentials if credentials is None else credentials
        attempt = 1
        while True:
            try:
                response = requests.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    headers={**headers, **credentials.headers()},
                    timeout=self.retry.timeout,
                    allow_redirects=False,
                )
            except requests.Timeout:
                problem, retry_after = f"no answer within {self.retry.timeout:g} s", None
            except requests.ConnectionError:
                problem, retry_after = "the connection failed or was cut", None
            else:
                if 200 <= response.status_code < 300 or response.status_code in accept:
                    return response  # a redirect stored nothing (``response.ok`` allows 3xx)
                if response.status_code not in TRANSIENT_STATUSES or attempt == self.retry.attempts:
                    raise self._refused(method, url, response)
                problem = f"HTTP {response.status_code} {_phrase(response.status_code)}"
                retry_after = _retry_after(response)
            if attempt == self.retry.attempts:
                raise PublishError("publish-unreachable", url=url, count=attempt, reason=problem)
            wait = retry_after if retry_after is not None else self.retry.delay * 2 ** (attempt - 1)
            attempt += 1
            self.on_retry(
                "publish-retrying",
                {"reason": problem, "seconds": f"{wait:g}", "attempt": attempt, "attempts": self.retry.attempts},
            )
            self.retry.sleep(wait)

    def _refused(self, method: str, url: str, response: requests.Response) -> PublishError:
        # Nothing the store wrote is shown — not its body, not its reason phrase: a store that echoes
        # the request may send the credential back JSON- or HTML-escaped, in hex, in base64 or in any
        # other form, and no redaction can know them all. The status's standard phrase says enough.
        detail = _phrase(response.status_code)
        if 300 <= response.status_code < 400:
            detail = f"redirect to {_redirect_origin(url, response.headers.get('Location', ''))}, not followed"
        params: dict[str, object] = {"method": method, "url": url, "status": response.status_code, "detail": detail}
        if response.status_code == 401:
            return PublishError("publish-unauthorised", **params, user=ENV_USER, token=ENV_TOKEN)
        if response.status_code == 403:
            return PublishError("publish-forbidden", **params)
        return PublishError("publish-http-error", **params)

    def _redact(self, text: str) -> str:
        for secret in self.credentials.secrets():
            text = text.replace(secret, "***")
        return text


def _phrase(status: int) -> str:
    """The standard reason phrase of ``status`` (never the store's own, which it may fill with anything)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "unknown status"


def _redirect_origin(url: str, location: str) -> str:
    """Where a redirect leads, only as far as the operator already knows it.

    That is the scheme and host when it is the endpoint's own host (``http`` → ``https`` is the
    usual mistake); anywhere else is "another address", as its text comes from the store.
    """
    target = urlsplit(urljoin(url, location))
    if target.hostname and target.hostname == urlsplit(url).hostname:
        return f"{target.scheme}://{target.hostname}" + (f":{target.port}" if target.port else "")
    return "another address"


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port or {"http": 80, "https": 443}.get(parts.scheme)


def _retry_after(response: requests.Response) -> float | None:
    """A ``Retry-After`` given in seconds, capped; the HTTP-date form is rare enough to fall back to backoff."""
    try:
        return min(float(response.headers.get("Retry-After", "")), MAX_RETRY_AFTER)
    except ValueError:
        return None
