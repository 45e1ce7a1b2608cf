"""The library API: each command's pipeline as a function that returns results or raises a typed error.

The command line (:mod:`kasko_dcat.cli`) only parses options, calls these, prints and maps
:class:`~kasko_dcat.errors.KaskoError` to exit codes; benchmarks, tests and other programs call
the same functions, so no pipeline exists twice. Every function raises ``KaskoError`` (or a
subclass) for what a user can fix and lets anything else through as the bug it is.

``progress`` callbacks receive a message code and its values at each stage of long work; the CLI
prints them on a terminal only.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kasko_dcat.errors import ExitCode, KaskoError

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.term import Node

    from kasko_dcat.ckan.publish import Outcome
    from kasko_dcat.importer.diff import Difference
    from kasko_dcat.importer.furniture import Furniture
    from kasko_dcat.importer.reader import ImportedPage
    from kasko_dcat.model.description import Source
    from kasko_dcat.quality.gains import Gain
    from kasko_dcat.quality.scoring import Scorecard
    from kasko_dcat.quality.urls import Limits as UrlLimits
    from kasko_dcat.query.sparql import Result
    from kasko_dcat.rdf.output import WriteResult
    from kasko_dcat.shacl.validate import Report, ShapesChoice
    from kasko_dcat.source.problems import Problem, Where

Progress = Callable[..., None]
"""``progress(code, **values)``: a long run says what it is doing."""


def _quiet(code: str, **values: object) -> None:
    """The progress callback of a caller that wants none."""


class Violations(KaskoError):
    """``build`` refused to write: the catalogue violates the shapes. ``reports`` say where."""

    exit_code = ExitCode.FAILED

    def __init__(self, reports: list[Report]) -> None:
        super().__init__("cli-violations", count=sum(report.count("Violation") for report in reports))
        self.reports = reports


@dataclass(frozen=True)
class Built:
    """A source converted and validated: the graph, its findings and the bytes of every output file."""

    source: Source
    graph: Graph
    report: Report
    files: dict[str, bytes]


@dataclass(frozen=True)
class Imported:
    """A § 28 page read into source files, checked in memory as ``build`` will read them."""

    page: ImportedPage
    files: dict[str, str]
    """Relative path in the new source folder → YAML text."""
    source: Source


def read(source_dir: Path = Path("source"), base_iri: str | None = None) -> Source:
    """The source folder, read and checked; raises :class:`~kasko_dcat.source.problems.SourceError`."""
    from kasko_dcat.model.description import read_source

    if not source_dir.is_dir():
        raise KaskoError("cli-no-source", path=source_dir)
    return read_source(source_dir, base_iri)


def build(
    source_dir: Path = Path("source"), base_iri: str | None = None, *, lang: str = "en", progress: Progress = _quiet
) -> Built:
    """Read, convert and validate the source; raises :class:`Violations` if any shape is violated.

    ``lang`` is the language findings name resources in (their titles).
    """
    from kasko_dcat.forked import beside
    from kasko_dcat.model.graph import build_triples
    from kasko_dcat.rdf.formats import serialize_all

    with no_cycle_collection():
        progress("progress-reading", path=source_dir)
        source = read(source_dir, base_iri)
        progress("progress-validating", count=len(source.datasets))
        triples = build_triples(source)
        # The files are written on the second core while this one validates (see forked.py).
        with beside(lambda: serialize_all(triples), fork=len(triples) >= WRITE_BESIDE_FROM) as files:
            report = _check_source(triples.graph, source, source_dir, lang)
            if report.count("Violation"):
                raise Violations([report])
            progress("progress-writing", count=len(triples))
            return Built(source, triples.graph, report, files())


WRITE_BESIDE_FROM = 20_000
"""Triples from which ``build`` writes the files in a child process (about 500 datasets): below
it, the files take less time to write than a child costs to start and hand them back."""


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a build or a validation allocates its millions of objects.

    The collector runs after every few hundred new containers and, as the heap grows, walks
    all of it again and again: 4 s of a 10 000-dataset build's 17 s of CPU. A build makes
    almost no reference cycles, and what it makes is collected once the collector is back on.
    A command that goes on with those objects (``validate`` renders its report) keeps it paused to the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # What was made meanwhile goes to the oldest generation (frozen, then unfrozen): left in the
            # young one, all of it would be walked by the next collection (0.7 s after 10 000 datasets).
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def write(built: Built, output_dir: Path = Path("output")) -> WriteResult:
    """Write the built files atomically; files whose bytes would not change are left alone."""
    from kasko_dcat.rdf.output import ReplaceError, write_atomically

    try:
        return write_atomically(output_dir, built.files)
    except ReplaceError as exc:
        raise KaskoError("cli-replace-failed", path=exc.filename, reason=exc.strerror or exc) from None
    except OSError as exc:
        raise KaskoError("cli-write-failed", path=exc.filename or output_dir, reason=exc.strerror or exc) from None


def stale(built: Built, output_dir: Path = Path("output")) -> list[str]:
    """The output files that differ from (or are missing beside) a fresh build."""
    from kasko_dcat.rdf.output import stale_files

    try:
        return stale_files(output_dir, built.files)
    except OSError as exc:
        raise KaskoError("cli-read-failed", path=exc.filename or output_dir, reason=exc.strerror or exc) from None


def gaps(source_dir: Path = Path("source"), base_iri: str | None = None) -> list[Problem]:
    """The facts the source leaves unknown, each with its file and line; avoindata.fi's required fields too."""
    from kasko_dcat.ckan.gaps import ckan_gaps

    source = read(source_dir, base_iri)
    return sorted([*source.gaps, *ckan_gaps(source, source_dir)], key=lambda p: (p.where.file, p.where.line, p.code))


