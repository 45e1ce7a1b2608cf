"""Compare ``kasko-dcat score`` with an open MQA implementation, BeOpen-project/mqa-scoring, dimension by dimension.

Its code is not part of this repository: give a checkout of it (``--beopen DIR``) and a Python
that has its own dependencies (``--python``: rdflib 5.0.0 and requests, as its requirements.txt
pins). Each catalogue — the real one, the real source grown to 100 datasets by bench/synthetic.py,
and the synthetic catalogues of tests/mqa_catalogues.py, whose fields are removed on purpose — is
scored by ``kasko-dcat score`` and by BeOpen's ``main()``,
offline (a socket timeout of 2 s; data.europa.eu's validator and every address are unreachable
here, as in CI). BeOpen reads RDF/XML by cutting the text at ``<dcat:Dataset`` and
``<dcat:distribution>``, so each catalogue is given to it nested as data.europa.eu writes it
(the same triples; see :func:`nested_rdfxml`). Its web framework, database and object store are
replaced by empty stand-ins; nothing of its scoring is changed.

    python bench/compare_mqa.py --beopen /tmp/mqa-scoring --python /tmp/beopen-venv/bin/python \\
        [--out bench/mqa-comparison.json]

Prints one line per catalogue and dimension: ours, BeOpen's and the difference. The README
("Quality score") explains every difference; this script does not judge.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, RDF

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.mqa_catalogues import VARIANTS  # noqa: E402

DIMENSIONS = ("findability", "accessibility", "interoperability", "reusability", "contextuality")

RUNNER = r"""
import asyncio, json, re, socket, sys, types
socket.setdefaulttimeout(2)
for name in ("fastapi", "pydantic", "bson", "bson.objectid", "pymongo_get_database", "minio_manager", "aiohttp"):
    sys.modules[name] = types.ModuleType(name)
class _Router:
    def post(self, *a, **k):
        return lambda f: f
sys.modules["fastapi"].APIRouter = _Router
for attr in ("BackgroundTasks", "UploadFile", "HTTPException"):
    setattr(sys.modules["fastapi"], attr, object)
