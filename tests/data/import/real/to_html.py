"""Write the HTML variants of some real pages: the retrieved text as a web page would mark it up.

The stored copy the pages were retrieved from gives text only, so the importer's HTML reader would
never meet a real page. For the pages in ``TITLES`` this writes ``NN-name.html`` beside
``NN-name.txt``: the title line as ``h1``, every other short line that stands alone (not a
``label: value`` line) as ``h2``, ``•``
items as a list, other lines as paragraphs. The words and their order are the page's; the markup is
ours (a comment in each file says so). Their facts are the ``.txt`` page's, in the same ``.yaml``.

    python tests/data/import/real/to_html.py
"""

from __future__ import annotations

import html
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

TITLES = {
    "04-pyhajoen-kunta": "Asiakirjajulkisuuskuvaus",
    "09-paraisten-kaupunki": "Asiakirjajulkisuuskuvaus",
    "10-kannuksen-kaupunki": "Asiakirjajulkisuuskuvaus",
    "12-keski-suomen-hyvinvointialue": "Asiakirjajulkisuuskuvaus",
    "19-hameen-ammattikorkeakoulu": "Asiakirjajulkisuuskuvaus",
    "20-tampereen-ammattikorkeakoulu": "Asiakirjojen julkisuus TAMKissa",
    "22-jyvaskylan-seurakunta": "Jyväskylän seurakunnan asiakirjajulkisuuskuvaus",
    "25-vasa-stad": "Beskrivning av handlingarnas offentlighet",
    "32-esbo-kyrkliga-samfallighet": "Esbo kyrkliga samfällighets beskrivning av handlingsoffentlighet",
    "33-osterbottens-forbund": "Beskrivning av handlingars offentlighet",
}
"""Page → its title line as the retrieved text writes it (the h1)."""

BULLET = re.compile(r"^\s*•\s?(.*)$")


def page_html(stem: str, text: str, url: str, lang: str) -> str:
    """The HTML of one page's text (see the module's docstring for the rules)."""
    title = TITLES[stem]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        f'<head><meta charset="utf-8"><title>{html.escape(title)}</title></head>',
        "<body>",
        f"<!-- Made by to_html.py from {stem}.txt, the text retrieved from {html.escape(url)};"
        " the words are the page's, the markup is not. -->",
        "<main>",
    ]
    titled = False
    blocks = [block.splitlines() for block in re.split(r"\n[ \t\u00a0]*\n", text.strip("\n"))]
    for lines in blocks:
        items: list[str] = []
        for line in lines:
            bullet = BULLET.match(line)
            if bullet:
                items.append(f"<li>{html.escape(bullet.group(1).strip())}</li>")
                continue
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
                items = []
            words = line.strip()
            if not words:
                continue
            if words == title and not titled:
                out.append(f"<h1>{html.escape(words)}</h1>")
                titled = True
            elif len(lines) == 1 and len(words) < 80 and ": " not in words and not words.endswith((".", ":", ";", ",")):
                out.append(f"<h2>{html.escape(words)}</h2>")
            else:
                out.append(f"<p>{html.escape(words)}</p>")
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join([*out, "</main>", "</body>", "</html>"]) + "\n"


def variants() -> dict[Path, str]:
    """Every HTML variant's path and content, made from the ``.txt`` pages and their facts files."""
    import yaml

    out = {}
    for stem in TITLES:
        source = yaml.safe_load((HERE / f"{stem}.yaml").read_text("utf-8"))["source"]
        text = (HERE / f"{stem}.txt").read_text("utf-8")
        out[HERE / f"{stem}.html"] = page_html(stem, text, source["url"], source["lang"])
    return out


if __name__ == "__main__":
    for path, content in variants().items():
        path.write_text(content, "utf-8")
        print(path.name)
