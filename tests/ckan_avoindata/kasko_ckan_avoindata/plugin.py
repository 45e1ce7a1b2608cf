"""Two CKAN plugins for the avoindata.fi test portal: the schema's validators, and no search index.

``kasko_avoindata_schema`` registers, for ckanext-scheming 3.1.0, avoindata.fi's validators (their
``validators.py`` from ``kasko_avoindata.ytp_dir``, under the names their ``plugin.py`` gives), our
implementation of the ckanext-fluent validators (``fluent.py``) and the one template helper the dataset
schema calls while validating, ``scheming_highvalue_category_list`` (avoindata.fi's ``helpers.py`` is not
in the copy; its choices here are the categories avoindata.fi's ``ckan.ini.j2`` lists under
``ckanext.spatial.harvest.highvalue_categories``, given in the option of that name).

``kasko_no_search_index``: no Solr server can be installed on these machines, so every search-index
write is a no-op, the way CKAN's own ``NoopSearchIndex`` is one (CKAN 2.11 ``ckan/lib/search``): the
package index becomes ``NoopSearchIndex``; ``tag_create``, whose answer lists the tag's datasets by a
search, answers without that list (``tag_dictize``'s default ``include_datasets`` becomes False; the
only caller relying on that default is ``tag_create``); ckanext-harvest's ``harvest_source_reindex``,
which writes to Solr directly, does nothing. Searches are not faked: ``package_search``, the dataset
page (it counts the organisation's datasets by search) and ``organization_show`` with a dataset count
fail as they would with Solr down.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ckan.lib.dictization.model_dictize as model_dictize
import ckan.lib.search as search
import ckan.plugins as plugins
from ckan.lib.search.index import NoopSearchIndex
from ckan.logic import auth_audit_exempt
from ckan.plugins import toolkit

from . import fluent, ytp


class AvoindataSchemaPlugin(plugins.SingletonPlugin):
    plugins.implements(plugins.IValidators)
    plugins.implements(plugins.ITemplateHelpers)

    def get_validators(self) -> dict[str, Any]:
        ytp_dir = Path(toolkit.config.get("kasko_avoindata.ytp_dir") or "")
        if not (ytp_dir / "validators.py").is_file():
            raise RuntimeError(f"kasko_avoindata.ytp_dir: no validators.py in {ytp_dir!s}")
        module = ytp.load_validators(ytp_dir)
        return {**fluent.VALIDATORS, **ytp.registered_validators(ytp_dir, module)}

    def get_helpers(self) -> dict[str, Any]:
        return {"scheming_highvalue_category_list": highvalue_categories}


def highvalue_categories(field: dict[str, Any] | None = None) -> list[dict[str, str]]:
    names = toolkit.aslist(toolkit.config.get("ckanext.spatial.harvest.highvalue_categories"))
    return [{"value": name, "label": name} for name in names]


class NoSearchIndexPlugin(plugins.SingletonPlugin):
    plugins.implements(plugins.IConfigurable)
    plugins.implements(plugins.IActions)

    def configure(self, config: Any) -> None:
        search._INDICES["package"] = NoopSearchIndex  # CKAN's table of index classes
        model_dictize.tag_dictize.__defaults__ = (False,)

    def get_actions(self) -> dict[str, Any]:
        return {"harvest_source_reindex": harvest_source_reindex}


@toolkit.chained_action
@auth_audit_exempt
def harvest_source_reindex(original: Any, context: dict[str, Any], data_dict: dict[str, Any]) -> bool:
    """ckanext-harvest refreshes the source's Solr document after every job: a no-op without Solr."""
    toolkit.get_or_bust(data_dict, "id")
    return True
