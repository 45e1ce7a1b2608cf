"""Score ``kasko-dcat import`` on real § 28 pages: facts written that the page does not state, facts found.

Each page of tests/data/import/real/ (``NN-name.txt`` or ``.html``) sits beside ``NN-name.yaml``, the
facts it states, written by hand (format and comparison rules: that folder's README.md). For each
page this runs the real command, ``kasko-dcat import PAGE --out DIR``, in a new process, reads the
folder it wrote (organisations.yaml, request.yaml, resources/*.yaml, systems.yaml) and compares:

- **wrong**: values written that match nothing the page states (nor a tolerated reading). Goal: 0.
- **found**: stated facts that were written, out of those stated (recall).
- **authority**: right, wrong (a name the page does not give), missing, or right-none (the page
  names none and none was written).
- **contacts**: e-mails, phones, addresses, request URLs and the registry office found, out of stated.

A page the command refuses (exit code 2) wrote nothing: no wrong facts, none found.

    python bench/import_real.py [--json] [--page TEXT] [--command PATH] [--details]

``--command`` is the ``kasko-dcat`` to run (default: this worktree's .venv/bin/kasko-dcat). It prints
what it measured; the thresholds a test holds the importer to are the importer's business.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "import" / "real"

NAMED = ("resources", "registers", "systems", "data_groups", "search_keys")
"""Keys whose values are names, compared after normalising."""
CONTACTS = ("emails", "phones", "addresses", "urls")
SCORED = ("authority", *CONTACTS, "registry_office", *NAMED, "technical_interface")
"""Every key scored, in the order the figures print them."""
POOLED = {"resources": ("resources", "registers"), "registers": ("resources", "registers")}
"""A register written as a resource (or the reverse) is no wrong fact: the two keys are one pool for wrongness."""


def normalise(text: str) -> str:
    """Case and spacing folded, a trailing stop or comma and a leading list number or bullet left out."""
    text = " ".join(str(text).split()).casefold()
    text = re.sub(r"^(?:\d+[.)]|[•\-*])\s+", "", text)
    return text.rstrip(".,;:").strip()


def digits(phone: str) -> str:
    """A telephone number's digits, the country code +358 read as the trunk prefix 0."""
    only = re.sub(r"\D", "", phone)
    return "0" + only[3:] if phone.strip().startswith("+358") else only


def forms(item: Any) -> list[str]:
    """The normalised forms one expected item may take (a string, or a list of the page's forms)."""
    return [normalise(form) for form in (item if isinstance(item, list) else [item]) if form is not None]


# --- what the command wrote ---------------------------------------------------------------------------
@dataclass
class Value:
    """One written value: its text and the other forms the importer kept for it (seed forms)."""

    text: str
    other_forms: list[str] = field(default_factory=list)

    def normalised(self) -> list[str]:
        return [normalise(form) for form in [self.text, *self.other_forms]]


