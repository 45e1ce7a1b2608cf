"""The citizen site's search: words as people type them, inflected or mistyped, in fi, sv and en.

A parent types ``varhaiskasvatus``, ``oppilaan`` or ``opilas``; the description says
*varhaiskasvatuksen*, *oppilashuolto*, *oppilas*. Plain substring matching found none of them.
Here every word of every text a page shows is reduced to its stem with the Snowball stemmer of
the text's language (``snowballstemmer``, the stemmers Snowball itself generates), and a query
word matches an indexed word when

- the stems are equal (*oppilaan* ~ *oppilaat*, *skolan* ~ *skolor*);
- the query's stem begins the word (*oppil* → *oppilashuolto*: Finnish and Swedish compounds);
- the two share all but the last two letters of the shorter stem, at least five (Finnish
  consonant gradation and stem changes Snowball leaves: *varhaiskasvatus* ~
  *varhaiskasvatuks*, *päivähoito* ~ *päivähoido*);
- or, weaker, the query's stem occurs inside a compound (*kasvatus* → *varhaiskasvatus*).

A query word that matches nothing is replaced by the official term for an everyday word
(:data:`EVERYDAY`), a near spelling (:data:`TYPO`), the words of a compound the description writes
apart (:meth:`Index._parts`), or the nearest word of the index's vocabulary
(:func:`difflib.get_close_matches`, a ratio of at least :data:`NEAR`), and the page says "did you
mean". Hits are ranked by how many query words they match, then by where: a word in a title
weighs more than a keyword, a keyword more than a description (:data:`WEIGHTS`). Each hit
carries the text its words were found in, cut around them, with the matching words marked.

The index is built once per loaded catalogue (:class:`Index`); a query looks words up in its
vocabulary (some thousands of words), never in the documents, so its cost does not grow with
the length of the texts.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

WEIGHTS = {
    "title": 10.0,
    "written_as": 7.0,
    "keyword": 6.0,
    "register": 4.0,
    "system": 4.0,
    "search_key": 4.0,
    "data_group": 3.0,
    "example": 3.0,
    "description": 2.0,
    "other": 1.0,
}
"""Where a word was found, and what that weighs in the ranking: title > keyword > description."""
TITLE_COVERAGE = 2.0
"""Weight of the share of a title's words that match the query."""
NEAR = 0.78
"""Least :class:`difflib.SequenceMatcher` ratio for "did you mean" (*opilas* → *oppilas* is 0.92)."""
TYPO = 0.9
"""A ratio so high the word is taken for a typo before it is tried as a compound (*yrkesutbilding*)."""
MAX_WORDS = 12
"""Query words looked at; the rest of a pasted paragraph is ignored."""
SNIPPET = 180
"""Characters of context shown around the matching words."""
PART = 5
"""Fewest letters of each part when a query word is split into the words it compounds."""
EVERYDAY = {
    "päiväkoti": "varhaiskasvatus",
    "päivähoito": "varhaiskasvatus",
    "esikoulu": "esiopetus",
    "eskari": "esiopetus",
    "koulukuljetus": "koulumatka",
    "koulukyyti": "koulumatka",
    "koulukuraattori": "kuraattori",
    "henkilökunta": "henkilöstö",
    "arvosana": "opintosuoritus",
    "ylioppilaskirjoitus": "yo kirjoitus",
    "ylioppilastutkinto": "yo kirjoitus",
    "daghem": "småbarnspedagogik",
    "dagis": "småbarnspedagogik",
    "förskola": "förskoleundervisning",
    "skolskjuts": "skolresor",
    "skolkurator": "kurator",
    "studentexamen": "studentskrivningarna",
    "kindergarten": "early childhood education",
    "daycare": "early childhood education",
}
"""Words parents use for what the description names otherwise, searched for when the word itself matches
nothing (and said, as "did you mean"): search vocabulary, not facts about the Division."""
_STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
HEADS = {"fi": (("ks", "s"),)}
"""Per language, (ending of an inflected stem, the ending the same word has as a compound's head): a Finnish
*-us* noun inflects with *-ukse-* (*tilavarauksen* → stem *tilavarauks*) but heads a compound in its
basic form (*tilavaraus|järjestelmä*), so the query's stem is also tried with that ending."""
GRADES = {"fi": (("nn", "nt"), ("ll", "lt"), ("rr", "rt"), ("mm", "mp"), ("ng", "nk"))}
"""Per language, (weak grade, strong grade) of a consonant that alternates at the end of a word: Finnish
consonant gradation, which Snowball leaves (*tutkinnot* → *tutkino*, while *tutkinto|tiedot* keeps *nt*); a
query word with the weak grade in its last five letters is also tried with the strong one."""
_WORD = re.compile(r"\w+", re.UNICODE)


