"""The event screen: every dating with its explanation, people, outlets, corroboration and conflicts,
the passages grouped by outlet with time expressions and people highlighted, and the quotes."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...dates import format_value
from ...model import Event, Evidence, QuoteGroup, Timeline, UserMark
from ..text import literal, one_line


def highlight(text: str, ev: Evidence, people_words: list[str]) -> Text:
    t = literal(text)
    if ev.time and ev.time.text:
        t.highlight_words([one_line(ev.time.text)], style="bold cyan")
    t.highlight_words([w for w in people_words if len(w) > 2], style="bold magenta")
    return t


class EventScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="event.back"),
        Binding("enter", "select", "Open passage / quote", show=False, id="event.select"),
        Binding("s", "app.toggle_star", "Star", id="event.star"),
        Binding("t", "app.tag", "Tag", id="event.tag"),
        Binding("n", "app.note", "Note", id="event.note"),
    ]

    def __init__(self, event: Event, timeline: Timeline, mark: UserMark | None) -> None:
        super().__init__()
        self.event = event
        self.timeline = timeline
        self.mark = mark
        self._targets: dict[str, tuple[str, object]] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="event-body"):
            yield Static(self._header(), id="event-header")
            yield OptionList(*self._options(), id="event-items")
        yield Footer()

    def _header(self) -> Group:
        ev = self.event
        names = {p.id: p.name for p in self.timeline.people}
        title = Text()
        title.append(format_value(ev.date), style="bold cyan")
        if ev.end:
            title.append(f" – {format_value(ev.end)}", style="bold cyan")
        title.append("  ")
        title.append_text(literal(ev.title, "bold"))
        info = Text()
        info.append(
            f"granularity {ev.granularity}{' · approximate' if ev.approximate else ''} · ", style="grey62"
        )
        info.append(f"{ev.corroboration} source{'s' if ev.corroboration != 1 else ''}", style="green")
        if ev.people:
            info.append("\nPeople: ", style="grey62")
            info.append_text(literal(", ".join(names.get(p, p) for p in ev.people), "magenta"))
        info.append("\nOutlets: ", style="grey62")
        info.append_text(literal(", ".join(ev.outlets) or "unknown"))
        for c in ev.conflicts:
            info.append(f"\nConflict: {c.date} according to {', '.join(c.sources)}", style="bold red")
        if self.mark and (self.mark.starred or self.mark.tags or self.mark.note):
            info.append("\n")
            if self.mark.starred:
                info.append("★ starred ", style="gold1")
            if self.mark.tags:
                info.append_text(literal("tags: " + ", ".join(self.mark.tags)))
            if self.mark.note:
                info.append("\nnote: ", style="grey62")
                info.append_text(literal(self.mark.note))
        datings = Text("\nDatings\n", style="bold underline")
        seen = set()
        for e in ev.evidence:
            if e.time and (e.source, e.time.text) not in seen:
                seen.add((e.source, e.time.text))
                datings.append(f"  {e.source}: ", style="grey50")
                datings.append_text(literal(e.time.explanation or e.time.text, "cyan"))
                datings.append("\n")
        undated = sum(1 for e in ev.evidence if e.time is None)
        if undated:
            datings.append(
                f"  {undated} passage(s) linked by content, without a date of their own\n", style="grey50"
            )
        return Group(title, info, datings)

    def _options(self) -> list[Option | None]:
        ev = self.event
        outlets = {s.id: (s.outlet or "unknown outlet") for s in self.timeline.sources}
        people_words: list[str] = []
        for p in self.timeline.people:
            if p.id in ev.people:
                people_words += [p.name, p.name.split()[-1], *p.aliases]
        grouped: dict[str, list[Evidence]] = defaultdict(list)
        for e in ev.evidence:
            grouped[outlets.get(e.source, "unknown outlet")].append(e)
        options: list[Option | None] = []
        n = 0
        for outlet in sorted(grouped):
            options.append(Option(literal(f"▌ {outlet}", "bold yellow"), disabled=True))
            for e in grouped[outlet]:
                oid = f"ev{n}"
                n += 1
                label = Text(f"  {e.source} ", style="grey50")
                label.append_text(highlight(e.text, e, people_words))
                if e.time is None:
                    label.append("  (linked by content)", style="italic grey50")
                self._targets[oid] = ("evidence", e)
                options.append(Option(label, id=oid))
        quotes = {q.id: q for q in self.timeline.quotes}
        groups = [quotes[q] for q in ev.quotes if q in quotes]
        if groups:
            options.append(None)
            options.append(Option(Text("▌ Quotes", style="bold yellow"), disabled=True))
            names = {p.id: p.name for p in self.timeline.people}
            for i, g in enumerate(groups):
                oid = f"q{i}"
                label = Text("  ")
                label.append_text(literal(names.get(g.speaker or "", "unknown speaker"), "magenta"))
                label.append(
                    f" ({len(g.variants)} rendering{'s' if len(g.variants) != 1 else ''}): ", style="grey50"
                )
                label.append_text(literal(one_line(g.variants[0].text)[:160]))
                self._targets[oid] = ("quote", g)
                options.append(Option(label, id=oid))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self._open(message.option.id)

    def action_select(self) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None:
            self._open(ol.get_option_at_index(ol.highlighted).id)

    def _open(self, oid: str | None) -> None:
        target = self._targets.get(oid or "")
        if target is None:
            return
        kind, obj = target
        if kind == "quote":
            from .quote import QuoteScreen

            assert isinstance(obj, QuoteGroup)
            self.app.push_screen(QuoteScreen(obj, self.timeline))
        else:
            assert isinstance(obj, Evidence)
            doc = self.timeline.docs.get(obj.source)
            if doc is None:
                self.notify("This timeline was loaded from an export: the article text is not available.")
                return
            from .source import SourceScreen

            self.app.push_screen(SourceScreen(doc, self.timeline, focus=(obj.start, obj.end)))
