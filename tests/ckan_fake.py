"""A stand-in for a CKAN portal's Action API, as ``publish --ckan`` meets it, for tests that need no CKAN.

It keeps what CKAN 2.11 does that publishing depends on: an editor's token in the ``Authorization``
header (writes without it are refused with 403), ids chosen by the portal (not by the client),
names unique across organisations, ``package_delete`` keeping the dataset as ``deleted``,
``package_search`` by ``owner_org`` (or a search error when the index is off, as on a CKAN without
Solr) and ``package_list`` of public active datasets. The real CKAN configured like avoindata.fi
is driven by the tests in ``tests/ckan_avoindata/``.
"""

from __future__ import annotations

import copy
import json
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from .conftest import local_server

Dict = dict[str, object]


class Refused(Exception):
    """A validation error the test portal answers with (its text is echoed in the error object)."""


@dataclass
class FakeCkan:
    """The portal's state; ``writes`` lists each write action called, in order."""

    token: str = "editor-token"
    organizations: tuple[str, ...] = ("kasko-org", "other-org")
    search: bool = True
    echo_auth: bool = False
    alter: Callable[[Dict], None] | None = None
    refuse: Callable[[Dict], None] | None = None
    """Called with a dataset before it is stored; raising :class:`Refused` answers 409 with its text."""
    packages: dict[str, Dict] = field(default_factory=dict)
    writes: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def org(self, key: str) -> Dict | None:
        for name in self.organizations:
            if key in {name, f"id-{name}"}:
                return {"id": f"id-{name}", "name": name, "title": name}
        return None

    def find(self, key: str) -> Dict | None:
        return self.packages.get(key) or next((p for p in self.packages.values() if p["id"] == key), None)

    def answer(self, action: str, params: Dict, auth: str | None) -> tuple[int, Dict]:
        if action.endswith(("_create", "_update", "_delete")) and auth != self.token:
            told = f" (got {auth})" if self.echo_auth else ""
            return 403, {"__type": "Authorization Error", "message": f"Access denied{told}"}
        with self.lock:
            return getattr(self, "_" + action, self._unknown)(params)

    def _unknown(self, params: Dict) -> tuple[int, Dict]:
        return 400, {"__type": "Bad Request", "message": "Action name not known"}

    def _organization_show(self, params: Dict) -> tuple[int, Dict]:
        if not self.search and any(
            params.get(k, "true") != "false" for k in ("include_dataset_count", "include_groups")
        ):
            return 500, {"__type": "Search Connection Error", "message": "Unable to connect to the search server"}
        found = self.org(str(params.get("id", "")))
        return (200, found) if found else (404, {"__type": "Not Found Error", "message": "Not found"})

    def _package_show(self, params: Dict) -> tuple[int, Dict]:
        found = self.find(str(params.get("id", "")))
        return (200, copy.deepcopy(found)) if found else (404, {"__type": "Not Found Error", "message": "Not found"})

    def _store(self, params: Dict, existing: Dict | None) -> tuple[int, Dict]:
        missing = [k for k in ("name", "title_translated", "owner_org", "license_id") if not params.get(k)]
        if missing:
            return 409, {"__type": "Validation Error", **{k: ["Missing value"] for k in missing}}
        if self.org(str(params["owner_org"])) is None:
            return 409, {"__type": "Validation Error", "owner_org": ["Organization does not exist"]}
        if self.refuse is not None:
            try:
                self.refuse(params)
            except Refused as exc:
                return 409, {"__type": "Validation Error", "notes": [f"Invalid value {exc}"]}
        stored = copy.deepcopy(params)
        stored["id"] = existing["id"] if existing else str(uuid.uuid4())  # an editor cannot choose ids
        stored["state"] = "active"
        stored["extras"] = sorted(stored.get("extras", []), key=lambda e: e["key"])  # type: ignore[arg-type, index]
        for resource in stored.get("resources", []):  # type: ignore[attr-defined]
            resource.update(id=str(uuid.uuid4()), package_id=stored["id"], url_type=None, mimetype=None)
        if self.alter is not None:
            self.alter(stored)
        if existing is not None and existing["name"] != stored["name"]:
            del self.packages[str(existing["name"])]
        self.packages[str(stored["name"])] = stored
        return 200, copy.deepcopy(stored)

    def _package_create(self, params: Dict) -> tuple[int, Dict]:
        self.writes.append(f"create {params.get('name')}")
        if str(params.get("name")) in self.packages:
            return 409, {"__type": "Validation Error", "name": ["That URL is already in use."]}
        return self._store(params, None)

    def _package_update(self, params: Dict) -> tuple[int, Dict]:
        existing = self.find(str(params.get("id", "")))
        self.writes.append(f"update {params.get('name')}")
        if existing is None:
            return 404, {"__type": "Not Found Error", "message": "Not found"}
        return self._store(params, existing)

    def _package_delete(self, params: Dict) -> tuple[int, Dict]:
        existing = self.find(str(params.get("id", "")))
        self.writes.append(f"delete {params.get('id')}")
        if existing is None:
            return 404, {"__type": "Not Found Error", "message": "Not found"}
        existing["state"] = "deleted"
        return 200, {}

    def _package_search(self, params: Dict) -> tuple[int, Dict]:
        if not self.search:  # CKAN 2.11 without a search server
            return 500, {"__type": "Search Connection Error", "message": "Unable to connect to the search server"}
        fq = str(params.get("fq", ""))
        owner = fq.removeprefix("owner_org:") if fq.startswith("owner_org:") else None
        found = [
            copy.deepcopy(p)
            for _, p in sorted(self.packages.items())
            if p["state"] == "active" and (owner is None or p["owner_org"] == owner)
        ]
        start, rows = int(str(params.get("start", 0))), int(str(params.get("rows", 10)))
        return 200, {"count": len(found), "results": found[start : start + rows]}

    def _package_list(self, params: Dict) -> tuple[int, Dict]:
        return 200, sorted(name for name, p in self.packages.items() if p["state"] == "active")  # type: ignore[return-value]

    def seed(self, name: str, organization: str, uri: str | None = None) -> None:
        """A dataset made on the portal by hand (``uri`` None) or published earlier (``uri`` its IRI)."""
        extras = [{"key": "uri", "value": uri}] if uri else []
        self.packages[name] = {
            "id": str(uuid.uuid4()),
            "name": name,
            "owner_org": f"id-{organization}",
            "state": "active",
            "extras": extras,
            "resources": [],
        }


@contextmanager
def fake_ckan(portal: FakeCkan) -> Iterator[str]:
    """Serve ``portal`` on the loopback address; yields its root URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _reply(self, params: Dict) -> None:
            action = urlsplit(self.path).path.rpartition("/")[2]
            status, result = portal.answer(action, params, self.headers.get("Authorization"))
            body = {"help": "http://fake/api/3/action/help_show", "success": status == 200}
            body.update({"result": result} if status == 200 else {"error": result})
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            query = parse_qs(urlsplit(self.path).query)
            self._reply({k: v[0] for k, v in query.items()})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self._reply(json.loads(self.rfile.read(length) or b"{}"))

    with local_server(Handler) as url:
        yield url