_PER_THREAD = threading.local()


def _stemmer(lang: str) -> snowballstemmer.stemmer:  # type: ignore[name-defined]
    """The stemmer of ``lang`` for the calling thread, one per thread.

    A Snowball stemmer keeps the word it works on in itself, so two threads sharing one got each
    other's stems (and ``stem``'s cache kept them), or an exception (a 500 under concurrent searches).
    """
    stemmers = _PER_THREAD.__dict__.setdefault("stemmers", {})
    if lang not in stemmers:
        stemmers[lang] = snowballstemmer.stemmer(_STEMMERS[lang])
    return stemmers[lang]


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """``word`` (casefolded) reduced by the Snowball stemmer of ``lang``; unchanged for other languages."""
    return _stemmer(lang).stemWord(word) if lang in _STEMMERS else word


def words(text: str) -> list[str]:
    """The casefolded words of ``text``."""
    return _WORD.findall(text.casefold())


@dataclass(frozen=True)
class Document:
    """One thing search can find (a dataset, a system) and its texts: (field, language, text)."""

    key: str
    kind: str
    texts: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Hit:
    """A found document, why, and the text to show with the matching words marked."""

    key: str
    kind: str
    score: float
    matched: int
    fields: tuple[str, ...]
    snippet: tuple[tuple[str, bool], ...]
    """The context as (piece, whether it is a matching word)."""
    snippet_lang: str


@dataclass(frozen=True)
class Answer:
    """What a query found, and the query actually searched when a word was replaced ("did you mean")."""

    hits: tuple[Hit, ...]
    corrected: str | None = None
    unknown: tuple[str, ...] = ()


@dataclass
class _Word:
    stems: set[tuple[str, str]] = field(default_factory=set)
    """(language, stem) for each language the word was written in: a Finnish word is compared with the
    Finnish stem of the query only (the English stemmer makes *oppila* of *oppilas*, which would find
    *oppilaitos*)."""
    postings: set[tuple[int, int]] = field(default_factory=set)
    """(document number, text number) where the word occurs."""


