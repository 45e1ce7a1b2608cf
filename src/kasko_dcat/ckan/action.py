"""The read-only part of CKAN's Action API v3 that harvesters call, answered from the dataset dicts.

ckanext-harvest's ``ckan_harvester`` (and avoindata.fi's ``hri_harvester``, its copy) pages
through ``package_search`` with ``rows``/``start``, ``sort=id asc`` and an ``fq`` of
``organization:NAME`` terms and ``metadata_modified:[SINCE TO *]``, takes each result as the
dataset dict to import, and may call ``organization_show`` / ``group_show``; other clients call
``package_list`` and ``package_show``. Answers are CKAN's envelope: ``{"help", "success",
"result"}``, or ``{"help", "success": false, "error": {"__type", "message" | field: [...]}}`` with
CKAN's status (400 bad request or sort order, 403 a write, 404 not found, 409 invalid parameter or a
query Solr would refuse).

**Search without Solr.** ``q`` is free text (every word must occur, in any language, in the
title, description, keywords or name; ``*:*`` or empty means all) and may hold ``field:value``
terms like ``fq``. In ``fq`` terms separated by spaces must all hold, terms joined by ``OR`` are
alternatives, ``-`` negates; the fields are ``metadata_modified``, ``metadata_created`` (values or
``[A TO B]`` / ``{A TO B}`` ranges of ISO dates, ``*`` and ``NOW``, ``NOW-1DAY``…),
``organization``, ``owner_org``, ``groups``, ``tags`` / ``keywords``, ``name``, ``id``,
``license_id``, ``type`` / ``dataset_type``, ``capacity``, ``state``; any other field is a query
error, never silently ignored. A dataset whose source states no date matches every date range (so
an incremental harvest never misses it) and sorts last. ``sort`` takes ``id``, ``name``, ``title_string``,
``metadata_modified``, ``metadata_created`` and ``score`` (every hit scores the same), each
``asc`` or ``desc``; ties are broken by ``id`` so paging is stable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property

from kasko_dcat.ckan.dicts import Json, Reader, all_text
from kasko_dcat.serve.views import Catalogue, parse_since

ROWS_DEFAULT = 10
ROWS_MAX = 1000
"""CKAN's ``ckan.search.rows_max`` default: larger ``rows`` are cut to it, as CKAN does."""
DEFAULT_SORT = "score desc, metadata_modified desc"
MAX_TERMS = 100
"""Most words and ``field:value`` terms in ``q`` and ``fq`` together: a harvester sends two or three."""
API_VERSION = "2.11.5"
"""The CKAN release whose Action API answers this face follows (avoindata.fi's)."""
WRITE = re.compile(r".*_(create|update|patch|delete|purge|revise)$|.*_(member|bulk_update)_.*")


class ActionError(Exception):
    """An API call answered with ``success: false``: CKAN's status and error object."""

    def __init__(self, status: int, error: dict[str, Json]) -> None:
        super().__init__(error)
        self.status = status
        self.error = error


def _validation(field_name: str, message: str) -> ActionError:
    return ActionError(409, {field_name: [message], "__type": "Validation Error"})


def _query_error(message: str) -> ActionError:
    return ActionError(400, {"message": f"Search Query is invalid: {message}", "__type": "Search Query Error"})


def _search_error(message: str) -> ActionError:
    """What CKAN answers when Solr refuses a query (an unknown field, a value that does not parse): 409."""
    return ActionError(409, {"message": f"Search error: {message}", "__type": "Search Error"})


NOT_FOUND = {"message": "Not found", "__type": "Not Found Error"}


@dataclass(frozen=True)
class Answer:
    """An envelope to send: HTTP status, the JSON body, and whether it may be cached (``NOW`` may not)."""

    status: int
    body: dict[str, Json]
    cacheable: bool = True

    def bytes(self) -> bytes:
        """The body as UTF-8 JSON; the same answer gives the same bytes."""
        return (json.dumps(self.body, ensure_ascii=False) + "\n").encode("utf-8")


Params = dict[str, Json]