@no_cycle_collection()  # reading the data and checking it allocate as a build does: 1.1 s of 6.6 at 10 000 datasets
def validate(
    paths: tuple[Path, ...] = (),
    source_dir: Path = Path("source"),
    base_iri: str | None = None,
    *,
    lang: str = "en",
    input_format: str | None = None,
    max_mb: float | None = None,
    profile: str | None = None,
    shapes: tuple[Path, ...] = (),
    with_own_shapes: bool = False,
    engine: str = "kasko",
    skip_ill_formed: bool = False,
    progress: Progress = _quiet,
) -> list[Report]:
    """Validate the source (no ``paths``) or each built file; findings are titled in ``lang``.

    With ``paths``, a readable source beside them says where to fix each finding and which
    profile applies, unless ``profile`` ("none" for none) says otherwise. ``shapes`` (files or
    folders) replace ours, or come beside them ``with_own_shapes``; ``engine`` is ``kasko`` or
    ``pyshacl``. Ill-formed shapes are refused unless ``skip_ill_formed``: then each report lists them.
    """
    from kasko_dcat.model.description import read_source
    from kasko_dcat.rdf.reading import DEFAULT_MAX_MB, read_rdf, read_shapes
    from kasko_dcat.shacl.validate import ShapesChoice, source_places
    from kasko_dcat.source.problems import SourceError

    limit = DEFAULT_MAX_MB if max_mb is None else max_mb
    choice = ShapesChoice(read_shapes(shapes, limit) if shapes else None, with_own_shapes, engine, skip_ill_formed)
    if not paths:
        progress("progress-reading", path=source_dir)
        source = read(source_dir, base_iri)
        progress("progress-validating", count=len(source.datasets))
        from kasko_dcat.model.graph import build_triples  # the source's graph: not needed for built files

        return [_check_source(build_triples(source).graph, source, source_dir, lang, choice)]
    places: dict[Node, Where] = {}
    profiles: tuple[str, ...] = ("helsinki",)
    general = bool(shapes) and not with_own_shapes  # any RDF graph against the user's shapes alone
    if source_dir.is_dir() and not general:  # to say where to fix a finding; a broken source is not our concern
        try:
            beside = read_source(source_dir, base_iri)
            places = source_places(beside, source_dir)
            profiles = _profiles(beside)
        except SourceError:
            pass
    if profile is not None:
        profiles = () if profile == "none" else (profile,)
    reports = []
    for path in paths:
        progress("progress-reading", path=path)
        graph = read_rdf(path, limit, input_format, catalogue=not general)
        reports.append(_check(graph, str(path), lang, places, profiles, choice))
    return reports


