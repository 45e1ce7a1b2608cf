"""``kasko-dcat site``: the citizen site as static files, for any web server or the City's own site.

The pages are the ones ``serve`` shows, made by the same :class:`~kasko_dcat.serve.site.Site`
from the same loaded graph, with relative links (``../system/x.html``) so the folder works
anywhere: at a server's root, in a subfolder, or opened from disk (``file://``, which has no
directory index, so every link names its ``.html`` file). Search and SPARQL need a server and
are left out; the four RDF files of the whole catalogue are written beside the pages.

The folder is written beside its final place and renamed into it, so a reader never sees half
a site, and a failure leaves the old one untouched. A run killed between its two renames (the
old site moved aside, the new one not yet in place) leaves no site at all and its staging folders
behind; the next run first puts the old site back, then removes every staging folder an earlier
run left (only folders named as this module names them, empty or holding its :data:`MARK`).
The bytes depend only on the catalogue.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from kasko_dcat.i18n.languages import UI_LANGS
from kasko_dcat.rdf.formats import serialize_all
from kasko_dcat.rdf.namespaces import new_graph
from kasko_dcat.serve.site import SVG_NAME, Router, Site
from kasko_dcat.serve.views import Catalogue

MARK = ".kasko-dcat-site"
"""A file in every exported folder: only a folder holding it (or an empty one) is ever replaced."""


def site_files(catalogue: Catalogue) -> dict[str, bytes]:
    """Every file of the static site by its relative path: pages in fi/sv/en, the picture, the RDF."""
    site = Site(catalogue)
    base = catalogue.base
    files: dict[str, bytes] = {}
    datasets = site.of_type("dataset")
    systems = site.of_type("system")
    for lang in UI_LANGS:

        def router(path: str, lang: str = lang) -> Router:
            return Router(base, lang, path, static=True)

        files[f"{lang}/index.html"] = site.front_page(router(""))
        files[f"{lang}/request.html"] = site.request_page(router("request"))
        files[f"{lang}/system.html"] = site.systems_page(router("system"))
        files[f"{lang}/picture.html"] = site.picture_page(router("picture"))
        files[f"{lang}/quality.html"] = site.quality_page(router("quality"))
        files[f"{lang}/{SVG_NAME}"] = site.picture_svg(lang)
        for iri in (*datasets, *systems):
            path = site.site_path(iri)
            if path is not None:
                files[f"{lang}/{path}.html"] = site.page_for(router(path), iri)
    files["index.html"] = site.language_page()
    graph = new_graph()
    graph.parse(data=catalogue.ntriples.decode("utf-8"), format="nt")
    files.update(serialize_all(graph))
    files[MARK] = b"kasko-dcat static site\n"
    return dict(sorted(files.items()))


def write_site(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` as the folder ``out_dir``, all at once (see the module docstring).

    Raises :class:`FileExistsError` when ``out_dir`` is a file or a folder that is neither empty
    nor an earlier export, which is never replaced.
    """
    _recover(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / MARK).exists())):
        raise FileExistsError(str(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.", suffix=".new"))
    try:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for directory in (staging, *(p for p in staging.rglob("*") if p.is_dir())):
            os.chmod(directory, 0o755)  # mkdtemp makes 0700; a web server must read the folder
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.", suffix=".old"))
        os.replace(out_dir, old / "site")
    try:
        os.replace(staging, out_dir)
    except OSError:
        if old is not None:  # put the previous site back where it was
            os.replace(old / "site", out_dir)
            shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _recover(out_dir: Path) -> None:
    """Undo what a killed earlier run left: the old site moved aside and not back, staging folders."""
    if not out_dir.parent.is_dir():
        return
    leftovers = sorted(
        (p for p in out_dir.parent.glob(f".{out_dir.name}.*") if p.suffix in (".new", ".old") and p.is_dir()),
        key=lambda p: p.stat().st_mtime,
    )
    ours = [p for p in leftovers if not any(p.iterdir()) or (p / MARK).exists() or (p / "site" / MARK).exists()]
    if not out_dir.exists():
        moved = [p / "site" for p in ours if p.suffix == ".old" and (p / "site" / MARK).exists()]
        if moved:
            os.replace(moved[-1], out_dir)
    for path in ours:
        shutil.rmtree(path, ignore_errors=True)
