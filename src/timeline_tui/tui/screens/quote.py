"""Quote comparison: every outlet's rendering of one statement, stacked, with the words that differ from
the most common wording highlighted and each rendering's similarity to it."""

from __future__ import annotations

import difflib
import re
from collections import Counter

from rapidfuzz import fuzz
from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...model import QuoteGroup, Timeline
from ...util.names import fold
from ..text import literal, one_line

_TOKEN = re.compile(r"\S+")


def reference_wording(texts: list[str]) -> str:
    """The rendering closest to all others (the most common wording)."""
    if len(texts) <= 2:
        return texts[0]
    scores = Counter()
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            if i != j:
                scores[i] += fuzz.token_set_ratio(fold(a), fold(b))
    return texts[max(scores, key=lambda i: (scores[i], -i))]


def diff_text(text: str, reference: str) -> Text:
    """``text`` with the words absent from ``reference`` (in order) highlighted."""
    words = _TOKEN.findall(text)
    ref = [fold(w) for w in _TOKEN.findall(reference)]
    sm = difflib.SequenceMatcher(a=ref, b=[fold(w) for w in words], autojunk=False)
    out = Text()
    for tag, _i1, _i2, j1, j2 in sm.get_opcodes():
        chunk = " ".join(words[j1:j2])
        if not chunk:
            continue
        if out:
            out.append(" ")
        out.append_text(literal(chunk, "" if tag == "equal" else "bold black on yellow"))
    return out


class QuoteScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="quote.back")]

    def __init__(self, group: QuoteGroup, timeline: Timeline) -> None:
        super().__init__()
        self.group = group
        self.timeline = timeline

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="quote-body"):
            yield Static(self._build(), id="quote-variants")
        yield Footer()

    def _build(self) -> Group:
        names = {p.id: p.name for p in self.timeline.people}
        outlets = {s.id: s.outlet or "unknown outlet" for s in self.timeline.sources}
        texts = [one_line(v.text) for v in self.group.variants]
        ref = reference_wording(texts)
        head = Text()
        head.append("Statement by ", style="grey62")
        head.append_text(literal(names.get(self.group.speaker or "", "unknown speaker"), "bold magenta"))
        head.append(f" — {len(texts)} rendering{'s' if len(texts) != 1 else ''} from ", style="grey62")
        head.append_text(
            literal(", ".join(sorted({outlets.get(v.source, "?") for v in self.group.variants})))
        )
        head.append("\nWords that differ from the most common wording are highlighted.\n", style="grey50")
        parts: list[Text] = [head]
        for v, t in zip(self.group.variants, texts, strict=True):
            sim = fuzz.token_set_ratio(fold(t), fold(ref))
            h = Text()
            h.append_text(literal(f"{outlets.get(v.source, 'unknown outlet')} ", "bold yellow"))
            h.append(f"({v.source}) ", style="grey50")
            h.append("reference wording" if t is ref else f"similarity {sim:.0f}%", style="green")
            body = diff_text(t, ref) if t is not ref else literal(t)
            parts.append(h)
            parts.append(body)
            parts.append(Text(""))
        return Group(*parts)