@dataclass
class Written:
    """The facts of one imported folder, by the keys of the facts file."""

    authority: str | None = None
    values: dict[str, list[Value]] = field(default_factory=dict)
    addresses: list[dict[str, str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    """Contact point names, channel titles and address labels: where a registry office's name shows."""
    interfaces: list[tuple[Value, bool]] = field(default_factory=list)
    """(resource, technical_interface) for each resource whose value is not empty."""


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None


def _text(value: Any, lang: str) -> str | None:
    """A multilingual value's text in ``lang``, else in any language it has (a page read as the other)."""
    if isinstance(value, dict):
        for key in (lang, "fi", "sv", "en"):
            if value.get(key):
                return str(value[key])
        return None
    return str(value) if value not in (None, "") else None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def read_written(folder: Path, lang: str) -> Written:
    """The facts ``kasko-dcat import`` wrote into ``folder`` (read as YAML, not through the model)."""
    out = Written(values={key: [] for key in (*NAMED, "emails", "phones", "urls")})
    organisations = _as_list((_load(folder / "organisations.yaml") or {}).get("organisations"))
    if organisations:
        out.authority = _text(organisations[0].get("name"), lang)
    request = _load(folder / "request.yaml") or {}
    for address in _as_list(request.get("addresses")):
        out.addresses.append({key: str(address.get(key) or "") for key in ("label", "street_address", "postal_code")})
        out.labels.append(str(address.get("label") or ""))
    for block, label in (("contact_points", "name"), ("channels", "title")):
        for entry in _as_list(request.get(block)):
            out.labels.append(_text(entry.get(label), lang) or "")
            for field_name, key in (("email", "emails"), ("phone", "phones"), ("url", "urls")):
                if entry.get(field_name):
                    out.values[key].append(Value(str(entry[field_name])))
    access_url = (request.get("information_request") or {}).get("access_url")
    if access_url:
        out.values["urls"].append(Value(str(access_url)))
    for example in _as_list(request.get("examples")):
        for key in _as_list(example.get("search_keys")):
            if text := _text(key, lang):
                out.values["search_keys"].append(Value(text))
    for system in _as_list((_load(folder / "systems.yaml") or {}).get("systems")):
        if text := _text(system.get("title"), lang):
            out.values["systems"].append(Value(text, [str(f) for f in _as_list(system.get("seed_forms"))]))
    for path in sorted((folder / "resources").glob("*.yaml")):
        resource = _load(path) or {}
        title = _text(resource.get("title"), lang)
        if title is None:
            continue
        value = Value(title, [str(f) for f in _as_list(resource.get("seed_forms"))])
        out.values["resources"].append(value)
        if isinstance(resource.get("technical_interface"), bool):
            out.interfaces.append((value, resource["technical_interface"]))
        for group in _as_list(resource.get("data_groups")):
            if text := _text(group, lang):
                out.values["data_groups"].append(Value(text))
        for register in _as_list(resource.get("registers")):
            if text := _text(register.get("title"), lang):
                out.values["registers"].append(Value(text, [str(f) for f in _as_list(register.get("seed_forms"))]))
    return out


# --- comparing ------------------------------------------------------------------------------------------
@dataclass
class KeyScore:
    """One key of one page: how many facts the page states, how many were written, and the wrong ones."""

    stated: int = 0
    found: int = 0
    wrong: list[str] = field(default_factory=list)
    tolerated: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, other: KeyScore) -> None:
        self.stated += other.stated
        self.found += other.found
        self.wrong += other.wrong
        self.tolerated += other.tolerated
        self.missed += other.missed


@dataclass
class PageScore:
    """One page's import, compared."""

    page: str
    lang: str
    kind: str
    status: str
    authority: str
    written_authority: str | None
    keys: dict[str, KeyScore]
    seconds: float
    message: str = ""

    def total(self, keys: Iterable[str] = SCORED) -> KeyScore:
        out = KeyScore()
        for key in keys:
            out.add(self.keys[key])
        return out


def _unique(values: list[Value]) -> list[Value]:
    seen: set[str] = set()
    out = []
    for value in values:
        if normalise(value.text) not in seen:
            seen.add(normalise(value.text))
            out.append(value)
    return out


def _matches(value: Value, items: list[Any], key: str) -> int | None:
    """The index of the expected item ``value`` is, if any."""
    if key == "emails" or key == "urls":
        mine = {normalise(value.text).rstrip("/")}
        for index, item in enumerate(items):
            if mine & {form.rstrip("/") for form in forms(item)}:
                return index
        return None
    if key == "phones":
        for index, item in enumerate(items):
            if any(digits(value.text) == digits(form) for form in (item if isinstance(item, list) else [item])):
                return index
        return None
    mine = set(value.normalised())
    for index, item in enumerate(items):
        if mine & set(forms(item)) or any(_tail(name, form) for name in mine for form in forms(item)):
            return index
    return None


def _tail(name: str, form: str) -> bool:
    """``name`` (two words or more) ends ``form`` at a word: the page's name with its owner left out.

    "Kunnan asianhallintajärjestelmä" for "Taivassalon kunnan asianhallintajärjestelmä" names what the
    page names; "järjestelmä" alone, or a name with words the page does not have, does not.
    """
    return len(name.split()) >= 2 and (" " + form).endswith(" " + name)


def _score_names(key: str, written: list[Value], facts: dict[str, Any]) -> KeyScore:
    stated = [item for item in facts.get(key) or []]
    tolerated = (facts.get("tolerated") or {}).get(key) or []
    pool = [item for other in POOLED.get(key, (key,)) for item in facts.get(other) or []]
    pool_tolerated = [
        item for other in POOLED.get(key, (key,)) for item in (facts.get("tolerated") or {}).get(other) or []
    ]
    score = KeyScore(stated=len(stated))
    hit: set[int] = set()
    for value in _unique(written):
        index = _matches(value, stated, key)
        if index is not None:
            hit.add(index)
        elif _matches(value, pool, key) is not None:
            continue
        elif _matches(value, [*tolerated, *pool_tolerated], key) is not None:
            score.tolerated += 1
        else:
            score.wrong.append(value.text)
    score.found = len(hit)
    score.missed = [_first(item) for index, item in enumerate(stated) if index not in hit]
    return score


def _first(item: Any) -> str:
    """An expected item as the facts file writes it (its first form), for the lists of missed facts."""
    return str(item[0] if isinstance(item, list) else item)


def _score_addresses(written: Written, facts: dict[str, Any]) -> KeyScore:
    raw = [str(a) for a in facts.get("addresses") or []]
    stated = [normalise(a) for a in raw]
    score = KeyScore(stated=len(stated))
    hit: set[int] = set()
    seen: set[tuple[str, str]] = set()
    for address in written.addresses:
        street, code = normalise(address["street_address"]), normalise(address["postal_code"])
        if (street, code) in seen:
            continue
        seen.add((street, code))
        index = next(
            (i for i, want in enumerate(stated) if street and street in want and (not code or code in want)), None
        )
        if index is None:
            score.wrong.append(address["label"] or f"{address['street_address']} {address['postal_code']}")
        else:
            hit.add(index)
    score.found = len(hit)
    score.missed = [want for index, want in enumerate(raw) if index not in hit]
    return score


def _score_office(written: Written, facts: dict[str, Any]) -> KeyScore:
    """Found when a contact point's name, a channel's title or an address label names the office; never wrong."""
    office = facts.get("registry_office")
    if office is None:
        return KeyScore()
    labels = [normalise(label) for label in written.labels]
    found = any(form and form in label for form in forms(office) for label in labels)
    return KeyScore(stated=1, found=int(found), missed=[] if found else [_first(office)])


def _score_interfaces(written: Written, facts: dict[str, Any]) -> KeyScore:
    """Per resource (matched by name), the page's whole data (``*``), or data it does not name (``(other)``)."""
    stated: dict[str, bool] = dict(facts.get("technical_interface") or {})
    resources = facts.get("resources") or []

    def key_of(value: Value) -> str | None:
        for name in stated:
            if name in {"*", "(other)"}:
                continue
            item = next((r for r in resources if normalise(name) in forms(r)), name)
            if _matches(value, [item], "resources") is not None:
                return name
        return None

    score = KeyScore(stated=len(stated))
    hit: set[str] = set()
    for resource, flag in written.interfaces:
        name = key_of(resource)
        if name is None:
            name = next((k for k in ("*", "(other)") if k in stated and stated[k] is flag), None)
        if name is not None and stated.get(name) is flag:
            hit.add(name)
        else:
            score.wrong.append(f"{resource.text}: {flag}")
    score.found = len(hit)
    score.missed = [f"{name}: {flag}" for name, flag in stated.items() if name not in hit]
    return score


def score(page: str, facts: dict[str, Any], written: Written | None) -> dict[str, KeyScore]:
    """Every scored key of one page; ``written`` is None when the command wrote nothing."""
    written = written or Written(values={key: [] for key in (*NAMED, "emails", "phones", "urls")})
    keys: dict[str, KeyScore] = {}
    want = facts.get("authority")
    names = forms(want) if want is not None else []
    got = written.authority
    keys["authority"] = KeyScore(stated=1 if names else 0)
    if got and normalise(got) in names:
        keys["authority"].found = 1
    elif got:
        keys["authority"].wrong.append(got)
    if names and not keys["authority"].found:
        keys["authority"].missed.append(_first(want))
    for key in ("emails", "phones", "urls", *NAMED):
        keys[key] = _score_names(key, written.values.get(key, []), facts)
    keys["addresses"] = _score_addresses(written, facts)
    keys["registry_office"] = _score_office(written, facts)
    keys["technical_interface"] = _score_interfaces(written, facts)
    return keys


# --- running the command --------------------------------------------------------------------------------
def default_command() -> list[str]:
    """This worktree's ``kasko-dcat``, else the package of the Python running this script."""
    venv = ROOT / ".venv" / "bin" / "kasko-dcat"
    return [str(venv)] if venv.is_file() else [sys.executable, "-m", "kasko_dcat"]


def pages(only: str | None = None) -> list[Path]:
    """Every page of the corpus (.txt and .html) that has a facts file, in name order."""
    found = [
        path
        for path in sorted(CORPUS.iterdir())
        if path.suffix in {".txt", ".html"} and path.with_suffix(".yaml").is_file()
    ]
    return [path for path in found if only is None or only in path.name]


def import_page(page: Path, command: list[str]) -> PageScore:
    """Run ``kasko-dcat import PAGE --out DIR`` in a new process and compare what it wrote."""
    facts = yaml.safe_load(page.with_suffix(".yaml").read_text("utf-8"))
    lang = facts["source"]["lang"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "import", str(page), "--out", str(out)],
            capture_output=True,
            text=True,
            env={**os.environ, "KASKO_DCAT_LANG": "en"},
            timeout=120,
            check=False,
        )
        seconds = time.perf_counter() - start
        status = {0: "imported", 2: "refused"}.get(done.returncode, f"exit {done.returncode}")
        written = read_written(out, lang) if done.returncode == 0 and out.is_dir() else None
    keys = score(page.name, facts, written)
    authority = keys["authority"]
    state = (
        "right" if authority.found else "wrong" if authority.wrong else "missing" if authority.stated else "right-none"
    )
    message = "" if done.returncode == 0 else (done.stderr.strip().splitlines() or [""])[-1]
    return PageScore(
        page=page.name,
        lang=lang,
        kind=str(facts["source"]["kind"]),
        status=status,
        authority=state,
        written_authority=written.authority if written else None,
        keys=keys,
        seconds=seconds,
        message=message,
    )


