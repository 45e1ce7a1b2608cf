"""avoindata.fi's own validators, loaded unchanged from the reference copy of ckanext-ytp.

``validators.py`` imports three things the copy cannot give: ``from . import plugin`` (whose module
imports a dozen avoindata.fi extensions), ``from .tools import check_package_deprecation`` (not in the
copy) and ``ckanext.showcase.model.ShowcaseAdmin`` (another extension). So the package it is loaded in is
made here: ``plugin`` holds only ``create_vocabulary`` and ``create_tag_to_vocabulary``, compiled from
the text of the copy's ``plugin.py``; ``tools.check_package_deprecation`` is written below after
vrk-kpa/opendata's ``tools.py`` (a dataset is deprecated when its ``valid_till`` has passed); no user is
a showcase admin.
"""

from __future__ import annotations

import ast
import importlib
import logging
import sys
import types
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import iso8601
from ckan.logic import NotFound
from ckan.plugins import toolkit

PACKAGE = "kasko_ckan_avoindata.ytp_reference"
PLUGIN_FUNCTIONS = ("create_vocabulary", "create_tag_to_vocabulary")


def check_package_deprecation(valid_till: Any) -> bool:
    if isinstance(valid_till, str):
        try:
            valid_till = iso8601.parse_date(valid_till)
        except iso8601.ParseError:
            return False
    if not valid_till or valid_till is toolkit.missing:
        return False
    return valid_till < datetime.now(UTC)


class ShowcaseAdmin:
    @staticmethod
    def is_user_showcase_admin(user: Any) -> bool:
        return False


def _module(name: str, **attributes: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attributes)
    sys.modules[name] = module
    return module


def load_validators(ytp_dir: Path) -> types.ModuleType:
    """avoindata.fi's ``validators`` module, from ``ytp_dir`` (ckanext-ytp's ``ckanext/ytp`` folder)."""
    if f"{PACKAGE}.validators" in sys.modules:
        return sys.modules[f"{PACKAGE}.validators"]
    _module(PACKAGE, __path__=[str(ytp_dir)])
    plugin = _module(
        f"{PACKAGE}.plugin",
        toolkit=toolkit,
        NotFound=NotFound,
        ValidationError=toolkit.ValidationError,
        log=logging.getLogger(f"{PACKAGE}.plugin"),
    )
    source = ytp_dir / "plugin.py"
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    wanted = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in PLUGIN_FUNCTIONS]
    assert sorted(n.name for n in wanted) == sorted(PLUGIN_FUNCTIONS), f"{source} changed"
    exec(compile(ast.Module(body=wanted, type_ignores=[]), str(source), "exec"), plugin.__dict__)
    _module(f"{PACKAGE}.tools", check_package_deprecation=check_package_deprecation)
    if "ckanext.showcase.model" not in sys.modules:
        _module("ckanext.showcase", __path__=[])
        _module("ckanext.showcase.model", ShowcaseAdmin=ShowcaseAdmin)
    return importlib.import_module(f"{PACKAGE}.validators")


def registered_validators(ytp_dir: Path, module: types.ModuleType) -> dict[str, Any]:
    """The names avoindata.fi registers its validators under, read from ``YTPDatasetForm.get_validators``
    in the copy's ``plugin.py`` (a dict of ``'name': validators.function``)."""
    source = ytp_dir / "plugin.py"
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    form = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "YTPDatasetForm")
    method = next(n for n in form.body if isinstance(n, ast.FunctionDef) and n.name == "get_validators")
    table = next(n.value for n in ast.walk(method) if isinstance(n, ast.Return))
    assert isinstance(table, ast.Dict), f"{source}: get_validators no longer returns a dict literal"
    return {
        key.value: getattr(module, value.attr)
        for key, value in zip(table.keys, table.values, strict=True)
        if isinstance(key, ast.Constant) and isinstance(value, ast.Attribute)
    }
