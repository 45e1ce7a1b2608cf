"""Write ``shapes/dcat-ap.ttl`` from the table below: DCAT-AP 3.0.1's rules, one row per class and property.

Why a table: the specification is itself a table per class (property, range, cardinality,
mandatory/recommended/optional), and 120 shapes written by hand would drift from it and from their
fi/en messages. Run ``python tools/dcat_ap_shapes.py`` after changing a row; a test fails when the
committed Turtle differs from what this script writes.

Sources: DCAT-AP 3.0.1, https://semiceu.github.io/DCAT-AP/releases/3.0.1/ §§ "Main classes" and
"Supportive classes" (cardinalities, ranges), "Controlled vocabularies" (the EU tables).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from kasko_dcat.rdf.namespaces import SHAPES_PREFIXES

OUT = Path(__file__).resolve().parents[1] / "shapes" / "dcat-ap.ttl"
SPEC = "https://semiceu.github.io/DCAT-AP/releases/3.0.1/"
EU = "http://publications.europa.eu/resource/authority/"

CLASSES: dict[str, tuple[str, str, str]] = {
    # prefixed class → (anchor in the specification, Finnish name, English name)
    "dcat:Catalog": ("#Catalogue", "Luettelo", "Catalogue"),
    "dcat:Dataset": ("#Dataset", "Aineisto", "Dataset"),
    "dcat:Distribution": ("#Distribution", "Jakelu", "Distribution"),
    "dcat:DataService": ("#DataService", "Datapalvelu", "Data service"),
    "dcat:DatasetSeries": ("#DatasetSeries", "Aineistosarja", "Dataset series"),
    "dcat:CatalogRecord": ("#CatalogueRecord", "Luettelotietue", "Catalogue record"),
    "foaf:Agent": ("#Agent", "Toimija", "Agent"),
    "skos:Concept": ("#Concept", "Käsite", "Concept"),
    "skos:ConceptScheme": ("#ConceptScheme", "Käsitejärjestelmä", "Concept scheme"),
    "dct:LicenseDocument": ("#LicenceDocument", "Lisenssi", "Licence document"),
    "dct:Location": ("#Location", "Sijainti", "Location"),
    "dct:PeriodOfTime": ("#PeriodOfTime", "Ajanjakso", "Period of time"),
    "spdx:Checksum": ("#Checksum", "Tarkistussumma", "Checksum"),
    "dcat:Relationship": ("#Relationship", "Suhde", "Relationship"),
    "adms:Identifier": ("#Identifier", "Tunniste", "Identifier"),
}

SWEDISH = {
    "dcat:Catalog": "Katalog",
    "dcat:Dataset": "Datamängd",
    "dcat:Distribution": "Distribution",
    "dcat:DataService": "Datatjänst",
    "dcat:DatasetSeries": "Datamängdsserie",
    "dcat:CatalogRecord": "Katalogpost",
    "foaf:Agent": "Aktör",
    "skos:Concept": "Begrepp",
    "skos:ConceptScheme": "Begreppssystem",
    "dct:LicenseDocument": "Licens",
    "dct:Location": "Plats",
    "dct:PeriodOfTime": "Tidsperiod",
    "spdx:Checksum": "Kontrollsumma",
    "dcat:Relationship": "Relation",
    "adms:Identifier": "Identifierare",
}
"""The Swedish name of each class, for the shapes' messages in Swedish."""


class Rule(NamedTuple):
    """One property of one class: ``need`` is M (mandatory), R (recommended) or O (optional)."""

    cls: str
    prop: str
    need: str
    max: int | None = None
    kind: str | None = None  # sh:nodeKind: IRI, Literal, BlankNodeOrIRI
    range: str | None = None  # sh:class of the values
    datatype: str | None = None  # sh:datatype, or "date" for the four date types
    files_only: bool = False
    """Recommended only for a distribution that is a file (has a dcat:downloadURL); see shapes/README.md."""
    own_terms_only: bool = False
    """Recommended only for a thing described here, not for a term of a code list; see shapes/README.md."""


R, M, O = "R", "M", "O"  # noqa: E741 — the specification's own letters
LIT, IRI, RES = "Literal", "IRI", "BlankNodeOrIRI"
LEGAL = "eli:LegalResource"

