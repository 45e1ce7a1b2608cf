"""The ``kasko-dcat`` command line: options in, :mod:`kasko_dcat.api` called, results printed.

Every error a user can fix arrives as a :class:`~kasko_dcat.errors.KaskoError`; the one handler
in :class:`_Group` prints it in the user's language and exits with its code
(:class:`~kasko_dcat.errors.ExitCode`: 0 success, 1 the check failed, 2 the source, a file or the
command line is wrong, 3 a bug in kasko-dcat, 4 the SPARQL store failed). Messages go to stderr in
Finnish, Swedish or English (``--lang``, ``KASKO_DCAT_LANG`` or the locale). Mistakes in the source are
reported by file and line, never with a traceback.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import logging
import math
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from kasko_dcat import __version__, api
from kasko_dcat.errors import ExitCode, KaskoError
from kasko_dcat.i18n.languages import DEFAULT_MESSAGE_LANG, MESSAGE_LANGS, message_lang
from kasko_dcat.i18n.messages import render
from kasko_dcat.rdf.formats import FORMATS

if TYPE_CHECKING:
    from kasko_dcat.api import Imported

F = TypeVar("F", bound=Callable[..., object])

source_option = click.option(
    "--source",
    "source_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("source"),
    show_default=True,
    help="Folder of the YAML description (catalog.yaml, resources/, …).",
)
base_iri_option = click.option(
    "--base-iri",
    envvar="KASKO_DCAT_BASE_IRI",
    metavar="IRI",
    help="Base of every minted IRI, overriding base_iri in catalog.yaml (env KASKO_DCAT_BASE_IRI).",
)


def lang_option(command: F) -> F:
    """Add ``--lang`` to the group and to each command; the command's own option wins.

    Users type both ``kasko-dcat --lang fi build`` and ``kasko-dcat build --lang fi``.
    """

    def remember(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
        if value is not None:  # the group's error handler reads the root's, so set both
            ctx.obj = ctx.find_root().obj = message_lang(value)

    return click.option(
        "--lang",
        type=click.Choice(sorted(MESSAGE_LANGS, reverse=True)),
        expose_value=False,
        is_eager=True,
        callback=remember,
        help="Language of messages: fi, sv or en (default: KASKO_DCAT_LANG, then the locale).",
    )(command)


def _translated_help(command: click.Command, ctx: click.Context, format_help: Callable[[click.Context], str]) -> str:
    """``--help`` in the user's language, where the message catalogue has it (``msgctxt "help"``).

    Click formats help from the English texts in the code; while it does, the command's text,
    its options' and (for the group) its commands' are swapped for their translations, then
    click's own headings (``msgctxt "click"``). What is not translated stays English.
    """
    from kasko_dcat.i18n.messages import catalogue

    lang = ctx.find_root().obj or message_lang()
    if lang == DEFAULT_MESSAGE_LANG:
        return format_help(ctx)
    messages = catalogue(lang)

    def translated(key: str, context: str = "help") -> str | None:
        text = messages.text(key, context, None)
        return None if text is None else text.replace("\\b", "\b")  # click's "keep this paragraph" mark

    saved: list[tuple[object, str, object]] = []

    def swap(thing: object, attribute: str, value: str | None) -> None:
        if value is not None:
            saved.append((thing, attribute, getattr(thing, attribute)))
            setattr(thing, attribute, value)

    swap(command, "help", translated("main" if ctx.parent is None else command.name or ""))
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            long = max(param.opts, key=len)
            swap(param, "help", translated(f"{command.name} {long}") or translated(long))
    for name, sub in getattr(command, "commands", {}).items():  # the group's list of commands
        swap(sub, "help", translated(name))
    try:
        text = format_help(ctx)
    finally:
        for thing, attribute, value in reversed(saved):
            setattr(thing, attribute, value)
    for english in CLICK_TEXTS:
        text = text.replace(english, translated(english, "click") or english)
    return text


CLICK_TEXTS = ("Usage:", "Options:", "Commands:", "default:", "Show this message and exit.", "[OPTIONS]")
"""Click's own words in help, longest first where one contains another, translated as ``msgctxt "click"``."""


class _Command(click.Command):
    """A command whose ``--help`` speaks the user's language."""

    def get_help(self, ctx: click.Context) -> str:
        """The help text, translated where the catalogue has it."""
        return _translated_help(self, ctx, super().get_help)