sys.modules["fastapi"].File = lambda *a, **k: None
sys.modules["pydantic"].BaseModel = object
sys.modules["bson.objectid"].ObjectId = str
sys.modules["pymongo_get_database"].get_database = lambda: None
sys.path.insert(0, ".")
import mqa_submits
xml = open(sys.argv[1], encoding="utf-8").read()
starts = [m.start() for m in re.finditer("(?=<dcat:Dataset)", xml)]
ends = [m.start() for m in re.finditer("(?=</dcat:Dataset>)", xml)]
closing = 2 if xml.rfind("<?xml", None, 10) != -1 else 1
pre = xml[: mqa_submits.find_nth(xml, ">", closing)] + ">"
result = asyncio.run(mqa_submits.main(xml, pre, starts, ends, None, None, None))
print(json.dumps(result.score))
"""


def _qname(graph: Graph, iri: URIRef) -> str:
    prefix, _, local = graph.namespace_manager.compute_qname(str(iri))
    return f"{prefix}:{local}"


def _properties(graph: Graph, subject: URIRef | BNode, skip: set[URIRef], indent: str) -> list[str]:
    out = []
    for p, o in sorted(graph.predicate_objects(subject), key=lambda po: (str(po[0]), str(po[1]))):
        if p in skip or (p, o) in {(RDF.type, DCAT.Catalog), (RDF.type, DCAT.Dataset), (RDF.type, DCAT.Distribution)}:
            continue
        tag = _qname(graph, p)
        if isinstance(o, Literal):
            attrs = f" xml:lang={quoteattr(o.language)}" if o.language else ""
            attrs += f" rdf:datatype={quoteattr(str(o.datatype))}" if o.datatype else ""
            out.append(f"{indent}<{tag}{attrs}>{escape(str(o))}</{tag}>")
        elif isinstance(o, BNode):
            out.append(f"{indent}<{tag} rdf:nodeID={quoteattr(str(o))}/>")
        else:
            out.append(f"{indent}<{tag} rdf:resource={quoteattr(str(o))}/>")
    return out


def _about(node: URIRef | BNode) -> str:
    return f"rdf:nodeID={quoteattr(str(node))}" if isinstance(node, BNode) else f"rdf:about={quoteattr(str(node))}"


def nested_rdfxml(graph: Graph) -> str:
    """The catalogue as data.europa.eu's RDF/XML nests it: datasets in the catalogue, distributions in them.

    Everything else (agents, periods, laws …) follows as plain descriptions, so no triple is lost.
    """
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
    ):
        graph.bind(prefix, namespace, override=True, replace=True)
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    datasets = sorted(graph.objects(catalog, DCAT.dataset), key=str)
    nested = {catalog, *datasets, *(d for s in datasets for d in graph.objects(s, DCAT.distribution))}
    body = [f"  <dcat:Catalog {_about(catalog)}>", *_properties(graph, catalog, {DCAT.dataset}, "    ")]
    for dataset in datasets:
        body += ["    <dcat:dataset>", f"      <dcat:Dataset {_about(dataset)}>"]
        body += _properties(graph, dataset, {DCAT.distribution}, "        ")
        for distribution in sorted(graph.objects(dataset, DCAT.distribution), key=str):
            body += ["        <dcat:distribution>", f"          <dcat:Distribution {_about(distribution)}>"]
            body += _properties(graph, distribution, set(), "            ")
            body += ["          </dcat:Distribution>", "        </dcat:distribution>"]
        body += ["      </dcat:Dataset>", "    </dcat:dataset>"]
    body.append("  </dcat:Catalog>")
    for subject in sorted({s for s in graph.subjects() if s not in nested}, key=str):
        body.append(f"  <rdf:Description {_about(subject)}>")
        body += _properties(graph, subject, set(), "    ")
        body.append("  </rdf:Description>")
    spaces = " ".join(f"xmlns:{p}={quoteattr(str(n))}" for p, n in sorted(graph.namespaces()) if p)
    head = f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF {spaces}>'
    return "\n".join([head, *body, "</rdf:RDF>"]) + "\n"


def ours(path: Path, cwd: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "kasko_dcat", "score", str(path), "--format", "json", "--source", str(cwd / "none")],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    doc = json.loads(done.stdout)["mqa"][0]
    return {**{name: doc["dimensions"][name]["points"] for name in DIMENSIONS}, "total": doc["total"]}


def theirs(xml: Path, beopen: Path, python: str) -> dict[str, float]:
    done = subprocess.run([python, "-c", RUNNER, str(xml)], cwd=beopen, capture_output=True, text=True, check=True)
    score = json.loads(done.stdout.strip().splitlines()[-1])
    return {**{name: score[name] for name in DIMENSIONS}, "total": score["overall"]}


def synthetic_source(datasets: int = 100) -> Graph:
    """The real source grown to ``datasets`` datasets by bench/synthetic.py (no temporal, no dates), built."""
    from kasko_dcat import api

    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import make_source

    with tempfile.TemporaryDirectory() as tmp:
        return api.build(make_source(datasets, Path(tmp) / "source")).graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--beopen", type=Path, required=True, help="a checkout of BeOpen-project/mqa-scoring")
    parser.add_argument("--python", required=True, help="a Python with rdflib 5.0.0 and requests")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    catalogues = {
        "real (output/catalog.ttl)": lambda: Graph().parse(ROOT / "output" / "catalog.ttl"),
        "synthetic source, 100 datasets (bench/synthetic.py)": synthetic_source,
    }
    catalogues.update({f"synthetic {name}": make for name, make in VARIANTS.items()})
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for number, (name, make) in enumerate(catalogues.items()):
            graph = make()
            ttl, xml = folder / f"{number}.ttl", folder / f"{number}.rdf"
            graph.serialize(ttl, format="turtle")
            xml.write_text(nested_rdfxml(graph), "utf-8")
            assert len(Graph().parse(xml, format="xml")) == len(graph), "the nested RDF/XML lost triples"
            figures[name] = {"kasko-dcat": ours(ttl, folder), "beopen": theirs(xml, args.beopen, args.python)}
            a, b = figures[name]["kasko-dcat"], figures[name]["beopen"]
            cells = "  ".join(f"{key[:5]} {a[key]:g}/{b[key]:g}" for key in (*DIMENSIONS, "total"))
            print(f"{name:<40} {cells}")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
