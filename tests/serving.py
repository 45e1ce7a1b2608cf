"""Start ``kasko-dcat serve`` in its own process for a test, on a free port of the loopback address."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .conftest import ROOT, free_port


@dataclass(frozen=True)
class Served:
    """A running server: its base URL (also its base IRI), process, and what it wrote to stderr."""

    base: str
    process: subprocess.Popen[str]
    stderr: IO[str]

    def log(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read()


@contextmanager
def serving(
    *options: str,
    catalog: Path | None = None,
    path: str = "",
    by_environment: bool = False,
    own_group: bool = False,
    port: int | None = None,
) -> Iterator[Served]:
    """``kasko-dcat serve`` with ``options``, its base IRI its own URL (plus ``path``); stopped with SIGTERM after.

    ``by_environment`` gives the port and base IRI in ``KASKO_DCAT_PORT`` and ``KASKO_DCAT_BASE_IRI``;
    ``own_group`` starts it in a process group of its own, so a test can send Ctrl+C to it and its workers;
    ``port`` serves again at the address of an earlier server (a harvest source keeps its URL).
    """
    port = port or free_port()
    base = f"http://127.0.0.1:{port}/{path}"
    where = {"KASKO_DCAT_PORT": str(port), "KASKO_DCAT_BASE_IRI": base}
    args = ["serve", "--catalog", str(catalog or ROOT / "output/catalog.nt")]
    if not by_environment:
        args += ["--port", str(port), "--base-iri", base]
    # A file, not a pipe, for stderr: a pipe nobody reads fills up with the access log and blocks the server.
    with tempfile.NamedTemporaryFile("w+", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "kasko_dcat", *args, *options],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
            start_new_session=own_group,
            env={**os.environ, "KASKO_DCAT_LANG": "en", **(where if by_environment else {})},
        )
        try:
            _wait_until_up(process, base, stderr)
            yield Served(base, process, stderr)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_until_up(process: subprocess.Popen[str], base: str, stderr: IO[str]) -> None:
    deadline = time.monotonic() + 120
    while True:
        if process.poll() is not None:
            stderr.seek(0)
            raise RuntimeError(f"serve exited: {stderr.read()}")
        try:
            with urllib.request.urlopen(base + "health", timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