# --- printing -------------------------------------------------------------------------------------------
def _ratio(found: int, stated: int) -> str:
    return f"{found}/{stated}" + (f" ({100 * found / stated:.0f} %)" if stated else "")


def summary(scores: list[PageScore]) -> dict[str, dict[str, Any]]:
    """Totals for the pages as retrieved, the HTML variants and all of them."""
    out = {}
    for label, group in (
        ("as retrieved (.txt)", [s for s in scores if s.page.endswith(".txt")]),
        ("HTML variants (.html)", [s for s in scores if s.page.endswith(".html")]),
        ("all", scores),
    ):
        total, contacts = KeyScore(), KeyScore()
        for s in group:
            total.add(s.total())
            contacts.add(s.total((*CONTACTS, "registry_office")))
        out[label] = {
            "pages": len(group),
            "not_imported": sum(s.status != "imported" for s in group),
            "wrong": len(total.wrong),
            "found": total.found,
            "stated": total.stated,
            "contacts_found": contacts.found,
            "contacts_stated": contacts.stated,
            "authority": {
                state: sum(s.authority == state for s in group) for state in ("right", "right-none", "wrong", "missing")
            },
        }
    return out


def print_table(scores: list[PageScore], details: bool) -> None:
    width = max(len(s.page) for s in scores)
    print(f"{'page':<{width}}  lang  status    authority   wrong  found/stated     contacts")
    for s in scores:
        total = s.total()
        contacts = s.total((*CONTACTS, "registry_office"))
        print(
            f"{s.page:<{width}}  {s.lang:<4}  {s.status:<8}  {s.authority:<10}  {len(total.wrong):>5}  "
            f"{_ratio(total.found, total.stated):<15}  {_ratio(contacts.found, contacts.stated)}"
        )
        if details:
            for key in SCORED:
                for value in s.keys[key].wrong:
                    print(f"    wrong {key}: {value}")
                for value in s.keys[key].missed:
                    print(f"    missed {key}: {value}")
            if s.message:
                print(f"    {s.status}: {s.message}")
    for label, figures in summary(scores).items():
        if figures["pages"]:
            print(
                f"\n{label}: {figures['pages']} pages, {figures['not_imported']} not imported; "
                f"wrong facts {figures['wrong']}; found {_ratio(figures['found'], figures['stated'])}; "
                f"contacts found {_ratio(figures['contacts_found'], figures['contacts_stated'])}; "
                + ", ".join(f"authority {state} {n}" for state, n in figures["authority"].items())
            )
    print(f"\n{'key':<20} {'stated':>6} {'found':>6} {'wrong':>6} {'tolerated':>9}")
    for key in SCORED:
        total = KeyScore()
        for s in scores:
            total.add(s.keys[key])
        print(f"{key:<20} {total.stated:>6} {total.found:>6} {len(total.wrong):>6} {total.tolerated:>9}")
    print(f"\nimport time: {sum(s.seconds for s in scores):.1f} s for {len(scores)} pages (one process each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print every page's figures and the totals as JSON")
    parser.add_argument("--page", help="only the pages whose file name contains this text")
    parser.add_argument("--command", help="the kasko-dcat executable to run (default: .venv/bin/kasko-dcat)")
    parser.add_argument("--details", action="store_true", help="list each wrong and missed fact under its page")
    args = parser.parse_args()
    command = [args.command] if args.command else default_command()
    scores = [import_page(page, command) for page in pages(args.page)]
    if not scores:
        raise SystemExit(f"no page in {CORPUS} matches")
    if args.json:
        report = {"pages": [asdict(s) for s in scores], "totals": summary(scores)}
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_table(scores, args.details)


if __name__ == "__main__":
    main()
