"""Each bundled query gives the answer the source and output/catalog.ttl give when read by hand.

The expected values below were read from source/resources/*.yaml, source/systems.yaml and
source/request.yaml, and checked against output/catalog.ttl; they are not what the queries printed.
"""

from __future__ import annotations

import re
from collections import Counter

import pyoxigraph as ox
import pytest

from kasko_dcat.i18n.languages import MESSAGE_LANGS
from kasko_dcat.query import bundled, sparql
from kasko_dcat.rdf.namespaces import PREFIXES

from .conftest import ROOT
from .test_facts import EXAMPLES

CITY_WIDE = {
    "sahkoinen-asiointipalvelu",
    "talous-ja-henkilostohallinto",
    "tietovarasto",
    "toimipisterekisteri",
    "tyoajansuunnittelu-ja-hallinta",
    "verkon-kayttovaltuutushallinta",
    "viestinta-ja-verkkopalvelu",
}
RESOURCES = [
    "lukio-ammatillinen-ja-vapaa-sivistystyo",
    "perusopetus",
    "toimialan-hallinto",
    "varhaiskasvatus-ja-esiopetus",
]
KASKO = "Kasvatuksen ja koulutuksen toimiala"
POSTAL = "Kasvatuksen ja koulutuksen toimiala\nPL 58300\n00099 Helsingin kaupunki"
WEB = (
    "https://www.hel.fi/fi/paatoksenteko-ja-hallinto/kaupungin-organisaatio/toimialat/kasvatuksen-ja-koulutuksen-"
    "toimiala/kasvatuksen-ja-koulutuksen-yhteystiedot-ja-palaute"
)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return sparql.open_catalogue(ROOT / "output" / "catalog.nt")[0]


def answer(store: ox.Store, name: str, **binds: str) -> list[dict[str, str]]:
    """The rows of a bundled query, each variable's value as text ('' when unbound)."""
    result = sparql.run(
        store, bundled.read(name).text, sparql.parse_bindings(tuple(f"{k}={v}" for k, v in binds.items()))
    )
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    return [{name: (row[name].value if row[name] is not None else "") for name in names} for row in result]


def test_there_are_at_least_eight_bundled_queries_each_with_a_full_header() -> None:
    names = bundled.names()
    assert len(names) >= 8
    for name in names:
        query = bundled.read(name)
        assert set(query.titles) == set(MESSAGE_LANGS), name
        assert set(query.answers) == set(MESSAGE_LANGS), name
        assert all(re.fullmatch(r"\w+=\S+", example) for example in query.binds), name


def test_bundled_queries_declare_only_our_prefixes_with_our_namespaces() -> None:
    """So a query pasted into another endpoint means what it means here."""
    known = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    for name in bundled.names():
        for prefix, namespace in re.findall(r"^PREFIX (\w+): <([^>]+)>", bundled.read(name).text, re.MULTILINE):
            assert known.get(prefix) == namespace, (name, prefix)


def test_systems_per_resource(store: ox.Store) -> None:
    rows = answer(store, "systems-per-resource")
    roles = Counter((row["resource"], row["role"]) for row in rows)
    assert roles == {
        ("lukio-ammatillinen-ja-vapaa-sivistystyo", "main"): 14,
        ("lukio-ammatillinen-ja-vapaa-sivistystyo", "supporting"): 2,
        ("perusopetus", "main"): 7,
        ("perusopetus", "supporting"): 2,
        ("toimialan-hallinto", "main"): 10,
        ("toimialan-hallinto", "supporting"): 7,
        ("varhaiskasvatus-ja-esiopetus", "main"): 3,
    }
    early = [(row["system"], row["role"], row["city_wide"]) for row in rows if row["resource"] == RESOURCES[3]]
    assert early == [
        ("tyoajansuunnittelu-ja-hallinta", "main", "yes"),
        ("varda", "main", "no"),
        ("varhaiskasvatuksen-jarjestelmat", "main", "no"),
    ]
    assert {row["system"] for row in rows if row["city_wide"] == "yes"} == CITY_WIDE
    pupil_welfare = {row["system_title"] for row in rows if row["system"] == "oppilashuolto"}
    assert pupil_welfare == {"Oppilashuollon järjestelmä"}


