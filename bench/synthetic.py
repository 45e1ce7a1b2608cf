"""Synthetic sources of any size, written as the YAML that ``build`` reads (the source model, not RDF).

The real source's catalogue, organisations, systems, laws and request route are kept, and its four
information resources too (the request examples refer to them); generated resources, each with
nine registers, bring the catalogue to the number of datasets asked for. Every generated text is
fi/sv/en, so the catalogues are as complete as the real one and validation finds the same kinds
of things in them.

    python bench/synthetic.py 1000 /tmp/source-1000
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from _measure import ROOT

REAL_DATASETS = 28
"""Datasets of the real source (4 resources, 24 registers); tests/test_facts.py holds the count."""

REGISTERS_PER_RESOURCE = 9
SYSTEMS = ["asiakas-ja-oppilashallinto", "oppilashuolto", "kodin-ja-koulun-yhteistyo"]
LAWS = ["perusopetuslaki", "oppivelvollisuuslaki"]


def _text(key: str, fi: str, sv: str, en: str, indent: str = "") -> str:
    return f"{indent}{key}:\n{indent}  fi: {fi}\n{indent}  sv: {sv}\n{indent}  en: {en}\n"


def resource_yaml(number: int, registers: int) -> str:
    """One generated information resource with ``registers`` registers."""
    out = [
        f"id: synteettinen-{number}\n",
        _text(
            "title",
            f"Synteettinen tietovaranto {number}",
            f"Syntetisk informationsresurs {number}",
            f"Synthetic information resource {number}",
        ),
        _text(
            "description",
            f"Testiaineisto {number}, ei todellista tietoa.",
            f"Testdata {number}, inga verkliga uppgifter.",
            f"Test data {number}, no real data.",
        ),
        _text(
            "data_contents",
            "Oppilaiden ja huoltajien tiedot.",
            "Uppgifter om elever och vårdnadshavare.",
            "Data on pupils and guardians.",
        ),
        "data_groups:\n  - {fi: oppilaan tiedot, sv: elevens uppgifter, en: pupil data}\n",
        f"systems: [{', '.join(SYSTEMS)}]\n",
        "privacy_notices: []\ntechnical_interface: ~\npersonal_data: true\nthemes: [EDUC]\n",
        "keywords:\n  fi: [testi]\n  sv: [test]\n  en: [test]\n",
        f"legislation: [{', '.join(LAWS)}]\n",
        "registers:\n" if registers else "",
    ]
    for r in range(registers):
        out.append(f"  - id: synteettinen-{number}-rekisteri-{r}\n")
        out.append(
            _text("title", f"Rekisteri {number}.{r}", f"Register {number}.{r}", f"Register {number}.{r}", "    ")
        )
        out.append("    personal_data: true\n")
    return "".join(out)


def make_source(datasets: int, folder: Path) -> Path:
    """Write a source of ``datasets`` datasets (at least the real 28) to ``folder``; return it."""
    if datasets < REAL_DATASETS:
        raise ValueError(f"the real source alone has {REAL_DATASETS} datasets")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "source", folder)
    missing, number = datasets - REAL_DATASETS, 0
    while missing > 0:
        registers = min(REGISTERS_PER_RESOURCE, missing - 1)
        (folder / "resources" / f"synteettinen-{number}.yaml").write_text(resource_yaml(number, registers), "utf-8")
        missing -= 1 + registers
        number += 1
    return folder


if __name__ == "__main__":
    print(make_source(int(sys.argv[1]), Path(sys.argv[2])))