RULES: list[Rule] = [
    # Catalogue
    Rule("dcat:Catalog", "dct:title", M, kind=LIT),
    Rule("dcat:Catalog", "dct:description", M, kind=LIT),
    Rule("dcat:Catalog", "dct:publisher", M, max=1, kind=RES, range="foaf:Agent"),
    Rule("dcat:Catalog", "dcat:dataset", R, kind=RES, range="dcat:Dataset"),
    Rule("dcat:Catalog", "dcat:service", O, kind=RES, range="dcat:DataService"),
    Rule("dcat:Catalog", "dcat:catalog", O, kind=RES, range="dcat:Catalog"),
    Rule("dcat:Catalog", "dcat:record", O, kind=RES, range="dcat:CatalogRecord"),
    Rule("dcat:Catalog", "dcat:themeTaxonomy", R, kind=RES, range="skos:ConceptScheme"),
    Rule("dcat:Catalog", "dct:language", R, kind=RES, range="dct:LinguisticSystem"),
    Rule("dcat:Catalog", "dct:license", R, max=1, kind=RES, range="dct:LicenseDocument"),
    Rule("dcat:Catalog", "dct:issued", R, max=1, datatype="date"),
    Rule("dcat:Catalog", "dct:modified", R, max=1, datatype="date"),
    Rule("dcat:Catalog", "dct:spatial", R, kind=RES, range="dct:Location"),
    Rule("dcat:Catalog", "foaf:homepage", R, max=1, kind=RES, range="foaf:Document"),
    Rule("dcat:Catalog", "dct:creator", O, max=1, kind=RES, range="foaf:Agent"),
    Rule("dcat:Catalog", "dct:hasPart", O, kind=RES, range="dcat:Catalog"),
    Rule("dcat:Catalog", "dct:isPartOf", O, max=1, kind=RES, range="dcat:Catalog"),
    Rule("dcat:Catalog", "dct:rights", O, kind=RES, range="dct:RightsStatement"),
    Rule("dcat:Catalog", "dcatap:applicableLegislation", O, kind=IRI, range=LEGAL),
    # Dataset
    Rule("dcat:Dataset", "dct:title", M, kind=LIT),
    Rule("dcat:Dataset", "dct:description", M, kind=LIT),
    Rule("dcat:Dataset", "dcat:contactPoint", R, kind=RES, range="vcard:Kind"),
    Rule("dcat:Dataset", "dcat:distribution", R, kind=RES, range="dcat:Distribution"),
    Rule("dcat:Dataset", "dcat:keyword", R, kind=LIT),
    Rule("dcat:Dataset", "dct:publisher", R, max=1, kind=RES, range="foaf:Agent"),
    Rule("dcat:Dataset", "dct:spatial", R, kind=RES, range="dct:Location"),
    Rule("dcat:Dataset", "dct:temporal", R, kind=RES, range="dct:PeriodOfTime"),
    Rule("dcat:Dataset", "dcat:theme", R, kind=IRI, range="skos:Concept"),
    Rule("dcat:Dataset", "dct:accessRights", O, max=1, kind=RES, range="dct:RightsStatement"),
    Rule("dcat:Dataset", "dct:accrualPeriodicity", O, max=1, kind=RES, range="dct:Frequency"),
    Rule("dcat:Dataset", "dcatap:applicableLegislation", O, kind=IRI, range=LEGAL),
    Rule("dcat:Dataset", "dct:conformsTo", O, kind=RES, range="dct:Standard"),
    Rule("dcat:Dataset", "dct:creator", O, kind=RES, range="foaf:Agent"),
    Rule("dcat:Dataset", "dct:hasVersion", O, kind=RES, range="dcat:Dataset"),
    Rule("dcat:Dataset", "dct:identifier", O, kind=LIT),
    Rule("dcat:Dataset", "dct:isReferencedBy", O, kind=RES),
    Rule("dcat:Dataset", "dct:issued", O, max=1, datatype="date"),
    Rule("dcat:Dataset", "dct:modified", O, max=1, datatype="date"),
    Rule("dcat:Dataset", "dct:language", O, kind=RES, range="dct:LinguisticSystem"),
    Rule("dcat:Dataset", "dct:provenance", O, kind=RES, range="dct:ProvenanceStatement"),
    Rule("dcat:Dataset", "dct:relation", O, kind=RES),
    Rule("dcat:Dataset", "dct:source", O, kind=RES, range="dcat:Dataset"),
    Rule("dcat:Dataset", "dct:type", O, kind=RES, range="skos:Concept"),
    Rule("dcat:Dataset", "adms:identifier", O, kind=RES, range="adms:Identifier"),
    Rule("dcat:Dataset", "adms:sample", O, kind=RES, range="dcat:Distribution"),
    Rule("dcat:Dataset", "adms:versionNotes", O, kind=LIT),
    Rule("dcat:Dataset", "dcat:inSeries", O, kind=RES, range="dcat:DatasetSeries"),
    Rule("dcat:Dataset", "dcat:landingPage", O, kind=RES, range="foaf:Document"),
    Rule("dcat:Dataset", "dcat:qualifiedRelation", O, kind=RES, range="dcat:Relationship"),
    Rule("dcat:Dataset", "dcat:spatialResolutionInMeters", O, max=1, datatype="xsd:decimal"),
    Rule("dcat:Dataset", "dcat:temporalResolution", O, max=1, datatype="xsd:duration"),
    Rule("dcat:Dataset", "dcat:version", O, max=1, kind=LIT),
    Rule("dcat:Dataset", "foaf:page", O, kind=RES, range="foaf:Document"),
    Rule("dcat:Dataset", "prov:qualifiedAttribution", O, kind=RES, range="prov:Attribution"),
    Rule("dcat:Dataset", "prov:wasGeneratedBy", O, kind=RES, range="prov:Activity"),
    # Distribution
    Rule("dcat:Distribution", "dcat:accessURL", M, kind=RES),
    Rule("dcat:Distribution", "dct:description", R, kind=LIT),
    Rule("dcat:Distribution", "dct:format", R, max=1, kind=RES, range="dct:MediaTypeOrExtent", files_only=True),
    Rule("dcat:Distribution", "dct:license", R, max=1, kind=RES, range="dct:LicenseDocument", files_only=True),
    Rule("dcat:Distribution", "dcatap:availability", R, max=1, kind=RES, range="skos:Concept", files_only=True),
    Rule("dcat:Distribution", "dcat:accessService", O, kind=RES, range="dcat:DataService"),
    Rule("dcat:Distribution", "dcat:byteSize", O, max=1, datatype="xsd:nonNegativeInteger"),
    Rule("dcat:Distribution", "dcat:compressFormat", O, max=1, kind=RES, range="dct:MediaType"),
    Rule("dcat:Distribution", "dcat:downloadURL", O, kind=RES),
    Rule("dcat:Distribution", "dcat:mediaType", O, max=1, kind=RES, range="dct:MediaType"),
    Rule("dcat:Distribution", "dcat:packageFormat", O, max=1, kind=RES, range="dct:MediaType"),
    Rule("dcat:Distribution", "dcat:spatialResolutionInMeters", O, max=1, datatype="xsd:decimal"),
    Rule("dcat:Distribution", "dcat:temporalResolution", O, max=1, datatype="xsd:duration"),
    Rule("dcat:Distribution", "dcatap:applicableLegislation", O, kind=IRI, range=LEGAL),
    Rule("dcat:Distribution", "dct:conformsTo", O, kind=RES, range="dct:Standard"),
    Rule("dcat:Distribution", "dct:issued", O, max=1, datatype="date"),
    Rule("dcat:Distribution", "dct:language", O, kind=RES, range="dct:LinguisticSystem"),
    Rule("dcat:Distribution", "dct:modified", O, max=1, datatype="date"),
    Rule("dcat:Distribution", "dct:rights", O, kind=RES, range="dct:RightsStatement"),
    Rule("dcat:Distribution", "dct:title", O, kind=LIT),
    Rule("dcat:Distribution", "foaf:page", O, kind=RES, range="foaf:Document"),
    Rule("dcat:Distribution", "adms:status", O, max=1, kind=RES, range="skos:Concept"),
    Rule("dcat:Distribution", "odrl:hasPolicy", O, max=1, kind=RES, range="odrl:Policy"),
    Rule("dcat:Distribution", "spdx:checksum", O, max=1, kind=RES, range="spdx:Checksum"),
    # Data service
    Rule("dcat:DataService", "dct:title", M, kind=LIT),
    Rule("dcat:DataService", "dcat:endpointURL", M, kind=RES),
    Rule("dcat:DataService", "dcat:contactPoint", R, kind=RES, range="vcard:Kind"),
    Rule("dcat:DataService", "dcat:endpointDescription", R, kind=RES),
    Rule("dcat:DataService", "dcat:keyword", R, kind=LIT),
    Rule("dcat:DataService", "dcat:servesDataset", R, kind=RES, range="dcat:Dataset"),
    Rule("dcat:DataService", "dcat:theme", R, kind=IRI, range="skos:Concept"),
    Rule("dcat:DataService", "dct:conformsTo", R, kind=RES, range="dct:Standard"),
    Rule("dcat:DataService", "dct:publisher", R, max=1, kind=RES, range="foaf:Agent"),
    Rule("dcat:DataService", "dct:accessRights", O, max=1, kind=RES, range="dct:RightsStatement"),
    Rule("dcat:DataService", "dct:description", O, kind=LIT),
    Rule("dcat:DataService", "dct:format", O, kind=RES, range="dct:MediaTypeOrExtent"),
    Rule("dcat:DataService", "dct:license", O, max=1, kind=RES, range="dct:LicenseDocument"),
    Rule("dcat:DataService", "dcat:landingPage", O, kind=RES, range="foaf:Document"),
    Rule("dcat:DataService", "dcatap:applicableLegislation", O, kind=IRI, range=LEGAL),
    # Dataset series
    Rule("dcat:DatasetSeries", "dct:title", M, kind=LIT),
    Rule("dcat:DatasetSeries", "dct:description", M, kind=LIT),
    Rule("dcat:DatasetSeries", "dcat:contactPoint", R, kind=RES, range="vcard:Kind"),
    Rule("dcat:DatasetSeries", "dct:publisher", R, max=1, kind=RES, range="foaf:Agent"),
    Rule("dcat:DatasetSeries", "dct:accrualPeriodicity", O, max=1, kind=RES, range="dct:Frequency"),
    Rule("dcat:DatasetSeries", "dct:spatial", O, kind=RES, range="dct:Location"),
    Rule("dcat:DatasetSeries", "dct:temporal", O, kind=RES, range="dct:PeriodOfTime"),
    Rule("dcat:DatasetSeries", "dct:issued", O, max=1, datatype="date"),
    Rule("dcat:DatasetSeries", "dct:modified", O, max=1, datatype="date"),
    Rule("dcat:DatasetSeries", "dcatap:applicableLegislation", O, kind=IRI, range=LEGAL),
    # Catalogue record
    Rule("dcat:CatalogRecord", "dct:modified", M, max=1, datatype="date"),
    Rule("dcat:CatalogRecord", "foaf:primaryTopic", M, max=1, kind=RES),
    Rule("dcat:CatalogRecord", "dct:conformsTo", R, max=1, kind=RES, range="dct:Standard"),
    Rule("dcat:CatalogRecord", "dct:issued", R, max=1, datatype="date"),
    Rule("dcat:CatalogRecord", "adms:status", R, max=1, kind=RES, range="skos:Concept"),
    Rule("dcat:CatalogRecord", "dct:description", O, kind=LIT),
    Rule("dcat:CatalogRecord", "dct:title", O, kind=LIT),
    Rule("dcat:CatalogRecord", "dct:language", O, kind=RES, range="dct:LinguisticSystem"),
    Rule("dcat:CatalogRecord", "dct:source", O, max=1, kind=RES, range="dcat:CatalogRecord"),
    # Supportive classes
    Rule("foaf:Agent", "foaf:name", M, kind=LIT),
    Rule("foaf:Agent", "dct:type", R, max=1, kind=RES, range="skos:Concept"),
    Rule("skos:Concept", "skos:prefLabel", M, kind=LIT),
    Rule("skos:ConceptScheme", "dct:title", M, kind=LIT),
    Rule("dct:LicenseDocument", "dct:type", R, kind=RES, range="skos:Concept"),
    Rule("dct:Location", "dcat:bbox", R, max=1, kind=LIT, own_terms_only=True),
    Rule("dct:Location", "dcat:centroid", R, max=1, kind=LIT, own_terms_only=True),
    Rule("dct:Location", "locn:geometry", O, max=1, kind=LIT),
    Rule("dct:PeriodOfTime", "dcat:startDate", R, max=1, datatype="date"),
    Rule("dct:PeriodOfTime", "dcat:endDate", R, max=1, datatype="date"),
    Rule("dct:PeriodOfTime", "time:hasBeginning", O, max=1, kind=RES, range="time:Instant"),
    Rule("dct:PeriodOfTime", "time:hasEnd", O, max=1, kind=RES, range="time:Instant"),
    Rule("spdx:Checksum", "spdx:algorithm", M, max=1, kind=RES),
    Rule("spdx:Checksum", "spdx:checksumValue", M, max=1, datatype="xsd:hexBinary"),
    Rule("dcat:Relationship", "dct:relation", M, kind=RES),
    Rule("dcat:Relationship", "dcat:hadRole", M, kind=RES, range="dcat:Role"),
    Rule("adms:Identifier", "skos:notation", M, max=1, kind=LIT),
]