def test_shared_systems(store: ox.Store) -> None:
    rows = answer(store, "shared-systems")
    shared = {row["system"]: sorted(row["resource_ids"].split()) for row in rows}
    assert shared == {
        "oppilashuolto": [RESOURCES[0], RESOURCES[1], RESOURCES[2]],
        "talous-ja-henkilostohallinto": [RESOURCES[0], RESOURCES[1], RESOURCES[2]],
        "verkon-kayttovaltuutushallinta": [RESOURCES[0], RESOURCES[1], RESOURCES[2]],
        "asiakas-ja-oppilashallinto": ["perusopetus", "toimialan-hallinto"],
        "opintohallinto-yleissivistava": [RESOURCES[0], "perusopetus"],
        "oppisopimusten-hallinta": [RESOURCES[0], "toimialan-hallinto"],
        "sairaalakoulun-perusopetus": [RESOURCES[0], "perusopetus"],
        "tyoajansuunnittelu-ja-hallinta": ["toimialan-hallinto", "varhaiskasvatus-ja-esiopetus"],
    }
    assert [row["resources"] for row in rows] == ["3", "3", "3", "2", "2", "2", "2", "2"]


def test_registers_per_resource(store: ox.Store) -> None:
    rows = answer(store, "registers-per-resource")
    assert Counter(row["resource"] for row in rows) == {
        "lukio-ammatillinen-ja-vapaa-sivistystyo": 5,
        "perusopetus": 4,
        "toimialan-hallinto": 12,
        "varhaiskasvatus-ja-esiopetus": 3,
    }
    basic = [(row["register"], row["register_title"]) for row in rows if row["resource"] == "perusopetus"]
    assert basic == [
        (
            "kuraattorien-yksilokohtainen-rekisteri",
            "Esi- ja perusopetuksen oppilashuollon kuraattorien yksilökohtainen rekisteri",
        ),
        ("oppivelvollisuuden-valvonnan-tiedot", "Oppivelvollisuuden valvonnan tiedot"),
        ("peruskoulun-oppilashuollon-tiedot", "Peruskoulun oppilashuollon tiedot"),
        ("perusopetuksen-opintohallinnontiedot", "Perusopetuksen opintohallinnontiedot"),
    ]
    unstated = sorted(row["register"] for row in rows if row["access_rights"] == "")
    assert unstated == [  # personal_data: ~ in the source
        "asiakas-ja-sidosryhmaviestinnan-tiedot",
        "hallintopalveluiden-tietoaineistot",
        "iltapaivatoiminnan-jarjestamisen-tiedot",
        "kehittamispalveluiden-tietoaineistot",
        "talous-ja-suunnittelupalveluiden-tietoaineistot",
        "tietohallintopalveluiden-tietoaineistot",
        "tilapalveluiden-tietoaineistot",
        "vapaan-sivistystyon-tiedot",
        "viestintapalveluiden-tietoaineistot",
    ]


