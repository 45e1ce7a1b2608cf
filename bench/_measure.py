"""What every benchmark here shares: run a command in a fresh process and read its wall time and peak memory."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    """One finished process: wall seconds, peak resident memory (MiB), exit code, standard output and CPU seconds."""

    seconds: float
    peak_mib: float
    code: int
    stdout: str
    cpu_seconds: float = 0.0
    """User + system time of the process and the children it waited for: less moved by a busy machine than wall time."""


def run(args: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """Run ``python args…`` in a new process (``env`` added to ours); ``wait4`` gives that child's own peak RSS."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    assert child.stdout is not None
    stdout = child.stdout.read().decode("utf-8")
    _, status, usage = os.wait4(child.pid, 0)
    seconds, cpu = time.perf_counter() - start, usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), stdout, cpu)


def machine() -> str:
    """One line naming the machine, printed above every table of figures."""
    return f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