class Vocabulary(NamedTuple):
    """Values of ``prop`` on ``cls`` must come from a table (an EU table's name, or a namespace IRI)."""

    cls: str
    prop: str
    table: str
    severity: str


IANA = "https://www.iana.org/assignments/media-types/"

VOCABULARIES: list[Vocabulary] = [
    Vocabulary("dcat:Dataset", "dct:accessRights", "access-right", "Warning"),
    Vocabulary("dcat:DataService", "dct:accessRights", "access-right", "Warning"),
    Vocabulary("dcat:Dataset", "dcat:theme", "data-theme", "Warning"),
    Vocabulary("dcat:DataService", "dcat:theme", "data-theme", "Warning"),
    Vocabulary("dcat:Dataset", "dct:language", "language", "Violation"),
    Vocabulary("dcat:Catalog", "dct:language", "language", "Violation"),
    Vocabulary("dcat:Distribution", "dct:language", "language", "Violation"),
    Vocabulary("dcat:Dataset", "dct:accrualPeriodicity", "frequency", "Violation"),
    Vocabulary("dcat:DatasetSeries", "dct:accrualPeriodicity", "frequency", "Violation"),
    Vocabulary("dcat:Dataset", "dct:type", "dataset-type", "Warning"),
    Vocabulary("dcat:Distribution", "dct:format", "file-type", "Violation"),
    Vocabulary("dcat:DataService", "dct:format", "file-type", "Violation"),
    Vocabulary("dcat:Distribution", "dcatap:availability", "planned-availability", "Violation"),
    Vocabulary("dcat:Distribution", "adms:status", "distribution-status", "Violation"),
    Vocabulary("foaf:Agent", "dct:type", "http://purl.org/adms/publishertype/", "Violation"),
    Vocabulary("dct:LicenseDocument", "dct:type", "http://purl.org/adms/licencetype/", "Violation"),
    Vocabulary("dcat:Distribution", "dcat:mediaType", IANA, "Violation"),
    Vocabulary("dcat:Distribution", "dcat:compressFormat", IANA, "Violation"),
    Vocabulary("dcat:Distribution", "dcat:packageFormat", IANA, "Violation"),
]

