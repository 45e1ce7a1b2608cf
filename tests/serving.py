"""Start ``kasko-dcat serve`` in its own process for a test, on a free port of the loopback address."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .conftest import ROOT


@dataclass(frozen=True)
class Served:
    """A running server: its base URL (also its base IRI), process, and what it wrote to stderr."""

    base: str
    process: subprocess.Popen[str]
    stderr: tempfile._TemporaryFileWrapper[str]

    def log(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(*options: str, catalog: Path | None = None) -> Iterator[Served]:
    """``kasko-dcat serve`` with ``options``, its base IRI its own URL; stopped with SIGTERM afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    args = ["serve", "--port", str(port), "--base-iri", base, "--catalog", str(catalog or ROOT / "output/catalog.nt")]
    stderr = tempfile.NamedTemporaryFile("w+", encoding="utf-8")  # a pipe would fill up with the access log
    process = subprocess.Popen(
        [sys.executable, "-m", "kasko_dcat", *args, *options],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        env={**os.environ, "KASKO_DCAT_LANG": "en"},
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                stderr.seek(0)
                raise RuntimeError(f"serve exited: {stderr.read()}")
            try:
                with urllib.request.urlopen(base + "health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield Served(base, process, stderr)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        stderr.close()
