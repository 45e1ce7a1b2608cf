"""JSON Schemas of the source files, made from the same field rules the reader enforces.

An editor with a YAML extension (VS Code's reads the ``# yaml-language-server: $schema=…`` line
at the top of each source file) then completes field names, shows what each field means and
flags an unknown field, a bad id, date or web address, or a code outside its table while the
keeper types, before ``kasko-dcat build`` runs. The simple fields come from each model module's
rows (``FIELDS``), with the same value rules (:data:`kasko_dcat.source.fields.PATTERNS`) and the
codes of the same vocabulary tables; the fields a module reads by hand are declared once below.
``tests/test_schema.py`` checks that every block's fields are exactly those the reader accepts,
and that the real source validates.

Every scalar in the source is text, except ``true``/``false`` and an empty value (``~``), so a
text field accepts what YAML would read as a number (``postal_code: 00099``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from fnmatch import fnmatch

from kasko_dcat.i18n.languages import LANGS
from kasko_dcat.model import agent, catalog, contact, dataset, distribution, guidance, legislation, system
from kasko_dcat.model.mapping import (
    CODE,
    CODES,
    DATE,
    EMAIL,
    FINNISH,
    FLAG,
    KEYWORDS,
    PERIOD,
    REF,
    REFS,
    SEED_FORMS,
    STRING,
    TEXT,
    URL,
    URLS,
    Kind,
    Row,
)
from kasko_dcat.rdf.vocabularies import VOCABULARIES
from kasko_dcat.source.fields import PATTERNS

Schema = dict[str, object]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

SCALAR: Schema = {"type": ["string", "number"]}
NULL: Schema = {"type": "null"}
DEFS: dict[str, Schema] = {
    "text": {
        "description": "A text per language: fi (the language of record), sv, en; ~ leaves one open. fi is "
        "always written, and may be ~ only while another language has the text (an imported Swedish page).",
        "type": "object",
        "properties": {lang: {"anyOf": [SCALAR, NULL]} for lang in LANGS},
        "required": ["fi"],
        "additionalProperties": False,
        "anyOf": [{"properties": {lang: SCALAR}, "required": [lang]} for lang in LANGS],
    },
    "id": {"description": "Lowercase letters, digits and single hyphens.", "type": "string", "pattern": ""},
    "url": {"description": "A web address starting with https:// or http://.", "type": "string", "pattern": ""},
    "email": {"description": "An e-mail address, without mailto:.", "type": "string", "pattern": ""},
    "date": {"description": "A date, YYYY-MM-DD.", "type": "string", "pattern": ""},
    "phone": {"description": "09 310 8600 or +358 9 310 8600.", "type": "string", "pattern": ""},
}
for _name in ("id", "url", "email", "date", "phone"):
    DEFS[_name]["pattern"] = PATTERNS[_name].pattern


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _list(item: Schema) -> Schema:
    return {"type": "array", "items": item}


def _codes(table: str) -> Schema:
    return {"enum": VOCABULARIES.codes(table)}


PERIOD_BLOCK: Schema = {
    "type": "object",
    "properties": {"start": _ref("date"), "end": _ref("date")},
    "additionalProperties": False,
}

VALUES: dict[Kind, Callable[[Row], Schema]] = {
    TEXT: lambda row: _ref("text"),
    STRING: lambda row: SCALAR,
    FINNISH: lambda row: SCALAR,
    SEED_FORMS: lambda row: _list(SCALAR),
    URL: lambda row: _ref("url"),
    URLS: lambda row: _list(_ref("url")),
    EMAIL: lambda row: _ref("email"),
    REF: lambda row: _ref("id"),
    REFS: lambda row: _list(_ref("id")),
    CODE: lambda row: _codes(row.target),
    CODES: lambda row: _list(_codes(row.target)),
    FLAG: lambda row: {"type": "boolean"},
    DATE: lambda row: _ref("date"),
    KEYWORDS: lambda row: {
        "type": "object",
        "properties": {lang: _list(SCALAR) for lang in LANGS},
        "additionalProperties": False,
    },
    PERIOD: lambda row: PERIOD_BLOCK,
}
"""Each kind of row → the JSON Schema of its value."""


def _field(value: Schema, required: bool, description: str = "") -> Schema:
    """A field's schema: a field that may be left unknown also accepts ``~``."""
    schema = value if required else {"anyOf": [value, NULL]}
    return {"description": description, **schema} if description else schema


def _row(row: Row) -> Schema:
    shown = row.kind.shown.format(target=row.target)
    return _field(VALUES[row.kind](row), row.required, f"{shown}{f'; {row.note}' if row.note else ''}")


def block(rows: Iterable[Row], hand: dict[str, Schema] | None = None, required: Iterable[str] = ()) -> Schema:
    """An object with the rows' fields and the fields read by hand (``hand``); no other field."""
    rows = list(rows)
    properties = {row.field: _row(row) for row in rows} | (hand or {})
    return {
        "type": "object",
        "properties": properties,
        "required": sorted({row.field for row in rows if row.required} | set(required)),
        "additionalProperties": False,
    }


ID = _ref("id")
TEXTS = _list(_ref("text"))