KIND_TEXT = {
    LIT: ("tekstiä (literaali)", "text (a literal)", "text (en literal)"),
    IRI: ("IRI", "an IRI", "en IRI"),
    RES: ("IRI tai tyhjä solmu, ei tekstiä", "an IRI or blank node, not text", "en IRI eller en tom nod, inte text"),
}


def _id(cls: str, prop: str, suffix: str = "") -> str:
    return f"tvks:{cls.split(':')[1]}-{prop.replace(':', '_')}{suffix}"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _shape(
    iri: str, cls: str, prop: str, severity: str, fi: str, en: str, lines: list[str], target: str = "", sv: str = ""
) -> str:
    anchor, _, _ = CLASSES[cls]
    body = [
        f"{iri} a sh:PropertyShape ;",
        f"    {target or f'sh:targetClass {cls}'} ;",
        f"    sh:path {prop} ;",
        *(f"    {line} ;" for line in lines),
        f"    sh:severity sh:{severity} ;",
        f"    sh:message {_quote(fi)}@fi, {_quote(en)}@en{f', {_quote(sv)}@sv' if sv else ''} ;",
        f"    rdfs:seeAlso <{SPEC}{anchor}> .",
    ]
    return "\n".join(body)


def rule_shapes(rule: Rule) -> list[str]:
    """The Violation shape of a row (cardinality, kind, range) and, if recommended, its Warning shape."""
    _, cls_fi, cls_en = CLASSES[rule.cls]
    cls_sv = SWEDISH[rule.cls]
    shapes = []
    lines, fi, en, sv = [], [], [], []
    if rule.need == M:
        lines.append("sh:minCount 1")
        fi.append("pakollinen")
        en.append("mandatory")
        sv.append("obligatorisk")
    if rule.max is not None:
        lines.append(f"sh:maxCount {rule.max}")
        fi.append(f"enintään {rule.max} arvo")
        en.append(f"at most {rule.max} value")
        sv.append(f"högst {rule.max} värde")
    if rule.kind:
        lines.append(f"sh:nodeKind sh:{rule.kind}")
        kind_fi, kind_en, kind_sv = KIND_TEXT[rule.kind]
        fi.append(f"arvon pitää olla {kind_fi}")
        en.append(f"the value must be {kind_en}")
        sv.append(f"värdet ska vara {kind_sv}")
    if rule.range:
        lines.append(f"sh:class {rule.range}")
        fi.append(f"arvon tyypin pitää olla {rule.range}")
        en.append(f"the value must be typed {rule.range}")
        sv.append(f"värdet ska ha typen {rule.range}")
    if rule.datatype == "date":
        lines.append("sh:or ( tvks:Date tvks:DateTime tvks:Year tvks:YearMonth )")
        fi.append("arvon pitää olla xsd:date, xsd:dateTime, xsd:gYear tai xsd:gYearMonth")
        en.append("the value must be an xsd:date, xsd:dateTime, xsd:gYear or xsd:gYearMonth")
        sv.append("värdet ska vara xsd:date, xsd:dateTime, xsd:gYear eller xsd:gYearMonth")
    elif rule.datatype:
        lines.append(f"sh:datatype {rule.datatype}")
        fi.append(f"arvon tietotyypin pitää olla {rule.datatype}")
        en.append(f"the value must have the datatype {rule.datatype}")
        sv.append(f"värdet ska ha datatypen {rule.datatype}")
    if lines:
        shapes.append(
            _shape(
                _id(rule.cls, rule.prop),
                rule.cls,
                rule.prop,
                "Violation",
                f"{cls_fi} ({rule.cls}), {rule.prop}: " + "; ".join(fi) + ".",
                f"{cls_en} ({rule.cls}), {rule.prop}: " + "; ".join(en) + ".",
                lines,
                sv=f"{cls_sv} ({rule.cls}), {rule.prop}: " + "; ".join(sv) + ".",
            )
        )
    if rule.need == R and rule.own_terms_only:
        shapes.append(_unless_code_list_term(rule, cls_fi, cls_en))
    elif rule.need == R:
        shapes.append(
            _shape(
                _id(rule.cls, rule.prop, "-recommended"),
                rule.cls,
                rule.prop,
                "Warning",
                f"{cls_fi} ({rule.cls}): {rule.prop} on DCAT-AP:n suosittelema mutta puuttuu.",
                f"{cls_en} ({rule.cls}): {rule.prop} is recommended by DCAT-AP but missing.",
                ["sh:minCount 1"],
                "sh:targetSubjectsOf dcat:downloadURL" if rule.files_only else "",
                sv=f"{cls_sv} ({rule.cls}): {rule.prop} rekommenderas av DCAT-AP men saknas.",
            )
        )
    return shapes


