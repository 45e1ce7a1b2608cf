"""One piece of work done in a forked child process while the parent does its own, on a second core.

Why: ``build`` of a large catalogue spends about as long validating as writing the four files,
and the two only read the same triples. Python runs one thread at a time, so the files are
written in a child process that shares the parent's memory as it was at the fork (nothing is
copied or pickled on the way in); only the finished bytes come back through a pipe.

Only on Linux with more than one CPU (fork is unsafe on macOS once some system libraries are
loaded, and absent on Windows), and only from a process running no other thread: the child holds
only the thread that forked, so a lock another thread held at that moment (logging's, a C
library's) would stay locked in it for ever. Elsewhere, and for a library user who builds from a
thread (a server), the work simply runs when its result is asked for.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether work can run beside the parent: Linux, and a second CPU for it to run on."""
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


@contextmanager
def beside(work: Callable[[], T], fork: bool = True) -> Iterator[Callable[[], T]]:
    """Start ``work`` in a child process now; the function yielded waits for and returns its result.

    An exception in the child is raised by that function. Leaving the block without asking for
    the result (the parent failed) ends the child. With ``fork`` false, where :func:`can_fork`
    says no, or beside another thread, ``work`` runs in this process when its result is asked for.
    """
    if not (fork and can_fork() and threading.active_count() == 1):
        yield work
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send the outcome, leave without the parent's exit handlers
        code = 0
        try:
            os.close(read_end)
            try:
                outcome = (True, work())
            except BaseException as exc:  # handed to the parent, which raises it
                outcome = (False, exc)
            try:
                payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # an exception that cannot be pickled: its text is enough
                payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
            with os.fdopen(write_end, "wb") as stream:
                stream.write(payload)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    done = False

    def result() -> T:
        nonlocal done
        with os.fdopen(read_end, "rb") as stream:
            payload = stream.read()
        os.waitpid(pid, 0)
        done = True
        if not payload:
            raise RuntimeError("the child process writing the files ended without a result")
        ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value

    try:
        yield result
    finally:
        if not done:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            with suppress(OSError):  # already closed if reading the result failed
                os.close(read_end)
