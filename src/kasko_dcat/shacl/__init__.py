"""SHACL validation: the engine, identity-code detection, findings tied to the source, and reports.

:mod:`~kasko_dcat.shacl.engine` evaluates shapes; :mod:`~kasko_dcat.shacl.validate` loads the
shapes that ship with kasko-dcat and turns results into findings a civil servant can act on;
:mod:`~kasko_dcat.shacl.report` renders them as text, JSON, Turtle or JUnit XML.
"""
