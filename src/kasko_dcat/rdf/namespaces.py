"""Every namespace and prefix kasko-dcat writes, in one place.

Serialisers, the JSON-LD context, tests and the ontology all take their prefixes
from ``PREFIXES`` so a prefix cannot drift between output formats.
"""

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, VANN, XSD

DCATAP = Namespace("http://data.europa.eu/r5r/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
# Paging of the served catalogue (``serve``); not in PREFIXES, since built files never use it.
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
SDO = Namespace("https://schema.org/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

# The § 28 vocabulary of this repository (ontology/tvk.ttl). The namespace is provisional
# until it is published at a permanent address; see ontology/README.md.
TVK = Namespace("https://kasko-dcat.example/ns/tvk#")
# Our SHACL shapes (shapes/*.ttl): every shape has a stable IRI here, provisional like TVK.
TVKS = Namespace("https://kasko-dcat.example/ns/tvk-shapes#")

# EU Publications Office authority tables and the ADMS publisher-type scheme.
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"

PREFIXES: dict[str, Namespace] = {
    "dcat": Namespace(str(DCAT)),
    "dcatap": DCATAP,
    "dct": Namespace(str(DCTERMS)),
    "eli": ELI,
    "foaf": Namespace(str(FOAF)),
    "org": Namespace(str(ORG)),
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "schema": SDO,
    "skos": Namespace(str(SKOS)),
    "tvk": TVK,
    "vann": Namespace(str(VANN)),
    "vcard": Namespace(str(VCARD)),
    "xsd": Namespace(str(XSD)),
}

SHAPES_PREFIXES: dict[str, Namespace] = {
    **PREFIXES,
    "adms": Namespace("http://www.w3.org/ns/adms#"),
    "locn": Namespace("http://www.w3.org/ns/locn#"),
    "odrl": Namespace("http://www.w3.org/ns/odrl/2/"),
    "sh": Namespace(str(SH)),
    "spdx": Namespace("http://spdx.org/rdf/terms#"),
    "time": Namespace("http://www.w3.org/2006/time#"),
    "tvks": TVKS,
}
"""Prefixes of shapes/*.ttl and of validation reports: the output's, plus the classes DCAT-AP names
that the catalogue itself does not use (kept out of ``PREFIXES`` so the output's context stays small)."""

__all__ = [
    "DCAT",
    "DCATAP",
    "DCTERMS",
    "ELI",
    "EU_AUTHORITY",
    "FOAF",
    "HYDRA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SH",
    "SHAPES_PREFIXES",
    "SKOS",
    "TVK",
    "TVKS",
    "VANN",
    "VCARD",
    "XSD",
    "bind_prefixes",
    "new_graph",
]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind exactly our prefixes, replacing rdflib's defaults, so output never depends on rdflib's version."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def new_graph() -> Graph:
    """Return an empty graph whose store iterates in insertion order.

    rdflib's default store iterates sets, so RDF/XML and N-Triples would change between runs;
    ``SimpleMemory`` keeps insertion order, and the converter inserts triples sorted.
    """
    return bind_prefixes(Graph(store="SimpleMemory", bind_namespaces="none"))
