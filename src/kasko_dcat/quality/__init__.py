"""data.europa.eu's Metadata Quality Assessment (MQA), computed offline before publishing.

This package owns the score a harvester will give the catalogue: the MQA's indicators and their
points declared once as rows (:mod:`.indicators`), the EU tables they are judged against
(:mod:`.vocabularies`, files in ``data/eu-vocabularies/`` with their source and licence), the
computation per dataset and distribution and the catalogue's points per dimension with its band
(:mod:`.scoring`), the two network indicators (:mod:`.urls`, only when asked), what to fill in
to gain points and where (:mod:`.gains`, which reuses ``validate``'s map from RDF back to source
lines), and the text, JSON and W3C DQV renderings (:mod:`.render`). It owns no facts about Kasko:
a point the source cannot earn without inventing a fact is reported as a gap, never filled in.
"""
