"""Questions and answers over the built catalogue.

Embedded SPARQL (:mod:`~kasko_dcat.query.sparql`), the bundled queries
(:mod:`~kasko_dcat.query.bundled`), result formats (:mod:`~kasko_dcat.query.results`), and
publishing the catalogue to a SPARQL store (:mod:`~kasko_dcat.query.publish`).
"""
