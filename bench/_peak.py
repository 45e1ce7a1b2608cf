"""Run one command from a small process and write down its wall time, peak memory and CPU time.

Why a process between a benchmark and what it measures: Linux carries a process's peak resident
memory across ``exec`` from the memory it had before, so a command started straight from a
benchmark (a Python process that holds the outputs of every run so far, hundreds of MiB) reports
at least the benchmark's own size as its peak; measured so, our command seemed to need 483 MiB
where it needs 273. Forked from this process (about 10 MiB), a command's peak is its own.

    python bench/_peak.py REPORT_FILE COMMAND [ARG ...]

REPORT_FILE gets one line: wall seconds, peak resident KiB, CPU seconds (user + system). The exit
code is the command's (128 + the signal's number if a signal ended it).
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    report, *command = sys.argv[1:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the command, in a copy of this small process
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    with open(report, "w", encoding="utf-8") as out:
        out.write(f"{seconds} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}\n")
    code = os.waitstatus_to_exitcode(status)
    sys.exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main()
