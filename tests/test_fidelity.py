"""Facts come from the seed, never from imagination: Finnish text verbatim, no invented address or law.

The seed is the published page, copied to tests/data/ so these checks run without ../shared;
when ../shared is present the copy must equal it. "Verbatim" is up to whitespace: the page's
non-breaking spaces and line breaks are written as ordinary spaces in the source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kasko_dcat.model.description import Source

from .conftest import ROOT, SHARED, SOURCE

SEED_COPY = ROOT / "tests" / "data" / "kasko-tietovarannot.txt"
SEED = SEED_COPY.read_text("utf-8")
FLAT_SEED = " ".join(SEED.split())


def flat(text: str) -> str:
    return " ".join(text.split())


def in_seed(text: str) -> bool:
    return flat(text) in FLAT_SEED


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared/seed is not present")
def test_the_test_copy_of_the_seed_is_the_seed() -> None:
    assert SEED_COPY.read_bytes() == (SHARED / "seed" / "kasko-tietovarannot.txt").read_bytes()


def test_finnish_descriptions_are_verbatim(source: Source) -> None:
    texts = [p for p in source.catalog.description["fi"].split("\n\n")]
    for resource in source.resources:
        assert resource.description is not None and resource.data_contents is not None
        texts += resource.description["fi"].split("\n\n")
        texts.append(resource.data_contents["fi"])
    texts += [example.title["fi"] for example in source.examples]
    texts.append(source.information_request.description["fi"])
    # The procedure quotes the request section, then adds one sentence on Act 621/1999 § 13.
    *quoted, added = source.information_request.procedure["fi"].split("\n\n")
    texts += quoted
    assert "621/1999" in added and not in_seed(added)
    missing = [text for text in texts if not in_seed(text)]
    assert missing == []


def test_seed_forms_and_address_labels_are_verbatim(source: Source) -> None:
    forms = [form for system in source.systems for form in system.seed_forms]
    forms += [form for resource, _ in source.datasets for form in resource.seed_forms]
    forms += [address.label for address in source.addresses]
    missing = [form for form in forms if not in_seed(form)]
    assert missing == []


def test_search_keys_are_verbatim(source: Source) -> None:
    keys = [key["fi"] for example in source.examples for key in example.search_keys]
    assert len(keys) == 13
    assert [key for key in keys if not in_seed(key)] == []


def test_every_address_phone_and_web_address_in_the_source_is_in_the_seed() -> None:
    """No made-up URL, e-mail, phone or street: everything contact-like must be quoted from the seed."""
    text = "\n".join(path.read_text("utf-8") for path in sorted(SOURCE.rglob("*.yaml")))
    text = "\n".join(
        line.split("#", 1)[0] if not line.lstrip().startswith(("fi:", "sv:", "en:")) else line
        for line in text.splitlines()
    )
    urls = set(re.findall(r"https?://[^\s,\]]+", text)) - {"https://kasko.example/"}
    finlex = {url for url in urls if url.startswith(("http://data.finlex.fi/eli/sd/", "http://data.europa.eu/eli/"))}
    assert [url for url in urls - finlex if url not in SEED] == []
    assert [e for e in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text) if e not in SEED] == []
    phones = re.findall(r"phone: (.+)", text)
    assert phones and [p for p in phones if not in_seed(p)] == []
    boxes = set(re.findall(r"PL \d+", text))
    assert boxes == {"PL 58300", "PL 51309"} and all(box in SEED for box in boxes)


def test_eli_iris_follow_the_reference_patterns(source: Source) -> None:
    """REFERENCE.md: Finlex ELI http://data.finlex.fi/eli/sd/{year}/{number}; the GDPR's EU ELI."""
    for law in source.laws:
        if law.number.startswith("(EU)"):
            assert law.eli == "http://data.europa.eu/eli/reg/2016/679/oj"
        else:
            number, year = law.number.split("/")
            assert law.eli == f"http://data.finlex.fi/eli/sd/{year}/{number}"


def test_business_id_is_the_reference_one(source: Source) -> None:
    ids = {org.id: org.business_id for org in source.organisations if org.business_id}
    assert ids == {"helsinki": "0201256-6"}


def test_no_personal_identity_code_anywhere_in_the_output() -> None:
    """The catalogue describes personal data but never contains any: no Finnish henkilötunnus."""
    pattern = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b")
    for path in sorted((ROOT / "output").iterdir()):
        assert not pattern.search(path.read_text("utf-8")), path


def _files() -> list[Path]:
    return sorted(SOURCE.rglob("*.yaml"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(SOURCE)))
def test_every_source_file_is_utf8_without_tabs(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert "\t" not in text
