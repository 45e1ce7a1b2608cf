"""The seed's facts, written out here from the published page, checked one by one in the built graph.

The expectations below are typed from ``tests/data/kasko-tietovarannot.txt`` (the seed), not read
from ``source/``, so a slip in the source or in the converter shows up as a failing fact.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, RDF, RDFS, SKOS

from kasko_dcat.rdf.namespaces import DCATAP, SDO, TVK, VCARD

BASE = "https://kasko.example/"
NON_PUBLIC = URIRef("http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC")
EDUC = URIRef("http://publications.europa.eu/resource/authority/data-theme/EDUC")
GOVE = URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")
HELSINKI_091 = URIRef("http://uri.suomi.fi/codelist/jhs/kunta_1_20240101/code/091")
PORTAL = URIRef("https://asiointi.hel.fi")
CITY_WIDE_CUSTOMER_DATA = "Kaupunkiyhteinen asiakastietovaranto"
# "Lisäksi käytetään kaupunkiyhteisiä …" of the administration resource: the city-wide systems.
CITY_WIDE_SYSTEMS = {
    "sähköinen asiointipalvelu",
    "talous- ja henkilöstöhallinnon järjestelmät",
    "viestintä- ja verkkopalvelujärjestelmät",
    "tietovarasto",
    "toimipisterekisteri (tpr)",
    "työajansuunnittelu- ja hallintajärjestelmät",
    "verkon käyttövaltuutushallintajärjestelmät",
}


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


def fi(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == "fi"}


def langs(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def only_fi(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    values = fi(graph, subject, predicate)
    assert len(values) == 1, f"{subject} {predicate}: expected one Finnish value, got {values}"
    return values.pop()


def resource_by_title(graph: Graph, title: str) -> URIRef:
    found = [
        s for s in graph.subjects(DCTERMS.title, Literal(title, lang="fi")) if (s, RDF.type, DCAT.Dataset) in graph
    ]
    assert len(found) == 1, f"expected exactly one dataset titled {title!r}, found {found}"
    return found[0]


# --- the four information resources ------------------------------------------------------------------
RESOURCES = {
    "Varhaiskasvatuksen ja esiopetuksen tietovaranto": {
        "registers": {
            "varhaiskasvatuksen asiakastiedot",
            "iltapäivätoiminnan järjestämisen tiedot",
            "päivähoitajatiedot",
        },
        "systems": {
            "varhaiskasvatuksen järjestelmät",
            "varhaiskasvatuksen valtakunnallinen varda-rekisteri",
            "työajansuunnittelu- ja hallintajärjestelmät",
        },
        "supporting": set(),
        "data_group_sample": {"hakemustiedot", "hoitopaikat", "laskutuksen pohjatiedot", "järjestelmän käyttäjätiedot"},
        "data_groups": 9,
        "themes": {EDUC},
    },
    "Perusopetuksen tietovaranto": {
        "registers": {
            "perusopetuksen opintohallinnontiedot",
            "oppivelvollisuuden valvonnan tiedot",
            "peruskoulun oppilashuollon tiedot",
            "esi- ja perusopetuksen oppilashuollon kuraattorien yksilökohtainen rekisteri",
        },
        "systems": {
            "asiakas- ja oppilashallintojärjestelmä",
            "koulumatkojen hallintajärjestelmä",
            "opintohallinnon yleissivistävä järjestelmä",
            "lukujärjestysten ja resurssien hallintajärjestelmä",
            "kodin ja koulun välisen yhteistyön järjestelmä",
            "oppilashuollon järjestelmä",
            "sairaalakoulun perusopetusjärjestelmä",
        },
        "supporting": {"verkon käyttövaltuutushallintajärjestelmät", "talous- ja henkilöstöhallinnon järjestelmät"},
        "data_group_sample": {"työntekijöiden tiedot", "asiakkaan henkilötiedot", "huoltajien tiedot", "yhteistiedot"},
        "data_groups": 5,
        "themes": {EDUC},
    },
    "Lukio- ja ammatillisen koulutuksen ja vapaan sivistystyön tietovaranto": {
        "registers": {
            "lukiokoulutuksen opintohallintotiedot",
            "ammatillisen koulutuksen opintohallintotiedot",
            "oppisopimuskoulutuksen järjestämisen tiedot",
            "vapaan sivistystyön tiedot",
            "opiskelijahuollon tiedot",
        },
        "systems": {
            "ammattikoulun opiskelijahallintojärjestelmä",
            "opintohallinnon yleissivistävä järjestelmä",
            "lukujärjestysten ja resurssien suunnittelujärjestelmä",
            "kodin ja oppilaitoksen yhteistyöjärjestelmä",
            "opintosuoritusten ja tutkintotietojen tietovaranto",
            "oppilashuollon järjestelmä",
            "sairaalakoulun perusopetusjärjestelmä",
            "organisaation sisäiset kirjastopalvelut",
            "oppisopimusten hallintajärjestelmä",
            "ammattikoulujen oppilashallinnon järjestelmät",
            "työpajatoiminta opiskelijahallintojärjestelmä",
            "työväenopiston kuha-arkistointi",
            "työväenopiston kursor-opistojärjestelmä",
            "yo-kirjoitusten valmistautumisohjelma",
        },
        "supporting": {"talous- ja henkilöstöhallinnon järjestelmät", "verkon käyttövaltuutushallintajärjestelmät"},
        "data_group_sample": {
            "opiskelijoiden perus- ja yhteystiedot",
            "todistuksiin ja arvosteluihin liittyvät tiedot",
        },
        "data_groups": 10,
        "themes": {EDUC},
    },
    "Toimialan hallinnon tietovaranto": {
        "registers": {
            "hallintopalveluiden tietoaineistot",
            "henkilöstöpalveluiden tietoaineistot",
            "kehittämispalveluiden tietoaineistot",
            "talous- ja suunnittelupalveluiden tietoaineistot",
            "tietohallintopalveluiden tietoaineistot",
            "tilapalveluiden tietoaineistot",
            "viestintäpalveluiden tietoaineistot",
            "asiakas- ja sidosryhmäviestinnän tiedot",
            "opetusverkon käyttäjätiedot",
            "opintohallinnon tiedot",
            "puhelinpalveluiden asiakastiedot",
            "tilojen asukaskäytön asiakastiedot",
        },
        "systems": {
            "ajan- ja tilanvarausjärjestelmä",
            "asiakas- ja oppilashallintojärjestelmä",
            "asianhallintajärjestelmä",
            "laite- ja palvelupyyntörekisteri",
            "toimialan m365",
            "oppilashallintojärjestelmä",
            "oppilashuollon järjestelmä",
            "sähköiset oppimisympäristöt",
            "puhelinliittymien hallinta",
            "oppisopimusten hallintajärjestelmä",
        },
        "supporting": CITY_WIDE_SYSTEMS,
        "data_group_sample": {"puhelinpalveluiden asiakastiedot", "opetusverkon käyttäjätiedot"},
        "data_groups": 12,
        "themes": {EDUC, GOVE},
    },
}


def titles_of(graph: Graph, subjects: object) -> set[str]:
    return {only_fi(graph, s, DCTERMS.title).lower() for s in subjects}  # type: ignore[attr-defined]


@pytest.mark.parametrize("title", RESOURCES)
def test_resource_is_a_catalogued_non_public_dataset(graph: Graph, title: str) -> None:
    resource = resource_by_title(graph, title)
    assert (iri("catalog"), DCAT.dataset, resource) in graph
    assert langs(graph, resource, DCTERMS.title) == {"fi", "sv", "en"}
    assert langs(graph, resource, DCTERMS.description) == {"fi", "sv", "en"}
    assert set(graph.objects(resource, DCTERMS.accessRights)) == {NON_PUBLIC}
    assert set(graph.objects(resource, DCAT.theme)) == RESOURCES[title]["themes"]
    assert (resource, DCTERMS.spatial, HELSINKI_091) in graph
    assert {"fi", "sv", "en"} <= langs(graph, resource, DCAT.keyword)


@pytest.mark.parametrize("title", RESOURCES)
def test_resource_registers(graph: Graph, title: str) -> None:
    resource = resource_by_title(graph, title)
    parts = set(graph.objects(resource, DCTERMS.hasPart))
    assert titles_of(graph, parts) == RESOURCES[title]["registers"]
    for register in parts:
        assert (register, RDF.type, DCAT.Dataset) in graph
        assert (register, DCTERMS.isPartOf, resource) in graph
        assert (iri("catalog"), DCAT.dataset, register) in graph
        assert langs(graph, register, DCTERMS.description) == {"fi", "sv", "en"}


@pytest.mark.parametrize("title", RESOURCES)
def test_resource_systems(graph: Graph, title: str) -> None:
    resource = resource_by_title(graph, title)
    assert titles_of(graph, graph.objects(resource, TVK.informationSystem)) == RESOURCES[title]["systems"]
    assert titles_of(graph, graph.objects(resource, TVK.supportingSystem)) == RESOURCES[title]["supporting"]


@pytest.mark.parametrize("title", RESOURCES)
def test_resource_data_contents_and_groups(graph: Graph, title: str) -> None:
    resource = resource_by_title(graph, title)
    assert langs(graph, resource, TVK.dataContents) == {"fi", "sv", "en"}
    groups = list(graph.objects(resource, TVK.dataGroup))
    assert len(groups) == RESOURCES[title]["data_groups"]
    labels = {only_fi(graph, group, SKOS.prefLabel) for group in groups}
    assert RESOURCES[title]["data_group_sample"] <= labels
    for group in groups:
        assert (group, RDF.type, SKOS.Concept) in graph
        assert (group, SKOS.inScheme, iri("scheme/data-groups")) in graph


@pytest.mark.parametrize("title", RESOURCES)
def test_resource_feeds_the_city_wide_customer_data_resource(graph: Graph, title: str) -> None:
    resource = resource_by_title(graph, title)
    fed = set(graph.objects(resource, TVK.feeds))
    assert {only_fi(graph, target, DCTERMS.title) for target in fed} == {CITY_WIDE_CUSTOMER_DATA}
    assert "tuottaa tietoja kaupunkiyhteiseen asiakastietovarantoon" in only_fi(graph, resource, DCTERMS.description)


@pytest.mark.parametrize("title", RESOURCES)
def test_privacy_notices_and_interface_stay_unknown(graph: Graph, title: str) -> None:
    """The seed lists no privacy notices and says nothing of interfaces: nothing may be invented."""
    resource = resource_by_title(graph, title)
    assert not list(graph.objects(resource, TVK.privacyNotice))
    assert not list(graph.objects(resource, TVK.technicalInterface))


def test_the_catalogue_lists_exactly_the_resources_and_registers(graph: Graph) -> None:
    expected = len(RESOURCES) + sum(len(r["registers"]) for r in RESOURCES.values())
    assert len(set(graph.objects(iri("catalog"), DCAT.dataset))) == expected == 28


# --- systems --------------------------------------------------------------------------------------------
def test_a_system_used_by_several_resources_is_one_thing(graph: Graph) -> None:
    systems = list(graph.subjects(DCTERMS.title, Literal("Oppilashuollon järjestelmä", lang="fi")))
    assert len(systems) == 1
    users = {only_fi(graph, r, DCTERMS.title) for r in graph.subjects(TVK.informationSystem, systems[0])}
    assert {
        "Perusopetuksen tietovaranto",
        "Lukio- ja ammatillisen koulutuksen ja vapaan sivistystyön tietovaranto",
        "Toimialan hallinnon tietovaranto",
    } <= users


def test_every_system_mention_of_the_seed_has_one_system(graph: Graph) -> None:
    systems = set(graph.subjects(RDF.type, TVK.InformationSystem))
    named = set().union(*(r["systems"] | r["supporting"] for r in RESOURCES.values()))
    assert titles_of(graph, systems) == named
    assert len(systems) == 34


@pytest.mark.parametrize(
    "system",
    sorted(CITY_WIDE_SYSTEMS),
)
def test_city_wide_systems_are_shared_across_the_city(graph: Graph, system: str) -> None:
    (subject,) = [
        s for s in graph.subjects(RDF.type, TVK.InformationSystem) if only_fi(graph, s, DCTERMS.title).lower() == system
    ]
    (city,) = graph.objects(subject, TVK.sharedAcross)
    assert only_fi(graph, city, FOAF.name) == "Helsingin kaupunki"


def test_the_e_service_system_points_at_the_portal(graph: Graph) -> None:
    (portal_system,) = graph.subjects(FOAF.homepage, PORTAL)
    assert only_fi(graph, portal_system, DCTERMS.title) == "Sähköinen asiointipalvelu"


def test_seed_spellings_stay_findable_as_hidden_labels(graph: Graph) -> None:
    (system,) = graph.subjects(SKOS.hiddenLabel, Literal("oppilashuollonjärjestelmä", lang="fi"))
    assert only_fi(graph, system, DCTERMS.title) == "Oppilashuollon järjestelmä"
    (register,) = graph.subjects(SKOS.hiddenLabel, Literal("ilojen asukaskäytön asiakastiedot", lang="fi"))
    assert only_fi(graph, register, DCTERMS.title) == "Tilojen asukaskäytön asiakastiedot"


# --- organisations ---------------------------------------------------------------------------------------
def test_city_of_helsinki_with_its_business_id(graph: Graph) -> None:
    city = iri("organisation/helsinki")
    assert only_fi(graph, city, FOAF.name) == "Helsingin kaupunki"
    assert (city, DCTERMS.identifier, Literal("0201256-6")) in graph
    assert (city, RDF.type, ORG.FormalOrganization) in graph


def test_the_division_is_the_publisher_and_works_under_the_board(graph: Graph) -> None:
    (publisher,) = graph.objects(iri("catalog"), DCTERMS.publisher)
    assert only_fi(graph, publisher, FOAF.name) == "Kasvatuksen ja koulutuksen toimiala"
    assert {str(x) for x in graph.objects(publisher, FOAF.name)} >= {
        "Fostrans- och utbildningssektorn",
        "Education Division",
    }
    assert (publisher, SKOS.altLabel, Literal("Kasko", lang="fi")) in graph
    assert (publisher, ORG.unitOf, iri("organisation/helsinki")) in graph
    (board,) = graph.objects(publisher, ORG.reportsTo)
    assert only_fi(graph, board, FOAF.name) == "Kasvatus- ja koulutuslautakunta"
    assert (publisher, DCTERMS.type, URIRef("http://purl.org/adms/publishertype/LocalAuthority")) in graph


def test_the_administration_is_visited_at_tyopajankatu_8(graph: Graph) -> None:
    (site,) = graph.objects(iri("organisation/kasko"), ORG.hasSite)
    (address,) = graph.objects(site, ORG.siteAddress)
    assert (address, VCARD["street-address"], Literal("Työpajankatu 8")) in graph
    assert (address, VCARD["postal-code"], Literal("00580")) in graph
    assert (address, VCARD.locality, Literal("Helsinki")) in graph


def test_units_named_in_request_addresses(graph: Graph) -> None:
    units = {only_fi(graph, s, FOAF.name): s for s in graph.subjects(RDF.type, ORG.OrganizationalUnit)}
    assert (units["Työelämä- ja oppisopimuspalvelut"], ORG.unitOf, units["Stadin ammatti- ja aikuisopisto"]) in graph
    assert (units["Stadin ammatti- ja aikuisopisto"], ORG.unitOf, iri("organisation/kasko")) in graph
    assert (units["Tilapalvelut"], ORG.unitOf, iri("organisation/kasko")) in graph


# --- how to make a request -------------------------------------------------------------------------------
def test_contact_point_of_every_dataset(graph: Graph) -> None:
    contacts = {o for d in graph.subjects(RDF.type, DCAT.Dataset) for o in graph.objects(d, DCAT.contactPoint)}
    assert len(contacts) == 1
    contact = contacts.pop()
    assert (contact, RDF.type, VCARD.Kind) in graph
    assert (contact, VCARD.hasEmail, URIRef("mailto:kasvatusjakoulutus@hel.fi")) in graph
    (phone,) = graph.objects(contact, VCARD.hasTelephone)
    assert (phone, VCARD.hasValue, URIRef("tel:+35893108600")) in graph
    (hours,) = graph.objects(phone, SDO.hoursAvailable)
    assert only_fi(graph, hours, SDO.description) == "arkisin 8-16"
    (postal,) = graph.objects(contact, VCARD.hasAddress)
    assert (postal, VCARD["street-address"], Literal("PL 58300")) in graph
    assert (postal, VCARD["postal-code"], Literal("00099")) in graph
    assert (postal, VCARD.locality, Literal("Helsingin kaupunki")) in graph
    assert (
        contact,
        VCARD.hasURL,
        URIRef(
            "https://www.hel.fi/fi/paatoksenteko-ja-hallinto/kaupungin-organisaatio/toimialat/"
            "kasvatuksen-ja-koulutuksen-toimiala/kasvatuksen-ja-koulutuksen-yhteystiedot-ja-palaute"
        ),
    ) in graph


def test_every_dataset_offers_the_portal_as_its_request_route(graph: Graph) -> None:
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    for dataset in datasets:
        (distribution,) = graph.objects(dataset, DCAT.distribution)
        assert (distribution, DCAT.accessURL, PORTAL) in graph
        (rights,) = graph.objects(distribution, DCTERMS.rights)
        assert (rights, RDF.type, DCTERMS.RightsStatement) in graph
        assert "https://asiointi.hel.fi" in only_fi(graph, rights, RDFS.label)
        assert (distribution, DCATAP.applicableLegislation, URIRef("http://data.finlex.fi/eli/sd/1999/621")) in graph
        (authority,) = graph.objects(dataset, TVK.disclosureAuthority)
        assert authority == iri("organisation/kasko")


def test_channels_of_the_deciding_authority(graph: Graph) -> None:
    channels = set(graph.subjects(TVK.handledBy, iri("organisation/kasko")))
    electronic = {c for c in channels if (c, RDF.type, TVK.ElectronicChannel) in graph}
    written = {c for c in channels if (c, RDF.type, TVK.WrittenChannel) in graph}
    assert {url for c in electronic for url in graph.objects(c, VCARD.hasURL)} == {PORTAL}
    assert only_fi(graph, electronic.pop(), RDFS.comment) == "Sähköiset tietopyynnöt ja pyynnöt tiedon oikaisuun"
    emails = {e for c in written for e in graph.objects(c, VCARD.hasEmail)}
    assert emails == {URIRef("mailto:kasvatusjakoulutus@hel.fi")}


# --- the three worked examples -----------------------------------------------------------------------------
EXAMPLES = {
    "Tietopyyntö asiakirjaan, joka on tuotettu perusopetuksen tietovarannon esi- ja perusopetuksen oppilashuollon "
    "kuraattorien yksilökohtaiseen rekisteriin": {
        "resource": "Perusopetuksen tietovaranto",
        "register": "Esi- ja perusopetuksen oppilashuollon kuraattorien yksilökohtainen rekisteri",
        "system": "Oppilashuollon järjestelmä",
        "search_keys": {
            "Työntekijän nimi",
            "asiakkaan henkilötiedot",
            "huoltajien tiedot",
            "koulunkäyntitiedot",
            "yhteistyötahot",
            "asiakirjaliikenne",
            "asiakaskertomus",
        },
        "written_by": "Kasvatuksen ja koulutuksen toimiala",
        "written_address": "Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala, PL 58300 (Työpajankatu 8), "
        "00099 Helsingin kaupunki",
    },
    "Tietopyyntö oppisopimuskoulutusasiakirjaan, jotka on tuotettu lukio- ja ammatillisen koulutuksen ja vapaan "
    "sivistystyön tietovarantoon": {
        "resource": "Lukio- ja ammatillisen koulutuksen ja vapaan sivistystyön tietovaranto",
        "register": None,
        "system": "Oppisopimusten hallintajärjestelmä",
        "search_keys": {
            "Oppisopimusopiskelijan tiedot",
            "opiskelijan oppisopimuskoulutukseen liittyvät tiedot",
            "kouluttavien työnantajien tiedot",
            "yhteistyöoppilaitosten tiedot",
        },
        "written_by": "Työelämä- ja oppisopimuspalvelut",
        "written_address": "Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala, Stadin ammatti- ja aikuisopisto "
        "/ Työelämä- ja oppisopimuspalvelut, PL 51309 (Teollisuuskatu 23 A), 00099 Helsingin kaupunki",
    },
    "Tietopyyntö asiakirjaan, joka on tuotettu tilojen asukaskäytön asiakasrekisteriin ja sisältyy kasvatuksen ja "
    "koulutuksen toimialan hallinnon tietovarantoon": {
        "resource": "Toimialan hallinnon tietovaranto",
        "register": "Tilojen asukaskäytön asiakastiedot",
        "system": "Ajan- ja tilanvarausjärjestelmä",
        "search_keys": {
            "Rekisteröidyt henkilöasiakkaat",
            "seurojen ja yhteisöjen vastuuhenkilöiden yhteystiedot",
        },
        "written_by": "Tilapalvelut",
        "written_address": "Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala/tilapalvelut, PL 58300 "
        "(Työpajankatu 8), 00099 Helsingin kaupunki",
    },
}


def test_there_are_three_worked_examples(graph: Graph) -> None:
    assert len(set(graph.subjects(RDF.type, TVK.RequestGuidance))) == len(EXAMPLES) == 3


@pytest.mark.parametrize("title", EXAMPLES)
def test_worked_example(graph: Graph, title: str) -> None:
    expected = EXAMPLES[title]
    (example,) = graph.subjects(DCTERMS.title, Literal(title, lang="fi"))
    assert (example, RDF.type, TVK.RequestGuidance) in graph
    assert langs(graph, example, DCTERMS.title) == {"fi", "sv", "en"}

    concerned = {only_fi(graph, d, DCTERMS.title) for d in graph.objects(example, TVK.appliesTo)}
    assert concerned == {expected["resource"]} | ({expected["register"]} if expected["register"] else set())

    (system,) = graph.objects(example, TVK.informationSystem)
    assert only_fi(graph, system, DCTERMS.title) == expected["system"]

    keys = {only_fi(graph, k, SKOS.prefLabel) for k in graph.objects(example, TVK.searchKey)}
    assert keys == expected["search_keys"]

    channels = set(graph.objects(example, TVK.requestChannel))
    electronic = [c for c in channels if (c, RDF.type, TVK.ElectronicChannel) in graph]
    written = [c for c in channels if (c, RDF.type, TVK.WrittenChannel) in graph]
    assert len(electronic) == 1 and set(graph.objects(electronic[0], VCARD.hasURL)) == {PORTAL}
    assert len(written) == 1
    (handler,) = graph.objects(written[0], TVK.handledBy)
    assert only_fi(graph, handler, FOAF.name) == expected["written_by"]
    (address,) = graph.objects(written[0], VCARD.hasAddress)
    assert only_fi(graph, address, RDFS.label) == expected["written_address"]


# --- the catalogue -----------------------------------------------------------------------------------------
def test_catalogue_metadata(graph: Graph) -> None:
    catalog = iri("catalog")
    assert (catalog, RDF.type, DCAT.Catalog) in graph
    assert only_fi(graph, catalog, DCTERMS.title) == "Kasvatuksen ja koulutuksen toimialan tietovarannot"
    description = only_fi(graph, catalog, DCTERMS.description)
    assert "Toimiala toimii kasvatus- ja koulutuslautakunnan alaisuudessa." in description
    assert "päätösasiakirjat löytyvät kaupungin internetsivuilta" in description
    assert (catalog, DCATAP.applicableLegislation, URIRef("http://data.finlex.fi/eli/sd/2019/906")) in graph
    languages = {str(o).rsplit("/", 1)[1] for o in graph.objects(catalog, DCTERMS.language)}
    assert languages == {"FIN", "SWE", "ENG"}
    assert (catalog, DCAT.themeTaxonomy, URIRef("http://publications.europa.eu/resource/authority/data-theme")) in graph


def test_personal_data_brings_gdpr_and_the_data_protection_act(graph: Graph) -> None:
    gdpr = URIRef("http://data.europa.eu/eli/reg/2016/679/oj")
    tietosuojalaki = URIRef("http://data.finlex.fi/eli/sd/2018/1050")
    non_public = list(graph.subjects(DCTERMS.accessRights, NON_PUBLIC))
    # The four resources, and the registers whose names show data about people: 2 + 4 + 4 + 5.
    assert len(non_public) == 4 + 15
    for dataset in non_public:
        assert (dataset, DCATAP.applicableLegislation, gdpr) in graph
        assert (dataset, DCATAP.applicableLegislation, tietosuojalaki) in graph


def test_registers_whose_personal_data_is_not_stated_have_no_access_rights(graph: Graph) -> None:
    """Unknown stays unknown: such a register gets neither access rights nor the GDPR."""
    (register,) = graph.subjects(DCTERMS.title, Literal("Vapaan sivistystyön tiedot", lang="fi"))
    assert not list(graph.objects(register, DCTERMS.accessRights))
    assert (register, DCATAP.applicableLegislation, URIRef("http://data.europa.eu/eli/reg/2016/679/oj")) not in graph
