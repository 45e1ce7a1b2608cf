"""Test-only CKAN plugins that make a CKAN 2.11.5 take datasets in as avoindata.fi does.

Used by ``tests/test_avoindata_ckan.py`` only; installed into ``.ckan-avoindata-venv`` by
``tests/ckan_avoindata/setup.sh``. avoindata.fi's own extension (ckanext-ytp, GitHub vrk-kpa/opendata,
MIT) cannot be installed whole: its ``plugin.py`` imports a dozen extensions of theirs. So:

- ``ytp``: loads avoindata.fi's unchanged ``validators.py`` from the reference copy in
  ``../shared/reference/avoindata-fi/ckanext-ytp/`` (path in the CKAN option ``kasko_avoindata.ytp_dir``);
  the two functions it calls from their ``plugin.py`` (``create_vocabulary``,
  ``create_tag_to_vocabulary``) are taken from that file's own text; what it imports from files the copy
  lacks (``tools.check_package_deprecation``, ``ckanext.showcase``) is written here.
- ``fluent``: our own implementation of the four ckanext-fluent validators the schema uses, with the
  behaviour of upstream ckan/ckanext-fluent (PyPI's 1.0.0 is Python 2 only and has no
  ``fluent_core_translated_output``).
- ``plugin``: the validators and helpers for scheming, and the no-search-index set-up (no Solr here).
- ``harvester``: ckanext-harvest 1.6.3's CKANHarvester plus the ``validate_packages`` source option of
  avoindata.fi's fork (vrk-kpa/ckanext-harvest).
"""
