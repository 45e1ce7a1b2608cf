"""Shared fixtures: the real source built once, a scratch copy of it, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Graph

from kasko_dcat import api
from kasko_dcat.model.description import Source

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source"
SHARED = (ROOT.parent / "shared").resolve()
"""The read-only reference folder beside the repository; resolved, since a symlinked ``../shared`` must
compare equal to the resolved paths the W3C manifests' ``file://`` includes name."""


@pytest.fixture(scope="session")
def source() -> Source:
    return api.read(SOURCE)


@pytest.fixture(scope="session")
def graph() -> Graph:
    return api.build(SOURCE).graph


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the real source to break, inside a folder that also holds an output/ to protect."""
    shutil.copytree(SOURCE, tmp_path / "source")
    return tmp_path


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``kasko-dcat`` as a user would: a separate process, its exit code and both streams."""
    return subprocess.run(
        [sys.executable, "-m", "kasko_dcat", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "KASKO_DCAT_LANG": "en", **(env or {})},
        check=False,
    )


def free_port() -> int:
    """A port of the loopback address that nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_cli


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up mid-answer are what these servers test; no traceback on stderr."""


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on the loopback address answering with ``handler``; yields its base URL."""
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
