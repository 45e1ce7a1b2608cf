"""Round trip: the seed page imported and built states the same Finnish facts as the curated source.

The seed is imported twice: as the plain text it is, and as the HTML a city web page would serve
(headings, paragraphs with line breaks, lists, links, a menu and a footer around it).

Both sides are built to graphs and compared by their Finnish texts, never by IRI (the importer's
ids are generated). The curated source names systems and some registers in their basic form and
keeps the page's wording in ``seed_forms`` (published as ``skos:hiddenLabel``), so a thing on one
side matches one on the other when their names (title and hidden labels) share one; each
resource's registers and systems must then match one to one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, SKOS

from kasko_dcat.importer.pagetext import decode, fetch, paragraphs
from kasko_dcat.importer.reader import read_page
from kasko_dcat.importer.writer import render_source, write_source
from kasko_dcat.model.description import read_source
from kasko_dcat.model.graph import build_graph
from kasko_dcat.rdf.namespaces import TVK, VCARD

from .conftest import ROOT

SEED = ROOT / "tests" / "data" / "kasko-tietovarannot.txt"
SEED_HTML = ROOT / "tests" / "data" / "import" / "kasko-tietovarannot.html"
Names = frozenset[str]


@pytest.fixture(scope="module", params=[SEED, SEED_HTML], ids=["text", "html"])
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    folder = tmp_path_factory.mktemp("imported") / "source"
    write_source(folder, render_source(read_page(paragraphs(decode(fetch(str(request.param))))), None), force=False)
    return build_graph(read_source(folder))


def fi(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    values = [str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == "fi"]
    assert len(values) <= 1, (subject, predicate, values)
    return " ".join(values[0].split()) if values else ""


def names(graph: Graph, subject: URIRef) -> Names:
    """Every way the graph names a thing, without case or extra spaces."""
    labels = [fi(graph, subject, DCTERMS.title), *map(str, graph.objects(subject, SKOS.hiddenLabel))]
    return frozenset(" ".join(label.casefold().split()) for label in labels if label)


def resources(graph: Graph) -> dict[str, URIRef]:
    return {
        fi(graph, s, DCTERMS.title): s
        for s in graph.subjects(RDF.type, DCAT.Dataset)
        if (s, DCTERMS.isPartOf, None) not in graph
    }


def one_to_one(mine: list[Names], theirs: list[Names]) -> list[tuple[Names, Names]]:
    """Pair each imported name set with the one curated set it shares a name with; fail on anything else."""
    pairs = []
    for item in mine:
        matches = [other for other in theirs if other & item]
        assert len(matches) == 1, (sorted(item), [sorted(m) for m in matches])
        pairs.append((item, matches[0]))
    assert sorted(map(sorted, (b for _, b in pairs))) == sorted(map(sorted, theirs)), "unmatched curated items"
    return pairs


def test_the_same_catalogue_and_resources(imported: Graph, graph: Graph) -> None:
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert fi(imported, next(imported.subjects(RDF.type, DCAT.Catalog)), predicate) == fi(
            graph, next(graph.subjects(RDF.type, DCAT.Catalog)), predicate
        )
    assert sorted(resources(imported)) == sorted(resources(graph))
    assert len(resources(graph)) == 4


@pytest.mark.parametrize("predicate", [DCTERMS.description, TVK.dataContents])
def test_the_same_descriptions_and_data_contents(imported: Graph, graph: Graph, predicate: URIRef) -> None:
    ours, theirs = resources(imported), resources(graph)
    for title, subject in theirs.items():
        assert fi(imported, ours[title], predicate) == fi(graph, subject, predicate), title


def test_the_same_registers_per_resource(imported: Graph, graph: Graph) -> None:
    ours, theirs = resources(imported), resources(graph)
    total = 0
    for title, subject in theirs.items():
        mine = [names(imported, r) for r in imported.objects(ours[title], DCTERMS.hasPart)]
        curated = [names(graph, r) for r in graph.objects(subject, DCTERMS.hasPart)]
        total += len(one_to_one(mine, curated))
    assert total == 24


def test_the_same_systems_per_resource(imported: Graph, graph: Graph) -> None:
    ours, theirs = resources(imported), resources(graph)
    for title, subject in theirs.items():
        for predicate in (TVK.informationSystem, TVK.supportingSystem):
            mine = [names(imported, s) for s in imported.objects(ours[title], predicate)]
            curated = [names(graph, s) for s in graph.objects(subject, predicate)]
            one_to_one(mine, curated)


def test_every_system_name_of_the_page_is_kept(imported: Graph, graph: Graph) -> None:
    """The importer keeps the page's wording of each system, as the curated source's hidden labels do.

    The curated source drops "kaupunkiyhteisiä" from one wording (it qualifies the whole list, and
    the system is marked city-wide instead); the importer keeps the page's words, so the word is
    ignored here.
    """

    def wordings(g: Graph) -> set[str]:
        return {
            re.sub(r"^kaupunkiyhtei\w+ ", "", " ".join(str(label).casefold().split()))
            for system in g.subjects(RDF.type, TVK.InformationSystem)
            for label in g.objects(system, SKOS.hiddenLabel)
        }

    assert wordings(imported) == wordings(graph)
    assert len(wordings(graph)) > 40


def channels(graph: Graph) -> set[tuple[str, ...]]:
    out = set()
    for channel in graph.subjects(RDF.type, TVK.RequestChannel):
        address = next(graph.objects(channel, VCARD.hasAddress), None)
        out.add(
            (
                "electronic" if (channel, RDF.type, TVK.ElectronicChannel) in graph else "written",
                fi(graph, channel, VCARD.fn),
                fi(graph, channel, RDFS.comment),
                " ".join(map(str, graph.objects(channel, VCARD.hasURL))),
                " ".join(map(str, graph.objects(channel, VCARD.hasEmail))),
                "" if address is None else fi(graph, address, RDFS.label),
            )
        )
    return out


def test_the_same_request_channels(imported: Graph, graph: Graph) -> None:
    assert channels(imported) == channels(graph)
    assert len(channels(graph)) == 5


def examples(graph: Graph) -> dict[str, tuple[object, ...]]:
    out = {}
    for example in graph.subjects(RDF.type, TVK.RequestGuidance):
        applies = list(graph.objects(example, TVK.appliesTo))
        out[fi(graph, example, DCTERMS.title)] = (
            names(graph, next(graph.objects(example, TVK.informationSystem))),
            sorted(fi(graph, key, SKOS.prefLabel) for key in graph.objects(example, TVK.searchKey)),
            sorted(fi(graph, c, VCARD.fn) for c in graph.objects(example, TVK.requestChannel)),
            sorted(
                " ".join(map(str, graph.objects(c, VCARD.hasURL)))
                or fi(graph, next(graph.objects(c, VCARD.hasAddress)), RDFS.label)
                for c in graph.objects(example, TVK.requestChannel)
            ),
            [fi(graph, d, DCTERMS.title) for d in applies if (d, DCTERMS.isPartOf, None) not in graph],
            [names(graph, d) for d in applies if (d, DCTERMS.isPartOf, None) in graph],
        )
    return out


def test_the_same_request_examples(imported: Graph, graph: Graph) -> None:
    ours, theirs = examples(imported), examples(graph)
    assert sorted(ours) == sorted(theirs)
    for title, (system, keys, channel_titles, routes, resource, register) in theirs.items():
        my_system, my_keys, my_titles, my_routes, my_resource, my_register = ours[title]
        assert my_system & system, title
        assert (my_keys, my_titles, my_routes, my_resource) == (keys, channel_titles, routes, resource), title
        assert len(my_register) == len(register) and all(a & b for a, b in zip(my_register, register, strict=True))


def test_the_same_fed_resources(imported: Graph, graph: Graph) -> None:
    def fed(g: Graph) -> set[tuple[str, str]]:
        return {(t, fi(g, r, DCTERMS.title)) for t, s in resources(g).items() for r in g.objects(s, TVK.feeds)}

    assert fed(imported) == fed(graph)
    assert len(fed(graph)) == 4


@pytest.mark.parametrize("page", [SEED, SEED_HTML], ids=["text", "html"])
def test_the_curated_source_has_no_differences_from_the_page(tmp_path: Path, page: Path) -> None:
    """`import --diff` compares by the same names: the seed against the curated source says nothing changed."""
    from .conftest import SOURCE, run_cli

    result = run_cli("import", "--diff", str(page), "--source", str(SOURCE), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert "state the same facts" in result.stderr