def _unless_code_list_term(rule: Rule, cls_fi: str, cls_en: str) -> str:
    """A recommended property that a term of a code list (``skos:inScheme``) is exempt from."""
    anchor, _, _ = CLASSES[rule.cls]
    iri = _id(rule.cls, rule.prop, "-recommended")
    fi = f"{cls_fi} ({rule.cls}): {rule.prop} on DCAT-AP:n suosittelema mutta puuttuu."
    en = f"{cls_en} ({rule.cls}): {rule.prop} is recommended by DCAT-AP but missing."
    sv = f"{SWEDISH[rule.cls]} ({rule.cls}): {rule.prop} rekommenderas av DCAT-AP men saknas."
    return "\n".join(
        [
            f"{iri} a sh:NodeShape ;",
            f"    sh:targetClass {rule.cls} ;",
            f"    sh:or ( tvks:CodeListTerm [ sh:path {rule.prop} ; sh:minCount 1 ] ) ;",
            "    sh:severity sh:Warning ;",
            f"    sh:message {_quote(fi)}@fi, {_quote(en)}@en, {_quote(sv)}@sv ;",
            f"    rdfs:seeAlso <{SPEC}{anchor}> .",
        ]
    )


def vocabulary_shape(v: Vocabulary) -> str:
    """A shape holding a property's values to their EU table."""
    _, cls_fi, cls_en = CLASSES[v.cls]
    base = v.table if v.table.startswith("http") else f"{EU}{v.table}/"
    check = [f"sh:pattern {_quote('^' + base.replace('.', '[.]'))}"]
    return _shape(
        _id(v.cls, v.prop, "-vocabulary"),
        v.cls,
        v.prop,
        v.severity,
        f"{cls_fi} ({v.cls}): {v.prop} -arvon pitää olla taulukosta <{base}>.",
        f"{cls_en} ({v.cls}): the value of {v.prop} must come from the table <{base}>.",
        check,
        sv=f"{SWEDISH[v.cls]} ({v.cls}): värdet av {v.prop} ska komma från tabellen <{base}>.",
    )