class Index:
    """An inverted index of documents' words, built once, answering :meth:`search`."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents = tuple(documents)
        self.vocabulary: dict[str, _Word] = {}
        for number, document in enumerate(self.documents):
            for text_number, (_, lang, text) in enumerate(document.texts):
                langs = (lang,) if lang in _STEMMERS else tuple(_STEMMERS)
                for word in words(text):
                    entry = self.vocabulary.setdefault(word, _Word())
                    entry.stems.update((code, stem(word, code)) for code in langs)
                    entry.postings.add((number, text_number))
        self._sorted_vocabulary = sorted(self.vocabulary)

    def matches(self, query_word: str) -> dict[str, float]:
        """The indexed words ``query_word`` matches, each with how well (1 exact … 0.5 inside a compound)."""
        return dict(self._matches(query_word))

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per process, kept for the catalogue's lifetime
    def _matches(self, query_word: str) -> tuple[tuple[str, float], ...]:
        query_stems = {
            code: tuple(form for word in _grades(query_word, code) for form in _heads(stem(word, code), code))
            for code in _STEMMERS
        }
        found: dict[str, float] = {}
        head, inner = query_word[:3], query_word[:5] if len(query_word) >= 5 else None
        for word, entry in self.vocabulary.items():
            # every rule needs the query's first three letters to begin the word, or its first five inside it
            if not word.startswith(head) and (inner is None or inner not in word):
                continue
            quality = (
                1.0
                if word == query_word
                else max(
                    _closeness(query_word, word),
                    *(_closeness(form, word_stem) for code, word_stem in entry.stems for form in query_stems[code]),
                )
            )
            if quality:
                found[word] = quality
        return tuple(sorted(found.items()))

    @lru_cache(maxsize=4096)  # noqa: B019 - as above
    def suggest(self, query_word: str) -> str | None:
        """The vocabulary's nearest word to a word that matches nothing, if one is near enough."""
        if len(query_word) < 4:
            return None
        query_stems = _stems(query_word)
        for everyday, official in EVERYDAY.items():
            forms = _stems(everyday)
            close = max(_closeness(q, s) for q in query_stems for s in forms) >= 0.8
            if close or any(query_word.startswith(form) for form in forms if len(form) >= 6):  # päiväkoti|tiedot
                return official
        typo = difflib.get_close_matches(query_word, self._sorted_vocabulary, n=1, cutoff=TYPO)
        if typo:
            return typo[0]
        parts = self._parts(query_word)
        if parts:
            return parts
        close = difflib.get_close_matches(query_word, self._sorted_vocabulary, n=1, cutoff=NEAR)
        return close[0] if close else None

    def _parts(self, query_word: str) -> str | None:
        """A compound the index does not hold, as the words it does, or its head alone.

        *oppilashuolto|rekisteri*, *elevvård|s|register* (Swedish's linking s); the head alone when only the
        head is a word of the index and most of the compound (*varhaiskasvatus|paikka*): closer to what was
        meant than the nearest spelling (*varhaiskasvatuslaki*). The longest head is tried first; a part must match by
        stem or as a compound's head, not only inside a word, and both parts must meet in one document.
        """
        head_alone = None
        for cut in range(len(query_word) - PART, PART - 1, -1):
            head, tail = query_word[:cut], query_word[cut:]
            found = [(word, quality) for word, quality in self._matches(head) if quality >= 0.8]
            if not found:
                continue
            for rest in (tail, tail[1:] if tail.startswith("s") else ""):
                if len(rest) >= PART and self._documents(head) & self._documents(rest):
                    return f"{head} {rest}"
            whole = [word for word, quality in found if quality >= 0.95]
            if head_alone is None and whole and cut >= max(PART + 1, len(query_word) * 2 / 3):
                head_alone = min(whole, key=lambda word: (len(word), word))
        return head_alone

    def _documents(self, query_word: str) -> set[int]:
        """The documents holding a word ``query_word`` matches by stem or as a compound's head."""
        return {
            number
            for word, quality in self._matches(query_word)
            if quality >= 0.8
            for number, _ in self.vocabulary[word].postings
        }

    def search(self, query: str, lang: str) -> Answer:
        """The documents matching ``query``, best first; texts in ``lang`` are preferred for the context."""
        asked = list(dict.fromkeys(words(query)))[:MAX_WORDS]
        searched: list[str] = []
        unknown: list[str] = []
        corrected = False
        for word in asked:
            if self._matches(word):
                searched.append(word)
                continue
            suggestion = self.suggest(word)
            if suggestion is None:
                unknown.append(word)
            else:
                searched.extend(w for w in suggestion.split() if w not in searched)
                corrected = True
        per_document: dict[int, dict[str, tuple[float, int]]] = {}  # document → query word → (score, text)
        marks: dict[int, set[str]] = {}
        places: dict[int, set[str]] = {}  # document → the fields any word was found in
        for query_word in searched:
            for word, quality in self._matches(query_word):
                for number, text_number in self.vocabulary[word].postings:
                    where = self.documents[number].texts[text_number][0]
                    score = quality * WEIGHTS.get(where, WEIGHTS["other"])
                    best = per_document.setdefault(number, {})
                    if score > best.get(query_word, (0.0, 0))[0]:
                        best[query_word] = (score, text_number)
                    marks.setdefault(number, set()).add(word)
                    places.setdefault(number, set()).add(where)
        hits = [self._hit(number, found, marks[number], places[number], lang) for number, found in per_document.items()]
        hits.sort(key=lambda hit: (-hit.matched, -hit.score, hit.key))
        return Answer(tuple(hits), " ".join(searched) if corrected else None, tuple(unknown))

    def _hit(
        self, number: int, found: dict[str, tuple[float, int]], marked: set[str], places: set[str], lang: str
    ) -> Hit:
        """A hit, scored: its best match per query word, plus the rest, which decide between equals.

        A tenth of the weight of every other field the words were found in (of two titles that match
        alike, the one whose keywords say it too comes first), and :data:`TITLE_COVERAGE` times the
        share of a title's words that match (a short name that is just the query before a long one
        that mentions it).
        """
        document = self.documents[number]
        texts = document.texts
        used = {text_number for _, text_number in found.values()}
        fields = tuple(dict.fromkeys(texts[t][0] for t in sorted(used, key=lambda t: -WEIGHTS.get(texts[t][0], 1))))

        def preference(text_number: int) -> tuple[int, int, float]:
            where, text_lang, text = texts[text_number]
            hits_in = sum(1 for w in words(text) if w in marked)
            return (text_lang == lang, hits_in, WEIGHTS.get(where, 1.0))

        # The context: the text in the page's language with the most matching words; none when only the
        # name matched (the name is the link already).
        candidates = [
            t
            for t, (where, _, text) in enumerate(texts)
            if where not in {"title", "written_as"} and any(w in marked for w in words(text))
        ]
        chosen = max(candidates, key=preference) if candidates else None
        titles = [_coverage(text, marked) for where, _, text in texts if where == "title"]
        coverage = TITLE_COVERAGE * max(titles, default=0.0)
        return Hit(
            key=document.key,
            kind=document.kind,
            score=sum(score for score, _ in found.values()) + sum(WEIGHTS.get(p, 1.0) for p in places) / 10 + coverage,
            matched=len(found),
            fields=fields,
            snippet=_snippet(texts[chosen][2], marked) if chosen is not None else (),
            snippet_lang=texts[chosen][1] if chosen is not None else "",
        )


