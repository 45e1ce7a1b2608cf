"""Every file the tools read, read one guarded way: the source, ``validate`` inputs, shapes, baselines, pages.

Why one module: each reader once had its own protections, and each attack found the reader that
lacked one (``validate`` printed ``/proc/self/environ`` through a link that ``build`` refused; a
baseline expanded a 582-byte alias bomb past 2.8 GiB). Here the same guard stands in front of all:

* a **link** is followed only to a file inside the folder it was found in (or the folder the
  command was given): a link out of it (``x.ttl -> /proc/self/environ``, a token file) is refused;
* only a **regular file** is read — no folder, device, FIFO or socket, nor anything under
  ``/proc``, ``/sys`` or ``/dev`` (whose "regular" files report size 0 and hold secrets). The file
  is opened without blocking and checked on the open descriptor, so a FIFO cannot hang the read
  and a file swapped for a link after the check is still the file checked;
* at most ``limit`` bytes are read, in chunks (``read(n)`` would reserve ``n`` at once), so a
  link to ``/dev/zero`` or a huge file costs nothing;
* **YAML** is checked for nesting (on the parser's events, which are read without recursion)
  and for alias expansion (on the composed document, where aliases are still shared) before any
  Python object is built: 50 000 ``[`` and the "billion laughs" are one-line errors;
* errors name the file and what is wrong, never its content.

The guard is on bytes: which parser then reads them (rdflib, Oxigraph, PyYAML) is the caller's choice.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import yaml

from kasko_dcat.errors import KaskoError

SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))
"""Pseudo-file systems: their files are no documents, and reading them leaks the process's secrets."""
MAX_YAML_DEPTH = 64
"""Deepest nesting of lists and mappings a YAML file may have; the source needs 6, a baseline 3."""
ALIAS_GROWTH = 10
"""How many times more nodes aliases may expand a YAML document to (plus :data:`ALIAS_ALLOWANCE`)."""
ALIAS_ALLOWANCE = 10_000
_CHUNK = 1 << 20
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe YAML loader, libyaml's where installed: several times faster, with the same marks and nodes."""


class FileRefused(KaskoError):
    """A file the guard will not read, or whose YAML it will not build: the code says why."""


def read(path: Path, *, limit: int, folder: Path | None = None) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them, or :class:`FileRefused`.

    ``folder`` is where links may lead: the folder a file was found in, or by default the folder
    holding ``path`` itself (a file named on the command line).
    """
    within = (folder if folder is not None else path.parent).resolve()
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise FileRefused("validate-no-file", path=path) from None
    except (OSError, RuntimeError) as exc:  # a loop of links is a RuntimeError before Python 3.13
        raise FileRefused("validate-unreadable", path=path, reason=getattr(exc, "strerror", None) or exc) from None
    if not target.is_relative_to(within):  # only a link (of the file or a folder on the way) leads out
        raise FileRefused("file-link-outside", path=path, folder=within)
    if any(target.is_relative_to(system) for system in SYSTEM_FOLDERS):
        raise FileRefused("file-system", path=path)
    if target.is_dir():
        raise FileRefused("validate-is-folder", path=path)
    try:
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # swapped for a link since it was resolved
            raise FileRefused("file-link-outside", path=path, folder=within) from None
        raise FileRefused("validate-unreadable", path=path, reason=exc.strerror or exc) from None
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("validate-not-a-file", path=path)
        chunks, total = [], 0
        want = max(_CHUNK, info.st_size + 1)  # a file whole in one read: one chunk is joined without a copy
        try:
            while total <= limit and (chunk := stream.read(min(want, limit + 1 - total))):
                chunks.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise FileRefused("validate-unreadable", path=path, reason=exc.strerror or exc) from None
    if total > limit:
        size = max(info.st_size, total) / 1_000_000
        raise FileRefused("validate-too-large", path=path, size=f"{size:.1f}", limit=f"{limit / 1_000_000:g}")
    return b"".join(chunks)


def read_text(path: Path, *, limit: int, folder: Path | None = None) -> str:
    """:func:`read` decoded as UTF-8 (a byte-order mark allowed); the offset of a bad byte, never the byte's text."""
    raw = read(path, limit=limit, folder=folder)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused("validate-encoding", path=path, offset=exc.start, byte=f"0x{raw[exc.start]:02x}") from None


def yaml_node(loader: yaml.SafeLoader, text: str, path: Path) -> yaml.Node | None:
    """The composed document of ``loader`` (made on ``text``), refused if nested too deep or if aliases multiply it.

    Raises :class:`FileRefused` with ``file-yaml-too-deep`` or ``file-yaml-alias-bomb`` and the line; YAML
    syntax errors are left to the caller, which knows how to explain them.
    """
    depth = 0
    for event in yaml.parse(text, Loader=SAFE_LOADER):  # events come without recursion, nodes do not
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise FileRefused("file-yaml-too-deep", path=path, line=event.start_mark.line + 1, limit=MAX_YAML_DEPTH)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    node = loader.get_single_node()
    if node is not None:
        written, expanded = _sizes(node)
        if expanded > ALIAS_GROWTH * written + ALIAS_ALLOWANCE:
            raise FileRefused("file-yaml-alias-bomb", path=path, line=node.start_mark.line + 1, count=expanded)
    return node


def load_yaml(text: str, path: Path) -> object:
    """Plain YAML (``yaml.safe_load``) behind :func:`yaml_node`'s limits."""
    loader = SAFE_LOADER(text)
    try:
        node = yaml_node(loader, text, path)
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def _sizes(root: yaml.Node) -> tuple[int, int]:
    """Distinct nodes as written, and nodes once every alias is copied out; linear in the written ones."""
    expanded: dict[int, int] = {}
    order: list[yaml.Node] = []
    todo = [root]
    while todo:  # depth-first, parents before children; sizes are then summed children first
        node = todo.pop()
        if id(node) in expanded:
            continue
        expanded[id(node)] = 0
        order.append(node)
        todo.extend(_children(node))
    for node in reversed(order):
        expanded[id(node)] = min(1 + sum(expanded[id(child)] for child in _children(node)), 2**62)
    return len(order), expanded[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
