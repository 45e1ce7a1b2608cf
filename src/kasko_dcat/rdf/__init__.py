"""RDF plumbing shared by every stage: namespaces, minted IRIs, vocabularies, formats and files.

The format registry (:mod:`~kasko_dcat.rdf.formats`) is the one list of RDF serialisations that
build, validate, query, publish and serve read; :mod:`~kasko_dcat.rdf.output` writes files
atomically.
"""