def _check_source(
    graph: Graph, source: Source, source_dir: Path, lang: str = "en", choice: ShapesChoice | None = None
) -> Report:
    from kasko_dcat.shacl.validate import source_places

    return _check(graph, str(source_dir), lang, source_places(source, source_dir), _profiles(source), choice)


def _check(
    graph: Graph,
    label: str,
    lang: str,
    places: dict[Node, Where],
    profiles: tuple[str, ...],
    choice: ShapesChoice | None,
) -> Report:
    """Validate one graph; a shapes file the engine refuses is named as the user's (``--shapes``)."""
    from kasko_dcat.shacl.engine import IllFormedShapes, ShapesError
    from kasko_dcat.shacl.validate import ShapesChoice, check

    choice = choice or ShapesChoice()
    try:
        return check(
            graph, label, lang, places, profiles, choice.graph(profiles), choice.engine, choice.skip_ill_formed
        )
    except ShapesError as exc:
        if choice.other is None:
            raise
        code = "validate-shapes-ill-formed" if isinstance(exc, IllFormedShapes) else "validate-shapes-refused"
        raise KaskoError(code, **exc.params) from None


def _profiles(source: Source) -> tuple[str, ...]:
    """The profiles whose shapes apply to ``source``: the one its catalogue declares, if any."""
    return () if source.catalog.profile is None else (source.catalog.profile,)


def import_page(page: str) -> Imported:
    """Read a § 28 page (a text or HTML file, or an http(s) address) into the files of a new source.

    Raises :class:`~kasko_dcat.importer.pagetext.PageError` when the page cannot be read or holds
    no § 28 description. An imported source that does not read back is a bug in the importer.
    """
    from kasko_dcat.importer.pagetext import Line, decode, fetch, paragraphs
    from kasko_dcat.importer.reader import read_page
    from kasko_dcat.importer.report import render as review
    from kasko_dcat.importer.writer import as_checked, render_source
    from kasko_dcat.model.description import read_source
    from kasko_dcat.source.problems import SourceError

    address = page if page.lower().startswith(("http://", "https://")) else None
    skipped: list[Line] = []
    imported = read_page(paragraphs(decode(fetch(page)), address, skipped))
    # Furniture the page text carries is listed too, with its reason: every line is accounted for.
    imported.unplaced = sorted([*imported.unplaced, *skipped], key=lambda line: line.number)
    files = render_source(imported, address)
    try:
        source = read_source(Path("source"), files=as_checked(files))
    except SourceError as exc:
        raise RuntimeError(f"the imported source does not build: {exc.problems[0].message('en')}") from None
    files = {**files, **review(page, imported.organisation, files, imported.lines, imported.unplaced)}
    return Imported(imported, files, source)


def furniture(source_dir: Path = Path("source"), base_iri: str | None = None) -> list[Furniture]:
    """The publisher's and resources' names in the source that look like page furniture, not names."""
    from kasko_dcat.importer.furniture import furniture as found

    return found(read(source_dir, base_iri))


def write_import(imported: Imported, out_dir: Path, force: bool = False) -> None:
    """Write the imported source to ``out_dir`` (new or empty unless ``force``), all at once."""
    from kasko_dcat.importer.writer import write_source

    try:
        write_source(out_dir, imported.files, force)
    except IsADirectoryError:
        raise KaskoError("import-out-not-empty", path=out_dir) from None
    except FileExistsError:
        raise KaskoError("import-out-not-folder", path=out_dir) from None
    except OSError as exc:
        raise KaskoError("cli-write-failed", path=exc.filename or out_dir, reason=exc.strerror or exc) from None


