"""Which shapes of a shapes graph are ill-formed, by SHACL's own shapes for shapes.

SHACL § 3.4 leaves ill-formed shapes to the processor; pySHACL refuses some, and an engine that
runs them anyway reads them in its own way: a ``sh:property`` value without ``sh:path`` ran as a
node shape, its ``sh:minCount`` silently meaningless. The recommendation's Appendix C,
"SHACL for SHACL" (shacl-shacl, as pySHACL ships it), states the syntax rules as Core shapes, so
this engine validates the shapes graph with them first: a property shape without ``sh:path``, two
values of ``sh:datatype`` (``sh:maxCount 1``), a ``sh:nodeKind`` outside the six kinds, a
malformed list or path … each is a result naming the shape.

One exemption, from the W3C Core test suite itself (``path/path-strange-002``): a path node that
is a list and also carries ``sh:inversePath`` etc. is read as the sequence, as that test expects
validation (not refusal) of it; shacl-shacl is asked about the list alone.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Namespace, URIRef
from rdflib.term import Node

from kasko_dcat.rdf.namespaces import RDF, SH

if TYPE_CHECKING:
    from kasko_dcat.shacl.engine import ShapesGraph

_SHSH = Namespace("http://www.w3.org/ns/shacl-shacl#")
_PATH_PREDICATES = (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)

_WHAT = {
    SH.MinCountConstraintComponent: "is missing",
    SH.NodeKindConstraintComponent: "is not of the kind SHACL requires",
    SH.DatatypeConstraintComponent: "has a value of the wrong datatype",
    SH.InConstraintComponent: "has a value SHACL does not allow",
    SH.XoneConstraintComponent: "is neither a well-formed node shape nor a property shape",
    SH.NodeConstraintComponent: "is not well formed",
    SH.OrConstraintComponent: "is not well formed",
    SH.HasValueConstraintComponent: "is not well formed",
}


@cache
def _shacl_shacl() -> ShapesGraph:
    """SHACL's shapes for shapes, compiled once per process (the engine imports this module lazily)."""
    from kasko_dcat.rdf.reading import parse_exact
    from kasko_dcat.shacl.engine import ShapesGraph

    graph = Graph()
    parse_exact(graph, data=_shacl_shacl_path().read_text("utf-8"), format="turtle")
    return ShapesGraph(graph, checked=False)


def _shacl_shacl_path() -> Path:
    """The shacl-shacl.ttl pySHACL ships, found by its package's spec: importing pySHACL costs 80 ms (its SPARQL).

    ``importlib.resources.files("pyshacl")`` would import the package. pySHACL is a dependency, so its
    copy stays the one reference this module names, rather than a second copy shipped here to keep in step.
    """
    spec = find_spec("pyshacl")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pySHACL, whose shacl-shacl.ttl the shapes are checked with, is not installed")
    return Path(spec.submodule_search_locations[0], "assets", "shacl-shacl.ttl")


def ill_formed(shapes: Graph) -> dict[Node, list[str]]:
    """Each ill-formed shape (or other node) of ``shapes`` → what is wrong with it, in English."""
    from kasko_dcat.shacl.engine import DataGraph, Validator, validate

    checker = _shacl_shacl()
    graph = shapes
    strange = [
        (s, p, o) for p in _PATH_PREDICATES for s, o in shapes.subject_objects(p) if (s, RDF.first, None) in shapes
    ]
    if strange:
        graph = Graph()
        for triple in shapes:
            graph.add(triple)
        for triple in strange:
            graph.remove(triple)
    found: dict[Node, list[str]] = {}
    data = DataGraph.of(graph)  # indexed once, for the run and for the details below
    results = validate(data, checker)
    validator = Validator(checker, data)
    for result in list(results):
        if result.component == SH.XoneConstraintComponent and result.value == result.focus:
            # "neither a node shape nor a property shape": say what makes it not the kind it claims
            kind = _SHSH.PropertyShapeShape if (result.focus, SH.path, None) in graph else _SHSH.NodeShapeShape
            detail = list(validator.check(checker.shape(kind), result.focus))
            if detail:
                results.remove(result)
                results.extend(detail)
    for result in results:
        where = _term(result.path.iri) if result.path is not None and result.path.kind == "pred" else "the shape"
        what = _WHAT.get(result.component, f"breaks {_term(result.component)}")
        if result.component == SH.MaxCountConstraintComponent:
            most = checker.graph.value(result.shape, SH.maxCount)
            what = (
                "is not allowed on a node shape (a shape without sh:path, or a value of sh:node)"
                if str(most) == "0"
                else f"has more than {most} value"
            )
        reason = f"{where} {what}"
        if result.value is not None and result.value != result.focus:
            reason += f" ({result.value.n3()})"
        if reason not in found.setdefault(result.focus, []):
            found[result.focus].append(reason)
    return found


def _term(node: Node) -> str:
    return f"sh:{node.removeprefix(str(SH))}" if isinstance(node, URIRef) and node.startswith(str(SH)) else node.n3()
