"""The § 28 description as typed objects, and the one graph built from them.

One module per kind of thing (catalogue, organisations, contacts and request channels, datasets,
the request route as a distribution, systems, legislation, worked examples). Each declares its
source fields and the predicate each becomes, parses its block and emits its triples;
:mod:`~kasko_dcat.model.description` reads the whole ``source/`` folder and
:mod:`~kasko_dcat.model.graph` turns it into one canonical rdflib graph.
"""