def diff_page(imported: Imported, source_dir: Path = Path("source")) -> list[Difference]:
    """What the page adds to, removes from or changes in the source at ``source_dir``."""
    from kasko_dcat.importer.diff import differences

    return differences(read(source_dir), imported.source)


def open_catalogue(
    catalog: Path | None = None, source_dir: Path | None = None, base_iri: str | None = None
) -> ox.Store:
    """The catalogue in an Oxigraph store: a built file, or a fresh in-memory build of ``source_dir``."""
    from kasko_dcat.query import sparql

    if source_dir is not None:
        from kasko_dcat.model.graph import build_triples
        from kasko_dcat.rdf.formats import by_suffix

        ntriples = by_suffix("catalog.nt")
        assert ntriples is not None and ntriples.serialize is not None
        return sparql.load(ntriples.serialize(build_triples(read(source_dir, base_iri))))
    return sparql.open_catalogue(catalog or sparql.default_catalogue())[0]


def export_site(out_dir: Path, catalog: Path | None = None, base_iri: str | None = None) -> int:
    """Write the citizen site as static files to ``out_dir`` atomically; returns the number of files.

    The pages come from the built catalogue (``catalog``, default ``output/catalog.nt``) exactly
    as ``serve`` shows them, with relative links. ``out_dir`` must be new, empty or an earlier export.
    """
    from kasko_dcat.query import sparql
    from kasko_dcat.serve import export, views

    catalogue = views.open_served(catalog or sparql.default_catalogue(), base_iri)
    files = export.site_files(catalogue)
    try:
        export.write_site(out_dir, files)
    except FileExistsError:
        raise KaskoError("site-out-not-site", path=out_dir) from None
    except OSError as exc:
        raise KaskoError("cli-write-failed", path=exc.filename or out_dir, reason=exc.strerror or exc) from None
    return len(files)


def query(store: ox.Store, question: str, binds: tuple[str, ...] = ()) -> Result:
    """Answer a bundled query's name, a ``.rq`` file, ``-`` (stdin) or SPARQL text, with ``NAME=VALUE`` binds."""
    from kasko_dcat.query import bundled, sparql

    return sparql.run(store, bundled.resolve(question), sparql.parse_bindings(binds))


def publish_ckan(
    url: str,
    organization: str,
    *,
    catalog: Path | None = None,
    environ: Mapping[str, str],
    dry_run: bool = False,
    attempts: int = 5,
    retry_delay: float = 1.0,
    timeout: float = 60.0,
    on_retry: Callable[[str, dict[str, object]], None] | None = None,
    on_step: Callable[[str, str], None] | None = None,
) -> Outcome:
    """Make a CKAN portal's datasets of ``organization`` those of the built catalogue, and read each back.

    The dicts are the ones ``serve``'s CKAN face answers with (:mod:`kasko_dcat.ckan.dicts`); the
    token comes from ``KASKO_DCAT_CKAN_TOKEN`` in ``environ`` only. ``on_step(step, name)`` is called
    for each dataset created, updated or removed (or, with ``dry_run``, that would be).
    """
    from kasko_dcat.ckan import publish as ckan_publish
    from kasko_dcat.ckan.dicts import Reader
    from kasko_dcat.query import publish as publishing
    from kasko_dcat.query import sparql
    from kasko_dcat.serve import views

    reader = Reader(views.open_served(catalog or sparql.default_catalogue(), None))
    return ckan_publish.publish(
        reader,
        url,
        organization,
        environ,
        publishing.Retry(attempts=attempts, delay=retry_delay, timeout=timeout),
        dry_run=dry_run,
        on_retry=on_retry or (lambda code, params: None),
        on_step=on_step or (lambda step, name: None),
    )


