"""Harvest a served catalogue with CKAN's own DCAT parser, as a CKAN portal would, and print what it made.

Runs in the CKAN virtual environment (``.ckan-venv``, made by ``.ci/run``), not in ours: CKAN pins
its own versions of rdflib and much else. ``tests/test_serve_ckan.py`` starts ``kasko-dcat serve``
and runs this script against it.

    .ckan-venv/bin/python tests/ckan_harvest.py URL LOCALE

Like ckanext-dcat's harvester it fetches URL, parses the page with ``RDFParser`` and the
``euro_dcat_ap_3`` profile, takes every dataset, and follows ``RDFParser.next_page()`` until there
is none. Each tag goes through CKAN's own tag validators, which reject a dataset in a real
harvest. Prints JSON: the pages fetched, each dataset's fields that a portal shows, and the
problems that would abort or spoil a harvest.
"""

import json
import sys
import urllib.request

from ckan.common import config


def main(url: str, locale: str) -> None:
    config["ckan.locale_default"] = locale
    from ckan.lib.navl.dictization_functions import Invalid
    from ckan.logic.validators import tag_length_validator, tag_name_validator
    from ckanext.dcat.processors import RDFParser, RDFParserException

    pages, datasets, problems = [], [], []
    seen = set()
    while url and url not in seen and len(pages) < 1000:
        seen.add(url)
        pages.append(url)
        with urllib.request.urlopen(url, timeout=30) as answer:
            content_type = answer.headers.get_content_type()
            body = answer.read().decode("utf-8")
        parser = RDFParser(profiles=["euro_dcat_ap_3"])
        try:
            parser.parse(body, _format=content_type)
            found = list(parser.datasets())
        except RDFParserException as exc:
            problems.append(f"{url}: page does not parse: {exc}")
            break
        for dataset in found:
            extras = {extra["key"]: extra["value"] for extra in dataset.get("extras", [])}
            tags = [tag["name"] for tag in dataset.get("tags", [])]
            for tag in tags:
                try:
                    tag_length_validator(tag, {})
                    tag_name_validator(tag, {})
                except Invalid as exc:
                    problems.append(f"{extras.get('uri')}: tag {tag!r} rejected: {exc.error}")
            if not dataset.get("title"):
                problems.append(f"{extras.get('uri')}: no title, which aborts a harvest")
            datasets.append(
                {
                    "page": len(pages),
                    "uri": extras.get("uri"),
                    "title": dataset.get("title"),
                    "notes": dataset.get("notes"),
                    "tags": tags,
                    "contact_name": extras.get("contact_name"),
                    "contact_email": extras.get("contact_email"),
                    "publisher_name": extras.get("publisher_name"),
                    "access_rights": extras.get("access_rights"),
                    "resources": len(dataset.get("resources", [])),
                    "rights": [resource.get("rights") for resource in dataset.get("resources", [])],
                    "spatial_text": extras.get("spatial_text"),
                }
            )
        url = parser.next_page()
    json.dump({"pages": pages, "datasets": datasets, "problems": problems}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
