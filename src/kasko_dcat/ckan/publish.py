"""``publish --ckan``: write the dataset dicts to a CKAN portal with its Action API, then read each one back.

Why ``requests`` and not ``ckanapi``: ``publish --endpoint`` already has a client on ``requests``
that retries what a retry can cure (connection failures, 429/502/503/504 with backoff), never
follows a redirect on a write, and redacts credentials from every text a server sends back; the
CKAN calls reuse it (:class:`kasko_dcat.query.publish._Client`), so both routes fail, retry and keep
secrets the same way. ckanapi would add a dependency and a second retry and error model.

**Identity on the portal.** A dataset is found by its ``name``: CKAN lets only sysadmins choose
``id`` on create, so an organisation's editor gets ids from the portal. A dataset of that name in
another organisation is a conflict, reported and left alone. Only datasets this catalogue
published are ever removed: those of the organisation whose ``uri`` extra lies under the
catalogue's base IRI and whose name the source no longer has (``package_delete``: CKAN keeps them
as deleted; a later publish of the same name brings the dataset back).

**Idempotent.** A dataset is updated only when a field it sends differs from what the portal has
(compared as the portal stores it: lists of words as sets, extras by key), so a second run writes
nothing and says so. **Read-back**: every created or updated dataset is read again with
``package_show`` and compared the same way; a difference is exit 1.

**Listing without a search index.** The organisation's datasets come from ``package_search``
(``fq=owner_org:…``, private and draft included). A portal whose search index is off or stale is
detected (a search error, or a dataset ``package_show`` found that the search did not list) and the
list is then read from ``package_list`` and ``package_show``, which CKAN answers from its database.

The token comes only from ``KASKO_DCAT_CKAN_TOKEN`` and goes in CKAN's ``Authorization`` header as
it is; it is never printed, and any text the portal sends back is redacted before it is shown.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from kasko_dcat.ckan.dicts import Json, Reader
from kasko_dcat.errors import ExitCode
from kasko_dcat.query.publish import _CONTROL, Credentials, PublishError, Retry, _Client, split_endpoint

if TYPE_CHECKING:
    import requests

ENV_TOKEN = "KASKO_DCAT_CKAN_TOKEN"
OUTPUT_ONLY = (
    "id",
    "organization",
    "groups",
    "num_resources",
    "num_tags",
    "tags",
    "license_title",
    "license_url",
    "metadata_modified",
    "metadata_created",
)
"""Keys of ``package_show``'s dict the portal computes itself; not sent (``groups``: avoindata.fi's categories
are its own; the themes stay in the ``theme`` extra)."""
RESOURCE_OUTPUT_ONLY = ("id", "package_id", "position")
SEARCH_ROWS = 1000
STEPS = ("create", "update", "delete", "unchanged")


class CkanToken(Credentials):
    """A CKAN API token: sent as the ``Authorization`` header itself, as CKAN 2.10+ expects."""

    def headers(self) -> dict[str, str]:
        return {"Authorization": self.token} if self.token else {}


@dataclass
class Outcome:
    """What a run did (or, dry, would do): dataset names per step, and the portal's address."""

    url: str
    organization: str
    dry_run: bool
    steps: dict[str, list[str]] = field(default_factory=lambda: {step: [] for step in STEPS})
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.steps[step] for step in ("create", "update", "delete"))


def token_from(env: Mapping[str, str], dry_run: bool) -> CkanToken:
    """The token from the environment; required unless nothing is written."""
    token = env.get(ENV_TOKEN, "")
    if token and (_CONTROL.search(token) or not token.isascii()):
        raise PublishError("publish-bad-credential", name=ENV_TOKEN, exit_code=ExitCode.ERROR)
    if not token and not dry_run:
        raise PublishError("ckan-no-token", name=ENV_TOKEN, exit_code=ExitCode.ERROR)
    return CkanToken(token=token or None)


def publish(
    reader: Reader,
    url: str,
    organization: str,
    env: Mapping[str, str],
    retry: Retry,
    *,
    dry_run: bool = False,
    on_retry: Callable[[str, dict[str, object]], None] = lambda code, params: None,
    on_step: Callable[[str, str], None] = lambda step, name: None,
) -> Outcome:
    """Make the portal's datasets of ``organization`` what the catalogue says; see the module docstring."""
    portal_url, user, _ = split_endpoint(url, "--ckan")
    if user is not None:
        raise PublishError("ckan-credentials-in-url", name=ENV_TOKEN, exit_code=ExitCode.ERROR)
    portal = _Portal(_Client(token_from(env, dry_run), retry, on_retry), portal_url.rstrip("/"))
    organisation = portal.organisation(organization)
    outcome = Outcome(portal_url, organization, dry_run)
    wanted = {str(d["name"]): to_portal(d, str(organisation["id"])) for d in reader.datasets.values()}
    found: dict[str, dict[str, Json]] = {}
    for name, payload in wanted.items():
        existing = portal.show(name)
        if existing is not None and existing.get("owner_org") != organisation["id"]:
            outcome.conflicts.append(name)
            continue
        step = "create" if existing is None else "unchanged" if not differences(payload, existing) else "update"
        if existing is not None:
            found[name] = existing
        if step == "unchanged":
            outcome.steps[step].append(name)
            continue
        if not dry_run:
            if step == "create":
                portal.write("package_create", payload)
            else:
                portal.write("package_update", {**payload, "id": existing["id"]})  # type: ignore[index]
        outcome.steps[step].append(name)
        on_step(step, name)
    base = reader.catalogue.base
    for name in portal.ours(organisation, base, found):
        if name not in wanted:
            if not dry_run:
                portal.write("package_delete", {"id": name})
            outcome.steps["delete"].append(name)
            on_step("delete", name)
    if not dry_run:  # what was written is checked even when some names could not be
        verify(portal, {name: d for name, d in wanted.items() if name not in outcome.conflicts}, outcome)
    if outcome.conflicts:
        raise PublishError(
            "ckan-name-taken",
            names=", ".join(outcome.conflicts),
            organization=organization,
            exit_code=ExitCode.STORE,
        )
    return outcome


