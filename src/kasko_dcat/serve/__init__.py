"""``kasko-dcat serve``: the catalogue over HTTP.

The WSGI application and its routes (:mod:`~kasko_dcat.serve.app`; a new HTTP route is added
there), content negotiation, Hydra paging, the SPARQL endpoint's worker pool, the views of the
catalogue, and the citizen site: its page data (:mod:`~kasko_dcat.serve.site`), Jinja2
templates (``templates/``), interface texts (:mod:`~kasko_dcat.serve.ui`) and static export
(:mod:`~kasko_dcat.serve.export`).
"""
