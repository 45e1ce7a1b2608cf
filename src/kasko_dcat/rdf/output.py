"""Writing ``output/`` so that a failed run leaves the previous files exactly as they were."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteResult:
    """Which files changed and which already had the right bytes (and were left untouched)."""

    written: list[str]
    unchanged: list[str]


def stale_files(directory: Path, files: dict[str, bytes]) -> list[str]:
    """The files in ``directory`` whose bytes differ from ``files`` (or that are missing)."""
    return [name for name, data in files.items() if _current(directory / name) != data]


class ReplaceError(OSError):
    """Renaming a fully written file into place failed; the files renamed before it are already new."""


def write_atomically(directory: Path, files: dict[str, bytes]) -> WriteResult:
    """Write every changed file so that a reader never sees a half-written one.

    Each file is first written in full to a temporary file beside it and flushed to disk; only
    when all are written are they renamed over the old ones, each rename atomic (``os.replace`` on
    one file system). A failure while writing, the likely one (disk full, no permission), deletes
    the temporary files and leaves ``directory`` as it was. A failure of a rename itself, which
    needs no space, raises :class:`ReplaceError`: files renamed before it are then new.
    """
    directory.mkdir(parents=True, exist_ok=True)
    changed = stale_files(directory, files)
    staged: list[tuple[str, Path]] = []
    try:
        for name in changed:
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
            staged.append((name, Path(temporary)))
            with os.fdopen(handle, "wb") as stream:
                stream.write(files[name])
                stream.flush()
                os.fsync(stream.fileno())
            target = directory / name
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
            os.chmod(temporary, mode)
    except BaseException:
        for _, temporary in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    for index, (name, temporary) in enumerate(staged):
        try:
            os.replace(temporary, directory / name)
        except OSError as exc:
            for _, left in staged[index:]:
                with contextlib.suppress(OSError):
                    left.unlink()
            raise ReplaceError(exc.errno, exc.strerror, str(directory / name)) from exc
    return WriteResult(written=changed, unchanged=[name for name in files if name not in changed])


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
