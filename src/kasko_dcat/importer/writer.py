"""An imported page → the YAML files of ``source/``, written for the civil servants who finish them.

The files follow source/README.md: Finnish as the page writes it, ``sv: ~`` / ``en: ~`` marked for
translation, every unknown fact ``~`` so that ``kasko-dcat gaps`` lists it. Ids are slugs of the
Finnish names, made unique in page order, so the same page always gives the same bytes. The
only facts not taken from the page are the acts every § 28 description is under (listed in
``legislation.yaml``) and a placeholder base IRI under a reserved domain, reported as a gap.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kasko_dcat.importer.accounting import account
from kasko_dcat.importer.accounting import render as accounting
from kasko_dcat.importer.names import basic_form, capitalise, match_register, parse_address, system_key, system_title
from kasko_dcat.importer.reader import ImportedChannel, ImportedPage, ImportedRegister, ImportedResource
from kasko_dcat.importer.report import annotate
from kasko_dcat.model.schema import with_schema_line
from kasko_dcat.rdf.iris import slug
from kasko_dcat.source.fields import normalise_phone

TRANSLATE = "  # translate"
TO_WRITE = "  # the page does not state it: write it"
"""Marks a value the page does not state but the source needs (the authority's name, a resource's):
empty, never a guess; ``kasko-dcat import`` reports it."""
FILLER = "(nimetön)"
"""What :func:`as_checked` puts where the page states nothing, only to check the rest reads back."""
NOT_RECOGNISED = "not recognised as a fact of any § 28 item"
LAWS = """\
# Acts every § 28 description is under; the page itself need not name them. Add the sector acts
# your datasets are under (ELI: http://data.finlex.fi/eli/sd/{year}/{number}) and name them in
# the resources' 'legislation:'.

laws:
  - id: tiedonhallintalaki
    number: 906/2019
    eli: http://data.finlex.fi/eli/sd/2019/906
    title:
      fi: Laki julkisen hallinnon tiedonhallinnasta
      sv: Lag om informationshantering inom den offentliga förvaltningen
      en: Act on Information Management in Public Administration

  - id: julkisuuslaki
    number: 621/1999
    eli: http://data.finlex.fi/eli/sd/1999/621
    title:
      fi: Laki viranomaisten toiminnan julkisuudesta
      sv: Lag om offentlighet i myndigheternas verksamhet
      en: Act on the Openness of Government Activities

  - id: tietosuoja-asetus
    number: (EU) 2016/679
    eli: http://data.europa.eu/eli/reg/2016/679/oj
    title:
      fi: Euroopan parlamentin ja neuvoston asetus (EU) 2016/679 (yleinen tietosuoja-asetus)
      sv: Europaparlamentets och rådets förordning (EU) 2016/679 (allmän dataskyddsförordning)
      en: Regulation (EU) 2016/679 of the European Parliament and of the Council (General Data Protection Regulation)

  - id: tietosuojalaki
    number: 1050/2018
    eli: http://data.finlex.fi/eli/sd/2018/1050
    title:
      fi: Tietosuojalaki
      sv: Dataskyddslag
      en: Data Protection Act