def publish(
    endpoint: str,
    *,
    graph: str | None = None,
    query_endpoint: str | None = None,
    catalog: Path | None = None,
    environ: Mapping[str, str],
    attempts: int = 5,
    retry_delay: float = 1.0,
    timeout: float = 60.0,
    on_retry: Callable[[str, dict[str, object]], None] | None = None,
) -> tuple[int, str, str]:
    """Replace the catalogue's graph in a SPARQL store and check it by count.

    Returns the triples the store counts, the graph IRI and the store's URL (without user-info).
    """
    from kasko_dcat.query import publish as publishing
    from kasko_dcat.query import sparql

    store, data, fmt = sparql.open_catalogue(catalog or sparql.default_catalogue())
    target, credentials = publishing.prepare(endpoint, query_endpoint, graph or sparql.catalogue_iri(store), environ)
    payload = publishing.Payload(data, fmt.media_type, sparql.count_triples(store))
    found = publishing.publish(
        payload,
        target,
        credentials,
        publishing.Retry(attempts=attempts, delay=retry_delay, timeout=timeout),
        on_retry=on_retry or (lambda code, params: None),
    )
    return found, target.graph, target.store_url


@dataclass(frozen=True)
class Scored:
    """One catalogue's MQA score and what to fix to gain points (``score``)."""

    card: Scorecard
    gains: list[Gain]


def score(
    paths: tuple[Path, ...] = (),
    source_dir: Path = Path("source"),
    base_iri: str | None = None,
    *,
    lang: str = "en",
    input_format: str | None = None,
    max_mb: float | None = None,
    check_urls: bool = False,
    limits: UrlLimits | None = None,
    machine_readable: Path | None = None,
    progress: Progress = _quiet,
) -> list[Scored]:
    """data.europa.eu's quality score of the source (no ``paths``) or of each built file, offline.

    DCAT-AP compliance is judged with SEMIC's shapes by our engine; the two URL indicators are
    "not checked" unless ``check_urls``. A readable source beside ``paths`` says where to fix each
    indicator, as ``validate`` does. ``machine_readable`` is a file listing machine-readable
    formats (none ships; without it a given format is "not judged" on that indicator).
    """
    from kasko_dcat.model.description import read_source
    from kasko_dcat.model.graph import build_graph
    from kasko_dcat.quality.vocabularies import read_list
    from kasko_dcat.rdf.reading import DEFAULT_MAX_MB, read_datasets
    from kasko_dcat.source.problems import SourceError

    limit = DEFAULT_MAX_MB if max_mb is None else max_mb
    how = _Scoring(lang, check_urls, limits, read_list(machine_readable, limit) if machine_readable else frozenset())
    if not paths:
        progress("progress-reading", path=source_dir)
        source = read(source_dir, base_iri)
        return [_score(build_graph(source), str(source_dir), source, source_dir, how)]
    beside: Source | None = None
    if source_dir.is_dir():  # to say where to fix; a broken source is not this command's concern
        with contextlib.suppress(SourceError):
            beside = read_source(source_dir, base_iri)
    scored = []
    for path in paths:
        progress("progress-reading", path=path)
        graph = read_datasets(path, limit, input_format)
        scored.append(_score(graph, str(path), beside, source_dir if beside else None, how))
    return scored


@dataclass(frozen=True)
class _Scoring:
    """How ``score`` judges: the language of findings, the network, the list of machine-readable formats."""

    lang: str
    check_urls: bool
    limits: UrlLimits | None
    machine_readable: frozenset[str]


def _score(graph: Graph, label: str, source: Source | None, source_dir: Path | None, how: _Scoring) -> Scored:
    from kasko_dcat.quality import scoring, urls
    from kasko_dcat.quality.gains import gains
    from kasko_dcat.rdf.namespaces import DCTERMS
    from kasko_dcat.shacl.validate import source_places

    places = source_places(source, source_dir) if source is not None and source_dir is not None else {}
    answers = urls.ask_all(scoring.addresses(graph), how.limits or urls.Limits()) if how.check_urls else None
    card = scoring.assess(graph, label, how.lang, places, answers, how.machine_readable)
    wholes = {d: whole for d in card.datasets if (whole := graph.value(d, DCTERMS.isPartOf)) is not None}
    return Scored(card, gains(card, places, source, source_dir, how.lang, wholes))
