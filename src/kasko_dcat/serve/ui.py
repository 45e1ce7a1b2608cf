"""The citizen site's interface texts in Finnish, Swedish and English.

Only the words of the interface live here (headings, labels, buttons); every fact shown on a
page comes from the catalogue. Labels are plain words, not vocabulary terms: "Who decides on
disclosure", not ``tvk:disclosureAuthority``. ``tests/test_site.py`` checks that all three
languages have the same keys.
"""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "fi": {
        "skip": "Siirry sisältöön",
        "main_nav": "Päävalikko",
        "home": "Etusivu",
        "request": "Näin pyydät tietoja",
        "systems_title": "Tietojärjestelmät",
        "picture_title": "Mitkä järjestelmät sisältävät minkin tietovarannon tietoja",
        "picture_short": "Kuva",
        "quality_short": "Laatu",
        "quality_title": "Metatietojen laatu",
        "quality_intro": (
            "EU:n tietoportaali data.europa.eu arvioi jokaisen keräämänsä luettelon kuvailutietojen laadun viidellä "
            "osa-alueella, enintään 405 pistettä. Tämä on sama arvio laskettuna tästä kuvauksesta ennen julkaisua."
        ),
        "quality_points": "pistettä",
        "quality_not_checked": (
            "{points} pistettä ei ole mukana: se, vastaavatko "
            "käyttö- ja latausosoitteet, tarkistetaan erikseen verkon kautta."
        ),
        "quality_bands": "Luokat: erinomainen 351–405, hyvä 221–350, riittävä 121–220, heikko 0–120.",
        "quality_dimensions": "Osa-alueet",
        "quality_indicators": "Mittarit",
        "quality_indicators_intro": (
            "Kustakin mittarista saa pisteitä sen mukaan, kuinka moni aineisto tai jakelu täyttää sen."
        ),
        "quality_indicator": "Mittari",
        "quality_points_heading": "Pisteet",
        "quality_items": "Täyttää",
        "quality_gaps": (
            "Pisteitä puuttuu myös siksi, että kuvaus ei kerro kaikkea (esimerkiksi ajanjaksoa, jota tiedot koskevat). "
            "Puuttuvia tietoja ei keksitä pisteiden vuoksi; ne täydennetään, kun toimiala ilmoittaa ne."
        ),
        "search_title": "Haku",
        "sparql": "SPARQL-kyselyt",
        "language": "Kieli",
        "linked_data": "Linkitetty data",
        "linked_data_intro": "Tämän sivun tiedot koneluettavana (RDF) ja sellaisinaan.",
        "formats": "Koneluettavana",
        "not_stated": "Ei ilmoitettu kuvauksessa",
        "resources_heading": "Tietovarannot ja niiden rekisterit",
        "registers": "Rekisterit",
        "request_box_heading": "Haluatko pyytää tietoja?",
        "request_box_text": "Katso, minne ja miten lähetät tietopyynnön toimialan asiakirjoista.",
        "publisher": "Julkaisija",
        "request_title": "Näin pyydät tietoja",
        "request_intro": (
            "Tietopyynnön voi tehdä sähköisesti asiointiportaalissa tai kirjallisesti sähköpostilla tai kirjeellä."
        ),
        "electronic": "Sähköisesti",
        "email": "Sähköposti",
        "phone": "Puhelin",
        "by_post": "Postiosoite",
        "visiting": "Käyntiosoite",
        "more_info": "Lisätietoja",
        "identify_heading": "Mitä pyynnössä kerrotaan",
        "identify_text": (
            "Kerro pyynnössä, mitä asiakirjaa se koskee. Viranomainen auttaa sinua yksilöimään asiakirjan."
        ),
        "law": "Laki",
        "section_13": "13 §",
        "identify_tip": (
            "Kerro mieluiten myös tietovaranto, rekisteri, tietojärjestelmä ja hakutekijät, kuten alla "
            "olevissa esimerkeissä."
        ),
        "examples_heading": "Esimerkkejä tietopyynnöistä",
        "resource": "Tietovaranto",
        "register": "Rekisteri",
        "system": "Tietojärjestelmä",
        "search_keys": "Hakutekijät",
        "send_to": "Minne pyyntö lähetetään",
        "handled_by": "Käsittelee",
        "part_of": "Kuuluu tietovarantoon",
        "description": "Kuvaus",
        "how_to_request": "Tietojen pyytäminen",
        "how_to_request_text": "Pyydä tämän {kind} tietoja toimialalta.",
        "kind_resource_gen": "tietovarannon",
        "kind_register_gen": "rekisterin",
        "examples": "Esimerkki tietopyynnöstä",
        "examples_of_parent": "Esimerkki tietopyynnöstä samaan tietovarantoon",
        "access_rights": "Julkisuus",
        "access_NON_PUBLIC_means": "tietoja voi pyytää tietopyynnöllä",
        "disclosure": "Kuka päättää tietojen luovuttamisesta",
        "contact": "Yhteystiedot",
        "data_contents": "Tietosisältö",
        "data_groups": "Tietoryhmät",
        "systems": "Tietojärjestelmät",
        "supporting_systems": "Lisäksi käytetyt järjestelmät",
        "legislation": "Lainsäädäntö",
        "privacy": "Tietosuojaselosteet",
        "interface": "Saatavuus teknisen rajapinnan kautta",
        "keywords": "Avainsanat",
        "themes": "Aihealue",
        "feeds": "Tuottaa tietoja",
        "systems_intro": (
            "Kaikki tietojärjestelmät, joissa toimialan tietovarantojen tietoja on, ja tietovarannot, "
            "joiden tietoja kussakin on."
        ),
        "holds_data_of": "Sisältää tietoja",
        "city_wide": "Kaupunkiyhteinen, käytössä:",
        "written_as": "Nimi kuvauksessa",
        "main_for": "Sisältää näiden tietoja",
        "supporting_for": "Tukijärjestelmänä näille",
        "homepage": "Verkkosivu",
        "picture_alt": (
            "Kuva: tietojärjestelmät riveinä, tietovarannot sarakkeina; täytetty ympyrä, kun "
            "järjestelmä sisältää tietovarannon tietoja, rengas, kun se on tukijärjestelmä. Sama "
            "tekstinä kuvan alla."
        ),
        "picture_text": "Sama tekstinä",
        "picture_open": "Avaa kuva omana sivunaan (voit suurentaa sitä)",
        "main": "sisältää tietoja",
        "supporting": "tukijärjestelmä",
        "legend": "Selite",
        "search_label": "Hae tietovarannoista, rekistereistä ja järjestelmistä",
        "search_button": "Hae",
        "search_hint": (
            "Hae nimistä, avainsanoista, kuvauksista, tietoryhmistä, rekistereistä, järjestelmistä, "
            "hakutekijöistä ja tietopyyntöesimerkeistä. Sanat löytyvät missä taivutusmuodossa tahansa."
        ),
        "no_hits": "Haulla ”{query}” ei löytynyt mitään.",
        "found_in": "Löytyi",
        "did_you_mean": "Tarkoititko",
        "showing_suggestion": "Alla ovat sen tulokset.",
        "words_not_found": "Näitä sanoja ei löytynyt",
        "found_title": "nimestä",
        "found_written_as": "kuvauksessa käytetyistä nimistä",
        "found_keyword": "avainsanoista",
        "found_description": "kuvauksesta",
        "found_data_group": "tietoryhmistä",
        "found_register": "rekistereistä",
        "found_system": "tietojärjestelmistä",
        "found_search_key": "hakutekijöistä",
        "found_example": "tietopyyntöesimerkeistä",
        "found_other": "muista tiedoista",
        "kind_dataset": "Tietovaranto tai rekisteri",
        "kind_system": "Tietojärjestelmä",
        "query": "Kysely",
        "run": "Suorita",
        "bundled": "Valmiit kyselyt",
        "results": "Tulos",
        "rows_shown": (
            "Sivulla näytetään ensimmäiset {shown}; kaikki rivit saa kyselypalvelusta ilman output=html-parametria."
        ),
        "referenced": "Viittaavat tähän",
        "address_iri": "Tunniste (IRI)",
        "property": "Ominaisuus",
        "value": "Arvo",
        "not_found_title": "Sivua ei löytynyt",
        "not_found_text": (
            "Tällä osoitteella ei ole sivua. Ehkä osoite on kirjoitettu väärin tai sivu on siirtynyt. Jatka tästä:"
        ),
        "not_stated_list": "Kuvauksessa ei ole ilmoitettu",
        "ask_about_missing": "Voit kysyä niistä toimialalta: näin pyydät tietoja",
        "publisher_type_LocalAuthority": "Kunnallinen viranomainen",
        "publisher_type_RegionalAuthority": "Alueellinen viranomainen",
        "publisher_type_NationalAuthority": "Valtion viranomainen",
        "eu_label_english_only": "EU:n julkaisijatyyppiluokituksessa nimi on vain englanniksi",
        "org_part_of": "Kuuluu organisaatioon",
        "org_reports_to": "Toimii toimielimen alaisena",
        "org_units": "Yksiköt",
        "business_id": "Y-tunnus",
        "org_handles": "Tämä organisaatio käsittelee tietopyynnöt, jotka tulevat näitä kanavia pitkin:",
        "org_resources": "Tietovarannot, joiden tiedoista organisaatio vastaa",
    },
    "sv": {
        "skip": "Hoppa till innehållet",
        "main_nav": "Huvudmeny",
        "home": "Startsida",
        "request": "Så begär du uppgifter",
        "systems_title": "Informationssystem",
        "picture_title": "Vilka system som innehåller uppgifter ur vilken informationsresurs",
        "picture_short": "Bild",
        "quality_short": "Kvalitet",
        "quality_title": "Metadatakvalitet",
        "quality_intro": (
            "EU:s dataportal data.europa.eu bedömer metadatakvaliteten i varje katalog den samlar in inom fem "
            "områden, högst 405 poäng. Det här är samma bedömning, beräknad ur den här beskrivningen före publicering."
        ),
        "quality_points": "poäng",
        "quality_not_checked": (
            "{points} poäng ingår inte: om åtkomst- "
            "och nedladdningsadresserna svarar kontrolleras separat via nätverket."
        ),
        "quality_bands": "Klasser: utmärkt 351–405, bra 221–350, tillräcklig 121–220, dålig 0–120.",
        "quality_dimensions": "Områden",
        "quality_indicators": "Indikatorer",
        "quality_indicators_intro": (
            "Varje indikator ger poäng efter hur många datamängder eller distributioner som uppfyller den."
        ),
        "quality_indicator": "Indikator",
        "quality_points_heading": "Poäng",
        "quality_items": "Uppfyller",
        "quality_gaps": (
            "Poäng saknas också för att beskrivningen inte anger allt (till exempel vilken tidsperiod "
            "uppgifterna gäller). Uppgifter som saknas hittas inte på för poängens skull; de fylls i när "
            "sektorn anger dem."
        ),
        "search_title": "Sök",
        "sparql": "SPARQL-frågor",
        "language": "Språk",
        "linked_data": "Länkade data",
        "linked_data_intro": "Uppgifterna på den här sidan i maskinläsbar form (RDF), så som de är.",
        "formats": "Maskinläsbart",
        "not_stated": "Anges inte i beskrivningen",
        "resources_heading": "Informationsresurser och deras register",
        "registers": "Register",
        "request_box_heading": "Vill du begära uppgifter?",
        "request_box_text": "Se vart och hur du skickar en begäran om uppgifter ur sektorns handlingar.",
        "publisher": "Utgivare",
        "request_title": "Så begär du uppgifter",
        "request_intro": (
            "Begäran om uppgifter kan göras elektroniskt i e-tjänstportalen eller skriftligt per e-post eller brev."
        ),
        "electronic": "Elektroniskt",
        "email": "E-post",
        "phone": "Telefon",
        "by_post": "Postadress",
        "visiting": "Besöksadress",
        "more_info": "Mer information",
        "identify_heading": "Vad begäran ska innehålla",
        "identify_text": (
            "Ange i begäran vilken handling den gäller. Myndigheten hjälper dig att specificera handlingen."
        ),
        "law": "Lag",
        "section_13": "13 §",
        "identify_tip": (
            "Ange gärna också informationsresurs, register, informationssystem och sökfaktorer, som i exemplen nedan."
        ),
        "examples_heading": "Exempel på begäran om uppgifter",
        "resource": "Informationsresurs",
        "register": "Register",
        "system": "Informationssystem",
        "search_keys": "Sökfaktorer",
        "send_to": "Vart begäran skickas",
        "handled_by": "Behandlas av",
        "part_of": "Ingår i informationsresursen",
        "description": "Beskrivning",
        "how_to_request": "Begära uppgifter",
        "how_to_request_text": "Begär uppgifter ur {kind} hos sektorn.",
        "kind_resource_gen": "den här informationsresursen",
        "kind_register_gen": "det här registret",
        "examples": "Exempel på begäran",
        "examples_of_parent": "Exempel på begäran till samma informationsresurs",
        "access_rights": "Offentlighet",
        "access_NON_PUBLIC_means": "uppgifterna kan begäras med en begäran om uppgifter",
        "disclosure": "Vem beslutar om utlämnande av uppgifter",
        "contact": "Kontaktuppgifter",
        "data_contents": "Datainnehåll",
        "data_groups": "Datagrupper",
        "systems": "Informationssystem",
        "supporting_systems": "Dessutom använda system",
        "legislation": "Lagstiftning",
        "privacy": "Dataskyddsbeskrivningar",
        "interface": "Tillgänglighet via tekniskt gränssnitt",
        "keywords": "Nyckelord",
        "themes": "Tema",
        "feeds": "Producerar uppgifter till",
        "systems_intro": (
            "Alla informationssystem där sektorns informationsresurser har uppgifter, och vilka "
            "informationsresursers uppgifter varje system innehåller."
        ),
        "holds_data_of": "Innehåller uppgifter ur",
        "city_wide": "Gemensamt för staden, används av:",
        "written_as": "Namn i beskrivningen",
        "main_for": "Innehåller uppgifter ur",
        "supporting_for": "Stödsystem för",
        "homepage": "Webbplats",
        "picture_alt": (
            "Bild: informationssystemen som rader, informationsresurserna som kolumner; fylld cirkel "
            "när systemet innehåller uppgifter ur resursen, ring när det är ett stödsystem. Samma som "
            "text under bilden."
        ),
        "picture_text": "Samma som text",
        "picture_open": "Öppna bilden på en egen sida (du kan förstora den)",
        "main": "innehåller uppgifter",
        "supporting": "stödsystem",
        "legend": "Förklaring",
        "search_label": "Sök bland informationsresurser, register och system",
        "search_button": "Sök",
        "search_hint": (
            "Söker i namn, nyckelord, beskrivningar, datagrupper, register, system, sökfaktorer och "
            "exempel på begäran. Orden hittas i vilken böjningsform som helst."
        ),
        "no_hits": "Inga träffar för ”{query}”.",
        "found_in": "Hittades i",
        "did_you_mean": "Menade du",
        "showing_suggestion": "Här är träffarna för det.",
        "words_not_found": "De här orden hittades inte",
        "found_title": "namnet",
        "found_written_as": "namnen i beskrivningen",
        "found_keyword": "nyckelorden",
        "found_description": "beskrivningen",
        "found_data_group": "datagrupperna",
        "found_register": "registren",
        "found_system": "informationssystemen",
        "found_search_key": "sökfaktorerna",
        "found_example": "exemplen på begäran",
        "found_other": "andra uppgifter",
        "kind_dataset": "Informationsresurs eller register",
        "kind_system": "Informationssystem",
        "query": "Fråga",
        "run": "Kör",
        "bundled": "Färdiga frågor",
        "results": "Resultat",
        "rows_shown": "Sidan visar de första {shown}; alla rader fås från frågetjänsten utan parametern output=html.",
        "referenced": "Hänvisar hit",
        "address_iri": "Identifierare (IRI)",
        "property": "Egenskap",
        "value": "Värde",
        "not_found_title": "Sidan hittades inte",
        "not_found_text": (
            "Det finns ingen sida med den här adressen. Adressen kan vara felskriven eller sidan flyttad. Fortsätt här:"
        ),
        "not_stated_list": "Beskrivningen anger inte",
        "ask_about_missing": "Du kan fråga sektorn om dem: så begär du uppgifter",
        "publisher_type_LocalAuthority": "Kommunal myndighet",
        "publisher_type_RegionalAuthority": "Regional myndighet",
        "publisher_type_NationalAuthority": "Statlig myndighet",
        "eu_label_english_only": "i EU:s klassificering av utgivartyper finns namnet bara på engelska",
        "org_part_of": "Ingår i",
        "org_reports_to": "Lyder under",
        "org_units": "Enheter",
        "business_id": "FO-nummer",
        "org_handles": "Den här organisationen behandlar begäranden om uppgifter som kommer in via de här kanalerna:",
        "org_resources": "Informationsresurser som organisationen ansvarar för",
    },
    "en": {
        "skip": "Skip to content",
        "main_nav": "Main menu",
        "home": "Home",
        "request": "How to request data",
        "systems_title": "Information systems",
        "picture_title": "Which systems hold which information resource's data",
        "picture_short": "Picture",
        "quality_short": "Quality",
        "quality_title": "Metadata quality",
        "quality_intro": (
            "data.europa.eu, the EU's data portal, scores the metadata of every catalogue it harvests in five "
            "dimensions, 405 points in all. This is the same score, computed from this description before publishing."
        ),
        "quality_points": "points",
        "quality_not_checked": (
            "{points} points are not included: whether the access and "
            "download addresses answer is checked separately, over the network."
        ),
        "quality_bands": "Bands: excellent 351–405, good 221–350, sufficient 121–220, bad 0–120.",
        "quality_dimensions": "Dimensions",
        "quality_indicators": "Indicators",
        "quality_indicators_intro": (
            "Each indicator earns points by the share of datasets or distributions that meet it."
        ),
        "quality_indicator": "Indicator",
        "quality_points_heading": "Points",
        "quality_items": "Met by",
        "quality_gaps": (
            "Points are also missing because the description does not state everything (for example the period "
            "the data covers). Missing facts are not invented for points; they are filled in when the division "
            "states them."
        ),
        "search_title": "Search",
        "sparql": "SPARQL queries",
        "language": "Language",
        "linked_data": "Linked data",
        "linked_data_intro": "This page's facts in machine-readable form (RDF), as they are.",
        "formats": "Machine-readable",
        "not_stated": "Not stated in the description",
        "resources_heading": "Information resources and their registers",
        "registers": "Registers",
        "request_box_heading": "Do you want to request data?",
        "request_box_text": "See where and how to send a request for the Division's documents.",
        "publisher": "Publisher",
        "request_title": "How to request data",
        "request_intro": (
            "You can make a request electronically in the online services portal, or in writing by e-mail or letter."
        ),
        "electronic": "Electronically",
        "email": "E-mail",
        "phone": "Telephone",
        "by_post": "Postal address",
        "visiting": "Visiting address",
        "more_info": "More information",
        "identify_heading": "What to say in your request",
        "identify_text": "Say which document your request concerns. The authority helps you to identify the document.",
        "law": "Act",
        "section_13": "section 13",
        "identify_tip": (
            "If you can, also name the information resource, register, information system and search "
            "keys, as in the examples below."
        ),
        "examples_heading": "Examples of information requests",
        "resource": "Information resource",
        "register": "Register",
        "system": "Information system",
        "search_keys": "Search keys",
        "send_to": "Where to send the request",
        "handled_by": "Handled by",
        "part_of": "Part of the information resource",
        "description": "Description",
        "how_to_request": "Requesting data",
        "how_to_request_text": "Request data of {kind} from the Division.",
        "kind_resource_gen": "this information resource",
        "kind_register_gen": "this register",
        "examples": "Example request",
        "examples_of_parent": "Example request to the same information resource",
        "access_rights": "Access",
        "access_NON_PUBLIC_means": "the data can be asked for with an information request",
        "disclosure": "Who decides on disclosing the data",
        "contact": "Contact details",
        "data_contents": "Data contents",
        "data_groups": "Data groups",
        "systems": "Information systems",
        "supporting_systems": "Systems also used",
        "legislation": "Legislation",
        "privacy": "Privacy notices",
        "interface": "Available through a technical interface",
        "keywords": "Keywords",
        "themes": "Theme",
        "feeds": "Produces data for",
        "systems_intro": (
            "Every information system that holds data of the Division's information resources, and "
            "whose data each holds."
        ),
        "holds_data_of": "Holds data of",
        "city_wide": "City-wide, shared across:",
        "written_as": "Name in the description",
        "main_for": "Holds the data of",
        "supporting_for": "Supporting system for",
        "homepage": "Web page",
        "picture_alt": (
            "Picture: information systems as rows, information resources as columns; a filled circle "
            "where the system holds the resource's data, a ring where it is a supporting system. The "
            "same as text below the picture."
        ),
        "picture_text": "The same as text",
        "picture_open": "Open the picture on its own (you can zoom in)",
        "main": "holds data",
        "supporting": "supporting system",
        "legend": "Legend",
        "search_label": "Search information resources, registers and systems",
        "search_button": "Search",
        "search_hint": (
            "Searches names, keywords, descriptions, data groups, registers, systems, search keys and "
            "example requests, in any inflected form of the words."
        ),
        "no_hits": "Nothing found for “{query}”.",
        "found_in": "Found in",
        "did_you_mean": "Did you mean",
        "showing_suggestion": "Here are its results.",
        "words_not_found": "These words were not found",
        "found_title": "the name",
        "found_written_as": "the names used in the description",
        "found_keyword": "the keywords",
        "found_description": "the description",
        "found_data_group": "the data groups",
        "found_register": "the registers",
        "found_system": "the information systems",
        "found_search_key": "the search keys",
        "found_example": "the example requests",
        "found_other": "other details",
        "kind_dataset": "Information resource or register",
        "kind_system": "Information system",
        "query": "Query",
        "run": "Run",
        "bundled": "Ready-made queries",
        "results": "Result",
        "rows_shown": "The page shows the first {shown}; the endpoint gives every row without output=html.",
        "referenced": "Referred to by",
        "address_iri": "Identifier (IRI)",
        "property": "Property",
        "value": "Value",
        "not_found_title": "Page not found",
        "not_found_text": (
            "There is no page at this address. It may be mistyped, or the page may have moved. Go on from here:"
        ),
        "not_stated_list": "The description does not state",
        "ask_about_missing": "You can ask the Division about them: how to request data",
        "publisher_type_LocalAuthority": "Local authority",
        "publisher_type_RegionalAuthority": "Regional authority",
        "publisher_type_NationalAuthority": "National authority",
        "eu_label_english_only": "the EU's table of publisher types names it in English only",
        "org_part_of": "Part of",
        "org_reports_to": "Reports to",
        "org_units": "Units",
        "business_id": "Business ID",
        "org_handles": "This organisation handles the information requests that arrive through these channels:",
        "org_resources": "Information resources the organisation is responsible for",
    },
}
