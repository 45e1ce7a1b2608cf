"""Read the source YAML so that every value remembers its line.

Civil servants edit these files by hand, so the reader is deliberately stricter and plainer
than YAML's defaults:

* every scalar is text except ``true``/``false`` and an empty value (``~``): the postal code
  ``00099`` stays ``"00099"`` instead of becoming the number 99, and ``NO`` stays ``"NO"``;
* a field repeated in one block is an error (YAML itself would silently keep the last one);
* mappings and lists come back as :class:`Block` and :class:`Items`, which carry line numbers;
* no text may hold a character XML 1.0 cannot carry or a Unicode non-character, however it is
  written: a raw control character stops YAML's reader, but an escape (``"\\0"``, ``"\\x01"``,
  ``"\\uFFFE"``) makes one after reading, and ``catalog.rdf`` would then be ill-formed XML;
* aliases may not multiply the document: YAML builds a ``*ref`` as a copy of what it names, so
  ten aliases of ten aliases of … turn 500 bytes into gigabytes (the "billion laughs"). The
  document is composed first (aliases stay shared there), its expanded size counted, and it is
  refused when that exceeds what it is written with by more than ``files.ALIAS_GROWTH``; nesting
  is bounded too (:func:`kasko_dcat.files.yaml_node`, the one guard every YAML the tools read passes).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.resolver import BaseResolver

from kasko_dcat import files as guarded
from kasko_dcat.source.problems import Problems, Where


class Block(dict[str, object]):
    """A YAML mapping; ``line`` is where it starts and ``lines[key]`` where each field is written."""

    line: int
    lines: dict[str, int]


class Items(list[object]):
    """A YAML list; ``line`` is where it starts and ``lines[i]`` where each item is written."""

    line: int
    lines: list[int]


class _Loader(guarded.SAFE_LOADER):  # type: ignore[valid-type,misc]
    """Types only booleans and empty values; everything else stays text (see module docstring)."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 - PyYAML's own class-level registry


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _DuplicateKey(yaml.MarkedYAMLError):
    def __init__(self, key: str, first: int, mark: yaml.Mark) -> None:
        super().__init__(problem=f"duplicate key {key}", problem_mark=mark)
        self.key, self.first = key, first


class _KeyNotText(yaml.MarkedYAMLError):
    def __init__(self, found: str, mark: yaml.Mark) -> None:
        super().__init__(problem="key not text", problem_mark=mark)
        self.found = found


def _construct_block(loader: _Loader, node: yaml.MappingNode) -> Block:
    block = Block()
    block.line = node.start_mark.line + 1
    block.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise _KeyNotText(repr(key), key_node.start_mark)
        if key in block:
            raise _DuplicateKey(key, block.lines[key], key_node.start_mark)
        block[key] = loader.construct_object(value_node, deep=True)
        block.lines[key] = key_node.start_mark.line + 1
    return block