def _grades(query_word: str, lang: str) -> tuple[str, ...]:
    """``query_word`` and, if its end has a weak grade (:data:`GRADES`), the word with the strong one."""
    for weak, strong in GRADES.get(lang, ()):
        at = query_word.rfind(weak)
        if at >= max(1, len(query_word) - 5):
            return (query_word, query_word[:at] + strong + query_word[at + len(weak) :])
    return (query_word,)


def _heads(query_stem: str, lang: str) -> tuple[str, ...]:
    """``query_stem`` and the forms it takes at a compound's head (:data:`HEADS`)."""
    return (
        query_stem,
        *(query_stem[: -len(ending)] + head for ending, head in HEADS.get(lang, ()) if query_stem.endswith(ending)),
    )


def _stems(word: str) -> set[str]:
    return {word, *(stem(word, code) for code in _STEMMERS)}


def _closeness(query_stem: str, word_stem: str) -> float:
    """How well a query stem matches an indexed stem (the rules in the module docstring); 0 if not at all."""
    if query_stem == word_stem:
        return 0.95
    if len(query_stem) >= 3 and word_stem.startswith(query_stem):
        return 0.8
    shorter, longer = sorted((len(query_stem), len(word_stem)))
    if shorter >= 5:
        common = len(_common_prefix(query_stem, word_stem))
        if common >= max(5, shorter - 2, longer - 3):  # not "koulu" for "koulukuljetus"
            return 0.8
    core = query_stem if len(query_stem) < 7 else query_stem[:-2]
    if len(core) >= 5 and word_stem.find(core, 1) > 0:  # inside a compound, not its head (*oppila|itos*)
        return 0.5
    return 0.0


def _coverage(text: str, marked: set[str]) -> float:
    found = words(text)
    return sum(1 for word in found if word in marked) / len(found) if found else 0.0


def _common_prefix(a: str, b: str) -> str:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[:index]
    return a[: min(len(a), len(b))]


def _snippet(text: str, marked: set[str]) -> tuple[tuple[str, bool], ...]:
    """``text`` cut to :data:`SNIPPET` characters around its first marked word, as (piece, marked) pairs."""
    spans = [m.span() for m in _WORD.finditer(text) if m.group().casefold() in marked]
    start, end = 0, len(text)
    if len(text) > SNIPPET and spans:
        first = spans[0][0]
        start = max(0, first - SNIPPET // 3)
        if start:
            start = text.find(" ", start, first) + 1 or start
        end = min(len(text), start + SNIPPET)
        if end < len(text):
            end = text.rfind(" ", spans[0][1], end) if text.rfind(" ", spans[0][1], end) > 0 else end
    elif len(text) > SNIPPET:
        end = text.rfind(" ", 0, SNIPPET) if text.rfind(" ", 0, SNIPPET) > 0 else SNIPPET
    pieces: list[tuple[str, bool]] = [("… ", False)] if start else []
    position = start
    for begin, finish in spans:
        if begin < start or finish > end:
            continue
        if begin > position:
            pieces.append((text[position:begin], False))
        pieces.append((text[begin:finish], True))
        position = finish
    if position < end:
        pieces.append((text[position:end], False))
    if end < len(text):
        pieces.append((" …", False))
    return tuple(pieces)
