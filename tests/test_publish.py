"""``kasko-dcat publish`` against a real Oxigraph server: replace, re-publish, failures, credentials.

The server is the ``oxigraph`` command of PyPI's ``oxigraph`` package (in the ``test`` extra), run
on a free local port over a store folder in tmp_path. Small proxies written here stand between
the command and the server where a test needs a server that cuts a connection, asks for
credentials or is briefly unavailable.
"""

from __future__ import annotations

import base64
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kasko_dcat.query.publish import (
    PublishError,
    credentials_from,
    query_endpoint_for,
    redact_url,
    split_endpoint,
)

from .conftest import ROOT, free_port, run_cli

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
CATALOG = "https://kasko.example/catalog"
NO_CREDENTIALS = {"KASKO_DCAT_PUBLISH_USER": "", "KASKO_DCAT_PUBLISH_PASSWORD": "", "KASKO_DCAT_PUBLISH_TOKEN": ""}
FAST = ("--attempts", "2", "--retry-delay", "0.05", "--timeout", "10")


class Oxigraph:
    """One ``oxigraph serve`` process over ``location``; restartable on the same port and data."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, mode: str = "serve") -> None:
        log = (self.location.parent / "oxigraph.log").open("ab")
        self.process = subprocess.Popen(
            [str(OXIGRAPH), mode, "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"oxigraph exited: {(self.location.parent / 'oxigraph.log').read_text(errors='replace')}")
            try:
                if requests.get(f"{self.url}/query", params={"query": "ASK {}"}, timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.05)
        pytest.fail("oxigraph did not answer within 30 s")

    def stop(self, kill: bool = False) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill() if kill else self.process.terminate()
            self.process.wait(timeout=15)

    def count(self, graph: str = CATALOG) -> int:
        answer = requests.post(
            f"{self.url}/query",
            data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=10,
        )
        return int(answer.json()["results"]["bindings"][0]["n"]["value"])

    def ask(self, pattern: str, graph: str = CATALOG) -> bool:
        answer = requests.post(
            f"{self.url}/query",
            data={"query": f"ASK {{ GRAPH <{graph}> {{ {pattern} }} }}"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=10,
        )
        return bool(answer.json()["boolean"])


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    if OXIGRAPH is None:
        pytest.skip("the oxigraph server is not installed; pip install -e '.[test]' installs it")
    (tmp_path / "store").mkdir()
    server = Oxigraph(tmp_path / "store")
    server.start()
    yield server
    server.stop()


def publish(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_cli("publish", *args, cwd=cwd, env={**NO_CREDENTIALS, **(env or {})})


def triples_in(path: Path) -> int:
    """Lines of a built N-Triples file: one distinct triple each, as build writes it."""
    return len([line for line in path.read_text("utf-8").splitlines() if line.strip()])


def build_changed_copy(scratch: Path) -> Path:
    """Build the real source with one system dropped and one title changed; the new catalog.nt."""
    resource = scratch / "source" / "resources" / "varhaiskasvatus-ja-esiopetus.yaml"
    text = resource.read_text("utf-8")
    text = text.replace(
        "systems: [varhaiskasvatuksen-jarjestelmat, varda, tyoajansuunnittelu-ja-hallinta]",
        "systems: [varhaiskasvatuksen-jarjestelmat, varda]",
    )
    text = text.replace("en: Early childhood education", "en: Early childhood education (revised)", 1)
    resource.write_text(text, "utf-8")
    assert run_cli("build", "-q", cwd=scratch).returncode == 0
    return scratch / "output" / "catalog.nt"


BUILT = triples_in(ROOT / "output" / "catalog.nt")
OLD_LINK = (
    "<https://kasko.example/dataset/varhaiskasvatus-ja-esiopetus> "
    "<https://kasko-dcat.example/ns/tvk#informationSystem> "
    "<https://kasko.example/system/tyoajansuunnittelu-ja-hallinta>"
)
REVISED = '?d <http://purl.org/dc/terms/title> ?t FILTER(CONTAINS(STR(?t), "(revised)"))'


# --- against a real server -------------------------------------------------------------------------


def test_first_publish_puts_the_whole_catalogue_in_its_graph(oxigraph: Oxigraph) -> None:
    result = publish("--endpoint", f"{oxigraph.url}/store")
    assert result.returncode == 0, result.stderr
    assert f"published {BUILT} triples to graph {CATALOG} at {oxigraph.url}/store" in result.stderr
    assert oxigraph.count() == BUILT > 2000
    assert oxigraph.ask("<https://kasko.example/dataset/perusopetus> a <http://www.w3.org/ns/dcat#Dataset>")


def test_republish_after_a_source_change_leaves_no_old_triple(oxigraph: Oxigraph, scratch: Path) -> None:
    requests.put(
        f"{oxigraph.url}/store",
        params={"graph": "urn:x-other"},
        data=b"<urn:a> <urn:b> <urn:c> .\n",
        headers={"Content-Type": "application/n-triples"},
        timeout=10,
    ).raise_for_status()
    assert publish("--endpoint", f"{oxigraph.url}/store").returncode == 0
    assert oxigraph.ask(OLD_LINK) and not oxigraph.ask(REVISED)

    changed = build_changed_copy(scratch)
    result = publish("--endpoint", f"{oxigraph.url}/store", "--catalog", str(changed))

    assert result.returncode == 0, result.stderr
    assert oxigraph.count() == triples_in(changed) == BUILT - 1  # one system link fewer
    assert not oxigraph.ask(OLD_LINK)
    assert oxigraph.ask(REVISED)
    assert oxigraph.count("urn:x-other") == 1  # other graphs are not touched


def test_a_server_killed_before_a_publish_keeps_the_old_graph(oxigraph: Oxigraph, scratch: Path) -> None:
    assert publish("--endpoint", f"{oxigraph.url}/store").returncode == 0
    changed = build_changed_copy(scratch)
    oxigraph.stop(kill=True)

    result = publish("--endpoint", f"{oxigraph.url}/store", "--catalog", str(changed), *FAST)

    assert result.returncode == 4
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("the store did not answer (the connection failed or was cut); trying again in 0.05 s")
    assert lines[1].startswith(f"could not reach {oxigraph.url}/store: the connection failed or was cut, 2 attempts")
    assert "Traceback" not in result.stderr and len(lines) == 2
    oxigraph.start()
    assert oxigraph.count() == BUILT and oxigraph.ask(OLD_LINK) and not oxigraph.ask(REVISED)


def test_a_connection_cut_in_the_middle_of_the_upload_keeps_the_old_graph(oxigraph: Oxigraph, scratch: Path) -> None:
    assert publish("--endpoint", f"{oxigraph.url}/store").returncode == 0
    changed = build_changed_copy(scratch)
    with Proxy(oxigraph.url, cut_uploads=True) as proxy:
        result = publish("--endpoint", f"{proxy.url}/store", "--catalog", str(changed), *FAST)
    assert proxy.cut == 2  # both attempts reached the server with half a body, then the connection broke
    assert result.returncode == 4, result.stderr
    assert "could not reach" in result.stderr and "the connection failed or was cut" in result.stderr
    assert oxigraph.count() == BUILT and oxigraph.ask(OLD_LINK) and not oxigraph.ask(REVISED)


def test_a_transient_503_is_retried(oxigraph: Oxigraph) -> None:
    with Proxy(oxigraph.url, unavailable=1) as proxy:
        result = publish("--endpoint", f"{proxy.url}/store", *FAST)
    assert result.returncode == 0, result.stderr
    assert "the store did not answer (HTTP 503 Service Unavailable); trying again in 0 s (attempt 2 of 2)" in (
        result.stderr
    )
    assert oxigraph.count() == BUILT


def test_wrong_basic_credentials_are_refused_and_never_printed(oxigraph: Oxigraph) -> None:
    with Proxy(oxigraph.url, basic=("kasko", "right-secret-1")) as proxy:
        wrong = publish(
            "--endpoint",
            f"{proxy.url}/store",
            env={"KASKO_DCAT_PUBLISH_USER": "kasko", "KASKO_DCAT_PUBLISH_PASSWORD": "wrong-secret-2"},
        )
        in_url = publish("--endpoint", f"http://kasko:url-secret-3@127.0.0.1:{proxy.port}/store")
        right = publish(
            "--endpoint",
            f"{proxy.url}/store",
            env={"KASKO_DCAT_PUBLISH_USER": "kasko", "KASKO_DCAT_PUBLISH_PASSWORD": "right-secret-1"},
        )
    for refused, secret in ((wrong, "wrong-secret-2"), (in_url, "url-secret-3")):
        assert refused.returncode == 4
        assert refused.stderr.startswith(
            f"the store refused the credentials: HTTP 401 for PUT {proxy.url}/store — set KASKO_DCAT_PUBLISH_USER"
        ), refused.stderr
        assert secret not in refused.stderr + refused.stdout
        assert "right-secret-1" not in refused.stderr + refused.stdout
    assert right.returncode == 0, right.stderr
    assert "right-secret-1" not in right.stderr + right.stdout
    assert proxy.authorised == 2  # the PUT and the count query both carried the credentials
    assert oxigraph.count() == BUILT


def test_a_query_endpoint_on_another_origin_gets_no_credentials(oxigraph: Oxigraph) -> None:
    env = {"KASKO_DCAT_PUBLISH_USER": "kasko", "KASKO_DCAT_PUBLISH_PASSWORD": "right-secret-1"}
    with Proxy(oxigraph.url, basic=("kasko", "right-secret-1")) as store, Proxy(oxigraph.url) as elsewhere:
        result = publish("--endpoint", f"{store.url}/store", "--query-endpoint", f"{elsewhere.url}/query", env=env)
    assert result.returncode == 0, result.stderr
    assert store.authorised == 1
    assert elsewhere.authorizations == [None]


def test_a_bearer_token_is_sent_and_never_printed(oxigraph: Oxigraph) -> None:
    with Proxy(oxigraph.url, token="token-right-4") as proxy:
        wrong = publish("--endpoint", f"{proxy.url}/store", env={"KASKO_DCAT_PUBLISH_TOKEN": "token-wrong-5"})
        right = publish("--endpoint", f"{proxy.url}/store", env={"KASKO_DCAT_PUBLISH_TOKEN": "token-right-4"})
    assert wrong.returncode == 4 and "HTTP 401" in wrong.stderr and "token-wrong-5" not in wrong.stderr
    assert right.returncode == 0, right.stderr
    assert "token-right-4" not in right.stderr


def test_a_read_only_server_refuses_with_its_status(oxigraph: Oxigraph) -> None:
    assert publish("--endpoint", f"{oxigraph.url}/store").returncode == 0
    oxigraph.stop()
    oxigraph.start("serve-read-only")
    result = publish("--endpoint", f"{oxigraph.url}/store", *FAST)
    assert result.returncode == 4
    assert result.stderr.startswith(
        f"the store does not allow this write: HTTP 403 for PUT {oxigraph.url}/store: Forbidden"
    )  # the status's standard phrase: nothing the store writes is printed (it may echo the credential)
    assert oxigraph.count() == BUILT


def test_a_count_that_differs_fails_the_check(oxigraph: Oxigraph) -> None:
    """A store that accepts the PUT but holds something else afterwards (here: a proxy that drops it)."""
    with Proxy(oxigraph.url, swallow_puts=True) as proxy:
        result = publish("--endpoint", f"{proxy.url}/store")
    assert result.returncode == 1
    assert f"after publishing, graph {CATALOG} holds 0 triples, not the {BUILT} sent" in result.stderr


# --- without a server ----------------------------------------------------------------------------------


def test_the_query_endpoint_is_derived_for_each_known_store() -> None:
    assert query_endpoint_for("http://127.0.0.1:7878/store") == "http://127.0.0.1:7878/query"
    assert query_endpoint_for("https://fuseki.example/kasko/data") == "https://fuseki.example/kasko/query"
    assert (
        query_endpoint_for("https://graphdb.example/repositories/kasko/rdf-graphs/service")
        == "https://graphdb.example/repositories/kasko"
    )
    assert query_endpoint_for("https://virtuoso.example/sparql-graph-crud") == "https://virtuoso.example/sparql"
    assert query_endpoint_for("https://store.example/upload") is None


def test_user_info_is_taken_out_of_the_url() -> None:
    assert split_endpoint("https://me:pw@store.example:8443/store?x=1", "--endpoint") == (
        "https://store.example:8443/store?x=1",
        "me",
        "pw",
    )
    assert redact_url("ftp://me:pw@host/x") == "ftp://***@host/x"
    with pytest.raises(PublishError) as caught:
        split_endpoint("ftp://me:pw@host/x", "--endpoint")
    assert "pw" not in str(caught.value.params)


def test_credentials_from_the_environment_win_and_must_not_be_ambiguous() -> None:
    env = {"KASKO_DCAT_PUBLISH_USER": "a", "KASKO_DCAT_PUBLISH_PASSWORD": "b"}
    assert credentials_from(env, "url-user", "url-pw").headers() == {"Authorization": "Basic YTpi"}
    assert credentials_from({}, "url-user", "url-pw").headers() == {"Authorization": "Basic dXJsLXVzZXI6dXJsLXB3"}
    assert credentials_from({"KASKO_DCAT_PUBLISH_TOKEN": "t"}, None, None).headers() == {"Authorization": "Bearer t"}
    for bad in ({**env, "KASKO_DCAT_PUBLISH_TOKEN": "t"}, {"KASKO_DCAT_PUBLISH_PASSWORD": "b"}):
        with pytest.raises(PublishError) as caught:
            credentials_from(bad, None, None)
        assert caught.value.exit_code == 2


def test_command_line_mistakes_exit_2_with_one_line(tmp_path: Path) -> None:
    cases = {
        ("--endpoint", "ftp://x/store"): "--endpoint must be an http(s) URL, found 'ftp://x/store'",
        ("--endpoint", "http://127.0.0.1:9/upload"): "cannot tell the store's query endpoint from",
        ("--endpoint", "http://127.0.0.1:9/store", "--graph", "not an iri"): "'not an iri' is not an absolute IRI",
        ("--endpoint", "http://127.0.0.1:9/store", "--catalog", str(tmp_path / "none.nt")): "there is no catalogue",
    }
    for args, expected in cases.items():
        result = publish(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith(expected) or expected in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


# --- proxies --------------------------------------------------------------------------------------------


class Proxy:
    """An HTTP proxy to ``upstream`` that can demand credentials, fail first, cut uploads or drop them."""

    def __init__(
        self,
        upstream: str,
        *,
        basic: tuple[str, str] | None = None,
        token: str | None = None,
        unavailable: int = 0,
        cut_uploads: bool = False,
        swallow_puts: bool = False,
    ) -> None:
        self.upstream = upstream
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.expected = (
            "Basic " + base64.b64encode(":".join(basic).encode()).decode()
            if basic
            else (f"Bearer {token}" if token else None)
        )
        self.unavailable = unavailable
        self.cut_uploads = cut_uploads
        self.swallow_puts = swallow_puts
        self.cut = 0
        self.authorised = 0
        self.authorizations: list[str | None] = []
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())

    def __enter__(self) -> Proxy:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:
                pass

            def do_GET(self) -> None:
                self.forward()

            def do_POST(self) -> None:
                self.forward()

            def do_PUT(self) -> None:
                self.forward()

            def forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                proxy.authorizations.append(self.headers.get("Authorization"))
                if proxy.expected is not None:
                    if self.headers.get("Authorization") != proxy.expected:
                        self.answer(401, b"credentials required", {"WWW-Authenticate": 'Basic realm="store"'})
                        return
                    proxy.authorised += 1
                if proxy.unavailable > 0:
                    proxy.unavailable -= 1
                    self.answer(503, b"busy", {"Retry-After": "0"})
                    return
                if self.command == "PUT" and proxy.swallow_puts:
                    self.answer(204, b"")
                    return
                if self.command == "PUT" and proxy.cut_uploads:
                    proxy.cut += 1
                    send_half(proxy.upstream, self.command, self.path, self.headers, body)
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                answer = requests.request(
                    self.command,
                    proxy.upstream + self.path,
                    data=body,
                    headers={k: v for k, v in self.headers.items() if k in {"Content-Type", "Accept"}},
                    timeout=30,
                )
                self.answer(
                    answer.status_code, answer.content, {"Content-Type": answer.headers.get("Content-Type", "")}
                )

            def answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


def send_half(upstream: str, method: str, path: str, headers: object, body: bytes) -> None:
    """Send the request upstream announcing the whole body, send half of it, then break the connection."""
    host, port = upstream.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as connection:
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: {headers['Content-Type']}\r\nContent-Length: {len(body)}\r\n\r\n"  # type: ignore[index]
        )
        connection.sendall(head.encode() + body[: len(body) // 2])
        time.sleep(0.2)  # let the server start reading, so the cut comes mid-body
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
