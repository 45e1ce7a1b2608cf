"""Rules of the source model that the real source does not exercise: defaults, inheritance, blanks."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DCAT, DCTERMS

from kasko_dcat.model.description import read_source
from kasko_dcat.model.graph import build_graph


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "source" / name
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def test_a_blank_optional_value_is_unknown_not_an_empty_link(scratch: Path) -> None:
    edit(scratch, "catalog.yaml", "license: ~ ", 'license: "" ')
    source = read_source(scratch / "source")
    assert any(gap.code == "gap-catalog-field" and ("key", "license") in gap.params for gap in source.gaps)
    graph = build_graph(source)
    assert not list(graph.objects(None, DCTERMS.license))
    assert URIRef("") not in {term for triple in graph for term in triple}


def test_no_personal_data_without_access_rights_is_a_gap(scratch: Path) -> None:
    title = (
        "    title: {fi: Tilapalveluiden tietoaineistot, sv: Lokaltjänsternas datamaterial, en: Premises services data}"
    )
    title += "\n"
    edit(
        scratch,
        "resources/toimialan-hallinto.yaml",
        title + "    personal_data: ~\n",
        title + "    personal_data: false\n",
    )
    gaps = [g for g in read_source(scratch / "source").gaps if ("id", "tilapalveluiden-tietoaineistot") in g.params]
    assert [g.code for g in gaps] == ["gap-register-description", "gap-access-rights"]


def test_a_register_inherits_themes_unless_it_writes_its_own_even_none(scratch: Path) -> None:
    edit(
        scratch,
        "resources/perusopetus.yaml",
        "      en: Comprehensive school pupil welfare data\n",
        "      en: Comprehensive school pupil welfare data\n    themes: []\n",
    )
    graph = build_graph(read_source(scratch / "source"))
    base = "https://kasko.example/dataset/"
    assert not list(graph.objects(URIRef(base + "peruskoulun-oppilashuollon-tiedot"), DCAT.theme))
    assert list(graph.objects(URIRef(base + "oppivelvollisuuden-valvonnan-tiedot"), DCAT.theme))
