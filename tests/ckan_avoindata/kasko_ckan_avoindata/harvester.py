"""ckanext-harvest 1.6.3's CKAN harvester with avoindata.fi's ``validate_packages`` source option.

avoindata.fi runs a fork of ckanext-harvest (vrk-kpa/ckanext-harvest, pinned in its ``.gitmodules``)
whose CKANHarvester takes ``"validate_packages": true`` in the source's configuration: each dataset is
validated against the portal's schema before the import stage saves it. Their keyword validator
(``create_fluent_tags``) creates vocabulary tags with ``tag_create``, which commits the database
session; during the import stage that commit comes after ckanext-harvest has written the harvest
object with its foreign key to the not-yet-created dataset deferred, so the commit fails and every
dataset with a keyword new to the portal is lost. Validating first creates the tags before that point.
PyPI has only ckanext-harvest 1.6.3, without the option; this subclass adds it (our code, after the
fork's description) and keeps the harvester's name ``ckan``, so a source of type ``ckan`` uses it.
"""

from __future__ import annotations

import json
from typing import Any

from ckan import model
from ckan.lib import plugins as lib_plugins
from ckan.logic import NotFound
from ckanext.harvest.harvesters.ckanharvester import CKANHarvester


class AvoindataCKANHarvester(CKANHarvester):
    def validate_config(self, config: str) -> str:
        config = super().validate_config(config)
        if config and not isinstance(json.loads(config).get("validate_packages", False), bool):
            raise ValueError("validate_packages must be boolean")
        return config

    def _create_or_update_package(
        self, package_dict: dict[str, Any], harvest_object: Any, package_dict_form: str = "rest"
    ):
        if self.config and self.config.get("validate_packages"):
            errors = self._schema_errors(package_dict)
            if errors:
                self._save_object_error(
                    f"Invalid package with GUID {harvest_object.guid}: {errors!r}", harvest_object, "Import"
                )
                return None
        return super()._create_or_update_package(package_dict, harvest_object, package_dict_form)

    def _schema_errors(self, package_dict: dict[str, Any]) -> dict[str, Any]:
        package_plugin = lib_plugins.lookup_package_plugin(package_dict.get("type") or "dataset")
        context = {"model": model, "session": model.Session, "user": self._get_user_name()}
        try:
            existing = self._find_existing_package(package_dict)
        except NotFound:
            schema, action = package_plugin.create_package_schema(), "package_create"
        else:
            modified = package_dict.get("metadata_modified")
            if modified is not None and modified <= (existing.get("metadata_modified") or ""):
                return {}  # the import stage will leave it unchanged
            schema, action = package_plugin.update_package_schema(), "package_update"
        _, errors = lib_plugins.plugin_validate(package_plugin, context, dict(package_dict), schema, action)
        return errors