def _construct_items(loader: _Loader, node: yaml.SequenceNode) -> Items:
    items = Items(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


# An explicit !!int, !!float, !!timestamp or !!binary is read as the text it is, like every scalar.
for _tag in ("int", "float", "timestamp", "binary"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", yaml.constructor.SafeConstructor.construct_yaml_str)
_Loader.add_constructor(BaseResolver.DEFAULT_MAPPING_TAG, _construct_block)
_Loader.add_constructor(BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_items)


# XML 1.0's Char production, less C1 controls and the non-characters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
_UNWRITABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ufdcf\ufdf0-\ufffd\U00010000-\U0010ffff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def _bad_character(data: object, line: int) -> tuple[int, str] | None:
    """The line and first character of ``data`` (keys and values) that no RDF format can carry, if any."""
    todo: list[tuple[object, int]] = [(data, line)]
    while todo:
        value, at = todo.pop()
        if isinstance(value, str):
            found = _UNWRITABLE.search(value)
            if found:
                return at, found.group()
        elif isinstance(value, Block):
            todo += [(key, value.lines[key]) for key in value]
            todo += [(item, value.lines[key]) for key, item in value.items()]
        elif isinstance(value, Items):
            todo += list(zip(value, value.lines, strict=True))
    return None


def read_yaml(path: Path, problems: Problems, raw: bytes | None = None) -> object | None:
    """Parse ``path`` (or ``raw``, its bytes when they are not on disk); on failure record one error with its line."""
    raw = path.read_bytes() if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(Where.of(path, line), "yaml-encoding")
        return None
    loader = _Loader(text)
    try:
        node = guarded.yaml_node(loader, text, path)
        data = None if node is None else loader.construct_document(node)
        bad = _bad_character(data, node.start_mark.line + 1 if node is not None else 0)
        if bad is not None:
            line, character = bad
            problems.error(Where.of(path, line), "yaml-character", character=f"U+{ord(character):04X}")
            return None
    except guarded.FileRefused as exc:  # the reading module's YAML limits, in the source's own words
        code = {"file-yaml-too-deep": "yaml-too-deep", "file-yaml-alias-bomb": "yaml-alias-bomb"}[exc.code]
        problems.error(Where.of(path, int(str(exc.params["line"]))), code, count=exc.params.get("count", 0))
        return None
    except RecursionError:
        problems.error(Where.of(path), "yaml-too-deep")
        return None
    except _DuplicateKey as exc:
        problems.error(Where.of(path, exc.problem_mark.line + 1), "yaml-duplicate-key", key=exc.key, first=exc.first)
        return None
    except yaml.reader.ReaderError as exc:  # a control character: the reader reports a position, not a mark
        # libyaml counts that position in bytes of UTF-8, the pure-Python reader in characters.
        if guarded.SAFE_LOADER is yaml.SafeLoader:
            line = text[: exc.position].count("\n") + 1
        else:
            line = text.encode("utf-8")[: exc.position].count(b"\n") + 1
        problems.error(Where.of(path, line), "yaml-character", character=f"U+{exc.character:04X}")
        return None
    except _KeyNotText as exc:
        problems.error(Where.of(path, exc.problem_mark.line + 1), "yaml-key-not-text", found=exc.found)
        return None
    except yaml.MarkedYAMLError as exc:
        line, code, params = _explain(exc, text.splitlines())
        problems.error(Where.of(path, line), code, **params)
        return None
    except yaml.YAMLError as exc:
        problems.error(Where.of(path), "yaml-syntax", problem=exc)
        return None
    finally:
        loader.dispose()
    if data is None:
        problems.error(Where.of(path), "yaml-empty")
    return data


_VALUE_WITH_COLON = re.compile(r"^\s*(?:- )?([^\s\"'{\[#][^:#]*?):[ \t]+([^\"'\s{\[|>].*?:(?:[ \t]|$).*)$")
"""``key: value: more`` — a plain value that holds ``: ``, which YAML reads as a second key."""

_FLOW_VALUE_WITH_COLON = re.compile(r"[{,][ \t]*([\w-]+):[ \t]+([^,}\"'\s][^,}]*?:[ \t])")
"""``{fi: value: more}`` — the same inside a one-line block."""

_UNCLOSED_QUOTE = re.compile(r"""^\s*(?:- )?[^\s#"'][^:#"']*:[ \t]+(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)$""")
"""``key: "text`` with no closing mark on the line."""

_TEXT_AFTER_QUOTE = re.compile(r"""^\s*(?:- )?[^\s#][^:#]*:[ \t]+(["']).*?\1[ \t]*[^\s#]""")
"""``key: "text" more`` — text after the closing quotation mark."""


def _explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str, dict[str, object]]:
    """The line to point at, a message code and its values for a YAML syntax error, in a keeper's words.

    PyYAML's own words ("mapping values are not allowed here") name the parser's state, not the
    mistake; the four mistakes people make by hand are recognised from the text itself: a tab in
    the indentation, an unquoted colon, an unclosed quotation, a line indented wrongly.
    """
    mark = exc.problem_mark or exc.context_mark
    at = mark.line + 1 if mark else 0
    tabbed = next((n for n, text in enumerate(lines[:at], 1) if "\t" in text[: len(text) - len(text.lstrip())]), None)
    if tabbed is not None:
        return tabbed, "yaml-tab", {}
    if exc.context and "quoted scalar" in exc.context and exc.context_mark is not None:
        return exc.context_mark.line + 1, "yaml-quote", {}
    unclosed = next((n for n, text in enumerate(lines[:at], 1) if _UNCLOSED_QUOTE.match(text)), None)
    if unclosed is not None:  # a quoted text may span lines, so the parser stumbles only lines later
        return unclosed, "yaml-quote", {}
    current = lines[at - 1] if 0 < at <= len(lines) else ""
    colon = _VALUE_WITH_COLON.match(current) or _FLOW_VALUE_WITH_COLON.search(current)
    if colon:
        return at, "yaml-colon", {"key": colon.group(1).strip()}
    if _TEXT_AFTER_QUOTE.match(current):
        return at, "yaml-after-quote", {}
    problem = exc.problem or ""
    if "cannot start any token" in problem and mark is not None and mark.column < len(current):
        return at, "yaml-reserved-character", {"character": repr(current[mark.column])}
    if "mapping values are not allowed" in problem or "expected key" in problem or "expected '-'" in problem:
        return at, "yaml-indent", {}
    if "expected <block end>" in problem:
        return at, "yaml-indent", {}
    return at, "yaml-syntax", {"problem": problem or exc}