def verify(portal: _Portal, wanted: dict[str, dict[str, Json]], outcome: Outcome) -> None:
    """Read every dataset back: the sent fields as sent, the removed ones gone (or deleted)."""
    for name, payload in wanted.items():
        stored = portal.show(name)
        if stored is None:
            raise PublishError("ckan-verify-missing", name=name, exit_code=ExitCode.FAILED)
        different = differences(payload, stored)
        if different:
            raise PublishError(
                "ckan-verify-mismatch", name=name, fields=", ".join(different), exit_code=ExitCode.FAILED
            )
    for name in outcome.steps["delete"]:
        stored = portal.show(name)
        if stored is not None and stored.get("state") != "deleted":
            raise PublishError("ckan-verify-not-deleted", name=name, exit_code=ExitCode.FAILED)


def to_portal(dataset: dict[str, Json], owner_org: str) -> dict[str, Json]:
    """The ``package_show`` dict as ``package_create`` takes it: computed keys out, the portal's organisation in."""
    payload = {key: value for key, value in dataset.items() if key not in OUTPUT_ONLY}
    payload["owner_org"] = owner_org
    payload["resources"] = [
        {key: value for key, value in resource.items() if key not in RESOURCE_OUTPUT_ONLY}  # type: ignore[union-attr]
        for resource in dataset.get("resources", [])  # type: ignore[union-attr]
    ]
    return payload


def differences(sent: dict[str, Json], stored: dict[str, Json]) -> list[str]:
    """The fields of ``sent`` that ``stored`` holds otherwise (as CKAN stores them), sorted."""
    found = []
    for key, value in sent.items():
        if key == "extras":
            if _extras(value) != {k: v for k, v in _extras(stored.get(key)).items() if k in _extras(value)}:
                found.append(key)
        elif key == "resources":
            have = stored.get(key) or []
            if len(have) != len(value) or any(  # type: ignore[arg-type]
                _normal(r.get(k)) != _normal(v)  # type: ignore[union-attr]
                for mine, r in zip(value, have, strict=False)  # type: ignore[call-overload]
                for k, v in mine.items()
            ):
                found.append(key)
        elif _normal(value) != _normal(stored.get(key)):
            found.append(key)
    return sorted(found)


def _extras(value: Json) -> dict[str, str]:
    return {str(e["key"]): str(e["value"]) for e in value or []}  # type: ignore[index, union-attr]


