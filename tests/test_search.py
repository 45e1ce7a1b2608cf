"""Search as parents and journalists type it, driven through ``kasko-dcat serve`` over HTTP.

Each query is what a person would type in Finnish or Swedish (and a few in English), with inflected
forms, everyday words and typos; the expected first hit is the page a reader looking for that would
want first (judged against the catalogue's titles, not copied from the engine's output).
"""

from __future__ import annotations

import re
import urllib.request
from html import unescape
from urllib.parse import urlencode

import pytest

from kasko_dcat.serve import search

from .serving import serving

QUERIES = [
    # Finnish: the resources' own keywords, basic and inflected forms
    ("fi", "varhaiskasvatus", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "varhaiskasvatukseen", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "esiopetus", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "esiopetuksen", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "oppivelvollisuus", "dataset/oppivelvollisuuden-valvonnan-tiedot"),
    ("fi", "oppivelvollisuuden valvonta", "dataset/oppivelvollisuuden-valvonnan-tiedot"),
    ("fi", "päivähoitaja", "dataset/paivahoitajatiedot"),
    ("fi", "oppilaan", "system/oppilashallinto"),
    ("fi", "oppilashuolto", "system/oppilashuolto"),
    ("fi", "peruskoulun oppilashuolto", "dataset/peruskoulun-oppilashuollon-tiedot"),
    ("fi", "varhaiskasvatuksen asiakastiedot", "dataset/varhaiskasvatuksen-asiakastiedot"),
    ("fi", "lukio", "dataset/lukio-ammatillinen-ja-vapaa-sivistystyo"),
    ("fi", "lukiokoulutus", "dataset/lukiokoulutuksen-opintohallintotiedot"),
    ("fi", "ammatillisen koulutuksen opintohallinto", "dataset/ammatillisen-koulutuksen-opintohallintotiedot"),
    ("fi", "oppisopimuskoulutus", "dataset/oppisopimuskoulutuksen-jarjestamisen-tiedot"),
    ("fi", "iltapäivätoiminta", "dataset/iltapaivatoiminnan-jarjestamisen-tiedot"),
    ("fi", "kuraattori", "dataset/kuraattorien-yksilokohtainen-rekisteri"),
    ("fi", "opiskelijahuolto", "dataset/opiskelijahuollon-tiedot"),
    ("fi", "vapaan sivistystyön tiedot", "dataset/vapaan-sivistystyon-tiedot"),
    ("fi", "koulumatkat", "system/koulumatkojen-hallinta"),
    ("fi", "kodin ja koulun yhteistyö", "system/kodin-ja-koulun-yhteistyo"),
    ("fi", "varda", "system/varda"),
    ("fi", "perusopetuksen", "dataset/perusopetus"),
    ("fi", "tilavaraus", "system/ajan-ja-tilanvaraus"),
    ("fi", "tilavarauksen", "system/ajan-ja-tilanvaraus"),
    ("fi", "tutkinnot", "system/opintosuoritukset-ja-tutkintotiedot"),
    ("fi", "hallinnon", "dataset/toimialan-hallinto"),
    ("fi", "henkilöstöpalvelut", "dataset/henkilostopalveluiden-tietoaineistot"),
    ("fi", "puhelinpalvelu", "dataset/puhelinpalveluiden-asiakastiedot"),
    ("fi", "arkistointi", "system/kuha-arkistointi"),
    ("fi", "yo-kirjoitukset", "system/yo-kirjoitusten-valmistautuminen"),
    # Finnish: everyday words and typos
    ("fi", "päiväkoti", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "päiväkodit", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "päiväkotitiedot", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "koulukuraattori", "dataset/kuraattorien-yksilokohtainen-rekisteri"),
    ("fi", "opilas", "system/oppilashallinto"),
    ("fi", "varhaiskasvtus", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "oppivelvolisuus", "dataset/oppivelvollisuuden-valvonnan-tiedot"),
    ("fi", "esiopetsu", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "henkilökunta", "dataset/henkilostopalveluiden-tietoaineistot"),
    ("fi", "arvosanat", "system/opintosuoritukset-ja-tutkintotiedot"),
    # Finnish: compounds the catalogue does not write as one word (split into the words it does)
    ("fi", "varhaiskasvatuspaikka", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "varhaiskasvatusmaksut", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("fi", "oppilashuoltorekisteri", "dataset/kuraattorien-yksilokohtainen-rekisteri"),
    # Swedish
    ("sv", "småbarnspedagogik", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("sv", "förskoleundervisningen", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("sv", "läroplikt", "dataset/oppivelvollisuuden-valvonnan-tiedot"),
    ("sv", "läroplikten", "dataset/oppivelvollisuuden-valvonnan-tiedot"),
    ("sv", "elevvården i grundskolan", "dataset/peruskoulun-oppilashuollon-tiedot"),
    ("sv", "elevvårdssystem", "system/oppilashuolto"),
    ("sv", "yrkesutbildningen", "dataset/lukio-ammatillinen-ja-vapaa-sivistystyo"),
    ("sv", "studieadministration yrkesutbildning", "dataset/ammatillisen-koulutuksen-opintohallintotiedot"),
    ("sv", "läroavtalsutbildning", "dataset/oppisopimuskoulutuksen-jarjestamisen-tiedot"),
    ("sv", "eftermiddagsverksamhet", "dataset/iltapaivatoiminnan-jarjestamisen-tiedot"),
    ("sv", "dagvårdare", "dataset/paivahoitajatiedot"),
    ("sv", "kurator", "dataset/kuraattorien-yksilokohtainen-rekisteri"),
    ("sv", "studerandevård", "dataset/opiskelijahuollon-tiedot"),
    ("sv", "skolresor", "system/koulumatkojen-hallinta"),
    ("sv", "fritt bildningsarbete", "dataset/lukio-ammatillinen-ja-vapaa-sivistystyo"),
    ("sv", "grundläggande utbildning", "dataset/perusopetus"),
    ("sv", "samarbete mellan hem och skola", "system/kodin-ja-koulun-yhteistyo"),
    # Swedish: everyday words and typos
    ("sv", "daghem", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("sv", "skolskjuts", "system/koulumatkojen-hallinta"),
    ("sv", "småbarnspedagogig", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("sv", "läropligt", "dataset/oppivelvollisuuden-valvonnan-tiedot"),
    ("sv", "elevvårdsystem", "system/oppilashuolto"),
    ("sv", "elevvårdsregister", "dataset/kuraattorien-yksilokohtainen-rekisteri"),
    ("sv", "yrkesutbilding", "dataset/lukio-ammatillinen-ja-vapaa-sivistystyo"),
    # English
    ("en", "early childhood education", "dataset/varhaiskasvatus-ja-esiopetus"),
    ("en", "compulsory education", "dataset/oppivelvollisuuden-valvonnan-tiedot"),
    ("en", "school transport", "system/koulumatkojen-hallinta"),
    ("en", "daycare", "dataset/varhaiskasvatus-ja-esiopetus"),
]
"""(page language, what a person types, the site path of the first hit they should get)."""

FIRST_HIT = re.compile(r'<ol class="hits">\s*<li><a href="([^"]+)"')


def test_the_list_is_long_enough_and_in_both_languages():
    assert len(QUERIES) >= 40
    assert sum(lang == "fi" for lang, _, _ in QUERIES) >= 20 and sum(lang == "sv" for lang, _, _ in QUERIES) >= 20


@pytest.fixture(scope="module")
def served():
    with serving("--sparql-workers", "1", "--no-warm") as running:
        yield running


def get(served, lang: str, query: str) -> str:
    url = served.base + "search?" + urlencode({"q": query, "lang": lang})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=30) as answer:
        return answer.read().decode("utf-8")


def test_each_query_gets_its_expected_first_hit(served):
    wrong = []
    for lang, query, expected in QUERIES:
        found = FIRST_HIT.search(get(served, lang, query))
        first = unescape(found.group(1)) if found else None
        if first != f"{served.base}{expected}?lang={lang}":
            wrong.append((lang, query, expected, first))
    assert not wrong, "\n".join(map(str, wrong))


def test_a_typo_says_did_you_mean_and_the_words_are_shown_in_context(served):
    page = get(served, "fi", "opilas")
    assert 'class="suggestion"' in page and ">oppilas</a>?" in page
    assert "1 osumaa" not in page and re.search(r"<h2>\d+ osumaa haulla ”oppilas”</h2>", page)
    assert re.search(r'<p class="context"[^>]*>[^<]*<mark>[^<]*[Oo]ppilas', page)
    swedish = get(served, "sv", "läropligt")  # matched by stem and prefix: no correction needed
    assert "<mark>" in swedish and "läroplikt" in swedish.lower()


def test_words_that_match_nothing_are_named_and_nothing_is_invented(served):
    page = get(served, "sv", "xyzzyqq")
    assert "Inga träffar för ”xyzzyqq”." in page and '<ol class="hits">\n</ol>' in page
    assert "De här orden hittades inte: xyzzyqq" in page


ABSENT = [
    ("fi", "kouluruokailu"),
    ("fi", "kiusaaminen"),
    ("fi", "kansalaisopisto"),
    ("fi", "koulupaikka"),
    ("sv", "skolhälsovård"),
    ("sv", "specialundervisning"),
]
"""Everyday words for what the description does not mention: nothing may be found for them (no compound
split or spelling guess may turn them into a loosely related word)."""


def test_words_the_description_does_not_mention_find_nothing(served):
    found = {
        (lang, query): page
        for lang, query in ABSENT
        if '<ol class="hits">\n</ol>' not in (page := get(served, lang, query))
    }
    assert not found, list(found)


def test_one_hit_is_singular():
    from kasko_dcat.i18n.messages import render

    assert render("site-hits", "fi", {"count": "1", "query": "x"}) == "1 osuma haulla ”x”"
    assert render("site-hits", "sv", {"count": "1", "query": "x"}) == "1 träff för ”x”"
    assert render("site-hits", "en", {"count": "1", "query": "x"}) == "1 result for “x”"
    assert render("site-hits", "fi", {"count": "2", "query": "x"}) == "2 osumaa haulla ”x”"


def test_matching_rules_on_a_tiny_index():
    index = search.Index(
        [
            search.Document("a", "kind_dataset", (("title", "fi", "Varhaiskasvatuksen asiakastiedot"),)),
            search.Document("b", "kind_dataset", (("description", "fi", "Päivähoidon ja koulun tiedot"),)),
            search.Document("c", "kind_dataset", (("keyword", "sv", "elevvård"), ("title", "sv", "Kuratorer"))),
        ]
    )
    assert [hit.key for hit in index.search("varhaiskasvatus", "fi").hits] == ["a"]  # -us ~ -uksen
    assert [hit.key for hit in index.search("päivähoito", "fi").hits] == ["b"]  # gradation t ~ d
    assert [hit.key for hit in index.search("elev", "sv").hits] == ["c"]  # a compound's head
    assert [hit.key for hit in index.search("koulukuljetus", "fi").hits] == []  # not "koulu" inside it
    institution = search.Index([search.Document("i", "kind_system", (("title", "fi", "Oppilaitoksen järjestelmä"),))])
    assert institution.search("oppilas", "fi").hits == ()  # a pupil is not an institution (oppila-itos)
    assert [hit.key for hit in index.search("kasvatus", "fi").hits] == ["a"]  # inside varhais|kasvatuksen
    answer = index.search("kruatorer", "sv")
    assert answer.corrected == "kuratorer" and [hit.key for hit in answer.hits] == ["c"]
    title_first = search.Index(
        [
            search.Document("desc", "kind_dataset", (("description", "fi", "oppilas"),)),
            search.Document("kw", "kind_dataset", (("keyword", "fi", "oppilas"),)),
            search.Document("title", "kind_dataset", (("title", "fi", "Oppilaat"),)),
        ]
    )
    assert [hit.key for hit in title_first.search("oppilaan", "fi").hits] == ["title", "kw", "desc"]


def test_a_compound_the_index_does_not_hold_is_split_into_words_it_does():
    index = search.Index(
        [
            search.Document(
                "r", "kind_dataset", (("title", "sv", "Kuratorernas register"), ("keyword", "sv", "elevvård"))
            ),
            search.Document("s", "kind_system", (("title", "sv", "Elevvårdens system"),)),
            search.Document(
                "v", "kind_dataset", (("title", "fi", "Varhaiskasvatus"), ("other", "fi", "varhaiskasvatuslaki"))
            ),
        ]
    )
    answer = index.search("elevvårdsregister", "sv")  # elevvård|s|register: both parts in one document
    assert answer.corrected == "elevvårds register" and answer.hits[0].key == "r"
    assert index.search("varhaiskasvatuspaikka", "fi").corrected == "varhaiskasvatus"  # not ...laki
    assert index.search("registersystem", "sv").corrected is None  # the parts never meet in one document
    assert index.search("elevvårdsregistret", "sv").hits[0].key == "r"


def test_an_inflected_us_noun_finds_the_compounds_it_heads():
    index = search.Index([search.Document("t", "kind_system", (("title", "fi", "Tilavarausjärjestelmä"),))])
    assert [hit.key for hit in index.search("tilavarauksen", "fi").hits] == ["t"]  # stem tilavarauks, head tilavaraus


def test_consonant_gradation_at_the_end_of_a_finnish_word():
    index = search.Index(
        [
            search.Document("t", "kind_system", (("title", "fi", "Tutkintotietojen järjestelmä"),)),
            search.Document("h", "kind_dataset", (("title", "fi", "Hallintopalvelut"),)),
            search.Document("a", "kind_system", (("title", "fi", "Asianhallinta"),)),
        ]
    )
    assert [hit.key for hit in index.search("tutkinnot", "fi").hits] == ["t"]  # nn ~ nt: tutkinto|tietojen
    assert index.search("hallinnon", "fi").hits[0].key == "h"  # hallinto before hallinta
