"""Read the whole ``source/`` folder into checked model objects, or say exactly what is wrong.

Every file is read and every problem collected before anything is reported, so one run shows
all mistakes at once; references between files are checked only after all files are read, so
files can be edited in any order.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kasko_dcat import files as guarded
from kasko_dcat.files import FileRefused
from kasko_dcat.model.agent import Organisation, parse_organisation
from kasko_dcat.model.catalog import Catalog, parse_catalog
from kasko_dcat.model.contact import Address, Channel, ContactPoint, parse_address, parse_channel, parse_contact_point
from kasko_dcat.model.dataset import Dataset, RelatedResource, parse_related_resource, parse_resource
from kasko_dcat.model.distribution import InformationRequest, parse_information_request
from kasko_dcat.model.guidance import RequestExample, parse_example
from kasko_dcat.model.legislation import Law, parse_law
from kasko_dcat.model.system import InformationSystem, parse_system
from kasko_dcat.source.fields import Context, Fields
from kasko_dcat.source.problems import Problem, Problems, SourceError, Where
from kasko_dcat.source.yamlread import read_yaml

MAX_SOURCE_FILE_BYTES = 8_000_000
"""Largest source file read; Kasko's largest is under 100 KB, a 1 000-resource source under 2 MB."""


@dataclass(frozen=True)
class Source:
    """Everything in ``source/``, checked; the gaps are the facts it leaves unknown."""

    catalog: Catalog
    organisations: list[Organisation]
    systems: list[InformationSystem]
    laws: list[Law]
    related_resources: list[RelatedResource]
    addresses: list[Address]
    contact_points: list[ContactPoint]
    channels: list[Channel]
    information_request: InformationRequest | None
    """None when the source gives no e-service to request through: no distribution is published."""
    examples: list[RequestExample]
    resources: list[Dataset]
    gaps: list[Problem]
    places: dict[str, dict[str, Where]]
    """Kind of thing → id → where its id is written, so validation results can point into the source."""

    @property
    def datasets(self) -> list[tuple[Dataset, Dataset | None]]:
        """Every resource and register, each with the resource it is part of (None for a resource)."""
        return [
            (dataset, whole)
            for resource in self.resources
            for dataset, whole in [(resource, None), *((register, resource) for register in resource.registers)]
        ]


class _Folder:
    """The files of a source folder: on disk, or in memory as ``import`` makes them before writing.

    Both are read by the same parsers, so an imported source is checked exactly as ``build`` will
    read it, without a temporary folder; messages name the files as they will be on disk.
    """

    def __init__(self, root: Path, files: Mapping[str, str] | None) -> None:
        self.root, self.files = root, files

    def read(self, path: Path) -> bytes | None:
        """The bytes, or ``None`` if there is no file; :class:`FileRefused` for a link out of the folder, a device."""
        if self.files is None:
            if not path.exists() and not path.is_symlink():
                return None
            return guarded.read(path, limit=MAX_SOURCE_FILE_BYTES, folder=self.root)
        text = self.files.get(path.relative_to(self.root).as_posix())
        return None if text is None else text.encode("utf-8")

    def names(self, folder: Path) -> list[Path]:
        if self.files is None:
            return sorted(folder.glob("*"))
        prefix = folder.relative_to(self.root).as_posix() + "/"
        return sorted(
            self.root / name for name in self.files if name.startswith(prefix) and "/" not in name[len(prefix) :]
        )


def read_source(root: Path, base_iri: str | None = None, files: Mapping[str, str] | None = None) -> Source:
    """Read and check ``root`` (or ``files``, relative name → text, as if they were in ``root``).

    Raises :class:`SourceError` listing every error found.
    """
    problems = Problems()
    ctx = Context(problems)
    source = _Folder(root, files)

    def blocks(name: str, key: str, required: bool = True) -> list[Fields]:
        f = _file(ctx, source, root / name)
        if f is None:
            return []
        items = f.subs(key, required=required)
        f.done()
        return items

    catalog_file = _file(ctx, source, root / "catalog.yaml")
    organisations = [parse_organisation(f) for f in blocks("organisations.yaml", "organisations")]
    # A page may name no systems or related resources yet; the resources' gaps say what is missing.
    systems = [parse_system(f) for f in blocks("systems.yaml", "systems", required=False)]
    laws = [parse_law(f) for f in blocks("legislation.yaml", "laws")]
    related = [parse_related_resource(f) for f in blocks("related-resources.yaml", "related_resources", required=False)]

    request_file = _file(ctx, source, root / "request.yaml")
    addresses, contacts, channels, examples = [], [], [], []
    information_request = None
    if request_file is not None:
        # A description may lack any of these (an imported page often does); each absence is a gap.
        addresses = [parse_address(f) for f in request_file.subs("addresses")]
        contacts = [parse_contact_point(f) for f in request_file.subs("contact_points")]
        channels = [parse_channel(f) for f in request_file.subs("channels")]
        request_block = request_file.sub("information_request")
        information_request = None if request_block is None else parse_information_request(request_block)
        examples = [parse_example(f) for f in request_file.subs("examples")]
        if not channels:
            request_file.gap("channels" if "channels" in request_file.block else None, "gap-channels")
        if request_block is None:
            request_file.gap(
                "information_request" if "information_request" in request_file.block else None,
                "gap-information-request",
            )
        request_file.done()

    folder = root / "resources"
    in_folder = source.names(folder)
    resource_paths = [path for path in in_folder if path.suffix == ".yaml"]
    for stray in in_folder:
        if stray.suffix != ".yaml" and not stray.name.startswith("."):
            problems.error(Where.of(stray), "resource-file-name")
    if not resource_paths:
        problems.error(Where.of(folder), "no-resources")
    resources = [parse_resource(f) for path in resource_paths if (f := _file(ctx, source, path)) is not None]
    catalog = None if catalog_file is None else parse_catalog(catalog_file, base_iri)

    if not ctx.unreadable:  # otherwise every reference into the unreadable file would be reported too
        _check_references(ctx, organisations, systems, laws, related, addresses, contacts, channels, resources)
        _check_examples(ctx, resources, examples)
    if catalog is None or problems.errors:
        raise SourceError(problems.errors)
    return Source(
        catalog,
        organisations,
        systems,
        laws,
        related,
        addresses,
        contacts,
        channels,
        information_request,
        examples,
        resources,
        problems.gaps,
        ctx.ids,
    )


