"""Reading TimeML (.tml) files: plain text of <TEXT>, the DCT and the gold TIMEX3 spans (offsets into
that text). Shared by scripts/eval_timeml.py and bench/bench_tagger.py."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    dct: str
    text: str
    timexes: list[GoldTimex]


def read_tml(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    dct = m.group(1)[:10] if m else ""
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    src = body.group(1) if body else ""
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    for t in _TAG.finditer(src):
        chunk = html.unescape(src[pos : t.start()])
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs = t.group(1), t.group(2), t.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            timexes.append(GoldTimex(start, length, "", a.get("type", ""), a.get("value", "")))
    chunk = html.unescape(src[pos:])
    out.append(chunk)
    text = "".join(out)
    for g in timexes:
        g.text = text[g.start : g.end]
    return Doc(path.stem, dct, text, sorted(timexes, key=lambda g: g.start))


def read_corpus(root: Path) -> list[Doc]:
    return [read_tml(p) for p in sorted(root.rglob("*.tml"))]