def test_non_public_registers_and_their_legal_basis(store: ox.Store) -> None:
    rows = answer(store, "non-public-registers")
    laws = {row["register"]: set(row["legislation"].split("; ")) for row in rows}
    assert sorted(laws) == [  # personal_data: true in the source
        "ammatillisen-koulutuksen-opintohallintotiedot",
        "henkilostopalveluiden-tietoaineistot",
        "kuraattorien-yksilokohtainen-rekisteri",
        "lukiokoulutuksen-opintohallintotiedot",
        "opetusverkon-kayttajatiedot",
        "opintohallinnon-tiedot",
        "opiskelijahuollon-tiedot",
        "oppisopimuskoulutuksen-jarjestamisen-tiedot",
        "oppivelvollisuuden-valvonnan-tiedot",
        "paivahoitajatiedot",
        "peruskoulun-oppilashuollon-tiedot",
        "perusopetuksen-opintohallinnontiedot",
        "puhelinpalveluiden-asiakastiedot",
        "tilojen-asukaskayton-asiakastiedot",
        "varhaiskasvatuksen-asiakastiedot",
    ]
    gdpr = "Euroopan parlamentin ja neuvoston asetus (EU) 2016/679 (yleinen tietosuoja-asetus) ((EU) 2016/679)"
    data_protection = "Tietosuojalaki (1050/2018)"
    assert laws["perusopetuksen-opintohallinnontiedot"] == {"Perusopetuslaki (628/1998)", gdpr, data_protection}
    assert laws["oppivelvollisuuden-valvonnan-tiedot"] == {"Oppivelvollisuuslaki (1214/2020)", gdpr, data_protection}
    assert laws["paivahoitajatiedot"] == {"Varhaiskasvatuslaki (540/2018)", gdpr, data_protection}
    assert all({gdpr, data_protection} <= acts for acts in laws.values())


def test_contacts(store: ox.Store) -> None:
    rows = answer(store, "contacts")
    assert len(rows) == 28
    assert [row["dataset"] for row in rows[:4]] == RESOURCES
    assert Counter(row["kind"] for row in rows) == {"resource": 4, "register": 24}
    for row in rows:  # one contact point for all, from request.yaml
        assert row["authority"] == KASKO
        assert row["email"] == "kasvatusjakoulutus@hel.fi"
        assert row["phone"] == "09 310 8600"
        assert row["phone_hours"] == "arkisin 8-16"
        assert row["postal_address"] == POSTAL
        assert row["web"] == WEB


def test_gaps_28_match_the_gaps_command(store: ox.Store) -> None:
    rows = answer(store, "gaps-28")
    assert [(row["resource"], row["missing"]) for row in rows] == [
        (RESOURCES[0], "technical interface statement"),
        (RESOURCES[0], "privacy notices"),
        (RESOURCES[1], "technical interface statement"),
        (RESOURCES[1], "privacy notices"),
        (RESOURCES[2], "technical interface statement"),
        (RESOURCES[2], "privacy notices"),
        (RESOURCES[3], "search keys"),
        (RESOURCES[3], "technical interface statement"),
        (RESOURCES[3], "privacy notices"),
    ]


def test_gaps_28_sees_a_resource_without_systems_or_contents(store: ox.Store) -> None:
    """The other two § 28 items are filled in the real catalogue; a resource without them shows them."""
    store = sparql.load((ROOT / "output" / "catalog.nt").read_bytes())
    store.update(
        "DELETE WHERE { <https://kasko.example/dataset/perusopetus> tvk:informationSystem ?s }",
        prefixes=sparql.DEFAULT_PREFIXES,
    )
    store.update(
        "DELETE WHERE { <https://kasko.example/dataset/perusopetus> tvk:dataContents ?c }",
        prefixes=sparql.DEFAULT_PREFIXES,
    )
    missing = [row["missing"] for row in answer(store, "gaps-28") if row["resource"] == "perusopetus"]
    assert missing == ["information systems", "data contents", "technical interface statement", "privacy notices"]


