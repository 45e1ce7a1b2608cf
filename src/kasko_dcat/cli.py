"""The ``kasko-dcat`` command line.

Exit codes, the same for every command: 0 success, 1 the check failed (``build --check`` found
``output/`` stale), 2 the source or the command line is wrong, 3 an internal error (a bug in
kasko-dcat). Messages go to stderr in Finnish or English (``--lang``, ``KASKO_DCAT_LANG`` or the
locale). Mistakes in the source are reported by file and line, never with a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from kasko_dcat import __version__
from kasko_dcat.messages import choose_lang, render

if TYPE_CHECKING:
    from kasko_dcat.source import Source

EXIT_OK, EXIT_FAILED, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
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
        if value is not None:
            ctx.obj = choose_lang(value)

    return click.option(
        "--lang",
        type=click.Choice(["fi", "en"]),
        expose_value=False,
        is_eager=True,
        callback=remember,
        help="Language of messages: fi or en (default: KASKO_DCAT_LANG, then the locale).",
    )(command)


class _Group(click.Group):
    """Turns an unexpected exception into one line and exit code 3, instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug, not the user's mistake
            if os.environ.get("KASKO_DCAT_DEBUG"):
                raise
            _say(ctx.obj or choose_lang(), "cli-internal-error", error=f"{type(exc).__name__}: {exc}")
            raise SystemExit(EXIT_INTERNAL) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kasko-dcat")
@lang_option
@click.pass_context
def main(ctx: click.Context) -> None:
    """Publish an authority's § 28 description of its information resources as DCAT-AP 3.0.1.

    \b
    The description lives in source/ as YAML (see source/README.md). Typical use:
      kasko-dcat build            write output/catalog.{ttl,jsonld,rdf,nt}
      kasko-dcat build --check    fail (exit 1) when output/ is out of date, for CI
      kasko-dcat gaps             list the facts the source leaves unknown

    \b
    Exit codes: 0 success, 1 check failed, 2 error in the source or the command line,
    3 internal error (a bug in kasko-dcat).
    """
    ctx.obj = ctx.obj or choose_lang()  # set already if --lang was given to the group


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
    printed with its file and line and nothing is written.
    """
    from kasko_dcat.formats import serialize_all
    from kasko_dcat.graph import build_graph
    from kasko_dcat.output import ReplaceError, stale_files, write_atomically

    source = _read(lang, source_dir, base_iri)
    graph = build_graph(source)
    files = serialize_all(graph)
    if check:
        try:
            stale = stale_files(output_dir, files)
        except OSError as exc:
            _say(lang, "cli-read-failed", path=exc.filename or output_dir, reason=exc.strerror or exc)
            raise SystemExit(EXIT_ERROR) from None
        for name in stale:
            _say(lang, "cli-stale", path=output_dir / name)
        if stale:
            raise SystemExit(EXIT_FAILED)
        if not quiet:
            _say(lang, "cli-up-to-date", output=output_dir)
        return
    try:
        result = write_atomically(output_dir, files)
    except ReplaceError as exc:
        _say(lang, "cli-replace-failed", path=exc.filename, reason=exc.strerror or exc)
        raise SystemExit(EXIT_ERROR) from None
    except OSError as exc:
        _say(lang, "cli-write-failed", path=exc.filename or output_dir, reason=exc.strerror or exc)
        raise SystemExit(EXIT_ERROR) from None
    if not quiet:
        _say(
            lang,
            "cli-built",
            datasets=len(source.datasets),
            triples=len(graph),
            written=len(result.written),
            unchanged=len(result.unchanged),
            output=output_dir,
        )
        if source.gaps:
            _say(lang, "cli-gaps", count=len(source.gaps))


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
    source = _read(lang, source_dir, base_iri)
    for gap in source.gaps:
        click.echo(gap.message(lang))
    _say(lang, "cli-gap-count", count=len(source.gaps))


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
    importer cannot place are listed and written to unplaced.yaml in the folder; nothing is
    dropped. The folder is written all at once, and only if it builds.
    """
    from kasko_dcat.importer import read_page
    from kasko_dcat.pagetext import PageError, decode, fetch, paragraphs
    from kasko_dcat.sourcewrite import render_source, write_source

    if out_dir is None and not diff:
        _say(lang, "import-needs-out")
        raise SystemExit(EXIT_ERROR)
    try:
        is_url = page.lower().startswith(("http://", "https://"))
        imported = read_page(paragraphs(decode(fetch(page)), page if is_url else None))
    except PageError as exc:
        _say(lang, exc.code, **exc.params)
        raise SystemExit(EXIT_ERROR) from None
    files = render_source(imported, page if is_url else None)
    built = _check_imported(files)
    if diff:
        _diff(lang, _read(lang, source_dir, None), built, source_dir)
        return
    assert out_dir is not None
    try:
        write_source(out_dir, files, force)
    except IsADirectoryError:
        _say(lang, "import-out-not-empty", path=out_dir)
        raise SystemExit(EXIT_ERROR) from None
    except FileExistsError:
        _say(lang, "import-out-not-folder", path=out_dir)
        raise SystemExit(EXIT_ERROR) from None
    except OSError as exc:
        _say(lang, "cli-write-failed", path=exc.filename or out_dir, reason=exc.strerror or exc)
        raise SystemExit(EXIT_ERROR) from None
    for line in imported.unplaced:
        _say(lang, "import-unplaced-line", page=page, line=line.number, text=line.text)
    if imported.unplaced:
        _say(lang, "import-unplaced", count=len(imported.unplaced), path=out_dir / "unplaced.yaml")
    if not quiet:
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


def _check_imported(files: dict[str, str]) -> Source:
    """Read the imported files as ``build`` would; one that does not build is a bug in the importer."""
    import tempfile

    from kasko_dcat.problems import SourceError
    from kasko_dcat.source import read_source

    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.items():
            (Path(folder) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(folder) / name).write_text(text, encoding="utf-8")
        try:
            return read_source(Path(folder))
        except SourceError as exc:
            raise RuntimeError(f"the imported source does not build: {exc.problems[0].message('en')}") from None


def _diff(lang: str, old: Source, new: Source, source_dir: Path) -> None:
    from kasko_dcat.pagediff import differences

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
    found = differences(old, new)
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
        raise SystemExit(EXIT_FAILED)
    _say(lang, "diff-none", source=source_dir)


def _read(lang: str, source_dir: Path, base_iri: str | None) -> Source:
    from kasko_dcat.problems import SourceError
    from kasko_dcat.source import read_source

    if not source_dir.is_dir():
        _say(lang, "cli-no-source", path=source_dir)
        raise SystemExit(EXIT_ERROR)
    try:
        return read_source(source_dir, base_iri)
    except SourceError as exc:
        for problem in exc.problems:
            click.echo(problem.message(lang), err=True)
        _say(lang, "cli-errors", count=len(exc.problems))
        raise SystemExit(EXIT_ERROR) from None


def _say(lang: str, code: str, **params: object) -> None:
    click.echo(render(code, lang, {key: str(value) for key, value in params.items()}), err=True)