"""


def scalar(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text`` (quoted only where plain YAML would misread it)."""
    plain = (
        re.match(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^\n]*$", text)
        and not re.search(r": |:$| #|\s$", text)
        and text.lower() not in {"true", "false", "null", "yes", "no", "on", "off"}
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def short_slug(text: str, limit: int = 60) -> str:
    """A slug cut at a word boundary, so ids stay readable."""
    name = slug(text)
    if len(name) <= limit:
        return name
    cut = name[:limit]
    return cut[: cut.rfind("-")] if "-" in cut else cut


class _Ids:
    """Unique ids in one id space, in the order names are met: ``a``, ``a-2``, ``a-3``."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.last: dict[str, int] = {}
        """The last number given to each base: the next one starts there (a page naming one thing 10 000 times)."""

    def make(self, text: str, fallback: str, limit: int = 60) -> str:
        base = short_slug(text, limit) or fallback
        if base in {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}:
            base = f"{fallback}-{base}"  # plain YAML would read the id as a boolean or nothing
        n = self.last.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.last[base] = n
        self.used.add(candidate)
        return candidate


def _text(lang: str, key: str, text: str, indent: int) -> list[str]:
    """A per-language text: the page's own in its language (``lang``), the others left for the translator."""
    pad = " " * indent
    if "\n" in text:
        body = [f"{pad}    {line}" if line else "" for line in text.split("\n")]
        written = [f"{pad}  {lang}: |-", *body]
    else:
        written = [f"{pad}  {lang}: {scalar(text)}"]
    others = [f"{pad}  {other}: ~{TRANSLATE}" for other in ("fi", "sv", "en") if other != lang]
    return [f"{pad}{key}:", *written, *others]


def _list(key: str, values: list[str], indent: int) -> list[str]:
    pad = " " * indent
    if not values:
        return [f"{pad}{key}: []"]
    return [f"{pad}{key}:", *(f"{pad}  - {scalar(value)}" for value in values)]


@dataclass
class _System:
    id: str
    title: str
    forms: list[str] = field(default_factory=list)
    city_wide: bool = False


@dataclass
class _Plan:
    """Ids for everything, systems merged across resources, registers named in examples added."""

    page: ImportedPage
    organisation: str = ""
    dataset_ids: dict[int, str] = field(default_factory=dict)
    systems: dict[str, _System] = field(default_factory=dict)
    related: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Basic-form title → (id, the page's wording)."""
    example_registers: dict[int, ImportedRegister] = field(default_factory=dict)
    system_ids: _Ids = field(default_factory=lambda: _Ids())
    address_ids: _Ids = field(default_factory=lambda: _Ids())
    channel_ids: dict[str, str] = field(default_factory=dict)
    addresses: dict[str, str] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        """The page's language: its texts are written in it."""
        return self.page.language

    @property
    def seed_forms(self) -> bool:
        """Whether to write the page's wordings as seed forms, which the catalogue publishes as Finnish."""
        return self.lang == "fi"

    def system(self, form: str, near: list[str] | None = None) -> str:
        """The id of the system ``form`` names; a close spelling of one in ``near`` counts as it."""
        key = system_key(form)
        if key not in self.systems and near:
            close = difflib.get_close_matches(key, [system_key(n) for n in near], n=1, cutoff=0.9)
            key = close[0] if close else key
        if key not in self.systems:
            self.systems[key] = _System(self.system_ids.make(system_title(form), "jarjestelma"), system_title(form))
        system = self.systems[key]
        if form not in system.forms:
            system.forms.append(form)
        system.city_wide |= system_key(form) != re.sub(r"[\s\-–]", "", form.casefold())
        return system.id

    def address(self, label: str) -> str:
        """The id of an address, each distinct label once."""
        flat = " ".join(label.split())
        if flat not in self.addresses:
            self.addresses[flat] = self.address_ids.make(label, "osoite", 40)
        return self.addresses[flat]


def plan(page: ImportedPage) -> _Plan:
    """Give everything an id and resolve the names that examples use."""
    result = _Plan(page, organisation=short_slug(page.abbreviation or page.organisation, 40) or "organisaatio")
    for example in page.examples:
        if example.register is None:
            continue
        found = match_register(example.register, example.resource.registers)
        if found is None:
            title = capitalise(basic_form(example.register) or example.register)
            found = ImportedRegister(title, example.line)
            example.resource.registers.append(found)
        if example.register not in found.forms and example.register.lower() != found.title.lower():
            found.forms.append(example.register)
        result.example_registers[id(example)] = found
    ids, related_ids = _Ids(), _Ids()
    for resource in page.resources:
        title = re.sub(r"\s+tietovaranto$", "", resource.title, flags=re.IGNORECASE)
        result.dataset_ids[id(resource)] = ids.make(title, "tietovaranto")
        for register in resource.registers:
            result.dataset_ids[id(register)] = ids.make(register.title, "rekisteri")
        # A list item of punctuation alone ("–") names nothing.
        resource.systems[:] = [form for form in resource.systems if slug(form)]
        resource.supporting_systems[:] = [form for form in resource.supporting_systems if slug(form)]
        resource.registers[:] = [register for register in resource.registers if slug(register.title)]
        for form in [*resource.systems, *resource.supporting_systems]:
            result.system(form)
        for basic, forms in resource.system_forms.items():
            system = result.systems[system_key(basic)]
            system.forms.extend(form for form in forms if form not in system.forms)
        for phrase in resource.feeds:
            if _related_title(phrase) not in result.related:
                related_id = related_ids.make(_related_title(phrase), "tietovaranto")
                result.related[_related_title(phrase)] = (related_id, phrase)
    channel_ids = _Ids()
    for channel in page.channels:
        result.channel_ids[channel.key] = channel_ids.make(channel.title, "kanava")
    return result


def render_source(page: ImportedPage, homepage: str | None) -> dict[str, str]:
    """The files of a source folder (relative path → text) for ``page``."""
    p = plan(page)
    files = {
        "catalog.yaml": _catalog(p, homepage),
        "organisations.yaml": _organisations(p),
        "legislation.yaml": LAWS,
        "related-resources.yaml": _related(p),
    }
    for resource in page.resources:
        files[f"resources/{p.dataset_ids[id(resource)]}.yaml"] = _resource(p, resource)
    files["request.yaml"] = _request(p)  # after the resources: examples name their systems
    files["systems.yaml"] = _systems(p)
    files = {
        name: with_schema_line(name, text if text.endswith("\n") else text + "\n")
        for name, text in sorted(files.items())
    }
    # Accounting: every page line, furniture included, gets one outcome; a line no value writes joins the
    # unplaced. A line with a reason is unplaced: a value is cited to it only where no placed line writes it.
    for line in page.unplaced:
        line.reason = line.reason or NOT_RECOGNISED
    furniture = [line for line in page.unplaced if line.furniture]
    in_page = {id(line) for line in page.lines}  # a line the reader screened out is in both lists
    every = [*page.lines, *(line for line in furniture if id(line) not in in_page)]
    files = annotate(files, page.lines)  # each value beside the page line that writes it
    # The acts every description is under are not the page's words.
    written = {name: text for name, text in files.items() if name != "legislation.yaml"}
    outcomes, page.unplaced = account(every, page.unplaced, written)
    files["import-accounting.yaml"] = accounting(outcomes)
    if page.unplaced:
        files["unplaced.yaml"] = _unplaced(page)
    return dict(sorted(files.items()))


def _catalog(p: _Plan, homepage: str | None) -> str:
    page = p.page
    description = "\n\n".join(page.description) or page.title
    lines = [
        "# The catalogue, imported from the authority's § 28 description page by 'kasko-dcat import'.",
        "# Finnish texts are the page's own; write the Swedish and English where it says 'translate'.",
        "# Field reference: source/README.md. 'kasko-dcat gaps' lists what is still unknown.",
        "",
        "# A placeholder under a reserved domain until the authority decides where the catalogue lives (JHS 193).",
        f"base_iri: https://{p.organisation}.example/",
        "",
        "# For the City of Helsinki, once the Swedish texts are written: the City's profile, which",
        "# requires them (shapes/helsinki.ttl).",
        "# profile: helsinki",
        "",
        *_text(p.lang, "title", page.title, 0),
        "",
        *(["# The page has no introduction; write one."] if not page.description else []),
        *_text(p.lang, "description", description, 0),
        "",
        f"publisher: {p.organisation}",
        f"languages: [{'SWE' if p.lang == 'sv' else 'FIN'}]",
        'spatial: []   # municipality codes of the area covered, e.g. "091"',
        "legislation: [tiedonhallintalaki]",
        "",
        "issued: ~",
        "modified: ~",
        "license: ~",
        f"homepage: {scalar(homepage) if homepage else '~'}",
        "",
        "dataset_defaults:",
        f"  publisher: {p.organisation}",
    ]
    if _has_contact(page):
        lines.append("  contact_point: tietopyynnot")
    lines += [
        "  # The page is the authority's own description: it decides on disclosure (§ 28 item 2).",
        f"  disclosure_authority: {p.organisation}",
        "  spatial: []",
        "  languages: []   # languages of the data, e.g. [FIN, SWE]",
        "",
        "personal_data:",
        "  access_rights: NON_PUBLIC",
        "  legislation: [tietosuoja-asetus, tietosuojalaki]",
    ]
    return "\n".join(lines)


def _organisations(p: _Plan) -> str:
    page = p.page
    lines = ["# The authority whose description this is.", "", "organisations:", f"  - id: {p.organisation}"]
    if page.organisation and not page.organisation_checked:
        lines.append("    # The page does not write this name in its basic form; check it.")
    lines += _authority_name(p, 4)
    if page.abbreviation:
        lines.append(f"    abbreviation: {scalar(page.abbreviation)}")
    lines.append("    type: ~   # LocalAuthority, NationalAuthority, … (ADMS publisher type)")
    contact = page.contact
    if contact.site_name and contact.site_address:
        lines += ["    sites:", f"      - id: {short_slug(contact.site_name) or 'toimipaikka'}"]
        lines += _text(p.lang, "name", contact.site_name, 8)
        lines.append(f"        address: {p.address(contact.site_address)}")
    return "\n".join(lines)


def _authority_name(p: _Plan, indent: int) -> list[str]:
    """The authority's name, or an empty one to write where the page names none (never a guess)."""
    if p.page.organisation:
        return _text(p.lang, "name", p.page.organisation, indent)
    return _unstated(p.lang, "name", indent, "The page names no authority (the import reports it): write its name.")


def _unstated(lang: str, key: str, indent: int, why: str) -> list[str]:
    """A per-language text the page does not state: empty in the page's language, marked :data:`TO_WRITE`."""
    pad = " " * indent
    return [
        f"{pad}# {why}",
        f"{pad}{key}:",
        *(f"{pad}  {other}: ~{TO_WRITE if other == lang else TRANSLATE}" for other in ("fi", "sv", "en")),
    ]


def _systems(p: _Plan) -> str:
    lines = [
        "# Information systems (§ 28 item 1), each once. title: the name as the page first writes it;",
        "# seed_forms: every way the page writes it. Mentions are merged only when they differ in case,",
        "# spaces or hyphens (or, in a request example, a letter); merge others by hand once confirmed.",
        "",
    ]
    if not p.systems:
        return "\n".join([*lines, "systems: []"])
    lines.append("systems:")
    for system in p.systems.values():
        lines.append(f"  - id: {system.id}")
        lines += _text(p.lang, "title", system.title, 4)
        if p.seed_forms:
            lines += _list("seed_forms", system.forms, 4)
        if system.city_wide:
            lines.append("    # The page calls it city-wide: name the city's organisation in shared_across.")
        lines.append("")
    return "\n".join(lines)


def _related(p: _Plan) -> str:
    lines = ["# Resources outside this catalogue that its information resources feed.", ""]
    if not p.related:
        return "\n".join([*lines, "related_resources: []"])
    lines.append("related_resources:")
    for title, (related_id, phrase) in p.related.items():
        lines += [f"  - id: {related_id}", f"    # The page writes: {phrase}"]
        lines += _text(p.lang, "title", title, 4)
    return "\n".join(lines)


def _resource(p: _Plan, resource: ImportedResource) -> str:
    lines = [
        f"# Information resource, from line {resource.line} of the page. Finnish as the page writes it.",
        *(
            [
                "# The page names no information resource: this one holds what it states. Name it, and",
                "# split it into the authority's resources.",
            ]
            if p.page.whole_page
            else []
        ),
        "",
        f"id: {p.dataset_ids[id(resource)]}",
        *(
            _text(p.lang, "title", resource.title, 0)
            if resource.title
            else _unstated(p.lang, "title", 0, "The page names no information resource: write its name.")
        ),
    ]
    if resource.forms and p.seed_forms:
        lines += _list("seed_forms", resource.forms, 0)
    if not resource.description:
        lines.append("# The page gives no description of its own: write one.")
    description = "\n\n".join(resource.description) or resource.title
    lines += (
        _text(p.lang, "description", description, 0)
        if description
        else _unstated(p.lang, "description", 0, "Describe the resource.")
    )
    if resource.data_contents:
        lines += [
            "",
            "# § 28 item 3: the data contents.",
            *_text(p.lang, "data_contents", "\n\n".join(resource.data_contents), 0),
        ]
    elif not resource.data_groups:
        lines += ["", "# § 28 item 3: the page does not describe the data contents."]
    if resource.data_groups:
        lines += ["", "# § 28 item 3: the data groups the page lists.", "data_groups:"]
        for group in resource.data_groups:
            others = [f"    {other}: ~{TRANSLATE}" for other in ("fi", "sv", "en") if other != p.lang]
            lines += [f"  - {p.lang}: {scalar(group)}", *others]
    lines += ["", "# § 28 item 1: the systems, as ids of systems.yaml."]
    lines += _list("systems", _unique(p.system(form) for form in resource.systems), 0)
    if resource.supporting_systems:
        lines += _list("supporting_systems", _unique(p.system(form) for form in resource.supporting_systems), 0)
    lines += _list("feeds", _unique(p.related[_related_title(phrase)][0] for phrase in resource.feeds), 0)
    lines += ["", *_list("privacy_notices", _unique(resource.privacy_notices), 0)]
    interface = "~" if resource.technical_interface is None else str(resource.technical_interface).lower()
    lines += [f"technical_interface: {interface}", "personal_data: ~", ""]
    if not resource.registers:
        return "\n".join([*lines, "registers: []"])
    lines.append("registers:")
    for register in resource.registers:
        lines += [f"  - id: {p.dataset_ids[id(register)]}", *_text(p.lang, "title", register.title, 4)]
        if register.forms and p.seed_forms:
            lines += _list("seed_forms", register.forms, 4)
        lines += ["    personal_data: ~", ""]
    return "\n".join(lines)


def _has_contact(page: ImportedPage) -> bool:
    contact = page.contact
    return bool(
        contact.email
        or (contact.phone and normalise_phone(contact.phone))
        or contact.postal_address
        or contact.more_information
    )


def _request(p: _Plan) -> str:
    page = p.page
    lines = [
        "# How to make an information request (§ 28 item 2) and the page's worked examples (items 1, 2, 4).",
        "",
    ]
    address_lines: list[str] = []
    labels = [page.contact.site_address, page.contact.postal_address, *(c.address for c in page.channels)]
    for label in _unique(label for label in labels if label):
        parts = parse_address(label)
        if parts is None:
            continue
        street, postal_code, locality = parts
        address_lines += [f"  - id: {p.address(label)}"]
        if "\n" in label:
            address_lines += ["    label: |-", *(f"      {line}" for line in label.split("\n"))]
        else:
            address_lines.append(f"    label: {scalar(label)}")
        address_lines += [
            f"    street_address: {scalar(street)}",
            f"    postal_code: {json.dumps(postal_code)}",
            f"    locality: {scalar(locality)}",
            "",
        ]
    lines += ["addresses:", *address_lines] if address_lines else ["addresses: []", ""]

    contact = page.contact
    if _has_contact(page):
        lines += ["contact_points:", "  - id: tietopyynnot", *_authority_name(p, 4)]
        if contact.email:
            lines.append(f"    email: {scalar(contact.email)}")
        if contact.phone and normalise_phone(contact.phone):
            lines.append(f"    phone: {scalar(contact.phone)}")
            if contact.phone_hours:
                lines += _text(p.lang, "phone_hours", contact.phone_hours, 4)
        if contact.postal_address and parse_address(contact.postal_address):
            lines.append(f"    postal_address: {p.address(contact.postal_address)}")
        if contact.more_information:
            lines.append(f"    more_information: {scalar(contact.more_information)}")
        lines.append("")
    else:
        lines += ["# The page gives no contact details for requests.", "contact_points: []", ""]

    lines += _channels(p)
    electronic = [c for c in page.channels if c.url]
    if electronic:
        first = electronic[0]
        heading = page.request_heading or first.description or first.title
        lines += [
            "# The request route every dataset offers to DCAT-AP harvesters: the page's first e-service.",
            "information_request:",
            *_text(p.lang, "title", first.description or first.title, 2),
            *_text(p.lang, "description", heading, 2),
            f"  access_url: {scalar(first.url or '')}",
            *_text(p.lang, "procedure", "\n\n".join(page.procedure) or heading, 2),
            "  legislation: [julkisuuslaki]",
            "",
        ]
    else:
        lines += ["# The page names no e-service for requests, so no request route is published.", ""]
    lines += _examples(p)
    return "\n".join(lines)


def _channels(p: _Plan) -> list[str]:
    if not p.page.channels:
        return ["channels: []", ""]
    lines = ["# handled_by: the authority, unless you know the unit that receives these requests.", "channels:"]
    for channel in p.page.channels:
        lines += _channel(p, channel)
    return lines


def _channel(p: _Plan, channel: ImportedChannel) -> list[str]:
    lines = [
        f"  - id: {p.channel_ids[channel.key]}",
        f"    kind: {channel.kind}",
        *_text(p.lang, "title", channel.title, 4),
    ]
    if channel.description:
        lines += _text(p.lang, "description", channel.description, 4)
    lines.append(f"    handled_by: {p.organisation}")
    if channel.url:
        lines.append(f"    url: {scalar(channel.url)}")
    if channel.address:
        lines.append(f"    address: {p.address(channel.address)}")
    if channel.email:
        lines.append(f"    email: {scalar(channel.email)}")
    return [*lines, ""]


def _examples(p: _Plan) -> list[str]:
    page = p.page
    if not page.examples:
        return ["# The page gives no worked request examples.", "examples: []"]
    lines = ["examples:"]
    ids = _Ids()
    for example in page.examples:
        resource = example.resource
        lines += [f"  - id: {ids.make(example.title, 'esimerkki')}", *_text(p.lang, "title", example.title, 4)]
        lines.append(f"    resource: {p.dataset_ids[id(resource)]}")
        if id(example) in p.example_registers:
            lines.append(f"    register: {p.dataset_ids[id(p.example_registers[id(example)])]}")
        if example.system is not None:
            lines.append(f"    system: {p.system(example.system, [*resource.systems, *resource.supporting_systems])}")
        keys, seen = [], set()
        for key in example.search_keys:
            if slug(key) and slug(key) not in seen:
                seen.add(slug(key))
                keys.append(key)
        if keys:
            lines.append("    search_keys:")
            for key in keys:
                others = [f"        {other}: ~{TRANSLATE}" for other in ("fi", "sv", "en") if other != p.lang]
                lines += [f"      - {p.lang}: {scalar(key)}", *others]
        else:
            lines.append("    search_keys: []")
        lines += _list("channels", _unique(p.channel_ids[c.key] for c in example.channels), 4)
        lines.append("")
    return lines


def _unplaced(page: ImportedPage) -> str:
    lines = [
        "# Lines of the page that 'kasko-dcat import' could not place. Move each fact into the file",
        "# where it belongs (see source/README.md), then delete this file: 'kasko-dcat build' does not read it.",
        "unplaced:",
    ]
    for line in page.unplaced:  # each has its reason: see render_source's accounting
        lines += [
            f"  - line: {line.number}",
            f"    text: {json.dumps(line.text, ensure_ascii=False)}",
            f"    reason: {json.dumps(line.reason, ensure_ascii=False)}",
        ]
    return "\n".join(lines) + "\n"


def _related_title(phrase: str) -> str:
    """A fed resource's title: the page's words in their basic form where that is mechanical."""
    return capitalise(basic_form(phrase) or phrase)


def _unique(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out


def as_checked(files: dict[str, str]) -> dict[str, str]:
    """The files with an empty authority's name filled, only to check that the rest reads back.

    A page that names no authority is imported with the name left empty (:data:`TO_WRITE`) and
    reported: the civil servant writes it. Everything else must still read back, so the import
    checks a copy in which that one value is filled; the files written keep it empty.
    """
    return {name: text.replace(f": ~{TO_WRITE}", f": {FILLER}") for name, text in files.items()}


def write_source(target: Path, files: dict[str, str], force: bool) -> None:
    """Write ``files`` as the folder ``target``, all at once: a failure leaves ``target`` as it was.

    The files are written into a new folder beside ``target`` and renamed into place, so a reader
    never sees half a source. A non-empty ``target`` is replaced only with ``force``.
    """
    if target.exists() and not target.is_dir():
        raise FileExistsError(17, "not a folder", str(target))
    if target.is_dir() and any(target.iterdir()) and not force:
        raise IsADirectoryError(21, "not empty", str(target))
    parent = target.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.import-"))
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        os.chmod(staging, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.old-"))
            os.replace(target, old / "previous")
            os.replace(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