DATE_SHAPES = """\
tvks:CodeListTerm a sh:PropertyShape ; sh:path skos:inScheme ; sh:minCount 1 ;
    sh:message "Arvo ei ole koodiston termi."@fi, "The value is not a term of a code list."@en,
        "Värdet är ingen term i en kodlista."@sv .
tvks:Date a sh:NodeShape ; sh:datatype xsd:date ;
    sh:message "Arvo ei ole xsd:date."@fi, "The value is not an xsd:date."@en, "Värdet är inte xsd:date."@sv .
tvks:DateTime a sh:NodeShape ; sh:datatype xsd:dateTime ;
    sh:message "Arvo ei ole xsd:dateTime."@fi, "The value is not an xsd:dateTime."@en,
        "Värdet är inte xsd:dateTime."@sv .
tvks:Year a sh:NodeShape ; sh:datatype xsd:gYear ;
    sh:message "Arvo ei ole xsd:gYear."@fi, "The value is not an xsd:gYear."@en, "Värdet är inte xsd:gYear."@sv .
tvks:YearMonth a sh:NodeShape ; sh:datatype xsd:gYearMonth ;
    sh:message "Arvo ei ole xsd:gYearMonth."@fi, "The value is not an xsd:gYearMonth."@en,
        "Värdet är inte xsd:gYearMonth."@sv .

"""