@dataclass
class _Call:
    """One call's parameters, read as CKAN's validators read them."""

    params: Params
    uses_now: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def text(self, name: str, default: str = "") -> str:
        value = self.params.get(name, default)
        if isinstance(value, list):
            value = value[0] if value else default
        return str(value) if value is not None else default

    def required(self, name: str) -> str:
        value = self.text(name).strip()
        if not value:
            raise _validation(name, "Missing value")
        return value

    def integer(self, name: str, default: int, low: int = 0) -> int:
        value = self.params.get(name)
        if value is None or value == "":
            return default
        try:
            number = int(str(value).strip())
        except ValueError:
            raise _validation(name, "Invalid integer") from None
        if number < low:
            raise _validation(name, "Must be a natural number")
        return number

    def flag(self, name: str, default: bool) -> bool:
        value = self.params.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"true", "yes", "on", "y", "t", "1"}:
            return True
        if text in {"false", "no", "off", "n", "f", "0"}:
            return False
        raise _validation(name, "Value must be one of: true, false")


class Api:
    """The actions, answered from one catalogue's dicts; a pure function of the call except ``NOW``."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.reader = Reader(catalogue)
        self.base = catalogue.base
        self.actions: dict[str, tuple[Callable[[_Call], Json], str]] = {
            "status_show": (self._status_show, "What this server is and which API it answers."),
            "package_list": (self._package_list, "Names of every dataset, sorted; limit, offset."),
            "package_search": (self._package_search, __doc__ or ""),
            "package_show": (self._package_show, "The dataset dict of id (a dataset's id or name)."),
            "organization_list": (self._organization_list, "Organisation names (all_fields: dicts)."),
            "organization_show": (self._organization_show, "The organisation dict of id (id or name)."),
            "group_list": (self._group_list, "Group names (all_fields: dicts); groups are the datasets' themes."),
            "group_show": (self._group_show, "The group dict of id (id or name)."),
            "license_list": (self._license_list, "The licences the datasets carry."),
            "help_show": (self._help_show, "What an action does: name."),
        }

    @cached_property
    def words(self) -> dict[str, frozenset[str]]:
        """Dataset id → the words ``q`` is matched against, made once."""
        return {str(d["id"]): _words_of(d) for d in self.reader.datasets.values()}

    def help_url(self, action: str) -> str:
        """CKAN's ``help`` member: where the action's documentation is."""
        return f"{self.base}api/3/action/help_show?name={action}"

    def call(self, action: str, params: Params, now: datetime | None = None) -> Answer:
        """Answer ``action`` with ``params`` (query-string values or a JSON body) in CKAN's envelope."""
        envelope: dict[str, Json] = {"help": self.help_url(action)}
        call = _Call(params, now=now or datetime.now(UTC))
        try:
            if action not in self.actions:
                if WRITE.fullmatch(action):
                    raise ActionError(
                        403,
                        {
                            "message": f"Access denied: {action} is not allowed here; this API is read-only",
                            "__type": "Authorization Error",
                        },
                    )
                raise ActionError(
                    400, {"message": f"Bad request - Action name not known: {action}", "__type": "Bad Request"}
                )
            result = self.actions[action][0](call)
        except ActionError as exc:
            return Answer(exc.status, {**envelope, "success": False, "error": exc.error}, cacheable=not call.uses_now)
        return Answer(200, {**envelope, "success": True, "result": result}, cacheable=not call.uses_now)

    def refuse(self, action: str, status: int, message: str) -> Answer:
        """An error about the request itself (method, body), in the same envelope."""
        return Answer(
            status,
            {"help": self.help_url(action), "success": False, "error": {"message": message, "__type": "Bad Request"}},
            cacheable=False,
        )

    # -- actions --------------------------------------------------------------------------------

    def _status_show(self, _: _Call) -> Json:
        catalogue = self.reader.catalogue
        title = self.reader.label(catalogue.iri)
        return {
            "site_title": title.get("fi", "") if isinstance(title, dict) else title or "",
            "site_url": self.base.rstrip("/"),
            "site_description": "kasko-dcat: the catalogue's read-only CKAN Action API face",
            "error_emails_to": None,
            "locale_default": "fi",
            "ckan_version": API_VERSION,
            "extensions": [],
        }

    def _package_list(self, call: _Call) -> Json:
        names = sorted(str(d["name"]) for d in self.reader.datasets.values())
        offset = call.integer("offset", 0)
        limit = call.integer("limit", len(names))
        return names[offset : offset + limit]

    def _package_show(self, call: _Call) -> Json:
        key = call.required("id")
        iri = self.reader.by_key.get(key)
        if iri is None:
            raise ActionError(404, NOT_FOUND)
        return self.reader.datasets[iri]

    def _package_search(self, call: _Call) -> Json:
        rows = min(call.integer("rows", ROWS_DEFAULT), ROWS_MAX)
        start = call.integer("start", 0)
        sort = call.text("sort", DEFAULT_SORT).strip() or DEFAULT_SORT
        query = _Query.parse(call.text("q"), call.text("fq"), call)
        hits = [d for d in self.reader.datasets.values() if query.matches(d, self.words[str(d["id"])])]
        hits = _sorted(hits, sort)
        return {
            "count": len(hits),
            "facets": {},
            "results": hits[start : start + rows],
            "sort": sort,
            "search_facets": {},
        }

    def _groups_of(self, organisations: bool) -> list[dict[str, Json]]:
        found = self.reader.organisations if organisations else self.reader.groups
        counted = []
        for iri, group in found.items():
            if organisations:
                count = sum(1 for d in self.reader.datasets.values() if d.get("owner_org") == group["id"])
            else:
                count = sum(
                    1 for d in self.reader.datasets.values() if any(g["id"] == group["id"] for g in d["groups"])
                )  # type: ignore[index, union-attr]
            counted.append({**group, "package_count": count, "uri": iri})
        return counted

    def _list(self, call: _Call, organisations: bool) -> Json:
        groups = self._groups_of(organisations)
        sort = call.text("sort", "title asc").strip().lower() or "title asc"
        key, _, direction = sort.partition(" ")
        if key not in {"title", "name", "package_count"} or direction.strip() not in {"", "asc", "desc"}:
            raise _validation("sort", f"Cannot sort by {sort}")
        groups.sort(key=lambda g: (g[key], g["name"]), reverse=direction.strip() == "desc")  # type: ignore[arg-type, return-value]
        offset = call.integer("offset", 0)
        limit = call.integer("limit", len(groups))
        window = groups[offset : offset + limit]
        if call.flag("all_fields", False):
            return [{k: v for k, v in g.items() if k != "uri"} for g in window]
        return [g["name"] for g in window]

    def _show(self, call: _Call, organisations: bool) -> Json:
        key = call.required("id")
        for group in self._groups_of(organisations):
            if key in {group["id"], group["name"]}:
                found = {k: v for k, v in group.items() if k != "uri"}
                if not call.flag("include_dataset_count", True):
                    del found["package_count"]
                if call.flag("include_datasets", False):
                    field_name = "owner_org" if organisations else "groups"
                    found["packages"] = [
                        d
                        for d in self.reader.datasets.values()
                        if (d.get(field_name) == group["id"] if organisations else _in_groups(d, group["id"]))
                    ]
                found["users"] = []
                return found
        raise ActionError(
            404, {**NOT_FOUND, "message": f"Not found: {'Organization' if organisations else 'Group'} was not found"}
        )

    def _organization_list(self, call: _Call) -> Json:
        return self._list(call, organisations=True)

    def _organization_show(self, call: _Call) -> Json:
        return self._show(call, organisations=True)

    def _group_list(self, call: _Call) -> Json:
        return self._list(call, organisations=False)

    def _group_show(self, call: _Call) -> Json:
        return self._show(call, organisations=False)

    def _license_list(self, _: _Call) -> Json:
        return self.reader.licences()

    def _help_show(self, call: _Call) -> Json:
        name = call.required("name")
        if name not in self.actions:
            raise ActionError(404, {**NOT_FOUND, "message": f"Not found: Action function not found: {name}"})
        return self.actions[name][1]