def test_request_channels(store: ox.Store) -> None:
    rows = {row["channel"]: row for row in answer(store, "request-channels")}
    assert sorted(rows) == [
        "asiointiportaali",
        "kirjalliset-tietopyynnot-oppisopimuspalvelut",
        "kirjalliset-tietopyynnot-tilapalvelut",
        "kirjalliset-tietopyynnot-toimiala",
        "kirjalliset-yhteydenotot",
    ]
    portal = rows["asiointiportaali"]
    assert (portal["kind"], portal["url"], portal["handled_by"]) == ("electronic", "https://asiointi.hel.fi", KASKO)
    written = rows["kirjalliset-yhteydenotot"]
    assert (written["kind"], written["email"], written["postal_address"]) == (
        "written",
        "kasvatusjakoulutus@hel.fi",
        POSTAL,
    )
    apprenticeships = rows["kirjalliset-tietopyynnot-oppisopimuspalvelut"]
    assert apprenticeships["handled_by"] == "Työelämä- ja oppisopimuspalvelut"
    assert "PL 51309 (Teollisuuskatu 23 A)" in apprenticeships["postal_address"]
    assert rows["kirjalliset-tietopyynnot-tilapalvelut"]["handled_by"] == "Tilapalvelut"


def test_request_examples_with_their_search_keys(store: ox.Store) -> None:
    rows = answer(store, "request-examples")
    examples = {(row["example"], row["resource"], row["register"], row["system"]) for row in rows}
    assert examples == {
        ("oppilashuollon-kuraattorit", "perusopetus", "kuraattorien-yksilokohtainen-rekisteri", "oppilashuolto"),
        ("oppisopimuskoulutus", "lukio-ammatillinen-ja-vapaa-sivistystyo", "", "oppisopimusten-hallinta"),
        ("tilojen-asukaskaytto", "toimialan-hallinto", "tilojen-asukaskayton-asiakastiedot", "ajan-ja-tilanvaraus"),
    }
    # The search keys as the seed text lists them (tests/test_facts.py reads them from the seed).
    by_register = {facts["register"]: facts["search_keys"] for facts in EXAMPLES.values()}
    keys = {row["search_key"] for row in rows if row["example"] == "oppilashuollon-kuraattorit"}
    assert keys == by_register["Esi- ja perusopetuksen oppilashuollon kuraattorien yksilökohtainen rekisteri"]
    assert {row["search_key"] for row in rows} == set().union(*(facts["search_keys"] for facts in EXAMPLES.values()))
    assert Counter(row["example"] for row in rows) == {
        "oppilashuollon-kuraattorit": 7,
        "oppisopimuskoulutus": 4,
        "tilojen-asukaskaytto": 2,
    }


def test_requests_for_one_system(store: ox.Store) -> None:
    rows = answer(store, "requests-for-system", system="oppilashuolto")
    routes = [(row["resource"], row["example"], row["route"], row["url"] or row["postal_address"]) for row in rows]
    assert routes == [
        (RESOURCES[0], "", KASKO, WEB),  # no example for this system and resource: the contact point
        ("perusopetus", "oppilashuollon-kuraattorit", "Kaupungin asiointiportaali", "https://asiointi.hel.fi"),
        (
            "perusopetus",
            "oppilashuollon-kuraattorit",
            "Kirjalliset tietopyynnöt",
            "Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala, PL 58300 (Työpajankatu 8), "
            "00099 Helsingin kaupunki",
        ),
        ("toimialan-hallinto", "", KASKO, WEB),
    ]
    assert all(row["handled_by"] == KASKO and row["system"] == "oppilashuolto" for row in rows)
    assert rows[0]["email"] == "kasvatusjakoulutus@hel.fi" and rows[0]["phone"] == "09 310 8600"


def test_requests_for_a_system_named_in_an_example_for_a_unit(store: ox.Store) -> None:
    rows = answer(store, "requests-for-system", system="ajan-ja-tilanvaraus")
    assert [(row["route"], row["handled_by"]) for row in rows] == [
        ("Kaupungin asiointiportaali", KASKO),
        ("Kirjalliset tietopyynnöt", "Tilapalvelut"),
    ]


def test_requests_for_every_system_without_a_binding(store: ox.Store) -> None:
    rows = answer(store, "requests-for-system")
    # 45 (resource, system) pairs; the three pairs with an example give their two channels instead of one.
    assert len(rows) == 45 - 3 + 3 * 2
    assert len({row["system"] for row in rows}) == 34
