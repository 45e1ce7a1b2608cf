"""``serve`` under the second audit's attacks (issue 20): every route bounded, memory bounded, nothing reflected."""

from __future__ import annotations

import re
import socket

from .serving import serving


def _raw(base: str, request: bytes, timeout: float = 30) -> bytes:
    host, port = re.match(r"http://([^:/]+):(\d+)", base).groups()  # type: ignore[union-attr]
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_control_bytes_of_the_query_string_never_reach_the_location_header() -> None:
    with serving() as served:
        path = "/" + served.base.split("/", 3)[3]
        hostile = b"a=\x01\x1b\x7f\x0b\x08b"
        answer = _raw(served.base, b"GET " + path.encode() + b"?" + hostile + b" HTTP/1.0\r\n\r\n")
    head = answer.split(b"\r\n\r\n", 1)[0]
    location = next(line for line in head.split(b"\r\n") if line.lower().startswith(b"location:"))
    assert re.fullmatch(rb"Location: [\x21-\x7e]+", location), location
    assert location.endswith(b"?a=%01%1B%7F%0B%08b")