def _in_groups(dataset: dict[str, Json], group_id: Json) -> bool:
    return any(g.get("id") == group_id for g in dataset.get("groups", []))  # type: ignore[union-attr]


# -- search ---------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<or>OR|\|\|)(?=\s) |
        (?P<and>AND|&&)(?=\s) |
        (?P<paren>[()]) |
        (?P<all>\*:\*) |
        (?P<neg>[-+!]?)(?P<field>[A-Za-z_][\w.]*):(?P<value>\[[^\]]*\]|\{[^}]*\}|"[^"]*"|[^\s()]+) |
        (?P<word>"[^"]*"|[^\s()]+)
    )""",
    re.VERBOSE,
)
_RANGE = re.compile(r"(?P<open>[\[{])\s*(?P<low>\S+)\s+TO\s+(?P<high>\S+)\s*(?P<close>[\]}])")
_MATH = re.compile(r"([+-])(\d+)(SECOND|MINUTE|HOUR|DAY|WEEK)S?", re.IGNORECASE)
_ROUND = re.compile(r"/(SECOND|MINUTE|HOUR|DAY)S?$", re.IGNORECASE)
DATE_FIELDS = ("metadata_modified", "metadata_created")
FIELDS = (*DATE_FIELDS, "organization", "owner_org", "groups", "tags", "keywords", "name", "id", "license_id")
FIELDS += ("type", "dataset_type", "capacity", "state", "text")
"""The ``fq`` fields this server answers (CKAN's Solr index names)."""


@dataclass(frozen=True)
class _Term:
    """One ``field:value`` test (``field`` is ``""`` for a free-text word, ``*`` for ``*:*``)."""

    field: str
    value: str
    negated: bool = False
    low: datetime | None = None
    high: datetime | None = None
    ranged: bool = False
    inclusive: tuple[bool, bool] = (True, True)

    def matches(self, dataset: dict[str, Json], words: frozenset[str]) -> bool:
        return self._test(dataset, words) != self.negated

    def _test(self, dataset: dict[str, Json], words: frozenset[str]) -> bool:
        if self.field == "*":
            return True
        if self.field in DATE_FIELDS:
            stated = dataset.get(self.field)
            if not isinstance(stated, str):
                return True  # no date in the source: in every range (module docstring)
            when = _moment(stated)
            if when is None:
                return True
            if not self.ranged:
                return self.low is None or when == self.low
            low_ok = self.low is None or (when >= self.low if self.inclusive[0] else when > self.low)
            high_ok = self.high is None or (when <= self.high if self.inclusive[1] else when < self.high)
            return low_ok and high_ok
        if self.field == "text":
            return self.value in words
        return self.value in _field_values(dataset, self.field)


def _field_values(dataset: dict[str, Json], name: str) -> set[str]:
    organisation = dataset.get("organization") or {}
    if name == "organization":
        return {str(organisation.get("name", ""))} if isinstance(organisation, dict) else set()  # type: ignore[union-attr]
    if name == "groups":
        return {str(g["name"]) for g in dataset.get("groups", [])}  # type: ignore[index, union-attr]
    if name in {"tags", "keywords"}:
        keywords = dataset.get("keywords") or {}
        return {k.lower() for words in keywords.values() for k in words}  # type: ignore[union-attr]
    if name == "capacity":  # CKAN's index field for private/public
        return {"private" if dataset.get("private") else "public"}
    value = dataset.get("type" if name == "dataset_type" else name)
    return {str(value).lower() if isinstance(value, bool) else str(value)} if value is not None else set()


def _words_of(dataset: dict[str, Json]) -> frozenset[str]:
    """The words free text is matched against: name, titles, descriptions and keywords in every language."""
    texts = [dataset.get("name"), dataset.get("title_translated"), dataset.get("notes_translated")]
    texts.append(dataset.get("keywords"))
    return frozenset(word for text in all_text(texts) for word in re.findall(r"\w+", text.lower()))


@dataclass(frozen=True)
class _Query:
    """The conjunction of ``q`` and ``fq``: groups of alternatives (``OR``), all of which must hold."""

    groups: tuple[tuple[_Term, ...], ...]

    @classmethod
    def parse(cls, q: str, fq: str, call: _Call) -> _Query:
        groups: list[list[_Term]] = []
        for text, free_text in ((q, True), (fq, False)):
            joined = False
            for match in _TOKEN.finditer(text):
                if match.group("or"):
                    joined = bool(groups)
                    continue
                if match.group("and") or match.group("paren"):
                    continue
                terms = _terms(match, free_text, call)
                if joined and terms:
                    groups[-1].append(terms[0])
                    terms = terms[1:]
                groups.extend([term] for term in terms)
                joined = False
            rest = _TOKEN.sub("", text).strip()
            if rest:
                raise _search_error(repr(rest[:100]))
        if sum(len(group) for group in groups) > MAX_TERMS:
            raise _query_error(f"more than {MAX_TERMS} terms")
        return cls(tuple(tuple(group) for group in groups))

    def matches(self, dataset: dict[str, Json], words: frozenset[str]) -> bool:
        return all(any(term.matches(dataset, words) for term in group) for group in self.groups)


def _terms(match: re.Match[str], free_text: bool, call: _Call) -> list[_Term]:
    """The tests one token stands for: a word may hold several (``pupil-welfare``), each of which must occur."""
    if match.group("all"):
        return [_Term("*", "")]
    word = match.group("word")
    if word is not None:
        if not free_text:
            raise _search_error(f"{word!r} names no field (fq takes field:value terms)")
        return [_Term("text", part) for part in re.findall(r"\w+", word.lower())]
    name, value = match.group("field"), match.group("value")
    negated = match.group("neg") in {"-", "!"}
    if name not in FIELDS:
        raise _search_error(f"unknown field {name!r}; this server searches {', '.join(FIELDS)}")
    if name == "text":
        return [_Term("text", part, negated) for part in re.findall(r"\w+", value.lower())]
    if name in DATE_FIELDS:
        return [_date_term(name, value, negated, call)]
    value = value.strip('"')
    return [_Term(name, value.lower() if name in {"tags", "keywords"} else value, negated)]


def _date_term(name: str, value: str, negated: bool, call: _Call) -> _Term:
    ranged = _RANGE.fullmatch(value)
    if ranged is None:
        if value == "*":
            return _Term(name, value, negated, ranged=True)
        return _Term(name, value, negated, low=_date(value, call))
    return _Term(
        name,
        value,
        negated,
        low=None if ranged["low"] == "*" else _date(ranged["low"], call),
        high=None if ranged["high"] == "*" else _date(ranged["high"], call),
        ranged=True,
        inclusive=(ranged["open"] == "[", ranged["close"] == "]"),
    )


def _date(text: str, call: _Call) -> datetime:
    """A Solr date: ISO 8601 (``Z`` or not), or ``NOW`` with ``+1DAY``-style steps and ``/DAY`` rounding."""
    text = text.strip('"')
    if text.upper().startswith("NOW"):
        call.uses_now = True
        when, rest = call.now, text[3:]
        rounding = _ROUND.search(rest)
        if rounding:
            rest = rest[: rounding.start()]
        for sign, amount, unit in _MATH.findall(rest):
            step = timedelta(**{unit.lower() + "s": int(amount)})
            when = when + step if sign == "+" else when - step
        if _MATH.sub("", rest):
            raise _search_error(f"date {text!r}")
        if rounding:
            unit = rounding.group(1).upper()
            keep = {"SECOND": 6, "MINUTE": 5, "HOUR": 4, "DAY": 3}[unit]
            parts = [when.year, when.month, when.day, when.hour, when.minute, when.second][:keep]
            when = datetime(*parts, tzinfo=UTC)  # type: ignore[misc]
        return when
    when = _moment(text)
    if when is None:
        raise _search_error(f"date {text!r} (write e.g. 2026-01-31T00:00:00Z)")
    return when


def _moment(text: str) -> datetime | None:
    value = text.strip()
    value = value[:-1] if value.endswith("Z") else value
    parsed = parse_since(value)
    return parsed.astimezone(UTC) if parsed else None


MAX_SORT = 6
_SORT_FIELDS = {"id", "name", "title_string", "metadata_modified", "metadata_created", "score"}


def _sorted(hits: list[dict[str, Json]], sort: str) -> list[dict[str, Json]]:
    """``hits`` in ``sort`` order (CKAN's syntax), ties by id; a missing date sorts last either way."""
    if sort.count(",") >= MAX_SORT:
        raise _query_error(f"more than {MAX_SORT} sort fields")
    clauses = []
    for clause in sort.split(","):
        name, _, direction = clause.strip().partition(" ")
        direction = direction.strip().lower() or "asc"
        if direction not in {"asc", "desc"}:  # Solr: "Can't determine a Sort Order", which CKAN answers with 400
            raise _query_error(f'Invalid "sort" parameter {clause.strip()!r}; each field takes asc or desc')
        if name not in _SORT_FIELDS:  # Solr: "sort param field can't be found", which CKAN answers with 409
            raise _search_error(f"cannot sort by {name!r}; sort takes {', '.join(sorted(_SORT_FIELDS))}")
        if name != "score":
            clauses.append((name, direction == "desc"))
    ordered = sorted(hits, key=lambda d: str(d["id"]))
    for name, descending in reversed(clauses):  # stable sorts, last clause first
        present = [d for d in ordered if _sort_value(d, name) is not None]
        missing = [d for d in ordered if _sort_value(d, name) is None]
        present.sort(key=lambda d: _sort_value(d, name) or "", reverse=descending)
        ordered = present + missing
    return ordered


def _sort_value(dataset: dict[str, Json], name: str) -> str | None:
    if name == "title_string":
        return str(dataset.get("title", "")).lower()
    value = dataset.get(name)
    return str(value) if value is not None else None
