"""Whatever text the source holds, the four output files parse back to the same graph (or the source is refused)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kasko_dcat import api
from kasko_dcat.rdf.formats import OUTPUT, RdfFormat
from kasko_dcat.rdf.namespaces import DCTERMS
from kasko_dcat.source.problems import Problems, SourceError
from kasko_dcat.source.yamlread import read_yaml

from .conftest import SOURCE

FIXED = [
    *(chr(code) for code in [*range(0x00, 0x21), *range(0x7F, 0xA1)]),
    "\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\ud7ff", "\ue000", "\ufeff", "\u200e",
    "]]>", "<x>&amp;</x>", "\"'\\", '"""', "'''", "\\u0000", "<https://kasko.example/a>", "_:b0", "@prefix x: <y> .",
    "# not a comment", " . ", "{\"@id\": \"x\"}", "\U0001f600", "e\u0301", "\u202eevil", "a\u2028b", "a\u2029b",
]  # fmt: skip
"""Characters and strings each format escapes differently; and the edges of XML's and Unicode's ranges."""


def _random_texts(count: int) -> list[str]:
    pools = [(0, 0x80), (0x80, 0x800), (0xD7F0, 0xD800), (0xE000, 0x10000), (0x10000, 0x110000)]
    rng = random.Random(14)
    texts = []
    for _ in range(count):
        chars = []
        for _ in range(rng.randint(1, 8)):
            low, high = rng.choice(pools)
            chars.append(chr(rng.randrange(low, high)))
        texts.append("".join(chars))
    return texts


def _yaml_escaped(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def _writable(char: str) -> bool:
    """XML 1.0's Char, without C1 controls or Unicode non-characters: what every output format can carry."""
    code = ord(char)
    if code in (0x9, 0xA, 0xD):
        return True
    if code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF:
        return False
    return (code & 0xFFFE) != 0xFFFE


TEXTS = FIXED + _random_texts(300)


def test_the_source_refuses_exactly_the_texts_no_format_can_carry(tmp_path: Path) -> None:
    for text in TEXTS:
        problems = Problems()
        data = read_yaml(tmp_path / "x.yaml", problems, f"t: {_yaml_escaped(text)}\n".encode())
        if all(_writable(char) for char in text):
            assert problems.items == [], (text, [p.message("en") for p in problems.items])
            assert isinstance(data, dict) and data["t"] == text
        else:
            assert [p.code for p in problems.items] == ["yaml-character"], repr(text)


def _source_with_title(folder: Path, texts: list[str]) -> Path:
    """A copy of the source whose catalogue's English title holds every one of ``texts``."""
    shutil.copytree(SOURCE, folder)
    catalog = folder / "catalog.yaml"
    old = "  en: Information resources of the Education Division\n"
    text = catalog.read_text("utf-8")
    assert old in text
    new = "  en: " + _yaml_escaped("Kasko " + " | ".join(texts)) + "\n"
    catalog.write_text(text.replace(old, new, 1), "utf-8")
    return folder


def test_a_text_no_format_can_carry_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as refused:
        api.build(_source_with_title(tmp_path / "source", TEXTS))
    assert [(p.where.file.endswith("catalog.yaml"), p.code) for p in refused.value.problems] == [
        (True, "yaml-character")
    ]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> api.Built:
    kept = [text for text in TEXTS if all(_writable(char) for char in text)]
    folder = _source_with_title(tmp_path_factory.mktemp("hostile") / "source", kept)
    try:
        return api.build(folder)
    except SourceError as exc:
        pytest.fail("; ".join(p.message("en") for p in exc.problems))


@pytest.mark.parametrize("fmt", OUTPUT, ids=lambda fmt: fmt.filename)
def test_every_output_file_parses_back_to_the_graph_built(hostile_build: api.Built, fmt: RdfFormat) -> None:
    data = hostile_build.files[fmt.filename]
    back = Graph().parse(data=data, format=fmt.rdflib)
    assert isomorphic(back, hostile_build.graph)
    store = ox.Store()  # what query, serve and publish load it with
    store.load(data, format=fmt.oxigraph)
    assert len(store) == len(hostile_build.graph)
    titles = {str(o) for o in back.objects(predicate=DCTERMS.title) if str(o).startswith("Kasko ")}
    assert len(titles) == 1 and "]]>" in titles.pop()
