"""What kasko-dcat says to people, in English, Finnish and Swedish, from gettext catalogues.

The messages live in ``locale/<lang>/LC_MESSAGES/kasko_dcat.po``: the standard catalogue format
that translators' tools (Poedit, Weblate, ``pybabel``) read and check, parsed with Babel. Each
message is named by a stable code (``yaml-syntax``) rather than by its English text, so the code
that raises an error stays the same when the wording changes: the code is the ``msgid`` of *what
happened*, and the same ``msgid`` under the context ``fix`` says *how to fix it*. A message that
shows a count is a plural entry (``msgid_plural``): its form is chosen by the ``count`` value with
the catalogue's own ``Plural-Forms`` rule, so Finnish says "1 virhe" and "2 virhettä".

To add a message, add the entry to all three catalogues; ``tests/test_messages.py`` checks that
each code the package uses is in each catalogue with the same placeholders.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from kasko_dcat.i18n.languages import DEFAULT_MESSAGE_LANG, MESSAGE_LANGS

FIX = "fix"
"""The ``msgctxt`` of a message's second half: how to fix what happened."""

WORDS = ("kind", "found", "reason")
"""Values given in English words that the catalogues translate under the value's name as ``msgctxt``:
the kind of thing an id names (``system``), what was found instead of a value (``a list``) and why a
server did not answer (``the connection failed or was cut``); a value a catalogue lacks stays as it is."""


@dataclass(frozen=True)
class Catalogue:
    """One language's messages: (context, code) → its forms (one, or one per plural form)."""

    lang: str
    texts: dict[tuple[str | None, str], tuple[str, ...]]
    plural: Callable[[int], int]

    def text(self, code: str, context: str | None, count: int | None) -> str | None:
        """The translation, in the form ``count`` needs; ``None`` when the catalogue lacks it or leaves it empty."""
        forms = self.texts.get((context, code))
        if not forms:
            return None
        chosen = forms[self.plural(count) if count is not None and len(forms) > 1 else 0]
        return chosen or None

    def codes(self) -> set[str]:
        """Every message code this catalogue has."""
        return {code for context, code in self.texts if context is None}


@cache
def catalogue(lang: str) -> Catalogue:
    """The parsed catalogue of ``lang`` (one of :data:`MESSAGE_LANGS`), read once per process."""
    from babel.messages.pofile import read_po

    path = files("kasko_dcat").joinpath("i18n", "locale", lang, "LC_MESSAGES", "kasko_dcat.po")
    with path.open("rb") as stream:
        po = read_po(stream, locale=lang, abort_invalid=True)
    texts: dict[tuple[str | None, str], tuple[str, ...]] = {}
    for message in po:
        if not message.id:
            continue  # the header
        code = message.id[0] if isinstance(message.id, tuple | list) else message.id
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        texts[message.context, code] = tuple(strings)
    return Catalogue(lang, texts, gettext.c2py(po.plural_expr))


def render(code: str, lang: str, params: dict[str, str]) -> str:
    """Return ``what — how to fix`` for ``code`` in ``lang``; English where ``lang`` lacks the entry.

    ``params["count"]``, when given, chooses the plural form.
    """
    lang = lang if lang in MESSAGE_LANGS else DEFAULT_MESSAGE_LANG
    count = int(params["count"]) if "count" in params else None
    chosen, english = catalogue(lang), catalogue(DEFAULT_MESSAGE_LANG)
    words = {name: chosen.text(params[name], name, None) for name in WORDS if name in params}
    params = {**params, **{name: word for name, word in words.items() if word is not None}}
    what = chosen.text(code, None, count) or english.text(code, None, count)
    if what is None:
        raise KeyError(f"no message {code!r}")
    fix = chosen.text(code, FIX, count) or english.text(code, FIX, count) or ""
    text = what.format(**params)
    return f"{text} — {fix.format(**params)}" if fix else text
