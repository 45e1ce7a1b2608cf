"""``publish`` never prints a credential, whatever characters it holds, and takes only a 2xx as success."""

from __future__ import annotations

import base64
import html
import json
import string
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest
from click.testing import CliRunner

from kasko_dcat.cli import main
from kasko_dcat.query.publish import ENV_PASSWORD, ENV_TOKEN, ENV_USER

from .conftest import ROOT, local_server

SPECIALS = string.punctuation + " \t\r\n\x00\x7f\u00a0\u2028äé€"
"""Every ASCII punctuation mark and white space, control characters, and a few beyond ASCII."""


class _Echo(BaseHTTPRequestHandler):
    """A hostile store: answers with the whole request it got (Authorization header included)."""

    status: ClassVar[int] = 500

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        echo = f"{self.requestline}\n{self.headers}".encode("utf-8", "replace")
        self.send_response(self.status)
        if 300 <= self.status < 400:
            self.send_header("Location", "http://127.0.0.1:1/elsewhere?" + self.headers.get("Authorization", ""))
        self.send_header("Content-Length", str(len(echo)))
        self.end_headers()
        self.wfile.write(echo)

    do_PUT = do_POST = do_GET = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def echo() -> Iterator[str]:
    with local_server(_Echo) as base:
        yield base.removeprefix("http://")


def _publish(endpoint: str, env: dict[str, str]) -> tuple[int, str]:
    base = {ENV_USER: "", ENV_PASSWORD: "", ENV_TOKEN: "", "KASKO_DCAT_LANG": "en"}
    args = ["publish", "--endpoint", endpoint, "--catalog", str(ROOT / "output/catalog.nt"), "--attempts", "1"]
    result = CliRunner().invoke(main, args, env={**base, **env})
    return result.exit_code, result.output  # stdout and stderr, as a terminal shows them


def _leaks(output: str, user: str, secret: str) -> list[str]:
    pair = f"{user}:{secret}".encode()
    forms = [secret, "Q7x", "Zk9", base64.b64encode(pair).decode()]
    return [form for form in forms if form in output]


@pytest.mark.parametrize("mode", ["user-info", "password", "token"])
def test_no_credential_is_ever_printed_whatever_it_holds(echo: str, mode: str) -> None:
    _Echo.status = 500
    for char in SPECIALS:
        secret = f"Q7x{char}Zk9{char}"
        if char == "\x00" and mode != "user-info":
            continue  # no environment variable can hold NUL
        if mode == "user-info":
            code, output = _publish(f"http://kasko:{secret}@{echo}/store", {})
        elif mode == "password":
            code, output = _publish(f"http://{echo}/store", {ENV_USER: "kasko", ENV_PASSWORD: secret})
        else:
            code, output = _publish(f"http://{echo}/store", {ENV_TOKEN: secret})
        assert code in {2, 4}, (repr(char), code, output)
        assert not _leaks(output, "kasko", secret), (repr(char), output)
        assert len(output.strip().splitlines()) == 1, (repr(char), output)


def test_a_redirect_to_the_put_is_a_failure_not_followed(echo: str) -> None:
    _Echo.status = 302
    try:
        code, output = _publish(f"http://{echo}/store", {ENV_USER: "kasko", ENV_PASSWORD: "s3cret/#?"})
    finally:
        _Echo.status = 500
    assert code == 4, output
    assert "HTTP 302" in output and "not followed" in output
    assert not _leaks(output, "kasko", "s3cret/#?")


def _transformed(secret: str) -> list[str]:
    """The forms an echoing store might send a credential back in."""
    raw = secret.encode()
    return [
        json.dumps(secret),
        html.escape(secret),
        raw.hex(),
        raw.hex().upper(),
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode(),
        secret[::-1],
    ]


class _Transforming(BaseHTTPRequestHandler):
    """A hostile store that sends the credential back transformed: JSON-, HTML-escaped, hex, base64, reversed."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        secret = base64.b64decode(self.headers.get("Authorization", "Basic Og==").split()[1]).decode().split(":", 1)[1]
        body = json.dumps({"error": "denied", "echo": _transformed(secret)}).encode()
        self.send_response(403, "Forbidden " + secret.encode().hex())
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST = do_GET = _answer

    def log_message(self, *args: object) -> None:
        pass


def test_no_transformed_echo_of_the_credential_is_printed() -> None:
    secret = "Q7x<&\"'>Zk9 pw"
    forms = [*_transformed(secret), "Q7x", "Zk9"]
    with local_server(_Transforming) as base:
        code, output = _publish(f"{base}/store", {ENV_USER: "kasko", ENV_PASSWORD: secret})
    assert code == 4, output
    assert "HTTP 403" in output or "403" in output, output
    assert [form for form in forms if form in output] == []
    assert len(output.strip().splitlines()) == 1, output