def _file(ctx: Context, source: _Folder, path: Path) -> Fields | None:
    try:
        raw = source.read(path)
    except FileRefused as exc:
        if exc.code in ("file-link-outside", "file-system"):
            ctx.problems.error(Where.of(path), "source-link-outside", target=path.resolve())
        else:
            ctx.problems.error(Where.of(path), exc.code, **exc.params)
        ctx.unreadable = True
        return None
    if raw is None:
        ctx.problems.error(Where.of(path), "file-missing")
        ctx.unreadable = True
        return None
    data = read_yaml(path, ctx.problems, raw)
    fields = None if data is None else Fields.of(ctx, path, data, path.name, 1)
    ctx.unreadable |= fields is None
    return fields


def _check_references(
    ctx: Context,
    organisations: list[Organisation],
    systems: list[InformationSystem],
    laws: list[Law],
    related: list[RelatedResource],
    addresses: list[Address],
    contacts: list[ContactPoint],
    channels: list[Channel],
    resources: list[Dataset],
) -> None:
    # Items whose own id was invalid ("") are left out: their error is already reported.
    known: dict[str, list[str]] = {
        kind: [item for item in ids if item]
        for kind, ids in {
            "organisation": [item.id for item in organisations],
            "system": [item.id for item in systems],
            "law": [item.id for item in laws],
            "related resource": [item.id for item in related],
            "address": [item.id for item in addresses],
            "contact point": [item.id for item in contacts],
            "channel": [item.id for item in channels],
            "resource": [item.id for item in resources],
            "register": [register.id for resource in resources for register in resource.registers],
        }.items()
    }
    for ref in ctx.refs:
        ids = known[ref.kind]
        if ref not in ids:
            close = difflib.get_close_matches(ref, ids, n=1, cutoff=0.6)
            if close:
                ctx.problems.error(ref.where, "unknown-ref", kind=ref.kind, id=str(ref), close=close[0])
            else:
                shown = ", ".join(sorted(ids)[:12]) + (", …" if len(ids) > 12 else "")
                ctx.problems.error(ref.where, "unknown-ref-far", kind=ref.kind, id=str(ref), known=shown)
    _check_unused(ctx)


UNUSED = {
    "system": "unused-system",
    "organisation": "unused-organisation",
    "address": "unused-address",
    "channel": "unused-channel",
}
"""Kinds of things that exist only to be referred to → the gap reported when nothing does."""


def _check_unused(ctx: Context) -> None:
    """A system, organisation, address or channel nothing refers to is a leftover or a missing link."""
    used = {(ref.kind, str(ref)) for ref in ctx.refs}
    for kind, code in UNUSED.items():
        for ident, where in ctx.ids.get(kind, {}).items():
            if (kind, ident) not in used:
                ctx.problems.gap(where, code, id=ident)


def _check_examples(ctx: Context, resources: list[Dataset], examples: list[RequestExample]) -> None:
    """An example's register must be in its resource; a resource with no search keys is a gap."""
    resource_of = {r.id: resource.id for resource in resources if resource.id for r in resource.registers if r.id}
    with_keys: set[str] = set()
    for example in examples:
        if example.register in resource_of and resource_of[example.register] != example.resource:
            ctx.problems.error(
                example.register.where,
                "wrong-resource",
                register=str(example.register),
                resource=str(example.resource),
                actual=resource_of[example.register],
            )
        if example.search_keys:
            with_keys.add(example.resource)
    for resource in resources:
        if resource.id and resource.id not in with_keys:
            ctx.problems.gap(ctx.ids["dataset"][resource.id], "gap-search-keys", id=resource.id)