class _Group(click.Group):
    """The one error handler: a user's mistake is its message and exit code, a bug one line and exit 3."""

    command_class = _Command

    def get_help(self, ctx: click.Context) -> str:
        """The help text, translated where the catalogue has it."""
        return _translated_help(self, ctx, super().get_help)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Take ``--lang`` from anywhere on the line first, so ``build --help --lang sv`` is Swedish too.

        Click runs ``--help`` as soon as it reads it, before options after it; the language is
        known before any of them runs.
        """
        for before, arg in zip(["", *args], args, strict=False):
            value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else arg if before == "--lang" else None
            if value in MESSAGE_LANGS:
                ctx.obj = value
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KaskoError as exc:
            _fail(ctx.obj or message_lang(), exc)
        except Exception as exc:  # a bug, not the user's mistake
            if os.environ.get("KASKO_DCAT_DEBUG"):
                raise
            _say(ctx.obj or message_lang(), "cli-internal-error", error=f"{type(exc).__name__}: {exc}")
            raise SystemExit(ExitCode.INTERNAL) from None


def _fail(lang: str, exc: KaskoError) -> NoReturn:
    """Print what went wrong (with its details: each source problem, each violation) and exit."""
    from kasko_dcat.shacl.report import text
    from kasko_dcat.source.problems import SourceError

    if isinstance(exc, SourceError):
        for problem in exc.problems:
            click.echo(problem.message(lang), err=True)
    elif isinstance(exc, api.Violations):
        click.echo(text(exc.reports, lang, "violation", only=frozenset({"Violation"})), err=True, nl=False)
    click.echo(exc.message(lang), err=True)
    raise SystemExit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kasko-dcat")
@lang_option
@click.pass_context
def main(ctx: click.Context) -> None:
    """Publish an authority's § 28 description of its information resources as DCAT-AP 3.0.1.

    \b
    The description lives in source/ as YAML (see source/README.md). Typical use:
      kasko-dcat build            validate, then write output/catalog.{ttl,jsonld,rdf,nt}
      kasko-dcat build --check    fail (exit 1) when output/ is out of date, for CI
      kasko-dcat validate         check the source against shapes/ and explain every finding
      kasko-dcat gaps             list the facts the source leaves unknown
      kasko-dcat score            data.europa.eu's quality score (MQA), offline, and how to raise it
      kasko-dcat schema           write the source files' JSON Schemas for your editor
      kasko-dcat query --list     the bundled SPARQL questions; kasko-dcat query NAME runs one
      kasko-dcat publish --endpoint URL    replace the catalogue's graph in a SPARQL store
      kasko-dcat serve            the catalogue over HTTP, with a SPARQL endpoint
      kasko-dcat site --out DIR   the pages for people as static files, with the RDF

    \b
    Exit codes: 0 success, 1 check failed (violations, output/ out of date, or publish's count),
    2 error in the source, a file or the command line, 3 internal error (a bug in kasko-dcat),
    4 the SPARQL store failed (publish).
    """
    ctx.obj = ctx.obj or message_lang()  # set already if --lang was given to the group
    # The interpreter's last collection walks every object still alive only to free it (0.1 s after a
    # 1 000-dataset validate), so all are kept out of it: Python does not promise finalisers at exit.
    atexit.unregister(gc.freeze)  # once per process, however many commands a test runs in it
    atexit.register(gc.freeze)
    # rdflib logs a traceback for every literal it cannot convert ("2020-02-30"^^xsd:date); the
    # shapes report such values in the user's terms, so the log would only be noise.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", category=UserWarning, module=r"rdflib\.term")  # "weird boolean" 'yes'


@main.command()
@source_option
@click.option(
    "--output",
    "output_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder for the catalogue files.",
)
@base_iri_option
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any output file differs from a fresh build.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@lang_option
@click.pass_obj
def build(lang: str, source_dir: Path, output_dir: Path, base_iri: str | None, check: bool, quiet: bool) -> None:
    """Build the catalogue from the source and write it atomically to the output folder.

    \b
    Four files, the same graph in each and the same bytes for the same source on any machine:
      catalog.ttl     Turtle            catalog.jsonld  JSON-LD, compacted with our context
      catalog.rdf     RDF/XML           catalog.nt      N-Triples, sorted
    Files whose bytes would not change are left untouched. If the source has errors, each is
    printed with its file and line and nothing is written. The catalogue is validated against
    shapes/ first: with any violation nothing is written and the exit code is 1.
    """
    built = api.build(source_dir, base_iri, lang=lang, progress=_progress(lang, quiet))
    if check:
        stale = api.stale(built, output_dir)
        for name in stale:
            _say(lang, "cli-stale", path=output_dir / name)
        if stale:
            raise SystemExit(ExitCode.FAILED)
        if not quiet:
            _say(lang, "cli-up-to-date", output=output_dir)
        return
    result = api.write(built, output_dir)
    if not quiet:
        _say(
            lang,
            "cli-built",
            count=len(built.source.datasets),
            triples=len(built.graph),
            written=len(result.written),
            unchanged=len(result.unchanged),
            output=output_dir,
        )
        if built.source.gaps:
            _say(lang, "cli-gaps", count=len(built.source.gaps))
        if built.report.count("Warning"):
            _say(lang, "cli-warnings", count=built.report.count("Warning"))


@main.command()
@source_option
@base_iri_option
@lang_option
@click.pass_obj
def gaps(lang: str, source_dir: Path, base_iri: str | None) -> None:
    """List the facts the source leaves unknown, with file and line, so the division can fill them in.

    A gap never stops a build: the law asks for what is known to be published, and these tools
    show what is missing (a privacy notice, search keys, whether an interface exists, …).
    """
    found = api.gaps(source_dir, base_iri)
    for gap in found:
        click.echo(gap.message(lang))
    _say(lang, "cli-gap-count", count=len(found))


def _report_on_failure(command: Callable[..., None]) -> Callable[..., None]:
    """Make ``validate`` write its ``--report`` file when it fails before it has a report: the error in it.

    A CI dashboard reads the file whatever happened (exit 2: a broken source; exit 3: a bug).
    """

    @functools.wraps(command)
    def wrapped(lang: str, **options: object) -> None:
        from kasko_dcat.shacl.report import failure
        from kasko_dcat.source.problems import SourceError

        path, report_format = options["report_file"], str(options["report_format"])
        try:
            command(lang, **options)
        except KaskoError as exc:
            if isinstance(path, Path):
                details = [p.message(lang) for p in exc.problems] if isinstance(exc, SourceError) else []
                with contextlib.suppress(KaskoError):  # the error being reported matters more than this file
                    _write(path, failure(report_format, exc.code, exc.message(lang), details))
            raise
        except Exception as exc:
            if isinstance(path, Path):
                bug = KaskoError("cli-internal-error", error=f"{type(exc).__name__}: {exc}")
                with contextlib.suppress(KaskoError):
                    _write(path, failure(report_format, bug.code, bug.message(lang), []))
            raise

    return wrapped


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=True))
@source_option
@base_iri_option
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "json", "turtle", "junit"]),
    default="text",
    show_default=True,
    help="text for people, json for programs, turtle for a SHACL report graph, junit for CI dashboards.",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to FILE (replaced atomically) instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["violation", "warning"]),
    default="violation",
    show_default=True,
    help="Exit 1 on violations only, or on warnings too.",
)
@click.option(
    "--input-format",
    type=click.Choice([fmt.rdflib for fmt in FORMATS]),
    help="Format of PATHS when their suffix does not say (.ttl .nt .jsonld .rdf …).",
)
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0, min_open=True, max=1e6),
    callback=lambda _, __, value: value if math.isfinite(value) else _not_a_number(value),
    default=32,
    show_default=True,
    help="Refuse files larger than this many megabytes.",
)
@click.option(
    "--profile",
    type=click.Choice(["helsinki", "none"]),
    help="Extra shapes for PATHS: the Helsinki profile or none (default: the profile in the source's "
    "catalog.yaml if there is a readable source, else helsinki). Without PATHS the source's own is used.",
)
@click.option("-v", "--verbose", is_flag=True, help="List every place of each rule, with the value found.")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Accept the findings listed in FILE: fail only on new ones, and name entries that no longer occur.",
)
@click.option(
    "--write-baseline",
    "write_baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record today's findings in FILE as accepted (reasons already written there are kept); exit 0.",
)
@click.option(
    "--shapes",
    "shape_paths",
    multiple=True,
    metavar="FILE|DIR",
    type=click.Path(path_type=Path),
    help="Validate against the SHACL shapes in FILE, or in every RDF file of DIR, instead of shapes/ "
    "(repeatable; e.g. SEMIC's DCAT-AP files). Add --with-own-shapes to check against both.",
)
@click.option(
    "--with-own-shapes",
    is_flag=True,
    help="With --shapes: also check against kasko-dcat's own shapes/ (and the profile's).",
)
@click.option(
    "--skip-ill-formed",
    is_flag=True,
    help="Run the shapes that are well formed and list each ill-formed one (and those that need it) in the "
    "report as skipped, instead of refusing the shapes.",
)
@click.option(
    "--engine",
    type=click.Choice(["kasko", "pyshacl"]),
    default="kasko",
    show_default=True,
    help="kasko-dcat's own SHACL engine, or pySHACL (the reference implementation; slower) on the same shapes.",
)
@lang_option
@click.pass_obj
@_report_on_failure
@api.no_cycle_collection()
def validate(
    lang: str,
    paths: tuple[Path, ...],
    source_dir: Path,
    base_iri: str | None,
    report_format: str,
    report_file: Path | None,
    fail_on: str,
    input_format: str | None,
    max_mb: float,
    profile: str | None,
    shape_paths: tuple[Path, ...],
    with_own_shapes: bool,
    skip_ill_formed: bool,
    engine: str,
    verbose: bool,
    baseline_file: Path | None,
    write_baseline_file: Path | None,
) -> None:
    """Check the catalogue against shapes/: DCAT-AP 3.0.1, Helsinki profile, § 28 items.

    \b
    Without PATHS the source is built in memory and checked; with PATHS each built file (any RDF
    format) is checked. Findings are grouped by rule, with their count and where in the source
    to fix them (--verbose lists every place). Examples:
      kasko-dcat validate                                   the source, as text
      kasko-dcat validate output/catalog.ttl --format json
      kasko-dcat validate --format junit --report validation.xml    for a CI dashboard
      kasko-dcat validate output/catalog.ttl --shapes dcat-ap-shapes/ --with-own-shapes
      kasko-dcat validate output/catalog.ttl --shapes shapes.ttl --engine pyshacl
      kasko-dcat validate --fail-on warning --baseline validation-baseline.yaml    in CI

    \b
    Exit codes: 0 conforms (warnings allowed), 1 violations (or warnings with
    --fail-on warning), 2 a file, the source or the command line is wrong.
    """
    from kasko_dcat.shacl import baseline
    from kasko_dcat.shacl.report import RENDERERS, text

    reports = api.validate(
        paths,
        source_dir,
        base_iri,
        lang=lang,
        input_format=input_format,
        max_mb=max_mb,
        profile=profile,
        shapes=shape_paths,
        with_own_shapes=with_own_shapes,
        engine=engine,
        skip_ill_formed=skip_ill_formed,
        progress=_progress(lang, False),
    )
    for predicate in sorted({p for report in reports for p in report.ignored}, key=str):
        _say(lang, "validate-shapes-ignored", predicate="sh:" + predicate.rsplit("#", 1)[-1])
    accepted = baseline.read(baseline_file) if baseline_file is not None else []
    if write_baseline_file is not None:
        previous = baseline.read(write_baseline_file) if write_baseline_file.is_file() else accepted
        _write(write_baseline_file, baseline.render(reports, previous))
        _say(lang, "baseline-written", path=write_baseline_file, count=sum(len(r.findings) for r in reports))
        return
    if baseline_file is not None:
        reports = baseline.apply(reports, accepted, baseline_file)
    if report_format == "text":
        rendered = text(reports, lang, fail_on, verbose=verbose)
    else:
        rendered = RENDERERS[report_format](reports, lang, fail_on)
    if report_file is None:
        click.echo(rendered, nl=False)
    else:
        _write(report_file, rendered)
    furniture = api.furniture(source_dir, base_iri) if not paths else []
    for item in furniture:  # SHACL sees a name; these words are a page's menu or a sentence
        where = item.where or source_dir
        code = {"navigation": "validate-furniture-navigation", "sentence": "validate-furniture-sentence"}[item.reason]
        _say(lang, code, where=where, field=item.field, value=item.value)
    if any(report.fails(fail_on) for report in reports) or (furniture and fail_on == "warning"):
        raise SystemExit(ExitCode.FAILED)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@source_option
@base_iri_option
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "json", "dqv"]),
    default="text",
    show_default=True,
    help="text for people, json for programs, dqv for W3C DQV Turtle (the MQA's own form of results).",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to FILE (replaced atomically) instead of standard output.",
)
@click.option(
    "--fail-under",
    type=click.IntRange(0, 405),
    metavar="POINTS",
    help="Exit 1 when a catalogue scores fewer than POINTS of 405 (for CI).",
)
@click.option(
    "--check-urls",
    is_flag=True,
    help="Ask every accessURL and downloadURL whether it answers (the network); without it they are not checked.",
)
@click.option(
    "--timeout", type=click.FloatRange(0.1, 300), default=10.0, show_default=True, help="Seconds per address."
)
@click.option("--max-redirects", type=click.IntRange(0, 30), default=5, show_default=True, help="Redirects followed.")
@click.option(
    "--machine-readable",
    "machine_readable",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Machine-readable formats (IRIs: an RDF file's subjects or a CSV's first column). None ships, since no "
    "licensed copy of data.europa.eu's list was found; without it a given format is 'not judged'.",
)
@click.option("-v", "--verbose", is_flag=True, help="List every place to fix, not the first four of each kind.")
@click.option(
    "--input-format",
    type=click.Choice([fmt.rdflib for fmt in FORMATS]),
    help="Format of PATHS when their suffix does not say (.ttl .nt .jsonld .rdf …).",
)
@lang_option
@click.pass_obj
def score(
    lang: str,
    paths: tuple[Path, ...],
    source_dir: Path,
    base_iri: str | None,
    report_format: str,
    report_file: Path | None,
    fail_under: int | None,
    check_urls: bool,
    timeout: float,
    max_redirects: int,
    machine_readable: Path | None,
    input_format: str | None,
    verbose: bool,
) -> None:
    """Score the catalogue as data.europa.eu's Metadata Quality Assessment (MQA) will, before publishing.

    \b
    Without PATHS the source is built in memory and scored; with PATHS each built file (any RDF
    format). Prints the points per dimension and in total (of 405) with the MQA's band, each
    indicator with how many datasets or distributions meet it, and how to gain points: the
    largest gains first, each with the source file, line and field that fixes it. Facts the
    source leaves unknown stay gaps. Offline: the two URL indicators are "not checked" unless
    --check-urls. Examples:
      kasko-dcat score                          the source, as text
      kasko-dcat score output/catalog.ttl --format json
      kasko-dcat score --format dqv --report mqa.ttl
      kasko-dcat score --fail-under 200         in CI: exit 1 below 200 points
      kasko-dcat score --check-urls             also ask every access and download address

    \b
    Exit codes: 0 the score is at least --fail-under (or none given), 1 it is below,
    2 a file, the source or the command line is wrong.
    """
    from kasko_dcat.quality import render as rendering
    from kasko_dcat.quality.urls import Limits

    scored = api.score(
        paths,
        source_dir,
        base_iri,
        lang=lang,
        input_format=input_format,
        check_urls=check_urls,
        limits=Limits(timeout=timeout, max_redirects=max_redirects),
        machine_readable=machine_readable,
        progress=_progress(lang, False),
    )
    if report_format == "json":
        rendered = rendering.as_json([(s.card, s.gains) for s in scored])
    elif report_format == "dqv":
        rendered = rendering.dqv([s.card for s in scored])
    else:
        rendered = "\n".join(rendering.text(s.card, s.gains, lang, verbose) for s in scored)
    if report_file is None:
        click.echo(rendered, nl=False)
    else:
        _write(report_file, rendered)
    if fail_under is not None:
        for s in scored:
            if s.card.total < fail_under:
                _say(lang, "score-below", label=s.card.label, total=s.card.total, minimum=fail_under)
        if any(s.card.total < fail_under for s in scored):
            raise SystemExit(ExitCode.FAILED)


def _write(path: Path, content: str) -> None:
    """Replace ``path`` with ``content`` atomically, or say why it could not be written."""
    _write_files(path.parent, {path.name: content})


def _write_files(folder: Path, files: dict[str, str]) -> None:
    """Write ``files`` (name → text) into ``folder`` all at once, or say why they could not be written."""
    from kasko_dcat.rdf.output import write_atomically

    try:
        write_atomically(folder, {name: text.encode("utf-8") for name, text in files.items()})
    except OSError as exc:
        raise KaskoError("cli-write-failed", path=exc.filename or folder, reason=exc.strerror or exc) from None


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the JSON Schemas to (the source files' first lines point to ../schemas).",
)
@lang_option
@click.pass_obj
def schema(lang: str, out_dir: Path) -> None:
    """Write the JSON Schema of each kind of source file, for editors that check YAML as it is typed.

    \b
    VS Code's YAML extension reads the '# yaml-language-server: $schema=…' line at the top of
    each source file and then completes field names and flags mistakes while you type. The
    schemas are made from the same rules kasko-dcat build enforces.
    """
    from kasko_dcat.model.schema import rendered

    files = rendered()
    _write_files(out_dir, files)
    _say(lang, "schema-written", path=out_dir, count=len(files))


@main.command()
@click.argument("query_arg", metavar="[QUERY|FILE]", required=False)
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries with what each answers.")
@click.option(
    "--catalog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Catalogue file to query (.nt, .ttl, .rdf, .jsonld). Default: output/catalog.nt.",
)
@click.option(
    "--source",
    "source_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Query a fresh in-memory build of this source folder instead of a built file; writes nothing.",
)
@base_iri_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for reading; csv and json are the W3C SPARQL 1.1 result formats.",
)
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="NAME=VALUE",
    help="Fix ?NAME to VALUE before the query runs: <https://…> is an IRI, anything else text. Repeatable.",
)
@lang_option
@click.pass_obj
def query(
    lang: str,
    query_arg: str | None,
    list_queries: bool,
    catalog: Path | None,
    source_dir: Path | None,
    base_iri: str | None,
    fmt: str,
    binds: tuple[str, ...],
) -> None:
    """Ask the catalogue a SPARQL question: a bundled query by name, a .rq file, or SPARQL text.

    \b
    Examples:
      kasko-dcat query --list
      kasko-dcat query systems-per-resource
      kasko-dcat query requests-for-system --bind system=oppilashuolto
      kasko-dcat query non-public-registers --format csv > registers.csv
      kasko-dcat query my-question.rq --format json
      kasko-dcat query 'SELECT ?d WHERE { ?d a dcat:Dataset }'
      kasko-dcat query gaps-28 --source source     (after editing source/, before building)

    \b
    The prefixes of the output (dcat, dct, tvk, vcard, …) are declared for every query. Queries
    are read-only: updates are refused. CONSTRUCT and DESCRIBE print Turtle. A bad query prints
    one line with its line and column, and exits with 2.
    """
    from kasko_dcat.query import bundled, results

    if list_queries:
        for name in bundled.names():
            entry = bundled.read(name)
            binds_hint = "".join(f"  [--bind {example}]" for example in entry.binds)
            click.echo(f"{name:<28} {entry.title(lang)}{binds_hint}")
        if not bundled.names():
            _say(lang, "query-no-bundled", path=bundled.QUERY_DIR)
        return
    if query_arg is None:
        raise KaskoError("query-missing")
    store = api.open_catalogue(catalog, source_dir, base_iri)
    body, rows = results.to_bytes(api.query(store, query_arg, binds), fmt)
    try:
        stdout = click.get_binary_stream("stdout")
        stdout.write(body)
        stdout.flush()
    except BrokenPipeError:  # the reader stopped early (| head): not an error, and no traceback at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    if rows is not None:
        _say(lang, "query-rows", count=rows)


@main.command()
@click.option(
    "--endpoint",
    envvar="KASKO_DCAT_PUBLISH_ENDPOINT",
    metavar="URL",
    help="The store's SPARQL 1.1 Graph Store Protocol endpoint (env KASKO_DCAT_PUBLISH_ENDPOINT).",
)
@click.option("--graph", metavar="IRI", help="Named graph to replace. Default: the catalogue's own IRI.")
@click.option(
    "--query-endpoint",
    metavar="URL",
    help="SPARQL query endpoint for the check. Default: derived from --endpoint (…/store → …/query, …).",
)
@click.option(
    "--ckan",
    metavar="URL",
    help="Write the datasets to this CKAN portal with its Action API instead (e.g. https://www.avoindata.fi/data).",
)
@click.option(
    "--organization",
    metavar="NAME",
    help="With --ckan: the portal's organisation (its name or id) that owns the datasets.",
)
@click.option(
    "--dry-run", is_flag=True, help="With --ckan: say what would be created, updated and removed; write nothing."
)
@click.option(
    "--catalog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Catalogue file to publish (.nt, .ttl, .rdf, .jsonld). Default: output/catalog.nt.",
)
@click.option("--attempts", type=click.IntRange(1, 20), default=5, show_default=True, help="Tries per request.")
@click.option(
    "--retry-delay",
    type=click.FloatRange(0, 60),
    default=1.0,
    show_default=True,
    help="Seconds before the first retry; doubled before each next one.",
)
@click.option("--timeout", type=click.FloatRange(0.1), default=60.0, show_default=True, help="Seconds per request.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@lang_option
@click.pass_context
def publish(
    ctx: click.Context,
    endpoint: str | None,
    graph: str | None,
    query_endpoint: str | None,
    ckan: str | None,
    organization: str | None,
    dry_run: bool,
    catalog: Path | None,
    attempts: int,
    retry_delay: float,
    timeout: float,
    quiet: bool,
) -> None:
    """Replace a named graph in a SPARQL store with the built catalogue, then check it by count.

    \b
    Examples:
      kasko-dcat publish --endpoint http://127.0.0.1:7878/store                  (Oxigraph)
      kasko-dcat publish --endpoint https://fuseki.example/kasko/data            (Fuseki)
      kasko-dcat publish --endpoint https://graphdb.example/repositories/kasko/rdf-graphs/service
      kasko-dcat publish --endpoint URL --graph https://data.example.fi/kasko/catalog --attempts 8

    \b
    The whole graph goes in one HTTP PUT, so readers see the old graph or the new one, never
    part of one. Connection failures and HTTP 429, 502, 503 and 504 are retried with exponential
    backoff. Credentials come only from the environment and are never printed:
      KASKO_DCAT_PUBLISH_USER and KASKO_DCAT_PUBLISH_PASSWORD   HTTP Basic
      KASKO_DCAT_PUBLISH_TOKEN                                  HTTP Bearer
    Publishes the built file as it is (run kasko-dcat build first; build --check keeps it fresh).

    \b
    To a CKAN portal such as avoindata.fi, with an API token of an editor of the organisation:
      KASKO_DCAT_CKAN_TOKEN=… kasko-dcat publish --ckan https://www.avoindata.fi/data --organization NAME
    creates and updates the datasets (package_create, package_update), removes those it published
    that the source no longer has, reads every one back, and says "nothing changed" when all match.
    --dry-run shows what it would do. The token is read only from KASKO_DCAT_CKAN_TOKEN.

    \b
    Exit codes: 0 published and checked; 1 the store's count (or a dataset read back from
    the portal) differs from what was sent; 2 a mistake on the command line or in the environment;
    4 the store or portal could not be reached or refused the request.
    """
    lang: str = ctx.obj
    if ckan is not None:
        from_environment = ctx.get_parameter_source("endpoint") == click.core.ParameterSource.ENVIRONMENT
        if (endpoint is not None and not from_environment) or graph or query_endpoint:
            raise KaskoError("ckan-endpoint-and-ckan")
        if not organization:
            raise KaskoError("ckan-no-organization-option")
        _publish_ckan(lang, ckan, organization, catalog, dry_run, attempts, retry_delay, timeout, quiet)
        return
    if endpoint is None:
        raise KaskoError("ckan-no-target")
    if organization or dry_run:
        raise KaskoError("ckan-options-need-ckan")
    found, graph_iri, url = api.publish(
        endpoint,
        graph=graph,
        query_endpoint=query_endpoint,
        catalog=catalog,
        environ=os.environ,
        attempts=attempts,
        retry_delay=retry_delay,
        timeout=timeout,
        on_retry=lambda code, params: _say(lang, code, **params),
    )
    if not quiet:
        _say(lang, "publish-done", count=found, graph=graph_iri, url=url)


_CKAN_STEPS = {
    (False, "create"): "ckan-did-create",
    (False, "update"): "ckan-did-update",
    (False, "delete"): "ckan-did-delete",
    (True, "create"): "ckan-would-create",
    (True, "update"): "ckan-would-update",
    (True, "delete"): "ckan-would-delete",
}
"""The line ``publish --ckan`` prints for each dataset it changes (or, ``--dry-run``, would change)."""


def _publish_ckan(
    lang: str,
    url: str,
    organization: str,
    catalog: Path | None,
    dry_run: bool,
    attempts: int,
    retry_delay: float,
    timeout: float,
    quiet: bool,
) -> None:
    """``publish --ckan``: a line per dataset created, updated or removed, then what was done."""
    outcome = api.publish_ckan(
        url,
        organization,
        catalog=catalog,
        environ=os.environ,
        dry_run=dry_run,
        attempts=attempts,
        retry_delay=retry_delay,
        timeout=timeout,
        on_retry=lambda code, params: _say(lang, "ckan-retrying", **params),
        on_step=lambda step, name: None if quiet else _say(lang, _CKAN_STEPS[dry_run, step], name=name),
    )
    if quiet:
        return
    counts = {step: len(names) for step, names in outcome.steps.items()}
    if dry_run:
        _say(lang, "ckan-dry-run", url=outcome.url, organization=organization, **counts)
    elif outcome.changed:
        _say(lang, "ckan-done", url=outcome.url, organization=organization, **counts)
    else:
        _say(lang, "ckan-nothing-changed", url=outcome.url, organization=organization, count=counts["unchanged"])


@main.command("import")
@click.argument("page")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the source to; it must be new or empty unless --force is given.",
)
@click.option("--force", is_flag=True, help="Replace a folder given as --out that is not empty.")
@click.option(
    "--diff", is_flag=True, help="Write nothing; list what the page adds, removes or changes against --source."
)
@source_option
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@lang_option
@click.pass_obj
def import_page(
    lang: str, page: str, out_dir: Path | None, force: bool, diff: bool, source_dir: Path, quiet: bool
) -> None:
    """Read an authority's § 28 description page into source YAML, or compare it with the source.

    \b
    PAGE is a text file (as copied from the page), an HTML file, or an http(s) address.
      kasko-dcat import page.html --out source-new     write a new source folder
      kasko-dcat import --diff https://…/page          what changed on the page (exit 1 if anything)
    Finnish texts are copied as the page writes them; sv/en are left for translators. Lines the
    importer cannot place are listed and written to unplaced.yaml in the folder with the reason;
    nothing is dropped: import-accounting.yaml gives every page line its one outcome (written into
    file:line, unplaced, or skipped with the reason). Each value carries '# page line N';
    import-report.txt and .html show each beside its page line. A name the page does not state
    (the authority's) is left empty to write, never guessed. The folder is written all at once,
    and only if the rest of it builds.
    """
    if out_dir is None and not diff:
        raise KaskoError("import-needs-out")
    imported = api.import_page(page)
    if diff:
        _diff(lang, imported, source_dir)
        return
    assert out_dir is not None
    api.write_import(imported, out_dir, force)
    if imported.page.whole_page:
        _say(lang, "import-whole-page", page=page, path=out_dir / "resources")
    if not imported.page.organisation:
        _say(lang, "import-no-authority", page=page, path=out_dir / "organisations.yaml")
    # Navigation left out (menus, skip links) is listed in unplaced.yaml with its reason, not printed.
    shown = [line for line in imported.page.unplaced if not line.furniture]
    for line in shown:
        _say(lang, "import-unplaced-line", page=page, line=line.number, text=line.text)
    if shown:
        _say(lang, "import-unplaced", count=len(shown), path=out_dir / "unplaced.yaml")
    if not quiet:
        built = imported.source
        _say(
            lang,
            "import-written",
            path=out_dir,
            resources=len(built.resources),
            registers=sum(len(resource.registers) for resource in built.resources),
            systems=len(built.systems),
            examples=len(built.examples),
            gaps=len(built.gaps),
        )


def _diff(lang: str, imported: Imported, source_dir: Path) -> None:
    kinds = {
        "resource": "diff-kind-resource",
        "description": "diff-kind-description",
        "contents": "diff-kind-contents",
        "register": "diff-kind-register",
        "system": "diff-kind-system",
        "feeds": "diff-kind-feeds",
        "channel": "diff-kind-channel",
        "example": "diff-kind-example",
        "search-key": "diff-kind-search-key",
    }
    codes = {"added": "diff-added", "removed": "diff-removed", "changed": "diff-changed"}
    found = api.diff_page(imported, source_dir)
    for item in found:
        fact = item.fact
        click.echo(
            render(
                codes[item.change],
                lang,
                {
                    "kind": render(kinds[fact.kind], lang, {}),
                    "owner": f" ({fact.owner})" if fact.owner else "",
                    "text": fact.shown,
                    "old": item.old,
                    "new": fact.value,
                },
            )
        )
    if found:
        _say(lang, "diff-count", count=len(found), source=source_dir)
        raise SystemExit(ExitCode.FAILED)
    _say(lang, "diff-none", source=source_dir)


@main.command()
@click.option(
    "--catalog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Catalogue file to serve (.nt, .ttl, .rdf, .jsonld). Default: output/catalog.nt.",
)
@click.option("--host", envvar="KASKO_DCAT_HOST", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", envvar="KASKO_DCAT_PORT", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port."
)
@click.option(
    "--base-iri",
    envvar="KASKO_DCAT_BASE_IRI",
    metavar="IRI",
    help="Public base IRI the server is reached at; links use it. Default: the catalogue's (env KASKO_DCAT_BASE_IRI).",
)
@click.option(
    "--page-size",
    envvar="KASKO_DCAT_PAGE_SIZE",
    type=click.IntRange(1, 1000),
    default=100,
    show_default=True,
    help="Datasets per catalogue page unless the client asks ?page_size= (at most 1000).",
)
@click.option(
    "--query-timeout",
    envvar="KASKO_DCAT_QUERY_TIMEOUT",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds a SPARQL query may run before it is stopped (HTTP 503).",
)
@click.option(
    "--result-limit",
    envvar="KASKO_DCAT_RESULT_LIMIT",
    type=click.IntRange(1),
    default=100_000,
    show_default=True,
    help="Most rows (or triples) a SPARQL answer may have; larger ones are refused (HTTP 400).",
)
@click.option(
    "--sparql-workers",
    envvar="KASKO_DCAT_SPARQL_WORKERS",
    type=click.IntRange(0, 64),
    default=2,
    show_default=True,
    help="Processes answering SPARQL queries, each with its own copy of the catalogue; 0 turns the endpoint off.",
)
@click.option(
    "--threads", type=click.IntRange(1, 256), default=8, show_default=True, help="Threads answering requests."
)
@click.option(
    "--sparql-queue",
    envvar="KASKO_DCAT_SPARQL_QUEUE",
    type=click.IntRange(0, 256),
    default=2,
    show_default=True,
    help="Queries that may wait for a busy worker; more get HTTP 503 with Retry-After at once.",
)
@click.option(
    "--query-memory-mb",
    envvar="KASKO_DCAT_QUERY_MEMORY_MB",
    type=click.IntRange(64),
    default=1024,
    show_default=True,
    help="Memory a SPARQL worker may use beyond the catalogue it holds (address-space cap, Linux).",
)
@click.option(
    "--cache-mb",
    envvar="KASKO_DCAT_CACHE_MB",
    type=click.IntRange(1),
    default=128,
    show_default=True,
    help="Megabytes of answers kept in memory (as much again for their gzipped copies).",
)
@click.option(
    "--max-connections",
    envvar="KASKO_DCAT_MAX_CONNECTIONS",
    type=click.IntRange(1),
    default=1000,
    show_default=True,
    help="Open connections held at once; beyond that new ones wait in the listen backlog.",
)
@click.option(
    "--idle-timeout",
    envvar="KASKO_DCAT_IDLE_TIMEOUT",
    type=click.FloatRange(1),
    default=15.0,
    show_default=True,
    help="Seconds a connection may send nothing before it is closed (slow clients).",
)
@click.option(
    "--min-send-rate",
    envvar="KASKO_DCAT_MIN_SEND_RATE",
    type=click.IntRange(0),
    default=4096,
    show_default=True,
    help="Bytes per second a client must take of an answer, measured over --idle-timeout; a slower one is cut off.",
)
@click.option(
    "--max-buffered-mb",
    envvar="KASKO_DCAT_MAX_BUFFERED_MB",
    type=click.IntRange(1),
    default=1024,
    show_default=True,
    help="Megabytes of answers handed to clients and not yet sent, over all connections; beyond it, HTTP 503.",
)
@click.option(
    "--grace",
    envvar="KASKO_DCAT_GRACE",
    type=click.FloatRange(0),
    default=30.0,
    show_default=True,
    help="Seconds a stop waits for requests already received to be answered.",
)
@click.option(
    "--warm/--no-warm",
    default=True,
    show_default=True,
    help="Answer the bundled queries (queries/*.rq) as SPARQL JSON at start, so their first request is cached.",
)
@click.option("--access-log/--no-access-log", default=True, show_default=True, help="Log each request to stderr.")
@lang_option
@click.pass_obj
def serve(
    lang: str,
    catalog: Path | None,
    host: str,
    port: int,
    base_iri: str | None,
    page_size: int,
    query_timeout: float,
    result_limit: int,
    sparql_workers: int,
    threads: int,
    sparql_queue: int,
    query_memory_mb: int,
    cache_mb: int,
    max_connections: int,
    idle_timeout: float,
    min_send_rate: int,
    max_buffered_mb: int,
    grace: float,
    warm: bool,
    access_log: bool,
) -> None:
    """Serve the built catalogue over HTTP: paged for harvesters, one page per IRI, and a SPARQL endpoint.

    \b
    Examples:
      kasko-dcat serve                                    http://127.0.0.1:8080/, links as built
      kasko-dcat serve --base-iri http://127.0.0.1:8080/  links to this server, for trying it out
      KASKO_DCAT_BASE_IRI=https://data.example.fi/kasko/ kasko-dcat serve --host 0.0.0.0

    \b
    Under the base IRI: catalog (Turtle, JSON-LD, RDF/XML, N-Triples or HTML by Accept, or
    catalog.ttl …; ?page=, ?page_size=, ?modified_since=), every IRI of the catalogue, sparql
    (SPARQL 1.1 Protocol, read-only), api/3/action/… (CKAN's Action API, read-only, in
    avoindata.fi's dataset schema: give the base IRI to a harvest source of type CKAN) and health.
    SIGTERM or Ctrl+C stops it after the requests in progress.
    """
    import logging

    from kasko_dcat.query import bundled, sparql
    from kasko_dcat.serve import app as server
    from kasko_dcat.serve import views
    from kasko_dcat.serve.endpoint import QueryPool

    if sparql_workers and sparql_workers + sparql_queue >= threads:
        raise KaskoError("serve-too-few-threads", threads=threads, queries=sparql_workers + sparql_queue)
    catalogue = views.open_served(catalog or sparql.default_catalogue(), base_iri)
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(message)s")
    logging.getLogger("kasko_dcat.access").setLevel(logging.INFO)
    pool = (
        QueryPool(
            catalogue.ntriples, sparql_workers, query_timeout, result_limit, sparql_queue, query_memory_mb * 2**20
        )
        if sparql_workers
        else None
    )
    settings = server.Settings(
        page_size=page_size,
        cache_bytes=cache_mb * 2**20,
        threads=threads,
        # Two threads always stay free of pages and queries: /health and cached pages answer at once.
        page_workers=max(1, threads - (sparql_workers + sparql_queue if sparql_workers else 0) - 2),
        owed_bytes=max_buffered_mb * 2**20,
    )
    app = server.App(catalogue, pool, settings)
    if warm and pool is not None:
        app.warm([bundled.read(name).text for name in bundled.names()])
    try:
        server.run(
            server.access_log(app) if access_log else app,
            host,
            port,
            threads,
            lambda url: _listening(lang, catalogue.base, len(catalogue.datasets), url, hint=base_iri is None),
            server.Limits(max_connections, idle_timeout, grace, min_send_rate),
        )
    except OSError as exc:
        raise KaskoError("serve-cannot-listen", host=host, port=port, reason=exc.strerror or exc) from None
    finally:
        if pool is not None:
            pool.close()
    _say(lang, "serve-stopped")


@main.command()
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Folder to write the site to.")
@click.option(
    "--catalog",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Catalogue file to make the pages from (.nt, .ttl, .rdf, .jsonld). Default: output/catalog.nt.",
)
@click.option(
    "--base-iri",
    envvar="KASKO_DCAT_BASE_IRI",
    metavar="IRI",
    help="Base IRI of the catalogue's own identifiers, as shown in the linked-data sections. Default: as built.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@lang_option
@click.pass_obj
def site(lang: str, out_dir: Path, catalog: Path | None, base_iri: str | None, quiet: bool) -> None:
    """Write the citizen site (the pages serve shows, in fi, sv and en) as static files.

    \b
    Example:
      kasko-dcat site --out public/kasko     then open public/kasko/index.html

    Links are relative, so the folder works in any subfolder of a web server and from disk;
    the four RDF files and the picture are written beside the pages. The folder is replaced
    all at once, and only if it is new, empty or an earlier site.
    """
    files = api.export_site(out_dir, catalog, base_iri)
    if not quiet:
        _say(lang, "site-written", count=files, path=out_dir)


def _listening(lang: str, base: str, datasets: int, url: str, hint: bool) -> None:
    """Say where the server listens; with no base IRI given, say how to make its links lead to it."""
    _say(lang, "serve-listening", count=datasets, base=base, url=url)
    if hint and not base.startswith(url):
        _say(lang, "serve-base-elsewhere", base=base, url=url)


def _not_a_number(value: float) -> float:
    raise click.BadParameter(f"{value} is not a number of megabytes", param_hint="--max-mb")


def _progress(lang: str, quiet: bool) -> api.Progress:
    """Say what a long run is doing, on a terminal only: CI logs and pipes get the results alone."""

    def say(code: str, **params: object) -> None:
        if not quiet and sys.stderr.isatty():
            _say(lang, code, **params)

    return say


def _say(lang: str, code: str, **params: object) -> None:
    click.echo(render(code, lang, {key: str(value) for key, value in params.items()}), err=True)
