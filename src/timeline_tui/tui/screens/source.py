"""The source reader: an article's full text with dates, people and quotes highlighted, opened scrolled
to the passage the user came from, and its metadata with the basis of each value."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...model import SourceAnnotations, Timeline
from ...util.text import same_length_clean


def annotated_text(doc: SourceAnnotations, focus: tuple[int, int] | None) -> Text:
    """The article as data: control characters replaced one for one (offsets stay valid), never markup."""
    text = Text(same_length_clean(doc.source.text))
    for q in doc.quotes:
        text.stylize("italic green" if not q.is_term else "green", q.start, q.end)
    for m in doc.mentions:
        if m.person_id:
            text.stylize("bold magenta", m.start, m.end)
    for t in doc.timexes:
        text.stylize("bold cyan underline", t.start, t.end)
    if focus:
        text.stylize("on grey23", focus[0], focus[1])
    return text


class SourceScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="source.back")]

    def __init__(
        self, doc: SourceAnnotations, timeline: Timeline, focus: tuple[int, int] | None = None
    ) -> None:
        super().__init__()
        self.doc = doc
        self.timeline = timeline
        self.focus_span = focus

    def compose(self) -> ComposeResult:
        yield Static(self._meta(), id="source-meta")
        with VerticalScroll(id="source-body"):
            yield Static(annotated_text(self.doc, self.focus_span), id="source-text")
        yield Footer()

    def _meta(self) -> Text:
        src = self.doc.source
        rec = next((s for s in self.timeline.sources if s.id == src.id), None)
        t = Text()
        t.append(f"{src.id}", style="bold")
        t.append(f"  {src.path}  ({src.encoding})\n", style="grey50")
        fields = {
            name: (getattr(rec, name, None), (rec.basis.get(name) if rec else None))
            for name in ("title", "published", "outlet", "origin", "url", "author")
        }
        for name, (value, basis) in fields.items():
            if value is None:
                if name in ("published", "outlet"):
                    t.append(f"{name}: unknown\n", style="grey50")
                continue
            t.append(f"{name}: ", style="grey62")
            t.append(same_length_clean(str(value)).replace("\n", " "), style="bold")
            if basis:
                t.append(f"  [{same_length_clean(basis)}]", style="grey50")
            t.append("\n")
        t.append("dates", style="bold cyan underline")
        t.append(" · ")
        t.append("people", style="bold magenta")
        t.append(" · ")
        t.append("quotes", style="italic green")
        return t

    def on_mount(self) -> None:
        body = self.query_one("#source-body", VerticalScroll)
        body.focus()
        if self.focus_span:
            line = self.doc.source.text.count("\n", 0, self.focus_span[0])
            self.call_after_refresh(lambda: body.scroll_to(y=max(0, line - 2), animate=False))
