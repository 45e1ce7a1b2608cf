"""Importing an authority's published § 28 page into a new ``source/`` folder, stage by stage.

Blocks: the page as numbered lines and paragraphs (:mod:`~kasko_dcat.importer.pagetext`,
furniture lines listed as skipped). Kinds: each block navigation, law text or content, by scored
features with the reason kept (:mod:`~kasko_dcat.importer.kinds`). Facts: the authority
(:mod:`~kasko_dcat.importer.authority`), contacts wherever written
(:mod:`~kasko_dcat.importer.contacts`) and the § 28 items (:mod:`~kasko_dcat.importer.reader`), from
content blocks only. Placement: the YAML files, with what has no place in ``unplaced.yaml`` and its
reason (:mod:`~kasko_dcat.importer.writer`). Accounting and review: every page line given exactly
one outcome, written, unplaced or skipped (:mod:`~kasko_dcat.importer.accounting`, with the words of
:mod:`~kasko_dcat.importer.coverage`), each value beside its page line
(:mod:`~kasko_dcat.importer.report`). Also: comparing a page with an existing source
(:mod:`~kasko_dcat.importer.diff`) and the check ``validate`` runs for names that look like page
furniture (:mod:`~kasko_dcat.importer.furniture`).
"""
