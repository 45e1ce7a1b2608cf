"""``import`` from a hostile web server: bounded in time and size, and never sent on to a local address."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest

from kasko_dcat.importer import pagetext
from kasko_dcat.importer.pagetext import PageError, fetch

from .conftest import local_server

PAGE = b"<html><body><h1>Kasvatuksen ja koulutuksen toimialan tietovarannot</h1></body></html>"
BOMB = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # about 50 kB that expand to 50 MB


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: ClassVar[list[str]] = []
    redirects: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        if self.path == "/slow":  # a byte at a time, never stalling long enough for a read timeout
            self.send_response(200)
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            for byte in PAGE:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.5)
        elif self.path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(BOMB)))
            self.end_headers()
            self.wfile.write(BOMB)
        elif self.path.startswith("/to-"):
            self.send_response(302)
            self.send_header("Location", self.redirects[int(self.path.removeprefix("/to-"))])
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    with local_server(_Hostile) as base:
        yield base


def test_a_page_sent_a_byte_at_a_time_is_given_up_at_the_time_limit(
    hostile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pagetext, "TIMEOUT_SECONDS", 2)
    start = time.monotonic()
    with pytest.raises(PageError) as stopped:
        fetch(hostile + "/slow")
    assert stopped.value.code == "import-too-slow"
    assert time.monotonic() - start < 4


def test_a_gzip_bomb_is_stopped_at_the_size_limit(hostile: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagetext, "MAX_PAGE_BYTES", 5_000_000)
    with pytest.raises(PageError) as stopped:
        fetch(hostile + "/bomb")
    assert stopped.value.code == "import-too-large"


def test_a_redirect_to_a_loopback_address_is_not_followed(hostile: str) -> None:
    before = len(_Hostile.hits)
    _Hostile.redirects[:] = [f"{hostile}/page", "http://localhost:1/", "http://[::1]:1/", "http://10.0.0.1/"]
    _Hostile.redirects.append("file:///etc/passwd")
    for number, target in enumerate(_Hostile.redirects):
        with pytest.raises(PageError) as refused:
            fetch(f"{hostile}/to-{number}")
        assert refused.value.code == "import-redirect-refused", (target, refused.value.params)
    assert len(_Hostile.hits) == before + 5  # the redirecting requests only, never their targets
    assert fetch(hostile + "/page") == PAGE  # the address the user gives may be local
