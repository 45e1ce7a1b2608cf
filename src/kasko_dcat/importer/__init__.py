"""Importing an authority's published § 28 page into a new ``source/`` folder.

Page text (:mod:`~kasko_dcat.importer.pagetext`), reading it into parts of the model
(:mod:`~kasko_dcat.importer.reader`), writing those as YAML (:mod:`~kasko_dcat.importer.writer`),
and comparing a page with an existing source (:mod:`~kasko_dcat.importer.diff`).
"""
