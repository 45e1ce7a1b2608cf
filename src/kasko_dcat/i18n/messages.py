"""What kasko-dcat says to people, in English and Finnish.

Each entry is ``code: {lang: (what happened, how to fix it)}``. Keeping both languages side by
side makes a missing translation visible in review, and ``tests/test_messages.py`` checks that
every entry has both and that their placeholders match.
"""

from __future__ import annotations

from kasko_dcat.i18n.languages import DEFAULT_MESSAGE_LANG, MESSAGE_LANGS

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # --- reading YAML -------------------------------------------------------------------------
    "yaml-syntax": {
        "en": (
            "the YAML cannot be read: {problem}",
            "check the indentation and quoting on this line and the line above",
        ),
        "fi": (
            "YAML-tiedostoa ei voi lukea: {problem}",
            "tarkista sisennys ja lainausmerkit tällä ja edellisellä rivillä",
        ),
    },
    "yaml-encoding": {
        "en": ("the file is not UTF-8 text", "save the file as UTF-8"),
        "fi": ("tiedosto ei ole UTF-8-tekstiä", "tallenna tiedosto UTF-8-muodossa"),
    },
    "yaml-empty": {
        "en": ("the file is empty", "restore its content from version control or see source/README.md"),
        "fi": ("tiedosto on tyhjä", "palauta sisältö versionhallinnasta tai katso source/README.md"),
    },
    "yaml-duplicate-key": {
        "en": ("the field '{key}' appears twice in the same block (first on line {first})", "keep one of them"),
        "fi": ("kenttä '{key}' esiintyy kahdesti samassa lohkossa (ensin rivillä {first})", "jätä vain toinen"),
    },
    "yaml-key-not-text": {
        "en": ("a field name must be text, found {found}", "write the field name as plain text"),
        "fi": ("kentän nimen pitää olla tekstiä, löytyi {found}", "kirjoita kentän nimi tavallisena tekstinä"),
    },
    "file-missing": {
        "en": ("this file is missing", "create it; source/README.md describes each file"),
        "fi": ("tiedosto puuttuu", "luo tiedosto; source/README.md kuvaa jokaisen tiedoston"),
    },
    "yaml-character": {
        "en": ("the file contains the control character {character}", "delete it; it is invisible in most editors"),
        "fi": ("tiedostossa on ohjausmerkki {character}", "poista se; useimmat editorit eivät näytä sitä"),
    },
    "resource-file-name": {
        "en": ("this file is not read: only files ending in .yaml are", "rename it to end in .yaml"),
        "fi": ("tätä tiedostoa ei lueta: vain .yaml-päätteiset luetaan", "nimeä tiedosto .yaml-päätteiseksi"),
    },
    "no-resources": {
        "en": (
            "there are no information resources (resources/*.yaml)",
            "add one YAML file per information resource in this folder",
        ),
        "fi": (
            "tietovarantoja ei ole (resources/*.yaml)",
            "lisää tähän kansioon yksi YAML-tiedosto kutakin tietovarantoa kohden",
        ),
    },
    # --- shape of the data ----------------------------------------------------------------------
    "not-a-mapping": {
        "en": ("'{key}' must be a block of 'field: value' lines, found {found}", "indent the fields under '{key}:'"),
        "fi": (
            "kohdan '{key}' pitää olla 'kenttä: arvo' -rivien lohko, löytyi {found}",
            "sisennä kentät kohdan '{key}:' alle",
        ),
    },
    "not-a-list": {
        "en": ("'{key}' must be a list, found {found}", "write each item on its own line starting with '- '"),
        "fi": (
            "kohdan '{key}' pitää olla luettelo, löytyi {found}",
            "kirjoita jokainen alkio omalle rivilleen '- '-merkillä alkaen",
        ),
    },
    "not-text": {
        "en": ("'{key}' must be text, found {found}", "write the value as text; quote it if it looks like a number"),
        "fi": (
            "kohdan '{key}' pitää olla tekstiä, löytyi {found}",
            "kirjoita arvo tekstinä; lainausmerkit, jos se näyttää luvulta",
        ),
    },
    "not-bool": {
        "en": (
            "'{key}' must be true or false, found {found}",
            "write true or false, or leave it empty (~) when it is not known",
        ),
        "fi": (
            "kohdan '{key}' pitää olla true tai false, löytyi {found}",
            "kirjoita true tai false, tai jätä tyhjäksi (~), jos asiaa ei tiedetä",
        ),
    },
    "unknown-field": {
        "en": ("unknown field '{key}'", "did you mean '{close}'? Fields allowed here: {allowed}"),
        "fi": ("tuntematon kenttä '{key}'", "tarkoititko '{close}'? Sallitut kentät: {allowed}"),
    },
    "unknown-field-far": {
        "en": ("unknown field '{key}'", "fields allowed here: {allowed}"),
        "fi": ("tuntematon kenttä '{key}'", "sallitut kentät: {allowed}"),
    },
    "missing-field": {
        "en": ("'{key}' needs a value here", "write '{key}: …' in this block; source/README.md shows an example"),
        "fi": (
            "kenttä '{key}' tarvitsee arvon",
            "kirjoita '{key}: …' tähän lohkoon; esimerkki on tiedostossa source/README.md",
        ),
    },
    "empty-item": {
        "en": ("an item under '{key}' is empty", "write the value or remove the line"),
        "fi": ("kohdan '{key}' alkio on tyhjä", "kirjoita arvo tai poista rivi"),
    },
    "empty-list": {
        "en": ("'{key}' must list at least one item", "add an item, or remove '{key}' if that is allowed"),
        "fi": (
            "kohdassa '{key}' pitää olla vähintään yksi alkio",
            "lisää alkio tai poista '{key}', jos se on sallittua",
        ),
    },
    # --- identifiers and references --------------------------------------------------------------
    "bad-id": {
        "en": (
            "'{value}' is not a valid id",
            "use lowercase letters a-z, digits and single hyphens, for example 'perusopetus'",
        ),
        "fi": (
            "'{value}' ei kelpaa tunnisteeksi",
            "käytä pieniä kirjaimia a-z, numeroita ja yksittäisiä yhdysmerkkejä, esim. 'perusopetus'",
        ),
    },
    "duplicate-id": {
        "en": ("the {kind} id '{id}' is already used at {first}", "give each {kind} its own id"),
        "fi": (
            "tunniste '{id}' ({kind}) on jo käytössä kohdassa {first}",
            "anna jokaiselle kohteelle ({kind}) oma tunniste",
        ),
    },
    "unknown-ref": {
        "en": ("there is no {kind} with id '{id}'", "did you mean '{close}'?"),
        "fi": ("tunnisteella '{id}' ei löydy kohdetta ({kind})", "tarkoititko '{close}'?"),
    },
    "unknown-ref-far": {
        "en": ("there is no {kind} with id '{id}'", "known ids: {known}"),
        "fi": ("tunnisteella '{id}' ei löydy kohdetta ({kind})", "tunnetut tunnisteet: {known}"),
    },
    "wrong-resource": {
        "en": (
            "register '{register}' belongs to resource '{actual}', not '{resource}'",
            "name the resource that the register is listed under",
        ),
        "fi": (
            "rekisteri '{register}' kuuluu tietovarantoon '{actual}', ei '{resource}'",
            "mainitse tietovaranto, jonka alle rekisteri on kirjattu",
        ),
    },
    "duplicate-text": {
        "en": (
            "'{text}' under '{key}' would get the same web address as '{other}'",
            "remove the repetition, or make the Finnish texts differ by more than case and punctuation",
        ),
        "fi": (
            "kohdan '{key}' teksti '{text}' saisi saman verkko-osoitteen kuin '{other}'",
            "poista toisto tai erota suomenkieliset tekstit muutenkin kuin kirjainkoolla ja välimerkeillä",
        ),
    },
    "text-without-name": {
        "en": ("'{text}' under '{key}' has no letters or digits to name it by", "write the text in words"),
        "fi": ("kohdan '{key}' tekstissä '{text}' ei ole kirjaimia tai numeroita", "kirjoita teksti sanoin"),
    },
    "duplicate-eli": {
        "en": ("the ELI '{value}' is already given at {first}", "describe each act once"),
        "fi": ("ELI-tunnus '{value}' on jo annettu kohdassa {first}", "kuvaa kukin säädös vain kerran"),
    },
    "channel-without-route": {
        "en": ("channel '{id}' says neither where nor how to send a request", "give its url, address or email"),
        "fi": ("kanava '{id}' ei kerro, minne tai miten pyyntö lähetetään", "anna sen url, address tai email"),
    },
    "duplicate-value": {
        "en": ("'{value}' is listed twice under '{key}'", "remove the repeated item"),
        "fi": ("'{value}' on lueteltu kahdesti kohdassa '{key}'", "poista toistuva alkio"),
    },
    # --- texts ----------------------------------------------------------------------------------
    "text-not-per-language": {
        "en": ("'{key}' must give its text per language, found {found}", "write it as {{fi: …, sv: …, en: …}}"),
        "fi": (
            "kohdan '{key}' teksti pitää antaa kielittäin, löytyi {found}",
            "kirjoita muodossa {{fi: …, sv: …, en: …}}",
        ),
    },
    "missing-fi": {
        "en": ("'{key}' has no Finnish text", "Finnish is the language of record: add 'fi: ...' under '{key}:'"),
        "fi": ("kohdasta '{key}' puuttuu suomenkielinen teksti", "lisää 'fi: ...' kohdan '{key}:' alle"),
    },
    "unknown-lang": {
        "en": ("'{key}' has text in an unknown language '{lang}'", "use fi, sv or en"),
        "fi": ("kohdassa '{key}' on tekstiä tuntemattomalla kielellä '{lang}'", "käytä kieliä fi, sv tai en"),
    },
    "empty-text": {
        "en": ("'{key}' in {lang} is empty", "write the text, or remove the line to leave the translation open"),
        "fi": ("kohdan '{key}' teksti kielellä {lang} on tyhjä", "kirjoita teksti tai poista rivi"),
    },
    "bad-keyword": {
        "en": (
            "the keyword '{value}' would be rejected by CKAN harvesters",
            "use 2-100 characters: letters, digits, spaces, '-', '_' or '.'",
        ),
        "fi": (
            "CKAN-haravoija hylkäisi avainsanan '{value}'",
            "käytä 2-100 merkkiä: kirjaimia, numeroita, välilyöntejä, '-', '_' tai '.'",
        ),
    },
    # --- typed values ---------------------------------------------------------------------------
    "bad-email": {
        "en": ("'{value}' is not an e-mail address", "write it as name@example.fi, without 'mailto:'"),
        "fi": ("'{value}' ei ole sähköpostiosoite", "kirjoita muodossa nimi@esimerkki.fi ilman 'mailto:'-alkua"),
    },
    "bad-url": {
        "en": ("'{value}' is not a web address", "write the full address starting with https:// or http://"),
        "fi": ("'{value}' ei ole verkko-osoite", "kirjoita koko osoite alkaen https:// tai http://"),
    },
    "bad-phone": {
        "en": ("'{value}' is not a phone number", "write it as 09 310 8600 or +358 9 310 8600"),
        "fi": ("'{value}' ei ole puhelinnumero", "kirjoita muodossa 09 310 8600 tai +358 9 310 8600"),
    },
    "bad-date": {
        "en": ("'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-26"),
        "fi": ("'{value}' ei ole päivämäärä", "kirjoita muodossa VVVV-KK-PP, esim. 2026-11-26"),
    },
    "bad-base-iri": {
        "en": (
            "'{value}' cannot be the base IRI",
            "use an http(s) address that ends with '/', e.g. https://data.example.fi/",
        ),
        "fi": (
            "'{value}' ei kelpaa perus-IRI:ksi",
            "käytä http(s)-osoitetta, joka päättyy '/'-merkkiin, esim. https://data.example.fi/",
        ),
    },
    "unknown-code": {
        "en": ("'{value}' is not a code of the {table} table", "use one of: {codes}"),
        "fi": ("'{value}' ei ole taulukon {table} koodi", "käytä jotakin näistä: {codes}"),
    },
    "personal-data-public": {
        "en": (
            "'{id}' holds personal data but its access rights are '{value}'",
            "personal data is never PUBLIC: use NON_PUBLIC or RESTRICTED, or correct personal_data",
        ),
        "fi": (
            "'{id}' sisältää henkilötietoja, mutta sen saatavuus on '{value}'",
            "henkilötiedot eivät ole julkisia: käytä NON_PUBLIC tai RESTRICTED tai korjaa personal_data",
        ),
    },
    "address-label": {
        "en": (
            "the address label does not contain '{part}'",
            "keep 'label' (the address as written) in step with the address fields",
        ),
        "fi": (
            "osoitteen tekstissä ('label') ei ole osaa '{part}'",
            "pidä 'label' (osoite kirjoitettuna) ja osoitekentät yhtäpitävinä",
        ),
    },
    # --- gaps: facts the source leaves unknown --------------------------------------------------
    "gap-translation": {
        "en": ("'{key}' has no {lang} translation", "add '{lang}: ...' under '{key}:'"),
        "fi": ("kohdalta '{key}' puuttuu käännös kielelle {lang}", "lisää '{lang}: ...' kohdan '{key}:' alle"),
    },
    "gap-privacy-notices": {
        "en": (
            "no privacy notices (tietosuojaselosteet) are listed for '{id}'",
            "add their web addresses under 'privacy_notices:'",
        ),
        "fi": (
            "tietovarannolle '{id}' ei ole lueteltu tietosuojaselosteita",
            "lisää niiden verkko-osoitteet kohtaan 'privacy_notices:'",
        ),
    },
    "gap-technical-interface": {
        "en": (
            "it is not stated whether '{id}' is openly available through a technical interface (§ 28 item 5)",
            "set 'technical_interface:' to true or false",
        ),
        "fi": (
            "ei ole kerrottu, onko '{id}' avoimesti saatavilla teknisen rajapinnan kautta (28 §:n 5 kohta)",
            "aseta 'technical_interface:' arvoon true tai false",
        ),
    },
    "gap-personal-data": {
        "en": (
            "it is not stated whether '{id}' holds personal data, so it has no access rights",
            "set 'personal_data:' to true or false, or give 'access_rights:'",
        ),
        "fi": (
            "ei ole kerrottu, sisältääkö '{id}' henkilötietoja, joten sillä ei ole saatavuustietoa",
            "aseta 'personal_data:' arvoon true tai false tai anna 'access_rights:'",
        ),
    },
    "gap-access-rights": {
        "en": (
            "'{id}' holds no personal data but its access rights are not stated",
            "give 'access_rights:' (PUBLIC, RESTRICTED or NON_PUBLIC)",
        ),
        "fi": (
            "'{id}' ei sisällä henkilötietoja, mutta sen saatavuutta ei ole kerrottu",
            "anna 'access_rights:' (PUBLIC, RESTRICTED tai NON_PUBLIC)",
        ),
    },
    "gap-register-description": {
        "en": (
            "register '{id}' has no description of its own; a generated one naming its resource is published",
            "add 'description:' with fi, sv and en text",
        ),
        "fi": (
            "rekisterillä '{id}' ei ole omaa kuvausta; julkaistaan tietovarannon nimeävä kuvaus",
            "lisää 'description:' suomeksi, ruotsiksi ja englanniksi",
        ),
    },
    "gap-search-keys": {
        "en": (
            "no search keys (hakutekijät) are given for '{id}' (§ 28 item 4)",
            "add a request example with 'search_keys:' for it in request.yaml",
        ),
        "fi": (
            "tietovarannolle '{id}' ei ole annettu hakutekijöitä (28 §:n 4 kohta)",
            "lisää sille tietopyyntöesimerkki, jossa on 'search_keys:', tiedostoon request.yaml",
        ),
    },
    "gap-catalog-field": {
        "en": ("the catalogue's '{key}' is not known", "fill in '{key}:' when the division decides it"),
        "fi": ("luettelon kenttää '{key}' ei tiedetä", "täytä '{key}:', kun toimiala päättää asiasta"),
    },
    "gap-placeholder-iri": {
        "en": (
            "base_iri {value} is a reserved example domain, so the published IRIs are not yet resolvable",
            "set base_iri to a domain the city controls (JHS 193)",
        ),
        "fi": (
            "base_iri {value} on varattu esimerkkitunnus, joten julkaistut IRI:t eivät vielä ratkea",
            "aseta base_iri kaupungin hallitsemaan verkkotunnukseen (JHS 193)",
        ),
    },
    "gap-organisation-type": {
        "en": (
            "the kind of organisation '{id}' is not stated (LocalAuthority, NationalAuthority, …)",
            "set 'type:' to an ADMS publisher-type code",
        ),
        "fi": (
            "organisaation '{id}' tyyppiä ei ole kerrottu (LocalAuthority, NationalAuthority, …)",
            "aseta 'type:' ADMS-julkaisijatyypin koodiksi",
        ),
    },
    "gap-contact-point": {
        "en": (
            "the datasets have no contact point for information requests (§ 28 item 2)",
            "add one under 'contact_points:' in request.yaml and name it in 'dataset_defaults: contact_point:'",
        ),
        "fi": (
            "aineistoilla ei ole yhteyspistettä tietopyynnöille (28 §:n 2 kohta)",
            "lisää se kohtaan 'contact_points:' tiedostossa request.yaml ja nimeä se kohdassa "
            "'dataset_defaults: contact_point:'",
        ),
    },
    "gap-channels": {
        "en": (
            "no channel for making information requests is given (§ 28 item 2)",
            "add the e-service, e-mail or postal address under 'channels:'",
        ),
        "fi": (
            "tietopyyntöjen tekotapaa ei ole annettu (28 §:n 2 kohta)",
            "lisää asiointipalvelu, sähköposti tai postiosoite kohtaan 'channels:'",
        ),
    },
    "gap-information-request": {
        "en": (
            "no e-service for information requests is given, so the datasets are published without a distribution",
            "add 'information_request:' with the e-service's address as 'access_url:'",
        ),
        "fi": (
            "tietopyyntöjen asiointipalvelua ei ole annettu, joten aineistot julkaistaan ilman jakelua",
            "lisää 'information_request:' ja asiointipalvelun osoite kohtaan 'access_url:'",
        ),
    },
    # --- command line ----------------------------------------------------------------------------
    "cli-no-source": {
        "en": ("there is no source folder at {path}", "run in the repository root or give --source DIR"),
        "fi": ("lähdekansiota {path} ei ole", "aja komento repositorion juuressa tai anna --source KANSIO"),
    },
    "cli-errors": {
        "en": (
            "{count} error(s) in the source; the output folder was not changed",
            "fix the lines above and run again",
        ),
        "fi": (
            "lähteessä on {count} virhettä; tuloskansiota ei muutettu",
            "korjaa yllä mainitut rivit ja aja uudelleen",
        ),
    },
    "cli-built": {
        "en": (
            "built {datasets} datasets, {triples} triples: {written} written, {unchanged} unchanged in {output}",
            "",
        ),
        "fi": (
            "koottiin {datasets} aineistoa, {triples} kolmikkoa: {written} kirjoitettu, "
            "{unchanged} ennallaan, {output}",
            "",
        ),
    },
    "cli-gaps": {
        "en": ("{count} gap(s): facts the source leaves unknown", "list them with: kasko-dcat gaps"),
        "fi": ("{count} aukkoa: tietoja, joita lähde ei kerro", "näytä ne komennolla: kasko-dcat gaps"),
    },
    "cli-gap-count": {
        "en": ("{count} gap(s)", ""),
        "fi": ("{count} aukkoa", ""),
    },
    "cli-up-to-date": {
        "en": ("{output} is up to date", ""),
        "fi": ("{output} on ajan tasalla", ""),
    },
    "cli-stale": {
        "en": ("{path} is out of date with the source", "run 'kasko-dcat build' and commit the output"),
        "fi": ("{path} ei vastaa lähdettä", "aja 'kasko-dcat build' ja tallenna tuotokset versionhallintaan"),
    },
    "cli-read-failed": {
        "en": ("could not read {path}: {reason}", "check that it is a file you may read"),
        "fi": ("tiedostoa {path} ei voitu lukea: {reason}", "tarkista, että se on tiedosto ja lukuoikeus on"),
    },
    "cli-replace-failed": {
        "en": (
            "could not replace {path}: {reason}; files written before it are new, the rest are old",
            "fix the cause and run the build again",
        ),
        "fi": (
            "tiedostoa {path} ei voitu korvata: {reason}; sitä ennen kirjoitetut ovat uusia, muut vanhoja",
            "korjaa syy ja aja koonti uudelleen",
        ),
    },
    "cli-internal-error": {
        "en": (
            "internal error: {error}; this is a bug in kasko-dcat, not in your source",
            "please report it with the command you ran; KASKO_DCAT_DEBUG=1 shows the traceback",
        ),
        "fi": (
            "sisäinen virhe: {error}; vika on kasko-dcatissa, ei lähdeaineistossa",
            "ilmoita siitä ja ajamasi komento; KASKO_DCAT_DEBUG=1 näyttää jäljityksen",
        ),
    },
    "cli-write-failed": {
        "en": (
            "could not write {path}: {reason}; the output folder was left as it was",
            "check the folder's permissions and free space",
        ),
        "fi": (
            "tiedostoa {path} ei voitu kirjoittaa: {reason}; tuloskansio jäi ennalleen",
            "tarkista kansion oikeudet ja vapaa tila",
        ),
    },
    # --- validate -------------------------------------------------------------------------------
    "validate-no-file": {
        "en": ("{path}: no such file", "check the path; without paths, validate checks the source in memory"),
        "fi": ("{path}: tiedostoa ei ole", "tarkista polku; ilman polkuja validate tarkistaa lähteen muistissa"),
    },
    "validate-is-folder": {
        "en": ("{path} is a folder, not a file", "name the files, e.g. output/catalog.ttl"),
        "fi": ("{path} on kansio eikä tiedosto", "anna tiedostot, esim. output/catalog.ttl"),
    },
    "validate-not-a-file": {
        "en": ("{path} is not a regular file (a device, pipe or socket)", "name a catalogue file"),
        "fi": ("{path} ei ole tavallinen tiedosto (vaan laite, putki tai pistoke)", "anna luettelotiedosto"),
    },
    "validate-xml-doctype": {
        "en": (
            "{path} declares a DOCTYPE or entities, which are not read (they can expand without limit)",
            "remove the <!DOCTYPE …> and <!ENTITY …> declarations; RDF/XML needs none",
        ),
        "fi": (
            "{path} määrittelee DOCTYPEn tai entiteettejä, joita ei lueta (ne voivat paisua rajatta)",
            "poista <!DOCTYPE …>- ja <!ENTITY …>-määrittelyt; RDF/XML ei tarvitse niitä",
        ),
    },
    "validate-no-catalog": {
        "en": (
            "{path} describes no dcat:Catalog, so it is not a catalogue",
            "name a built catalogue file, e.g. output/catalog.ttl",
        ),
        "fi": (
            "{path} ei kuvaa yhtään dcat:Catalogia, joten se ei ole luettelo",
            "anna koottu luettelotiedosto, esim. output/catalog.ttl",
        ),
    },
    "validate-unreadable": {
        "en": ("could not read {path}: {reason}", "check that it is a file you may read"),
        "fi": ("tiedostoa {path} ei voitu lukea: {reason}", "tarkista, että se on tiedosto ja lukuoikeus on"),
    },
    "validate-too-large": {
        "en": ("{path} is {size} MB, over the limit of {limit} MB", "raise the limit with --max-mb if it is meant"),
        "fi": ("{path} on {size} Mt, yli {limit} Mt:n rajan", "nosta rajaa valitsimella --max-mb, jos koko on oikea"),
    },
    "validate-empty": {
        "en": ("{path} is empty", "build the catalogue first (kasko-dcat build) or name another file"),
        "fi": ("{path} on tyhjä", "kokoa luettelo ensin (kasko-dcat build) tai anna toinen tiedosto"),
    },
    "validate-encoding": {
        "en": ("{path} is not UTF-8 text (byte {byte} at offset {offset})", "save the file as UTF-8"),
        "fi": ("{path} ei ole UTF-8-tekstiä (tavu {byte} kohdassa {offset})", "tallenna tiedosto UTF-8-muodossa"),
    },
    "validate-not-rdf": {
        "en": ("{path} cannot be read as {format}: {reason}", "fix the file, or name its format with --input-format"),
        "fi": (
            "tiedostoa {path} ei voi lukea {format}-muodossa: {reason}",
            "korjaa tiedosto tai kerro sen muoto valitsimella --input-format",
        ),
    },
    "validate-no-triples": {
        "en": (
            "{path} holds no RDF triples (read as {format})",
            "name a built catalogue file, e.g. output/catalog.ttl",
        ),
        "fi": (
            "tiedostossa {path} ei ole RDF-kolmikoita ({format}-muodossa luettuna)",
            "anna koottu luettelotiedosto, esim. output/catalog.ttl",
        ),
    },
    "validate-remote-context": {
        "en": (
            "{path} refers to the remote JSON-LD context {context}, which is not fetched",
            "embed the context in the file, as kasko-dcat's own catalog.jsonld does",
        ),
        "fi": (
            "{path} viittaa verkossa olevaan JSON-LD-kontekstiin {context}, jota ei haeta",
            "upota konteksti tiedostoon, kuten kasko-dcatin oma catalog.jsonld tekee",
        ),
    },
    "validate-summary": {
        "en": ("{violations} violation(s), {warnings} warning(s); {shapes} shapes, {triples} triples: {verdict}", ""),
        "fi": (
            "virheitä {violations}, varoituksia {warnings}; SHACL-muotoja {shapes}, kolmikkoja {triples}: {verdict}",
            "",
        ),
    },
    "validate-passes": {"en": ("passes", ""), "fi": ("hyväksytty", "")},
    "validate-fails": {"en": ("FAILS", ""), "fi": ("HYLÄTTY", "")},
    "validate-fix-at": {
        "en": ("fix in the source: {where}, field {field}", ""),
        "fi": ("korjaa lähteessä: {where}, kenttä {field}", ""),
    },
    "validate-fix-in": {
        "en": ("fix in the source: {where}", ""),
        "fi": ("korjaa lähteessä: {where}", ""),
    },
    "validate-junit-rest": {
        "en": ("every other shape", ""),
        "fi": ("kaikki muut SHACL-muodot", ""),
    },
    "validate-junit-rest-detail": {
        "en": ("{shapes} more shapes found nothing", ""),
        "fi": ("muut SHACL-muodot ({shapes}) eivät löytäneet mitään", ""),
    },
    "cli-violations": {
        "en": (
            "the catalogue has {count} violation(s) of the shapes; the output folder was not changed",
            "fix them in the source (details above, or: kasko-dcat validate)",
        ),
        "fi": (
            "luettelossa on SHACL-muotojen vastaisia kohtia: {count}; tuloskansiota ei muutettu",
            "korjaa ne lähteessä (tiedot yllä tai: kasko-dcat validate)",
        ),
    },
    "cli-warnings": {
        "en": ("{count} warning(s) from the shapes", "list them with: kasko-dcat validate"),
        "fi": ("SHACL-muotojen varoituksia: {count}", "näytä ne komennolla: kasko-dcat validate"),
    },
    "progress-reading": {"en": ("reading {path} …", ""), "fi": ("luetaan {path} …", "")},
    "progress-validating": {
        "en": ("validating {datasets} datasets against shapes/ …", ""),
        "fi": ("tarkistetaan {datasets} aineistoa shapes/-muotoja vasten …", ""),
    },
    "progress-writing": {
        "en": ("writing {triples} triples in four formats …", ""),
        "fi": ("kirjoitetaan {triples} kolmikkoa neljään muotoon …", ""),
    },
    "cli-bad-shapes": {
        "en": ("the shapes cannot be used: {reason}", "restore shapes/ from version control"),
        "fi": ("muotoja ei voi käyttää: {reason}", "palauta shapes/-kansio versionhallinnasta"),
    },
    # --- query -----------------------------------------------------------------------------------
    "query-missing": {
        "en": (
            "give a query: a bundled query's name, a .rq file or SPARQL text",
            "kasko-dcat query --list shows the bundled queries",
        ),
        "fi": (
            "anna kysely: valmiin kyselyn nimi, .rq-tiedosto tai SPARQL-teksti",
            "kasko-dcat query --list näyttää valmiit kyselyt",
        ),
    },
    "query-no-bundled": {
        "en": (
            "there are no bundled queries at {path}",
            "run kasko-dcat from a clone of the repository installed with pip install -e .",
        ),
        "fi": (
            "valmiita kyselyitä ei ole kansiossa {path}",
            "aja kasko-dcat repositorion kloonista, joka on asennettu komennolla pip install -e .",
        ),
    },
    "query-unknown-name": {
        "en": ("there is no bundled query named '{name}'", "did you mean '{close}'? kasko-dcat query --list shows all"),
        "fi": (
            "valmista kyselyä nimeltä '{name}' ei ole",
            "tarkoititko '{close}'? kasko-dcat query --list näyttää kaikki",
        ),
    },
    "query-unknown-name-far": {
        "en": (
            "there is no bundled query or file named '{name}'",
            "kasko-dcat query --list shows the bundled queries",
        ),
        "fi": (
            "valmista kyselyä tai tiedostoa nimeltä '{name}' ei ole",
            "kasko-dcat query --list näyttää valmiit kyselyt",
        ),
    },
    "query-no-file": {
        "en": ("there is no query file {path}", "check the path"),
        "fi": ("kyselytiedostoa {path} ei ole", "tarkista polku"),
    },
    "query-no-catalogue": {
        "en": ("there is no catalogue at {path}", "run 'kasko-dcat build' first, or give --catalog FILE"),
        "fi": ("luetteloa ei ole polussa {path}", "aja ensin 'kasko-dcat build' tai anna --catalog TIEDOSTO"),
    },
    "query-catalogue-format": {
        "en": (
            "cannot tell the RDF format of {path} from its name",
            "give a file ending in .nt, .ttl, .rdf or .jsonld",
        ),
        "fi": (
            "tiedoston {path} RDF-muotoa ei voi päätellä nimestä",
            "anna tiedosto, jonka pääte on .nt, .ttl, .rdf tai .jsonld",
        ),
    },
    "query-bad-catalogue": {
        "en": ("{path} cannot be read as RDF: {problem}", "rebuild it with 'kasko-dcat build'"),
        "fi": ("tiedostoa {path} ei voi lukea RDF:nä: {problem}", "kokoa se uudelleen: 'kasko-dcat build'"),
    },
    "query-bad-binding": {
        "en": ("--bind needs NAME=VALUE, found '{value}'", "for example --bind system=oppilashuolto"),
        "fi": ("--bind tarvitsee muodon NIMI=ARVO, löytyi '{value}'", "esimerkiksi --bind system=oppilashuolto"),
    },
    "query-unknown-binding": {
        "en": (
            "the query has no variable ?{name} to bind",
            "check the name after --bind; kasko-dcat query --list shows each query's parameters",
        ),
        "fi": (
            "kyselyssä ei ole muuttujaa ?{name}, jolle arvo annettaisiin",
            "tarkista --bind-nimi; kasko-dcat query --list näyttää kyselyjen parametrit",
        ),
    },
    "query-binding-not-selected": {
        "en": (
            "?{name} can be bound only when the query selects it",
            "add ?{name} to the SELECT line, or filter on it in the query instead of --bind",
        ),
        "fi": (
            "muuttujalle ?{name} voi antaa arvon vain, jos kysely valitsee sen",
            "lisää ?{name} SELECT-riville tai rajaa sillä kyselyssä ilman --bind-valitsinta",
        ),
    },
    "query-syntax": {
        "en": ("the query has a syntax error at line {line}, column {column}: {problem}", "correct the query there"),
        "fi": (
            "kyselyssä on syntaksivirhe rivillä {line}, sarakkeessa {column}: {problem}",
            "korjaa kysely siltä kohdin",
        ),
    },
    "query-unknown-prefix": {
        "en": (
            "the query uses an undeclared prefix at line {line}, column {column}",
            "declare it with PREFIX or use one of the built-in ones: {known}",
        ),
        "fi": (
            "kyselyssä on määrittelemätön etuliite rivillä {line}, sarakkeessa {column}",
            "määrittele se PREFIX-rivillä tai käytä valmiita: {known}",
        ),
    },
    "query-update": {
        "en": (
            "updates are refused: kasko-dcat query only reads the catalogue",
            "use SELECT, ASK, CONSTRUCT or DESCRIBE; to change the catalogue edit source/ and run kasko-dcat build",
        ),
        "fi": (
            "päivitykset on estetty: kasko-dcat query vain lukee luetteloa",
            "käytä SELECT-, ASK-, CONSTRUCT- tai DESCRIBE-kyselyä; muuta luetteloa muokkaamalla source/-kansiota "
            "ja ajamalla kasko-dcat build",
        ),
    },
    "query-service": {
        "en": (
            "SERVICE is refused: kasko-dcat answers only from the catalogue and calls no other endpoint",
            "run federated queries in a SPARQL store of your own",
        ),
        "fi": (
            "SERVICE on estetty: kasko-dcat vastaa vain luettelosta eikä kutsu muita palvelupisteitä",
            "aja yhdistettyjä kyselyjä omassa SPARQL-tietokannassasi",
        ),
    },
    "query-failed": {
        "en": ("the query could not be evaluated: {problem}", "simplify the query or correct the part named"),
        "fi": ("kyselyä ei voitu suorittaa: {problem}", "yksinkertaista kyselyä tai korjaa mainittu kohta"),
    },
    "query-rows": {
        "en": ("{count} row(s)", ""),
        "fi": ("{count} riviä", ""),
    },
    # --- publish ---------------------------------------------------------------------------------
    "publish-two-credentials": {
        "en": ("both {user} and {token} are set", "set either the user and password (Basic) or the token (Bearer)"),
        "fi": ("sekä {user} että {token} on asetettu", "aseta joko käyttäjä ja salasana (Basic) tai tunniste (Bearer)"),
    },
    "publish-password-without-user": {
        "en": ("{password} is set but {user} is not", "set {user} too"),
        "fi": ("{password} on asetettu, mutta {user} ei", "aseta myös {user}"),
    },
    "publish-bad-url": {
        "en": ("{option} must be an http(s) URL, found '{url}'", "for example {option} http://127.0.0.1:7878/store"),
        "fi": (
            "{option} pitää olla http(s)-osoite, löytyi '{url}'",
            "esimerkiksi {option} http://127.0.0.1:7878/store",
        ),
    },
    "publish-no-query-endpoint": {
        "en": (
            "cannot tell the store's query endpoint from {url}",
            "give --query-endpoint URL (Oxigraph …/query, Fuseki /DATASET/query, GraphDB /repositories/ID)",
        ),
        "fi": (
            "osoitteesta {url} ei voi päätellä tietokannan kyselyosoitetta",
            "anna --query-endpoint OSOITE (Oxigraph …/query, Fuseki /AINEISTO/query, GraphDB /repositories/ID)",
        ),
    },
    "publish-no-graph": {
        "en": ("the catalogue file holds no single dcat:Catalog to name the graph after", "give --graph IRI"),
        "fi": (
            "luettelotiedostossa ei ole yhtä dcat:Catalog-solmua, jonka mukaan graafi nimettäisiin",
            "anna --graph IRI",
        ),
    },
    "publish-bad-graph": {
        "en": ("'{graph}' is not an absolute IRI", "give --graph as, for example, https://kasko.example/catalog"),
        "fi": ("'{graph}' ei ole absoluuttinen IRI", "anna --graph esimerkiksi muodossa https://kasko.example/catalog"),
    },
    "publish-retrying": {
        "en": (
            "the store did not answer ({reason}); trying again in {seconds} s (attempt {attempt} of {attempts})",
            "",
        ),
        "fi": (
            "tietokanta ei vastannut ({reason}); yritetään uudelleen {seconds} s kuluttua ({attempt}/{attempts})",
            "",
        ),
    },
    "publish-unreachable": {
        "en": (
            "could not reach {url}: {reason}, {attempts} attempt(s); the store holds either the old graph or the new "
            "one, never part of one",
            "check that the store is running and the URL is right, then run publish again",
        ),
        "fi": (
            "osoitteeseen {url} ei saatu yhteyttä: {reason}, {attempts} yritystä; tietokannassa on joko vanha tai "
            "uusi graafi, ei koskaan osittaista",
            "tarkista, että tietokanta on käynnissä ja osoite oikein, ja julkaise uudelleen",
        ),
    },
    "publish-unauthorised": {
        "en": (
            "the store refused the credentials: HTTP {status} for {method} {url}",
            "set {user} and KASKO_DCAT_PUBLISH_PASSWORD, or {token}, for an account that may write",
        ),
        "fi": (
            "tietokanta hylkäsi tunnukset: HTTP {status} pyynnölle {method} {url}",
            "aseta {user} ja KASKO_DCAT_PUBLISH_PASSWORD tai {token} tilille, jolla on kirjoitusoikeus",
        ),
    },
    "publish-forbidden": {
        "en": (
            "the store does not allow this write: HTTP {status} for {method} {url}: {detail}",
            "check the account's rights, and that the store is not read-only",
        ),
        "fi": (
            "tietokanta ei salli kirjoitusta: HTTP {status} pyynnölle {method} {url}: {detail}",
            "tarkista tilin oikeudet ja ettei tietokanta ole vain luku -tilassa",
        ),
    },
    "publish-http-error": {
        "en": (
            "the store answered HTTP {status} to {method} {url}: {detail}",
            "check --endpoint, --graph and the store's log",
        ),
        "fi": (
            "tietokanta vastasi HTTP {status} pyyntöön {method} {url}: {detail}",
            "tarkista --endpoint, --graph ja tietokannan loki",
        ),
    },
    "publish-bad-count-answer": {
        "en": (
            "{url} did not answer the count query with SPARQL JSON results",
            "give the store's SPARQL query endpoint with --query-endpoint",
        ),
        "fi": (
            "{url} ei vastannut laskentakyselyyn SPARQL JSON -tuloksin",
            "anna tietokannan SPARQL-kyselyosoite valitsimella --query-endpoint",
        ),
    },
    "publish-count-mismatch": {
        "en": (
            "after publishing, graph {graph} holds {found} triples, not the {expected} sent",
            "another publisher may have written at the same time: run publish again and check the store",
        ),
        "fi": (
            "julkaisun jälkeen graafissa {graph} on {found} kolmikkoa eikä lähetetyt {expected}",
            "joku muu on voinut kirjoittaa samaan aikaan: julkaise uudelleen ja tarkista tietokanta",
        ),
    },
    "publish-done": {
        "en": ("published {triples} triples to graph {graph} at {url}; the store's count agrees", ""),
        "fi": ("julkaistiin {triples} kolmikkoa graafiin {graph} osoitteessa {url}; tietokannan laskenta täsmää", ""),
    },
    # --- import: a § 28 page → source/ ---------------------------------------------------------
    "import-no-page": {
        "en": ("there is no file {path}", "give the path of the page's text or HTML, or its http(s) address"),
        "fi": ("tiedostoa {path} ei ole", "anna sivun teksti- tai HTML-tiedoston polku tai sen http(s)-osoite"),
    },
    "import-unreadable": {
        "en": ("could not read {path}: {reason}", "check that it is a file you may read"),
        "fi": ("tiedostoa {path} ei voitu lukea: {reason}", "tarkista, että se on tiedosto ja lukuoikeus on"),
    },
    "import-unreachable": {
        "en": (
            "could not fetch {url} ({reason})",
            "check the address and the network, or save the page and import the file",
        ),
        "fi": (
            "osoitetta {url} ei saatu haettua ({reason})",
            "tarkista osoite ja verkkoyhteys tai tallenna sivu ja tuo tiedosto",
        ),
    },
    "import-http-status": {
        "en": ("{url} answered with HTTP status {status}", "check the address in a browser"),
        "fi": ("{url} vastasi HTTP-tilakoodilla {status}", "tarkista osoite selaimella"),
    },
    "import-not-text": {
        "en": (
            "the page is not text or HTML (binary data, or an encoding other than UTF-8)",
            "give the page as UTF-8 text or HTML",
        ),
        "fi": (
            "sivu ei ole tekstiä tai HTML:ää (binääridataa tai muu merkistö kuin UTF-8)",
            "anna sivu UTF-8-tekstinä tai HTML:nä",
        ),
    },
    "import-empty": {
        "en": ("the page is empty", "give the page that holds the § 28 description"),
        "fi": ("sivu on tyhjä", "anna sivu, jolla 28 §:n mukainen kuvaus on"),
    },
    "import-no-resources": {
        "en": (
            "this does not look like a § 28 description: looked for information resources (a heading, list item "
            "or sentence naming 'X tietovaranto' / 'X informationsresurs'), information systems, search keys, "
            "data groups and an information request section, and found none of them",
            "give the page that describes the information resources; nothing was written",
        ),
        "fi": (
            "sivu ei näytä 28 §:n mukaiselta kuvaukselta: siltä etsittiin tietovarantoja (otsikko, luettelon kohta "
            "tai lause, joka nimeää 'X tietovaranto' / 'X informationsresurs'), tietojärjestelmiä, hakutekijöitä, "
            "tietoryhmiä ja tietopyyntöjen ohjeita, eikä mitään niistä löytynyt",
            "anna sivu, joka kuvaa tietovarannot; mitään ei kirjoitettu",
        ),
    },
    "import-needs-out": {
        "en": ("say where to write the source", "add --out DIR, or --diff to compare the page with --source"),
        "fi": (
            "kerro, mihin lähdeaineisto kirjoitetaan",
            "lisää --out KANSIO tai vertaa sivua lähteeseen valitsimella --diff",
        ),
    },
    "import-out-not-empty": {
        "en": (
            "{path} is not empty; nothing was written",
            "choose an empty or new folder, or add --force to replace it",
        ),
        "fi": (
            "{path} ei ole tyhjä; mitään ei kirjoitettu",
            "valitse tyhjä tai uusi kansio tai korvaa se valitsimella --force",
        ),
    },
    "import-out-not-folder": {
        "en": ("{path} is a file, not a folder; nothing was written", "choose a folder for --out"),
        "fi": ("{path} on tiedosto eikä kansio; mitään ei kirjoitettu", "valitse --out-kansio"),
    },
    "import-written": {
        "en": (
            "{path}: {resources} information resources, {registers} registers, {systems} systems, {examples} request "
            "examples; {gaps} facts to fill in (kasko-dcat gaps --source {path})",
            "",
        ),
        "fi": (
            "{path}: {resources} tietovarantoa, {registers} rekisteriä, {systems} tietojärjestelmää, {examples} "
            "tietopyyntöesimerkkiä; {gaps} täydennettävää tietoa (kasko-dcat gaps --source {path})",
            "",
        ),
    },
    "import-unplaced": {
        "en": (
            "{count} line(s) of the page could not be placed; they are listed above and in {path}",
            "move each fact where it belongs",
        ),
        "fi": (
            "{count} sivun riviä ei voitu sijoittaa; ne on lueteltu yllä ja tiedostossa {path}",
            "siirrä kukin tieto oikeaan kohtaan",
        ),
    },
    "import-unplaced-line": {
        "en": ("{page}:{line}: not placed: {text}", ""),
        "fi": ("{page}:{line}: ei sijoitettu: {text}", ""),
    },
    "diff-added": {
        "en": ("+ {kind}{owner}: {text}", ""),
        "fi": ("+ {kind}{owner}: {text}", ""),
    },
    "diff-removed": {
        "en": ("- {kind}{owner}: {text}", ""),
        "fi": ("- {kind}{owner}: {text}", ""),
    },
    "diff-changed": {
        "en": ('~ {kind}{owner}: {text}: "{old}" → "{new}"', ""),
        "fi": ('~ {kind}{owner}: {text}: "{old}" → "{new}"', ""),
    },
    "diff-none": {
        "en": ("the page and {source} state the same facts", ""),
        "fi": ("sivu ja {source} kertovat samat tiedot", ""),
    },
    "diff-count": {
        "en": ("{count} difference(s) between the page and {source}", "edit the source, or import the page again"),
        "fi": ("{count} eroa sivun ja lähteen {source} välillä", "muokkaa lähdettä tai tuo sivu uudelleen"),
    },
    "diff-kind-resource": {"en": ("information resource", ""), "fi": ("tietovaranto", "")},
    "diff-kind-description": {"en": ("description", ""), "fi": ("kuvaus", "")},
    "diff-kind-contents": {"en": ("data contents", ""), "fi": ("tietoaineistot", "")},
    "diff-kind-register": {"en": ("register", ""), "fi": ("rekisteri", "")},
    "diff-kind-system": {"en": ("system", ""), "fi": ("tietojärjestelmä", "")},
    "diff-kind-feeds": {"en": ("feeds", ""), "fi": ("tuottaa tietoja", "")},
    "diff-kind-channel": {"en": ("request channel", ""), "fi": ("tietopyyntökanava", "")},
    "diff-kind-example": {"en": ("request example", ""), "fi": ("tietopyyntöesimerkki", "")},
    "diff-kind-search-key": {"en": ("search key", ""), "fi": ("hakutekijä", "")},
    # --- serve -----------------------------------------------------------------------------------
    "serve-no-catalog": {
        "en": ("{path} holds no single dcat:Catalog named …/catalog", "rebuild it with 'kasko-dcat build'"),
        "fi": ("tiedostossa {path} ei ole yhtä …/catalog-nimistä dcat:Catalog-solmua", "kokoa se: 'kasko-dcat build'"),
    },
    "serve-bad-base-iri": {
        "en": (
            "the base IRI '{iri}' is not an http(s) IRI ending in /",
            "give, for example, --base-iri https://kasko.example/",
        ),
        "fi": (
            "perus-IRI '{iri}' ei ole /-merkkiin päättyvä http(s)-IRI",
            "anna esimerkiksi --base-iri https://kasko.example/",
        ),
    },
    "serve-cannot-listen": {
        "en": ("cannot listen on {host}:{port}: {reason}", "choose another --port or --host, or stop what uses it"),
        "fi": (
            "osoitetta {host}:{port} ei voi kuunnella: {reason}",
            "valitse toinen --port tai --host tai pysäytä sen käyttäjä",
        ),
    },
    "serve-listening": {
        "en": ("serving {datasets} datasets as {base} on {url}; Ctrl+C stops", ""),
        "fi": ("{datasets} aineistoa tarjolla osoitteella {base} ({url}); Ctrl+C pysäyttää", ""),
    },
    "serve-base-elsewhere": {
        "en": (
            "links point to {base}, the base IRI the catalogue was built with",
            "to follow them on this server, start it with --base-iri {url} (or set KASKO_DCAT_BASE_IRI)",
        ),
        "fi": (
            "linkit osoittavat osoitteeseen {base}, luettelon koontiin käytettyyn perus-IRI:hin",
            "seurataksesi niitä tällä palvelimella käynnistä se valitsimella --base-iri {url} "
            "(tai aseta KASKO_DCAT_BASE_IRI)",
        ),
    },
    "serve-stopped": {
        "en": ("stopped; requests in progress were answered", ""),
        "fi": ("pysäytetty; käsittelyssä olleet pyynnöt vastattiin", ""),
    },
    "serve-not-found": {
        "en": ("nothing is described at {path}", "start from the catalogue: catalog"),
        "fi": ("osoitteessa {path} ei ole kuvausta", "aloita luettelosta: catalog"),
    },
    "serve-no-page": {
        "en": ("there is no page {page}; the last is {last}", "follow the catalogue's hydra:next links"),
        "fi": ("sivua {page} ei ole; viimeinen on {last}", "seuraa luettelon hydra:next-linkkejä"),
    },
    "serve-method": {
        "en": ("{method} is not allowed here", "use {allowed}"),
        "fi": ("{method} ei ole sallittu tässä", "käytä: {allowed}"),
    },
    "serve-not-acceptable": {
        "en": ("none of the media types in Accept can be served", "accept one of: {offered}"),
        "fi": ("yhtäkään Accept-otsakkeen mediatyyppiä ei voi tarjota", "hyväksy jokin näistä: {offered}"),
    },
    "serve-bad-date": {
        "en": ("{name} must be a date or date-time, found '{value}'", "for example {name}=2026-01-31"),
        "fi": ("{name} pitää olla päivämäärä tai aikaleima, löytyi '{value}'", "esimerkiksi {name}=2026-01-31"),
    },
    "serve-bad-number": {
        "en": ("{name} must be a whole number from {low} to {high}, found '{value}'", "correct {name} in the URL"),
        "fi": ("{name} pitää olla kokonaisluku väliltä {low}–{high}, löytyi '{value}'", "korjaa {name} osoitteessa"),
    },
    "serve-repeated-parameter": {
        "en": ("{name} is given more than once", "give {name} once"),
        "fi": ("{name} on annettu useammin kuin kerran", "anna {name} vain kerran"),
    },
    "serve-update": {
        "en": (
            "updates are refused: this SPARQL endpoint only reads the catalogue",
            "use SELECT, ASK, CONSTRUCT or DESCRIBE",
        ),
        "fi": (
            "päivitykset on estetty: tämä SPARQL-palvelupiste vain lukee luetteloa",
            "käytä SELECT-, ASK-, CONSTRUCT- tai DESCRIBE-kyselyä",
        ),
    },
    "serve-no-query": {
        "en": (
            "the request has no query",
            "send the SPARQL text as the query parameter or as an application/sparql-query body",
        ),
        "fi": (
            "pyynnössä ei ole kyselyä",
            "lähetä SPARQL-teksti query-parametrina tai application/sparql-query-runkona",
        ),
    },
    "serve-dataset-parameters": {
        "en": (
            "default-graph-uri and named-graph-uri are not supported",
            "the catalogue is the default graph: leave them out",
        ),
        "fi": ("default-graph-uri ja named-graph-uri eivät ole tuettuja", "luettelo on oletusgraafi: jätä ne pois"),
    },
    "serve-media-type": {
        "en": (
            "a query cannot be sent as {media_type}",
            "POST application/x-www-form-urlencoded or application/sparql-query",
        ),
        "fi": (
            "kyselyä ei voi lähettää muodossa {media_type}",
            "lähetä application/x-www-form-urlencoded tai application/sparql-query",
        ),
    },
    "serve-too-large": {
        "en": ("the request body is larger than {limit} bytes", "send a shorter query"),
        "fi": ("pyynnön runko on suurempi kuin {limit} tavua", "lähetä lyhyempi kysely"),
    },
    "serve-not-utf8": {
        "en": ("the query is not UTF-8 text", "send it encoded as UTF-8"),
        "fi": ("kysely ei ole UTF-8-tekstiä", "lähetä se UTF-8-koodattuna"),
    },
    "serve-too-many-results": {
        "en": ("the answer has more than {limit} rows or triples", "add LIMIT and OFFSET to read it in parts"),
        "fi": ("vastauksessa on yli {limit} riviä tai kolmikkoa", "lisää LIMIT ja OFFSET ja lue se osissa"),
    },
    "serve-timeout": {
        "en": ("the query ran longer than {seconds} s and was stopped", "narrow the query, or add LIMIT"),
        "fi": ("kysely kesti yli {seconds} s ja keskeytettiin", "rajaa kyselyä tai lisää LIMIT"),
    },
    "serve-busy": {
        "en": ("every query worker stayed busy for {seconds} s", "try again in a moment"),
        "fi": ("kaikki kyselyprosessit olivat varattuina {seconds} s", "yritä hetken kuluttua uudelleen"),
    },
    "serve-worker-died": {
        "en": ("the query worker stopped unexpectedly; it is being restarted", "try again in a moment"),
        "fi": ("kyselyprosessi pysähtyi odottamatta ja käynnistetään uudelleen", "yritä hetken kuluttua uudelleen"),
    },
    "serve-no-sparql": {
        "en": ("this server runs without a SPARQL endpoint", "start serve with --sparql-workers 1 or more"),
        "fi": (
            "tällä palvelimella ei ole SPARQL-palvelupistettä",
            "käynnistä serve valitsimella --sparql-workers 1 tai enemmän",
        ),
    },
    # --- issue 10 ---
    "site-out-not-site": {
        "en": (
            "{path} is a file or a folder that holds something other than an earlier site; nothing was written",
            "choose a new or empty folder, or one an earlier 'kasko-dcat site' wrote",
        ),
        "fi": (
            "{path} on tiedosto tai kansio, jossa on muuta kuin aiempi sivusto; mitään ei kirjoitettu",
            "valitse uusi tai tyhjä kansio tai kansio, jonka 'kasko-dcat site' on aiemmin kirjoittanut",
        ),
    },
    "site-written": {
        "en": ("wrote the site, {files} files, to {path}", "open {path}/index.html or put the folder on a web server"),
        "fi": (
            "sivusto kirjoitettiin kansioon {path}, {files} tiedostoa",
            "avaa {path}/index.html tai vie kansio verkkopalvelimelle",
        ),
    },
    # --- issue 13 ---
    "import-whole-page": {
        "en": (
            "{page}: the page names no information resource, but states § 28 facts (systems, search keys or "
            "how to request); they are in one resource named after the page, {path}",
            "split it into the authority's information resources; 'kasko-dcat gaps' lists what is missing",
        ),
        "fi": (
            "{page}: sivu ei nimeä tietovarantoja, mutta kertoo 28 §:n tietoja (järjestelmiä, hakutekijöitä tai "
            "tietopyyntöjen ohjeita); ne ovat yhdessä sivun mukaan nimetyssä tietovarannossa, {path}",
            "jaa se organisaation tietovarantoihin; 'kasko-dcat gaps' luettelee, mitä puuttuu",
        ),
    },
    # --- issue 12 ---
    "validate-shapes-empty-folder": {
        "en": ("{path} holds no RDF file (.ttl, .nt, .jsonld, .rdf, …)", "name a folder of shapes files, or the files"),
        "fi": (
            "kansiossa {path} ei ole yhtään RDF-tiedostoa (.ttl, .nt, .jsonld, .rdf, …)",
            "anna kansio, jossa on muototiedostoja, tai itse tiedostot",
        ),
    },
    "validate-shapes-refused": {
        "en": (
            "the shapes given with --shapes cannot be used: {reason}",
            "remove that feature from the shapes, or validate with --engine pyshacl",
        ),
        "fi": (
            "valitsimella --shapes annettuja muotoja ei voi käyttää: {reason}",
            "poista ominaisuus muodoista tai validoi valitsimella --engine pyshacl",
        ),
    },
    "validate-shapes-ignored": {
        "en": ("note: the shapes use {predicate}, which SHACL does not define; it is ignored (as pySHACL does)", ""),
        "fi": ("huom.: muodoissa on {predicate}, jota SHACL ei määrittele; se ohitetaan (kuten pySHACL tekee)", ""),
    },
    "validate-no-message": {
        "en": ("{component} not satisfied", ""),
        "fi": ("{component} ei täyty", ""),
    },
    # --- issue 14 ---
    "import-redirect-refused": {
        "en": (
            "{url} redirects to {target}, which is not followed (a local or private address, not http(s), or too many)",
            "import the page at its final public address, or save it and import the file",
        ),
        "fi": (
            "{url} ohjaa osoitteeseen {target}, jota ei seurata"
            " (paikallinen tai yksityinen osoite, ei http(s) tai liian monta)",
            "tuo sivu sen lopullisesta julkisesta osoitteesta tai tallenna se ja tuo tiedosto",
        ),
    },
    "import-too-large": {
        "en": ("{url} sends more than {limit} MB", "save the page and import the file"),
        "fi": ("{url} lähettää yli {limit} Mt", "tallenna sivu ja tuo tiedosto"),
    },
    "import-too-slow": {
        "en": ("{url} took longer than {seconds} s to send the page", "save the page and import the file"),
        "fi": ("sivun {url} lataus kesti yli {seconds} s", "tallenna sivu ja tuo tiedosto"),
    },
    "yaml-alias-bomb": {
        "en": (
            "the aliases (*name) in this file expand it to {nodes} values",
            "write the values out instead of repeating aliases of aliases",
        ),
        "fi": (
            "tiedoston viittaukset (*nimi) laajentavat sen {nodes} arvoon",
            "kirjoita arvot auki viittausten viittausten sijaan",
        ),
    },
    "yaml-too-deep": {
        "en": ("the YAML is nested too deep to read", "flatten the nested lists and mappings"),
        "fi": ("YAML on liian syvälle sisäkkäistä luettavaksi", "vähennä sisäkkäisiä listoja ja kenttiä"),
    },
    "source-link-outside": {
        "en": ("this is a link to {target}, outside the source folder", "copy the file into the source folder"),
        "fi": ("tämä on linkki tiedostoon {target} lähdekansion ulkopuolelle", "kopioi tiedosto lähdekansioon"),
    },
    "publish-bad-credential": {
        "en": (
            "the credential in {name} holds a character HTTP cannot carry (a line break? non-ASCII in a token?)",
            "set it again without it",
        ),
        "fi": (
            "tunnistetiedossa {name} on merkki, jota HTTP ei välitä (rivinvaihto? muu kuin ASCII-merkki tokenissa?)",
            "aseta se uudelleen ilman sitä",
        ),
    },
    "serve-too-few-threads": {
        "en": (
            "{threads} threads cannot keep pages answered while {queries} SPARQL queries run or wait",
            "give --threads more than --sparql-workers plus --sparql-queue",
        ),
        "fi": (
            "{threads} säiettä ei riitä sivuille, kun {queries} SPARQL-kyselyä on käynnissä tai jonossa",
            "anna --threads suuremmaksi kuin --sparql-workers ja --sparql-queue yhteensä",
        ),
    },
    "serve-queue-full": {
        "en": ("too many SPARQL queries are running or waiting", "try again in {seconds} s"),
        "fi": ("liian monta SPARQL-kyselyä on käynnissä tai jonossa", "yritä uudelleen {seconds} s kuluttua"),
    },
    "serve-query-memory": {
        "en": ("the query needed more than {mb} MB of memory and was stopped", "narrow the query, or add LIMIT"),
        "fi": ("kysely tarvitsi yli {mb} Mt muistia ja keskeytettiin", "rajaa kyselyä tai lisää LIMIT"),
    },
    "query-too-deep": {
        "en": ("the query nests brackets more than {limit} deep", "write the query with fewer nested groups"),
        "fi": (
            "kyselyssä on sisäkkäisiä sulkeita yli {limit} tasoa",
            "kirjoita kysely vähemmillä sisäkkäisillä ryhmillä",
        ),
    },
}


def render(code: str, lang: str, params: dict[str, str]) -> str:
    """Return ``what — how to fix`` for ``code`` in ``lang``."""
    lang = lang if lang in MESSAGE_LANGS else DEFAULT_MESSAGE_LANG
    what, fix = MESSAGES[code][lang]
    text = what.format(**params)
    return f"{text} — {fix.format(**params)}" if fix else text