ORGANISATION = block(
    agent.FIELDS,
    {
        "id": ID,
        "unit_of": _field(ID, False, "the organisation this one is a unit of"),
        "sites": _field(
            _list(block((), {"id": ID, "name": _ref("text"), "address": ID}, ["id", "name", "address"])), False
        ),
    },
    ["id"],
)
SYSTEM = block(system.FIELDS, {"id": ID}, ["id"])
LAW = block(legislation.FIELDS, {"id": ID, "eli": _field(_ref("url"), True, "the act's ELI identifier")}, ["id", "eli"])
RELATED = block(
    (),
    {"id": ID, "title": _ref("text"), "shared_across": _field(ID, False, "the organisation that shares it")},
    ["id", "title"],
)
ADDRESS = block(contact.ADDRESS_FIELDS, {"id": ID}, ["id"])
CONTACT_POINT = block(
    contact.CONTACT_FIELDS,
    {"id": ID, "phone": _field(_ref("phone"), False), "phone_hours": _field(_ref("text"), False)},
    ["id"],
)
CHANNEL = block(contact.CHANNEL_FIELDS, {"id": ID, "kind": {"enum": list(contact.CHANNEL_KINDS)}}, ["id", "kind"])
INFORMATION_REQUEST = block(distribution.FIELDS, {"procedure": _ref("text")}, ["procedure"])
EXAMPLE = block(
    guidance.FIELDS, {"id": ID, "search_keys": _field(TEXTS, False, "the search keys (hakutekijät)")}, ["id"]
)
ACCESS: dict[str, Schema] = {
    "personal_data": _field({"type": "boolean"}, False, "true brings NON_PUBLIC and the data-protection acts"),
    "access_rights": _field(_codes("access-right"), False),
    "legislation": _field(_list(ID), False, "law ids"),
}
REGISTER = block(
    dataset.REGISTER_FIELDS, {"id": ID, "description": _field(_ref("text"), False), **ACCESS}, ["id", "title"]
)
RESOURCE = block(
    dataset.RESOURCE_FIELDS,
    {
        "id": ID,
        "description": _ref("text"),
        "data_groups": _field(TEXTS, False, "the data contents as a list of groups"),
        **ACCESS,
        "registers": _field(_list(REGISTER), False),
    },
    ["id", "description"],
)
CATALOG = block(
    catalog.FIELDS,
    {
        "base_iri": _field(_ref("url"), True, "start of every published IRI, ending in /"),
        "profile": _field({"enum": list(catalog.PROFILES)}, False, "shapes of a profile to follow"),
        "dataset_defaults": block(dataset.DEFAULT_FIELDS),
        "personal_data": block(
            (),
            {"access_rights": _codes("access-right"), "legislation": _field(_list(ID), False)},
            ["access_rights"],
        ),
    },
    ["base_iri", "dataset_defaults", "personal_data"],
)


def _listing(key: str, item: Schema, required: bool) -> Schema:
    return block((), {key: _field(_list(item), not required)}, [key] if required else [])


FILES: dict[str, tuple[str, Schema]] = {
    "catalog": ("catalog.yaml", CATALOG),
    "organisations": ("organisations.yaml", _listing("organisations", ORGANISATION, True)),
    "systems": ("systems.yaml", _listing("systems", SYSTEM, False)),
    "legislation": ("legislation.yaml", _listing("laws", LAW, True)),
    "related-resources": ("related-resources.yaml", _listing("related_resources", RELATED, False)),
    "request": (
        "request.yaml",
        block(
            (),
            {
                "addresses": _field(_list(ADDRESS), False),
                "contact_points": _field(_list(CONTACT_POINT), False),
                "channels": _field(_list(CHANNEL), False),
                "information_request": _field(INFORMATION_REQUEST, False, "the route every dataset shows"),
                "examples": _field(_list(EXAMPLE), False),
            },
        ),
    ),
    "resource": ("resources/*.yaml", RESOURCE),
}
"""Schema name → (the source files it describes, the schema of such a file)."""


def schema(name: str) -> Schema:
    """The whole JSON Schema document named ``name`` (a key of :data:`FILES`)."""
    files, body = FILES[name]
    return {
        "$schema": DRAFT,
        "$id": f"{name}.schema.json",
        "title": f"kasko-dcat source: {files}",
        "description": "Generated by kasko-dcat schema from the field rules its reader enforces (source/README.md).",
        **body,
        "$defs": DEFS,
    }


def rendered() -> dict[str, str]:
    """Each schema as the file ``kasko-dcat schema`` writes: ``{name}.schema.json`` → its JSON text."""
    return {f"{name}.schema.json": json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n" for name in FILES}


def schema_of(relative: str) -> str | None:
    """The schema of the source file at ``relative`` (its path inside the source folder), if it has one."""
    return next((name for name, (files, _) in FILES.items() if fnmatch(relative, files)), None)


def with_schema_line(relative: str, text: str) -> str:
    """``text`` of the source file at ``relative`` with the line that points the YAML extension at its schema.

    The schemas are expected in ``schemas/`` beside the source folder, as in the repository
    (``kasko-dcat schema --out schemas`` writes them there).
    """
    name = schema_of(relative)
    if name is None:
        return text
    return f"# yaml-language-server: $schema={'../' * (relative.count('/') + 1)}schemas/{name}.schema.json\n" + text
