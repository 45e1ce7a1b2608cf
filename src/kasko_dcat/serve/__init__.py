"""``kasko-dcat serve``: the catalogue over HTTP.

The WSGI application and its routes (:mod:`~kasko_dcat.serve.app`; a new HTTP route is added
there), content negotiation, Hydra paging, the SPARQL endpoint's worker pool, the views of the
catalogue and the HTML pages.
"""
