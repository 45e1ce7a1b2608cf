"""Reading ``source/``: YAML with line numbers, the rules of each field, and the problems found.

Everything here is about the files civil servants edit and the words used to tell them what is
wrong; nothing here knows RDF beyond checking that a code names a vocabulary term. The model
(:mod:`kasko_dcat.model`) declares which fields each block has and reads them through
:class:`~kasko_dcat.source.fields.Fields`.
"""