def render() -> str:
    """The whole of ``shapes/dcat-ap.ttl``."""
    head = [
        "# DCAT-AP 3.0.1 as SHACL: mandatory properties and every cardinality, node kind and class of values",
        "# → sh:Violation; recommended properties → sh:Warning; EU controlled vocabularies as in the spec.",
        "# GENERATED by tools/dcat_ap_shapes.py from its table: edit the table, not this file.",
        "",
        *(f"@prefix {p}: <{ns}> ." for p, ns in sorted(SHAPES_PREFIXES.items())),
        "",
    ]
    themes = f"{EU}data-theme"
    taxonomy = _shape(
        "tvks:Catalog-dcat_themeTaxonomy-data-theme",
        "dcat:Catalog",
        "dcat:themeTaxonomy",
        "Warning",
        f"Luettelo (dcat:Catalog): dcat:themeTaxonomy -arvoihin pitää kuulua EU:n aihetaulukko <{themes}>.",
        f"Catalogue (dcat:Catalog): dcat:themeTaxonomy must include the EU data-theme table <{themes}>.",
        [f"sh:hasValue <{themes}>"],
        sv=f"Katalog (dcat:Catalog): dcat:themeTaxonomy ska omfatta EU:s tabell över dataämnen <{themes}>.",
    )
    shapes = [s for rule in RULES for s in rule_shapes(rule)] + [vocabulary_shape(v) for v in VOCABULARIES] + [taxonomy]
    return "\n".join(head) + "\n" + "\n\n".join([*shapes, DATE_SHAPES]) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), "utf-8")
    sys.stdout.write(f"wrote {OUT}\n")
