"""The one error type kasko-dcat raises for anything a user can fix, and the exit codes.

Every error names a message in :mod:`kasko_dcat.i18n.messages` by its code, carries the values
the message needs, and says which exit code the command line ends with. So the library raises
errors in the user's terms without knowing the language, and the CLI has one handler that prints
``error.message(lang)`` and exits with ``error.exit_code``. Subclasses exist only to be caught
apart (a page that cannot be read, a query that cannot run, …); they all construct the same way.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit-code contract of every command (README, "Exit codes")."""

    OK = 0
    FAILED = 1
    """The check failed: violations, a stale ``output/``, a store counting other than it was sent."""
    ERROR = 2
    """A mistake in the source, a file, the environment or on the command line."""
    INTERNAL = 3
    """A bug in kasko-dcat."""
    STORE = 4
    """The SPARQL store could not be reached or refused the request (``publish``)."""


class KaskoError(Exception):
    """Something the user can fix: ``code`` names the message, ``params`` fill it in."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, code: str, /, *, exit_code: ExitCode | None = None, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message("en")

    def message(self, lang: str) -> str:
        """The message in ``lang``: what happened and how to fix it."""
        from kasko_dcat.i18n.messages import render

        return render(self.code, lang, {key: str(value) for key, value in self.params.items()})
