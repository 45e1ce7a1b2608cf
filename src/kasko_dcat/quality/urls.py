"""Whether the catalogue's addresses answer: the MQA's two network indicators, only on ``--check-urls``.

The MQA sends each accessURL and downloadURL a HEAD request and counts 2xx (after redirects) as
answering. Here each address is asked once, concurrently, with a timeout per request, a limit on
redirects and on the bytes read (a server that refuses HEAD is asked with GET, and at most
``max_bytes`` of its body are read), so that a slow or huge answer cannot hold up a CI run. Each
failure says how the address failed, in terms a person can act on.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPException, HTTPResponse

from kasko_dcat import __version__

USER_AGENT = f"kasko-dcat/{__version__} (metadata quality check)"


@dataclass(frozen=True)
class Limits:
    """How long, how far and how much to follow one address."""

    timeout: float = 10.0
    max_redirects: int = 5
    max_bytes: int = 1_000_000
    workers: int = 8


@dataclass(frozen=True)
class Answer:
    """How one address answered: its final status, or what went wrong."""

    address: str
    status: int | None
    problem: str = ""
    """``timeout``, ``redirects`` (a loop or more than the limit), ``refused``, ``http`` (an error status), …"""

    @property
    def ok(self) -> bool:
        """Whether the address answers as the MQA counts it."""
        return self.status is not None and 200 <= self.status < 400 and not self.problem

    def __str__(self) -> str:
        if self.problem == "http":
            return f"{self.address}: HTTP {self.status}"
        return f"{self.address}: {self.problem}" + (f" (HTTP {self.status})" if self.status else "")


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.max_redirections = limit
        self.max_repeats = 1


def ask(address: str, limits: Limits = Limits()) -> Answer:
    """Ask one address with HEAD (GET if the server refuses HEAD) and say how it answered."""
    if not address.lower().startswith(("http://", "https://")):
        return Answer(address, None, "not-http")
    opener = urllib.request.build_opener(_Redirects(limits.max_redirects))
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(address, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=limits.timeout) as response:
                assert isinstance(response, HTTPResponse)
                if method == "GET":
                    response.read(limits.max_bytes)  # enough to see it answers; the rest is left unread
                return Answer(address, response.status)
        except urllib.error.HTTPError as exc:
            if 300 <= exc.code < 400:
                return Answer(address, exc.code, "redirects")
            if method == "HEAD" and exc.code in (405, 501):
                continue
            return Answer(address, exc.code, "http")
        except TimeoutError:
            return Answer(address, None, "timeout")
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                return Answer(address, None, "timeout")
            if isinstance(reason, ConnectionRefusedError):
                return Answer(address, None, "refused")
            if isinstance(reason, socket.gaierror):
                return Answer(address, None, "unknown-host")
            return Answer(address, None, f"error: {reason}")
        except (HTTPException, OSError) as exc:
            return Answer(address, None, f"error: {type(exc).__name__}")
    return Answer(address, None, "error")  # pragma: no cover - the loop always returns


def ask_all(addresses: list[str], limits: Limits = Limits()) -> dict[str, Answer]:
    """Ask every address concurrently (``limits.workers`` at a time)."""
    with ThreadPoolExecutor(max_workers=max(1, min(limits.workers, len(addresses) or 1))) as pool:
        return dict(zip(addresses, pool.map(lambda a: ask(a, limits), addresses), strict=True))
