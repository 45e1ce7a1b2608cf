"""What every benchmark here shares: run a command in a fresh process and read its wall time and peak memory."""

from __future__ import annotations

import compileall
import os
import platform
import subprocess
import sys
import tempfile
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
    """Run ``python args…`` in a new process (``env`` added to ours): its wall time, own peak RSS and CPU time.

    The command is started by ``_peak.py``, a small process, not by this one: Linux would count
    this benchmark's own memory into the command's peak (see ``_peak.py``).
    """
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "peak"
        child = subprocess.Popen(
            [sys.executable, str(_PEAK), str(report), sys.executable, *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        assert child.stdout is not None
        stdout = child.stdout.read().decode("utf-8")
        code = child.wait()
        seconds, kib, cpu = report.read_text("utf-8").split()
    return Run(float(seconds), int(kib) / 1024, code, stdout, float(cpu))


_PEAK = Path(__file__).resolve().parent / "_peak.py"


def machine() -> str:
    """One line naming the machine, printed above every table of figures."""
    return f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def precompiled(src: Path = ROOT / "src") -> str:
    """Compile kasko-dcat's modules to bytecode before timing, as pip does when it installs the package.

    With ``PYTHONDONTWRITEBYTECODE`` set (this machine sets it) or an editable install, Python
    would compile every module on every run, about 35 ms a command that an installed package
    does not pay; the Rust engine and pySHACL are installed packages, compiled at install.
    """
    compileall.compile_dir(src, quiet=1)
    return f"kasko-dcat's modules compiled to bytecode first ({src}), as an installed package is"