def _normal(value: Json) -> Json:
    """A value as compared: lists of plain values as sorted lists, dicts key by key, text stripped."""
    if isinstance(value, dict):
        return {str(k): _normal(v) for k, v in sorted(value.items()) if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [_normal(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, str):
        return value.strip()
    return value


_OPEN = frozenset({400, 403, 404, 409})
"""Statuses whose CKAN error object :meth:`_Portal.result` reads itself (the client raises on the others)."""
_SEARCH = _OPEN | {500}
"""A search that fails, even with 500, is not fatal: the list is then read without the index."""


@dataclass
class _Portal:
    """The Action API calls publish makes, with CKAN's envelope opened and its errors turned into messages."""

    client: _Client
    url: str

    def call(
        self, action: str, *, params: dict[str, str] | None = None, body: Json = None, accept: frozenset[int] = _OPEN
    ) -> requests.Response:
        endpoint = f"{self.url}/api/3/action/{action}"
        try:
            if body is None:
                return self.client.send(
                    "GET", endpoint, params=params, data=b"", headers={"Accept": "application/json"}, accept=accept
                )
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers = {"Content-Type": "application/json", "Accept": "application/json"}
            return self.client.send("POST", endpoint, data=data, headers=headers, accept=accept)
        except PublishError as exc:
            if exc.code == "publish-unauthorised":
                raise PublishError("ckan-unauthorised", name=ENV_TOKEN, **_shown(exc.params)) from None
            if exc.code == "publish-http-error":
                raise PublishError("ckan-http-error", **_shown(exc.params)) from None
            if exc.code == "publish-unreachable":
                raise PublishError("ckan-unreachable", **exc.params) from None
            raise

    def result(self, action: str, response: requests.Response) -> Json:
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or (response.ok and "result" not in answer):
            raise PublishError(
                "ckan-not-api", url=self.url, action=action, status=response.status_code, exit_code=ExitCode.STORE
            )
        if response.ok and answer.get("success", True):
            return answer["result"]
        error = answer.get("error") if isinstance(answer.get("error"), dict) else {}
        detail = _CONTROL.sub("?", _scrub(json.dumps(error, ensure_ascii=False), self.client.credentials.token))[:400]
        if response.status_code == 403:  # CKAN answers an unknown or expired token so too: it is anonymous then
            raise PublishError("ckan-forbidden", action=action, status=403, detail=detail, name=ENV_TOKEN)
        code = "ckan-invalid" if response.status_code == 409 else "ckan-refused"
        raise PublishError(code, action=action, status=response.status_code, detail=detail, exit_code=ExitCode.STORE)

    def organisation(self, name: str) -> dict[str, Json]:
        # Each of the three counts or lists by search, which a portal without a search index answers with 500.
        flags = {key: "false" for key in ("include_datasets", "include_dataset_count", "include_groups")}
        response = self.call("organization_show", params={"id": name, **flags})
        if response.status_code == 404 and _is_envelope(response):  # any other 404: the address is not CKAN's API
            raise PublishError("ckan-no-organization", organization=name, url=self.url, exit_code=ExitCode.ERROR)
        found = self.result("organization_show", response)
        if not isinstance(found, dict) or "id" not in found:
            raise PublishError("ckan-not-api", url=self.url, action="organization_show", status=200)
        return found

    def show(self, name: str) -> dict[str, Json] | None:
        """The portal's dict of dataset ``name``, ``None`` if there is none."""
        response = self.call("package_show", params={"id": name})
        if response.status_code == 404:
            return None
        found = self.result("package_show", response)
        return found if isinstance(found, dict) else None

    def write(self, action: str, body: dict[str, Json]) -> None:
        self.result(action, self.call(action, body=body))

    def ours(self, organisation: dict[str, Json], base: str, known: dict[str, dict[str, Json]]) -> list[str]:
        """Names of the organisation's live datasets this catalogue published (``uri`` under ``base``)."""
        listed = self._search(str(organisation["id"]))
        if listed is None or any(name not in listed for name in known):
            listed = self._scan(str(organisation["id"]))
        return sorted(
            name
            for name, dataset in listed.items()
            if dataset.get("state", "active") != "deleted"
            and _extras(dataset.get("extras")).get("uri", "").startswith(base)
        )

    def _search(self, owner: str) -> dict[str, dict[str, Json]] | None:
        """The organisation's datasets by ``package_search``; ``None`` when the portal cannot search."""
        found: dict[str, dict[str, Json]] = {}
        start = 0
        while True:
            params = {
                "fq": f"owner_org:{owner}",
                "rows": str(SEARCH_ROWS),
                "start": str(start),
                "sort": "name asc",
                "include_private": "true",
                "include_drafts": "true",
            }
            response = self.call("package_search", params=params, accept=_SEARCH)
            if not response.ok:  # no search index (CKAN answers 500 "Search Connection Error"), or a search error
                return None
            page = self.result("package_search", response)
            results = page.get("results", []) if isinstance(page, dict) else []
            for dataset in results:
                found[str(dataset["name"])] = dataset
            start += SEARCH_ROWS
            if len(results) < SEARCH_ROWS:
                return found

    def _scan(self, owner: str) -> dict[str, dict[str, Json]]:
        """The organisation's datasets from ``package_list`` and ``package_show``: slow, but needs no index."""
        names = self.result("package_list", self.call("package_list"))
        found = {}
        for name in names if isinstance(names, list) else []:
            dataset = self.show(str(name))
            if dataset is not None and dataset.get("owner_org") == owner:
                found[str(name)] = dataset
        return found


def _scrub(text: str, token: str | None) -> str:
    """``text`` without the token in any form a portal may echo it in (as sent, escaped, base64, hex).

    CKAN's error object says which field it refused and why, which a user needs to see; the token
    is the one thing in the request that must not come back out.
    """
    if not token:
        return text
    forms = {token, quote(token, safe=""), json.dumps(token)[1:-1], json.dumps(token, ensure_ascii=False)[1:-1]}
    forms |= {html.escape(token), base64.b64encode(token.encode()).decode(), token.encode().hex()}
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


def _shown(params: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in params.items() if key in {"method", "url", "status", "detail"}}


def _is_envelope(response: requests.Response) -> bool:
    """Whether an answer is CKAN's error envelope (``{"success": false, "error": …}``), not some other server's page."""
    try:
        answer = response.json()
    except ValueError:
        return False
    return isinstance(answer, dict) and answer.get("success") is False and isinstance(answer.get("error"), dict)
