"""What a § 28 page says differently from the current source, in the Finnish words of both.

Ids differ between an imported page and a curated source, and the curated source writes names in
their basic form where the page inflects them; so things are matched by their names (title and
every ``seed_forms`` wording), compared without case, spaces and hyphens, never by id.
"""

from __future__ import annotations

from dataclasses import dataclass

from kasko_dcat.importer.names import system_key
from kasko_dcat.model.description import Source


@dataclass(frozen=True)
class Fact:
    """One thing a description states: what kind, whose, by which names, with what text."""

    kind: str
    owner: str
    names: frozenset[str]
    shown: str
    value: str = ""


@dataclass(frozen=True)
class Difference:
    """A fact only in the page (``added``), only in the source (``removed``), or with another text (``changed``)."""

    change: str
    fact: Fact
    old: str = ""


def _names(*texts: str) -> frozenset[str]:
    return frozenset(key for text in texts if (key := system_key(text)))


def facts(source: Source, lang: str = "fi") -> list[Fact]:
    """The facts of a source that a § 28 page states, in ``lang`` (Finnish, or Swedish for a Swedish page)."""
    systems = {system.id: system for system in source.systems}
    channels = {channel.id: channel for channel in source.channels}
    addresses = {address.id: address.label for address in source.addresses}
    related = {item.id: item.title.get(lang, "") for item in source.related_resources}
    out: list[Fact] = []

    def named(kind: str, owner: str, title: dict[str, str], forms: list[str]) -> Fact:
        """A register or system, known by its title and the page's other forms of it."""
        shown = title.get(lang, "")
        return Fact(kind, owner, _names(shown, *forms), shown)

    for resource in source.resources:
        owner = resource.title.get(lang, "")
        out.append(Fact("resource", "", _names(owner, *resource.seed_forms), owner))
        out.append(Fact("description", owner, _names("kuvaus"), owner, (resource.description or {}).get(lang, "")))
        out.append(
            Fact("contents", owner, _names("tietoaineistot"), owner, (resource.data_contents or {}).get(lang, ""))
        )
        out.extend(named("register", owner, register.title, register.seed_forms) for register in resource.registers)
        for ref in [*resource.systems, *resource.supporting_systems]:
            if ref in systems:
                out.append(named("system", owner, systems[ref].title, systems[ref].seed_forms))
        for ref in resource.feeds:
            if ref in related:
                out.append(Fact("feeds", owner, _names(related[ref]), related[ref]))
    for channel in source.channels:
        route = channel.url or (addresses.get(channel.address or "") or "") or channel.email or ""
        text = " | ".join(
            part
            for part in (
                channel.title.get(lang, ""),
                (channel.description or {}).get(lang, ""),
                " ".join(route.split()),
                channel.email or "",
            )
            if part
        )
        out.append(Fact("channel", "", _names(route, channel.kind), channel.title.get(lang, ""), text))
    for example in source.examples:
        owner = example.title.get(lang, "")
        out.append(Fact("example", "", _names(owner), owner))
        if example.system in systems:
            out.append(named("system", owner, systems[example.system].title, systems[example.system].seed_forms))
        out.extend(named("search-key", owner, key, []) for key in example.search_keys)
        for ref in example.channels:
            if ref in channels:
                channel = channels[ref]
                route = channel.url or addresses.get(channel.address or "", "") or channel.email or ""
                out.append(Fact("channel", owner, _names(route, channel.kind), channel.title.get(lang, "")))
    return out


def differences(old: Source, new: Source) -> list[Difference]:
    """What ``new`` (the page) adds to, removes from or changes in ``old`` (the source)."""
    lang = "fi" if "fi" in new.catalog.title else next(iter(new.catalog.title), "fi")  # the page's language
    before, after = facts(old, lang), facts(new, lang)
    owners = _owner_map(before, after)
    before = [Fact(f.kind, owners.get(f.owner, f.owner), f.names, f.shown, f.value) for f in before]
    out: list[Difference] = []
    unmatched = list(after)
    for fact in before:
        match = next(
            (f for f in unmatched if f.kind == fact.kind and f.owner == fact.owner and f.names & fact.names), None
        )
        if match is None:
            out.append(Difference("removed", fact))
            continue
        unmatched.remove(match)
        if " ".join(match.value.split()) != " ".join(fact.value.split()):
            out.append(Difference("changed", match, fact.value))
    out.extend(Difference("added", fact) for fact in unmatched)
    return out


def _owner_map(before: list[Fact], after: list[Fact]) -> dict[str, str]:
    """Resources and examples of the source → the page's name for the same one."""
    out: dict[str, str] = {}
    for kind in ("resource", "example"):
        for fact in (f for f in before if f.kind == kind):
            match = next((f for f in after if f.kind == kind and f.names & fact.names), None)
            if match is not None:
                out[fact.shown] = match.shown
    return out
