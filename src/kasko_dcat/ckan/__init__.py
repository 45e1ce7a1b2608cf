"""The catalogue as CKAN sees it: avoindata.fi's dataset dicts, the read-only Action API, publishing by API.

avoindata.fi takes catalogues in through CKAN's Action API, not through RDF: its only RDF
profile parses nothing, and its harvesters that work (``ckan_harvester``, ``hri_harvester``) read
another CKAN's ``package_search`` and ``package_show``. This package owns that route:

- :mod:`~kasko_dcat.ckan.dicts`: the mapping from the built catalogue to dataset, resource,
  organisation and group dicts that follow avoindata.fi's scheming schema
  (``ckanext-ytp/schemas/dataset.json``), declared as rows (CKAN field, where from, kind) and read
  from the same graph ``serve`` holds, so the RDF and the CKAN face cannot disagree; the licence
  list; the choices made where the source lacks a value the portal requires;
- :mod:`~kasko_dcat.ckan.action`: the read-only part of the Action API v3 that CKAN harvesters
  call (``package_search`` with ``q``, ``fq``, ``rows``, ``start``, ``sort``; ``package_show``; …),
  answered in CKAN's envelope; ``serve`` routes ``/api/3/action/…`` here;
- :mod:`~kasko_dcat.ckan.publish`: ``publish --ckan``, which writes the same dicts to a portal with
  ``package_create`` / ``package_update``, removes what the source no longer has and reads every
  dataset back;
- :mod:`~kasko_dcat.ckan.gaps`: the values avoindata.fi requires that the source lacks, for
  ``kasko-dcat gaps``.
"""
